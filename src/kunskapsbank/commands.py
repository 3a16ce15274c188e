"""Sub-commands beyond ``validate``: build, serve (and more as they are added)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .cli import EXIT_OK, EXIT_PROBLEMS, _layout


def _project_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--project",
        metavar="MAPP",
        help="Projektmappen. Standard är närmaste mapp uppåt som har mkdocs.yml.",
    )


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_site

    layout = _layout(args)
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
    _project_arg(p)
    p.set_defaults(func=cmd_build)


def cmd_serve(args: argparse.Namespace) -> int:
    from .build import serve_site

    layout = _layout(args)
    return serve_site(layout, args.addr)


def register_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="Förhandsvisa webbplatsen med sökning på din dator.",
        description="Bygger webbplatsen och visar den på http://127.0.0.1:8000. Sidan laddas om "
        "när du ändrar ett fall, en vägledningssida eller ett schema.",
    )
    p.add_argument(
        "--addr",
        default="127.0.0.1:8000",
        metavar="VÄRD:PORT",
        help="Adress och port. Standard: 127.0.0.1:8000.",
    )
    _project_arg(p)
    p.set_defaults(func=cmd_serve)


REGISTER: list[Callable[[argparse._SubParsersAction], None]] = [register_build, register_serve]


# -- contributors and editors: new-case, release, report --------------------------


def cmd_new_case(args: argparse.Namespace) -> int:
    from .scaffold import new_case

    layout = _layout(args)
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
        "Varje fält förklaras i en kommentar, och varje värde som du ska fylla i står som en "
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
    _project_arg(p)
    p.set_defaults(func=cmd_new_case)


def cmd_release(args: argparse.Namespace) -> int:
    import sys

    from .release import ReleaseProblems, make_release

    layout = _layout(args)
    try:
        made = make_release(
            layout,
            args.version,
            quiet=not args.verbose,
            accessibility=not args.no_accessibility_tests,
        )
    except ReleaseProblems as exc:
        print(exc.report)
        print("Ingen utgåva skapades.", file=sys.stderr)
        return EXIT_PROBLEMS
    release = made.release
    since = f"sedan {release.previous}" if release.previous else "(första utgåvan)"
    n = {s: sum(c.status == s for c in release.cases) for s in ("added", "changed", "removed")}
    guides = len(release.guides)
    print(
        f"Version {made.version} är klar.\n"
        f"  Ändringar {since}: {n['added']} {'nytt' if n['added'] == 1 else 'nya'}, "
        f"{n['changed']} {'ändrat' if n['changed'] == 1 else 'ändrade'} och "
        f"{n['removed']} {'borttaget' if n['removed'] == 1 else 'borttagna'} fall, "
        f"{guides} {'ändrad vägledningssida' if guides == 1 else 'ändrade vägledningssidor'}.\n"
        f"  Webbplatsen: {made.site_dir}\n"
        f"  Arkiv:       {layout.rel(made.archive)}\n"
        f"  Ändringar:   {layout.rel(made.notes)}\n"
        f"  Kontrollsummor: {layout.rel(made.sums)}"
    )
    if release.tag is None:
        print(f"Glöm inte att tagga commiten: git tag v{made.version} && git push --tags")
    return EXIT_OK


def register_release(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "release",
        help="Ge ut en version: kontrollera, bygg och packa webbplatsen.",
        description="Kontrollerar att allt är incheckat och att innehållet är giltigt, bygger "
        "webbplatsen och skriver till dist/: ett arkiv med webbplatsen "
        "(kunskapsbank-VERSION.tar.gz), en lista över ändringarna sedan förra versionen "
        "(RELEASE-NOTES-VERSION.md) och kontrollsummor (SHA256SUMS). Arkivet packas "
        "reproducerbart: sorterade filer, tider från commiten och ingen ägare. Det går bra om "
        "commiten redan har taggen vVERSION.\n\n"
        "Slutstatus: 0 = klart, 1 = problem i innehållet eller bygget, 2 = ändringar som inte "
        "är incheckade, ogiltigt versionsnummer eller ingen git.",
    )
    p.add_argument("version", metavar="VERSION", help="Versionsnumret, till exempel 1.2.0.")
    p.add_argument("--verbose", action="store_true", help="Visa byggets alla meddelanden.")
    p.add_argument(
        "--no-accessibility-tests",
        action="store_true",
        help="Kör inte tillgänglighetstesterna. Tillgänglighetsredogörelsen säger då att "
        "versionen inte är testad.",
    )
    _project_arg(p)
    p.set_defaults(func=cmd_release)


def cmd_report(args: argparse.Namespace) -> int:
    from .report import FORMATS, make_report

    layout = _layout(args)
    print(FORMATS[args.format](make_report(layout)))
    return EXIT_OK


def register_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="Visa vad redaktionen behöver granska.",
        description="Visar sidor och fall som ska granskas (efter datumet i next_review, eller "
        "inte granskade på 12 månader), utkast, och hur många publicerade fall det finns per "
        "län, tema och förfarande.",
    )
    p.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="Utskriftens form: text (standard) eller json.",
    )
    _project_arg(p)
    p.set_defaults(func=cmd_report)


REGISTER.extend([register_new_case, register_release, register_report])
