"""Every change the comparison reports on real LLM revisions that were not manipulated: each ImBD
revision (rewrite, polish, expand; not the continuations, nor outputs flagged
``unrelated_output`` or ``low_overlap``) against its original, through ``compare_texts``.

A model's revision changes a fact now and then (a made-up figure, a dropped credit), but most of
what is reported here is noise a rule made of a rewording. Use it to see what a new rule adds or
takes away on real rewrites: run it before and after (``--out`` keeps one line per change, to
``diff``), and read what differs. ``bench/denials.py`` is the same reading for denials only.

Splits by original id as in ``bench/rewrites.py`` (dev tuned on, test held out). About 90 s for
both splits on a 2-core machine with the sentence embeddings cached in bench/out, several
minutes without.

    python bench/revision_changes.py [--split dev|test|both] [--limit N] [--out FILE] [-v]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_dir, embedding_cache  # noqa: E402
from rewrites import split_of, unmanipulated  # noqa: E402


def run(split: str, limit: int | None, out: Path | None, verbose: bool) -> None:
    from wiretrace.claims.compare import compare_texts

    kinds: dict[str, Counter[str]] = {}
    revisions: Counter[str] = Counter()
    lines = []
    started = time.perf_counter()
    with embedding_cache():
        for lab, source, copy in unmanipulated(split, limit, flagged=False):
            part = split_of(lab["original"])
            revisions[part] += 1
            for c in compare_texts(source, copy).changes:
                kinds.setdefault(part, Counter())[c.kind] += 1
                line = (f"{part}\t{lab['derived']}\t{c.kind}\t{c.text!r}\t{c.versus_text!r}\t"
                        f"{c.explanation[:160]}")
                lines.append(line)
                if verbose:
                    print("  " + line)
    if out is not None:
        out.write_text("".join(f"{x}\n" for x in sorted(lines)), encoding="utf-8")
    seconds = time.perf_counter() - started
    for part in sorted(revisions):
        got = kinds.get(part, Counter())
        print(f"{part} changes-on-unmanipulated-revisions: revisions={revisions[part]} "
              f"changes={sum(got.values())} by kind {dict(got.most_common())}")
    print(f"revision_changes: seconds={seconds:.0f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=None, help="one line per change, sorted")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    root = data_dir()
    if root is None or not (root / "imbd" / "labels.json").exists():
        print("skipped: ../shared/data/imbd is absent")
        return 0
    run(args.split, args.limit, args.out, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
