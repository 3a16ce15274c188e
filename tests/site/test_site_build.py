"""Atomic and reproducible builds of the whole site."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sitetools import BuiltSite, hash_tree, leftovers, run_build

from kunskapsbank.site.search import pages_glob


def test_successful_build_leaves_no_temporary_folders(built_site: BuiltSite) -> None:
    assert (built_site.root / "index.html").is_file()
    assert leftovers(built_site.root.parent) == []


def _break_case_vocabulary(project: Path) -> str:
    """An id outside the status vocabulary; returns the line the CLI must print."""
    path = project / "cases" / "skolmat-i-sagostad.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = lines.index("status: avslutad") + 1
    lines[number - 1] = "status: klar"
    path.write_text("\n".join(lines), encoding="utf-8")
    return rf"(?m)^cases/skolmat-i-sagostad\.md:{number}:9: .*'klar'.*\[status\]$"


def _break_guide_link(project: Path) -> str:
    """A link to a page that does not exist; MkDocs finds it in strict mode."""
    path = project / "docs" / "vagledning" / "funktionskrav.md"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\nLäs också [den här sidan](finns-inte.md).\n")
    return r"finns-inte\.md"


@pytest.mark.parametrize(
    "break_project",
    [_break_case_vocabulary, _break_guide_link],
    ids=["invalid-vocabulary-value", "broken-link-in-guide"],
)
def test_failed_build_leaves_the_previous_site_untouched(
    built_site: BuiltSite, tmp_path: Path, break_project: Callable[[Path], str]
) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_site.project, project)
    expected_output = break_project(project)
    site = tmp_path / "site"
    shutil.copytree(built_site.root, site)
    before = hash_tree(site)

    proc = run_build(project, site)
    output = proc.stdout + proc.stderr

    after = hash_tree(site)
    changed = sorted(
        (k for k in before.keys() | after.keys() if before.get(k) != after.get(k)),
        key=lambda k: (k.startswith("pagefind/"), k),  # pages first, then the search index
    )
    problems = []
    if proc.returncode != 1:
        problems.append(f"exit status {proc.returncode}, expected 1")
    if not re.search(expected_output, output):
        problems.append(f"output does not match {expected_output!r}")
    if changed:
        problems.append(f"{len(changed)} files of the previous site changed: {changed[:10]}")
    if leftovers(tmp_path):
        problems.append(f"temporary folders left behind: {leftovers(tmp_path)}")
    assert not problems, "\n".join(problems) + f"\n--- build output ---\n{output}"


def test_invalid_content_is_reported_in_the_text_format(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_site.project, project)
    pattern = _break_case_vocabulary(project)
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode == 1
    assert re.search(pattern, proc.stderr), proc.stderr
    assert re.search(r"(?m)^    Tips: ", proc.stderr), proc.stderr
    assert re.search(r"(?m)^1 problem i 1 fil ", proc.stderr), proc.stderr
    assert not (tmp_path / "site").exists()
    assert leftovers(tmp_path) == []


def test_two_builds_are_byte_identical(built_site: BuiltSite, tmp_path: Path) -> None:
    second = tmp_path / "site"
    proc = run_build(built_site.project, second)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first_hashes, second_hashes = hash_tree(built_site.root), hash_tree(second)
    only_first = sorted(first_hashes.keys() - second_hashes.keys())
    only_second = sorted(second_hashes.keys() - first_hashes.keys())
    different = sorted(
        k for k in first_hashes.keys() & second_hashes.keys() if first_hashes[k] != second_hashes[k]
    )
    report = []
    if only_first:
        report.append(f"only in the first build: {only_first}")
    if only_second:
        report.append(f"only in the second build: {only_second}")
    if different:
        report.append(f"different content: {different}")
    assert not report, "the two builds differ:\n" + "\n".join(report)


def test_search_index_holds_every_page_marked_for_it_and_no_other(built_site: BuiltSite) -> None:
    """Pagefind reads only the pages the build names; none marked for search may be missed."""
    marked = sorted(
        path.parent.relative_to(built_site.root).as_posix()
        for path in built_site.root.rglob("index.html")
        if "data-pagefind-body" in path.read_text(encoding="utf-8")
    )
    entry = json.loads((built_site.root / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert marked, "no page is marked for the search index"
    assert [lang["page_count"] for lang in entry["languages"].values()] == [len(marked)]
    fragments = list((built_site.root / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) == len(marked)


def test_pages_glob_names_page_folders_and_refuses_glob_characters() -> None:
    assert pages_glob(["fall/*/", "vagledning/mandat/"]) == (
        "{fall/*/index.html,vagledning/mandat/index.html}"
    )
    assert pages_glob(["fall/*/", "om/{a,b}/"]) is None
    assert pages_glob([]) is None
