"""Validation: JSON Schema plus named checks, every problem at its line.

This module only orchestrates: it reads each file once, runs the schema and the
named checks of ``checks/`` on it, and returns the parsed documents with their
problems. It renders nothing; the build's check-and-render step
(``site.plan.check_and_render``) calls it and the renderer on the same file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kunskapsbank.config import Layout
from kunskapsbank.content import body as body_scan
from kunskapsbank.content.assets import check_assets, check_docs_files, check_symlinks
from kunskapsbank.content.checks import orgs, rules, text
from kunskapsbank.content.checks.orgnames import near_names
from kunskapsbank.content.checks.schema_errors import map_error
from kunskapsbank.content.loader import Document, read_document
from kunskapsbank.content.model import RESERVED_SLUGS
from kunskapsbank.content.networks import Network, add_networks, networks_path
from kunskapsbank.content.registry import REGISTRY_FILE, Registry, load_registry
from kunskapsbank.content.schemas import SchemaSet, load_schemas
from kunskapsbank.content.searchterms import TERMS_FILE, SearchTerm, read_terms
from kunskapsbank.errors.catalogue import Problem, problem
from kunskapsbank.links import LinkMap
from kunskapsbank.parallel import chunked, fork_map, worker_count
from kunskapsbank.urls import is_slug, suggest_slug

INDEX_PAGE = "index"  # docs/index.md: every key optional
CHUNK = 64  # files per task when the work is spread over processes

Task = tuple[bool, Path]  # (is a case, path)


@dataclass(slots=True)
class Index:
    """What exists in the project, for cross-file checks."""

    case_slugs: set[str]
    guide_keys: set[str]


@dataclass(slots=True)
class Result:
    layout: Layout
    schemas: SchemaSet
    cases: list[Document] = field(default_factory=list)
    guides: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0
    registry: Registry | None = None
    networks: list[Network] = field(default_factory=list)  # data/networks.yaml, when valid
    search_terms: list[SearchTerm] = field(default_factory=list)  # data/search-terms.yaml

    @property
    def ok(self) -> bool:
        return not self.problems


class Validator:
    def __init__(self, layout: Layout, schemas: SchemaSet, *, on: dt.date | None = None):
        self.layout = layout
        self.schemas = schemas
        self.today = on or layout.settings.today
        body_rules = schemas.raw["case"].get("x-body", {})
        self.sections: list[str] = list(body_rules.get("sections", []))
        self.allowed_html: set[str] = set(body_rules.get("allowed_html", []))
        self.link_schemes: set[str] = set(body_rules.get("link_schemes", ["https", "mailto"]))
        self.image_schemes: set[str] = set(body_rules.get("image_schemes", []))
        self.index = Index(
            {p.stem for p in layout.case_files()},
            {layout.guide_key(p) for p in layout.guide_files()},
        )
        self.links = LinkMap(layout.cases_dir, layout.docs_dir, self.index.guide_keys)
        self.facets: dict[str, set[str]] | None = None  # facet values in use, read on demand
        self.registry = load_registry(layout, schemas)

    def check(self, task: Task) -> Document:
        is_case, path = task
        return self.check_case(path) if is_case else self.check_guide(path)

    def check_case(self, path: Path) -> Document:
        rel = self.layout.rel(path)
        doc = self._read(path, rel)
        if doc is None:
            return Document(path=path, rel=rel, problems=[problem("file-symlink", rel)])
        slug = path.stem
        if not is_slug(slug) or slug in RESERVED_SLUGS:
            doc.problems.append(
                problem("file-name", rel, name=path.name, suggestion=suggest_slug(slug))
            )
        if doc.data is not None:
            rules.control_characters(doc)
            self._schema(doc, "case")
            rules.case_rules(self, doc)
            orgs.case_organisations(self, doc)
            rules.references(self, doc, own_case=slug, own_guide=None)
        if doc.text and doc.body_known:
            text.case_body(self, doc)
        rules.placeholders(doc)
        return doc

    def check_guide(self, path: Path) -> Document:
        rel = self.layout.rel(path)
        doc = self._read(path, rel)
        if doc is None:
            return Document(path=path, rel=rel, problems=[problem("file-symlink", rel)])
        key = self.layout.guide_key(path)
        if doc.data is not None:
            rules.control_characters(doc)
            self._schema(doc, "guide", all_optional=(key == INDEX_PAGE))
            rules.review_dates(self, doc, require_order=False)
            rules.references(self, doc, own_case=None, own_guide=key)
        if doc.text:
            scan = body_scan.scan(doc.body, doc.body_line)
            text.guide_html(doc, scan)
            scan.links = sorted(scan.links + scan.html_links, key=lambda k: (k.line, k.column))
            text.links(self, doc, scan, check_files=False)
        rules.placeholders(doc)
        return doc

    def _read(self, path: Path, rel: str) -> Document | None:
        if path.is_symlink():
            return None  # never followed, wherever it points
        return read_document(path, rel, max_bytes=self.layout.settings.max_file_bytes)

    def _schema(self, doc: Document, name: str, *, all_optional: bool = False) -> None:
        assert doc.data is not None
        # Fast path: the compiled (Rust) validator answers "valid?" in microseconds.
        # Only an invalid document pays for jsonschema's full, line-mapped error list.
        if self.schemas.fast_is_valid(name, doc.data, all_optional=all_optional):
            return
        validator = self.schemas.validators[name]
        for error in validator.iter_errors(doc.data):
            if all_optional and error.validator == "required" and not error.absolute_path:
                continue
            doc.problems.extend(map_error(doc, self.schemas, error))


def tasks_for(layout: Layout, paths: Iterable[Path] | None) -> list[Task]:
    """Every case, then every guidance page; or only ``paths``, sorted the same way."""
    if paths is None:
        case_paths, guide_paths = layout.case_files(), layout.guide_files()
    else:
        case_paths, guide_paths = [], []
        for p in paths:
            if p.suffix != ".md":
                continue  # a data file (data/*.yaml): checked once, with the validator
            (case_paths if layout.is_case(p) else guide_paths).append(p)
    return [(True, p) for p in case_paths] + [(False, p) for p in guide_paths]


def collect(
    layout: Layout,
    schemas: SchemaSet,
    tasks: Sequence[Task],
    docs: Iterable[Document],
    *,
    whole_project: bool,
    registry: Registry | None = None,
) -> Result:
    """The documents of ``tasks`` (in order) as one result, problems sorted by file and line.

    For the whole project, the published files that are not pages are checked too:
    every asset, no symbolic link anywhere under cases/ or docs/, and no organisation
    written inline in two near-identical ways (``checks.orgnames``). With ``registry``,
    the organisation registry's own problems are added.
    """
    result = Result(layout, schemas, registry=registry)
    org_names = []
    for (is_case, _), doc in zip(tasks, docs, strict=True):
        (result.cases if is_case else result.guides).append(doc)
        result.problems.extend(doc.problems)
        org_names += doc.org_names
    result.checked = len(tasks)
    if whole_project:
        result.problems.extend(near_names(org_names))
        result.problems.extend(check_assets(layout))
        result.problems.extend(check_docs_files(layout))
        result.problems.extend(check_symlinks(layout, {path for _, path in tasks}))
    if registry is not None and registry.exists:
        result.problems.extend(registry.problems)
        result.checked += 1
    result.problems.sort(key=Problem.sort_key)
    return result


def _check_chunk(state: tuple[Validator, bool], chunk: Sequence[Task]) -> list[Document]:
    validator, keep = state
    out = []
    for task in chunk:
        doc = validator.check(task)
        if not keep:  # only the problems travel back from a worker
            doc = Document(doc.path, doc.rel, problems=doc.problems, org_names=doc.org_names)
        out.append(doc)
    return out


def validate_project(
    layout: Layout,
    paths: Iterable[Path] | None = None,
    *,
    schemas: SchemaSet | None = None,
    on: dt.date | None = None,
    keep_documents: bool = True,
) -> Result:
    """Validate the whole project, or only ``paths`` (against the whole project).

    Each file is read and parsed once. Large projects are split over one process
    per core (fork), in file order.
    """
    schemas = schemas or load_schemas(layout.schemas_dir)
    validator = Validator(layout, schemas, on=on)
    paths = None if paths is None else list(paths)
    tasks = tasks_for(layout, paths)
    chunks = chunked(tasks, CHUNK)
    workers = worker_count(len(tasks), layout.settings.workers)
    done = fork_map(_check_chunk, (validator, keep_documents), chunks, workers)
    requested = None if paths is None else {Path(p).absolute() for p in paths}

    def asked(path: Path) -> bool:  # the whole project, or this data file by name
        return requested is None or path.absolute() in requested

    registry = validator.registry if asked(validator.registry.path) else None
    docs = (d for c in done for d in c)
    result = collect(layout, schemas, tasks, docs, whole_project=paths is None, registry=registry)
    add_data_files(result, validator, asked)
    return result


def data_files(layout: Layout) -> list[Path]:
    """The data files beside the content that validate checks when it is given them."""
    return [layout.root / REGISTRY_FILE, networks_path(layout), layout.root / TERMS_FILE]


def add_data_files(result: Result, validator: Validator, asked: Callable[[Path], bool]) -> None:
    """The networks list and the search terms, checked into ``result`` when ``asked``."""
    if asked(networks_path(validator.layout)):
        add_networks(result, validator.today)
    if asked(validator.layout.root / TERMS_FILE):
        result.search_terms, problems = read_terms(validator.layout, validator)
        if problems:
            result.problems.extend(problems)
            result.problems.sort(key=Problem.sort_key)
        result.checked += (validator.layout.root / TERMS_FILE).is_file()
