"""Networks and support (``data/networks.yaml``): read, checked at file and line, as objects.

The file is a YAML list; each entry is checked against ``schemas/network.schema.yaml``
(vocabularies injected as for cases) and by the named checks below: an entry needs a
source URL that is a deep link, and the date it was last checked against that source.
A project without the file has no networks and no problems.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from kunskapsbank.config import Layout
from kunskapsbank.content.checks.rules import future_date
from kunskapsbank.content.checks.schema_errors import map_error
from kunskapsbank.content.loader import Document, is_outside, parse_yaml
from kunskapsbank.content.schemas import SchemaSet, inject_vocabularies
from kunskapsbank.errors.catalogue import ConfigError, Problem, problem
from kunskapsbank.urls import is_home_page

NETWORKS_FILE = "data/networks.yaml"
SCHEMA_FILE = "network.schema.yaml"
# A required field whose absence has its own, more helpful problem code.
MISSING_CODES = {"url": "network-url-missing", "checked": "network-checked-missing"}


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


def networks_path(layout: Layout) -> Path:
    return layout.root / NETWORKS_FILE


def load_schema(schemas: SchemaSet) -> dict[str, Any]:
    path = schemas.root / SCHEMA_FILE
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Kan inte läsa {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: schemat ska vara en mappning.")
    resolved = inject_vocabularies(copy.deepcopy(data), schemas.vocabularies, str(path))
    from jsonschema import Draft202012Validator, SchemaError

    try:
        Draft202012Validator.check_schema(resolved)
    except SchemaError as exc:
        raise ConfigError(f"{path} är inte ett giltigt schema: {exc.message}") from exc
    return resolved


def read_networks(layout: Layout) -> Document | None:
    """The parsed file, or None when the project has none. Never raises for content."""
    path = networks_path(layout)
    if not path.is_file() and not path.is_symlink():
        return None
    rel = layout.rel(path)
    doc = Document(path=path, rel=rel)
    if path.is_symlink() and is_outside(path, layout.root):
        doc.problems.append(problem("file-symlink", rel))
        return doc
    try:
        raw = path.read_bytes()
    except OSError as exc:
        doc.problems.append(problem("file-unreadable", rel, reason=exc.strerror or str(exc)))
        return doc
    limit = layout.settings.max_file_bytes
    if len(raw) > limit:
        doc.problems.append(problem("file-too-large", rel, size=len(raw), limit=limit))
        return doc
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        doc.problems.append(problem("file-encoding", rel, position=exc.start + 1, line_no=line))
        return doc
    doc.text = text.replace("\r\n", "\n").replace("\r", "\n")
    parse_yaml(doc, doc.text, line_offset=0, root_type=list)
    return doc


def check_entries(doc: Document, schemas: SchemaSet, today: dt.date) -> list[Network]:
    """Check every entry of a parsed file; problems go to ``doc.problems``."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema(schemas))
    entries: list[Network] = []
    first_line: dict[str, int] = {}
    for i, data in enumerate(doc.data or []):
        where = (i,)
        line, col = doc.mark(where)
        if not isinstance(data, dict):
            doc.problems.append(problem("data-not-list", doc.rel, line, col, f"[{i}]"))
            continue
        before = len(doc.problems)
        name = str(data.get("id") or data.get("name") or f"nummer {i + 1}")
        for error in validator.iter_errors(data):
            error.path.appendleft(i)  # map_error reads the path from the file's root
            for p in map_error(doc, schemas, error):
                key = p.field.rsplit(".", 1)[-1]
                if p.code == "required" and key in MISSING_CODES:
                    p = problem(
                        MISSING_CODES[key], doc.rel, line, col, p.field, entry=name, today=today
                    )
                doc.problems.append(p)
        url = data.get("url")
        if isinstance(url, str) and url.startswith("https://") and is_home_page(url):
            ul, uc = doc.mark((i, "url"))
            host = urlsplit(url).hostname or "exempel.se"
            doc.problems.append(
                problem("network-url-home", doc.rel, ul, uc, f"[{i}].url", value=url, host=host)
            )
        checked = data.get("checked")
        try:
            day = dt.date.fromisoformat(checked) if isinstance(checked, str) else None
        except ValueError:
            day = None
        future_date(doc, (i, "checked"), day, today)
        entry_id = data.get("id")
        if isinstance(entry_id, str):
            if entry_id in first_line:
                il, ic = doc.mark((i, "id"))
                doc.problems.append(
                    problem(
                        "network-duplicate-id",
                        doc.rel,
                        il,
                        ic,
                        f"[{i}].id",
                        value=entry_id,
                        first_line=first_line[entry_id],
                    )
                )
            else:
                first_line[entry_id] = doc.mark((i, "id"))[0]
        if len(doc.problems) == before:
            entries.append(Network.from_data(data, line))
    return entries


def load_networks(
    layout: Layout, schemas: SchemaSet, today: dt.date | None = None
) -> tuple[list[Network], list[Problem], bool]:
    """The checked entries, every problem (sorted), and whether the file exists."""
    doc = read_networks(layout)
    if doc is None:
        return [], [], False
    entries: list[Network] = []
    if doc.data is not None:
        entries = check_entries(doc, schemas, today or layout.settings.today)
    return entries, sorted(doc.problems, key=Problem.sort_key), True


def add_networks(result: Any, today: dt.date | None = None) -> None:
    """Check the project's networks file into a validation ``Result``."""
    entries, problems, exists = load_networks(result.layout, result.schemas, today)
    result.networks = entries
    if exists:
        result.checked += 1
    if problems:
        result.problems.extend(problems)
        result.problems.sort(key=Problem.sort_key)
