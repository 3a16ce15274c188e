"""The engine's shape: stages import only from stages before them, and modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "kunskapsbank"
# The pipeline, in order. A module may import from its own stage and from earlier ones.
STAGES = ["errors", "base", "content", "versions", "render", "site", "editorial", "cli"]
BASE_MODULES = {
    "__init__",
    "__main__",
    "config",
    "urls",
    "parallel",
    "urlpolicy",
    "links",
    "htmlpolicy",
}
MAX_LINES = 400


def stage_of(module: str) -> str:
    """``kunskapsbank.content.loader`` -> ``content``; top-level helpers are ``base``."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in BASE_MODULES:
        return "cli" if parts[-1] == "__main__" else "base"
    return parts[1]


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        out.append((".".join(rel.parts).removesuffix(".__init__"), path))
    return out


def engine_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("kunskapsbank"):
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("kunskapsbank")]
        elif isinstance(node, ast.ImportFrom) and node.level:
            pytest.fail(f"{path}: use absolute imports (kunskapsbank.<stage>...)")
    return found


def test_every_stage_is_known() -> None:
    assert {stage_of(name) for name, _ in modules()} <= set(STAGES)


@pytest.mark.parametrize(("name", "path"), modules(), ids=lambda v: str(v))
def test_imports_follow_the_pipeline(name: str, path: Path) -> None:
    own = STAGES.index(stage_of(name))
    for imported in engine_imports(path):
        if imported == "kunskapsbank":
            continue
        assert STAGES.index(stage_of(imported)) <= own, f"{name} imports {imported}"


@pytest.mark.parametrize(("name", "path"), modules(), ids=lambda v: str(v))
def test_no_module_over_the_limit(name: str, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_the_case_url_scheme_is_written_once() -> None:
    holders = [
        name
        for name, path in modules()
        if '"fall/' in path.read_text(encoding="utf-8")
        or "'fall/" in path.read_text(encoding="utf-8")
    ]
    assert holders == ["kunskapsbank.urls"]
