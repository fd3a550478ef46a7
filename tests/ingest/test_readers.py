"""Every input format, folder walking and stdin: what comes out of ``iter_documents``."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from wiretrace.ingest.readers import iter_documents, sniff
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

SETTINGS = Settings()

STORY = (
    "The harbour authority of Port Veloria said on Tuesday that the northern pier would close "
    "for repairs until March, after engineers found cracks in three support columns."
)
STORY_2 = (
    "Ferry services will move to the southern terminal, the authority said, and fishermen "
    "were promised a temporary mooring near the old lighthouse."
)
HTML = (
    "<!doctype html><html><head><title>Pier closes</title></head><body><article>"
    f"<h1>Pier closes for repairs</h1><p>{STORY}</p><p>{STORY_2}</p></article></body></html>"
)
LONG_CONTENT = f"<p>{STORY}</p><p>{STORY_2}</p>"


def run(*paths: str | Path, settings: Settings = SETTINGS, stdin: str | None = None):
    stream = io.StringIO(stdin) if stdin is not None else None
    return list(iter_documents([str(p) for p in paths], settings, stdin=stream))


def docs(results: list) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def rejections(results: list) -> list[Rejection]:
    return [r for r in results if isinstance(r, Rejection)]


# --- HTML, text, Markdown -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml"])
def test_html_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(HTML, encoding="utf-8")
    [doc] = run(path)
    assert isinstance(doc, Document)
    assert doc.format == "html" and doc.html == HTML and doc.text is None
    assert doc.source == str(path)


@pytest.mark.parametrize("name", ["page.html.gz", "page.htm.gz"])
def test_gzipped_html(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(HTML.encode()))
    [doc] = run(path)
    assert isinstance(doc, Document) and doc.html == HTML


def test_relative_source_stays_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_text(HTML)
    monkeypatch.chdir(tmp_path)
    [doc] = run("a.html")
    assert doc.source == "a.html"


def test_plain_text_title_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        f"\n\nPier closes for repairs\n\n{STORY}\n\n\n   \n{STORY_2}\n", encoding="utf-8"
    )
    [doc] = run(path)
    assert doc.format == "text"
    assert doc.title == "Pier closes for repairs"
    assert doc.text == f"{STORY}\n\n{STORY_2}"
    assert doc.html is None


def test_markdown_heading_and_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"# Pier closes for repairs\n\n{STORY}\n\n{STORY_2}\n")
    [doc] = run(path)
    assert doc.format == "markdown"
    assert doc.title == "Pier closes for repairs"
    assert doc.text.startswith("The harbour authority") and "\n\n" in doc.text

    fm = tmp_path / "fm.markdown"
    fm.write_text(
        "---\ntitle: Pier shut\ndate: 2026-03-02\nurl: https://veloria.example/pier\n"
        f"author: Ana Ruiz\n---\n{STORY}\n"
    )
    [doc] = run(fm)
    assert (doc.title, doc.published, doc.url, doc.byline) == (
        "Pier shut",
        "2026-03-02",
        "https://veloria.example/pier",
        "Ana Ruiz",
    )
    assert doc.text == STORY


def test_setext_heading_underline_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"Pier closes\n===========\n\n{STORY}\n")
    [doc] = run(path)
    assert doc.title == "Pier closes" and doc.text == STORY


# --- JSON Lines, JSON, CSV ----------------------------------------------------------------


def _item(**extra: object) -> dict:
    return {"text": STORY, "title": "Pier closes", **extra}


def test_jsonl_lines_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    lines = [
        json.dumps(
            _item(
                url="https://veloria.example/a",
                published="2026-03-02",
                site="veloria.example",
                byline="Ana Ruiz",
                language="en",
            )
        ),
        "",
        json.dumps({"html": HTML, "url": "https://other.example/b"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    a, b = run(path)
    assert (a.source, a.locator, a.format) == (str(path), "line 1", "jsonl")
    assert (a.url, a.published, a.site, a.byline, a.language) == (
        "https://veloria.example/a",
        "2026-03-02",
        "veloria.example",
        "Ana Ruiz",
        "en",
    )
    assert a.text == STORY and a.html is None
    assert b.locator == "line 3" and b.html == HTML and b.text is None


@pytest.mark.parametrize("name", ["items.ndjson", "items.jsonl.gz"])
def test_jsonl_variants(tmp_path: Path, name: str) -> None:
    data = (json.dumps(_item()) + "\n" + json.dumps(_item(title="Two")) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    results = run(path)
    assert [d.title for d in docs(results)] == ["Pier closes", "Two"]


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([_item(url="https://x.example/1"), {"html": HTML}]))
    a, b = run(array)
    assert (a.locator, a.url, a.format) == ("item 1", "https://x.example/1", "json")
    assert b.locator == "item 2" and b.html == HTML

    single = tmp_path / "one.json"
    single.write_text(json.dumps(_item()))
    [doc] = run(single)
    assert doc.text == STORY and doc.locator is None


def test_json_wrapper_object_holding_a_list(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"count": 2, "articles": [_item(), _item(title="B")]}))
    assert [d.title for d in docs(run(path))] == ["Pier closes", "B"]


def test_text_wins_when_both_text_and_html(tmp_path: Path) -> None:
    path = tmp_path / "both.jsonl"
    path.write_text(json.dumps({"text": STORY, "html": HTML}) + "\n")
    path.write_text(path.read_text() + json.dumps({"text": STORY, "html": 7}) + "\n")
    a, b = run(path)
    assert a.text == STORY and a.html is None
    assert isinstance(b, Document) and b.text == STORY


def test_csv_and_tsv(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Title", "URL", "Text", "extra"])
        writer.writerow(["Pier closes", "https://x.example/1", f"{STORY}\n\n{STORY_2}", "x"])
        writer.writerow(["Second", "https://x.example/2", STORY_2, "y"])
    a, b = run(path)
    assert (a.locator, a.title, a.url, a.format) == (
        "row 2",
        "Pier closes",
        "https://x.example/1",
        "csv",
    )
    assert a.text == f"{STORY}\n\n{STORY_2}"
    assert b.locator == "row 3" and b.text == STORY_2

    tsv = tmp_path / "rows.tsv"
    tsv.write_text(f"html\ttitle\n{HTML}\tTab story\n")
    [doc] = run(tsv)
    assert doc.html == HTML and doc.title == "Tab story" and doc.format == "tsv"


def test_csv_field_larger_than_default_csv_limit(tmp_path: Path) -> None:
    big = " ".join([STORY] * 1200)  # ~200 KB, past csv's default 128 KB field limit
    path = tmp_path / "big.csv"
    path.write_text('text\n"' + big + '"\n')
    [doc] = run(path)
    assert isinstance(doc, Document) and doc.text == big


# --- feeds ----------------------------------------------------------------------------------


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Veloria Daily</title><link>https://news.veloria.example/</link>
<language>en</language>
<item><title>Pier closes for repairs</title><link>https://news.veloria.example/pier</link>
<pubDate>Tue, 03 Mar 2026 09:30:00 GMT</pubDate><author>desk@veloria.example (Ana Ruiz)</author>
<description>Short teaser.</description>
<content:encoded><![CDATA[{LONG_CONTENT}]]></content:encoded></item>
<item><title>Council meets on budget</title><link>https://news.veloria.example/budget</link>
<description>The council meets tonight.</description></item>
<item><title>No link, no body</title></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire</title>
<link href="https://coastwire.example/"/><id>urn:x</id><updated>2026-03-03T10:00:00Z</updated>
<entry><title>Pier closes</title><link href="https://coastwire.example/p1"/><id>urn:1</id>
<updated>2026-03-03T10:00:00Z</updated>
<content type="html">{LONG_CONTENT.replace("<", "&lt;")}</content>
</entry></feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://rdf.example/"><title>RDF news</title><link>https://rdf.example/</link>
</channel>
<item rdf:about="https://rdf.example/1"><title>Only a link</title><link>https://rdf.example/1</link></item>
</rdf:RDF>"""


def test_rss_content_link_only_and_empty_entries(tmp_path: Path) -> None:
    path = tmp_path / "daily.rss"
    path.write_text(RSS)
    full, link, bad = run(path)
    assert isinstance(full, Document) and full.format == "feed"
    assert full.html is not None and STORY in full.html
    assert (full.title, full.url, full.site, full.locator, full.language) == (
        "Pier closes for repairs",
        "https://news.veloria.example/pier",
        "news.veloria.example",
        "entry 1",
        "en",
    )
    assert full.published == "2026-03-03T09:30:00Z"
    assert isinstance(link, Document) and link.format == "feed-link"
    assert (link.url, link.title, link.html, link.text) == (
        "https://news.veloria.example/budget",
        "Council meets on budget",
        None,
        None,
    )
    assert isinstance(bad, Rejection) and bad.reason.startswith("entry 3:")


def test_atom_and_rdf_by_sniffing(tmp_path: Path) -> None:
    atom = tmp_path / "coast"  # no extension: sniffed
    atom.write_text(ATOM)
    [doc] = run(atom)
    assert doc.format == "feed" and STORY in (doc.html or "")
    assert doc.site == "coastwire.example" and doc.url == "https://coastwire.example/p1"

    rdf = tmp_path / "news.xml"
    rdf.write_text(RDF)
    [doc] = run(rdf)
    assert doc.format == "feed-link" and doc.url == "https://rdf.example/1"


# --- WARC -----------------------------------------------------------------------------------


def write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-03-03T10:00:00Z"},
            )
            writer.write_record(rec)

        response(
            "https://veloria.example/pier", "200 OK", "text/html; charset=utf-8", HTML.encode()
        )
        response("https://veloria.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        response("https://veloria.example/old", "301 Moved", "text/html", b"<p>moved</p>")
        cyr = "<html><body><p>Москва объявила новые меры поддержки фермеров.</p></body></html>"
        response(
            "https://ru.example/1",
            "200 OK",
            "text/html; charset=windows-1251",
            cyr.encode("cp1251"),
        )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_keeps_html_200_responses_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gz=name.endswith(".gz"))
    results = run(path)
    assert rejections(results) == []
    page, russian = results
    assert (page.format, page.url, page.published, page.locator) == (
        "warc",
        "https://veloria.example/pier",
        "2026-03-03T10:00:00Z",
        "record 2",
    )
    assert page.html == HTML and page.source == str(path)
    assert russian.locator == "record 5" and "Москва" in (russian.html or "")


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gz=False)
    plain = tmp_path / "crawl-data"
    plain.write_bytes(path.read_bytes())
    assert len(docs(run(plain))) == 2


# --- sniffing, folders, stdin ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HTML.encode(), "html"),
        (b"  <div><p>x</p></div>", "html"),
        (RSS.encode(), "feed"),
        (b'[{"text": "x"}]', "json"),
        (b'{"text": "x"}', "json"),
        (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        (b"WARC/1.1\r\n", "warc"),
        (b"Just a headline\n\nAnd a paragraph.", "text"),
    ],
)
def test_sniff(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_text(HTML)
    (tmp_path / "export.dat").write_text(json.dumps(_item()) + "\n" + json.dumps(_item()) + "\n")
    (tmp_path / "NOTES").write_text(f"Pier closes\n\n{STORY}\n")
    results = run(tmp_path / "page.php", tmp_path / "export.dat", tmp_path / "NOTES")
    assert [d.format for d in results] == ["html", "jsonl", "jsonl", "text"]


def test_folder_walk_sorted_recursive_hidden_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "b" / "deep").mkdir(parents=True)
    (corpus / "a").mkdir()
    (corpus / ".git").mkdir()
    (corpus / ".git" / "x.html").write_text(HTML)
    (corpus / ".hidden.html").write_text(HTML)
    (corpus / "z.txt").write_text(f"Z\n\n{STORY}")
    (corpus / "a" / "b.html").write_text(HTML)
    (corpus / "b" / "deep" / "c.md").write_text(f"# C\n\n{STORY}")
    (corpus / "b" / "a.jsonl").write_text(json.dumps(_item()) + "\n")
    (corpus / "b" / "style.css").write_text("body { color: red }")
    monkeypatch.chdir(tmp_path)
    results = run("corpus")
    sources = [r.source for r in results]
    assert sources == [
        "corpus/a/b.html",
        "corpus/b/a.jsonl",
        "corpus/b/deep/c.md",
        "corpus/b/style.css",
        "corpus/z.txt",
    ]
    [css] = rejections(results)
    assert css.reason == "unsupported file type: .css"
    assert docs(results)[1].locator == "line 1"
    assert docs(results)[2].title == "C"


def test_symlinks_are_not_followed_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text(HTML)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "inside.html").write_text(HTML)
    os.symlink(corpus / "inside.html", corpus / "alias.html")
    os.symlink(outside, corpus / "leak.html")
    os.symlink(tmp_path, corpus / "loop")
    results = run(corpus)
    by_name = {Path(r.source).name: r for r in results}
    assert isinstance(by_name["alias.html"], Document)
    assert isinstance(by_name["inside.html"], Document)
    assert by_name["leak.html"].reason == "symlink points outside the folder, not followed"
    assert by_name["loop"].reason == "symlinked folder, not followed"
    assert len(results) == 4


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [rej] = run(tmp_path / "empty")
    assert rej.reason == "folder has no files"


def test_stdin_json_lines(tmp_path: Path) -> None:
    text = (
        json.dumps(_item(url="https://x.example/1")) + "\nnot json\n" + json.dumps({"html": HTML})
    )
    a, bad, b = run("-", stdin=text)
    assert (a.source, a.locator, a.url) == ("-", "line 1", "https://x.example/1")
    assert bad == Rejection("-", "invalid JSON on line 2: Expecting value")
    assert b.locator == "line 3" and b.html == HTML


def test_stdin_mixed_with_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML)
    results = run(tmp_path / "a.html", "-", stdin=json.dumps(_item()) + "\n")
    assert [d.format for d in docs(results)] == ["html", "jsonl"]


def test_stdin_default_is_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(_item()) + "\n"))
    [doc] = list(iter_documents(["-"], SETTINGS))
    assert doc.text == STORY
