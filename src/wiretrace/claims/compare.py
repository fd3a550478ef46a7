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

from rapidfuzz import fuzz

from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.figures import SPECIFIC_SCOPES
from wiretrace.claims.numbers import NumberMention, consistent
from wiretrace.claims.pairing import Sent, Side, pair_sentences, side_of
from wiretrace.claims.wordchecks import (
    contrast_changes,
    modality_changes,
    negation_changes,
    polarity_changes,
    unsupported_runs,
)
from wiretrace.model import Alignment, Article, Change, Claim
from wiretrace.settings import Settings

__all__ = ["compare", "compare_sides", "compare_texts", "PairReport", "FACT_KINDS"]

# Kinds that change what a text asserts (the benchmark's "inconsistent").
FACT_KINDS = frozenset({"figure", "scope", "qualifier", "attribution", "actor", "place",
                        "negation", "modality", "title", "addition"})
_OPEN = {"at_least", "at_most"}
_TITLE_ALIASES = {"chief executive": "ceo", "chief executive officer": "ceo", "premier":
                  "prime minister", "chair": "chairman", "chairwoman": "chairman",
                  "spokeswoman": "spokesperson", "spokesman": "spokesperson"}


@dataclass(slots=True)
class PairReport:
    alignment: Alignment
    changes: list[Change]
    source_claims: list[Claim] = field(default_factory=list)
    copy_claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        al = self.alignment
        return {
            "alignment": {"a": al.a, "b": al.b, "reuse_a": al.reuse_a, "reuse_b": al.reuse_b,
                          "pairs": [{"a_span": list(p.a_span), "b_span": list(p.b_span),
                                     "kind": p.kind, "score": p.score} for p in al.pairs]},
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


def _same_figure(a: Claim, b: Claim) -> bool:
    if not _scopes_compatible(a.predicate, b.predicate):
        return False
    if a.predicate in {"time", "distance"} and _time_unit(a) != _time_unit(b):
        return False
    return consistent(figure_mention(a), figure_mention(b))


def _norm_name(s: str) -> str:
    return re.sub(r"['’]s$", "", s).lower().strip(" .")


def _names_match(x: Claim, y: Claim) -> bool:
    if x.kind == "place" and y.kind == "place":
        vx, vy = x.value or {}, y.value or {}
        return vx.get("canonical") == vy.get("canonical")
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


class _Comparer:
    def __init__(self, a: Side, b: Side, a_id: int, b_id: int, omissions: bool) -> None:
        self.a, self.b, self.a_id, self.b_id = a, b, a_id, b_id
        self.omissions = omissions
        self.changes: list[Change] = []
        self._seen: set[tuple[str, int, int]] = set()
        self.a_names = [c for c in a.claims if c.kind in {"actor", "place"}]
        self.a_figures = [c for c in a.claims if c.kind == "figure"]

    def add(self, kind: str, b_span: tuple[int, int], a_span: tuple[int, int] | None,
            explanation: str) -> None:
        key = (kind, b_span[0], b_span[1])
        if key in self._seen or any(
            s[0] == kind and s[1] <= b_span[0] < s[2] for s in self._seen
        ) or (kind == "addition" and any(s[1] <= b_span[0] < s[2] for s in self._seen)):
            return
        self._seen.add(key)
        a_text = self.a.text[a_span[0]:a_span[1]] if a_span else ""
        self.changes.append(Change(self.b_id, self.a_id, kind, self.b.text[b_span[0]:b_span[1]],
                                   a_text, explanation, b_span, a_span))

    # --- figures -------------------------------------------------------------------------
    def figures(self, sb: Sent, region: list[Sent]) -> None:
        region_figs = [c for s in region for c in s.claims if c.kind == "figure"]
        for bf in (c for c in sb.claims if c.kind == "figure"):
            same = [af for af in region_figs if _same_figure(af, bf)]
            if same:
                self._qualifier(bf, same[0])
                continue
            elsewhere = [af for af in self.a_figures if _same_figure(af, bf)]
            if any((af.value or {}).get("qualifier") not in _OPEN for af in elsewhere):
                continue  # the figure is elsewhere in the source (a summary fuses sentences)
            scoped = [af for af in region_figs if af.predicate in SPECIFIC_SCOPES
                      and bf.predicate in SPECIFIC_SCOPES and af.predicate != bf.predicate
                      and consistent(figure_mention(af), figure_mention(bf))]
            if scoped:
                af = scoped[0]
                self.add("scope", bf.span, af.span,
                         f"the copy counts {bf.predicate} ('{bf.text}') where the source counts "
                         f"{af.predicate} ('{af.text}')")
                continue
            rivals = [af for af in region_figs if af.predicate == bf.predicate]
            if elsewhere:
                continue  # an open-ended figure elsewhere ("at least 40") may cover it
            if rivals:
                af = rivals[0]
                self.add("figure", bf.span, af.span,
                         f"the copy says '{bf.text}' where the source says '{af.text}'")
            else:
                self.add("addition", bf.span, None,
                         f"the figure '{bf.text}' appears nowhere in the source")

    def _qualifier(self, bf: Claim, af: Claim) -> None:
        up, down = {"at_least"}, {"at_most", "nearly"}
        qb, qa = (bf.value or {}).get("qualifier"), (af.value or {}).get("qualifier")
        if (qb in up and qa in down) or (qb in down and qa in up):
            self.add("qualifier", bf.span, af.span,
                     f"'{bf.text}' reverses the hedge of the source's '{af.text}'")

    # --- attributions --------------------------------------------------------------------
    def attributions(self, sb: Sent, region: list[Sent]) -> None:
        b_attr = [c for c in sb.claims if c.kind == "attribution"]
        a_attr = [c for s in region for c in s.claims if c.kind == "attribution"]
        bearing = [c for c in sb.claims if c.kind == "quote" or (
            c.kind == "figure" and c.predicate in SPECIFIC_SCOPES)]
        if a_attr and not b_attr and bearing:
            aa = a_attr[0]
            self.add("attribution", bearing[0].span, aa.span,
                     f"the copy states '{bearing[0].text}' without the source's attribution "
                     f"to {aa.subject}")
            return
        for ba in b_attr:
            src = _norm_name(ba.subject or "")
            if not (ba.subject or "")[:1].isupper():
                continue  # "the company", "officials": a description, not a named source
            if not src or any(fuzz.token_set_ratio(src, _norm_name(x.subject or "")) >= 70
                              for x in a_attr):
                continue
            if a_attr:
                where = ("whom the source quotes elsewhere" if src in self.a.text.lower()
                         else "whom the source does not mention")
                self.add("attribution", ba.span, a_attr[0].span,
                         f"the copy attributes this to {ba.subject} ({where}) where the source "
                         f"attributes it to {a_attr[0].subject}")
            elif src not in self.a.text.lower() and bearing:
                self.add("attribution", ba.span, None,
                         f"the copy attributes this to {ba.subject}, whom the source never names")

    # --- names, titles -------------------------------------------------------------------
    def names(self, sb: Sent, region: list[Sent]) -> None:
        b_names = [c for c in sb.claims if c.kind in {"actor", "place"}]
        region_names = [c for s in region for c in s.claims if c.kind in {"actor", "place"}]
        for bn in b_names:
            matches = [an for an in self.a_names if _names_match(an, bn)]
            if matches:
                self._title(bn, matches)
                continue
            if bn.text in self.a.text or _norm_name(bn.text) in self.a.text.lower():
                continue
            rivals = [an for an in region_names
                      if (an.kind == "place") == (bn.kind == "place")
                      and not any(_names_match(an, x) for x in b_names)
                      and an.text not in self.b.text]
            if rivals:
                an = max(rivals, key=lambda r: fuzz.ratio(r.text, bn.text))
                kind = "place" if bn.kind == "place" else "actor"
                self.add(kind, bn.span, an.span,
                         f"'{bn.text}' where the source says '{an.text}'")
            elif ((bn.value or {}).get("type") != "name" or " " in bn.text
                  or sb.span[0] != bn.span[0]):
                self.add("addition", bn.span, None,
                         f"'{bn.text}' is named nowhere in the source")

    def _title(self, bn: Claim, matches: list[Claim]) -> None:
        vb = bn.value or {}
        for an in matches:
            va = an.value or {}
            if vb.get("stale") and not va.get("stale") and va.get("title"):
                self.add("title", bn.span, an.span,
                         f"the copy calls {bn.subject} former {vb.get('title') or ''} where the "
                         f"source gives the title as current".replace("  ", " "))
                return
            tb, ta = (vb.get("title") or "").lower(), (va.get("title") or "").lower()
            tb, ta = _TITLE_ALIASES.get(tb, tb), _TITLE_ALIASES.get(ta, ta)
            if tb and ta and tb != ta and not any(
                (m.value or {}).get("title", "") and
                _TITLE_ALIASES.get(((m.value or {}).get("title") or "").lower(),
                                   ((m.value or {}).get("title") or "").lower()) == tb
                for m in matches
            ):
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
        for af in (c for c in sa.claims if c.kind == "figure"):
            if not any(_same_figure(af, bf) for bf in b_figs) and not any(
                (bf.value or {}).get("number_span") for bf in sb.claims if bf.kind == "figure"
            ):
                self.add("omission", sb.span, af.span,
                         f"the copy keeps this sentence but drops the figure '{af.text}'")

    def run(self, pairs: dict[int, list[int]]) -> list[Change]:
        for sb in self.b.sents:
            region = [self.a.sents[i] for i in pairs.get(sb.index, [])]
            if region:
                self.figures(sb, region)
                self.attributions(sb, region)
                self.names(sb, region)
                for wc in (negation_changes(sb, region) + polarity_changes(sb, region)
                           + modality_changes(sb, region, self.b.text, self.a.text)
                           + contrast_changes(sb, region)):
                    self.add(wc.kind, wc.b_span, wc.a_span, wc.explanation)
                self.omitted(sb, region)
            else:
                self.figures(sb, [])
                self.names(sb, [])
            for s, e in unsupported_runs(sb, self.a.stems):
                self.add("addition", (s, e), None,
                         f"'{self.b.text[s:e]}' is not supported by the source")
        self.changes.sort(key=lambda c: c.span or (0, 0))
        return self.changes


def compare_sides(a: Side, b: Side, alignment: Alignment | None, a_id: int, b_id: int,
                  omissions: bool = True) -> list[Change]:
    return _Comparer(a, b, a_id, b_id, omissions).run(pair_sentences(a, b, alignment))


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
    return compare_sides(a_side, b_side, alignment, a_id, b_id, omissions)


def compare_texts(source_text: str, copy_text: str, settings: Settings | None = None
                  ) -> PairReport:
    """Align a copy with its source and list what it changed (``wiretrace compare``)."""
    alignment = _align(source_text, copy_text, settings, 0, 1)
    a_claims = extract_claims_from_text(source_text, None, 0)
    b_claims = extract_claims_from_text(copy_text, None, 1)
    changes = compare_sides(side_of(source_text, a_claims), side_of(copy_text, b_claims),
                            alignment, 0, 1)
    return PairReport(alignment, changes, a_claims, b_claims)
