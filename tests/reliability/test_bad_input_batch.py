"""Every kind of bad input in ONE `wiretrace ingest` batch with good files, end to end.

The reader-level cases (one file each) live in tests/ingest/test_bad_input.py; this is the
batch: each bad input is rejected with one stderr line and a recorded reason, every good item
of the same batch is stored, the exit code is 1 and nothing prints a traceback.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wiretrace.ingest.readers import iter_documents
from wiretrace.model import Document, Rejection
from wiretrace.reliability.bad_input import (
    BatchResult,
    bad_input_batch,
    huge_json_line,
    known_gaps,
    vanishing_file,
)
from wiretrace.reliability.harness import fictional_text
from wiretrace.settings import Settings
from wiretrace.store import Store


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> BatchResult:
    return bad_input_batch(tmp_path_factory.mktemp("bad"))


def test_exit_code_one_and_no_traceback(batch: BatchResult) -> None:
    assert batch.exit_code == 1, batch.stderr
    assert "Traceback" not in batch.stderr and "Traceback" not in batch.stdout
    assert batch.integrity == "ok"


def test_every_kind_ends_as_expected(batch: BatchResult) -> None:
    wrong = [f"{o.case.kind} ({o.case.name}): {o.problem}" for o in batch.outcomes if not o.ok]
    assert not wrong, "\n".join(wrong)


def test_one_stderr_line_per_recorded_rejection(batch: BatchResult) -> None:
    recorded = [f"rejected: {r.source}: {r.reason}" for r in batch.rejections]
    assert batch.stderr_rejections == recorded
    assert all(r.reason.strip() and "\n" not in r.reason for r in batch.rejections)
    # besides rejections, only the line per table saying which columns were used
    other = [line for line in batch.stderr.splitlines()
             if not line.startswith(("rejected: ", "columns: "))]
    assert other == []


def test_good_items_of_the_batch_are_all_stored(batch: BatchResult) -> None:
    expected = sum(o.case.stored for o in batch.outcomes)
    # 20 + 14 others, the copy under another file name included (a republication)
    assert batch.stored == expected == 34
    summary = batch.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"ingested {expected} new articles, 1 already stored, "
                              f"{len(batch.rejections)} rejected")


def test_legacy_encodings_are_decoded_not_mangled(batch: BatchResult) -> None:
    with Store(batch.db, readonly=True) as store:
        texts = {Path(a.source).name: (a.title, a.text) for a in store.articles()}
    assert texts["latin1.txt"][0] == "Brücke verspätet"
    assert "Straße über den Fluß" in texts["latin1.txt"][1]
    assert texts["cp1251.txt"][0] == "Мост задерживается"
    assert "Власти города Вельм" in texts["cp1251.txt"][1]
    assert texts["utf16.txt"][0] == "Мост откроется в июне"
    assert "\u201cFinally\u201d one said" in texts["invalid-utf8.txt"][1]
    assert all("\ufffd" not in text for _, text in texts.values())


def test_huge_line_and_gzip_bomb_do_not_stall_the_batch(batch: BatchResult) -> None:
    # a 60 MB line (read within the 64 MB cap) and a gzip bomb stopped at 128 MB inflated
    assert batch.seconds < 45


def test_file_vanishing_mid_batch(tmp_path: Path) -> None:
    result = vanishing_file(tmp_path)
    doomed = str(tmp_path / "vanish" / "z-vanishes.txt")
    assert result.rejections == [Rejection(doomed, "file vanished before it was read")]
    assert result.stored == result.good


# --- gaps this suite found (closed): the right behaviour ----------------------------------------


def test_warc_record_cut_inside_its_payload_is_rejected(tmp_path: Path) -> None:
    gap = known_gaps(tmp_path)[0]
    assert gap.right, gap.found


def test_warc_gz_cut_at_the_tail_keeps_whole_records(tmp_path: Path) -> None:
    gap = known_gaps(tmp_path)[1]
    assert gap.right, gap.found


def test_warc_without_html_responses_is_rejected_with_a_reason(tmp_path: Path) -> None:
    gap = known_gaps(tmp_path)[2]
    assert gap.right, gap.found


def test_sixty_megabyte_json_line_is_rejected_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"text": fictional_text(1) * 80_000}) + "\n")
    start = time.monotonic()
    from wiretrace.pipeline import extract_documents

    settings = Settings(workers=1)
    items = list(extract_documents(iter_documents([str(path)], settings), settings))
    assert [type(i) for i in items] == [Rejection]
    assert time.monotonic() - start < 10


def test_known_gap_inputs_never_crash(tmp_path: Path) -> None:
    # whatever the verdict, both inputs come out as documents or rejections
    gaps = known_gaps(tmp_path)
    assert len(gaps) == 3 and all(g.found for g in gaps)
    tail = tmp_path / "gaps" / "cut-tail.warc.gz"
    assert all(isinstance(i, Document | Rejection)
               for i in iter_documents([str(tail)], Settings()))


def test_huge_json_line_measured_for_the_report(tmp_path: Path) -> None:
    gap = huge_json_line(tmp_path)
    assert gap.right, gap.found
    assert gap.found.endswith("line 1: item longer than 2,000,000 characters"), gap.found
