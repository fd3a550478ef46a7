"""Every string of an input item made storable and printable before it reaches a batch.

Two kinds of string cannot be written to SQLite (or to a UTF-8 terminal) as Python holds them:

- a lone surrogate (U+D800 to U+DFFF on its own), which JSON (``"\\ud800"``), a feed
  (``&#xD800;``) or a CSV cell can carry: it is replaced by U+FFFD, the replacement character,
  so that the item keeps its other fields and text;
- a file name that is not UTF-8 (a Latin-1 ``café.txt``): the operating system hands it over
  with its undecodable bytes escaped as surrogates, which are shown as ``\\xNN`` instead, so the
  name stays distinct and readable (``caf\\xe9.txt``).

``sanitize_item`` is applied to every reader result before extraction; ``sanitize_rejection``
to every rejection before it is stored or printed.
"""

from __future__ import annotations

import dataclasses
import re

from wiretrace.model import Document, Rejection

__all__ = [
    "display_path",
    "replace_bad_char_refs",
    "sanitize_item",
    "sanitize_rejection",
    "storable",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,16}|[0-9]{1,20});")


def storable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (valid UTF-8 from here on)."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_REPLACEMENT, text)


def replace_bad_char_refs(data: bytes) -> bytes:
    """Markup bytes with every character reference to a surrogate, to NUL or past U+10FFFF
    (``&#xD800;``) written as ``&#xFFFD;``: a parser would make a string nothing can store, or
    reject the whole document, over one character."""

    def fix(match: re.Match[bytes]) -> bytes:
        ref = match.group(1)
        code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return b"&#xFFFD;"
        return match.group()

    return _CHAR_REF.sub(fix, data) if b"&#" in data else data


def display_path(path: str) -> str:
    """A path as the file system gave it, bytes it could not decode shown as ``\\xNN``."""
    if not _SURROGATE.search(path):
        return path
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte (not from the OS)
        return storable(path)
    return raw.decode("utf-8", "backslashreplace")


def sanitize_item(item: Document | Rejection) -> Document | Rejection:
    """The item with a storable source and storable fields (the same object when nothing had
    to change)."""
    if isinstance(item, Rejection):
        return sanitize_rejection(item)
    changes: dict[str, str] = {}
    for field in dataclasses.fields(item):
        value = getattr(item, field.name)
        if not isinstance(value, str):
            continue
        fixed = display_path(value) if field.name == "source" else storable(value)
        if fixed is not value:
            changes[field.name] = fixed
    return dataclasses.replace(item, **changes) if changes else item


def sanitize_rejection(rejection: Rejection) -> Rejection:
    source, reason = display_path(rejection.source), storable(rejection.reason)
    if source is rejection.source and reason is rejection.reason:
        return rejection
    return Rejection(source, reason)
