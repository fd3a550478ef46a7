"""Reading forms: typography, case, inflection and transliteration never make a difference."""

from __future__ import annotations

from wiretrace.claims.normalise import reading_form, same_reading


def test_reading_form_folds_quotes_dashes_space_case_accents() -> None:
    assert reading_form("Don’t  “Stop” — Kyiv–Odesa Café") == 'don\'t "stop" - kyiv-odesa cafe'


def test_same_reading_typography_and_case() -> None:
    assert same_reading("Don’t", "Don't")
    assert same_reading("The “Blue Line”", 'the "blue line"')
    assert same_reading("north–south", "north-south")


def test_same_reading_inflection_and_transliteration() -> None:
    assert same_reading("teacher", "teachers")
    assert same_reading("Dzong", "Jong")
    assert same_reading("Wolodymyr Petrenko", "Volodymyr Petrenko")


def test_different_words_or_numbers_are_not_the_same_reading() -> None:
    assert not same_reading("increase", "decrease")
    assert not same_reading("40 teachers", "45 teachers")
    assert not same_reading("Paris", "Parks")
    assert not same_reading("Paris and Berlin", "Paris and Moscow")
