"""Read a Markdown file once, split its frontmatter and parse it with line marks.

The YAML is parsed from the event stream of PyYAML's safe parser (libyaml
when available) into plain Python values. Nothing a file says is executed:
custom tags are reported and their values kept as text, anchors and aliases
are reported and never expanded (an alias bomb cannot grow), duplicate keys
are reported at the second key. Timestamps are kept as strings so that the
schema decides what a date looks like.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from kunskapsbank.config import DEFAULT_MAX_BYTES
from kunskapsbank.content.yamltext import yaml_detail
from kunskapsbank.errors.catalogue import Problem, problem

Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 20

Path_ = tuple[str | int, ...]

STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
}

_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(slots=True)
class Document:
    path: Path
    rel: str
    text: str = ""
    data: dict[str, Any] | None = None
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # 1-based line number of the first body line
    last_line: int = 1
    body_known: bool = True  # False when the frontmatter never ends
    problems: list[Problem] = field(default_factory=list)
    org_names: list[Any] = field(default_factory=list)  # checks.orgnames.Mention, for all cases

    def mark(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest parent."""
        p = tuple(path)
        while p:
            if p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return self.marks.get((), (1, 1))

    def key_mark(self, path: Path_) -> tuple[int, int]:
        return self.key_marks.get(tuple(path)) or self.mark(path)


def field_name(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_document(
    path: Path, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES, root_type: type | None = None
) -> Document:
    """Read and parse one file. Never raises for content problems. With ``root_type``, a
    data file: all YAML (empty: an empty list or mapping), not frontmatter and text."""
    doc = Document(path=path, rel=rel)
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                doc.problems.append(problem("file-too-large", rel, size=size, limit=max_bytes))
                return doc
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        doc.problems.append(problem("file-unreadable", rel, reason=exc.strerror or str(exc)))
        return doc
    if len(raw) > max_bytes:  # grew between stat and read
        doc.problems.append(problem("file-too-large", rel, size=len(raw), limit=max_bytes))
        return doc
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        doc.problems.append(problem("file-encoding", rel, position=exc.start + 1, line_no=line))
        return doc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc.text = text
    doc.last_line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
    if root_type is not None:
        parse_yaml(doc, text, line_offset=0, root_type=root_type)
        return doc
    if not text or text.isspace():
        doc.problems.append(problem("file-empty", rel))
        return doc
    split_frontmatter(doc)
    return doc


def split_frontmatter(doc: Document) -> None:
    text = doc.text
    if not (text.startswith("---\n") or text.rstrip(" \t") == "---"):
        doc.problems.append(problem("frontmatter-missing", doc.rel))
        doc.body = text
        doc.body_line = 1
        return
    # The closing line is '---' (or '...'), maybe with trailing spaces or tabs.
    m = _CLOSING.search(text, 4)
    if m is None:
        doc.problems.append(problem("frontmatter-unclosed", doc.rel))
        doc.body_known = False
        return
    end = m.start()
    line_no = text.count("\n", 0, end) + 1
    fm = text[4:end]
    nl = text.find("\n", end)
    doc.body = "" if nl == -1 else text[nl + 1 :]
    doc.body_line = line_no + 1
    parse_yaml(doc, fm, line_offset=1)


_PLAIN_CACHE: dict[str, Any] = {}


def _plain_scalar(value: str) -> Any:
    """Resolve an untagged plain scalar the way YAML 1.1 would (cached: ids repeat a lot)."""
    cached = _PLAIN_CACHE.get(value, _MISSING)
    if cached is not _MISSING:
        return cached
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag in (_STR, _TIMESTAMP):
        result: Any = value
    else:
        try:
            result = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
        except Exception:
            result = value
    if len(value) <= 64 and len(_PLAIN_CACHE) < 50_000:
        _PLAIN_CACHE[value] = result
    return result


def _scalar_value(event: ScalarEvent) -> tuple[Any, str | None]:
    """Return the Python value of a scalar event and a non-standard tag, if any."""
    tag = event.tag
    if tag is None:
        if event.implicit[0]:
            return _plain_scalar(event.value), None
        return event.value, None
    if tag == "!":
        return event.value, None
    if tag not in STANDARD_TAGS:
        return event.value, tag
    if tag == _STR:
        return event.value, None
    node = yaml.ScalarNode(tag, event.value)
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node), None
    except Exception:  # a malformed explicit !!int and the like
        return event.value, None


def parse_yaml(doc: Document, source: str, *, line_offset: int, root_type: type = dict) -> None:
    """Parse ``source`` (the frontmatter, or a data file whose root is ``root_type``)
    into ``doc.data`` with marks.

    ``line_offset`` is the number of file lines before ``source``. Anchors,
    aliases and tags are reported with the field they belong to.
    """
    rel = doc.rel
    problems = doc.problems
    marks = doc.marks
    key_marks = doc.key_marks

    # Stack entries: [container, path, pending_key, key_mark]
    stack: list[list[Any]] = []
    root: Any = None
    root_seen = False
    first_line = line_offset + 1
    try:
        for event in yaml.parse(source, Loader=Parser):
            kind = type(event)
            if kind is ScalarEvent:  # the most frequent event: untagged ones inline
                if event.tag is None:  # as _scalar_value: quoted is text, plain is resolved
                    value = event.value
                    if event.implicit[0]:
                        value = _PLAIN_CACHE.get(value, _MISSING)
                        if value is _MISSING:
                            value = _plain_scalar(event.value)
                    bad_tag = None
                else:
                    value, bad_tag = _scalar_value(event)
                is_container = False
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                finished = stack.pop()
                if not stack:
                    root = finished[0]
                    root_seen = True
                continue
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                tag = event.tag
                bad_tag = tag if tag not in (None, "!") and tag not in STANDARD_TAGS else None
                value = {} if kind is MappingStartEvent else []
                is_container = True
            elif kind is AliasEvent:
                value, bad_tag, is_container = None, None, False
            else:
                if kind is DocumentStartEvent and root_seen:
                    line, col = _at(event.start_mark, line_offset)
                    problems.append(
                        problem(
                            "yaml-syntax",
                            rel,
                            line,
                            col,
                            detail="metadatan får bara innehålla ett dokument",
                        )
                    )
                    break
                continue
            mark = event.start_mark
            position = (mark.line + first_line, mark.column + 1)

            if not stack:
                path: Path_ = ()
            else:
                parent = stack[-1]
                container = parent[0]
                if type(container) is dict:
                    if parent[2] is _NO_KEY:
                        if is_container:
                            problems.append(
                                problem(
                                    "yaml-syntax",
                                    rel,
                                    *position,
                                    detail="ett fältnamn måste vara en enkel text",
                                )
                            )
                            raise _Abort
                        parent[2] = "" if value is None else str(value)
                        parent[3] = position
                        if event.anchor is not None or bad_tag is not None:
                            _report_node(problems, rel, event, position, bad_tag, parent[1])
                        continue
                    key = parent[2]
                    parent[2] = _NO_KEY
                    path = parent[1] + (key,)
                    if key in container:
                        first = key_marks.get(path, parent[3])
                        problems.append(
                            problem(
                                "yaml-duplicate-key",
                                rel,
                                *parent[3],
                                field_name(path),
                                key=key,
                                first_line=first[0],
                            )
                        )
                    else:
                        key_marks[path] = parent[3]
                    container[key] = value
                else:
                    path = parent[1] + (len(container),)
                    container.append(value)
            if path not in marks:
                marks[path] = position
            if event.anchor is not None or bad_tag is not None:  # else nothing to report
                _report_node(problems, rel, event, position, bad_tag, path)
            if is_container:
                if len(stack) >= MAX_DEPTH:
                    problems.append(
                        problem("yaml-too-deep", rel, *position, field_name(path), limit=MAX_DEPTH)
                    )
                    raise _Abort
                stack.append([value, path, _NO_KEY, position])
            elif not stack:
                root = value
                root_seen = True
    except _Abort:
        return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _at(mark, line_offset) if mark else (1 + line_offset, 1)
        problems.append(problem("yaml-syntax", rel, line, col, detail=yaml_detail(exc)))
        return
    except yaml.YAMLError as exc:
        problems.append(problem("yaml-syntax", rel, 1, 1, detail=str(exc).strip()))
        return
    marks.setdefault((), (1, 1))
    if root is None:
        doc.data = root_type()
        return
    if not isinstance(root, root_type):
        code = "frontmatter-not-mapping" if root_type is dict else "data-not-list"
        problems.append(problem(code, rel, 1 + line_offset, 1))
        return
    doc.data = root


def _at(mark: yaml.Mark, line_offset: int) -> tuple[int, int]:
    return mark.line + 1 + line_offset, mark.column + 1


def _report_node(
    problems: list[Problem],
    rel: str,
    event: Any,
    position: tuple[int, int],
    bad_tag: str | None,
    path: Path_,
) -> None:
    """Anchors, aliases and custom tags, reported with the field they sit on."""
    anchor = event.anchor
    if anchor is None and bad_tag is None:
        return
    field = field_name(path)
    if type(event) is AliasEvent:
        problems.append(problem("yaml-alias", rel, *position, field, name=anchor))
        return
    if anchor is not None:
        problems.append(problem("yaml-anchor", rel, *position, field, name=anchor))
    if bad_tag is not None:
        problems.append(problem("yaml-tag", rel, *position, field, tag=_short_tag(bad_tag)))


class _Abort(Exception):
    pass


class _NoKey:
    pass


_NO_KEY = _NoKey()
_MISSING = object()


def _short_tag(tag: str) -> str:
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:") :]
    return tag


def is_outside(path: Path, root: Path) -> bool:
    """True when ``path`` resolves (following symlinks) outside ``root``."""
    try:
        real = Path(os.path.realpath(path))
        real.relative_to(Path(os.path.realpath(root)))
        return False
    except ValueError:
        return True
