"""Swapped names: the source names X where the copy names Y in the same role.

A name of the copy that the source never uses is a *swap* when some source name stands in the
same slot: the words right before it and right after it are the same ("flown to Cyprus from" /
"flown to Crete from", "Paris and Moscow pledged" / "Paris and Berlin pledged", "the London
Mexican embassy" / "the London Russian embassy"). At least two neighbouring words must agree and
one of them must be a content word or a name, so "in the Y" against "in the X" alone is not
enough. A swap is a ``place`` change when the name is governed by a locative preposition, else an
``actor`` change (a capital standing for its government is an actor: "Paris and Moscow pledged").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from wiretrace.claims.lexicon import lexicon
from wiretrace.claims.pairing import Sent, is_content, stem, word_edits
from wiretrace.trace.sentences import zipf

__all__ = ["Swap", "find_swap", "one_slot_swap", "same_place"]

_WORD = re.compile(r"[\w][\w'’.-]*")
_LOCATIVE = frozenset({
    "in", "to", "into", "from", "at", "near", "towards", "toward", "across", "over", "through",
    "around", "outside", "inside", "off", "within", "throughout", "onto", "via", "between",
    "reach", "reached", "entered", "visited", "left", "fled", "arrived", "landed",
})
_COORD = frozenset({"and", "or", "&"})


@dataclass(slots=True)
class Swap:
    kind: str  # actor | place
    b_span: tuple[int, int]  # the copy's name with the neighbouring words that anchor it
    a_span: tuple[int, int]
    a_name: str
    matched: int  # neighbouring words that agree
    sole: bool = False  # the lone new and the lone dropped name of a reworded sentence


def _norm(word: str) -> str:
    return stem(re.sub(r"['’]s$", "", word.lower()).strip(".-"))


def _left(text: str, lo: int, pos: int, n: int = 4) -> list[tuple[str, int]]:
    """Up to ``n`` words before ``pos`` (nearest first) as (normalised word, start)."""
    words = [(m.group(), m.start()) for m in _WORD.finditer(text, lo, pos)]
    if re.search(r"[,;:()\"“”]\s*$", text[lo:pos]):
        return []  # a clause boundary right before the name: no shared slot
    return [(_norm(w), s) for w, s in reversed(words[-n:])]


def _right(text: str, pos: int, hi: int, n: int = 4) -> list[tuple[str, int]]:
    rest = text[pos:hi]
    skip = re.match(r"['’]s\b", rest)
    start = pos + (skip.end() if skip else 0)
    if re.match(r"\s*[,;:()\"“”]", text[start:hi]):
        return []
    return [(_norm(m.group()), m.end()) for m in _WORD.finditer(text, start, hi)][:n]


def _around(text: str, sentence: tuple[int, int], span: tuple[int, int]
            ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The words before and after a name in its sentence (``_left``, ``_right``); a name in
    apposition to a title ("the chief executive, Anna Berg, resigned") is read through its
    commas, as the title's own slot ("Chief executive Anna Berg resigned")."""
    lo, hi = sentence
    title = re.search(r"([A-Za-z][\w'’-]*),\s*\Z", text[lo:span[0]])
    closed = re.match(r"\s*,", text[span[1]:hi])
    if title and closed and title.group(1).lower() in lexicon().titles:
        return (_left(text, lo, lo + title.end(1)),
                _right(text, span[1] + closed.end(), hi))
    return _left(text, lo, span[0]), _right(text, span[1], hi)


def _agree(x: list[tuple[str, int]], y: list[tuple[str, int]], text: str = "") -> int:
    """How many words, nearest first, the two sides share: two; with ``text`` (``x``'s),
    past two function words up to the first plain word that means something ("Poland has
    been beset" / "Libya has been beset": "has been" alone anchors nothing, "beset" does),
    four at most."""
    k = 0
    while k < min(len(x), len(y)) and x[k][0] == y[k][0]:
        k += 1
        if k > 2 and text[x[k - 1][1]:x[k - 1][1] + 1].isupper():
            return 2  # past the function words, a name is another slot ("claims of Varnland
            # in the South Sea"): only a plain word carries the anchor on
        if k >= 2 and (not text or _meaningful(x, k, text)):
            break
    return k


def _listed(text: str, lo: int, pos: int) -> list[tuple[str, int]]:
    """A place's list or gloss neighbour before it: the comma and the capitalised word
    before the comma ("the US, Kenya", "Ulaanbaatar, Argentina"), nearest first."""
    m = re.search(r"([A-Z][\w'’.-]*),\s*\Z", text[lo:pos])
    if m is None:
        return []
    return [(",", lo + m.end(1)), (_norm(m.group(1)), lo + m.start(1))]


def _meaningful(words: list[tuple[str, int]], k: int, text: str) -> bool:
    return any(is_content(w) for w, _ in words[:k]) or any(
        text[s:s + 1].isupper() for _, s in words[:k])


def same_place(x: str, y: str) -> bool:
    """One canonical place names the other's country ("Madrid" for "Spain")."""
    country = lexicon().place_country
    return x == y or country.get(x) == y or country.get(y) == x


_PLACE_SLOT = frozenset({"in", "near", "outside"})


def _unknown_place(bl: list[tuple[str, int]], al: list[tuple[str, int]], actor_text: str,
                   actor_span: tuple[int, int]) -> bool:
    """A one-word name the gazetteer does not know and that is no common word, in a slot where
    the other side names a place ("its plant in Wolfsburg" / "its factory in Munich"): both
    right after the same locative preposition."""
    name = actor_text[actor_span[0]:actor_span[1]]
    return (bool(bl and al) and bl[0][0] == al[0][0] and bl[0][0] in _PLACE_SLOT
            and re.fullmatch(r"[A-Z][a-z]+", name) is not None
            and zipf(name.lower()) < _RARE)  # "in Parliament", "in Court": bodies, no towns


def _listed_with_place(text: str, span: tuple[int, int]) -> bool:
    """A one-word name the gazetteer does not know and that is no common word, listed with a
    place it knows ("Paris, Lille and Marseille"): a place too."""
    name = text[span[0]:span[1]]
    if re.fullmatch(r"[A-Z][a-z]+", name) is None or zipf(name.lower()) >= _RARE:
        return False
    before = re.search(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),\s*\Z", text[max(0, span[0] - 40):
                                                                       span[0]])
    after = re.match(r"\s*(?:,|,?\s*and|,?\s*or)\s+([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)",
                     text[span[1]:span[1] + 40])
    places = lexicon().places
    return any(m is not None and (m.group(1).lower() in places or m.group(1).split()[
        -1].lower() in places) for m in (before, after))


_RARE = 4.0  # zipf: a town's name is a rare word; "Parliament", "Congress", "Labour" are not


_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south",
                      "east", "west", "northeastern", "northwestern", "southeastern",
                      "southwestern", "northeast", "northwest", "southeast", "southwest",
                      "rural", "coastal", "neighbouring", "neighboring"})


def _kind(bn_kind: str, an_kind: str, text: str, lo: int, start: int, end: int | None = None
          ) -> str:
    if bn_kind != "place" or an_kind != "place":
        return "actor"
    if re.search(r"\b[A-Z][\w'’.-]+,\s*\Z", text[lo:start]):
        return "place"  # "Springfield, Missouri": the state or country of a place
    if end is not None and (re.match(r"(?:['’]s\b|-based\b|-wide\b)", text[end:end + 7])
                            or re.search(r"\w['’]s\Z", text[start:end])):
        return "place"  # "Georgia's governor", "the Texas-based company", "London-wide
        # targets": of the place
    before = [(m.group().lower(), m.start()) for m in _WORD.finditer(text, lo, start)]
    if before and before[-1][0] in _COMPASS:
        before = before[:-1]  # "in northern Alberta": the part of the place
    # skip a coordination ("from Paris and Moscow"): the governing word is before "Paris"
    if len(before) >= 2 and before[-1][0] in _COORD:
        before = before[:-2]
    if len(before) >= 2 and before[-1][0] == "of" and text[before[-2][1]:before[-2][1] + 1
                                                           ].isupper():
        return "place"  # a body's place ("the Football Federation of Ecuador")
    return "place" if before and before[-1][0] in _LOCATIVE else "actor"


def find_swap(b_text: str, sb: Sent, bn_span: tuple[int, int], bn_kind: str,
              candidates: list[tuple[Sent, tuple[int, int], str, str]], a_text: str
              ) -> Swap | None:
    """The source name (``candidates``: sentence, span, kind, text) in the slot of the copy's
    name ``bn_span``; the best anchored one, candidates listed in order of preference."""
    bl, br = _around(b_text, sb.span, bn_span)
    best: Swap | None = None
    for sa, span, kind, name in candidates:
        al, ar = _around(a_text, sa.span, span)
        b_kind = bn_kind
        if (kind == "place") != (bn_kind == "place"):
            actor_text, actor_span = (b_text, bn_span) if kind == "place" else (a_text, span)
            if not (_unknown_place(bl, al, actor_text, actor_span)
                    or _listed_with_place(actor_text, actor_span)):
                continue
            known = (a_text[span[0]:span[1]] if kind == "place"
                     else b_text[bn_span[0]:bn_span[1]]).lower()
            country = lexicon().places.get(known)
            if country is not None and lexicon().place_country.get(country) == country:
                continue  # a town the gazetteer does not know may lie in the country the
                # other side names ("Dunfermline in Scotland" / "Dunfermline in Fife")
            kind = b_kind = "place"
        elif kind != "place" and all(_unknown_place(bl, al, t, sp) or _listed_with_place(t, sp)
                                     for t, sp in ((a_text, span), (b_text, bn_span))):
            kind = b_kind = "place"  # "its yard in Ulsteinvik" / "its shipyard in Bergen",
            # "Paris, Tessville and Lyon" / "Paris, Varnby and Lyon"
        # past two function words only for a name that opens (or ends) both sentences: no
        # words on its other side to anchor it ("Poland has been beset by chaos since" /
        # "Libya has been beset by chaos since")
        kl = _agree(bl, al, b_text if not (br or ar) else "")
        kr = _agree(br, ar, b_text if not (bl or al) else "")
        left_b, left_a = bl, al
        listed = kind == b_kind == "place" and not kl
        if listed:
            # a place listed or glossed after the same name ("the US, Kenya, and the UK" /
            # "the US, Canada and the UK"; "Ulaanbaatar, Argentina" / "Ulaanbaatar, Mongolia")
            left_b = _listed(b_text, sb.span[0], bn_span[0])
            left_a = _listed(a_text, sa.span[0], span[0])
            kl = _agree(left_b, left_a)
        if kl + kr < 2 or not (_meaningful(left_b, kl, b_text) or _meaningful(br, kr, b_text)):
            continue
        if best is not None and kl + kr <= best.matched:
            continue
        b_start = left_b[kl - 1][1] if kl else bn_span[0]
        a_start = left_a[kl - 1][1] if kl else span[0]
        # keep the anchoring words when they are content words ("flown to", "Paris and"), not
        # a list's or gloss's name before the comma
        if kl and (listed or not _meaningful(left_b, kl, b_text)):
            b_start, a_start = bn_span[0], span[0]
        best = Swap(_kind(b_kind, kind, b_text, sb.span[0], bn_span[0], bn_span[1]),
                    (b_start, bn_span[1]), (a_start, span[1]), name, kl + kr)
    return best


_SLOT_KEPT = 0.8  # share of the sentence's words that must be the same outside the slot
_TITLED_KEPT = 0.6  # ... when the slot is a name with its title (longer, as many words kept)


def _titled_slot(s: Sent, lo: int, hi: int) -> bool:
    """Are words ``lo`` to ``hi`` a name with its title, capitalised throughout ("Provincial
    Public Safety Minister Colin Haines", "Mayor Janet Kowalczyk"; not "Tragically,
    Charlene's")?"""
    return (hi - lo >= 2 and all(s.text_of(k)[:1].isupper() for k in range(lo, hi))
            and any(s.toks[k].norm in lexicon().titles for k in range(lo, hi)))


def _speaker_at(s: Sent, lo: int, hi: int) -> bool:
    """Is a reporting verb right before or after words ``lo`` to ``hi`` (a speaker's name,
    which the attribution check judges)?"""
    verbs = lexicon().verb_group
    return any(0 <= k < len(s.toks) and s.toks[k].norm in verbs for k in (lo - 1, hi))


def one_slot_swap(b_text: str, sb: Sent, bn_span: tuple[int, int], bn_kind: str,
                  region: list[Sent], a_text: str) -> Swap | None:
    """The copy's sentence is a source sentence with one name put in another's place and every
    other word kept ("Paris has also been" / "Cairo has also been", "Stuttgart, Germany," /
    "Stuttgart, Egypt,"): the slot is the sentence itself, no neighbouring words needed."""
    for sa in region:
        ops, kept = word_edits(sa, sb)
        if len(ops) != 1 or ops[0][0] != "replace":
            continue
        _, a0, a1, b0, b1 = ops[0]
        titled = (_titled_slot(sa, a0, a1) and _titled_slot(sb, b0, b1)
                  and not _speaker_at(sb, b0, b1))
        if max(a1 - a0, b1 - b0) > (7 if titled else 4) or kept < (
                max(5.0, _TITLED_KEPT * max(len(sa.toks), len(sb.toks))) if titled
                else _SLOT_KEPT * max(len(sa.toks), len(sb.toks))):
            continue
        bs, be = sb.toks[b0].start, sb.toks[b1 - 1].end
        if not (bs <= bn_span[0] and bn_span[1] <= be + 2):
            continue  # the changed words are not this name
        as_, ae = sa.toks[a0].start, sa.toks[a1 - 1].end
        a_name = a_text[as_:ae]
        if not a_name[:1].isupper() or not b_text[bs:be][:1].isupper():
            continue  # a name for a name, not a word for a name
        if fuzz.ratio(a_name.lower(), b_text[bs:be].lower()) >= 75:
            continue  # one name spelt another way ("Raite" / "Rait")
        a_place = a_name.lower() in lexicon().places
        if a_place != (bn_kind == "place"):
            continue
        if not a_place and _listed_with_place(a_text, (as_, ae)) and _listed_with_place(
                b_text, (bs, be)):
            a_place, bn_kind = True, "place"  # "Paris, Tessville and Lyon" / "Paris, Varnby and
            # Lyon": two towns the gazetteer does not know, listed with places it knows
        kind = _kind(bn_kind, "place" if a_place else "actor", b_text, sb.span[0], bs, be)
        if kind == "actor" and a_place and not re.search(r"\b(?:and|or)\s*$|&\s*$",
                                                          b_text[sb.span[0]:bs]):
            kind = "place"  # a place named for a place, not a capital in a list of governments
        return Swap(kind, (bs, be), (as_, ae), a_name, kept)
    return None
