"""Open data written with every build: cases.json, cases.csv, feed.xml and the schemas.

Nothing here reads the clock or git: every date comes from the frontmatter,
so two builds of the same commit write the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from kunskapsbank.errors.safetext import xml_safe

from kunskapsbank.config import Settings
from kunskapsbank.content.model import FACETS, Case, Collection
from kunskapsbank.content.networks import load_schema
from kunskapsbank.render.feeds import feed_title
from kunskapsbank.urls import CASES, FEED, FEED_FACETS, facet_feed_url, facet_url

FEED_ENTRIES = 50


def escape(text: str) -> str:
    """XML text: escaped, and only characters XML 1.0 allows (whatever a file holds)."""
    return _escape(xml_safe(str(text)))


def quoteattr(text: str) -> str:
    return _quoteattr(xml_safe(str(text)))


def _site_url(settings: Settings) -> str:
    url = settings.site_url or "/"
    return url if url.endswith("/") else url + "/"


def case_records(collection: Collection, settings: Settings) -> list[dict[str, Any]]:
    base = _site_url(settings)
    records = []
    for case in sorted(collection.cases, key=lambda c: c.slug):
        record: dict[str, Any] = {"slug": case.slug, "url": base + case.url}
        record.update(case.data)
        records.append(record)
    return records


def _cell(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value
    if kind is int:
        return str(value)
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


# A cell that starts with one of these is a formula to a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A CSV cell that no spreadsheet reads as a formula (OWASP, "CSV Injection").

    A cell starting with = + - @, tab or carriage return gets a leading single
    quote; the csv module quotes every cell that holds a quote, comma or newline.
    """
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def cases_csv(collection: Collection, records: list[dict[str, Any]]) -> str:
    columns = ["slug", "url", *collection.schemas.properties("case")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for r in records:
        writer.writerow([neutralise(_cell(r.get(c))) for c in columns])
    return out.getvalue()


def atom_feed(
    collection: Collection,
    settings: Settings,
    *,
    cases: list[Case] | None = None,
    path: str = FEED,
    title: str = "nya och uppdaterade fall",
    alternate: str = CASES,
) -> str:
    """An Atom feed (RFC 4287) of ``cases`` (every published case by default), the most
    recently reviewed first: a new case appears with its publication date, an updated
    one moves up with its new review date."""
    base = _site_url(settings)
    cases = sorted(
        collection.cases if cases is None else cases,
        key=lambda c: (str(c.data["last_reviewed"]), str(c.data["published"]), c.slug),
        reverse=True,
    )[:FEED_ENTRIES]
    updated = max((str(c.data["last_reviewed"]) for c in cases), default="2000-01-01")
    name = settings.site_name
    entries = []
    for c in cases:
        url = base + c.url
        orgs = ", ".join(o["name"] for o in c.data["organisations"])
        entries.append(
            "  <entry>\n"
            f"    <id>{escape(url)}</id>\n"
            f"    <title>{escape(c.title)}</title>\n"
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>\n'
            f"    <published>{escape(c.data['published'])}T00:00:00Z</published>\n"
            f"    <updated>{escape(c.data['last_reviewed'])}T00:00:00Z</updated>\n"
            f"    <author><name>{escape(orgs)}</name></author>\n"
            f"    <summary>{escape(c.summary)}</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">\n'
        f"  <id>{escape(base + path)}</id>\n"
        f"  <title>{escape(name)}: {escape(title)}</title>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + path)}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(base + alternate)}/>\n'
        f"  <updated>{escape(updated)}T00:00:00Z</updated>\n"
        f"  <author><name>{escape(name)}</name></author>\n" + "".join(entries) + "</feed>\n"
    )


def facet_feeds(collection: Collection, settings: Settings) -> dict[str, str]:
    """One feed per county and per theme that has cases, beside its page."""
    files = {}
    for facet in FACETS:
        if facet.path not in FEED_FACETS:
            continue
        for value, cases in collection.facet_index.get(facet.path, {}).items():
            label = collection.label(facet.vocabulary, value)
            files[facet_feed_url(facet.path, value)] = atom_feed(
                collection,
                settings,
                cases=cases,
                path=facet_feed_url(facet.path, value),
                title=feed_title(facet.path, label),
                alternate=facet_url(facet.path, value),
            )
    return files


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _dump_records(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record per line: easy to diff and grep, and fast to write.

    (``json`` encodes in C only without indentation; with it, 5,000 cases took 0.4 s.)
    """
    if not records:
        return "[]\n"
    lines = (json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in records)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def export_files(collection: Collection, settings: Settings) -> dict[str, str]:
    """Open-data files by their path in the site."""
    records = case_records(collection, settings)
    schemas = collection.schemas
    files = {
        "cases.json": _dump_records(records),
        "cases.csv": cases_csv(collection, records),
        FEED: atom_feed(collection, settings),
        **facet_feeds(collection, settings),
    }
    for name, schema in schemas.resolved.items():
        files[f"schemas/{name}.schema.json"] = _dump(schema)
    if collection.networks:
        files["schemas/network.schema.json"] = _dump(load_schema(schemas))
    files["schemas/vocabularies.json"] = _dump(
        {
            name: {
                "title": v.title,
                "description": v.description,
                "entries": [
                    {
                        "id": t.id,
                        "label": t.label,
                        "label_en": t.label_en,
                        "description": t.description,
                        **t.extra,
                    }
                    for t in v.terms
                ],
            }
            for name, v in schemas.vocabularies.items()
        }
    )
    return files
