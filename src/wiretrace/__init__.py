"""wiretrace: the stories in a pile of news, who copied whom, and what each copy changed."""

from __future__ import annotations

from wiretrace.errors import (
    InputError,
    MissingExtra,
    NotFound,
    StoreBusy,
    StoreError,
    WiretraceError,
)
from wiretrace.model import (
    AlignedPair,
    Alignment,
    Artefact,
    Article,
    Change,
    Claim,
    Derivation,
    Document,
    Fact,
    Rejection,
    Story,
)
from wiretrace.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "AlignedPair",
    "Alignment",
    "Article",
    "Artefact",
    "Change",
    "Claim",
    "Derivation",
    "Document",
    "Fact",
    "InputError",
    "MissingExtra",
    "NotFound",
    "Rejection",
    "Settings",
    "Story",
    "StoreBusy",
    "StoreError",
    "WiretraceError",
    "__version__",
    "analyze",
    "compare_texts",
    "extract",
    "Store",
]

# The verbs load their stage modules on first use: ``import wiretrace`` stays light.
_VERBS = {
    "analyze": ("wiretrace.pipeline", "analyze"),
    "compare_texts": ("wiretrace.claims.compare", "compare_texts"),
    "extract": ("wiretrace.ingest.extract", "document_to_article"),
    "Store": ("wiretrace.store", "Store"),
}


def __getattr__(name: str) -> object:
    if name in _VERBS:
        from importlib import import_module

        module, attr = _VERBS[name]
        return getattr(import_module(module), attr)
    raise AttributeError(f"module 'wiretrace' has no attribute {name!r}")
