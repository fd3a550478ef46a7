"""The provenance graph of a story, laid out server-side and drawn as inline SVG.

``provenance_graph(story)`` turns a story context dict (``report.build.story_context``) into
plain data: article nodes, inferred upstream nodes (``Derivation.upstream`` names such as
"Reuters"), edges parent → child labelled with the child's derivation type, and a layered layout
(one column per depth, left to right). ``render_svg(graph, href)`` draws it. Every string that
comes from an article is escaped here, because the SVG is inserted into pages as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from wiretrace.report.records import shorten

__all__ = ["provenance_graph", "render_svg"]

NODE_W = 230
NODE_H = 46
COL_GAP = 110
ROW_GAP = 18
MARGIN = 16
TITLE_CHARS = 30


def _depths(parents: dict[str, str | None]) -> dict[str, int]:
    depths: dict[str, int] = {}

    def depth(node: str) -> int:
        seen: list[str] = []
        cur: str | None = node
        while cur is not None and cur not in depths:
            if cur in seen:  # a cycle: cut it here
                depths[cur] = 0
                break
            seen.append(cur)
            cur = parents.get(cur)
        for n in reversed(seen):
            p = parents.get(n)
            if n not in depths:
                depths[n] = depths[p] + 1 if p is not None and p in depths else 0
        return depths[node]

    for n in parents:
        depth(n)
    return depths


def provenance_graph(story: dict[str, Any]) -> dict[str, Any]:
    """Nodes, edges and a layered layout for one story context dict."""
    articles = {a["id"]: a for a in story.get("articles", [])}
    nodes: dict[str, dict[str, Any]] = {}
    parents: dict[str, str | None] = {}
    edges: list[dict[str, Any]] = []
    for upstream in sorted({(a.get("derivation") or {}).get("upstream") or ""
                            for a in articles.values()} - {""}):
        key = f"u:{upstream}"
        nodes[key] = {"key": key, "kind": "upstream", "label": upstream, "article": None,
                      "site": None, "type": "upstream", "published": None}
        parents[key] = None
    for aid, a in articles.items():
        d = a.get("derivation") or {}
        key = f"a:{aid}"
        nodes[key] = {"key": key, "kind": "article", "label": a.get("title") or f"article {aid}",
                      "article": aid, "site": a.get("site"), "type": d.get("type") or "untraced",
                      "published": a.get("published")}
        parent = d.get("parent")
        upstream = d.get("upstream")
        if parent is not None and parent in articles and parent != aid:
            parents[key] = f"a:{parent}"
            edges.append({"source": f"a:{parent}", "target": key, "label": d.get("type") or "",
                          "score": d.get("score")})
        elif upstream:
            parents[key] = f"u:{upstream}"
            edges.append({"source": f"u:{upstream}", "target": key, "label": d.get("type") or "",
                          "score": d.get("score")})
        else:
            parents[key] = None
    depths = _depths(parents)
    layers: dict[int, list[str]] = {}
    for key in nodes:
        layers.setdefault(depths.get(key, 0), []).append(key)
    position: dict[str, int] = {}
    for depth in sorted(layers):
        def order(key: str) -> tuple[float, str, str]:
            p = parents.get(key)
            n = nodes[key]
            return (position.get(p, -1) if p else -1, n["published"] or "", key)
        layers[depth].sort(key=order)
        for i, key in enumerate(layers[depth]):
            position[key] = i
    rows = max((len(v) for v in layers.values()), default=0)
    cols = max(layers, default=-1) + 1
    height = MARGIN * 2 + rows * NODE_H + max(rows - 1, 0) * ROW_GAP
    for depth, keys in layers.items():
        col_h = len(keys) * NODE_H + max(len(keys) - 1, 0) * ROW_GAP
        top = (height - col_h) / 2
        for i, key in enumerate(keys):
            nodes[key]["depth"] = depth
            nodes[key]["x"] = MARGIN + depth * (NODE_W + COL_GAP)
            nodes[key]["y"] = round(top + i * (NODE_H + ROW_GAP), 1)
    width = MARGIN * 2 + cols * NODE_W + max(cols - 1, 0) * COL_GAP
    return {"nodes": list(nodes.values()), "edges": edges, "width": width, "height": height}


def _short(text: str, n: int = TITLE_CHARS) -> str:
    return shorten(text, n)


def _css_token(value: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in value)[:40]


def render_svg(
    graph: dict[str, Any],
    href: Callable[[int], str] | None = None,
    title: str = "Provenance graph",
    uid: str = "pg",
) -> str:
    """SVG markup for a graph from ``provenance_graph``; ``href`` links article nodes."""
    if not graph["nodes"]:
        return ""
    uid = _css_token(uid) or "pg"
    by_key = {n["key"]: n for n in graph["nodes"]}
    w, h = graph["width"], graph["height"]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="provenance" role="img" '
        f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{uid}-title">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<defs><marker id="{uid}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'class="pg-arrowhead"/></marker></defs>',
    ]
    for e in graph["edges"]:
        s, t = by_key.get(e["source"]), by_key.get(e["target"])
        if s is None or t is None:
            continue
        x1, y1 = s["x"] + NODE_W, s["y"] + NODE_H / 2
        x2, y2 = t["x"], t["y"] + NODE_H / 2
        mx = (x1 + x2) / 2
        label = escape(str(e["label"]).replace("_", " "))
        out.append(
            f'<g class="pg-edge pg-type-{_css_token(str(e["label"]))}">'
            f'<path d="M {x1} {y1} C {mx} {y1}, {mx} {y2}, {x2} {y2}" '
            f'marker-end="url(#{uid}-arrow)"/>'
            f'<text x="{mx}" y="{(y1 + y2) / 2 - 4}" text-anchor="middle">{label}</text></g>'
        )
    for n in graph["nodes"]:
        kind = "pg-upstream" if n["kind"] == "upstream" else "pg-article"
        head = _short(n["label"])
        if n["kind"] == "upstream":
            sub = "inferred upstream source"
        else:
            sub = f"#{n['article']} · {n['site'] or 'unknown site'} · {n['type'].replace('_', ' ')}"
        tip = n["label"] if n["kind"] == "upstream" else (
            f"{n['label']} ({n['site'] or 'unknown site'}, {n['type']})")
        box = (
            f'<g class="pg-node {kind} pg-type-{_css_token(n["type"])}">'
            f"<title>{escape(tip)}</title>"
            f'<rect x="{n["x"]}" y="{n["y"]}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
            f'<text x="{n["x"] + 8}" y="{n["y"] + 19}" class="pg-head">{escape(head)}</text>'
            f'<text x="{n["x"] + 8}" y="{n["y"] + 36}" class="pg-sub">{escape(_short(sub, 34))}'
            f"</text></g>"
        )
        if n["kind"] == "article" and href is not None:
            box = f'<a href="{escape(href(n["article"]))}">{box}</a>'
        out.append(box)
    out.append("</svg>")
    return "".join(out)
