"""Who did what to whom: the doer and the one done to, swapped.

A rewrite can keep both names of a sentence and still turn it round: "Molina defeated Rojas" for
"Rojas defeated Molina", "the bank was bought by Nordfin" for "the bank bought Nordfin". No name
is new, so the name checks see nothing. Here a source sentence's relation ``doer -verb-> done
to`` is read for verbs whose two sides cannot be swapped (winning, harming, suing, replacing,
buying, hiring, blaming), in the active voice ("X defeated Y"), the passive ("Y was defeated by
X") and the converse ("Y lost to X"); the copy's aligned sentence that tells the same relation
with the two names the other way round has changed who did it.

Both names must be the sentence's own (a name right before the verb, a name right after it, at
most an apposition or three words between), and the two must be two people or bodies (not one
name told twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wiretrace.claims.pairing import Sent
from wiretrace.model import Claim

__all__ = ["Relation", "relations", "role_swaps", "source_relations"]

# relation → verb stems; a verb of the relation in any inflection ("defeat", "defeated",
# "defeats", "defeating"; "beat", "beaten"; "bought")
_RELATIONS: dict[str, tuple[str, ...]] = {
    "defeat": ("defeat", "beat", "beaten", "edged", "edge", "oust", "unseat", "topple",
               "overthrow", "overthrew", "trounce", "outvote", "eliminate", "knock out",
               "knocked out", "overcome", "overcame"),
    "harm": ("kill", "shot", "shoot", "stab", "attack", "assault", "murder", "injure", "wound"),
    "sue": ("sue", "accuse", "indict", "prosecute", "arrest", "detain", "charge"),
    "replace": ("replace", "succeed"),
    "acquire": ("acquire", "buy", "bought", "purchase", "take over", "took over", "taken over"),
    "blame": ("blame", "criticise", "criticize", "condemn", "denounce"),
    "praise": ("praise", "endorse", "thank"),
    "hire": ("hire", "appoint", "recruit"),
    "dismiss": ("fire", "sack", "dismiss"),
}
# "Y lost to X" is "X defeated Y"
_CONVERSE: dict[str, str] = {"lost to": "defeat", "lose to": "defeat", "loses to": "defeat",
                             "losing to": "defeat", "fell to": "defeat", "falls to": "defeat"}


def _verb_forms() -> list[tuple[str, str]]:
    out = []
    for rel, stems in _RELATIONS.items():
        for stem in stems:
            if " " in stem or stem in {"beaten", "bought", "overthrew", "overcame", "shot"}:
                out.append((stem, rel))
                continue
            base = stem[:-1] if stem.endswith("e") else stem
            forms = {stem, stem + "s", base + "ed", base + "ing", stem + "d"}
            if re.search(r"[^aeiou][aeiou][bdgmnpt]$", stem):  # "stab" → "stabbed"
                forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
            if stem.endswith("y"):  # "buy" has "bought"; others "ied"
                forms |= {stem[:-1] + "ied"}
            out += [(f, rel) for f in forms]
    return sorted(out, key=lambda fr: -len(fr[0]))


_FORMS = _verb_forms()
_VERB = re.compile(r"\b(?:" + "|".join(re.escape(f) for f, _ in _FORMS) + r")\b")
_CONVERSE_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _CONVERSE) + r")\b")
_REL_OF = dict(_FORMS)
# each relation's verb forms as one regex alternation
_VERBS_OF = {rel: "|".join(re.escape(f) for f, r in _FORMS if r == rel) for rel in _RELATIONS}
# between the doer and the verb: an apposition (", a 41-year-old former leader,"), an auxiliary
# or an adverb ("has", "narrowly"); between the verb and the one done to: up to three words
_BEFORE_VERB = re.compile(r"^(?:\s*,[^,.;:!?\"“”]{2,80},)?(?:\s+(?:has|have|had|was|were|is|are|"
                          r"been|narrowly|reportedly|allegedly|also|then|later|[a-z]+ly))*\s+$")
# "nearly lost to", "was almost beaten by", "never beat": no relation told
_NOT_DONE = re.compile(r"\b(?:nearly|almost|never|not|no|barely|n't)\s+(?:\w+\s+)?$")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_BY = re.compile(r"^\s+by\s+(?:the\s+)?$")
# between the verb and the one done to: a determiner or up to three plain words, never a
# preposition ("signed for", "an agreement with")
_AFTER_VERB = re.compile(r"^\s+(?:(?:the|a|an|his|her|their|its|[a-z]+(?:-[a-z]+)*)\s+){0,3}$")
_NOT_BETWEEN = frozenset({"for", "with", "to", "from", "against", "at", "on", "in", "by", "of",
                          "over", "into", "after", "before", "agreement", "deal", "contract",
                          "back", "off", "up", "out"})
# a name that is an object in a clause of its own ("The man who shot Ana Rojas killed ...")
_OBJECT_OF = re.compile(r"\b(?:who|that|which|whom|whose)\b[^,;]*$")
# a subject after a subordinating word is not the sentence's ("A day after Jorge Molina was
# sworn in, Ana Rojas ...")
_SUBORDINATE = re.compile(r"\b(?:after|before|when|while|as|since|although|though|because|if|"
                          r"until|once|whereas)\b", re.IGNORECASE)


# what may stand before the subject that opens a sentence: a title or description of up to four
# words ("Centre-left candidate", "The conservative")
_OPENS = re.compile(r"[\s\"“]*(?:[A-Za-z][\w'’-]*\s+){0,4}")


_DATELINE = re.compile(r"\s[—–-]\s")


@dataclass(frozen=True, slots=True)
class Relation:
    rel: str
    doer: Claim
    done_to: Claim
    span: tuple[int, int]  # from the first name to the last


def _names(s: Sent) -> list[Claim]:
    return sorted((c for c in s.claims if c.kind in {"actor", "place"}), key=lambda c: c.span)


def relations(text: str, s: Sent) -> list[Relation]:
    """The doer-verb-done-to relations of one sentence, names as the sentence's claims."""
    names = _names(s)
    out: list[Relation] = []
    for m in (*_VERB.finditer(text, s.span[0], s.span[1]),
              *_CONVERSE_RE.finditer(text, s.span[0], s.span[1])):
        verb = m.group()
        if _NOT_DONE.search(text, max(s.span[0], m.start() - 25), m.start()):
            continue
        before = [c for c in names if c.span[1] <= m.start()
                  and _BEFORE_VERB.match(text[c.span[1]:m.start()])
                  and not _OBJECT_OF.search(text, s.span[0], c.span[0])]
        if not before and verb.endswith("ing") and text[s.span[0]:m.start()].rstrip().endswith(","):
            # "Rojas won the runoff, defeating Molina": the participle's doer is the subject
            # that opens the sentence
            dash = _DATELINE.search(text, s.span[0], min(s.span[1], s.span[0] + 80))
            opens = dash.end() if dash else s.span[0]  # "SANTIAGO, Chile (AP) — Rojas won"
            subjects = [c for c in names if opens <= c.span[0] and c.span[1] <= m.start()
                        and _OPENS.fullmatch(text, opens, c.span[0])
                        and not _SUBORDINATE.search(text, opens, c.span[0])]
            people = [c for c in subjects if (c.value or {}).get("type") == "person"]
            before = (people or subjects)[:1]  # "Centre-left candidate Camila Rojas won"
        if not before:
            continue
        left = before[-1]
        right = next((c for c in names if c.span[0] >= m.end()), None)
        if right is None:
            continue
        gap = text[m.end():right.span[0]]
        span = (left.span[0], right.span[1])
        if verb in _CONVERSE:  # "Y lost to X": X did it
            if re.fullmatch(r"\s+", gap) or (" " + gap).endswith(" the "):
                out.append(Relation(_CONVERSE[verb], right, left, span))
            continue
        rel = _REL_OF[verb]
        if _PASSIVE.search(text, max(s.span[0], m.start() - 20), m.start()):
            if _BY.match(gap):  # "Y was defeated by X"
                out.append(Relation(rel, right, left, span))
            continue
        if _AFTER_VERB.match(gap) and not set(gap.lower().split()) & _NOT_BETWEEN:
            out.append(Relation(rel, left, right, span))
    return out


def source_relations(text: str, sents: list[Sent]) -> dict[int, list[Relation]]:
    """The relations of every sentence of a source, by sentence index (read once per pair)."""
    return {s.index: relations(text, s) for s in sents}


def role_swaps(sb: Sent, region: list[Sent], b_text: str, a_text: str,
               same: Callable[[Claim, Claim], bool], told: dict[int, list[Relation]]
               ) -> list[tuple[Relation, Relation]]:
    """Relations of the copy's sentence told the other way round in an aligned source
    sentence, and nowhere in the source (``told``: ``source_relations``) the copy's way:
    (copy's relation, source's relation)."""
    out = []
    for rb in relations(b_text, sb):
        if same(rb.doer, rb.done_to) or any(
                ra.rel == rb.rel and same(rb.doer, ra.doer) and same(rb.done_to, ra.done_to)
                for rs in told.values() for ra in rs) or _told_in_words(a_text, rb):
            continue  # the source tells it this way too (a rematch, a countersuit)
        for sa in region:
            for ra in told.get(sa.index, []):
                if (ra.rel == rb.rel and same(rb.doer, ra.done_to) and same(rb.done_to, ra.doer)
                        and not same(ra.doer, ra.done_to)):
                    out.append((rb, ra))
                    break
    return out


def _told_in_words(text: str, r: Relation) -> bool:
    """Does ``text`` tell the relation this way round in words the relation reader does not
    take (a surname opening a sentence, "Holm, who had replaced Berg", "and Vexa
    countersued")? The doer's last name, a verb of the relation (or a "counter-" verb) within
    three words, the other's last name within three words after."""
    doer, done_to = _words_of(r.doer.text), _words_of(r.done_to.text)
    verbs = _VERBS_OF[r.rel]
    gap = r"(?:[\s,]+[\w'’-]+){0,3}?[\s,]+"
    if re.search(rf"\b(?:{doer})\b{gap}counter\w+", text):
        return True
    return re.search(rf"\b(?:{doer})\b{gap}(?:{verbs})\b{gap}(?:the\s+)?(?:{done_to})\b",
                     text) is not None


def _words_of(name: str) -> str:
    """The words a name may be told by alone ("Vexa" for "Vexa Corp", "Holm" for "Maria
    Holm"), as a regex alternation."""
    words = [w for w in re.findall(r"[A-Z][\w'’-]{2,}", name)] or [name]
    return "|".join(re.escape(w) for w in words)
