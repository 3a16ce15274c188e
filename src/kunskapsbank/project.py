"""A project on disk: where it is, its settings, and which files it holds.

The engine reads a few generator-neutral settings (``site_url``, ``repo_url``,
``edit_uri``, ``docs_dir`` and the ``extra.kunskapsbank`` section) from
``mkdocs.yml`` because that file marks the project root. It never imports
MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .loader import DEFAULT_MAX_BYTES
from .schemas import ConfigError

CONFIG_FILE = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Safe loader that turns MkDocs' ``!!python/name`` and ``!ENV`` tags into None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV VAR`` and ``!ENV [VAR, ..., default]``."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return items[-1] if items else None


_TolerantLoader.add_constructor("!ENV", _env_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)


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
        raise ConfigError(f"Kan inte läsa {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} ska vara en mappning.")
    extra = (data.get("extra") or {}).get("kunskapsbank") or {}
    settings = Settings(
        site_name=str(data.get("site_name") or "Kunskapsbank"),
        site_url=str(data.get("site_url") or ""),
        repo_url=str(data.get("repo_url") or ""),
        edit_uri=str(data.get("edit_uri") or ""),
        docs_dir=str(data.get("docs_dir") or "docs"),
        extra=extra,
    )
    env_limit = os.environ.get("KUNSKAPSBANK_MAX_FILE_BYTES")
    limit = env_limit or extra.get("max_file_bytes")
    if limit is not None:
        try:
            settings.max_file_bytes = int(limit)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"max_file_bytes ska vara ett heltal, inte {limit!r}.") from exc
    return settings


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
