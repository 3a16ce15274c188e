"""data/search-terms.yaml: checked against its schema, handed to the search page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kunskapsbank.config import open_layout
from kunskapsbank.content.model import build_collection
from kunskapsbank.content.searchterms import search_data
from kunskapsbank.content.validate import validate_project
from kunskapsbank.render.search_page import json_for_html

REPO = Path(__file__).resolve().parents[2]


def write_terms(project: Path, text: str) -> None:
    (project / "data").mkdir(exist_ok=True)
    (project / "data" / "search-terms.yaml").write_text(text, encoding="utf-8")


def test_the_real_term_file_is_valid(real_clock) -> None:
    result = validate_project(open_layout(REPO))
    assert [p for p in result.problems if p.file.startswith("data/")] == []
    terms = {t.term: t for t in result.search_terms}
    assert terms["IOP"].page == "vagledning/innovationspartnerskap"
    assert {"IOP", "FKU", "PCP", "RFI", "LOU", "LUF", "LUFS", "KD", "FoU", "DOS"} <= set(terms)


def test_a_project_without_a_term_file_has_no_terms(project: Path) -> None:
    result = validate_project(open_layout(project))
    assert result.problems == []
    assert result.search_terms == []


def test_term_file_problems_are_explained_in_swedish_with_lines(project: Path) -> None:
    write_terms(
        project,
        "terms:\n"
        "  - term: IOP\n"  # line 2: no 'search'
        "  - term: KD\n"
        "    search: konkurrenspräglad dialog\n"
        "    sida: vagledning/x\n"  # line 5: unknown key
        "  - term: FKU\n"
        "    search: förkommersiell upphandling\n"
        "    page: vagledning/finns-inte\n"  # line 8: no such guide
        "  - term: mandat\n"
        "    search: mandat att lära\n"
        "    page: vagledning/mandat\n"
        "  - term: Mandat\n"  # line 12: the same term again
        "    search: mandat\n",
    )
    result = validate_project(open_layout(project))
    found = {(p.code, p.line, p.field) for p in result.problems}
    assert ("required", 2, "terms[0].search") in found
    assert ("unknown-key", 5, "terms[1].sida") in found
    assert all(p.file == "data/search-terms.yaml" for p in result.problems)
    # Only a schema-valid file is checked further.
    write_terms(
        project,
        "terms:\n"
        "  - term: FKU\n"
        "    search: förkommersiell upphandling\n"
        "    page: vagledning/finns-inte\n"
        "  - term: mandat\n"
        "    search: mandat att lära\n"
        "    page: vagledning/mandat\n"
        "  - term: Mandat\n"
        "    search: mandat\n",
    )
    result = validate_project(open_layout(project))
    by_code = {p.code: p for p in result.problems}
    assert by_code["reference-missing"].line == 4
    assert "vagledning/finns-inte" in by_code["reference-missing"].message
    assert by_code["search-term-duplicate"].line == 8
    assert "står redan" in by_code["search-term-duplicate"].message


def test_yaml_aliases_are_refused(project: Path) -> None:
    write_terms(project, "terms:\n  - term: &a IOP\n    search: *a\n")
    result = validate_project(open_layout(project))
    assert {p.code for p in result.problems} >= {"yaml-anchor"}


def test_search_data_holds_acronyms_synonyms_and_english_terms() -> None:
    layout = open_layout(REPO)
    result = validate_project(layout)
    collection = build_collection(layout, result.schemas, result.cases, result.guides)
    guides = [g for g in collection.guides.values() if g.key != "index"]
    data = search_data(collection, result.search_terms, guides)
    assert data["t"]["iop"] == {
        "s": "innovationspartnerskap",
        "p": ["/vagledning/innovationspartnerskap/"],
        "h": 1,
    }
    # A guide's synonym points at the guide; it is no longer a word of the page.
    assert data["t"]["utvecklingsavtal"]["p"] == ["/vagledning/innovationspartnerskap/"]
    assert data["t"]["competitive dialogue"]["s"] == "Konkurrenspräglad dialog"
    assert data["p"]["/vagledning/innovationspartnerskap/"] == "Innovationspartnerskap"
    assert "innovationspartnerskap" in data["w"]
    assert all(len(w) >= 4 for w in data["w"])


def test_term_data_cannot_close_its_script_element() -> None:
    text = json_for_html({"t": {"</script><script>alert(1)</script>": {"s": "a & b"}}})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["t"]["</script><script>alert(1)</script>"] == {"s": "a & b"}
    assert re.fullmatch(r"[^<>&]*", text)


def test_validate_accepts_the_term_file_as_a_path(project: Path, run_cli) -> None:
    write_terms(project, "terms:\n  - term: IOP\n    search: ip\n    page: vagledning/finns-inte\n")
    done = run_cli("validate", "data/search-terms.yaml", cwd=project)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "data/search-terms.yaml:4" in done.stdout
    assert "vagledning/finns-inte" in done.stdout
    write_terms(project, "terms:\n  - term: IOP\n    search: innovationspartnerskap\n")
    done = run_cli("validate", "data/search-terms.yaml", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
