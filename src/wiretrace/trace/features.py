"""What an alignment says about one article versus another: how much of each is reused and how,
which side holds material the other lacks, and the tells that mark an article as a copy."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate

from wiretrace.model import AlignedPair, Alignment, Article, Span
from wiretrace.trace.align import coverage
from wiretrace.trace.sentences import split_sentences, tokens

__all__ = ["PairView", "view", "tells", "published_at", "quote_spans", "COMMON_WORDS"]

# Artefact kinds that a copier leaves behind, with their weight as direction evidence.
TELL_WEIGHTS: dict[str, float] = {
    "dateline_repair": 3.0,
    "llm_meta_text": 3.0,
    "aggregator_header": 2.0,
    "see_also": 1.5,
    "source_line": 1.0,
    "comment_form": 1.0,
    "share_prompt": 0.5,
}
# The same tells when cleaning left them in the working text.
_TEXT_TELLS: list[tuple[str, re.Pattern[str]]] = [
    ("see_also", re.compile(r"(?im)^\s*(?:see also|read more|also read|related)\s*:?.*$")),
    ("comment_form", re.compile(r"(?i)leave a reply|your email address will not be published")),
    (
        "llm_meta_text",
        re.compile(
            r"(?i)here is (?:a|the) (?:rewritten|revised|paraphrased|reworded)|i hope this helps|"
            r"rewritten version of the article|for your readers|as an ai\b"
        ),
    ),
    ("aggregator_header", re.compile(r"(?i)\bcredited from\s*:|^\s*key takeaways\s*:")),
    ("source_line", re.compile(r"(?im)^\s*sources?\s*:\s*https?://\S+\s*$")),
]
_BOILERPLATE = re.compile(
    r"(?i)all rights reserved|copyright|©|reproduction|subscribe|newsletter|follow us|"
    r"may not be (?:published|reproduced)|redistributed|\bupdated\b|\bGMT\b|^[^|]{0,40}\||"
    r"click here|sign up|see also|read more|related|leave a reply|advertisement|^\s*by\s+\w+"
)
# an edited pair counts as copied text from this token similarity on (below: shared wording of
# one fact, common in independent reports of one event)
STRONG_EDIT = 0.7
_QUOTE = re.compile(r"[\"“][^\"“”]{12,}?[\"”]")
# Everyday words that spinners swap for rarer synonyms ("said" → "stated").
COMMON_WORDS = frozenset(
    """said says say told big small help show shows showed people killed died many more most new
    old also about after before during start started end ended make made get got use used need
    needs needed want wanted give gave take took try tried buy bought sell sold build built warn
    warned ask asked think thought know knew seem seemed plan planned hit hurt house home car job
    work worked city country leader leaders official officials police army government law rule
    rules money price prices week month year today now soon again still very really quickly
    important major large huge key main best worst good bad high low fast slow hard easy clear
    """.split()
)


@dataclass(frozen=True, slots=True)
class Tell:
    kind: str
    text: str
    start: int
    end: int
    where: str  # "artefact" (raw_text offsets) or "text"
    weight: float


def tells(article: Article) -> list[Tell]:
    """Marks of a copy: artefacts such as a mangled dateline, and the same residue in the text."""
    out = [
        Tell(a.kind, a.text, a.start, a.end, "artefact", TELL_WEIGHTS[a.kind])
        for a in article.artefacts
        if a.kind in TELL_WEIGHTS
    ]
    kinds = {t.kind for t in out}
    for kind, pattern in _TEXT_TELLS:
        if kind in kinds:
            continue
        m = pattern.search(article.text)
        if m:
            out.append(
                Tell(kind, m.group().strip(), m.start(), m.end(), "text", TELL_WEIGHTS[kind])
            )
    return out


def published_at(article: Article) -> datetime | None:
    if not article.published:
        return None
    try:
        when = datetime.fromisoformat(article.published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def quote_spans(text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def _inside(span: Span, quotes: list[Span]) -> float:
    s, e = span
    if e <= s:
        return 0.0
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes)
    return inside / (e - s)


def own_writing(text: str, span: Span) -> bool:
    """``span`` of ``text`` is its writer's own: no boilerplate (a credit, a footer), not mostly
    inside quotes (a speaker's words, which other reports carry too)."""
    return (not _BOILERPLATE.search(text[span[0] : span[1]])
            and _inside(span, quote_spans(text)) < 0.6)


@dataclass(slots=True)
class PairView:
    """Article ``c`` seen against article ``p`` (c's spans are ``c_span``)."""

    p: int
    c: int
    pairs: list[tuple[Span, Span, str, float]]  # (c_span, p_span, kind, score)
    quote_pairs: int
    len_c: int
    len_p: int
    cov_c: dict[str, float] = field(default_factory=dict)  # kind → share of c covered
    cov_p: dict[str, float] = field(default_factory=dict)
    core_p: float = 0.0  # share of p's substantive sentences (no boilerplate) aligned
    sim_c: float = 0.0  # share of c in pairs, each weighted by its similarity
    lex_chars: int = 0  # non-space chars of c in verbatim or closely edited pairs, no quotes
    longest: int = 0  # the longest of those pairs in c, chars
    extra_c: int = 0  # substantive chars of c in no pair (boilerplate lines not counted)
    extra_p: int = 0
    junk_c: int = 0  # boilerplate-like chars of c in no pair
    junk_p: int = 0
    inversions: float = 0.0  # share of consecutive pairs (in c's order) out of order in p
    moved: float = 0.0  # share of the aligned text of c outside the longest in-order chain
    p_skipped: float = 0.0  # share of p's text between its first and last aligned part left out
    p_head: int = 0  # non-space chars of p before its first aligned part
    altered_c: int = 0  # aligned sentences of c with a part (≥ 3 words) in no pair

    @property
    def lex_c(self) -> float:
        return self.cov_c.get("verbatim", 0.0) + self.cov_c.get("edited", 0.0)

    @property
    def lex_p(self) -> float:
        return self.cov_p.get("verbatim", 0.0) + self.cov_p.get("edited", 0.0)

    @property
    def all_c(self) -> float:
        return self.lex_c + self.cov_c.get("paraphrase", 0.0)

    @property
    def all_p(self) -> float:
        return self.lex_p + self.cov_p.get("paraphrase", 0.0)


def nonspace(text: str) -> int:
    """Non-space characters of ``text`` (how the trace measures a text's length)."""
    return len("".join(text.split()))  # str.split() splits on exactly what isspace() is


@dataclass(slots=True)
class _SentCover:
    span: Span
    chars: int  # non-space chars
    aligned: bool  # at least half of it in pairs
    substantive: bool  # not boilerplate, six words or more
    uncovered_words: int


def _cover(text: str, spans: list[Span]) -> list[_SentCover]:
    out: list[_SentCover] = []
    # a token lies inside some span when the spans opening at or before it reach its end: the
    # furthest end among the spans opened so far, by start
    ordered = sorted(spans)
    starts = [ps for ps, _ in ordered]
    reach = list(accumulate((pe for _, pe in ordered), max))
    for s, e in split_sentences(text):
        covered = sum(max(0, min(e, pe) - max(s, ps)) for ps, pe in spans)
        chunk = text[s:e]
        toks = tokens(text, s, e)
        loose = 0
        for t in toks:
            k = bisect_right(starts, t.start)
            loose += not (k and reach[k - 1] >= t.end)
        out.append(
            _SentCover(
                (s, e),
                nonspace(chunk),
                covered >= 0.5 * (e - s),
                not _BOILERPLATE.search(chunk) and len(toks) >= 6,
                loose,
            )
        )
    return out


def _unaligned(cover: list[_SentCover]) -> tuple[int, int]:
    """(substantive, boilerplate) non-space chars of the sentences outside every pair."""
    sub = sum(c.chars for c in cover if not c.aligned and c.substantive)
    junk = sum(c.chars for c in cover if not c.aligned and not c.substantive)
    return sub, junk


def _longest_passage(c_text: str, p_text: str, pairs: list[tuple[Span, Span, str, float]]) -> int:
    """Non-space chars of the longest run of pairs adjacent in both texts."""
    best = 0
    run: tuple[Span, Span] | None = None
    for cs, ps, _, _ in sorted(pairs, key=lambda o: o[0]):
        if run is not None:
            gap_c = c_text[run[0][1] : cs[0]] if cs[0] >= run[0][1] else "x"
            gap_p = p_text[run[1][1] : ps[0]] if ps[0] >= run[1][1] else "x"
            if not any(ch.isalnum() for ch in gap_c + gap_p):
                run = ((run[0][0], cs[1]), (run[1][0], ps[1]))
                best = max(best, nonspace(c_text[run[0][0] : run[0][1]]))
                continue
        run = (cs, ps)
        best = max(best, nonspace(c_text[cs[0] : cs[1]]))
    return best


def _moved(pairs: list[tuple[Span, Span, str, float]]) -> float:
    """Share of the aligned chars of c outside the heaviest chain that keeps p's order."""
    n = len(pairs)
    if n < 2:
        return 0.0
    w = [max(1, o[0][1] - o[0][0]) for o in pairs]
    best = list(w)
    for i in range(n):
        for j in range(i):
            if pairs[j][1][0] < pairs[i][1][0] and best[j] + w[i] > best[i]:
                best[i] = best[j] + w[i]
    return 1.0 - max(best) / sum(w)


def view(alignment: Alignment, c: Article, p: Article) -> PairView:
    """Orient ``alignment`` so that ``c`` is the candidate copy and ``p`` the candidate parent."""
    c_id = c.id if c.id is not None else -1
    flip = alignment.a != c_id
    raw: list[AlignedPair] = alignment.pairs
    oriented = [
        (q.b_span, q.a_span, q.kind, q.score) if flip else (q.a_span, q.b_span, q.kind, q.score)
        for q in raw
    ]
    qc, qp = quote_spans(c.text), quote_spans(p.text)
    quoted = [_inside(o[0], qc) >= 0.6 and _inside(o[1], qp) >= 0.6 for o in oriented]
    v = PairView(
        p=p.id if p.id is not None else -1,
        c=c_id,
        pairs=sorted(oriented, key=lambda o: o[0]),
        quote_pairs=sum(quoted),
        len_c=nonspace(c.text),
        len_p=nonspace(p.text),
    )
    # each kind covers what the closer kinds left: a sentence paired twice (a fold) counts once
    seen_c: list[Span] = []
    seen_p: list[Span] = []
    done_c = done_p = 0.0
    for kind in ("verbatim", "edited", "paraphrase"):
        seen_c += [o[0] for o in oriented if o[2] == kind]
        seen_p += [o[1] for o in oriented if o[2] == kind]
        upto_c, upto_p = coverage(c.text, seen_c), coverage(p.text, seen_p)
        v.cov_c[kind], v.cov_p[kind] = upto_c - done_c, upto_p - done_p
        done_c, done_p = upto_c, upto_p
    # wording closeness over c's own text: boilerplate (a shared footer template) left out
    weights = {"verbatim": 1.0, "edited": 1.0, "paraphrase": 0.4}
    core_c = [o for o in oriented if not _BOILERPLATE.search(c.text[o[0][0] : o[0][1]])]
    core_len = v.len_c - sum(
        nonspace(c.text[s:e])
        for s, e in split_sentences(c.text)
        if _BOILERPLATE.search(c.text[s:e])
    )
    v.sim_c = sum(
        nonspace(c.text[o[0][0] : o[0][1]]) * o[3] * weights.get(o[2], 0.0) for o in core_c
    ) / max(1, core_len)
    # what counts as copying: lexical pairs outside quotations of what someone said
    lex = [
        o
        for o, q in zip(oriented, quoted, strict=True)
        if not q and (o[2] == "verbatim" or (o[2] == "edited" and o[3] >= STRONG_EDIT))
    ]
    v.lex_chars = round(coverage(c.text, [o[0] for o in lex]) * v.len_c)
    v.longest = _longest_passage(c.text, p.text, lex)
    kept = v.pairs
    c_cover = _cover(c.text, [o[0] for o in kept])
    p_cover = _cover(p.text, [o[1] for o in kept])
    v.extra_c, v.junk_c = _unaligned(c_cover)
    v.extra_p, v.junk_p = _unaligned(p_cover)
    core = [x for x in p_cover if x.substantive]
    v.core_p = sum(x.chars for x in core if x.aligned) / max(1, sum(x.chars for x in core))
    v.altered_c = sum(1 for x in c_cover if x.aligned and x.uncovered_words >= 3)
    if len(kept) > 1:
        back = sum(1 for x, y in zip(kept, kept[1:], strict=False) if y[1][0] < x[1][0])
        v.inversions = back / (len(kept) - 1)
    v.moved = _moved(kept)
    if kept:
        p_spans = sorted(o[1] for o in kept)
        lo, hi = p_spans[0][0], max(e for _, e in p_spans)
        inside = nonspace(p.text[lo:hi])
        covered = round(coverage(p.text, p_spans) * v.len_p)
        v.p_skipped = max(0.0, 1.0 - covered / max(1, inside))
        v.p_head = nonspace(p.text[:lo])
    return v


def substitutions(v: PairView, c: Article, p: Article) -> list[tuple[str, str]]:
    """Word swaps inside edited pairs: (words in p, words in c)."""
    return [swap for swaps, _ in _edits(v, c, p) for swap in swaps]


def swap_only_share(v: PairView, c: Article, p: Article) -> tuple[int, float]:
    """(edited pairs, share of them whose only changes are word swaps): the mark of a spinner,
    where an editor also adds, cuts and rewrites clauses."""
    edits = _edits(v, c, p)
    if not edits:
        return 0, 0.0
    return len(edits), sum(1 for swaps, clean in edits if swaps and clean) / len(edits)


def _edits(v: PairView, c: Article, p: Article) -> list[tuple[list[tuple[str, str]], bool]]:
    from rapidfuzz.distance import Indel

    out: list[tuple[list[tuple[str, str]], bool]] = []
    for cs, ps, kind, _ in v.pairs:
        if kind != "edited":
            continue
        wc = [t.norm for t in tokens(c.text, *cs)]
        wp = [t.norm for t in tokens(p.text, *ps)]
        swaps: list[tuple[str, str]] = []
        clean = True
        old: list[str] = []
        new: list[str] = []
        for o in [*Indel.opcodes(wp, wc), None]:
            if o is None or o.tag == "equal":
                if old and new and len(old) <= 2 and len(new) <= 3:
                    swaps.append((" ".join(old), " ".join(new)))
                elif old or new:
                    clean = False
                old, new = [], []
            elif o.tag == "delete":
                old += wp[o.src_start : o.src_end]
            elif o.tag == "insert":
                new += wc[o.dest_start : o.dest_end]
        out.append((swaps, clean))
    return out
