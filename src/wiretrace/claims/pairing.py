"""Sentences of two texts paired for comparison: from an ``Alignment`` when there is one, and by
shared content words for the sentences it leaves out (summaries and rewrites)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from wiretrace.model import Alignment, Claim, Span
from wiretrace.trace.sentences import STOPWORDS, Token, split_sentences, tokens

__all__ = ["Sent", "Side", "stem", "side_of", "pair_sentences"]

_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """A crude stem: enough to match "arrested" with "arrest" and "evacuees" with "evacuee"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    w = re.sub(r"^(def|off|lic|pret)ence", r"\1ense", w)  # British and American: "defence"
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            root = w[: -len(suf)]
            if suf in {"ed", "ing", "ings"} and re.search(r"([bdgmnprt])\1$", root):
                root = root[:-1]  # "stepped", "stopping": the consonant doubled before the ending
            return root
    return w


def agent_root(word: str) -> str:
    """``stem`` without an agent ending: "commander" and "commanding" → "command"."""
    root = stem(word)
    return root[:-2] if len(root) > 6 and root.endswith(("er", "or")) else root


def is_content(norm: str) -> bool:
    return norm not in STOPWORDS and (len(norm) > 2 or norm[:1].isdigit())


@dataclass(slots=True)
class Sent:
    index: int
    span: Span
    toks: list[Token]
    stems: list[str]
    content: set[str]
    claims: list[Claim] = field(default_factory=list)
    text: str = ""

    def text_of(self, k: int) -> str:
        """The word ``k`` as written (offsets are into the whole text, ``text`` is its copy)."""
        t = self.toks[k]
        return self.text[t.start:t.end]


@dataclass(slots=True)
class Side:
    text: str
    sents: list[Sent]
    claims: list[Claim]
    stems: set[str]
    # its sentences and quotes as unit vectors, embedded once when first asked for
    # (``compare_attributions.side_vectors``)
    vectors: tuple[np.ndarray, np.ndarray] | None = field(default=None, compare=False, repr=False)

    def countries(self) -> set[str]:
        """The countries of the places it names (a city's country)."""
        return {str(c.value["country"]) for c in self.claims
                if c.kind == "place" and c.value and c.value.get("country")}

    def sentence_at(self, pos: int) -> Sent | None:
        for s in self.sents:
            if s.span[0] <= pos < s.span[1]:
                return s
        return None


def side_of(text: str, claims: list[Claim]) -> Side:
    sents: list[Sent] = []
    for i, (s, e) in enumerate(split_sentences(text)):
        toks = tokens(text, s, e)
        stems = [stem(t.norm) for t in toks]
        content = {st for t, st in zip(toks, stems, strict=True) if is_content(t.norm)}
        sents.append(Sent(i, (s, e), toks, stems, content, text=text))
    side = Side(text, sents, claims, set())
    for c in claims:
        sent = side.sentence_at(c.span[0])
        if sent is not None:
            sent.claims.append(c)
    side.stems = {st for s in sents for st in s.stems}
    return side


def _overlap(b: Sent, a: Sent) -> tuple[float, int]:
    if not b.content:
        return 0.0, 0
    shared = len(b.content & a.content)
    return shared / len(b.content), shared


def pair_sentences(a: Side, b: Side, alignment: Alignment | None) -> dict[int, list[int]]:
    """For each sentence of ``b``, the sentences of ``a`` it restates (possibly none)."""
    out: dict[int, list[int]] = {}
    if alignment is not None:
        for p in alignment.pairs:
            sb = b.sentence_at(p.b_span[0])
            sa = a.sentence_at(p.a_span[0])
            if sb is not None and sa is not None and sa.index not in out.get(sb.index, []):
                out.setdefault(sb.index, []).append(sa.index)
    for sb in b.sents:
        if not a.sents:
            continue
        scored = sorted(((_overlap(sb, sa), sa.index) for sa in a.sents), reverse=True)
        (best, shared), idx = scored[0]
        if best >= 0.3 and shared >= 2:
            chosen = [idx]
            # a summary sentence may fuse two source sentences
            if len(scored) > 1:
                (second, shared2), idx2 = scored[1]
                if second >= 0.3 and shared2 >= 2 and second >= best * 0.75:
                    chosen.append(idx2)
            have = out.setdefault(sb.index, [])
            have.extend(i for i in chosen if i not in have)
    _fill_gaps(a, b, out)
    return out


_GAP_SHARED = 2  # content words a sentence in a gap must share with the one it is paired with


def _fill_gaps(a: Side, b: Side, out: dict[int, list[int]]) -> None:
    """A copy sentence left unpaired between two paired ones restates the one source sentence
    left unpaired between theirs: a rewrite keeps the order, or nearly, and the sentence whose
    fact it changed is the one that reads least like its source ("despite no longer residing
    in Warsaw" for "even though he no longer lived in London": the embedding falls below the
    aligner's bar, the words in common below the overlap's). It must still share
    ``_GAP_SHARED`` content words with it that no other source sentence has; two or more
    unpaired source sentences there leave it unpaired."""
    used = {i for got in out.values() for i in got}
    for sb in b.sents:
        j = sb.index
        if j in out or j - 1 not in out or j + 1 not in out:
            continue
        around = out[j - 1] + out[j + 1]
        free = [i for i in range(min(around) + 1, max(around)) if i not in used]
        if len(free) != 1:
            continue
        sa = a.sents[free[0]]
        # words of that sentence alone in its text: a name that runs through the story ("the
        # Orvik plant") pairs a copy's new sentence with the one it dropped
        others = set().union(*(s.content for s in a.sents if s is not sa))
        if len((sb.content & sa.content) - others) >= _GAP_SHARED:
            out[j] = free
            used.add(free[0])


def word_edits(sa: Sent, sb: Sent) -> tuple[list[tuple[str, int, int, int, int]], int]:
    """How the copy's sentence ``sb`` is made from the source's ``sa`` word by word: the edits
    (difflib opcodes other than "equal", over normalised words) and the words kept in place."""
    sm = SequenceMatcher(None, [t.norm for t in sa.toks], [t.norm for t in sb.toks],
                         autojunk=False)
    ops: list[tuple[str, int, int, int, int]] = [
        op for op in sm.get_opcodes() if op[0] != "equal"]
    return ops, sum(size for _, _, size in sm.get_matching_blocks())
