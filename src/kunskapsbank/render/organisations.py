"""The organisation directory, its pages, and the "ask them" parts of case and county pages.

Python gathers the data; the markup is in autoescaped Jinja templates packaged with
the engine (``render/templates/``). No contributed text is ever a template: it only
reaches the templates as values, and every value is escaped.
"""

from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup

from kunskapsbank.content.model import Case, Collection
from kunskapsbank.content.organisations import Directory, Organisation
from kunskapsbank.render.base import PageBase, Rendered
from kunskapsbank.render.search_keys import (
    CONTENT_TYPE,
    META_SUMMARY,
    META_TITLE,
    META_TYPE,
    TYPE_ORGANISATION,
)
from kunskapsbank.render.search_page import SUMMARY_WEIGHT, search_fields, spaced_cells
from kunskapsbank.render.templating import environment, template
from kunskapsbank.urls import (
    ORGANISATIONS,
    ORGANISATIONS_SRC,
    facet_url,
    organisation_facet_url,
    rel_url,
    src_uri,
)

COUNTY_LIMIT = 20  # organisations listed per län on a county page; the rest via a link
UNKNOWN = "okant"


@functools.cache
def _macros() -> Any:
    """The macros of ``_macros.html``, fetched once per process."""
    return environment(strict=False).get_template("_macros.html").module


class OrganisationPages(PageBase):
    def __init__(self, collection: Collection):
        super().__init__(collection)
        self._org_links: dict[tuple[str, str], Markup] = {}  # (relative URL, text) -> link
        self._contacts: dict[str, Markup] = {}  # organisation slug -> its contact point
        # (relative URL, slug, show_lan; None for a county list item) -> table row or list item
        self._org_rows: dict[tuple[str, str, bool | None], Markup] = {}
        self._vocab_labels: dict[str, dict[str, str]] = {}

    def _link(self, url: str, text: str, page: str) -> Markup:
        """A link from ``page`` to ``url``; cached, since many pages share each one."""
        href = _href(url, page)
        found = self._org_links.get((href, text))
        if found is None:
            found = self._org_links[href, text] = _macros().link(href, text)
        return found

    def _labels(self, vocabulary: str) -> dict[str, str]:
        """Term id -> label of ``vocabulary`` (``col.label`` as one dict look-up)."""
        found = self._vocab_labels.get(vocabulary)
        if found is None:
            terms = self.col.schemas.vocabularies[vocabulary].terms
            found = self._vocab_labels[vocabulary] = {t.id: t.label for t in terms}
        return found

    def _rows(self, orgs: list[Organisation], page: str, show_lan: bool) -> list[Markup]:
        """A table row per organisation (``org_row``), each cached per link."""
        out = []
        for org in orgs:
            href = rel_url(org.url, page)
            found = self._org_rows.get((href, org.slug, show_lan))
            if found is None:
                lan_label = self.col.label("lan", org.lan) if org.lan else "Okänt"
                type_label = self.col.label("org_type", org.org_type)
                found = _macros().org_row(org, href, type_label, lan_label, show_lan)
                self._org_rows[href, org.slug, show_lan] = found
            out.append(found)
        return out

    def _county_items(self, orgs: list[Organisation], page: str) -> list[Markup]:
        """A list item per organisation (``county_item``), each cached per link."""
        out = []
        for org in orgs:
            href = rel_url(org.url, page)
            found = self._org_rows.get((href, org.slug, None))
            if found is None:
                type_label = self.col.label("org_type", org.org_type)
                found = self._org_rows[href, org.slug, None] = _macros().county_item(
                    org, href, type_label
                )
            out.append(found)
        return out

    def _contact(self, org: Organisation) -> Markup:
        """The contact point of ``org`` (the same on its page and on each case page)."""
        found = self._contacts.get(org.slug)
        if found is None:
            found = self._contacts[org.slug] = _macros().contact_point(org.contact)
        return found

    @property
    def directory(self) -> Directory | None:
        return self.col.directory

    def _render(self, name: str, page: str, **values: Any) -> str:
        def rel(target: str) -> str:
            return rel_url(target, page)

        return template(name, strict=False).render(
            rel=rel,
            label=self.col.label,
            facet_url=organisation_facet_url,
            case_facet_url=facet_url,
            **values,
        )

    # -- the directory: /organisationer/ and its pages per län and type -----------

    def organisation_listings(self) -> list[Rendered]:
        d = self.directory
        if d is None:
            return []
        vocab = self.col.schemas.vocabularies
        by_lan: dict[str, list[Organisation]] = {}
        by_type: dict[str, list[Organisation]] = {}
        for org in d.organisations:
            by_lan.setdefault(org.lan or UNKNOWN, []).append(org)
            by_type.setdefault(org.org_type, []).append(org)
        groups = [(t.id, t.label, by_lan[t.id]) for t in vocab["lan"].terms if t.id in by_lan]
        if UNKNOWN in by_lan:
            groups.append((UNKNOWN, "Län okänt", by_lan[UNKNOWN]))
        groups = [(i, lbl, self._rows(m, ORGANISATIONS, False)) for i, lbl, m in groups]
        lan_pages = [(t.id, t.label) for t in vocab["lan"].terms if t.id in d.by_home]
        types = [
            (t.id, t.label, len(by_type[t.id])) for t in vocab["org_type"].terms if t.id in by_type
        ]
        html = self._render(
            "directory.html",
            ORGANISATIONS,
            orgs=d.organisations,
            case_count=len(self.col.cases),
            by_lan=[(i, lbl, len(d.by_home[i])) for i, lbl in lan_pages],
            by_type=types,
            groups=groups,
        )
        out = [
            Rendered(
                ORGANISATIONS,
                ORGANISATIONS_SRC,
                "Organisationer",
                f"{len(d.organisations)} organisationer som har deltagit i fall om "
                "innovationsupphandling, län för län.",
                html,
            )
        ]
        for lan_id, lan_label in lan_pages:
            members = sorted(d.by_home[lan_id], key=lambda o: o.name.casefold())
            neighbours = [
                (n, self.col.label("lan", n), len(d.by_home.get(n, [])))
                for n in d.neighbours.get(lan_id, [])
            ]
            out.append(
                self._facet_page(
                    "lan",
                    lan_id,
                    "Organisationer i hela landet"
                    if lan_id == "riket"
                    else f"Organisationer i {lan_label}",
                    members,
                    title_label=lan_label,
                    county_url=facet_url("lan", lan_id),
                    neighbours=neighbours,
                    unknown_note=any(o.lan is None for o in members),
                    show_lan=any(o.lan is None for o in members),
                )
            )
        for type_id, type_label, _count in types:
            out.append(
                self._facet_page(
                    "typ",
                    type_id,
                    f"Organisationer: {type_label}",
                    by_type[type_id],
                    title_label=type_label,
                    county_url=None,
                    neighbours=[],
                    unknown_note=False,
                    show_lan=True,
                )
            )
        return out

    def _facet_page(
        self, facet: str, value: str, title: str, orgs: list[Organisation], **values: Any
    ) -> Rendered:
        url = organisation_facet_url(facet, value)
        html = self._render(
            "directory_facet.html",
            url,
            index_url=ORGANISATIONS,
            rows=self._rows(orgs, url, values["show_lan"]),
            caption=f"{title}: typ och antal fall",
            **values,
        )
        return Rendered(url, src_uri(url), title, f"{title}: {len(orgs)} organisationer.", html)

    # -- one organisation ----------------------------------------------------------

    def organisation_page(self, org: Organisation) -> Rendered:
        label = self.col.label
        cases: list[tuple[Case, list[str]]] = []
        for part in org.parts:
            if cases and cases[-1][0] is part.case:
                cases[-1][1].append(label("role", part.role))
            else:
                cases.append((part.case, [label("role", part.role)]))
        where = f" i {label('lan', org.lan)}" if org.lan and org.lan != "riket" else ""
        count = len(org.cases)
        summary = f"{label('org_type', org.org_type)}{where}. Har deltagit i {count} fall i kunskapsbanken."
        regions = [r for r in org.home if r != "riket"] or org.home
        region_text = _join([label("lan", r) for r in regions]) + (
            " och grannlänen" if any(self.directory.neighbours.get(r) for r in regions) else ""
        )
        own = org.theme_set
        theme_names, lan_names = self._labels("themes"), self._labels("lan")

        def shared(peer: Organisation) -> str:
            common = [t for t in peer.themes if t in own][:3]  # only three are shown
            return "samma teman: " + ", ".join([theme_names.get(t, t) for t in common])

        page, link = org.url, self._link
        peers = [
            (
                link(peer.url, peer.name, page),
                lan_names.get(peer.lan, peer.lan) if peer.lan else "län okänt",
                shared(peer),
            )
            for peer in org.peers
        ]
        # Each link is Markup from the link macro: joined as text and marked once.
        themes, procedures = (
            Markup(", ".join([link(facet_url(f, v), names.get(v, v), page) for v in values]))
            for f, names, values in (
                ("tema", self._labels("themes"), org.themes),
                ("forfarande", self._labels("procedures"), org.procedures),
            )
        )
        html = self._render(
            "organisation.html",
            page,
            org=org,
            entry=org.entry,
            summary=summary,
            cases=[(link(case.url, case.title, page), roles) for case, roles in cases],
            contact=self._contact(org),
            themes=themes,
            procedures=procedures,
            peers=peers,
            region_text=region_text,
            # Title, type and filter as Pagefind data, never as words of the page.
            search_data=Markup(
                search_fields(
                    org.name,
                    meta={META_TITLE: org.name, META_TYPE: TYPE_ORGANISATION},
                    filters=[(CONTENT_TYPE, TYPE_ORGANISATION)],
                    sorts={},
                )
            ),
            summary_weight=SUMMARY_WEIGHT,
            meta_summary=META_SUMMARY,
        )
        return Rendered(org.url, src_uri(org.url), org.name, summary, spaced_cells(html))

    def organisation_filters(self) -> list[dict[str, list[str]]]:
        d = self.directory
        return [{CONTENT_TYPE: [TYPE_ORGANISATION]} for _ in (d.organisations if d else [])]

    # -- parts of other pages --------------------------------------------------------

    def ask_section(self, case: Case, page: str) -> str:
        """ "Fråga dem som gjort det": the contact points behind a case."""
        d = self.directory
        orgs: list[tuple[Organisation, list[str]]] = []
        if d is not None:
            for org, item in zip(
                d.of_case.get(case.slug, []), case.data["organisations"], strict=False
            ):
                role = self.col.label("role", item["role"])
                for known, roles in orgs:
                    if known is org:
                        roles.append(role)
                        break
                else:
                    orgs.append((org, [role]))
        contacts = case.data.get("contacts") or []
        if not orgs and not contacts:
            return ""
        items = [
            (self._link(org.url, org.name, page), roles, self._contact(org)) for org, roles in orgs
        ]
        return self._render("ask.html", page, orgs=items, contacts=contacts)

    def county_organisations(self, lan_id: str, page: str) -> str:
        """The organisations in a county and its neighbours, for the county's case list."""
        d = self.directory
        if d is None:
            return ""
        groups = []
        for county, members in d.near(lan_id):
            label = self.col.label("lan", county)
            shown = self._county_items(members[:COUNTY_LIMIT], page)
            more = len(members) if len(members) > COUNTY_LIMIT else 0
            groups.append((county, label, shown, more))
        heading = (
            "Organisationer som verkar i hela landet"
            if lan_id == "riket"
            else "Organisationer i länet och i grannlänen"
        )
        return self._render("county.html", page, groups=groups, heading=heading)

    def organisation_link(self, case: Case, index: int, page: str) -> str | None:
        """The URL of the page of the organisation at ``index`` in ``case``, relative to ``page``."""
        d = self.directory
        found = d.of_case.get(case.slug) if d is not None else None
        return rel_url(found[index].url, page) if found and index < len(found) else None


def _href(url: str, page: str) -> str:
    """``rel_url(url, page)`` for a page URL: when the two share no first folder, the link
    climbs out of every folder of ``page`` (skips the comparison for most links)."""
    head = url[: url.find("/") + 1]
    if head and not page.startswith(head) and not url.startswith(("https:", "mailto:", "#")):
        return "../" * page.count("/") + url
    return rel_url(url, page)


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]
