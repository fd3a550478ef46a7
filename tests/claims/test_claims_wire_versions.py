"""Changes in versions of one made-up agency business story, as they travel: a rewrite that
changes a percentage told before a noun, a spun copy that swaps a town the gazetteer does not
know, a digest that tells a possibility as a certainty."""

from __future__ import annotations

from wiretrace.claims.compare import compare_texts

SOURCE = (
    "OSLO, May 4 (Reuters) - Norwegian shipbuilder Fjordline said on Monday its quarterly "
    "operating profit rose 14% to 2.3 billion crowns, helped by orders for ferries from Canada. "
    "Chief Financial Officer Ida Berg warned that steel prices could cut margins by up to two "
    "points next year. "
    "The company employs about 9,000 people and plans to cut 400 jobs at its yard in Ulsteinvik "
    "by 2027, a spokesman said."
)


def _changes(copy: str, source: str = SOURCE) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy).changes]


def test_a_percentage_before_the_noun_it_sizes_is_a_figure() -> None:
    copy = SOURCE.replace("its quarterly operating profit rose 14%",
                          "a 41% jump in its quarterly operating profit")
    assert ("figure", "41%", "14%") in _changes(copy)
    same = SOURCE.replace("its quarterly operating profit rose 14%",
                          "a 14% jump in its quarterly operating profit")
    assert _changes(same) == []


def test_a_town_swapped_in_a_spun_sentence_is_a_place_change() -> None:
    # the spinner swaps the plain words one for one and puts a known city in the town's place
    spun = SOURCE.replace(
        "The company employs about 9,000 people and plans to cut 400 jobs at its yard in "
        "Ulsteinvik by 2027, a spokesman said.",
        "The firm employs approximately 9,000 individuals and intends to cut 400 jobs at its "
        "shipyard in Bergen by 2027, a spokesman said.")
    assert [c for c in _changes(spun) if c[0] == "place"] == [("place", "Bergen", "Ulsteinvik")]
    # the same town kept, or a town named in another clause, is no swap
    kept = spun.replace("in Bergen by 2027", "in Ulsteinvik by 2027")
    assert _changes(kept) == []
    told = SOURCE.replace("by 2027, a spokesman said.",
                          "by 2027, a spokesman in Bergen said.")
    assert not [c for c in _changes(told) if c[0] == "place"]
    # a body after "in" is no town: "in Parliament" for "in Ulsteinvik" is no place swap
    for body in ("Parliament", "Congress", "Court"):
        spun_body = spun.replace("in Bergen", f"in {body}")
        assert not [c for c in _changes(spun_body) if c[0] == "place"], body


def test_a_possibility_told_as_a_certainty_is_a_modality_change() -> None:
    digest = SOURCE.replace("warned that steel prices could cut margins",
                            "warned that steel prices will cut margins")
    assert ("modality", "will cut", "could cut") in _changes(digest)
    # "will" under a hedge of the sentence's own says no more than "could"
    hedged = SOURCE.replace("warned that steel prices could cut margins",
                            "warned that steel prices will possibly cut margins")
    assert not [c for c in _changes(hedged) if c[0] == "modality"]
    # "will" where the source says "will" is no change; nor "will" for another verb
    assert _changes(SOURCE.replace("could cut", "will cut").replace(
        "could cut", "will cut")) == _changes(SOURCE.replace("could cut", "will cut"))
    other = SOURCE.replace("could cut margins", "could cut margins, and orders will rise")
    assert not [c for c in _changes(other) if c[0] == "modality"]
    # a condition says no more than "could"
    condition = SOURCE.replace("warned that steel prices could cut margins",
                               "warned that steel prices will cut margins if demand slows")
    assert not [c for c in _changes(condition) if c[0] == "modality"]
    # a hedge both sentences keep word for word is no hedge of the copy's own
    kept = SOURCE.replace("could cut margins by up to two", "could cut margins, a squeeze "
                          "that may last months, by up to two")
    assert ("modality", "will cut", "could cut") in _changes(
        kept.replace("prices could cut", "prices will cut"), kept)


POLITICS = (
    "Former Prime Minister Ola Brandt called for calm on Tuesday. "
    "The blast killed at least 52 people, police said."
)


def test_a_former_office_told_as_held_now_is_a_title_change() -> None:
    got = compare_texts(POLITICS, POLITICS.replace("Former Prime Minister", "Prime Minister"))
    assert [(c.kind, c.text, c.versus_text) for c in got.changes] == [
        ("title", "Prime Minister Ola Brandt", "Former Prime Minister Ola Brandt")]
    # without a title, with the past told in other words in the sentence, with "former" at
    # another mention, or inside a quote, the copy claims no office now
    for kept in ("Ola Brandt called for calm on Tuesday.",
                 "Prime Minister Ola Brandt, who left office in 2021, called for calm on Tuesday.",
                 "Prime Minister Ola Brandt signed the treaty in 2019 and called for calm on "
                 "Tuesday.",
                 "Former Prime Minister Ola Brandt called for calm. Prime Minister Ola Brandt "
                 "spoke on Tuesday.",
                 'A neighbour said: "Prime Minister Ola Brandt called for calm on Tuesday."'):
        copy = POLITICS.replace("Former Prime Minister Ola Brandt called for calm on Tuesday.",
                                kept)
        assert not [c for c in compare_texts(POLITICS, copy).changes if c.kind == "title"], kept


def test_a_lower_bound_rounded_down_is_the_same_figure() -> None:
    rounded = POLITICS.replace("killed at least 52 people", "killed more than 50 people")
    assert compare_texts(POLITICS, rounded).changes == []
    raised = POLITICS.replace("killed at least 52 people", "killed more than 60 people")
    assert [c.kind for c in compare_texts(POLITICS, raised).changes] == ["figure"]
    # lower, but not the source's number rounded down: an older or another toll
    for lower in ("at least 45", "at least 25"):
        copy = POLITICS.replace("at least 52", lower)
        assert [c.kind for c in compare_texts(POLITICS, copy).changes] == ["figure"], lower


def test_a_body_named_by_the_words_of_a_role_the_source_gives_is_no_addition() -> None:
    source = ("U.S. District Judge Karen Whitfield ordered Okafor to forfeit $12 million. "
              "The fund collapsed in 2022.")
    copy = ("Judge Karen Whitfield, of the US District Court, ordered Okafor to forfeit $12 "
            "million. The fund collapsed in 2022.")
    assert compare_texts(source, copy).changes == []
    other = copy.replace("the US District Court", "the US Supreme Court")
    assert [c.kind for c in compare_texts(source, other).changes] == ["addition"]
    # a body the source's role does not belong to: the council is not the mayor
    mayor = "New York City Mayor Eric Vance backed the plan. The vote is due in June."
    council = "Mayor Eric Vance backed the plan, and the New York City Council approved it. " \
              "The vote is due in June."
    assert "addition" in [c.kind for c in compare_texts(mayor, council).changes]
