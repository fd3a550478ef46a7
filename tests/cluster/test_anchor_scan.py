"""The fast anchor scan gives the anchors and main names of the plain token loop it replaced."""

from __future__ import annotations

import random
import re

from wiretrace.cluster.features import (
    _NOT_ANCHOR,
    MAIN_NAME_MIN_COUNT,
    MAIN_NAME_MIN_SPECIFICITY,
    MAIN_NAMES,
    N_FEATURES,
    _number_key,
    anchors_and_main_names,
)
from wiretrace.cluster.specificity import anchor_entry

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*|[.!?\n]", re.UNICODE)


def reference(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The original loop: every token of ``_TOKEN`` in turn."""
    out: set[str] = set()
    names: dict[str, int] = {}
    start, prev = True, ""
    for tok in _TOKEN.findall(text):
        c = tok[0]
        if c.islower():
            start, prev = False, ""
            continue
        if c in ".!?\n":
            start, prev = True, ""
            continue
        if c.isdigit():
            num = _number_key(tok)
            if num is not None:
                out.add(num)
                start, prev = False, ""
                continue
        low = tok.lower()
        if c.isupper() and len(tok) > 1 and low not in _NOT_ANCHOR:
            if not start or prev or tok.isupper():
                out.add(low)
            names[low] = names.get(low, 0) + 1
            if prev:
                out.add(prev + " " + low)
            prev = low
        else:
            prev = ""
        start = False
    frequent = [(-k, a) for a, k in names.items() if k >= MAIN_NAME_MIN_COUNT and a in out]
    main = []
    for negk, a in frequent:
        spec = anchor_entry(a, N_FEATURES)[1]
        if spec >= MAIN_NAME_MIN_SPECIFICITY:
            main.append((negk, -spec, a))
    return frozenset(out), tuple(a for _, _, a in sorted(main)[:MAIN_NAMES])


TEXTS = [
    "Rescue divers pulled 4,500 fish from the Ossel, Maren Tollvik said.",
    "VARNHOLM — The old Kettle Street bridge collapsed.\nMAYOR EDDA QUILL SAID NOTHING\nquill's "
    "office said Quill’s deputy, Brannoc O'Hare, would speak at 10.30 a.m. on the U.S.-Teskar "
    "border.",
    "“Anselm Droum,” said Ms. Vela Nirr, “is wrong.” Then: 3.5 percent, 1,000,000 tons, 2.0, "
    "0.5, 12., 1,2,3 and 4.500,25 — figures!Names?Yes.Élodie Ärnström met Łukasz Żółw in "
    "Šibenik; çelik and émile stayed lower-case. ÉCOLE DES BEAUX arrived",
    "mid_word Snake_Case and under_Score Names, e.g. iPhone, eBay, McArdle-Smith's and "
    "Jean-Luc Varga-Öst. Numbers: 2024, 1911, 07, 3, 10:12, 5m, 3D, ²7, ٣٤٥ digits.",
    "a.b.C d..E f,G h',I j’K l.’M\n\nN\t\tO  P. q!R?s",
    "Teskaria Teskaria Teskaria Belluvar Belluvar Belluvar Williams met Williams and Williams "
    "in Geysers. Geysers Geysers. GEYSERS!",
    "",
    "...",
    "ALL CAPS LINE WITH NUMBERS 4,500 AND ONE-WORD\nNext line Starts Here",
    "日本 Tokyo 東京 Ωmega ωmega Δelta. σ Σigma İstanbul ǅemal ǈubljana",
]


def _random_text(rng: random.Random) -> str:
    pieces = ["the", "river", "Quill", "Edda Quill", "4,500", "3.5", "U.S.", "O'Hare", "Ärn",
              "éclair", "ÉCOLE", "said", ".", "!", "?", "\n", ",", "’s", "'", "—", "“", "”",
              "_", "x_y", "2024", "0", "A", "I", "NASA", "McArdle", "a.b", "l’Île", "-", "  "]
    return "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"])
                   for _ in range(rng.randint(0, 80)))


def test_anchor_scan_equals_the_token_loop() -> None:
    rng = random.Random(5)
    texts = TEXTS + [_random_text(rng) for _ in range(3000)]
    for text in texts:
        assert anchors_and_main_names(text) == reference(text), text


def test_batch_scan_equals_the_token_loop() -> None:
    from wiretrace.cluster.features import _anchors_of_tokens, _scan_tokens

    rng = random.Random(9)
    mixed = TEXTS + [_random_text(rng) for _ in range(2000)]
    latin = [t.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
             .replace("Ł", "L").replace("ż", "z").replace("ó", "o").replace("ł", "l")
             .replace("Š", "S") for t in mixed]
    latin = [t for t in latin if t.isascii() or all(ord(c) < 256 for c in t)]
    assert len(latin) > 1000
    for batch in (mixed, latin, mixed[:1], [""], ["", ""]):
        scanned = _scan_tokens(batch)
        assert len(scanned) == len(batch)
        for text, tokens in zip(batch, scanned, strict=True):
            assert _anchors_of_tokens(*tokens) == reference(text), text
