"""Main text and metadata of a news page.

Strategy (general, no per-site rules):

1. embedded posts (tweets) become plain quotes, so that the quoted words are not thrown away
   with the "social embed" wrappers around them;
2. trafilatura in its precision mode (drops more boilerplate), with metadata; when it yields
   under 50 words and less than half of what trafilatura's default mode yields, it missed the
   story and the default run is taken;
3. the text is tidied line by line: the headline repeated in the text, lines that are only a
   date, and the site's own furniture (newsletter, follow and contact prompts, "Read more:" /
   "Related:" teasers and the link lists under "Don't miss" style headings, comment counters)
   are dropped. Residue a copier injects into the story itself ("See also ...", AI leftovers,
   comment forms, credits) is left for the clean stage, which records it as artefacts;
4. an article body that the page cuts into several containers of one kind (separated by ads)
   is put back together: trafilatura keeps only the first;
5. when the page yields little or no text, the page's JSON-LD ``articleBody`` is used, and as a
   last resort trafilatura's baseline extraction.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from wiretrace.errors import InputError

__all__ = ["Extracted", "extract_html", "detect_language", "site_from_url"]

# a precision run that keeps less than this share of the default run's words lost the story
_PRECISION_KEEP = 0.5
# an extraction shorter than this (words) is considered weak: structured data may do better
_SHORT_WORDS = 50
# fewer words than this is a menu or a caption, not an article
_MIN_WORDS = 5
# the last-resort whole-page text must at least look like a paragraph
_BASELINE_MIN_WORDS = 15
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Extracted:
    """What a page holds: the story's text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date
    site: str | None = None  # site name, else host
    url: str | None = None  # canonical URL
    language: str | None = None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract the main text and metadata of an HTML page.

    Raises ``InputError`` when the page holds no usable article text.
    """
    if not html or not html.strip():
        raise InputError("no article text found in the HTML (the page is empty)")
    import trafilatura
    from trafilatura import extract_metadata

    from wiretrace.ingest.deep_html import flatten_deep

    html = flatten_deep(unwrap_embedded_posts(html))  # past 256 levels lxml loses the text
    common: dict[str, Any] = {"url": url, "include_comments": False}
    try:
        precise = trafilatura.bare_extraction(
            html, favor_precision=True, with_metadata=True, **common
        )
        text = _text_of(precise)
        if _words(text) < _SHORT_WORDS:  # the precision run may have missed the story
            default_text = _text_of(trafilatura.bare_extraction(html, **common))
            if _words(text) < _PRECISION_KEEP * _words(default_text):
                text = default_text
        meta = precise if precise is not None else extract_metadata(html, default_url=url)
    except Exception as exc:  # trafilatura and lxml on a page they cannot parse
        raise InputError(f"no article text found in the HTML (unparsable page: {exc})") from exc

    title = _clean_field(getattr(meta, "title", None))
    text = tidy_lines(text, title)
    text = add_body_continuations(html, text)

    if _words(text) < _SHORT_WORDS:
        body = _jsonld_body(html)
        if body and _words(body) > _words(text):
            text = body
    if _words(text) < _MIN_WORDS:
        text = _baseline(html) or text
    text = _normalise(text)
    if _words(text) < _MIN_WORDS:
        raise InputError("no article text found in the HTML")

    site = _clean_field(getattr(meta, "sitename", None))
    page_url = _clean_field(getattr(meta, "url", None)) or url
    if not site:
        site = site_from_url(page_url) or _clean_field(getattr(meta, "hostname", None))
    return Extracted(
        text=text,
        title=title,
        byline=_clean_field(getattr(meta, "author", None)),
        published=published_time(html, _clean_field(getattr(meta, "date", None))),
        site=site,
        url=page_url,
        language=detect_language(text),
    )


_TIMESTAMP = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_PUBLISHED_KEYS = (
    r"(?:article:published_time|og:published_time|datePublished|pubdate|publishdate"
    r"|dc\.date(?:\.issued)?|date)"
)
_PUBLISHED_PATTERNS = [
    re.compile(  # <meta property="article:published_time" content="...">
        rf"<meta[^>]+(?:property|name|itemprop)\s*=\s*[\"']{_PUBLISHED_KEYS}[\"'][^>]*?"
        rf"content\s*=\s*[\"']({_TIMESTAMP})", re.I),
    re.compile(  # the same with content first
        rf"<meta[^>]+content\s*=\s*[\"']({_TIMESTAMP})[\"'][^>]*?"
        rf"(?:property|name|itemprop)\s*=\s*[\"']{_PUBLISHED_KEYS}[\"']", re.I),
    re.compile(rf"[\"']datePublished[\"']\s*:\s*[\"']({_TIMESTAMP})", re.I),  # JSON-LD
    re.compile(rf"<time[^>]+datetime\s*=\s*[\"']({_TIMESTAMP})", re.I),
]


def published_time(html: str, date: str | None) -> str | None:
    """The publication time with its clock time when the page states one (meta tags, JSON-LD,
    ``<time datetime>``) on the same day as ``date`` (the extractor's date); else ``date``.
    Copies published the same day are told apart by the hour."""
    for pattern in _PUBLISHED_PATTERNS:
        for match in pattern.finditer(html[:400_000]):
            stamp = match.group(1).replace(" ", "T", 1)
            if date is None or stamp.startswith(date[:10]):
                return stamp
    return date


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid on its first 2000 characters)."""
    sample = text[:2000]
    if not _words(sample):
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang) if lang else None


def site_from_url(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.``; None when there is no host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# --- line tidying ---------------------------------------------------------------------------

# whole lines that are the site's furniture, never the story
_FURNITURE = re.compile(
    r"""^(?:
        (?:\d+\s+)?comments?
      | (?:show|view|load|hide)\s+(?:all\s+)?comments?.*
      | advertisement | advert | sponsored(?:\s+content)? | ad
      | tags? | tags?\s*:.{0,200} | filed\s+under\s*:.*
      | share\s+(?:this|on)\b.{0,60} | like\s+this\s+story\?.*
      | (?:follow|like)\s+(?:us|\S+(?:\s+\S+){0,6})\s+on\s+
          (?:facebook|twitter|instagram|linkedin|youtube)\b.*
      | (?:sign\s+up|subscribe)\b.{0,40}\b(?:newsletter|updates|inbox)\b.*
      | get\s+(?:the\s+)?(?:latest|day'?s?|daily)\b.{0,80}\b(?:inbox|newsletter)\b.*
      | (?:read|see|watch)\s+more\s*:.* | read\s+next\s*:.* | \[?related(?:\s+\w+)?\s*:.*
      | (?:reading\s+time|tempo\s+de\s+leitura|lesezeit|temps\s+de\s+lecture)\s*:.{0,30}
      | \d+\s+min(?:ute)?s?\s+read
      | an\s+error\s+(?:has\s+)?occurred.{0,60} | (?:print|email|share)\s+(?:this\s+)?article
      | also\s+(?:read|on\s+\S+)\s*:?.* | more\s*:
      | (?:don'?t|do\s+not)\s+miss\s*:?
      | (?:you\s+(?:may|might)\s+also\s+like|recommended\s+for\s+you|most\s+(?:read|popular)
          (?:\s+in\s+\S+(?:\s+\S+)?)?|trending(?:\s+now)?|more\s+from\s+\S+(?:\s+\S+)?)\s*:?(?:\.\.\.|…)?
      | this\s+copy\s+is\s+for\s+your\s+personal,?\s+non-commercial\s+use.*
      | copyright\s+.{0,80} | ©.{0,80} | all\s+rights\s+reserved\.?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# headings after which the site lists links to other articles
_TEASER_HEADING = re.compile(
    r"""^(?:(?:don'?t|do\s+not)\s+miss|you\s+(?:may|might)\s+also\s+like|more\s+(?:stories|news)?
        |related(?:\s+(?:stories|articles|coverage|content|news))?|most\s+(?:read|popular).*
        |recommended(?:\s+for\s+you)?|trending(?:\s+now)?|more\s+from\s+.{1,40}
        |also\s+read|read\s+(?:more|next|also))\s*:?(?:\.\.\.|…)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# one teaser line: "Related: <headline>", "Read more: <headline>"
_TEASER_LINE = re.compile(
    r"^\[?(?:related(?:\s+\w+)?|(?:read|watch)\s+(?:more|also|next)|see\s+more|also\s+read)\s*:.+$",
    re.IGNORECASE,
)
_BULLETS = ("-", "*", "•", "·", "–")

# a contact line at the foot of a story: "Email X at x@y.com or follow him @x"
_CONTACT = re.compile(
    r"^(?:e-?mail|write\s+to|reach|contact|have\s+a\s+tip\??|follow)\b.{0,200}"
    r"(?:\S@\S+\.\w|\s@\w|https?://|twitter\.com/).{0,200}$",
    re.IGNORECASE,
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_TOKEN = re.compile(
    rf"""\b(?:\d{{4}}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?|\d{{1,4}}(?:[./:-]\d{{1,4}}){{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?|{_MONTHS}
        |mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday
        |am|pm|a\.?m|p\.?m|[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|jst|amt|updated|published|posted|last|on|at|de|às|of
        |\d{{4}})\b\.?""",
    re.IGNORECASE | re.VERBOSE,
)

# a date line names a month, a full numeric date, or says it is a publication stamp
_DATE_ANCHOR = re.compile(
    rf"\b(?:{_MONTHS}|updated|published|posted)\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


def tidy_lines(text: str, title: str | None = None) -> str:
    """Drop the site furniture from an extracted text, keeping the story's lines in order."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    kept: list[str] = []
    title_key = _key(title) if title else ""
    in_teasers = in_bullets = False
    for index, line in enumerate(lines):
        if in_teasers:
            if _is_teaser(line):
                continue
            in_teasers = False
        if in_bullets:
            if line.startswith(_BULLETS) and _is_teaser(line):
                continue
            in_bullets = False
        if title_key and _repeats_headline(line, title_key, near_top=index < 3):
            continue
        if _TEASER_HEADING.match(line):
            in_teasers = True
            continue
        if _TEASER_LINE.match(line):
            in_bullets = True  # a bulleted list of more teasers may follow
            continue
        if _FURNITURE.match(line) or _CONTACT.match(line) or _is_date_line(line):
            continue
        kept.append(line)
    return "\n\n".join(kept)


def _is_teaser(line: str) -> bool:
    """A link-list entry: a short headline, often bulleted, without a sentence's end."""
    words = _words(line)
    if words == 0:
        return True
    body = line.lstrip("-*•· ").rstrip()
    if words > 18:
        return False
    return not body.endswith((".", "!", "?", "\u201d", '"', ":")) or bool(
        re.search(r"\[[A-Z ]+\]\s*\|?$", body)
    )


def _is_date_line(line: str) -> bool:
    words = _words(line)
    if words == 0 or words > 10 or not re.search(r"\d", line):
        return False
    if not _DATE_ANCHOR.search(line):
        return False
    rest = _DATE_TOKEN.sub(" ", line)
    rest = re.sub(r"[\s,.|/()\-–—:]+", " ", rest).strip()
    return len(_WORD.findall(rest)) == 0


def _repeats_headline(line: str, title_key: str, near_top: bool) -> bool:
    """The headline (or a variant of it near the top) repeated as a line of the text."""
    line_key = _key(line)
    if not line_key:
        return False
    if line_key == title_key:
        return True
    ending = line.rstrip().rstrip("\"'”’»)")
    if not near_top or _words(line) > 25 or ending.endswith((".", "!", "?", "…", ":", ";")):
        return False
    title_words, line_words = set(title_key.split()), set(line_key.split())
    shared = title_words & line_words
    return len(shared) >= 0.6 * len(title_words) and len(shared) >= 0.5 * len(line_words)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


# --- embedded social posts ------------------------------------------------------------------


def unwrap_embedded_posts(html: str) -> str:
    """Turn embedded tweets into plain quotes so that the extractor keeps them.

    Publishers quote statements by embedding the post; its wrapper carries "social"/"embed"
    classes that extractors discard as furniture, which loses the quoted words.
    """
    if "twitter-tweet" not in html:
        return html
    from lxml import etree
    from lxml import html as lxml_html

    try:
        parser = lxml_html.HTMLParser(encoding="utf-8")
        tree = lxml_html.fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (ValueError, TypeError, etree.ParserError):
        return html
    posts = tree.xpath('//blockquote[contains(concat(" ", @class, " "), " twitter-tweet ")]')
    for post in posts:
        text = " ".join(post.text_content().split())
        top = post
        parent = top.getparent()
        # climb the wrappers that hold nothing but this post
        while (
            parent is not None
            and parent.tag not in ("body", "article", "main")
            and " ".join(parent.text_content().split()) == text
        ):
            top, parent = parent, parent.getparent()
        if parent is None:
            continue
        quote = etree.Element("blockquote")
        paragraphs = post.findall(".//p")
        lines = [" ".join(p.text_content().split()) for p in paragraphs]
        for paragraph in paragraphs:  # what is left is the signature: "— Name (@handle) date"
            paragraph.drop_tree()
        lines.append(" ".join(post.text_content().split()))
        for line in filter(None, lines):
            etree.SubElement(quote, "p").text = line
        quote.tail = top.tail
        parent.replace(top, quote)
    if not posts:
        return html
    return str(lxml_html.tostring(tree, encoding="unicode"))


# --- article bodies split into chunks -------------------------------------------------------

# a continuation chunk: at least this many paragraphs (direct children) of this many words on
# average, i.e. prose, not a list of teasers or comments
_CHUNK_MIN_PARAGRAPHS = 3
_CHUNK_MIN_MEAN_WORDS = 20
_PARAGRAPH_MIN_WORDS = 8


def add_body_continuations(html: str, text: str) -> str:
    """Add the rest of an article body that the page splits into several containers.

    Many pages cut the body into chunks (same tag, same class) separated by ads or promos, and
    trafilatura keeps only the first. When a chunk's paragraphs are mostly in the text and a later
    chunk of the same kind holds prose that is not, that prose is inserted after the chunk before
    it.
    """
    from lxml import html as lxml_html

    try:
        parser = lxml_html.HTMLParser(encoding="utf-8")
        tree = lxml_html.fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return text
    lines = text.split("\n\n")
    keys = [_key(line) for line in lines]
    groups: dict[tuple[str, str], list[Any]] = {}
    for element in tree.iter("div", "section", "article"):
        css = (element.get("class") or "").strip()
        if css:
            groups.setdefault((element.tag, css), []).append(element)

    # a headline or a different <article> between two chunks means a different story (pages
    # that load the next article below the first one)
    order = {element: index for index, element in enumerate(tree.iter())}
    headlines = sorted(order[h] for h in tree.iter("h1"))

    inserts: list[tuple[int, list[str]]] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        last_line, last_chunk = -1, None
        for element in members:
            paragraphs = _direct_paragraphs(element)
            if not paragraphs:
                continue
            found = [_line_of(_key(p), keys) for p in paragraphs]
            covered = sum(i >= 0 for i in found) / len(paragraphs)
            if covered >= 0.6:
                last_line, last_chunk = max(last_line, *found), element
            elif (
                covered <= 0.2
                and last_chunk is not None
                and _is_prose(paragraphs)
                and _article_of(element) is _article_of(last_chunk)
                and not _between(headlines, order[last_chunk], order[element])
            ):
                inserts.append((last_line, paragraphs))
    for after, paragraphs in sorted(inserts, key=lambda item: -item[0]):
        lines[after + 1 : after + 1] = paragraphs
    return "\n\n".join(lines)


def _article_of(element: Any) -> Any:
    if element.tag == "article":
        return element
    return next(element.iterancestors("article"), None)


def _between(positions: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_right(positions, start)
    return index < len(positions) and positions[index] < end


def _direct_paragraphs(element: Any) -> list[str]:
    paragraphs = []
    for child in element.findall("p"):
        paragraph = " ".join(child.text_content().split())
        if _words(paragraph) >= _PARAGRAPH_MIN_WORDS:
            paragraphs.append(paragraph)
    return paragraphs


def _is_prose(paragraphs: list[str]) -> bool:
    if len(paragraphs) < _CHUNK_MIN_PARAGRAPHS:
        return False
    return sum(_words(p) for p in paragraphs) / len(paragraphs) >= _CHUNK_MIN_MEAN_WORDS


def _line_of(paragraph_key: str, keys: list[str]) -> int:
    for index, line_key in enumerate(keys):
        if paragraph_key and paragraph_key in line_key:
            return index
    return -1


# --- fallbacks ------------------------------------------------------------------------------


def _jsonld_body(html: str) -> str | None:
    """The longest ``articleBody`` in the page's JSON-LD blocks, as paragraphs."""
    bodies: list[str] = []
    pattern = r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>"
    for block in re.findall(pattern, html, re.IGNORECASE | re.DOTALL):
        try:
            data = json.loads(block.strip(), strict=False)
        except ValueError:
            continue
        bodies.extend(_article_bodies(data))
    if not bodies:
        return None
    import html as htmllib

    body = htmllib.unescape(max(bodies, key=len))
    body = re.sub(r"<[^>]+>", " ", body)
    return body.strip() or None


def _article_bodies(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "articleBody" and isinstance(value, str):
                yield value
            else:
                yield from _article_bodies(value)
    elif isinstance(data, list):
        for item in data:
            yield from _article_bodies(item)


def _baseline(html: str) -> str:
    try:
        from trafilatura import baseline

        _tree, text, _length = baseline(html)
    except (ValueError, TypeError, AttributeError):  # pragma: no cover - defensive
        return ""
    text = tidy_lines(text or "")
    # whatever is left of a page without an article is navigation, not a story
    return text if _words(text) >= _BASELINE_MIN_WORDS else ""


# --- helpers --------------------------------------------------------------------------------


def _text_of(document: Any) -> str:
    return (getattr(document, "text", None) or "") if document is not None else ""


def _words(text: str | None) -> int:
    return len(_WORD.findall(text or ""))


def _normalise(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _clean_field(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
