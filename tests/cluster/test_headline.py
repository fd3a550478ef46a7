"""A story is shown under the headline of its most representative article.

Fixtures are fictional articles written for these tests.
"""

from __future__ import annotations

from wiretrace.cluster.headline import story_headline
from wiretrace.model import Article

BODY = (
    "A wildfire near Port Amell forced 2,000 people from their homes on Monday as strong winds "
    "pushed the flames toward the coast, the fire service said."
)


def _art(i: int, title: str | None, published: str, text: str = BODY) -> Article:
    return Article(source=f"{i}.txt", text=text, raw_text=text, id=i, title=title,
                   published=published)


def test_the_shared_headline_wins_over_the_earliest_odd_one() -> None:
    arts = [
        _art(1, "Live updates: Monday's news", "2026-03-02T06:00"),
        _art(2, "Wildfire forces 2,000 from homes near Port Amell", "2026-03-02T08:00"),
        _art(3, "Port Amell wildfire: 2,000 flee homes as winds push flames", "2026-03-02T09:00"),
        _art(4, "Thousands flee Port Amell wildfire", "2026-03-02T10:00"),
    ]
    assert story_headline(arts) in {arts[1].title, arts[2].title}


def test_a_derived_title_yields_to_a_headline() -> None:
    cut = "A wildfire near Port Amell forced 2,000 people from their homes on Monday as strong…"
    arts = [
        _art(1, cut, "2026-03-02T06:00"),
        _art(2, "Wildfire near Port Amell forces 2,000 from homes", "2026-03-02T08:00"),
        _art(3, cut, "2026-03-02T09:00"),
    ]
    assert story_headline(arts) == "Wildfire near Port Amell forces 2,000 from homes"


def test_small_or_untitled_stories() -> None:
    assert story_headline([_art(1, "B", "2026-03-03"), _art(2, "A", "2026-03-02")]) == "A"
    untitled = story_headline([_art(1, None, "2026-03-02")])
    assert untitled.startswith("A wildfire near Port Amell") and untitled.endswith("…")
