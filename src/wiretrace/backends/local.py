"""Local backend: the sketch stage on all cores of this machine (``settings.workers``, 0 = all).

Texts are cut into batches; each batch is shingled and sketched in a worker process
(``concurrent.futures.ProcessPoolExecutor``); small inputs stay in this process. Workers are
started by a fork server, never by a plain ``fork``: rensa runs a native thread pool, and a
process forked after it was used deadlocks in its first rensa call (so would any fork of a
multi-threaded caller such as a web server).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from wiretrace.cluster.minhash import DEFAULT_SEED, Signatures, sketch_texts

__all__ = ["worker_count", "sketch"]

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
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=context) as pool:
        parts = list(pool.map(_job, jobs, chunksize=1))
    return Signatures.concat(parts)
