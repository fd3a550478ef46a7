"""Swapped words in kept wording: one word replaced is a change, synonyms and rewording are not.

All texts are fictional and written for these tests.
"""

from __future__ import annotations

import numpy as np

from wiretrace.claims import entailment
from wiretrace.claims.compare import compare_texts
from wiretrace.claims.substitutions import JUDGED, is_variant
from wiretrace.model import Change

SOURCE = (
    "OSTERHOLM, Varnia — A retired teacher from Osterholm died after he fell from a harbour "
    "wall that was known as a fishing spot, the coast guard said on Monday.\n\n"
    "The city council voted on 12 March to expand the tram network to the northern suburbs, "
    "a plan that residents had backed in a local vote.\n\n"
    "Health officials said a vaccine against measles would be offered in all schools of the "
    "province from September. The fourth phase of the campaign is due in spring.\n\n"
    "Firefighters warned that the old mill was unsafe after a fire swept through two villages "
    "near the river."
)


def changes(copy: str, source: str = SOURCE) -> list[Change]:
    return compare_texts(source, copy).changes


def found(copy: str, source: str = SOURCE) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.versus_text) for c in changes(copy, source)]


def test_swapped_common_noun_in_a_kept_slot_is_a_place_change() -> None:
    got = changes(SOURCE.replace("harbour wall", "harbour beach"))
    assert [(c.kind, c.text, c.versus_text) for c in got] == [("place", "beach", "wall")]
    c = got[0]
    assert c.span and c.versus_span and "words around it unchanged" in c.explanation


def _support(score: float):  # noqa: ANN202
    def support_many(sources: list[str], sentences: list[str]) -> np.ndarray:
        return np.full(len(sentences), score)
    return support_many


def test_swapped_common_verb_is_left_to_the_entailment_check(monkeypatch) -> None:  # noqa: ANN001
    """A common word for another ("sell" for "expand", "suffered" for "sustained") may change
    the claim or only reword it: the rules find it, the entailment check decides."""
    copy = SOURCE.replace("voted on 12 March to expand", "voted on 12 March to sell")
    monkeypatch.setattr(entailment, "support_many", _support(0.0))
    got = changes(copy)
    assert [(c.kind, c.text, c.versus_text) for c in got] == [("scope", "sell", "expand")]
    assert "entailment support 0.00" in got[0].explanation
    assert JUDGED not in got[0].explanation
    monkeypatch.setattr(entailment, "support_many", _support(1.0))
    assert changes(copy) == []


def test_swapped_noun_in_a_summary_sentence() -> None:
    copy = ("A vaccine against rubella would be offered in all schools of the province from "
            "September, officials said.")
    assert ("scope", "rubella", "measles") in found(copy)


def test_morphological_negation_is_a_negation() -> None:
    copy = SOURCE.replace("the old mill was unsafe after", "the old mill was safe after")
    assert ("negation", "safe", "unsafe") in found(copy)


def test_ordinal_the_source_never_uses_with_that_noun() -> None:
    copy = "The third phase of the vaccine campaign is due in spring, officials said."
    assert [(k, t) for k, t, _ in found(copy)] in ([("figure", "third phase")],
                                                   [("figure", "third")])


def test_changed_date_in_a_kept_slot() -> None:
    copy = SOURCE.replace("voted on 12 March to expand", "voted on 19 March to expand")
    assert ("figure", "19 March", "12 March") in found(copy)


def test_inserted_name_between_kept_words_is_reported() -> None:
    copy = SOURCE.replace("vote.\n", "vote.\n").replace(
        "expand the tram network to the northern suburbs",
        "expand the tram network to the Kalmar northern suburbs")
    kinds = [k for k, _, _ in found(copy)]
    assert kinds and set(kinds) <= {"addition", "place"}


# --- stays quiet ---------------------------------------------------------------------------

def test_synonym_swap_stays_quiet() -> None:
    copy = SOURCE.replace("a fire swept through two villages", "a blaze swept through two hamlets")
    copy = copy.replace("Firefighters warned", "Firefighters cautioned")
    assert found(copy) == []


def test_single_synonym_swap_stays_quiet() -> None:
    assert found(SOURCE.replace("a plan that residents", "a scheme that residents")) == []


def test_morphological_variant_stays_quiet() -> None:
    copy = SOURCE.replace("fell from a harbour wall", "fell from a harbour walls")
    copy = copy.replace("in a local vote", "in a local voting")
    assert found(copy) == []


def test_spelling_variant_of_a_name_stays_quiet() -> None:
    src = "The mayor, Yuliya Petrenko, opened the bridge on Monday, the city hall said."
    copy = "The mayor, Julija Petrenko, opened the bridge on Monday, the city hall said."
    assert found(copy, src) == []


def test_paraphrased_sentence_stays_quiet() -> None:
    copy = ("A former schoolteacher from Osterholm lost his life in a plunge from a quay "
            "that anglers liked, coastguards reported on Monday.")
    assert found(copy) == []


def test_condensed_phrase_stays_quiet() -> None:
    copy = SOURCE.replace("known as a fishing spot", "known as a haunt")
    assert found(copy) == []


def test_reworded_copy_reports_no_plain_word_swaps() -> None:
    # four plain words swapped in four places: a spun copy, whatever the thesaurus said
    copy = (SOURCE.replace("retired teacher", "retired tutor")
            .replace("expand the tram", "extend the tram")
            .replace("offered in all schools", "offered in all academies")
            .replace("the old mill was", "the old factory was"))
    assert found(copy) == []


def test_is_variant() -> None:
    assert is_variant("cliff", "clifftop") and is_variant("president", "presidency")
    assert not is_variant("protest", "protection") and not is_variant("beach", "bench")
