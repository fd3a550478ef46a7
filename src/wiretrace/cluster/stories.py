"""The story layer: articles of one event join one story, even when they share little text.

Similarity of two articles (computed from the two articles alone, see ``features``)::

    s(a, b) = 1                                              if a, b are near-duplicates
            = (0.4 * cos(words) + 0.6 * anchors * gate) * date_factor   otherwise

``anchors`` is the overlap of capitalised names and numbers; ``gate = min(1, cos(words)/0.15)``
keeps shared names alone (a publisher's credit, a boilerplate line) from joining articles that
share no text; ``date_factor`` is 1 when either
date is unknown or the dates are at most 3 days apart, falling linearly to 0.5 at 33 days.
Stories are the clusters of average-link agglomeration cut at ``story_threshold``. Two clusters
can only merge when some pair reaches the threshold, so average-link runs separately inside each
connected component of the graph ``s >= threshold``; components untouched by new articles keep
their stories. That makes incremental assignment equal to a full re-cluster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from wiretrace.cluster.features import StoryFeatures
from wiretrace.cluster.near_duplicates import components

__all__ = ["StoryEdge", "StoryGraph", "story_edges_for", "split_component", "W_ANCHORS", "W_WORDS"]

W_WORDS = 0.4
W_ANCHORS = 0.6
W_SEMANTIC = 0.4
WORDS_GATE = 0.15
DATE_GRACE_DAYS = 3
DATE_FALLOFF_DAYS = 60
MAX_SHARED_SHOWN = 8
_PAIR_CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class StoryEdge:
    """A pair of articles with similarity above the story threshold, and why."""

    a: int
    b: int
    score: float
    words: float
    anchors: float
    date_factor: float
    near_duplicate: bool
    signals: tuple[str, ...]  # which signals carried the pair: near_duplicate, text, anchors
    shared: tuple[str, ...] = ()  # some shared anchors (names, places, figures)


@dataclass(slots=True)
class StoryGraph:
    """All pairs at or above the threshold, keyed by (low id, high id)."""

    edges: dict[tuple[int, int], StoryEdge] = field(default_factory=dict)


def combine(words: Any, anchors: Any, semantic: Any = None) -> Any:
    """The similarity before the date factor (element-wise over arrays); with embeddings,
    their cosine takes ``W_SEMANTIC`` of the weight."""
    base = W_WORDS * words + W_ANCHORS * anchors * np.minimum(1.0, words / WORDS_GATE)
    if semantic is None:
        return base
    return (1.0 - W_SEMANTIC) * base + W_SEMANTIC * np.maximum(semantic, 0.0)


def date_factor(da: int | None, db: int | None) -> float:
    if da is None or db is None:
        return 1.0
    gap = abs(da - db)
    if gap <= DATE_GRACE_DAYS:
        return 1.0
    return max(0.5, 1.0 - (gap - DATE_GRACE_DAYS) / DATE_FALLOFF_DAYS)


def _edge(
    f: StoryFeatures, i: int, j: int, w: float, an: float, near: bool, threshold: float,
    sem: float | None = None,
) -> StoryEdge:
    df = date_factor(f.published[i], f.published[j])
    sv = None if sem is None else np.float64(sem)
    score = 1.0 if near else float(combine(np.float64(w), np.float64(an), sv)) * df
    signals = []
    if near:
        signals.append("near_duplicate")
    if W_WORDS * w >= threshold / 2:
        signals.append("text")
    if W_ANCHORS * an >= threshold / 2:
        signals.append("anchors")
    if f.published[i] is not None and f.published[j] is not None and df == 1.0:
        signals.append("date")
    shared = tuple(sorted(f.anchors[i] & f.anchors[j])[:MAX_SHARED_SHOWN])
    a, b = f.ids[i], f.ids[j]
    if a > b:
        a, b = b, a
    return StoryEdge(a, b, round(score, 9), round(w, 6), round(an, 6), df, near,
                     tuple(signals), shared)


def _row_dot(m: sparse.csr_matrix, i: int, j: int) -> float:
    si, ei, sj, ej = m.indptr[i], m.indptr[i + 1], m.indptr[j], m.indptr[j + 1]
    _, xi, xj = np.intersect1d(m.indices[si:ei], m.indices[sj:ej], assume_unique=True,
                               return_indices=True)
    return float(np.dot(m.data[si:ei][xi].astype(np.float64), m.data[sj:ej][xj]))


def _gather(m: sparse.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                              np.ndarray]:
    """(position of the row in ``rows``, column, value) of every entry of those rows, in order
    (O(entries taken), unlike scipy's fancy indexing, which is O(all rows) per call)."""
    starts = m.indptr[rows].astype(np.int64)
    lens = m.indptr[rows + 1].astype(np.int64) - starts
    total = int(lens.sum())
    which = np.repeat(np.arange(len(rows), dtype=np.int64), lens)
    offs = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens) + \
        np.repeat(starts, lens)
    return which, m.indices[offs].astype(np.int64), m.data[offs]


def rows_of(m: sparse.csr_matrix, rows: list[int] | np.ndarray) -> sparse.csr_matrix:
    """``m[rows]`` in O(entries taken)."""
    r = np.asarray(rows, dtype=np.int64)
    which, cols, vals = _gather(m, r)
    indptr = np.zeros(len(r) + 1, np.int64)
    np.cumsum(np.bincount(which, minlength=len(r)), out=indptr[1:])
    return sparse.csr_matrix((vals, cols, indptr), shape=(len(r), m.shape[1]))


def pair_dots(m: sparse.csr_matrix, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Dot products of rows ``lo[k]`` and ``hi[k]`` of a matrix with sorted indices (each pair
    on its own, summed in column order: chunking never changes a value)."""
    if not m.has_sorted_indices:
        m = m.sorted_indices()
    out = np.zeros(len(lo), np.float64)
    shift = np.int64(max(1, int(m.shape[1]) - 1).bit_length())
    for s in range(0, len(lo), _PAIR_CHUNK):
        a, b = lo[s : s + _PAIR_CHUNK], hi[s : s + _PAIR_CHUNK]
        wa, ca, va = _gather(m, a)
        wb, cb, vb = _gather(m, b)
        ka, kb = (wa << shift) | ca, (wb << shift) | cb  # sorted: pair, then column
        if len(kb) == 0:
            continue
        pos = np.minimum(np.searchsorted(kb, ka), len(kb) - 1)
        hit = kb[pos] == ka
        prod = va[hit].astype(np.float64) * vb[pos[hit]].astype(np.float64)
        out[s : s + len(a)] = np.bincount(wa[hit], weights=prod, minlength=len(a))
    return out


def _emb_dots(e: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    out = np.zeros(len(lo), np.float64)
    for s in range(0, len(lo), _PAIR_CHUNK):
        a = e[lo[s : s + _PAIR_CHUNK]].astype(np.float64)
        b = e[hi[s : s + _PAIR_CHUNK]].astype(np.float64)
        out[s : s + len(a)] = np.einsum("ij,ij->i", a, b)
    return out


def date_factors(da: np.ndarray, db: np.ndarray) -> np.ndarray:
    """``date_factor`` over arrays of days (-1 = unknown)."""
    gap = np.abs(da - db)
    out = np.maximum(0.5, 1.0 - (gap - DATE_GRACE_DAYS) / DATE_FALLOFF_DAYS)
    out[(gap <= DATE_GRACE_DAYS) | (da < 0) | (db < 0)] = 1.0
    return out


def story_edges_for(
    f: StoryFeatures, candidates: np.ndarray, touched: np.ndarray, near: set[tuple[int, int]],
    threshold: float,
) -> list[StoryEdge]:
    """Edges (score >= threshold) among candidate row pairs (see ``blocking``), plus the
    near-duplicate pairs that touch a ``touched`` row."""
    out: list[StoryEdge] = []
    if len(candidates):
        lo, hi = candidates[:, 0], candidates[:, 1]
        w, an = pair_dots(f.words, lo, hi), pair_dots(f.anchor_vec, lo, hi)
        days = f.days()
        sem = None if f.embeddings is None else _emb_dots(f.embeddings, lo, hi)
        score = combine(w, an, sem) * date_factors(days[lo], days[hi])
        for k in np.flatnonzero(score >= threshold).tolist():
            e = _edge(f, int(lo[k]), int(hi[k]), float(w[k]), float(an[k]), False, threshold,
                      None if sem is None else float(sem[k]))
            if (e.a, e.b) not in near and e.score >= threshold:
                out.append(e)
    index = {i: k for k, i in enumerate(f.ids)}
    touched_set = set(touched.tolist())
    for a, b in near:
        ia, ib = index.get(a), index.get(b)
        if ia is not None and ib is not None and (ia in touched_set or ib in touched_set):
            lo_, hi_ = min(ia, ib), max(ia, ib)
            wv, av = _row_dot(f.words, lo_, hi_), _row_dot(f.anchor_vec, lo_, hi_)
            out.append(_edge(f, lo_, hi_, wv, av, True, threshold))
    return out


def _gram(m: sparse.csr_matrix) -> np.ndarray:
    """Dense ``m @ m.T`` of a few rows, over the columns they use only."""
    cols, inverse = np.unique(m.indices, return_inverse=True)
    small = sparse.csr_matrix((m.data, inverse.ravel(), m.indptr), shape=(m.shape[0], len(cols)))
    return (small @ small.T).toarray()


def split_component(
    f: StoryFeatures, rows: list[int], near: set[tuple[int, int]], threshold: float,
    days_all: np.ndarray | None = None,
) -> list[list[int]]:
    """Average-link clusters (article ids) of one connected component (rows sorted by id)."""
    ids = [f.ids[r] for r in rows]
    if len(rows) <= 2:
        return [sorted(ids)]  # a component of two is one edge at or above the threshold
    emb = None
    if f.embeddings is not None:
        e = f.embeddings[rows].astype(np.float64)
        emb = e @ e.T
    sim = combine(_gram(rows_of(f.words, rows)), _gram(rows_of(f.anchor_vec, rows)), emb)
    days = f.days()[rows] if days_all is None else days_all[rows]
    sim = sim * date_factors(days[:, None], days[None, :])
    for x, a in enumerate(ids):
        for y in range(x + 1, len(ids)):
            if (min(a, ids[y]), max(a, ids[y])) in near:
                sim[x, y] = sim[y, x] = 1.0
    sim = np.triu(sim, 1)
    sim = sim + sim.T  # symmetric by construction, whatever the float order
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), "average"), 1.0 - threshold,
                      "distance")
    groups: dict[int, list[int]] = {}
    for i, lab in zip(ids, labels.tolist(), strict=True):
        groups.setdefault(lab, []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def stories_of(
    f: StoryFeatures, graph: StoryGraph, near: set[tuple[int, int]], threshold: float,
    previous: dict[int, list[list[int]]] | None = None,
) -> tuple[list[list[int]], dict[int, list[list[int]]]]:
    """Stories of all articles; ``previous`` maps a component's first id to its split, reused
    when that component is unchanged. Returns (stories, splits by component)."""
    comps = components(sorted(f.ids), list(graph.edges))
    index = {i: k for k, i in enumerate(f.ids)}
    days = f.days()
    splits: dict[int, list[list[int]]] = {}
    stories: list[list[int]] = []
    for comp in comps:
        cached = (previous or {}).get(comp[0])
        if cached is not None and sum(len(s) for s in cached) == len(comp) and \
                sorted(i for s in cached for i in s) == comp:
            split = cached
        else:
            split = split_component(f, [index[i] for i in comp], near, threshold, days)
        splits[comp[0]] = split
        stories.extend(split)
    stories.sort(key=lambda s: s[0])
    return stories, splits
