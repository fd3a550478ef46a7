"""The entailment check and how the comparison uses it. All texts are fictional, written here."""

from __future__ import annotations

import numpy as np
import pytest

from wiretrace.claims import entailment
from wiretrace.claims.compare import FACT_KINDS, compare_texts, vet_changes
from wiretrace.claims.entailment import (
    FEATURES,
    features_many,
    is_supported,
    load_model,
    support,
    support_many,
)
from wiretrace.claims.pairing import side_of
from wiretrace.model import Change
from wiretrace.settings import Settings

COUNCIL = ("The council voted 7 to 2 on Tuesday to approve the school budget. "
           "It will fund 40 new teachers. The mayor said the plan would not raise taxes.")
SENTENCES = ["The council voted 7 to 2 on Tuesday to approve the school budget.",
             "It will fund 40 new teachers.",
             "The mayor said the plan would not raise taxes."]


def test_model_file_matches_features_and_records_dev_figures() -> None:
    m = load_model()
    assert len(m.weights) == len(FEATURES) == len(m.mean) == len(m.scale)
    assert (m.weights >= 0).all()  # more unsupported content never raises support
    assert 0.0 < m.threshold < 1.0
    dev = m.meta["lodo_dev"]
    assert set(dev["per_domain"]) == {"podcast", "qmsumm", "sales_call", "sales_email",
                                      "samsum", "scitldr", "ectsum"}


def test_source_sentences_support_themselves() -> None:
    for s in SENTENCES:
        assert is_supported(SENTENCES, s), (s, support(SENTENCES, s))


def test_changed_figure_invented_name_and_added_negation_are_not_supported() -> None:
    for copy in ("It funds 45 new teachers.",
                 "It will fund 40 new teachers, Governor Halvard Brinkmann said."):
        assert not is_supported(SENTENCES, copy), (copy, support(SENTENCES, copy))
    bridge = ["The bridge will reopen in May.", "Engineers finished the repairs on Friday."]
    assert is_supported(bridge, "The bridge will reopen in May.")
    assert not is_supported(bridge, "The bridge will not reopen in May.")


def test_support_ignores_typography() -> None:
    src = ["The minister said: “We don’t expect the bridge to close before 2031.”"]
    plain = support(src, 'The minister said: "We don\'t expect the bridge to close before 2031."')
    curly = support(src, src[0])
    assert plain == pytest.approx(curly)


def test_support_many_equals_one_by_one() -> None:
    copies = ["It funds 45 new teachers.", SENTENCES[0], "Taxes will rise, the mayor said."]
    batch = support_many(SENTENCES, copies)
    assert batch.shape == (3,)
    assert np.allclose(batch, [support(SENTENCES, c) for c in copies])
    x = features_many(SENTENCES, copies)
    assert x.shape == (3, len(FEATURES))


def test_council_figure_change_is_reported() -> None:
    copy = COUNCIL.replace("It will fund 40 new teachers.", "It funds 45 new teachers.")
    changes = compare_texts(COUNCIL, copy).changes
    figures = [c for c in changes if c.kind == "figure"]
    assert [(c.text, c.versus_text) for c in figures] == [("45", "40")]
    assert figures[0].span and copy[figures[0].span[0]:figures[0].span[1]] == "45"
    # the entailment check agrees when it judges figures too
    judged = compare_texts(COUNCIL, copy, Settings(entailment_kinds=FACT_KINDS)).changes
    figure = [c for c in judged if c.kind == "figure"]
    assert figure and "entailment support" in figure[0].explanation


def test_addition_kept_only_when_not_supported() -> None:
    copy = COUNCIL + " Governor Halvard Brinkmann pledged 12 million crowns for new schools."
    adds = [c for c in compare_texts(COUNCIL, copy).changes if c.kind == "addition"]
    assert adds and "entailment support" in adds[0].explanation


def test_typography_case_and_whitespace_never_make_a_change() -> None:
    src = "Officials don’t expect the “Blue Line” to reopen before 2031 — the mayor said it."
    copy = 'Officials don\'t expect the "blue line"  to reopen before 2031 - the mayor said it.'
    for settings in (Settings(), Settings(entailment_kinds=frozenset()),
                     Settings(entailment_kinds=FACT_KINDS)):
        assert compare_texts(src, copy, settings).changes == []


def _change(kind: str, text: str, versus: str, span: tuple[int, int]) -> Change:
    return Change(1, 0, kind, text, versus, "x", span, (0, len(versus)))


def test_vet_drops_same_readings_and_sentences_that_read_as_the_source() -> None:
    a = side_of("Don’t go to Kyiv, he said.", [])
    b = side_of("Don't go to Kyiv, he said. Aid went to Jong.", [])
    same = _change("actor", "Don't", "Don’t", (0, 5))
    kept = _change("place", "Jong", "Dzong", (39, 43))
    other = _change("place", "Jong", "Crete", (39, 43))
    assert vet_changes([same, kept, other], a, b, judged=frozenset()) == [other]


def test_entailment_vetoes_supported_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    copy = COUNCIL.replace("It will fund 40 new teachers.", "It funds 45 new teachers.")
    every = Settings(entailment_kinds=FACT_KINDS)
    monkeypatch.setattr(entailment, "support_many", lambda src, sents: np.ones(len(sents)))
    assert compare_texts(COUNCIL, copy, every).changes == []  # the model says: supported
    # not judged: the rules' figure change stands
    assert "figure" in [c.kind for c in compare_texts(COUNCIL, copy).changes]
    monkeypatch.setattr(entailment, "support_many", lambda src, sents: np.zeros(len(sents)))
    assert "figure" in [c.kind for c in compare_texts(COUNCIL, copy, every).changes]


def test_bare_number_kept_in_other_words_is_no_change() -> None:
    for variant in ("It funds forty new teachers.", "It will pay for about 40 new teachers.",
                    "Forty new teachers will be funded."):
        copy = COUNCIL.replace("It will fund 40 new teachers.", variant)
        figures = [c for c in compare_texts(COUNCIL, copy).changes if c.kind == "figure"]
        assert figures == [], variant
