"""The pipeline: ingest -> clean -> sketch -> cluster -> align -> trace -> claims -> compare.

Each function here takes a ``Store`` and a ``Settings``, runs one stage's pure functions over the
stored records and writes the results back; the CLI and the web app call these and nothing else.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from wiretrace.backends.lifeline import worker_pool
from wiretrace.errors import InputError
from wiretrace.ingest.fetch import FetchPolicy
from wiretrace.model import (
    Alignment,
    Article,
    Change,
    Claim,
    Derivation,
    Document,
    Fact,
    Rejection,
)
from wiretrace.settings import Settings
from wiretrace.store import Store

if TYPE_CHECKING:
    from wiretrace.cluster import StoryEdge

__all__ = [
    "ClusterReport",
    "IngestReport",
    "Progress",
    "StoryAnalysis",
    "analyse",
    "analyse_story",
    "cluster",
    "extract_documents",
    "ingest",
]

Progress = Callable[[int, str], None]
"""Called with (items done so far, label of the current item)."""

_BATCH = 64  # articles written per transaction


@dataclass(slots=True)
class IngestReport:
    added: list[int] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    links: int = 0
    # rejections past Settings.max_rejections_per_source, by source: counted, not listed (one
    # line in ``rejected`` says how many)
    unlisted: dict[str, int] = field(default_factory=dict)

    @property
    def rejections(self) -> int:
        """Every rejection, listed or not."""
        return len(self.rejected) - len(self.unlisted) + sum(self.unlisted.values())

    @property
    def seen(self) -> int:
        return len(self.added) + self.duplicates + self.rejections


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
            pool = worker_pool(workers)
        if pool is not None:
            yield from pool.map(_extract_one, jobs, chunksize=4)
        else:
            yield from map(_extract_one, jobs)
        window.clear()

    from wiretrace.ingest.sanitize import sanitize_item

    try:
        for item in map(sanitize_item, items):
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
    from wiretrace.ingest.sanitize import sanitize_rejection

    report = IngestReport()
    pending: list[Article] = []
    rejected: list[Rejection] = []
    shas: set[str] = set()
    per_source: Counter[str] = Counter()

    def commit() -> None:
        if pending:
            ids, dups, unwritable = store.add_articles_salvaging(pending)
            report.added.extend(ids)
            report.duplicates += dups
            rejected.extend(unwritable)
            pending.clear()
        if rejected:
            listed = []
            for r in map(sanitize_rejection, rejected):
                if per_source[r.source] < settings.max_rejections_per_source:
                    per_source[r.source] += 1
                    listed.append(r)
                else:  # a flood from one source (200 MB of non-JSON on stdin): counted
                    report.unlisted[r.source] = report.unlisted.get(r.source, 0) + 1
            store.add_rejections(listed)
            report.rejected.extend(listed)
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
    if report.unlisted:
        summaries = [Rejection(source, f"{n:,} more items rejected, not listed one by one (the "
                               f"first {settings.max_rejections_per_source:,} are)")
                     for source, n in report.unlisted.items()]
        store.add_rejections(summaries)
        report.rejected.extend(summaries)
    return report


# ------------------------------------------------------------------------------------ cluster
_STATE_KEY = "cluster_state"


@dataclass(slots=True)
class ClusterReport:
    articles: int
    new: int
    stories: int
    near_duplicate_pairs: int
    groups: int
    incremental: bool


def story_title(articles: Sequence[Article]) -> str:
    """A story is named by the headline of its most representative article
    (``cluster.headline``; the earliest on a tie, else the first words)."""
    from wiretrace.cluster.headline import story_headline

    return story_headline(articles)


def cluster(
    store: Store,
    settings: Settings,
    backend: str = "local",
    scheduler: str | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> ClusterReport:
    """Group the stored articles into near-duplicate groups and stories. Articles added since the
    last run are assigned incrementally (the result equals a full re-cluster); ``full`` starts
    over. The result is written in one transaction."""
    from wiretrace import cluster as clustering

    blob = None if full else store.get_state(_STATE_KEY)
    state = None
    fresh = clustering.empty_state(settings)
    if blob is not None:
        try:
            state = clustering.ClusterState.from_bytes(blob)
        except ValueError:
            state = None  # saved by an older wiretrace: start over
        if state is not None and (
            fresh.params != state.params
            or not fresh.signatures.compatible(state.signatures)
        ):
            state = None  # settings or the MinHash library changed: start over
    known = set(state.ids) if state is not None else set()
    # read from the store as the sketch stage consumes them: texts are never all in memory
    items = (clustering.ClusterItem(a.id or 0, a.text, a.title, a.published)
             for a in store.iter_articles() if a.id not in known)
    result = clustering.assign(fresh if state is None else state, items, settings,
                               backend=backend, scheduler=scheduler, progress=progress)

    titles: list[tuple[str, list[int]]] = []
    for members in result.stories:
        titles.append((story_title(store.articles(members)), members))
    signatures = []
    for row in range(len(result.signatures)):
        rec = result.signatures.record(row)
        signatures.append((rec["article"], rec["algorithm"], rec["rensa_version"],
                           rec["num_perm"], rec["shingle_size"], rec["digest"]))
    store.replace_clustering(
        titles,
        [(d.a, d.b, d.jaccard, d.containment_ab, d.containment_ba) for d in result.near_duplicates],
        [(e.a, e.b, e.score, _edge_evidence(e)) for e in result.story_edges],
        signatures=signatures,  # type: ignore[arg-type]
        state={_STATE_KEY: result.state.to_bytes()},
    )
    return ClusterReport(
        articles=len(result.state.ids), new=len(result.signatures), stories=len(result.stories),
        near_duplicate_pairs=len(result.near_duplicates), groups=len(result.groups),
        incremental=state is not None,
    )


def _edge_evidence(edge: StoryEdge) -> str:
    """Why two articles are in one story, as stored JSON: the signals and what they share."""
    return json.dumps({
        "signals": list(edge.signals),
        "words": round(edge.words, 4),
        "anchors": round(edge.anchors, 4),
        "date_factor": round(edge.date_factor, 4),
        "shared": list(edge.shared),
    })


# ------------------------------------------------------------------- align, trace, claims
@dataclass(slots=True)
class StoryAnalysis:
    """What the per-story stages found for one story."""

    story: int
    alignments: list[Alignment]
    derivations: list[Derivation]
    claims: list[Claim] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def candidate_pairs(articles: Sequence[Article], limit: int = 40) -> list[tuple[int, int]]:
    """Index pairs worth aligning. Small stories: every pair. Large ones: each article with the
    ``limit`` articles nearest to it in length-normalised word overlap, so the work stays linear
    in the story size."""
    n = len(articles)
    if n <= limit + 1:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    vocab = [set(a.text.lower().split()) for a in articles]
    pairs: set[tuple[int, int]] = set()
    for i in range(n):
        scored = sorted(
            ((len(vocab[i] & vocab[j]) / (1 + min(len(vocab[i]), len(vocab[j]))), j)
             for j in range(n) if j != i),
            reverse=True,
        )
        for _, j in scored[:limit]:
            pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def analyse_story(story_id: int, articles: Sequence[Article], settings: Settings) -> StoryAnalysis:
    """Align, trace, extract claims, compare and write the brief for one story (pure)."""
    from wiretrace.claims import brief, compare_story, extract_claims
    from wiretrace.trace.align import align_articles, embed_sentences
    from wiretrace.trace.bounds import bounded_articles
    from wiretrace.trace.derivation import trace_story

    arts, cut = bounded_articles(articles, settings.max_compare_chars)
    pairs = candidate_pairs(arts)
    embed_sentences((arts[k].text for pair in pairs for k in pair), settings)
    alignments = [align_articles(arts[i], arts[j], settings) for i, j in pairs]
    derivations = trace_story(arts, alignments, settings)
    for d in derivations:  # a text cut to the work bound says so in its evidence
        if d.article in cut:
            d.evidence.append(cut[d.article])
    claims = [c for a in arts for c in extract_claims(a)]
    changes = compare_story(arts, alignments, derivations, settings)
    facts = brief(arts, claims, changes, derivations)
    # keep only alignments with something in them: they are what the report shows
    shown = [al for al in alignments if al.pairs]
    return StoryAnalysis(story_id, shown, derivations, claims, changes, facts)


def _analyse_job(args: tuple[int, list[Article], Settings]) -> StoryAnalysis:
    return analyse_story(*args)


def analyse(
    store: Store,
    settings: Settings,
    story_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> list[StoryAnalysis]:
    """Run the per-story stages over the stored stories (all, or ``story_ids``) on all cores and
    store each story's result in its own transaction."""
    stories = store.stories()
    if story_ids is not None:
        wanted = set(story_ids)
        stories = [s for s in stories if s.id in wanted]
    jobs = ((s.id, store.articles(s.articles), settings) for s in stories)
    # single-article stories need no pool; big corpora spread stories over the cores
    workers = _workers(settings)
    results: list[StoryAnalysis] = []
    pool = worker_pool(workers) if workers > 1 and len(stories) > 4 else None
    try:
        mapped = pool.map(_analyse_job, jobs, chunksize=1) if pool else map(_analyse_job, jobs)
        for done, result in enumerate(mapped, start=1):
            store.replace_story_analysis(
                result.story, result.alignments, result.derivations, result.claims,
                result.changes, result.facts,
                article_ids=[d.article for d in result.derivations],
            )
            results.append(result)
            if progress is not None:
                progress(done, f"story {result.story}")
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return results


# ------------------------------------------------------------------------------------ analyze
@dataclass(slots=True)
class AnalyzeReport:
    ingest: IngestReport
    cluster: ClusterReport
    stories: list[StoryAnalysis]

    @property
    def changes(self) -> int:
        return sum(len(s.changes) for s in self.stories)


def analyze(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    backend: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> AnalyzeReport:
    """All stages: ingest, clean, cluster, then align/trace/claims/compare for every story that
    gained articles (or has never been analysed)."""
    ingested = ingest(paths, store, settings, progress=progress)
    # a story is known by its first article; one whose members changed is analysed again
    before = {min(s.articles): set(s.articles) for s in store.stories() if s.articles}
    clustered = cluster(store, settings, backend=backend, scheduler=scheduler, progress=progress)
    analysed = {d.article for d in store.derivations()}
    todo = [
        s.id for s in store.stories()
        if set(s.articles) != before.get(min(s.articles), set())
        or not set(s.articles) <= analysed
    ]
    stories = analyse(store, settings, todo, progress=progress)
    return AnalyzeReport(ingested, clustered, stories)
