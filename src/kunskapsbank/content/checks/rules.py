"""Named checks a schema cannot express: dates, periods, owners, references, placeholders."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kunskapsbank.content.loader import Document, field_name
from kunskapsbank.content.period import parse_point
from kunskapsbank.errors.catalogue import Problem, problem
from kunskapsbank.errors.safetext import forbidden_control
from kunskapsbank.urls import is_home_page

if TYPE_CHECKING:
    from kunskapsbank.content.validate import Validator

# A value that 'kunskapsbank new-case' leaves for the contributor: "<<Skriv titel>>".
PLACEHOLDER = re.compile(r"<<.+>>")
OWNER_ROLES = ("upphandlande", "projektagare")
END_REQUIRED_STATUSES = ("avslutad", "avbruten")  # statuses whose period needs an end


def case_rules(v: Validator, doc: Document) -> None:
    data = doc.data or {}
    rel = doc.rel
    period = data.get("period")
    if isinstance(period, dict):
        period_rules(doc, period)
        status = data.get("status")
        if status in END_REQUIRED_STATUSES and "end" not in period:
            line, col = doc.mark(("period",))
            doc.problems.append(
                problem("period-end-required", rel, line, col, "period.end", status=status)
            )
    review_dates(v, doc, require_order=True)
    source_rules(v, doc)
    orgs = data.get("organisations")
    if isinstance(orgs, list) and orgs:
        roles = {o.get("role") for o in orgs if isinstance(o, dict)}
        if not roles & set(OWNER_ROLES) and not any(map(is_placeholder, roles)):
            line, col = doc.mark(("organisations",))
            doc.problems.append(problem("owner-organisation", rel, line, col, "organisations"))


def period_rules(doc: Document, period: dict[str, Any]) -> None:
    """The end not before the start (at the precision both give); "cirka" only on a date."""
    start = parse_point(period.get("start"), period.get("start_approximate"))
    end = parse_point(period.get("end"), period.get("end_approximate"))
    if start is not None and end is not None:
        pair = start.comparable(end)
        if pair is not None and pair[1] < pair[0]:
            line, col = doc.mark(("period", "end"))
            doc.problems.append(
                problem(
                    "period-order", doc.rel, line, col, "period.end", start=start.raw, end=end.raw
                )
            )
    for name, point in (("start", start), ("end", end)):
        if point is not None and point.approximate and not point.known:
            key = f"{name}_approximate"
            line, col = doc.mark(("period", key))
            doc.problems.append(
                problem("period-approximate-unknown", doc.rel, line, col, f"period.{key}", key=key)
            )


def source_rules(v: Validator, doc: Document) -> None:
    """Sources that prove something: a deep link, and when a checked case's source was read."""
    data = doc.data or {}
    sources = data.get("sources")
    if not isinstance(sources, list):
        return
    checked = data.get("evidence") == "redaktionellt-granskad"
    for i, source in enumerate(sources):
        if not isinstance(source, dict):
            continue
        url = source.get("url")
        if isinstance(url, str) and is_home_page(url):
            line, col = doc.mark(("sources", i, "url"))
            doc.problems.append(
                problem("source-home-page", doc.rel, line, col, f"sources[{i}].url", value=url)
            )
        if checked and isinstance(url, str) and "accessed" not in source:
            line, col = doc.mark(("sources", i))
            doc.problems.append(
                problem("source-accessed-missing", doc.rel, line, col, f"sources[{i}].accessed")
            )
        future_date(doc, ("sources", i, "accessed"), _date(source.get("accessed")), v.today)


def future_date(doc: Document, path: tuple[Any, ...], day: dt.date | None, today: dt.date) -> None:
    """A ``date-in-future`` problem at ``path`` when ``day`` is after ``today``."""
    if day is None or day <= today:
        return
    line, col = doc.mark(path)
    doc.problems.append(
        problem(
            "date-in-future",
            doc.rel,
            line,
            col,
            field_name(path),
            value=day.isoformat(),
            today=today.isoformat(),
        )
    )


def review_dates(v: Validator, doc: Document, *, require_order: bool) -> None:
    data = doc.data or {}
    reviewed = _date(data.get("last_reviewed"))
    published = _date(data.get("published"))
    future_date(doc, ("last_reviewed",), reviewed, v.today)
    if require_order and reviewed and published and reviewed < published:
        line, col = doc.mark(("last_reviewed",))
        doc.problems.append(
            problem(
                "review-before-published",
                doc.rel,
                line,
                col,
                "last_reviewed",
                reviewed=reviewed.isoformat(),
                published=published.isoformat(),
            )
        )


def references(v: Validator, doc: Document, *, own_case: str | None, own_guide: str | None) -> None:
    data = doc.data or {}
    checks = (
        ("related_cases", v.index.case_slugs, own_case, "Fallet", "cases/{}.md"),
        (
            "related_guidance",
            v.index.guide_keys,
            own_guide,
            "Vägledningssidan",
            "docs/{}.md",
        ),
    )
    for key, existing, own, kind, where in checks:
        values = data.get(key)
        if not isinstance(values, list):
            continue
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            line, col = doc.mark((key, i))
            fname = field_name((key, i))
            if value == own:
                doc.problems.append(
                    problem("reference-self", doc.rel, line, col, fname, value=value)
                )
            elif value not in existing:
                close = difflib.get_close_matches(value, sorted(existing), n=1, cutoff=0.8)
                hint = {"hint": "close", "close": close[0]} if close else {}
                hint = hint or {"hint": "spelling", "where": where.format(value)}
                doc.problems.append(
                    problem(
                        "reference-missing",
                        doc.rel,
                        line,
                        col,
                        fname,
                        kind=kind,
                        value=value,
                        **hint,
                    )
                )


def control_characters(doc: Document) -> None:
    """No frontmatter string (key or value) may hold a control character but tab and newline."""
    # Every string in the frontmatter is its source text as written, but for the escapes of a
    # double-quoted scalar ("\x07", "\e", "\u2028"...): without a forbidden character in the
    # source, and without a backslash or without a double quote, no string can hold one.
    source = doc.text[: len(doc.text) - len(doc.body)]
    if source and forbidden_control(source) is None and ("\\" not in source or '"' not in source):
        return  # the common case: skip the walk
    found: list[tuple[tuple[Any, ...], str]] = []
    _strings_and_keys(doc.data, (), found)
    for path, value in found:
        position, char = forbidden_control(value) or (0, "")  # found holds only such strings
        line, col = doc.key_mark(path) if path and path[-1] == value else doc.mark(path)
        doc.problems.append(
            problem(
                "string-control",
                doc.rel,
                line,
                col,
                field_name(path),
                char=char,
                position=position,
            )
        )


def _strings_and_keys(
    value: Any, path: tuple[Any, ...], found: list[tuple[tuple[Any, ...], str]]
) -> None:
    """Every string in ``value`` with a forbidden control character into ``found``, in
    document order, mapping keys included (a key's path ends with the key)."""
    if isinstance(value, dict):
        for key, item in value.items():
            sub = path + (key,)
            if isinstance(key, str) and forbidden_control(key) is not None:
                found.append((sub, key))
            if isinstance(item, str):
                if forbidden_control(item) is not None:
                    found.append((sub, item))
            elif isinstance(item, (dict, list)):
                _strings_and_keys(item, sub, found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _strings_and_keys(item, path + (i,), found)
    elif isinstance(value, str) and forbidden_control(value) is not None:
        found.append((path, value))


def placeholders(doc: Document) -> None:
    """One problem per placeholder; it replaces the other problems for the same value."""
    if "<<" not in doc.text:
        return  # no placeholder anywhere: skip the walk (the common case)
    found: list[Problem] = []
    fields: set[str] = set()
    for path, value in _strings(doc.data, ()):
        if is_placeholder(value):
            fname = field_name(path)
            line, col = doc.mark(path)
            fields.add(fname)
            found.append(
                problem(
                    "placeholder",
                    doc.rel,
                    line,
                    col,
                    fname,
                    what=f"Fältet '{fname}'",
                    value=value.strip(),
                    advice="Kommentaren ovanför fältet (rader som börjar med #) säger vad "
                    "som ska stå där.",
                )
            )
    lines: set[int] = set()
    section: str | None = None
    fence: str | None = None
    for index, raw in enumerate(doc.body.split("\n") if doc.text else []):
        line_no = doc.body_line + index
        text = raw.strip()
        if fence is not None:
            fence = None if text.startswith(fence) else fence
            continue
        if text.startswith(("```", "~~~")):
            fence = text[:3]
            continue
        if text.startswith("## "):
            section = text[3:].strip()
        if is_placeholder(text):
            lines.add(line_no)
            found.append(
                problem(
                    "placeholder",
                    doc.rel,
                    line_no,
                    raw.index("<<") + 1,
                    what=f"Avsnittet '{section}'" if section else "Stycket",
                    value=text,
                    advice="Skriv texten med egna ord.",
                )
            )
    if not found:
        return
    doc.problems = [
        p
        for p in doc.problems
        if p.field not in fields
        and not (not p.field and p.line in lines and p.line >= doc.body_line)
    ] + found


def is_placeholder(value: Any) -> bool:
    """True for a value such as "<<Skriv titel>>" that a template left to fill in."""
    return isinstance(value, str) and PLACEHOLDER.fullmatch(value.strip()) is not None


def _strings(value: Any, path: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
