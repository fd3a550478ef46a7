"""Word shingles of a batch of texts, as 64-bit hashes in one flat buffer.

Words are the lower-cased text split on white space and punctuation (``words_of``); each word
is hashed by rensa's token hash (a fixed, process-independent hash of its UTF-8 bytes) and ``k``
consecutive word hashes are combined by a polynomial rolling hash, all in numpy.
A text with fewer than ``k`` words has one shingle: all its words.

``word_hashes`` splits and hashes a batch of texts in numpy, on the UTF-8 bytes of the whole
batch, with no Python string per word: it gives exactly the hashes of rensa's
``RMinHash.hash_token_sets`` on the words of ``words_of`` (checked when this module is loaded;
if a rensa release ever hashed differently, the words are hashed by rensa itself).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from rensa import RMinHash

__all__ = ["ShingleBatch", "shingle_batch", "word_hashes", "words_of"]

_EXTRA_PUNCT = "“”‘’«»„‚—–…•·¿¡"
_PUNCT = str.maketrans({c: " " for c in string.punctuation + _EXTRA_PUNCT})
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


def text_chunks(texts: Iterable[str], chars: int) -> Iterator[list[str]]:
    """The texts in consecutive chunks of about ``chars`` characters (at least one text each),
    so that work done on a whole chunk at once stays bounded in memory."""
    chunk: list[str] = []
    size = 0
    for t in texts:
        chunk.append(t)
        size += len(t) + 1
        if size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The words of each text (``words_of``) hashed by rensa: one flat uint64 array and the
    number of words of each text (int64). A text without words has one word, ``""``."""
    if not _NUMPY_HASH:
        return _word_hashes_rensa(texts)
    parts = [_word_hashes_numpy(chunk) for chunk in text_chunks(texts, _CHUNK_CHARS)]
    if not parts:
        parts.append(_word_hashes_numpy([]))
    if len(parts) == 1:
        return parts[0]
    return np.concatenate([h for h, _ in parts]), np.concatenate([n for _, n in parts])


_CHUNK_CHARS = 8_000_000  # characters split at once
# separators of ``words_of``: ASCII punctuation and white space (a byte table), and the listed
# non-ASCII punctuation and white space (code points, found in the UTF-8 bytes)
_SEP_BYTES = np.array([i < 128 and (chr(i) in string.punctuation or chr(i).isspace())
                       for i in range(256)])
_SEP_CODES = np.array(sorted({ord(c) for c in _EXTRA_PUNCT}
                             | {c for c in range(128, 0x3001) if chr(c).isspace()}), np.int64)
_M32 = np.uint64(0xFFFFFFFF)
_SEED1, _SEED2 = np.uint64(0x243F6A8885A308D3), np.uint64(0x13198A2E03707344)
_ZERO_GUARD = np.uint64(0xA4093822299F31D0)
_FX = np.uint64(0xF1357AEA2E62A9C5)


def _word_hashes_numpy(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    lowered = [t.lower() for t in texts]
    joined = " ".join(lowered)
    try:
        raw = joined.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: rensa decides what it hashes
        return _word_hashes_rensa(texts)
    n = len(raw)
    buf = np.frombuffer(raw + bytes(16), np.uint8)  # read 8 bytes past any word
    sep = _SEP_BYTES[buf[:n]]
    ascii_only = joined.isascii()
    if not ascii_only:
        _mark_separators(buf, n, sep)
    edge = np.zeros(n + 1, bool)  # word starts and ends
    edge[1:-1] = sep[1:] != sep[:-1]
    edge[0], edge[-1] = n > 0 and not sep[0], n > 0 and not sep[-1]
    bounds = np.flatnonzero(edge)
    starts, ends = bounds[0::2], bounds[1::2]
    sizes = np.fromiter((len(t) + 1 if ascii_only or t.isascii() else len(t.encode()) + 1
                         for t in lowered), np.int64, len(lowered))
    first = np.zeros(len(lowered) + 1, np.int64)  # each text's first byte
    np.cumsum(sizes, out=first[1:])
    cut = np.searchsorted(starts, first)
    lens = np.diff(cut)
    flat = _rensa_token_hash(buf, starts, ends - starts)
    empty = np.flatnonzero(lens == 0)
    if len(empty):  # a text without words has the word ""
        flat = np.insert(flat, cut[empty], _EMPTY_HASH)
        lens[empty] = 1
    return flat, lens


def _mark_separators(buf: np.ndarray, n: int, sep: np.ndarray) -> None:
    """Mark the bytes of the non-ASCII separators (``_SEP_CODES``) in ``sep``."""
    lead = np.flatnonzero(buf[:n] >= 0xC2)  # first bytes of multi-byte characters
    b0 = buf[lead].astype(np.int64)
    b1, b2, b3 = ((buf[lead + k] & 0x3F).astype(np.int64) for k in (1, 2, 3))
    size = np.where(b0 < 0xE0, 2, np.where(b0 < 0xF0, 3, 4))
    code = np.where(size == 2, ((b0 & 0x1F) << 6) | b1,
                    np.where(size == 3, ((b0 & 0x0F) << 12) | (b1 << 6) | b2,
                             ((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3))
    at = np.minimum(np.searchsorted(_SEP_CODES, code), len(_SEP_CODES) - 1)
    hit = _SEP_CODES[at] == code
    for k in range(4):
        sep[lead[hit & (size > k)] + k] = True


def _mul_mix(x: np.ndarray, y: np.ndarray | np.uint64) -> np.ndarray:
    """Low 64 bits xor high 64 bits of the 128-bit products ``x * y``."""
    xl, xh = x & _M32, x >> np.uint64(32)
    yl, yh = y & _M32, y >> np.uint64(32)
    ll, lh, hl = xl * yl, xl * yh, xh * yl
    mid = (ll >> np.uint64(32)) + (lh & _M32) + (hl & _M32)
    high = xh * yh + (lh >> np.uint64(32)) + (hl >> np.uint64(32)) + (mid >> np.uint64(32))
    return (x * y) ^ high


def _rensa_token_hash(buf: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """rensa's hash (``calculate_hash_fast``, rustc-hash's byte hash) of the byte strings
    ``buf[starts[i]:starts[i] + sizes[i]]``; ``buf`` has 16 zero bytes after the last one."""
    n = len(buf) - 16
    u64 = np.ndarray((n + 8,), dtype="<u8", buffer=buf, strides=(1,))  # unaligned reads
    u32 = np.ndarray((n + 12,), dtype="<u4", buffer=buf, strides=(1,))
    s0 = np.full(len(starts), _SEED1)
    s1 = np.full(len(starts), _SEED2)
    with np.errstate(over="ignore"):
        i = np.flatnonzero((sizes >= 8) & (sizes <= 16))
        s0[i] ^= u64[starts[i]]
        s1[i] ^= u64[starts[i] + sizes[i] - 8]
        i = np.flatnonzero((sizes >= 4) & (sizes < 8))
        s0[i] ^= u32[starts[i]]
        s1[i] ^= u32[starts[i] + sizes[i] - 4]
        i = np.flatnonzero((sizes > 0) & (sizes < 4))
        s0[i] ^= buf[starts[i]]
        s1[i] ^= (buf[starts[i] + sizes[i] - 1].astype(np.uint64) << np.uint64(8)) | buf[
            starts[i] + sizes[i] // 2]
        long = np.flatnonzero(sizes > 16)
        if len(long):  # 16 bytes at a time, then the last 16
            at, size = starts[long], sizes[long]
            a0, a1 = s0[long], s1[long]
            off = np.zeros(len(long), np.int64)
            while len(go := np.flatnonzero(off < size - 16)):
                t = _mul_mix(a0[go] ^ u64[at[go] + off[go]],
                             _ZERO_GUARD ^ u64[at[go] + off[go] + 8])
                a0[go], a1[go] = a1[go], t
                off[go] += 16
            s0[long] = a0 ^ u64[at + size - 16]
            s1[long] = a1 ^ u64[at + size - 8]
        h = (_mul_mix(s0, s1) ^ sizes.astype(np.uint64)) * _FX
        return (h << np.uint64(26)) | (h >> np.uint64(38))


def _word_hashes_rensa(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """``word_hashes`` by Python's split and rensa's own hash (the reference)."""
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
        for j in range(1, min(k, total)):  # a batch may hold fewer than k words in all
            head = acc[: total - j]  # in place: no temporary arrays
            np.multiply(head, _MULT, out=head)
            np.add(head, flat[j:], out=head)
    # a shingle starts at every position that leaves k words; short texts keep their first one
    valid = np.ones(total, bool)
    for j in range(1, k):
        tail = ends - j
        valid[tail[tail >= starts]] = False
    valid[starts[(lens > 0) & (lens < k)]] = True
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
    counts = np.where(lens > 0, np.maximum(lens - k + 1, 1), 0)
    hdoc = np.repeat(np.arange(len(lens)), counts)
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


def _numpy_hash_agrees() -> bool:
    sample = ["", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghijklmnop",
              "abcdefghijklmnopq", "héllo", "日本語のテキスト", "x" * 33, "y" * 48, "z" * 100]
    raw = [w.encode() for w in sample]
    buf = np.frombuffer(b"".join(raw) + bytes(16), np.uint8)
    sizes = np.fromiter((len(r) for r in raw), np.int64, len(raw))
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    mine = _rensa_token_hash(buf, starts, sizes)
    return bool(np.array_equal(mine, np.array(RMinHash.hash_token_sets([sample])[0], np.uint64)))


_EMPTY_HASH = np.uint64(RMinHash.hash_token_sets([[""]])[0][0])
_NUMPY_HASH = _numpy_hash_agrees()
