"""How long the web app's story list takes at scale (issue 14: at most 100 ms at 100k articles).

Builds a synthetic store (articles, stories of 1 to 200 articles, derivations) straight in SQL,
then times ``stories_context`` for the first page, a late page, a site filter and a date filter.
Run from the repository root: ``python bench/story_list.py --articles 100000``.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from wiretrace.store import Store
from wiretrace.web.context import stories_context


def build(db: Path, articles: int, seed: int = 0) -> int:
    """A store of ``articles`` articles in stories; returns the number of stories."""
    Store(db).close()
    rnd = random.Random(seed)
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER IF EXISTS articles_fts_insert")  # the list does not search here
    con.executemany(
        "INSERT INTO articles(id, sha, source, site, title, published, text, raw_text) "
        "VALUES (?,?,?,?,?,?,?,?)",
        ((i, f"sha{i}", f"a{i}.txt", f"site{rnd.randrange(300)}.example", f"Title {i}",
          f"2026-07-{1 + rnd.randrange(28):02d}", "text", "text") for i in range(1, articles + 1)))
    story, done, members, stories = 0, 0, [], []
    while done < articles:
        story += 1
        size = min(articles - done, 1 + int(rnd.paretovariate(1.2)) % 200)
        stories.append((story, f"Story {story}", done + 1))
        members += [(story, a) for a in range(done + 1, done + size + 1)]
        done += size
    con.executemany("INSERT INTO stories(id, title, first_article) VALUES (?,?,?)", stories)
    con.executemany("INSERT INTO story_articles(story_id, article_id) VALUES (?,?)", members)
    con.executemany(
        "INSERT INTO derivations(article_id, story_id, type, score, evidence) "
        "VALUES (?,?,?,1.0,'[]')",
        ((a, s, rnd.choice(["original", "wire_copy", "rewrite"])) for s, a in members))
    con.commit()
    con.close()
    return story


def timed(db: Path, repeat: int, **query: str) -> float:
    times = []
    for _ in range(repeat):
        with Store(db, readonly=True) as store:
            started = time.perf_counter()
            ctx = stories_context(store, **query)  # type: ignore[arg-type]
            times.append(time.perf_counter() - started)
    assert ctx["stories"] or ctx["total"] == 0
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--max-ms", type=float, default=None, help="fail above this (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "list.db"
        started = time.perf_counter()
        stories = build(db, args.articles)
        print(f"built {args.articles:,} articles in {stories:,} stories "
              f"({time.perf_counter() - started:.1f} s)")
        worst = 0.0
        for label, query in (("first page", {}), ("page 100", {"page": "100"}),
                             ("site filter", {"site": "site7.example"}),
                             ("date filter", {"date_from": "2026-07-10",
                                              "date_to": "2026-07-12"})):
            ms = timed(db, args.repeat, **query) * 1000
            worst = max(worst, ms)
            print(f"story list, {label}: {ms:.1f} ms (median of {args.repeat})")
    if args.max_ms is not None and worst > args.max_ms:
        print(f"FAIL: {worst:.1f} ms > {args.max_ms} ms")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
