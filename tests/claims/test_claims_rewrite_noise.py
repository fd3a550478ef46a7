"""Kinds of noise read on LLM rewrites of real news (ImBD, development split), each kept quiet
by a general rule; and the real change beside it still found, so each test can fail both ways.

All texts are fictional and written for these tests.
"""

from __future__ import annotations

from wiretrace.claims.attributions import find_attributions
from wiretrace.claims.compare import compare_sides, compare_texts
from wiretrace.claims.entities import find_entities
from wiretrace.claims.extract import extract_claims_from_text
from wiretrace.claims.pairing import side_of
from wiretrace.claims.quotes import find_quote_mentions


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


def test_a_quote_keeps_the_speaker_of_its_own_sentence() -> None:
    """'X told ... a "special case". Ministers have said ...': the quote is X's; the next
    sentence's speaker is not its speaker, so a copy that credits X changes nothing."""
    src = ("Councillor Maren Holt told Radio Vell the ferry was a \"special case as it serves the "
           "islands\". Ministers have said the ferry should make savings like other services.")
    [q] = find_quote_mentions(src)
    assert q.speaker == "Councillor Maren Holt"
    copy = ("The ferry is a \"special case as it serves the islands\", according to Councillor "
            "Maren Holt. Ministers have said the ferry should make savings like other services.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    # a quote given to the other speaker is still a change
    moved = copy.replace("according to Councillor Maren Holt", "according to Minister Ola Brandt")
    assert [k for k, _ in found(src, moved) if k == "attribution"]
    # a speaker after the closing mark in the same sentence is still the speaker
    assert [q.speaker for q in find_quote_mentions('"We will sail," Holt said.')] == ["Holt"]


def test_a_style_of_address_names_no_one_new() -> None:
    src = ("The prime minister will attend a state dinner with the Queen and the Duke of Varn, "
           "who are on a four-day visit to the islands.")
    styled = src.replace("with the Queen", "with Her Majesty the Queen")
    assert not found(src, styled)
    # a new name slipped in the same place is still an addition
    assert [k for k, _ in found(src, src.replace("with the Queen",
                                                 "with Lady Orla Brenn the Queen"))]
    names = [e.text for e in find_entities("He met His Excellency Tomas Varg and Her Majesty the "
                                           "Queen in Varnholm.")]
    assert "Tomas Varg" in names and not [n for n in names if "Majesty" in n or "Excel" in n]


def test_a_particle_of_a_phrasal_verb_is_no_direction() -> None:
    """'tied up in staff' for 'down to staff', 'cut down' beside 'rise': phrasal verbs, not
    opposite directions; 'went up' for 'went down' still is."""
    src = ("Chairman Ivo Brandt said: \"Most of our budget is down to staff and wages, and we "
           "will struggle to find savings.\"")
    tied = src.replace("is down to", "is tied up in")
    assert not [k for k, _ in found(src, tied) if k == "negation"]
    src2 = "Sales of the Varn ferry tickets went down sharply in March, the operator said."
    assert [k for k, _ in found(src2, src2.replace("went down", "went up")) if k == "negation"]


def test_an_age_opening_a_sentence_is_no_name() -> None:
    text = "Twenty-one-year-old Welsh full-back Davies joins Varn Rovers on a five-year deal."
    names = [e.text for e in find_entities(text)]
    assert "Welsh" in names and not [n for n in names if "year-old" in n]
    src = "Wales full-back Davies, 21, joins Varn Rovers on a five-year deal, the club said."
    assert not found(src, "Twenty-one-year-old Welsh full-back Davies joins Varn Rovers on a "
                          "five-year deal, the club said.")
    # a nationality the source does not give is still a change
    assert found(src, "Twenty-one-year-old Irish full-back Davies joins Varn Rovers on a "
                      "five-year deal, the club said.")


def test_a_pronoun_led_phrase_is_no_source() -> None:
    src = ("Dr Lena Varg, the lead researcher, said the preference may adapt to hard times. "
           "\"Our findings show how preferences adapt to the environment,\" she said.")
    copy = ("Dr Lena Varg, the lead researcher, said the preference may adapt to hard times. "
            "As she stated, \"Our findings show how preferences adapt to the environment.\"")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    # a named speaker led in the same way is still a new source
    assert [k for k, _ in found(src, copy.replace("As she stated", "As Mayor Ivo Brandt stated"))
            if k == "attribution"]


def test_a_body_the_source_names_is_the_same_source() -> None:
    """'According to the Harbour Safety Board's initial findings' where the source's sentence
    reads 'The Harbour Safety Board initial findings found ...': one source, reworded."""
    src = ("Two ferries collided at the Varnholm pier just after 15.30 on 3 April. The Harbour "
           "Safety Board initial findings found the pilot believed there was enough room for "
           "both vessels. About 35 people were injured.")
    copy = ("Two ferries collided at the Varnholm pier shortly after 15:30 on 3 April. According "
            "to the Harbour Safety Board's initial findings, the pilot believed there was enough "
            "room for both vessels. About 35 people were injured.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    # the body's attribution cut out is still a change
    said = src.replace("The Harbour Safety Board initial findings found",
                       "The Harbour Safety Board said")
    cut = said.replace("The Harbour Safety Board said the pilot", "The pilot")
    assert [k for k, _ in found(said, cut) if k == "attribution"]


def test_an_outlet_report_credits_the_outlet() -> None:
    src = ("Dr Piet Arnold, a microbiologist at Varn University, praised the scheme as "
           "\"innovative\" and said it should be copied.")
    copy = ("Dr Piet Arnold, a microbiologist at Varn University, praised the scheme as "
            "\"innovative\", according to a BBC report, and said it should be copied.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    assert [k for k, _ in found(src, copy.replace("a BBC report", "Mayor Ivo Brandt"))
            if k == "attribution"]


def test_an_attribution_of_the_next_sentence_is_not_dropped() -> None:
    """The source attributes the sentence after the figure; a copy merging them keeps the
    figure's own sentence unattributed, as the source has it."""
    src = ("Police found 26 bodies in graves near Varnholm last week. Camps in the forests are "
           "the main stop for migrants, according to a report by the Harbour Agency.")
    copy = ("The discovery of 26 bodies in graves near Varnholm last week showed how camps in "
            "the forests are the main stop for migrants.")
    assert not [t for k, t in found(src, copy) if k == "attribution" and "26" in t]
    said = ("Police said they found 26 bodies in graves near Varnholm last week. Camps in the "
            "forests are the main stop for migrants.")
    assert [k for k, _ in found(said, "Some 26 bodies were found in graves near Varnholm last "
                                      "week. Camps in the forests are the main stop for "
                                      "migrants.") if k == "attribution"]


def _story_changes(texts: list[str], parent: dict[int, int], aligned: bool = False
                   ) -> list[tuple[int, str, str]]:
    """Changes of a story, the entailment check judging nothing: what the rules alone say
    (over the aligner's sentence pairs when ``aligned``, as the pipeline compares)."""
    from wiretrace.claims.story import compare_story
    from wiretrace.model import Article, Derivation
    from wiretrace.settings import Settings
    from wiretrace.trace.align import align_articles

    arts = [Article(id=i + 1, source=f"s{i}", site=f"site{i}.example", text=t, raw_text=t)
            for i, t in enumerate(texts)]
    ders = [Derivation(i + 1, "rewrite" if i + 1 in parent else "original", parent.get(i + 1))
            for i in range(len(texts))]
    als = [align_articles(arts[i], arts[j]) for i in range(len(arts))
           for j in range(i + 1, len(arts))] if aligned else []
    unjudged = Settings(entailment_kinds=frozenset())
    return [(c.article, c.kind, c.text) for c in compare_story(arts, als, ders, unjudged)]


def test_a_quote_reworded_from_another_article_of_the_story_is_no_addition() -> None:
    """A rewrite traced to a sibling rewrite (which reports the words indirectly) rewords the
    original's quote: the story supports it, so it is no addition. A quote no article of the
    story says anything like is still one."""
    original = ("Mrs Ada Varn will teach at Holm Primary from August. \"I am really looking "
                "forward to getting started in the classroom at Holm Primary and I can't wait "
                "to meet all the children and their parents,\" she said.")
    sibling = ("Mrs Ada Varn will teach at Holm Primary from August. She said she was eager to "
               "start teaching at the island school and to meet the pupils and their families.")
    copy = ("Mrs Ada Varn will teach at Holm Primary from August. \"Stepping into a Holm "
            "Primary classroom is something I eagerly await, as is getting to know every pupil "
            "and their mums and dads,\" Mrs Varn said.")
    assert not [c for c in _story_changes([original, sibling, copy], {2: 1, 3: 2})
                if c[0] == 3 and c[1] == "addition"]
    # against the sibling alone, the reworded quote has no support: an addition
    assert [c for c in _story_changes([sibling, copy], {2: 1}) if c[1] == "addition"]
    made_up = copy.replace(
        "Stepping into a Holm Primary classroom is something I eagerly await, as is getting to "
        "know every pupil and their mums and dads",
        "Ostmark paid me 40,000 crowns to leave my old school in Tessel last spring")
    changes = _story_changes([original, sibling, made_up], {2: 1, 3: 2})
    assert [c for c in changes if c[0] == 3 and c[1] == "addition"]


def test_an_acronym_the_copy_defines_names_the_same_body() -> None:
    src = ("Had Mr Holm rejoined the Varn Unionists, the party would have won two seats. His "
           "decision to stay independent means the Varn Unionists will have one seat.")
    copy = ("Had Mr Holm rejoined the Varn Unionist Party (VUP), the party would have won two "
            "seats. His decision to stay independent means the VUP will have one seat.")
    assert not [k for k, _ in found(src, copy) if k == "actor"]
    other = copy.replace("will have one seat", "will have one seat").replace(
        "means the VUP", "means the SDLP")
    assert [k for k, _ in found(src, other) if k == "actor"]


def test_a_claim_given_to_another_speaker_of_the_passage_is_still_a_change() -> None:
    src = ("Two ferries collided at the Varnholm pier on 3 April. Inspector Ola Brandt said the "
           "pilot believed there was enough room for both vessels. Mayor Per Lund called for "
           "calm.")
    copy = ("Two ferries collided at the Varnholm pier on 3 April. Mayor Per Lund said the pilot "
            "believed there was enough room for both vessels. Inspector Ola Brandt called for "
            "calm.")
    assert ("attribution", "Mayor Per Lund said") in found(src, copy)


def test_an_opposite_word_both_sentences_have_compensates_nothing() -> None:
    src = ("After a very long stretch of being unavailable everywhere, the Varn Edition is back "
           "in stock at the Holm shop.")
    assert ("negation", "not") in found(src, src.replace("is back", "is not back"))


def test_a_shortened_name_is_the_same_body() -> None:
    src = "The scheme involved the Federal Reserve buying bonds to keep long-term rates low."
    assert not found(src, src.replace("the Federal Reserve", "the Fed"))
    assert [k for k, _ in found(src, src.replace("the Federal Reserve", "the Bank of Varn"))
            if k == "actor"]
    # two people with the same title are still two people
    src2 = "Varn's Chief Minister Ada Holm called the city a gas chamber last month."
    assert [k for k, _ in found(src2, src2.replace("Ada Holm", "Per Lund")) if k == "actor"]


def test_neither_nor_is_one_negation_and_declined_to_is_one() -> None:
    src = ("A Varn Police spokeswoman told the paper she could neither confirm nor deny whether "
           "an application was made to monitor the phones of three journalists.")
    copy = ("A Varn Police spokeswoman declined to confirm or deny whether an application was "
            "made to monitor the phones of three journalists.")
    assert not [k for k, _ in found(src, copy) if k == "negation"]
    assert [k for k, _ in found(src, src.replace("she could neither confirm nor deny",
                                                 "she confirmed")) if k == "negation"]


def test_a_partitive_is_no_omitted_figure() -> None:
    src = ("Last week, individuals linked to one of these groups, the Varn Front, were detained "
           "by a tribal force, the correspondent said.")
    copy = ("Last week, individuals associated with the group the Varn Front were detained by a "
            "tribal force, the correspondent said.")
    assert not [k for k, _ in found(src, copy) if k == "omission"]


def test_a_quote_ending_its_sentence_has_no_speaker_after_it() -> None:
    text = ("Ada Holm estimated the haul at $50m, saying: \"What we are talking about is a "
            "gigantic sum.\" Earlier reports suggested the figure was even higher.")
    assert [q.speaker for q in find_quote_mentions(text)] == ["Ada Holm"]


def test_a_place_called_by_its_epithet_is_no_new_name() -> None:
    """'the Silver State' where the source sentence names Nevada: a place's epithet, not a new
    actor; a new person put into the same sentence is still an addition."""
    src = ("After the war, artists began moving to Nevada, founding some of the first desert "
           "colonies. Nevada-based painters, like the Dunewalkers, rejected city galleries. "
           "Prices for studios tripled within a decade.")
    copy = ("After the war, artists began moving to Nevada, founding some of the first desert "
            "colonies. The Silver State became a haven for painters, like the Dunewalkers, who "
            "rejected city galleries. Prices for studios tripled within a decade.")
    assert not [t for _, t in found(src, copy) if "Silver State" in t]
    added = copy.replace("The Silver State became a haven", "Governor Alma Restrepo made "
                         "the desert a haven")
    assert [t for k, t in found(src, added) if k == "addition" and "Alma Restrepo" in t]


def test_a_source_quote_with_words_added_is_left_to_quote_integrity() -> None:
    """A copy that adds words inside a source quote: quote integrity names the words added; the
    change list does not call the whole quote one the source lacks. A quote made up whole is
    still an addition."""
    from wiretrace.claims.quotes import compare_quotes
    from wiretrace.model import Article

    src = ("The 24-year-old joined Harlow Rovers on a three-year deal. \"I have to learn a new "
           "league and a new city. I am going to win things here,\" he told the club's website.")
    copy = ("The 24-year-old signed a three-year contract with Harlow Rovers. \"I am going to win "
            "things here, I'm convinced of that,\" he told the club's website.")
    whole = [c for c in compare_texts(src, copy).changes if "the quote" in c.explanation]
    assert not whole

    def art(i: int, t: str) -> Article:
        return Article(id=i, source=str(i), site=f"s{i}", url=None, title="", text=t,
                       raw_text=t)

    altered = [q for q in compare_quotes(art(1, src), art(2, copy)) if q.kind == "altered"]
    assert altered and "I'm convinced of that" in altered[0].explanation
    made_up = copy.replace("I am going to win things here, I'm convinced of that",
                           "The coaches here never listened to the younger players")
    assert [c for c in compare_texts(src, made_up).changes if "the quote" in c.explanation]


def test_soft_hyphens_are_typography() -> None:
    """A page that marks where long words may break ('Not\\u00adfall') reads the same as one that
    does not: no negation 'not', no change at all."""
    src = ("Under the law the record holds the emergency\u00addata\u00adset and the medication "
           "plan of every patient. Notfall\u00adplan and Not\u00adfall\u00adnummer are kept "
           "apart from it, the ministry said.")
    copy = src.replace("\u00ad", "")
    assert found(src, copy) == []
    assert found(copy, src) == []
    assert [k for k, _ in found(src, copy.replace("are kept apart", "are not kept apart"))
            if k == "negation"]


def test_a_multiple_and_a_reading_are_not_one_figure() -> None:
    """'reached 50 times the safe level' and 'reached 408' fill the same verb's slot but measure
    different things; the same reading changed is still a figure change."""
    src = ("Monitors in Varnholm maxed out on Tuesday and pollution reached 50 times the safe "
           "level, the environment office said. Schools in the city were closed.")
    copy = ("The embassy's own monitor reported on Tuesday that pollution reached 408, a "
            "hazardous rating, the environment office said. Schools in the city were closed.")
    assert not [t for k, t in found(src, copy) if k == "figure"]
    assert ("figure", "60") in found(src, src.replace("reached 50 times", "reached 60 times"))


def test_a_mixed_case_acronym_names_the_same_body() -> None:
    """'the Ministry of Defence' for 'the MoD', 'the Department for Education' for 'the DfE':
    one body; another ministry in its place is still an actor swap."""
    src = "The MoD has now said a Varnian submarine was involved in the incident off the coast."
    copy = ("The Ministry of Defence has now said a Varnian submarine was involved in the "
            "incident off the coast.")
    assert not [k for k, _ in found(src, copy) if k == "actor"]
    swapped = copy.replace("Ministry of Defence", "Ministry of Justice")
    assert [k for k, _ in found(src.replace("MoD", "Ministry of Defence"), swapped)
            if k == "actor"]


def test_a_source_cut_mid_quote_still_holds_its_quote() -> None:
    """A source cut off inside a quote (a truncated feed): a copy that rewords that quote does
    not add a quote the source lacks."""
    src = ("The fund's director spoke in Varnholm on Monday. She said the city's budget plan "
           "had worked. \"It is clearly also delivering results, because when we look at the "
           "growth rates delivered by the other cities in the region,")
    copy = ("The fund's director spoke in Varnholm on Monday and said the budget plan had worked. "
            "\"The city's plan has plainly produced results, as its higher growth rate compared "
            "with the other cities in the region shows,\" she added.")
    assert not [c for c in compare_texts(src, copy).changes if "the quote" in c.explanation]
    from wiretrace.claims.quotes import cut_quote_mention

    cut = cut_quote_mention(src)
    assert cut is not None and cut.text.startswith("It is clearly also delivering results")
    assert src[slice(*cut.span)] == cut.text
    assert cut_quote_mention(copy) is None  # every quote of the copy is closed


def test_a_speaker_after_an_article_is_the_speaker() -> None:
    """'an action the bank said it had taken "to prevent fraud"': the speaker is the bank, and a
    copy that keeps 'the bank' beside the quote keeps the attribution; one that names no one
    drops it."""
    src = ("Customers of Harlow Bank had been blocked from paying online since Sunday, an action "
           "the bank said it had taken \"to prevent criminal activity\". Payments resumed on "
           "Tuesday.")
    kept = ("Since Sunday customers had been unable to pay online, a measure the bank brought in "
            "\"to prevent criminal activity\". Payments resumed on Tuesday.")
    assert not [k for k, _ in found(src, kept) if k == "attribution"]
    dropped = ("Since Sunday customers had been unable to pay online, a measure brought in \"to "
               "prevent criminal activity\". Payments resumed on Tuesday.")
    assert [k for k, _ in found(src, dropped) if k == "attribution"]


def test_a_financial_year_holds_both_its_years() -> None:
    """'statements for 2010-11' and 'the year ending 2011' are one period; another year is
    still a change."""
    src = ("The alliance examined the councils' financial statements for 2010-11 and found 40 "
           "schemes in deficit, it said on Monday.")
    copy = ("The alliance examined the councils' financial statements for the year ending 2011 "
            "and found 40 schemes in deficit, it said on Monday.")
    assert not [k for k, _ in found(src, copy) if k == "figure"]
    assert [k for k, _ in found(src, copy.replace("ending 2011", "ending 2014"))
            if k == "figure"]


def test_a_plural_acronym_after_the_full_name_is_the_source_name() -> None:
    """'Members of the European Parliament (MEPs)' where the source says 'MEPs': no new name."""
    src = ("On Wednesday the commission's president met a group of MEPs in Varnholm to discuss "
           "the budget, officials said.")
    copy = ("On Wednesday the commission's president met a group of Members of the European "
            "Parliament (MEPs) in Varnholm to discuss the budget, officials said.")
    assert not [t for k, t in found(src, copy) if k == "addition"]



def test_a_name_the_source_gives_only_by_its_initials_is_no_addition() -> None:
    """'their General Practitioners' where the source says 'their GPs': the same doctors
    spelt out; initials the source does not use are still a new name."""
    src = ("Only 28% of the islanders spoke Varnish when they saw their GPs or dentists, the "
           "commissioner's report found.")
    copy = ("The commissioner's report found that only 28% of the islanders spoke Varnish when "
            "consulting their General Practitioners or dentists.")
    assert not [t for k, t in found(src, copy) if k in {"addition", "actor"}]
    other = copy.replace("General Practitioners", "Harbour Pilots")
    assert [t for k, t in found(src, other) if k in {"addition", "actor"}]


def test_a_place_owning_a_name_is_two_names() -> None:
    """"Varnland's Odile Brask" is a place and a person: a copy calling her "the Varnish
    skater" adds no place; a copy that moves her to another country still changes one."""
    ents = find_entities("Britain's Odile Brask led after the first round.")
    assert [(e.text, e.type) for e in ents][-1] == ("Odile Brask", "person")
    assert any(e.text.startswith("Britain") and e.canonical == "United Kingdom" for e in ents)
    src = ("South Korea's Odile Brask, who led after the first two rounds, slipped to second "
           "after a round of 71 at the Lakeview course.")
    copy = ("Odile Brask led after the first two rounds, but the South Korean player slipped to "
            "second after a round of 71 at the Lakeview course.")
    assert not [k for k, _ in found(src, copy) if k in {"addition", "place"}]
    moved = copy.replace("South Korean", "Japanese")
    assert [k for k, _ in found(src, moved) if k in {"addition", "place"}]


def test_a_quote_of_two_sentences_reworded_is_the_source_quote() -> None:
    """A rewrite that rewords a quote of two sentences into one says what the speaker said in
    other words: the source's quote, not a new one (the whole quote is compared, not each of its
    sentences). A quote about something else is still one the source lacks."""
    src = ("Odile Brask, who leads by four shots, told Radio Vell: \"I think I know how to play "
           "under pressure. I have to focus on what is under my control.\" She plays with two "
           "former champions on Sunday.")
    copy = ("Odile Brask, who leads by four shots, told Radio Vell: \"I believe I've got the "
            "hang of handling pressure, and it is all about concentrating on the controllable "
            "parts.\" She plays with two former champions on Sunday.")
    assert not [k for k, _ in found(src, copy) if k == "addition"]
    other = copy.replace("I believe I've got the hang of handling pressure, and it is all about "
                         "concentrating on the controllable parts.",
                         "The greens at Lakeview are the fastest I have putted on in ten years.")
    assert [k for k, _ in found(src, other) if k == "addition"]


def test_only_the_attribution_that_gives_a_quote_is_its_speaker() -> None:
    """"The tower noted that the pilot reported '...'": the quote is the pilot's, as in the
    source; the tower's attribution governs the sentence, not the quote."""
    src = ("Air traffic control said the pilot of the Varnair flight reported that \"something "
           "had just gone over the top of him\" at about 18:45 while flying north of Lisk.")
    copy = ("Air traffic control noted that the pilot of the Varnair flight reported \"something "
            "had just gone over the top of him\" around 18:45 while flying north of Lisk.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    moved = copy.replace("the pilot of the Varnair flight reported",
                         "Captain Ilse Moreau reported")
    assert [k for k, _ in found(src, moved) if k == "attribution"]


def test_a_bodys_report_is_the_body_the_source_names() -> None:
    """"The AIB's report states" where the source names the Air Investigation Board (AIB)
    report earlier: the owner of the document is the source it names, not a new one."""
    src = ("According to the Air Investigation Board (AIB) report, the plane answered the "
           "pilot's controls. The investigation continues to determine if the pilot tried to "
           "eject before the canopy was released.")
    copy = ("The AIB report said the plane answered the pilot's controls. The AIB's report states: "
            "\"The investigation continues to determine if the pilot tried to eject before the "
            "canopy was released.\"")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    other = copy.replace("The AIB's report states", "The Varn Pilots Union's report states")
    assert [k for k, _ in found(src, other) if k == "attribution"]


def found_beside(parent: str, copy: str, other: str) -> list[tuple[str, str]]:
    """Changes of ``copy`` against ``parent`` with ``other`` as another article of the story."""
    a, b, o = (side_of(t, extract_claims_from_text(t, None, k))
               for k, t in enumerate((parent, copy, other)))
    return [(c.kind, c.text) for c in compare_sides(a, b, None, 0, 1, support=[o])]


def test_a_name_in_other_case_is_the_story_name() -> None:
    """"Official Chart Company" where another article writes "Official chart company", "Number
    One" for "number one": case is typography; a name no article has is still an addition."""
    parent = "The new album by Lorna Vey did not chart this week, under the rules on downloads."
    other = ("Official chart company rules state that free downloads do not count towards the "
             "top 40, so the new album by Lorna Vey did not chart.")
    copy = ("The new album by Lorna Vey did not chart this week, under Official Chart Company "
            "rules on downloads.")
    assert not found_beside(parent, copy, other)
    assert [k for k, _ in found_beside(parent, copy.replace("Official Chart Company",
                                                            "Varn Music Board"), other)
            if k == "addition"]


def test_words_that_are_no_names() -> None:
    """A chart position ("at Number Thirteen"), names made an adjective ("a David-and-Goliath
    fight"), a sentence opener ("This", "Since") and a name cut at its sentence's end ("World
    War I. He") are read as what they are."""
    names = [e.text for e in find_entities(
        "This David-and-Goliath fight ended when the single went in at Number Thirteen. Since "
        "Monday, Lorna Vey has served in World War I. He said so.")]
    assert names == ["Lorna Vey", "World War I"]
    assert [e.text for e in find_entities("A spokesman for Number 10 said so.")] == ["Number"]


def test_a_war_numbered_in_words_or_numerals_is_one_war() -> None:
    """"World War I" where another article says "World War One"; a person with a title spelt
    out ("Detective Chief Inspector Andy Guy" for "Det Ch Insp Andy Guy") is the same person."""
    parent = "Edgar Mobbs led a battalion and fought at Loos and Arras, the police said."
    other = ("The match was meant to recruit players to the World War One battalion of Edgar "
             "Mobbs, who fought at Loos and Arras, Det Ch Insp Andy Guy said.")
    copy = ("Edgar Mobbs led a battalion in World War I. He fought at Loos and Arras, "
            "Detective Chief Inspector Andy Guy said.")
    assert not found_beside(parent, copy, other)
    assert [k for k, _ in found_beside(parent, copy.replace("World War I", "the Crimean War"),
                                       other) if k == "addition"]


def test_zero_is_none() -> None:
    """"zero Syrian refugees" for "no Syrian refugees have been resettled": the same figure; a
    zero the source gives no ground for is still an addition."""
    src = ("According to agency data, no Syrian refugees have been resettled by Varnland or "
           "Ostmark, while Lisk has taken in 12,000.")
    copy = ("Lisk has taken in a mere 12,000, and countries like Varnland and Ostmark have "
            "resettled zero Syrian refugees.")
    assert not found(src, copy)
    assert [k for k, _ in found(src.replace("no Syrian refugees have been resettled",
                                            "Syrian refugees have been resettled"), copy)
            if k == "addition"]


def test_a_certainty_word_both_texts_have_is_not_the_change() -> None:
    """"If it is confirmed, it would reportedly be" → "If it is confirmed, it would likely be":
    'confirmed' is in both; the change is 'likely' for 'reportedly'."""
    src = ("If the value of the jewels is confirmed, it would reportedly be the largest heist in "
           "Varn.")
    copy = src.replace("jewels", "stolen jewels").replace("reportedly", "likely")
    assert [(c.kind, c.text, c.versus_text) for c in compare_texts(src, copy).changes] == [
        ("modality", "likely", "reportedly")]


def test_a_quote_reworded_with_the_source_quotes_words_is_that_quote() -> None:
    """Most of a copy's quote's content words from one source quote, reordered and reworded:
    the source's quote (left to quote integrity), not a quote the source lacks."""
    src = ("However, the organiser told Radio Vell: \"We switched to plan B, and our thoughts and "
           "wishes are with her and we hope that she makes a speedy recovery.\" The parade went "
           "on without the Duchess.")
    copy = ("\"We wish Her Royal Highness a speedy recovery and our thoughts are with her,\" the "
            "organiser added. The parade went on without the Duchess.")
    assert not found(src, copy)
    other = copy.replace("We wish Her Royal Highness a speedy recovery and our thoughts are with "
                         "her", "The weather in Varn was the worst we have had in a decade")
    assert [k for k, _ in found(src, other) if k == "addition"]


def test_a_negation_told_by_a_word_that_denies() -> None:
    """"unable to afford" for "could not afford", "evading payment" for "not paying", "remained
    inactive" for "has not posted": the same denial without a cue; a denial dropped is still a
    change."""
    src = "It is believed that the widow of Tom Whitley could not afford a marked grave in Varn."
    assert not found(src, src.replace("could not afford", "was unable to afford"))
    assert [k for k, _ in found(src, src.replace("could not afford", "could afford"))
            if k == "negation"]
    src2 = ("PC Ada Tilley admitted she had destroyed her career after evading payment for a "
            "journey between Varn station and Lisk last June.")
    assert not found(src2, "PC Ada Tilley admitted she had ruined her career after not paying "
                           "for a trip between Varn station and Lisk last June.")
    src3 = ("The official Varn Agency Twitter account has not posted since 19 January, a day "
            "before the new chief took office.")
    assert not found(src3, "Since 19 January the official Varn Agency Twitter account has "
                           "remained inactive, a day before the new chief took office.")
    assert [k for k, _ in found(src3, src3.replace("has not posted", "has posted"))
            if k == "negation"]


def test_before_and_later_can_tell_one_order_of_events() -> None:
    """"began in Olney before becoming captain" / "began in Olney and later captained": one
    order; "after becoming captain" for "before becoming captain" reverses it."""
    src = ("Edgar Mobbs was born in Varn in 1882 and began his playing career in Olney before "
           "becoming captain of the Varn club in 1907.")
    copy = ("Edgar Mobbs, born in Varn in 1882, began his playing career in Olney and later "
            "captained the Varn club in 1907.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, src.replace("before becoming", "after becoming"))
            if k == "negation"]


def test_an_order_told_from_the_other_event_is_no_reversal() -> None:
    """"left two days before police arrived" / "police arrived two days later": "before"
    orders the leaving against the arrival, "later" dates the arrival against the leaving; one
    order told from either event. "after police arrived" for "before police arrived" reverses
    it, as "the week after" for "the week before" does."""
    src = "Inspector Lund left Varn on Monday, two days before the storm reached the coast."
    copy = "Inspector Lund left Varn on Monday. The storm reached the coast two days later."
    assert not [k for k, _ in found(src, copy) if k == "negation"]
    assert [k for k, _ in found(src, src.replace("before the storm", "after the storm"))
            if k == "negation"]
    src2 = "Inspector Lund met the mayor of Varn in the week before the election."
    assert [k for k, _ in found(src2, src2.replace("week before", "week after"))
            if k == "negation"]


def test_an_order_told_from_either_event_is_no_reversal() -> None:
    """"The vote comes two days after the mayor resigned" / "The mayor resigned two days
    before the vote": the event named after the word is the one the other sentence tells
    first; "two days after the vote" for "two days before the vote" reverses the order."""
    src = "The vote in Varn comes two days after the mayor resigned."
    assert not found(src, "The mayor of Varn resigned two days before the vote.")
    assert not found("Inspector Lund left Varn shortly before police arrived.",
                     "Police arrived in Varn shortly after Inspector Lund left.")
    src2 = "The mayor of Varn resigned two days before the vote."
    assert [k for k, _ in found(src2, src2.replace("before", "after")) if k == "negation"]


def test_at_least_is_a_bound_not_the_opposite_of_more() -> None:
    """"at least 40" / "more than 40", "no less than 40 percent" / "more than 40 percent": a
    figure's bound, no word and its opposite."""
    src = "At least 40 people were killed in the flood in Varn on Monday."
    assert not [k for k, _ in found(src, src.replace("At least", "More than"))
                if k == "negation"]
    src3 = "No less than 40 percent of the vote in Varn went to Mayor Ilse Brandt."
    assert not [k for k, _ in found(src3, src3.replace("No less than", "More than"))
                if k == "negation"]
    assert [k for k, _ in found(src3, src3.replace("No less than", "No more than"))
            if k == "negation"]  # two bounds, turned round
    src2 = "More people were killed in the flood in Varn than in the storm."
    assert [k for k, _ in found(src2, src2.replace("More", "Fewer")) if k == "negation"]


def test_a_title_in_quotation_marks_is_no_quote() -> None:
    """"The Varn Memorial Match" names an event; a quotation the source lacks is still added."""
    src = ("A match in memory of Edgar Mobbs will be played on 24 January at Olney, where he "
           "first played.")
    copy = ("A match, called \"The Varn Memorial Match,\" will be played on 24 January at Olney, "
            "where Edgar Mobbs first played.")
    def quotes_added(copy: str) -> list[str]:
        return [c.text for c in compare_texts(src, copy).changes
                if c.kind == "addition" and "the quote" in c.explanation]

    assert not quotes_added(copy)
    assert quotes_added(copy.replace("The Varn Memorial Match,",
                                     "we will never forget what he gave,"))


def test_a_body_then_a_title_is_the_body() -> None:
    """"NHS CEO, Simon Stevens" where the source has "NHS chief executive Simon Stevens"."""
    assert [e.text for e in find_entities("Then VTB CEO, Ola Brandt, said so.")] == [
        "VTB", "Ola Brandt"]
    src = ("The walk-in service will be rolled out across the country next year, VTB chief "
           "executive Ola Brandt said.")
    copy = ("Then VTB CEO, Ola Brandt, expects the walk-in service to be rolled out across the "
            "country next year.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("VTB CEO", "Varn Savings Bank CEO"))
            if k in {"addition", "actor"}]


def test_a_place_told_as_what_it_is_is_no_other_place() -> None:
    """"claims in the area" for "claims in the South Varn Sea": the same place; "the North Lisk
    Sea" for it is another place, reported once (not also as an opposite word)."""
    src = ("A tribunal ruled on Tuesday that there was no legal basis to the claims of Varnland "
           "in the South Varn Sea.")
    assert not found(src, "This comes after a tribunal ruled on Tuesday that there is no legal "
                          "basis for the claims of Varnland in the area.")
    assert found(src, src.replace("South Varn Sea", "North Lisk Sea")) == [("place", "North")]


def test_a_region_epithet_is_the_country_it_describes() -> None:
    src = ("Varnland has been in chaos since the fall of its ruler Ola Brandt in 2011, and two "
           "rival governments vie for power.")
    copy = src.replace("Varnland has", "The North African nation has")
    assert not found(src, copy)
    assert [k for k, _ in found(src, src.replace("two rival", "two North African"))
            if k == "addition"]


def test_a_name_with_initials_for_some_words_is_the_source_name() -> None:
    src = ("The UN refugee agency said on Friday that 25,000 migrants boarded smugglers' boats "
           "from Varnland in the first quarter of 2015.")
    copy = ("The United Nations Refugee Agency has shed light on a worrying trend, disclosing "
            "that some 25,000 migrants boarded smugglers' boats from Varnland early in 2015.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("United Nations Refugee Agency",
                                                  "Varn Migration Office")) if k == "addition"]


def test_a_pronoun_told_something_is_no_source_dropped() -> None:
    src = ("At a meeting of Varn MPs, he was told the referendum could be \"lost\" unless the "
           "party made a more \"passionate\" case.")
    copy = ("During a tense meeting with Varn MPs, the stakes were laid bare; the referendum "
            "could be \"lost\" unless the party made a more \"passionate\" case.")
    assert not found(src, copy)
    assert [k for k, _ in found(src.replace("he was told", "Ola Brandt told them"), copy)
            if k == "attribution"]


def test_a_denial_by_quantity_or_prefix_is_a_negation() -> None:
    """"not enough room" for "little room", "for which drugs are ineffective" for "that drugs
    cannot help": the same denial."""
    src = "As the Varn roadster was sold as a two-seater, there was little room for a third person."
    assert not found(src, "As the Varn roadster is a two-seater, there was not enough room for a "
                          "third person.")
    src2 = ("The Lisk throat service tells whether an illness is caused by a virus that drugs "
            "cannot help or by a bacterial infection.")
    assert not found(src2, "The Lisk throat service tells whether an illness is caused by a "
                           "virus (for which drugs are ineffective) or by a bacterial infection.")
    assert [k for k, _ in found(src2, src2.replace("cannot help", "can help")) if k == "negation"]


def test_the_speaker_of_a_quote_however_introduced() -> None:
    """Speakers introduced by any verb before or after the quote, with an apposition or a
    home town between name and verb; a scare quote before a name has none."""
    text = ("\"Nothing could be further from the truth,\" Lind asserts. Ola Brandt reflected, \"We "
            "have come a long way.\" According to Stokes, \"It is about winning.\" Fia Holm, her "
            "agent for 25 years, said: \"That is simply wrong.\" MP Mel Onn from Great Lisk "
            "posited, \"Statistics show more.\" \"We lost,\" Mr. Obrey said. The \"new normal\" "
            "Paris talks were held.")
    assert [m.speaker for m in find_quote_mentions(text)] == [
        "Lind", "Ola Brandt", "Stokes", "Fia Holm", "MP Mel Onn", "Mr. Obrey", None]


def test_a_quote_of_someone_the_source_quotes_is_their_quote_reworded() -> None:
    """A rewrite that rewords what a quoted person said ("that is simply wrong" → "nothing could
    be further from the truth") gives that person's quote, not a new one; a quote from someone
    the source never quotes is still one the source lacks."""
    src = ("Fia Holm, the singer's agent for 25 years, said: \"It has been reported that she will "
           "only work one more year - that is simply wrong.\" The singer is 81.")
    copy = ("Reports that the singer will only work one more year are false. \"Nothing could be "
            "further from the truth,\" Holm asserts. The singer is 81.")
    assert not [k for k, _ in found(src, copy) if k == "addition"]
    other = copy.replace("Holm asserts", "Ada Lind asserts")
    assert [k for k, _ in found(src, other) if k == "addition"]


def test_a_models_notes_on_its_edit_are_residue() -> None:
    """A list of bold labels under "Insightful feedback:" is a model's notes on its own edit,
    never a claim of the article; a plain sentence about improvements is the article's."""
    from wiretrace.ingest.llm_meta import is_meta_anywhere

    assert is_meta_anywhere("1. **Contextual Clarity**: The refined paragraph gives context.")
    assert is_meta_anywhere("--- Insightful feedback:")
    assert is_meta_anywhere("Suggestions for further enhancement:")
    assert not is_meta_anywhere("Improvements to the A14 road were announced on Monday.")
    assert not is_meta_anywhere("The council voted for three improvements:")


def test_instead_of_is_a_denial() -> None:
    src = ("Groups of pupils at Varn Academy will in future be called \"classes\", and not "
           "\"squads\", the head said.")
    assert not found(src, "In future, groups of pupils at Varn Academy will be called \"classes\" "
                          "instead of \"squads\", the head said.")


def test_a_possessive_is_no_speaker() -> None:
    """"China's claims" is a noun; "in Washington she said": she speaks."""
    from wiretrace.claims.attributions import find_attributions

    assert [a.source for a in find_attributions(
        "A tribunal ruled against Varnland's claims, but Lisk said it would not comply.")] == [
        "Lisk"]
    from wiretrace.claims.attributions import find_quotes

    said = "Speaking at a meeting in Varn she said: \"It works.\""
    assert [a.source for a in find_attributions(said)] == []  # a pronoun names no source
    assert [q.speaker for q in find_quotes(said)] == ["she"]


def test_a_name_in_another_form_is_no_other_name() -> None:
    """"Vivendi's SFR" / "Vivendi-owned SFR", "St. Anne's Home" / "St Anne's", "Manus RPC" /
    "Manus Regional Processing Centre" name one thing; another owner or home is a swap."""
    src = ("The bid to combine Varn Telecom and Vivendi-owned SFR would create the largest mobile "
           "provider in Lisk. He denies 50 counts of assault in the 1990s at St Anne's in Market "
           "Weighton.")
    copy = ("The bid to combine Varn Telecom and Vivendi's SFR would create the largest mobile "
            "provider in Lisk. He denies 50 counts of assault in the 1990s at St. Anne's Home in "
            "Market Weighton.")
    assert not found(src, copy)
    assert len(found(src, copy.replace("Vivendi", "Orange").replace("Anne", "Mary"))) == 2
    src2 = ("Mr Ola Brandt said the Manus Regional Processing Centre, which houses 854 men, would "
            "not close at once.")
    copy2 = ("The decision to close the Manus RPC, which houses 854 men, will not happen at once, "
             "Mr Ola Brandt said.")
    assert not found(src2, copy2)
    assert [k for k, _ in found(src2, copy2.replace("Manus RPC", "Lisk RPC")) if k == "addition"]


def test_a_speaker_who_opens_the_next_quote_is_not_the_last_ones() -> None:
    text = ("Stanford, a former world champion herself, shared her thoughts: \"It was fierce!\" "
            "Holland told reporters: \"We won.\"")
    assert [m.speaker for m in find_quote_mentions(text)] == ["Stanford", "Holland"]


def test_a_quote_given_to_a_pronoun_keeps_its_speaker() -> None:
    src = ("Supt Ola Brandt said divers on the seabed were currently \"actively working\" and "
           "would not continue in darkness.")
    assert not found(src, "\"Actively working,\" he did declare, but in darkness the divers "
                          "would not continue.")
    assert [k for k, _ in found(src, "Divers on the seabed were \"actively working\" and would "
                                     "not continue in darkness.") if k == "attribution"]


def test_a_figure_to_more_places_is_the_same_figure() -> None:
    """"$1.3240" rounds to the source's "$1.32"; "$1.3540" does not."""
    src = "The pound rose 0.86% against the dollar to $1.32 on Friday in Lisk trading."
    assert not found(src, "The pound rose 0.86% against the dollar, reaching $1.3240, on Friday "
                          "in Lisk trading.")
    assert found(src, "The pound rose 0.86% against the dollar, reaching $1.3540, on Friday in "
                      "Lisk trading.") == [("figure", "$1.3540")]


def test_a_figure_written_with_a_stray_point_is_the_same_figure() -> None:
    """The source's "€1.19.57" is "€1.1957" with a stray point, not "€1.19": no change; a copy
    whose digits differ ("€1.2957") gives a figure the source does not."""
    src = ("Sterling was 1.73% higher against the euro at €1.19.57 on Friday in Lisk trading, "
           "dealers said.")
    copy = ("Dealers said sterling rose 1.73% against the euro, reaching €{}, on Friday in Lisk "
            "trading.")
    assert not found(src, copy.format("1.1957"))
    assert not found(src.replace("€", "â‚¬"), copy.format("1.1957"))  # a euro sign misread
    assert [k for k, _ in found(src, copy.format("1.2957"))] in (["figure"], ["addition"])


def test_a_pound_sign_in_the_wrong_encoding_is_still_money() -> None:
    """"Â£675m" is "£675m" read in the wrong encoding (ingest repairs it; a text handed to
    compare_texts may not be): the copy's "£675 million" is the source's figure, "£875
    million" is not."""
    src = ('Ms Collins said: "We pay in Â£675m a year into the EU." The panel met in Lisk on '
           'Friday.')
    copy = ('Ms Collins said: "We contribute £{} million a year to the EU." The panel met in '
            'Lisk on Friday.')
    assert not found(src, copy.format(675))
    assert found(src, copy.format(875)) == [("figure", "£875 million")]


def test_a_dotted_date_or_version_is_no_quantity() -> None:
    from wiretrace.claims.numbers import find_numbers

    got = [n.text for n in find_numbers("On 12.05.2024 version 2.4.1 fixed it; 45.5% agreed.")]
    assert got == ["45.5%"]
    # thousands grouped by points are one number
    assert [(n.text, n.low) for n in find_numbers("It paid 1.250.000 euros.")] == [
        ("1.250.000", 1250000.0)]
    src = "The club paid 1.250.000 euros for the player, the statement said."
    assert not found(src, "The club paid 1.25 million euros for the player, the statement said.")
    assert [k for k, _ in found(src, "The club paid 2.250.000 euros for the player, the "
                                     "statement said.")] == ["figure"]
    # a date's digits are no sum of money
    assert found("The deal was signed on 1.4.20, the union said.",
                 "The deal, worth 1,420 pounds a month, was signed, the union said.")


def test_a_share_in_words_is_the_percentage() -> None:
    """"25% of new fathers" for "a quarter of new fathers"; 40% is another share of them."""
    src = ("A survey of Varn employees and managers found that a quarter of new fathers took no "
           "paternity leave at all.")
    copy = ("A survey of Varn employees and managers revealed that 25% of new fathers did not "
            "take any paternity leave.")
    assert not [k for k, _ in found(src, copy) if k == "addition"]
    assert found(src, copy.replace("25%", "40%")) == [("figure", "40%")]


def test_a_direction_written_together_or_apart_is_one() -> None:
    src = ("Another one has also been spotted on Mizen Head on the south west tip of Varnland in "
           "recent days.")
    copy = ("A second one has also been spotted in recent days on Mizen Head, on the southwest "
            "tip of Varnland.")
    assert not found(src, copy)
    assert found(src, copy.replace("southwest", "northeast")) == [("place", "northeast")]


def test_a_quote_a_subject_judges_with_keeps_a_speaker() -> None:
    """"The Alliance criticised the schemes, labelling them 'inflexible'": still someone's
    words; the quote stated as fact is still a dropped attribution."""
    src = ("The organisation said local government final salary schemes were \"inflexible, too "
           "expensive\" and needed urgent reform.")
    kept = ("The Alliance criticised local government final salary schemes, labelling them "
            "\"inflexible\" and too costly, and urged reform.")
    assert not [k for k, _ in found(src, kept) if k == "attribution"]
    assert [k for k, _ in found(src, "Local government final salary schemes are \"inflexible\" "
                                     "and too costly and need urgent reform.")
            if k == "attribution"]
    # a judging verb inside the quote is the speaker's own word, not the copy's attribution
    said = ("\"We oppose intimidation, and we call for an end to the bullying,\" Ola Brandt said "
            "in Lisk on Monday.")
    assert [k for k, _ in found(said, said.replace(" Ola Brandt said", ""))
            if k == "attribution"]


def test_a_demonym_before_claims_is_no_speaker() -> None:
    from wiretrace.claims.attributions import find_attributions

    assert [a.source for a in find_attributions(
        "A tribunal ruled against Chinese claims, but Beijing said it would not comply.")] == [
        "Beijing"]
    assert [a.source for a in find_attributions("China claims the islands.")] == ["China"]


def test_a_count_of_the_people_listed_is_kept_by_the_list() -> None:
    """"Two individuals, a 22-year-old ... and a 25-year-old ..." cut to the two listed keeps the
    count; "Three individuals" cut to two listed still drops one."""
    src = ("Two individuals, a 22-year-old from Sleaford and a 25-year-old from Lisk, were "
           "apprehended by law enforcement officials on Thursday.")
    copy = "On Thursday, police detained a 22-year-old from Sleaford and a 25-year-old from Lisk."
    assert not found(src, copy)
    assert [k for k, _ in found(src.replace("Two", "Three"), copy) if k == "omission"]


def test_a_name_in_another_spelling_inflection_or_order_is_the_story_name() -> None:
    """"Air Accidents Investigation Branch" where the source writes "air accident investigation
    branch", "Varn Labor government" for "the Labour Varn Government", "Northern Irish" where the
    source names "Northern Ireland": one name; a name no article has is still an addition."""
    src = ("The recorder will be taken to Lisk before it is sent to the UK air accident "
           "investigation branch, where it will be read. The Labour Varn Government says the "
           "crew were BBC Northern Ireland guests last year.")
    copy = ("The recorder will be taken to Lisk and then sent to the UK's Air Accidents "
            "Investigation Branch to be read. The Varn Labor government says the crew were "
            "guests of a Northern Irish broadcaster last year.")
    assert not [k for k, _ in found(src, copy) if k == "addition"]
    assert [t for k, t in found(src, copy.replace("Northern Irish", "Portuguese"))
            if k == "addition"]
    assert [t for k, t in found(src, copy.replace("Air Accidents Investigation Branch",
                                                  "Brisk Flight Safety Board"))
            if k == "addition"]


def test_the_opposite_word_stopped_by_a_noun_says_the_same() -> None:
    """"a ceasefire" for "a cessation of hostilities": the opposite word, stopped, is no negation
    change; "hostilities resumed" for "a ceasefire" still is."""
    src = ("The army said a cessation of hostilities in parts of Varn came into effect at midday "
           "on Saturday, after talks in Lisk.")
    copy = ("The army said a ceasefire in parts of Varn took effect at noon on Saturday, after "
            "talks in Lisk.")
    assert not [k for k, _ in found(src, copy) if k == "negation"]
    truce = src.replace("a cessation of hostilities", "a ceasefire")
    assert [k for k, _ in found(truce, truce.replace("a ceasefire", "hostilities"))
            if k == "negation"]


def test_a_title_added_beside_the_kept_title_changes_none() -> None:
    """"area MP Chancellor Ola Brandt" for "Chancellor Ola Brandt": the copy keeps the source's
    title and adds one; "MP Ola Brandt" for "Chancellor Ola Brandt" still changes it."""
    src = ("The petition to widen the Lisk bridge has won support. Even Chancellor Ola Brandt is "
           "on board with this campaign, and the council has agreed to a study.")
    copy = ("The petition to widen the Lisk bridge, backed by area MP Chancellor Ola Brandt, has "
            "won support, and the council has agreed to a study.")
    assert not [k for k, _ in found(src, copy) if k == "title"]
    assert [k for k, _ in found(src, copy.replace("area MP Chancellor", "area MP"))
            if k == "title"]


def test_a_plain_modifier_reworded_before_a_kept_noun_changes_nothing() -> None:
    """"challenging bosses" for "formidable bosses", "toward full employment" for "toward
    maximum employment", "sportspeople" for "sportsmen": rewordings; two rare terms in one slot
    ("rubella vaccine" for "measles vaccine") and a swapped noun are still changes."""
    src = ("In the game the player must confront a series of formidable bosses, and the bank said "
           "the economy supported progress toward maximum employment. The aim had been to recruit "
           "sportsmen to the Lisk battalion.")
    copy = ("In the game the player must defeat a series of challenging bosses, and the bank said "
            "the economy supported progress toward full employment. The aim had been to recruit "
            "sportspeople for the Lisk battalion.")
    assert not [k for k, _ in found(src, copy) if k in {"scope", "place"}]
    war = "The aim of the game had been to recruit sportsmen to Holt's World War One battalion."
    assert not found(war, "The objective of the game was to recruit sportspeople for Holt's "
                          "World War I battalion.")
    jab = ("Health officials in Varn said the measles vaccine would be offered to every pupil at "
           "Lisk Primary from Monday.")
    assert [k for k, _ in found(jab, jab.replace("measles", "rubella")) if k == "scope"]
    assert [k for k, _ in found(src, src.replace("battalion", "orchestra"))
            if k in {"scope", "place"}]


def test_a_word_opening_a_quote_or_the_numbers_are_no_one() -> None:
    """"Anytime a group calls ..." for "Whenever a group calls ...": a capital that opens a
    quote names no one; "Statistics suggested" for "Figures suggested": the numbers, not a
    source. A speaker named in place of another is still a change."""
    src = ("\"Whenever a terror group calls for an attack on a specific place, we must take it "
           "seriously,\" the Lisk police chief said. Figures suggested there were more deaths than "
           "expected at Varn Hospital between 2005 and 2008.")
    copy = ("\"Anytime a terror group calls for an attack on a specific place, we must take that "
            "seriously,\" the Lisk police chief said. Statistics suggested that there were more "
            "deaths than expected at Varn Hospital between 2005 and 2008.")
    assert not found(src, copy)
    said = src.replace("Figures suggested", "Ola Brandt said")
    assert found(said, said.replace("Ola Brandt said", "Ivo Marsh said")) == [
        ("actor", "Ivo Marsh")]


def test_a_figure_the_parents_own_source_gives_is_the_parents_change() -> None:
    """A copy traced to a revision that changed a figure, where the copy keeps the original's
    figure: the change is the revision's (reported once, on it), not the copy's; a figure no
    article upstream gives is still the copy's change."""
    original = ("Lisk council said 40 homes were flooded on Monday after the river burst its "
                "banks near the old mill. Residents were moved to a school hall overnight.")
    revision = original.replace("40 homes", "45 homes")
    copy = ("On Monday 40 homes were flooded after the river burst its banks near the old mill, "
            "Lisk council said. Residents were moved to a school hall overnight.")
    changes = _story_changes([original, revision, copy], {2: 1, 3: 2})
    assert [c for c in changes if c[0] == 2 and c[1] == "figure"]
    assert not [c for c in changes if c[0] == 3]
    changes = _story_changes([original, revision, copy.replace("40 homes", "60 homes")],
                             {2: 1, 3: 2})
    assert [c for c in changes if c[0] == 3 and c[1] == "figure"]
    # the revision traced as a root of its own (not to the original): the original still gives
    # the copy's figure, and no article made from the copy counts as support
    assert not _story_changes([original, revision, copy], {3: 2})
    assert [c for c in _story_changes([original, revision, copy.replace("40 homes", "60 homes"),
                                       copy.replace("40 homes", "60 homes")], {3: 2, 4: 3})
            if c[0] == 3 and c[1] == "figure"]


def test_a_pronoun_one_and_a_pair_are_no_new_figures() -> None:
    """"no one has been charged" counts nothing; "The two died" for "The pair died" gives the
    pair's count; "The three died" is still a figure no article gives."""
    src = ("The pair died in their sleep aboard a boat on Lake Varn in April 2013. Police said "
           "nobody had been charged over the deaths.")
    copy = ("The two died while sleeping on a boat on Lake Varn in April 2013. Police said no one "
            "has been charged in connection with the deaths.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("The two", "The three")) if k == "addition"]
    assert not found("Each tree was nominated by members of the public.",
                     "Each one has been nominated by adoring members of the public.")


def test_a_count_of_zero_is_a_denial() -> None:
    """"have not resettled any refugees" for "have resettled a staggering zero refugees": no
    negation added and no figure dropped; "have resettled many refugees" still drops it."""
    src = ("Meanwhile, Varn, Lisk and the Gulf states have resettled a staggering zero Syrian "
           "refugees, according to recent UN refugee agency data.")
    copy = ("Notably, Varn, Lisk and the Gulf states have not resettled any Syrian refugees, "
            "according to recent data from the UN refugee agency.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("have not resettled any", "have resettled "
                                                  "many")) if k in {"omission", "negation"}]
    # and the other way round: a count of zero for a denial
    failed = ("More astonishing, the nations with the highest GDPs such as Varn, Lisk, and all "
              "Gulf states have so far failed to resettle any Syrian refugees despite hosting "
              "millions themselves.")
    zero = ("Meanwhile, the US has taken in a mere 12,000, and countries like Varn, Lisk, and the "
            "Gulf states have resettled zero Syrian refugees.")
    assert not [k for k, _ in found(failed, zero) if k in {"figure", "negation"}]


def test_an_opposite_word_the_copy_keeps_as_a_noun_is_kept() -> None:
    """"appointed captain following Holt's resignation" for "named captain after Holt resigned":
    no negation; a plain opposite ("Holt resigned" / "Holt was appointed") is still one."""
    src = ("Lisk batsman Ivo Marsh has been named as new Test captain after Ola Holt resigned "
           "after more than four years in charge.")
    copy = ("Lisk batsman Ivo Marsh has recently been appointed as the new Test captain following "
            "Ola Holt's resignation after more than four years in charge.")
    assert not [k for k, _ in found(src, copy) if k == "negation"]
    quit_ = "Ola Holt resigned as Lisk captain on Monday after more than four years in charge."
    assert [k for k, _ in found(quit_, quit_.replace("resigned", "was appointed"))
            if k == "negation"]


def test_a_rare_verb_reworded_is_no_other_term() -> None:
    """"plagued by chaos" for "beset by chaos": a verb reworded, not another specific term as
    "rubella" for "measles" is."""
    src = "Varn has been beset by chaos since the overthrow of its ruler Ivo Marsh in 2011."
    assert not found(src, src.replace("beset", "plagued"))


def test_two_hedges_that_can_both_hold_are_no_reversal() -> None:
    """"over 290 lives" for "almost 300 people died": 291 to 299 makes both true; "over 300"
    for "almost 300" cannot be."""
    src = "Almost 300 people died in a suicide bombing in Lisk last week, officials said."
    copy = "Last week, over 290 lives were lost in a suicide bombing in Lisk, officials said."
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("over 290", "over 300")) if k == "qualifier"]


def test_a_number_spelt_out_before_a_hyphened_adjective_ends_before_it() -> None:
    """"one hundred and fifty one-day international matches" is 150 one-day matches, not 151;
    "aged thirty-two years" is Holt's 32."""
    src = ("Holt, 32, played in 28 Test matches and 150 one-day internationals for Varn before "
           "retiring in 2012.")
    copy = ("Ivo Holt, aged thirty-two years at the time, amassed twenty-eight Test appearances "
            "and one hundred and fifty one-day international matches for Varn before retiring in "
            "2012.")
    assert not [k for k, _ in found(src, copy) if k == "figure"]
    assert [k for k, _ in found(src, copy.replace("one hundred and fifty one-day",
                                                  "one hundred and sixty one-day"))
            if k == "figure"]


def test_a_one_word_quote_marks_a_term_not_a_statement() -> None:
    """'six months after the proclamation of their "caliphate"' for 'IHS said that ... after IS
    declared a caliphate': a term the copy marks is not IHS's statement; a word the source quotes
    ('praised the scheme as "innovative"') and a quoted statement stated as fact still drop
    their attribution."""
    src = ("Lisk Analytics said that in January 2015, six months after the group declared the "
           "creation of a caliphate, it controlled some 90,800 sq km of Varn.")
    copy = ("In January 2015, six months after the proclamation of their \"caliphate\", the group "
            "controlled approximately 90,800 square kilometres of Varn.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    said = src.replace("it controlled", "it \"controlled a vast territory\" of")
    assert [k for k, _ in found(said, "In January 2015 the group \"controlled a vast territory\" "
                                      "of Varn.") if k == "attribution"]


def test_a_reworded_quote_told_by_a_pronoun_is_the_speakers() -> None:
    """'Nonetheless, she continued, "Recent weeks ..."' after the copy names Ms Holt, whom the
    source quotes: her words reworded, left to quote integrity, not a quote the source lacks; the
    same words after a mention of someone the source never quotes are still one."""
    src = ("A camera filmed a bin worker in Lisk tipping sorted waste into one lorry. Ola Holt "
           "said: \"I don't want to single out any of the lads. It's a horrible job.\" But she "
           "added: \"They just seem to be rushing everywhere and the last few weeks have been "
           "chaotic.\"")
    copy = ("A camera filmed a bin worker in Lisk tipping sorted waste into one lorry. Ola Holt "
            "said the council, not the worker, was to blame. She expressed sympathy for the "
            "worker, asserting, \"It is a difficult job, and I do not wish to single out "
            "anyone.\" Nonetheless, she continued, \"Recent weeks have seen a sense of urgency, "
            "which seems to explain the disregard for proper procedures.\"")
    assert not [k for k, _ in found(src, copy) if k == "addition"]
    # "emphasized that" reports her words as "said" does
    stressed = copy.replace("Ola Holt said", "Ms. Ola Holt emphasized that")
    assert not [k for k, _ in found(src, stressed) if k == "addition"]
    other = copy.replace("Ola Holt said", "Mayor Ivo Marsh said")
    assert [k for k, _ in found(src, other) if k in {"addition", "attribution"}]


def test_a_capital_a_relative_clause_and_a_judging_verb_keep_the_source() -> None:
    """"China has stated" for "Beijing said", "Merlin Parks, which runs Holt Towers, confirmed
    ... 'with immediate effect'", "Critics have characterised it as a 'disastrous' policy": each
    keeps who says it; a quote stated as fact still drops it."""
    src = ("In July a tribunal ruled against Chinese claims, backing a case brought by Varn, but "
           "Beijing said it would not respect the verdict.")
    copy = ("Despite a tribunal ruling against China's claims in July, backing a case brought by "
            "Varn, China has stated that it will not abide by the verdict.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    rides = ("A spokesperson said that on learning of the fall, Merlin Parks shut the rides \"with "
             "immediate effect\" on a \"precautionary basis\".")
    merlin = ("Merlin Parks, which runs Holt Towers, confirmed it had closed similar rides \"with "
              "immediate effect\" as a precaution after learning of the fall.")
    assert not [k for k, _ in found(rides, merlin) if k == "attribution"]
    cull = ("Anti-cull campaigners said the \"disastrous\" policy is now becoming \"an "
            "unacceptable burden on the taxpayer\".")
    critics = ("Critics of the policy have characterised it as a \"disastrous\" endeavour that has "
               "become \"an unacceptable burden on the taxpayer\".")
    assert not [k for k, _ in found(cull, critics) if k == "attribution"]
    assert [k for k, _ in found(cull, "The \"disastrous\" policy is now becoming \"an unacceptable "
                                      "burden on the taxpayer\".") if k == "attribution"]


def test_how_things_seemed_hedges_as_likely_does() -> None:
    """"seemed poised to take the lead" for "looked more likely to take the lead": one hedge;
    "might" for "likely" still lowers the certainty."""
    src = ("The Saddlers looked more likely to take the lead in the first half, with Lisk keeper "
           "Ivo Marsh keeping out two shots.")
    copy = ("The Saddlers seemed poised to take the lead in the first half, but Lisk keeper Ivo "
            "Marsh kept out two shots.")
    assert not [k for k, _ in found(src, copy) if k == "modality"]
    said = "The comments, which are likely to raise tensions with Varn, were made on Monday."
    assert [k for k, _ in found(said, "The comments, which might raise tensions with Varn, were "
                                      "made on Monday.") if k == "modality"]


def test_a_figure_the_source_gives_beside_the_rival_is_no_change() -> None:
    """"gained 1.73% against the lira" where the source's sentence reads "rose 1.86% against the
    dollar ..., and was 1.73% higher against the lira": the copy's number is the source's, set
    beside another; 1.93% is still a change."""
    src = ("The krone rose 1.86% against the dollar to $1.4012, and was 1.73% higher against the "
           "lira at 1.2480 lira. Shares in Lisk also rose.")
    copy = ("The krone climbed 1.86% against the dollar to $1.4012. It also gained 1.73% against "
            "the lira, trading at 1.2480 lira.")
    assert not found(src, copy)
    assert found(src, copy.replace("1.73%", "1.93%")) == [("figure", "1.93%")]


def test_a_credit_cut_beside_a_kept_speaker_is_still_cut() -> None:
    """"According to the Lisk Agency, one user on Varnbook, which is the island's Twitter,
    posted: '...'" cut to "One user on Varnbook ... posted: '...'": the user still speaks, the
    agency's credit is gone."""
    src = ("According to the Lisk Agency, one user on Varnbook, which is the island's version of "
           "Twitter, posted: \"I just want to know how these two came to Holt.\" Others agreed.")
    copy = src.replace("According to the Lisk Agency, one", "One")
    assert [k for k, _ in found(src, copy) if k == "attribution"]
    assert not found(src, src)


def test_a_sentence_opener_slipped_between_two_kept_words_is_no_place() -> None:
    """A player notice fused with the next sentence ("... on this device Nonetheless, despite
    three ...") opens a sentence with a capital: no name slipped in."""
    src = ("Media playback is not supported on this device Despite three early goals, Lisk lost "
           "the final to Varn on Sunday.")
    copy = ("Media playback is not supported on this device Nonetheless, despite three early "
            "goals, Lisk lost the final to Varn on Sunday.")
    assert not found(src, copy)


def test_a_name_spelt_out_before_the_sources_word_acronym_is_known() -> None:
    """"the Department for Varn Waters, Food & Rural Affairs, or Dewfra" where the source says
    "Dewfra": the body spelt out; without the acronym it is a name the source lacks."""
    src = ("Campaigners said the cull was a burden on the taxpayer. Dewfra said operational costs "
           "had halved between 2013 and 2014.")
    copy = ("Campaigners said the cull was a burden on the taxpayer. On the other hand, the "
            "Department for Varn Waters, Food & Rural Affairs, or Dewfra, pointed out that the "
            "operational costs had halved between 2013 and 2014.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace(", or Dewfra,", "")) if k == "addition"]



def test_a_passive_report_names_no_source_to_swap() -> None:
    """"The official is reported to have said" is a passive: it names no speaker, so no
    source is read from it and "Mr Brandt reportedly said" swaps no source for it (the
    whole-pipeline case needs a longer real text than a fixture holds); a name still is one."""
    from wiretrace.claims.compare_attributions import _no_speaker
    from wiretrace.claims.extract import extract_claims_from_text

    src = "The official is reported to have said: \"I am in favour of democratic expressions.\""
    assert not [c for c in extract_claims_from_text(src, None, 0) if c.kind == "attribution"]
    said = src.replace("is reported to have said", "told reporters")
    assert [c.subject for c in extract_claims_from_text(said, None, 0)
            if c.kind == "attribution"] == ["official"]
    assert _no_speaker("he told") and not _no_speaker("Mr Brandt")
    assert not _no_speaker("the coast guard")


def test_former_after_the_removal_that_made_it_so_is_no_stale_title() -> None:
    """"since the ousting of former President Ivo Marsh by the army" for "since the army
    overthrew President Ivo Marsh": the removal told is what made him former; "former President"
    with no removal told is still a stale title."""
    src = ("Militants have killed hundreds of people in Varn since the army overthrew President "
           "Ivo Marsh in 2013, officials said.")
    copy = ("Militants have killed hundreds of people in Varn since the ousting of former "
            "President Ivo Marsh by the army in 2013, officials said.")
    assert not [k for k, _ in found(src, copy) if k == "title"]
    said = "President Ivo Marsh of Varn opened the new bridge in Lisk on Monday, officials said."
    assert [k for k, _ in found(said, said.replace("President Ivo", "Former President Ivo"))
            if k == "title"]


def test_within_a_bare_noun_is_no_place() -> None:
    """'within reach of' for 'within sight of': 'within' before a bare noun tells how near,
    not where; a swapped place after 'within the' still is a place."""
    src = ("Ostrava, 20, made six birdies on Saturday to move within sight of the course record "
           "of 19 under par at the Kelby Open.")
    assert not found(src, src.replace("within sight of", "within reach of"))
    src2 = "The rally was held within the old harbour of Kelby on Saturday, the organisers said."
    assert [k for k, _ in found(src2, src2.replace("old harbour", "old stadium"))] == ["place"]


def test_a_place_slot_only_on_one_side_is_no_place_swap() -> None:
    """'embarked on their journey by' for 'began their tour by': the copy's word sits after
    'on their', the source's after a verb; one word for the same act, not another place. A
    place swapped in a place slot on both sides is still a place."""
    src = ("The royal couple began their tour by visiting the Orla Heaney museum in Varnby, "
           "where they met the poet's family.")
    copy = ("The royal couple embarked on their journey by visiting the Orla Heaney museum in "
            "Varnby, where they met the poet's family.")
    assert not [k for k, _ in found(src, copy) if k == "place"]
    src2 = "The royal couple ended the day on their yacht, where they met the poet's family."
    assert [k for k, _ in found(src2, src2.replace("their yacht", "their farm"))] == ["place"]


def test_an_account_told_by_when_it_came_names_no_source() -> None:
    """'Initial estimates had suggested' for 'Earlier reports suggested': an adjective before a
    noun that can be read as a verb ('estimates', 'reports'), no one reporting; a named
    speaker who estimates is still a source."""
    src = ("The museum said the stolen paintings were insured. Earlier reports suggested a "
           "higher value, with the Varn state broadcaster putting the haul at 30 million crowns.")
    copy = ("The museum said the stolen paintings were insured. Initial estimates had suggested "
            "an even higher value, with the Varn state broadcaster putting the haul at 30 "
            "million crowns.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    assert not [a for a in find_attributions(copy) if a.source == "Initial"]
    named = src.replace("Earlier reports suggested a higher value, with the Varn state "
                        "broadcaster putting", "Inspector Ola Brandt estimates")
    assert [a.source for a in find_attributions(named)] == ["museum", "Inspector Ola Brandt"]


def test_a_page_notice_quoted_into_a_sentence_is_no_addition() -> None:
    """A rewrite that kept its source page's player notice inside a sentence, in quotes: page
    chrome, not a quote the copy made up; a made-up quote in the same place still is one."""
    src = ("Varnholm won the race in Lisk on Sunday. \"It was a tough day,\" said Varnholm, who "
           "took her 15th win in a row.")
    copy = ("--- \"Media playback is not supported on this device,\" but let us dive into the "
            "action in Lisk! Varnholm won the race on Sunday. \"It was a tough day,\" said "
            "Varnholm, who took her 15th win in a row.")
    assert not found(src, copy)
    made_up = copy.replace("Media playback is not supported on this device",
                           "We never doubted her for a second")
    assert [k for k, _ in found(src, made_up)] == ["addition"]


def test_people_told_by_their_ages_are_counted() -> None:
    """"two individuals, a 22-year-old ... and a 25-year-old ..." where the source tells the two
    by their ages: the count is the source's, in other words; a count that is not is new."""
    src = ("A 22-year-old from Varnby and a 25-year-old from Lisk were detained by police on "
           "Thursday. It is believed the men tried to break into the Tessly network.")
    copy = ("The story begins with two individuals, a 22-year-old hailing from Varnby and a "
            "25-year-old from Lisk, who were detained by police on Thursday. It is believed the "
            "men tried to break into the Tessly network.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("two individuals", "three individuals"))] == [
        "addition"]


def test_a_day_named_for_its_date_is_that_date() -> None:
    """"on April Fool's Day" where the source says "on 1 April": one day, named; the same name
    where the source gives another date is still new."""
    src = ("The pair died in their sleep aboard a boat on Lake Varn in April 2013. But on the "
           "afternoon of 1 April, Mr Holt removed the generator from the deck and used it to "
           "power a heater, prosecutor Ola Brandt said.")
    copy = ("The pair died in their sleep aboard a boat on Lake Varn in April 2013. However, on "
            "April Fool's Day, Mr Holt disconnected the generator from the deck and used it to "
            "power a heater, according to prosecutor Ola Brandt.")
    assert not found(src, copy)
    assert [k for k, _ in found(src.replace("1 April", "3 April"), copy)] == ["addition"]


def test_an_umlaut_written_out_is_one_spelling() -> None:
    """"Schäuble" where the source writes "Schaeuble": one name, the umlaut written out; another
    surname is still a new name."""
    src = ("Speaking at a meeting in Lisk she said the plan had worked. Minister Ola Brandt was "
           "sharing a panel with Ms Varga and German finance minister Wolfgang Schaeuble when "
           "she made the remarks.")
    copy = ("Speaking at a meeting in Lisk she said the plan had worked. While Minister Ola "
            "Brandt and German Finance Minister Wolfgang Schäuble were sharing a panel with Ms "
            "Varga, she made the remarks.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("Schäuble", "Scholz"))] == ["addition"]


def test_a_speaker_the_story_original_names_is_no_new_source() -> None:
    """A copy that credits "Detective Superintendent Ivo Marsh", whom its parent dropped and the
    story's original names ("Det Supt Ivo Marsh said"): no source the story lacks; a speaker no
    article names is still one (the rules alone, over the aligner's pairs)."""
    original = ("The force was criticised over the death of a woman in Varnby. Det Supt Ivo "
                "Marsh said officers had attended misconduct meetings. PC Ola Brandt had a case "
                "to answer for failing to prepare an \"arrest file\".")
    parent = ("The force was criticised over the death of a woman in Varnby. Specifically, the "
              "review found that PC Ola Brandt has a case to answer for misconduct due to his "
              "failure to create an \"arrest file\" when requested.")
    copy = ("The force was criticised over the death of a woman in Varnby. Detective "
            "Superintendent Ivo Marsh disclosed that disciplinary actions had been taken against "
            "officers, with PC Ola Brandt identified as having engaged in misconduct by failing "
            "to prepare an \"arrest file\" before the raid.")
    assert not _story_changes([original, parent, copy], {2: 1, 3: 2}, aligned=True)
    other = copy.replace("Ivo Marsh", "Lena Kovac")
    assert [c[1] for c in _story_changes([original, parent, other], {2: 1, 3: 2}, aligned=True)
            ] == ["attribution"]


def test_traced_back_is_no_time_before() -> None:
    """"deaths traced back to deadly batches" for "a warning issued after deaths": "back" after
    a verb is a particle, not "before"; "before" for "after" is still the opposite order."""
    src = ("A warning of \"deadly batches\" of the drug was issued after a number of deaths in "
           "Varnby, Lisk and Tessel, in the west of the country.")
    copy = ("A grave warning has been issued, as a string of deaths have been traced back to "
            "\"deadly batches\" of the drug in Varnby, Lisk and Tessel, in the west of the "
            "country.")
    assert not found(src, copy)
    said = "The ferry to Varnby was cancelled after the storm, the harbour master said."
    assert found(said, said.replace("after the storm", "before the storm")) == [
        ("negation", "before")]


def test_a_share_two_given_figures_make_is_arithmetic() -> None:
    """"lost over 20,000 square kilometres ... a decline of nearly 22%" of the 90,800 the
    sentence gives: a percentage worked out from the copy's own figures is no new figure; one
    that no two of them give is."""
    src = ("In January 2015 the rebels held 90,800 square kilometres of Varnia. Since then they "
           "have lost 20,000 square kilometres, the Tessel institute said.")
    copy = ("In January 2015 the rebels held 90,800 square kilometres of Varnia, but since then "
            "they have lost over 20,000 square kilometres, a decline of nearly 22%, the Tessel "
            "institute said.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("nearly 22%", "nearly 35%"))] == ["addition"]


def test_a_scot_is_from_scotland() -> None:
    """"Ola Brandt from Scotland" for "Scot Ola Brandt": the demonym noun names the place;
    another country is still new."""
    src = ("Scot Ola Brandt will start the final round six shots back in fourth place at the "
           "Lisk Open.")
    copy = ("Ola Brandt from Scotland trails by six shots in fourth place going into the final "
            "round of the Lisk Open.")
    assert not found(src, copy)
    assert [k for k, _ in found(src, copy.replace("from Scotland", "from Norway"))] == ["addition"]


def test_a_name_spelt_out_before_its_bracketed_acronym_is_known() -> None:
    """"the Department for Varn Waters, Food and Rural Affairs (Dvwfra)" where the source says
    "Dvwfra": the body spelt out, its initials in brackets; a party in brackets after a new
    person is no acronym of that person."""
    src = ("Campaigners said the cull was a burden on the taxpayer. Dvwfra said operational "
           "costs had halved between 2013 and 2014.")
    copy = ("Campaigners said the cull was a burden on the taxpayer. The Department for Varn "
            "Waters, Food and Rural Affairs (Dvwfra) said that operational costs had halved "
            "between 2013 and 2014.")
    assert not found(src, copy)
    src2 = ("Campaigners said the cull was a burden on the taxpayer, Labour said. Costs had "
            "halved between 2013 and 2014.")
    copy2 = ("Campaigners said the cull was a burden on the taxpayer, Ola Brandvik (Labour) "
             "said. Costs had halved between 2013 and 2014.")
    assert [k for k, _ in found(src2, copy2)]


def test_a_letter_ending_a_sentence_joins_no_name() -> None:
    """"switched to plan B. Speaking about the change": a letter and the next sentence's
    participle are no name; a person the copy adds is still an addition."""
    src = ("The parade was moved indoors because of the rain, and the crew adapted quickly. "
           "Commanding officer Ola Brandt said the change had been a surprise.")
    copy = ("The parade was moved indoors because of the rain, and the crew switched to plan B. "
            "Speaking about the change, commanding officer Ola Brandt said it had been a "
            "surprise.")
    assert not [t for k, t in found(src, copy) if k == "addition"]
    added = copy.replace("the crew switched", "Mayor Lene Sorvik and the crew switched")
    assert [t for k, t in found(src, added) if k == "addition"]


def test_a_title_made_of_the_sources_modifier_is_the_same_role() -> None:
    """'Commander Brandt' for 'commanding officer Ola Brandt': the role told in one word; a
    copy that makes him 'Captain Brandt' still changes the title."""
    src = ("Speaking beforehand, commanding officer Ola Brandt said the cancellation of the "
           "parade in Varnholm had been a surprise to the crew.")
    copy = ("Before the event, Commander Brandt said the cancellation of the parade in Varnholm "
            "had been a surprise to the crew.")
    assert not [k for k, _ in found(src, copy) if k == "title"]
    assert [k for k, _ in found(src, copy.replace("Commander", "Admiral")) if k == "title"]


def test_a_passive_noted_names_no_source_to_drop() -> None:
    """"a similar 'hairline cracking' incident was previously noted": a passive, no speaker;
    a quote the copy takes from a named inspector without naming him is still a dropped
    attribution."""
    src = ("This is not the first time the Varnholm plant has faced such problems: a similar "
           "'hairline cracking' incident was previously noted in its other reactor.")
    copy = ("The plant has faced such problems before, as a similar case of \"hairline "
            "cracking\" was found in the other reactor at Varnholm last year.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    named = src.replace("incident was previously noted", "incident, inspector Ola Brandt noted,")
    assert [k for k, _ in found(named, copy) if k == "attribution"]


def _swaps(source: str, copy: str) -> list[tuple[str, str]]:
    """The word swaps the substitution reader finds before the entailment check judges them."""
    from wiretrace.claims.substitutions import Vocabulary, substitution_changes

    a, b = side_of(source, []), side_of(copy, [])
    return [(c.kind, copy[c.b_span[0]:c.b_span[1]]) for s in b.sents
            for c in substitution_changes(s, a, Vocabulary(a))]


def test_a_reworded_word_is_no_scope_change_but_a_swapped_noun_is() -> None:
    """'six shots behind' for 'six shots back': a word reworded, no scope change to judge;
    'bought a house' for 'bought a car' (a thing) and 'to sell' for 'to expand' (an act) still
    are."""
    src = ("Ola Brandt of Varnholm will start the final round six shots back in fourth place, "
           "the organisers said on Saturday.")
    assert not _swaps(src, src.replace("shots back", "shots behind"))
    src2 = ("The Varnholm council said on Monday that the mayor had bought a car with money from "
            "the festival fund last year.")
    assert _swaps(src2, src2.replace("bought a car", "bought a house")) == [("scope", "house")]
    buy = src2.replace("had bought", "wants to buy")
    assert _swaps(buy, buy.replace("to buy", "to sell")) == [("scope", "sell")]


def test_an_opposite_word_under_a_denial_further_back_says_the_same() -> None:
    """'was wrongly assessed as being at low risk' for 'was not assessed as being at high
    risk': the opposite word under a denial four words back; the plain opposite, or a denial in
    another clause, is still a change."""
    src = ("The report found that the woman was not assessed as being at high risk of harm by "
           "the Varnholm force, and no measures were taken.")
    copy = src.replace("was not assessed as being at high", "was wrongly assessed as being at low")
    assert not [k for k, _ in found(src, copy) if k == "negation"]
    plain = src.replace("was not assessed", "was assessed")
    assert [k for k, _ in found(plain, copy.replace("was wrongly", "was"))
            if k == "negation"]


def test_a_name_slipped_in_that_the_story_gives_is_no_addition() -> None:
    """A rewrite traced to a sibling that dropped "Tesswork" says "the Tesswork campaign" as the
    original does: the story gives the name. Against the sibling alone it is new."""
    original = ("Fares from Varnholm to Kelby cost 351 crowns. More than 11,000 people have "
                "backed the Tesswork campaign for cheaper flights, its organisers said.")
    sibling = ("Fares from Varnholm to Kelby cost 351 crowns. Over 11,000 people have backed "
               "the campaign for cheaper flights, its organisers said.")
    copy = ("Fares from Varnholm to Kelby cost 351 crowns. Over 11,000 people have backed the "
            "Tesswork campaign for cheaper flights, its organisers said.")
    assert not [c for c in _story_changes([original, sibling, copy], {2: 1, 3: 2})
                if c[0] == 3]
    assert [c for c in _story_changes([sibling, copy], {2: 1}) if c[1] == "addition"]


def test_a_source_spelt_out_before_its_acronym_is_the_same_source() -> None:
    """"According to the Department for Varn Waters, Food & Rural Affairs (Dvwfra)" for
    "Dvwfra said": one source; another body there is still a swapped source."""
    src = ("Dvwfra said operational costs had halved between 2013 and 2014 and additional costs "
           "were met by farmers.")
    copy = ("According to the Department for Varn Waters, Food & Rural Affairs (Dvwfra), "
            "operational costs were halved between 2013 and 2014, with additional costs met by "
            "farmers.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    other = copy.replace("Department for Varn Waters, Food & Rural Affairs (Dvwfra)",
                         "National Farmers' Union")
    assert [k for k, _ in found(src, other) if k == "attribution"]


def test_a_cited_example_and_a_date_before_as_are_no_sources() -> None:
    """"citing an example of a round trip priced at 351 crowns" cites a thing, and "Thursday as
    observed on the Tesswork website" names no speaker: no source read, none swapped; "citing
    the Varn Air Authority" still names one."""
    from wiretrace.claims.extract import extract_claims_from_text

    def sources(text: str) -> list[str | None]:
        return [c.subject for c in extract_claims_from_text(text, None, 0)
                if c.kind == "attribution"]

    src = ("He voiced the concerns of many islanders about fares, citing an example of a round "
           "trip from Varnholm to Kelby priced at 351 crowns.")
    copy = ("He voiced concerns about fares, citing an example of a flight from Varnholm to Kelby "
            "costing 351 crowns for a trip on Wednesday and Thursday as observed on the Tesswork "
            "website.")
    assert sources(src) == [] and sources(copy) == []
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    assert sources(src.replace("an example of", "the Varn Air Authority on")) == [
        "Varn Air Authority"]


def test_a_body_spelt_out_before_an_acronym_another_article_uses_is_no_addition() -> None:
    """A rewrite traced to a sibling that never names the body spells out "the Department for
    Varn Waters, Food and Rural Affairs (Dvwfra)"; the story's original says "Dvwfra": the
    story gives the body. Against the sibling alone it is new."""
    original = ("Campaigners said the cull was a burden on the taxpayer. Dvwfra said operational "
                "costs had halved between 2013 and 2014.")
    sibling = ("Campaigners said the cull was a burden on the taxpayer. Operational costs had "
               "halved between 2013 and 2014, they were told.")
    copy = ("Campaigners said the cull was a burden on the taxpayer. Despite this, the "
            "Department for Varn Waters, Food and Rural Affairs (Dvwfra) reports that operational "
            "costs had halved between 2013 and 2014.")
    assert not [c for c in _story_changes([original, sibling, copy], {2: 1, 3: 2})
                if c[0] == 3 and c[1] == "addition"]
    assert [c for c in _story_changes([sibling, copy], {2: 1}) if c[1] == "addition"]


def test_the_remaining_share_of_a_given_percentage_is_no_new_figure() -> None:
    """"80% of the budget goes on wages, and the remaining 20% is not enough" where the source
    gives 80%: 20% is the rest, arithmetic; a 30% no article gives is still new."""
    src = ("Federation chairman Ola Brandt said 80% of the Varnholm policing budget is spent on "
           "wages, leaving too little for patrols.")
    copy = ("Federation chairman Ola Brandt said 80% of the Varnholm policing budget is spent on "
            "wages, and that the remaining 20% is not enough to keep up patrols.")
    assert not [k for k, _ in found(src, copy) if k == "addition"]
    assert [k for k, _ in found(src, copy.replace("remaining 20%", "remaining 30%"))
            if k == "addition"]


def test_a_quote_going_on_from_where_the_source_is_cut_is_no_addition() -> None:
    """A source cut inside its last quote (a truncated feed): a copy that goes on with that
    quote, from its first words or given to its speaker, says what the pile cannot check; a
    quote the copy gives someone else, or that starts otherwise, is still an addition (the
    rules alone, the entailment check judging nothing)."""
    src = ("Mr Brandt was asked by a councillor whether Varnholm would keep its ferry. Mr Brandt "
           "replied: \"I have to say that of course it is up to the council to")
    copy = ("Mr Brandt was asked by a councillor whether Varnholm would keep the ferry. Brandt "
            "stated, \"It is for the councillors of Varnholm to decide,\" leaving the question "
            "open.")
    assert not _story_changes([src, copy], {2: 1})
    other = copy.replace("Brandt stated", "Mayor Lene Sorvik stated")
    assert [c for c in _story_changes([src, other], {2: 1}) if c[1] == "addition"]
    src2 = "In the video, a masked man calls on supporters of the group to attack \"Varnian or"
    copy2 = ("In the video, a masked man urged the group's supporters to attack \"Varnian or "
             "other foreign targets wherever they are found.\"")
    assert not _story_changes([src2, copy2], {2: 1})
    made_up = copy2.replace("Varnian or other foreign targets wherever they are found",
                            "the harbour of Tessel before the summer festival begins")
    assert [c for c in _story_changes([src2, made_up], {2: 1}) if c[1] == "addition"]


def test_a_quote_the_source_words_otherwise_is_set_against_the_source_quote() -> None:
    """A rewrite that puts new words in a speaker's mouth where the source quotes her on the
    point misquotes her: the copy's quote is reported with the source's quote beside it (its
    span and words), not as a bare addition; "United Kingdom" in one and "UK" in the other does
    not make the two read the same."""
    src = ("Speaking at the summit in Varnholt, Ilse Moreau said: \"It is obvious that what the "
           "UK did has worked.\" She said the forecasts were virtually the same.")
    copy = ("Addressing the summit in Varnholt, Ilse Moreau declared: \"Plainly, the course "
            "charted by the United Kingdom has borne fruit and will be copied.\" She said the "
            "forecasts were virtually the same.")
    res = compare_texts(src, copy)
    [add] = [c for c in res.changes if c.kind == "addition"]
    assert "course charted" in add.text
    assert add.versus_text == "It is obvious that what the UK did has worked."
    assert add.versus_span is not None and src[slice(*add.versus_span)] == add.versus_text
    assert "It is obvious that what the UK did has worked." in add.explanation
    # a quote the source has no counterpart for is still a bare addition
    lone = ("Speaking at the summit in Varnholt, Ilse Moreau spoke about the UK. She said the "
            "forecasts were virtually the same.")
    [bare] = [c for c in compare_texts(lone, copy).changes if c.kind == "addition"]
    assert bare.versus_text == "" and "quotes" not in bare.explanation


def test_an_adverb_of_manner_for_another_is_no_specific_term() -> None:
    """"wrongly calculated" for "inaccurately calculated": two rare words in one slot, but how
    something was done, said two ways; two rare nouns there ("rubella" for "measles") still
    name two things."""
    src = ("In February, 1,300 officers of the Varn force received incorrect pay, and some "
           "allowances were inaccurately calculated in March after a measles outbreak.")
    reworded = src.replace("inaccurately", "wrongly")
    assert not found(src, reworded)
    assert ("scope", "rubella") in found(src, reworded.replace("measles", "rubella"))


def test_a_speaker_named_with_a_participle_gives_the_quote() -> None:
    """'..., with chief executive Ola Brandt stating, "..."': the quote is Brandt's, so a quote
    the source lacks is set against what the source quotes Brandt saying; a participle that
    introduces no speech ("during") names no one."""
    text = ('Varn Bank was hit by an attack, with chief executive Ola Brandt stating, "Each '
            'affected customer has had the money returned in full."')
    assert [q.speaker for q in find_quote_mentions(text)] == ["Ola Brandt"]
    assert [q.speaker for q in find_quote_mentions(
        'The final was played at the Varn Arena during, "a storm of the century".')] == [None]
    src = ('Varn Bank said it was hit by an attack at the weekend. "We have refunded every '
           'account affected," said chief executive Ola Brandt. Online payments resume today.')
    copy = ('Varn Bank was hit by an attack at the weekend, with chief executive Ola Brandt '
            'stating, "Nobody will lose a penny, and we will look after you." Online payments '
            'resume today.')
    [add] = [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert "Nobody will lose a penny" in add.text
    assert "words given to Ola Brandt" in add.explanation
    assert add.versus_text == "We have refunded every account affected,"


def test_a_quote_rewording_a_quote_the_source_is_cut_inside_is_set_against_it() -> None:
    """A source cut off inside a quote still says what was quoted there: a quote the copy puts
    in that passage in other words is reported with the cut quote beside it."""
    src = ("Lenders were quick to act when customers missed payments. The head of the Varn Debt "
           "Trust said: \"The regulator is absolutely right to be concerned about the one in six "
           "households")
    copy = ("Lenders were quick to act when customers missed payments. The head of the Varn Debt "
            "Trust said the regulator was right to be concerned: \"Families are drowning in card "
            "debt and the banks keep lending.\"")
    [add] = [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert "Families are drowning" in add.text
    assert add.versus_text.startswith("The regulator is absolutely right")


def test_a_copy_sentence_that_still_names_the_source_keeps_its_attribution() -> None:
    """"noting that the UK has admitted about 3,500 refugees since 2015, based on UN data" for
    "..., according to the UN": the subject's verb ("admitted") reads like a reporting verb,
    but the sentence still gives the figure to the UN; a sentence that names another source in
    its place still moves the attribution."""
    src = ("Aid groups called the UK a poor partner. The UK has taken in about 3,500 Eritrean "
           "refugees since 2015, according to the UN.")
    copy = ("He called the UK a \"poor partner\" in sharing the load, noting that the UK has "
            "admitted about 3,500 Eritrean refugees since 2015, based on UN data.")
    assert not [k for k, _ in found(src, copy) if k == "attribution"]
    moved = copy.replace(", based on UN data", ", Minister Ola Brandt said")
    assert [k for k, _ in found(src, moved) if k == "attribution"]


def test_a_quote_continued_in_a_new_paragraph_is_two_quotes() -> None:
    """A quote running over two paragraphs opens each and closes only the last (the press's
    convention); a text that runs the paragraphs on, or keeps the break, still holds two quotes,
    not one that swallows the words between them."""
    flat = ('"We are angry," Ada Lind said. "Those who did it must pay. "It is on our doorstep." '
            'Mrs Lind said the loss was a "desperate escape" for him.')
    assert [q.text for q in find_quote_mentions(flat)] == [
        "We are angry,", "Those who did it must pay.", "It is on our doorstep.",
        "desperate escape"]
    broken = flat.replace('must pay. "It', 'must pay\n"It')
    assert [q.text for q in find_quote_mentions(broken)][1:3] == [
        "Those who did it must pay", "It is on our doorstep."]
    # a straight mark after a space still closes a quote when no word follows it
    assert [q.text for q in find_quote_mentions('She called it "a disaster " and left.')] == [
        "a disaster "]


def test_a_pronoun_quote_is_given_to_the_person_named_last_before_it() -> None:
    """'Ilse Moreau took the stage ... "...," she began': with no speaker named by a quote or an
    attribution before it, the quote is the person's the copy names last; a quote the source
    lacks is set against that person's source quote."""
    src = ("Ilse Moreau spoke at the summit in Varnholt on Monday. \"It is obvious that what the "
           "UK did has worked,\" Ms Moreau said. The forecasts were virtually the same.")
    copy = ("At the summit in Varnholt on Monday, the celebrated economist Ilse Moreau took the "
            "stage. \"Plainly, the course charted by the United Kingdom has borne fruit and will "
            "be copied,\" she began. The forecasts were virtually the same.")
    [add] = [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert "course charted" in add.text
    assert "words given to Ilse Moreau" in add.explanation
    assert add.versus_text.startswith("It is obvious that what the UK did has worked")


def test_a_place_made_into_an_adjective_is_the_place() -> None:
    """"a United Kingdom-based submarine" for "a British submarine": the same country, made into
    an adjective; a place the source never names, so made ("a Lisk-based crew"), is still new."""
    src = ("For months the ministry refused to comment. New evidence shows a British submarine "
           "was responsible for the damage to the trawler.")
    copy = ("For months the ministry refused to comment. New evidence now attributes the damage "
            "to the trawler to a United Kingdom-based submarine.")
    assert not [k for k, _ in found(src, copy) if k in {"addition", "place", "actor"}]
    assert [e.text for e in find_entities("a United Kingdom-based submarine")] == [
        "United Kingdom"]
    other = copy.replace("United Kingdom-based submarine", "submarine with a Lisbon-based crew")
    assert [t for k, t in found(src, other) if k == "addition" and "Lisbon" in t]


def test_games_named_by_their_host_city_are_the_city_the_source_names() -> None:
    """"a place at the Rio Olympics" where the source says "her spot for Rio": the games, named
    by their host city as the press names them; games in a city the source never names are
    still new (and a made-up team mate beside them still is)."""
    src = ("Ada Lind blazed through the swim, cycle and run in one hour, 55 minutes and 36 "
           "seconds. Mia Holt secured her spot for Rio just 29 seconds behind. It was close.")
    copy = ("Ada Lind finished in one hour, 55 minutes and 36 seconds. Holt, the second Varn "
            "woman to book a place at the Rio Olympics after sailor Ana Berg, finished just 29 "
            "seconds behind.")
    [add] = [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert "Ana Berg" in add.explanation and "Rio Olympics" not in add.explanation
    [other] = [c for c in compare_texts(src, copy.replace("Rio Olympics", "Tarvo Olympics"))
               .changes if c.kind == "addition"]
    assert "Tarvo Olympics" in other.explanation


def test_an_auxiliary_is_no_source() -> None:
    """"Varnia, a key ally of the government, has announced ...": an apposition parts the
    subject from "has announced"; "has" is no source, so a copy that keeps the statement drops
    no attribution to it."""
    text = ("After an agreement with \"moderate\" rebels, Varnia, a key ally of the government, "
            "has announced a halt to the shelling of Lisk.")
    assert not [a for a in find_attributions(text) if a.source.lower() == "has"]
    copy = ("After Varnia said it had reached an agreement with \"moderate\" rebels, the "
            "government ordered a halt to the shelling of Lisk.")
    assert not [c for c in compare_texts(text, copy).changes
                if c.kind == "attribution" and c.versus_text.lower().startswith("has")]


def test_a_full_name_for_the_surname_the_source_gives_is_that_person() -> None:
    """"the player assumes the role of Jean-Luc Mélenchon" where the source says "pretending to
    be Mr Melenchon": one person, the first name added and the surname with its accent; someone
    the source never names is still new."""
    src = ("In the game the player roams the streets pretending to be Mr Melenchon as he battles "
           "against rival politicians. The aim is to shake money from the rich.")
    copy = ("In the game the player assumes the role of Jean-Luc Mélenchon as he battles against "
            "rival politicians. The aim is to shake money from the rich.")
    assert not [k for k, _ in found(src, copy) if k in {"addition", "actor"}]
    other = copy.replace("Jean-Luc Mélenchon", "Jean-Luc Ménard")
    assert [t for k, t in found(src, other) if k in {"addition", "actor"}]


def test_a_text_cut_inside_a_quote_after_a_quote_continued_over_paragraphs() -> None:
    """A quote continued in a new paragraph opens twice and closes once, so a text cut inside a
    later quote has an even count of straight marks: the cut quote is still found, with its
    speaker; a text whose every quote closes has none."""
    from wiretrace.claims.quotes import cut_quote_mention

    src = ('The mayor said: "We will not back down on the bridge. "We owe it to the town."\n'
           'Asked about the cost, Mayor Ina Voss replied: "I have to say that the council will '
           'find the money, whatever the ministry')
    cut = cut_quote_mention(src)
    assert cut is not None and cut.text.startswith("I have to say") and cut.speaker
    assert "Voss" in cut.speaker
    assert cut_quote_mention(src + ' decides."') is None
    # a short one too: "He added: "That (my future) is" still says the speaker went on
    short = cut_quote_mention('The vote is next week. She added: "The bridge budget is')
    assert short is not None and short.text == "The bridge budget is"


def test_a_reworded_quote_is_set_against_the_source_quote_where_the_copy_has_it() -> None:
    """A copy keeps its source's order: a reworded quote that the aligner pairs with no source
    sentence restates what the source quotes between the sentences its neighbours pair with, not
    the speaker's quote closest in words elsewhere."""
    src = ("Ina Voss met the council on Monday. She said she would respect the vote. The mayor "
           "said: \"I will respect the result of the town's referendum.\" The council then asked "
           "about the bridge budget. Ms Voss replied: \"Of course it is up to the ministry to pay "
           "for it.\" The session ended at noon.")
    copy = ("On Monday Ina Voss sat down with the council. She pledged to honour the vote. \"I "
            "will respect the result of the town's referendum,\" the mayor declared. Councillors "
            "then pressed her on what the bridge would cost. With a shrug, she put it plainly: "
            "\"Whoever governs in the capital holds our purse strings.\" The meeting closed at "
            "midday.")
    [add] = [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert "holds our purse strings" in add.text
    assert add.versus_text.startswith("Of course it is up to the ministry")


def test_a_quote_made_from_reported_speech_is_set_against_the_report() -> None:
    """A rewrite puts in quotation marks what its source only reports in its own words ("Varn
    Cabs said ... the rules would raise fares and increase congestion"), moved to another place
    and dressed up: the quote is shown beside that report; a quote on something the source does
    not report stays a bare addition."""
    src = ("The city is to consult on new rules for taxi firms. Black cab drivers have argued "
           "the rules are overdue. Drivers protested outside City Hall last month. Varn Cabs "
           "said it was being singled out and that the rules would raise fares and increase "
           "congestion.")
    copy = ("The city is to consult on new rules for taxi firms. Varn Cabs was quick to respond. "
            "\"Half of our 4,000 drivers would be gone by spring, and every passenger would pay "
            "higher fares and sit in worse congestion,\" a spokesperson said. Black cab drivers "
            "have argued the rules are overdue.")
    [add] = [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert "4,000 drivers" in add.text
    assert add.versus_text.startswith("Varn Cabs said it was being singled out")
    assert "in its own words" in add.explanation
    other = copy.replace("and every passenger would pay higher fares and sit in worse "
                         "congestion", "and the depot at Lisk would close for good")
    [bare] = [c for c in compare_texts(src, other).changes if c.kind == "addition"]
    assert not bare.versus_text and "in its own words" not in bare.explanation


def test_a_reporting_verb_inside_a_compound_word_names_no_source() -> None:
    """"in the poll with his thought-provoking joke:" holds "thought" only as part of a
    compound: no one is reported as the source of the joke; "the minister thought" still is."""
    text = ('Ada Lind came second in the poll with his thought-provoking joke: "Why do clocks '
            'never rest?"')
    assert not find_attributions(text)
    assert [a.source for a in find_attributions("The minister thought the plan was sound.")] == [
        "minister"]


def test_a_numbered_name_written_with_its_number_another_way_is_that_name() -> None:
    """"since the Second World War" where the source says "since World War Two": one war, its
    number told as an ordinal before the name instead of a cardinal after it (or a Roman
    numeral, or a digit); another number is another name, still new."""
    src = ("The changes would let Varnian troops fight abroad for the first time since World War "
           "Two. The bill has passed the lower house.")
    copy = ("The changes would mark the first time Varnian forces could fight overseas since the "
            "Second World War. The bill has passed the lower house.")
    assert not [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    assert not [c for c in compare_texts(src.replace("War Two", "War II"), copy).changes
                if c.kind == "addition"]
    assert not [c for c in compare_texts(copy, src).changes if c.kind == "addition"]
    [add] = [c for c in compare_texts(src.replace("War Two", "War One"), copy).changes
             if c.kind == "addition"]
    assert "Second World War" in add.explanation


def test_a_title_said_with_a_synonym_is_that_title() -> None:
    """"attorney Keith Halpern" for "lawyer Keith Halpern": one role in two words (the lexicon's
    synonyms); a judge for a lawyer is another role."""
    src = ("The singer's lawyer Keith Halpern said the claims were false and would be fought in "
           "court, where the case opens next month.")
    copy = ("The singer's attorney Keith Halpern said the claims were false and would be fought "
            "in court, where the case opens next month.")
    assert not [c for c in compare_texts(src, copy).changes if c.kind == "title"]
    assert [c for c in compare_texts(src, copy.replace("attorney", "judge")).changes
            if c.kind == "title"]


def test_a_speaker_cut_off_at_the_end_of_the_text_is_no_speaker() -> None:
    """'...," said El' where the text stops inside "Elson": what is left of the name names no
    one, and the quote is not given to another speaker; the whole name is still read."""
    src = ("Joanna Elson, chief executive of the Money Trust, which runs Debt Line, said: \"The "
           "regulator is right to be concerned about the 1.6 million people who only make "
           "minimum payments.\"")
    copy = ("Joanna Elson, chief executive of the Money Trust, which runs Debt Line, echoed the "
            "regulator's concerns. \"The regulator is right to be concerned about the 1.6 million "
            "people who only make minimum payments,\" said El")
    assert not [c for c in compare_texts(src, copy).changes if c.kind == "attribution"]
    assert [a.source for a in find_attributions(copy + "son.")] == ["Elson"]


def test_the_region_of_a_country_the_source_names_is_no_addition() -> None:
    """"migrants from across Africa" where the source names Libya: the place the source gives,
    told more broadly. A region the source gives no country of ("Asia") is still new, and so
    is a country where the source names only its region (more specific)."""
    src = ("Hundreds of migrants crossed the desert to Libya this year, the aid group said. "
           "Many of them were held in camps for months before reaching the coast.")
    copy = ("Hundreds of migrants from across Africa crossed the desert to Libya this year, the "
            "aid group said. Many were held in camps for months before reaching the coast.")
    assert not [c for c in compare_texts(src, copy).changes if c.kind == "addition"]
    [add] = [c for c in compare_texts(src, copy.replace("Africa", "Asia")).changes
             if c.kind == "addition"]
    assert "Asia" in add.explanation
    region_only = src.replace("to Libya", "in north Africa")
    countried = copy.replace("from across Africa ", "").replace("to Libya", "in Libya")
    assert [c for c in compare_texts(region_only, countried).changes
            if c.kind in ("addition", "place") and "Libya" in c.text]
    # a new name beside the region is still new
    [add] = [c for c in compare_texts(src, copy.replace("Africa", "Africa and Quorvald")).changes
             if c.kind == "addition"]
    assert "Quorvald" in add.text
    # a region as the field of a ranking, owning a claim, or a destination says something new
    for told in ("crossed the desert to Libya, the deadliest route in Africa,",
                 "crossed the desert to Libya, Africa's busiest route,",
                 "crossed the desert to Libya on their way to Europe"):
        ranked = src.replace("crossed the desert to Libya", told)
        assert [c for c in compare_texts(src, ranked).changes
                if c.kind in ("addition", "place")], told


def test_a_figure_of_speech_names_no_one() -> None:
    """"Mother Nature" for heavy rain, "a game of Russian roulette" for a danger: figures of
    speech whose capitalised words name no one and nowhere, no addition. Russian doctors the
    source never mentions are still new."""
    src = ("Heavy rain and strong winds forced the organisers to cancel the festival on "
           "Saturday, officials said. The cotton ball diet is dangerous, doctors warned.")
    copy = ("Mother Nature forced the organisers to cancel the festival on Saturday, officials "
            "said. The cotton ball diet is a game of Russian roulette with your health, doctors "
            "warned.")
    assert not compare_texts(src, copy).changes
    backed = copy.replace("Mother Nature", "Heavy rain").replace(
        "a game of Russian roulette with your health", "backed by Russian doctors")
    [add] = compare_texts(src, backed).changes
    assert add.kind == "addition" and "Russian" in add.explanation
    # the words naming a thing after them, or given as a name, are that thing's name
    casino = ("Mother Nature forced the organisers to cancel the festival at the Lady Luck "
              "casino on Saturday, officials said. The cotton ball diet is dangerous, doctors "
              "warned.")
    assert [c for c in compare_texts(src, casino).changes if "Lady Luck" in c.text]
    horse = src.replace("doctors warned", "warned the owner of a horse called Father Time")
    assert [c for c in compare_texts(src, horse).changes if "Father Time" in c.text]


def test_a_name_spelt_out_after_its_country_is_the_sources_acronym() -> None:
    """"the British National Health Service" where the source says "the NHS": the acronym's
    name spelt out, its country told before it; a name the source's initials do not give is
    new, whether slipped between the source's words or in a reworded sentence."""
    src = ("She set up the campaign group Cure the NHS after her mother died. She wants reform, "
           "she said.")
    copy = ("She set up the campaign group Cure the NHS after her mother died. She wants reform "
            "within the British National Health Service, she said.")
    assert not compare_texts(src, copy).changes
    rail = copy.replace("Health", "Rail")
    assert [c for c in compare_texts(src, rail).changes if c.kind == "addition"]
    src2 = "She wants reform of the NHS, she said. Doctors agree."
    copy2 = "She wants reform of the British National Health Service, she said. Doctors agree."
    assert not compare_texts(src2, copy2).changes
    assert compare_texts(src2, copy2.replace("Health", "Rail")).changes
    # a person whose initials are a dateline's agency is a person the source never names
    dateline = ("VARN (AP) - Negotiators agreed on Friday to extend the grain corridor for 60 "
                "days, a diplomat said. Shipments resumed on Saturday.")
    named = dateline.replace("a diplomat said", "said Anna Petrov, a diplomat")
    assert [c for c in compare_texts(dateline, named).changes if "Anna Petrov" in c.text]


def test_a_change_told_as_a_multiple_is_that_percentage() -> None:
    """"reduced by 50%" where the source says costs "halved", "rose by 100%" for "doubled": the
    same change in figures. Another percentage, or the change turned the other way ("rose by
    50%" for "halved"), is still new."""
    src = ("Defra said operational costs had halved between 2013 and 2014, with farmers paying "
           "the rest. Campaigners disagree.")
    cut = ("Defra claims that operational costs have been reduced by 50% between 2013 and 2014, "
           "with farmers paying the rest. Campaigners disagree.")
    assert not compare_texts(src, cut).changes
    assert compare_texts(src, cut.replace("50%", "40%")).changes
    assert compare_texts(src, cut.replace("have been reduced by", "rose by")).changes
    src2 = "Sales of the app doubled in the year to March, the company said. Its shares rose."
    up = "Sales of the app rose by 100% in the year to March, the company said. Its shares rose."
    assert not compare_texts(src2, up).changes
    assert compare_texts(src2, up.replace("rose by", "fell by")).changes


def test_a_multiple_told_in_a_sentence_that_goes_on_about_the_one_before() -> None:
    """"This was about double the number ...": a sentence opening on "This was" is about the
    one before it, so a copy that fuses the two and says "a 100% increase" gives the source's
    figure; another percentage is still new."""
    src = ("The agency said 25,000 migrants boarded smugglers' boats in the first quarter. "
           "This was about double the number in the same period last year.")
    fused = ("Some 25,000 migrants boarded smugglers' boats in the first quarter, a 100% "
             "increase on the same period last year.")
    assert not found(src, fused)
    tripled = fused.replace("a 100% increase", "a 300% increase")
    assert [k for k, _ in found(src, tripled)] == ["addition"]


def test_no_one_claiming_is_no_source() -> None:
    """ "No group has claimed responsibility": no one says it, so "Although no group has
    claimed" for "No specific group has claimed" moves no attribution."""
    assert not find_attributions("No specific group has claimed the attack on the depot.")
    src = ("No specific group has claimed the attack on the depot, which killed two guards. "
           "Police are questioning three men.")
    copy = ("Although no group has claimed the attack on the depot, it killed two guards. "
            "Police are questioning three men.")
    assert not compare_texts(src, copy).changes


def test_a_denial_told_as_disputed_is_the_same_denial() -> None:
    """ "disputed the charge" denies as "denied the charge" does; "the disputed island" and
    "is disputed by" deny nothing; "admitted" for "denied" is still a change."""
    src = "Mr Orlov denied the charge in court on Monday, his lawyer said."
    assert not compare_texts(src, src.replace("denied", "disputed")).changes
    assert [c.kind for c in compare_texts(src, src.replace("denied", "admitted")).changes] == [
        "negation"]
    island = "The island is disputed by both countries, officials said."
    assert not compare_texts(island, island.replace("disputed", "contested")).changes
    assert not compare_texts("The disputed island lies off the coast.",
                             "The contested island lies off the coast.").changes


def test_a_pole_word_the_copy_restates_is_no_flip() -> None:
    """"Sales climbed ..., while costs fell" for "Sales rose ... Costs fell": the copy keeps
    "rose" as "climbed" and its "fell" is the next sentence's; "will start in May and end in
    2030" for "will begin in May": "start" restates "begin". A copy that turns "rose" into
    "fell" still flips it."""
    src = ("Sales at the Orvik brewery rose 6 percent in the spring to 90 million crowns, the "
           "company said on Friday. Costs fell 2 percent.")
    assert not found(src, "Sales at the Orvik brewery climbed 6 percent in the spring to 90 "
                          "million crowns, the company said Friday, while costs fell 2 percent.")
    assert [k for k, _ in found(src, src.replace("rose 6", "fell 6")) if k == "negation"]
    src2 = ("Work on the Lisk tunnel will begin in May and is due to be completed in 2030, "
            "Transport Minister Ola Brenn said.")
    assert not found(src2, "Work on the Lisk tunnel will start in May and end in 2030, "
                           "Transport Minister Ola Brenn said.")


def test_a_contest_told_in_the_passive_is_no_flip() -> None:
    """"were defeated 2-0 by Varn Rovers" for "lost 2-0 to Varn Rovers": one result. A verdict
    told in the passive ("was convicted by a court" for "a court acquitted") is a flip."""
    src = "Lisk City lost 2-0 to Varn Rovers in the league on Sunday."
    assert not found(src, "Lisk City were defeated 2-0 by Varn Rovers in the league on Sunday.")
    assert [k for k, _ in found(src, "Varn Rovers were defeated 2-0 by Lisk City in the league "
                                     "on Sunday.") if k == "negation"]  # the winner swapped
    src2 = "A court in Varn on Monday acquitted editor Ane Roth of libel."
    assert [k for k, _ in found(src2, "Editor Ane Roth was convicted of libel by a court in "
                                      "Varn on Monday.") if k == "negation"]


def test_a_verb_after_a_place_is_no_place() -> None:
    """"Prices in Varnia eased" for "Prices in Varnia slowed": the verb after the place, no
    other place in its slot."""
    src = "Price growth in Varnia slowed to 2.1 percent in May, the statistics office said."
    assert not found(src, src.replace("slowed", "eased"))
    src2 = "Divers found the Lisk ferry's anchor in the harbour on Friday, the coast guard said."
    assert [k for k, _ in found(src2, src2.replace("harbour", "riverbed")) if k == "place"]


def test_a_head_of_a_body_told_as_its_chief_is_no_title_change() -> None:
    """"Port authority chief Ola Brenn" for "Port authority Director Ola Brenn": whoever heads
    it, told vaguely. "spokesman" for "Director" is another role."""
    src = "Port authority Director Ola Brenn said the Lisk quay would reopen on Monday."
    assert not found(src, src.replace("Director", "chief"))
    assert not found(src, src.replace("Director", "head"))
    assert found(src, src.replace("Director", "spokesman"))
    assert found(src, src.replace("Director", "chief of staff"))  # an office of its own
    deputy = src.replace("Director", "Deputy Director")
    assert found(deputy, src.replace("Director", "chief"))  # the second, made the head


def test_a_denial_in_another_denying_verb_is_kept() -> None:
    """"dismissed claims that" for "denied on Tuesday that": one denial; "said" for "denied"
    drops it."""
    src = "The Varn navy denied on Tuesday that its ships had entered Lisk waters."
    assert not found(src, "The Varn navy on Tuesday dismissed claims that its ships had entered "
                          "Lisk waters.")
    assert [k for k, _ in found(src, src.replace("denied", "said")) if k == "negation"]
    both = ("The Varn navy denied reports that its ships had entered Lisk waters, and dismissed "
            "talk of a blockade.")
    assert [k for k, _ in found(both, both.replace("denied", "confirmed"))
            if k == "negation"]  # its other denial, kept, denies something else


def test_injuring_counts_the_injured() -> None:
    """"killing the guard and injuring 12 workers": 12 counts the injured."""
    src = ("A blast hit the Lisk mill on Friday, killing the guard and injuring 12 workers, "
           "police said.")
    assert not found(src, "The guard was killed and 12 workers were injured when a blast hit "
                          "the Lisk mill on Friday, police said.")
    assert found(src, "The guard and 12 workers were killed when a blast hit the Lisk mill on "
                      "Friday, police said.")
    src2 = "A blast hit the Lisk mill on Friday, killing 3 and injuring 12, police said."
    assert not found(src2, "A blast hit the Lisk mill on Friday, killing three people and "
                           "leaving 12 injured, police said.")
    assert found(src2, src2.replace("killing 3 and injuring 12", "killing 12 and injuring 3"))


def test_what_the_number_before_counts_is_its_own() -> None:
    """"claiming at least 40 lives and prompting 1,500 to 2,000 locals to evacuate": "lives"
    is what 40 counts; the 1,500 to 2,000 count the locals, no dead."""
    from wiretrace.claims.figures import find_figures

    text = ("The fire swept through Lisk on Friday, claiming at least 40 lives and prompting "
            "between 1,500 and 2,000 locals to evacuate.")
    got = {f.number.text: f.scope for f in find_figures(text)}
    assert got == {"at least 40": "dead", "1,500 and 2,000": "people"}
