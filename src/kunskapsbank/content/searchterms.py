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

import yaml

from kunskapsbank.content.checks.schema_errors import map_error
from kunskapsbank.content.loader import Document, field_name, parse_yaml
from kunskapsbank.errors.catalogue import ConfigError, Problem, problem

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


def read_terms(layout: Layout, validator: Validator) -> tuple[list[SearchTerm], list[Problem]]:
    """The term file's entries, checked against its schema and the guidance pages.

    A project without ``data/search-terms.yaml`` has no terms and no problems.
    Schema errors are explained as the validator explains a case's.
    """
    guide_keys = validator.index.guide_keys
    path = layout.root / TERMS_FILE
    if not path.is_file():
        return [], []
    doc = Document(path, TERMS_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [], [problem("file-unreadable", TERMS_FILE)]
    parse_yaml(doc, text, line_offset=0)
    if doc.problems or not isinstance(doc.data, dict):
        return [], doc.problems
    problems = _schema_problems(layout, validator, doc)
    if problems:
        return [], problems
    terms, seen = [], set()
    for i, entry in enumerate(doc.data["terms"]):
        key = normal(entry["term"])
        line, col = doc.mark(("terms", i, "term"))
        if key in seen:
            problems.append(
                problem(
                    "search-term-duplicate",
                    TERMS_FILE,
                    line,
                    col,
                    field_name(("terms", i)),
                    value=entry["term"],
                )
            )
            continue
        seen.add(key)
        page = entry.get("page")
        if page and page not in guide_keys and f"{page}/index" not in guide_keys:
            line, col = doc.mark(("terms", i, "page"))
            problems.append(
                problem(
                    "reference-missing",
                    TERMS_FILE,
                    line,
                    col,
                    field_name(("terms", i, "page")),
                    hint="spelling",
                    kind="Vägledningssidan",
                    value=page,
                    where=f"docs/{page}.md",
                )
            )
            continue
        if page and page not in guide_keys:
            page = f"{page}/index"
        terms.append(SearchTerm(entry["term"], entry["search"], page))
    return terms, problems


def _schema_problems(layout: Layout, validator: Validator, doc: Document) -> list[Problem]:
    import jsonschema_rs

    schema_path = layout.schemas_dir / SCHEMA_FILE
    try:
        schema = yaml.safe_load(schema_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError("schema-unreadable", path=schema_path, reason=exc) from exc
    if jsonschema_rs.validator_for(schema).is_valid(doc.data):
        return []
    # Only an invalid file pays for jsonschema's full error list (as for cases).
    from jsonschema import Draft202012Validator

    out: list[Problem] = []
    for error in Draft202012Validator(schema).iter_errors(doc.data):
        out.extend(map_error(doc, validator.schemas, error))
    return sorted(out, key=Problem.sort_key)


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
