"""Claims and changes: what each article asserts, what each copy changed, the story as a brief.

- :func:`extract_claims` — figures, attributions, quotes, actors, places and dates with offsets.
- :func:`compare` / :func:`compare_story` — typed changes of a copy against its source.
- :func:`compare_texts` — the pairwise comparison behind ``wiretrace compare SOURCE COPY``.
- :mod:`wiretrace.claims.entailment` — ``support(source_sentences, copy_sentence)``: is a copy's
  sentence supported by its source? (a small trained model; vets the comparison's changes)
- :func:`brief` — facts with support, disputed facts, citations (rendered by ``wiretrace.report``).
- :func:`fact_lineage` — each changed fact: the copy that first changed it, the copies that
  repeat it.
- :func:`quote_changes` — quotes each copy cut, spliced, reattributed or altered.
"""

from wiretrace.claims.brief import brief
from wiretrace.claims.compare import FACT_KINDS, PairReport, compare, compare_texts
from wiretrace.claims.extract import extract_claims, extract_claims_from_text
from wiretrace.claims.lineage import fact_lineage
from wiretrace.claims.quotes import quote_changes
from wiretrace.claims.story import compare_story

__all__ = [
    "FACT_KINDS",
    "PairReport",
    "brief",
    "compare",
    "compare_story",
    "compare_texts",
    "extract_claims",
    "extract_claims_from_text",
    "fact_lineage",
    "quote_changes",
]
