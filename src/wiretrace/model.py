"""Records that flow through the pipeline.

Every stage is a plain function from these records to these records; no stage does I/O.
Offsets are character offsets into a named text: an ``Artefact`` points into the article's
``raw_text`` (the text as extracted, before cleaning); alignments, claims and changes point into
``text`` (the working text after cleaning).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Alignment",
    "AlignedPair",
    "Article",
    "Artefact",
    "Change",
    "Claim",
    "Derivation",
    "Document",
    "Fact",
    "FactVariant",
    "FactLineage",
    "LineageHop",
    "QuoteChange",
    "Rejection",
    "Span",
    "spans_overlap",
    "Story",
    "article_identity",
    "content_sha",
]

Span = tuple[int, int]


def spans_overlap(a: Span | None, b: Span | None) -> bool:
    """Do two character spans share a character (a missing span shares none)?"""
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


DERIVATION_TYPES = (
    "original",
    "wire_copy",
    "edited_copy",
    "spun_copy",
    "rewrite",
    "summary",
    "independent",
)

QUOTE_KINDS = ("cut", "spliced", "reattributed", "altered")

CHANGE_KINDS = (
    "figure",
    "scope",
    "qualifier",
    "attribution",
    "actor",
    "place",
    "negation",
    "modality",
    "title",
    "addition",
    "omission",
)


def content_sha(text: str, *context: str | None) -> str:
    """sha256 of a whitespace-normalised text and of its context (lower-cased)."""
    parts = [" ".join((c or "").split()).lower() for c in context]
    parts.append(" ".join(text.split()))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def article_identity(article: Article) -> str:
    """The identity of an article: its raw text where it was published, that is at its URL, or,
    without one, at its site (a crawl row's publisher), or, without either, in its file (by
    name, wherever the folder is). One article per distinct text and place: the same page, row
    or file ingested twice, one outlet's text crawled twice, or a line repeated in one file is
    stored once; the same text from another URL, outlet or file name (a republished wire copy)
    is an article of its own."""
    if article.url and article.url.strip():
        return content_sha(article.raw_text, "url", article.url.split("#")[0].rstrip("/"))
    if article.site and article.site.strip():
        return content_sha(article.raw_text, "site", article.site)
    name = article.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return content_sha(article.raw_text, "file", name)


@dataclass(slots=True)
class Document:
    """One input item as a reader found it, before extraction and cleaning.

    Exactly one of ``html`` or ``text`` is set. ``source`` is the path as given (relative paths
    stay relative) or the URL; ``locator`` tells where inside the source the item was (line
    number of a JSON Lines file, row of a CSV, entry of a feed, record of a WARC).
    """

    source: str
    format: str
    html: str | None = None
    text: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None
    byline: str | None = None
    language: str | None = None
    locator: str | None = None


@dataclass(slots=True)
class Rejection:
    """An input that could not be used, with a reason a person can act on."""

    source: str
    reason: str


@dataclass(slots=True)
class Artefact:
    """Residue found in an extracted text: offsets into the raw extracted text."""

    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """An extracted, cleaned article.

    ``raw_text`` is the text as extracted; ``text`` is the working text later stages use
    (residue removed, mangled datelines repaired). ``artefacts`` point into ``raw_text``.
    ``ai_tells`` are the artefacts of kind ``llm_meta_text`` (and any other AI tells).
    """

    source: str
    text: str
    raw_text: str
    id: int | None = None
    site: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    format: str | None = None
    locator: str | None = None
    artefacts: list[Artefact] = field(default_factory=list)
    sha: str = ""

    def __post_init__(self) -> None:
        if not self.sha:
            self.sha = article_identity(self)

    @property
    def ai_tells(self) -> list[Artefact]:
        return [a for a in self.artefacts if a.kind == "llm_meta_text"]


@dataclass(slots=True)
class Story:
    id: int
    title: str
    articles: list[int]


@dataclass(slots=True)
class AlignedPair:
    """One reused passage: spans into the working texts of articles a and b."""

    a_span: Span
    b_span: Span
    kind: str  # verbatim | edited | paraphrase
    score: float = 1.0


@dataclass(slots=True)
class Alignment:
    a: int
    b: int
    reuse_a: float  # share of a's text found in b
    reuse_b: float  # share of b's text found in a
    pairs: list[AlignedPair] = field(default_factory=list)


@dataclass(slots=True)
class Derivation:
    article: int
    type: str
    parent: int | None = None
    upstream: str | None = None
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    article: int
    span: Span
    kind: str  # figure | attribution | quote | actor | place | date
    subject: str | None = None
    predicate: str | None = None
    value: dict[str, Any] | None = None  # {low, high, qualifier, unit}
    attributed_to: str | None = None
    text: str = ""


@dataclass(slots=True)
class Change:
    article: int
    versus: int
    kind: str
    text: str
    versus_text: str
    explanation: str
    span: Span | None = None
    versus_span: Span | None = None


@dataclass(slots=True)
class FactVariant:
    text: str
    articles: list[int]


@dataclass(slots=True)
class Fact:
    statement: str
    support: list[int]
    variants: list[FactVariant] = field(default_factory=list)
    disputed: bool = False


@dataclass(slots=True)
class LineageHop:
    """One copy that repeats a changed fact: ``text`` at ``span`` in ``article``, copied from
    ``via`` (its parent), where the same words stand at ``via_span``."""

    article: int
    via: int
    text: str
    span: Span
    via_text: str
    via_span: Span


@dataclass(slots=True)
class FactLineage:
    """The line a changed fact travelled along: the copy that first changed it (``origin``, a
    change against its parent) and the copies below it in the provenance tree that repeat the
    changed words (``inherited_by``, in tree order)."""

    origin: Change
    inherited_by: list[LineageHop] = field(default_factory=list)


@dataclass(slots=True)
class QuoteChange:
    """A quote a copy cut, spliced, gave to another speaker or altered, against its parent.

    ``span``/``versus_span`` are the quoted words (inside the marks) in the copy and the parent;
    ``versus_parts`` lists every parent quote a spliced quote joins; ``cut`` says where words were
    removed (start, end, start and end, inside)."""

    article: int
    versus: int
    kind: str  # one of QUOTE_KINDS
    text: str
    span: Span
    versus_text: str
    versus_span: Span
    explanation: str
    speaker: str | None = None
    speaker_span: Span | None = None
    versus_speaker: str | None = None
    versus_speaker_span: Span | None = None
    cut: str | None = None
    versus_parts: list[Span] = field(default_factory=list)
    versus_part_speakers: list[str | None] = field(default_factory=list)
