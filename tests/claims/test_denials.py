"""A rewrite that denies what its source asserts: the sentence is said in other words, so the
negation is read against the word it denies, not against the words around it."""

from __future__ import annotations

from wiretrace.claims.compare import compare_texts
from wiretrace.claims.denials import denials
from wiretrace.claims.pairing import side_of
from wiretrace.model import Change

SOURCE = (
    "The harbour board approved the plan to dredge the western channel on Monday. "
    "Work will start in the spring and take two years, the board's chair said. "
    "The ferry company had hoped its new boat would be the first to use the deeper channel."
)
# the first sentence of SOURCE reworded, its verb phrase left open
DENIED = "On Monday, the plan to dredge the western channel {verb} by the harbour board. "
REST = (
    "Work will start in the spring and take two years, the board's chair said. "
    "The ferry company had hoped its new boat would be the first to use the deeper channel."
)


def _negation_changes(copy: str, source: str = SOURCE) -> list[Change]:
    return [c for c in compare_texts(source, copy).changes if c.kind == "negation"]


def _negations(copy: str, source: str = SOURCE) -> list[tuple[str, str]]:
    return [(c.text, c.versus_text) for c in _negation_changes(copy, source)]


def test_a_reworded_sentence_that_denies_what_the_source_states_is_a_negation() -> None:
    for verb, denial in (("was not approved", "not approved"),
                         ("has not yet been approved", "not yet been approved")):
        assert _negations(DENIED.format(verb=verb) + REST) == [(denial, "approved")], verb


def test_a_contracted_denial_with_the_verb_reworded_around_it_is_found_too() -> None:
    copy = ("Members of the harbour board didn't approve dredging the western channel when "
            "they met on Monday. " + REST)
    assert _negations(copy) == [("didn't approve", "approved")]


def test_a_source_that_denies_in_other_words_licenses_the_negation() -> None:
    source = SOURCE.replace("approved the plan", "failed to approve the plan")
    copy = DENIED.format(verb="was not approved") + REST
    assert _negations(copy, source) == []
    rejected = SOURCE.replace("approved the plan", "rejected a motion and approved the plan")
    assert _negations(copy, rejected) == []


def test_a_qualified_negation_denies_nothing() -> None:
    # "not only", "never before": the claim itself stands
    for cue in ("not only approved", "had never before approved"):
        copy = (f"The harbour board {cue} a plan to dredge the western channel on Monday. "
                + REST)
        assert _negations(copy) == [], cue


def test_what_the_source_only_hoped_for_may_be_denied() -> None:
    # the source's "would be the first to use" is a hope, not a fact: "did not use" may be true
    copy = (SOURCE.split(". ")[0] + ". " + REST.split(". ")[0] + ". "
            "The ferry company's new boat did not use the deeper channel first, as it had hoped.")
    assert _negations(copy) == []


def test_a_denial_of_something_else_than_the_source_asserts_is_no_change() -> None:
    cases = [
        # a contrast: the copy denies another thing than the one the source's word asserts
        ("The shipping firm disclosed the name of the buyer on Friday while keeping the price "
         "confidential.",
         "The shipping firm named the buyer on Friday, though it did not disclose the price."),
        # a verb that governs another: "not expect to cut" is "expected to keep"
        ("The brewer said on Monday it expected to keep all 300 jobs at its Lenford plant.",
         "The brewer said on Monday it did not expect to cut any of the 300 jobs at its Lenford "
         "plant."),
        # a time that bounds the denial
        ("The relief convoy arrived in the valley on Friday evening after a two-day drive.",
         "After driving for two days the relief convoy did not reach the valley until Friday "
         "evening, having arrived late."),
        # a part of a group
        ("Most families in the hamlet fled as the river rose on Saturday.",
         "Some of the hamlet's families did not flee when the water climbed on Saturday."),
        # the copy's sentence states the word too: it denies it of something else
        ("Divers found the trawler's logbook on Thursday near the wreck.",
         "Divers found the logbook near the wreck on Thursday; its radio has not been found."),
        # a condition
        ("The board approved the plan to widen the bridge.",
         "If the board did not approve the plan, the bridge would stay as narrow as it is."),
    ]
    for source, copy in cases:
        assert _negations(copy, source) == [], copy


def test_a_listed_synonym_is_denied_too() -> None:
    source = "Police arrested two men at the port on Sunday, a spokesman said."
    copy = "Two men were not detained by police at the port on Sunday, according to a spokesman."
    assert _negations(copy, source) == [("not detained", "arrested")]


def test_a_question_or_a_source_that_denies_the_word_elsewhere_is_left_alone() -> None:
    asked = ("Did the harbour board not approve the plan to dredge the western channel on "
             "Monday? " + REST)
    assert _negations(asked) == []
    # the source denies the word of another thing: "not approved" may be about either
    source = SOURCE + " The board has not approved the money for it."
    copy = DENIED.format(verb="was not approved") + REST + " The money for it is not approved."
    assert [t for t, _ in _negations(copy, source) if t.startswith("not approved")] == []


def test_a_qualified_denial_in_a_reworded_sentence_is_read_as_none() -> None:
    source = side_of("The harbour board approved the plan to dredge the western channel.", [])
    for words in ("has not always approved", "did not fully approve", "did not approve"):
        copy = side_of(f"Dredging of the western channel is a plan the board {words}.", [])
        got = denials(copy.sents[0], source.sents, source)
        assert (got == []) == (words != "did not approve"), words


def test_a_partial_denial_in_a_close_edit_is_no_negation() -> None:
    # the word check reads close edits: "not always" and "some ... did not" deny in part
    source = "Families in the hamlet fled as the river rose on Saturday."
    for copy in ("Families in the hamlet did not always flee as the river rose on Saturday.",
                 "Some families in the hamlet did not flee as the river rose on Saturday."):
        assert _negations(copy, source) == [], copy
    assert _negations("Families in the hamlet did not flee as the river rose on Saturday.",
                      source) != []


# a source sentence and its rewording in words of its own: no word of the verb phrase is kept
SMELTER = ("Losses at the Wexford smelter have been cut sharply by a restructuring plan and "
           "stronger demand for aluminium.")


def test_a_rewording_that_denies_in_words_of_its_own_is_a_negation() -> None:
    # "curbed" is neither the source's word nor a listed synonym of it: the sentence as a whole
    # restates the source's, which denies nothing
    copy = ("A restructuring plan and stronger demand for aluminium have not curbed the losses "
            "at the Wexford smelter.")
    changes = _negation_changes(copy, SMELTER)
    assert [(c.text, c.versus_text) for c in changes] == [("not curbed", SMELTER)]
    assert "restates its source sentence" in changes[0].explanation
    # the source denies in other words: the rewording may say "not"
    assert _negations(copy, SMELTER.replace("have been cut sharply", "have not been cut")) == []


def test_a_denial_that_asserts_or_widens_is_no_negation() -> None:
    cases = [
        # litotes: denying these phrases asserts
        ("The minister called the audit report a disgrace at a press conference in Lenford.",
         "At a press conference in Lenford, the minister did not mince words and called the "
         "audit report a disgrace."),
        # a word that limits: denying it widens what the source says
        ("Other towns in the county face the same water shortage as Lenford, the council said.",
         "The water shortage has not been limited to Lenford, according to the council."),
    ]
    for source, copy in cases:
        assert _negations(copy, source) == [], copy


def test_a_clause_of_the_copys_own_is_not_read_against_the_source() -> None:
    # the sentence restates the source's, and then adds a clause that denies something the
    # source never mentions: that is an addition, not a denial of what the source says
    source = "The nurse drove from Ardmore to Kilbride on the night of the crash."
    for copy in ("The nurse drove from Ardmore to Kilbride on the night of the crash, at which "
                 "point she did not carry a valid permit.",
                 "Test results are given to patients within ten minutes by the pharmacist and "
                 "do not require a doctor's visit."):
        src = source if "nurse" in copy else ("Test results are given to patients within ten "
                                              "minutes by the pharmacist.")
        assert _negations(copy, src) == [], copy


def test_a_not_that_says_what_the_source_says_in_other_words_is_no_negation() -> None:
    cases = [
        # the source denies with a verb of its own: "ignored" is "did not heed", "cancelled" is
        # "will not play"
        ("Drivers ignored the diversion signs on the coast road on Sunday, police said.",
         "Drivers did not heed the diversion signs on the coast road on Sunday, police said."),
        ("The band cancelled the last four dates of its autumn tour because of illness.",
         "Because of illness, the band will not play the last four dates of its autumn tour."),
        # a time the event waits for: it still happens
        ("The Kilbride bridge will reopen to traffic in March, the council said.",
         "The Kilbride bridge will not reopen to traffic until March, the council said."),
        # what the source puts in the future has not happened yet
        ("The tribunal will decide on the harbour workers' appeal after Easter.",
         "The tribunal has not decided on the harbour workers' appeal and will do so after "
         "Easter."),
        # an idiom of a judgement: "did not sit well with" is "was criticised by"
        ("The new parking charges were criticised by traders in the town centre.",
         "The new parking charges did not sit well with traders in the town centre."),
    ]
    for source, copy in cases:
        assert _negations(copy, source) == [], copy
    # the same "not" beside the source's own denying verb flips it
    assert _negations("The band has not cancelled the last four dates of its autumn tour.",
                      "The band cancelled the last four dates of its autumn tour.") != []


def test_not_without_is_a_litotes_and_a_denied_without_a_flip() -> None:
    source = ("The market's move to the quayside was controversial, with stallholders "
              "complaining about the rent.")
    assert _negations("The market's move to the quayside was not without controversy, as "
                      "stallholders complained about the rent.", source) == []
    source = "The decision to close the pool was made without consultation, residents said."
    assert _negations("The decision to close the pool was not made without consultation, "
                      "residents said.", source) != []


def test_a_future_denied_in_the_future_is_still_a_flip() -> None:
    # "will have" / "will not have": no "not yet" reading (that is "has not" for "will")
    source = ("Future versions of the seats will have metallic finishes and ambient lighting, "
              "the carmaker says.")
    assert _negations(source.replace("will have", "will not have"), source) != []


def test_an_opening_connective_or_a_dates_last_licenses_no_denial() -> None:
    copy = DENIED.format(verb="was not approved") + REST
    # "But" links the sentence to the one before; "last week" dates the approval: the source
    # still asserts it
    linked = SOURCE.replace("The harbour board approved", "But the harbour board approved")
    assert _negations(copy, linked) == [("not approved", "approved")]
    dated = SOURCE.replace("on Monday.", "last week.")
    assert _negations(copy.replace("On Monday, the", "The"), dated) == [
        ("not approved", "approved")]
    # an "only" that limits the approval, a "but" inside the sentence, an end's "last" still do
    limited = SOURCE.replace("approved the plan", "approved only part of the plan")
    assert _negations(copy, limited) == []
    ended = SOURCE.replace("on Monday.", "in the last week of its term.")
    assert _negations(copy.replace("On Monday, the", "The"), ended) == []
    assert _negations("The assembly did not adopt eight of the ten proposals, sending them back "
                      "to committee.", "Only two of the ten proposals were adopted by the "
                      "assembly. The rest were sent back to committee.") == []
    contrasted = SOURCE.replace("on Monday.", "on Monday, but the cost is disputed.")
    assert _negations(copy, contrasted) == []


def test_a_reflexive_or_a_last_sighting_between_not_and_the_verb_is_still_a_denial() -> None:
    assert _negations(DENIED.format(verb="was not itself approved") + REST) == [
        ("not itself approved", "approved")]
    source = ("The missing trawler was last spotted near the western channel by a ferry crew "
              "on Monday.")
    copy = ("According to the coastguard, the vessel that disappeared was not last spotted by "
            "the ferry crew close to the western channel on Monday.")
    assert _negations(copy, source) == [("not last spotted", "spotted")]


def test_a_verb_that_says_not_licenses_no_denial_where_the_copy_keeps_it() -> None:
    # "remains" may be the source's way of saying "did not leave"; the copy keeps it, so its
    # "not" denies the sentence's other claim, what is clear
    source = ("It is clear from the statement issued by the harbour board that Ann Kerr "
              "remains its chair.")
    copy = ("It is not evident from the harbour board's statement that Ann Kerr remains its "
            "chair.")
    changes = _negation_changes(copy, source)
    assert [c.text for c in changes] == ["not evident"]
    # where the copy drops it, "not" may be its rewording: "has not left" for "remains"
    assert _negations("It is clear from the harbour board's statement that Ann Kerr has not "
                      "left the chair.", source) == []


def test_yet_to_denies_what_the_source_says_was_done_not_what_it_says_will_be() -> None:
    copy = ("The company said on Friday that the insurer has yet to pay the families of the "
            "victims.")
    done = "The insurer has paid the families of the victims, the company said on Friday."
    assert [t for t, _ in _negations(copy, done)] == ["yet to pay"]
    planned = ("The insurer will compensate the families of the victims next month, the company "
               "said on Friday.")
    assert _negations(copy, planned) == []
    pending = ("The insurer is still processing the payments to the families of the victims, "
               "the company said on Friday.")
    assert _negations(copy, pending) == []
    assert _negations("The council has yet to pay for the repairs to the flats, tenants said.",
                      "Tenants said they were still waiting for the council to pay for the "
                      "repairs to the flats.") == []


def test_not_seen_since_is_the_last_sighting_said_the_other_way() -> None:
    source = "Police said the teenager was last seen at a bus stop in Kilbride on Friday evening."
    copy = ("Police said the teenager has not been seen since Friday evening at a bus stop in "
            "Kilbride.")
    assert _negations(copy, source) == []
    # without the "last", the same "not" denies the sighting
    assert _negations(copy, source.replace("was last seen", "was seen")) != []


def test_a_not_beside_the_sources_denying_verb_the_copy_keeps_restates_it() -> None:
    source = "The Harbour Lights festival was cancelled because of the storm, organisers said."
    copy = ("The Harbour Lights festival was cancelled and did not go ahead because of the "
            "storm, organisers said.")
    assert _negations(copy, source) == []
    # a "not" of a word the source states beside it still flips it
    source = ("The festival was cancelled but the parade went ahead because of the sunshine, "
              "organisers said.")
    copy = ("The festival was cancelled and the parade did not go ahead because of the "
            "sunshine, organisers said.")
    assert _negations(copy, source) != []


def test_a_rewording_that_asserts_what_its_source_sentence_denies_is_a_negation() -> None:
    source = ("The harbour board said on Monday that the ferry company would not run the "
              "night service to Kilbride this winter.")
    # the denied verb kept, its denial dropped
    kept = ("According to the harbour board, the ferry company will run its night service to "
            "Kilbride over the winter, it said on Monday.")
    changes = _negation_changes(kept, source)
    assert [c.versus_text for c in changes] == ["not run"]
    assert changes[0].explanation.startswith("the copy asserts 'run'")
    # the copy's own words are not read: a rewording says "not" in words no list knows ("would
    # stay the course" for "would not deviate", "was nixed" for "did not win approval")
    own = ("The ferry company is set to operate a night crossing to Kilbride this winter, the "
           "harbour board said on Monday.")
    assert _negations(own, source) == []


def test_a_denial_restated_or_left_out_is_no_negation() -> None:
    source = ("The harbour board said on Monday that the ferry company would not run the "
              "night service to Kilbride this winter.")
    for copy in (
            # said another way, with a word that says "not"
            "The ferry company will skip the night service to Kilbride this winter, the "
            "harbour board said on Monday.",
            # under a condition
            "The ferry company could run a night service to Kilbride this winter if demand "
            "rises, the harbour board said on Monday.",
            # denied in the copy's next sentence
            "The harbour board spoke on Monday about the night service to Kilbride this "
            "winter. The ferry company will not run it, the board said."):
        assert _negations(copy, source) == [], copy
    # the word kept as a gerund or a noun, after words that say "not": no verb that asserts
    for copy in ("Ferry company managers balked at running the night service to Kilbride this "
                 "winter, the harbour board said on Monday.",
                 "A decision on running the night service to Kilbride this winter is pending, "
                 "the harbour board said on Monday."):
        assert _negations(copy, source) == [], copy
    # the denial sits in a side clause the copy leaves out
    aside = ("The new test, which is being tried in 35 pharmacies, will show if a sore throat "
             "is caused by a virus - meaning antibiotics will not help - or by bacteria.")
    assert _negations("The new sore throat test, being tried in 35 pharmacies, tells viral "
                      "infections from bacterial ones.", aside) == []


def test_a_denial_said_with_a_verb_of_the_copys_own_is_not_dropped() -> None:
    # close edits: the copy keeps the words around the source's "did not attend" and says the
    # denial with a verb of its own, which no list needs to know
    source = "The health minister did not attend the care conference in Baxford on Thursday."
    for verb in ("skipped", "sent apologies to", "stayed away from"):
        copy = f"The health minister {verb} the care conference in Baxford on Thursday."
        assert _negations(copy, source) == [], verb
    # a copy that drops the denial keeps the word it denied ("bring" is no gerund)
    assert _negations("The health minister attended the care conference in Baxford on "
                      "Thursday.", source) != []
    assert _negations("The chairman said he could bring himself to back the merger.",
                      "The chairman said he could not bring himself to back the merger.") != []
