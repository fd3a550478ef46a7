"""Story features of one article, computed from that article alone.

No feature depends on corpus statistics (no document frequencies, no fitted vocabulary), so the
similarity of two articles never changes when other articles are added: this is what makes
incremental assignment give exactly the result of a full re-cluster.

* ``words``: hashed bag of content words (stop words removed), sublinear tf, L2-normalised. The
  words are the shingles' (``shingles.words_of``: lower case, split on white space and
  punctuation) and their rensa hashes, so the sketch stage splits a text once for both.
* ``anchors``: cheap named-thing heuristics — capitalised tokens that are not sentence-initial
  (actors, places, organisations), capitalised bigrams, and numbers/years (figures, dates).
  ``anchor_vec`` weighs each by its specificity squared: a FIXED general-English inverse word
  frequency (``specificity``), so a rare shared name counts more than a shared country. The
  article's main names (specific single-word names it repeats) have negative entries there:
  the story layer penalises a pair when one article's main name is absent from the other.
* ``leads``: the ``words`` vector of the text's first ``LEAD_WORDS`` words, taken from its lines
  of ``LEAD_LINE_WORDS`` words or more (a title, a dateline, a widget or a menu line left by a
  scraper is shorter than a news sentence): what happened, as the lead says it. The story layer
  splits a story whose articles fall into groups with distinct leads (``stories``).
* ``published``: the publication date as an ordinal day, when known.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from wiretrace.cluster.blocking import BLOCK_KEYS, MIN_ANCHORS, block_keys
from wiretrace.cluster.shingles import text_chunks, word_hashes
from wiretrace.cluster.specificity import anchor_entry, anchor_specificity

__all__ = [
    "AnchorSets",
    "StoryFeatures",
    "anchor_overlap",
    "anchors_and_main_names",
    "anchors_of",
    "main_names_of",
    "content_words",
    "publication_day",
    "story_features",
]

WORD_BITS = 20
N_FEATURES = 1 << WORD_BITS
# a text's story vector keeps its heaviest content words: on ECB+ dev the same ARI as all words
# (most news articles have fewer distinct content words), while a long text costs at most this
# much memory and scoring time (1M generated articles of ~310 distinct words: 2.4 -> 1.0 GB)
MAX_STORY_WORDS = 128
# the lead: about the first two or three sentences of a news article (chosen on ECB+ dev with
# NewsWCL50, see ``stories.EVENT_GAP``)
LEAD_WORDS = 70
LEAD_LINE_WORDS = 8
_LEAD_SCAN = 4_000  # characters of a text looked at for its lead
MAIN_NAMES = 2  # an article's main names: its most repeated specific single-word names
MAIN_NAME_MIN_COUNT = 3
MAIN_NAME_MIN_SPECIFICITY = 10.0  # see ``specificity``: "california" 9.3, "williams" 10.9
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*|[.!?\n]", re.UNICODE)
_NUMBER = re.compile(r"^\d[\d.,]*$")
_STOP = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    """said says say told according reported report reports mr mrs ms dr news new year years
    like just also would could one two three first last week day days time people
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec am pm et gmt pt est updated""".split()
)
_NOT_ANCHOR = _STOP | frozenset(
    """the a an i he she it we they this that these those his her its their our you your
    but and or if when while after before as at in on of for by with from to photo image
    read more share click watch video advertisement copyright reuters ap afp cnn bbc""".split()
)

# the words of the story vectors are the shingles' words (``shingles.words_of``, hashed by rensa):
# a text is split into words once for both. Stop words, one-letter words, the fragments "ll" and
# "ve" of contractions ("we'll") and the empty word are dropped by their exact hash; a word's
# column is the top ``WORD_BITS`` bits of its hash.
_DROPPED_WORDS = np.unique(word_hashes(
    [" ".join(sorted(_STOP | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
                     | {"ll", "ve"}))])[0])
_EMPTY_WORD = word_hashes([""])[0]
_DROPPED = np.unique(np.concatenate([_DROPPED_WORDS, _EMPTY_WORD]))
_DROPPED_TOP = np.zeros(1 << 16, bool)  # the top 16 bits of a dropped word's hash
_DROPPED_TOP[_DROPPED >> np.uint64(48)] = True


class AnchorSets:
    """The anchor sets of a batch of articles, each kept as one string (its anchors sorted and
    joined by line breaks, which no anchor contains) and rebuilt as a frozenset when read:
    a million articles' sets take about 0.2 GB instead of 0.9 GB as frozensets."""

    __slots__ = ("_packed",)

    def __init__(self, sets: Iterable[Iterable[str]] = ()) -> None:
        self._packed = ["\n".join(sorted(a)) for a in sets]

    @classmethod
    def _of(cls, packed: list[str]) -> AnchorSets:
        out = cls()
        out._packed = packed
        return out

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, i: int) -> frozenset[str]:
        p = self._packed[i]
        return frozenset(p.split("\n")) if p else frozenset()

    def __iter__(self) -> Iterator[frozenset[str]]:
        return (self[i] for i in range(len(self._packed)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnchorSets) and self._packed == other._packed

    __hash__ = None  # type: ignore[assignment]

    def sorted_lists(self) -> list[list[str]]:
        """Each set as a sorted list (for persistence)."""
        return [p.split("\n") if p else [] for p in self._packed]

    def take(self, rows: Iterable[int]) -> AnchorSets:
        return AnchorSets._of([self._packed[r] for r in rows])

    @staticmethod
    def concat(parts: Iterable[AnchorSets]) -> AnchorSets:
        return AnchorSets._of([p for part in parts for p in part._packed])


@dataclass(slots=True)
class StoryFeatures:
    """Features of a batch of articles (row i = article i)."""

    ids: list[int]
    words: sparse.csr_matrix
    anchors: AnchorSets
    published: list[int | None]
    anchor_vec: sparse.csr_matrix  # anchors weighted by specificity, L2: dot = anchor_overlap
    blocks: np.ndarray  # (n, BLOCK_KEYS) int64 blocking keys, -1 padded (see ``blocking``)
    embeddings: np.ndarray | None = None  # (n, d) unit vectors with Settings.semantic
    leads: sparse.csr_matrix | None = None  # ``words`` of each text's lead (see the module)

    def __len__(self) -> int:
        return len(self.ids)

    def days(self) -> np.ndarray:
        """Publication days as int64, -1 when unknown."""
        return np.array([-1 if d is None else d for d in self.published], np.int64)

    def take(self, rows: list[int] | np.ndarray) -> StoryFeatures:
        rows = list(rows)
        return StoryFeatures(
            [self.ids[r] for r in rows],
            self.words[rows],
            self.anchors.take(rows),
            [self.published[r] for r in rows],
            self.anchor_vec[rows],
            self.blocks[rows],
            None if self.embeddings is None else self.embeddings[rows],
            None if self.leads is None else self.leads[rows],
        )

    @staticmethod
    def concat(parts: list[StoryFeatures]) -> StoryFeatures:
        parts = [p for p in parts if len(p)]
        if not parts:
            return story_features([], [])
        if len(parts) == 1:  # features are never changed in place: no copy (a first run)
            return parts[0]
        return StoryFeatures(
            [i for p in parts for i in p.ids],
            sparse.vstack([p.words for p in parts], format="csr"),
            AnchorSets.concat(p.anchors for p in parts),
            [d for p in parts for d in p.published],
            sparse.vstack([p.anchor_vec for p in parts], format="csr"),
            np.concatenate([p.blocks for p in parts]),
            None if any(p.embeddings is None for p in parts)
            else np.concatenate([p.embeddings for p in parts if p.embeddings is not None]),
            None if any(p.leads is None for p in parts)
            else sparse.vstack([p.leads for p in parts], format="csr"),
        )


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in _STOP]


@lru_cache(maxsize=1 << 16)
def _number_key(tok: str) -> str | None:
    digits = tok.replace(",", "")
    if not _NUMBER.match(digits):
        return None
    try:
        value = float(digits.rstrip("."))
    except ValueError:
        return None
    if value in (0, 1, 2, 3):  # too common to anchor anything
        return None
    return "#" + (str(int(value)) if value == int(value) else str(value))


def anchors_of(text: str) -> frozenset[str]:
    """Actors, places, organisations and figures of a text, by capitalisation and digits.

    A capitalised token that is not sentence-initial (or is all capitals, or follows another
    capitalised token) is a name; two adjacent names also make a bigram; numbers other than
    0-3 are figures (``#4500``). A line break or ``.!?`` starts a sentence.
    """
    return anchors_and_main_names(text)[0]


def anchors_and_main_names(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """``anchors_of`` and the article's main names: the ``MAIN_NAMES`` single-word names it
    repeats most (at least ``MAIN_NAME_MIN_COUNT`` times, specificity at least
    ``MAIN_NAME_MIN_SPECIFICITY``: "Williams", "Geysers", not "California"). Ties go to the more
    specific name, then the first in alphabetical order."""
    return _anchors_of_tokens(*_scan_tokens([text])[0])


# what comes before a token of ``_scan_tokens``: the token before it, a word starting with a-z,
# or a sentence end (or the start of the text)
_AFTER_TOKEN, _AFTER_WORD, _AFTER_END = 0, 1, 2


def _anchors_of_tokens(tokens: list[str], after: list[int]
                       ) -> tuple[frozenset[str], tuple[str, ...]]:
    """``anchors_and_main_names`` of a text from its tokens that do not start with a-z (a
    sentence end or such a word only resets the state: ``after`` says which came before)."""
    out: set[str] = set()
    add = out.add
    names: dict[str, int] = {}
    seen = names.get
    not_anchor = _NOT_ANCHOR
    start, prev = True, ""
    for tok, before in zip(tokens, after, strict=True):
        if before:
            start, prev = before == _AFTER_END, ""
        c = tok[0]
        if c.isupper():  # most of these tokens: capitalised words
            if len(tok) > 1:
                low = tok.lower()
                if low not in not_anchor:
                    if not start or prev or tok.isupper():
                        add(low)
                    names[low] = seen(low, 0) + 1  # a sentence-initial mention counts too
                    if prev:
                        add(prev + " " + low)
                    start, prev = False, low
                    continue
        elif c.isdigit():
            num = _number_key(tok)
            if num is not None:
                add(num)
        start, prev = False, ""
    frequent = [(-k, a) for a, k in names.items() if k >= MAIN_NAME_MIN_COUNT and a in out]
    main: list[tuple[int, float, str]] = []
    for negk, a in frequent:
        spec = anchor_entry(a, N_FEATURES)[1]
        if spec >= MAIN_NAME_MIN_SPECIFICITY:
            main.append((negk, -spec, a))
    return frozenset(out), tuple(a for _, _, a in sorted(main)[:MAIN_NAMES])


# character classes of ``_scan_tokens``: word character (``[^\W_]``, that is ``str.isalnum``),
# joiner inside a token (``[.,'’]``), sentence end (``[.!?\n]``)
_WORDC, _JOINC, _SENTC = 1, 2, 4
_CLASS = np.array([(_WORDC if chr(i).isalnum() else 0) | (_JOINC if chr(i) in ".,'" else 0)
                   | (_SENTC if chr(i) in ".!?\n" else 0) for i in range(256)], np.uint8)
_SCAN_CHARS = 4_000_000  # characters scanned at once


def _scan_tokens(texts: list[str]) -> list[tuple[list[str], list[int]]]:
    r"""The tokens of each text that ``_anchors_of_tokens`` looks at, and what comes before
    each, in numpy over a batch of texts. Tokens are ``_TOKEN``'s: a run of word characters
    (``[^\W_]``) and of joiners ``[.,'’]`` between two of them; a ``[.!?\n]`` outside a token
    ends a sentence. Tokens starting with a-z (most words) are only counted as ``_AFTER_WORD``."""
    return [found for chunk in text_chunks(texts, _SCAN_CHARS) for found in _scan_chunk(chunk)]


def _scan_chunk(texts: list[str]) -> list[tuple[list[str], list[int]]]:
    joined = "\n".join(texts)  # a line break ends a sentence: each text starts afresh
    try:
        codes: np.ndarray = np.frombuffer(joined.encode("latin-1"), np.uint8)
        cls = _CLASS[codes]
    except UnicodeEncodeError:
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
        cls = _CLASS[np.minimum(codes, 255)]
        high = np.flatnonzero(codes > 255)
        uniq = np.unique(codes[high])
        hcls = np.array([(_WORDC if chr(c).isalnum() else 0) | (_JOINC if c == 0x2019 else 0)
                         for c in uniq.tolist()], np.uint8)
        cls[high] = hcls[np.searchsorted(uniq, codes[high])]
    n = len(codes)
    word = (cls & _WORDC).view(bool)  # each class is one bit: 0 or 1 after the shift
    intok = word.copy()
    intok[1:-1] |= ((cls[1:-1] >> 1) & 1).view(bool) & word[:-2] & word[2:]
    edge = np.zeros(n + 1, bool)  # token starts and ends
    edge[1:-1] = intok[1:] != intok[:-1]
    edge[0], edge[-1] = intok[:1].any(), intok[-1:].any()
    bounds = np.flatnonzero(edge)
    tok_start, tok_end = bounds[0::2], bounds[1::2]
    sent = np.flatnonzero((cls >> 2).view(bool) & ~intok)  # sentence ends
    c = codes[tok_start]
    lower = (c >= 97) & (c <= 122)
    chosen = np.flatnonzero(~lower)  # the tokens that matter, and what comes before each:
    starts = tok_start[chosen]
    prev = chosen - 1
    first = prev < 0
    prev_end = tok_end[np.maximum(prev, 0)]
    prev_end[first] = 0
    ended = first | (np.searchsorted(sent, starts) > np.searchsorted(sent, prev_end))
    before = np.where(ended, _AFTER_END,
                      np.where(lower[np.maximum(prev, 0)], _AFTER_WORD, _AFTER_TOKEN))
    tokens = [joined[a:b] for a, b in zip(starts.tolist(), tok_end[chosen].tolist(),
                                          strict=True)]
    after = before.tolist()
    offsets = np.zeros(len(texts) + 1, np.int64)
    np.cumsum([len(t) + 1 for t in texts], out=offsets[1:])
    cut = np.searchsorted(starts, offsets).tolist()
    return [(tokens[cut[i] : cut[i + 1]], after[cut[i] : cut[i + 1]]) for i in range(len(texts))]


def publication_day(published: str | None) -> int | None:
    """The ordinal day of an ISO-like date string (``2024-05-01``, ``2024-05-01T10:00Z``)."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None


def _heaviest(row: np.ndarray, data: np.ndarray, n: int, k: int) -> np.ndarray | None:
    """Positions (sorted) of each row's ``k`` largest entries, ties to the lower column, of
    entries sorted by row then column; None when no row has more than ``k``."""
    counts = np.bincount(row, minlength=n)
    if len(row) == 0 or counts.max() <= k:
        return None
    order = np.lexsort((-data, row))  # stable: equal weights keep column order
    starts = np.zeros(n, np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    rank = np.arange(len(row)) - starts[row[order]]
    return np.sort(order[rank < k])


def word_matrix(hashes: np.ndarray, rows: np.ndarray, n: int) -> sparse.csr_matrix:
    """The ``words`` vectors of ``n`` texts from their word hashes (``shingles.word_hashes``)
    and the row of each: content words counted per column, sublinear tf, each text's
    ``MAX_STORY_WORDS`` heaviest words kept, L2, float32."""
    if n == 0:
        return sparse.csr_matrix((0, N_FEATURES), dtype=np.float32)
    hashes = np.asarray(hashes, np.uint64)
    keep = np.ones(len(hashes), bool)
    maybe = np.flatnonzero(_DROPPED_TOP[hashes >> np.uint64(48)])  # cheap filter first
    at = np.minimum(np.searchsorted(_DROPPED, hashes[maybe]), len(_DROPPED) - 1)
    keep[maybe] = _DROPPED[at] != hashes[maybe]
    key = (np.asarray(rows, np.int64)[keep] << WORD_BITS) | (
        hashes[keep] >> np.uint64(64 - WORD_BITS)).astype(np.int64)
    key.sort()
    first = np.ones(len(key), bool)
    first[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(first)
    counts = np.diff(np.append(starts, len(key)))
    uniq = key[starts]
    row = uniq >> WORD_BITS
    data = np.log1p(counts.astype(np.float64))
    heaviest = _heaviest(row, data, n, MAX_STORY_WORDS)
    if heaviest is not None:
        uniq, row, data = uniq[heaviest], row[heaviest], data[heaviest]
    norms = np.sqrt(np.bincount(row, weights=data * data, minlength=n))
    data /= norms[row]
    indptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(row, minlength=n), out=indptr[1:])
    out = sparse.csr_matrix(
        (data.astype(np.float32), (uniq & (N_FEATURES - 1)).astype(np.int32), indptr),
        shape=(n, N_FEATURES))
    out.has_sorted_indices = True  # pair_dots merges rows by column
    return out


def lead_text(text: str) -> str:
    """The first ``LEAD_WORDS`` words of ``text`` from its lines of ``LEAD_LINE_WORDS`` words or
    more (see the module); the start of the text when it has no such line."""
    head = text[:_LEAD_SCAN]
    parts: list[str] = []
    n = 0
    for line in head.splitlines():
        need = LEAD_WORDS - n
        words = line.split(None, max(need, LEAD_LINE_WORDS))
        if len(words) < LEAD_LINE_WORDS:
            continue
        parts.append(" ".join(words[:need]))
        n += min(need, len(words))
        if n >= LEAD_WORDS:
            break
    return "\n".join(parts) if parts else head


def lead_words(hashes: np.ndarray, rows: np.ndarray, n: int,
               k: int = LEAD_WORDS) -> tuple[np.ndarray, np.ndarray]:
    """The word hashes and rows of each text's first ``k`` words (in the order given)."""
    rows = np.asarray(rows, np.int64)
    if len(rows) == 0:
        return np.asarray(hashes), rows
    order = np.argsort(rows, kind="stable")
    counts = np.bincount(rows, minlength=n)
    starts = np.zeros(n, np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    rank = np.arange(len(rows)) - starts[rows[order]]
    keep = order[rank < k]
    keep.sort()
    return np.asarray(hashes)[keep], rows[keep]


def story_word_hashes(
    texts: list[str], words: tuple[np.ndarray, np.ndarray], story_texts: list[str | None],
) -> tuple[np.ndarray, np.ndarray]:
    """Word hashes and rows of the story texts from those of the texts (``words``, as
    ``shingles.word_hashes`` gives them); a story text that is a title, white space and the text
    (``cluster.run``) only needs its title split. Equal to ``word_hashes`` of the story texts."""
    flat, lens = words
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lens)
    extra: list[int] = []  # rows whose story text adds a prefix (a title) to the text
    strs: list[str] = []  # those prefixes, then the story texts split from scratch
    whole: list[int] = []
    for i, (t, st) in enumerate(zip(texts, story_texts, strict=True)):
        if st is None or st is t or st == t:
            continue
        cut = len(st) - len(t)
        if st.endswith(t) and st[cut - 1].isspace():  # words_of(st) = title's + text's
            extra.append(i)
            strs.append(st[:cut])
        else:
            whole.append(i)
    if not extra and not whole:
        return flat, rows
    if whole:
        drop = np.isin(rows, whole)
        flat, rows = flat[~drop], rows[~drop]
    h, n = word_hashes(strs + [story_texts[i] or "" for i in whole])
    return (np.concatenate([flat, h]),
            np.concatenate([rows, np.repeat(np.asarray(extra + whole, np.int64), n)]))


def story_features(
    ids: list[int], texts: list[str], published: list[str | None] | None = None,
    words: tuple[np.ndarray, np.ndarray] | None = None,
) -> StoryFeatures:
    """Compute the features of each text (``texts`` should include the title when known);
    ``words`` is the texts' word hashes and the row of each (``story_word_hashes``) when
    already known, as the sketch stage knows them."""
    if words is None:
        flat, lens = word_hashes(texts)
        words = flat, np.repeat(np.arange(len(texts), dtype=np.int64), lens)
    vectors = word_matrix(words[0], words[1], len(texts))
    lead_hashes, lead_lens = word_hashes([lead_text(t) for t in texts])
    leads = word_matrix(*lead_words(lead_hashes, np.repeat(np.arange(len(texts)), lead_lens),
                                    len(texts)), len(texts))
    days = [publication_day(p) for p in (published or [None] * len(texts))]
    found = [_anchors_of_tokens(*scanned) for scanned in _scan_tokens(texts)]
    anchors = [a for a, _ in found]
    # only a name-poor article blocks on its words (see ``blocking``)
    blocks = (np.stack([block_keys(a, content_words(t) if len(a) < MIN_ANCHORS else ())
                        for a, t in zip(anchors, texts, strict=True)])
              if texts else np.zeros((0, BLOCK_KEYS), np.int64))
    return StoryFeatures(list(ids), vectors, AnchorSets(anchors), days,
                         anchor_matrix(anchors, [m for _, m in found]), blocks, None, leads)


def anchor_matrix(
    anchors: list[frozenset[str]], main_names: list[tuple[str, ...]] | None = None,
) -> sparse.csr_matrix:
    """Hashed anchors of each article weighted by the square of their specificity (see
    ``specificity``), L2-normalised: the dot product of the absolute values of two rows is
    ``anchor_overlap``. The entries of the article's main names are NEGATIVE: that is how the
    story layer knows them (``stories.anchor_dots``) without one more per-article field."""
    if not anchors:
        return sparse.csr_matrix((0, N_FEATURES))
    counts = np.fromiter((len(s) for s in anchors), np.int64, len(anchors))
    indptr = np.concatenate([[0], np.cumsum(counts)])
    entries = [anchor_entry(a, N_FEATURES) for s in anchors for a in sorted(s)]
    if not entries:
        return sparse.csr_matrix((len(anchors), N_FEATURES))
    cols = np.fromiter((c for c, _ in entries), np.int64, len(entries))
    weight = np.fromiter((w for _, w in entries), np.float64, len(entries)) ** 2
    m = sparse.csr_matrix((weight, cols, indptr), shape=(len(anchors), N_FEATURES))
    m.sum_duplicates()  # two anchors of an article on one hashed column
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    out = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
    out.sort_indices()
    if main_names and any(main_names):
        rows = np.repeat(np.arange(len(anchors), dtype=np.int64), np.diff(out.indptr))
        main = np.array([r * N_FEATURES + anchor_entry(a, N_FEATURES)[0]
                         for r, names in enumerate(main_names) for a in names], np.int64)
        flip = np.isin(rows * N_FEATURES + out.indices, main)
        out.data[flip] = -out.data[flip]
    return out


def main_names_of(anchors: frozenset[str], vecs: sparse.csr_matrix, row: int = 0) -> list[str]:
    """The main names of an article, from its anchors and its (negative) entries in row ``row``
    of ``anchor_vec`` (read from the CSR arrays: no scipy row object per call)."""
    lo, hi = int(vecs.indptr[row]), int(vecs.indptr[row + 1])
    negative = set(vecs.indices[lo:hi][vecs.data[lo:hi] < 0].tolist())
    return [a for a in sorted(anchors) if anchor_entry(a, N_FEATURES)[0] in negative]


def anchor_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared anchors weighted by specificity: the cosine of the two articles' anchor vectors
    (each anchor weighs its specificity squared, see ``specificity``)."""
    if not a or not b:
        return 0.0
    wa = dict(zip(sorted(a), anchor_specificity(sorted(a), N_FEATURES) ** 2, strict=True))
    wb = dict(zip(sorted(b), anchor_specificity(sorted(b), N_FEATURES) ** 2, strict=True))
    dot = sum(wa[k] * wb[k] for k in a & b)
    return float(dot / math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in wb.values())))
