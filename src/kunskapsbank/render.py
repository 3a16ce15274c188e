"""HTML for generated pages: case pages, the case library and facet pages.

No template engine ever sees contributed text. Every frontmatter string goes
through ``html.escape``; the Markdown body is rendered by cmark-gfm, the
dialect contributors see in GitHub's pull-request preview, and then sanitized
by nh3 with an allowlist, whatever the validator said.
URLs are relative, so the site works from any folder.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import nh3
from cmarkgfm.cmark import Options as CmarkOptions
from cmarkgfm.cmark import markdown_to_html_with_extensions

from . import urlpolicy
from .loader import Document
from .model import CASE_URL, FACET_URL, FACETS, Case, Collection, Facet, Guide, guide_url
from .project import Layout

PAGE_SIZE = 50

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em", "strong",
    "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr",
    "br", "abbr", "sub", "sup", "kbd", "del", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"https", "mailto"}
# GitHub's dialect without bare-URL autolinks, which would also link http: and
# www. addresses the validator never saw. Raw HTML passes to nh3, which keeps
# only the allowed tags; the validator has already reported the rest.
CMARK_EXTENSIONS = ("table", "strikethrough", "tagfilter")
CMARK_OPTIONS = CmarkOptions.CMARK_OPT_UNSAFE | CmarkOptions.CMARK_OPT_VALIDATE_UTF8


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def rel_url(target: str, page: str) -> str:
    """A relative URL from the page at ``page`` (like ``fall/x/``) to ``target``.

    Both are paths from the site root; called tens of thousands of times per
    build, so it compares path segments instead of asking ``posixpath.relpath``.
    """
    if target.startswith(("https:", "mailto:", "#")):
        return target
    base = page[: page.rfind("/") + 1]
    here = base.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    out = "../" * (len(here) - common) + "/".join(there[common:])
    return out or "./"


def month_label(value: str) -> str:
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def date_label(value: str) -> str:
    year, month, day = value.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def sek(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


class BodyRenderer:
    """Markdown to sanitized HTML, with links rewritten to site URLs.

    Needs only the project layout and the guidance pages that exist, so that it
    can run in worker processes before the collection is built.
    """

    def __init__(self, layout: Layout, guide_keys: Iterable[str]):
        self.guide_urls = {key: guide_url(key) for key in guide_keys}
        self.root = layout.root
        self.cases_dir = layout.cases_dir
        self.docs_dir = layout.docs_dir

    def render(self, doc: Document) -> str:
        """The sanitized HTML of a case body (``doc`` is a case file)."""
        raw_html = markdown_to_html_with_extensions(
            doc.body, options=CMARK_OPTIONS, extensions=CMARK_EXTENSIONS
        )
        page = CASE_URL.format(slug=doc.path.stem)
        source_dir = doc.path.parent

        def attribute_filter(tag: str, attr: str, value: str) -> str | None:
            if tag == "img" and attr == "src" and ":" in value.split("/", 1)[0]:
                return None  # never load an image from another host
            if attr in urlpolicy.URL_ATTRIBUTES:
                return self.final_url(value, attr, source_dir, page)
            return value

        return nh3.clean(
            raw_html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            attribute_filter=attribute_filter,
            link_rel="noopener noreferrer",
        )

    def final_url(self, value: str, attr: str, source_dir: Path, page: str) -> str | None:
        """The URL written for ``value``: rewritten to a site URL, then checked by the policy."""
        rewritten = self.rewrite(value, source_dir, page)
        if rewritten is None or not urlpolicy.allowed(rewritten, attr, page):
            return None
        return rewritten

    def rewrite(self, value: str, source_dir: Path, page: str) -> str | None:
        """``value`` as a URL relative to ``page``, or None when it leads nowhere on the site."""
        if value.startswith(("https:", "mailto:", "#")) or not value:
            return value
        if ":" in value.split("/", 1)[0]:
            return None  # any other scheme: drop the attribute
        if value.replace("\\", "/").startswith("//"):
            return None  # another host without a scheme
        path_part, sep, fragment = value.partition("#")
        target = unquote(path_part.split("?", 1)[0])
        if target.startswith("/"):
            return rel_url(target.lstrip("/"), page) + (sep + fragment if sep else "")
        resolved = Path(posixpath.normpath((source_dir / target).as_posix()))
        site_path = self._site_path(resolved)
        if site_path is None:
            return None
        # A file name with a space or other reserved character is written percent-encoded.
        return quote(rel_url(site_path, page), safe="/") + (sep + fragment if sep else "")

    def _site_path(self, path: Path) -> str | None:
        try:
            inside_cases = path.relative_to(self.cases_dir)
        except ValueError:
            inside_cases = None
        if inside_cases is not None:
            if inside_cases.suffix == ".md" and len(inside_cases.parts) == 1:
                return f"fall/{inside_cases.stem}/"
            return "fall/" + inside_cases.as_posix()
        try:
            inside_docs = path.relative_to(self.docs_dir)
        except ValueError:
            return None
        if inside_docs.suffix == ".md":
            key = inside_docs.with_suffix("").as_posix()
            return self.guide_urls.get(key)
        return inside_docs.as_posix()


@dataclass(slots=True)
class Rendered:
    """A generated page: where it goes and what it holds."""

    url: str  # like 'fall/x/'
    src_uri: str  # like 'fall/x.md', for generators that think in source files
    title: str
    description: str
    html: str


class SiteRenderer:
    def __init__(self, collection: Collection):
        self.col = collection
        self.body = BodyRenderer(collection.layout, collection.guides)
        self.settings = collection.layout.settings
        self._cards: dict[tuple[str, str], str] = {}
        self._facet_links: dict[tuple[str, str, str, bool], str] = {}

    # -- links -------------------------------------------------------------

    def _facet_link(self, facet: Facet, value: str, page: str, *, filter_attr: bool) -> str:
        """A link to a facet value's page; cached, since thousands of pages share each one."""
        prefix = rel_url("fall/", page)
        key = (facet.path, value, prefix, filter_attr)
        cached = self._facet_links.get(key)
        if cached is not None:
            return cached
        label = self.col.label(facet.vocabulary, value)
        attr = f' data-pagefind-filter="{esc(facet.filter_name)}"' if filter_attr else ""
        if value in self.col.facet_index.get(facet.path, {}):
            url = prefix + FACET_URL.format(facet=facet.path, value=value).removeprefix("fall/")
            cached = f'<a href="{esc(url)}"{attr}>{esc(label)}</a>'
        else:
            cached = f"<span{attr}>{esc(label)}</span>"
        self._facet_links[key] = cached
        return cached

    def _facet(self, path: str) -> Facet:
        return next(f for f in FACETS if f.path == path)

    def edit_url(self, rel_path: str) -> str | None:
        repo = self.settings.repo_url.rstrip("/")
        if not repo:
            return None
        edit = self.settings.edit_uri.strip("/") or "edit/main"
        return f"{repo}/{edit.rsplit('/docs', 1)[0] if edit.endswith('/docs') else edit}/{rel_path}"

    def issue_url(self, title: str) -> str | None:
        repo = self.settings.repo_url.rstrip("/")
        if not repo:
            return None
        from urllib.parse import quote

        return f"{repo}/issues/new?template=fel-i-fall.yml&title=" + quote(
            f"Fel i fallet: {title}", safe=""
        )

    # -- case page ---------------------------------------------------------

    def case_page(self, case: Case) -> Rendered:
        page = case.url
        d = case.data
        col = self.col
        rows: list[tuple[str, str]] = []

        orgs = []
        filtered: set[str] = set()  # Pagefind counts every marked element, so mark each type once
        for o in d["organisations"]:
            org_type = self._facet_link(
                self._facet("organisationstyp"),
                o["org_type"],
                page,
                filter_attr=o["org_type"] not in filtered,
            )
            filtered.add(o["org_type"])
            orgs.append(
                f'<li><span class="kb-org">{esc(o["name"])}</span> '
                f'<span class="kb-muted">({esc(col.label("role", o["role"]))}, {org_type})</span></li>'
            )
        rows.append(("Organisationer", f'<ul class="kb-plain">{"".join(orgs)}</ul>'))
        rows.append(("Län", self._links("lan", d["lan"], page)))
        period = d["period"]
        period_html = (
            f'<time datetime="{esc(period["start"])}">{esc(month_label(period["start"]))}</time>'
        )
        if period.get("end"):
            period_html += (
                f' – <time datetime="{esc(period["end"])}">{esc(month_label(period["end"]))}</time>'
            )
        else:
            period_html += " – (inget slut angivet)"
        rows.append(("Period", period_html))
        rows.append(("Status", self._links("status", [d["status"]], page)))
        rows.append(
            (
                "Typ av fall",
                f'<span data-pagefind-filter="Typ av fall">{esc(col.label("case_type", d["case_type"]))}</span>',
            )
        )
        if d.get("procedures"):
            rows.append(("Förfaranden", self._links("forfarande", d["procedures"], page)))
        if d.get("methods"):
            rows.append(("Metoder", esc(", ".join(col.label("methods", m) for m in d["methods"]))))
        if d.get("innovation_level"):
            rows.append(
                ("Innovationsnivå", esc(col.label("innovation_level", d["innovation_level"])))
            )
        if d.get("phase_reached"):
            rows.append(("Uppnådd fas", esc(col.label("phases", d["phase_reached"]))))
        if d.get("sectors"):
            rows.append(("Sektorer", self._links("sektor", d["sectors"], page)))
        rows.append(("Teman", self._links("tema", d["themes"], page)))
        if d.get("funding"):
            items = []
            for f in d["funding"]:
                parts = [f'<span class="kb-org">{esc(f["funder"])}</span>']
                if f.get("programme"):
                    parts.append(f"program {esc(f['programme'])}")
                if f.get("reference"):
                    parts.append(f"diarienummer {esc(f['reference'])}")
                if f.get("amount_sek") is not None:
                    parts.append(f'<span class="kb-amount">{esc(sek(f["amount_sek"]))}</span>')
                items.append("<li>" + ", ".join(parts) + "</li>")
            rows.append(("Finansiering", f'<ul class="kb-plain">{"".join(items)}</ul>'))
        evidence = col.schemas.vocabularies["evidence"].by_id[d["evidence"]]
        rows.append(
            (
                "Underlag",
                f"{esc(evidence.label)}"
                + (
                    f'<br><span class="kb-muted">{esc(evidence.description)}</span>'
                    if evidence.description
                    else ""
                ),
            )
        )
        facts = "".join(
            f'<div class="kb-fact"><dt data-pagefind-ignore>{esc(k)}</dt><dd>{v}</dd></div>'
            for k, v in rows
        )
        parts = [
            f'<p class="kb-lead" data-pagefind-meta="summary">{esc(case.summary)}</p>',
            '<section class="kb-facts" aria-labelledby="fakta">'
            '<h2 id="fakta" data-pagefind-ignore>Fakta om fallet</h2>'
            f"<dl>{facts}</dl></section>",
            f'<div class="kb-body">{case.doc.html or self.body.render(case.doc)}</div>',
        ]
        lessons = []
        for lesson in d["lessons"]:
            themes = ""
            if lesson.get("themes"):
                themes = (
                    '<br><span class="kb-muted">Tema: '
                    + self._links("tema", lesson["themes"], page, filter_attr=False)
                    + "</span>"
                )
            lessons.append(f"<li>{esc(lesson['text'])}{themes}</li>")
        parts.append(self._section("lardomar", "Lärdomar", f"<ul>{''.join(lessons)}</ul>"))
        sources = []
        for s in d["sources"]:
            title = esc(s["title"])
            if s.get("url"):
                title = f'<a href="{esc(s["url"])}" rel="noopener noreferrer">{title}</a>'
            extra = ", ".join(esc(x) for x in (s.get("publisher"), s.get("year")) if x)
            sources.append(f"<li>{title}{', ' + extra if extra else ''}</li>")
        parts.append(self._section("kallor", "Källor", f"<ol>{''.join(sources)}</ol>"))
        if d.get("contacts"):
            contacts = []
            for c in d["contacts"]:
                role = f", {esc(c['role'])}" if c.get("role") else ""
                contacts.append(
                    f"<li>{esc(c['organisation'])}{role}: "
                    f'<a href="mailto:{esc(c["email"])}">{esc(c["email"])}</a></li>'
                )
            parts.append(
                self._section("kontakt", "Kontakt", f"<ul>{''.join(contacts)}</ul>", index=False)
            )
        related = col.related_cases(case)
        if related:
            links = self._case_list(related, page)
            parts.append(self._section("relaterade-fall", "Relaterade fall", links, index=False))
        guides = col.related_guides_of_case(case)
        if guides:
            links = self._guide_list(guides, page)
            parts.append(
                self._section("relaterad-vagledning", "Relaterad vägledning", links, index=False)
            )
        parts.append(self._page_meta(case.doc.rel, d, case.title))
        html_out = (
            f'<article class="kb-case" data-pagefind-body>'
            f'<span data-pagefind-meta="title" hidden>{esc(case.title)}</span>'
            f'<span data-pagefind-filter="Innehållstyp" hidden>Fall</span>'
            f'<span data-pagefind-meta="type" hidden>Fall</span>'
            f'<span data-pagefind-meta="date" hidden>{esc(d["last_reviewed"])}</span>'
            f'<span data-pagefind-filter="Startår" hidden>{esc(case.start_year)}</span>'
            f'<span data-pagefind-sort="start" hidden>{esc(d["period"]["start"])}</span>'
            f'<span data-pagefind-sort="granskad" hidden>{esc(d["last_reviewed"])}</span>'
            + "".join(parts)
            + "</article>"
        )
        return Rendered(page, f"fall/{case.slug}.md", case.title, case.summary, html_out)

    def _links(
        self, facet_path: str, values: Iterable[str], page: str, *, filter_attr: bool = True
    ) -> str:
        facet = self._facet(facet_path)
        return ", ".join(self._facet_link(facet, v, page, filter_attr=filter_attr) for v in values)

    @staticmethod
    def _section(anchor: str, title: str, body: str, *, index: bool = True) -> str:
        ignore = "" if index else " data-pagefind-ignore"
        return (
            f'<section class="kb-section" aria-labelledby="{anchor}"{ignore}>'
            f'<h2 id="{anchor}">{esc(title)}</h2>{body}</section>'
        )

    def _page_meta(self, rel_path: str, data: dict[str, Any], title: str) -> str:
        bits = []
        if data.get("published"):
            bits.append(
                f'Publicerad <time datetime="{esc(data["published"])}">'
                f"{esc(date_label(data['published']))}</time>."
            )
        bits.append(
            f'Senast granskad <time datetime="{esc(data["last_reviewed"])}">'
            f"{esc(date_label(data['last_reviewed']))}</time>."
        )
        links = []
        edit = self.edit_url(rel_path)
        if edit:
            links.append(f'<a href="{esc(edit)}">Föreslå en ändring</a>')
        issue = self.issue_url(title)
        if issue:
            links.append(f'<a href="{esc(issue)}">Rapportera ett fel på sidan</a>')
        link_html = f"<p>{' · '.join(links)}</p>" if links else ""
        return (
            f'<footer class="kb-page-meta" data-pagefind-ignore><p>{" ".join(bits)}</p>'
            f"{link_html}</footer>"
        )

    def _case_list(self, cases: list[Case], page: str) -> str:
        items = "".join(
            f'<li><a href="{esc(rel_url(c.url, page))}">{esc(c.title)}</a></li>' for c in cases
        )
        return f"<ul>{items}</ul>"

    def _guide_list(self, guides: list[Guide], page: str) -> str:
        items = "".join(
            f'<li><a href="{esc(rel_url(g.url, page))}">{esc(g.title)}</a></li>' for g in guides
        )
        return f"<ul>{items}</ul>"

    # -- guidance additions --------------------------------------------------

    def guide_additions(self, guide: Guide) -> str:
        """Owner, review date, related guidance and the cases that point here."""
        page = guide.url
        d = guide.data
        parts = []
        cases = self.col.cases_for_guide(guide)
        if cases:
            parts.append(
                self._section(
                    "fall-om-detta",
                    "Fall som handlar om detta",
                    self._case_list(cases, page),
                    index=False,
                )
            )
        related = [
            self.col.guides[k] for k in d.get("related_guidance") or [] if k in self.col.guides
        ]
        if related:
            parts.append(
                self._section("las-aven", "Läs även", self._guide_list(related, page), index=False)
            )
        meta = []
        if d.get("owner"):
            meta.append(f"Ansvarig: {esc(d['owner'])}.")
        if d.get("published"):
            meta.append(
                f'Publicerad <time datetime="{esc(d["published"])}">'
                f"{esc(date_label(d['published']))}</time>."
            )
        if d.get("last_reviewed"):
            meta.append(
                f'Senast granskad <time datetime="{esc(d["last_reviewed"])}">'
                f"{esc(date_label(d['last_reviewed']))}</time>."
            )
        if d.get("next_review"):
            meta.append(
                f'Nästa granskning <time datetime="{esc(d["next_review"])}">'
                f"{esc(date_label(d['next_review']))}</time>."
            )
        if meta:
            status = ""
            if d.get("status") == "under-oversyn":
                status = (
                    '<p class="kb-notice"><strong>Sidan ses över.</strong> '
                    "Innehållet kan vara inaktuellt.</p>"
                )
            parts.append(
                f'<footer class="kb-page-meta" data-pagefind-ignore>{status}'
                f"<p>{' '.join(meta)}</p></footer>"
            )
        return "".join(parts)

    def case_filters(self, case: Case) -> dict[str, list[str]]:
        """The Pagefind filter values a case page carries (as its markup writes them)."""
        out: dict[str, list[str]] = {"Innehållstyp": ["Fall"]}
        for facet in FACETS:
            values = facet.values(case.data)
            if values:
                out[facet.filter_name] = [self.col.label(facet.vocabulary, v) for v in values]
        out["Typ av fall"] = [self.col.label("case_type", case.data["case_type"])]
        out["Startår"] = [case.start_year]
        return out

    def guide_filters(self, guide: Guide) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"Innehållstyp": ["Vägledning"]}
        themes = [self.col.label("themes", t) for t in guide.data.get("themes") or []]
        if themes:
            out["Tema"] = themes
        return out

    def filter_counts(self, searchable_guides: list[Guide]) -> dict[str, dict[str, int]]:
        """Every filter value in the search index with its number of pages."""
        counts: dict[str, dict[str, int]] = {name: {} for name in SEARCH_FILTERS}
        pages = [self.case_filters(c) for c in self.col.cases]
        pages += [self.guide_filters(g) for g in searchable_guides]
        for filters in pages:
            for name, values in filters.items():
                for value in dict.fromkeys(values):
                    counts[name][value] = counts[name].get(value, 0) + 1
        return {name: values for name, values in counts.items() if values}

    def guide_search_data(self, guide: Guide) -> str:
        """Hidden Pagefind metadata for a guidance page (put inside the indexed body)."""
        d = guide.data
        out = [
            '<span data-pagefind-filter="Innehållstyp" hidden>Vägledning</span>',
            '<span data-pagefind-meta="type" hidden>Vägledning</span>',
        ]
        if d.get("summary"):
            out.append(f'<span data-pagefind-meta="summary" hidden>{esc(d["summary"])}</span>')
        if d.get("last_reviewed"):
            out.append(f'<span data-pagefind-meta="date" hidden>{esc(d["last_reviewed"])}</span>')
            out.append(
                f'<span data-pagefind-sort="granskad" hidden>{esc(d["last_reviewed"])}</span>'
            )
        for theme in d.get("themes") or []:
            out.append(
                f'<span data-pagefind-filter="Tema" hidden>'
                f"{esc(self.col.label('themes', theme))}</span>"
            )
        if d.get("synonyms"):
            # Indexed as words of the page, never shown.
            out.append(
                '<p class="kb-synonyms" aria-hidden="true" hidden>'
                + esc(" ".join(d["synonyms"]))
                + "</p>"
            )
        return "".join(out)

    # -- library and facets ----------------------------------------------------

    def card(self, case: Case, page: str) -> str:
        """A case's card in a listing; cached per case and relative path to /fall/."""
        prefix = rel_url("fall/", page)
        key = (case.slug, prefix)
        cached = self._cards.get(key)
        if cached is None:
            cached = self._cards[key] = self._card(case, page)
        return cached

    def _card(self, case: Case, page: str) -> str:
        d = case.data
        counties = ", ".join(esc(self.col.label("lan", v)) for v in d["lan"])
        period = month_label(d["period"]["start"])
        if d["period"].get("end"):
            period += " – " + month_label(d["period"]["end"])
        return (
            '<li class="kb-card">'
            f'<h3 class="kb-card__title"><a href="{esc(rel_url(case.url, page))}">{esc(case.title)}</a></h3>'
            f'<p class="kb-card__summary">{esc(case.summary)}</p>'
            '<p class="kb-card__meta">'
            f'<span><span class="kb-visually-hidden">Län: </span>{counties}</span> · '
            f'<span><span class="kb-visually-hidden">Status: </span>'
            f"{esc(self.col.label('status', d['status']))}</span> · "
            f'<span><span class="kb-visually-hidden">Period: </span>{esc(period)}</span>'
            "</p></li>"
        )

    def list_pages(
        self, base: str, title: str, intro: Callable[[str], str], cases: list[Case]
    ) -> list[Rendered]:
        """Paginated card lists: ``base``, then ``base``sida/2/ and so on.

        ``intro`` gives the introduction for a page URL, so its links stay relative.
        """
        pages = max(1, -(-len(cases) // PAGE_SIZE))
        count = len(cases)
        out = []
        for n in range(1, pages + 1):
            url = base if n == 1 else f"{base}sida/{n}/"
            chunk = cases[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]
            cards = "".join(self.card(c, url) for c in chunk)
            page_title = title if n == 1 else f"{title}, sida {n} av {pages}"
            of_pages = f" Sida {n} av {pages}." if pages > 1 else ""
            body = (
                f'<div class="kb-listing" data-pagefind-ignore="all">{intro(url)}'
                f'<p class="kb-count">{count} fall, nyast först.{of_pages}</p>'
                f'<ul class="kb-cards">{cards}</ul>{self._pager(base, url, n, pages)}</div>'
            )
            src_uri = f"{base}index.md" if n == 1 else url.rstrip("/") + ".md"
            out.append(Rendered(url, src_uri, page_title, f"{title}: {count} fall.", body))
        return out

    @staticmethod
    def _pager(base: str, url: str, n: int, pages: int) -> str:
        if pages == 1:
            return ""
        links = []
        for i in range(1, pages + 1):
            target = base if i == 1 else f"{base}sida/{i}/"
            if i == n:
                links.append(
                    f'<li><a aria-current="page" href="{esc(rel_url(target, url))}">{i}</a></li>'
                )
            else:
                links.append(f'<li><a href="{esc(rel_url(target, url))}">{i}</a></li>')
        return f'<nav class="kb-pager" aria-label="Sidor"><ul>{"".join(links)}</ul></nav>'

    def library(self) -> list[Rendered]:
        col = self.col
        facets = [f for f in FACETS if col.facet_index.get(f.path)]

        def intro(url: str) -> str:
            links = "".join(
                f'<li><a href="{esc(rel_url(f"fall/{f.path}/", url))}">'
                f"{esc(col.schemas.vocabularies[f.vocabulary].title)}</a></li>"
                for f in facets
            )
            return (
                "<p>Här finns erfarenheter som organisationer delar med varandra: upphandlingar, "
                "projekt, nätverk och studier. Bläddra bland alla fall nedan, sök, eller välj "
                f'fall efter:</p><ul class="kb-facet-nav">{links}</ul>'
            )

        return self.list_pages("fall/", "Fall", intro, col.cases)

    def facet_pages(self) -> list[Rendered]:
        out: list[Rendered] = []
        col = self.col
        for facet in FACETS:
            values = col.facet_index.get(facet.path) or {}
            if not values:
                continue
            vocab = col.schemas.vocabularies[facet.vocabulary]
            ordered = [(t.id, t.label, len(values[t.id])) for t in vocab.terms if t.id in values]
            index_url = f"fall/{facet.path}/"
            out.append(
                Rendered(
                    index_url,
                    f"fall/{facet.path}/index.md",
                    f"Fall per {vocab.title.lower()}",
                    f"Antal fall för varje {vocab.title.lower()} i kunskapsbanken.",
                    self._facet_index_html(facet, vocab.title, ordered, index_url),
                )
            )
            for term_id, label, _count in ordered:
                cases = values[term_id]
                base = FACET_URL.format(facet=facet.path, value=term_id)
                noun = vocab.title.lower()

                def intro(url: str, noun: str = noun, index_url: str = index_url) -> str:
                    return (
                        f'<p><a href="{esc(rel_url(index_url, url))}">Alla värden för '
                        f'{esc(noun)}</a> · <a href="{esc(rel_url("fall/", url))}">Alla fall</a></p>'
                    )

                pages = self.list_pages(base, f"{vocab.title}: {label}", intro, cases)
                out.extend(pages)
        return out

    def _facet_index_html(
        self, facet: Facet, title: str, ordered: list[tuple[str, str, int]], page: str
    ) -> str:
        top = max(c for _, _, c in ordered)
        bar_h, gap, label_w, chart_w = 22, 8, 210, 300
        height = len(ordered) * (bar_h + gap) + gap
        bars = []
        items = []
        for i, (term_id, label, count) in enumerate(ordered):
            y = gap + i * (bar_h + gap)
            width = max(2, round(chart_w * count / top))
            url = rel_url(FACET_URL.format(facet=facet.path, value=term_id), page)
            bars.append(
                f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end">{esc(label)}</text>'
                f'<rect x="{label_w}" y="{y}" width="{width}" height="{bar_h}" rx="2"></rect>'
                f'<text x="{label_w + width + 6}" y="{y + bar_h * 0.7:.1f}">{count}</text>'
            )
            items.append(
                f'<li><a href="{esc(url)}">{esc(label)}</a> <span class="kb-muted">'
                f"({count} fall)</span></li>"
            )
        svg = (
            f'<svg class="kb-chart" role="img" aria-labelledby="diagram-rubrik" '
            f'viewBox="0 0 {label_w + chart_w + 60} {height}" '
            f'width="{label_w + chart_w + 60}" height="{height}" '
            f'preserveAspectRatio="xMinYMin meet">'
            f'<title id="diagram-rubrik">Antal fall per {esc(title.lower())}</title>'
            + "".join(bars)
            + "</svg>"
        )
        return (
            '<div class="kb-listing" data-pagefind-ignore="all">'
            f"<p>Välj {esc(title.lower())} för att se fallen. Siffran visar hur många fall det finns.</p>"
            f'<ul class="kb-facet-values">{"".join(items)}</ul>'
            f'<figure class="kb-figure">{svg}<figcaption>Diagrammet visar samma siffror som listan.'
            "</figcaption></figure></div>"
        )


# Pagefind filters in the order the search page shows them.
SEARCH_FILTERS = ("Innehållstyp", *(f.filter_name for f in FACETS), "Typ av fall", "Startår")
SORTS = (
    ("", "Relevans"),
    ("start", "Startår, nyast först (bara fall)"),
    ("granskad", "Senast granskad"),
)


def search_page_html(page_url: str, filter_counts: dict[str, dict[str, int]]) -> str:
    """The search form and result list on /sok/; the script fills it in.

    The filter values and their totals are written into the page, so that the
    first search downloads no filter chunk it does not need.
    """
    import json

    bundle = rel_url("pagefind/", page_url)
    options = "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in SORTS)
    return (
        '<div id="kb-search-nojs" class="kb-notice"><p>Sökningen behöver JavaScript. '
        f'Du kan också <a href="{esc(rel_url("fall/", page_url))}">bläddra bland fallen</a> '
        f'eller läsa <a href="{esc(rel_url("vagledning/", page_url))}">vägledningen</a>.</p></div>'
        f'<div id="kb-search" class="kb-search" hidden data-bundle="{esc(bundle)}" '
        f"data-filters='{esc(json.dumps(SEARCH_FILTERS, ensure_ascii=False))}' "
        f"data-values='{esc(json.dumps(filter_counts, ensure_ascii=False, sort_keys=True))}'>"
        '<form id="kb-search-form" role="search" aria-label="Sök i kunskapsbanken">'
        '<div class="kb-search__row"><label for="kb-q">Sökord</label>'
        '<input id="kb-q" type="search" name="q" autocomplete="off">'
        '<button type="submit" class="md-button md-button--primary">Sök</button></div>'
        '<div class="kb-search__row"><label for="kb-sort">Sortera</label>'
        f'<select id="kb-sort" name="sortera">{options}</select></div>'
        '<p class="kb-skip-results"><a href="#kb-status">Hoppa förbi filtren till träffarna</a></p>'
        '<div class="kb-search__layout"><div id="kb-filters" class="kb-filters" '
        'role="group" aria-label="Filter"></div><div class="kb-search__results">'
        '<p id="kb-status" role="status" aria-live="polite" tabindex="-1"></p>'
        '<ol id="kb-results" class="kb-results"></ol>'
        '<button id="kb-more" type="button" class="md-button" hidden>Visa fler träffar</button>'
        "</div></div></form></div>"
        f'<script src="{esc(rel_url("assets/sok.js", page_url))}" defer></script>'
    )
