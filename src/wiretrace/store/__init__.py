"""The SQLite store."""

from wiretrace.store.db import Store, StoredStory

__all__ = ["Store", "StoredStory"]
