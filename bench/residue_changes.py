"""Changes that real page residue makes up: each AEB page's gold article body (the source) against
the same article as wiretrace extracts it from the real page (the copy). The two say the same
thing; whatever the extractor leaves of the page (newsletter promotions, sign-offs, related
headlines, widgets) and the comparison then reports is a false change, the kind a real crawl
shows between a copy and its parent. Prints, per split, the pages, the changes and their kinds;
``-v`` prints each change. ``--ceiling N`` fails when the test split reports more than N.

Splits by page id: dev = ids starting 0-7 (looked at while tuning), test = the rest. The first
half of test (8-b) was read during the work of session 9; its second half (c-f) was printed once
after that work, and not tuned on.

    .venv/bin/python bench/residue_changes.py [--split dev|test|both] [-v] [--ceiling N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from extraction import DEFAULT_DATA, load_pages, wiretrace_article
from floors import gate


def split_of(page_id: str) -> str:
    return "dev" if page_id[0] in "01234567" else "test"


def run(split: str, data: Path, verbose: bool) -> int:
    from wiretrace.claims.compare import compare_texts

    pages = [p for p in load_pages(data) if split_of(p[0]) == split and len(p[3]) >= 300]
    kinds: Counter[str] = Counter()
    t0 = time.perf_counter()
    for page_id, url, html, gold in pages:
        for c in compare_texts(gold, wiretrace_article(html, url)).changes:
            kinds[c.kind] += 1
            if verbose:
                print(f"  {page_id[:10]} {c.kind}: {' '.join(c.text.split())[:120]}")
    n = sum(kinds.values())
    print(f"residue_changes split={split} pages={len(pages)} false_changes={n} "
          f"per_page={n / max(1, len(pages)):.3f} kinds={dict(kinds.most_common())} "
          f"s={time.perf_counter() - t0:.0f}")
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="both", choices=["dev", "test", "both"])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--ceiling", type=float, help="most false changes allowed on the test split")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"residue_changes: skipped, {args.data} is absent (see ../shared/data/README.md)")
        return 0
    found = {s: run(s, args.data, args.verbose)
             for s in (["dev", "test"] if args.split == "both" else [args.split])}
    return gate("residue_changes", [("test false changes", found.get("test", 0.0),
                                     args.ceiling if "test" in found else None, False)])


if __name__ == "__main__":
    sys.exit(main())
