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

from wiretrace.claims.additions import Unit, group_by_clause, named_in, same_share, supported
from wiretrace.claims.artefacts import chrome_name, headline_line, in_artefact
from wiretrace.claims.compare_attributions import AttributionChecks, _credit
from wiretrace.claims.compare_figures import (
    FigureChecks,
    figure_mention,
    partitive,
    same_figure,
)
from wiretrace.claims.compare_names import NameChecks, _acronym_in, _language, _names_match
from wiretrace.claims.denials import (
    denials,
    denies_in_other_words,
    dropped_denials,
    gerund_at,
    said_otherwise,
    still_to_happen,
)
from wiretrace.claims.entities import styled_by_seat
from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.figures import SPECIFIC_SCOPES
from wiretrace.claims.numbers import NumberMention, consistent, find_numbers
from wiretrace.claims.pairing import Sent, Side, pair_sentences, side_of
from wiretrace.claims.quotes import QuoteMention
from wiretrace.claims.roles import Relation, role_swaps, source_relations
from wiretrace.claims.substitutions import (
    Vocabulary,
    closed_set_changes,
    date_changes,
    substitution_candidates,
)
from wiretrace.claims.vetting import (
    _RESTATED,
    _close_edit,
    _overlap,
    _sentence_text,
    vet_changes,
)
from wiretrace.claims.wordchecks import (
    contrast_changes,
    denies,
    future_changes,
    modality_changes,
    negation_changes,
    polarity_changes,
)
from wiretrace.model import AlignedPair, Alignment, Article, Change, Claim, Span
from wiretrace.settings import Settings
from wiretrace.trace.citations import is_news_outlet

__all__ = ["compare", "compare_sides", "compare_texts", "vet_changes", "PairReport", "FACT_KINDS"]

# Kinds that change what a text asserts (the benchmark's "inconsistent").
FACT_KINDS = frozenset({"figure", "scope", "qualifier", "attribution", "actor", "place",
                        "negation", "modality", "title", "addition"})
_REWORDED = 3  # plain-word swaps from which a copy counts as reworded, not edited


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


# what a dropped figure must count to make an omission: people, casualties, money, a share
_COUNTED = frozenset({*SPECIFIC_SCOPES, "people", "money", "percent"})


_AGED = re.compile(r"\b(?:a|an)\s+\d{1,3}-year-old\b", re.IGNORECASE)  # one person listed


class _Comparer(FigureChecks, NameChecks, AttributionChecks):
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
        self._a_relations: dict[int, list[Relation]] | None = None  # ``roles``, read once
        self._a_quotes: list[QuoteMention] | None = None  # ``_source_quotes``, read once
        self._a_quote_grams: set[tuple[str, ...]] = set()
        self._a_quote_stems: list[set[str]] = []

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

    def unit(self, claim: Claim, sb: Sent, label: str, versus: Span | None = None,
             note: str | None = None) -> None:
        """A claim-bearing unit of the copy its source does not make: a candidate addition
        (with what the source says in its place, ``versus``, when the source says something)."""
        self.units.append((Unit(claim, label, versus, note), sb.span))
    # --- who did what to whom --------------------------------------------------------------
    def roles(self, sb: Sent, region: list[Sent]) -> None:
        if self._a_relations is None:
            self._a_relations = source_relations(self.a.text, self.a.sents)
        for rb, ra in role_swaps(sb, region, self.b.text, self.a.text, _names_match,
                                 self._a_relations):
            self.add("actor", rb.span, ra.span,
                     f"the copy turns who did it round: '{self.b.text[slice(*rb.span)]}', where "
                     f"the source has {ra.doer.text} do it to {ra.done_to.text}")

    # --- omissions -----------------------------------------------------------------------
    def omitted(self, sb: Sent, region: list[Sent]) -> None:
        if not self.omissions or len(region) != 1:
            return
        sa = region[0]
        if len(sb.toks) < 0.6 * len(sa.toks):
            return
        if any(c.kind == "figure" and c.span and sb.span[0] <= c.span[0] < sb.span[1]
               for c in self.changes):
            return  # the sentence's figure is already a change: one edit, one change
        b_figs = [c for c in self.b.claims if c.kind == "figure"]
        # numbers the copy's sentence keeps, whatever it calls what they count; and those of
        # the other copy sentences told from the same source sentence (a sentence split in two
        # keeps its figure in the other half: "Cattle are tested and destroyed if infected. In
        # England alone, 26,413 cattle were slaughtered")
        kept = find_numbers(self.b.text[sb.span[0]:sb.span[1]]) + [
            n for other in self.b.sents if other.index != sb.index
            and sa.index in self._pairs.get(other.index, [])
            for n in find_numbers(self.b.text[other.span[0]:other.span[1]])]
        for af in (c for c in sa.claims if c.kind == "figure"):
            if (af.value or {}).get("vague"):
                continue  # "several people", "a few weeks": no figure to drop
            if partitive(self.a.text, af):
                continue  # "one of the fatalities, a child": an individual, not a count
            if af.predicate not in _COUNTED:
                continue  # a modifier ("his 2008 car", "30 miles south of"), not the claim's count
            if af.predicate == "money" and any(
                    c is not af and c.kind == "figure" and c.predicate == "money"
                    and any(same_figure(c, bf) for bf in b_figs) for c in sa.claims):
                continue  # "$50m (37m euros)" cut to "$50m": a conversion, not the figure
            if any(same_figure(af, bf) for bf in b_figs) or any(
                (bf.value or {}).get("number_span") for bf in sb.claims if bf.kind == "figure"
            ) or any(consistent(figure_mention(af), n) for n in kept) or same_share(
                    af, self.b.text[sb.span[0]:sb.span[1]]) or same_share(
                    af, self.b.text[sb.span[0]:sb.span[1]], self.a.text[sa.span[0]:sa.span[1]]):
                continue  # (a share told another way: "A quarter of" for "One in four")
            if (af.value or {}).get("high") == 0 and denies(sb):
                continue  # "have not resettled any refugees" for "resettled zero refugees"
            ages = len(_AGED.findall(self.b.text, sb.span[0], sb.span[1]))
            if ages >= 2 and (af.value or {}).get("low") == ages:
                continue  # "Two men, a 22-year-old and a 25-year-old" cut to the two listed
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
                          and (_acronym_in(u.claim.text, self.a.text)
                               or styled_by_seat(self.b.text, u.claim.span[0])))
                 and not any(s <= u.claim.span[0] < e or u.claim.span[0] <= s < u.claim.span[1]
                            for s, e in changed)
                 and not supported(u, self._story_sides(), _names_match,
                                   self.b.sentence_at(u.claim.span[0]))]
        where = ("in neither the source nor any other article of the story"
                 if self.support is not None else "nowhere in the source")
        for span, group in group_by_clause(self.b.text, units):
            labels = ", ".join(u.label for u in group)
            # a word slipped in that this clause already reports is one addition, not two
            self.changes = [c for c in self.changes if not (
                c.kind == "addition" and c.span and span[0] <= c.span[0] and c.span[1] <= span[1])]
            notes = "; ".join(dict.fromkeys(u.note for u in group if u.note))
            self.add("addition", span, next((u.versus for u in group if u.versus), None),
                     f"{labels} {'is' if len(group) == 1 else 'are'} {where}"
                     + (f": {notes}" if notes else ""))

    def run(self, pairs: dict[int, list[int]]) -> list[Change]:
        self._pairs = pairs
        for sb in self.b.sents:
            region = [self.a.sents[i] for i in pairs.get(sb.index, [])]
            self.figures(sb, region)
            self.ages(sb)
            self.names(sb, region)
            self.quotes(sb)
            if region:
                self.numbers(sb, region)
                self.shares(sb, region)
                self.narrowed(sb, region)
                self.attributions(sb, region)
                # a word flipped or swapped is read only against a source sentence the copy's
                # sentence keeps nearly all the words of: in a reworded sentence, "minute" and
                # "hour", "rise" and "falling" belong to different clauses
                close = [sa for sa in region if _close_edit(sb, sa)]
                # a denial read first by the word it denies (``claims.denials``): a rewording,
                # even one that keeps the words in another order, keeps none around it
                # a "not" the copy adds beside a source sentence that denies with a verb
                # ("will not complete her tour" for "cancelled the rest of her tour") says it
                # another way; so does "has not decided" for "will decide after Easter"
                negations = [wc for wc in negation_changes(sb, close) if not (
                    wc.direction == "adds" and any(
                        denies_in_other_words(sa, sb, wc.b_span[0])
                        or still_to_happen(sa, sb, wc.b_span[0])
                        for sa in close))]
                # a denial the copy drops, read by the verb it denied (``claims.denials``), is
                # told once, by that reading when it holds; a close edit's dropped "not" is
                # none where the copy's word is a gerund ("balked at running" for "would not
                # run") or the copy does not keep the denied word ("will miss the service" for
                # "will not attend the service"): the denial said with a verb of its own
                dropped = dropped_denials(sb, region, self.a, self.b)
                negations = [wc for wc in negations if not (
                    wc.direction == "drops"
                    and (dropped or gerund_at(sb, wc.b_span[0]) or any(
                        said_otherwise(sa, sb, wc.a_span[0]) for sa in close
                        if sa.span[0] <= wc.a_span[0] < sa.span[1])))]
                for wc in (denials(sb, region, self.a) + negations + dropped
                           + polarity_changes(sb, close)
                           + modality_changes(sb, close, self.b.text, self.a.text)
                           + future_changes(sb, close, self.b.text, self.a.text)
                           + contrast_changes(sb, close)):
                    self.add(wc.kind, wc.b_span, wc.a_span, wc.explanation)
                self.roles(sb, region)
                self.omitted(sb, region)
        self.substitutions()
        self.dateline()
        self.additions()
        # one edit, one change: a swapped speaker ("Jane Doe said" for "John Roe said") is the
        # actor swap, not also a moved attribution; "North" for "South" in a place's name is the
        # place swap, not also an opposite word
        names = [c.span for c in self.changes if c.kind in {"actor", "place"} and c.span]
        self.changes = [c for c in self.changes if not (
            c.kind in {"attribution", "negation"} and c.span
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
            if wc.kind == "addition" and any(named_in(self.b.text[s:e], side.text)
                                             for side in self.support or []):
                continue  # "the Facebook campaign" where the parent says "the campaign" and
                # the story's original "the Facebook campaign": a name the story gives
            self.add(wc.kind, wc.b_span, wc.a_span, wc.explanation)
            taken.append(wc.b_span)


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
