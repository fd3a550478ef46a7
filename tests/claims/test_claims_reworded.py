"""Changes inside reworded sentences: a rewrite (an outlet's, a model's) says the source's
sentence in other words and gets one fact wrong. No words around the fact are kept to anchor it,
so the fact is read against the one the aligned source sentence gives in its place."""

from __future__ import annotations

import pytest

from wiretrace.claims.compare import compare_texts

SOURCE = (
    "The violinist Ines Marlow, who lives in Spain, said she felt honoured when the academy "
    "named her its musician of the year. "
    "She has toured with the chamber orchestra for the last four seasons. "
    "The academy said 3,000 people voted in this year's poll."
)


def _changes(copy: str) -> list:
    return compare_texts(SOURCE, copy).changes


# the first two sentences of SOURCE reworded, with the place of the first left open
REWORDED = (
    "Violinist Ines Marlow, a resident of {place}, spoke of her pride after the academy chose "
    "her as musician of the year. "
    "For four seasons now she has been touring with the chamber orchestra. "
    "The academy said 3,000 people voted in this year's poll."
)


def test_a_place_changed_in_a_reworded_sentence_is_a_place_change() -> None:
    got = [(c.kind, c.text, c.versus_text) for c in _changes(REWORDED.format(place="Poland"))]
    assert got == [("place", "Poland", "Spain")]


def test_a_place_the_reworded_sentence_keeps_in_other_words_is_no_change() -> None:
    # the capital for its country
    kept = REWORDED.format(place="Madrid")
    assert not [c for c in _changes(kept) if c.kind == "place"]


def test_a_place_at_another_level_or_still_named_elsewhere_is_no_swap() -> None:
    # a region for the country, and the source's country still named in the copy: what the
    # copy says may be loose, but it is no place put in another's stead
    assert not [c for c in _changes(REWORDED.format(place="Europe")) if c.kind == "place"]
    elsewhere = REWORDED.format(place="Poland").replace(
        "For four seasons", "Raised in Spain, for four seasons")
    assert not [c for c in _changes(elsewhere) if c.kind == "place"]


def test_a_place_changed_beside_a_gloss_or_a_dropped_town_is_a_place_change() -> None:
    """The reworded sentence leaves out the town ("from Poole, Dorset" / "from Dorset"), so no
    words around the country anchor it, and glosses the county with its country ("Dorset,
    UK"): a gloss is no second place the sentence names, so its one changed country is still
    read against the source's."""
    source = ("Pianist Ruth Calloway moved to Canada from Poole, Dorset, about six years ago. "
              "She has taught at the conservatory for the last four years.")
    copy = ("Pianist Ruth Calloway had relocated to Norway from Dorset, UK, some six years "
            "back. For four years now she has been teaching at the conservatory.")
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy).changes]
    assert got == [("place", "Norway", "Canada")]
    # the same sentence with the source's country kept: nothing to report
    kept = copy.replace("Norway", "Canada")
    assert not [c for c in compare_texts(source, kept).changes if c.kind == "place"]


RELIEF = (
    "Relief flights carrying water bombers landed in Greece on Friday as the fires spread. "
    "The blaze has destroyed more than 200 homes, the fire service said. "
    "Officials in Greece said at least 40 people had died."
)


def test_a_place_beside_the_one_named_elsewhere_is_no_swap() -> None:
    """The copy names the story's country in its last sentence; its reworded first sentence
    adds where the planes came from ("flown in from Germany" / "landed in Greece"): a new
    place, no swap."""
    copy = ("As the fires spread on Friday, water bombers flown in from Germany reached the "
            "area. More than 200 homes have been destroyed by the blaze, according to the fire "
            "service. According to officials in Greece, at least 40 people have died.")
    got = [(c.kind, c.text) for c in compare_texts(RELIEF, copy).changes]
    assert not [k for k, _ in got if k == "place"]
    assert [k for k, _ in got if k == "addition"]


def test_a_context_country_a_shorter_rewrite_adds_is_no_swap() -> None:
    """The source names Nepal twice; the rewrite names it once, and in the sentence that drops
    it adds the country beyond the border: a place told beside the source's, not in its
    stead. Counting mentions read it as a swap (tried and taken out); it stays an addition."""
    source = ("The climber, who was from Nepal, died on the mountain on Tuesday. "
              "Nepal has lost five guides on the mountain this season.")
    copy = ("The climber died on Tuesday on the mountain, which straddles the border with "
            "China. Nepal has lost five guides on the mountain this season.")
    got = [(c.kind, c.text) for c in compare_texts(source, copy).changes]
    assert not [k for k, _ in got if k == "place"]
    assert [k for k, _ in got if k == "addition"]


def test_a_count_changed_in_a_reworded_sentence_is_a_figure_change() -> None:
    copy = (
        "The violinist Ines Marlow, who lives in Spain, said she felt honoured when the academy "
        "named her its musician of the year. "
        "She has toured with the chamber orchestra for the last four seasons. "
        "According to the academy, 4,500 individuals took part in the poll this year."
    )
    got = [(c.kind, c.text, c.versus_text) for c in _changes(copy)]
    assert got == [("figure", "4,500 individuals", "3,000 people")]


PEOPLE = (
    "The study was led by the ecologist Marta Velloso, who tracked the herons for six years. "
    "Velloso said the birds now nest two weeks earlier than they did in the 1990s."
)


def test_a_person_changed_in_a_reworded_sentence_is_an_actor_change() -> None:
    copy = (
        "Ecologist Joran Pieterse headed the research, following the herons over a period of "
        "six years. The birds now nest two weeks earlier than they did in the 1990s."
    )
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(PEOPLE, copy).changes]
    actors = [(text, versus) for kind, text, versus in got if kind == "actor"]
    assert actors == [("Ecologist Joran Pieterse", "Marta Velloso")]
    # and, right too, the second sentence drops who said it
    assert [k for k, *_ in got] == ["actor", "attribution"]


def test_a_person_the_copy_still_names_elsewhere_is_no_swap() -> None:
    # the rewrite names a colleague in the reworded sentence and keeps the lead author's name
    copy = (
        "Ecologist Joran Pieterse headed the research, following the herons over a period of "
        "six years. Marta Velloso said the birds now nest two weeks earlier than they did in "
        "the 1990s."
    )
    assert not [c for c in compare_texts(PEOPLE, copy).changes if c.kind == "actor"]


def test_a_bound_the_copy_restates_does_not_cover_another_of_its_numbers() -> None:
    # the source's "more than 40 shops" is the copy's "over 40 shops", so it cannot also stand
    # for the "70 shops" the copy gives where the source says 35
    source = ("The bakery chain said it had opened 35 shops in eight months, and planned to "
              "open more than 40 shops next year.")
    copy = "The chain added {n} shops over eight months and plans to open over 40 shops next year."
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy.format(n=70))
           .changes]
    assert got == [("figure", "70", "35")]
    assert compare_texts(source, copy.format(n=35)).changes == []


def test_a_person_changed_in_a_reworded_sentence_that_quotes_a_phrase_is_an_actor_change(
) -> None:
    # the quoted words are reworded too, so no quote check can match them: the person is
    # read as in any reworded sentence
    source = ("Floods closed the old harbour on Friday. Dr Pia Lundqvist, who leads the river "
              "authority, told reporters the flood was \"truly exceptional\" for the time of year.")
    copy = ("The old harbour was shut by floods on Friday. Dr. {who}, head of the river "
            "authority, described the flooding to reporters as \"quite extraordinary\" for the "
            "season.")
    got = [(c.kind, c.text, c.versus_text)
           for c in compare_texts(source, copy.format(who="Oskar Brandt")).changes]
    assert got == [("actor", "Dr. Oskar Brandt", "Pia Lundqvist")]
    assert compare_texts(source, copy.format(who="Pia Lundqvist")).changes == []


def test_a_name_spelt_another_way_is_no_person_changed() -> None:
    source = ("Governor Sergei Voronov told reporters the storm damage was \"serious but "
              "repairable\" and thanked the rescue crews.")
    copy = ("Governor Sergey Voronoff described the storm damage to reporters as \"grave but "
            "fixable\", thanking the rescue crews.")
    assert not [c for c in compare_texts(source, copy).changes if c.kind == "actor"]


def test_a_value_both_texts_give_twice_is_matched_twice() -> None:
    source = "The council will fund 12 new teachers and 12 extra classrooms from next year."
    copy = "From next year the council is to pay for 12 extra classrooms and {n} new teachers."
    assert compare_texts(source, copy.format(n=12)).changes == []
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy.format(n=15))
           .changes]
    assert got == [("figure", "15", "12")]


# a reworded sentence whose one number is open
CLINIC = (
    "The island's only clinic was short of a doctor for most of last winter. "
    "Nearly 60 nurses applied when the health board advertised the post in March, a spokesman "
    "said. The board hopes to fill it by the autumn."
)
CLINIC_COPY = (
    "For much of last winter the island's sole clinic had no doctor. "
    "When the post was advertised by the health board in March, it drew around {n} "
    "applications, according to a spokesman. The board hopes to fill it by the autumn."
)


def test_a_lone_number_changed_in_a_reworded_sentence_is_a_figure_change() -> None:
    got = [(c.kind, c.text, c.versus_text) for c in
           compare_texts(CLINIC, CLINIC_COPY.format(n="120")).changes]
    assert got == [("figure", "around 120 applications", "Nearly 60 nurses")]
    # the same number, or a number the source gives: no change
    assert not [c for c in compare_texts(CLINIC, CLINIC_COPY.format(n="60")).changes
                if c.kind == "figure"]


def test_a_lone_number_is_no_change_when_the_copy_keeps_the_source_number_elsewhere() -> None:
    # the rewrite moves "60" to another sentence and adds a number of its own: no swap to read
    moved = CLINIC_COPY.format(n="120").replace(
        "The board hopes", "Nearly 60 nurses were interested. The board hopes")
    assert not [c for c in compare_texts(CLINIC, moved).changes if c.kind == "figure"]
    # two numbers dropped from the source sentence: which one the new number replaced is open
    two = CLINIC.replace("in March, a spokesman", "in March, 14 of them from abroad, a spokesman")
    assert not [c for c in compare_texts(two, CLINIC_COPY.format(n="120")).changes
                if c.kind == "figure"]
    # a percentage for a count is another kind of number
    pct = CLINIC_COPY.format(n="120").replace("around 120 applications", "a rise of 20%")
    assert not [c for c in compare_texts(CLINIC, pct).changes if c.kind == "figure"]


def test_a_person_in_a_slot_of_a_reworded_sentence_is_still_an_actor_change() -> None:
    """The words around the name are kept ("under newly appointed conductor ... on Friday")
    but the rest of the sentence is reworded: the slot alone is no proof, the sentence's lone
    names are (the source's person nowhere in the copy). Before, the name was lost: neither a
    swap nor an addition."""
    src = ("The orchestra opens a new season under newly appointed conductor Marta Velloso on "
           "Friday at the city concert hall. Tickets went on sale last week.")
    copy = ("The orchestra starts a fresh chapter under newly appointed conductor Joran Pieterse "
            "on Friday, with a programme still to be announced. Tickets went on sale last week.")
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(src, copy).changes]
    assert got == [("actor", "Joran Pieterse", "Marta Velloso")]
    assert not compare_texts(src, copy.replace("Joran Pieterse", "Marta Velloso")).changes


def test_a_lone_number_worked_out_or_naming_something_is_no_figure_change() -> None:
    """A rewrite works numbers out, and names things with numbers: none of it is a lone number
    put in another's stead (each pair written after a review found the first version of the
    rule reporting them)."""
    pairs = [
        # a total worked out from a number the sentence keeps
        ("The mill will cut 300 jobs, leaving it with 1,200 staff, a spokeswoman said.",
         "A spokeswoman said the mill is to shed 300 of its 1,500 jobs."),
        # an age told, a count dropped
        ("The driver was taken to hospital with 3 broken ribs, police said.",
         "Police said the driver, 45, was treated in hospital for broken ribs."),
        # a number in a label
        ("The storm killed 12 people on the coast, officials said.",
         "Officials said the Category 4 storm left a trail of deaths on the coast."),
        # a number at the end of a clause
        ("The bill passed by 310 votes to 250 on Tuesday.",
         "On Tuesday the bill passed by 310 votes, a majority of 60."),
    ]
    for source, copy in pairs:
        assert not [c for c in compare_texts(source, copy).changes if c.kind == "figure"], copy


def test_one_name_transliterated_two_ways_is_one_person() -> None:
    src = ("Rebel commanders said on Friday that leader Muammar Gaddafi had fled the capital "
           "with his sons. Fighting went on in the south.")
    copy = ("Leader Moamer Kadhafi had fled the capital with his sons, rebel commanders claimed "
            "on Friday. Fighting went on in the south.")
    assert not [c for c in compare_texts(src, copy).changes if c.kind in {"actor", "addition"}]


FERRY = (
    "A ferry sank in a storm off the northern coast of Varnia on Friday, killing at least 12 "
    "people and leaving 25 others missing, the coastguard said. "
    "Rescuers pulled 60 passengers from the water."
)


def test_a_bound_changed_in_a_reworded_sentence_is_a_figure_change() -> None:
    # the dead bound "at least 12" becomes "at least 21"; the kept "25" agrees with "at least
    # 12" only as a bound would, so it does not make the source's figure kept
    copy = ("A ferry went down in bad weather off Varnia's northern coast on Friday, leaving at "
            "least 21 people dead and 25 unaccounted for, according to the coastguard. "
            "Rescuers pulled 60 passengers from the water.")
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(FERRY, copy).changes]
    assert got == [("figure", "at least 21 people dead", "killing at least 12")]


def test_a_bound_kept_in_a_reworded_sentence_is_no_change() -> None:
    for dead in ("at least 12", "12"):
        copy = ("A ferry went down in bad weather off Varnia's northern coast on Friday, leaving "
                f"{dead} people dead and 25 unaccounted for, according to the coastguard. "
                "Rescuers pulled 60 passengers from the water.")
        assert compare_texts(FERRY, copy).changes == [], dead


def test_a_coast_told_by_another_compass_point_is_a_place_change() -> None:
    copy = ("A ferry sank off Varnia's eastern coast on Friday, killing at least 12 people and "
            "leaving 25 others missing, the coastguard said. "
            "Rescuers pulled 60 passengers from the water.")
    got = [(c.kind, c.text, c.versus_text) for c in compare_texts(FERRY, copy).changes]
    assert got == [("place", "eastern", "northern")]
    # the same point told as a noun, or the adjective in the source's words, is no change
    for same in ("the north coast of Varnia", "the northern coast of Varnia"):
        kept = ("A ferry sank in a storm off " + same + " on Friday, killing at least 12 people "
                "and leaving 25 others missing, the coastguard said. "
                "Rescuers pulled 60 passengers from the water.")
        assert compare_texts(FERRY, kept).changes == [], same


BURIAL = ("Tomas Brel kept goal for the Rovers during their first season in the top division, "
          "playing in 31 league matches. "
          "Before he died, he asked to be buried in Kessel Cemetery even though he no longer "
          "lived in Lisbon. "
          "It is believed that his widow could not afford a marked grave for him. "
          "The supporters' trust is now raising money to pay for a headstone.")
# the second sentence reworded past the word overlap that pairs sentences, its place left open
BURIAL_COPY = ("Tomas Brel was the goalkeeper for the Rovers in their first season in the top "
               "division, appearing in 31 league matches. "
               "Showing unusual devotion to the club he had served so faithfully through those "
               "difficult early years, Brel wished for his final resting place to be Kessel "
               "Cemetery, though by then his home was in {place}. "
               "His widow, it is believed, could not afford a marked grave for him. "
               "The supporters' trust is now raising money to pay for a headstone.")


def test_a_reworded_sentence_between_paired_ones_restates_the_one_between_theirs() -> None:
    """Read without the sentence model (no alignment given), the reworded second sentence
    shares two words with its source and is paired only by its place in the order: between
    two paired sentences, with one source sentence unpaired between theirs. Its place swap is
    then told against the source's place, not as a place the source lacks; the same place
    is no change."""
    from wiretrace.claims.compare import compare_sides
    from wiretrace.claims.extract import extract_claims_from_text
    from wiretrace.claims.pairing import pair_sentences, side_of

    def sides(copy: str):  # noqa: ANN202
        return (side_of(BURIAL, extract_claims_from_text(BURIAL, None, 0)),
                side_of(copy, extract_claims_from_text(copy, None, 1)))

    a, b = sides(BURIAL_COPY.format(place="Madrid"))
    assert pair_sentences(a, b, None).get(1) == [1]
    changes = compare_sides(a, b, None, 0, 1)
    assert [(c.kind, c.text, c.versus_text) for c in changes] == [("place", "Madrid", "Lisbon")]
    assert compare_sides(*sides(BURIAL_COPY.format(place="Lisbon")), None, 0, 1) == []
    # two source sentences unpaired in the gap: no telling which one it restates
    a2 = side_of(BURIAL.replace(" It is believed", " He played his last match in 1931. It is "
                                "believed"), [])
    assert pair_sentences(a2, side_of(BURIAL_COPY.format(place="Madrid"), []), None).get(1) is None


def _kinds(source: str, copy: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.versus_text) for c in compare_texts(source, copy).changes]


def test_a_name_with_another_place_in_it_is_a_place_change() -> None:
    """The same body with its place changed: the two names read as one ("University College
    Toronto" / "University College London"), the place is what tells them apart."""
    src = ("Dr Lena Ostrova, a chemist at University College London who studies soil "
           "bacteria, called the trial promising. The council will decide next month.")
    copy = ("Lena Ostrova, a chemist at University College Toronto focusing on soil bacteria, "
            "described the trial as promising. The council will decide next month.")
    assert _kinds(src, copy) == [("place", "Toronto", "London")]
    # the same name kept, or a city for its own country's name: no change
    kept = copy.replace("Toronto", "London")
    assert not [k for k in _kinds(src, kept) if k[0] in {"place", "actor"}]
    body = ("Ravi Menon stood down as head of the Board of Control for Hockey in India (BCHI) "
            "after a court ruling. He denies wrongdoing.")
    moved = ("Ravi Menon, head of the Board of Control for Hockey in Kenya (BCHI), stood down "
             "after a court ruling. He denies wrongdoing.")
    # (the swap is told with the words that anchor it: "Hockey in Kenya" / "Hockey in India")
    assert [(k[0], "Kenya" in k[1], "India" in k[2]) for k in _kinds(body, moved)
            if k[0] in {"place", "actor"}] == [("place", True, True)]
    assert not [k for k in _kinds(body, moved.replace("Kenya", "India"))
                if k[0] in {"place", "actor"}]


def test_a_place_listed_or_glossed_after_the_same_name_is_a_place_change() -> None:
    """A list item or a city's country changed between kept neighbours ("the US, Kenya, and
    the UK" / "the US, Canada and the UK"), even where the source names the new country by a
    city of it elsewhere."""
    src = ("In the recording, the group urged supporters to target malls in the US, Canada and "
           "the UK. Its 2013 raid on a mall in Nairobi killed 67 people.")
    copy = ("In the recording, supporters were urged to target malls in the US, Kenya, and the "
            "UK. Its 2013 raid on a mall in Nairobi killed 67 people.")
    assert _kinds(src, copy) == [("place", "Kenya", "Canada")]
    assert not _kinds(src, copy.replace("Kenya", "Canada"))  # the serial comma alone
    city = ("The minister will raise the dispute at the summit in Ulaanbaatar, Mongolia, next "
            "week, officials said.")
    moved = ("Officials said that at next week's summit in Ulaanbaatar, Argentina, the minister "
             "will raise the dispute.")
    assert [k for k in _kinds(city, moved) if k[0] == "place"] == [
        ("place", "Argentina", "Mongolia")]
    assert not [k for k in _kinds(city, moved.replace("Argentina", "Mongolia"))
                if k[0] in {"place", "actor"}]


def test_a_place_opening_a_kept_sentence_is_changed_even_if_named_elsewhere() -> None:
    """The subject swapped at the head of a sentence the copy keeps, then extends ("Poland has
    been beset by unrest since" / "Libya has been beset by unrest since"): the words after the
    name anchor it past "has been", though the copy names the source's country later on."""
    src = ("Libya has been beset by unrest since the fall of its ruler in 2011. "
           "Both leaders called for an end to Libya's economic troubles.")
    copy = ("Poland has been beset by unrest since the fall of its ruler in 2011, with rival "
            "camps holding the east and the west. "
            "Both leaders called for an end to Libya's economic troubles.")
    assert [(k[1], k[2]) for k in _kinds(src, copy)] == [("Poland", "Libya")]
    # the country said another way: no change
    assert not _kinds(src, copy.replace("Poland has", "The country has"))


def test_a_count_told_as_added_is_the_same_count() -> None:
    """ "an extra 166 pylons" and "333 more pylons" count the same pylons: the word that says
    they are added comes between the number and its noun."""
    src = ("The line, 12 miles east of Harwick, was approved in 2009 on condition that stage "
           "two, to add an extra 166 pylons, went ahead only if the heath was protected.")
    copy = ("The line, located 12 miles east of Harwick, won approval in 2009, provided that "
            "stage two, which would add 333 more pylons, went ahead only if the heath was "
            "protected.")
    assert [(c.kind, c.text, c.versus_text) for c in compare_texts(src, copy).changes] == [
        ("figure", "333", "166")]
    assert not compare_texts(src, copy.replace("333", "166")).changes


def test_a_place_made_an_adjective_by_wide_is_that_place() -> None:
    src = ("The service said it had kept meeting London-wide response targets while the nine "
           "engines were out of use.")
    copy = ("The service noted it has kept meeting Cairo-wide response targets even with the "
            "nine engines out of use.")
    # (told with the words that anchor it: "kept meeting Cairo" / "kept meeting London")
    assert [(c.kind, c.text.split()[-1], c.versus_text.split()[-1])
            for c in compare_texts(src, copy).changes] == [("place", "Cairo", "London")]
    assert not compare_texts(src, copy.replace("Cairo", "London")).changes


def test_one_fate_for_another_is_a_change_in_a_reworded_copy() -> None:
    """ "was killed on Monday" for "was arrested on Monday": what happened to someone changed,
    however many plain words the copy swaps around it; "detained" for "arrested" and "died"
    for "were killed" tell the same fate."""
    src = ("Dana Holt, 44, was arrested on Monday night after a neighbour warned police over "
           "the safety of other children living at the farm. Officers searched the barn.")
    copy = ("Dana Holt, 44, was killed on Monday night after a neighbor warned police about the "
            "safety of other children living on her farm. Officers searched the barn.")
    assert [(c.kind, c.text, c.versus_text) for c in compare_texts(src, copy).changes] == [
        ("scope", "killed", "arrested")]
    assert not compare_texts(src, copy.replace("killed", "detained")).changes
    crash = "Two men were killed and a woman was hurt in the crash on Friday."
    assert not compare_texts(crash, "Two men died and a woman was injured in the crash on "
                                    "Friday.").changes


def test_a_name_with_another_place_in_it_need_not_read_as_the_same_name() -> None:
    src = ("Ana Ruiz, the Radio Northern Ireland political editor, said the party had no "
           "central control.")
    copy = ("Ana Ruiz, the Radio Northern Norway political editor, explained that the party "
            "lacked central control.")
    assert [(c.kind, c.text, c.versus_text) for c in compare_texts(src, copy).changes] == [
        ("place", "Norway", "Ireland")]
    assert not compare_texts(src, copy.replace("Norway", "Ireland")).changes


@pytest.mark.parametrize(("src", "copy"), [
    # "held back", "hurt", "held up" said of profits or deliveries are no fate of people
    ("Profits were hurt by weak demand, the firm said.",
     "Profits were held back by weak demand, the firm said."),
    ("The strike held up deliveries to 300 shops.", "The strike hurt deliveries to 300 shops."),
    # "40 more pupils than last year" is a difference, not pupils added
    ("The school now has 640 pupils, up from 600 last year.",
     "The school now has 40 more pupils than last year."),
    # a body named by its city, its country or a city's old name is one body
    ("The station Radio Kabul broadcast the appeal on Friday.",
     "The station Radio Afghanistan broadcast the appeal on Friday."),
    ("A linguist at the University of Kiev said the dialect was fading.",
     "A linguist at the University of Kyiv said the dialect was fading."),
])
def test_the_same_fact_told_near_this_rounds_rules_is_no_change(src: str, copy: str) -> None:
    assert not compare_texts(src, copy).changes


def test_a_second_verb_with_its_own_object_counts_nothing_of_the_first() -> None:
    """ "wounded two soldiers and killed a civilian": the two are wounded, not dead."""
    src = "Two soldiers were wounded and a civilian was killed in the shelling on Monday."
    assert not compare_texts(src, "Monday's shelling wounded two soldiers and killed a "
                                  "civilian.").changes
    assert [c.kind for c in compare_texts(src, "Monday's shelling killed two soldiers and "
                                               "wounded a civilian.").changes] == ["scope"]


def test_a_sentence_split_in_two_keeps_its_figure_in_the_other_half() -> None:
    """The copy splits the source's sentence and changes the figure in its second half: one
    change (the scope), not also the figure dropped from the first half; a figure dropped
    from both halves is still an omission."""
    src = ("Bovine TB, which badgers can pass to cows, is one of the biggest problems facing "
           "dairy farming. Herds are regularly tested are culled if they test positive for TB - "
           "12,480 infected cows were slaughtered in Wales in 2019. But critics have questioned "
           "the cull.")
    head = ("Bovine TB, a disease badgers can pass to cows, is a major problem for dairy "
            "farming. Herds are routinely tested for TB and, if found to be infected, are culled")
    tail = " However, critics have questioned the cull."
    split = head + ". In Wales alone, 12,480 dead cows were slaughtered in 2019." + tail
    assert [(c.kind, c.text) for c in compare_texts(src, split).changes] == [
        ("scope", "12,480 dead")]
    dropped = head + " in Wales." + tail
    assert [c.kind for c in compare_texts(src, dropped).changes] == ["omission"]


def test_a_demonym_keeps_no_country_in_its_slot() -> None:
    """ "Indian cricket ... the Board of Control for Cricket in Portugal" for "... in India":
    the demonym ("Indian") names no place in the slot, so the country there is still read
    against the source's; a city of the source's country is no change."""
    src = ("Arun Mehta stood down as head of the Board of Control for Hockey in India (BCHI) "
           "after a court ruling.")
    copy = ("Arun Mehta, a key figure in Indian hockey, stood down as head of the Board of "
            "Control for Hockey in Portugal (BCHI) after a court ruling.")
    assert [(c.kind, "Portugal" in c.text, "India" in c.versus_text)
            for c in compare_texts(src, copy).changes] == [("place", True, True)]
    assert not compare_texts(src, copy.replace("Portugal", "India")).changes
    met = "Officials met in India on Monday to discuss the treaty."
    assert not compare_texts(met, "Indian officials met in Delhi on Monday to discuss the "
                                  "treaty.").changes
