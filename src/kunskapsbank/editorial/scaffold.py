"""``kunskapsbank new-case``: a new case file with every field, explained in Swedish.

The field list, the explanations and the allowed values come from the loaded
case schema and its vocabularies, so the template follows the content model
when an editor changes it. Every value a contributor has to choose is a
placeholder ``"<<...>>"``; the validator reports each one until it is filled in.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

from kunskapsbank.config import Layout, today
from kunskapsbank.content.model import RESERVED_SLUGS
from kunskapsbank.content.schemas import SchemaSet, load_schemas
from kunskapsbank.errors.catalogue import ConfigError
from kunskapsbank.urls import is_slug, suggest_slug

WIDTH = 96
NBSP = "\u00a0"

# Friendlier placeholder texts for some fields (schema path without list indexes).
# Any other field gets a text made from its title in the schema.
PROMPTS = {
    "title": "Skriv fallets titel",
    "summary": "Skriv en kort sammanfattning av fallet",
    "organisations.name": "Skriv organisationens namn",
    "lessons.text": "Skriv en lärdom med egna ord",
    "sources.title": "Skriv källans titel",
}


def check_slug(slug: str) -> None:
    """ConfigError when ``slug`` cannot name a case (the validator's rule)."""
    if not is_slug(slug):
        raise ConfigError("slug-invalid", slug=slug, suggestion=suggest_slug(slug))
    if slug in RESERVED_SLUGS:
        raise ConfigError("slug-reserved", slug=slug, taken=", ".join(sorted(RESERVED_SLUGS)))


class _Template:
    def __init__(self, schemas: SchemaSet, on: dt.date, title: str | None):
        self.schemas = schemas
        self.root = schemas.raw["case"]
        self.on = on
        self.title = title
        self.placeholders = 0

    # -- schema helpers ------------------------------------------------------

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        return self.schemas.resolve("case", node)

    def vocabulary(self, node: dict[str, Any]) -> str | None:
        return node.get("x-vocabulary") or (node.get("items") or {}).get("x-vocabulary")

    # -- text helpers ----------------------------------------------------------

    def comments(self, node: dict[str, Any], indent: int) -> list[str]:
        pad = " " * indent + "# "
        width = max(WIDTH - indent, 40)
        head = node.get("title", "")
        description = node.get("description", "")
        text = f"{head}: {description}" if head and description else head or description
        lines = textwrap.wrap(text, width, initial_indent=pad, subsequent_indent=pad)
        vocab_name = self.vocabulary(node)
        if vocab_name:
            vocab = self.schemas.vocabularies[vocab_name]
            # No-break spaces keep each "id (label)" on one line when wrapping.
            allowed = ", ".join(f"{t.id} ({t.label})".replace(" ", NBSP) for t in vocab.terms)
            wrapped = textwrap.wrap(
                "Tillåtna värden: " + allowed,
                width,
                initial_indent=pad,
                subsequent_indent=pad + "  ",
                break_on_hyphens=False,
                break_long_words=False,
            )
            lines += [line.replace(NBSP, " ") for line in wrapped]
        return lines

    def placeholder(self, path: str, node: dict[str, Any], *, count: bool) -> str:
        if count:
            self.placeholders += 1
        if node.get("x-code") == "period-format":
            text = "ÅÅÅÅ-MM"
        elif path in PROMPTS:
            text = PROMPTS[path]
        elif self.vocabulary(node):
            text = f"Välj {node.get('title', path).lower()}"
        else:
            text = f"Skriv {node.get('title', path).lower()}"
        if node.get("type") in ("integer", "number"):
            return f"<<{text}>>"
        return json.dumps(f"<<{text}>>", ensure_ascii=False)

    def scalar(self, path: str, node: dict[str, Any], *, live: bool) -> str:
        if path == "title" and self.title:
            return json.dumps(self.title, ensure_ascii=False)
        if node.get("x-code") == "date-format":
            return self.on.isoformat()
        if "default" in node:
            return json.dumps(node["default"], ensure_ascii=False)
        if node.get("type") == "boolean":
            return "true"
        return self.placeholder(path, node, count=live)

    # -- fields ------------------------------------------------------------------

    def field(
        self, key: str, node: dict[str, Any], path: str, indent: int, *, live: bool, optional: bool
    ) -> list[str]:
        """Comment lines and the field. An optional field is commented out.

        ``live`` is true when the field is really in the YAML (no enclosing
        field is commented out); only live placeholders are counted.
        """
        node = self.resolve(node)
        pad = " " * indent
        body = self.value_lines(key, node, path, indent, live)
        if optional:
            body = [pad + "# " + line[indent:] for line in body]
        return self.comments(node, indent) + body

    def value_lines(
        self, key: str, node: dict[str, Any], path: str, indent: int, live: bool
    ) -> list[str]:
        pad = " " * indent
        kind = node.get("type")
        if kind == "object":
            return [f"{pad}{key}:", *self.mapping(node, path, indent + 2, live)]
        if kind == "array":
            items = self.resolve(node.get("items") or {})
            if items.get("type") == "object":
                lines = self.mapping(items, path, indent + 4, live)
                for i, line in enumerate(lines):
                    if not line.lstrip().startswith("#"):
                        lines[i] = f"{pad}  - {line[indent + 4 :]}"
                        break
                return [f"{pad}{key}:", *lines]
            value = self.scalar(path, {**items, "title": node.get("title", key)}, live=live)
            return [f"{pad}{key}:", f"{pad}  - {value}"]
        return [f"{pad}{key}: {self.scalar(path, node, live=live)}"]

    def mapping(self, node: dict[str, Any], path: str, indent: int, live: bool) -> list[str]:
        required = set(node.get("required", []))
        lines: list[str] = []
        for key, sub in node.get("properties", {}).items():
            sub_path = f"{path}.{key}" if path else key
            optional = key not in required
            lines += self.field(
                key, sub, sub_path, indent, live=live and not optional, optional=optional
            )
        return lines

    # -- the file ------------------------------------------------------------------

    def render(self, slug: str) -> str:
        sections = list(self.root.get("x-body", {}).get("sections", []))
        headings = ", ".join(f"'## {s}'" for s in sections)
        head = [
            "---",
            "# Nytt fall. Så fyller du i filen:",
            "# - Ersätt varje text inom << >> med rätt uppgift och ta bort << och >>.",
            "#   Behåll citattecknen runt texter.",
            "# - Rader som börjar med # är förklaringar. De syns inte på webbplatsen.",
            "# - Valfria fält står bortkommenterade. Ta bort '# ' först på raderna",
            "#   för att använda ett fält.",
            f"# - Texten under metadatan ska ha rubrikerna {headings},",
            "#   i den ordningen. Du får lägga till fler rubriker mellan dem.",
            f"# - Kontrollera filen med: kunskapsbank validate cases/{slug}.md",
        ]
        fields = self.mapping(self.root, "", 0, live=True)
        body = ["---", ""]
        for section in sections:
            self.placeholders += 1
            body += [f"## {section}", "", f"<<Skriv avsnittet {section} här>>", ""]
        return "\n".join(head + fields + body)


def case_template(
    schemas: SchemaSet, slug: str, *, title: str | None = None, on: dt.date | None = None
) -> tuple[str, int]:
    """The text of a new case file and how many placeholders it holds."""
    template = _Template(schemas, on or today(), title)
    text = template.render(slug)
    return text, template.placeholders


def new_case(
    layout: Layout, slug: str, *, title: str | None = None, on: dt.date | None = None
) -> tuple[Path, int]:
    """Write ``cases/<slug>.md``. Raises ConfigError (exit 2) for a bad name or an existing file."""
    check_slug(slug)
    path = layout.cases_dir / f"{slug}.md"
    rel = layout.rel(path)
    if path.exists() or path.is_symlink():
        raise ConfigError("case-exists", path=rel)
    text, count = case_template(load_schemas(layout.schemas_dir), slug, title=title, on=on)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        raise ConfigError("case-exists", path=rel) from None
    return path, count
