"""Formatting shared by every page: escaping, Swedish dates and amounts."""

from __future__ import annotations

import html
from typing import Any

from kunskapsbank.content.period import Period, Point

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


def date_label(value: str) -> str:
    year, month, day = value.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def sek(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


UNKNOWN_LABEL = "uppgift saknas"


def point_label(point: Point) -> str:
    """``maj 2018``, ``2018``, ``cirka 2018`` or ``uppgift saknas``: never a guessed month."""
    if point.year is None:
        return UNKNOWN_LABEL
    text = MONTHS[point.month - 1] + f" {point.year}" if point.month else str(point.year)
    return ("cirka " + text) if point.approximate else text


def period_label(period: Period) -> str:
    """The period as text, for cards and lists."""
    if period.end is None:
        return point_label(period.start)
    return f"{point_label(period.start)} – {point_label(period.end)}"


def period_parts(period: Period) -> tuple[str | None, str, str | None, str | None]:
    """The period for the fact box (``case.html`` writes it): the start's ISO value (None
    when unknown) and label, and the end's, with no end label when no end is given."""
    start, end = period.start, period.end
    return (
        start.raw if start.known else None,
        point_label(start),
        end.raw if end is not None and end.known else None,
        point_label(end) if end is not None else None,
    )
