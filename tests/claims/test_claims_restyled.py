"""Copies that restyle a wire story and keep every fact: a dateline with the country for the
date and agency, British and American spelling of a title, "US$" for "$", "two dozen" for 24,
"seven-decade" for "70-year". None of these is a change; the same slots changed for real
still are."""

from __future__ import annotations

import pytest

from wiretrace.claims.compare import compare_texts
from wiretrace.claims.numbers import find_numbers

WIRE = ("ORVIK, March 3 (Nordwire) - Port Minister Tove Aaland said on Monday the Orvik Port "
        "Authority would buy 24 tugboats for $1.2bn. The order is the largest in the "
        "authority's 70-year history, Aaland said.")


def changes(copy: str, source: str = WIRE) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy).changes]


@pytest.mark.parametrize("copy", [
    WIRE.replace("ORVIK, March 3 (Nordwire) -", "ORVIK, Estmark -"),
    WIRE.replace("ORVIK, March 3 (Nordwire) -", "ORVIK, Estmark —"),
    WIRE.replace("$1.2bn", "US$1.2bn"),
    WIRE.replace("24 tugboats", "two dozen tugboats"),
    WIRE.replace("70-year history", "seven-decade history"),
])
def test_a_restyled_copy_changes_nothing(copy: str) -> None:
    assert changes(copy) == []


def test_the_same_slots_changed_are_still_changes() -> None:
    assert changes(WIRE.replace("24 tugboats", "three dozen tugboats"))
    assert changes(WIRE.replace("70-year history", "six-decade history"))
    assert changes(WIRE.replace("$1.2bn", "US$2.1bn"))


def test_a_country_changed_against_the_sources_own_placed_dateline_is_a_change() -> None:
    placed = WIRE.replace("ORVIK, March 3 (Nordwire) -", "ORVIK, Estmark -")
    assert changes(placed.replace("Estmark", "Varnia"), placed)


def test_defence_and_defense_are_one_title() -> None:
    src = ("Estmark will spend 2.5 percent of its economy on defence by 2027, Defence Minister "
           "Ilse Brandt said on Friday in Korsa.")
    us = src.replace("defence", "defense").replace("Defence", "Defense")
    assert changes(us, src) == []
    assert [k for k, _, _ in changes(src.replace("Defence Minister", "Finance Minister"), src)
            if k == "title"]


def test_currency_prefixes_and_dozens_are_read_as_numbers() -> None:
    got = {n.text: (n.low, n.unit) for n in find_numbers(
        "a US$1.2bn deal, HK$5 billion in bonds and two dozen jets")}
    assert got == {"US$1.2bn": (1.2e9, "money"), "HK$5 billion": (5e9, "money"),
                   "two dozen": (24.0, None)}


def test_a_share_in_words_is_the_percentage() -> None:
    """"one in three of the displaced", "six in ten", "nine out of 10" for 33, 61 and 90
    percent: one share, rounded in words; "one in ten" for 33 percent is a change."""
    src = ("LISK, Varnia (Nordwire) - Floods have displaced 1,812 people in Telmar, the disaster "
           "agency said on Tuesday. The agency said {} of the displaced were children.")
    for pct, words in (("33 percent", "one in three"), ("61 percent", "six in ten"),
                       ("90 percent", "nine out of 10")):
        assert changes(src.format(words), src.format(pct)) == []
    assert changes(src.format("one in ten"), src.format("33 percent"))


def test_a_body_for_the_spokesman_who_speaks_for_it() -> None:
    """"The Foreign Ministry said" for "Foreign Ministry spokeswoman Ada Moen said": the body
    its spokeswoman speaks for; another ministry is a change."""
    said = "Foreign Ministry spokeswoman Ada Moen said"
    src = ("VARN, Estmark (Nordwire) - Estmark recalled its envoy to Lisk on Wednesday. "
           f"{said} the arrest of two sailors was unlawful. Lisk's navy said the sailors had "
           "entered its waters illegally.")
    assert changes(src.replace(said, "The Foreign Ministry said"), src) == []
    assert changes(src.replace(said, "The Defence Ministry said"), src)


def test_half_a_dozen_after_a_dateline_is_six_and_no_name() -> None:
    source = ("KESTRA, Varnia (Wirepress) - Six fishing boats were seized by the coast guard on "
              "Monday, the ministry said.")
    assert changes(source.replace("Six fishing", "Half a dozen fishing"), source) == []
    assert [n.low for n in find_numbers("half a dozen boats")] == [6.0]
    assert [k for k, _, _ in changes(source.replace("Six fishing", "Half a dozen fishing"),
                                     source.replace("Six fishing", "Nine fishing"))] == ["figure"]
