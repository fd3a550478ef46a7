"""Fact lineage and quote integrity in the report: JSON fields, Markdown and HTML sections, the
CLI commands (on a store written by hand, ``wt_integrity``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wt_helpers import run_cli
from wt_integrity import C1, C2, C3, SOURCE, IntegrityCorpus, fill_integrity_store

from wiretrace.report import render
from wiretrace.report.build import build_report
from wiretrace.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> IntegrityCorpus:
    return fill_integrity_store(tmp_path_factory.mktemp("integrity") / "w.db")


def test_report_json_has_lineage_and_quotes(corpus: IntegrityCorpus) -> None:
    with Store(corpus.db, readonly=True) as store:
        report = build_report(store)
    (story,) = report["stories"]
    (line,) = story["lineage"]
    assert set(line) >= {"fact", "kind", "origin", "inherited_by"}
    assert set(line["origin"]) >= {"article", "versus", "text", "versus_text", "span",
                                   "versus_span"}
    assert line["kind"] == "figure" and line["origin"]["article"] == corpus.c1
    assert "forcing 900 people from their homes" in line["fact"]
    assert [(h["article"], h["via"]) for h in line["inherited_by"]] == [
        (corpus.c2, corpus.c1), (corpus.c3, corpus.c2)]
    texts = {corpus.c2: C2, corpus.c3: C3, corpus.c1: C1}
    for h in line["inherited_by"]:
        s, e = h["span"]
        assert texts[h["article"]][s:e] == "1,900 people" == h["text"]
    assert line["line"] == [corpus.source, corpus.c1, corpus.c2, corpus.c3]

    quotes = {(q["article"], q["kind"]) for q in story["quotes"]}
    assert quotes == {(corpus.c1, "cut"), (corpus.c2, "reattributed"), (corpus.c4, "spliced"),
                      (corpus.c4, "altered")}  # the typography-only copy c5 has none
    for q in story["quotes"]:
        assert set(q) >= {"article", "versus", "kind", "text", "span", "versus_text",
                          "versus_span", "speaker", "versus_speaker", "explanation"}
    re_q = next(q for q in story["quotes"] if q["kind"] == "reattributed")
    assert re_q["versus"] == corpus.c1  # against its own parent, not the source
    s, e = re_q["speaker_span"]
    assert C2[s:e] == "Anna Roth"
    s, e = re_q["versus_speaker_span"]
    assert C1[s:e] == "Tomas Weller"
    spliced = next(q for q in story["quotes"] if q["kind"] == "spliced")
    assert [p["text"].split()[0] for p in spliced["versus_parts"]] == ["Nobody", "The"]
    assert json.loads(json.dumps(report)) == report


def test_markdown_and_html_sections(corpus: IntegrityCorpus) -> None:
    with Store(corpus.db, readonly=True) as store:
        md = render(store, "md")
        html = render(store, "html")
    section = md.split("### Where facts went wrong")[1].split("### Quotes")[0]
    assert "[1] says “900 people”" in section
    assert "[2] changed it to “1,900 people”" in section
    assert "[3] copied it from [2]: “1,900 people”" in section
    assert "[4] copied it from [3]: “1,900 people”" in section
    quotes = md.split("### Quotes")[1].split("### References")[0]
    assert "**reattributed** [3] versus [2]" in quotes and "(Anna Roth)" in quotes
    assert "**cut (inside)** [2] versus [1]" in quotes
    assert "**spliced** [5] versus [1]" in quotes and "**altered** [5] versus [1]" in quotes
    assert "Where facts went wrong" in html and 'class="quote-changes"' in html
    assert "copied it from" in html and "Anna Roth" in html


def test_cli_lineage_and_quotes(corpus: IntegrityCorpus) -> None:
    proc = run_cli("lineage", "--story", str(corpus.story), "--db", str(corpus.db), check=True)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("figure: VARNO")
    assert f"#{corpus.source} says “900 people”" in lines[1]
    assert f"-> #{corpus.c1} changed it to “1,900 people”" in lines[2]
    assert f"-> #{corpus.c2} (copy of #{corpus.c1}) repeats “1,900 people”" in lines[3]
    assert f"-> #{corpus.c3} (copy of #{corpus.c2}) repeats “1,900 people”" in lines[4]
    data = json.loads(run_cli("lineage", "--story", str(corpus.story), "--db", str(corpus.db),
                              "--json", check=True).stdout)
    assert data[0]["inherited_by"][0]["article"] == corpus.c2
    proc = run_cli("quotes", "--story", str(corpus.story), "--db", str(corpus.db), check=True)
    assert f"#{corpus.c2} vs #{corpus.c1} reattributed" in proc.stdout
    assert "copy   [" in proc.stdout and "— Anna Roth" in proc.stdout
    assert "— Tomas Weller" in proc.stdout
    missing = run_cli("quotes", "--story", "99", "--db", str(corpus.db))
    assert missing.returncode != 0 and "no story with id 99" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_typography_only_copy_of_the_source_has_no_quote_change(tmp_path: Path) -> None:
    from wt_integrity import C5

    from wiretrace.claims.quotes import compare_quotes
    from wiretrace.model import Article

    assert compare_quotes(Article("s", SOURCE, SOURCE, id=1), Article("c", C5, C5, id=2)) == []
