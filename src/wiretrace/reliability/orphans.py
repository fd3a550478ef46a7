"""Processes left behind: the workers a killed command started, found through /proc."""

from __future__ import annotations

import contextlib
import os
import signal
import time

__all__ = ["descendants", "orphans_after"]


def _stat(pid: int | str) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def descendants(pid: int) -> set[int]:
    """The live processes below ``pid`` (children, grandchildren...); empty without /proc."""
    if not os.path.isdir("/proc"):
        return set()
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(entry)) is not None and fields[0] != "Z":
            parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {c for c, p in parents.items() if p in frontier} - found
        found |= frontier
    return found


def orphans_after(pids: set[int], wait_s: float = 20.0) -> int:
    """How many of ``pids`` still run ``wait_s`` after their parent was killed (a zombie
    counts as gone). Survivors are killed, so a scenario never leaves any behind."""
    deadline = time.monotonic() + wait_s
    left = set(pids)
    while True:
        left = {p for p in left if (f := _stat(p)) is not None and f[0] != "Z"}
        if not left or time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return len(left)
