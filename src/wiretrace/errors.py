"""The exception tree. Every error a user can cause is a ``WiretraceError`` with a message that
says what went wrong and, where possible, how to fix it; the CLI prints it as one line."""

from __future__ import annotations

__all__ = [
    "WiretraceError",
    "InputError",
    "StoreError",
    "StoreBusy",
    "MissingExtra",
    "NotFound",
]


class WiretraceError(Exception):
    """Base of every error wiretrace raises on purpose."""


class InputError(WiretraceError):
    """An input file or item cannot be used; the batch goes on and the input is rejected."""


class StoreError(WiretraceError):
    """The database cannot be opened or written."""


class StoreBusy(StoreError):
    """Another process holds the write lock for longer than the busy timeout."""


class NotFound(WiretraceError):
    """A story, article or other record asked for does not exist."""


class MissingExtra(WiretraceError):
    """An optional engine is asked for but not installed."""

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"{module} is not installed; install it with: pip install 'wiretrace[{extra}]'"
        )
        self.extra = extra
        self.module = module
