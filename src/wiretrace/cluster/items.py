"""The input record of the cluster stage (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ClusterItem"]


@dataclass(slots=True)
class ClusterItem:
    id: int
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD...) or None
