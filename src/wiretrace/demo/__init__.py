"""The bundled demo corpus: one wire story and its copies, plus unrelated stories."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["corpus_path", "truth"]


def corpus_path() -> Path:
    """The folder holding the demo corpus (inside the installed package)."""
    return Path(str(resources.files("wiretrace.demo") / "corpus"))


def truth() -> dict[str, Any]:
    """What the demo corpus was written to contain: stories, derivations, changes, artefacts."""
    path = Path(str(resources.files("wiretrace.demo") / "truth.json"))
    return dict(json.loads(path.read_text(encoding="utf-8")))
