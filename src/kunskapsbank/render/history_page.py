"""The version history page (the marker ``<!-- kunskapsbank:versioner -->``), from git tags."""

from __future__ import annotations

from typing import Any

from kunskapsbank.config import Layout
from kunskapsbank.content.model import Collection
from kunskapsbank.render.templating import render
from kunskapsbank.urls import rel_url
from kunskapsbank.versions.history import (
    CASE_HEADINGS,
    GUIDE_HEADING,
    MARKER_NAME,
    STATUS_WORDS,
    GitError,
    Release,
    history,
)


def _groups(release: Release, collection: Collection, page: str) -> list[dict[str, Any]]:
    groups = []
    for status, heading in CASE_HEADINGS.items():
        items = []
        for change in (c for c in release.cases if c.status == status):
            case = collection.by_slug.get(change.key) if status != "removed" else None
            url = rel_url(case.url, page) if case else None
            items.append({"title": change.title, "url": url, "status": None})
        if items:
            groups.append({"heading": heading, "changes": items})
    if release.guides:
        items = []
        for change in release.guides:
            guide = collection.guides.get(change.key) if change.status != "removed" else None
            url = rel_url(guide.url, page) if guide else None
            items.append({"title": change.title, "url": url, "status": STATUS_WORDS[change.status]})
        groups.append({"heading": GUIDE_HEADING, "changes": items})
    return groups


def history_html(layout: Layout, collection: Collection) -> str:
    """The version history for the page that holds the marker."""
    marker = f"kunskapsbank:{MARKER_NAME}"
    page = next(
        (g.url for g in collection.guides.values() if marker in g.doc.body), "om/versioner/"
    )
    try:
        releases = history(layout)
    except GitError as exc:
        return render("history.html", error=str(exc), releases=[])
    data = [
        {
            "anchor": "version-" + r.version.replace(".", "-"),
            "version": r.version,
            "date": r.date,
            "previous": r.previous,
            "message": r.message.split("\n\n") if r.message else [],
            "groups": _groups(r, collection, page),
        }
        for r in releases
    ]
    return render("history.html", error=None, releases=data)
