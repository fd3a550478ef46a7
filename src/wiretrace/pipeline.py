"""The pipeline: ingest -> clean -> sketch -> cluster -> align -> trace -> claims -> compare.

Each function here takes a ``Store`` and a ``Settings``, runs one stage's pure functions over the
stored records and writes the results back; the CLI and the web app call these and nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TextIO

from wiretrace.errors import InputError
from wiretrace.ingest.fetch import FetchPolicy
from wiretrace.model import Article, Document, Rejection
from wiretrace.settings import Settings
from wiretrace.store import Store

__all__ = ["IngestReport", "ingest", "extract_documents", "Progress"]

Progress = Callable[[int, str], None]
"""Called with (items done so far, label of the current item)."""

_BATCH = 64  # articles written per transaction


@dataclass(slots=True)
class IngestReport:
    added: list[int] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    links: int = 0

    @property
    def seen(self) -> int:
        return len(self.added) + self.duplicates + len(self.rejected)


def _label(doc: Document) -> str:
    return doc.source if not doc.locator else f"{doc.source} ({doc.locator})"


def _extract_one(args: tuple[Document, Settings]) -> Article | Rejection:
    from wiretrace.ingest.extract import document_to_article

    doc, settings = args
    try:
        article = document_to_article(doc, settings)
    except InputError as exc:
        return Rejection(_label(doc), str(exc))
    except RecursionError:
        return Rejection(_label(doc), "HTML nested too deeply to parse")
    except Exception as exc:  # an extractor bug must not stop the batch; keep the reason
        return Rejection(_label(doc), f"extraction failed: {type(exc).__name__}: {exc}")
    return article


def _workers(settings: Settings) -> int:
    return settings.workers if settings.workers > 0 else (os.cpu_count() or 1)


def extract_documents(
    items: Iterable[Document | Rejection], settings: Settings
) -> Iterator[Document | Article | Rejection]:
    """Turn reader output into articles, in input order. Link-only feed entries pass through as
    documents. Extraction runs on all cores once the input is large enough to pay for a pool."""
    pool: ProcessPoolExecutor | None = None
    window: list[Document] = []
    workers = _workers(settings)
    seen = 0

    def flush() -> Iterator[Article | Rejection]:
        nonlocal pool
        if not window:
            return
        jobs = [(d, settings) for d in window]
        if pool is None and workers > 1 and seen > 8:
            pool = ProcessPoolExecutor(max_workers=workers)
        if pool is not None:
            yield from pool.map(_extract_one, jobs, chunksize=4)
        else:
            yield from map(_extract_one, jobs)
        window.clear()

    try:
        for item in items:
            if isinstance(item, Rejection):
                yield from flush()
                yield item
                continue
            if item.html is None and item.text is None:
                yield from flush()
                yield item
                continue
            seen += 1
            window.append(item)
            if len(window) >= 32:
                yield from flush()
        yield from flush()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _fetch_and_extract(
    doc: Document, policy: FetchPolicy, settings: Settings
) -> Article | Rejection:
    from wiretrace.ingest.fetch import fetch

    assert doc.url is not None
    try:
        html = fetch(doc.url, policy)
    except InputError as exc:
        return Rejection(doc.url, str(exc))
    page = Document(
        source=doc.url,
        format="html",
        html=html,
        title=doc.title,
        url=doc.url,
        published=doc.published,
        site=doc.site,
    )
    return _extract_one((page, settings))


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    progress: Progress | None = None,
    stdin: TextIO | None = None,
    fetch: FetchPolicy | None = None,
) -> IngestReport:
    """Read, extract, clean and store every article under ``paths``. Bad inputs are rejected with
    a reason (recorded in the store) and never stop the batch; articles already stored (same
    content) are counted as duplicates and stored once. Feed entries with only a link are
    recorded; with a ``fetch`` policy their pages are fetched (within its caps) and ingested."""
    from wiretrace.ingest.readers import iter_documents

    report = IngestReport()
    pending: list[Article] = []
    rejected: list[Rejection] = []
    shas: set[str] = set()

    def commit() -> None:
        if pending:
            ids, dups = store.add_articles(pending)
            report.added.extend(ids)
            report.duplicates += dups
            pending.clear()
        if rejected:
            store.add_rejections(rejected)
            report.rejected.extend(rejected)
            rejected.clear()

    done = 0
    for item in extract_documents(iter_documents(paths, settings, stdin=stdin), settings):
        done += 1
        if isinstance(item, Rejection):
            rejected.append(item)
            label = item.source
        elif isinstance(item, Document):
            if item.url:
                report.links += store.add_links(
                    [(item.url, item.source, item.title, item.published)]
                )
            label = item.url or item.source
            if fetch is not None and item.url:
                fetched = _fetch_and_extract(item, fetch, settings)
                if isinstance(fetched, Rejection):
                    rejected.append(fetched)
                elif fetched.sha not in shas:
                    shas.add(fetched.sha)
                    pending.append(fetched)
        else:
            label = item.source
            if item.sha in shas:
                report.duplicates += 1
            else:
                shas.add(item.sha)
                pending.append(item)
        if len(pending) >= _BATCH or len(rejected) >= _BATCH:
            commit()
        if progress is not None:
            progress(done, label)
    commit()
    return report
