"""Copies that change nothing report nothing; the changes a journalist would flag are found.

Fictional texts in the shapes of real republications: typography, page chrome, bylines, time
stamps, numerals spelt out; and the garbled facts of DESIGN.md (a scope changed with its
attribution dropped, an actor swapped, a stale title).
"""

from __future__ import annotations

from wiretrace.claims.compare import compare_texts

WIRE = (
    "OSTERHOLM, Varnia (NPA) — Varnia's interior ministry put the number of dead or injured at "
    "200 after the blast on Friday.\n\n"
    "Prime Minister Ilse Novak met envoys from Paris and Berlin on Saturday.\n\n"
    "“Don't expect a quick answer,” Novak told reporters. Marek Halden has never condemned the "
    "attack, his office said.\n\n"
    "The storm destroyed 10 homes and damaged 30 barns in the valley.\n\n"
    "Police said 12 people were arrested in the port district overnight."
)


def changes(copy: str, source: str = WIRE) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy).changes]


def test_curly_and_straight_apostrophes_are_no_change() -> None:
    copy = WIRE.replace("Don't", "Don’t")
    assert changes(copy) == []
    assert changes(WIRE, copy) == []


def test_typography_of_a_republisher_is_no_change() -> None:
    copy = (WIRE.replace("“", '"').replace("”", '"').replace(" — ", " - ")
            .replace("Prime Minister Ilse", "Prime Minister\u00a0Ilse").replace("200", "200 "))
    assert changes(copy) == []


def test_page_chrome_bylines_and_time_stamps_are_not_additions() -> None:
    copy = ("By Reuters\nUpdated 9:06 AM\n\n" + WIRE + "\n\nOrder Reprint\n\nTry one month for $1"
            "\n\nCopyright 2024 The Varnia Courier. All rights reserved.")
    source = "Updated 09 / 14 / 2013 01:03 PM\n\n" + WIRE
    assert changes(copy, source) == []


def test_numerals_in_words_and_dozens_are_consistent() -> None:
    copy = WIRE.replace("10 homes", "ten homes").replace("30 barns", "dozens of barns")
    assert changes(copy) == []


def test_negation_both_sentences_keep_is_no_change() -> None:
    copy = WIRE.replace("Marek Halden has never condemned the attack, his office said.",
                        "Marek Halden has never condemned the attack.")
    assert [k for k, _, _ in changes(copy)] == []


def test_scope_changed_and_attribution_dropped() -> None:
    copy = WIRE.replace(
        "Varnia's interior ministry put the number of dead or injured at 200 after the blast",
        "The blast left a death toll of 200")
    report = compare_texts(WIRE, copy)
    kinds = {c.kind: c for c in report.changes}
    assert set(kinds) >= {"scope", "attribution"}
    scope = kinds["scope"]
    assert scope.text == "death toll of 200" and scope.versus_text == "dead or injured at 200"
    for c in report.changes:  # both spans, each pointing at its own text
        assert c.span and c.versus_span
        assert copy[c.span[0]:c.span[1]] == c.text
        assert WIRE[c.versus_span[0]:c.versus_span[1]] == c.versus_text


def test_actor_swapped_in_a_pair_of_capitals() -> None:
    copy = WIRE.replace("Paris and Berlin", "Paris and Moscow")
    report = compare_texts(WIRE, copy)
    assert [c.kind for c in report.changes] in (["actor"], ["place"])
    c = report.changes[0]
    assert "Moscow" in c.text and "Berlin" in c.versus_text
    assert c.span and copy[c.span[0]:c.span[1]] == c.text and c.versus_span


def test_attribution_cut_from_the_sentence() -> None:
    copy = WIRE.replace("Police said 12 people were arrested",
                        "12 people were arrested")
    found = changes(copy)
    assert [k for k, _, _ in found] == ["attribution"]
    assert found[0][2] == "Police said"


def test_stale_title() -> None:
    copy = WIRE.replace("Prime Minister Ilse Novak", "former Prime Minister Ilse Novak")
    found = changes(copy)
    assert [k for k, _, _ in found] == ["title"]
    assert found[0][1].startswith("former")


def test_disputes_only_from_real_changes_against_the_parent() -> None:
    from wiretrace.claims import brief
    from wiretrace.model import Article, Change, Derivation

    copy = WIRE.replace("Paris and Berlin", "Paris and Moscow")
    arts = [Article(source=str(i), text=t, raw_text=t, id=i)
            for i, t in ((1, WIRE), (2, WIRE), (3, copy))]
    s = WIRE.index("Berlin")
    typo = Change(2, 1, "actor", "Don’t", "Don't", "quotes", (0, 5), (0, 5))
    stray = Change(3, 2, "actor", "Moscow", "Berlin", "swap", (s, s + 6), (s, s + 6))
    real = Change(3, 1, "actor", "Moscow", "Berlin", "swap", (s, s + 6), (s, s + 6))
    ders = [Derivation(1, "original"), Derivation(2, "wire_copy", 1),
            Derivation(3, "rewrite", 1)]
    disputed = [f for f in brief(arts, [], [typo, stray, real], ders) if f.disputed]
    assert len(disputed) == 1
    assert {v.text: v.articles for v in disputed[0].variants} == {"Berlin": [1, 2],
                                                                  "Moscow": [3]}
