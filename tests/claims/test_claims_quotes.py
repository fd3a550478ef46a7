"""Quote integrity: cut, spliced, reattributed and altered quotes of a copy against its parent,
on texts written for these tests. Typography never counts."""

from __future__ import annotations

import pytest

from wiretrace.claims.quotes import compare_quotes, find_quote_mentions, same_speaker
from wiretrace.model import Article, QuoteChange

PARENT = (
    "The mayor spoke on Monday. “We will rebuild every school that the flood destroyed, and we "
    "will do it before winter,” said Mayor Ilse Brandt. Residents were angry.\n\n"
    "“Nobody warned us about the river,” said Tomas Weller, a baker. He added that the shop was "
    "ruined.\n\n"
    "Later the council met. “The budget for repairs is not enough and we need help from the "
    "capital,” council leader Anna Roth told reporters."
)
MAYOR = "We will rebuild every school that the flood destroyed, and we will do it before winter,"


def run(copy: str, parent: str = PARENT) -> list[QuoteChange]:
    return compare_quotes(Article("p", parent, parent, id=1), Article("c", copy, copy, id=2))


def test_speakers_and_spans_are_found() -> None:
    quotes = find_quote_mentions(PARENT)
    assert [q.speaker for q in quotes] == ["Mayor Ilse Brandt", "Tomas Weller", "Anna Roth"]
    for q in quotes:
        assert PARENT[q.span[0]:q.span[1]] == q.text
        assert q.speaker_span and PARENT[q.speaker_span[0]:q.speaker_span[1]] == q.speaker


@pytest.mark.parametrize("copy", [
    PARENT.replace("“We will rebuild", '"We will rebuild').replace("winter,”", 'winter,"'),
    PARENT.replace("destroyed, and we", "destroyed — and we").replace("Nobody", "NOBODY"),
    PARENT.replace("every school that", "every  school\u00a0that").replace("river,”", "river”"),
    PARENT.replace("“Nobody warned us", "„Nobody warned us"),
])
def test_typography_is_never_a_change(copy: str) -> None:
    assert run(copy) == []


def test_identical_text_has_no_quote_change() -> None:
    assert run(PARENT) == []


def test_cut_at_the_end() -> None:
    copy = PARENT.replace(MAYOR, "We will rebuild every school that the flood destroyed,")
    (q,) = run(copy)
    assert (q.kind, q.cut) == ("cut", "end")
    assert q.text == "We will rebuild every school that the flood destroyed,"
    assert q.versus_text == MAYOR
    assert copy[q.span[0]:q.span[1]] == q.text
    assert PARENT[q.versus_span[0]:q.versus_span[1]] == MAYOR
    assert "“and we will do it before winter”" in q.explanation


def test_cut_at_both_ends_of_a_partial_quote() -> None:
    copy = PARENT.replace(f"“{MAYOR}” said Mayor Ilse Brandt",
                          "Mayor Ilse Brandt promised to rebuild “every school that the flood "
                          "destroyed”")
    (q,) = run(copy)
    assert (q.kind, q.cut) == ("cut", "start and end")


def test_cut_inside_without_an_ellipsis_and_with_one() -> None:
    (q,) = run(PARENT.replace(MAYOR, "We will rebuild every school before winter,"))
    assert (q.kind, q.cut) == ("cut", "inside")
    assert "(not marked)" in q.explanation and "that the flood destroyed, and we will do it" in \
        q.explanation
    (m,) = run(PARENT.replace(MAYOR, "We will rebuild every school … before winter,"))
    assert (m.kind, m.cut) == ("cut", "inside (marked)")


def test_spliced_from_two_speakers() -> None:
    copy = PARENT.replace("“Nobody warned us about the river,”",
                          "“Nobody warned us about the river, and we need help from the capital,”")
    (q,) = run(copy)
    assert q.kind == "spliced"
    assert len(q.versus_parts) == 2
    texts = [PARENT[s:e] for s, e in q.versus_parts]
    assert texts[0] == "Nobody warned us about the river,"
    assert texts[1].startswith("The budget for repairs")
    assert q.versus_part_speakers == ["Tomas Weller", "Anna Roth"]
    assert "different speakers" in q.explanation


def test_one_statement_split_by_said_and_joined_again_is_not_a_splice() -> None:
    parent = ("“The wind is our enemy today,” said Giorgos Papakostas, head of the agency. "
              "“We expect it to ease by Saturday morning.” He warned the toll could rise.")
    copy = ("“The wind is our enemy today. We expect it to ease by Saturday morning,” said "
            "Giorgos Papakostas, head of the agency.")
    assert run(copy, parent) == []


def test_one_statement_joined_again_with_words_left_out_where_it_meets_is_spliced() -> None:
    parent = ("“The wind is our enemy today,” said Giorgos Papakostas, head of the agency. "
              "“We expect it to ease by Saturday, and then the crews can rest.”")
    copy = ("“The wind is our enemy today. The crews can rest,” said Giorgos Papakostas, head "
            "of the agency.")
    (q,) = run(copy, parent)
    assert q.kind == "spliced"
    assert [parent[s:e] for s, e in q.versus_parts] == [
        "The wind is our enemy today,", "We expect it to ease by Saturday, and then the crews "
        "can rest."]
    # the first part cut at its start, the second at its end: still one statement, in order
    shorter = ("“Our enemy today. We expect it to ease by Saturday,” said Giorgos Papakostas.")
    assert run(shorter, parent) == []
    # the cut marked with an ellipsis, or only a leading "and" dropped: no splice
    marked = ("“The wind is our enemy today … the crews can rest,” said Giorgos Papakostas.")
    assert run(marked, parent) == []
    parent_and = ("“The wind is our enemy today,” said Giorgos Papakostas. “And the crews need "
                  "rest before Saturday.”")
    joined = ("“The wind is our enemy today. The crews need rest before Saturday,” said Giorgos "
              "Papakostas.")
    assert run(joined, parent_and) == []


def test_reattributed_with_both_speakers_spans() -> None:
    copy = PARENT.replace("said Tomas Weller, a baker", "said Mayor Ilse Brandt")
    (q,) = run(copy)
    assert q.kind == "reattributed"
    assert (q.speaker, q.versus_speaker) == ("Mayor Ilse Brandt", "Tomas Weller")
    assert q.speaker_span and copy[q.speaker_span[0]:q.speaker_span[1]] == "Mayor Ilse Brandt"
    assert q.versus_speaker_span
    assert PARENT[q.versus_speaker_span[0]:q.versus_speaker_span[1]] == "Tomas Weller"


@pytest.mark.parametrize("speaker", [
    "said Weller",  # the same person by surname
    "said Tomas Veller",  # another transliteration
    "he said",  # a pronoun names nobody
    "said a baker",  # not a name
])
def test_not_a_reattribution(speaker: str) -> None:
    assert run(PARENT.replace("said Tomas Weller, a baker", speaker)) == []


def test_crediting_the_body_the_parent_names_beside_the_speaker_is_not_a_reattribution() -> None:
    parent = ("“The wind is our enemy today,” said Giorgos Papakostas, head of the Civil "
              "Protection Agency.")
    copy = "“The wind is our enemy today,” said the Civil Protection Agency."
    assert run(copy, parent) == []


def test_altered_words_inside_a_quote() -> None:
    (q,) = run(PARENT.replace("about the river", "about the dam"))
    assert q.kind == "altered"
    assert "“river” became “dam”" in q.explanation
    (n,) = run(PARENT.replace("is not enough", "is enough"))
    assert n.kind == "altered" and "“not” removed" in n.explanation


def test_spelling_variants_and_separators_are_not_alterations() -> None:
    parent = "“We organised 1,500 volunteers and the colour of the centre is grey,” said Ana Ruiz."
    copy = "“We organized 1500 volunteers and the color of the center is grey,” said Ana Ruiz."
    assert run(copy, parent) == []


def test_short_quotes_are_not_judged() -> None:
    parent = "The minister called it “a disgrace” on Monday, said Ana Ruiz."
    copy = "The minister called it “a scandal” on Monday, said Ana Ruiz."
    assert run(copy, parent) == []


def test_an_unrelated_quote_is_not_compared() -> None:
    copy = PARENT + "\n\n“Our bakery will open again next month,” said Lena Fischer."
    assert run(copy) == []


def test_same_speaker() -> None:
    assert same_speaker("Prime Minister Nikos Andreadis", "Andreadis") is True
    assert same_speaker("Yiorgos Papakostas", "Giorgos Papakostas") is True
    assert same_speaker("Pavlos Retsinas", "Giorgos Papakostas") is False
    assert same_speaker("he", "Giorgos Papakostas") is None


def test_a_quote_repeated_hundreds_of_times_costs_a_bounded_amount_of_work() -> None:
    """Each quote is compared with a few parent quotes (those sharing most word runs), so a
    text that repeats one quote is linear, not quadratic; every repeat is still judged."""
    unit = "“The harbour will stay closed until the storm has passed,” said Ana Ruiz. "
    parent = unit * 300
    copy = parent.replace("stay closed", "stay open")
    found = run(copy, parent)
    assert len(found) == 300 and {q.kind for q in found} == {"altered"}


def test_a_pronoun_speaker_is_the_lone_person_the_sentence_before_opens_with() -> None:
    parent = ("Andrés Molina lost the runoff. Molina conceded defeat in a speech in Santiago. "
              "“The people have spoken,” he said.")
    wrong = ("Camila Rojas won the runoff. Rojas conceded nothing in a speech in Santiago, "
             "saying: “The people have spoken.”")
    (q,) = run(wrong, parent)
    assert q.kind == "reattributed" and (q.versus_speaker, q.speaker) == ("Molina", "Rojas")
    right = ("Andrés Molina lost the runoff. “The people have spoken,” Molina said in a speech "
             "in Santiago.")
    assert run(right, parent) == []


@pytest.mark.parametrize("parent", [
    # the sentence before names two people, or a body, or someone of the other gender
    "Judge Helen Marsh sentenced Tom Reed on Monday. “I am sorry,” he said.",
    "Detectives arrested Tom Reed on Monday. “I am sorry,” he said.",
    "Harlow City lifted two titles under Tom Reed. “I am sorry,” he said.",
    "Helen Marsh cried as the verdict was read to him. “I am sorry,” he said.",
])
def test_no_speaker_is_read_from_a_sentence_that_does_not_tell_who_he_is(parent: str) -> None:
    (q,) = find_quote_mentions(parent)
    assert q.speaker is None


def test_a_saying_speaker_told_by_an_irregular_past() -> None:
    # "spoke" has no -ed
    parent = ("Andrés Molina lost the vote. Ana Rojas won it. Rojas spoke in Santiago, saying: "
              "“We fought hard and we won.” The count ended an hour later.")
    copy = ("Andrés Molina lost the vote. Molina spoke in Santiago, saying: “We fought hard and "
            "we won.”")
    (q,) = run(copy, parent)
    assert (q.kind, q.versus_speaker, q.speaker) == ("reattributed", "Rojas", "Molina")
