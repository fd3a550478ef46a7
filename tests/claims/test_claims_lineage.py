"""Fact lineage: the copy that first changed a fact and the copies below it that repeat it."""

from __future__ import annotations

from wiretrace.claims.lineage import fact_lineage, find_reading
from wiretrace.model import AlignedPair, Alignment, Article, Change, Derivation

SOURCE = ("The storm hit Varna on Tuesday. Officials said 12 people were hurt and the port was "
          "closed. Ships waited offshore.")
C1 = SOURCE.replace("Varna", "Burgas")  # changes the place
C2 = ("The  STORM hit Burgas on Tuesday. Officials said 12 people were hurt and the port was "
      "closed.")  # copy of C1: repeats it (spacing and case differ)
C3 = "The storm hit Burgas on Tuesday, officials said."  # copy of C2: repeats it
C4 = "The storm hit Sozopol on Tuesday. Officials said 12 people were hurt."  # copy of C1
C5 = "Officials said 12 people were hurt and the port was closed."  # copy of C1: dropped it


def span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return (i, i + len(needle))


ARTICLES = [Article("x", t, t, id=i) for i, t in enumerate([SOURCE, C1, C2, C3, C4, C5], 1)]
DERIVATIONS = [Derivation(1, "original"), Derivation(2, "edited_copy", 1),
               Derivation(3, "wire_copy", 2), Derivation(4, "summary", 3),
               Derivation(5, "edited_copy", 2), Derivation(6, "summary", 2)]
CHANGES = [
    Change(2, 1, "place", "hit Burgas", "hit Varna", "place changed",
           span(C1, "hit Burgas"), span(SOURCE, "hit Varna")),
    Change(5, 2, "place", "hit Sozopol", "hit Burgas", "place changed again",
           span(C4, "hit Sozopol"), span(C1, "hit Burgas")),
    Change(6, 2, "omission", "", "Ships waited offshore.", "dropped", None,
           span(C1, "Ships waited offshore.")),
]


def test_a_change_travels_down_three_levels_with_spans() -> None:
    lines = fact_lineage(ARTICLES, DERIVATIONS, CHANGES)
    assert [(x.origin.article, x.origin.kind) for x in lines] == [(2, "place"), (5, "place")]
    first = lines[0]
    assert [(h.article, h.via) for h in first.inherited_by] == [(3, 2), (4, 3)]
    texts = {a.id: a.text for a in ARTICLES}
    for h in first.inherited_by:
        assert texts[h.article][h.span[0]:h.span[1]] == h.text
        assert texts[h.via][h.via_span[0]:h.via_span[1]] == h.via_text
        assert h.text.lower() == "hit burgas"
    # the copy that changed it again is an origin of its own, and nobody repeats it
    assert lines[1].inherited_by == []


def test_a_copy_that_dropped_the_words_ends_the_line() -> None:
    lines = fact_lineage(ARTICLES, DERIVATIONS, CHANGES)
    assert all(h.article != 6 for x in lines for h in x.inherited_by)


def test_short_words_only_count_in_the_aligned_passage() -> None:
    text = "Aid was flown to Cyprus. Later, officials in Cyprus said more would come."
    assert find_reading("Cyprus", text) is None  # two places, no passage to choose
    assert find_reading("Cyprus", text, (0, 24)) == span(text, "Cyprus")
    assert find_reading("Cyprus", text, (25, 60)) == (45, 51)
    assert find_reading("Cyprus", text, (25, 30)) is None  # not in the passage: no guess
    assert find_reading("flown to cyprus", "Aid was FLOWN  to Cyprus.") == (8, 24)


def test_the_aligned_passage_decides_which_occurrence() -> None:
    parent = "Aid was flown to Cyprus on Monday. Aid was flown to Cyprus on Monday."
    child = "Aid was flown to Cyprus on Monday."
    arts = [Article("x", SOURCE, SOURCE, id=1), Article("x", parent, parent, id=2),
            Article("x", child, child, id=3)]
    second = (35, len(parent))
    changes = [Change(2, 1, "place", "flown to Cyprus", "flown to Crete", "place",
                      (43, 58), None)]
    al = Alignment(2, 3, 0.5, 1.0, [AlignedPair(second, (0, len(child)), "verbatim")])
    (line,) = fact_lineage(arts, [Derivation(2, "rewrite", 1), Derivation(3, "wire_copy", 2)],
                           changes, [al])
    (hop,) = line.inherited_by
    assert hop.span == (8, 23) and hop.via_span == (43, 58)
