"""Corpora for the clustering benchmarks.

* ``load_ecbplus(topics)``: ECB+ documents from ``<repo>/../shared/data/ecbplus`` (read at run
  time, never copied). Gold labels: topic, and event = topic + ecb/ecbplus half.
* ``load_newswcl50()``: NewsWCL50 documents (10 events x 5 outlets), gold = event.
* ``SyntheticCorpus(n, seed)``: a generated corpus of ``n`` dated articles in stories with known
  copies (verbatim with boilerplate, trimmed, spun) and independent reports of the same event,
  built from a random vocabulary.
"""

from __future__ import annotations

import random
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as _date
from datetime import timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"

ECB_DEV = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_TEST = tuple(range(36, 46))

_URL = re.compile(r"^\s*https?\s*:|^\s*www\s*\.|\.\s*(com|org|net|html?|co\s*\.\s*uk)\b", re.I)
_NOSPACE_BEFORE = re.compile(r" ([,.;:!?%)\]'’”]|n't|'s|'re|'ve|'ll|'d)")
_NOSPACE_AFTER = re.compile(r"([(\[$“]) ")
_DECIMAL = re.compile(r"(\d[.:]) (?=\d)")
# the corpus splits "2,000", "09/14/2013" and "32-year-old" into tokens: "2, 000" (after the
# comma is joined), "09 / 14 / 2013", "32 - year - old"; a dash before a capital stays a dash
_THOUSANDS = re.compile(r"(\d,) (?=\d{3}(?!\d))")
_SLASH = re.compile(r"(?<=\d) / (?=\d)")
_HYPHEN = re.compile(r"(?<=\w) - (?=[a-z0-9])")


@dataclass(slots=True)
class LabelledDoc:
    name: str
    text: str
    topic: str
    event: str


def data_dir() -> Path | None:
    return DATA if DATA.is_dir() else None


def detok(tokens: list[str]) -> str:
    """A sentence of corpus tokens as running text."""
    # the corpus writes an em dash as "%%MDASSML%%"
    text = " ".join(tokens).replace("``", "“").replace("''", "”").replace("%%MDASSML%%", "—")
    text = _NOSPACE_BEFORE.sub(r"\1", text)
    text = _DECIMAL.sub(r"\1", text)  # "4. 6" -> "4.6", "2: 09" -> "2:09"
    text = _THOUSANDS.sub(r"\1", text)
    text = _HYPHEN.sub("-", _SLASH.sub("/", text))
    return _NOSPACE_AFTER.sub(r"\1", text)


def _read_ecb_file(path: Path) -> str:
    sentences: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = []
    for number in sorted(sentences):
        line = detok(sentences[number])
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
        text = "\n".join(detok(tokens[doc_id][s]) for s in sorted(tokens[doc_id]))
        docs.append(LabelledDoc(doc_id, text, event, event))
    return docs


# ---------------------------------------------------------------- synthetic corpus for scale

_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
_EPOCH = _date(2031, 1, 1)
BOILERPLATE = (
    "Leave a Reply. Your email address will not be published. Required fields are marked.",
    "Copyright all rights reserved. Reproduction requires prior consent of the publisher.",
    "Related content: subscribe to our newsletter for the latest headlines every morning.",
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


@dataclass(slots=True)
class SyntheticArticle:
    id: int
    family: int  # copy group: an original and its copies (the near-duplicate gold)
    kind: str  # original | verbatim | trimmed | spun | report
    text: str
    story: int = 0  # the event: copy groups plus independent reports of it (the story gold)
    published: str | None = None


class SyntheticCorpus:
    """Stories of one event: an original, 0-4 copies of it, and 0-3 independent reports.

    Copy kinds: ``verbatim`` (same text plus boilerplate and a credit line), ``trimmed`` (first
    65-90 % of the text), ``spun`` (3 % of words swapped for "synonyms"). An independent
    ``report`` of the event is new text that shares a third of its words with the original and
    names the same people, place and figure: related but not copied, so it is one story with
    the original but not a near-duplicate (its own copy group). Every article also mentions a
    few common names (a pool shared by all stories, like heads of state) and is dated within a
    few days of its event; events spread over three years.
    """

    def __init__(self, n: int, seed: int = 7, vocab_size: int = 50_000) -> None:
        self.n = n
        self.seed = seed
        rng = random.Random(seed)
        self.vocab = _vocabulary(rng, vocab_size)
        self.synonyms = {w: rng.choice(self.vocab) for w in self.vocab[::15]}
        self.famous = [self._name(rng) for _ in range(2_000)]

    def _name(self, rng: random.Random) -> str:
        return " ".join(
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(2))

    def _text(self, rng: random.Random, words: list[str], names: list[str]) -> list[str]:
        """Sentences of 18 words; names dropped in mid-sentence."""
        out = []
        for i, w in enumerate(words):
            out.append(w.capitalize() if i % 18 == 0 else w)
            if i % 18 == 6 and names:
                out.append(names[(i // 18) % len(names)])
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
        story = 0
        while next_id < self.n:
            day = rng.randrange(3 * 365)
            own = [self._name(rng) for _ in range(2)] + [
                self._name(rng).split()[0],
                f"{rng.randint(120, 9_999):,}"]

            def names(rng: random.Random = rng, own: list[str] = own) -> list[str]:
                return own + rng.sample(self.famous, 2)

            def date(rng: random.Random = rng, day: int = day) -> str:
                return (_EPOCH + timedelta(days=day + rng.randint(0, 3))).isoformat()

            topic = rng.choices(self.vocab, k=rng.randint(200, 450))
            words = self._text(rng, topic, names())
            yield SyntheticArticle(next_id, family, "original", " ".join(words), story, date())
            next_id += 1
            for _ in range(rng.choice((0, 0, 1, 2, 3, 4))):
                if next_id >= self.n:
                    break
                kind = rng.choice(("verbatim", "trimmed", "spun"))
                yield SyntheticArticle(next_id, family, kind, self._copy(rng, words, kind),
                                       story, date())
                next_id += 1
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
                if next_id >= self.n:
                    break
                family += 1
                k = rng.randint(150, 400)
                mixed = rng.sample(topic, min(len(topic), k // 3)) + rng.choices(self.vocab,
                                                                                  k=k - k // 3)
                rng.shuffle(mixed)
                yield SyntheticArticle(next_id, family, "report",
                                       " ".join(self._text(rng, mixed, names())), story, date())
                next_id += 1
            family += 1
            story += 1


def _pair_count(labels: np.ndarray) -> int:
    counts = np.bincount(labels)
    return int((counts * (counts - 1) // 2).sum())


def precision_recall(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float]:
    """Pairwise precision/recall of partition ``pred`` against partition ``gold`` (one label
    per item, any hashable labels): a pair put together is right when gold puts it together
    too; 1.0 when there is no pair to judge."""
    p = np.unique(np.asarray(pred), return_inverse=True)[1].ravel().astype(np.int64)
    g = np.unique(np.asarray(gold), return_inverse=True)[1].ravel().astype(np.int64)
    _, joint = np.unique(p * (int(g.max(initial=0)) + 1) + g, return_inverse=True)
    tp = _pair_count(joint.ravel())
    p_pairs, g_pairs = _pair_count(p), _pair_count(g)
    return (tp / p_pairs if p_pairs else 1.0), (tp / g_pairs if g_pairs else 1.0)


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


EMBEDDING_CACHE = Path(__file__).resolve().parent / "out" / "embeddings.npz"


@contextmanager
def embedding_cache(
    enabled: bool = True, path: Path = EMBEDDING_CACHE
) -> Iterator[Callable[[], int]]:
    """Sentence embeddings of earlier runs (bench/out is not committed), loaded before and saved
    after the block, so re-runs embed each sentence once. Yields a function that counts the
    sentences embedded inside the block. The file is replaced whole (two runs at once leave one
    run's cache, never a torn one); an unreadable cache is set aside with a message."""
    import os
    import zipfile

    from wiretrace import embeddings

    if enabled and path.exists():
        try:
            with np.load(path, allow_pickle=False) as z:
                texts = bytes(z["text_bytes"]).decode("utf-8").split("\x00")
                embeddings._MEMO.update(zip(texts, z["vectors"], strict=True))
        except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
            print(f"embedding cache {path}: unreadable ({exc}); embedding afresh",
                  file=sys.stderr)
    before = len(embeddings._MEMO)
    try:
        yield lambda: len(embeddings._MEMO) - before
    finally:
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            texts = list(embeddings._MEMO)
            vecs = (np.stack([embeddings._MEMO[t] for t in texts]) if texts
                    else np.zeros((0, embeddings.EMBEDDING_DIM)))
            # the texts as one UTF-8 buffer: a fixed-width string array pads every sentence
            # to the longest one's length
            joined = np.frombuffer("\x00".join(texts).encode("utf-8"), dtype=np.uint8)
            tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
            np.savez(tmp, text_bytes=joined, vectors=vecs)
            os.replace(tmp, path)
