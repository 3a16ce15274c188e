"""``kunskapsbank release``: check, build and package a version."""

from __future__ import annotations

import argparse

from kunskapsbank.cli.common import EXIT_OK, EXIT_PROBLEMS, layout_from_args, project_arg


def cmd_release(args: argparse.Namespace) -> int:
    import sys

    from kunskapsbank.editorial.release import ReleaseProblems, make_release

    layout = layout_from_args(args)
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
    project_arg(p)
    p.set_defaults(func=cmd_release)


def register(sub: argparse._SubParsersAction) -> None:
    register_release(sub)
