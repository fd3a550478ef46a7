"""Benchmark: detecting what a derived text changed, on SummEdits (news, evaluation split).

Each item pairs a news article (``doc``) with an edited summary; ``label`` 1 means the summary is
still consistent with the article, 0 that an edit made it inconsistent. The summary goes through
the pairwise comparison (``compare_texts(doc, summary)``); it is predicted inconsistent when a
change of a fact-bearing kind is found. Prints one line: balanced accuracy, recall on inconsistent
and consistent items, recall per edit type, the confusion matrix.

    python bench/changes.py [--data PATH] [--floor F] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from wiretrace.claims.compare import FACT_KINDS, compare_texts

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "summedits" / (
    "summedits_news_evaluation.json")


def predict(doc: str, summary: str) -> tuple[bool, list[str]]:
    report = compare_texts(doc, summary)
    kinds = [c.kind for c in report.changes if c.kind in FACT_KINDS]
    return bool(kinds), kinds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--floor", type=float, default=None, help="exit 1 below this balanced accuracy")
    ap.add_argument("--verbose", action="store_true", help="print each item's changes")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"changes benchmark skipped: {args.data} not found "
              "(SummEdits lives in ../shared/data)")
        return 0
    items = json.loads(args.data.read_text("utf-8"))
    t0 = time.perf_counter()
    confusion: Counter[tuple[int, int]] = Counter()  # (gold inconsistent, predicted inconsistent)
    per_type: Counter[str] = Counter()
    per_type_hit: Counter[str] = Counter()
    for item in items:
        gold = int(item["label"]) == 0
        pred, kinds = predict(item["doc"], item["summary"])
        confusion[(int(gold), int(pred))] += 1
        if gold:
            for t in item.get("edit_types") or ["unlabelled"]:
                per_type[t] += 1
                per_type_hit[t] += int(pred)
        if args.verbose:
            print(f"{item['id']}\tgold={'inc' if gold else 'ok'}\tpred={'inc' if pred else 'ok'}"
                  f"\t{','.join(kinds)}")
    tp, fn = confusion[(1, 1)], confusion[(1, 0)]
    tn, fp = confusion[(0, 0)], confusion[(0, 1)]
    rec_inc = tp / max(1, tp + fn)
    rec_con = tn / max(1, tn + fp)
    bacc = (rec_inc + rec_con) / 2
    types = " ".join(f"{t}={per_type_hit[t] / per_type[t]:.2f}({per_type[t]})"
                     for t in sorted(per_type))
    print(f"summedits-news n={len(items)} balanced_accuracy={bacc:.3f} "
          f"recall_inconsistent={rec_inc:.3f} recall_consistent={rec_con:.3f} per_type: {types} "
          f"confusion[gold_inc: tp={tp} fn={fn}; gold_ok: fp={fp} tn={tn}] "
          f"({time.perf_counter() - t0:.1f}s)")
    if args.floor is not None and bacc < args.floor:
        print(f"below floor {args.floor:.3f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
