"""Word shingles of a batch of texts, as 64-bit hashes in one flat buffer.

Words are the lower-cased text split on white space and punctuation (a translate table, much
faster than a regex); each word is hashed by rensa (a fixed, process-independent hash) and
``k`` consecutive word hashes are combined by a polynomial rolling hash, all in numpy.
A text with fewer than ``k`` words has one shingle: all its words.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from rensa import RMinHash

__all__ = ["ShingleBatch", "shingle_batch", "word_hashes", "words_of"]

_PUNCT = str.maketrans({c: " " for c in string.punctuation + "“”‘’«»„‚—–…•·¿¡"})
_MULT = np.uint64(0x9E3779B97F4A7C15)


def words_of(text: str) -> list[str]:
    return text.lower().translate(_PUNCT).split()


@dataclass(slots=True)
class ShingleBatch:
    """Shingle hashes of texts: row ``i`` is ``hashes[offsets[i]:offsets[i+1]]`` (with repeats)."""

    hashes: np.ndarray  # uint64
    offsets: np.ndarray  # uint64, len = n + 1
    distinct: np.ndarray  # int64, number of distinct shingles per text

    def row(self, i: int) -> np.ndarray:
        return self.hashes[int(self.offsets[i]) : int(self.offsets[i + 1])]


def word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The words of each text (``words_of``) hashed by rensa: one flat uint64 array and the
    number of words of each text (int64). A text without words has one word, ``""``."""
    words = [words_of(t) or [""] for t in texts]
    lens = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    if not words:
        return np.zeros(0, np.uint64), lens
    flat = np.array(RMinHash.hash_token_sets([list(chain.from_iterable(words))])[0],
                    dtype=np.uint64).reshape(int(lens.sum()))
    return flat, lens


def shingle_batch(
    texts: Sequence[str], k: int, words: tuple[np.ndarray, np.ndarray] | None = None
) -> ShingleBatch:
    """Shingles of ``texts``; ``words`` is their ``word_hashes`` when already known."""
    flat, lens = word_hashes(texts) if words is None else words
    total = int(lens.sum())
    starts = np.zeros(len(lens), dtype=np.int64)
    if len(lens) > 1:
        np.cumsum(lens[:-1], out=starts[1:])
    ends = starts + lens
    acc = flat.copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            acc[: total - j] = acc[: total - j] * _MULT + flat[j:]
    doc = np.repeat(np.arange(len(lens)), lens)
    pos = np.arange(total)
    # a shingle starts at every position that leaves k words; short texts keep their first one
    valid = (pos + k <= ends[doc]) | ((pos == starts[doc]) & (lens[doc] < k))
    if k > 1:
        # short texts: the shingle at the start must only combine that text's words
        short = np.flatnonzero(lens < k)
        for i in short:
            s, n = int(starts[i]), int(lens[i])
            h = flat[s]
            with np.errstate(over="ignore"):
                for j in range(1, n):
                    h = h * _MULT + flat[s + j]
            acc[s] = h
    hashes = acc[valid]
    hdoc = doc[valid]
    counts = np.bincount(hdoc, minlength=len(lens))
    offsets = np.zeros(len(lens) + 1, dtype=np.uint64)
    np.cumsum(counts, out=offsets[1:])
    return ShingleBatch(hashes, offsets, _distinct(hashes, hdoc, len(lens)))


_DOC_BITS = 19  # texts per block of ``_distinct``: a text and 44 bits of a hash in one int64


def _distinct(hashes: np.ndarray, hdoc: np.ndarray, n: int) -> np.ndarray:
    """Distinct shingles per text, by sorting (text, top 44 bits of the hash) keys: two
    different shingles of one text count as one only when their top 44 bits are equal (for a
    text of 1,000 shingles, a chance of 3 in 100 million)."""
    distinct = np.zeros(n, np.int64)
    block = 1 << _DOC_BITS
    for lo in range(0, n, block):
        sel = slice(*np.searchsorted(hdoc, [lo, lo + block]))
        keys = ((hdoc[sel] - lo).astype(np.int64) << (63 - _DOC_BITS)) | (
            hashes[sel] >> np.uint64(_DOC_BITS + 1)).astype(np.int64)
        keys.sort()
        new = np.ones(len(keys), bool)
        new[1:] = keys[1:] != keys[:-1]
        distinct[lo : lo + block] = np.bincount(
            keys[new] >> (63 - _DOC_BITS), minlength=min(block, n - lo))
    return distinct
