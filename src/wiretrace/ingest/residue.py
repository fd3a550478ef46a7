"""Rules that find residue in an extracted text: page furniture, credits, notices, leftover words
of a language model. Each rule looks at the kind of thing (its position in the article, the shape
of its line, how short it is) rather than at a list of literal sentences, and prefers precision:
a normal story paragraph is never residue. Residue lines are short and standalone; a line that
reads like reported speech (quotation marks, "said") is left alone by the looser rules.

Every rule returns ``Candidate`` spans with offsets into the raw text; ``clean`` resolves
overlaps and builds the working text.

The page-furniture rules (see also, related content, comment forms, share prompts,
advertisements) and the repeated title live here; page chrome of scrapes (widgets, subscription
prompts, navigation, dates, script code, comment policies) in ``chrome``; credits and notices
in ``credits``, leftover words of a language model in ``llm_meta``, lines and candidates in
``text_lines``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from wiretrace.ingest.byline import find_byline
from wiretrace.ingest.chrome import find_page_chrome
from wiretrace.ingest.credits import (
    find_aggregator_header,
    find_copyright,
    find_editor_initials,
    find_image_credit,
    find_outlet_credit,
    find_source_line,
)
from wiretrace.ingest.llm_meta import find_llm_meta_anywhere, find_llm_meta_text, is_meta_opening
from wiretrace.ingest.text_lines import (
    QUOTES,
    SAID,
    SHORT,
    Candidate,
    Line,
    normalized,
    reads_like_speech,
    sentence_spans,
    split_lines,
    whole_line,
    word_count,
)

__all__ = ["Candidate", "Line", "find_residue", "split_lines"]


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
            out.append(whole_line("see_also", line))
            continue
        m = _SEE_ALSO.match(t)
        if not m or not m.group("rest"):
            continue
        sep = (m.group("sep") or "").strip()
        lead = t[: m.start("sep") if m.group("sep") is not None else m.end()].casefold()
        rest = m.group("rest")
        if reads_like_speech(rest) and not _looks_like_headline(rest):
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
                out.append(whole_line("see_also", line))
        elif lead.startswith(("see also", "read more", "also read", "read also", "also see")):
            # "See also Minister resigns over port deal": no colon, a headline after
            if _looks_like_headline(rest) and rest[:1].isupper():
                out.append(whole_line("see_also", line))
    return out


def _looks_like_headline(text: str) -> bool:
    """Short, one sentence, no full stop at the end."""
    text = text.strip()
    if not text or len(text) > 180 or word_count(text) > 30:
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


# a sentence that asks the reader to take up an offer of the site's ("Get Motor Cycle Monthly
# delivered through your letterbox", "Use the code ...", "Follow him on Twitter @...")
_CALL = re.compile(
    r"^(?:get (?:access|\S+(?:\s\S+){0,4}\s+delivered)\b|use (?:the )?(?:promo |discount )?code\b|"
    r"(?:click|tap) here\b|(?:start|begin) your (?:day|morning|week)\b|(?:don['’]t|never) miss\b|"
    r"(?:sign up|subscribe|signup)\b|follow (?:him|her|them|me|us)\b.{0,40}(?:\bon "
    r"(?:twitter|facebook|instagram|x|threads|bluesky)\b|@\w))|"
    r"\b(?:(?:your|the) (?:inbox|letterbox|mailbox)|for as little as)\b",
    re.I,
)
_READER = re.compile(r"\b(?:you|your)\b", re.I)
PROMO_MAX = 400
EDGE = (1, 3)  # a promotion stands in the first line or the last three


def _share_prompt(lines: list[Line], raw: str) -> list[Candidate]:
    out = []
    for k, line in enumerate(lines):
        t = line.text.rstrip(" :!.»>›→")
        if len(line.text) <= SHORT and not any(q in line.text for q in QUOTES) and (
                _SHARE_WORD.match(t) or (_SHARE.match(t) and not SAID.search(t))):
            out.append(whole_line("share_prompt", line, 6))
        elif (k < EDGE[0] or k >= len(lines) - EDGE[1]) and _promotion(line):
            out.append(whole_line("share_prompt", line, 6))
    return out


def _promotion(line: Line) -> bool:
    """A short paragraph at the edge of the article that sells the site's newsletter, magazine
    or account to the reader: a call to take up the offer, and at least half of its sentences
    either such calls or addressed to the reader; never reported speech."""
    if len(line.text) > PROMO_MAX or SAID.search(line.text):
        return False
    sentences = [line.text[s - line.start:e - line.start].strip()
                 for s, e in sentence_spans(line)]
    sentences = [x for x in sentences if x] or [line.text]
    calls = [bool(_CALL.search(x) or _SHARE.match(x)) for x in sentences]
    reader = [c or bool(_READER.search(x)) for c, x in zip(calls, sentences, strict=True)]
    return len(sentences) <= 4 and any(calls) and 2 * sum(reader) >= len(sentences)


# --- advertisement -------------------------------------------------------------------------------

_ADVERT = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below"
    r"(?: advertisement)?|article continues below(?: advertisement)?|continue reading below|"
    r"scroll to continue(?: with content)?|skip advert(?:isement)?|"
    r"\(?advertisement\)?\s*-?\s*(?:scroll|continue) .*)\W*$",
    re.I,
)


def _advertisement(lines: list[Line], raw: str) -> list[Candidate]:
    return [
        whole_line("advertisement", ln, 6)
        for ln in lines
        if len(ln.text) <= 80 and _ADVERT.match(ln.text)
    ]


# --- repeated_title -----------------------------------------------------------------------------


def _repeated_title(lines: list[Line], title: str | None) -> list[Candidate]:
    if not title or not normalized(title):
        return []
    want = normalized(title)
    out = []
    for line in lines[:3]:
        got = normalized(line.text)
        if got == want or (
            got.startswith(want)
            and len(got) - len(want) <= 40
            and re.search(
                r"\s[|–—-]\s|\s[|–—-]$",
                line.text[len(title) - 5 :] if len(line.text) > len(title) else "",
            )
        ):
            out.append(whole_line("repeated_title", line, 1))
        elif out or not is_meta_opening(line.text):
            break
    return out


Rule = Callable[[list[Line], str], list[Candidate]]
# rules that look at the whole text
RULES: tuple[Rule, ...] = (
    _comment_form,
    _related_content,
    _see_also,
    find_copyright,
    find_image_credit,
    _share_prompt,
    find_aggregator_header,
    find_source_line,
    _advertisement,
    find_page_chrome,
    find_byline,
    find_llm_meta_anywhere,
)
# rules that look at the start or the end of the article: they run on the lines left once the
# residue found so far is set aside, until nothing new turns up (a sign-off above a comment form)
POSITIONAL_RULES: tuple[Rule, ...] = (find_llm_meta_text, find_editor_initials, find_outlet_credit)


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
