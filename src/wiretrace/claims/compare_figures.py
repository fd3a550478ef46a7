"""Figures a copy changed: another value, another thing counted, a reversed hedge, one number in
another unit (``FigureChecks``, a part of ``compare._Comparer``), and the helpers that read two
figures as the same ("about 1,800" inside "1,500–2,000", "at least 40" for 40).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from wiretrace.claims.additions import is_credit, shares_in
from wiretrace.claims.ages import ages_of, born_told, find_ages
from wiretrace.claims.figures import SPECIFIC_SCOPES, scope_of
from wiretrace.claims.lexicon import synonymous
from wiretrace.claims.numbers import (
    APPROXIMATE,
    NumberMention,
    closed,
    consistent,
    find_numbers,
    measure,
    same_measure,
    unit_swapped,
)
from wiretrace.claims.pairing import Sent, Side, is_content, stem, word_edits
from wiretrace.claims.vetting import _SAME_SPLIT, _close_edit, _overlap
from wiretrace.claims.wordchecks import denies
from wiretrace.model import Change, Claim

_OPEN = {"at_least", "at_most"}
# "no deaths", "no new injuries", "no one was killed", "nobody was hurt": none of a count, read
# over the few words after the "no" up to a clause's end
_NONE = re.compile(r"\b(?:[Nn]o|[Zz]ero|[Nn]obody)\s+(?!more\b|less\b|fewer\b|longer\b|sooner\b|"
                   r"other\b|matter\b|doubt\b)((?:[\w-]+\s+){0,3}[\w-]+)")
# a "no" of only some of the count: "no further arrests", "no one was seriously injured"
_PARTLY = re.compile(r"(?i)\b(?:further|new|more|additional|other|fresh|serious|seriously|major|"
                     r"significant|severe|severely|critical|critically|life-threatening|immediate)\b")
# words that set a count at another time than the story's
_ANOTHER_TIME = re.compile(r"(?i)\b(?:last|previous|previously|earlier|ago|since|former|history|"
                           r"historic|record|(?:19|20)\d\d)\b")
# counts whose "none" a copy may not make some: harm, arrests, cases
_NONE_SCOPES = frozenset({"dead", "injured", "missing", "casualties", "arrested", "infected",
                          "evacuated"})

_PARTITIVE = re.compile(r"(?i)(?:one|each|either|neither|any)\s+of\b")


def partitive(text: str, c: Claim) -> bool:
    """Is the figure's number a partitive ("one of the men", "individuals linked to one of these
    groups"): an individual picked out, not a count?"""
    at = int(((c.value or {}).get("number_span") or c.span)[0])
    return bool(_PARTITIVE.match(c.text) or _PARTITIVE.match(text, at))


def figure_mention(c: Claim) -> NumberMention:
    v = c.value or {}
    return NumberMention(c.span[0], c.span[1], float(v["low"]), float(v["high"]),
                         v.get("qualifier"), "year" if v.get("unit") == "date" else None,
                         bool(v.get("vague")), c.text)


def _scopes_compatible(x: str | None, y: str | None) -> bool:
    if x == y:
        return True
    generic = {None, "people"}
    return (x in generic and y in SPECIFIC_SCOPES) or (y in generic and x in SPECIFIC_SCOPES)


def _none_of(none: str | None, count: str | None) -> bool:
    """Does "no ``none``" deny the count ``count``: the same count, or casualties of the dead
    or the injured?"""
    return none is not None and (none == count or (
        none == "casualties" and count in {"dead", "injured"}))


def _unit_word(c: Claim) -> str:
    """The unit a figure is given in, folded ("miles" and "mile", "km", "days"; "" for none)."""
    return re.sub(r"s$", "", (c.subject or "").lower())


_ANYONE = frozenset({"people", "person", "persons", "individual", "individuals"})


def same_figure(a: Claim, b: Claim) -> bool:
    if not _scopes_compatible(a.predicate, b.predicate):
        return False
    if a.predicate == b.predicate == "people" and not (
        _head(a) == _head(b) or {_head(a), _head(b)} & {stem(w) for w in _ANYONE}
    ):
        return False  # "about 600 people" may be "600 tourists", not "300 firefighters"
    if a.predicate in {"time", "distance"} and _unit_word(a) != _unit_word(b):
        return False
    x, y = figure_mention(a), figure_mention(b)
    if (x.qualifier == y.qualifier == "at_least" and x.low == x.high and y.low == y.high
            and _rounded_down(x.low, y.low)):
        return True  # "more than 50 dead" for "at least 52 killed": the copy's bound, rounded
        # down, follows from the source's (not "at least 45", nor "at least 41" for 14)
    if a.predicate != b.predicate:
        # a bound says little across counts: "at least 40 killed" is not "120 tourists"
        for n in (x, y):
            if n.qualifier in _OPEN:
                n.qualifier = None
    return consistent(x, y)


def _rounded_down(source: float, copy: float) -> bool:
    """Is ``copy`` the source's number rounded down to its first one or two digits (52 → 50,
    1,250 → 1,200 or 1,000; not 52 → 45, nor 100 → 80)?"""
    if not 0 < copy < source:
        return False
    digits = math.floor(math.log10(source))
    return any(copy == math.floor(source / step) * step
               for step in (10.0 ** digits, 10.0 ** max(0, digits - 1)))


def _kept(source: NumberMention, n: NumberMention) -> bool:
    """Whether the copy's number ``n`` gives the source's number: a bound read as its number
    ("at least 14" is kept as "14", not as "30": any number above a bound agrees with it)."""
    if source.qualifier in _OPEN or n.qualifier in _OPEN:
        source, n = closed(source), closed(n)
    return consistent(source, n)


def _rescoped(af: Claim, bf: Claim) -> bool:
    """One number counting another thing: "40 casualties" for "at least 40 killed" (a bound
    says little across counts: "at least 21 dead" is not "25 missing" recounted)."""
    return (af.predicate in SPECIFIC_SCOPES and bf.predicate in SPECIFIC_SCOPES
            and af.predicate != bf.predicate
            and _kept(figure_mention(af), figure_mention(bf)))


def _same_number(af: Claim, bf: Claim) -> bool:
    va, vb = af.value or {}, bf.value or {}
    return (va.get("low"), va.get("high")) == (vb.get("low"), vb.get("high"))


def _rival(af: Claim, bf: Claim) -> bool:
    """Two figures that count the same thing with different values ("280 firefighters" and
    "300 firefighters"; for a generic count of people the counted word must agree)."""
    if af.predicate != bf.predicate:
        return False
    if af.predicate == "people":
        return bool(_head(af)) and (_head(af) == _head(bf)
                                    or synonymous(_head_word(af), _head_word(bf)))
    return True


def _head_word(c: Claim) -> str:
    """The counted noun of a figure, as written: the last word of its subject."""
    words = (c.subject or "").split()
    return words[-1] if words else ""


def _head(c: Claim) -> str:
    word = _head_word(c)
    return stem(word) if word else ""


def _numbers_in(text: str, span: tuple[int, int]) -> list[NumberMention]:
    """Numbers of ``text[span]`` with offsets into ``text``."""
    out = find_numbers(text[span[0]:span[1]])
    for n in out:
        n.start += span[0]
        n.end += span[0]
    return out


_NEAR = re.compile(r"[A-Za-z][\w'’-]*")


def _with_unit(text: str, n: NumberMention) -> tuple[int, int]:
    """The number's span with the word after it (its unit)."""
    m = re.match(r"\s*-?\s*[\w/]+", text[n.end:n.end + 20])
    return n.start, n.end + (m.end() if m else 0)


def _after(text: str, end: int, n: int = 2) -> list[str]:
    """The ``n`` words after a number, stemmed."""
    return [stem(w.lower()) for w in _NEAR.findall(text[end:end + 50])[:n]]


_ADDED = frozenset({"more", "extra", "additional", "further"})  # "333 more turbines"
_THAN = re.compile(r"\s+more\s+(?:[A-Za-z][\w'’-]*\s+){1,3}than\b")


_WORD_AFTER = re.compile(r"[ \t]*(?:-[ \t]*)?([A-Za-z][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]*$")


def _counts(text: str, n: NumberMention) -> bool:
    """Does ``n`` count something named right after it, in plain words ("121 applications",
    "60 people")? Not an age (", 45,"), a total told with "of" ("900 of the pupils"), a number
    at the end of a clause ("dialled 999", "a majority of 60"), a decade ("the 1100s"), nor a
    number in a name or a label ("Boeing 737", "Category 4 hurricane", "10 Downing Street",
    "No 1", "number 9")."""
    after = _WORD_AFTER.match(text, n.end)
    before = _WORD_BEFORE.search(text, max(0, n.start - 30), n.start)
    if after is None or not after.group(1).islower() or not is_content(after.group(1)):
        return False
    if text[n.start:n.end].rstrip().endswith("s"):
        return False
    return before is None or not (before.group(1)[0].isupper()
                                  or before.group(1).lower().rstrip(".") in {"no", "number"})


def _same_slot(b_text: str, nb: NumberMention, a_text: str, na: NumberMention) -> bool:
    """The two numbers count the same thing: the two words after them (or the word before)
    agree ("fund 40 new teachers" / "funds 45 new teachers")."""
    def before(text: str, start: int) -> list[str]:
        return [stem(w.lower()) for w in _NEAR.findall(text[max(0, start - 30):start])[-1:]]

    xa, xb = _after(a_text, na.end), _after(b_text, nb.end)
    if xa and xb and ((xa[0] == xb[0] and is_content(xa[0])) or xa == xb):
        return True
    # one of them says the count is added ("333 more turbines" / "an extra 166 turbines"):
    # the noun after the word that says so
    ya, yb = (_after(t, n.end, 3)[1:] if x[:1] and x[0] in _ADDED else x
              for t, n, x in ((a_text, na, xa), (b_text, nb, xb)))
    if (ya, yb) != (xa, xb) and ya and yb and ya[0] == yb[0] and is_content(ya[0]) and not any(
            _THAN.match(t, n.end) for t, n in ((a_text, na), (b_text, nb))):
        return True  # (not "40 more pupils than last year": a difference, not what is added)
    if xa and xb and xa[0] != xb[0] and (xa[0] in _MEASURE or xb[0] in _MEASURE):
        return False  # "reached 50 times the level" / "reached 408": a multiple, a reading
    pa, pb = before(a_text, na.start), before(b_text, nb.start)
    return bool(pa) and pa == pb and is_content(pa[0]) and bool(xa) == bool(xb)


def _restated_by_other(n: NumberMention, other: NumberMention, own: list[NumberMention],
                       across: list[NumberMention]) -> bool:
    """Is ``n`` (one of ``own``, one text's numbers) given again by numbers of the other text
    (``across``) other than ``other``, as often as ``own`` gives its value? Then ``n`` stands
    for those, and says nothing of ``other`` (one number, one counterpart; a value both texts
    give twice is matched twice)."""
    def same(x: NumberMention) -> bool:
        return (x.low, x.high) == (n.low, n.high)

    return sum(1 for x in across if x is not other and same(x)) >= sum(1 for x in own if same(x))


# words after a number that make it a multiple, a share or a rate, not a count or a reading
_MEASURE = frozenset({"time", "fold", "percent", "per", "percentage", "point", "pct"})


class FigureChecks:
    """Figures and bare numbers of a copy sentence against the aligned source sentences."""

    a: Side
    b: Side
    a_figures: list[Claim]
    _a_nums: list[NumberMention] | None
    changes: list[Change]

    if TYPE_CHECKING:  # defined by ``compare._Comparer`` and its other parts
        def add(self, kind: str, b_span: tuple[int, int], a_span: tuple[int, int] | None,
                explanation: str) -> None: ...

        def unit(self, claim: Claim, sb: Sent, label: str) -> None: ...

        def _dropped_attribution(self, sb: Sent, bf: Claim, af: Claim) -> None: ...

        def _story_sides(self) -> list[Side]: ...

    support: list[Side] | None

    def ages(self, sb: Sent) -> None:
        """A named person's age in the copy's sentence (``claims.ages``): another than the
        source gives them is a figure change; one the source never gives for a person it names
        (nor another article of the story, nor a year of birth) is an addition."""
        for age in find_ages(self.b.text, sb.span[0], sb.span[1]):
            if any(c.span and c.span[0] < age.span[1] and age.span[0] < c.span[1]
                   for c in self.changes):
                continue  # the number is already a change ("Palmer, 53," for "Palmer, 48,")
            theirs = ages_of(self.a.text, age.name)
            if any(a.years == age.years for a in theirs):
                continue
            if theirs:
                self.add("figure", age.span, theirs[0].span,
                         f"the copy gives {age.name}'s age as {age.years} where the source "
                         f"gives {theirs[0].years}")
                continue
            sides = self._story_sides()
            if not re.search(rf"\b{re.escape(age.name)}\b", self.a.text) or any(
                    born_told(side.text, age.name)
                    or re.search(rf"(?<![\d.,]){age.years}(?![\d.,]\d)", side.text)
                    for side in sides):
                continue  # someone the source does not name (another rule reads the name),
                # or a number the story gives, perhaps as the age ("The 26-year-old has
                # stepped up", "The all-rounder, 24,": the person, told by what they are)
            where = ("no article of the story gives" if self.support is not None
                     else "the source never gives")
            self.add("addition", age.span, None,
                     f"the copy gives {age.name}'s age, {age.years}, which {where}")

    def narrowed(self, sb: Sent, region: list[Sent]) -> None:
        """A count of either of two things told as a count of one: the copy's sentence is the
        source's with "or damaged" cut after "destroyed" beside a figure ("It has destroyed 120
        homes" for "It has destroyed or damaged 120 homes", "36 workers were killed" for "...
        killed or injured"), every other word kept."""
        if not any(t.norm[:1].isdigit() for t in sb.toks):
            return
        for sa in region:
            ops, _ = word_edits(sa, sb)
            if len(ops) != 1 or ops[0][0] != "delete":
                continue
            _, a0, a1, _, _ = ops[0]
            cut = [t.norm for t in sa.toks[a0:a1]]
            if len(cut) != 2 or cut[0] != "or" or a0 == 0 or not is_content(cut[1]):
                continue
            if not any(t.norm[:1].isdigit() for t in sa.toks[max(0, a0 - 4):a1 + 4]):
                continue  # the two things are no count's ("dead or alive")
            mine = (sb.toks[a0 - 1].start, sb.toks[a0 - 1].end)
            theirs = (sa.toks[a0 - 1].start, sa.toks[a1 - 1].end)
            self.add("scope", mine, theirs,
                     f"the copy counts only '{self.b.text[slice(*mine)]}' where the source "
                     f"counts '{self.a.text[slice(*theirs)]}'")
            return

    def shares(self, sb: Sent, region: list[Sent]) -> None:
        """The one share of something the copy's sentence gives, against the one share of the
        same thing its source sentence gives, each as a percentage or in words ("about 20% of
        homes" for "about a third of homes", "a quarter of the workers" for "half of the
        workers"): a figure change beyond what a hedge on either side allows."""
        mine = shares_in(self.b.text, sb.span[0], sb.span[1])
        of = mine[0].of if len(mine) == 1 else None
        if of is None:
            return
        b = mine[0]
        for sa in region:
            theirs = shares_in(self.a.text, sa.span[0], sa.span[1])
            if len(theirs) != 1 or stem(theirs[0].of or "") != stem(of):
                continue
            a = theirs[0]
            room = APPROXIMATE * max(a.percent, b.percent) if a.hedged or b.hedged else 1.0
            if abs(a.percent - b.percent) > room:
                self.add("figure", b.span, a.span,
                         f"the copy gives the share of {b.of} as "
                         f"'{self.b.text[slice(*b.span)]}' where the source gives "
                         f"'{self.a.text[slice(*a.span)]}'")
            return

    def _none_made_some(self, bf: Claim, region: list[Sent]) -> bool:
        """The copy counts what the source says there was none of ("Two deaths have been
        reported" for "No deaths have been reported"): the aligned source sentence says "no"
        of the figure's own count (any sentence of the source, when the copy's sentence is
        aligned to none: "Two people have died"), the copy's sentence says none of it, and the
        source gives no number of that count anywhere."""
        if bf.predicate not in _NONE_SCOPES or not (bf.value or {}).get("low"):
            return False
        sb = self.b.sentence_at(bf.span[0])
        if sb is None or any(_none_of(scope_of(m.group(1)), bf.predicate) for m in
                             _NONE.finditer(self.b.text, sb.span[0], sb.span[1])):
            return False
        if any(_none_of(af.predicate, bf.predicate) or _none_of(bf.predicate, af.predicate)
               for af in self.a_figures):
            return False  # the source counts it somewhere ("no deaths in the city; two in
            # the villages")
        if not region and (any(c.kind == "date" for c in sb.claims) or _ANOTHER_TIME.search(
                self.b.text, sb.span[0], sb.span[1])):
            return False  # an unaligned sentence of another time ("Last year's floods killed
            # 12"): background, not this event's count
        for sa in region or self.a.sents:
            for m in _NONE.finditer(self.a.text, sa.span[0], sa.span[1]):
                if _none_of(scope_of(m.group(1)), bf.predicate) and not _PARTLY.search(
                        m.group(1)):
                    self.add("figure", bf.span, (m.start(), m.end()),
                             f"the copy counts '{bf.text}' where the source says "
                             f"'{m.group()}' (none)")
                    return True
        return False

    def figures(self, sb: Sent, region: list[Sent]) -> None:
        region_figs = [c for s in region for c in s.claims if c.kind == "figure"]
        dates = [c.span for c in sb.claims if c.kind == "date"]
        for bf in (c for c in sb.claims if c.kind == "figure"):
            if bf.predicate == "date" and any(s <= bf.span[0] < e for s, e in dates):
                continue  # the year of a date ("March 08, 2013"): the date's, not a count
            if any(self._unit_swapped(bf, af) for af in region_figs):
                continue
            if self._none_made_some(bf, region):
                continue
            if (bf.value or {}).get("high") == 0 and any(denies(s) for s in region):
                continue  # "resettled zero refugees" for "failed to resettle any refugees"
            same = [af for af in region_figs if same_figure(af, bf)]
            if same and all((af.value or {}).get("qualifier") in _OPEN for af in same) and any(
                    _rescoped(af, bf) and _same_number(af, bf) for af in self.a_figures):
                same = []  # "killing at least 40 people, with a death toll of 200" for "killing
                # at least 40 people" and the next sentence's "dead or injured at 200": the
                # same number counting another thing says more than a bound that covers it
            if same:
                self._qualifier(bf, same[0])
                continue
            if self._in_other_units(bf, region):
                continue  # "24km" for "15 miles": one measure in other units
            elsewhere = [af for af in self.a_figures if same_figure(af, bf)]
            strict = [af for af in elsewhere if af.predicate != "people" or _head(af) == _head(bf)]
            if any((af.value or {}).get("qualifier") not in _OPEN for af in strict):
                continue  # the figure is elsewhere in the source (a summary fuses sentences)
            # a source figure the copy's sentence still gives is kept, not replaced: the new
            # number says something else ("10 km deep, 60 km from Bireun" for "10 km deep")
            b_nums = _numbers_in(self.b.text, sb.span)
            rivals = [af for af in region_figs if _rival(af, bf) and not any(
                _kept(figure_mention(af), n) or self._same_measure(af, n) for n in b_nums)]
            if rivals and not strict and bf.predicate == "people":
                # the aligned sentence counts the same thing with another value: stronger
                # evidence than "600 people" elsewhere in the source for "300 firefighters"
                elsewhere = []
            scoped = [af for af in region_figs if _rescoped(af, bf)]
            if not scoped:
                # the same number counting something else anywhere in the source: stronger
                # evidence than an open-ended figure ("at least 40") that would also cover it
                scoped = [af for af in self.a_figures if _rescoped(af, bf) and _same_number(af, bf)]
            if scoped:
                af = scoped[0]
                self.add("scope", bf.span, af.span,
                         f"the copy counts {bf.predicate} ('{bf.text}') where the source counts "
                         f"{af.predicate} ('{af.text}')")
                self._dropped_attribution(sb, bf, af)
                continue
            if elsewhere:
                continue  # an open-ended figure elsewhere ("at least 40") may cover it
            if (bf.value or {}).get("vague"):
                rivals = []  # "thousands of migrants" says less than "25,000 migrants"
            if bf.predicate == "date":  # years: "the 2016 race" and "held since 2003"
                rivals = [af for af in rivals if self._same_slot_figure(bf, af)]
            rivals = [af for af in rivals if not self._number_told_elsewhere(sb, bf, af)]
            if rivals and self._converts_changed(bf):
                continue  # "less than 50 km (30 miles)": the figure's change, said once
            if rivals:
                af = rivals[0]
                self.add("figure", bf.span, af.span,
                         f"the copy says '{bf.text}' where the source says '{af.text}'")
            elif not (is_credit(self.b.text, *bf.span) or (bf.value or {}).get("vague")
                      or partitive(self.b.text, bf) or bf.predicate in {"date", "time"}
                      or self._measured_elsewhere(bf)):
                # "several months", "one of the men", "two years later" (a span that restates
                # the source's dates): no figure a copy could have added
                self.unit(bf, sb, f"the figure '{bf.text}'")

    def _number_told_elsewhere(self, sb: Sent, bf: Claim, af: Claim) -> bool:
        """The copy's number is one the source gives elsewhere, in another sentence or beside
        the rival, and the copy's sentence is no close edit of the rival's ("The US has taken
        just 12,000" in the source; the copy's "12,000 Syrian refugees" set against Jordan's
        "655,000 Syrian refugees"; "1.73% against the euro" set against "rose 1.86% against
        the dollar, and was 1.73% higher against the euro")."""
        sa = self.a.sentence_at(af.span[0])
        nb = _numbers_in(self.b.text, bf.span)
        if sa is None or not nb or _close_edit(sb, sa):
            return False
        return any((na.low, na.high) == (nb[0].low, nb[0].high) and na.unit == nb[0].unit
                   and not (af.span[0] <= na.start < af.span[1]) for na in self._a_numbers())

    def _measured_elsewhere(self, bf: Claim) -> bool:
        """The source gives the figure in other units somewhere ("almost 200 years" for
        "nearly two centuries")."""
        nb = _numbers_in(self.b.text, bf.span)
        return bool(nb) and any(same_measure(self.b.text, nb[0], self.a.text, na)
                                for na in self._a_numbers())

    def _same_slot_figure(self, bf: Claim, af: Claim) -> bool:
        nb, na = _numbers_in(self.b.text, bf.span), _numbers_in(self.a.text, af.span)
        return bool(nb and na) and _same_slot(self.b.text, nb[0], self.a.text, na[0])

    def _unit_swapped(self, bf: Claim, af: Claim) -> bool:
        """Reports "25 miles" for "25 kilometres": one number, another unit."""
        nb, na = _numbers_in(self.b.text, bf.span), _numbers_in(self.a.text, af.span)
        if not (nb and na and unit_swapped(self.b.text, nb[0], self.a.text, na[0])):
            return False
        self._report_unit_swap(bf.span, af.span)
        return True

    def _report_unit_swap(self, b_span: tuple[int, int], a_span: tuple[int, int]) -> None:
        self.add("figure", b_span, a_span,
                 f"the copy says '{self.b.text[slice(*b_span)]}' where the source says "
                 f"'{self.a.text[slice(*a_span)]}': the same number in another unit")

    def _converts_changed(self, bf: Claim) -> bool:
        """Is the copy's figure a conversion in parentheses of the figure just before it, which
        is already reported changed ("less than 50 km (30 miles)"): the same kind of measure
        in another unit? A second figure of the same unit there is a figure of its own ("61
        percent (48 percent in the north)", "$40 million ($12 million in bonds)")."""
        before = self.b.text[:bf.span[0]].rstrip()
        if not before.endswith("("):
            return False
        end = len(before[:-1].rstrip())
        converted = any(c.kind == "figure" and c.span[1] == end and c.predicate == bf.predicate
                        and _unit_word(c) != _unit_word(bf) for c in self.b.claims)
        return converted and any(c.kind == "figure" and c.span and c.span[1] == end
                                 for c in self.changes)

    def _same_measure(self, af: Claim, nb: NumberMention) -> bool:
        """The source figure's number, in other units, is the copy's ``nb``."""
        na = _numbers_in(self.a.text, af.span)
        return bool(na) and same_measure(self.b.text, nb, self.a.text, na[0])

    def _in_other_units(self, bf: Claim, region: list[Sent]) -> bool:
        """The figure's number is one of the aligned source sentences' in other units."""
        nb = _numbers_in(self.b.text, bf.span)
        return bool(nb) and any(same_measure(self.b.text, nb[0], self.a.text, na)
                                for sa in region for na in _numbers_in(self.a.text, sa.span))

    def numbers(self, sb: Sent, region: list[Sent]) -> None:
        """A bare number the figure extractor does not read as a count ("fund 40 new teachers"),
        changed in the aligned sentence: the same words around it, another value."""
        taken = [c.span for c in sb.claims if c.kind in {"figure", "date"}]
        b_nums = [n for n in _numbers_in(self.b.text, sb.span) if not n.vague and n.unit != "year"]
        if not b_nums:
            return
        b_sent = self.b.text[sb.span[0]:sb.span[1]]
        # each aligned source sentence: its numbers, and whether the copy keeps it word for word
        region_nums = [(_numbers_in(self.a.text, sa.span), _overlap(
            b_sent, self.a.text[sa.span[0]:sa.span[1]], longer=True) >= _SAME_SPLIT)
            for sa in region]
        a_all = [na for nums, _ in region_nums for na in nums]
        for nb in b_nums:
            if any(s < nb.end and nb.start < e for s, e in taken):
                continue
            swapped = next((na for nums, _ in region_nums for na in nums
                            if consistent(nb, na)
                            and unit_swapped(self.b.text, nb, self.a.text, na)), None)
            if swapped is not None and _same_slot(self.b.text, nb, self.a.text, swapped):
                self._report_unit_swap(_with_unit(self.b.text, nb),
                                       _with_unit(self.a.text, swapped))
                continue
            if any(consistent(nb, na) or same_measure(self.b.text, nb, self.a.text, na)
                   for nums, _ in region_nums for na in nums
                   if not _restated_by_other(na, nb, a_all, b_nums)):
                continue  # the aligned source sentences have this figure (maybe in other units)
                # (a bound the copy restates with another of its numbers covers no other:
                # "97 stores ... over 50 stores" for "48 stores ... more than 50 stores")
            # a figure the source gives elsewhere counts only in a sentence kept word for word
            # (an open bound elsewhere, "up to 4K", covers too much to count; so does the copy's
            # own bound: "up to 50,000 runners" holds the source's "200 athletes", and is read
            # as its number alone against a figure that is no bound of its kind)
            probe = closed(nb) if nb.qualifier in _OPEN else nb
            elsewhere = any(consistent(nb if na.qualifier == nb.qualifier else probe, na)
                            for na in self._a_numbers()
                            if na.qualifier not in _OPEN or na.qualifier == nb.qualifier)
            for nums, verbatim in region_nums:
                if elsewhere and not verbatim:
                    continue
                for na in nums:
                    if na.vague or na.unit != nb.unit or any(
                            consistent(na, x) for x in b_nums
                            if not _restated_by_other(x, na, b_nums, a_all)):
                        continue
                    if _same_slot(self.b.text, nb, self.a.text, na):
                        self.add("figure", (nb.start, nb.end), (na.start, na.end),
                                 f"the copy says '{nb.text}' where the source says '{na.text}'")
                        break
        self._sole_number(a_all, b_nums, taken)

    def _sole_number(self, region_all: list[NumberMention], b_nums: list[NumberMention],
                     taken: list[tuple[int, int]]) -> None:
        """A reworded sentence with its one number changed ("around 121 applications" for
        "Nearly 60 people applied"): no words around the number are kept to anchor it, so the
        two lone numbers are the slot. The copy's sentence has exactly one number (in digits)
        that the source gives nowhere (nor in other units), and keeps no other number of the
        aligned source sentences (from which it might be worked out); those have exactly one
        number that the copy's sentence lacks, of the same kind (money, a percentage, a measure
        of one dimension, a multiple, a plain count); both count something named right after
        them (``_counts``: no age, label or total); and the copy names the source's number
        less often than the source does (a rewrite that moves it to another sentence keeps
        it)."""
        def digits(n: NumberMention) -> bool:
            return any(ch.isdigit() for ch in n.text) and not n.vague and n.unit != "year"

        def kind(text: str, n: NumberMention) -> tuple[str | None, str | None, str | None]:
            found, word = measure(text, n), _after(text, n.end)[:1]
            # "50 times the safe level" / "408": a multiple, a reading
            return (n.unit, found[0] if found else None,
                    word[0] if word and word[0] in _MEASURE else None)

        source_all = self._a_numbers()
        new = [nb for nb in b_nums if digits(nb) and not any(
            s < nb.end and nb.start < e for s, e in taken)
            and not any(consistent(nb, na) or same_measure(self.b.text, nb, self.a.text, na)
                        for na in source_all)]
        if len(new) != 1 or any(c.span and c.span[0] < new[0].end and new[0].start < c.span[1]
                                for c in self.changes):
            return
        nb = new[0]
        sent_nums = [x for x in b_nums if x is not nb]
        region_nums = [na for na in region_all if digits(na)]
        if any(consistent(x, na) for x in sent_nums if digits(x) for na in region_nums):
            return  # the sentence keeps another of the source's numbers: the new one may be
            # worked out from it ("shed 300 of its 1,500 jobs" for "300 jobs, leaving 1,200")
        if not _counts(self.b.text, nb):
            return
        dropped = {(na.low, na.high): na for na in region_nums if not any(
            consistent(na, x) or same_measure(self.a.text, na, self.b.text, x)
            for x in sent_nums)}
        if len(dropped) != 1:
            return
        na = next(iter(dropped.values()))
        if kind(self.b.text, nb) != kind(self.a.text, na) or not _counts(self.a.text, na):
            return
        b_all = [x for x in find_numbers(self.b.text) if not x.vague]
        if (sum(1 for x in b_all if consistent(x, na))
                >= sum(1 for x in source_all if consistent(x, na))):
            return  # the copy gives the source's number as often: moved, not replaced
        self.add("figure", _with_unit(self.b.text, nb), _with_unit(self.a.text, na),
                 f"the copy says '{nb.text}' where its source sentence says '{na.text}'")

    def _a_numbers(self) -> list[NumberMention]:
        if self._a_nums is None:
            self._a_nums = [n for n in find_numbers(self.a.text) if not n.vague]
        return self._a_nums

    def _qualifier(self, bf: Claim, af: Claim) -> None:
        up, down = {"at_least"}, {"at_most", "nearly"}
        qb, qa = (bf.value or {}).get("qualifier"), (af.value or {}).get("qualifier")
        if (qb in up and qa in down) or (qb in down and qa in up):
            floor = (bf if qb in up else af).value or {}
            ceiling = (af if qb in up else bf).value or {}
            if float(floor.get("low") or 0) < float(ceiling.get("high") or ceiling.get("low")
                                                   or 0):
                return  # "over 290" and "almost 300": both can be true (291 to 299)
            self.add("qualifier", bf.span, af.span,
                     f"'{bf.text}' reverses the hedge of the source's '{af.text}'")
