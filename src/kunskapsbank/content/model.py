"""The content model as objects: cases, guidance pages, facets and cross-links.

Built once per build from validated documents; everything here is linear in
the number of files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kunskapsbank.config import Layout
from kunskapsbank.content.loader import Document
from kunskapsbank.content.period import Period, period_of
from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.urls import RESERVED_UNDER_CASES, case_url, guide_url


@dataclass(frozen=True, slots=True)
class Facet:
    """A way to browse cases: one page per value at /fall/<path>/<id>/."""

    path: str  # URL segment, Swedish
    vocabulary: str
    field: str  # frontmatter key; 'organisations.org_type' reads a list of mappings
    filter_name: str  # Pagefind filter key shown to readers

    def values(self, data: dict[str, Any]) -> list[str]:
        if "." in self.field:
            outer, inner = self.field.split(".", 1)
            seen: list[str] = []
            for item in data.get(outer) or []:
                value = item.get(inner) if isinstance(item, dict) else None
                if value and value not in seen:
                    seen.append(value)
            return seen
        value = data.get(self.field)
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]


FACETS: tuple[Facet, ...] = (
    Facet("lan", "lan", "lan", "Län"),
    Facet("tema", "themes", "themes", "Tema"),
    Facet("forfarande", "procedures", "procedures", "Förfarande"),
    Facet("organisationstyp", "org_type", "organisations.org_type", "Organisationstyp"),
    Facet("sektor", "sectors", "sectors", "Sektor"),
    Facet("status", "status", "status", "Status"),
)

START_YEAR_UNKNOWN = "Uppgift saknas"

# Names under /fall/ that can never be a case: the facet paths and the site's own pages.
RESERVED_SLUGS = frozenset({f.path for f in FACETS} | RESERVED_UNDER_CASES)


@dataclass(slots=True)
class Case:
    slug: str
    doc: Document
    data: dict[str, Any]

    @property
    def url(self) -> str:
        return case_url(self.slug)

    @property
    def title(self) -> str:
        return str(self.data["title"])

    @property
    def summary(self) -> str:
        return str(self.data["summary"])

    @property
    def draft(self) -> bool:
        return bool(self.data.get("draft", False))

    @property
    def period(self) -> Period:
        return period_of(self.data)

    @property
    def start_year(self) -> str:
        """The start year, or the label the search filter shows when it is not known."""
        return self.period.start_year or START_YEAR_UNKNOWN


@dataclass(slots=True)
class Guide:
    key: str  # path under docs/ without .md
    doc: Document
    data: dict[str, Any]

    @property
    def url(self) -> str:
        return guide_url(self.key)

    @property
    def title(self) -> str:
        return str(self.data.get("title") or self.key)


@dataclass(slots=True)
class Collection:
    layout: Layout
    schemas: SchemaSet
    cases: list[Case]  # published, newest first
    drafts: list[Case]
    guides: dict[str, Guide]
    by_slug: dict[str, Case] = field(default_factory=dict)
    facet_index: dict[str, dict[str, list[Case]]] = field(default_factory=dict)
    cases_citing_guide: dict[str, list[Case]] = field(default_factory=dict)
    cases_citing_case: dict[str, list[Case]] = field(default_factory=dict)
    guides_citing_case: dict[str, list[Guide]] = field(default_factory=dict)
    directory: Any = None  # content.organisations.Directory, built after the collection
    networks: list[Any] = field(default_factory=list)  # content.networks.Network, in file order

    def label(self, vocabulary: str, term_id: str) -> str:
        return self.schemas.label(vocabulary, term_id)

    def related_cases(self, case: Case) -> list[Case]:
        """Cases this case names, then cases that name it, each once."""
        out: list[Case] = []
        for slug in case.data.get("related_cases") or []:
            other = self.by_slug.get(slug)
            if other and other not in out:
                out.append(other)
        for other in self.cases_citing_case.get(case.slug, []):
            if other not in out and other is not case:
                out.append(other)
        return out

    def related_guides_of_case(self, case: Case) -> list[Guide]:
        out: list[Guide] = []
        for key in case.data.get("related_guidance") or []:
            guide = self.guides.get(key)
            if guide and guide not in out:
                out.append(guide)
        for guide in self.guides_citing_case.get(case.slug, []):
            if guide not in out:
                out.append(guide)
        return out

    def cases_for_guide(self, guide: Guide) -> list[Case]:
        out: list[Case] = []
        for slug in guide.data.get("related_cases") or []:
            case = self.by_slug.get(slug)
            if case and case not in out:
                out.append(case)
        for case in self.cases_citing_guide.get(guide.key, []):
            if case not in out:
                out.append(case)
        return out


def newest_first(case: Case) -> tuple[str, str]:
    return (str(case.data.get("published", "")), case.slug)


def build_collection(
    layout: Layout, schemas: SchemaSet, cases: list[Document], guides: list[Document]
) -> Collection:
    """Index validated documents. Call only when validation found no problems."""
    published: list[Case] = []
    drafts: list[Case] = []
    for doc in cases:
        assert doc.data is not None
        case = Case(doc.path.stem, doc, doc.data)
        (drafts if case.draft else published).append(case)
    published.sort(key=newest_first, reverse=True)
    guide_map = {}
    for doc in guides:
        key = layout.guide_key(doc.path)
        guide_map[key] = Guide(key, doc, doc.data or {})
    col = Collection(layout, schemas, published, drafts, guide_map)
    col.by_slug = {c.slug: c for c in published}
    facet_index: dict[str, dict[str, list[Case]]] = {f.path: defaultdict(list) for f in FACETS}
    citing_guide: dict[str, list[Case]] = defaultdict(list)
    citing_case: dict[str, list[Case]] = defaultdict(list)
    guides_citing: dict[str, list[Guide]] = defaultdict(list)
    for case in published:
        for facet in FACETS:
            for value in facet.values(case.data):
                facet_index[facet.path][value].append(case)
        for key in case.data.get("related_guidance") or []:
            citing_guide[key].append(case)
        for slug in case.data.get("related_cases") or []:
            if slug in col.by_slug:
                citing_case[slug].append(case)
    for guide in guide_map.values():
        for slug in guide.data.get("related_cases") or []:
            guides_citing[slug].append(guide)
    col.facet_index = {k: dict(v) for k, v in facet_index.items()}
    col.cases_citing_guide = dict(citing_guide)
    col.cases_citing_case = dict(citing_case)
    col.guides_citing_case = dict(guides_citing)
    return col
