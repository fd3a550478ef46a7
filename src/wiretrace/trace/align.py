"""Reused passages between two texts, with character offsets into both.

Steps: sentences with offsets; candidate sentence pairs from shared word 3-shingles and from
TF-IDF cosine of content words; an exact token-level alignment of each candidate (rapidfuzz Indel
opcodes) trimmed to the reused part, so partly reused and reordered sentences are found; a greedy
one-to-one choice of non-overlapping pairs, best first; each pair typed

- ``verbatim``: the same words in the same order (case and punctuation ignored),
- ``edited``: mostly the same words, some changed, added or dropped,
- ``paraphrase``: the same content in other wording: the same names, numbers and content words,
  or (with ``Settings.semantic_alignment``, the default) sentences whose embeddings from a real
  sentence model (:mod:`wiretrace.embeddings`) are close. A summary sentence that condenses two
  neighbouring source sentences joins its pair, whose span grows over both.

``reuse_a`` is the share of a's non-space characters covered by pairs, ``reuse_b`` likewise.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Indel

from wiretrace.model import AlignedPair, Alignment, Article, Span
from wiretrace.settings import Settings
from wiretrace.trace.sentences import Token, content_words, split_sentences, tokens

__all__ = ["align", "align_articles", "embed_sentences", "passages", "coverage", "AlignParams"]


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Thresholds of the aligner (kept here until they earn a place in ``Settings``)."""

    shingle: int = 3
    min_tokens: int = 5  # a lexical pair needs this many matched words
    edited_similarity: float = 0.5  # token similarity of the trimmed spans for "edited"
    partial_cover: float = 0.8  # share of the shorter side matched for a partial pair
    paraphrase_cosine: float = 0.45
    paraphrase_dice: float = 0.45
    paraphrase_min_shared: int = 4
    # cosine of sentence embeddings for a paraphrase pair found by the model (chosen on the ImBD
    # dev split and ECB+/NewsWCL50 same-event sentences, bench/rewrites.py): on its own, a pair
    # needs semantic_min; inside a run of paraphrased sentences in the same order in both texts
    # (each the other's best match), semantic_run is enough
    semantic_min: float = 0.72
    semantic_run: float = 0.5
    semantic_min_short: float = 0.85  # sentences of fewer than short_words words, on their own
    short_words: int = 6
    semantic_fold: float = 0.6  # a neighbouring sentence folded into an aligned one
    fold_max_edited: float = 0.7  # ... unless that pair keeps this much of its wording


DEFAULT = AlignParams()


@dataclass(slots=True)
class _Sent:
    span: Span
    toks: list[Token]
    words: list[str]
    content: Counter[str]
    grams: frozenset[tuple[str, ...]]


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[_Sent, ...]:
    out: list[_Sent] = []
    for s, e in split_sentences(text):
        toks = tokens(text, s, e)
        if not toks:
            continue
        words = [t.norm for t in toks]
        k = DEFAULT.shingle
        grams = frozenset(tuple(words[i : i + k]) for i in range(len(words) - k + 1))
        out.append(_Sent((s, e), toks, words, Counter(content_words(toks)), grams))
    return tuple(out)


def align(
    a_text: str,
    b_text: str,
    settings: Settings | None = None,
    params: AlignParams = DEFAULT,
    a_id: int = 0,
    b_id: int = 0,
) -> Alignment:
    """Align two texts; pairs are sentence-level (see :func:`passages` to merge neighbours)."""
    semantic = settings is None or settings.semantic_alignment
    sa, sb = _sentences(a_text), _sentences(b_text)
    cands = _candidates(sa, sb, params)
    scored: list[tuple[float, int, int, int, int, int, int, str, float]] = []
    lexical: set[tuple[int, int]] = set()
    for i, j, cos in cands:
        found = _match(sa[i], sb[j], cos, params)
        if found is not None:
            scored.append((found[0], i, j, *found[1:]))  # type: ignore[arg-type]
            lexical.add((i, j))
    sim = _similarity(a_text, sa, b_text, sb) if semantic and sa and sb else None
    if sim is not None:
        for i, j in _semantic_pairs(sa, sb, sim, params):
            if (i, j) in lexical:
                continue
            s_ij = float(sim[i, j])
            scored.append((s_ij, i, j, 0, len(sa[i].words), 0, len(sb[j].words), "paraphrase",
                           s_ij))
    n = max(1, len(sa), len(sb))
    # best first; a repeated sentence pairs with the copy at the nearest position
    scored.sort(key=lambda r: (-(r[0] - 5.0 * abs(r[1] - r[2]) / n), r[1], r[2]))
    taken_a: dict[int, list[tuple[int, int]]] = defaultdict(list)
    taken_b: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pairs: list[AlignedPair] = []
    chosen: dict[tuple[int, int], int] = {}
    for _, i, j, a0, a1, b0, b1, kind, score in scored:
        if _overlaps(taken_a[i], a0, a1) or _overlaps(taken_b[j], b0, b1):
            continue
        taken_a[i].append((a0, a1))
        taken_b[j].append((b0, b1))
        chosen[(i, j)] = len(pairs)
        pairs.append(
            AlignedPair(_char_span(sa[i], a0, a1), _char_span(sb[j], b0, b1), kind,
                        round(score, 4))
        )
    if sim is not None:
        _folded(sa, sb, sim, chosen, pairs, taken_a, taken_b, params)
    pairs.sort(key=lambda p: (p.a_span, p.b_span))
    return Alignment(
        a=a_id,
        b=b_id,
        reuse_a=round(coverage(a_text, [p.a_span for p in pairs]), 4),
        reuse_b=round(coverage(b_text, [p.b_span for p in pairs]), 4),
        pairs=pairs,
    )


def _similarity(
    a_text: str, sa: tuple[_Sent, ...], b_text: str, sb: tuple[_Sent, ...]
) -> np.ndarray:
    """Cosine of the sentence embeddings, ``(len(sa), len(sb))``."""
    from wiretrace.embeddings import embed

    ea = embed([a_text[s.span[0] : s.span[1]] for s in sa])
    eb = embed([b_text[s.span[0] : s.span[1]] for s in sb])
    return np.asarray(ea @ eb.T, dtype=np.float32)


def _semantic_pairs(
    sa: tuple[_Sent, ...], sb: tuple[_Sent, ...], sim: np.ndarray, p: AlignParams
) -> list[tuple[int, int]]:
    """Sentence pairs the model says are paraphrases.

    A pair stands on its own at ``semantic_min``. Below that, down to ``semantic_run``, a pair
    counts only as part of a paraphrased passage: each sentence the other's best match, on the
    heaviest chain of such pairs in the same order in both texts, next to another pair of the
    chain (at most two sentences apart in both). Two reports of one event say some of the same
    things; they do not say them in the same order sentence after sentence."""
    out: set[tuple[int, int]] = set()
    for i, j in zip(*np.nonzero(sim >= p.semantic_min), strict=True):
        short = min(len(sa[i].words), len(sb[j].words)) < p.short_words
        if not short or sim[i, j] >= p.semantic_min_short:
            out.add((int(i), int(j)))
    row_best = sim.argmax(axis=1)
    col_best = sim.argmax(axis=0)
    mutual = [
        (i, int(j)) for i, j in enumerate(row_best)
        if col_best[j] == i and p.semantic_run <= sim[i, j]
    ]
    chain = _heaviest_chain(mutual, sim)
    for k, (i, j) in enumerate(chain):
        near = [chain[x] for x in (k - 1, k + 1) if 0 <= x < len(chain)]
        if any(abs(i - x) <= 2 and abs(j - y) <= 2 for x, y in near):
            out.add((i, j))
    return sorted(out)


def _heaviest_chain(pairs: list[tuple[int, int]], sim: np.ndarray) -> list[tuple[int, int]]:
    """The pairs increasing in both indices with the largest total similarity."""
    pairs = sorted(pairs)
    n = len(pairs)
    best = [float(sim[i, j]) for i, j in pairs]
    back = [-1] * n
    for k in range(n):
        for q in range(k):
            if pairs[q][1] < pairs[k][1] and pairs[q][0] < pairs[k][0]:
                w = best[q] + float(sim[pairs[k]])
                if w > best[k]:
                    best[k], back[k] = w, q
    if not n:
        return []
    k = max(range(n), key=best.__getitem__)
    out = []
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def _folded(
    sa: tuple[_Sent, ...],
    sb: tuple[_Sent, ...],
    sim: np.ndarray,
    chosen: dict[tuple[int, int], int],
    pairs: list[AlignedPair],
    taken_a: dict[int, list[tuple[int, int]]],
    taken_b: dict[int, list[tuple[int, int]]],
    p: AlignParams,
) -> None:
    """A sentence left out that says what its aligned neighbour's partner says (a summary
    sentence condensing two source sentences, a source sentence split in two) joins that pair:
    the pair's span grows over it, so no text is in two pairs. ``chosen`` maps sentence index
    pairs to their position in ``pairs``; full-sentence pairs only."""
    for (i, j), at in sorted(chosen.items()):
        q = pairs[at]
        if q.a_span != sa[i].span or q.b_span != sb[j].span:
            continue  # a trimmed lexical pair: a part of a sentence, not a condensed one
        if q.kind == "verbatim" or (q.kind == "edited" and q.score >= p.fold_max_edited):
            continue  # a sentence copied nearly word for word condenses nothing
        a0, a1, b0, b1 = i, i, j, j
        for x in (i - 1, i + 1):
            if 0 <= x < len(sa) and not taken_a[x] and sim[x, j] >= p.semantic_fold:
                a0, a1 = min(a0, x), max(a1, x)
                taken_a[x].append((0, len(sa[x].words)))
        for y in (j - 1, j + 1):
            if 0 <= y < len(sb) and not taken_b[y] and sim[i, y] >= p.semantic_fold:
                b0, b1 = min(b0, y), max(b1, y)
                taken_b[y].append((0, len(sb[y].words)))
        if (a0, a1, b0, b1) != (i, i, j, j):
            pairs[at] = AlignedPair((sa[a0].span[0], sa[a1].span[1]),
                                    (sb[b0].span[0], sb[b1].span[1]), q.kind, q.score)


def embed_sentences(texts: Iterable[str], settings: Settings | None = None) -> None:
    """Embed the sentences of all ``texts`` in one call before their pairs are aligned (the
    embeddings' memo keeps them): one call of a thousand sentences runs about 1.5 times as fast
    as fifty calls of twenty (``bench/embed_batch.py``). Nothing when the sentence model is off."""
    if not (settings is None or settings.semantic_alignment):
        return
    from wiretrace.embeddings import embed

    embed([t[s.span[0]:s.span[1]] for t in dict.fromkeys(texts) for s in _sentences(t)])


def align_articles(a: Article, b: Article, settings: Settings | None = None) -> Alignment:
    """Align the working texts of two articles; ids come from the articles (``None`` → -1)."""
    a_id = a.id if a.id is not None else -1
    b_id = b.id if b.id is not None else -1
    return align(a.text, b.text, settings, a_id=a_id, b_id=b_id)


def _candidates(
    sa: tuple[_Sent, ...], sb: tuple[_Sent, ...], p: AlignParams
) -> list[tuple[int, int, float]]:
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, s in enumerate(sb):
        for g in s.grams:
            grams[g].append(j)
    shared: dict[int, set[int]] = defaultdict(set)
    for i, s in enumerate(sa):
        for g in s.grams:
            if g in grams:
                shared[i].update(grams[g])
    # TF-IDF over the sentences of both texts, content words only
    df: Counter[str] = Counter()
    for s in (*sa, *sb):
        df.update(s.content.keys())
    n = len(sa) + len(sb)
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}

    def vec(s: _Sent) -> tuple[dict[str, float], float]:
        v = {w: (1.0 + math.log(c)) * idf[w] for w, c in s.content.items()}
        return v, math.sqrt(sum(x * x for x in v.values())) or 1.0

    va, vb = [vec(s) for s in sa], [vec(s) for s in sb]
    index: dict[str, list[int]] = defaultdict(list)
    for j, s in enumerate(sb):
        for w in s.content:
            index[w].append(j)
    out: list[tuple[int, int, float]] = []
    for i, (v, norm) in enumerate(va):
        dots: dict[int, float] = defaultdict(float)
        for w, x in v.items():
            for j in index.get(w, ()):
                dots[j] += x * vb[j][0][w]
        near = shared.get(i, set())
        for j in set(dots) | near:
            cos = dots.get(j, 0.0) / (norm * vb[j][1])
            if j in near or cos >= p.paraphrase_cosine:
                out.append((i, j, cos))
    return out


def _match(
    x: _Sent, y: _Sent, cos: float, p: AlignParams
) -> tuple[float, int, int, int, int, str, float] | None:
    """Best reused part of two sentences: (score, a0, a1, b0, b1, kind, similarity) or None.

    Token ranges are half-open indices into the sentences' token lists.
    """
    ops = Indel.opcodes(x.words, y.words)
    eq = [(o.src_start, o.src_end, o.dest_start, o.dest_end) for o in ops if o.tag == "equal"]
    matched = sum(e[1] - e[0] for e in eq)
    if eq and matched >= p.min_tokens:
        a0, a1, b0, b1 = _trim(eq, p)
        la, lb = a1 - a0, b1 - b0
        m = sum(min(e[1], a1) - max(e[0], a0) for e in eq if e[0] < a1 and e[1] > a0)
        sim = 2.0 * m / (la + lb) if la + lb else 0.0
        if m >= p.min_tokens and sim >= p.edited_similarity:
            full_a = (a0, a1) == (0, len(x.words))
            full_b = (b0, b1) == (0, len(y.words))
            # a short phrase inside two longer sentences is not reuse
            if full_a or full_b or m >= 2 * p.min_tokens:
                kind = "verbatim" if m == la == lb else "edited"
                return 2.0 + m * sim, a0, a1, b0, b1, kind, sim
    # paraphrase: the same content words, other wording
    shared = sum((x.content & y.content).values())
    total = sum(x.content.values()) + sum(y.content.values())
    dice = 2.0 * shared / total if total else 0.0
    if (
        shared >= p.paraphrase_min_shared
        and dice >= p.paraphrase_dice
        and cos >= p.paraphrase_cosine
    ):
        return dice * cos, 0, len(x.words), 0, len(y.words), "paraphrase", dice
    return None


def _trim(eq: list[tuple[int, int, int, int]], p: AlignParams) -> tuple[int, int, int, int]:
    """Cut the aligned region down to its densest stretch: drop leading/trailing equal blocks
    separated from the rest by long unmatched gaps (a shared clause inside added text)."""
    best: tuple[int, int, int, int] | None = None
    best_m = -1
    start = 0
    for k in range(1, len(eq) + 1):
        gap = (
            k < len(eq) and max(eq[k][0] - eq[k - 1][1], eq[k][2] - eq[k - 1][3]) > 2 * p.min_tokens
        )
        if k == len(eq) or gap:
            m = sum(e[1] - e[0] for e in eq[start:k])
            if m > best_m:
                best_m = m
                best = (eq[start][0], eq[k - 1][1], eq[start][2], eq[k - 1][3])
            start = k
    assert best is not None
    return best


def _overlaps(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < te and ts < e for ts, te in taken)


def _char_span(s: _Sent, t0: int, t1: int) -> Span:
    if t0 == 0 and t1 == len(s.toks):
        return s.span
    return s.toks[t0].start, s.toks[t1 - 1].end


def coverage(text: str, spans: list[Span]) -> float:
    """Share of the non-space characters of ``text`` inside the union of ``spans``."""
    prefix = _nonspace_prefix(text)
    total = prefix[-1]
    if not total:
        return 0.0
    covered = 0
    last = 0
    for s, e in sorted(spans):
        s, e = max(s, last, 0), min(e, len(text))
        if e > s:
            covered += prefix[e] - prefix[s]
            last = e
    return min(1.0, covered / total)


@lru_cache(maxsize=1024)
def _nonspace_prefix(text: str) -> tuple[int, ...]:
    """prefix[i] = number of non-space characters in text[:i]."""
    out = [0]
    n = 0
    for ch in text:
        n += not ch.isspace()
        out.append(n)
    return tuple(out)


def passages(
    alignment: Alignment, a_text: str, b_text: str, max_gap: int = 2
) -> list[AlignedPair]:
    """Merge sentence pairs into passages: a reused passage is one detection, not a run of
    fragments. Pairs join the passage before them when they follow it in both texts with at
    most ``max_gap`` unaligned sentences between (a sentence the copy dropped or added inside
    the passage), or share a sentence with it (a summary sentence folding two). The kind of a
    passage is the weakest of its parts, its score their mean."""
    order = {"verbatim": 0, "edited": 1, "paraphrase": 2}
    sent_a = _sentence_index(a_text)
    sent_b = _sentence_index(b_text)
    out: list[AlignedPair] = []
    count = 0
    for p in sorted(alignment.pairs, key=lambda q: (q.a_span, q.b_span)):
        if out:
            last = out[-1]
            if _follows(last.a_span, p.a_span, sent_a, max_gap) and _follows(
                last.b_span, p.b_span, sent_b, max_gap
            ):
                kind = max(last.kind, p.kind, key=order.__getitem__)
                score = (last.score * count + p.score) / (count + 1)
                out[-1] = AlignedPair(
                    (min(last.a_span[0], p.a_span[0]), max(last.a_span[1], p.a_span[1])),
                    (min(last.b_span[0], p.b_span[0]), max(last.b_span[1], p.b_span[1])),
                    kind,
                    round(score, 4),
                )
                count += 1
                continue
        out.append(AlignedPair(p.a_span, p.b_span, p.kind, p.score))
        count = 1
    return out


def _sentence_index(text: str) -> Callable[[int], int]:
    starts = [s for s, _ in split_sentences(text)]

    def index(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    return index


def _follows(last: Span, nxt: Span, index: Callable[[int], int], max_gap: int) -> bool:
    """``nxt`` continues the passage ending with ``last`` in one text: it overlaps it (one
    sentence paired twice, a fold, a sentence matched in two trimmed pieces) or starts at most
    ``max_gap`` sentences after it (or inside its last sentence: two sentences joined into one)."""
    if nxt[0] < last[1] and nxt[1] > last[0]:
        return True
    gap = index(nxt[0]) - index(max(last[0], last[1] - 1)) - 1
    return -1 <= gap <= max_gap
