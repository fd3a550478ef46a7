"""JSON Lines, JSON and CSV/TSV: many items per file, each with ``text`` or ``html``. Which
column holds which field is recognised from common names (``ingest.tabular``).

A broken item (a bad JSON line, a row without text) rejects only that item; the reason names
where it is ("line 3: ...", "row 5: ...", "item 2: ..."). Items are numbered from 1; CSV rows are
numbered as a spreadsheet shows them (the header is row 1).

An item whose ``text`` is longer than ``max_item_chars`` is not an article: it is rejected as
"item longer than N characters" (``html``: 5x that, for the markup). A JSON line longer than the
HTML cap is rejected so before it is parsed: no item on it could be used.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from wiretrace.ingest.formats.common import (
    Rejected,
    check_html,
    check_text_length,
    decode_text,
    human_bytes,
    max_html_chars,
)
from wiretrace.ingest.tabular import (
    ColumnMap,
    column_key,
    iso_date,
    site_name,
    split_paragraphs,
)
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

__all__ = ["item_document", "read_csv", "read_json", "read_jsonl", "read_jsonl_stream"]

def item_document(
    item: Mapping[str, Any],
    source: str,
    fmt: str,
    locator: str | None,
    settings: Settings,
    columns: ColumnMap | None = None,
) -> Document:
    """One JSON object or CSV row -> Document; raise ``Rejected`` when it has no usable text.

    Fields are read from the columns ``columns`` names (by default recognised from the item's
    own keys and ``settings.column_map``; see ``ingest.tabular``). An id column becomes the
    locator in place of ``locator`` (the row or line). When both ``text`` and ``html`` are given,
    ``text`` wins: it is what the user says the article is, and extraction from the page could
    only lose or add to it.
    """
    if columns is None:
        columns = ColumnMap.for_columns(item.keys(), settings.column_map)
    fields = columns.fields(item)
    text = _content(fields, "text", columns)
    html = None if text is not None else _content(fields, "html", columns)
    if text is None and html is None:
        if "text" in fields or "html" in fields:
            raise Rejected("empty document: no text")
        raise Rejected("missing field: text or html" + _column_hint(item))
    if text is not None:
        check_text_length(text, settings, what="item")
        text = split_paragraphs(text, settings.paragraph_separator)
    if html is not None:
        check_html(html, settings)
    optional = {name: _scalar(fields.get(name)) for name in _OPTIONAL}
    if optional["published"] is not None:
        optional["published"] = iso_date(optional["published"])
    if optional["site"] is not None:
        optional["site"] = site_name(optional["site"])
    key = _scalar(fields.get("locator"))
    if key is not None:
        locator = f"{columns.get('locator')} {key}"
    return Document(source=source, format=fmt, html=html, text=text, locator=locator, **optional)


_OPTIONAL = ("title", "url", "published", "site", "byline", "language")


def _column_hint(item: Mapping[str, Any]) -> str:
    keys = [k for k in item if isinstance(k, str)][:8]
    return f" (columns: {', '.join(keys)}; name the text column with --map text=COLUMN)"


def _content(fields: Mapping[str, Any], name: str, columns: ColumnMap) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        column = columns.get(name)
        label = name if column == name else f"{name} (column {column})"
        raise Rejected(f"field {label} must be a string, not {_json_type(value)}")
    return value if value.strip() else None


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


def _one(item: Any, source: str, fmt: str, where: str, settings: Settings) -> Document | Rejection:
    prefix = f"{where}: " if where else ""
    if not isinstance(item, dict):
        return Rejection(source, f"{prefix}not a JSON object but {_json_type(item)}")
    try:
        return item_document(item, source, fmt, where or None, settings)
    except Rejected as exc:
        return Rejection(source, prefix + exc.reason)


def _lines_to_items(
    lines: Iterable[tuple[int, str | None]], source: str, settings: Settings
) -> Iterator[Document | Rejection]:
    """``line`` None means the line was too long to read (it was skipped, not kept)."""
    seen = False
    line_cap = max_html_chars(settings)
    for number, line in lines:
        if line is None:
            seen = True
            if line_cap < settings.max_file_bytes:
                yield Rejection(source, _too_long(number, settings))
            else:
                limit = human_bytes(settings.max_file_bytes)
                yield Rejection(source, f"line {number} longer than {limit}")
            continue
        if not line.strip():
            continue
        seen = True
        if len(line) - line.endswith("\n") > line_cap:  # no json.loads: seconds and GBs
            yield Rejection(source, _too_long(number, settings))
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(source, f"invalid JSON on line {number}: {exc.msg}")
            continue
        except RecursionError:
            yield Rejection(source, f"invalid JSON on line {number}: nested too deeply")
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits (int's own cap)
            yield Rejection(source, f"line {number}: {_number_reason(exc)}")
            continue
        yield _one(item, source, "jsonl", f"line {number}", settings)
    if not seen:
        yield Rejection(source, "empty file")


def _number_reason(exc: ValueError) -> str:
    if "integer string conversion" in str(exc):
        return "invalid JSON: a number with more than 4,300 digits"
    return f"invalid JSON: {exc}"[:300]


def _too_long(number: int, settings: Settings) -> str:
    return f"line {number}: item longer than {settings.max_item_chars:,} characters"


def read_jsonl(data: bytes, source: str, settings: Settings) -> Iterator[Document | Rejection]:
    text = decode_text(data)
    yield from _lines_to_items(enumerate(text.splitlines(), start=1), source, settings)


def read_jsonl_stream(
    stream: TextIO, source: str, settings: Settings
) -> Iterator[Document | Rejection]:
    """JSON Lines from a text stream (stdin); no line is read past ``max_file_bytes`` or the
    longest an item may be, whichever is smaller."""
    limit = min(settings.max_file_bytes, max_html_chars(settings))

    def lines() -> Iterator[tuple[int, str | None]]:
        number = 0
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while True:  # skip the rest of the long line without keeping it
                    more = stream.readline(1 << 16)
                    if not more or more.endswith("\n"):
                        break
                yield number, None
            else:
                yield number, line

    try:
        for doc in _lines_to_items(lines(), source, settings):
            if isinstance(doc, Rejection) and doc.reason == "empty file":
                doc = Rejection(source, "empty input")
            yield doc
    except UnicodeDecodeError as exc:
        yield Rejection(source, f"input is not valid text: {exc.reason}")


def read_json(data: bytes, source: str, settings: Settings) -> Iterator[Document | Rejection]:
    """A JSON array of objects, a single object, or an object holding one array of objects."""
    text = decode_text(data)
    if not text.strip():
        raise Rejected("empty file")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            # JSON Lines saved as .json: read it as what it is
            yield from _lines_to_items(enumerate(text.splitlines(), start=1), source, settings)
            return
        raise Rejected(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise Rejected("invalid JSON: nested too deeply") from None
    except ValueError as exc:
        raise Rejected(_number_reason(exc)) from None
    if isinstance(value, dict) and "text" not in value and "html" not in value:
        lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            value = lists[0]
    if isinstance(value, dict):
        yield _one(value, source, "json", "", settings)
    elif isinstance(value, list):
        if not value:
            raise Rejected("empty JSON array")
        for number, item in enumerate(value, start=1):
            yield _one(item, source, "json", f"item {number}", settings)
    else:
        raise Rejected(f"JSON holds {_json_type(value)}, not an object or an array of objects")


def read_csv(
    data: bytes, source: str, settings: Settings, delimiter: str
) -> Iterator[Document | Rejection]:
    text = decode_text(data)
    if not text.strip():
        raise Rejected("empty file")
    if csv.field_size_limit() < settings.max_inflated_bytes:
        csv.field_size_limit(settings.max_inflated_bytes)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    fmt = "tsv" if delimiter == "\t" else "csv"
    try:
        header = next(reader)
    except csv.Error as exc:
        raise Rejected(f"CSV error in the header: {exc}") from None
    names = [column_key(h) for h in header]
    columns = ColumnMap.for_columns(names, settings.column_map)
    if missing := columns.missing(names):
        raise Rejected(
            f"{fmt.upper()} header has no column {', '.join(missing)} (columns: "
            f"{', '.join(n for n in names if n)})"
        )
    if columns.get("text") is None and columns.get("html") is None:
        raise Rejected(
            f"{fmt.upper()} header has no text or html column (columns: "
            f"{', '.join(n for n in names if n)[:200]}; name it with --map text=COLUMN)"
        )
    row_number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise Rejected(f"CSV error after row {row_number}: {exc}") from None
        row_number += 1
        if not any(cell.strip() for cell in row):
            continue
        item = {name: value for name, value in zip(names, row, strict=False) if name}
        try:
            yield item_document(item, source, fmt, f"row {row_number}", settings, columns)
        except Rejected as exc:
            yield Rejection(source, f"row {row_number}: {exc.reason}")
    if row_number == 1:
        raise Rejected(f"{fmt.upper()} file has a header but no rows")
