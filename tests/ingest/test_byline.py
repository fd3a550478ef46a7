"""Bylines at the top of a text become the article's byline and a ``byline`` artefact.

Fixtures are fictional texts written for these tests.
"""

from __future__ import annotations

import pytest

from wiretrace.ingest.clean import clean
from wiretrace.ingest.extract import document_to_article
from wiretrace.model import Document
from wiretrace.settings import Settings

LEAD = "The harbour authority of Port Veloria said on Tuesday that the northern pier would close."


@pytest.mark.parametrize(
    ("raw", "byline"),
    [
        (f"By Reuters\n\n{LEAD}", "Reuters"),
        (f"By JANE DOE Associated Press\n{LEAD}", "JANE DOE Associated Press"),
        (f"By Jane Doe, AFP\n{LEAD}", "Jane Doe, AFP"),
        (f"By Reuters WASHINGTON - {LEAD}", "Reuters"),
        (f"By The Associated Press\n\n{LEAD}", "The Associated Press"),
        (f"By Jane Doe and Li Wen | AP | June 11, 2018 at 9:15 PM\n{LEAD}",
         "Jane Doe and Li Wen | AP"),
    ],
)
def test_byline_read_from_the_text(raw: str, byline: str) -> None:
    art = document_to_article(Document(source="a.txt", format="text", text=raw), Settings())
    assert art.byline == byline
    assert [a.kind for a in art.artefacts] == ["byline"]
    assert not art.text.startswith("By ")


@pytest.mark.parametrize(
    "raw",
    [f"By the end of the year, {LEAD}", f"By Tuesday\n\n{LEAD}", f"{LEAD}\n\nBy Reuters"],
)
def test_not_a_byline(raw: str) -> None:
    assert [a for a in clean(raw).artefacts if a.kind == "byline"] == []


def test_given_byline_wins() -> None:
    doc = Document(source="a.txt", format="text", text=f"By Reuters\n\n{LEAD}", byline="Ana Ruiz")
    assert document_to_article(doc, Settings()).byline == "Ana Ruiz"
