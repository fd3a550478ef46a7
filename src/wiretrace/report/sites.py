"""Per-site scorecards: what each site publishes, how it was derived, and what it changed.

Used by the web app's ``/sites`` page and by ``wiretrace sites``. Computed with a few grouped
queries over the store, so it stays cheap on large databases.
"""

from __future__ import annotations

from typing import Any

from wiretrace.model import CHANGE_KINDS, DERIVATION_TYPES
from wiretrace.store import Store
from wiretrace.trace.derivation import CREDIT_STRIPPED

__all__ = ["COPY_TYPES", "UNKNOWN_SITE", "site_scorecards"]

COPY_TYPES = ("wire_copy", "edited_copy", "spun_copy")
UNKNOWN_SITE = "(unknown)"
AI_TELL_KINDS = ("llm_meta_text",)


def site_scorecards(store: Store) -> list[dict[str, Any]]:
    """One dict per site, most articles first.

    Keys: ``site``, ``articles``, ``traced`` (articles with a derivation), ``derivations``
    (count per derivation type, every type present), ``originals``, ``copies`` (wire, edited and
    spun copies), ``rewrites``, ``summaries``, ``independent``, ``copy_share`` (copies among
    traced articles, 0..1), ``artefacts`` (count per kind), ``artefact_total``, ``ai_tells``,
    ``ai_tell_articles`` (articles with at least one AI tell), ``credit_stripped`` (copies of
    an agency's text that do not credit the agency), ``changes`` (changes this site's
    articles introduced versus their source, per kind), ``change_total``.
    """
    conn = store.conn
    cards: dict[str, dict[str, Any]] = {}

    def card(site: str | None) -> dict[str, Any]:
        key = site or UNKNOWN_SITE
        if key not in cards:
            cards[key] = {
                "site": key,
                "articles": 0,
                "traced": 0,
                "derivations": {t: 0 for t in DERIVATION_TYPES},
                "artefacts": {},
                "ai_tells": 0,
                "ai_tell_articles": 0,
                "changes": {},
                "credit_stripped": 0,
            }
        return cards[key]

    for site, n in conn.execute("SELECT site, count(*) FROM articles GROUP BY site"):
        card(site)["articles"] = int(n)
    for site, dtype, n in conn.execute(
        "SELECT a.site, d.type, count(*) FROM derivations d JOIN articles a ON a.id = d.article_id "
        "GROUP BY a.site, d.type"
    ):
        c = card(site)
        c["derivations"][dtype] = c["derivations"].get(dtype, 0) + int(n)
        c["traced"] += int(n)
    for site, kind, n in conn.execute(
        "SELECT a.site, f.kind, count(*) FROM artefacts f JOIN articles a ON a.id = f.article_id "
        "GROUP BY a.site, f.kind ORDER BY count(*) DESC, f.kind"
    ):
        card(site)["artefacts"][kind] = int(n)
    marks = ",".join("?" * len(AI_TELL_KINDS))
    for site, n in conn.execute(
        f"SELECT a.site, count(DISTINCT f.article_id) FROM artefacts f "
        f"JOIN articles a ON a.id = f.article_id WHERE f.kind IN ({marks}) GROUP BY a.site",
        AI_TELL_KINDS,
    ):
        card(site)["ai_tell_articles"] = int(n)
    for site, n in conn.execute(
        "SELECT a.site, count(*) FROM derivations d JOIN articles a ON a.id = d.article_id "
        "WHERE d.evidence LIKE ? GROUP BY a.site", (f'%"{CREDIT_STRIPPED}:%',)
    ):
        card(site)["credit_stripped"] = int(n)
    for site, kind, n in conn.execute(
        "SELECT a.site, ch.kind, count(*) FROM changes ch JOIN articles a ON a.id = ch.article "
        "GROUP BY a.site, ch.kind"
    ):
        card(site)["changes"][kind] = int(n)

    out = []
    for c in cards.values():
        d = c["derivations"]
        c["originals"] = d.get("original", 0)
        c["copies"] = sum(d.get(t, 0) for t in COPY_TYPES)
        c["rewrites"] = d.get("rewrite", 0)
        c["summaries"] = d.get("summary", 0)
        c["independent"] = d.get("independent", 0)
        c["copy_share"] = round(c["copies"] / c["traced"], 4) if c["traced"] else 0.0
        c["artefact_total"] = sum(c["artefacts"].values())
        c["ai_tells"] = sum(n for k, n in c["artefacts"].items() if k in AI_TELL_KINDS)
        order = {k: i for i, k in enumerate(CHANGE_KINDS)}
        c["changes"] = dict(sorted(c["changes"].items(),
                                   key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
        c["change_total"] = sum(c["changes"].values())
        out.append(c)
    out.sort(key=lambda c: (-c["articles"], c["site"]))
    return out
