"""Who did what to whom, turned round in a copy: both names kept, the roles swapped."""

from __future__ import annotations

import pytest

from wiretrace.claims.compare import compare_texts

SOURCE = ("VALPARA, Osteria (AP) — Centre-left candidate Lena Ortiz won the runoff on Sunday, "
          "defeating conservative Marco Bassi with 54% of the vote. "
          "The port authority bought Harwick Freight for $40 million last year.")


def _actor_changes(copy: str) -> list[str]:
    return [c.text for c in compare_texts(SOURCE, copy).changes if c.kind == "actor"]


@pytest.mark.parametrize("turned", [
    "Conservative Marco Bassi defeated Lena Ortiz in the runoff on Sunday with 54% of the vote.",
    "Lena Ortiz was defeated by Marco Bassi in Sunday's runoff, with 54% of the vote.",
    "Lena Ortiz lost to Marco Bassi in Sunday's runoff, with 54% of the vote.",
])
def test_the_winner_and_the_loser_swapped_is_an_actor_change(turned: str) -> None:
    copy = SOURCE.replace(SOURCE.split(". ")[0] + ".", turned)
    (change,) = _actor_changes(copy)
    assert "Marco Bassi" in change and "Lena Ortiz" in change


@pytest.mark.parametrize("kept", [
    "Lena Ortiz defeated Marco Bassi in the runoff on Sunday with 54% of the vote.",
    "Marco Bassi was defeated by Lena Ortiz in Sunday's runoff, with 54% of the vote.",
    "Marco Bassi lost to Lena Ortiz in Sunday's runoff, with 54% of the vote.",
    # both names, no relation read between them
    "Lena Ortiz and Marco Bassi met in Sunday's runoff; she took 54% of the vote.",
])
def test_the_same_roles_in_other_words_are_no_change(kept: str) -> None:
    copy = SOURCE.replace(SOURCE.split(". ")[0] + ".", kept)
    assert _actor_changes(copy) == []


def test_a_purchase_told_the_other_way_round() -> None:
    copy = SOURCE.replace("The port authority bought Harwick Freight",
                          "Harwick Freight bought the port authority")
    assert compare_texts(SOURCE, copy).changes == []  # "the port authority" is no name
    named = SOURCE.replace("The port authority", "Nordhaven Ports")
    turned = named.replace("Nordhaven Ports bought Harwick Freight",
                           "Harwick Freight bought Nordhaven Ports")
    (change,) = [c for c in compare_texts(named, turned).changes if c.kind == "actor"]
    assert change.text == "Harwick Freight bought Nordhaven Ports"
    assert change.versus_text == "Nordhaven Ports bought Harwick Freight"


@pytest.mark.parametrize(("source", "copy"), [
    # a rematch: the source tells both results
    ("Petra Novak beat Ilse Brandt in Sunday's final in Lisbon. Brandt beat Novak in last "
     "year's final in Madrid.",
     "Petra Novak beat Ilse Brandt in Sunday's final in Lisbon, a year after Brandt beat Novak "
     "in the final in Madrid."),
    # a suit and a countersuit
    ("Arlen Holdings sued Vexa Corp in March over unpaid royalties, and Vexa countersued in "
     "April.",
     "Vexa Corp sued Arlen Holdings in April, a month after Arlen had taken it to court over "
     "unpaid royalties."),
    # a replacement told back in a relative clause
    ("Lars Berg returns as chief executive of Nordfin, replacing Maria Holm, who had replaced "
     "Berg in 2020.",
     "Maria Holm replaced Lars Berg as Nordfin's chief executive in 2020; now Berg is taking "
     "the job back."),
    # signing goes both ways; a near miss is no defeat
    ("Winger Luca Ferri signed for Brenton Rovers on Friday.",
     "Brenton Rovers signed winger Luca Ferri on Friday."),
    ("Petra Novak nearly lost to Ilse Brandt on Sunday before rallying to win the final.",
     "Petra Novak narrowly beat Ilse Brandt in Sunday's final."),
    # a name that is the object of a clause of its own is no doer
    ("The man who shot Ana Rojas killed Pedro Salas, police said.",
     "The gunman who killed Pedro Salas also shot Ana Rojas, police said."),
])
def test_a_relation_the_source_also_tells_the_copy_s_way_is_no_swap(source: str,
                                                                    copy: str) -> None:
    assert not [c for c in compare_texts(source, copy).changes if c.kind == "actor"]
