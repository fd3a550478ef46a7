"""A made-up story for fact lineage and quote integrity, written straight into a real store
(imported as ``wt_integrity``). The provenance tree, by hand:

    source (Northwire) ── c1 (changes 900 → 1,900; cuts the mayor's quote inside)
        │                   └── c2 (repeats 1,900; gives Weller's quote to Anna Roth)
        │                         └── c3 (repeats 1,900)
        ├── c4 (splices Weller's and Roth's quotes; alters the mayor's "winter" to "spring")
        └── c5 (typography only: straight quotes, a dash, case, spacing)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wiretrace.model import Article, Change, Derivation
from wiretrace.store import Store

SOURCE = (
    "VARNO (Northwire) — Floodwater broke through a dam above the town of Varno on Sunday, "
    "forcing 900 people from their homes, the regional water authority said.\n\n"
    "“We will rebuild every house that the flood destroyed, and we will do it before winter,” "
    "said Mayor Ilse Brandt.\n\n"
    "“Nobody warned us about the river,” said Tomas Weller, a baker. He added that his shop "
    "was ruined.\n\n"
    "Later the council met. “The budget for repairs is not enough and we need help from the "
    "capital,” council leader Anna Roth told reporters."
)
C1 = (SOURCE.replace("forcing 900 people", "forcing 1,900 people")
      .replace("every house that the flood destroyed, and we will do it before winter",
               "every house before winter"))
C2 = C1.replace("said Tomas Weller, a baker", "said council leader Anna Roth")
C3 = C2.split("\n\nLater the council met.")[0]
C4 = (SOURCE.replace("“Nobody warned us about the river,”",
                     "“Nobody warned us about the river, and we need help from the capital,”")
      .replace("do it before winter", "do it before spring"))
C5 = (SOURCE.replace("“We will rebuild", '"We will REBUILD').replace("before winter,”",
                                                                      'before  winter,"')
      .replace("destroyed, and", "destroyed – and"))


@dataclass
class IntegrityCorpus:
    db: Path
    story: int
    source: int
    c1: int
    c2: int
    c3: int
    c4: int
    c5: int


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return (start, start + len(needle))


def fill_integrity_store(db: Path) -> IntegrityCorpus:
    texts = [SOURCE, C1, C2, C3, C4, C5]
    sites = ["northwire.example", "copyone.example", "copytwo.example", "copythree.example",
             "splicer.example", "typo.example"]
    articles = [Article(source=f"fixture/{site}.txt", text=t, raw_text=t, site=site,
                        title=f"Dam breaks above Varno ({site})", language="en",
                        published=f"2026-05-0{n + 1}T08:00:00Z")
                for n, (site, t) in enumerate(zip(sites, texts, strict=True))]
    with Store(db) as store:
        ids, _ = store.add_articles(articles)
        src, c1, c2, c3, c4, c5 = ids
        store.replace_clustering([("Dam breaks above Varno", ids)], near_duplicates=[],
                                 story_edges=[])
        story = store.stories()[0].id
        store.replace_story_analysis(
            story,
            derivations=[
                Derivation(src, "original", None, "Northwire", 0.9, ["earliest"]),
                Derivation(c1, "edited_copy", src, None, 0.9, ["most of #1, edited"]),
                Derivation(c2, "wire_copy", c1, None, 0.95, ["all of #2"]),
                Derivation(c3, "wire_copy", c2, None, 0.95, ["#3 trimmed"]),
                Derivation(c4, "edited_copy", src, None, 0.9, ["most of #1, edited"]),
                Derivation(c5, "wire_copy", src, None, 0.99, ["all of #1"]),
            ],
            changes=[
                Change(c1, src, "figure", "1,900 people", "900 people",
                       "the copy says '1,900 people' where the source says '900 people'",
                       span(C1, "1,900 people"), span(SOURCE, "900 people")),
            ],
        )
    return IntegrityCorpus(db, story, src, c1, c2, c3, c4, c5)
