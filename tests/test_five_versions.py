# ruff: noqa: E501
"""Five versions of one agency story, as they turn up on the web (the pile of issues 11 and 12,
rewritten in our own words): a scraped spun copy published first, an outlet's rewrite, an LLM
rewrite with leftover model text, an aggregator's credited summary and a regional rewrite through
another agency. Each version makes the kind of change real copies make, and keeps figures in
forms that are consistent ("dozens died" for 40, "about 1,800" for 1,500-2,000, "up to 2,000").

All texts are fictional and written for this test. They are no evidence of quality (that is
measured in bench/ on real data); the test guards the whole pipeline's behaviour on the pattern.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wiretrace.pipeline import analyze
from wiretrace.report.build import build_report
from wiretrace.settings import Settings
from wiretrace.store import Store

SPUN = """Varnia's OSTERHOLMA flood swept through river towns in northern Varnia on Monday, killing at least 40 people and forcing between 1,500 and 2,000 residents to abandon their houses, the rescue service stated.
The rescue service put the number of dead or injured at 200 in a statement on Monday evening, and cautioned that the toll could climb as crews reached villages cut off by the water.
See also: Ten things to know before you travel this winter
Prime Minister Ada Lind, who took office in March, called the flood "the worst disaster in a century" and cancelled a trip abroad.
Paris and Berlin pledged help on Monday. Pumps and 60 engineers were being flown to Crete, where a relief hub has been set up, the coordination office stated.
The fire brigade stated 150 firefighters and 20 boats had been deployed overnight. About 900 people were taken to shelters in the regional capital.
The river rose by more than four metres in twelve hours after three days of heavy rain, meteorologists stated.
Leave a Reply
Your email address will not be published. Required fields are marked *"""

OUTLET = """By Tomas Heller
Floods tore through towns along the Osterholm river on Monday, and dozens died, the rescue service said.
Between 1,500 and 2,000 residents fled their homes as the water rose by more than four metres in twelve hours, after three days of heavy rain.
The rescue service said in a Monday evening statement that the number of dead or injured stood at 200 and might climb as crews reached villages cut off by the flood.
Prime Minister Ada Lind called it "the worst disaster in a century" and cancelled a trip abroad.
Paris and Berlin have pledged help. The coordination office said pumps and 60 engineers were being flown to Crete, where a relief hub has been set up.
Some 150 firefighters and 20 boats were deployed overnight, according to the fire brigade, and about 900 people spent the night in shelters in the regional capital.
"We lost everything in an hour," said Mira Kovane, a shopkeeper in the town of Lisk."""

LLM = """Here is a rewritten version of the article:
Devastating floods struck northern Varnia on Monday, leaving at least 40 people dead and driving between 1,500 and 2,000 residents from their homes.
According to the rescue service, the death toll reached 200, and more casualties are feared as teams make their way to isolated villages.
Prime Minister Ada Lind described the disaster as the worst in a hundred years and called off a planned foreign visit.
International support came quickly, with Paris and Moscow promising assistance; 60 engineers and pumps were being sent to Crete, where a relief centre is operating.
Overnight, 150 firefighters and 20 boats were mobilised, while roughly 900 people found refuge in shelters in the regional capital.
Three days of heavy rain pushed the river up by more than four metres in just twelve hours.
I hope this helps! Let me know if you would like a shorter version."""

SUMMARY = """Credited from: GLOBAL DIGEST
Key Takeaways:
Floods in northern Varnia killed at least 40 people on Monday and displaced about 1,800 residents. Former Prime Minister Ada Lind called it the worst disaster in a century. Paris and Berlin pledged help, and engineers and pumps were flown to Cyprus. (AP, The Guardian, Newsweek)"""

REGIONAL = """OSTERHOLM (PAP) - At least 40 people died on Monday when floods hit towns in northern Varnia, as reported by the Polish Press Agency.
Up to 2,000 inhabitants had to leave their homes. The rescue service put the number of dead or injured at 200 and said the toll could rise.
Prime Minister Ada Lind spoke of "the worst disaster in a century" and cancelled a trip abroad, the government press office said.
Paris and Berlin offered help. Pumps and 60 engineers were flown to Crete, the coordination office said.
Deputy interior minister Wolodymyr Kessel said 150 firefighters and 20 boats were working in the flooded areas.
Reproduction of this material requires the prior written consent of the publisher.
Photo: Getty Images"""


VERSIONS = [
    ("scraper.example", "2024-03-04T10:00:00+00:00", SPUN),
    ("outlet.example", "2024-03-04T14:00:00+00:00", OUTLET),
    ("aifarm.example", "2024-03-05T08:00:00+00:00", LLM),
    ("digest.example", "2024-03-05T09:00:00+00:00", SUMMARY),
    ("regional.example", "2024-03-05T11:00:00+00:00", REGIONAL),
]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("pile")
    pile = d / "pile.jsonl"
    with pile.open("w", encoding="utf-8") as f:
        for site, published, text in VERSIONS:
            f.write(json.dumps({"url": f"https://{site}/varnia-flood", "site": site,
                                "published": published, "text": text}) + "\n")
    store = Store(d / "pile.db")
    analyze([str(pile)], store, Settings(db=Path(d / "pile.db"), workers=1))
    stories = build_report(store)["stories"]
    assert len(stories) == 1
    return stories[0]


def _by_site(story: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["site"]: a for a in story["articles"]}


def test_provenance_of_the_five_versions(story: dict[str, Any]) -> None:
    arts = _by_site(story)
    spun = arts["scraper.example"]
    assert spun["derivation"]["parent"] is None  # published first: the root
    derived = {s: arts[s]["derivation"] for s in arts if s != "scraper.example"}
    assert all(d["parent"] == spun["id"] for d in derived.values())
    assert derived["digest.example"]["type"] == "summary"
    assert derived["aifarm.example"]["type"] == "rewrite"
    assert arts["aifarm.example"]["ai_tells"]
    assert derived["regional.example"]["upstream"] == "PAP"


def test_changes_each_version_made(story: dict[str, Any]) -> None:
    site = {a["id"]: a["site"] for a in story["articles"]}
    got = {(site[c["article"]], c["kind"], c["text"]) for c in story["changes"]}
    assert ("aifarm.example", "actor", "Paris and Moscow") in got
    assert ("aifarm.example", "scope", "death toll reached 200") in got
    assert ("digest.example", "place", "flown to Cyprus") in got
    assert ("digest.example", "title", "Former Prime Minister Ada Lind") in got
    # every change is against the article's parent, and the consistent figures stay quiet
    parents = {a["id"]: a["derivation"]["parent"] for a in story["articles"]}
    assert all(c["versus"] == parents[c["article"]] for c in story["changes"])
    quiet = ("dozens", "1,800", "2,000", "40")
    assert not [c for c in story["changes"] if c["kind"] == "figure"
                and any(q in c["text"] for q in quiet)]
