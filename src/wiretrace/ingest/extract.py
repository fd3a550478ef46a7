"""Document (as a reader found it) -> Article (extracted, cleaned, with metadata)."""

from __future__ import annotations

import re

from wiretrace.errors import InputError
from wiretrace.ingest.byline import byline_name
from wiretrace.ingest.html import detect_language, extract_html, site_from_url
from wiretrace.ingest.titles import derive_title
from wiretrace.model import Article, Document
from wiretrace.settings import Settings
from wiretrace.trace.sentences import INVISIBLE

__all__ = ["document_to_article", "repair_mojibake"]

# characters that only tell a browser where it may break a word or that mark the byte order: a
# soft hyphen ("Not&shy;fall&shy;daten&shy;satz"), a zero-width space, a word joiner, a BOM.
# One outlet's page has them and its copy's does not; the text reads the same.
_INVISIBLE = str.maketrans("", "", INVISIBLE)


def _continuation_chars() -> str:
    """What the bytes 0x80-0xBF (a UTF-8 continuation byte) look like read as Windows-1252."""
    out = []
    for b in range(0x80, 0xC0):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([b]).decode("latin-1"))
    return "".join(out)


_CONT = re.escape(_continuation_chars())
# UTF-8 read as Windows-1252 ("Â£930" for "£930", "donâ€™t" for "don’t", "Ã©" for "é"): a lead
# byte of a two- or three-byte sequence followed by its continuation bytes
_MOJIBAKE = re.compile(rf"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}")


def _as_utf8(match: re.Match[str]) -> str:
    seq = match.group()
    try:
        raw = b"".join(ch.encode("cp1252") if ch not in "\x81\x8d\x8f\x90\x9d"
                       else ch.encode("latin-1") for ch in seq)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return seq


def repair_mojibake(text: str) -> str:
    """``text`` with each run of UTF-8 bytes that was read as Windows-1252 decoded again; a
    sequence that is no valid UTF-8 stays as it is."""
    if not any(ch in text for ch in "ÂÃâ"):
        return text  # the common lead bytes (£, é, ’): a cheap test before the regex
    return _MOJIBAKE.sub(_as_utf8, text)


def document_to_article(doc: Document, settings: Settings) -> Article:
    """Extract and clean one document.

    HTML documents go through ``extract_html``; metadata the reader supplied (title, url,
    published, site, byline, language) wins over what the page says. Text documents are taken as
    they are. An article without a title gets one derived from its cleaned text (its headline
    line, else its first sentence). Raises ``InputError`` with the reason when the document
    cannot be used.
    """
    from wiretrace.ingest.clean import clean

    title, url, published = doc.title, doc.url, doc.published
    site, byline, language = doc.site, doc.byline, doc.language
    if doc.html is not None:
        extracted = extract_html(doc.html, url)
        raw_text = extracted.text
        title = title or extracted.title
        url = url or extracted.url
        published = published or extracted.published
        byline = byline or extracted.byline
        site = site or extracted.site
        language = language or extracted.language
    elif doc.text is not None:
        raw_text = doc.text
    else:
        raise InputError(f"{doc.source}: the item holds neither HTML nor text")

    raw_text = repair_mojibake(raw_text.translate(_INVISIBLE))
    if not raw_text.strip():
        raise InputError("no article text found (the item is empty)")
    length = len(raw_text.strip())
    if length < settings.min_text_chars:
        raise InputError(
            f"the article text is too short ({length} characters after extraction, "
            f"at least {settings.min_text_chars} needed; see Settings.min_text_chars)"
        )

    cleaned = clean(raw_text, title)
    title = title or derive_title(cleaned.text)
    found = next((a.text for a in cleaned.artefacts if a.kind == "byline"), None)
    byline = byline or (byline_name(found) if found else None)
    site = site or site_from_url(url)
    language = language or detect_language(raw_text)
    return Article(
        source=doc.source,
        text=cleaned.text,
        raw_text=raw_text,
        site=site,
        url=url,
        title=title,
        byline=byline,
        published=published,
        language=language,
        format=doc.format,
        locator=doc.locator,
        artefacts=list(cleaned.artefacts),
    )
