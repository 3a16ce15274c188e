"""CONTRIBUTING.md, the GitHub templates and workflows, and the pre-commit hook."""

from __future__ import annotations

import re
from typing import Any

import yaml

from kunskapsbank.content.schemas import load_vocabularies

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def load(rel: str) -> Any:
    return yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))


def runs(workflow: dict[str, Any]) -> list[str]:
    return [
        s["run"] for job in workflow["jobs"].values() for s in job.get("steps", []) if "run" in s
    ]


def uses(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", []) if "uses" in s]


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare 'on' as true


def test_contributing_describes_both_paths_and_every_evidence_level() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for command in ("make serve", "kunskapsbank new-case", "kunskapsbank validate"):
        assert command in text
    assert "Create new file" in text and "pull request" in text
    evidence = load_vocabularies(REPO / "schemas" / "vocabularies")["evidence"]
    for term in evidence.terms:
        assert f"`{term.id}`" in text
        assert term.label in text
        assert term.description and term.description in text


def test_pull_request_template_is_a_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ] ") >= 8
    assert "<< >>" in text and "`evidence`" in text


def test_issue_form_matches_the_link_on_case_pages() -> None:
    from kunskapsbank.urls import ISSUE_TEMPLATE

    form = load(f".github/ISSUE_TEMPLATE/{ISSUE_TEMPLATE}")
    assert form["name"] and form["description"]
    fields = {f["id"]: f for f in form["body"] if "id" in f}
    assert fields["adress"]["type"] == "input"
    assert fields["adress"]["validations"]["required"] is True
    assert fields["fel"]["type"] == "textarea"
    assert fields["fel"]["validations"]["required"] is True
    assert fields["kalla"]["type"] == "textarea"
    assert fields["kalla"]["attributes"]["label"] == "Källa"


def test_pre_commit_hook() -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "kunskapsbank-validate"
    assert hook["language"] == "python"
    assert hook["entry"] == "kunskapsbank validate"
    files = re.compile(hook["files"])
    assert files.search("cases/mitt-fall.md") and files.search("docs/vagledning/mandat.md")
    assert not files.search("src/kunskapsbank/x.md") and not files.search("cases/a.txt")


def test_pull_request_workflow() -> None:
    workflow = load(".github/workflows/pull-request.yml")
    assert "pull_request" in triggers(workflow)
    steps = uses(workflow)
    assert steps[0]["uses"].startswith("actions/checkout@")
    python = next(s for s in steps if s["uses"].startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    commands = runs(workflow)
    order = [
        "make setup",
        ".venv/bin/kunskapsbank validate --format github",
        "make build",
        "apt-get install",
        "make test",
    ]
    positions = [next(i for i, c in enumerate(commands) if part in c) for part in order]
    assert positions == sorted(positions)


def test_release_workflow() -> None:
    workflow = load(".github/workflows/release.yml")
    assert triggers(workflow)["push"]["tags"] == ["v*"]
    script = "\n".join(runs(workflow))
    assert 'kunskapsbank release "${GITHUB_REF_NAME#v}"' in script
    assert "gh release create" in script and "dist/SHA256SUMS" in script
    actions = {s["uses"].split("@")[0]: s for s in uses(workflow)}
    assert actions["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert "actions/deploy-pages" in actions


def test_workflows_only_call_documented_commands() -> None:
    for name in ("pull-request.yml", "release.yml"):
        script = "\n".join(runs(load(f".github/workflows/{name}")))
        for target in re.findall(r"\bmake ([a-z-]+)", script):
            assert f"make {target}" in README or f"`make {target}`" in README, target
        for command in re.findall(r"\bkunskapsbank ([a-z-]+)", script):
            assert f"`kunskapsbank {command}" in README, command
