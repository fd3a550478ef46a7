"""Vetting the changes the comparison found (``vet_changes``): no change between two readings of
the same words (typography, one figure spelt two ways, an acronym, a title's other spelling), none
in page residue, and, for the kinds the entailment check judges, none in a copy sentence the
source supports. Also the sentence-overlap measures the checks share (``_overlap``,
``_close_edit``).
"""

from __future__ import annotations

import re

from wiretrace.claims.artefacts import chrome_name, headline_line, in_artefact, in_title_run
from wiretrace.claims.denials import ASSERTS, DENIES
from wiretrace.claims.normalise import reading_form, reading_key, same_reading
from wiretrace.claims.numbers import consistent, find_numbers, same_measure
from wiretrace.claims.pairing import Sent, Side, stem, word_edits
from wiretrace.claims.substitutions import JUDGED
from wiretrace.model import Change

__all__ = ["vet_changes"]


_TITLE_ALIASES = {"chief executive": "ceo", "chief executive officer": "ceo", "executive": "ceo",
                  "premier": "prime minister", "chair": "chairman", "chairwoman": "chairman",
                  "spokeswoman": "spokesperson", "spokesman": "spokesperson", "head": "chief"}

_CLOSE = 0.7  # share of a copy sentence's content words in its source sentence: a close edit


def _sentence_text(side: Side, pos: int) -> str | None:
    sent = side.sentence_at(pos)
    return side.text[sent.span[0]:sent.span[1]] if sent is not None else None


_DAY_WORDS = re.compile(r"^(?:on\s+|last\s+|this\s+|next\s+)?(?:yesterday|today|tomorrow|tonight|"
                        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|"
                        r"evening|night))?|(?:this|last)\s+(?:morning|evening|night|week))$",
                        re.IGNORECASE)
_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|this|last|next)\b", re.I)
_CURRENCY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|usd|eur|gbp)\b",
                       re.IGNORECASE)
_FIGURE_WORDS = frozenset({"of", "about", "some", "around", "nearly", "almost", "at", "least",
                           "most", "more", "than", "over", "up", "to", "approximately", "roughly",
                           "an", "estimated", "a", "the"})
_UNIT_WORD = re.compile(r"^(?:US\$|USD|EUR|GBP|[$€£¥]|dollars?|euros?|pounds?|per ?cent|percent|"
                        r"km|kilometres?|kilometers?|miles?|m|metres?|meters?)$", re.IGNORECASE)
_NEG_WORDS = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|"
                        r"n't\b")


_UNIT_SPELLINGS = {
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers", "kms"), "km"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("mile", "miles", "mi"), "mile"),
    **dict.fromkeys(("pc", "pct"), "percent"),
    **dict.fromkeys(("kilogram", "kilograms", "kilo", "kilos", "kgs"), "kg"),
    **dict.fromkeys(("hrs", "hr", "hour"), "hours"),
}


def _words_around(text: str, start: int, end: int) -> list[str]:
    around = (text[:start] + " " + text[end:]).lower()
    return re.findall(r"[a-z]+", re.sub(r"\bper\s+cent\b", "percent", around))



def _converted(x: str, y: str) -> bool:
    """One measure in two units ("about 24km" / "about 15 miles")."""
    nx, ny = find_numbers(x), find_numbers(y)
    return len(nx) == len(ny) == 1 and same_measure(x, nx[0], y, ny[0])


def _consistent_figures(x: str, y: str) -> bool:
    """Two spellings of one figure: "ten" / "10", "dozens" / 30, "about 1,800" / "1,500-2,000",
    one measure in two units ("about 15 miles" / "about 24km"), or amounts in two currencies
    (a conversion, not a changed figure)."""
    nx, ny = find_numbers(x), find_numbers(y)
    if not nx or not ny:
        return False
    if _converted(x, y):
        return True
    if len(nx) == len(ny) == 1 and consistent(nx[0], ny[0]):
        # only when nothing but the figure differs: "a death toll of 200" for "dead or injured
        # at 200" is the same number counting something else (a scope change)
        rest = [sorted(_UNIT_SPELLINGS.get(w, w) for w in _words_around(t, n.start, n.end)
                       if w not in _FIGURE_WORDS) for t, n in ((x, nx[0]), (y, ny[0]))]
        return rest[0] == rest[1]  # "25 km" / "25 kilometres": one unit spelt two ways
    cx, cy = _CURRENCY.findall(x.lower()), _CURRENCY.findall(y.lower())
    return bool(cx and cy) and {c.rstrip("s") for c in cx} != {c.rstrip("s") for c in cy}


def _negations(text: str) -> int:
    return len(_NEG_WORDS.findall(reading_form(text)))


def _same_sides(c: Change, a: Side, b: Side) -> bool:
    """The change's two sides say the same: the same words up to typography, one figure in two
    spellings, a relative day for a named one, or (for a negation) as many negations in the
    copy's sentence as in the source's."""
    if "\ufffd" in c.text + c.versus_text:
        return True  # a character lost in decoding ("4\ufffd months"): no reading to compare
    if c.kind == "addition" and _UNIT_WORD.match(c.text.strip()):
        return True  # "USD" slipped next to "billion": a unit made explicit
    if not c.versus_text or (c.kind == "addition" and "slips" not in c.explanation):
        return False  # a claim the source lacks, beside what the source says there instead
        # (a quote of the speaker): no value of the source's it could restate
    if same_reading(c.text, c.versus_text) or _acronym_of(c.text, c.versus_text):
        return True
    if c.kind == "title" and _title_key(c.text) == _title_key(c.versus_text):
        return True  # "CEO" for "chief executive", "spokesperson" for "spokesman"
    if _consistent_figures(c.text, c.versus_text):
        return True
    if _DAY_WORDS.match(c.text.strip()) and _DAY_WORDS.match(c.versus_text.strip()) and any(
            _RELATIVE_DAY.search(t) for t in (c.text, c.versus_text)):
        return True  # "yesterday" for "on Thursday": the same day seen from another date
    moved = c.kind == "attribution" and "attributes this to" in c.explanation
    # read against the word it denies or asserts, not the words around it (``claims.denials``)
    reworded = c.explanation.startswith((DENIES, ASSERTS))
    if (c.kind in _SAME_SENTENCE_KINDS or moved) and not reworded and c.span and c.versus_span:
        sb, sa = _sentence_text(b, c.span[0]), _sentence_text(a, c.versus_span[0])
        # a negation word added or dropped: both sentences keep their words, the longer too
        one_word = c.kind == "negation" and "the negation" in c.explanation
        if sb is not None and sa is not None and _overlap(sb, sa, longer=one_word,
                                                          stems=one_word) < (
                _CUE_KEPT if one_word else _RESTATED) and not (
                one_word and _trimmed_but_cue(sb, sa, c)):
            return True  # a paraphrase says it another way: a cue word is no evidence there
    if c.kind == "negation" and "the negation" in c.explanation and c.span and c.versus_span:
        # the cue is one negation word; the other text has it as often around the same place
        # (sentence splits differ between copies: "…without him?” Colts coach asked.")
        drops = "drops the negation" in c.explanation
        cue = reading_form(c.versus_text if drops else c.text)
        here, there = (a, b) if drops else (b, a)
        pos_here = c.versus_span[0] if drops else c.span[0]
        pos_there = c.span[0] if drops else c.versus_span[0]
        own = _sentence_text(here, pos_here)
        other = _sentence_text(there, pos_there)
        near = _window_text(there, pos_there)
        if own is None or other is None or near is None:
            return False
        if _count_word(other, cue) >= _count_word(own, cue):
            return True
        # split elsewhere in the other text: the cue is in a neighbouring sentence there
        if _overlap(own, other, longer=True) < _SAME_SPLIT and _count_word(
                near, cue) >= _count_word(own, cue):
            return True
    return False


def _trimmed_but_cue(sb: str, sa: str, c: Change) -> bool:
    """Is one sentence the other's words in a row, the negation word apart: the copy kept the
    source's sentence up to a point and dropped its "not" ("the fire had crossed the river." /
    "the fire had not crossed the river, which has acted as a firebreak")?"""
    drops = "drops the negation" in c.explanation
    cue = reading_key(c.versus_text if drops else c.text).split()
    b_words, a_words = reading_key(sb).split(), reading_key(sa).split()
    with_cue, without = (a_words, b_words) if drops else (b_words, a_words)
    if len(cue) != 1 or cue[0] not in with_cue:
        return False
    at = with_cue.index(cue[0])
    rest = with_cue[:at] + with_cue[at + 1:]
    if len(rest) >= len(without):  # the sentence with the cue kept longer: the other is a run
        # of its words that spans the place of the cue ("Media playback is not supported. I
        # want to ..." holds "I want to ..." but not around its "not")
        n = len(without)
        return n >= _TRIMMED_MIN and any(
            rest[k:k + n] == without and k < at < k + n for k in range(len(rest) - n + 1))
    n = len(rest)
    return n >= _TRIMMED_MIN and 0 < at < n and any(
        without[k:k + n] == rest for k in range(len(without) - n + 1))


_TRIMMED_MIN = 6  # words of a trimmed sentence, at least


# kinds read off one word of two sentences that must otherwise say the same words: a negation
# or an opposite, a dropped figure. In a paraphrase the words around them are no anchor.
_SAME_SENTENCE_KINDS = frozenset({"negation", "omission"})
_RESTATED = 0.7
_CUE_KEPT = 0.8  # a negation word alone: the sentence must be all but verbatim
_SAME_SPLIT = 0.9


_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "be", "been", "has",
                          "have", "had", "will", "would", "can", "could",
                          "yet", "to"})  # "has yet to be": a denial in three words
# the frame of two things joined, around a negation: "neither A nor B" / "both A and B"
_JOINING = frozenset({"both", "either", "and", "or"})


def _overlap(x: str, y: str, longer: bool = False, stems: bool = False) -> float:
    """Share of the words two sentences have in common (negations and auxiliaries aside; by
    their stems, and a joining word only one side has aside, when ``stems``: "did not
    resign" / "resigned", "neither A nor B" / "both A and B")."""
    def words(t: str) -> set[str]:
        kept = {w for w in reading_key(t).split() if not _NEG_WORDS.fullmatch(w)} - _AUXILIARIES
        return {stem(w) for w in kept} if stems else kept

    wx, wy = words(x), words(y)
    if stems:  # the joining words one side has and the other lacks
        wx, wy = wx - (_JOINING - wy), wy - (_JOINING - wx)
    return len(wx & wy) / max(1, (max if longer else min)(len(wx), len(wy)))


_NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "de", "da", "di", "van", "von",
                             "der", "la", "le", "du", "dos"})


def _acronym_of(x: str, y: str) -> bool:
    """"NHS" and "National Health Service" (the words around them may be the same; "UCS's"
    and "Union of Concerned Scientists'" too)."""
    def words(t: str) -> list[str]:
        return [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w'’.-]+", t)]

    wx, wy = words(x), words(y)
    for short, long_ in ((wx, wy), (wy, wx)):
        acr = [w for w in short if re.fullmatch(r"(?:[A-Z]\.?){2,6}", w)]
        # each capitalised word gives its initial; a short all-capitals one ("US") may give all
        caps = "".join(w[0] for w in long_ if w[:1].isupper())
        # a name's particles give theirs too: "MBS" for "Mohammed bin Salman"
        particled = "".join(w[0].upper() for w in long_ if w[:1].isupper() or (
            w.lower() in _NAME_PARTICLES and 0 < long_.index(w) < len(long_) - 1))
        full = "".join(w.replace(".", "") if w.isupper() and len(w) <= 4 else w[0]
                       for w in long_ if w[:1].isupper())
        # an acronym both sides write ("US President" / "former US President") expands nothing
        acr = [a for a in acr if a not in long_]
        if acr and any(a.replace(".", "") in initials for a in acr
                       for initials in (caps, particled, full)) and len(short) < len(long_):
            return True
    return False


def _title_key(text: str) -> str:
    """One spelling per title: "Chief Executive" / "CEO", "spokesman" / "spokesperson"."""
    # "Vice-President" / "Vice President" / "Deputy President": one office
    t = re.sub(r"^vice\b", "deputy", " ".join(text.lower().replace("-", " ").split()))
    return _TITLE_ALIASES.get(t, t)


def _count_word(text: str, word: str) -> int:
    return len(re.findall(rf"(?<![\w']){re.escape(word)}(?![\w'])", reading_form(text)))


def _window_text(side: Side, pos: int) -> str | None:
    """The sentence at ``pos`` with the sentences either side of it."""
    sent = side.sentence_at(pos)
    if sent is None:
        return None
    k = sent.index
    lo, hi = max(0, k - 1), min(len(side.sents) - 1, k + 1)
    return side.text[side.sents[lo].span[0]:side.sents[hi].span[1]]


def _close_edit(sb: Sent, sa: Sent, slot: set[str] | frozenset[str] = frozenset()) -> bool:
    """Does the copy's sentence keep nearly all the content words of the source's (all but
    one, or ``_CLOSE`` of them; the words of the swapped ``slot`` aside)? Only then is one word
    or name in it read as swapped."""
    b, a = sb.content - slot, sa.content - slot
    return len(b - a) <= 1 or len(b & a) >= _CLOSE * len(b)


def word_for_word(sb: Sent, sa: Sent) -> bool:
    """Is the copy's sentence the source's with words swapped one for one, in the same order
    (a spun copy: "plans to cut 2,000 jobs at its factory in Munich" for "... at its plant in
    Wolfsburg")? Half its words kept in place, every other word a one- or two-word stand-in."""
    ops, kept = word_edits(sa, sb)
    return kept >= 0.5 * max(len(sa.toks), len(sb.toks)) and all(
        tag == "replace" and a1 - a0 <= 2 and b1 - b0 <= 2 for tag, a0, a1, b0, b1 in ops)


def _judged(c: Change, judged: frozenset[str]) -> bool:
    """Is the change one the entailment check decides: of a kind in ``judged``, or a word swap
    the rules cannot tell from a rewording (marked ``JUDGED``)?"""
    return c.kind in judged or JUDGED in c.explanation


def vet_changes(changes: list[Change], a: Side, b: Side,
                judged: frozenset[str] = frozenset({"addition"})) -> list[Change]:
    """Only real changes: never two readings of the same words (typography, quotes, dashes,
    case, inflection, transliteration, one figure spelt two ways), never in a copy sentence that
    reads as a source sentence, never in page residue of either text (chrome, bylines, credits,
    time stamps); and a change of a kind in ``judged`` only where the entailment check
    (``claims.entailment``) says the copy's sentence is not supported by the source."""
    a_forms = {reading_key(a.text[s.span[0]:s.span[1]]) for s in a.sents}
    kept = []
    for c in changes:
        if _same_sides(c, a, b):
            continue
        if in_artefact(b.text, c.span) or in_artefact(a.text, c.versus_span):
            continue
        if (c.span and headline_line(b.text, c.span[0])) or (
                c.versus_span and headline_line(a.text, c.versus_span[0])):
            continue  # each outlet writes its own headline: no claim of the story's text
        if in_title_run(b.text, c.span) or in_title_run(a.text, c.versus_span):
            continue  # a headline fused with the lead, or one too long for a headline line
        if c.kind in {"actor", "place"} and c.span and c.versus_span and (
                chrome_name(b.text, c.span) or chrome_name(a.text, c.versus_span)):
            continue  # "Found March" for "Release: 03": two page stamps, no name swapped
        sentence = _sentence_text(b, c.span[0]) if c.span else None
        if sentence is not None and reading_key(sentence) in a_forms:
            continue
        kept.append(c)
    checked = {s for c in kept if _judged(c, judged) and c.span
               for s in [_sentence_text(b, c.span[0])] if s}
    if not checked:
        return kept
    from wiretrace.claims.entailment import load_model, support_many

    order = sorted(checked)
    scores = dict(zip(order, support_many([a.text[s.span[0]:s.span[1]] for s in a.sents], order),
                      strict=True))
    threshold = load_model().threshold
    out = []
    for c in kept:
        sentence = _sentence_text(b, c.span[0]) if c.span else None
        if _judged(c, judged) and sentence in scores:
            score = float(scores[sentence])
            if score >= threshold:
                continue  # the copy's sentence is supported: a rewording, not a change
            c.explanation = (c.explanation.replace(JUDGED, "")
                             + f" (entailment support {score:.2f} < {threshold:.2f})")
        out.append(c)
    return out
