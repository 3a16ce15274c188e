"""A line-aware scan of a Markdown body: headings, raw HTML, links and images.

The renderer keeps no line numbers, so the validator scans the source
itself. The scan skips fenced code blocks and inline code spans, where
Markdown shows text literally.

Every step is linear in the length of a line: code spans and inline links are
found by hand-written scanners, and the remaining patterns are anchored or
cannot backtrack over more than a bounded stretch (a contributed file is
untrusted input, and a backtracking pattern could make the check run for hours).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_OPEN = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BACKTICKS = re.compile(r"`+")
_URL_ATTRIBUTE = re.compile(
    r"""(?<![^\s])(?:href|src|srcset|action|formaction|poster)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""",
    re.I,
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^>]*)>?|<!--|<\?|<![A-Za-z]")
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
    complex_lines: list[int]  # lines whose links could not all be read (see _inline_links)
    html_links: list[Link] = field(default_factory=list)  # URLs in raw HTML attributes


def _blank_code_spans(line: str) -> str:
    """``line`` with every inline code span (backticks included) replaced by spaces.

    A span opens with a run of backticks and closes at the next run of the same
    length. Each length keeps a pointer into its runs that only moves forward,
    so the scan is linear however many backticks a line holds.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    pointer = dict.fromkeys(by_length, 0)
    out = []
    pos = 0
    k = 0
    while k < len(runs):
        start, end = runs[k]
        length = end - start
        same = by_length[length]
        p = pointer[length]
        while p < len(same) and same[p] <= k:
            p += 1
        pointer[length] = p
        if p == len(same):
            k += 1
            continue
        close = runs[same[p]][1]
        out.append(line[pos:start])
        out.append(" " * (close - start))
        pos = close
        k = same[p] + 1
    out.append(line[pos:])
    return "".join(out)


def _atx(line: str) -> Heading | None:
    """An ATX heading ``## Text ##`` (level and text), without a backtracking pattern."""
    m = _ATX_OPEN.match(line)
    if not m:
        return None
    text = line[m.end() :].rstrip(" \t#").strip()
    return Heading(len(m.group(1)), text, 0, 1)


class _Finder:
    """``str.find`` that remembers its last answer, so repeated searches stay linear."""

    def __init__(self, text: str, needle: str):
        self.text = text
        self.needle = needle
        self.found = -2  # not searched yet

    def after(self, pos: int) -> int:
        if self.found == -1 or (self.found >= pos):
            return self.found
        self.found = self.text.find(self.needle, pos)
        return self.found


_BRACKET = re.compile(r"\\.|[\[\]]")
_DEST_CHUNK = re.compile(r"(?:[^\s()\\]|\\.)*")
MAX_PARENS = 32  # nesting of parentheses in a link target, as cmark allows
WORK_PER_CHAR = 1  # scanning budget per character of a line, for link targets


def _inline_links(line: str) -> tuple[list[tuple[str, bool, int]], bool]:
    """Inline links and images ``[text](target "title")``: (target, image, 0-based column).

    Brackets are matched with a stack over the bracket characters only; after
    each ``](`` the target is read chunk by chunk up to white space or an
    unbalanced parenthesis, and the optional title and closing parenthesis are
    found with searches that remember their result. Reading targets has a budget
    proportional to the line; the second value is False when a line spent it
    (no sensible text does), and the rest of that line was not scanned.
    """
    out: list[tuple[str, bool, int]] = []
    stack: list[int] = []
    finders = {q: _Finder(line, q) for q in ('"', "'", ")", ">")}
    budget = [WORK_PER_CHAR * len(line) + 1000]
    resume = 0
    for m in _BRACKET.finditer(line):
        i = m.start()
        if i < resume:
            continue
        ch = m.group(0)
        if ch == "[":
            stack.append(i)
        elif ch == "]" and stack:
            opening = stack.pop()
            if line.startswith("(", i + 1):
                found = _link_target(line, i + 2, finders, budget)
                if budget[0] < 0:
                    return out, False
                if found is not None:
                    target, column, end = found
                    image = opening > 0 and line[opening - 1] == "!"
                    out.append((target, image, column))
                    stack.clear()  # links do not nest
                    resume = end
    return out, True


def _link_target(
    line: str, pos: int, finders: dict[str, _Finder], budget: list[int]
) -> tuple[str, int, int] | None:
    """The target after ``](`` at ``pos``: (target, column, index after the link) or None."""
    n = len(line)
    while pos < n and line[pos] in " \t":
        pos += 1
    column = pos
    if pos < n and line[pos] == "<":
        close = finders[">"].after(pos + 1)
        if close == -1:
            return None
        target = line[pos + 1 : close]
        if "<" in target:
            return None
        end = close + 1
    else:
        depth = 0
        end = pos
        while True:
            chunk = _DEST_CHUNK.match(line, end)
            assert chunk is not None  # the pattern matches the empty string
            budget[0] -= chunk.end() - end + 1
            end = chunk.end()
            if end >= n or budget[0] < 0:
                break
            c = line[end]
            if c == "(":
                depth += 1
                if depth > MAX_PARENS:
                    return None
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            else:
                break  # white space, or a lone backslash at the end
            end += 1
        target = line[pos:end]
    while end < n and line[end] in " \t":
        end += 1
    if end < n and line[end] in "\"'(":
        quote = ")" if line[end] == "(" else line[end]
        close = finders[quote].after(end + 1)
        if close == -1:
            return None
        end = close + 1
        while end < n and line[end] in " \t":
            end += 1
    if end < n and line[end] == ")":
        return target, column, end + 1
    return None


def scan(body: str, first_line: int) -> BodyScan:
    headings: list[Heading] = []
    tags: list[Tag] = []
    links: list[Link] = []
    complex_lines: list[int] = []
    html_links: list[Link] = []
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
            heading = _atx(line)
            if heading:
                headings.append(Heading(heading.level, heading.text, line_no, 1))
        elif first in ("=", "-") and previous.strip():
            m = _SETEXT.match(line)
            if m and not _atx(previous):
                level = 1 if m.group(1)[0] == "=" else 2
                headings.append(Heading(level, previous.strip(), line_no - 1, 1))
        if "<" in line:
            for m in _TAG.finditer(line):
                if m.group(2):
                    name = m.group(2).lower()
                    attrs = (m.group(3) or "").strip().rstrip("/").strip()
                    tags.append(Tag(name, bool(m.group(1)), bool(attrs), line_no, m.start() + 1))
                    if attrs and "=" in attrs:
                        for a in _URL_ATTRIBUTE.finditer(line, m.start(3), m.end(3)):
                            value = a.group(1)
                            quoted = value[:1] in ("'", '"')
                            target = value[1:-1] if quoted else value
                            column = a.start(1) + (2 if quoted else 1)
                            html_links.append(Link(target, name == "img", line_no, column))
                else:
                    tags.append(Tag(m.group(0)[1:].lower(), False, True, line_no, m.start() + 1))
            for m in _AUTOLINK.finditer(line):
                links.append(Link(m.group(1), False, line_no, m.start(1) + 1))
        if "](" in line:
            found, complete = _inline_links(line)
            for target, image, column in found:
                links.append(Link(target, image, line_no, column + 1))
            if not complete:
                complex_lines.append(line_no)
        if first == "[" and "]:" in line:
            m = _REF_DEF.match(line)
            if m:
                target = m.group(2).strip("<>")
                links.append(Link(target, False, line_no, m.start(2) + 1))
        previous = line
    return BodyScan(headings, tags, links, complex_lines, html_links)


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
