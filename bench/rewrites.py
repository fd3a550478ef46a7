"""Provenance on real LLM rewrites: ImBD originals and their rewrites, polishes and expansions
by six models, traced as stories (``../shared/data/imbd``, never copied into the repository).

Each original makes one story: the original (its own site, dated day 0) and, dated a day later
on other sites, up to four of its LLM revisions (rewrite, polish, expand; chosen by a fixed
seed) and one prefix continuation (an LLM article that only shares the opening: a hard
negative). Articles go through the clean stage, as ``analyze`` would.

Scored, per split:
- ``linked``: share of revisions (not flagged ``unrelated_output`` or ``low_overlap``) whose
  parent chain reaches their original, with a derived type (the issue's goal: ≥ 0.90);
- ``rewrite_typed``: share of those typed ``rewrite`` or ``summary``;
- ``direct_parent``: share of those whose parent is the original itself, not a sibling
  revision (two LLM rewrites of one text are closer to each other than to it);
- ``original_as_copy``: originals given a parent (must be 0);
- ``continuations_linked``: continuations whose parent chain reaches the original (through a
  revision or not) typed as a rewrite (a hard negative: they share only the opening).

Splits by original id: dev = xsum-000..074 and web-000..249 (tuned on), test = the rest (not
looked at while tuning). ``--split test --floor F`` fails below F (``--floor-direct``: on
``direct_parent``).

    python bench/rewrites.py [--split dev|test|both] [--limit N] [--sample N] [--no-semantic]
                             [--floor F] [--floor-direct F] [-v] [--pipeline] [--manipulate K]

``--manipulate K`` plants K factual changes in each revision, each in its own sentence (a figure
changed, a place or person swapped, a casualty scope or a title altered: ``copies.manipulate``,
the planters of the changes benchmark): LLM-manipulated versions, which are still made from
their original and must be traced to it; web paragraphs are often too short to hold one, so
``edited_linked`` scores the revisions that took at least one change.

``--pipeline`` scores the same stories fed as one pile, as a user runs it (a JSON Lines file
with url, site and date through ingest, clustering and trace into a fresh store): the stories
are not given, so a revision clustered away from its original cannot be traced to it
(``same_story``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import copies
from corpora import embedding_cache
from floors import gate

from wiretrace.model import Article, Document
from wiretrace.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "imbd"
REVISIONS = ("rewrite", "polish", "expand")
DERIVED_TYPES = {"wire_copy", "edited_copy", "spun_copy", "rewrite", "summary"}


def split_of(original: str) -> str:
    subset, num = original.split("-")
    return "dev" if int(num) < (75 if subset == "xsum" else 250) else "test"


def load_stories(
    split: str, limit: int | None = None, seed: int = 7, sample: int | None = None,
    manipulate: int = 0,
) -> list[list[dict]]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    by_orig: dict[str, list[dict]] = defaultdict(list)
    for lab in labels:
        by_orig[lab["original"]].append(lab)
    rng = random.Random(seed)
    stories: list[list[dict]] = []
    for orig in sorted(by_orig):
        if split != "both" and split_of(orig) != split:
            continue
        labs = sorted(by_orig[orig], key=lambda x: x["derived"])
        revs = [x for x in labs if x["method"] in REVISIONS]
        conts = [x for x in labs if x["method"] == "continuation"]
        chosen = rng.sample(revs, min(4, len(revs))) + rng.sample(conts, min(1, len(conts)))
        items = [{"id": orig, "role": "original", "text": _read("originals", orig)}]
        for lab in chosen:
            role = "continuation" if lab["method"] == "continuation" else "revision"
            if set(lab["flags"]) & {"unrelated_output", "low_overlap"}:
                role = "flagged"
            text, kinds = _read("derived", lab["derived"]), []
            if manipulate and role == "revision":  # an LLM-manipulated version of it
                text, kinds = copies.manipulate(text, manipulate, lab["derived"])
            items.append({"id": lab["derived"], "role": role, "method": lab["method"],
                          "text": text, "edits": len(kinds)})
        stories.append(items)
    if sample and sample < len(stories):  # evenly spaced, so both subsets are in it
        step = len(stories) / sample
        stories = [stories[int(k * step)] for k in range(sample)]
    return stories[:limit] if limit else stories


def _read(folder: str, name: str) -> str:
    return (DATA / folder / f"{name}.txt").read_text(encoding="utf-8")


def unmanipulated(
    split: str, limit: int | None = None, flagged: bool = True
) -> list[tuple[dict, str, str]]:
    """The ImBD revisions as the models wrote them (rewrite, polish, expand; no continuation),
    of ``split`` (``both`` for all), in the order of labels.json, each with its original's
    text and its own: ``(label, source, copy)``. ``flagged=False`` leaves out outputs flagged
    ``unrelated_output`` or ``low_overlap``."""
    labels = [lab for lab in json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
              if lab["method"] != "continuation"
              and (flagged or not set(lab["flags"]) & {"unrelated_output", "low_overlap"})
              and split in ("both", split_of(lab["original"]))]
    return [(lab, _read("originals", lab["original"]), _read("derived", lab["derived"]))
            for lab in (labels[:limit] if limit else labels)]


def to_articles(items: list[dict], settings: Settings, start_id: int) -> list[Article]:
    from wiretrace.ingest.extract import document_to_article

    out = []
    for k, it in enumerate(items):
        day = "2024-03-01T08:00:00+00:00" if it["role"] == "original" else (
            f"2024-03-02T{8 + k:02d}:00:00+00:00")
        doc = Document(source=it["id"], format="text", text=it["text"], site=f"site{k}.example",
                       published=day, locator=it["id"])
        art = document_to_article(doc, settings)
        art.id = start_id + k
        out.append(art)
    return out


def ancestors(aid: int, parent: dict[int, int | None]) -> list[int]:
    seen: list[int] = []
    cur = parent.get(aid)
    while cur is not None and cur not in seen:
        seen.append(cur)
        cur = parent.get(cur)
    return seen


def run(
    split: str, limit: int | None, verbose: bool, semantic: bool = True,
    sample: int | None = None, manipulate: int = 0,
) -> dict[str, float]:
    from wiretrace.pipeline import candidate_pairs
    from wiretrace.trace.align import align_articles
    from wiretrace.trace.derivation import trace_story

    settings = Settings(semantic_alignment=semantic)
    stories = load_stories(split, limit, sample=sample, manipulate=manipulate)
    counts: Counter[str] = Counter()
    by_method: dict[str, Counter[str]] = defaultdict(Counter)
    types: Counter[str] = Counter()
    t_align = t_trace = 0.0
    n_pairs = 0
    next_id = 1
    for items in stories:
        arts = to_articles(items, settings, next_id)
        next_id += len(arts) + 1
        t0 = time.perf_counter()
        als = [align_articles(arts[i], arts[j], settings) for i, j in candidate_pairs(arts)]
        t1 = time.perf_counter()
        ders = trace_story(arts, als, settings)
        t2 = time.perf_counter()
        t_align += t1 - t0
        t_trace += t2 - t1
        n_pairs += len(als)
        parent = {d.article: d.parent for d in ders}
        dtype = {d.article: d.type for d in ders}
        orig = arts[0].id
        assert orig is not None
        counts["originals"] += 1
        if parent[orig] is not None or dtype[orig] in DERIVED_TYPES:
            counts["original_as_copy"] += 1
            if verbose:
                print(f"  original typed {dtype[orig]} <- {parent[orig]}: {items[0]['id']}")
        for it, art in zip(items[1:], arts[1:], strict=True):
            assert art.id is not None
            reached = orig in ancestors(art.id, parent) and dtype[art.id] in DERIVED_TYPES
            role = it["role"]
            counts[role] += 1
            if role == "revision":
                if reached:
                    types[dtype[art.id]] += 1
                counts["linked"] += reached
                counts["direct"] += reached and parent[art.id] == orig
                counts["rewrite_typed"] += reached and dtype[art.id] in ("rewrite", "summary")
                if it.get("edits"):  # the revisions that took a planted change
                    counts["edited"] += 1
                    counts["edited_linked"] += reached
                for key in (it["method"], f"{items[0]['id'].split('-')[0]}:{it['method']}"):
                    by_method[key]["n"] += 1
                    by_method[key]["linked"] += reached
                if verbose and not reached:
                    print(f"  missed {it['id']}: {dtype[art.id]} parent={parent[art.id]}")
            elif role == "continuation":
                # given the original or one of its revisions as parent: either is a false link
                counts["continuations_linked"] += reached and dtype[art.id] == "rewrite"
    rev = max(1, counts["revision"])
    res = {
        "linked": counts["linked"] / rev,
        "rewrite_typed": counts["rewrite_typed"] / rev,
        "direct_parent": counts["direct"] / max(1, counts["linked"]),
        "original_as_copy": counts["original_as_copy"],
        "continuations_linked": counts["continuations_linked"],
    }
    methods = " ".join(
        f"{m}={c['linked'] / max(1, c['n']):.3f}({c['n']})" for m, c in sorted(by_method.items())
    )
    print(
        f"rewrites split={split}{f' manipulated={manipulate}' if manipulate else ''} "
        f"stories={len(stories)} revisions={counts['revision']} "
        f"linked={res['linked']:.3f} rewrite_typed={res['rewrite_typed']:.3f} "
        f"direct_parent={res['direct_parent']:.3f} [{methods}] "
        f"original_as_copy={counts['original_as_copy']}/{counts['originals']} "
        f"continuations_typed_rewrite={counts['continuations_linked']}/{counts['continuation']} "
        + (f"edited_linked={counts['edited_linked'] / max(1, counts['edited']):.3f}"
           f"({counts['edited']}) " if manipulate else "")
        + f"semantic={'on' if semantic else 'off'} types_of_linked={dict(types.most_common())} "
        f"pairs={n_pairs} align_s={t_align:.1f} "
        f"trace_s={t_trace:.1f}"
    )
    return res


def run_pipeline(
    split: str, limit: int | None, sample: int | None, manipulate: int = 0,
    verbose: bool = False,
) -> dict[str, float]:
    """The same stories as one pile, the way a user runs it: a JSON Lines file (text, url, site,
    published) through ``pipeline.analyze`` (ingest, clean, cluster, trace) into a fresh store,
    scored from the report: the revisions clustered into their original's story (``same_story``)
    and traced to it (``linked``), as ``run`` scores the given stories."""
    import tempfile

    from wiretrace.pipeline import analyze
    from wiretrace.report.build import build_report
    from wiretrace.store import Store

    stories = load_stories(split, limit, sample=sample, manipulate=manipulate)
    role: dict[str, tuple[str, str, str | None]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pile = Path(tmp) / "pile.jsonl"
        with pile.open("w", encoding="utf-8") as f:
            for items in stories:
                for k, it in enumerate(items):
                    url = f"https://site{k}.example/{it['id']}"
                    day = ("2024-03-01T08:00:00+00:00" if it["role"] == "original"
                           else f"2024-03-02T{8 + k:02d}:00:00+00:00")
                    f.write(json.dumps({"url": url, "text": it["text"], "site": f"site{k}.example",
                                        "published": day}) + "\n")
                    role[url] = (it["role"], items[0]["id"], it.get("method"))
        started = time.perf_counter()
        store = Store(Path(tmp) / "pile.db")
        try:
            analyze([str(pile)], store, Settings())
            report = build_report(store)
        finally:
            store.close()
        seconds = time.perf_counter() - started
    where = {a["url"]: (st["id"], a) for st in report["stories"] for a in st["articles"]}
    parent = {a["id"]: a["derivation"]["parent"] for _, a in where.values()}
    counts: Counter[str] = Counter()
    by_method: dict[str, Counter[str]] = defaultdict(Counter)
    for url, (r, orig, method) in role.items():
        story, art = where[url]
        o_story, o_art = where[f"https://site0.example/{orig}"]
        derived = art["derivation"]["type"] in DERIVED_TYPES
        reached = o_art["id"] in ancestors(art["id"], parent) and derived
        if r == "original":
            counts["originals"] += 1
            counts["original_as_copy"] += art["derivation"]["parent"] is not None or derived
        elif r == "continuation":
            counts["continuation"] += 1
            counts["continuations_linked"] += reached and art["derivation"]["type"] == "rewrite"
        elif r == "revision":
            counts["revision"] += 1
            counts["same_story"] += story == o_story
            counts["linked"] += reached
            key = f"{orig.split('-')[0]}:{method}"
            by_method[key]["n"] += 1
            by_method[key]["linked"] += reached
            by_method[key]["same"] += story == o_story
            if verbose and not reached:
                where_to = "same story" if story == o_story else "another story"
                print(f"  missed {url.rsplit('/', 1)[1]}: {art['derivation']['type']} "
                      f"parent={art['derivation']['parent']} ({where_to})")
    rev = max(1, counts["revision"])
    res = {"same_story": counts["same_story"] / rev, "linked": counts["linked"] / rev}
    methods = " ".join(f"{m}={c['linked'] / max(1, c['n']):.3f}({c['n']},"
                       f"same_story={c['same'] / max(1, c['n']):.3f})"
                       for m, c in sorted(by_method.items()))
    planted = f" manipulated={manipulate}" if manipulate else ""
    print(f"rewrites-pipeline split={split}{planted} articles={len(role)} stories_found="
          f"{len(report['stories'])} revisions={counts['revision']} "
          f"same_story={res['same_story']:.3f} linked={res['linked']:.3f} [{methods}] "
          f"original_as_copy={counts['original_as_copy']}/{counts['originals']} "
          f"continuations_typed_rewrite={counts['continuations_linked']}/"
          f"{counts['continuation']} seconds={seconds:.0f}")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "both"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sample", type=int, help="N stories evenly spaced over the split")
    ap.add_argument("--no-semantic", action="store_true", help="the aligner without the model")
    ap.add_argument("--no-cache", action="store_true", help="embed every sentence afresh")
    ap.add_argument("--floor", type=float)
    ap.add_argument("--floor-direct", type=float,
                    help="fail below this share of linked revisions with their original as "
                         "direct parent (not a sibling revision)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--manipulate", type=int, default=0, metavar="K",
                    help="plant K factual changes (a figure, a place, a person, a scope, a "
                         "title) in each revision, each in its own sentence: LLM-manipulated "
                         "versions, which must still be traced to their original")
    ap.add_argument("--pipeline", action="store_true",
                    help="the stories as one JSON Lines pile through ingest, clustering and trace")
    args = ap.parse_args()
    if not (DATA / "labels.json").exists():
        print(f"rewrites: skipped: {DATA} is absent")
        return 0
    if args.pipeline:
        for split in (["dev", "test"] if args.split == "both" else [args.split]):
            run_pipeline(split, args.limit, args.sample, args.manipulate, args.verbose)
        return 0
    started = time.perf_counter()
    with embedding_cache(not args.no_cache) as embedded:
        res = run(args.split, args.limit, args.verbose, not args.no_semantic, args.sample,
                  args.manipulate)
    print(f"rewrites: sentences embedded={embedded()} "
          f"wall_s={time.perf_counter() - started:.1f}")
    return gate("rewrites", [("linked", res["linked"], args.floor, True),
                             ("direct_parent", res["direct_parent"], args.floor_direct, True)])


if __name__ == "__main__":
    sys.exit(main())
