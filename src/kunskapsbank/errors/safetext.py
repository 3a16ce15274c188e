"""Contributed strings on their way out: to a terminal, into XML.

Validation refuses control characters in frontmatter strings
(``string-control``), but what the engine prints or writes never relies on
that alone: the terminal gets visible escapes, XML gets only the characters
XML 1.0 allows.
"""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1) and the two Unicode line separators.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Control characters a frontmatter string may not hold (tab and newline may).
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, f"\\u{ord(ch):04x}")


def printable(text: str) -> str:
    """``text`` for one line of a terminal: control characters shown as escapes."""
    return _UNPRINTABLE.sub(_escape, text)


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def forbidden_control(text: str) -> tuple[int, str] | None:
    """The 1-based position and U+ name of the first forbidden control character, or None."""
    m = _FORBIDDEN.search(text)
    if m is None:
        return None
    return m.start() + 1, f"U+{ord(m.group(0)):04X}"
