"""Additions: claims of a copy that neither its source nor any other article of the story makes.

Only claim-bearing units count: a figure with what it counts, a named person, organisation or
place, a quote. Words the copy phrases differently are a paraphrase, not an addition, so no
word n-gram is ever reported. Names that only credit or locate the text are not claims either: a
parenthesised credit "(Agency, Outlet)", a dateline "CITY (Agency) —", a "Photo: Name" line.
Units of one clause are reported together, as that clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from wiretrace.claims.entities import (
    abbreviated,
    acronym_used,
    broader_place,
    canonical_place,
)
from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.normalise import numbered_forms, reading_form, spelling_words
from wiretrace.claims.numbers import APPROXIMATE, CURRENCY, consistent, find_numbers
from wiretrace.claims.pairing import Sent, Side
from wiretrace.model import Claim, Span
from wiretrace.trace.sentences import STOPWORDS

__all__ = ["Dateline", "Share", "Unit", "dateline_of", "in_dateline", "is_credit",
           "placed_dateline", "same_share", "share", "shares_in", "supported", "group_by_clause"]

_DATELINE = re.compile(r"[A-Z][A-Z .,/'’-]{1,60}(?:\([^()\n]{1,40}\))?\s*[—–-]\s")
# a dateline that names the city's country or state: "KESTRA, Dalmoria —", "HALDEN, Estmark
# (AP) —", "ASKEN, Varnia, May 9 —": the place there is where the story was filed, no claim
_PLACED_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3},(?: [A-Z][\w.'’-]*){1,3}"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^()\n]{1,40}\))? ?[—–-]{1,2} ")
_CREDIT = re.compile(r"\b(?:Photo|Photograph|Image|Picture|Credit|Illustration|Video|Source)s?"
                     r"\s*:[^\n]*", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",(?=\s)|;|:(?=\s)|\s[—–]\s|[()]")
_WORDS = re.compile(r"[^\W_]+")
_LEAD = re.compile(r"^(?:and|but|or|while|whereas|as)\s+", re.IGNORECASE)


@dataclass(slots=True)
class Unit:
    claim: Claim
    label: str  # how the explanation names it
    versus: Span | None = None  # what the source says in its place, when it says something
    note: str | None = None  # what the explanation adds about it (the source's own words)


def _inside_parentheses(text: str, start: int, end: int) -> bool:
    open_ = text.rfind("(", 0, start)
    return open_ >= 0 and text.find(")", open_) >= end and "\n" not in text[open_:start]


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` in the dateline that opens its line: a city in capitals ("KESTRA
    (Wirepress) —"), or a city with its country or state ("KESTRA, Dalmoria —")?"""
    line_start = text.rfind("\n", 0, start) + 1
    m = _DATELINE.match(text, line_start)
    if m and end <= m.end() and text[start:end].isupper():
        return True
    m = _PLACED_DATELINE.match(text, line_start)
    return bool(m and end <= m.end())


@dataclass(slots=True)
class Dateline:
    city: str
    span: tuple[int, int]  # the city's
    rest: str  # what follows the city: its country, the date, the agency


def dateline_of(text: str) -> Dateline | None:
    """The dateline that opens ``text`` ("KESTRA, Varnia (Wirepress) -"): its city in capitals
    and the rest; None when the text opens with none."""
    start = re.match(r"\s*", text).end()  # type: ignore[union-attr]
    m = _PLACED_DATELINE.match(text, start) or _DATELINE.match(text, start)
    if m is None:
        return None
    city = re.match(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*", text[start:m.end()])
    if city is None:
        return None
    end = start + city.end()
    rest = re.sub(r"\s*[—–-]+\s*$", "", text[end:m.end()]).strip(" ,")
    if not rest:
        return None  # "EXCLUSIVE -", "UPDATE 2 -": a kicker, no city
    return Dateline(city.group(), (start, end), rest)


def placed_dateline(text: str) -> bool:
    """Does a line of the text's opening open with a dateline that names the city's country
    or state ("HALDEN, Estmark —")?"""
    return any(_PLACED_DATELINE.match(text, m.end()) for m in re.finditer(
        r"(?:^|\n)\s*", text[:300]))


def is_credit(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` in a credit or dateline rather than in what the text asserts?"""
    if _inside_parentheses(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    m = _DATELINE.match(text, line_start)
    if m and end <= m.end() and text[start:end].isupper():
        return True
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return any(m.start() <= start and end <= m.end()
               for m in _CREDIT.finditer(text, line_start, line_end))


def _figure_supported(c: Claim, o: Claim) -> bool:
    """Another article gives the figure: same count, consistent value; an open bound ("at least
    40") supports 40 or about 40, not any larger figure."""
    from wiretrace.claims.compare import figure_mention, same_figure

    if o.kind != "figure" or not same_figure(c, o):
        return False
    x, y = figure_mention(c), figure_mention(o)
    for n in (x, y):
        if n.qualifier in {"at_least", "at_most"}:
            n.qualifier = None
    return consistent(x, y)


_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10}
_SMALL = "|".join(_SMALL_NUMBERS)
_FRACTION = re.compile(
    r"\b(?:(?P<one>a|one)[- ](?P<part>half|third|quarter|fifth|tenth)|half|(?P<num>two|three|four)"
    rf"[- ](?P<parts>thirds|quarters|fifths)|(?P<k>{_SMALL}|\d)(?: in| out of)(?: every)? "
    rf"(?P<den>{_SMALL}|\d+))\b",
    re.IGNORECASE)
_PARTS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
          "fifths": 5, "tenth": 10}


def share(text: str) -> float | None:
    """The percentage a fraction in words gives ("a quarter" 25, "two-thirds" 66.7, "one in
    four" 25, "three in ten" 30), the first in ``text``; None when it gives none."""
    m = _FRACTION.search(text)
    if m is None:
        return None
    if m.group("part"):
        return 100 / _PARTS[m.group("part").lower()]
    if m.group("parts"):
        return 100 * _SMALL_NUMBERS[m.group("num").lower()] / _PARTS[m.group("parts").lower()]
    if m.group("den"):
        k, den = (int(x) if x.isdigit() else _SMALL_NUMBERS[x] for x in (
            m.group("k").lower(), m.group("den").lower()))
        return 100 * k / den if 0 < k < den else None  # "one in four", "three in ten"
    return 50.0


_SHARE_HEDGE = re.compile(r"(?:about|around|roughly|nearly|almost|some|approximately|more than|"
                          r"less than|fewer than|over|under|just over|just under)\s+\Z",
                          re.IGNORECASE)
_HALF_OF_TIME = re.compile(r"\b(?:the|first|second|last|other|latter|next|this|that)\s+\Z",
                           re.IGNORECASE)
_OF_WHAT = re.compile(r"(?:\s+of)?(?:\s+(?:the|its|their|his|her|all|[\d,]+))*\s+([a-z]+)")


@dataclass(frozen=True, slots=True)
class Share:
    percent: float
    span: tuple[int, int]
    hedged: bool
    of: str | None  # the word for what it is a share of ("homes" of "a third of homes")


def shares_in(text: str, lo: int, hi: int) -> list[Share]:
    """Every share ``text[lo:hi]`` gives of something: a percentage ("40% of respondents") or
    a fraction in words followed by what it is of ("a third of homes", "one in four
    patients"; not "the second half", "half an hour")."""
    out: list[Share] = []
    for m in _FRACTION.finditer(text, lo, hi):
        value = share(m.group())
        after = text[m.end():hi]
        if value is None or not (m.group("den") or re.match(r"\s+of\b", after)):
            continue
        if m.group().lower() == "half" and _HALF_OF_TIME.search(text, lo, m.start()):
            continue  # "the second half of the match": a part of a time, no share
        hedge = _SHARE_HEDGE.search(text, lo, m.start())
        out.append(Share(value, (hedge.start() if hedge else m.start(), m.end()), bool(hedge),
                         _of_what(after)))
    for n in find_numbers(text[lo:hi]):
        if n.unit == "percent" and n.low == n.high:
            s, e = lo + n.start, lo + n.end
            if not any(x.span[0] < e and s < x.span[1] for x in out):
                out.append(Share(n.low, (s, e), n.qualifier is not None, _of_what(text[e:hi])))
    return sorted(out, key=lambda x: x.span)


def _of_what(after: str) -> str | None:
    """The noun a share is of: the last of up to three words after "of" ("new fathers took":
    "fathers"; "the town's shops have": "shops")."""
    m = _OF_WHAT.match(after)
    if m is None:
        return None
    words = re.findall(r"[A-Za-z][\w'’-]*", after[m.start(1):m.start(1) + 60])[:3]
    kept: list[str] = []
    for w in (x.lower() for x in words):
        if w in STOPWORDS and not kept:
            continue  # "of new fathers": a plain word before the noun
        if w in STOPWORDS or (kept and (w.endswith("ed") or w in _VERB_AFTER)):
            break
        kept.append(re.sub(r"['’]s$", "", w))
    return kept[-1] if kept else None


_VERB_AFTER = frozenset({"said", "took", "take", "live", "lives", "lost", "lose", "face",
                         "faces", "waited", "wait", "say", "says", "will", "would", "could"})


def _percent_of(c: Claim) -> float | None:
    """The share a figure claim gives, as a percentage ("one in four patients" 25, "30%")."""
    v = c.value or {}
    told = share(c.text)
    if told is not None:
        return told
    if v.get("unit") == "percent" and v.get("low") == v.get("high"):
        return float(v.get("low") or 0)
    return None


def same_share(c: Claim, sentence: str, told_in: str | None = None) -> bool:
    """Does ``sentence`` give the share the figure ``c`` gives, in words or as a percentage
    (within the copy's hedge: "about 30%" for "about a third")? With ``told_in``, the share
    that sentence gives in words, the figure one of its words ("four children" of "One in four
    children")."""
    in_words = share(told_in if told_in is not None else c.text)
    mine = in_words if in_words is not None else _percent_of(c)
    if mine is None:
        return False
    told = share(sentence)
    # a fraction in words is a rounded share (a third, 33%); two percentages are one share only
    # when they are one number
    theirs = ([] if in_words is None else [n.low for n in find_numbers(sentence)
                                           if n.unit == "percent" and n.low == n.high])
    theirs += [told] if told is not None else []
    room = mine * APPROXIMATE if (c.value or {}).get("qualifier") == "approximately" else 1.0
    return any(abs(mine - t) <= room for t in theirs)


# a change told as a multiple: "halved" is a 50% cut, "doubled" a 100% rise
_MULTIPLIED = {"halv": 50.0, "doubl": 100.0, "tripl": 200.0, "quadrupl": 300.0}
_MULTIPLIED_WORD = re.compile(r"\b(halv|doubl|tripl|quadrupl)(?:e|ed|es|ing)\b", re.IGNORECASE)


def _multiplied(text: str, copy: str) -> set[float]:
    """The percentage changes ``text`` tells as multiples ("halved" 50, "doubled" 100) that the
    copy's sentence does not turn the other way (no rise for "halved", no fall for "doubled")."""
    rise, fall = _RISE.search(copy) is not None, _FALL.search(copy) is not None
    return {_MULTIPLIED[w] for m in _MULTIPLIED_WORD.finditer(text)
            if not ((w := m.group(1).lower()) == "halv" and rise)
            and not (w != "halv" and fall)}


_RISE = re.compile(r"\b(?:ris(?:e|es|ing)|rose|risen|increas\w*|gr[eo]w\w*|up|climb\w*|jump\w*|"
                   r"surg\w*|gain\w*|soar\w*|boost\w*|rais\w*|higher)\b", re.IGNORECASE)
_FALL = re.compile(r"\b(?:fall\w*|fell|drop\w*|cut\w*|reduc\w*|declin\w*|down|low\w*|shr[iu]nk\w*|"
                   r"slash\w*|decreas\w*|plung\w*|slump\w*)\b", re.IGNORECASE)


# words for a group of a known size: "the pair died" counts two
_GROUP_OF: dict[float, frozenset[str]] = {2: frozenset({"pair", "couple", "duo", "both", "twins"}),
                                          3: frozenset({"trio", "triplets"})}


# a person told by age: "a 22-year-old", "Ola Brandt, aged 34"
_AGED = re.compile(r"\b\d{1,3}-year-olds?\b|\baged\s+\d{1,3}\b", re.IGNORECASE)


def _exact_percent(v: dict) -> float | None:
    """The percentage a figure's value gives, when it is one number ("20%", "nearly 22%")."""
    low = v.get("low")
    if v.get("unit") != "percent" or low != v.get("high") or not isinstance(low, (int, float)):
        return None
    return float(low)


def _complement_given(v: dict, sent: Sent, side: Side) -> bool:
    """"80% ... and the remaining 20%": a percentage whose complement the copy's own sentence
    gives and ``side`` gives too is arithmetic, not a new figure."""
    pct = _exact_percent(v)
    if pct is None:
        return False
    rest = 100.0 - pct
    mine = find_numbers(sent.text[sent.span[0]:sent.span[1]])
    return any(n.unit == "percent" and n.low == n.high == rest for n in mine) and any(
        n.unit == "percent" and n.low == n.high == rest for n in find_numbers(side.text))


def _ratio_of_figures(v: dict, sent: Sent) -> bool:
    """"lost over 20,000 sq km of its 90,800, a decline of nearly 22%": a percentage that two
    other figures of the copy's own sentence give (a part of a whole, or what is left of it) is
    arithmetic on them, not a new figure."""
    pct = _exact_percent(v)
    if pct is None:
        return False
    counts = [n.low for n in find_numbers(sent.text[sent.span[0]:sent.span[1]])
              if n.unit not in {"percent", "year"} and n.low == n.high and n.low and n.low > 0]
    return any(abs(100 * x / y - pct) <= 1.0 or abs(100 * (y - x) / y - pct) <= 1.0
               for x in counts for y in counts if x < y)


_ANAPHOR = re.compile(r"\s*(?:This|That|These|Those|It)\s+(?:was|is|were|are|represents|"
                     r"marks|means)\b")


def _number_in_context(c: Claim, sent: Sent | None, side: Side) -> bool:
    """The same number in a sentence of ``side`` that shares two content words with the unit's
    sentence: another article gives the figure, counted in other words."""
    if sent is None:
        return False
    v = c.value or {}
    if _complement_given(v, sent, side) or _ratio_of_figures(v, sent):
        return True
    # the number one word of a share its sentence gives in words ("three of the displaced" of
    # "one in three of the displaced"): the share is what to find
    told = next((m.group() for m in _FRACTION.finditer(sent.text, sent.span[0], sent.span[1])
                 if m.start() <= c.span[0] < m.end()), None)
    for k, s in enumerate(side.sents):
        content = s.content
        if k and _ANAPHOR.match(side.text, s.span[0]):
            content = content | side.sents[k - 1].content  # "This was about double the
            # number ...": the sentence goes on about the one before it
        if len(content & sent.content) < 2:
            continue
        if v.get("low") == v.get("high") == 0 and any(t.norm in {"no", "none", "nobody"}
                                                       for t in s.toks):
            return True  # "zero Syrian refugees" for "no Syrian refugees have been resettled"
        low = v.get("low")
        group = _GROUP_OF.get(low) if isinstance(low, (int, float)) and low == v.get(
            "high") else None
        if group and any(t.norm in group for t in s.toks):
            return True  # "the two died" for "the pair died"
        if (isinstance(low, (int, float)) and low == v.get("high") and 2 <= low <= 10
                and low == len(_AGED.findall(side.text, s.span[0], s.span[1]))):
            return True  # "two individuals" for "a 22-year-old ... and a 25-year-old ...":
            # the people the sentence tells by their ages, counted
        if same_share(c, side.text[s.span[0]:s.span[1]]) or (told is not None and same_share(
                c, side.text[s.span[0]:s.span[1]], told_in=told)):
            return True  # "25% of new fathers" for "a quarter of new fathers", "about 30% of
            # the homes" for "about a third of the homes", "one in four" for "25%"
        if _exact_percent(v) in _multiplied(side.text[s.span[0]:s.span[1]],
                                            sent.text[sent.span[0]:sent.span[1]]):
            return True  # "reduced by 50%" for "halved", "up 100%" for "doubled"
        for n in find_numbers(side.text[s.span[0]:s.span[1]]):
            if (n.low, n.high) == (v.get("low"), v.get("high")):
                return True
    return False


@lru_cache(maxsize=64)
def _read(text: str) -> str:
    """A side's text as a reader compares it, padded so a name matches as whole words."""
    return " " + " ".join(_WORDS.findall(reading_form(text))) + " "


def _initialled(name: str) -> list[str]:
    """``name`` with a run of two or three of its words told by their initials: "United Nations
    Refugee Agency" is also "UN Refugee Agency"."""
    words = name.split()
    out = []
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 3) + 1):
            if j - i < len(words) and all(w[:1].isupper() for w in words[i:j]):
                out.append(" ".join([*words[:i], "".join(w[0] for w in words[i:j]),
                                     *words[j:]]))
    return out


def _spelt_out(name: str, text: str) -> str:
    """``name`` with each acronym in it spelt out as ``text`` spells it ("Manus RPC" → "Manus
    Regional Processing Centre" where the text has that name)."""
    def spell(m: re.Match[str]) -> str:
        acronym = m.group()
        words = r"\s+".join(rf"{ch}[\w'’-]*" for ch in acronym)
        found = re.search(rf"\b{words}\b", text)
        return found.group() if found else acronym
    return re.sub(r"\b[A-Z]{2,6}\b", spell, name)


@lru_cache(maxsize=64)
def _spelled(text: str) -> tuple[str, ...]:
    return tuple(spelling_words(text))


def named_in(name: str, text: str) -> bool:
    """``text`` holds ``name`` as a run of its words, in any order and any spelling or
    inflection: "Welsh Labor" in "the Labour Welsh Government", "Air Accidents Investigation
    Branch" in "the air accident investigation branch"."""
    words = sorted(spelling_words(name))
    hay = _spelled(text)
    n = len(words)
    return n > 0 and any(sorted(hay[i:i + n]) == words for i in range(len(hay) - n + 1))


_DOTTED = re.compile(r"\b([A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z])\.(?=\s)")


def _body_of_role(name: str, text: str) -> bool:
    """A body named by the words of a role the text gives ("the US District Court" where the
    text says "U.S. District Judge Karen Whitfield", "the Kano State Government" for "Kano state
    officials"): the name but its last word, two words or more, is a run of the text, followed
    there by a role of that body."""
    words = name.split()
    roles = _ROLES_OF_BODY.get(words[-1].lower())
    if len(words) < 3 or not roles:
        return False
    text = _DOTTED.sub(r"\1", text)
    run = " ".join(words[:-1])
    for m in re.finditer(rf"\b{re.escape(words[-2])}\s+(\w+)", text, re.IGNORECASE):
        if m.group(1).lower() in roles and named_in(run, text[max(0, m.start() - 60):m.end()]):
            return True
    return False


# a body and the people whose role its name tells: "the US District Court" / "U.S. District
# Judge X" (not "the New York City Council" for "New York City Mayor X")
_ROLES_OF_BODY: dict[str, frozenset[str]] = {
    "court": frozenset({"judge", "judges", "justice", "justices", "magistrate"}),
    "government": frozenset({"government", "governor", "officials", "premier"}),
    "police": frozenset({"police", "officer", "officers", "commissioner"}),
    "ministry": frozenset({"minister"}),
    "department": frozenset({"secretary", "officials"}),
}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for alias, canonical in lexicon().places.items():
        out.setdefault(canonical, []).append(alias)
    return out


def _place_forms(name: str) -> list[str]:
    """``name`` with a place word told in another form of that place that starts alike: the
    demonym for the country and back ("Northern Irish" → "Northern Ireland", "Welsh" → "Wales");
    other places of one entry of the gazetteer ("Scottish" / "Welsh") are other places."""
    words = name.split()
    out = []
    for i, w in enumerate(words):
        canonical = canonical_place(w)
        for alias in _aliases().get(canonical or "", []):
            if alias[:1] == w[:1].lower() and alias != w.lower() and " " not in alias:
                out.append(" ".join([*words[:i], alias, *words[i + 1:]]))
    return out


def _acronym_given(c: Claim, sent: Sent | None, text: str) -> bool:
    """The copy spells out before an acronym ("the Department for Environment, Food and Rural
    Affairs (Defra)") the body ``text`` names by that acronym."""
    return sent is not None and acronym_used(sent.text, *c.span, text) is not None


# days named for their fixed date: "on April Fool's Day" for "on 1 April"
_HOLIDAYS = {"new year's day": (1, 1), "valentine's day": (2, 14), "st patrick's day": (3, 17),
             "st. patrick's day": (3, 17), "april fool's day": (4, 1), "april fools' day": (4, 1),
             "april fools day": (4, 1), "may day": (5, 1), "bastille day": (7, 14),
             "halloween": (10, 31), "bonfire night": (11, 5), "guy fawkes night": (11, 5),
             "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11),
             "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
             "new year's eve": (12, 31)}
_HOLIDAY = re.compile("|".join(re.escape(h).replace("'", "['’]") for h in sorted(
    _HOLIDAYS, key=len, reverse=True)), re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


def _holiday_dated(c: Claim, sent: Sent | None, text: str) -> bool:
    """A name that is part of a day named for its fixed date, the date given in ``text``
    ("April Fool's Day" where the source says "1 April"): the same day, named."""
    if sent is None or c.span is None:
        return False
    for m in _HOLIDAY.finditer(sent.text, sent.span[0], sent.span[1]):
        if m.start() <= c.span[0] and c.span[1] <= m.end():
            month, day = _HOLIDAYS[m.group().lower().replace("’", "'")]
            name = _MONTHS[month - 1]
            return re.search(rf"(?i)\b(?:{day}(?:st|nd|rd|th)?(?:\s+of)?\s+{name}|"
                             rf"{name}\s+{day}(?:st|nd|rd|th)?)\b", text) is not None
    return False


# games a host city names on its own ("her spot for Rio", "the Tokyo Olympics")
_GAMES = re.compile(r"(?P<host>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+"
                    r"(?:(?:Summer|Winter)\s+)?(?:Olympics|Olympic Games|Paralympics|"
                    r"Paralympic Games|Commonwealth Games|Games)")


def _games_of(name: str, text: str) -> bool:
    """"the Rio Olympics" where ``text`` says "Rio": the games named by their host city, which
    the press names on its own for them."""
    m = _GAMES.fullmatch(name.strip())
    return m is not None and re.search(rf"\b{re.escape(m.group('host'))}\b", text) is not None


def _stray_point_given(c: Claim, text: str) -> bool:
    """The figure's sum of money as the other text writes it with a stray point ("€1.1957"
    where the source has "€1.19.57", which is read as no number at all): the same currency
    sign, the same digits."""
    sign = re.match(CURRENCY, c.text.strip())
    digits = re.sub(r"\D", "", c.text)
    if sign is None or len(digits) < 3:
        return False
    # the euro sign also as read in the wrong encoding
    pattern = "(?:€|â‚¬)" if sign.group() in ("€", "â‚¬") else re.escape(sign.group())
    return any(re.sub(r"\D", "", m.group(1)) == digits
               for m in re.finditer(pattern + r"\s?(\d+(?:\.\d+){2,})", text))


def _region_of_given(c: Claim, side: Side, text: str) -> bool:
    """A region or continent ("Africa") where ``side`` names a country in it, or a city of one
    ("Libya", "Tripoli"), told as where something is or comes from (``plain_place``): the
    place the source gives, told more broadly. ``text``: the copy's."""
    return (c.kind == "place" and c.span is not None
            and broader_place(text, *c.span, c.text, side.countries()))


def supported(unit: Unit, sides: list[Side], names_match: object,
              unit_sent: Sent | None = None) -> bool:
    """Does one of ``sides`` (other articles) make the claim of ``unit``?"""
    c = unit.claim
    for side in sides:
        if c.kind == "figure" and (any(_figure_supported(c, o) for o in side.claims)
                                   or _number_in_context(c, unit_sent, side)
                                   or _stray_point_given(c, side.text)):
            return True
        if c.kind in {"actor", "place"} and (
            any(o.kind in {"actor", "place"} and names_match(o, c)  # type: ignore[operator]
                for o in side.claims) or c.text in side.text
            or _read(c.text) in _read(side.text)  # "Official Chart Company" / "... chart company"
            or any(_read(v) in _read(side.text) for v in _initialled(c.text))
            or _read(_spelt_out(c.text, side.text)) in _read(side.text)  # "Manus RPC"
            or named_in(c.text, side.text)
            or _body_of_role(c.text, side.text)
            or any(_read(v) in _read(side.text)
                   for v in (*_place_forms(c.text), *numbered_forms(c.text)))
            or _acronym_given(c, unit_sent, side.text)
            or ((c.value or {}).get("type") != "person"
                and abbreviated(c.text, side.text, country_told=True))
            or _holiday_dated(c, unit_sent, side.text)
            or _games_of(c.text, side.text)
            or (unit_sent is not None and _region_of_given(c, side, unit_sent.text))
        ):
            return True
        if c.kind == "quote" and fuzz.partial_ratio(c.text.lower(), side.text.lower()) >= 85:
            return True
    return False


def _clause(text: str, sent: tuple[int, int], pos: int) -> tuple[int, int]:
    s, e = sent
    for m in _CLAUSE_BREAK.finditer(text, s, e):
        if m.end() <= pos:
            s = m.end()
        elif m.start() >= pos:
            e = m.start()
            break
    chunk = text[s:e]
    lead = len(chunk) - len(chunk.lstrip())
    s += lead
    lead_word = _LEAD.match(text[s:e])
    if lead_word:
        s += lead_word.end()
    chunk = text[s:e].rstrip(" .!?\"”")
    return s, s + len(chunk)


def group_by_clause(text: str, units: list[tuple[Unit, tuple[int, int]]]
                    ) -> list[tuple[tuple[int, int], list[Unit]]]:
    """Units (with their sentence span) merged per clause: (clause span, units)."""
    groups: dict[tuple[int, int], list[Unit]] = {}
    for unit, sent in sorted(units, key=lambda u: u[0].claim.span):
        c = unit.claim
        if c.kind == "quote":
            span = c.span
        else:
            span = _clause(text, sent, c.span[0])
            if not (span[0] <= c.span[0] and c.span[1] <= span[1]):
                span = c.span
        groups.setdefault(span, []).append(unit)
    # clauses of one sentence next to each other make one addition
    merged: list[tuple[tuple[int, int], list[Unit]]] = []
    for span, group in sorted(groups.items()):
        if merged and (_adjacent_clauses(text, merged[-1][0], span) or _one_quote(
                text, merged[-1], (span, group))):
            prev, units_before = merged[-1]
            merged[-1] = ((prev[0], max(prev[1], span[1])), units_before + group)
        else:
            merged.append((span, group))
    return merged


def _one_quote(text: str, x: tuple[tuple[int, int], list[Unit]],
               y: tuple[tuple[int, int], list[Unit]]) -> bool:
    """Two quotes of one sentence parted only by their speaker's tag ('"It is abundantly
    clear," she began, her voice steady, "that the path ..."'): one statement, one addition."""
    between = text[x[0][1]:y[0][0]]
    return all(u.claim.kind == "quote" for u in x[1] + y[1]) and len(between) <= 80 and not (
        re.search(r"[.!?\n\"“”]", between))


def _adjacent_clauses(text: str, x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Next to each other in one sentence, or parted only by other items of one list of names
    ("Sir Chris Hoy, Sir Bradley Wiggins, Mark Cavendish and Jason Kenny": one list the copy
    made up, one addition)."""
    between = text[x[1]:y[0]]
    if re.search(r"[.!?\n]", between):
        return False
    return 0 <= len(between) <= 6 or _LIST_ITEMS.fullmatch(between) is not None


# a list's items between two clauses: names (capitalised words) parted by commas, "and", "or"
_LIST_ITEMS = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+|\s+)(?:[A-Z][\w'’-]*\s*)+"
                         r"(?:,\s*|\s+(?:and|or)\s+)")
