"""A flood of bad items from one source (megabytes of non-JSON on stdin) is counted, not
stored row by row; the good items among it are stored."""

from __future__ import annotations

import io
import json
from pathlib import Path

from wt_helpers import fictional_article, run_cli

from wiretrace.pipeline import ingest
from wiretrace.settings import Settings
from wiretrace.store import Store


def _flood(bad: int) -> str:
    good = [json.dumps({"title": f"Good {i}", "text": fictional_article(i)}) for i in range(2)]
    return "\n".join([good[0], *(f"not json {i}" for i in range(bad)), good[1]]) + "\n"


def test_rejections_past_the_cap_are_counted_in_one_line(tmp_path: Path) -> None:
    settings = Settings(workers=1, max_rejections_per_source=100)
    with Store(tmp_path / "w.db") as store:
        report = ingest(["-"], store, settings, stdin=io.StringIO(_flood(3000)))
        assert len(report.added) == 2
        assert report.rejections == 3000
        assert len(report.rejected) == 101 and store.counts()["rejections"] == 101
        assert report.rejected[-1].reason == (
            "2,900 more items rejected, not listed one by one (the first 100 are)")


def test_the_cli_counts_every_rejection(tmp_path: Path) -> None:
    proc = run_cli("ingest", "-", "--db", str(tmp_path / "w.db"), "-q", input=_flood(1500))
    assert proc.returncode == 1
    assert "ingested 2 new articles, 0 already stored, 1500 rejected" in proc.stdout
    with Store(tmp_path / "w.db", readonly=True) as store:
        assert store.counts()["rejections"] == 1001
