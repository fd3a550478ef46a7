"""Every tunable of wiretrace, declared once. One ``Settings`` object is passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path = field(default_factory=lambda: Path("wiretrace.db"))
    # ingest
    max_file_bytes: int = 64 * 1024 * 1024  # larger files are rejected
    max_inflated_bytes: int = 128 * 1024 * 1024  # gzip bombs stop here
    max_html_depth: int = 2000  # deeper HTML is rejected as malformed
    min_text_chars: int = 40  # shorter extractions are rejected as empty
    # an item longer than this is not an article (HTML may be 5x longer: markup); rejected early
    max_item_chars: int = 2_000_000
    # rejections listed (stored, printed) per source; more are counted in one line
    max_rejections_per_source: int = 1000
    # tables (CSV, JSON Lines, JSON): (field, column) choices over the recognised column names
    # (ingest/tabular.py; an empty column ignores the field), and the string that separates
    # paragraphs inside a text column (None: line breaks, or literal "\n" escapes)
    column_map: tuple[tuple[str, str], ...] = ()
    paragraph_separator: str | None = None
    # sketch / cluster
    shingle_size: int = 5
    num_perm: int = 128
    lsh_bands: int = 32
    near_duplicate_jaccard: float = 0.5
    near_duplicate_containment: float = 0.7
    story_threshold: float = 0.16  # chosen on the ECB+ dev topics (bench/clustering.py)
    minhash_seed: int = 42
    # story candidates: articles sharing one of their most distinctive names/words (blocking key)
    # in a date window; a key held by more than story_block_cap articles is too common to block on
    # (20: on ECB+ dev it keeps 93.5 % of same-event pairs as candidates against 93.9 % at 50;
    # on 300,000 generated articles 23 candidates per article against 71)
    story_block_cap: int = 20
    story_window_days: int = 30
    semantic: bool = False  # sentence embeddings as one more story signal (wiretrace[semantic])
    # align: a sentence embedding model (wiretrace.embeddings) finds paraphrased passages
    semantic_alignment: bool = True
    workers: int = 0  # 0 = all cores
    # claims: a change of one of these kinds is reported only where the entailment check
    # (claims.entailment) says the copy's sentence is not supported by its source. Additions
    # only: on the other kinds the rules' evidence is anchored in the aligned sentence and the
    # model (dev balanced accuracy 0.62) vetoes real changes there (bench/changes.py measures
    # both); empty = rules only. Widen it when a stronger model ships.
    entailment_kinds: frozenset[str] = frozenset({"addition"})
    # align / claims / compare: a longer working text is aligned and compared over its first
    # this many characters, with the cut recorded (trace.bounds): one pair stays within seconds
    max_compare_chars: int = 20_000
    # store
    busy_timeout_ms: int = 30_000

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
