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


# --- the edges of these rules, found by a review of invented pairs -------------------------


def test_the_adjective_before_another_actor_than_the_state_is_an_actor_swap() -> None:
    copy = RECALL.replace("Varnia on Wednesday", "Varnian rebels on Wednesday")
    assert [k for k, _ in changes(RECALL, copy)] == ["actor"]


def test_the_adjective_of_the_neighbour_named_longer_is_the_neighbours() -> None:
    source = ("BRELL, Tamaria (Wirepress) - Tamar closed its border with Tamaria on Sunday after "
              "a cholera outbreak, health officials said. Tamaria said the move was unnecessary.")
    copy = source.replace("Tamar closed", "The Tamarian government closed")
    assert [k for k, _ in changes(source, copy)] == ["actor"]


@pytest.mark.parametrize("source,copy", [
    (DEAL.replace("it would review the deal", "it would review the deal, which Brask may take "
                  "to the Competition Appeals Tribunal"),
     DEAL.replace("The Competition Authority said", "Ossland's competition tribunal said")),
    (DEAL.replace("The Competition Authority said", "Varnia's Competition Authority said"),
     DEAL.replace("The Competition Authority said", "Ossland's competition regulator said")),
])
def test_a_description_of_another_kind_or_country_of_body_is_another_speaker(
        source: str, copy: str) -> None:
    assert [k for k, _ in changes(source, copy)] == ["attribution"]


def test_initials_are_a_bodys_never_a_persons() -> None:
    source = ("ORVIK, Dellmark (Wirepress) - Prime Minister Ola Venn said on Monday the dock "
              "strike was illegal. \"We have been left with no choice,\" said Peter Marsh, who "
              "leads the dockworkers.")
    copy = source.replace("said Peter Marsh, who leads the dockworkers.", "the PM said.")
    assert [k for k, _ in changes(source, copy)] == ["attribution"]


def test_initials_the_story_gives_another_body_are_another_speaker() -> None:
    source = ("ORVIK, Dellmark (Wirepress) - The Northern Drivers' Union (NDU) said on Monday its "
              "members would join the protest. \"This is a betrayal,\" the National Dockworkers' "
              "Union said of the job cuts.")
    copy = source.replace("the National Dockworkers' Union said", "the NDU said")
    assert [k for k, _ in changes(source, copy)] == ["attribution"]


@pytest.mark.parametrize("given", [
    "opposition leader Mia Dahl said, citing Tegner's own figures.",
    "the Energy Ministry said, quoting a letter to Tegner.",
    "the Energy Ministry said, citing the Tegner Commission.",
])
def test_quoting_another_or_citing_his_papers_gives_the_quote_away(given: str) -> None:
    copy = PLANT.replace("Tegner said in a statement.", given)
    assert [k for k, _ in changes(PLANT, copy)][:1] == ["attribution"]


def test_a_statement_that_quoted_him_keeps_the_quote_his() -> None:
    copy = PLANT.replace("Tegner said in a statement.",
                         "the Energy Ministry said in a statement that quoted Tegner.")
    assert changes(PLANT, copy) == []


def test_a_body_named_only_as_who_acted_does_not_keep_its_statement() -> None:
    source = ("DALMOR, Estria (Wirepress) - Police arrested 14 people after clashes outside the "
              "Dalmor Arena on Saturday night, organisers said. Six officers were injured, "
              "according to a police statement.")
    copy = source.replace(", according to a police statement", "")
    assert [k for k, _ in changes(source, copy)] == ["attribution"]


@pytest.mark.parametrize("source,copy", [
    ("LENDA, Ossland (Wirepress) - Acting Chief Executive Mia Lund said on Tuesday that Brask "
     "Mining would sell its coal unit. Lund took over in March.",
     "LENDA, Ossland (Wirepress) - Acting CEO Mia Lund said on Tuesday that Brask Mining would "
     "sell its coal unit. Lund took over in March."),
    ("Deputy Prime Minister Hana Roth said the talks would resume on Monday.",
     "Vice-Premier Hana Roth said the talks would resume on Monday."),
    ("KESTRA, Varnia (Wirepress) - Ada Rolsen, who has been acting interior minister since March, "
     "visited the border on Monday. Interior Minister Rolsen said 40 guards had been sent.",
     "KESTRA, Varnia (Wirepress) - Ada Rolsen, who has been acting interior minister since March, "
     "visited the border on Monday. Acting Interior Minister Rolsen said 40 guards had been "
     "sent."),
])
def test_one_rank_of_one_office_told_another_way_is_no_title_change(source: str,
                                                                      copy: str) -> None:
    assert changes(source, copy) == []


@pytest.mark.parametrize("source,copy", [
    ("Brask will invest 40 million ossmarks in a smelter this year and may invest more in 2027.",
     "Brask may invest more in 2027, on top of the 40 million ossmarks it is putting into a "
     "smelter this year."),
    ("Orvik Shipping warned on Monday that its Orvik plant will close next year.",
     "Orvik Shipping warned on Monday that its Orvik plant could close next year."),
    ("From Monday, trucks will use the new bridge over the Tarne.",
     "Until Monday, trucks could use only the old bridge over the Tarne."),
])
def test_a_hedge_the_source_gives_or_a_warning_or_a_past_ability_is_no_modality_change(
        source: str, copy: str) -> None:
    assert [k for k, _ in changes(source, copy) if k == "modality"] == []


def test_no_further_arrests_is_not_none_at_all() -> None:
    source = ("LENDA, Ossland (Wirepress) - Police arrested two men on Sunday after a fire at a "
              "Lenda warehouse. No further arrests have been made, police said.")
    copy = source.replace("No further arrests have been made", "Two people have been arrested "
                                                                "in all")
    assert [k for k, _ in changes(source, copy) if k == "figure"] == []


@pytest.mark.parametrize("source,copy", [
    (DATED.replace("KESTRA, Varnia", "ST. ALVEN, Varnia"),
     DATED.replace("KESTRA, Varnia", "SAINT ALVEN, Varnia")),
    (DATED.replace("KESTRA", "TSELINO"), DATED.replace("KESTRA", "ZELINO")),
    (DATED.replace("KESTRA, Varnia (Wirepress) - ", "EXCLUSIVE - "), DATED),
])
def test_one_city_spelt_another_way_or_a_kicker_is_no_dateline_change(source: str,
                                                                        copy: str) -> None:
    assert [k for k, _ in changes(source, copy) if k == "place"] == []


def test_a_death_count_reworded_where_the_source_says_none_is_a_figure_change() -> None:
    found = changes(FLOOD, FLOOD.replace("No deaths have been reported.", "Two people have died."))
    assert found == [("figure", "Two people have died")]


def test_a_death_count_of_another_time_is_no_figure_change() -> None:
    copy = FLOOD.replace("Rescue teams", "Floods in 2019 killed 12 people in the region. Rescue "
                                         "teams")
    assert [k for k, _ in changes(FLOOD, copy) if k == "figure"] == []


def test_a_body_named_by_its_countrys_adjective_described_by_the_countrys_possessive() -> None:
    source = ("KESTRA, Varnia (Wirepress) - The Varnian Meteorological Office issued a red warning "
              "for heavy rain on Sunday. Up to 150 millimetres of rain could fall, the office "
              "said.")
    copy = source.replace("The Varnian Meteorological Office", "Varnia's meteorological office")
    assert changes(source, copy) == []
    assert not described_as("Ossland's meteorological office", "The Varnian Meteorological Office")


def test_the_initials_of_an_alliance_are_the_alliance() -> None:
    source = ("SARNAC, Tavoria (Wirepress) - \"Farmers cannot survive another year of these "
              "prices,\" the Tavorian Farmers' Alliance said on Wednesday.")
    assert changes(source, source.replace("the Tavorian Farmers' Alliance", "the TFA")) == []


def test_a_statement_quoting_the_speaker_by_his_title_keeps_the_quote_his() -> None:
    copy = PLANT.replace("Tegner said in a statement.",
                         "the Energy Ministry said in a statement, quoting the minister.")
    assert changes(PLANT, copy) == []
    other = PLANT.replace("Tegner said in a statement.",
                          "the Energy Ministry said in a statement, quoting the spokesman.")
    assert [k for k, _ in changes(PLANT, other)][:1] == ["attribution"]
