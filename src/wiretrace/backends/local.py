"""Local backend: the sketch stage on all cores of this machine (``settings.workers``, 0 = all).

Texts are cut into batches; each batch is shingled and sketched (and, with
``sketch_and_features``, given its story features) in a worker process
(``concurrent.futures.ProcessPoolExecutor``); small inputs stay in this process. Workers are
started by a fork server, never by a plain ``fork``: rensa runs a native thread pool, and a
process forked after it was used deadlocks in its first rensa call (so would any fork of a
multi-threaded caller such as a web server).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from scipy import sparse

from wiretrace.backends.lifeline import worker_pool
from wiretrace.cluster.minhash import DEFAULT_SEED, Signatures, sketch_texts

if TYPE_CHECKING:
    from wiretrace.cluster.features import StoryFeatures

__all__ = ["SketchBatch", "gather_sketches", "in_order", "sketch", "sketch_and_features",
           "sketch_batch", "worker_count"]

_J = TypeVar("_J")

BATCH = 2_000
MIN_PARALLEL = 4_000


def worker_count(workers: int) -> int:
    return workers if workers > 0 else (os.cpu_count() or 1)


def _job(args: tuple[list[int], list[str], int, int, int]) -> Signatures:
    return sketch_texts(*args)


def sketch(
    ids: Sequence[int], texts: Sequence[str], num_perm: int, shingle_size: int,
    workers: int = 0, seed: int = DEFAULT_SEED,
) -> Signatures:
    """Signatures of all texts, computed in batches on ``workers`` processes."""
    n_workers = worker_count(workers)
    if n_workers == 1 or len(texts) < MIN_PARALLEL:
        return sketch_texts(list(ids), list(texts), num_perm, shingle_size, seed)
    jobs = [
        (list(ids[s : s + BATCH]), list(texts[s : s + BATCH]), num_perm, shingle_size, seed)
        for s in range(0, len(texts), BATCH)
    ]
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with worker_pool(n_workers, context) as pool:
        parts = list(pool.map(_job, jobs, chunksize=1))
    return Signatures.concat(parts)


_Job = tuple[list[int], list[str], list[str | None], list[str | None], int, int, int]
# one batch of articles: ids, texts, story texts (None = the text itself), publication dates
SketchBatch = tuple[list[int], list[str], list[str | None], list[str | None]]


def sketch_batch(args: _Job) -> tuple[Signatures, StoryFeatures]:
    """Signatures and story features of one batch; the texts are split into words once, for
    both (the story texts reuse their texts' words and only split their titles)."""
    from wiretrace.cluster.features import story_features, story_word_hashes
    from wiretrace.cluster.shingles import word_hashes

    ids, texts, story_texts, published, num_perm, shingle_size, seed = args
    full = [t if st is None else st for t, st in zip(texts, story_texts, strict=True)]
    words = word_hashes(texts)
    return (sketch_texts(ids, texts, num_perm, shingle_size, seed, words),
            story_features(ids, full, published, story_word_hashes(texts, words, story_texts)))


def sketch_and_features(
    batches: Iterable[SketchBatch], num_perm: int, shingle_size: int, workers: int = 0,
    seed: int = DEFAULT_SEED, on_batch: Callable[[int], None] | None = None,
) -> tuple[Signatures, StoryFeatures]:
    """Signatures of the texts and story features of the story texts of ``batches``, each
    batch on one of ``workers`` processes (the result does not depend on the batching).

    The batches are consumed as the workers take them: at most two per worker are pending, so
    only those texts are held at once, whatever the corpus size (a generator reading the
    store keeps memory flat). Fewer than ``MIN_PARALLEL`` articles stay in this process.
    ``on_batch(articles done)`` is called as each batch's result arrives."""
    it = iter(batches)
    head: list[SketchBatch] = []
    held = 0
    for batch in it:
        head.append(batch)
        held += len(batch[0])
        if held >= MIN_PARALLEL:
            break

    def pulled() -> Iterator[SketchBatch]:  # the first batches are let go once sent
        while head:
            yield head.pop(0)
        yield from it

    jobs = (batch + (num_perm, shingle_size, seed) for batch in pulled())
    n_workers = worker_count(workers)
    if n_workers == 1 or held < MIN_PARALLEL:
        return gather_sketches(map(sketch_batch, jobs), on_batch, num_perm, shingle_size, seed)
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with worker_pool(n_workers, context) as pool:
        return gather_sketches(in_order(lambda job: pool.submit(sketch_batch, job), jobs,
                                        2 * n_workers),
                               on_batch, num_perm, shingle_size, seed)


def in_order(submit: Callable[[_J], Any], jobs: Iterable[_J], limit: int) -> Iterator[Any]:
    """The results of ``submit(job)`` futures (``concurrent.futures`` or Dask), in job order,
    with at most ``limit`` submitted and not yet taken: jobs are read only as results leave."""
    pending: deque[Any] = deque()
    for job in jobs:
        pending.append(submit(job))
        del job
        if len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def gather_sketches(
    results: Iterable[tuple[Signatures, StoryFeatures]], on_batch: Callable[[int], None] | None,
    num_perm: int, shingle_size: int, seed: int,
) -> tuple[Signatures, StoryFeatures]:
    """All batches' signatures and story features, in order; ``on_batch(articles done)`` as
    each batch arrives."""
    from wiretrace.cluster.features import story_features

    sigs: list[Signatures] = []
    feats: list[StoryFeatures] = []
    done = 0
    for part in results:
        sigs.append(part[0])
        feats.append(part[1])
        done += len(part[0])
        if on_batch is not None:
            on_batch(done)
    if not sigs:
        return Signatures.empty(num_perm, shingle_size, seed), story_features([], [])
    return Signatures.concat(sigs), _concat_consuming(feats)


def _stack_rows(mats: list[sparse.csr_matrix]) -> sparse.csr_matrix:
    """``sparse.vstack`` of CSR matrices with sorted indices that empties ``mats`` as it copies:
    the peak is the result plus one part, not twice the result."""
    nnz = sum(m.nnz for m in mats)
    rows = sum(m.shape[0] for m in mats)
    data = np.empty(nnz, mats[0].data.dtype)
    indices = np.empty(nnz, np.int64 if nnz > np.iinfo(np.int32).max else np.int32)
    indptr = np.empty(rows + 1, np.int64 if nnz > np.iinfo(np.int32).max else np.int32)
    indptr[0] = 0
    r = k = 0
    width = mats[0].shape[1]
    for i in range(len(mats)):
        m = mats[i]
        mats[i] = None  # type: ignore[call-overload]
        data[k : k + m.nnz] = m.data
        indices[k : k + m.nnz] = m.indices
        indptr[r + 1 : r + 1 + m.shape[0]] = m.indptr[1:] + k
        r, k = r + m.shape[0], k + m.nnz
        del m
    out = sparse.csr_matrix((data, indices, indptr), shape=(rows, width))
    out.has_sorted_indices = True
    return out


def _concat_consuming(feats: list[StoryFeatures]) -> StoryFeatures:
    """``StoryFeatures.concat`` of batches that the caller no longer holds, freeing each
    batch's matrices as they are copied."""
    from wiretrace.cluster.features import AnchorSets, StoryFeatures

    if len(feats) == 1:
        return feats[0]
    words = [f.words for f in feats]
    anchor_vec = [f.anchor_vec for f in feats]
    leads = None if any(f.leads is None for f in feats) else [f.leads for f in feats]
    out = StoryFeatures(
        [i for f in feats for i in f.ids], sparse.csr_matrix((0, 0)),
        AnchorSets.concat(f.anchors for f in feats), [d for f in feats for d in f.published],
        sparse.csr_matrix((0, 0)), np.concatenate([f.blocks for f in feats]), None)
    feats.clear()
    out.words = _stack_rows(words)
    out.anchor_vec = _stack_rows(anchor_vec)
    out.leads = None if leads is None else _stack_rows(leads)  # type: ignore[arg-type]
    return out
