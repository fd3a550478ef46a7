"""A story is bisected by its articles' leads when they fall into groups with distinct leads
(two events of one topic), never when the leads only vary (one event told several ways)."""

from __future__ import annotations

import numpy as np

from wiretrace.cluster import ClusterItem, cluster
from wiretrace.cluster.features import LEAD_WORDS, lead_words, story_features
from wiretrace.cluster.stories import event_split
from wiretrace.settings import Settings

# background every article of the topic carries after its lead (same names, same history)
BACKGROUND = (
    " The harbour authority of Velmora, led by commissioner Tamsin Okonjo, has argued with the"
    " fishing cooperative of Dravik Bay for three years over the northern quay. Okonjo and the"
    " cooperative's chair, Ilse Marrow, met twice last spring without an agreement. The quay"
    " handles about 4,200 tonnes of catch a year, and the authority says its timber piles are"
    " failing. Marrow has said the cooperative will not pay the new mooring levy."
)
# event A: the authority votes to close the quay; event B: a fire at the cooperative's depot
LEADS_A = [
    "Velmora's harbour board voted on Tuesday to shut the northern quay to all boats from May,"
    " ending a long dispute over repairs. The board approved the closure by six votes to one"
    " after engineers reported that the timber piles under the quay could give way in a winter"
    " storm. Skippers who moor there will be moved to the southern basin, and the repair work"
    " is expected to take two years.",
    "The harbour board in Velmora has voted six to one to close the northern quay to boats from"
    " May, saying repairs cannot wait. Engineers told Tuesday's meeting that the timber piles"
    " might collapse in a storm, and the board agreed that boats will move to the southern"
    " basin while contractors rebuild the quay over the next two years.",
    "Boats will be barred from the northern quay in Velmora from May after the harbour board"
    " voted six to one on Tuesday to close it for repairs. Engineers warned the board that the"
    " quay's timber piles were close to failing, and skippers will have to use the southern"
    " basin during the two years of rebuilding.",
]
LEADS_B = [
    "A fire destroyed the Dravik Bay cooperative's net depot overnight on Saturday, and"
    " firefighters spent five hours bringing the blaze under control. Nobody was hurt, but"
    " hundreds of nets, ropes and floats stored for the herring season were lost, and the fire"
    " service said the cause was being investigated. Smoke could be seen across the bay until"
    " Sunday morning.",
    "Firefighters fought for five hours overnight on Saturday to put out a blaze that gutted"
    " the net depot of the Dravik Bay fishing cooperative. No injuries were reported, though"
    " the nets, ropes and floats kept there for the herring season burned, and investigators"
    " have not yet said how the fire started. Smoke hung over the bay on Sunday.",
    "The net depot of the Dravik Bay cooperative burned down in a Saturday night blaze that"
    " took firefighters five hours to control; no one was injured. The herring-season nets,"
    " ropes and floats inside were destroyed, fire officers are looking into the cause, and"
    " smoke drifted across the bay into Sunday morning.",
]


def _features(texts: list[str]):
    return story_features(list(range(len(texts))), texts)


def test_two_events_of_one_topic_are_split_by_their_leads() -> None:
    texts = [lead + BACKGROUND for lead in LEADS_A + LEADS_B]
    f = _features(texts)
    parts = event_split(f, list(range(6)), np.zeros(0, np.int64))
    assert sorted(sorted(p) for p in parts) == [[0, 1, 2], [3, 4, 5]]


def test_the_whole_pipeline_keeps_one_story_per_event() -> None:
    texts = [lead + BACKGROUND for lead in LEADS_A + LEADS_B]
    result = cluster([ClusterItem(i, t) for i, t in enumerate(texts)], Settings())
    assert sorted(result.stories) == [[0, 1, 2], [3, 4, 5]]


LEADS_A_OTHERS = [
        "Velmora will close its northern quay from May: the harbour board voted six to one"
        " on Tuesday.",
        "On Tuesday the Velmora harbour board decided, six votes to one, that the northern quay"
        " will close to boats in May for repairs.",
        "The northern quay of Velmora is to close in May after a six-to-one harbour board vote"
        " on Tuesday over repairs.",
]


def test_one_event_told_several_ways_is_not_split() -> None:
    # six leads of the quay vote, worded differently: no group stands apart
    f = _features([lead + BACKGROUND for lead in LEADS_A + LEADS_A_OTHERS])
    assert event_split(f, list(range(6)), np.zeros(0, np.int64)) == [list(range(6))]


def test_near_duplicates_are_never_parted() -> None:
    texts = [lead + BACKGROUND for lead in LEADS_A + LEADS_B]
    f = _features(texts)
    n = len(f)
    near = np.array(sorted([0 * n + 3, 1 * n + 4, 2 * n + 5]), np.int64)  # A_i ~ B_i
    parts = event_split(f, list(range(6)), near)
    for a, b in ((0, 3), (1, 4), (2, 5)):
        assert any(a in p and b in p for p in parts)


def test_small_stories_are_left_alone() -> None:
    f = _features([lead + BACKGROUND for lead in LEADS_A[:2] + LEADS_B[:3]])
    assert event_split(f, list(range(5)), np.zeros(0, np.int64)) == [list(range(5))]


def test_the_lead_is_the_first_words_in_order() -> None:
    hashes = np.arange(200, dtype=np.uint64)
    rows = np.array([0] * 100 + [1] * 30 + [0] * 70, np.int64)  # row 0's words, then more
    h, r = lead_words(hashes, rows, 2)
    assert list(h[r == 0]) == list(range(LEAD_WORDS))
    assert list(h[r == 1]) == list(range(100, 130))


def test_page_chrome_at_the_top_does_not_make_a_group() -> None:
    # one event; three copies from one site carry the same widget, menu and share lines above
    # the text: leads come from lines as long as a news sentence, so they do not group by site
    chrome = ("Saturday, Mar 14th 2026 5-Day Forecast\nLocal weather 12°C cloudy, wind 20 km/h\n"
              "Subscribe\nSign in | Register\nOrder Reprint\nTry one month for $1\n"
              "News | Sport | Business | Opinion\nMost read: Harbour levy row deepens\n"
              "Watch: Mayor's speech in full\nShare on Facebook\nShare on X\nPrint this page\n")
    texts = [(chrome if k < 3 else "") + lead + "\n\n" + BACKGROUND.strip()
             for k, lead in enumerate(LEADS_A_OTHERS + LEADS_A)]
    f = _features(texts)
    assert event_split(f, list(range(6)), np.zeros(0, np.int64)) == [list(range(6))]
