"""Is a copy's sentence supported by its source's sentences? A small learned entailment check.

``support(source_sentences, copy_sentence)`` returns the probability that the copy's sentence
says nothing its source sentences do not (1.0 = fully supported). It is a logistic model over
features of the sentence against the source (``sentence_features``):

- semantic: MiniLM (all-MiniLM-L6-v2, offline, CPU) cosine of the sentence with its best-matching
  source sentences, and of each new word with the source's words (a paraphrase stays close);
- structured: figures no source figure is consistent with, capitalised names the source never
  uses, words the source's best-matching sentences lack, negation added or dropped, a word whose
  opposite the source uses, rare new words.

The weights (``data/entailment.json``) come from ``scripts/train_entailment.py``, trained on the
SummEdits non-news domains with hyperparameters chosen by leave-one-domain-out cross-validation;
the file also records the dev figures and the threshold chosen there. Nothing is trained or
downloaded at run time. Everything is computed on the reading form of the texts
(``normalise.reading_form``), so typography, quotes, dashes, case and accents never lower support.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.normalise import reading_form
from wiretrace.claims.numbers import NumberMention, consistent, find_numbers
from wiretrace.claims.pairing import is_content, stem
from wiretrace.logistic import LogisticModel, read_logistic
from wiretrace.trace.sentences import zipf

__all__ = [
    "FEATURES",
    "EntailmentModel",
    "load_model",
    "sentence_features",
    "source_features",
    "support",
    "support_many",
    "is_supported",
]

FEATURES = (
    "dissimilarity_best",  # 1 - cosine with the best-matching source sentence
    "dissimilarity_top3",  # 1 - mean cosine with the three best-matching source sentences
    "new_words_share",  # share of the sentence's content words the source never uses
    "new_words_log",  # log(1 + number of such words)
    "new_in_region_share",  # share of content words absent from the best-matching sentences
    "new_figures",  # figures no source figure is consistent with
    "new_names",  # capitalised words (not sentence-initial) the source never uses
    "moved_names",  # names/figures absent from the best-matching sentences, present elsewhere
    "negation_added",  # the sentence negates and none of the best-matching sentences does
    "negation_removed",  # the best-matching sentence negates and the sentence does not
    "opposite_words",  # a word the source lacks whose opposite the best-matching sentences use
    "rare_new_words",  # new words rarer than Zipf 3.5
    "new_word_distance",  # 1 - min over new words of the best cosine with a source word
    "far_new_words",  # new words whose best cosine with any source word is below 0.5
    "new_bigrams_share",  # share of adjacent content-word pairs absent from the best matches
)
_TOP = 3
_NEG = frozenset({"not", "no", "never", "cannot", "nobody", "none", "nothing", "neither", "nor",
                  "without", "denied", "denies", "deny", "refused", "refuses", "failed", "fails"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@dataclass(frozen=True, slots=True)
class EntailmentModel(LogisticModel):
    """P(inconsistent) as a logistic model; its threshold is the support below which a
    sentence is "not supported"."""

    @property
    def uses_word_similarity(self) -> bool:
        k = [FEATURES.index("new_word_distance"), FEATURES.index("far_new_words")]
        return bool(np.any(self.weights[k] != 0))

    def support(self, x: np.ndarray) -> np.ndarray:
        return 1.0 - self.probability(x)  # 1 - P(inconsistent)


@lru_cache(maxsize=1)
def load_model() -> EntailmentModel:
    return EntailmentModel(*read_logistic("wiretrace.claims", "data/entailment.json", FEATURES,
                                          "scripts/train_entailment.py"))


# --- text pieces ------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return _WORD.findall(reading_form(text))


def _content(words: list[str]) -> list[str]:
    return [stem(w) for w in words if is_content(w)]


def _names(sentence: str) -> list[str]:
    """Capitalised words after the first word: "the Paris office" -> ["paris"]."""
    raw = _WORD.findall(sentence.replace("’", "'"))
    return [stem(w.lower()) for w in raw[1:] if w[:1].isupper() and is_content(w.lower())]


def _negations(words: list[str]) -> int:
    return sum(1 for w in words if w in _NEG or w.endswith("n't"))


def _figures(text: str) -> list[NumberMention]:
    return [n for n in find_numbers(text) if not n.vague]


def _embed(texts: Sequence[str]) -> np.ndarray:
    from wiretrace.cluster.semantic import embed

    return embed(list(texts))


@dataclass(slots=True)
class _Source:
    sentences: list[str]
    vecs: np.ndarray
    words: list[list[str]]
    content: list[set[str]]
    all_content: set[str]
    names: set[str]
    figures: list[NumberMention]
    word_list: list[str]  # distinct content words (surface form), for word similarity
    _word_vecs: np.ndarray | None = None

    def word_vecs(self) -> np.ndarray:
        if self._word_vecs is None:
            self._word_vecs = _embed(self.word_list) if self.word_list else np.zeros((0, 384))
        return self._word_vecs


def source_features(source_sentences: Sequence[str]) -> _Source:
    """What the features need of the source, computed once per source (embeddings batched)."""
    sents = [s for s in source_sentences if s.strip()]
    words = [_words(s) for s in sents]
    content = [set(_content(w)) for w in words]
    distinct = sorted({w for ws in words for w in ws if is_content(w)})
    return _Source(sents, _embed([reading_form(s) for s in sents]), words, content,
                   set().union(*content) if content else set(),
                   {n for s in sents for n in _names(s)} | {w for c in content for w in c},
                   [n for s in sents for n in _figures(s)], distinct)


def sentence_features(src: _Source, copy_sentence: str, copy_vec: np.ndarray | None = None,
                      word_similarity: bool = True) -> np.ndarray:
    """The feature vector (``FEATURES``) of one copy sentence against a prepared source;
    without ``word_similarity`` the two word-embedding features are left at 0 (a model that
    gives them no weight need not pay for them)."""
    words = _words(copy_sentence)
    content = _content(words)
    cset = set(content)
    if copy_vec is None:
        copy_vec = _embed([reading_form(copy_sentence)])[0]
    if len(src.sentences):
        sims = src.vecs @ copy_vec
        order = np.argsort(-sims)[:_TOP]
        best, top = float(sims[order[0]]), float(np.mean(sims[order]))
    else:
        order, best, top = np.zeros(0, int), 0.0, 0.0
    region_content: set[str] = set()
    for i in order:
        region_content |= src.content[i]
    region_words: set[str] = {w for i in order for w in src.words[i]}
    new = sorted(cset - src.all_content)
    new_region = cset - region_content
    names = set(_names(copy_sentence))
    new_names = {n for n in names if n not in src.all_content and n not in src.names}
    figs = _figures(copy_sentence)
    new_figs = [f for f in figs if not any(consistent(f, g) for g in src.figures)]
    region_text = " ".join(src.sentences[i] for i in order)
    region_figs = _figures(region_text)
    moved = sum(1 for n in names if n in src.all_content and n not in region_content) + sum(
        1 for f in figs if f not in new_figs and not any(consistent(f, g) for g in region_figs))
    neg_b = _negations(words)
    neg_region = [_negations(src.words[i]) for i in order]
    neg_best = neg_region[0] if neg_region else 0
    poles = lexicon().poles
    opposite = 0
    for w in set(words) - {x for ws in src.words for x in ws}:
        for pair, side in poles.get(w, ()):
            if any((pair, 1 - side) in poles.get(x, ()) for x in region_words):
                opposite += 1
                break
    new_surface = sorted({w for w in words if is_content(w) and stem(w) in new})
    rare = sum(1 for w in new_surface if not w.isdigit() and zipf(w) < 3.5)
    distance, far = 0.0, 0
    if word_similarity and new_surface and src.word_list:
        nv = _embed(new_surface)
        near = (nv @ src.word_vecs().T).max(axis=1)
        distance = float(1.0 - near.min())
        far = int((near < 0.5).sum())
    bigrams = list(zip(content, content[1:], strict=False))
    region_bigrams: set[tuple[str, str]] = set()
    for i in order:
        c = _content(src.words[i])
        region_bigrams.update(zip(c, c[1:], strict=False))
    n = max(1, len(cset))
    return np.array([
        1.0 - best, 1.0 - top, len(new) / n, math.log1p(len(new)), len(new_region) / n,
        min(3, len(new_figs)), min(3, len(new_names)), min(3, moved),
        float(neg_b > 0 and not any(neg_region)), float(neg_best > 0 and neg_b == 0),
        min(2, opposite),
        min(3, rare), distance, min(3, far),
        (sum(1 for b in bigrams if b not in region_bigrams) / len(bigrams)) if bigrams else 0.0,
    ], dtype=float)


def features_many(source_sentences: Sequence[str], copy_sentences: Sequence[str],
                  word_similarity: bool = True) -> np.ndarray:
    """Features of each copy sentence against the same source; embeddings batched."""
    src = _prepared(tuple(source_sentences))
    if not copy_sentences:
        return np.zeros((0, len(FEATURES)))
    vecs = _embed([reading_form(s) for s in copy_sentences])
    return np.stack([sentence_features(src, s, v, word_similarity)
                     for s, v in zip(copy_sentences, vecs, strict=True)])


@lru_cache(maxsize=8)
def _prepared(source_sentences: tuple[str, ...]) -> _Source:
    return source_features(source_sentences)


def support_many(source_sentences: Sequence[str], copy_sentences: Sequence[str]) -> np.ndarray:
    """``support`` of each copy sentence against the same source sentences, batched."""
    if not copy_sentences:
        return np.zeros(0)
    model = load_model()
    return model.support(features_many(source_sentences, copy_sentences,
                                       word_similarity=model.uses_word_similarity))


def support(source_sentences: Sequence[str], copy_sentence: str) -> float:
    """Probability that ``copy_sentence`` says nothing ``source_sentences`` do not support."""
    return float(support_many(source_sentences, [copy_sentence])[0])


def is_supported(source_sentences: Sequence[str], copy_sentence: str) -> bool:
    """``support`` at or above the threshold chosen by cross-validation."""
    return support(source_sentences, copy_sentence) >= load_model().threshold
