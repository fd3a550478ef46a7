"""Figure claims: a quantity and what it counts ("at least 40 killed", "a death toll of 200")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.numbers import NumberMention, find_numbers
from wiretrace.trace.sentences import STOPWORDS

__all__ = ["Figure", "find_figures", "SPECIFIC_SCOPES", "scope_of"]

# Scopes that name what happened to people; a change between two of them is a scope change.
SPECIFIC_SCOPES = ("casualties", "dead", "injured", "missing", "evacuated", "arrested", "infected")
_RANK = {s: i for i, s in enumerate(
    (*SPECIFIC_SCOPES, "money", "percent", "time", "distance", "people"))}
_WORD = re.compile(r"[\w$€£%][\w'’-]*|[$€£%]")
_STOP = re.compile(r"[.;:!?()\[\]\"“”]")
# "a 27-year-old man": an age, which counts nothing in the clause ("27-year-old man of shooting
# dead" counts no dead)
_AGE = re.compile(r"\s?-?\s?(?:year|month|week|day)s?\s?-?\s?old\b", re.IGNORECASE)
# "the 2012 shooting death", "in 2012 elections": a year before the words it dates
_YEAR_BEFORE = re.compile(r"\b(?:the|in|since|until|from|before|after|its|their|years?)\s+$",
                          re.IGNORECASE)


@dataclass(slots=True)
class Figure:
    number: NumberMention
    scope: str | None  # casualties | dead | injured | ... | money | percent | time | people
    counted: str | None  # the words that name what is counted, as written
    counted_span: tuple[int, int] | None


def _phrase_at(words: list[tuple[str, int, int]], i: int) -> tuple[str, str, int] | None:
    """The longest counted phrase starting at word ``i``: (phrase, scope, words used)."""
    lex = lexicon()
    for phrase, scope in lex.counted:
        parts = phrase.split()
        if i + len(parts) <= len(words) and all(
            words[i + k][0] == p for k, p in enumerate(parts)
        ):
            return phrase, scope, len(parts)
    return None


def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group().lower().strip("-"), start + m.start(), start + m.end())
            for m in _WORD.finditer(text[start:end])]


def scope_of(phrase: str) -> str | None:
    words = _words(phrase, 0, len(phrase))
    best = None
    for i in range(len(words)):
        hit = _phrase_at(words, i)
        if hit and (best is None or _RANK[hit[1]] < _RANK[best]):
            best = hit[1]
    return best


def _clause_end(text: str, pos: int, limit: int, forward: bool) -> int:
    if forward:
        # what a number counts follows it inside its clause: "200, with most victims" does not
        # count victims ("1,500" keeps its comma: a clause comma is followed by a space)
        m = _STOP.search(text, pos, limit)
        comma = re.compile(r",\s").search(text, pos, limit)
        ends = [x.start() for x in (m, comma) if x]
        return min(ends) if ends else limit
    for k in range(pos - 1, limit - 1, -1):
        if _STOP.match(text[k]) or (text[k] == "," and text[k + 1:k + 2].isspace()):
            return k + 1
    return limit


# verbs of harm whose object is the count: "killing 3 and injuring 15"
_HARMING = frozenset({"killing", "injuring", "wounding"})
_NOT_NOUNS = frozenset({"yesterday", "today", "tonight", "overnight", "apiece", "altogether",
                        "earlier", "later", "ago", "instead", "too", "last", "next", "this",
                        # "leaving 30 others missing", "two more people": counted further on
                        "others", "other", "more"})


_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "one", "two",
                             "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                             "dozens", "hundreds", "several", "many", "some", "another"})


def _counts_next_noun(text: str, end: int, after: list[tuple[str, int, int]]) -> bool:
    """Does the number count the word right after it, a word no scope knows ("two mountain
    villages", "11 aircraft")? Then a counted word further back is not what it counts."""
    if not after or after[0][1] - end > 1 or _phrase_at(after, 0):
        return False
    word = text[after[0][1]:after[0][2]]
    return (word.isalpha() and word.islower() and word not in STOPWORDS
            and word not in _NOT_NOUNS and not word.endswith(("ed", "ly", "ing")))


def _hearsay_skipped(words: list[tuple[str, int, int]], verbs: dict[str, int]
                     ) -> list[tuple[str, int, int]]:
    """The words after a number without a report's hedge on what it counts: "50 demonstrators
    are said to have been wounded", "12 were reported to be missing" count the wounded and the
    missing (the verb of saying there tells who says so, it ends no clause)."""
    for k in range(len(words) - 2):
        if words[k][0] in verbs and words[k + 1][0] == "to":
            rest = [w for w, _, _ in words[k + 2:k + 4]]
            drop = 4 if rest == ["have", "been"] else 3 if rest[:1] == ["be"] else 0
            if drop:
                return words[:k] + words[k + drop:]
    return words


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Figures in ``text[start:end]`` (a sentence); spans are offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Figure] = []
    previous_end = start
    for n in find_numbers(text[start:end]):
        n.start += start
        n.end += start
        behind, previous_end = previous_end, n.end
        if _AGE.match(text, n.end):
            out.append(Figure(n, None, None, None))  # an age: compared as a bare number
            continue
        # what is counted: up to six words after the number, then up to six words before it
        after_end = _clause_end(text, n.end, min(end, n.end + 80), True)
        verbs = lexicon().verb_group
        after = _hearsay_skipped(_words(text, n.end, after_end), verbs)[:6]
        # nor past a verb of saying: "at 200 and said the toll could rise" counts no toll; nor
        # past a second verb with its own object: "wounded two soldiers and killed a civilian"
        # counts no dead
        cut = next((k for k, (w, _, _) in enumerate(after) if w in verbs or (
            w in {"and", "but"} and k + 2 < len(after) and after[k + 1][0].endswith("ed")
            and (after[k + 2][0] in _OBJECT_OPENERS or after[k + 2][0][:1].isdigit()))), None)
        if cut is not None:
            after = after[:cut]
        noun_from = n.end
        if len(after) > 1 and after[0][0] == "of" and n.vague:
            noun_from = after[0][2]
            after = after[1:]  # "millions of dollars", "dozens of people"
        unit_scope = {"money": "money", "percent": "percent"}.get(n.unit or "")
        if unit_scope:  # "a 21% jump", "a $5 fee": the unit says what is counted
            out.append(Figure(n, unit_scope, None, None))
            continue
        if _counts_next_noun(text, noun_from, after):
            out.append(Figure(n, None, None, None))  # "two mountain villages": not a claim
            continue
        # what is counted before the number is not behind another number, spelled out or not:
        # "killing three people and forcing about 600 residents" - 600 does not count the dead
        before_start = _clause_end(text, n.start, max(start, behind, n.start - 80), False)
        before = _words(text, before_start, n.start)
        owned = _phrase_at(before, 0) if start < behind and before_start <= behind else None
        if owned:  # nor what the number before counts: "claiming at least 40 lives and
            # prompting 1,500 locals to evacuate" - 1,500 does not count lives
            before = before[owned[2]:]
        before = before[-6:]
        # what is counted before the number is not behind a name or another number:
        # "60 firefighters and France two planes" does not count firefighters twice
        for k in range(len(before) - 1, -1, -1):
            w, ws, _ = before[k]
            if w[:1].isdigit() or (text[ws].isupper() and ws > start):
                before = before[k + 1:]
                break
        candidates: list[tuple[int, int, str, str, tuple[int, int]]] = []
        for dist, (words, forward) in enumerate(((after, True), (before, False))):
            i = 0
            while i < len(words):
                hit = _phrase_at(words, i)
                if not hit:
                    i += 1
                    continue
                phrase, scope, used = hit
                span = (words[i][1], words[i + used - 1][2])
                distance = i if forward else len(words) - i
                i += used
                if forward and phrase in _HARMING:
                    continue  # "killing 3 and injuring 15": a verb of harm counts the number
                    # after it, not one before
                if scope == "time" and not (forward and distance == 0):
                    continue  # "35 years" counts time, "three people ... last year" does not
                if scope in {"money", "percent"} and not (forward and distance == 0):
                    continue
                candidates.append((_RANK[scope], distance + dist, phrase, scope, span))
        if n.unit == "year" and (not candidates or (
                _YEAR_BEFORE.search(text, max(start, n.start - 12), n.start)
                and not (after and after[0][0] in {"people", "persons"}))):
            out.append(Figure(n, "date", None, None))
            continue
        if not candidates:
            out.append(Figure(n, None, None, None))
            continue
        immediate = [c for c in candidates if c[1] == 0 and c[3] != "people"]
        specific = [c for c in candidates if c[0] < len(SPECIFIC_SCOPES)]
        pool = immediate or specific or candidates
        pool.sort(key=lambda c: (c[1], c[0]))
        _, _, _, scope, span = pool[0]
        out.append(Figure(n, scope, text[span[0]:span[1]], span))
    return out
