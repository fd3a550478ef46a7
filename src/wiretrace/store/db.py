"""The SQLite store: one file, WAL, recorded migrations, FTS5 over article text.

Writes go through ``Store.transaction()`` (``BEGIN IMMEDIATE``), so one process writes at a time
and an interrupted run never leaves half a record; readers never block writers (WAL).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wiretrace.errors import NotFound, StoreBusy, StoreError
from wiretrace.model import (
    AlignedPair,
    Alignment,
    Artefact,
    Article,
    Change,
    Claim,
    Derivation,
    Fact,
    FactVariant,
    Rejection,
)
from wiretrace.store.migrations import MIGRATIONS

__all__ = ["Store", "StoredStory"]

_ARTICLE_COLUMNS = (
    "id, sha, source, locator, format, site, url, title, byline, published, language, "
    "text, raw_text"
)


class StoredStory:
    __slots__ = ("id", "title", "articles")

    def __init__(self, id: int, title: str, articles: list[int]) -> None:
        self.id = id
        self.title = title
        self.articles = articles


class Store:
    def __init__(self, path: str | Path, busy_timeout_ms: int = 30_000, readonly: bool = False):
        self.path = Path(path)
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
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from None

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
            for chunk in _chunks(list(ids), 500):
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
        for chunk in _chunks(ids, 500):
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

    # ------------------------------------------------------------------ state blobs
    def get_state(self, key: str) -> bytes | None:
        row = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    # ------------------------------------------------------------------ stories
    def replace_clustering(
        self,
        stories: Sequence[tuple[str, list[int]]],
        near_duplicates: Sequence[tuple[int, int, float, float, float]],
        story_edges: Sequence[tuple[int, int, float, str]],
        signatures: Sequence[tuple[int, str, str, int, int, bytes]] = (),
        state: dict[str, bytes] | None = None,
    ) -> None:
        """Write a clustering result in one transaction. A story keeps its id while its first
        article stays the same, so links to stories survive incremental runs."""
        with self.transaction() as c:
            old = {r[1]: r[0] for r in c.execute("SELECT id, first_article FROM stories")}
            c.execute("DELETE FROM story_articles")
            keep: set[int] = set()
            for title, members in stories:
                first = min(members)
                if first in old:
                    sid = old[first]
                    c.execute("UPDATE stories SET title=? WHERE id=?", (title, sid))
                else:
                    sid = int(
                        c.execute(
                            "INSERT INTO stories(title, first_article) VALUES (?, ?)",
                            (title, first),
                        ).lastrowid
                        or 0
                    )
                keep.add(sid)
                c.executemany(
                    "INSERT INTO story_articles(story_id, article_id) VALUES (?, ?)",
                    [(sid, m) for m in members],
                )
            for sid in set(old.values()) - keep:
                c.execute("DELETE FROM stories WHERE id=?", (sid,))
            c.execute("DELETE FROM near_duplicates")
            c.executemany("INSERT INTO near_duplicates VALUES (?,?,?,?,?)", near_duplicates)
            c.execute("DELETE FROM story_edges")
            c.executemany("INSERT INTO story_edges VALUES (?,?,?,?)", story_edges)
            c.executemany(
                "INSERT OR REPLACE INTO signatures(article_id, algorithm, version, num_perm, "
                "shingle, data) VALUES (?,?,?,?,?,?)",
                signatures,
            )
            for key, value in (state or {}).items():
                c.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)", (key, value))

    def signature_ids(self) -> set[int]:
        return {r[0] for r in self.conn.execute("SELECT article_id FROM signatures")}

    def signatures(self) -> list[tuple[int, str, str, int, int, bytes]]:
        return [
            tuple(r)
            for r in self.conn.execute(  # type: ignore[misc]
                "SELECT article_id, algorithm, version, num_perm, shingle, data FROM signatures "
                "ORDER BY article_id"
            )
        ]

    def stories(self) -> list[StoredStory]:
        members: dict[int, list[int]] = {}
        for sid, aid in self.conn.execute(
            "SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id"
        ):
            members.setdefault(sid, []).append(aid)
        rows = self.conn.execute("SELECT id, title FROM stories ORDER BY id").fetchall()
        return [StoredStory(r[0], r[1], members.get(r[0], [])) for r in rows]

    def story(self, story_id: int) -> StoredStory:
        for s in self.stories():
            if s.id == story_id:
                return s
        raise NotFound(f"no story with id {story_id}; 'wiretrace stories' lists them")

    def story_of(self, article_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id=?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def near_duplicates(self) -> list[tuple[int, int, float, float, float]]:
        return [
            tuple(r)
            for r in self.conn.execute(  # type: ignore[misc]
                "SELECT a, b, jaccard, containment_ab, containment_ba FROM near_duplicates "
                "ORDER BY a, b"
            )
        ]

    def story_edges(self) -> list[tuple[int, int, float, str]]:
        return [
            tuple(r)
            for r in self.conn.execute(  # type: ignore[misc]
                "SELECT a, b, score, evidence FROM story_edges ORDER BY a, b"
            )
        ]

    # ------------------------------------------------------------------ provenance and claims
    def replace_story_analysis(
        self,
        story_id: int,
        alignments: Sequence[Alignment] = (),
        derivations: Sequence[Derivation] = (),
        claims: Sequence[Claim] = (),
        changes: Sequence[Change] = (),
        facts: Sequence[Fact] = (),
        article_ids: Sequence[int] = (),
    ) -> None:
        """Replace everything the trace and claims stages stored for one story, atomically."""
        with self.transaction() as c:
            c.execute("DELETE FROM alignments WHERE story_id=?", (story_id,))
            c.execute("DELETE FROM derivations WHERE story_id=?", (story_id,))
            c.execute("DELETE FROM changes WHERE story_id=?", (story_id,))
            c.execute("DELETE FROM facts WHERE story_id=?", (story_id,))
            for aid in article_ids:
                c.execute("DELETE FROM claims WHERE article_id=?", (aid,))
                c.execute("DELETE FROM alignments WHERE a=? OR b=?", (aid, aid))
                c.execute("DELETE FROM derivations WHERE article_id=?", (aid,))
            c.executemany(
                "INSERT OR REPLACE INTO alignments VALUES (?,?,?,?,?,?)",
                [
                    (
                        story_id,
                        al.a,
                        al.b,
                        al.reuse_a,
                        al.reuse_b,
                        json.dumps(
                            [
                                [list(p.a_span), list(p.b_span), p.kind, round(p.score, 4)]
                                for p in al.pairs
                            ]
                        ),
                    )
                    for al in alignments
                ],
            )
            c.executemany(
                "INSERT OR REPLACE INTO derivations VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        d.article,
                        story_id,
                        d.type,
                        d.parent,
                        d.upstream,
                        d.score,
                        json.dumps(d.evidence),
                    )
                    for d in derivations
                ],
            )
            c.executemany(
                'INSERT INTO claims(article_id, kind, start, "end", text, subject, predicate, '
                "value, attributed_to) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (
                        cl.article,
                        cl.kind,
                        cl.span[0],
                        cl.span[1],
                        cl.text,
                        cl.subject,
                        cl.predicate,
                        json.dumps(cl.value) if cl.value is not None else None,
                        cl.attributed_to,
                    )
                    for cl in claims
                ],
            )
            c.executemany(
                "INSERT INTO changes(story_id, article, versus, kind, text, versus_text, "
                "explanation, span, versus_span) VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (
                        story_id,
                        ch.article,
                        ch.versus,
                        ch.kind,
                        ch.text,
                        ch.versus_text,
                        ch.explanation,
                        json.dumps(ch.span) if ch.span else None,
                        json.dumps(ch.versus_span) if ch.versus_span else None,
                    )
                    for ch in changes
                ],
            )
            c.executemany(
                "INSERT INTO facts(story_id, statement, support, variants, disputed) "
                "VALUES (?,?,?,?,?)",
                [
                    (
                        story_id,
                        f.statement,
                        json.dumps(f.support),
                        json.dumps([{"text": v.text, "articles": v.articles} for v in f.variants]),
                        int(f.disputed),
                    )
                    for f in facts
                ],
            )

    def alignments(self, story_id: int) -> list[Alignment]:
        out = []
        for r in self.conn.execute(
            "SELECT a, b, reuse_a, reuse_b, pairs FROM alignments WHERE story_id=? ORDER BY a, b",
            (story_id,),
        ):
            pairs = [
                AlignedPair((p[0][0], p[0][1]), (p[1][0], p[1][1]), p[2], p[3])
                for p in json.loads(r[4])
            ]
            out.append(Alignment(r[0], r[1], r[2], r[3], pairs))
        return out

    def derivations(self, story_id: int | None = None) -> list[Derivation]:
        sql = "SELECT article_id, type, parent, upstream, score, evidence FROM derivations"
        args: tuple[Any, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id=?"
            args = (story_id,)
        return [
            Derivation(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
            for r in self.conn.execute(sql + " ORDER BY article_id", args)
        ]

    def claims(self, article_ids: Sequence[int]) -> list[Claim]:
        out: list[Claim] = []
        for chunk in _chunks(list(article_ids), 500):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f'SELECT article_id, start, "end", kind, subject, predicate, value, '
                f"attributed_to, text FROM claims WHERE article_id IN ({marks}) "
                f"ORDER BY article_id, start",
                chunk,
            ):
                out.append(
                    Claim(
                        r[0],
                        (r[1], r[2]),
                        r[3],
                        r[4],
                        r[5],
                        json.loads(r[6]) if r[6] else None,
                        r[7],
                        r[8],
                    )
                )
        return out

    def changes(self, story_id: int | None = None) -> list[Change]:
        sql = (
            "SELECT article, versus, kind, text, versus_text, explanation, span, versus_span "
            "FROM changes"
        )
        args: tuple[Any, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id=?"
            args = (story_id,)
        return [
            Change(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                tuple(json.loads(r[6])) if r[6] else None,  # type: ignore[arg-type]
                tuple(json.loads(r[7])) if r[7] else None,
            )  # type: ignore[arg-type]
            for r in self.conn.execute(sql + " ORDER BY id", args)
        ]

    def facts(self, story_id: int) -> list[Fact]:
        return [
            Fact(
                r[0],
                json.loads(r[1]),
                [FactVariant(v["text"], v["articles"]) for v in json.loads(r[2])],
                bool(r[3]),
            )
            for r in self.conn.execute(
                "SELECT statement, support, variants, disputed FROM facts WHERE story_id=? "
                "ORDER BY id",
                (story_id,),
            )
        ]


def _article(r: sqlite3.Row, artefacts: list[Artefact]) -> Article:
    return Article(
        id=r["id"],
        sha=r["sha"],
        source=r["source"],
        locator=r["locator"],
        format=r["format"],
        site=r["site"],
        url=r["url"],
        title=r["title"],
        byline=r["byline"],
        published=r["published"],
        language=r["language"],
        text=r["text"],
        raw_text=r["raw_text"],
        artefacts=artefacts,
    )


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


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
