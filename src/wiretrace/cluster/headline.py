"""The headline a story is shown under: the title of its most representative article.

Every member's title is scored by how many words it shares with the other members' titles and
leads (a title about what happened is shared; "Live updates" or a one-outlet angle is not). A
title cut from a first sentence ("…") or that does not read as a headline scores half; ties go to
the earliest article. A story without titles is named by its first words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from wiretrace.model import Article

__all__ = ["story_headline"]

_WORD = re.compile(r"[^\W\d_]{3,}")
_LEAD_CHARS = 400
_STOP = frozenset(
    "the and for with from that this have has had was were are its their after over into about "
    "said says will would could more than been new not but who what when where which while".split()
)


def _words(text: str) -> set[str]:
    return {w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in _STOP}


def story_headline(articles: Sequence[Article]) -> str:
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.id or 0))
    titled = [a for a in ordered if a.title and a.title.strip()]
    if not titled:
        words = ordered[0].text.split() if ordered else []
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    if len(ordered) <= 2:
        return str(titled[0].title)
    # how many members use each word in their title or lead
    df: Counter[str] = Counter()
    for a in ordered:
        df.update(_words(f"{a.title or ''} {a.text[:_LEAD_CHARS]}"))
    best, best_score = titled[0], -1.0
    for a in titled:
        title_words = _words(str(a.title))
        if not title_words:
            continue
        score = sum(df[w] - 1 for w in title_words) / len(title_words)
        if str(a.title).endswith("…") or str(a.title).endswith("."):
            score *= 0.5
        if score > best_score + 1e-9:
            best, best_score = a, score
    return str(best.title)
