"""UTF-16 text without a byte-order mark (some Windows exports), told from binary data.

Such text has NUL bytes (the high byte of every ASCII character), which alone would make it
"binary data". It is recognised by where they are: in UTF-16-LE on odd offsets only, in
UTF-16-BE on even ones, while binary data has them anywhere; and it must decode strictly to
printable text.
"""

from __future__ import annotations

__all__ = ["utf16_without_bom"]

_SAMPLE = 4096


def utf16_without_bom(data: bytes) -> str | None:
    """``data`` decoded when it is UTF-16 text without a byte-order mark, else ``None``."""
    sample = data[:_SAMPLE]
    if len(data) % 2 or len(sample) < 8 or b"\0" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    for name, highs, lows in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if lows.count(0) or highs.count(0) < len(highs) // 10:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        head = text[:2000]
        printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in head)
        if printable >= 0.95 * len(head):
            return text
    return None
