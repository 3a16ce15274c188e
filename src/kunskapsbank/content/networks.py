"""Networks and support (``data/networks.yaml``): read, checked at file and line, as objects.

The file is a YAML list; each entry is checked against ``schemas/network.schema.yaml``
(vocabularies injected as for cases) and by the named checks below: an entry needs a
source URL that is a deep link, and the date it was last checked against that source.
A project without the file has no networks and no problems.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kunskapsbank.config import Layout
from kunskapsbank.content import datafile
from kunskapsbank.content.checks.rules import future_date
from kunskapsbank.content.datafile import DataFile, Entry, duplicate, load_data_file
from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.errors.catalogue import Problem
from kunskapsbank.urls import is_home_page

NETWORKS_FILE = "data/networks.yaml"
SCHEMA_FILE = "network.schema.yaml"


@dataclass(frozen=True, slots=True)
class Network:
    id: str
    name: str
    type: str
    organiser: str
    scope: tuple[str, ...]
    url: str
    description: str
    checked: str
    status: str | None = None
    line: int = 1

    @classmethod
    def from_data(cls, data: dict[str, Any], line: int) -> Network:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            type=str(data["type"]),
            organiser=str(data["organiser"]),
            scope=tuple(str(v) for v in data["scope"]),
            url=str(data["url"]),
            description=str(data["description"]),
            checked=str(data["checked"]),
            status=data.get("status"),
            line=line,
        )


def _deep_url(entry: Entry) -> None:
    url = entry.data.get("url")
    if isinstance(url, str) and url.startswith("https://") and is_home_page(url):
        host = urlsplit(url).hostname or "exempel.se"
        entry.add("network-url-home", "url", value=url, host=host)


def _checked_not_ahead(entry: Entry) -> None:
    checked = entry.data.get("checked")
    try:
        day = dt.date.fromisoformat(checked) if isinstance(checked, str) else None
    except ValueError:
        day = None
    before = len(entry.doc.problems)
    future_date(entry.doc, (*entry.where, "checked"), day, entry.context)
    entry.problems += len(entry.doc.problems) - before


NETWORKS: DataFile[Network] = DataFile(
    rel=NETWORKS_FILE,
    schema=SCHEMA_FILE,
    schema_per_entry=True,
    # A required field whose absence has its own, more helpful problem code.
    missing={"url": "network-url-missing", "checked": "network-checked-missing"},
    label=lambda e: str(e.data.get("id") or e.data.get("name") or f"nummer {e.index + 1}"),
    checks=(_deep_url, _checked_not_ahead, duplicate("network-duplicate-id", "id")),
    make=lambda e: Network.from_data(e.data, e.line),
)


def networks_path(layout: Layout) -> Path:
    return NETWORKS.path(layout)


def load_schema(schemas: SchemaSet) -> dict[str, Any]:
    """The networks schema with the vocabularies injected (for the open-data export)."""
    return datafile.load_schema(schemas, SCHEMA_FILE)


def load_networks(
    layout: Layout, schemas: SchemaSet, today: dt.date | None = None
) -> tuple[list[Network], list[Problem], bool]:
    """The checked entries, every problem (sorted), and whether the file exists."""
    today = today or layout.settings.today
    loaded = load_data_file(NETWORKS, layout, schemas, today, today=today)
    return loaded.objects, loaded.problems, loaded.exists


def add_networks(result: Any, today: dt.date | None = None) -> None:
    """Check the project's networks file into a validation ``Result``."""
    entries, problems, exists = load_networks(result.layout, result.schemas, today)
    result.networks = entries
    if exists:
        result.checked += 1
    if problems:
        result.problems.extend(problems)
        result.problems.sort(key=Problem.sort_key)
