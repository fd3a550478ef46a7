# ruff: noqa: E501
"""Paraphrase-aware alignment: a rewrite in other words (no shared 3-word run in most sentences)
is found by the sentence model, linked to its source and typed; passages are one detection."""

from __future__ import annotations

import pytest
from conftest import INDEPENDENT, ORIGINAL, make

from wiretrace.model import Derivation
from wiretrace.settings import Settings
from wiretrace.trace.align import align, passages
from wiretrace.trace.derivation import trace_story

# A model-style rewrite of ORIGINAL's first six sentences: different words and sentence shapes.
LLM_REWRITE = """On Tuesday, flames tore through Port Elmira's principal grain terminal, wiping out three storage buildings and stopping all shipments for a minimum of seven days, port officials reported.
Crews spent nine hours battling the inferno before they managed to contain it in the early hours of Wednesday, said Marta Kovane, who leads the fire service.
A pair of dockhands needed care at the city hospital after breathing in smoke, and both were later sent home.
Roughly two fifths of all wheat leaving Valdoria passes through this facility, so merchants fear a jump in prices should rebuilding drag on.
Speaking to reporters on Wednesday morning, Mayor Ilse Branco promised a swift reconstruction and vowed that no vessel would depart the harbour without cargo.
The origin of the blaze remains unknown, although port officials are looking into a possible electrical failure on a conveyor."""

BRIEF_PARAPHRASE = """Flames tore through Port Elmira's principal grain terminal on Tuesday, wiping out three storage buildings and stopping shipments.
Crews needed nine hours to contain the inferno, the head of the fire service said.
Two dockhands were briefly hospitalised after breathing in smoke.
Roughly two fifths of Valdoria's wheat goes through the terminal, and merchants fear higher prices.
Officials are looking into a possible electrical failure on a conveyor."""


def test_model_finds_paraphrased_sentences_the_words_miss() -> None:
    with_model = align(ORIGINAL, LLM_REWRITE)
    words_only = align(ORIGINAL, LLM_REWRITE, Settings(semantic_alignment=False))
    assert len(with_model.pairs) >= 5
    assert len(words_only.pairs) <= 2
    assert with_model.reuse_b >= 0.8
    first = min(with_model.pairs, key=lambda p: p.b_span)
    # the rewrite's first sentence pairs with the original's first sentence, not another one
    assert ORIGINAL[first.a_span[0] : first.a_span[1]].startswith("PORT ELMIRA")
    assert first.kind == "paraphrase" and first.score >= 0.5


def test_paraphrase_is_one_passage_with_offsets_in_both_texts() -> None:
    al = align(ORIGINAL, LLM_REWRITE)
    merged = passages(al, ORIGINAL, LLM_REWRITE)
    assert len(merged) == 1
    (p,) = merged
    assert p.a_span[0] == 0 and p.b_span == (0, len(LLM_REWRITE))
    # the passage ends inside the original: its last four sentences were not rewritten
    assert ORIGINAL[: p.a_span[1]].endswith("was being examined.")


def test_llm_rewrite_is_traced_to_its_source_as_a_rewrite() -> None:
    source = make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")
    rewrite = make(2, LLM_REWRITE, site="content-farm.example", published="2024-03-06T07:00:00+00:00")
    got = {d.article: d for d in trace_story([source, rewrite])}
    assert got[2].parent == 1 and got[2].type == "rewrite"
    assert got[1].parent is None and got[1].type == "original"
    assert any("paraphrase" in e for e in got[2].evidence)


@pytest.mark.xfail(reason="the learned link decision (precision first, trained without real summaries) "
                   "scores this brief 0.87, under its threshold: a summary that drops the source's "
                   "names and figures looks like a second report of the same event", strict=False)
def test_short_paraphrase_is_a_summary() -> None:
    # five sentences condensing the first six of the source, in order and in other words
    source = make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")
    brief = make(2, BRIEF_PARAPHRASE, site="briefs.example", published="2024-03-06T07:00:00+00:00")
    got = {d.article: d for d in trace_story([source, brief])}
    assert got[2].parent == 1 and got[2].type == "summary"


def test_credited_aggregator_summary_is_a_summary() -> None:
    # the same brief as an aggregator posts it: a credit header and a list of outlets
    source = make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")
    digest = make(2, "Credited from: HARBOUR WIRE\n" + BRIEF_PARAPHRASE
                  + "\n(Harbour Wire, Valdoria Today)",
                  site="digest.example", published="2024-03-06T07:00:00+00:00")
    got = {d.article: d for d in trace_story([source, digest])}
    assert got[2].parent == 1 and got[2].type == "summary"
    other = make(4, INDEPENDENT, site="harbour-news.example",
                 published="2024-03-06T09:00:00+00:00")
    got = {d.article: d for d in trace_story([other, digest])}
    assert got[2].parent is None  # a credited digest of another report is not its summary


def test_independent_report_of_the_same_event_stays_independent() -> None:
    rewrite = make(2, LLM_REWRITE, site="content-farm.example", published="2024-03-06T07:00:00+00:00")
    other = make(3, INDEPENDENT, site="harbour-news.example", published="2024-03-06T09:00:00+00:00")
    got = trace_story([rewrite, other])
    assert all(d.parent is None for d in got)
    assert {d.type for d in got} == {"independent"}


def test_compare_texts_gives_merged_passages_with_offsets() -> None:
    from wiretrace import compare_texts

    report = compare_texts(ORIGINAL, LLM_REWRITE).to_dict()
    merged = report["alignment"]["passages"]
    assert len(merged) == 1
    a0, a1 = merged[0]["a_span"]
    b0, b1 = merged[0]["b_span"]
    assert ORIGINAL[a0:].startswith("PORT ELMIRA") and LLM_REWRITE[b0:b1] == LLM_REWRITE
    assert len(report["alignment"]["pairs"]) > len(merged)


def test_copy_without_the_agency_credit_is_flagged_credit_stripped() -> None:
    source = make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")
    body = ORIGINAL.split("— ", 1)[1]  # the "(AP) —" dateline cut off, nothing else
    stripped = make(2, body, site="farm.example", published="2024-03-06T07:00:00+00:00")
    credited = make(3, "By The Associated Press\n" + body, site="paper.example",
                    published="2024-03-06T08:00:00+00:00")
    got = {d.article: d for d in trace_story([source, stripped, credited])}
    assert got[2].parent == 1
    flagged = [e for e in got[2].evidence if e.startswith("credit stripped")]
    assert flagged and "AP" in flagged[0]
    assert not any(e.startswith("credit stripped") for e in got[3].evidence)
    assert not any(e.startswith("credit stripped") for e in got[1].evidence)


def test_an_agency_the_text_reports_from_is_no_credit_stripped() -> None:
    source = make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")
    body = ORIGINAL.split("— ", 1)[1]
    first, rest = body.split(".", 1)
    credited = make(2, f"{first}, the Associated Press reported.{rest}", site="paper.example",
                    published="2024-03-06T08:00:00+00:00")
    d = {d.article: d for d in trace_story([source, credited])}[2]
    assert d.parent == 1
    assert not any(e.startswith("credit stripped") for e in d.evidence)


def test_an_agency_credited_at_the_foot_is_no_credit_stripped() -> None:
    from wiretrace.ingest.clean import clean

    source = make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")
    body = ORIGINAL.split("— ", 1)[1]
    got = {}
    for foot in ("The Associated Press contributed to this report.",
                 "Jane Roe contributed to this report."):
        raw = body + "\n\n" + foot
        cleaned = clean(raw)
        assert foot not in cleaned.text  # the credit is residue, kept as an artefact
        copy = make(2, cleaned.text, raw, site="paper.example", artefacts=cleaned.artefacts,
                    published="2024-03-06T08:00:00+00:00")
        d = {d.article: d for d in trace_story([source, copy])}[2]
        got[foot] = [e for e in d.evidence if e.startswith("credit stripped")]
    assert got["The Associated Press contributed to this report."] == []
    (flag,) = got["Jane Roe contributed to this report."]  # a reporter credits no agency
    assert "without crediting AP" in flag


# A second model's rewrite of ORIGINAL, worded much as LLM_REWRITE is (models paraphrase alike),
# so it is closer to that sibling than to the original it was made from
SIBLING = """Flames tore through Port Elmira's principal grain terminal on Tuesday, wiping out three storage buildings and stopping all shipments for at least seven days, port officials said.
Crews battled the inferno for nine hours before they managed to contain it early on Wednesday, said Marta Kovane, who leads the fire service.
A pair of dockhands needed hospital care after breathing in smoke, and both were later sent home.
Roughly two fifths of all wheat leaving Valdoria passes through the facility, so merchants fear a jump in prices if rebuilding drags on.
Speaking to reporters on Wednesday morning, Mayor Ilse Branco promised a swift reconstruction and vowed that no vessel would leave the harbour without cargo.
The origin of the blaze remains unknown, though port officials are looking into a possible electrical failure on a conveyor."""
# what the original says and LLM_REWRITE leaves out
HELLER = "\nPort director Tomas Heller put the damage at 12 million euros, most of it insured."
# what a rewrite adds that the original does not say
SENT_HOME = "\nSome 300 dock workers were sent home until further notice."


def _three(rewrite: str, sibling: str) -> dict[int, int | None]:
    return {d.article: d.parent for d in _traced(rewrite, sibling)}


def _traced(rewrite: str, sibling: str) -> list[Derivation]:
    arts = [make(1, ORIGINAL, site="apnews.com", published="2024-03-05T08:00:00+00:00"),
            make(2, rewrite, site="farm-a.example", published="2024-03-06T08:00:00+00:00"),
            make(3, sibling, site="farm-b.example", published="2024-03-06T11:00:00+00:00")]
    return trace_story(arts)


def test_a_rewrite_is_not_made_the_parent_of_its_sibling() -> None:
    """Two rewrites of one original, the later worded much as the earlier: nothing in the later
    one comes from the earlier rather than from the original (no fact the earlier added), so
    both are the original's; and a rewrite that keeps a fact the earlier one left out (the
    director's estimate) cannot have been made from it."""
    from wiretrace.trace.align import align

    closer = align(LLM_REWRITE, SIBLING).reuse_b, align(ORIGINAL, SIBLING).reuse_b
    assert closer[0] >= closer[1]  # the trap: the sibling is at least as close as the source
    assert _three(LLM_REWRITE, SIBLING) == {1: None, 2: 1, 3: 1}
    assert _three(LLM_REWRITE, SIBLING + HELLER) == {1: None, 2: 1, 3: 1}
    # the evidence names the fact the closer rewrite lacks
    later = _traced(LLM_REWRITE, SIBLING + HELLER)[2]
    assert any(e.startswith("made from #1, not from #2") and "heller" in e for e in later.evidence)


def test_a_rewrite_that_takes_what_another_added_is_its_copy() -> None:
    """Shared innovation: the later rewrite carries a fact the earlier one added to the
    original (300 workers sent home), so it was made from the earlier rewrite."""
    assert _three(LLM_REWRITE + SENT_HOME, SIBLING + SENT_HOME) == {1: None, 2: 1, 3: 2}


def _unlinked_from_the_original(monkeypatch: pytest.MonkeyPatch) -> None:
    """The learned decision, as on real text now and then, does not link article 3 to the
    original (article 1) on its own; every other decision is the model's."""
    from wiretrace.trace import derivation

    real = derivation.link_basis

    def decision(vx, vy, x, y, *args, **kw):  # type: ignore[no-untyped-def]
        if {x.id, y.id} == {1, 3}:
            return None, 0.5
        return real(vx, vy, x, y, *args, **kw)

    monkeypatch.setattr(derivation, "link_basis", decision)


def test_a_copy_linked_only_through_a_rewrite_is_given_the_source_whose_facts_it_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Article 3 is linked to the story only through the rewrite (article 2), but keeps the
    director's estimate, which the original has and the rewrite leaves out: it cannot have it
    from the rewrite, so its parent is the original, reached through the rewrite."""
    _unlinked_from_the_original(monkeypatch)
    got = {d.article: d for d in _traced(LLM_REWRITE, SIBLING + HELLER)}
    assert got[3].parent == 1 and got[3].type != "independent"
    assert any(e.startswith("made from #1, not from #2") for e in got[3].evidence)
    # the same article without the estimate: nothing says it saw the rewrite rather than the
    # text the rewrite reworded (two rewordings of one text read closer to each other than to
    # it), so it is the original's still, with which it aligns
    _unlinked_from_the_original(monkeypatch)
    got = {d.article: d for d in _traced(LLM_REWRITE, SIBLING)}
    assert got[3].parent == 1 and got[3].type == "rewrite"
    assert any(e.startswith("made from #1, not from #2") and "#2 rewrote #1" in e
               for e in got[3].evidence)
    # sharing a fact the rewrite added, it is the rewrite's copy
    _unlinked_from_the_original(monkeypatch)
    assert _three(LLM_REWRITE + SENT_HOME, SIBLING + SENT_HOME) == {1: None, 2: 1, 3: 2}


# the original's first sentence word for word (its dateline left off), then the sibling's
# rewording of the rest
OPENING_KEPT = ORIGINAL.split("\n")[0].split("— ", 1)[1] + "\n" + SIBLING.split("\n", 1)[1]


def test_a_text_with_the_originals_words_where_the_rewrite_rewords_them_is_not_its_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Article 3 holds the original's first sentence word for word, where the rewrite (article 2)
    says it in other words, and shares nothing the rewrite added: a copy of the rewrite could not
    have those words. Linked to the original, it is the original's; linked to the rewrite alone
    (an article that takes the original's opening and goes on in its own words), it is no copy of
    either, and says why."""
    got = {d.article: d for d in _traced(LLM_REWRITE, OPENING_KEPT)}
    assert got[3].parent == 1
    _unlinked_from_the_original(monkeypatch)
    got = {d.article: d for d in _traced(LLM_REWRITE, OPENING_KEPT)}
    assert got[2].parent == 1
    assert got[3].parent is None and got[3].type == "independent"
    why = " ".join(got[3].evidence)
    assert "not made from #2" in why and "A fire at the main grain terminal" in why


def test_a_rewording_of_a_light_edit_is_given_the_source_the_edit_copies() -> None:
    """A paper's copy of the original rewords its first three sentences much as a model does
    (article 2, an edited copy); a model's rewrite of the original (article 3) is then closer in
    wording to the paper's copy than to the original. A rewording says nothing of which of the
    two it reworded, and it shares no fact the paper's copy added: its parent is the original.
    Sharing the copy's exact sentences keeps it the copy's."""
    lines, sib = ORIGINAL.split("\n"), SIBLING.split("\n")
    edit = "\n".join(sib[:3] + lines[3:])
    arts = [make(1, ORIGINAL, site="apnews.com", published="2024-03-05T08:00:00+00:00"),
            make(2, edit, site="paper.example", published="2024-03-05T12:00:00+00:00"),
            make(3, LLM_REWRITE, site="farm.example", published="2024-03-06T11:00:00+00:00")]
    got = {d.article: d for d in trace_story(arts)}
    assert got[2].parent == 1 and got[2].type == "edited_copy"
    assert got[3].parent == 1 and got[3].type == "rewrite"
    assert any(e.startswith("made from #1, not from #2") and "rewords #2" in e
               for e in got[3].evidence)
    # the rewrite taking the copy's own first sentences word for word is the copy's
    took = "\n".join(sib[:3] + LLM_REWRITE.split("\n")[3:])
    arts[2] = make(3, took, site="farm.example", published="2024-03-06T11:00:00+00:00")
    assert {d.article: d.parent for d in trace_story(arts)}[3] == 2
    # and so is one rewording a passage the copy added (no name or figure in it)
    arts[1] = make(2, edit + "\n" + ADDED, site="paper.example",
                   published="2024-03-05T12:00:00+00:00")
    arts[2] = make(3, LLM_REWRITE + "\n" + ADDED_REWORDED, site="farm.example",
                   published="2024-03-06T11:00:00+00:00")
    assert {d.article: d.parent for d in trace_story(arts)}[3] == 2


# a passage a copy adds, and a model's rewording of it
ADDED = """Dock workers described scenes of panic as thick smoke spread across the quay and into the old customs hall.
Many of them said they had warned for years that the ageing conveyors were unsafe and poorly maintained.
Their union has called for an independent inquiry into safety at every grain terminal in the country."""
ADDED_REWORDED = """Workers at the docks spoke of panic as dense smoke drifted over the quay and into the former customs hall.
Many said they had cautioned for years that the old conveyors were dangerous and badly looked after.
Their union is demanding an independent investigation into safety at all of the nation's grain terminals."""


def test_a_rewrite_linked_only_to_a_later_copy_of_its_source_is_the_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A model's rewrite (article 3) is linked to a paper's lightly edited copy of the original
    (article 2), published after it, and not to the original on its own (the learned decision,
    as on real text now and then). It cannot be the paper's source (the paper copies the
    original), nor its copy (it came first): it was made from the original beside it."""
    _unlinked_from_the_original(monkeypatch)
    edited = (ORIGINAL.split("— ", 1)[1].replace("the harbour authority said", "the port authority said")
              .replace("Firefighters fought", "Firefighters battled"))
    arts = [make(1, ORIGINAL, site="apnews.com", published="2024-03-05T08:00:00+00:00"),
            make(2, edited, site="paper.example", published="2024-03-06T11:00:00+00:00"),
            make(3, SIBLING, site="farm.example", published="2024-03-06T07:00:00+00:00")]
    got = {d.article: d for d in trace_story(arts)}
    assert got[2].parent == 1
    assert got[3].parent == 1 and got[3].type == "rewrite"
    assert any(e.startswith("made from #1 beside #2") for e in got[3].evidence)
    # published before the original, it is no copy of it
    arts[2] = make(3, SIBLING, site="farm.example", published="2024-03-04T07:00:00+00:00")
    assert {d.article: d.parent for d in trace_story(arts)}[3] != 1


def test_a_country_both_rewrites_name_for_the_originals_demonym_is_no_shared_fact() -> None:
    """The original halts exports "to Swiss mills"; both rewrites say "to Switzerland". That is
    one fact in two forms, which the later rewrite can have from the original as well as from
    its sibling: both stay the original's."""
    original = ORIGINAL.replace("halted exports", "halted exports to Swiss mills")
    rewrite = LLM_REWRITE.replace("stopping all shipments", "stopping all shipments to "
                                  "Switzerland")
    sibling = SIBLING.replace("stopping all shipments", "stopping all shipments to Switzerland")
    assert "Swiss mills" in original and "Switzerland" in rewrite and "Switzerland" in sibling
    arts = [make(1, original, site="apnews.com", published="2024-03-05T08:00:00+00:00"),
            make(2, rewrite, site="farm-a.example", published="2024-03-06T08:00:00+00:00"),
            make(3, sibling, site="farm-b.example", published="2024-03-06T11:00:00+00:00")]
    assert {d.article: d.parent for d in trace_story(arts)} == {1: None, 2: 1, 3: 1}
    # a country the original does not name is the rewrite's own fact, which the sibling shares
    norway = [make(a.id, a.text.replace("Switzerland", "Norway"), site=a.site,
                   published=a.published) for a in arts]
    assert {d.article: d.parent for d in trace_story(norway)} == {1: None, 2: 1, 3: 2}


def test_a_name_any_rewriter_may_bring_in_is_no_shared_fact() -> None:
    """Both rewrites name the farmers' unions of the original by a name of common words ("the
    Farmers Association"), as models bring in what they know: nothing the later one can only
    have from the earlier, so both stay the original's. A figure both add is the earlier
    one's own, which the later one took (``test_a_rewrite_that_takes_what_another_added``)."""
    earlier = ("\nFarmers' unions, led by the Farmers Association, called for an emergency "
               "meeting with the agriculture ministry on storage.")
    later = ("\nAn emergency meeting with the agriculture ministry on storage was demanded by "
             "farmers' unions, led by the Farmers Association.")
    assert _three(LLM_REWRITE + earlier, SIBLING + later) == {1: None, 2: 1, 3: 1}


def test_a_common_name_in_a_passage_the_sibling_added_is_its_own() -> None:
    """The earlier rewrite adds a sentence of its own naming a councillor with common words
    ("John Green"); the later one rewords it: that name is the earlier rewrite's, taken, so the
    later one is its copy (only where a rewrite rewords a sentence of the source does a name
    of common words weigh nothing)."""
    earlier = ("\nHarbour councillor John Green said the city would seek emergency power "
               "supplies for the quay.")
    later = ("\nThe city will seek emergency power supplies for the quay, said harbour "
             "councillor John Green.")
    assert _three(LLM_REWRITE + earlier, SIBLING + later) == {1: None, 2: 1, 3: 2}
