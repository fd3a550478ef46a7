"""Incremental clustering: a persistent ``ClusterState`` and ``assign`` of new articles.

``assign(state, new)`` sketches only the new articles, looks their LSH band keys up against all
band keys, verifies only pairs touching a new article, computes story edges only from new
articles to all articles, and re-splits only the story-graph components that new articles
touched (and the components that lost an edge because a blocking list went over the cap, see
``blocking``). Every decision is pairwise and independent of corpus statistics, and a component's
split depends only on its members, so the result equals ``cluster`` over all articles.
``ClusterState.to_bytes`` / ``from_bytes`` persist the state (numpy ``.npz`` + JSON, no pickle).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from wiretrace.cluster.features import N_FEATURES, AnchorSets, StoryFeatures
from wiretrace.cluster.minhash import Signatures
from wiretrace.cluster.near_duplicates import NearDuplicate, components
from wiretrace.cluster.stories import StoryEdge, StoryGraph
from wiretrace.settings import Settings

__all__ = ["ClusterParams", "ClusterState"]

STATE_VERSION = 5  # 4: specificity-weighted anchors, main names, rensa word columns, 16 keys;
# 5: leads


@dataclass(frozen=True, slots=True)
class ClusterParams:
    num_perm: int
    shingle_size: int
    lsh_bands: int
    seed: int
    near_duplicate_jaccard: float
    near_duplicate_containment: float
    story_threshold: float
    story_block_cap: int
    story_window_days: int
    semantic: bool

    @staticmethod
    def of(settings: Settings) -> ClusterParams:
        """The settings a cluster state depends on (a change means re-clustering)."""
        s = settings
        return ClusterParams(
            s.num_perm, s.shingle_size, s.lsh_bands, s.minhash_seed, s.near_duplicate_jaccard,
            s.near_duplicate_containment, s.story_threshold, s.story_block_cap,
            s.story_window_days, s.semantic,
        )


@dataclass(slots=True)
class ClusterState:
    """Everything needed to add articles without recomputing the old ones."""

    params: ClusterParams
    signatures: Signatures
    features: StoryFeatures
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    graph: StoryGraph = field(default_factory=StoryGraph)
    splits: dict[int, list[list[int]]] = field(default_factory=dict)

    @property
    def ids(self) -> list[int]:
        return [int(i) for i in self.signatures.ids]

    def groups(self) -> list[list[int]]:
        return [g for g in components(sorted(self.ids),
                                      [(d.a, d.b) for d in self.near_duplicates]) if len(g) > 1]

    def stories(self) -> list[list[int]]:
        return sorted((s for split in self.splits.values() for s in split), key=lambda s: s[0])

    # ------------------------------------------------------------------ persistence
    def to_bytes(self) -> bytes:
        s, f = self.signatures, self.features
        arrays: dict[str, np.ndarray] = {
            "sig_ids": s.ids, "digests": s.digests, "n_shingles": s.n_shingles,
            "published": f.days(), "blocks": f.blocks,
            "embeddings": np.zeros((0, 0), np.float32) if f.embeddings is None else f.embeddings,
        }
        for name in ("words", "anchor_vec", "leads"):
            m: sparse.csr_matrix = getattr(f, name)
            if m is None:
                m = sparse.csr_matrix((len(f), N_FEATURES), dtype=np.float32)  # no leads
            arrays[f"{name}_data"], arrays[f"{name}_indices"] = m.data, m.indices
            arrays[f"{name}_indptr"] = m.indptr
        meta = {
            "version": STATE_VERSION,
            "params": [getattr(self.params, k) for k in ClusterParams.__slots__],
            "signature": [s.num_perm, s.shingle_size, s.seed, s.algorithm, s.rensa_version],
            "feature_ids": f.ids,
            "anchors": f.anchors.sorted_lists(),
            "near": [[d.a, d.b, d.jaccard, d.containment_ab, d.containment_ba]
                     for d in self.near_duplicates],
            "edges": [[e.a, e.b, e.score, e.words, e.anchors, e.date_factor, e.near_duplicate,
                       list(e.signals), list(e.shared)] for e in self.graph.edges.values()],
            "splits": [[k, v] for k, v in self.splits.items()],
        }
        buf = io.BytesIO()
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
        np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
        return buf.getvalue()

    @staticmethod
    def from_bytes(data: bytes) -> ClusterState:
        z = np.load(io.BytesIO(data), allow_pickle=False)
        meta = json.loads(bytes(z["meta"]).decode())
        if meta["version"] != STATE_VERSION:
            raise ValueError(f"cluster state version {meta['version']} is not supported; "
                             "re-run the cluster stage on all articles")
        num_perm, shingle_size, seed, algorithm, version = meta["signature"]
        sigs = Signatures(z["sig_ids"], z["digests"], z["n_shingles"], num_perm, shingle_size,
                          seed, algorithm, version)
        mats = {}
        for name in ("words", "anchor_vec", "leads"):
            n = len(meta["feature_ids"])
            indptr = z[f"{name}_indptr"]
            mats[name] = sparse.csr_matrix(
                (z[f"{name}_data"], z[f"{name}_indices"], indptr),
                shape=(n, 1 << 20),
            )
        feats = StoryFeatures(
            meta["feature_ids"], mats["words"],
            AnchorSets(meta["anchors"]),
            [None if d < 0 else int(d) for d in z["published"].tolist()], mats["anchor_vec"],
            z["blocks"],
            z["embeddings"] if meta["params"][-1] else None,
            mats["leads"],
        )
        graph = StoryGraph({
            (e[0], e[1]): StoryEdge(e[0], e[1], e[2], e[3], e[4], e[5], e[6], tuple(e[7]),
                                    tuple(e[8]))
            for e in meta["edges"]
        })
        return ClusterState(
            ClusterParams(*meta["params"]), sigs, feats,
            [NearDuplicate(*d) for d in meta["near"]], graph,
            {int(k): v for k, v in meta["splits"]},
        )
