"""A country, a body or a speaker named another way is no change: its people's adjective for the
country ("the Varnian government" for "Varnia"), the city a dateline places in it, a plain
description of a named body ("Ossland's competition regulator" for "The Competition Authority"),
its initials ("the NDU"), a statement given to a ministry that quotes its minister, a figure whose
attribution the sentence before already gives. The same slots changed for real still are, and so
are three changes read this session: a rank added to a title ("Deputy Interior Minister"), a
certainty hedged ("may invest" for "will invest"), a count where the source says none."""

from __future__ import annotations

import pytest

from wiretrace.claims.compare import compare_texts
from wiretrace.claims.entities import demonym_of, described_as, placed_in, without_rank


def changes(source: str, copy: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in compare_texts(source, copy).changes]


RECALL = ("KESTRA, Varnia (Wirepress) - Varnia on Wednesday recalled its ambassador to Ossland "
          "after border guards detained three fishermen. Kestra has given Ossland 72 hours to "
          "respond, foreign ministry spokesman Jonas Vik told reporters.")


@pytest.mark.parametrize("copy", [
    RECALL.replace("Varnia on Wednesday", "The Varnian government on Wednesday"),
    RECALL.replace("Varnia on Wednesday", "Kestra on Wednesday"),
])
def test_a_country_by_its_adjective_or_its_dated_capital_is_no_actor_swap(copy: str) -> None:
    assert changes(RECALL, copy) == []


@pytest.mark.parametrize("copy", [
    RECALL.replace("Varnia on Wednesday", "The Ossland government on Wednesday"),
    RECALL.replace("Varnia on Wednesday", "Lenda on Wednesday"),
])
def test_another_country_or_an_unplaced_city_is_still_an_actor_swap(copy: str) -> None:
    assert [k for k, _ in changes(RECALL, copy)] == ["actor"]


def test_name_helpers() -> None:
    assert demonym_of("Varnian", "Varnia") and demonym_of("Kenyan", "Kenya")
    assert demonym_of("French", "France") and not demonym_of("German", "France")
    assert not demonym_of("Estrian", "Varnia")
    assert placed_in("Kestra", "Varnia", "KESTRA, Varnia (Wirepress) - ...")
    assert not placed_in("Lenda", "Varnia", "KESTRA, Varnia (Wirepress) - ... in Lenda")
    assert described_as("Ossland's competition regulator", "The Competition Authority")
    assert described_as("the medical association", "the Norland Medical Association")
    assert not described_as("the nurses' union", "the National Teachers' Union")
    assert not described_as("the central bank", "the Finance Ministry")
    assert not described_as("the agency", "Frontex")
    assert without_rank("Deputy Interior Minister") == "interior minister"
    assert without_rank("Vice-President") == "president"


DEAL = ("LENDA, Ossland (Wirepress) - Brask Mining Corporation agreed on Wednesday to buy rival "
        "Tollen Minerals for 3.1 billion ossmarks. The Competition Authority said it would "
        "review the deal. The Central Bank said the sale would not affect the ossmark.")


def test_a_plain_description_of_the_named_body_is_the_same_speaker() -> None:
    assert changes(DEAL, DEAL.replace("The Competition Authority said",
                                      "Ossland's competition regulator said")) == []


def test_another_body_of_the_source_is_still_another_speaker() -> None:
    found = changes(DEAL, DEAL.replace("The Competition Authority said",
                                       "The Central Bank said"))
    assert [k for k, _ in found] == ["actor"]


UNION = ("ORVIK, Dellmark (Wirepress) - Orvik Shipping Group said on Monday it would cut 1,950 "
         "jobs. The National Dockworkers' Union said the move was \"a betrayal\".")


def test_the_initials_of_the_speaker_are_the_speaker() -> None:
    assert changes(UNION, UNION.replace("The National Dockworkers' Union", "The NDU")) == []


def test_a_quote_given_to_the_group_is_still_a_change() -> None:
    found = changes(UNION, UNION.replace("The National Dockworkers' Union said",
                                         "Orvik Shipping Group said"))
    assert [k for k, _ in found] == ["attribution"]


PLANT = ("FARN, Estria (Wirepress) - Energy Minister Lars Tegner said the plant was needed to "
         "prevent blackouts. \"Without this plant, we will not have enough power for the "
         "winter,\" Tegner said in a statement.")


def test_a_ministry_statement_quoting_the_minister_keeps_the_quote_his() -> None:
    copy = PLANT.replace("Tegner said in a statement.",
                         "the Energy Ministry said in a statement, quoting Tegner.")
    assert changes(PLANT, copy) == []
    given = PLANT.replace("Tegner said in a statement.", "the Energy Ministry said in a statement.")
    assert [k for k, _ in changes(PLANT, given)] == ["attribution"]


CLASH = ("DALMOR, Estria (Wirepress) - Police arrested 14 people after clashes outside the Dalmor "
         "Arena on Saturday night, police said. Six officers were injured, two of them "
         "seriously, according to a police statement.")


def test_an_attribution_the_sentence_before_gives_is_not_dropped() -> None:
    assert changes(CLASH, CLASH.replace(", according to a police statement", "")) == []


TITLE = ("KESTRA, Varnia (Wirepress) - Interior Minister Ada K. Rolsen said on Monday the border "
         "would stay closed until Friday. Rolsen said 40 guards had been sent.")


@pytest.mark.parametrize("title", ["Deputy Interior Minister", "Acting Interior Minister"])
def test_a_rank_added_to_a_title_is_a_title_change(title: str) -> None:
    found = changes(TITLE, TITLE.replace("Interior Minister", title))
    assert [k for k, _ in found] == ["title"]
    assert [k for k, _ in changes(TITLE.replace("Interior Minister", title), TITLE)] == ["title"]


@pytest.mark.parametrize("source,copy", [
    ("Vice-President Tom Arn said the vote was fair.",
     "Vice President Tom Arn said the vote was fair."),
    ("Vice-President Tom Arn said the vote was fair.",
     "Deputy President Tom Arn said the vote was fair."),
    (TITLE, TITLE.replace("Interior Minister Ada K. Rolsen said",
                          "Ada K. Rolsen, the interior minister, said")),
])
def test_one_office_restyled_is_no_title_change(source: str, copy: str) -> None:
    assert changes(source, copy) == []


INVEST = ("LENDA, Ossland (Wirepress) - Brask Mining will invest 40 million ossmarks in a new "
          "smelter, the company said on Tuesday. The plant will employ 300 people.")


@pytest.mark.parametrize("modal", ["may", "could", "might"])
def test_a_certainty_hedged_is_a_modality_change(modal: str) -> None:
    found = changes(INVEST, INVEST.replace("will invest", f"{modal} invest"))
    assert found == [("modality", f"{modal} invest")]


def test_a_hedge_kept_is_no_modality_change() -> None:
    hedged = INVEST.replace("will invest", "may invest")
    assert changes(hedged, hedged.replace("may invest", "might invest")) == []


FLOOD = ("TELMAR, Varnia (Wirepress) - Floods have displaced 1,812 people in Telmar, the National "
         "Disaster Agency said on Tuesday. No deaths have been reported. Rescue teams are "
         "searching two villages.")


def test_a_count_where_the_source_says_none_is_a_figure_change() -> None:
    found = changes(FLOOD, FLOOD.replace("No deaths have", "Two deaths have"))
    assert found == [("figure", "Two deaths")]


@pytest.mark.parametrize("copy", [
    FLOOD.replace("No deaths have been reported", "There were no reports of deaths"),
    FLOOD.replace("No deaths have been reported", "No deaths have been reported, but two "
                                                   "people are missing"),
])
def test_none_told_again_is_no_figure_change(copy: str) -> None:
    assert [k for k, _ in changes(FLOOD, copy) if k == "figure"] == []


@pytest.mark.parametrize("source,copy", [
    ("Authorities in Marro lifted a night-time curfew on Friday after a week without unrest.",
     "Authorities in Marro extended a night-time curfew on Friday after a week without unrest."),
    ("The constitutional court upheld a law on Friday that bans mobile phones in schools.",
     "The constitutional court overturned a law on Friday that bans mobile phones in schools."),
])
def test_a_decision_reversed_in_its_verb_is_a_change(source: str, copy: str) -> None:
    assert [k for k, _ in changes(source, copy)] == ["negation"]


DATED = ("KESTRA, Varnia (Wirepress) - Varnia on Wednesday recalled its ambassador to Ossland "
         "after border guards detained three fishermen. The foreign ministry said the detention "
         "was unlawful.")


@pytest.mark.parametrize("dateline", ["LENDA, Varnia (Wirepress) -", "LENDA (Wirepress) -"])
def test_a_dateline_moved_to_another_city_is_a_place_change(dateline: str) -> None:
    found = changes(DATED, DATED.replace("KESTRA, Varnia (Wirepress) -", dateline))
    assert found == [("place", "LENDA")]


@pytest.mark.parametrize("copy", [
    DATED.replace("KESTRA, Varnia (Wirepress) -", "KESTRA (Wirepress) -"),
    DATED.replace("KESTRA, Varnia (Wirepress) -", "LENDA, Varnia (Nordwire) -"),
    DATED.replace("KESTRA, Varnia (Wirepress) -", "LENDA, Varnia (Wirepress) -").replace(
        "after border", "after Lenda border"),
])
def test_a_dateline_restyled_or_filed_by_another_agency_is_no_change(copy: str) -> None:
    source = DATED.replace("after border", "after Lenda border") if "Lenda border" in copy else (
        DATED)
    assert [k for k, _ in changes(source, copy) if k == "place"] == []


STRIKE = ("ILVA, Tavoria (Wirepress) - Tavorian aircraft struck a site across the border on "
          "Wednesday night. The army said the strike hit a weapons depot. Calvany said the "
          "building was a grain store. The opposition says the raid was illegal.")


@pytest.mark.parametrize("cut,left", [
    ("The army said the strike hit", "The strike hit"),
    ("The opposition says the raid was illegal", "The raid was illegal"),
])
def test_a_described_source_cut_from_its_claim_is_a_dropped_attribution(cut: str,
                                                                         left: str) -> None:
    found = changes(STRIKE, STRIKE.replace(cut, left))
    assert [k for k, _ in found] == ["attribution"]


def test_a_pronoun_cut_from_its_claim_is_left_to_the_sentences_around() -> None:
    source = STRIKE.replace("The army said the strike hit", "It said the strike hit")
    assert changes(source, source.replace("It said the strike hit", "The strike hit")) == []


def test_casualties_denied_then_a_death_count_is_a_figure_change() -> None:
    source = ("A bus overturned near Telmar on Sunday, police said. There were no casualties "
              "among the passengers, police said.")
    copy = source.replace("There were no casualties", "There were two deaths")
    assert [k for k, _ in changes(source, copy)] == ["figure"]
