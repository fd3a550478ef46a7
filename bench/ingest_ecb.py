"""ECB+ through the real ingest path: each test-topic document is written (to a temporary folder,
never to the repository) as a one-paragraph .txt file with no title line, ingested and clustered
through the pipeline a user runs (``wiretrace analyze`` minus the per-story stages), and scored.

Prints how many files were stored and rejected (with reasons), how many titles came out and how
many of them are page chrome, and the event ARI of the stories. ``--floor-event F`` exits 1
when the event ARI is below F; any rejection also exits 1.

    .venv/bin/python bench/ingest_ecb.py [--topics dev|test] [--floor-event 0.95]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import DATA, ECB_DEV, ECB_TEST, data_dir, load_ecbplus  # noqa: E402
from floors import gate  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

from wiretrace.ingest.chrome import is_chrome_line  # noqa: E402
from wiretrace.pipeline import cluster, ingest  # noqa: E402
from wiretrace.settings import Settings  # noqa: E402
from wiretrace.store import Store  # noqa: E402


def _all_tokens(name: str) -> str:
    """A document whose only sentence the corpus loader skipped as a URL line (39_2ecb:
    "... Wired.com takes a look back ..."): all its tokens."""
    topic = name.split("_")[0]
    root = ET.parse(DATA / "ecbplus" / topic / f"{name}.xml").getroot()
    return " ".join(tok.text or "" for tok in root.iter("token"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", choices=("dev", "test"), default="test")
    ap.add_argument("--floor-event", type=float, default=None)
    args = ap.parse_args()
    if data_dir() is None:
        print("ingest_ecb: skipped (../shared/data not found)")
        return 0
    docs = load_ecbplus(ECB_TEST if args.topics == "test" else ECB_DEV)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ecb"
        folder.mkdir()
        event_of = {}
        for d in docs:
            path = folder / f"{d.name}.txt"
            text = " ".join(d.text.split("\n")) or _all_tokens(d.name)
            path.write_text(text + "\n", encoding="utf-8")
            event_of[str(path)] = d.event
        settings = Settings(db=Path(tmp) / "ecb.db")
        store = Store(settings.db)
        report = ingest([str(folder)], store, settings)
        cluster(store, settings)
        articles = {a.id: a for a in store.articles()}
        label = {}
        for k, story in enumerate(store.stories()):
            for i in story.articles:
                label[i] = k
        ids = sorted(articles)
        gold = [event_of[articles[i].source] for i in ids]
        ari = adjusted_rand_score(gold, [label.get(i, -1 - i) for i in ids])
        titles = [articles[i].title or "" for i in ids]
        chrome = sum(1 for t in titles if is_chrome_line(t))
        stories = len(store.stories())
        store.close()
    reasons = Counter(r.reason for r in report.rejected)
    print(
        f"ingest_ecb: ECB+ {args.topics} topics, {len(docs)} one-paragraph .txt files: "
        f"{len(report.added)} stored, {report.duplicates} duplicates, {len(report.rejected)} "
        f"rejected {dict(reasons)}; {sum(1 for t in titles if t)} titles ({chrome} chrome); "
        f"{stories} stories, event ARI {ari:.3f}; {time.perf_counter() - t0:.0f} s"
    )
    if report.rejected:
        return 1
    return gate("ingest_ecb", [("event ARI", ari, args.floor_event, True)])


if __name__ == "__main__":
    raise SystemExit(main())
