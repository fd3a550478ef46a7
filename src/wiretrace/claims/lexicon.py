"""Gazetteers and word lists shipped in ``claims/data``, loaded once per process.

Every list is plain text (one entry per line, ``#`` starts a comment) so a user can read and extend
it. The loaders return immutable, lower-cased lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Lexicon", "bodies_named", "body_named", "lexicon", "same_verb", "synonymous"]


def _lines(name: str) -> list[str]:
    text = resources.files("wiretrace.claims").joinpath("data", name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    places: dict[str, str]  # any name, alias or demonym (lower) -> canonical place
    place_country: dict[str, str]  # canonical place -> country (cities) or itself
    regions: frozenset[str]  # canonical regions and continents ("Europe", "Middle East")
    region_countries: dict[str, frozenset[str]]  # region -> the countries that lie in it
    figures_of_speech: re.Pattern[str]  # "Mother Nature", "Russian roulette": no name, no place
    titles: dict[str, str]  # title (lower) -> group
    org_words: frozenset[str]
    counted: tuple[tuple[str, str], ...]  # (phrase lower, scope), longest phrase first
    verb_group: dict[str, int]  # reporting verb (lower) -> synonym group id
    modality: dict[str, str]  # cue (lower) -> level
    negation: tuple[str, ...]
    hedges: tuple[tuple[str, str], ...]  # (cue lower, qualifier), longest first
    poles: dict[str, tuple[tuple[int, int], ...]]  # word -> ((pair id, side 0|1), ...)
    contrast: dict[str, str]  # word (lower) -> contrast set name
    pole_kind: dict[int, str]  # pair id -> change kind when the poles are swapped
    synonyms: dict[str, tuple[int, ...]]  # stemmed word or phrase -> synonym group ids
    source_body: dict[str, str]  # word or phrase (lower) naming a body that speaks -> body
    verb_bases: dict[str, frozenset[str]]  # irregular verb form (lower) -> its base forms


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    places: dict[str, str] = {}
    place_country: dict[str, str] = {}
    for line in _lines("countries.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        canonical = names[0]
        place_country[canonical] = canonical
        for n in names:
            places.setdefault(n.lower(), canonical)
    regions: set[str] = set()
    for line in _lines("cities.txt"):
        city, country, *aliases = (w.strip() for w in line.split("|"))
        for name in (city, *aliases):
            places.setdefault(name.lower(), city)
        place_country[city] = country
        if city == country:  # a region of the list belongs to itself
            regions.add(city)
    titles: dict[str, str] = {}
    for line in _lines("titles.txt"):
        group, _, members = line.partition(":")
        for m in members.split("|"):
            titles.setdefault(m.strip().lower(), group.strip())
    counted: list[tuple[str, str]] = []
    for line in _lines("counted.txt"):
        scope, *words = [w.strip() for w in line.split("|")]
        counted.extend((w.lower(), scope) for w in words if w)
    counted.sort(key=lambda p: -len(p[0]))
    verb_group: dict[str, int] = {}
    for i, line in enumerate(_lines("reporting_verbs.txt")):
        for w in line.split("|"):
            verb_group.setdefault(w.strip().lower(), i)
    modality: dict[str, str] = {}
    for line in _lines("modality.txt"):
        level, *cues = [w.strip() for w in line.split("|")]
        for c in cues:
            modality.setdefault(c.lower(), level)
    hedges: list[tuple[str, str]] = []
    for line in _lines("hedges.txt"):
        q, *cues = [w.strip() for w in line.split("|")]
        hedges.extend((c.lower(), q) for c in cues if c)
    hedges.sort(key=lambda p: -len(p[0]))
    poles: dict[str, tuple[tuple[int, int], ...]] = {}
    pole_kind: dict[int, str] = {}
    for i, line in enumerate(_lines("antonyms.txt")):
        kind_prefix = re.match(r"^(\w+):\s*", line)
        if kind_prefix:
            pole_kind[i] = kind_prefix.group(1)
            line = line[kind_prefix.end():]
        left, _, right = line.partition(" / ")
        for side, part in enumerate((left, right)):
            for w in part.split("|"):
                w = w.strip().lower()
                if w and (i, side) not in poles.get(w, ()):
                    poles[w] = (*poles.get(w, ()), (i, side))
    contrast: dict[str, str] = {}
    for line in _lines("contrast_sets.txt"):
        name, _, members = line.partition(":")
        for m in members.split("|"):
            contrast.setdefault(m.strip().lower(), name.strip())
    synonyms: dict[str, tuple[int, ...]] = {}
    for i, line in enumerate(_lines("synonyms.txt")):
        for m in line.split("|"):
            key = " ".join(_stem(w) for w in m.strip().lower().split())
            if key and i not in synonyms.get(key, ()):
                synonyms[key] = (*synonyms.get(key, ()), i)
    verb_bases: dict[str, set[str]] = {}
    for line in _lines("irregular_verbs.txt"):
        forms = [w.strip().lower() for w in line.split("|") if w.strip()]
        for f in forms:
            verb_bases.setdefault(f, set()).add(forms[0])
    source_body: dict[str, str] = {}
    for line in _lines("sources.txt"):
        body, _, members = line.partition(":")
        for m in members.split("|"):
            source_body.setdefault(m.strip().lower(), body.strip())
    return Lexicon(
        places=places,
        place_country=place_country,
        regions=frozenset(regions),
        region_countries={r: frozenset(cs) for r, *cs in (
            [w.strip() for w in line.split("|")] for line in _lines("regions.txt"))},
        figures_of_speech=re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(f).replace("'", "['’]") for f in sorted(
                _lines("figures_of_speech.txt"), key=len, reverse=True)) + r")(?![\w-])"),
        titles=titles,
        org_words=frozenset(w.lower() for w in _lines("org_suffixes.txt")),
        counted=tuple(counted),
        verb_group=verb_group,
        modality=modality,
        negation=tuple(w.lower() for w in _lines("negation.txt")),
        hedges=tuple(hedges),
        poles=poles,
        contrast=contrast,
        pole_kind=pole_kind,
        synonyms=synonyms,
        source_body=source_body,
        verb_bases={f: frozenset(b) for f, b in verb_bases.items()},
    )


def body_named(phrase: str) -> str | None:
    """The body (``sources.txt``) a phrase names by its last word or two ("his lawyers":
    defence, "the fire service": fire); None for any other phrase ("officials") and for a list
    of several."""
    if re.search(r",|\band\b|&", phrase):
        return None  # "police and firefighters": several bodies, no one of them
    words = _body_words(phrase)
    bodies = lexicon().source_body
    return next((bodies[k] for k in (" ".join(words[-n:]) for n in (3, 2, 1)
                                     if len(words) >= n) if k in bodies), None)


def _body_words(text: str) -> list[str]:
    """Lower-case words, an abbreviation's dots dropped ("the U.S. attorney": "us attorney")."""
    return re.findall(r"[a-z]+", re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)|(?<=\b[A-Za-z])\.",
                                        r"\1", text).lower())


def bodies_named(text: str, besides: str = "") -> set[str]:
    """Every body (``sources.txt``) a text names anywhere, by one, two or three words; not by
    words that ``besides`` has too ("soldiers" in both texts tells of the same soldiers)."""
    def grams(t: str) -> set[str]:
        words = _body_words(t)
        return {" ".join(words[k:k + n]) for n in (1, 2, 3) for k in range(len(words) - n + 1)}

    bodies = lexicon().source_body
    return {bodies[g] for g in grams(text) - (grams(besides) if besides else set())
            if g in bodies}


def _stem(word: str) -> str:
    from wiretrace.claims.pairing import stem

    return stem(word)


def same_verb(x: str, y: str) -> bool:
    """Two forms of one irregular verb ("broke" / "break", "met" / "meets")."""
    bases = lexicon().verb_bases

    def of(w: str) -> frozenset[str]:
        w = w.lower()
        return bases.get(w) or bases.get(w[:-1] if w.endswith("s") else w) or frozenset()

    return bool(of(x) & of(y))


def synonymous(x: str, y: str) -> bool:
    """Two words or phrases of one synonym group ("lawyer" / "attorney")."""
    groups = lexicon().synonyms

    def key(t: str) -> str:
        return " ".join(_stem(w) for w in t.lower().split())

    return bool(set(groups.get(key(x), ())) & set(groups.get(key(y), ())))
