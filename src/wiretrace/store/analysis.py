"""The story side of the store: the clustering (stories, near duplicates, story edges,
signatures, state blobs) and each story's analysis (alignments, derivations, claims, changes,
facts). ``Store`` takes these methods from ``AnalysisStore``; they share its connection and its
``transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from wiretrace.errors import NotFound
from wiretrace.model import (
    AlignedPair,
    Alignment,
    Change,
    Claim,
    Derivation,
    Fact,
    FactVariant,
)

__all__ = ["AnalysisStore", "StoredStory", "chunks"]


class StoredStory:
    __slots__ = ("id", "title", "articles")

    def __init__(self, id: int, title: str, articles: list[int]) -> None:
        self.id = id
        self.title = title
        self.articles = articles


def chunks(items: list[int], size: int) -> Iterator[list[int]]:
    """``items`` in runs of ``size``, short enough for one SQL ``IN (...)`` list."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


class AnalysisStore:
    """Stories and story analysis; mixed into ``Store``, which opens the connection."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

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
            c.execute("UPDATE stories SET size = (SELECT count(*) FROM story_articles "
                      "WHERE story_id = stories.id)")  # the story list sorts on it (listing)
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
        for chunk in chunks(list(article_ids), 500):
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
