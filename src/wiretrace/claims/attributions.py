"""Attributions ("according to X", "X said", "said X", "X put the toll at ...") and quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiretrace.claims.lexicon import lexicon

__all__ = ["ACCOUNT_MODIFIERS", "QUOTE", "VERBS", "Attribution", "Quote", "find_attributions",
           "find_quotes", "verb_group"]

_SOURCE = (
    r"(?P<src>(?<![\w'’])(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|for|the)?\s*[A-Z][\w'’.-]*)*(?:['’]s)?"
    r"(?:\s+[a-z][\w-]*){0,3}?"
    r"|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?))"
)
_VERBS = "|".join(sorted(lexicon().verb_group, key=len, reverse=True))
VERBS = _VERBS  # the reporting verbs, longest first, as one regex alternation
# After a subject only inflected forms count: "meeting place", "blog post" are not attributions.
_SUBJ_VERBS = "|".join(sorted(
    (v for v in lexicon().verb_group
     if v.endswith(("ed", "es")) or v in {"said", "says", "told", "tells", "wrote", "put", "puts",
                                          "thought", "warns", "notes", "adds", "claims",
                                          "estimates", "reports", "insists", "believes"}),
    key=len, reverse=True))
_ACCORDING = re.compile(
    r"\b(?:according to|citing|cited by|as reported by|quoting)\s+"
    r"(?P<src>[^,.;:()\"“”]{2,80}?)(?=\s*(?:[,.;:()\"“”]|\s(?:on|in|at|as|which|who|that)\b|$))",
    re.IGNORECASE,
)
# "Merlin, which runs Legoland, confirmed", "The National Bank of Ukraine (NBU) said": a
# relative clause or the body's acronym between the source and its verb;
# the verb a word of its own, not the first of a compound ("his thought-provoking joke")
_SUBJ_VERB = re.compile(
    rf"{_SOURCE}(?:,\s+(?:which|who)\s[^,.;\"“”]{{2,80}},|\s+\([A-Z][A-Z0-9.&-]{{1,9}}\))?"
    r"\s+(?:has\s+|have\s+|had\s+|"
    rf"also\s+)?(?P<verb>{_SUBJ_VERBS})\b(?!-\w)(?!\s+(?:to|as|by)\b)"
)
# "said government spokesman Tomas Berg": a title, with up to two words before it, precedes the
# named speaker; the speaker is the name
_TITLE_WORDS = "|".join(sorted({t.split()[-1] for t in lexicon().titles}, key=len, reverse=True))
_VERB_SUBJ = re.compile(
    r"[,\"”]\s*(?P<verb>said|says|told|added|stated|noted|wrote|explained)\s+"
    rf"(?:(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{_TITLE_WORDS})\s+(?=[A-Z]))?"
    r"(?P<src>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|[a-z]+(?:\s+[a-z]+){0,2}?)"
    r"(?=\s*[,.;]|$)"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
# what "citing" may name that is no source: "citing an example of ..."
_CITED_THINGS = frozenset({"example", "examples", "instance", "instances", "case", "cases"})
# a source phrase ends in a name or a noun, never a preposition ("Thursday as observed")
_PREPOSITIONS = frozenset({"as", "in", "on", "at", "with", "by", "from", "to", "for", "of"})
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being"})
# what tells when or how an account came, not whose it is: "Earlier reports suggested",
# "Initial estimates had" open with an adjective, not a speaker
# (words for when or how sure, never a noun for who: "official", "media" speak)
ACCOUNT_MODIFIERS = frozenset({
    "earlier", "early", "initial", "first", "preliminary", "previous", "prior", "later", "latest",
    "recent", "new", "final", "further", "separate", "conflicting", "unconfirmed"})
_NO_ONE = frozenset({"no", "nobody", "none", "neither", "noone"})
_BAD_SOURCE = frozenset({"the", "a", "an", "and", "but", "that", "which", "this", "it", "there",
                         # an auxiliary left of the verb when an apposition parts it from its
                         # subject ("Russia, a key ally of Syria, has announced")
                         "has", "have", "had", "will", "would", "also"})
# a quote closes on a curly mark, or a straight one after its last word or before no word (a
# straight mark after a space and before a word opens the next quote), or ends before the
# opening mark of a quote continued in a new paragraph, the text run on ('must pay. "It is on
# our doorstep."') or not
QUOTE = re.compile(r"[\"“„](?P<q>[^\"“”„\n]{3,800}?)"
                   r"(?:[”“]|(?<!\s)\"|\"(?!\w)|(?<=[.!?,])(?=\s+[\"“][A-Z])"
                   r"|(?=[ \t]*\n\s*[\"“][A-Z]))")


@dataclass(slots=True)
class Attribution:
    start: int
    end: int
    source: str
    verb: str | None  # the reporting verb as written, or None for "according to"
    source_span: tuple[int, int]


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None


def verb_group(verb: str | None) -> int | None:
    return None if verb is None else lexicon().verb_group.get(verb.lower())


def _clean_source(src: str) -> str:
    src = re.sub(r"^(?:the|a|an)\s+", "", src.strip(), flags=re.IGNORECASE)
    src = src.strip(" ,;:")
    if src.endswith(".") and not re.search(r"(?:[A-Z]\.){2,}$", src):
        src = src[:-1]
    words = src.split()
    if len(words) > 1 and words[-1].lower() in _PRONOUNS and not words[-2].endswith("."):
        return words[-1]  # "in Washington she said": she speaks, not Washington
    return src


def _cut_short(text: str, span: tuple[int, int]) -> bool:
    """The text stops inside the words of ``span`` (a page or a model's output cut short: "...,"
    said El"): what is left of a name is no name."""
    tail = text.rstrip()
    return span[1] >= len(tail) and tail[-1:].isalnum()


def find_attributions(text: str, start: int = 0, end: int | None = None) -> list[Attribution]:
    """Who a sentence ``text[start:end]`` attributes its statement to."""
    end = len(text) if end is None else end
    out: list[Attribution] = []
    for m in _ACCORDING.finditer(text, start, end):
        if _cut_short(text, m.span("src")):
            continue
        src = _clean_source(m.group("src"))
        if src and src.split()[0].lower() in _CITED_THINGS:
            continue  # "citing an example of a round trip": what is cited, not who
        if src:
            out.append(Attribution(m.start(), m.end(), src, None, m.span("src")))
    for rx in (_SUBJ_VERB, _VERB_SUBJ):
        for m in rx.finditer(text, start, end):
            if _cut_short(text, m.span("src")):
                continue
            src = _clean_source(m.group("src"))
            words = src.lower().split()
            if not words or words[-1] in _BAD_SOURCE | _PREPOSITIONS or words[0] in _BAD_SOURCE:
                continue
            if src.lower() in _PRONOUNS or (len(words) > 3 and not src[:1].isupper()):
                continue
            if _PASSIVE & set(words):
                continue  # "a similar incident was previously noted": a passive, no one speaks
            if _NO_ONE & set(words):
                continue  # "No specific group has claimed": no one says it
            if all(w in ACCOUNT_MODIFIERS for w in words):
                continue  # "Earlier reports suggested": an adjective before a noun read as
                # a verb ("reports", "estimates"), no one reporting
            if rx is _SUBJ_VERB and (re.search(r"['’]s$", src) or (
                    len(words) == 1 and m.group("verb").lower() in {"claims", "reports", "notes"}
                    and words[0] in lexicon().places and words[0] != lexicon().places[
                        words[0]].lower())):
                continue  # "China's claims", "Chinese claims": a noun, no one speaking
            if any(a.start <= m.start() < a.end for a in out):
                continue
            if m.group("verb").lower() in {"put", "puts", "placed"} and not re.search(
                r"\bat\s", text[m.end():end]
            ):
                continue  # "put ... at 200" estimates; "put pressure on" does not
            out.append(Attribution(m.start(), m.end(), src, m.group("verb"), m.span("src")))
    out.sort(key=lambda a: a.start)
    return out


# a quote that ends its sentence inside the marks ("... sum.") before a capital: what follows
# is the next sentence, not the quote's speaker
_ENDS_SENTENCE = re.compile(r"\.\s*$")


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quoted passages of ``text[start:end]`` with a speaker when a reporting verb names one."""
    end = len(text) if end is None else end
    out: list[Quote] = []
    for m in QUOTE.finditer(text, start, end):
        speaker = None
        before = text[max(start, m.start() - 80):m.start()]
        for a in find_attributions(text, m.end() - 1, min(len(text), m.end() + 80)):
            if a.start - m.end() <= 3 and not re.search(r"[.!?;]", text[m.end():a.start]) and (
                    not _ENDS_SENTENCE.search(m.group("q"))):
                speaker = a.source  # not past the quote's sentence ("...". Ministers said;
                # "... a gigantic sum." Earlier reports suggested)
                break
        if speaker is None:
            hit = re.search(rf"{_SOURCE}\s+(?:{_VERBS})(?:\s+[a-z]+){{0,2}}\s*[,:]?\s*$", before)
            if hit:
                speaker = _clean_source(hit.group("src"))
        out.append(Quote(m.start(), m.end(), m.group("q"), speaker))
    return out
