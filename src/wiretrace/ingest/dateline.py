"""Mangled datelines as scrapers and spinners make them, and their repair.

A wire dateline ``LAGOS, Nigeria (AP) — The military said`` often reaches a scraped copy as
``Nigeria's LAGOSThe military said``: the country turned into a possessive, the agency and dash
dropped, and the ALL-CAPS city glued to the next word. These rules find such openings at the
start of a paragraph and propose a clean form (``LAGOS, Nigeria — The military said``). Proper
datelines are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DatelineRepair", "find_dateline_repair"]

# A place word: "Nigeria", "South Africa", "Côte d'Ivoire" (capitalised words, a few joiners).
_PLACE = r"[A-Z][\w.'’-]*(?:\s(?:of|de|d'|and|the|[A-Z][\w.'’-]*))*?"
# An ALL-CAPS city, possibly several words ("NEW YORK", "PORT-AU-PRINCE", "ST. LOUIS").
_CITY = r"[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*"
# What follows a glued city: a capitalised word ("The", "Police") or a lone "A"/"I".
_NEXT = r"(?:[A-Z][a-z]|[AI]\s)"

# "Nigeria's LAGOSThe ...", "Nigeria's LAGOS The ...", "Nigeria's LAGOS - The ...",
# "Philippines' MANILAThe ..."
_POSSESSIVE = re.compile(
    rf"(?P<country>{_PLACE})(?:['’]s|(?<=s)['’])\s+(?P<city>{_CITY})(?P<sep>\s*[-–—:]?\s*)"
    rf"(?=(?P<next>{_NEXT}))"
)
# "LAGOSThe military said": an ALL-CAPS word of 3+ letters glued to a capitalised word.
_GLUED = re.compile(
    r"(?P<city>[A-Z][A-Z.'’-]{2,}(?:\s[A-Z][A-Z.'’-]+)*)"  # the city
    r"(?=(?P<next>[A-Z][a-z]))"  # the capitalised word it is glued to
)
# "LAGOS, Nigeria (AP)The ..." / "LAGOS (Reuters)-The": a real dateline missing its dash/space.
_AGENCY_GLUED = re.compile(
    rf"(?P<head>{_CITY}(?:,\s[A-Z][\w.'’ -]{{1,40}})?\s?\((?:AP|AFP|Reuters|dpa|UPI|Xinhua|"
    rf"ANI|PTI|IANS|Bernama|Yonhap|Kyodo|EFE|ANSA|TASS|Anadolu)\))"
    rf"(?P<sep>\s*[-–—]?)(?=[A-Z][a-z])"
)


@dataclass(slots=True, frozen=True)
class DatelineRepair:
    """A mangled dateline: ``start``/``end`` are offsets (relative to the searched paragraph)
    of the mangled span, ``replacement`` its clean form (ending with " — ")."""

    start: int
    end: int
    replacement: str


def find_dateline_repair(paragraph: str) -> DatelineRepair | None:
    """The repair for a mangled dateline at the start of ``paragraph``, or None.

    ``paragraph`` is one stripped line of text; the match must start at offset 0.
    """
    if len(paragraph) < 8:
        return None
    m = _POSSESSIVE.match(paragraph)
    glued_or_dashed = m is not None and (m.group("sep") == "" or m.group("sep").strip() != "")
    if m and not glued_or_dashed and _is_city(m.group("city")):
        city = " ".join(m.group("city").split())
        if city[-1] in "AI" and _known_place(city[:-1]) and not _known_place(city):
            # "Kenya's NAIROBIA Kenyan court": the city glued to the article "A" that opens
            # the sentence (a known city without its last letter; MANILA stays MANILA)
            country = " ".join(m.group("country").split())
            return DatelineRepair(0, m.end("city") - 1, f"{city[:-1]}, {country} — ")
    if m and glued_or_dashed and _is_city(m.group("city")):
        country = " ".join(m.group("country").split())
        city = " ".join(m.group("city").split())
        return DatelineRepair(0, m.end(), f"{city}, {country} — ")
    m = _AGENCY_GLUED.match(paragraph)
    if m:
        # only matches with nothing or a dash right before the next word: "(AP)The", "(AP) —The"
        head = " ".join(m.group("head").split())
        return DatelineRepair(0, m.end(), f"{head} — ")
    m = _GLUED.match(paragraph)
    if m and _is_city(m.group("city")):
        city = " ".join(m.group("city").split())
        return DatelineRepair(0, m.end(), f"{city} — ")
    return None


def _known_place(name: str) -> bool:
    from wiretrace.claims.lexicon import lexicon  # the gazetteer (data only)

    return name.lower() in lexicon().places


def _is_city(city: str) -> bool:
    letters = [c for c in city if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
