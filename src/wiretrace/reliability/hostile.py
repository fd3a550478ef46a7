"""Hostile input (issue 14): each case one bad item beside good ones, bounded in time, measured
again on every run so that the report stays true. Network cases only against loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from wiretrace.reliability.bad_input import Gap
from wiretrace.reliability.harness import WIRETRACE, cli_env, fictional_text, run_cli
from wiretrace.reliability.orphans import descendants, orphans_after
from wiretrace.settings import Settings
from wiretrace.store import Store

__all__ = ["hostile_cases", "orphans_after_signal"]


def _line(seed: int, **extra: object) -> str:
    return json.dumps({"title": f"Story {seed}", "text": fictional_text(seed), **extra})


def _ingest(paths: list[str], db: Path, stdin: str | None = None) -> tuple[int, int, int, str]:
    """(exit code, articles stored, rejections stored, stderr) of one ``wiretrace ingest``."""
    proc = subprocess.run([*WIRETRACE, "ingest", *paths, "--db", str(db), "-q"],
                          input=stdin, capture_output=True, text=True, env=cli_env(),
                          timeout=300)
    with Store(db, readonly=True) as store:
        counts = store.counts()
    return proc.returncode, counts["articles"], counts["rejections"], proc.stderr


def _traceback(stderr: str) -> str:
    return "; **a traceback**" if "Traceback" in stderr else ""


def surrogates(workdir: Path) -> Gap:
    folder = workdir / "surrogates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.jsonl").write_text("\n".join([
        _line(1), _line(2, byline="x\ud800y"), _line(3, published="2026\udfff"),
        _line(4, language="e\udbffn")]) + "\n")
    (folder / "b.json").write_text(json.dumps([json.loads(_line(5)),
                                               json.loads(_line(6, byline="\ud800"))]))
    entries = "".join(
        f"<item><title>Entry {i}{'&#xD800;' if i == 1 else ''}</title>"
        f"<link>https://velm.example/{i}</link><description><![CDATA[<p>{fictional_text(10 + i)}"
        f"</p><p>{fictional_text(20 + i)}</p>]]></description></item>" for i in range(3))
    (folder / "c.rss").write_text(f"<rss version='2.0'><channel><title>F</title>{entries}"
                                  "</channel></rss>")
    db = workdir / "surrogates.db"
    code, stored, rejected, err = _ingest([str(folder)], db)
    again, _, _, err2 = _ingest([str(folder)], db)
    return Gap(
        "Lone surrogates (`\"byline\": \"x\\ud800y\"`, in `published`, `language`; a feed's "
        "`&#xD800;`) in JSON Lines, a JSON array and a feed: 9 items, 4 with one",
        f"{stored} of 9 stored (the surrogate shown as U+FFFD), {rejected} rejected; exit "
        f"{code}, re-run exit {again}{_traceback(err + err2)}",
        stored == 9 and rejected == 0 and code == again == 0 and "Traceback" not in err + err2,
    )


def non_utf8_name(workdir: Path) -> Gap:
    folder = workdir / "names"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(3):
        (folder / f"good-{i}.txt").write_text(f"Good {i}\n\n{fictional_text(30 + i)}\n")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(f"Latin-1 name\n\n{fictional_text(39)}\n".encode())
    db = workdir / "names.db"
    code, stored, _, err = _ingest([str(folder)], db)
    again, _, _, err2 = _ingest([str(folder)], db)
    with Store(db, readonly=True) as store:
        names = sorted(Path(a.source).name for a in store.articles())
    shown = next((n for n in names if n.startswith("caf")), "-")
    return Gap(
        "A file name that is not UTF-8 (a Latin-1 `café.txt`) beside 3 good files",
        f"{stored} of 4 stored, the name kept as `{shown}`; exit {code}, re-run exit {again}"
        f"{_traceback(err + err2)}",
        stored == 4 and shown == "caf\\xe9.txt" and code == again == 0,
    )


def huge_integers(workdir: Path) -> Gap:
    folder = workdir / "numbers"
    folder.mkdir(parents=True, exist_ok=True)
    big = '{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}"
    (folder / "n.jsonl").write_text("\n".join([_line(40), big, _line(41)]) + "\n")
    db = workdir / "numbers.db"
    code, stored, rejected, err = _ingest([str(folder)], db)
    code2, stored2, rejected2, err2 = _ingest(["-"], workdir / "numbers-stdin.db",
                                              stdin="\n".join([_line(42), big, _line(43)]) + "\n")
    reason = err.strip().splitlines()[0].split(": ", 2)[-1] if err.strip() else "-"
    return Gap(
        "A JSON integer of 5,000 digits on the middle line of three (a file, and stdin)",
        f"file: {stored} of 2 stored, {rejected} rejected (`{reason}`); stdin: {stored2} of 2 "
        f"stored, {rejected2} rejected{_traceback(err + err2)}",
        (stored, rejected, stored2, rejected2, code, code2) == (2, 1, 2, 1, 1, 1),
    )


def deep_folder(workdir: Path, depth: int = 1100) -> Gap:
    """A folder chain ``depth`` deep holding a file, beside a good file. Made and removed level
    by level (a recursive removal would fail on it too)."""
    top = workdir / "deep-folder"
    top.mkdir(parents=True, exist_ok=True)
    (top / "a.txt").write_text(f"Top\n\n{fictional_text(50)}\n")
    fd = os.open(top, os.O_RDONLY)
    try:
        for level in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            if level == 400:
                with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd),
                          "w") as handle:
                    handle.write(f"Deep\n\n{fictional_text(51)}\n")
    finally:
        os.close(fd)
    try:
        code, stored, rejected, err = _ingest([str(top)], workdir / "deep-folder.db")
    finally:
        _remove_chain(top)
    return Gap(
        f"A folder nested {depth:,} deep (a file at level 400 and one at the top)",
        f"{stored} of 2 stored, {rejected} rejected; exit {code}{_traceback(err)}",
        stored == 2 and "Traceback" not in err,
    )


def _remove_chain(top: Path) -> None:
    current, n = top, 0
    while current.exists():
        for child in current.iterdir():
            if child.name != "d":
                child.unlink()
        sub = current / "d"
        if not sub.exists():
            current.rmdir()
            return
        n += 1
        moved = top.parent / f"deep-chain-{n}"
        os.rename(sub, moved)
        current.rmdir()
        current = moved


def orphans_after_signal(workdir: Path, sig: int, files: int = 1500) -> tuple[int, int]:
    """(worker processes at the signal, of those still running 20 s later) for ``wiretrace
    ingest`` of ``files`` HTML files killed by ``sig`` once its workers run."""
    folder = workdir / f"orphans-{int(sig)}"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (folder / f"a{i:05d}.html").write_text(
            f"<html><body><h1>Story {i}</h1><p>{fictional_text(i, 8)}</p></body></html>")
    proc = subprocess.Popen([*WIRETRACE, "ingest", str(folder), "--db",
                             str(workdir / f"orphans-{int(sig)}.db"), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env())
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = descendants(proc.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    os.kill(proc.pid, sig)
    proc.wait()
    return len(workers), orphans_after(workers)


def orphans(workdir: Path) -> Gap:
    found = {sig.name: orphans_after_signal(workdir, sig) for sig in (signal.SIGKILL,
                                                                       signal.SIGTERM)}
    return Gap(
        "SIGKILL, and SIGTERM, of `wiretrace ingest` while its extraction workers run",
        "; ".join(f"{name}: {left} of {n} worker processes left 20 s later"
                  for name, (n, left) in found.items()),
        all(n > 0 and left == 0 for n, left in found.values()),
    )


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        page = b"<html><body><p>" + b"slow " * 40 + b"</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(page) * (2 if self.path == "/cut" else 1)))
        self.end_headers()
        try:
            if self.path == "/cut":
                self.wfile.write(page)  # and close: half of what Content-Length says
                return
            for i in range(0, len(page), 8):  # 8 bytes every 0.25 s: about 8 s for the page
                self.wfile.write(page[i : i + 8])
                self.wfile.flush()
                time.sleep(0.25)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            return

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def fetch_deadline(workdir: Path) -> Gap:
    from wiretrace.errors import InputError
    from wiretrace.ingest.fetch import FetchPolicy, fetch

    del workdir
    results: list[str] = []
    with _server() as base:
        for path in ("/drip", "/cut"):
            start = time.monotonic()
            try:
                fetch(base + path, FetchPolicy(allow_private=True, timeout_s=2.0))
                results.append(f"`{path}` stored after {time.monotonic() - start:.1f} s")
            except InputError as exc:
                reason = str(exc).split(": ", 1)[-1]
                results.append(f"`{path}` rejected after {time.monotonic() - start:.1f} s "
                               f"(`{reason}`)")
    return Gap(
        "`--fetch` (2 s deadline) of a loopback page sent 8 bytes every 0.25 s (8 s in all), "
        "and of one cut off before its Content-Length",
        "; ".join(results),
        all("rejected" in r for r in results) and float(results[0].split(" after ")[1]
                                                         .split(" s")[0]) < 3,
    )


def long_compare(workdir: Path) -> list[Gap]:
    gaps = []
    for chars in (200_000, 1_900_000):
        parts: list[str] = []
        size = 0
        while size < chars:
            parts.append(fictional_text(len(parts), 6))
            size += len(parts[-1]) + 2
        text = "Long report\n\n" + "\n\n".join(parts)
        a, b = workdir / f"long-{chars}-a.txt", workdir / f"long-{chars}-b.txt"
        a.write_text(text)
        b.write_text(text.replace(" met ", " saw "))
        code, out, seconds, cpu, peak_kb = _measured([*WIRETRACE, "compare", str(a), str(b),
                                                  "--json"])
        bounded = json.loads(out).get("bounded", []) if code == 0 else []
        limit = 5 if chars <= 200_000 else 30
        gaps.append(Gap(
            f"`wiretrace compare` of two {chars:,}-character texts",
            f"{cpu:.1f} s of CPU ({seconds:.1f} s wall on a shared machine), {peak_kb / 1024:.0f}"
            f" MB peak; {len(bounded)} texts cut to "
            f"`Settings.max_compare_chars` ({Settings().max_compare_chars:,}), said in the "
            f"output; exit {code}",
            code == 0 and cpu <= limit and len(bounded) == 2 and peak_kb < 1024 * 1024,
        ))
    return gaps


# runs a command and reports its peak memory and CPU: measured from a small parent, since a
# child forked from this (large) process would count this process's memory as its own peak
_PEAK = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stderr=subprocess.DEVNULL)\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(f'{u.ru_maxrss} {u.ru_utime + u.ru_stime}\\n')\n"
    "sys.exit(code)\n"
)


def _measured(args: list[str]) -> tuple[int, str, float, float, int]:
    """(exit code, stdout, seconds, CPU seconds, peak resident KB) of one command."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _PEAK, *args], capture_output=True, text=True,
                          env=cli_env(), timeout=600)
    seconds = time.monotonic() - start
    peak, cpu = proc.stderr.strip().splitlines()[-1].split()
    return proc.returncode, proc.stdout, seconds, float(cpu), int(peak)


def wrong_host(workdir: Path) -> Gap:
    import warnings

    from wiretrace.web.app import create_app
    from wiretrace.web.hosts import allowed_hosts_for

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    db = workdir / "host.db"
    Store(db).close()
    app = create_app(db, allowed_hosts=allowed_hosts_for("127.0.0.1"))
    codes = {}
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for host in ("127.0.0.1:8000", "localhost:8000", "evil.example", "evil.example:8000"):
            codes[host] = client.get("/stories.json", headers={"host": host}).status_code
    return Gap(
        "`serve` on 127.0.0.1, asked with other Host headers (DNS rebinding)",
        ", ".join(f"`{h}` {c}" for h, c in codes.items()),
        list(codes.values()) == [200, 200, 400, 400],
    )


def terminal_and_errors(workdir: Path) -> list[Gap]:
    folder = workdir / "terminal"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x.json\nrejected: everything.txt: forged\x1b[2J").write_text("{not json")
    db = workdir / "terminal.db"
    proc = run_cli("ingest", str(folder), "--db", str(db), "-q")
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("rejected:")]
    raw = any(ch in proc.stderr for ch in "\x1b\x07")
    gaps = [Gap(
        "A file name holding a newline, a forged `rejected:` line and an escape sequence",
        f"{len(lines)} `rejected:` line, control characters shown escaped: "
        f"{'no' if raw else 'yes'}",
        len(lines) == 1 and not raw and "\\n" in lines[0],
    )]
    notdb = workdir / "notes.db"
    notdb.write_text("not a database\n" * 100)
    Store(workdir / "real.db").close()
    checks: list[tuple[str, Callable[[], subprocess.CompletedProcess[str]]]] = [
        ("`stats` on a file that is not a database",
         lambda: run_cli("stats", "--db", str(notdb))),
        ("`show 99999999999999999999`",
         lambda: run_cli("show", "99999999999999999999", "--db", str(workdir / "real.db"))),
        ("`analyze --json /missing/dir/r.json`",
         lambda: run_cli("analyze", str(folder), "--db", str(workdir / "never.db"),
                         "--json", str(workdir / "missing" / "r.json"))),
    ]
    for what, run in checks:
        done = run()
        first = (done.stderr.strip().splitlines() or ["-"])[0].replace(str(workdir), "…")
        gaps.append(Gap(
            what, f"exit {done.returncode}: `{first[:110]}`{_traceback(done.stderr)}",
            done.returncode == 2 and first.startswith("error:") and "Traceback" not in
            done.stderr,
        ))
    return gaps


def deep_html(workdir: Path) -> Gap:
    from wiretrace.ingest.readers import iter_documents
    from wiretrace.model import Article
    from wiretrace.pipeline import extract_documents

    path = workdir / "deep-1000.html"
    body = "".join(f"<p>{fictional_text(60 + k)}</p>" for k in range(3))
    path.write_text("<html><body>" + "<div>" * 1000 + body + "</div>" * 1000 + "</body></html>")
    settings = Settings(workers=1)
    items = list(extract_documents(iter_documents([str(path)], settings), settings))
    text = items[0].text if items and isinstance(items[0], Article) else ""
    reason = getattr(items[0], "reason", "") if items else "nothing"
    return Gap(
        "HTML nested 1,000 deep (under the 2,000 cap)",
        f"stored with {len(text.split())} words of its text" if text else f"rejected: {reason}",
        len(text.split()) > 60,
    )


def hostile_cases(workdir: Path, slow: bool = True) -> list[Gap]:
    """Every case of issue 14, measured. ``slow``: the orphan and long-compare cases too."""
    workdir.mkdir(parents=True, exist_ok=True)
    gaps = [surrogates(workdir), non_utf8_name(workdir), huge_integers(workdir),
            deep_folder(workdir)]
    if slow:
        gaps.append(orphans(workdir))
    gaps.append(fetch_deadline(workdir))
    if slow:
        gaps += long_compare(workdir)
    gaps.append(wrong_host(workdir))
    gaps += terminal_and_errors(workdir)
    gaps.append(deep_html(workdir))
    return gaps

