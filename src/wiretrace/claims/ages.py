"""A named person's age as a text gives it: "Palmer, 48,", "the 53-year-old Palmer", "Ola Brandt,
aged 34", "Jane Doe (61)", "Palmer, a 48-year-old teacher,".

An age counts nothing, so the figure reader leaves it alone (``claims.figures``); it is still a
fact a copy can change or make up: "The 53-year-old Palmer" where the source says "Palmer,
48," gives another age, and an age the source never gives for a person it names is an addition.
Only ages tied to a name are read: "a 31-year-old man" names no one to hold the age to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Age", "find_ages", "ages_of", "born_told"]

_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
_YEARS = r"(?P<age>\d{1,3})"
_PATTERNS = (
    re.compile(rf"{_NAME},\s+(?:aged\s+)?{_YEARS}(?=,|\s+(?:and|was|is|who|has|had|said)\b)"),
    re.compile(rf"{_NAME}\s+\({_YEARS}\)"),
    re.compile(rf"{_NAME},\s+(?:a|an|the)\s+{_YEARS}-year-old\b"),
    re.compile(rf"\b(?:the|The)\s+{_YEARS}-year-old\s+(?:former\s+)?{_NAME}"),
)
# "born in 1971", "born on March 3, 1971": an age the reader works out, told another way
_BORN = re.compile(r"\bborn\b[^.]{0,40}?\b(?:1[89]|20)\d\d\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Age:
    name: str  # the person's last name, as the text writes it
    years: int
    span: tuple[int, int]  # the age's words, with the name


def _surname(name: str) -> str:
    return re.sub(r"['’]s?$", "", name.split()[-1])


_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "january", "february", "march", "april", "may", "june", "july",
                       "august", "september", "october", "november", "december"})


def _not_a_person(name: str) -> bool:
    """A day, a month, a place or a people ("On Monday, 14, including ...", "the
    53-year-old Briton"): no one whose age a text could give by name."""
    from wiretrace.claims.lexicon import lexicon

    last = _surname(name).lower()
    return last in _CALENDAR or last in lexicon().places or name.lower() in lexicon().places


def find_ages(text: str, lo: int = 0, hi: int | None = None) -> list[Age]:
    """Every age ``text[lo:hi]`` gives a named person, in order."""
    hi = len(text) if hi is None else hi
    found: dict[tuple[int, int], Age] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text, lo, hi):
            years = int(m.group("age"))
            if not 0 < years < 120 or _not_a_person(m.group("name")):
                continue
            found.setdefault(m.span(), Age(_surname(m.group("name")), years, m.span()))
    return sorted(found.values(), key=lambda a: a.span)


def ages_of(text: str, name: str) -> list[Age]:
    """The ages ``text`` gives the person called ``name`` (by last name)."""
    return [a for a in find_ages(text) if a.name.lower() == name.lower()]


def born_told(text: str, name: str) -> bool:
    """Does ``text`` tell when the person was born, near a mention of their name?"""
    for m in re.finditer(rf"\b{re.escape(name)}\b", text):
        if _BORN.search(text, m.end(), min(len(text), m.end() + 160)):
            return True
    return False
