"""The story as a cited brief: facts with the articles that support them, disputed facts with
each version and who says it, and claims only one article makes."""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from wiretrace.claims.compare import figure_mention
from wiretrace.claims.normalise import same_reading
from wiretrace.claims.numbers import consistent
from wiretrace.model import Article, Change, Claim, Derivation, Fact, FactVariant

__all__ = ["brief"]

_DISPUTE_KINDS = {"figure", "scope", "qualifier", "actor", "place", "negation", "modality",
                  "title", "attribution"}


def _aid(a: Article) -> int:
    return a.id if a.id is not None else -1


def _sentence(article: Article | None, claim: Claim) -> str:
    if article is None:
        return claim.text
    span = (claim.value or {}).get("sentence")
    if span:
        return " ".join(article.text[span[0]:span[1]].split())
    return claim.text


def _sentence_at(article: Article, pos: int) -> str:
    text = article.text
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    m = re.search(r"[.!?](?:\s|$)|\n", text[pos:])
    end = pos + m.end() if m else len(text)
    return " ".join(text[start:end].split())


def _figure_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Figure claims grouped by what they count and consistent value (single link)."""
    groups: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.article, c.span)):
        home = None
        for g in groups:
            if any(o.predicate == c.predicate and (o.subject or "").lower().rstrip("s") ==
                   (c.subject or "").lower().rstrip("s") or (
                       o.predicate == c.predicate and o.predicate not in {"time", "people"}
                   ) for o in g) and any(consistent(figure_mention(o), figure_mention(c))
                                         for o in g):
                home = g
                break
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    return groups


def brief(
    articles: list[Article],
    claims: list[Claim],
    changes: list[Change],
    derivations: list[Derivation] | None = None,
) -> list[Fact]:
    """Facts of a story: supported (many articles), disputed (variants) and single-source."""
    by_id = {_aid(a): a for a in articles}
    parent_of = {d.article: d.parent for d in derivations or []}
    facts: list[Fact] = []
    disputed_spans: set[tuple[int, int, int]] = set()  # (article, start, end) in dispute
    # disputed facts: one per source passage a copy changed
    grouped: dict[tuple[int, int, int], list[Change]] = defaultdict(list)
    for ch in changes:
        if ch.kind in _DISPUTE_KINDS and ch.versus_span and ch.span and not (
                parent_of.get(ch.article, ch.versus) != ch.versus
                or same_reading(ch.text, ch.versus_text)):
            # a dispute only from a change against the copy's own parent whose two versions
            # read differently ("Don’t" / "Don't" is one version)
            grouped[(ch.versus, *ch.versus_span)].append(ch)
    for (versus, s, e), chs in grouped.items():
        source = by_id.get(versus)
        if source is None:
            continue
        changed = {c.article for c in chs}
        keepers = [versus] + [i for i in by_id if i not in changed and i != versus
                              and parent_of.get(i) == versus]
        variants = [FactVariant(source.text[s:e], sorted(set(keepers)))]
        for ch in chs:
            text = ch.text
            if ch.kind == "attribution" and ch.explanation.startswith("the copy states"):
                text = f"{ch.text} (unattributed)"
            for v in variants:
                if v.text.lower() == text.lower():
                    v.articles = sorted({*v.articles, ch.article})
                    break
            else:
                variants.append(FactVariant(text, [ch.article]))
            if ch.span:
                disputed_spans.add((ch.article, *ch.span))
        disputed_spans.add((versus, s, e))
        support = sorted({a for v in variants for a in v.articles})
        facts.append(Fact(_sentence_at(source, s), support, variants, disputed=True))
    # supported and single-source figures
    figures = [c for c in claims if c.kind == "figure" and c.predicate not in {None, "date"}]
    for group in _figure_groups(figures):
        if any((c.article, *c.span) in disputed_spans or any(
            d[0] == c.article and d[1] <= c.span[0] < d[2] for d in disputed_spans
        ) for c in group):
            continue
        first = group[0]
        support = sorted({c.article for c in group})
        facts.append(Fact(_sentence(by_id.get(first.article), first), support))
    # quotes: the same words in several articles support each other
    quotes = [c for c in claims if c.kind == "quote" and len(c.text) > 20]
    used: set[int] = set()
    for i, q in enumerate(quotes):
        if i in used:
            continue
        quoted_by = {q.article}
        for j in range(i + 1, len(quotes)):
            if j not in used and fuzz.ratio(q.text, quotes[j].text) >= 85:
                used.add(j)
                quoted_by.add(quotes[j].article)
        who = f"{q.attributed_to}: " if q.attributed_to else ""
        facts.append(Fact(f"{who}“{q.text.strip()}”", sorted(quoted_by)))
    # additions: claims one copy makes and no other article supports
    for ch in changes:
        if ch.kind == "addition":
            art = by_id.get(ch.article)
            statement = _sentence_at(art, ch.span[0]) if art and ch.span else ch.text
            facts.append(Fact(statement, [ch.article]))
    facts = _merge_same_statement(facts)
    facts.sort(key=lambda f: (not f.disputed, -len(f.support)))
    return facts


def _merge_same_statement(facts: list[Fact]) -> list[Fact]:
    """One entry per statement: two figures of one sentence, or a figure and its attribution
    disputed in the same sentence, are one fact with every version and every supporter."""
    merged: dict[tuple[str, bool], Fact] = {}
    for f in facts:
        key = (" ".join(f.statement.split()).lower(), f.disputed)
        if key not in merged:
            merged[key] = Fact(f.statement, list(f.support), list(f.variants), f.disputed)
            continue
        into = merged[key]
        into.support = sorted(set(into.support) | set(f.support))
        for v in f.variants:
            same = next((w for w in into.variants if w.text == v.text), None)
            if same is None:
                into.variants.append(v)
            else:
                same.articles = sorted(set(same.articles) | set(v.articles))
    return list(merged.values())

