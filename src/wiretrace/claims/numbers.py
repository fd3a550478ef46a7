"""Numbers in running text: digits, ranges, spelled-out and vague quantities, with their hedges.

``find_numbers(text)`` returns every quantity with its character span, an interval
``[low, high]`` and the hedge that qualifies it ("about", "at least", ...). Figures are compared as
intervals: "about 1,800" lies inside "1,500–2,000", "dozens" covers 40, "at least 40" covers 40.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from wiretrace.claims.lexicon import lexicon

__all__ = ["APPROXIMATE", "CURRENCY", "NumberMention", "closed", "consistent", "find_numbers",
           "interval", "measure", "same_measure", "unit_swapped", "word_value"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
                  "b": 1_000_000_000, "tn": 1_000_000_000_000}
# Vague quantities: (low, high) of what a reader would accept.
_VAGUE = {
    "a few": (2, 5), "a handful": (2, 6), "several": (3, 9), "a dozen": (12, 12),
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "billions": (2e9, 9.99e9),
    "a couple of": (2, 3), "a couple": (2, 3), "half a million": (500_000, 500_000),
    "half a dozen": (6, 6),
    "a million": (1e6, 1e6), "a hundred": (100, 100), "a thousand": (1000, 1000),
}
_WORDNUM = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_SPELLED = re.compile(
    rf"\b(?:{_WORDNUM})(?:(?:[\s-]+|\s+and\s+)(?:{_WORDNUM}))*\b", re.IGNORECASE
)
_DIGIT_WORD = "zero|one|two|three|four|five|six|seven|eight|nine"
# "two dozen jets", "3 dozen eggs": twelve times the number ("a dozen" and "dozens" are in
# ``_VAGUE``)
_DOZEN = re.compile(rf"\b(?P<n>\d+|(?:{_WORDNUM})(?:[\s-]+(?:{_WORDNUM}))*)[\s-]+dozen\b(?!s)",
                    re.IGNORECASE)
_SPELLED_DECIMAL = re.compile(
    rf"\b(?P<whole>(?:{_WORDNUM})(?:[\s-]+(?:{_WORDNUM}))*)\s+point\s+"
    rf"(?P<digits>(?:{_DIGIT_WORD})(?:\s+(?:{_DIGIT_WORD}))*)\b", re.IGNORECASE
)
_MEASURED = re.compile(r"\s+(?:per\s?cent|percent|%|million|billion|trillion|miles?|"
                       r"kilomet(?:re|er)s?|km|met(?:re|er)s?|degrees?|feet|inches|pounds|"
                       r"kilo(?:gram)?s?|tonnes?|litres?|liters?|points?\s+(?:higher|lower)|"
                       r"magnitude)\b", re.IGNORECASE)
_VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# a currency sign, the euro's also as read in the wrong encoding ("â‚¬1.32")
CURRENCY = r"(?:US|A|AU|C|CA|HK|NZ|S|R)\$|[$€£¥]|â‚¬"  # "US$1.2bn" is "$1.2bn"
_DIGITS = re.compile(
    rf"(?P<cur>{CURRENCY})?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<suf>bn|mn|tn|[kmb])\b|[\s-](?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)?",
    re.IGNORECASE,
)
# "4 1/2 hours", "4½ months", "½ mile": a whole number and a fraction are one number
_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_FRACTION = re.compile(r"(?<![\d/.,])(?:(?P<whole>\d+)\s?)?(?P<glyph>[½¼¾⅓⅔])"
                       r"|(?<![\d/.,])(?P<whole2>\d+)\s(?P<num>[1-9])/(?P<den>[2-9]|1[0-6])(?![\d/])")
# a number run on by a point and more digits, or after one: "12.05.2024", "2.4.1", "€1.19.57"
_POINT_AFTER = re.compile(r"\.\d")
_POINT_BEFORE = re.compile(r"\d\.\Z")
_POINT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?![.\d])")  # "1.250.000": thousands
# a clock time or a numeric date is no quantity: "9:06 AM", "13:26", "05.51 GMT", "09/14/2013"
_CLOCK_AFTER = re.compile(r"[:/]\d|\s?(?:[ap]\.?m\b\.?|GMT\b|UTC\b|[ECMP][SD]T\b|BST\b|CET\b|"
                          r"local time\b|hrs\b)", re.IGNORECASE)
# a plural noun after a four-digit number counts things ("2006 towers"), a year does not; a
# word that only ends in "s" ("2006 as part of", "1990 was") is no plural
_COUNTED_AFTER = re.compile(
    r"\s*(?!(?:as|is|was|has|this|its|his|us|thus|plus|does|across|always|perhaps|unless|"
    r"whereas|towards|besides|yes)\b)(?:people|persons|[a-z]+s)\b")
_RANGE_SEP = re.compile(r"^\s*(?:–|—|-|to|and|or)\s*$", re.IGNORECASE)


@dataclass(slots=True)
class NumberMention:
    start: int
    end: int
    low: float
    high: float
    qualifier: str | None = None  # approximately | at_least | at_most | nearly | exactly | None
    unit: str | None = None  # money | percent | year (a calendar year) | None
    vague: bool = False
    text: str = ""


# which word may follow which in one spelled number: "twenty-one", "fifteen hundred", "two
# million"; "nine ten" or "twenty thirty" are two numbers side by side, not one
_MAY_FOLLOW = {
    "digit": {None, "tens", "hundred", "scale"},
    "teen": {None, "hundred", "scale"},
    "tens": {None, "hundred", "scale"},
    "hundred": {None, "digit", "teen", "tens"},
    "scale": {None, "digit", "teen", "tens", "hundred"},
}


def _spelled_value(words: str) -> float | None:
    total, current = 0.0, 0.0
    prev: str | None = None
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        if w in _UNITS:
            kind = "digit" if 0 < _UNITS[w] < 10 else "teen"
            current += _UNITS[w]
        elif w in _TENS:
            kind = "tens"
            current += _TENS[w]
        elif w == "hundred":
            kind = "hundred"
            current = (current or 1) * 100
        elif w in _SCALES:
            kind = "scale"
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        if prev not in _MAY_FOLLOW[kind]:
            return None
        prev = kind
    return total + current if prev is not None else None


def word_value(word: str) -> float | None:
    """The number one word gives: digits ("70", "1,500"), or a number word ("seven",
    "twenty-one"); "a" and "an" count one ("a decade")."""
    w = word.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in {"a", "an"}:
        return 1.0
    return _spelled_value(w)


def _raw_mentions(text: str) -> list[NumberMention]:
    found: list[NumberMention] = []
    for m in _VAGUE_RE.finditer(text):
        low, high = _VAGUE[m.group().lower()]
        vague = m.group().lower() not in {"a dozen", "a million", "a hundred", "a thousand",
                                          "half a million", "half a dozen"}
        found.append(NumberMention(m.start(), m.end(), float(low), float(high), vague=vague))
    fractions = []
    for m in _FRACTION.finditer(text):
        whole = float(m.group("whole") or m.group("whole2") or 0)
        part = (_GLYPHS[m.group("glyph")] if m.group("glyph")
                else int(m.group("num")) / int(m.group("den")))
        fractions.append((m.start(), m.end()))
        found.append(NumberMention(m.start(), m.end(), whole + part, whole + part))
    for m in _DIGITS.finditer(text):
        start = m.start("cur") if m.group("cur") else m.start("num")
        if any(a <= start < b for a, b in fractions):
            continue  # "4 1/2", "4½": read as one number above
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_/:") and not (
                m.group("cur") and text[start - 1] == "Â"):
            continue  # part of a code, a word, a clock time or a date like 12/03 (not "Â£675m":
            # a pound sign read in the wrong encoding, which ingest repairs and a text given
            # to ``compare_texts`` may still carry)
        if not m.group("cur") and _CLOCK_AFTER.match(text, m.end("num")):
            continue
        after_point = _POINT_BEFORE.search(text, max(0, start - 2), start) is not None
        if after_point or _POINT_AFTER.match(text, m.end("num")):
            grouped = _POINT_GROUPED.match(text, m.start("num"))
            if grouped and not after_point:
                # thousands grouped by points ("1.250.000 euros")
                value = float(grouped.group().replace(".", ""))
                found.append(NumberMention(start, grouped.end(), value, value,
                                           unit="money" if m.group("cur") else None))
            continue  # else a dotted date, a version or a stray point ("12.05.2024",
            # "€1.19.57"): no quantity to read off it
        try:
            value = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        scale = m.group("suf") or m.group("scale")
        if scale:
            value *= _SUFFIX_SCALES.get(scale.lower()) or _SCALES[scale.lower()]
        unit = None
        if m.group("cur"):
            unit = "money"
        elif m.group("pct"):
            unit = "percent"
        elif (not scale and re.fullmatch(r"(1[89]|20)\d\d", m.group("num"))
              and not _COUNTED_AFTER.match(text, m.end())):
            unit = "year"
        found.append(NumberMention(start, m.end(), value, value, unit=unit))
    for m in _SPELLED.finditer(text):
        pieces = [(m.start(), m.end())]
        last = re.search(r"\s+(?:and\s+)?(\w+)$", m.group())
        if last and text[m.end():m.end() + 1] == "-" and text[m.end() + 1:m.end() + 2].isalpha():
            # "one hundred and fifty one-day matches": the last word makes an adjective with
            # what follows ("one-day"); it is a number of its own, not part of the one before
            cut = m.start() + last.start()
            pieces = [(m.start(), cut), (m.start() + last.start(1), m.end())]
        for start, end in pieces:
            words = text[start:end]
            spelled = _spelled_value(words)
            if spelled is None or words.lower() in {"hundred", "thousand", "million", "billion"}:
                continue
            if words.lower() == "one" and _PRONOUN_ONE.search(text, 0, start):
                continue  # "no one has been charged", "each one has been": a pronoun, no count
            found.append(NumberMention(start, end, spelled, spelled))
    for m in _DOZEN.finditer(text):
        n = m.group("n")
        dozens = float(n) if n.isdigit() else _spelled_value(n)
        if dozens:
            found.append(NumberMention(m.start(), m.end(), 12 * dozens, 12 * dozens))
    for m in _SPELLED_DECIMAL.finditer(text):  # "thirteen point one miles": 13.1
        units = _spelled_value(m.group("whole"))
        if units is None or re.search(r"\b(?:at|from|by)\s+$",
                                      text[max(0, m.start() - 6):m.start()], re.I) or not (
                _MEASURED.match(text, m.end())):
            continue  # "at one point two men", "won by one point four years ago": the idiom,
            # then a count; a spelt-out decimal measures something ("thirteen point one miles")
        value = units + float("0." + "".join(str(_UNITS[w.lower()])
                                             for w in m.group("digits").split()))
        found.append(NumberMention(m.start(), m.end(), value, value))
    # keep the longest of overlapping mentions ("a dozen" over "dozen", "5 million" over "5")
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    kept: list[NumberMention] = []
    for n in found:
        if kept and n.start < kept[-1].end:
            if (n.end - n.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = n
            continue
        kept.append(n)
    return kept


def _hedge_before(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 40):start].lower()
    for cue, qualifier in lexicon().hedges:
        if re.search(rf"(?:^|\W){re.escape(cue)}\s*$", window):
            return qualifier, start - (len(window) - window.rstrip().rfind(cue)) + 0
    return None, start


_PRONOUN_ONE = re.compile(r"\b(?:no|every|each|any|some)[ -]$", re.IGNORECASE)


def find_numbers(text: str) -> list[NumberMention]:
    """Every quantity in ``text``, ranges merged, hedges attached; spans are valid offsets."""
    raw = _raw_mentions(text)
    merged: list[NumberMention] = []
    i = 0
    while i < len(raw):
        n = raw[i]
        if i + 1 < len(raw) and not n.vague and not raw[i + 1].vague:
            nxt = raw[i + 1]
            gap = text[n.end:nxt.start]
            before = text[max(0, n.start - 9):n.start].lower()
            is_range = bool(_RANGE_SEP.match(gap)) and (
                gap.strip() in {"–", "—", "-", "to"} or "between" in before or "from" in before
            )
            if (n.unit == "year" and nxt.unit is None and gap in {"-", "–", "/"}
                    and nxt.end - nxt.start == 2 and 0 <= nxt.low - n.low % 100 <= 9):
                # "2010-11", "2019/20": a season or a financial year, the second year shortened
                year2 = n.low - n.low % 100 + nxt.low
                merged.append(NumberMention(n.start, nxt.end, n.low, year2, unit="year"))
                i += 2
                continue
            if is_range and n.unit == nxt.unit and nxt.low >= n.low:
                low = n.low
                if n.low < nxt.low and n.low * 1000 <= nxt.low and n.low < 1000:
                    # "1.5 to 2 million": the first number takes the scale of the second
                    for s in (1e3, 1e6, 1e9):
                        if n.low * s <= nxt.low < n.low * s * 10:
                            low = n.low * s
                merged.append(NumberMention(n.start, nxt.end, low, nxt.high, unit=nxt.unit))
                i += 2
                continue
        merged.append(n)
        i += 1
    for n in merged:
        qualifier, hstart = _hedge_before(text, n.start)
        if qualifier:
            n.qualifier = qualifier
            n.start = max(0, min(n.start, hstart))
        n.text = text[n.start:n.end]
    return merged


APPROXIMATE = 0.15  # how far "about N" reaches either side of N
_APPROXIMATE_WORDS = 0.2  # ... when a number is in words ("about a dozen" and "about 10")


def interval(n: NumberMention) -> tuple[float, float]:
    """The values a careful reader accepts for a mention, widened by its hedge."""
    low, high = n.low, n.high
    q = n.qualifier
    if q == "approximately":
        low, high = low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
    elif q == "at_least":
        high = math.inf
    elif q == "at_most":
        low = 0.0
    elif q == "nearly":
        low = low * 0.85
    if not n.vague and low == high and low >= 1000 and n.unit != "year":
        # rounded figures: "1.5 million" and "1,512,000" are the same figure
        low, high = low * 0.97, high * 1.03
    return low, high


def closed(n: NumberMention) -> NumberMention:
    """The mention read as its number alone, without a bound or hedge."""
    return NumberMention(n.start, n.end, n.low, n.high, None, n.unit, n.vague, n.text)


def _places(n: NumberMention) -> int:
    """Decimal places a mention is written with ("1.3240" → 4; words or whole numbers → 0)."""
    m = re.search(r"\d\.(\d+)", n.text or "")
    return len(m.group(1)) if m else 0


def _rounded(a: NumberMention, b: NumberMention) -> bool:
    """Two decimal figures, one the other rounded to its fewer places."""
    k = min(_places(a), _places(b))
    return k >= 1 and _places(a) != _places(b) and round(a.low, k) == round(b.low, k)


def consistent(a: NumberMention, b: NumberMention) -> bool:
    """True when two mentions can describe the same quantity."""
    if a.unit == "year" or b.unit == "year":
        if a.low == b.low and a.high == b.high:
            return True
        # a season or financial year ("2010-11") holds both of its years ("year ending 2011")
        return any(x.high == x.low + 1 and y.low == y.high and x.low <= y.low <= x.high
                   for x, y in ((a, b), (b, a)))
    if a.low == a.high and b.low == b.high and _rounded(a, b):
        return True  # "$1.3240" and "$1.32": one rate, quoted to fewer places
    if (a.qualifier == b.qualifier == "approximately" and a.low == a.high
            and b.low == b.high):
        # two round figures: each hedge leaves room for the other's number, not for its
        # hedge too ("about 45,000" and "about 54,000" are two estimates)
        in_words = any(not re.search(r"\d", n.text or "") for n in (a, b))
        room = _APPROXIMATE_WORDS if in_words else APPROXIMATE
        return abs(a.low - b.low) <= room * max(a.low, b.low)
    if a.qualifier == b.qualifier and a.qualifier in {"at_least", "at_most"}:
        # two bounds of the same kind: "at least 40" and "at least 90" are different figures;
        # "over 280" and "at least 281" are one bound, said strictly and not
        if a.low == a.high and b.low == b.high and abs(a.low - b.low) <= 1:
            return True
        a, b = closed(a), closed(b)
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    return alo <= bhi and blo <= ahi


# Units of measurement and their size in the base unit of their dimension (metre, square metre,
# metre per second, kilogram): a copy may convert "15 miles" to "24km" for its readers.
_LENGTHS = {
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), 1000.0),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), 1.0),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), 0.01),
    **dict.fromkeys(("mile", "miles", "mi"), 1609.344),
    **dict.fromkeys(("ft", "foot", "feet"), 0.3048),
    **dict.fromkeys(("yard", "yards", "yd", "yds"), 0.9144),
    **dict.fromkeys(("inch", "inches"), 0.0254),
}
_MEASURES: dict[str, tuple[str, float]] = {
    **{u: ("length", f) for u, f in _LENGTHS.items()},
    **dict.fromkeys(("acre", "acres"), ("area", 4046.86)),
    **dict.fromkeys(("hectare", "hectares", "ha"), ("area", 10000.0)),
    **dict.fromkeys(("mph",), ("speed", 0.44704)),
    **dict.fromkeys(("km/h", "kph", "kmh", "km/hr"), ("speed", 1000 / 3600)),
    **dict.fromkeys(("knot", "knots"), ("speed", 0.5144)),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), ("mass", 1.0)),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), ("mass", 0.45359)),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), ("mass", 1000.0)),  # short ton 907 kg
    **dict.fromkeys(("litre", "litres", "liter", "liters"), ("volume", 0.001)),
    # spans of time, in days: "nearly two centuries" is "almost 200 years"
    **dict.fromkeys(("minute", "minutes"), ("time", 1 / 1440)),
    **dict.fromkeys(("hour", "hours"), ("time", 1 / 24)),
    **dict.fromkeys(("day", "days"), ("time", 1.0)),
    **dict.fromkeys(("week", "weeks"), ("time", 7.0)),
    **dict.fromkeys(("month", "months"), ("time", 30.44)),
    **dict.fromkeys(("year", "years"), ("time", 365.25)),
    **dict.fromkeys(("decade", "decades"), ("time", 3652.5)),
    **dict.fromkeys(("century", "centuries"), ("time", 36525.0)),
    **dict.fromkeys(("gallon", "gallons"), ("volume", 0.0037854)),
}
_MEASURE_AFTER = re.compile(
    r"\s*°\s*(?P<deg>[CF])\b|(?P<bare>[CF])\b"
    r"|\s*-?\s*(?:degrees?\s+)?(?P<degw>celsius|fahrenheit|centigrade)\b"
    r"|\s*-?\s*(?:(?P<sq>square|sq\.?)[\s-]+)?(?P<unit>km/h|km/hr|[a-z]+)(?:\s+per\s+hour)?",
    re.IGNORECASE)
_CONVERSION_SLACK = 0.1  # converted figures are rounded: "15 miles" is "24km" (24.1)


def measure(text: str, n: NumberMention) -> tuple[str, float, float] | None:
    """(dimension, low, high) in the base unit when a unit of measurement follows the number
    ("15 miles", "2,000ft", "170,000-square-foot", "120 mph", "30C"); None otherwise."""
    found = _measured(text, n)
    return None if found is None else (found[0], found[2], found[3])


def _measured(text: str, n: NumberMention) -> tuple[str, str, float, float] | None:
    """``measure`` with the unit it was given in (one key per unit, whatever its spelling)."""
    if text[n.start:n.end].endswith("m") and n.unit is None and n.low >= 1e6:
        # "600m" read as 600 million: without a currency, as likely 600 metres
        return "length", "length:1.0", n.low / 1e6, n.high / 1e6
    m = _MEASURE_AFTER.match(text, n.end)
    if m is None:
        return None
    scale = (m.group("deg") or m.group("bare") or m.group("degw") or "").lower()[:1]
    if scale:
        if scale == "f":  # to Celsius
            return "temperature", "f", (n.low - 32) * 5 / 9, (n.high - 32) * 5 / 9
        return "temperature", "c", n.low, n.high
    unit = m.group("unit").lower()
    if m.group(0).lower().rstrip().endswith("per hour") and unit in _LENGTHS:
        f = _LENGTHS[unit] / 3600
        return "speed", f"speed:{f}", n.low * f, n.high * f
    if unit not in _MEASURES:
        return None
    dim, f = _MEASURES[unit]
    if m.group("sq"):
        if dim != "length":
            return None
        dim, f = "area", f * f
    return dim, f"{dim}:{f}", n.low * f, n.high * f


def same_measure(x: str, nx: NumberMention, y: str, ny: NumberMention) -> bool:
    """Two mentions of one measured quantity in two units ("about 15 miles" / "about 24km",
    "2,000ft" / "600m"): the same dimension, other units, and values that meet once converted,
    allowing for the rounding of a conversion (not widened by hedges: "about 2,000ft" is not
    "about 900m"). In one unit there is no conversion to round: "27 km" for "25 km" is a
    changed figure (``consistent`` judges it)."""
    mx, my = _measured(x, nx), _measured(y, ny)
    if mx is None or my is None or mx[0] != my[0] or mx[1] == my[1]:
        return False
    _, _, xlo, xhi = mx
    _, _, ylo, yhi = my
    if mx[0] == "temperature":
        return xlo - 1.5 <= yhi and ylo - 1.5 <= xhi
    slack = 1 + _CONVERSION_SLACK
    return xlo / slack <= yhi and ylo / slack <= xhi


def unit_swapped(x: str, nx: NumberMention, y: str, ny: NumberMention) -> bool:
    """One number given in another unit of the same dimension that it does not convert to
    ("25 miles" for "25 kilometres"): the figure changed."""
    if (nx.low, nx.high) != (ny.low, ny.high):
        return False
    mx, my = _measured(x, nx), _measured(y, ny)
    return (mx is not None and my is not None and mx[0] == my[0] and mx[1] != my[1]
            and not same_measure(x, nx, y, ny))

