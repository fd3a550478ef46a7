"""Lines of a text that are not the story: page chrome, bylines, credits, notices, time stamps.

Ingest removes the residue it recognises from the working text, but a text compared directly
(``wiretrace compare``, an article whose page chrome ingest missed) may still carry it. A change
whose words lie in such a line is never a change of the story ("Order Reprint" is no addition,
"Updated 9:06 AM" against "Updated 09/14/2013 01:03 PM" is no changed figure). The kinds are the
ingest residue kinds (``wiretrace.ingest.residue``) plus time-stamp and byline lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["artefact_spans", "in_artefact"]

_STAMP = re.compile(r"^\s*(?:(?:last\s+)?updated|posted|published|first published|modified)\b"
                    r"[\s:,]*[\w ,:/.+-]{0,60}$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:by|from|source|credit|photo|image|via)\s*:?\s+[\w.&'’ -]{2,60}$",
                     re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_MAX_LINE = 160


@lru_cache(maxsize=256)
def artefact_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` that are page residue: each a whole line (or the ingest candidate)."""
    from wiretrace.ingest.chrome import chrome_kind
    from wiretrace.ingest.residue import find_residue

    spans = [(c.start, c.end) for c in find_residue(text)]
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or len(line) > _MAX_LINE:
            continue
        if chrome_kind(line) or _STAMP.match(line) or (
                _BYLINE.match(line) and not line.rstrip().endswith((".", "?", "!", "”", '"'))):
            spans.append((m.start(), m.end()))
    return tuple(sorted(spans))


def in_artefact(text: str, span: tuple[int, int] | None) -> bool:
    """Does ``span`` of ``text`` lie in a residue line?"""
    if not span:
        return False
    s, e = span
    return any(a <= s and e <= b + 1 for a, b in artefact_spans(text))
