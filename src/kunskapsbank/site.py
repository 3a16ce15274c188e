"""One build of the site, independent of the generator that writes the pages.

A generator adapter (the MkDocs hooks in ``hooks/``) asks this object which
pages to add, what HTML they hold, what to add to guidance pages, and calls
``post_build`` when the pages are written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .exports import export_files
from .fieldref import field_reference_html
from .history import history_html
from .model import Collection, Guide, build_collection
from .problems import Problem, format_text
from .project import Layout, open_layout
from .render import Rendered, SiteRenderer, search_page_html
from .search import index_site
from .validate import Result, validate_project

MARKER = re.compile(r"<!--\s*kunskapsbank:([a-z-]+)\s*-->")


class ContentProblems(Exception):
    """Validation found problems; ``report`` is what the CLI would print."""

    def __init__(self, problems: list[Problem], report: str):
        super().__init__(f"{len(problems)} problem i innehållet")
        self.problems = problems
        self.report = report


@dataclass(slots=True)
class SiteBuild:
    layout: Layout
    result: Result
    collection: Collection
    renderer: SiteRenderer
    pages: dict[str, Rendered] = field(default_factory=dict)  # by src_uri
    markers: dict[str, Callable[[], str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> SiteBuild:
        layout = open_layout(root)
        result = validate_project(layout)
        if result.problems:
            raise ContentProblems(result.problems, format_text(result.problems, result.checked))
        collection = build_collection(layout, result.schemas, result.cases, result.guides)
        build = cls(layout, result, collection, SiteRenderer(collection))
        build.markers = {
            "faltreferens": lambda: field_reference_html(result.schemas),
            "sok": lambda: search_page_html("sok/"),
            "versioner": lambda: history_html(layout, collection),
        }
        return build

    # -- pages ---------------------------------------------------------------

    def generated_pages(self) -> list[Rendered]:
        """Every page the engine makes: cases, the library and facet pages."""
        if not self.pages:
            out = [self.renderer.case_page(c) for c in self.collection.cases]
            out += self.renderer.library()
            out += self.renderer.facet_pages()
            self.pages = {p.src_uri: p for p in out}
        return list(self.pages.values())

    def page(self, src_uri: str) -> Rendered | None:
        return self.pages.get(src_uri)

    def assets(self) -> list[tuple[Path, str]]:
        """Files under cases/assets/ and where they go in the site."""
        folder = self.layout.cases_dir / "assets"
        if not folder.is_dir():
            return []
        return [
            (p, "fall/assets/" + p.relative_to(folder).as_posix())
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()
        ]

    def guide(self, src_uri: str) -> Guide | None:
        key = src_uri.removesuffix(".md")
        return self.collection.guides.get(key)

    def guide_html(self, src_uri: str, html: str) -> str:
        """A guidance page's rendered HTML with search data, markers and additions."""
        guide = self.guide(src_uri)
        if guide is None:
            return html
        searchable = guide.key != "index" and "kunskapsbank:sok" not in html
        html = MARKER.sub(lambda m: self._marker(m.group(1)), html)
        if not searchable:
            return html + self.renderer.guide_additions(guide) if guide.key != "index" else html
        return (
            "<div data-pagefind-body>"
            f'<span data-pagefind-meta="title" hidden>{_esc(guide.title)}</span>'
            + self.renderer.guide_search_data(guide)
            + html
            + "</div>"
            + self.renderer.guide_additions(guide)
        )

    def _marker(self, name: str) -> str:
        make = self.markers.get(name)
        return make() if make else ""

    def add_marker(self, name: str, make: Callable[[], str]) -> None:
        self.markers[name] = make

    # -- after the pages are written -------------------------------------------

    def static_files(self) -> dict[str, str]:
        """Non-HTML files the engine makes (open data, schemas), by site path."""
        return export_files(self)

    def post_build(self, site_dir: Path) -> None:
        index_site(self, site_dir)


def _esc(text: str) -> str:
    from html import escape

    return escape(text, quote=True)
