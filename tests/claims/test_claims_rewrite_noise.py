"""Kinds of noise read on LLM rewrites of real news (ImBD, development split), each kept quiet
by a general rule; and the real change beside it still found, so each test can fail both ways.

All texts are fictional and written for these tests.
"""

from __future__ import annotations

from wiretrace.claims.compare import compare_texts


def found(source: str, copy: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in compare_texts(source, copy).changes]


def test_the_opposite_word_negated_says_the_same() -> None:
    """'would be absent' for 'would not attend', 'is unsupported' for 'is not supported': the
    opposite word under a negation is no negation change; the plain opposite still is."""
    src = ("The palace said on Friday that the Duchess would not attend the parade in Varnholm "
           "because she had a fever. Her deputy took over the ceremonial duties.")
    absent = src.replace("would not attend", "would be absent from")
    assert not [k for k, _ in found(src, absent) if k == "negation"]
    src2 = "Playback is not supported on this device, the makers of the Tessly reader said."
    assert not found(src2, src2.replace("is not supported", "is unsupported"))
    # the opposite word with no negation on the other side is still a change
    plain = ("The palace said on Friday that the Duchess would attend the parade in Varnholm "
             "despite a fever. Her deputy stood beside her during the ceremonial duties.")
    assert [k for k, _ in found(plain, plain.replace("would attend", "would be absent from"))
            if k == "negation"]
    assert ("negation", "unsupported") in found(
        src2.replace("is not supported", "is supported"), src2.replace("is not supported",
                                                                       "is unsupported"))
