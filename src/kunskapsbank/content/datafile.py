"""The data files beside the content (``data/*.yaml``): one loader for all of them.

A data file is described once by a :class:`DataFile`: where it is, the schema it follows,
the problem codes for a missing required field that deserve their own explanation, the
named checks each entry gets, and how an entry becomes an object. :func:`load_data_file`
does the steps every data file shares, in this order:

1. read the file as :func:`loader.read_document` reads a case (size, encoding, BOM, CRLF),
   never through a symbolic link that leads out of the project;
2. parse it with line marks (no anchors, aliases or custom tags);
3. check it against its schema, with the vocabularies injected, and explain each schema
   error at its line as for a case;
4. run the named checks on each entry;
5. make an object of each entry that has no problem.

A project without the file has no entries and no problems.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import jsonschema_rs
import yaml

from kunskapsbank.config import Layout
from kunskapsbank.content.checks.schema_errors import map_error
from kunskapsbank.content.loader import Document, Path_, field_name, is_outside, read_document
from kunskapsbank.content.schemas import SchemaSet, check_codes, inject_vocabularies
from kunskapsbank.errors.catalogue import ConfigError, Problem, problem

T = TypeVar("T")


@dataclass(slots=True)
class Entry:
    """One entry of a data file, as a named check or an object factory sees it."""

    doc: Document
    where: Path_  # the entry's path from the file's root: (3,) or ("terms", 3)
    data: dict[str, Any]
    context: Any  # what the caller handed to load_data_file (a date, the validator ...)
    shared: dict[str, Any]  # what the checks keep from one entry to the next (first ids ...)
    problems: int = 0  # problems this entry has so far

    @property
    def index(self) -> int:
        return int(self.where[-1])

    @property
    def line(self) -> int:
        return self.doc.mark(self.where)[0]

    def mark(self, *keys: str | int) -> tuple[int, int]:
        return self.doc.mark((*self.where, *keys))

    def add(
        self,
        code: str,
        *keys: str | int,
        field: tuple[str | int, ...] | None = None,
        hint: str | None = None,
        **params: Any,
    ) -> None:
        """A problem at the value ``keys`` of this entry (``field``: another field name)."""
        line, col = self.mark(*keys)
        name = field_name((*self.where, *(keys if field is None else field)))
        self.doc.problems.append(problem(code, self.doc.rel, line, col, name, hint=hint, **params))
        self.problems += 1


Check = Callable[[Entry], None]


@dataclass(frozen=True, slots=True)
class DataFile(Generic[T]):
    """What one data file is: the facts :func:`load_data_file` needs, and nothing else."""

    rel: str  # path from the project root, with forward slashes: "data/networks.yaml"
    schema: str  # file name in schemas/: "network.schema.yaml"
    root: type = list  # the file is a list of entries, or a mapping (``entries`` says where)
    entries: tuple[str, ...] = ()  # the key path from the root to the list of entries
    schema_per_entry: bool = False  # True: the schema describes one entry, not the file
    strict: bool = False  # True: no named checks or objects for a file with any problem
    missing: Mapping[str, str] = field(default_factory=dict)  # required key -> own code
    label: Callable[[Entry], str] = lambda e: str(e.index + 1)  # names an entry in messages
    checks: tuple[Check, ...] = ()
    make: Callable[[Entry], T] | None = None  # None: the checks collect what they need

    def path(self, layout: Layout) -> Path:
        return layout.root / self.rel


@dataclass(slots=True)
class Loaded(Generic[T]):
    """The outcome of loading a data file: its objects and every problem, sorted."""

    exists: bool = False
    doc: Document | None = None
    objects: list[T] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_data_file(
    spec: DataFile[T],
    layout: Layout,
    schemas: SchemaSet,
    context: Any = None,
    **params: Any,
) -> Loaded[T]:
    """Read, parse and check the data file ``spec``. ``context`` reaches the checks and
    the factory; ``params`` fill in the messages of the ``missing`` codes."""
    path = spec.path(layout)
    if not path.is_file() and not path.is_symlink():
        return Loaded()
    doc = read_data(spec, layout, path)
    out: Loaded[T] = Loaded(exists=True, doc=doc)
    if doc.data is not None and not (spec.strict and doc.problems):
        parsed = len(doc.problems)  # an entry's YAML problems do not keep it out
        _check_schema(spec, doc, schemas, params)
        if not (spec.strict and doc.problems):
            out.objects = _check_entries(spec, doc, context, parsed)
    out.problems = sorted(doc.problems, key=Problem.sort_key)
    return out


def read_data(spec: DataFile[Any], layout: Layout, path: Path) -> Document:
    """The file read and parsed with line marks; ``data`` is None when it cannot be used."""
    if path.is_symlink() and is_outside(path, layout.root):
        return Document(path=path, rel=spec.rel, problems=[problem("file-symlink", spec.rel)])
    return read_document(
        path, spec.rel, max_bytes=layout.settings.max_file_bytes, root_type=spec.root
    )


def load_schema(schemas: SchemaSet, name: str) -> dict[str, Any]:
    """The schema file ``name`` (in schemas/) with the vocabularies' ids injected."""
    stem = name.removesuffix(".schema.yaml")
    if stem in schemas.resolved:
        return schemas.resolved[stem]
    path = schemas.root / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError("schema-unreadable", path=path, reason=exc) from exc
    if not isinstance(data, dict):
        raise ConfigError("schema-not-mapping", path=path)
    check_codes(data, path)
    resolved = inject_vocabularies(copy.deepcopy(data), schemas.vocabularies, str(path))
    try:
        jsonschema_rs.meta.validate(resolved)
    except Exception as exc:  # jsonschema_rs.ValidationError, as in load_schemas
        raise ConfigError("schema-invalid", path=path, detail=exc) from exc
    return resolved


def _entries(spec: DataFile[Any], doc: Document) -> list[Any]:
    node: Any = doc.data
    for key in spec.entries:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def _check_schema(
    spec: DataFile[Any], doc: Document, schemas: SchemaSet, params: dict[str, Any]
) -> None:
    schema = load_schema(schemas, spec.schema)
    stem = spec.schema.removesuffix(".schema.yaml")
    if spec.schema_per_entry:
        items = [
            (spec.entries + (i,), e)
            for i, e in enumerate(_entries(spec, doc))
            if isinstance(e, dict)  # other entries are reported by _check_entries
        ]
    else:
        items = [((), doc.data)]
    fast = None if stem in schemas.fast else jsonschema_rs.validator_for(schema)
    validator = None
    for where, instance in items:
        # Only an invalid part pays for jsonschema's full error list (as for cases).
        if _valid(schemas, stem, fast, instance):
            continue
        if validator is None:
            from jsonschema import Draft202012Validator

            own = stem in schemas.resolved  # a schema of the set knows the others' $ids
            validator = schemas.validators[stem] if own else Draft202012Validator(schema)
        for error in validator.iter_errors(instance):
            error.path.extendleft(reversed(where))  # map_error reads the path from the root
            for p in map_error(doc, schemas, error):
                doc.problems.append(_own_code(spec, doc, p, params))


def _valid(schemas: SchemaSet, stem: str, fast: Any, instance: Any) -> bool:
    if fast is None:
        return schemas.fast_is_valid(stem, instance)
    try:
        return bool(fast.is_valid(instance))
    except Exception:  # values JSON cannot hold: let jsonschema explain
        return False


def _own_code(spec: DataFile[Any], doc: Document, p: Problem, params: dict[str, Any]) -> Problem:
    """A missing required field with its own code, at the line where its entry begins."""
    key = p.field.rsplit(".", 1)[-1]
    index = _entry_index(spec, p.field)
    if p.code != "required" or key not in spec.missing or index is None:
        return p
    where = (*spec.entries, index)
    data = _entries(spec, doc)[index]
    entry = Entry(doc, where, data if isinstance(data, dict) else {}, None, {})
    line, col = doc.mark(where)
    name = spec.label(entry)
    return problem(spec.missing[key], doc.rel, line, col, p.field, entry=name, **params)


def _entry_index(spec: DataFile[Any], name: str) -> int | None:
    """The index of the entry that the field ``name`` ("[3].url", "terms[3]") is in."""
    prefix = field_name(spec.entries)
    m = re.match(re.escape(prefix) + r"\[(\d+)\]", name)
    return int(m[1]) if m else None


def _check_entries(spec: DataFile[T], doc: Document, context: Any, parsed: int) -> list[T]:
    shared: dict[str, Any] = {}
    objects: list[T] = []
    found = Counter(_entry_index(spec, p.field) for p in doc.problems[parsed:])
    for i, data in enumerate(_entries(spec, doc)):
        where = (*spec.entries, i)
        if not isinstance(data, dict):
            if spec.schema_per_entry:
                line, col = doc.mark(where)
                doc.problems.append(problem("data-not-list", doc.rel, line, col, field_name(where)))
            continue
        entry = Entry(doc, where, data, context, shared, found[i])
        for check in spec.checks:
            check(entry)
        if spec.make is not None and entry.problems == 0:
            objects.append(spec.make(entry))
    return objects


def duplicate(
    code: str,
    key: str,
    normal: Callable[[Any], Any] = lambda v: v,
    field: tuple[str | int, ...] | None = None,
) -> Check:
    """A check: the value of ``key`` is not the same (after ``normal``) as in an earlier
    entry. The problem, at the value (named ``field`` if given), has the ``value`` and
    the first entry's line (``first_line``)."""

    def check(entry: Entry) -> None:
        value = entry.data.get(key)
        if not isinstance(value, str):
            return
        first: dict[Any, int] = entry.shared.setdefault(f"duplicate:{key}", {})
        seen = normal(value)
        if seen in first:
            entry.add(code, key, field=field, value=value, first_line=first[seen])
        else:
            first[seen] = entry.mark(key)[0]

    return check
