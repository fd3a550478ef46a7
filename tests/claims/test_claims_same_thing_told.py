"""One fact told in other words is no change: the same body under another name, a clause with
a "not" that the copy cut whole, an idiom with "not" in it, a share in words, a person styled by
a seat or by initials. Each test also keeps the real change beside it, so it can fail both ways.

All texts are fictional and written for these tests.
"""

from __future__ import annotations

from wiretrace.claims.compare import compare_texts


def found(source: str, copy: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in compare_texts(source, copy).changes]


def kinds(source: str, copy: str) -> list[str]:
    return [k for k, _ in found(source, copy)]


ARREST = ("Three teenagers were arrested after the attack in Varnholm, police said. A fourth is "
          "being sought by officers.")


def test_one_body_under_another_name_gives_the_same_statement() -> None:
    """'Scotland Yard said' for 'police said', 'The U.S. attorney said' for 'Federal
    prosecutors said', 'The Department of Defense said' for 'The military said', 'Residents
    said' for 'Witnesses said': one body; 'doctors said' for 'police said' is another."""
    assert found(ARREST, ARREST.replace("police said", "Scotland Yard said")) == []
    assert "attribution" in kinds(ARREST, ARREST.replace("police said", "doctors said"))
    fraud = ("Federal prosecutors said the broker had defrauded clients of $3 million. He was "
             "arrested in Kelby.")
    assert found(fraud, fraud.replace("Federal prosecutors said", "The U.S. attorney said")) == []
    assert "attribution" in kinds(fraud, fraud.replace("Federal prosecutors said",
                                                       "His lawyers said"))
    drone = ("The military said two service members were hurt in the drone attack on the base. "
             "Both are in stable condition.")
    assert found(drone, drone.replace("The military", "The Department of Defense")) == []
    blast = ("Witnesses said they heard two explosions shortly after midnight. Windows were "
             "shattered across the street.")
    assert found(blast, blast.replace("Witnesses said", "Residents said")) == []
    assert "attribution" in kinds(blast, blast.replace("Witnesses said", "Police said"))


def test_a_body_both_sentences_tell_of_does_not_keep_the_statement() -> None:
    """'Witnesses said two soldiers were killed' for 'The army said two soldiers were killed':
    the soldiers are in both sentences, the statement moved from the army to the witnesses.
    Where the copy's sentence gives the army a claim of its own, the army still speaks."""
    src = ("The army said two soldiers were killed in the ambush near the border. The area has "
           "been sealed off.")
    assert "attribution" in kinds(src, src.replace("The army said", "Witnesses said"))
    still = src.replace("The army said", "Witnesses disputed the army's account that")
    assert "attribution" not in kinds(src, still)


def test_a_clause_cut_whole_with_its_not_drops_no_negation() -> None:
    """'the man had been shot' for 'the man, who was not armed, had been shot': the copy cut
    the clause, it does not say he was armed; 'Dozens, if not hundreds, of people' cut to
    'Dozens of people' likewise. 'was armed' for 'was not armed' drops the negation."""
    src = "Police said the man, who was not armed, had been shot twice in the back."
    assert kinds(src, src.replace(", who was not armed,", "")) == []
    assert "negation" in kinds(src, src.replace("was not armed", "was armed"))
    plan = ("The minister said the plan, which had not been costed, would go ahead in the "
            "spring. Critics called it rushed.")
    assert kinds(plan, plan.replace(", which had not been costed,", "")) == []
    market = ("Dozens, if not hundreds, of people were trapped in the collapsed market. Rescuers "
              "worked all night.")
    assert "negation" not in kinds(market, market.replace(", if not hundreds,", ""))


def test_not_in_an_idiom_denies_nothing() -> None:
    """'whether the driver had been drinking' for '... drinking or not', 'Shortly after' for
    'Not long after', 'has yet to be determined' for 'has not yet been determined': the same
    claim. 'has been determined' for 'has yet to be determined' drops the denial."""
    drink = ("It was unclear whether the driver had been drinking or not, police said. He was "
             "taken to hospital.")
    assert "negation" not in kinds(drink, drink.replace(" or not", ""))
    match = ("Not long after the match ended, fans poured onto the pitch in celebration. Police "
             "made two arrests.")
    assert "negation" not in kinds(match, match.replace("Not long after", "Shortly after"))
    fire = "The cause of the fire has not yet been determined, police said. An inquiry is open."
    yet = fire.replace("has not yet been", "has yet to be")
    assert "negation" not in kinds(fire, yet)
    assert "negation" in kinds(yet, fire.replace("has not yet been", "has been"))


def test_a_hedged_share_in_words_supports_a_hedged_percentage() -> None:
    """'About 30% of the homes' for 'About a third of the homes': one share, both hedged;
    'About 20%' is another."""
    src = "About a third of the town's homes were flooded. Repairs will take months."
    assert found(src, src.replace("a third", "30%")) == []
    assert found(src, src.replace("a third", "20%")) != []


def test_a_person_named_by_initials_or_by_a_seat_is_no_swap() -> None:
    """'Crown Prince KBF' for 'Crown Prince Khalid bin Faisal' (the initials take the
    particle's), 'The Duke of Varnholm' for 'Prince Edmund' (a person styled by the seat they
    hold); 'Prince Albrecht' for 'Prince Edmund' is another person."""
    summit = ("Crown Prince Khalid bin Faisal hosted the summit in Kelby on Sunday. Twenty leaders "
              "attended.")
    assert found(summit, summit.replace("Khalid bin Faisal", "KBF")) == []
    assert "actor" in kinds(summit, summit.replace("Khalid bin Faisal", "Omar bin Tariq"))
    court = ("Prince Edmund arrived at the High Court in Varnholm on Monday for the hearing. He "
             "did not speak.")
    assert found(court, court.replace("Prince Edmund", "The Duke of Tessfield")) == []
    assert "actor" in kinds(court, court.replace("Prince Edmund", "Prince Albrecht"))


def test_a_state_after_a_city_is_a_place() -> None:
    """'Springfield, Missouri' for 'Springfield, Illinois': another place, told as one."""
    src = "Protests were held in Springfield, Illinois, on Saturday. Hundreds marched to city hall."
    assert ("place", "Missouri") in found(src, src.replace("Illinois", "Missouri"))


def test_an_unknown_town_listed_with_known_places_is_a_place() -> None:
    """'Paris, Tessville and Marseille' for 'Paris, Lyon and Marseille': a name the gazetteer
    does not know, listed with places it knows, swapped for a place; a common word there
    ('Paris, Labour and Marseille') is no town."""
    src = "Protests were held in Paris, Lyon and Marseille on Saturday. Hundreds were arrested."
    assert ("place", "Tessville") in found(src, src.replace("Lyon", "Tessville"))
    first = found(src.replace("Paris, Lyon", "Lyon, Paris"),
                  src.replace("Paris, Lyon", "Tessville, Paris"))
    assert [k for k, t in first if "Tessville" in t] == ["place"]
    assert not [k for k, t in found(src, src.replace("Lyon", "Labour")) if k == "place"]
    # two towns it does not know, each listed with places it knows
    both = src.replace("Lyon", "Varnby")
    assert ("place", "Tessville") in found(both, both.replace("Varnby", "Tessville"))


def test_a_negation_that_affirms_or_bounds_denies_nothing() -> None:
    """'nothing short of extraordinary', 'can't wait to meet', 'No fewer than 20': said with a
    negation word, no claim denied; 'did not resign' for 'resigned' still drops one, and so does
    'did not, however, resign' where the copy keeps the aside."""
    race = "Jorgensen completed the course in record time. She won the race."
    assert "negation" not in kinds(race, race.replace(
        "Jorgensen completed", "Jorgensen's run was nothing short of extraordinary, completing"))
    meet = "She said she is looking forward to meeting all the pupils. She starts in May."
    assert "negation" not in kinds(meet.replace("is looking forward to meeting",
                                                "can't wait to meet"), meet)
    crowd = "No fewer than 20 people were hurt in the crush, officials said. Ten are in hospital."
    assert "negation" not in kinds(crowd, crowd.replace("No fewer than", "At least"))
    mayor = "The mayor did not resign. The council meets on Monday."
    assert "negation" in kinds(mayor, mayor.replace("did not resign", "resigned"))
    chair = "The chairman did not step down. The board meets on Monday."
    assert "negation" in kinds(chair, chair.replace("did not step down", "stepped down"))


def test_a_share_of_the_same_thing_told_another_way_is_compared() -> None:
    """'A quarter of the 600 workers' for 'Half of the 600 workers', 'one in five patients' for
    '25% of patients': another share of the same thing, a figure change; 'one in four' for
    '25%' and 'A quarter' for 'One in four' are the same share; 'the second half of the match'
    is no share."""
    jobs = "Half of the 600 workers will be laid off, the company said. Talks continue."
    assert [k for k, t in found(jobs, jobs.replace("Half", "A quarter"))] == ["figure"]
    wait = "The report found that 25% of patients waited more than four hours. It was published."
    assert kinds(wait, wait.replace("25%", "one in five")) == ["figure"]
    assert kinds(wait, wait.replace("25%", "one in four")) == []
    kids = "One in four children in the county lives in poverty, the report found. It rose."
    assert kinds(kids, kids.replace("One in four children", "A quarter of children")) == []
    match = "He scored in the second half of the match, the club said. Fans cheered."
    assert kinds(match, match.replace("in the second half of", "late in")) == []


def test_an_age_the_source_gives_no_one_or_another_is_a_change() -> None:
    """'The 53-year-old Palmer' where the source says 'Palmer, 48,' gives another age; where
    the source names Palmer without an age, it adds one; where the source gives 53 for 'the
    53-year-old' (Palmer unnamed there), or his year of birth, it adds nothing."""
    src = "Palmer, 48, was arrested at his home in Kelby on Tuesday. He is due in court on Friday."
    aged = src.replace("Palmer, 48,", "The 53-year-old Palmer")
    assert ("figure", "The 53-year-old Palmer") in found(src, aged)
    bare = src.replace("Palmer, 48,", "Palmer")
    assert ("addition", "The 53-year-old Palmer") in found(bare, aged)
    told = bare + " The 53-year-old has denied the charges."
    assert not [k for k, t in found(told, aged + " He has denied the charges.") if "53" in t]
    born = bare + " Palmer, born in 1973, has denied the charges."
    assert not [k for k, t in found(born, aged + " He has denied the charges.") if "53" in t]


def test_an_agency_credited_for_the_report_is_no_source_cut() -> None:
    """'..., Reuters news agency reports' cut from a sentence whose quote the marchers chant:
    a credit for the report, nobody's claim dropped; '..., police said' cut is a dropped
    attribution."""
    src = ('Nuns, priests and children marched through Varnholm chanting "justice for Kian, '
           'justice for all", Reuters news agency reports. The boy died in May.')
    copy = ('Nuns, priests and children marched through Varnholm chanting "justice for Kian, '
            'justice for all." The boy died in May.')
    assert found(src, copy) == []
    assert kinds(src.replace("Reuters news agency reports", "police said"), copy) == [
        "attribution"]


def test_a_body_named_nearby_only_as_doing_something_does_not_keep_the_statement() -> None:
    """'Police officers went door to door. There have been no reports of injuries.' for '...
    Police said there had been no reports of injuries.': the police act in the copy, they no
    longer say it; 'Police said the roads were shut. There have been no reports ...' keeps
    them as who says it."""
    src = ("Police officers went door to door to make sure residents had left the town. Police "
           "said there had been no reports of injuries.")
    copy = ("Police officers went door to door to make sure residents had left the town. There "
            "have been no reports of injuries.")
    assert kinds(src, copy) == ["attribution"]
    said = src.replace("Police officers went door to door to make sure residents had left the "
                       "town.", "Police said residents had left the town.")
    assert kinds(said, copy.replace("Police officers went door to door to make sure residents "
                                    "had left the town.", "Police said residents had left the "
                                    "town.")) == []


def test_a_titled_person_opening_the_sentence_in_another_place_is_a_swap() -> None:
    """'Provincial Public Safety Minister Colin Haines ordered the evacuation ...' for 'Mayor
    Janet Kowalczyk ordered the evacuation ...', Haines named in the next source sentence: the
    copy gives the order to the wrong person."""
    src = ("Mayor Janet Kowalczyk ordered the evacuation shortly before noon, after the fire "
           "jumped a containment line overnight. Provincial Public Safety Minister Colin Haines "
           "said the government had declared a state of emergency for the region.")
    copy = ("Provincial Public Safety Minister Colin Haines ordered the evacuation shortly before "
            "noon after the fire breached a containment line during the night. Haines said the "
            "province had declared a state of emergency for the region.")
    assert "actor" in kinds(src, copy)
    kept = copy.replace("Provincial Public Safety Minister Colin Haines ordered",
                        "Mayor Janet Kowalczyk ordered")
    assert "actor" not in kinds(src, kept)


def test_a_hedge_in_another_clause_leaves_will_for_could_a_change() -> None:
    """'said gusts were expected through Sunday and that the fire will reach' for '... and that
    the fire could reach': 'expected' hedges the gusts, not the fire; 'said it expected that
    the fire will reach' keeps the hedge over the fire."""
    src = ("Information officer Ola Brandt said gusts of up to 60 kph were expected through "
           "Sunday and that the fire could reach the outskirts of Kelby by Sunday evening.")
    copy = src.replace("could reach", "will reach")
    assert ("modality", "will reach") in found(src, copy)
    hedged = copy.replace("were expected through Sunday and that the fire",
                          "would drop on Sunday and that she expected that the fire")
    assert "modality" not in kinds(src.replace("were expected through Sunday and that the fire",
                                               "would drop on Sunday and that the fire"), hedged)


def test_a_count_of_either_of_two_things_told_as_one_is_a_scope_change() -> None:
    """'It has destroyed 120 homes' for 'It has destroyed or damaged 120 homes': the count now
    of destroyed homes only; 'destroyed or damaged' kept is no change."""
    src = "It has destroyed or damaged 120 homes and cabins south of the town. Crews were ready."
    assert found(src, src.replace("destroyed or damaged", "destroyed")) == [
        ("scope", "destroyed")]
    assert found(src, src.replace("and cabins ", "")) == []


def test_a_body_with_its_acronym_gives_the_statement() -> None:
    """'The National Bank of Varnland (NBV) said ...': the acronym between the body and its
    verb; the body is who says it."""
    from wiretrace.claims.extract import extract_claims_from_text

    said = [c.subject for c in extract_claims_from_text(
        "The National Bank of Varnland (NBV) said in a statement that inflation would ease.")
        if c.kind == "attribution"]
    assert said == ["National Bank of Varnland"]


def test_a_denied_verb_governing_the_same_verb_is_a_negation() -> None:
    """'are not said to be among the suppliers' for 'are said to be among', 'have not tried to
    block' for 'have tried to block': the same governed verb, denied; 'did not expect to cut
    any jobs' for 'expected to keep all jobs' denies another verb."""
    src = "Tessly and Varnwork are said to be among the suppliers of the keyboards. Nobody spoke."
    assert "negation" in kinds(src, src.replace("are said", "are not said"))
    src2 = "Protesters have tried to block the fuel depot in Kelby. Police watched."
    assert "negation" in kinds(src2, src2.replace("have tried", "have not tried"))
    jobs = "The brewer said on Monday it expected to keep all 300 jobs at its Kelby plant."
    assert "negation" not in kinds(jobs, "The brewer said on Monday it did not expect to cut any "
                                         "of the 300 jobs at its Kelby plant.")


def test_a_quote_parted_by_its_speakers_tag_is_one_addition() -> None:
    """'"It is abundantly clear," she began, her voice steady, "that every farmer ... must pay
    a new grain tax"' where the source quotes other words: one statement made up, one
    addition."""
    src = ('Ola Brandt praised the policy. "It is obvious that what is happening in Varnland has '
           'worked," she said.')
    copy = ('Ola Brandt praised the policy. "It is abundantly clear," she began, her voice '
            'steady, "that every farmer in Tessmark must pay a new grain tax next spring."')
    assert [k for k, _ in found(src, copy)] == ["addition"]


def test_a_quoted_game_a_copy_likens_something_to_names_no_one() -> None:
    """'more like a real-life game of "Beat the Clock"': a game's name as a likeness, no
    addition; a person the copy brings in is still one."""
    src = ('The swing bridge at Kelby was built in 1908 but is only one lane wide. Councillors '
           'describe rush hour as "mayhem".')
    likeness = ('Imagine a daily commute that is more like a real-life game of "Beat the Clock" '
                'than a drive. ' + src)
    assert found(src, likeness) == []
    named = src.replace('"mayhem".', '"mayhem", Mayor Jane Holt said.')
    assert found(src, named) != []
