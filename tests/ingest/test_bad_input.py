"""Bad input never raises: it becomes a Rejection with a short reason, and good items survive."""

from __future__ import annotations

import gzip
import io
import json
import os
import time
from pathlib import Path

import pytest

from wiretrace.ingest.formats.common import Rejected, check_html, decode_text, gunzip_bounded
from wiretrace.ingest.readers import iter_documents
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

SETTINGS = Settings()

STORY = (
    "Officials in the river town of Marlowe said the new bridge would open in June, two years "
    "later than planned, after a dispute over the cost of steel."
)
HTML = f"<html><body><h1>Bridge delayed</h1><p>{STORY}</p></body></html>"


def run(*paths: str | Path, settings: Settings = SETTINGS, stdin: str | None = None) -> list:
    stream = io.StringIO(stdin) if stdin is not None else None
    return list(iter_documents([str(p) for p in paths], settings, stdin=stream))


def only_rejection(*paths: str | Path, settings: Settings = SETTINGS) -> Rejection:
    results = run(*paths, settings=settings)
    assert len(results) == 1, results
    [result] = results
    assert isinstance(result, Rejection), result
    return result


# --- binary, empty, encodings ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["blob.txt", "blob.html", "blob.jsonl", "blob.csv", "blob"])
def test_binary_data_is_rejected(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\x01\x02\xff\xfe\x00PK\x03\x04" * 50 + os.urandom(512))
    rej = only_rejection(path)
    assert rej == Rejection(str(path), "binary data, not text")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
@pytest.mark.parametrize("name", ["e.txt", "e.html", "e.jsonl", "e.json", "e.csv", "e.xml", "e"])
def test_empty_file(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert only_rejection(path).reason == "empty file"


def test_title_only_text_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text("# Just a headline\n\n")
    assert only_rejection(path).reason.startswith("empty document")


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text(
        "<html><head><title>T</title><script>var x = 1;</script></head><body></body></html>"
    )
    assert only_rejection(path).reason == "empty document: no text"


def test_invalid_utf8_decoded_via_fallback(tmp_path: Path) -> None:
    # mostly UTF-8 with one stray windows-1252 byte (a pasted curly quote)
    data = (
        "Café owners in Marlowe said the bridge «will help». ".encode()
        + b"\x93Finally\x94 one said."
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Bridge\n\n" + data)
    [doc] = run(path)
    assert isinstance(doc, Document)
    assert (
        doc.text
        == "Café owners in Marlowe said the bridge «will help». \u201cFinally\u201d one said."
    )


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Мост откроется в июне\n\nЖители Марлоу ждут.".encode("utf-16"))
    [doc] = run(path)
    assert doc.title == "Мост откроется в июне" and doc.text == "Жители Марлоу ждут."


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": STORY}).encode() + b"\n")
    [doc] = run(path)
    assert doc.text == STORY


def test_latin1_text(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_bytes(
        "Brücke verspätet\n\nDie Straße über den Fluß bleibt gesperrt.".encode("latin-1")
    )
    [doc] = run(path)
    assert doc.title == "Brücke verspätet"
    assert doc.text == "Die Straße über den Fluß bleibt gesperrt."


def test_windows_1251_text(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    body = "Власти города Марлоу сообщили, что новый мост откроют в июне."
    path.write_bytes(f"Мост задерживается\n\n{body}".encode("cp1251"))
    [doc] = run(path)
    assert doc.title == "Мост задерживается"
    assert "Марлоу" in (doc.text or "") and doc.text == body


def test_windows_1251_short_word_and_western_short_word() -> None:
    assert decode_text("Привет, Марлоу".encode("cp1251")) == "Привет, Марлоу"
    assert decode_text("Café in Marlowe".encode("cp1252")) == "Café in Marlowe"


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Мост в Марлоу откроют в июне.</p></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(html.encode("cp1251"))
    [doc] = run(path)
    assert "Марлоу" in (doc.html or "")


def test_undecodable_utf16_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8\x41\x00" * 10)  # lone high surrogate
    assert only_rejection(path).reason == "undecodable text: invalid UTF-16-LE"


# --- gzip -------------------------------------------------------------------------------


def test_truncated_gzip(tmp_path: Path) -> None:
    packed = gzip.compress((HTML * 50).encode())
    path = tmp_path / "page.html.gz"
    path.write_bytes(packed[: len(packed) // 2])
    assert only_rejection(path) == Rejection(str(path), "truncated gzip")


def test_corrupt_gzip(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress((HTML * 50).encode()))
    packed[12:40] = b"\xff" * 28
    path = tmp_path / "page.html.gz"
    path.write_bytes(bytes(packed))
    assert only_rejection(path).reason.startswith("corrupt gzip data")


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"<p>" + b"a" * 20_000_000 + b"</p>")  # 20 MB inflated, ~20 KB on disk
    settings = Settings(max_inflated_bytes=1_000_000)
    assert only_rejection(path, settings=settings).reason == "gzip inflates past 977 KB"


def test_gzip_bomb_inflation_is_streamed() -> None:
    # one member, high ratio: the decompressor must not inflate past the cap even inside a chunk
    gz = gzip.compress(b"\0" * 20_000_000, 9)
    assert len(gz) < 50_000
    settings = Settings(max_inflated_bytes=200_000)
    with pytest.raises(Rejected, match="gzip inflates past 195 KB"):
        gunzip_bounded(io.BytesIO(gz), settings)


def test_multi_member_gzip(tmp_path: Path) -> None:
    lines = [json.dumps({"text": STORY, "title": str(i)}) + "\n" for i in range(3)]
    path = tmp_path / "parts.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress(line.encode()) for line in lines))
    assert [d.title for d in run(path)] == ["0", "1", "2"]


def test_gzip_bomb_inside_warc_gz(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"WARC/1.0\r\n" + b"X" * 5_000_000)
    settings = Settings(max_inflated_bytes=100_000)
    assert only_rejection(path, settings=settings).reason.startswith("gzip inflates past")


# --- size and depth caps ------------------------------------------------------------------


def test_huge_file_over_a_small_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Bridge\n\n" + STORY * 1000)
    rej = only_rejection(path, settings=Settings(max_file_bytes=10_000))
    assert rej.reason == "file larger than 9.77 KB"


def test_default_cap_is_named_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as out:
        out.truncate(64 * 1024 * 1024 + 1)  # sparse: costs nothing, never read
    assert only_rejection(path).reason == "file larger than 64 MB"


def test_long_stdin_line_is_skipped_not_loaded() -> None:
    settings = Settings(max_file_bytes=1000)
    good = json.dumps({"text": STORY})
    huge = json.dumps({"text": "x" * 50_000})
    results = run("-", settings=settings, stdin=f"{good}\n{huge}\n{good}\n")
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Document"]
    assert results[1].reason == "line 2 longer than 1000 bytes"
    assert results[2].locator == "line 3"


def test_malformed_html_is_still_a_document(tmp_path: Path) -> None:
    html = (
        f"<html><body><div><p>{STORY}<p><b>unclosed <i>tags</b></div></span></td><table><tr><td>x"
    )
    path = tmp_path / "broken.html"
    path.write_text(html)
    [doc] = run(path)
    assert isinstance(doc, Document) and doc.html == html


def test_deeply_nested_html_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + STORY + "</div>" * 5000 + "</body></html>")
    assert only_rejection(path).reason == "HTML nested deeper than 2000 levels"


def test_depth_scan_is_linear_on_hostile_markup() -> None:
    started = time.perf_counter()
    for hostile in ("<a " * 300_000, "<div class='" * 100_000, "<script>" * 100_000, "<" * 500_000):
        try:
            check_html(hostile, SETTINGS)
        except Rejected as exc:
            assert exc.reason == "empty document: no text"
    assert time.perf_counter() - started < 10  # a backtracking scan takes minutes here


def test_depth_scan_understands_void_and_sibling_tags() -> None:
    settings = Settings(max_html_depth=10)
    flat = "<body>" + "<p>para<br><img src=x>" * 500 + "<ul>" + "<li>item" * 500 + "</ul></body>"
    check_html(flat, settings)  # 500 unclosed <p> and <li> are siblings, not nesting
    comment = "<body><!--" + "<div>" * 50 + "--><script>" + "<div>" * 50 + "</script>x</body>"
    check_html(comment, settings)
    with pytest.raises(Rejected, match="nested deeper than 10"):
        check_html("<div>" * 11 + "x", settings)


# --- structured formats with wrong content --------------------------------------------------


def test_jsonl_broken_lines_among_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": STORY, "title": "one"}),
                '{"text": "unterminated',
                json.dumps({"words": STORY}),
                "[1, 2]",
                json.dumps({"text": ["not", "a", "string"]}),
                json.dumps({"text": "   "}),
                json.dumps({"html": HTML, "title": "seven"}),
            ]
        )
    )
    results = run(path)
    assert [(r.title, r.locator) for r in results if isinstance(r, Document)] == [
        ("one", "line 1"),
        ("seven", "line 7"),
    ]
    reasons = [r.reason for r in results if isinstance(r, Rejection)]
    assert reasons == [
        "invalid JSON on line 2: Unterminated string starting at",
        "line 3: missing field: text or html (columns: words; name the text column with "
        "--map text=COLUMN)",
        "line 4: not a JSON object but an array",
        "line 5: field text must be a string, not an array",
        "line 6: empty document: no text",
    ]
    assert all(r.source == str(path) for r in results)


def test_json_with_wrong_fields(tmp_path: Path) -> None:
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps([{"words": STORY, "headline": "x"}, {"text": STORY}, 42]))
    results = run(path)
    assert isinstance(results[1], Document)
    assert results[0] == Rejection(
        str(path),
        "item 1: missing field: text or html (columns: words, headline; name the text column "
        "with --map text=COLUMN)",
    )
    assert results[2] == Rejection(str(path), "item 3: not a JSON object but a number")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": ', "invalid JSON: Expecting value (line 1, column 10)"),
        ('"just a string"', "JSON holds str, not an object or an array of objects"),
        ("[]", "empty JSON array"),
        ('{"words": "x"}', "missing field: text or html (columns: words; name the text column "
         "with --map text=COLUMN)"),
    ],
)
def test_invalid_json_file(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    assert only_rejection(path).reason == reason


def test_deeply_nested_json_line_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": STORY}) + "\n")
    results = run(path)
    assert isinstance(results[0], Rejection) and results[0].reason.startswith(
        "invalid JSON on line 1"
    )
    assert isinstance(results[1], Document)


def test_csv_with_wrong_columns(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text(f"title,words\nBridge,{STORY}\n")
    assert only_rejection(path).reason == (
        "CSV header has no text or html column (columns: title, words; name it with "
        "--map text=COLUMN)"
    )


def test_csv_bad_rows_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'title,text\nOne,"{STORY}"\nTwo,\nThree,"{STORY}"\n')
    results = run(path)
    assert [r.title for r in results if isinstance(r, Document)] == ["One", "Three"]
    assert [r.reason for r in results if isinstance(r, Rejection)] == [
        "row 3: empty document: no text"
    ]


# --- feeds, WARC ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "<rss version='2.0'><channel><title>Broken",
        "<?xml version='1.0'?><catalog><book>Not a feed</book></catalog>",
        "plain words, no markup at all",
    ],
)
def test_broken_feed(tmp_path: Path, content: str) -> None:
    path = tmp_path / "news.xml"
    path.write_text(content)
    rej = only_rejection(path)
    assert rej.reason.startswith(("not a feed: ", "feed has no entries")), rej.reason


def test_feed_entry_with_deep_html_rejected_alone(tmp_path: Path) -> None:
    deep = "<div>" * 50 + (STORY * 3) + "</div>" * 50
    ok = f"<p>{STORY * 2}</p>"
    rss = (
        "<rss version='2.0'><channel><title>T</title><link>https://marlowe.example/</link>"
        f"<item><title>A</title><description><![CDATA[{deep}]]></description></item>"
        f"<item><title>B</title><description><![CDATA[{ok}]]></description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "feed.rss"
    path.write_text(rss)
    first, second = run(path, settings=Settings(max_html_depth=20))
    assert first == Rejection(str(path), "entry 1: HTML nested deeper than 20 levels")
    assert isinstance(second, Document) and second.title == "B"


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_text("this is not a web archive\n" * 10)
    assert only_rejection(path).reason.startswith("not a WARC file")


# --- files that move under our feet -----------------------------------------------------


def test_file_vanishes_before_it_is_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.html").write_text(HTML)
    (corpus / "b.html").write_text(HTML)
    results = iter_documents([str(corpus)], SETTINGS)
    first = next(results)
    assert isinstance(first, Document) and first.source.endswith("a.html")
    (corpus / "b.html").unlink()
    assert list(results) == [Rejection(str(corpus / "b.html"), "file vanished before it was read")]


def test_missing_path_and_broken_symlink(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    link = tmp_path / "dangling.html"
    os.symlink(tmp_path / "gone.html", link)
    assert run(missing, link) == [
        Rejection(str(missing), "no such file or folder"),
        Rejection(str(link), "broken symlink"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_text(HTML)
    path.chmod(0)
    try:
        assert only_rejection(path).reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_permission_denied_mapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # works as root too: the reader's open() fails the way it does for an unreadable file
    path = tmp_path / "secret.html"
    path.write_text(HTML)
    real_open = open

    def deny(file: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", deny)
    assert only_rejection(path).reason == "permission denied"


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert only_rejection(fifo).reason == "not a regular file"


def test_unexpected_parser_failure_becomes_a_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.rss"
    path.write_text("<rss version='2.0'><channel><item><title>x</title></item></channel></rss>")

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr("feedparser.parse", boom)
    assert only_rejection(path).reason == "unreadable: RuntimeError: parser exploded"


def test_warc_with_wrong_content_length_prints_nothing(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    body = HTML.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://marlowe.example/a b\r\n"
        b"WARC-Date: 2026-03-03T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http) - 20).encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
    )
    path = tmp_path / "odd.warc"
    path.write_bytes(record)
    results = run(path)
    assert results, "a result is expected, document or rejection"
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


# --- cut-off WARC records and gzip members ------------------------------------------------


def _warc_response(url: str, html: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html.encode()
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        "WARC-Date: 2026-03-03T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


WARC_A = _warc_response("https://marlowe.example/a", HTML)
WARC_B = _warc_response("https://marlowe.example/b", HTML.replace("Bridge", "Ferry"))
WARCINFO = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"


@pytest.mark.parametrize("cut", [30, 120, 200, 260, len(WARC_B) // 2, len(WARC_B) - 10])
def test_warc_record_cut_anywhere_is_rejected_alone(tmp_path: Path, cut: int) -> None:
    # cut in the WARC header block, the HTTP headers or the payload: never a shorter article
    path = tmp_path / "crawl.warc"
    path.write_bytes(WARC_A + WARC_B[:cut])
    first, second = run(path)
    assert isinstance(first, Document) and first.locator == "record 1"
    assert second == Rejection(str(path), "record 2: truncated WARC record")


def test_warc_gz_cut_in_its_last_member_keeps_the_whole_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    tail = gzip.compress(WARC_B)
    path.write_bytes(gzip.compress(WARC_A) + tail[: len(tail) // 2])
    first, second = run(path)
    assert isinstance(first, Document) and first.url == "https://marlowe.example/a"
    assert second == Rejection(str(path), "record 2: truncated gzip member")


def test_warc_gz_of_one_member_cut_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    packed = gzip.compress(WARC_A + WARC_B + WARC_B, compresslevel=0)  # stored: bytes = bytes
    path.write_bytes(packed[: len(packed) - 200])  # inside the third record
    results = run(path)
    assert [d.locator for d in results if isinstance(d, Document)] == ["record 1", "record 2"]
    assert rejections_of(results) == [Rejection(str(path), "record 3: truncated gzip member")]


def test_gzip_cut_before_any_warc_record_is_a_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(WARC_A)[:20])
    assert only_rejection(path) == Rejection(str(path), "truncated gzip")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_without_html_responses_is_rejected_with_a_reason(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = WARCINFO + WARC_A.replace(b"text/html", b"image/png")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    assert only_rejection(path) == Rejection(str(path), "no HTML response records in the WARC")


def rejections_of(results: list) -> list[Rejection]:
    return [r for r in results if isinstance(r, Rejection)]


# --- one item too long to be an article ---------------------------------------------------

SMALL_CAP = Settings(max_item_chars=1000)  # HTML: 5,000 characters


def test_jsonl_line_over_the_item_cap_is_rejected_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "items.jsonl"
    huge = json.dumps({"text": STORY * 100})  # > 5,000 characters: never parsed
    path.write_text(f"{json.dumps({'text': STORY})}\n{huge}\n")
    parsed: list[str] = []
    real_loads = json.loads
    monkeypatch.setattr("json.loads", lambda s, *a, **k: parsed.append(s) or real_loads(s))
    first, second = run(path, settings=SMALL_CAP)
    assert isinstance(first, Document)
    assert second == Rejection(str(path), "line 2: item longer than 1,000 characters")
    assert len(parsed) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_item_text_over_the_cap_is_rejected_alone(tmp_path: Path, fmt: str) -> None:
    long_text = STORY * 10  # 1,000 < length < 5,000: parsed, then rejected by its text
    items = [{"text": STORY}, {"text": long_text}]
    path = tmp_path / f"items.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(i) + "\n" for i in items))
        where = "line 2"
    elif fmt == "json":
        path.write_text(json.dumps(items))
        where = "item 2"
    else:
        path.write_text(f'text\n"{STORY}"\n"{long_text}"\n')
        where = "row 3"
    first, second = run(path, settings=SMALL_CAP)
    assert isinstance(first, Document)
    assert second == Rejection(str(path), f"{where}: item longer than 1,000 characters")


def test_item_html_may_be_five_times_the_cap(tmp_path: Path) -> None:
    page = f"<html><body><p>{STORY * 12}</p></body></html>"  # ~2,000 characters
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"html": page}, {"html": page * 3}]))
    first, second = run(path, settings=SMALL_CAP)
    assert isinstance(first, Document) and first.html == page
    assert second == Rejection(str(path), "item 2: HTML longer than 5,000 characters")
    # a JSON line longer than the HTML cap is not parsed: no item on it can be used
    lines = tmp_path / "items.jsonl"
    lines.write_text(json.dumps({"html": page}) + "\n" + json.dumps({"html": page * 3}) + "\n")
    first, second = run(lines, settings=SMALL_CAP)
    assert isinstance(first, Document) and first.html == page
    assert second == Rejection(str(lines), "line 2: item longer than 1,000 characters")


def test_long_stdin_line_over_the_item_cap(tmp_path: Path) -> None:
    good = json.dumps({"text": STORY})
    huge = json.dumps({"text": "x" * 50_000})
    results = run("-", settings=SMALL_CAP, stdin=f"{good}\n{huge}\n{good}\n")
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Document"]
    assert results[1].reason == "line 2: item longer than 1,000 characters"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_text_file_over_the_cap(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(("Bridge\n\n" + STORY * 10).encode(encoding))
    assert only_rejection(path, settings=SMALL_CAP).reason == "text longer than 1,000 characters"
    path.write_bytes(("Bridge\n\n" + STORY * 6).encode(encoding))  # ~950 characters: kept
    [doc] = run(path, settings=SMALL_CAP)
    assert isinstance(doc, Document)


def test_html_file_over_five_times_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>{STORY * 12}</p></body></html>")
    [doc] = run(path, settings=SMALL_CAP)
    assert isinstance(doc, Document)
    path.write_text(f"<html><body><p>{STORY * 40}</p></body></html>")
    assert only_rejection(path, settings=SMALL_CAP).reason == "HTML longer than 5,000 characters"


def test_huge_file_is_turned_away_by_its_size_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Bridge\n\n" + STORY * 100)  # > 4 bytes per allowed character
    monkeypatch.setattr(
        "wiretrace.ingest.formats.text.decode_text",
        lambda *a, **k: pytest.fail("decoded"),
    )
    assert only_rejection(path, settings=SMALL_CAP).reason == "text longer than 1,000 characters"
