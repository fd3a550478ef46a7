from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.trace.align import align
from wiretrace.trace.sentences import split_sentences

WORDS = ["the", "port", "fire", "said", "U.S.", "Jan.", "24", "Mr.", "é", "“quote”", "—", "(AP)"]
sentence = st.lists(st.sampled_from(WORDS), min_size=0, max_size=14).map(
    lambda ws: " ".join(ws) + "."
)
text = st.lists(sentence, max_size=8).map(lambda ss: "\n".join(ss)) | st.text(max_size=300)


@settings(max_examples=120, deadline=None)
@given(text, text, st.randoms(use_true_random=False))
def test_align_spans_are_valid(a: str, b: str, rnd: object) -> None:
    for t in (a, b):
        for s, e in split_sentences(t):
            assert 0 <= s < e <= len(t)
    for x, y in ((a, b), (a, a), (a, a[::-1] + b)):
        al = align(x, y)
        assert 0.0 <= al.reuse_a <= 1.0 and 0.0 <= al.reuse_b <= 1.0
        for p in al.pairs:
            assert 0 <= p.a_span[0] <= p.a_span[1] <= len(x)
            assert 0 <= p.b_span[0] <= p.b_span[1] <= len(y)
            assert p.kind in ("verbatim", "edited", "paraphrase")
