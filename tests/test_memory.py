from __future__ import annotations

import sys

import numpy as np
import psutil
import pytest

from wiretrace import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_freed_batches_go_back_to_the_system() -> None:
    assert memory.fixed_mmap_threshold() is True
    me = psutil.Process()
    before = me.memory_info().rss
    # many 4 MB blocks allocated and freed, as when batch results are unpickled and merged
    for _ in range(64):
        block = np.ones(512 * 1024)
        del block
    memory.trim()
    assert me.memory_info().rss - before < 64 * 2**20
