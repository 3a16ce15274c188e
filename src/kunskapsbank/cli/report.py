"""``kunskapsbank report``: what the editors should look at."""

from __future__ import annotations

import argparse

from kunskapsbank.cli.common import EXIT_OK, layout_from_args, project_arg


def cmd_report(args: argparse.Namespace) -> int:
    from kunskapsbank.editorial.report import FORMATS, make_report

    layout = layout_from_args(args)
    print(FORMATS[args.format](make_report(layout)))
    return EXIT_OK


def register_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="Visa vad redaktionen behöver granska.",
        description="Visar sidor och fall som ska granskas (efter datumet i next_review, eller "
        "inte granskade på 12 månader), nätverk och stöd som inte kontrollerats på 12 "
        "månader, utkast, och hur många publicerade fall det finns per län, tema och förfarande.",
    )
    p.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="Utskriftens form: text (standard) eller json.",
    )
    project_arg(p)
    p.set_defaults(func=cmd_report)


def register(sub: argparse._SubParsersAction) -> None:
    register_report(sub)
