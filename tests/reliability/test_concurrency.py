"""A real `wiretrace serve` answers a mixed load while `ingest` and `cluster` write the same
database; two ingests at once take turns (or fail with StoreBusy) and never corrupt anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.reliability.concurrency import concurrent_ingests, serve_under_writes


@pytest.mark.slow
def test_server_answers_while_ingest_and_cluster_write(tmp_path: Path) -> None:
    result = serve_under_writes(tmp_path, requests=2000, threads=4)
    assert result.errors == [], result.errors[:20]
    assert sum(result.statuses.values()) == 2000
    assert set(result.statuses) <= {200, 404}
    assert result.during_writes >= 200, "the load did not overlap the writers"
    assert result.writer_exits == {"ingest": 0, "cluster": 0, "cluster_again": 0}
    assert result.writer_errors == []
    assert result.integrity == "ok"
    assert result.articles == result.expected_articles == result.distinct_shas
    assert result.unclustered == 0
    assert result.server_tracebacks == 0
    assert result.ok


@pytest.mark.slow
def test_two_ingests_at_once_take_turns(tmp_path: Path) -> None:
    result = concurrent_ingests(tmp_path, each=200, overlap=100)
    assert result.busy_exits_clear, result.stderr
    assert result.integrity == "ok"
    assert result.articles == result.distinct_shas  # no duplicates
    if all(code == 0 for code in result.exits):
        assert result.articles == result.expected
    assert result.busy_message.endswith(
        "another wiretrace process is writing to this database; "
        "wait for it to finish and run the command again"
    )
    assert result.ok
