"""Schemas and vocabularies: the single source of fields and allowed values.

Schemas are JSON Schema 2020-12 written as YAML. A property with
``x-vocabulary: NAME`` takes its allowed ids from ``vocabularies/NAME.yaml``;
the ids are injected as ``enum`` when the schema is loaded, so an editor adds a
value in one place only.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs
import yaml

from kunskapsbank.errors.catalogue import CATALOGUE, ConfigError
from kunskapsbank.urls import fold

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_NAMES = ("case", "guide", "organisation")
OPTIONAL = ":all-optional"  # key suffix in SchemaSet.fast


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    label: str
    label_en: str | None = None
    description: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Vocabulary:
    name: str
    title: str
    description: str
    terms: list[Term]
    by_id: dict[str, Term] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {t.id: t for t in self.terms}

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.terms]

    def label(self, term_id: str) -> str:
        term = self.by_id.get(term_id)
        return term.label if term else term_id

    def suggest(self, value: str, limit: int = 3) -> list[str]:
        """Closest ids to ``value``, comparing against ids and Swedish labels."""
        key = fold(str(value))
        candidates: dict[str, str] = {}
        for t in self.terms:
            for text in (t.id, t.label, t.label_en or ""):
                if text:
                    candidates.setdefault(fold(text), t.id)
                    # 'Skåne län' should match 'Skåne' too.
                    for word in fold(text).split():
                        if len(word) > 3:
                            candidates.setdefault(word, t.id)
        if key in candidates:
            return [candidates[key]]
        hits = difflib.get_close_matches(key, list(candidates), n=limit * 2, cutoff=0.6)
        out: list[str] = []
        for h in hits:
            if candidates[h] not in out:
                out.append(candidates[h])
        return out[:limit]


@dataclass(slots=True)
class SchemaSet:
    root: Path
    vocabularies: dict[str, Vocabulary]
    raw: dict[str, dict[str, Any]]  # as written, with x-vocabulary
    resolved: dict[str, dict[str, Any]]  # with enum injected
    fast: dict[str, Any] = field(default_factory=dict)
    _validators: dict[str, Draft202012Validator] | None = field(default=None, repr=False)

    @property
    def validators(self) -> dict[str, Draft202012Validator]:
        """jsonschema's validators, for their line-mapped error lists. Built on first use:
        only an invalid document needs them, so a clean run never imports jsonschema."""
        if self._validators is None:
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012

            registry: Registry = Registry().with_resources(
                (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012))
                for s in self.resolved.values()
            )
            self._validators = {
                name: Draft202012Validator(schema, registry=registry)
                for name, schema in self.resolved.items()
            }
        return self._validators

    def fast_is_valid(self, name: str, instance: Any, *, all_optional: bool = False) -> bool:
        """True when the document is certainly valid; False means "look closer". With
        ``all_optional``, valid but for the root's ``required`` (docs/index.md)."""
        validator = self.fast.get(name + OPTIONAL if all_optional else name)
        if validator is None:
            return False
        try:
            return bool(validator.is_valid(instance))
        except Exception:  # values JSON cannot hold: let jsonschema explain
            return False

    def resolve(self, name: str, node: dict[str, Any]) -> dict[str, Any]:
        """``node`` of schema ``name`` with its ``$ref`` followed, in the same schema
        (``#/$defs/x``) or in another of the set (``case.schema.json#/$defs/x``);
        the node's own keys win over the target's."""
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return node
        document, _, pointer = ref.partition("#")
        owner = name
        if document:
            owner = next(n for n, s in self.resolved.items() if s["$id"].endswith("/" + document))
        target: Any = self.resolved[owner]
        for part in pointer.strip("/").split("/"):
            if part:
                target = target[part]
        own = {k: v for k, v in node.items() if k != "$ref"}
        return {**self.resolve(owner, target), **own}

    def properties(self, name: str) -> dict[str, Any]:
        return self.resolved[name]["properties"]

    def vocabulary_for(self, schema_name: str, key: str) -> Vocabulary | None:
        prop = self.properties(schema_name).get(key, {})
        vocab = prop.get("x-vocabulary") or prop.get("items", {}).get("x-vocabulary")
        return self.vocabularies.get(vocab) if vocab else None

    def label(self, vocab: str, term_id: str) -> str:
        return self.vocabularies[vocab].label(term_id)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError("schema-unreadable", path=path, reason=exc) from exc


def load_vocabularies(directory: Path) -> dict[str, Vocabulary]:
    vocabularies: dict[str, Vocabulary] = {}
    if not directory.is_dir():
        raise ConfigError("vocabularies-missing", path=directory)
    for path in sorted(directory.glob("*.yaml")):
        data = _read_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise ConfigError("vocabulary-form", path=path)
        terms = []
        for entry in data["entries"]:
            if not isinstance(entry, dict) or "id" not in entry or "label" not in entry:
                raise ConfigError("vocabulary-entry", path=path)
            known = {"id", "label", "label_en", "description"}
            terms.append(
                Term(
                    id=str(entry["id"]),
                    label=str(entry["label"]),
                    label_en=entry.get("label_en"),
                    description=entry.get("description"),
                    extra={k: v for k, v in entry.items() if k not in known},
                )
            )
        ids = [t.id for t in terms]
        if len(ids) != len(set(ids)):
            twice = next(i for i in ids if ids.count(i) > 1)
            raise ConfigError("vocabulary-duplicate", path=path, value=twice)
        vocabularies[path.stem] = Vocabulary(
            path.stem, str(data.get("title", path.stem)), str(data.get("description", "")), terms
        )
    return vocabularies


def inject_vocabularies(node: Any, vocabularies: dict[str, Vocabulary], where: str) -> Any:
    if isinstance(node, dict):
        out = {k: inject_vocabularies(v, vocabularies, where) for k, v in node.items()}
        name = node.get("x-vocabulary")
        if name is not None:
            if name not in vocabularies:
                raise ConfigError("vocabulary-unknown", path=where, name=name)
            out["enum"] = vocabularies[name].ids
        return out
    if isinstance(node, list):
        return [inject_vocabularies(v, vocabularies, where) for v in node]
    return node


def check_codes(node: Any, path: Path) -> None:
    """Every ``x-code`` a schema names must be in the problem catalogue."""
    if isinstance(node, dict):
        code = node.get("x-code")
        if code is not None and code not in CATALOGUE:
            raise ConfigError("schema-unknown-code", path=path, value=code)
        for value in node.values():
            check_codes(value, path)
    elif isinstance(node, list):
        for value in node:
            check_codes(value, path)


def load_schemas(schema_dir: Path) -> SchemaSet:
    vocabularies = load_vocabularies(schema_dir / "vocabularies")
    raw: dict[str, dict[str, Any]] = {}
    resolved: dict[str, dict[str, Any]] = {}
    for name in SCHEMA_NAMES:
        path = schema_dir / f"{name}.schema.yaml"
        if not path.is_file():
            raise ConfigError("schema-missing", path=path)
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise ConfigError("schema-not-mapping", path=path)
        check_codes(data, path)
        raw[name] = data
        resolved[name] = inject_vocabularies(copy.deepcopy(data), vocabularies, str(path))
    for name, schema in resolved.items():
        try:
            jsonschema_rs.meta.validate(schema)
        except Exception as exc:  # jsonschema_rs.ValidationError, ReferencingError
            raise ConfigError(
                "schema-invalid", path=f"schemas/{name}.schema.yaml", detail=exc
            ) from exc
    fast_registry = jsonschema_rs.Registry([(s["$id"], s) for s in resolved.values()])
    fast = {
        name: jsonschema_rs.validator_for(schema, registry=fast_registry)
        for name, schema in resolved.items()
    }
    # Every key optional: without the root's 'required' (its other constraints stay), so that
    # a valid docs/index.md never needs jsonschema's error list (or its import).
    for name, schema in resolved.items():
        optional = {k: v for k, v in schema.items() if k != "required"}
        fast[name + OPTIONAL] = jsonschema_rs.validator_for(optional, registry=fast_registry)
    return SchemaSet(schema_dir, vocabularies, raw, resolved, fast)
