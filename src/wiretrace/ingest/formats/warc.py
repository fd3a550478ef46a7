"""WARC files through warcio: HTML responses with status 200 become documents.

Other records (warcinfo, requests, metadata, redirects, images, ...) are skipped silently: they
are not articles and nothing is wrong with them. Records are numbered from 1 in file order.
"""

from __future__ import annotations

import io
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


def read_warc(data: bytes, source: str, settings: Settings) -> Iterator[Document | Rejection]:
    """``data`` is the uncompressed WARC (gzip was inflated, under the cap, by the caller)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    found_any = False
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
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
