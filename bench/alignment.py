"""PAN 2013 style text alignment on real text: the merged passages of
``wiretrace.trace.align.passages`` (over ``align``) scored as detections with the official PAN
measures (Potthast et al. 2010, "An Evaluation Framework for Plagiarism Detection").

Cases are built at run time from ``../shared/data`` (never copied into the repository). Each case
is a pair of documents: a *source* (host A with a passage inserted between two of its paragraphs)
and a *suspicious* document (another host B with the reused version of that passage inserted);
the gold case is the character span of the inserted text in both. Hosts are the gold article
bodies of the Article Extraction Benchmark (``aeb/ground-truth.json``; English ones with at least
three paragraphs, cut after the paragraph that passes ``HOST_CHARS``; ``--hosts`` of them per
split, so their sentences are embedded once and reused across cases; two articles of one event
are never the two hosts of a case); passages are ImBD originals
(``imbd/originals``) and their LLM revisions (``imbd/derived``). Kinds:

- ``verbatim``: the original in both documents;
- ``random``: the original vs a seeded PAN-style random obfuscation of it (words shuffled inside
  windows of three, a few deleted, a few inserted, some replaced from a small synonym map);
- ``paraphrase``: the original vs an ImBD ``rewrite`` of it (xsum only: web originals have no
  rewrite; outputs flagged unrelated_output, low_overlap, llm_preamble or apology_or_refusal are
  left out);
- ``summary``: the original vs every other sentence (the 1st, 3rd, 5th, ...) of a revision: an
  ImBD ``rewrite`` for xsum, the ``polish`` for web (the only revision there), same flags left
  out, at least three sentences. Chosen over "a polish cut to its first half" because a summary
  condenses the *whole* passage: the kept sentences still spread from its first to its last
  sentence, whereas a first-half cut is a truncation whose second half no aligner can find (it
  would measure truncation, not summarising);
- ``none``: two hosts with nothing inserted: every detection is a false positive (counted apart).

Measures (exactly PAN's, per kind, pooled over the kind's document pairs): a detection *detects*
a case when they overlap in the source document and in the suspicious document; recall = mean
over cases of the share of the case's characters (source + suspicious) inside the union of the
detections that detect it; precision = the same with cases and detections swapped; granularity
= mean number of detecting detections per detected case; plagdet = F1 / log2(1 + granularity).
``macro`` is the mean plagdet of the four reuse kinds. ``--self-test`` checks the scorer on
hand-made cases whose answers were computed by hand.

Splits (those of bench/rewrites.py): dev = ImBD originals xsum-000..074 and web-000..249, test =
the rest; hosts are split too (even/odd position among the sorted AEB ids), so the test split
shares no text with dev. Sentences/s is what the aligner did (sentences of both documents over
the time spent in ``align`` + ``passages``, model load excluded); sentence embeddings of earlier
runs are reused from bench/out (``new_embedded`` says how many were computed in this run).
Run time with the default 40 cases per kind: about 1,600 new sentences to embed per split, so
5-6 minutes from a cold cache on a loaded 2-core machine (embedding at ~5 sentences/s there),
under 10 s with the cache warm; ``--cases 15`` for a quick cold run.

    python bench/alignment.py [--split dev|test|both] [--cases N] [--floor F] [--no-cache] [-v]
    python bench/alignment.py --self-test
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import embedding_cache  # noqa: E402
from floors import gate  # noqa: E402
from rewrites import split_of  # noqa: E402

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
IMBD = DATA / "imbd"
AEB = DATA / "aeb" / "ground-truth.json"
REUSE_KINDS = ("verbatim", "random", "paraphrase", "summary")
KINDS = (*REUSE_KINDS, "none")
BAD_FLAGS = {"unrelated_output", "low_overlap", "llm_preamble", "apology_or_refusal"}
HOST_CHARS = 2000
RELATED = 0.2  # host pairs at least this alike are not paired (see related_hosts)
HOSTS = 30  # hosts per split: their sentences are embedded once and reused across cases
SEED = 2013

Span = tuple[int, int]


# --------------------------------------------------------------------------------------------
# The PAN measures


class Annotation(NamedTuple):
    """A case or a detection: a document pair and a character span ``[start, end)`` in the
    source and in the suspicious document of that pair."""

    pair: int
    src: Span
    susp: Span


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    granularity: float
    plagdet: float


def _overlap(x: Span, y: Span) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def detects(det: Annotation, case: Annotation) -> bool:
    """PAN: same document pair, overlapping in the suspicious and in the source document."""
    return det.pair == case.pair and _overlap(det.src, case.src) and _overlap(det.susp, case.susp)


def _covered(span: Span, others: list[Span]) -> int:
    """Characters of ``span`` inside the union of ``others``."""
    n, last = 0, span[0]
    for s, e in sorted(others):
        s, e = max(s, last), min(e, span[1])
        if e > s:
            n += e - s
            last = e
    return n


def _length(a: Annotation) -> int:
    return (a.src[1] - a.src[0]) + (a.susp[1] - a.susp[0])


def macro_recall(cases: list[Annotation], dets: list[Annotation]) -> float:
    """Mean over cases of the share of a case's characters (source + suspicious) covered by the
    detections that detect it. Precision is this with the arguments swapped (as PAN does)."""
    if not cases and not dets:
        return 1.0
    if not cases or not dets:
        return 0.0
    by_pair: dict[int, list[Annotation]] = defaultdict(list)
    for d in dets:
        by_pair[d.pair].append(d)
    total = 0.0
    for c in cases:
        hits = [d for d in by_pair.get(c.pair, ()) if detects(d, c)]
        if hits:
            got = _covered(c.src, [d.src for d in hits]) + _covered(c.susp, [d.susp for d in hits])
            total += got / _length(c)
    return total / len(cases)


def macro_precision(cases: list[Annotation], dets: list[Annotation]) -> float:
    return macro_recall(dets, cases)


def granularity(cases: list[Annotation], dets: list[Annotation]) -> float:
    """Mean number of detections detecting a case, over the cases detected at all (1 if none)."""
    counts = [sum(detects(d, c) for d in dets) for c in cases]
    found = [n for n in counts if n]
    return sum(found) / len(found) if found else 1.0


def plagdet(precision: float, recall: float, gran: float) -> float:
    if precision + recall == 0 or gran < 1:
        return 0.0
    return 2 * precision * recall / (precision + recall) / math.log2(1 + gran)


def score(cases: list[Annotation], dets: list[Annotation]) -> Score:
    p, r, g = macro_precision(cases, dets), macro_recall(cases, dets), granularity(cases, dets)
    return Score(p, r, g, plagdet(p, r, g))


def self_test() -> int:
    """The scorer on hand-made cases; every expected figure below was worked out by hand."""
    A = Annotation
    c = A(0, (0, 100), (0, 100))
    checks: list[tuple[str, list[Annotation], list[Annotation], tuple[float, float, float, float]]]
    checks = [
        # (name, cases, detections, (precision, recall, granularity, plagdet))
        ("exact", [c], [c], (1, 1, 1, 1)),
        # two halves: everything found, but twice: 1 / log2(3)
        ("halves", [c], [A(0, (0, 50), (0, 50)), A(0, (50, 100), (50, 100))],
         (1, 1, 2, 1 / math.log2(3))),
        # shifted by 50 in both documents: 100 of 200 case chars, 100 of 200 detection chars
        ("shifted", [A(0, (100, 200), (0, 100))], [A(0, (150, 250), (50, 150))],
         (0.5, 0.5, 1, 0.5)),
        # right place in the suspicious document, wrong place in the source: no detection
        ("wrong source", [c], [A(0, (300, 400), (0, 100))], (0, 0, 1, 0)),
        # same spans in another document pair: no detection
        ("wrong pair", [c], [A(1, (0, 100), (0, 100))], (0, 0, 1, 0)),
        # one case found, one missed, one false positive elsewhere: P = (1+0)/2, R = (1+0)/2
        ("macro", [c, A(1, (0, 10), (0, 10))], [c, A(2, (0, 50), (0, 50))],
         (0.5, 0.5, 1, 0.5)),
        # macro, not micro: the small case counts as much as the big one (micro R = 200/220)
        ("macro not micro", [c, A(1, (0, 10), (0, 10))], [c], (1, 0.5, 1, 2 / 3)),
        # one detection over two cases of a pair: each case fully found, 400 of its 600 chars
        # are reuse: P = 2/3, R = 1, F1 = 0.8
        ("one over two", [c, A(0, (200, 300), (200, 300))], [A(0, (0, 300), (0, 300))],
         (2 / 3, 1, 1, 0.8)),
        # overlapping detections: the union counts once for recall; each is all reuse
        ("overlapping", [c], [A(0, (0, 60), (0, 60)), A(0, (40, 100), (40, 100))],
         (1, 1, 2, 1 / math.log2(3))),
        # a detection covering only the source half: detects the case (overlaps in both)
        # recall (100 + 10) / 200 = 0.55; precision (100 + 10) / (100 + 10) = 1
        ("one-sided", [c], [A(0, (0, 100), (90, 100))],
         (1, 0.55, 1, 2 * 0.55 / 1.55)),
        ("nothing at all", [], [], (1, 1, 1, 1)),
        ("no detections", [c], [], (0, 0, 1, 0)),
        ("only false positives", [], [c], (0, 0, 1, 0)),
    ]
    failed = 0
    for name, cases, dets, want in checks:
        s = score(cases, dets)
        got = (s.precision, s.recall, s.granularity, s.plagdet)
        ok = all(math.isclose(g, w, abs_tol=1e-9) for g, w in zip(got, want, strict=True))
        failed += not ok
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: P={got[0]:.4f} R={got[1]:.4f} "
              f"G={got[2]:.4f} plagdet={got[3]:.4f}" + ("" if ok else f" want {want}"))
    # the case builder: gold spans are exactly the inserted text
    text, span = insert(["Para one.", "Para two.", "Para three."], "Reused text.", random.Random(1))
    ok = text[span[0]:span[1]] == "Reused text." and text.count("\n\n") == 3
    failed += not ok
    print(f"  {'ok  ' if ok else 'FAIL'} insert: gold span is the inserted passage")
    rng = random.Random(3)
    orig = "The minister said on Monday that the big new plan would start next year."
    obf = obfuscate(orig, rng)
    ok = obf != orig and obf == obfuscate(orig, random.Random(3))
    failed += not ok
    print(f"  {'ok  ' if ok else 'FAIL'} obfuscate: changes the text, same seed same output")
    print(f"alignment self-test: {'FAIL' if failed else 'ok'} ({len(checks) + 2 - failed}/"
          f"{len(checks) + 2})")
    return 1 if failed else 0


# --------------------------------------------------------------------------------------------
# Cases from real text

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "big": "large", "large": "big",
    "small": "little", "start": "begin", "started": "began", "begin": "start", "end": "finish",
    "ended": "finished", "help": "assist", "helped": "assisted", "buy": "purchase",
    "bought": "purchased", "show": "demonstrate", "shows": "demonstrates", "get": "obtain",
    "got": "obtained", "need": "require", "needs": "requires", "use": "employ", "used": "employed",
    "make": "create", "made": "created", "many": "numerous", "very": "extremely", "also": "too",
    "but": "however", "about": "around", "near": "close to", "often": "frequently",
    "quickly": "rapidly", "fast": "quick", "hard": "difficult", "easy": "simple",
    "important": "significant", "main": "principal", "people": "individuals", "children": "kids",
    "house": "home", "home": "house", "job": "work", "money": "funds", "car": "vehicle",
    "city": "town", "country": "nation", "plan": "scheme", "plans": "schemes",
    "problem": "issue", "problems": "issues", "after": "following", "before": "prior to",
    "because": "since", "while": "whereas", "whole": "entire", "enough": "sufficient",
    "try": "attempt", "tried": "attempted", "think": "believe", "thinks": "believes",
    "want": "wish", "wants": "wishes", "find": "discover", "found": "discovered",
    "give": "provide", "gave": "provided", "keep": "retain", "kept": "retained",
    "leave": "depart", "left": "departed", "ask": "request", "asked": "requested",
    "shop": "store", "shops": "stores", "road": "street", "worker": "employee",
    "workers": "employees", "firm": "company", "firms": "companies", "company": "firm",
    "died": "perished", "killed": "slain", "rise": "increase", "fell": "dropped",
}
FILLERS = ("also", "then", "indeed", "still", "even", "just", "quite", "really", "now", "so")
_WORD = re.compile(r"^(\W*)([\w'’-]+)(\W*)$")
_SENT_END = re.compile(r"[.!?][\"'’”)]*$")


def obfuscate(text: str, rng: random.Random) -> str:
    """PAN-style random obfuscation, seeded: some words replaced by a synonym (~40% of those the
    map knows), ~7% deleted, ~5% followed by an inserted filler, and ~30% of the windows of three
    words inside a sentence shuffled. Sentence-final words stay (so sentences stay sentences)."""
    out: list[str] = []
    for tok in text.split():
        end = bool(_SENT_END.search(tok))
        m = _WORD.match(tok)
        if m and not end and rng.random() < 0.07:
            continue
        if m:
            pre, word, post = m.groups()
            syn = SYNONYMS.get(word.lower())
            if syn and rng.random() < 0.4:
                syn = syn.capitalize() if word[0].isupper() else syn
                tok = pre + syn + post
        out.append(tok)
        if not end and rng.random() < 0.05:
            out.append(rng.choice(FILLERS))
    k = 0
    while k + 3 <= len(out):
        window = out[k : k + 3]
        if not any(_SENT_END.search(w) for w in window) and rng.random() < 0.3:
            rng.shuffle(window)
            out[k : k + 3] = window
        k += 3
    return " ".join(out)


def insert(paras: list[str], passage: str, rng: random.Random) -> tuple[str, Span]:
    """``paras`` joined by blank lines with ``passage`` as a paragraph between two of them; the
    span of the passage in the result."""
    k = rng.randint(1, len(paras) - 1)
    head = "\n\n".join(paras[:k]) + "\n\n"
    text = head + passage + "\n\n" + "\n\n".join(paras[k:])
    return text, (len(head), len(head) + len(passage))


@dataclass(slots=True)
class Case:
    kind: str
    pair: int
    name: str  # the ImBD ids it is made of
    hosts: tuple[str, str]
    src: str
    susp: str
    gold: Annotation | None


def load_hosts(split: str) -> dict[str, list[str]]:
    """English AEB article bodies of this split, as paragraphs, cut after ``HOST_CHARS``."""
    import py3langid

    bodies = json.loads(AEB.read_text(encoding="utf-8"))
    hosts: dict[str, list[str]] = {}
    for pos, hid in enumerate(sorted(bodies)):
        if ("dev" if pos % 2 == 0 else "test") != split:
            continue
        body = bodies[hid]["articleBody"]
        if py3langid.classify(body)[0] != "en":
            continue
        paras: list[str] = []
        for line in body.split("\n"):
            if line.strip() and sum(map(len, paras)) < HOST_CHARS:
                paras.append(line.strip())
        if len(paras) >= 3:
            hosts[hid] = paras
    return hosts


def related_hosts(hosts: dict[str, list[str]], limit: float = RELATED) -> set[tuple[str, str]]:
    """Host pairs whose content words are alike (TF-IDF cosine ≥ ``limit``): two reports of one
    event, which may share wording of their own (AEB has a few), are never paired."""
    from wiretrace.trace.sentences import content_words, tokens

    bags = {h: Counter(content_words(tokens("\n".join(p)))) for h, p in hosts.items()}
    df: Counter[str] = Counter(w for bag in bags.values() for w in bag)
    vecs: dict[str, dict[str, float]] = {}
    for h, bag in bags.items():
        v = {w: c * math.log(len(bags) / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[h] = {w: x / norm for w, x in v.items()}
    out: set[tuple[str, str]] = set()
    for a in vecs:
        for b in vecs:
            if a < b and sum(x * vecs[b].get(w, 0.0) for w, x in vecs[a].items()) >= limit:
                out |= {(a, b), (b, a)}
    return out


def _read(folder: str, name: str) -> str:
    return (IMBD / folder / f"{name}.txt").read_text(encoding="utf-8").strip()


def every_other_sentence(text: str) -> str | None:
    from wiretrace.trace.sentences import split_sentences

    spans = split_sentences(text)
    if len(spans) < 3:
        return None
    return " ".join(text[s:e] for s, e in spans[::2])


def build_cases(split: str, per_kind: int, seed: int = SEED, n_hosts: int = HOSTS) -> list[Case]:
    rng = random.Random(f"{seed}-{split}")
    hosts = load_hosts(split)
    host_ids = sorted(rng.sample(sorted(hosts), min(n_hosts, len(hosts))))
    labels = json.loads((IMBD / "labels.json").read_text(encoding="utf-8"))
    originals = sorted({lab["original"] for lab in labels if split_of(lab["original"]) == split})
    revisions: dict[str, list[dict]] = defaultdict(list)
    for lab in sorted(labels, key=lambda x: x["derived"]):
        if split_of(lab["original"]) == split and not set(lab["flags"]) & BAD_FLAGS:
            revisions[lab["original"]].append(lab)

    def rewrites_of(orig: str) -> list[dict]:
        want = "rewrite" if orig.startswith("xsum") else "polish"
        return [lab for lab in revisions[orig] if lab["method"] == want]

    # one shuffled pool of originals, walked in order by every kind: the kinds share passages
    # where they can (fewer sentences to embed; kinds compared on the same texts)
    pool = rng.sample(originals, len(originals))
    pairs: dict[str, list[tuple[str, str, str]]] = {}  # kind -> (name, source, reused)
    pairs["verbatim"] = [(o, _read("originals", o), _read("originals", o))
                         for o in pool[:per_kind]]
    pairs["random"] = [(o, _read("originals", o), obfuscate(_read("originals", o), rng))
                       for o in pool[:per_kind]]
    para: list[tuple[str, str, str]] = []
    for o in pool:
        revs = [lab for lab in rewrites_of(o) if lab["method"] == "rewrite"]
        if revs and len(para) < per_kind:
            lab = rng.choice(revs)
            para.append((lab["derived"], _read("originals", o), _read("derived", lab["derived"])))
    pairs["paraphrase"] = para
    summ: list[tuple[str, str, str]] = []
    for o in pool:
        revs = rewrites_of(o)
        if not revs or len(summ) >= per_kind:
            continue
        lab = rng.choice(revs)
        short = every_other_sentence(_read("derived", lab["derived"]))
        if short:
            summ.append((lab["derived"] + "[::2]", _read("originals", o), short))
    pairs["summary"] = summ
    related = related_hosts({h: hosts[h] for h in host_ids})

    def two_hosts() -> tuple[str, str]:
        while True:
            a, b = rng.sample(host_ids, 2)
            if (a, b) not in related:
                return a, b

    cases: list[Case] = []
    for kind in REUSE_KINDS:
        for name, src_passage, susp_passage in pairs[kind]:
            a, b = two_hosts()
            src, src_span = insert(hosts[a], src_passage, rng)
            susp, susp_span = insert(hosts[b], susp_passage, rng)
            pair = len(cases)
            cases.append(Case(kind, pair, name, (a, b), src, susp,
                              Annotation(pair, src_span, susp_span)))
    for _ in range(per_kind):
        a, b = two_hosts()
        cases.append(Case("none", len(cases), "-", (a, b), "\n\n".join(hosts[a]),
                          "\n\n".join(hosts[b]), None))
    return cases


# --------------------------------------------------------------------------------------------
# Running the aligner


@dataclass(slots=True)
class Result:
    case: Case
    dets: list[Annotation]
    seconds: float
    sentences: int


def run_cases(cases: list[Case]) -> list[Result]:
    from wiretrace.embeddings import embed
    from wiretrace.settings import Settings
    from wiretrace.trace.align import align, passages
    from wiretrace.trace.sentences import split_sentences

    settings = Settings()
    embed(["The model loads before the clock starts."])
    out: list[Result] = []
    for c in cases:
        n = len(split_sentences(c.src)) + len(split_sentences(c.susp))
        t0 = time.perf_counter()
        al = align(c.src, c.susp, settings)
        merged = passages(al, c.src, c.susp)
        took = time.perf_counter() - t0
        dets = [Annotation(c.pair, p.a_span, p.b_span) for p in merged]
        out.append(Result(c, dets, took, n))
    return out


def _side_scores(results: list[Result]) -> str:
    """Recall and precision in the source and in the suspicious document separately (-v)."""
    rec = {"src": 0.0, "susp": 0.0}
    prec = {"src": 0.0, "susp": 0.0}
    n_det = 0
    for r in results:
        g = r.case.gold
        assert g is not None
        hits = [d for d in r.dets if detects(d, g)]
        for side in ("src", "susp"):
            gs: Span = getattr(g, side)
            rec[side] += _covered(gs, [getattr(d, side) for d in hits]) / (gs[1] - gs[0])
        for d in r.dets:
            n_det += 1
            for side in ("src", "susp"):
                ds: Span = getattr(d, side)
                if detects(d, g) and ds[1] > ds[0]:
                    prec[side] += _covered(ds, [getattr(g, side)]) / (ds[1] - ds[0])
    n = max(1, len(results))
    return (f"R_src={rec['src'] / n:.3f} R_susp={rec['susp'] / n:.3f} "
            f"P_src={prec['src'] / max(1, n_det):.3f} P_susp={prec['susp'] / max(1, n_det):.3f}")


def report(split: str, results: list[Result], verbose: bool) -> float:
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.case.kind].append(r)
    parts = []
    plag = []
    for kind in REUSE_KINDS:
        rs = by_kind[kind]
        s = score([r.case.gold for r in rs if r.case.gold], [d for r in rs for d in r.dets])
        plag.append(s.plagdet)
        parts.append(f"{kind}: plagdet={s.plagdet:.3f} P={s.precision:.3f} R={s.recall:.3f} "
                     f"G={s.granularity:.3f} n={len(rs)}")
    macro = sum(plag) / len(plag)
    fps = [d for r in by_kind["none"] for d in r.dets]
    fp_chars = sum(_length(d) for d in fps)
    secs = sum(r.seconds for r in results)
    sents = sum(r.sentences for r in results)
    print(f"alignment split={split} macro_plagdet={macro:.3f} | " + " | ".join(parts)
          + f" | none: fp_detections={len(fps)} fp_chars={fp_chars} pairs={len(by_kind['none'])}"
          + f" | cases={len(results)} sentences={sents} align_s={secs:.1f} "
          f"sentences_per_s={sents / max(secs, 1e-9):.1f}", flush=True)
    if verbose:
        _verbose(by_kind)
    return macro


def _verbose(by_kind: dict[str, list[Result]]) -> None:
    for kind in REUSE_KINDS:
        rs = by_kind[kind]
        print(f"  {kind}: {_side_scores(rs)} detections={sum(len(r.dets) for r in rs)}")
        shown = 0
        for r in rs:
            g = r.case.gold
            assert g is not None
            s = score([g], r.dets)
            if s.plagdet >= 0.9 or shown >= 4:
                continue
            shown += 1
            print(f"    {r.case.name} hosts={r.case.hosts[0][:8]}/{r.case.hosts[1][:8]} "
                  f"plagdet={s.plagdet:.2f} P={s.precision:.2f} R={s.recall:.2f} "
                  f"G={s.granularity:.0f} gold src={g.src} susp={g.susp}")
            for d in r.dets:
                mark = "hit" if detects(d, g) else "FP "
                print(f"      {mark} src={d.src} susp={d.susp}")
            if not r.dets:
                print("      (no detection)")
    for r in by_kind["none"]:
        for d in r.dets:
            print(f"  none FP {r.case.hosts[0][:8]}/{r.case.hosts[1][:8]} src={d.src} "
                  f"susp={d.susp}: {r.case.src[d.src[0]:d.src[1]][:70]!r} ~ "
                  f"{r.case.susp[d.susp[0]:d.susp[1]][:70]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "both"])
    ap.add_argument("--cases", type=int, default=40, help="cases per kind (default 40)")
    ap.add_argument("--floor", type=float, help="exit 1 when the test macro plagdet is below")
    ap.add_argument("--hosts", type=int, default=HOSTS, help=f"host articles (default {HOSTS})")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--no-cache", action="store_true", help="do not reuse bench/out embeddings")
    ap.add_argument("--self-test", action="store_true", help="check the scorer and exit")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-side scores, misses, FPs")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if not (IMBD / "labels.json").exists() or not AEB.exists():
        print(f"alignment: skipped: {DATA} is absent")
        return 0
    started = time.perf_counter()
    macros: dict[str, float] = {}
    with embedding_cache(not args.no_cache) as embedded:
        for split in (["dev", "test"] if args.split == "both" else [args.split]):
            cases = build_cases(split, args.cases, args.seed, args.hosts)
            macros[split] = report(split, run_cases(cases), args.verbose)
    print(f"alignment: new_embedded={embedded()} "
          f"wall_s={time.perf_counter() - started:.1f}")
    if args.floor is not None:
        if "test" not in macros:
            print("alignment: --floor applies to the test split (add --split test)")
            return 2
    return gate("alignment", [("test macro plagdet", macros.get("test", 0.0), args.floor, True)])


if __name__ == "__main__":
    sys.exit(main())
