"""Checks of the Markdown text: sections in order, allowed HTML, links and images."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kunskapsbank.content import body as body_scan
from kunskapsbank.content.loader import Document, is_outside
from kunskapsbank.errors.catalogue import problem

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
    rel = doc.rel
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
        if not check_files:
            continue
        target = unquote(link.target.split("#", 1)[0].split("?", 1)[0])
        if not target:
            continue
        local_target(v, doc, link, target, kind)


def local_target(v: Validator, doc: Document, link: body_scan.Link, target: str, kind: str) -> None:
    """A relative or site-absolute link must lead to a file or page of the project."""
    if target.startswith("/"):
        if site_path_exists(v, target):
            return
        suggestion = (
            "Kontrollera adressen. Sidor på webbplatsen börjar med /vagledning/ eller /fall/."
        )
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
            return
        if resolved.is_file():
            return
        suggestion = (
            "Lägg bilden i cases/assets/ och skriv 'assets/filnamn'."
            if link.image
            else "Kontrollera stavningen och att filen finns i projektet."
        )
    doc.problems.append(
        problem(
            "link-missing",
            doc.rel,
            link.line,
            link.column,
            kind=kind,
            target=link.target,
            suggestion=suggestion,
        )
    )


def site_path_exists(v: Validator, target: str) -> bool:
    clean = target.strip("/")
    if not clean:
        return True
    parts = clean.split("/")
    if parts[0] == "fall":
        # /fall/, /fall/<slug>/ and facet pages such as /fall/lan/skane/
        return len(parts) == 1 or parts[1] in v.index.case_slugs or len(parts) >= 3
    key = clean.removesuffix(".md")
    return key in v.index.guide_keys or f"{key}/index" in v.index.guide_keys
