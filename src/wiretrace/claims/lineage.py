"""Fact lineage: where a changed fact went wrong and the line it travelled along.

Changes are computed between an article and its traced parent, so a change names the copy that
first said the new thing (``origin``: "the source says X, copy C1 says Y"). Copies of C1 that
repeat Y do not change it against C1, so they carry no change of their own; this module finds them
by walking the provenance tree down from C1: a child of a carrier inherits the change when its
text carries the same words (compared as a reader reads them: typography, case and accents
folded) and it did not change that passage again. The search looks first in the child's passage
aligned with the carrier's words, then anywhere in the child; a child that dropped the words, or
changed them again (a change of its own against the carrier at that place, which is then an origin
of its own), ends the line there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from wiretrace.claims.normalise import reading_form
from wiretrace.model import (
    Alignment,
    Article,
    Change,
    Derivation,
    FactLineage,
    LineageHop,
    Span,
    spans_overlap,
)

__all__ = ["LINEAGE_KINDS", "fact_lineage", "find_reading"]

# changes that state something the copy carries on (an omission leaves no words to follow)
LINEAGE_KINDS = frozenset({"figure", "scope", "qualifier", "attribution", "actor", "place",
                           "negation", "modality", "title", "addition"})
_MIN_CHARS = 4
_MIN_FREE_WORDS = 3  # a needle of fewer words is only looked for in its aligned passage


@lru_cache(maxsize=64)
def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` in reading form, character by character, with each folded character's offset
    in ``text`` (so a match in the folded text maps back to a span of the original)."""
    chars: list[str] = []
    where: list[int] = []
    last_space = True
    for i, ch in enumerate(text):
        f = reading_form(ch) if not ch.isspace() else " "
        if f in {"", " "}:
            if ch.isspace() or f == " ":
                if not last_space:
                    chars.append(" ")
                    where.append(i)
                last_space = True
            continue
        for c in f:
            chars.append(c)
            where.append(i)
        last_space = False
    return "".join(chars), where


def find_reading(needle: str, text: str, within: Span | None = None) -> Span | None:
    """Where ``needle`` stands in ``text`` as a reader reads it (case, quotes, dashes, spacing
    and accents folded), on word boundaries; first inside ``within`` when given, else the
    nearest occurrence. Words this short ("Cyprus", "former") stand for the fact only where
    the passage is: with ``within`` they must be inside it, without it they must be unique."""
    want = reading_form(needle)
    if len(want) < _MIN_CHARS:
        return None
    folded, where = _folded(text)
    pattern = re.compile(rf"(?<!\w){re.escape(want)}(?!\w)")
    hits = [m for m in pattern.finditer(folded)]
    if not hits:
        return None

    def span(m: re.Match[str]) -> Span:
        return where[m.start()], where[m.end() - 1] + 1

    short = len(want.split()) < _MIN_FREE_WORDS
    if within is not None:
        inside = [m for m in hits if within[0] <= where[m.start()] < within[1]]
        if inside:
            return span(inside[0])
        if short:
            return None
        # the nearest occurrence to the aligned passage
        return span(min(hits, key=lambda m: abs(where[m.start()] - within[0])))
    if short and len(hits) > 1:
        return None
    return span(hits[0])


def _aligned(alignments: dict[frozenset[int], Alignment], carrier: int, child: int,
             span: Span) -> Span | None:
    """The child's passage aligned with ``span`` of the carrier, if any."""
    al = alignments.get(frozenset((carrier, child)))
    if al is None:
        return None
    best: Span | None = None
    for p in al.pairs:
        mine, theirs = (p.a_span, p.b_span) if al.a == carrier else (p.b_span, p.a_span)
        if mine[0] < span[1] and span[0] < mine[1]:
            best = theirs if best is None else (min(best[0], theirs[0]), max(best[1], theirs[1]))
    return best


def fact_lineage(
    articles: Sequence[Article],
    derivations: Iterable[Derivation],
    changes: Sequence[Change],
    alignments: Sequence[Alignment] = (),
) -> list[FactLineage]:
    """For each change of a story that states something (not an omission), the copy that first
    made it and the copies below it in the provenance tree that repeat it, with spans."""
    texts = {a.id: a.text for a in articles if a.id is not None}
    children: dict[int, list[int]] = {}
    for d in derivations:
        if d.parent is not None and d.parent != d.article and d.article in texts:
            children.setdefault(d.parent, []).append(d.article)
    for kids in children.values():
        kids.sort()
    by_pair: dict[tuple[int, int], list[Change]] = {}
    for ch in changes:
        by_pair.setdefault((ch.article, ch.versus), []).append(ch)
    found = {frozenset((al.a, al.b)): al for al in alignments}
    out: list[FactLineage] = []
    for ch in changes:
        if ch.kind not in LINEAGE_KINDS or not ch.text.strip() or ch.article not in texts:
            continue
        start = ch.span or find_reading(ch.text, texts[ch.article])
        hops: list[LineageHop] = []
        if start is not None:
            hops = _walk(ch, start, texts, children, by_pair, found)
        out.append(FactLineage(ch, hops))
    return out


def _walk(ch: Change, start: Span, texts: dict[int, str], children: dict[int, list[int]],
          by_pair: dict[tuple[int, int], list[Change]],
          alignments: dict[frozenset[int], Alignment]) -> list[LineageHop]:
    hops: list[LineageHop] = []
    queue: list[tuple[int, Span]] = [(ch.article, start)]
    seen = {ch.article, ch.versus}
    while queue:
        carrier, span = queue.pop(0)
        words = texts[carrier][span[0]:span[1]]
        for child in children.get(carrier, []):
            if child in seen or child not in texts:
                continue
            seen.add(child)
            own = by_pair.get((child, carrier), [])
            if any(spans_overlap(c.versus_span, span) and c.kind != "addition" for c in own):
                continue  # changed again: the child is an origin of its own
            hit = find_reading(words, texts[child], _aligned(alignments, carrier, child, span))
            if hit is None:
                continue  # dropped (or reworded): the line ends here
            hops.append(LineageHop(child, carrier, texts[child][hit[0]:hit[1]], hit,
                                   words, span))
            queue.append((child, hit))
    return hops
