"""Claims of an article, sentence by sentence, with offsets into its working text.

Kinds: ``figure`` (a quantity and what it counts), ``attribution`` (who says it), ``quote``,
``actor`` (people and organisations, with their titles), ``place`` and ``date``. Every claim keeps
the span of its sentence in ``value["sentence"]`` so that later stages can group by sentence.
"""

from __future__ import annotations

from wiretrace.claims.attributions import Attribution, find_attributions, find_quotes
from wiretrace.claims.dates import find_dates
from wiretrace.claims.entities import find_entities
from wiretrace.claims.figures import find_figures
from wiretrace.claims.lexicon import lexicon
from wiretrace.model import Article, Claim
from wiretrace.trace.sentences import split_sentences

__all__ = ["extract_claims", "extract_claims_from_text", "sentence_claims"]


def sentence_claims(
    text: str, start: int, end: int, published: str | None = None, article_id: int = 0
) -> list[Claim]:
    """Claims of the sentence ``text[start:end]``."""
    sentence = [start, end]
    claims: list[Claim] = []
    attributions = find_attributions(text, start, end)
    source = attributions[0].source if attributions else None
    for a in attributions:
        claims.append(Claim(
            article_id, (a.start, a.end), "attribution", subject=a.source, predicate=a.verb,
            value={"sentence": sentence, "source_span": list(a.source_span)},
            attributed_to=a.source, text=text[a.start:a.end],
        ))
    for f in find_figures(text, start, end):
        n = f.number
        if f.scope is None:
            continue  # a bare number ("one of them") is not a claim
        s = min(n.start, f.counted_span[0]) if f.counted_span else n.start
        e = max(n.end, f.counted_span[1]) if f.counted_span else n.end
        claims.append(Claim(
            article_id, (s, e), "figure", subject=f.counted, predicate=f.scope,
            value={"low": n.low, "high": n.high, "qualifier": n.qualifier, "unit": f.scope,
                   "vague": n.vague, "number_span": [n.start, n.end], "sentence": sentence},
            attributed_to=source, text=text[s:e],
        ))
    for q in find_quotes(text, start, end):
        speaker = q.speaker or _introduced_by(attributions, text, q.start)
        claims.append(Claim(
            article_id, (q.start, q.end), "quote", subject=speaker, value={"sentence": sentence},
            attributed_to=speaker, text=q.text,
        ))
    lex = lexicon()
    for ent in find_entities(text, start, end):
        if ent.type == "place":
            claims.append(Claim(
                article_id, (ent.start, ent.end), "place", subject=ent.canonical,
                value={"canonical": ent.canonical,
                       "country": lex.place_country.get(ent.canonical, ent.canonical),
                       "sentence": sentence},
                attributed_to=source, text=ent.text,
            ))
        else:
            span = (ent.title_span[0], ent.end) if ent.title_span and not ent.apposed else (
                ent.start, ent.end)
            claims.append(Claim(
                article_id, span, "actor", subject=ent.canonical, predicate=ent.title,
                value={"type": ent.type, "canonical": ent.canonical, "title": ent.title,
                       "stale": ent.stale, "name_span": [ent.start, ent.end],
                       "sentence": sentence,
                       **({"apposed_span": list(ent.title_span)} if ent.apposed and ent.title_span
                          else {})},
                attributed_to=source, text=text[span[0]:span[1]],
            ))
    for d in find_dates(text, start, end, published):
        claims.append(Claim(
            article_id, (d.start, d.end), "date", subject=d.text,
            value={"resolved": d.resolved, "sentence": sentence}, attributed_to=source,
            text=d.text,
        ))
    claims.sort(key=lambda c: (c.span[0], c.span[1], c.kind))
    return claims


def _introduced_by(attributions: list[Attribution], text: str, at: int) -> str | None:
    """The speaker of the sentence's last attribution shortly before a quote ("X told Radio
    Vell the ferry was a "special case""), as the quote finder of ``claims.quotes`` reads it."""
    before = [a for a in attributions if a.verb is not None and a.end <= at]
    if before and at - before[-1].end <= 40:
        return before[-1].source
    return None


def extract_claims_from_text(
    text: str, published: str | None = None, article_id: int = 0
) -> list[Claim]:
    """Claims of a text, in reading order; spans are offsets into ``text``."""
    out: list[Claim] = []
    for start, end in split_sentences(text):
        out.extend(sentence_claims(text, start, end, published, article_id))
    return out


def extract_claims(article: Article) -> list[Claim]:
    """Claims of an article's working text (``article.text``)."""
    article_id = article.id if article.id is not None else -1
    return extract_claims_from_text(article.text, article.published, article_id)
