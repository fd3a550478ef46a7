"""Story clustering benchmark on ECB+ and NewsWCL50 (read from ../shared/data at run time).

The story threshold is chosen on the ECB+ dev topics and applied, unchanged, to the ECB+ test
topics (gold event = topic + ecb/ecbplus half; gold topic = topic) and to NewsWCL50 (gold =
event). Also reports the ARI of near-duplicate groups alone, same-story pair precision and
recall (a pair of articles put in one story is right when both report one event), and, on the
ImBD test split (real LLM rewrites, polishes and expansions of real articles, with the other
originals around them), the share of revisions that land in their original's story. Prints one
line of figures; ``-v`` adds per-topic detail. ``--floor-event F`` exits 1 when test
event-level ARI is below F.

    .venv/bin/python bench/clustering.py [-v] [--floor-event 0.85]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import (  # noqa: E402
    ECB_DEV,
    ECB_TEST,
    LabelledDoc,
    data_dir,
    load_ecbplus,
    load_newswcl50,
    precision_recall,
)
from floors import gate  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

from wiretrace.cluster import ClusterItem, ClusterResult, cluster  # noqa: E402
from wiretrace.settings import Settings  # noqa: E402

THRESHOLDS = [round(0.10 + 0.01 * k, 2) for k in range(27)]


def _run(docs: list[LabelledDoc], settings: Settings) -> ClusterResult:
    return cluster([ClusterItem(i, d.text) for i, d in enumerate(docs)], settings)


def _labels(partition: list[list[int]], n: int) -> list[int]:
    label = [0] * n
    for k, members in enumerate(partition):
        for i in members:
            label[i] = k
    return label


def _with_singletons(groups: list[list[int]], n: int) -> list[list[int]]:
    seen = {i for g in groups for i in g}
    return groups + [[i] for i in range(n) if i not in seen]


def imbd_together(settings: Settings) -> tuple[float, int] | None:
    """Share of ImBD test revisions (LLM rewrites, polishes, expansions) clustered with their
    original, all test originals and revisions clustered together."""
    import json

    root = data_dir()
    if root is None or not (root / "imbd" / "labels.json").exists():
        return None
    from rewrites import split_of

    labels = json.loads((root / "imbd" / "labels.json").read_text(encoding="utf-8"))
    texts: list[str] = []
    index: dict[str, int] = {}
    revisions: list[tuple[int, str]] = []
    for lab in labels:
        orig = lab["original"]
        if split_of(orig) != "test" or lab.get("expected_type") != "rewrite":
            continue
        if orig not in index:
            index[orig] = len(texts)
            texts.append((root / "imbd" / "originals" / f"{orig}.txt").read_text("utf-8"))
        revisions.append((len(texts), orig))
        texts.append((root / "imbd" / "derived" / f"{lab['derived']}.txt").read_text("utf-8"))
    r = cluster([ClusterItem(i, t) for i, t in enumerate(texts)], settings)
    label = _labels(r.stories, len(texts))
    kept = sum(1 for i, orig in revisions if label[i] == label[index[orig]])
    return kept / max(1, len(revisions)), len(revisions)


def _evaluate(dev: list[LabelledDoc], test: list[LabelledDoc], wcl: list[LabelledDoc],
              base: Settings) -> tuple[dict[str, Any], float, list[tuple[float, float]], list[int]]:
    """Threshold chosen on ECB+ dev, then measured on ECB+ test and NewsWCL50."""
    dev_events = [d.event for d in dev]
    scores = []
    for th in THRESHOLDS:
        r = _run(dev, base.with_(story_threshold=th))
        scores.append((adjusted_rand_score(dev_events, _labels(r.stories, len(dev))), th))
    dev_ari, threshold = max(scores, key=lambda s: (s[0], -s[1]))
    settings = base.with_(story_threshold=threshold)
    r = _run(test, settings)
    pred = _labels(r.stories, len(test))
    event_ari = adjusted_rand_score([d.event for d in test], pred)
    topic_ari = adjusted_rand_score([d.topic for d in test], pred)
    nd = _labels(_with_singletons(r.groups, len(test)), len(test))
    nd_ari = adjusted_rand_score([d.event for d in test], nd)
    rw = _run(wcl, settings)
    wcl_pred = _labels(rw.stories, len(wcl))
    wcl_ari = adjusted_rand_score([d.event for d in wcl], wcl_pred)
    ecb_p, ecb_r = precision_recall(pred, [d.event for d in test])
    wcl_p, wcl_r = precision_recall(wcl_pred, [d.event for d in wcl])
    line = (
        f"ECB+ test event ARI {event_ari:.3f}, topic ARI {topic_ari:.3f}, "
        f"same-story pairs P {ecb_p:.3f} R {ecb_r:.3f}, "
        f"near-dup-only event ARI {nd_ari:.3f} ({len(test)} docs, {len(r.stories)} stories, "
        f"{len(r.near_duplicates)} near-dup pairs); story_threshold {threshold:.2f} chosen on "
        f"dev (dev event ARI {dev_ari:.3f}); NewsWCL50 ARI {wcl_ari:.3f} "
        f"P {wcl_p:.3f} R {wcl_r:.3f} "
        f"({len(rw.stories)} stories, {len(rw.near_duplicates)} near-dup pairs)"
    )
    together = None if base.semantic else imbd_together(settings)
    if together is not None:
        line += (f"; ImBD test revisions in their original's story {together[0]:.3f} "
                 f"of {together[1]}")
    return {"event": event_ari, "line": line}, threshold, scores, pred


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--floor-event", type=float, default=None)
    args = ap.parse_args()
    if data_dir() is None:
        print("clustering: skipped (../shared/data not found)")
        return 0
    t0 = time.perf_counter()
    dev, test, wcl = load_ecbplus(ECB_DEV), load_ecbplus(ECB_TEST), load_newswcl50()
    from wiretrace.cluster.semantic import available

    variants = [False, True] if available() else [False]
    lines, runs = [], []
    for semantic in variants:
        run = _evaluate(dev, test, wcl, Settings(semantic=semantic))
        runs.append(run)
        lines.append(("with [semantic]: " if semantic else "") + str(run[0]["line"]))
    elapsed = time.perf_counter() - t0
    print("clustering: " + "; ".join(lines) + f"; {elapsed:.0f} s")
    if not available():
        print("clustering: [semantic] not installed; figures without embeddings only")
    figures, _, scores, pred = runs[0]  # the default (no embeddings) is what the floor checks
    event_ari = float(figures["event"])
    if args.verbose:
        print("dev threshold sweep:", " ".join(f"{th:.2f}:{a:.3f}" for a, th in scores))
        for topic in ECB_TEST:
            members = [i for i, d in enumerate(test) if d.topic == str(topic)]
            by_event: dict[str, dict[int, int]] = {}
            for i in members:
                by_event.setdefault(test[i].event, {}).setdefault(pred[i], 0)
                by_event[test[i].event][pred[i]] += 1
            print(f"  topic {topic}: " + "; ".join(
                f"{ev} -> stories {sorted(c.items())}" for ev, c in sorted(by_event.items())))
    return gate("clustering", [("test event ARI", event_ari, args.floor_event, True)])


if __name__ == "__main__":
    raise SystemExit(main())
