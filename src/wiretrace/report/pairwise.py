"""Pairwise mode: `wiretrace compare SOURCE COPY` — the alignment and the changes of two inputs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console

from wiretrace.errors import InputError
from wiretrace.model import Article, Rejection
from wiretrace.settings import Settings

__all__ = ["compare_inputs", "load_one", "print_comparison"]


def load_one(path: str, settings: Settings) -> Article:
    """The first article of a file in any supported format, extracted and cleaned."""
    from wiretrace.ingest.readers import iter_documents
    from wiretrace.pipeline import extract_documents

    for item in extract_documents(iter_documents([path], settings), settings):
        if isinstance(item, Rejection):
            raise InputError(f"{item.source}: {item.reason}")
        if isinstance(item, Article):
            return item
    raise InputError(f"{path}: no article found")


def compare_inputs(source: str, copy: str, settings: Settings,
                   as_text: bool = False) -> dict[str, Any]:
    """Compare two files (or, with ``as_text``, two texts): the copy's changes versus the
    source, with the aligned passages. Offsets point into the two working texts."""
    if as_text:
        a_text, b_text = source, copy
        a_name, b_name = "source", "copy"
    else:
        a_art, b_art = load_one(source, settings), load_one(copy, settings)
        a_text, b_text = a_art.text, b_art.text
        a_name, b_name = source, copy
    result = _bounded_compare(a_text, b_text, settings)
    result["source"] = {"name": a_name, "text": a_text}
    result["copy"] = {"name": b_name, "text": b_text}
    return result


def _bounded_compare(a_text: str, b_text: str, settings: Settings) -> dict[str, Any]:
    """``compare_texts`` over the texts cut to ``settings.max_compare_chars`` (trace.bounds);
    the reuse shares are of the whole texts, and ``bounded`` says what was cut."""
    from wiretrace.claims import compare_texts
    from wiretrace.trace.align import coverage
    from wiretrace.trace.bounds import bound_note, bounded_text

    cap = settings.max_compare_chars
    a_cut, b_cut = bounded_text(a_text, cap), bounded_text(b_text, cap)
    notes = []
    for name, full, cut in (("source", a_text, a_cut), ("copy", b_text, b_cut)):
        if cut is not full:
            notes.append(f"{name}: {bound_note(len(full), len(cut), cap)}")
    if notes:  # a text far longer than any article: wording only, no sentence model
        settings = settings.with_(semantic_alignment=False)
        notes[-1] += "; aligned by wording only (no sentence model)"
    report = compare_texts(a_cut, b_cut, settings)
    if notes:
        al = report.alignment
        al.reuse_a = round(coverage(a_text, [p.a_span for p in al.pairs]), 4)
        al.reuse_b = round(coverage(b_text, [p.b_span for p in al.pairs]), 4)
    result = report.to_dict()
    result["bounded"] = notes
    return result


def print_comparison(result: dict[str, Any], console: Console) -> None:
    al = result["alignment"]
    kinds = Counter(p["kind"] for p in al["pairs"])
    console.print(
        f"{result['copy']['name']} versus {result['source']['name']}: "
        f"{al['reuse_b']:.0%} of the copy is found in the source, "
        f"{al['reuse_a']:.0%} of the source is found in the copy; aligned passages: "
        + (", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none"),
        markup=False,
    )
    for note in result.get("bounded", []):
        console.print(f"note: {note}", markup=False)
    changes = result["changes"]
    if not changes:
        console.print("no changes of fact found")
        return
    console.print(f"changes ({len(changes)}):")
    for ch in changes:
        was = f" (source: {ch['versus_text']!r})" if ch["versus_text"] else ""
        console.print(f"  - {ch['kind']}: {ch['text']!r}{was}: {ch['explanation']}",
                      markup=False)
