"""Dask backend (``pip install 'wiretrace[dask]'``): the same stage functions over partitions.

* sketch: batches of texts → ``backends.local.sketch_batch`` (signatures and story features,
  one task per batch, submitted as the batches are read);
* LSH: band keys per partition of digests, records ``(band, key, row)`` shuffled by band key
  (``groupby`` with the task shuffle), pairs emitted inside each bucket, ``distinct``;
* verification: ``verify_pairs`` over partitions of candidate pairs, the signatures shipped once
  as one delayed object;
* connected components (near-duplicate groups), story blocking, story edges and the splits
  then run on the client, over the verified pairs and the features.

Every stage is the local stage function, so the result is exactly the local result.
``scheduler`` is a scheduler address (``tcp://host:8786``); without one, a ``LocalCluster`` of
``workers`` processes is started for the run and closed after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from wiretrace.backends.local import SketchBatch, gather_sketches, in_order, sketch_batch
from wiretrace.cluster.features import StoryFeatures
from wiretrace.cluster.incremental import ClusterParams
from wiretrace.cluster.lsh import band_keys
from wiretrace.cluster.minhash import Signatures
from wiretrace.cluster.near_duplicates import NearDuplicate, verify_pairs
from wiretrace.errors import MissingExtra

try:
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtra("dask", "dask") from exc

__all__ = ["DaskRun"]

ROWS_PER_PARTITION = 20_000


def _band_records(part: tuple[int, np.ndarray], bands: int) -> list[tuple[int, int, int]]:
    start, digests = part
    keys = band_keys(digests, bands)
    rows, cols = np.nonzero(np.ones_like(keys, dtype=bool))
    return list(zip(cols.tolist(), keys[rows, cols].tolist(), (rows + start).tolist(),
                    strict=True))


def _bucket_pairs(group: tuple[Any, list[tuple[int, int, int]]], new: np.ndarray
                  ) -> list[tuple[int, int]]:
    rows = sorted(r for _, _, r in group[1])
    return [(a, b) for x, a in enumerate(rows) for b in rows[x + 1:] if new[a] or new[b]]


def _verify(pairs: list[tuple[int, int]], sigs: Signatures, p: ClusterParams
            ) -> list[NearDuplicate]:
    arr = np.asarray(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return verify_pairs(sigs, arr, p.near_duplicate_jaccard, p.near_duplicate_containment)


class DaskRun:
    """One clustering run on a Dask cluster."""

    def __init__(self, scheduler: str | None, workers: int = 0) -> None:
        self._cluster = None
        if scheduler:
            self.client = Client(scheduler, set_as_default=False)
        else:
            from wiretrace.backends.local import worker_count

            self._cluster = LocalCluster(n_workers=worker_count(workers), threads_per_worker=1,
                                         processes=True, dashboard_address=None)
            self.client = Client(self._cluster, set_as_default=False)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _compute(self, collection: Any) -> Any:
        return dask.compute(collection, scheduler=self.client.get)[0]

    def sketch(self, batches: Iterable[SketchBatch], p: ClusterParams,
               on_batch: Callable[[int], None] | None = None,
               ) -> tuple[Signatures, StoryFeatures]:
        """Signatures and story features, one task per batch. Batches are submitted as they
        are read, at most two per worker thread pending, so the client holds only those texts
        (a generator reading the store keeps its memory flat); results come back in order."""
        jobs = (batch + (p.num_perm, p.shingle_size, p.seed) for batch in batches)
        limit = 2 * max(1, sum(self.client.nthreads().values()))
        results = in_order(lambda job: self.client.submit(sketch_batch, job, pure=False),
                           jobs, limit)
        return gather_sketches(results, on_batch, p.num_perm, p.shingle_size, p.seed)

    def near_duplicates(self, sigs: Signatures, new: np.ndarray, p: ClusterParams
                        ) -> list[NearDuplicate]:
        n = len(sigs)
        if n < 2 or not new.any():
            return []
        parts = [(s, sigs.digests[s : s + ROWS_PER_PARTITION])
                 for s in range(0, n, ROWS_PER_PARTITION)]
        npart = max(2, len(parts))
        records = db.from_sequence(parts, npartitions=len(parts)).map(
            _band_records, p.lsh_bands).flatten()
        new_d = dask.delayed(new, traverse=False)
        sigs_d = dask.delayed(sigs, traverse=False)
        buckets = records.groupby(lambda r: (r[0], r[1]), shuffle="tasks", npartitions=npart)
        pairs = buckets.filter(lambda g: len(g[1]) > 1).map(_bucket_pairs, new_d).flatten()
        verified = pairs.distinct().map_partitions(_verify, sigs_d, p)
        found: list[NearDuplicate] = self._compute(verified)
        return sorted(found, key=lambda d: (d.a, d.b))
