"""One test per acceptance item: a valid case with one thing changed.

Each item writes a file into a copy of the fixture project, validates the
project through the API and compares the problems reported for that file with
the expected ``(code, line, field)`` triples. Expected lines are computed from
the text that was written, not hard-coded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kunskapsbank.config import open_layout
from kunskapsbank.content.loader import read_document
from kunskapsbank.content.validate import validate_project
from kunskapsbank.errors.catalogue import Problem

CASE_NAME = "testfall.md"

VALID_CASE = """\
---
title: "Testfall från Exempelby kommun"
summary: "Ett påhittat fall som testerna ändrar på, en sak i taget, för att pröva kontrollen."
case_type: upphandling
status: pagaende
period:
  start: "2024-01"
organisations:
  - name: Exempelby kommun
    org_type: kommun
    role: upphandlande
lan:
  - skane
themes:
  - behov
lessons:
  - text: "En lärdom som är tillräckligt lång för att räknas."
sources:
  - title: "Påhittad källa"
    url: "https://exempelby.example/kalla"
evidence: sjalvrapporterad
published: 2026-01-15
last_reviewed: 2026-03-01
contacts:
  - organisation: Exempelby kommun
    email: upphandling@exempelby.example
related_cases:
  - exempelby-digitala-larm
related_guidance:
  - vagledning/mandat
---

## Behov

Kommunen behövde något nytt.

## Genomförande

Kommunen gjorde så här, med en bild:

![Golv](assets/golv.png)

## Resultat

Det gick bra.
"""


# --- helpers -----------------------------------------------------------------


def replace(text: str, old: str, new: str) -> str:
    """Replace ``old`` (which must occur exactly once) with ``new``."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based number of the ``nth`` line that contains ``needle``."""
    hits = [i for i, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not found {nth} time(s)"
    return hits[nth - 1]


def column_of(text: str, needle: str) -> int:
    """1-based column of ``needle`` on the first line that contains it."""
    line = text.split("\n")[line_of(text, needle) - 1]
    return line.index(needle) + 1


def last_line(text: str) -> int:
    return len(text.splitlines())


def body_append(text: str, extra: str) -> str:
    """Add a paragraph at the end of the Behov section."""
    return replace(
        text, "Kommunen behövde något nytt.\n", f"Kommunen behövde något nytt.\n\n{extra}\n"
    )


def validate(root: Path) -> list[Problem]:
    return validate_project(open_layout(root)).problems


@dataclass
class Expect:
    code: str
    line: int
    field: str = ""  # a trailing '*' matches any field that starts with the rest
    column: int | None = None  # None: not checked
    hint: str | None = None  # a text the hint must contain


@dataclass
class Item:
    """What to write and what must be reported for it.

    ``exact``: the problems for the file are exactly ``expect``; otherwise they
    must include ``expect``.
    """

    text: str | bytes
    expect: list[Expect]
    name: str = CASE_NAME
    exact: bool = True
    env: dict[str, str] = field(default_factory=dict)


Builder = Callable[[Path], Item]
ITEMS: dict[str, Builder] = {}


def item(name: str) -> Callable[[Builder], Builder]:
    def register(fn: Builder) -> Builder:
        ITEMS[name] = fn
        return fn

    return register


# --- frontmatter: keys and values ---------------------------------------------


@item("unknown-key-misspelt-title")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, 'title: "Testfall', 'titel: "Testfall')
    return Item(
        text,
        [
            Expect("unknown-key", line_of(text, "titel:"), "titel", 1, hint="'title'"),
            # The real key is now missing as well.
            Expect("required", 2, "title", 1),
        ],
    )


@item("vocabulary-org-type")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "org_type: kommun", "org_type: kommunn")
    return Item(
        text,
        [
            Expect(
                "vocabulary",
                line_of(text, "org_type: kommunn"),
                "organisations[0].org_type",
                column_of(text, "kommunn"),
                hint="'kommun'",
            )
        ],
    )


@item("vocabulary-swedish-label")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "lan:\n  - skane\n", "lan: [Skåne]\n")
    return Item(
        text,
        [
            Expect(
                "vocabulary",
                line_of(text, "lan: [Skåne]"),
                "lan[0]",
                column_of(text, "Skåne"),
                hint="'skane'",
            )
        ],
    )


@item("yaml-duplicate-key")
def _(root: Path) -> Item:
    text = replace(
        VALID_CASE, "evidence: sjalvrapporterad\n", "evidence: sjalvrapporterad\nstatus: pagaende\n"
    )
    return Item(text, [Expect("yaml-duplicate-key", line_of(text, "status:", nth=2), "status", 1)])


@item("yaml-syntax")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "case_type: upphandling", "case_type: upp: handling")
    return Item(text, [Expect("yaml-syntax", line_of(text, "case_type:"))])


@item("frontmatter-missing")
def _(root: Path) -> Item:
    text = VALID_CASE[VALID_CASE.index("## Behov") :]
    return Item(text, [Expect("frontmatter-missing", 1, "", 1)])


@item("frontmatter-unclosed")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "  - vagledning/mandat\n---\n", "  - vagledning/mandat\n")
    return Item(text, [Expect("frontmatter-unclosed", 1, "", 1)])


@item("period-order")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, '  start: "2024-01"\n', '  start: "2024-01"\n  end: "2023-12"\n')
    return Item(
        text,
        [Expect("period-order", line_of(text, "end:"), "period.end", column_of(text, '"2023-12"'))],
    )


@item("period-order-year-only")
def _(root: Path) -> Item:
    # A year alone is compared at the year: 2023 ends before a start in 2024.
    text = replace(VALID_CASE, '  start: "2024-01"\n', '  start: "2024-01"\n  end: "2023"\n')
    return Item(text, [Expect("period-order", line_of(text, "end:"), "period.end")])


@item("period-format-month-13")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, 'start: "2024-01"', 'start: "2024-13"')
    return Item(
        text,
        [Expect("period-format", line_of(text, "start:"), "period.start", hint="okand")],
    )


@item("period-format-trailing-newline")
def _(root: Path) -> Item:
    # Python's '$' matches before a final newline; the schema's exact lengths refuse it.
    text = replace(VALID_CASE, 'start: "2024-01"', 'start: "2024\\n"')
    return Item(text, [Expect("period-format", line_of(text, "start:"), "period.start")])


@item("period-approximate-unknown")
def _(root: Path) -> Item:
    text = replace(
        VALID_CASE, '  start: "2024-01"\n', "  start: okand\n  start_approximate: true\n"
    )
    return Item(
        text,
        [
            Expect(
                "period-approximate-unknown",
                line_of(text, "start_approximate:"),
                "period.start_approximate",
            )
        ],
    )


@item("source-home-page")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "https://exempelby.example/kalla", "https://exempelby.example/")
    return Item(
        text,
        [
            Expect(
                "source-home-page",
                line_of(text, "url:"),
                "sources[0].url",
                column_of(text, '"https://exempelby.example/"'),
            )
        ],
    )


@item("source-accessed-missing")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "evidence: sjalvrapporterad", "evidence: redaktionellt-granskad")
    return Item(
        text, [Expect("source-accessed-missing", line_of(text, "- title:"), "sources[0].accessed")]
    )


@item("source-accessed-in-future")
def _(root: Path) -> Item:
    text = replace(
        VALID_CASE,
        '    url: "https://exempelby.example/kalla"\n',
        '    url: "https://exempelby.example/kalla"\n    accessed: 2026-12-24\n',
    )
    return Item(text, [Expect("date-in-future", line_of(text, "accessed:"), "sources[0].accessed")])


@item("period-end-required")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "status: pagaende", "status: avslutad")
    # A missing key is reported at the mapping that should hold it: 'period'.
    return Item(text, [Expect("period-end-required", line_of(text, "start:"), "period.end")])


@item("date-in-future")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "last_reviewed: 2026-03-01", "last_reviewed: 2026-11-30")
    return Item(
        text,
        [Expect("date-in-future", line_of(text, "last_reviewed:"), "last_reviewed", 16)],
    )


@item("review-before-published")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "last_reviewed: 2026-03-01", "last_reviewed: 2026-01-01")
    return Item(
        text,
        [Expect("review-before-published", line_of(text, "last_reviewed:"), "last_reviewed", 16)],
    )


@item("type-string-for-list")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "lan:\n  - skane\n", "lan: skane\n")
    return Item(
        text,
        [
            Expect(
                "type", line_of(text, "lan: skane"), "lan", column_of(text, "skane"), hint="[skane]"
            )
        ],
    )


@item("owner-organisation")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "role: upphandlande", "role: partner")
    return Item(text, [Expect("owner-organisation", line_of(text, "- name:"), "organisations")])


@item("email")
def _(root: Path) -> Item:
    text = replace(
        VALID_CASE, "email: upphandling@exempelby.example", "email: upphandling(at)exempelby"
    )
    return Item(text, [Expect("email", line_of(text, "email:"), "contacts[0].email")])


@item("url-https")
def _(root: Path) -> Item:
    text = replace(
        VALID_CASE, '"https://exempelby.example/kalla"', '"http://exempelby.example/kalla"'
    )
    return Item(text, [Expect("url-https", line_of(text, "url:"), "sources[0].url")])


@item("too-long-title")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, '"Testfall från Exempelby kommun"', '"' + "T" * 121 + '"')
    return Item(text, [Expect("too-long", 2, "title", 8)])


@item("too-short-summary")
def _(root: Path) -> Item:
    start = VALID_CASE.index('summary: "') + len("summary: ")
    end = VALID_CASE.index("\n", start)
    text = VALID_CASE[:start] + '"Kort."' + VALID_CASE[end:]
    return Item(text, [Expect("too-short", line_of(text, "summary:"), "summary", 10)])


@item("required-missing-key")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "evidence: sjalvrapporterad\n", "")
    return Item(text, [Expect("required", 2, "evidence", 1)])


# --- named checks: references -------------------------------------------------


@item("reference-missing-case")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "  - exempelby-digitala-larm\n", "  - finns-inte-alls\n")
    return Item(
        text,
        [Expect("reference-missing", line_of(text, "finns-inte-alls"), "related_cases[0]", 5)],
    )


@item("reference-self")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "  - exempelby-digitala-larm\n", "  - testfall\n")
    return Item(
        text, [Expect("reference-self", line_of(text, "  - testfall"), "related_cases[0]", 5)]
    )


@item("reference-missing-guidance")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "  - vagledning/mandat\n", "  - vagledning/saknas\n")
    return Item(
        text,
        [
            Expect(
                "reference-missing",
                line_of(text, "vagledning/saknas"),
                "related_guidance[0]",
                5,
            )
        ],
    )


# --- YAML safety --------------------------------------------------------------


@item("yaml-anchor")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, 'title: "Testfall', 'title: &rubrik "Testfall')
    return Item(text, [Expect("yaml-anchor", 2, "title", column_of(text, "&rubrik"))])


@item("yaml-alias")
def _(root: Path) -> Item:
    text = replace(
        VALID_CASE,
        'lessons:\n  - text: "En lärdom som är tillräckligt lång för att räknas."\n',
        'lessons:\n  - text: "En lärdom som är tillräckligt lång för att räknas."\n'
        "    themes: *teman\n",
    )
    # The alias is never expanded, so its value is empty and may cause more problems.
    return Item(
        text,
        [
            Expect(
                "yaml-alias",
                line_of(text, "*teman"),
                "lessons[0].themes",
                column_of(text, "*teman"),
            )
        ],
        exact=False,
    )


@item("yaml-anchor-and-alias")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "themes:\n  - behov\n", "themes: &teman\n  - behov\n")
    text = replace(
        text,
        'lessons:\n  - text: "En lärdom som är tillräckligt lång för att räknas."\n',
        'lessons:\n  - text: "En lärdom som är tillräckligt lång för att räknas."\n'
        "    themes: *teman\n",
    )
    return Item(
        text,
        [
            Expect("yaml-anchor", line_of(text, "&teman"), "themes", column_of(text, "&teman")),
            Expect(
                "yaml-alias",
                line_of(text, "*teman"),
                "lessons[0].themes",
                column_of(text, "*teman"),
            ),
        ],
        exact=False,
    )


@item("yaml-tag-python-object")
def _(root: Path) -> Item:
    marker = root.parent / "pwned"
    text = replace(
        VALID_CASE,
        'title: "Testfall från Exempelby kommun"',
        f'title: !!python/object/apply:os.system ["touch {marker}"]',
    )
    # The value is a list, not a title, so a type problem may come too.
    return Item(
        text,
        [Expect("yaml-tag", 2, "title", column_of(text, "!!python"))],
        exact=False,
    )


@item("yaml-tag-custom")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, 'title: "Testfall', 'title: !rubrik "Testfall')
    return Item(text, [Expect("yaml-tag", 2, "title", column_of(text, "!rubrik"))])


@item("yaml-too-deep")
def _(root: Path) -> Item:
    depth = 40
    text = replace(
        VALID_CASE,
        "evidence: sjalvrapporterad\n",
        "evidence: sjalvrapporterad\nsectors: " + "[" * depth + "]" * depth + "\n",
    )
    return Item(text, [Expect("yaml-too-deep", line_of(text, "sectors:"), "sectors*")])


# --- file level ---------------------------------------------------------------


@item("file-name-space-and-capitals")
def _(root: Path) -> Item:
    return Item(VALID_CASE, [Expect("file-name", 1, "", 1, hint="bad-name")], name="Bad Name.md")


@item("file-name-swedish-letters")
def _(root: Path) -> Item:
    return Item(VALID_CASE, [Expect("file-name", 1, "", 1, hint="aao-fall")], name="ÅÄÖ-fall.md")


@item("file-name-too-short")
def _(root: Path) -> Item:
    return Item(VALID_CASE, [Expect("file-name", 1, "", 1)], name="ab.md")


@item("file-encoding-latin-1")
def _(root: Path) -> Item:
    return Item(VALID_CASE.encode("latin-1"), [Expect("file-encoding", 1, "", 1)])


@item("file-empty")
def _(root: Path) -> Item:
    return Item("", [Expect("file-empty", 1, "", 1)])


@item("file-too-large")
def _(root: Path) -> Item:
    text = body_append(VALID_CASE, "Utfyllnad. " * 400)
    data = text.encode("utf-8")[:3000]
    assert len(data) == 3000
    return Item(
        data,
        [Expect("file-too-large", 1, "", 1)],
        env={"KUNSKAPSBANK_MAX_FILE_BYTES": "2000"},
    )


@item("bom-and-crlf-is-valid")
def _(root: Path) -> Item:
    return Item(b"\xef\xbb\xbf" + VALID_CASE.replace("\n", "\r\n").encode("utf-8"), [])


@item("valid-case-is-valid")
def _(root: Path) -> Item:
    return Item(VALID_CASE, [])


# --- body ---------------------------------------------------------------------


@item("body-section-missing")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "## Resultat\n\nDet gick bra.\n", "")
    return Item(text, [Expect("body-section-missing", last_line(text), "", 1)])


@item("body-section-order")
def _(root: Path) -> Item:
    behov, rest = VALID_CASE.split("## Genomförande\n")
    genomforande, resultat = rest.split("## Resultat\n")
    text = behov + "## Resultat\n" + resultat + "\n## Genomförande\n" + genomforande
    assert text.index("## Resultat") < text.index("## Genomförande")
    return Item(text, [Expect("body-section-order", line_of(text, "## Resultat"), "", 1)])


@item("body-h1-atx")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "---\n\n## Behov", "---\n\n# Titel\n\n## Behov")
    return Item(text, [Expect("body-h1", line_of(text, "# Titel"), "", 1)])


@item("body-h1-setext")
def _(root: Path) -> Item:
    text = replace(VALID_CASE, "---\n\n## Behov", "---\n\nTitel\n=====\n\n## Behov")
    return Item(text, [Expect("body-h1", line_of(text, "Titel"), "", 1)])


def _body_item(snippet: str, code: str | None, needle: str) -> Builder:
    def build(root: Path) -> Item:
        text = body_append(VALID_CASE, snippet)
        if code is None:
            return Item(text, [])
        return Item(text, [Expect(code, line_of(text, needle), "", column_of(text, needle))])

    return build


BODY_ITEMS = {
    "html-script": ("Före <script>alert(1)</script> efter.", "html-not-allowed", "<script>"),
    "html-iframe": (
        'Se <iframe src="https://exempelby.example/"></iframe> här.',
        "html-not-allowed",
        "<iframe",
    ),
    "html-img-onerror": ("Bild: <img src=x onerror=alert(1)>", "html-not-allowed", "<img"),
    "html-attribute-abbr": ("En <abbr title=x>RFI</abbr> skickades.", "html-attribute", "<abbr"),
    "html-allowed-tags": (
        "En <abbr>RFI</abbr>, H<sub>2</sub>O, m<sup>2</sup>, <kbd>Ctrl</kbd><br>ny rad<br />",
        None,
        "",
    ),
    "html-in-code-is-text": (
        "Skriv `<iframe>` eller\n\n```html\n<script>alert(1)</script>\n```",
        None,
        "",
    ),
    "link-javascript": ("[Klicka](javascript:alert(1))", "link-scheme", "javascript:"),
    "link-javascript-mixed-case": ("[Klicka](JaVaScRiPt:alert(1))", "link-scheme", "JaVaScRiPt:"),
    "link-javascript-entity": ("[Klicka](jav&#x61;script:alert(1))", "link-scheme", "jav&#x61;"),
    "link-vbscript": ('[Klicka](vbscript:msgbox("x"))', "link-scheme", "vbscript:"),
    "image-data-url": ("![Bild](data:image/png;base64,iVBORw0KGgo=)", "image-scheme", "data:"),
    "image-other-host": (
        "![Bild](https://example.org/bild.png)",
        "image-scheme",
        "https://example.org/bild",
    ),
    "image-missing": ("![Bild](assets/saknas.png)", "link-missing", "assets/saknas.png"),
    "link-outside-project": ("[Lösenord](../../etc/passwd)", "link-outside", "../../etc/passwd"),
}
for _name, (_snippet, _code, _needle) in BODY_ITEMS.items():
    ITEMS[_name] = _body_item(_snippet, _code, _needle)


# --- the test -----------------------------------------------------------------


def _matches(problem: Problem, expect: Expect) -> bool:
    if (problem.code, problem.line) != (expect.code, expect.line):
        return False
    if expect.field.endswith("*"):
        if not problem.field.startswith(expect.field[:-1]):
            return False
    elif problem.field != expect.field:
        return False
    return expect.column is None or problem.column == expect.column


def _show(problems: list[Problem]) -> str:
    return "\n".join(f"  {p.code} {p.line}:{p.column} [{p.field}] {p.hint}" for p in problems)


@pytest.mark.parametrize("name", list(ITEMS))
def test_problem(name: str, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = ITEMS[name](project)
    for key, value in built.env.items():
        monkeypatch.setenv(key, value)
    path = project / "cases" / built.name
    if isinstance(built.text, bytes):
        path.write_bytes(built.text)
    else:
        path.write_text(built.text, encoding="utf-8")

    problems = [p for p in validate(project) if p.file == f"cases/{built.name}"]

    report = _show(problems)
    for expect in built.expect:
        found = [p for p in problems if _matches(p, expect)]
        assert found, f"expected {expect} among:\n{report}"
        if expect.hint is not None:
            assert any(expect.hint in (p.hint or "") for p in found), report
    if built.exact:
        assert len(problems) == len(built.expect), f"unexpected problems:\n{report}"
    for p in problems:
        assert p.line >= 1 and p.column >= 1
        assert p.message
    # Nothing a file says is executed (see the !!python/object/apply item).
    assert not (project.parent / "pwned").exists()


# --- items that need more than one file -----------------------------------------


def test_tag_never_runs_code(project: Path) -> None:
    marker = project.parent / "pwned"
    text = replace(
        VALID_CASE,
        'title: "Testfall från Exempelby kommun"',
        f'title: !!python/object/apply:os.system ["touch {marker}"]',
    )
    text = replace(
        text,
        "evidence: sjalvrapporterad\n",
        f"evidence: !!python/object/apply:subprocess.call [[touch, {marker}]]\n",
    )
    (project / "cases" / CASE_NAME).write_text(text, encoding="utf-8")
    problems = [p for p in validate(project) if p.code == "yaml-tag"]
    assert [p.line for p in problems] == [2, line_of(text, "evidence:")]
    assert all("python/object/apply" in p.message for p in problems)
    assert not marker.exists()


def test_symlink_pointing_outside_the_project(project: Path) -> None:
    outside = project.parent / "utanfor.md"
    outside.write_text(VALID_CASE, encoding="utf-8")
    link = project / "cases" / "lankat-fall.md"
    link.symlink_to(outside)
    problems = [p for p in validate(project) if p.file == "cases/lankat-fall.md"]
    assert [(p.code, p.line, p.column, p.field) for p in problems] == [("file-symlink", 1, 1, "")]


def test_alias_bomb_is_never_expanded(project: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\n\n## Behov\n\n## Genomförande\n\n## Resultat\n"
    (project / "cases" / "bomb.md").write_text(text, encoding="utf-8")
    problems = [p for p in validate(project) if p.file == "cases/bomb.md"]
    doc = read_document(project / "cases" / "bomb.md", "cases/bomb.md")
    # Each alias stays a single empty value: 9 items, not 9**11.
    assert doc.data is not None and doc.data["a11"] == [None] * 9
    aliases = [p for p in problems if p.code == "yaml-alias"]
    assert len(aliases) == 11 * 9
    assert {p.line for p in aliases} == set(range(3, 14))


@pytest.mark.parametrize(
    "period",
    [
        "  start: okand\n",
        '  start: "2018"\n  start_approximate: true\n',
        '  start: "2016-09"\n  end: "2019"\n  end_approximate: true\n',
        '  start: "2019"\n  end: "2019-03"\n',
        '  start: "2018-05"\n  end: okand\n',
    ],
)
def test_unknown_and_approximate_periods_are_valid(project: Path, period: str) -> None:
    text = replace(VALID_CASE, '  start: "2024-01"\n', period)
    text = replace(text, "status: pagaende", "status: okand")
    (project / "cases" / CASE_NAME).write_text(text, encoding="utf-8")
    assert [p for p in validate(project) if p.file.endswith(CASE_NAME)] == []


def test_a_checked_case_with_read_dates_is_valid(project: Path) -> None:
    text = replace(VALID_CASE, "evidence: sjalvrapporterad", "evidence: redaktionellt-granskad")
    text = replace(
        text,
        '    url: "https://exempelby.example/kalla"\n',
        '    url: "https://exempelby.example/kalla"\n    accessed: 2026-03-01\n',
    )
    (project / "cases" / CASE_NAME).write_text(text, encoding="utf-8")
    assert [p for p in validate(project) if p.file.endswith(CASE_NAME)] == []
