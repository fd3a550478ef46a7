"""The story list is paged in SQL: the same rows as filtering every story in Python, without
reading every story and article per request; a migrated database gets its story sizes."""

from __future__ import annotations

import math
import random
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from wiretrace.model import DERIVATION_TYPES
from wiretrace.store import Store
from wiretrace.web.context import PAGE_SIZE, stories_context

SITES = ["north.example", "south.example", "east.example", None]
WORDS = ["harbour", "ferry", "bridge", "storm", "council", "strike"]


def _build(db: Path, n: int = 600, seed: int = 3) -> None:
    rnd = random.Random(seed)
    with Store(db) as store:
        con = store.conn
        con.executemany(
            "INSERT INTO articles(id, sha, source, site, title, published, text, raw_text) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [(i, f"s{i}", f"a{i}.txt", rnd.choice(SITES), f"Title {i} {rnd.choice(WORDS)}",
              rnd.choice([None, "", f"2026-07-{1 + rnd.randrange(28):02d}T08:00:00Z",
                          f"2026-06-{1 + rnd.randrange(30):02d}"]),
              f"The {rnd.choice(WORDS)} and the {rnd.choice(WORDS)} report {i}.", "raw")
             for i in range(1, n + 1)])
        stories, left = [], list(range(1, n + 1))
        rnd.shuffle(left)
        while left:
            size = min(len(left), rnd.choice([1, 1, 1, 2, 3, 5, 8, 40]))
            members, left = sorted(left[:size]), left[size:]
            stories.append((f"Story of {members[0]}", members))
        store.replace_clustering(stories, [], [])
        con.executemany(
            "INSERT INTO derivations(article_id, story_id, type, score, evidence) "
            "SELECT sa.article_id, sa.story_id, ?, 1.0, '[]' FROM story_articles sa "
            "WHERE sa.article_id % 7 = ?",
            [(DERIVATION_TYPES[k], k) for k in range(7)][:5])


def _reference(store: Store, q: str, site: str, date_from: str, date_to: str,
               page: int) -> dict[str, Any]:
    """The list as it was computed before: every story and member read, filtered in Python."""
    meta = {int(r[0]): r for r in store.conn.execute(
        "SELECT a.id, a.site, a.published, a.title FROM articles a "
        "JOIN story_articles sa ON sa.article_id = a.id")}
    types = {int(r[0]): r[1]
             for r in store.conn.execute("SELECT article_id, type FROM derivations")}
    matches = set(store.search(q, limit=2000)) if q else None
    rows = []
    for story in store.stories():
        members = [meta[i] for i in story.articles if i in meta]
        hits = [m for m in members if matches is None or int(m[0]) in matches]
        if matches is not None and not hits:
            continue
        if site and not any((m[1] or "") == site for m in members):
            continue
        days = sorted((m[2] or "")[:10] for m in members if m[2])
        if (date_from or date_to) and not any(
                (date_from or "0000") <= d <= (date_to or "9999") for d in days):
            continue
        counts = Counter(types.get(int(m[0]), "untraced") for m in members)
        rows.append({
            "id": story.id, "title": story.title, "size": len(members),
            "sites": sorted({m[1] for m in members if m[1]}),
            "first_published": days[0] if days else None,
            "last_published": days[-1] if days else None,
            "derivations": {t: counts[t] for t in (*DERIVATION_TYPES, "untraced") if counts[t]},
            "matches": [{"id": int(m[0]), "title": m[3], "site": m[1]} for m in hits[:5]]
            if matches is not None else [],
            "match_count": len(hits) if matches is not None else 0,
        })
    if matches is not None:
        rows.sort(key=lambda r: (-r["match_count"], -r["size"], r["id"]))
    else:
        rows.sort(key=lambda r: (-r["size"], r["id"]))
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    page = min(page, pages)
    return {"total": len(rows), "pages": pages, "page": page,
            "stories": rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]}


QUERIES = [("", "", "", "", 1), ("", "", "", "", 2), ("", "", "", "", 99),
           ("", "north.example", "", "", 1), ("", "", "2026-07-03", "2026-07-09", 1),
           ("", "", "2026-07-20", "", 1), ("", "", "", "2026-06-10", 1),
           ("ferry", "", "", "", 1), ("ferry storm", "south.example", "2026-07-01", "", 1),
           ("nothingmatches", "", "", "", 1)]


@pytest.mark.parametrize("q,site,date_from,date_to,page", QUERIES)
def test_same_rows_as_filtering_every_story(
    tmp_path_factory: pytest.TempPathFactory, q: str, site: str, date_from: str, date_to: str,
    page: int,
) -> None:
    db = tmp_path_factory.getbasetemp() / "story-list.db"
    if not db.exists():
        _build(db)
    with Store(db, readonly=True) as store:
        expected = _reference(store, q, site, date_from, date_to, page)
        got = stories_context(store, q=q, site=site, date_from=date_from, date_to=date_to,
                              page=page)
    assert {k: got[k] for k in expected} == expected


def test_a_page_reads_only_its_own_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(tmp_path / "w.db", n=300)

    def everything(*args: object, **kwargs: object) -> None:
        raise AssertionError("the story list read every story or article")

    with Store(tmp_path / "w.db", readonly=True) as store:
        monkeypatch.setattr(Store, "stories", everything)
        monkeypatch.setattr(Store, "articles", everything)
        ctx = stories_context(store, site="east.example", page=2)
    assert ctx["stories"] and len(ctx["stories"]) <= PAGE_SIZE


def test_story_sizes_after_the_migration(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    _build(db, n=100)
    con = sqlite3.connect(db)
    expected = con.execute("SELECT story_id, count(*) FROM story_articles GROUP BY 1").fetchall()
    stored = con.execute("SELECT id, size FROM stories WHERE size > 0 ORDER BY id").fetchall()
    assert sorted(expected) == stored
    con.close()


def test_a_database_from_before_the_migration_gets_its_sizes(tmp_path: Path) -> None:
    from wiretrace.store.migrations import MIGRATIONS

    db = tmp_path / "w.db"
    _build(db, n=100)
    con = sqlite3.connect(db)
    expected = con.execute("SELECT id, size FROM stories ORDER BY id").fetchall()
    con.execute("DROP INDEX stories_by_size")
    con.execute("ALTER TABLE stories DROP COLUMN size")  # as a database of the version before
    con.execute("DELETE FROM migrations WHERE version = ?", (len(MIGRATIONS),))
    con.commit()
    con.close()
    Store(db).close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT id, size FROM stories ORDER BY id").fetchall() == expected
    con.close()
