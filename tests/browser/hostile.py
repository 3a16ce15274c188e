"""A hostile-but-valid project: contributed strings that look like markup.

Every string below passes the validator; the site must show each one as text.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '"><svg onload=window.__pwned=1>'
PAYLOADS = (SCRIPT, IMG, SVG)

# Slug -> the payload its strings carry. One case per payload, so that a case
# page that fails shows which kind of markup got through.
HOSTILE_CASES = {
    "fientlig-script": SCRIPT,
    "fientlig-img": IMG,
    "fientlig-svg": SVG,
}


def _q(text: str) -> str:
    """A YAML scalar for ``text`` (JSON is valid YAML and escapes quotes)."""
    return json.dumps(text, ensure_ascii=False)


def hostile_case(payload: str, n: int) -> str:
    """The Markdown file of one valid case whose frontmatter strings hold ``payload``."""
    return f"""---
title: {_q(f"Fall {n} {payload}")}
summary: {_q(f"En sammanfattning som innehåller {payload} och ska visas som vanlig text på sidan.")}
case_type: upphandling
status: avslutad
period:
  start: "2023-02"
  end: "2024-06"
organisations:
  - name: {_q(f"Kommun {payload}")}
    org_type: kommun
    role: upphandlande
  - name: {_q(f"Företag {payload}")}
    org_type: foretag
    role: leverantor
lan:
  - skane
themes:
  - behov
lessons:
  - text: {_q(f"En lärdom med {payload} i texten, som ska visas som text.")}
    themes: [behov]
sources:
  - title: {_q(f"Rapport {payload}")}
    url: "https://example.org/rapport"
    publisher: {_q(f"Utgivare {payload}")}
    year: 2024
funding:
  - funder: {_q(f"Finansiär {payload}")}
    programme: {_q(f"Program {payload}")}
evidence: sjalvrapporterad
published: 2026-01-15
last_reviewed: 2026-03-01
contacts:
  - organisation: {_q(f"Kontakt {payload}")}
    role: {_q(f"Roll {payload}")}
    email: upphandling@example.org
language: sv
---

## Behov

Kommunen behövde en ny lösning. En <abbr>RFI</abbr> skickades ut först.

## Genomförande

Läs mer på [x](https://example.org).

## Resultat

Det gick bra.
"""


BAD_CASE = """---
title: "Ett fall med skript i texten"
summary: "Ett fall vars text innehåller ett skriptelement, vilket kontrollen ska stoppa innan bygget."
case_type: upphandling
status: avslutad
period:
  start: "2023-02"
  end: "2024-06"
organisations:
  - name: Exempelby kommun
    org_type: kommun
    role: upphandlande
lan: [skane]
themes: [behov]
lessons:
  - text: "En lärdom som är tillräckligt lång för att godkännas."
sources:
  - title: "En källa"
evidence: sjalvrapporterad
published: 2026-01-15
last_reviewed: 2026-03-01
---

## Behov

<script>window.__pwned=1</script>

## Genomförande

Text.

## Resultat

Text.
"""


def make_project(root: Path) -> Path:
    """Copy the repository's site sources to ``root`` and add the hostile cases."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "schemas", "docs", "cases", "data"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for n, (slug, payload) in enumerate(HOSTILE_CASES.items(), start=1):
        (root / "cases" / f"{slug}.md").write_text(hostile_case(payload, n), encoding="utf-8")
    return root
