"""The Jinja2 environment shared by the web app and the standalone HTML report.

Autoescape is on for every template: titles and texts are written by strangers. The only markup
inserted unescaped is the provenance SVG, which ``report.svg`` builds with every string escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from wiretrace.report.svg import provenance_graph, render_svg

__all__ = ["TEMPLATE_DIR", "STATIC_DIR", "make_environment", "safe_url"]

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) link, else None: a stranger's ``javascript:`` URL never
    becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def label(value: Any) -> str:
    return str(value or "untraced").replace("_", " ")


def score(value: Any) -> str:
    if value is None:
        return "–"
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return str(value)


def percent(value: Any) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "–"


def when(value: Any) -> str:
    """An ISO timestamp shortened for reading: '2026-03-02T08:00:00Z' → '2026-03-02 08:00'."""
    text = str(value or "")
    if len(text) >= 16 and text[10] == "T":
        return f"{text[:10]} {text[11:16]}"
    return text


def article_index(articles: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Articles by id, each with its citation number ``n`` (1-based, story order)."""
    return {a["id"]: {**a, "n": i} for i, a in enumerate(articles, start=1)}


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def make_environment(link: Callable[[int], str], standalone: bool = False) -> Environment:
    """``link(article_id)`` is where an article reference points: a page in the app, or an
    anchor in the standalone report."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def provenance_svg(story: dict[str, Any]) -> Markup:
        graph = story.get("graph") or provenance_graph(story)
        title = f"Provenance graph of story {story.get('id')}: {story.get('title') or ''}"
        return Markup(render_svg(graph, href=link, title=title, uid=f"pg{story.get('id')}"))

    env.globals.update(
        link=link,
        standalone=standalone,
        provenance_svg=provenance_svg,
        safe_url=safe_url,
        article_index=article_index,
        plural=plural,
    )
    env.filters.update(label=label, score=score, percent=percent, when=when)
    return env


def stylesheet() -> str:
    return (STATIC_DIR / "style.css").read_text(encoding="utf-8")
