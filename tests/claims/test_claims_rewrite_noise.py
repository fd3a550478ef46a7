"""Kinds of noise read on LLM rewrites of real news (ImBD, development split), each kept quiet
by a general rule; and the real change beside it still found, so each test can fail both ways.

All texts are fictional and written for these tests.
"""

from __future__ import annotations

from wiretrace.claims.compare import compare_texts
from wiretrace.claims.entities import find_entities
from wiretrace.claims.quotes import find_quote_mentions


def found(source: str, copy: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in compare_texts(source, copy).changes]


def test_the_opposite_word_negated_says_the_same() -> None:
    """'would be absent' for 'would not attend', 'is unsupported' for 'is not supported': the
    opposite word under a negation is no negation change; the plain opposite still is."""
    src = ("The palace said on Friday that the Duchess would not attend the parade in Varnholm "
           "because she had a fever. Her deputy took over the ceremonial duties.")
    absent = src.replace("would not attend", "would be absent from")
    assert not [k for k, _ in found(src, absent) if k == "negation"]
    src2 = "Playback is not supported on this device, the makers of the Tessly reader said."
    assert not found(src2, src2.replace("is not supported", "is unsupported"))
    # the opposite word with no negation on the other side is still a change
    plain = ("The palace said on Friday that the Duchess would attend the parade in Varnholm "
             "despite a fever. Her deputy stood beside her during the ceremonial duties.")
    assert [k for k, _ in found(plain, plain.replace("would attend", "would be absent from"))
            if k == "negation"]
    assert ("negation", "unsupported") in found(
        src2.replace("is not supported", "is supported"), src2.replace("is not supported",
                                                                       "is unsupported"))


def test_a_quote_keeps_the_speaker_of_its_own_sentence() -> None:
    """'X told ... a "special case". Ministers have said ...': the quote is X's; the next
    sentence's speaker is not its speaker, so a copy that credits X changes nothing."""
    src = ("Councillor Maren Holt told Radio Vell the ferry was a \"special case as it serves the "
           "islands\". Ministers have said the ferry should make savings like other services.")
    [q] = find_quote_mentions(src)
    assert q.speaker == "Councillor Maren Holt"
    copy = ("The ferry is a \"special case as it serves the islands\", according to Councillor "
            "Maren Holt. Ministers have said the ferry should make savings like other services.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    # a quote given to the other speaker is still a change
    moved = copy.replace("according to Councillor Maren Holt", "according to Minister Ola Brandt")
    assert [k for k, _ in found(src, moved) if k == "attribution"]
    # a speaker after the closing mark in the same sentence is still the speaker
    assert [q.speaker for q in find_quote_mentions('"We will sail," Holt said.')] == ["Holt"]


def test_a_style_of_address_names_no_one_new() -> None:
    src = ("The prime minister will attend a state dinner with the Queen and the Duke of Varn, "
           "who are on a four-day visit to the islands.")
    styled = src.replace("with the Queen", "with Her Majesty the Queen")
    assert not found(src, styled)
    # a new name slipped in the same place is still an addition
    assert [k for k, _ in found(src, src.replace("with the Queen",
                                                 "with Lady Orla Brenn the Queen"))]
    names = [e.text for e in find_entities("He met His Excellency Tomas Varg and Her Majesty the "
                                           "Queen in Varnholm.")]
    assert "Tomas Varg" in names and not [n for n in names if "Majesty" in n or "Excel" in n]


def test_a_particle_of_a_phrasal_verb_is_no_direction() -> None:
    """'tied up in staff' for 'down to staff', 'cut down' beside 'rise': phrasal verbs, not
    opposite directions; 'went up' for 'went down' still is."""
    src = ("Chairman Ivo Brandt said: \"Most of our budget is down to staff and wages, and we "
           "will struggle to find savings.\"")
    tied = src.replace("is down to", "is tied up in")
    assert not [k for k, _ in found(src, tied) if k == "negation"]
    src2 = "Sales of the Varn ferry tickets went down sharply in March, the operator said."
    assert [k for k, _ in found(src2, src2.replace("went down", "went up")) if k == "negation"]


def test_an_age_opening_a_sentence_is_no_name() -> None:
    text = "Twenty-one-year-old Welsh full-back Davies joins Varn Rovers on a five-year deal."
    names = [e.text for e in find_entities(text)]
    assert "Welsh" in names and not [n for n in names if "year-old" in n]
    src = "Wales full-back Davies, 21, joins Varn Rovers on a five-year deal, the club said."
    assert not found(src, "Twenty-one-year-old Welsh full-back Davies joins Varn Rovers on a "
                          "five-year deal, the club said.")
    # a nationality the source does not give is still a change
    assert found(src, "Twenty-one-year-old Irish full-back Davies joins Varn Rovers on a "
                      "five-year deal, the club said.")
