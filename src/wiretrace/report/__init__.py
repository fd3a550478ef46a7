"""Reports: the JSON contract (version 1), Markdown and HTML, all from one dict."""

from __future__ import annotations

import json

from wiretrace.errors import WiretraceError
from wiretrace.report.build import REPORT_VERSION, build_report, story_context
from wiretrace.store import Store

__all__ = ["REPORT_VERSION", "build_report", "render", "story_context"]

FORMATS = ("json", "md", "html")


def render(store: Store, fmt: str, story_id: int | None = None) -> str:
    """The report over ``store`` (or one story) as text in ``fmt``: json, md or html."""
    if fmt not in FORMATS:
        raise WiretraceError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    report = build_report(store, story_id)
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from wiretrace.report.markdown import render_markdown

        return render_markdown(report)
    from wiretrace.report.html import render_html

    return render_html(report)
