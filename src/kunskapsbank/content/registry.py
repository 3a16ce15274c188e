"""The organisation registry (data/organisations.yaml): read once, checked, and matched.

The registry is a YAML list read with the same line-marked parser as the case files,
so every problem has its file and line. Names and aliases are matched by their slug
(``urls.slugify``: case, diacritics and punctuation do not matter), so "Ystad",
"ystad" and "YSTAD" all find the entry whose alias is "Ystad".
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kunskapsbank.config import Layout
from kunskapsbank.content.checks.schema_errors import map_error
from kunskapsbank.content.loader import Document, field_name, read_document
from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.errors.catalogue import Problem, problem
from kunskapsbank.urls import fold, is_home_page, slugify

REGISTRY_FILE = "data/organisations.yaml"
SCHEMA = "organisation"
NEAR_CUTOFF = 0.92  # difflib ratio above which two different names are "the same, misspelt"
NEAR_MIN_LENGTH = 6  # shorter names (SKR, LTU) are only ever matched exactly

# Words that make an address functional (a shared mailbox), folded (a-z, no diacritics).
FUNCTIONAL_WORDS = frozenset(
    """info kontakt kontaktcenter upphandling upphandlingar inkop registrator registratur kansli
    diarium diariet kommun kommunen region regionen stad staden service servicecenter kundtjanst
    support press media kommunikation innovation ekonomi forvaltning enheten avdelningen
    naringsliv vaxel post epost mail office reception bolag radet nat natverk projekt
    kommunstyrelsen socialtjanst upphandlingsenheten inkopsenheten""".split()
)


def name_key(name: str) -> str:
    """The key two names are matched by: ``Ystads Kommun`` and ``ystads kommun`` are one."""
    return slugify(str(name))


def looks_personal(email: str) -> bool:
    """True for an address that looks like a private person's: ``anna.svensson@``,
    ``a.svensson@`` or ``per-olof.berg@``; a functional mailbox word (``info``,
    ``upphandling``...) in the local part makes it functional."""
    local = fold(email.split("@", 1)[0]).replace("-", ".").replace("_", ".")
    parts = [p for p in local.split(".") if p]
    if not 2 <= len(parts) <= 4 or not all(p.isalpha() for p in parts):
        return False
    return not any(p in FUNCTIONAL_WORDS for p in parts)


def luhn_digit(digits: str) -> int:
    """The Luhn check digit for ``digits`` (the first nine of an organisationsnummer)."""
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


@dataclass(slots=True)
class Registry:
    """The registry's valid entries, by id and by name key, and the problems found."""

    path: Path
    rel: str
    doc: Document | None = None
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # name or alias key -> id
    problems: list[Problem] = field(default_factory=list)
    _near: dict[str, tuple[str, str] | None] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return self.doc is not None

    def id_for(self, name: str) -> str | None:
        """The id of the entry whose name or alias is ``name`` (by key), if any."""
        return self.by_key.get(name_key(name))

    def near(self, name: str) -> tuple[str, str] | None:
        """(name, id) of the entry whose name or alias is close to, but not, ``name``."""
        key = name_key(name)
        if key in self.by_key or len(key) < NEAR_MIN_LENGTH:
            return None
        if key not in self._near:
            keys = [k for k in self.by_key if len(k) >= NEAR_MIN_LENGTH]
            close = difflib.get_close_matches(key, keys, n=1, cutoff=NEAR_CUTOFF)
            found = None
            if close:
                org_id = self.by_key[close[0]]
                entry = self.by_id[org_id]
                names = [entry["name"], *(entry.get("aliases") or [])]
                found = (next(n for n in names if name_key(n) == close[0]), org_id)
            self._near[key] = found
        return self._near[key]

    def suggest_id(self, value: str, name: str) -> str:
        """A "did you mean" hint for an unknown id ``value`` given with ``name``."""
        by_name = self.id_for(name) or (self.near(name) or (None, None))[1]
        if by_name:
            return f"Menade du '{by_name}' ({self.by_id[by_name]['name']})?"
        close = difflib.get_close_matches(value, sorted(self.by_id), n=1, cutoff=0.88)
        if close:
            return f"Menade du '{close[0]}' ({self.by_id[close[0]]['name']})?"
        return (
            f"Lägg till organisationen i {REGISTRY_FILE} med id '{value}', eller ta bort raden "
            "'id:' så att organisationen bara står med sitt namn."
        )


def load_registry(layout: Layout, schemas: SchemaSet) -> Registry:
    """Read and check the registry. A project without one has an empty registry."""
    path = layout.root / REGISTRY_FILE
    registry = Registry(path, REGISTRY_FILE)
    if not path.is_file():
        return registry
    doc = read_document(
        path, REGISTRY_FILE, max_bytes=layout.settings.max_file_bytes, data_file=True
    )
    registry.doc = doc
    entries = doc.data if isinstance(doc.data, list) else []
    if doc.data is not None and entries and not schemas.fast_is_valid(SCHEMA, entries):
        for error in schemas.validators[SCHEMA].iter_errors(entries):
            doc.problems.extend(map_error(doc, schemas, error))
    first_key: dict[str, tuple[str, int]] = {}  # name key -> (id, line)
    for i, entry in enumerate(entries):
        if isinstance(entry, dict):
            _check_entry(registry, doc, i, entry, first_key)
    registry.problems = sorted(doc.problems, key=Problem.sort_key)
    return registry


def _check_entry(
    registry: Registry,
    doc: Document,
    i: int,
    entry: dict[str, Any],
    first_key: dict[str, tuple[str, int]],
) -> None:
    rel = doc.rel

    def add(code: str, path: tuple[Any, ...], **params: Any) -> None:
        line, col = doc.mark((i, *path))
        doc.problems.append(problem(code, rel, line, col, field_name((i, *path)), **params))

    org_id = entry.get("id")
    if isinstance(org_id, str):
        if org_id in registry.by_id:
            first = doc.mark((_index_of(doc, org_id), "id"))[0]
            add("organisation-duplicate-id", ("id",), value=org_id, first_line=first)
        elif isinstance(entry.get("name"), str):
            registry.by_id[org_id] = entry
    number = entry.get("org_number")
    if isinstance(number, str) and len(number) == 11 and number.replace("-", "").isdigit():
        digits = number.replace("-", "")
        expected = luhn_digit(digits[:9])
        if int(digits[9]) != expected:
            add("org-number-check-digit", ("org_number",), value=number, expected=expected)
    for key in ("website", "source"):
        value = entry.get(key)
        if isinstance(value, str) and value.startswith("https://") and is_home_page(value):
            add("url-not-deep", (key,), value=value)
    contact = entry.get("contact")
    if isinstance(contact, dict):
        if not any(contact.get(k) for k in ("email", "phone", "url")):
            add("contact-missing-way", ("contact",), label=contact.get("label", ""))
        email = contact.get("email")
        if isinstance(email, str) and looks_personal(email):
            add(
                "contact-personal",
                ("contact", "email"),
                value=email,
                advice="Registret visar bara funktionella kontaktvägar: en gemensam brevlåda, "
                "en växel eller en kontaktsida. Byt till en sådan.",
            )
    if registry.by_id.get(org_id) is not entry:
        return
    names = [entry["name"], *(a for a in entry.get("aliases") or [] if isinstance(a, str))]
    for n, name in enumerate(names):
        key = name_key(name)
        path: tuple[Any, ...] = ("name",) if n == 0 else ("aliases", n - 1)
        other = first_key.get(key)
        if other and other[0] != org_id:
            other_entry = registry.by_id[other[0]]
            other_names = [other_entry["name"], *(other_entry.get("aliases") or [])]
            add(
                "organisation-duplicate-name",
                path,
                value=name,
                other=next((x for x in other_names if name_key(x) == key), name),
                other_id=other[0],
                other_line=other[1],
            )
        elif not other and key:
            first_key[key] = (org_id, doc.mark((i, *path))[0])
            registry.by_key[key] = org_id


def _index_of(doc: Document, org_id: str) -> int:
    """The index of the first entry with ``org_id``."""
    for i, entry in enumerate(doc.data or []):
        if isinstance(entry, dict) and entry.get("id") == org_id:
            return i
    return 0
