"""Helpers shared by the tests (imported as ``wt_helpers``: a name no conftest shadows)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIRETRACE = [sys.executable, "-m", "wiretrace.cli"]

_WORDS = (
    "harbour council ferry storm minister village river bridge school market union teachers "
    "strike budget rail station mayor police court hospital farmers drought water election "
    "museum festival airport border fishermen factory workers bank inflation coast road"
).split()


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None,
            check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess (no network; home in the test's folder)."""
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    proc = subprocess.run([*WIRETRACE, *args], cwd=cwd, input=input, capture_output=True,
                          text=True, env=env, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def fictional_article(seed: int, sentences: int = 6) -> str:
    """A made-up article text, different for every seed."""
    rnd = random.Random(seed)
    town = f"Velm{seed:05d}"
    lines = [f"Officials in {town} reported news on day {seed}."]
    for i in range(sentences):
        words = rnd.sample(_WORDS, 7)
        lines.append(f"The {words[0]} and the {words[1]} met the {words[2]} near the {words[3]} "
                     f"after {rnd.randint(2, 900)} {words[4]} asked about the {words[5]} ({i}).")
    return " ".join(lines)
