"""Shared helpers of the input readers: bounded reading, gzip, text decoding, HTML checks.

A reader that cannot use its input raises ``Rejected`` with a short reason a person can act on;
``iter_documents`` turns it into a ``Rejection``. Nothing here prints or touches the network.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import BinaryIO

from wiretrace.ingest.formats.utf16 import utf16_without_bom
from wiretrace.settings import Settings

__all__ = [
    "HTML_CHARS_PER_ITEM_CHAR",
    "Rejected",
    "check_html",
    "check_text_length",
    "decode_text",
    "declared_charset",
    "gunzip_bounded",
    "gunzip_keeping_whole",
    "human_bytes",
    "max_html_chars",
    "is_binary",
    "is_gzip",
    "read_bounded",
]

_CHUNK = 64 * 1024


class Rejected(Exception):
    """An input (a whole file, or one item of it) cannot be used; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def human_bytes(n: int) -> str:
    """64 MiB -> '64 MB', 1536 -> '1.5 KB', 900 -> '900 bytes'."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Read a whole stream, but never more than ``limit`` bytes (file grew past the cap)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise Rejected(f"file larger than {human_bytes(limit)}")
    return data


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def gunzip_bounded(stream: BinaryIO, settings: Settings) -> bytes:
    """Inflate a (possibly multi-member) gzip stream, stopping at ``max_inflated_bytes``.

    The compressed side is bounded by ``max_file_bytes``; the output is produced in small pieces
    so that a gzip bomb is stopped as soon as it passes the cap, not after it is inflated. A
    stream that ends inside a member is rejected as ``truncated gzip``.
    """
    data, truncated = gunzip_keeping_whole(stream, settings)
    if truncated:
        raise Rejected("truncated gzip")
    return data


def gunzip_keeping_whole(stream: BinaryIO, settings: Settings) -> tuple[bytes, bool]:
    """Like ``gunzip_bounded``, but a stream that ends inside a member is not rejected: returns
    ``(everything inflated, True)``, the output of the cut member included, so that a reader of
    a record format (WARC) can keep the whole records and reject the cut one."""
    limit = settings.max_inflated_bytes
    out = bytearray()
    decomp = zlib.decompressobj(wbits=31)
    fed = False  # at least one compressed byte was seen
    trailing = False  # junk after the last complete member: ignored, as gzip(1) does
    read_total = 0

    def inflate(data: bytes) -> None:
        while True:
            try:
                piece = decomp.decompress(data, _CHUNK)
            except zlib.error as exc:
                raise Rejected(f"corrupt gzip data ({_zlib_reason(exc)})") from None
            out.extend(piece)
            if len(out) > limit:
                raise Rejected(f"gzip inflates past {human_bytes(limit)}")
            data = decomp.unconsumed_tail
            if not data and (not piece or decomp.eof):
                return

    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        read_total += len(chunk)
        if read_total > settings.max_file_bytes:
            raise Rejected(f"file larger than {human_bytes(settings.max_file_bytes)}")
        if trailing:
            continue
        fed = True
        inflate(chunk)
        while decomp.eof and decomp.unused_data:
            rest = decomp.unused_data
            if not is_gzip(rest):
                trailing = True
                break
            decomp = zlib.decompressobj(wbits=31)
            inflate(rest)
    if not fed:
        raise Rejected("empty file")
    return bytes(out), not decomp.eof


def _zlib_reason(exc: zlib.error) -> str:
    text = str(exc)
    return text.split(": ", 1)[-1] if ": " in text else text


# --- length caps ----------------------------------------------------------------------------

# An item's HTML may be this many times longer than ``max_item_chars``: markup, inline scripts
# and styles of a news page are commonly 2-5x its text, so a page longer than 5x the text cap is
# not one article (at the default, 10,000,000 characters).
HTML_CHARS_PER_ITEM_CHAR = 5
# Every text encoding readers accept spends at most this many bytes on one character (UTF-32),
# so data longer than cap * 4 (+ a byte-order mark) is over the cap before it is decoded.
_MAX_BYTES_PER_CHAR = 4


def max_html_chars(settings: Settings) -> int:
    return settings.max_item_chars * HTML_CHARS_PER_ITEM_CHAR


def check_text_length(
    text: str | bytes, settings: Settings, *, html: bool = False, what: str | None = None
) -> None:
    """Reject text (or HTML) longer than the item cap. Given bytes, reject only what is surely
    over it whatever the encoding, so that a huge input is turned away before it is decoded.
    ``what`` names the thing in the reason (default "text" or "HTML")."""
    cap = max_html_chars(settings) if html else settings.max_item_chars
    size = len(text)
    if isinstance(text, bytes):
        size = (size - 4) // _MAX_BYTES_PER_CHAR
    if size > cap:
        raise Rejected(f"{what or ('HTML' if html else 'text')} longer than {cap:,} characters")


# --- decoding -------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
# WHATWG: labels that mean windows-1252 in practice
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")
_SURROGATES = re.compile(r"[\udc80-\udcff]+")
_ASCII_BYTES = bytes(range(128))


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def is_binary(data: bytes) -> bool:
    """NUL bytes in the first KB of something that has no UTF-16/32 byte-order mark."""
    if bom_encoding(data) is not None:
        return False
    return b"\0" in data[:1024] and utf16_without_bom(data) is None


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset an HTTP Content-Type header, an XML declaration or an HTML meta tag names."""
    candidates: list[str] = []
    if header:
        m = _HEADER_CHARSET.search(header)
        if m:
            candidates.append(m.group(1))
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            candidates.append(found.group(1).decode("ascii", "replace"))
    for label in candidates:
        label = label.strip().lower()
        if label in _AS_CP1252:
            return "cp1252"
        try:
            return codecs.lookup(label).name
        except LookupError:
            continue
    return None


def decode_text(data: bytes, *, declared: str | None = None, markup: bool = False) -> str:
    """Decode bytes of a text format; raise ``Rejected`` for binary or undecodable data.

    Order: byte-order mark (UTF-8, UTF-16, UTF-32); NUL bytes mean binary; strict UTF-8; the
    charset the document declares (``declared``, or a meta tag / XML declaration when ``markup``);
    UTF-8 with a few stray legacy bytes (each decoded as windows-1252); a legacy single-byte
    encoding guessed between windows-1252 and windows-1251; latin-1 as the last resort.
    """
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        try:
            text = data[size:].decode(name)
        except UnicodeDecodeError:
            raise Rejected(f"undecodable text: invalid {name.upper()}") from None
        return _checked(text)
    if (utf16 := utf16_without_bom(data)) is not None:
        return _checked(utf16)
    if is_binary(data):
        raise Rejected("binary data, not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    charset = declared or (declared_charset(data) if markup else None)
    if charset and charset not in ("utf-8", "utf_8"):
        try:
            return _checked(data.decode(charset))
        except (UnicodeDecodeError, LookupError):
            pass
    escaped = data.decode("utf-8", "surrogateescape")
    stray = sum(len(m.group()) for m in _SURROGATES.finditer(escaped))
    non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore"))
    valid_multibyte = non_ascii - stray
    if valid_multibyte > 0 and valid_multibyte >= stray:
        return _checked(_SURROGATES.sub(_legacy_bytes, escaped))
    return _checked(data.decode(_guess_legacy(data), errors="strict"))


def _legacy_bytes(match: re.Match[str]) -> str:
    raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _guess_legacy(data: bytes) -> str:
    """windows-1251 (Cyrillic) or windows-1252 (Western); latin-1 when 1252 cannot decode."""
    high = len(data.translate(None, _ASCII_BYTES))
    guess: str | None = None
    if high >= 32:
        try:
            import charset_normalizer

            best = charset_normalizer.from_bytes(data, cp_isolation=["cp1252", "cp1251"]).best()
            guess = best.encoding if best is not None else None
        except ImportError:  # pragma: no cover - charset_normalizer comes with trafilatura
            guess = None
    if guess is None:
        guess = _cyrillic_or_western(data[:65536])
    if guess == "cp1252":
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
    return guess


def _cyrillic_or_western(data: bytes) -> str:
    """Cyrillic words are runs of high bytes; Western accents sit alone between ASCII letters."""
    in_runs = alone = 0
    n = len(data)
    for i, b in enumerate(data):
        if b < 0xC0:
            continue
        before = data[i - 1] if i else 0
        after = data[i + 1] if i + 1 < n else 0
        if before >= 0xC0 or after >= 0xC0:
            in_runs += 1
        else:
            alone += 1
    return "cp1251" if in_runs > alone else "cp1252"


def _checked(text: str) -> str:
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise Rejected("binary data, not text")
    return text


# --- HTML -----------------------------------------------------------------------------------

# Every token stops at the next "<" or ">", so the scan is linear even on hostile input.
_RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes|template"
_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^<>]*>?"
    rf"|<(?P<raw>{_RAW_TEXT})\b[^<>]*>(?P<rawtext>.*?)(?:</(?P=raw)\s*>|\Z)"
    r"|<(?P<close>/?)(?P<name>[A-Za-z][^\s/<>]*)(?P<attrs>[^<>]*)>",
    re.S | re.I,
)
_VOID = frozenset(
    "area base basefont bgsound br col command embed frame hr image img input isindex keygen "
    "link meta param source track wbr".split()
)
_TEXT_IN_RAW = frozenset({"textarea", "xmp"})
_SIBLINGS = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "option": {"option"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
}


def check_html(html: str, settings: Settings) -> None:
    """Reject HTML longer than the HTML cap, nested deeper than ``max_html_depth`` or with no
    text at all.

    A cheap tag scan, not a parser: void and self-closed elements do not nest, ``</x>`` closes
    the innermost open ``x`` (and whatever it encloses), ``<p>`` after ``<p>`` (and the like)
    closes the first; comments and script, style and title contents are skipped.
    """
    check_text_length(html, settings, html=True)
    max_depth = settings.max_html_depth
    stack: list[str] = []
    open_count: dict[str, int] = {}
    has_text = False
    pos = 0
    for m in _HTML_TOKEN.finditer(html):
        if not has_text:
            has_text = bool(html[pos : m.start()].strip())
            pos = m.end()
        raw, close, name, attrs = m.group("raw", "close", "name", "attrs")
        if raw is not None:
            if not has_text and raw.lower() in _TEXT_IN_RAW:
                has_text = bool(m.group("rawtext").strip())
            continue
        if name is None:
            continue
        name = name.lower()
        if close:
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _VOID or attrs.endswith("/"):
            continue
        closes = _SIBLINGS.get(name)
        if closes and stack and stack[-1] in closes:
            open_count[stack.pop()] -= 1
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > max_depth:
            raise Rejected(f"HTML nested deeper than {max_depth} levels")
    if not has_text:
        has_text = bool(html[pos:].strip())
    if not has_text:
        raise Rejected("empty document: no text")
