"""HTML nested deeper than lxml goes (256 levels) but under the cap keeps its text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wiretrace.ingest.deep_html import flatten_deep
from wiretrace.ingest.formats.common import check_html
from wiretrace.ingest.readers import iter_documents
from wiretrace.model import Article
from wiretrace.pipeline import extract_documents
from wiretrace.settings import Settings

STORY = ("<p>The harbour council of Marlowe met on Tuesday to discuss the ferry strike that has "
         "halted crossings for a week, officials said.</p><p>Talks resume on Friday, the union "
         "said, after the mayor offered to mediate between the operator and the crews.</p>")


def _depth(html: str) -> int:
    depth = best = 0
    for m in re.finditer(r"<(/?)(div|span)\b", html):
        depth += -1 if m.group(1) else 1
        best = max(best, depth)
    return best


def test_shallow_html_is_left_alone() -> None:
    html = f"<html><body><div>{STORY}</div></body></html>"
    assert flatten_deep(html) is html


def test_deep_html_is_flattened_and_keeps_its_text() -> None:
    html = "<html><body>" + "<div><span>" * 500 + STORY + "</span></div>" * 500 + "</body></html>"
    flat = flatten_deep(html, max_depth=100)
    assert _depth(flat) <= 100
    strip = lambda h: " ".join(re.sub(r"<[^>]+>", " ", h).split())  # noqa: E731
    assert strip(flat) == strip(html)
    check_html(flat, Settings())  # still well formed enough for the depth scan


@pytest.mark.parametrize("depth", [300, 1000, 1900])
def test_a_page_nested_under_the_cap_is_ingested_with_its_text(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><head><title>Ferry strike</title></head><body>" + "<div>" * depth
                    + STORY + "</div>" * depth + "</body></html>")
    settings = Settings(workers=1)
    [item] = list(extract_documents(iter_documents([str(path)], settings), settings))
    assert isinstance(item, Article), item
    assert "ferry strike" in item.text and "mediate" in item.text
