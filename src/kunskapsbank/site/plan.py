"""One build of the site, independent of the generator that writes the pages.

The build is a list of named steps:

1. ``check_and_render``: read every file once, validate it (``content``) and, for
   a valid published case, render its body (``render.markdown``), over one
   process per core. Any problem stops the build here.
2. ``build_collection``: index the documents (``content.model``).
3. pages: the generator adapter (the MkDocs hooks in ``hooks/``) asks which pages
   to add, what HTML they hold and what to add to guidance pages.
4. ``post_build``: write the engine pages into their shells, the sitemap and
   the search index.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kunskapsbank.site.exports import export_files
from kunskapsbank.site.org_export import ORGANISATIONS_JSON, organisations_json
from kunskapsbank.render.fieldref import field_reference_html
from kunskapsbank.content.assets import asset_folder, published_assets
from kunskapsbank.content.model import Case, Collection, Guide, build_collection
from kunskapsbank.content.organisations import Organisation, build_directory
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.content.validate import (
    CHUNK,
    Result,
    Task,
    Validator,
    add_data_files,
    collect,
    tasks_for,
)
from kunskapsbank.content.loader import Document
from kunskapsbank.parallel import chunked, fork_map, worker_count
from kunskapsbank.render.contribute import form_html, form_page_url
from kunskapsbank.render.markdown import BodyRenderer
from kunskapsbank.errors.catalogue import Problem
from kunskapsbank.errors.printers import format_text
from kunskapsbank.config import Layout, open_layout
from kunskapsbank.render.errorref import error_reference_html
from kunskapsbank.render.format import esc
from kunskapsbank.render.guide_html import sanitize_guide
from kunskapsbank.render.history_page import history_html
from kunskapsbank.render.pages import Rendered, SiteRenderer
from kunskapsbank.render.search_page import search_page_html, spaced_cells
from kunskapsbank.content.searchterms import search_data
from kunskapsbank.render.templating import render as render_template
from kunskapsbank.urls import (
    CASE_ASSETS,
    CASE_SRC,
    LIBRARY_SRC,
    NETWORKS_SRC,
    ORGANISATIONS_SRC,
    SEARCH,
    case_url,
    organisation_url,
    rel_url,
)
from kunskapsbank.site.search import index_site, pages_glob
from kunskapsbank.site.shells import Shells, depth, shell_src_uri, write_sitemap
from kunskapsbank.render.statement import results_html, storage_keys_html

MD_LINK = re.compile(r"(\]\(\s*)([^)\s#]+\.md)(#[^)\s]*)?\)")
SEARCH_MARKER = "kunskapsbank:sok"
WRITE_CHUNK = 200  # pages per task when the engine pages are written in parallel
# Engine pages the generator renders itself, because they are in its navigation.
NAV_PAGES = (LIBRARY_SRC, ORGANISATIONS_SRC, NETWORKS_SRC)


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

    bodies: dict[str, str] = field(default_factory=dict)  # rendered case bodies, by slug

    @classmethod
    def load(cls, root: Path) -> SiteBuild:
        layout = open_layout(root)
        result, bodies = check_and_render(layout)
        if result.problems:
            raise ContentProblems(result.problems, format_text(result.problems, result.checked))
        collection = build_collection(layout, result.schemas, result.cases, result.guides)
        lan = result.schemas.vocabularies["lan"]
        collection.directory = build_directory(collection.cases, result.registry, lan)
        collection.networks = result.networks
        build = cls(layout, result, collection, SiteRenderer(collection), bodies=bodies)
        build.markers = {
            "faltreferens": lambda: field_reference_html(result.schemas),
            "sok": lambda: search_page_html(
                SEARCH,
                build.renderer.filter_counts(build.searchable_guides()),
                search_data(collection, result.search_terms, build.searchable_guides()),
            ),
            "testresultat": lambda: results_html(layout.settings.a11y_results),
            "lagringsnycklar": lambda: storage_keys_html(
                list(layout.settings.extra.get("storage_keys") or [])
            ),
            "versioner": lambda: history_html(layout, collection),
            "bidra": lambda: form_html(
                layout.settings, result.schemas, form_page_url(collection.guides), layout
            ),
            "felkoder": error_reference_html,
            "utgivare": lambda: render_template(
                "publisher.html",
                publisher=layout.settings.publisher,
                site_name=layout.settings.site_name,
            ),
        }
        return build

    # -- pages ---------------------------------------------------------------

    def generated_pages(self) -> list[Rendered]:
        """The library and facet pages. Case pages are rendered as they are written."""
        if not self.pages:
            out = self.renderer.library() + self.renderer.facet_pages()
            out += self.renderer.organisation_listings()
            networks = self.renderer.networks_page()
            out += [networks] if networks else []
            self.pages = {p.src_uri: p for p in out}
        return list(self.pages.values())

    def page(self, src_uri: str) -> Rendered | None:
        return self.pages.get(src_uri)

    def engine_url(self, src_uri: str) -> str | None:
        """The URL of the engine page made from ``src_uri`` (a case, library or facet page)."""
        page = self.pages.get(src_uri)
        if page is not None:
            return page.url
        slug = posixpath.basename(src_uri).removesuffix(".md")
        case = self.collection.by_slug.get(slug) if CASE_SRC.format(slug=slug) == src_uri else None
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
        return [uri for uri in self.pages if uri in NAV_PAGES]

    def engine_written(self) -> list[Rendered]:
        """Library and facet pages written from shells (case pages are written too)."""
        return [p for uri, p in self.pages.items() if uri not in NAV_PAGES]

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
            if url is None or resolved in NAV_PAGES:
                return m.group(0)
            return f"{m.group(1)}{rel_url(url, guide.url)}{fragment})"

        return MD_LINK.sub(replace, markdown)

    def write_engine_pages(self, site_dir: Path) -> None:
        """Write every case, library and facet page into its shell, over one process per core."""
        items: list[Case | Rendered | Organisation] = [*self.collection.cases, *self.engine_written()]
        items += self.collection.directory.organisations
        chunks = chunked(items, WRITE_CHUNK)
        workers = worker_count(len(items), self.layout.settings.workers)
        fork_map(_write_chunk, (self, site_dir), chunks, workers)
        self.shells.remove_shell_output(site_dir)

    def write_page(self, site_dir: Path, item: Case | Rendered | Organisation) -> None:
        if isinstance(item, Organisation):
            item = self.renderer.organisation_page(item)
        page = self.renderer.case_page(item, self.bodies[item.slug]) if isinstance(item, Case) else item
        html_out = self.shells.fill(
            depth(page.url), page.title, page.description, page.html, page.url, page.head
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
        for org in self.collection.directory.organisations:
            entries.append((org.url, None))
        return entries

    def assets(self) -> list[tuple[Path, str]]:
        """Images under cases/assets/ and where they go in the site (validated, never a link)."""
        folder = asset_folder(self.layout)
        return [
            (p, CASE_ASSETS + p.relative_to(folder).as_posix())
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
        # Pagefind separates block elements with a space but treats <th> and <dt>/<dd>
        # as inline: "VärdeBetyder" in an excerpt. A space inside each cell keeps words apart.
        html = spaced_cells(html)
        return self.renderer.guide_page(guide, html, searchable=self.searchable(guide))

    # -- after the pages are written -------------------------------------------

    def static_files(self) -> dict[str, str]:
        """Non-HTML files the engine makes (open data, schemas), by site path."""
        files = export_files(self.collection, self.layout.settings)
        files[ORGANISATIONS_JSON] = organisations_json(
            self.collection.directory, self.layout.settings
        )
        return files

    def post_build(self, site_dir: Path) -> None:
        self.write_engine_pages(site_dir)
        write_sitemap(site_dir, self.layout.settings.site_url, self.sitemap_entries())
        index_site(site_dir, pages_glob(self.indexed_page_patterns()))

    def indexed_page_patterns(self) -> list[str]:
        """URL patterns of the pages in the search index: every case, organisation and
        searchable guide."""
        cases = [case_url("*"), organisation_url("*")] if self.collection.cases else []
        return cases + [g.url for g in self.searchable_guides()]


def _write_chunk(state: tuple[SiteBuild, Path], items: list[Case | Rendered | Organisation]) -> None:
    """Write one chunk of pages; runs in a forked worker or in-process."""
    build, site_dir = state
    for item in items:
        build.write_page(site_dir, item)


# -- step 1: read, check and render every file once ------------------------------


@dataclass(slots=True)
class _Checked:
    """What a worker sends back for one file: the document, and the body HTML of a
    valid published case. A valid case travels as data only (a tenth of the pickling)."""

    doc: Document
    html: str | None = None


def _check_and_render_chunk(
    state: tuple[Validator, BodyRenderer], chunk: list[Task]
) -> list[_Checked]:
    validator, renderer = state
    out = []
    for task in chunk:
        doc = validator.check(task)
        is_case = task[0]
        if is_case and not doc.problems and doc.data is not None and not doc.data.get("draft"):
            html = renderer.render(doc)
            thin = Document(doc.path, doc.rel, data=doc.data, org_names=doc.org_names)
            out.append(_Checked(thin, html))
        else:
            out.append(_Checked(doc))
    return out


def check_and_render(layout: Layout) -> tuple[Result, dict[str, str]]:
    """Build step 1: validate every file and render the bodies of valid, published cases
    in the same read of each file, over one process per core for large projects."""
    schemas = load_schemas(layout.schemas_dir)
    validator = Validator(layout, schemas)
    renderer = BodyRenderer(layout, validator.index.guide_keys)
    tasks = tasks_for(layout, None)
    workers = worker_count(len(tasks), layout.settings.workers)
    done = fork_map(_check_and_render_chunk, (validator, renderer), chunked(tasks, CHUNK), workers)
    checked = [c for chunk in done for c in chunk]
    bodies = {c.doc.path.stem: c.html for c in checked if c.html is not None}
    docs = (c.doc for c in checked)
    result = collect(
        layout, schemas, tasks, docs, whole_project=True, registry=validator.registry
    )
    add_data_files(result, validator, lambda path: True)
    return result, bodies
