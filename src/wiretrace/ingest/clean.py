"""The clean stage: raw extracted text -> working text plus typed artefacts.

Residue found after extraction (injected "See also" lines, comment forms, copyright notices,
photo credits, editor initials, share prompts, aggregator headers, pasted source links, a
repeated title, leftover words of a language model) becomes an ``Artefact`` with exact offsets
into the raw text (``raw_text[a.start:a.end] == a.text``) and is removed from the working text.
A mangled dateline ("Nigeria's LAGOSThe military said") is recorded as a ``dateline_repair``
artefact and replaced in the working text by a clean form ("LAGOS, Nigeria — The military
said"). The working text keeps paragraphs separated by a blank line.

The rules live in ``residue`` and ``dateline``; this module resolves overlaps and builds the
working text. It is deterministic and never raises on any string.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from wiretrace.ingest.chrome import CHROME_KINDS
from wiretrace.ingest.dateline import find_dateline_repair
from wiretrace.ingest.residue import Candidate, find_residue, split_lines
from wiretrace.model import Artefact

__all__ = ["ARTEFACT_KINDS", "Cleaned", "Repair", "clean"]

ARTEFACT_KINDS = (
    "see_also",
    "comment_form",
    "copyright",
    "image_credit",
    "editor_initials",
    "related_content",
    "share_prompt",
    "aggregator_header",
    "source_line",
    "repeated_title",
    "llm_meta_text",
    "advertisement",
    *CHROME_KINDS,
    "byline",
    "dateline_repair",
)

_DATELINE_LINES = 3  # a dateline is looked for at the start of the first few paragraphs


@dataclass(slots=True, frozen=True)
class Repair:
    """A span of the raw text replaced (not removed) in the working text."""

    start: int
    end: int
    text: str
    replacement: str


@dataclass(slots=True)
class Cleaned:
    text: str  # the working text: residue removed, mangled datelines repaired
    artefacts: list[Artefact] = field(default_factory=list)  # offsets into raw_text
    repairs: list[Repair] = field(default_factory=list)  # the dateline_repair artefacts' fixes


def clean(raw_text: str, title: str | None = None) -> Cleaned:
    """Find the residue in ``raw_text`` and build the working text without it."""
    accepted = _resolve(find_residue(raw_text, title))
    repairs = _dateline_repairs(raw_text, accepted)
    accepted.extend(Candidate("dateline_repair", r.start, r.end) for r in repairs)
    accepted.sort(key=lambda c: (c.start, c.end))
    artefacts = [Artefact(c.kind, c.start, c.end, raw_text[c.start : c.end]) for c in accepted]
    return Cleaned(_working_text(raw_text, accepted, repairs), artefacts, repairs)


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: by priority, then the longer span, then the earlier one."""
    kept: list[Candidate] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for c in sorted(candidates, key=lambda c: (c.priority, c.start - c.end, c.start, c.kind)):
        if c.end <= c.start:
            continue
        k = bisect.bisect_left(starts, c.start)
        if k > 0 and kept[k - 1].end > c.start:
            continue
        if k < len(kept) and kept[k].start < c.end:
            continue
        kept.insert(k, c)
        starts.insert(k, c.start)
    return kept


def _dateline_repairs(raw: str, residue: list[Candidate]) -> list[Repair]:
    repairs: list[Repair] = []
    residue = sorted(residue, key=lambda c: c.start)  # non-overlapping
    starts = [c.start for c in residue]
    looked = 0
    for line in split_lines(raw):
        if looked >= _DATELINE_LINES:
            break
        start = line.start
        # skip residue at the start of the line (an opener sentence, a whole residue line)
        while True:
            k = bisect.bisect_right(starts, start) - 1
            if k >= 0 and residue[k].start <= start < residue[k].end:
                start = residue[k].end
            elif start < line.end and raw[start].isspace():
                start += 1
            else:
                break
        if start >= line.end:
            continue
        looked += 1
        found = find_dateline_repair(raw[start : line.end])
        if found is None:
            continue
        s, e = start + found.start, start + found.end
        # the mangled span itself, without trailing blanks
        while e > s and raw[e - 1].isspace():
            e -= 1
        k = bisect.bisect_left(starts, e)
        if k > 0 and residue[k - 1].end > s:
            continue
        repairs.append(Repair(s, e, raw[s:e], found.replacement.rstrip() + " "))
    return repairs


_SPACES = re.compile(r"[^\S\n]+")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.;:!?])")


def _working_text(raw: str, spans: list[Candidate], repairs: list[Repair]) -> str:
    replacement = {(r.start, r.end): r.replacement for r in repairs}
    out: list[str] = []
    removed_at: list[int] = []  # offsets in the joined text where something was removed
    size = 0
    pos = 0
    for c in spans:
        out.append(raw[pos : c.start])
        size += c.start - pos
        new = replacement.get((c.start, c.end))
        if new is None:
            removed_at.append(size)
            new = " "
        out.append(new)
        size += len(new)
        pos = c.end
    out.append(raw[pos:])
    joined = "".join(out)
    paragraphs: list[str] = []
    offset = 0
    marks = iter(removed_at)
    mark = next(marks, None)
    for line in joined.split("\n"):
        end = offset + len(line)
        touched = False
        while mark is not None and mark <= end:
            touched = touched or mark >= offset
            mark = next(marks, None)
        tidy = _SPACES.sub(" ", line).strip()
        if touched:
            tidy = _SPACE_BEFORE_PUNCT.sub(r"\1", tidy)
            if not any(ch.isalnum() for ch in tidy):
                tidy = ""
        if tidy:
            paragraphs.append(tidy)
        offset = end + 1
    return "\n\n".join(paragraphs)
