"""The clustering run behind ``wiretrace.cluster.cluster`` and ``assign`` (see the package)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import numpy as np

from wiretrace import memory
from wiretrace.backends.local import SketchBatch
from wiretrace.cluster.blocking import Blocking, blocking
from wiretrace.cluster.features import StoryFeatures, story_features
from wiretrace.cluster.incremental import ClusterParams, ClusterState
from wiretrace.cluster.items import ClusterItem
from wiretrace.cluster.lsh import band_keys, candidate_pairs
from wiretrace.cluster.minhash import Signatures
from wiretrace.cluster.near_duplicates import NearDuplicate, verify_pairs
from wiretrace.cluster.stories import StoryEdge, StoryGraph, stories_of, story_edges_for
from wiretrace.errors import InputError, WiretraceError
from wiretrace.settings import Settings

__all__ = ["ClusterResult", "assign", "cluster", "empty_state"]

log = logging.getLogger("wiretrace.cluster")


@dataclass(slots=True)
class ClusterResult:
    signatures: Signatures  # of the articles sketched in this call (``.record(row)``)
    near_duplicates: list[NearDuplicate]  # all pairs, sorted by (a, b)
    groups: list[list[int]]  # near-duplicate groups of 2+ articles
    stories: list[list[int]]  # every article is in exactly one story
    story_edges: list[StoryEdge]  # pairs >= story_threshold inside a story, with evidence
    state: ClusterState


Progress = Callable[[int, str], None]  # (count, what was done), as in ``pipeline``


class _StageClock:
    """Logs (debug, logger ``wiretrace.cluster``) the seconds and peak RSS of each stage, and
    reports each finished stage to ``progress``."""

    def __init__(self, progress: Progress | None) -> None:
        self.t = time.perf_counter()
        self.progress = progress

    def done(self, stage: str, count: int) -> None:
        memory.trim()
        if self.progress is not None:
            self.progress(count, stage)
        if log.isEnabledFor(logging.DEBUG):
            now = time.perf_counter()
            import resource  # POSIX only, and only needed to log

            # ru_maxrss is in KiB on Linux, in bytes on macOS
            unit = 2**30 if sys.platform == "darwin" else 2**20
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / unit
            log.debug("%s: %.1f s (%d), peak RSS of this process %.2f GB", stage,
                      now - self.t, count, peak)
        self.t = time.perf_counter()


def empty_state(settings: Settings) -> ClusterState:
    p = ClusterParams.of(settings)
    return ClusterState(p, Signatures.empty(p.num_perm, p.shingle_size, p.seed),
                        story_features([], []))


def cluster(
    items: Iterable[ClusterItem], settings: Settings, backend: str = "local",
    scheduler: str | None = None, progress: Progress | None = None,
) -> ClusterResult:
    """Near-duplicates and stories of ``items`` from scratch."""
    return assign(empty_state(settings), items, settings, backend, scheduler, progress)


def _story_text(item: ClusterItem) -> str:
    if item.title and not item.text.lstrip().startswith(item.title.strip()):
        return item.title + "\n" + item.text
    return item.text


def _batches(items: Iterable[ClusterItem], size: int, embed_into: list[np.ndarray] | None
             ) -> Iterator[SketchBatch]:
    """The items in batches of ``size`` (ids, texts, story texts or None, dates), consumed
    lazily; with ``embed_into``, each batch's story-text embeddings are appended to it."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        story = [_story_text(x) for x in chunk]
        if embed_into is not None:
            from wiretrace.cluster.semantic import embed

            embed_into.append(embed(story))
        texts = [x.text for x in chunk]
        yield ([x.id for x in chunk], texts,
               [None if st is t else st for st, t in zip(story, texts, strict=True)],
               [x.published for x in chunk])


def _sketch(items: Iterable[ClusterItem], p: ClusterParams, settings: Settings, backend: str,
            scheduler: str | None, progress: Progress | None = None
            ) -> tuple[Signatures, StoryFeatures, object]:
    from wiretrace.backends.local import BATCH

    embedded: list[np.ndarray] | None = [] if p.semantic else None
    batches = _batches(items, BATCH, embedded)
    on_batch = None if progress is None else (
        lambda done: progress(done, "articles sketched"))
    if backend == "local":
        from wiretrace.backends.local import sketch_and_features

        sigs, feats = sketch_and_features(batches, p.num_perm, p.shingle_size,
                                          settings.workers, p.seed, on_batch)
        run = None
    elif backend == "dask":
        from wiretrace.backends.dask import DaskRun

        run = DaskRun(scheduler, settings.workers)
        try:
            sigs, feats = run.sketch(batches, p, on_batch)
        except BaseException:
            run.close()
            raise
    else:
        raise WiretraceError(f"unknown backend {backend!r}; use 'local' or 'dask'")
    if embedded is not None:
        from wiretrace.cluster.semantic import embed

        feats.embeddings = np.concatenate(embedded) if embedded else embed([])
    return sigs, feats, run


def _drop_lost_candidates(graph: StoryGraph, blk: Blocking, ids: list[int]) -> None:
    """Remove the story edges of old pairs that shared only lists now over the cap."""
    if not len(blk.at_risk):
        return
    risky = [(a, b) for a, b in blk.at_risk.tolist()
             if (e := graph.edges.get((min(ids[a], ids[b]), max(ids[a], ids[b])))) is not None
             and not e.near_duplicate]
    if not risky:
        return
    keep = blk.still_candidates(np.asarray(risky, np.int64))
    for (a, b), ok in zip(risky, keep.tolist(), strict=True):
        if not ok:
            del graph.edges[(min(ids[a], ids[b]), max(ids[a], ids[b]))]


def assign(
    state: ClusterState, new_items: Iterable[ClusterItem], settings: Settings,
    backend: str = "local", scheduler: str | None = None, progress: Progress | None = None,
) -> ClusterResult:
    """Add ``new_items`` to ``state``; the result equals ``cluster`` over all items.
    ``progress(count, what)`` is told of each sketched batch and each finished stage."""
    p = ClusterParams.of(settings)
    if p != state.params:
        raise WiretraceError(
            f"cluster settings changed ({state.params} -> {p}); re-run cluster on all articles"
        )
    memory.fixed_mmap_threshold()
    clock = _StageClock(progress)
    new_sigs, new_feats, run = _sketch(new_items, p, settings, backend, scheduler, progress)
    clock.done("sketch and story features", len(new_sigs))
    new_ids = new_sigs.ids.tolist()
    if len(set(new_ids)) != len(new_ids) or set(state.ids).intersection(new_ids):
        if run is not None:
            run.close()  # type: ignore[attr-defined]
        raise InputError("article ids given to assign must be unique and not yet clustered")
    try:
        sigs = Signatures.concat([state.signatures, new_sigs])
        new = np.zeros(len(sigs), dtype=bool)
        new[len(state.signatures):] = True
        if run is not None:
            found = run.near_duplicates(sigs, new, p)  # type: ignore[attr-defined]
        else:
            pairs = candidate_pairs(band_keys(sigs.digests, p.lsh_bands), new)
            found = verify_pairs(sigs, pairs, p.near_duplicate_jaccard,
                                 p.near_duplicate_containment)
            del pairs
    finally:
        if run is not None:
            run.close()  # type: ignore[attr-defined]
    near = sorted(state.near_duplicates + found, key=lambda d: (d.a, d.b))
    near_set = {(d.a, d.b) for d in near}
    clock.done("near-duplicates", len(found))

    feats = StoryFeatures.concat([state.features, new_feats])
    touched = np.arange(len(state.features), len(feats), dtype=np.int64)
    blk = blocking(feats.blocks, feats.days(), len(state.features), p.story_block_cap,
                   p.story_window_days)
    graph = type(state.graph)(dict(state.graph.edges))
    _drop_lost_candidates(graph, blk, feats.ids)
    candidates = blk.pairs
    del blk  # its postings are not needed to score the candidates
    clock.done("story blocking", len(candidates))
    for e in story_edges_for(feats, candidates, touched, near_set, p.story_threshold):
        graph.edges[(e.a, e.b)] = e
    del candidates
    clock.done("story edges", len(graph.edges))
    stories, splits = stories_of(feats, graph, near_set, p.story_threshold, state.splits)
    clock.done("stories", len(stories))
    new_state = ClusterState(p, sigs, feats, near, graph, splits)
    story_of = {i: s[0] for s in stories for i in s}
    edges = sorted((e for e in graph.edges.values() if story_of[e.a] == story_of[e.b]),
                   key=lambda e: (e.a, e.b))
    return ClusterResult(new_sigs, near, new_state.groups(), stories, edges, new_state)
