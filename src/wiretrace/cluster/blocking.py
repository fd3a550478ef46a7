"""Candidate blocking for the story layer: which pairs of articles are scored at all.

Scoring every pair of articles that share a word is quadratic; at a million articles it never
ends. Instead each article gets a few **blocking keys** (``block_keys``): its most distinctive
anchors and words by a FIXED weighting that looks at the article alone — capitalised multiword
names first, then long figures, then single names; an article with fewer than ``MIN_ANCHORS``
of those also uses its longest content words. Ties are broken by a fixed hash. Nothing depends
on corpus statistics, so an article's keys never change when other articles arrive.

Each key is posted in up to three **lists**: ``(key, any date)`` and, for a dated article,
``(key, window b)`` and ``(key, window b + 1)`` with ``b = day // story_window_days`` — two
dated articles at most ``story_window_days`` apart always share a window list. A pair of
articles is a candidate when it shares at least one list that holds at most
``story_block_cap`` articles **over the whole corpus**. A key held by too many articles (a
country, a year, "police") carries no information about which story an article belongs to;
the other keys of its articles still block them. The work per article is bounded by
``3 * BLOCK_KEYS * story_block_cap`` candidate pairs, whatever the corpus size. The price: the
members of one story that more than ``story_block_cap`` articles cover within a window are
joined only through their rarer keys and their near-duplicate pairs.

Incremental assignment (``assign``) decides the cap on the full lists too, so it gives exactly
the candidates of a full run: lists only grow, so a pair of old articles can only *lose*
candidacy, never gain it. ``assign`` therefore scores the pairs touching new articles in lists
still under the cap, and for every list that has just crossed the cap it re-checks the story
edges of its old pairs (``still_candidates``) and drops those that share no other list under
the cap; the story-graph components those edges belonged to are then re-split (``stories``).
Near-duplicate pairs are story edges whatever the blocking says.
"""

from __future__ import annotations

import hashlib
import heapq
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from wiretrace.cluster.lsh import bucket_pairs, unique_sorted

__all__ = ["BLOCK_KEYS", "Blocking", "block_keys", "blocking"]

BLOCK_ANCHORS = 16  # on ECB+ dev: 8 keys leave 24 % of same-event pairs uncompared, 16 keys 6.5 %
BLOCK_WORDS = 4
BLOCK_KEYS = BLOCK_ANCHORS + BLOCK_WORDS
MIN_BLOCK_WORD = 6  # shorter content words are too common to block on
MIN_ANCHORS = 4  # an article with fewer anchors also blocks on its longest words
_MULT = np.uint64(0x9E3779B97F4A7C15)
_ANY_DATE = np.uint64(0x51ED27)


@lru_cache(maxsize=1 << 18)  # names recur across articles
def _key_hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") >> 1


@lru_cache(maxsize=1 << 18)
def _anchor_rank(a: str) -> tuple[int, int, int]:
    if " " in a:
        cls = 0  # "maren tollvik": a person, an organisation, a place
    elif a.startswith("#"):
        cls = 1 if len(a) >= 4 else 3  # "#1911", "#4500" are specific; "#12" is not
    else:
        cls = 2
    return cls, -len(a), zlib.crc32(a.encode())


def block_keys(anchors: Iterable[str], words: Iterable[str]) -> np.ndarray:
    """The article's blocking keys (int64, ``BLOCK_KEYS`` long, padded with -1)."""
    chosen = heapq.nsmallest(BLOCK_ANCHORS, anchors, key=_anchor_rank)
    if len(chosen) < MIN_ANCHORS:  # few names: the longest words stand in for them
        taken = set(chosen)
        rest = heapq.nsmallest(
            BLOCK_KEYS - len(chosen),
            {w for w in words if len(w) >= MIN_BLOCK_WORD and w not in taken},
            key=lambda w: (-len(w), zlib.crc32(w.encode())))
        chosen += rest
    out = np.full(BLOCK_KEYS, -1, np.int64)
    out[: len(chosen)] = [_key_hash(k) for k in chosen]
    return out


_PARTS = 8  # postings are built and sorted one slice of list keys at a time (memory / 8)
_SLICE_SHIFT = 56  # a list's slice: its key's top byte modulo _PARTS


@dataclass(slots=True)
class _Base:
    """One (key, row) per blocking key of each article, and its date window (-1: undated)."""

    keys: np.ndarray  # uint64
    rows: np.ndarray  # int32 (int64 beyond 2**31 rows)
    window: np.ndarray  # int32, -1 when the article has no date

    @staticmethod
    def of(blocks: np.ndarray, days: np.ndarray, window: int) -> _Base:
        n, k = blocks.shape
        ok = blocks.ravel() >= 0
        rows = np.repeat(np.arange(n, dtype=np.int32 if n < 2**31 else np.int64), k)[ok]
        day = days[rows]
        return _Base(blocks.ravel()[ok].astype(np.uint64), rows,
                     np.where(day >= 0, day // max(1, window), -1).astype(np.int32))

    def postings(self, part: int, parts: int) -> tuple[np.ndarray, np.ndarray]:
        """(list key, row) of the postings whose list falls in slice ``part`` of ``parts``,
        sorted by list key: each key is posted in ``(key, any date)`` and, for a dated article,
        in ``(key, window)`` and ``(key, window + 1)``."""
        dated = self.window >= 0
        win = self.window[dated].astype(np.uint64)
        out_k, out_r = [], []
        with np.errstate(over="ignore"):
            for keys, rows, extra in (
                (self.keys, self.rows, _ANY_DATE),
                (self.keys[dated], self.rows[dated], win * np.uint64(2) + np.uint64(1)),
                (self.keys[dated], self.rows[dated], (win + np.uint64(1)) * np.uint64(2)
                 + np.uint64(1)),
            ):
                lk = keys * _MULT + extra
                mine = (lk >> np.uint64(_SLICE_SHIFT)) % np.uint64(parts) == np.uint64(part)
                out_k.append(lk[mine])
                out_r.append(rows[mine])
                del lk, mine
        all_k, all_r = np.concatenate(out_k), np.concatenate(out_r)
        del out_k, out_r
        order = np.argsort(all_k, kind="stable")
        return all_k[order], all_r[order]


def _lists(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(list id per posting, size per list) of postings sorted by list key."""
    boundary = np.ones(len(keys), dtype=bool)
    boundary[1:] = keys[1:] != keys[:-1]
    list_id = np.cumsum(boundary) - 1
    return list_id, np.bincount(list_id)


@dataclass(slots=True)
class Blocking:
    """Candidate pairs (row indices, low row first) of one clustering call."""

    pairs: np.ndarray  # (k, 2): candidates touching a new row, in lists under the cap
    at_risk: np.ndarray  # (k, 2): old pairs of lists that have just crossed the cap
    _base: _Base
    _cap: int

    def still_candidates(self, pairs: np.ndarray) -> np.ndarray:
        """Bool per pair (rows): do the two rows still share a list under the cap?"""
        if len(pairs) == 0:
            return np.zeros(0, bool)
        involved = unique_sorted(pairs.ravel())
        lists: dict[int, set[int]] = {}
        for part in range(_PARTS):
            keys, rows = self._base.postings(part, _PARTS)
            list_id, size = _lists(keys)
            sel = (size[list_id] <= self._cap) & np.isin(rows, involved)
            for key, row in zip(keys[sel].tolist(), rows[sel].tolist(), strict=True):
                lists.setdefault(row, set()).add(key)
        empty: set[int] = set()
        return np.array([bool(lists.get(a, empty) & lists.get(b, empty))
                         for a, b in pairs.tolist()], dtype=bool)


_PAIR_CHUNK = 4_000_000  # pairs emitted at once: candidate lists are streamed, not materialised


def _list_pairs(rows: np.ndarray, keys: np.ndarray, n: int, n_old: int | None) -> np.ndarray:
    """Unique sorted codes ``low * n + high`` of the pairs of rows sharing a list (``rows``
    sorted by ``keys``); with ``n_old``, only pairs touching a row ``>= n_old``. Lists are taken
    in groups of about ``_PAIR_CHUNK`` pairs, each group's pairs reduced to unique codes before
    the next is emitted."""
    m = len(keys)
    if m < 2:
        return np.zeros(0, np.int64)
    boundary = np.ones(m, dtype=bool)
    boundary[1:] = keys[1:] != keys[:-1]
    starts = np.append(np.flatnonzero(boundary), m)
    sizes = np.diff(starts)
    cum = np.cumsum(sizes * (sizes - 1) // 2)
    found = []
    first = 0
    while first < len(sizes):
        base = cum[first - 1] if first else 0
        last = max(first + 1, int(np.searchsorted(cum, base + _PAIR_CHUNK, side="right")))
        a, b = starts[first], starts[min(last, len(sizes))]
        lo, hi = bucket_pairs(rows[a:b], keys[a:b])
        if n_old is not None and len(lo):
            keep = (lo >= n_old) | (hi >= n_old)
            lo, hi = lo[keep], hi[keep]
        if len(lo):
            found.append(unique_sorted(lo.astype(np.int64) * n + hi))
        first = last
    if not found:
        return np.zeros(0, np.int64)
    return unique_sorted(np.concatenate(found)) if len(found) > 1 else found[0]


def blocking(blocks: np.ndarray, days: np.ndarray, n_old: int, cap: int, window: int
             ) -> Blocking:
    """Candidates among all rows of ``blocks`` (rows ``>= n_old`` are new); ``days`` holds
    ordinal days, -1 when unknown. The lists are taken in ``_PARTS`` slices of their keys (a
    list lies in one slice), so only a slice of the postings is held at a time."""
    n = blocks.shape[0]
    base = _Base.of(blocks, days, window)
    pair_codes, risk_codes = [], []
    for part in range(_PARTS):
        keys, rows = base.postings(part, _PARTS)
        if len(keys) == 0:
            continue
        list_id, size = _lists(keys)
        old = rows < n_old
        old_size = np.bincount(list_id, weights=old, minlength=len(size))
        has_new = np.bincount(list_id, weights=~old, minlength=len(size)) > 0
        valid_list = size <= cap
        # pairs touching a new row, in lists under the cap that gained a new row
        sel = (valid_list & has_new & (size > 1))[list_id]
        pair_codes.append(_list_pairs(rows[sel], keys[sel], n, n_old))
        # lists that were under the cap before this call and are over it now
        sel = ((~valid_list) & (old_size <= cap) & (old_size > 1))[list_id] & old
        risk_codes.append(_list_pairs(rows[sel], keys[sel], n, None))
        del keys, rows, list_id, sel

    def merged(codes: list[np.ndarray]) -> np.ndarray:
        flat = unique_sorted(np.concatenate(codes)) if codes else np.zeros(0, np.int64)
        return np.stack([flat // max(n, 1), flat % max(n, 1)], axis=1)

    return Blocking(merged(pair_codes), merged(risk_codes), base, cap)
