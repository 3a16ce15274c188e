"""The field reference for contributors, generated from the schema and vocabulary files."""

from __future__ import annotations

from typing import Any

from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.render.templating import render

TYPE_WORDS = {
    "string": "text",
    "array": "lista",
    "object": "underfält",
    "integer": "heltal",
    "boolean": "true eller false",
}
FORMAT_WORDS = {
    "period-format": 'månad "ÅÅÅÅ-MM", år "ÅÅÅÅ" eller okand',
    "date-format": "datum, ÅÅÅÅ-MM-DD",
    "email": "e-postadress",
    "url-https": "webbadress som börjar med https://",
    "slug-format": "filnamn på ett fall, utan .md",
    "guide-path-format": "sökväg under docs/, utan .md",
}


def _kind(name: str, node: dict[str, Any], schemas: SchemaSet) -> str:
    node = schemas.resolve(name, node)
    if node.get("x-code") in FORMAT_WORDS:
        return FORMAT_WORDS[node["x-code"]]
    if "x-vocabulary" in node:
        return "ett värde ur listan"
    kind = node.get("type", "")
    if kind == "array":
        items = schemas.resolve(name, node.get("items", {}))
        if "x-vocabulary" in items:
            return "lista med värden ur listan"
        if items.get("type") == "object":
            return "lista med underfält"
        return "lista med " + _kind(name, items, schemas)
    return TYPE_WORDS.get(kind, kind)


def _rule(node: dict[str, Any]) -> str:
    bits = []
    if "minLength" in node and "maxLength" in node:
        bits.append(f"{node['minLength']}–{node['maxLength']} tecken")
    elif "maxLength" in node:
        bits.append(f"högst {node['maxLength']} tecken")
    if "minItems" in node and "maxItems" in node:
        bits.append(f"{node['minItems']}–{node['maxItems']} stycken")
    elif "minItems" in node:
        bits.append(f"minst {node['minItems']}")
    if node.get("uniqueItems"):
        bits.append("inga dubbletter")
    if "minimum" in node and "maximum" in node:
        bits.append(f"{node['minimum']}–{node['maximum']}")
    elif "minimum" in node:
        bits.append(f"minst {node['minimum']}")
    return ", ".join(bits)


def _vocab_of(node: dict[str, Any]) -> str | None:
    return node.get("x-vocabulary") or node.get("items", {}).get("x-vocabulary")


def _schema_rows(schema_name: str, schemas: SchemaSet, used: list[str]) -> dict[str, Any]:
    """The rows of one schema's field table; vocabularies it uses are added to ``used``."""
    schema = schemas.resolved[schema_name]
    rows: list[dict[str, Any]] = []

    def add(prefix: str, props: dict[str, Any], required: set[str], depth: int) -> None:
        for key, node in props.items():
            node = schemas.resolve(schema_name, node)
            name = f"{prefix}{key}"
            vocab = _vocab_of(node)
            if vocab and vocab not in used:
                used.append(vocab)
            rows.append(
                {
                    "name": name,
                    "title": node.get("title", ""),
                    "kind": _kind(schema_name, node, schemas),
                    "required": key in required,
                    "description": node.get("description", ""),
                    "rule": _rule(node),
                    "vocabulary": {"name": vocab, "title": schemas.vocabularies[vocab].title}
                    if vocab
                    else None,
                    "depth": depth,
                }
            )
            sub = node.get("properties") or node.get("items", {}).get("properties")
            if sub:
                inner = set(node.get("required") or node.get("items", {}).get("required") or [])
                add(f"{name}.", sub, inner, depth + 1)

    add("", schema["properties"], set(schema.get("required", [])), 0)
    return {"title": schema.get("title", schema_name), "rows": rows}


def field_reference_html(schemas: SchemaSet) -> str:
    """Tables of every field in the case and guide schemas and every vocabulary they use."""
    used: list[str] = []
    case = _schema_rows("case", schemas, used)
    guide = _schema_rows("guide", schemas, used)
    return render(
        "fieldref.html",
        case=case,
        guide=guide,
        body=schemas.raw["case"].get("x-body", {}),
        vocabularies=[
            {
                "name": name,
                "title": schemas.vocabularies[name].title,
                "description": schemas.vocabularies[name].description,
                "terms": schemas.vocabularies[name].terms,
            }
            for name in used
        ],
    )
