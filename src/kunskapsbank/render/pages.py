"""The renderer of engine pages: one object with every kind of page, one module each."""

from __future__ import annotations

from kunskapsbank.render.base import Rendered
from kunskapsbank.render.case_page import CasePage
from kunskapsbank.render.guide import GuideParts
from kunskapsbank.render.listing import Listings
from kunskapsbank.render.networks import NetworksPage
from kunskapsbank.render.organisations import OrganisationPages
from kunskapsbank.render.search_page import SearchData

__all__ = ["Rendered", "SiteRenderer"]


class SiteRenderer(CasePage, GuideParts, Listings, SearchData, OrganisationPages, NetworksPage):
    """Case pages, guidance additions, listings, search data, organisation and network pages."""
