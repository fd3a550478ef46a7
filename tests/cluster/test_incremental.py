from __future__ import annotations

import random

import pytest
from cluster_texts import bridge_items

from wiretrace.cluster import ClusterItem, ClusterState, assign, cluster
from wiretrace.errors import InputError, WiretraceError


def _corpus() -> list[ClusterItem]:
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(400)]
    out = bridge_items()
    for k in range(12):
        base = rng.choices(vocab, k=80)
        out.append(ClusterItem(100 + 2 * k, " ".join(base)))
        out.append(ClusterItem(101 + 2 * k, " ".join(base[:60]) + " extra words"))
    return out


def _same(a, b) -> None:
    assert a.near_duplicates == b.near_duplicates
    assert a.groups == b.groups
    assert a.stories == b.stories
    assert a.story_edges == b.story_edges


@pytest.mark.parametrize("split", [0, 3, 9, 20])
def test_incremental_equals_full(settings, split) -> None:
    items = _corpus()
    random.Random(split).shuffle(items)
    full = cluster(items, settings)
    first = cluster(items[:split], settings)
    _same(assign(first.state, items[split:], settings), full)


def test_three_batches_and_persisted_state(settings) -> None:
    items = _corpus()
    full = cluster(items, settings)
    r1 = cluster(items[:10], settings)
    state = ClusterState.from_bytes(r1.state.to_bytes())
    r2 = assign(state, items[10:20], settings)
    r3 = assign(ClusterState.from_bytes(r2.state.to_bytes()), items[20:], settings)
    _same(r3, full)


def test_assign_refuses_known_ids_and_changed_settings(settings) -> None:
    items = _corpus()
    r = cluster(items[:5], settings)
    with pytest.raises(InputError):
        assign(r.state, items[:1], settings)
    with pytest.raises(WiretraceError, match="re-run"):
        assign(r.state, items[5:], settings.with_(num_perm=64))


@pytest.mark.parametrize("split", [0, 9, 20])
def test_incremental_equals_full_with_big_components_cut(settings, split, monkeypatch) -> None:
    import wiretrace.cluster.stories as stories

    monkeypatch.setattr(stories, "MAX_COMPONENT", 2)
    items = _corpus()
    random.Random(split).shuffle(items)
    full = cluster(items, settings)
    assert sorted(i for s in full.stories for i in s) == sorted(it.id for it in items)
    first = cluster(items[:split], settings)
    _same(assign(first.state, items[split:], settings), full)


def test_items_may_come_from_a_generator_read_once(settings) -> None:
    items = _corpus()
    seen = []

    def stream():
        for it in items:
            seen.append(it.id)
            yield it

    _same(cluster(stream(), settings), cluster(items, settings))
    assert seen == [it.id for it in items]  # each item read exactly once
    duplicated = (it for it in items + items[:1])
    with pytest.raises(InputError):
        cluster(duplicated, settings)


def test_progress_hears_of_every_stage(settings) -> None:
    heard: list[tuple[int, str]] = []
    items = _corpus()
    cluster(items, settings, progress=lambda n, what: heard.append((n, what)))
    stages = [what for _, what in heard]
    assert ("articles sketched" in stages and stages.index("articles sketched")
            < stages.index("near-duplicates") < stages.index("stories"))
    assert (len(items), "articles sketched") in heard
