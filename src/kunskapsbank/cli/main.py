"""The ``kunskapsbank`` command. Everything it prints is Swedish."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from kunskapsbank import __version__
from kunskapsbank.cli import build, new_case, release, report, validate
from kunskapsbank.cli.common import EXIT_USAGE, Parser
from kunskapsbank.errors.catalogue import ConfigError

COMMANDS = (validate, build, new_case, release, report)


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

    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"kunskapsbank: fel: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"    Tips: {exc.hint}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kunskapsbank: avbrutet.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
