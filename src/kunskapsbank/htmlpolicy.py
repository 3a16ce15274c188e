"""The HTML the site publishes from contributed and editors' text: tags, attributes, classes.

One policy, read by the body renderer (cases), the guide sanitizer and the
validator. What contributors may write as raw HTML in a case body is narrower and
lives in the case schema (``x-body.allowed_html``); this is what the sanitizer
lets through after Markdown has been rendered.
"""

from __future__ import annotations

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

GUIDE_TAGS = ALLOWED_TAGS | {
    "h1", "div", "span", "section", "details", "summary", "figure", "figcaption",
    "caption", "colgroup", "col", "dfn", "mark", "small", "s", "q", "cite", "i", "b",
}  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
GUIDE_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
    **{tag: {"id"} for tag in HEADINGS},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "scope", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "dfn": {"title"},
    "details": {"open"},
    "ol": {"start"},
}
# Editors' trusted markup: the classes each tag may carry, nothing else.
ADMONITIONS = {
    "admonition", "note", "abstract", "info", "tip", "success", "question", "warning",
    "failure", "danger", "bug", "example", "quote",
}  # fmt: skip
GUIDE_CLASSES: dict[str, set[str]] = {
    "div": ADMONITIONS | {"kb-start", "kb-notice", "kb-table-wrap"},
    "details": ADMONITIONS,
    "p": {"admonition-title", "kb-notice"},
    "a": {"md-button", "md-button--primary"},
    "table": {"kb-table"},
}
