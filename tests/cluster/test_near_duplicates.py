from __future__ import annotations

import numpy as np
import pytest

from wiretrace.cluster import cluster
from wiretrace.cluster.lsh import band_keys, candidate_pairs, unique_sorted
from wiretrace.cluster.minhash import ALGORITHM, RENSA_VERSION, sketch_texts
from wiretrace.cluster.shingles import shingle_batch


def test_shingles_are_deterministic_and_count_distinct() -> None:
    a = shingle_batch(["one two three four five six", "one two"], 5)
    b = shingle_batch(["one two three four five six", "one two"], 5)
    assert np.array_equal(a.hashes, b.hashes)
    assert a.distinct.tolist() == [2, 1]


def test_signature_record_names_algorithm_and_version() -> None:
    sigs = sketch_texts([7], ["a short fictional text about the harbour"], 64, 3)
    rec = sigs.record(0)
    assert rec["algorithm"] == ALGORITHM and rec["rensa_version"] == RENSA_VERSION == "0.5.0"
    assert len(rec["digest"]) == 64 * 4 and rec["article"] == 7


def test_lsh_finds_identical_rows_only() -> None:
    digests = np.array([[1, 2, 3, 4], [1, 2, 3, 4], [5, 6, 7, 8]], dtype=np.uint32)
    pairs = candidate_pairs(band_keys(digests, 2))
    assert pairs.tolist() == [[0, 1]]
    new = np.array([False, False, True])
    assert candidate_pairs(band_keys(digests, 2), new).tolist() == []


def test_verbatim_and_trimmed_copies_are_found(items, settings) -> None:
    result = cluster(items, settings)
    pairs = {(d.a, d.b): d for d in result.near_duplicates}
    assert (10, 11) in pairs and pairs[(10, 11)].jaccard > 0.8
    trimmed = pairs[(10, 12)]  # the trimmed copy is contained in its source
    assert trimmed.containment_ba > 0.9 and trimmed.containment_ab < 0.8
    assert [10, 11, 12] in result.groups
    for a, b in pairs:
        assert {a, b} <= {10, 11, 12}  # the summary, quakes and chess story are not copies


def test_signatures_are_kept_per_article(items, settings) -> None:
    result = cluster(items, settings)
    assert result.signatures.ids.tolist() == [it.id for it in items]
    assert result.signatures.digests.shape == (len(items), settings.num_perm)


def test_unique_sorted_matches_numpy_unique() -> None:
    rng = np.random.default_rng(3)
    for size, high in [(0, 5), (1, 5), (1000, 7), (5000, 2**62)]:
        a = rng.integers(0, high, size, dtype=np.int64)
        assert np.array_equal(unique_sorted(a), np.unique(a))


@pytest.mark.parametrize("texts", [["Storm hits coast"], ["Storm", "Flood"], ["a b"], [""]])
def test_batches_with_fewer_words_than_a_shingle(texts) -> None:
    from wiretrace.cluster import ClusterItem
    from wiretrace.settings import Settings

    batch = shingle_batch(texts, 5)
    assert batch.distinct.tolist() == [1] * len(texts)
    result = cluster([ClusterItem(i, t) for i, t in enumerate(texts)], Settings(workers=1))
    assert sorted(i for s in result.stories for i in s) == list(range(len(texts)))
