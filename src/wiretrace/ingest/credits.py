"""Residue rules for credits and notices: copyright notices, image credits, editor initials and
sign-offs, aggregator headers ("Credited from: OUTLET", an empty "Key Takeaways:", a multi-outlet
credit) and pasted source lines. Each returns ``Candidate`` spans with offsets into the raw text.
"""

from __future__ import annotations

import re

from wiretrace.ingest.text_lines import (
    NOTICE_MAX,
    QUOTES,
    SAID,
    SHORT,
    Candidate,
    Line,
    normalized,
    reads_like_speech,
    sentence_spans,
    whole_line,
    word_count,
)

__all__ = [
    "find_aggregator_header",
    "find_copyright",
    "find_editor_initials",
    "find_image_credit",
    "find_outlet_credit",
    "find_source_line",
]


# --- copyright ----------------------------------------------------------------------------------

_COPYRIGHT_START = re.compile(
    r"^(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\)|:|(?:19|20)\d\d|by\b|[A-Z]\S*\s+"
    r"(?:19|20)\d\d))",
    re.I,
)
_COPYRIGHT_ANY = re.compile(
    r"©|\ball rights reserved\b|"
    r"\bmay not be (?:re)?published,? broadcast,? rewritten,? or redistributed\b|"
    r"\b(?:reproduction|republication|redistribution|reuse|reprinting|copying)\b[^.]{0,120}?"
    r"\b(?:requires?|without|is (?:strictly )?(?:prohibited|forbidden|not permitted)|"
    r"(?:is|are) not allowed|subject to)\b[^.]{0,80}?"
    r"(?:consent|permission|authori[sz]ation|approval|prohibited|forbidden|not permitted|"
    r"agreement|licen[cs]e)|"
    r"\b(?:unauthori[sz]ed|commercial) (?:use|reproduction|distribution)\b",
    re.I,
)


# one of these is in every line _COPYRIGHT_ANY matches: other lines are not searched
_COPYRIGHT_HINTS = (
    "©", "rights reserved", "may not be", "reproduc", "republica", "redistribu", "reuse",
    "reprint", "copying", "unauthori", "commercial",
)
# the other sentences of a long notice: about rights, permission, the publisher or the agency
_NOTICE_WORDS = re.compile(
    r"\b(?:rights?|copyright(?:ed)?|permission|consent|licen[cs]\w*|reproduc\w*|"
    r"redistribut\w*|republi\w*|publisher|editorial (?:office|board)|agency|legal action|"
    r"prosecut\w*|infring\w*|intellectual property|terms (?:of|and) (?:use|conditions)|"
    r"written|hyperlink|source must be (?:cited|credited|indicated)|citing the source)\b",
    re.I,
)


def find_copyright(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for line in lines:
        t = line.text
        low = t.lower()
        if not any(h in low for h in _COPYRIGHT_HINTS) and not _COPYRIGHT_START.match(t):
            continue
        found = [m.group(0).lower() for m in _COPYRIGHT_ANY.finditer(t)]
        signals = len(found)
        strong = sum(1 for f in found if not f.startswith(("unauthori", "commercial")))
        if not signals and not _COPYRIGHT_START.match(t):
            continue
        if signals and any(q in t for q in QUOTES):
            continue  # a quote about copyright, not a notice
        if _COPYRIGHT_START.match(t) and len(t) <= SHORT * 2:
            out.append(whole_line("copyright", line, 3))
        elif len(t) <= NOTICE_MAX and (strong >= 2 or (signals and len(t) <= SHORT)):
            out.append(whole_line("copyright", line, 3))
        elif strong:
            out.extend(_notice_sentences(line, raw))
    return out


def _states_rights(sentence: str) -> bool:
    """A sentence that states a rights notice; "unauthorized distribution" alone is a story."""
    return any(
        not m.group(0).lower().startswith(("unauthori", "commercial"))
        for m in _COPYRIGHT_ANY.finditer(sentence)
    )


def _notice_sentences(line: Line, raw: str) -> list[Candidate]:
    """A rights notice of any length inside a long line: the sentences that state it, with the
    notice's other sentences around them; the whole line when every sentence belongs to it."""
    spans = sentence_spans(line)
    inside = [_states_rights(raw[s:e]) for s, e in spans]
    about = [
        bool(_NOTICE_WORDS.search(raw[s:e])) and not SAID.search(raw[s:e]) for s, e in spans
    ]
    grown = True
    while grown:  # grow each notice over its neighbours about rights
        grown = False
        for j in range(len(spans)):
            near = (j > 0 and inside[j - 1]) or (j + 1 < len(spans) and inside[j + 1])
            if not inside[j] and about[j] and near:
                inside[j] = grown = True
    out = []
    run: tuple[int, int] | None = None
    for (s, e), flag in zip(spans, inside, strict=True):
        if flag and not SAID.search(raw[s:e]):
            run = (s, e) if run is None else (run[0], e)
        elif run is not None:
            out.append(Candidate("copyright", run[0], run[1], 3))
            run = None
    if run is not None:
        out.append(Candidate("copyright", run[0], run[1], 3))
    return out


# --- image_credit -------------------------------------------------------------------------------

_AGENCIES = (
    r"(?:Getty Images|AFP|Reuters|REUTERS|AP|AP Photo|EPA(?:-EFE)?|EFE|dpa|DPA|picture[- ]alliance|"
    r"Shutterstock|iStock(?:photo)?|Alamy|Anadolu(?: Agency)?|Xinhua|Bloomberg|Sipa|ANP|ANSA|"
    r"Belga|PA(?: Images| Wire)?|NurPhoto|SOPA Images|LightRocket|Unsplash|Pexels|Wikimedia|"
    r"Wikimedia Commons|TASS|Imago|IMAGO|Keystone|KEYSTONE|Zuma|ZUMA(?: Press| Wire)?|"
    r"Corbis|Pool|POOL|Handout|HANDOUT|Supplied|File|Courtesy)"
)
_CREDIT_LINE = re.compile(
    r"^\(?\[?(?:(?:photo|photograph|image|picture|pic|foto|video|illustration|graphic|cover)s?"
    r"(?: credits?| courtesy| source)?|credits?|image source|source of (?:photo|image))"
    r"\s*(?:[:|/]|by\b|courtesy of\b|©)\s*\S.{0,140}$",
    re.I,
)
_CREDIT_TAIL = re.compile(
    rf"(?:\b[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,3}}\s*/\s*{_AGENCIES}|"
    rf"\b{_AGENCIES}\s*/\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,3}}|"
    rf"\b(?:via|for|©)\s+{_AGENCIES}|\bGetty Images|\bShutterstock|\biStock)\s*[)\]]?$"
)
# a caption ending in a labelled credit: "Smoke over the ridge on Friday. Photo: A. Name / Outlet"
_CAPTION_CREDIT = re.compile(
    r"(?<=[.!?])\s+(?i:photo|photograph|image|picture|foto)s?(?i: credits?)?\s*:\s*"
    r"[A-Z][^.:!?\n]{1,80}$"
)
_INLINE_CREDIT = re.compile(
    r"[(\[]\s*(?:(?:photo|image|picture|pic|video|illustration|file photo)s?"
    r"(?: credit)?\s*(?::|by\b|courtesy of\b)|AP Photo/|credit:)[^()\[\]\n]{1,120}[)\]]",
    re.I,
)


def find_image_credit(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    credit_lines: set[int] = set()
    for line in lines:
        t = line.text
        if len(t) <= SHORT and _CREDIT_LINE.match(t) and not SAID.search(t):
            out.append(whole_line("image_credit", line, 4))
            credit_lines.add(line.index)
            continue
        if len(t) <= 300 and _CAPTION_CREDIT.search(t) and not SAID.search(t):
            out.append(whole_line("image_credit", line, 4))  # the caption goes with its credit
            credit_lines.add(line.index)
            continue
        tail = _CREDIT_TAIL.search(t) if len(t) <= 300 and not t.endswith(".") else None
        before = t[: tail.start()].rstrip() if tail else ""
        last_part = re.split(r"(?<=[.!?|–—])\s+", t)[-1]
        if tail and (not before or before[-1] in ".!?|–—-:(©[" or word_count(last_part) <= 6):
            out.append(whole_line("image_credit", line, 4))
            credit_lines.add(line.index)
            continue
        for m in _INLINE_CREDIT.finditer(t):
            s, e = line.start + m.start(), line.start + m.end()
            if m.start() == 0 and m.end() == len(t):
                credit_lines.add(line.index)
            out.append(Candidate("image_credit", s, e, 4))
    # a caption repeated in the text: the copy of a duplicated line that sits next to a credit
    by_text: dict[str, list[Line]] = {}
    for line in lines:
        if 20 <= len(line.text) <= 400:
            by_text.setdefault(normalized(line.text), []).append(line)
    for same in by_text.values():
        if len(same) < 2:
            continue
        near = [ln for ln in same if {ln.index - 1, ln.index + 1} & credit_lines]
        if near and len(near) < len(same):
            out.extend(whole_line("image_credit", ln, 4) for ln in near)
    return out


# --- editor_initials ----------------------------------------------------------------------------

_NOT_INITIALS = {
    "and/or",
    "he/she",
    "his/her",
    "him/her",
    "km/h",
    "w/o",
    "s/he",
    "yes/no",
    "on/off",
    "and/and",
    "m/s",
    "kg/m",
    "per/cent",
}
_INITIALS = re.compile(
    r"(?:(?<=\s)|^)(?:\(\s*(?P<a>[a-z]{2,4}(?:\s?/\s?[a-z]{2,4})+)\s*\)|"
    r"(?P<b>[a-z]{2,4}(?:/[a-z]{2,4})+)(?:\s*\([A-Za-z][\w .,&-]{0,60}\))?|"
    r"/(?P<c>[a-z]{2,4}(?:/[a-z]{2,4})*)/)\s*$"
)
_SIGN_OFF = re.compile(
    r"(?:(?<=\s)|^)\(\s*(?:(?:additional )?reporting|writing|editing|compiled|edited|"
    r"reported|translated)\s+by\b[^()]{2,300}\)\s*$",
    re.I,
)


# the same sign-off as a line of its own ("Reporting by A; additional reporting by B; Editing by
# C"), or a contributor's line ("Jane Roe contributed reporting from Hong Kong.")
_NAMES = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_SIGN_OFF_LINE = re.compile(
    r"^(?:(?i:(?:additional\s+)?(?:reporting|writing|editing|research|compiled|edited|reported|"
    r"translated)\s+by)\s+[A-Z][^.!?\"“”]{2,300}?|"
    r"(?:(?:[A-Z][\w.'’-]*\s+){1,3}(?:writers?|reporters?|correspondents?|journalists?)\s+)?"
    rf"{_NAMES}(?:(?:,\s*|,?\s+and\s+){_NAMES})*\s+contributed\s+(?:reporting|research|"
    r"to this (?:report|article|story))\b[^.!?\"“”]{0,100}?)\.?$"
)


def find_editor_initials(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    tail = lines[-3:]
    for line in tail:
        if len(line.text) <= NOTICE_MAX and _SIGN_OFF_LINE.match(line.text):
            out.append(whole_line("editor_initials", line, 4))
            continue
        m = _SIGN_OFF.search(line.text) or _INITIALS.search(line.text)
        if not m:
            continue
        token = next((g for g in m.groups() if g), "") if m.re is _INITIALS else ""
        if token.replace(" ", "").casefold() in _NOT_INITIALS:
            continue
        if m.re is _INITIALS and m.group("c") and line is not lines[-1]:
            continue  # a bare "/ab/" only at the very end
        out.append(Candidate("editor_initials", line.start + m.start(), line.end, 4))
    return out


# --- aggregator_header, source_line ------------------------------------------------------------

_AGGREGATOR = re.compile(
    r"^(?:credited (?:from|to)\s*:?\s*\S.*|"
    r"(?:this (?:article|story|post) )?(?:was )?(?:originally|first) (?:published|appeared|posted)"
    r" (?:at|by|on|in)\b.*|"
    r"(?:article |story )?(?:curated|aggregated|compiled) (?:from|by)\s*:?\s*\S.*|"
    r"(?:summari[sz]ed|sourced) from\s*:?\s*\S.*|"
    r"(?:this (?:article|story|post|report) (?:has been|was|is) )?(?:adapted|republished|"
    r"reprinted|reproduced|syndicated) (?:from|with (?:the )?permission|by arrangement)\b.*)$",
    re.I,
)
_CLAUSE = re.compile(r",\s+(?:[a-z]|The |It |He |She |They )")  # a story sentence goes on
_KEY_TAKEAWAYS = re.compile(
    r"^(?:key (?:takeaways?|points|facts)|main takeaways?)\s*:?$",
    re.I,
)
_BULLET = re.compile(r"^(?:[-•*·▪►✓✔]|\d{1,2}[.)])\s")
_OUTLET_LIST = re.compile(
    r"^\(\s*[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}(?:\s*,\s*[A-Z][\w.&'’-]*"
    r"(?:\s[A-Z][\w.&'’-]*){0,3}){1,6}\s*\)$"
)
_SOURCE_LINE = re.compile(
    r"^(?:sources?|via|link|original(?: article| source| story| link)?|read (?:the )?"
    r"(?:full|original) (?:article|story)(?: (?:at|on|here))?|reference|ref|"
    r"adapted from|based on)\s*[:\-–—]?\s*.{0,80}?(?:<?https?://\S+>?|www\.\S+)\s*\)?\s*$",
    re.I,
)


def find_aggregator_header(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for k, line in enumerate(lines):
        t = line.text
        if len(t) > SHORT:
            continue
        if _AGGREGATOR.match(t) and not reads_like_speech(t) and not _CLAUSE.search(t):
            out.append(whole_line("aggregator_header", line, 3))
        elif _KEY_TAKEAWAYS.match(t):
            nxt = lines[k + 1].text if k + 1 < len(lines) else ""
            if not _BULLET.match(nxt):
                out.append(whole_line("aggregator_header", line, 3))
        elif _OUTLET_LIST.match(t):
            out.append(whole_line("aggregator_header", line, 3))
    return out


def find_outlet_credit(lines: list[Line], raw: str) -> list[Candidate]:
    """A multi-outlet credit closing a paragraph: "... on Tuesday. (Reuters, BBC, CNN)". At the
    end of the last paragraph any list of names counts; elsewhere (aggregators put it after the
    lead) the list must name an agency by its acronym, so "(France, Germany)" stays."""
    out = []
    for k, line in enumerate(lines):
        m = re.search(r"(?<=[.!?\"”])\s+(\([^()]{3,120}\))$", line.text)
        if not m or not _OUTLET_LIST.match(m.group(1)):
            continue
        if k == len(lines) - 1 or _ACRONYM.search(m.group(1)):
            out.append(Candidate("aggregator_header", line.start + m.start(1), line.end, 3))
    return out


_ACRONYM = re.compile(r"[(,]\s*[A-Z]{2,6}\s*[,)]")


def find_source_line(lines: list[Line], raw: str) -> list[Candidate]:
    return [
        whole_line("source_line", ln, 3)
        for ln in lines
        if len(ln.text) <= SHORT * 2 and _SOURCE_LINE.match(ln.text)
    ]
