"""SIGKILL in the middle of a batch: the database stays whole and a re-run completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from wt_helpers import WIRETRACE, fictional_article

from wiretrace.ingest.clean import clean
from wiretrace.reliability.orphans import descendants, orphans_after
from wiretrace.store import Store

N_FILES = 3000


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _kill_when(
    proc: subprocess.Popen[bytes], db: Path, low: int, high: int
) -> tuple[int, set[int]]:
    """SIGKILL the process once the stored count is past ``low``; returns the count seen and
    the worker processes it had then."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        n = _count(db)
        if n >= low or proc.poll() is not None:
            workers = descendants(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return n, workers
        time.sleep(0.01)
    proc.kill()
    raise AssertionError("the command never wrote anything")


def _check_whole(db: Path) -> list[int]:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Store(db) as store:
        articles = store.articles()
        for art in articles:
            # a whole article: its working text and artefacts are the ones cleaning gives
            expected = clean(art.raw_text, art.title)
            assert art.text == expected.text
            assert [(a.kind, a.start, a.end) for a in art.artefacts] == [
                (a.kind, a.start, a.end) for a in expected.artefacts
            ]
        return [a.id for a in articles if a.id is not None]


@pytest.mark.slow
def test_sigkill_during_ingest(tmp_path: Path) -> None:
    corpus = tmp_path / "batch"
    corpus.mkdir()
    for i in range(N_FILES):
        body = fictional_article(i, sentences=3)
        extra = "\n\nSee also: Ferry strike ends after talks" if i % 7 == 0 else ""
        (corpus / f"{i:05d}.txt").write_text(f"Report {i}\n\n{body}{extra}\n", encoding="utf-8")
    db = tmp_path / "w.db"
    cmd = [*WIRETRACE, "ingest", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, workers = _kill_when(proc, db, low=200, high=N_FILES)
    assert orphans_after(workers) == 0, "worker processes outlived the killed ingest"
    partial = _check_whole(db)
    assert 0 < len(partial) < N_FILES, f"kill came too late to test anything ({seen} stored)"

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ids = _check_whole(db)
    assert len(ids) == N_FILES
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(DISTINCT sha) FROM articles").fetchone()[0] == N_FILES
    assert con.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0] == N_FILES
    con.close()


# --- the same for `wiretrace cluster`, and the runner's ingest scenario ----------------------


@pytest.mark.slow
def test_sigkill_during_cluster(tmp_path: Path) -> None:
    from wiretrace.reliability.crashes import sigkill_cluster

    result = sigkill_cluster(tmp_path, articles=3000, first=2000)
    assert result.killed, f"no run was killed before it finished in {result.attempts} tries"
    assert result.integrity_after_kill == "ok"
    assert result.state_after_kill in ("previous", "new")
    assert result.rerun_exit == 0
    assert result.articles == 3000 and result.lost == 0
    assert result.orphans == 0
    assert result.problems == []


@pytest.mark.slow
def test_sigkill_during_ingest_scenario(tmp_path: Path) -> None:
    from wiretrace.reliability.crashes import sigkill_ingest

    result = sigkill_ingest(tmp_path, files=400, kill_after=60)
    assert result.killed and result.integrity_after_kill == "ok"
    assert 0 < result.before_kill < 400
    assert result.rerun_exit == 0 and result.articles == 400 and result.lost == 0
    assert result.workers_at_kill > 0 and result.orphans == 0
    assert result.problems == []
    _check_whole(tmp_path / "crash-ingest.db")
