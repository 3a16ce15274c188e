"""A line-aware scan of a Markdown body: headings, raw HTML, links and images.

The renderer keeps no line numbers, so the validator scans the source
itself. The scan skips fenced code blocks and inline code spans, where
Markdown shows text literally.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^>]*)>?|<!--|<\?|<![A-Za-z]")
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Tag:
    name: str  # lower case; '!--' for a comment
    closing: bool
    has_attributes: bool
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Link:
    target: str  # as written
    image: bool
    line: int
    column: int


@dataclass(slots=True)
class BodyScan:
    headings: list[Heading]
    tags: list[Tag]
    links: list[Link]


def _blank_code_spans(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def scan(body: str, first_line: int) -> BodyScan:
    headings: list[Heading] = []
    tags: list[Tag] = []
    links: list[Link] = []
    fence: str | None = None
    previous = ""
    lines = body.split("\n")
    for index, raw in enumerate(lines):
        line_no = first_line + index
        if fence is not None:
            if raw.lstrip(" ").startswith(fence):
                fence = None
            previous = ""
            continue
        m = _FENCE.match(raw)
        if m:
            fence = m.group(1)[0] * 3
            previous = ""
            continue
        line = _blank_code_spans(raw) if "`" in raw else raw
        first = line.lstrip(" ")[:1]
        if first == "#":
            m = _ATX.match(line)
            if m:
                headings.append(Heading(len(m.group(1)), (m.group(2) or "").strip(), line_no, 1))
        elif first in ("=", "-") and previous.strip():
            m = _SETEXT.match(line)
            if m and not _ATX.match(previous):
                level = 1 if m.group(1)[0] == "=" else 2
                headings.append(Heading(level, previous.strip(), line_no - 1, 1))
        if "<" in line:
            for m in _TAG.finditer(line):
                if m.group(2):
                    name = m.group(2).lower()
                    attrs = (m.group(3) or "").strip().rstrip("/").strip()
                    tags.append(Tag(name, bool(m.group(1)), bool(attrs), line_no, m.start() + 1))
                else:
                    tags.append(Tag(m.group(0)[1:].lower(), False, True, line_no, m.start() + 1))
            for m in _AUTOLINK.finditer(line):
                links.append(Link(m.group(1), False, line_no, m.start(1) + 1))
        if "](" in line:
            for m in _INLINE_LINK.finditer(line):
                target = m.group(3)
                if target.startswith("<") and target.endswith(">"):
                    target = target[1:-1]
                links.append(Link(target, m.group(1) == "!", line_no, m.start(3) + 1))
        if first == "[" and "]:" in line:
            m = _REF_DEF.match(line)
            if m:
                target = m.group(2).strip("<>")
                links.append(Link(target, False, line_no, m.start(2) + 1))
        previous = line
    return BodyScan(headings, tags, links)


def url_scheme(target: str) -> str | None:
    """The scheme of a URL as a browser would see it, lower case, or None.

    Entities are decoded and control characters and spaces dropped first, so
    ``jav&#x61;script:`` and ``java\\tscript:`` are recognised.
    """
    decoded = _CONTROL.sub("", html.unescape(html.unescape(target)))
    m = _SCHEME.match(decoded)
    return m.group(1).lower() if m else None


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def destination(target: str) -> str:
    """A link destination as the Markdown renderer reads it: escapes and entities resolved."""
    out = []
    i = 0
    while i < len(target):
        ch = target[i]
        if ch == "\\" and i + 1 < len(target) and target[i + 1] in _ASCII_PUNCTUATION:
            out.append(target[i + 1])
            i += 2
            continue
        out.append(ch)
        i += 1
    return html.unescape("".join(out))
