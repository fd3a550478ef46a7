# ruff: noqa: E501
"""The learned paraphrase link: a rewrite of the whole is linked by it, with its probability in
the evidence; a retelling of the same event with its own names and figures is not; with the
sentence model off only the lexical rules link."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import ORIGINAL, make
from test_paraphrase import LLM_REWRITE

from wiretrace.settings import Settings
from wiretrace.trace.align import align_articles
from wiretrace.trace.derivation import lexical_link, link_basis, trace_story
from wiretrace.trace.features import view
from wiretrace.trace.linkmodel import FEATURES, _marks, load_model, pair_features

# Another newsroom's report of the same fire, telling its opening in the same order as ORIGINAL
# in other words, but from its own sources: its own witnesses, figures and officials.
RETELLING = """A fire swept through the grain terminal at Port Elmira on Tuesday, burning down warehouses and stopping exports, dock foreman Piet Saranen told the Elmira Courier.
Firefighters, joined by volunteers from Gorsk and Tavel, needed the whole night to bring the flames under control, civil defence spokeswoman Anouk Deleva said.
Eleven workers were evacuated by boat, and three were taken to the Saint Brigid clinic with burns.
Grain merchant Oskar Lindqvist estimated that 30,000 tonnes of barley had burned, and said wheat prices would climb.
The regional governor, Hana Vostrikova, announced an emergency fund of 5 million euros for the harbour's workers."""


def _pair(a_text: str, b_text: str, settings: Settings | None = None):  # noqa: ANN202
    a = make(1, a_text, published="2024-03-05T18:00:00+00:00")
    b = make(2, b_text, published="2024-03-06T07:00:00+00:00")
    al = align_articles(a, b, settings)
    return view(al, a, b), view(al, b, a), a, b


def test_shipped_weights_match_the_features() -> None:
    model = load_model()
    assert len(model.weights) == len(FEATURES) == len(model.mean) == len(model.scale)
    assert 0.5 < model.threshold < 1.0  # precision first: well above an even chance
    assert "ImBD dev" in model.meta["trained_on"]


def test_features_are_the_same_whichever_article_comes_first() -> None:
    vx, vy, a, b = _pair(ORIGINAL, LLM_REWRITE)
    np.testing.assert_allclose(pair_features(vx, vy, a, b), pair_features(vy, vx, b, a))


def test_marks_are_names_figures_and_rare_words() -> None:
    m = _marks("Flames destroyed the granary in Port Elmira on Tuesday, Mayor Ilse Branco said, "
               "and 1,200 tonnes of wheat were lost.")
    assert {"elmira", "branco", "ilse"} <= m.names
    assert "flames" not in m.names  # capitalised only because it opens the sentence
    assert m.figures == {"1200"}
    assert "granary" in m.rare and "said" not in m.rare and "destroyed" not in m.rare


def test_rewrite_of_the_whole_is_linked_by_the_learned_decision() -> None:
    vx, vy, a, b = _pair(ORIGINAL, LLM_REWRITE)
    assert not lexical_link(vx, vy)  # it shares hardly any wording
    how, prob = link_basis(vx, vy, a, b)
    assert how == "paraphrase" and prob is not None and prob >= load_model().threshold
    got = {d.article: d for d in trace_story([a, b])}
    assert got[2].parent == 1
    note = [e for e in got[2].evidence if e.startswith("linked as a paraphrase")]
    assert note and "probability" in note[0]


def test_retelling_with_its_own_names_and_figures_is_not_a_copy() -> None:
    vx, vy, a, b = _pair(ORIGINAL, RETELLING)
    assert len(vx.pairs) >= 2  # its opening sentences do align with the original's
    how, prob = link_basis(vx, vy, a, b)
    assert how is None
    assert all(d.parent is None for d in trace_story([a, b]))


def test_without_the_sentence_model_only_wording_links() -> None:
    off = Settings(semantic_alignment=False)
    vx, vy, a, b = _pair(ORIGINAL, LLM_REWRITE, off)
    assert link_basis(vx, vy, a, b, semantic=False) == (None, None)
    got = {d.article: d for d in trace_story([a, b], settings=off)}
    assert got[2].parent is None


def test_own_facts_are_names_and_figures_the_other_text_nowhere_has() -> None:
    """What a text adds: a name or figure the other text has nowhere, not even opening a
    sentence; a first name put before a surname the other gives is no fact of its own."""
    from wiretrace.trace.linkmodel import holds, own_facts

    other = "Julie Bailey set up the group in 2009. Mr Cameron met her on Monday."
    text = ("The group was set up by Julie Bailey in 2009. On Monday David Cameron met her "
            "and Ola Brandt, with 40 campaigners.")
    assert own_facts(text, other) == {"ola", "brandt", "40"}
    assert holds(text, "bailey") and not holds(other, "brandt")


def test_a_name_in_the_other_form_is_not_an_own_fact() -> None:
    """A name spelt out from the initials the other text uses, or given by the initials of a
    name it spells out (three letters or more: "AP" of a dateline is anyone's initials), and a
    first name put before a surname the other gives, after a title too, are the other text's
    names. A rare name, a figure and a place stay facts."""
    from wiretrace.trace.linkmodel import own_facts

    other = ("GENEVA (AP) - The IPL side met officials of the International Cricket Council "
             "on Monday. Pochettino said the talks went well.")
    text = ("The Indian Premier League side met the ICC on Monday. Manager Mauricio "
            "Pochettino said the talks went well.")
    assert own_facts(text, other) == frozenset()
    assert own_facts(text + " They paid Dario Quellberg, from Oslo, 45 rupees.", other) == {
        "dario", "quellberg", "oslo", "45"}
    assert own_facts(text + " Port spokeswoman Anna Petrov said so.", other) >= {"anna",
                                                                              "petrov"}
    # the initials the other text does not use: the spelt-out name's words are facts
    assert "indian" in own_facts(text, other.replace("IPL", "visiting"))


def test_a_common_word_written_as_a_name_is_a_common_name() -> None:
    """What a rewriter may put of its own where it rewords: a name that is a common word
    ("Chief", "International", "Kingdom"); not a rare name nor a place of the gazetteer."""
    from wiretrace.trace.linkmodel import common_name

    assert all(common_name(w) for w in ("chief", "international", "association", "kingdom"))
    assert not any(common_name(w) for w in ("quellberg", "tottenham", "norway", "london"))


def test_a_possessive_after_a_plural_s_is_the_same_name() -> None:
    """"Wales' former world champion" in the source: a rewrite saying "from Wales" adds no
    name of its own."""
    from wiretrace.trace.linkmodel import own_facts

    src = "It is an honour, said Wales' former world champion Ana Lind after the race in Varn."
    copy = "Ana Lind, a former world champion from Wales, said it was an honour after the race."
    assert "wale" not in own_facts(copy, src) and not own_facts(copy, src)
    assert own_facts(copy.replace("Wales", "Norway"), src)


def test_a_country_named_for_its_demonym_is_no_fact_of_its_own() -> None:
    """"bound for Switzerland" where the other text has "a Swiss-bound plane", "police in
    Austria" where it has "Austrian police": the same place in another form. A city is not its
    country, and a lower-case word is no place ("let us down" names no United States)."""
    from wiretrace.trace.linkmodel import own_facts

    src = "The gems were taken from a Swiss-bound plane, Austrian police said on Monday."
    copy = "Police in Austria said on Monday the gems were taken from a plane bound for {}."
    assert not own_facts(copy.format("Switzerland"), src)
    assert own_facts(copy.format("Norway"), src) == {"norway"}
    assert own_facts(copy.format("Geneva"), src.replace("Swiss-bound", "Zurich-bound")) == {
        "geneva"}
    assert own_facts("Officials in Chicago said so.", "They let us down, she said.") == {
        "chicago"}


def test_a_pair_count_past_the_training_range_adds_nothing() -> None:
    """The model learned "more aligned sentences, more likely a copy" on texts of about a dozen
    sentences. Two long independent reports of one event align in twenty places over a fifth
    of their text (NewsWCL50): counted on, that number alone pushes them toward the threshold.
    Past ``PAIRS_CAP`` pairs the count says no more (here the same pairs repeated, so the
    features that read the pairs' spans and scores stay as they were)."""
    from dataclasses import replace

    from wiretrace.trace.linkmodel import PAIRS_CAP

    vx, vy, a, b = _pair(ORIGINAL, RETELLING)
    assert vx.pairs and vy.pairs
    at = FEATURES.index("log_pairs")

    def features(times: int, cut: int | None = None) -> np.ndarray:
        px, py = (vx.pairs * times)[:cut], (vy.pairs * times)[:cut]
        return pair_features(replace(vx, pairs=px), replace(vy, pairs=py), a, b)

    def prob(f: np.ndarray) -> float:
        return float(load_model().probability(f)[0])

    at_cap, many = features(PAIRS_CAP, PAIRS_CAP), features(40)
    assert many[at] == at_cap[at]
    assert prob(many) == pytest.approx(prob(at_cap), abs=1e-9)
    assert prob(features(1)) < prob(at_cap)  # below the cap, more pairs still count
