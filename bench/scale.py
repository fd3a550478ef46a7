"""Clustering scale benchmark on generated corpora with known copies and known stories.

For each size N (``--sizes 10000,100000,1000000``): generate N dated articles in stories
(original + verbatim-with-boilerplate / trimmed / spun copies + independent reports of the same
event; random vocabulary) into a temporary JSON Lines file (untimed; deleted after), then time
the whole cluster stage, ``wiretrace.cluster.cluster``, fed by a generator that reads that file
as the stage consumes it (as ``pipeline.cluster`` reads the store): sketch and story features
(all cores) + LSH + verification + near-duplicate groups + story blocking, story edges and
average-link splits. Prints articles/s, peak memory of this process plus its worker processes
(psutil, sampled), the growth ratio time(largest)/time(previous size), pairwise
precision/recall of the near-duplicate groups against the copy groups and of the stories
against the events, and the throughput ratio against datasketch's MinHash on a sample with the
same shingles and number of permutations (sketch from shingle hashes, one core each; and end
to end from text). ``-v`` adds each stage's seconds and peak memory.

    .venv/bin/python bench/scale.py [--sizes 10000,100000] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from collections.abc import Iterator  # noqa: E402

import numpy as np  # noqa: E402
import psutil  # noqa: E402
from corpora import SyntheticCorpus, precision_recall  # noqa: E402

from wiretrace.backends.local import worker_count  # noqa: E402
from wiretrace.cluster import ClusterItem, cluster  # noqa: E402
from wiretrace.cluster.minhash import digests_of  # noqa: E402
from wiretrace.cluster.shingles import shingle_batch  # noqa: E402
from wiretrace.settings import Settings  # noqa: E402

SAMPLE = 1_000


class PeakMemory:
    """Peak RSS of this process plus its children, sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _groups_from_pairs(n: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    if not pairs:
        return np.arange(n)
    a = np.array(pairs, dtype=np.int64)
    g = sparse.csr_matrix((np.ones(len(a), np.int8), (a[:, 0], a[:, 1])), shape=(n, n))
    return connected_components(g, directed=False)[1]


def _labels(n: int, partition: list[list[int]]) -> np.ndarray:
    out = np.arange(n)
    for members in partition:
        out[members] = members[0]
    return out


def datasketch_ratio(texts: list[str], s: Settings) -> tuple[float, float, float]:
    """(sketch-only ratio, end-to-end ratio, datasketch docs/s) on a sample, one core each."""
    from datasketch import MinHash

    sample = texts[:SAMPLE]
    t0 = time.perf_counter()
    batch = shingle_batch(sample, s.shingle_size)
    t1 = time.perf_counter()
    digests_of(batch, s.num_perm, 42)
    t2 = time.perf_counter()
    rows = [batch.row(i) for i in range(len(sample))]
    t3 = time.perf_counter()
    for row in rows:
        m = MinHash(num_perm=s.num_perm, seed=42)
        m.update_batch([h.tobytes() for h in row])
    t4 = time.perf_counter()
    rensa_sketch, ds_sketch = t2 - t1, t4 - t3
    ours_e2e = t2 - t0
    ds_e2e = (t1 - t0) + ds_sketch
    return ds_sketch / rensa_sketch, ds_e2e / ours_e2e, len(sample) / ds_sketch


def _read(path: str) -> Iterator[ClusterItem]:
    """The articles of a generated corpus file, one at a time."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            i, text, published = json.loads(line)
            yield ClusterItem(i, text, None, published)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.verbose:
        import logging

        logging.basicConfig(level=logging.DEBUG, format="    %(message)s")
    sizes = [int(x) for x in args.sizes.split(",")]
    s = Settings(workers=args.workers)
    figures = []
    ratio = None
    for n in sizes:
        g0 = time.perf_counter()
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", prefix="wiretrace-scale-")
        copy_gold = np.zeros(n, np.int64)
        story_gold = np.zeros(n, np.int64)
        sample: list[str] = []
        for k, a in enumerate(SyntheticCorpus(n, seed=7).articles()):
            tmp.write(json.dumps([a.id, a.text, a.published]) + "\n")
            copy_gold[k], story_gold[k] = a.family, a.story
            if len(sample) < SAMPLE:
                sample.append(a.text)
        tmp.flush()
        gen = time.perf_counter() - g0
        if ratio is None:
            ratio = datasketch_ratio(sample, s)
        del sample
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            result = cluster(_read(tmp.name), s)
            total = time.perf_counter() - t0
        tmp.close()
        near = precision_recall(_labels(n, result.groups), copy_gold)
        story = precision_recall(_labels(n, result.stories), story_gold)
        figures.append((n, total, mem.peak, near, story))
        if args.verbose:
            print(f"  N={n}: generated in {gen:.1f} s; {len(result.near_duplicates)} near-dup "
                  f"pairs, {len(result.groups)} groups vs {len(np.unique(copy_gold))} copy groups; "
                  f"{len(result.story_edges)} story edges, {len(result.stories)} stories vs "
                  f"{len(np.unique(story_gold))} events", flush=True)
        del result
    parts = [
        f"N={n}: {n / t:,.0f} art/s ({t:.1f} s), peak {peak / 2**30:.2f} GB, near-dup "
        f"P {nd[0]:.3f} R {nd[1]:.3f}, story P {st[0]:.3f} R {st[1]:.3f}"
        for n, t, peak, nd, st in figures
    ]
    growth = "n/a"
    if len(figures) > 1:
        growth = f"{figures[-1][1] / figures[-2][1]:.1f} (N {figures[-2][0]}->{figures[-1][0]})"
    assert ratio is not None
    print(
        f"scale, sketch + near-dup + stories ({worker_count(args.workers)} workers): "
        + "; ".join(parts)
        + f"; growth {growth}; vs datasketch {ratio[0]:.0f}x sketch-from-shingles, "
        f"{ratio[1]:.1f}x end-to-end per core (datasketch {ratio[2]:,.0f} docs/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
