"""The case form at /bidra/ (issue 15): filled in Chromium, its file accepted by the CLI.

Each test fills the form as a contributor would, creates the file and hands it,
unchanged, to ``kunskapsbank validate`` in a copy of the project.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from kunskapsbank.content import body
from kunskapsbank.content.body import scan
from kunskapsbank.content.checks.orgs import CONSENT_ADVICE
from kunskapsbank.errors.catalogue import CATALOGUE

from .conftest import AXE_TAGS, REPO, Server, build

FORM = "/bidra/"
TAB_LIMIT = 400

# A minimal valid case, by field id (ids come from the schema path: f-<key>-<index>-<key>).
MINIMAL = {
    "f-title": "Digitala nyckelskåp i hemtjänsten",
    "f-summary": "Kommunen köpte digitala nyckelskåp efter en dialog med leverantörer. "
    "Här berättar vi hur det gick.",
    "f-case_type": "upphandling",
    "f-status": "avslutad",
    "f-period-start": "2023-02",
    "f-period-end": "2024-06",
    "f-organisations-0-name": "Exempelby kommun",
    "f-organisations-0-org_type": "kommun",
    "f-organisations-0-role": "upphandlande",
    "f-lan-skane": True,
    "f-themes-behov": True,
    "f-lessons-0-text": "Börja med behovet och låt leverantörerna föreslå lösningen.",
    "f-sources-0-title": "Kommunens slutrapport",
    "f-sources-0-url": "https://exempelby.example.org/rapport",
    "f-evidence": "sjalvrapporterad",
    "f-body-Behov": "Hemtjänsten tappade tid på att hämta nycklar.",
    "f-body-Genomforande": "Vi höll en dialog med fem leverantörer.",
    "f-body-Resultat": "Skåpen sparar en kvarts arbetstid per pass.",
}


def open_form(page, server) -> None:
    page.goto(server.url(FORM))
    page.wait_for_selector("#kb-bidra[data-ready='true']")


def fill(page, values: dict[str, object]) -> None:
    for field_id, value in values.items():
        target = page.locator(f"#{field_id}")
        if value is True:
            target.check()
        elif target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(str(value))
        else:
            target.fill(str(value))
        target.blur()


def create(page) -> str:
    page.locator("#kb-create").click()
    page.wait_for_selector("#kb-result:not([hidden])")
    return page.locator("#kb-file-text").input_value()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's content (cases, guidance, schemas, settings)."""
    root = tmp_path / "projekt"
    for folder in ("cases", "docs", "schemas"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("vendor"))
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    if (REPO / "data").is_dir():
        shutil.copytree(REPO / "data", root / "data")
    return root


def validate(project: Path, name: str, text: str, page=None) -> subprocess.CompletedProcess[str]:
    """``kunskapsbank validate`` on the file, on the day the browser thinks it is."""
    (project / "cases" / name).write_text(text, encoding="utf-8", newline="")
    env = dict(os.environ)
    if page is not None:
        env["KUNSKAPSBANK_TODAY"] = page.evaluate(
            "() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
            " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
        )
    return subprocess.run(
        [sys.executable, "-m", "kunskapsbank", "validate", f"cases/{name}"],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def frontmatter(text: str) -> dict:
    assert text.startswith("---\n")
    head, _, _ = text[4:].partition("\n---\n")
    return yaml.safe_load(head)


def axe_violations(page) -> list[dict]:
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:5]]}" for v in violations
    )


# -- filling in and creating the file ------------------------------------------------


def test_filled_form_gives_a_file_that_validate_accepts(context, server, project):
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    open_form(page, server)
    fill(page, MINIMAL)
    text = create(page)
    assert page.evaluate("document.activeElement.id") == "kb-result-title"
    assert page.locator("#kb-error-summary").is_hidden()

    with page.expect_download() as info:
        page.locator("#kb-download").click()
    download = info.value
    assert download.suggested_filename == "digitala-nyckelskap-i-hemtjansten.md"
    saved = Path(download.path()).read_text(encoding="utf-8")
    assert saved == text

    done = validate(project, download.suggested_filename, saved, page)
    assert done.returncode == 0, done.stdout + done.stderr
    data = frontmatter(text)
    assert data["title"] == MINIMAL["f-title"]
    assert data["organisations"] == [
        {"name": "Exempelby kommun", "org_type": "kommun", "role": "upphandlande"}
    ]
    assert data["lan"] == ["skane"] and data["period"] == {"start": "2023-02", "end": "2024-06"}
    assert "language" not in data  # the schema's default is left out
    assert text.index("## Behov") < text.index("## Genomförande") < text.index("## Resultat")

    # Nothing left the browser: every request went to the site itself; nothing stored.
    assert {urlsplit(u).netloc for u in requests if urlsplit(u).scheme in ("http", "https")} == {
        server.host
    }
    assert context.cookies() == []
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]


def test_keyboard_only(context, server, project):
    """Tab, type, Space and arrow keys only: fill the form, create and download the file."""
    page = context.new_page()
    open_form(page, server)
    vocab = json.loads(page.evaluate("fetch('../schemas/vocabularies.json').then(r => r.text())"))
    position = {
        field: [e["id"] for e in vocab[name]["entries"]].index(MINIMAL[f"f-{field}"]) + 1
        for field, name in [
            ("case_type", "case_type"),
            ("status", "status"),
            ("evidence", "evidence"),
        ]
    }
    position["organisations-0-org_type"] = [e["id"] for e in vocab["org_type"]["entries"]].index(
        "kommun"
    ) + 1
    position["organisations-0-role"] = [e["id"] for e in vocab["role"]["entries"]].index(
        "upphandlande"
    ) + 1
    page.locator("#kb-load").focus()  # the first control of the form; Tab from here on
    remaining = dict(MINIMAL)
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        active = page.evaluate(
            "() => ({id: document.activeElement.id, tag: document.activeElement.tagName})"
        )
        if active["id"] == "kb-create":
            break
        value = remaining.pop(active["id"], None)
        if value is None:
            continue
        if value is True:
            page.keyboard.press("Space")
        elif active["tag"] == "SELECT":
            for _ in range(position[active["id"][2:]]):
                page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type(str(value))
    else:
        pytest.fail(f"Knappen Skapa filen nåddes inte med Tab; kvar: {sorted(remaining)}")
    assert not remaining, f"Fält som inte gick att nå med Tab: {sorted(remaining)}"
    page.keyboard.press("Enter")
    page.wait_for_selector("#kb-result:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "kb-result-title"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kb-download":
            break
    else:
        pytest.fail("Länken Ladda ned gick inte att nå med Tab")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text == page.locator("#kb-file-text").input_value()
    done = validate(project, info.value.suggested_filename, text, page)
    assert done.returncode == 0, done.stdout + done.stderr


def test_repeatable_groups_add_and_remove(page, server, project):
    open_form(page, server)
    fill(page, MINIMAL)
    page.locator("#f-organisations-add").click()
    assert page.evaluate("document.activeElement.id") == "f-organisations-1-group"
    fill(
        page,
        {
            "f-organisations-1-name": "Region Exempel",
            "f-organisations-1-org_type": "region",
            "f-organisations-1-role": "finansiar",
        },
    )
    page.locator("#f-contacts-add").click()
    fill(
        page,
        {
            "f-contacts-0-organisation": "Exempelby kommun",
            "f-contacts-0-email": "upphandling@exempelby.example.org",
        },
    )
    page.locator("#f-funding-add").click()
    fill(page, {"f-funding-0-funder": "Vinnova", "f-funding-0-amount_sek": "250000"})
    page.locator("#f-lessons-add").click()
    page.locator("#f-lessons-add").click()
    page.get_by_role("button", name="Ta bort lärdomar 3").click()
    fill(page, {"f-lessons-1-text": "Avsätt tid för att formulera behovet tillsammans."})
    text = create(page)
    data = frontmatter(text)
    assert [o["name"] for o in data["organisations"]] == ["Exempelby kommun", "Region Exempel"]
    assert data["funding"] == [{"funder": "Vinnova", "amount_sek": 250000}]
    assert len(data["lessons"]) == 2
    assert data["contacts"][0]["email"] == "upphandling@exempelby.example.org"
    done = validate(project, "med-grupper.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


HOSTILE = {
    "f-title": 'Fallet "x": #1 - <script>alert(1)</script> & *a !tag',
    "f-summary": "- &anker *alias !!python/object:os.system 'enkel' \"dubbel\" {a: b} [c] "
    # U+2028 and NEL are control characters the validator refuses (string-control); the
    # form refuses them too (test_control_characters_are_refused_beside_the_field).
    "% @ ` | > ? : # kommentar radbrytning nel\ufeffbom 😀 e\u0301 Ω 中文 " + "x" * 200,
    "f-organisations-0-name": "--- ... : nyckel: värde ---",
    "f-lessons-0-text": "Rad ett: med kolon\nRad två # inte en kommentar\n- inte en lista\n"
    "\\n är inte en radbrytning, \\u0041 inte ett A, och ${x} ingen mall.",
    "f-sources-0-title": "'; DROP TABLE cases; -- \t tabb",
    "f-sources-0-url": 'https://exempelby.example.org/a?b="c"&d=<e>#f',
    "f-body-Behov": "Text med `<script>` i kod, : kolon och\n---\nen linje.",
}


def test_hostile_text_gives_a_valid_escaped_file(page, server, project):
    open_form(page, server)
    fill(page, {**MINIMAL, **HOSTILE})
    text = create(page)
    data = frontmatter(text)
    assert data["title"] == HOSTILE["f-title"]
    assert data["summary"] == HOSTILE["f-summary"]
    assert data["organisations"][0]["name"] == HOSTILE["f-organisations-0-name"]
    assert data["lessons"][0]["text"] == HOSTILE["f-lessons-0-text"]
    assert data["sources"][0] == {
        "title": HOSTILE["f-sources-0-title"],
        "url": HOSTILE["f-sources-0-url"],
    }
    assert "<script>alert" not in text.split("\n---\n", 1)[1]  # only in quoted frontmatter
    done = validate(project, "fientlig-text.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr

    # HTML in the text itself is refused, with the CLI's words.
    page.locator("#f-body-Resultat").fill("Se <script>alert(1)</script> här.")
    page.locator("#kb-create").click()
    summary = page.locator("#kb-error-summary")
    assert summary.is_visible()
    assert "HTML-taggen '<script>' är inte tillåten i texten." in summary.inner_text()


def test_very_long_text_is_refused_then_accepted(page, server, project):
    open_form(page, server)
    fill(page, {**MINIMAL, "f-lessons-0-text": "Å" * 20_000})
    page.locator("#kb-create").click()
    assert (
        "Texten är 20000 tecken. Den får vara högst 500 tecken."
        in page.locator("#kb-error-summary").inner_text()
    )
    assert page.locator("#kb-result").is_hidden()
    fill(page, {"f-lessons-0-text": "Å" * 500, "f-body-Resultat": "Lång text. " * 5000})
    text = create(page)
    done = validate(project, "lang-text.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


# -- problems --------------------------------------------------------------------------


def test_empty_form_shows_the_error_summary(page, server):
    open_form(page, server)
    title = page.title()
    page.locator("#kb-create").click()
    summary = page.locator("#kb-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "kb-error-summary"
    assert page.title() == "Fel: " + title
    assert page.locator("#kb-result").is_hidden()
    items = summary.locator("li a")
    texts = items.all_inner_texts()
    assert "Det obligatoriska fältet 'Titel' saknas." in texts  # the catalogue's words
    assert "Det obligatoriska fältet 'Behov' saknas." in texts
    assert any(t.startswith("Källor 1: ") for t in texts)
    # Every link leads to its field, and the field says what is wrong beside it.
    assert items.count() == page.locator(".kb-field-error").count()
    items.first.click()
    assert page.evaluate("document.activeElement.id") == "f-title"
    title_field = page.locator("#f-title")
    assert title_field.get_attribute("aria-invalid") == "true"
    described = title_field.get_attribute("aria-describedby").split()
    assert "f-title-error" in described and "f-title-hint" in described
    assert page.locator("#f-title-error").text_content() == (
        "Fel: Det obligatoriska fältet 'Titel' saknas."
    )
    # Fixing a field clears its message as the contributor goes.
    title_field.fill("En titel som räcker")
    title_field.blur()
    assert page.locator("#f-title-error").count() == 0
    assert title_field.get_attribute("aria-invalid") is None


def test_named_rules_use_the_catalogue(page, server):
    open_form(page, server)
    fill(
        page,
        {
            **MINIMAL,
            "f-period-start": "2024-06",
            "f-period-end": "2023-02",
            "f-organisations-0-role": "partner",
            "f-sources-0-url": "http://exempelby.example.org/rapport",
            "f-published": "2026-01-10",
            "f-last_reviewed": "2025-12-01",
            "f-body-Genomforande": "# Rubrik\n[länk](javascript:alert(1))",
            "f-body-Resultat": "<<Skriv resultatet>>",
        },
    )
    page.locator("#kb-create").click()
    errors = page.locator("#kb-error-summary").inner_text()
    for expected in (
        "Slutet (2023-02) ligger före starten (2024-06).",
        "Ingen organisation har rollen 'upphandlande' eller 'projektagare'.",
        "'http://exempelby.example.org/rapport' är inte en giltig webbadress som börjar med https://.",
        "'last_reviewed' (2025-12-01) ligger före 'published' (2026-01-10).",
        "Texten har en rubrik på nivå 1 ('Rubrik').",
        "Avsnittet 'Resultat' är inte ifyllt: ersätt platshållaren '<<Skriv resultatet>>'.",
    ):
        assert expected in errors, f"{expected!r} saknas i:\n{errors}"


# -- the actions on the file ------------------------------------------------------------


def test_github_and_mail_links(page, server, site_dir):
    open_form(page, server)
    fill(page, MINIMAL)
    page.locator("#f-slug").fill("mitt-eget-namn")
    text = create(page)
    config = json.loads(page.locator("#kb-bidra").get_attribute("data-config"))
    github = page.locator("#kb-github").get_attribute("href")
    parts = urlsplit(github)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == config["github"]["repo"] + "/new/main"
    query = parse_qs(parts.query)
    assert query["filename"] == ["cases/mitt-eget-namn.md"]
    assert query["value"] == [text]
    mail = page.locator("#kb-mail").get_attribute("href")
    assert mail.startswith(f"mailto:{config['editors_email']}?subject=")
    assert "mitt-eget-namn.md" in unquote(mail)
    assert config["editors_email"] in page.locator("#kb-result").inner_text()


def test_downloaded_file_loads_back_into_the_form(page, server, tmp_path):
    open_form(page, server)
    fill(page, {**MINIMAL, **HOSTILE})
    page.locator("#f-organisations-add").click()
    fill(
        page,
        {
            "f-organisations-1-name": "Region Exempel",
            "f-organisations-1-org_type": "region",
            "f-organisations-1-role": "partner",
        },
    )
    text = create(page)
    saved = tmp_path / "sparat-fall.md"
    saved.write_text(text, encoding="utf-8")
    page.reload()
    page.wait_for_selector("#kb-bidra[data-ready='true']")
    page.locator("#kb-load").set_input_files(str(saved))
    page.wait_for_function(
        "() => /är inläst/.test(document.getElementById('kb-form-status').textContent)"
    )
    assert page.locator("#f-organisations-1-name").input_value() == "Region Exempel"
    assert page.locator("#f-slug").input_value() == "sparat-fall"
    assert create(page) == text


def test_without_javascript_the_page_explains_the_other_routes(browser, server):
    ctx = browser.new_context(java_script_enabled=False, locale="sv-SE")
    try:
        page = ctx.new_page()
        page.goto(server.url(FORM))
        routes = page.locator("#kb-bidra-nojs")
        assert routes.is_visible()
        text = routes.inner_text()
        assert "kunskapsbank new-case" in text
        config = json.loads(page.locator("#kb-bidra").get_attribute("data-config"))
        assert config["editors_email"] in text
        assert page.locator("#kb-bidra").is_hidden()
    finally:
        ctx.close()


# -- accessibility in every state, at 200% zoom and on a narrow screen -----------------------


def test_axe_finds_no_violations_with_errors_and_with_the_file(page, server):
    open_form(page, server)
    page.locator("#kb-create").click()
    violations = axe_violations(page)
    assert not violations, "Med fel:\n" + describe(violations)
    fill(page, MINIMAL)
    create(page)
    violations = axe_violations(page)
    assert not violations, "Med filen:\n" + describe(violations)


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(390, 844, 3), (640, 400, 2)],  # a phone; 1280 x 800 at 200 % zoom
    ids=["390px", "zoom-200"],
)
def test_works_on_a_narrow_screen_and_zoomed(browser, server, project, width, height, scale):
    ctx = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=scale, locale="sv-SE"
    )
    try:
        page = ctx.new_page()
        open_form(page, server)
        overflow = (
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert page.evaluate(overflow) <= 0
        page.locator("#kb-create").click()
        assert page.evaluate(overflow) <= 0
        fill(page, {**MINIMAL, **HOSTILE})
        text = create(page)
        assert page.evaluate(overflow) <= 0
        done = validate(project, "smal-skarm.md", text, page)
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        ctx.close()


# -- the schema is the only source -------------------------------------------------------

NEW_FIELDS = """  budget_note:
    title: Budgetkommentar
    description: Hur arbetet finansierades, med egna ord (valfritt).
    type: string
    maxLength: 200
  audiences:
    title: Läsare
    description: Vilka fallet är skrivet för (valfritt).
    type: array
    uniqueItems: true
    items:
      type: string
      x-vocabulary: audience
  decided:
    title: Beslutat
    description: När beslutet togs, "ÅÅÅÅ-MM", "ÅÅÅÅ" eller okand (valfritt).
    x-code: period-format
    anyOf:
      - {type: string, pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", minLength: 7, maxLength: 7}
      - {type: string, pattern: "^[0-9]{4}$", minLength: 4, maxLength: 4}
      - const: okand
$defs:
"""


def test_a_field_added_to_the_schema_appears_in_the_form(tmp_path, browser):
    """Two new properties in case.schema.yaml and nothing else: the form shows and writes them."""
    root = tmp_path / "projekt"
    for folder in ("cases", "docs", "schemas", "hooks", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if (REPO / "data").is_dir():
        shutil.copytree(REPO / "data", root / "data")
    schema = root / "schemas" / "case.schema.yaml"
    text = schema.read_text(encoding="utf-8")
    assert text.count("\n$defs:\n") == 1
    schema.write_text(text.replace("\n$defs:\n", "\n" + NEW_FIELDS, 1), encoding="utf-8")
    site = tmp_path / "site"
    done = build(root, site)
    assert done.returncode == 0, done.stdout + done.stderr
    server = Server(site)
    ctx = browser.new_context(locale="sv-SE")
    try:
        page = ctx.new_page()
        open_form(page, server)
        assert page.locator("label[for='f-budget_note']").inner_text() == "Budgetkommentar"
        assert page.locator("#f-budget_note-hint").inner_text() == (
            "Hur arbetet finansierades, med egna ord (valfritt)."
        )
        assert page.locator("#f-audiences-group legend").inner_text() == "Läsare"
        assert page.locator("label[for='f-audiences-upphandlare']").count() == 1
        fill(
            page,
            {
                **MINIMAL,
                "f-budget_note": "Egen budget: 2 miljoner",
                "f-audiences-upphandlare": True,
            },
        )
        fill(page, {"f-decided": "nej"})
        page.locator("#kb-create").click()
        assert page.locator("#f-decided-error").text_content() == (
            "Fel: 'nej' är inte en månad (ÅÅÅÅ-MM), ett år (ÅÅÅÅ) eller okand."
        )
        fill(page, {"f-decided": "okand"})
        file_text = create(page)
        data = frontmatter(file_text)
        assert data["decided"] == "okand"
        assert data["budget_note"] == "Egen budget: 2 miljoner"
        assert data["audiences"] == ["upphandlare"]
        checked = validate(root, "nytt-falt.md", file_text, page)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    finally:
        ctx.close()
        server.close()


# -- Content-Security-Policy -------------------------------------------------------------

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'"
)


def test_the_form_runs_without_eval_and_without_inline_script(context, server, project):
    """Served with a CSP without 'unsafe-eval', the form works and nothing is blocked.

    ('unsafe-inline' stays in the policy for the theme's own inline scripts; the form's
    part of the page has no inline script and no event handler attribute.)
    """
    page = context.new_page()

    def with_csp(route) -> None:
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": CSP}
        )

    page.route("**/*", with_csp)
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push([e.violatedDirective, e.blockedURI, e.sourceFile]));"
    )
    open_form(page, server)
    fill(page, MINIMAL)
    text = create(page)
    page.locator("#kb-create").click()
    assert page.evaluate("window.__csp") == []
    done = validate(project, "med-csp.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr
    inline = page.evaluate(
        """() => {
          const part = document.getElementById('kb-innehall');
          const scripts = [...part.querySelectorAll('script')].filter(s => !s.src);
          const handlers = [...part.querySelectorAll('*')].flatMap(
            el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => a.name));
          return {scripts: scripts.length, handlers};
        }"""
    )
    assert inline == {"scripts": 0, "handlers": []}


def test_an_unfinished_form_can_be_saved_as_a_draft_and_continued(page, server, tmp_path):
    open_form(page, server)
    partial = {
        "f-title": "Ett fall som inte är klart än",
        "f-period-start": "2024-13",
        "f-lan-skane": True,
        "f-body-Behov": 'Det här är början: "citat" och # tecken.',
    }
    fill(page, partial)
    with page.expect_download() as info:
        page.locator("#kb-draft").click()
    assert info.value.suggested_filename == "ett-fall-som-inte-ar-klart-an-utkast.md"
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert "utkast" in page.locator("#kb-form-status").inner_text()
    assert page.locator("#kb-result").is_hidden()  # a draft is not the file to send

    page.reload()
    page.wait_for_selector("#kb-bidra[data-ready='true']")
    assert page.locator("#f-title").input_value() == ""
    page.locator("#kb-load").set_input_files(str(saved))
    page.wait_for_function(
        "() => /är inläst/.test(document.getElementById('kb-form-status').textContent)"
    )
    for field_id, value in partial.items():
        target = page.locator(f"#{field_id}")
        if value is True:
            assert target.is_checked(), field_id
        else:
            assert target.input_value() == value, field_id
    assert page.locator("#f-slug").input_value() == "ett-fall-som-inte-ar-klart-an"
    page.locator("#kb-create").click()
    assert (
        "'2024-13' är inte en månad (ÅÅÅÅ-MM), ett år (ÅÅÅÅ) eller okand."
        in page.locator("#kb-error-summary").inner_text()
    )


def test_references_and_links_are_checked_against_the_project(page, server, project):
    open_form(page, server)
    fill(page, MINIMAL)
    page.locator("#f-related_cases-add").click()
    page.locator("#f-related_guidance-add").click()
    fill(
        page,
        {
            "f-related_cases-0": "finns-inte-alls",
            "f-related_guidance-0": "vagledning/mandat",
            "f-body-Resultat": "Läs [mandat](/vagledning/mandat/) och [x](../docs/saknas.md).",
        },
    )
    page.locator("#kb-create").click()
    errors = page.locator("#kb-error-summary").inner_text()
    assert "Fallet 'finns-inte-alls' finns inte." in errors
    assert "Länken '../docs/saknas.md' pekar på en fil som inte finns." in errors
    assert "vagledning/mandat" not in errors and "/vagledning/mandat/" not in errors
    fill(
        page,
        {
            "f-related_cases-0": "innovationsupphandling-syd",
            "f-body-Resultat": "Läs [mandat](/vagledning/mandat/) och "
            "[fallet](innovationsupphandling-syd.md).",
        },
    )
    text = create(page)
    done = validate(project, "med-hanvisningar.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", ["/", "/fall/", "/om/bidra-med-ett-fall/"])
def test_the_form_is_linked(page, server, path):
    page.goto(server.url(path))
    hrefs = page.eval_on_selector_all("#kb-innehall a[href]", "links => links.map(a => a.href)")
    assert server.url(FORM) in hrefs, hrefs


def test_copy_puts_the_file_on_the_clipboard(context, server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base)
    page = context.new_page()
    open_form(page, server)
    fill(page, MINIMAL)
    text = create(page)
    page.locator("#kb-copy").click()
    page.wait_for_function(
        "() => document.getElementById('kb-form-status').textContent === 'Texten är kopierad.'"
    )
    assert page.evaluate("navigator.clipboard.readText()") == text
    # Changing the form takes the old file away: it would no longer match.
    page.locator("#f-title").fill("En annan titel på fallet")
    assert page.locator("#kb-result").is_hidden()
    assert "Skapa filen igen" in page.locator("#kb-form-status").inner_text()


# -- the CLI's newer rules, in the catalogue's words -------------------------------------


def said(code: str, **params: object) -> str:
    """The catalogue's message for ``code``, filled in as the CLI fills it."""
    return CATALOGUE[code].message.format(**params)


def assert_reported(page, field_id: str, text: str) -> None:
    """``text`` stands beside the field and in the error summary; no file was made."""
    beside = page.locator(f"#{field_id}-error")
    assert beside.count() == 1, f"Inget fel vid #{field_id}"
    assert text in beside.inner_text(), beside.inner_text()
    summary = page.locator("#kb-error-summary")
    assert summary.is_visible() and text in summary.inner_text(), summary.inner_text()
    assert page.locator("#kb-result").is_hidden()


def test_period_points_compare_at_the_precision_both_give(page, server, project):
    open_form(page, server)
    fill(page, {**MINIMAL, "f-period-start": "2024", "f-period-end": "2023-11"})
    page.locator("#kb-create").click()
    assert_reported(page, "f-period-end", said("period-order", start="2024", end="2023-11"))

    # okand never compares, but "cirka" on it says nothing.
    fill(page, {"f-period-start": "okand", "f-period-start_approximate": True})
    page.locator("#kb-create").click()
    assert (
        said("period-order", start="okand", end="2023-11")
        not in page.locator("#kb-error-summary").inner_text()
    )
    assert_reported(
        page,
        "f-period-start_approximate",
        said("period-approximate-unknown", key="start_approximate"),
    )

    # A year alone compares by year: 2023 is not after 2023-02.
    fill(page, {"f-period-start": "2023", "f-period-end": "2023-02"})
    text = create(page)
    assert frontmatter(text)["period"] == {
        "start": "2023",
        "start_approximate": True,
        "end": "2023-02",
    }
    done = validate(project, "ar-och-manad.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


def test_sources_must_be_deep_links_read_on_a_day(page, server, project):
    open_form(page, server)
    home = "https://exempelby.example.org/"
    fill(page, {**MINIMAL, "f-sources-0-url": home, "f-evidence": "redaktionellt-granskad"})
    page.locator("#kb-create").click()
    assert_reported(page, "f-sources-0-url", said("source-home-page", value=home))
    assert_reported(page, "f-sources-0-accessed", said("source-accessed-missing"))

    tomorrow = page.evaluate(
        "() => { const d = new Date(); d.setDate(d.getDate() + 1);"
        " const p = n => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
    )
    today = page.evaluate(
        "() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
    )
    fill(page, {"f-sources-0-url": MINIMAL["f-sources-0-url"], "f-sources-0-accessed": tomorrow})
    page.locator("#kb-create").click()
    assert (
        said("source-home-page", value=home) not in page.locator("#kb-error-summary").inner_text()
    )
    assert_reported(
        page, "f-sources-0-accessed", said("date-in-future", value=tomorrow, today=today)
    )

    fill(page, {"f-sources-0-accessed": "2024-09-01"})
    text = create(page)
    assert frontmatter(text)["sources"][0]["accessed"] == "2024-09-01"
    done = validate(project, "granskad-kalla.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_personal_contact_needs_consent(page, server, project):
    open_form(page, server)
    fill(page, MINIMAL)
    page.locator("#f-contacts-add").click()
    email = "anna.svensson@exempelby.example.org"
    fill(page, {"f-contacts-0-organisation": "Exempelby kommun", "f-contacts-0-email": email})
    page.locator("#kb-create").click()
    assert_reported(page, "f-contacts-0-email", said("contact-personal", value=email))
    assert CONSENT_ADVICE in page.locator("#f-contacts-0-email-error").inner_text()

    fill(page, {"f-contacts-0-personal_consent": True})
    text = create(page)
    assert frontmatter(text)["contacts"][0]["personal_consent"] is True
    done = validate(project, "med-samtycke.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


def test_control_characters_are_refused_beside_the_field(page, server, project):
    """U+2028 and NEL (U+0085), which the CLI refuses (string-control), are refused here too."""
    open_form(page, server)
    fill(page, MINIMAL)
    page.locator("#f-title").fill("")
    page.locator("#f-title").press_sequentially("Nyckel\u2028skåp i hemtjänsten")
    page.locator("#f-title").blur()
    page.locator("#f-summary").fill("Kommunen köpte\u0085nyckelskåp " + "x" * 60)
    page.locator("#f-summary").blur()
    page.locator("#kb-create").click()
    assert page.locator("#f-title").input_value() == "Nyckel\u2028skåp i hemtjänsten"
    assert_reported(page, "f-title", said("string-control", char="U+2028", position=7))
    assert_reported(page, "f-summary", said("string-control", char="U+0085", position=15))

    # Without the characters the same text gives a file.
    fill(page, {"f-title": "Nyckelskåp i hemtjänsten", "f-summary": MINIMAL["f-summary"]})
    text = create(page)
    done = validate(project, "utan-styrtecken.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


def test_hostile_body_lines_are_scanned_in_linear_time(page, server):
    """Lines that made the old backtracking patterns run for minutes are checked at once."""
    open_form(page, server)
    fill(
        page,
        {
            **MINIMAL,
            "f-body-Behov": "`" * 20_000,
            "f-body-Genomforande": "[x](" * 8_000,
        },
    )
    page.locator("#kb-create").click()
    assert_reported(page, "f-body-Genomforande", said("link-complex"))
    assert page.locator("#f-body-Behov-error").count() == 0
    # The engine's scanner says the same of the same lines.
    assert scan("[x](" * 8_000, 1).complex_lines == [1]
    assert scan("`" * 20_000, 1).complex_lines == []


def test_an_organisation_id_has_the_registrys_form(page, server, project):
    open_form(page, server)
    fill(page, {**MINIMAL, "f-organisations-0-id": "Ystads Kommun"})
    page.locator("#kb-create").click()
    assert_reported(page, "f-organisations-0-id", said("org-id-format", value="Ystads Kommun"))
    assert (
        CATALOGUE["org-id-format"].hint in page.locator("#f-organisations-0-id-error").inner_text()
    )
    fill(page, {"f-organisations-0-name": "Ystads kommun", "f-organisations-0-id": "ystads-kommun"})
    text = create(page)
    assert frontmatter(text)["organisations"][0]["id"] == "ystads-kommun"
    done = validate(project, "med-registrets-id.md", text, page)
    assert done.returncode == 0, done.stdout + done.stderr


PARITY_ALPHABET = "`[]()!<>\"' \\\t#xa:/\u2028\x85\x1c"


def test_the_forms_body_scanners_match_the_engines(page, server):
    """bidra.js's scanners give what content/body.py gives, line for line."""
    rng = random.Random(15)
    lines = [
        "".join(rng.choice(PARITY_ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(3000)
    ]
    lines += ["[a](b)", '![i](<x y> "t")', "`a``b`", "## Rubrik ##", "#x", "  # t #  "]
    lines += ["[a](b(c)d)", "[a](b (t)) [c](d)", "[x](" * 800, "`" * 5000, "# \x85t\x1c"]
    open_form(page, server)
    got = page.evaluate(
        """async (lines) => {
          const m = await import(new URL("../assets/bidra.js", location.href).href);
          return lines.map((l) => [m.blankCodeSpans(l), m.atx(l), m.inlineLinks(l)]);
        }""",
        lines,
    )
    for line, (blanked, heading, (links, complete)) in zip(lines, got, strict=True):
        h = body._atx(line)
        found, ok = body._inline_links(line)
        assert blanked == body._blank_code_spans(line), repr(line)
        assert heading == ([h.level, h.text] if h else None), repr(line)
        assert [tuple(x) for x in links] == found and complete == ok, repr(line)
