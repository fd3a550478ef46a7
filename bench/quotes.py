"""Benchmark: quote integrity on planted edits of real news quotes (AEB article bodies).

Each AEB gold article body is a parent. For each quote in it (words inside quotation marks), a
copy of the whole body is made with one planted edit, and ``claims.quotes.compare_quotes(parent,
copy)`` (no alignment: candidates come from shared word runs) must report it with the right kind
and a span on the edited quote, and nothing else:

- ``cut-end`` / ``cut-start``: the last / first 2 or more words of a quote of 8+ words removed;
- ``cut-inside``: a run of 2–4 words removed from inside (no ellipsis), no negation among them;
- ``spliced``: the first half of one quote joined to the second half of another quote of the same
  article (the two at least 150 characters apart);
- ``reattributed``: the speaker after a quote ('”, said Jane Doe' / '” Jane Doe said'; a regular
  expression of its own, not the tool's attribution finder) replaced by a made-up name;
- ``altered``: one word of four or more letters inside the quote replaced by another word;
- ``typography``: the whole body with curly and straight quotes swapped, dashes changed, spaces
  doubled and one quoted word upper-cased: nothing may be reported.

Prints per split and kind: planted, found with the right kind (recall), the cut's place right,
and per reported kind the precision (reports of that kind that match a planted edit of that kind,
over all reports of that kind, the typography copies included). Split by article id (sha1 parity:
even = dev, odd = test); rules were developed on dev.

    python bench/quotes.py [--data DIR] [--split dev|test|all] [--floor-precision P]
                           [--floor-recall R] [--verbose]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from floors import gate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "aeb"
NAMES = ["Marta Kellison", "Oren Vasquez", "Dana Whitcombe", "Ilse Brandtner", "Tomas Ferreiro"]
SWAPS = ["terrible", "wonderful", "certainly", "dangerous", "impossible", "excellent"]
NEGATIONS = {"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot",
             "without"}
_SAID_AFTER = re.compile(
    r"(?P<lead>[”\"],?\s+(?:said|says|added|told reporters)\s+)"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")
_NAME_AFTER = re.compile(
    r"(?P<lead>[”\"],?\s+)(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)(?=\s+(?:said|says|added)\b)")


def split_of(article_id: str) -> str:
    return "dev" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


Plant = tuple[str, str, tuple[int, int], "tuple[int, int] | None"]


def plants(body: str, rng: random.Random) -> list[Plant]:
    """(kind, copy text, span of the edited quote's words in the copy, span of the planted
    speaker's name) for one article."""
    from wiretrace.claims.quotes import find_quote_mentions

    quotes = find_quote_mentions(body)
    out: list[tuple[str, str, tuple[int, int]]] = []
    named: dict[int, tuple[int, int]] = {}
    for q in quotes:
        n = len(q.words)
        ws = q.word_spans
        if n >= 8:
            r = rng.randint(2, n // 2)
            new = body[q.span[0]:ws[n - r - 1][1]]
            out.append(("cut-end", _replace(body, q.span[0], q.span[1], new),
                        (q.span[0], q.span[0] + len(new))))
            new = body[ws[r][0]:q.span[1]]
            out.append(("cut-start", _replace(body, q.span[0], q.span[1], new),
                        (q.span[0], q.span[0] + len(new))))
            size = rng.randint(2, min(4, n - 5))
            at = rng.randint(2, n - size - 2)
            if not any(w in NEGATIONS or w.endswith("n't") for w in q.words[at:at + size]):
                new = body[q.span[0]:ws[at - 1][1]] + body[ws[at + size - 1][1]:q.span[1]]
                out.append(("cut-inside", _replace(body, q.span[0], q.span[1], new),
                            (q.span[0], q.span[0] + len(new))))
        if n >= 5:
            options = [i for i in range(1, n - 1) if len(q.words[i]) >= 4
                       and q.words[i].isalpha() and q.words[i] not in SWAPS]
            if options:
                i = rng.choice(options)
                word = rng.choice(SWAPS)
                copy = _replace(body, ws[i][0], ws[i][1], word)
                out.append(("altered", copy,
                            (q.span[0], q.span[1] + len(word) - (ws[i][1] - ws[i][0]))))
    long = [q for q in quotes if len(q.words) >= 6]
    pairs = [(a, b) for a in long for b in long if b.span[0] - a.span[1] > 150]
    if pairs:
        a, b = rng.choice(pairs)
        half_a = a.word_spans[len(a.words) // 2 - 1][1]
        half_b = b.word_spans[len(b.words) // 2][0]
        new = body[a.span[0]:half_a] + " " + body[half_b:b.span[1]]
        out.append(("spliced", _replace(body, a.span[0], a.span[1], new),
                    (a.span[0], a.span[0] + len(new))))
    for rx in (_SAID_AFTER, _NAME_AFTER):
        for m in rx.finditer(body):
            q = next((q for q in quotes if 0 <= m.start() - q.span[1] <= 1), None)
            if q is None or len(q.words) < 3:
                continue
            name = next(x for x in NAMES if x not in body)
            copy = _replace(body, m.start("name"), m.end("name"), name)
            out.append(("reattributed", copy, q.span))
            # a quote that continues the speaker's words ("“A,” said X. “B.”") moves with it
            named[len(out) - 1] = (m.start("name"), m.start("name") + len(name))
    typo = body.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "—": "-", "–": "-"}))
    if typo == body:
        typo = re.sub(r"\"([^\"]*)\"", r"“\1”", body)
    typo = typo.replace(". ", ".  ")
    qs = find_quote_mentions(typo)
    if qs and qs[0].word_spans:
        s, e = qs[0].word_spans[-1]
        typo = _replace(typo, s, e, typo[s:e].upper())
    out.append(("typography", typo, (0, 0)))
    return [(k, t, sp, named.get(i)) for i, (k, t, sp) in enumerate(out)]


EXPECTED = {"cut-end": ("cut", "end"), "cut-start": ("cut", "start"),
            "cut-inside": ("cut", "inside"), "spliced": ("spliced", None),
            "reattributed": ("reattributed", None), "altered": ("altered", None),
            "typography": (None, None)}


def run(data: Path, split: str, verbose: bool = False) -> dict[str, Counter[str]]:
    from wiretrace.claims.quotes import compare_quotes, find_quote_mentions
    from wiretrace.model import Article

    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for aid in sorted(gold):
        if split != "all" and split_of(aid) != split:
            continue
        body = gold[aid].get("articleBody") or ""
        rng = random.Random(aid)
        parent = Article("parent", body, body, id=1)
        parent_quotes = find_quote_mentions(body)
        for kind, text, span, name in plants(body, rng):
            planted[kind] += 1
            want_kind, want_where = EXPECTED[kind]
            got = compare_quotes(parent, Article("copy", text, text, id=2), None, parent_quotes)
            hit = False
            for g in got:
                reported[g.kind] += 1
                on_it = g.span[0] < span[1] and span[0] < g.span[1]
                if g.kind == want_kind and on_it and not hit:
                    hit = True
                    right[g.kind] += 1
                    found[kind] += 1
                    if want_where is None or (g.cut or "").split(" (")[0] == want_where:
                        placed[kind] += 1
                elif (g.kind == "reattributed" == want_kind and name and g.speaker_span
                      and g.speaker_span[0] < name[1] and name[0] < g.speaker_span[1]):
                    right[g.kind] += 1  # a quote continuing the planted speaker's words
                elif verbose:
                    print(f"  {aid} {kind}: reported {g.kind} {g.cut or ''} "
                          f"{g.text[:70]!r} <- {g.versus_text[:70]!r}: {g.explanation[:120]}")
            if not hit and want_kind is not None and verbose:
                print(f"  {aid} {kind}: missed; copy {text[span[0]:span[1]][:90]!r}")
    return {"planted": planted, "found": found, "placed": placed, "reported": reported,
            "right": right}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"])
    parser.add_argument("--floor-precision", type=float, default=None,
                        help="fail when any kind's precision is below this")
    parser.add_argument("--floor-recall", type=float, default=None,
                        help="fail when any planted kind's recall is below this")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"skipped: {args.data} not found (the AEB folder of ../shared/data)")
        return 0
    started = time.perf_counter()
    r = run(args.data, args.split, args.verbose)
    took = time.perf_counter() - started
    copies = sum(r["planted"].values())
    print(f"quote integrity, AEB split {args.split}: {copies} copies, {took:.1f}s")
    print(f"{'planted kind':14} {'planted':>7} {'found':>6} {'recall':>7} {'place ok':>8}")
    low = 1.0
    for kind in EXPECTED:
        n = r["planted"][kind]
        if kind == "typography":
            continue
        low = min(low, r["found"][kind] / max(1, n))
        print(f"{kind:14} {n:7d} {r['found'][kind]:6d} {r['found'][kind] / max(1, n):7.3f} "
              f"{r['placed'][kind]:8d}")
    print(f"typography-only copies: {r['planted']['typography']}, reports on them count as "
          "false below")
    print(f"{'reported kind':14} {'reported':>8} {'right':>6} {'precision':>9}")
    worst = 1.0
    for kind in ("cut", "spliced", "reattributed", "altered"):
        n = r["reported"][kind]
        p = r["right"][kind] / n if n else 1.0
        worst = min(worst, p)
        print(f"{kind:14} {n:8d} {r['right'][kind]:6d} {p:9.3f}")
    return gate("quotes", [("lowest precision", worst, args.floor_precision, True),
                           ("lowest recall", low, args.floor_recall, True)])


if __name__ == "__main__":
    sys.exit(main())
