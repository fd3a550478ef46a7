"""Titles of articles that come without one: whether the first line of a plain text reads as a
headline, and a title derived from the first sentence of the article when it does not.

A headline is short (at most 25 words, 160 characters), has no sentence-final full stop, comma,
colon or dash at the end, holds one sentence, is not a byline ("By ..."), not page chrome
("Subscribe", "5-Day Forecast", a date, "(68102)") and not other residue ("Credited from:
OUTLET"). Anything else is the start of the article.
"""

from __future__ import annotations

import re

from wiretrace.ingest.chrome import is_chrome_line
from wiretrace.ingest.text_lines import Line, sentence_spans, split_lines

__all__ = ["TITLE_LABEL", "derive_title", "is_furniture", "reads_as_headline"]

HEADLINE_MAX_CHARS = 160
HEADLINE_MAX_WORDS = 25
DERIVED_MAX_CHARS = 120

_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?][\"”’)]?\s+[\"“(]?[A-Z]")
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sgt|Lt|Col|Gen|Capt|Gov|Sen|Rep|Rev|St|Jr|Sr|Prof|Insp|Supt|Cpl|Maj|"
    r"No|Nos|Vol|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)
# a label some texts put in front of their headline
TITLE_LABEL = re.compile(r"^(?:title|headline)\s*:\s*(?=\S)", re.I)
_BYLINE = re.compile(r"^(?:by|from|written by|posted by)\s+\S", re.I)


def reads_as_headline(line: str) -> bool:
    """True when one line of text reads as the headline of an article."""
    t = line.strip().lstrip("#").strip()
    words = t.split()
    if not words or len(t) > HEADLINE_MAX_CHARS or len(words) > HEADLINE_MAX_WORDS:
        return False
    if not re.search(r"[^\W\d_]{3}", t):
        return False
    if t.endswith((".", ",", ";", ":", "-", "–", "—")) and not t.endswith("..."):
        return False
    if _SENTENCE_BREAK.search(t) or _BYLINE.match(t) or is_chrome_line(t):
        return False
    if _is_residue(t):  # "Credited from: Coast Herald", "Key Takeaways:", "Related content"
        return False
    first = t.lstrip("\"'“‘([")[:1]
    return first.isupper() or first.isdigit()


def is_furniture(line: str) -> bool:
    """Page chrome or other residue ("Credited from: OUTLET"): never a title, looked past."""
    return is_chrome_line(line) or _is_residue(line)


def _is_residue(line: str) -> bool:
    from wiretrace.ingest.residue import find_residue

    return any(c.start == 0 and c.end >= len(line) for c in find_residue(line))


def derive_title(text: str) -> str | None:
    """A title for an article without one: its first line when that reads as a headline, else
    its first sentence (cut at a word boundary past ``DERIVED_MAX_CHARS`` with "…"). Chrome
    lines are skipped. None when the text has no words."""
    for line in split_lines(text)[:20]:
        if is_chrome_line(line.text) or _is_residue(line.text):
            continue
        if reads_as_headline(line.text):
            return TITLE_LABEL.sub("", line.text.lstrip("#").strip())
        return _first_sentence(line)
    return None


def _first_sentence(line: Line) -> str | None:
    spans = sentence_spans(line)
    sentence = ""
    joined: list[tuple[int, int]] = []
    for start, end in spans:  # "RCMP Sgt." ends no sentence: join it to the next
        if joined and _ABBREVIATION.search(line.text[: joined[-1][1] - line.start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    for start, end in joined:
        sentence = line.text[start - line.start : end - line.start].strip()
        # a label in front of the story ("Breaking News:", "UPDATE:") is not its title
        label = sentence.endswith(":") and len(sentence.split()) <= 3
        if not (label or is_chrome_line(sentence)):
            break
    if not re.search(r"[^\W\d_]", sentence):
        return None
    sentence = sentence.rstrip(" :;,-–—")
    if len(sentence) <= DERIVED_MAX_CHARS:
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    cut = sentence.rfind(" ", 0, DERIVED_MAX_CHARS)
    return sentence[: cut if cut > 40 else DERIVED_MAX_CHARS].rstrip(" ,;:-–—") + "…"
