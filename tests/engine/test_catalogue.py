"""One error catalogue: every code has Swedish texts, a test, and a row on the public page."""

from __future__ import annotations

import re
from pathlib import Path

from kunskapsbank.errors.catalogue import CATALOGUE
from kunskapsbank.errors.config_errors import CONFIG_ERRORS
from kunskapsbank.errors.content_errors import PROBLEMS
from kunskapsbank.errors.data_codes import DATA_FILE_ENTRIES
from kunskapsbank.errors.organisation_codes import ORGANISATION_PROBLEMS
from kunskapsbank.render.errorref import error_reference_html

TESTS = Path(__file__).resolve().parents[1]


def test_every_code_has_a_title_a_message_and_swedish_words() -> None:
    for code, entry in CATALOGUE.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert entry.title and entry.message, code
        # No English left over from a library or a first draft.
        text = " ".join([entry.title, entry.message, *entry.hints()])
        assert not re.search(r"\b(the|is not|must|should|invalid)\b", text), code


def test_each_code_is_defined_in_one_place() -> None:
    parts = [PROBLEMS, ORGANISATION_PROBLEMS, DATA_FILE_ENTRIES, CONFIG_ERRORS]
    seen: dict[str, int] = {}
    for part in parts:
        for code in part:
            seen[code] = seen.get(code, 0) + 1
    assert [code for code, n in seen.items() if n > 1] == []
    assert len(CATALOGUE) == sum(len(part) for part in parts)


def test_every_code_is_asserted_in_a_test() -> None:
    sources = "".join(
        p.read_text(encoding="utf-8") for p in TESTS.rglob("*.py") if p.name != Path(__file__).name
    )
    untested = [code for code in CATALOGUE if f'"{code}"' not in sources]
    assert untested == [], f"Koder som ingen test kontrollerar: {untested}"


def test_the_public_reference_lists_every_code() -> None:
    html = error_reference_html()
    for code in CATALOGUE:
        assert f'id="fel-{code}"' in html, code
