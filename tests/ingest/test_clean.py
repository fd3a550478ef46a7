"""The clean stage: typed residue with exact offsets, and story sentences left alone.

Fixtures are fictional articles written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiretrace.ingest.clean import Cleaned, clean

LEAD = (
    "The storm destroyed at least 40 homes in the coastal town of Port Amell on Monday, "
    "officials said, and forced about 1,800 people into emergency shelters."
)
MIDDLE = (
    "Rescue teams from three neighbouring provinces worked through the night to reach villages "
    "cut off by the flooding, the regional governor told reporters."
)
CLOSE = "Schools in the district will stay closed until Friday, the education office said."


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def checked(raw: str, title: str | None = None) -> Cleaned:
    """clean() plus the invariants every result must hold."""
    result = clean(raw, title)
    previous_end = -1
    for a in result.artefacts:
        assert raw[a.start : a.end] == a.text
        assert 0 <= a.start < a.end <= len(raw)
        assert a.start >= previous_end, "artefacts overlap"
        previous_end = a.end
    assert result.text == result.text.strip()
    assert "\n\n\n" not in result.text
    return result


def only(result: Cleaned, kind: str) -> list[str]:
    return [a.text for a in result.artefacts if a.kind == kind]


# --- every rule fires, with exact offsets ---------------------------------------------------

# (kind, residue as it sits in the raw text, the artefact text expected)
BETWEEN = [
    ("see_also", "See also Minister resigns over port contract", None),
    ("see_also", "Read more: Floods cut power to 20,000 homes", None),
    ("see_also", "Also read: Why the port deal collapsed", None),
    ("see_also", "READ MORE", None),
    ("see_also", "Related: Storm season starts early this year", None),
    ("copyright", "© 2024 Coastal Herald Media Ltd", None),
    ("copyright", "Copyright 2024 The Daily Courier. All rights reserved.", None),
    (
        "copyright",
        "Any reproduction of this article in whole or in part requires the prior written "
        "consent of the publisher.",
        None,
    ),
    (
        "copyright",
        "This material may not be published, broadcast, rewritten or redistributed.",
        None,
    ),
    ("image_credit", "Photo: Ana Ruiz/Northwire", None),
    ("image_credit", "Image credit: Port Amell council", None),
    ("image_credit", "Flooded streets in Port Amell on Monday. Jo Park/Getty Images", None),
    (
        "related_content",
        "Related content\nFloods displace thousands in Kano\nHarbour reopens after repairs",
        None,
    ),
    ("related_content", "More from Coastal Herald\nMayor wins second term", None),
    ("share_prompt", "Share this article", None),
    ("share_prompt", "Follow us on Facebook and Instagram", None),
    ("share_prompt", "Sign up for our morning newsletter", None),
    ("share_prompt", "Subscribe to our channel for daily updates", None),
    ("aggregator_header", "Credited from: Coastal Herald", None),
    ("aggregator_header", "Originally published at coastalherald.example", None),
    ("source_line", "Source: https://coastalherald.example/news/storm-port-amell", None),
    ("advertisement", "Story continues below advertisement", None),
]


@pytest.mark.parametrize(("kind", "residue", "expected"), BETWEEN)
def test_rule_fires_between_paragraphs(kind: str, residue: str, expected: str | None) -> None:
    raw = article(LEAD, residue, MIDDLE, CLOSE)
    result = checked(raw)
    assert only(result, kind) == [expected or residue]
    assert residue.splitlines()[-1] not in result.text
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE])


def test_inline_photo_credit_is_cut_from_its_paragraph() -> None:
    para = "Residents waded through the water (Photo by Ana Ruiz / AFP) to reach the shelter."
    raw = article(LEAD, para, CLOSE)
    result = checked(raw)
    assert only(result, "image_credit") == ["(Photo by Ana Ruiz / AFP)"]
    assert "Residents waded through the water to reach the shelter." in result.text


def test_repeated_caption_next_to_its_credit() -> None:
    caption = "Volunteers fill sandbags outside the town hall in Port Amell."
    raw = article(caption, "Photo: Ana Ruiz/Northwire", LEAD, caption, CLOSE)
    result = checked(raw)
    assert only(result, "image_credit") == [caption, "Photo: Ana Ruiz/Northwire"]
    assert result.text.count(caption) == 1


def test_empty_key_takeaways_heading() -> None:
    raw = article("Key Takeaways:", LEAD, MIDDLE)
    result = checked(raw)
    assert only(result, "aggregator_header") == ["Key Takeaways:"]
    kept = article("Key Takeaways:", "- 40 homes destroyed", "- 1,800 in shelters", LEAD)
    assert checked(kept).artefacts == []


def test_comment_form_block_at_the_end() -> None:
    form = (
        "Leave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Comment *\nName *\nEmail *\nWebsite\n"
        "Save my name, email, and website in this browser for the next time I comment.\n"
        "Post Comment"
    )
    raw = article(LEAD, MIDDLE, form)
    result = checked(raw)
    assert only(result, "comment_form") == [form]
    assert result.text == "\n\n".join([LEAD, MIDDLE])


@pytest.mark.parametrize(
    "sign_off",
    ["(ab/cd)", "/jm/", "jm/xy (dpa, AFP)", "(Reporting by Ana Ruiz; Editing by Li Wen)"],
)
def test_editor_initials(sign_off: str) -> None:
    raw = article(LEAD, MIDDLE, CLOSE + " " + sign_off)
    result = checked(raw)
    assert only(result, "editor_initials") == [sign_off]
    assert result.text.endswith("the education office said.")
    raw = article(LEAD, MIDDLE, CLOSE, sign_off)  # as its own last line
    assert only(checked(raw), "editor_initials") == [sign_off]


@pytest.mark.parametrize(
    "sign_off",
    ["Reporting by Ana Ruiz; additional reporting by Li Wen and Tomas Heller; Editing by Jo Park",
     "Maren Holt and Ivo Brandt contributed reporting from Port Amell.",
     "Northwire writers Ana Ruiz, Li Wen and Jo Park contributed to this report."],
)
def test_sign_off_lines_without_brackets(sign_off: str) -> None:
    raw = article(LEAD, MIDDLE, CLOSE, sign_off)
    result = checked(raw)
    assert only(result, "editor_initials") == [sign_off]
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE])


@pytest.mark.parametrize(
    "promo",
    ["Get Harbour Weekly delivered through your letterbox every week. 52 issues for £30. "
     "Click here for more information.",
     "There is more where that came from. Sign up for The Morning Tide today to get the free "
     "daily newsletter delivered to your inbox.",
     "Ana Ruiz's book about the coast, \"Salt Roads\", is out now. Follow her on Twitter "
     "@anaruiz. Follow us on Facebook."],
)
def test_promotion_at_the_end_is_a_share_prompt(promo: str) -> None:
    raw = article(LEAD, MIDDLE, CLOSE, promo)
    result = checked(raw)
    assert only(result, "share_prompt") == [promo]
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE])
    # the same paragraph inside the story is left alone, and so is a story's own service note
    assert checked(article(LEAD, promo, MIDDLE, CLOSE, MIDDLE, CLOSE)).artefacts == []
    note = ("Residents can sign up for sandbags at the town hall until Friday, the council "
            "said. About 300 households have registered so far.")
    assert checked(article(LEAD, MIDDLE, note)).artefacts == []


def test_editor_initials_above_trailing_residue() -> None:
    raw = article(LEAD, CLOSE, "kb/rs (Reuters, AP)", "Share this article", "© 2024 Herald")
    result = checked(raw)
    assert only(result, "editor_initials") == ["kb/rs (Reuters, AP)"]


def test_repeated_title() -> None:
    title = "Storm destroys 40 homes in Port Amell"
    raw = article(title, LEAD, CLOSE)
    result = checked(raw, title)
    assert only(result, "repeated_title") == [title]
    assert result.text.startswith("The storm destroyed")
    # without a title, or with a different one, the first line stays
    assert checked(raw).artefacts == []
    assert checked(raw, "Something else entirely").artefacts == []


@pytest.mark.parametrize(
    "opener",
    [
        "Certainly! Here is a rewritten version of the article:",
        "Sure, here's the article rewritten in a neutral tone:",
        "Here is a paraphrased version of the news article:",
        "Here's a summarized version for your readers:",
        "Academic Scholarly Writing:",
    ],
)
def test_llm_opener(opener: str) -> None:
    raw = article(opener, LEAD, CLOSE)
    result = checked(raw)
    assert only(result, "llm_meta_text") == [opener]
    assert result.text.startswith("The storm destroyed")


@pytest.mark.parametrize(
    "closing",
    [
        "I hope this helps!",
        "This version keeps a neutral tone for your readers.",
        "Let me know if you'd like any changes.",
        "Feel free to adjust the length to fit your page.",
        "As an AI language model, I cannot verify these figures.",
        "If you would like a shorter version for social media, I can provide one.",
        "I have kept the tone neutral and the length close to the original article.",
        "Note: This rewrite maintains the key facts while using a more engaging style.",
        "Would you like me to make it shorter?",
        "I aimed to enhance the language to evoke emotion and captivate the reader by using "
        "more vivid words (e.g., \"dark secret\", \"harsh light\").",
    ],
)
def test_llm_closing(closing: str) -> None:
    raw = article(LEAD, CLOSE, closing)
    result = checked(raw)
    assert only(result, "llm_meta_text") == [closing]
    assert result.text.endswith("the education office said.")
    # glued to the last paragraph as a trailing sentence
    result = checked(article(LEAD, CLOSE + " " + closing))
    assert only(result, "llm_meta_text") == [closing]
    assert result.text.endswith("the education office said.")


def test_llm_closing_glued_to_a_closing_quote() -> None:
    """'... on Friday."I aimed to enhance ...': the model's note glued to the article's last
    quote, with no space, is still a sentence of its own and leftover model text."""
    last = 'The head teacher said: "Schools will reopen on Friday."'
    note = ("I aimed to enhance the language to evoke emotion by:* Using more vivid words (e.g., "
            "\"dark secret\", \"harsh light\") * Adding a sense of urgency")
    result = checked(article(LEAD, last + note))
    assert only(result, "llm_meta_text") == [note]
    assert result.text.endswith("on Friday.\"")


def test_llm_feedback_block_after_a_marked_heading() -> None:
    """'--- ### Feedback: **Structure**:' after the story, then notes in plain sentences that no
    sentence rule could tell from a story's: all model text, from the heading to the end. The
    same words as a plain sentence in a story are not."""
    notes = ("--- ### Feedback: **Structure**:\n- The paragraph is now divided into two clear "
             "sections.\n- The storm's timeline is presented in order, from the warning to the "
             "evacuation.")
    result = checked(article(LEAD, MIDDLE, CLOSE + " " + notes))
    assert only(result, "llm_meta_text") == [notes]
    assert result.text.endswith("the education office said.")
    plain = "Feedback: the storm's timeline was presented to the council in order."
    assert only(checked(article(LEAD, MIDDLE, CLOSE, plain)), "llm_meta_text") == []


def test_llm_meta_takes_its_separator_and_word_count() -> None:
    raw = article(
        "Here is the rewritten article:",
        "---",
        LEAD,
        CLOSE,
        "***",
        "Word count: 312",
        "This rewrite keeps the tone neutral for a general audience.",
    )
    result = checked(raw)
    assert only(result, "llm_meta_text") == [
        "Here is the rewritten article:",
        "---",
        "***",
        "Word count: 312",
        "This rewrite keeps the tone neutral for a general audience.",
    ]
    assert result.text == "\n\n".join([LEAD, CLOSE])


def test_llm_opener_before_a_mangled_dateline() -> None:
    raw = article(
        "Certainly! Here is a rewritten version of the article: Nigeria's LAGOSThe military said "
        "on Tuesday it had sent 300 troops to the city.",
        CLOSE,
    )
    result = checked(raw)
    assert only(result, "llm_meta_text") == [
        "Certainly! Here is a rewritten version of the article:"
    ]
    assert only(result, "dateline_repair") == ["Nigeria's LAGOS"]
    assert result.text.startswith("LAGOS, Nigeria — The military said on Tuesday")


@pytest.mark.parametrize(
    ("mangled", "span", "repaired"),
    [
        ("Nigeria's LAGOSThe military said", "Nigeria's LAGOS", "LAGOS, Nigeria — The military"),
        ("South Africa's CAPE TOWNPolice said", "South Africa's CAPE TOWN", "CAPE TOWN, South"),
        # a country ending in s takes the apostrophe alone
        ("Philippines' MANILAThe storm hit", "Philippines' MANILA", "MANILA, Philippines — The"),
        # the city glued to the sentence's opening "A" (a known city without the last letter)
        ("Kenya's NAIROBIA Kenyan court", "Kenya's NAIROBI", "NAIROBI, Kenya — A Kenyan court"),
        (
            "LAGOS, Nigeria (AP)The military said",
            "LAGOS, Nigeria (AP)",
            "LAGOS, Nigeria (AP) — The",
        ),
    ],
)
def test_dateline_repair(mangled: str, span: str, repaired: str) -> None:
    raw = article(mangled + " on Tuesday it had sent troops.", CLOSE)
    result = checked(raw)
    assert only(result, "dateline_repair") == [span]
    assert result.text.startswith(repaired)
    assert [(r.text, r.start) for r in result.repairs] == [(span, 0)]


def test_a_city_ending_in_a_before_a_spaced_word_is_left_alone() -> None:
    # MANILA ends in "A" and is a city: no article glued to it, nothing to repair here
    raw = article("Philippines' MANILA Police said on Tuesday it had sent troops.", CLOSE)
    assert only(checked(raw), "dateline_repair") == []


# --- legitimate story sentences stay ---------------------------------------------------------

KEEP = [
    "The minister said she would see also to the schools before the end of the month.",
    '"Copyright law has not kept pace with the internet," the culture minister said.',
    "Copyright reform will be debated in parliament next week.",
    "Leave a reply to the ministry, the union said in a statement.",
    "Source: the ministry, which asked not to be named, put the figure at 1,800.",
    "Getty Images, the photo agency, said on Tuesday it would cut 200 jobs in Seattle.",
    "Shares of the photo agency fell after it lost a contract with Reuters/Ipsos",
    '"I hope this helps the families," the mayor said.',
    "Follow the money, the investigator told reporters.",
    "Related talks will resume in Geneva on Friday.",
    "More than 300 people were evacuated from the harbour district.",
    "Read the full statement on the ministry's website.",
    "First published in 1851, the Coastal Herald has never missed an edition.",
    "You will see changes in the tax code next year, the minister said.",
    "If you or someone you know needs help, call the hotline on 116 123.",
    "This version of events was disputed by the harbour police.",
    "Subscribers to the water company will get a refund, the regulator said.",
    "Voters could answer yes/no",
    "Reproduction of the painting was banned by the court, the museum said.",
    "I have kept the letters my father wrote from the front.",
    "We will rebuild every home, and I hope this helps the families who lost everything.",
]


@pytest.mark.parametrize("sentence", KEEP)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_story_sentence_stays(sentence: str, where: str) -> None:
    paragraphs = {
        "start": [sentence, LEAD, CLOSE],
        "middle": [LEAD, sentence, CLOSE],
        "end": [LEAD, CLOSE, sentence],
    }[where]
    result = checked(article(*paragraphs))
    assert result.artefacts == []
    assert result.text == "\n\n".join(paragraphs)


def test_explainer_heading_is_not_an_llm_opener() -> None:
    raw = article("Here is what we know about the storm:", LEAD, CLOSE)
    assert checked(raw).artefacts == []


def test_proper_dateline_is_left_alone() -> None:
    raw = article("LAGOS, Nigeria (AP) — The military said on Tuesday it had sent troops.", CLOSE)
    result = checked(raw)
    assert result.artefacts == [] and result.repairs == []
    assert result.text.startswith("LAGOS, Nigeria (AP) — The military said")


def test_long_paragraph_mentioning_residue_words_stays() -> None:
    para = (
        "Critics said the council should share this article of the charter with residents, "
        "follow us on the question of the harbour, and see also to the ferry timetable, "
        "adding that all rights reserved by the 1998 charter had lapsed, that photo agencies "
        "such as Getty Images had sent crews, and that comments were closed at the hearing."
    )
    raw = article(LEAD, para, CLOSE)
    result = checked(raw)
    assert result.artefacts == []


# --- working text -----------------------------------------------------------------------------


def test_working_text_is_tidy_and_deterministic() -> None:
    raw = "\n\n  " + LEAD + "  \n" + "Share this article\n\n\n" + MIDDLE + "\t \n" + CLOSE + "\n\n"
    result = checked(raw)
    assert result.text == "\n\n".join([LEAD, MIDDLE, CLOSE])
    assert checked(raw) == result


def test_clean_text_has_no_artefacts() -> None:
    raw = article(LEAD, MIDDLE, CLOSE)
    result = checked(raw, "Storm hits Port Amell")
    assert result.artefacts == []
    assert result.text == raw.strip()


def test_empty_input() -> None:
    assert checked("").text == ""
    assert checked("\n\n \n").artefacts == []


# --- properties -------------------------------------------------------------------------------

FRAGMENTS = [
    LEAD,
    CLOSE,
    "See also Minister resigns",
    "Leave a Reply",
    "Your email address will not be published.",
    "© 2024 Herald",
    "Photo: A/B",
    "(Photo by X / AFP)",
    "(ab/cd)",
    "Related content",
    "Share this article",
    "Key Takeaways:",
    "Source: https://x.example/a",
    "Certainly! Here is a rewritten version of the article:",
    "I hope this helps!",
    "Nigeria's LAGOSThe",
    "LAGOSThe",
    "(Reuters, BBC, CNN)",
    "Storm hits",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
separators = st.sampled_from(["\n", "\n\n", " ", "", "\r\n", "\n \n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(pieces, separators), max_size=12),
    st.one_of(st.none(), st.sampled_from(["Storm hits", "", "Minister resigns"]), st.text()),
)
def test_clean_never_raises_and_offsets_hold(
    parts: list[tuple[str, str]], title: str | None
) -> None:
    raw = "".join(p + s for p, s in parts)
    result = checked(raw, title)
    for repair in result.repairs:
        assert raw[repair.start : repair.end] == repair.text
    assert clean(raw, title) == result


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_clean_on_arbitrary_text(raw: str) -> None:
    checked(raw)


def test_outlet_credit_after_the_lead_needs_an_acronym() -> None:
    raw = ("Floods closed the valley road on Monday, officials said. (NWA, Kestrel News, XBC)\n\n"
           "Two countries sent pumps to the valley. (Norway, Denmark)\n\nThe road reopens soon.")
    cleaned = clean(raw)
    kinds = [(a.kind, a.text) for a in cleaned.artefacts]
    assert kinds == [("aggregator_header", "(NWA, Kestrel News, XBC)")]
    assert "(Norway, Denmark)" in cleaned.text


def test_caption_with_trailing_photo_credit() -> None:
    raw = ("Boats wait at the closed pier in Velmora on Monday. Photo: Ana Ruiz / Kestrel News\n\n"
           "VELMORA (NWA) — The harbour stayed shut for a second day after a storm damaged the "
           "pier, the port authority said on Monday. It expects to reopen on Friday.")
    cleaned = clean(raw)
    (credit,) = [a for a in cleaned.artefacts if a.kind == "image_credit"]
    assert credit.text.endswith("Photo: Ana Ruiz / Kestrel News")
    assert raw[credit.start:credit.end] == credit.text
    assert cleaned.text.startswith("VELMORA (NWA)")


def test_story_sentence_about_a_photo_stays() -> None:
    raw = ("The museum showed a rare print. Photo: the curator dated it to 1931, "
           "and it drew crowds all week.\n\nThe exhibition runs until May.")
    assert not [a for a in clean(raw).artefacts if a.kind == "image_credit"]


# --- leftover model text anywhere, long rights notices, credit headers as titles ------------

ASSESSMENT = (
    "This article provides a clear, concise overview of the storm in Port Amell and the relief "
    "effort, suitable for a news blog."
)


@pytest.mark.parametrize(
    "meta",
    [
        ASSESSMENT,
        "Overall, the rewritten version maintains a neutral tone for a general audience.",
        "Here is a rewritten version of the article:",
        "Let me know if you would like any changes to the tone or length.",
    ],
)
def test_llm_meta_text_anywhere(meta: str) -> None:
    # in the middle of the text, and glued to a story paragraph
    for raw in (article(LEAD, meta, MIDDLE, CLOSE), article(LEAD, MIDDLE + " " + meta, CLOSE)):
        result = checked(raw)
        assert only(result, "llm_meta_text") == [meta]
        assert meta not in result.text


@pytest.mark.parametrize(
    "story",
    [
        "This article was amended on Tuesday to correct the number of homes destroyed.",
        "The report provides a clear overview of the damage, the governor said.",
        "If you have any information about the missing boat, call the coastguard.",
        "Here is the full text of the governor's statement:",
        "I aimed to keep the language simple for the children, the teacher said.",
    ],
)
def test_news_sentences_are_not_llm_meta(story: str) -> None:
    result = checked(article(LEAD, story, MIDDLE, CLOSE))
    assert only(result, "llm_meta_text") == []


def test_rights_notice_of_any_length() -> None:
    notice = (
        "All materials on this site are the property of the Coastal News Agency. Any "
        "reproduction, in whole or in part, of materials from this site requires the prior and "
        "explicit consent of the editorial office of the agency. When quoting, a hyperlink to "
        "the source is required. "
    ) * 3
    notice = notice.strip()
    result = checked(article(LEAD, notice, CLOSE))
    assert only(result, "copyright") == [notice]
    # glued to the last paragraph: only the notice's sentences go
    result = checked(article(LEAD, CLOSE + " " + notice))
    assert only(result, "copyright") == [notice]
    assert result.text.endswith("the education office said.")
    story = (
        "Police said the men were arrested after months of surveillance revealed the "
        "unauthorized distribution of personal data. " * 4
    ).strip()
    assert only(checked(article(LEAD, story, CLOSE)), "copyright") == []


def test_credit_header_on_the_first_line_is_residue_not_a_title() -> None:
    from wiretrace.ingest.titles import derive_title, reads_as_headline

    raw = article("Credited from: Coastal Herald", LEAD, MIDDLE)
    result = checked(raw)
    assert only(result, "aggregator_header") == ["Credited from: Coastal Herald"]
    assert not reads_as_headline("Credited from: Coastal Herald")
    assert derive_title(raw) == derive_title(LEAD)
