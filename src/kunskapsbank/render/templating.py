"""Jinja templates for engine markup, packaged with the engine and always autoescaped.

Python builds data; the templates in ``render/templates/`` build markup. Every
value a template prints is escaped unless the code hands it over as ``Markup``
(engine HTML that was already escaped or sanitized).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kunskapsbank.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


def render(name: str, **context: Any) -> str:
    """The template ``name`` filled with ``context``, without surrounding whitespace."""
    return environment().get_template(name).render(**context).strip()


@cache
def template(name: str) -> Template:
    """The template ``name``, loaded once: pages rendered by the thousand skip the file check.

    Its globals become a plain dict: Jinja copies them into every render's context,
    and copying the layered mapping it keeps them in costs more than a small page.
    """
    loaded = environment().get_template(name)
    loaded.globals = dict(loaded.globals)
    return loaded
