from __future__ import annotations

import random

import numpy as np
import pytest

from wiretrace.cluster import ClusterItem, assign, cluster
from wiretrace.cluster.blocking import BLOCK_KEYS, block_keys, blocking


def test_block_keys_prefer_names_and_are_fixed() -> None:
    a = block_keys({"maren tollvik", "ossel", "#1911", "#12"}, ["inspectors", "river", "corrosion"])
    b = block_keys({"#12", "#1911", "ossel", "maren tollvik"}, ["corrosion", "river", "inspectors"])
    assert a.tolist() == b.tolist() and len(a) == BLOCK_KEYS
    assert (a >= 0).sum() == 4  # enough names: no words
    few = block_keys({"ossel"}, ["inspectors", "river", "corrosion"])
    assert (few >= 0).sum() == 3  # "river" is too short to block on


def test_common_keys_are_skipped_and_windows_split_dates() -> None:
    blocks = np.full((5, BLOCK_KEYS), -1, np.int64)
    blocks[:, 0] = 7  # everybody: over a cap of 2, in every list
    blocks[:2, 1] = 9  # rows 0 and 1 only
    days = np.array([100, 101, 100, 300, -1])
    assert blocking(blocks, days, 0, 2, 30).pairs.tolist() == [[0, 1]]
    blocks[3, 1] = 9  # 200 days later: no shared window, and key 9's any-date list is over 2
    assert blocking(blocks, days, 0, 2, 30).pairs.tolist() == [[0, 1]]
    blk = blocking(blocks, days, 0, 3, 30)  # a cap of 3: key 7's window list, key 9's any list
    assert blk.pairs.tolist() == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3]]


def _crowd(n: int) -> list[ClusterItem]:
    """Articles about a few fictional events, all naming one very common agency."""
    rng = random.Random(3)
    towns = ["Varnholm", "Saltreve", "Belluvar", "Teskaria", "Lunmarsh", "Corvin"]
    vocab = [f"word{i}" for i in range(300)]
    out = []
    for i in range(n):
        town = towns[i % len(towns)]
        body = " ".join(rng.choices(vocab, k=40))
        text = (f"Officials of the Harbour Agency said the flooding in {town} reached "
                f"{town} Old Town. Mayor Edda {town}son spoke. {body}")
        out.append(ClusterItem(i, text, None, f"2031-05-{1 + i % 20:02d}"))
    return out


@pytest.mark.parametrize("split", [3, 11, 25])
def test_incremental_equals_full_when_keys_cross_the_cap(settings, split) -> None:
    s = settings.with_(story_block_cap=6)
    items = _crowd(36)
    full = cluster(items, s)
    inc = assign(cluster(items[:split], s).state, items[split:], s)
    assert inc.stories == full.stories and inc.story_edges == full.story_edges
    # batch by batch too
    state = cluster(items[:5], s).state
    for k in range(5, 36, 7):
        state = assign(state, items[k : k + 7], s).state
    assert state.stories() == full.stories


def test_candidate_lists_streamed_in_chunks_give_the_same_pairs(monkeypatch) -> None:
    import wiretrace.cluster.blocking as blocking_module

    rng = np.random.default_rng(4)
    blocks = np.full((60, BLOCK_KEYS), -1, np.int64)
    blocks[:, :3] = rng.integers(0, 12, size=(60, 3))
    days = rng.integers(0, 90, size=60)
    whole = blocking(blocks, days, 20, 8, 30)
    monkeypatch.setattr(blocking_module, "_PAIR_CHUNK", 3)
    chunked = blocking(blocks, days, 20, 8, 30)
    assert len(whole.pairs) and chunked.pairs.tolist() == whole.pairs.tolist()
    assert chunked.at_risk.tolist() == whole.at_risk.tolist()


def test_lists_taken_in_slices_give_the_same_candidates(monkeypatch) -> None:
    import wiretrace.cluster.blocking as blocking_module

    rng = np.random.default_rng(9)
    blocks = np.full((80, BLOCK_KEYS), -1, np.int64)
    blocks[:, :4] = rng.integers(0, 15, size=(80, 4))
    days = np.where(rng.random(80) < 0.2, -1, rng.integers(0, 120, size=80))
    found = []
    for parts in (1, 3, 8):
        monkeypatch.setattr(blocking_module, "_PARTS", parts)
        blk = blocking(blocks, days, 30, 7, 30)
        probe = np.array([[a, b] for a in range(0, 30, 3) for b in range(a + 1, 30, 4)])
        found.append((blk.pairs.tolist(), blk.at_risk.tolist(),
                      blk.still_candidates(probe).tolist()))
    assert found[0][0] and found[0][1] and any(found[0][2]) and not all(found[0][2])
    assert found[0] == found[1] == found[2]
