"""Printers for problems: text for people, GitHub annotations, and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from kunskapsbank.errors.catalogue import CATALOGUE, Problem
from kunskapsbank.errors.safetext import printable


def count_files(problems: list[Problem]) -> int:
    return len({p.file for p in problems})


def summary_line(problems: list[Problem], checked: int) -> str:
    if not problems:
        noun = "fil" if checked == 1 else "filer"
        return f"Inga problem hittades. {checked} {noun} kontrollerades."
    files = count_files(problems)
    problems_word = "problem"
    files_word = "fil" if files == 1 else "filer"
    checked_word = "fil" if checked == 1 else "filer"
    return (
        f"{len(problems)} {problems_word} i {files} {files_word} "
        f"({checked} {checked_word} kontrollerades). Rätta dem och kör kontrollen igen."
    )


def format_text(problems: list[Problem], checked: int) -> str:
    lines = []
    for p in problems:
        where = f" [{printable(p.field)}]" if p.field else ""
        lines.append(f"{printable(p.file)}:{p.line}:{p.column}: {printable(p.message)}{where}")
        if p.hint:
            lines.append(f"    Tips: {printable(p.hint)}")
    lines.append(summary_line(problems, checked))
    return "\n".join(lines)


def _gh_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    text = printable(text)  # any other control character as a visible escape
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem], checked: int) -> str:
    lines = []
    for p in problems:
        title = CATALOGUE[p.code].title
        body = p.message + (f" Tips: {p.hint}" if p.hint else "")
        lines.append(
            f"::error file={_gh_escape(p.file, prop=True)},line={p.line},col={p.column},"
            f"title={_gh_escape(title, prop=True)}::{_gh_escape(body)}"
        )
    lines.append(summary_line(problems, checked))
    return "\n".join(lines)


def format_json(problems: list[Problem], checked: int) -> str:
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
