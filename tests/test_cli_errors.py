"""Every user error is one `error:` line and exit 2: stray or damaged database files, ids too
large for SQLite, output folders that do not exist (checked before any work)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from wt_helpers import fictional_article, run_cli

from wiretrace.store import Store
from wiretrace.store.migrations import MIGRATIONS

READERS = [("stats",), ("stories",), ("show", "1"), ("export",), ("sites",),
           ("report", "--format", "md"), ("claims",)]


def _one_error(proc: object, *fragments: str) -> str:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)  # type: ignore[attr-defined]
    err: str = proc.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    text = tmp_path / "notes.db"
    text.write_text("These are my notes, not a database.\n" * 50)
    corrupt = tmp_path / "corrupt.db"
    with Store(corrupt) as store:
        store.add_articles([])
    data = bytearray(corrupt.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the page after the header: garbage
    corrupt.write_bytes(bytes(data))
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    newer = tmp_path / "newer.db"
    Store(newer).close()
    con = sqlite3.connect(newer)
    con.execute("INSERT INTO migrations(version, name) VALUES (?, 'from the future')",
                (len(MIGRATIONS) + 1,))
    con.commit()
    con.close()
    return {"text": text, "corrupt": corrupt, "foreign": foreign, "newer": newer}


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_file_that_is_not_a_database(tmp_path: Path, command: tuple[str, ...]) -> None:
    bad = _bad_files(tmp_path)["text"]
    _one_error(run_cli(*command, "--db", str(bad)), str(bad))


@pytest.mark.parametrize("kind", ["corrupt", "foreign", "newer"])
def test_damaged_foreign_and_newer_databases(tmp_path: Path, kind: str) -> None:
    bad = _bad_files(tmp_path)[kind]
    before = bad.read_bytes()
    for command in (("stats",), ("ingest", str(tmp_path / "none.txt"))):
        line = _one_error(run_cli(*command, "--db", str(bad)), str(bad))
        if kind == "foreign":
            assert "not one of wiretrace" in line
        if kind == "newer":
            assert "newer wiretrace" in line
    assert bad.read_bytes() == before  # never written into


def test_ids_too_large_for_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    text = tmp_path / "a.txt"
    text.write_text(f"A title\n\n{fictional_article(1)}\n")
    run_cli("ingest", str(text), "--db", str(db), "-q", check=True)
    _one_error(run_cli("show", "99999999999999999999", "--db", str(db)), "no article")
    _one_error(run_cli("show", "9223372036854775808", "--db", str(db)), "no article")


def test_report_into_a_missing_folder(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Store(db).close()
    target = tmp_path / "missing" / "r.md"
    _one_error(run_cli("report", "--format", "md", "--out", str(target), "--db", str(db)),
               "no such folder")
    assert not target.parent.exists()


def test_analyze_checks_its_outputs_before_running(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(f"A title\n\n{fictional_article(1)}\n")
    db = tmp_path / "w.db"
    _one_error(run_cli("analyze", str(text), "--db", str(db), "--json",
                       str(tmp_path / "missing" / "r.json")), "--json", "no such folder")
    assert not db.exists()  # nothing ran
    _one_error(run_cli("analyze", str(text), "--db", str(db), "--html", str(tmp_path)),
               "is a folder")
