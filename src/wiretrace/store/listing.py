"""The story list, paged in SQL: one page of stories (sorted, filtered) and the members of just
those stories, whatever the size of the corpus. Mixed into ``Store``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wiretrace.store.analysis import chunks

__all__ = ["ListedMember", "ListedStory", "StoryListing", "StorySummary"]


@dataclass(slots=True)
class ListedStory:
    id: int
    title: str
    size: int
    match_count: int = 0  # members among the search hits (0 without a search)


@dataclass(slots=True)
class ListedMember:
    story: int
    article: int
    site: str | None
    published: str | None
    title: str | None
    derivation: str | None  # its derivation type, None when not traced yet


@dataclass(slots=True)
class StorySummary:
    sites: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    derivations: dict[str, int] = field(default_factory=dict)


class StoryListing:
    if TYPE_CHECKING:
        conn: sqlite3.Connection

    def story_page(
        self,
        *,
        hits: Collection[int] | None = None,
        site: str = "",
        date_from: str = "",
        date_to: str = "",
        offset: int = 0,
        limit: int = 50,
    ) -> tuple[int, list[ListedStory]]:
        """(number of stories that pass the filters, the ``limit`` of them from ``offset``).

        Without ``hits``: every story, largest first. With ``hits`` (article ids a search
        found): the stories holding one, most hits first, then largest. ``site``: a member is
        from that site; ``date_from``/``date_to`` (YYYY-MM-DD): a member was published in that
        range."""
        where: list[str] = []
        args: list[object] = []
        select = "s.id, s.title, s.size, 0"
        order = "s.size DESC, s.id"
        head: list[object] = []
        if hits is not None:  # only stories holding a hit, counted
            hit_ids = json.dumps(sorted(hits))
            select = ("s.id, s.title, s.size, (SELECT count(*) FROM story_articles x WHERE "
                      "x.story_id = s.id AND x.article_id IN (SELECT value FROM json_each(?)))"
                      " AS match_count")
            head = [hit_ids]
            where.append("s.id IN (SELECT story_id FROM story_articles WHERE article_id IN "
                         "(SELECT value FROM json_each(?)))")
            args.append(hit_ids)
            order = "match_count DESC, s.size DESC, s.id"
        # the filters go through the site and date indexes to the story ids they keep
        if site:
            where.append("s.id IN (SELECT x.story_id FROM articles a JOIN story_articles x "
                         "ON x.article_id = a.id WHERE a.site = ?)")
            args.append(site)
        if date_from or date_to:
            where.append("s.id IN (SELECT x.story_id FROM articles a JOIN story_articles x "
                         "ON x.article_id = a.id WHERE a.published BETWEEN ? AND ? "
                         "AND a.published != '' AND substr(a.published, 1, 10) BETWEEN ? AND ?)")
            low, high = date_from or "0000", date_to or "9999"
            args += [low, high + "\uffff", low, high]  # the index range, then the exact test
        condition = " WHERE " + " AND ".join(where) if where else ""
        total = int(self.conn.execute(f"SELECT count(*) FROM stories s{condition}",
                                      args).fetchone()[0])
        rows = self.conn.execute(
            f"SELECT {select} FROM stories s{condition} ORDER BY {order} LIMIT ? OFFSET ?",
            [*head, *args, max(0, limit), max(0, offset)],
        ).fetchall()
        return total, [ListedStory(int(r[0]), r[1], int(r[2]), int(r[3])) for r in rows]

    def story_summaries(self, story_ids: Sequence[int]) -> dict[int, StorySummary]:
        """What a list shows of each of ``story_ids``, aggregated in SQL: sites, first and last
        publication day, derivation types (``untraced`` for members not traced yet)."""
        out = {sid: StorySummary() for sid in story_ids}
        for chunk in chunks(list(story_ids), 500):
            marks = ",".join("?" * len(chunk))
            for sid, sites, first, last in self.conn.execute(
                "SELECT sa.story_id, json_group_array(DISTINCT a.site), "
                "min(nullif(substr(a.published, 1, 10), '')), "
                "max(nullif(substr(a.published, 1, 10), '')) "
                "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                f"WHERE sa.story_id IN ({marks}) GROUP BY sa.story_id", chunk):
                summary = out[int(sid)]
                summary.sites = sorted(x for x in json.loads(sites) if x)
                summary.first_published, summary.last_published = first, last
            for sid, kind, n in self.conn.execute(
                "SELECT sa.story_id, coalesce(d.type, 'untraced'), count(*) "
                "FROM story_articles sa LEFT JOIN derivations d ON d.article_id = sa.article_id "
                f"WHERE sa.story_id IN ({marks}) GROUP BY 1, 2", chunk):
                out[int(sid)].derivations[kind] = int(n)
        return out

    def story_members(self, story_ids: Sequence[int], among: Collection[int]) -> list[ListedMember]:
        """The members of ``story_ids`` that are among ``among`` (search hits), by story then
        article id."""
        out: list[ListedMember] = []
        hit_ids = json.dumps(sorted(among))
        for chunk in chunks(list(story_ids), 500):
            marks = ",".join("?" * len(chunk))
            out += [ListedMember(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5])
                    for r in self.conn.execute(
                        "SELECT sa.story_id, a.id, a.site, a.published, a.title, d.type "
                        "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                        "LEFT JOIN derivations d ON d.article_id = a.id "
                        f"WHERE sa.story_id IN ({marks}) AND sa.article_id IN "
                        "(SELECT value FROM json_each(?)) ORDER BY sa.story_id, a.id",
                        [*chunk, hit_ids])]
        return out

    def clustered_count(self) -> int:
        """Articles that are in a story."""
        return int(self.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0])
