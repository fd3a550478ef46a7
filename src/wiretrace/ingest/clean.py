"""The clean stage (placeholder until the residue rules land): raw extracted text -> working text
plus typed artefacts with offsets into the raw text."""

from __future__ import annotations

from dataclasses import dataclass, field

from wiretrace.model import Artefact

__all__ = ["Cleaned", "clean"]


@dataclass(slots=True)
class Cleaned:
    text: str
    artefacts: list[Artefact] = field(default_factory=list)


def clean(raw_text: str, title: str | None = None) -> Cleaned:
    return Cleaned(text=raw_text, artefacts=[])
