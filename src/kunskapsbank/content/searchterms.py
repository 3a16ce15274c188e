"""Search terms: the field's acronyms and other words, handed to the search page.

``data/search-terms.yaml`` (schema ``schemas/search-terms.schema.yaml``) lists what
readers type (IOP, FKU, LOU ...) with what to search for instead and, optionally,
the guidance page about the concept. Together with the guides' ``synonyms``, the
vocabularies' English labels and the guides' titles it becomes one small JSON
object that the search page reads from a data attribute:

- ``t``: folded term -> {"s": words to search as well, "p": [page URLs shown first],
  "h": 1 when the term comes from the term file (a hard pin), else soft};
- ``p``: page URL -> title (to find a pinned page that the words did not find);
- ``w``: known words (titles, synonyms, vocabularies, terms) for "Menade du ...?".

Synonyms are no longer words of the page: they lived in a hidden paragraph that
Pagefind indexed and showed in excerpts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kunskapsbank.content.datafile import DataFile, Entry, duplicate, load_data_file
from kunskapsbank.errors.catalogue import Problem

if TYPE_CHECKING:
    from kunskapsbank.config import Layout
    from kunskapsbank.content.model import Collection
    from kunskapsbank.content.validate import Validator

TERMS_FILE = "data/search-terms.yaml"
SCHEMA_FILE = "search-terms.schema.yaml"
WORD = re.compile(r"[^\W\d_][\w-]*[^\W_]|[^\W\d_]", re.UNICODE)
MIN_WORD = 4  # shorter words are not offered as corrections
# Vocabularies whose English labels are terms of the trade that readers search with
# ("competitive dialogue"); the others' English labels are only translations.
ENGLISH_TERMS = ("procedures", "methods")


@dataclass(frozen=True, slots=True)
class SearchTerm:
    term: str
    search: str
    page: str | None  # guide key


def normal(text: str) -> str:
    """Lower case, single spaces: how the search page compares what the reader typed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def is_terms_file(layout: Layout, path: Path) -> bool:
    return path.absolute() == (layout.root / TERMS_FILE).absolute()


def _guide_page(entry: Entry) -> None:
    page = entry.data.get("page")
    if entry.problems:  # a term given twice: the first one counts
        return
    if page and page not in entry.context and f"{page}/index" not in entry.context:
        entry.add(
            "reference-missing",
            "page",
            hint="spelling",
            kind="Vägledningssidan",
            value=page,
            where=f"docs/{page}.md",
        )


def _term(entry: Entry) -> SearchTerm:
    page = entry.data.get("page")
    if page and page not in entry.context:
        page = f"{page}/index"
    return SearchTerm(entry.data["term"], entry.data["search"], page)


TERMS: DataFile[SearchTerm] = DataFile(
    rel=TERMS_FILE,
    schema=SCHEMA_FILE,
    root=dict,
    entries=("terms",),
    strict=True,  # only a schema-valid file is checked further
    checks=(
        duplicate("search-term-duplicate", "term", normal, field=()),
        _guide_page,
    ),
    make=_term,
)


def read_terms(layout: Layout, validator: Validator) -> tuple[list[SearchTerm], list[Problem]]:
    """The term file's entries, checked against its schema and the guidance pages.

    A project without ``data/search-terms.yaml`` has no terms and no problems.
    Schema errors are explained as the validator explains a case's.
    """
    loaded = load_data_file(TERMS, layout, validator.schemas, validator.index.guide_keys)
    return loaded.objects, loaded.problems


def _words(text: str) -> list[str]:
    return [w for w in (normal(m) for m in WORD.findall(text)) if len(w) >= MIN_WORD]


def search_data(
    collection: Collection, terms: list[SearchTerm], guides: list[Any]
) -> dict[str, Any]:
    """The term data the search page reads (see the module docstring)."""
    table: dict[str, dict[str, Any]] = {}
    pages: dict[str, str] = {}
    words: set[str] = set()

    def add(term: str, search: str, page: str | None, hard: bool) -> None:
        key = normal(term)
        if not key:
            return
        entry = table.setdefault(key, {"s": "", "p": []})
        if search and normal(search) != key and not entry["s"]:
            entry["s"] = search
        if page and page not in entry["p"]:
            entry["p"].append(page)
        if hard:
            entry["h"] = 1
        words.update(_words(term))

    searchable = {g.key: g for g in guides}
    for t in terms:  # the term file comes first: it wins over generated entries
        guide = searchable.get(t.page) if t.page else None
        add(t.term, t.search, "/" + guide.url if guide else None, True)
        words.update(_words(t.search))
    for guide in guides:
        url = "/" + guide.url
        pages[url] = guide.title
        words.update(_words(guide.title))
        for synonym in guide.data.get("synonyms") or []:
            add(str(synonym), "", url, False)
        # "Steg 1: Behovet" is also found as "behovet"; "Funktionskrav: vad, inte hur"
        # as "funktionskrav".
        for part in guide.title.split(":"):
            if normal(part) and len(normal(part)) >= MIN_WORD:
                add(part, "", url, False)
    for name, vocab in collection.schemas.vocabularies.items():
        for entry in vocab.terms:
            words.update(_words(entry.label))
            english = entry.label_en and normal(entry.label_en) != normal(entry.label)
            if english and name in ENGLISH_TERMS:
                add(str(entry.label_en), entry.label, None, False)
    for entry in table.values():
        if not entry["p"]:
            del entry["p"]
        if not entry["s"]:
            del entry["s"]
    used = {p for e in table.values() for p in e.get("p", [])}
    return {
        "t": {k: table[k] for k in sorted(table)},
        "p": {u: pages[u] for u in sorted(used) if u in pages},
        "w": sorted(words),
    }
