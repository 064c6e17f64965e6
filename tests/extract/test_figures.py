"""Whose figures: the source of a numeric claim in a sentence with no attribution.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest

from claims.extract import extract_claims, figures


def numeric_claims(text: str) -> dict:
    """Each numeric claim by its surface."""
    return {c.surface: c for c in extract_claims(text, "2024-03-16") if c.kind == "numeric"}


def speakers(text: str) -> dict[str, str | None]:
    """Each numeric claim's surface -> its speaker."""
    return {c.surface: c.speaker for c in extract_claims(text) if c.kind == "numeric"}


@pytest.mark.parametrize(
    ("sentence", "source", "is_poll"),
    [
        # the figures named by their publisher
        (
            "Exports fell 4% last year, figures released by the Trade Office show.",
            "Trade Office",
            False,
        ),
        ("Rents rose 6%, according to data from Harbour Lettings.", "Harbour Lettings", False),
        ("Sales slipped, a survey from Brightwater Research found.", "Brightwater Research", True),
        ("Five models sold well, figures compiled by Tallyco suggest.", "Tallyco", False),
        # figures made for a body are that body's
        (
            "Research conducted for the Beacon Media Center showed a fall.",
            "Beacon Media Center",
            False,
        ),
        # the publisher's name before its figures and a reporting verb
        ("A Lakeside College poll shows the mayor ahead.", "Lakeside College", True),
        ("Official Central Bank lending figures have shown a fall.", "Central Bank", False),
        ("The NSO data showed the average wage was 900 crowns.", "NSO", False),
        # a poll is its pollster's without a verb; joint pollsters keep their slash
        ("Smith led in an Acme/Beacon poll of 900 voters.", "Acme/Beacon", True),
        ("Smith led in an Acme/Beacon North Dakota poll.", "Acme/Beacon", True),
        # who fielded the poll
        ("Harbour Research conducted the survey of 800 adults.", "Harbour Research", True),
        # the poll's sample and when it came out between the poll and its pollster
        (
            "Lee trails, according to a poll of 400 registered voters released on Friday by "
            "Harbour Decisions, a research group.",
            "Harbour Decisions",
            True,
        ),
        # a reckoning the figures are given by
        ("By the Beacon Agency's tally, Okafor has 739 delegates.", "Beacon Agency", False),
        ("By Harbour Research's own estimate, 40 people died.", "Harbour Research", False),
    ],
)
def test_named_source(sentence, source, is_poll):
    assert figures.named_source(sentence) == (source, is_poll)


@pytest.mark.parametrize(
    "sentence",
    [
        "UK figures show prices rose.",  # a place publishes nothing
        "The company sold 4,000 cars last year.",
        "Smith said the figures were wrong.",
        "Mary Jones data shows nothing.",  # a person's name before data: no publisher
        "By one estimate, 40 people died.",  # a reckoning no one is named for
    ],
)
def test_no_named_source(sentence):
    assert figures.named_source(sentence) is None


def test_back_reference_and_poll_shape():
    assert figures.refers_back("The poll also found that 40% back the plan.") == "poll"
    assert figures.refers_back("According to the survey, 12% had moved.") == "survey"
    assert figures.refers_back("The institute surveyed 1,200 people.") == "institute"
    assert figures.refers_back("Poll workers counted 300 ballots.") is None
    assert figures.poll_shaped("In the east, Smith has 45%, while Brown has 41%.")
    assert figures.poll_shaped("Roughly 30% of voters remain undecided.")
    assert figures.poll_shaped("But a third of the electorate remains undecided.")
    assert not figures.poll_shaped("Five candidates and two judges remain.")
    assert not figures.poll_shaped("Turnout was high, officials said.")
    assert not figures.poll_shaped("The outcome showed Smith had received 49.8 percent.")


def test_source_carries_through_its_paragraph():
    text = (
        "Exports fell 4% in May, figures released by the Trade Office show. "
        "Imports rose 2%. The deficit widened to $3bn.\n\n"
        "Factories added 500 jobs."
    )
    got = speakers(text)
    assert got["4%"] == got["2%"] == got["$3bn"] == "Trade Office"
    assert got["500"] is None  # a new paragraph: the article's own figure


def test_other_polls_end_the_carry_of_the_poll_named_before():
    text = (
        "Okafor leads Lee 46% to 35%, a Beacon Radio survey shows. "
        "Other polls show Lee at 40%.\n\n"
        "Depending on which poll you believe, about 17% of voters are undecided."
    )
    got = speakers(text)
    assert got["46%"] == "Beacon Radio"
    assert got["40%"] is None and got["17%"] is None
    # a figure before "while other surveys show" is still the named poll's
    text = (
        "Okafor leads Lee 46% to 35%, a Beacon Radio survey shows. "
        "Lee trails by 11 points, while other surveys show a tie."
    )
    assert speakers(text)["11"] == "Beacon Radio"


def test_person_quote_ends_the_carry():
    text = (
        "Exports fell 4% in May, figures released by the Trade Office show. "
        '"This is bad," said Ann Lee, an economist. Imports rose 2%.'
    )
    got = speakers(text)
    assert got["4%"] == "Trade Office"
    assert got["2%"] is None


def test_back_reference_reopens_the_source_in_a_later_paragraph():
    text = (
        "Rents rose 6% in March, according to data from Harbour Lettings.\n\n"
        "Mortgage costs climbed by 3%.\n\n"
        "The data showed rents in the north rose 9%. Rents in the south rose 4%."
    )
    got = speakers(text)
    assert got["3%"] is None
    assert got["9%"] == got["4%"] == "Harbour Lettings"


def test_poll_shares_carry_across_paragraphs_until_someone_else_speaks():
    text = (
        "The council met on Monday.\n\n"
        "The budget was passed after a long debate.\n\n"
        "Schools will get more money.\n\n"
        "Roads will wait another year.\n\n"
        "The mayor leads, a Lakeside College poll shows.\n\n"
        "In the east, Smith has 45%, while Brown has 41%.\n\n"
        "Four candidates have entered the race.\n\n"
        '"It is close," said Tom Hale, a strategist.\n\n'
        "Among young voters, Smith has 52%."
    )
    got = speakers(text)
    assert got["45%"] == got["41%"] == "Lakeside College"
    assert got["Four"] is None  # not a poll's share
    assert got["52%"] is None  # a quotation by someone else came between


def test_in_an_article_about_a_poll_its_shares_stay_its_own_past_others_words():
    text = (
        "Mayor leads in new poll.\n\n"
        "The mayor leads, a Lakeside College poll shows.\n\n"
        "In the east, Smith has 45%, while Brown has 41%.\n\n"
        '"It is close," said Tom Hale, a strategist. A Harbour poll last week was closer.\n\n'
        '"We will win," said Brown.\n\n'
        "Among young voters, Smith has 52%.\n\n"
        "In the latest Beacon/Globe survey, Smith has 49%."
    )
    got = speakers(text)
    assert got["45%"] == got["41%"] == "Lakeside College"
    assert got["52%"] == "Lakeside College"  # the article's poll, not the last one named
    assert got["49%"] == "Beacon/Globe"  # a share of another poll the sentence names


def test_a_poll_named_in_the_lede_makes_an_article_about_it():
    text = (
        "Who worries voters most?\n\n"
        "Voters are anxious this year.\n\n"
        "In a national Harbour University Poll, likely voters were asked "
        "how they would feel.\n\n"
        '"It scares me," said Jo Rivers, 30, of Lakeside.\n\n'
        "For Okafor, 33% would be scared, and 15% enthusiastic.\n\n"
        "Lee won 51% of the vote in 2009.\n\n"
        "In breaking down the results, Harbour University found Democrats "
        "favored Lee, 72 percent to 8 percent."
    )
    got = speakers(text)
    poll = "Harbour University"
    assert got["33%"] == got["15%"] == poll  # any share, past a quotation
    assert got["51%"] is None  # a share a year dates is an election's
    assert got["72 percent"] == got["8 percent"] == poll  # the pollster reporting again
    claims = numeric_claims(text)
    assert claims["33%"].period == "2024-03"


def test_people_a_poll_asked_are_not_its_pollster():
    text = (
        "A new Acme poll of troops finds Okafor ahead.\n\n"
        "Okafor had her greatest support among the Marines surveyed (60 percent)."
    )
    assert speakers(text)["60 percent"] == "Acme"


@pytest.mark.parametrize(
    ("text", "surface", "speaker"),
    [
        # whom a poll asked is not whose poll it is
        ("According to a recent poll of Zembla voters, Okafor won 30% of the vote.", "30%", None),
        ("According to a survey by Beacon Research, 30% back Okafor.", "30%", "Beacon Research"),
        # a common word that opens the sentence before its noun names no one
        ("Several polls show Okafor within two points of Lee.", "two", None),
        ("Subsequent estimates put the figure closer to 54,000 pages.", "54,000", None),
        ("Gallup polls show Okafor ahead by four points.", "four", "Gallup"),
        ("Young said sales rose 5% in May.", "5%", "Young"),
        ("Continental figures show prices rose 3% in May.", "3%", "Continental"),
        (
            "According to a report by Beacon Research economists, prices rose 3%.",
            "3%",
            "Beacon Research",
        ),
        # what a document is about is not who wrote it
        (
            "A newly released email relating to Westmarch finds that the agency had two guards.",
            "two",
            None,
        ),
        # "All told" sums up; it reports no one
        ("All told, outside groups spent more than $2.5m on calls.", "$2.5m", None),
    ],
)
def test_words_that_only_look_like_a_source_name_none(text, surface, speaker):
    assert speakers(text)[surface] == speaker


def test_the_answers_of_a_polls_respondents_carry_the_poll():
    text = (
        "A Lakeside College survey of 850 students finds wide support for the levy.\n\n"
        "On rents, 57% say the levy is fair, 28% unfair."
    )
    claims = numeric_claims(text)
    assert claims["57%"].speaker == "Lakeside College"
    # a share of the people the poll asked, never the pollster's own figure
    assert claims["57%"].subject == "students"


@pytest.mark.parametrize(
    "answer",
    ["13% were unsure", "13% named the port", "13 percent \u2013 chose the port", "13% agreed"],
)
def test_every_kind_of_answer_carries_the_poll_and_its_month(answer):
    text = (
        "The levy divides the town.\n\n"
        "A Lakeside College poll of 850 residents found wide support for the levy.\n\n"
        f"Asked which project matters most, {answer}."
    )
    (claim,) = [c for c in extract_claims(text, "2024-03-16") if c.kind == "numeric" and
                c.value == 13]  # fmt: skip
    assert (claim.speaker, claim.period) == ("Lakeside College", "2024-03")


def test_a_fraction_that_answers_is_a_share():
    claims = numeric_claims("Less than a third agreed with the mayor, a Lakeside poll found.")
    assert claims["a third"].value == pytest.approx(1 / 3, abs=1e-3)


def test_a_view_of_a_person_is_that_persons_rating():
    text = (
        "Jo Okafor trails in the race. In the Acme poll, 28 percent of voters said they "
        "had a positive view of Okafor, compared with 33 percent last month."
    )
    claims = numeric_claims(text)
    for surface in ("28 percent", "33 percent"):
        assert (claims[surface].subject, claims[surface].metric) == (
            "Jo Okafor",
            "had a positive view",
        )


def test_an_answer_without_a_group_is_a_share_of_the_polls_sample():
    text = (
        "A new Acme poll of 900 likely voters finds Okafor ahead.\n\n"
        "Okafor has 45% and Lee 40%, while 13% were unsure. Among nurses, 7 percent said "
        "they are undecided. Some 30% of nurses said they were unsure."
    )
    claims = numeric_claims(text)
    assert (claims["13%"].subject, claims["13%"].metric) == ("likely voters", "unsure")
    assert claims["7 percent"].subject == "nurses"  # a group the clause names first
    assert claims["30%"].subject == "nurses"


def test_a_ratio_names_its_group_right_after_it():
    text = "In the Acme poll, nearly eight in 10 Zemblan voters said they were unsure."
    claim = numeric_claims(text)["eight in 10"]
    assert (claim.subject, claim.metric) == ("Zemblan voters", "unsure")
    # a view of a name is that name's rating, not the group's
    text = "In the Acme poll, two in 10 Zemblan voters view Okafor favorably."
    assert numeric_claims(text)["two in 10"].subject != "Zemblan voters"


def test_a_poll_of_a_group_without_its_number_names_whom_its_shares_are_of():
    text = (
        "A Beacon poll of likely Zemblan voters has revealed that the mayor is unpopular.\n\n"
        "Asked about the plan, 13 percent were unsure."
    )
    claim = numeric_claims(text)["13 percent"]
    assert (claim.subject, claim.speaker) == ("likely Zemblan voters", "Beacon")


def test_a_firms_own_figures_are_not_its_surveys_sample():
    text = (
        "Acme Motors posted record sales in 2023.\n\n"
        "An Acme Motors survey of 500 dealers found demand rising.\n\n"
        "The firm said its profit rose 12% in 2023."
    )
    claims = numeric_claims(text)
    assert claims["12%"].subject == "Acme Motors"


def test_a_polls_findings_are_shares_of_its_first_sample():
    text = (
        "A new Acme poll of 900 likely voters finds Okafor ahead.\n\n"
        "Acme surveyed 300 nurses in May as well.\n\n"
        "On rents, 57% say the levy is fair."
    )
    claims = numeric_claims(text)
    assert claims["57%"].subject == "likely voters"


def test_short_mention_takes_the_full_name():
    text = (
        "A Lakeside College poll shows the mayor ahead with 44%.\n\n"
        "Lakeside conducted the poll of 1,100 voters."
    )
    got = speakers(text)
    assert got["44%"] == got["1,100"] == "Lakeside College"


def test_acronym_takes_the_name_the_article_spelled_out():
    text = (
        "Rents eased in May, the Zembla Housing Bureau (ZHB) said on Monday.\n\n"
        "The ZHB data showed the average rent was £900 in the capital."
    )
    assert speakers(text)["£900"] == "Zembla Housing Bureau"
    assert figures.defined_acronym("the Office of Harbour Works (OHW) said", "OHW") == (
        "Office of Harbour Works"
    )
    assert figures.defined_acronym("the Office of Harbour Works said", "OHW") is None


def test_a_lede_announcing_a_measure_sources_the_next_paragraphs_figures():
    text = (
        "Average flat rents in Zembla slipped in June, the Zembla Housing Bureau has said.\n\n"
        "The average flat rent fell to £880. Wages rose 2% over the year.\n\n"
        "The average flat rent was £950 in the north."
    )
    got = speakers(text)
    assert got["£880"] == "Zembla Housing Bureau"
    assert got["2%"] is None  # another measure: the article's own figure
    assert got["£950"] is None  # past the paragraph the lede announced


def test_a_statement_with_its_own_figure_announces_nothing():
    text = (
        "Ferry operators reported 4,000 crossings in May, the port authority said. "
        "Counting the two closed routes, crossings fell by 300."
    )
    assert speakers(text)["300"] is None


def test_a_statement_announcing_a_measure_sources_its_paragraphs_figures():
    text = (
        "Weekday ridership rose on every line in March, the Harbour Transit Agency said. "
        "The busiest line carried 90,000 riders each weekday, the coast line 70,000."
    )
    got = speakers(text)
    assert got["90,000"] == got["70,000"] == "Harbour Transit Agency"


def test_background_sharing_one_word_with_a_statement_is_the_articles_own():
    text = (
        "Crime in the city is falling, the Harbour police department said. "
        "That is far from the 1990s, when the city recorded 2,200 murders in one year."
    )
    assert speakers(text)["2,200"] is None


def test_an_old_result_before_a_poll_named_later_is_not_the_polls():
    text = (
        "Voss earned 44 percent in the 2012 primary.\n\n"
        "The Carver poll also found that voters are undecided."
    )
    assert speakers(text)["44 percent"] is None


def test_a_poll_named_after_its_shares_sources_them():
    text = (
        "A Lakeside College poll shows the race tightening.\n\n"
        "In a three-way race, Smith earned 42 percent, Brown 34 percent and Lee 11 percent.\n\n"
        "The Lakeside poll also suggests that Lee is little known."
    )
    got = speakers(text)
    assert got["42 percent"] == got["34 percent"] == got["11 percent"] == "Lakeside College"


def test_a_poll_named_later_does_not_reach_past_other_figures():
    text = (
        "The council cut 300 jobs.\n\n"
        "Smith earned 42 percent of the vote.\n\n"
        "A Beacon poll also suggests that Lee is little known."
    )
    got = speakers(text)
    assert got["42 percent"] == "Beacon"
    assert got["300"] is None


def test_document_named_by_title():
    text = (
        "The earnings of former ministers are listed in the annual register of company "
        "directors.\n\n"
        "The register shows one former minister earning up to £90,000. Another made £40,000."
    )
    got = speakers(text)
    assert got["£90,000"] == got["£40,000"] == "register of company directors"


def test_attributed_sentence_keeps_its_own_speaker():
    text = (
        "Exports fell 4% in May, figures released by the Trade Office show. "
        "Imports will rise 2%, Acme Bank said."
    )
    got = speakers(text)
    assert got["4%"] == "Trade Office"
    assert got["2%"] == "Acme Bank"


def test_long_sentence_is_left_unsourced():
    text = "Figures from the Trade Office show " + "Alpha Beta " * 2_000 + "rose 5%."
    assert figures.figure_sources(text, [(0, len(text))], [None]) == [None]
    short = "Figures from the Trade Office show a 5% rise."
    assert figures.figure_sources(short, [(0, len(short))], [None]) == ["Trade Office"]


def test_figures_introduced_by_a_colon_are_the_sources():
    text = (
        "The Harbour Institute notes these figures:\n\n"
        "The average wage is $9.50, though most towns pay between $10 and $12.\n\n"
        "The mayor wants a $15 wage."
    )
    got = speakers(text)
    assert got["$9.50"] == got["between $10 and $12"] == "Harbour Institute"
    assert got["$15"] is None


def test_number_before_a_participle_cue_in_a_quotation_sentence():
    # The article states the first number; the speaker's words follow "saying".
    text = 'Kim Lee opened the first congress in nine years, saying the plan "failed by 20%".'
    got = speakers(text)
    assert got["nine years"] is None
    assert got["20%"] == "Kim Lee"


def test_number_before_a_cue_in_a_relative_clause_is_the_articles():
    text = (
        'Ann Lee, who has led the city for two decades, attacked the "closed shop" '
        "that she says costs 5% of wages."
    )
    got = speakers(text)
    assert got["two decades"] is None
    assert got["5%"] == "Ann Lee"


def test_poll_respondents_saying_keep_the_poll_as_source():
    text = (
        "The mayor leads, a Lakeside College poll shows.\n\n"
        "In the north, the poll found that 42% of Northerners say they have not decided."
    )
    assert speakers(text)["42%"] == "Lakeside College"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Official Bank of Zembla figures have shown a fall of 2% in lending.", "Bank of Zembla"),
        ("Reserve Bank of India data showed inflation at 6%.", "Reserve Bank of India"),
    ],
)
def test_a_place_that_completes_a_bodys_name_stays_in_it(sentence, source):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-01") if c.kind == "numeric"]
    assert claim.speaker == source


def test_a_common_word_opening_a_sentence_is_no_source_of_figures():
    text = (
        "The figures available this week were thin.\n\n"
        "Available indicators suggest that inflation ran at 2 percent."
    )
    (claim,) = [c for c in extract_claims(text, "2016-05-01") if c.kind == "numeric"]
    assert claim.speaker is None


def test_an_acronym_names_the_body_spelled_out_after_a_place():
    text = (
        "Exports fell 3%, the UK Harbour Records Bureau (HRB) said on Monday. "
        "Imports rose 2%, the HRB said."
    )
    got = speakers(text)
    assert got["3%"] == got["2%"] == "UK Harbour Records Bureau"


@pytest.mark.parametrize(
    ("surface", "metric"),
    [
        ("20 percent", "support"),  # a person's place in the poll the paragraph reports
        ("3 percentage points", "margin of error"),
        ("2", None),  # "up by 2 points": a change, not a share
    ],
)
def test_a_share_in_a_reported_poll_is_support(surface, metric):
    text = (
        "Jo Rivers leads the field with 28 percent, according to a Harbour University poll "
        "released Thursday. Sam Lee is second at 20 percent, up by 2 points.\n\n"
        "The survey was conducted Nov. 10-15 and has a margin of error of plus or minus "
        "3 percentage points."
    )
    claims = [c for c in extract_claims(text, "2015-11-20") if c.kind == "numeric"]
    (claim,) = [c for c in claims if c.surface == surface]
    assert claim.metric == metric
    assert claim.subject != "Nov"  # an abbreviated month names no one


def test_a_polls_method_in_a_later_paragraph_is_the_pollsters_poll():
    text = (
        "Jo Rivers leads Sam Lee 48 percent to 41 percent, a Harbour University poll "
        "found.\n\n"
        "The race has tightened since spring.\n\n"
        "The poll was based on a phone survey of 1,210 adults. Among the 830 likely "
        "voters surveyed, the margin of error was plus or minus 3 percentage points."
    )
    claims = {c.surface: c for c in extract_claims(text, "2015-11-20") if c.kind == "numeric"}
    for surface in ("1,210", "830", "3 percentage points"):
        assert claims[surface].subject == "Harbour University poll"
        assert claims[surface].speaker == "Harbour University"
    assert claims["830"].metric == "likely voters surveyed"


def test_a_method_verb_reopens_only_a_poll():
    text = "Markets were calm, Acme Securities said. The index reached 5,000 points on Monday."
    assert speakers(text)["5,000"] is None


def test_a_vote_to_come_named_in_a_polls_sentence_dates_no_figure():
    text = "A Beacon poll taken before the June 14 runoff shows Okafor at 51%."
    (claim,) = [c for c in extract_claims(text, "2016-04-06") if c.kind == "numeric"]
    assert claim.period == "2016-04"


def test_people_a_committee_interviewed_are_no_polls_sample():
    text = (
        "The Westmarch committee heard from 75 witnesses, a Harbour University report "
        "found. Of the 75 witnesses interviewed by the committee, 59 were new."
    )
    claims = [c for c in extract_claims(text, "2015-11-20") if c.kind == "numeric"]
    assert all("poll" not in (c.subject or "") for c in claims)


def test_what_a_person_files_the_filer_reports():
    text = (
        "Acme's annual report showed that its profit rose to $5m.\n\n"
        "Jo Okafor's new disclosure form stated that her income rose to $557 million. "
        "Sam Lee's new PFD form lists debts of $9m."
    )
    got = speakers(text)
    assert got["$5m"] == "Acme"
    assert got["$557 million"] == "Jo Okafor"
    assert got["$9m"] == "Sam Lee"  # the form's owner, not its initials


def test_the_figure_referred_back_to_is_the_source_of_the_statement_that_gave_it():
    text = (
        "Home prices rose 0.5% in February, says the Beacon building society.\n\n"
        "The figure means the annual rate is down to 10.2%."
    )
    assert speakers(text) == {"0.5%": "Beacon", "10.2%": "Beacon"}


def test_the_source_speaking_again_keeps_its_figures():
    text = (
        "Lending slowed, figures from the Harbour Bank show. Loans fell to 79,000, the "
        "Harbour Bank said. Overall, lending rose by £7.2bn in January."
    )
    assert speakers(text)["£7.2bn"] == "Harbour Bank"


def test_another_body_speaking_ends_the_carry():
    text = (
        "Lending slowed, figures from the Harbour Bank show. Loans fell to 79,000, the "
        "Acme Institute said. Overall, lending rose by £7.2bn in January."
    )
    assert speakers(text)["£7.2bn"] is None
