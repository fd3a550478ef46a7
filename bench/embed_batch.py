"""Sentence embedding in one call against many small calls, on real news sentences.

The trace stage embeds the sentences of every article of a story in one call before it aligns
their pairs (``wiretrace.trace.align.embed_sentences``), instead of one small call per pair.
This measures why, side by side in one process: the same ECB+ sentences (dev topics) embedded
in calls of ``--per-call`` sentences (a pair's new sentences) and in one call, each from an
empty memo, with the largest difference between the two sets of vectors (batching pads
sentences differently; the vectors agree to float rounding). Prints sentences/s for both and
their ratio.

    .venv/bin/python bench/embed_batch.py [--sentences 3000] [--per-call 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import DATA, ECB_DEV, load_ecbplus  # noqa: E402

from wiretrace import embeddings  # noqa: E402
from wiretrace.trace.sentences import split_sentences  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--per-call", type=int, default=20)
    args = ap.parse_args()
    if not (DATA / "ecbplus").is_dir():
        print(f"embed_batch: SKIPPED (no ECB+ at {DATA})")
        return 0
    texts = [d.text for d in load_ecbplus(tuple(sorted(ECB_DEV)))]
    sents = list(dict.fromkeys(" ".join(t[s:e].split()) for t in texts
                               for s, e in split_sentences(t)))[:args.sentences]
    embeddings.embed(["the model loaded before timing"])
    embeddings._MEMO.clear()
    t0 = time.perf_counter()
    for i in range(0, len(sents), args.per_call):
        embeddings.embed(sents[i:i + args.per_call])
    small = time.perf_counter() - t0
    first = {s: embeddings._MEMO[s] for s in sents}
    embeddings._MEMO.clear()
    t0 = time.perf_counter()
    embeddings.embed(sents)
    one = time.perf_counter() - t0
    diff = max(float(np.abs(first[s] - embeddings._MEMO[s]).max()) for s in sents)
    print(f"embed_batch: sentences={len(sents)} calls_of_{args.per_call}="
          f"{len(sents) / small:.1f}/s one_call={len(sents) / one:.1f}/s "
          f"ratio={small / one:.2f} max_vector_difference={diff:.1e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
