"""Who copied whom inside one story, and how.

Two articles are linked when they share substantial wording (quotes of a public statement and
short shared phrases do not count), when one carries leftover model text and is mostly a
rewrite of the other, or when one is a paraphrase of the other as a whole by the learned,
calibrated decision of :mod:`wiretrace.trace.linkmodel` (sentence model on). For every linked
pair a direction is decided from, in order of weight: a credit
naming the other article's outlet, the tells a copier leaves (mangled dateline, leftover model
text, injected links, aggregator headers), publication dates, which side holds material the
other lacks, and which side swapped everyday words for rarer ones. Each article then takes as
parent the closest article that precedes it; an article with no parent that shares text with
others that cannot be its parent gets an inferred upstream named from the citations. The type
describes the copy against its parent: wire_copy, edited_copy, spun_copy, rewrite, summary.
Articles without shared passages are independent and get no edge.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from wiretrace.model import Alignment, Article, Derivation
from wiretrace.settings import Settings
from wiretrace.trace.align import align_articles, embed_sentences, passages
from wiretrace.trace.citations import (
    Citation,
    agency_of,
    article_citations,
    credit_points_to,
    credits,
    in_house,
    is_agency,
    names_outlet,
    upstream_names,
)
from wiretrace.trace.features import (
    COMMON_WORDS,
    STRONG_EDIT,
    PairView,
    nonspace,
    own_writing,
    published_at,
    substitutions,
    swap_only_share,
    tells,
    view,
)
from wiretrace.trace.linkmodel import (
    common_name,
    holds,
    own_facts,
    pair_features,
    paraphrase_probability,
)
from wiretrace.trace.linkmodel import load_model as load_link_model
from wiretrace.trace.sentences import split_sentences

__all__ = ["trace_story", "TraceParams", "link_basis", "lexical_link", "may_be_paraphrase"]


@dataclass(frozen=True, slots=True)
class TraceParams:
    min_shared_chars: int = 200  # verbatim/edited chars (outside quotes) for a copy edge
    min_longest: int = 80  # the longest shared passage must be at least this long
    min_reuse: float = 0.3  # share of the smaller side's text reused
    # a rewrite that carries leftover model text ("Here is a rewritten version..."): this share
    # of it covered by pairs, in order, with this many pairs. Without such a tell, whether a
    # text is a paraphrase of another as a whole is the learned decision of ``linkmodel``.
    rewrite_cover: float = 0.6
    min_pairs_rewrite: int = 4
    # the learned decision is asked only when this many sentences of the shorter text are in
    # pairs: two paraphrased sentences of a longer text may be an independent brief. A text of
    # fewer sentences (a paragraph, a brief) is asked about when every one of them is in a pair;
    # the model, trained on such short pairs too (short leads of independent reports among the
    # negatives), weighs how little evidence there is (``log_sents_short``, ``shared_marks``)
    para_min_sentences: int = 3
    summary_ratio: float = 0.6  # a summary is at most this long relative to its parent
    summary_short: float = 0.35  # this short and contained, a copy is a summary, not a trim
    wire_verbatim: float = 0.85  # share of the aligned text that is verbatim in a wire copy
    spun_verbatim: float = 0.6  # below this, with many edited pairs, a copy is spun
    spun_edited: float = 0.25  # a spun copy has at least this share of its text in edited pairs
    wire_max_added: int = 100  # substantive chars (not boilerplate) a wire copy may add
    rewrite_max_verbatim: float = 0.2  # a rewrite keeps less than this share verbatim
    # a copy takes at least this share of its own text from its source: an article that reuses
    # a background paragraph of wire text in a report of its own is not a copy of it
    min_copy_share: float = 0.3
    expansion_share: float = 0.8  # ... unless it holds this share of its source's sentences


DEFAULT = TraceParams()


def _aid(a: Article) -> int:
    assert a.id is not None
    return a.id


def trace_story(
    articles: Sequence[Article],
    alignments: Sequence[Alignment] | None = None,
    settings: Settings | None = None,
    params: TraceParams = DEFAULT,
) -> list[Derivation]:
    """One ``Derivation`` per article, in the order given.

    With ``alignments=None`` every pair is aligned here. Given alignments are taken as the
    candidate pairs: a pair without one is treated as sharing nothing. Articles without an id
    get negative ids (-1, -2, ...) in order.
    """
    arts = [a if a.id is not None else replace(a, id=-(i + 1)) for i, a in enumerate(articles)]
    by_id = {_aid(a): a for a in arts}
    table: dict[tuple[int, int], Alignment] = {}
    for al in alignments or ():
        table[(min(al.a, al.b), max(al.a, al.b))] = al
    cites = {_aid(a): article_citations(a) for a in arts}
    tell_w = {_aid(a): _tell_weight(a) for a in arts}

    views: dict[tuple[int, int], PairView] = {}  # (child, parent) → view
    linked: dict[tuple[int, int], float] = {}  # (x, y) with x < y → direction (+: x is parent)
    why: dict[tuple[int, int], list[str]] = {}
    pairs: list[tuple[Article, Article]] = []
    # (x, y) with x < y → how they are linked ("wording", "rewrite_tell", "paraphrase", or
    # "credit": by a credit of the other's outlet, not by shared passages) and the probability
    basis: dict[tuple[int, int], tuple[str, float | None]] = {}
    semantic = settings is None or settings.semantic_alignment
    if alignments is None and len(arts) > 1:  # every pair aligned here
        embed_sentences((a.text for a in arts), settings)
    for i, x in enumerate(arts):
        for y in arts[i + 1 :]:
            key = (min(_aid(x), _aid(y)), max(_aid(x), _aid(y)))
            found = table.get(key)
            if found is None:
                if alignments is not None:
                    continue  # the caller chose the candidate pairs: others share nothing
                found = align_articles(x, y, settings)
                table[key] = found
            al = found
            credit = _credits_outlet(x, y, cites) or _credits_outlet(y, x, cites)
            if not credit and not _may_link(al, min(len(x.text), len(y.text)), params):
                continue
            vx, vy = view(al, x, y), view(al, y, x)
            views[(_aid(x), _aid(y))], views[(_aid(y), _aid(x))] = vx, vy
            how, prob = link_basis(vx, vy, x, y, params, semantic)
            if how is not None:
                pairs.append((x, y))
                basis[key] = (how, prob)
            elif (credit and _credited(vx, vy, x, y, cites)) or _aggregated(vx, vy, x, y, cites,
                                                                            params):
                pairs.append((x, y))
                basis[key] = ("credit", None)
    neighbours: dict[int, set[int]] = {k: set() for k in by_id}
    for x, y in pairs:
        neighbours[_aid(x)].add(_aid(y))
        neighbours[_aid(y)].add(_aid(x))
    for x, y in pairs:
        xi, yi = _aid(x), _aid(y)
        votes = _consensus(xi, yi, neighbours[xi] & neighbours[yi], views)
        d, reasons = _direction(x, y, views[(yi, xi)], views[(xi, yi)], cites, tell_w, votes)
        lo, hi = (xi, yi) if xi < yi else (yi, xi)
        linked[(lo, hi)] = d if lo == xi else -d
        why[(lo, hi)] = reasons

    def dir_of(p: int, c: int) -> float:
        """> 0 when p is more likely the parent of c."""
        if (p, c) in linked:
            return linked[(p, c)]
        return -linked[(c, p)] if (c, p) in linked else 0.0

    # global order: parents first (Copeland count of won directions, then net score, dates)
    beats: dict[int, list[int]] = {k: [] for k in by_id}  # the articles each won against
    net = {k: 0.0 for k in by_id}
    for (lo, hi), d in linked.items():
        net[lo] += d
        net[hi] -= d
        if abs(d) > 0.25:
            winner, loser = (lo, hi) if d > 0 else (hi, lo)
            beats[winner].append(loser)
    order = _parents_first(beats, lambda k: (-len(beats[k]), -net[k], _date_key(by_id[k]), k))
    rank = {k: r for r, k in enumerate(order)}

    parent: dict[int, int] = {}
    # a copy given the source of its closest candidate: (that candidate, why)
    passed_over: dict[int, tuple[int, str]] = {}
    # a copy none of whose candidates can be its source: why the closest cannot
    not_from: dict[int, str] = {}
    siblings: dict[int, list[int]] = {k: [] for k in by_id}
    for c in order:
        cands: list[int] = []
        for p in by_id:
            if p == c or (min(p, c), max(p, c)) not in linked or rank[p] > rank[c]:
                continue
            d = dir_of(p, c)
            # only shared wording can be a few reused paragraphs; the learned paraphrase decision
            # weighs coverage itself, and a credit of the other's outlet links an aggregator's
            # summary, which shares little
            by_words = basis[(min(p, c), max(p, c))][0] == "wording"
            enough_c = not by_words or _copies_enough(views[(c, p)], params)
            enough_p = not by_words or _copies_enough(views[(p, c)], params)
            if abs(d) < 1.0 and _both_unique(views[(c, p)]):
                if enough_c:
                    siblings[c].append(p)
                if enough_p:
                    siblings[p].append(c)
                continue
            if d >= -0.25 and enough_c:
                cands.append(p)
        chosen: int | None = None
        passed: tuple[int, str] | None = None
        why_not = ""  # why the closest candidate cannot be its source
        left = list(cands)
        while left and chosen is None:  # the closest that can be its source
            closest = _choose_parent(c, left, views, rank)
            chosen, passed = _shared_innovations(c, closest, left, parent, by_id, views)
            left.remove(closest)
            if chosen is None and passed and not why_not:
                why_not = passed[1]
        if chosen is not None:
            parent[c] = chosen
            if passed:
                passed_over[c] = passed
        elif why_not:
            not_from[c] = why_not

    unplaced = [k for k in by_id if k not in parent and k not in not_from and not siblings[k]]
    for k, (o, r, why_o) in _made_beside(unplaced, by_id, parent, neighbours, views,
                                         dir_of).items():
        parent[k] = o
        passed_over[k] = (r, why_o)
    children = {k: [c for c, p in parent.items() if p == k] for k in by_id}
    out: list[Derivation] = []
    for a in arts:
        k = _aid(a)
        if k in parent:
            p = parent[k]
            # a source reached past the closest candidate may not be linked itself: the copy is
            # linked to the story through that candidate, which descends from it
            skipped, reason = passed_over.get(k, (p, ""))
            link = basis.get((min(k, p), max(k, p)), ("through", None))
            d = dir_of(p, k) or dir_of(skipped, k)
            der = _derived(a, by_id[p], views[(k, p)], d, why, table, cites, link)
            if reason:
                der.evidence.insert(1, reason)
            out.append(der)
        elif siblings[k]:
            out.append(_upstream(a, [by_id[s] for s in siblings[k]], views, table, cites))
        else:
            reused = [by_id[p] for p in by_id if (k, p) in views and _linked(k, p, linked)]
            # the direction makes it the source of a linked article that took enough of it,
            # but that article copies a closer version
            bypassed = any(dir_of(k, _aid(r)) > 0.25 and _copies_enough(
                views[(_aid(r), k)], params) for r in reused)
            out.append(_root(a, children[k], len(arts), views, table, cites, reused,
                             bypassed, not_from.get(k, "")))
    return out


def _made_beside(
    unplaced: list[int],
    by_id: dict[int, Article],
    parent: dict[int, int],
    neighbours: dict[int, set[int]],
    views: dict[tuple[int, int], PairView],
    dir_of: Callable[[int, int], float],
) -> dict[int, tuple[int, int, str]]:
    """Articles of ``unplaced`` (no parent, no sibling) with no copy of their own, linked to an
    article r that the direction makes their copy but that takes its text from a closer version
    o: (o, r, why) for each that was made from o beside r. Not r's source (r is o's), not r's
    copy (the direction), the link is told by a source both share: o, which the article aligns
    with (by itself too little for a link, or linked with no direction making the article its
    source) and which is not dated after it, with none of the facts r adds to o."""
    out: dict[int, tuple[int, int, str]] = {}
    has_copies = set(parent.values())
    for k in unplaced:
        if k in has_copies:
            continue
        for r in sorted((r for r in neighbours[k] if r in parent and dir_of(k, r) > 0.25),
                        key=lambda r: (-views[(k, r)].sim_c, r)):
            o = parent[r]
            if (o == k or (k, o) not in views or dir_of(k, o) > 0.25
                    or _date_key(by_id[o]) > _date_key(by_id[k])
                    or any(holds(by_id[k].text, f)
                           for f in own_facts(by_id[r].text, by_id[o].text))):
                continue
            out[k] = (o, r, f"made from #{o} beside #{r}: linked to #{r}, which the direction "
                      f"makes its copy but which takes its text from #{o}, and has none of the "
                      f"names or figures #{r} adds to #{o}")
            break
    return out


def _parents_first(
    beats: dict[int, list[int]], key: Callable[[int], tuple[float, float, float, int]],
) -> list[int]:
    """Articles (the keys of ``beats``, each with the articles it won the direction against)
    in an order where each comes after every article that won against it, so that a source
    stays before a copy that many others copy in turn (Copeland count alone ranks that hub
    first); among the articles free to come next, and to break a cycle of directions, the best
    ``key`` first."""
    ids = list(beats)
    beaten = dict.fromkeys(ids, 0)
    for losers in beats.values():
        for loser in losers:
            beaten[loser] += 1
    free = [(key(k), k) for k in ids if not beaten[k]]
    heapq.heapify(free)
    placed: set[int] = set()
    order: list[int] = []
    while len(order) < len(ids):
        if not free:  # a cycle of directions: the best article left goes next
            k = min((k for k in ids if k not in placed), key=key)
            heapq.heappush(free, (key(k), k))
        _, k = heapq.heappop(free)
        if k in placed:
            continue
        placed.add(k)
        order.append(k)
        for loser in beats[k]:
            beaten[loser] -= 1
            if beaten[loser] == 0 and loser not in placed:
                heapq.heappush(free, (key(loser), loser))
    return order


def _copies_enough(v: PairView, p: TraceParams) -> bool:
    """Enough of c is taken from p for c to be a copy of it, or c holds nearly all of p."""
    return v.all_c >= p.min_copy_share or v.core_p >= p.expansion_share


def _linked(x: int, y: int, linked: dict[tuple[int, int], float]) -> bool:
    return (min(x, y), max(x, y)) in linked


# Leftover model text is proof of a copy, and a mangled dateline against a text of the same
# wording (``_tell_score``): proof outweighs publication dates, which pages rewrite. Other tells
# add up to at most 3 and are weighed with the content.
_HARD_TELLS = {"dateline_repair", "llm_meta_text"}
_HARD_WEIGHT = 5.0
_CLOSE_WORDING = 0.8  # share of a pair's aligned text verbatim or closely edited
_SUMMARY_COVER = 0.85  # share of an aggregator's summary found in its source
_DATE_WEIGHT = 3.5
_CONTENT_UNDER_DATES = 3.0  # what the texts hold, together, when both are dated apart
# c shares this much more of p's text word for word than of o's: p's own sentences, taken
_SHARED_VERBATIM = 0.2
# c takes what p added to o when this share of c aligns with p's text that no part of o gives
_ADDED_TAKEN = 0.1
# a verbatim stretch this long (non-space characters, about ten words) is no chance agreement
_KEPT_WORDS = 50
_SUMMARY_WORD = re.compile(r"\b(?:summar|condens|shorten|key points|tl;?dr|brief)", re.I)


@dataclass(frozen=True, slots=True)
class _Tells:
    """The marks of a copy an article carries: chrome a scraper or aggregator leaves (``soft``,
    at most 3), leftover model text (``model``), a mangled dateline (``dateline``)."""

    soft: float
    model: bool
    dateline: bool


def _tell_weight(a: Article) -> _Tells:
    found = tells(a)
    return _Tells(min(3.0, sum(t.weight for t in found if t.kind not in _HARD_TELLS)),
                  any(t.kind == "llm_meta_text" for t in found),
                  any(t.kind == "dateline_repair" for t in found))


def _tell_score(t: _Tells, v: PairView) -> tuple[float, float]:
    """(proof, hint) that the article with tells ``t`` is the copy in the pair ``v`` sees it
    in. Leftover model text proves it was made from a text; a mangled dateline proves it was
    scraped from a clean copy of the same wording, so it proves the direction only against one
    that keeps that wording (most of the pair verbatim or closely edited). Against a rewrite or
    a summary it says only that it is a copy of something: a hint, weighed with the content."""
    close = v.all_c > 0 and v.lex_c / v.all_c >= _CLOSE_WORDING
    proof = _HARD_WEIGHT if (t.model or (t.dateline and close)) else 0.0
    hint = t.soft + (_HARD_WEIGHT / 2 if t.dateline and not close and not t.model else 0.0)
    return proof, min(3.0, hint)


def _may_link(al: Alignment, short: int, p: TraceParams) -> bool:
    """A cheap first look: enough lexical text shared, or enough pairs for a rewrite, or one
    pair that holds most of one text (a one-sentence paragraph and its rewrite)."""
    lex = sum(q.a_span[1] - q.a_span[0] for q in al.pairs if q.kind != "paraphrase")
    return (lex >= min(p.min_shared_chars, 0.5 * short) or len(al.pairs) >= 2
            or (len(al.pairs) == 1 and max(al.reuse_a, al.reuse_b) >= 0.5))


def _date_key(a: Article) -> float:
    when = published_at(a)
    return when.timestamp() if when else float("inf")


def link_basis(
    vx: PairView, vy: PairView, x: Article, y: Article, p: TraceParams = DEFAULT,
    semantic: bool = True,
) -> tuple[str | None, float | None]:
    """Why x and y are copy-linked, with the paraphrase probability: substantial shared wording
    (``wording``), a rewrite carrying leftover model text (``rewrite_tell``), or, with the
    sentence model on, one a paraphrase of the other as a whole by the learned decision of
    :mod:`wiretrace.trace.linkmodel` (``paraphrase``); ``(None, ...)`` when not linked. The
    probability is None when the learned decision was not asked (a lexical link, the model
    off)."""
    if lexical_link(vx, vy, p):
        return "wording", None
    for v, art in ((vx, x), (vy, y)):
        if not any(t.kind == "llm_meta_text" for t in tells(art)):
            continue
        if (v.all_c >= p.rewrite_cover and len(v.pairs) >= p.min_pairs_rewrite
                and v.moved <= 0.15 and v.all_p >= 0.3):
            return "rewrite_tell", None
    if not semantic or not may_be_paraphrase(vx, vy, x, y, p):
        return None, None
    prob = paraphrase_probability(pair_features(vx, vy, x, y))
    return ("paraphrase" if prob >= load_link_model().threshold else None), prob


def may_be_paraphrase(
    vx: PairView, vy: PairView, x: Article, y: Article, p: TraceParams = DEFAULT
) -> bool:
    """Enough aligned sentences of the shorter text to ask the learned decision: at least
    ``para_min_sentences`` of them, or all of them when it has fewer."""
    small, text = (vx, x.text) if vx.len_c <= vx.len_p else (vy, y.text)
    spans = [cs for cs, _, _, _ in small.pairs]
    sents = split_sentences(text)
    n = sum(1 for s, e in sents if any(a < e and s < b for a, b in spans))
    return n >= min(p.para_min_sentences, len(sents)) and n > 0


def _basis_note(how: str, prob: float | None) -> str:
    if how == "credit":
        return "linked by a credit to the other's outlet"
    if how == "wording":
        return "linked by shared wording"
    if how == "through":
        return ("linked to the story through another copy, not by itself (the line above says "
                "why)")
    if how == "rewrite_tell":
        return ("linked as a rewrite: most of it aligned in order, and it carries leftover "
                "model text")
    return (f"linked as a paraphrase of the whole: learned decision on coverage, order, shared "
            f"names, figures and rare words (probability {prob:.2f})")


def lexical_link(vx: PairView, vy: PairView, p: TraceParams = DEFAULT) -> bool:
    """Substantial shared wording (outside quotes): a wire, edited or spun copy. Short
    articles need a share of their text rather than the absolute amount."""
    short = min(vx.len_c, vx.len_p)
    lex = max(vx.lex_chars, vy.lex_chars)
    longest = max(vx.longest, vy.longest)
    return (
        lex >= min(p.min_shared_chars, 0.6 * short)
        and longest >= min(p.min_longest, 0.4 * short)
        and max(vx.lex_c, vy.lex_c) >= p.min_reuse
    )


def _credited(
    vx: PairView, vy: PairView, x: Article, y: Article, cites: dict[int, list[Citation]]
) -> bool:
    """One article credits the other's outlet outright ("Credited from: X", "Source: <url>",
    "via X") and most of its text is found there, if only as paraphrase: an aggregator's
    summary shares few words with its source, but says where it comes from. Some aligned
    content must back the credit, so the link has spans to show."""
    for v, child, source in ((vx, x, y), (vy, y, x)):
        if v.pairs and _credits_outlet(child, source, cites):
            return True
    return False


def _aggregated(
    vx: PairView, vy: PairView, x: Article, y: Article, cites: dict[int, list[Citation]],
    p: TraceParams = DEFAULT,
) -> bool:
    """An aggregator's summary of the other: a short text that credits outlets for the whole of
    it ("Credited from: X", "(AP, The Guardian, Newsweek)", "Source: ...") and whose every part
    is found in the other, in the other's order. The credit says it was made from a report; the
    other holds all of it. Short and credited, it says few words the way its source does, so
    the shared wording and the learned paraphrase decision miss it."""
    for v, child in ((vx, x), (vy, y)):
        if v.len_c > p.summary_ratio * v.len_p or v.all_c < _SUMMARY_COVER or v.moved > 0.15:
            continue
        if len(v.pairs) < 2 or not any(c.whole and c.where != "byline" for c in cites[_aid(child)]):
            continue
        return True
    return False



def _credits_outlet(child: Article, source: Article, cites: dict[int, list[Citation]]) -> bool:
    return any(
        c.whole and c.where != "byline" and credit_points_to(c.name, source)
        for c in cites[_aid(child)]
    )


def _direction(
    x: Article,
    y: Article,
    v_y: PairView,
    v_x: PairView,
    cites: dict[int, list[Citation]],
    tell_w: dict[int, _Tells],
    votes: int = 0,
) -> tuple[float, list[str]]:
    """Score > 0 when x is the parent of y; ``v_y`` sees y against x, ``v_x`` x against y;
    ``votes``: how many more of the other copies are closer to x than to y (``_consensus``).

    Proof of copying (a credit of the other's outlet, leftover model text, a mangled dateline
    against a text that keeps the same wording) may outweigh publication dates, which pages
    rewrite. What the texts hold (page marks of a copy, unique text, rarer words, the other
    copies' closeness) never does: together it is capped below the weight of the dates, so an
    original dated first is never made the copy of an expansion of it, nor a scraped copy dated
    first the copy of a later rewrite of the same wire text."""
    s = 0.0
    reasons: list[str] = []
    xi, yi = _aid(x), _aid(y)
    if any(c.whole and names_outlet(c.name, x) for c in cites[yi]):
        s += 4.0
        reasons.append(f"#{yi} credits #{xi}'s outlet")
    if any(c.whole and names_outlet(c.name, y) for c in cites[xi]):
        s -= 4.0
        reasons.append(f"#{xi} credits #{yi}'s outlet")
    (proof_x, hint_x), (proof_y, hint_y) = _tell_score(tell_w[xi], v_x), _tell_score(
        tell_w[yi], v_y)
    if proof_x != proof_y:
        s += proof_y - proof_x
        reasons.append(f"#{yi if proof_y > proof_x else xi} carries the marks of a copy")
    content = 0.0
    if hint_x != hint_y:
        content += hint_y - hint_x
        if proof_x == proof_y:
            reasons.append(f"#{yi if hint_y > hint_x else xi} carries page marks of a copy")
    tx, ty = published_at(x), published_at(y)
    dated = False
    if tx and ty and tx != ty:
        dated = True
        s += _DATE_WEIGHT if tx < ty else -_DATE_WEIGHT  # a copy cannot predate its source
        reasons.append(f"#{xi if tx < ty else yi} was published first")
    margin = max(80, 0.05 * max(v_y.len_c, v_y.len_p))
    diff = v_y.extra_p - v_y.extra_c  # x's unique substantive text minus y's
    if abs(diff) >= margin and not _both_unique(v_y):
        content += 1.5 if diff > 0 else -1.5
        reasons.append(f"#{xi if diff > 0 else yi} holds text the other lacks")
    junk = v_y.junk_c - v_y.junk_p
    if abs(junk) >= 40:
        content += 0.5 if junk > 0 else -0.5
    swaps = substitutions(v_y, y, x)
    to_rare = sum(1 for old, new in swaps if old in COMMON_WORDS and new not in COMMON_WORDS)
    to_common = sum(1 for old, new in swaps if new in COMMON_WORDS and old not in COMMON_WORDS)
    if abs(to_rare - to_common) >= 2:
        content += 1.0 if to_rare > to_common else -1.0
        reasons.append(
            f"#{yi if to_rare > to_common else xi} swapped everyday words for rarer ones"
        )
    if votes:
        # each witness counts; a few outweigh one "holds text the other lacks"
        content += min(2.4, 0.8 * abs(votes)) * (1 if votes > 0 else -1)
        reasons.append(
            f"the other copies are closer to #{xi if votes > 0 else yi} ({abs(votes)} more of them)"
        )
    if dated:
        content = max(-_CONTENT_UNDER_DATES, min(_CONTENT_UNDER_DATES, content))
    return s + content, reasons


def _consensus(x: int, y: int, others: set[int], views: dict[tuple[int, int], PairView]) -> int:
    """How many more of the articles sharing text with both are closer to x than to y.

    Copies of one source each differ from it in their own way, so each is closer to the source
    than to a fellow copy (the stemmatic principle); a reordered, edited or spun version is the
    odd one out. Closeness: similarity-weighted overlap, less the share of text moved.
    """
    votes = 0
    for z in others:
        vx, vy = views[(z, x)], views[(z, y)]
        cx = vx.sim_c - vx.moved
        cy = vy.sim_c - vy.moved
        if abs(cx - cy) >= 0.02:
            votes += 1 if cx > cy else -1
    return votes


def _both_unique(v: PairView) -> bool:
    """Each side holds substantive text the other lacks: neither can be the other's source."""
    return v.extra_c >= 0.15 * v.len_c and v.extra_p >= 0.15 * v.len_p and v.extra_c > 150


def _choose_parent(
    c: int, cands: list[int], views: dict[tuple[int, int], PairView], rank: dict[int, int]
) -> int:
    """The candidate whose wording is closest to c. Among near-equals, one that c copies in
    full (a copy of a copy), else the most original one (a summary of the source, not of a
    trimmed copy that happens to hold the same sentences)."""
    best = max(views[(c, p)].sim_c for p in cands)
    near = [p for p in cands if views[(c, p)].sim_c >= best - 0.03]
    full = [p for p in near if views[(c, p)].core_p >= 0.95]
    if full:
        return max(full, key=lambda p: (round(views[(c, p)].core_p, 2), -rank[p]))
    return min(near, key=lambda p: rank[p])


def _shared_innovations(
    c: int,
    p: int,
    cands: list[int],
    parent: dict[int, int],
    by_id: dict[int, Article],
    views: dict[tuple[int, int], PairView],
) -> tuple[int | None, tuple[int, str] | None]:
    """The parent of ``c`` among ``p`` (the closest candidate) and the articles ``p`` itself
    descends from, by the stemmatic principle of shared innovations: c descends from p only if
    it shares something p brought in, not merely wording that is close; with, when another is
    chosen, ``p`` and why.

    Two LLM rewrites of one source are closer to each other than to it (models paraphrase
    alike), so closeness alone makes one rewrite the parent of its sibling. Facts (names,
    figures) decide: c goes up to p's own source o when it keeps more of o's facts that p left
    out than it shares of the facts p added (o need not be linked to c by itself: c is linked to
    the story through p, and cannot have those facts from p); and, where p rewrote o (a rewrite
    or summary of it) or c rewrote p, also when c shares none of either and no more of p's exact
    sentences than of o's: nothing then says c saw p rather than the text p rewrote, and a
    rewording is as close to a light edit of its source as to the source (nor need o be linked
    to c then: two rewrites of one text read closer to each other than either to it, and c,
    aligned with o, is linked to the story through p; not when c holds o's own words, below).
    A fact p brings in where it rewords a sentence of o counts only when no rewriter would put
    it of its own (``_known_in_rewording``: "the United Kingdom" for "the UK" does not; a name
    in a passage p added does), and no name spelt out from its initials or first name of a
    surname o gives is p's (``own_facts``).
    c cannot have from p either the words of o that p reworded (a sentence or more of o held word
    for word, ``_kept_wording``): with none of p's facts and no more of p's exact sentences, it
    goes up to o, or, when o is not linked to it, is no copy of p (``None``: an article that
    takes the opening of o and goes on in its own words reads close to p's rewrite of o)."""
    text = by_id[c].text
    closest, why = p, ""
    while p in parent and (parent[p] in cands or (c, parent[p]) in views):
        o = parent[p]
        # o's facts that p left out and c has; p's own facts that c has
        kept = sorted(f for f in own_facts(by_id[o].text, by_id[p].text) if holds(text, f))
        taken = [f for f in own_facts(by_id[p].text, by_id[o].text)
                 if holds(text, f) and not _known_in_rewording(f, p, o, by_id, views)]
        if len(kept) > len(taken):
            why = (f"made from #{o}, not from #{closest}, the closest in wording: it has "
                   f"{', '.join(kept[:5])} of #{o}, which #{p} leaves out, and fewer of the "
                   f"names and figures #{p} adds")
        elif not kept and not taken and (o in cands or (
                (c, o) in views and not _kept_wording(c, p, o, by_id, views))) and (
                how := _rewritten_from(c, p, o, by_id, views)):
            why = (f"made from #{o}, not from #{closest}, the closest in wording: {how}; it "
                   f"has none of the names or figures #{p} adds, nor more of its sentences word "
                   f"for word")
        elif (not taken and not _takes_wording(c, p, o, views)
              and (words := _kept_wording(c, p, o, by_id, views))):
            # c has o's own words where p reworded them: it cannot have them from p
            shown = _snippet(words, (0, len(words)))
            why = (f"it has #{o}'s words where #{p} rewords or leaves them out (“{shown}”), "
                   f"and none of the names or figures #{p} adds")
            if o not in cands:
                return None, (closest, f"not made from #{closest}, the closest in wording: "
                              + why + f"; and it is not linked to #{o} as a copy")
            why = f"made from #{o}, not from #{closest}, the closest in wording: " + why
        else:
            break
        p = o
    return p, ((closest, why) if p != closest else None)


def _known_in_rewording(
    f: str, p: int, o: int, by_id: dict[int, Article], views: dict[tuple[int, int], PairView]
) -> bool:
    """Is fact ``f`` of p a common word written as a name (``common_name``: "Chief",
    "International", "United Kingdom") that p gives only inside its passages aligned with o?
    There it rewords o's sentence and puts what any rewriter knows ("the Premier League" for
    "the league"); two rewrites of o that both do are not one made from the other. In a
    passage p added ("Harbour councillor John Green said"), a name is p's, however common."""
    if not common_name(f) or (p, o) not in views:
        return False
    spans = [cs for cs, _, _, _ in views[(p, o)].pairs]
    hits = [m.start() for m in re.finditer(rf"(?i)\b{re.escape(f)}", by_id[p].text)]
    return bool(hits) and all(any(a <= h < b for a, b in spans) for h in hits)


def _kept_wording(
    c: int, p: int, o: int, by_id: dict[int, Article], views: dict[tuple[int, int], PairView]
) -> str:
    """A sentence of o's own writing (``_KEPT_WORDS`` non-space characters or more; no quote, no
    boilerplate) that c holds word for word and p at most in other words or not at all, or ''.
    A copy of p cannot have o's own words where p changed or dropped them (the reading p left
    out: a separative error, in the stemmatic term)."""
    vo, vp = views.get((c, o)), views.get((p, o))
    if vo is None or vp is None:
        return ""
    text = by_id[o].text
    close = [ps for _, ps, kind, _ in vp.pairs if kind in ("verbatim", "edited")]
    p_words = f" {_word_key(by_id[p].text)} "
    best = ""
    for _, (s, e), kind, _ in vo.pairs:
        if kind != "verbatim" or not own_writing(text, (s, e)):
            continue
        if any(a < e and s < b for a, b in close):
            continue
        run = text[s:e].strip()
        if (nonspace(run) >= _KEPT_WORDS and len(run) > len(best)
                and f" {_word_key(run)} " not in p_words):
            best = run
    return best


def _added_share(
    c: int, p: int, o: int, by_id: dict[int, Article], views: dict[tuple[int, int], PairView]
) -> float:
    """The share of c's text in pairs with passages of p that p did not take from o (p's own
    additions: a shared innovation in passages, not in names or figures)."""
    from_o = [ps for ps, _, _, _ in views[(p, o)].pairs]
    v = views[(c, p)]
    added = 0
    for cs, (s, e), _, _ in v.pairs:
        held = sum(max(0, min(e, b) - max(s, a)) for a, b in from_o)
        if held < 0.5 * (e - s):
            added += nonspace(by_id[c].text[cs[0] : cs[1]])
    return added / max(1, v.len_c)  # len_c counts non-space characters too


def _word_key(text: str) -> str:
    """The words of ``text``, lower case, as one string (a sentence held elsewhere whatever its
    punctuation)."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _rewritten_from(
    c: int, p: int, o: int, by_id: dict[int, Article], views: dict[tuple[int, int], PairView]
) -> str:
    """How wording cannot tell c a copy of p rather than of o, or '': p rewrote o, or c rewrote
    p (its words then say nothing of which of the two it reworded), and c holds no more of p's
    sentences word for word than of o's."""
    reworded = ("rewrite", "summary")
    if _takes_wording(c, p, o, views):
        return ""
    p_made = classify(views[(p, o)], by_id[p], by_id[o])
    if p_made in reworded:
        return f"#{p} rewrote #{o}"
    # ... and not what p added to o: a rewording of p's own passages is p's
    if (classify(views[(c, p)], by_id[c], by_id[p]) in reworded
            and _added_share(c, p, o, by_id, views) < _ADDED_TAKEN):
        return f"it rewords #{p} throughout"
    if p_made in ("edited_copy", "spun_copy") and _added_share(c, p, o, by_id, views) == 0.0:
        # p edited o's words and added nothing that c carries: what c shares with p beyond o
        # is wording, and c holds no more of p's sentences word for word than of o's
        return f"#{p} edited #{o}, and it carries nothing #{p} added"
    return ""


def _takes_wording(c: int, p: int, o: int, views: dict[tuple[int, int], PairView]) -> bool:
    """c holds more of p's sentences word for word than of o's (``_SHARED_VERBATIM`` more of its
    text): p's own wording, taken."""
    verbatim_p = views[(c, p)].cov_c.get("verbatim", 0.0)
    verbatim_o = views[(c, o)].cov_c.get("verbatim", 0.0) if (c, o) in views else 0.0
    return verbatim_p - verbatim_o >= _SHARED_VERBATIM


def _closeness(v: PairView) -> float:
    wc = v.cov_c["verbatim"] + 0.8 * v.cov_c["edited"] + 0.4 * v.cov_c["paraphrase"]
    wp = v.cov_p["verbatim"] + 0.8 * v.cov_p["edited"] + 0.4 * v.cov_p["paraphrase"]
    return wc + 0.5 * wp


def classify(
    v: PairView, c: Article, p: Article, params: TraceParams = DEFAULT, credit_only: bool = False
) -> str:
    """The type of copy ``c`` is of ``p`` (``v`` compares them). ``credit_only``: the two are
    linked by ``c``'s credit to ``p``'s outlet, not by shared passages."""
    allc = v.all_c or 1e-9
    verb = v.cov_c["verbatim"] / allc
    edit = v.cov_c["edited"] / allc
    para = v.cov_c["paraphrase"] / allc
    llm_tells = [t for t in tells(c) if t.kind == "llm_meta_text"]
    llm = bool(llm_tells)
    ratio = v.len_c / max(1, v.len_p)
    if credit_only:  # linked by an outright credit, in its own words
        return "summary" if ratio <= params.summary_ratio else "rewrite"
    # leftover model text says how the text was made: a rewrite, unless the model itself calls
    # it a summary or the text is short enough to be one whatever it says
    llm_summary = any(_SUMMARY_WORD.search(t.text) for t in llm_tells)
    if llm and verb < 0.8 and not llm_summary and ratio > params.summary_short:
        return "rewrite"
    if ratio <= params.summary_ratio and v.all_c >= 0.5:
        head = v.p_head >= max(150, 0.1 * v.len_p)  # a trimmed copy keeps the lead
        if v.p_skipped >= 0.25 or head or para >= 0.5 or ratio <= params.summary_short:
            return "summary"
    if para >= 0.5:
        return "rewrite"
    # reworded throughout: hardly a sentence kept, the shared words loosely rearranged (a spun
    # or edited copy keeps most of each sentence's wording)
    if verb < params.rewrite_max_verbatim and _loose_wording(v) < STRONG_EDIT:
        return "rewrite"
    if edit >= params.spun_edited:
        # a spinner swaps words and touches little else; an editor also adds and cuts
        n_edited, swap_only = swap_only_share(v, c, p)
        enough = n_edited >= 2 and len(substitutions(v, c, p)) >= 3
        if enough and swap_only >= (0.6 if verb < params.spun_verbatim else 0.75):
            return "spun_copy"
    if (
        verb >= params.wire_verbatim
        and v.moved <= 0.06
        and v.extra_c <= params.wire_max_added
        and v.altered_c <= 1
    ):
        return "wire_copy"
    return "edited_copy"


def _loose_wording(v: PairView) -> float:
    """Mean word similarity of the non-verbatim pairs of ``v``, weighted by length (1.0 when
    there are none): how closely the copy keeps the wording where it changes it."""
    parts = [(cs[1] - cs[0], score if kind == "edited" else 0.0)
             for cs, _, kind, score in v.pairs if kind != "verbatim"]
    total = sum(n for n, _ in parts)
    return sum(n * x for n, x in parts) / total if total else 1.0


def _snippet(text: str, span: tuple[int, int], width: int = 90) -> str:
    s = " ".join(text[span[0] : span[1]].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _passage_evidence(
    a: Article, other: Article, table: dict[tuple[int, int], Alignment]
) -> list[str]:
    ai, oi = _aid(a), _aid(other)
    al = table[(min(ai, oi), max(ai, oi))]
    a_text, b_text = (a.text, other.text) if al.a == ai else (other.text, a.text)
    merged = passages(al, a_text, b_text)
    merged.sort(key=lambda q: -(q.a_span[1] - q.a_span[0]))
    out = []
    for q in merged[:3]:
        mine, theirs = (q.a_span, q.b_span) if al.a == ai else (q.b_span, q.a_span)
        out.append(
            f'shared {q.kind} passage: "{_snippet(a.text, mine)}" '
            f"(this article {mine[0]}–{mine[1]}, #{oi} {theirs[0]}–{theirs[1]})"
        )
    if len(merged) > 3:
        out.append(f"{len(merged)} shared passages in all")
    return out


def _tell_evidence(a: Article) -> list[str]:
    out = []
    for t in tells(a):
        where = "raw text" if t.where == "artefact" else "text"
        out.append(
            f'{t.kind} "{_snippet(t.text, (0, len(t.text)), 70)}" ({where} {t.start}–{t.end})'
        )
    return out


def _cite_evidence(cs: list[Citation]) -> list[str]:
    return [
        f'cites {c.name}: "{_snippet(c.text, (0, len(c.text)), 60)}" ({c.where})' for c in cs[:4]
    ]


def _derived(
    a: Article,
    p: Article,
    v: PairView,
    d: float,
    why: dict[tuple[int, int], list[str]],
    table: dict[tuple[int, int], Alignment],
    cites: dict[int, list[Citation]],
    link: tuple[str, float | None],
) -> Derivation:
    k, pk = _aid(a), _aid(p)
    kind = classify(v, a, p, credit_only=link[0] == "credit")
    ev = [
        f"{round(100 * v.all_c)}% of this article's text is found in #{pk}; "
        f"{round(100 * v.all_p)}% of #{pk}'s text is found here "
        f"(verbatim {round(100 * v.cov_c['verbatim'])}%, edited {round(100 * v.cov_c['edited'])}%,"
        f" paraphrase {round(100 * v.cov_c['paraphrase'])}%)"
    ]
    ev.append(_basis_note(*link))
    ev += _passage_evidence(a, p, table)
    reasons = why.get((min(k, pk), max(k, pk)), [])
    ev.append("direction: " + ("; ".join(reasons) if reasons else "undetermined; guessed"))
    if a.published or p.published:
        ev.append(
            f"published {a.published or 'unknown'}; #{pk} published {p.published or 'unknown'}"
        )
    if kind == "spun_copy":
        swaps = substitutions(v, a, p)
        if swaps:
            shown = ", ".join(f"{o} → {n}" for o, n in swaps[:6])
            ev.append(f"{len(swaps)} word substitutions, e.g. {shown}")
    ev += _tell_evidence(a) + _cite_evidence(cites[k])
    conf = min(1.0, abs(d) / 3.0)
    score = round(min(1.0, v.all_c) * (0.6 + 0.4 * conf), 3)
    # an upstream is a source outside the corpus: not this article's outlet, not its parent's
    names = [
        n for n in upstream_names(cites[k], whole_only=True)
        if not in_house(n, a) and not names_outlet(n, p)
    ]
    stripped = _credit_stripped(a, p, cites)
    if stripped:
        ev.insert(1, stripped)
    return Derivation(k, kind, pk, names[0] if names else None, score, ev)


CREDIT_STRIPPED = "credit stripped"


def _credit_stripped(a: Article, p: Article, cites: dict[int, list[Citation]]) -> str | None:
    """A copy of an agency's text (its parent credits the agency or is the agency) that names
    the agency nowhere: not in a credit, a byline, a dateline or its running text."""
    agency = agency_of(p, cites[_aid(p)])
    if agency is None or names_outlet(agency, a):
        return None
    mine = cites[_aid(a)]
    if credits(agency, mine) or any(names_outlet(c.name, p) for c in mine):
        return None  # "(AP)", "By Reuters", or the initials of the agency that published it
    return (f"{CREDIT_STRIPPED}: reprints text of {agency} (via #{_aid(p)}) without crediting "
            f"{agency}; the shared passages below are the evidence")


def _upstream(
    a: Article,
    sibs: list[Article],
    views: dict[tuple[int, int], PairView],
    table: dict[tuple[int, int], Alignment],
    cites: dict[int, list[Citation]],
) -> Derivation:
    k = _aid(a)
    group = [a, *sibs]
    names: list[str] = []
    for art in group:
        for n in upstream_names(cites[_aid(art)], whole_only=True):
            if n not in names and not any(in_house(n, g) for g in group):
                names.append(n)
    ids = ", ".join(f"#{_aid(s)}" for s in sibs)
    name = names[0] if names else f"unidentified source shared with {ids}"
    best = max(sibs, key=lambda s: _closeness(views[(k, _aid(s))]))
    v = views[(k, _aid(best))]
    kind = classify(v, a, best)
    kind = kind if kind in ("wire_copy", "edited_copy", "spun_copy", "rewrite") else "edited_copy"
    ev = [
        f"shares text with {ids} but each holds passages the other lacks: "
        f"both derive from an upstream not in this story ({name})"
    ]
    ev += _passage_evidence(a, best, table) + _tell_evidence(a) + _cite_evidence(cites[k])
    return Derivation(k, kind, None, name, round(0.5 * min(1.0, v.all_c), 3), ev)


def _root(
    a: Article,
    kids: list[int],
    n_articles: int,
    views: dict[tuple[int, int], PairView],
    table: dict[tuple[int, int], Alignment],
    cites: dict[int, list[Citation]],
    reused: Sequence[Article] = (),
    passed_over: bool = False,
    not_from: str = "",
) -> Derivation:
    """An article that is no copy: the source of its children, or an independent report. One
    that shares some text with a linked article, too little for a copy, says so, with the
    passages."""
    k = _aid(a)
    credits = [n for n in upstream_names(cites[k], whole_only=True) if not in_house(n, a)]
    upstream = credits[0] if credits else None
    if kids:
        ev = [f"source of {', '.join(f'#{c}' for c in sorted(kids))}"] + (
            [not_from] if not_from else [])
        score = round(max(_closeness(views[(c, k)]) for c in kids) / 1.5, 3)
        kind = "original"
    else:
        kind = "independent" if n_articles > 1 else "original"
        mine = [al for (x, y), al in table.items() if k in (x, y)]
        spans = [q.a_span if al.a == k else q.b_span for al in mine for q in al.pairs]
        longest = max((e - s for s, e in spans), default=0)
        if reused:
            o = max(reused, key=lambda r: views[(k, _aid(r))].all_c)
            v = views[(k, _aid(o))]
            shares = (f"shares passages with #{_aid(o)}: {round(100 * v.all_c)}% of this "
                      f"article's text, {round(100 * v.all_p)}% of #{_aid(o)}'s; ")
            if passed_over:
                ev = [shares + "the direction points here, but the linked articles take their "
                      "text from closer versions"] + ([not_from] if not_from else [])
                kind = "original"
            elif not_from:
                ev = [shares + not_from]
            else:
                ev = [shares + "too little for either to be a copy of the other (reports "
                      "that reprint some of the same, often wire, text)"]
            ev += _passage_evidence(a, o, table)
        else:
            ev = [
                "no substantial shared passages with any other article of the story"
                + (f" (longest aligned sentence or passage {longest} characters)" if mine else "")
            ]
        reuse = [al.reuse_a if al.a == k else al.reuse_b for al in mine]
        score = round(1.0 - max(reuse, default=0.0), 3)
    wire = _carried_agency(a, cites[k])
    if wire is not None and kind in ("original", "independent"):
        # "By JANE DOE Associated Press", "(AP) —", "© Reuters" on a site that is not the
        # agency's: the agency's story, whose original is not in this story
        kind, upstream = "wire_copy", wire.name
        ev.insert(0, f"carries {wire.name}'s text by its own credit (\"{wire.text.strip()}\"): a "
                     f"wire copy of a story whose original is not in this story")
    elif upstream:
        ev.append(f"credits {upstream}, which is not in this story")
    ev += _tell_evidence(a) + _cite_evidence(cites[k])
    return Derivation(k, kind, None, upstream, score, ev)


# credits that say the whole text is the agency's: its reporter's byline, its dateline, its
# copyright (not "contributed to this report", "with reporting from", a source list)
_AUTHOR_CREDITS = frozenset({"byline", "dateline", "copyright"})
_DATELINE_AT = 200  # a dateline opens the text


def _carried_agency(a: Article, cites: list[Citation]) -> Citation | None:
    """The news agency whose story this article reprints by its own credit, on a site known
    not to be the agency's (with no site or address, the article may be the agency's own)."""
    if not (a.site or a.url):
        return None
    for c in cites:
        if (c.whole and c.kind in _AUTHOR_CREDITS and is_agency(c.name)
                and not in_house(c.name, a) and _authors_text(a, c)):
            return c  # (``in_house``: not on the agency's own site, by address or name)
    return None


def _authors_text(a: Article, c: Citation) -> bool:
    """A credit of authorship where it stands: a byline (the byline field, a byline taken out
    by cleaning, or a short line opening the text), a dateline opening the text, a copyright
    notice cleaning took out (not "By Reuters' count, ..." opening a paragraph, a roundup's
    "By AFP" item further down, a caption's "© AFP")."""
    if c.kind == "dateline":
        return c.where == "text" and c.start < _DATELINE_AT
    if c.kind == "copyright":
        return c.where == "artefact:copyright"
    if c.where != "text":
        return c.where in ("byline", "artefact:byline")
    at = c.start + len(c.text) - len(c.text.lstrip())  # the pattern may start on a line end
    line_end = a.text.find("\n", at)
    line = a.text[a.text.rfind("\n", 0, at) + 1:line_end if line_end >= 0 else None]
    return at < _DATELINE_AT and len(line.strip()) <= 80
