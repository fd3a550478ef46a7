"""A claim the copy denies that its source asserts, in a sentence the copy rewords
(``denials``): "The council did not approve the budget" for "Councillors approved the budget on
Tuesday".

The word checks (``wordchecks.negation_changes``) read a negation against the words around it,
which a close edit keeps and a rewording does not. Here the anchor is the word the negation
governs: the copy negates a verb or adjective its aligned source sentence states, and nothing in
that source sentence, or anywhere in the source near that word, denies, stops or postpones
anything. A source that denies in other words ("failed to", "yet to", "rejected", "unable",
"instead") is a rewording's licence to say "not", and is left alone: precision first.

A rewrite may also put the denied word in other words than any the source has ("The plan has
not curbed losses" for "Losses have been reduced by the plan"). Then the anchor is the sentence
as a whole: the copy's sentence restates its one source sentence (sentence embeddings, which
read a sentence's content and hardly its polarity), that source sentence denies nothing in any
words, and the copy's negation is a finite verb's plain denial, not of a word that limits ("is
not unique to") or of a degree ("not significantly").

The reverse, a denial the copy drops (``dropped_denials``: "Police have charged the man" for
"Police have not charged the man"), is read only where the copy keeps the denied verb as a verb
that asserts, with the source clause's subject and object beside it. A copy that says the
source's denial with a verb of its own ("will miss the service" for "will not attend the
service", "rebuffed the offer") keeps no such verb; no list knows every such verb, so the
copy's own words are never read as asserting what the source denies.
"""

from __future__ import annotations

import re

from wiretrace.claims.lexicon import same_verb, synonymous
from wiretrace.claims.pairing import Sent, Side, is_content
from wiretrace.claims.wordchecks import (
    _CLAUSE_JOINS,
    _PARTIAL,
    _SOME,
    GOVERNING,
    WordChange,
    clause_break,
    hedged_word,
    implicitly_negative,
    is_question,
    negation_at,
)

__all__ = ["ASSERTS", "DENIES", "denials", "denies_in_other_words", "dropped_denials",
           "gerund_at", "said_otherwise", "still_to_happen"]

DENIES = "the copy denies"  # the explanation's opening: vetting reads this change by its own rule
ASSERTS = "the copy asserts"  # ... and of the reverse, a denial the copy drops

# verbal negators only: "no" and "none" deny a noun phrase ("no injuries"), which a rewording
# turns into a count or a clause as often as not
_CUES = frozenset({"not", "never"})
# words between the cue and what it governs that leave it a plain denial of that word
_PASSED = frozenset({"be", "been", "being", "have", "has", "had", "do", "does", "did", "get",
                     "got", "the", "a", "an", "to", "yet", "currently", "officially",
                     "publicly", "formally", "directly", "actually", "personally"})
# passed too: a reflexive that stresses who ("was not himself implicated") and the "last" of a
# last sighting ("was not last seen at the airport"; "did not last the night" is the verb)
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
_SIGHTED = frozenset({"seen", "spotted", "sighted", "observed", "heard", "reported"})
# after the cue, a word that makes it no plain denial: "not only", "not yet", "never before",
# "not all", "not until", "not least", "no longer", "not far from", "not to mention" ("not yet"
# is a denial: "has not yet approved" for "approved")
# (the partial denials the word checks know, ``wordchecks._PARTIAL``, and more)
_QUALIFIED = _PARTIAL | frozenset({
    "only", "just", "merely", "simply", "until", "till", "before", "again", "least", "even",
    "so", "too", "as", "far", "long", "longer", "more", "less", "much", "many", "enough",
    "mention", "because", "since", "sure", "certain", "clear", "known", "immediately", "ever",
    "unlike", "surprisingly", "surprising", "normally", "usually", "often", "generally",
    "typically", "very", "really", "particularly", "especially", "likely"})
# before the cue: a question, a condition or an alternative, which deny nothing
_OPEN = frozenset({"if", "whether", "unless", "or", "why", "how", "what", "who", "could",
                   "might", "may", "nor"})
# before the cue: an obligation or a possibility, no denial of a fact
_OBLIGED = frozenset({"should", "ought", "must", "might", "may"})
# before the cue in its sentence: a contrast ("named the buyer, though it did not disclose the
# price") or a part of a group ("some residents did not flee"): the denial is of another thing
# than the source's word asserts, or of other people
_CONTRAST = _SOME | frozenset({"but", "though", "although", "while", "whereas", "yet",
                               "except", "other", "only", "despite"})
# after the word, in its clause: a time that bounds the denial ("did not arrive until Friday",
# "has not been seen since she left")
_BOUNDED = frozenset({"until", "till", "before", "since", "unless", "anymore", "again"})
# words of the source that deny or postpone in other words, or set a time before the event
_SOURCE_DENIES = frozenset({"yet", "before", "until", "till", "unless", "against", "instead",
                            "rather", "rejected", "rejects", "reject", "refused", "denied",
                            "declined", "failed", "unable", "halt", "halted", "end", "ended",
                            "blocked", "stopped", "prevent", "prevented", "ruled", "opposed",
                            "lost", "missed", "dropped", "scrapped", "cancelled", "canceled",
                            "postponed", "delayed", "suspended", "withdrew", "withdrawn",
                            "overturned", "dismissed", "cleared", "acquitted", "ban", "banned",
                            "only", "whether", "if", "unclear", "despite", "although", "though",
                            "but", "however", "except", "free", "away", "off", "out", "less",
                            "last", "dormant", "quiet", "zero", "nil"})


# a finite verb's denial: the cue after one of these ("has not curbed", "would not rank"), or
# a contraction ("didn't"); not a participle's or a gerund's ("not requiring a visit", "at not
# being presented with"), which a rewrite adds as a detail of its own
_FINITE = frozenset({"is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did",
                     "will", "would", "can", "could", "shall"})
# a denial of a word that limits widens what the source says rather than denying it ("is not
# unique to the US" for "holds in other countries too", "weren't immune" for "were among those
# disappointed", "is not limited to" for "can even replicate"); a denial of a degree is a
# denial in part ("have not significantly curbed losses" for "losses have been cut")
_WIDENED = frozenset({"unique", "immune", "limited", "alone", "exclusive", "confined",
                      "restricted", "isolated", "exempt", "solely", "significantly",
                      "substantially", "seriously", "greatly", "entirely", "wholly",
                      "dramatically", "considerably", "markedly", "noticeably"})
# in the source sentence, a verb or word that itself says "not" or "no change" in other words
# ("ignored the warnings": did not heed them; "kept the rent the same": did not raise it;
# "died": did not survive; "withheld": did not publish; "criticised": it did not sit well): a
# rewording's licence to say "not", read only where the copy's word is not the source's, and
# not where the copy keeps that verb ("It is not evident ... that she remains CEO" for "It is
# clear ... that she remains CEO": its "not" is not the rewording of "remains")
_SAYS_NOT = frozenset({
    "ignored", "ignore", "ignores", "ignoring", "disregarded", "overlooked", "snubbed",
    "shunned", "spurned", "neglected", "kept", "keeps", "remained", "remains", "stayed",
    "stays", "unchanged", "steady", "flat", "same", "frozen", "froze", "died", "dead",
    "withheld", "withholds", "criticised", "criticized", "condemned", "expensive", "costly",
    "reluctant", "resisted", "wary", "skeptical", "sceptical", "doubted", "questioned",
    "abandoned", "quit", "left", "forgot", "forgotten", "survived", "spared", "escaped",
    "cancelled", "canceled", "closed", "shut", "lost", "missed", "ended"})
# the source's verbs that deny in other words, by themselves: "cancelled the tour" is "will not
# complete it", "rejected the offer" is "did not accept it"
_DENYING_VERBS = frozenset({
    "cancelled", "canceled", "ignored", "disregarded", "withheld", "abandoned",
    "rejected", "rejects", "refused", "refuses", "denied", "denies", "declined", "declines",
    "failed", "fails", "unable", "halted", "blocked", "stopped", "prevented", "dropped",
    "scrapped", "postponed", "delayed", "suspended", "withdrew", "withdrawn", "overturned",
    "dismissed", "banned", "barred", "vetoed", "abstained", "boycotted"})
# verbs that deny what someone else says: a denial of a claim, said another way
_DISPUTES = frozenset({"disputed", "disputes", "refuted", "refutes", "rebutted", "rebuts",
                       "contested", "contests", "dismisses", "rebuffed"})
# sentence-embedding cosine from which a copy's sentence restates its source sentence as a whole
# (chosen on the ImBD dev split: planted denials in rewrites against the models' own revisions)
_RESTATES = 0.75


def _governed(s: Sent, i: int) -> int | None:
    """The content word the negation at ``i`` denies ("did not formally approve" → "approve"),
    or None when the cue is qualified ("not only", "never before") or governs nothing near."""
    if [t.norm for t in s.toks[i + 1:i + 3]] == ["to", "be"]:
        return None  # "not to be taken lightly": a warning, no denial of the act
    for k in range(i + 1, min(len(s.toks), i + 5)):
        if re.search(r"[,;:()\u2014\"“”]", s.text[s.toks[k - 1].end:s.toks[k].start]):
            return None
        w = s.toks[k].norm
        if w in _QUALIFIED:
            return None
        if w in _PASSED or w in _REFLEXIVE or (w == "last" and k + 1 < len(s.toks)
                                               and s.toks[k + 1].norm in _SIGHTED):
            continue
        if not is_content(w) or implicitly_negative(w) or w in GOVERNING:
            return None
        return None if _bounded_after(s, k) else k
    return None


def _clause_after(s: Sent, k: int) -> list[str]:
    """The words after ``k`` up to the end of its clause (a comma, a semicolon, a dash)."""
    out = []
    for j in range(k + 1, len(s.toks)):
        if clause_break(s, j - 1):
            break
        out.append(s.toks[j].norm)
    return out


def _bounded_after(s: Sent, k: int) -> bool:
    return bool(set(_clause_after(s, k)) & _BOUNDED)


def _cue(s: Sent) -> int | None:
    """The sentence's one verbal negation, or None when it has none or more than one cue."""
    cues = [k for k in range(len(s.toks)) if negation_at(s, k)]
    if len(cues) != 1:
        return None
    i = cues[0]
    w = s.toks[i].norm
    if not (w in _CUES or w.endswith("n't") or w == "yet"):
        return None  # "yet" is read where it denies: "has yet to pay" (``negation_at``)
    if any(t.norm in _OPEN for t in s.toks[max(0, i - 6):i]):
        return None
    if any(t.norm in _OBLIGED for t in s.toks[max(0, i - 3):i]):
        return None  # "should have never passed": what ought not to have happened did
    if any(t.norm in _CONTRAST for t in s.toks[:i]):
        return None
    return i


def _plain(s: Sent) -> bool:
    """Does the source sentence assert without denying anything, in any words? A connective
    that opens the sentence ("But family members told the BBC ...") links it to the one before,
    and the "last" of a last sighting ("was last seen") or of a date ("last week") dates what
    is said; neither is a licence to deny ("played his last game" is; so is "after only four
    years", which "did not last more than four years" restates)."""
    return not any((negation_at(s, k) or implicitly_negative(t.norm) or t.norm in _SOURCE_DENIES)
                   and not _linking(s, k) for k, t in enumerate(s.toks))


# a connective that opens a sentence, linking it to the one before
_OPENING_LINKS = frozenset({"but", "however", "yet"})


def _linking(s: Sent, k: int) -> bool:
    w = s.toks[k].norm
    if w in _OPENING_LINKS and not s.text[s.span[0]:s.toks[k].start].strip(" \"'“‘("):
        return True
    nxt = s.toks[k + 1].norm if k + 1 < len(s.toks) else ""
    after = s.toks[k + 2].norm if k + 2 < len(s.toks) else ""
    return w == "last" and (nxt in _SIGHTED or (nxt in _DATED and after != "of"))


# after "last", a time that dates what is said ("paid the fine last week"; "in the last week of
# the campaign" and "played his last game" are an end)
_DATED = frozenset({"week", "month", "year", "night", "weekend", "monday", "tuesday",
                    "wednesday", "thursday", "friday", "saturday", "sunday"})


# before the source's word: what is still to happen ("will decide", "is to open", "plans to
# sign", "is expected to approve")
_FUTURE = frozenset({"will", "shall", "'ll"})
_PLANNED = frozenset({"expected", "due", "set", "plans", "planned", "going", "scheduled"})


def _not_yet(sa: Sent, m: int, sb: Sent, i: int) -> bool:
    """Is the source's word still to happen ("will decide after the recess", "is expected to
    sign") where the copy says it has not happened yet ("has not decided", "not yet signed")?
    Both say it is not done ("will not have" for "will have" is a flip)."""
    return (_future(sa, max(0, m - 3), m) or _pending(sa, max(0, m - 6), m)) and _undone(sb, i)


def _future(s: Sent, lo: int, hi: int) -> bool:
    """Do the words ``lo``..``hi`` put what follows in the future ("will", "is expected to")?"""
    before = [t.norm for t in s.toks[lo:hi]]
    return any(w in _FUTURE for w in before) or any(
        w == "to" and before[k - 1] in _PLANNED for k, w in enumerate(before) if k > 0)


def _pending(s: Sent, lo: int, hi: int) -> bool:
    """Do the words ``lo``..``hi`` say what follows is pending ("still waiting for the council
    to pay", "still processing", "awaiting")?"""
    before = [t.norm for t in s.toks[lo:hi]]
    return any(w in _PENDING for w in before) or any(
        before[k - 1] == "still" and (w.endswith("ing") or w == "being")
        for k, w in enumerate(before) if k > 0)


_PENDING = frozenset({"pending", "awaiting", "await", "awaits", "awaited", "outstanding"})


def _undone(s: Sent, i: int) -> bool:
    """Does the negation at ``i`` say a thing has not happened yet ("has not decided", "not
    yet", "has yet to")?"""
    return any(t.norm in {"has", "have", "had"} for t in s.toks[max(0, i - 2):i]) or (
        i + 1 < len(s.toks) and s.toks[i + 1].norm == "yet") or s.toks[i].norm == "yet"


def still_to_happen(sa: Sent, sb: Sent, at: int) -> bool:
    """Is the word that the copy's negation at offset ``at`` denies ("has not decided") one the
    source's sentence ``sa`` puts in the future ("will decide after Easter")? Both say it is
    not done."""
    i = _token_at(sb, at)
    k = _governed(sb, i) if i is not None else None
    if i is None or k is None:
        return False
    root = _root(sb.stems[k])
    return any(_root(st) == root and _not_yet(sa, m, sb, i) for m, st in enumerate(sa.stems))


def denies_in_other_words(s: Sent, other: Sent, at: int | None = None) -> bool:
    """Does the sentence deny with a verb that the ``other`` sentence does not use ("cancelled
    the tour", "rejected the offer", "ignored the warnings")? A "not" in the other's words may
    say the same ("will not complete her tour"); a "not" beside the very verb ("was not
    denied") flips it. So may a "not" the other adds beside the verb it keeps, of a word this
    sentence never states (the other's negation at offset ``at``: "was cancelled and did not go
    ahead" for "was cancelled")."""
    denying = [k for k, t in enumerate(s.toks) if t.norm in _DENYING_VERBS]
    if any(s.stems[k] not in other.stems for k in denying):
        return True
    i = _token_at(other, at)
    if not denying or i is None:
        return False
    denied = next((k for k in range(i + 1, min(len(other.toks), i + 4))
                   if is_content(other.toks[k].norm)), None)  # "go ahead": "ahead"
    return denied is not None and _root(other.stems[denied]) not in {_root(st) for st in s.stems}


def _root(stem: str) -> str:
    """"approve" and "approved" (stemmed "approv") as one word."""
    return stem[:-1] if stem.endswith("e") and len(stem) > 4 else stem


def _token_at(s: Sent, at: int | None) -> int | None:
    """The index of the sentence's word that starts at offset ``at``."""
    return next((j for j, t in enumerate(s.toks) if t.start == at), None)


def _uses(side: Side, root: str) -> list[tuple[Sent, bool]]:
    """Each use of the word in the text: its sentence, and whether a negation stands up to five
    words before it."""
    return [(s, any(negation_at(s, j) for j in range(max(0, k - 5), k)))
            for s in side.sents for k, st in enumerate(s.stems) if _root(st) == root]


def _denied_elsewhere(source: Side, root: str) -> bool:
    """Does the source deny the word somewhere ("has not been charged" three sentences on)?"""
    return any(denied for _, denied in _uses(source, root))


def denials(sb: Sent, region: list[Sent], source: Side) -> list[WordChange]:
    """The copy's sentence ``sb`` denies what its aligned source sentences (``region``) assert:
    its one verbal negation governs a word one source sentence states (or a listed synonym of
    it: "not apprehended" for "arrested"), in a source sentence that denies nothing in any
    words, and the source denies that word nowhere. A word no source sentence has is read
    through the sentence as a whole (``_restated_denial``). The reverse, a denial the copy
    drops, is read by ``dropped_denials``, more narrowly: a word the source denies comes back
    in a rewrite in roles that assert nothing ("demanding justice" for "will never get
    justice", "sweating" for "to say I haven't been sweating over it is an understatement")."""
    if is_question(sb):
        return []
    i = _cue(sb)
    k = _governed(sb, i) if i is not None else None
    if i is None or k is None:
        return []
    root = _root(sb.stems[k])
    if any(_root(st) == root for j, st in enumerate(sb.stems) if j != k):
        return []  # the sentence states the word too ("found the flight recorder, ... has
        # not been found"): it denies it of something else
    for sa in region:
        m = next((m for m, st in enumerate(sa.stems) if _root(st) == root), None)
        if m is None:
            m = next((m for m, t in enumerate(sa.toks) if is_content(t.norm)
                      and synonymous(t.norm, sb.toks[k].norm)), None)
        if m is None or is_question(sa):
            continue
        if not _plain(sa) or any(_denied_elsewhere(source, r)
                                 for r in {root, _root(sa.stems[m])}):
            return []
        if hedged_word(sa, m, sb, i) or _not_yet(sa, m, sb, i):
            return []
        cue, said = sb.toks[i], sa.toks[m]
        return [WordChange("negation", (cue.start, sb.toks[k].end), (said.start, said.end),
                           f"{DENIES} '{sb.toks[k].norm}' with '{cue.norm}' where its source "
                           f"sentence states '{said.norm}' without any denial")]
    return _restated_denial(sb, i, k, region, source)


def _restated_denial(sb: Sent, i: int, k: int, region: list[Sent],
                     source: Side) -> list[WordChange]:
    """The copy's sentence denies, in words of its own, what the one source sentence it
    restates (``_RESTATES``) asserts: "The plan has not curbed losses" for "Losses have been
    reduced by the plan". Only a finite verb's plain denial (``_FINITE``, ``_WIDENED``), against
    a source sentence that denies nothing in any words, whose text denies the word nowhere, in
    a clause that shares a word with it."""
    from wiretrace.embeddings import embed

    prev = sb.toks[i - 1].norm if i else ""
    if not (prev in _FINITE or sb.toks[i].norm.endswith("n't")):
        return []
    if sb.toks[k].norm in _WIDENED:
        return []
    if len(region) != 1 or is_question(region[0]) or not _plain(region[0]) or _denied_elsewhere(
            source, _root(sb.stems[k])) or any(
                t.norm in _SAYS_NOT and region[0].stems[j] not in sb.stems
                for j, t in enumerate(region[0].toks)):
        return []
    sa = region[0]
    if _undone(sb, i) and (_future(sa, 0, len(sa.toks)) or _pending(sa, 0, len(sa.toks))):
        return []  # "has yet to compensate them" for "will pay them next month"
    if not _clause_of(sb, i) & sa.content:
        return []  # "..., at which point she did not possess a valid ticket", "... and do not
        # need a doctor's visit": a clause of the copy's own, restating nothing of the source
    vecs = embed([sb.text[sb.span[0]:sb.span[1]], sa.text[sa.span[0]:sa.span[1]]])  # unit
    similarity = float(vecs[0] @ vecs[1])
    if similarity < _RESTATES:
        return []
    cue = sb.toks[i]
    return [WordChange("negation", (cue.start, sb.toks[k].end), sa.span,
                       f"{DENIES} '{sb.toks[k].norm}' with '{cue.norm}' in a sentence that "
                       f"restates its source sentence (similarity {similarity:.2f}), which "
                       f"denies nothing")]


# in the copy's sentence: a word that restricts what it asserts to some, where the source may
# deny it of the rest ("Paid streams alone will count" for "Free streams will not count")
_RESTRICTING = frozenset({"alone", "only", "solely", "exclusively", "just", "merely"})
# in the copy's sentence before its word: a condition, a question, a possibility or a wish,
# under which the word asserts nothing ("could be charged", "if approved", "hopes to win")
_UNASSERTED = _OPEN | _OBLIGED | frozenset({"to", "would", "should", "hope", "hopes", "hoped",
                                           "want", "wants", "wanted", "wish", "plan", "plans",
                                           "planned", "try", "tried", "expected", "likely",
                                           "reportedly", "allegedly", "without"})


def dropped_denials(sb: Sent, region: list[Sent], source: Side, copy: Side) -> list[WordChange]:
    """The copy's sentence ``sb`` asserts what the one source sentence it rewords denies: the
    source sentence's one verbal negation governs a word (``_cue``, ``_governed``: a plain
    denial, "was not charged"), the copy's sentence states that word in its own clause with
    another word of the source's clause beside it ("charged the man" for "has not charged the
    man"), and the copy's sentence denies, hedges or conditions nothing in any words. Neither
    text may say the other thing elsewhere: the source states the word without a denial in
    another sentence, or the copy denies it in one."""
    denying = [sa for sa in region if any(negation_at(sa, j) for j in range(len(sa.toks)))]
    if len(denying) != 1 or is_question(sb) or is_question(denying[0]):
        return []
    sa = denying[0]
    i = _cue(sa)
    k = _governed(sa, i) if i is not None else None
    if i is None or k is None or not _plain(sb) or any(
            t.norm in _SAYS_NOT or t.norm in _DENYING_VERBS for t in sb.toks):
        return []
    root = _root(sa.stems[k])
    m = next((m for m, st in enumerate(sb.stems) if _root(st) == root
              or same_verb(sb.toks[m].norm, sa.toks[k].norm)), None)
    if m is None or not _finite(sb, m) or any(
            t.norm in _UNASSERTED for t in sb.toks[max(0, m - 3):m]) or any(
            t.norm in _RESTRICTING for t in sb.toks):
        return []
    # who or what the source's clause denies it of, in the copy's clause before the word, and
    # another word of the source's clause after its word, in the copy's clause after its own
    subject = _clause_of(sa, i, "before")
    if (subject and not subject & _clause_of(sb, m, "before")) or not (
            _clause_of(sa, k, "after") & _clause_of(sb, m, "after")):
        return []
    if _denied_elsewhere(copy, root) or _asserted_elsewhere(source, root, sa):
        return []
    cue, word = sa.toks[i], sb.toks[m]
    return [WordChange("negation", (word.start, word.end), (cue.start, sa.toks[k].end),
                       f"{ASSERTS} '{word.norm}' where the source sentence it rewords denies "
                       f"it ('{sa.text[cue.start:sa.toks[k].end]}')")]


def _asserted_elsewhere(source: Side, root: str, but: Sent) -> bool:
    """Does the source state the word without a denial in a sentence other than ``but``?"""
    return any(s is not but and not denied for s, denied in _uses(source, root))


def _clause_of(s: Sent, i: int, part: str = "all") -> set[str]:
    """The content stems of the clause around the word at ``i`` (bounded by punctuation, a
    spaced dash or a joining word), the word itself aside; ``part`` "before" or "after" it
    only."""
    def broken(j: int) -> bool:
        return clause_break(s, j) or bool(re.search(r"\s[-\u2013]\s", s.text[
            s.toks[j].end:s.toks[j + 1].start]))

    lo, hi = i, i
    while part != "after" and lo > 0 and not broken(lo - 1) and s.toks[
            lo - 1].norm not in _CLAUSE_JOINS:
        lo -= 1
    while part != "before" and hi + 1 < len(s.toks) and not broken(hi) and s.toks[
            hi + 1].norm not in _CLAUSE_JOINS:
        hi += 1
    return {s.stems[j] for j in range(lo, hi + 1) if j != i and is_content(s.toks[j].norm)}


_BE = frozenset({"is", "are", "was", "were", "be", "been", "am"})
_AUXILIARY = _FINITE | _BE | frozenset({"should", "might", "may", "must"})
# before the word, words that make it no verb of its own ("the charged man", "of raised duty",
# "for approved schemes")
_NOT_A_SUBJECT = frozenset({"to", "of", "for", "from", "at", "by", "about", "without", "with",
                            "a", "an", "the", "his", "her", "their", "its", "our", "on", "in",
                            "into", "after", "before", "newly", "recently"})


def _finite(s: Sent, m: int) -> bool:
    """Could the word at ``m`` be a verb that asserts ("will run", "has charged", "Police
    charged", "credits count", "is bidding"), not a gerund or a noun ("balked at raising duty",
    "a charging decision", "of approved schemes")?"""
    j = m - 1
    while j >= 0 and (s.toks[j].norm.endswith("ly") or s.toks[j].norm in _ADVERBS):
        j -= 1
    prev = s.toks[j].norm if j >= 0 else ""
    word = s.toks[m].norm
    if _ing_form(word):
        return prev in _BE
    return prev in _AUXILIARY or (bool(prev) and prev not in _NOT_A_SUBJECT)


_ADVERBS = frozenset({"also", "now", "then", "already", "finally", "still", "indeed", "since",
                      "just", "once", "today", "again"})


def gerund_at(s: Sent, at: int) -> bool:
    """Is the copy's word at offset ``at`` a gerund that asserts nothing by itself ("balked at
    running", "steered clear of bidding"), where a dropped denial may be said in other words?"""
    m = _token_at(s, at)
    return m is not None and _ing_form(s.toks[m].norm) and not _finite(s, m)


def _ing_form(word: str) -> bool:
    """"running", "bidding" ("bring", "thing", "swing" are none: no vowel before the -ing)."""
    return word.endswith("ing") and bool(re.search(r"[aeiouy]", word[:-3]))


def _denied_in_own_verb(sa: Sent, i: int, sb: Sent) -> bool:
    """Does the copy deny what the source's denying verb at ``i`` denies with a denying verb
    of its own, one the source's sentence lacks, before what it denied ("on Wednesday
    rejected accusations that its soldiers" for "denied on Wednesday that its soldiers")?"""
    said = {t.norm for t in sa.toks}
    denied = set()
    for k in range(i + 1, len(sa.toks)):
        if is_content(sa.toks[k].norm):
            denied.add(sa.stems[k])
        if k + 1 < len(sa.toks) and clause_break(sa, k):
            break
    return any(t.norm in _DENYING_VERBS | _DISPUTES and t.norm not in said
               and denied & set(sb.stems[j + 1:j + 6]) for j, t in enumerate(sb.toks))


def said_otherwise(sa: Sent, sb: Sent, at: int) -> bool:
    """Is the source's denial at offset ``at`` ("did not attend the service") one the copy's
    sentence says with a verb of its own ("will miss the service", "rebuffed the offer",
    "sidestepped questions"): the word it denies is nowhere in the copy's sentence, neither
    itself nor a listed synonym? A copy that drops the denial keeps the word ("attended")."""
    i = _token_at(sa, at)
    if i is not None and sa.toks[i].norm in _DENYING_VERBS and _denied_in_own_verb(sa, i, sb):
        return True  # "rejected accusations that" for "denied that": one denial, in its own verb
    k = _governed(sa, i) if i is not None else None
    if k is None:
        return False
    root, word = _root(sa.stems[k]), sa.toks[k].norm
    return not any(_root(st) == root or same_verb(t.norm, word) or (
        is_content(t.norm) and synonymous(t.norm, word))
        for t, st in zip(sb.toks, sb.stems, strict=True))
