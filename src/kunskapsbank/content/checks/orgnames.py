"""Organisations written inline in cases whose names are near-identical across the project.

An organisation written in a case without an ``id`` gets its own page, keyed by its name
(``registry.name_key``). "Ystads kommun" in one case and "Ystad kommun" in another would
be two pages for one organisation. This whole-project check reports each spelling that
is close to a more common one, at the line of each of its mentions:

- the same page key, written differently ("Ystads Kommun" and "Ystads kommun"): the cases
  already share a page, but the page should show one name;
- a page key one typing mistake away from another ("Ystad kommun" and "Ystads kommun"),
  close by ``difflib`` as for a registry name (``NEAR_CUTOFF``).

Names that differ in their numbers ("Exempelkommun 12" and "Exempelkommun 13") or in a
short word of their own ("Bolaget A" and "Bolaget B") are different organisations, as are
the members of a long series that differ in one letter. The check never compares all
names with all names: a name is only compared with the names that share its numbers and
one of its *deletion variants* (the name with one letter left out, or the name itself),
which is every name one insertion, deletion, substitution or swap away, found through
one dictionary in time linear in the total length of the names.

Each validated case sends its inline names (``Mention``) with its problems, so the check
runs once in the whole-project step (``validate.collect``) without the parsed cases.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from kunskapsbank.content.registry import NEAR_CUTOFF, NEAR_MIN_LENGTH
from kunskapsbank.errors.catalogue import Problem, problem

CODE = "organisation-spelling"
SERIES = 24  # more names than this one letter apart are a series, not misspellings
OWN_WORD = 2  # a differing word this short (A/B, I/II, AB/HB) tells organisations apart
DIGITS = re.compile(r"\d+")


class Mention(NamedTuple):
    """One inline organisation name in a case: where it is written, and as what."""

    file: str
    line: int
    column: int
    index: int  # in the case's organisations: the field is organisations[index].name
    name: str
    key: str  # registry.name_key(name): the page it gets


def spelling(name: str) -> str:
    """A name as the reader sees it: white space does not count."""
    return " ".join(name.split())


def near_names(mentions: Iterable[Mention]) -> list[Problem]:
    """A problem at each mention of a spelling close to a more common one."""
    by_spelling: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(mentions):
        by_spelling[spelling(m.name)].append(m)
    groups: dict[str, list[str]] = defaultdict(list)  # page key -> its spellings
    for text, found in by_spelling.items():
        groups[found[0].key].append(text)

    def rank(texts: list[str]) -> tuple[int, Mention]:  # the smallest is the one to keep
        return (-sum(len(by_spelling[t]) for t in texts), min(by_spelling[t][0] for t in texts))

    main = {key: min(texts, key=lambda t: rank([t])) for key, texts in groups.items()}
    best = {key: key for key in groups}  # the page key each spelling should be written as
    pairs = near_keys(groups)
    ranks = {key: rank(groups[key]) for pair in pairs for key in pair}
    for a, b in pairs:
        for one, other in ((a, b), (b, a)):
            if ranks[other] < ranks[best[one]]:
                best[one] = other
    out: list[Problem] = []
    for key, texts in groups.items():
        target = main[best[key]]
        variant = "same-page" if best[key] == key else None
        for text in texts:
            if text == target:
                continue
            first = by_spelling[target][0]
            for m in by_spelling[text]:
                out.append(
                    problem(
                        CODE,
                        m.file,
                        m.line,
                        m.column,
                        f"organisations[{m.index}].name",
                        hint=variant,
                        value=text,
                        other=target,
                        other_file=first.file,
                        other_line=first.line,
                    )
                )
    return out


def near_keys(groups: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs of page keys (a < b) that are one typing mistake apart and close enough."""
    by_digits: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in groups:
        if len(key) >= NEAR_MIN_LENGTH:
            by_digits[tuple(DIGITS.findall(key))].append(key)
    buckets: dict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)
    for digits, keys in by_digits.items():
        for key in keys if len(keys) > 1 else ():  # alone with its numbers: nothing is near
            letters = "-".join(p for p in DIGITS.sub("", key).split("-") if p)
            for i in range(len(letters) + 1):
                buckets[(digits, letters[:i] + letters[i + 1 :])].add(key)
    compared: set[tuple[str, str]] = set()
    for members in buckets.values():
        if 2 <= len(members) <= SERIES:
            ordered = sorted(members)
            compared.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return {(a, b) for a, b in compared if close(a, b)}


def close(a: str, b: str) -> bool:
    """True when two page keys name one organisation, written in two ways."""
    if difflib.SequenceMatcher(None, a, b).ratio() < NEAR_CUTOFF:
        return False
    words_a, words_b = a.split("-"), b.split("-")
    if len(words_a) != len(words_b):
        return True  # a word written apart or together: "Ystadskommun"
    differ = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    return not any(min(len(x), len(y)) <= OWN_WORD for x, y in differ)
