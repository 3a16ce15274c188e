"""Problems and configuration errors are data: one catalogue of codes with Swedish texts.

Content checks create ``Problem`` objects through :func:`problem`; anything wrong
with the settings, schemas or the command line raises :class:`ConfigError` with a
code. The texts live in ``content_errors.py`` and ``config_errors.py``; printers
are in ``printers.py``. The contributor guide's list of errors is generated from
this catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kunskapsbank.errors.config_errors import CONFIG_ERRORS
from kunskapsbank.errors.content_errors import PROBLEMS
from kunskapsbank.errors.data_codes import DATA_FILE_ENTRIES
from kunskapsbank.errors.entry import Entry
from kunskapsbank.errors.organisation_codes import ORGANISATION_PROBLEMS

CATALOGUE: dict[str, Entry] = {
    **PROBLEMS,
    **ORGANISATION_PROBLEMS,
    **{code: Entry(*entry) for code, entry in DATA_FILE_ENTRIES.items()},
    **CONFIG_ERRORS,
}


def _texts(code: str, params: dict[str, Any], variant: str | None) -> tuple[str, str | None]:
    entry = CATALOGUE[code]
    message = entry.message.format(**params)
    template = entry.variants[variant] if variant else entry.hint
    hint = template.format(**params).strip() if template else None
    return message, hint or None


class ConfigError(Exception):
    """A broken setting, schema or vocabulary file, or a misused command (exit 2)."""

    def __init__(self, code: str, *, hint: str | None = None, **params: Any):
        self.code = code
        self.message, self.hint = _texts(code, params, hint)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message + (f" Tips: {self.hint}" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    code: str
    message: str
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.field, self.code)


def problem(
    code: str,
    file: str,
    line: int = 1,
    column: int = 1,
    field: str = "",
    *,
    hint: str | None = None,
    **params: Any,
) -> Problem:
    """A problem from the catalogue entry ``code``; ``hint`` names a hint variant."""
    message, hint_text = _texts(code, params, hint)
    return Problem(file, max(line, 1), max(column, 1), field, code, message, hint_text)
