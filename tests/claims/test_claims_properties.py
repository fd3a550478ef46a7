"""Property test: the figure parser never crashes and its offsets are valid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.figures import find_figures
from wiretrace.claims.numbers import find_numbers

PIECES = st.sampled_from([
    "about", "at least", "1,500", "–", "2,000", "forty", "-", "two", "hundred", "dozens", "of",
    "killed", "dead or injured", "$", "5bn", "%", "between", "and", "to", "nearly", "12.5",
    "million", "people", "death toll", ",", ".", " ", "Paris", "said", "\"", "thousands", "0",
    "99999999999999999999", "1,2", "—", "years ago", "in 2023", "\n",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(PIECES, max_size=25).map(" ".join)))
def test_parser_offsets_are_valid(text: str) -> None:
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert n.text == text[n.start:n.end]
        assert n.low <= n.high
    for f in find_figures(text):
        assert 0 <= f.number.start < f.number.end <= len(text)
        if f.counted_span:
            assert 0 <= f.counted_span[0] < f.counted_span[1] <= len(text)
    for c in extract_claims_from_text(text):
        assert 0 <= c.span[0] <= c.span[1] <= len(text)
