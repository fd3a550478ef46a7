"""Word-level changes between a copy's sentence and the source sentences it restates:
negation, modality, opposite words ("increase" for "decline") and swapped members of a closed set
("yellow and white" for "yellow and blue", "Thursday" for "Friday", "CEO" for "founder").

Each check anchors the cue to the words around it, so a cue in a part of the source sentence the
copy did not keep is not taken for a change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.normalise import reading_key
from wiretrace.claims.numbers import word_value
from wiretrace.claims.pairing import Sent, agent_root, is_content
from wiretrace.trace.sentences import zipf

__all__ = ["GOVERNING", "WordChange", "clause_break", "contrast_changes", "hedged_word",
           "implicitly_negative", "is_question", "modality_changes", "negated_before",
           "negated_word", "negation_at", "negation_changes", "orders_events",
           "polarity_changes", "same_duration", "vaguer_head", "vaguer_head_title"]

_NEG_SINGLE = frozenset({"not", "no", "never", "cannot", "nobody", "none", "nothing", "neither",
                         "nor", "without", "nowhere"})
_NEG_VERBS = frozenset({"denied", "denies", "deny"})
# denials that are more often adjectives or passives ("the disputed island", "is disputed by")
_DISPUTES = frozenset({"disputed", "disputes", "dispute", "refuted", "refutes", "refute"})
_NOT_ACTIVE = frozenset({"is", "was", "are", "were", "be", "been", "being", "the", "a", "an",
                         "its", "their", "his", "her", "hotly", "widely", "much", "long",
                         "bitterly", "fiercely", "heavily", "strongly"})
_NEG_PREFIX = ("failed", "fails", "refused", "refuses", "declined", "declines", "declining",
               "unable", "unwilling")


@dataclass(slots=True)
class WordChange:
    """A word the copy (``b``) changed against its source (``a``), with both spans.
    ``direction`` is "adds" or "drops" for a cue one side has and the other lacks (a negation,
    a hedge: ``_flips``), empty for other changes."""

    kind: str
    b_span: tuple[int, int]
    a_span: tuple[int, int]
    explanation: str
    direction: str = ""


# "not" before one of these and a "but" soon after corrects a phrase, it denies no claim
_CORRECTED = frozenset({"a", "an", "the", "one", "just", "merely", "simply", "because", "by",
                        "from", "for"})


def negation_at(s: Sent, i: int) -> bool:
    w = s.toks[i].norm
    if w == "no" and i + 1 < len(s.toks) and s.toks[i + 1].norm[:1].isdigit():
        return False  # "No. 1 Tar Heels": a rank, "number one"
    if w == "nor" and any(t.norm == "neither" for t in s.toks[max(0, i - 8):i]):
        return False  # "neither confirm nor deny": one negation in two words
    if w == "never" and i + 1 < len(s.toks) and s.toks[i + 1].norm == "before":
        return False  # "had never before approved": a first, the claim stands
    if w == "no" and i + 2 < len(s.toks) and s.toks[i + 1].norm in _COMPARED and s.toks[
            i + 2].norm == "than":
        return False  # "no fewer than 20", "no later than Friday": a bound, no denial
    after = " ".join(t.norm for t in s.toks[i + 1:i + 3])
    if (w in {"nothing", "none", "no"} and after in _AFFIRMING) or (
            w == "nothing" and after.startswith("but ")) or (
            (w.endswith("n't") or w in {"cannot", "not"}) and after.split(" ")[:1] == ["wait"]):
        return False  # "nothing short of extraordinary", "none other than", "can't wait to
        # meet": said with a negation, affirmed
    if w in _DISPUTES and 0 < i < len(s.toks) - 1 and s.toks[i - 1].norm not in _NOT_ACTIVE and (
            s.toks[i + 1].norm != "by"):
        return True  # "disputed striking the pupil": a denial ("the disputed island", "is
        # disputed by": an adjective, a passive)
    if w in _NEG_SINGLE or w.endswith("n't") or w in _NEG_VERBS:
        if w == "not" and i + 1 < len(s.toks) and (s.toks[i + 1].norm == "only" or (
                s.toks[i + 1].norm in _CORRECTED
                and any(t.norm == "but" for t in s.toks[i + 2:i + 7]))):
            return False  # "not only", "not one person, but a combination": a correction
        if (w == "not" and _idiom(s, i)) or _reminder(s, i) or _litotes(s, i):
            return False
        return True
    if w == "yet" and 0 < i < len(s.toks) - 1 and s.toks[i + 1].norm == "to" and s.toks[
            i - 1].norm in _BE_HAVE:
        return True  # "has yet to be determined": not yet
    return w in _NEG_PREFIX and i + 1 < len(s.toks) and s.toks[i + 1].norm == "to"


_AFFIRMING = frozenset({"short of", "less than", "other than"})
_COMPARED = frozenset({"fewer", "less", "more", "later", "earlier", "sooner", "longer",
                       "greater", "smaller"})
_BE_HAVE = frozenset({"is", "are", "was", "were", "has", "have", "had"})
_TIME_AFTER = frozenset({"after", "before", "ago"})


# figures of speech made with a denial, which assert something else than the denial of their
# verb: litotes ("did not mince words", "couldn't help but feel", "we're not joking", "he didn't
# stop there", "never hesitated to", "did not hold back", "did not shy away", "did not waste
# time", "didn't miss a beat", "without batting an eyelid", "did not go unnoticed") and idioms
# of a judgement ("did not sit well with": they objected; "do not come cheap": they are dear;
# "does not bode well"; "did not take kindly to")
_LITOTES = re.compile(
    r"\s+(?:(?:be|been|have|even|really)\s+)?(?:minc(?:e|ed|ing)\s+(?:his|her|their|its|my|our|"
    r"your|any)?\s*words|help\s+(?:but\b|\w+ing\b)|(?:joking|kidding)\b|stop\s+there\b|"
    r"hesitat(?:e|ed|ing)\s+to\b|hold(?:ing)?\s+back\b|sh(?:y|ied)\s+away\b|waste\s+(?:any\s+)?"
    r"time\b|miss\s+a\s+beat\b|bat(?:ting)?\s+an\s+(?:eye|eyelid)\b|go\s+unnoticed\b|"
    r"(?:sit|sat|go|went|come|came|bode|take|took)\s+(?:well|cheap|kindly|down\s+well)\b)",
    re.IGNORECASE)


def _litotes(s: Sent, i: int) -> bool:
    """Is the negation at ``i`` part of a figure of speech that asserts by denying (``_LITOTES``:
    "did not mince words", "couldn't help but feel")?"""
    return _LITOTES.match(s.text, s.toks[i].end, s.toks[i].end + 60) is not None


def _idiom(s: Sent, i: int) -> bool:
    """Is the "not" at ``i`` part of a phrase that denies no claim: "whether or not", "drinking
    or not," (either way), "not long after" (shortly after)?"""
    prev = s.toks[i - 1].norm if i else ""
    last = i + 1 >= len(s.toks) or clause_break(s, i)
    if prev == "or" and (last or (i >= 2 and s.toks[i - 2].norm == "whether")):
        return True
    return i + 2 < len(s.toks) and s.toks[i + 1].norm == "long" and s.toks[
        i + 2].norm in _TIME_AFTER


def _reminder(s: Sent, i: int) -> bool:
    """Is the negation at ``i`` a reminder that affirms what follows: "let's not forget the
    talented Sue Lee", "don't forget to vote", "not to mention the cost"?"""
    w, nxt = s.toks[i].norm, [t.norm for t in s.toks[i + 1:i + 3]]
    prev = s.toks[i - 1].norm if i else ""
    if nxt[:1] in (["forget"], ["overlook"]):
        return prev in {"let's", "lets", "us"} or (
            w in {"don't", "dont"} and _opens_clause(s, i)) or (
            w == "not" and prev == "do" and _opens_clause(s, i - 1))
    return w == "not" and nxt == ["to", "mention"] and _opens_clause(s, i)


def _opens_clause(s: Sent, j: int) -> bool:
    """Does the word at ``j`` open a clause ("Don't forget", "..., not to mention the cost";
    not "asked them not to mention the deal")?"""
    return j == 0 or clause_break(s, j - 1) or s.toks[j - 1].norm in _CLAUSE_JOINS


def _anchor_after(s: Sent, i: int, others: list[Sent], window: int = 3) -> list[str]:
    """Content stems after position ``i`` (within ``window`` content words) found in ``others``."""
    return _anchors(s, range(i + 1, len(s.toks)), others, window)


def _anchor_before(s: Sent, i: int, others: list[Sent], window: int = 2) -> list[str]:
    """Content stems before position ``i``, nearest first, as in ``_anchor_after``."""
    return _anchors(s, range(i - 1, -1, -1), others, window)


def _anchors(s: Sent, positions: range, others: list[Sent], window: int) -> list[str]:
    """Stems of the first ``window`` content words at ``positions`` that ``others`` contain,
    in the cue's own clause: "the man, who was not armed, had been shot" denies nothing of
    "shot" or "man"."""
    out: list[str] = []
    seen = 0
    aside = _aside_after(s, positions.start - 1) if positions.step == 1 else None
    for k in positions:
        if aside is not None and k <= aside:
            continue  # "did not, however, resign": the aside apart, "resign" is denied
        if clause_break(s, min(k, k - positions.step)) and not (aside is not None
                                                                and k == aside + 1):
            break
        if positions.step == -1 and s.toks[k + 1].norm in _CLAUSE_JOINS:
            break  # "given by the pharmacist and do not require a visit": the words before
            # the join are another clause's
        if not is_content(s.toks[k].norm):
            continue
        seen += 1
        if any(s.stems[k] in o.content for o in others):
            out.append(s.stems[k])
        if seen >= window:
            break
    return out


def _aside_after(s: Sent, i: int, longest: int = 6) -> int | None:
    """The last word of an aside set off by commas right after the word at ``i`` ("not,
    however, resign"; "not, as some reports claimed, used"), None when there is none."""
    if i + 1 >= len(s.toks) or not re.fullmatch(r"\s*,\s*", s.text[s.toks[i].end:s.toks[
            i + 1].start]):
        return None
    for j in range(i + 1, min(len(s.toks) - 1, i + 1 + longest)):
        if clause_break(s, j):
            return j if re.fullmatch(r"\s*,\s*", s.text[s.toks[j].end:s.toks[j + 1].start]) \
                else None
    return None


def _cue_after(s: Sent, k: int, test: object, window: int = 4) -> int | None:
    for j in range(k + 1, min(len(s.toks), k + window + 1)):
        if test(s, j):  # type: ignore[operator]
            return j
    return None


def _positions(s: Sent, st: str) -> list[int]:
    return [k for k, x in enumerate(s.stems) if x == st]


def _cue_before(s: Sent, k: int, test: object, window: int = 4) -> int | None:
    for j in range(k - 1, max(-1, k - window - 1), -1):
        if test(s, j):  # type: ignore[operator]
            return j
    return None


_NEG_PREFIX_RE = re.compile(r"^(?:un|in|im|il|ir|dis|non-?)(?=\w{3})")


def negated_word(x: str, y: str) -> bool:
    """One word is the other with a negating prefix: "unsafe" / "safe", "disagree" / "agree"."""
    for neg, plain in ((x, y), (y, x)):
        m = _NEG_PREFIX_RE.match(neg)
        if m and neg[m.end():] == plain:
            return True
    return False


# words that deny what they govern without a negation cue: "evading payment" is "not paying",
# "remained idle" is "has not posted"; adjectives denied by their prefix ("inactive", "unpaid")
# are read by ``_privative``
_IMPLICIT_NEGATION = frozenset({
    "avoid", "avoided", "avoiding", "avoids", "evade", "evaded", "evading", "evades", "dodge",
    "dodged", "dodging", "lack", "lacked", "lacking", "lacks", "absent", "refrain", "refrained",
    "skip", "skipped", "skipping", "omit", "omitted", "neglect", "neglected", "neglecting",
    "silent", "idle", "ceased", "halted", "stopped", "abstained", "barred", "prevented",
    "spared", "escaped", "little", "few", "hardly", "barely", "scarcely", "instead", "rather",
})
_PRIVATIVE = re.compile(
    r"un(?P<un>[a-z]{4,})|non-?(?P<non>[a-z]{4,})|"
    r"i[nmlr](?P<in>[a-z]{2,}(?:ive|ful|able|ible|ent|ant|al|ate|ect|ure|ite|ous))")


def _privative(word: str) -> bool:
    """An adjective made negative by its prefix ("ineffective", "inactive", "unpaid",
    "non-binding"): the stem after the prefix is itself a common word ("information" and
    "improve" are no "formation" and "prove" denied: "in-" counts only before an adjective's
    ending)."""
    m = _PRIVATIVE.fullmatch(word)
    if m is None:
        return False
    stem = m.group("un") or m.group("non") or m.group("in") or ""
    return len(stem) >= 5 - (m.group("un") is not None) and stem != "less" and zipf(stem) >= 3.0


def implicitly_negative(word: str) -> bool:
    """A word that denies without a negation cue ("evading", "little", "ineffective")."""
    return word in _IMPLICIT_NEGATION or _privative(word)


def _opposite_of_negated(src: Sent, i: int, other: Sent) -> bool:
    """The word a negation cue governs ("not attend") has its opposite in ``other`` ("absent",
    "unsupported" for "not supported"), or a word further on in its clause does ("not assessed
    as being at high risk" / "wrongly assessed as being at low risk"): the other sentence says
    the same thing without the cue."""
    poles = lexicon().poles
    clause = [k for k in range(i + 1, min(len(src.toks), i + 7))
              if is_content(src.toks[k].norm) and negated_in_clause(src, k)]
    if not clause:
        return False
    governed = clause[0]
    w = src.toks[governed].norm
    mine = {p for k in clause for p in poles.get(src.toks[k].norm, ())}
    own = {t.norm for t in src.toks}
    for t in other.toks:
        if t.norm in own:
            continue  # a word both sentences have stands for nothing dropped ("After a long
            # stretch ... is back" / "After a long stretch ... is not back")
        if negated_word(t.norm, w) or implicitly_negative(t.norm):
            return True
        if any((pair, 1 - side) in mine for pair, side in poles.get(t.norm, ())):
            return True
    return False


# a count of nothing denies as a cue does: "resettled zero refugees" / "not resettled any"
_ZERO = frozenset({"zero", "nil"})


# words that govern a clause or another verb: "did not expect to cut any jobs" is "expected
# to keep them", "do not think it was started deliberately" is "believe it was an accident"
GOVERNING = frozenset({"expect", "expected", "expects", "expecting", "think", "thought",
                       "thinks", "believe", "believed", "believes", "want", "wanted", "wants",
                       "plan", "planned", "plans", "intend", "intended", "intends", "hope",
                       "hoped", "hopes", "seem", "seemed", "seems", "appear", "appeared",
                       "appears", "say", "said", "says", "tell", "told", "know", "knew",
                       "known", "mean", "meant", "need", "needed", "wish", "wished", "like",
                       "feel", "felt", "see", "saw", "seen", "consider", "considered", "try",
                       "tried", "manage", "managed", "bother", "dare", "let", "make", "made",
                       "rule", "ruled"})
# before the source's word, words that leave it unasserted: a condition, a hope, a plan, an
# estimate ("would have been a first to have been presented", "estimated there was room for
# the train to fit"); the copy denies the same only where it keeps the same word before its cue
_HEDGES = frozenset({"would", "could", "might", "may", "should", "to", "estimated", "expected",
                     "hoped", "hoping", "planned", "planning", "plans", "thought", "believed",
                     "wanted", "intended", "aimed", "sought", "tried", "attempted", "likely",
                     "possible", "possibly", "perhaps", "due", "set", "seeking", "trying"})


def _same_governed(s: Sent, g: int, o: Sent) -> bool:
    """Does ``o`` have the governing verb at ``g`` of ``s`` with the same verb after its "to"
    ("said to be" in both)?"""
    if g + 2 >= len(s.toks):
        return False
    return any(o.stems[p] == s.stems[g] and o.stems[p + 2] == s.stems[g + 2]
               for p in range(len(o.toks) - 2))


def _governs_after(s: Sent, i: int) -> bool:
    """Is the word after ``i`` a verb that governs another ("expect to", "want to")?"""
    return i + 2 < len(s.toks) and s.toks[i + 1].norm in GOVERNING and s.toks[
        i + 2].norm in {"to", "that"}


def hedged_word(sa: Sent, m: int, sb: Sent, i: int, cue: int | None = None) -> bool:
    """Is the source's word at ``m`` hedged by a word that the copy lacks among its four words
    before ``i`` (the copy's cue, or the copy's same word with the cue at ``cue`` aside)?"""
    before = {t.norm for t in sa.toks[max(0, m - 4):m]} & _HEDGES
    own = [x for x in range(max(0, i - 5), i) if x != cue][-4:]
    return bool(before - {sb.toks[x].norm for x in own})


def _flips(b: Sent, region: list[Sent], test: Callable[[Sent, int], bool], kind: str,
           label: str) -> list[WordChange]:
    """Cues (``test``) present on one side before an anchor word and absent on the other."""
    out: list[WordChange] = []
    cues = {id(s): sum(1 for j in range(len(s.toks)) if test(s, j) or (
        test is negation_at and s.toks[j].norm in _ZERO)) for s in (b, *region)}
    for src, others, direction in ((b, region, "adds"), *((a, [b], "drops") for a in region)):
        for i in range(len(src.toks)):
            if not test(src, i):
                continue
            if test is negation_at and _partial(src, i, others):
                continue
            anchors = _anchor_after(src, i, others)
            after = True
            if not anchors:
                anchors = _anchor_before(src, i, others)
                after = False
            if not anchors:
                continue
            st = anchors[0]
            hits = [(o, k) for o in others for k in _positions(o, st)]
            if hits and src.stems.count(st) > max(o.stems.count(st) for o, _ in hits):
                continue  # "found the logbook; its radio has not been found" for "found the
                # logbook": the word is kept, and denied of something the other never names
            near = _cue_before if after else _cue_after
            if any(cues[id(o)] >= cues[id(src)] for o, _ in hits):
                continue  # the other sentence denies as often, in other words ("no refugees
                # have been resettled" / "have not resettled any refugees")
            if hits and test is negation_at and all(_opposite_of_negated(src, i, o) for o in {
                    id(o): o for o, _ in hits}.values()):
                continue
            if hits and all(near(o, k, test) is None for o, k in hits):
                o, k = hits[0]
                mine = next((p for p in _positions(src, st) if p > i), i)
                if direction == "adds" and test is negation_at and all(
                        hedged_word(o, k, src, mine, cue=i) for o, k in hits):
                    continue  # "did not use the channel first, as it had hoped" for "had
                    # hoped its boat would be the first to use the channel": only a hope
                if (_governs_after(src, i) or _governs_after(o, k - 1)) and not _same_governed(
                        src, i + 1, o):
                    continue  # "did not expect to cut any jobs" for "expected to keep all
                    # jobs": the denial is of the governed verb, said another way (not "are not
                    # said to be among" for "are said to be among": the same verb governed)
                cue = src.toks[i]
                other_tok = o.toks[k]
                if direction == "adds":
                    out.append(WordChange(kind, (cue.start, cue.end), (other_tok.start,
                               other_tok.end), f"the copy adds the {label} '{cue.norm}' near "
                               f"'{other_tok.norm}', which the source states without it",
                               direction))
                else:
                    out.append(WordChange(kind, (other_tok.start, other_tok.end), (cue.start,
                               cue.end), f"the copy drops the {label} '{cue.norm}' the source "
                               f"puts near '{other_tok.norm}'", direction))
    return out


def is_question(s: Sent) -> bool:
    """Does the sentence ask (its last mark a question mark, quotes apart)?"""
    return s.text[s.span[0]:s.span[1]].rstrip().rstrip("\"”’'").endswith("?")


# after a negation: a partial denial ("not always", "not fully"), no denial of the claim
_PARTIAL = frozenset({"always", "necessarily", "fully", "entirely", "completely", "quite",
                      "exactly", "all", "every", "everyone", "everything"})
# before a negation: a part of a group ("some residents did not flee" / "most fled")
_SOME = frozenset({"some", "several", "few", "many", "most", "others"})


_UNTIL = frozenset({"until", "till"})


def _partial(s: Sent, i: int, others: list[Sent]) -> bool:
    """Does the negation at ``i`` deny only in part, in words the other sentences lack: a
    qualifier after it ("did not always flee" / "fled"), a time it waits for ("not until
    January") or a last time ("not seen since Friday" / "last seen on Friday"), or a part of a
    group before it ("some did not flee")? ("were not all killed" for "were all killed" denies
    the whole claim.)"""
    theirs = {t.norm for o in others for t in o.toks}
    if i + 1 < len(s.toks) and s.toks[i + 1].norm in _PARTIAL - theirs:
        return True
    if "without" not in theirs and ("not", "without") in (
            tuple(t.norm for t in s.toks[i:i + 2]), tuple(t.norm for t in s.toks[i - 1:i + 1])):
        return True  # "not without controversy" for "controversial": two denials, none (and
        # "was not without power" for "was without power" still flips)
    for j in range(i + 1, min(len(s.toks), i + 8)):
        if s.toks[j].norm in _UNTIL - theirs:
            return True  # "will not take place until January" / "in January": a time it
            # waits for, the event stands
        if s.toks[j].norm == "since" and "last" in theirs and "since" not in theirs:
            return True  # "has not been seen since Friday" / "was last seen on Friday": the
            # last time, said the other way
        if j + 1 < len(s.toks) and clause_break(s, j):
            break
    return any(t.norm in _SOME - theirs for t in s.toks[:i])


def negation_changes(b: Sent, region: list[Sent]) -> list[WordChange]:
    if is_question(b) or any(is_question(a) for a in region):
        return []  # "Did the board not approve the plan?" asks, it denies nothing
    return _flips(b, region, negation_at, "negation", "negation")


def _modal_level(s: Sent, i: int) -> str | None:
    return lexicon().modality.get(s.toks[i].norm)


def modality_changes(b: Sent, region: list[Sent], b_text: str, a_text: str) -> list[WordChange]:
    """Certainty changed at the same place: "believed to have" -> "confirmed to have"."""
    out: list[WordChange] = []
    for i, tok in enumerate(b.toks):
        if b_text[tok.start:tok.end] == "May":
            continue
        level = _modal_level(b, i)
        if level is None:
            continue
        anchors = _anchor_after(b, i, region)
        if not anchors:
            continue
        for o in region:
            if any(t.norm == tok.norm for t in o.toks):
                continue  # the source has this very word ("if it is confirmed"): not the change
            for k in _positions(o, anchors[0]):
                j = _cue_before(o, k, lambda s, x: _modal_level(s, x) is not None)
                if j is None:
                    continue
                other = _modal_level(o, j)
                if other and other != level and "possible" in {level, other}:
                    out.append(WordChange(
                        "modality", (tok.start, tok.end), (o.toks[j].start, o.toks[j].end),
                        f"'{b_text[tok.start:tok.end]}' ({level}) where the source says "
                        f"'{a_text[o.toks[j].start:o.toks[j].end]}' ({other})",
                    ))
                    return out
    return out


_MAY = frozenset({"could", "may", "might"})
# words before a "will" that make it a forecast, a fear or a hope, not a certainty, beside the
# cues of modality.txt ("expected", "believes"), which ``_hedges`` reads (not "warned": "warned
# that prices will cut margins" still tells it as certain)
_HEDGING = frozenset({"expect", "expecting", "fear", "fears", "feared", "hope", "hopes", "hoped",
                      "hoping", "predict", "predicts", "predicted", "forecast", "forecasts",
                      "anticipate", "anticipates", "anticipated", "think", "thinks", "thought",
                      "worry", "worries", "worried", "possible", "possibility", "chance",
                      "chances", "risk", "unclear", "uncertain", "whether", "unlikely", "doubt",
                      "doubts", "concern", "concerns", "concerned"})


def future_changes(b: Sent, region: list[Sent], b_text: str, a_text: str) -> list[WordChange]:
    """A certainty changed, modal for modal before one verb, either way: "tariffs will cost the
    group" for "tariffs could cost the group" (``_told_certain``), or "the firm may invest" for
    "the firm will invest", read the same way from the source's side."""
    told = _told_certain(b, region, b_text, a_text)
    if told:
        return told
    for o in region:
        for wc in _told_certain(o, [b], a_text, b_text):
            certain, possible = a_text[slice(*wc.b_span)], b_text[slice(*wc.a_span)]
            warned = any(t.norm.startswith("warn") and t.start < wc.a_span[0] for t in b.toks)
            if warned or reading_key(possible) in reading_key(a_text) or not _same_after(
                    a_text, wc.b_span[1], b_text, wc.a_span[1]):
                continue  # a warning, told as one ("warned the plant could close" for "...
                # will close"); the source says "may invest" too (of more, of another); or the
                # verb goes on to another thing ("trucks could use only the old bridge" /
                # "will use the new bridge": a past ability, another claim)
            return [WordChange(
                "modality", wc.a_span, wc.b_span,
                f"'{possible}' (possible) where the source says '{certain}' (certain)")]
    return []


def _same_after(a_text: str, a_end: int, b_text: str, b_end: int) -> bool:
    """Do both texts go on with the same next word after the verb (or both end there)?"""
    def nxt(text: str, end: int) -> str:
        m = re.match(r"\s*([\w'’-]+|[.;:!?])", text[end:])
        return m.group(1).lower() if m else "."
    return nxt(a_text, a_end) == nxt(b_text, b_end)


def _told_certain(b: Sent, region: list[Sent], b_text: str, a_text: str) -> list[WordChange]:
    """A possibility told as a certainty, modal for modal before one verb: "tariffs will cost
    the group" for "tariffs could cost the group". Not where either sentence hedges in other
    words ("it was likely that the bird could feed" / "it is likely that it will feed"): "will"
    is everywhere, so only the bare swap of the modal counts. A hedge both sentences keep word
    for word ("a task that could take days") is no other wording."""
    if any(t.norm in {"if", "unless"} for t in b.toks):
        return []  # a condition ("will rise if the rain continues")
    for i in range(len(b.toks) - 1):
        if b.toks[i].norm != "will":
            continue
        lo = _own_that_clause(b, i)
        if _hedges(b, lo, i) or any(t.norm in _HEDGING for t in b.toks[lo:i]) or (
                lo and any(t.norm in _HEDGING and b.toks[k + 1].norm == "that"
                           for k, t in enumerate(b.toks[:lo]))):
            return []  # "it is likely that it will feed", "forecasters expect the storm will
            # reach", "there are fears the dam will burst": the "will" is hedged (not by
            # "gusts were expected through Sunday and that the fire will reach": another
            # clause's)
        b_hedges = _hedges(b, i + 1)
        for o in region:
            if any(t.norm == "will" for t in o.toks):
                continue  # the source says "will" itself
            for j in range(len(o.toks) - 1):
                if o.toks[j].norm not in _MAY:
                    continue
                o_hedges = _hedges(o, _own_that_clause(o, j))
                if b_hedges - o_hedges or any(w not in _MAY for w, _ in o_hedges - b_hedges):
                    continue  # the copy hedges in words of its own, or the source in other
                    # words (in the modal's own clause)
                # the verb after the modal, or after "not" on both sides ("will not reach" for
                # "may not reach"), is the same; never "be" or "have" alone
                k = 2 if (o.toks[j + 1].norm == b.toks[i + 1].norm == "not"
                          and j + 2 < len(o.toks) and i + 2 < len(b.toks)) else 1
                if o.stems[j + k] == b.stems[i + k] and (
                        o.toks[j + k].norm not in ("not", "be", "have")):
                    bt, at = b.toks[i], o.toks[j]
                    bend, aend = b.toks[i + k].end, o.toks[j + k].end
                    return [WordChange(
                        "modality", (bt.start, bend), (at.start, aend),
                        f"'{b_text[bt.start:bend]}' (certain) where the source says "
                        f"'{a_text[at.start:aend]}' (possible)")]
    return []


def _own_that_clause(s: Sent, i: int) -> int:
    """Where the that-clause holding word ``i`` starts when it is joined to another ("said
    gusts were expected and that the fire will reach": at "that"), else 0."""
    for k in range(i - 1, 0, -1):
        if s.toks[k].norm == "that" and s.toks[k - 1].norm in {"and", "but", "or"}:
            return k
    return 0


def _hedges(s: Sent, lo: int = 0, hi: int | None = None) -> set[tuple[str, str]]:
    """The sentence's hedges and modals (of its words ``lo`` to ``hi``), each with the word after
    it ("could", "take")."""
    return {(s.toks[k].norm, s.stems[k + 1] if k + 1 < len(s.toks) else "")
            for k in range(lo, len(s.toks) if hi is None else hi) if _modal_level(s, k)}


def _adjacent(s: Sent, i: int, window: int = 3) -> tuple[str | None, str | None]:
    """The nearest content word on each side of word ``i`` (within ``window`` words)."""
    left = next((s.stems[k] for k in range(i - 1, max(-1, i - window - 1), -1)
                 if is_content(s.toks[k].norm)), None)
    right = next((s.stems[k] for k in range(i + 1, min(len(s.toks), i + window + 1))
                  if is_content(s.toks[k].norm)), None)
    return left, right


_DATE_GROUPS = frozenset({"weekday", "month", "quarter"})


def _same_slot(b: Sent, i: int, o: Sent, k: int) -> bool:
    """Two words in the same place: a neighbouring content word agrees ("fell sharply" /
    "rose sharply"); "before dawn" and "after the flames" share no slot."""
    bl, br = _adjacent(b, i)
    ol, or_ = _adjacent(o, k)
    return (bl is not None and bl == ol) or (br is not None and br == or_)


def _context(s: Sent, i: int, width: int = 6) -> set[str]:
    lo, hi = max(0, i - width), min(len(s.toks), i + width + 1)
    return {s.stems[k] for k in range(lo, hi) if k != i and is_content(s.toks[k].norm)}


_PARTICLES = frozenset({"up", "down", "off", "out"})


def _phrasal(s: Sent, i: int) -> bool:
    """Is word ``i`` part of a phrasal verb, where it has another sense: a particle after a verb
    that is not itself a pole ("tied up", "is down to"), or a verb before a particle ("cut down",
    "stand up")? "went up" / "went down" keep the same verb and stay comparable."""
    w = s.toks[i].norm
    if i + 1 < len(s.toks) and s.toks[i + 1].norm in _PARTICLES and w not in _PARTICLES:
        return True
    if w in _PARTICLES and i > 0:
        before = s.toks[i - 1].norm
        return before not in _MOTION and not lexicon().poles.get(before)
    return False


# verbs of plain motion a particle gives a direction to: "went up" / "went down"
_MOTION = frozenset({"went", "go", "goes", "gone", "going", "was", "were", "is", "are", "be",
                     "been", "move", "moved", "moves", "moving", "came", "come", "comes"})


def _kept_in_other_form(stem: str, words: set[str]) -> bool:
    """A word of ``words`` made from ``stem`` with a suffix ("resign" → "resignation",
    "arrest" → "arrests")."""
    return len(stem) >= 5 and any(w.startswith(stem) and w != stem for w in words)


def _groups_in(s: Sent, group_of: dict[str, tuple[Any, ...]]) -> set[Any]:
    """The groups of a sentence's words, a word not listed read by its stem too ("closing"
    as "close")."""
    out: set[Any] = set()
    for k, t in enumerate(s.toks):
        st = s.stems[k]
        out.update(group_of.get(t.norm) or group_of.get(st) or group_of.get(st + "e") or ())
    return out


def _word_swaps(b: Sent, region: list[Sent], group_of: dict[str, tuple[Any, ...]],
                opposite: bool) -> list[tuple[int, Sent, int]]:
    """Pairs (b index, a sentence, a index): two members of one closed set, or (``opposite``)
    words of opposite poles, used at the same place (they share a neighbouring word)."""
    region_words = {t.norm for o in region for t in o.toks}
    region_stems = {st for o in region for st in o.stems}
    b_words = {t.norm for t in b.toks} | set(b.stems)
    b_groups = _groups_in(b, group_of)
    out: list[tuple[int, Sent, int]] = []
    for i, t in enumerate(b.toks):
        groups = group_of.get(t.norm)
        if not groups or t.norm in region_words or b.stems[i] in region_stems:
            continue
        ctx = _context(b, i)
        found = False
        for o in region:
            o_groups = _groups_in(o, group_of)
            for k, u in enumerate(o.toks):
                h = group_of.get(u.norm)
                if not h or u.norm in b_words or o.stems[k] in b_words:
                    continue
                if opposite and _kept_in_other_form(o.stems[k], b_words):
                    continue  # "named captain after Cook resigned" / "appointed captain
                    # following Cook's resignation": the word is kept, as a noun
                if opposite:
                    # the source's word is no flip where its sentence also has the copy's
                    # pole ("reopened ... after closing it" / "had been shut"), nor where the
                    # copy says it too, in its own word ("Exports climbed ..., while imports
                    # fell" for "Exports rose ... Imports fell"; "will start in October and
                    # finish in 2027" for "will begin in October")
                    match = any((p, 1 - side) in h and (p, side) not in o_groups
                                and (p, 1 - side) not in b_groups for p, side in groups)
                else:
                    match = bool(set(groups) & set(h))
                # a function word ("before", "after") or a date word ("Friday", "May") must
                # stand in the same slot ("police said Saturday" and "opened fire Friday" date
                # two events); a content word ("rose", "fell") needs only a neighbour nearby
                slotted = not is_content(t.norm) or any(
                    g in _DATE_GROUPS for g in groups if isinstance(g, str))
                anchored = (_same_slot(b, i, o, k) if slotted
                            else bool(ctx & _context(o, k)))
                if opposite and (_phrasal(b, i) or _phrasal(o, k)):
                    anchored = False  # "tied up in" / "down to", "cut down" / "rise"
                if match and anchored:
                    out.append((i, o, k))
                    found = True
                    break
            if found:
                break
    return out


def denies(s: Sent) -> bool:
    """Does the sentence carry a negation cue anywhere ("have not resettled any", "failed to
    resettle any")? A count of zero it sits beside says the same thing."""
    return any(negation_at(s, k) for k in range(len(s.toks)))


def negated_before(s: Sent, i: int, window: int = 3) -> bool:
    """Is the word at ``i`` negated by a cue among the ``window`` words before it ("would not
    attend", "is not supported")?"""
    return any(negation_at(s, j) for j in range(max(0, i - window), i))


_CLAUSE_JOINS = frozenset({"and", "but", "while", "although", "though", "because", "whereas",
                           "yet"})


def clause_break(s: Sent, j: int) -> bool:
    """Does a clause end between the words ``j`` and ``j + 1`` (a comma, a semicolon, a colon,
    a bracket, a dash)?"""
    return bool(re.search(r"[,;:()\u2014]", s.text[s.toks[j].end:s.toks[j + 1].start]))


def negated_in_clause(s: Sent, i: int, window: int = 6) -> bool:
    """Is the word at ``i`` under a negation cue up to ``window`` words back in its own clause
    ("was not identified as being at high risk"), not past a comma or a joining word?"""
    for j in range(i - 1, max(-1, i - window - 1), -1):
        if clause_break(s, j):
            return False
        if negation_at(s, j):
            return True
        if s.toks[j].norm in _CLAUSE_JOINS:
            return False
    return False


# nouns that stop or deny what follows "of": "a cessation of hostilities" is a ceasefire
_ENDING_NOUNS = frozenset({"cessation", "end", "ending", "halt", "absence", "lack", "suspension",
                           "stop", "freeze", "abandonment"})


def denied_at(s: Sent, i: int) -> bool:
    """Is the word at ``i`` denied: negated ("would not attend"), or the object of a noun that
    stops it ("a cessation of hostilities", "an end to the fighting")? Both deny nothing ("no
    end to the fighting")."""
    return negated_before(s, i) != _stopped(s, i)


def _stopped(s: Sent, i: int) -> bool:
    j = i - 1
    while j >= 0 and s.toks[j].norm in {"the", "all", "further", "its", "their"}:
        j -= 1
    return (j >= 1 and s.toks[j].norm in {"of", "to"}
            and s.toks[j - 1].norm in _ENDING_NOUNS)


def polarity_changes(b: Sent, region: list[Sent]) -> list[WordChange]:
    poles = lexicon().poles
    out: list[WordChange] = []
    for i, o, k in _word_swaps(b, region, dict(poles), opposite=True):
        if denied_at(b, i) != denied_at(o, k):
            continue  # "would be absent" for "would not attend", "a ceasefire" for "a cessation
            # of hostilities": the opposite word, denied
        if negated_in_clause(b, i) != negated_in_clause(o, k):
            continue  # "incorrectly identified as being at low risk" for "not identified as
            # being at high risk": the opposite word under a denial further back in its clause
        if orders_events(b, i) != orders_events(o, k):
            continue  # "began in Olney before becoming captain" / "... and later captained":
            # one order of two events, told with a conjunction or with an adverb
        if orders_events(b, i) and _told_from_the_other(b, i, o, k):
            continue  # "The mayor resigned two days before the vote" / "The vote comes two
            # days after the mayor resigned": one order, told from either event
        if _bound(b, i) != _bound(o, k):
            continue  # "more than 40" for "at least 40": a bound, read by the figures (two
            # bounds are compared: "no less than" for "no more than" turns it round)
        shared = {p for p, _ in poles[b.toks[i].norm]} & {p for p, _ in poles[o.toks[k].norm]}
        if shared & _contest() and _passive(b, i) != _passive(o, k) and _same_other_side(
                b, i, o, k):
            continue  # "were defeated 3-1 by Kelvira" for "lost 3-1 to Kelvira": the other
            # side of one contest, told in the passive (not "was convicted by a court" for
            # "a court acquitted": the verdict, whoever gives it)
        kind = next((lexicon().pole_kind[p] for p in shared if p in lexicon().pole_kind),
                    "negation")
        if kind == "actor" and (_possessive(b, i) or _possessive(o, k)) and (
                b.toks[i].norm in _PRONOUNS) != (o.toks[k].norm in _PRONOUNS):
            continue  # "saw a woman fleeing" for "looked out his window and saw someone
            # fleeing": the owner of a thing is not the person the noun names ("He was
            # arrested" / "A woman was arrested" is a swap)
        out.append(WordChange(kind, (b.toks[i].start, b.toks[i].end),
                              (o.toks[k].start, o.toks[k].end),
                              f"'{b.toks[i].norm}' where the source says the opposite, "
                              f"'{o.toks[k].norm}'"))
    return out


# the pronouns of each sex, by its possessive. A possessive set against a noun of the other sex
# ("his window" / "a woman") need not name the same person; pronouns against each other ("he"
# / "she") are the swap they look like
_OWNER = {"his": frozenset({"he", "his", "him", "himself"}),
          "her": frozenset({"she", "her", "hers", "herself"})}
_PRONOUNS = frozenset().union(*_OWNER.values())


def _possessive(s: Sent, i: int) -> bool:
    """Is the word at ``i`` a possessive whose owner the sentence has already named ("He
    looked out his window", "She sold her car")? Not an object ("arrested her outside")."""
    own = _OWNER.get(s.toks[i].norm)
    return own is not None and i + 1 < len(s.toks) and is_content(s.toks[i + 1].norm) and any(
        t.norm in own for t in s.toks[:i])


def orders_events(s: Sent, i: int) -> bool:
    """A word that orders one event against another it names: "before" or "after" with what
    follows in its clause ("before becoming captain", "two days before police arrived",
    "after the vote"), "prior to", "following" a noun ("following the vote", not "the
    following day"). "later" or "earlier", or "before" ending its clause ("had never met
    before"), dates one event against a time told elsewhere: "left two days before police
    arrived" and "police arrived two days later" are one order, told from either event."""
    w = s.toks[i].norm
    if i + 1 >= len(s.toks) or clause_break(s, i):
        return False
    nxt = s.toks[i + 1].norm
    if w == "prior":
        return nxt == "to"
    if w == "following":
        return i == 0 or s.toks[i - 1].norm not in {"the", "a", "an", "this", "that"}
    return w in {"before", "after"}


# a time unit's length in days
_DAYS = {"second": 1 / 86_400, "minute": 1 / 1_440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
         "fortnight": 14.0, "month": 365.25 / 12, "year": 365.25, "decade": 3_652.5,
         "century": 36_525.0, "centurie": 36_525.0}


def duration_at(s: Sent, i: int) -> float | None:
    """The length in days of a time unit at ``i`` told with its number right before it ("70
    years", "a 70-year history", "seven decades", "a decade"), or None."""
    w = s.toks[i].norm
    unit = w if w in _DAYS else w[:-1] if w.endswith("s") and w[:-1] in _DAYS else None
    if unit is None or i == 0:
        return None
    n = word_value(s.toks[i - 1].norm)
    return None if n is None else n * _DAYS[unit]


def same_duration(b: Sent, i: int, o: Sent, k: int) -> bool:
    """"seven-decade history" / "70-year history", "in ten years" / "in a decade": one length
    of time in other units."""
    x, y = duration_at(b, i), duration_at(o, k)
    return x is not None and y is not None and abs(x - y) <= 0.02 * max(x, y)


def _contest() -> set[Any]:
    """The poles of winning and losing ("beat", "defeated" / "lost")."""
    return {p for p, _ in lexicon().poles.get("defeated", ())}


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"})


def _passive(s: Sent, i: int) -> bool:
    """Is the word at ``i`` a passive with its doer named ("were defeated 3-1 by", "was
    beaten by")?"""
    return (any(t.norm in _BE for t in s.toks[max(0, i - 2):i])
            and any(t.norm == "by" for t in s.toks[i + 1:i + 5]))


def _same_other_side(b: Sent, i: int, o: Sent, k: int) -> bool:
    """Do both sentences name the same other side right after the word ("were defeated by
    Kelvira" / "lost to Kelvira"), names and figures within five words?"""
    def after(s: Sent, j: int) -> set[str]:
        return {s.stems[m] for m in range(j + 1, min(len(s.toks), j + 6))
                if s.text_of(m)[:1].isupper()}
    return bool(after(b, i) & after(o, k))


def _bound(s: Sent, i: int) -> bool:
    """A figure's bound, no pole of its own: "least" or "most" of "at least" / "at most", and
    "less", "fewer" or "more" of "no less than" / "no more than"."""
    w, before = s.toks[i].norm, s.toks[i - 1].norm if i > 0 else ""
    if w in {"least", "most"}:
        return before == "at"
    return (w in {"less", "fewer", "more"} and before == "no" and i + 1 < len(s.toks)
            and s.toks[i + 1].norm == "than")


def _event_words(s: Sent, i: int) -> tuple[set[str], set[str]]:
    """The content words of the event an order word at ``i`` names (after it, in its clause)
    and of the rest of its sentence before it."""
    after: set[str] = set()
    for k in range(i + 1, len(s.toks)):
        if is_content(s.toks[k].norm):
            after.add(s.stems[k])
        if k + 1 < len(s.toks) and clause_break(s, k):
            break
    before = {s.stems[k] for k in range(i) if is_content(s.toks[k].norm)}
    return after, before


def _told_from_the_other(b: Sent, i: int, o: Sent, k: int) -> bool:
    """Do two sentences order the same two events from either side: the event one names after
    its order word the other tells before its own, and the other way round, with no event
    named after the word in both ("A two days after B" / "B two days before A")?"""
    b_after, b_before = _event_words(b, i)
    o_after, o_before = _event_words(o, k)
    return bool(b_after & o_before) and bool(o_after & b_before) and not (b_after & o_after)


# the words for whoever heads a body, whatever the office is called: a copy that calls a
# governor "chief" or "head" tells the role more vaguely
HEAD_WORDS = frozenset({"chief", "head", "boss", "leader"})
_SECOND = frozenset({"deputy", "vice", "lieutenant", "assistant", "acting", "under", "associate"})


_HEAD_BEFORE_NAME = re.compile(r"\b(?i:chief|head|boss|leader)\s+[A-Z]")
_SECOND_WORD = re.compile(r"\b(?:" + "|".join(sorted(_SECOND)) + r")\b", re.IGNORECASE)


def vaguer_head_title(copy_mention: str, source_mention: str) -> bool:
    """``vaguer_head`` read off two mentions of one person ("Central bank chief Elin Strand" /
    "Governor Elin Strand")."""
    return bool(_HEAD_BEFORE_NAME.search(copy_mention)) and not _SECOND_WORD.search(
        source_mention)


def vaguer_head(b: Sent, i: int, o: Sent, k: int) -> bool:
    """Is the copy's word at ``i`` a bare head word right before a name ("Central bank chief
    Elin Strand") where the source gives the office of the head (``k``: "Governor Elin
    Strand"), not a second in command ("Deputy Director") nor an office of its own ("Chief of
    staff", "chief executive")?"""
    return (b.toks[i].norm in HEAD_WORDS and i + 1 < len(b.toks)
            and b.text_of(i + 1)[:1].isupper()
            and not any(t.norm in _SECOND for t in o.toks[max(0, k - 2):k + 1]))

_CONTRAST_KIND = {"weekday": "figure", "month": "figure", "time_unit": "figure",
                  "ordinal": "figure", "quarter": "figure", "direction": "place",
                  "direction_adjective": "place",
                  "crime": "scope", "color": "scope", "orientation": "actor"}


def _full_date_after(s: Sent, i: int) -> bool:
    """A weekday followed by its full date ("Monday, March 11, 2013", "Wednesday, July 28"):
    a dateline or time stamp, which dates the page, not the event the sentence tells."""
    lex = lexicon()
    nxt = [t.norm for t in s.toks[i + 1:i + 4]]
    return (lex.contrast.get(s.toks[i].norm) == "weekday"
            and any(lex.contrast.get(w) == "month" for w in nxt[:2])
            and any(w[:1].isdigit() for w in nxt))


def _joined_in(x: Sent, i: int, y: Sent, k: int) -> bool:
    """Is word ``i`` of ``x`` word ``k`` of ``y`` with its neighbour, written as one?"""
    w = x.toks[i].norm
    return (k + 1 < len(y.toks) and y.toks[k].norm + y.toks[k + 1].norm == w) or (
        k > 0 and y.toks[k - 1].norm + y.toks[k].norm == w)


def contrast_changes(b: Sent, region: list[Sent]) -> list[WordChange]:
    lex = lexicon()
    groups: dict[str, tuple[Any, ...]] = {w: (g,) for w, g in lex.contrast.items()}
    groups.update({t: ("title:" + g,) for t, g in lex.titles.items() if " " not in t})
    out: list[WordChange] = []
    for i, o, k in _word_swaps(b, region, groups, opposite=False):
        if _full_date_after(b, i) or _full_date_after(o, k):
            continue
        if _joined_in(b, i, o, k) or _joined_in(o, k, b, i):
            continue  # "southwest" / "south west": one word written together or apart
        if same_duration(b, i, o, k):
            continue  # "seven-decade history" for "70-year history"
        g = str(groups[b.toks[i].norm][0])
        if g.startswith("title:") and vaguer_head(b, i, o, k):
            continue  # "Central bank chief" for "Central bank Governor"
        syn = lex.synonyms
        if set(syn.get(b.stems[i], ())) & set(syn.get(o.stems[k], ())):
            continue  # "his attorney" / "his lawyer": one role in two words
        if g.startswith("title:") and (
                (k > 0 and agent_root(o.toks[k - 1].norm) == agent_root(b.toks[i].norm))
                or (i > 0 and agent_root(b.toks[i - 1].norm) == agent_root(o.toks[k].norm))):
            continue  # "Commander" / "commanding officer": the role told in one word
        kind = "title" if g.startswith("title:") else _CONTRAST_KIND.get(g, "scope")
        out.append(WordChange(kind, (b.toks[i].start, b.toks[i].end),
                              (o.toks[k].start, o.toks[k].end),
                              f"'{b.toks[i].norm}' where the source says '{o.toks[k].norm}' "
                              f"({g.removeprefix('title:').replace('_', ' ')})"))
    return out
