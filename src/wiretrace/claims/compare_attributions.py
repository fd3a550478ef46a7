"""Attributions and quotes a copy changed: a statement cut loose from its source, a quote given
to another speaker, a new source, a quote the source never has (``AttributionChecks``, a part of
``compare._Comparer``), and the helpers that tell a named source from a description or a credit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz

from wiretrace.claims.attributions import ACCOUNT_MODIFIERS, VERBS
from wiretrace.claims.compare_figures import same_figure
from wiretrace.claims.compare_names import (
    _HONORIFICS,
    _acronym_in,
    _names,
    _norm_name,
    _shortened_in,
    _spelt_out,
    _surname,
)
from wiretrace.claims.entities import (
    COMMON_CAPITALISED,
    acronym_used,
    canonical_place,
    described_as,
    seat_title,
)
from wiretrace.claims.figures import SPECIFIC_SCOPES
from wiretrace.claims.lexicon import bodies_named, body_named, lexicon
from wiretrace.claims.normalise import reading_form, reading_key
from wiretrace.claims.pairing import Sent, Side, is_content, stem
from wiretrace.claims.quotes import (
    QuoteMention,
    cut_quote_mention,
    find_quote_mentions,
    quote_words,
    same_speaker,
)
from wiretrace.claims.swaps import same_place
from wiretrace.claims.vetting import _acronym_of
from wiretrace.model import Claim, Span
from wiretrace.trace.citations import is_news_outlet, outlet_like

if TYPE_CHECKING:
    from wiretrace.claims.additions import Unit


_GENERIC_SOURCES = frozenset({"authorities", "officials", "official", "government", "sources",
                              "source", "police", "media", "reports", "experts", "witnesses"})



# what the numbers say, not who: "Figures suggested ...", "Statistics show ..."
_DATA = frozenset({"figures", "statistics", "data", "numbers", "estimates", "records", "results",
                   "findings", "polls", "surveys", "studies", "research", "evidence"})
# content words a quote shares with a source sentence that reports the same in its own words
_REPORTED_SHARED = 2
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "who"})
_PERSONAL = _PRONOUNS - {"this", "that", "who"}
_NOBODY = frozenset({"no", "nobody", "none", "neither", "nor"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_LEAD_INS = frozenset({"as", "contrary", "to", "unlike", "like", "according"})
_CLAUSE_WORDS = frozenset({"was", "were", "is", "are", "be", "been", "not", "has", "have", "had"})


_ACCOUNTS = _DATA | {"reports", "report", "accounts", "account"}
# a closing quotation mark: after a word or a mark, before anything but a word or an opening
# mark (a space, a comma, a dash, a bracket) or the end
_CLOSING_QUOTE = re.compile(r"(?<=\S)[\"”](?=[^\w“]|$)")


def _named_source(who: str, described: bool = False) -> bool:
    """"Police", "Reuters", "the Jordanian government": a source; "he", "the country", "As
    she", "Contrary to her", "Earlier reports": not. With ``described``, a source described
    in plain words is one too ("the army", "the company", "rights groups")."""
    words = who.strip().split()
    while len(words) > 1 and words[0].lower() in _LEAD_INS:
        words = words[1:]  # "As she stated", "Contrary to her claims": the pronoun speaks
    if not words or words[0].lower() in _PRONOUNS | _NOBODY | _POSSESSIVES:
        return False  # "he humorously added", "No organisation has claimed": no source
    if len(words) > 1 and words[-1].lower() in _ACCOUNTS and all(
            w.lower() in ACCOUNT_MODIFIERS for w in words[:-1]):
        return False  # "Earlier reports suggested", "Initial estimates had": an account
        # told by when it came, no one named
    lone = words[0].lower().rstrip(".") if len(words) == 1 else None
    if any(w.lower() in _CLAUSE_WORDS for w in words) or (
            lone is not None and (lone in lexicon().titles or lone in _HONORIFICS
                                  or lone in _DATA)):
        return False  # "These donations were not", a bare "Ms": a misread, not a source;
        # "Figures suggested": the numbers, not a source
    return (who.strip()[:1].isupper() or words[-1].lower() in _GENERIC_SOURCES or (
        described and is_content(words[-1].lower())))


# an outlet's report or service: "a BBC report", "the Reuters news agency"
_OUTLET_REPORT = re.compile(r"(?i)(?:['’]s)?\s+(?:news\s+agency|news\s+service|news\s+report|"
                            r"reports?|reporting|article|story|website|broadcast)$")


def _outlet_report(src: str) -> bool:
    head = _OUTLET_REPORT.sub("", src.strip())
    return head != src.strip() and bool(head) and outlet_like(head)


def _named_in(name: str, text: str) -> bool:
    """Are the name words of ``name`` (capitalised, not common) all in ``text``?"""
    words = [w for w in re.findall(r"[A-Z][\w-]+", re.sub(r"['’]s\b", "", name))
             if w.lower() not in COMMON_CAPITALISED and w.lower() not in lexicon().titles
             and len(w) > 2]
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "many",
                          "several", "two", "three", "local", "state", "federal"})


def _no_speaker(who: str) -> bool:
    """A source phrase that names no speaker: a pronoun ("He", "I"), a passive ("is reported
    to"), or a misread that opens with a plain lowercase word ("found the signaller"); "the
    coast guard" is a speaker."""
    words = who.strip().split()
    if not words:
        return True
    first = words[0].lower()
    return first in _PRONOUNS | _POSSESSIVES | _CLAUSE_WORDS or (  # a verb and its object:
        # "found the ..."; a passive, "is reported to": no one named
        words[0][:1].islower() and first not in _DETERMINERS and len(words) > 1
        and words[1].lower() in {"the", "a", "an", "that"})


def _generic_source(src: str) -> bool:
    """"Greek authorities", "officials and ministries": a vaguer restatement, not a new source."""
    return any(part.split()[-1].lower() in _GENERIC_SOURCES
               for part in re.split(r"\s+and\s+|,\s*", src.strip()) if part.split())



# "As NAME writes in a Los Angeles Times piece": a writer credited with an outlet's text
_WRITES_IN = re.compile(r"\s*,?\s*(?:writes|wrote|reports|reported|writing|reporting)\s+"
                        r"(?:in|for|at)\s+(?P<outlet>[^.,:;\n]{2,60})")


_TOLD_BEFORE = re.compile(r"(?i)\b(?:told|tells|telling|writes|wrote|writing|according to)"
                          r"(?:\s+(?:in|for|to))?(?:\s+(?:an?|the))?\s+$")


# the tense a reported statement shifts back, and the tense it is told in directly
_BACKSHIFT = {"had": "have", "has": "have", "was": "is", "were": "are", "would": "will",
              "could": "can"}


def _credit(text: str, span: tuple[int, int]) -> bool:
    """Is the name at ``span`` a credit, not a claim: a writer of an outlet's piece ("As NAME
    writes in a Los Angeles Times piece") or the outlet told or written in ("told the
    Union-Tribune")?"""
    m = _WRITES_IN.match(text, span[1])
    if m and outlet_like(m.group("outlet")):
        return True
    return outlet_like(text[span[0]:span[1]]) and bool(
        _TOLD_BEFORE.search(text, max(0, span[0] - 40), span[0]))


# a pronoun that says something: the copy keeps the speaker, by reference ("he did declare")
_PRONOUN_SAID = re.compile(rf"\b(?:he|she|they|we)\s+(?:did\s+|had\s+|has\s+|have\s+|also\s+|"
                           rf"then\s+)?(?:{VERBS})\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# quotations one after another, nothing but space between them
_QUOTED_RUN = re.compile(rf"(?:\s*{_QUOTED.pattern})*\s*")
# a subject that judges in words: the quote is still someone's ("X criticised them as '...'")
_SPEECH_ACT = re.compile(r"\b(?:criticis|criticiz|labell?|call|describ|brand|dubb?|accus|"
                         r"condemn|slamm?|prais|urg|characteri[sz]|term)(?:e|es|ed|ing|s)?\b",
                         re.IGNORECASE)
# every word capitalised but the small ones: a title ("The Mobbs Memorial Match")
_TITLE_CASE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|in|on|a|an|for|to|at)\s+)*"
                         r"[A-Z0-9][\w'’-]*)+")
# "the AAIB's report", "the council's statement": the owner speaks through the document
_DOCUMENTS = ("report", "statement", "study", "findings", "analysis", "survey", "review",
              "investigation", "website", "data", "figures", "letter", "filing")
_DOCUMENT = re.compile(rf"['’]s\s+(?:\w+\s+)?(?:{'|'.join(_DOCUMENTS)})$", re.IGNORECASE)
_RESTATES = 0.7  # sentence-embedding cosine from which a copy's quote restates a source sentence
_RESTATES_QUOTE = 0.6  # ... or one of the source's quotes (quote to quote: a reworded quote)
# a verb that reports words as someone's
_REPORTED = re.compile(r"(?i)\b(?:sa(?:id|ys?)|told|tells|report(?:s|ed)?|added|stated|wrote|"
                       r"writes|tweeted|announced|explained|according to|continued|noted|"
                       r"mentioned|remarked|stressed|emphasi[sz]ed|insisted|argued|warned|"
                       r"replied|responded|concluded|acknowledged|admitted|declared|"
                       r"stating|saying|adding|noting|explaining|telling|writing|warning|"
                       r"asserts?|asserted|asserting|claim(?:s|ed|ing)|reveal(?:s|ed|ing)|"
                       r"show(?:s|ed|ing)|indicat(?:es|ed|ing)|suggest(?:s|ed))\b")
# a source described as an outlet ("a local newspaper", "state media")
_OUTLET_DESCRIBED = re.compile(
    r"(?i)^(?:an?|the)?\s*(?:\w+\s+){0,2}(?:newspapers?|paper|media|outlets?|broadcasters?|"
    r"television|tv|radio|daily|tabloid|website|news\s+(?:agency|site|service)|agency)$")


def _unnamed(src: str) -> bool:
    """A source described, not named: "the company", "the ministry", "officials"."""
    words = re.findall(r"[\w'’-]+", src)
    return bool(words) and not any(w[:1].isupper() for w in words if w.lower() != "the")


def _person_like(speaker: str) -> bool:
    """A speaker named as a person (two or more capitalised words, none a body's kind: "Mia
    Dahl", "opposition leader Mia Dahl"), not a body ("the Energy Ministry")?"""
    org = lexicon().org_words
    words = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[A-Z][\w'’-]*", speaker)]
    words = [w for w in words if w.lower() not in lexicon().titles and w.lower() != "the"]
    return len(words) >= 2 and not any(w.lower() in org for w in words)


def _name_stems(name: str) -> set[str]:
    """The capitalised words of a name that are its own, not a body's kind ("Union")."""
    org = lexicon().org_words
    return {stem(re.sub(r"['’]s?$", "", w).lower()) for w in re.findall(r"[A-Z][\w'’-]*", name)
            if re.sub(r"['’]s?$", "", w).lower() not in org | {"the"}}


def _one_place(x: str, y: str) -> bool:
    """Two sources that are one country: the same place, or a capital and its country."""
    cx, cy = canonical_place(x), canonical_place(y)
    return cx is not None and cy is not None and same_place(cx, cy)


class AttributionChecks:
    """Who a copy sentence gives its statements and quotes to, against the aligned source
    sentences; quotes the source does not have."""

    a: Side
    b: Side
    units: list[tuple[Unit, tuple[int, int]]]
    _b_quotes: list[QuoteMention] | None
    _a_quotes: list[QuoteMention] | None
    _a_quote_grams: set[tuple[str, ...]]
    _a_quote_stems: list[set[str]]
    _pairs: dict[int, list[int]]
    support: list[Side] | None

    if TYPE_CHECKING:  # defined by ``compare._Comparer`` and its other parts
        def add(self, kind: str, b_span: tuple[int, int], a_span: tuple[int, int] | None,
                explanation: str) -> None: ...

        def unit(self, claim: Claim, sb: Sent, label: str, versus: Span | None = None,
                 note: str | None = None) -> None: ...

    # --- context -------------------------------------------------------------------------
    def _quote_speaker(self, claim: Claim) -> str | None:
        """Who the copy gives the quote of ``claim`` to, as the quote finder reads it ("said
        government spokesman Pavlos Retsinas"); None when no speaker is named."""
        if claim.kind != "quote":
            return None
        s, e = claim.span
        return next((q.speaker for q in self._copy_quotes()
                     if q.speaker and q.span[0] < e and s < q.span[1]), None)

    def _quoted_under(self, sb: Sent, speaker: str) -> bool:
        """Is the copy's sentence a quotation reprinted under an earlier mention of its speaker
        ("Below is a statement by Francesca Grifo:"), so the quote is still hers?"""
        surname = _surname(speaker)
        opens = self.b.text[sb.span[0]:sb.span[1]].lstrip()[:1] in {'"', "“", "'", "‘"}
        quotes = any(c.kind == "quote" for c in sb.claims)
        if not surname or not (opens or quotes):
            return False
        before = self.b.text[:sb.span[0]]
        mentions = list(re.finditer(rf"\b{re.escape(surname)}\b", before, re.IGNORECASE))
        if not mentions:
            return False
        # introduced: a colon after the last mention, and no sentence ended since; or only
        # quotations since, a statement of several paragraphs each opening with a quotation
        # mark (left open until the last, or each closed)
        between = before[mentions[-1].end():]
        colon = between.rfind(":")
        if colon < 0:
            return False
        if not re.search(r"[.!?][\"”’]?\s", between[colon + 1:]):
            return True
        # the statement runs from the first colon (the quoted words may have colons of their
        # own: "The message is clear: ...")
        after = between[between.find(":") + 1:]
        return (after.lstrip()[:1] in {'"', "“"} and not _CLOSING_QUOTE.search(after)) or (
            _QUOTED_RUN.fullmatch(after) is not None)

    def _reported(self, sb: Sent) -> bool:
        """Does the copy's sentence report its words as someone's, outside its quotes, with a
        speaker the attribution reader does not take for a source ("chanted '...,' people
        report from the scene")?"""
        text = self.b.text[sb.span[0]:sb.span[1]]
        return bool(_REPORTED.search(re.sub(r"[\"“][^\"“”]*[\"”]", " ", text)))

    def _paragraph(self, sb: Sent) -> tuple[int, int]:
        text = self.b.text
        start = text.rfind("\n", 0, sb.span[0]) + 1
        end = text.find("\n", sb.span[1])
        return start, len(text) if end < 0 else end

    def _speaker_near(self, sb: Sent, source: str, as_speaker: bool = False) -> bool:
        """Does the copy name ``source`` in the sentence's paragraph (the speaker kept nearby)?
        With ``as_speaker``, only as who says something there ("Police said the fire spread.
        There were no injuries."), not as who does something ("Police officers went door to
        door. There were no injuries.")."""
        # "Varnia's interior ministry" is named by "interior ministry", not by "Varnia"
        head = re.sub(r"^.*\b[\w-]+['’]s\s+", "", source)
        phrase = head if head.strip() else source
        words = re.findall(r"[\w'’-]+", re.sub(r"['’]s\b", "", phrase))
        names = [w for w in words if w[:1].isupper() and w.lower() not in COMMON_CAPITALISED
                 and w.lower() not in lexicon().titles]
        # a misread subject that runs over its noun phrase ("an action the bank said"): the
        # speaker is the phrase after the last article
        last = re.split(r"\b(?:the|a|an)\s+", phrase)[-1]
        key = names or [w for w in re.findall(r"[\w'’-]+", last) if is_content(w.lower())] or [
            w for w in words if is_content(w.lower())]
        # "a police statement" is the police's: named by "police said" nearby, as who says
        # something there (not "Police arrested 14 people, organisers said")
        documented = [w for w in key if w.lower() not in _DOCUMENTS]
        if documented and len(documented) < len(key):
            key, as_speaker = documented, True
        if not key:
            return False
        s, e = self._paragraph(sb)
        told = self.b.text[s:e] if not as_speaker else " ".join(
            c.subject or "" for c in self.b.claims
            if c.kind in {"attribution", "quote"} and s <= c.span[0] < e)
        para = {stem(w) for w in re.findall(r"[\w'’-]+", told.lower())}
        if names:
            return any(stem(w.lower()) in para for w in names if len(w) > 3) or all(
                stem(w.lower()) in para for w in names)
        return all(stem(w.lower()) in para for w in key)

    def _dropped_attribution(self, sb: Sent, bf: Claim, af: Claim) -> None:
        """The source attributes the figure; the copy states it as fact, naming no one."""
        if not af.attributed_to or bf.attributed_to or self._speaker_near(sb, af.attributed_to) or (
                is_news_outlet(af.attributed_to)):
            return
        if any(c.kind == "attribution" for c in sb.claims):
            return
        sa = self.a.sentence_at(af.span[0])
        attr = [c for c in (sa.claims if sa else []) if c.kind == "attribution"]
        if not attr:
            return
        span = (min(attr[0].span[0], af.span[0]), max(attr[0].span[1], af.span[1]))
        self.add("attribution", bf.span, span,
                 f"the copy states '{bf.text}' as fact; the source attributes it "
                 f"('{attr[0].text}')")

    # --- attributions --------------------------------------------------------------------
    def _kept(self, c: Claim, region: list[Sent]) -> bool:
        """Does the aligned source sentence make this claim too (the same figure, the quote)?"""
        if c.kind == "figure":
            return any(same_figure(af, c) for s in region for af in s.claims
                       if af.kind == "figure")
        text = " ".join(self.a.text[s.span[0]:s.span[1]] for s in region).lower()
        return fuzz.partial_ratio(c.text.lower(), text) >= 85

    def _holding(self, c: Claim, region: list[Sent]) -> Sent | None:
        """The aligned source sentence that makes the claim ``c`` of the copy."""
        for s in region:
            if c.kind == "figure":
                if any(af.kind == "figure" and same_figure(af, c) for af in s.claims):
                    return s
            elif fuzz.partial_ratio(c.text.lower(),
                                    self.a.text[s.span[0]:s.span[1]].lower()) >= 85:
                return s
        return None

    def _attribution_cut(self, sb: Sent, region: list[Sent], a_attr: list[Claim]) -> None:
        """The copy's sentence is the source's with its attribution cut out ("Police said 12
        people died." -> "12 people died."): the copy states as fact what the source attributes.
        A source named or described ("the army said") counts; a pronoun ("he said") is left
        alone: the sentences around it name whom it stands for."""
        # a quote's words: its speaker named in the paragraph keeps it theirs; a plain
        # statement: only a speaker told as saying something there
        plain = not re.search(r"[\"“”]", self.b.text[sb.span[0]:sb.span[1]])
        b_words = reading_key(self.b.text[sb.span[0]:sb.span[1]]).split()
        for aa in a_attr:
            who = (aa.subject or "").strip()
            if not _named_source(who, described=True) or (is_news_outlet(who) and not plain):
                continue  # (an agency credited for reporting a quote is not who says it)
            sa = self.a.sentence_at(aa.span[0])
            if sa is None or sa not in region:
                continue
            s0, s1 = sa.span
            cut = (self.a.text[s0:aa.span[0]] + " " + self.a.text[aa.span[1]:s1])
            cut_words = [w for w in reading_key(cut).split()]
            if cut_words and cut_words[0] == "that":
                cut_words = cut_words[1:]
            if len(cut_words) < 4 or [_BACKSHIFT.get(w, w) for w in b_words] != [
                    _BACKSHIFT.get(w, w) for w in cut_words]:
                continue  # (a reported tense told directly is the same words: "Police said
                # there had been no reports" / "There have been no reports")
            if self._speaker_near(sb, who, as_speaker=plain) or self._quoted_under(sb, who):
                continue
            self.add("attribution", sb.span, aa.span,
                     f"the copy states this as fact; the source attributes it ('{aa.text}')")
            return

    def _source_quote(self, kept: list[Claim], region: list[Sent]) -> tuple[Claim, Claim] | None:
        """A quote the copy kept and the source's quote, with its named speaker, it reprints
        (a speaker the quote reader resolves from a pronoun too: "“...,” he said" after
        "Deputy Governor Volodymyr Havryliuk said ...")."""
        said = [self._named_speaker(c) for s in region for c in s.claims if c.kind == "quote"]
        said = [c for c in said if c.subject]
        for q in kept:
            if q.kind != "quote":
                continue
            for c in said:
                if fuzz.partial_ratio(reading_key(q.text), reading_key(c.text)) >= 85:
                    return q, c
        return None

    def _named_speaker(self, c: Claim) -> Claim:
        """The source's quote claim with the speaker the quote reader gives it where the claim
        has none (a pronoun resolved), as a person the source names."""
        if c.subject:
            return c
        m = next((m for m in self._source_quotes() if m.speaker and m.speaker_span
                  and m.span[0] < c.span[1] and c.span[0] < m.span[1]), None)
        if m is None or not _named_source(m.speaker or ""):
            return c
        return replace(c, subject=m.speaker)

    def _speaks_for(self, body: str, aa: Claim) -> bool:
        """Does the source give its speaker as speaking for ``body``, the copy's speaker, in
        the words before the name in its sentence ("Foreign Ministry spokesman Jonas Vik")?"""
        body = re.sub(r"^the\s+", "", body.strip(), flags=re.IGNORECASE)
        sa = self.a.sentence_at(aa.span[0])
        if len(body) < 4 or sa is None:
            return False
        return re.search(rf"\b{re.escape(body)}\b", self.a.text[max(
            sa.span[0], aa.span[0] - 60):aa.span[1]], re.IGNORECASE) is not None

    def _where(self, speaker_key: str) -> str:
        # (the key is folded as reading_form folds: "oyarzun" is in "Oyarzún said")
        return ("whom the source names elsewhere" if speaker_key in reading_form(self.a.text)
                else "whom the source does not mention")

    def _quoting(self, sb: Sent, speaker: str, said_by: str) -> bool:
        """Does the copy give the quote to a body that quotes the source's speaker by name
        ("the Energy Ministry said in a statement, quoting Tegner" / "citing Lars Tegner"):
        the name right after the verb, a first name or title at most before it, and no other
        name or possessive after it ("citing Tegner's own figures", "quoting a letter to
        Tegner", "citing the Tegner Commission" quote others); or by the title the source gives
        him before his name ("quoting the minister" for "Energy Minister Lars Tegner")?"""
        words = [w for w in re.findall(r"[A-Z][\w'’-]*", said_by)
                 if w.lower() not in lexicon().titles and w.lower() not in _HONORIFICS]
        if not words or not re.search(r"[A-Z]", speaker) or _person_like(speaker):
            return False
        told = self.b.text[sb.span[0]:sb.span[1]]
        surname = re.escape(words[-1])
        if re.search(rf"\b(?:quoting|citing|quoted|cited)\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}"
                     rf"{surname}\b(?!['’]|\s+[A-Z])", told):
            return True
        # "quoting the minister": the title the source gives the speaker before the name
        by_title = re.search(r"\b(?:quoting|citing|quoted|cited)\s+the\s+([a-z]+)\b"
                             r"(?!\s+of\b|['’])", told)
        return by_title is not None and any(
            re.search(rf"\b{re.escape(by_title.group(1))}\b", self.a.text[max(0, m.start() - 40):
                                                                          m.start()], re.I)
            for m in re.finditer(rf"\b{surname}\b", self.a.text))

    def _defined_otherwise(self, speaker: str, said_by: str) -> bool:
        """Is ``speaker`` initials ("the NDU") that one of the texts defines as another body than
        ``said_by`` ("The Northern Drivers' Union (NDU)")?"""
        acronym = re.sub(r"^[Tt]he\s+", "", speaker.strip())
        if not re.fullmatch(r"[A-Z]{2,6}", acronym) or not _name_stems(said_by):
            return False  # (a source that says only "the federation" names no other body)
        for text in (self.a.text, self.b.text):
            spelt = _spelt_out(acronym, text)
            if spelt is not None and not (_name_stems(spelt) & _name_stems(said_by)):
                return True  # (no word in common but the body's kind: "Union")
        return False

    def _quote_given_to(self, sb: Sent, span: tuple[int, int], speaker: str, said_by: str,
                        versus_span: tuple[int, int]) -> None:
        """The copy gives a quote of the source to ``speaker``; the source to ``said_by``. Not a
        change when they are one person; otherwise the new speaker is this change, not also an
        addition of the copy."""
        if same_speaker(speaker, said_by) is not False and not self._defined_otherwise(
                speaker, said_by):
            return
        if self._quoting(sb, speaker, said_by):
            return
        key = _norm_name(speaker)
        self.add("attribution", span, versus_span,
                 f"the copy gives the quote to {speaker} ({self._where(key)}); the source gives "
                 f"it to {said_by}")
        self.units = [(u, sent) for u, sent in self.units
                      if not (sent == sb.span and _norm_name(u.claim.subject or "") == key)]

    def _body_swapped(self, sb: Sent, region: list[Sent], ba: Claim, a_attr: list[Claim]) -> bool:
        """The copy gives the statement of its sentence to another body than the source's
        sentence does ("police said" where the source's says "prosecutors said"): every source
        of the aligned passage is a body of ``sources.txt``, none the copy's, the passage never
        names the copy's, and the copy's sentence keeps most of the passage's words."""
        body = body_named(ba.subject or "")
        theirs = [body_named(x.subject or "") for x in a_attr]
        if body is None or not theirs or None in theirs or body in theirs:
            return False
        if body in bodies_named(" ".join(self.a.text[s.span[0]:s.span[1]] for s in region)):
            return False  # "police and prosecutors said": the source names it too
        told = " ".join(self.a.text[s.span[0]:s.span[1]] for s in region)
        for x in a_attr:  # what the source's passage says of its bodies besides who speaks
            told = told.replace(x.subject or "\0", " ", 1)
        if set(theirs) & bodies_named(self.b.text[sb.span[0]:sb.span[1]], besides=told):
            return False  # "His lawyer said prosecutors' claim ... was false": the copy
            # still gives the source's body its statement (not "Witnesses said two soldiers
            # were killed" for "The army said two soldiers ...": the soldiers are in both)
        s0, s1 = int((ba.value or {}).get("source_span", ba.span)[0]), ba.span[1]
        own = {st for t, st in zip(sb.toks, sb.stems, strict=True)
               if is_content(t.norm) and not s0 <= t.start < s1}
        if len(own & {st for s in region for st in s.stems}) < 0.5 * max(1, len(own)):
            return False  # the copy's sentence says something else, perhaps
        self.add("attribution", ba.span, a_attr[0].span,
                 f"the copy gives this to {ba.subject} where the source gives it to "
                 f"{a_attr[0].subject} (another body: {body}, not {theirs[0]})")
        self.units = [(u, sent) for u, sent in self.units
                      if not (sent == sb.span and body_named(u.claim.subject or "") == body)]
        return True

    def attributions(self, sb: Sent, region: list[Sent]) -> None:
        b_attr = [c for c in sb.claims if c.kind == "attribution"]
        a_attr = [c for s in region for c in s.claims if c.kind == "attribution"]
        region_quotes = " ".join(c.text.lower() for s in region for c in s.claims
                                 if c.kind == "quote")
        bearing = [c for c in sb.claims if (c.kind == "quote" and (
            " " in c.text.strip() or _names(region_quotes, c.text.strip(" ,.")))) or (
            c.kind == "figure" and c.predicate in SPECIFIC_SCOPES)]  # (one word the copy
        # quotes and the source does not marks a term, "their 'caliphate'", not a statement)
        kept = [c for c in bearing if self._kept(c, region)]
        if a_attr and not b_attr and kept and not self._reported(sb):
            held = self._holding(kept[0], region)
            own = [c for c in a_attr if held is None or held.span[0] <= c.span[0] < held.span[1]]
            if not own:
                return  # the source attributes another sentence of the passage, not this one
            aa = own[0]
            if set((aa.subject or "").lower().split()[:1]) & _PERSONAL:
                return  # "he was told the referendum could be 'lost'": no source to drop
            if is_news_outlet(aa.subject or ""):
                return  # "..., Reuters news agency reports": a credit for the report, not who
                # says the quote (nor a claim of the agency's own)
            speaker = self._quote_speaker(kept[0])
            if speaker is not None:  # the copy names a speaker the attribution reader missed
                self._quote_given_to(sb, kept[0].span, speaker, aa.subject or "", aa.span)
                return
            if kept[0].kind == "quote" and self._quoted_under(sb, aa.subject or ""):
                return
            outside = _QUOTED.sub(" ", self.b.text[sb.span[0]:sb.span[1]])  # not the quote's
            # own words ("we call for an end")
            if _PRONOUN_SAID.search(outside) or _SPEECH_ACT.search(outside):
                return  # '"Actively working," he did declare', 'The Alliance criticised the
                # schemes as "inflexible"': still given to a speaker
            if not self._speaker_near(sb, aa.subject or ""):
                self.add("attribution", kept[0].span, aa.span,
                         f"the copy states '{kept[0].text}' without the source's attribution "
                         f"to {aa.subject}")
            return
        cut = [aa for aa in a_attr if not any(fuzz.token_set_ratio(
            _norm_name(aa.subject or ""), _norm_name(ba.subject or "")) >= 70 for ba in b_attr)]
        if cut:  # the source's attributions the copy's sentence does not keep ("According to
            # AFP, one user posted: ..." cut to "One user posted: ...")
            self._attribution_cut(sb, region, cut)
        if any(self._body_swapped(sb, region, ba, a_attr) for ba in b_attr):
            return
        kept_quote = any(c.kind == "quote" for c in kept)
        if not kept_quote and any(sent == sb.span for _, sent in self.units):
            return  # the copy adds its own reporting here: its source is part of the addition
        for ba in b_attr:
            src = _norm_name(ba.subject or "")
            s0 = int((ba.value or {}).get("source_span", ba.span)[0])
            full = self.b.text[max(sb.span[0], s0 - 40):ba.span[1]]  # "X and Y said": X too
            if not _named_source(ba.subject or "") or not (ba.subject or "")[:1].isupper() or (
                    _generic_source(ba.subject or "")) or (
                re.search(r"\b(\w+)\s+(?:and|,)\s+(?:the\s+)?\S*$", self.b.text[
                    max(sb.span[0], s0 - 40):s0]) and _generic_source(
                        full.split(" and ")[0].split(",")[-1])):
                continue  # "the company", "Greek authorities": a description, not a named source
            if is_news_outlet(ba.subject or "") or _outlet_report(ba.subject or ""):
                continue  # "a police source told AFP", "according to a BBC report": a credit
            quoted = self._source_quote(kept, region)
            if quoted is not None:  # the source's own words, kept: who says them?
                q, said_by = quoted
                reader = self._quote_speaker(q)
                if reader is not None and same_speaker(reader, ba.subject or "") is False:
                    continue  # another attribution of the sentence gives the quote ("X noted
                    # that the pilot reported '...'"): this one does not
                if src:
                    span = (min(q.span[0], ba.span[0]), max(q.span[1], ba.span[1]))
                    self._quote_given_to(sb, span, ba.subject or "", said_by.subject or "",
                                         said_by.span)
                continue
            if not src or any(fuzz.token_set_ratio(src, _norm_name(x.subject or "")) >= 70
                              or _acronym_of(ba.subject or "", x.subject or "")
                              or (_named_source(x.subject or "")
                                  and _names(ba.subject or "", x.subject or ""))
                              or _shortened_in(ba.subject or "", x.subject or "")
                              or described_as(ba.subject or "", x.subject or "")
                              for x in a_attr):
                continue  # one source ("Eventbrite's survey of 504 festival-goers" / "Eventbrite")
            if any(_one_place(ba.subject or "", x.subject or "") for x in a_attr):
                continue  # "China has stated" for "Beijing said": a capital speaks for its country
            if _acronym_in(ba.subject or "", self.a.text):
                continue  # "USGS said" where the source has "the US Geological Survey said"
            held = (ba.value or {}).get("source_span")
            if held and acronym_used(self.b.text, int(held[0]), int(held[1]), self.a.text):
                continue  # "According to the Department for Environment, Food & Rural Affairs
                # (Defra)" where the source says "Defra said"
            surname = _surname(ba.subject or "")
            if surname and any(_names(self.a.text[sa.span[0]:sa.span[1]], surname)
                               for sa in region):
                continue  # the source's passage names the same person ("fire chief, James
                # Steele" for "Fire Chief James Steele")
            if a_attr and _unnamed(a_attr[0].subject or "") and any(
                    src in side.text.lower() for side in self._story_sides()):
                continue  # "AMD said" for "the company said" in a text about AMD: named, not new
            if a_attr and _OUTLET_DESCRIBED.search(a_attr[0].subject or "") and outlet_like(
                    ba.subject or ""):
                continue  # "The Southwest Times Record reports" for "a local newspaper
                # reports": the outlet named, not another source
            if a_attr and body_named(ba.subject or "") is not None and body_named(
                    ba.subject or "") == body_named(a_attr[0].subject or ""):
                continue  # "Detectives said" for "Police said": one body in other words
            title = seat_title(ba.subject or "")
            if a_attr and title and re.search(rf"\b{title}\b", a_attr[0].subject or "",
                                              re.IGNORECASE):
                continue  # "The Archbishop of Dunmore said" for "Archbishop Helen Carrow said":
                # perhaps the one person, styled by the seat
            if a_attr and self._speaks_for(ba.subject or "", a_attr[0]):
                continue  # "The Foreign Ministry said" for "Foreign Ministry spokesman Jonas
                # Vik said": the body its spokesman speaks for
            if a_attr and _no_speaker(a_attr[0].subject or ""):
                continue  # the source's speaker is a pronoun or a misread ("He told", "The
                # ... Branch initial findings found the signaller" read as "found the")
            if not a_attr and _named_in(ba.subject or "", " ".join(
                    self.a.text[sa.span[0]:sa.span[1]] for sa in region)):
                continue  # the source's passage names it, unattributed ("the Branch's findings")
            if a_attr and _names(self.b.text[sb.span[0]:sb.span[1]], a_attr[0].subject or ""):
                continue  # the copy's sentence still names the source's source ("the UK has
                # admitted 8,000 refugees, based on UN data" for "..., according to the UN")
            if a_attr:
                self.add("attribution", ba.span, a_attr[0].span,
                         f"the copy attributes this to {ba.subject} ({self._where(src)}) where "
                         f"the source attributes it to {a_attr[0].subject}")
            elif bearing and not any(
                    src in side.text.lower() or (surname and _names(side.text, surname))
                    or _names(side.text, _DOCUMENT.sub("", ba.subject or ""))
                    for side in self._story_sides()):  # nor another article of
                # the story ("Det Supt Rachel Walker", whom the parent dropped, the original names)
                self.add("attribution", ba.span, None,
                         f"the copy attributes this to {ba.subject}, whom the source never names")

    def quotes(self, sb: Sent) -> None:
        a_text = self.a.text.lower()
        for q in (c for c in sb.claims if c.kind == "quote" and len(c.text.split()) >= 4):
            if _TITLE_CASE.fullmatch(q.text.strip(" ,.")):
                continue  # "The Mobbs Memorial Match": the name of an event or a work, no quote
            speaker = self._quote_speaker(q)
            # what the quote is about: its words and the copy's sentence before it ("Reports
            # that she will retire are false. 'Nothing could be further from the truth'")
            before = self.b.sents[sb.index - 1] if sb.index > 0 else None
            context = q.text + " " + (self.b.text[before.span[0]:before.span[1]] if before
                                      else "")
            words = _content_stems(context)
            # whom the quote is given to: its speaker, or the person named last before it when
            # a pronoun or no one is ("'...,' he said" after a mention of Juncker)
            who = speaker if speaker is not None and speaker.lower() not in _PERSONAL else None
            theirs = self._speaker_quotes(speaker)
            if who is None and not any(len(words & stems) >= 2 for _, stems in theirs):
                who = self._named_before(q.span[0])
                theirs = self._speaker_quotes(who)
            if any(len(words & stems) >= 2 for _, stems in theirs):
                continue  # the words of someone the source quotes, reworded on the same point:
                # that quote, left to quote integrity, not a quote the source lacks
            if fuzz.partial_ratio(q.text.lower(), a_text) < 85 and not self._restates(
                    q.text) and not self._edits_source_quote(q.text) and not (
                    self._continues_cut_quote(q.text, speaker)):  # (the rest of a quote the
                # source, or another article, is cut inside)
                said = self._their_quote(theirs, q.text, who or speaker, sb)
                note = versus = None
                if said is not None:
                    note = (f"words given to {who or speaker}, whom the source quotes as "
                            if said[1] else "where the source's passage quotes ") + \
                        f"“{said[0].text.strip()}”"
                    versus = said[0].span
                else:
                    told = self._told_instead(q.text, context, sb)
                    if told is not None:
                        versus = told.span
                        note = ("where the source reports it in its own words, not as a quote: "
                                f"“{self.a.text[told.span[0]:told.span[1]].strip()}”")
                self.unit(q, sb, f"the quote “{q.text.strip()}”", versus, note)

    def _speaker_quotes(self, speaker: str | None) -> list[tuple[QuoteMention, set[str]]]:
        """The source's quotes of ``speaker`` (given to them, or to a pronoun after a mention of
        their name), each with its content stems."""
        surname = _surname(speaker or "")
        if not surname:
            return []
        out = []
        for m, stems in zip(self._source_quotes(), self._a_quote_stems, strict=True):
            same = same_speaker(speaker, m.speaker)
            if same or (same is None and _names(  # m names nobody: '"...," he said' after a
                    self.a.text[max(0, m.span[0] - 400):m.span[0]], surname)):  # mention
                out.append((m, stems))
        return out

    def _their_quote(self, theirs: list[tuple[QuoteMention, set[str]]], text: str,
                     speaker: str | None, sb: Sent) -> tuple[QuoteMention, bool] | None:
        """What the source quotes in place of a quote it lacks: of the speaker's source quotes
        and the quotes of the source sentences aligned with the copy's (not given to someone
        else), the one closest in meaning to ``text`` (sentence embeddings), those in the aligned
        sentences first, and whether it is the speaker's."""
        from wiretrace.embeddings import embed

        region = [self.a.sents[i].span for i in self._pairs.get(sb.index, [])]
        stretch = self._between_neighbours(sb.index)
        if not region and stretch:
            region = [stretch]
        mine = {m.span for m, _ in theirs}
        cands = [m for m, _ in theirs] + [
            m for m in self._source_quotes() if m.span not in mine and len(m.words) >= 2
            and any(s <= m.span[0] < e for s, e in region)
            and same_speaker(speaker, m.speaker) is not False]
        if not cands:
            return None
        # a quote in the source sentences the aligner pairs with the copy's (or, with none, in
        # the stretch between those its neighbours pair with) is the one it restates
        aligned = [m for m in cands if any(s <= m.span[0] < e for s, e in region)]
        cands = aligned or cands
        vecs = embed([text] + [m.text for m in cands])
        best = cands[int(np.argmax(vecs[1:] @ vecs[0]))]
        return best, best.span in mine

    def _told_instead(self, quote: str, context: str, sb: Sent) -> Sent | None:
        """The source sentence that reports what the copy's quote says in the source's own
        words: a sentence holding no quote, with an attribution ("Uber said it would raise
        prices and increase congestion") to the one the copy has speak (named in ``context``,
        the quote and the copy's sentence before it) or, where the copy has the quote (the
        sentences the aligner pairs with the copy's, or the stretch between its neighbours'
        pairs), to anyone; sharing at least ``_REPORTED_SHARED`` content words with the quote,
        the most of them."""
        words = _content_stems(quote)
        paired = self._pairs.get(sb.index, [])
        lo, hi = self._between_neighbours(sb.index) or (0, 0)
        quoted = [m.span for m in self._source_quotes()]
        best: tuple[int, Sent] | None = None
        for sa in self.a.sents:
            here = sa.index in paired or lo <= sa.span[0] < hi
            told = [c for c in sa.claims if c.kind == "attribution" and c.subject]
            if not told or any(sa.span[0] <= s < sa.span[1] for s, _ in quoted):
                continue
            if not here and not any(_names(context, c.subject or "") for c in told):
                continue
            shared = len(words & sa.content)
            if shared >= _REPORTED_SHARED and (best is None or shared > best[0]):
                best = (shared, sa)
        return best[1] if best else None

    def _between_neighbours(self, index: int) -> tuple[int, int] | None:
        """The stretch of the source between the sentences the aligner pairs with the copy's
        nearest aligned sentences before and after sentence ``index``: where the source says
        what that sentence restates, copies keeping the source's order (None where the
        neighbours' pairs are out of order)."""
        before = [i for k, found in self._pairs.items() if k < index for i in found]
        after = [i for k, found in self._pairs.items() if k > index for i in found]
        lo = self.a.sents[max(before)].span[1] if before else 0
        hi = self.a.sents[min(after)].span[0] if after else len(self.a.text)
        return (lo, hi) if lo < hi else None

    def _named_before(self, pos: int) -> str | None:
        """Who the copy last has speak, by name, in the 400 characters before ``pos`` (a
        quote's speaker or an attribution's source), else the person it names last there: whom
        a pronoun or an unattributed quote there refers to ('"...," Karen said. "While I ...'),
        as the source's pronoun quotes are read."""
        said = [(q.span[1], q.speaker) for q in self._copy_quotes() if q.speaker]
        said += [(c.span[1], c.subject) for c in self.b.claims
                 if c.kind == "attribution" and c.subject]
        near = [(end, who) for end, who in said if pos - 400 <= end <= pos
                and who.split()[0].lower() not in _PERSONAL and _named_source(who)]
        if near:
            return max(near)[1]
        # else the person the copy names last before it ("the dignified figure of Christine
        # Lagarde took the stage ... '...,' she began")
        people = [(c.span[1], str((c.value or {}).get("canonical") or c.text))
                  for c in self.b.claims if c.kind == "actor"
                  and (c.value or {}).get("type") == "person" and pos - 400 <= c.span[1] <= pos]
        return max(people)[1] if people else None

    def _copy_quotes(self) -> list[QuoteMention]:
        """The copy's quotes with their speakers, read once per compared pair."""
        if self._b_quotes is None:
            self._b_quotes = find_quote_mentions(self.b.text)
        return self._b_quotes

    def _source_quotes(self) -> list[QuoteMention]:
        """The source's quotes, read once per compared pair (with the word runs and content
        words ``_edits_source_quote`` matches against)."""
        if self._a_quotes is None:
            cut = cut_quote_mention(self.a.text)
            self._a_quotes = find_quote_mentions(self.a.text) + ([cut] if cut else [])
            self._a_quote_grams = {tuple(m.words[i:i + 4]) for m in self._a_quotes
                                   for i in range(len(m.words) - 3)}
            self._a_quote_stems = [{stem(w) for w in m.words if is_content(w)}
                                   for m in self._a_quotes]
        return self._a_quotes

    def _edits_source_quote(self, text: str) -> bool:
        """Are most of the copy's quote's words runs of four of the source's quotes, or most of
        its content words those of one source quote? Then it is that quote cut, spliced,
        altered or reworded ("We wish her a speedy recovery" for "our thoughts and wishes are
        with her and we hope she makes a speedy recovery"), which quote integrity reports with
        the words it changed (``quotes.compare_quotes``), not a quote the source lacks."""
        self._source_quotes()
        words, _ = quote_words(text)
        kept: set[int] = set()
        for i in range(len(words) - 3):
            if tuple(words[i:i + 4]) in self._a_quote_grams:
                kept.update(range(i, i + 4))
        if len(kept) >= 0.5 * len(words):
            return True  # mostly the source's words: an edited quote
        mine = {stem(w) for w in words if is_content(w)}
        return any(len(mine & theirs) >= max(3, 0.5 * len(mine))
                   for theirs in self._a_quote_stems)

    def _story_sides(self) -> list[Side]:
        """The source and the story's other articles, when given: where a copy's words may
        come from."""
        return [self.a, *(self.support or [])]

    def _continues_cut_quote(self, text: str, speaker: str | None) -> bool:
        """Does the copy's quote go on with a quote the source, or another article of the
        story, is cut inside (a truncated feed or teaser: 'to attack "American or' / 'to attack
        "American or Western targets."'; 'Mr Juncker replied: "I have to say that of course
        it's up to the UK to' / 'Juncker stated, "It's for the United Kingdom to
        determine"')? Its starting words, or its speaker, are the cut quote's: what the
        speaker went on to say is not in the pile to check against."""
        for side in self._story_sides():
            cut = cut_quote_mention(side.text, min_chars=1)
            if cut is None:
                continue
            fragment, who = cut.text.strip(), cut.speaker
            head = fragment.split()[:3]
            if len(head) >= 2 and text.lower().lstrip().startswith(" ".join(head).lower()):
                return True
            surname = _surname(who or "")
            if surname and speaker and _names(speaker, surname):
                return True
        return False

    def _restates(self, text: str) -> bool:
        """Does ``text`` say what one of the source's sentences (or another story article's)
        says, in other words (sentence embeddings)? A quote reworded by a rewrite is the
        source's quote, not a new one."""
        from wiretrace.embeddings import embed

        if not self.a.sents:
            return False
        v = embed([text])[0]
        v = v / max(float(np.linalg.norm(v)), 1e-9)
        for side in self._story_sides():
            sv, qv = side_vectors(side)
            if (len(sv) and (sv @ v).max() >= _RESTATES) or (
                    len(qv) and (qv @ v).max() >= _RESTATES_QUOTE):
                return True
        return False


def side_vectors(side: Side) -> tuple[np.ndarray, np.ndarray]:
    """The side's sentences and quotes as unit vectors, embedded once per side."""
    from wiretrace.embeddings import embed

    if side.vectors is None:
        # quotes of one sentence (claims) and of several ("I know how. I have to focus.")
        quotes = list(dict.fromkeys([c.text for c in side.claims if c.kind == "quote"] + [
            m.text for m in find_quote_mentions(side.text)] + [
            m.text for m in [cut_quote_mention(side.text)] if m]))
        sents = [side.text[s.span[0]:s.span[1]] for s in side.sents]
        vecs = embed(sents + quotes)
        vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        side.vectors = (vecs[:len(sents)], vecs[len(sents):])
    return side.vectors


def _content_stems(text: str) -> set[str]:
    """The stems of the content words of ``text``: what a quote is about."""
    return {stem(w) for w in re.findall(r"[\w'’-]+", text.lower()) if is_content(w)}
