"""The SQLite store: one file, WAL, recorded migrations, FTS5 over article text.

Writes go through ``Store.transaction()`` (``BEGIN IMMEDIATE``), so one process writes at a time
and an interrupted run never leaves half a record; readers never block writers (WAL).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from wiretrace.errors import NotFound, StoreBusy, StoreError
from wiretrace.model import Artefact, Article, Rejection
from wiretrace.store.analysis import AnalysisStore, StoredStory, chunks
from wiretrace.store.listing import StoryListing
from wiretrace.store.migrations import MIGRATIONS
from wiretrace.store.schema import check_schema

__all__ = ["Store", "StoredStory"]

# errors that one article's data can cause in a write (a string SQLite cannot take, a number
# too large): its batch is retried article by article
_ITEM_ERRORS = (ValueError, OverflowError, sqlite3.IntegrityError, sqlite3.InterfaceError,
                sqlite3.DataError, sqlite3.ProgrammingError)

# ids SQLite can hold (a larger one names no article; binding it would raise OverflowError)
_ROWID_MIN, _ROWID_MAX = -(2**63), 2**63 - 1

# the article columns read back into an ``Article``, named as its fields
_ARTICLE_FIELDS = (
    "id", "sha", "source", "locator", "format", "site", "url", "title", "byline", "published",
    "language", "text", "raw_text",
)
_ARTICLE_COLUMNS = ", ".join(_ARTICLE_FIELDS)


class Store(AnalysisStore, StoryListing):
    """The database of one corpus: connection, migrations, transactions, articles and rejections;
    the clustering and the story analysis come from ``AnalysisStore``."""

    def __init__(self, path: str | Path, busy_timeout_ms: int = 30_000, readonly: bool = False):
        self.path = Path(path)
        # Opening a new database races with another process creating it: switching it to WAL
        # and its first migration lock the file, and SQLite reports "database is locked" there
        # without waiting on the busy timeout. Opening is retried until the timeout runs out.
        deadline = time.monotonic() + busy_timeout_ms / 1000
        while True:
            try:
                self._open(busy_timeout_ms, readonly)
                return
            except StoreError as exc:
                if "database is locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def _open(self, busy_timeout_ms: int, readonly: bool) -> None:
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(
                        f"{self.path}: no such database; run 'wiretrace ingest PATH' first"
                    )
                uri = f"file:{self.path}?mode=ro"
                self.conn = sqlite3.connect(
                    uri,
                    uri=True,
                    timeout=busy_timeout_ms / 1000,
                    check_same_thread=False,
                    isolation_level=None,
                )
            else:
                self.conn = sqlite3.connect(
                    self.path,
                    timeout=busy_timeout_ms / 1000,
                    check_same_thread=False,
                    isolation_level=None,
                )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            check_schema(self.conn, self.path, len(MIGRATIONS), readonly)
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(AttributeError, sqlite3.Error):
                self.conn.close()
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from None
        except StoreError:
            with contextlib.suppress(AttributeError, sqlite3.Error):
                self.conn.close()
            raise

    # ------------------------------------------------------------------ plumbing
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusy(
                    f"{self.path}: another wiretrace process is writing to this database; "
                    "wait for it to finish and run the command again"
                ) from None
            raise StoreError(f"{self.path}: {exc}") from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self.transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT "
                "NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
            )
            done = {r[0] for r in c.execute("SELECT version FROM migrations")}
            for version, (name, sql) in enumerate(MIGRATIONS, start=1):
                if version in done:
                    continue
                for statement in _statements(sql):
                    c.execute(statement)
                c.execute("INSERT INTO migrations(version, name) VALUES (?, ?)", (version, name))

    def migrations(self) -> list[tuple[int, str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT * FROM migrations ORDER BY version")]

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------------ ingest
    def add_articles(self, articles: Iterable[Article]) -> tuple[list[int], int]:
        """Store articles in one transaction; returns (new ids, number already stored)."""
        new_ids: list[int] = []
        duplicates = 0
        with self.transaction() as c:
            for art in articles:
                cur = c.execute(
                    "INSERT OR IGNORE INTO articles(sha, source, locator, format, site, url, "
                    "title, byline, published, language, text, raw_text) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        art.sha,
                        art.source,
                        art.locator,
                        art.format,
                        art.site,
                        art.url,
                        art.title,
                        art.byline,
                        art.published,
                        art.language,
                        art.text,
                        art.raw_text,
                    ),
                )
                if cur.rowcount == 0:
                    duplicates += 1
                    continue
                art.id = int(cur.lastrowid or 0)
                new_ids.append(art.id)
                c.executemany(
                    'INSERT INTO artefacts(article_id, kind, start, "end", text) '
                    "VALUES (?,?,?,?,?)",
                    [(art.id, a.kind, a.start, a.end, a.text) for a in art.artefacts],
                )
        return new_ids, duplicates

    def add_articles_salvaging(
        self, articles: Sequence[Article]
    ) -> tuple[list[int], int, list[Rejection]]:
        """``add_articles``, but one article that cannot be written costs only itself: when the
        batch fails on its data, each article is written in its own transaction and one that
        still fails comes back as a ``Rejection``. Returns (new ids, already stored, rejected).
        A busy or broken database (``StoreError``, ``sqlite3.OperationalError``) still raises."""
        try:
            ids, duplicates = self.add_articles(articles)
            return ids, duplicates, []
        except _ITEM_ERRORS:
            pass
        ids, duplicates, failed = [], 0, []
        for art in articles:
            art.id = None
            try:
                new, dup = self.add_articles([art])
            except _ITEM_ERRORS as exc:
                label = art.source if not art.locator else f"{art.source} ({art.locator})"
                failed.append(Rejection(label, f"cannot be stored: {type(exc).__name__}: {exc}"))
                continue
            ids += new
            duplicates += dup
        return ids, duplicates, failed

    def add_rejections(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO rejections(source, reason) VALUES (?, ?)",
                [(r.source, r.reason) for r in rejections],
            )

    def add_links(self, links: Sequence[tuple[str, str, str | None, str | None]]) -> int:
        """Feed entries with only a link: (url, source, title, published). Returns new count."""
        if not links:
            return 0
        with self.transaction() as c:
            before = c.total_changes
            c.executemany(
                "INSERT OR IGNORE INTO links(url, source, title, published) VALUES (?,?,?,?)", links
            )
            return c.total_changes - before

    def has_sha(self, sha: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM articles WHERE sha=?", (sha,)).fetchone() is not None
        )

    # ------------------------------------------------------------------ read articles
    def article_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def articles(self, ids: Sequence[int] | None = None) -> list[Article]:
        if ids is None:
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id"
            ).fetchall()
        else:
            rows = []
            for chunk in chunks([i for i in ids if _ROWID_MIN <= i <= _ROWID_MAX], 500):
                marks = ",".join("?" * len(chunk))
                rows += self.conn.execute(
                    f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
                ).fetchall()
            rows.sort(key=lambda r: r["id"])
        artefacts = self._artefacts([r["id"] for r in rows])
        return [_article(r, artefacts.get(r["id"], [])) for r in rows]

    def iter_articles(self, batch: int = 1000) -> Iterator[Article]:
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            artefacts = self._artefacts([r["id"] for r in rows])
            for r in rows:
                yield _article(r, artefacts.get(r["id"], []))
            last = rows[-1]["id"]

    def article(self, article_id: int) -> Article:
        found = self.articles([article_id])
        if not found:
            raise NotFound(f"no article with id {article_id}; 'wiretrace export' lists them")
        return found[0]

    def _artefacts(self, ids: list[int]) -> dict[int, list[Artefact]]:
        out: dict[int, list[Artefact]] = {}
        for chunk in chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f'SELECT article_id, kind, start, "end", text FROM artefacts '
                f"WHERE article_id IN ({marks}) ORDER BY article_id, start",
                chunk,
            ):
                out.setdefault(r[0], []).append(Artefact(r[1], r[2], r[3], r[4]))
        return out

    def search(self, query: str, limit: int = 200) -> list[int]:
        """Article ids matching an FTS5 query over title and text (plain words are ANDed)."""
        cleaned = "".join(ch if ch.isprintable() else " " for ch in query).replace('"', " ")
        terms = [t for t in cleaned.split() if t]
        if not terms:
            return []
        fts_query = " ".join(f'"{t}"' for t in terms)
        rows = self.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts_query, limit),
        )
        return [r[0] for r in rows]

    def rejections(self) -> list[Rejection]:
        return [
            Rejection(r[0], r[1])
            for r in self.conn.execute("SELECT source, reason FROM rejections ORDER BY id")
        ]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in (
            "articles",
            "artefacts",
            "rejections",
            "links",
            "stories",
            "derivations",
            "claims",
            "changes",
            "facts",
        ):
            out[table] = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["sites"] = int(
            self.conn.execute(
                "SELECT count(DISTINCT site) FROM articles WHERE site IS NOT NULL"
            ).fetchone()[0]
        )
        return out

    def artefact_counts(self) -> dict[str, int]:
        return {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT kind, count(*) FROM artefacts GROUP BY kind ORDER BY count(*) DESC, kind"
            )
        }

    def site_counts(self) -> dict[str, int]:
        return {
            r[0] or "(unknown)": r[1]
            for r in self.conn.execute(
                "SELECT site, count(*) FROM articles GROUP BY site ORDER BY count(*) DESC, site"
            )
        }


def _article(r: sqlite3.Row, artefacts: list[Artefact]) -> Article:
    return Article(**{name: r[name] for name in _ARTICLE_FIELDS}, artefacts=artefacts)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out, buf = [], ""
    for line in sql.strip().splitlines():
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
