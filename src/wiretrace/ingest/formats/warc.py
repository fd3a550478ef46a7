"""WARC files through warcio: HTML responses with status 200 become documents.

Other records (warcinfo, requests, metadata, redirects, images, ...) are skipped silently: they
are not articles and nothing is wrong with them. Records are numbered from 1 in file order.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from wiretrace.ingest.formats.common import (
    Rejected,
    check_html,
    declared_charset,
    decode_text,
    human_bytes,
)
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")

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


def read_warc(data: bytes, source: str, settings: Settings) -> Iterator[Document | Rejection]:
    """``data`` is the uncompressed WARC (gzip was inflated, under the cap, by the caller)."""
    from warcio.exceptions import ArchiveLoadFailed

    if not data.lstrip()[:5] == b"WARC/":
        raise Rejected("not a WARC file: it does not start with a WARC/ version line")
    number = 0
    found_any = False
    try:
        for record in _quiet_iterator(io.BytesIO(data)):
            number += 1
            found_any = True
            if not _is_html_response(record):
                continue
            try:
                yield _document(record, source, f"record {number}", settings)
            except Rejected as exc:
                yield Rejection(source, f"record {number}: {exc.reason}")
    except ArchiveLoadFailed as exc:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable"
        if not found_any:
            raise Rejected(f"not a WARC file: {msg}") from None
        raise Rejected(f"broken WARC after record {number}: {msg}") from None
    except (ValueError, EOFError, OSError) as exc:
        raise Rejected(f"broken WARC after record {number}: {exc}") from None
    if not found_any:
        raise Rejected("empty file")


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
