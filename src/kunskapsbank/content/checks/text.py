"""Checks of the Markdown text: sections in order, allowed HTML, links and images."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kunskapsbank import urlpolicy
from kunskapsbank.content import body as body_scan
from kunskapsbank.content.loader import Document, is_outside, read_document
from kunskapsbank.content.model import FACETS
from kunskapsbank.errors.catalogue import problem
from kunskapsbank.htmlpolicy import GUIDE_TAGS
from kunskapsbank.urls import CASES, FEED, case_url

if TYPE_CHECKING:
    from kunskapsbank.content.validate import Validator


def case_body(v: Validator, doc: Document) -> None:
    scan = body_scan.scan(doc.body, doc.body_line)
    rel = doc.rel
    order = ", ".join(f"'{s}'" for s in v.sections)
    for h in scan.headings:
        if h.level == 1:
            doc.problems.append(problem("body-h1", rel, h.line, h.column, text=h.text))
    found: dict[str, int] = {}
    for h in scan.headings:
        if h.level == 2 and h.text in v.sections and h.text not in found:
            found[h.text] = h.line
    previous: str | None = None
    for name in v.sections:
        if name not in found:
            doc.problems.append(
                problem("body-section-missing", rel, doc.last_line, 1, section=name, order=order)
            )
            continue
        if previous is not None and found[name] < found[previous]:
            doc.problems.append(
                problem(
                    "body-section-order",
                    rel,
                    found[name],
                    1,
                    section=name,
                    previous=previous,
                    order=order,
                )
            )
        previous = name
    allowed = ", ".join(f"<{t}>" for t in sorted(v.allowed_html))
    for tag in scan.tags:
        if tag.name not in v.allowed_html:
            if not tag.closing:
                doc.problems.append(
                    problem(
                        "html-not-allowed",
                        rel,
                        tag.line,
                        tag.column,
                        tag=tag.name,
                        allowed=allowed,
                    )
                )
        elif tag.has_attributes and not tag.closing:
            doc.problems.append(problem("html-attribute", rel, tag.line, tag.column, tag=tag.name))
    links(v, doc, scan, check_files=True)


def links(v: Validator, doc: Document, scan: body_scan.BodyScan, *, check_files: bool) -> None:
    """Every link and image: an allowed scheme, a URL the policy accepts once the site has
    rewritten it, and (in a case) a target that exists."""
    rel = doc.rel
    for line_no in scan.complex_lines:
        doc.problems.append(problem("link-complex", rel, line_no, 1))
    for link in scan.links:
        kind = "Bilden" if link.image else "Länken"
        scheme = body_scan.url_scheme(link.target)
        if scheme is not None:
            allowed = v.image_schemes if link.image else v.link_schemes
            if scheme not in allowed:
                code = "image-scheme" if link.image else "link-scheme"
                doc.problems.append(
                    problem(code, rel, link.line, link.column, kind=kind, scheme=scheme)
                )
                continue
        written = body_scan.destination(link.target)
        if scheme is None and urlpolicy.refusal(written) == urlpolicy.HOST:
            doc.problems.append(
                problem("url-host", rel, link.line, link.column, kind=kind, target=link.target)
            )
            continue
        if check_files:
            page: str | None = case_url(doc.path.stem)
        else:  # a guidance page: MkDocs resolves links from the file's folder
            folder = doc.path.parent.relative_to(v.layout.docs_dir).as_posix()
            page = None if folder == "." else folder + "/"
        if not url_policy(v, doc, link, kind, written, page, rewrite=check_files):
            continue
        if check_files and scheme is None:
            target = unquote(written.split("#", 1)[0].split("?", 1)[0])
            if target:
                local_target(v, doc, link, target, kind)


def url_policy(
    v: Validator,
    doc: Document,
    link: body_scan.Link,
    kind: str,
    written: str,
    page: str | None,
    *,
    rewrite: bool,
) -> bool:
    """The URL the site would write for a link must pass the URL policy (False: reported)."""
    attr = "src" if link.image else "href"
    if page is None or not rewrite:
        final: str | None = written
        page = page or ""
    else:
        final = v.links.rewrite(written, doc.path.parent, page)
    if final is None:
        return True  # dropped by the renderer; the file checks say why
    reason = urlpolicy.refusal(final, attr, page)
    if reason is None:
        return True
    doc.problems.append(
        problem(
            "url-unsafe",
            doc.rel,
            link.line,
            link.column,
            kind=kind,
            target=link.target,
            final=final,
            reason=URL_REASONS[reason],
        )
    )
    return False


def local_target(v: Validator, doc: Document, link: body_scan.Link, target: str, kind: str) -> bool:
    """A relative or site-absolute link must lead to a file or page of the project."""
    if target.startswith("/"):
        if site_path_exists(v, target):
            return True
        variant = "site"
    else:
        resolved = Path(os.path.normpath(doc.path.parent / target))
        if is_outside(resolved, v.layout.root):
            doc.problems.append(
                problem(
                    "link-outside",
                    doc.rel,
                    link.line,
                    link.column,
                    kind=kind,
                    target=link.target,
                )
            )
            return False
        if resolved.is_file():
            return True
        variant = "image" if link.image else "file"
    doc.problems.append(
        problem(
            "link-missing",
            doc.rel,
            link.line,
            link.column,
            hint=variant,
            kind=kind,
            target=link.target,
        )
    )
    return False


def site_path_exists(v: Validator, target: str) -> bool:
    """True when ``target`` (a path from the site root) is a page or file of the site."""
    if "//" in target or "\\" in target:
        return False
    clean = target.strip("/")
    if not clean:
        return True
    parts = clean.split("/")
    if any(part in (".", "..") for part in parts):
        return False
    if clean + "/" == CASES or clean.startswith(CASES):
        return _case_path_exists(v, parts[1:])
    if clean in SITE_FILES:
        return True
    if parts[0] == "schemas" and len(parts) == 2:  # the exported schemas (site/exports.py)
        names = {f"{n}.schema.json" for n in v.schemas.resolved} | {"vocabularies.json"}
        return parts[1] in names
    key = clean.removesuffix(".md")
    if key in v.index.guide_keys or f"{key}/index" in v.index.guide_keys:
        return True
    return "." in parts[-1] and _is_plain_file(v.layout.docs_dir, parts)


def _case_path_exists(v: Validator, parts: list[str]) -> bool:
    """The case library, a case, a case asset, a facet index or value page, and their pages."""
    if len(parts) >= 2 and parts[-2] == "sida" and parts[-1].isdigit():
        parts = parts[:-2]
    if not parts:
        return True
    if parts[0] == "assets":
        return _is_plain_file(v.layout.cases_dir, parts)
    if len(parts) == 1 and parts[0] in v.index.case_slugs:
        return True
    facet = next((f for f in FACETS if f.path == parts[0]), None)
    if facet is None or len(parts) > 2:
        return False
    used = _facet_values(v).get(facet.path, set())
    return (len(parts) == 1 and bool(used)) or (len(parts) == 2 and parts[1] in used)


def _facet_values(v: Validator) -> dict[str, set[str]]:
    """Facet values that published cases use: the facet pages the build will write.

    Read on the first link to a facet page only (few cases have one), then kept.
    """
    if v.facets is None:
        values: dict[str, set[str]] = {f.path: set() for f in FACETS}
        max_bytes = v.layout.settings.max_file_bytes
        for path in v.layout.case_files():
            if path.is_symlink():
                continue
            doc = read_document(path, v.layout.rel(path), max_bytes=max_bytes)
            if not isinstance(doc.data, dict) or doc.data.get("draft") is True:
                continue
            for f in FACETS:
                try:
                    values[f.path].update(x for x in f.values(doc.data) if isinstance(x, str))
                except (AttributeError, TypeError):
                    continue  # a malformed value; its own file reports it
        v.facets = values
    return v.facets


def guide_html(doc: Document, scan: body_scan.BodyScan) -> None:
    """Raw HTML in a guidance page: only the tags its sanitizer keeps (render/guide_html)."""
    allowed = ", ".join(f"<{t}>" for t in sorted(GUIDE_TAGS))
    for tag in scan.tags:
        if tag.name in GUIDE_TAGS or tag.closing or tag.name == "!--":
            continue
        doc.problems.append(
            problem("guide-html", doc.rel, tag.line, tag.column, tag=tag.name, allowed=allowed)
        )


# Files the engine writes at the site root, besides pages.
SITE_FILES = frozenset({"cases.json", "cases.csv", FEED, "sitemap.xml"})
URL_REASONS = {
    urlpolicy.CONTROL: "den innehåller mellanslag eller osynliga styrtecken",
    urlpolicy.SCHEME: "bara https: och mailto: är tillåtna adresstyper",
    urlpolicy.EMBED_SCHEME: "bilder måste vara filer i projektet",
    urlpolicy.HOST: "den pekar till en annan webbplats",
    urlpolicy.OUTSIDE: "den pekar utanför webbplatsen",
}


def _is_plain_file(folder: Path, parts: list[str]) -> bool:
    """True when ``folder/parts`` is a regular file, reached without a symbolic link."""
    path = folder
    for part in parts:
        path = path / part
        if path.is_symlink():
            return False
    return path.is_file()
