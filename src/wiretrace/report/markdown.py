"""The report as Markdown: per story the provenance tree, the articles with their derivation and
evidence, the cited brief (facts, disputed facts, single-source claims) and the changes.

Citations are ``[n]`` with n the article's number in its story; each story ends with its
reference list. Text from articles is escaped so a title cannot inject links, HTML or tables.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["render_markdown"]

# with brackets escaped no link or image can form, so parentheses and '!' stay readable;
# '#', '+', '-' and '1.' only mean something at the start of a line, before a space
_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
_LINE_START = re.compile(r"^(\d*)((?<=\d)[.)]|(?<!\d)[#+\-])(?=\s|$)")


def md(text: Any) -> str:
    """Escape text for inline Markdown: one line, no raw HTML (``<`` and ``>`` become entities,
    which every renderer shows as the characters), Markdown punctuation backslash-escaped."""
    line = " ".join(str(text or "").split())
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", line))


def _label(value: Any) -> str:
    return str(value or "untraced").replace("_", " ")


def _score(value: Any) -> str:
    return "–" if value is None else f"{float(value):.2f}"


def _cite(ids: list[int], numbers: dict[int, int]) -> str:
    return "".join(f"[{numbers[i]}]" if i in numbers else f"[#{i}]" for i in ids)


def _tree(story: dict[str, Any], numbers: dict[int, int]) -> list[str]:
    articles = {a["id"]: a for a in story["articles"]}
    children: dict[Any, list[int]] = {}
    for aid, a in articles.items():
        d = a.get("derivation") or {}
        parent = d.get("parent")
        if parent in articles and parent != aid:
            key: Any = parent
        elif d.get("upstream"):
            key = ("upstream", d["upstream"])
        else:
            key = None
        children.setdefault(key, []).append(aid)
    lines: list[str] = []
    seen: set[int] = set()

    def walk(aid: int, depth: int) -> None:
        if aid in seen:
            return
        seen.add(aid)
        a = articles[aid]
        d = a.get("derivation") or {}
        lines.append(f"{'  ' * depth}- [{numbers[aid]}] {md(a.get('site') or 'unknown site')}: "
                     f"{md(a.get('title') or f'article {aid}')} — *{_label(d.get('type'))}*"
                     + (f", score {_score(d.get('score'))}" if d else ""))
        for child in children.get(aid, []):
            walk(child, depth + 1)

    upstreams = sorted(k[1] for k in children if isinstance(k, tuple))
    for name in upstreams:
        lines.append(f"- {md(name)} *(upstream source named in the articles, not in the corpus)*")
        for aid in children[("upstream", name)]:
            walk(aid, 1)
    for aid in children.get(None, []):
        walk(aid, 0)
    for aid in articles:  # anything left is in a cycle
        walk(aid, 0)
    return lines


def _story(story: dict[str, Any]) -> list[str]:
    numbers = {a["id"]: n for n, a in enumerate(story.get("articles", []), start=1)}
    articles = story.get("articles", [])
    facts = story.get("facts", [])
    changes = story.get("changes", [])
    out = [f"## {md(story.get('title') or 'Story ' + str(story.get('id')))}", ""]
    sites = sorted({a.get("site") for a in articles if a.get("site")})
    out += [f"Story {story.get('id')}: {len(articles)} articles from {len(sites)} sites"
            + (f" ({', '.join(md(s) for s in sites)})" if sites else "") + ".", ""]
    out += ["### Provenance", "", *_tree(story, numbers), ""]
    out += ["### Articles", ""]
    for a in articles:
        d = a.get("derivation") or {}
        n = numbers[a["id"]]
        out.append(f"**[{n}] {md(a.get('title') or 'article ' + str(a['id']))}**  ")
        meta = [md(a.get("site") or "unknown site"), md(a.get("published") or "undated"),
                f"article {a['id']}"]
        out.append(" · ".join(meta) + "  ")
        deriv = f"Derivation: *{_label(d.get('type'))}*"
        if d:
            deriv += f", score {_score(d.get('score'))}"
            if d.get("parent") is not None:
                deriv += f", parent {_cite([d['parent']], numbers)}"
            if d.get("upstream"):
                deriv += f", upstream {md(d['upstream'])}"
        out.append(deriv + "  ")
        out.append(f"Source: `{str(a.get('url') or a.get('source') or '').replace('`', '')}`")
        for e in d.get("evidence", []) if d else []:
            out.append(f"- evidence: {md(e)}")
        for f in a.get("artefacts", []):
            out.append(f"- artefact ({md(f.get('kind'))}): “{md(f.get('text'))}”")
        out.append("")
    out += ["### Brief", ""]
    plain = [f for f in facts if not f.get("disputed") and not f.get("single_source")]
    disputed = [f for f in facts if f.get("disputed")]
    single = [f for f in facts if f.get("single_source") and not f.get("disputed")]
    if not facts:
        out += ["No facts extracted.", ""]
    if plain:
        out += ["**Facts**", ""]
        out += [f"- {md(f['statement'])} {_cite(f.get('support', []), numbers)}" for f in plain]
        out.append("")
    if disputed:
        out += ["**Disputed**", ""]
        for f in disputed:
            out.append(f"- {md(f['statement'])}")
            for v in f.get("variants", []):
                out.append(f"  - “{md(v['text'])}” {_cite(v.get('articles', []), numbers)}")
        out.append("")
    if single:
        out += ["**Single-source claims**", ""]
        out += [f"- {md(f['statement'])} {_cite(f.get('support', []), numbers)}" for f in single]
        out.append("")
    out += ["### Changes", ""]
    if not changes:
        out += ["No changes recorded.", ""]
    for c in changes:
        before, after = md(c.get("versus_text")), md(c.get("text"))
        diff = f"“{before}” → “{after}”" if before and after else (
            f"added “{after}”" if after else f"dropped “{before}”")
        out.append(f"- **{_label(c.get('kind'))}** {_cite([c['article']], numbers)} versus "
                   f"{_cite([c['versus']], numbers)}: {diff} — {md(c.get('explanation'))}")
    out += ["", *_lineage(story.get("lineage", []), numbers)]
    out += _quotes(story.get("quotes", []), numbers)
    out += ["### References", ""]
    for a in articles:
        where = a.get("url") or a.get("source") or ""
        out.append(f"{numbers[a['id']]}. {md(a.get('site') or 'unknown site')}, "
                   f"“{md(a.get('title') or 'article ' + str(a['id']))}”, "
                   f"{md(a.get('published') or 'undated')}, `{str(where).replace('`', '')}`")
    out.append("")
    return out


def _lineage(lines: list[dict[str, Any]], numbers: dict[int, int]) -> list[str]:
    """Changed facts that copies repeated: the line each travelled along."""
    out = ["### Where facts went wrong", ""]
    travelled = [x for x in lines if x.get("inherited_by")]
    if not travelled:
        out += ["No changed fact was repeated by a copy of the copy that changed it.", ""]
    for x in travelled:
        o = x["origin"]
        before = f"“{md(o.get('versus_text'))}”" if o.get("versus_text") else "nothing"
        out.append(f"- **{_label(x.get('kind'))}**: {md(x.get('fact'))}")
        out.append(f"  - {_cite([o['versus']], numbers)} says {before}")
        out.append(f"  - {_cite([o['article']], numbers)} changed it to “{md(o.get('text'))}” — "
                   f"{md(o.get('explanation'))}")
        for h in x["inherited_by"]:
            out.append(f"  - {_cite([h['article']], numbers)} copied it from "
                       f"{_cite([h['via']], numbers)}: “{md(h.get('text'))}”")
    rest = len(lines) - len(travelled)
    if travelled and rest:
        out += ["", f"{rest} other changes stayed with the copy that made them."]
    out.append("")
    return out


def _quotes(quotes: list[dict[str, Any]], numbers: dict[int, int]) -> list[str]:
    """Quotes a copy cut, spliced, gave to someone else or altered."""
    out = ["### Quotes", ""]
    if not quotes:
        return out + ["No quote was cut, spliced, reattributed or altered.", ""]
    for q in quotes:
        kind = _label(q.get("kind")) + (f" ({md(q['cut'])})" if q.get("cut") else "")
        who = f" ({md(q['speaker'])})" if q.get("speaker") else ""
        parts = q.get("versus_parts") or [{"text": q.get("versus_text"),
                                            "speaker": q.get("versus_speaker")}]
        was = " + ".join(f"“{md(p.get('text'))}”"
                         + (f" ({md(p['speaker'])})" if p.get("speaker") else "") for p in parts)
        out.append(f"- **{kind}** {_cite([q['article']], numbers)} versus "
                   f"{_cite([q['versus']], numbers)}: “{md(q.get('text'))}”{who} ← {was} — "
                   f"{md(q.get('explanation'))}")
    out.append("")
    return out


def render_markdown(report: dict[str, Any], title: str = "wiretrace report") -> str:
    """Markdown for a version 1 report dict."""
    stories = report.get("stories", [])
    n_articles = sum(len(s.get("articles", [])) for s in stories)
    out = [f"# {md(title)}", "",
           f"{len(stories)} stories, {n_articles} articles. Citations [n] refer to the numbered "
           "references at the end of each story.", ""]
    for story in stories:
        out += _story(story)
    rejected = report.get("rejected", [])
    if rejected:
        out += ["## Rejected inputs", ""]
        out += [f"- `{str(r.get('source', '')).replace('`', '')}`: {md(r.get('reason'))}"
                for r in rejected]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
