"""Worker processes die with the process that started them.

A ``ProcessPoolExecutor`` worker waits for its next job on a pipe whose write end it holds
itself (a forked worker inherits it), so when its parent is killed (SIGKILL, or SIGTERM, whose
default action skips every clean-up) it waits forever: an orphan holding memory and the
database open. ``worker_pool`` gives every worker two lifelines to the process that made the
pool:

- the parent-death signal (Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``): the kernel kills the
  worker when the process that forked it exits (the fork server, for forkserver pools, which
  itself exits when the main process does);
- a watchdog thread that waits on a pidfd of the main process (or, where there is none, polls
  it every half second) and ends the worker when it is gone.

Either alone suffices; the signal is instant, the watchdog covers platforms without ``prctl``
and pools made from a thread other than the main one (the signal fires when the forking
*thread* exits, so it is not set there).
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

__all__ = ["bind_to_parent", "worker_pool"]

_PR_SET_PDEATHSIG = 1
_POLL_S = 0.5


def worker_pool(max_workers: int, mp_context: BaseContext | None = None) -> ProcessPoolExecutor:
    """A process pool whose workers die when this process dies, however it dies."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    return ProcessPoolExecutor(
        max_workers=max_workers,
        mp_context=mp_context,
        initializer=bind_to_parent,
        initargs=(os.getpid(), in_main_thread),
    )


def bind_to_parent(main_pid: int, death_signal: bool = True) -> None:
    """Pool initializer: end this worker when process ``main_pid`` ends."""
    if death_signal:
        _set_death_signal()
    if not _alive(main_pid):  # it died before the lifelines were in place
        os._exit(1)
    threading.Thread(target=_watch, args=(main_pid,), name="wiretrace-lifeline",
                     daemon=True).start()


def _set_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog remains
        return
    if os.getppid() == 1:  # the forking process died before prctl: no signal will come
        os._exit(1)


def _watch(main_pid: int) -> None:
    try:
        fd = os.pidfd_open(main_pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd (old kernel, not Linux): poll instead
        while _alive(main_pid):
            time.sleep(_POLL_S)
        os._exit(1)
    select.select([fd], [], [])  # readable once the process has exited
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
