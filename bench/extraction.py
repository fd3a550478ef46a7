"""Main-text extraction benchmark on the Article Extraction Benchmark (AEB).

Scores wiretrace's extraction (the full ``document_to_article`` path, i.e. the working text after
cleaning, and ``extract_html`` alone) against plain ``trafilatura.extract`` in one run, with the
benchmark's own metric: word 4-gram multisets per page, tp/fp/fn normalised per page, precision
averaged over pages with a non-empty prediction, recall over pages with a non-empty gold text,
F1 from the two means.

    .venv/bin/python bench/extraction.py [--json FILE] [--floor F] [--data DIR]

Reads ``<repo>/../shared/data/aeb``; exits 0 with "skipped: ..." when it is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from floors import gate

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "aeb"

_WORD = re.compile(r"\w+")

PageScore = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-gram multiset of a text; a text shorter than n words is one short shingle."""
    words = _WORD.findall(text or "")
    grams: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(words) - n + 1)):
        gram = tuple(words[i : i + n])
        if gram:
            grams[gram] += 1
    return grams


def page_score(gold: str, pred: str) -> PageScore:
    """tp, fp, fn of one page over word 4-grams, normalised to sum to 1 (when not all zero)."""
    g, p = shingles(gold), shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(scores: list[PageScore]) -> dict[str, float]:
    """Mean precision over pages that predicted something, mean recall over pages with gold
    text, F1 from the two means (as the AEB scorer does)."""
    precisions = [_precision(*s) for s in scores if s[0] + s[1] > 0]
    recalls = [_recall(*s) for s in scores if s[0] + s[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r}


def load_pages(data: Path) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold) for every page of the benchmark, in id order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        entry = truth[page_id]
        pages.append((page_id, entry.get("url") or "", html, entry.get("articleBody") or ""))
    return pages


def run_system(
    pages: list[tuple[str, str, str, str]], extract: Callable[[str, str], str]
) -> tuple[dict[str, float], list[PageScore]]:
    scores: list[PageScore] = []
    start = time.perf_counter()
    for _page_id, url, html, gold in pages:
        try:
            pred = extract(html, url) or ""
        except Exception:  # a page the system cannot handle scores as an empty prediction
            pred = ""
        scores.append(page_score(gold, pred))
    elapsed = time.perf_counter() - start
    figures = aggregate(scores)
    figures["pages_per_s"] = len(pages) / elapsed if elapsed else 0.0
    return figures, scores


def wiretrace_article(html: str, url: str) -> str:
    from wiretrace.ingest.extract import document_to_article
    from wiretrace.model import Document
    from wiretrace.settings import Settings

    doc = Document(source=url or "page.html", format="html", html=html, url=url or None)
    return document_to_article(doc, Settings()).text


def wiretrace_extract_html(html: str, url: str) -> str:
    from wiretrace.ingest.html import extract_html

    return extract_html(html, url or None).text


def plain_trafilatura(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _fmt(name: str, f: dict[str, float]) -> str:
    return (
        f"{name} F1={f['f1']:.3f} P={f['precision']:.3f} R={f['recall']:.3f} "
        f"pages/s={f['pages_per_s']:.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--floor", type=float, help="exit 1 when wiretrace's F1 is below this")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the aeb folder")
    parser.add_argument("--per-page", action="store_true", help="print per-page F1 differences")
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        print("skipped: ../shared/data/aeb not found")
        return 0
    sys.path.insert(0, str(REPO / "src"))

    pages = load_pages(args.data)
    # warm up imports and lazily built tables so that timings compare the extraction itself
    for fn in (wiretrace_article, plain_trafilatura):
        try:
            fn(pages[0][2], pages[0][1])
        except Exception:
            pass
    wt, wt_scores = run_system(pages, wiretrace_article)
    html_only, _ = run_system(pages, wiretrace_extract_html)
    tr, tr_scores = run_system(pages, plain_trafilatura)
    ratio = wt["f1"] / tr["f1"] if tr["f1"] else float("inf")

    if args.per_page:
        for (page_id, *_rest), a, b in zip(pages, wt_scores, tr_scores, strict=True):
            fa = 2 * a[0] / (2 * a[0] + a[1] + a[2]) if any(a) else 0.0
            fb = 2 * b[0] / (2 * b[0] + b[1] + b[2]) if any(b) else 0.0
            if abs(fa - fb) > 0.01:
                print(f"{page_id[:12]} wiretrace={fa:.3f} trafilatura={fb:.3f}")

    line = (
        f"extraction aeb pages={len(pages)} {_fmt('wiretrace', wt)} | {_fmt('trafilatura', tr)} "
        f"| F1 ratio={ratio:.3f}"
    )
    line += (
        f" | extract_html alone F1={html_only['f1']:.3f} P={html_only['precision']:.3f} "
        f"R={html_only['recall']:.3f}"
    )
    print(line)

    if args.json:
        report: dict[str, Any] = {
            "benchmark": "aeb",
            "pages": len(pages),
            "wiretrace": wt,
            "wiretrace_extract_html": html_only,
            "trafilatura": tr,
            "f1_ratio": ratio,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return gate("extraction", [("wiretrace F1", wt["f1"], args.floor, True)])


if __name__ == "__main__":
    sys.exit(main())
