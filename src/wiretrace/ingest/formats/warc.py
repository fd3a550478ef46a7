"""WARC files through warcio: HTML responses with status 200 become documents.

Other records (warcinfo, requests, metadata, redirects, images, ...) are skipped silently: they
are not articles and nothing is wrong with them. Records are numbered from 1 in file order.

A record the file ends inside of (its Content-Length promises more bytes than are left, or its
header block is cut) is rejected as "record N: truncated WARC record", whatever its type: nobody
can tell what it held. The records before it are kept. For a .warc.gz whose last gzip member is
cut off, the caller passes what inflated and ``gzip_cut``: the whole records are kept and the cut
tail is rejected as "record N: truncated gzip member". A WARC that yields nothing at all (no
HTML response in it) is rejected with "no HTML response records in the WARC", so that the file
is never silently without an outcome.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from wiretrace.ingest.formats.common import (
    Rejected,
    check_html,
    check_text_length,
    declared_charset,
    decode_text,
    human_bytes,
)
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_NO_HTML = "no HTML response records in the WARC"
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*\r?$", re.I | re.M)

# warcio logs odd target URIs; without a handler Python would print them to stderr. A
# NullHandler keeps them out of stderr and still lets them reach handlers an app configures.
logging.getLogger("warcio").addHandler(logging.NullHandler())


def _quiet_iterator(stream: io.BytesIO) -> Any:
    """warcio's ArchiveIterator, minus the warning it writes to stderr for a record whose
    Content-Length is wrong (readers never print)."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty_size = 0
            first_line = True
            while True:
                line = self.reader.readline()
                if len(line) == 0:
                    return None, empty_size
                if len(line.rstrip()) == 0 or first_line:
                    empty_size += len(line)
                    if len(line.rstrip()) != 0:
                        self.err_count += 1
                    first_line = False
                    continue
                return line, empty_size

    return QuietArchiveIterator(stream, arc2warc=False)


def read_warc(
    data: bytes, source: str, settings: Settings, *, gzip_cut: bool = False
) -> Iterator[Document | Rejection]:
    """``data`` is the uncompressed WARC (gzip was inflated, under the cap, by the caller);
    ``gzip_cut``: the gzip stream it came from ended inside a member."""
    from warcio.exceptions import ArchiveLoadFailed

    if not data.lstrip()[:5] == b"WARC/":
        raise Rejected("not a WARC file: it does not start with a WARC/ version line")
    cut_reason = "truncated gzip member" if gzip_cut else "truncated WARC record"
    archive = _quiet_iterator(io.BytesIO(data))
    records = iter(archive)
    number = 0
    outcomes = 0  # documents and rejections yielded
    cut_seen = False
    failure: Exception | None = None
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio fails in many ways on a cut or broken header block
            failure = exc
            break
        number += 1
        item: Document | Rejection | None = None
        if _is_html_response(record):
            try:
                item = _document(record, source, f"record {number}", settings)
            except Rejected as exc:
                item = Rejection(source, f"record {number}: {exc.reason}")
        if _is_cut(record):
            cut_seen = True
            item = Rejection(source, f"record {number}: {cut_reason}")
        if item is not None:
            outcomes += 1
            yield item
    leftover = data[archive.offset :] if isinstance(archive.offset, int) else b""
    if failure is not None or leftover.strip():
        # something after the last whole record could not be read as a record
        if gzip_cut or _tail_cut(leftover):
            if not cut_seen:
                cut_seen = True
                outcomes += 1
                yield Rejection(source, f"record {number + 1}: {cut_reason}")
        elif isinstance(failure, ArchiveLoadFailed):
            text = str(failure).strip()
            msg = text.splitlines()[0] if text else "unreadable"
            if number == 0:
                raise Rejected(f"not a WARC file: {msg}")
            raise Rejected(f"broken WARC after record {number}: {msg}")
        elif isinstance(failure, ValueError | EOFError | OSError):
            raise Rejected(f"broken WARC after record {number}: {failure}")
        elif failure is not None:
            raise failure
    if gzip_cut and not cut_seen:  # the cut fell between records: the next one is missing
        outcomes += 1
        yield Rejection(source, f"record {number + 1}: {cut_reason}")
    if number == 0 and outcomes == 0:
        raise Rejected("empty file")
    if outcomes == 0:
        raise Rejected(_NO_HTML)


def _is_cut(record: Any) -> bool:
    """The file ended inside this record: its Content-Length promises more than was left (or
    its header block ended before a Content-Length, which every WARC record has)."""
    from warcio.limitreader import LimitReader

    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return True
    stream = record.raw_stream
    while stream.read(1 << 16):  # what the reader did not need: read to the record's end
        pass
    return isinstance(stream, LimitReader) and stream.limit > 0


def _tail_cut(leftover: bytes) -> bool:
    """Unparsed bytes at the end are a record the file ends inside of: its header block never
    ends, or has no Content-Length, or the bytes after it are fewer than it says."""
    for blank in (b"\r\n\r\n", b"\n\n"):
        head, sep, body = leftover.partition(blank)
        if sep:
            length = _CONTENT_LENGTH.search(head)
            return length is None or len(body) < int(length.group(1))
    return True


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.split(";")[0].strip() in _HTML_TYPES


def _document(record: Any, source: str, where: str, settings: Settings) -> Document:
    limit = settings.max_inflated_bytes
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise Rejected(f"response body larger than {human_bytes(limit)}")
    if not body.strip():
        raise Rejected("empty document: no text")
    check_text_length(body, settings, html=True)  # before decoding what is surely too long
    header = record.http_headers.get_header("Content-Type")
    html = decode_text(body, declared=declared_charset(body, header), markup=True)
    check_html(html, settings)
    return Document(
        source=source,
        format="warc",
        html=html,
        url=record.rec_headers.get_header("WARC-Target-URI") or None,
        published=record.rec_headers.get_header("WARC-Date") or None,
        locator=where,
    )
