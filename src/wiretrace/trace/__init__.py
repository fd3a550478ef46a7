"""Align and trace: reused passages between articles, and who copied whom.

- :func:`split_sentences` — sentence spans with character offsets (syntok).
- :func:`align` / :func:`align_articles` — typed passage pairs (verbatim, edited, paraphrase)
  with offsets into both texts and reuse ratios both ways; :func:`passages` merges neighbours.
- :func:`trace_story` — one :class:`~wiretrace.model.Derivation` per article of a story: type,
  parent or named upstream, score, evidence.
- :func:`find_citations` / :func:`article_citations` — upstreams an article credits.
"""

from wiretrace.trace.align import align, align_articles, passages
from wiretrace.trace.citations import Citation, article_citations, find_citations
from wiretrace.trace.derivation import trace_story
from wiretrace.trace.sentences import split_sentences

__all__ = [
    "Citation",
    "align",
    "align_articles",
    "article_citations",
    "find_citations",
    "passages",
    "split_sentences",
    "trace_story",
]
