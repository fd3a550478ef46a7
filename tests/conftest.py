from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wt_helpers import fictional_article  # noqa: E402


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(5):
        (d / f"story{i}.txt").write_text(f"Story number {i}\n\n{fictional_article(i)}\n",
                                         encoding="utf-8")
    return d
