"""Open data written with the site: cases.json, cases.csv, feed.xml and the schemas."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import jsonschema
import pytest
from sitetools import BuiltSite, jsonable, labels, published_cases, schema

PUBLISHED = published_cases()
ATOM = "{http://www.w3.org/2005/Atom}"


def _records(built_site: BuiltSite) -> list[dict[str, Any]]:
    data = json.loads((built_site.root / "cases.json").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_cases_json_has_every_published_case_once(built_site: BuiltSite) -> None:
    slugs = [r["slug"] for r in _records(built_site)]
    assert sorted(slugs) == sorted(PUBLISHED)
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
def test_cases_json_round_trips_the_frontmatter(built_site: BuiltSite, slug: str) -> None:
    record = next(r for r in _records(built_site) if r["slug"] == slug)
    assert record["url"] == built_site.site_url.rstrip("/") + f"/fall/{slug}/"
    fields = {k: v for k, v in record.items() if k not in ("slug", "url")}
    assert fields == jsonable(PUBLISHED[slug])
    assert isinstance(fields["published"], str)
    assert isinstance(fields["last_reviewed"], str)


def test_cases_json_records_match_the_published_schema(built_site: BuiltSite) -> None:
    exported = json.loads(
        (built_site.root / "schemas" / "case.schema.json").read_text(encoding="utf-8")
    )
    validator = jsonschema.Draft202012Validator(exported)
    for record in _records(built_site):
        fields = {k: v for k, v in record.items() if k not in ("slug", "url")}
        errors = [e.message for e in validator.iter_errors(fields)]
        assert not errors, f"{record['slug']}: {errors}"


def test_cases_csv_has_one_row_per_case(built_site: BuiltSite) -> None:
    text = (built_site.root / "cases.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(PUBLISHED)
    assert sorted(r["slug"] for r in rows) == sorted(PUBLISHED)
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert header[:2] == ["slug", "url"]
    assert set(schema("case")["properties"]) <= set(header)
    for row in rows:
        data = PUBLISHED[row["slug"]]
        for key in ("title", "summary", "case_type", "status", "evidence"):
            assert row[key] == data[key], f"{row['slug']}: {key}"
        assert row["published"] == str(data["published"])
        assert row["lan"] == "; ".join(data["lan"])


def test_feed_parses_and_lists_cases_by_update(built_site: BuiltSite) -> None:
    root = ET.parse(built_site.root / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(PUBLISHED)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    base = built_site.site_url.rstrip("/")
    by_id = {e.findtext(f"{ATOM}id"): e for e in entries}
    assert set(by_id) == {f"{base}/fall/{slug}/" for slug in PUBLISHED}
    for slug, data in PUBLISHED.items():
        entry = by_id[f"{base}/fall/{slug}/"]
        assert entry.findtext(f"{ATOM}title") == data["title"]
        assert entry.findtext(f"{ATOM}summary") == data["summary"]
        assert entry.findtext(f"{ATOM}updated") == f"{data['last_reviewed']}T00:00:00Z"
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href") == f"{base}/fall/{slug}/"
    newest = max(str(d["last_reviewed"]) for d in PUBLISHED.values())
    assert root.findtext(f"{ATOM}updated") == f"{newest}T00:00:00Z"


@pytest.mark.parametrize("name", ["case", "guide"])
def test_schema_exports_are_valid_json(built_site: BuiltSite, name: str) -> None:
    exported = json.loads(
        (built_site.root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    assert isinstance(exported, dict)
    assert list(exported["properties"]) == list(schema(name)["properties"])
    jsonschema.Draft202012Validator.check_schema(exported)


def test_exported_schema_lists_vocabulary_ids(built_site: BuiltSite) -> None:
    exported = json.loads(
        (built_site.root / "schemas" / "case.schema.json").read_text(encoding="utf-8")
    )
    assert exported["properties"]["lan"]["items"]["enum"] == list(labels("lan"))
    vocabularies = json.loads(
        (built_site.root / "schemas" / "vocabularies.json").read_text(encoding="utf-8")
    )
    assert [e["label"] for e in vocabularies["lan"]["entries"]] == list(labels("lan").values())


def test_sitemap_lists_published_cases_and_no_draft(built_site: BuiltSite) -> None:
    root = ET.parse(built_site.root / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [loc.text or "" for loc in root.iter(f"{ns}loc")]
    base = built_site.site_url.rstrip("/")
    for slug in PUBLISHED:
        assert f"{base}/fall/{slug}/" in locs
    assert len(locs) == len(set(locs))
    for loc in locs:
        path = loc.removeprefix(base)
        assert loc.startswith(base + "/")
        assert (built_site.root / path.strip("/") / "index.html").is_file(), loc
