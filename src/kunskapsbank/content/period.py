"""When a case ran: months, years alone, unknown and approximate dates, never a guess.

A period point in the frontmatter is ``"ÅÅÅÅ-MM"``, ``"ÅÅÅÅ"`` (only the year is
known) or ``okand`` (not known); ``start_approximate`` and ``end_approximate``
mark a point as approximate. Everything that shows or sorts a period reads it
through this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

UNKNOWN = "okand"


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a period. ``year`` is None when it is not known."""

    raw: str
    year: int | None
    month: int | None
    approximate: bool = False

    @property
    def known(self) -> bool:
        return self.year is not None

    def sort_key(self) -> str:
        """``2018-05``, ``2018`` (sorts before that year's months) or empty when unknown."""
        return self.raw if self.known else ""

    def comparable(self, other: Point) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """Both points at the precision they share, or None when either is unknown."""
        if self.year is None or other.year is None:
            return None
        if self.month is None or other.month is None:
            return (self.year, 0), (other.year, 0)
        return (self.year, self.month), (other.year, other.month)


def parse_point(value: Any, approximate: Any = False) -> Point | None:
    """The point ``value`` stands for, or None when it is not a valid period point."""
    if not isinstance(value, str):
        return None
    approx = approximate is True
    if value == UNKNOWN:
        return Point(value, None, None, approx)
    if len(value) == 4 and value.isascii() and value.isdigit():
        return Point(value, int(value), None, approx)
    if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        month = int(value[5:])
        if value.isascii() and 1 <= month <= 12:
            return Point(value, int(value[:4]), month, approx)
    return None


@dataclass(frozen=True, slots=True)
class Period:
    start: Point
    end: Point | None  # None: no end given (the work goes on, or is planned)

    @property
    def start_year(self) -> str | None:
        return str(self.start.year) if self.start.year is not None else None


def period_of(data: dict[str, Any]) -> Period:
    """The period of a valid case's frontmatter."""
    raw = data["period"]
    start = parse_point(raw["start"], raw.get("start_approximate"))
    assert start is not None
    end = parse_point(raw["end"], raw.get("end_approximate")) if "end" in raw else None
    return Period(start, end)
