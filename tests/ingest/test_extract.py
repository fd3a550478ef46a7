"""Document -> Article: extraction, metadata precedence, cleaning, rejection."""

from __future__ import annotations

import pytest

from wiretrace.errors import InputError
from wiretrace.ingest.extract import document_to_article
from wiretrace.model import Article, Document
from wiretrace.settings import Settings

URL = "https://www.ellisgazette.example/news/2031/ferry-pier"
TITLE = "Ellis ferry service to resume on Monday"
STORY = [
    "The ferry between Port Ellis and the outer islands will run again from Monday, the harbour "
    "master said on Friday, three weeks after ice closed the crossing.",
    "Crews spent the week clearing the channel and checking the landing ramps on both sides. "
    "The first boat leaves at seven in the morning and the timetable returns to normal by "
    "Wednesday, the operator said in a statement.",
    "Islanders had relied on a small supply boat and a helicopter for urgent hospital trips "
    "while the crossing was shut.",
]


def article_page() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return f"""<html lang="en"><head><title>{TITLE}</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="The Ellis Gazette">
<meta name="author" content="Anna Vestergaard">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<link rel="canonical" href="{URL}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{TITLE}</h1>{paragraphs}</article>
<div class="comments"><p>Commenter99: finally some good news for us on the island!</p></div>
<footer>Copyright 2031 The Ellis Gazette</footer></body></html>"""


def test_html_document() -> None:
    doc = Document(source="pages/pier.html", format="html", html=article_page())
    art = document_to_article(doc, Settings())
    assert isinstance(art, Article)
    assert art.source == "pages/pier.html"
    assert art.format == "html"
    assert STORY[0] in art.raw_text
    assert "Commenter99" not in art.raw_text
    assert art.title == TITLE
    assert art.url == URL  # the page's canonical link
    assert art.site == "The Ellis Gazette"
    assert art.published == "2025-03-04T09:30:00Z"
    assert art.byline == "Anna Vestergaard"
    assert art.language == "en"
    assert len(art.sha) == 64
    assert art.text  # the working text from the clean stage


def test_reader_metadata_wins() -> None:
    doc = Document(
        source="feed.xml",
        format="rss",
        html=article_page(),
        title="Ferry pier to be rebuilt",
        url="https://mirror.example/pier",
        published="2031-03-05",
        site="Mirror Daily",
        byline="Staff",
        language="en",
        locator="entry 3",
    )
    art = document_to_article(doc, Settings())
    assert (art.title, art.url, art.published, art.site, art.byline) == (
        "Ferry pier to be rebuilt",
        "https://mirror.example/pier",
        "2031-03-05",
        "Mirror Daily",
        "Staff",
    )
    assert art.locator == "entry 3"


def test_text_document_as_is() -> None:
    text = "\n\n".join(STORY)
    doc = Document(source="notes/pier.txt", format="text", text=text, url="https://www.x.example/p")
    art = document_to_article(doc, Settings())
    assert art.raw_text == text
    assert art.site == "x.example"  # host of the url
    assert art.language == "en"
    # no title given: one is derived from the first sentence, cut at a word boundary
    assert art.title is not None and art.title.endswith("…")
    assert STORY[0].startswith(art.title[:-1])


def test_text_document_without_url_has_no_site() -> None:
    doc = Document(source="pier.txt", format="text", text="\n\n".join(STORY))
    assert document_to_article(doc, Settings()).site is None


def test_artefacts_come_from_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    from wiretrace.ingest import clean as clean_module
    from wiretrace.model import Artefact

    def fake_clean(raw_text: str, title: str | None = None) -> clean_module.Cleaned:
        return clean_module.Cleaned(
            text=raw_text.upper(), artefacts=[Artefact("test", 0, 4, raw_text[:4])]
        )

    monkeypatch.setattr(clean_module, "clean", fake_clean)
    doc = Document(source="pier.txt", format="text", text="\n\n".join(STORY))
    art = document_to_article(doc, Settings())
    assert art.text == art.raw_text.upper()
    assert [a.kind for a in art.artefacts] == ["test"]


@pytest.mark.parametrize("text", ["", "   ", "Too short to be a story."])
def test_short_text_rejected(text: str) -> None:
    doc = Document(source="x.txt", format="text", text=text)
    with pytest.raises(InputError, match="short|empty"):
        document_to_article(doc, Settings())


def test_min_text_chars_is_a_setting() -> None:
    doc = Document(source="x.txt", format="text", text="Too short to be a story.")
    art = document_to_article(doc, Settings().with_(min_text_chars=10))
    assert art.raw_text == "Too short to be a story."


def test_html_without_text_rejected() -> None:
    doc = Document(source="empty.html", format="html", html="<html><body></body></html>")
    with pytest.raises(InputError, match="no article text"):
        document_to_article(doc, Settings())


def test_document_without_content_rejected() -> None:
    with pytest.raises(InputError, match="neither HTML nor text"):
        document_to_article(Document(source="x", format="html"), Settings())


def test_invisible_break_hints_leave_the_text() -> None:
    from wiretrace.ingest.extract import document_to_article
    from wiretrace.model import Document
    from wiretrace.settings import Settings

    text = ("The emergency\u00addata\u00adset goes live on Monday,\u200b the ministry said in a "
            "statement on Friday, and every clinic must be connected by March.")
    art = document_to_article(Document(source="a.txt", format="text", text=text), Settings())
    assert art.text == text.replace("\u00ad", "").replace("\u200b", "")


def test_utf8_read_as_windows_1252_is_repaired() -> None:
    from wiretrace.ingest.extract import document_to_article, repair_mojibake
    from wiretrace.model import Document
    from wiretrace.settings import Settings

    text = ("The councillor was ordered to pay Â£930 costs and said he didnâ€™t expect it, "
            "the court in SÃO PAULO heard on Friday from the cafÃ© owner.")
    art = document_to_article(Document(source="a.txt", format="text", text=text), Settings())
    assert "£930" in art.text and "didn’t" in art.text and "café" in art.text
    assert "SÃO PAULO" in art.text  # a real capital letter before a letter is no mojibake
    assert repair_mojibake("plain £5, naïve São Paulo") == "plain £5, naïve São Paulo"
