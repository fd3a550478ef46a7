"""Kinds of noise read on real copies, each kept quiet by a general rule; and the real change
beside it still found, so each test can fail both ways.

All texts are fictional and written for these tests.
"""

from __future__ import annotations

from wiretrace.claims.artefacts import in_title_run
from wiretrace.claims.compare import compare_texts
from wiretrace.claims.figures import find_figures
from wiretrace.claims.numbers import find_numbers


def found(source: str, copy: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in compare_texts(source, copy).changes]


def test_hyphenated_scale_word_is_one_number() -> None:
    nums = find_numbers("They made off with a two-million-euro ($2.6-million) haul.")
    assert [(n.text, n.low) for n in nums if n.unit == "money"] == [("$2.6-million", 2_600_000)]
    src = "Thieves made off with jewels worth $2.6-million, police said."
    assert found(src, "Thieves made off with jewels worth $2.6 million, police said.") == []
    assert found(src, "Thieves made off with jewels worth $3.6 million, police said.")


def test_an_age_or_a_year_counts_nothing() -> None:
    age = find_figures("A jury convicted a 27-year-old man of shooting dead his partner.")
    assert [(f.number.text, f.scope) for f in age] == [("27", None)]
    year = find_figures("He was convicted of murder in the 2012 shooting death of his partner.")
    assert [(f.number.text, f.scope) for f in year] == [("2012", "date")]
    # a count is still a count, and a year-like count of people still counts them
    assert find_figures("About 2000 people were evacuated.")[0].scope == "evacuated"
    # an age changed in kept words is still a changed figure
    src = "A jury in Harwick convicted a 27-year-old man of the killing on Friday."
    assert ("figure", "28") in found(src, src.replace("27-year-old", "28-year-old"))


def test_headline_fused_with_the_lead_is_no_claim() -> None:
    text = ("Harbour Patrol Ops by HVS Merrow Varnian Patrol Ship Merrow, deployed on patrol in "
            "the gulf, thwarted an attack on Monday.")
    assert in_title_run(text, (0, 7))
    assert not in_title_run(text, (text.index("thwarted"), text.index("thwarted") + 8))
    # a title and a name is shorter than a headline: a stale title in it is still read
    name = "Former Osterholm City Mayor Jana Lind Berg on Monday said the port would reopen."
    assert not in_title_run(name, (0, 6))
    src = ("Varnian Patrol Ship Merrow, deployed on patrol in the gulf, thwarted an attack on "
           "Monday, the navy said.")
    copy = "Harbour Patrol Ops by HVS Merrow " + src
    assert found(src, copy) == []


def test_two_page_stamps_are_no_name_swap() -> None:
    src = "Release: 03/08/2013 Ana Lind became the leading scorer in the club's history on Friday."
    copy = ("Found March 08, 2013 Ana Lind became the leading scorer in the club's history on "
            "Friday.")
    assert found(src, copy) == []


def test_a_capital_for_its_country_is_no_place_change() -> None:
    src = ("The governor accused Austria of carrying out the raid. \"These people in Vienna "
           "should answer for it,\" he said.")
    assert found(src, src.replace("accused Austria", "accused Vienna")) == []
    swapped = found(src, src.replace("accused Austria", "accused Hungary"))
    assert [k for k, _ in swapped] in (["place"], ["actor"])


def test_the_outlet_named_for_a_local_newspaper_is_no_new_source() -> None:
    src = ("Trial is set for June 17 for Tom Varga of Osterholm. A local newspaper reports "
           "that Varga has been held without bond at the county jail since his arrest.")
    copy = src.replace("A local newspaper reports that", "The Osterholm Times Record reports")
    assert found(src, copy) == []
    person = src.replace("A local newspaper reports that", "Sheriff Ana Lind says")
    assert [k for k, _ in found(src, person)] == ["attribution"]


def test_a_page_date_run_into_the_last_sentence_is_no_changed_date() -> None:
    src = "Engineers said the repair of the cable would take around twelve days October 11, 2011"
    assert found(src, src.replace("October 11", "October 10")) == []
    dated = "Engineers said the cable would be repaired on October 11, 2011, the operator said."
    assert found(dated, dated.replace("October 11", "October 21"))


def test_an_inserted_weekday_or_outlet_is_no_addition() -> None:
    src = ("City spokeswoman Gina Varga said the case remains under review and is being "
           "investigated further by the district office.")
    day = src.replace("Gina Varga said", "Gina Varga said Monday")
    assert found(src, day) == []
    told = src.replace("said the case", "told the Osterholm Tribune the case")
    assert found(src, told) == []


def test_not_one_but_another_is_a_correction_not_a_negation() -> None:
    src = ("Lind said the source for the reporters on the story was probably a combination of "
           "several officials.")
    copy = src.replace("was probably", "was not one person, but probably")
    assert [k for k, _ in found(src, copy)] == []
    denied = "Lind said the harbour would reopen in spring after the repairs were finished."
    assert ("negation", "not reopen") in found(denied, denied.replace("would reopen",
                                                                          "would not reopen"))


def test_a_quote_reported_by_other_words_keeps_its_attribution() -> None:
    src = ("Officers stood along the block. Marchers chanted, \"Open the gates and let them "
           "go home tonight,\" witnesses reported.")
    copy = ("Officers stood along the block. Marchers chanted \"Open the gates and let them go "
            "home tonight,\" people report from the scene.")
    assert found(src, copy) == []
    bare = "Officers stood along the block. Marchers chanted \"Open the gates and let them go " \
           "home tonight.\""
    assert [k for k, _ in found(src, bare)] == ["attribution"]


def test_a_quote_under_its_speaker_named_before_keeps_its_attribution() -> None:
    src = ("\"Today the council restored the checks that protect our rivers and lakes,\" said "
           "Grifo. \"But there is much more to be done.\"")
    copy = ("Below is a statement by Francesca Grifo of the river trust:\n\n"
            "\"Today the council restored the checks that protect our rivers and lakes.")
    assert [k for k, _ in found(src, copy)] == []
    # a speaker named before, with sentences of the copy's own since, does not cover the quote
    later = copy.replace("trust:", "trust. She spoke in Osterholm on Monday.")
    assert [k for k, _ in found(src, later)] == ["attribution"]
    unnamed = "Today the council restored the checks that protect our rivers and lakes."
    assert [k for k, _ in found(src, unnamed)] == ["attribution"]


def test_a_writer_credited_with_an_outlet_is_no_addition() -> None:
    src = ("Mark Velt, who was the source known as Deep Harbour, has died at 95. His role "
           "ended a long mystery.")
    copy = ("Mark Velt, who was the source known as Deep Harbour, has died at 95. As Jana Lind "
            "writes in an Osterholm Times piece: His role ended a long mystery.")
    assert found(src, copy) == []


def test_one_of_the_dead_is_no_dropped_count() -> None:
    src = ("One of the fatalities, a child, died when a wall collapsed in the village, a doctor "
           "told reporters.")
    copy = "A child died when a wall collapsed in the village, a doctor told reporters."
    assert [k for k, _ in found(src, copy)] == []


def test_rewordings_of_rewrites_are_no_changes() -> None:
    """Kinds read in LLM rewrites: a reworded quote, a language named, a spelling of one
    speaker's title, the dead said in other words; a quote made up is still an addition, and a
    demonym before a noun is still a claim."""
    src = ("The council leader said: \"We will not close the library while I am in charge.\" "
           "A defence lawyer said the accused was \"a frightened young man\". Three more people "
           "have died in hospital, bringing the toll to 29.")
    copy = ("The council leader insisted: \"As long as I lead this council, the library stays "
            "open.\" The motto reads \"always open\" in English. A defense "
            "lawyer painted him as \"a frightened young man\". Three people succumbed to their "
            "injuries in hospital, bringing the toll to 29.")
    assert found(src, copy) == []
    made_up = copy + (" \"We have hired Jana Lind to clean the Osterholm canals by 2027,\" "
                      "the leader added.")
    assert [k for k, _ in found(src, made_up)] == ["addition"]
    embassy = ("Activists poured paint on the road in front of the Russian embassy in London, "
               "police said.")
    assert found(embassy, embassy.replace("Russian embassy", "Mexican embassy"))


def test_names_and_numbers_a_rewrite_gives_in_full_or_elsewhere() -> None:
    src = ("Jordan hosts nearly 655,000 Syrian refugees, the agency said. The US has taken just "
           "12,000 of them. Jack Whitley died in 1915. Relatives placed a headstone for Whitley "
           "in the village churchyard last week. The Queen sent a message, and the Red Cross "
           "helped the family trace his grave.")
    copy = ("The agency said Jordan hosts nearly 655,000 Syrian refugees. The US has admitted "
            "12,000 Syrian refugees, a small share. Relatives placed a headstone for Jack in the "
            "village churchyard last week, two years after the search began. Queen Elizabeth II "
            "sent a message, and the International Committee of the Red Cross helped the family "
            "trace his grave.")
    assert found(src, copy) == []
    # a count changed in a sentence kept word for word is still a figure change
    assert [k for k, _ in found(src, src.replace("nearly 655,000", "nearly 955,000"))] == [
        "figure"]
    # another person in the slot is still a swap
    assert [k for k, _ in found(src, src.replace("headstone for Whitley",
                                                   "headstone for Morrow"))] == ["actor"]


def test_a_surname_given_in_full_or_a_country_gloss_is_no_addition() -> None:
    src = ("Stokes was named vice-captain on Monday. The wreck was found near Harwick, "
           "Staffordshire, and reported in The Gazette.")
    copy = ("Ben Stokes was named vice-captain on Monday. The wreck was found near Harwick, "
            "Staffordshire, United Kingdom, and reported in the British newspaper, The Gazette.")
    assert found(src, copy) == []
    # another person, or a country the source does not explain, is still new
    other = copy.replace("Ben Stokes was", "Ben Stokes and Jana Morrow were")
    assert [k for k, _ in found(src, other)] == ["addition"]
    # the country before a short noun phrase and the name: a gloss too; a longer clause
    # between them is not
    club = "The defender signed a three-year contract with Rangers on Friday."
    for gloss in ("the Scottish football club, Rangers,", "Scottish club Rangers"):
        assert found(club, f"The defender signed a three-year deal with {gloss} on Friday.") == []
    assert [k for k, _ in found(club, "The defender signed a three-year deal with the Scottish "
                                      "club that plays at home, Rangers, on Friday.")] == [
        "addition"]
    # no gloss: a person's nationality, a country given in the source's sentence, a verb
    held = "Police arrested Omar Haddad, a Syrian national, at the airport on Tuesday."
    assert found(held, "Police arrested Jordanian national Omar Haddad at the airport on "
                       "Tuesday.")
    assert found("Police arrested Omar Haddad at the airport on Tuesday.",
                 "Police arrested Jordanian national Omar Haddad at the airport on Tuesday.")
    assert found("Shares in Nokia, the Finnish telecoms group, fell 3% on Monday.",
                 "Shares in Swedish group Nokia fell 3% on Monday.")
    assert found("Google was fined €150m on Monday, regulators said.",
                 "Regulators said Ireland fined Google €150m on Monday.")
    # a first name the source gives to someone else is no surname
    race = "The pair were beaten by Kenny de Ketele of Belgium in the final race on Sunday."
    made_up = ("The pair, Mark Cavendish and Jason Kenny, were beaten by Kenny de Ketele of "
               "Belgium in the final race on Sunday.")
    assert "addition" in [k for k, _ in found(race, made_up)]


def test_a_country_in_a_list_of_places_is_no_gloss() -> None:
    """'Russia, Vietnam, and Turkey' lists three countries (the middle one changed), and 'the
    Holm Sea, Portugal, the Philippines' goes on listing: no country there explains the name
    before it, so neither is passed over as a gloss; 'Cairo, Egypt' is one."""
    src = ("The zone was set up under a deal agreed between Russia, Iran and Turkey in May, "
           "officials said. The talks were held in Cairo last week.")
    listed = ("Officials said the zone was created in a May accord between Russia, Vietnam, and "
              "Turkey. The talks were held in Cairo last week.")
    assert [(c.kind, c.text, c.versus_text) for c in compare_texts(src, listed).changes] == [
        ("place", "Vietnam", "Iran")]
    # a city's country is still a gloss, even one the gazetteer gives another city of that
    # name ("Athens, Georgia", the state; the checks do not read a city's country)
    assert found(src, src.replace("in Cairo last", "in Cairo, Egypt, last")) == []
    athens = "The talks were held in Athens last week. The deal was signed on Friday."
    assert found(athens, athens.replace("in Athens", "in Athens, Georgia,")) == []
    # a country another place follows opens a list after a name of something else
    sea = ("The Varn Company claims almost all of the Holm Sea, but Vietnam, the Philippines and "
           "Malaysia have claims too. The dispute is old.")
    listed = ("While the Varn Company claims nearly the whole Holm Sea, Portugal, the Philippines "
              "and Malaysia also have claims. The dispute is old.")
    assert [(c.kind, c.text, c.versus_text) for c in compare_texts(sea, listed).changes] == [
        ("place", "Portugal", "Vietnam")]


def test_a_place_both_sentences_name_keeps_no_other_place_it_lies_in() -> None:
    """'Crimea from Egypt' for 'Crimea from Ukraine': the copy still names Crimea, which lies
    in Ukraine, but so does the source's sentence; that keeps no Ukraine in the copy, so the
    country put in its slot is a place swap, not a new name."""
    src = ("The minister likened the island-building to the annexation of Crimea from Ukraine. "
           "He spoke to the committee on Tuesday.")
    copy = ("The minister compared the island-building to the annexation of Crimea from Egypt. "
            "He addressed the committee on Tuesday.")
    assert [(c.kind, c.versus_text) for c in compare_texts(src, copy).changes] == [
        ("place", "Crimea from Ukraine")]
    assert found(src, copy.replace("Egypt", "Ukraine")) == []
    # a city the copy names for the source's country still keeps it
    city = "Officials met in Spain on Friday to sign the accord. The talks lasted a week."
    assert found(city, "Officials met in Madrid on Friday to sign the accord. The talks lasted "
                       "a week.") == []


def test_a_possessive_against_a_noun_of_the_other_sex_is_no_actor_swap() -> None:
    """'saw a woman fleeing' for 'looked out his window and saw someone fleeing': 'his' is
    the witness's, not the one fleeing (an ECB+ copy pair read it as an actor swap). A
    pronoun that is the person ('He was arrested' / 'A woman was arrested'), a pronoun for a
    pronoun, a noun for a noun: still a swap."""
    src = ("Tom Reed, who lives next door, heard a commotion outside. He looked out his window "
           "and saw someone fleeing the building next door.")
    copy = src.replace("his window and saw someone", "the window and saw a woman")
    assert found(src, copy) == []
    arrest = "Police arrested a man outside the station on Friday."
    assert ("actor", "her") in found(arrest, arrest.replace("a man", "her"))
    named = ("Police named the suspect as Karl Venn, 34. He was arrested at Brask airport on "
             "Tuesday.")
    assert ("actor", "woman") in found(named, named.replace("He was", "A woman was"))
    said = "The manager said he would resign after the match on Sunday."
    assert ("actor", "she") in found(said, said.replace(" he ", " she "))
    boss = "A man was arrested near the station on Sunday, police said."
    assert ("actor", "woman") in found(boss, boss.replace("A man", "A woman"))


def test_a_statement_quoted_over_several_paragraphs_stays_its_speakers() -> None:
    """A statement printed under "Below is a statement by NAME:", each paragraph opening with
    a quotation mark, left open or each closed: its later paragraphs are still NAME's words (an
    ECB+ press release read as stating its third paragraph as fact; its own words had a colon
    too). Prose between the quotations ends it: a plain sentence cut from "... said Kelso" is
    stated as fact."""
    src = ('Marta Kelso, head of the Coastal Trust, welcomed the ruling.\n'
           '"This is a good day for the estuary," said Kelso.\n'
           '"Today the court restored the protections that keep our estuary alive," said Kelso.')
    head = "Below is a statement by Marta Kelso, head of the Coastal Trust:\n"
    today = "Today the court restored the protections that keep our estuary alive."
    cases = [
        ('"This is a good day for the estuary.\nThe ruling is long overdue.\n"' + today, []),
        ('"This is a good day for the estuary.\nThe message is clear: the ruling is long '
         'overdue.\n"' + today, []),
        ('"This is a good day for the estuary."\n"' + today + '"', []),
        ('"This is a good day for the estuary." The ruling was welcomed by fishermen.\n' + today,
         ["attribution"]),
        ('"This is a good day for the estuary." Fishermen were less sure.\n"' + today,
         ["attribution"]),
    ]
    for body, kinds in cases:
        assert [k for k, _ in found(src, head + body)] == kinds, body


def test_a_name_in_apposition_to_a_title_fills_the_titles_slot() -> None:
    """'The chief executive, Lars Holm, resigned' for 'Chief executive Anna Berg resigned',
    Holm being the deputy the source names next: one person put in another's office. The
    same person in apposition is no change."""
    src = ("Chief executive Anna Berg resigned on Monday after the audit. Her deputy, Lars Holm, "
           "will lead the firm until a successor is found.")
    swapped = ("The chief executive, Lars Holm, resigned on Monday after the audit. Her deputy "
               "will lead the firm until a successor is found.")
    assert [k for k, _ in found(src, swapped)] == ["actor"]
    same = ("The chief executive, Anna Berg, resigned on Monday after the audit. Her deputy, "
            "Lars Holm, will lead the firm until a successor is found.")
    assert found(src, same) == []


def test_neither_nor_turned_into_both_and_drops_the_negation() -> None:
    """'Both the mayor and the governor attended' for 'Neither the mayor nor the governor
    attended': the frame of the two names ("both ... and") is no rewording that licenses the
    dropped denial. 'Neither ... nor' told as 'did not ... or' is the same denial."""
    src = "Neither the mayor nor the governor attended the ceremony on Friday."
    assert [k for k, _ in found(src, src.replace("Neither the mayor nor", "Both the mayor and"))
            ] == ["negation"]
    assert found(src, "The mayor and the governor did not attend the ceremony on "
                      "Friday.") == []
    # a joining word both sides have is no frame changed: the dropped "not" still counts
    denied = "The mayor and the governor did not attend the ceremony on Friday."
    assert [k for k, _ in found(denied, "The mayor and the governor attended the ceremony on "
                                        "Friday in Leeds.")] == ["negation"]


def test_a_conversion_after_a_changed_figure_is_the_same_change() -> None:
    """"less than 50 km (30 miles)" for "less than 25 km (15 miles)": the figure changed, and its
    conversion in parentheses with it: one change. A second figure of the same unit in the
    parentheses is a figure of its own, and its change is told too."""
    src = "The camp lies less than 25 km (15 miles) from the border with Ostria, officials said."
    assert found(src, src.replace("25 km (15 miles)", "50 km (30 miles)")) == [
        ("figure", "less than 50 km")]
    vote = "Turnout was 61 percent (48 percent in the northern districts), officials said."
    assert sorted(found(vote, vote.replace("61 percent (48", "64 percent (52"))) == [
        ("figure", "52 percent"), ("figure", "64 percent")]


def test_a_reminder_with_not_affirms_what_follows() -> None:
    """"And let's not forget the talented Sue Lee, who will join them on stage" for "Joining
    them on stage will be the talented Sue Lee" (an ImBD polish): a reminder, no denial; nor
    "don't forget" or "not to mention". "Will not join them" is one."""
    src = ("Joining them on stage for translations will be the talented Sue Lee, the organisers "
           "said.")
    assert found(src, "Let's not forget the talented Sue Lee, who will join them on stage "
                      "for translations, the organisers said.") == []
    assert found(src, "They will perform in Orsk, not to mention the talented Sue Lee, who "
                      "will join them on stage for translations, the organisers said.") == []
    assert found(src, "Don't forget the talented Sue Lee, who will join them on stage for "
                      "translations, the organisers said.") == []
    assert [k for k, _ in found(src, "The talented Sue Lee will not join them on stage for "
                                     "translations, the organisers said.")] == ["negation"]
    asked = "The minister asked officials to mention the deal in the report on Friday."
    assert [k for k, _ in found(asked, asked.replace("to mention", "not to mention"))
            ] == ["negation"]


def test_a_labelled_code_names_no_one() -> None:
    """"Conference ID: 55501234." in a press release's dial-in details (an ECB+ copy pair
    reported 'Conference ID' as a name nowhere else in the story): a form's label before its
    code. A name before a colon and a sentence is still a name."""
    src = ("Halvor Systems will buy Brightline Labs for $40 million, the companies said on "
           "Monday.\nThe deal is expected to close in the first quarter.")
    dial_in = ("\nMedia teleconference\nHalvor will hold a media teleconference to discuss the "
               "deal at 9 a. m. today.\nDial-in number: +1 555 010 9324.\nConference ID: "
               "55501234.")
    assert found(src, src + dial_in) == []
    analyst = "\nAnalyst Dana Whitfield of Orsk Capital: the price is fair, and so is the timing."
    assert "addition" in [k for k, _ in found(src, src + analyst)]
    count = ("Results from the Varnby count were announced on Sunday.\nAnna Berg: 52,340 "
             "votes.\nLars Holm: 49,100 votes.")
    assert ("actor", "Maria Lund") in found(count, count.replace("Anna Berg", "Maria Lund"))


def test_a_bound_the_copy_changes_holds_no_smaller_number_of_the_source() -> None:
    """'up to 16,000 amateur cyclists' for 'up to 8,000': the copy's bound holds the source's
    '150 riders' too (any number below it), which must not pass for the figure it restates."""
    src = ("Some 150 of the region's best riders and up to 8,000 amateur cyclists will ride 90 "
           "km on Sunday. The route starts at the Varnholm bridge.")
    copy = ("About 150 elite riders and up to 16,000 amateur cyclists will take part in a 90 km "
            "ride on Sunday. The route starts at the Varnholm bridge.")
    assert found(src, copy) == [("figure", "up to 16,000")]
    assert found(src, copy.replace("16,000", "8,000")) == []
    # the source's own bound kept in another sentence still covers it
    kept = src + " Up to 16,000 cyclists rode last year."
    assert found(kept, copy) == []


def test_a_currency_the_source_names_by_its_noun_is_no_new_name() -> None:
    """'the US Dollar' for 'the dollar' (and 'the Euro' for 'the euro') names the currency the
    source names; 'the Canadian Dollar' is another currency, still new."""
    src = ("Shares in Varn Holdings fell sharply on Monday. The pound rose 1.86% against the "
           "dollar to $1.3240, and was 1.73% higher against the euro at 1.1957 euros.")
    copy = ("Shares in Varn Holdings fell sharply on Monday. The value of the pound increased by "
            "1.86% relative to the US Dollar to reach $1.3240, and it climbed by 1.73% against "
            "the Euro to 1.1957 euros.")
    assert found(src, copy) == []
    other = copy.replace("US Dollar", "Canadian Dollar")
    assert [k for k, _ in found(src, other)] == ["addition"]
