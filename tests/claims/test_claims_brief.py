"""Story comparison and the cited brief on a fictional three-article story."""

from __future__ import annotations

from wiretrace.claims import brief, compare_story, extract_claims
from wiretrace.model import Article, Derivation

ORIGINAL = (
    "VARNA CITY — The interior ministry said 40 people were killed on Friday. "
    "Aid was flown to Crete, officials said. "
    '"We will rebuild every home," Mayor Eleni Papas said.'
)
COPY = ORIGINAL.replace("40 people", "90 people")


def story() -> tuple[list[Article], list[Derivation]]:
    arts = [
        Article(source="a", text=ORIGINAL, raw_text=ORIGINAL, id=1, title="Storm"),
        Article(source="b", text=ORIGINAL, raw_text=ORIGINAL, id=2, title="Storm (wire)"),
        Article(source="c", text=COPY, raw_text=COPY, id=3, title="Storm (rewrite)"),
    ]
    ders = [Derivation(1, "original"), Derivation(2, "wire_copy", 1), Derivation(3, "rewrite", 1)]
    return arts, ders


def test_compare_story_and_disputed_brief() -> None:
    arts, ders = story()
    changes = compare_story(arts, [], ders)
    assert [(c.article, c.versus, c.kind) for c in changes] == [(3, 1, "figure")]
    claims = [c for a in arts for c in extract_claims(a)]
    facts = brief(arts, claims, changes, ders)
    disputed = [f for f in facts if f.disputed]
    assert len(disputed) == 1
    variants = {v.text: v.articles for v in disputed[0].variants}
    assert variants == {"40 people were killed": [1, 2], "90 people were killed": [3]}
    quote = [f for f in facts if "rebuild" in f.statement]
    assert quote and quote[0].support == [1, 2, 3]


def test_single_source_addition() -> None:
    arts, ders = story()
    extra = ORIGINAL + " A second blast killed 15 soldiers in Osterholm."
    arts[2] = Article(source="c", text=extra, raw_text=extra, id=3)
    changes = compare_story(arts, [], ders)
    assert changes and {c.kind for c in changes} == {"addition"}
    facts = brief(arts, [c for a in arts for c in extract_claims(a)], changes, ders)
    single = [f for f in facts if f.support == [3] and not f.disputed]
    assert single and "Osterholm" in single[0].statement


def test_one_entry_per_statement() -> None:
    from wiretrace.claims.brief import _merge_same_statement
    from wiretrace.model import Fact, FactVariant

    facts = [
        Fact("The council approved 40 new buses.", [1, 2]),
        Fact("The council  approved 40 new buses.", [3]),
        Fact("Officials put the toll at 12.", [1, 2, 3],
             [FactVariant("toll at 12", [1, 2]), FactVariant("12 dead", [3])], disputed=True),
        Fact("Officials put the toll at 12.", [1, 2, 3],
             [FactVariant("Officials put", [1, 2]), FactVariant("12 dead", [3])], disputed=True),
    ]
    merged = _merge_same_statement(facts)
    assert len(merged) == 2
    plain, disputed = merged
    assert plain.support == [1, 2, 3] and not plain.disputed
    assert [v.text for v in disputed.variants] == ["toll at 12", "12 dead", "Officials put"]
    assert disputed.variants[1].articles == [3]
