"""The ``kunskapsbank`` command. Everything it prints is Swedish."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .problems import FORMATTERS
from .project import Layout, find_root, open_layout
from .schemas import ConfigError

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


def _layout(args: argparse.Namespace, hint_paths: Sequence[str] = ()) -> Layout:
    if args.project:
        root = Path(args.project)
        if not (root / "mkdocs.yml").is_file():
            raise ConfigError(f"Mappen {root} innehåller ingen mkdocs.yml.")
        return open_layout(root)
    start = Path(hint_paths[0]) if hint_paths else Path.cwd()
    root = find_root(start if start.exists() else Path.cwd())
    if root is None:
        raise ConfigError(
            "Hittar inget projekt: ingen mkdocs.yml i den här mappen eller mappar ovanför. "
            "Ange projektmappen med --project."
        )
    return open_layout(root)


def cmd_validate(args: argparse.Namespace) -> int:
    from .searchterms import is_terms_file
    from .validate import validate_project

    layout = _layout(args, args.paths)
    paths: list[Path] | None = None
    if args.paths:
        paths = []
        for raw in args.paths:
            p = Path(raw).absolute()
            if p.is_dir():
                paths.extend(sorted(p.rglob("*.md")))
            elif p.is_file() or p.is_symlink():
                paths.append(p)
            else:
                raise ConfigError(f"Filen eller mappen {raw} finns inte.")
        outside = [
            p
            for p in paths
            if not (layout.is_case(p) or layout.is_guide(p) or is_terms_file(layout, p))
        ]
        if outside:
            raise ConfigError(
                f"{outside[0]} ligger varken i {layout.settings.cases_dir}/ eller "
                f"{layout.settings.docs_dir}/ i projektet {layout.root}."
            )
    result = validate_project(layout, paths, keep_documents=False)
    print(FORMATTERS[args.format](result.problems, result.checked))
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def build_parser() -> Parser:
    parser = Parser(
        prog="kunskapsbank",
        description="Kontrollera, bygg och ge ut Kunskapsbanken: vägledning och fall i Markdown.",
        epilog="Skriv 'kunskapsbank KOMMANDO --help' för att läsa mer om ett kommando.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kunskapsbank {__version__}",
        help="Visa versionen och avsluta.",
    )
    sub = parser.add_subparsers(
        dest="command", title="Kommandon", metavar="KOMMANDO", parser_class=Parser
    )
    sub.required = True

    v = sub.add_parser(
        "validate",
        help="Kontrollera fall och vägledningssidor.",
        description="Kontrollerar metadata och text i fall (cases/) och vägledningssidor (docs/) "
        "och visar alla problem på en gång, med fil och rad.\n\n"
        "Slutstatus: 0 = inga problem, 1 = problem i innehållet, 2 = fel i kommandot "
        "eller i inställningarna.",
    )
    v.add_argument(
        "paths",
        nargs="*",
        metavar="SÖKVÄG",
        help="Filer eller mappar att kontrollera. Utan sökväg kontrolleras hela projektet.",
    )
    v.add_argument(
        "--format",
        choices=sorted(FORMATTERS),
        default="text",
        help="Utskriftens form: text (standard), github (anteckningar i GitHub) eller json.",
    )
    v.add_argument(
        "--project",
        metavar="MAPP",
        help="Projektmappen. Standard är närmaste mapp uppåt som har mkdocs.yml.",
    )
    v.set_defaults(func=cmd_validate)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


# Other modules add their sub-commands here (build, new-case, release, report).
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    _load_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"kunskapsbank: fel: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kunskapsbank: avbrutet.", file=sys.stderr)
        return 130


def _load_commands() -> None:
    if EXTRA_COMMANDS:
        return
    try:
        from . import commands
    except ImportError:  # pragma: no cover - only while the package is being assembled
        return
    EXTRA_COMMANDS.extend(commands.REGISTER)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
