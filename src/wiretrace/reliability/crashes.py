"""SIGKILL in the middle of ``wiretrace ingest`` and ``wiretrace cluster``: the database stays
whole, and a re-run completes the work without losing or doubling anything."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.reliability.harness import (
    WIRETRACE,
    cli_env,
    count_rows,
    integrity_check,
    run_cli,
    seed_articles,
    write_good_texts,
)
from wiretrace.reliability.orphans import descendants, orphans_after
from wiretrace.store import Store

__all__ = ["CrashResult", "sigkill_cluster", "sigkill_ingest"]


@dataclass(slots=True)
class CrashResult:
    command: str
    attempts: int  # runs started until one was killed before it finished
    killed: bool
    before_kill: int  # articles stored (ingest) or stories (cluster) when killed
    integrity_after_kill: str
    state_after_kill: str  # cluster: "previous" or "new"; ingest: "partial"
    rerun_exit: int
    articles: int
    expected: int
    lost: int
    problems: list[str] = field(default_factory=list)
    workers_at_kill: int = 0  # processes the killed command had started
    orphans: int = 0  # of those, still running 20 s after the kill

    @property
    def ok(self) -> bool:
        return (self.killed and self.rerun_exit == 0 and self.lost == 0 and not self.orphans
                and not self.problems)


def sigkill_ingest(workdir: Path, files: int = 1000, kill_after: int = 100) -> CrashResult:
    """SIGKILL ``wiretrace ingest`` once ``kill_after`` articles are stored; re-run it."""
    corpus = workdir / "crash-ingest"
    write_good_texts(corpus, range(files))
    db = workdir / "crash-ingest.db"
    cmd = [*WIRETRACE, "ingest", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=cli_env())
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline:
        seen = count_rows(db)
        if seen >= kill_after or proc.poll() is not None:
            break
        time.sleep(0.01)
    killed = proc.poll() is None
    workers = descendants(proc.pid)
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    problems = []
    orphans = orphans_after(workers)
    if orphans:
        problems.append(f"{orphans} worker processes outlived the killed ingest")
    integrity = integrity_check(db)
    partial = count_rows(db)
    from wiretrace.ingest.clean import clean

    with Store(db, readonly=True) as store:  # every stored article whole: text and artefacts
        broken = [a.id for a in store.articles()
                  if a.text != (c := clean(a.raw_text, a.title)).text
                  or [(x.kind, x.start, x.end) for x in a.artefacts]
                  != [(x.kind, x.start, x.end) for x in c.artefacts]]
    if broken:
        problems.append(f"{len(broken)} articles not whole after the kill")
    if not 0 < partial < files:
        problems.append(f"kill left {partial} of {files} articles: nothing to test")
    rerun = run_cli("ingest", str(corpus), "--db", str(db), "--quiet")
    with Store(db, readonly=True) as store:
        arts = store.articles()
        shas = {a.sha for a in arts}
        sources = {a.source for a in arts}
    if len(shas) != len(arts) or len(sources) != len(arts):
        problems.append("duplicate articles after the re-run")
    if integrity_check(db) != "ok":
        problems.append("integrity check failed after the re-run")
    return CrashResult(
        "ingest", 1, killed, partial, integrity, "partial", rerun.returncode, len(arts), files,
        files - len(sources), problems, len(workers), orphans,
    )


def _partition(db: Path) -> dict[int, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        rows = con.execute("SELECT article_id, story_id FROM story_articles").fetchall()
        return {int(a): int(s) for a, s in rows}
    finally:
        con.close()


def sigkill_cluster(
    workdir: Path, articles: int = 3000, first: int = 2000, attempts: int = 5, seed: int = 0
) -> CrashResult:
    """Cluster ``first`` articles, add the rest, SIGKILL ``wiretrace cluster`` after a random
    delay (again with ``--full`` if a run finished before the kill); then the stored clustering
    must be the previous one or the new one, whole, and a re-run must complete it."""
    rnd = random.Random(seed)
    db = workdir / "crash-cluster.db"
    seed_articles(db, range(first))
    setup = run_cli("cluster", "--db", str(db), "--quiet")
    problems = [] if setup.returncode == 0 else [f"first cluster failed: {setup.stderr[-300:]}"]
    seed_articles(db, range(first, articles))
    previous = _partition(db)
    killed = False
    tries = 0
    state = "?"
    integrity = "not checked"
    stories_seen = 0
    workers_seen = orphans = 0
    while tries < attempts and not killed:
        tries += 1
        args = ["cluster", "--db", str(db), "--quiet"] + (["--full"] if tries > 1 else [])
        proc = subprocess.Popen([*WIRETRACE, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=cli_env())
        time.sleep(rnd.uniform(1.0, 3.0))
        killed = proc.poll() is None
        workers = descendants(proc.pid)
        workers_seen += len(workers)
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if (left := orphans_after(workers)):
            orphans += left
            problems.append(f"{left} worker processes outlived the killed cluster")
        integrity = integrity_check(db)
        now = _partition(db)
        stories_seen = len(set(now.values()))
        if now == previous:
            state = "previous"
        elif set(now) == set(range(1, articles + 1)):
            state = "new"
        else:
            state = "mixed"
            problems.append(f"after the kill {len(now)} articles are in stories: neither "
                            f"the previous ({len(previous)}) nor all ({articles})")
        if integrity != "ok":
            problems.append(f"integrity check after the kill: {integrity}")
        previous = now
    rerun = run_cli("cluster", "--db", str(db), "--quiet")
    final = _partition(db)
    con = sqlite3.connect(db)
    try:
        in_stories = con.execute("SELECT count(*), count(DISTINCT article_id) FROM story_articles"
                                 ).fetchone()
        empty = con.execute("SELECT count(*) FROM stories WHERE id NOT IN "
                            "(SELECT story_id FROM story_articles)").fetchone()[0]
    finally:
        con.close()
    if in_stories[0] != in_stories[1]:
        problems.append("an article is in more than one story")
    if empty:
        problems.append(f"{empty} stories without articles")
    if integrity_check(db) != "ok":
        problems.append("integrity check failed after the re-run")
    return CrashResult(
        "cluster", tries, killed, stories_seen, integrity, state, rerun.returncode, len(final),
        articles, articles - len(final), problems, workers_seen, orphans,
    )
