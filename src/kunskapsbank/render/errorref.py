"""The public list of error codes on the contributor page, generated from the catalogue."""

from __future__ import annotations

import re

from kunskapsbank.errors.catalogue import CATALOGUE
from kunskapsbank.errors.config_errors import CONFIG_ERRORS
from kunskapsbank.errors.entry import Entry
from kunskapsbank.render.templating import render

_PARAM = re.compile(r"\{[^{}]*\}")


def _plain(template: str) -> str:
    """A message template as a reader sees it: parameters as an ellipsis."""
    return _PARAM.sub("…", template).replace("{{", "{").replace("}}", "}")


def _rows(entries: dict[str, Entry]) -> list[dict[str, object]]:
    return [
        {
            "code": code,
            "title": entry.title,
            "message": _plain(entry.message),
            "hints": [_plain(h) for h in entry.hints()],
        }
        for code, entry in sorted(entries.items())
    ]


def error_reference_html() -> str:
    """Every problem a check reports and every configuration error, with title and hint."""
    problems = {code: e for code, e in CATALOGUE.items() if code not in CONFIG_ERRORS}
    return render("errors.html", problems=_rows(problems), config=_rows(CONFIG_ERRORS))
