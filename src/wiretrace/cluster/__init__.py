"""Sketch and cluster: near-duplicates (MinHash + LSH) and stories above them.

Public API (pure functions, no I/O)::

    cluster(items, settings, backend="local", scheduler=None) -> ClusterResult
    assign(state, new_items, settings, backend="local", scheduler=None) -> ClusterResult
    ClusterState.to_bytes() / ClusterState.from_bytes(data)   # persist between runs

``assign(cluster(old).state, new)`` equals ``cluster(old + new)``: same near-duplicates, groups,
stories and story edges. Article ids must be unique ints; story ids are the smallest article id
of each story (``stories`` are sorted lists, sorted by first id).

Stages: ``minhash`` (rensa ``RMinHash`` over word shingles, all cores) → ``lsh`` (banding,
candidate pairs) → ``near_duplicates`` (estimated Jaccard and containment, groups) →
``features`` / ``stories`` (text cosine + named-anchor overlap + date proximity, average link
per connected component). ``backend="dask"`` runs sketch, band shuffle and verification on a
Dask cluster (``wiretrace[dask]``) with exactly the local result.

Importing this package is cheap (worker processes import ``minhash`` only); the rest loads on
first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from wiretrace.cluster.items import ClusterItem

if TYPE_CHECKING:
    from wiretrace.cluster.incremental import ClusterState
    from wiretrace.cluster.minhash import Signatures
    from wiretrace.cluster.near_duplicates import NearDuplicate
    from wiretrace.cluster.run import ClusterResult, assign, cluster, empty_state
    from wiretrace.cluster.stories import StoryEdge

__all__ = [
    "ClusterItem",
    "ClusterResult",
    "ClusterState",
    "NearDuplicate",
    "Signatures",
    "StoryEdge",
    "assign",
    "cluster",
    "empty_state",
]

_LAZY = {
    "ClusterResult": "run",
    "assign": "run",
    "cluster": "run",
    "empty_state": "run",
    "ClusterState": "incremental",
    "NearDuplicate": "near_duplicates",
    "Signatures": "minhash",
    "StoryEdge": "stories",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"wiretrace.cluster.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'wiretrace.cluster' has no attribute {name!r}")
