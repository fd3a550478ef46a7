"""A byline at the top of a text: "By Reuters", "By Reuters Staff", "By JANE DOE Associated
Press", "By Jane Doe, AFP", "By The Associated Press", on a line of its own among the first lines,
or in front of the story on the first line when it names an agency ("By Reuters WASHINGTON -
The ..."). It becomes a ``byline`` artefact (the text is not the story) and the article's byline
when the input gave none; tracing reads agencies from it.
"""

from __future__ import annotations

import re

from wiretrace.ingest.text_lines import Candidate, Line

__all__ = ["byline_name", "find_byline"]

FIRST_LINES = 3

_AGENCY = (
    r"(?:Reuters|The Associated Press|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|"
    r"dpa|DPA|Xinhua|EFE|ANSA|Kyodo|Yonhap|PTI|IANS|UPI|CNN Wire|Staff|Staff Reporter|"
    r"Reuters Staff|News Service|Wire Services?)"
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|de|da|van|von|der|la|le|al|bin|and|&)"
_BYLINE_LINE = re.compile(
    rf"^(?i:by)\s+(?P<name>(?:[Tt]he\s+)?{_NAME_WORD}(?:[\s,|]+{_NAME_WORD}){{0,7}})\s*$"
)
_BYLINE_LEAD = re.compile(
    rf"^(?i:by)\s+(?P<name>(?:{_NAME_WORD}[\s,]+){{0,4}}{_AGENCY})(?=\s+[A-Z]{{3,}}\b|\s*[|–—-]\s)",
)


def find_byline(lines: list[Line], raw: str) -> list[Candidate]:
    for k, line in enumerate(lines[:FIRST_LINES]):
        t = line.text
        if k > 0 and (len(lines[k - 1].text) > 80 or lines[k - 1].text.endswith(".")):
            break  # the story has begun
        name, _ = _split_date(t)
        m = _BYLINE_LINE.match(name)
        if m and len(name) <= 80 and _names_someone(m.group("name")):
            return [Candidate("byline", line.start, line.end, 4)]
        m = _BYLINE_LEAD.match(t) if k == 0 else None
        if m:
            return [Candidate("byline", line.start, line.start + m.end("name"), 4)]
    return []


def _names_someone(name: str) -> bool:
    """Capitalised words (a name, an agency), not a phrase ("by the end of the year")."""
    words = [w for w in re.split(r"[\s,|]+", name) if w]
    lower = [w for w in words if w[:1].islower()]
    if _WHEN.match(name):
        return False
    return bool(words) and len(lower) <= 1 and not re.search(r"\d", name)


_WHEN = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|noon|midnight|then|now|law|far)\b",
    re.I,
)


_DATE_TAIL = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|,)\s*(?P<date>[^|•·]{4,60})$")


def _split_date(line: str) -> tuple[str, str]:
    """("By Jane Doe | AP", "June 11, 2018 at 9:15 PM") for a byline followed by its date."""
    from wiretrace.ingest.chrome import chrome_kind

    m = _DATE_TAIL.search(line)
    if m and chrome_kind(m.group("date")) == "page_chrome":
        return line[: m.start()].rstrip(), m.group("date")
    return line, ""


def byline_name(artefact_text: str) -> str:
    """ "By JANE DOE Associated Press" -> "JANE DOE Associated Press"; a date after it goes."""
    name, _ = _split_date(artefact_text.strip())
    return re.sub(r"^by\s+", "", name, flags=re.I).strip(" ,|")
