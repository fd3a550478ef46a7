"""Citations that name an upstream source: "By Reuters", "(AP) —", "via AP", "Credited from: X",
"(Reuters, BBC, CNN)", "Source: https://www.reuters.com/...", "as reported by the Italian agency
ANSA". Searched in the working text and in the artefacts cleaning took out of it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from wiretrace.model import Article

__all__ = [
    "Citation", "agency_of", "article_citations", "canonical_name", "credits", "find_citations",
    "agency_site", "is_agency",
    "is_news_outlet", "names_outlet", "outlet_like",
]

# aliases → canonical name; the keys are lower case
_ALIASES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "apnews": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "ansa": "ANSA",
    "efe": "EFE",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "interfax": "Interfax",
    "ukrinform": "Ukrinform",
    "pti": "PTI",
    "ians": "IANS",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "anadolu": "Anadolu",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "bbc": "BBC",
    "cnn": "CNN",
    "nyt": "The New York Times",
    "nytimes": "The New York Times",
    "new york times": "The New York Times",
    "the new york times": "The New York Times",
    "washingtonpost": "The Washington Post",
    "the washington post": "The Washington Post",
    "theguardian": "The Guardian",
    "guardian": "The Guardian",
    "the guardian": "The Guardian",
    "aljazeera": "Al Jazeera",
    "al jazeera": "Al Jazeera",
    "pap": "PAP",
    "polish press agency": "PAP",
    "newsweek": "Newsweek",
    "fox news": "Fox News",
    "nbc news": "NBC News",
    "abc news": "ABC News",
    "cbs news": "CBS News",
    "sky news": "Sky News",
    "npr": "NPR",
    "politico": "Politico",
    "axios": "Axios",
    "the independent": "The Independent",
    "the telegraph": "The Telegraph",
    "daily mail": "Daily Mail",
    "le monde": "Le Monde",
    "der spiegel": "Der Spiegel",
    "mti": "MTI",
    "ctk": "ČTK",
    "anp": "ANP",
    "apa": "APA",
    "anadolu agency": "Anadolu",
    "kyodo news": "Kyodo",
    "yonhap news agency": "Yonhap",
    "press trust of india": "PTI",
    "the canadian press": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "australian associated press": "AAP",
    "aap": "AAP",
    "united press international": "UPI",
    "agencia efe": "EFE",
    "xinhua news agency": "Xinhua",
}
_AGENCY = (
    r"(?:The\s+)?Associated\s+Press|AP|Reuters|Thomson\s+Reuters|AFP|Agence\s+France[- ]Presse|"
    r"dpa|DPA|ANSA|EFE|Xinhua|TASS|Interfax|Ukrinform|PTI|IANS|Kyodo|Yonhap|Anadolu|Bloomberg|"
    r"UPI|BBC|CNN|PAP|MTI|ANP|APA|AAP|Polish\s+Press\s+Agency|(?:The\s+)?Canadian\s+Press|"
    r"Press\s+Trust\s+of\s+India|Anadolu\s+Agency"
)
# a capitalised outlet name of one to five words ("Daily Planet", "The Star-Ledger", "CNN")
_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
# words of a name sit on one line: "Credited from: Daily Planet\nKey Takeaways" names one outlet
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|of|the|and|de|del|la)){{0,4}}"
_URL = r"https?://[^\s)>\]]+"
# names joined into a list: "the Associated Press and The Canadian Press", "Reuters, AFP"
_LIST = (rf"(?:{_AGENCY}|{_NAME})(?:\s*(?:,|&|\band\b)\s*(?:the\s+)?(?:{_AGENCY}|{_NAME}))*")

_PERSON = r"[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}"
# "MARIA LOPEZ and JOHN SMITH", "Jane Doe, John Roe & Ann Poe": a byline's reporters
_PEOPLE = rf"{_PERSON}(?:[ \t]*(?:,|and|&)[ \t]*{_PERSON})*"
_PATTERNS: list[tuple[str, bool, re.Pattern[str]]] = [
    ("credited_from", True, re.compile(rf"\bCredited\s+from:?\s*(?P<name>{_NAME}|{_URL})")),
    # "By Jane Doe, Associated Press" / "By JANE DOE Associated Press" / "By Jane Doe | AP": an
    # agency's reporter
    (
        "byline",
        True,
        re.compile(rf"(?m)^[ \t]*By[ \t]+{_PEOPLE}[ \t]*(?:,|and|\|)?[ \t]+(?P<name>{_AGENCY})\b"),
    ),
    # "Caliber.Az reports via international media", "Outlet reports, citing Reuters"
    (
        "reports_via",
        True,
        re.compile(rf"(?P<name>{_NAME})\s+reports?,?\s+(?:via|citing|with\s+reference\s+to)\b"),
    ),
    ("source_url", True, re.compile(rf"\bSources?\s*:\s*(?P<name>{_URL})")),
    ("source_line", True, re.compile(rf"\bSources?\s*:\s*(?P<name>{_NAME}(?:\s*,\s*{_NAME})*)")),
    # (not "By Reuters' count, at least 30 towns ...")
    ("byline", True, re.compile(rf"(?m)^\s*By\s+(?P<name>{_AGENCY})\b(?!['’])")),
    ("byline", True, re.compile(rf"(?m)^\s*By\s+(?P<name>{_NAME}\s+(?:Staff|News|Wire|Desk))\b")),
    ("dateline", True, re.compile(rf"\((?P<name>{_AGENCY}|[A-Z][A-Za-z]{{1,12}})\)\s*[—–-]")),
    ("via", True, re.compile(rf"\bvia\s+(?P<name>{_AGENCY})\b")),
    ("copyright", True, re.compile(rf"(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s+)?(?P<name>{_NAME})")),
    ("multi_credit", True, re.compile(rf"\((?P<name>{_NAME}(?:\s*,\s*{_NAME}){{1,6}})\)")),
    (
        "reported_by",
        False,
        re.compile(
            r"\b(?:as\s+)?(?:first\s+)?(?:reported|quoted|cited)\s+by\s+"
            r"(?:(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:news\s+)?"
            r"(?:agency|newspaper|broadcaster|outlet|daily|channel|website)\s+)?(?:the\s+)?"
            rf"(?P<name>{_AGENCY}|{_NAME})"
        ),
    ),
    # "This article originally appeared in Daily Planet", "first published by the Kyiv Post":
    # a republication notice, a credit of the whole article
    (
        "republished",
        True,
        re.compile(
            r"\b(?:originally|first)\s+(?:appeared|published|ran)\s+(?:on|in|by|at)\s+"
            rf"(?:the\s+)?(?P<name>{_AGENCY}|{_NAME}|{_URL})"
        ),
    ),
    # "With reporting from AFP and Reuters", "Additional reporting by Reuters": agency copy
    (
        "reporting_from",
        True,
        re.compile(
            r"\b(?:[Ww]ith\s+(?:additional\s+)?|[Aa]dditional\s+)reporting\s+(?:from|by)\s+"
            rf"(?P<name>(?:{_AGENCY})(?:\s*(?:,|and|&)\s*(?:{_AGENCY}))*)\b"
        ),
    ),
    # "The Associated Press contributed to this report", "Material from Reuters was used in
    # this report", "With files from The Canadian Press", "With inputs from PTI": agency copy
    # in the article, credited at its foot (a person who contributed is no upstream)
    (
        "contributed",
        True,
        re.compile(
            rf"(?:\b(?:[Mm]aterial|[Ii]nformation|[Rr]eporting)\s+from\s+)?(?P<name>{_LIST})\s+"
            r"(?:contributed(?:\s+reporting)?\s+to|(?:was|were)\s+used\s+in)\s+"
            r"this\s+(?:report|story|article)\b"
        ),
    ),
    # "Associated Press writer Jane Roe in Salem contributed to this report"
    (
        "contributed",
        True,
        re.compile(rf"(?P<name>{_AGENCY})\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|"
                   r"journalists?)\s+[^.\n]{2,120}?\s+contributed(?:\s+reporting)?\s+to\s+this\s+"
                   r"(?:report|story|article)\b"),
    ),
    (
        "contributed",
        True,
        re.compile(rf"\b[Ww]ith\s+(?:files|inputs)\s+from\s+(?:the\s+)?(?P<name>{_LIST})"),
    ),
    ("according_to", False, re.compile(rf"\baccording\s+to\s+(?P<name>{_AGENCY})\b")),
    # "..., the Associated Press reported.", "Reuters reported on Tuesday": the agency named as
    # reporting it, a credit of the statement (not "By Reuters' count", "AP's reporting"); it
    # names no upstream ("As AP reported last year" cites an old story)
    ("reported", False, re.compile(rf"(?<![\w'’])(?P<name>{_AGENCY})\s+(?:has\s+|had\s+)?"
                                   r"(?:reported|reports)\b")),
    ("told", False, re.compile(rf"\btold\s+(?P<name>{_AGENCY})\b")),
]
_NOT_NAMES = {"the", "of", "and", "a", "an", "i", "it", "he", "she", "they", "we", "this",
              "copyright", "all rights reserved", "all rights", "rights reserved", "reserved"}
# a credit of a picture, never the source of the words ("Getty Images", "Photo: AFP")
_PICTURE = re.compile(
    r"(?i)\b(?:images?|photos?|photograph(?:er|y)?|pictures?|pics?|stock|shutterstock|"
    r"getty|alamy|imago|unsplash|pixabay|video|footage|illustration)\b"
)
# words that make a capitalised name an outlet rather than a person ("© Daily Planet Media")
_OUTLET_WORD = re.compile(
    r"(?i)\b(?:news|press|media|times|post|agency|herald|journal|daily|tribune|gazette|"
    r"telegraph|observer|times|review|radio|tv|television|broadcast\w*|network|group|inc|ltd|"
    r"llc|corp\w*|publishing|publications?|wire|report|online|digital|magazine|chronicle|"
    r"express|standard|mail|today|weekly|monitor|courier|\w+\.(?:com|net|org|az|ru|ua|de|uk))\b"
)


@dataclass(frozen=True, slots=True)
class Citation:
    """An upstream named by an article. ``whole`` is true for a credit of the whole article (a
    byline, a dateline credit, a source line) and false for a mention in the running text."""

    name: str
    kind: str
    text: str
    start: int
    end: int
    where: str = "text"  # "text" or "artefact:<kind>" (then offsets are into raw_text)
    whole: bool = True


def _hostname(url: str) -> str | None:
    """The host of a URL; None when the text only looks like one ("http://[bad")."""
    try:
        return urlparse(url).hostname
    except ValueError:
        return None


def canonical_name(name: str) -> str:
    """One spelling per outlet: "The Associated Press" → "AP", a URL → its outlet or domain."""
    name = name.strip().strip(".,;:")
    if name.startswith(("http://", "https://")):
        host = (_hostname(name) or name).lower()
        host = host.removeprefix("www.").removeprefix("m.")
        stem = host.split(".")[-2] if host.count(".") >= 1 else host
        return _ALIASES.get(stem, host)
    return _ALIASES.get(" ".join(name.lower().split()), " ".join(name.split()))


def _is_outlet(name: str) -> bool:
    key = " ".join(name.lower().split())
    return bool(key) and key not in _NOT_NAMES and len(key) > 1


def find_citations(text: str, where: str = "text") -> list[Citation]:
    """Every citation in ``text``, in order of position; overlapping finds keep the first kind."""
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for kind, whole, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            raw = m.group("name")
            if kind in ("credited_from", "source_url"):
                names = [raw]
            else:
                sep = (r"\s*(?:,|&|\band\b)\s*" if kind in ("reporting_from", "contributed")
                       else r"\s*,\s*")
                names = re.split(sep, raw)
            names = [_tidy(n) for n in names]
            names = [n for n in names if _is_outlet(n) and not _PICTURE.search(n)]
            if not names or _PICTURE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "Photo: Getty Images", "(Photo by Jane Doe/AFP)": a picture credit
            if kind == "multi_credit" and not any(_known(n) for n in names):
                continue  # "(Paris, Berlin)" is not a credit: an outlet must be among them
            if kind == "multi_credit" and not all(_known(n) or _outletish(n) for n in names):
                continue
            if kind == "dateline" and not _known(raw) and not (raw.isupper() and len(raw) <= 5):
                continue  # "(PAP) —" is an agency; "(HELSINKI) —" is a place
            if kind == "copyright" and not _known(raw) and not _OUTLET_WORD.search(raw):
                continue  # "© 2024 Daily Planet Media" yes; "© Jane Doe" (a photographer) no
            if kind == "contributed":  # "Jane Roe contributed to this report": no upstream
                # "Jane Roe of the Daily Herald": the outlet, not its reporter
                names = [re.split(r"\s+of\s+(?:the\s+)?", n)[-1] for n in names]
                names = [n for n in names if _known(n) or _OUTLET_WORD.search(n)]
                if not names:
                    continue
            if kind == "reports_via" and not (_known(names[0]) or _OUTLET_WORD.search(names[0])):
                continue
            for n in names:
                found.append(
                    Citation(canonical_name(n), kind, m.group(), m.start(), m.end(), where, whole)
                )
            taken.append((m.start(), m.end()))
    found.sort(key=lambda c: c.start)  # (stable: a credit's names keep their order, "(AFP,
    # Reuters, BBC)" names Reuters second)
    return found


def _tidy(name: str) -> str:
    """"A Fox News" → "Fox News": an article before a name is not part of it."""
    return re.sub(r"^(?:A|An)\s+(?=[A-Z])", "", name.strip())


def _outletish(name: str) -> bool:
    """A credit-list entry that reads as an outlet: one to four capitalised words."""
    words = name.split()
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() or w.lower() in ("of", "the") for w in words
    )


def _known(name: str) -> bool:
    return " ".join(name.lower().split()) in _ALIASES


def is_news_outlet(name: str) -> bool:
    """A news agency or outlet the citations know by name ("AFP", "The Associated Press"),
    also told with what it is ("Reuters news agency", "the state news agency Xinhua")."""
    bare = _DESCRIBED.sub(" ", name).strip()
    return any(_known(n) or canonical_name(n) in _AGENCIES for n in {name, bare} if n)


# the words that say what an outlet is, around its name
_DESCRIBED = re.compile(r"\b(?:the|state(?:-run)?|official|news|agency|wire|service|newswire)\b",
                        re.IGNORECASE)


def outlet_like(name: str) -> bool:
    """A name that is an outlet's, known or by its words ("The Southwest Times Record")."""
    return is_news_outlet(name) or bool(_OUTLET_WORD.search(name))


def article_citations(article: Article) -> list[Citation]:
    """Citations in the working text and in the artefacts (aggregator headers, source lines)."""
    out = find_citations(article.text)
    for art in article.artefacts:
        for c in find_citations(art.text, where=f"artefact:{art.kind}"):
            whole = c.whole or art.kind in ("aggregator_header", "source_line", "credit")
            out.append(
                Citation(
                    c.name, c.kind, c.text, art.start + c.start, art.start + c.end, c.where, whole
                )
            )
    if article.byline:
        for c in find_citations("By " + article.byline.removeprefix("By ").strip(), "byline"):
            out.append(Citation(c.name, c.kind, c.text, -1, -1, "byline", True))
    return out


def _outlet_keys(article: Article) -> set[str]:
    keys: set[str] = set()
    for value in (article.site, article.url):
        if not value:
            continue
        url = value if "://" in value else "https://" + value
        host = (_hostname(url) or "").lower().removeprefix("www.")
        if host:
            keys.add(host)
            keys.add(canonical_name(url).lower())
            keys.add(host.split(".")[0])
    if article.site and "://" not in article.site:
        keys.add(canonical_name(article.site).lower())
        keys.add(" ".join(article.site.lower().split()))
        # agencies go by their initials: Meridian Press Agency ~ MPA, Agence France-Presse ~ AFP
        words = [w for w in re.split(r"[\s-]+", article.site) if w[:1].isupper()]
        if len(words) >= 2:
            keys.add("".join(w[0] for w in words).lower())
    return {k for k in keys if k}


def names_outlet(name: str, article: Article) -> bool:
    """Whether a cited name is this article's outlet ("Reuters" ~ site reuters.com)."""
    return _matches(name, _outlet_keys(article))


def credit_points_to(name: str, article: Article) -> bool:
    """Whether a credit ("Credited from: CWS") points at this article: its outlet, or the agency
    whose dateline it carries at its start ("ROME (CWS) —"), wherever it was published."""
    return _matches(name, _outlet_keys(article) | _dateline_agencies(article))


def _matches(name: str, keys: set[str]) -> bool:
    key = canonical_name(name).lower()
    return key in keys or key.replace(" ", "") in keys or key.removeprefix("the ") in keys


def _dateline_agencies(article: Article) -> set[str]:
    head = article.text[:300]
    return {
        canonical_name(c.name).lower()
        for c in find_citations(head)
        if c.kind == "dateline" and c.start < 120
    }


_IN_HOUSE = re.compile(r"\b(?:desk|staff|newsroom|editorial|team|reporters?|editors?)\b", re.I)


def in_house(name: str, article: Article) -> bool:
    """A credit naming the article's own outlet, its company ("Nordwire AB" on Nordwire) or its
    own desk ("NewsPulse Desk", "Staff"): never an upstream."""
    if names_outlet(name, article) or _IN_HOUSE.search(name):
        return True
    if agency_site(article) == canonical_name(name):
        return True  # "AP" on "AP News", "Xinhua" on english.news.cn
    key = canonical_name(name).lower()
    return any(len(k) >= 3 and key.startswith(k + " ") for k in _outlet_keys(article))


_AGENCY_WORD = re.compile(r"(?i)\b(?:agency|agencies|news service|wire)\b")


def upstream_names(citations: Iterable[Citation], whole_only: bool = False) -> list[str]:
    """Distinct cited names, most specific credits first; bylines after credits in the text.

    With ``whole_only``, credits of the whole article; when there is none, an agency the text
    says it reports from ("as reported by the Polish Press Agency", "according to Reuters")."""
    cites = list(citations)
    seen: list[str] = []
    for c in sorted(cites, key=lambda c: (not c.whole, c.where == "byline", c.start)):
        if whole_only and not c.whole:
            continue
        if c.name not in seen:
            seen.append(c.name)
    if whole_only and not seen:
        for c in sorted(cites, key=lambda c: c.start):
            agency = _known(c.name) and c.name in _AGENCIES or _AGENCY_WORD.search(c.name)
            if c.kind in ("reported_by", "according_to") and agency and c.name not in seen:
                seen.append(c.name)
    return seen


# news agencies (canonical names): the usual upstream of a copy
_AGENCIES = {"AP", "Reuters", "AFP", "dpa", "ANSA", "EFE", "Xinhua", "TASS", "Interfax",
             "Ukrinform", "PTI", "IANS", "Kyodo", "Yonhap", "Anadolu", "UPI", "PAP", "MTI",
             "ČTK", "ANP", "APA", "Bloomberg"}


def is_agency(name: str) -> bool:
    """A news agency known by name ("AP", "Reuters", "PAP"), by its canonical name."""
    return name in _AGENCIES


# the agencies' own sites, where their stories are originals
_AGENCY_HOSTS = {
    "apnews.com": "AP", "ap.org": "AP", "reuters.com": "Reuters", "afp.com": "AFP",
    "dpa.com": "dpa", "ansa.it": "ANSA", "efe.com": "EFE", "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua", "tass.com": "TASS", "tass.ru": "TASS", "interfax.com": "Interfax",
    "interfax.ru": "Interfax", "ukrinform.net": "Ukrinform", "ukrinform.ua": "Ukrinform",
    "ptinews.com": "PTI", "ians.in": "IANS", "kyodonews.net": "Kyodo", "yna.co.kr": "Yonhap",
    "aa.com.tr": "Anadolu", "upi.com": "UPI", "pap.pl": "PAP", "bloomberg.com": "Bloomberg",
    "mti.hu": "MTI", "ctk.cz": "ČTK", "anp.nl": "ANP", "apa.at": "APA", "aap.com.au": "AAP",
    "thecanadianpress.com": "The Canadian Press",
}


def agency_site(article: Article) -> str | None:
    """The agency whose own site or service published the article ("english.news.cn" is
    Xinhua's, "AP News" AP's), by its address or its site's name."""
    for value in (article.url, article.site):
        if not value:
            continue
        host = (_hostname(value if "://" in value else "https://" + value) or "").lower()
        for domain, name in _AGENCY_HOSTS.items():
            if host == domain or host.endswith("." + domain):
                return name
    if article.site and "://" not in article.site:
        words = article.site.split()
        for k in range(len(words), 0, -1):  # "AP News", "Reuters UK", "Agence France-Presse"
            name = canonical_name(" ".join(words[:k]))
            if name in _AGENCIES:
                return name
    return None


def agency_of(article: Article, citations: Iterable[Citation]) -> str | None:
    """The news agency whose text this article carries by its own account: the agency it
    credits as a whole ("By Reuters", "(AP) —"), or the agency that publishes it."""
    for c in citations:
        if c.whole and c.name in _AGENCIES:
            return c.name
    for value in (article.site, article.url):
        if value:
            name = canonical_name(value if "://" in value or " " in value else "https://" + value)
            if name in _AGENCIES:
                return name
    if article.site and _AGENCY_WORD.search(article.site):  # "Meridian Press Agency"
        return " ".join(article.site.split())
    return None


def credits(name: str, citations: Iterable[Citation]) -> bool:
    """Whether any citation, credit or mention, names ``name``."""
    return any(c.name == name for c in citations)
