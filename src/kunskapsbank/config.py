"""A project on disk: where it is, its settings, and which files it holds.

The engine reads a few generator-neutral settings (``site_url``, ``repo_url``,
``edit_uri``, ``docs_dir`` and the ``extra.kunskapsbank`` section) from
``mkdocs.yml`` because that file marks the project root. It never imports
MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from kunskapsbank.errors.catalogue import ConfigError

DEFAULT_MAX_BYTES = 1_000_000

CONFIG_FILE = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Safe loader for mkdocs.yml: MkDocs' ``!ENV`` tag as MkDocs reads it (the
    ``pyyaml_env_tag`` package MkDocs depends on), ``!!python/...`` tags as None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_constructor("!ENV", construct_env_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)

# The environment the engine reads, all of it, here and only here.
TODAY_ENV = "KUNSKAPSBANK_TODAY"  # the date rules compare with (tests fix it)
WORKERS_ENV = "KUNSKAPSBANK_WORKERS"  # processes for large projects
MAX_BYTES_ENV = "KUNSKAPSBANK_MAX_FILE_BYTES"  # overrides extra.kunskapsbank.max_file_bytes
RELEASE_ENV = "KUNSKAPSBANK_RELEASE_VERSION"  # the version a release build is making
RESULTS_ENV = "KUNSKAPSBANK_A11Y_RESULTS"  # accessibility results for the statement page


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who publishes the site: statements made on its behalf come from here, never from
    the pages. The defaults are neutral; mkdocs.yml's extra.kunskapsbank.publisher sets them."""

    name: str = "Webbplatsens utgivare"
    team: str = "Redaktionen"  # who answers for pages without an owner of their own
    email: str = ""  # the editors' functional address
    url: str = ""  # the publisher's own page about the site, if any


@dataclass(slots=True)
class Settings:
    site_name: str = "Kunskapsbank"
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    docs_dir: str = "docs"
    cases_dir: str = "cases"
    schemas_dir: str = "schemas"
    max_file_bytes: int = DEFAULT_MAX_BYTES
    extra: dict[str, Any] = field(default_factory=dict)
    publisher: Publisher = field(default_factory=Publisher)
    today: dt.date = field(default_factory=dt.date.today)
    workers: int | None = None
    release_version: str | None = None
    a11y_results: Path | None = None


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``mkdocs.yml``."""
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None


def read_settings(root: Path) -> Settings:
    path = root / CONFIG_FILE
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError("config-unreadable", path=path, reason=exc) from exc
    if not isinstance(data, dict):
        raise ConfigError("config-not-mapping", path=path)
    extra = (data.get("extra") or {}).get("kunskapsbank") or {}
    settings = Settings(
        site_name=str(data.get("site_name") or "Kunskapsbank"),
        site_url=str(data.get("site_url") or ""),
        repo_url=str(data.get("repo_url") or ""),
        edit_uri=str(data.get("edit_uri") or ""),
        docs_dir=str(data.get("docs_dir") or "docs"),
        extra=extra,
    )
    settings.publisher = _publisher(extra.get("publisher"))
    read_environment(settings, extra.get("max_file_bytes"))
    return settings


def _publisher(raw: Any) -> Publisher:
    if raw is None:
        return Publisher()
    if isinstance(raw, dict):  # an empty !ENV value reads as null: no value
        raw = {k: ("" if v is None else v) for k, v in raw.items()}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ConfigError("config-publisher", detail="varje fält ska vara en text")
    unknown = set(raw) - {"name", "team", "email", "url"}
    if unknown:
        raise ConfigError("config-publisher", detail=f"okänt fält {', '.join(sorted(unknown))}")
    defaults = Publisher()
    return Publisher(
        name=raw.get("name") or defaults.name,
        team=raw.get("team") or defaults.team,
        email=raw.get("email", ""),
        url=raw.get("url", ""),
    )


def _int(name: str, value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError("config-integer", name=name, value=value) from exc


def read_environment(settings: Settings, max_file_bytes: Any = None) -> None:
    """The settings the environment gives (see the *_ENV names above)."""
    env = os.environ
    limit = env.get(MAX_BYTES_ENV) or max_file_bytes
    if limit is not None:
        settings.max_file_bytes = _int("max_file_bytes", limit)
    if env.get(TODAY_ENV):
        try:
            settings.today = dt.date.fromisoformat(env[TODAY_ENV])
        except ValueError as exc:
            raise ConfigError("config-date", name=TODAY_ENV, value=env[TODAY_ENV]) from exc
    if env.get(WORKERS_ENV):
        settings.workers = _int(WORKERS_ENV, env[WORKERS_ENV])
    settings.release_version = env.get(RELEASE_ENV) or None
    settings.a11y_results = Path(env[RESULTS_ENV]) if env.get(RESULTS_ENV) else None


def today() -> dt.date:
    """The date rules compare with, for code that has no project settings at hand."""
    override = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(override) if override else dt.date.today()


@dataclass(slots=True)
class Layout:
    root: Path
    settings: Settings

    @property
    def cases_dir(self) -> Path:
        return self.root / self.settings.cases_dir

    @property
    def docs_dir(self) -> Path:
        return self.root / self.settings.docs_dir

    @property
    def schemas_dir(self) -> Path:
        return self.root / self.settings.schemas_dir

    def rel(self, path: Path) -> str:
        text, root = str(path), str(self.root)
        if text.startswith(root + os.sep):
            return text[len(root) + 1 :].replace(os.sep, "/")
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def case_files(self) -> list[Path]:
        if not self.cases_dir.is_dir():
            return []
        names = sorted(e.name for e in os.scandir(self.cases_dir) if e.name.endswith(".md"))
        return [self.cases_dir / name for name in names]

    def guide_files(self) -> list[Path]:
        if not self.docs_dir.is_dir():
            return []
        return sorted(self.docs_dir.rglob("*.md"), key=lambda p: p.parts)

    def guide_key(self, path: Path) -> str:
        """``docs/vagledning/mandat.md`` -> ``vagledning/mandat``."""
        return path.relative_to(self.docs_dir).with_suffix("").as_posix()

    def is_case(self, path: Path) -> bool:
        return path.parent.resolve() == self.cases_dir.resolve() and path.suffix == ".md"

    def is_guide(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.docs_dir.resolve())
        except ValueError:
            return False
        return path.suffix == ".md"


def open_layout(root: Path) -> Layout:
    return Layout(root.resolve(), read_settings(root))
