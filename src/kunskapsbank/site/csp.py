"""A Content-Security-Policy on every page, as a ``<meta http-equiv>`` (works on any static host).

The page template holds the meta element with a placeholder; after the
generator has rendered a page, ``with_policy`` puts the policy in, with the
SHA-256 hash of each inline script the theme wrote on that very page. No
``'unsafe-inline'`` and no ``'unsafe-eval'`` for scripts: only files from the
site and those exact inline scripts run. Pagefind's WebAssembly needs
``'wasm-unsafe-eval'``, which allows compiling WebAssembly and nothing else.

The local preview (``kunskapsbank serve``) injects an inline live-reload script
into every page it serves, which no hash computed at build time can cover, so
preview pages carry no policy (``without_policy``); built sites always do.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

PLACEHOLDER = "kunskapsbank-csp"
META = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
# Inline scripts: <script> with no src attribute. A script element whose type is
# JSON is data (Material's configuration), never run, so it needs no hash.
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_NOT_RUN = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)


def script_hashes(page: str) -> list[str]:
    """``'sha256-…'`` for every inline script of ``page`` that a browser would run."""
    out: list[str] = []
    for m in _SCRIPT.finditer(page):
        attrs = m.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I) or _NOT_RUN.search(attrs):
            continue
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        source = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
        if source not in out:
            out.append(source)
    return out


def policy(hashes: list[str]) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-src 'none'",
        ]
    )


def with_policy(page: str) -> str:
    """``page`` with its policy in the placeholder (inserted after ``<head>`` when missing)."""
    content = html.escape(policy(script_hashes(page)), quote=False).replace('"', "&quot;")
    if PLACEHOLDER in page:
        return page.replace(PLACEHOLDER, content, 1)
    meta = META.replace(PLACEHOLDER, content)
    head = re.search(r"<head[^>]*>", page, re.I)
    if head is None:
        return page
    return page[: head.end()] + meta + page[head.end() :]


def without_policy(page: str) -> str:
    """``page`` without the placeholder meta element (the local preview)."""
    return page.replace(META, "", 1)
