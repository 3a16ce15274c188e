"""Helpers for the built-site tests: a tiny HTML tree, the fixture's content and file hashes.

Only the standard library (plus PyYAML, which the product already needs) is used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site-project"
TODAY = "2026-11-29"
# 2026-11-29T00:00:00Z: the build date the fixture is written for.
SOURCE_DATE_EPOCH = "1795910400"
TMP_PREFIXES = (".kunskapsbank-tmp-", ".kunskapsbank-old-")

# The product's URL contract for facet pages: /fall/<path>/<id>/.
# path -> (vocabulary file, frontmatter field; "a.b" reads b from each mapping in list a)
FACETS: dict[str, tuple[str, str]] = {
    "lan": ("lan", "lan"),
    "tema": ("themes", "themes"),
    "forfarande": ("procedures", "procedures"),
    "organisationstyp": ("org_type", "organisations.org_type"),
    "sektor": ("sectors", "sectors"),
    "status": ("status", "status"),
}

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

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


# -- a small HTML tree ----------------------------------------------------------


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(
        self, tag: str | None = None, *, cls: str | None = None, **attrs: str
    ) -> list[Node]:
        out = []
        for node in self.iter():
            if tag is not None and node.tag != tag:
                continue
            if cls is not None and cls not in (node.attrs.get("class") or "").split():
                continue
            if any(node.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(node)
        return out

    def find(self, tag: str | None = None, *, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls=cls, **attrs)
        assert found, f"no <{tag or '*'}> with class={cls!r} {attrs} in <{self.tag}>"
        return found[0]

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    def squashed(self) -> str:
        """The text with runs of white space as one space."""
        return " ".join(self.text().split())

    def get(self, name: str) -> str:
        value = self.attrs.get(name)
        return "" if value is None else value


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.current = self.root
        self.all_attrs: list[tuple[str, str, str | None]] = []  # (tag, name, value)
        self.style_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), parent=self.current)
        self.all_attrs.extend((tag, k, v) for k, v in attrs)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), parent=self.current)
        self.all_attrs.extend((tag, k, v) for k, v in attrs)
        self.current.children.append(node)

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        if self.current.tag == "style":
            self.style_text.append(data)
        self.current.children.append(data)


@dataclass
class Page:
    path: Path
    source: str
    root: Node
    all_attrs: list[tuple[str, str, str | None]]
    style_text: str

    def find(self, tag: str | None = None, *, cls: str | None = None, **attrs: str) -> Node:
        return self.root.find(tag, cls=cls, **attrs)

    def find_all(
        self, tag: str | None = None, *, cls: str | None = None, **attrs: str
    ) -> list[Node]:
        return self.root.find_all(tag, cls=cls, **attrs)


def parse_html(path: Path) -> Page:
    source = path.read_text(encoding="utf-8")
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return Page(path, source, builder.root, builder.all_attrs, "".join(builder.style_text))


# -- the fixture's content --------------------------------------------------------


def frontmatter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    _, head, _ = text.split("---\n", 2)
    data = yaml.safe_load(head)
    assert isinstance(data, dict)
    return data


def jsonable(value: Any) -> Any:
    """Frontmatter as open data shows it: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def fixture_cases() -> dict[str, dict[str, Any]]:
    """Every case in the fixture (drafts too), by slug."""
    return {p.stem: frontmatter(p) for p in sorted((FIXTURE / "cases").glob("*.md"))}


def published_cases() -> dict[str, dict[str, Any]]:
    return {slug: d for slug, d in fixture_cases().items() if not d.get("draft", False)}


def draft_cases() -> dict[str, dict[str, Any]]:
    return {slug: d for slug, d in fixture_cases().items() if d.get("draft", False)}


def facet_values(data: dict[str, Any], field_name: str) -> list[str]:
    if "." in field_name:
        outer, inner = field_name.split(".", 1)
        return list(dict.fromkeys(item[inner] for item in data.get(outer) or []))
    value = data.get(field_name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def vocabularies() -> dict[str, dict[str, Any]]:
    """Each vocabulary file of the repository, by name."""
    out = {}
    for path in sorted((REPO / "schemas" / "vocabularies").glob("*.yaml")):
        out[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return out


def labels(vocabulary: str) -> dict[str, str]:
    return {e["id"]: e["label"] for e in vocabularies()[vocabulary]["entries"]}


def schema(name: str) -> dict[str, Any]:
    path = REPO / "schemas" / f"{name}.schema.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if not ref:
        return node
    doc, _, pointer = ref.partition("#")
    target: Any = schema(doc.split(".")[0]) if doc else root
    for part in pointer.strip("/").split("/"):
        target = target[part]
    return {**target, **{k: v for k, v in node.items() if k != "$ref"}}


def schema_keys(name: str) -> list[str]:
    """Every key of a schema, nested keys dotted: 'organisations.org_type'."""
    root = schema(name)
    keys: list[str] = []

    def walk(prefix: str, props: dict[str, Any]) -> None:
        for key, node in props.items():
            node = _resolve(node, root)
            keys.append(prefix + key)
            items = _resolve(node.get("items") or {}, root)
            sub = node.get("properties") or items.get("properties")
            if sub:
                walk(f"{prefix}{key}.", sub)

    walk("", root["properties"])
    return keys


def schema_vocabularies(name: str) -> list[str]:
    """Names of the vocabularies a schema uses, anywhere in it."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "x-vocabulary" in node and node["x-vocabulary"] not in found:
                found.append(node["x-vocabulary"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema(name))
    return found


def month_label(value: str) -> str:
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def date_label(value: str) -> str:
    year, month, day = value.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


# -- building -------------------------------------------------------------------


def prepare_project(dest: Path) -> Path:
    """A copy of the fixture with the repository's schemas, hooks, overrides and assets."""
    shutil.copytree(FIXTURE, dest)
    for folder in ("schemas", "hooks", "overrides"):
        shutil.copytree(REPO / folder, dest / folder)
    shutil.copytree(REPO / "docs" / "assets", dest / "docs" / "assets")
    return dest


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env["KUNSKAPSBANK_TODAY"] = TODAY
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env.pop("SITE_URL", None)
    env.pop("KUNSKAPSBANK_MAX_FILE_BYTES", None)
    return env


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kunskapsbank",
            "build",
            "--project",
            str(project),
            "--site-dir",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=build_env(),
        timeout=300,
        check=False,
    )


def hash_tree(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root``, by relative path."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TMP_PREFIXES))


# -- the built site ---------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class BuiltSite:
    project: Path
    root: Path  # the site folder
    output: str  # what the build printed
    _pages: dict[str, Page] = field(default_factory=dict, repr=False)

    def page(self, url: str) -> Page:
        """The page at a site URL like 'fall/x/' ('' is the start page)."""
        rel = url.strip("/")
        path = self.root / rel if rel.endswith(".html") else self.root / rel / "index.html"
        key = path.relative_to(self.root).as_posix()
        if key not in self._pages:
            assert path.is_file(), f"no page at /{url} ({key})"
            self._pages[key] = parse_html(path)
        return self._pages[key]

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    @property
    def config(self) -> dict[str, Any]:
        text = (self.project / "mkdocs.yml").read_text(encoding="utf-8")
        return yaml.load(text, Loader=_ConfigLoader)

    @property
    def site_url(self) -> str:
        return str(self.config["site_url"])


def site_path(page_url: str, href: str) -> str:
    """The site path ('/fall/x/') a link on the page at ``page_url`` points at."""
    return urlsplit(urljoin("https://site.invalid/" + page_url.lstrip("/"), href)).path
