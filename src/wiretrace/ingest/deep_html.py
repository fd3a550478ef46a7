"""HTML nested deeper than the parser goes, flattened so that its text is kept.

libxml2 (under lxml and trafilatura) stops building the tree at 256 levels, so the text of a
page nested deeper (254 to ``Settings.max_html_depth`` levels: generated pages, broken
templates, hostile input) was lost as "no article text found". ``flatten_deep`` drops the tags
that open below ``max_depth`` levels (and their closing tags) and keeps everything else, text
included, so that the parser sees at most ``max_depth`` levels. It uses the same linear tag scan
as ``formats.common.check_html``.
"""

from __future__ import annotations

from wiretrace.ingest.formats.common import _HTML_TOKEN, _SIBLINGS, _VOID

__all__ = ["PARSER_SAFE_DEPTH", "flatten_deep"]

PARSER_SAFE_DEPTH = 200  # well under libxml2's 256, with room for what the parser adds


def flatten_deep(html: str, max_depth: int = PARSER_SAFE_DEPTH) -> str:
    """``html`` with no element nested deeper than ``max_depth``; the same string when none
    is."""
    stack: list[tuple[str, bool]] = []  # (tag name, kept in the output)
    out: list[str] = []
    dropped = False
    pos = 0
    for m in _HTML_TOKEN.finditer(html):
        raw, close, name, attrs = m.group("raw", "close", "name", "attrs")
        if raw is not None or name is None:
            continue  # comments, doctype, script/style bodies: kept as they are
        name = name.lower()
        keep = True
        if close:
            if any(n == name for n, _ in stack):
                while stack:
                    top, kept = stack.pop()
                    if top == name:
                        keep = kept
                        break
        elif not (name in _VOID or attrs.endswith("/")):
            closes = _SIBLINGS.get(name)
            if closes and stack and stack[-1][0] in closes:
                stack.pop()
            keep = len(stack) < max_depth
            stack.append((name, keep))
        if not keep:
            dropped = True
            out.append(html[pos : m.start()])
            out.append(" ")  # a dropped tag still separates words
            pos = m.end()
    if not dropped:
        return html
    out.append(html[pos:])
    return "".join(out)
