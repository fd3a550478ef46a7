"""The report as one standalone HTML file: no scripts, no external assets, styles inline.

Renders the report dict (``report.build.build_report``) with the web app's templates, so a
story reads the same in the file as in ``wiretrace serve``; article references become anchors
inside the file. Every string from an article is escaped (Jinja2 autoescape), and the file carries
a Content-Security-Policy that forbids scripts, so hostile titles stay text when opened locally.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from wiretrace.report.svg import provenance_graph

__all__ = ["render_html"]


def _story_defaults(story: dict[str, Any]) -> dict[str, Any]:
    """Fill what the templates read, so a report loaded from an older JSON file renders too."""
    s = dict(story)
    articles = [dict(a) for a in s.get("articles", [])]
    for a in articles:
        for key in ("title", "site", "url", "published", "language", "derivation"):
            a.setdefault(key, None)
        a.setdefault("source", "")
        a.setdefault("artefacts", [])
        a.setdefault("ai_tells", [])
    s["articles"] = articles
    dates = sorted(a["published"] for a in articles if a["published"])
    s.setdefault("title", None)
    s.setdefault("size", len(articles))
    s.setdefault("sites", sorted({a["site"] for a in articles if a["site"]}))
    s.setdefault("first_published", dates[0] if dates else None)
    s.setdefault("last_published", dates[-1] if dates else None)
    s.setdefault("alignments", [])
    s.setdefault("changes", [])
    s.setdefault("lineage", [])
    s.setdefault("quotes", [])
    facts = []
    for f in s.get("facts", []):
        f = dict(f)
        f.setdefault("variants", [])
        f.setdefault("disputed", len(f["variants"]) > 1)
        f.setdefault("single_source", len(f.get("support", [])) == 1 and not f["disputed"])
        facts.append(f)
    s["facts"] = facts
    s["graph"] = provenance_graph(s)
    return s


def render_html(report: dict[str, Any], title: str = "wiretrace report",
                generated: str | None = None) -> str:
    """A standalone HTML document for a version 1 report dict."""
    from wiretrace.web.pages import make_environment, stylesheet

    env = make_environment(link=lambda article_id: f"#article-{article_id}", standalone=True)
    stories = [_story_defaults(s) for s in report.get("stories", [])]
    view = {**report, "stories": stories, "rejected": report.get("rejected", []),
            "wiretrace_report": report.get("wiretrace_report", 1)}
    return env.get_template("report.html").render(
        report=view,
        title=title,
        generated=generated,
        css=Markup(stylesheet()),  # our own file; style is raw text, must not be escaped
        article_count=sum(len(s["articles"]) for s in stories),
    )
