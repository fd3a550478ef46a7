from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wiretrace.errors import StoreBusy, StoreError
from wiretrace.model import Artefact, Article, Derivation, Rejection
from wiretrace.store import Store


def _article(text: str, source: str = "a.txt", **kw: object) -> Article:
    return Article(source=source, text=text, raw_text=text, **kw)  # type: ignore[arg-type]


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Store(db) as s:
        first = s.migrations()
    with Store(db) as s:
        again = s.migrations()
    assert [m[0] for m in first] == list(range(1, len(first) + 1))
    assert first == again
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_same_content_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as s:
        ids, dups = s.add_articles([_article("The council voted on Tuesday.", "one.txt")])
        assert len(ids) == 1 and dups == 0
        # the same file read again: whitespace differences do not make new content
        ids2, dups2 = s.add_articles([_article("The council  voted\non Tuesday.", "one.txt")])
        assert ids2 == [] and dups2 == 1
        assert s.counts()["articles"] == 1


def test_republished_copy_is_an_article_of_its_own(tmp_path: Path) -> None:
    """Identical text from another file, outlet or URL is a republication (a wire copy), kept;
    only the same URL, outlet, or file name and locator is a duplicate."""
    text = "The council voted on Tuesday to close the northern pier for repairs."
    with Store(tmp_path / "w.db") as s:
        ids, dups = s.add_articles([
            _article(text, "crawl.csv", locator="id 1", site="coastherald.example"),
            _article(text, "crawl.csv", locator="id 2", site="bayledger.example"),
            _article(text, "other.txt"),
            _article(text, "p1.html", url="https://coastherald.example/pier"),
            _article(text, "p2.html", url="https://bayledger.example/pier"),
        ])
        assert len(ids) == 5 and dups == 0
        again, dups = s.add_articles([
            _article(text, "crawl.csv", locator="id 2", site="bayledger.example"),
            _article(text, "copy-of-p1.html", url="https://coastherald.example/pier#top"),
            # one outlet's text crawled twice (another row id) is one article
            _article(text, "crawl.csv", locator="id 9", site="bayledger.example"),
            # the same file in another folder
            _article(text, "mirror/other.txt"),
        ])
        assert again == [] and dups == 4
        assert s.counts()["articles"] == 5


def test_artefacts_round_trip_with_offsets(tmp_path: Path) -> None:
    raw = "A harbour crane fell in Velmora.\nSee also: Ferry strike ends"
    art = Article(source="x.txt", text=raw[:32], raw_text=raw,
                  artefacts=[Artefact("see_also", 33, len(raw), raw[33:])])
    with Store(tmp_path / "w.db") as s:
        (aid,), _ = s.add_articles([art])
        back = s.article(aid)
    assert back.artefacts[0].kind == "see_also"
    a = back.artefacts[0]
    assert back.raw_text[a.start:a.end] == a.text


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    class Boom(Exception):
        pass

    with Store(tmp_path / "w.db") as s:
        with pytest.raises(Boom), s.transaction() as c:
            c.execute("INSERT INTO articles(sha, source, text, raw_text) VALUES ('x','s','t','t')")
            raise Boom
        assert s.counts()["articles"] == 0


def test_full_text_search(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as s:
        ids, _ = s.add_articles([
            _article("Firefighters held the line near Kastelli overnight.", "a.txt",
                     title="Wildfire reaches the coast"),
            _article("The central bank left its key rate unchanged.", "b.txt",
                     title="Rates on hold"),
        ])
        assert s.search("firefighters") == [ids[0]]
        assert s.search("rate unchanged") == [ids[1]]
        assert s.search("wildfire") == [ids[0]]  # titles are indexed too
        assert s.search('"; DROP TABLE articles; --') == []
        assert s.search("fire\x00fighters") == []  # control characters are not syntax
        assert s.search("\x00") == []


def test_rejections_and_analysis_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as s:
        s.add_rejections([Rejection("bad.html", "binary data, not text")])
        pair = [_article("Source text here.", "a"), _article("Copy text.", "b")]
        (a, b), _ = s.add_articles(pair)
        s.replace_clustering([("A story", [a, b])], [(a, b, 0.9, 0.95, 0.92)], [])
        (story,) = s.stories()
        s.replace_story_analysis(story.id, derivations=[
            Derivation(a, "original", score=1.0, evidence=["earliest"]),
            Derivation(b, "wire_copy", parent=a, score=0.9, evidence=["shares 95%"])])
        ds = s.derivations(story.id)
        assert [d.type for d in ds] == ["original", "wire_copy"] and ds[1].parent == a
        assert s.rejections()[0].reason == "binary data, not text"
        # story ids survive re-clustering while the first article is the same
        s.replace_clustering([("A story, renamed", [a, b])], [], [])
        assert s.stories()[0].id == story.id


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Store(db) as first, Store(db, busy_timeout_ms=100) as second:
        with first.transaction():
            with pytest.raises(StoreBusy, match="another wiretrace process"), second.transaction():
                pass


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)
