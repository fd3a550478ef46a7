"""Rules that find residue in an extracted text: page furniture, credits, notices, leftover words
of a language model. Each rule looks at the kind of thing (its position in the article, the shape
of its line, how short it is) rather than at a list of literal sentences, and prefers precision:
a normal story paragraph is never residue. Residue lines are short and standalone; a line that
reads like reported speech (quotation marks, "said") is left alone by the looser rules.

Every rule returns ``Candidate`` spans with offsets into the raw text; ``clean`` resolves
overlaps and builds the working text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Candidate", "Line", "find_residue", "split_lines"]

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

_QUOTES = '"“”«»„'
_SAID = re.compile(r"\b(?:said|says|told|according to|stated|added|announced)\b", re.I)
_TERMINAL = ".!?\"”’'»)"


def _reads_like_speech(text: str) -> bool:
    return any(q in text for q in _QUOTES) or bool(_SAID.search(text))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _words(text: str) -> int:
    return len(text.split())


def _whole(kind: str, line: Line, priority: int = 5) -> Candidate:
    return Candidate(kind, line.start, line.end, priority)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|(?<=:)\s+(?=[\"“(]?[A-Z])")


def _sentences(line: Line) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of one line, split simply on end punctuation."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(line.text):
        end = m.start()
        # keep a closing quote/bracket with its sentence
        while end < len(line.text) and line.text[end] in '"”’)':
            end += 1
        spans.append((line.start + pos, line.start + end))
        pos = m.end()
    spans.append((line.start + pos, line.end))
    return [(s, e) for s, e in spans if e > s]


# --- see_also ----------------------------------------------------------------------------------

_SEE_ALSO = re.compile(
    r"^(?:see also|read more|read also|also read|also see|read next|read|related|"
    r"more|recommended|watch|listen|don['’]t miss|must read|click here)\b"
    r"(?P<sep>\s*(?:[:|»>›→–—-]+|\.{3}|…)\s*|\s+)?(?P<rest>.*)$",
    re.I,
)
_BARE_SEE_ALSO = re.compile(
    r"^(?:read more|read also|also read|see also|read next|read the full (?:story|article))"
    r"\s*[:.»>›→…]*$",
    re.I,
)


def _see_also(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for line in lines:
        t = line.text
        if len(t) > SHORT:
            continue
        if _BARE_SEE_ALSO.match(t):
            out.append(_whole("see_also", line))
            continue
        m = _SEE_ALSO.match(t)
        if not m or not m.group("rest"):
            continue
        sep = (m.group("sep") or "").strip()
        lead = t[: m.start("sep") if m.group("sep") is not None else m.end()].casefold()
        rest = m.group("rest")
        if _reads_like_speech(rest) and not _looks_like_headline(rest):
            continue
        if sep:
            # "Read more: <headline>", "Related: <headline>", "WATCH: <headline>"
            if _looks_like_headline(rest) or lead in {
                "see also",
                "read more",
                "also read",
                "read also",
                "also see",
                "read next",
            }:
                out.append(_whole("see_also", line))
        elif lead.startswith(("see also", "read more", "also read", "read also", "also see")):
            # "See also Minister resigns over port deal": no colon, a headline after
            if _looks_like_headline(rest) and rest[:1].isupper():
                out.append(_whole("see_also", line))
    return out


def _looks_like_headline(text: str) -> bool:
    """Short, one sentence, no full stop at the end."""
    text = text.strip()
    if not text or len(text) > 180 or _words(text) > 30:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    return not re.search(r"[.!?]\s+[A-Z]", text)


# --- related_content ----------------------------------------------------------------------------

_RELATED_HEADING = re.compile(
    r"^(?:related(?: content| articles?| stories| news| coverage| posts| reading| topics| links|"
    r" videos?)?|more (?:from|on|in|about|stories|news|articles|top stories)\b.{0,60}|"
    r"you (?:may|might) also (?:like|be interested in|enjoy)|recommended(?: for you| stories|"
    r" articles| reading)?|most (?:read|popular|viewed|shared)(?: stories| articles)?|"
    r"trending(?: now| stories)?|latest (?:news|stories|articles)|top stories|editor['’]?s picks?|"
    r"what to read next|further reading|other stories|also on \S.{0,40}|popular now|"
    r"keep reading|in other news)\s*[:»>›]?$",
    re.I,
)


def _related_content(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.text) <= 80 and _RELATED_HEADING.match(line.text):
            last = line
            j = i + 1
            while j < len(lines) and j - i <= 12 and _is_list_headline(lines[j].text):
                last = lines[j]
                j += 1
            out.append(Candidate("related_content", line.start, last.end, 2))
            i = j
            continue
        i += 1
    return out


def _is_list_headline(text: str) -> bool:
    text = re.sub(r"^(?:[-•*·▪►]|\d{1,2}[.)])\s*", "", text)
    return _looks_like_headline(text) and len(text) <= 160 and not text.endswith(":")


# --- comment_form -------------------------------------------------------------------------------

_COMMENT_STRONG = re.compile(
    r"^(?:leave a (?:reply|comment|response)(?:\s+cancel reply)?|cancel reply|"
    r"post (?:a )?comment|submit (?:a )?comment|add (?:a |your )?comment|"
    r"your email address will not be published\b.*|required fields are marked\s*\*?.*|"
    r"save my name,? email,? and website in this browser\b.*|"
    r"you must be (?:logged|signed) in to post a comment\b.*|"
    r"notify me of (?:follow-up comments|new posts|new comments)\b.*|"
    r"this site uses akismet to reduce spam\b.*|"
    r"comments are closed\.?|\d+ (?:comments?|responses?|replies)|comments? \(\d+\)|"
    r"join the (?:discussion|conversation)|be the first to comment\W*|"
    r"(?:view|show|load|read) (?:all |more )?comments?(?: \(\d+\))?)\W*$",
    re.I,
)
_COMMENT_FIELD = re.compile(
    r"^(?:name|e-?mail|website|comment|message|your name|your email|author|δ)\s*\*?\s*:?$",
    re.I,
)


def _comment_form(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    i = 0
    while i < len(lines):
        if not (len(lines[i].text) <= SHORT and _COMMENT_STRONG.match(lines[i].text)):
            i += 1
            continue
        first, last = lines[i], lines[i]
        j = i + 1
        gap = 0
        while j < len(lines) and gap <= 3:
            t = lines[j].text
            if len(t) <= SHORT and (_COMMENT_STRONG.match(t) or _COMMENT_FIELD.match(t)):
                last, gap = lines[j], 0
            elif len(t) <= 60 and not t.endswith("."):
                gap += 1  # short form furniture between markers ("Δ", "Submit")
            else:
                break
            j += 1
        # a block that ends the text takes the short furniture after it with it
        tail = lines[last.index + 1 :]
        if 0 < len(tail) <= 6 and all(len(t.text) <= 40 and not t.text.endswith(".") for t in tail):
            last = tail[-1]
        # a lone weak marker ("3 Comments") is only residue at the very end
        out.append(Candidate("comment_form", first.start, last.end, 1))
        i = last.index + 1
    return out


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


def _copyright(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for line in lines:
        t = line.text
        if len(t) > NOTICE_MAX:
            continue
        signals = len(_COPYRIGHT_ANY.findall(t))
        if _COPYRIGHT_START.match(t) and len(t) <= SHORT * 2:
            out.append(_whole("copyright", line, 3))
        elif signals and any(q in t for q in _QUOTES):
            continue  # a quote about copyright, not a notice
        elif signals >= 2 or (signals and len(t) <= SHORT):
            out.append(_whole("copyright", line, 3))
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
_INLINE_CREDIT = re.compile(
    r"[(\[]\s*(?:(?:photo|image|picture|pic|video|illustration|file photo)s?"
    r"(?: credit)?\s*(?::|by\b|courtesy of\b)|AP Photo/|credit:)[^()\[\]\n]{1,120}[)\]]",
    re.I,
)


def _image_credit(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    credit_lines: set[int] = set()
    for line in lines:
        t = line.text
        if len(t) <= SHORT and _CREDIT_LINE.match(t) and not _SAID.search(t):
            out.append(_whole("image_credit", line, 4))
            credit_lines.add(line.index)
            continue
        tail = _CREDIT_TAIL.search(t) if len(t) <= 300 and not t.endswith(".") else None
        before = t[: tail.start()].rstrip() if tail else ""
        last_part = re.split(r"(?<=[.!?|–—])\s+", t)[-1]
        if tail and (not before or before[-1] in ".!?|–—-:(©[" or _words(last_part) <= 6):
            out.append(_whole("image_credit", line, 4))
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
            by_text.setdefault(_norm(line.text), []).append(line)
    for same in by_text.values():
        if len(same) < 2:
            continue
        near = [ln for ln in same if {ln.index - 1, ln.index + 1} & credit_lines]
        if near and len(near) < len(same):
            out.extend(_whole("image_credit", ln, 4) for ln in near)
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


def _editor_initials(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    tail = lines[-3:]
    for line in tail:
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


# --- share_prompt -------------------------------------------------------------------------------

_PLATFORMS = (
    r"(?:facebook|twitter|x|instagram|telegram|whatsapp|linkedin|youtube|tiktok|threads|"
    r"bluesky|mastodon|google news|flipboard|reddit|pinterest|snapchat|viber|email|e-mail|"
    r"newsletters?|updates|alerts|channel|podcast|rss|feed|app|us|our\b.*)"
)
_SHARE = re.compile(
    rf"^(?:share (?:this|the|on|via|to|article|story|post|page)\b.*|"
    rf"(?:follow|find|join|like|watch|listen to|connect with) (?:us|our\b.*|\S.{{0,40}}\bon "
    rf"{_PLATFORMS}\b.*)|"
    rf"(?:sign up|register|subscribe|signup)\b.{{0,80}}\b(?:our|us|newsletters?|updates|"
    rf"alerts|briefing|digest|channel|podcast)\b.*|"
    rf"(?:get|receive) (?:our|the latest|breaking|daily|free)\b.{{0,60}}\b(?:newsletter|"
    rf"updates|alerts|news)\b.*|"
    rf"(?:download|install) (?:our|the \S+) app\b.*|"
    rf"click here to\b.*|tap here to\b.*|"
    rf"(?:support|donate to) (?:our|independent) journalism\b.*|"
    rf"stay (?:informed|updated|up to date)\b.{{0,60}}\b(?:{_PLATFORMS}|subscribe|sign)\b.*)$",
    re.I,
)
_SHARE_WORD = re.compile(
    r"^(?:share|tweet|email|e-mail|print|copy link|copied|facebook|twitter|whatsapp|linkedin|"
    r"telegram|pinterest|reddit|share on (?:facebook|twitter|x|whatsapp|linkedin)|"
    r"share(?: this)? (?:article|story)|comments?|save|bookmark|gift this article)$",
    re.I,
)


def _share_prompt(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for line in lines:
        t = line.text.rstrip(" :!.»>›→")
        if len(line.text) > SHORT or any(q in line.text for q in _QUOTES):
            continue
        if _SHARE_WORD.match(t) or (_SHARE.match(t) and not _SAID.search(t)):
            out.append(_whole("share_prompt", line, 6))
    return out


# --- aggregator_header, source_line, advertisement ----------------------------------------------

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
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below"
    r"(?: advertisement)?|article continues below(?: advertisement)?|continue reading below|"
    r"scroll to continue(?: with content)?|skip advert(?:isement)?|"
    r"\(?advertisement\)?\s*-?\s*(?:scroll|continue) .*)\W*$",
    re.I,
)


def _aggregator(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for k, line in enumerate(lines):
        t = line.text
        if len(t) > SHORT:
            continue
        if _AGGREGATOR.match(t) and not _reads_like_speech(t) and not _CLAUSE.search(t):
            out.append(_whole("aggregator_header", line, 3))
        elif _KEY_TAKEAWAYS.match(t):
            nxt = lines[k + 1].text if k + 1 < len(lines) else ""
            if not _BULLET.match(nxt):
                out.append(_whole("aggregator_header", line, 3))
        elif _OUTLET_LIST.match(t):
            out.append(_whole("aggregator_header", line, 3))
    return out


def _outlet_credit(lines: list[Line], raw: str) -> list[Candidate]:
    """A multi-outlet credit closing the last paragraph: "... on Tuesday. (Reuters, BBC, CNN)"."""
    out = []
    # a multi-outlet credit closing the last paragraph: "... on Tuesday. (Reuters, BBC, CNN)"
    if lines:
        last = lines[-1]
        m = re.search(r"(?<=[.!?\"”])\s+(\([^()]{3,120}\))$", last.text)
        if m and _OUTLET_LIST.match(m.group(1)):
            out.append(Candidate("aggregator_header", last.start + m.start(1), last.end, 3))
    return out


def _source_line(lines: list[Line], raw: str) -> list[Candidate]:
    return [
        _whole("source_line", ln, 3)
        for ln in lines
        if len(ln.text) <= SHORT * 2 and _SOURCE_LINE.match(ln.text)
    ]


def _advertisement(lines: list[Line], raw: str) -> list[Candidate]:
    return [
        _whole("advertisement", ln, 6)
        for ln in lines
        if len(ln.text) <= 80 and _ADVERT.match(ln.text)
    ]


# --- llm_meta_text ------------------------------------------------------------------------------

_YOU = re.compile(r"\b(?:you|your|yours|you['’](?:d|re|ll|ve))\b", re.I)
_TEXT_REF = re.compile(
    r"\b(?:article|text|version|rewrite|rewritten|rewording|reworded|paraphrase[ds]?|"
    r"summary|summari[sz]ed?|draft|tone|readers?|audience|format(?:ting)?|length|word count|"
    r"style|changes|adjust(?:ments?)?|edits?|tweaks?|revisions?|modifications?|"
    r"further assistance|anything else|help(?:ful)?|request(?:ed)?|specific)\b",
    re.I,
)
_ASSISTANT_CLOSER = re.compile(
    r"^(?:let me know\b|feel free\b|i hope (?:this|that|these|it) (?:helps|is helpful|"
    r"meets|works|serves)\W*$|i hope (?:this|that|it) (?:helps|is helpful|meets|works|serves) "
    r"(?:you|your)\b|hope this helps\W*$|happy to help\b|glad (?:i could|to) help\b|"
    r"would you like (?:me|any|a)\b|if you(?:['’]d| would)? (?:like|want|need|prefer|have any)\b|"
    r"i can (?:also )?(?:adjust|make|provide|shorten|expand|rewrite|tailor|help)\b|"
    r"(?:please )?don['’]t hesitate\b|is there anything else\b)",
    re.I,
)
_META_SUBJECT = re.compile(
    r"^(?:note\s*:\s*)?(?:this|the|my|the above|this new) (?:(?:rewritten|revised|paraphrased|"
    r"updated|new|reworded) (?:version|article|text|piece|summary)|version|rewrite|paraphrase|"
    r"draft)\b(?! of events).{0,160}\b(?:tone|readers?|audience|style|length|"
    r"format|word count|words|concise|engaging|neutral|key (?:points|facts|details)|"
    r"plagiari[sz]m|seo|readab(?:le|ility)|flow)\b",
    re.I,
)
# the assistant describing what it did to the text: "I have kept the tone neutral ..."
_FIRST_PERSON_EDIT = re.compile(
    r"^(?:i(?:['’]ve| have)?|i(?:['’]ve| have) also) (?:kept|maintained|preserved|ensured|"
    r"rephrased|rewritten|reworded|paraphrased|condensed|shortened|removed|adjusted|tried|"
    r"aimed|made sure|focused|retained|streamlined|restructured|simplified)\b.{0,200}\b(?:tone|"
    r"length|original (?:text|article|meaning|wording|version|facts)|key (?:facts|points|"
    r"details|information)|wording|meaning|readab(?:le|ility)|flow|style|plagiari[sz]m|seo|"
    r"word count|rewrite|article)\b",
    re.I,
)
_AI_SELF = re.compile(
    r"^(?:as an ai(?: language model| assistant| model)?|as a language model|i am an ai|"
    r"i['’]m an ai|i (?:cannot|can['’]t|am unable to) (?:browse|access|verify)\b)",
    re.I,
)
_OPENER_INTERJECTION = re.compile(
    r"^(?:certainly|sure(?: thing)?|of course|absolutely|okay|ok|great|alright|all right|"
    r"here you go|here it is|no problem|gladly|happy to help)(?:\s*[!,.:]|\s*$)",
    re.I,
)
_OPENER_ANNOUNCE = re.compile(
    r"^(?:[A-Za-z!,. ]{0,30}?)?(?:here(?:['’]s| is| are)|below is|below are|"
    r"the following is|i(?:['’]ve| have) (?:rewritten|paraphrased|revised|summari[sz]ed)|"
    r"this is (?:a|an|the|your) (?:rewritten|revised|paraphrased))\b.{0,200}$",
    re.I,
)
_ANNOUNCE_REF = re.compile(
    r"\b(?:rewritten|rewrite|reworded|paraphrased|paraphrase|revised|version|summari[sz]ed|"
    r"condensed|plagiarism|seo|unique|your|you|requested|the article|this article|news article|"
    r"the text|the story in|the news in)\b",
    re.I,
)
_SEPARATOR = re.compile(r"^(?:[-*_=~#•·]\s*){3,}$")
_NOTE_LABEL = re.compile(r"^[*_]*(?:note|n\.b\.|p\.s\.?|ps|disclaimer)\s*[:.]?[*_]*\s*:?$", re.I)
_WORD_COUNT = re.compile(r"^[(\[*]*\s*word count\s*:?\s*~?\d+\s*(?:words)?\s*[)\]*]*$", re.I)


def _is_meta_closing(sentence: str) -> bool:
    s = sentence.strip().strip("*_ ")
    if not s or len(s) > 300 or any(q in s for q in _QUOTES) or _SAID.search(s):
        return False
    if _ASSISTANT_CLOSER.match(s) or _AI_SELF.match(s) or _WORD_COUNT.match(s):
        return True
    if _META_SUBJECT.match(s) or _FIRST_PERSON_EDIT.match(s):
        return True
    return bool(
        _YOU.search(s)
        and _TEXT_REF.search(s)
        and re.search(
            r"\b(?:article|version|rewrite|rewritten|tone|readers|audience|format|changes|"
            r"adjust|edits|tweaks|further|summary|paraphrase|draft|style|length)\b",
            s,
            re.I,
        )
    )


def _is_meta_opening(sentence: str) -> bool:
    s = sentence.strip().strip("*_# ")
    if not s or len(s) > 300 or any(q in s for q in '"“”«»„') or _SAID.search(s):
        return False
    if _AI_SELF.match(s):
        return True
    if _OPENER_INTERJECTION.match(s):
        # "Certainly!" alone or "Sure, here's ..." — an assistant talking to the requester
        rest = _OPENER_INTERJECTION.sub("", s, count=1).strip()
        return (
            not rest
            or bool(_OPENER_ANNOUNCE.match(rest))
            or rest.endswith(":")
            or bool(_YOU.search(rest))
        )
    if _OPENER_ANNOUNCE.match(s) and _ANNOUNCE_REF.search(s):
        return s.endswith(":") or _words(s) <= 25
    return False


def _llm_meta_text(lines: list[Line], raw: str) -> list[Candidate]:
    out: list[Candidate] = []
    if not lines:
        return out
    taken: set[tuple[int, int]] = set()
    # openings: leading sentences of the first lines
    for line in lines[:3]:
        stop = False
        first = None
        last = None
        for s, e in _sentences(line):
            if _is_meta_opening(raw[s:e]):
                first = s if first is None else first
                last = e
                taken.add((s, e))
            else:
                stop = True
                break
        if first is not None and last is not None:
            out.append(Candidate("llm_meta_text", first, last, 0))
        if stop:
            break
    # closings: trailing sentences of the last lines
    for line in reversed(lines[-4:]):
        stop = False
        first = last = None
        for s, e in reversed(_sentences(line)):
            if (s, e) in taken:
                continue
            if _is_meta_closing(raw[s:e]):
                last = e if last is None else last
                first = s
            elif last is not None and _NOTE_LABEL.match(raw[s:e]):
                first = s  # "Note:" in front of a meta sentence
            else:
                stop = True
                break
        if first is not None and last is not None:
            out.append(Candidate("llm_meta_text", first, last, 0))
        if stop:
            break
    # a separator line ("---", "***") between the meta text and the article goes with it
    at = {ln.start: k for k, ln in enumerate(lines)}
    for c in list(out):
        for line in lines:
            if line.start <= c.start < line.end + 1:
                k = at[line.start]
                for j in (k - 1, k + 1):
                    if 0 <= j < len(lines) and _SEPARATOR.match(lines[j].text):
                        out.append(_whole("llm_meta_text", lines[j], 0))
                break
    # anywhere: "As an AI language model, ..." on a line of its own
    for line in lines:
        if len(line.text) <= SHORT * 2 and _AI_SELF.match(line.text):
            out.append(_whole("llm_meta_text", line, 0))
    return out


# --- repeated_title -----------------------------------------------------------------------------


def _repeated_title(lines: list[Line], title: str | None) -> list[Candidate]:
    if not title or not _norm(title):
        return []
    want = _norm(title)
    out = []
    for line in lines[:3]:
        got = _norm(line.text)
        if got == want or (
            got.startswith(want)
            and len(got) - len(want) <= 40
            and re.search(
                r"\s[|–—-]\s|\s[|–—-]$",
                line.text[len(title) - 5 :] if len(line.text) > len(title) else "",
            )
        ):
            out.append(_whole("repeated_title", line, 1))
        elif out or not _is_meta_opening(line.text):
            break
    return out


Rule = Callable[[list[Line], str], list[Candidate]]
# rules that look at the whole text
RULES: tuple[Rule, ...] = (
    _comment_form,
    _related_content,
    _see_also,
    _copyright,
    _image_credit,
    _share_prompt,
    _aggregator,
    _source_line,
    _advertisement,
)
# rules that look at the start or the end of the article: they run on the lines left once the
# residue found so far is set aside, until nothing new turns up (a sign-off above a comment form)
POSITIONAL_RULES: tuple[Rule, ...] = (_llm_meta_text, _editor_initials, _outlet_credit)


def find_residue(raw: str, title: str | None = None) -> list[Candidate]:
    """Every residue candidate in ``raw`` (possibly overlapping; ``clean`` resolves them)."""
    lines = split_lines(raw)
    found: list[Candidate] = _repeated_title(lines, title)
    for rule in RULES:
        found.extend(rule(lines, raw))
    seen = set(found)
    starts = [ln.start for ln in lines]
    covered: set[int] = set()
    for _ in range(4):
        for c in found:
            k = bisect.bisect_left(starts, c.start)
            while k < len(lines) and lines[k].end <= c.end:
                covered.add(k)
                k += 1
        body = [ln for ln in lines if ln.index not in covered]
        new = [c for rule in POSITIONAL_RULES for c in rule(body, raw) if c not in seen]
        if not new:
            break
        found.extend(new)
        seen.update(new)
    return found
