"""Is this file a wiretrace database, of a schema this wiretrace knows? Checked on opening,
before anything is read or migrated, so that a stray file is an ``error:`` line and never a
traceback, and a foreign SQLite database is never written into."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wiretrace.errors import StoreError

__all__ = ["check_schema"]


def check_schema(conn: sqlite3.Connection, path: Path, known: int, readonly: bool) -> None:
    """Raise ``StoreError`` unless ``path`` is empty (a new database; refused when read-only)
    or a wiretrace database whose recorded migrations this version knows (``known``).
    ``sqlite3.DatabaseError`` (not a database, corrupt) passes to the caller."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        if readonly:
            raise StoreError(f"{path}: an empty database; run 'wiretrace ingest PATH' first")
        return
    if "migrations" not in tables or "articles" not in tables:
        raise StoreError(f"{path}: an SQLite database, but not one of wiretrace; "
                         "pass --db with a wiretrace database or a new file name")
    newest = conn.execute("SELECT max(version) FROM migrations").fetchone()[0] or 0
    if newest > known:
        raise StoreError(f"{path}: made by a newer wiretrace (schema version {newest}, this one "
                         f"knows up to {known}); upgrade wiretrace to read it")
