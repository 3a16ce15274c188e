"""The compiled validator (jsonschema-rs) and jsonschema must agree on every document.

The validator asks jsonschema-rs first and only runs jsonschema for documents it
calls invalid. If the two ever disagreed on an invalid document, a problem would
go unreported, so this test mutates a valid case in many ways and compares.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kunskapsbank.content.loader import read_document
from kunskapsbank.content.schemas import load_schemas

REPO = Path(__file__).resolve().parents[2]
CASE = REPO / "tests" / "fixtures" / "project" / "cases" / "exempelby-digitala-larm.md"

Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return apply


def _delete(key: str) -> Mutation:
    return lambda data: data.pop(key)


MUTATIONS: dict[str, Mutation] = {
    "unchanged": lambda data: None,
    "unknown-key": _set(("titel",), "x"),
    "missing-title": _delete("title"),
    "missing-period": _delete("period"),
    "title-too-short": _set(("title",), "Kort"),
    "title-too-long": _set(("title",), "x" * 121),
    "summary-int": _set(("summary",), 42),
    "status-vocabulary": _set(("status",), "klar"),
    "case-type-label": _set(("case_type",), "Upphandling"),
    "lan-string": _set(("lan",), "skane"),
    "lan-empty": _set(("lan",), []),
    "lan-duplicate": _set(("lan",), ["skane", "skane"]),
    "lan-unknown": _set(("lan",), ["skåne"]),
    "themes-too-many": _set(
        ("themes",),
        [
            "behov",
            "mandat",
            "forankring",
            "projektform",
            "natverk",
            "marknadsdialog",
            "risk",
            "kompetens",
            "samverkan",
        ],
    ),
    "period-month-bad": _set(("period", "start"), "2024-13"),
    "period-extra-key": _set(("period", "mitt"), "2024-01"),
    "period-not-mapping": _set(("period",), "2024-01"),
    "org-type-unknown": _set(("organisations", 0, "org_type"), "kommunn"),
    "org-missing-role": lambda data: data["organisations"][0].pop("role"),
    "orgs-too-many": lambda data: data.__setitem__("organisations", data["organisations"] * 31),
    "lesson-short": _set(("lessons", 0, "text"), "för kort"),
    "source-http": _set(("sources", 0, "url"), "http://example.org"),
    "source-space": _set(("sources", 0, "url"), "https://exa mple.org"),
    "source-year-low": _set(("sources", 0, "year"), 1980),
    "source-year-string": _set(("sources", 0, "year"), "2020"),
    "evidence-unknown": _set(("evidence",), "granskad"),
    "published-bad": _set(("published",), "2026-02-30x"),
    "published-int": _set(("published",), 20260101),
    "draft-string": _set(("draft",), "ja"),
    "amount-negative": _set(("funding",), [{"funder": "Vinnova", "amount_sek": -1}]),
    "amount-float": _set(("funding",), [{"funder": "Vinnova", "amount_sek": 1.5}]),
    "email-bad": _set(("contacts",), [{"organisation": "Exempelby", "email": "nej"}]),
    "email-ok": _set(("contacts",), [{"organisation": "Exempelby", "email": "info@exempel.se"}]),
    "related-case-bad-slug": _set(("related_cases",), ["Fel Slug"]),
    "related-guide-bad-path": _set(("related_guidance",), ["/vagledning/mandat.md"]),
    "language-en": _set(("language",), "en"),
    "language-unknown": _set(("language",), "de"),
    "null-title": _set(("title",), None),
    "published-trailing-newline": _set(("published",), "2099-12-31\n"),
    "published-leading-space": _set(("published",), " 2026-01-15"),
    "published-trailing-space": _set(("published",), "2026-01-15 "),
    "reviewed-crlf": _set(("last_reviewed",), "2026-01-15\r\n"),
    "period-start-trailing-newline": _set(("period", "start"), "2024-01\n"),
    "period-end-trailing-newline": _set(("period", "end"), "2025-06\n"),
    "period-start-unicode-digits": _set(("period", "start"), "２０２４-01"),
    "nested-list": _set(("themes",), [["behov"]]),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_fast_path_agrees_with_jsonschema(name: str) -> None:
    schemas = load_schemas(REPO / "schemas")
    doc = read_document(CASE, "cases/exempelby-digitala-larm.md")
    assert doc.data is not None and not doc.problems
    data = copy.deepcopy(doc.data)
    MUTATIONS[name](data)
    errors = list(schemas.validators["case"].iter_errors(data))
    assert schemas.fast_is_valid("case", data) == (not errors), [e.message for e in errors]


INDEX = REPO / "tests" / "fixtures" / "project" / "docs" / "index.md"
INDEX_MUTATIONS: dict[str, Mutation] = {
    "unchanged": lambda data: None,
    "no-title": _delete("title"),
    "title-int": _set(("title",), 42),
    "unknown-key": _set(("titel",), "x"),
    "content-type-unknown": _set(("content_type",), "fel"),
    "audience-string": _set(("audience",), "upphandlare"),
    "reviewed-bad": _set(("last_reviewed",), "2026-02-30"),
    "owner-empty": _set(("owner",), ""),
}


@pytest.mark.parametrize("name", sorted(INDEX_MUTATIONS))
def test_fast_path_for_the_index_page_agrees_with_jsonschema(name: str) -> None:
    """docs/index.md may leave out any key: only the root's 'required' errors are dropped."""
    schemas = load_schemas(REPO / "schemas")
    doc = read_document(INDEX, "docs/index.md")
    assert doc.data is not None and not doc.problems
    data = copy.deepcopy(doc.data)
    INDEX_MUTATIONS[name](data)
    errors = [
        e
        for e in schemas.validators["guide"].iter_errors(data)
        if not (e.validator == "required" and not e.absolute_path)
    ]
    fast = schemas.fast_is_valid("guide", data, all_optional=True)
    assert fast == (not errors), [e.message for e in errors]
