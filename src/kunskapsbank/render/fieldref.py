"""The field reference for contributors, generated from the schema and vocabulary files."""

from __future__ import annotations

from typing import Any

from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.render.format import esc

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


def _rows(schema_name: str, schemas: SchemaSet) -> tuple[str, list[str]]:
    schema = schemas.resolved[schema_name]
    required = set(schema.get("required", []))
    rows = []
    vocab_names: list[str] = []

    def add(prefix: str, props: dict[str, Any], req: set[str], depth: int) -> None:
        for key, node in props.items():
            node = schemas.resolve(schema_name, node)
            name = f"{prefix}{key}"
            must = "Ja" if key in req else "Nej"
            vocab = _vocab_of(node)
            values = ""
            if vocab:
                if vocab not in vocab_names:
                    vocab_names.append(vocab)
                values = f' Se <a href="#ordlista-{esc(vocab)}">{esc(schemas.vocabularies[vocab].title)}</a>.'
            rule = _rule(node)
            desc = esc(node.get("description", "")) + (f" ({esc(rule)})" if rule else "") + values
            indent = ' class="kb-subfield"' if depth else ""
            rows.append(
                f'<tr{indent}><th scope="row"><code>{esc(name)}</code></th>'
                f"<td>{esc(node.get('title', ''))}</td><td>{esc(_kind(schema_name, node, schemas))}</td>"
                f"<td>{must}</td><td>{desc}</td></tr>"
            )
            sub = node.get("properties") or node.get("items", {}).get("properties")
            if sub:
                inner_req = set(node.get("required") or node.get("items", {}).get("required") or [])
                add(f"{name}.", sub, inner_req, depth + 1)

    add("", schema["properties"], required, 0)
    table = (
        '<table class="kb-fieldref"><caption>'
        f"Fält för {esc(schema.get('title', schema_name)).lower()}</caption>"
        '<thead><tr><th scope="col">Fält</th><th scope="col">Namn</th>'
        '<th scope="col">Sorts värde</th><th scope="col">Krävs</th>'
        '<th scope="col">Beskrivning</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
    )
    return table, vocab_names


def field_reference_html(schemas: SchemaSet) -> str:
    """Tables of every field in the case and guide schemas and every vocabulary they use."""
    case_table, case_vocabs = _rows("case", schemas)
    body = schemas.raw["case"].get("x-body", {})
    sections = ", ".join(f"<code>## {esc(s)}</code>" for s in body.get("sections", []))
    html_tags = ", ".join(f"<code>&lt;{esc(t)}&gt;</code>" for t in body.get("allowed_html", []))
    schemes = ", ".join(f"<code>{esc(s)}:</code>" for s in body.get("link_schemes", []))
    parts = [
        "<p>Tabellerna nedan skapas automatiskt från schemafilerna i mappen "
        "<code>schemas/</code>. De visar alltid det som kontrollen faktiskt kräver.</p>",
        '<h3 id="falt-for-fall">Fält i ett fall</h3>',
        '<div class="kb-table-wrap">' + case_table + "</div>",
        '<h3 id="text-i-fall">Regler för texten i ett fall</h3>',
        f"<ul><li>Rubriker på nivå 2 som måste finnas, i den här ordningen: {sections}.</li>"
        "<li>Ingen rubrik på nivå 1.</li>"
        f"<li>HTML som är tillåten, utan attribut: {html_tags}.</li>"
        f"<li>Länkar får börja med {schemes} eller vara en relativ sökväg till en fil i projektet. "
        "Bilder måste vara filer i <code>cases/assets/</code>: webbplatsen hämtar aldrig något "
        "från andra webbplatser.</li></ul>",
    ]
    guide_table, guide_vocabs = _rows("guide", schemas)
    parts += [
        '<h3 id="falt-for-vagledning">Fält på en vägledningssida</h3>',
        '<div class="kb-table-wrap">' + guide_table + "</div>",
        '<h3 id="ordlistor">Tillåtna värden</h3>',
    ]
    for name in dict.fromkeys(case_vocabs + guide_vocabs):
        vocab = schemas.vocabularies[name]
        items = "".join(
            f'<tr><th scope="row"><code>{esc(t.id)}</code></th><td>{esc(t.label)}</td>'
            f"<td>{esc(t.description or '')}</td></tr>"
            for t in vocab.terms
        )
        parts.append(
            f'<h4 id="ordlista-{esc(name)}">{esc(vocab.title)}</h4>'
            + (f"<p>{esc(vocab.description)}</p>" if vocab.description else "")
            + '<div class="kb-table-wrap"><table><thead><tr><th scope="col">Värde</th>'
            '<th scope="col">Betyder</th><th scope="col">Förklaring</th></tr></thead>'
            f"<tbody>{items}</tbody></table></div>"
        )
    return "".join(parts)
