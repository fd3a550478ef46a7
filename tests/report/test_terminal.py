"""What the CLI prints from the corpus shows control characters, never obeys them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from wt_helpers import fictional_article, run_cli

from wiretrace.report.terminal import escape_controls, json_text, one_line

HOSTILE = "Calm \x1b[2J\x1b]0;pwned\x07 title\u202e [/bold] [red]x"


def test_escape_controls() -> None:
    assert escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escape_controls("a\nb\tc\x07\x9b") == "a\nb\tc\\x07\\x9b"
    assert escape_controls("right\u202eleft") == "right\\u202eleft"
    assert one_line("file\nrejected: forged") == "file\\nrejected: forged"
    plain = "Café — «quoted» 😀"
    assert escape_controls(plain) == plain


def test_json_text_escapes_what_json_leaves_raw() -> None:
    value = {"title": "a\x9b2J\u202eb\x1b é\u2028"}
    text = json_text(value)
    assert text == '{"title": "a\\u009b2J\\u202eb\\u001b é\\u2028"}'
    assert json.loads(text) == value


def _no_controls(text: str) -> None:
    bad = [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7f <= ord(ch) <= 0x9f
           or ch == "\u202e"]
    assert not bad, bad


def test_titles_and_sites_are_printed_escaped(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text("\n".join(json.dumps({
        "title": HOSTILE, "site": "evil\x1b[31m.example", "url": f"https://e.example/{i}",
        "text": fictional_article(1)}) for i in range(3)) + "\n")
    db = str(tmp_path / "w.db")
    run_cli("analyze", str(items), "--db", db, "-q", check=True)
    for command in (("show", "1"), ("stories",), ("sites",), ("trace",), ("stats",),
                    ("export",), ("stories", "--json"), ("sites", "--json")):
        proc = run_cli(*command, "--db", db)
        assert proc.returncode == 0, (command, proc.stderr)
        assert "Traceback" not in proc.stderr
        _no_controls(proc.stdout + proc.stderr)
    shown = run_cli("show", "1", "--db", db).stdout
    assert "\\x1b[2J" in shown and "[/bold] [red]x" in shown  # markup in a title is text


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    name = "x.json\nrejected: everything.txt: forged\x1b[2J"
    with open(os.path.join(folder, name), "w") as handle:
        handle.write("{not json")
    proc = run_cli("ingest", str(folder), "--db", str(tmp_path / "w.db"), "-q")
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.startswith("rejected:")]
    assert len(lines) == 1 and "\\nrejected: everything.txt: forged\\x1b[2J" in lines[0]
    _no_controls(proc.stderr)
