"""Residue rules for the leftover words of a language model: an opening addressed to whoever
asked for the rewrite ("Certainly! Here is a rewritten version of the article:"), a closing
("I hope this helps!", "This version keeps a neutral tone for your readers"), a closing
assessment of the text's own quality ("This article provides a clear, concise overview of ...
suitable for a news blog"), notes about the edit, "As an AI language model" lines, and the
separators around them. At the edges of the text the looser rules apply; anywhere else only what
is recognisable by what it is (``is_meta_anywhere``). Sentences that read like reported speech
are never taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wiretrace.ingest.text_lines import (
    QUOTES,
    SAID,
    SHORT,
    Candidate,
    Line,
    sentence_spans,
    whole_line,
    word_count,
)

__all__ = ["find_llm_meta_anywhere", "find_llm_meta_text", "is_meta_anywhere", "is_meta_opening"]


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
    r"word count|rewrite|article|language|imagery|paragraph|the reader)\b",
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


# a closing assessment of the text by its writer: "This article provides a clear, concise
# overview of ... suitable for a news blog", "The rewritten version maintains a neutral tone"
_TEXT_SELF = (
    r"(?:overall,?\s+|in summary,?\s+)?(?:this|the above|the (?:rewritten|revised|updated|new|"
    r"final|paraphrased|reworded))\s+(?:(?:rewritten|revised|updated|new|final|paraphrased|"
    r"reworded|news|short|blog)\s+)?(?:article|text|piece|version|rewrite|summary|story|content|"
    r"post|draft|paraphrase|write-?up|report)\b"
)
_QUALITY = (
    r"(?:clear|concise|comprehensive|informative|engaging|balanced|neutral|objective|brief|"
    r"detailed|thorough|well-structured|well-written|succinct|accurate|factual|accessible|"
    r"readable|compelling|coherent)"
)
_SELF_ASSESSMENT = re.compile(
    rf"^{_TEXT_SELF}.{{0,240}}?\b(?:(?:suitable|ideal|perfect|appropriate|well[- ]suited|"
    rf"tailored|optimi[sz]ed|ready) (?:for|to)\b|"
    rf"(?:provides|offers|gives|presents|delivers|is)\s+(?:a |an )?{_QUALITY}\b(?:[\s,]+(?:and\s+)?"
    rf"{_QUALITY}\b)*\s*(?:overview|summary|account|look|picture|update|explanation|analysis|"
    rf"snapshot|report|rundown|recap|read)\b|"
    rf"(?:maintains|keeps|strikes|uses|adopts|has|retains|preserves)\s+(?:a |an |the )?"
    rf"(?:\w+ )?(?:neutral|objective|balanced|professional|journalistic|informative|engaging|"
    rf"formal|conversational|original)\s+(?:tone|style|voice)\b)",
    re.I,
)
# an opening anywhere in the text (after a title, between two versions) must name a rewrite
_ANYWHERE_ANNOUNCE = re.compile(
    r"\b(?:rewritten|paraphrased|reworded|revised version|rewrite|plagiarism-free|"
    r"seo-(?:friendly|optimi[sz]ed)|version of (?:the|this|your) (?:article|text|story|news)|"
    r"as (?:you )?requested)\b",
    re.I,
)
_ABOUT_THE_TEXT = re.compile(
    r"\b(?:article|version|rewrite|rewritten|tone|changes|adjust\w*|edits?|tweaks?|summary|"
    r"paraphrase|draft|style|length|word count)\b",
    re.I,
)


# a model's notes on its own edit: a list of bold labels ("1. **Contextual Clarity**: The
# refined paragraph ...") under a heading ("Insightful feedback:", "Suggestions for further
# enhancement:"); an extracted news page keeps no markdown bold
_MD_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-*•])\s+\*\*[^*\n]{2,60}\*\*\s*:")
_FEEDBACK_LABEL = re.compile(
    r"^(?:[-*_=]{3,}\s*)?(?:\w+\s+){0,3}(?:feedback|suggestions?|improvements?|enhancements?|"
    r"changes made|key changes|edits made)(?:\s+\w+){0,4}\s*:$", re.I)


def is_meta_anywhere(sentence: str) -> bool:
    """Leftover words of a model that are recognisable in the middle of a text too: about the
    text itself and addressed to whoever asked for it, or judging the text's own tone."""
    s = sentence.strip().strip("*_ ")
    if not s or len(s) > 400:
        return False
    # the shapes first (anchored at the start: they fail fast on story sentences)
    if _MD_ITEM.match(sentence.strip()) or _FEEDBACK_LABEL.match(s):
        return True  # "2. **Flow and Coherence**: ...", "Suggestions for further enhancement:"
    hit = (
        _AI_SELF.match(s)
        or _SELF_ASSESSMENT.match(s)
        or _META_SUBJECT.match(s)
        or _FIRST_PERSON_EDIT.match(s)
        or (_ASSISTANT_CLOSER.match(s) and _ABOUT_THE_TEXT.search(s))
        or (_ANYWHERE_ANNOUNCE.search(s) and is_meta_opening(s))
    )
    return bool(hit) and not any(q in s for q in QUOTES) and not SAID.search(s)


def find_llm_meta_anywhere(lines: list[Line], raw: str) -> list[Candidate]:
    """Sentences of leftover model text wherever they sit (``is_meta_anywhere``); a run of them
    in one line is one candidate."""
    out: list[Candidate] = []
    for line in lines:
        run: tuple[int, int] | None = None
        for s, e in sentence_spans(line):
            if is_meta_anywhere(raw[s:e]):
                run = (s, e) if run is None else (run[0], e)
                continue
            if run is not None:
                out.append(Candidate("llm_meta_text", run[0], run[1], 0))
                run = None
        if run is not None:
            out.append(Candidate("llm_meta_text", run[0], run[1], 0))
    return out + _separators(out, lines)


def _is_meta_closing(sentence: str) -> bool:
    s = sentence.strip().strip("*_ ")
    if s and len(s) <= 600 and _FIRST_PERSON_EDIT.match(s) and not SAID.search(s):
        return True  # "I aimed to enhance the language ... (e.g., "dark secret", ...)": its
        # quotes are examples of its own edits
    if not s or len(s) > 300 or any(q in s for q in QUOTES) or SAID.search(s):
        return False
    if _ASSISTANT_CLOSER.match(s) or _AI_SELF.match(s) or _WORD_COUNT.match(s):
        return True
    if _META_SUBJECT.match(s) or _FIRST_PERSON_EDIT.match(s) or _SELF_ASSESSMENT.match(s):
        return True
    return bool(
        _YOU.search(s)
        and _TEXT_REF.search(s)
        and re.search(
            # "this article helps you ..." is an author talking to a reader; a model talks
            # about its version of the text
            r"\b(?:version|rewrite|rewritten|tone|readers|audience|format|changes|"
            r"adjust|edits|tweaks|further|summary|paraphrase|draft|style|length)\b",
            s,
            re.I,
        )
    )


# the style a model was asked to write in, echoed as a label over its text: "Academic Scholarly
# Writing:", "Formal Version:"
_STYLE_LABEL = re.compile(r"^(?:[A-Z][\w-]*\s+){1,3}(?:Writing|Style|Version|Tone|Rewrite)\s*:$")


def is_meta_opening(sentence: str) -> bool:
    s = sentence.strip().strip("*_# ")
    if not s or len(s) > 300 or any(q in s for q in '"“”«»„') or SAID.search(s):
        return False
    if _AI_SELF.match(s) or _STYLE_LABEL.match(s):
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
        return s.endswith(":") or word_count(s) <= 25
    return False


def find_llm_meta_text(lines: list[Line], raw: str) -> list[Candidate]:
    out: list[Candidate] = []
    if not lines:
        return out
    taken: set[tuple[int, int]] = set()

    def opening(s: int, e: int, started: bool) -> bool | None:
        if not is_meta_opening(raw[s:e]):
            return False
        taken.add((s, e))
        return True

    def closing(s: int, e: int, started: bool) -> bool | None:
        if (s, e) in taken:
            return None
        text = raw[s:e]
        # "Note:" in front of a meta sentence goes with it
        return _is_meta_closing(text) or (started and bool(_NOTE_LABEL.match(text)))

    # openings: leading sentences of the first lines; closings: trailing sentences of the last
    out += _edge_runs(lines[:3], opening, from_end=False)
    out += _edge_runs(lines[-4:][::-1], closing, from_end=True)
    out += _feedback_block(lines, raw)
    out += _separators(out, lines)
    # anywhere: "As an AI language model, ..." on a line of its own
    for line in lines:
        if len(line.text) <= SHORT * 2 and _AI_SELF.match(line.text):
            out.append(whole_line("llm_meta_text", line, 0))
    return out


# a heading the model writes over its notes, marked up as no extracted news page is: "---
# ### Feedback:", "**Suggestions for improvement:**"
_MARKED_FEEDBACK = re.compile(
    r"(?:[-*_=]{3,}\s*)?(?:#{1,4}\s*|\*\*\s*)(?:\w+\s+){0,3}(?:feedback|suggestions?|"
    r"improvements?|enhancements?|changes made|key changes|edits made)(?:\s+\w+){0,4}\s*:", re.I)


def _feedback_block(lines: list[Line], raw: str) -> list[Candidate]:
    """From a marked-up feedback heading in the second half of the text to its end: the
    model's notes on its own edit ("--- ### Feedback: **Structure**: - The paragraph is now
    divided ..."), each note a plain sentence no sentence rule could tell from the story's."""
    for line in lines:
        for m in _MARKED_FEEDBACK.finditer(line.text):
            at = line.start + m.start()
            if at >= len(raw) // 2 and (m.start() == 0 or re.match(r"[-*_=]{3}|#", m.group(0))):
                return [Candidate("llm_meta_text", at, len(raw.rstrip()), 0)]
    return []


def _separators(found: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """A separator line ("---", "***") next to meta text goes with it."""
    out = []
    at = {ln.start: k for k, ln in enumerate(lines)}
    for c in found:
        for line in lines:
            if line.start <= c.start < line.end + 1:
                k = at[line.start]
                for j in (k - 1, k + 1):
                    if 0 <= j < len(lines) and _SEPARATOR.match(lines[j].text):
                        out.append(whole_line("llm_meta_text", lines[j], 0))
                break
    return out


def _edge_runs(
    lines: list[Line], accept: Callable[[int, int, bool], bool | None], from_end: bool
) -> list[Candidate]:
    """Meta text at one edge of the article. In each line, in the order given, the sentences read
    from that edge (the end when ``from_end``) that ``accept(start, end, started)`` takes make one
    candidate; ``None`` passes a sentence over, ``False`` ends the run and the search."""
    out: list[Candidate] = []
    for line in lines:
        spans = sentence_spans(line)
        bounds: tuple[int, int] | None = None
        stop = False
        for s, e in reversed(spans) if from_end else spans:
            verdict = accept(s, e, bounds is not None)
            if verdict is None:
                continue
            if not verdict:
                stop = True
                break
            bounds = (s, e) if bounds is None else (min(bounds[0], s), max(bounds[1], e))
        if bounds is not None:
            out.append(Candidate("llm_meta_text", bounds[0], bounds[1], 0))
        if stop:
            break
    return out
