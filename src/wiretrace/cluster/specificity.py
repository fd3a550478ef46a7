"""How specific a name is, by a FIXED general-English word frequency (never the corpus's).

A name shared by two reports says more about "same event" the rarer it is in English at large:
"Jamal Williams" or "Geysers" single an event out, "California" or "Chargers" only set the
scene. The weight of a word is its inverse frequency ``log(1 / f)`` from ``wordfreq``'s English
list (a fixed table shipped with the package, pinned in the dependencies): frequent words weigh
about 3-8, names about 10-15, words rarer than ``FLOOR_FREQUENCY`` (or absent from the list,
most rare names) ``log(1 / FLOOR_FREQUENCY)`` = 18.4. A multiword name weighs as its rarest word;
a figure (``#4500``) weighs ``FIGURE_WEIGHT``.

The table is built once per process (about 0.3 s): the listed words are hashed onto the columns
of ``features``' hashed vectors; a column several words fall onto takes the most frequent word's
(lowest) weight. Nothing depends on the articles being clustered, so an article's features stay
a function of the article alone (incremental assignment equals a full re-cluster).
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
from sklearn.utils import murmurhash3_32

__all__ = ["FIGURE_WEIGHT", "FLOOR_FREQUENCY", "anchor_entry", "anchor_specificity", "word_weights"]

FLOOR_FREQUENCY = 1e-8  # rarer (or unlisted) words all weigh log(1 / FLOOR_FREQUENCY)
LISTED_FREQUENCY = 1e-7  # listed words rarer than this count as unlisted
FIGURE_WEIGHT = 12.0  # a figure is as specific as a rather rare name


@cache
def word_weights(n_features: int) -> np.ndarray:
    """``log(1 / frequency)`` per hashed word column (float64, ``n_features`` long)."""
    from wordfreq import get_frequency_dict

    freq = np.full(n_features, FLOOR_FREQUENCY)
    listed = [(w, f) for w, f in get_frequency_dict("en", "large").items()
              if f >= LISTED_FREQUENCY]
    # the column scikit-learn's HashingVectorizer gives a token (``features``)
    cols = np.fromiter((abs(murmurhash3_32(w, seed=0)) % n_features for w, _ in listed),
                       np.int64, len(listed))
    np.maximum.at(freq, cols, np.fromiter((f for _, f in listed), np.float64, len(listed)))
    out = -np.log(freq)
    out.flags.writeable = False
    return out


def _lookup_form(token: str) -> str:
    """A name's word as the frequency list spells it (no possessive ``'s``)."""
    if token.endswith(("'s", "’s")):
        return token[:-2]
    return token


@lru_cache(maxsize=1 << 17)
def anchor_entry(anchor: str, n_features: int) -> tuple[int, float]:
    """The hashed column of an anchor and its specificity (see the module): its rarest word's
    weight, or ``FIGURE_WEIGHT`` for a figure. Cached: names recur from article to article."""
    col = abs(murmurhash3_32(anchor, seed=0)) % n_features
    if anchor.startswith("#"):
        return col, FIGURE_WEIGHT
    table = word_weights(n_features)
    return col, float(max(table[abs(murmurhash3_32(_lookup_form(t), seed=0)) % n_features]
                          for t in anchor.split(" ")))


def anchor_specificity(anchors: list[str], n_features: int) -> np.ndarray:
    """``anchor_entry``'s specificity of each anchor."""
    return np.fromiter((anchor_entry(a, n_features)[1] for a in anchors), np.float64,
                       len(anchors))
