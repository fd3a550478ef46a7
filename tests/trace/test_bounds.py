"""The work bound of the per-pair stages: long texts are aligned and compared over a prefix,
within seconds, with the cut recorded; texts under the bound are untouched."""

from __future__ import annotations

import time

from wt_helpers import fictional_article

from wiretrace.model import Article
from wiretrace.pipeline import analyse_story
from wiretrace.report.pairwise import compare_inputs
from wiretrace.settings import Settings
from wiretrace.trace.bounds import bounded_articles, bounded_text


def _long(chars: int, seed: int = 0) -> str:
    parts, i = [], seed
    while sum(len(p) + 2 for p in parts) < chars:
        parts.append(fictional_article(i))
        i += 1
    return "\n\n".join(parts)


def test_a_text_under_the_bound_is_the_same_object() -> None:
    text = "A short article. It has two sentences."
    assert bounded_text(text, 1000) is text


def test_a_long_text_is_cut_to_a_prefix_at_a_paragraph_end() -> None:
    text = _long(50_000)
    cut = bounded_text(text, 20_000)
    assert text.startswith(cut)
    assert 16_000 <= len(cut) <= 20_000
    assert text[len(cut):].startswith("\n\n")


def test_a_text_without_breaks_is_cut_at_the_bound() -> None:
    assert bounded_text("x" * 50, 10) == "x" * 10


def test_comparing_two_long_texts_is_bounded_and_says_so() -> None:
    source = _long(150_000)
    copy = source.replace("asked", "enquired")
    started = time.monotonic()
    result = compare_inputs(source, copy, Settings(), as_text=True)
    elapsed = time.monotonic() - started
    # unbounded, this pair takes minutes (the work grows with the square of the length)
    assert elapsed < 30, f"{elapsed:.1f} s"
    assert [n.split(":")[0] for n in result["bounded"]] == ["source", "copy"]
    assert "Settings.max_compare_chars" in result["bounded"][0]
    pairs = result["alignment"]["pairs"]
    assert pairs and all(p["a_span"][1] <= 20_000 for p in pairs)
    # the shares are of the whole texts: about the bound over the length
    assert 0 < result["alignment"]["reuse_a"] < 0.2


def test_short_comparisons_are_not_bounded() -> None:
    text = fictional_article(1)
    result = compare_inputs(text, text, Settings(), as_text=True)
    assert result["bounded"] == []
    assert result["alignment"]["reuse_a"] > 0.9


def test_analysis_of_a_story_with_a_long_article_records_the_cut() -> None:
    long_text = _long(12_000)
    arts = [
        Article(source="a.txt", text=long_text, raw_text=long_text, id=1, title="A",
                published="2026-07-01"),
        Article(source="b.txt", text=long_text[:3000], raw_text=long_text[:3000], id=2,
                title="B", published="2026-07-02"),
    ]
    bounded, notes = bounded_articles(arts, 5000)
    assert list(notes) == [1] and bounded[1] is arts[1] and arts[0].text == long_text
    result = analyse_story(7, arts, Settings(max_compare_chars=5000))
    evidence = {d.article: d.evidence for d in result.derivations}
    assert any("only the first" in e for e in evidence[1])
    assert not any("only the first" in e for e in evidence[2])
    for al in result.alignments:
        for p in al.pairs:
            assert p.a_span[1] <= 5000 and p.b_span[1] <= 5000
