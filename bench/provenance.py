"""Derivation benchmark: known copies made at run time from real texts, and independent reports.

Originals are NewsWCL50 and ECB+ documents read from ``../shared/data`` (never copied into the
repository). Each original gets four derived articles made by known transformations (two of
them chained: a copy of a copy); every third family carries no publication dates, the others are
dated (copies later). Trim points differ per transformation so that the true parent can be told
from the text. Expected types:

    boilerplate, trimmed, injected "See also" lines, credit line, copy of a copy,
    boilerplate + injected lines                                          → wire_copy
    reordered paragraphs, edited sentences + added paragraph              → edited_copy
    synonym-spun, trimmed + spun with another thesaurus                   → spun_copy
    extractive summary                                                    → summary
    the original itself                                                   → original (no parent)
    the original, when its real text opens with an agency's dateline      → wire_copy (no parent)

Undated families are reported apart: without dates, an edited copy that adds a paragraph cannot
be told from a source that a copy trimmed. upstream_acc: two copies of an agency story that is
not in the corpus, each missing a different part: no parent, upstream named from the credits.

Parent accuracy counts every article of every family (originals must have no parent); type
accuracy likewise. False edges: each NewsWCL50 event (5 outlets) traced as one story of
independent reports, where any parent edge or inferred shared upstream is false (an article
typed a wire copy of an agency by its own credit, linked to no other, is no edge); each ECB+ topic
traced as one story, where an edge between its two halves (two different real events) is false.
Edges inside one ECB+ event are printed, not scored: that corpus holds real wire copies. Those
of them linked by paraphrase (the learned decision, not shared wording) are counted per split of
ECB+ topics (dev, train: the link model was trained on them; test 36-45: held out): two reports
of one event retelling the same source are not copies of each other.

    python bench/provenance.py [--floor-parent F] [--floor-type F] [--max-false-edges N]
                               [--max-paraphrase-test N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from corpora import detok, embedding_cache
from floors import gate

from wiretrace.model import Article
from wiretrace.trace.derivation import trace_story

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_URLISH = re.compile(r"https?\s*:|www\s*\.|\.\s*(?:com|org|net|html?)\b", re.I)

SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "big": "substantial",
    "help": "assistance",
    "people": "individuals",
    "killed": "slain",
    "many": "numerous",
    "also": "additionally",
    "about": "approximately",
    "after": "following",
    "before": "prior to",
    "start": "commence",
    "started": "commenced",
    "end": "conclusion",
    "make": "create",
    "made": "created",
    "get": "obtain",
    "use": "utilize",
    "used": "utilized",
    "need": "require",
    "needs": "requires",
    "want": "desire",
    "wanted": "desired",
    "give": "provide",
    "gave": "provided",
    "show": "demonstrate",
    "showed": "demonstrated",
    "warned": "cautioned",
    "asked": "requested",
    "think": "believe",
    "plan": "scheme",
    "house": "residence",
    "home": "residence",
    "car": "automobile",
    "job": "occupation",
    "city": "metropolis",
    "country": "nation",
    "leader": "chief",
    "leaders": "chiefs",
    "official": "functionary",
    "officials": "functionaries",
    "police": "law enforcement",
    "government": "administration",
    "money": "funds",
    "week": "seven days",
    "today": "this day",
    "now": "currently",
    "soon": "shortly",
    "very": "extremely",
    "important": "significant",
    "major": "principal",
    "large": "sizable",
    "huge": "enormous",
    "key": "crucial",
    "good": "favorable",
    "bad": "unfavorable",
    "hard": "difficult",
    "new": "novel",
    "meeting": "gathering",
    "during": "throughout",
    "while": "whilst",
    "because": "since",
    "but": "however",
    "would": "might",
    "could": "may",
    "will": "shall",
    "more": "additional",
    "first": "initial",
    "last": "final",
    "percent": "per cent",
    "president": "head of state",
    "man": "person",
    "woman": "lady",
    "children": "youngsters",
    "found": "discovered",
    "took": "seized",
    "come": "arrive",
    "came": "arrived",
    "went": "proceeded",
    "going": "heading",
}

# another spinner's thesaurus for the same everyday words
SYNONYMS_B = {
    "said": "remarked",
    "says": "remarks",
    "told": "notified",
    "people": "persons",
    "killed": "murdered",
    "many": "plenty of",
    "also": "likewise",
    "about": "roughly",
    "after": "subsequent to",
    "before": "ahead of",
    "made": "produced",
    "get": "acquire",
    "use": "employ",
    "need": "want",
    "give": "hand",
    "show": "display",
    "warned": "alerted",
    "asked": "queried",
    "think": "reckon",
    "house": "dwelling",
    "home": "abode",
    "country": "land",
    "leader": "head",
    "leaders": "heads",
    "official": "authority",
    "officials": "authorities",
    "government": "regime",
    "money": "cash",
    "week": "sennight",
    "now": "at present",
    "very": "highly",
    "important": "vital",
    "major": "main",
    "new": "fresh",
    "meeting": "assembly",
    "during": "amid",
    "but": "yet",
    "would": "could",
    "more": "further",
    "first": "earliest",
    "last": "latest",
    "president": "chief executive",
    "man": "gentleman",
    "found": "located",
    "came": "showed up",
    "went": "travelled",
}


def paragraphs(sentences: list[str], size: int = 2, headline: bool = False) -> str:
    """Sentences as paragraphs of ``size``; with ``headline`` the first (an ECB+ document's
    title) stands on its own line, as on the page, not glued to the lead."""
    head, body = (sentences[:1], sentences[1:]) if headline else ([], sentences)
    return "\n\n".join(head + [" ".join(body[i : i + size]) for i in range(0, len(body), size)])


def load_newswcl50() -> dict[str, list[tuple[str, list[str]]]]:
    """event → [(doc name, sentences)]"""
    docs: dict[str, dict[int, list[str]]] = {}
    for line in (DATA / "newswcl50" / "NewsWCL50.conll").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 4 or line.startswith("#"):
            continue
        docs.setdefault(cols[0], {}).setdefault(int(cols[1]), []).append(cols[3])
    events: dict[str, list[tuple[str, list[str]]]] = {}
    for name, sents in sorted(docs.items()):
        events.setdefault(name.split("/")[0], []).append(
            (name, [detok(sents[k]) for k in sorted(sents)])
        )
    return events


def load_ecbplus() -> dict[str, list[tuple[str, list[str]]]]:
    """topic → [(doc name, sentences)]"""
    topics: dict[str, list[tuple[str, list[str]]]] = {}
    for folder in sorted((DATA / "ecbplus").iterdir(), key=lambda p: p.name):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.xml")):
            sents: dict[int, list[str]] = {}
            for tok in ET.parse(path).getroot().iter("token"):
                sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
            lines = [detok(sents[k]) for k in sorted(sents)]
            lines = [s for i, s in enumerate(lines) if not (i == 0 and _URLISH.search(s))]
            if lines:
                topics.setdefault(folder.name, []).append((path.stem, lines))
    return topics


# transformations: (sentences, rng, context) → (text, expected type)
Transform = Callable[[list[str], random.Random, dict[str, str]], tuple[str, str]]


def add_boilerplate(body: str, rng: random.Random, ctx: dict[str, str]) -> str:
    head = f"{ctx['copier'].upper()} | Updated {rng.randint(1, 12)}:0{rng.randint(0, 9)} GMT"
    foot = (
        f"© 2024 {ctx['copier']}. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed."
    )
    return f"{head}\n\n{body}\n\n{foot}"


def boilerplate(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    return add_boilerplate(paragraphs(s), rng, ctx), "wire_copy"


def trimmed(
    s: list[str], rng: random.Random, ctx: dict[str, str], keep_share: float = 0.75
) -> tuple[str, str]:
    keep = max(3, round(len(s) * keep_share))
    return paragraphs(s[:keep]), "wire_copy"


def spin(text: str, table: dict[str, str]) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group()
        new = table.get(word.lower())
        if new is None:
            return word
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"[A-Za-z]+", swap, text)


def spun(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    return spin(paragraphs(s), SYNONYMS), "spun_copy"


def injected(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    paras = paragraphs(s).split("\n\n")
    out: list[str] = []
    for i, p in enumerate(paras):
        out.append(p)
        if i % 3 == 1:
            out.append(f"See also: {rng.choice(ctx['headlines'].splitlines())}")
    return "\n\n".join(out), "wire_copy"


def reordered(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    paras = paragraphs(s).split("\n\n")
    rest = paras[1:]
    while len(rest) > 1 and rest == paras[1:]:
        rng.shuffle(rest)
    return "\n\n".join([paras[0], *rest]), "edited_copy"


def edited(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    s = list(s)
    for i in rng.sample(range(1, len(s)), k=min(3, len(s) - 1)):
        words = s[i].split()
        cut = max(4, len(words) * 2 // 3)
        s[i] = " ".join(words[:cut]) + ", local media reported later in the day."
    extra = (
        f"{ctx['copier']} could not independently verify the account. Officials in the region "
        "did not respond to several requests for comment on Monday evening, and a spokesperson "
        "for the ministry declined to give details of the investigation."
    )
    return paragraphs(s[: len(s) // 2]) + "\n\n" + extra + "\n\n" + paragraphs(s[len(s) // 2 :]), (
        "edited_copy"
    )


def summary(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    body = [x for x in s if len(x.split()) >= 8] or s
    n = max(2, round(len(body) * 0.3))
    step = max(2, len(body) // n)
    picks = [body[0], *[body[i] for i in range(2, len(body), step)]][:n]
    return " ".join(picks), "summary"


def credited(s: list[str], rng: random.Random, ctx: dict[str, str]) -> tuple[str, str]:
    return f"Credited from: {ctx['site']}\n\n{paragraphs(s)}", "wire_copy"


TRANSFORMS: list[tuple[str, Transform]] = [
    ("boilerplate", boilerplate),
    ("trimmed", trimmed),
    ("spun", spun),
    ("injected", injected),
    ("reordered", reordered),
    ("edited", edited),
    ("summary", summary),
    ("credited", credited),
    # made in two steps below; trim points differ per transformation, so that which copy
    # holds which text (and so the true parent) can be told from the text alone
    ("copy_of_copy", lambda s, r, c: trimmed(s, r, c, 0.88)),
    ("spun_trimmed", lambda s, r, c: (spin(trimmed(s, r, c, 0.6)[0], SYNONYMS_B), "spun_copy")),
    ("boiler_injected", lambda s, r, c: (add_boilerplate(injected(s, r, c)[0], r, c), "wire_copy")),
]
CHILDREN = 4


def family(
    fid: int, name: str, sents: list[str], headlines: list[str], rng: random.Random
) -> list[tuple[Article, int | None, str]]:
    """An original and four derived articles: (article, expected parent, expected type)."""
    dated = fid % 3 != 0
    base = 1_700_000_000 + fid * 86_400
    outlet = re.sub(r"\W+", "-", name).strip("-").lower()

    def when(hours: int) -> str | None:
        if not dated:
            return None
        t = time.gmtime(base + hours * 3600)
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", t)

    site = f"{outlet}.example.com"
    text = paragraphs(sents)
    oid = fid * 10
    # a real text that opens with an agency's dateline ("WASHINGTON (Reuters) -") is that
    # agency's story reprinted on its site: a wire copy of a story not in the corpus
    root = "wire_copy" if _AGENCY_DATELINE.search(text[:200]) else "original"
    out: list[tuple[Article, int | None, str]] = [
        (Article(name, text, text, id=oid, site=site, published=when(0)), None, root)
    ]
    picks = [(fid * CHILDREN + k) % len(TRANSFORMS) for k in range(CHILDREN)]
    for k, t in enumerate(picks):
        label, fn = TRANSFORMS[t]
        ctx = {"copier": f"Copier {fid}-{k}", "site": site, "headlines": "\n".join(headlines)}
        body, kind = fn(sents, rng, ctx)
        aid = oid + 1 + 2 * k
        copy_site = f"copier{fid}-{k}.example.net"
        art = Article(f"{name}#{label}", body, body, id=aid, site=copy_site, published=when(k + 1))
        out.append((art, oid, kind))
        if label == "copy_of_copy":
            ctx2 = {**ctx, "copier": f"Copier {fid}-{k}b"}
            body2 = add_boilerplate(body, rng, ctx2)
            art2 = Article(
                f"{name}#copy2",
                body2,
                body2,
                id=aid + 1,
                site=f"b{copy_site}",
                published=when(k + 5),
            )
            out.append((art2, aid, "wire_copy"))
    # ids (ingest order) and input order carry no hint of who is the source
    ids = [a.id for a, _, _ in out]
    mapping = dict(zip(ids, rng.sample(ids, len(ids)), strict=True))
    out = [
        (replace(a, id=mapping[a.id]), None if p is None else mapping[p], kind)
        for a, p, kind in out
    ]
    rng.shuffle(out)
    return out


def run_families(
    corpora: list[tuple[str, list[str]]], seed: int
) -> tuple[float, float, float, Counter[str]]:
    """(parent accuracy, type accuracy, parent accuracy on undated families, errors)."""
    rng = random.Random(seed)
    headlines = [s[0][:90] for _, s in corpora if s]
    right_parent = right_type = total = undated_total = undated_right = 0
    confusion: Counter[str] = Counter()
    for fid, (name, sents) in enumerate(corpora):
        fam = family(fid, name, sents, headlines, rng)
        got = {d.article: d for d in trace_story([a for a, _, _ in fam])}
        for art, parent, kind in fam:
            d = got[art.id or 0]
            total += 1
            right_parent += d.parent == parent
            right_type += d.type == kind
            if art.published is None:
                undated_total += 1
                undated_right += d.parent == parent
            if d.type != kind or d.parent != parent:
                label = art.source.split("#")[-1] if "#" in art.source else "original"
                confusion[f"{label}:{d.type}{'' if d.parent == parent else '/wrong-parent'}"] += 1
    undated = undated_right / max(1, undated_total)
    return right_parent / total, right_type / total, undated, confusion


def run_upstreams(corpora: list[tuple[str, list[str]]]) -> float:
    """Two copies of an agency story that is not in the corpus, each missing a different part:
    both must get no parent and the upstream named from their credits."""
    right = total = 0
    for fid, (name, sents) in enumerate(corpora):
        if len(sents) < 8:
            continue
        cut = len(sents) // 4
        a_text = "By Reuters\n\n" + paragraphs(sents[: len(sents) - cut])
        b_text = "(Reuters) - " + paragraphs(sents[:2] + sents[2 + cut :])
        a = Article(f"{name}#up-a", a_text, a_text, id=1, site=f"a{fid}.example.org")
        b = Article(f"{name}#up-b", b_text, b_text, id=2, site=f"b{fid}.example.org")
        for d in trace_story([a, b]):
            total += 1
            right += d.parent is None and d.upstream == "Reuters"
    return right / max(1, total)


_AGENCY_DATELINE = re.compile(
    r"\((?:AP|Reuters|AFP|UPI|dpa|EFE|ANSA|Xinhua|PTI|IANS|Bloomberg)\)\s*[-–—]")


def _half(name: str) -> str:
    return "ecbplus" if name.endswith("ecbplus") else "ecb"


ECB_DEV = {2, 5, 12, 18, 21, 23, 34, 35}
ECB_TEST = set(range(36, 46))


def ecb_split(topic: str) -> str:
    t = int(topic)
    return "test" if t in ECB_TEST else "dev" if t in ECB_DEV else "train"


def _paraphrase_led(a: Article, b: Article) -> bool:
    """Whether a and b are linked by paraphrase (the learned decision or a rewrite's tell), not
    by shared wording."""
    from wiretrace.trace.align import align_articles
    from wiretrace.trace.derivation import link_basis
    from wiretrace.trace.features import view

    al = align_articles(a, b)
    how, _ = link_basis(view(al, a, b), view(al, b, a), a, b)
    return how in ("paraphrase", "rewrite_tell")


def false_edges(
    groups: dict[str, list[tuple[str, list[str]]]], by_half: bool = False
) -> tuple[int, int, int, list[str], Counter[str]]:
    """(false edges, other edges, articles, examples, paraphrase-led other edges by split).
    Without ``by_half`` every edge is false (NewsWCL50: five independent outlets per event).
    With it (ECB+), an edge between the two halves of a topic (two different real events) is
    false; an edge inside one event is counted apart: ECB+ holds real wire copies (e.g.
    29_1ecbplus and 29_9ecbplus, 97% verbatim). Those linked by paraphrase rather than shared
    wording are two reports of one event retelling the same facts (a journalist would not call
    one a rewrite of the other): counted per ECB+ split of topics (dev, train, test)."""
    bad = other = articles = 0
    shown: list[str] = []
    para: Counter[str] = Counter()
    for gid, docs in groups.items():
        arts = []
        for i, (name, sents) in enumerate(docs):
            text = paragraphs(sents)
            arts.append(Article(name, text, text, id=i, site=name.split("_")[-1]))
        articles += len(arts)
        for d in trace_story(arts):
            if d.parent is None and d.type in ("original", "independent"):
                continue
            linked = [d.parent] if d.parent is not None else []
            for ev in d.evidence:
                m = re.match(r"shares text with ((?:#\d+(?:, )?)+)", ev)
                if m:
                    linked += [int(x) for x in re.findall(r"\d+", m.group(1))]
            if not linked:
                continue  # a wire copy by its own credit ("Washington (AFP) -"): no edge
            me = docs[d.article][0]
            cross = any(_half(docs[k][0]) != _half(me) for k in linked)
            if by_half and not cross:
                other += 1
                if any(_paraphrase_led(arts[d.article], arts[k]) for k in linked):
                    para[ecb_split(gid)] += 1
                    if len(shown) < 5:
                        shown.append(f"paraphrase-led {gid}:{me}->{[docs[k][0] for k in linked]}")
                continue
            bad += 1
            if len(shown) < 5:
                shown.append(f"{gid}:{me}->{[docs[k][0] for k in linked]}({d.type})")
    return bad, other, articles, shown, para


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--floor-parent", type=float, default=None)
    ap.add_argument("--floor-type", type=float, default=None)
    ap.add_argument("--max-false-edges", type=int, default=None)
    ap.add_argument("--max-paraphrase-test", type=int, default=None,
                    help="most same-event ECB+ edges of the test topics linked by paraphrase")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--ecb-docs", type=int, default=60, help="ECB+ documents used as originals")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not (DATA / "newswcl50").is_dir() or not (DATA / "ecbplus").is_dir():
        print(f"provenance: SKIPPED (no evaluation data at {DATA})")
        return 0
    t0 = time.time()
    with embedding_cache():
        return _run(args, t0)


def _run(args: argparse.Namespace, t0: float) -> int:
    wcl = load_newswcl50()
    ecb = load_ecbplus()
    originals = [d for docs in wcl.values() for d in docs if len(d[1]) >= 6]
    ecb_docs = [d for docs in ecb.values() for d in docs if len(d[1]) >= 6]
    step = max(1, len(ecb_docs) // args.ecb_docs)
    originals += ecb_docs[::step][: args.ecb_docs]
    parent_acc, type_acc, undated_acc, confusion = run_families(originals, args.seed)
    upstream_acc = run_upstreams(originals[::3])
    fe_wcl, _, n_wcl, shown_wcl, _ = false_edges(wcl)
    fe_ecb, same_ecb, n_ecb, shown_ecb, para = false_edges(ecb, by_half=True)
    n_fam = len(originals)
    print(
        f"provenance: families={n_fam} parent_acc={parent_acc:.3f} "
        f"(undated_families={undated_acc:.3f}) type_acc={type_acc:.3f} "
        f"upstream_acc={upstream_acc:.3f} "
        f"false_edges_newswcl50={fe_wcl}/{n_wcl} false_edges_ecbplus_cross_event={fe_ecb}/{n_ecb} "
        f"ecbplus_same_event_copies={same_ecb} "
        f"ecbplus_same_event_paraphrase_led=dev:{para['dev']},train:{para['train']},"
        f"test:{para['test']} "
        f"seconds={time.time() - t0:.0f}"
    )
    if args.verbose:
        print("errors:", dict(confusion.most_common()), file=sys.stderr)
        print("false edges:", shown_wcl + shown_ecb, file=sys.stderr)
    return gate("provenance", [
        ("parent accuracy", parent_acc, args.floor_parent, True),
        ("type accuracy", type_acc, args.floor_type, True),
        ("false edges", fe_wcl + fe_ecb, args.max_false_edges, False),
        ("paraphrase-led same-event edges on ECB+ test topics", para["test"],
         args.max_paraphrase_test, False),
    ])


if __name__ == "__main__":
    sys.exit(main())
