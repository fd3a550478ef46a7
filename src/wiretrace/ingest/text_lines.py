"""The lines of an extracted text and the residue candidates found in them, with the helpers
every residue rule shares (sentence spans, speech detection, normalised comparison)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "NOTICE_MAX",
    "QUOTES",
    "SAID",
    "SHORT",
    "Candidate",
    "Line",
    "normalized",
    "reads_like_speech",
    "sentence_spans",
    "split_lines",
    "whole_line",
    "word_count",
]

# Residue lines are short; story paragraphs are not. Rules that look at a whole line stay under
# these lengths.
SHORT = 200
NOTICE_MAX = 600  # copyright notices may run long


@dataclass(slots=True, frozen=True)
class Line:
    """A non-blank line of the raw text: ``start``/``end`` bound its stripped content."""

    index: int  # position among non-blank lines
    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Candidate:
    kind: str
    start: int
    end: int
    priority: int = 5  # lower wins when candidates overlap


def split_lines(raw: str) -> list[Line]:
    """The non-blank lines of ``raw`` with offsets of their stripped content."""
    lines: list[Line] = []
    pos = 0
    for chunk in raw.split("\n"):
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = pos + lead
            lines.append(Line(len(lines), start, start + len(stripped), stripped))
        pos += len(chunk) + 1
    return lines


# --- helpers -----------------------------------------------------------------------------------

QUOTES = '"“”«»„'
SAID = re.compile(r"\b(?:said|says|told|according to|stated|added|announced)\b", re.I)


def reads_like_speech(text: str) -> bool:
    return any(q in text for q in QUOTES) or bool(SAID.search(text))


def normalized(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def word_count(text: str) -> int:
    return len(text.split())


def whole_line(kind: str, line: Line, priority: int = 5) -> Candidate:
    return Candidate(kind, line.start, line.end, priority)


# the end mark is matched, not looked behind for (a lookbehind is tried at every character)
_SIMPLE_END = r"(?P<mark>[.!?:])(?:(?<=:)|[\"”’)]?)\s+(?=[\"“(]?[A-Z0-9])"
_SENTENCE_END = re.compile(_SIMPLE_END)
# a separator inside a line ("... --- Feel free ...") stands alone; "paragraph:So" splits
# (a slower pattern, used on the lines that hold one of these)
_SENTENCE_END_EXTRA = re.compile(
    _SIMPLE_END
    + r"|\s+(?=(?:[-*_=~]){3,}(?:\s|$))|(?<=[-*_=~]{3})\s+|(?<=[a-z]:)(?=[A-Z][a-z])"
    + r"|(?<=[.!?][\"”])(?=[A-Z][a-z]*\s)"  # 'to default."I aimed to': a quote glued to the next
)
_EXTRA_HINT = re.compile(r"[-*_=~]{3}|[a-z]:[A-Z]|[.!?][\"”][A-Z]")


def sentence_spans(line: Line) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of one line, split simply on end punctuation."""
    spans: list[tuple[int, int]] = []
    pos = 0
    pattern = _SENTENCE_END_EXTRA if _EXTRA_HINT.search(line.text) else _SENTENCE_END
    for m in pattern.finditer(line.text):
        if m.group("mark") == ":" and not re.match(r":\s+[\"“(]?[A-Z]", line.text[m.start() :]):
            continue  # after a colon only a capital letter starts a sentence, not a digit
        end = m.start() + 1 if m.group("mark") else m.start()
        # keep a closing quote/bracket with its sentence
        while end < len(line.text) and line.text[end] in '"”’)':
            end += 1
        spans.append((line.start + pos, line.start + end))
        pos = m.end()
    spans.append((line.start + pos, line.end))
    return [(s, e) for s, e in spans if e > s]
