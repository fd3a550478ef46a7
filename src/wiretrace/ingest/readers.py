"""Input readers: paths (files, folders, ``-`` for stdin) -> ``Document`` or ``Rejection``.

``iter_documents`` never raises for bad input and never prints: every file or item it cannot use
comes out as a ``Rejection(source, reason)`` with a short reason a person can act on.

Formats, by extension and else by sniffing the first bytes (gzip is recognised by its magic
bytes and inflated, under ``max_inflated_bytes``, before the inner format is chosen):

=================  ==================================  =======================================
format             extensions                          Document
=================  ==================================  =======================================
``html``           .html .htm .xhtml (.gz)             ``html``
``text``           .txt .text                          ``title`` (first line), ``text``
``markdown``       .md .markdown                       same, ``#`` stripped, front matter read
``jsonl``          .jsonl .ndjson, and ``-`` (stdin)   one per line, ``locator="line N"``
``json``           .json                               array of objects or one object
``csv``/``tsv``    .csv .tsv                           one per row, ``locator="row N"``
``feed``           .xml .rss .atom .rdf                entries with article-length content
``feed-link``      (feeds)                             ``url`` and ``title`` only: never fetched
``warc``           .warc .warc.gz                      200 HTML responses, ``locator="record N"``
=================  ==================================  =======================================

A gzip stream cut off inside a member rejects the file ("truncated gzip"), except a WARC: its
whole records are kept and the cut one is rejected ("record N: truncated gzip member").

Consumers should branch on ``doc.html`` / ``doc.text`` (exactly one is set, except for
``feed-link`` documents where neither is), not on ``doc.format``.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from wiretrace.ingest.formats.common import (
    Rejected,
    bom_encoding,
    gunzip_keeping_whole,
    human_bytes,
    is_binary,
    is_gzip,
    read_bounded,
)
from wiretrace.ingest.formats.feed import read_feed
from wiretrace.ingest.formats.structured import read_csv, read_json, read_jsonl, read_jsonl_stream
from wiretrace.ingest.formats.text import read_html, read_plain
from wiretrace.ingest.formats.warc import read_warc
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

__all__ = ["iter_documents"]

FORMATS_BY_EXTENSION: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".warc": "warc",
}

# Files a crawl or a website folder holds that are never articles: rejected unread, with a reason.
_NOT_ARTICLES = frozenset(
    ".css .js .mjs .map .png .jpg .jpeg .gif .webp .avif .svg .ico .bmp .tif .tiff .pdf .doc "
    ".docx .xls .xlsx .ppt .pptx .odt .zip .tar .tgz .bz2 .xz .7z .rar .woff .woff2 .ttf .otf "
    ".eot .mp3 .mp4 .m4a .wav .ogg .webm .avi .mov .exe .dll .so .pyc .db .sqlite .parquet".split()
)


def iter_documents(
    paths: Iterable[str], settings: Settings, stdin: TextIO | None = None
) -> Iterator[Document | Rejection]:
    """Yield a ``Document`` for every usable input item and a ``Rejection`` for every other.

    Each path is a file, a folder (walked recursively in sorted order; hidden files and folders
    skipped; symlinks followed only when they stay inside the folder) or ``-`` for JSON Lines on
    ``stdin`` (default ``sys.stdin``). ``Document.source`` is the path as given, or for a file
    inside a folder the folder path as given joined with the file's relative path.
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from read_jsonl_stream(stream, "-", settings)
            continue
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield Rejection(path, _missing(path))
            continue
        except OSError as exc:
            yield Rejection(path, _os_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, settings)
        else:
            yield from read_file(path, settings)


def read_file(
    path: str, settings: Settings, *, listed: bool = False
) -> Iterator[Document | Rejection]:
    """Every item of one file. ``listed``: the file came from a folder listing (so if it is
    gone now, it vanished)."""
    try:
        yield from _read_file(path, settings)
    except Rejected as exc:
        yield Rejection(path, exc.reason)
    except FileNotFoundError:
        yield Rejection(path, "file vanished before it was read" if listed else _missing(path))
    except OSError as exc:
        yield Rejection(path, _os_reason(exc))
    except RecursionError:
        yield Rejection(path, "input nested too deeply to read")
    except Exception as exc:  # a parser library failed on odd input: reject, never crash a batch
        yield Rejection(path, f"unreadable: {type(exc).__name__}: {exc}"[:300])


def _read_file(path: str, settings: Settings) -> Iterator[Document | Rejection]:
    name = os.path.basename(path).lower()
    if not stat.S_ISREG(os.stat(path).st_mode):  # before open(): a FIFO would block it
        raise Rejected("not a regular file")
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size > settings.max_file_bytes:
            raise Rejected(f"file larger than {human_bytes(settings.max_file_bytes)}")
        head = handle.read(2)
        handle.seek(0)
        cut = False  # a gzip stream that ends inside a member
        if is_gzip(head):
            data, cut = gunzip_keeping_whole(handle, settings)
        else:
            data = read_bounded(handle, settings.max_file_bytes)
    if name.endswith(".gz"):
        name = name[:-3]
    known = FORMATS_BY_EXTENSION.get(os.path.splitext(name)[1])
    if cut:
        # only a WARC keeps what came before the cut: whole records, each an item of its own
        is_warc = known == "warc" or (known is None and data.startswith(b"WARC/"))
        if not is_warc or not data.lstrip().startswith(b"WARC/"):
            raise Rejected("truncated gzip")
        yield from read_warc(data, path, settings, gzip_cut=True)
        return
    if not data.strip():
        raise Rejected("empty file")
    fmt = known or sniff(data)
    yield from _parse(fmt, data, path, settings)


def _parse(
    fmt: str, data: bytes, source: str, settings: Settings
) -> Iterator[Document | Rejection]:
    if fmt == "html":
        yield from read_html(data, source, settings)
    elif fmt in ("text", "markdown"):
        yield from read_plain(data, source, settings, fmt)
    elif fmt == "jsonl":
        yield from read_jsonl(data, source, settings)
    elif fmt == "json":
        yield from read_json(data, source, settings)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(data, source, settings, "\t" if fmt == "tsv" else ",")
    elif fmt == "feed":
        yield from read_feed(data, source, settings)
    elif fmt == "warc":
        yield from read_warc(data, source, settings)
    else:  # pragma: no cover - sniff() only returns the formats above
        raise Rejected(f"unsupported format: {fmt}")


def sniff(data: bytes) -> str:
    """Guess the format of a file whose extension says nothing, from its first bytes."""
    if data.startswith(b"WARC/"):
        return "warc"
    if is_binary(data):
        raise Rejected("binary data, not text")
    bom = bom_encoding(data)
    head_bytes = data[:4096]
    if bom is not None:
        name, size = bom
        head = head_bytes[size:].decode(name, "ignore")
    else:
        head = head_bytes.decode("latin-1")
    head = head.lstrip().lower()
    if head.startswith("<"):
        if any(marker in head for marker in ("<rss", "<feed", "<rdf:rdf")):
            return "feed"
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first, _, rest = head.partition("\n")
        return "jsonl" if rest.lstrip().startswith("{") else "json"
    if any(marker in head for marker in ("<html", "<body", "<p>", "<div", "<article")):
        return "html"
    return "text"


def _walk(folder: str, settings: Settings) -> Iterator[Document | Rejection]:
    """Every file under ``folder`` in sorted path order (files and subfolders interleaved by
    name, like ``find | sort``), hidden entries skipped, symlinks kept inside the folder."""
    root_real = os.path.realpath(folder)
    found = False
    for path, problem in _entries(folder):
        found = True
        if problem is not None:
            yield Rejection(path, problem)
        else:
            yield from _walk_entry(path, root_real, settings)
    if not found:
        yield Rejection(folder, "folder has no files")


def _entries(folder: str) -> Iterator[tuple[str, str | None]]:
    """(path, None) for each file, or (folder, reason) for a folder that cannot be listed.
    Iterative (a stack of listings, not recursion): a folder nested thousands deep is walked."""
    stack: list[Iterator[tuple[str, bool]]] = []
    listed = _listing(folder)
    if isinstance(listed, str):
        yield folder, listed
        return
    stack.append(iter(listed))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        full, is_dir = entry
        if not is_dir:
            yield full, None
            continue
        listed = _listing(full)
        if isinstance(listed, str):
            yield full, listed
        else:
            stack.append(iter(listed))


def _listing(folder: str) -> list[tuple[str, bool]] | str:
    """The visible entries of a folder in name order as (path, is a folder), or why it cannot be
    listed."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e.name, e.is_dir(follow_symlinks=False)) for e in listing)
    except OSError as exc:
        return _os_reason(exc)
    return [(os.path.join(folder, name), is_dir) for name, is_dir in entries
            if not name.startswith(".")]


def _walk_entry(full: str, root_real: str, settings: Settings) -> Iterator[Document | Rejection]:
    if os.path.islink(full):
        target = os.path.realpath(full)
        if not os.path.exists(target):
            yield Rejection(full, "broken symlink")
            return
        if os.path.isdir(target):
            yield Rejection(full, "symlinked folder, not followed")
            return
        if os.path.commonpath([root_real, target]) != root_real:
            yield Rejection(full, "symlink points outside the folder, not followed")
            return
    ext = _extension(os.path.basename(full))
    if ext in _NOT_ARTICLES:
        yield Rejection(full, f"unsupported file type: {ext}")
        return
    yield from read_file(full, settings, listed=True)


def _extension(filename: str) -> str:
    name = filename.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _missing(path: str) -> str:
    return "broken symlink" if os.path.islink(path) else "no such file or folder"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read file: {exc.strerror or exc}"
