"""Changes across a story: each derived article against its parent (or the story's original).

Additions are kept only when no other article of the story supports them; omissions are reported
only for copies that are not summaries (a summary drops on purpose).
"""

from __future__ import annotations

from wiretrace.claims.compare import compare_sides
from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.pairing import side_of
from wiretrace.model import AlignedPair, Alignment, Article, Change, Derivation
from wiretrace.settings import Settings

__all__ = ["compare_story", "versus_of"]

_NOT_COMPARED = {"original", "independent"}


def _aid(a: Article) -> int:
    return a.id if a.id is not None else -1


def versus_of(articles: list[Article], derivations: list[Derivation]) -> dict[int, int]:
    """For each derived article, the article it is compared with: its parent, else the original."""
    by_id = {_aid(a): a for a in articles}
    kinds = {d.article: d for d in derivations}
    originals = [i for i, d in kinds.items() if d.type == "original" and i in by_id]
    if not originals:
        dated = sorted(by_id.values(), key=lambda a: (a.published or "9999", _aid(a)))
        originals = [_aid(dated[0])] if dated else []
    out: dict[int, int] = {}
    for art_id, d in kinds.items():
        if d.type in _NOT_COMPARED or art_id not in by_id:
            continue
        parent = d.parent if d.parent in by_id else (originals[0] if originals else None)
        if parent is not None and parent != art_id:
            out[art_id] = parent
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
    out: list[Change] = []
    for art_id, parent in sorted(versus_of(articles, derivations).items()):
        alignment = _find_alignment(alignments, parent, art_id)
        others = [s for i, s in sides.items() if i not in {art_id, parent}]
        out.extend(compare_sides(sides[parent], sides[art_id], alignment, parent, art_id,
                                 omissions=types.get(art_id) != "summary", support=others,
                                 judged=judged))
    return out
