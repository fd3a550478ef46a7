"""Corpora for the clustering benchmarks.

* ``load_ecbplus(topics)``: ECB+ documents from ``<repo>/../shared/data/ecbplus`` (read at run
  time, never copied). Gold labels: topic, and event = topic + ecb/ecbplus half.
* ``load_newswcl50()``: NewsWCL50 documents (10 events x 5 outlets), gold = event.
* ``synthetic_corpus(n, seed)``: a generated corpus of ``n`` articles in story families with known
  copies (verbatim with boilerplate, trimmed, spun), built from a random vocabulary.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"

ECB_DEV = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_TEST = tuple(range(36, 46))

_URL = re.compile(r"^\s*https?\s*:|^\s*www\s*\.|\.\s*(com|org|net|html?|co\s*\.\s*uk)\b", re.I)
_NOSPACE_BEFORE = re.compile(r" ([,.;:!?%)\]'])")
_NOSPACE_AFTER = re.compile(r"([(\[$]) ")
_DECIMAL = re.compile(r"(\d[.:]) (?=\d)")


@dataclass(slots=True)
class LabelledDoc:
    name: str
    text: str
    topic: str
    event: str


def data_dir() -> Path | None:
    return DATA if DATA.is_dir() else None


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NOSPACE_BEFORE.sub(r"\1", text)
    text = _DECIMAL.sub(r"\1", text)  # "4. 6" -> "4.6", "2: 09" -> "2:09"
    return _NOSPACE_AFTER.sub(r"\1", text)


def _read_ecb_file(path: Path) -> str:
    sentences: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = []
    for number in sorted(sentences):
        line = _detok(sentences[number])
        if number == 0 and _URL.search(line):
            continue  # sentence 0 often holds the source URL
        lines.append(line)
    return "\n".join(lines)


def load_ecbplus(topics: tuple[int, ...]) -> list[LabelledDoc]:
    root = DATA / "ecbplus"
    docs = []
    for topic in topics:
        folder = root / str(topic)
        for path in sorted(folder.glob("*.xml")):
            half = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
            docs.append(
                LabelledDoc(path.stem, _read_ecb_file(path), str(topic), f"{topic}_{half}")
            )
    return docs


def load_newswcl50() -> list[LabelledDoc]:
    path = DATA / "newswcl50" / "NewsWCL50.conll"
    tokens: dict[str, dict[int, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        tokens.setdefault(parts[0], {}).setdefault(int(parts[1]), []).append(parts[3])
    docs = []
    for doc_id in sorted(tokens):
        event = doc_id.split("/")[0]
        text = "\n".join(_detok(tokens[doc_id][s]) for s in sorted(tokens[doc_id]))
        docs.append(LabelledDoc(doc_id, text, event, event))
    return docs


# ---------------------------------------------------------------- synthetic corpus for scale

_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
BOILERPLATE = (
    "Leave a Reply. Your email address will not be published. Required fields are marked.",
    "Copyright all rights reserved. Reproduction requires prior consent of the publisher.",
    "Related content: subscribe to our newsletter for the latest headlines every morning.",
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


@dataclass(slots=True)
class SyntheticArticle:
    id: int
    family: int
    kind: str  # original | verbatim | trimmed | spun | unrelated-sibling
    text: str


class SyntheticCorpus:
    """Families of one original and 0-4 copies; copies are near-duplicates of their original.

    Copy kinds: ``verbatim`` (same text plus boilerplate and a credit line), ``trimmed`` (first
    65-90 % of the text), ``spun`` (3 % of words swapped for "synonyms"). ``pairs()`` lists every
    pair that must be found (all members of one family are near-duplicates of each other).
    """

    def __init__(self, n: int, seed: int = 7, vocab_size: int = 50_000) -> None:
        self.n = n
        self.seed = seed
        rng = random.Random(seed)
        self.vocab = _vocabulary(rng, vocab_size)
        self.synonyms = {w: rng.choice(self.vocab) for w in self.vocab[::15]}

    def _original(self, rng: random.Random) -> list[str]:
        n_words = rng.randint(200, 450)
        words = rng.choices(self.vocab, k=n_words)
        out = []
        for i, w in enumerate(words):
            out.append(w.capitalize() if i % 18 == 0 else w)
            if i % 18 == 17:
                out[-1] += "."
        return out

    def _copy(self, rng: random.Random, words: list[str], kind: str) -> str:
        if kind == "verbatim":
            return "By Wire Service. " + " ".join(words) + " " + rng.choice(BOILERPLATE)
        if kind == "trimmed":
            keep = int(len(words) * rng.uniform(0.65, 0.9))
            return " ".join(words[:keep])
        spun = [
            self.synonyms.get(w, w) if rng.random() < 0.5 and w in self.synonyms else w
            for w in words
        ]
        # 1 in 15 vocabulary words has a synonym, swapped half the time: ~3.3 % of tokens
        return " ".join(spun) + "\nSee also: " + " ".join(rng.choices(self.vocab, k=8))

    def articles(self) -> Iterator[SyntheticArticle]:
        rng = random.Random(self.seed + 1)
        next_id = 0
        family = 0
        while next_id < self.n:
            words = self._original(rng)
            yield SyntheticArticle(next_id, family, "original", " ".join(words))
            next_id += 1
            for _ in range(rng.choice((0, 0, 1, 2, 3, 4))):
                if next_id >= self.n:
                    break
                kind = rng.choice(("verbatim", "trimmed", "spun"))
                yield SyntheticArticle(next_id, family, kind, self._copy(rng, words, kind))
                next_id += 1
            family += 1


def true_pairs(families: list[int]) -> set[tuple[int, int]]:
    """All (a, b) with a < b in the same family; ids are list positions."""
    members: dict[int, list[int]] = {}
    for i, f in enumerate(families):
        members.setdefault(f, []).append(i)
    pairs = set()
    for ids in members.values():
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                pairs.add((ids[x], ids[y]))
    return pairs
