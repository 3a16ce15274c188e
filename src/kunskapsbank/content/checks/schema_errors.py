"""jsonschema's errors as problems: the right code, line, field and Swedish hint."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

from kunskapsbank.content.loader import Document, field_name
from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.errors.catalogue import Problem, problem
from kunskapsbank.urls import fold

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

TYPE_WORDS = {
    "string": "en text",
    "array": "en lista",
    "object": "fält med underfält",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "null": "ingenting",
}


def _python_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def map_error(doc: Document, schemas: SchemaSet, error: ValidationError) -> list[Problem]:
    """One jsonschema error as problems at the lines they concern, in Swedish."""
    rel = doc.rel
    path = tuple(error.absolute_path)
    fname = field_name(path)
    line, col = doc.mark(path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key in known:
                continue
            kl, kc = doc.key_mark(path + (key,))
            out.append(
                problem(
                    "unknown-key",
                    rel,
                    kl,
                    kc,
                    field_name(path + (key,)),
                    key=key,
                    **_suggest_key(key, schema.get("properties", {})),
                )
            )
        return out
    if kind == "required":
        missing = re.match(r"'(.*)' is a required property", error.message)
        key = missing.group(1) if missing else str(error.validator_value)
        prop = schema.get("properties", {}).get(key, {})
        description = prop.get("description", "")
        if path:
            line, col = doc.mark(path)
        else:
            line, col = 2, 1  # the first frontmatter line
        return [
            problem(
                "required",
                rel,
                line,
                col,
                field_name(path + (key,)),
                key=key,
                description=description,
            )
        ]
    if kind == "type":
        expected = schema.get("type")
        expected = expected[0] if isinstance(expected, list) else expected
        variant = (
            expected if expected in ("array", "string", "object", "integer", "boolean") else None
        )
        example = ""
        item_vocab = schema.get("items", {}).get("x-vocabulary")
        if expected == "array" and item_vocab and isinstance(value, str):
            close = schemas.vocabularies[item_vocab].suggest(value, limit=1)
            if close:
                variant, example = "array-example", close[0]
        return [
            problem(
                "type",
                rel,
                line,
                col,
                fname,
                expected=TYPE_WORDS.get(expected, str(expected)),
                actual=TYPE_WORDS[_python_type(value)],
                hint=variant,
                example=example,
            )
        ]
    if kind == "enum" and "x-vocabulary" in schema:
        vocab = schemas.vocabularies[schema["x-vocabulary"]]
        return [
            problem(
                "vocabulary",
                rel,
                line,
                col,
                fname,
                value=value,
                field_label=f"{vocab.title.lower()} ('{_leaf_key(path)}')",
                **_vocab_hint(vocab, value),
            )
        ]
    if kind == "enum":
        return [
            problem(
                "enum",
                rel,
                line,
                col,
                fname,
                value=value,
                allowed=", ".join(map(str, error.validator_value)),
            )
        ]
    if kind in ("minLength", "maxLength") and "x-code" in schema:
        return [problem(schema["x-code"], rel, line, col, fname, value=value)]
    if kind in ("minLength", "maxLength"):
        code = "too-short" if kind == "minLength" else "too-long"
        return [
            problem(code, rel, line, col, fname, length=len(value), limit=error.validator_value)
        ]
    if kind in ("minItems", "maxItems"):
        code = "too-few" if kind == "minItems" else "too-many"
        return [problem(code, rel, line, col, fname, count=len(value), limit=error.validator_value)]
    if kind == "uniqueItems":
        seen: set[str] = set()
        for i, item in enumerate(value):
            marker = repr(item)
            if marker in seen:
                line, col = doc.mark(path + (i,))
                break
            seen.add(marker)
        return [problem("not-unique", rel, line, col, fname)]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        high = schema.get("maximum", schema.get("exclusiveMaximum"))
        bounds = " till ".join(str(b) for b in (low, high) if b is not None)
        if high is None:
            bounds = f"minst {low}"
        return [problem("out-of-range", rel, line, col, fname, value=value, bounds=bounds)]
    if kind in ("pattern", "anyOf") and "x-code" in schema:
        return [problem(schema["x-code"], rel, line, col, fname, value=value)]
    return [problem("invalid", rel, line, col, fname, detail=_rule_words(kind, error))]


# -- named checks ------------------------------------------------------


def _leaf_key(path: tuple[Any, ...]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return ""


def _suggest_key(key: str, properties: dict[str, Any]) -> dict[str, str]:
    names = {fold(k): k for k in properties}
    for k, prop in properties.items():
        title = prop.get("title")
        if title:
            names.setdefault(fold(title), k)
    close = difflib.get_close_matches(
        fold(str(key)).replace("-", "_"), list(names), n=1, cutoff=0.6
    )
    if not close:
        close = difflib.get_close_matches(fold(str(key)), list(names), n=1, cutoff=0.6)
    if close:
        return {"hint": "close", "close": names[close[0]]}
    return {"hint": "list", "allowed": ", ".join(properties)}


def _vocab_hint(vocab: Any, value: Any) -> dict[str, str]:
    """The hint variant for a value outside a vocabulary, and its parameters."""
    close = vocab.suggest(str(value)) if isinstance(value, str) else []
    if close:
        options = " eller ".join(f"'{c}' ({vocab.label(c)})" for c in close)
        return {"hint": "close", "options": options}
    if len(vocab.ids) <= 12:
        return {"hint": "list", "allowed": ", ".join(vocab.ids)}
    return {"hint": "reference"}


RULE_WORDS = {
    "const": "värdet ska vara exakt {expected}",
    "pattern": "värdet har fel form",
    "format": "värdet har fel format",
    "anyOf": "värdet passar inte någon av de tillåtna formerna",
    "oneOf": "värdet ska passa precis en av de tillåtna formerna",
    "not": "värdet har en form som inte är tillåten",
    "minProperties": "för få underfält",
    "maxProperties": "för många underfält",
    "multipleOf": "talet ska vara en multipel av {expected}",
    "dependentRequired": "ett fält som hör ihop med ett annat saknas",
}


def _rule_words(kind: str, error: ValidationError) -> str:
    """The rule an unusual schema error broke, in Swedish (never jsonschema's English)."""
    template = RULE_WORDS.get(kind, "regeln '{kind}' i schemat")
    return template.format(expected=error.validator_value, kind=kind)
