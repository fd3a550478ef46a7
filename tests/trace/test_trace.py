from __future__ import annotations

import re

from conftest import INDEPENDENT, ORIGINAL, REWRITE, make

from wiretrace.model import Article
from wiretrace.trace.align import align, align_articles, passages
from wiretrace.trace.citations import find_citations, upstream_names
from wiretrace.trace.derivation import trace_story
from wiretrace.trace.sentences import split_sentences


def test_sentences_keep_abbreviations_and_offsets() -> None:
    text = "The U.S. said on Jan. 24 that it would act. Mr. Smith agreed.\nSee also: Other news"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "The U.S. said on Jan. 24 that it would act.",
        "Mr. Smith agreed.",
        "See also: Other news",
    ]


def test_dateline_stays_with_its_sentence() -> None:
    text = "LAGOS, Nigeria (AP) — The army said on Monday it had sent troops."
    assert len(split_sentences(text)) == 1


def test_verbatim_copy_aligns_fully() -> None:
    copy = "By Staff Writer\n" + ORIGINAL + "\nCopyright 2024 Daily Planet."
    al = align(ORIGINAL, copy)
    assert al.reuse_a > 0.97
    assert {p.kind for p in al.pairs} == {"verbatim"}
    for p in al.pairs:
        assert ORIGINAL[p.a_span[0] : p.a_span[1]] == copy[p.b_span[0] : p.b_span[1]]


def test_reordered_and_partial_reuse() -> None:
    lines = ORIGINAL.split("\n")
    extra = " Officials added that the port would reopen in stages over the coming weeks."
    copy = "\n".join([lines[3], lines[0] + extra, lines[1]])
    al = align(ORIGINAL, copy)
    kinds = sorted(p.kind for p in al.pairs)
    assert len(al.pairs) == 3, al.pairs
    assert kinds.count("verbatim") == 3  # the reused part of the longer sentence is verbatim
    first = next(p for p in al.pairs if p.a_span[0] == 0)
    assert "reopen" not in copy[first.b_span[0] : first.b_span[1]]
    assert 0.2 < al.reuse_a < 0.5 and al.reuse_b > 0.8


def test_independent_report_shares_only_a_quote() -> None:
    al = align(ORIGINAL, INDEPENDENT)
    assert al.reuse_a < 0.15


def test_align_articles_takes_ids(original: Article, spun: Article) -> None:
    al = align_articles(original, spun)
    assert (al.a, al.b) == (1, 4)
    assert any(p.kind == "edited" for p in al.pairs)
    merged = passages(al, original.text, spun.text)
    assert len(merged) <= len(al.pairs)


def _story(
    original: Article, spun: Article, rewrite: Article, independent: Article
) -> dict[int, object]:
    lines = ORIGINAL.split("\n")
    wire = make(
        2,
        "By Reuters\n" + ORIGINAL + "\n© 2024 Daily Planet. All rights reserved.",
        site="dailyplanet.example",
        published="2024-03-05T20:00:00Z",
    )
    trimmed = make(3, "\n".join(lines[:7]), site="gazette.example")
    summary = make(5, " ".join([lines[0], lines[3], lines[7]]), site="briefs.example")
    arts = [original, wire, trimmed, spun, summary, rewrite, independent]
    return {d.article: d for d in trace_story(arts)}


def test_story_types_and_parents(
    original: Article, spun: Article, rewrite: Article, independent: Article
) -> None:
    got = _story(original, spun, rewrite, independent)
    assert {k: (d.type, d.parent) for k, d in got.items()} == {  # type: ignore[attr-defined]
        1: ("original", None),
        2: ("wire_copy", 1),
        3: ("wire_copy", 1),
        4: ("spun_copy", 1),
        5: ("summary", 1),
        6: ("rewrite", 1),
        7: ("independent", None),
    }


def test_evidence_is_checkable(
    original: Article, spun: Article, rewrite: Article, independent: Article
) -> None:
    got = _story(original, spun, rewrite, independent)
    spun_ev = " ".join(got[4].evidence)  # type: ignore[attr-defined]
    assert "dateline_repair" in spun_ev and "warned → cautioned" in spun_ev
    assert re.search(r'shared \w+ passage: ".+" \(this article \d+–\d+, #1 \d+–\d+\)', spun_ev)
    assert "llm_meta_text" in " ".join(got[6].evidence)  # type: ignore[attr-defined]
    assert got[2].upstream == "Reuters"  # type: ignore[attr-defined]
    assert "no substantial shared passages" in got[7].evidence[0]  # type: ignore[attr-defined]


def test_spun_copy_is_never_the_source(original: Article, spun: Article) -> None:
    undated = make(1, ORIGINAL, site="apnews.com")
    got = {d.article: d for d in trace_story([spun, undated])}
    assert got[4].parent == 1 and got[1].parent is None
    assert original.id == 1


def test_shared_upstream_is_inferred_and_named() -> None:
    lines = ORIGINAL.split("\n")
    a = make(
        11,
        "By Reuters\n"
        + "\n".join(lines[:6])
        + "\nThe city council will hold a special session on Friday to approve emergency funds "
        "for the workers who lost income while the terminal is closed.",
        site="one.example",
    )
    b = make(
        12,
        "(Reuters) - "
        + "\n".join(lines[:3] + lines[5:])
        + "\nRail operators said grain trains bound for the port had been held at inland depots "
        "until further notice, and some farmers were storing wheat in open fields.",
        site="two.example",
    )
    got = {d.article: d for d in trace_story([a, b])}
    assert got[11].parent is None and got[12].parent is None
    assert got[11].upstream == got[12].upstream == "Reuters"


def test_independent_reports_get_no_edges(original: Article, independent: Article) -> None:
    got = trace_story([original, independent])
    assert all(d.parent is None for d in got)
    assert {d.type for d in got} == {"independent"}


def test_citations() -> None:
    cases = {
        "By Reuters\nText": ["Reuters"],
        "LAGOS, Nigeria (AP) — The army": ["AP"],
        "The talks went on, via AP": ["AP"],
        # picture credits, datelines that are places, photographers: never an upstream
        "Photo via AP": [],
        "(Photo by Jane Doe/AFP via Getty Images)": [],
        "(HELSINKI) — The talks": [],
        "© 2024 Jane Doe": [],
        # an agency's reporter; a credit list with one known outlet; an outlet citing media
        "By JANE DOE Associated Press\nText": ["AP"],
        "Key points (AP, The Guardian, Newsweek)": ["AP", "Newsweek", "The Guardian"],
        "Caliber.Az reports via international media that": ["Caliber.Az"],
        "Credited from: Daily Planet\n": ["Daily Planet"],
        "Aid arrives (Reuters, BBC, CNN)": ["BBC", "CNN", "Reuters"],
        "Source: https://www.reuters.com/world/some-story-2024": ["Reuters"],
        "as reported by the Italian agency ANSA, the ship": ["ANSA"],
        "talks in (Paris, Berlin) today": [],
        "By John Smith\nText": [],
        # two reporters of an agency; a credit header's name ends at its line
        "By MARIA LOPEZ and JOHN SMITH Associated Press\nText": ["AP"],
        # a byline laid out with a bar; without "By" the same line may be a photo's credit
        "By Jane Doe | Associated Press\nText": ["AP"],
        "By Jane Doe and Tom Roe | Reuters\nText": ["Reuters"],
        "Jane Doe | AP\nText": [],
        "Credited from: GLOBAL WIRE\nKey Takeaways:": ["GLOBAL WIRE"],
        # republication notices and agency reporting credits
        "This article originally appeared on The Conversation.": ["The Conversation"],
        "The story was first published by the Kyiv Post.": ["Kyiv Post"],
        "With reporting from AFP and Reuters.": ["AFP", "Reuters"],
        "Additional reporting by Reuters.": ["Reuters"],
        # an agency credited at the foot; a reporter who contributed is no upstream
        "The Associated Press contributed to this report.": ["AP"],
        "Jane Roe and The Associated Press contributed to this report.": ["AP"],
        "Jane Roe contributed to this report.": [],
        "Material from Reuters was used in this report.": ["Reuters"],
        "With files from The Canadian Press": ["The Canadian Press"],
        "(With inputs from PTI)": ["PTI"],
        "With inputs from agencies": [],
        "Jane Roe of the Daily Herald contributed to this report.": ["Daily Herald"],
        "With files from the Associated Press and The Canadian Press": [
            "AP", "The Canadian Press"],
        "Associated Press writer Jane Roe in Salem contributed to this report.": ["AP"],
        "Critics say the Daily Mail contributed to the story going viral.": [],
        "By Reuters' count, at least 30 towns were flooded.": [],
        # the agency a sentence reports from, in the running text
        "The mine collapsed on Tuesday, the Associated Press reported.": ["AP"],
        "Reuters reported on Monday that the bank cut rates.": ["Reuters"],
        "Taps reported a leak. AP's reporting was praised.": [],
        # a report published by someone, reporting criticised, a first court appearance: none
        "a study published by Harvard University": [],
        "The reporting by CNN was wrong": [],
        "He first appeared in court on Monday.": [],
    }
    for text, names in cases.items():
        assert sorted(c.name for c in find_citations(text)) == sorted(names), text
    ansa = find_citations("as reported by the Italian agency ANSA")[0]
    assert not ansa.whole
    # a mention in the running text names the upstream only when no credit of the whole does
    pap = find_citations("The talks resumed, as reported by the Polish Press Agency.")
    assert upstream_names(pap, whole_only=True) == ["PAP"]
    # an agency named as reporting a statement credits it, but names no upstream: "As AP
    # reported last year" cites an old story
    said = find_citations("The mine collapsed, the Associated Press reported.")
    assert not said[0].whole and upstream_names(said, whole_only=True) == []
    for text in ("AP said it would challenge the ban in court.",
                 "Thomson Reuters said quarterly revenue rose 6%.",
                 "Former mayor Michael Bloomberg said he would give $5 million."):
        assert find_citations(text) == [], text
    # a credit list keeps its order: the second name of "(AFP, Reuters, BBC)" is Reuters
    listed = find_citations("The verdict came on Friday (AFP, Reuters, BBC)")
    assert [c.name for c in listed] == ["AFP", "Reuters", "BBC"]
    both = find_citations("By Reuters\nThe talks resumed, as reported by the Polish Press Agency.")
    assert upstream_names(both, whole_only=True) == ["Reuters"]
    assert upstream_names(find_citations("as reported by Jane Doe"), whole_only=True) == []


def test_citations_in_artefacts() -> None:
    from wiretrace.model import Artefact
    from wiretrace.trace.citations import article_citations

    raw = "Credited from: Daily Planet\nKey Takeaways:\nThe port burned."
    art = Article(
        source="x",
        text="The port burned.",
        raw_text=raw,
        id=1,
        artefacts=[Artefact("aggregator_header", 0, 27, raw[:27])],
    )
    found = article_citations(art)
    assert [(c.name, c.where) for c in found] == [("Daily Planet", "artefact:aggregator_header")]
    assert raw[found[0].start : found[0].end].startswith("Credited from")


def test_given_alignments_are_the_candidate_pairs(original: Article, spun: Article) -> None:
    wire = make(2, "By Reuters\n" + ORIGINAL, site="dailyplanet.example")
    only = [align_articles(original, wire)]
    got = {d.article: d for d in trace_story([original, wire, spun], only)}
    assert got[2].parent == 1 and got[2].type == "wire_copy"
    assert got[4].parent is None  # its pair with the original was not a candidate


def test_mangled_dateline_beats_an_earlier_date(spun: Article) -> None:
    early = make(
        4, spun.text, spun.raw_text, artefacts=spun.artefacts, published="2024-03-01T00:00:00Z"
    )
    source = make(1, ORIGINAL, published="2024-03-05T18:00:00Z")
    got = {d.article: d for d in trace_story([early, source])}
    assert got[4].parent == 1 and got[4].type == "spun_copy"


def test_undated_reordered_copy_is_the_odd_one_out() -> None:
    lines = ORIGINAL.split("\n")
    source = make(21, ORIGINAL)
    reordered = make(22, "\n".join([lines[0], *lines[5:], *lines[1:5]]))
    wire = make(23, ORIGINAL + "\n© 2024 Daily Planet. All rights reserved.")
    trimmed = make(24, "\n".join(lines[:8]))
    got = {d.article: d for d in trace_story([reordered, wire, trimmed, source])}
    assert got[21].type == "original" and got[21].parent is None
    assert (got[22].parent, got[22].type) == (21, "edited_copy")
    assert any("other copies are closer to #21" in e for e in got[22].evidence)


def test_copy_of_a_copy_points_to_the_copy() -> None:
    lines = ORIGINAL.split("\n")
    source = make(31, ORIGINAL, published="2024-03-05T18:00:00Z")
    first = make(32, "\n".join(lines[:7]), published="2024-03-05T19:00:00Z")
    second = make(
        33,
        "DAILY PLANET | Updated 9:05 GMT\n" + first.text + "\n© 2024 Daily Planet.",
        published="2024-03-05T21:00:00Z",
    )
    got = {d.article: d for d in trace_story([second, first, source])}
    assert (got[32].parent, got[33].parent) == (31, 32)
    assert got[33].type == "wire_copy"


def test_ai_rewrite_shorter_than_its_source_is_a_rewrite() -> None:
    """Leftover model text says how the text was made: a condensed AI rewrite is a rewrite,
    unless the model itself announces a summary."""
    from wiretrace.model import Artefact, Article
    from wiretrace.trace import trace_story

    source_text = " ".join(
        f"Paragraph {i}: the harbour council in Velmora said the ferry pier number {i} "
        f"would close for repairs after inspectors found cracks in {i + 3} pylons."
        for i in range(12)
    )
    picked = [p for i, p in enumerate(source_text.split("Paragraph ")[1:]) if i % 2 == 0]
    rewrite_text = " ".join("Paragraph " + p.strip() for p in picked)
    rewrite_text = rewrite_text.replace("said", "stated").replace("would close", "is set to close")
    for opener, expected in (("Certainly! Here is a rewritten version of the article:", "rewrite"),
                             ("Sure! Here is a summary of the article:", "summary")):
        raw = opener + "\n\n" + rewrite_text
        tell = Artefact("llm_meta_text", 0, len(opener), opener)
        src = Article(source="src.txt", text=source_text, raw_text=source_text, id=1,
                      published="2026-03-02T08:00:00Z")
        copy = Article(source="ai.txt", text=rewrite_text, raw_text=raw, id=2,
                       published="2026-03-02T12:00:00Z", artefacts=[tell])
        (d1, d2) = trace_story([src, copy])
        assert d1.type == "original"
        assert d2.parent == 1 and d2.type == expected, (opener, d2)


def test_credit_links_a_summary_in_its_own_words() -> None:
    """An aggregator's summary shares few words with its source but names it outright."""
    from wiretrace.model import Artefact, Article
    from wiretrace.trace import trace_story

    source_text = (
        "OSLAND (NWA) — A landslide buried part of the coastal road near Kirkevik on Tuesday, "
        "cutting off about 300 homes, the regional roads authority said.\n\n"
        "Crews expected to reopen one lane by Thursday, authority spokesman Per Halvorsen said, "
        "adding that geologists were checking the slope above the harbour.\n\n"
        "The ferry company added two extra sailings a day while the road stays closed."
    )
    header = "Credited from: NWA"
    summary_body = (
        "About 300 homes near Kirkevik were cut off on Tuesday when a landslide buried the "
        "coastal road, officials said. One lane could reopen by Thursday."
    )
    raw = header + "\n\n" + summary_body
    src = Article(source="nwa.html", text=source_text, raw_text=source_text, id=1,
                  site="Nordic Wire Agency", published="2026-03-03T08:00:00Z")
    summ = Article(source="feed.xml", text=summary_body, raw_text=raw, id=2,
                   site="digest.example", published="2026-03-03T11:00:00Z",
                   artefacts=[Artefact("aggregator_header", 0, len(header), header)])
    got = {d.article: d for d in trace_story([src, summ])}
    assert got[2].parent == 1 and got[2].type == "summary"
    assert any("NWA" in line for line in got[2].evidence)
    # without the credit, the same few shared words are not a copy
    bare = Article(source="feed.xml", text=summary_body, raw_text=summary_body, id=2,
                   site="digest.example", published="2026-03-03T11:00:00Z")
    got = {d.article: d for d in trace_story([src, bare])}
    assert got[2].parent is None


def test_own_desk_and_company_are_never_upstream() -> None:
    from wiretrace.model import Article
    from wiretrace.trace.citations import in_house

    art = Article(source="x.html", text="Body.", raw_text="Body.", site="Kestrel News",
                  url="https://www.kestrelnews.example/a")
    assert in_house("Kestrel News Desk", art)
    assert in_house("Kestrel News Ltd", art)
    assert in_house("Staff", art)
    assert not in_house("Reuters", art)
    assert not in_house("Kestrelwire", art)


def test_agency_initials_are_its_own_outlet() -> None:
    from wiretrace.model import Article
    from wiretrace.trace.citations import in_house, names_outlet

    art = Article(source="x.html", text="Body.", raw_text="Body.", site="Nordic Wire Agency")
    assert names_outlet("NWA", art) and in_house("NWA", art)
    afp = Article(source="y.html", text="Body.", raw_text="Body.", site="Agence France-Presse")
    assert names_outlet("AFP", afp)
    assert not names_outlet("AP", art)


def test_reprinted_background_paragraphs_are_not_a_copy() -> None:
    """A report of its own that reprints two sentences of an agency brief is no copy of it: it
    stays independent, with the shared passages as evidence, and the brief gets no child."""
    lines = ORIGINAL.split("\n")
    brief = make(21, "\n".join(lines[:3]), site="apnews.com",
                 published="2024-03-05T18:00:00+00:00")
    report = make(
        22,
        INDEPENDENT + "\n" + lines[0] + "\n" + lines[1] + "\n"
        "Dock workers who spoke to us on the quay said overtime had been cancelled, and several "
        "said they feared losing a month of wages if the terminal stays shut.\n"
        "The harbour cafe, usually packed at dawn, served only a handful of customers, its owner "
        "said, because the approach road was still closed to traffic.",
        site="local.example",
        published="2024-03-06T09:00:00+00:00",
    )
    got = {d.article: d for d in trace_story([brief, report])}
    assert got[22].parent is None and got[22].type == "independent"
    assert got[21].parent is None and got[21].type == "independent"
    evidence = " ".join(got[22].evidence)
    assert "shares passages with #21" in evidence and "shared verbatim passage" in evidence
    # the same report is still a copy when it takes most of its text from the brief
    copy = make(23, "\n".join(lines[:3]) + "\nFerry services to the islands ran normally.",
                site="copy.example", published="2024-03-06T09:00:00+00:00")
    got = {d.article: d for d in trace_story([brief, copy])}
    assert got[23].parent == 21


def test_scraped_copy_dated_first_is_the_source_of_a_later_rewrite(spun: Article) -> None:
    """A mangled dateline proves a scraped copy was taken from a clean copy of the same
    wording; it says nothing against a rewrite published later, which cannot be its source."""
    # the scraped copy without the two lines the rewrite leaves out: the rewrite holds all of
    # it, so the two are not siblings each holding its own text
    keep = [k for k in range(10) if k not in (4, 8)]
    text = "\n".join(spun.text.split("\n")[k] for k in keep)
    raw = "\n".join(spun.raw_text.split("\n")[k] for k in keep)
    early = make(4, text, raw, artefacts=spun.artefacts,
                 site="newsspinner.example", published="2024-03-05T10:00:00+00:00")
    # the outlet adds reporting of its own, so it holds more text than the scraped copy
    own = ("\n\"We lost a week of work in one night,\" said Ana Ruiz, a crane driver at the "
           "terminal, who has worked at the port for twenty years.\n"
           "The port authority said a temporary conveyor line could be installed within ten "
           "days, and that the night shift would be moved to the container berths.\n"
           "Local schools collected blankets and food for the families of dock workers who lost "
           "income while the terminal is closed.")
    rewrite = make(5, REWRITE + own, site="outlet.example",
                   published="2024-03-06T09:00:00+00:00")
    got = {d.article: d for d in trace_story([early, rewrite])}
    assert got[5].parent == 4 and got[5].type == "rewrite"
    assert got[4].parent is None


def test_a_source_comes_before_the_hub_its_copy_became() -> None:
    """The original won the direction against one revision that three others copy: counting
    won directions alone ranks that revision first, and it became the root; the order keeps every
    article after those that won against it, and a cycle of directions still places each once."""
    from wiretrace.trace.derivation import _parents_first

    beats = {1: [2], 2: [3, 4, 5], 3: [], 4: [], 5: []}  # who won the direction against whom
    order = _parents_first(beats, lambda k: (-len(beats[k]), 0.0, 0.0, k))
    assert order[:2] == [1, 2] and sorted(order) == [1, 2, 3, 4, 5]
    cycle = {1: [2], 2: [3], 3: [1]}
    assert sorted(_parents_first(cycle, lambda k: (0.0, 0.0, 0.0, k))) == [1, 2, 3]


def test_an_agency_story_reprinted_on_another_site_is_a_wire_copy_of_it() -> None:
    """The earliest article of a story that opens with an agency's dateline, on a site that is
    not the agency's, carries the agency's story: a wire copy of it, its original not in the
    pile; on the agency's own site, or with no site to tell, it is the original."""
    reprint = make(31, ORIGINAL, site="valdoria-daily.example",
                   published="2024-03-05T19:00:00+00:00")
    copy = make(32, ORIGINAL.split("— ", 1)[1], site="farm.example",
                published="2024-03-06T07:00:00+00:00")
    got = {d.article: d for d in trace_story([reprint, copy])}
    assert (got[31].type, got[31].parent, got[31].upstream) == ("wire_copy", None, "AP")
    assert "(AP) —" in got[31].evidence[0]
    assert got[32].parent == 31  # its copy still hangs from it
    for site, upstream in (("apnews.com", None), (None, "AP"), ("AP News", None)):
        own = make(33, ORIGINAL, site=site, published="2024-03-05T19:00:00+00:00")
        (d,) = trace_story([own])
        assert (d.type, d.upstream) == ("original", upstream), site
    # an agency's own site by its address
    xinhua = ORIGINAL.replace("(AP)", "(Xinhua)")
    own = make(34, xinhua, site="english.news.cn", published="2024-03-05T19:00:00+00:00")
    assert trace_story([own])[0].type == "original"
    # a credit that is no authorship: an agency's item further down, a caption's copyright
    lines = ORIGINAL.split("— ", 1)[1].split("\n")
    roundup = "\n".join([*lines[:4], "By AFP", *lines[4:]])
    caption = "\n".join([*lines[:4], "Firefighters at the port on Monday. © AFP", *lines[4:]])
    for body in (roundup, caption):
        art = make(35, body, site="valdoria-daily.example", published="2024-03-05T19:00:00Z")
        assert trace_story([art])[0].type == "original"
