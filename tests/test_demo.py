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
