"""Main-text extraction on pages written for these tests (a fictional story)."""

from __future__ import annotations

import json

import pytest

from wiretrace.errors import InputError
from wiretrace.ingest.html import Extracted, extract_html, site_from_url, tidy_lines

STORY = [
    "PORT ELLIS — The harbour council of Port Ellis voted on Tuesday to rebuild the old ferry "
    "pier, which a winter storm tore apart in January, after months of argument over its cost.",
    "The new pier will cost 14.2 million crowns, the council said, and should open to ferries "
    "by the autumn of next year. Councillors from the fishing villages had asked for a cheaper "
    "repair, but engineers told them the old piles could not carry the weight of modern boats.",
    "\u201cWe cannot ask the islanders to wait another winter,\u201d said Mira Tollan, who chairs "
    "the council. \u201cThe ferry is how children get to school and how the sick reach the "
    "hospital on the mainland.\u201d",
    "Fishermen in the harbour welcomed the vote but said they would watch the budget closely. "
    "The last bridge the council built ran two years late and cost twice what was promised.",
    "Work is due to begin in March, once the ice has left the bay, the council's engineer said.",
]
STORY_MORE = [
    "Engineers expect the first piles to be driven in April, and a temporary landing stage will "
    "keep the smaller ferry running while the work goes on, the harbour master told the meeting.",
    "Some islanders asked whether the council had considered a longer pier that larger supply "
    "boats could use in winter; the chair said the plans left room for that at a later stage.",
    "The council will publish the full contract and the engineers' survey on its website next "
    "week, and a public meeting on the island is planned for the end of the month.",
]
TITLE = "Port Ellis votes to rebuild storm-wrecked ferry pier"


def article_page(*, jsonld_body: str | None = None, story: list[str] | None = None) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in (story if story is not None else STORY))
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLE,
        "datePublished": "2025-03-04T09:30:00Z",
        "author": {"@type": "Person", "name": "Anna Vestergaard"},
        "publisher": {"@type": "Organization", "name": "The Ellis Gazette"},
    }
    if jsonld_body is not None:
        ld["articleBody"] = jsonld_body
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{TITLE} | The Ellis Gazette</title>
<meta property="og:site_name" content="The Ellis Gazette">
<meta property="og:title" content="{TITLE}">
<meta name="author" content="Anna Vestergaard">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<link rel="canonical" href="https://www.ellisgazette.example/news/2031/ferry-pier">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<header><nav><ul>
  <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
</ul></nav></header>
<main><article>
<h1>{TITLE}</h1>
<p class="byline">By <a href="/staff/anna">Anna Vestergaard</a></p>
<time datetime="2025-03-04">March 4, 2031</time>
{paragraphs}
<div class="share">Share this article</div>
</article>
<section id="comments" class="comments">
  <h3>Leave a comment</h3>
  <div class="comment"><p>Commenter99: About time! The old pier was a disgrace for years and
  everybody in town knew it, the council should resign.</p></div>
  <div class="comment"><p>FerryFan: I remember the storm, it was terrible, waves over the
  harbour wall all night long and the lights went out.</p></div>
  <form><textarea name="comment"></textarea><button>Post comment</button></form>
</section></main>
<aside class="related"><h3>Most read</h3><ul>
  <li><a href="/a">Village school wins national choir prize</a></li>
  <li><a href="/b">Rail strike called off after late-night talks</a></li>
</ul></aside>
<footer><p>Copyright 2031 The Ellis Gazette. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>"""


def test_story_text_without_boilerplate() -> None:
    got = extract_html(article_page(), "https://www.ellisgazette.example/news/2031/ferry-pier?x=1")
    assert isinstance(got, Extracted)
    for paragraph in STORY:
        assert " ".join(paragraph.split()) in got.text
    for junk in ("Home", "Weather", "Commenter99", "FerryFan", "Post comment", "Most read",
                 "choir prize", "Privacy policy", "All rights reserved", "Share this article"):
        assert junk not in got.text, junk
    assert not got.text.startswith(TITLE)  # the headline is metadata, not story text
    # paragraphs are separated by one blank line
    assert got.text.split("\n\n")[0].startswith("PORT ELLIS")
    assert "\n\n\n" not in got.text


def test_metadata() -> None:
    got = extract_html(article_page(), "https://www.ellisgazette.example/news/2031/ferry-pier?x=1")
    assert got.title == TITLE
    assert got.byline == "Anna Vestergaard"
    assert got.published == "2025-03-04T09:30:00Z"  # the page's meta states the time
    assert got.site == "The Ellis Gazette"
    assert got.url == "https://www.ellisgazette.example/news/2031/ferry-pier"
    assert got.language == "en"


def test_site_falls_back_to_host() -> None:
    page = article_page().replace(
        '<meta property="og:site_name" content="The Ellis Gazette">', ""
    ).replace('"publisher": {"@type": "Organization", "name": "The Ellis Gazette"}', '"x": 1')
    got = extract_html(page, "https://www.ellisgazette.example/news/2031/ferry-pier")
    assert got.site in {"ellisgazette.example", "The Ellis Gazette"}
    assert site_from_url("https://www.ellisgazette.example/a") == "ellisgazette.example"
    assert site_from_url("not a url") is None
    assert site_from_url(None) is None


def test_jsonld_body_rescues_a_page_without_markup_text() -> None:
    body = " ".join(STORY)
    page = article_page(jsonld_body=body, story=[])
    got = extract_html(page, "https://www.ellisgazette.example/news/2031/ferry-pier")
    assert "harbour council of Port Ellis" in got.text
    assert "Commenter99" not in got.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_no_text_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError, match="no article text found in the HTML"):
        extract_html(html)


def test_tidy_lines_drops_furniture_and_keeps_story() -> None:
    raw = "\n".join(
        [
            TITLE,
            "Updated March 4, 2031 10:15 am",
            STORY[0],
            "Read more: Rail strike called off after late-night talks",
            STORY[1],
            "Don't miss",
            "- Village school wins national choir prize",
            "- Mayor opens new market hall [VIDEO]",
            STORY[2],
            "See also: Ferry timetable for the winter",
            "Sign up for our morning newsletter in your inbox",
            "Comments",
        ]
    )
    got = tidy_lines(raw, TITLE)
    assert got.split("\n\n") == [
        STORY[0],
        STORY[1],
        STORY[2],
        # residue injected into a story is left for the clean stage to record
        "See also: Ferry timetable for the winter",
    ]


def test_tidy_lines_keeps_times_and_lists_of_the_story() -> None:
    raw = "\n".join(["10 p.m.", "The council met again late in the evening.",
                     "- a new pier", "- a new ferry ramp"])
    assert tidy_lines(raw, TITLE).split("\n\n") == raw.split("\n")


def chunked_page(between: str = "") -> str:
    """The body cut into chunks of one kind, with a promo (and ``between``) between them."""
    story = [*STORY, *STORY_MORE]
    chunk = '<div class="grid"><div class="body article__body">{}</div></div>'
    first = "".join(f"<p>{p}</p>" for p in story[:4])
    second = "".join(f"<p>{p}</p>" for p in story[4:])
    return f"""<html><head><title>{TITLE}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="page"><h1>{TITLE}</h1>
<div class="chunks">{chunk.format(first)}</div>
<div class="promo"><p>Subscribe for unlimited access to the Gazette, from one crown a week.</p>
</div>{between}
<div class="more">{chunk.format(second)}</div></div>
<footer>Copyright 2025 The Ellis Gazette</footer></body></html>"""


def test_article_body_split_into_chunks_is_kept_whole() -> None:
    story = [*STORY, *STORY_MORE]
    got = extract_html(chunked_page(), "https://www.ellisgazette.example/news/2031/ferry-pier")
    paragraphs = got.text.split("\n\n")
    assert [p for p in paragraphs if p in story] == story  # all of it, in page order


def test_next_story_below_is_not_a_continuation() -> None:
    page = chunked_page(between="<h1>Rail strike called off after late-night talks</h1>")
    got = extract_html(page, "https://www.ellisgazette.example/news/2031/ferry-pier")
    assert STORY[0] in got.text
    assert STORY_MORE[-1] not in got.text


def test_embedded_post_is_kept_as_a_quote() -> None:
    tweet = (
        '<div class="social-embed"><blockquote class="twitter-tweet"><p lang="en">The new pier '
        "is the best news the islands have had in years, and we will hold the council to its "
        'word.</p>&mdash; Island Ferry Users (@islandferry) <a href="https://t.example/1">March '
        "4, 2025</a></blockquote></div>"
    )
    story = [*STORY[:2], tweet, *STORY[2:]]
    page = article_page(story=[]).replace(
        '<div class="share">', "".join(f"<p>{p}</p>" if p[0] != "<" else p for p in story)
    )
    got = extract_html(page, "https://www.ellisgazette.example/news/2031/ferry-pier")
    assert "the best news the islands have had in years" in got.text
    assert STORY[4] in got.text


def test_published_time_keeps_the_clock_time() -> None:
    from wiretrace.ingest.html import published_time

    page = ('<html><head><meta content="2026-03-02T09:30:00+01:00" '
            'property="article:published_time"></head><body></body></html>')
    assert published_time(page, "2026-03-02") == "2026-03-02T09:30:00+01:00"
    ld = '<script type="application/ld+json">{"datePublished": "2026-03-02 07:05Z"}</script>'
    assert published_time(ld, "2026-03-02") == "2026-03-02T07:05Z"
    # a timestamp of another day (a related article's <time>) does not replace the date
    other = '<time datetime="2025-01-01T10:00:00Z">old</time>'
    assert published_time(other, "2026-03-02") == "2026-03-02"
    assert published_time("<p>no dates</p>", None) is None
