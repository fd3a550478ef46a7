"""False positives of the clean stage on real news text: the gold article bodies of AEB and the
ECB+ documents (both written by newsrooms, no scraper or model residue in them, save the odd
line of page furniture the AEB annotators kept). Each text goes through ``clean``; prints how
many paragraphs were flagged, by kind, and (``-v``) the flagged text.

    .venv/bin/python bench/residue_fp.py [-v] [--kinds llm_meta_text,copyright,...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import DATA, data_dir, load_ecbplus  # noqa: E402

from wiretrace.ingest.clean import clean  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--kinds", default="", help="Only these artefact kinds (comma-separated).")
    args = ap.parse_args()
    if data_dir() is None:
        print("residue_fp: skipped (../shared/data not found)")
        return 0
    kinds = {k for k in args.kinds.split(",") if k}
    gold = json.loads((DATA / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    corpora = {
        "AEB gold bodies": [g["articleBody"] for _, g in sorted(gold.items())],
        "ECB+ all topics": [
            d.text.replace("\n", "\n\n") for d in load_ecbplus(tuple(range(1, 46)))
        ],
    }
    lines = []
    for name, texts in corpora.items():
        paragraphs = 0
        flagged: Counter[str] = Counter()
        shown = []
        for text in texts:
            paragraphs += sum(1 for p in text.split("\n") if p.strip())
            for a in clean(text).artefacts:
                if a.kind == "dateline_repair" or (kinds and a.kind not in kinds):
                    continue
                flagged[a.kind] += 1
                shown.append(f"  {a.kind}: {a.text[:160]!r}")
        lines.append(
            f"{name}: {len(texts)} texts, {paragraphs} paragraphs, {sum(flagged.values())} "
            f"flagged {dict(sorted(flagged.items()))}"
        )
        if args.verbose:
            lines.extend(shown)
    print("residue_fp: " + "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
