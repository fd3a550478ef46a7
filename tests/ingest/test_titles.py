"""Titles of plain texts: a first line is a title only when it reads as a headline; otherwise
the text is the article and a title is derived from its first sentence. Chrome is never a title.

Fixtures are fictional texts written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.ingest.extract import document_to_article
from wiretrace.ingest.readers import iter_documents
from wiretrace.ingest.titles import derive_title, reads_as_headline
from wiretrace.model import Document
from wiretrace.settings import Settings

PARAGRAPH = (
    "The harbour authority of Port Veloria said on Tuesday that the northern pier would close "
    "for repairs until March. Engineers found cracks in three support columns, and ferry "
    "services will move to the southern terminal while the work goes on."
)


@pytest.mark.parametrize(
    "line",
    [
        "Pier closes for repairs",
        "Port Veloria pier to shut until March after cracks found",
        "Why did the pier close?",
        "U.S. ferry operator cuts routes",
        "Bridge",
    ],
)
def test_headlines(line: str) -> None:
    assert reads_as_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        "The pier closed on Tuesday.",  # a sentence, not a headline
        "By Ana Ruiz",
        "Subscribe",
        "Sunday, Jul 15th 2018 5-Day Forecast",
        "(68102)",
        "Tuesday, March 3, 2026 10:42 a.m.",
        "Try one month for $1",
        "WASHINGTON —",
        "The pier closed. Ferries moved south",
    ],
)
def test_not_headlines(line: str) -> None:
    assert not reads_as_headline(line)


def _read(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = list(iter_documents([str(path)], Settings()))
    assert isinstance(doc, Document), doc
    return doc


def test_one_paragraph_file_is_an_article(tmp_path: Path) -> None:
    doc = _read(tmp_path, PARAGRAPH + "\n")
    assert doc.text == PARAGRAPH and doc.title is None
    art = document_to_article(doc, Settings())
    assert art.text == PARAGRAPH
    assert art.title == (
        "The harbour authority of Port Veloria said on Tuesday that the northern pier would "
        "close for repairs until March"
    )


def test_one_line_without_full_stop_is_an_article_not_a_title(tmp_path: Path) -> None:
    line = "Ferries will move to the southern terminal while engineers repair the pier"
    doc = _read(tmp_path, line + "\n")
    assert doc.text == line


def test_sentence_on_the_first_line_is_not_a_title(tmp_path: Path) -> None:
    first = "The pier closed on Tuesday after engineers found cracks."
    doc = _read(tmp_path, f"{first}\n\n{PARAGRAPH}\n")
    assert doc.title is None and doc.text == f"{first}\n\n{PARAGRAPH}"


def test_chrome_above_the_headline_is_never_the_title(tmp_path: Path) -> None:
    raw = f"Sunday, Jul 15th 2018 5-Day Forecast\nSubscribe\n(68102)\nPier closes\n\n{PARAGRAPH}\n"
    doc = _read(tmp_path, raw)
    assert doc.title == "Pier closes"
    assert doc.text is not None and "Pier closes" not in doc.text
    art = document_to_article(doc, Settings())
    assert art.text == PARAGRAPH  # the chrome lines are residue


def test_derived_title_skips_chrome_and_labels() -> None:
    assert derive_title(f"Subscribe\n\n{PARAGRAPH}") == derive_title(PARAGRAPH)
    assert derive_title("Breaking News: The pier closed on Tuesday.") == (
        "The pier closed on Tuesday"
    )
    assert derive_title("Pier closes\n" + PARAGRAPH) == "Pier closes"
    long = "Word " * 60 + "end."
    title = derive_title(long)
    assert title is not None and title.endswith("…") and len(title) <= 121
    assert derive_title("12 34\n") is None


def test_first_line_of_a_verse_is_not_a_title(tmp_path: Path) -> None:
    verse = (
        "In the harbour of Port Veloria, a pier stands tired\n"
        "Its columns cracked by winter tides\n"
        "The ferries turn toward the south\n"
        "While engineers mend what the sea has worn\n"
    )
    doc = _read(tmp_path, verse)
    assert doc.title is None and doc.text == verse.strip()
    # a headline with a standfirst and a byline under it stays a headline
    doc = _read(tmp_path, f"Pier closes\nRepairs to last until March\nBy Ana Ruiz\n\n{PARAGRAPH}\n")
    assert doc.title == "Pier closes"


def test_title_label_abbreviations_and_trailing_colon(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Title: Pier closes for repairs\n\n{PARAGRAPH}\n")
    assert doc.title == "Pier closes for repairs"
    assert derive_title("Harbour master Capt. Lin Ode said the pier would close.") == (
        "Harbour master Capt. Lin Ode said the pier would close"
    )
    assert derive_title("Quake strikes Port Amell: Ten houses were damaged.") == (
        "Quake strikes Port Amell"
    )


def test_headline_under_a_credit_header(tmp_path: Path) -> None:
    doc = _read(tmp_path, f"Credited from: Coast Herald\nPier closes\n\n{PARAGRAPH}\n")
    assert doc.title == "Pier closes"
    art = document_to_article(doc, Settings())
    assert [a.kind for a in art.artefacts] == ["aggregator_header"] and art.text == PARAGRAPH
