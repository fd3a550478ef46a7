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
]
