"""Worker processes die with their parent: no orphans after SIGKILL or SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from wt_helpers import WIRETRACE, fictional_article

from wiretrace.reliability.orphans import descendants, orphans_after

POOL_SCRIPT = """
import multiprocessing, os, sys, time
from wiretrace.backends.lifeline import worker_pool

def pid(_):
    time.sleep(0.3)
    return os.getpid()

if __name__ == "__main__":
    context = multiprocessing.get_context(sys.argv[1])
    pool = worker_pool(2, context)
    print(sorted(set(pool.map(pid, range(8)))), flush=True)
    time.sleep(600)
"""


def _kill_and_check(proc: subprocess.Popen[bytes] | subprocess.Popen[str], sig: int) -> None:
    below = descendants(proc.pid)
    assert below, "the command started no worker processes"
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    left = orphans_after(below, 20.0)  # (survivors are killed: never left behind)
    assert left == 0, f"{left} orphaned worker processes"


@pytest.mark.parametrize("method", ["fork", "forkserver"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_pool_workers_die_with_their_parent(tmp_path: Path, method: str, sig: int) -> None:
    script = tmp_path / "pool.py"
    script.write_text(POOL_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script), method], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    workers = set(eval(proc.stdout.readline()))  # noqa: S307 - our own script's list of ints
    assert workers and workers <= descendants(proc.pid)
    _kill_and_check(proc, sig)


@pytest.mark.slow
@pytest.mark.parametrize("command,sig", [("ingest", signal.SIGKILL), ("ingest", signal.SIGTERM),
                                         ("analyze", signal.SIGTERM)])
def test_no_orphans_after_killing_ingest_or_analyze(tmp_path: Path, command: str, sig: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1500):
        (corpus / f"a{i:05d}.html").write_text(
            f"<html><body><h1>Story {i}</h1><p>{fictional_article(i, 12)}</p></body></html>")
    proc = subprocess.Popen([*WIRETRACE, command, str(corpus), "--db", str(tmp_path / "w.db"),
                             "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(descendants(proc.pid)) < 2 and time.monotonic() < deadline:
        assert proc.poll() is None, f"{command} ended before its workers started"
        time.sleep(0.05)
    _kill_and_check(proc, sig)
