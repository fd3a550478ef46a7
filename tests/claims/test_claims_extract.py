"""Attributions, quotes, actors, places, titles and dates on fictional sentences."""

from __future__ import annotations

from wiretrace.claims.extract import extract_claims, extract_claims_from_text
from wiretrace.model import Article

TEXT = (
    "Varnia's interior ministry reported 12 deaths on Friday. "
    '"We are doing everything we can," said Prime Minister Ilse Novak. '
    "Aid was flown to Crete from Paris and Berlin last month."
)


def kinds(text: str, kind: str, published: str | None = None):
    return [c for c in extract_claims_from_text(text, published) if c.kind == kind]


def test_attributions_and_quotes() -> None:
    (attr, *_rest) = kinds(TEXT, "attribution")
    assert attr.subject == "Varnia's interior ministry" and attr.predicate == "reported"
    (quote,) = kinds(TEXT, "quote")
    assert quote.attributed_to == "Prime Minister Ilse Novak"
    according = kinds("According to the Red Cross, 40 people died.", "attribution")
    assert according[0].subject == "Red Cross"


def test_actors_places_titles() -> None:
    places = {c.value["canonical"] for c in kinds(TEXT, "place") if c.value}
    assert {"Crete", "Paris", "Berlin"} <= places
    (novak,) = [c for c in kinds(TEXT, "actor") if c.subject == "Ilse Novak"]
    assert novak.predicate == "Prime Minister" and novak.value and not novak.value["stale"]
    (former,) = [c for c in kinds("Former Prime Minister Ilse Novak spoke.", "actor")]
    assert former.value and former.value["stale"]
    demonym = kinds("British activists marched.", "place")
    assert demonym[0].value and demonym[0].value["canonical"] == "United Kingdom"


def test_dates_resolve_against_published() -> None:
    dates = {c.text: c.value["resolved"] for c in kinds(TEXT, "date", "2024-03-13") if c.value}
    assert dates["on Friday"] == "2024-03-08"
    assert dates["last month"] == "2024-02"


def test_article_offsets_point_into_working_text() -> None:
    art = Article(source="x", text=TEXT, raw_text="raw " + TEXT, id=7, published="2024-03-13")
    claims = extract_claims(art)
    assert claims and all(c.article == 7 for c in claims)
    for c in claims:
        if c.kind != "quote":
            assert TEXT[c.span[0]:c.span[1]] == c.text


def test_a_title_after_the_body_it_serves_is_no_part_of_the_name() -> None:
    """"Harbour Authority President Ines Marlow": the person is Ines Marlow, not a body;
    a title word before a name that is no person's ("General Motors Company") splits nothing
    off as a person."""
    claims = extract_claims_from_text("Harbour Authority President Ines Marlow opened the quay.")
    actors = [(c.value or {}) for c in claims if c.kind == "actor"]
    assert [(v.get("type"), v.get("canonical"), v.get("title")) for v in actors] == [
        ("person", "Ines Marlow", "President")]
    claims = extract_claims_from_text("The Varn Motors Company said its plant would close.")
    assert [(c.value or {}).get("type") for c in claims if c.kind == "actor"] == ["org"]
    claims = extract_claims_from_text("Harbour Authority Secretary General Ines Marlow spoke.")
    assert [(c.value or {}).get("title") for c in claims if c.kind == "actor"] == [
        "Secretary General"]
