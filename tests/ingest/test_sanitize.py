"""One bad item costs one item: lone surrogates and non-UTF-8 file names never sink a batch."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from wt_helpers import fictional_article, run_cli

from wiretrace.ingest.sanitize import display_path, sanitize_item, storable
from wiretrace.model import Article, Document, Rejection
from wiretrace.pipeline import ingest
from wiretrace.settings import Settings
from wiretrace.store import Store

SETTINGS = Settings(workers=1)


def _line(seed: int, **extra: str) -> str:
    return json.dumps({"title": f"Story {seed}", "text": fictional_article(seed), **extra})


def test_storable_replaces_lone_surrogates_only() -> None:
    assert storable("x\ud800y\udfffz") == "x\ufffdy\ufffdz"
    plain = "café 😀"
    assert storable(plain) is plain


def test_display_path_shows_undecodable_bytes() -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # what the OS hands over for a Latin-1 name
    assert display_path(name) == "caf\\xe9.txt"
    assert display_path(name).encode("utf-8")
    assert display_path("plain/café.txt") == "plain/café.txt"


def test_sanitize_item_fixes_every_string_field() -> None:
    doc = Document(source=os.fsdecode(b"d/\xff.jsonl"), format="jsonl", text="t\ud800",
                   byline="x\ud800y", published="2026\udc00", language="e\udbffn")
    fixed = sanitize_item(doc)
    assert isinstance(fixed, Document)
    for value in (fixed.source, fixed.text, fixed.byline, fixed.published, fixed.language):
        assert isinstance(value, str)
        value.encode("utf-8")  # no surrogate left
    assert fixed.byline == "x\ufffdy"
    rej = sanitize_item(Rejection(os.fsdecode(b"\xe9.txt"), "bad \udc80"))
    assert rej == Rejection("\\xe9.txt", "bad \ufffd")


@pytest.mark.parametrize("field", ["byline", "published", "language", "title", "site", "url"])
def test_lone_surrogate_in_jsonl_costs_nothing(tmp_path: Path, field: str) -> None:
    lines = [_line(1), _line(2, **{field: "x\ud800y"}), _line(3)]
    # json.dumps writes the lone surrogate as \ud800, exactly as a hostile file would
    assert "\\ud800" in lines[1]
    (tmp_path / "items.jsonl").write_text("\n".join(lines) + "\n")
    with Store(tmp_path / "w.db") as store:
        report = ingest([str(tmp_path / "items.jsonl")], store, SETTINGS)
        assert len(report.added) == 3 and not report.rejected
        assert store.counts()["articles"] == 3
        stored = {a.title: a for a in store.articles()}
    if field != "title":
        assert getattr(stored["Story 2"], field) == "x\ufffdy"
    # a re-run completes: everything is already stored
    with Store(tmp_path / "w.db") as store:
        again = ingest([str(tmp_path / "items.jsonl")], store, SETTINGS)
    assert again.duplicates == 3 and not again.rejected


def test_lone_surrogate_in_a_json_array_and_from_stdin(tmp_path: Path) -> None:
    items = [json.loads(_line(i)) for i in range(4)]
    items[1]["byline"] = "x\ud800y"
    (tmp_path / "items.json").write_text(json.dumps(items))
    stdin = io.StringIO(_line(10) + "\n" + _line(11, published="\udfff") + "\n")
    with Store(tmp_path / "w.db") as store:
        report = ingest([str(tmp_path / "items.json"), "-"], store, SETTINGS, stdin=stdin)
        assert len(report.added) == 6 and not report.rejected


def test_feed_with_a_surrogate_character_reference_keeps_its_entries(tmp_path: Path) -> None:
    entries = "".join(
        f"<item><title>Entry {i}{'&#xD800;' if i == 1 else ''}</title>"
        f"<link>https://example.org/{i}</link><description><![CDATA[<p>{fictional_article(i)}"
        f"</p><p>{fictional_article(i + 50)}</p>]]></description></item>"
        for i in range(3)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{entries}' \
           "</channel></rss>"
    (tmp_path / "feed.rss").write_text(feed)
    with Store(tmp_path / "w.db") as store:
        report = ingest([str(tmp_path / "feed.rss")], store, SETTINGS)
        assert len(report.added) == 3, report.rejected


def test_non_utf8_file_name_is_stored_under_a_bytes_safe_name(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"good-{i}.txt").write_text(f"Story {i}\n\n{fictional_article(i)}\n")
    bad = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(bad, "wb") as handle:
        handle.write(f"Latin-1 name\n\n{fictional_article(9)}\n".encode())
    nl = os.path.join(os.fsencode(folder), b"x\xff.bin.zip")  # rejected unread, name unstorable
    with open(nl, "wb") as handle:
        handle.write(b"PK")
    for _ in range(2):  # the re-run completes too
        with Store(tmp_path / "w.db") as store:
            report = ingest([str(folder)], store, SETTINGS)
            sources = sorted(a.source for a in store.articles())
            rejections = store.rejections()
    assert store is not None
    assert f"{folder}/caf\\xe9.txt" in sources and len(sources) == 4
    assert any(r.source == f"{folder}/x\\xff.bin.zip" for r in rejections)
    assert report.duplicates == 4


def test_the_cli_prints_no_traceback_for_such_names(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(f"Title\n\n{fictional_article(3)}\n".encode())
    proc = run_cli("ingest", str(folder), "--db", str(tmp_path / "w.db"), "-q")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "ingested 1 new" in proc.stdout


def test_a_write_failure_falls_back_to_one_article_at_a_time(tmp_path: Path) -> None:
    good = [Article(source=f"g{i}.txt", text=fictional_article(i),
                    raw_text=fictional_article(i)) for i in range(5)]
    # a string SQLite cannot take, past every sanitiser: only this article is lost
    bad = Article(source="bad.txt", text="t", raw_text=fictional_article(99), byline="x\ud800")
    with Store(tmp_path / "w.db") as store:
        ids, dups, failed = store.add_articles_salvaging([*good[:2], bad, *good[2:]])
        assert len(ids) == 5 and dups == 0
        assert [r.source for r in failed] == ["bad.txt"]
        assert failed[0].reason.startswith("cannot be stored: UnicodeEncodeError")
        assert store.counts()["articles"] == 5
        assert sorted(a.source for a in store.articles()) == [f"g{i}.txt" for i in range(5)]


def test_bad_character_references_become_replacement_characters() -> None:
    from wiretrace.ingest.sanitize import replace_bad_char_refs

    data = b"a&#xD800;b&#55296;c&#0;d&#x110000;e&#233;f&#x41;"
    assert replace_bad_char_refs(data) == b"a&#xFFFD;b&#xFFFD;c&#xFFFD;d&#xFFFD;e&#233;f&#x41;"
