"""``kunskapsbank validate``: every problem in the content, at its file and line."""

from __future__ import annotations

import argparse
from pathlib import Path

from kunskapsbank.cli.common import EXIT_OK, EXIT_PROBLEMS, layout_from_args, project_arg
from kunskapsbank.errors.catalogue import ConfigError
from kunskapsbank.errors.printers import FORMATTERS


def cmd_validate(args: argparse.Namespace) -> int:
    from kunskapsbank.content.validate import data_files, validate_project

    layout = layout_from_args(args, args.paths)
    paths: list[Path] | None = None
    if args.paths:
        paths = []
        data = {p.absolute() for p in data_files(layout)}
        for raw in args.paths:
            p = Path(raw).absolute()
            if p.is_dir():
                paths.extend(sorted(p.rglob("*.md")))
            elif p.is_file() or p.is_symlink():
                paths.append(p)
            else:
                raise ConfigError("path-missing", path=raw)
        outside = [p for p in paths if not (layout.is_case(p) or layout.is_guide(p) or p in data)]
        if outside:
            raise ConfigError(
                "path-outside",
                path=outside[0],
                cases=layout.settings.cases_dir,
                docs=layout.settings.docs_dir,
                data=", ".join(layout.rel(p) for p in sorted(data)),
                root=layout.root,
            )
    result = validate_project(layout, paths, keep_documents=False)
    print(FORMATTERS[args.format](result.problems, result.checked))
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser(
        "validate",
        help="Kontrollera fall och vägledningssidor.",
        description="Kontrollerar fall (cases/), vägledningssidor (docs/), registret över "
        "organisationer (data/organisations.yaml) och listan över nätverk och stöd "
        "(data/networks.yaml) och visar alla problem på en gång, med fil och rad.\n\n"
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
    project_arg(v)
    v.set_defaults(func=cmd_validate)
