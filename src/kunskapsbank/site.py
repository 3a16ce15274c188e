"""One build of the site, independent of the generator that writes the pages.

A generator adapter (the MkDocs hooks in ``hooks/``) asks this object which
pages to add, what HTML they hold, what to add to guidance pages, and calls
``post_build`` when the pages are written.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .assets import asset_folder, published_assets
from .exports import export_files
from .fieldref import field_reference_html
from .guidehtml import sanitize_guide
from .history import history_html
from .model import CASE_URL, Case, Collection, Guide, build_collection
from .problems import Problem, format_text
from .project import Layout, open_layout
from .render import Rendered, SiteRenderer, esc, rel_url, search_page_html
from .search import index_site, pages_glob
from .shells import Shells, depth, shell_src_uri, write_sitemap
from .statement import results_html, storage_keys_html
from .validate import Result, fork_map, validate_project, worker_count

MD_LINK = re.compile(r"(\]\(\s*)([^)\s#]+\.md)(#[^)\s]*)?\)")
LIBRARY_SRC = "fall/index.md"
SEARCH_MARKER = "kunskapsbank:sok"
WRITE_CHUNK = 200  # pages per task when the engine pages are written in parallel


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
    shells: Shells = field(default_factory=Shells)

    @classmethod
    def load(cls, root: Path) -> SiteBuild:
        layout = open_layout(root)
        result = validate_project(layout, render_bodies=True)
        if result.problems:
            raise ContentProblems(result.problems, format_text(result.problems, result.checked))
        collection = build_collection(layout, result.schemas, result.cases, result.guides)
        build = cls(layout, result, collection, SiteRenderer(collection))
        build.markers = {
            "faltreferens": lambda: field_reference_html(result.schemas),
            "sok": lambda: search_page_html(
                "sok/", build.renderer.filter_counts(build.searchable_guides())
            ),
            "testresultat": results_html,
            "lagringsnycklar": lambda: storage_keys_html(
                list(layout.settings.extra.get("storage_keys") or [])
            ),
            "versioner": lambda: history_html(layout, collection),
        }
        return build

    # -- pages ---------------------------------------------------------------

    def generated_pages(self) -> list[Rendered]:
        """The library and facet pages. Case pages are rendered as they are written."""
        if not self.pages:
            out = self.renderer.library() + self.renderer.facet_pages()
            self.pages = {p.src_uri: p for p in out}
        return list(self.pages.values())

    def page(self, src_uri: str) -> Rendered | None:
        return self.pages.get(src_uri)

    def engine_url(self, src_uri: str) -> str | None:
        """The URL of the engine page made from ``src_uri`` (a case, library or facet page)."""
        page = self.pages.get(src_uri)
        if page is not None:
            return page.url
        slug = src_uri.removeprefix("fall/").removesuffix(".md")
        case = self.collection.by_slug.get(slug) if f"fall/{slug}.md" == src_uri else None
        return case.url if case is not None else None

    # -- which pages the generator renders, and which the engine writes ------------

    def generator_pages(self) -> list[str]:
        """Source paths the generator renders itself: pages in its nav, and one shell per depth.

        Every other engine page is written by ``write_engine_pages`` from a shell.
        """
        self.generated_pages()
        levels = {depth(p.url) for p in self.engine_written()}
        levels.update(depth(c.url) for c in self.collection.cases[:1])
        return [*self.in_generator_nav(), *(shell_src_uri(level) for level in sorted(levels))]

    def in_generator_nav(self) -> list[str]:
        return [uri for uri in self.pages if uri == LIBRARY_SRC]

    def engine_written(self) -> list[Rendered]:
        """Library and facet pages written from shells (case pages are written too)."""
        return [p for uri, p in self.pages.items() if uri != LIBRARY_SRC]

    def shell_page(self, src_uri: str) -> bool:
        return self.shells.is_shell(src_uri)

    def capture_shell(self, src_uri: str, output: str, url: str) -> None:
        self.shells.capture(self.shells.level_of(src_uri), output, url)

    def guide_markdown(self, src_uri: str, markdown: str) -> str:
        """Point links from a guidance page to engine-written pages at their final URLs."""
        guide = self.guide(src_uri)
        if guide is None:
            return markdown
        base = posixpath.dirname(src_uri)

        def replace(m: re.Match[str]) -> str:
            target, fragment = m.group(2), m.group(3) or ""
            resolved = posixpath.normpath(posixpath.join(base, target))
            url = self.engine_url(resolved)
            if url is None or resolved == LIBRARY_SRC:
                return m.group(0)
            return f"{m.group(1)}{rel_url(url, guide.url)}{fragment})"

        return MD_LINK.sub(replace, markdown)

    def write_engine_pages(self, site_dir: Path) -> None:
        """Write every case, library and facet page into its shell, over one process per core."""
        global _WRITER
        items: list[Case | Rendered] = [*self.collection.cases, *self.engine_written()]
        chunks = [(i, min(i + WRITE_CHUNK, len(items))) for i in range(0, len(items), WRITE_CHUNK)]
        _WRITER = (self, site_dir, items)
        try:
            fork_map(_write_chunk, chunks, worker_count(len(items)))
        finally:
            _WRITER = None
        self.shells.remove_shell_output(site_dir)

    def write_page(self, site_dir: Path, item: Case | Rendered) -> None:
        page = self.renderer.case_page(item) if isinstance(item, Case) else item
        html_out = self.shells.fill(
            depth(page.url), page.title, page.description, page.html, page.url
        )
        folder = site_dir / page.url
        try:
            folder.mkdir()
        except FileExistsError:
            pass
        except FileNotFoundError:
            folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "index.html", "w", encoding="utf-8") as out:
            out.write(html_out)

    def sitemap_entries(self) -> list[tuple[str, str | None]]:
        entries: list[tuple[str, str | None]] = []
        for guide in self.collection.guides.values():
            entries.append((guide.url, guide.data.get("last_reviewed")))
        for case in self.collection.cases:
            entries.append((case.url, case.data["last_reviewed"]))
        for page in self.pages.values():
            entries.append((page.url, None))
        return entries

    def assets(self) -> list[tuple[Path, str]]:
        """Images under cases/assets/ and where they go in the site (validated, never a link)."""
        folder = asset_folder(self.layout)
        return [
            (p, "fall/assets/" + p.relative_to(folder).as_posix())
            for p in published_assets(self.layout)
        ]

    def searchable_guides(self) -> list[Guide]:
        """Guidance pages in the search index: all but the start and the search page."""
        return [g for g in self.collection.guides.values() if self.searchable(g)]

    @staticmethod
    def searchable(guide: Guide) -> bool:
        """In the search index: every guidance page but the start page and the search page."""
        return guide.key != "index" and SEARCH_MARKER not in guide.doc.body

    def guide(self, src_uri: str) -> Guide | None:
        key = src_uri.removesuffix(".md")
        return self.collection.guides.get(key)

    def guide_html(self, src_uri: str, html: str) -> str:
        """A guidance page's rendered HTML with search data, markers and additions."""
        guide = self.guide(src_uri)
        if guide is None:
            return html
        html = sanitize_guide(html, guide.url, self.markers)
        if not self.searchable(guide):
            return html + self.renderer.guide_additions(guide) if guide.key != "index" else html
        return (
            "<div data-pagefind-body>"
            f'<span data-pagefind-meta="title" hidden>{esc(guide.title)}</span>'
            + self.renderer.guide_search_data(guide)
            + html
            + "</div>"
            + self.renderer.guide_additions(guide)
        )

    # -- after the pages are written -------------------------------------------

    def static_files(self) -> dict[str, str]:
        """Non-HTML files the engine makes (open data, schemas), by site path."""
        return export_files(self)

    def post_build(self, site_dir: Path) -> None:
        self.write_engine_pages(site_dir)
        write_sitemap(site_dir, self.layout.settings.site_url, self.sitemap_entries())
        index_site(site_dir, pages_glob(self.indexed_page_patterns()))

    def indexed_page_patterns(self) -> list[str]:
        """URL patterns of the pages in the search index: every case and searchable guide."""
        cases = [CASE_URL.format(slug="*")] if self.collection.cases else []
        return cases + [g.url for g in self.searchable_guides()]


_WRITER: tuple[SiteBuild, Path, list[Case | Rendered]] | None = None


def _write_chunk(bounds: tuple[int, int]) -> None:
    """Write pages ``items[start:stop]``; runs in a forked worker or in-process."""
    assert _WRITER is not None
    build, site_dir, items = _WRITER
    for item in items[bounds[0] : bounds[1]]:
        build.write_page(site_dir, item)
