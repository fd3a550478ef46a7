"""What a copy changed with respect to its source: typed changes with spans into both texts.

``compare(a, b, alignment, settings)`` pairs each sentence of the copy ``b`` with the source
sentences it restates and reports changed figures, scopes, qualifiers, attributions, actors,
places, titles, negations and modality; claims of ``b`` that ``a`` does not support anywhere are
additions. Consistent variants are not changes: "about 1,800" inside "1,500–2,000", "dozens" for
40, "at least 40" for 40, "stated" for "said". Precision comes first: each rule fires only when
the changed claim is anchored to the same place in both texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from wiretrace.claims.additions import Unit, group_by_clause, is_credit, supported
from wiretrace.claims.artefacts import chrome_name, headline_line, in_artefact, in_title_run
from wiretrace.claims.entities import COMMON_CAPITALISED
from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.figures import SPECIFIC_SCOPES
from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.normalise import reading_form, reading_key, same_reading
from wiretrace.claims.numbers import (
    NumberMention,
    consistent,
    find_numbers,
    same_measure,
    unit_swapped,
)
from wiretrace.claims.pairing import Sent, Side, is_content, pair_sentences, side_of, stem
from wiretrace.claims.quotes import QuoteMention, find_quote_mentions, same_speaker
from wiretrace.claims.substitutions import (
    JUDGED,
    Vocabulary,
    closed_set_changes,
    date_changes,
    substitution_candidates,
)
from wiretrace.claims.swaps import Swap, find_swap, one_slot_swap, same_place
from wiretrace.claims.wordchecks import (
    contrast_changes,
    modality_changes,
    negation_changes,
    polarity_changes,
)
from wiretrace.model import AlignedPair, Alignment, Article, Change, Claim
from wiretrace.settings import Settings
from wiretrace.trace.citations import is_news_outlet, outlet_like

__all__ = ["compare", "compare_sides", "compare_texts", "vet_changes", "PairReport", "FACT_KINDS"]

# Kinds that change what a text asserts (the benchmark's "inconsistent").
FACT_KINDS = frozenset({"figure", "scope", "qualifier", "attribution", "actor", "place",
                        "negation", "modality", "title", "addition"})
_OPEN = {"at_least", "at_most"}
_REWORDED = 3  # plain-word swaps from which a copy counts as reworded, not edited
_TITLE_ALIASES = {"chief executive": "ceo", "chief executive officer": "ceo", "executive": "ceo",
                  "premier": "prime minister", "chair": "chairman", "chairwoman": "chairman",
                  "spokeswoman": "spokesperson", "spokesman": "spokesperson", "head": "chief"}
_STALE_BEFORE = re.compile(r"\b(?:former|ex-|then-|late|outgoing|erstwhile)\s*(?=$)", re.IGNORECASE)


@dataclass(slots=True)
class PairReport:
    alignment: Alignment
    changes: list[Change]
    source_claims: list[Claim] = field(default_factory=list)
    copy_claims: list[Claim] = field(default_factory=list)
    # the sentence pairs merged into reused passages (one detection per passage)
    passages: list[AlignedPair] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        al = self.alignment
        return {
            "alignment": {"a": al.a, "b": al.b, "reuse_a": al.reuse_a, "reuse_b": al.reuse_b,
                          "pairs": [{"a_span": list(p.a_span), "b_span": list(p.b_span),
                                     "kind": p.kind, "score": p.score} for p in al.pairs],
                          "passages": [{"a_span": list(p.a_span), "b_span": list(p.b_span),
                                        "kind": p.kind, "score": p.score}
                                       for p in self.passages]},
            "changes": [{"article": c.article, "versus": c.versus, "kind": c.kind,
                         "text": c.text, "versus_text": c.versus_text,
                         "explanation": c.explanation,
                         "span": list(c.span) if c.span else None,
                         "versus_span": list(c.versus_span) if c.versus_span else None}
                        for c in self.changes],
        }


def figure_mention(c: Claim) -> NumberMention:
    v = c.value or {}
    return NumberMention(c.span[0], c.span[1], float(v["low"]), float(v["high"]),
                         v.get("qualifier"), "year" if v.get("unit") == "date" else None,
                         bool(v.get("vague")), c.text)


def _scopes_compatible(x: str | None, y: str | None) -> bool:
    if x == y:
        return True
    generic = {None, "people"}
    return (x in generic and y in SPECIFIC_SCOPES) or (y in generic and x in SPECIFIC_SCOPES)


def _time_unit(c: Claim) -> str:
    return re.sub(r"s$", "", (c.subject or "").lower())


_ANYONE = frozenset({"people", "person", "persons", "individual", "individuals"})


def same_figure(a: Claim, b: Claim) -> bool:
    if not _scopes_compatible(a.predicate, b.predicate):
        return False
    if a.predicate == b.predicate == "people" and not (
        _head(a) == _head(b) or {_head(a), _head(b)} & {stem(w) for w in _ANYONE}
    ):
        return False  # "about 600 people" may be "600 tourists", not "300 firefighters"
    if a.predicate in {"time", "distance"} and _time_unit(a) != _time_unit(b):
        return False
    x, y = figure_mention(a), figure_mention(b)
    if a.predicate != b.predicate:
        # a bound says little across counts: "at least 40 killed" is not "120 tourists"
        for n in (x, y):
            if n.qualifier in _OPEN:
                n.qualifier = None
    return consistent(x, y)


def _norm_name(s: str) -> str:
    return re.sub(r"['’]s$", "", s).lower().strip(" .")


def _names_match(x: Claim, y: Claim) -> bool:
    if x.kind == "place" and y.kind == "place":
        vx, vy = x.value or {}, y.value or {}
        return same_place(str(vx.get("canonical")), str(vy.get("canonical")))
    nx, ny = _norm_name(x.subject or x.text), _norm_name(y.subject or y.text)
    if re.findall(r"\d+", nx) != re.findall(r"\d+", ny):
        return False  # "SARS-CoV-2" is not "SARS-CoV-4"
    if nx == ny or fuzz.ratio(nx, ny) >= 85:
        return True
    tx, ty = nx.split(), ny.split()
    people = (x.value or {}).get("type") == "person" and (y.value or {}).get("type") == "person"
    if people and tx and ty and (tx[-1] == ty[-1] and len(tx[-1]) > 3):
        return True  # surname
    short, long_ = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
    return bool(short) and all(w in long_ for w in short) and len(" ".join(short)) > 3


_GENERIC_SOURCES = frozenset({"authorities", "officials", "official", "government", "sources",
                              "source", "police", "media", "reports", "experts", "witnesses"})


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "who"})
_NOBODY = frozenset({"no", "nobody", "none", "neither", "nor"})
_CLAUSE_WORDS = frozenset({"was", "were", "is", "are", "be", "been", "not", "has", "have", "had"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})


def _named_source(who: str) -> bool:
    """"Police", "Reuters", "the Jordanian government": a source; "he", "the country": not."""
    words = who.strip().split()
    if not words or words[0].lower() in _PRONOUNS | _NOBODY:
        return False  # "he humorously added", "No organisation has claimed": no source
    lone = words[0].lower().rstrip(".") if len(words) == 1 else None
    if any(w.lower() in _CLAUSE_WORDS for w in words) or (
            lone is not None and (lone in lexicon().titles or lone in _HONORIFICS)):
        return False  # "These donations were not", a bare "Ms": a misread, not a source
    return who.strip()[:1].isupper() or words[-1].lower() in _GENERIC_SOURCES


def _generic_source(src: str) -> bool:
    """"Greek authorities", "officials and ministries": a vaguer restatement, not a new source."""
    return any(part.split()[-1].lower() in _GENERIC_SOURCES
               for part in re.split(r"\s+and\s+|,\s*", src.strip()) if part.split())


# "As NAME writes in a Los Angeles Times piece": a writer credited with an outlet's text
_WRITES_IN = re.compile(r"\s*,?\s*(?:writes|wrote|reports|reported|writing|reporting)\s+"
                        r"(?:in|for|at)\s+(?P<outlet>[^.,:;\n]{2,60})")
_PARTITIVE = re.compile(r"(?i)(?:one|each|either|neither|any)\s+of\b")


_TOLD_BEFORE = re.compile(r"(?i)\b(?:told|tells|telling|writes|wrote|writing|according to)"
                          r"(?:\s+(?:in|for|to))?(?:\s+(?:an?|the))?\s+$")


def _credit(text: str, span: tuple[int, int]) -> bool:
    """Is the name at ``span`` a credit, not a claim: a writer of an outlet's piece ("As NAME
    writes in a Los Angeles Times piece") or the outlet told or written in ("told the
    Union-Tribune")?"""
    m = _WRITES_IN.match(text, span[1])
    if m and outlet_like(m.group("outlet")):
        return True
    return outlet_like(text[span[0]:span[1]]) and bool(
        _TOLD_BEFORE.search(text, max(0, span[0] - 40), span[0]))


_RESTATES = 0.7  # sentence-embedding cosine from which a copy's quote restates a source sentence
_RESTATES_QUOTE = 0.6  # ... or one of the source's quotes (quote to quote: a reworded quote)
_CLOSE = 0.7  # share of a copy sentence's content words in its source sentence: a close edit
# a verb that reports words as someone's
_REPORTED = re.compile(r"(?i)\b(?:sa(?:id|ys?)|told|tells|report(?:s|ed)?|added|stated|wrote|"
                       r"writes|tweeted|announced|explained|according to|continued|noted|"
                       r"mentioned|remarked|stressed|emphasi[sz]ed|insisted|argued|warned|"
                       r"replied|responded|concluded|acknowledged|admitted|declared)\b")
# a source described as an outlet ("a local newspaper", "state media")
_OUTLET_DESCRIBED = re.compile(
    r"(?i)^(?:an?|the)?\s*(?:\w+\s+){0,2}(?:newspapers?|paper|media|outlets?|broadcasters?|"
    r"television|tv|radio|daily|tabloid|website|news\s+(?:agency|site|service)|agency)$")


def _unnamed(src: str) -> bool:
    """A source described, not named: "the company", "the ministry", "officials"."""
    words = re.findall(r"[\w'’-]+", src)
    return bool(words) and not any(w[:1].isupper() for w in words if w.lower() != "the")


def _claim_bearing_name(c: Claim) -> bool:
    """A named person, organisation or place; a lone unknown capitalised word is not a claim."""
    return (c.value or {}).get("type") != "name" or " " in c.text.strip()


def _rescoped(af: Claim, bf: Claim) -> bool:
    return (af.predicate in SPECIFIC_SCOPES and bf.predicate in SPECIFIC_SCOPES
            and af.predicate != bf.predicate
            and consistent(figure_mention(af), figure_mention(bf)))


def _same_number(af: Claim, bf: Claim) -> bool:
    va, vb = af.value or {}, bf.value or {}
    return (va.get("low"), va.get("high")) == (vb.get("low"), vb.get("high"))


def _rival(af: Claim, bf: Claim) -> bool:
    """Two figures that count the same thing with different values ("280 firefighters" and
    "300 firefighters"; for a generic count of people the counted word must agree)."""
    if af.predicate != bf.predicate:
        return False
    if af.predicate == "people":
        return bool(_head(af)) and _head(af) == _head(bf)
    return True


def _head(c: Claim) -> str:
    words = (c.subject or "").split()
    return stem(words[-1]) if words else ""


class _Comparer:
    def __init__(self, a: Side, b: Side, a_id: int, b_id: int, omissions: bool,
                 support: list[Side] | None = None) -> None:
        self.a, self.b, self.a_id, self.b_id = a, b, a_id, b_id
        self.omissions = omissions
        self.support = support
        self.changes: list[Change] = []
        self._pairs: dict[int, list[int]] = {}
        self.units: list[tuple[Unit, tuple[int, int]]] = []
        self._seen: set[tuple[str, int, int]] = set()
        self.a_names = [c for c in a.claims if c.kind in {"actor", "place"}]
        self.a_figures = [c for c in a.claims if c.kind == "figure"]
        self.vocab = Vocabulary(a)
        self._a_nums: list[NumberMention] | None = None
        self._b_quotes: list[QuoteMention] | None = None
        # the source's sentences and quotes, embedded and normalised (``_restates``)
        self._a_vectors: tuple[np.ndarray, np.ndarray] | None = None

    def add(self, kind: str, b_span: tuple[int, int], a_span: tuple[int, int] | None,
            explanation: str) -> None:
        key = (kind, b_span[0], b_span[1])
        if key in self._seen or any(
            s[0] == kind and s[1] <= b_span[0] < s[2] for s in self._seen
        ):
            return
        self._seen.add(key)
        a_text = self.a.text[a_span[0]:a_span[1]] if a_span else ""
        self.changes.append(Change(self.b_id, self.a_id, kind, self.b.text[b_span[0]:b_span[1]],
                                   a_text, explanation, b_span, a_span))

    def unit(self, claim: Claim, sb: Sent, label: str) -> None:
        """A claim-bearing unit of the copy its source does not make: a candidate addition."""
        self.units.append((Unit(claim, label), sb.span))

    # --- context -------------------------------------------------------------------------
    def _quote_speaker(self, claim: Claim) -> str | None:
        """Who the copy gives the quote of ``claim`` to, as the quote finder reads it ("said
        government spokesman Pavlos Retsinas"); None when no speaker is named."""
        if claim.kind != "quote":
            return None
        if self._b_quotes is None:
            self._b_quotes = find_quote_mentions(self.b.text)
        s, e = claim.span
        return next((q.speaker for q in self._b_quotes
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
        # introduced: a colon after the last mention, and no sentence ended since
        between = before[mentions[-1].end():]
        colon = between.rfind(":")
        return colon >= 0 and not re.search(r"[.!?][\"”’]?\s", between[colon:])

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

    def _speaker_near(self, sb: Sent, source: str) -> bool:
        """Does the copy name ``source`` in the sentence's paragraph (the speaker kept nearby)?"""
        # "Varnia's interior ministry" is named by "interior ministry", not by "Varnia"
        head = re.sub(r"^.*\b[\w-]+['’]s\s+", "", source)
        words = re.findall(r"[\w'’-]+", re.sub(r"['’]s\b", "", head if head.strip() else source))
        names = [w for w in words if w[:1].isupper() and w.lower() not in COMMON_CAPITALISED
                 and w.lower() not in lexicon().titles]
        key = names or [w for w in words if is_content(w.lower())]
        if not key:
            return False
        s, e = self._paragraph(sb)
        para = {stem(w) for w in re.findall(r"[\w'’-]+", self.b.text[s:e].lower())}
        if names:
            return any(stem(w.lower()) in para for w in names if len(w) > 3) or all(
                stem(w.lower()) in para for w in names)
        return all(stem(w.lower()) in para for w in key)

    # --- figures -------------------------------------------------------------------------
    def figures(self, sb: Sent, region: list[Sent]) -> None:
        region_figs = [c for s in region for c in s.claims if c.kind == "figure"]
        dates = [c.span for c in sb.claims if c.kind == "date"]
        for bf in (c for c in sb.claims if c.kind == "figure"):
            if bf.predicate == "date" and any(s <= bf.span[0] < e for s, e in dates):
                continue  # the year of a date ("March 08, 2013"): the date's, not a count
            if any(self._unit_swapped(bf, af) for af in region_figs):
                continue
            same = [af for af in region_figs if same_figure(af, bf)]
            if same:
                self._qualifier(bf, same[0])
                continue
            if self._in_other_units(bf, region):
                continue  # "24km" for "15 miles": one measure in other units
            elsewhere = [af for af in self.a_figures if same_figure(af, bf)]
            strict = [af for af in elsewhere if af.predicate != "people" or _head(af) == _head(bf)]
            if any((af.value or {}).get("qualifier") not in _OPEN for af in strict):
                continue  # the figure is elsewhere in the source (a summary fuses sentences)
            # a source figure the copy's sentence still gives is kept, not replaced: the new
            # number says something else ("10 km deep, 60 km from Bireun" for "10 km deep")
            b_nums = _numbers_in(self.b.text, sb.span)
            rivals = [af for af in region_figs if _rival(af, bf) and not any(
                consistent(figure_mention(af), n) or self._same_measure(af, n)
                for n in b_nums)]
            if rivals and not strict and bf.predicate == "people":
                # the aligned sentence counts the same thing with another value: stronger
                # evidence than "600 people" elsewhere in the source for "300 firefighters"
                elsewhere = []
            scoped = [af for af in region_figs if _rescoped(af, bf)]
            if not scoped:
                # the same number counting something else anywhere in the source: stronger
                # evidence than an open-ended figure ("at least 40") that would also cover it
                scoped = [af for af in self.a_figures if _rescoped(af, bf) and _same_number(af, bf)]
            if scoped:
                af = scoped[0]
                self.add("scope", bf.span, af.span,
                         f"the copy counts {bf.predicate} ('{bf.text}') where the source counts "
                         f"{af.predicate} ('{af.text}')")
                self._dropped_attribution(sb, bf, af)
                continue
            if elsewhere:
                continue  # an open-ended figure elsewhere ("at least 40") may cover it
            if (bf.value or {}).get("vague"):
                rivals = []  # "thousands of migrants" says less than "25,000 migrants"
            if bf.predicate == "date":  # years: "the 2016 race" and "held since 2003"
                rivals = [af for af in rivals if self._same_slot_figure(bf, af)]
            rivals = [af for af in rivals if not self._number_told_elsewhere(sb, bf, af)]
            if rivals:
                af = rivals[0]
                self.add("figure", bf.span, af.span,
                         f"the copy says '{bf.text}' where the source says '{af.text}'")
            elif not (is_credit(self.b.text, *bf.span) or (bf.value or {}).get("vague")
                      or _PARTITIVE.match(bf.text) or bf.predicate in {"date", "time"}
                      or self._measured_elsewhere(bf)):
                # "several months", "one of the men", "two years later" (a span that restates
                # the source's dates): no figure a copy could have added
                self.unit(bf, sb, f"the figure '{bf.text}'")

    def _number_told_elsewhere(self, sb: Sent, bf: Claim, af: Claim) -> bool:
        """The copy's number is one the source gives elsewhere, and the copy's sentence is no
        close edit of the rival's ("The US has taken just 12,000" in the source; the copy's
        "12,000 Syrian refugees" set against Jordan's "655,000 Syrian refugees")."""
        sa = self.a.sentence_at(af.span[0])
        nb = _numbers_in(self.b.text, bf.span)
        if sa is None or not nb or _close_edit(sb, sa):
            return False
        return any((na.low, na.high) == (nb[0].low, nb[0].high) and na.unit == nb[0].unit
                   and not (sa.span[0] <= na.start < sa.span[1]) for na in self._a_numbers())

    def _measured_elsewhere(self, bf: Claim) -> bool:
        """The source gives the figure in other units somewhere ("almost 200 years" for
        "nearly two centuries")."""
        nb = _numbers_in(self.b.text, bf.span)
        return bool(nb) and any(same_measure(self.b.text, nb[0], self.a.text, na)
                                for na in self._a_numbers())

    def _same_slot_figure(self, bf: Claim, af: Claim) -> bool:
        nb, na = _numbers_in(self.b.text, bf.span), _numbers_in(self.a.text, af.span)
        return bool(nb and na) and _same_slot(self.b.text, nb[0], self.a.text, na[0])

    def _unit_swapped(self, bf: Claim, af: Claim) -> bool:
        """Reports "25 miles" for "25 kilometres": one number, another unit."""
        nb, na = _numbers_in(self.b.text, bf.span), _numbers_in(self.a.text, af.span)
        if not (nb and na and unit_swapped(self.b.text, nb[0], self.a.text, na[0])):
            return False
        self._report_unit_swap(bf.span, af.span)
        return True

    def _report_unit_swap(self, b_span: tuple[int, int], a_span: tuple[int, int]) -> None:
        self.add("figure", b_span, a_span,
                 f"the copy says '{self.b.text[slice(*b_span)]}' where the source says "
                 f"'{self.a.text[slice(*a_span)]}': the same number in another unit")

    def _same_measure(self, af: Claim, nb: NumberMention) -> bool:
        """The source figure's number, in other units, is the copy's ``nb``."""
        na = _numbers_in(self.a.text, af.span)
        return bool(na) and same_measure(self.b.text, nb, self.a.text, na[0])

    def _in_other_units(self, bf: Claim, region: list[Sent]) -> bool:
        """The figure's number is one of the aligned source sentences' in other units."""
        nb = _numbers_in(self.b.text, bf.span)
        return bool(nb) and any(same_measure(self.b.text, nb[0], self.a.text, na)
                                for sa in region for na in _numbers_in(self.a.text, sa.span))

    def numbers(self, sb: Sent, region: list[Sent]) -> None:
        """A bare number the figure extractor does not read as a count ("fund 40 new teachers"),
        changed in the aligned sentence: the same words around it, another value."""
        taken = [c.span for c in sb.claims if c.kind in {"figure", "date"}]
        b_nums = [n for n in _numbers_in(self.b.text, sb.span) if not n.vague and n.unit != "year"]
        if not b_nums:
            return
        b_sent = self.b.text[sb.span[0]:sb.span[1]]
        # each aligned source sentence: its numbers, and whether the copy keeps it word for word
        region_nums = [(_numbers_in(self.a.text, sa.span), _overlap(
            b_sent, self.a.text[sa.span[0]:sa.span[1]], longer=True) >= _SAME_SPLIT)
            for sa in region]
        for nb in b_nums:
            if any(s < nb.end and nb.start < e for s, e in taken):
                continue
            swapped = next((na for nums, _ in region_nums for na in nums
                            if consistent(nb, na)
                            and unit_swapped(self.b.text, nb, self.a.text, na)), None)
            if swapped is not None and _same_slot(self.b.text, nb, self.a.text, swapped):
                self._report_unit_swap(_with_unit(self.b.text, nb),
                                       _with_unit(self.a.text, swapped))
                continue
            if any(consistent(nb, na) or same_measure(self.b.text, nb, self.a.text, na)
                   for nums, _ in region_nums for na in nums):
                continue  # the aligned source sentences have this figure (maybe in other units)
            # a figure the source gives elsewhere counts only in a sentence kept word for word
            # (an open bound elsewhere, "up to 4K", covers too much to count)
            elsewhere = any(consistent(nb, na) for na in self._a_numbers()
                            if na.qualifier not in _OPEN or na.qualifier == nb.qualifier)
            for nums, verbatim in region_nums:
                if elsewhere and not verbatim:
                    continue
                for na in nums:
                    if na.vague or na.unit != nb.unit or any(consistent(na, x) for x in b_nums):
                        continue
                    if _same_slot(self.b.text, nb, self.a.text, na):
                        self.add("figure", (nb.start, nb.end), (na.start, na.end),
                                 f"the copy says '{nb.text}' where the source says '{na.text}'")
                        break

    def _a_numbers(self) -> list[NumberMention]:
        if self._a_nums is None:
            self._a_nums = [n for n in find_numbers(self.a.text) if not n.vague]
        return self._a_nums

    def _qualifier(self, bf: Claim, af: Claim) -> None:
        up, down = {"at_least"}, {"at_most", "nearly"}
        qb, qa = (bf.value or {}).get("qualifier"), (af.value or {}).get("qualifier")
        if (qb in up and qa in down) or (qb in down and qa in up):
            self.add("qualifier", bf.span, af.span,
                     f"'{bf.text}' reverses the hedge of the source's '{af.text}'")

    def _dropped_attribution(self, sb: Sent, bf: Claim, af: Claim) -> None:
        """The source attributes the figure; the copy states it as fact, naming no one."""
        if not af.attributed_to or bf.attributed_to or self._speaker_near(sb, af.attributed_to):
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

    def _attribution_cut(self, sb: Sent, region: list[Sent], a_attr: list[Claim]) -> None:
        """The copy's sentence is the source's with its attribution cut out ("Police said 12
        people died." -> "12 people died."): the copy states as fact what the source attributes.
        Only a named or official source counts; a pronoun ("he said") is left alone."""
        b_words = reading_key(self.b.text[sb.span[0]:sb.span[1]]).split()
        for aa in a_attr:
            who = (aa.subject or "").strip()
            if not _named_source(who):
                continue
            sa = self.a.sentence_at(aa.span[0])
            if sa is None or sa not in region:
                continue
            s0, s1 = sa.span
            cut = (self.a.text[s0:aa.span[0]] + " " + self.a.text[aa.span[1]:s1])
            cut_words = [w for w in reading_key(cut).split()]
            if cut_words and cut_words[0] == "that":
                cut_words = cut_words[1:]
            if len(cut_words) < 5 or b_words != cut_words:
                continue
            if self._speaker_near(sb, who) or self._quoted_under(sb, who):
                continue
            self.add("attribution", sb.span, aa.span,
                     f"the copy states this as fact; the source attributes it ('{aa.text}')")
            return

    @staticmethod
    def _source_quote(kept: list[Claim], region: list[Sent]) -> tuple[Claim, Claim] | None:
        """A quote the copy kept and the source's quote, with its named speaker, it reprints."""
        said = [c for s in region for c in s.claims if c.kind == "quote" and c.subject]
        for q in kept:
            if q.kind != "quote":
                continue
            for c in said:
                if fuzz.partial_ratio(reading_key(q.text), reading_key(c.text)) >= 85:
                    return q, c
        return None

    def _where(self, speaker_key: str) -> str:
        return ("whom the source quotes elsewhere" if speaker_key in self.a.text.lower()
                else "whom the source does not mention")

    def _quote_given_to(self, sb: Sent, span: tuple[int, int], speaker: str, said_by: str,
                        versus_span: tuple[int, int]) -> None:
        """The copy gives a quote of the source to ``speaker``; the source to ``said_by``. Not a
        change when they are one person; otherwise the new speaker is this change, not also an
        addition of the copy."""
        if same_speaker(speaker, said_by) is not False:
            return
        key = _norm_name(speaker)
        self.add("attribution", span, versus_span,
                 f"the copy gives the quote to {speaker} ({self._where(key)}); the source gives "
                 f"it to {said_by}")
        self.units = [(u, sent) for u, sent in self.units
                      if not (sent == sb.span and _norm_name(u.claim.subject or "") == key)]

    def attributions(self, sb: Sent, region: list[Sent]) -> None:
        b_attr = [c for c in sb.claims if c.kind == "attribution"]
        a_attr = [c for s in region for c in s.claims if c.kind == "attribution"]
        bearing = [c for c in sb.claims if c.kind == "quote" or (
            c.kind == "figure" and c.predicate in SPECIFIC_SCOPES)]
        kept = [c for c in bearing if self._kept(c, region)]
        if a_attr and not b_attr and kept and not self._reported(sb):
            aa = a_attr[0]
            speaker = self._quote_speaker(kept[0])
            if speaker is not None:  # the copy names a speaker the attribution reader missed
                self._quote_given_to(sb, kept[0].span, speaker, aa.subject or "", aa.span)
                return
            if kept[0].kind == "quote" and self._quoted_under(sb, aa.subject or ""):
                return
            if not self._speaker_near(sb, aa.subject or ""):
                self.add("attribution", kept[0].span, aa.span,
                         f"the copy states '{kept[0].text}' without the source's attribution "
                         f"to {aa.subject}")
            return
        if a_attr and not any(_named_source(c.subject or "") for c in b_attr):
            self._attribution_cut(sb, region, a_attr)
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
            if is_news_outlet(ba.subject or ""):
                continue  # "a police source told AFP": the outlet that carried it, a credit
            quoted = self._source_quote(kept, region)
            if quoted is not None:  # the source's own words, kept: who says them?
                q, said_by = quoted
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
                              for x in a_attr):
                continue  # one source ("Eventbrite's survey of 504 festival-goers" / "Eventbrite")
            if _acronym_in(ba.subject or "", self.a.text):
                continue  # "USGS said" where the source has "the US Geological Survey said"
            surname = _surname(ba.subject or "")
            if surname and any(_names(self.a.text[sa.span[0]:sa.span[1]], surname)
                               for sa in region):
                continue  # the source's passage names the same person ("fire chief, James
                # Steele" for "Fire Chief James Steele")
            if a_attr and _unnamed(a_attr[0].subject or "") and src in self.a.text.lower():
                continue  # "AMD said" for "the company said" in a text about AMD: named, not new
            if a_attr and _OUTLET_DESCRIBED.search(a_attr[0].subject or "") and outlet_like(
                    ba.subject or ""):
                continue  # "The Southwest Times Record reports" for "a local newspaper
                # reports": the outlet named, not another source
            if a_attr:
                self.add("attribution", ba.span, a_attr[0].span,
                         f"the copy attributes this to {ba.subject} ({self._where(src)}) where "
                         f"the source attributes it to {a_attr[0].subject}")
            elif src not in self.a.text.lower() and bearing and not (
                    surname and _names(self.a.text, surname)):
                self.add("attribution", ba.span, None,
                         f"the copy attributes this to {ba.subject}, whom the source never names")

    # --- names, titles -------------------------------------------------------------------
    def names(self, sb: Sent, region: list[Sent]) -> None:
        b_names = [c for c in sb.claims if c.kind in {"actor", "place"}]
        for bn in b_names:
            matches = [an for an in self.a_names if _names_match(an, bn)]
            if matches or bn.text in self.a.text or _norm_name(bn.text) in self.a.text.lower() or (
                    self._known_name(bn)):
                if matches:
                    self._title(bn, matches)
                # a name the source uses elsewhere, put in another name's place in the aligned
                # sentence ("flown to Vienna from" for "flown to Dublin from")
                swap = self._swap(sb, bn, region, b_names, region_only=True)
                if swap is None or swap.matched < 3:
                    b_span = tuple((bn.value or {}).get("name_span") or bn.span)
                    swap = one_slot_swap(self.b.text, sb, (int(b_span[0]), int(b_span[1])),
                                         bn.kind, region, self.a.text)
                if swap is not None and swap.matched >= 3:
                    self._report_swap(bn, swap)
                continue
            if is_credit(self.b.text, *bn.span):
                continue  # "(Agency, Outlet)", a dateline, a photo credit
            variant = self._numbered_variant(bn)
            if variant is not None:
                self.add("actor", bn.span, variant.span,
                         f"'{bn.text}' where the source names '{variant.text}' (another number)")
                continue
            swap = self._swap(sb, bn, region, b_names)
            if swap is None:
                b_span = tuple((bn.value or {}).get("name_span") or bn.span)
                swap = one_slot_swap(self.b.text, sb, (int(b_span[0]), int(b_span[1])), bn.kind,
                                     region, self.a.text)
            if swap is not None:
                self._report_swap(bn, swap)
            elif _claim_bearing_name(bn) and not any(
                c.kind == "attribution" and (c.value or {}).get("source_span", c.span)[0]
                <= bn.span[0] < c.span[1] for c in sb.claims
            ):  # a new source of a kept statement is judged by the attribution check
                self.unit(bn, sb, f"'{bn.text}'")

    def _known_name(self, bn: Claim) -> bool:
        """Is the copy's name the source's in another form: cut at a sentence end the name
        reader ran over ("Army Women's XV. Notably"), spelt out before the acronym the source
        uses ("Social Democratic and Labour Party (SDLP)"), or written in full where the source
        shortens each word ("Liberal Democrats" / "Lib Dems")?"""
        head = re.split(r"\.\s+", bn.text)[0]
        if head != bn.text and len(head) > 3 and head in self.a.text:
            return True
        after = re.match(r"[^()]{0,60}?\(([A-Z]{2,6})\)", self.b.text[bn.span[1]:bn.span[1] + 80])
        if after and re.search(rf"\b{after.group(1)}\b", self.a.text):
            return True
        words = bn.text.split()
        person = (bn.value or {}).get("type") == "person"
        if person and len(words) >= 2 and len(words[-1]) >= 4:
            before = [m.group(1) for m in re.finditer(
                rf"(?:\b([A-Z][\w'’-]*)\s+)?\b{re.escape(words[-1])}\b"
                rf"(?!\s+(?:[A-Z]|(?:de|van|von|da|di|le|la|del|bin|al)\s))", self.a.text)]
            if before and all(w is None or w == words[-2] or w.lower() in lexicon().titles
                              or w.lower().rstrip(".") in _HONORIFICS for w in before):
                return True  # "Ben Stokes" where the source says "Stokes", never "Laura Stokes"
        if bn.kind == "place" and self._gloss(bn):
            return True
        of = re.match(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){1,4})",
                      self.b.text[bn.span[1]:bn.span[1] + 60])
        if of and of.group(1).strip() in self.a.text:
            return True  # "International Committee of the Red Cross" where the source has
            # "the Red Cross": the body named in full
        if len(words) >= 2 and words[0].lower() in lexicon().titles and re.search(
                rf"\b[Tt]he\s+{re.escape(words[0])}\b", self.a.text):
            return True  # "Queen Elizabeth II" where the source says "the Queen"
        return _shortened_in(bn.text, self.a.text)

    def _gloss(self, bn: Claim) -> bool:
        """A country added to explain a name the source gives ("Staffordshire, United
        Kingdom", "the British newspaper, The Guardian")."""
        lex = lexicon()
        canonical = lex.places.get(bn.text.lower())
        if canonical is None or lex.place_country.get(canonical) != canonical:
            return False  # not a country
        before = re.search(r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*),\s*$",
                           self.b.text[max(0, bn.span[0] - 60):bn.span[0]])
        if before and before.group(1) in self.a.text:
            return True
        after = re.match(r"\s+\w+,\s+((?:[A-Z][\w'’-]*\s*){1,4})",
                         self.b.text[bn.span[1]:bn.span[1] + 60])
        return after is not None and after.group(1).strip() in self.a.text

    def _still_told(self, swap: Swap) -> bool:
        """Does another copy sentence, aligned to the same source sentence, keep the name the
        swap replaces ("the victim went to Lorn General" beside "the driver was taken to
        Harwick Infirmary")? Then the swapped sentence tells something else."""
        sa = self.a.sentence_at(swap.a_span[0])
        sb = self.b.sentence_at(swap.b_span[0])
        if sa is None or sb is None:
            return False
        for other in self.b.sents:
            if other.index == sb.index or sa.index not in self._pairs.get(other.index, []):
                continue
            if _names(self.b.text[other.span[0]:other.span[1]], swap.a_name):
                return True
        return False

    def _numbered_variant(self, bn: Claim) -> Claim | None:
        """A source name that differs only in its number ("Model 7" for "Model 5")."""
        digits = re.findall(r"\d+", bn.text)
        if not digits:
            return None
        bare = re.sub(r"\d+", "#", _norm_name(bn.text))
        for an in self.a_names:
            if (re.sub(r"\d+", "#", _norm_name(an.text)) == bare
                    and re.findall(r"\d+", an.text) != digits):
                return an
        return None

    def _report_swap(self, bn: Claim, swap: Swap) -> None:
        if self._still_told(swap):
            return  # the copy still tells the source's sentence: the two tell two things
        sa, sb = self.a.sentence_at(swap.a_span[0]), self.b.sentence_at(swap.b_span[0])
        b_slot = self.b.text[swap.b_span[0]:swap.b_span[1]]
        a_slot = self.a.text[swap.a_span[0]:swap.a_span[1]]
        kept_name = set(re.findall(r"\b[A-Z][\w'’-]+", b_slot.replace(bn.text, " "))) & set(
            re.findall(r"\b[A-Z][\w'’-]+", a_slot))
        names = set(stem(w.lower()) for w in re.findall(r"[\w'’-]+", b_slot + " " + a_slot))
        places = lexicon().places
        x, y = places.get(bn.text.lower()), places.get(swap.a_name.lower())
        if x and y and same_place(x, y):
            return  # a capital for its country ("accused Khartoum" / "accused Sudan")
        known = bool(x and y)  # two places the gazetteer knows apart ("Cyprus" / "Crete")
        if sa is None or sb is None or not (
                kept_name or known or _close_edit(sb, sa, names)):
            return  # a name read against a sentence the copy rewords, with no name kept beside
            # it ("Paris and Moscow" / "Paris and Berlin" is): another clause's name
        if re.search(rf"\b{re.escape(bn.text)}\s+{re.escape(swap.a_name)}\b", self.a.text) or (
                re.search(rf"\b{re.escape(swap.a_name)}\s+{re.escape(bn.text)}\b", self.a.text)):
            return  # one person: "Jack" for "Whitley" where the source names "Jack Whitley"
        caps_b = set(re.findall(r"(?<![\w'’])[A-Z][\w'’]*", self.b.text[slice(*swap.b_span)]))
        caps_a = set(re.findall(r"(?<![\w'’])[A-Z][\w'’]*", self.a.text[slice(*swap.a_span)]))
        if caps_b and caps_b == caps_a:
            return  # the same name, other plain words ("Qaeda-affiliated" / "Qaeda-linked")
        self.add(swap.kind, swap.b_span, swap.a_span,
                 f"'{bn.text}' where the source names '{swap.a_name}' in the same place "
                 f"('{self.b.text[swap.b_span[0]:swap.b_span[1]]}' / "
                 f"'{self.a.text[swap.a_span[0]:swap.a_span[1]]}')")

    def _swap(self, sb: Sent, bn: Claim, region: list[Sent], b_names: list[Claim],
              region_only: bool = False) -> Swap | None:
        region_ids = {s.index for s in region}
        ordered = region + ([] if region_only else
                            [s for s in self.a.sents if s.index not in region_ids])
        b_sentence = self.b.text[sb.span[0]:sb.span[1]]
        candidates = []
        for sa in ordered:
            for an in (c for c in sa.claims if c.kind in {"actor", "place"}):
                if an.text in b_sentence or any(_names_match(an, x) for x in b_names):
                    continue  # the copy keeps this name in the sentence: not swapped out
                span = tuple((an.value or {}).get("name_span") or an.span)
                candidates.append((sa, (int(span[0]), int(span[1])), an.kind, an.text))
        b_span = tuple((bn.value or {}).get("name_span") or bn.span)
        swap = find_swap(self.b.text, sb, (int(b_span[0]), int(b_span[1])), bn.kind, candidates,
                         self.a.text)
        if swap is not None:
            # an actor's span keeps its title ("Prime Minister Jane Doe")
            swap.b_span = (min(swap.b_span[0], bn.span[0]), max(swap.b_span[1], bn.span[1]))
        return swap

    def _title(self, bn: Claim, matches: list[Claim]) -> None:
        vb = bn.value or {}
        for an in matches:
            va = an.value or {}
            if vb.get("stale") and not va.get("stale") and (va.get("title") or any(
                    w.lower() in lexicon().titles for w in an.text.split())):
                stale = _STALE_BEFORE.search(self.b.text, max(0, bn.span[0] - 14), bn.span[0])
                span = (stale.start() if stale else bn.span[0], bn.span[1])
                self.add("title", span, an.span,
                         f"the copy calls {bn.subject} former {vb.get('title') or ''} where the "
                         f"source gives the title as current".replace("  ", " "))
                return
            tb, ta = _title_key(vb.get("title") or ""), _title_key(va.get("title") or "")
            if tb and ta and tb != ta and not any(
                _title_key((m.value or {}).get("title") or "") == tb for m in matches
            ) and not _names(self.a.text[max(0, an.span[0] - 60):an.span[1]],
                             str(vb.get("title"))):
                # (the source gives the copy's title beside the name too: "the area's MP,
                # Chancellor George Osborne" for "area MP Chancellor George Osborne")
                self.add("title", bn.span, an.span,
                         f"the copy calls {bn.subject} '{vb.get('title')}' where the source says "
                         f"'{va.get('title')}'")
                return

    # --- omissions -----------------------------------------------------------------------
    def omitted(self, sb: Sent, region: list[Sent]) -> None:
        if not self.omissions or len(region) != 1:
            return
        sa = region[0]
        if len(sb.toks) < 0.6 * len(sa.toks):
            return
        b_figs = [c for c in self.b.claims if c.kind == "figure"]
        # numbers the copy's sentence keeps, whatever it calls what they count
        kept = find_numbers(self.b.text[sb.span[0]:sb.span[1]])
        for af in (c for c in sa.claims if c.kind == "figure"):
            if (af.value or {}).get("vague"):
                continue  # "several people", "a few weeks": no figure to drop
            if _PARTITIVE.match(af.text):
                continue  # "one of the fatalities, a child": an individual, not a count
            if af.predicate not in _COUNTED:
                continue  # a modifier ("his 2008 car", "30 miles south of"), not the claim's count
            if af.predicate == "money" and any(
                    c is not af and c.kind == "figure" and c.predicate == "money"
                    and any(same_figure(c, bf) for bf in b_figs) for c in sa.claims):
                continue  # "$50m (37m euros)" cut to "$50m": a conversion, not the figure
            if any(same_figure(af, bf) for bf in b_figs) or any(
                (bf.value or {}).get("number_span") for bf in sb.claims if bf.kind == "figure"
            ) or any(consistent(figure_mention(af), n) for n in kept):
                continue
            self.add("omission", sb.span, af.span,
                     f"the copy keeps this sentence but drops the figure '{af.text}'")

    # --- additions -----------------------------------------------------------------------
    def additions(self) -> None:
        changed = [c.span for c in self.changes if c.span]
        units = [(u, sent) for u, sent in self.units
                 if not headline_line(self.b.text, u.claim.span[0])
                 and not in_artefact(self.b.text, u.claim.span)
                 and not is_news_outlet(u.claim.text)  # "told AFP": a credit, no claim
                 and not chrome_name(self.b.text, u.claim.span)
                 and not _credit(self.b.text, u.claim.span)
                 and not _language(u.claim, self.b.text)
                 and not (u.claim.kind in {"actor", "place"}
                          and _acronym_in(u.claim.text, self.a.text))
                 and not any(s <= u.claim.span[0] < e or u.claim.span[0] <= s < u.claim.span[1]
                            for s, e in changed)
                 and not supported(u, self.support or [], _names_match,
                                   self.b.sentence_at(u.claim.span[0]))]
        where = ("in neither the source nor any other article of the story"
                 if self.support is not None else "nowhere in the source")
        for span, group in group_by_clause(self.b.text, units):
            labels = ", ".join(u.label for u in group)
            # a word slipped in that this clause already reports is one addition, not two
            self.changes = [c for c in self.changes if not (
                c.kind == "addition" and c.span and span[0] <= c.span[0] and c.span[1] <= span[1])]
            self.add("addition", span, None,
                     f"{labels} {'is' if len(group) == 1 else 'are'} {where}")

    def run(self, pairs: dict[int, list[int]]) -> list[Change]:
        self._pairs = pairs
        for sb in self.b.sents:
            region = [self.a.sents[i] for i in pairs.get(sb.index, [])]
            self.figures(sb, region)
            self.names(sb, region)
            self.quotes(sb)
            if region:
                self.numbers(sb, region)
                self.attributions(sb, region)
                # a word flipped or swapped is read only against a source sentence the copy's
                # sentence keeps nearly all the words of: in a reworded sentence, "minute" and
                # "hour", "rise" and "falling" belong to different clauses
                close = [sa for sa in region if _close_edit(sb, sa)]
                for wc in (negation_changes(sb, close) + polarity_changes(sb, close)
                           + modality_changes(sb, close, self.b.text, self.a.text)
                           + contrast_changes(sb, close)):
                    self.add(wc.kind, wc.b_span, wc.a_span, wc.explanation)
                self.omitted(sb, region)
        self.substitutions()
        self.additions()
        # one edit, one change: a swapped speaker ("Jane Doe said" for "John Roe said") is the
        # actor swap, not also a moved attribution
        names = [c.span for c in self.changes if c.kind in {"actor", "place"} and c.span]
        self.changes = [c for c in self.changes if not (
            c.kind == "attribution" and c.span
            and any(s < c.span[1] and c.span[0] < e for s, e in names))]
        self.changes.sort(key=lambda c: c.span or (0, 0))
        return self.changes

    def substitutions(self) -> None:
        """One word swapped in otherwise kept words; a closed-set value the source never uses.
        A copy that swaps plain words in three places or more rewords its source (a spun copy, a
        rewrite): its plain-word swaps are not reported, names, opposites and closed-set values
        still are. Words another rule already reports (a name, a figure) are left to it."""
        found = [c for sb in self.b.sents
                 for c in substitution_candidates(sb, self.a, self.vocab)]
        reworded = sum(1 for c in found if c.lexical) >= _REWORDED
        changes = [c.change for c in found if c.change and not (reworded and c.lexical)]
        changes += [wc for sb in self.b.sents for wc in closed_set_changes(sb, self.a)
                    + date_changes(sb, self.a, self.vocab)]
        taken = [c.span for c in self.changes if c.span]
        for wc in changes:
            if wc.a_span is not None:
                sb_text = _sentence_text(self.b, wc.b_span[0])
                sa_text = _sentence_text(self.a, wc.a_span[0])
                if sb_text and sa_text and _overlap(sb_text, sa_text) < _RESTATED:
                    continue  # one word for another is evidence only where the rest is kept
            s, e = wc.b_span
            if any(x < e and s < y for x, y in taken):
                continue
            self.add(wc.kind, wc.b_span, wc.a_span, wc.explanation)
            taken.append(wc.b_span)

    def quotes(self, sb: Sent) -> None:
        a_text = self.a.text.lower()
        for q in (c for c in sb.claims if c.kind == "quote" and len(c.text.split()) >= 4):
            if fuzz.partial_ratio(q.text.lower(), a_text) < 85 and not self._restates(q.text):
                self.unit(q, sb, f"the quote “{q.text.strip()}”")

    def _restates(self, text: str) -> bool:
        """Does ``text`` say what one of the source's sentences says, in other words (sentence
        embeddings)? A quote reworded by a rewrite is the source's quote, not a new one."""
        from wiretrace.embeddings import embed

        if not self.a.sents:
            return False
        if self._a_vectors is None:
            quotes = [c.text for c in self.a.claims if c.kind == "quote"]
            sents = [self.a.text[s.span[0]:s.span[1]] for s in self.a.sents]
            vecs = embed(sents + quotes)
            vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
            self._a_vectors = (vecs[:len(sents)], vecs[len(sents):])
        sent_vecs, quote_vecs = self._a_vectors
        v = embed([text])[0]
        v = v / max(float(np.linalg.norm(v)), 1e-9)
        return bool((sent_vecs @ v).max() >= _RESTATES or (
            len(quote_vecs) and (quote_vecs @ v).max() >= _RESTATES_QUOTE))


def _numbers_in(text: str, span: tuple[int, int]) -> list[NumberMention]:
    """Numbers of ``text[span]`` with offsets into ``text``."""
    out = find_numbers(text[span[0]:span[1]])
    for n in out:
        n.start += span[0]
        n.end += span[0]
    return out


_NEAR = re.compile(r"[A-Za-z][\w'’-]*")


def _with_unit(text: str, n: NumberMention) -> tuple[int, int]:
    """The number's span with the word after it (its unit)."""
    m = re.match(r"\s*-?\s*[\w/]+", text[n.end:n.end + 20])
    return n.start, n.end + (m.end() if m else 0)


def _same_slot(b_text: str, nb: NumberMention, a_text: str, na: NumberMention) -> bool:
    """The two numbers count the same thing: the two words after them (or the word before)
    agree ("fund 40 new teachers" / "funds 45 new teachers")."""
    def after(text: str, end: int) -> list[str]:
        return [stem(w.lower()) for w in _NEAR.findall(text[end:end + 40])[:2]]

    def before(text: str, start: int) -> list[str]:
        return [stem(w.lower()) for w in _NEAR.findall(text[max(0, start - 30):start])[-1:]]

    xa, xb = after(a_text, na.end), after(b_text, nb.end)
    if xa and xb and ((xa[0] == xb[0] and is_content(xa[0])) or xa == xb):
        return True
    pa, pb = before(a_text, na.start), before(b_text, nb.start)
    return bool(pa) and pa == pb and is_content(pa[0]) and bool(xa) == bool(xb)


def _sentence_text(side: Side, pos: int) -> str | None:
    sent = side.sentence_at(pos)
    return side.text[sent.span[0]:sent.span[1]] if sent is not None else None


_DAY_WORDS = re.compile(r"^(?:on\s+|last\s+|this\s+|next\s+)?(?:yesterday|today|tomorrow|tonight|"
                        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|"
                        r"evening|night))?|(?:this|last)\s+(?:morning|evening|night|week))$",
                        re.IGNORECASE)
_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|this|last|next)\b", re.I)
_CURRENCY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|usd|eur|gbp)\b",
                       re.IGNORECASE)
_FIGURE_WORDS = frozenset({"of", "about", "some", "around", "nearly", "almost", "at", "least",
                           "most", "more", "than", "over", "up", "to", "approximately", "roughly",
                           "an", "estimated", "a", "the"})
_UNIT_WORD = re.compile(r"^(?:US\$|USD|EUR|GBP|[$€£¥]|dollars?|euros?|pounds?|per ?cent|percent|"
                        r"km|kilometres?|kilometers?|miles?|m|metres?|meters?)$", re.IGNORECASE)
_NEG_WORDS = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|"
                        r"n't\b")


_UNIT_SPELLINGS = {
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers", "kms"), "km"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("mile", "miles", "mi"), "mile"),
    **dict.fromkeys(("pc", "pct"), "percent"),
    **dict.fromkeys(("kilogram", "kilograms", "kilo", "kilos", "kgs"), "kg"),
    **dict.fromkeys(("hrs", "hr", "hour"), "hours"),
}


def _words_around(text: str, start: int, end: int) -> list[str]:
    around = (text[:start] + " " + text[end:]).lower()
    return re.findall(r"[a-z]+", re.sub(r"\bper\s+cent\b", "percent", around))


# what a dropped figure must count to make an omission: people, casualties, money, a share
_COUNTED = frozenset({*SPECIFIC_SCOPES, "people", "money", "percent"})


def _language(c: Claim, text: str) -> bool:
    """A language named ("translates as ... in English"), not a place claim. A demonym before a
    noun ("the Mexican embassy" for "the Russian embassy") is a claim, and stays one."""
    word = c.text.strip()
    return (c.kind == "place" and " " not in word and word.lower() != str(c.subject).lower()
            and bool(re.search(r"(?:ian|ish|ese|ean|an|i)$", word))
            and bool(re.search(r"\bin\s+$", text[max(0, c.span[0] - 4):c.span[0]]))
            and not re.match(r"\s+[A-Za-z]", text[c.span[1]:c.span[1] + 2]))


def _shortened_in(name: str, text: str) -> bool:
    """Does ``text`` give the name with each word shortened ("Lib Dems" for "Liberal
    Democrats", "Tottenham" kept)?"""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[:1].isupper()]
    if len(words) < 2:
        return False
    pattern = r"\s+".join(rf"{re.escape(w[:3])}[a-z]{{0,{max(0, len(w) - 4)}}}s?" for w in words)
    return bool(re.search(rf"\b{pattern}\b", text))


def _acronym_in(name: str, text: str) -> bool:
    """Is ``name`` in ``text`` under its acronym or expansion ("National Football League" /
    "NFL", "USGS" / "US Geological Survey")?"""
    caps = [w for w in re.findall(r"[\w'’.-]+", name) if w[:1].isupper()]
    if len(caps) >= 2:
        acr = "".join(w[0] for w in caps)
        if re.search(rf"\b{re.escape(acr)}\b", text):
            return True
    if len(caps) >= 2 and len(caps[0]) > 4 and re.search(
            rf"\b{re.escape(caps[0][:3])}[a-z]{{0,{len(caps[0]) - 5}}}\b(?!\s+[A-Z])", text):
        return True  # "the Fed" for "the Federal Reserve": the first word shortened
    if re.fullmatch(r"(?:[A-Z]\.?){2,6}", name.strip()):
        letters = name.replace(".", "").strip()
        for m in re.finditer(r"(?:\b[A-Z][\w'’-]*\s+(?:(?:of|the|for|and)\s+)?){2,6}", text):
            if _acronym_of(letters, m.group()):
                return True
    return False


def _surname(person: str) -> str | None:
    """The last capitalised word of a named person ("Mr Ferguson" → "Ferguson"); None for an
    organisation-like or lower-case source."""
    words = [w for w in re.findall(r"[\w'’-]+", person) if w[:1].isupper()]
    lex = lexicon()
    if (not words or len(words[-1]) < 3 or words[-1].lower() in lex.titles
            or any(w.lower() in lex.org_words for w in words)):
        return None
    return words[-1]


def _names(text: str, name: str) -> bool:
    """Does ``text`` name ``name`` (as whole words, any case)?"""
    words = re.findall(r"[\w'’-]+", name)
    if not words:
        return False
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    return pattern.search(text) is not None


def _converted(x: str, y: str) -> bool:
    """One measure in two units ("about 24km" / "about 15 miles")."""
    nx, ny = find_numbers(x), find_numbers(y)
    return len(nx) == len(ny) == 1 and same_measure(x, nx[0], y, ny[0])


def _consistent_figures(x: str, y: str) -> bool:
    """Two spellings of one figure: "ten" / "10", "dozens" / 30, "about 1,800" / "1,500-2,000",
    one measure in two units ("about 15 miles" / "about 24km"), or amounts in two currencies
    (a conversion, not a changed figure)."""
    nx, ny = find_numbers(x), find_numbers(y)
    if not nx or not ny:
        return False
    if _converted(x, y):
        return True
    if len(nx) == len(ny) == 1 and consistent(nx[0], ny[0]):
        # only when nothing but the figure differs: "a death toll of 200" for "dead or injured
        # at 200" is the same number counting something else (a scope change)
        rest = [sorted(_UNIT_SPELLINGS.get(w, w) for w in _words_around(t, n.start, n.end)
                       if w not in _FIGURE_WORDS) for t, n in ((x, nx[0]), (y, ny[0]))]
        return rest[0] == rest[1]  # "25 km" / "25 kilometres": one unit spelt two ways
    cx, cy = _CURRENCY.findall(x.lower()), _CURRENCY.findall(y.lower())
    return bool(cx and cy) and {c.rstrip("s") for c in cx} != {c.rstrip("s") for c in cy}


def _negations(text: str) -> int:
    return len(_NEG_WORDS.findall(reading_form(text)))


def _same_sides(c: Change, a: Side, b: Side) -> bool:
    """The change's two sides say the same: the same words up to typography, one figure in two
    spellings, a relative day for a named one, or (for a negation) as many negations in the
    copy's sentence as in the source's."""
    if "\ufffd" in c.text + c.versus_text:
        return True  # a character lost in decoding ("4\ufffd months"): no reading to compare
    if c.kind == "addition" and _UNIT_WORD.match(c.text.strip()):
        return True  # "USD" slipped next to "billion": a unit made explicit
    if not c.versus_text:
        return False
    if same_reading(c.text, c.versus_text) or _acronym_of(c.text, c.versus_text):
        return True
    if c.kind == "title" and _title_key(c.text) == _title_key(c.versus_text):
        return True  # "CEO" for "chief executive", "spokesperson" for "spokesman"
    if _consistent_figures(c.text, c.versus_text):
        return True
    if _DAY_WORDS.match(c.text.strip()) and _DAY_WORDS.match(c.versus_text.strip()) and any(
            _RELATIVE_DAY.search(t) for t in (c.text, c.versus_text)):
        return True  # "yesterday" for "on Thursday": the same day seen from another date
    moved = c.kind == "attribution" and "attributes this to" in c.explanation
    if (c.kind in _SAME_SENTENCE_KINDS or moved) and c.span and c.versus_span:
        sb, sa = _sentence_text(b, c.span[0]), _sentence_text(a, c.versus_span[0])
        # a negation word added or dropped: both sentences keep their words, the longer too
        one_word = c.kind == "negation" and "the negation" in c.explanation
        if sb is not None and sa is not None and _overlap(sb, sa, longer=one_word) < (
                _CUE_KEPT if one_word else _RESTATED):
            return True  # a paraphrase says it another way: a cue word is no evidence there
    if c.kind == "negation" and "the negation" in c.explanation and c.span and c.versus_span:
        # the cue is one negation word; the other text has it as often around the same place
        # (sentence splits differ between copies: "…without him?” Colts coach asked.")
        drops = "drops the negation" in c.explanation
        cue = reading_form(c.versus_text if drops else c.text)
        here, there = (a, b) if drops else (b, a)
        pos_here = c.versus_span[0] if drops else c.span[0]
        pos_there = c.span[0] if drops else c.versus_span[0]
        own = _sentence_text(here, pos_here)
        other = _sentence_text(there, pos_there)
        near = _window_text(there, pos_there)
        if own is None or other is None or near is None:
            return False
        if _count_word(other, cue) >= _count_word(own, cue):
            return True
        # split elsewhere in the other text: the cue is in a neighbouring sentence there
        if _overlap(own, other, longer=True) < _SAME_SPLIT and _count_word(
                near, cue) >= _count_word(own, cue):
            return True
    return False


# kinds read off one word of two sentences that must otherwise say the same words: a negation
# or an opposite, a dropped figure. In a paraphrase the words around them are no anchor.
_SAME_SENTENCE_KINDS = frozenset({"negation", "omission"})
_RESTATED = 0.7
_CUE_KEPT = 0.8  # a negation word alone: the sentence must be all but verbatim
_SAME_SPLIT = 0.9


_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "be", "been", "has",
                          "have", "had", "will", "would", "can", "could"})


def _overlap(x: str, y: str, longer: bool = False) -> float:
    """Share of the words two sentences have in common (negations and auxiliaries aside)."""
    wx = {w for w in reading_key(x).split() if not _NEG_WORDS.fullmatch(w)} - _AUXILIARIES
    wy = {w for w in reading_key(y).split() if not _NEG_WORDS.fullmatch(w)} - _AUXILIARIES
    return len(wx & wy) / max(1, (max if longer else min)(len(wx), len(wy)))


def _acronym_of(x: str, y: str) -> bool:
    """"NHS" and "National Health Service" (the words around them may be the same; "UCS's"
    and "Union of Concerned Scientists'" too)."""
    def words(t: str) -> list[str]:
        return [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w'’.-]+", t)]

    wx, wy = words(x), words(y)
    for short, long_ in ((wx, wy), (wy, wx)):
        acr = [w for w in short if re.fullmatch(r"(?:[A-Z]\.?){2,6}", w)]
        # each capitalised word gives its initial; a short all-capitals one ("US") may give all
        caps = "".join(w[0] for w in long_ if w[:1].isupper())
        full = "".join(w.replace(".", "") if w.isupper() and len(w) <= 4 else w[0]
                       for w in long_ if w[:1].isupper())
        # an acronym both sides write ("US President" / "former US President") expands nothing
        acr = [a for a in acr if a not in long_]
        if acr and any(a.replace(".", "") in caps or a.replace(".", "") in full
                       for a in acr) and len(short) < len(long_):
            return True
    return False


def _title_key(text: str) -> str:
    """One spelling per title: "Chief Executive" / "CEO", "spokesman" / "spokesperson"."""
    t = " ".join(text.lower().split())
    return _TITLE_ALIASES.get(t, t)


def _count_word(text: str, word: str) -> int:
    return len(re.findall(rf"(?<![\w']){re.escape(word)}(?![\w'])", reading_form(text)))


def _window_text(side: Side, pos: int) -> str | None:
    """The sentence at ``pos`` with the sentences either side of it."""
    sent = side.sentence_at(pos)
    if sent is None:
        return None
    k = sent.index
    lo, hi = max(0, k - 1), min(len(side.sents) - 1, k + 1)
    return side.text[side.sents[lo].span[0]:side.sents[hi].span[1]]


def _close_edit(sb: Sent, sa: Sent, slot: set[str] | frozenset[str] = frozenset()) -> bool:
    """Does the copy's sentence keep nearly all the content words of the source's (all but
    one, or ``_CLOSE`` of them; the words of the swapped ``slot`` aside)? Only then is one word
    or name in it read as swapped."""
    b, a = sb.content - slot, sa.content - slot
    return len(b - a) <= 1 or len(b & a) >= _CLOSE * len(b)


def _judged(c: Change, judged: frozenset[str]) -> bool:
    """Is the change one the entailment check decides: of a kind in ``judged``, or a word swap
    the rules cannot tell from a rewording (marked ``JUDGED``)?"""
    return c.kind in judged or JUDGED in c.explanation


def vet_changes(changes: list[Change], a: Side, b: Side,
                judged: frozenset[str] = frozenset({"addition"})) -> list[Change]:
    """Only real changes: never two readings of the same words (typography, quotes, dashes,
    case, inflection, transliteration, one figure spelt two ways), never in a copy sentence that
    reads as a source sentence, never in page residue of either text (chrome, bylines, credits,
    time stamps); and a change of a kind in ``judged`` only where the entailment check
    (``claims.entailment``) says the copy's sentence is not supported by the source."""
    a_forms = {reading_key(a.text[s.span[0]:s.span[1]]) for s in a.sents}
    kept = []
    for c in changes:
        if _same_sides(c, a, b):
            continue
        if in_artefact(b.text, c.span) or in_artefact(a.text, c.versus_span):
            continue
        if (c.span and headline_line(b.text, c.span[0])) or (
                c.versus_span and headline_line(a.text, c.versus_span[0])):
            continue  # each outlet writes its own headline: no claim of the story's text
        if in_title_run(b.text, c.span) or in_title_run(a.text, c.versus_span):
            continue  # a headline fused with the lead, or one too long for a headline line
        if c.kind in {"actor", "place"} and c.span and c.versus_span and (
                chrome_name(b.text, c.span) or chrome_name(a.text, c.versus_span)):
            continue  # "Found March" for "Release: 03": two page stamps, no name swapped
        sentence = _sentence_text(b, c.span[0]) if c.span else None
        if sentence is not None and reading_key(sentence) in a_forms:
            continue
        kept.append(c)
    checked = {s for c in kept if _judged(c, judged) and c.span
               for s in [_sentence_text(b, c.span[0])] if s}
    if not checked:
        return kept
    from wiretrace.claims.entailment import load_model, support_many

    order = sorted(checked)
    scores = dict(zip(order, support_many([a.text[s.span[0]:s.span[1]] for s in a.sents], order),
                      strict=True))
    threshold = load_model().threshold
    out = []
    for c in kept:
        sentence = _sentence_text(b, c.span[0]) if c.span else None
        if _judged(c, judged) and sentence in scores:
            score = float(scores[sentence])
            if score >= threshold:
                continue  # the copy's sentence is supported: a rewording, not a change
            c.explanation = (c.explanation.replace(JUDGED, "")
                             + f" (entailment support {score:.2f} < {threshold:.2f})")
        out.append(c)
    return out


def compare_sides(a: Side, b: Side, alignment: Alignment | None, a_id: int, b_id: int,
                  omissions: bool = True, support: list[Side] | None = None,
                  judged: frozenset[str] = frozenset({"addition"})) -> list[Change]:
    """Changes of ``b`` against ``a``; ``support`` (the story's other articles), when given,
    vetoes additions that one of them makes too; the entailment check vetoes each change of a
    kind in ``judged`` whose copy sentence the source supports (``Settings.entailment_kinds``)."""
    found = _Comparer(a, b, a_id, b_id, omissions, support).run(pair_sentences(a, b, alignment))
    return vet_changes(found, a, b, judged)


def _align(a_text: str, b_text: str, settings: Settings | None, a_id: int, b_id: int
           ) -> Alignment:
    from wiretrace.trace.align import align

    return align(a_text, b_text, settings, a_id=a_id, b_id=b_id)


def compare(a: Article, b: Article, alignment: Alignment | None = None,
            settings: Settings | None = None, omissions: bool = True) -> list[Change]:
    """Changes in the copy ``b`` with respect to its source ``a`` (spans into both texts)."""
    a_id = a.id if a.id is not None else -1
    b_id = b.id if b.id is not None else -1
    if alignment is None:
        alignment = _align(a.text, b.text, settings, a_id, b_id)
    a_side = side_of(a.text, extract_claims_from_text(a.text, a.published, a_id))
    b_side = side_of(b.text, extract_claims_from_text(b.text, b.published, b_id))
    return compare_sides(a_side, b_side, alignment, a_id, b_id, omissions,
                         judged=(settings or Settings()).entailment_kinds)


def compare_texts(source_text: str, copy_text: str, settings: Settings | None = None
                  ) -> PairReport:
    """Align a copy with its source and list what it changed (``wiretrace compare``)."""
    alignment = _align(source_text, copy_text, settings, 0, 1)
    a_claims = extract_claims_from_text(source_text, None, 0)
    b_claims = extract_claims_from_text(copy_text, None, 1)
    changes = compare_sides(side_of(source_text, a_claims), side_of(copy_text, b_claims),
                            alignment, 0, 1,
                            judged=(settings or Settings()).entailment_kinds)
    from wiretrace.trace.align import passages

    return PairReport(alignment, changes, a_claims, b_claims,
                      passages(alignment, source_text, copy_text))
