"""Text from the corpus on a terminal: control characters shown, never obeyed.

Titles, site names, bylines and file names come from the input, so they may hold escape
sequences (clear the screen, retitle the window, rewrite the line above) or a newline that
forges a line of output (a file name ``x\\nrejected: ...``). Every string the CLI prints goes
through ``escape_controls``: C0 and C1 control characters (newline and tab kept where a text is
printed whole), DEL and the bidirectional overrides that reorder what a line shows become
visible escapes such as ``\\x1b`` and ``\\u202e``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.console import Console
from rich.errors import MarkupError
from rich.text import Text

__all__ = ["SafeConsole", "escape_controls", "json_text", "one_line"]

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_BREAKS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def escape_controls(text: str) -> str:
    """``text`` with control characters shown as escapes; newlines and tabs kept."""
    return _CONTROLS.sub(_shown, text)


def one_line(text: str) -> str:
    """``text`` as one line: newlines and tabs shown as escapes too."""
    return _CONTROLS_AND_BREAKS.sub(_shown, text)


_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(value: object, indent: int | None = None) -> str:
    """``value`` as JSON (non-ASCII kept readable) with the control characters JSON leaves raw
    (DEL, C1, line separators, bidi overrides) written as ``\\uXXXX`` escapes: the same
    value, safe on a terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeConsole(Console):
    """A rich ``Console`` that escapes control characters in every string it renders (plain
    strings, markup, table cells, tree labels); the styles rich itself emits are unaffected."""

    def render_str(self, text: str, *args: Any, **kwargs: Any) -> Text:
        text = escape_controls(text)
        try:
            return super().render_str(text, *args, **kwargs)
        except MarkupError:  # brackets from the corpus that are not markup: print them as text
            kwargs["markup"] = False
            return super().render_str(text, *args, **kwargs)
