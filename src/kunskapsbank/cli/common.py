"""What every sub-command shares: a Swedish argument parser, exit codes, the project."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from kunskapsbank.config import Layout, find_root, open_layout
from kunskapsbank.errors.catalogue import ConfigError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_ARGPARSE_SV = [
    (r"^the following arguments are required: (.*)$", r"dessa argument saknas: \1"),
    (r"^unrecognized arguments: (.*)$", r"okända argument: \1"),
    (
        r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$",
        r"argumentet \1: ogiltigt val \2 (välj bland \3)",
    ),
    (r"^argument (.*?): expected one argument$", r"argumentet \1 behöver ett värde"),
    (r"^invalid choice: (.*?) \(choose from (.*)\)$", r"ogiltigt val \1 (välj bland \2)"),
]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        # argparse passes prefix="" when it builds a sub-command's program name.
        return super().add_usage(
            usage, actions, groups, prefix="Användning: " if prefix is None else prefix
        )


class Parser(argparse.ArgumentParser):
    """An argument parser that speaks Swedish and exits with status 2 on misuse."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argument"
        self._optionals.title = "Flaggor"
        self.add_argument("-h", "--help", action="help", help="Visa den här hjälpen och avsluta.")

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, replacement in _ARGPARSE_SV:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fel: {message}\n")


def layout_from_args(args: argparse.Namespace, hint_paths: Sequence[str] = ()) -> Layout:
    if args.project:
        root = Path(args.project)
        if not (root / "mkdocs.yml").is_file():
            raise ConfigError("project-no-config", root=root)
        return open_layout(root)
    start = Path(hint_paths[0]) if hint_paths else Path.cwd()
    root = find_root(start if start.exists() else Path.cwd())
    if root is None:
        raise ConfigError("project-not-found")
    return open_layout(root)


def project_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--project",
        metavar="MAPP",
        help="Projektmappen. Standard är närmaste mapp uppåt som har mkdocs.yml.",
    )
