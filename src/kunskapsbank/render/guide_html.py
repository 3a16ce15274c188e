"""Guidance pages get the same HTML policy as cases: nh3 and the URL policy.

A pull request can change ``docs/`` as easily as ``cases/``, so the HTML that
the site generator makes from a guidance page is sanitized too. What editors
may use beyond the case allow-list is listed here, explicitly: headings with
their ids (for the table of contents), definition lists, admonitions, a few
layout classes and table alignment (as ``align``: the page policy allows
no inline style). Every URL passes ``urlpolicy`` last.

The ``<!-- kunskapsbank:name -->`` markers survive as text tokens that the
sanitizer keeps, and are replaced with the engine's own HTML afterwards.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

import nh3

from kunskapsbank import urlpolicy
from kunskapsbank.htmlpolicy import GUIDE_ATTRIBUTES, GUIDE_CLASSES, GUIDE_TAGS

MARKER = re.compile(r"<!--\s*kunskapsbank:([a-z-]+)\s*-->")


def sanitize_guide(html: str, page: str, markers: dict[str, Callable[[], str]]) -> str:
    """The generator's HTML of a guidance page at ``page`` (like ``om/``), made safe.

    Known markers are replaced by ``markers[name]()`` after sanitizing; unknown
    markers disappear.
    """
    token = "KBMARKER" + secrets.token_hex(8)
    names: list[str] = []

    def hold(m: re.Match[str]) -> str:
        names.append(m.group(1))
        return f"{token}{len(names) - 1}{token}"

    held = MARKER.sub(hold, html)

    def attribute_filter(tag: str, attr: str, value: str) -> str | None:
        if attr in urlpolicy.URL_ATTRIBUTES:
            return value if urlpolicy.allowed(value, attr, page) else None
        return value

    clean = nh3.clean(
        held,
        tags=GUIDE_TAGS,
        attributes=GUIDE_ATTRIBUTES,
        allowed_classes=GUIDE_CLASSES,
        url_schemes=urlpolicy.LINK_SCHEMES,
        attribute_filter=attribute_filter,
        link_rel=None,
    )

    def fill(m: re.Match[str]) -> str:
        make = markers.get(names[int(m.group(1))])
        return make() if make else ""

    return re.sub(f"{token}([0-9]+){token}", fill, clean)
