"""Named actors, organisations, places and the titles people carry, by rules and gazetteers.

No model: capitalised sequences are classified with the gazetteers in ``claims/data``. A place is
any name, alias or demonym the gazetteer knows ("U.K.", "British" and "Britain" are one place);
an organisation carries an organisation word ("Ministry", "Police", "Inc."); the rest are people
or unknown names. A title is a role word right before a name ("Prime Minister Jane Doe"),
optionally marked stale ("former", "ex-", "late").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wiretrace.claims.lexicon import lexicon
from wiretrace.trace.sentences import zipf

__all__ = ["Entity", "find_entities", "canonical_place", "styled_by_seat", "seat_title",
           "acronym_after", "acronym_used", "abbreviated", "initials", "demonym_of",
           "placed_in", "described_as", "without_rank", "ranks_of",
           "COMMON_CAPITALISED", "STALE_BEFORE", "STYLE_OF_ADDRESS"]

# Capitalised words that are not names when they open a sentence or stand alone.
COMMON_CAPITALISED = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your in on
    at by for from with of to as and but or if when while after before during since until though
    although because so yet however meanwhile also there here what which who where why how
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december mr mrs ms dr
    said says according officials police some many most several one two three no not all both each
    every other another such more less over under about around near just only even still then now
    earlier later last next first former late ex key takeaways source read see also photo
    nonetheless nevertheless despite moreover furthermore additionally instead thus
    """.split()
)
_NAME = re.compile(
    r"(?:[A-Z]\.){2,}|"  # U.S., U.K.
    r"[A-Z][\w'’.-]*(?:[ \t]+(?:(?:of|de|del|da|van|von|al|bin|the|for)[ \t]+)?"
    r"(?:[A-Z][\w'’.-]*|(?:[A-Z]\.){2,}))*"
)
# styles of address, which name no one: "Her Majesty", "His Royal Highness", "Your Honour"
_STYLES = frozenset({"majesty", "majesties", "highness", "highnesses", "holiness", "excellency",
                     "eminence", "grace", "honour", "honor"})
_ADDRESS = r"(?:His|Her|Their|Your)\s+(?:(?:Royal|Imperial|Serene)\s+)?"
_ADDRESSED = re.compile(rf"\b{_ADDRESS}$")
STYLE_OF_ADDRESS = re.compile(rf"{_ADDRESS}(?i:{'|'.join(sorted(_STYLES))})")
_POSSESSIVE = re.compile(r"['’]s$")
_IDIOM = re.compile(r"\w-(?:and|or|versus|vs|meets)-\w")
_RANK = re.compile(r"(?:Number|No\.?)\s+(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
                   r"Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|"
                   r"Nineteen|Twenty|Thirty|Forty|Fifty)(?:[- ]\w+)?", re.IGNORECASE)
_AGE_WORD = re.compile(r"(?i)-(?:year|month|week|day)s?-old$")
# words that make a title past ("former President"; "late" also says dead, read only right
# before a title or a name)
_PAST = r"former|ex-|then-|outgoing|erstwhile"
# a past word right before (the title of) a name: "former President", "the late"
STALE_BEFORE = re.compile(rf"\b(?:{_PAST}|late)\s*$", re.IGNORECASE)
# "former" before the title's own modifiers: "former Australian public service commissioner"
_STALE_MODIFIED = re.compile(
    rf"\b(?:{_PAST})\s+(?:(?!(?:the|a|an|of|and|or|in|for|to|with|"
    r"who|whose)\b)[A-Za-z][\w'’-]*\s+){1,3}$", re.IGNORECASE)


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: str  # place | org | person | name
    canonical: str  # a place's canonical name, else the text without a possessive
    title: str | None = None  # a role right before the name, or in apposition after it
    title_span: tuple[int, int] | None = None
    stale: bool = False  # "former X", "ex-X", "late X"
    apposed: bool = False  # the title follows the name ("Jane Doe, the agency's director")


# a title set after a name between commas: "Salil Shetty, Amnesty's secretary general,", "Jane
# Doe, the former mayor of Lenford", "John Roe, chief executive of Acme": an owner's name or an
# article, "former" and the like, then up to three words, the last a title the lexicon knows,
# ending the aside (a comma, a full stop) or opening what the title is of
_APPOSED = re.compile(
    r",\s+(?:(?:the|a|an|its|his|her|their)\s+|(?:[A-Z][\w'’.&-]*\s+){0,3}?[A-Z][\w'’.&-]*['’]s\s+)?"
    rf"(?P<stale>(?:{_PAST}|late)\s*)?"
    r"(?P<title>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2}?)"
    r"(?=\s*(?:[,.;)]|$)|\s+(?:of|at|for|in|to|with|from)\b)")


def _apposed_title(text: str, end: int, stop: int) -> tuple[str, tuple[int, int], bool] | None:
    """The title set in apposition after the name ending at ``end`` (``_APPOSED``), its span and
    whether it is a past one ("former"), within ``text[:stop]`` (the sentence); None when the
    words after the comma are no title the lexicon knows."""
    m = _APPOSED.match(text[:stop], end)
    if m is None:
        return None
    title = m.group("title")
    words = title.lower().split()
    titles = lexicon().titles
    if not (title.lower() in titles or words[-1] in titles):
        return None
    return title, (m.start("stale") if m.group("stale") else m.start("title"), m.end("title")), (
        m.group("stale") is not None)


def canonical_place(name: str) -> str | None:
    lex = lexicon()
    key = re.sub(r"['’]s$", "", name.strip()).lower()
    return lex.places.get(key) or lex.places.get(key.rstrip(".")) or (
        lex.places.get(key + ".") if "." in key else None)  # "U.S", not "Miss" for "Miss."


# titles that name their holder by a seat: "the Duke of Sussex", "the Archbishop of Canterbury"
_SEAT_TITLES = (r"Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount|Baron|Baroness|"
                r"Prince|Princess|Archbishop|Bishop|Emir|Sultan")
_STYLED_BY_SEAT = re.compile(rf"\b(?:{_SEAT_TITLES})\s+of\s+(?:the\s+)?\Z")
_SEAT_TITLE = re.compile(rf"(?i:the\s+)?({_SEAT_TITLES})\s+of\s+\w")


def styled_by_seat(text: str, start: int) -> bool:
    """Is the name at ``start`` the seat of a title ("the Duke of Sussex"): a person, not the
    place?"""
    return _STYLED_BY_SEAT.search(text, max(0, start - 40), start) is not None


def seat_title(phrase: str) -> str | None:
    """The title of a phrase that names someone by their seat ("The Archbishop of Dunmore":
    "Archbishop"), else None."""
    m = _SEAT_TITLE.match(phrase)
    return m.group(1) if m else None


def _abbreviated_state(text: str, s: int, e: int) -> str | None:
    """The state ``text[s:e]`` names after its city, abbreviated ("Portland, Wash.", "Ill."),
    else None; not "attended Mass." at a sentence's end."""
    if text[e:e + 1] != "." or text[max(0, s - 2):s] != ", ":
        return None
    return lexicon().places.get(text[s:e + 1].lower())


# a quoted title after these words names a game or a show a text likens something to
_GAME_OF = re.compile(r"\b(?:game|version|round|episode) of\s*[\"“‘']\Z", re.IGNORECASE)


def figure_of_speech(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of a figure of speech whose capitalised words name no one
    and nowhere ("Mother Nature", "Russian roulette", "Pandora's box"), as the lexicon lists
    them, used as one: not named as a title ("a horse called Father Time", "“Lady Luck”") nor
    naming a thing after it ("the Lady Luck casino", "the Mother Earth festival")?"""
    if _GAME_OF.search(text, max(0, start - 40), start) and re.match(r"[\"”’']", text[end:end + 1]):
        return True  # "a real-life game of \"Beat the Clock\"": a game's name as a likeness
    lo = max(0, start - 40)
    for m in lexicon().figures_of_speech.finditer(text, lo, min(len(text), end + 40)):
        if not (m.start() <= start and end <= m.end()):
            continue
        if _NAMING.search(text, max(0, m.start() - 30), m.start()):
            return False
        after = re.match(r"\s+([a-z][\w'’-]*)", text[m.end():m.end() + 40])
        head = after.group(1) if after else ""
        return head not in _NAMED_THINGS and head not in lexicon().org_words
    return False


# nouns that a name stands before as the name of one ("the Lady Luck casino", "the Mother Earth
# festival", "the Good Samaritan hospital"), besides the organisation words of the lexicon
_NAMED_THINGS = frozenset({
    "hospital", "clinic", "casino", "hotel", "festival", "show", "programme", "program",
    "series", "award", "awards", "prize", "trophy", "cup", "stakes", "race", "club", "bar",
    "pub", "restaurant", "cafe", "café", "theatre", "theater", "cinema", "stadium", "arena",
    "school", "centre", "center", "hall", "park", "street", "road", "square", "brand", "label",
    "band", "album", "song", "film", "book", "project", "campaign", "fund", "foundation",
    "trust", "charity", "shelter", "home", "farm", "ranch", "ship", "boat", "horse", "company",
    "group", "network", "magazine", "newspaper", "app", "game", "movement", "society"})


# a title given as such: "known as", "called", "named", "dubbed", "titled", or quotation marks
_NAMING = re.compile(r"(?:\b(?:known\s+as|called|named|dubbed|titled|entitled)\s+|[\"“‘'])$",
                     re.IGNORECASE)


def region_of(name: str, countries: Iterable[str]) -> bool:
    """Is ``name`` a region or continent in which one of ``countries`` lies ("Africa" for
    Libya)?"""
    members = lexicon().region_countries.get(canonical_place(name) or "", frozenset())
    return any(c in members for c in countries)


# "in", "from" or "from across" (and "the") right before a place: where something is or comes
# from, not "to Asia" (a destination), "much of Asia", "outside Asia"
_PLAIN_PLACE_BEFORE = re.compile(r"\b(?:in|from(?:\s+across)?)\s+(?:the\s+)?$", re.IGNORECASE)
# a ranking or a first in the clause: the region is what is compared ("the largest in Africa")
_RANKED = re.compile(r"\b(?:most|least|first|last|second|third|(?<!not )only|top|leading|"
                     r"largest|biggest|greatest|highest|lowest|deadliest|worst|best|fastest|"
                     r"strongest|richest|poorest|oldest|newest|longest|smallest|record)\b",
                     re.IGNORECASE)


def plain_place(text: str, start: int, end: int) -> bool:
    """Is the place at ``text[start:end]`` told only as where something is or comes from ("in
    Africa", "migrants from across Africa"): not owning anything ("Africa's largest"), not the
    field of a ranking or a first in its clause ("the worst in Latin America", "the first held
    in Africa")? Only such a region says no more than a country of it."""
    before = text[max(0, start - 80):start]
    if not _PLAIN_PLACE_BEFORE.search(before) or re.match(r"['’]", text[end:end + 1]):
        return False
    clause = re.split(r"[,;:()]|\s[—–-]\s", before)[-1]
    return _RANKED.search(clause) is None


def broader_place(text: str, start: int, end: int, name: str, countries: Iterable[str]) -> bool:
    """Is ``name``, at ``text[start:end]``, a region in which one of ``countries`` lies, told
    as where something is or comes from (``plain_place``): the place another text gives, told
    more broadly ("migrants from across Africa" for a story of Libya)?"""
    return plain_place(text, start, end) and region_of(name, countries)


def _classify(text: str) -> tuple[str, str]:
    lex = lexicon()
    plain = re.sub(r"['’]s$", "", text).rstrip(".,")
    place = canonical_place(plain)
    words = plain.split()
    if any(w.lower().rstrip(".") in lex.org_words or w.lower() in lex.org_words for w in words):
        return "org", plain
    if place:
        return "place", place
    if plain.lower() in lex.org_words:
        return "org", plain
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return "person", plain
    return "name", plain


def _title_before(text: str, start: int, floor: int) -> tuple[str | None, tuple[int, int] | None]:
    lex = lexicon()
    window = text[max(floor, start - 60):start]
    best: tuple[str, int] | None = None
    for title in lex.titles:
        m = re.search(rf"(?:^|\W)({re.escape(title)})\s*$", window, re.IGNORECASE)
        if m and (best is None or len(title) > len(best[0])):
            best = (title, m.start(1))
    if best is None:
        return None, None
    s = max(floor, start - 60) + best[1]
    return text[s:s + len(best[0])], (s, s + len(best[0]))


# a rank that makes another office of a title: "Deputy Interior Minister", "Vice-President"
_OFFICE_RANK = re.compile(r"(?:deputy|vice|acting|assistant|associate|interim|junior)"
                          r"(?:\s+|-)(?=\w)")


def without_rank(title: str) -> str:
    """A title without the rank that makes it another office ("Deputy Interior Minister":
    "interior minister"), in lower case."""
    return _ranked(title)[1]


# ranks that name one standing: a vice-president is a deputy president, an interim one acts
_SAME_RANK = {"vice": "deputy", "interim": "acting"}


def ranks_of(title: str) -> frozenset[str]:
    """The ranks a title opens with ("Vice-President": deputy; "Interim Deputy Mayor": acting,
    deputy), one word for one standing."""
    return frozenset(_SAME_RANK.get(r, r) for r in _ranked(title)[0])


def _ranked(title: str) -> tuple[list[str], str]:
    t = " ".join(title.lower().split())
    ranks = []
    while rank := _OFFICE_RANK.match(t):
        ranks.append(t[:rank.end()].strip(" -"))
        t = t[rank.end():]
    return ranks, t


def _split_title(text: str, start: int, end: int) -> tuple[int, str | None, tuple[int, int] | None]:
    """A capitalised title that opens the name ("Prime Minister Jane Doe") is not the name;
    the name's start, the title and its span."""
    lex = lexicon()
    words = list(re.finditer(r"\S+", text[start:end]))
    for k in range(len(words) - 1, 0, -1):
        head = text[start:start + words[k - 1].end()].lower()
        while head not in lex.titles and (rank := _OFFICE_RANK.match(head)):
            head = head[rank.end():]  # "Deputy Interior Minister", "Vice-President": the rank
            # is part of the title
        if head in lex.titles:
            return start + words[k].start(), text[start:start + words[k - 1].end()], (
                start, start + words[k - 1].end())
    # title words inside a name read as an organisation's, after the body they serve, before
    # a person's full name ("Senate President Bukola Saraki", "UN Secretary General Antonio
    # Guterres"): the person is the name, the title those words ("Secretary General"), its
    # span from the body on ("Former Senate President ...")
    if _classify(text[start:end])[0] != "org":
        return start, None, None

    def titled(j: int) -> bool:
        return words[j].group().lower().rstrip(".") in lex.titles

    for k in range(len(words) - 2, 0, -1):
        if titled(k - 1) and _classify(text[start + words[k].start():end])[0] == "person":
            first = k - 1
            while first > 0 and titled(first - 1):
                first -= 1
            t0, t1 = start + words[first].start(), start + words[k - 1].end()
            return start + words[k].start(), text[t0:t1], (start, t1)
    return start, None, None


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split "Jane Doe of Freedonia" and "London Russian" into the names they join."""
    chunk = text[s:e]
    m = re.search(r"\s+of\s+", chunk)
    if m and _classify(chunk)[0] != "org":
        return [(s, s + m.start()), (s + m.end(), e)]
    words = list(re.finditer(r"\S+", chunk))
    for k, w in enumerate(words[:-1]):
        owner = chunk[:w.end()]
        if owner[-2:] in {"'s", "’s"} and canonical_place(owner[:-2]) and not canonical_place(
                chunk):
            # "South Korea's Mirim Lee", "Britain's Prince Harry": a place, then whose name
            return [(s, s + w.end()), *_pieces(text, s + words[k + 1].start(), e)]
    if len(words) > 1 and not canonical_place(chunk) and all(
        canonical_place(w.group()) for w in words
    ):
        return [(s + w.start(), s + w.end()) for w in words]
    return [(s, e)]


_OPENERS = re.compile(r"""(?:^|.*[:;,—–-]\s*)["“‘'(\[]\s*$""", re.DOTALL)
# a dateline before the sentence's first word: "KESTRA, Varnia (Wirepress) - ", "ORVIK (AP) — "
_AFTER_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ ,][^\n]{0,60}?)?\s[—–-]{1,2}\s*$")


def _opens(text: str, start: int, s: int) -> bool:
    """Does the word at ``s`` open its sentence, or a quote within it ('He said: "Whenever')?
    Its capital is the sentence's, not a name's."""
    return s == start or _OPENERS.match(text[start:s]) is not None


# words a sentence opens with that name no one: a number, a share ("Six fishing boats", "Half
# a dozen", "Dozens of")
_COUNTING = re.compile(r"(?i)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?|half|"
                       r"scores|several|some|many|most|few)")


def _dated_opener(text: str, start: int, s: int, etext: str) -> bool:
    """Is ``etext``, right after the dateline that opens the sentence ("KESTRA, Varnia
    (Wirepress) - Six fishing boats"), a plain word the sentence opens with? A name stays one
    there ("ORVIK (AP) — Ola Holm said")."""
    return _AFTER_DATELINE.match(text[start:s]) is not None and (
        etext.lower() in COMMON_CAPITALISED or _COUNTING.fullmatch(etext) is not None)


def _sentence_opener(word: str) -> bool:
    """A frequent participle or adverb ("Speaking", "Following", "Notably"): after a word with
    a full stop ("plan B. Speaking about"), it opens the next sentence; a surname
    ("Sterling", "Darling") is rarer as a word."""
    w = word.lower()
    return len(w) >= 6 and w.endswith(("ing", "ly")) and zipf(w) >= 4.4


# a name made into an adjective by a participle ("London-based", "US-led", "Paris-born") or
# by "-wide" ("London-wide targets": the place the targets cover)
_ATTACHED = re.compile(r"(\S+?)-(?:based|born|bred|led|backed|owned|run|made|funded|linked|"
                       r"registered|listed|headquartered|flagged|brokered|sponsored|wide)")


def find_entities(text: str, start: int = 0, end: int | None = None) -> list[Entity]:
    """Names in ``text[start:end]`` (a sentence) with their type; spans index into ``text``."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in _NAME.finditer(text, start, end):
        spans.extend(_pieces(text, m.start(), m.end()))
    out: list[Entity] = []
    for s, e in spans:
        raw = text[s:e]
        name = raw if re.fullmatch(r"(?:[A-Z]\.){2,}", raw) else raw.rstrip(".,")
        e = s + len(name)
        words = name.split()
        for k, w in enumerate(words[:-1]):
            if w.endswith(".") and (words[k + 1].lower() in COMMON_CAPITALISED
                                    or _sentence_opener(words[k + 1])):
                words = words[:k + 1]  # "World War I. He fought": the name ends with its sentence
                words[-1] = w.rstrip(".")
                e = s + raw.find(w) + len(words[-1])
                break
        # drop leading common words ("The", "In", "On Friday") and trailing connectors
        while words and (_POSSESSIVE.sub("", words[0].lower()) in COMMON_CAPITALISED
                         or _AGE_WORD.search(words[0])):  # "Twenty-one-year-old Welsh"
            s += len(words[0])
            while s < e and text[s].isspace():
                s += 1
            words = words[1:]
        while len(words) > 1 and (
                (words[0].lower() in _STYLES and _ADDRESSED.search(text[:s]))
                or (words[0].lower() in {"his", "her", "their", "your", "royal", "imperial",
                                         "serene"}
                    and (words[1].lower() in _STYLES or words[1].lower() == "royal"))):
            # "Her Majesty the Queen": a style of address, not a name; "the Queen" stays
            s += len(words[0])
            while s < e and text[s].isspace():
                s += 1
            words = words[1:]
            if words and words[0].lower() == "the" and len(words) > 1:
                words = words[1:]
                s = text.find(words[0], s)
        while words and words[-1].lower() in {"of", "de", "the", "for", "and", "al"}:
            words = words[:-1]
        while len(words) > 1 and words[-1].lower() in lexicon().titles and (
                words[-1].isupper() or words[-2].isupper()):
            words = words[:-1]  # "NHS CEO", "Labour MP": the body, then a title
        if words and (attached := _ATTACHED.fullmatch(words[-1])):
            words[-1] = attached.group(1)  # "a United Kingdom-based submarine": the place, whatever
            # is based there
        if not words:
            continue
        name = " ".join(words)
        e = s + len(text[s:e]) if text[s:e] == name else s + len(name)
        if text[s:e] != name:  # spacing changed: search the exact span
            idx = text.find(words[-1], s)
            e = idx + len(words[-1]) if idx >= 0 else s + len(name)
        s, title, title_span = _split_title(text, s, e)
        if s >= e:
            continue
        etext = text[s:e]
        if len(etext) == 1:
            continue  # "plan B", "Group C": a letter names no one
        if _IDIOM.search(etext) and not canonical_place(etext):
            continue  # "a David-and-Goliath struggle": names made into an adjective
        if figure_of_speech(text, s, e):
            continue  # "Mother Nature", "a game of Russian roulette": no one, nowhere
        if _RANK.fullmatch(etext):
            continue  # "at Number Thirteen": a chart position, a figure and not a name
        if _opens(text, start, s) and (etext.lower() in COMMON_CAPITALISED or (
            " " not in etext and not canonical_place(etext) and text[e:e + 2] not in {"'s", "’s"}
        )):
            continue  # a capitalised first word is a name only when the gazetteer knows it
        if _dated_opener(text, start, s, etext):
            continue
        if etext.lower() in lexicon().titles:
            continue  # "CEO", "President" alone are titles, not names
        state = _abbreviated_state(text, s, e)
        etype, canonical = ("place", state) if state else _classify(etext)
        if title is None and etype in {"person", "name"}:
            title, title_span = _title_before(text, s, start)
        stale = False
        head_at = title_span[0] if title_span else s
        if STALE_BEFORE.search(text[max(start, head_at - 12):head_at]) or (
                title_span and _STALE_MODIFIED.search(text[max(start, head_at - 50):head_at])):
            stale = True
        if title and etype == "name":
            etype = "person"
        apposed = False
        if title is None and etype == "person" and (found := _apposed_title(text, e, end)):
            title, title_span, stale = found
            apposed = True
        out.append(Entity(s, e, etext, etype, canonical, title, title_span, stale, apposed))
    return out


# the acronym a copy gives after a name it spells out: "Social Democratic and Labour Party
# (SDLP)", "the Department for Environment, Food & Rural Affairs, or Defra"
_ACRONYM_AFTER = re.compile(
    r"[^()]{0,60}?(?:\(([A-Z][A-Za-z]{1,5}?)s?\)|,\s+or\s+([A-Z][A-Za-z]{1,5})\b)")


def acronym_after(text: str, start: int, end: int) -> str | None:
    """The acronym ``text`` gives after the name at ``start:end`` ("Social Democratic and
    Labour Party (SDLP)", "the Department for Environment, Food & Rural Affairs (Defra)" or
    ", or Defra"); a bracketed word in mixed case only when it is the name's initials."""
    after = _ACRONYM_AFTER.match(text, end, end + 80)
    acronym = after.group(1) or after.group(2) if after else None
    if after is None or not acronym:
        return None
    if after.group(1) and not acronym.isupper() and not _abbreviates(
            acronym, text[max(0, start - 40):after.start(1)]):
        return None  # "Ola Holm (Labour)": a party, not Holm's initials
    return acronym


def acronym_used(text: str, start: int, end: int, other: str) -> str | None:
    """The acronym ``text`` gives after the name at ``start:end`` (``acronym_after``) when
    ``other`` uses it, alone or in the plural: the name spelt out where ``other`` has only its
    acronym ("the Department for Environment, Food & Rural Affairs (Defra)" / "Defra said")."""
    acronym = acronym_after(text, start, end)
    return acronym if acronym and re.search(rf"\b{re.escape(acronym)}s?\b", other) else None


def initials(name: str) -> str | None:
    """The initials of a name of two to four capitalised words ("General Practitioners" →
    "GP", "the World Health Organization" → "WHO"); None for any other name."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() != "the"]
    if not 2 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


# the endings that make a people's or a state's adjective of a country's name: "Kenya" /
# "Kenyan", "Varnia" / "Varnian", "Malta" / "Maltese", "Ossland" / "Osslandic"
_DEMONYM_END = re.compile(r"(?:n|an|ian|ese|ish|i|ic|er)")


def demonym_of(word: str, name: str) -> bool:
    """Is ``word`` the adjective of the place ``name`` ("Varnian" of "Varnia", "Kenyan" of
    "Kenya", "Estrian" of "Estria"): a gazetteer's demonym, or the name with a demonym's
    ending? Names of two words or more have none."""
    w, n = word.strip().lower(), re.sub(r"['’]s$", "", name.strip()).lower()
    if " " in w or " " in n or len(n) < 4 or not w.isalpha() or not n.isalpha():
        return False
    known_w, known_n = canonical_place(w), canonical_place(n)
    if known_w and known_n:
        return known_w == known_n
    for base in {n, n[:-1] if n[-1] in "aey" else n}:
        if w.startswith(base) and _DEMONYM_END.fullmatch(w[len(base):]):
            return True
    return False


def placed_in(city: str, country: str, text: str) -> bool:
    """Does ``text`` place ``city`` in ``country`` in the way of a dateline or an address
    ("KESTRA, Varnia (Wirepress) -", "in Kestra, Varnia,"): the city named for its country's
    government, as a capital is ("Kestra has given Ossland 72 hours")?"""
    city, country = city.strip(), re.sub(r"['’]s$", "", country.strip())
    if not city or not country or city.lower() == country.lower():
        return False
    return re.search(rf"\b{re.escape(city)},\s+{re.escape(country)}\b(?!,?\s+(?:and|or)\b|,)",
                     text, re.IGNORECASE) is not None  # (not a list: "Estria, Varnia and Ossland")


# the head words one kind of body is told by: a "regulator" may be an "Authority"
_BODY_KINDS = (
    frozenset({"authority", "regulator", "watchdog", "commission", "agency", "office", "board",
               "inspectorate"}),
    frozenset({"institute", "institution", "centre", "center", "laboratory"}),
    frozenset({"association", "federation", "society", "organisation", "organization"}),
    frozenset({"ministry", "department"}),
)


def described_as(phrase: str, name: str) -> bool:
    """Is ``phrase`` a description of the body ``name``, in the plain words of its name ("Ossland's
    competition regulator" / "the Competition Authority", "the medical association" / "the
    Norland Medical Association", "Norland's health institute" / "the Norland Public Health
    Institute")? The phrase is a place or its people at most, then plain lowercase words: a head
    word of the name's kind of body (``_BODY_KINDS``), and before it a word of the name (not
    one every body has: "national", "association")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", phrase)
    if words and words[0].lower() == "the":
        words = words[1:]
    while words and words[0][:1].isupper():
        bare = re.sub(r"['’]s?$", "", words[0])
        if bare == words[0] and canonical_place(bare) is None and not re.search(
                rf"\b{re.escape(bare)}", name):
            return False  # a name of its own ("the Brask competition unit"); an owner's
            # possessive ("Ossland's") says whose body it is
        words = words[1:]
    if not words or not all(w.islower() for w in words):
        return False
    capitalised = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[:1].isupper()]
    named = {w.lower() for w in capitalised}
    if len(named) < 2:
        return False  # "the agency" for "Frontex": no words to describe it by
    owner = re.match(r"(?:[Tt]he\s+)?([A-Z][\w-]*)['’]s?\s", phrase)
    theirs = re.match(r"(?:[Tt]he\s+)?([A-Z][\w-]*)(?:['’]s?)?\s", name)
    if owner and theirs and owner.group(1) != theirs.group(1) and not demonym_of(
            theirs.group(1), owner.group(1)) and theirs.group(1).lower() not in {
                w.lower() for w in words}:
        return False  # "Ossland's competition regulator" for "Varnia's Competition Authority"
    head, their_head = words[-1].lower(), capitalised[-1].lower()
    if head != their_head and not any(head in g and their_head in g for g in _BODY_KINDS):
        return False  # another kind of body: "the competition tribunal" for "the Competition
        # Authority", "the health ministry" for "the Public Health Institute"
    org = lexicon().org_words
    plain = {re.sub(r"['’]s?$", "", w) for w in words[:-1]} - org
    return any(w in named or w.rstrip("s") in named for w in plain if len(w) > 3)


def abbreviated(name: str, text: str, country_told: bool = False) -> bool:
    """Does ``text`` give ``name`` by its initials, in capitals, alone or in the plural
    ("GPs" for "General Practitioners")? With ``country_told``, also a name that opens with its
    country, by the initials of the rest, three letters or more ("NHS" for "the British National
    Health Service"; not "FA" for "the Scottish Football Association", another body)."""
    found = initials(name)
    if found is not None and re.search(rf"\b{found}s?\b", text) is not None:
        return True
    first, _, rest = name.strip().partition(" ")
    found = initials(rest) if country_told and rest and canonical_place(first) else None
    return (found is not None and len(found) >= 3
            and re.search(rf"\b{found}s?\b", text) is not None)


def _abbreviates(acronym: str, before: str) -> bool:
    """Is ``acronym`` made of the initials of the words of ``before`` from a capitalised word
    on, in order ("Defra" after "Department for Environment, Food and Rural Affairs"), not a
    party or place put in brackets after a name ("Ola Holm (Labour)")?"""
    words = re.findall(r"[A-Za-z][\w'’-]*", before)
    letters = acronym.lower()
    for i, w in enumerate(words):
        if w[0] != acronym[0]:
            continue
        k = 0
        for v in words[i:]:
            if k < len(letters) and v[0].lower() == letters[k]:
                k += 1
        if k == len(letters):
            return True
    return False
