"""Markdown to sanitized HTML: a case body as cmark-gfm renders it, cleaned by nh3.

No template engine ever sees contributed text. The body is rendered by
cmark-gfm, the dialect contributors see in GitHub's pull-request preview, and
then sanitized by nh3 with an allowlist, whatever the validator said.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

import nh3
from cmarkgfm.cmark import Options as CmarkOptions
from cmarkgfm.cmark import markdown_to_html_with_extensions

from kunskapsbank.config import Layout
from kunskapsbank.content.loader import Document
from kunskapsbank.urls import CASES, case_url, guide_url, rel_url

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em", "strong",
    "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr",
    "br", "abbr", "sub", "sup", "kbd", "del", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"https", "mailto"}
# GitHub's dialect without bare-URL autolinks, which would also link http: and
# www. addresses the validator never saw. Raw HTML passes to nh3, which keeps
# only the allowed tags; the validator has already reported the rest.
CMARK_EXTENSIONS = ("table", "strikethrough", "tagfilter")
CMARK_OPTIONS = CmarkOptions.CMARK_OPT_UNSAFE | CmarkOptions.CMARK_OPT_VALIDATE_UTF8


class BodyRenderer:
    """Markdown to sanitized HTML, with links rewritten to site URLs.

    Needs only the project layout and the guidance pages that exist, so that it
    can run in worker processes before the collection is built.
    """

    def __init__(self, layout: Layout, guide_keys: Iterable[str]):
        self.guide_urls = {key: guide_url(key) for key in guide_keys}
        self.root = layout.root
        self.cases_dir = layout.cases_dir
        self.docs_dir = layout.docs_dir

    def render(self, doc: Document) -> str:
        """The sanitized HTML of a case body (``doc`` is a case file)."""
        raw_html = markdown_to_html_with_extensions(
            doc.body, options=CMARK_OPTIONS, extensions=CMARK_EXTENSIONS
        )
        page = case_url(doc.path.stem)
        source_dir = doc.path.parent

        def attribute_filter(tag: str, attr: str, value: str) -> str | None:
            if tag == "img" and attr == "src" and ":" in value.split("/", 1)[0]:
                return None  # never load an image from another host
            if attr in ("href", "src"):
                return self._rewrite(value, source_dir, page)
            return value

        return nh3.clean(
            raw_html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            attribute_filter=attribute_filter,
            link_rel="noopener noreferrer",
        )

    def _rewrite(self, value: str, source_dir: Path, page: str) -> str | None:
        if value.startswith(("https:", "mailto:", "#")) or not value:
            return value
        if ":" in value.split("/", 1)[0]:
            return None  # any other scheme: drop the attribute
        path_part, sep, fragment = value.partition("#")
        target = unquote(path_part.split("?", 1)[0])
        if target.startswith("/"):
            return rel_url(target.lstrip("/"), page) + (sep + fragment if sep else "")
        resolved = Path(posixpath.normpath((source_dir / target).as_posix()))
        site_path = self._site_path(resolved)
        if site_path is None:
            return None
        return rel_url(site_path, page) + (sep + fragment if sep else "")

    def _site_path(self, path: Path) -> str | None:
        try:
            inside_cases = path.relative_to(self.cases_dir)
        except ValueError:
            inside_cases = None
        if inside_cases is not None:
            if inside_cases.suffix == ".md" and len(inside_cases.parts) == 1:
                return case_url(inside_cases.stem)
            return CASES + inside_cases.as_posix()
        try:
            inside_docs = path.relative_to(self.docs_dir)
        except ValueError:
            return None
        if inside_docs.suffix == ".md":
            key = inside_docs.with_suffix("").as_posix()
            return self.guide_urls.get(key)
        return inside_docs.as_posix()
