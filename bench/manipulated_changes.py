"""What the whole pipeline finds in LLM-manipulated rewrites of real news: each ImBD news
original (xsum) with up to four of its LLM revisions, each revision with ``--edits`` facts changed
by code (a figure, a place, a person, a casualty scope, a title: ``copies.manipulate``, as
``bench/rewrites.py --manipulate``) and one prefix continuation, fed as one JSON Lines pile with
sites and dates (originals a day earlier) through ``analyze`` into a fresh store.

Scored from the report: ``found``, the changed facts (the revision's text against its
unmanipulated self, character by character, edits closer than 40 characters merged into one) a
reported change of that revision covers; ``unlinked``, those in revisions the trace left
without a parent (nothing to compare them with); ``changes``, all changes reported,
``elsewhere`` those on no changed fact (what the model's rewrite itself changed, or noise:
printed for reading). The planted values repeat across the revisions of one story (the
planters are deterministic), and an addition another article of the story makes too is no
addition (``claims.story``): ``found`` is a lower bound.

Splits as in ``bench/rewrites.py``: dev = xsum-000..074 (tuned on), test = the rest. The stories
are a seeded sample; a new ``--seed`` draws another sample (a fresh held-out read). About three
minutes for 75 stories on a 2-core machine with the sentence embeddings cached.

    python bench/manipulated_changes.py [--split dev|test] [--seed N] [--stories N] [--edits K]
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import embedding_cache  # noqa: E402
from rewrites import DATA, load_stories  # noqa: E402

_MERGE = 40  # edits of one planted change lie this close together


def planted_spans(before: str, after: str) -> list[tuple[int, int]]:
    """Where ``after`` differs from ``before``: spans into ``after``, near edits merged."""
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    out: list[tuple[int, int]] = []
    for tag, _, _, j1, j2 in ops:
        if tag == "equal":
            continue
        if out and j1 - out[-1][1] < _MERGE:
            out[-1] = (out[-1][0], max(out[-1][1], j2))
        else:
            out.append((j1, j2))
    return out


def run(split: str, seed: int, n: int, edits: int) -> dict[str, float]:
    from wiretrace.pipeline import analyze
    from wiretrace.report.build import build_report
    from wiretrace.settings import Settings
    from wiretrace.store import Store

    plain = [s for s in load_stories(split, seed=seed) if s[0]["id"].startswith("xsum")]
    made = [s for s in load_stories(split, seed=seed, manipulate=edits)
            if s[0]["id"].startswith("xsum")]
    picked = sorted(random.Random(seed).sample(range(len(made)), min(n, len(made))))
    started = time.perf_counter()
    texts: dict[str, str] = {}
    planted: dict[str, list[tuple[int, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pile = Path(tmp) / "pile.jsonl"
        with pile.open("w", encoding="utf-8") as f:
            for k in picked:
                for pos, (it, orig) in enumerate(zip(made[k], plain[k], strict=True)):
                    url = f"https://site{pos}.example/{it['id']}"
                    day = ("2024-03-01T08:00:00+00:00" if it["role"] == "original"
                           else f"2024-03-02T{8 + pos:02d}:00:00+00:00")
                    f.write(json.dumps({"url": url, "text": it["text"], "published": day,
                                        "site": f"site{pos}.example"}) + "\n")
                    texts[url] = it["text"]
                    if it["role"] == "revision" and it["text"] != orig["text"]:
                        planted[url] = planted_spans(orig["text"], it["text"])
        store = Store(Path(tmp) / "pile.db")
        analyze([str(pile)], store, Settings())
        report = build_report(store)
        store.close()
    found: set[tuple[str, int]] = set()
    unlinked = changes = elsewhere = 0
    shown: list[str] = []
    for story in report["stories"]:
        url_of = {a["id"]: a["url"] for a in story["articles"]}
        for a in story["articles"]:
            if a["url"] in planted and a["derivation"]["parent"] is None:
                unlinked += len(planted[a["url"]])
        for c in story["changes"]:
            changes += 1
            url = url_of.get(c["article"], "")
            at = texts.get(url, "").find(c["text"])
            hits = [k for k, (s, e) in enumerate(planted.get(url, []))
                    if at >= 0 and s < at + len(c["text"]) and at < e]
            found.update((url, k) for k in hits)
            if not hits:
                elsewhere += 1
                shown.append(f"  elsewhere [{c['kind']}] {url.rsplit('/', 1)[-1]}: "
                             f"'{c['text'][:100]}' vs '{c['versus_text'][:60]}'")
    total = sum(len(v) for v in planted.values())
    res = {"planted": total, "found": len(found), "recall": len(found) / max(1, total),
           "unlinked": unlinked, "changes": changes, "elsewhere": elsewhere}
    print(f"manipulated-changes split={split} seed={seed} stories={len(picked)} "
          f"revisions={len(planted)} planted={total} found={len(found)} "
          f"recall={res['recall']:.3f} in_unlinked_revisions={unlinked} changes={changes} "
          f"elsewhere={elsewhere} seconds={time.perf_counter() - started:.0f}")
    print("\n".join(shown))
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--seed", type=int, default=95)
    ap.add_argument("--stories", type=int, default=75)
    ap.add_argument("--edits", type=int, default=2)
    args = ap.parse_args()
    if not (DATA / "labels.json").exists():
        print(f"manipulated_changes: skipped: {DATA} is absent")
        return 0
    with embedding_cache():
        run(args.split, args.seed, args.stories, args.edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
