"""Jinja templates for engine markup, packaged with the engine and always autoescaped.

Python builds data; the templates in ``render/templates/`` build markup. Every
value a template prints is escaped unless the code hands it over as ``Markup``
(engine HTML that was already escaped or sanitized).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, Undefined

from kunskapsbank.render.format import date_label


def tel(phone: str) -> str:
    """A ``tel:`` target: ``0411-53 60 00`` -> ``+46411536000``."""
    digits = re.sub(r"[^0-9+]", "", str(phone))
    if digits.startswith("0"):
        digits = "+46" + digits[1:]
    return digits


def host(url: str) -> str:
    """The host name of a URL, to show a link short."""
    return urlsplit(str(url)).hostname or str(url)


FILTERS = {"tel": tel, "host": host, "date_label": lambda v: date_label(str(v))}


@cache
def environment(strict: bool = True) -> Environment:
    """The templates' environment. ``strict``: printing or testing a missing value is an
    error; the organisation templates test optional registry fields (``entry.org_number``)
    and use Jinja's lenient default instead."""
    env = Environment(
        loader=PackageLoader("kunskapsbank.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined if strict else Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # packaged templates: no stat() per render
    )
    env.filters.update(FILTERS)
    return env


def render(name: str, **context: Any) -> str:
    """The template ``name`` filled with ``context``, without surrounding whitespace."""
    return environment().get_template(name).render(**context).strip()


@cache
def template(name: str, strict: bool = True) -> Template:
    """The template ``name``, loaded once: pages rendered by the thousand skip the file check.

    Its globals become a plain dict: Jinja copies them into every render's context,
    and copying the layered mapping it keeps them in costs more than a small page.
    """
    loaded = environment(strict).get_template(name)
    loaded.globals = dict(loaded.globals)
    return loaded
