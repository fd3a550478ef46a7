"""The demo corpus end to end: what wiretrace finds is what the corpus was written to contain
(src/wiretrace/demo/truth.json, written by hand with the corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.demo import corpus_path, truth
from wiretrace.model import Article
from wiretrace.pipeline import AnalyzeReport, analyze
from wiretrace.settings import Settings
from wiretrace.store import Store

TRUTH = truth()


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, AnalyzeReport]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store(db)
    result = analyze([str(corpus_path())], store, Settings(db=db, workers=1))
    return store, result


def _key(article: Article) -> str:
    name = Path(article.source).name
    if article.locator:
        name += "#" + article.locator.split()[-1]
    return name


@pytest.fixture(scope="module")
def ids(analysed: tuple[Store, AnalyzeReport]) -> dict[str, int]:
    store, _ = analysed
    return {_key(a): a.id for a in store.articles() if a.id is not None}


def test_every_item_is_ingested(analysed: tuple[Store, AnalyzeReport], ids: dict[str, int]) -> None:
    _, result = analysed
    assert result.ingest.rejected == []
    expected = {name for story in TRUTH["stories"] for name in story["articles"]}
    assert set(ids) == expected


def test_stories_are_the_written_ones(analysed: tuple[Store, AnalyzeReport],
                                      ids: dict[str, int]) -> None:
    store, _ = analysed
    found = sorted(sorted(s.articles) for s in store.stories())
    written = sorted(sorted(ids[n] for n in story["articles"]) for story in TRUTH["stories"])
    assert found == written


def test_artefacts_are_found_on_the_right_article(analysed: tuple[Store, AnalyzeReport],
                                                   ids: dict[str, int]) -> None:
    store, _ = analysed
    by_id = {a.id: a for a in store.articles()}
    missing = []
    for name, expected in TRUTH["artefacts"].items():
        art = by_id[ids[name]]
        for want in expected:
            hit = any(a.kind == want["kind"] and (want["text"] in a.text or a.text in want["text"])
                      for a in art.artefacts)
            if not hit:
                missing.append((name, want["kind"], want["text"][:40]))
    # residue the extractor already dropped (captions, asides) cannot be found in the text
    missing = [m for m in missing if m[2][:20] in by_id[ids[m[0]]].raw_text]
    assert missing == []


def test_ai_tells(analysed: tuple[Store, AnalyzeReport], ids: dict[str, int]) -> None:
    store, _ = analysed
    with_tells = {_key(a) for a in store.articles() if a.ai_tells}
    assert with_tells == {"ai-rewrite-crete-wildfire.md"}


def test_provenance_is_the_written_tree(analysed: tuple[Store, AnalyzeReport],
                                        ids: dict[str, int]) -> None:
    store, _ = analysed
    got = {d.article: d for d in store.derivations()}
    wrong = []
    for name, want in TRUTH["derivations"].items():
        d = got[ids[name]]
        parent = ids[want["parent"]] if want["parent"] else None
        if d.type != want["type"] or d.parent != parent:
            wrong.append(f"{name}: got {d.type} parent {d.parent}, "
                         f"written {want['type']} parent {parent}")
        assert d.evidence, f"{name} has no evidence"
    assert wrong == []


def test_garbled_facts_are_reported(analysed: tuple[Store, AnalyzeReport],
                                    ids: dict[str, int]) -> None:
    store, _ = analysed
    changes = store.changes()
    missing = []
    for want in TRUTH["changes"]:
        hit = [c for c in changes if c.article == ids[want["article"]] and c.kind == want["kind"]
               and (want["text"] in c.text or c.text in want["text"])]
        if not hit:
            missing.append((want["article"], want["kind"], want["text"]))
        for c in hit:
            assert c.explanation and c.span is not None
    assert missing == []


def test_consistent_variants_are_not_changes(analysed: tuple[Store, AnalyzeReport],
                                             ids: dict[str, int]) -> None:
    store, _ = analysed
    changes = store.changes()
    false = []
    for ok in TRUTH["consistent_variants"]:
        for c in changes:
            if c.article == ids[ok["article"]] and (ok["text"] in c.text or
                                                     (c.text and c.text in ok["text"])):
                false.append((ok["article"], c.kind, c.text, c.explanation))
    assert false == []


def test_independent_reports_are_not_copies(analysed: tuple[Store, AnalyzeReport],
                                            ids: dict[str, int]) -> None:
    store, _ = analysed
    d = {x.article: x for x in store.derivations()}
    other = d[ids["crawl-2026-07-18.jsonl#3"]]
    assert other.type == "independent" and other.parent is None


def test_every_reported_change_is_a_written_one(analysed: tuple[Store, AnalyzeReport],
                                                ids: dict[str, int]) -> None:
    """Precision: a fact-checker must be able to trust each reported change."""
    store, _ = analysed
    unexpected = []
    for c in store.changes():
        written = [w for w in TRUTH["changes"] if ids[w["article"]] == c.article
                   and w["kind"] == c.kind
                   and (w["text"] in c.text or c.text in w["text"]
                        or _overlap(w["text"], c.text))]
        if not written:
            unexpected.append((c.article, c.kind, c.text))
    assert unexpected == []


def _overlap(a: str, b: str) -> bool:
    """The two texts share a run of four words (one change may quote more or less context)."""
    wa, wb = a.lower().split(), b.lower().split()
    grams = {tuple(wa[i:i + 4]) for i in range(len(wa) - 3)}
    return any(tuple(wb[i:i + 4]) in grams for i in range(len(wb) - 3))


def test_changed_facts_travel_down_the_written_lines(analysed: tuple[Store, AnalyzeReport],
                                                     ids: dict[str, int]) -> None:
    """A copy of a copy repeats what its parent garbled: the lineage names the copy that first
    changed the fact and the copy that inherited it, with the words in each."""
    from wiretrace.report.integrity import story_lineage

    store, _ = analysed
    story = store.story_of(ids[TRUTH["lineage"][0]["origin"]])
    assert story is not None
    lines = story_lineage(store, story)
    texts = {a.id: a.text for a in store.articles()}
    for want in TRUTH["lineage"]:
        hit = [x for x in lines if x["origin"]["article"] == ids[want["origin"]]
               and x["kind"] == want["kind"] and want["text"] in x["origin"]["text"]]
        assert len(hit) == 1, want
        line = hit[0]
        assert line["origin"]["versus"] == ids[want["versus"]]
        assert sorted(h["article"] for h in line["inherited_by"]) == sorted(
            ids[n] for n in want["inherited_by"])
        for h in line["inherited_by"]:
            s, e = h["span"]
            assert texts[h["article"]][s:e] == h["text"] and want["text"] in h["text"]
            vs, ve = h["via_span"]
            assert texts[h["via"]][vs:ve] == h["via_text"]
    # no other line travels: every other change stays with the copy that made it
    travelled = {(x["origin"]["article"], x["kind"]) for x in lines if x["inherited_by"]}
    assert travelled == {(ids[w["origin"]], w["kind"]) for w in TRUTH["lineage"]}


def test_quote_tampering_is_the_written_one(analysed: tuple[Store, AnalyzeReport],
                                            ids: dict[str, int]) -> None:
    """Every quote the corpus cuts, splices or reattributes is found, with spans into both
    texts, and nothing else is reported (the wire copies and the spun copy quote faithfully)."""
    from wiretrace.report.integrity import story_quotes

    store, _ = analysed
    story = store.story_of(ids["mpa-crete-wildfire.html"])
    assert story is not None
    found = story_quotes(store, story)
    texts = {a.id: a.text for a in store.articles()}
    missing = []
    for want in TRUTH["quotes"]:
        hit = [q for q in found if q["article"] == ids[want["article"]]
               and q["versus"] == ids[want["versus"]] and q["kind"] == want["kind"]
               and q["text"] == want["text"]]
        if not hit:
            missing.append(want)
            continue
        q = hit[0]
        assert texts[q["article"]][q["span"][0]:q["span"][1]] == q["text"]
        assert texts[q["versus"]][q["versus_span"][0]:q["versus_span"][1]] == q["versus_text"]
        if "cut" in want:
            assert q["cut"] == want["cut"]
        if want["kind"] == "reattributed":
            assert (q["speaker"], q["versus_speaker"]) == (want["speaker"], want["versus_speaker"])
            s, e = q["speaker_span"]
            assert texts[q["article"]][s:e] == q["speaker"]
            s, e = q["versus_speaker_span"]
            assert texts[q["versus"]][s:e] == q["versus_speaker"]
        if want["kind"] == "spliced":
            assert len(q["versus_parts"]) == 2
    assert missing == []
    written = {(ids[w["article"]], w["kind"], w["text"]) for w in TRUTH["quotes"]}
    assert [q for q in found if (q["article"], q["kind"], q["text"]) not in written] == []
