"""Verification of candidate pairs and near-duplicate groups.

A candidate pair is a near-duplicate when its estimated Jaccard similarity reaches
``near_duplicate_jaccard`` or when one article is contained in the other (a trimmed copy in its
source) at ``near_duplicate_containment``. Containment is estimated from the Jaccard estimate
and the two distinct-shingle counts: ``|A∩B| = J (|A| + |B|) / (1 + J)``.
Groups are the connected components of the near-duplicate pairs (union-find semantics).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from wiretrace.cluster.minhash import Signatures, estimated_jaccard

__all__ = ["NearDuplicate", "verify_pairs", "components"]


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Scores of one near-duplicate pair; ``a < b`` (article ids)."""

    a: int
    b: int
    jaccard: float
    containment_ab: float  # share of a's shingles found in b
    containment_ba: float  # share of b's shingles found in a


def verify_pairs(
    sigs: Signatures, pairs: np.ndarray, jaccard_min: float, containment_min: float
) -> list[NearDuplicate]:
    """Score candidate pairs (rows into ``sigs``) and keep the near-duplicates."""
    if len(pairs) == 0:
        return []
    ra, rb = pairs[:, 0], pairs[:, 1]
    j = estimated_jaccard(sigs.digests, ra, rb)
    na = sigs.n_shingles[ra].astype(np.float64)
    nb = sigs.n_shingles[rb].astype(np.float64)
    inter = j * (na + nb) / (1.0 + j)
    c_ab = np.minimum(1.0, inter / np.maximum(na, 1.0))
    c_ba = np.minimum(1.0, inter / np.maximum(nb, 1.0))
    keep = (j >= jaccard_min) | (np.maximum(c_ab, c_ba) >= containment_min)
    ida, idb = sigs.ids[ra], sigs.ids[rb]
    out = []
    for k in np.flatnonzero(keep):
        a, b, cab, cba = int(ida[k]), int(idb[k]), float(c_ab[k]), float(c_ba[k])
        if a > b:
            a, b, cab, cba = b, a, cba, cab
        out.append(NearDuplicate(a, b, round(float(j[k]), 6), round(cab, 6), round(cba, 6)))
    out.sort(key=lambda d: (d.a, d.b))
    return out


def components(ids: list[int], edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components over ``ids`` (each sorted; sorted by first id), singletons included."""
    if not ids:
        return []
    index = {i: k for k, i in enumerate(ids)}
    n = len(ids)
    if edges:
        r = np.fromiter((index[a] for a, _ in edges), np.int64, len(edges))
        c = np.fromiter((index[b] for _, b in edges), np.int64, len(edges))
    else:
        r = c = np.zeros(0, np.int64)
    graph = sparse.csr_matrix((np.ones(len(r), np.int8), (r, c)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for i, lab in zip(ids, labels.tolist(), strict=True):
        groups.setdefault(lab, []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
