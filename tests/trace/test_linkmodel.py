# ruff: noqa: E501
"""The learned paraphrase link: a rewrite of the whole is linked by it, with its probability in
the evidence; a retelling of the same event with its own names and figures is not; with the
sentence model off only the lexical rules link."""

from __future__ import annotations

import numpy as np
from conftest import ORIGINAL, make
from test_paraphrase import LLM_REWRITE

from wiretrace.settings import Settings
from wiretrace.trace.align import align_articles
from wiretrace.trace.derivation import lexical_link, link_basis, trace_story
from wiretrace.trace.features import view
from wiretrace.trace.linkmodel import FEATURES, _marks, load_model, pair_features

# Another newsroom's report of the same fire, in the same order as ORIGINAL's opening, but from
# its own sources: its own witnesses, figures and officials.
RETELLING = """A blaze swept through the grain terminal in Port Elmira on Tuesday evening, leaving much of the quay in ruins, dock foreman Piet Saranen told the Elmira Courier.
Volunteers from Gorsk and Tavel joined 140 firefighters at the scene, and the flames were out by dawn, according to civil defence spokeswoman Anouk Deleva.
Saranen said eleven of his crew had been evacuated by boat when the road to the pier was cut off.
Grain merchant Oskar Lindqvist estimated that 30,000 tonnes of stored barley had burned.
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
    how, prob = link_basis(vx, vy, a, b)
    assert how is None
    assert all(d.parent is None for d in trace_story([a, b]))


def test_without_the_sentence_model_only_wording_links() -> None:
    off = Settings(semantic_alignment=False)
    vx, vy, a, b = _pair(ORIGINAL, LLM_REWRITE, off)
    assert link_basis(vx, vy, a, b, semantic=False) == (None, None)
    got = {d.article: d for d in trace_story([a, b], settings=off)}
    assert got[2].parent is None
