"""Figure parsing on fictional sentences: ranges, hedges, spelled-out and vague quantities."""

from __future__ import annotations

import pytest

from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.figures import find_figures
from wiretrace.claims.numbers import consistent, find_numbers


def one(text: str):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("Between 1,500 and 2,000 people fled.", 1500, 2000, None),
        ("Some 1,500–2,000 people fled.", 1500, 2000, "approximately"),
        ("About 1,800 people fled.", 1800, 1800, "approximately"),
        ("At least forty-two were hurt.", 42, 42, "at_least"),
        ("More than 300 homes burned.", 300, 300, "at_least"),
        ("Nearly 90 were rescued.", 90, 90, "nearly"),
        ("As high as 12 percent voted.", 12, 12, "at_most"),
        ("Dozens were missing.", 24, 99, None),
        ("Thousands marched.", 2000, 9999, None),
        ("The fund lost $2.5bn.", 2.5e9, 2.5e9, None),
        ("1.5 to 2 million residents were evacuated.", 1.5e6, 2e6, None),
        ("Two hundred and six boats sank.", 206, 206, None),
        ("The runners covered twenty-six point two miles.", 26.2, 26.2, None),
        ("The levy rose to three point five nine percent.", 3.59, 3.59, None),
    ],
)
def test_number_forms(text: str, low: float, high: float, qualifier: str | None) -> None:
    n = one(text)
    assert (n.low, n.high, n.qualifier) == (low, high, qualifier)
    assert text[n.start:n.end] == n.text


def test_what_is_counted() -> None:
    text = "Officials in Varnia put the number of dead or injured at 200."
    (fig,) = [f for f in find_figures(text) if f.scope]
    assert fig.scope == "casualties" and fig.counted == "dead or injured"
    (toll,) = find_figures("The flood left a death toll of 200.")
    assert toll.scope == "dead"
    for hurt in ("200 people were killed or hurt.", "200 were injured or killed."):
        (both,) = [f for f in find_figures(hurt) if f.scope]
        assert both.scope == "casualties", hurt  # dead and injured counted together
    killed, injured = find_figures("At least 40 people were killed and dozens injured.")
    assert (killed.scope, injured.scope) == ("dead", "injured")
    (years,) = find_figures("He vanished 35 years ago.")
    assert years.scope == "time"


def test_consistency_rules() -> None:
    rng = one("Between 1,500 and 2,000 people fled.")
    assert consistent(rng, one("About 1,800 fled."))
    assert not consistent(rng, one("About 3,000 fled."))
    assert consistent(one("Dozens died."), one("40 died."))
    assert consistent(one("At least 40 died."), one("40 died."))
    assert not consistent(one("40 died."), one("45 died."))
    assert not consistent(one("in 2023"), one("in 2024"))


def test_two_round_figures_are_one_only_within_one_hedge() -> None:
    # "about" on both sides: one hedge's room (15%), not both added up
    about = one("The fire burned about 45,000 hectares.")
    assert not consistent(about, one("The fire burned about 54,000 hectares."))
    assert not consistent(about, one("The fire burned about 60,000 hectares."))
    assert consistent(about, one("The fire burned some 50,000 hectares."))
    assert consistent(about, one("The fire burned 50,000 hectares."))


def test_figure_claims_carry_attribution() -> None:
    text = "According to the Varnian coast guard, about 1,800 residents were evacuated."
    (fig,) = [c for c in extract_claims_from_text(text) if c.kind == "figure"]
    assert fig.attributed_to == "Varnian coast guard"
    assert fig.value and fig.value["qualifier"] == "approximately"
    assert text[fig.span[0]:fig.span[1]] == fig.text
def test_a_count_behind_another_number_is_not_this_numbers_scope() -> None:
    from wiretrace.claims.figures import find_figures

    text = ("A storm hit the coast on Monday, killing two people and forcing about 900 "
            "residents to leave their homes.")
    figures = {text[f.number.start:f.number.end]: f.scope for f in find_figures(text)}
    assert figures["two"] == "dead"
    assert figures["about 900"] != "dead"


def test_a_count_someone_is_said_to_give_counts_what_follows_the_hedge() -> None:
    """'50 demonstrators are said to have been wounded' counts the wounded: the verb of saying
    tells who says so and ends no clause; 'at 200 and said the toll could rise' still counts
    nothing after 'said'."""
    def scopes(text: str) -> list[str | None]:
        return [f.scope for f in find_figures(text)]

    assert scopes("At least 50 demonstrators are said to have been wounded.") == ["injured"]
    assert scopes("Twelve people were reported to be missing off Varnholm.") == ["missing"]
    assert scopes("Officials counted 300 and said they feared more were wounded.") != ["injured"]
    from wiretrace.claims.compare import compare_texts

    src = ("Marchers filled the square in Varnholm. At least 50 demonstrators are said to have "
           "been wounded.")
    killed = src.replace("are said to have been wounded", "were killed")
    assert [c.kind for c in compare_texts(src, killed).changes] == ["scope"]
    kept = src.replace("are said to have been wounded", "were reportedly wounded")
    assert compare_texts(src, kept).changes == []


def test_spelled_numbers_combine_only_as_numbers_are_spoken() -> None:
    def values(text: str) -> list[float]:
        return [m.low for m in find_numbers(text)]

    assert values("twenty-one people") == [21.0]
    assert values("fifteen hundred homes") == [1500.0]
    assert values("one hundred and twenty five") == [125.0]
    assert values("three thousand four hundred") == [3400.0]
    # two numbers side by side are not their sum ("nine ten" is not 19)
    assert 19.0 not in values("lost eight of their nine ten games")
    assert 50.0 not in values("in the twenty thirty window")


def test_clock_times_and_numeric_dates_are_no_quantities() -> None:
    for text in ("Updated 09/14/2013 01:03 PM", "at 9:06 AM", "Last updated 13:26",
                 "at 05.51 GMT", "at 11 p.m. on Friday"):
        assert find_numbers(text) == [], text
    assert [n.low for n in find_numbers("40 people died at 6pm")] == [40]


def test_measures_in_two_units() -> None:
    from wiretrace.claims.numbers import same_measure

    def same(x: str, y: str) -> bool:
        return same_measure(x, find_numbers(x)[0], y, find_numbers(y)[0])

    assert same("about 15 miles north", "about 24km north")  # 24.1 km
    assert same("a 170,000-square-foot building", "a 15,800-square-metre building")  # 15,794
    assert same("up to 120 mph", "up to 193 km/h")
    assert same("temperatures of 95F", "temperatures of 35C")
    assert same("weighed 300 pounds", "weighed 136 kilograms")
    assert not same("about 15 miles north", "about 40km north")
    assert not same("fell about 2,000ft", "fell about 900m")  # hedges do not widen a conversion
    assert not same("15 miles", "15 minutes")
    assert not same("15 miles", "24 kg")  # another dimension
    assert not same("25 km", "27 km")  # one unit: no conversion to round


def test_fractions_are_one_number() -> None:
    assert [n.low for n in find_numbers("after 4 1/2 hours of testimony")] == [4.5]
    assert [n.low for n in find_numbers("sentenced to 4½ months")] == [4.5]
    assert [n.low for n in find_numbers("on 12/03/2024")] == []


def test_a_year_range_reads_alike_whatever_word_follows() -> None:
    """'from 2001-2006 as part of' is the same range as 'from 2001-2006, as part of': a word that
    only ends in 's' is no counted plural; 'from 1950-2006 towers' still counts towers."""
    for text in ("Farmers were interviewed from 2001-2006 as part of a study.",
                 "Farmers were interviewed from 2001-2006, as part of a study.",
                 "The survey ran in 1999 and 2006 was its last year."):
        years = [n for n in find_numbers(text) if n.unit == "year"]
        assert years and all(n.unit == "year" for n in find_numbers(text)), text
    ranged = find_numbers("Farmers were interviewed from 2001-2006 as part of a study.")
    assert [(n.low, n.high) for n in ranged] == [(2001, 2006)]
    assert find_numbers("The city built 2006 towers.")[0].unit is None


def test_a_strict_and_an_inclusive_bound_one_apart_are_one_figure() -> None:
    over, least = (find_numbers(t)[0] for t in ("floods claimed over 280 lives",
                                               "floods killed at least 281 people"))
    assert consistent(over, least) and consistent(least, over)
    # bounds further apart are still two figures
    assert not consistent(find_numbers("at least 40 died")[0], find_numbers("at least 90 died")[0])
    assert not consistent(find_numbers("over 280 died")[0], find_numbers("at least 300 died")[0])


def test_an_idiom_of_point_is_no_decimal() -> None:
    # "at one point" is a moment in time: the count after it is its own number
    assert [n.low for n in find_numbers("At one point two guards left the gate.")] == [1, 2]
    # a margin, or a decimal that measures nothing: two numbers
    assert [n.low for n in find_numbers("They won by one point four years ago.")] == [1, 4]
    assert [n.low for n in find_numbers("It was one point two minutes from time.")] == [1, 2]


def test_others_and_more_stand_between_a_number_and_what_it_counts() -> None:
    (dead, missing) = find_figures(
        "The storm killed 12 people and left 30 others missing in the hills.")
    assert (dead.scope, missing.scope) == ("dead", "missing")
    (hurt,) = find_figures("Officials said seven more people were injured.")
    assert hurt.scope == "injured"
