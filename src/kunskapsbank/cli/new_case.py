"""``kunskapsbank new-case``: a new case file from the schema."""

from __future__ import annotations

import argparse

from kunskapsbank.cli.common import EXIT_OK, layout_from_args, project_arg


def cmd_new_case(args: argparse.Namespace) -> int:
    from kunskapsbank.editorial.scaffold import new_case

    layout = layout_from_args(args)
    path, count = new_case(layout, args.slug, title=args.title)
    rel = layout.rel(path)
    print(
        f"Skapade {rel}.\n"
        f"Fyll i de {count} platshållarna inom << >> (kommentarerna i filen förklarar varje "
        f"fält) och kontrollera sedan filen med:\n  kunskapsbank validate {rel}"
    )
    return EXIT_OK


def register_new_case(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "new-case",
        help="Skapa ett nytt fall från mallen.",
        description="Skapar cases/NAMN.md med alla fält och rubriker som ett fall ska ha. "
        "Varje fält förklaras i en kommentar, och varje värde som ni ska fylla i står som en "
        "platshållare inom << >>. Kontrollen (kunskapsbank validate) visar platshållare som "
        "inte är ifyllda.\n\n"
        "Slutstatus: 0 = filen skapades, 2 = ogiltigt namn eller filen finns redan.",
    )
    p.add_argument(
        "slug",
        metavar="NAMN",
        help="Fallets namn, som blir filnamn och adress: 3–80 tecken, små bokstäver a–z, "
        "siffror och bindestreck, till exempel rena-golv-i-forskolan.",
    )
    p.add_argument("--title", metavar="TITEL", help="Fallets titel (annars en platshållare).")
    project_arg(p)
    p.set_defaults(func=cmd_new_case)


def register(sub: argparse._SubParsersAction) -> None:
    register_new_case(sub)
