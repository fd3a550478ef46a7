"""The story layer: articles of one event join one story, even when they share little text.

Similarity of two articles (computed from the two articles alone, see ``features``)::

    s(a, b) = 1                                              if a, b are near-duplicates
            = (0.4 * cos(words) + 0.6 * anchors * gate) * date_factor * main_factor   otherwise

``anchors`` is the overlap of capitalised names and numbers, each weighted by how rare it is in
English at large (``specificity``); ``main_factor`` is ``1 - MAIN_NAME_PENALTY`` when a main name
of one article (a specific name it repeats, see ``features``) is absent from the other — two
reports of the same kind of event about different protagonists ("Jackson arrested" vs
"Williams arrested") — and 1 otherwise; ``gate = min(1, cos(words)/0.15)``
keeps shared names alone (a publisher's credit, a boilerplate line) from joining articles that
share no text; ``date_factor`` is 1 when either
date is unknown or the dates are at most 3 days apart, falling linearly to 0.5 at 33 days.
Stories are the clusters of average-link agglomeration cut at ``story_threshold``. Two clusters
can only merge when some pair reaches the threshold, so average-link runs separately inside each
connected component of the graph ``s >= threshold``; components untouched by new articles keep
their stories. That makes incremental assignment equal to a full re-cluster.

Stories are events, not topics: on a one-topic crawl the articles of different events around one
subject (the eve of a summit and the summit; a lawmaker's reaction) share names and background,
so average link can keep them together. Each story of at least ``2 * EVENT_MIN_SIDE`` articles is
therefore bisected by its articles' leads (``features``: the first words, where a news article
says what happened): the top split of average link over lead similarities is taken when each
side holds ``EVENT_MIN_SIDE`` articles or more and the mean lead similarity across the split is
below ``EVENT_GAP`` times the mean inside the looser side; each side is bisected again.
Near-duplicates are never parted (their lead similarity counts as 1). The split depends only on
the story's members, so incremental assignment still equals a full re-cluster.

Average link needs every pair of a component (quadratic), and at a million articles weak chance
edges can join one giant component. A component of more than ``MAX_COMPONENT`` articles is
therefore first cut into pieces (``bounded_pieces``): the connected components of its edges
``s >= threshold + k * CUT_STEP`` for the smallest ``k`` that brings each piece under the bound
(recursively, piece by piece); average link then runs inside each piece. A piece still above the
bound when only near-duplicate edges (s = 1) are left is one story. The pieces depend on the
component's own edges only, so incremental assignment still equals a full re-cluster.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from wiretrace.cluster.features import StoryFeatures, main_names_of
from wiretrace.cluster.near_duplicates import components

__all__ = ["StoryEdge", "StoryGraph", "anchor_dots", "bounded_pieces", "story_edges_for",
           "split_components", "W_ANCHORS", "W_WORDS"]

W_WORDS = 0.4
W_ANCHORS = 0.6
W_SEMANTIC = 0.4
MAIN_NAME_PENALTY = 0.2  # a main name of one article missing from the other (chosen on dev)
WORDS_GATE = 0.15
DATE_GRACE_DAYS = 3
DATE_FALLOFF_DAYS = 60
MAX_SHARED_SHOWN = 8
_PAIR_CHUNK = 20_000
_SCORE_CHUNK = 1_000_000
_SPLIT_PAIRS = 2_000_000
_SMALL_COMPONENT = 200
# bisecting a story by leads (see the module): chosen on ECB+ dev topics (no event split there
# up to 0.6) and NewsWCL50 (two pairs of one-topic events, split from 0.55); ECB+ test: no change
EVENT_MIN_SIDE = 3
EVENT_GAP = 0.55
MAX_COMPONENT = 1_000  # larger components are cut by a raised threshold before average link
CUT_STEP = 0.02


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
    score: float, unshared: bool = False,
) -> StoryEdge:
    """The edge of rows ``i`` and ``j`` with its ``score`` (as ``story_edges_for`` computed it;
    1 for near-duplicates) and the signals that carried it."""
    df = date_factor(f.published[i], f.published[j])
    signals = []
    if near:
        signals.append("near_duplicate")
    if W_WORDS * w >= threshold / 2:
        signals.append("text")
    if W_ANCHORS * an >= threshold / 2:
        signals.append("anchors")
    if f.published[i] is not None and f.published[j] is not None and df == 1.0:
        signals.append("date")
    if unshared:  # which main name the other article lacks, as the evidence against
        for x, y in ((i, j), (j, i)):
            signals.extend(f"main name not in the other article: {name}"
                           for name in main_names_of(f.anchors[x], f.anchor_vec, x)
                           if name not in f.anchors[y])
    # interned: the edges of one story share these strings (a million edges at 1M articles)
    shared = tuple(sys.intern(x) for x in sorted(f.anchors[i] & f.anchors[j])[:MAX_SHARED_SHOWN])
    a, b = f.ids[i], f.ids[j]
    if a > b:
        a, b = b, a
    return StoryEdge(a, b, round(score, 9), round(w, 6), round(an, 6), df, near,
                     tuple(signals), shared)


def rows_of(m: sparse.csr_matrix, rows: list[int] | np.ndarray) -> sparse.csr_matrix:
    """``m[rows]`` (scipy's row take is O(entries taken) for CSR)."""
    return m[np.asarray(rows, dtype=np.int64)]


def pair_dots(m: sparse.csr_matrix, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Dot products of rows ``lo[k]`` and ``hi[k]`` of a matrix with sorted indices: the two row
    blocks are taken and multiplied element-wise in C (scipy), then each pair's products are
    summed in column order in float64 (each pair on its own: chunking never changes a value)."""
    if not m.has_sorted_indices:
        m = m.sorted_indices()
    out = np.zeros(len(lo), np.float64)
    for s in range(0, len(lo), _PAIR_CHUNK):
        a = m[np.asarray(lo[s : s + _PAIR_CHUNK], np.int64)]
        b = m[np.asarray(hi[s : s + _PAIR_CHUNK], np.int64)]
        prod = a.multiply(b).tocsr()
        if prod.nnz == 0:
            continue
        which = np.repeat(np.arange(prod.shape[0]), np.diff(prod.indptr))
        out[s : s + prod.shape[0]] = np.bincount(
            which, weights=prod.data.astype(np.float64), minlength=prod.shape[0])
    return out


def anchor_dots(
    m: sparse.csr_matrix, lo: np.ndarray, hi: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Anchor overlap of rows ``lo[k]`` and ``hi[k]`` of ``anchor_vec`` (the dot product of the
    absolute values, see ``features.anchor_matrix``), and whether a main name (a negative
    entry) of either row is absent from the other."""
    if not m.has_sorted_indices:
        m = m.sorted_indices()
    overlap = np.zeros(len(lo), np.float64)
    unshared = np.zeros(len(lo), bool)
    n_main = np.add.reduceat(np.concatenate([(m.data < 0).astype(np.int64), [0]]),
                             m.indptr[:-1]) if m.shape[0] else np.zeros(0, np.int64)
    n_main[np.diff(m.indptr) == 0] = 0
    for s in range(0, len(lo), _PAIR_CHUNK):
        rl = np.asarray(lo[s : s + _PAIR_CHUNK], np.int64)
        rh = np.asarray(hi[s : s + _PAIR_CHUNK], np.int64)
        a, b = m[rl], m[rh]
        prod = a.multiply(b).tocsr()  # sign: sign(a) * sign(b), on the shared anchors
        k = prod.shape[0]
        if prod.nnz:
            which = np.repeat(np.arange(k), np.diff(prod.indptr))
            overlap[s : s + k] = np.bincount(which, weights=np.abs(prod.data), minlength=k)
            b_neg = abs(a).multiply(b).tocsr().data < 0  # same shared entries, sign of b
            a_neg = (prod.data < 0) ^ b_neg
            found_a = np.bincount(which, weights=a_neg, minlength=k)  # a's main names in b
            found_b = np.bincount(which, weights=b_neg, minlength=k)
        else:
            found_a = found_b = np.zeros(k)
        unshared[s : s + k] = (found_a < n_main[rl]) | (found_b < n_main[rh])
    return overlap, unshared


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


def main_factors(unshared: np.ndarray) -> np.ndarray:
    """``1 - MAIN_NAME_PENALTY`` where a main name of one article is absent from the other."""
    return np.where(unshared, 1.0 - MAIN_NAME_PENALTY, 1.0)


def story_edges_for(
    f: StoryFeatures, candidates: np.ndarray, touched: np.ndarray, near: set[tuple[int, int]],
    threshold: float,
) -> list[StoryEdge]:
    """Edges (score >= threshold) among candidate row pairs (see ``blocking``), plus the
    near-duplicate pairs that touch a ``touched`` row."""
    out: list[StoryEdge] = []
    days = f.days()
    words = f.words if f.words.has_sorted_indices else f.words.sorted_indices()
    anchor_vec = f.anchor_vec if f.anchor_vec.has_sorted_indices else \
        f.anchor_vec.sorted_indices()
    for s in range(0, len(candidates), _SCORE_CHUNK):  # streamed: O(chunk) memory per step
        lo, hi = candidates[s : s + _SCORE_CHUNK, 0], candidates[s : s + _SCORE_CHUNK, 1]
        an, unshared = anchor_dots(anchor_vec, lo, hi)
        w = pair_dots(words, lo, hi)
        sem = None if f.embeddings is None else _emb_dots(f.embeddings, lo, hi)
        score = combine(w, an, sem) * date_factors(days[lo], days[hi]) * main_factors(unshared)
        for k in np.flatnonzero(score >= threshold).tolist():
            i, j = int(lo[k]), int(hi[k])
            if (min(f.ids[i], f.ids[j]), max(f.ids[i], f.ids[j])) in near:
                continue  # near-duplicate pairs are added below, as such
            e = _edge(f, i, j, float(w[k]), float(an[k]), False, threshold, float(score[k]),
                      bool(unshared[k]))
            if e.score >= threshold:
                out.append(e)
    index = {i: k for k, i in enumerate(f.ids)}
    is_touched = np.zeros(len(f), bool)
    is_touched[touched] = True
    rows = [(index[a], index[b]) for a, b in near if a in index and b in index]
    rows = [(min(x, y), max(x, y)) for x, y in rows if is_touched[x] or is_touched[y]]
    if rows:
        pairs = np.asarray(rows, np.int64)
        w = pair_dots(f.words, pairs[:, 0], pairs[:, 1])
        an, unshared = anchor_dots(f.anchor_vec, pairs[:, 0], pairs[:, 1])
        for (lo_, hi_), wv, av, un in zip(rows, w.tolist(), an.tolist(), unshared.tolist(),
                                          strict=True):
            out.append(_edge(f, lo_, hi_, wv, av, True, threshold, 1.0, un))
    return out


def _average_link(sim: np.ndarray, threshold: float) -> np.ndarray:
    """Average-link (UPGMA) labels of a similarity matrix, merging while the most similar pair
    of clusters reaches ``threshold`` (average link never merges a closer pair later, so this
    is the dendrogram cut at ``threshold``). Ties go to the first pair in row order."""
    k = len(sim)
    if k > _SMALL_COMPONENT:  # scipy's O(k^2) linkage; the loop below is O(k^3)
        dist = np.clip(1.0 - sim, 0.0, None)
        np.fill_diagonal(dist, 0.0)
        return fcluster(linkage(squareform(dist, checks=False), "average"),
                        1.0 - threshold, "distance")
    s = sim.astype(np.float64)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(k)
    label = np.arange(k)
    for _ in range(k - 1):
        flat = int(np.argmax(s))
        i, j = divmod(flat, k)
        if not s[i, j] >= threshold:
            break
        merged = (size[i] * s[i] + size[j] * s[j]) / (size[i] + size[j])
        s[i, :] = merged
        s[:, i] = merged
        s[i, i] = -np.inf
        s[j, :] = -np.inf
        s[:, j] = -np.inf
        size[i] += size[j]
        label[label == j] = i
    return label


def _component_pairs(sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(component, x, y) of every pair x < y inside each component of the given sizes."""
    comp = np.repeat(np.arange(len(sizes)), sizes * (sizes - 1) // 2)
    xs, ys = [], []
    for k in np.unique(sizes).tolist():
        x, y = np.triu_indices(k, 1)
        count = int((sizes == k).sum())
        xs.append((k, np.tile(x, count)))
        ys.append((k, np.tile(y, count)))
    # lay the pairs out in component order
    x_out = np.zeros(len(comp), np.int64)
    y_out = np.zeros(len(comp), np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes * (sizes - 1) // 2)[:-1]])
    for (k, x), (_, y) in zip(xs, ys, strict=True):
        which = np.flatnonzero(sizes == k)
        per = k * (k - 1) // 2
        pos = (starts[which][:, None] + np.arange(per)[None, :]).ravel()
        x_out[pos], y_out[pos] = x, y
    return comp, x_out, y_out


def split_components(
    f: StoryFeatures, comps: list[list[int]], near_rows: np.ndarray, threshold: float,
    days: np.ndarray,
) -> list[list[list[int]]]:
    """Average-link clusters (article ids) of connected components given as row lists (rows
    sorted by id). ``near_rows`` holds the sorted codes ``lo * len(f) + hi`` of the
    near-duplicate row pairs. The pair similarities of all components are computed together
    (``pair_dots``), in groups of at most ``_SPLIT_PAIRS`` pairs."""
    out: list[list[list[int]]] = []
    start = 0
    while start < len(comps):
        end, total = start, 0
        while end < len(comps) and (end == start or total + _n_pairs(comps[end]) <= _SPLIT_PAIRS):
            total += _n_pairs(comps[end])
            end += 1
        out.extend(_split_group(f, comps[start:end], near_rows, threshold, days))
        start = end
    return out


def _n_pairs(rows: list[int]) -> int:
    return len(rows) * (len(rows) - 1) // 2


def _split_group(
    f: StoryFeatures, comps: list[list[int]], near_rows: np.ndarray, threshold: float,
    days: np.ndarray,
) -> list[list[list[int]]]:
    lo, hi, pair_start = _stacked_pairs(comps)
    sem = None if f.embeddings is None else _emb_dots(f.embeddings, lo, hi)
    an, unshared = anchor_dots(f.anchor_vec, lo, hi)
    sim = combine(pair_dots(f.words, lo, hi), an, sem)
    sim = sim * date_factors(days[lo], days[hi]) * main_factors(unshared)
    sim[_near(near_rows, lo, hi, len(f))] = 1.0
    out: list[list[list[int]]] = []
    for c, rows in enumerate(comps):
        m = _square(sim[pair_start[c] : pair_start[c + 1]], len(rows))
        labels = _average_link(m, threshold).tolist()
        by_label: dict[int, list[int]] = {}
        for r, lab in zip(rows, labels, strict=True):
            by_label.setdefault(lab, []).append(r)
        out.append(list(by_label.values()))
    split = iter(event_splits(f, [rs for groups in out for rs in groups], near_rows))
    return [sorted((sorted(f.ids[r] for r in g) for rs in groups for g in next(split)),
                   key=lambda g: g[0]) for groups in out]


def _stacked_pairs(groups: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows ``lo``, ``hi`` of every pair inside each group of rows, laid out group by group,
    and the position where each group's pairs start (one more entry: the total)."""
    sizes = np.array([len(g) for g in groups], np.int64)
    flat = np.array([r for g in groups for r in g], np.int64)
    offset = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    comp, x, y = _component_pairs(sizes)
    pair_start = np.concatenate([[0], np.cumsum(sizes * (sizes - 1) // 2)])
    return flat[offset[comp] + x], flat[offset[comp] + y], pair_start


def _square(pair_values: np.ndarray, k: int) -> np.ndarray:
    """The symmetric ``k`` x ``k`` similarity matrix of a group's pair values (in
    ``np.triu_indices`` order), 1 on the diagonal."""
    m = np.eye(k)
    xs, ys = np.triu_indices(k, 1)
    m[xs, ys] = m[ys, xs] = pair_values
    return m


def _near(near_rows: np.ndarray, lo: np.ndarray, hi: np.ndarray, n: int) -> np.ndarray:
    """Whether each row pair is a near-duplicate pair (``near_rows``: sorted codes)."""
    return _sorted_has(near_rows, np.minimum(lo, hi) * n + np.maximum(lo, hi))


def event_split(f: StoryFeatures, rows: list[int], near_rows: np.ndarray) -> list[list[int]]:
    """The rows of one story bisected by their leads while each split is clear (see the
    module); ``[rows]`` when there is nothing to split."""
    return event_splits(f, [rows], near_rows)[0]


def event_splits(
    f: StoryFeatures, stories: list[list[int]], near_rows: np.ndarray,
) -> list[list[list[int]]]:
    """``event_split`` of each story (rows); the lead similarities of all stories big enough
    to split are computed together (``pair_dots``)."""
    out: list[list[list[int]]] = [[rows] for rows in stories]
    big = [k for k, rows in enumerate(stories) if len(rows) >= 2 * EVENT_MIN_SIDE]
    if f.leads is None or not big:
        return out
    lo, hi, pair_start = _stacked_pairs([stories[k] for k in big])
    sim = pair_dots(f.leads, lo, hi)
    sim[_near(near_rows, lo, hi, len(f))] = 1.0  # near-duplicates are never parted
    for c, k in enumerate(big):
        rows = np.asarray(stories[k], np.int64)
        m = _square(sim[pair_start[c] : pair_start[c + 1]], len(rows))
        parts: list[list[int]] = []
        todo = [np.arange(len(rows))]
        while todo:
            part = todo.pop()
            sides = _bisect(m[np.ix_(part, part)])
            if sides is None:
                parts.append(sorted(int(r) for r in rows[part]))
            else:
                todo.extend(part[side] for side in sides)
        out[k] = sorted(parts, key=lambda p: p[0])
    return out


def _sorted_has(sorted_codes: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Whether each code is in ``sorted_codes`` (sorted, unique): O(len(codes) log n), where
    ``np.isin`` would sort all of ``sorted_codes`` again for every call."""
    if len(sorted_codes) == 0:
        return np.zeros(len(codes), bool)
    at = np.minimum(np.searchsorted(sorted_codes, codes), len(sorted_codes) - 1)
    return sorted_codes[at] == codes


def _mean_inside(sim: np.ndarray) -> float:
    k = len(sim)
    return float((sim.sum() - np.trace(sim)) / (k * (k - 1)))


def _bisect(sim: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The two sides (local indices) of the top average-link split of a similarity matrix
    when the split is clear (``EVENT_MIN_SIDE``, ``EVENT_GAP``), else None."""
    k = len(sim)
    if k < 2 * EVENT_MIN_SIDE:
        return None
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), "average"), 2, "maxclust")
    one, two = np.flatnonzero(labels == 1), np.flatnonzero(labels == 2)
    if min(len(one), len(two)) < EVENT_MIN_SIDE:
        return None
    across = float(sim[np.ix_(one, two)].mean())
    inside = min(_mean_inside(sim[np.ix_(one, one)]), _mean_inside(sim[np.ix_(two, two)]))
    if across >= EVENT_GAP * inside:
        return None
    return one, two


def bounded_pieces(
    n: int, ea: np.ndarray, eb: np.ndarray, score: np.ndarray, threshold: float,
    bound: int = MAX_COMPONENT,
) -> list[np.ndarray]:
    """Pieces (sorted local rows) of a connected component of ``n`` rows with edges
    ``ea[i] - eb[i]`` of ``score[i]``: each piece above ``bound`` is replaced by the connected
    components of its edges ``score >= threshold + k * CUT_STEP`` for the next ``k``; a piece
    still above the bound once ``k`` passes a cut of 1 is kept whole."""
    out: list[np.ndarray] = []
    todo: list[tuple[np.ndarray, int]] = [(np.arange(n, dtype=np.int64), 0)]
    local = np.full(n, -1, np.int64)
    while todo:
        members, k = todo.pop()
        cut = threshold + (k + 1) * CUT_STEP
        if len(members) <= bound or cut > 1.0 + 1e-9:
            out.append(members)
            continue
        local[:] = -1
        local[members] = np.arange(len(members))
        keep = (local[ea] >= 0) & (local[eb] >= 0) & (score >= cut)
        g = sparse.csr_matrix((np.ones(int(keep.sum()), np.int8),
                               (local[ea[keep]], local[eb[keep]])),
                              shape=(len(members), len(members)))
        _, labels = connected_components(g, directed=False)
        order = np.argsort(labels, kind="stable")
        cuts = np.flatnonzero(np.diff(labels[order])) + 1
        todo.extend((members[piece], k + 1) for piece in np.split(order, cuts))
    return sorted(out, key=lambda m: int(m[0]))


def _pieces_of(
    comps: list[list[int]], graph: StoryGraph, threshold: float,
) -> list[list[list[int]]]:
    """``bounded_pieces`` (article ids) of each component (sorted ids), above the bound only."""
    big = {i: c for c, comp in enumerate(comps) if len(comp) > MAX_COMPONENT for i in comp}
    out: list[list[list[int]]] = [[comp] for comp in comps]
    if not big:
        return out
    per: dict[int, list[tuple[int, int, float]]] = {}
    for (a, b), e in graph.edges.items():
        c = big.get(a)
        if c is not None:
            per.setdefault(c, []).append((a, b, e.score))
    for c, edges in per.items():
        ids = np.asarray(comps[c], np.int64)
        arr = np.asarray([(a, b) for a, b, _ in edges], np.int64)
        score = np.asarray([sc for _, _, sc in edges], np.float64)
        pieces = bounded_pieces(len(ids), np.searchsorted(ids, arr[:, 0]),
                                np.searchsorted(ids, arr[:, 1]), score, threshold,
                                MAX_COMPONENT)
        out[c] = [ids[p].tolist() for p in pieces]
    return out


def stories_of(
    f: StoryFeatures, graph: StoryGraph, near: set[tuple[int, int]], threshold: float,
    previous: dict[int, list[list[int]]] | None = None,
) -> tuple[list[list[int]], dict[int, list[list[int]]]]:
    """Stories of all articles; ``previous`` maps a component's first id to its split, reused
    when that component is unchanged. Returns (stories, splits by component)."""
    comps = components(sorted(f.ids), list(graph.edges))
    index = {i: k for k, i in enumerate(f.ids)}
    splits: dict[int, list[list[int]]] = {}
    todo: list[list[int]] = []
    for comp in comps:
        cached = (previous or {}).get(comp[0])
        if len(comp) <= 2:
            splits[comp[0]] = [comp]  # a component of two is one edge at or above the threshold
        elif cached is not None and sum(len(s) for s in cached) == len(comp) and \
                sorted(i for s in cached for i in s) == comp:
            splits[comp[0]] = cached
        else:
            todo.append(comp)
    if todo:
        n = len(f)
        near_rows = np.unique(np.array(
            [min(index[a], index[b]) * n + max(index[a], index[b]) for a, b in near
             if a in index and b in index], np.int64))
        pieces = _pieces_of(todo, graph, threshold)
        flat = [p for ps in pieces for p in ps if len(p) <= MAX_COMPONENT]
        done = iter(split_components(f, [[index[i] for i in p] for p in flat], near_rows,
                                     threshold, f.days()))
        for comp, ps in zip(todo, pieces, strict=True):
            groups = [g for p in ps for g in (next(done) if len(p) <= MAX_COMPONENT else [p])]
            splits[comp[0]] = sorted(groups, key=lambda g: g[0])
    stories = sorted((s for split in splits.values() for s in split), key=lambda s: s[0])
    return stories, splits
