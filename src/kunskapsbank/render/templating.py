"""Jinja templates packaged with the engine, for the markup of the newer engine pages.

Python builds the data; the templates in ``render/templates/`` build the markup.
Autoescaping is on: every value a template prints is escaped unless it is
``Markup`` made by the engine. Contributed text never becomes a template.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("kunskapsbank.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, **context: Any) -> str:
    """The template ``name`` filled with ``context``, as one string of HTML."""
    return environment().get_template(name).render(**context).strip()
