"""Cards in a listing: from cards.html, each cached per case and depth, values escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any

from kunskapsbank.content.model import Case
from kunskapsbank.render.listing import CARD_END, Listings

HOSTILE = f'Golv {CARD_END}<script>alert(1)</script> & "citat"'


def case(slug: str, title: str, lan: list[str]) -> Case:
    data: dict[str, Any] = {
        "title": title,
        "summary": f"Om {title}",
        "lan": lan,
        "status": "pagaende",
        "period": {"start": "2024-03"},
    }
    return Case(slug, None, data)  # type: ignore[arg-type]


def listings() -> Listings:
    out = Listings.__new__(Listings)
    labels = {"skane": "Skåne län", "blekinge": "Blekinge <län>", "pagaende": "Pågår"}
    out.col = SimpleNamespace(label=lambda _vocabulary, value: labels[value])  # type: ignore[assignment]
    out._cards = {}
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cards: list[list[str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "li":
            self.cards.append([])
        if tag == "a":
            self.cards[-1].append(f"href={dict(attrs)['href']}")

    def handle_data(self, data: str) -> None:
        self.cards[-1].append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment reached a card: {data}")


def test_cards_hold_their_values_as_text_and_are_cached_per_depth() -> None:
    lst = listings()
    cases = [case("a", HOSTILE, ["skane", "blekinge"]), case("b", "Vanligt fall", ["skane"])]
    html = lst.cards(cases, "fall/lan/skane/", "../../")
    parsed = _Text()
    parsed.feed(html)
    assert parsed.tags.count("li") == 2 and "script" not in parsed.tags
    first = "".join(parsed.cards[0])
    assert first.startswith("href=../../a/" + HOSTILE + "Om " + HOSTILE)
    assert "Skåne län, Blekinge <län>" in first and "Pågår" in first and "mars 2024" in first
    assert "".join(parsed.cards[1]).startswith("href=../../b/Vanligt fall")
    assert set(lst._cards) == {("a", "../../"), ("b", "../../")}
    # Same depth, other page: the cached card; another depth: a card of its own.
    assert (
        lst.cards(cases[:1], "fall/tema/golv/", "../../") == html[: len(lst._cards["a", "../../"])]
    )
    deeper = lst.cards(cases[:1], "fall/lan/skane/sida/2/", "../../../../")
    assert 'href="../../../../a/"' in deeper and len(lst._cards) == 3
