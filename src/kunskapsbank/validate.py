"""Validation: JSON Schema plus named checks, every problem at its line.

``validate_project`` reads each file once and returns the parsed documents with
their problems, so that a build can go on to render the very same objects.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote

from . import body as body_scan
from . import urlpolicy
from .assets import check_assets, check_docs_files, check_symlinks
from .loader import Document, field_name, is_outside, read_document
from .model import CASE_URL, FACETS, RESERVED_SLUGS
from .problems import Problem, problem
from .project import Layout
from .safetext import forbidden_control
from .schemas import SchemaSet, fold, load_schemas

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A value that 'kunskapsbank new-case' leaves for the contributor: "<<Skriv titel>>".
PLACEHOLDER = re.compile(r"<<.+>>")
OWNER_ROLES = ("upphandlande", "projektagare")
INDEX_PAGE = "index"  # docs/index.md: every key optional

TYPE_WORDS = {
    "string": "en text",
    "array": "en lista",
    "object": "fält med underfält",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "null": "ingenting",
}
TYPE_ADVICE = {
    "array": "Skriv varje värde på en egen rad som börjar med '- ', eller inom hakparenteser: "
    "[värde1, värde2].",
    "string": 'Sätt värdet inom citattecken, till exempel "2024-09".',
    "object": "Skriv underfälten på egna rader med indrag, till exempel '  start: \"2024-09\"'.",
    "integer": "Skriv bara siffror, utan mellanslag, punkt eller 'kr'.",
    "boolean": "Skriv true eller false.",
}


def today() -> dt.date:
    """The date rules compare with. ``KUNSKAPSBANK_TODAY`` overrides it in tests."""
    override = os.environ.get("KUNSKAPSBANK_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


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


@dataclass(slots=True)
class Index:
    """What exists in the project, for cross-file checks."""

    case_slugs: set[str]
    guide_keys: set[str]


@dataclass(slots=True)
class Result:
    layout: Layout
    schemas: SchemaSet
    cases: list[Document] = field(default_factory=list)
    guides: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class Validator:
    def __init__(self, layout: Layout, schemas: SchemaSet, *, on: dt.date | None = None):
        self.layout = layout
        self.schemas = schemas
        self.today = on or today()
        body_rules = schemas.raw["case"].get("x-body", {})
        self.sections: list[str] = list(body_rules.get("sections", []))
        self.allowed_html: set[str] = set(body_rules.get("allowed_html", []))
        self.link_schemes: set[str] = set(body_rules.get("link_schemes", ["https", "mailto"]))
        self.image_schemes: set[str] = set(body_rules.get("image_schemes", []))
        self.index = Index(
            {p.stem for p in layout.case_files()},
            {layout.guide_key(p) for p in layout.guide_files()},
        )
        from .render import BodyRenderer

        self.urls = BodyRenderer(layout, self.index.guide_keys)
        self._facets: dict[str, set[str]] | None = None

    # -- entry points -----------------------------------------------------

    def check_case(self, path: Path) -> Document:
        rel = self.layout.rel(path)
        doc = self._read(path, rel)
        if doc is None:
            return Document(path=path, rel=rel, problems=[problem("file-symlink", rel)])
        slug = path.stem
        if not (SLUG.match(slug) and 3 <= len(slug) <= 80) or slug in RESERVED_SLUGS:
            doc.problems.append(
                problem("file-name", rel, name=path.name, suggestion=suggest_slug(slug))
            )
        if doc.data is not None:
            self._control_characters(doc)
            self._schema(doc, "case")
            self._case_rules(doc, slug)
            self._refs(doc, own_case=slug, own_guide=None)
        if doc.text and doc.body_known:
            self._case_body(doc)
        self._placeholders(doc)
        return doc

    def check_guide(self, path: Path) -> Document:
        rel = self.layout.rel(path)
        doc = self._read(path, rel)
        if doc is None:
            return Document(path=path, rel=rel, problems=[problem("file-symlink", rel)])
        key = self.layout.guide_key(path)
        if doc.data is not None:
            self._control_characters(doc)
            self._schema(doc, "guide", all_optional=(key == INDEX_PAGE))
            self._review_dates(doc, require_order=False)
            self._refs(doc, own_case=None, own_guide=key)
        if doc.text:
            scan = body_scan.scan(doc.body, doc.body_line)
            self._guide_html(doc, scan)
            scan.links = sorted(scan.links + scan.html_links, key=lambda k: (k.line, k.column))
            self._links(doc, scan, check_files=False)
        self._placeholders(doc)
        return doc

    def _read(self, path: Path, rel: str) -> Document | None:
        if path.is_symlink():
            return None  # never followed, wherever it points
        return read_document(path, rel, max_bytes=self.layout.settings.max_file_bytes)

    # -- schema -----------------------------------------------------------

    def _schema(self, doc: Document, name: str, *, all_optional: bool = False) -> None:
        assert doc.data is not None
        # Fast path: the compiled (Rust) validator answers "valid?" in microseconds.
        # Only an invalid document pays for jsonschema's full, line-mapped error list.
        if self.schemas.fast_is_valid(name, doc.data):
            return
        validator = self.schemas.validators[name]
        for error in validator.iter_errors(doc.data):
            if all_optional and error.validator == "required" and not error.absolute_path:
                continue
            doc.problems.extend(self._map_error(doc, name, error))

    def _map_error(self, doc: Document, schema_name: str, error: ValidationError) -> list[Problem]:
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
                        suggestion=_suggest_key(key, schema.get("properties", {})),
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
            advice = TYPE_ADVICE.get(expected, "")
            item_vocab = schema.get("items", {}).get("x-vocabulary")
            if expected == "array" and item_vocab and isinstance(value, str):
                vocab = self.schemas.vocabularies[item_vocab]
                close = vocab.suggest(value, limit=1)
                if close:
                    advice = f"Skriv till exempel: [{close[0]}]. " + advice
            return [
                problem(
                    "type",
                    rel,
                    line,
                    col,
                    fname,
                    expected=TYPE_WORDS.get(expected, str(expected)),
                    actual=TYPE_WORDS[_python_type(value)],
                    advice=advice,
                )
            ]
        if kind == "enum" and "x-vocabulary" in schema:
            vocab = self.schemas.vocabularies[schema["x-vocabulary"]]
            return [
                problem(
                    "vocabulary",
                    rel,
                    line,
                    col,
                    fname,
                    value=value,
                    field_label=f"{vocab.title.lower()} ('{_leaf_key(path)}')",
                    suggestion=_vocab_hint(vocab, value),
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
            return [
                problem(code, rel, line, col, fname, count=len(value), limit=error.validator_value)
            ]
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
        if kind == "pattern" and "x-code" in schema:
            return [problem(schema["x-code"], rel, line, col, fname, value=value)]
        return [problem("invalid", rel, line, col, fname, detail=error.message)]

    # -- named checks ------------------------------------------------------

    def _case_rules(self, doc: Document, slug: str) -> None:
        data = doc.data or {}
        rel = doc.rel
        period = data.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if _is_month(start) and _is_month(end) and end < start:
                line, col = doc.mark(("period", "end"))
                doc.problems.append(
                    problem("period-order", rel, line, col, "period.end", start=start, end=end)
                )
            status = data.get("status")
            if status in ("avslutad", "avbruten") and "end" not in period:
                line, col = doc.mark(("period",))
                doc.problems.append(
                    problem("period-end-required", rel, line, col, "period.end", status=status)
                )
        self._review_dates(doc, require_order=True)
        orgs = data.get("organisations")
        if isinstance(orgs, list) and orgs:
            roles = {o.get("role") for o in orgs if isinstance(o, dict)}
            if not roles & set(OWNER_ROLES) and not any(map(is_placeholder, roles)):
                line, col = doc.mark(("organisations",))
                doc.problems.append(problem("owner-organisation", rel, line, col, "organisations"))

    def _review_dates(self, doc: Document, *, require_order: bool) -> None:
        data = doc.data or {}
        reviewed = _date(data.get("last_reviewed"))
        published = _date(data.get("published"))
        if reviewed and reviewed > self.today:
            line, col = doc.mark(("last_reviewed",))
            doc.problems.append(
                problem(
                    "date-in-future",
                    doc.rel,
                    line,
                    col,
                    "last_reviewed",
                    value=reviewed.isoformat(),
                    today=self.today.isoformat(),
                )
            )
        if require_order and reviewed and published and reviewed < published:
            line, col = doc.mark(("last_reviewed",))
            doc.problems.append(
                problem(
                    "review-before-published",
                    doc.rel,
                    line,
                    col,
                    "last_reviewed",
                    reviewed=reviewed.isoformat(),
                    published=published.isoformat(),
                )
            )

    def _refs(self, doc: Document, *, own_case: str | None, own_guide: str | None) -> None:
        data = doc.data or {}
        checks = (
            ("related_cases", self.index.case_slugs, own_case, "Fallet", "cases/{}.md"),
            (
                "related_guidance",
                self.index.guide_keys,
                own_guide,
                "Vägledningssidan",
                "docs/{}.md",
            ),
        )
        for key, existing, own, kind, where in checks:
            values = data.get(key)
            if not isinstance(values, list):
                continue
            for i, value in enumerate(values):
                if not isinstance(value, str):
                    continue
                line, col = doc.mark((key, i))
                fname = field_name((key, i))
                if value == own:
                    doc.problems.append(
                        problem("reference-self", doc.rel, line, col, fname, value=value)
                    )
                elif value not in existing:
                    close = difflib.get_close_matches(value, sorted(existing), n=1, cutoff=0.8)
                    suggestion = (
                        f"Menade du '{close[0]}'?"
                        if close
                        else f"Kontrollera stavningen. Filen ska finnas som {where.format(value)}."
                    )
                    doc.problems.append(
                        problem(
                            "reference-missing",
                            doc.rel,
                            line,
                            col,
                            fname,
                            kind=kind,
                            value=value,
                            suggestion=suggestion,
                        )
                    )

    def _control_characters(self, doc: Document) -> None:
        """No frontmatter string (key or value) may hold a control character but tab and newline."""
        for path, value in _strings_and_keys(doc.data, ()):
            found = forbidden_control(value)
            if found is None:
                continue
            position, char = found
            line, col = doc.key_mark(path) if path and path[-1] == value else doc.mark(path)
            doc.problems.append(
                problem(
                    "string-control",
                    doc.rel,
                    line,
                    col,
                    field_name(path),
                    char=char,
                    position=position,
                )
            )

    def _placeholders(self, doc: Document) -> None:
        """One problem per placeholder; it replaces the other problems for the same value."""
        if "<<" not in doc.text:
            return  # no placeholder anywhere: skip the walk (the common case)
        found: list[Problem] = []
        fields: set[str] = set()
        for path, value in _strings(doc.data, ()):
            if is_placeholder(value):
                fname = field_name(path)
                line, col = doc.mark(path)
                fields.add(fname)
                found.append(
                    problem(
                        "placeholder",
                        doc.rel,
                        line,
                        col,
                        fname,
                        what=f"Fältet '{fname}'",
                        value=value.strip(),
                        advice="Kommentaren ovanför fältet (rader som börjar med #) säger vad "
                        "som ska stå där.",
                    )
                )
        lines: set[int] = set()
        section: str | None = None
        fence: str | None = None
        for index, raw in enumerate(doc.body.split("\n") if doc.text else []):
            line_no = doc.body_line + index
            text = raw.strip()
            if fence is not None:
                fence = None if text.startswith(fence) else fence
                continue
            if text.startswith(("```", "~~~")):
                fence = text[:3]
                continue
            if text.startswith("## "):
                section = text[3:].strip()
            if is_placeholder(text):
                lines.add(line_no)
                found.append(
                    problem(
                        "placeholder",
                        doc.rel,
                        line_no,
                        raw.index("<<") + 1,
                        what=f"Avsnittet '{section}'" if section else "Stycket",
                        value=text,
                        advice="Skriv texten med egna ord.",
                    )
                )
        if not found:
            return
        doc.problems = [
            p
            for p in doc.problems
            if p.field not in fields
            and not (not p.field and p.line in lines and p.line >= doc.body_line)
        ] + found

    def _case_body(self, doc: Document) -> None:
        scan = body_scan.scan(doc.body, doc.body_line)
        rel = doc.rel
        order = ", ".join(f"'{s}'" for s in self.sections)
        for h in scan.headings:
            if h.level == 1:
                doc.problems.append(problem("body-h1", rel, h.line, h.column, text=h.text))
        found: dict[str, int] = {}
        for h in scan.headings:
            if h.level == 2 and h.text in self.sections and h.text not in found:
                found[h.text] = h.line
        previous: str | None = None
        for name in self.sections:
            if name not in found:
                doc.problems.append(
                    problem(
                        "body-section-missing", rel, doc.last_line, 1, section=name, order=order
                    )
                )
                continue
            if previous is not None and found[name] < found[previous]:
                doc.problems.append(
                    problem(
                        "body-section-order",
                        rel,
                        found[name],
                        1,
                        section=name,
                        previous=previous,
                        order=order,
                    )
                )
            previous = name
        allowed = ", ".join(f"<{t}>" for t in sorted(self.allowed_html))
        for tag in scan.tags:
            if tag.name not in self.allowed_html:
                if not tag.closing:
                    doc.problems.append(
                        problem(
                            "html-not-allowed",
                            rel,
                            tag.line,
                            tag.column,
                            tag=tag.name,
                            allowed=allowed,
                        )
                    )
            elif tag.has_attributes and not tag.closing:
                doc.problems.append(
                    problem("html-attribute", rel, tag.line, tag.column, tag=tag.name)
                )
        self._links(doc, scan, check_files=True)

    def _guide_html(self, doc: Document, scan: body_scan.BodyScan) -> None:
        """Raw HTML in a guidance page: only the tags its sanitizer keeps (guidehtml)."""
        from .guidehtml import GUIDE_TAGS

        allowed = ", ".join(f"<{t}>" for t in sorted(GUIDE_TAGS))
        for tag in scan.tags:
            if tag.name in GUIDE_TAGS or tag.closing or tag.name == "!--":
                continue
            doc.problems.append(
                problem("guide-html", doc.rel, tag.line, tag.column, tag=tag.name, allowed=allowed)
            )

    def _links(self, doc: Document, scan: body_scan.BodyScan, *, check_files: bool) -> None:
        rel = doc.rel
        for line_no in scan.complex_lines:
            doc.problems.append(problem("link-complex", rel, line_no, 1))
        for link in scan.links:
            kind = "Bilden" if link.image else "Länken"
            scheme = body_scan.url_scheme(link.target)
            if scheme is not None:
                allowed = self.image_schemes if link.image else self.link_schemes
                if scheme not in allowed:
                    code = "image-scheme" if link.image else "link-scheme"
                    doc.problems.append(
                        problem(code, rel, link.line, link.column, kind=kind, scheme=scheme)
                    )
                    continue
            written = body_scan.destination(link.target)
            if scheme is None and urlpolicy.refusal(written) == urlpolicy.HOST:
                doc.problems.append(
                    problem("url-host", rel, link.line, link.column, kind=kind, target=link.target)
                )
                continue
            if check_files:
                page: str | None = CASE_URL.format(slug=doc.path.stem)
            else:  # a guidance page: MkDocs resolves links from the file's folder
                folder = doc.path.parent.relative_to(self.layout.docs_dir).as_posix()
                page = None if folder == "." else folder + "/"
            if not self._url_policy(doc, link, kind, written, page, rewrite=check_files):
                continue
            if not check_files:
                continue
            if scheme is None:
                target = unquote(written.split("#", 1)[0].split("?", 1)[0])
                if target:
                    self._local_target(doc, link, target, kind)

    def _url_policy(
        self,
        doc: Document,
        link: body_scan.Link,
        kind: str,
        written: str,
        page: str | None,
        *,
        rewrite: bool,
    ) -> bool:
        """The URL the site would write for a link must pass the URL policy (False: reported)."""
        attr = "src" if link.image else "href"
        if page is None or not rewrite:
            final: str | None = written
            page = page or ""
        else:
            final = self.urls.rewrite(written, doc.path.parent, page)
        if final is None:
            return True  # dropped by the renderer; the file checks say why
        reason = urlpolicy.refusal(final, attr, page)
        if reason is None:
            return True
        doc.problems.append(
            problem(
                "url-unsafe",
                doc.rel,
                link.line,
                link.column,
                kind=kind,
                target=link.target,
                final=final,
                reason=URL_REASONS[reason],
            )
        )
        return False

    def _local_target(self, doc: Document, link: body_scan.Link, target: str, kind: str) -> bool:
        """A relative or site-absolute link must lead to a file or page of the project."""
        if target.startswith("/"):
            if self._site_path_exists(target):
                return True
            suggestion = (
                "Kontrollera adressen. Sidor på webbplatsen börjar med /vagledning/ eller /fall/."
            )
        else:
            resolved = Path(os.path.normpath(doc.path.parent / target))
            if is_outside(resolved, self.layout.root):
                doc.problems.append(
                    problem(
                        "link-outside",
                        doc.rel,
                        link.line,
                        link.column,
                        kind=kind,
                        target=link.target,
                    )
                )
                return False
            if resolved.is_file():
                return True
            suggestion = (
                "Lägg bilden i cases/assets/ och skriv 'assets/filnamn'."
                if link.image
                else "Kontrollera stavningen och att filen finns i projektet."
            )
        doc.problems.append(
            problem(
                "link-missing",
                doc.rel,
                link.line,
                link.column,
                kind=kind,
                target=link.target,
                suggestion=suggestion,
            )
        )
        return False

    def _site_path_exists(self, target: str) -> bool:
        """True when ``target`` (a path from the site root) is a page or file of the site."""
        if "//" in target or "\\" in target:
            return False
        clean = target.strip("/")
        if not clean:
            return True
        parts = clean.split("/")
        if any(part in (".", "..") for part in parts):
            return False
        if parts[0] == "fall":
            return self._case_path_exists(parts[1:])
        if clean in SITE_FILES:
            return True
        if parts[0] == "schemas" and len(parts) == 2:  # the exported schemas (exports.py)
            names = {f"{n}.schema.json" for n in self.schemas.resolved} | {"vocabularies.json"}
            return parts[1] in names
        key = clean.removesuffix(".md")
        if key in self.index.guide_keys or f"{key}/index" in self.index.guide_keys:
            return True
        return "." in parts[-1] and _is_plain_file(self.layout.docs_dir, parts)

    def _case_path_exists(self, parts: list[str]) -> bool:
        """/fall/, a case, a case asset, a facet index or value page, and their pages 2, 3..."""
        if len(parts) >= 2 and parts[-2] == "sida" and parts[-1].isdigit():
            parts = parts[:-2]
        if not parts:
            return True
        if parts[0] == "assets":
            return _is_plain_file(self.layout.cases_dir, parts)
        if len(parts) == 1 and parts[0] in self.index.case_slugs:
            return True
        facet = next((f for f in FACETS if f.path == parts[0]), None)
        if facet is None or len(parts) > 2:
            return False
        used = self._facet_values().get(facet.path, set())
        return (len(parts) == 1 and bool(used)) or (len(parts) == 2 and parts[1] in used)

    def _facet_values(self) -> dict[str, set[str]]:
        """Facet values that published cases use: the facet pages the build will write.

        Read on the first link to a facet page only (few cases have one), then kept.
        """
        if self._facets is None:
            values: dict[str, set[str]] = {f.path: set() for f in FACETS}
            max_bytes = self.layout.settings.max_file_bytes
            for path in self.layout.case_files():
                if path.is_symlink():
                    continue
                doc = read_document(path, self.layout.rel(path), max_bytes=max_bytes)
                if not isinstance(doc.data, dict) or doc.data.get("draft") is True:
                    continue
                for f in FACETS:
                    try:
                        values[f.path].update(v for v in f.values(doc.data) if isinstance(v, str))
                    except (AttributeError, TypeError):
                        continue  # a malformed value; its own file reports it
            self._facets = values
        return self._facets


# Files the engine writes at the site root, besides pages.
SITE_FILES = frozenset({"cases.json", "cases.csv", "feed.xml", "sitemap.xml"})
URL_REASONS = {
    urlpolicy.CONTROL: "den innehåller mellanslag eller osynliga styrtecken",
    urlpolicy.SCHEME: "bara https: och mailto: är tillåtna adresstyper",
    urlpolicy.EMBED_SCHEME: "bilder måste vara filer i projektet",
    urlpolicy.HOST: "den pekar till en annan webbplats",
    urlpolicy.OUTSIDE: "den pekar utanför webbplatsen",
}


def _is_plain_file(folder: Path, parts: list[str]) -> bool:
    """True when ``folder/parts`` is a regular file, reached without a symbolic link."""
    path = folder
    for part in parts:
        path = path / part
        if path.is_symlink():
            return False
    return path.is_file()


def is_placeholder(value: Any) -> bool:
    """True for a value such as "<<Skriv titel>>" that a template left to fill in."""
    return isinstance(value, str) and PLACEHOLDER.fullmatch(value.strip()) is not None


def _strings(value: Any, path: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _strings_and_keys(value: Any, path: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Every string in ``value``, mapping keys included (a key's path ends with the key)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key
            yield from _strings_and_keys(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings_and_keys(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _leaf_key(path: tuple[Any, ...]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return ""


def _suggest_key(key: str, properties: dict[str, Any]) -> str:
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
        return f"Menade du '{names[close[0]]}'?"
    return "Tillåtna fält: " + ", ".join(properties) + "."


def _vocab_hint(vocab: Any, value: Any) -> str:
    close = vocab.suggest(str(value)) if isinstance(value, str) else []
    if close:
        options = " eller ".join(f"'{c}' ({vocab.label(c)})" for c in close)
        return f"Menade du {options}?"
    if len(vocab.ids) <= 12:
        return "Tillåtna värden: " + ", ".join(vocab.ids) + "."
    return "Se listan över tillåtna värden i fältreferensen på sidan Bidra med ett fall."


def _is_month(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value) is not None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def suggest_slug(name: str) -> str:
    folded = fold(name.removesuffix(".md"))
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:80] if len(slug) >= 3 else "mitt-fall"


T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 300  # files; below this a second process costs more than it saves
CHUNK = 64

_WORKER: tuple[Validator, Any, bool] | None = None


def worker_count(files: int) -> int:
    """Processes to use: ``KUNSKAPSBANK_WORKERS`` or one per core for large projects."""
    configured = os.environ.get("KUNSKAPSBANK_WORKERS")
    if configured:
        return max(1, int(configured))
    if files < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


# What a worker sends back for one file: the whole document, or, for a valid and
# rendered case, only its data and HTML (a tenth of the pickling work).
_Checked = Document | tuple[dict[str, Any], str]


def fork_map(func: Callable[[T], R], chunks: list[T], workers: int) -> list[R]:
    """``[func(c) for c in chunks]``, over ``workers`` forked processes when that pays.

    Fork, so that the workers inherit what the caller set up (a validator, a
    collection) instead of receiving it pickled; results come back in order.
    """
    if workers > 1 and len(chunks) > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(func, chunks, chunksize=1)
    return [func(chunk) for chunk in chunks]


def _check_chunk(chunk: list[tuple[bool, Path]]) -> list[_Checked]:
    assert _WORKER is not None
    validator, renderer, keep = _WORKER
    out: list[_Checked] = []
    for is_case, path in chunk:
        doc = validator.check_case(path) if is_case else validator.check_guide(path)
        publish = is_case and not doc.problems and doc.data is not None
        if renderer is not None and publish and not doc.data.get("draft"):
            # A valid, rendered case needs only its data and HTML from here on.
            out.append((doc.data, renderer.render(doc)))
            continue
        if not keep:  # only the problems travel back from a worker
            doc = Document(path=doc.path, rel=doc.rel, problems=doc.problems)
        out.append(doc)
    return out


def _document(layout: Layout, path: Path, checked: _Checked) -> Document:
    if isinstance(checked, Document):
        return checked
    data, html_out = checked
    return Document(path=path, rel=layout.rel(path), data=data, html=html_out)


def validate_project(
    layout: Layout,
    paths: Iterable[Path] | None = None,
    *,
    schemas: SchemaSet | None = None,
    on: dt.date | None = None,
    render_bodies: bool = False,
    keep_documents: bool = True,
) -> Result:
    """Validate the whole project, or only ``paths`` (against the whole project).

    Each file is read and parsed once. With ``render_bodies`` the sanitized HTML
    of every valid, published case body is rendered in the same pass. Large
    projects are split over one process per core (fork), in file order.
    """
    global _WORKER
    schemas = schemas or load_schemas(layout.schemas_dir)
    validator = Validator(layout, schemas, on=on)
    result = Result(layout, schemas)
    if paths is None:
        case_paths, guide_paths = layout.case_files(), layout.guide_files()
    else:
        case_paths, guide_paths = [], []
        for p in paths:
            (case_paths if layout.is_case(p) else guide_paths).append(p)
    renderer = None
    if render_bodies:
        from .render import BodyRenderer

        renderer = BodyRenderer(layout, validator.index.guide_keys)
    tasks = [(True, p) for p in case_paths] + [(False, p) for p in guide_paths]
    chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
    workers = worker_count(len(tasks))
    _WORKER = (validator, renderer, keep_documents or render_bodies)
    try:
        done = fork_map(_check_chunk, chunks, workers)
    finally:
        _WORKER = None
    for (is_case, path), checked in zip(tasks, (d for c in done for d in c), strict=True):
        doc = _document(layout, path, checked)
        (result.cases if is_case else result.guides).append(doc)
        result.problems.extend(doc.problems)
    result.checked = len(tasks)
    if paths is None:
        result.problems.extend(check_assets(layout))
        result.problems.extend(check_docs_files(layout))
        result.problems.extend(check_symlinks(layout, set(case_paths) | set(guide_paths)))
    result.problems.sort(key=Problem.sort_key)
    return result
