"""The pass/fail of a gated benchmark, shared by every script that ``bench/gates.py`` runs.

A check is ``(what, measured, bound, higher_is_better)``: a floor when higher is better (the
measure fails below it), a ceiling otherwise (it fails above it); a bound of None is not asked
for. Each failed check is printed as one line on standard error, and the exit status is 1 when
any failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

Check = tuple[str, float, float | None, bool]


def gate(name: str, checks: Iterable[Check]) -> int:
    failed = 0
    for what, measured, bound, higher_is_better in checks:
        if bound is None:
            continue
        if measured < bound if higher_is_better else measured > bound:
            sign, limit = ("<", "floor") if higher_is_better else (">", "ceiling")
            print(f"{name}: FAILED {what} {measured:.3f} {sign} {limit} {bound}", file=sys.stderr)
            failed = 1
    return failed
