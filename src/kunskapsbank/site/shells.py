"""Write thousands of engine pages through a handful of generator-rendered shells.

The site generator renders one *shell* page per folder depth (``fall/kb-skal/``
is at depth 2, like ``fall/<slug>/``) whose title, description and content are
tokens. Every engine page at that depth is then the shell with the tokens
replaced: the theme's template runs a few times per build instead of once per
case, which keeps the build linear with a small constant.
"""

from __future__ import annotations

import gzip
import html
import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from kunskapsbank.errors.safetext import xml_safe
from kunskapsbank.urls import CASES

SHELL_SLUG = "kb-skal"


def depth(url: str) -> int:
    """``fall/x/`` -> 2, ``fall/lan/skane/`` -> 3."""
    return url.count("/")


def shell_src_uri(level: int) -> str:
    """The source path of the shell page for a depth (level >= 2)."""
    return CASES + f"{SHELL_SLUG}/" * (level - 2) + f"{SHELL_SLUG}.md"


@dataclass(slots=True)
class Shells:
    """Tokens for this build, the shells once rendered, and the page URLs built."""

    title: str = field(default_factory=lambda: "KBTITEL" + secrets.token_hex(8))
    description: str = field(default_factory=lambda: "KBBESKRIVNING" + secrets.token_hex(8))
    content: str = field(default_factory=lambda: "KBINNEHALL" + secrets.token_hex(8))
    head: str = field(default_factory=lambda: "KBHUVUD" + secrets.token_hex(8))
    rendered: dict[int, list[str | int]] = field(default_factory=dict)

    def is_shell(self, src_uri: str) -> bool:
        return src_uri.rsplit("/", 1)[-1] == f"{SHELL_SLUG}.md"

    def level_of(self, src_uri: str) -> int:
        return src_uri.count("/") + 1

    def capture(self, level: int, output: str, own_url: str) -> None:
        """Split a rendered shell into literal parts and token slots (0..4)."""
        tokens = (self.title, self.description, self.content, own_url, self.head)
        pattern = re.compile("|".join(re.escape(t) for t in tokens))
        slots = {token: slot for slot, token in enumerate(tokens)}
        parts: list[str | int] = []
        pos = 0
        for m in pattern.finditer(output):
            parts.append(output[pos : m.start()])
            parts.append(slots[m.group(0)])
            pos = m.end()
        parts.append(output[pos:])
        if 2 not in parts:
            raise RuntimeError("Sidmallen saknar plats för innehållet.")
        self.rendered[level] = parts

    def fill(
        self, level: int, title: str, description: str, content: str, url: str, head: str = ""
    ) -> str:
        """The page: ``content`` and ``head`` are HTML made by the engine, the rest is text."""
        values = (html.escape(title), html.escape(description), content, url, head)
        return "".join(p if isinstance(p, str) else values[p] for p in self.rendered[level])

    def remove_shell_output(self, site_dir: Path) -> None:
        shutil.rmtree(site_dir / CASES / SHELL_SLUG, ignore_errors=True)


def write_sitemap(site_dir: Path, site_url: str, entries: list[tuple[str, str | None]]) -> None:
    """sitemap.xml and a reproducible sitemap.xml.gz (no name, time 0 in the header)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, lastmod in sorted(set(entries)):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(xml_safe(base + url))}</loc>")
        if lastmod:
            lines.append(f"    <lastmod>{escape(xml_safe(str(lastmod)))}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(data)
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(data)
