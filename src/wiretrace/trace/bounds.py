"""A bound on the work one pair of texts may cost in the per-pair stages (align, claims,
compare), applied at their entry points (``wiretrace compare`` and the per-story analysis).

Aligning and comparing two texts costs more than linear time in their length (candidate
sentence pairs, and checks that rescan a text per pair), so one long or hostile pair (two
1.9M-character texts) would stall a whole run for minutes and gigabytes. Here a text longer
than ``Settings.max_compare_chars`` is aligned and compared over its first that many
characters, cut at a paragraph or sentence end: a prefix, so every offset found stays an offset
into the whole text. The cut is never silent: ``bound_note`` is the reason recorded with the
result (in the derivation's evidence, in the comparison's ``bounded`` list).

This is a guard around the stages, not part of them: it does not change what they compute on
a text under the bound.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from wiretrace.model import Article

__all__ = ["bound_note", "bounded_articles", "bounded_text"]

_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", " ")


def bounded_text(text: str, cap: int) -> str:
    """``text`` itself when it is at most ``cap`` characters; else its prefix of at most
    ``cap`` characters ending at the last paragraph, line, sentence or word end past 80 % of
    the cap (or at the cap)."""
    if cap <= 0 or len(text) <= cap:
        return text
    floor = int(cap * 0.8)
    for mark in _BREAKS:
        cut = text.rfind(mark, floor, cap)
        if cut != -1:
            return text[: cut + len(mark.rstrip())] if mark.strip() else text[:cut]
    return text[:cap]


def bound_note(length: int, kept: int, cap: int) -> str:
    return (
        f"only the first {kept:,} of {length:,} characters were aligned and compared "
        f"(Settings.max_compare_chars = {cap:,} bounds the work per pair)"
    )


def bounded_articles(
    articles: Sequence[Article], cap: int
) -> tuple[list[Article], dict[int, str]]:
    """The articles with each working text cut to the bound (copies; the given ones are left
    as they are), and the note for each article that was cut, by id (-1 without an id)."""
    out: list[Article] = []
    notes: dict[int, str] = {}
    for art in articles:
        kept = bounded_text(art.text, cap)
        if kept is art.text:
            out.append(art)
            continue
        out.append(dataclasses.replace(art, text=kept))
        notes[art.id if art.id is not None else -1] = bound_note(len(art.text), len(kept), cap)
    return out, notes
