"""How often the reading of denials in reworded sentences (``wiretrace.claims.denials``: ``hits``
for a denial the copy adds, ``dropped`` for one it drops) fires on real LLM revisions that were
not manipulated: every ImBD revision (rewrite, polish, expand; not the continuations) against
its original, aligned as the comparison aligns them, each copy sentence read against the source
sentences it is paired with. A model's revision may change a fact now and then, but a denial it
adds or drops is rare: each hit is printed with both sentences, to be read by hand.

Splits by original id as in ``bench/rewrites.py`` (dev tuned on, test held out).

    python bench/denials.py [--split dev|test|both] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_dir  # noqa: E402
from rewrites import unmanipulated  # noqa: E402


def run(split: str, limit: int | None) -> int:
    from wiretrace.claims.denials import denials, dropped_denials
    from wiretrace.claims.pairing import pair_sentences, side_of
    from wiretrace.trace.align import align

    labels = unmanipulated(split, limit)
    hits = dropped = 0
    t0 = time.perf_counter()
    for lab, src, copy in labels:
        a, b = side_of(src, []), side_of(copy, [])
        pairs = pair_sentences(a, b, align(src, copy))
        for sb in b.sents:
            region = [a.sents[j] for j in pairs.get(sb.index, [])]
            found = denials(sb, region, a)
            undone = dropped_denials(sb, region, a, b)
            hits += len(found)
            dropped += len(undone)
            for wc in found + undone:
                sa = a.sentence_at(wc.a_span[0])
                print(f"  {lab['derived']}: {wc.explanation}")
                print(f"    copy:   {copy[sb.span[0]:sb.span[1]]}")
                if sa is not None:
                    print(f"    source: {src[sa.span[0]:sa.span[1]]}")
    secs = time.perf_counter() - t0
    print(f"{split} denials-on-unmanipulated-revisions: revisions={len(labels)} hits={hits} "
          f"dropped={dropped} ({len(labels) / max(secs, 1e-9):.1f} revisions/s)", flush=True)
    return hits + dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both")
    ap.add_argument("--limit", type=int, default=None, help="revisions per split")
    args = ap.parse_args(argv)
    if data_dir() is None or not (data_dir() / "imbd" / "labels.json").exists():
        print("skipped: ../shared/data/imbd is absent")
        return 0
    for split in (["dev", "test"] if args.split == "both" else [args.split]):
        run(split, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
