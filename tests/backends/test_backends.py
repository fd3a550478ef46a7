from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from wiretrace.backends.local import sketch
from wiretrace.cluster import ClusterItem, assign, cluster
from wiretrace.cluster.minhash import sketch_texts
from wiretrace.settings import Settings


def _items(n: int = 300) -> list[ClusterItem]:
    rng = random.Random(11)
    vocab = [f"tok{i}" for i in range(3000)]
    out = []
    k = 0
    while len(out) < n:
        base = rng.choices(vocab, k=120)
        out.append(ClusterItem(k, " ".join(base), None, "2031-01-01"))
        if rng.random() < 0.5:
            out.append(ClusterItem(k + 1, " ".join(base[:90]) + " Leave a Reply"))
        k += 2
    return out


def test_import_wiretrace_does_not_import_dask() -> None:
    code = (
        "import sys, wiretrace, wiretrace.cluster, wiretrace.backends.local\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_local_pool_equals_one_process() -> None:
    texts = [it.text for it in _items(120)]
    ids = list(range(len(texts)))
    one = sketch_texts(ids, texts, 64, 5)
    import wiretrace.backends.local as local

    old = local.MIN_PARALLEL, local.BATCH
    local.MIN_PARALLEL, local.BATCH = 1, 25
    try:
        many = sketch(ids, texts, 64, 5, workers=2)
    finally:
        local.MIN_PARALLEL, local.BATCH = old
    assert np.array_equal(one.digests, many.digests)
    assert np.array_equal(one.n_shingles, many.n_shingles)


def test_dask_equals_local_on_a_local_cluster(monkeypatch) -> None:
    import wiretrace.backends.local as local_backend

    distributed = pytest.importorskip("distributed")
    settings = Settings(workers=1)
    items = _items()
    local = cluster(items, settings)
    monkeypatch.setattr(local_backend, "BATCH", 40)  # 8 batches, more than may be pending
    heard: list[tuple[int, str]] = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as lc:
        remote = cluster(iter(items), settings, backend="dask", scheduler=lc.scheduler_address,
                         progress=lambda n, what: heard.append((n, what)))
        sketched = [n for n, what in heard if what == "articles sketched"]
        assert len(sketched) == 8 and sketched[-1] == len(items)
        assert np.array_equal(local.signatures.digests, remote.signatures.digests)
        assert remote.near_duplicates == local.near_duplicates and local.near_duplicates
        assert remote.stories == local.stories and remote.groups == local.groups
        inc = assign(cluster(items[:200], settings).state, items[200:], settings,
                     backend="dask", scheduler=lc.scheduler_address)
        assert inc.near_duplicates == local.near_duplicates
        assert inc.stories == local.stories


def test_missing_dask_raises_missing_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['dask'] = None\n"
        "from wiretrace.errors import MissingExtra\n"
        "try:\n"
        "    import wiretrace.backends.dask\n"
        "except MissingExtra as e:\n"
        "    assert e.extra == 'dask' and \"wiretrace[dask]\" in str(e)\n"
        "else:\n"
        "    raise SystemExit('no error')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_features_in_the_pool_equal_one_process() -> None:
    import wiretrace.backends.local as local

    items = _items(90)

    def batches(size: int) -> list[local.SketchBatch]:
        return [([it.id for it in part], [it.text for it in part], [None] * len(part),
                 [it.published for it in part])
                for part in (items[s : s + size] for s in range(0, len(items), size))]

    _, one = local.sketch_and_features(batches(90), 64, 5, workers=1)
    old = local.MIN_PARALLEL
    local.MIN_PARALLEL = 1
    try:
        _, many = local.sketch_and_features(iter(batches(25)), 64, 5, workers=2)
    finally:
        local.MIN_PARALLEL = old
    assert many.ids == one.ids and np.array_equal(many.blocks, one.blocks)
    assert (many.words != one.words).nnz == 0 and many.anchors == one.anchors
