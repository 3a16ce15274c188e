"""The case form at /bidra/: what the engine hands to the page.

The form itself is built in the browser (docs/assets/bidra.js) from the case
schema the build publishes (schemas/case.schema.json and
schemas/vocabularies.json), so a field added to the schema appears in the form
with no other change. The engine writes into the page, as data, what the
browser cannot read from the schema: the Swedish messages of the problem
catalogue, the named rules (slug, periods, roles, the body scanner's patterns)
and where the site lives (repository, editors' address).

Without JavaScript the page shows the two other ways to send a case.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kunskapsbank.config import Layout, Settings
from kunskapsbank.content import body as body_scan
from kunskapsbank.content.checks.orgs import CONSENT_ADVICE
from kunskapsbank.content.checks.rules import END_REQUIRED_STATUSES, OWNER_ROLES, PLACEHOLDER
from kunskapsbank.content.checks.schema_errors import TYPE_WORDS
from kunskapsbank.content.model import RESERVED_SLUGS
from kunskapsbank.content.period import UNKNOWN
from kunskapsbank.content.registry import FUNCTIONAL_WORDS
from kunskapsbank.content.schemas import SchemaSet
from kunskapsbank.errors.catalogue import CATALOGUE
from kunskapsbank.errors.safetext import _FORBIDDEN
from kunskapsbank.render.templating import render
from kunskapsbank.urls import SLUG, rel_url

MARKER_NAME = "bidra"
DEFAULT_PAGE = "bidra/"
DEFAULT_BRANCH = "main"

# Catalogue entries the form can report. Their messages reach the page verbatim.
# The form's script scans the body with the engine's own linear scanners
# (content/body.py), ported to bidra.js; only the anchored patterns come from here.
FORM_CODES = (
    "required",
    "type",
    "vocabulary",
    "enum",
    "too-short",
    "too-long",
    "too-few",
    "too-many",
    "not-unique",
    "out-of-range",
    "date-format",
    "period-format",
    "org-id-format",
    "email",
    "url-https",
    "slug-format",
    "guide-path-format",
    "invalid",
    "period-order",
    "period-end-required",
    "review-before-published",
    "date-in-future",
    "owner-organisation",
    "body-h1",
    "html-not-allowed",
    "html-attribute",
    "link-scheme",
    "image-scheme",
    "placeholder",
    "file-name",
    "file-too-large",
    "reference-missing",
    "reference-self",
    "link-outside",
    "link-missing",
    "link-complex",
    "period-approximate-unknown",
    "source-home-page",
    "source-accessed-missing",
    "string-control",
    "contact-personal",
)
# Codes whose hints speak of YAML lines, quoting and indentation: the form shows their
# message only. Every other code's hint makes sense in a form as well.
HINTS_ABOUT_YAML = frozenset(
    {
        "enum", "guide-path-format", "image-scheme", "invalid", "out-of-range",
        "period-end-required", "period-format", "placeholder", "required", "slug-format",
        "too-few", "type", "vocabulary",
    }
)  # fmt: skip
FORM_HINTS = frozenset(FORM_CODES) - HINTS_ABOUT_YAML
_BRANCH = re.compile(r"^(?:edit|blob|tree)/([^/]+)/")


def editors_email(settings: Settings) -> str:
    """The editors' functional address: the publisher's e-mail in the settings."""
    return settings.publisher.email.strip()


def repo_branch(settings: Settings) -> str:
    m = _BRANCH.match(settings.edit_uri.lstrip("/"))
    return m.group(1) if m else DEFAULT_BRANCH


def github_repo(settings: Settings) -> str | None:
    """``https://github.com/owner/name`` when the site's repository is on GitHub."""
    m = re.fullmatch(
        r"(https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?", settings.repo_url
    )
    return m.group(1) if m else None


def messages() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for code in FORM_CODES:
        entry = CATALOGUE[code]
        item = {"title": entry.title, "message": entry.message}
        if entry.hint and code in FORM_HINTS:
            item["hint"] = entry.hint
        out[code] = item
    return out


def project_index(layout: Layout | None) -> dict[str, list[str]]:
    """What exists in the project, for the checks of references and links (as the CLI's Index)."""
    if layout is None:
        return {"case_slugs": [], "guide_keys": [], "case_files": []}
    assets = layout.cases_dir / "assets"
    return {
        "case_slugs": sorted(p.stem for p in layout.case_files()),
        "guide_keys": sorted(layout.guide_key(p) for p in layout.guide_files()),
        # Files a case may link to or show: cases/assets/**, as paths under cases/.
        "case_files": sorted(
            p.relative_to(layout.cases_dir).as_posix() for p in assets.rglob("*") if p.is_file()
        )
        if assets.is_dir()
        else [],
    }


def form_config(
    settings: Settings, schemas: SchemaSet, page_url: str, layout: Layout | None = None
) -> dict[str, Any]:
    """Everything the form needs besides the published schema, as JSON-ready data."""
    repo = github_repo(settings)
    return {
        "schema": rel_url("schemas/case.schema.json", page_url),
        "vocabularies": rel_url("schemas/vocabularies.json", page_url),
        "yaml": rel_url("assets/vendor/js-yaml/js-yaml.mjs", page_url),
        "site_name": settings.site_name,
        "editors_email": editors_email(settings),
        "github": {"repo": repo, "branch": repo_branch(settings), "folder": "cases"}
        if repo
        else None,
        "messages": messages(),
        "rules": {
            "slug": SLUG.pattern,
            "slug_min": 3,
            "slug_max": 80,
            "reserved_slugs": sorted(RESERVED_SLUGS),
            "owner_roles": list(OWNER_ROLES),
            "end_required": list(END_REQUIRED_STATUSES),
            "placeholder": PLACEHOLDER.pattern,
            "type_words": TYPE_WORDS,
            "period_unknown": UNKNOWN,
            "control": _FORBIDDEN.pattern,
            "functional_words": sorted(FUNCTIONAL_WORDS),
            "consent_advice": CONSENT_ADVICE,
            "max_file_bytes": settings.max_file_bytes,
            **project_index(layout),
            "body": {
                "fence": body_scan._FENCE.pattern,
                "atx_open": body_scan._ATX_OPEN.pattern,
                "tag": body_scan._TAG.pattern,
                "max_parens": body_scan.MAX_PARENS,
                "work_per_char": body_scan.WORK_PER_CHAR,
                "autolink": body_scan._AUTOLINK.pattern,
                "ref_def": body_scan._REF_DEF.pattern,
                "scheme": body_scan._SCHEME.pattern,
            },
        },
    }


def form_html(
    settings: Settings, schemas: SchemaSet, page_url: str, layout: Layout | None = None
) -> str:
    """The marker's HTML: the other routes (always there), and the form's mount point."""
    config = json.dumps(
        form_config(settings, schemas, page_url, layout), ensure_ascii=False, separators=(",", ":")
    )
    return render(
        "contribute_form.html",
        email=editors_email(settings),
        config=config,
        script=rel_url("assets/bidra.js", page_url),
    )


def form_page(guides: dict[str, Any]) -> str | None:
    """The URL of the guidance page that holds the form marker, if the site has one."""
    needle = f"kunskapsbank:{MARKER_NAME}"
    for guide in guides.values():
        if needle in guide.doc.body:
            return str(guide.url)
    return None


def form_page_url(guides: dict[str, Any]) -> str:
    return form_page(guides) or DEFAULT_PAGE
