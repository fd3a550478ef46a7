"""Changes across a story: each derived article against its traced parent, and nothing else.

An article with no parent in the story (an original, an independent report, a copy of an agency
text the pile does not hold) is compared with nothing: a change measured against an article the
copy was not made from would be a difference between two reports, not a change the copy made.

Additions are kept only when no other article of the story supports them; omissions are reported
only for copies that are not summaries (a summary drops on purpose).
"""

from __future__ import annotations

from wiretrace.claims.additions import _figure_supported
from wiretrace.claims.compare import compare_sides
from wiretrace.claims.compare_names import _names_match
from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.pairing import Side, side_of
from wiretrace.model import AlignedPair, Alignment, Article, Change, Claim, Derivation
from wiretrace.settings import Settings

__all__ = ["compare_story", "versus_of"]

_NOT_COMPARED = {"original", "independent"}


def _aid(a: Article) -> int:
    return a.id if a.id is not None else -1


def versus_of(articles: list[Article], derivations: list[Derivation]) -> dict[int, int]:
    """For each derived article with a traced parent in the story, that parent."""
    by_id = {_aid(a) for a in articles}
    out: dict[int, int] = {}
    for d in derivations:
        if d.type in _NOT_COMPARED or d.article not in by_id:
            continue
        if d.parent is not None and d.parent in by_id and d.parent != d.article:
            out[d.article] = d.parent
    return out


def _find_alignment(alignments: list[Alignment], a: int, b: int) -> Alignment | None:
    for al in alignments:
        if al.a == a and al.b == b:
            return al
        if al.a == b and al.b == a:
            pairs = [AlignedPair(p.b_span, p.a_span, p.kind, p.score) for p in al.pairs]
            return Alignment(a, b, al.reuse_b, al.reuse_a, pairs)
    return None


def compare_story(
    articles: list[Article],
    alignments: list[Alignment],
    derivations: list[Derivation],
    settings: Settings | None = None,
) -> list[Change]:
    """Typed changes of every derived article of one story, each against the article it copies."""
    judged = (settings or Settings()).entailment_kinds
    by_id = {_aid(a): a for a in articles}
    sides = {
        i: side_of(a.text, extract_claims_from_text(a.text, a.published, i))
        for i, a in by_id.items()
    }
    types = {d.article: d.type for d in derivations}
    versus = versus_of(articles, derivations)
    children: dict[int, list[int]] = {}
    for child, parent in versus.items():
        children.setdefault(parent, []).append(child)
    out: list[Change] = []
    for art_id, parent in sorted(versus.items()):
        alignment = _find_alignment(alignments, parent, art_id)
        others = [s for i, s in sides.items() if i not in {art_id, parent}]
        changes = compare_sides(sides[parent], sides[art_id], alignment, parent, art_id,
                                omissions=types.get(art_id) != "summary", support=others,
                                judged=judged)
        if any(c.kind in _SWAPS for c in changes):
            below = _descendants(children, art_id)
            beside = [side for k, side in sides.items() if k not in below | {art_id, parent}]
            upstream = [sides[k] for k in _ancestors(versus, parent) if k != art_id]
            changes = [c for c in changes
                       if not _inherited(c, sides[art_id], upstream, beside)]
        out.extend(changes)
    return out


_SWAPS = frozenset({"figure", "actor", "place"})


def _ancestors(versus: dict[int, int], k: int) -> list[int]:
    """The parent's parent and on up the traced line."""
    out: list[int] = []
    cur = versus.get(k)
    while cur is not None and cur not in out and cur != k:
        out.append(cur)
        cur = versus.get(cur)
    return out


def _descendants(children: dict[int, list[int]], k: int) -> set[int]:
    """The articles traced, through any number of parents, to ``k``."""
    out: set[int] = set()
    todo = list(children.get(k, []))
    while todo:
        c = todo.pop()
        if c not in out and c != k:
            out.add(c)
            todo.extend(children.get(c, []))
    return out


def _backs(x: Claim, o: Claim) -> bool:
    """Another article gives the copy's figure itself: the same count of the same thing, told
    exactly ("dozens of family members" is no count of the dead: it would back 41 dead as well
    as the 14 the parent gives)."""
    return (_figure_supported(x, o) and o.predicate == x.predicate
            and not (o.value or {}).get("vague"))


def _inherited(c: Change, side: Side, upstream: list[Side], beside: list[Side]) -> bool:
    """A figure or name the copy gives where its parent gives another, and that an article up
    the parent's line gives too (a figure: any article of the story not made from the copy,
    such as the story's original when the parent was traced to another root): the copy keeps
    what the story's sources say; the parent changed it, and that change is the parent's. A
    name counts only up the line: a name is told in many places, a figure for one thing in
    one."""
    if c.kind not in _SWAPS or c.span is None:
        return False
    lo, hi = c.span
    mine = [x for x in side.claims if x.kind == c.kind or (
        c.kind != "figure" and x.kind in {"actor", "place"})]
    mine = [x for x in mine if x.span[0] < hi and lo < x.span[1]]
    for x in mine:
        if x.kind == "figure" and any(_backs(x, o) for up in beside for o in up.claims):
            return True
        if x.kind != "figure" and any(o.kind in {"actor", "place"} and _names_match(o, x)
                                      for up in upstream for o in up.claims):
            return True
    return False
