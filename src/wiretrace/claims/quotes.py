"""Quote integrity: what a copy did to the quotes of the article it copies.

Each quote of a copy (words inside quotation marks, with the speaker when an attribution names
one) is compared with the quotes of its parent that stand in the passages aligned with it, or
that share a run of its words:

- ``cut``: the copy's quote is a strict part of one parent quote; words were removed at the start,
  at the end, or inside (``cut`` says which, and whether an ellipsis marks the removal);
- ``spliced``: the copy's quote joins parts of two or more separate parent quotes as one (two
  consecutive quotes of one speaker, split only by "he said", are one statement, not a splice);
- ``reattributed``: the same quoted words, given to another named speaker;
- ``altered``: words inside the quote changed, added or replaced.

Typography never counts: quotes and apostrophes curly or straight, dashes, whitespace, case,
accents, thousands separators and British/American spelling are folded before words are compared
(:func:`quote_words`). Precision first: a quote of fewer than three words is not judged, and a
reattribution needs a named speaker on both sides that is not the same person (one shared name
word, or a close transliteration, is the same person) and is not named beside the parent's quote.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from wiretrace.claims.attributions import QUOTE as _QUOTE
from wiretrace.claims.attributions import find_attributions
from wiretrace.claims.entities import COMMON_CAPITALISED, find_entities, initials
from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.normalise import reading_form
from wiretrace.model import Alignment, Article, Derivation, QuoteChange, Span, spans_overlap

__all__ = ["QuoteMention", "compare_quotes", "cut_quote_mention", "find_quote_mentions",
           "quote_changes", "quote_words"]

_TOKEN = re.compile(r"\d[\d,.]*\d|[^\W_]+(?:['’][^\W_]+)*")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|\[\.\.\.\]")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")
_MIN_WORDS = 3
_MIN_PART = 3  # words of a parent quote a spliced quote must carry
_MAX_CANDIDATES = 6  # parent quotes a quote is compared with
_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "prime", "minister",
    "president",
    "vice", "deputy", "chief", "head", "governor", "mayor", "senator", "general", "gen", "col",
    "captain", "spokesman", "spokeswoman", "spokesperson", "secretary", "chancellor", "king",
    "queen", "prince", "princess", "pope", "judge", "justice", "opposition", "leader", "government",
    "foreign", "interior", "defence", "defense", "finance", "health", "state", "former", "acting",
    "the", "a", "an", "of", "for", "and", "said", "told", "director", "chairman", "chairwoman",
    "ceo", "commissioner", "ambassador", "officer", "official", "police", "agency", "ministry",
})
_NEGATION = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor",
                       "without", "cannot", "can't", "won't", "don't", "didn't", "isn't",
                       "wasn't", "aren't", "weren't", "doesn't", "hasn't", "haven't", "n't"})
_STOP = frozenset({"the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "was", "be", "it",
                   "that", "this", "we", "i", "our", "for", "with", "at", "by", "as", "are"})


@dataclass(slots=True)
class QuoteMention:
    """A quote in a text: the words inside the marks (``span``), their reading forms
    (``words``, with ``word_spans`` into the text) and the speaker an attribution names."""

    span: Span
    text: str
    words: list[str]
    word_spans: list[Span]
    speaker: str | None = None
    speaker_span: Span | None = None


def _spelling(word: str) -> str:
    """One spelling for British and American variants: colour/color, organise/organize,
    fuelled/fueled, centre/center."""
    w = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word)
    w = re.sub(r"our(s?)$", r"or\1", w)
    w = re.sub(r"([iy])s(e|ed|es|ing|ation)$", r"\1z\2", w)
    w = re.sub(r"tre(s?)$", r"ter\1", w)
    return w


def quote_words(text: str, start: int = 0) -> tuple[list[str], list[Span]]:
    """The words of ``text`` as a reader compares them, with their offsets (plus ``start``):
    case, accents, apostrophes, thousands separators and spelling variants folded; punctuation
    and dashes are not words."""
    words: list[str] = []
    spans: list[Span] = []
    for m in _TOKEN.finditer(text):
        w = reading_form(m.group())
        w = w.replace(",", "") if w[:1].isdigit() else _spelling(w)
        words.append(w)
        spans.append((start + m.start(), start + m.end()))
    return words, spans


def _sentence_start(text: str, pos: int) -> int:
    starts = [text.rfind("\n", 0, pos) + 1]
    starts += [m.start() + 1 for m in _SENTENCE_END.finditer(text, max(0, pos - 300), pos)]
    return max(starts)


def _speaker(text: str, open_at: int, close_at: int) -> tuple[str, Span] | None:
    """Who an attribution next to the quote (marks at ``open_at`` and ``close_at``) names."""
    after_end = min(len(text), close_at + 120)
    nl = text.find("\n", close_at)
    if nl != -1:
        after_end = min(after_end, nl)
    for a in find_attributions(text, close_at - 1, after_end):
        gap = text[close_at:a.source_span[0]]
        if re.search(r"[.!?;\"“”]", text[close_at:a.start]) or (
                text[max(0, close_at - 2):close_at - 1].endswith(".")
                and text[close_at:a.start + 1].strip()[:1].isupper()):
            break  # the quote's sentence ended: "...language". Ministers have said ..., or
            # "... a gigantic sum." Earlier reports suggested ...
        if _OPENS_NEXT.match(text, a.end):
            break  # '"..." Holland told reporters: "..."': Holland's is the next quote
        if a.start - close_at <= 3 or (a.verb is not None and len(gap) <= 40
                                       and not re.search(r"[.!?;]", gap)):
            return a.source, a.source_span
    m = _NAME_VERB_AFTER.match(text, close_at, after_end)
    # '"...," Lindsay asserts.': speech closes on its own comma (a scare quote does not)
    if m and _named_verb(m) and text[close_at - 2:close_at - 1] in {",", "!", "?"} and not (
            _OPENS_NEXT.match(text, m.end())):
        return m.group("src"), m.span("src")
    begin = _sentence_start(text, open_at)
    before = [a for a in find_attributions(text, begin, open_at)
              if a.verb is not None or a.source_span[1] > open_at - 40]  # "According to X, "
    if before:
        a = before[-1]
        gap = text[a.end:open_at]
        if len(gap) <= 40 and not re.search(r"[.!?]", gap):
            return a.source, a.source_span
    m = _NAME_VERB_BEFORE.search(text, begin, open_at)
    if m and _named_verb(m) and _LEAD_IN.fullmatch(text, begin, m.start()):
        return m.group("src"), m.span("src")  # 'Obama reflected, "...', 'X, her agent, said: "'
    m = _NAME_SAYING_BEFORE.search(text, begin, open_at)
    if m and _named_verb(m):
        return m.group("src"), m.span("src")  # '..., with CEO Benny Higgins stating, "...'
    m = _SUBJECT_SAYING.match(text, begin, open_at)
    if m and _named_verb(m) and m.end() == open_at and _lone_person(m, text, begin, open_at):
        return m.group("src"), m.span("src")  # 'Rojas conceded in a speech, saying: "...'
    return _pronoun_speaker(text, open_at, close_at, begin)


# a name, maybe a short apposition, then a verb in the past or present tense right before the
# quote opens ('Obama reflected, "', 'Fiona Lindsay, her agent for 25 years, said: "') or right
# after it closes ('," Lindsay asserts'): whatever the verb, it introduces the quote
_NAME = r"(?P<src>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
_FROM = r"(?:\s+(?:from|of)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})?"  # "Onn from Grimsby"
_NAME_VERB_BEFORE = re.compile(
    rf"{_NAME}{_FROM}(?:,[^,\"“”.!?;]{{3,60}},)?\s+(?:\w+ly\s+)?(?P<verb>said|told|wrote|[a-z]{{3,}}(?:ed|s))"
    r"(?:\s+[a-z]+){0,3}\s*[,:]\s*$")  # "shared her thoughts:", "told reporters:"
# a name and a participle of speech right before the quote, anywhere in its sentence
_NAME_SAYING_BEFORE = re.compile(rf"{_NAME}\s+(?P<verb>[a-z]{{3,}}ing)\s*[,:]\s*$")
_NAME_VERB_AFTER = re.compile(
    rf"\s*,?\s*{_NAME}\s+(?:\w+ly\s+)?(?P<verb>said|told|wrote|[a-z]{{3,}}(?:ed|s))\b")
# what may stand before the speaker's name in its sentence: nothing, or a short lead-in ("In
# contrast, MP Mel Onn posited"), not another name the apposition belongs to ("Jo Elson, head of
# the Money Advice Trust, which runs ..., said")
_LEAD_IN = re.compile(r"[\s\"”]*(?:[A-Z][a-z]*(?:\s+[a-z]+){0,3},\s*)?")


# past forms that do not end in -ed ("Rojas spoke in Santiago, saying:")
_IRREGULAR = ("spoke|said|told|wrote|took|gave|came|went|made|broke|won|lost|met|left|held|sent|"
              "kept|stood|sat|rose|fell|fought|thought|felt|found|brought|began|ran|struck")
# the sentence's subject, a verb, then a participle of speech right before the quote: 'Rojas
# conceded in a speech in Santiago, saying: "'
_SUBJECT_SAYING = re.compile(
    rf"[\s\"”]*{_NAME}\s+(?:\w+ly\s+)?(?P<verb>[a-z]{{3,}}(?:ed|s)|{_IRREGULAR})\b[^\"“”.!?;]{{0,100}},\s*"
    r"(?:saying|adding|declaring|stating|noting|insisting|warning|telling\s+[a-z]+)\s*[,:]?\s*")
# "he said" after the quote or "She said:" before it
_PRONOUN_AFTER = re.compile(r"\s*,?\s*(?:he|she)\s+(?:said|added|told|says|adds)\b")
_PRONOUN_BEFORE = re.compile(r"(?:He|She)\s+(?:said|added|told\s+[a-z]+|says|adds)\s*[,:]\s*$")
# a sentence that opens with a named speaker and a verb: "Molina conceded defeat in ..."
_OPENS_WITH_NAME = re.compile(
    rf"[\s\"”]*{_NAME}\s+(?:\w+ly\s+)?(?P<verb>[a-z]{{3,}}(?:ed|s)|{_IRREGULAR})\b")


def _pronoun_speaker(text: str, open_at: int, close_at: int, begin: int
                     ) -> tuple[str, Span] | None:
    """"he said" for the person the sentence before names as its subject, in the same
    paragraph ('Molina conceded defeat. "The people have spoken," he said.'); the quote's own
    sentence names no one else."""
    said = _PRONOUN_AFTER.match(text, close_at) or _PRONOUN_BEFORE.search(text, begin, open_at)
    if not said:
        return None
    begin = _sentence_start(text, open_at + 1)  # a sentence may open on the quote's mark
    if _NAME_ANYWHERE.search(text[begin:open_at]):
        return None  # another name in the quote's own sentence
    line = text.rfind("\n", 0, begin) + 1
    prev = _sentence_start(text, max(line, begin - 1)) if begin - 1 > line else None
    if prev is None or prev >= begin:
        return None
    m = _OPENS_WITH_NAME.match(text, prev, begin)
    if m and _named_verb(m) and _lone_person(m, text, prev, begin):
        he = re.search(r"\b[Hh]e\b", said.group()) is not None
        # another of that gender in the sentence ("lifted two titles under him"), or the
        # subject of the other ("Leo Hale suffered cuts to his arms. '...,' she said")
        other = r"\b(?:her|hers|herself|him)\b" if he else r"\b(?:his|him|himself|her)\b"
        if re.search(other, text[prev:begin]):
            return None
        return m.group("src"), m.span("src")
    return None


_NAME_ANYWHERE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+|\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z]")
# the last words of clubs and places named like people ("Harlow City", "Brenton Rovers")
_TEAM_WORDS = frozenset({"city", "united", "rovers", "town", "county", "fc", "athletic",
                         "wanderers", "club", "borough", "albion", "hotspur", "villa"})


def _lone_person(m: re.Match[str], text: str, start: int, end: int) -> bool:
    """The subject a speaker is read from is a person: named in full, or by a surname the
    text gives in full elsewhere ("Molina" after "Andrés Molina"); no possessive, no
    organisation's word ("Mendez's lawyers", "Molina supporters", "Detectives", "Nordfin");
    and the only person or body of its sentence ("Judge Helen Marsh sentenced Tom Reed":
    "he" may be either)."""
    name = m.group("src")
    words = name.split()
    if name.endswith(("'s", "’s")) or any(
            w.lower() in lexicon().org_words or w.lower() in COMMON_CAPITALISED
            or w.lower() in _TEAM_WORDS for w in words):
        return False
    if len(words) == 1 and not re.search(rf"\b[A-Z][\w'’-]+\s+{re.escape(name)}\b", text):
        return False
    others = [e for e in find_entities(text[start:end]) if e.type != "place"
              and not set(e.text.split()) & set(words)]
    return not others


def _named_verb(m: re.Match[str]) -> bool:
    """A name ("They stated", "The Alliance" are not) and a verb that may introduce speech."""
    first = m.group("src").split()[0].lower()
    return m.group("verb") not in _NOT_SPEECH and first not in COMMON_CAPITALISED


_OPENS_NEXT = re.compile(r"(?:\s+[a-z]+){0,3}\s*:")
_NOT_SPEECH = frozenset({"was", "has", "is", "does", "goes", "comes", "gets", "seems", "looks",
                         "needs", "wants", "plays", "runs", "makes", "takes", "gives", "lives",
                         "works", "led", "used", "needed", "wanted", "played", "seemed",
                         "looked", "worked", "lived", "this", "his", "its", "ways",
                         "being", "having", "during", "nothing", "something", "anything",
                         "everything", "morning", "evening", "thing", "king", "meeting",
                         "building", "spring", "following", "including", "according"})


def _trimmed(text: str, who: tuple[str, Span] | None) -> tuple[str, Span] | None:
    """The speaker as named, with the span of that name: without a following sentence an
    attribution pattern ran into ("Pavlos Retsinas. He warned")."""
    if who is None:
        return None
    name = _trimmed_name(who[0]).strip()
    s, e = who[1]
    at = text.find(name, max(0, s - 5), e + 5) if name else -1
    if at == -1:
        return None
    return name, (at, at + len(name))


def _trimmed_name(name: str) -> str:
    m = re.search(r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)\.\s", name)
    return name[:m.start()] if m else name


def find_quote_mentions(text: str) -> list[QuoteMention]:
    """Every quote of ``text`` of at least one word, with its speaker when one is named."""
    out: list[QuoteMention] = []
    for m in _QUOTE.finditer(text):
        s, e = m.span("q")
        words, spans = quote_words(m.group("q"), s)
        if not words:
            continue
        who = _trimmed(text, _speaker(text, m.start(), m.end()))
        last = out[-1] if out else None
        if who is None and last is not None and last.speaker and last.speaker_span:
            # "“A,” said X, head of Y. “B.”": B is X's too
            gap = text[last.span[1]:m.start()]
            if ("\n" not in gap and len(gap) <= 150 and last.speaker_span[0] > last.span[1]
                    and not _QUOTE.search(gap) and m.group("q")[:1].isupper()):
                who = (last.speaker, last.speaker_span)
        out.append(QuoteMention((s, e), m.group("q"), words, spans,
                                who[0] if who else None, who[1] if who else None))
    return out


def _has_word(quoted: str) -> bool:
    """Does a quote hold a word (as ``find_quote_mentions`` keeps only quotes that do)?"""
    return _TOKEN.search(quoted) is not None


@lru_cache(maxsize=4096)
def cut_quote_mention(text: str, min_chars: int = 8) -> QuoteMention | None:
    """The quote a text opens and never closes (a text cut mid-quote, as a truncated feed or a
    paywall cuts it), with its speaker: it still holds the start of what they said. A cut
    quote shorter than ``min_chars`` is left out (a stray mark, unless asked for)."""
    t = text.rstrip()
    curly, straight = t.rfind("“"), t.rfind('"')
    if curly > t.rfind("”") and len(t) - curly > min_chars and t[curly + 1:].strip():
        at = curly
    elif (straight >= 0 and len(t) - straight > min_chars and len(t) > straight + 1
          and not t[straight + 1].isspace()  # a mark before a space closes: 'it said."'
          and (straight == 0 or t[straight - 1] in " \t\n(:—–-")
          # past every quote the text closes: a quote continued in a new paragraph opens
          # twice and closes once, so counting the marks does not tell
          and all(m.end("q") < straight for m in _QUOTE.finditer(t) if _has_word(m.group("q")))):
        at = straight
    else:
        return None
    words, spans = quote_words(t[at + 1:], at + 1)
    who = _trimmed(text, _speaker(text, at, len(t)))
    return QuoteMention((at + 1, len(t)), t[at + 1:], words, spans,
                        who[0] if who else None, who[1] if who else None)


# ------------------------------------------------------------------------------ speakers
def _name_words(speaker: str | None) -> set[str]:
    if not speaker:
        return set()
    out = set()
    for w in re.findall(r"[^\W\d_][\w'’.-]*", speaker):
        if not w[:1].isupper():
            continue
        w = re.sub(r"['’]s$", "", reading_form(w)).strip(".")
        if w and w not in _TITLES and w not in COMMON_CAPITALISED:  # "He further added"
            out.add(w)
    return out


# words that end a body's name beside the lexicon's organisation words
_BODY_WORDS = frozenset({"alliance", "federation", "league", "coalition", "society", "front",
                         "movement", "group", "corporation", "company", "bank", "board",
                         "service", "forces", "army", "tribunal", "court"})


def _initials_of(short: str, name: str) -> bool:
    """Is ``short`` ("the NDU") one word in capitals that gives the initials of ``name``, a
    body's ("the National Dockworkers' Union"; never a person's: "the PM" is not Peter Marsh)?"""
    words = [w for w in short.split() if w.lower() != "the"]
    org = lexicon().org_words | _BODY_WORDS
    return (len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]) is not None
            and initials(name) == words[0] and any(
                re.sub(r"['’]s?$", "", w).lower() in org for w in name.split()))


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True when two speakers are one person (a shared name word or a close transliteration),
    False when both are named and share none, None when either names nobody."""
    na, nb = _name_words(a), _name_words(b)
    if not na or not nb:
        return None
    if _initials_of(a or "", b or "") or _initials_of(b or "", a or ""):
        return True  # "The NDU" / "The National Dockworkers' Union"
    for x in na:
        for y in nb:
            if x == y or (min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 80):
                return True
    return False


def _named_near(speaker: str, text: str, q: QuoteMention) -> bool:
    """Does the parent name the copy's speaker in the sentence of its quote ("said Papakostas,
    head of the civil protection agency": a copy that credits the agency has not reattributed
    it)?"""
    start = _sentence_start(text, q.span[0])
    end = max(q.span[1], q.speaker_span[1] if q.speaker_span else 0)
    stop = _SENTENCE_END.search(text, end)
    nl = text.find("\n", end)
    end = min(x for x in (stop.start() + 1 if stop else len(text), nl if nl != -1 else len(text)))
    around = reading_form(text[start:end])
    words = [w for w in quote_words(speaker)[0] if w not in _STOP and w not in _TITLES
             and len(w) > 2]
    return any(re.search(rf"\b{re.escape(w)}", around) for w in words)


# ------------------------------------------------------------------------------ comparison
def _run_in(needle: list[str], hay: list[str]) -> int:
    """Where ``needle`` stands as a contiguous run in ``hay``, or -1."""
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if hay[i:i + n] == needle:
            return i
    return -1


def _subsequence_blocks(c: list[str], p: list[str]) -> list[tuple[int, int, int]] | None:
    """Matching blocks (i in c, j in p, size) when ``c`` is ``p`` with words removed only."""
    sm = SequenceMatcher(None, p, c, autojunk=False)
    ops = sm.get_opcodes()
    if any(tag not in {"equal", "delete"} for tag, *_ in ops):
        return None
    blocks = [(b.b, b.a, b.size) for b in sm.get_matching_blocks() if b.size]
    if sum(size for *_, size in blocks) != len(c):
        return None
    return blocks


def _span_text(text: str, span: Span) -> str:
    return text[span[0]:span[1]]


def _cut_where(p: QuoteMention, j0: int, j1: int, inside: bool) -> str:
    ends = []
    if j0 > 0:
        ends.append("start")
    if j1 < len(p.words):
        ends.append("end")
    where = " and ".join(ends)
    if inside:
        where = f"inside{' and at the ' + where if where else ''}"
    return where or "inside"


def _quote(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def _removed(p: QuoteMention, parent_text: str, kept: list[tuple[int, int]]) -> list[str]:
    """The runs of parent words the copy left out, as text."""
    out: list[str] = []
    pos = 0
    for j, size in kept + [(len(p.words), 0)]:
        if j > pos:
            out.append(parent_text[p.word_spans[pos][0]:p.word_spans[j - 1][1]])
        pos = j + size
    return out


def _compare_one(c: QuoteMention, copy_text: str, cands: list[QuoteMention], parent_text: str,
                 article: int, versus: int) -> list[QuoteChange]:
    def change(kind: str, p: QuoteMention, explanation: str, **kw: object) -> QuoteChange:
        return QuoteChange(article, versus, kind, c.text, c.span, p.text, p.span, explanation,
                           c.speaker, c.speaker_span, p.speaker, p.speaker_span,
                           **kw)  # type: ignore[arg-type]

    out: list[QuoteChange] = []
    whole = next((p for p in cands if p.words == c.words), None)
    base: QuoteMention | None = whole
    if whole is None:
        for p in sorted(cands, key=lambda p: len(p.words)):
            blocks = _subsequence_blocks(c.words, p.words)
            if blocks is None or len(p.words) == len(c.words):
                continue
            if len(blocks) > 1 and (len(blocks) > 3 or min(b[2] for b in blocks) < 2):
                continue  # scattered words are not a quote cut, they are another sentence
            inside = len(blocks) > 1
            gaps = [p.words[a[1] + a[2]:b[1]] for a, b in zip(blocks, blocks[1:], strict=False)]
            if any(_NEGATION & set(g) for g in gaps):
                continue  # a negation taken out turns the statement round: altered, not cut
            j0, j1 = blocks[0][1], blocks[-1][1] + blocks[-1][2]
            where = _cut_where(p, j0, j1, inside)
            marked = inside and all(
                _ELLIPSIS.search(copy_text[c.word_spans[b[0] - 1][1]:c.word_spans[b[0]][0]])
                for b in blocks[1:])
            gone = _removed(p, parent_text, [(b[1], b[2]) for b in blocks])
            explanation = (f"the copy quotes {len(c.words)} of the {len(p.words)} words of the "
                           f"parent's quote; words removed at the {where}"
                           if not inside else
                           f"the copy quotes {len(c.words)} of the {len(p.words)} words of the "
                           f"parent's quote as one; words removed {where}"
                           + (" (marked with an ellipsis)" if marked else " (not marked)"))
            if gone:
                explanation += ": " + "; ".join(_quote(g) for g in gone[:3])
            out.append(change("cut", p, explanation, cut=where + (" (marked)" if marked else "")))
            base = p
            break
    if base is None:
        runs = _splice(c, cands, parent_text, copy_text)
        if runs == []:
            return out  # one statement across "he said": neither a splice nor an alteration
        if runs is not None:
            parts = [r[0] for r in runs]
            pieces = "; ".join(
                f"{_quote(copy_text[c.word_spans[i][0]:c.word_spans[j - 1][1]])} (from "
                + (f"{p.speaker}'s quote" if p.speaker else "another quote") + ")"
                for p, i, j in runs)
            speakers = [p.speaker for p in parts if p.speaker]
            mixed = any(same_speaker(speakers[0], s) is False for s in speakers[1:])
            out.append(change("spliced", parts[0],
                              f"the copy joins parts of {len(parts)} separate quotes of the parent"
                              f"{' by different speakers' if mixed else ''} as one: {pieces}",
                              versus_parts=[p.span for p in parts],
                              versus_part_speakers=[p.speaker for p in parts]))
            return out
        altered = _altered(c, cands, copy_text, parent_text)
        if altered is not None:
            p, explanation = altered
            out.append(change("altered", p, explanation))
            base = p
    if base is not None and c.speaker and base.speaker and c.speaker_span and base.speaker_span:
        if same_speaker(c.speaker, base.speaker) is False and not _named_near(
                c.speaker, parent_text, base):
            out.append(change("reattributed", base,
                              f"the parent gives these words to {base.speaker}; the copy gives "
                              f"them to {c.speaker}"))
    return out


def _splice(c: QuoteMention, cands: list[QuoteMention], parent_text: str,
            copy_text: str) -> list[tuple[QuoteMention, int, int]] | None:
    """The parent quotes a quote joins, with the run of the copy's words (``c.words[i:j]``) each
    gives, when the quote is a run of one followed by a run of another (at most one joining
    word between), each run at least ``_MIN_PART`` words; an empty list when the runs come, in
    order, from one statement split only by an attribution ("“A,” he said. “B.”")."""
    if len(cands) < 2:
        return None
    runs: list[tuple[QuoteMention, int, int]] = []
    i = 0
    glue = 0
    while i < len(c.words):
        best: tuple[int, QuoteMention] | None = None
        for p in cands:
            for j in range(len(p.words)):
                n = 0
                while (i + n < len(c.words) and j + n < len(p.words)
                       and c.words[i + n] == p.words[j + n]):
                    n += 1
                if n and (best is None or n > best[0]):
                    best = (n, p)
        if best is None or best[0] < _MIN_PART:
            if runs and glue == 0 and i + 1 < len(c.words):
                glue += 1  # "and", "but": one joining word between two parts
                i += 1
                continue
            return None
        glue = 0
        if runs and runs[-1][0] is best[1]:
            return None  # two runs of one quote: a cut inside, not a splice
        runs.append((best[1], i, i + best[0]))
        i += best[0]
    parts = [r[0] for r in runs]
    if len(parts) < 2 or len({id(p) for p in parts}) < len(parts):
        return None
    for (p1, i1, j1), (p2, i2, j2) in zip(runs, runs[1:], strict=False):
        if _run_in(c.words[i2:j2], p1.words) != -1 or _run_in(c.words[i1:j1], p2.words) != -1:
            return None  # the parent says these words in both quotes: not proof of a splice
    if sorted(parts, key=lambda p: p.span) == parts and all(
            _continued(x, y, parent_text) for x, y in zip(parts, parts[1:], strict=False)) and all(
            not _left_out_between(r1, r2, c, copy_text)
            for r1, r2 in zip(runs, runs[1:], strict=False)):
        return []  # one statement split by "he said", joined again in order: not a splice
        # (unless words are left out unmarked where the parts meet: "A. They will be punished"
        # for "A," he said. "We will find out who is responsible and they will be punished.")
    return runs


def _left_out_between(r1: tuple[QuoteMention, int, int], r2: tuple[QuoteMention, int, int],
                      c: QuoteMention, copy_text: str) -> bool:
    """Words of the statement left out where two of its parts meet in the copy, three or
    more ("And", "but" dropped are no splice), with no ellipsis marking the cut."""
    (p1, i1, j1), (p2, i2, j2) = r1, r2
    after = len(p1.words) - (_run_in(c.words[i1:j1], p1.words) + (j1 - i1))
    before = _run_in(c.words[i2:j2], p2.words)
    marked = _ELLIPSIS.search(copy_text[c.word_spans[j1 - 1][1]:c.word_spans[i2][0]])
    return after + before >= 3 and not marked


def _continued(a: QuoteMention, b: QuoteMention, text: str) -> bool:
    gap = text[a.span[1]:b.span[0]]
    if "\n" in gap or len(gap) > 120:
        return False
    return same_speaker(a.speaker, b.speaker) is not False


def _altered(c: QuoteMention, cands: list[QuoteMention], copy_text: str,
             parent_text: str) -> tuple[QuoteMention, str] | None:
    """The parent quote a quote restates with words changed, added or replaced, and how."""
    best: tuple[float, QuoteMention, SequenceMatcher[str]] | None = None
    for p in cands:
        sm = SequenceMatcher(None, p.words, c.words, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        same = sum(b.size for b in blocks)
        if not blocks or max(b.size for b in blocks) < 3:
            continue
        # the copy's quote must be mostly the parent's words (a partial quote of a long
        # statement is measured against the part it covers)
        lo, hi = blocks[0].a, blocks[-1].a + blocks[-1].size
        share = same / max(len(c.words), hi - lo)
        if share < 0.6:
            continue
        if best is None or share > best[0]:
            best = (share, p, sm)
    if best is None:
        return None
    _, p, sm = best
    edits: list[str] = []
    negated = False
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete" and (j1 == 0 or j1 == len(c.words)):
            continue  # words outside the part quoted: a partial quote, not a change
        was = _span_text(parent_text, (p.word_spans[i1][0], p.word_spans[i2 - 1][1])) if i2 > i1 \
            else ""
        now = _span_text(copy_text, (c.word_spans[j1][0], c.word_spans[j2 - 1][1])) if j2 > j1 \
            else ""
        if tag == "replace":
            edits.append(f"{_quote(was)} became {_quote(now)}")
        elif tag == "insert":
            edits.append(f"{_quote(now)} added")
        else:
            edits.append(f"{_quote(was)} removed")
            negated = negated or bool(_NEGATION & set(p.words[i1:i2]))
    if not any(" became " in e or " added" in e for e in edits) and not negated:
        return None  # only removals: a cut the cut rules did not accept (scattered words)
    return p, "words inside the quote changed: " + "; ".join(edits[:4])


# ------------------------------------------------------------------------------ pairs, stories
def _oriented(al: Alignment | None, parent: int) -> list[tuple[Span, Span]]:
    """(parent span, copy span) of each aligned pair."""
    if al is None:
        return []
    if al.a == parent:
        return [(p.a_span, p.b_span) for p in al.pairs]
    return [(p.b_span, p.a_span) for p in al.pairs]


def _grams(words: list[str], n: int = 3) -> set[tuple[str, ...]]:
    """The runs of ``n`` words of a quote that are not all stop words."""
    return {g for g in (tuple(words[i:i + n]) for i in range(len(words) - n + 1))
            if not set(g) <= _STOP}


def compare_quotes(parent: Article, copy: Article, alignment: Alignment | None = None,
                   parent_quotes: list[QuoteMention] | None = None,
                   copy_quotes: list[QuoteMention] | None = None) -> list[QuoteChange]:
    """What ``copy`` did to the quotes of ``parent``: its quotes set against the parent's quotes
    in the passages aligned with them, or that share runs of three words with them (at most the
    six that share most)."""
    pid = parent.id if parent.id is not None else -1
    cid = copy.id if copy.id is not None else -1
    pq = find_quote_mentions(parent.text) if parent_quotes is None else parent_quotes
    cq = find_quote_mentions(copy.text) if copy_quotes is None else copy_quotes
    if not pq or not cq:
        return []
    pairs = _oriented(alignment, pid)
    index: dict[tuple[str, ...], list[int]] = {}
    for k, p in enumerate(pq):
        for g in _grams(p.words):
            index.setdefault(g, []).append(k)
    out: list[QuoteChange] = []
    for c in cq:
        if len(c.words) < _MIN_WORDS:
            continue
        shared: Counter[int] = Counter()
        for g in _grams(c.words):
            shared.update(index.get(g, ()))
        aligned = [ps for ps, cs in pairs if spans_overlap(cs, c.span)]
        near = {k for k, p in enumerate(pq) if any(spans_overlap(p.span, ps) for ps in aligned)}
        # the parent quotes that share most of its word runs (then the nearest): a bound on the
        # work per quote when a text repeats one quote hundreds of times
        ranked = sorted(set(shared) | near,
                        key=lambda k: (-shared[k], abs(pq[k].span[0] - c.span[0])))
        cands = [pq[k] for k in sorted(ranked[:_MAX_CANDIDATES])]
        if not cands:
            continue
        out.extend(_compare_one(c, copy.text, cands, parent.text, cid, pid))
    return out


def quote_changes(articles: Sequence[Article], derivations: Iterable[Derivation],
                  alignments: Sequence[Alignment]) -> list[QuoteChange]:
    """Quote changes of every derived article of a story against its traced parent (the article
    its changes are computed against, ``claims.story.versus_of``)."""
    from wiretrace.claims.story import versus_of

    by_id = {a.id: a for a in articles if a.id is not None}
    quotes = {i: find_quote_mentions(a.text) for i, a in by_id.items()}
    found = {frozenset((al.a, al.b)): al for al in alignments}
    out: list[QuoteChange] = []
    for art, parent in sorted(versus_of(list(articles), list(derivations)).items()):
        out.extend(compare_quotes(by_id[parent], by_id[art], found.get(frozenset((art, parent))),
                                  quotes[parent], quotes[art]))
    return out
