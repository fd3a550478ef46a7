"""The numpy word splitter and hash give exactly Python's split and rensa's token hash."""

from __future__ import annotations

import random

import numpy as np
import pytest

from wiretrace.cluster import shingles
from wiretrace.cluster.shingles import _word_hashes_rensa, word_hashes

TEXTS = [
    "",
    "   ",
    "…",
    "x",
    "The Kettle Street bridge in Varnholm fell into the Ossel; we'll rebuild it, said Edda Quill.",
    "a\u00a0b\u2009c\u3000d\x1ce\x85f\u2028g\tH\r\nI\x0bj\x0ck",
    "“quoted” «fr» ¿qué? ¡sí! a·b a—b a–b „low‚ ‘single’ bullet•point and so…on",
    "İstanbul ΣΑΣ ǅemal Ærø ÉCOLE straße 日本語のテキスト emoji 🙂 mixed😀words",
    "x" * 40 + " tail " + "y" * 17 + " " + "z" * 16 + " " + "w" * 100,
    "4,500 3.5 2024-05-01 $12m 50% #tag @user user_name e-mail o'neill can’t",
]


def _random(rng: random.Random) -> str:
    alphabet = "abcXYZ019 .,;'’“”—–…\n\t\u00a0éÉ日🙂_-"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def _same(texts: list[str]) -> None:
    got, want = word_hashes(texts), _word_hashes_rensa(texts)
    assert got[0].dtype == np.uint64 and got[1].dtype == np.int64
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


def test_numpy_words_equal_rensa_words() -> None:
    assert shingles._NUMPY_HASH  # rensa's hash is still the one reproduced in numpy
    rng = random.Random(11)
    texts = TEXTS + [_random(rng) for _ in range(2000)]
    _same(texts)
    _same([t for t in texts if t.isascii()])
    for t in TEXTS:
        _same([t])
    _same([])


def test_numpy_words_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shingles, "_CHUNK_CHARS", 50)
    rng = random.Random(12)
    _same(TEXTS + [_random(rng) for _ in range(300)])


def test_shingles_are_the_rolling_hash_of_k_words() -> None:
    from wiretrace.cluster.shingles import _MULT, shingle_batch

    texts = ["", "a", "a b", "a b c", "a b c d e f g", "x y x y x y x y", *TEXTS]
    for k in (1, 2, 3, 5):
        flat, lens = word_hashes(texts)
        batch = shingle_batch(texts, k)
        at = 0
        for i, n in enumerate(lens.tolist()):
            words = [int(h) for h in flat[at : at + n]]
            at += n
            want = []
            for p in range(max(1, n - k + 1)):
                h = 0
                for w in words[p : p + k]:
                    h = (h * int(_MULT) + w) % (1 << 64)
                want.append(h)
            assert batch.row(i).tolist() == want
            assert batch.distinct[i] == len(set(want))
