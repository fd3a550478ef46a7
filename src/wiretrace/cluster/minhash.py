"""MinHash signatures of articles with rensa's ``RMinHash``.

A ``Signatures`` record keeps, for each article id, its digest (``num_perm`` uint32 values) and its
number of distinct shingles (for containment estimates), plus the algorithm name, rensa's version
and the parameters, because rensa 0.5 changed the algorithm: digests from different versions or
parameters must never be compared (``check_compatible`` says how to fix it).
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rensa import RMinHash

from wiretrace.cluster.shingles import ShingleBatch, shingle_batch
from wiretrace.errors import WiretraceError

__all__ = ["ALGORITHM", "RENSA_VERSION", "Signatures", "sketch_texts", "estimated_jaccard"]

ALGORITHM = f"rensa.RMinHash/v{RMinHash.ALGORITHM_VERSION}/word-shingles"
RENSA_VERSION = importlib.metadata.version("rensa")
DEFAULT_SEED = 42


@dataclass(slots=True)
class Signatures:
    """MinHash digests of articles (row i = ``ids[i]``)."""

    ids: np.ndarray  # int64
    digests: np.ndarray  # uint32, shape (n, num_perm)
    n_shingles: np.ndarray  # int64, distinct shingles per article
    num_perm: int
    shingle_size: int
    seed: int = DEFAULT_SEED
    algorithm: str = ALGORITHM
    rensa_version: str = field(default=RENSA_VERSION)

    def __len__(self) -> int:
        return len(self.ids)

    def record(self, row: int) -> dict[str, object]:
        """One article's signature as a plain record (what the store keeps)."""
        return {
            "article": int(self.ids[row]),
            "algorithm": self.algorithm,
            "rensa_version": self.rensa_version,
            "num_perm": self.num_perm,
            "shingle_size": self.shingle_size,
            "seed": self.seed,
            "n_shingles": int(self.n_shingles[row]),
            "digest": self.digests[row].astype("<u4").tobytes(),
        }

    def compatible(self, other: Signatures) -> bool:
        """Same algorithm, library version, permutations, shingle size and seed."""
        return (self.algorithm, self.rensa_version, self.num_perm, self.shingle_size,
                self.seed) == (other.algorithm, other.rensa_version, other.num_perm,
                               other.shingle_size, other.seed)

    def check_compatible(self, other: Signatures) -> None:
        if not self.compatible(other):
            mine = (self.algorithm, self.rensa_version, self.num_perm, self.shingle_size,
                    self.seed)
            theirs = (other.algorithm, other.rensa_version, other.num_perm,
                      other.shingle_size, other.seed)
            raise WiretraceError(
                f"signatures made with {theirs} cannot be compared with {mine}; "
                "re-run the sketch stage on all articles (wiretrace cluster)"
            )

    @staticmethod
    def empty(num_perm: int, shingle_size: int, seed: int = DEFAULT_SEED) -> Signatures:
        return Signatures(
            np.zeros(0, np.int64), np.zeros((0, num_perm), np.uint32), np.zeros(0, np.int64),
            num_perm, shingle_size, seed,
        )

    @staticmethod
    def concat(parts: Sequence[Signatures]) -> Signatures:
        first = parts[0]
        for p in parts[1:]:
            first.check_compatible(p)
        filled = [p for p in parts if len(p)]
        if len(filled) == 1:  # signatures are never changed in place: no copy (a first run)
            return filled[0]
        return Signatures(
            np.concatenate([p.ids for p in parts]),
            np.concatenate([p.digests for p in parts]),
            np.concatenate([p.n_shingles for p in parts]),
            first.num_perm, first.shingle_size, first.seed,
        )

    def take(self, rows: np.ndarray) -> Signatures:
        return Signatures(
            self.ids[rows], self.digests[rows], self.n_shingles[rows],
            self.num_perm, self.shingle_size, self.seed, self.algorithm, self.rensa_version,
        )


def digests_of(batch: ShingleBatch, num_perm: int, seed: int) -> np.ndarray:
    n = len(batch.offsets) - 1
    if n == 0:
        return np.zeros((0, num_perm), np.uint32)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(
        batch.hashes, batch.offsets, num_perm, seed
    )
    return np.asarray(matrix.to_rows(), dtype=np.uint32).reshape(n, num_perm)


def sketch_texts(
    ids: Sequence[int], texts: Sequence[str], num_perm: int, shingle_size: int,
    seed: int = DEFAULT_SEED, words: tuple[np.ndarray, np.ndarray] | None = None,
) -> Signatures:
    """Signatures of one batch of texts, in this process (the unit of parallel work);
    ``words`` is the texts' ``shingles.word_hashes`` when already known."""
    batch = shingle_batch(texts, shingle_size, words)
    return Signatures(
        np.asarray(ids, dtype=np.int64), digests_of(batch, num_perm, seed),
        batch.distinct, num_perm, shingle_size, seed,
    )


def estimated_jaccard(digests: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Share of equal MinHash values between rows ``a`` and ``b`` (vectorised over pairs)."""
    out = np.empty(len(a), dtype=np.float64)
    step = 65_536
    for s in range(0, len(a), step):
        out[s : s + step] = (digests[a[s : s + step]] == digests[b[s : s + step]]).mean(axis=1)
    return out
