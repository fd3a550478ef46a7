"""Rendering the version 1 report dict: standalone HTML, Markdown and the provenance SVG."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from wiretrace.report.html import render_html
from wiretrace.report.markdown import render_markdown
from wiretrace.report.svg import provenance_graph, render_svg

HOSTILE = "Pier <script>alert(1)</script> vote <img src=x onerror=alert(1)>"


def _article(aid: int, site: str, title: str, dtype: str | None, parent: int | None = None,
             upstream: str | None = None, url: str | None = None) -> dict[str, Any]:
    return {
        "id": aid, "source": f"corpus/{aid}.html", "locator": None, "site": site,
        "url": url or f"https://{site}/{aid}", "title": title, "byline": None,
        "published": f"2026-05-0{aid}T10:00:00Z", "language": "en",
        "derivation": None if dtype is None else {
            "type": dtype, "parent": parent, "upstream": upstream, "score": 0.875,
            "evidence": [f"evidence for {aid}"]},
        "artefacts": [], "ai_tells": [],
    }


def report() -> dict[str, Any]:
    ai = _article(4, "quickai.example", "Bridge: what we know", "rewrite", parent=1,
                  url="javascript:alert(1)")
    ai["artefacts"] = [{"kind": "llm_meta_text", "text": "I hope this helps!", "start": 0,
                        "end": 18}]
    ai["ai_tells"] = [{"text": "I hope this helps!", "start": 0, "end": 18}]
    return {
        "wiretrace_report": 1,
        "stories": [
            {
                "id": 7, "title": "Marlowe bridge delayed", "size": 4,
                "sites": ["dailyport.example", "quickai.example", "wirewire.example"],
                "first_published": "2026-05-01T10:00:00Z",
                "last_published": "2026-05-04T10:00:00Z",
                "articles": [
                    _article(1, "wirewire.example", "Marlowe bridge delayed to June", "original",
                             upstream="Wirewire"),
                    _article(2, "dailyport.example", "Marlowe bridge delayed to June",
                             "wire_copy", parent=1),
                    _article(3, "dailyport.example", HOSTILE, "spun_copy", parent=2),
                    ai,
                ],
                "alignments": [{"a": 1, "b": 2, "reuse_a": 0.9, "reuse_b": 1.0,
                                "pairs": [{"a_span": [0, 10], "b_span": [0, 10],
                                           "kind": "verbatim", "score": 1.0}]}],
                "changes": [
                    {"article": 4, "versus": 1, "kind": "figure", "text": "three years",
                     "versus_text": "two years", "explanation": "delay changed from two years",
                     "span": [5, 16], "versus_span": [5, 14]},
                    {"article": 3, "versus": 2, "kind": "addition", "text": HOSTILE,
                     "versus_text": "", "explanation": "added text", "span": None,
                     "versus_span": None},
                ],
                "facts": [
                    {"statement": "The bridge opens in June.", "support": [1, 2, 3],
                     "disputed": False, "single_source": False, "variants": []},
                    {"statement": "The delay.", "support": [1, 4], "disputed": True,
                     "single_source": False,
                     "variants": [{"text": "two years", "articles": [1, 2]},
                                  {"text": "three years", "articles": [4]}]},
                    {"statement": "Steel costs caused it.", "support": [1], "disputed": False,
                     "single_source": True, "variants": []},
                ],
            },
            {"id": 8, "title": "Empty story", "articles": [], "alignments": [], "changes": [],
             "facts": []},
        ],
        "rejected": [{"source": "bad.html", "reason": "no text after extraction"}],
    }


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(str(a["id"]))


def test_html_is_standalone_and_complete() -> None:
    html = render_html(report(), title="Test report")
    parser = _Tags()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags  # no scripts, no external stylesheets
    assert "style" in tags and "svg" in tags
    assert not [a for t, a in parser.tags if t in ("img", "iframe", "object")]
    csp = [a for t, a in parser.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in str(csp[0]["content"])
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    for text in ("Test report", "Marlowe bridge delayed", "wire copy", "spun copy",
                 "Wirewire", "evidence for 2", "The bridge opens in June.", "Disputed",
                 "three years", "Single-source claims", "Steel costs caused it.",
                 "delay changed from two years", "I hope this helps!", "no text after extraction"):
        assert text in html, text
    # citations are anchors to articles inside the file
    assert 'href="#article-1"' in html and 'id="article-1"' in html
    assert html.count('class="cite"') >= 8
    assert "{{" not in html and "{%" not in html


def test_html_escapes_hostile_text_and_urls() -> None:
    html = render_html(report())
    body = html.split("</style>", 1)[1]
    assert "<script>" not in body and "<img" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert 'href="javascript:' not in body


def test_html_renders_reports_missing_optional_fields() -> None:
    minimal = {"wiretrace_report": 1, "stories": [
        {"id": 1, "title": "t", "articles": [{"id": 5, "title": "a", "derivation": None}],
         "facts": [{"statement": "s", "support": [5]}]}]}
    html = render_html(minimal)
    assert "Single-source claims" in html and "untraced" in html


def test_markdown_report() -> None:
    md = render_markdown(report(), title="Test report")
    assert md.startswith("# Test report\n")
    assert "## Marlowe bridge delayed" in md and "## Empty story" in md
    tree = md.split("### Provenance", 1)[1].split("### Articles", 1)[0]
    lines = [ln for ln in tree.splitlines() if ln.strip()]
    assert lines[0].startswith("- Wirewire")
    assert lines[1].startswith("  - [1] wirewire.example")
    assert lines[2].startswith("    - [2] dailyport.example")
    assert lines[3].startswith("      - [3] dailyport.example")  # the spun copy of the copy
    assert lines[4].startswith("    - [4] quickai.example")
    assert "Derivation: *spun copy*, score 0.88, parent [2]" in md
    assert "- The bridge opens in June. [1][2][3]" in md
    assert "  - “three years” [4]" in md
    assert "- Steel costs caused it. [1]" in md
    assert "**figure** [4] versus [1]: “two years” → “three years”" in md
    assert "1. wirewire.example, “Marlowe bridge delayed to June”" in md
    assert "no text after extraction" in md


def test_markdown_escapes_hostile_text() -> None:
    md = render_markdown(report())
    assert "<script>" not in md and "<img" not in md
    assert r"&lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_graph_layers_by_depth_and_labels_edges() -> None:
    story = report()["stories"][0]
    graph = provenance_graph(story)
    depth = {n["key"]: n["depth"] for n in graph["nodes"]}
    assert depth == {"u:Wirewire": 0, "a:1": 1, "a:2": 2, "a:3": 3, "a:4": 2}
    edges = {(e["source"], e["target"], e["label"]) for e in graph["edges"]}
    assert edges == {("u:Wirewire", "a:1", "original"), ("a:1", "a:2", "wire_copy"),
                     ("a:2", "a:3", "spun_copy"), ("a:1", "a:4", "rewrite")}
    xs = {n["key"]: n["x"] for n in graph["nodes"]}
    assert xs["u:Wirewire"] < xs["a:1"] < xs["a:2"] < xs["a:3"]
    boxes = [(n["x"], n["y"]) for n in graph["nodes"]]
    assert len(boxes) == len(set(boxes)), "nodes overlap"
    json.dumps(graph)  # plain data, ready for the JSON twin


def test_svg_escapes_and_links() -> None:
    story = report()["stories"][0]
    svg = render_svg(provenance_graph(story), href=lambda i: f"/articles/{i}", uid="s7")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg
    assert re.search(r'<a href="/articles/3">', svg)
    assert 'marker-end="url(#s7-arrow)"' in svg
    assert ">spun copy</text>" in svg
    assert render_svg(provenance_graph({"articles": []})) == ""


def test_graph_survives_cycles_and_unknown_parents() -> None:
    story = {"articles": [_article(1, "a.example", "one", "edited_copy", parent=2),
                          _article(2, "b.example", "two", "edited_copy", parent=1),
                          _article(3, "c.example", "three", "wire_copy", parent=99)]}
    graph = provenance_graph(story)
    assert len(graph["nodes"]) == 3
    assert all(isinstance(n["depth"], int) for n in graph["nodes"])
    assert "<svg" in render_svg(graph)


def test_markdown_escapes_only_at_line_start() -> None:
    from wiretrace.report.markdown import md

    assert md("2026-07-17T15:48:00+03:00") == "2026-07-17T15:48:00+03:00"
    assert md("Prices rose (again) by 3.5%!") == "Prices rose (again) by 3.5%!"
    assert md("# Not a heading") == "\\# Not a heading"
    assert md("12. Not a list") == "12\\. Not a list"
    assert md("[click](javascript:x)") == "\\[click\\](javascript:x)"
