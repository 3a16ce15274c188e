"""One URL policy for every URL attribute the engine writes, applied last.

``refusal`` looks at the final value of an ``href``, ``src``, ``srcset``,
``action`` or ``poster`` attribute (after every rewrite) and says why it may
not be written, or None when it may. Allowed are ``https:`` and ``mailto:``
links and relative paths that stay inside the site; images and other
embedded resources only as relative paths (the site never loads anything
from another host).

The value is judged in every form a browser or a later step could see:
as written, with entities decoded and with percent-escapes decoded (a few
rounds, so that double encoding does not hide a scheme). Browsers drop tabs
and newlines anywhere in a URL and control characters and spaces at its
ends, so any control character or white space makes a value unsafe.
"""

from __future__ import annotations

import html
import posixpath
from urllib.parse import unquote

LINK_SCHEMES = frozenset({"https", "mailto"})
# Attributes whose URL the browser loads by itself: only paths on the site.
EMBED_ATTRIBUTES = frozenset({"src", "srcset", "poster"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "poster"})
_DECODE_ROUNDS = 4

# Reasons, as codes the validator maps to Swedish text (problems.CATALOGUE "url-*").
CONTROL = "control"  # control character or white space
SCHEME = "scheme"  # a scheme other than https: and mailto:
EMBED_SCHEME = "embed-scheme"  # an image or other embedded file with any scheme
HOST = "host"  # //host or \host: another site without a scheme
OUTSIDE = "outside"  # ../ leads above the site root


def _is_unsafe_char(ch: str) -> bool:
    return ch <= " " or "\x7f" <= ch <= "\x9f" or ch.isspace() or ch in "\u200b\u2028\u2029\ufeff"


def _scheme(value: str) -> str | None:
    """The scheme of ``value`` (lower case) as a URL parser would find it, or None."""
    colon = value.find(":")
    if colon <= 0:
        return None
    head = value[:colon]
    if "/" in head or "?" in head or "#" in head:
        return None
    if not head[0].isascii() or not head[0].isalpha():
        return ""  # not a valid scheme, but a colon before the path: refuse
    if not all(c.isascii() and (c.isalnum() or c in "+.-") for c in head):
        return ""
    return head.lower()


def forms(value: str) -> list[str]:
    """``value`` as written, then entity- and percent-decoded, round after round."""
    out = [value]
    current = value
    for _ in range(_DECODE_ROUNDS):
        decoded = unquote(html.unescape(current), errors="replace")
        if decoded == current:
            break
        out.append(decoded)
        current = decoded
    return out


def refusal(value: str, attribute: str = "href", page: str = "") -> str | None:
    """Why ``value`` may not be written as ``attribute`` on the page at ``page``, or None.

    ``page`` is the page's path from the site root (``fall/x/``, ``""`` for the
    start page); relative paths are resolved against it.
    """
    if attribute == "srcset":
        for candidate in value.split(","):
            url = candidate.strip().split(" ", 1)[0]
            reason = refusal(url, "src", page) if url else None
            if reason:
                return reason
        return None
    embed = attribute in EMBED_ATTRIBUTES
    if any(_is_unsafe_char(ch) for ch in value):
        return CONTROL
    if "\\" in value:
        return HOST  # browsers read a backslash as a slash: \\host, /\\host
    for form in forms(value):
        # What a browser would parse: control characters and white space dropped.
        squeezed = "".join(ch for ch in form if not _is_unsafe_char(ch))
        if squeezed != form and _scheme(form) != _scheme(squeezed):
            return CONTROL  # white space or a control character inside a scheme
        scheme = _scheme(squeezed)
        if scheme is not None:
            if embed:
                return EMBED_SCHEME
            if scheme not in LINK_SCHEMES:
                return SCHEME
            continue
        if "\\" in squeezed or squeezed.startswith("//"):
            return HOST  # a decoded backslash is never part of a path on this site
        path = squeezed.split("#", 1)[0].split("?", 1)[0]
        if path and not _inside_site(path, page):
            return OUTSIDE
    return None


def _inside_site(path: str, page: str) -> bool:
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        base = page[: page.rfind("/") + 1]
        joined = base + path
    parts: list[str] = []
    for part in joined.split("/"):
        if part == "..":
            if not parts:
                return False
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return True


def allowed(value: str, attribute: str = "href", page: str = "") -> bool:
    return refusal(value, attribute, page) is None


def resolve(path: str, page: str) -> str:
    """The site path a relative ``path`` on ``page`` points to (no leading slash)."""
    base = page[: page.rfind("/") + 1]
    joined = path.lstrip("/") if path.startswith("/") else base + path
    out = posixpath.normpath(joined) if joined else ""
    if out == ".":
        out = ""
    if joined.endswith("/") and out:
        out += "/"
    return out
