"""Synthetic, clearly fictional cases for benchmarks and tests.

They are generated at run time into a folder the caller names (a temporary
copy of the project), never into the real ``cases/``, and never published.
"""

from __future__ import annotations

import random
from pathlib import Path

from kunskapsbank.content.schemas import SchemaSet

WORDS = (
    "behov verksamhet leverantör dialog marknad upphandling avtal pilot test lösning "
    "förskola golv skola omsorg energi transport kost digital tjänst nätverk projekt "
    "ledning mandat risk kompetens samverkan uppföljning utvärdering funktionskrav "
    "innovation kommun region invånare medarbetare arbetssätt modell resultat lärdom"
).split()


SYLLABLES = (
    "an be da el fa ge hu in ja ka la ma na o pa ra sa ta u va ber dag fin gal hem lin mor "
    "nord sko sten strand vik berg dal hav skog torp lund holm ås ö by gård fors"
).split()


# Cases come from as many fictional municipalities as Sweden has kommuner, so that the
# organisation directory grows as with real content (many cases per organisation), not
# by one single-case page per synthetic case.
MUNICIPALITIES = 290


def _vocabulary(size: int = 6000, seed: int = 7) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf-like frequencies, like the words of real text.

    Every page drawing every word from a few dozen would make each search term
    match every page, which no real collection does and which inflates the
    search index. The domain words sit at ranks spread through the list.
    """
    rng = random.Random(seed)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen and word not in WORDS:
            seen.add(word)
            words.append(word)
    for i, word in enumerate(WORDS):
        words.insert(20 + i * 60, word)
    cumulative = []
    total = 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank**1.07
        cumulative.append(total)
    return words, cumulative


VOCABULARY, CUMULATIVE = _vocabulary()

# Text kinds: "zipf" is like real text; "fa-ord" draws every word evenly from the
# 38 domain words, so every search term matches every page and the search index
# stays small (the kind of text older benchmarks, and issue 6's figures, used).
Text = tuple[list[str], list[float]]  # words and their cumulative weights
TEXTS: dict[str, Text] = {
    "zipf": (VOCABULARY, CUMULATIVE),
    "fa-ord": (list(WORDS), [float(i + 1) for i in range(len(WORDS))]),
}


def _sentence(rng: random.Random, n: int, text: Text) -> str:
    words = rng.choices(text[0], cum_weights=text[1], k=n)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int, text: Text) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16), text) for _ in range(sentences))


def case_text(
    index: int, schemas: SchemaSet, rng: random.Random, words: int = 600, text: str = "zipf"
) -> str:
    kind = TEXTS[text]
    ids = {name: v.ids for name, v in schemas.vocabularies.items()}
    lan = rng.sample(ids["lan"], rng.randint(1, 2))
    themes = rng.sample(ids["themes"], rng.randint(1, 4))
    start_year = rng.randint(2012, 2025)
    start = f"{start_year}-{rng.randint(1, 12):02d}"
    end_year = start_year + rng.randint(1, 3)
    status = rng.choice(ids["status"])
    end = (
        f'\n  end: "{end_year}-{rng.randint(1, 12):02d}"'
        if status in ("avslutad", "avbruten")
        else ""
    )
    published = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
    paragraphs = max(3, words // 60)
    body_parts = []
    for i, section in enumerate(("Behov", "Genomförande", "Resultat")):
        body_parts.append(f"## {section}\n")
        for _ in range(paragraphs // 3 + (1 if i == 0 else 0)):
            body_parts.append(_paragraph(rng, 5, kind) + "\n")
    procedures = rng.sample(ids["procedures"], rng.randint(1, 2))
    sectors = rng.sample(ids["sectors"], 1)
    return f"""---
title: "Syntetiskt fall {index}: {rng.choice(WORDS)} och {rng.choice(WORDS)}"
summary: "Ett påhittat fall för prestandamätning. {_sentence(rng, 10, kind)}"
case_type: {rng.choice(ids["case_type"])}
status: {status}
period:
  start: "{start}"{end}
organisations:
  - name: "Exempelkommun {index % MUNICIPALITIES + 1}"
    org_type: {rng.choice(ids["org_type"])}
    role: upphandlande
  - name: "Påhittat företag {index % 97}"
    org_type: foretag
    role: leverantor
lan: [{", ".join(lan)}]
themes: [{", ".join(themes)}]
sectors: [{", ".join(sectors)}]
procedures: [{", ".join(procedures)}]
lessons:
  - text: "{_sentence(rng, 12, kind)}"
    themes: [{themes[0]}]
  - text: "{_sentence(rng, 14, kind)}"
sources:
  - title: "Påhittad källa {index}"
    publisher: "Exempelkommun {index % MUNICIPALITIES + 1}"
    year: {start_year}
evidence: sjalvrapporterad
published: {published}
last_reviewed: {published}
---

{chr(10).join(body_parts)}"""


def write_cases(
    folder: Path, count: int, schemas: SchemaSet, *, seed: int = 1, text: str = "zipf"
) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        path = folder / f"syntetiskt-fall-{i:05d}.md"
        path.write_text(case_text(i, schemas, rng, text=text), encoding="utf-8")
        paths.append(path)
    return paths
