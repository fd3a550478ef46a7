"""Lines of a text that are not the story: page chrome, bylines, credits, notices, time stamps.

Ingest removes the residue it recognises from the working text, but a text compared directly
(``wiretrace compare``, an article whose page chrome ingest missed) may still carry it. A change
whose words lie in such a line is never a change of the story ("Order Reprint" is no addition,
"Updated 9:06 AM" against "Updated 09/14/2013 01:03 PM" is no changed figure). The kinds are the
ingest residue kinds (``wiretrace.ingest.residue``) plus time-stamp and byline lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["artefact_spans", "chrome_name", "headline_line", "in_artefact", "in_title_run"]

_STAMP = re.compile(r"^\s*(?:(?:last\s+)?updated|posted|published|first published|modified|"
                    r"edited)\b"
                    r"[\s:,]*[\w ,:/.+-]{0,60}$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:by|from|source|credit|photo|image|via)\s*:?\s+[\w.&'’ -]{2,60}$",
                     re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
# a line that is only a date or a time ("11 / 09 / 2010", "Mon Dec 19 03:49 PM")
_DATE_ONLY = re.compile(r"^[\d\s/.:,-]*(?:(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|"
                        r"jul|aug|sep|oct|nov|dec)[a-z]*\.?|am|pm|a\.m\.|p\.m\.|gmt|utc|e[sd]t|"
                        r"[\d\s/.:,-]+)*$", re.IGNORECASE)
_MAX_LINE = 160
# a time stamp inside a line ("Fall kills climber Last updated 13:26 14/09/2013", "16 September
# 2013 Last updated at 12:42 GMT Briton dies"): the cue, then dates and times, at least one of
# them a clock time or a numeric date
_WHEN = (r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,4}|gmt|utc|bst|"
         r"cet|[ecmp][sd]?t|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|"
         r"oct|nov|dec)[a-z]*\.?)")
_STAMP_INLINE = re.compile(
    rf"\b(?:(?:last\s+)?updated|posted|published|modified)(?:\s+(?:at|on))?\s*:?\s*"
    rf"(?=[^\n]{{0,30}}?(?:\d{{1,2}}:\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}))"
    rf"{_WHEN}(?:[\s,]+{_WHEN})*\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _stamp_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _STAMP_INLINE.finditer(text))


@lru_cache(maxsize=256)
def artefact_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` that are page residue: each a whole line (or the ingest candidate)."""
    from wiretrace.ingest.chrome import chrome_kind
    from wiretrace.ingest.residue import find_residue

    spans = [(c.start, c.end) for c in find_residue(text)] + list(_stamp_spans(text))
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or len(line) > _MAX_LINE:
            continue
        if chrome_kind(line) or _STAMP.match(line) or _DATE_ONLY.match(line) or (
                _BYLINE.match(line) and not line.rstrip().endswith((".", "?", "!", "”", '"'))):
            spans.append((m.start(), m.end()))
    return tuple(sorted(spans))


def in_artefact(text: str, span: tuple[int, int] | None) -> bool:
    """Does ``span`` of ``text`` lie in a residue line, or start inside a time stamp ("GMT
    Briton" read as a name from "updated at 12:42 GMT Briton dies"), or hold a page's notice
    (``_quoted_notice``)?"""
    if not span:
        return False
    s, e = span
    if any(a <= s < b for a, b in _stamp_spans(text)):
        return True
    return any(a <= s and e <= b + 1 for a, b in artefact_spans(text)) or _quoted_notice(
        text[s:e])


def _quoted_notice(words: str) -> bool:
    """A page's notice of four words or more taken into a sentence, in quotes or not ('---
    "Media playback is not supported on this device," but let's dive in'): a rewrite that kept
    the chrome of its source's page, not a claim."""
    from wiretrace.ingest.chrome import chrome_kind

    notice = words.strip(" \t\n\"“”‘’'.,;:-—")
    return len(notice.split()) >= 4 and chrome_kind(notice) is not None


def headline_line(text: str, pos: int) -> bool:
    """Is ``pos`` in a short line without sentence punctuation whose words are mostly
    capitalised (a headline, a caption, a section label), or in the text's first line when it
    is short and unpunctuated (a headline in sentence case: "Three dead after fire-bomb hits
    bank")? Its words are no claim a copy adds."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:len(text) if end < 0 else end].strip()
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if 0 < len(words) <= 4 and line.endswith(":") and all(w[:1].isupper() for w in words):
        return True  # a section heading ("Critical Analysis:", "Key Takeaways:")
    if not words or len(words) > 14 or line.endswith((".", "?", "!", ":", "”", '"')):
        return False
    if not text[:start].strip():
        return True  # the first line
    caps = sum(1 for w in words if w[:1].isupper())
    small = sum(1 for w in words if w.lower() in {"a", "an", "the", "of", "in", "on", "at", "to",
                                                  "for", "and", "or", "by", "with", "from"})
    return caps >= 0.75 * (len(words) - small)


_TITLE_TOKEN = re.compile(r"[^\W_][\w'’&.-]*|[^\w\s'’&.-]+")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
                          "by", "with", "from", "as", "vs", "via"})
_TITLE_AT_START = 8  # capitalised words of a run opening a line (a headline fused with the lead)
_TITLE_ANYWHERE = 10  # ... of a run elsewhere in a line


def _title_runs(line: str) -> list[tuple[int, int, int]]:
    """Runs of words in title case: (start, end, capitalised words). Lower-case small words may
    sit between capitalised ones; a weekday or a month, capitalised in any sentence, ends a run;
    punctuation ends a run, but for a kicker's colon among a line's first three words ("South
    Africa: P2P Control Helps ...")."""
    runs: list[tuple[int, int, int]] = []
    start = end = caps = small = words = 0
    for m in _TITLE_TOKEN.finditer(line):
        tok = m.group()
        if (tok[:1].isupper() and tok.lower().rstrip(".") not in _STAMP_WORDS) or (
                tok[:1].isdigit() and any(c.isupper() for c in tok)):
            if not caps:
                start = m.start()
            caps, small, end, words = caps + 1, 0, m.end(), words + 1
            continue
        if caps and tok.lower() in _TITLE_SMALL and small < 2:
            small, words = small + 1, words + 1
            continue
        if caps and tok == ":" and start == 0 and words <= 3:
            continue
        if caps:
            runs.append((start, end, caps))
        caps = small = words = 0
    if caps:
        runs.append((start, end, caps))
    return runs


def in_title_run(text: str, span: tuple[int, int] | None) -> bool:
    """Does ``span`` start in a long run of title-case words: a headline fused with the lead
    ("Anti Piracy Ops by INS Sukanya Indian Naval Ship Sukanya, presently deployed ...") or a
    headline too long for :func:`headline_line`? A name or a title and name ("Former New York
    City Mayor Michael Bloomberg") is shorter."""
    if not span:
        return False
    lo = text.rfind("\n", 0, span[0]) + 1
    hi = text.find("\n", span[0])
    line = text[lo:len(text) if hi < 0 else hi]
    lead = len(line) - len(line.lstrip())
    for s, e, caps in _title_runs(line):
        need = _TITLE_AT_START if s <= lead else _TITLE_ANYWHERE
        if caps >= need and lo + s <= span[0] < lo + e:
            return True
    return False


# words of a time stamp or its cue: a "name" made only of them is no claim ("PM BST", "Found
# March", "Updated Monday")
_STAMP_WORDS = frozenset(
    "am pm a.m p.m gmt utc bst cet cest ist est edt cst cdt mst mdt pst pdt et "
    "posted updated found published modified edited last first "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|GMT|UTC|BST|IST|[ECMP][SD]T)|"
                    r"\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_AGENCY_AFTER = re.compile(r"\s+(?:news\s+)?(?:agency|wire service|news service)\b", re.I)


# a label's last word that asks for a code, and the code after its colon, to the line's end
_FIELD_WORDS = frozenset({"id", "code", "passcode", "password", "pin", "number", "no",
                          "ext", "extension"})
_FIELD_VALUE = re.compile(r"[ \t]*:[ \t]*[#+]?\d[\d #*-]*\.?[ \t]*$", re.M)


def chrome_name(text: str, span: tuple[int, int]) -> bool:
    """Is the name at ``span`` page furniture rather than a claim: only time-stamp words, an
    all-capitals kicker before a colon ("MUST SEE:"), a form's label before its code
    ("Conference ID: 24256919."), or a news agency named as the one that carried the story
    ("the Press Association news agency")?"""
    s, e = span
    if _CLOCK.search(text, max(0, s - 40), min(len(text), e + 25)):
        return True  # next to a clock time: a time stamp's desk or zone ("TNN Nov 12, 2011,
        # 05.51AM IST", "11:39am UK, Monday")
    words = re.findall(r"[A-Za-z.]+", text[s:e])
    if words and all(w.lower().strip(".") in _STAMP_WORDS for w in words):
        return True
    line_start = text.rfind("\n", 0, s) + 1
    if text[s:e].isupper() and text[e:e + 2].lstrip().startswith(":") and (
            len(words) >= 2 or not text[line_start:s].strip()):
        return True
    if words and words[-1].lower() in _FIELD_WORDS and _FIELD_VALUE.match(text, e):
        return True  # a form's label before its code, alone on its line ("Conference ID:
        # 24256919." in a press release's dial-in details): no one named
    return bool(_AGENCY_AFTER.match(text, e))
