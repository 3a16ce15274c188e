"""Markdown to sanitized HTML: a case body as cmark-gfm renders it, cleaned by nh3.

No template engine ever sees contributed text. The body is rendered by
cmark-gfm, the dialect contributors see in GitHub's pull-request preview, and
then sanitized by nh3 with an allowlist, whatever the validator said.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import nh3
from cmarkgfm.cmark import Options as CmarkOptions
from cmarkgfm.cmark import markdown_to_html_with_extensions

from kunskapsbank import urlpolicy
from kunskapsbank.config import Layout
from kunskapsbank.content.loader import Document
from kunskapsbank.htmlpolicy import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES
from kunskapsbank.links import LinkMap
from kunskapsbank.urls import case_url

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
        self.links = LinkMap(layout.cases_dir, layout.docs_dir, guide_keys)

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
            if attr in urlpolicy.URL_ATTRIBUTES:
                return self.final_url(value, attr, source_dir, page)
            return value

        return nh3.clean(
            raw_html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            attribute_filter=attribute_filter,
            link_rel="noopener noreferrer",
        )

    def final_url(self, value: str, attr: str, source_dir: Path, page: str) -> str | None:
        """The URL written for ``value``: rewritten to a site URL, then checked by the policy."""
        rewritten = self.links.rewrite(value, source_dir, page)
        if rewritten is None or not urlpolicy.allowed(rewritten, attr, page):
            return None
        return rewritten
