"""A small fictional corpus written straight into a real store through the Store API.

Story 1 ("harbour fire"): an original wire report, a verbatim wire copy, a spun copy with an
injected "See also" line, an AI rewrite that swapped a place and left a note to its requester, and
an independent report. Story 2 carries hostile markup in a title and a body. One article belongs
to no story.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wiretrace.model import (
    AlignedPair,
    Alignment,
    Artefact,
    Article,
    Change,
    Derivation,
    Fact,
    FactVariant,
)
from wiretrace.store import Store

XSS_TITLE = "Council <script>window.__pwned=1;alert(1)</script> vote <img src=x onerror=alert(1)>"
XSS_BODY = (
    "The council met on Tuesday. <script>window.__pwned=1;alert(1)</script> Members voted 7 to 2 "
    "to repair the pier. <img src=x onerror=\"window.__pwned=1;alert(1)\"> The work starts in May."
)

ORIGINAL = (
    "KELLAN (Wirewire) — A fire destroyed at least 40 boats in the harbour of Kellan on Monday, "
    "the coast guard said. About 1,800 people were evacuated to Crete by ferry overnight. "
    "Mayor Ana Ruiz said the port would reopen on Friday."
)
WIRE_COPY = (
    "A fire destroyed at least 40 boats in the harbour of Kellan on Monday, the coast guard "
    "said. About 1,800 people were evacuated to Crete by ferry overnight."
)
SPUN_RAW = (
    "A blaze wrecked at least 40 boats in the harbour of Kellan on Monday, the coast guard stated. "
    "See also: Ten tips for a cheaper holiday\n"
    "About 1,800 individuals were evacuated to Crete by ferry overnight."
)
SPUN = (
    "A blaze wrecked at least 40 boats in the harbour of Kellan on Monday, the coast guard stated. "
    "About 1,800 individuals were evacuated to Crete by ferry overnight."
)
AI_RAW = (
    "Here is a rewritten version of the article:\n"
    "A fire ruined 40 boats in Kellan's harbour on Monday. Around 1,800 residents were taken to "
    "Cyprus overnight. The mayor said the port would reopen on Friday."
)
AI = AI_RAW.split("\n", 1)[1]
INDEPENDENT = (
    "Fishermen in Kellan counted their losses on Tuesday after Monday's harbour fire. "
    "Local officials said 38 boats were destroyed and the port would reopen on Friday."
)
OTHER = "The council of Brask approved a new budget for the school on Wednesday after a debate."
LONELY = "A lonely article about the lighthouse of Orrin that belongs to no story at all."


@dataclass
class Corpus:
    db: Path
    original: int
    wire: int
    spun: int
    ai: int
    independent: int
    hostile: int
    other: int
    lonely: int
    fire_story: int
    hostile_story: int


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return (start, start + len(needle))


def _article(site: str, title: str, text: str, published: str, raw: str | None = None,
             artefacts: list[Artefact] | None = None, url: str | None = None) -> Article:
    return Article(source=f"corpus/{site}/{title[:12]}.html", text=text, raw_text=raw or text,
                   site=site, title=title, published=published, language="en",
                   url=url or f"https://{site}/news/{published[:10]}/{len(title)}",
                   artefacts=artefacts or [])


def fill_store(db: Path) -> Corpus:
    see_also = span(SPUN_RAW, "See also: Ten tips for a cheaper holiday")
    tell = span(AI_RAW, "Here is a rewritten version of the article:")
    articles = [
        _article("wirewire.example", "Fire destroys 40 boats in Kellan harbour", ORIGINAL,
                 "2026-03-02T08:00:00Z"),
        _article("dailyport.example", "Fire destroys 40 boats in Kellan harbour", WIRE_COPY,
                 "2026-03-02T09:30:00Z"),
        _article("newsfarm.example", "Blaze wrecks 40 boats at Kellan harbour", SPUN,
                 "2026-03-02T11:00:00Z", raw=SPUN_RAW,
                 artefacts=[Artefact("see_also", *see_also, SPUN_RAW[see_also[0]:see_also[1]])]),
        _article("quickai.example", "Kellan harbour fire: what we know", AI,
                 "2026-03-03T07:00:00Z", raw=AI_RAW,
                 artefacts=[Artefact("llm_meta_text", *tell, AI_RAW[tell[0]:tell[1]])],
                 url="javascript:alert(1)"),
        _article("kellantimes.example", "Fishermen count losses after harbour fire", INDEPENDENT,
                 "2026-03-03T10:00:00Z"),
        _article("newsfarm.example", XSS_TITLE, XSS_BODY, "2026-04-10T12:00:00Z"),
        _article("dailyport.example", "Brask approves school budget", OTHER,
                 "2026-04-11T12:00:00Z"),
        _article("dailyport.example", "Orrin lighthouse", LONELY, "2026-01-05"),
    ]
    with Store(db) as store:
        ids, _ = store.add_articles(articles)
        orig, wire, spun, ai, indep, hostile, other, lonely = ids
        store.replace_clustering(
            [("Fire destroys 40 boats in Kellan harbour", [orig, wire, spun, ai, indep]),
             (XSS_TITLE, [hostile, other])],
            near_duplicates=[(orig, wire, 0.9, 0.7, 1.0)],
            story_edges=[(orig, indep, 0.4, "shared entities: Kellan, harbour")],
        )
        fire, hostile_story = (s.id for s in store.stories())
        lead = "A fire destroyed at least 40 boats in the harbour of Kellan on Monday, the coast"
        lead += " guard"
        s1 = span(ORIGINAL, lead + " said.")
        s2 = span(ORIGINAL, "About 1,800 people were evacuated to Crete by ferry overnight.")
        w1 = span(WIRE_COPY, lead + " said.")
        w2 = span(WIRE_COPY, "About 1,800 people were evacuated to Crete by ferry overnight.")
        p1 = span(SPUN, "A blaze wrecked at least 40 boats in the harbour of Kellan on Monday, the "
                        "coast guard stated.")
        p2 = span(SPUN, "About 1,800 individuals were evacuated to Crete by ferry overnight.")
        a2 = span(AI, "Around 1,800 residents were taken to Cyprus overnight.")
        o2 = span(ORIGINAL, "About 1,800 people were evacuated to Crete by ferry overnight.")
        store.replace_story_analysis(
            fire,
            alignments=[
                Alignment(orig, wire, 0.6, 1.0, [AlignedPair(s1, w1, "verbatim"),
                                                  AlignedPair(s2, w2, "verbatim")]),
                Alignment(orig, spun, 0.6, 1.0, [AlignedPair(s1, p1, "edited", 0.8),
                                                  AlignedPair(s2, p2, "edited", 0.85)]),
                Alignment(ai, orig, 0.7, 0.5, [AlignedPair(a2, o2, "paraphrase", 0.6)]),
            ],
            derivations=[
                Derivation(orig, "original", None, "Wirewire", 0.9, ["earliest; dateline KELLAN"]),
                Derivation(wire, "wire_copy", orig, None, 0.98, ["100% of its text is in #1"]),
                Derivation(spun, "spun_copy", orig, None, 0.8,
                           ["synonyms swapped: said → stated, people → individuals"]),
                Derivation(ai, "rewrite", orig, None, 0.6,
                           ["paraphrase of #1", "AI tell: 'Here is a rewritten version'"]),
                Derivation(indep, "independent", None, None, 0.7, ["no reused passages"]),
            ],
            changes=[
                Change(spun, orig, "attribution", "stated", "said", "reporting verb swapped",
                       span(SPUN, "stated"), span(ORIGINAL, "said")),
                Change(ai, orig, "place", "Cyprus", "Crete",
                       "place changed: every other article says Crete",
                       span(AI, "Cyprus"), span(ORIGINAL, "Crete")),
                Change(ai, orig, "qualifier", "40 boats", "at least 40 boats",
                       "qualifier 'at least' dropped", span(AI, "40 boats"),
                       span(ORIGINAL, "at least 40 boats")),
                Change(indep, orig, "figure", "38 boats", "at least 40 boats",
                       "a different count of boats", span(INDEPENDENT, "38 boats"),
                       span(ORIGINAL, "at least 40 boats")),
            ],
            facts=[
                Fact("A fire destroyed boats in Kellan harbour on Monday.",
                     [orig, wire, spun, ai, indep]),
                Fact("People were evacuated overnight.", [orig, wire, spun, ai],
                     [FactVariant("evacuated to Crete", [orig, wire, spun]),
                      FactVariant("taken to Cyprus", [ai])], disputed=True),
                Fact("Mayor Ana Ruiz said the port would reopen on Friday.", [orig]),
            ],
        )
        store.replace_story_analysis(
            hostile_story,
            derivations=[Derivation(hostile, "original", None, None, 0.5, [XSS_TITLE]),
                         Derivation(other, "independent", None, None, 0.5, [])],
            facts=[Fact(XSS_TITLE, [hostile])],
        )
    return Corpus(db, orig, wire, spun, ai, indep, hostile, other, lonely, fire, hostile_story)
