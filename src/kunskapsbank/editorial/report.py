"""``kunskapsbank report``: what the editors should look at.

Pages and cases that are due for review (past ``next_review``, or not reviewed
for 12 months), entries of ``data/networks.yaml`` not checked for 12 months, drafts, and how the published cases spread over counties,
themes and procedures. Dates are compared with :func:`config.today` (the project settings' date), so
``KUNSKAPSBANK_TODAY`` fixes the date in tests.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from kunskapsbank.config import Layout
from kunskapsbank.content.loader import Document
from kunskapsbank.content.model import FACETS
from kunskapsbank.content.networks import NETWORKS_FILE
from kunskapsbank.content.validate import validate_project
from kunskapsbank.errors.safetext import printable

REVIEW_MONTHS = 12
# The facets the report counts cases by (their paths in content.model.FACETS).
COUNTED_FACETS = ("lan", "tema", "forfarande")
COUNTS = tuple(f for f in FACETS if f.path in COUNTED_FACETS)


@dataclass(slots=True)
class Due:
    file: str
    kind: str  # case or guide
    title: str
    last_reviewed: str | None
    next_review: str | None
    reasons: list[str]  # next_review, last_reviewed


@dataclass(slots=True)
class Draft:
    file: str
    slug: str
    title: str


@dataclass(slots=True)
class Count:
    id: str
    label: str
    count: int


@dataclass(slots=True)
class NetworkDue:
    file: str
    line: int
    id: str
    name: str
    checked: str


@dataclass(slots=True)
class Report:
    site_name: str
    today: str
    review_before: str  # last_reviewed on or before this date is too old
    cases: int  # published
    drafts: list[Draft] = field(default_factory=list)
    guides: int = 0
    problems: int = 0
    review_due: list[Due] = field(default_factory=list)
    counts: dict[str, list[Count]] = field(default_factory=dict)
    networks: int = 0  # entries in data/networks.yaml
    networks_due: list[NetworkDue] = field(default_factory=list)  # not checked in 12 months


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _due(doc: Document, kind: str, on: dt.date, limit: dt.date) -> Due | None:
    data = doc.data or {}
    reviewed = _date(data.get("last_reviewed"))
    planned = _date(data.get("next_review"))
    reasons = []
    if planned is not None and planned < on:
        reasons.append("next_review")
    if reviewed is not None and reviewed <= limit:
        reasons.append("last_reviewed")
    if not reasons:
        return None
    title = data.get("title")
    return Due(
        doc.rel,
        kind,
        str(title) if title else doc.rel,
        reviewed.isoformat() if reviewed else None,
        planned.isoformat() if planned else None,
        reasons,
    )


def make_report(layout: Layout, *, on: dt.date | None = None) -> Report:
    on = on or layout.settings.today
    limit = year_before(on)
    result = validate_project(layout, on=on)
    report = Report(layout.settings.site_name, on.isoformat(), limit.isoformat(), 0)
    report.problems = len(result.problems)
    published: list[dict[str, Any]] = []
    for doc in result.cases:
        if not isinstance(doc.data, dict):
            continue
        if doc.data.get("draft") is True:
            title = str(doc.data.get("title") or doc.path.stem)
            report.drafts.append(Draft(doc.rel, doc.path.stem, title))
        else:
            published.append(doc.data)
        due = _due(doc, "case", on, limit)
        if due:
            report.review_due.append(due)
    for doc in result.guides:
        if not isinstance(doc.data, dict):
            continue
        report.guides += 1
        due = _due(doc, "guide", on, limit)
        if due:
            report.review_due.append(due)
    report.cases = len(published)
    report.networks = len(result.networks)
    report.networks_due = [
        NetworkDue(NETWORKS_FILE, n.line, n.id, n.name, n.checked)
        for n in sorted(result.networks, key=lambda n: (n.checked, n.line))
        if dt.date.fromisoformat(n.checked) <= limit
    ]
    report.review_due.sort(key=lambda d: (d.last_reviewed or "", d.file))
    for facet in COUNTS:
        vocab = result.schemas.vocabularies[facet.vocabulary]
        tally = dict.fromkeys(vocab.ids, 0)
        for data in published:
            for value in set(facet.values(data)):
                if value in tally:
                    tally[value] += 1
        report.counts[facet.field] = [Count(t.id, t.label, tally[t.id]) for t in vocab.terms]
    return report


def format_json(report: Report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def format_text(report: Report) -> str:
    lines = [
        f"Rapport för {report.site_name}, {report.today}",
        f"{_plural(report.cases, 'publicerat fall', 'publicerade fall')}, "
        f"{_plural(len(report.drafts), 'utkast', 'utkast')} och "
        f"{_plural(report.guides, 'vägledningssida', 'vägledningssidor')}.",
    ]
    if report.problems:
        lines.append(
            f"Obs: innehållet har {report.problems} problem. Kör 'kunskapsbank validate' "
            "för att se dem."
        )
    lines += ["", f"Behöver granskas ({len(report.review_due)}):"]
    if not report.review_due:
        lines.append("  Inget. Alla sidor och fall är granskade enligt planen.")
    for due in report.review_due:
        lines.append(f"  {due.file}: {due.title}")
        if "next_review" in due.reasons:
            lines.append(f"    nästa granskning var planerad till {due.next_review}")
        if "last_reviewed" in due.reasons:
            lines.append(
                f"    senast granskad {due.last_reviewed}, för {REVIEW_MONTHS} månader "
                "sedan eller tidigare"
            )
    if report.networks:
        lines += ["", f"Nätverk och stöd att kontrollera igen ({len(report.networks_due)}):"]
        if not report.networks_due:
            lines.append(
                f"  Inga. Alla {report.networks} poster är kontrollerade det senaste året."
            )
        for n in report.networks_due:
            lines.append(f"  {n.file}:{n.line}: {n.name}")
            lines.append(
                f"    senast kontrollerad {n.checked}, för {REVIEW_MONTHS} månader sedan eller tidigare"
            )
    lines += ["", f"Utkast ({len(report.drafts)}):"]
    if not report.drafts:
        lines.append("  Inga utkast.")
    lines += [f"  {d.file}: {d.title}" for d in report.drafts]
    for facet in COUNTS:
        counts = report.counts.get(facet.field, [])
        heading = f"Fall per {facet.filter_name.lower()}"
        width = max((len(c.label) for c in counts), default=0)
        lines += ["", f"{heading} (bara publicerade fall):"]
        lines += [f"  {c.label.ljust(width)}  {c.count:>3}" for c in counts]
    return "\n".join(printable(line) for line in lines)


FORMATS = {"text": format_text, "json": format_json}
