"""Readers under hostile input: numbers of any size, folders nested thousands deep."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

from wt_helpers import fictional_article

from wiretrace.ingest.readers import iter_documents
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

SETTINGS = Settings()
HUGE = "9" * 5000  # past int's 4,300-digit conversion cap


def _line(seed: int) -> str:
    return json.dumps({"title": f"Story {seed}", "text": fictional_article(seed)})


def _huge_line() -> str:
    text = json.dumps(fictional_article(7))
    return f'{{"title": "Big", "text": {text}, "published": {HUGE}}}'


def test_huge_json_integer_rejects_only_its_line_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join([_line(1), _huge_line(), _line(2), _line(3)]) + "\n")
    results = list(iter_documents([str(path)], SETTINGS))
    docs = [r for r in results if isinstance(r, Document)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [d.title for d in docs] == ["Story 1", "Story 2", "Story 3"]
    assert rejections == [
        Rejection(str(path), "line 2: invalid JSON: a number with more than 4,300 digits")
    ]


def test_huge_json_integer_on_stdin_keeps_the_lines_around_it() -> None:
    stdin = io.StringIO("\n".join([_line(1), _huge_line(), _line(2)]) + "\n")
    results = list(iter_documents(["-"], SETTINGS, stdin=stdin))
    assert [type(r).__name__ for r in results] == ["Document", "Rejection", "Document"]


def test_huge_json_integer_in_a_json_file_is_one_clear_rejection(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(f'[{_line(1)}, {{"text": "x", "n": {HUGE}}}]')
    assert list(iter_documents([str(path)], SETTINGS)) == [
        Rejection(str(path), "invalid JSON: a number with more than 4,300 digits")
    ]


def test_folder_nested_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    # a recursive walk needs a frame per level: under a limit of 250, 400 levels would raise
    # RecursionError (the real case is ~1,000 levels under the default limit; that deep a tree
    # would also defeat pytest's own recursive clean-up of tmp_path)
    depth = 400
    (tmp_path / "a.txt").write_text(f"First\n\n{fictional_article(1)}\n")
    deep = tmp_path.joinpath("d", *(["d"] * depth))
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(f"Deep\n\n{fictional_article(2)}\n")
    (tmp_path / "z.txt").write_text(f"Last\n\n{fictional_article(3)}\n")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(250)
    try:
        results = list(iter_documents([str(tmp_path)], SETTINGS))
    finally:
        sys.setrecursionlimit(limit)
    titles = [r.title for r in results if isinstance(r, Document)]
    assert titles == ["First", "Deep", "Last"]
    assert not [r for r in results if isinstance(r, Rejection)]


def test_folder_past_path_max_is_a_rejection(tmp_path: Path) -> None:
    name = "n" * 200
    fd = os.open(tmp_path, os.O_RDONLY)
    for _ in range(25):  # 5,000 characters: past PATH_MAX, made one level at a time
        os.mkdir(name, dir_fd=fd)
        inner = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)
    results = list(iter_documents([str(tmp_path)], SETTINGS))
    assert results and all(isinstance(r, Rejection) for r in results)
    assert {r.reason for r in results} <= {"file name too long", "folder has no files"}


def test_walk_order_is_sorted_with_files_and_folders_interleaved(tmp_path: Path) -> None:
    for rel in ("b/x.txt", "a.txt", "c.txt", "b/a/y.txt", ".hidden/h.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{rel}\n\n{fictional_article(len(rel))}\n")
    results = list(iter_documents([str(tmp_path)], SETTINGS))
    assert [
        Path(r.source).relative_to(tmp_path).as_posix() for r in results if isinstance(r, Document)
    ] == ["a.txt", "b/a/y.txt", "b/x.txt", "c.txt"]


def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    text = f"Ferry strike\n\n{fictional_article(5)} Мост откроется в июне."
    for name, encoding in (("le.txt", "utf-16-le"), ("be.txt", "utf-16-be"), ("le", "utf-16-le")):
        (tmp_path / name).write_bytes(text.encode(encoding))
        [doc] = list(iter_documents([str(tmp_path / name)], SETTINGS))
        assert isinstance(doc, Document), doc
        assert doc.title == "Ferry strike" and "Мост" in (doc.text or "")


def test_binary_data_with_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    import random

    rnd = random.Random(4)
    blob = bytes(rnd.getrandbits(8) for _ in range(4096)) + b"\0\0\0\0" * 64
    (tmp_path / "blob.txt").write_bytes(blob)
    assert list(iter_documents([str(tmp_path / "blob.txt")], SETTINGS)) == [
        Rejection(str(tmp_path / "blob.txt"), "binary data, not text")
    ]
