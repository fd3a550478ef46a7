"""Page chrome of scraped text as typed residue with offsets; story lines that look a little
like chrome (a schedule, a subheading, a sentence about prices or comments) stay.

Fixtures are fictional texts written for these tests.
"""

from __future__ import annotations

import pytest
from test_clean import CLOSE, LEAD, MIDDLE

from wiretrace.ingest.chrome import chrome_kind
from wiretrace.ingest.clean import clean


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Sunday, Jul 15th 2018 5-Day Forecast", "weather_widget"),
        ("72°F", "weather_widget"),
        ("Hi 81° / Lo 64°", "weather_widget"),
        ("Try one month for $1", "subscription_prompt"),
        ("Subscribe", "subscription_prompt"),
        ("Already a subscriber? Log in", "subscription_prompt"),
        ("Order Reprint", "subscription_prompt"),
        ("Get unlimited digital access for 99¢ a week", "subscription_prompt"),
        ("(68102)", "page_chrome"),
        ("Tuesday, March 3, 2026 10:42 a.m.", "page_chrome"),
        ("UPDATED: FRIDAY, MAY 3, 2013, 9:56 AM", "page_chrome"),
        ("Skip to main content", "page_chrome"),
        ("Media playback is not supported on this device", "page_chrome"),
        ("Please enable JavaScript to view the comments", "page_chrome"),
        ("googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });", "script_code"),
        ("var _comscore = _comscore || [];", "script_code"),
        ("})();", "script_code"),
        (
            "To find out more about Facebook commenting please read the Conversation Guidelines "
            "and FAQs",
            "comment_policy",
        ),
        ("Comments are moderated and will appear after review.", "comment_policy"),
    ],
)
def test_chrome_kinds(line: str, kind: str) -> None:
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        LEAD,
        "10 p.m.",  # a schedule item
        "The subscription costs $12 a month, up from $10, the company said.",
        "Sign up for a family plan for $11.99 a month",  # a deals story, not an offer to the reader
        "Temperatures reached 41°C in Seville on Tuesday, the hottest day of the year.",
        "The council said comments on the plan must be sent by Friday.",
        "Photos",  # a navigation word inside the story may be a subheading
    ],
)
def test_story_lines_are_not_chrome(line: str) -> None:
    raw = "\n\n".join([LEAD, MIDDLE, LEAD, MIDDLE, line, MIDDLE, LEAD, MIDDLE, CLOSE])
    kinds = {a.kind for a in clean(raw).artefacts}
    assert not kinds & {"weather_widget", "subscription_prompt", "page_chrome", "script_code",
                        "comment_policy"}


def test_scraped_page_chrome_removed_with_offsets() -> None:
    top = ["Sunday, Jul 15th 2018 5-Day Forecast", "Subscribe", "Try one month for $1",
           "Order Reprint"]
    bottom = [
        "window.fbAsyncInit = function() { FB.init({ appId: '123', xfbml: true }); };",
        "To find out more about Facebook commenting please read the Conversation Guidelines and "
        "FAQs",
        "Print",
    ]
    raw = "\n".join(top) + "\n\n" + "\n\n".join([LEAD, MIDDLE, CLOSE]) + "\n\n" + "\n".join(bottom)
    result = clean(raw)
    for a in result.artefacts:
        assert raw[a.start : a.end] == a.text
    assert [a.text for a in result.artefacts] == top + bottom
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE])


def test_a_block_of_script_code_goes_whole() -> None:
    block = (
        "var adConfig = {\n"
        "'slot': 'top-banner',\n"
        "'sizes': [[728, 90], [970, 250]],\n"
        "};\n"
        "googletag.cmd.push(function() { googletag.display('top-banner'); });"
    )
    raw = "\n\n".join([LEAD, block, MIDDLE, CLOSE])
    result = clean(raw)
    assert [a.kind for a in result.artefacts] == ["script_code"] * 5
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE])


def test_a_player_notice_run_into_the_lead_is_cut_from_it() -> None:
    """'Media playback is not supported on this device Varn Rovers lost ...': the notice is
    chrome with its own offsets; the lead stays whole. A sentence about playback rights stays."""
    raw = ("Media playback is not supported on this device Varn Rovers lost 1-0 on Wednesday "
           "and have lost both home games.\n\nThe media playback rights are not supported on "
           "this device by law, the club said.")
    result = clean(raw)
    assert [(a.kind, a.text) for a in result.artefacts] == [
        ("page_chrome", "Media playback is not supported on this device ")]
    assert all(raw[a.start:a.end] == a.text for a in result.artefacts)
    assert result.text.startswith("Varn Rovers lost 1-0 on Wednesday")
    assert "playback rights are not supported" in result.text
