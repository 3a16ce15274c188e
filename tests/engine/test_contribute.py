"""What the engine hands to the case form (contribute.py): catalogue messages, rules, settings."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from kunskapsbank.config import Publisher, Settings
from kunskapsbank.content.schemas import load_schemas
from kunskapsbank.errors.catalogue import CATALOGUE
from kunskapsbank.render.contribute import (
    form_config,
    form_html,
    github_repo,
    messages,
    repo_branch,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def schemas():
    return load_schemas(REPO / "schemas")


def settings(editors_email: str = "redaktionen@kunskapsbank.se") -> Settings:
    return Settings(
        site_name="Test",
        repo_url="https://github.com/exempel/kunskapsbank",
        edit_uri="edit/trunk/docs/",
        publisher=Publisher(email=editors_email),
    )


def test_messages_are_the_catalogue_verbatim() -> None:
    out = messages()
    assert out["required"]["message"] == CATALOGUE["required"].message
    assert out["period-order"] == {
        "title": CATALOGUE["period-order"].title,
        "message": CATALOGUE["period-order"].message,
        "hint": CATALOGUE["period-order"].hint,
    }
    # Hints about YAML lines and indentation stay out of the form.
    assert "hint" not in out["too-few"] and "hint" not in out["period-format"]


def test_every_x_code_in_the_schema_has_a_message(schemas) -> None:
    codes = set(
        re.findall(r"x-code: ([a-z-]+)", (REPO / "schemas" / "case.schema.yaml").read_text())
    )
    assert codes and codes <= set(messages())


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("https://github.com/exempel/kunskapsbank", "https://github.com/exempel/kunskapsbank"),
        ("https://github.com/exempel/kunskapsbank/", "https://github.com/exempel/kunskapsbank"),
        ("https://github.com/exempel/kunskapsbank.git", "https://github.com/exempel/kunskapsbank"),
        ("https://gitlab.com/exempel/kunskapsbank", None),
        ("", None),
    ],
)
def test_github_repo(url: str, repo: str | None) -> None:
    assert github_repo(Settings(repo_url=url)) == repo


def test_branch_comes_from_edit_uri() -> None:
    assert repo_branch(Settings(edit_uri="edit/trunk/docs/")) == "trunk"
    assert repo_branch(Settings(edit_uri="blob/main/docs/")) == "main"
    assert repo_branch(Settings(edit_uri="")) == "main"


def test_config_points_at_the_published_schema(schemas) -> None:
    config = form_config(settings(), schemas, "bidra/")
    assert config["schema"] == "../schemas/case.schema.json"
    assert config["vocabularies"] == "../schemas/vocabularies.json"
    assert config["github"] == {
        "repo": "https://github.com/exempel/kunskapsbank",
        "branch": "trunk",
        "folder": "cases",
    }
    assert config["editors_email"] == "redaktionen@kunskapsbank.se"
    assert "kb-skal" in config["rules"]["reserved_slugs"]
    assert form_config(Settings(), schemas, "bidra/")["github"] is None


def test_marker_html_escapes_the_settings(schemas) -> None:
    hostile = settings(editors_email='x"><script>alert(1)</script>@example.org')
    out = form_html(hostile, schemas, "om/bidra/")
    assert "<script>alert" not in out
    assert out.count("<script") == 1 and 'src="../../assets/bidra.js"' in out
    config = re.search(r'data-config="([^"]*)"', out)
    assert config is not None
    assert json.loads(html.unescape(config.group(1)))["editors_email"].startswith('x"><script>')
    # Without an address the page names only the template route.
    assert 'href="mailto:' not in form_html(Settings(), schemas, "bidra/")


NEW_RULES = (
    "period-approximate-unknown",
    "source-home-page",
    "source-accessed-missing",
    "date-in-future",
    "string-control",
    "contact-personal",
    "link-complex",
)


@pytest.mark.parametrize("code", NEW_RULES)
def test_the_new_rules_reach_the_page_in_the_catalogues_words(code: str) -> None:
    entry = CATALOGUE[code]
    out = messages()[code]
    assert (out["title"], out["message"]) == (entry.title, entry.message)
    assert out.get("hint") == entry.hint


def test_rules_carry_the_engines_own_data(schemas) -> None:
    from kunskapsbank.content.checks.orgs import CONSENT_ADVICE
    from kunskapsbank.content.registry import looks_personal
    from kunskapsbank.errors.safetext import forbidden_control

    rules = form_config(settings(), schemas, "bidra/")["rules"]
    control = re.compile(rules["control"])
    for ch in ("\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"):
        assert control.search(f"a{ch}b") and forbidden_control(f"a{ch}b") == (2, f"U+{ord(ch):04X}")
    assert not control.search("rad ett\nrad två\tflik")
    assert rules["period_unknown"] == "okand"
    assert rules["consent_advice"] == CONSENT_ADVICE
    words = set(rules["functional_words"])
    assert "upphandling" in words and not looks_personal("upphandling.kontakt@kommun.se")
    assert rules["body"]["max_parens"] == 32 and rules["body"]["work_per_char"] >= 1


def test_no_backtracking_pattern_reaches_the_page(schemas) -> None:
    body = form_config(settings(), schemas, "bidra/")["rules"]["body"]
    assert not {"atx", "code_span", "inline_link"} & set(body)
    assert re.match(body["atx_open"], "## Rubrik") and not re.match(body["atx_open"], "#Rubrik")


def test_an_organisation_id_is_checked_as_an_organisation_id() -> None:
    """The schema once named 'id' twice under organisations; the second (a case slug) won."""
    import yaml

    text = (REPO / "schemas" / "case.schema.yaml").read_text(encoding="utf-8")
    orgs = yaml.safe_load(text)["properties"]["organisations"]["items"]["properties"]
    assert orgs["id"]["$ref"] == "#/$defs/org_id"
    block = text[text.index("  organisations:") : text.index("\n  lan:")]
    assert block.count("\n        id:\n") == 1
