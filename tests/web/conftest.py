"""Fixtures of the web tests: a fictional corpus in a real store (see ``webcorpus``)."""

from __future__ import annotations

import pytest
from webcorpus import Corpus, fill_store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return fill_store(tmp_path_factory.mktemp("web") / "wiretrace.db")
