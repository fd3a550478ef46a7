"""Text as a reader compares it: typography, quotes, dashes, whitespace, case and accents folded.

Two spans that read the same after :func:`reading_form` never make a change ("Don’t" and
"Don't", "Kyiv–Odesa" and "Kyiv-Odesa", "Wołodymyr" and "Wolodymyr"). :func:`same_reading`
also folds inflection ("teacher" / "teachers") and close transliterations ("Dzong" / "Jong").
"""

from __future__ import annotations

import re
import unicodedata

from wiretrace.trace.sentences import INVISIBLE

__all__ = ["numbered_forms", "numbered_key", "reading_form", "reading_key", "same_numbered",
           "same_reading"]

_QUOTES = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "′": "'", "‚": "'",
    "“": '"', "”": '"', "„": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", **dict.fromkeys(INVISIBLE, ""),
})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


_TEX_QUOTES = re.compile(r"''|``|,,")
_CLITIC = re.compile(r"(\w)\s*'\s*(s|t|re|ve|ll|d|m)\b")
_SPACED = re.compile(r"\s+(?=[,.;:!?%)\]])|(?<=[(\[])\s+|(?<=\w) - (?=\w)")


def reading_form(text: str) -> str:
    """``text`` lower-cased, accents stripped, quotes/dashes/spaces unified, spaces collapsed;
    no space before punctuation or around a hyphen ("4 - 3" / "4-3", "Colts ' " / "Colts'")."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = _TEX_QUOTES.sub('"', t)
    t = _CLITIC.sub(r"\1'\2", t)  # tokenised "Canada ' s", "don ' t"
    t = "".join(ch for ch in unicodedata.normalize("NFKD", t) if not unicodedata.combining(ch))
    t = t.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d")
    t = _SPACED.sub(lambda m: "-" if "-" in m.group() else "", _SPACE.sub(" ", t))
    t = re.sub(r"(?<=\w)-(?: -)+(?=\w)|(?<=\w)- (?=\w)|(?<=\w) -(?=\w)", "-", t)
    return t.strip().casefold()


def reading_key(text: str) -> str:
    """The words of ``text`` as a reader compares them, punctuation and quote marks left out:
    two sentences with one key say the same thing."""
    return " ".join(_WORD.findall(reading_form(text)))


def _stem(word: str) -> str:
    w = re.sub(r"'s$", "", word)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


_BRITISH_RE = re.compile(r"(?<=[^aeiou\W])re(s?)$")


def _words(text: str) -> list[str]:
    # "metres" / "meters", "centre" / "center": one spelling before the suffix is cut
    return [_stem(_BRITISH_RE.sub(r"er\1", w) if len(w) >= 5 else w)
            for w in _WORD.findall(reading_form(text))]


def same_reading(x: str, y: str) -> bool:
    """Do ``x`` and ``y`` say the same words, up to typography, case, inflection and
    transliteration? Punctuation is ignored; numbers must be identical."""
    wx, wy = _words(x), _words(y)
    if wx == wy:
        return True
    if len(wx) != len(wy) or not wx:
        return False
    for a, b in zip(wx, wy, strict=True):
        if a == b:
            continue
        if any(ch.isdigit() for ch in a + b):
            return False
        # a name spelt another way ("dzong"/"jong", "wolodymyr"/"volodymyr")
        if min(len(a), len(b)) < 4 or _transliterated(a) != _transliterated(b):
            return False
    return True


def spelling_words(text: str) -> list[str]:
    """The words of ``text`` with case, inflection, British and American spelling and
    romanisation set aside ("Air Accidents" / "air accident", "Labour" / "Labor"): two names
    with one list are one name."""
    return [_transliterated(w) for w in _words(text)]


# ("ae", "oe", "ue": an umlaut written out, "Schaeuble" / "Schäuble", read as "Schauble")
_TRANSLIT = (("tch", "ch"), ("dzh", "j"), ("dz", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"),
             ("ck", "k"), ("ae", "a"), ("oe", "o"), ("ue", "u"), ("ou", "u"), ("oo", "u"),
             ("ee", "i"), ("w", "v"), ("y", "i"), ("q", "k"), ("c", "k"), ("x", "ks"))


def _transliterated(word: str) -> str:
    """A coarse spelling key: romanisations of one name ("Dzong"/"Jong", "Wolodymyr"/
    "Volodymyr", "Tchaikovsky"/"Chaikovsky", "Schaeuble"/"Schäuble") share it; different words
    rarely do."""
    w = re.sub(r"re$", "er", word)  # British and American spellings: "metre"/"meter"
    w = re.sub(r"is(e|ation)$", r"iz\1", w).replace("our", "or")
    w = re.sub(r"^(def|off|lic|pret)ence", r"\1ense", w)  # "defence" / "defense"
    for a, b in _TRANSLIT:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


# the numbers a name is told by: after it as a cardinal, Roman numeral or digit ("World War
# Two", "World War II", "World War 2"), or before it as an ordinal ("the Second World War")
_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")
_CLOSING = {w: k + 1 for words in (_CARDINALS, _ROMANS) for k, w in enumerate(words)} | {
    str(k): k for k in range(1, 11)}
_OPENING = {w: k + 1 for k, w in enumerate(_ORDINALS)}


def _numbered(name: str) -> tuple[str, int] | None:
    """A name told by a number (lower case, no leading "the") as (the name without it, the
    number); the name left must be of two words or more ("World War", not "Malcolm" of "Malcolm
    X" nor "Minister" of "First Minister")."""
    head, _, last = name.rpartition(" ")
    if " " in head and last in _CLOSING:
        return head, _CLOSING[last]
    first, _, rest = name.partition(" ")
    if " " in rest and first in _OPENING:
        return rest, _OPENING[first]
    return None


# the closing words read as digits by ``numbered_key``: one to three, in any of the forms
_KEYED = {w: str(n) for w, n in (_CLOSING | _OPENING).items() if n <= 3 and not w.isdigit()}


def numbered_key(name: str) -> str:
    """A name's closing number (one to three) as a digit: "world war i", "world war one",
    "elizabeth ii" → "world war 1", "elizabeth 2" (so "Elizabeth I" is not "Elizabeth II")."""
    head, _, last = name.rpartition(" ")
    return f"{head} {_KEYED[last]}" if head and last in _KEYED else name


def same_numbered(x: str, y: str) -> bool:
    """Two names (lower case) told by one number, written two ways: "second world war" / "world
    war ii"."""
    nx, ny = _numbered(x.removeprefix("the ")), _numbered(y.removeprefix("the "))
    return nx is not None and nx == ny


def numbered_forms(name: str) -> list[str]:
    """The other ways of writing a numbered name (lower case): "Second World War" → "world war
    two", "world war ii", "world war 2", ...; none for a name told by no number."""
    found = _numbered(reading_form(name).removeprefix("the "))
    if found is None:
        return []
    rest, n = found
    forms = [f"{_ORDINALS[n - 1]} {rest}", f"{rest} {_CARDINALS[n - 1]}",
             f"{rest} {_ROMANS[n - 1]}", f"{rest} {n}"]
    return [f for f in forms if f != reading_form(name)]
