# ruff: noqa: E501
"""Fictional articles about one made-up event, written for these tests."""

from __future__ import annotations

import pytest

from wiretrace.model import Artefact, Article

ORIGINAL = """PORT ELMIRA, Valdoria (AP) — A fire at the main grain terminal of Port Elmira destroyed three warehouses on Tuesday and halted exports for at least a week, the harbour authority said.
Firefighters fought the blaze for nine hours before bringing it under control early on Wednesday, according to fire chief Marta Kovane.
Two dock workers were treated for smoke inhalation and released from the municipal hospital, officials said.
The terminal handles about 40 percent of Valdoria's wheat exports, and traders warned that prices could rise if repairs take longer than expected.
"We will rebuild quickly, and no ship will leave this port empty-handed," Mayor Ilse Branco said at a news conference on Wednesday morning.
Investigators have not yet determined the cause of the fire, but the harbour authority said an electrical fault in a conveyor belt was being examined.
The port's director, Tomas Heller, said insurance would cover most of the damage, which he estimated at 12 million euros.
Shipping companies were told to divert vessels to the smaller terminal at Lisk, about 80 kilometres to the north.
Farmers' unions called for an emergency meeting with the agriculture ministry to discuss storage for the coming harvest.
The last major fire at the port, in 2009, closed the grain terminal for two months."""

SPUN = """Valdoria's PORT ELMIRAA fire at the main grain terminal of Port Elmira destroyed three warehouses on Tuesday and halted exports for at least seven days, the harbour authority stated.
Firefighters battled the blaze for nine hours prior to bringing it under control early on Wednesday, according to fire chief Marta Kovane.
Two dock employees were treated for smoke inhalation and released from the municipal infirmary, functionaries stated.
The terminal handles approximately 40 percent of Valdoria's wheat exports, and traders cautioned that prices might rise if repairs take longer than anticipated.
"We will rebuild quickly, and no ship will leave this port empty-handed," Mayor Ilse Branco stated at a news conference on Wednesday morning.
Investigators have not yet established the cause of the fire, however the harbour authority stated an electrical fault in a conveyor belt was being examined.
The port's director, Tomas Heller, stated insurance would cover most of the harm, which he estimated at 12 million euros.
Shipping firms were informed to divert vessels to the smaller terminal at Lisk, approximately 80 kilometres to the north.
Farmers' unions called for an urgent gathering with the agriculture ministry to discuss storage for the upcoming harvest.
The final major fire at the port, in 2009, shut the grain terminal for two months."""

REWRITE = """Three warehouses at Port Elmira's main grain terminal were destroyed by a fire on Tuesday, and the harbour authority expects exports to stop for at least a week.
It took firefighters nine hours to control the blaze, fire chief Marta Kovane said, with the flames finally contained early Wednesday.
Smoke inhalation sent two dock workers to the municipal hospital, from which they were later released.
Because the terminal ships about 40 percent of the wheat exports of Valdoria, traders expect prices to climb should the repairs drag on.
An electrical fault in a conveyor belt is being examined by investigators, who have yet to establish what caused the fire.
Port director Tomas Heller put the damage at 12 million euros and said most of it would be covered by insurance.
Vessels are being diverted by shipping companies to Lisk, a smaller terminal some 80 kilometres north.
The grain terminal was last closed by a major fire in 2009, for two months."""

INDEPENDENT = """Residents of Port Elmira woke on Wednesday to a sky still grey with smoke after a night-long blaze at the grain terminal.
Our reporter at the harbour counted at least a dozen fire engines, some from neighbouring towns, parked along the quay.
"We will rebuild quickly, and no ship will leave this port empty-handed," Mayor Ilse Branco said at a news conference on Wednesday morning.
Local grain merchants told us they had already begun looking for storage space inland, fearing weeks of delays.
One merchant, who asked not to be named, said the terminal had suffered repeated power cuts this summer.
The harbour authority has promised a full report on the causes of the fire within a month.
Ferry services to the islands were running normally, the ferry operator confirmed."""


def make(aid: int, text: str, raw: str | None = None, **kw: object) -> Article:
    return Article(source=f"test/{aid}.txt", text=text, raw_text=raw or text, id=aid, **kw)  # type: ignore[arg-type]


@pytest.fixture()
def original() -> Article:
    return make(1, ORIGINAL, site="apnews.com", published="2024-03-05T18:00:00+00:00")


@pytest.fixture()
def spun() -> Article:
    raw = SPUN
    mangled = "Valdoria's PORT ELMIRAA"
    repaired = "PORT ELMIRA, Valdoria — A" + SPUN[len(mangled) :]
    return make(
        4,
        repaired,
        raw,
        site="newsspinner.example",
        artefacts=[Artefact("dateline_repair", 0, len(mangled), mangled)],
    )


@pytest.fixture()
def rewrite() -> Article:
    meta = "Here is a rewritten version of the article:"
    raw = meta + "\n\n" + REWRITE + "\n\nI hope this helps!"
    return make(
        6,
        REWRITE,
        raw,
        site="aifarm.example",
        artefacts=[
            Artefact("llm_meta_text", 0, len(meta), meta),
            Artefact("llm_meta_text", len(raw) - 18, len(raw), "I hope this helps!"),
        ],
    )


@pytest.fixture()
def independent() -> Article:
    return make(7, INDEPENDENT, site="elmira-courier.example", published="2024-03-06T09:00:00Z")
