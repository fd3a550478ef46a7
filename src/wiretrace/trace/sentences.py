"""Sentences and word tokens with character offsets into the text they come from.

Sentences come from syntok (right on "U.S." and "Jan. 24"), run line by line so that a line
without final punctuation (a heading, an injected "See also" link, a credit line) stays a
sentence of its own instead of being glued to the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import syntok.segmenter as segmenter

from wiretrace.model import Span

__all__ = [
    "INVISIBLE", "Token", "split_sentences", "tokens", "STOPWORDS", "content_words", "zipf",
]

# characters that print nothing: soft hyphen, zero-width space, word joiner, byte-order mark
INVISIBLE = "\u00ad\u200b\u2060\ufeff"

# a soft hyphen (U+00AD, a line-break hint) inside a word is part of the word, and not read
_WORD = re.compile(r"\w+(?:[.,'’\u00ad]\w+)*", re.UNICODE)
_LINE = re.compile(r"[^\n]+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say told
    tell according mr mrs ms one two new last first week year years time may might must shall
    """.split()
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word (lower-cased in ``norm``) and its character span in the text."""

    norm: str
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """Sentence spans ``(start, end)`` into ``text``, in order, without surrounding whitespace."""
    return list(_split_cached(text))


@lru_cache(maxsize=2048)
def _split_cached(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        base = line.start()
        chunk = line.group()
        if not chunk.strip():
            continue
        try:
            found = _syntok_spans(chunk)
        except Exception:  # syntok is robust, but never let one odd line sink an alignment
            found = []
        if not found:
            found = [(0, len(chunk))]
        for s, e in found:
            s, e = _strip(chunk, s, e)
            if e > s:
                spans.append((base + s, base + e))
    return tuple(spans)


def _syntok_spans(chunk: str) -> list[Span]:
    out: list[Span] = []
    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            toks = [t for t in sentence if t.value]
            if not toks:
                continue
            start = toks[0].offset
            end = toks[-1].offset + len(toks[-1].value)
            start = max(0, min(start, len(chunk)))
            end = max(start, min(end, len(chunk)))
            if out and _continues(chunk, out[-1][1], start):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


def _continues(chunk: str, prev_end: int, start: int) -> bool:
    """A fragment after a dateline ("WASHINGTON (AP) — The ...") or in lower case continues."""
    head = chunk[start : start + 1]
    tail = chunk[max(0, prev_end - 1) : prev_end]
    return bool(head) and (head in "—–-" or head.islower()) and tail not in ".!?"


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(m.group().lower().replace("’", "'").replace("\u00ad", ""), m.start(), m.end())
        for m in _WORD.finditer(text, start, stop)
    ]


def content_words(toks: list[Token]) -> list[str]:
    """Words that carry content: not stop words; numbers kept; a crude plural folding."""
    out: list[str] = []
    for t in toks:
        w = t.norm
        if w in STOPWORDS or (len(w) < 3 and not w[0].isdigit()):
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is: log10 of its frequency per billion words (wordfreq):
    "the" about 7.7, "said" 6.2, "spate" 3.2, "rubella" 2.5, an unknown word 0."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a default dependency
        return 0.0
    return float(zipf_frequency(word, "en"))
