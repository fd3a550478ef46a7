"""Tables (CSV, JSON Lines, JSON): common column names recognised, ``--map`` overrides, an id
column kept as the locator, dates read, paragraph separators, and the columns described.

Fixtures are fictional rows written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.errors import InputError
from wiretrace.ingest.readers import iter_documents
from wiretrace.ingest.tabular import (
    ColumnMap,
    describe_columns,
    iso_date,
    parse_map,
    site_name,
    split_paragraphs,
)
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

STORY = (
    "The harbour authority of Port Veloria said on Tuesday that the northern pier would close "
    "for repairs until March, after engineers found cracks in three support columns."
)
STORY_2 = "Ferry services will move to the southern terminal while the work goes on."


def read(path: Path, settings: Settings | None = None) -> list[Document | Rejection]:
    return list(iter_documents([str(path)], settings or Settings()))


def test_crawl_csv_columns_recognised(tmp_path: Path) -> None:
    """The shape of a real crawl export: id, publisher, scrape_time, text."""
    path = tmp_path / "crawl.csv"
    path.write_text(
        "id,publisher,scrape_time,text\n"
        f'17,Coast Herald,2018-07-15 10:32:11,"{STORY}"\n'
        f'18,Bay Ledger,1531650731,"{STORY}"\n'
    )
    a, b = read(path)
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.site, a.published, a.locator) == ("Coast Herald", "2018-07-15T10:32:11", "id 17")
    assert (b.site, b.published, b.locator) == ("Bay Ledger", "2018-07-15T10:32:11+00:00", "id 18")
    assert a.text == b.text == STORY


@pytest.mark.parametrize(
    ("columns", "field", "value"),
    [
        ({"outlet": "Coast Herald"}, "site", "Coast Herald"),
        ({"Source": "Coast Herald"}, "site", "Coast Herald"),
        ({"domain": "coastherald.example"}, "site", "coastherald.example"),
        ({"pubDate": "2026-03-02"}, "published", "2026-03-02"),
        (
            {"timestamp": "Tue, 03 Mar 2026 09:15:00 +0000"},
            "published",
            "2026-03-03T09:15:00+00:00",
        ),
        ({"date": "March 3, 2026"}, "published", "2026-03-03"),
        ({"headline": "Pier closes"}, "title", "Pier closes"),
        ({"author": "Ana Ruiz"}, "byline", "Ana Ruiz"),
        ({"link": "https://coastherald.example/pier"}, "url", "https://coastherald.example/pier"),
        ({"article_id": "a-9"}, "locator", "article_id a-9"),
    ],
)
def test_jsonl_common_names(
    tmp_path: Path, columns: dict[str, str], field: str, value: str
) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"content": STORY, **columns}) + "\n")
    [doc] = read(path)
    assert isinstance(doc, Document), doc
    assert doc.text == STORY and getattr(doc, field) == value


def test_map_overrides_a_recognised_name(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"text": STORY, "source": "feed-7", "paper": "Coast Herald"}]))
    settings = Settings(column_map=parse_map(["site=paper"]))
    [doc] = read(path, settings)
    assert isinstance(doc, Document) and doc.site == "Coast Herald"
    ignored = Settings(column_map=parse_map(["site="]))
    [doc] = read(path, ignored)
    assert isinstance(doc, Document) and doc.site is None


def test_map_names_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'text\n"{STORY}"\n')
    [rej] = read(path, Settings(column_map=parse_map(["site=paper"])))
    assert isinstance(rej, Rejection) and "no column paper" in rej.reason


def test_parse_map_rejects_unknown_fields() -> None:
    with pytest.raises(InputError, match="FIELD one of text"):
        parse_map(["colour=paper"])
    with pytest.raises(InputError):
        parse_map(["site"])


def test_paragraph_separator(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'text\n"{STORY} || {STORY_2}"\n')
    [doc] = read(path, Settings(paragraph_separator="||"))
    assert isinstance(doc, Document) and doc.text == f"{STORY}\n\n{STORY_2}"
    # literal "\n" escapes in a text without line breaks are line breaks
    assert split_paragraphs(f"{STORY}\\n\\n{STORY_2}", None) == f"{STORY}\n\n{STORY_2}"
    assert split_paragraphs(f"{STORY}\nC:\\new", None) == f"{STORY}\nC:\\new"


def test_iso_date() -> None:
    assert iso_date("2018-07-15T10:32:11Z") == "2018-07-15T10:32:11Z"
    assert iso_date("1531650731000") == "2018-07-15T10:32:11+00:00"
    assert iso_date("07/15/2018") == "2018-07-15"
    assert iso_date("15th July 2018") == "2018-07-15"
    assert iso_date("last Tuesday") == "last Tuesday"
    assert iso_date("25/07/2018 14:03") == "2018-07-25T14:03:00"  # day first: 25 is no month
    assert iso_date("Wed Jul 25 14:03:00 2018") == "2018-07-25T14:03:00"
    assert iso_date("2018-07-25 14:03:00.123456") == "2018-07-25T14:03:00.123456"


def test_site_column_holding_a_url() -> None:
    assert site_name("https://www.reuters.com/world/asia") == "reuters.com"
    assert site_name("www.coastherald.example") == "coastherald.example"
    assert site_name("Coast Herald") == "Coast Herald"
    assert site_name("Reuters.com") == "Reuters.com"


def test_column_map_one_column_one_field() -> None:
    cmap = ColumnMap.for_columns(["Text", "Source", "Site"], parse_map(["byline=source"]))
    assert cmap.get("site") == "site" and cmap.get("byline") == "source"
    assert cmap.describe() == "text=text, site=site, byline=source"


def test_describe_columns(tmp_path: Path) -> None:
    (tmp_path / "crawl.csv").write_text(
        f'id,publisher,scrape_time,text\n1,A,2018-07-15,"{STORY}"\n'
    )
    (tmp_path / "items.jsonl").write_text(json.dumps({"headline": "x", "body": STORY}) + "\n")
    (tmp_path / "a.txt").write_text(STORY)
    lines = describe_columns([str(tmp_path)])
    assert lines == [
        f"{tmp_path / 'crawl.csv'}: text=text, site=publisher, published=scrape_time, locator=id",
        f"{tmp_path / 'items.jsonl'}: text=body, title=headline",
    ]
