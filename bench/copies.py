"""Real copy pairs with no factual change, and the same pairs with planted factual edits.

Used by ``bench/changes.py --copies``. Three kinds of real pairs, read from ``../shared/data`` at
run time (never copied into the repository):

- ``ecb``: ECB+ articles of one event that are lexically near-identical (word 5-gram containment
  of the shorter in the longer >= 0.8): real republications of one wire story by different
  outlets, with their own trims, bylines and typography. Source = the longer text.
- ``aeb``: AEB gold bodies and a copy made by the transformations a republisher applies: curly or
  straight quotes and apostrophes, dashes, non-breaking spaces, a byline or dateline prefix, the
  last paragraph trimmed, page-chrome lines appended or put between paragraphs. The chrome lines
  of the dev and the test split are two different lists.
- ``imbd``: ImBD ``rewrite`` outputs (LLM paraphrases) of their originals. An LLM occasionally
  changes a fact, so changes reported there are printed for reading, not counted as false.

Splits: ECB+ test = topics 36-45 (the standard split), dev = the rest; AEB by the first hex digit
of the page id (0-7 dev, 8-f test); ImBD by ``bench/rewrites.split_of``.

Planted edits (``plant``) change one sentence of the copy that the source also has, each with
its expected kinds and the span it touched in the copy: a place swapped, an actor swapped, a
figure changed, a casualty figure's scope changed, an attribution dropped, a negation inserted
or an auxiliary's denial dropped, a title made stale ("former"). Consistent variants (a bound
"at least N", "about N", a range around N, N in words, "dozens"/"hundreds of") must not be
flagged. ``plant_paraphrased`` plants the same edits in an LLM rewrite, in a sentence the
aligner pairs with a source sentence that states the fact edited (for a dropped denial, one
that denies too); ``manipulate`` plants several in any sentences of a text (an LLM-manipulated
version, for ``bench/rewrites.py --manipulate``).
"""

from __future__ import annotations

import json
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass(slots=True)
class Pair:
    id: str
    corpus: str
    split: str
    source: str
    copy: str


@dataclass(slots=True)
class Case:
    """A pair whose copy carries one planted edit (or one consistent variant)."""

    pair: Pair
    kind: str  # the planted kind, or "variant:<name>"
    copy: str
    span: tuple[int, int]  # the edited words in ``copy``
    expected: frozenset[str] = field(default_factory=frozenset)  # empty: must not be flagged
    before: str = ""
    after: str = ""

    @property
    def variant(self) -> bool:
        return self.kind.startswith("variant:")


# ------------------------------------------------------------------------------ real pairs
def _seed(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _shingles(text: str) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + 5]) for i in range(len(w) - 4)}


def ecb_pairs(min_containment: float = 0.75) -> list[Pair]:
    from corpora import load_ecbplus

    docs = load_ecbplus(tuple(range(1, 46)))
    by_event: dict[str, list] = {}
    for d in docs:
        by_event.setdefault(d.event, []).append(d)
    out = []
    for _event, group in sorted(by_event.items()):
        sh = [_shingles(d.text) for d in group]
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                if not sh[i] or not sh[j] or min(len(sh[i]), len(sh[j])) < 20:
                    continue
                c = len(sh[i] & sh[j]) / min(len(sh[i]), len(sh[j]))
                if c < min_containment:
                    continue
                a, b = (group[i], group[j]) if len(group[i].text) >= len(group[j].text) else (
                    group[j], group[i])
                split = "test" if int(a.topic) >= 36 else "dev"
                out.append(Pair(f"ecb:{a.name}>{b.name}", "ecb", split, a.text, b.text))
    return out


# chrome a republisher's page leaves in the text: two lists, so test lines were never tuned on
CHROME = {
    "dev": ["Try one month for $1", "Order Reprint", "Subscribe to our newsletter",
            "Share this article", "Advertisement", "Sign up for our daily briefing",
            "Click here to read more", "Follow us on Twitter and Facebook",
            "Copyright 2023 The Daily Courier. All rights reserved.", "Print this page",
            "Read more: Top stories of the day", "Photo: Getty Images"],
    "test": ["Subscribe now for unlimited access", "Reprints & Permissions", "Sponsored content",
             "Get the latest headlines in your inbox", "Share on Facebook", "Email this story",
             "This material may not be published, broadcast, rewritten or redistributed.",
             "Continue reading below", "Already a subscriber? Log in",
             "© 2024 Metro Herald. All rights reserved.", "Comments (12)",
             "Image: AFP via Getty Images"],
}
BYLINES = ["By Reuters", "By Associated Press", "By AFP Staff", "By Reuters Staff"]


def typography(text: str, rng: random.Random) -> str:
    """One republisher's typography: curly or straight quotes, dashes, non-breaking spaces."""
    if rng.random() < 0.5:  # straight -> curly
        text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
        text = re.sub(r'"(\S)', "\u201c\\1", text)
        text = re.sub(r'(\S)"', "\\1\u201d", text)
        text = re.sub(r"'(\S)", "\u2018\\1", text)
        text = text.replace("'", "\u2019")
    else:  # curly -> straight
        text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"',
                                             "\u201d": '"'}))
    if rng.random() < 0.5:
        text = text.replace(" - ", " \u2014 ").replace(" -- ", " \u2014 ")
    else:
        text = text.replace("\u2014", " - ").replace("\u2013", "-")
    if rng.random() < 0.5:
        text = re.sub(r"(\d) (percent|per cent|million|billion|km|miles)", "\\1\u00a0\\2", text)
        text = re.sub(r"\b(Mr\.|Mrs\.|Ms\.|Dr\.) ", "\\1\u00a0", text)
    return text


def republish(body: str, split: str, rng: random.Random) -> str:
    paras = [p for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    if len(paras) >= 4 and rng.random() < 0.5:
        paras = paras[:-1]  # trimmed at the end
    if rng.random() < 0.5:
        paras[0] = f"{rng.choice(BYLINES)}\n{paras[0]}" if rng.random() < 0.5 else (
            f"LONDON (Reuters) \u2014 {paras[0]}")
    chrome = rng.sample(CHROME[split], 3)
    if len(paras) >= 3 and rng.random() < 0.5:
        paras.insert(len(paras) // 2, chrome.pop())
    paras.extend(chrome[: rng.randint(1, 2)])
    return typography("\n\n".join(paras), rng)


def aeb_pairs() -> list[Pair]:
    gt = json.loads((DATA / "aeb" / "ground-truth.json").read_text("utf-8"))
    out = []
    for pid in sorted(gt):
        body = (gt[pid].get("articleBody") or "").strip()
        if len(body) < 300:
            continue
        split = "dev" if pid[0] in "01234567" else "test"
        rng = random.Random(_seed(pid))
        # the source keeps its own typography; the copy is one republisher's version of it
        out.append(Pair(f"aeb:{pid[:10]}", "aeb", split, body, republish(body, split, rng)))
    return out


def imbd_pairs(per_original: int = 1) -> list[Pair]:
    from rewrites import split_of

    labels = json.loads((DATA / "imbd" / "labels.json").read_text("utf-8"))
    by_orig: dict[str, list[dict]] = {}
    for lab in labels:
        if lab["method"] == "rewrite" and not set(lab["flags"]) & {
                "unrelated_output", "low_overlap", "apology_or_refusal"}:
            by_orig.setdefault(lab["original"], []).append(lab)
    out = []
    for orig, labs in sorted(by_orig.items()):
        rng = random.Random(_seed(orig))
        src = (DATA / "imbd" / "originals" / f"{orig}.txt").read_text("utf-8")
        for lab in rng.sample(sorted(labs, key=lambda x: x["derived"]), min(per_original,
                                                                            len(labs))):
            copy = (DATA / "imbd" / "derived" / f"{lab['derived']}.txt").read_text("utf-8")
            out.append(Pair(f"imbd:{lab['derived']}", "imbd", split_of(orig), src, copy))
    return out


# ------------------------------------------------------------------------------ planted edits
_NUM = (r"(?<![\w.,$£€#/:(-])(?<!- )(?<![A-Z][\w-] )(?<![A-Z][\w-][\w-] )"
        r"(?<![A-Z][\w-][\w-][\w-] )(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,%/:-]|\.\d|,\d| -)")
# a count of a plural noun ("40 people", "1,200 new homes"), not a model number or a score
_COUNT = re.compile(_NUM + r" ((?:[a-z]{3,} )?(?:[a-z]{2,}s|people|police|children|men|women))\b")
_NOT_COUNTED = frozenset({"percent", "years", "year", "am", "pm", "a.m", "p.m", "of", "and",
                          "to", "or", "in", "on", "at", "the", "per", "times", "feet", "inches",
                          "pounds", "hours", "minutes", "seconds", "days", "weeks", "months",
                          "points", "degrees", "miles", "kilometres", "kilometers", "meters",
                          "metres", "million", "billion", "dollars", "euros", "mph", "km"})
_CASUALTY = re.compile(r"(?:\d[\d,]*|dozens|hundreds|scores) (?:[a-z]+ ){0,2}(?:(?:were|have been|"
                       r"had been|are|was) )?\b(dead or injured|killed or injured|dead or "
                       r"wounded|killed|dead|died|injured|wounded|hurt|arrested|evacuated|missing|"
                       r"infected)\b")
_RESCOPE = {"killed": "injured", "dead": "injured", "died": "were injured", "injured": "killed",
            "wounded": "killed", "hurt": "killed", "dead or injured": "dead",
            "killed or injured": "killed", "dead or wounded": "dead", "arrested": "killed",
            "evacuated": "missing", "missing": "dead", "infected": "dead"}
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]
_TITLE = re.compile(r"(?<![Ff]ormer )(?<!ex-)\b(President|Prime Minister|Governor|Senator|"
                    r"Minister|Mayor|Chancellor|Secretary|Chief Executive|Sen\.|Gov\.|Rep\.)"
                    r" [A-Z][a-z]+")
_AUX = re.compile(r"\b(is|was|were|are|has|have|had|will|would|could|can|did|does)"
                  r" (?!not\b|no\b|never\b|n't\b|been\b|to\b|a\b|an\b|the\b)([a-z]{3,})")
_SAID_END = re.compile(r"^(?P<claim>.{25,}?),? (?P<who>(?:[A-Z][\w.'-]+ ){0,3}[A-Z][\w.'-]+|"
                       r"(?:the )?police|officials|authorities|(?:the )?[a-z]+ (?:ministry|"
                       r"department|agency|office)) (?:said|says|told [\w ]+|reported|"
                       r"announced)(?: on \w+| \w+day)?\.$")
_SAID_START = re.compile(r"^(?:According to (?P<who1>[\w .'-]+?), |(?P<who2>(?:[A-Z][\w.'-]+ )"
                         r"{0,3}[A-Z][\w.'-]+|(?:The )?[Pp]olice|Officials|Authorities) said "
                         r"(?:that )?)(?P<claim>.{25,})$")
_PERSON = re.compile(r"(?:\b(?:said|told|says|according to|Mr\.|Mrs\.|Ms\.|Dr\.|President|"
                     r"Minister|Governor|Senator|spokesman|spokeswoman|Chief|coach) )"
                     r"([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})\b(?! [A-Z])"
                     r"|(?<![A-Z]\w )\b([A-Z][a-z]{2,}) ([A-Z][a-z]{3,}),? "
                     r"(?:said|told|says|added|wrote)\b")
_NAMES = [("Helena", "Marsh"), ("Tobias", "Grunwald"), ("Amara", "Okafor"), ("Luis", "Beltran"),
          ("Ingrid", "Solberg"), ("Kenji", "Morimoto")]
_SWAP_PLACES = {"country": ["Portugal", "Norway", "Argentina", "Kenya", "Vietnam", "Poland",
                            "Egypt", "Canada"],
                "city": ["Lisbon", "Oslo", "Nairobi", "Hanoi", "Warsaw", "Cairo", "Toronto",
                         "Madrid"]}


def _sentences(text: str) -> list[tuple[int, int]]:
    from wiretrace.trace.sentences import split_sentences

    return split_sentences(text)


def _shared_sentences(pair: Pair, copy: str) -> list[tuple[int, int]]:
    """Sentences of the copy that the source has too (same reading), long enough to edit."""
    from wiretrace.claims.normalise import reading_form

    src = {reading_form(pair.source[s:e]) for s, e in _sentences(pair.source)}
    return [(s, e) for s, e in _sentences(copy)
            if e - s >= 40 and reading_form(copy[s:e]) in src]


Edit = tuple[int, int, str, frozenset[str]]  # start, end (in the sentence), new words, kinds
Planter = Callable[[str, random.Random], "Edit | None"]


def _n(m: re.Match[str]) -> int:
    return int(m.group(1).replace(",", ""))


def _year_like(n: str) -> bool:
    return len(n) == 4 and n[:2] in {"19", "20"}


def _counts(sent: str) -> list[re.Match[str]]:
    return [m for m in _COUNT.finditer(sent) if not _year_like(m.group(1))
            and not re.search(r"\b(a|an|the)\s*$", sent[:m.start()], re.I)
            and not re.search(r"[A-Z][\w-]*\s$", sent[:m.start()])
            and m.group(2).split()[0] not in _NOT_COUNTED
            and _n(m) >= 2
            and not re.search(r"(January|February|March|April|May|June|July|August|September|"
                              r"October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.? $",
                              sent[:m.start()])]


def _figure(sent: str, rng: random.Random) -> Edit | None:
    ms = _counts(sent)
    if not ms:
        return None
    m = rng.choice(ms)
    n = _n(m)
    new = n + 3 if n < 10 else n * 2 + 1
    return m.start(1), m.end(1), f"{new:,}", frozenset({"figure"})


def _scope(sent: str, rng: random.Random) -> Edit | None:
    ms = list(_CASUALTY.finditer(sent))
    if not ms:
        return None
    m = rng.choice(ms)
    return m.start(1), m.end(1), _RESCOPE[m.group(1)], frozenset({"scope", "figure"})


def _place(sent: str, rng: random.Random) -> Edit | None:
    from wiretrace.claims.lexicon import lexicon

    lex = lexicon()
    found = []
    for canonical, country in lex.place_country.items():
        if " " in canonical or len(canonical) < 4:
            continue
        # a place on its own, not part of a name ("Jordan Clarke", "Miami Dolphins")
        for m in re.finditer(rf"(?<![A-Z][\w.]\s)\b{re.escape(canonical)}\b(?!['’]s|\s[A-Z])",
                             sent):
            found.append((m, "country" if canonical == country else "city"))
    if not found:
        return None
    m, cls = rng.choice(found)
    options = [p for p in _SWAP_PLACES[cls] if p not in sent]
    return m.start(), m.end(), rng.choice(options), frozenset({"place", "actor"})


def _actor(sent: str, rng: random.Random) -> Edit | None:
    from wiretrace.claims.entities import COMMON_CAPITALISED
    from wiretrace.claims.lexicon import lexicon

    lex = lexicon()
    ms = [m for m in _PERSON.finditer(sent)
          if not any(w.lower() in lex.places or w.lower() in COMMON_CAPITALISED
                     or w.lower() in lex.titles for w in m.groups() if w)]
    if not ms:
        return None
    m = rng.choice(ms)
    g = 1 if m.group(1) else 3
    first, last = rng.choice([n for n in _NAMES if n[1] not in sent])
    # a swapped speaker ("Jane Doe said" for "John Roe said") is a changed attribution too
    return m.start(g), m.end(g + 1), f"{first} {last}", frozenset({"actor", "attribution"})


def _negation(sent: str, rng: random.Random) -> Edit | None:
    ms = list(_AUX.finditer(sent))
    if not ms:
        return None
    m = rng.choice(ms)
    return m.start(), m.end(1), f"{m.group(1)} not", frozenset({"negation"})


# an auxiliary's plain denial, which a copy may drop: "was not charged", "didn't approve",
# "could never" (not "not only", "not yet", "not until", "not all", ...: those deny in part)
_DENIAL = re.compile(r"\b(is|was|were|are|has|have|had|will|would|could|can|did|does|do)"
                     r"(?: (?:not|never)\b|n't\b)(?! (?:only|just|yet|until|till|least|even|all|"
                     r"every|always|so|as|to|that|far|long|enough|exactly|necessarily|quite|"
                     r"much|many|more|less|because|surprisingly|unlike|everyone|everything)\b)"
                     r"(?=\s+[a-z])")
_UNCONTRACTED = {"won't": "will", "can't": "can"}


def _denial_dropped(sent: str, rng: random.Random) -> Edit | None:
    ms = list(_DENIAL.finditer(sent)) + [m for m in re.finditer(r"\b(won't|can't)(?=\s+[a-z])",
                                                                 sent, re.IGNORECASE)]
    if not ms:
        return None
    m = rng.choice(ms)
    aux = _UNCONTRACTED.get(m.group(1).lower(), m.group(1))
    return m.start(), m.end(), aux, frozenset({"negation"})


def _title(sent: str, rng: random.Random) -> Edit | None:
    ms = list(_TITLE.finditer(sent))
    if not ms:
        return None
    m = rng.choice(ms)
    # before the title's modifiers: "former US President", not "US former President"
    mod = re.search(r"(?:\b[A-Z][\w.]*\s+){1,2}$", sent[:m.start()])
    at = mod.start() if mod and not re.match(r"(?:The|A|An)\b", mod.group()) else m.start()
    lead = "Former" if at == 0 else "former"
    return at, at, f"{lead} ", frozenset({"title"})


def _attribution(sent: str, rng: random.Random) -> Edit | None:
    m = _SAID_END.match(sent)
    if m and not re.match(r"^(He|She|They|It|I|We)$", m.group("who")):
        return m.end("claim"), len(sent) - 1, "", frozenset({"attribution"})
    m = _SAID_START.match(sent)
    if m and not re.match(r"^(He|She|They|It|I|We)\b", sent):
        claim = m.group("claim")
        return 0, m.start("claim") + 1, claim[0].upper(), frozenset({"attribution"})
    return None


def _bound(sent: str, rng: random.Random) -> Edit | None:
    ms = [m for m in _counts(sent) if not re.search(r"(least|most|about|nearly|some|than|"
                                                    r"around|almost|over) $", sent[:m.start()])]
    if not ms:
        return None
    m = rng.choice(ms)
    return m.start(1), m.start(1), "at least ", frozenset()


def _about(sent: str, rng: random.Random) -> Edit | None:
    ms = [m for m in _counts(sent) if _n(m) >= 20
          and not re.search(r"(least|most|about|nearly|some|than|around|almost|over) $",
                            sent[:m.start()])]
    if not ms:
        return None
    m = rng.choice(ms)
    return m.start(1), m.start(1), "about ", frozenset()


def _range(sent: str, rng: random.Random) -> Edit | None:
    ms = [m for m in _counts(sent) if _n(m) >= 20]
    if not ms:
        return None
    m = rng.choice(ms)
    n = _n(m)
    lo, hi = int(n * 0.8), int(n * 1.2) + 1
    return m.start(1), m.end(1), f"{lo:,}\u2013{hi:,}", frozenset()


def _in_words(sent: str, rng: random.Random) -> Edit | None:
    ms = [m for m in _counts(sent) if _n(m) <= 12]
    if not ms:
        return None
    m = rng.choice(ms)
    return m.start(1), m.end(1), _WORDS[int(m.group(1))], frozenset()


def _dozens(sent: str, rng: random.Random) -> Edit | None:
    ms = [m for m in _counts(sent) if 24 <= _n(m) <= 99
          or 200 <= _n(m) <= 999]
    ms = [m for m in ms if m.group(2).split()[0].endswith("s")]
    if not ms:
        return None
    m = rng.choice(ms)
    word = "dozens of" if _n(m) < 100 else "hundreds of"
    return m.start(1), m.end(1), word, frozenset()


PLANTERS: dict[str, Planter] = {
    "place": _place, "actor": _actor, "figure": _figure, "scope": _scope,
    "attribution": _attribution, "negation": _negation, "title": _title,
    "denial_dropped": _denial_dropped,
    "variant:at_least": _bound, "variant:about": _about, "variant:range": _range,
    "variant:words": _in_words, "variant:dozens": _dozens,
}


MANIPULATIONS = ("figure", "place", "actor", "scope", "title")  # kinds that change a fact


def manipulate(text: str, edits: int, key: str) -> tuple[str, list[str]]:
    """``text`` with up to ``edits`` planted factual changes, each in its own sentence (any
    sentence: a rewrite keeps few of its source's sentences word for word), the kinds tried in
    an order drawn from ``key``: an LLM-manipulated version of a text (a figure changed, a
    place or person swapped, a scope or title altered). Returns the text and the kinds made."""
    rng = random.Random(_seed(key))
    sents = _sentences(text)
    order = list(range(len(sents)))
    rng.shuffle(order)
    kinds = list(MANIPULATIONS)
    made: list[tuple[int, int, str, str]] = []  # sentence start, end, new sentence, kind
    for k in order:
        if len(made) >= edits:
            break
        s, e = sents[k]
        sent = text[s:e]
        rng.shuffle(kinds)
        for kind in kinds:
            edit = PLANTERS[kind](sent, rng)
            if edit is not None:
                es, ee, new, _ = edit
                made.append((s, e, sent[:es] + new + sent[ee:], kind))
                break
    for s, e, new, _ in sorted(made, reverse=True):
        text = text[:s] + new + text[e:]
    return text, [kind for *_, kind in made]


def _planted(pair: Pair, kinds: list[str], where: list[tuple[int, int, str]], salt: str,
             fits: Callable[[str, str, str], bool]) -> list[Case]:
    """At most one case per kind: one of the copy's sentences ``where`` (start, end, the source
    sentence it stands for), in an order drawn from the pair, the kind and ``salt``, edited by
    the kind's planter where ``fits(kind, replaced words, source sentence)``."""
    out = []
    for kind in kinds:
        rng = random.Random(_seed(pair.id + kind + salt))
        order = where[:]
        rng.shuffle(order)
        for s, e, src in order:
            sent = pair.copy[s:e]
            edit = PLANTERS[kind](sent, rng)
            if edit is None or not fits(kind, sent[edit[0]:edit[1]], src):
                continue
            es, ee, new, expected = edit
            copy = pair.copy[:s] + sent[:es] + new + sent[ee:] + pair.copy[e:]
            span = (s + es, s + es + max(len(new), 1))
            if kind == "title":
                span = (s + es, s + es + len(new) + 8)
            if kind == "denial_dropped":  # and the words after the auxiliary, now asserted
                word = re.match(r"(?:\s*\S+){1,3}", sent[ee:])
                span = (s + es, s + es + len(new) + (word.end() if word else 0))
            if kind == "attribution":  # the words dropped: the copy's whole sentence is the span
                span = (s, s + len(sent) - (ee - es) + len(new))
            out.append(Case(pair, kind, copy, span, expected, sent, sent[:es] + new + sent[ee:]))
            break
    return out


def plant(pair: Pair, kinds: list[str] | None = None) -> list[Case]:
    """At most one case per kind: one sentence the source has too, edited by code."""
    where = [(s, e, "") for s, e in _shared_sentences(pair, pair.copy)]
    return _planted(pair, kinds or list(PLANTERS), where, "", lambda *_: True)


def plant_paraphrased(pair: Pair, kinds: list[str] | None = None) -> list[Case]:
    """At most one case per factual kind in a paraphrase (an LLM rewrite): one copy sentence
    the aligner pairs with a source sentence, edited by code where the words it replaces are
    in that source sentence too (a figure, place or person the source states), or, for an
    inserted word (a negation, a stale title), where the source sentence reads as the copy's
    did: what the source says, said wrong in other words."""
    from wiretrace.trace.align import align

    where = [(*q.a_span, pair.source[q.b_span[0]:q.b_span[1]])
             for q in align(pair.copy, pair.source).pairs]

    def fits(kind: str, before: str, src: str) -> bool:
        if kind == "denial_dropped":  # the source denies too, in its own words
            return bool(re.search(r"\b(not|never|cannot)\b|n't", src))
        if before.strip() and not re.search(rf"(?<!\w){re.escape(before.strip())}(?!\w)", src):
            return False  # the source does not state what is replaced
        if kind == "negation" and re.search(r"\b(not|never|no)\b|n't", src):
            return False
        return not (kind == "title" and not re.search(_TITLE, src))

    return _planted(pair, kinds or [k for k in PLANTERS if not k.startswith("variant:")],
                    where, ":paraphrased", fits)
