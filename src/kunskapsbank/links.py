"""Where a link written in a contributed file leads on the site.

A case or guidance page links to other files of the project with relative
paths (``../docs/vagledning/mandat.md``, ``assets/golv.png``) or to site
paths (``/fall/``). ``LinkMap.rewrite`` turns each into the URL the site will
hold, relative to the page that carries it; the renderer writes that URL and
the validator checks the very same one against the URL policy, so what passes
validation is exactly what is published.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, unquote

from kunskapsbank.urls import CASES, case_url, guide_url, rel_url


class LinkMap:
    """The project's files as site URLs: cases, case assets and guidance pages."""

    def __init__(self, cases_dir: Path, docs_dir: Path, guide_keys: Iterable[str]):
        self.cases_dir = cases_dir
        self.docs_dir = docs_dir
        self.guide_urls = {key: guide_url(key) for key in guide_keys}

    def rewrite(self, value: str, source_dir: Path, page: str) -> str | None:
        """``value`` as a URL relative to ``page``, or None when it leads nowhere on the site."""
        if value.startswith(("https:", "mailto:", "#")) or not value:
            return value
        if ":" in value.split("/", 1)[0]:
            return None  # any other scheme: drop the attribute
        if value.replace("\\", "/").startswith("//"):
            return None  # another host without a scheme
        path_part, sep, fragment = value.partition("#")
        target = unquote(path_part.split("?", 1)[0])
        if target.startswith("/"):
            return rel_url(target.lstrip("/"), page) + (sep + fragment if sep else "")
        resolved = Path(posixpath.normpath((source_dir / target).as_posix()))
        site_path = self.site_path(resolved)
        if site_path is None:
            return None
        # A file name with a space or other reserved character is written percent-encoded.
        return quote(rel_url(site_path, page), safe="/") + (sep + fragment if sep else "")

    def site_path(self, path: Path) -> str | None:
        """The site path of a project file, or None when it is not published."""
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
