"""Named checks on the organisations and contacts of a case, against the registry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunskapsbank.content.checks.orgnames import Mention
from kunskapsbank.content.loader import Document, field_name
from kunskapsbank.content.registry import looks_personal, name_key
from kunskapsbank.errors.catalogue import problem
from kunskapsbank.urls import is_slug

if TYPE_CHECKING:
    from kunskapsbank.content.validate import Validator

CONSENT_ADVICE = (
    "Använd en funktionsbrevlåda, till exempel upphandling@kommun.se. En personlig adress får "
    "bara stå med om organisationen själv har lämnat in fallet och personen har samtyckt: skriv "
    "då 'personal_consent: true' under kontakten."
)


def case_organisations(v: Validator, doc: Document) -> None:
    """Unknown registry ids, names close to a registry name, and personal contacts.
    Each inline name that gets a page of its own is kept in ``doc.org_names``."""
    data = doc.data or {}
    registry = v.registry
    orgs = data.get("organisations")
    for i, org in enumerate(orgs if isinstance(orgs, list) else []):
        if not isinstance(org, dict):
            continue
        name = org.get("name") if isinstance(org.get("name"), str) else ""
        org_id = org.get("id")
        if isinstance(org_id, str):
            if is_slug(org_id) and org_id not in registry.by_id:
                path = ("organisations", i, "id")
                line, col = doc.mark(path)
                doc.problems.append(
                    problem(
                        "organisation-unknown-id",
                        doc.rel,
                        line,
                        col,
                        field_name(path),
                        value=org_id,
                        suggestion=registry.suggest_id(org_id, name),
                    )
                )
        elif name and (key := name_key(name)) not in registry.by_key:
            near = registry.near(name, key) if registry.by_key else None
            path = ("organisations", i, "name")
            if not near:  # a page of its own: compared with the others project-wide
                line, col = doc.mark(path)
                doc.org_names.append(Mention(doc.rel, line, col, i, name, key))
            else:
                line, col = doc.mark(path)
                doc.problems.append(
                    problem(
                        "organisation-near-duplicate",
                        doc.rel,
                        line,
                        col,
                        field_name(path),
                        value=name,
                        other=near[0],
                        other_id=near[1],
                    )
                )
    contacts = data.get("contacts")
    for i, contact in enumerate(contacts if isinstance(contacts, list) else []):
        if not isinstance(contact, dict):
            continue
        email = contact.get("email")
        if isinstance(email, str) and looks_personal(email):
            if contact.get("personal_consent") is True:
                continue
            path = ("contacts", i, "email")
            line, col = doc.mark(path)
            doc.problems.append(
                problem(
                    "contact-personal",
                    doc.rel,
                    line,
                    col,
                    field_name(path),
                    value=email,
                    advice=CONSENT_ADVICE,
                )
            )
