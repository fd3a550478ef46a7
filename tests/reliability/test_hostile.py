"""The hostile-input scenarios of docs/reliability.md (issue 14), asserted. The slow ones
(orphans after a kill, two 1.9M-character texts compared) have their own tests:
tests/backends/test_lifeline.py and tests/trace/test_bounds.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wiretrace.reliability import hostile
from wiretrace.reliability.bad_input import Gap

CASES: list[Callable[[Path], Gap | list[Gap]]] = [
    hostile.surrogates, hostile.non_utf8_name, hostile.huge_integers, hostile.deep_folder,
    hostile.fetch_deadline, hostile.wrong_host, hostile.terminal_and_errors, hostile.deep_html,
]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_hostile_case(tmp_path: Path, case: Callable[[Path], Gap | list[Gap]]) -> None:
    found = case(tmp_path)
    for gap in found if isinstance(found, list) else [found]:
        assert gap.right, f"{gap.what}: {gap.found}"

