"""``kunskapsbank build`` and ``kunskapsbank serve``."""

from __future__ import annotations

import argparse
from pathlib import Path

from kunskapsbank.cli.common import EXIT_OK, EXIT_PROBLEMS, layout_from_args, project_arg


def cmd_build(args: argparse.Namespace) -> int:
    from kunskapsbank.site.build import build_site

    layout = layout_from_args(args)
    site_dir = Path(args.site_dir) if args.site_dir else None
    status = build_site(layout, site_dir, quiet=not args.verbose)
    target = site_dir or layout.root / "site"
    if status == 0:
        print(f"Webbplatsen är byggd i {target}.")
        return EXIT_OK
    print(f"Bygget misslyckades. Den tidigare webbplatsen i {target} är orörd.")
    return EXIT_PROBLEMS


def register_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="Kontrollera innehållet och bygg webbplatsen med sökindex.",
        description="Kontrollerar allt innehåll, bygger webbplatsen, skapar öppna data och "
        "sökindex. Allt skrivs först till en tillfällig mapp som byts in först när allt "
        "lyckats: ett misslyckat bygge lämnar den förra webbplatsen orörd.",
    )
    p.add_argument("--site-dir", metavar="MAPP", help="Var webbplatsen ska hamna. Standard: site/.")
    p.add_argument("--verbose", action="store_true", help="Visa byggets alla meddelanden.")
    project_arg(p)
    p.set_defaults(func=cmd_build)


def cmd_serve(args: argparse.Namespace) -> int:
    from kunskapsbank.site.build import serve_site

    layout = layout_from_args(args)
    return serve_site(layout, args.addr)


def register_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="Förhandsvisa webbplatsen med sökning på er dator.",
        description="Bygger webbplatsen och visar den på http://127.0.0.1:8000. Sidan laddas om "
        "när ni ändrar ett fall, en vägledningssida eller ett schema.",
    )
    p.add_argument(
        "--addr",
        default="127.0.0.1:8000",
        metavar="VÄRD:PORT",
        help="Adress och port. Standard: 127.0.0.1:8000.",
    )
    project_arg(p)
    p.set_defaults(func=cmd_serve)


def register(sub: argparse._SubParsersAction) -> None:
    register_build(sub)
    register_serve(sub)
