"""The organisation registry (data/organisations.yaml): read once, checked, and matched.

The registry is a YAML list read with the same line-marked parser as the case files,
so every problem has its file and line. Names and aliases are matched by their slug
(``urls.slugify``: case, diacritics and punctuation do not matter), so "Ystad",
"ystad" and "YSTAD" all find the entry whose alias is "Ystad".
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kunskapsbank.config import Layout
from kunskapsbank.content.datafile import DataFile, Entry, duplicate, load_data_file
from kunskapsbank.content.loader import Document
from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.errors.catalogue import Problem
from kunskapsbank.urls import fold, is_home_page, slugify

REGISTRY_FILE = "data/organisations.yaml"
SCHEMA_FILE = "organisation.schema.yaml"
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
    return _name_key(str(name))


@lru_cache(maxsize=16_384)
def _name_key(name: str) -> str:
    # slugify is a pure function of the text; the same organisation names recur in many cases
    return slugify(name)


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

    def near(self, name: str, key: str | None = None) -> tuple[str, str] | None:
        """(name, id) of the entry whose name or alias is close to, but not, ``name``
        (whose ``name_key`` is ``key``, when the caller has it)."""
        key = name_key(name) if key is None else key
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


def _org_number(entry: Entry) -> None:
    number = entry.data.get("org_number")
    if isinstance(number, str) and len(number) == 11 and number.replace("-", "").isdigit():
        digits = number.replace("-", "")
        expected = luhn_digit(digits[:9])
        if int(digits[9]) != expected:
            entry.add("org-number-check-digit", "org_number", value=number, expected=expected)


def _deep_urls(entry: Entry) -> None:
    for key in ("website", "source"):
        value = entry.data.get(key)
        if isinstance(value, str) and value.startswith("https://") and is_home_page(value):
            entry.add("url-not-deep", key, value=value)


def _contact(entry: Entry) -> None:
    contact = entry.data.get("contact")
    if not isinstance(contact, dict):
        return
    if not any(contact.get(k) for k in ("email", "phone", "url")):
        entry.add("contact-missing-way", "contact", label=contact.get("label", ""))
    email = contact.get("email")
    if isinstance(email, str) and looks_personal(email):
        entry.add(
            "contact-personal",
            "contact",
            "email",
            value=email,
            advice="Registret visar bara funktionella kontaktvägar: en gemensam brevlåda, "
            "en växel eller en kontaktsida. Byt till en sådan.",
        )


def _names(entry: Entry) -> None:
    """The entry into the registry (first id wins), and each of its names once."""
    registry: Registry = entry.context
    data, org_id = entry.data, entry.data.get("id")
    if not isinstance(org_id, str) or org_id in registry.by_id:
        return
    if not isinstance(data.get("name"), str):
        return
    registry.by_id[org_id] = data
    first_key: dict[str, tuple[str, int]] = entry.shared.setdefault("names", {})
    names = [data["name"], *(a for a in data.get("aliases") or [] if isinstance(a, str))]
    for n, name in enumerate(names):
        key = name_key(name)
        path: tuple[Any, ...] = ("name",) if n == 0 else ("aliases", n - 1)
        other = first_key.get(key)
        if other and other[0] != org_id:
            other_entry = registry.by_id[other[0]]
            other_names = [other_entry["name"], *(other_entry.get("aliases") or [])]
            entry.add(
                "organisation-duplicate-name",
                *path,
                value=name,
                other=next((x for x in other_names if name_key(x) == key), name),
                other_id=other[0],
                other_line=other[1],
            )
        elif not other and key:
            first_key[key] = (org_id, entry.mark(*path)[0])
            registry.by_key[key] = org_id


REGISTRY: DataFile[None] = DataFile(
    rel=REGISTRY_FILE,
    schema=SCHEMA_FILE,
    checks=(
        duplicate("organisation-duplicate-id", "id"),
        _org_number,
        _deep_urls,
        _contact,
        _names,
    ),
)


def load_registry(layout: Layout, schemas: SchemaSet) -> Registry:
    """Read and check the registry. A project without one has an empty registry."""
    registry = Registry(REGISTRY.path(layout), REGISTRY_FILE)
    loaded = load_data_file(REGISTRY, layout, schemas, registry)
    registry.doc, registry.problems = loaded.doc, loaded.problems
    return registry
