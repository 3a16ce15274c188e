"""Formatting shared by every page: escaping, Swedish dates and amounts."""

from __future__ import annotations

import html
from typing import Any

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def month_label(value: str) -> str:
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def date_label(value: str) -> str:
    year, month, day = value.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def sek(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"
