"""Fixtures of the cluster tests."""

from __future__ import annotations

import pytest
from cluster_texts import bridge_items

from wiretrace.cluster import ClusterItem
from wiretrace.settings import Settings


@pytest.fixture
def items() -> list[ClusterItem]:
    return bridge_items()


@pytest.fixture
def settings() -> Settings:
    return Settings(workers=1)
