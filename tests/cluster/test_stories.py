from __future__ import annotations

from wiretrace.cluster import cluster
from wiretrace.cluster.features import anchors_of, publication_day
from wiretrace.cluster.stories import date_factor


def test_summary_joins_its_story_and_earthquakes_stay_apart(items, settings) -> None:
    result = cluster(items, settings)
    assert [10, 11, 12, 13] in result.stories
    assert [20] in result.stories and [21] in result.stories
    assert [30] in result.stories
    assert sorted(i for s in result.stories for i in s) == sorted(it.id for it in items)


def test_story_edges_say_which_signal_joined(items, settings) -> None:
    result = cluster(items, settings)
    summary_edges = [e for e in result.story_edges if 13 in (e.a, e.b)]
    assert summary_edges and all(not e.near_duplicate for e in summary_edges)
    assert any("anchors" in e.signals for e in summary_edges)
    assert any("quill" in e.shared or "edda quill" in e.shared for e in summary_edges)
    copy = next(e for e in result.story_edges if (e.a, e.b) == (10, 11))
    assert copy.near_duplicate and copy.score == 1.0


def test_anchors_are_names_and_figures() -> None:
    anchors = anchors_of("Rescue divers pulled 4,500 fish from the Ossel, Maren Tollvik said.")
    assert {"ossel", "maren tollvik", "#4500"} <= anchors
    assert "rescue" not in anchors  # sentence-initial capital is not a name


def test_dates() -> None:
    assert publication_day("2031-05-06T10:00Z") == publication_day("2031-05-06")
    assert publication_day("yesterday") is None
    assert date_factor(None, 5) == 1.0 and date_factor(0, 2) == 1.0
    assert date_factor(0, 400) == 0.5


def test_big_components_are_cut_by_a_raised_threshold() -> None:
    import numpy as np

    from wiretrace.cluster.stories import bounded_pieces

    # a chain 0-1-2-3-4-5 whose middle edge is weak; 4-5 are near-duplicates
    ea = np.array([0, 1, 2, 3, 4])
    eb = np.array([1, 2, 3, 4, 5])
    score = np.array([0.5, 0.5, 0.25, 0.5, 1.0])
    pieces = [p.tolist() for p in bounded_pieces(6, ea, eb, score, 0.24, bound=3)]
    assert pieces == [[0, 1, 2], [3, 4, 5]]
    pieces = [p.tolist() for p in bounded_pieces(6, ea, eb, score, 0.24, bound=1)]
    assert pieces == [[0], [1], [2], [3], [4, 5]]  # near-duplicates stay together
    assert [p.tolist() for p in bounded_pieces(6, ea, eb, score, 0.24, bound=6)] == [
        list(range(6))]


def test_local_backend_stacks_batches_like_concat() -> None:
    import numpy as np

    from wiretrace.backends.local import _concat_consuming
    from wiretrace.cluster.features import StoryFeatures, story_features

    texts = ["Maren Tollvik visited Ossel.", "", "Rescue divers pulled 4,500 fish.", "x y z"]
    batches = [story_features([k], [t], ["2031-05-06"]) for k, t in enumerate(texts)]
    want = StoryFeatures.concat(batches)
    got = _concat_consuming([story_features([k], [t], ["2031-05-06"])
                             for k, t in enumerate(texts)])
    assert got.ids == want.ids and got.anchors == want.anchors
    assert got.published == want.published and np.array_equal(got.blocks, want.blocks)
    for a, b in ((got.words, want.words), (got.anchor_vec, want.anchor_vec)):
        assert a.shape == b.shape and (a != b).nnz == 0 and a.has_sorted_indices
        assert np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
