from __future__ import annotations

import json
from pathlib import Path

import pytest
from wt_helpers import run_cli


def test_ingest_stats_export(tmp_path: Path, corpus_dir: Path) -> None:
    db = tmp_path / "w.db"
    (corpus_dir / "broken.json").write_text('{"title": "no body"', encoding="utf-8")
    proc = run_cli("ingest", str(corpus_dir), "--db", str(db), "--quiet")
    assert proc.returncode == 1  # something was rejected
    assert "ingested 5 new articles" in proc.stdout
    rejected = [line for line in proc.stderr.splitlines() if line.startswith("rejected:")]
    assert len(rejected) == 1 and "broken.json" in rejected[0]
    assert "Traceback" not in proc.stderr

    again = run_cli("ingest", str(corpus_dir / "story1.txt"), "--db", str(db), "-q")
    assert again.returncode == 0 and "0 new articles, 1 already stored" in again.stdout

    stats = run_cli("stats", "--db", str(db), check=True)
    assert "articles: 5" in stats.stdout and "rejected: 1" in stats.stdout

    export = run_cli("export", "--format", "jsonl", "--db", str(db), check=True)
    records = [json.loads(line) for line in export.stdout.splitlines()]
    assert len(records) == 5
    assert {r["title"] for r in records} == {f"Story number {i}" for i in range(5)}
    for r in records:
        assert r["source"].startswith(str(corpus_dir))
        assert "Officials in Velm" in r["text"]
        assert isinstance(r["artefacts"], list)


def test_ingest_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    lines = "\n".join(json.dumps({"title": f"T{i}", "text": f"Body {i}. " * 20,
                                  "url": f"https://news.example/{i}"}) for i in range(3))
    proc = run_cli("ingest", "-", "--db", str(db), "-q", input=lines + "\nnot json\n")
    assert "ingested 3 new articles" in proc.stdout
    assert proc.returncode == 1 and "line 4" in proc.stderr


def test_extract_json(corpus_dir: Path) -> None:
    proc = run_cli("extract", str(corpus_dir / "story2.txt"), "--json", check=True)
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["title"] == "Story number 2"
    assert record["text"].startswith("Officials in Velm00002")
    assert record["source"] == str(corpus_dir / "story2.txt")


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    proc = run_cli("stats", "--db", str(tmp_path / "missing.db"))
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error:") and len(proc.stderr.strip().splitlines()) == 1
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    proc = run_cli("ingest", str(tmp_path), "--db", str(bad))
    assert proc.returncode == 2 and "cannot open the database" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_cli("ingest", str(tmp_path / "nothing-here"), "--db", str(tmp_path / "n.db"))
    assert proc.returncode == 1 and "nothing-here" in proc.stderr


@pytest.mark.slow
def test_cluster_backends_agree_through_the_cli(tmp_path: Path) -> None:
    """`cluster --backend dask` (a real LocalCluster) stores exactly the local stories."""
    from wiretrace.demo import corpus_path
    from wiretrace.store import Store

    found = []
    for backend in ("local", "dask"):
        db = tmp_path / f"{backend}.db"
        run_cli("ingest", str(corpus_path()), "--db", str(db), "-q", check=True)
        proc = run_cli("cluster", "--db", str(db), "--backend", backend, check=True)
        assert "3 stories" in proc.stdout
        with Store(db) as store:
            found.append(sorted(sorted(s.articles) for s in store.stories()))
            found.append(store.near_duplicates())
    assert found[0] == found[2] and found[1] == found[3]


@pytest.mark.parametrize("stale", ["state version", "rensa version"])
def test_cluster_state_of_an_older_version_means_a_full_run(tmp_path: Path, stale: str) -> None:
    """A saved cluster state from an older wiretrace (or signatures of another MinHash library
    version) is not an error: the next run starts over."""
    import io
    import sqlite3

    import numpy as np

    from wiretrace.demo import corpus_path

    db = tmp_path / "w.db"
    run_cli("ingest", str(corpus_path()), "--db", str(db), "-q", check=True)
    first = run_cli("cluster", "--db", str(db), check=True)
    assert "from scratch" in first.stdout
    assert "incrementally" in run_cli("cluster", "--db", str(db), check=True).stdout
    with sqlite3.connect(db) as conn:
        (key, blob), = conn.execute("SELECT key, value FROM state").fetchall()
        arrays = dict(np.load(io.BytesIO(blob), allow_pickle=False))
        meta = json.loads(bytes(arrays["meta"]).decode())
        if stale == "state version":
            meta["version"] = 1
        else:
            meta["signature"][4] = "0.0.1"
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
        buf = io.BytesIO()
        np.savez(buf, **arrays)
        conn.execute("UPDATE state SET value=? WHERE key=?", (buf.getvalue(), key))
    again = run_cli("cluster", "--db", str(db), check=True)
    assert "from scratch" in again.stdout and "Traceback" not in again.stderr
    assert again.stdout.split("from scratch")[0] == first.stdout.split("from scratch")[0]


def test_crawl_csv_columns_map_and_republished_copies(tmp_path: Path) -> None:
    """A crawl table: which columns were used goes to stderr; identical text from two outlets
    is two articles; reading the table again adds nothing; --map picks another column."""
    body = ("The harbour authority of Port Veloria said on Tuesday that the northern pier would "
            "close for repairs until March. ") * 3
    crawl = tmp_path / "crawl.csv"
    crawl.write_text(
        "id,publisher,scrape_time,paper,text\n"
        f'1,Coast Herald,2018-07-15 10:32,CH,"{body}"\n'
        f'2,Bay Ledger,2018-07-15 11:02,BL,"{body}"\n',
        encoding="utf-8",
    )
    db = tmp_path / "w.db"
    proc = run_cli("ingest", str(crawl), "--db", str(db), "-q", check=True)
    assert "ingested 2 new articles, 0 already stored" in proc.stdout
    assert (f"columns: {crawl}: text=text, site=publisher, published=scrape_time, locator=id"
            in proc.stderr)
    again = run_cli("ingest", str(crawl), "--db", str(db), "-q", check=True)
    assert "0 new articles, 2 already stored" in again.stdout
    export = run_cli("export", "--format", "jsonl", "--db", str(db), check=True)
    records = [json.loads(line) for line in export.stdout.splitlines()]
    assert sorted(r["site"] for r in records) == ["Bay Ledger", "Coast Herald"]
    assert sorted(r["published"] for r in records) == ["2018-07-15T10:32", "2018-07-15T11:02"]

    mapped = run_cli("ingest", str(crawl), "--db", str(tmp_path / "m.db"), "-q",
                     "--map", "site=paper", check=True)
    assert "site=paper" in mapped.stderr
    bad = run_cli("ingest", str(crawl), "--db", str(tmp_path / "m.db"), "--map", "colour=x")
    assert bad.returncode == 2 and "FIELD one of" in bad.stderr
