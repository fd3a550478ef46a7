"""Bad input: every kind in one ``wiretrace ingest`` batch, a file vanishing mid-walk, and the
input-handling gaps this suite found (measured, so the report stays true)."""

from __future__ import annotations

import gzip
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.model import Rejection
from wiretrace.reliability.harness import (
    HUGE_LINE_BYTES,
    article_html,
    fictional_text,
    gzip_bomb,
    integrity_check,
    run_cli,
    warc_record,
    write_good_texts,
)
from wiretrace.settings import Settings
from wiretrace.store import Store

__all__ = [
    "BadCase",
    "BatchResult",
    "CaseOutcome",
    "Gap",
    "VanishResult",
    "bad_input_batch",
    "huge_json_line",
    "known_gaps",
    "vanishing_file",
    "write_bad_batch",
]


@dataclass(slots=True)
class BadCase:
    """One kind of input in the batch and what must happen to it.

    ``expect``: ``stored`` (decoded and stored), ``rejected`` (the file, or the listed items of
    it, rejected with ``reasons``: each an exact reason or a prefix ending in ``*``),
    ``partial`` (good items stored, ``reasons`` for the bad ones) or ``duplicate``.
    """

    kind: str
    name: str
    expect: str
    reasons: list[str] = field(default_factory=list)
    stored: int = 0  # articles of this file that must be stored


def write_bad_batch(folder: Path, good: int = 20) -> list[BadCase]:
    """Write one batch of good files and every kind of bad input; returns what must happen."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[BadCase] = []

    def add(name: str, content: str | bytes, kind: str, expect: str,
            reasons: list[str] | None = None, stored: int = 0) -> None:
        """Write ``content`` (text as UTF-8) to ``name`` and record what must happen to it."""
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
        cases.append(BadCase(kind, name, expect, reasons or [], stored))

    for i in range(good):
        (folder / f"good-{i:03d}.txt").write_text(
            f"Good report {i}\n\n{fictional_text(1000 + i)}\n", encoding="utf-8"
        )
    cases.append(BadCase("good plain-text files", "good-*.txt", "stored", stored=good))
    add("good-page.html", article_html(2001, "Harbour ferry"), "good HTML page", "stored", stored=1)
    add("good-page.html.gz", gzip.compress(article_html(2002, "River bridge").encode()),
        "good gzipped HTML", "stored", stored=1)

    # binary and empty
    rnd = random.Random(1)
    blob = b"\x00\x01\x02\xff\xfePK\x03\x04" * 64 + bytes(rnd.getrandbits(8) for _ in range(4096))
    add("binary.txt", blob, "binary data (.txt)", "rejected", ["binary data, not text"])
    add("binary.dat", blob, "binary data (no known extension)", "rejected",
        ["binary data, not text"])
    add("empty.txt", b"", "empty file", "rejected", ["empty file"])
    add("blank.html", b"  \n\n\t \n", "whitespace-only file", "rejected", ["empty file"])

    # encodings
    mixed = (
        "Stray bytes\n\nCafé owners in Velm said the bridge «will help» the harbour. ".encode()
        + b"\x93Finally\x94 one said, and the ferry union agreed with the council."
    )
    add("invalid-utf8.txt", mixed, "invalid UTF-8 (stray windows-1252 bytes)", "stored", stored=1)
    add("utf16.txt",
        "Мост откроется в июне\n\nЖители города Вельм ждут открытия нового моста через реку."
        .encode("utf-16"), "UTF-16 with byte-order mark", "stored", stored=1)
    add("latin1.txt",
        "Brücke verspätet\n\nDie Straße über den Fluß bleibt gesperrt, sagte der Bürgermeister "
        "am Montag in Velm.".encode("latin-1"), "Latin-1 text", "stored", stored=1)
    add("cp1251.txt",
        "Мост задерживается\n\nВласти города Вельм сообщили, что новый мост откроют в июне, "
        "через два года после срока.".encode("cp1251"), "Windows-1251 text", "stored", stored=1)
    add("bad-utf16.txt", b"\xff\xfe" + b"\x00\xd8\x41\x00" * 40,
        "undecodable UTF-16 (lone surrogate)", "rejected", ["undecodable text: invalid UTF-16-LE"])

    # compression and archives
    packed = gzip.compress(article_html(2003, "Truncated").encode())
    add("truncated.html.gz", packed[: len(packed) // 2], "truncated gzip", "rejected",
        ["truncated gzip"])
    gzip_bomb(folder / "bomb.txt.gz", Settings().max_inflated_bytes + (8 << 20))
    cases.append(BadCase("gzip bomb (inflates past 128 MB)", "bomb.txt.gz", "rejected",
                         ["gzip inflates past 128 MB"]))
    whole = warc_record("https://velm.example/a", article_html(2004, "Archived council vote"))
    broken = warc_record("https://velm.example/b", article_html(2005, "Cut"), cut=300)
    # the file ends inside the second record's payload (its Content-Length says more)
    add("truncated.warc", whole + broken, "truncated WARC (good record kept)", "partial",
        ["record 2: truncated WARC record"], stored=1)
    add("not-a-warc.warc", "this is not a web archive\n" * 10, "not a WARC", "rejected",
        ["not a WARC file*"])

    # HTML
    add("malformed.html",
        f"<html><body><div><p>{fictional_text(2006)}<p><b>unclosed <i>tags</b></div></span>"
        "</td><table><tr><td>x", "malformed HTML (unclosed tags)", "stored", stored=1)
    add("deep.html",
        "<html><body>" + "<div>" * 5000 + fictional_text(2007) + "</div>" * 5000 + "</body></html>",
        "HTML nested 5,000 deep", "rejected", ["HTML nested deeper than 2000 levels"])
    add("no-text.html",
        "<html><head><title>T</title><script>var x = 1;</script></head><body></body></html>",
        "HTML without text", "rejected", ["empty document: no text"])

    # one 60 MB line: far longer than an article (max_item_chars), turned away by its size
    with (folder / "huge-line.txt").open("w", encoding="ascii") as out:
        chunk = "harbour ferry council " * 50_000
        written = 0
        while written < HUGE_LINE_BYTES:
            out.write(chunk)
            written += len(chunk)
    cases.append(BadCase("one 60 MB line (.txt, under the 64 MB cap)", "huge-line.txt",
                         "rejected", ["text longer than 2,000,000 characters"]))
    add("short.txt", "Headline\n\nToo short.\n", "text too short to be an article", "rejected",
        ["the article text is too short*"])

    # structured formats
    lines = [
        json.dumps({"title": "Line one", "text": fictional_text(2010)}),
        '{"text": "unterminated',
        json.dumps({"words": fictional_text(2011)}),  # no column of a known name
        "[1, 2]",
        json.dumps({"text": ["not", "a", "string"]}),
        json.dumps({"title": "Line six", "text": fictional_text(2012)}),
        json.dumps({"title": "Line one", "text": fictional_text(2010)}),  # same item again
    ]
    add("mixed.jsonl", "\n".join(lines) + "\n", "JSON Lines with broken lines among good ones",
        "partial", ["invalid JSON on line 2: *", "line 3: missing field: text or html*",
                    "line 4: not a JSON object but an array",
                    "line 5: field text must be a string, not an array"], stored=2)
    add("invalid.json", '{"text": ', "invalid JSON", "rejected", ["invalid JSON: *"])
    add("wrong-columns.csv", f"title,words\nBridge,{fictional_text(2013)}\n",
        "CSV with wrong columns", "rejected", ["CSV header has no text or html column*"])
    add("rows.csv",
        f'title,text\nOne,"{fictional_text(2014)}"\nTwo,\nThree,"{fictional_text(2015)}"\n',
        "CSV with an empty row among good ones", "partial", ["row 3: empty document: no text"],
        stored=2)

    # feeds
    add("broken-feed.xml", "<rss version='2.0'><channel><title>Broken", "broken feed (cut off)",
        "rejected", ["not a feed: *|feed has no entries"])
    add("not-a-feed.rss", "<?xml version='1.0'?><catalog><book>Not a feed</book></catalog>",
        "XML that is not a feed", "rejected", ["not a feed: *|feed has no entries"])
    body = "".join(f"<p>{fictional_text(2016 + k)}</p>" for k in range(2))
    add("good-feed.rss",
        "<rss version='2.0'><channel><title>Velm News</title><link>https://velm.example/</link>"
        f"<item><title>Feed story</title><link>https://velm.example/f1</link>"
        f"<description><![CDATA[{body}]]></description></item>"
        "<item><title>No content</title></item></channel></rss>",
        "feed with a good and an empty entry", "partial", ["entry 2: no content and no link"],
        stored=1)

    # duplicates
    # the same text under another file name is a republication, kept (only the same URL,
    # outlet, or file name and locator is a duplicate)
    add("good-000-copy.txt", (folder / "good-000.txt").read_bytes(),
        "the same text in a file of another name (a republication)", "stored", stored=1)
    cases.append(BadCase("duplicate item (same JSON line twice)", "mixed.jsonl", "duplicate"))
    return cases


@dataclass(slots=True)
class CaseOutcome:
    case: BadCase
    stored: int
    reasons: list[str]
    ok: bool
    problem: str = ""


@dataclass(slots=True)
class BatchResult:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    outcomes: list[CaseOutcome]
    stored: int
    duplicates: int
    rejections: list[Rejection]
    stderr_rejections: list[str]
    integrity: str
    db: Path

    @property
    def ok(self) -> bool:
        return (
            self.exit_code == 1
            and "Traceback" not in self.stderr
            and all(o.ok for o in self.outcomes)
            and self.integrity == "ok"
        )


def _file_of(source: str) -> str:
    """File name of a rejection source: 'folder/x.warc (record 2)' -> 'x.warc'."""
    return Path(source.split(" (")[0]).name


def _matches(reason: str, pattern: str) -> bool:
    for alt in pattern.split("|"):
        if alt.endswith("*") and reason.startswith(alt[:-1]):
            return True
        if reason == alt:
            return True
    return False


def bad_input_batch(workdir: Path, good: int = 20) -> BatchResult:
    """Every kind of bad input in one ``wiretrace ingest`` batch with good files."""
    folder = workdir / "batch"
    cases = write_bad_batch(folder, good)
    db = workdir / "bad.db"
    start = time.monotonic()
    proc = run_cli("ingest", str(folder), "--db", str(db), "--quiet")
    seconds = time.monotonic() - start
    with Store(db, readonly=True) as store:
        rejections = store.rejections()
        by_source = Counter(Path(a.source).name for a in store.articles())
    stderr_lines = [line for line in proc.stderr.splitlines() if line.startswith("rejected: ")]
    duplicates = 0
    for line in proc.stdout.splitlines():
        if " already stored" in line:
            duplicates = int(line.split(" already stored")[0].rsplit(", ", 1)[-1])
    outcomes = []
    for case in cases:
        if case.name == "good-*.txt":
            stored = sum(n for name, n in by_source.items()
                         if name.startswith("good-") and name.endswith(".txt")
                         and name != "good-000-copy.txt")
        else:
            stored = by_source.get(case.name, 0)
        reasons = [r.reason for r in rejections if _file_of(r.source) == case.name]
        problem = ""
        if case.expect != "duplicate" and stored != case.stored:
            problem = f"{stored} stored, {case.stored} expected"
        if case.expect in ("rejected", "partial"):
            missing = [p for p in case.reasons if not any(_matches(r, p) for r in reasons)]
            extra = [r for r in reasons if not any(_matches(r, p) for p in case.reasons)]
            lines = [ln for ln in stderr_lines
                     if _file_of(ln.removeprefix("rejected: ").split(": ")[0]) == case.name]
            if missing or extra:
                problem += f" reasons {reasons} (expected {case.reasons})"
            if len(lines) != len(case.reasons):
                problem += f" {len(lines)} stderr lines for {len(case.reasons)} rejections"
        elif case.expect == "stored" and reasons:
            problem += f" rejected: {reasons}"
        outcomes.append(CaseOutcome(case, stored, reasons, not problem, problem.strip()))
    return BatchResult(
        exit_code=proc.returncode, stdout=proc.stdout, stderr=proc.stderr, seconds=seconds,
        outcomes=outcomes, stored=sum(by_source.values()), duplicates=duplicates,
        rejections=rejections, stderr_rejections=stderr_lines, integrity=integrity_check(db), db=db,
    )


@dataclass(slots=True)
class VanishResult:
    rejections: list[Rejection]
    stored: int
    good: int


def vanishing_file(workdir: Path, good: int = 48) -> VanishResult:
    """A file listed by the folder walk is deleted before it is read (in-process: the first
    progress callback deletes it; the reader is then at most 32 documents ahead)."""
    from wiretrace.pipeline import ingest

    folder = workdir / "vanish"
    write_good_texts(folder, range(5000, 5000 + good), prefix="a-")
    doomed = folder / "z-vanishes.txt"
    doomed.write_text(f"Doomed\n\n{fictional_text(4999)}\n", encoding="utf-8")
    settings = Settings(db=workdir / "vanish.db", workers=1)

    def progress(done: int, label: str) -> None:
        if doomed.exists():
            doomed.unlink()

    with Store(settings.db) as store:
        report = ingest([str(folder)], store, settings, progress=progress)
        return VanishResult(store.rejections(), len(report.added), good)


# ------------------------------------------------------------------------------ known gaps
@dataclass(slots=True)
class Gap:
    what: str
    found: str
    right: bool  # the behaviour is the right one (the gap is closed)


def known_gaps(workdir: Path) -> list[Gap]:
    """Measure the input-handling gaps this suite found, all closed now (kept here so the report
    stays true): a WARC record cut inside its payload, a .warc.gz cut at its tail, a WARC
    without HTML responses."""
    from wiretrace.ingest.readers import iter_documents
    from wiretrace.model import Document
    from wiretrace.pipeline import extract_documents

    settings = Settings(workers=1)
    folder = workdir / "gaps"
    folder.mkdir(parents=True, exist_ok=True)
    whole = warc_record("https://velm.example/a", article_html(2004, "Archived council vote"))
    full = warc_record("https://velm.example/b", article_html(2005, "Cut"))
    cut = folder / "cut-payload.warc"
    cut.write_bytes(whole + full[: len(full) // 2])
    items = list(extract_documents(iter_documents([str(cut)], settings), settings))
    second = [i for i in items if getattr(i, "locator", "") == "record 2"]
    rejected = [i for i in items if isinstance(i, Rejection) and "record 2" in i.source + i.reason]
    gaps = [Gap(
        "WARC record cut inside its HTML payload (Content-Length says more)",
        f"stored as an article of {len(second[0].text)} characters, no rejection"
        if second and not isinstance(second[0], Rejection | Document)
        else f"rejected: {rejected[0].reason}" if rejected else "neither stored nor rejected",
        [r.reason for r in rejected] == ["record 2: truncated WARC record"] and not second,
    )]
    tail = folder / "cut-tail.warc.gz"
    tail.write_bytes(gzip.compress(whole) + gzip.compress(full)[:200])
    got = list(iter_documents([str(tail)], settings))
    kept = sum(isinstance(i, Document) for i in got)
    reasons = [i.reason for i in got if isinstance(i, Rejection)]
    gaps.append(Gap(
        ".warc.gz whose last gzip member is cut off (a crawl killed mid-write)",
        f"{kept} of 1 whole records kept; rejected: {'; '.join(reasons) or '-'}",
        kept == 1 and reasons == ["record 2: truncated gzip member"],
    ))
    empty = folder / "no-responses.warc"
    empty.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    got = list(iter_documents([str(empty)], settings))
    gaps.append(Gap(
        "WARC with no HTML response in it (only warcinfo)",
        "rejected: " + "; ".join(i.reason for i in got if isinstance(i, Rejection))
        if got else "nothing: neither a document nor a rejection, so the file is not counted",
        got == [Rejection(str(empty), "no HTML response records in the WARC")],
    ))
    return gaps


def huge_json_line(workdir: Path) -> Gap:
    """One 60 MB JSON line (one item, under the 64 MB file cap) through the readers and the
    extraction stage: it must come out as one rejection, quickly."""
    from wiretrace.ingest.readers import iter_documents
    from wiretrace.pipeline import extract_documents

    settings = Settings(workers=1)
    path = workdir / "huge.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = fictional_text(1)
    path.write_text(json.dumps({"text": text * (HUGE_LINE_BYTES // len(text) + 1)}) + "\n")
    size = path.stat().st_size
    start = time.monotonic()
    items = list(extract_documents(iter_documents([str(path)], settings), settings))
    seconds = time.monotonic() - start
    path.unlink()
    reasons = [i.reason for i in items if isinstance(i, Rejection)]
    return Gap(
        f"One {size / (1 << 20):.0f} MB line in a `.jsonl` file (one item, under the 64 MB "
        "file cap)",
        f"rejected in {seconds:.1f} s: {'; '.join(reasons) or '-'}"
        f"{'' if len(items) == len(reasons) else f'; {len(items) - len(reasons)} stored'}",
        len(items) == len(reasons) == 1 and seconds < 10,
    )
