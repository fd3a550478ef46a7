# ruff: noqa: E501
"""A polish of a short paragraph (two sentences) is traced to it by the learned decision: the
decision is asked once every sentence of the shorter text aligns, not only from three aligned
sentences. A short report of the same event from its own sources stays unlinked."""

from __future__ import annotations

from conftest import make

from wiretrace.trace.align import align_articles
from wiretrace.trace.derivation import link_basis, may_be_paraphrase, trace_story
from wiretrace.trace.features import view

# Written for this test: a two-sentence item and an LLM-style polish of it.
SHORT_ORIGINAL = """The village library in Marrow Creek will close for six weeks this summer so that volunteers can repair its leaking roof and replace the old wooden shelves. Readers can still borrow books from a mobile van that will park outside the town hall every Saturday morning."""

SHORT_POLISH = """This summer, the Marrow Creek village library will shut its doors for six weeks while volunteers mend the leaking roof and swap out its aging wooden shelves. In the meantime, readers will be able to borrow books from a mobile van stationed outside the town hall each Saturday morning."""

# Another short item on the same closure, from its own sources, with its own names and figures.
SHORT_OTHER = """Marrow Creek's library is shutting for repairs, parish clerk Edda Solberg confirmed on Monday, with a builder from Dunmore quoting 14,000 pounds for the work. Council member Ravi Anand said a reading room at the primary school would open on weekday afternoons."""


def _pair(a_text: str, b_text: str):  # noqa: ANN202
    a = make(1, a_text, published="2024-05-02T09:00:00+00:00")
    b = make(2, b_text, site="other.example", published="2024-05-03T09:00:00+00:00")
    al = align_articles(a, b)
    return view(al, a, b), view(al, b, a), a, b


def test_polish_of_a_short_paragraph_is_traced_to_it() -> None:
    vx, vy, a, b = _pair(SHORT_ORIGINAL, SHORT_POLISH)
    assert may_be_paraphrase(vx, vy, a, b)  # both of its two sentences align
    how, prob = link_basis(vx, vy, a, b)
    assert how == "paraphrase" and prob is not None
    got = {d.article: d for d in trace_story([a, b])}
    assert got[2].parent == 1 and got[2].type == "rewrite"
    assert got[1].parent is None and got[1].type == "original"


def test_short_report_of_its_own_on_the_same_event_is_not_linked() -> None:
    vx, vy, a, b = _pair(SHORT_ORIGINAL, SHORT_OTHER)
    assert link_basis(vx, vy, a, b)[0] is None
    assert all(d.parent is None for d in trace_story([a, b]))
