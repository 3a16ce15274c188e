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


def point_html(point: Point) -> str:
    """A point as HTML: a <time> element when it is known."""
    if point.year is None:
        return esc(UNKNOWN_LABEL)
    return f'<time datetime="{esc(point.raw)}">{esc(point_label(point))}</time>'


def period_label(period: Period) -> str:
    """The period as text, for cards and lists."""
    if period.end is None:
        return point_label(period.start)
    return f"{point_label(period.start)} – {point_label(period.end)}"


def period_html(period: Period) -> str:
    """The period as HTML for the fact box."""
    if period.end is None:
        if not period.start.known:
            return esc(UNKNOWN_LABEL)
        return point_html(period.start) + " – (inget slut angivet)"
    return f"{point_html(period.start)} – {point_html(period.end)}"
