"""Dates and relative dates ("on Friday", "last month", "earlier in January", "March 3"), resolved
against the article's published date when it is known."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "find_dates", "parse_published"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MON_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH_RX = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH_RX})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
                       r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmy", re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RX})"
                       r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("month", re.compile(r"\b(?:(?P<rel>last|next|this|earlier in|later in|in|since|until)\s+)?"
                         r"(?P<mon>January|February|March|April|June|July|August|September|"
                         r"October|November|December)(?:\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|next|this|on|early|late)\s+)?"
                           r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tomorrow|tonight|last night|"
                            r"(?:last|next|this) (?:week|month|year)"
                            r"|earlier this (?:week|month|year)"
                            r"|(?P<n>\d+|a|one|two|three) "
                            r"(?P<u>days?|weeks?|months?|years?) ago)\b",
                            re.IGNORECASE)),
]
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3}


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    resolved: str | None  # YYYY-MM-DD, YYYY-MM or YYYY when known


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_num(token: str) -> int:
    return _MON_ABBR.get(token.lower().rstrip(".")[:4] if token.lower().startswith("sept")
                         else token.lower()[:3], 0)


def _resolve(kind: str, m: re.Match[str], ref: date | None) -> str | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        if kind in {"mdy", "dmy"}:
            mon = _month_num(g["mon"])
            year = int(g["y"]) if g.get("y") else (ref.year if ref else None)
            if not mon:
                return None
            if year is None:
                return f"--{mon:02d}-{int(g['d']):02d}"
            if not g.get("y") and ref and date(year, mon, int(g["d"])) > ref + timedelta(days=7):
                year -= 1  # "March 30" in an article of March 2nd is last year's
            return date(year, mon, int(g["d"])).isoformat()
        if kind == "month":
            mon = _month_num(g["mon"])
            year = int(g["y"]) if g.get("y") else (ref.year if ref else None)
            if year is None:
                return None
            if not g.get("y") and ref and (g.get("rel") == "last" or mon > ref.month):
                year -= 1 if g.get("rel") != "next" else -1
            return f"{year}-{mon:02d}"
        if ref is None:
            return None
        if kind == "weekday":
            wd = _WEEKDAYS.index(g["wd"].lower())
            delta = (ref.weekday() - wd) % 7
            if g.get("rel") == "next":
                return (ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)).isoformat()
            if g.get("rel") == "last" and delta == 0:
                delta = 7
            return (ref - timedelta(days=delta)).isoformat()
        rel = g["rel"].lower()
        if rel in {"today", "tonight"}:
            return ref.isoformat()
        if rel in {"yesterday", "last night"}:
            return (ref - timedelta(days=1)).isoformat()
        if rel == "tomorrow":
            return (ref + timedelta(days=1)).isoformat()
        if g.get("u"):
            n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
            unit = g["u"].rstrip("s")
            days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
            d = ref - timedelta(days=days)
            return d.isoformat() if unit in {"day", "week"} else f"{d.year}-{d.month:02d}"
        if rel.endswith("week"):
            sign = {"last": -7, "next": 7}.get(rel.split()[0], 0)
            return (ref + timedelta(days=sign)).isoformat()[:10]
        if rel.endswith("month"):
            shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
            y, mth = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
            return f"{y}-{mth + 1:02d}"
        if rel.endswith("year"):
            return str(ref.year + {"last": -1, "next": 1}.get(rel.split()[0], 0))
    except (ValueError, KeyError):
        return None
    return None


def find_dates(
    text: str, start: int = 0, end: int | None = None, published: str | None = None
) -> list[DateMention]:
    """Dates in ``text[start:end]``, resolved against ``published`` (ISO date) when given."""
    end = len(text) if end is None else end
    ref = parse_published(published)
    out: list[DateMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text, start, end):
            if any(d.start < m.end() and m.start() < d.end for d in out):
                continue
            out.append(DateMention(m.start(), m.end(), m.group(), _resolve(kind, m, ref)))
    out.sort(key=lambda d: d.start)
    return out
