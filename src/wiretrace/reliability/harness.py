"""What every scenario uses: made-up articles and inputs, the command line, database checks.

The texts are invented (a large made-up vocabulary, so unrelated articles share few words); the
command line runs as a subprocess with a wide, colourless terminal.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

from wiretrace.model import Article
from wiretrace.store import Store

__all__ = [
    "HUGE_LINE_BYTES",
    "WIRETRACE",
    "article_html",
    "cli_env",
    "count_rows",
    "fictional_text",
    "gzip_bomb",
    "integrity_check",
    "run_cli",
    "seed_articles",
    "warc_record",
    "write_good_texts",
]

WIRETRACE = [sys.executable, "-m", "wiretrace.cli"]
HUGE_LINE_BYTES = 60 * 1024 * 1024

_SYLLABLES = "ka lo mi ter van del or pa sun rith bel co nar ves tu lim gor ash pel quin".split()
_VOCAB = sorted({"".join(random.Random(7 + i).sample(_SYLLABLES, 3)) for i in range(3000)})


def fictional_text(seed: int, sentences: int = 4) -> str:
    """A made-up article text, different for every seed (a large made-up vocabulary, so that
    unrelated articles share few words and clustering stays quick)."""
    rnd = random.Random(seed)
    lines = [f"Officials in Velm{seed:05d} reported news on day {seed}."]
    for i in range(sentences):
        w = rnd.sample(_VOCAB, 8)
        lines.append(
            f"The {w[0]} {w[1]} met the {w[2]} near the {w[3]} after {rnd.randint(2, 900)} "
            f"{w[4]} asked about the {w[5]} {w[6]} ({i}) {w[7]}."
        )
    return " ".join(lines)


def cli_env() -> dict[str, str]:
    return dict(os.environ, COLUMNS="200", NO_COLOR="1")


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*WIRETRACE, *args], capture_output=True, text=True, env=cli_env(), timeout=timeout
    )


def integrity_check(db: Path) -> str:
    con = sqlite3.connect(db, timeout=30)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def write_good_texts(folder: Path, seeds: range, prefix: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in seeds:
        path = folder / f"{prefix}{i:05d}.txt"
        path.write_text(f"Report {i}\n\n{fictional_text(i)}\n", encoding="utf-8")
        paths.append(path)
    return paths


def count_rows(db: Path, table: str = "articles") -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def seed_articles(db: Path, seeds: range) -> None:
    arts = [
        Article(source=f"seed/{i:05d}.txt", text=fictional_text(i), raw_text=fictional_text(i),
                title=f"Report {i}")
        for i in seeds
    ]
    with Store(db) as store:
        store.add_articles(arts)


def warc_record(url: str, html: str, *, cut: int | None = None) -> bytes:
    body = html.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        "WARC-Date: 2026-03-03T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    record = head + http + b"\r\n\r\n"
    return record if cut is None else record[:cut]


def article_html(seed: int, title: str) -> str:
    paras = "".join(f"<p>{fictional_text(seed * 10 + k)}</p>" for k in range(3))
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}"
        "</article></body></html>"
    )


def gzip_bomb(path: Path, inflated: int) -> None:
    """A small gzip of zeros that inflates to ``inflated`` bytes (written in pieces)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    with path.open("wb") as out:
        for _ in range(inflated // len(zeros) + 1):
            out.write(comp.compress(zeros))
        out.write(comp.flush())
