"""Story word vectors from the sketch stage's word hashes equal those of the story texts alone."""

from __future__ import annotations

import numpy as np

from wiretrace.backends.local import sketch_batch
from wiretrace.cluster.features import story_features, story_word_hashes
from wiretrace.cluster.minhash import sketch_texts
from wiretrace.cluster.shingles import word_hashes

TEXTS = [
    "The Kettle Street bridge in Varnholm fell into the Ossel; we'll rebuild it, Edda Quill said.",
    "",
    "Divers pulled 4,500 fish — “all of them alive” — from the river’s mouth at 10.30 a.m.",
    "...",
    "Élodie Ärnström's ÉCOLE reopened on Tuesday after 12 weeks.",
    "A short text.",
]
STORY = [
    "Bridge falls into the Ossel\n" + TEXTS[0],
    "Title only\n" + TEXTS[1],
    None,
    "Dots\n...",
    "Headline without a break" + TEXTS[4],  # no white space: split from scratch
    "A different story text altogether",
]


def _dense(m) -> np.ndarray:  # type: ignore[no-untyped-def]
    return np.asarray(m.todense())


def test_story_words_reuse_the_texts_words() -> None:
    full = [t if s is None else s for t, s in zip(TEXTS, STORY, strict=True)]
    alone = story_features(list(range(len(full))), full)
    words = word_hashes(TEXTS)
    reused = story_features(list(range(len(full))), full, None,
                            story_word_hashes(TEXTS, words, STORY))
    assert np.array_equal(_dense(alone.words), _dense(reused.words))
    assert alone.words.has_sorted_indices and alone.words.dtype == np.float32
    norms = np.sqrt(np.asarray(alone.words.multiply(alone.words).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0, atol=1e-6)
    sigs, feats = sketch_batch(
        (list(range(len(full))), TEXTS, STORY, [None] * len(full), 32, 3, 42))
    assert np.array_equal(_dense(feats.words), _dense(alone.words))
    assert np.array_equal(sigs.digests, sketch_texts(list(range(len(full))), TEXTS, 32, 3).digests)


def test_stop_words_and_fragments_are_dropped() -> None:
    f = story_features([1, 2], ["The and of a 7 we'll they've", "river river bridge"])
    assert f.words[0].nnz == 0
    row = f.words[1]
    assert row.nnz == 2 and np.isclose(sorted(row.data)[-1] / sorted(row.data)[0],
                                       np.log1p(2) / np.log1p(1), rtol=1e-6)


def test_a_long_text_keeps_its_heaviest_words() -> None:
    import numpy as np

    from wiretrace.cluster import features

    # 200 distinct words once each, then five of them repeated: the repeated ones weigh most
    words = [f"zorvan{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(200)]
    text = " ".join(words) + " " + " ".join(words[10:15] * 4)
    f = features.story_features([1], [text])
    row = f.words[0]
    assert row.nnz == features.MAX_STORY_WORDS
    assert abs(float(row.multiply(row).sum()) - 1.0) < 1e-5
    heavy = features.story_features([2], [" ".join(words[10:15])]).words[0]
    assert set(heavy.indices) <= set(row.indices)  # the repeated words are among those kept
    top = np.sort(row.data)[-5:]
    assert np.allclose(top, top[0]) and top[0] > np.min(row.data)


def test_anchor_sets_read_back_as_given() -> None:
    from wiretrace.cluster.features import AnchorSets

    sets = [frozenset({"maren tollvik", "#4500", "velm"}), frozenset(), frozenset({"o'neill"})]
    packed = AnchorSets(sets)
    assert list(packed) == sets and len(packed) == 3 and packed[1] == frozenset()
    assert list(packed.take([2, 0])) == [sets[2], sets[0]]
    assert list(AnchorSets.concat([packed, packed.take([1])])) == sets + [frozenset()]
    assert AnchorSets(packed.sorted_lists()) == packed
