"""Typed changes between a fictional source and its copies; consistent variants are no change."""

from __future__ import annotations

from wiretrace.claims.compare import compare, compare_texts
from wiretrace.model import Article

SOURCE = (
    "VARNA CITY — Varnia's interior ministry put the number of dead or injured at 200 on Friday. "
    "Between 1,500 and 2,000 residents were evacuated, according to the coast guard. "
    "At least 40 people were killed in the port district. "
    "Aid was flown to Crete. "
    "Prime Minister Ilse Novak met envoys from Paris and Berlin. "
    "Investigators believe the fire was started deliberately. "
    "The ministry said the dam did not break."
)


def kinds(copy: str) -> list[str]:
    return [c.kind for c in compare_texts(SOURCE, copy).changes]


def change_of(copy: str, kind: str):
    found = [c for c in compare_texts(SOURCE, copy).changes if c.kind == kind]
    assert found, compare_texts(SOURCE, copy).changes
    return found[0]


def test_identical_copy_has_no_changes() -> None:
    assert kinds(SOURCE) == []


def test_synonym_spun_copy_has_no_changes() -> None:
    spun = (
        "VARNA CITY — Varnia's interior ministry put the number of dead or injured at 200 on "
        "Friday. Some 1,800 residents were evacuated, according to the coast guard. "
        "Dozens of people were killed in the port district. "
        "Aid was flown to Crete. "
        "Prime Minister Ilse Novak met envoys from Paris and Berlin. "
        "Investigators believe the fire was started deliberately. "
        "The ministry stated the dam did not break."
    )
    assert kinds(spun) == []


def test_at_least_40_is_40() -> None:
    assert kinds(SOURCE.replace("At least 40 people", "40 people")) == []


def test_scope_change_and_dropped_attribution() -> None:
    copy = SOURCE.replace(
        "Varnia's interior ministry put the number of dead or injured at 200 on Friday.",
        "The disaster left a death toll of 200 on Friday.",
    )
    found = kinds(copy)
    assert "scope" in found and "attribution" in found
    scope = change_of(copy, "scope")
    assert scope.text == "death toll of 200"
    assert scope.versus_text == "dead or injured at 200"
    assert scope.span and copy[scope.span[0]:scope.span[1]] == scope.text
    assert scope.versus_span and SOURCE[scope.versus_span[0]:scope.versus_span[1]] == (
        scope.versus_text)


def test_scope_change_in_a_sentence_fusing_two() -> None:
    """The copy folds the casualty figure into the sentence of the "at least 40 killed": a bound
    that would cover 200 says less than the source's 200 counting dead or injured, and the
    copy's "death toll of 200" changes that count and drops who gave it. A copy that keeps
    the count stays quiet."""
    src = ("Floods swept through northern Varnia on Monday, killing at least 40 people. "
           "The rescue service put the number of dead or injured at 200 on Monday evening. "
           "Prime Minister Ada Lind called the flood the worst disaster in a century.")
    fused = ("Floods swept through northern Varnia on Monday, killing at least 40 people, with "
             "a death toll of 200. Prime Minister Ada Lind called it the worst disaster in a "
             "century.")
    got = {(c.kind, c.text, c.versus_text) for c in compare_texts(src, fused).changes}
    assert ("scope", "death toll of 200", "dead or injured at 200") in got
    assert "attribution" in {k for k, _, _ in got}
    kept = fused.replace("with a death toll of 200", "and the rescue service put the number "
                         "of dead or injured at 200")
    assert not compare_texts(src, kept).changes


def test_figure_change() -> None:
    c = change_of(SOURCE.replace("At least 40 people", "At least 90 people"), "figure")
    assert "90" in c.text and "40" in c.versus_text


def test_coordinated_place_swap() -> None:
    # "envoys from Paris and X": a place governed by "from", anchored by "Paris and"
    c = change_of(SOURCE.replace("Paris and Berlin", "Paris and Moscow"), "place")
    assert (c.text, c.versus_text) == ("Paris and Moscow", "Paris and Berlin")
    assert "addition" not in kinds(SOURCE.replace("Paris and Berlin", "Paris and Moscow"))


def test_place_swap() -> None:
    c = change_of(SOURCE.replace("flown to Crete", "flown to Cyprus"), "place")
    assert (c.text, c.versus_text) == ("flown to Cyprus", "flown to Crete")


def test_person_swap_is_actor_change() -> None:
    c = change_of(SOURCE.replace("Ilse Novak", "Marta Kovacs"), "actor")
    assert c.text == "Prime Minister Marta Kovacs"


def test_stale_title() -> None:
    c = change_of(SOURCE.replace("Prime Minister Ilse", "Former Prime Minister Ilse"), "title")
    assert "former" in c.explanation


def test_a_stale_title_set_after_the_name_is_read() -> None:
    # "Jane Okafor, the mayor of Lenford" / "..., the former mayor of Lenford": the title in
    # apposition, with the span of the whole aside as evidence
    source = "Jane Okafor, the mayor of Lenford, opened the new library on Saturday."
    copy = source.replace("the mayor", "the former mayor")
    found = [c for c in compare_texts(source, copy).changes if c.kind == "title"]
    assert [(c.text, c.versus_text) for c in found] == [
        ("Jane Okafor, the former mayor", "Jane Okafor, the mayor")]
    # the other way round: a past office told as held now
    found = [c for c in compare_texts(copy, "Mayor Jane Okafor opened the new library in "
                                            "Lenford on Saturday.").changes if c.kind == "title"]
    assert [c.versus_text for c in found] == ["Jane Okafor, the former mayor"]
    # the same current title, set before the name or after it, or said in other words
    for same in ("Lenford mayor Jane Okafor opened the new library on Saturday.",
                 "Jane Okafor, who leads Lenford council, opened the new library on Saturday.",
                 "Jane Okafor, the Lenford mayor, opened the new library on Saturday."):
        assert [c for c in compare_texts(source, same).changes if c.kind == "title"] == [], same


def test_former_before_the_titles_own_modifiers_makes_it_a_past_title() -> None:
    # "former Australian public service commissioner Stephen Sedgwick": the source says former
    source = ("The review, by former Australian public service commissioner Stephen Sedgwick, "
              "follows a string of scandals.")
    copy = ("The review by Stephen Sedgwick, a former public service commissioner, follows a "
            "string of scandals.")
    assert [c for c in compare_texts(source, copy).changes if c.kind == "title"] == []
    current = source.replace("former Australian", "Australian")
    assert [c.kind for c in compare_texts(current, copy).changes] == ["title"]


def test_a_former_title_the_source_gives_too_is_no_change_beside_a_current_one() -> None:
    # the source calls him former envoy and, later, Ambassador: the copy keeps the first
    source = ("Later, Kurt Volker, former special envoy to Kyiv, testified. Ambassador Volker "
              "confirmed under oath that he had no indication of a bribe.")
    copy = source.replace("testified.", "testified before the committee.")
    assert [c for c in compare_texts(source, copy).changes if c.kind == "title"] == []


def test_negation() -> None:
    change_of(SOURCE.replace("the dam did not break", "the dam broke"), "negation")
    change_of(SOURCE.replace("were killed in", "were not killed in"), "negation")


def test_modality() -> None:
    c = change_of(SOURCE.replace("Investigators believe", "Investigators confirmed"), "modality")
    assert c.text == "confirmed"


def test_attribution_moved() -> None:
    copy = SOURCE.replace("according to the coast guard", "according to the Red Cross")
    c = change_of(copy, "attribution")
    assert "Red Cross" in c.explanation


def test_compare_articles_ids_and_addition() -> None:
    a = Article(source="a", text=SOURCE, raw_text=SOURCE, id=1)
    extra = SOURCE + " A second blast killed 15 soldiers in Osterholm."
    b = Article(source="b", text=extra, raw_text=extra, id=2)
    changes = compare(a, b)
    assert changes and all(c.article == 2 and c.versus == 1 for c in changes)
    assert {c.kind for c in changes} == {"addition"}


def test_opposite_words_and_closed_sets() -> None:
    src = "Quarterly sales of the Varnian carmaker fell sharply on Tuesday, the firm said."
    up = compare_texts(src, "Quarterly sales of the Varnian carmaker rose sharply on Tuesday.")
    assert "negation" in [c.kind for c in up.changes]
    day = compare_texts(src, "Quarterly sales of the Varnian carmaker fell sharply on Friday.")
    assert [(c.kind, c.text, c.versus_text) for c in day.changes] == [
        ("figure", "Friday", "Tuesday")]
