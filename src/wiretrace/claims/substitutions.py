"""Swapped words: one word of a sentence replaced, the words around it kept.

A fact edit changes one thing and keeps the rest ("fell from a harbour wall that was" /
"fell from a harbour pier that was"); a spinner or a rewriter swaps many words for synonyms.
So a copy's word is a *substitution* when

- it is new: the source never uses it, nor a morphological variant of it ("cliff" for "clifftop",
  "arrest" for "arrested");
- it stands in an anchored slot: the source has the same words right before and right after it
  (at least four anchoring words, two of them content words), with something else in between;
- what the source has there is gone from the copy's sentence, and the two are not near-synonyms
  (``synonyms.txt``, the reporting verbs, one pole of ``antonyms.txt``);
- the copy's sentence is otherwise the source's words: at most two new words in all. More is a
  paraphrase, not a fact change.

The inserted variant (the source has the anchoring words side by side) is reported only when
the copy slips in a name or several new content words ("in front of the Varnian embassy" for
"in front of the embassy"). A member of a closed set ("third quarter") where the source only ever
uses another member with the same word ("fourth quarter") is a change too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from wiretrace.claims.additions import share
from wiretrace.claims.dates import find_dates
from wiretrace.claims.entities import (
    COMMON_CAPITALISED,
    STYLE_OF_ADDRESS,
    abbreviated,
    broader_place,
    figure_of_speech,
)
from wiretrace.claims.figures import SPECIFIC_SCOPES
from wiretrace.claims.lexicon import body_named, lexicon
from wiretrace.claims.numbers import find_numbers
from wiretrace.claims.pairing import Sent, Side, is_content
from wiretrace.claims.wordchecks import (
    _CONTRAST_KIND,
    WordChange,
    clause_break,
    implicitly_negative,
    negated_before,
    negated_in_clause,
    negated_word,
    negation_at,
    orders_events,
    same_duration,
    vaguer_head,
)
from wiretrace.trace.citations import outlet_like
from wiretrace.trace.sentences import zipf

__all__ = ["JUDGED", "Candidate", "Substitution", "Vocabulary", "substitution_candidates",
           "substitution_changes", "closed_set_changes", "date_changes", "is_variant"]

_MAX_GAP = 4  # tokens a substitution may span on either side
_SPECIFIC_ZIPF = 3.5  # rarer than about 3 in a million words: a specific term
# said of a swap the rules find but cannot tell from a rewording: the entailment check decides
# whether it is a change (``vetting.vet_changes``)
JUDGED = " (for the entailment check)"
_ANCHOR = 4  # anchoring tokens compared on each side
_MAX_NEW = 2  # new words in a sentence beyond which it is a paraphrase
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that",
                          "these", "those", "our", "my", "your", "some", "each", "every"})
_LOCATIVE = frozenset({"in", "into", "from", "at", "near", "towards", "toward", "across",
                       "through", "around", "outside", "inside", "off", "onto",
                       "throughout", "via", "beneath", "beside"})
# also "to prop", "on trial", "within reach": a place only with a determiner between
_LOCATIVE_BEFORE_NOUN = frozenset({"to", "on", "over", "under", "within"})
_END = "\x00end"


@dataclass(slots=True)
class Substitution:
    b_tokens: tuple[int, int]  # token range of the copy's sentence
    a_sent: Sent
    a_tokens: tuple[int, int]  # token range in the source sentence (empty: an insertion)
    anchored: int


def _prefix(x: str, y: str) -> int:
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return n


def is_variant(x: str, y: str) -> bool:
    """Two stems of one word: "cliff"/"clifftop", "president"/"presidency", not "protest"/
    "protection"."""
    if x == y or _root(x) == _root(y):
        return True
    short = min(len(x), len(y))
    return short >= 4 and _prefix(x, y) >= max(4, round(0.8 * short))


_ROOT_SUFFIX = re.compile(r"(?:ations?|ions?|ings?|ers?|ed|es|e|s)$")


def _root(word: str) -> str:
    """"vote", "voting", "voted", "voter" -> "vot"."""
    root = _ROOT_SUFFIX.sub("", word)
    return root if len(root) >= 3 else word


class Vocabulary:
    """The source's stems, with a prefix index for the variant test."""

    def __init__(self, side: Side) -> None:
        self.stems = side.stems
        self.where: dict[str, list[tuple[Sent, int]]] = {}  # stem -> (sentence, position)
        for s in side.sents:
            for q, st in enumerate(s.stems):
                self.where.setdefault(st, []).append((s, q))
        self.by_prefix: dict[str, list[str]] = {}
        for st in side.stems:
            if len(st) >= 4:
                self.by_prefix.setdefault(st[:4], []).append(st)
            elif len(st) == 3:
                self.by_prefix.setdefault(st, []).append(st)

    def knows(self, st: str) -> bool:
        if st in self.stems:
            return True
        return any(is_variant(st, x) for x in self.by_prefix.get(st[:4], ())) or any(
            is_variant(st, x) for x in self.by_prefix.get(st[:3], ()) if len(x) == 3)


def _is_new(s: Sent, k: int, vocab: Vocabulary) -> bool:
    norm = s.toks[k].norm
    if not is_content(norm) or any(ch.isdigit() for ch in norm):
        return False
    return not vocab.knows(s.stems[k])


def _keys(s: Sent, lo: int, hi: int) -> set[str]:
    """Stemmed words and phrases (up to three words) of tokens ``lo..hi``, phrases reaching one
    word beyond on each side ("known as" for "known" before "as")."""
    out: set[str] = set()
    first, last = max(0, lo - 1), min(len(s.toks), hi + 1)
    for i in range(first, last):
        for j in range(i + 1, min(last, i + 3) + 1):
            if j > lo and i < hi:
                out.add(" ".join(s.stems[i:j]))
    return out


def _norms(s: Sent, lo: int, hi: int) -> set[str]:
    return {s.toks[k].norm for k in range(lo, hi)}


def _negated_span(s: Sent, span: tuple[int, int]) -> bool:
    """A negation cue inside the swapped words or before them in their clause ("not
    supported", "not assessed as being at high")."""
    return any(negated_before(s, k) or negation_at(s, k) or negated_in_clause(s, k)
               for k in range(*span))


def _negated_in(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int]) -> bool:
    return any(negated_word(x, y) for x in _norms(b, *bt) for y in _norms(a, *at))


_STRUCTURE = frozenset({"who", "which", "that", "whose", "was", "were", "is", "are", "be", "been",
                        "being", "has", "have", "had"})


def _explained(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int]) -> bool:
    """Is the copy's wording a near-synonym or variant of the source's, or the same words in
    another construction ("was driven" / "spread", "who leads" / "head of")?"""
    if _negated_in(b, bt, a, at):
        return False
    if (_norms(b, *bt) & _STRUCTURE) != (_norms(a, *at) & _STRUCTURE):
        return True
    lex = lexicon()
    bk, ak = _keys(b, *bt), _keys(a, *at)
    b_groups = {g for k in bk for g in lex.synonyms.get(k, ())}
    if b_groups & {g for k in ak for g in lex.synonyms.get(k, ())}:
        return True
    bn, an = _norms(b, *bt), _norms(a, *at)
    verbs = lex.verb_group
    if {verbs[w] for w in bn if w in verbs} & {verbs[w] for w in an if w in verbs}:
        return True
    poles = lex.poles
    if {p for w in bn for p in poles.get(w, ())} & {p for w in an for p in poles.get(w, ())}:
        return True  # one pole: "rose" / "climbed"
    if fuzz.ratio(b.text[slice(*_span(b, *bt))].lower(), a.text[slice(*_span(a, *at))].lower()
                  ) >= 80:
        return True  # a spelling or transliteration ("Yiorgos" / "Giorgos")
    b_content = [b.stems[k] for k in range(*bt) if is_content(b.toks[k].norm)]
    a_content = [a.stems[k] for k in range(*at) if is_content(a.toks[k].norm)]
    return any(is_variant(x, y) for x in b_content for y in a_content)


def _agree_left(b: Sent, j: int, a: Sent, p: int) -> int:
    n = 0
    while n < _ANCHOR and j - n - 1 >= 0 and p - n - 1 >= 0 and (
            b.stems[j - n - 1] == a.stems[p - n - 1]):
        n += 1
    return n


def _agree_right(b: Sent, j: int, a: Sent, q: int) -> int:
    n = 0
    while n < _ANCHOR and j + n < len(b.toks) and q + n < len(a.toks) and (
            b.stems[j + n] == a.stems[q + n]):
        n += 1
    return n


def _content_in(s: Sent, lo: int, hi: int) -> int:
    return sum(1 for k in range(lo, hi) if is_content(s.toks[k].norm))


def _anchor(b: Sent, bt: tuple[int, int], a_side: Side, vocab: Vocabulary
            ) -> Substitution | None:
    """The best place of the source with the same words around ``bt`` and at most
    ``_MAX_GAP`` other words in between."""
    j1, j2 = bt
    best: Substitution | None = None
    if j2 < len(b.toks):
        starts = vocab.where.get(b.stems[j2], [])
    else:  # the copy's sentence ends here: so must the source's
        starts = [(a, len(a.toks)) for a in a_side.sents]
    for a, q in starts:
        kr = _agree_right(b, j2, a, q) if j2 < len(b.toks) else 0
        for g in range(0, _MAX_GAP + 1):
            p = q - g
            if p < 0:
                break
            kl = _agree_left(b, j1, a, p)
            if kl < 1 or (kr < 1 and j2 < len(b.toks)):
                continue
            content = _content_in(b, j1 - kl, j1) + _content_in(b, j2, j2 + kr)
            if kl + kr < 4 or content < 2:
                continue
            if best is None or kl + kr > best.anchored:
                best = Substitution(bt, a, (p, q), kl + kr)
    return best


def _runs(b: Sent, new: list[int]) -> list[tuple[int, int]]:
    """New words grouped into runs (stopwords may sit between two new words)."""
    runs: list[tuple[int, int]] = []
    for k in new:
        if runs and k - runs[-1][1] <= 1 and all(
                not is_content(b.toks[x].norm) for x in range(runs[-1][1], k)):
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


def _widen(b: Sent, run: tuple[int, int]) -> list[tuple[int, int]]:
    """The run itself and the run with a neighbouring stopword ("resolution with" / "invasion
    of": the preposition goes with the swapped noun)."""
    j1, j2 = run
    out = [run]
    if j2 < len(b.toks) and not is_content(b.toks[j2].norm):
        out.append((j1, j2 + 1))
    if j1 > 0 and not is_content(b.toks[j1 - 1].norm):
        out.append((j1 - 1, j2))
    return out


def _capitalised(s: Sent, lo: int, hi: int) -> bool:
    return any(s.text_of(k)[:1].isupper() and k > 0 for k in range(lo, hi))


def _one_share(x: str, y: str) -> bool:
    """Does one side give in words ("six in ten", "a third") the share the other gives as a
    percentage, to the point ("61 percent", "33%")?"""
    for words, other in ((x, y), (y, x)):
        told = share(words)
        if told is not None and any(n.unit == "percent" and abs(n.low - told) <= 1.0
                                    for n in find_numbers(other)):
            return True
    return False


def _after_name(s: Sent, lo: int) -> bool:
    """Does the word at ``lo`` follow a capitalised name ("in Kembria slowed")?"""
    return lo > 1 and s.text_of(lo - 1)[:1].isupper()


def _past_verb(word: str) -> bool:
    """A verb's past form: "slowed", "eased", or an irregular one ("went", "brought"); after
    a place's name, no place's noun ("Inflation in Kembria slowed" / "eased": the verb after
    the place; "in the riverbed" is a place)."""
    return (len(word) > 4 and word.endswith("ed")) or (
        word in lexicon().verb_bases and word not in lexicon().verb_bases[word])


def _governed_by_place(s: Sent, lo: int) -> bool:
    """A locative preposition before the word, past determiners and names ("from a Varnian
    harbour"); "to", "on" only with a determiner between ("to the harbour", not "to prop")."""
    k = lo - 1
    skipped = False
    if k >= 1 and s.toks[k - 1].norm in _DETERMINERS and is_content(s.toks[k].norm):
        k -= 1  # one modifier of the noun: "a harbour beach"
    while k >= 0 and (s.toks[k].norm in _DETERMINERS or s.text_of(k)[:1].isupper()):
        if clause_break(s, k):
            return False  # "a nightclub in Leeds, police said": the name ends another clause
        skipped = skipped or s.toks[k].norm in _DETERMINERS
        k -= 1
    if k < 0:
        return False
    return s.toks[k].norm in _LOCATIVE or (skipped and s.toks[k].norm in _LOCATIVE_BEFORE_NOUN)


# words that only point back or generalise: a copy that puts one for a specific word says less
_GENERIC = frozenset({"similar", "such", "other", "related", "certain", "same", "previous",
                      "earlier", "another", "various", "several", "some"})


def _vaguer(copy_words: set[str], source_words: set[str]) -> bool:
    """The copy puts a word that only points back or generalises for a specific one ("a
    previous similar arrest" for "a previous DUI arrest"): it says less, not something else,
    as "dozens" says less than 40."""
    new = {w for w in copy_words - source_words if is_content(w) or w in _GENERIC}
    return bool(new) and new <= _GENERIC


# verbs whose subject gives the statement as its own ("prosecutors said", "police told")
_SAYS = frozenset({"said", "says", "say", "told", "tells", "stated", "states", "added", "adds",
                   "reported", "reports", "announced", "confirmed", "confirms", "warned", "warns",
                   "claimed", "claims", "alleged", "alleges", "noted", "notes", "wrote", "writes",
                   "estimated", "estimates"})


def _speaker_slot(s: Sent, span: tuple[int, int]) -> bool:
    """Do the words at ``span`` name who gives the statement: the subject right before a
    reporting verb ("..., prosecutors said"), or after "according to"?"""
    lo, hi = span
    return (hi < len(s.toks) and s.toks[hi].norm in _SAYS) or (
        lo >= 2 and s.toks[lo - 2].norm == "according" and s.toks[lo - 1].norm == "to")


# what a place is, which refers back to a place a text names
_PLACE_NOUNS = frozenset({"area", "region", "country", "city", "town", "nation", "state",
                          "territory", "waters", "zone", "province", "capital", "village", "site",
                          "island", "islands", "sea", "district", "county", "the", "there"})


def _kind(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int]
          ) -> tuple[str, str] | None:
    """The change kind and why: the nearest kind when the word is not a name or a figure;
    None for a vaguer word (``_vaguer``)."""
    lex = lexicon()
    bn, an = _norms(b, *bt), _norms(a, *at)
    if any(same_duration(b, i, a, k) for i in range(*bt) for k in range(*at)):
        return None  # "in ten years" for "in a decade": one length of time
    if _one_share(b.text[slice(*_span(b, *bt))], a.text[slice(*_span(a, *at))]):
        return None  # "six in ten" for "61 percent": one share, rounded in words
    sets = {lex.contrast[w] for w in bn if w in lex.contrast} & {
        lex.contrast[w] for w in an if w in lex.contrast}
    if sets:
        group = sorted(sets)[0]
        return _CONTRAST_KIND.get(group, "scope"), f"two values of one {group.replace('_', ' ')}"
    b_poles, a_poles = ({p for w in ws for p in lex.poles.get(w, ())} for ws in (bn, an))
    opposite = any((pair, 1 - side) in a_poles for pair, side in b_poles)
    if (opposite or _negated_in(b, bt, a, at)) and _negated_span(b, bt) != _negated_span(a, at):
        return None  # "unsupported" for "not supported": the opposite word, negated
    if _negated_span(b, bt) != _negated_span(a, at) and any(
            implicitly_negative(t) for t in _norms(b, *bt) | _norms(a, *at)):
        return None  # "not enough room" for "little room": one denial, with and without a cue
    if opposite and any(orders_events(a, k) for k in range(*at)) != any(
            orders_events(b, k) for k in range(*bt)):
        return None  # "before becoming captain" / "and later captained": one order of events
    if opposite:
        return "negation", "words of opposite meaning"
    if _negated_in(b, bt, a, at):
        return "negation", "the same word with a negating prefix"
    if _speaker_slot(b, bt) and _speaker_slot(a, at):
        copy_body = body_named(b.text[slice(*_span(b, *bt))])
        source_body = body_named(a.text[slice(*_span(a, *at))])
        if copy_body and source_body and copy_body != source_body:
            return "attribution", f"another body gives the statement: {copy_body}, not " \
                f"{source_body}"
        return None  # "officials said" for "prosecutors said": the source told more vaguely;
        # "the department said" for "the ministry said": one body, perhaps, in other words
    if _capitalised(b, *bt):
        if _governed_by_place(b, bt[0]):
            return "place", "another name where the source names a place"
        return "actor", "another name in the same role"
    if an & set(lex.titles) and any(vaguer_head(b, i, a, k) for i in range(*bt)
                                    for k in range(*at)):
        return None  # "Central bank chief" for "Central bank Governor": the role, told vaguely
    if bn & set(lex.titles) and an & set(lex.titles):
        return "title", "another role"
    if _fates_differ(bn, an):
        return "scope", "what happened to them changed"
    counted = {w for w, _ in lex.counted if " " not in w}
    if bn & counted or an & counted:
        return "scope", f"what is counted changed{JUDGED}"
    if _vaguer(bn, an):
        return None
    if _before_kept_head(b, bt, a, at) and not _specific_terms(bn - an, an - bn):
        return None  # "challenging bosses" for "formidable bosses", "full employment" for
        # "maximum employment": a plain modifier of a kept noun, reworded
    if _person_variant(bn, an):
        return None  # "sportspeople" for "sportsmen": one word for people, made neutral
    if bn <= _PLACE_NOUNS and _capitalised(a, *at):
        return None  # "claims in the area" for "claims in the South China Sea": the place, told
        # as what it is
    if (_governed_by_place(b, bt[0]) and _governed_by_place(a, at[0])
            and not any(w.endswith("ing") for w in bn | an)
            and not (_after_name(b, bt[0]) and any(_past_verb(w) for w in bn | an))):
        return "place", "another place in the same slot"  # not "from making" / "from exerting";
        # the source's word in a place slot too: not "embarked on their journey" for
        # "commenced their trip"
    if _specific_terms(bn - an, an - bn):
        return "scope", "another specific term in the same slot"
    if not (_headed_word(b, bt) and _headed_word(a, at)):
        return None  # "six shots behind" / "back", "included" / "consisting of": a word
        # reworded, read on real rewrites as noise, unless a thing or an act is swapped
    return "scope", ("the claim is about something else (scope: the nearest kind for a swapped "
                     f"word){JUDGED}")


# words that head a noun ("a car", "his house") or a bare verb ("to sell", "would expand")
_HEADS = _DETERMINERS | {"to", "will", "would", "can", "could", "may", "might", "should",
                         "must", "shall"}


def _headed_word(s: Sent, span: tuple[int, int]) -> bool:
    """One content word right after a determiner, "to" or a modal ("a car", "to sell"), not a
    participle or an adverb: a thing or an act the sentence is about, which a swap changes;
    other single words are mostly reworded."""
    lo, hi = span
    w = s.toks[lo].norm
    return (hi - lo == 1 and lo > 0 and s.toks[lo - 1].norm in _HEADS and is_content(w)
            and not w.endswith(("ed", "ing", "ly")))


def _before_kept_head(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int]) -> bool:
    """One word swapped for one word right before a noun both sentences keep: a modifier of
    that noun, not the noun's place or what is counted."""
    return (bt[1] - bt[0] == 1 and at[1] - at[0] == 1 and bt[1] < len(b.toks)
            and at[1] < len(a.toks) and b.stems[bt[1]] == a.stems[at[1]]
            and is_content(b.toks[bt[1]].norm))


_PERSON_ENDINGS = ("men", "man", "women", "woman", "people", "person", "persons")


def _person_variant(copy_words: set[str], source_words: set[str]) -> bool:
    """"sportspeople" / "sportsmen", "chairperson" / "chairman": one word for a person or people
    with another ending, the word before it kept."""
    def split(ws: set[str]) -> tuple[str, str] | None:
        ws = {w for w in ws if is_content(w)}  # "sportspeople for" / "sportsmen to"
        if len(ws) != 1:
            return None
        w = next(iter(ws))
        end = next((e for e in _PERSON_ENDINGS if w.endswith(e) and len(w) > len(e) + 3), None)
        return (w[:-len(end)], end) if end else None
    x, y = split(copy_words), split(source_words)
    return x is not None and y is not None and x[0] == y[0] and zipf(x[0]) >= 3.0


def _manner(word: str) -> bool:
    """An adverb of manner made from an adjective ("wrongly", "inaccurately", "happily")."""
    if len(word) <= 5 or not word.endswith("ly"):
        return False
    base = word[:-3] + "y" if word.endswith("ily") else word[:-2]
    return zipf(base) > 0 and len(base) >= 4


def _specific_terms(copy_words: set[str], source_words: set[str]) -> bool:
    """Two rare terms in one slot ("rubella" for "measles", a drug, a species, a disease) name
    two things; a swap of common words ("suffered" for "sustained") may only reword."""
    def rare(ws: set[str]) -> bool:
        content = [w for w in ws if is_content(w)]
        if any(w.endswith(("ed", "ing")) or _manner(w) for w in content):
            return False  # "plagued by" / "beset by": a verb reworded, not a term; "wrongly"
            # / "inaccurately": how, not what
        return bool(content) and all(zipf(w) < _SPECIFIC_ZIPF for w in content)
    return rare(copy_words) and rare(source_words)


def _span(s: Sent, lo: int, hi: int) -> tuple[int, int]:
    return s.toks[lo].start, s.toks[hi - 1].end


@dataclass(slots=True)
class Candidate:
    """An anchored swap of the copy: ``change`` is None when it is a rewording (a near-synonym,
    a variant, a condensed phrase) rather than a change."""

    b_span: tuple[int, int]
    change: WordChange | None
    lexical: bool  # a plain word swapped (no name, no opposite, no closed-set value)


def substitution_candidates(b: Sent, a_side: Side, vocab: Vocabulary) -> list[Candidate]:
    """Anchored swaps and insertions of the copy's sentence ``b`` (``vocab``: the source's)."""
    new = [k for k in range(len(b.toks)) if _is_new(b, k, vocab)]
    out: list[Candidate] = []
    b_stems = set(b.stems)
    for run in _runs(b, new):
        n_run = sum(1 for k in new if run[0] <= k < run[1])
        for bt in _widen(b, run):
            sub = _anchor(b, bt, a_side, vocab)
            if sub is None:
                continue
            a, at = sub.a_sent, sub.a_tokens
            if at[0] == at[1]:
                change = _insertion(b, bt, a, at, len(new) - n_run, a_side)
                lexical = False
            else:
                change = _replacement(b, bt, a, at, b_stems, len(new))
                lexical = change is None or change.kind in {"scope", "place"} and not (
                    _capitalised(b, *bt) or _contrasting(b, bt, a, at)
                    or _fates_differ(_norms(b, *bt), _norms(a, *at)))
            out.append(Candidate(_span(b, *bt), change, lexical))
            break
    return out


def substitution_changes(b: Sent, a_side: Side, vocab: Vocabulary) -> list[WordChange]:
    return [c.change for c in substitution_candidates(b, a_side, vocab) if c.change]


def _fates(words: set[str]) -> set[str]:
    """What the words say happened to people: dead, injured, arrested, missing, evacuated,
    infected (``SPECIFIC_SCOPES``; "casualties", dead or injured, is no one fate)."""
    scopes = {scope for phrase, scope in lexicon().counted
              if phrase in words and phrase not in _NOT_ONLY_PEOPLE}
    return scopes & _ONE_FATE


_ONE_FATE = frozenset(SPECIFIC_SCOPES) - {"casualties"}
# words of a fate that say other things too ("profits were hurt", "held up by the strike",
# "charged with", "held to a draw"), or a later step of one ("jailed" after "arrested")
_NOT_ONLY_PEOPLE = frozenset({"hurt", "held", "charged", "jailed", "toll", "lives", "bodies",
                              "death", "deaths", "die", "dying", "killing"})


def _fates_differ(bn: set[str], an: set[str]) -> bool:
    """One fate for another ("was killed on Thursday" / "was arrested on Thursday"): a changed
    fact however much the copy rewords around it."""
    fb, fa = _fates(bn), _fates(an)
    return bool(fb and fa) and not fb & fa


def _contrasting(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int]) -> bool:
    lex = lexicon()
    return bool({lex.contrast[w] for w in _norms(b, *bt) if w in lex.contrast}
                & {lex.contrast[w] for w in _norms(a, *at) if w in lex.contrast})


def _replacement(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int], b_stems: set[str],
                 n_new: int) -> WordChange | None:
    if n_new > _MAX_NEW:
        return None  # many new words: a paraphrase
    gone = [k for k in range(*at) if is_content(a.toks[k].norm) and a.stems[k] not in b_stems]
    if not gone or _explained(b, bt, a, at):
        return None
    if _capitalised(b, *bt):
        return None  # a name: the names check judges it (spellings, transliterations, roles)
    if (_content_in(a, *at) >= 2 and _content_in(b, *bt) == 1
            and not (_capitalised(a, *at) or _capitalised(b, *bt))):
        return None  # a phrase condensed into one word ("meeting place"): a rewording
    found = _kind(b, bt, a, at)
    if found is None:
        return None
    kind, why = found
    bs, as_ = _span(b, *bt), _span(a, *at)
    b_word, a_word = b.text[bs[0]:bs[1]], a.text[as_[0]:as_[1]]
    return WordChange(kind, bs, as_,
                      f"the copy puts '{b_word}' where the source says '{a_word}', the words "
                      f"around it unchanged ({why})")


def _insertion(b: Sent, bt: tuple[int, int], a: Sent, at: tuple[int, int], n_other: int,
               a_side: Side) -> WordChange | None:
    if n_other > 1:
        return None
    if not _capitalised(b, *bt):
        return None  # new plain words are an elaboration; only a new name is a claim here
    if (bt[1] < len(b.toks) and _capitalised(b, bt[1], bt[1] + 1)) or (
            bt[0] > 1 and _capitalised(b, bt[0] - 1, bt[0])):
        return None  # a name the source has, given in full: "Richard" before "Nixon"
    bs = _span(b, *bt)
    names = [b.toks[k].norm for k in range(*bt) if b.text_of(k)[:1].isupper()]
    if all(lexicon().contrast.get(w) in {"weekday", "month"} for w in names):
        return None  # "said Monday": when, which the page's date gives, not a new fact
    if all(w in COMMON_CAPITALISED for w in names):
        return None  # "... this device Nonetheless, despite": a sentence's first word, no name
    if outlet_like(b.text[bs[0]:bs[1]]):
        return None  # "told the Union-Tribune": the outlet it was said to, a credit
    if STYLE_OF_ADDRESS.fullmatch(b.text[bs[0]:bs[1]]):
        return None  # "with Her Majesty the Queen" for "with the Queen": a form of address
    if figure_of_speech(b.text, *bs):
        return None  # "as Mother Nature would have it": no one
    caps = [k for k in range(*bt) if b.text_of(k)[:1].isupper()]
    named = " ".join(b.text_of(k) for k in caps)
    if caps and broader_place(b.text, b.toks[caps[0]].start, b.toks[caps[-1]].end, named,
                              a_side.countries()):
        return None  # "migrants from across Africa" where the source names Libya: its place,
        # told more broadly (not "Africa's largest", "the first in Africa")
    if (caps and b.text_of(caps[-1]).lower() in lexicon().org_words
            and abbreviated(named, a_side.text, country_told=True)):
        return None  # "the British National Health Service" where the source says "the NHS":
        # a body (not "Anna Petrov" for the "(AP)" of a dateline)
    lo, hi = max(0, at[0] - 1), min(len(a.toks), at[0] + 1)
    as_ = _span(a, lo, hi)
    kind = "place" if _capitalised(b, *bt) and _governed_by_place(b, bt[0]) else "addition"
    return WordChange(kind, bs, as_,
                      f"the copy slips '{b.text[bs[0]:bs[1]]}' into words the source has side "
                      f"by side ('{a.text[as_[0]:as_[1]]}'), and the source never says it")


def closed_set_changes(b: Sent, a_side: Side) -> list[WordChange]:
    """"third quarter" where the source only ever says "fourth quarter" (and never "third")."""
    lex = lexicon()
    out: list[WordChange] = []
    a_norms = {t.norm for s in a_side.sents for t in s.toks}
    # words written apart or together ("south west" / "southwest") are one word
    a_norms |= {s.toks[k].norm + s.toks[k + 1].norm for s in a_side.sents
                for k in range(len(s.toks) - 1)}
    for i in range(len(b.toks) - 1):
        w, nxt = b.toks[i].norm, b.stems[i + 1]
        group = lex.contrast.get(w)
        if group is None or w in a_norms or not is_content(b.toks[i + 1].norm):
            continue
        if i > 0 and b.toks[i - 1].norm + w in a_norms:
            continue  # "south west tip" where the source says "southwest tip"
        for a in a_side.sents:
            hit = next((k for k in range(len(a.toks) - 1)
                        if lex.contrast.get(a.toks[k].norm) == group and a.stems[k + 1] == nxt
                        and not same_duration(b, i, a, k)), None)  # "seven-decade history"
            # for "70-year history": one length of time
            if hit is not None:
                bs, as_ = _span(b, i, i + 2), _span(a, hit, hit + 2)
                out.append(WordChange(
                    _CONTRAST_KIND.get(group, "scope"), bs, as_,
                    f"the copy says '{b.text[bs[0]:bs[1]]}' where the source only ever says "
                    f"'{a.text[as_[0]:as_[1]]}' ({group.replace('_', ' ')})"))
                break
    return out


def _date_core(text: str) -> set[str]:
    """The words that fix a date: numbers, months, weekdays."""
    lex = lexicon()
    return {w for w in re.findall(r"\w+", text.lower())
            if w.isdigit() or lex.contrast.get(w) in {"month", "weekday"}}


_DATE_GOVERNORS = frozenset({"on", "since", "by", "until", "till", "from", "to", "before",
                             "after", "of", "in", "through", "dated", "between", "and", "or"})


def _stamp_date(text: str, start: int, end: int, sentence_end: int) -> bool:
    """A date that ends its sentence with no word governing it ("repair time will be around
    twelve days October 10, 2011"): the page's date stamp run into the text, not the story's."""
    if text[end:sentence_end].strip(" .\"”'’)"):
        return False
    before = re.findall(r"[\w,]+", text[max(0, start - 30):start])
    return bool(before) and before[-1].lower() not in _DATE_GOVERNORS and not (
        before[-1].endswith(","))


def date_changes(b: Sent, a_side: Side, vocab: Vocabulary) -> list[WordChange]:
    """A date of the copy the source never gives, in a slot where the source gives another one
    ("on 12 March, the council" / "on 14 March, the council")."""
    out: list[WordChange] = []
    a_dates = find_dates(a_side.text)
    known = {re.sub(r"\W+", " ", d.text.lower()).strip() for d in a_dates}
    for d in find_dates(b.text, *b.span):
        if re.sub(r"\W+", " ", d.text.lower()).strip() in known:
            continue
        if _stamp_date(b.text, d.start, d.end, b.span[1]):
            continue
        inside = [k for k, tok in enumerate(b.toks) if d.start <= tok.start and tok.end <= d.end]
        if not inside:
            continue
        sub = _anchor(b, (inside[0], inside[-1] + 1), a_side, vocab)
        if sub is None or sub.a_tokens[0] == sub.a_tokens[1]:
            continue
        as_ = _span(sub.a_sent, *sub.a_tokens)
        other = [x for x in a_dates if x.start < as_[1] and as_[0] < x.end]
        if not other or (d.resolved is not None and other[0].resolved == d.resolved):
            continue
        core_b, core_a = _date_core(d.text), _date_core(other[0].text)
        if core_b <= core_a or core_a <= core_b:
            continue  # "on Thursday" / "late Thursday": one date, said with more or less detail
        out.append(WordChange("figure", (d.start, d.end), (other[0].start, other[0].end),
                              f"the copy dates this '{d.text}' where the source, in the same "
                              f"words, says '{other[0].text}'"))
    return out
