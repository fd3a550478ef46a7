"""Concurrency: a real server answering a mixed load while ``ingest`` and ``cluster`` write the
same database, and two ``wiretrace ingest`` runs writing one database at once."""

from __future__ import annotations

import contextlib
import random
import socket
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wiretrace.model import Rejection
from wiretrace.reliability.harness import (
    WIRETRACE,
    cli_env,
    integrity_check,
    run_cli,
    seed_articles,
    write_good_texts,
)
from wiretrace.settings import Settings
from wiretrace.store import Store

__all__ = [
    "ConcurrentIngestResult",
    "ServeResult",
    "concurrent_ingests",
    "free_port",
    "running_server",
    "serve_under_writes",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(db: Path, log: Path, port: int | None = None) -> Iterator[str]:
    """``wiretrace serve`` as a subprocess on 127.0.0.1; yields its base URL once it answers."""
    import httpx

    port = port or free_port()
    with log.open("wb") as errors:
        proc = subprocess.Popen(
            [*WIRETRACE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=errors, env=cli_env(),
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"the server exited: {log.read_text()[-2000:]}")
                try:
                    if httpx.get(base + "/stories.json", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not answer within 60 s")
                time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@dataclass(slots=True)
class ServeResult:
    requests: int
    statuses: Counter[int]
    errors: list[str]  # unexpected statuses and connection errors, with the URL
    seconds: float
    during_writes: int  # requests answered while a writer was running
    writer_exits: dict[str, int]
    writer_errors: list[str]
    integrity: str
    articles: int
    expected_articles: int
    distinct_shas: int
    unclustered: int
    server_tracebacks: int

    @property
    def ok(self) -> bool:
        return (
            not self.errors
            and self.requests == sum(self.statuses.values())
            and all(code == 0 for code in self.writer_exits.values())
            and not self.writer_errors
            and self.integrity == "ok"
            and self.articles == self.expected_articles == self.distinct_shas
            and self.unclustered == 0
            and self.server_tracebacks == 0
        )


def _targets(rnd: random.Random, base_ids: int, new_ids: int, stories: list[int]
             ) -> list[tuple[str, set[int]]]:
    """(path, allowed statuses) for one mixed load."""
    fixed: list[tuple[str, set[int]]] = [
        ("/", {200}), ("/stories", {200}), ("/stories.json", {200}), ("/sites", {200}),
        ("/sites.json", {200}), ("/stories.json?q=harbour", {200}), ("/stories?page=2", {200}),
        ("/articles/987654321", {404}), ("/stories/987654321.json", {404}), ("/nothing", {404}),
    ]
    out: list[tuple[str, set[int]]] = []
    for _ in range(400):
        out.append(rnd.choice(fixed))
        aid = rnd.randint(1, base_ids)
        out.append((f"/articles/{aid}" + rnd.choice(("", ".json")), {200}))
        new = rnd.randint(base_ids + 1, base_ids + new_ids)  # stored while the load runs
        out.append((f"/articles/{new}.json", {200, 404}))
        sid = rnd.choice(stories)  # a story can be merged away by a concurrent cluster run
        out.append((f"/stories/{sid}" + rnd.choice(("", ".json")), {200, 404}))
        out.append(rnd.choice(fixed))
    return out


def _load(base: str, targets: list[tuple[str, set[int]]], threads: int, busy: threading.Event
          ) -> tuple[Counter[int], list[str], int]:
    import httpx

    statuses: Counter[int] = Counter()
    errors: list[str] = []
    during = 0
    lock = threading.Lock()
    chunks = [targets[i::threads] for i in range(threads)]

    def worker(chunk: list[tuple[str, set[int]]]) -> None:
        nonlocal during
        with httpx.Client(base_url=base, timeout=60) as client:
            for path, allowed in chunk:
                writing = busy.is_set()
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(f"{path}: {type(exc).__name__}: {exc}")
                    continue
                with lock:
                    statuses[status] += 1
                    during += writing and busy.is_set()
                    if status not in allowed:
                        errors.append(f"{path}: HTTP {status}")

    pool = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return statuses, errors, during


def serve_under_writes(workdir: Path, requests: int = 2000, threads: int = 4,
                       base_articles: int = 300, new_articles: int = 700) -> ServeResult:
    """A real server answers a mixed load while ``ingest`` and ``cluster`` write the same db."""
    from wiretrace.pipeline import cluster

    db = workdir / "serve.db"
    seed_articles(db, range(base_articles))
    with Store(db) as store:
        cluster(store, Settings(db=db, workers=1))
        stories = [s.id for s in store.stories()]
    corpus = workdir / "serve-new"
    write_good_texts(corpus, range(base_articles, base_articles + new_articles), prefix="n-")
    rnd = random.Random(3)
    targets = _targets(rnd, base_articles, new_articles, stories)
    targets = (targets * (requests // len(targets) + 1))[:requests]
    rnd.shuffle(targets)

    busy = threading.Event()
    exits: dict[str, int] = {}
    writer_errors: list[str] = []

    def writers() -> None:
        busy.set()
        try:
            ingest = subprocess.Popen(
                [*WIRETRACE, "ingest", str(corpus), "--db", str(db), "--quiet"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=cli_env(),
            )
            time.sleep(1.0)  # cluster starts while ingest writes
            first = run_cli("cluster", "--db", str(db), "--quiet")
            _, ingest_err = ingest.communicate(timeout=300)
            second = run_cli("cluster", "--db", str(db), "--quiet")
            exits.update(ingest=ingest.returncode, cluster=first.returncode,
                         cluster_again=second.returncode)
            for err in (ingest_err, first.stderr, second.stderr):
                if err.strip():
                    writer_errors.append(err.strip()[-500:])
        finally:
            busy.clear()

    log = workdir / "serve.log"
    with running_server(db, log) as base:
        thread = threading.Thread(target=writers)
        start = time.monotonic()
        thread.start()
        while not busy.is_set():
            time.sleep(0.01)
        statuses, errors, during = _load(base, targets, threads, busy)
        seconds = time.monotonic() - start
        thread.join()
    con = sqlite3.connect(db)
    try:
        articles, shas = con.execute("SELECT count(*), count(DISTINCT sha) FROM articles"
                                     ).fetchone()
        unclustered = con.execute("SELECT count(*) FROM articles WHERE id NOT IN "
                                  "(SELECT article_id FROM story_articles)").fetchone()[0]
    finally:
        con.close()
    return ServeResult(
        requests=requests, statuses=statuses, errors=errors, seconds=seconds,
        during_writes=during, writer_exits=exits, writer_errors=writer_errors,
        integrity=integrity_check(db), articles=articles,
        expected_articles=base_articles + new_articles, distinct_shas=shas,
        unclustered=unclustered, server_tracebacks=log.read_text().count("Traceback"),
    )


# ------------------------------------------------------------------------------ writers
@dataclass(slots=True)
class ConcurrentIngestResult:
    exits: list[int]
    stderr: list[str]
    articles: int
    distinct_shas: int
    expected: int
    integrity: str
    busy_message: str  # what a writer that cannot get the lock in time is told

    @property
    def busy_exits_clear(self) -> bool:
        """Every failed writer failed with the StoreBusy message, and nothing else."""
        return all(
            code == 0 or (code == 2 and "another wiretrace process is writing" in err)
            for code, err in zip(self.exits, self.stderr, strict=True)
        ) and not any("Traceback" in err for err in self.stderr)

    @property
    def ok(self) -> bool:
        stored_all = all(code == 0 for code in self.exits) and self.articles == self.expected
        return (
            self.busy_exits_clear
            and self.integrity == "ok"
            and self.articles == self.distinct_shas
            and (stored_all or any(code != 0 for code in self.exits))
            and "another wiretrace process is writing" in self.busy_message
        )


def concurrent_ingests(
    workdir: Path, each: int = 400, overlap: int = 200
) -> ConcurrentIngestResult:
    """Two ``wiretrace ingest`` runs at once into one new db, over overlapping folders."""
    from wiretrace.errors import StoreBusy

    a = workdir / "writer-a"
    b = workdir / "writer-b"
    write_good_texts(a, range(each))
    write_good_texts(b, range(each - overlap, 2 * each - overlap))
    db = workdir / "two-writers.db"
    procs = [
        subprocess.Popen([*WIRETRACE, "ingest", str(folder), "--db", str(db), "--quiet"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         env=cli_env())
        for folder in (a, b)
    ]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    con = sqlite3.connect(db)
    try:
        articles, shas = con.execute("SELECT count(*), count(DISTINCT sha) FROM articles"
                                     ).fetchone()
    finally:
        con.close()
    integrity = integrity_check(db)
    # a writer that cannot get the lock within its busy timeout is told so, clearly
    holder = sqlite3.connect(db, isolation_level=None)
    message = ""
    try:
        holder.execute("BEGIN IMMEDIATE")
        try:
            with Store(db, busy_timeout_ms=200) as store:
                store.add_rejections([Rejection("x", "never written")])
        except StoreBusy as exc:
            message = str(exc)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    return ConcurrentIngestResult(
        exits=[p.returncode for p in procs], stderr=errs, articles=articles, distinct_shas=shas,
        expected=2 * each - overlap, integrity=integrity, busy_message=message,
    )
