"""Subjects of numeric claims: the sentence's own shapes and the article's entities."""

from __future__ import annotations

import pytest

from claims.extract import assemble, extract_claims, places, subjects
from claims.extract.numbers import find_quantities
from claims.extract.subjects import sentence_subject


def subject_of(text: str, surface: str) -> str | None:
    start = text.index(surface)
    return sentence_subject(text, start, start + len(surface))


def claim_subject(text: str, surface: str) -> str | None:
    claims = [c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric"]
    return next(c.subject for c in claims if c.surface == surface)


# --- places -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [("German", "DE"), ("Chinese", "CN"), ("French", "FR"), ("South Korean", "KR"),
     ("Brazilian", "BR"), ("Nigerian", "NG"), ("Chilean", "CL"), ("Republican", None)],
)  # fmt: skip
def test_demonyms_give_their_country(word, code):
    assert places.demonym_country(word) == code


def test_a_peoples_plural_counts_towards_the_main_country():
    text = "Working-age Zemblans have jobs. Investments in Zembla grew."
    assert places.main_country(text) is None  # an invented country names none
    text = "The share of working-age Americans with jobs rose. We are investing in America."
    assert places.main_country(text) == "US"
    # a national measure in a text that names its country only so is that country's
    text = (
        "This is Acmenomics in action: our economy added 200,000 jobs last month. "
        "The unemployment rate stayed below 4 percent. Americans are working. "
        "Acmenomics is working for America."
    )
    assert claim_subject(text, "4 percent") == "US"


def test_country_names_codes_and_regions():
    assert places.country_code("UK") == "GB"
    assert places.country_code("South Korea") == "KR"
    assert places.country_name("DE") == "Germany"
    assert places.country_name("GB") == "UK"
    assert places.is_place("Ohio") and places.is_place("Germany")
    assert not places.is_place("Acme")


# --- the sentence's own subject -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a possessor in the number's clause
        ("Ruritania's exports rose 4% in 2022.", "4%", "Ruritania"),
        # a name tied to the measure by a preposition inside the subject
        ("Profits at Globex rose 12% to £40m.", "12%", "Globex"),
        ("Shares in Initech closed 3% higher.", "3%", "Initech"),
        # the grammatical subject, not a place after the verb
        ("Acme sold 300 vans in Paris last year.", "300", "Acme"),
        ("Jo Rivers, who has led Zembla for two decades, won 52% of the vote.", "52%", "Jo Rivers"),
        # a list that pairs each figure with a name after it
        ("Revenue fell 9% at Acme, 4% at Globex and 2% at Initech.", "4%", "Globex"),
        ("Revenue fell 9% at Acme, 4% at Globex and 2% at Initech.", "2%", "Initech"),
        # a list that gives each name before its figure
        ("Rivers won 42 percent, Lake 34 percent and Stone 11 percent.", "34 percent", "Lake"),
        # ... or sets each off by a comma, or by the preposition the first item used
        (
            "Rivers leads with 40 percent, Lake at 12 percent, and Gov. Jo Stone, 9 percent.",
            "9 percent",
            "Jo Stone",
        ),
        (
            "Zemblans will grow to 31 percent and Westmarchers to 9 percent.",
            "9 percent",
            "Westmarchers",
        ),
        # poll shares for someone
        ("Backing was split, with 12% for Stone.", "12%", "Stone"),
        ("Okafor has 520 superdelegates compared with 39 who back Lee.", "39", "Lee"),
        ("The poll found 40% of voters back former Liberal mayor Jo Rivers.", "40%", "Jo Rivers"),
        # a country adjective gives its country
        ("German exports fell 3% in May.", "3%", "Germany"),
        # a title before a person's name is dropped
        ("Finance Minister Jo Rivers earned £80,000 in 2022.", "£80,000", "Jo Rivers"),
        # the possessed name, not its owner
        ("Acme's Widget Pro sold 9,000 units.", "9,000", "Widget Pro"),
        # a source that speaks of itself is the subject
        ("Globex said on Monday it had cut 400 jobs.", "400", "Globex"),
        # a count before a name is no part of it
        ("Five Liberals and two Greens are standing in Dunmore.", "two", "Liberals"),
        # a dateline says where the story was filed, not whose the figure is
        ("DUNMORE, Westmarch - The bill was $4m.", "$4m", "bill"),
        ("DUNMORE, Westmarch - Days later, Acme cut 300 jobs.", "300", "Acme"),
        ("DUNMORE, Westmarch - Two days later, the bill was $4m.", "$4m", "bill"),
    ],
)
def test_sentence_subjects(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # the source of the figure is not its subject
        ("Globex said prices rose 3% in 2022.", "3%"),
        ("Prices rose 3%, according to Globex.", "3%"),
        ("The Zembla Statistics Office (ZSO) said prices rose 3%.", "3%"),
        # a place after the verb says where, not whose
        ("Prices rose 3% in Paris.", "3%"),
        # part of a time
        ("At 0900 GMT the index stood at 4,200.", "4,200"),
        # an abbreviation of the measure itself
        ("Gross domestic product (GDP) rose by 0.8% in the spring.", "0.8%"),
        # a lone party or faith adjective before a noun
        ("Almost 25 percent of Liberal voters stayed at home.", "25 percent"),
        # a possessor in a description of another entity
        ("Ruritania's largest carmaker made 9,000 vans.", "9,000"),
        # a noun phrase cut at its preposition names no one
        ("The number of injured being treated stands at 387.", "387"),
        # a count that opens the sentence is no name
        ("Two days later it cost $4m.", "$4m"),
    ],
)
def test_no_sentence_subject(text, surface):
    assert subject_of(text, surface) is None


def test_a_capitalised_word_that_only_opens_a_sentence_is_no_name():
    text = "Counting the late votes, turnout reached 61%. Votes were counted by hand."
    assert claim_subject(text, "61%") is None


def test_a_number_before_a_name_is_not_a_time_when_a_comma_separates_them():
    text = "From 2000 to 2013, Ruritania's exports doubled to 40,000 tonnes."
    assert subject_of(text, "40,000 tonnes") == "Ruritania"


# --- the article's entity -----------------------------------------------------------


def test_a_name_ending_in_a_common_noun_is_its_own_subject():
    # in an article about a person, a club, party or network named in full is itself
    text = (
        "Jo Rivers wants to build a resort. Jo Rivers spoke on Monday. "
        "The Beacon Country Club charged members $9,000 a year."
    )
    assert claim_subject(text, "$9,000") == "Beacon Country Club"
    text = "Jo Rivers won the primary. Jo Rivers spoke. The Acme Party lost 12 seats."
    assert claim_subject(text, "12") == "Acme Party"
    # a common noun alone still stands for what the article is about
    text = "Jo Rivers won the primary. Jo Rivers spoke. The party lost 12 seats."
    assert claim_subject(text, "12") == "Jo Rivers"


def test_the_firm_is_the_company_the_article_is_about():
    text = (
        "Acme Industries has reported record sales for 2022. Acme Industries opened two "
        "plants. The firm said its profits rose 12% to $40m."
    )
    assert claim_subject(text, "12%") == "Acme Industries"


def test_a_sentence_without_a_name_takes_the_articles_main_entity():
    text = (
        "Ruritania's economy grew strongly in the spring. Ruritania's central bank kept "
        "rates on hold. Exports rose 6% over the period."
    )
    assert claim_subject(text, "6%") == "Ruritania"


def test_he_and_she_are_the_person_named_before():
    text = (
        "The register shows former minister Jo Rivers earning up to £80,000. "
        "Sam Stone earned £20,000 from speeches. "
        "She also received £5,000 for a weekly column."
    )
    assert claim_subject(text, "£20,000") == "Sam Stone"
    assert claim_subject(text, "£5,000") == "Sam Stone"


def test_a_person_is_found_in_full_after_the_surname():
    text = (
        "Jo Rivers earned £80,000 last year. Rivers also received £5,000 for a column. "
        "Rivers was paid £2,000 for a speech."
    )
    assert claim_subject(text, "£5,000") == "Jo Rivers"


def test_an_article_naming_no_one_keeps_no_subject():
    assert claim_subject("Prices rose 3% in the spring.", "3%") is None


def test_headlines_do_not_make_the_main_entity():
    text = (
        "Angry Voters Target Big Rally In Zembla Tonight.\n\n"
        "Acme Industries said on Monday it would hire 300 staff. Acme Industries opened a "
        "plant. The company expects sales of $5m."
    )
    assert claim_subject(text, "$5m") == "Acme Industries"


def test_contact_lines_and_section_headings_do_not_make_the_main_entity():
    text = (
        "Beacon Data Desk: (202) 555-0100 * desk@beacon.example * www.beacon.example\n\n"
        "Prices rose 0.4% in May, the statistics office said.\n\n"
        "Westmarch Survey Data\n\n"
        "The cost of fuel rose 0.6% over the month."
    )
    assert claim_subject(text, "0.6%") is None


def test_a_dateline_or_a_heading_in_capitals_does_not_make_the_main_entity():
    text = (
        "DUNMORE, Zem. -- Weeds cover the greens of what was once the Beacon Golf Club.\n\n"
        "TOP STORIES\n\n"
        "In 2013 alone, 158 courses closed and just 14 opened."
    )
    assert claim_subject(text, "158") == "Beacon Golf Club"


def test_a_name_mentioned_once_past_the_opening_is_not_the_articles_topic():
    text = (
        "Prices rose 0.4% in May, the statistics office said. In the north, Westmarch saw "
        "the fastest rise of all. Fuel costs rose 2.1% over the month."
    )
    assert claim_subject(text, "2.1%") is None
    # named twice, it is
    text = text.replace("Fuel costs", "Westmarch also saw rents climb. Fuel costs")
    assert claim_subject(text, "2.1%") == "Westmarch"


def test_a_word_opening_a_titles_second_line_is_no_name():
    text = (
        "Voters back the levy in poll; \nCrowds gather at the rally.\n\n"
        "Acme Industries said on Monday it would hire staff. Acme Industries opened a "
        "plant. About 300 people came to the opening."
    )
    assert claim_subject(text, "300") == "Acme Industries"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a name inside a comma-closed aside is not the figure's subject
        ("Globex, which owns the Zembla Herald, cut 40 jobs.", "40", "Globex"),
        ("Initech, the largest lender in Ruritania, will report profits of £9m.", "£9m", "Initech"),
        # the comma inside a number does not end the clause
        ("Jo Rivers earned £195,000 for a column in the Daily Globe.", "£195,000", "Jo Rivers"),
    ],
)
def test_asides_and_clauses(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_figure_after_the_verb_of_an_opening_pronoun_is_the_pronouns():
    text = (
        "Sam Stone earned £20,000 from speeches. "
        "She also received £5,000 for a column in the Daily Globe, and £2,000 for "
        "appearing on the Zembla Show."
    )
    assert claim_subject(text, "£2,000") == "Sam Stone"


def test_a_description_by_a_common_possessor_is_not_its_subject():
    text = "A merger would create the region's largest bank, valued at $80bn."
    assert subject_of(text, "$80bn") is None


def test_a_candidates_campaign_is_not_the_candidate():
    text = (
        "Jo Rivers raised money from donors all year. Jo Rivers spoke in Zembla. "
        "The Rivers campaign paid $35,000 in rent. The campaign also paid 172 staff."
    )
    # the campaign of the person the article is about, named as the article names her
    assert claim_subject(text, "$35,000") == "Jo Rivers campaign"
    assert claim_subject(text, "172") == "Jo Rivers campaign"


def test_another_candidates_campaign_is_that_candidates():
    text = (
        "Jo Rivers raised money from donors all year. Jo Rivers spoke in Zembla, "
        "where Sam Stone also spoke. The Stone campaign spent $4m on ads in May. "
        "Stone’s campaign has 300 staff."
    )
    # a body named with its owner is that owner's, not the article's main person's
    assert claim_subject(text, "$4m") == "Sam Stone campaign"
    assert claim_subject(text, "300") == "Sam Stone campaign"


def test_a_plural_possessive_or_a_pronoun_names_the_candidates_campaign():
    text = (
        "Sam Jones toured Zembla all week. Jones' campaign raised $6m in June. "
        "In July, his campaign spent $2m on rallies. Jones said he raised $1m himself."
    )
    # "Jones' campaign" as "Jones's campaign"; "his campaign" is the campaign's money
    assert claim_subject(text, "$6m") == "Sam Jones campaign"
    assert claim_subject(text, "$2m") == "Sam Jones campaign"
    # a plain "he" is still the person
    assert claim_subject(text, "$1m") == "Sam Jones"


def test_a_passive_after_the_figure_names_its_holder():
    text = "Pat Moss is running. The $9m raised by Moss dwarfs the rest."
    assert claim_subject(text, "$9m") == "Pat Moss"
    text = "Sam Jones is running. Half of the $8m spent by Jones’s campaign went on ads."
    assert claim_subject(text, "$8m") == "Sam Jones campaign"
    # a role before the name describes it: the name is the holder
    assert subject_of("It is short of the $5m raised by Liberal front-runner Ann Bell.", "$5m") == (
        "Ann Bell"
    )
    # "published by" names a source, not the holder
    assert subject_of("The 4.1% rate published by the Statistics Office rose.", "4.1%") != (
        "Statistics Office"
    )


def test_a_name_ending_in_a_body_noun_that_is_no_persons_stays_deferred():
    text = (
        "Jo Rivers raised money from donors all year. Jo Rivers spoke in Zembla. "
        "Voters in the Sunshine State gave 40% to the measure."
    )
    # "the Sunshine State" is a place's nickname, not a person's body
    assert claim_subject(text, "40%") != "Sunshine State"


def test_a_party_word_before_a_persons_name_is_dropped():
    assert subject_of("Republican Jo Rivers won 52% of the vote.", "52%") == "Jo Rivers"


def test_a_country_the_figure_is_counted_in():
    text = "Over the holiday, 90m parcels were delivered in the UK."
    assert subject_of(text, "90m") == "UK"
    # a city says where, not whose; the verb's own subject comes first
    assert subject_of("Over the holiday, prices rose 3% in Paris.", "3%") is None
    assert subject_of("Acme sold 300 vans in Germany.", "300") == "Acme"


def test_a_place_the_metric_ends_on_stays_the_subject():
    text = "Around 90m parcels were delivered in the UK."
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == "90m")
    assert claim.subject == "UK"


@pytest.mark.parametrize(
    "text",
    [
        "After the vote, Rivers is leading Stone, 48 percent to 45 percent.",
        "Rivers is now well ahead of Stone 48 percent to 45 percent.",
        "Voters who prefer Dr. Rivers to Mr. Stone 48 percent to 45 percent.",
        "Rivers beat Stone 48 percent to 45 percent.",
    ],
)
def test_the_figures_of_a_score_are_the_leaders_and_the_rivals(text):
    assert subject_of(text, "48 percent") == "Rivers"
    assert subject_of(text, "45 percent") == "Stone"


def test_a_country_after_the_figure_is_named_in_full_and_not_a_language():
    assert claim_subject("Ads with 40 actors were shot in Spanish.", "40") != "Spain"
    assert claim_subject("Jo Lee spoke. Ads with 40 actors were shot in Spain.", "40") == "Spain"
    # a name the window after the figure cuts short is no country ("India" of "Indiana")
    text = (
        "The 300 office jobs in fields such as design, sales and customer support will "
        "stay in Indiana."
    )
    assert subject_of(text, "300") != "India"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a slogan or someone's words in quotation marks closed before the figure
        ('Jo Lee ran on the slogan "Zembla First" after eight years as mayor.',
         "eight years", "Jo Lee"),
        ("“Acme is strong,” said Lindqvist, who has run the fund for 12 years.",
         "12 years", "Lindqvist"),
        # but a name the text gives in quotation marks is the thing named
        ('A blog, called the "Beacon," employs five full-time writers.', "five", "Beacon"),
        ('Acme\'s new fund, "Lindqvist Growth", raised $40 million.', "$40 million",
         "Lindqvist Growth"),
        # straight quotes pair from the sentence's start, however long the sentence
        ('Okafor called the plan "a disgrace that will cost every family in Dunmore and '
         'every family in Westmarch more than they can pay, and that no one will forgive '
         'or forget," but Acme called it "a lifeline" and will hire 400 workers.', "400",
         "Acme"),
    ],
)  # fmt: skip
def test_words_in_a_closed_quotation_are_no_subject_unless_they_name(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a traded good's price is the good's, as the spec's oil grade is the subject
        ("The price of copper closed up $40, to settle at $8,900 a tonne.", "$40", "copper"),
        ("Jo Lee spoke. Crude fell 3% to $38.", "3%", "crude"),
        # unless the sentence says whose price it is
        ("Zembla's petrol prices rose 4%.", "4%", "Zembla"),
        # a benchmark or grade named before the good is part of its name
        ("Jo Lee spoke. Westmarch crude fell 40 cents to $50.20.", "40 cents", "Westmarch crude"),
        ("Jo Lee spoke. Westmarch crude fell 40 cents to $50.20.", "$50.20", "Westmarch crude"),
        ("Jo Lee spoke. Dunmore light crude rose $1 to $51.", "$51", "Dunmore light crude"),
        # a common word opening the sentence is no name
        ("Jo Lee spoke. Heating oil rose 2 cents, to $2.10 a gallon.", "$2.10", "heating oil"),
        ("Jo Lee spoke. Global oil prices rose 3% to $80 a barrel.", "$80", "oil"),
        ("Jo Lee spoke. But oil prices fell 2% to $70.", "$70", "oil"),
        ("Jo Lee spoke. In March gold rose $20 to $1,900.", "$20", "gold"),
        # a price that eases back after a peak is still the good's
        (
            "Jo Lee spoke. Copper prices hit $9,100 a tonne, before easing back to $8,950.",
            "$8,950",
            "copper",
        ),
    ],
)  # fmt: skip
def test_a_commodity_price_is_the_commodity_s(text, surface, subject):
    assert claim_subject(text, surface) == subject


def claim_keys(text: str, surface: str) -> tuple[str | None, str | None]:
    claims = [c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric"]
    return next((c.subject, c.metric) for c in claims if c.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "keys"),
    [
        # a currency quoted in another is that currency's exchange rate against it
        ("Jo Lee spoke. The rand fell to 98.4 yen on Monday.", "98.4 yen",
         ("rand", "exchange rate against the yen")),
        ("Jo Lee spoke. The franc rose to $1.12 on Friday.", "$1.12",
         ("franc", "exchange rate against the dollar")),
        ("Jo Lee spoke. The peso was worth $0.06 in late trading.", "$0.06",
         ("peso", "exchange rate against the dollar")),
        ("Jo Lee spoke. Sterling slipped to €1.16 against the euro.", "€1.16",
         ("sterling", "exchange rate against the euro")),
        # a second quote of the sentence keeps its currency, not the first one's counter
        ("Jo Lee spoke. The rand was up at $0.07 to the dollar, and buying 9.1 yen.",
         "9.1 yen", ("rand", "exchange rate against the yen")),
        # a peg holds the currency it names before its rate
        ("Jo Lee spoke. The peg keeping the rupee near 44.5 to the dollar was eased.",
         "44.5", ("rupee", "exchange rate against the dollar")),
        # the level a quote moved from, a level after a change in cents, and a dollar of
        # another country against the US one
        ("Jo Lee spoke. The rand fell to 98.4 yen from 99.1 yen.", "99.1 yen",
         ("rand", "exchange rate against the yen")),
        ("Jo Lee spoke. The franc fell 2 cents to $1.09.", "$1.09",
         ("franc", "exchange rate against the dollar")),
        ("Jo Lee spoke. The Canadian dollar rose to US$0.74.", "US$0.74",
         ("Canadian dollar", "exchange rate against the dollar")),
    ],
)  # fmt: skip
def test_a_currency_quoted_in_another_is_its_exchange_rate(text, surface, keys):
    assert claim_keys(text, surface) == keys


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # money of a currency is no rate: a scale, or a payer between
        ("Jo Lee spoke. The rand fell, and the firm lost $2bn.", "$2bn"),
        ("Jo Lee spoke. The rand's slide cost Acme $40.", "$40"),
        ("Jo Lee spoke. With the peso weak, Acme paid $4 a share.", "$4"),
        # a quote in the currency itself, or a currency's zone, is no rate
        ("Jo Lee spoke. The euro zone lent $4 to each member.", "$4"),
        ("Jo Lee spoke. The dollar fell, and gold rose to $430.", "$430"),
        # a price in the currency
        ("Jo Lee spoke. The euro was weak, and at $4 a pint, beer was dear.", "$4"),
    ],
)  # fmt: skip
def test_money_of_a_currency_is_no_exchange_rate(text, surface):
    assert not (claim_keys(text, surface)[1] or "").startswith("exchange rate")


def test_a_top_rate_is_its_possessors_but_a_top_rival_is_another_entity():
    text = "The plan would cut Zembla's top income tax rate to 30 percent."
    assert claim_subject(text, "30 percent") == "Zembla"
    assert subject_of("Acme's top rival, Globex, sold 300 vans.", "300") != "Acme"


def test_an_office_that_leads_a_score_is_its_holders_side():
    text = "The Westmarch senator, a former mayor, leads Stone 48 percent to 45 percent."
    assert claim_subject(text, "48 percent") == "Westmarch senator"
    assert claim_subject(text, "45 percent") == "Stone"
    named = "Jo Rivers, the Westmarch senator, spoke on Monday. " + text
    assert claim_subject(named, "48 percent") == "Jo Rivers"


@pytest.mark.parametrize(
    "text",
    [
        "Jo Lee spoke. Some 22 percent of voters said they would back Okafor.",
        "Jo Lee spoke. Just 8% of Whigs said they would definitely vote for Sen. Ann Okafor.",
    ],
)
def test_a_share_that_said_it_would_vote_for_a_candidate_is_the_candidates(text):
    claim = next(c for c in extract_claims(text, "2016-03-10") if c.kind == "numeric")
    assert claim.subject.endswith("Okafor") and claim.metric == "support"


def test_a_nationality_used_as_a_noun_is_a_person_not_a_country():
    text = "The 34-year-old Brazilian, seeded eighth, needed two chances to serve."
    assert subject_of(text, "two") is None
    assert subject_of("Brazilian exports rose 4% in May.", "4%") == "Brazil"


def test_a_long_relative_clause_gives_its_figure_to_the_person_it_is_about():
    text = (
        "The Policy Board of the Ruritanian Reserve voted to hold its rate at 2 percent. "
        "Voting against was Jo Smith, who backed every step the board took to calm the "
        "markets and steady the flow of credit to farms and firms across the country but "
        "preferred to cut the rate to 1-1/2 percent at this meeting."
    )
    assert claim_subject(text, "1-1/2 percent") == "Jo Smith"


def test_a_head_noun_counts_for_the_full_name_it_refers_back_to():
    text = (
        "Grain prices are weak this spring.\n\n"
        "Acme Farms sold less grain and cut jobs.\n\n"
        "The Ruritanian Grain Marketing Board met on Monday. In May, the Board held its floor "
        "price. Since then, the Board has watched markets. Now the Board expects demand to "
        "recover.\n\n"
        "Prices could rise to $210 a tonne later."
    )
    assert claim_subject(text, "$210") == "Ruritanian Grain Marketing Board"


def test_an_age_in_brackets_after_a_name_is_that_persons():
    text = "Smith (61), Jones (58) and Lee (47) lead the field."
    got = [(c.surface, c.unit, c.subject) for c in extract_claims(text, "2023-04-15")
           if c.kind == "numeric"]  # fmt: skip
    assert got == [("61", "year", "Smith"), ("58", "year", "Jones"), ("47", "year", "Lee")]


def test_the_n_year_old_is_the_person_the_article_has_been_naming():
    text = (
        "Jo Smith spoke in Ruritania on Monday. Ann Lee was in Zembla.\n\n"
        "Smith said she would fight on. The 61-year-old senator drew a crowd."
    )
    assert claim_subject(text, "61-year-old") == "Jo Smith"


def test_a_monthly_national_statistic_is_the_countrys_the_article_names_most():
    text = (
        "The German economy added jobs last month, and Germany's factories hired.\n\n"
        "Jo Smith said the jobless rate fell to 4.2 percent."
    )
    assert claim_subject(text, "4.2 percent") == "Germany"


def test_a_countrys_states_name_it_for_its_monthly_statistics():
    text = (
        "Jo Smith campaigned in Ohio and then in Iowa; Ohio voters were unsure. "
        "A rival spoke of trade with Canada.\n\nJo Smith said the jobless rate is 4.9 percent."
    )
    # states of one country name it; a country named once does not
    assert claim_subject(text, "4.9 percent") == "US"


def test_a_city_the_sentence_names_keeps_its_monthly_statistic():
    text = (
        "House prices in the UK rose, the UK's lenders said, across England and Wales.\n\n"
        "In Lagos, annual inflation rose in November to 7.1% from 7% the month before."
    )
    assert claim_subject(text, "7.1%") == "Lagos"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("Jo Rivers led the rally. The crowd cheered the 52-year-old Maria Lopez as she "
         "arrived.", "52-year-old", "Maria Lopez"),
        ("Jo Rivers said Tom Okafor spoke first. Rivers then praised the 61-year-old Okafor.",
         "61-year-old", "Tom Okafor"),
    ],
)  # fmt: skip
def test_an_age_written_before_a_persons_name_is_theirs(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_an_age_before_a_describing_name_is_not_that_name():
    text = "Lena Berg stayed on. The 66-year-old Baltic diplomat told reporters she would."
    assert claim_subject(text, "66-year-old") == "Lena Berg"


def test_an_age_in_apposition_is_the_named_persons():
    text = (
        "Jo Rivers said Tom Okafor spoke first. Rivers then praised Okafor, the 61-year-old "
        "mayor, for his patience."
    )
    assert claim_subject(text, "61-year-old") == "Tom Okafor"


def test_a_surname_stands_for_the_person_of_that_name_the_article_named_first():
    text = (
        "Dana Reyes opened the rally. Dana Reyes then took questions. Her brother Luis Reyes "
        "watched. On Sunday Reyes, 58, said she would run again."
    )
    assert claim_subject(text, "58") == "Dana Reyes"


def test_a_number_with_thousands_after_a_name_is_no_age():
    text = "According to Maria Lopez, 1,250 Acme workers lost their jobs."
    assert claim_subject(text, "1,250") != "Maria Lopez"


def test_support_as_a_noun_belongs_to_who_has_it_not_the_next_name():
    text = "Ann Rivers has 34% support among Democratic voters, while Stone has 25%."
    assert claim_subject(text, "34%") == "Ann Rivers"
    assert claim_subject(text, "25%") == "Stone"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Globex Corp reported a net profit of $1.2bn for the quarter.", "Globex Corp"),
        ("Initech announced record sales of $4bn in 2015.", "Initech"),
    ],
)
def test_a_firm_reporting_its_results_is_their_subject(sentence, subject):
    (claim,) = [c for c in extract_claims(sentence, "2016-03-10") if c.kind == "numeric"]
    assert (claim.subject, claim.speaker) == (subject, subject)


def test_a_firm_reporting_a_statistic_is_its_source_not_its_subject():
    sentence = "The Labour Office reported that employers added 90,000 jobs."
    (claim,) = [c for c in extract_claims(sentence, "2016-03-10") if c.kind == "numeric"]
    assert claim.subject != "Labour Office"


@pytest.mark.parametrize(
    "sentence",
    [
        "Of its 9,000 voters, according to data from the Dunmore Registry Office, 4,100 are Whigs.",
        "According to figures released by the Zembla Ports Authority, 4,100 ships docked.",
    ],
)
def test_the_body_whose_data_give_a_figure_is_its_source_not_its_subject(sentence):
    claim = next(c for c in extract_claims(sentence, "2016-03-10") if c.surface == "4,100")
    assert claim.subject not in ("Dunmore Registry Office", "Zembla Ports Authority")
    assert claim.speaker in ("Dunmore Registry Office", "Zembla Ports Authority")


def test_a_legislators_party_and_state_label_the_name_before_them():
    text = "Lindqvist spoke. Sen. Jo Lee (R-Wash.), who chairs the panel, raised $4m in May."
    assert claim_subject(text, "$4m") == "Jo Lee"


def test_the_company_is_the_organisation_last_named():
    text = (
        "Jo Rivers leads the poll in Zembla. The index was held back by a drop in the "
        "chemicals giant Globex Industries. The company cut 300 jobs. Initech, a software "
        "firm, also struggled. The firm has 170 staff."
    )
    assert claim_subject(text, "300") == "Globex Industries"
    assert claim_subject(text, "170") == "Initech"


@pytest.mark.parametrize("noun", ["drugmaker", "brewer", "supplier", "utility"])
def test_any_kind_of_business_stands_for_the_company_last_named(noun):
    text = (
        "Jo Rivers leads the poll in Zembla. Shares in Globex Holdings fell after the "
        f"results. The {noun} cut 300 jobs."
    )
    assert claim_subject(text, "300") == "Globex Holdings"


def test_an_island_chain_is_not_the_company_last_named():
    text = (
        "Jo Rivers leads the poll in Zembla. Shares in Globex Holdings fell after the "
        "results. The island chain has a population of 54,000."
    )
    assert claim_subject(text, "54,000") != "Globex Holdings"


@pytest.mark.parametrize(
    ("earlier", "subject"),
    [
        ("Westmarch Gov. Jo Rivers leads the field.", "Jo Rivers"),
        ("Jo Rivers, the Westmarch governor, leads the field.", "Jo Rivers"),
        # another place's governor is someone else: the office, as the text names it
        ("Zembla Gov. Sam Lee leads the field.", "Westmarch governor"),
        ("Gov. Sam Lee leads the field.", "Westmarch governor"),
    ],
)
def test_the_holder_of_an_office_of_a_place_is_that_person(earlier, subject):
    text = f"{earlier} In a new poll, the Westmarch governor earned 51 percent."
    assert claim_subject(text, "51 percent") == subject


def test_an_office_holder_saying_a_figure_does_not_make_it_theirs():
    text = "Westmarch Gov. Jo Rivers spoke. The Westmarch governor said unemployment fell to 5.1%."
    assert claim_subject(text, "5.1%") == "Westmarch"


def test_a_thing_of_an_office_is_not_its_holder():
    text = "Westmarch Gov. Jo Rivers leads. The Westmarch governor's race cost $9m."
    assert claim_subject(text, "$9m") != "Jo Rivers"


def test_the_second_share_of_a_lead_over_a_rival_is_the_rivals():
    text = "A March survey found Okafor with a lead of 48 percent to 41 percent over Lee."
    assert claim_subject(text, "48 percent") == "Okafor"
    assert claim_subject(text, "41 percent") == "Lee"


def test_a_groups_share_is_the_candidate_it_backed_and_the_second_no_ones():
    text = "In the Acme poll, Democrats favored Lee, 72 percent to 8 percent."
    assert claim_subject(text, "72 percent") == "Lee"
    assert claim_subject(text, "8 percent") is None


def test_its_shares_are_the_company_last_named():
    text = (
        "Oil prices fell on Friday. Brent crude slid 1.2% and gold rose.\n\n"
        "Globex Energy reported second-quarter earnings of 12 cents a share. "
        "Its shares rose 4 percent."
    )
    assert claim_subject(text, "12 cents") == "Globex Energy"
    assert claim_subject(text, "4 percent") == "Globex Energy"


def test_a_person_described_by_the_firm_they_work_at_is_still_a_person():
    text = (
        "Ann Okafor wrote the report. Sam Lee, an executive at an Ohio-based firm, spoke. "
        "Mr. Lee also gave $300,000 to the fund."
    )
    assert claim_subject(text, "$300,000") == "Sam Lee"


def test_a_firm_that_owes_is_the_subject_and_the_firm_after_it_too():
    text = "Globex owes $27.5bn in back taxes. The oil firm has sold its main unit for $9.4bn."
    assert claim_subject(text, "$27.5bn") == "Globex"
    assert claim_subject(text, "$9.4bn") == "Globex"


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        # a group of bodies of a name is what the figure is about, not the name
        ("Revenue at Zembla's nine remaining casinos rose 3.5 percent.", "3.5 percent",
         "Zembla's casinos"),
        ("Lenders in Ruritania may now sell up to 40% of their units.", "40%",
         "lenders in Ruritania"),
        # past modifiers, and when the group reports its own results
        ("The eight largest banks in Ruritania hold $90bn.", "$90bn",
         "banks in Ruritania"),
        ("In all, the surviving mines in Zembla reported $3bn in sales.", "$3bn",
         "mines in Zembla"),
        # a measure or a statement after a name leaves the name the subject
        ("Zembla's exports rose 5% in October.", "5%", "Zembla"),
        ("Officials in Zembla reported $3bn in sales.", "$3bn", None),
        ("Zembla's plans cost $4bn.", "$4bn", "Zembla"),
    ],
)  # fmt: skip
def test_a_group_of_a_name_is_the_subject(sentence, surface, subject):
    assert subject_of(sentence, surface) == subject


def test_a_place_before_a_surname_in_a_headline_is_no_persons_name():
    from claims.extract.names import is_person_name

    assert not is_person_name("Wisconsin Rivers")  # "... outside Wisconsin Rivers rally"
    assert not is_person_name("France Rivers")
    # places that are also first names, and other regions' names, stay people
    assert is_person_name("Georgia Rivers") and is_person_name("Paul Rivers")
    assert is_person_name("Brent Rivers")


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("Acme Motors' share of the Zembla car market slipped to 17.6% in May.", "17.6%",
         "Acme Motors"),
        ("Overhauling taxes - the Westmarch Isles' tax rate of 35 percent is high - is hard.",
         "35 percent", "Westmarch Isles"),
    ],
)  # fmt: skip
def test_a_name_ending_in_s_with_the_apostrophe_alone_is_a_possessor(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


def test_the_firm_is_the_organisation_that_reported_before():
    text = (
        "Acme Mining reported annual revenue of $9.4bn for 2024 on Wednesday. "
        "The firm's net debt fell to $2.2bn at the end of December."
    )
    assert claim_subject(text, "$2.2bn") == "Acme Mining"
    # one that only spoke, with no other organisation acting since
    text = "Acme Mining said on Wednesday that sales rose. The firm's debt fell to $2.2bn."
    assert claim_subject(text, "$2.2bn") == "Acme Mining"


def test_a_companys_industry_word_ends_no_persons_name():
    from claims.extract.names import is_person_name

    assert not is_person_name("Acme Mining") and not is_person_name("Beacon Foods")
    assert is_person_name("Jo Steel") and is_person_name("Ann Power")


def test_a_group_of_a_people_is_no_persons_name():
    from claims.extract.names import is_person_name

    assert not is_person_name("Asian Americans") and not is_person_name("Young Republicans")
    assert is_person_name("Jo Adams") and is_person_name("Tom Williams")
    # a surname that only ends like a people's word, unlike a continent's or faith's
    assert is_person_name("Jo Deans") and is_person_name("Mark Goodyears")
    assert not is_person_name("Young Europeans") and not is_person_name("White Christians")


def test_a_group_of_a_people_opening_a_sentence_keeps_its_adjective():
    text = (
        "Backing is strongest among Zemblan Americans (41%) and Latinos (38%). "
        "Korean Americans are cooler on the levy, at 19%."
    )
    assert claim_subject(text, "19%") == "Korean Americans"


_ABOUT_ACME = "Acme Motors opened a plant in Zembla on Monday. "


@pytest.mark.parametrize(
    ("quote", "surface", "subject"),
    [
        # "I" in direct speech: the speaker's own figure, by verb or by possessive
        ('"I ran 26 miles on Sunday," said Jo Rivers.', "26 miles", "Jo Rivers"),
        ('"As a rule, I gave two interviews a week," Jo Rivers said.', "two", "Jo Rivers"),
        ('"My 12 grandchildren came," said Jo Rivers.', "12", "Jo Rivers"),
        # "we" is the body the speaker speaks for, when the text names one
        ('"We sold 4,000 cars in March," said Ann Lee, a spokeswoman for Globex.',
         "4,000", "Globex"),
    ],
)  # fmt: skip
def test_a_figure_said_in_the_first_person_is_the_speakers(quote, surface, subject):
    assert claim_subject(_ABOUT_ACME + quote, surface) == subject


@pytest.mark.parametrize(
    ("quote", "surface"),
    [
        # a verb of thinking, a copula or another clause's subject after the pronoun
        ('"I think unemployment is 5 percent," Jo Rivers said.', "5 percent"),
        ('"We expect growth of 2 percent," said Bo Li.', "2 percent"),
        ('"I never had a case where somebody lost 300 files," Jo Rivers said.', "300"),
        # "we" without a named body may be a nation or anyone
        ('"We lose 300 people a year to floods," said Jo Rivers.', "300"),
    ],
)
def test_a_first_person_word_that_is_not_the_figures_holder(quote, surface):
    assert claim_subject(_ABOUT_ACME + quote, surface) == "Acme Motors"


@pytest.mark.parametrize(
    ("second", "surface", "subject"),
    [
        # the group's noun again, as the sentence's opening or as the verb's subject
        ("The casinos earned less in May, with takings down 2 percent.", "2 percent",
         "Zembla's casinos"),
        ("Four of the casinos reported losses of $9m.", "$9m", "Zembla's casinos"),
        ("Last year, the casinos earned $2bn.", "$2bn", "Zembla's casinos"),
        # some of the group, counted
        ("Gaming revenue rose this year at five of the casinos.", "five", "Zembla's casinos"),
        # another noun is not the group
        ("The hotels earned $2bn.", "$2bn", "hotels"),
        ("Gaming revenue rose this year at five of the hotels.", "five", "Acme Motors"),
    ],
)  # fmt: skip
def test_a_group_named_again_by_its_noun_is_that_group(second, surface, subject):
    text = _ABOUT_ACME + "Revenue at Zembla's eight casinos rose 3.5 percent. " + second
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("second", "surface", "subject"),
    [
        # a change set off after a figure by a comma is that figure's subject's
        ("Overall, the casinos in Zembla took $2.1 billion, about $70 million more than "
         "a year ago.", "$70 million", "casinos in Zembla"),
        ("The casinos in Zembla took $2.1 billion, up 4 percent.", "4 percent",
         "casinos in Zembla"),
    ],
)  # fmt: skip
def test_a_change_set_off_after_a_figure_is_its_subjects(second, surface, subject):
    assert claim_subject(_ABOUT_ACME + second, surface) == subject


@pytest.mark.parametrize(
    ("sentence", "changed"),
    [
        ("The casinos took $2.1 billion, about $70 million more than a year ago.", True),
        ("The casinos took $2.1 billion, up 4 percent.", True),
        # another clause, or no change of the figure before
        ("The casinos took $2.1 billion; the state hired 40 more staff.", False),
        ("The casinos took $2.1 billion, and the state hired 40 more staff.", False),
        ("The casinos took $2.1 billion, leaving 40 staff idle.", False),
    ],
)
def test_what_counts_as_a_change_set_off_after_a_figure(sentence, changed):
    first, second = find_quantities(sentence, [])[:2]
    assert assemble._change_set_off(sentence, first.end, second) is changed


_ABOUT_BEACON = "Beacon Bank cut 300 jobs on Monday and posted higher profits. "


@pytest.mark.parametrize(
    ("second", "surface", "subject"),
    [
        # a part of the firm named with "its" before the figure, or in the change after it
        ("Profits at its investment banking arm rose 5% to £2bn.", "5%",
         "Beacon Bank investment banking arm"),
        ("Profits at its investment banking arm rose 5% to £2bn.", "£2bn",
         "Beacon Bank investment banking arm"),
        ("Beacon Bank saw a 1% fall in profits in its UK retail division.", "1%",
         "Beacon Bank UK retail division"),
        # a part with a name of its own, or a part of another clause
        ("Its Dunmore Capital wing made £40m.", "£40m", "Dunmore Capital"),
        ("Beacon Bank's profits rose 4%, while sales at its Asia arm fell.", "4%",
         "Beacon Bank"),
        ("It gets half of its revenue from its Asia business and earned $2bn last year.",
         "$2bn", "Beacon Bank"),
        ("It cut 300 jobs in its retail division and 200 in Zembla.", "200",
         "Beacon Bank"),
        # a person's figure takes no firm's part
        ("Jo Lee sold 40% of his stake in its retail arm for £3bn.", "£3bn", "Jo Lee"),
    ],
)  # fmt: skip
def test_a_part_of_a_firm_named_with_its_is_that_parts(second, surface, subject):
    assert claim_subject(_ABOUT_BEACON + second, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a lone noun stands for the last name before it that ends in that noun
        ("The Beacon Foundation was set up in 1997. Since then, the foundation has raised "
         "roughly $2 billion.", "$2 billion", "Beacon Foundation"),
        ("The Zembla Labor Department set a cutoff. In May the department cut its cutoff to "
         "$50,440.", "$50,440", "Zembla Labor Department"),
        ("A new Acme News/Beacon Journal poll came out on Monday. The poll surveyed 1,000 "
         "adults.", "1,000", "Acme News/Beacon Journal poll"),
        # a name past the word opening its phrase; not a name that only opens a sentence or
        # is part of a longer name, nor one that qualifies a plural, nor a noun of no
        # institution
        ("Lee said so. The poll surveyed 1,000 adults.", "1,000", "poll"),
        ("Under Zembla Labor Department rules, firms must report. The department fined "
         "40 firms in May.", "40", "Zembla Labor Department"),
        ("Zembla Labor Department officials spoke. The department fined 40 firms in May.",
         "40", "Zembla Labor Department"),
        # with what it is "of", and past an abbreviation or a sentence's end
        ("The Zembla Bureau of Roads and Bridges met. The bureau spent $2m on the case.",
         "$2m", "Zembla Bureau of Roads and Bridges"),
        ("The Mt. Beacon Council met. The council cut $4m from roads.", "$4m",
         "Mt. Beacon Council"),
        ("The fines were approved by Jo Lee. The Zembla Labor Department then acted. The "
         "department fined 40 firms in May.", "40", "Zembla Labor Department"),
        # an office: the last person given that title, not a vice or former one
        ("President Jo Okafor met Lee on Monday. Later the president proposed $1 billion in "
         "funds.", "$1 billion", "Jo Okafor"),
        ("Former President Jo Okafor spoke. President Ann Ng replied. The president "
         "proposed $1 billion in cuts.", "$1 billion", "Ann Ng"),
        ("Acme Vice President Jo Lee spoke first. The president then proposed $1 billion "
         "in cuts.", "$1 billion", "president"),
        ("It went to the Beacon Ways and Means Committee. The committee approved $40bn.",
         "$40bn", "committee"),
        ("Beacon House officials spoke on Monday. Lee said the house sold for $2m in May.",
         "$2m", "house"),
    ],
)  # fmt: skip
def test_a_lone_noun_stands_for_the_name_it_ends(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "keys"),
    [
        # a group said to make up a share of a whole: the group's share of it
        ("Women make up 40% of the workforce in Zembla.", "40%",
         ("women", "share of workforce")),
        ("Nurses account for 12 percent of the staff.", "12 percent",
         ("nurses", "share of staff")),
        ("Hispanics represent 17 percent of the population.", "17 percent",
         ("Hispanics", "share of population")),
        # "those voters": the voters the text named before
        ("Okafor leads among rural voters. Those voters are likely to make up more than "
         "half the electorate.", "half", ("rural voters", "share of electorate")),
        # a share of a measure is no group's
        ("Exports account for about a third of Zembla's output.", "a third",
         ("Zembla", "share of output")),
    ],
)  # fmt: skip
def test_a_group_that_makes_up_a_share_of_a_whole_has_that_share(text, surface, keys):
    claims = [c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric"]
    assert next((c.subject, c.metric) for c in claims if c.surface == surface) == keys


def test_he_is_the_subject_of_the_sentence_before_not_its_last_possessor():
    text = (
        "Jo Rivers has won 758 delegates, compared to Ann Stone's 538 and Lee Park's 145. "
        "He now needs 61 percent of the remaining delegates."
    )
    assert claim_subject(text, "61 percent") == "Jo Rivers"


def test_an_auxiliary_opening_a_question_is_no_part_of_a_name():
    text = "Did Jo Rivers overpay for the stand?\n\nThe firm paid $35,000 for it in 2015."
    assert claim_subject(text, "$35,000") == "Jo Rivers"


def test_a_party_word_before_a_members_name_is_no_part_of_it():
    text = "Tory Jo Rivers was elected in 1904 aged 21."
    assert claim_subject(text, "21") == "Jo Rivers"


# A share of a group, the group written after the figure, in an article about someone else.
_ABOUT_RIVERS = "Jo Rivers opened the Beacon clinic in Lima on Monday. Rivers spoke. "


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("About 35% of nurses have a household income of $40,000 or less.", "35%",
         "nurses"),
        ("Of the rest, 11 out of the top 30 clinics were sold.", "11", "top 30 clinics"),
        ("Roughly a quarter of the workforce is on leave.", "a quarter", "workforce"),
        ("Around 30 percent of young voters said so.", "30 percent", "young voters"),
        ("Nearly 12% of eligible Zemblan voters turned out.", "12%", "eligible Zemblan voters"),
        # a people named by a capitalised plural
        ("Still, 26 percent of Democrats say they are not paying attention.", "26 percent",
         "Democrats"),
        ("Five of the Korean Americans who gave money were retired.", "Five",
         "Korean Americans"),
        # a name or "her" inside the group's own phrase is no opinion of anyone
        ("Nearly 20% of adults with Medicare coverage say costs rose.", "20%", "adults"),
        ("About 15% of the residents of her town are over 65.", "15%", "residents"),
    ],
)  # fmt: skip
def test_a_share_of_a_group_is_the_groups(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("About 12% of sales came from abroad.", "12%"),  # a measure, not a group
        ("A quarter of the rules committee can ask for a vote.", "A quarter"),  # a noun follows
        ("Nearly 60% of its budget went on rent.", "60%"),  # a pronoun's
        ("Just 31% of voters had a kind word for Lima.", "31%"),  # an opinion of a name
        ("Some 39% of voters viewed him favorably.", "39%"),  # ... or of the person meant
        ("Fully 79% of Democrats are satisfied with Jo Rivers.", "79%"),
        ("About 5% of Beacons sold out.", "5%"),  # a capitalised plural that is no people
        ("Only 0.5% of votes cast separated them.", "0.5%"),  # a vote share
    ],
)  # fmt: skip
def test_a_share_of_no_group_keeps_the_articles_subject(sentence, surface):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == "Jo Rivers"


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        # a share set beside a share of another group is its own group's
        ("About 26 percent of Democrats say they trust the courts, compared with 11 percent "
         "of undecided voters.", "11 percent", "undecided voters"),
        ("About 9 in 10 Republican primary voters in Ohio back the plan.", "9 in 10",
         "Republican primary voters"),
        ("About 26 percent of Democrats say they trust the courts, compared with 11 percent "
         "of Republicans.", "11 percent", "Republicans"),
        # ... but a share the clause's own subject has of a group stays that subject's
        ("Acme hired 40% of Democrats in Lima, compared with 25% of Republican voters.", "25%",
         "Acme"),
    ],
)  # fmt: skip
def test_a_share_compared_with_another_groups_is_its_own_groups(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


_RIVALS = "Jo Rivers met voters in Lima on Monday. Sam Okafor stayed in Dunmore. Rivers spoke. "


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Only 41% of Democrats say the same of Okafor.", "41%"),
        ("While 52 percent of Democrats are satisfied with Rivers, 44 percent of Republicans"
         " say the same of Okafor.", "44 percent"),
        # the stand names another group's people first ("of Independents")
        ("About 20% of Democrats and a third of Independents are not familiar with Okafor.",
         "20%"),
        ("Twenty percent of those surveyed would be satisfied if Okafor won.", "Twenty percent"),
        ("A full 62% of independents viewed Okafor favorably.", "62%"),
    ],
)  # fmt: skip
def test_a_groups_share_that_opens_its_clause_is_of_the_person_it_judges(sentence, surface):
    assert claim_subject(_RIVALS + sentence, surface) == "Sam Okafor"


@pytest.mark.parametrize(
    ("sentence", "surface", "not_subject"),
    [
        ("Nearly 45% of Democrats say they trust Congress.", "45%", "Congress"),  # no person
        # a stand in another clause, or on something of the person's, is not on them
        ("About 40% of Democrats say they back the plan, while 55% of Republicans say they "
         "favor Okafor.", "40%", "Sam Okafor"),
        ("About 35% of the residents of Okafor's district are over 65.", "35%", "Sam Okafor"),
        ("About 30% of voters say the economy is the most important issue for Okafor.", "30%",
         "Sam Okafor"),
        # one group of two peoples, not the first people's share
        ("About 30% of Democrats and Republicans say taxes are too high.", "30%", "Democrats"),
    ],
)  # fmt: skip
def test_a_share_not_judging_a_named_person_is_not_theirs(sentence, surface, not_subject):
    assert claim_subject(_RIVALS + sentence, surface) != not_subject


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("Some clinics have added a 9 percent fee.", "9 percent", "clinics"),
        ("Already, independent groups have spent more than $2.5 million.", "$2.5 million",
         "independent groups"),
        ("Normally nurses in public clinics are defined as being aged over 19.", "19", "nurses"),
        # opening a quotation
        ("“Some clinics have added a 9 percent fee,” Rivers said.", "9 percent", "clinics"),
    ],
)  # fmt: skip
def test_a_plural_group_opening_the_clause_is_its_figures_subject(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


def test_a_verb_ending_in_s_is_no_plural_subject():
    text = _ABOUT_RIVERS + "Trade, once thriving, has slumped in the past three years."
    assert claim_subject(text, "three years") == "Jo Rivers"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Jo married in 1962 and had three sons.", "three"),
        ("Later, Jo ran the clinic for 25 years.", "25 years"),
    ],
)
def test_a_first_name_alone_is_the_person_named_in_full(sentence, surface):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == "Jo Rivers"


def test_a_first_name_shared_by_two_people_stays_as_written():
    text = "Jo Rivers and Jo Okafor founded Beacon. Jo ran the clinic for 25 years."
    assert claim_subject(text, "25 years") == "Jo"


def test_a_name_written_after_the_is_no_person_a_first_name_could_be():
    text = (
        "Fans filled the 9,000-seat Dunmore Rovers stadium on Monday. "
        "Dunmore has raised $5 million of the $8 million it pledged."
    )
    assert claim_subject(text, "$5 million") == "Dunmore"


def test_a_figure_naming_no_one_is_the_place_its_paragraph_opened_with():
    text = (
        "Jo Rivers won again on Tuesday.\n\n"
        "In Peru, the turnout was the third highest on record. It was about 57%.\n\n"
        "New South Wales officials said the count was slow. The turnout was about 62%.\n\n"
        "Rivers spoke later. The crowd was about 2,000."
    )
    assert claim_subject(text, "57%") == "Peru"
    assert claim_subject(text, "62%") == "New South Wales"
    # a new paragraph that opens with no place leaves the place behind
    assert claim_subject(text, "2,000") == "Jo Rivers"


def test_a_region_before_another_name_is_no_paragraph_place():
    text = "Jo Rivers won again.\n\nWestern Beacon reported the news. It drew 2,000 readers."
    assert claim_subject(text, "2,000") == "Jo Rivers"


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("Dunmore City casinos earned $1.9 billion last year.", "$1.9 billion",
         "Dunmore City casinos"),
        ("Takings at Dunmore City casinos fell 4.1 percent.", "4.1 percent",
         "Dunmore City casinos"),
        ("The three Beacon titles now employ 318 reporters.", "318", "Beacon titles"),
        ("Sales of Zembla games rose 22.4% over the season.", "22.4%", "Zembla games"),
    ],
)  # fmt: skip
def test_a_group_written_after_a_name_is_the_groups(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


def test_a_group_of_people_after_a_name_is_not_the_group_of_later_sentences():
    text = (
        "Jo Rivers spoke to the Whig Club on Monday.\n\n"
        "Whig voters were a majority in five of eight county ballots.\n\n"
        "In two other counties, older voters made up about a fifth of the Whig vote."
    )
    assert claim_subject(text, "eight") == "Whig voters"
    assert claim_subject(text, "a fifth") == "older voters"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("In June, a Beacon/Acme poll found by 47%-44% that the public disagreed.", "47%"),
        ("A Beacon poll last week found that 58 percent of adults want a recount.", "58 percent"),
    ],
)
def test_a_poll_finding_is_never_the_pollsters(sentence, surface):
    assert claim_subject(sentence, surface) is None


def test_a_body_reporting_its_own_results_stays_their_subject():
    text = "Globex said on Monday that it sold 40% more vans, as its survey of dealers showed."
    assert claim_subject(text, "40%") == "Globex"
    # a firm the article is about speaks for its figures in sentences that do not name it
    text = (
        "Acme Motors sold more vans in 2022, helped by fleet orders.\n\n"
        "Still, the firm warned that margins would shrink in 2023, to 3% of revenue."
    )
    assert claim_subject(text, "3%") == "Acme Motors"


def test_a_place_ending_in_s_opens_its_paragraph_too():
    text = "Jo Rivers won again.\n\nIn Texas, the count was slow. It was about 57%."
    assert claim_subject(text, "57%") == "Texas"


def test_a_name_ending_in_ly_is_no_sentence_adverb():
    text = _ABOUT_RIVERS + "Kelly supporters have raised $5 million."
    assert claim_subject(text, "$5 million") != "supporters"


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("Lee leads with 31 percent, followed by Jo Ng at 17 percent.", "17 percent", "Jo Ng"),
        ("Lee comes in at 3.4 million and Ng at 2.9 million.", "2.9 million", "Ng"),
        # "with" after a verb and its object is the verb's subject's
        ("Ng follows Lee with 16 percent.", "16 percent", "Ng"),
    ],
)
def test_a_figure_at_a_name_in_a_list_is_that_names(sentence, surface, subject):
    assert claim_subject(sentence, surface) == subject


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("The Rivers campaign paid Beacon Holdings LLC $35,458 in March.", "$35,458",
         "Jo Rivers campaign"),
        ("Zembla owes Ruritania about $2bn.", "$2bn", "Zembla"),
    ],
)  # fmt: skip
def test_money_given_to_someone_named_before_it_is_the_givers(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


def test_figures_in_a_bracket_after_a_figure_are_that_figures_subjects():
    text = (
        "Whereas Mara Okafor has a net rating of -7 points (36 percent positive to 43 "
        "percent negative), Ann Ng's rating stands at +21 points (48 percent to 27 percent)."
    )
    assert claim_subject(text, "36 percent") == "Mara Okafor"  # not "Whereas Mara Okafor"
    assert claim_subject(text, "48 percent") == "Ann Ng"
    assert claim_subject(text, "27 percent") == "Ann Ng"


def test_a_net_rating_and_the_shares_it_nets_in_its_bracket():
    text = (
        "Okafor has a net rating of -7 points (36 percent positive to 43 percent "
        "negative), Ng is at -24 points (30 percent to 54 percent), and Lee's "
        "favorability stands at +19 points (47 percent to 28 percent)."
    )
    keys = {c.surface: (c.value, c.metric) for c in extract_claims(text, "2023-04-15")}
    assert keys["-7"] == (-7, "net rating")
    assert keys["36 percent"] == (36, "positive rating")  # no sign from the net
    # the sides the sentence named go on to the nets after it, whatever their order
    assert keys["-24"] == (-24, "net rating")
    assert keys["30 percent"] == (30, "positive rating")
    assert keys["54 percent"] == (54, "negative rating")
    assert keys["19"] == (19, "net favorability rating")
    assert keys["28 percent"] == (28, "negative rating")


def test_a_net_of_disapproval_and_sides_named_by_their_verbs():
    text = "Okafor's disapproval stands at +6 points (50% to 44%)."
    keys = {c.surface: c.metric for c in extract_claims(text, "2023-04-15")}
    assert keys == {
        "6": "net disapproval rating",
        "50%": "disapproval rating",
        "44%": "approval rating",
    }
    text = "Lee has +4 points (45% approve to 41% disapprove)."
    keys = {c.surface: c.metric for c in extract_claims(text, "2023-04-15")}
    assert (keys["45%"], keys["41%"]) == ("approval rating", "disapproval rating")


def test_a_net_rating_unnamed_takes_its_sides_from_the_rating():
    text = "Rivers's favorability stands at +12 points (46 percent to 34 percent)."
    keys = {c.surface: (c.value, c.metric) for c in extract_claims(text, "2023-04-15")}
    assert keys["46 percent"] == (46, "favorable rating")
    assert keys["34 percent"] == (34, "unfavorable rating")
    text = "Approval of Rivers, while still a net negative 4 points (41% to 45%), rose."
    keys = {c.surface: (c.value, c.metric) for c in extract_claims(text, "2023-04-15")}
    assert keys["4"] == (-4, "net rating")  # "net negative 4 points": below zero


@pytest.mark.parametrize(
    "text",
    [
        # a lead's bracket is the two sides' support, and a gap that is not their
        # difference nets nothing
        "Okafor leads Ng by 9 points (52 percent to 43 percent).",
        "Okafor's rating rose 5 points (to 40 percent from 35 percent).",
        "Okafor's rating stands at +3 points (52 percent to 43 percent).",
        # a change with its two levels, of a rating or of anything else
        "Turnout rose 12 points (34% to 46%), the highest since 1960.",
        "Okafor's approval fell 12 points (46% to 34%) since January.",
        "The jobless rate stands at +2 points (5% to 3%) on the year.",
    ],
)
def test_no_net_rating_without_a_bracket_that_nets_to_it(text):
    metrics = [c.metric or "" for c in extract_claims(text, "2023-04-15")]
    assert not any("rating" in m and ("net" in m or "positive" in m) for m in metrics)


def test_a_bracket_that_names_its_own_figure_keeps_that_name():
    text = "Mara Okafor has won 1,412 delegates (to Tom Lindqvist's 1,090) so far."
    assert claim_subject(text, "1,090") == "Tom Lindqvist"


def test_after_a_lead_only_the_first_figure_in_its_bracket_is_the_leaders():
    text = "Mara Okafor leads Tom Lindqvist by nine points (52 percent to 43 percent)."
    assert claim_subject(text, "52 percent") == "Mara Okafor"
    assert claim_subject(text, "43 percent") == "Tom Lindqvist"


def test_national_institutions_name_the_country_a_monthly_statistic_is_of():
    """A country named only in passing loses to the one whose government and central
    bank the article keeps returning to."""
    text = (
        "Lee said a debt binge would leave the economy like Peru's, as in Peru in the "
        "1980s, when Peru defaulted. The White House disagreed; the Federal Reserve held "
        "rates, and the White House praised the Federal Reserve.\n\n"
        "While the official jobless rate is 5.2 percent, many have stopped looking."
    )
    assert places.main_country(text) == "US"
    assert claim_subject(text, "5.2 percent") == "US"


def test_a_name_other_countries_share_is_no_institution_of_one():
    text = "India's Congress party met in India. Congress leaders spoke, and Congress left."
    assert places.main_country(text) == "India"


def test_a_country_named_most_is_still_the_main_one():
    text = "Zembla's Bundestag envoy met the White House. Germany and Germany's exporters gained."
    assert places.main_country(text) == "Germany"


def test_a_later_figure_of_a_clause_opening_with_a_share_is_the_groups():
    text = (
        "Jo Okafor spoke in Dunmore. Jo Okafor said more. "
        "About 30% of nurses have a household income of $40,000 or less."
    )
    assert claim_subject(text, "$40,000") == "nurses"


def test_a_figure_after_a_clause_break_is_not_the_opening_groups():
    text = (
        "Jo Okafor spoke in Dunmore. Jo Okafor said more. "
        "About 30% of nurses are unpaid; a new clinic costs $5m."
    )
    assert claim_subject(text, "$5m") != "nurses"


def test_a_figure_in_a_reported_clause_is_not_the_opening_groups():
    text = (
        "Jo Okafor spoke in Dunmore. Jo Okafor said more. "
        "Half of the firms said a new levy would cost them $5,000 a year."
    )
    assert claim_subject(text, "$5,000") != "firms"


def test_the_governments_figure_is_the_government_of_the_country_named():
    text = "Norway's exporters welcomed a ruling against the government's $90bn claim."
    assert claim_subject(text, "$90bn") == "Norway government"


def test_the_governments_figure_takes_the_articles_country_when_the_sentence_has_none():
    text = (
        "Chile's courts sat. Chile's ministers met in the capital.\n\n"
        "A judge rejected the government's $5bn claim."
    )
    assert claim_subject(text, "$5bn") == "Chile government"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a second predicate joined by "and" shares its clause's subject, not the object
        (
            "The Okafor campaign paid Beacon Holdings LLC $12,000 in June and had 85 paid staff.",
            "85",
            "Okafor campaign",
        ),
        ("Ann Ng sold her stake to Beacon Holdings and now employs 300 people.", "300", "Ann Ng"),
        # a clause of its own after a semicolon keeps its own reading
        (
            "Acme was founded in 1900; Globex has offices in Lima and employs 4,300 staff.",
            "4,300",
            "Globex",
        ),
    ],
)
def test_a_coordinated_predicate_shares_its_clauses_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_list_label_keeps_a_monthly_statistic_of_a_region():
    """A region the country list does not know, labelling its figure in a list, is not
    replaced by the article's country."""
    text = (
        "Norway's statistics office reported on prices across Norway.\n\n"
        "Dunmore showed the highest rate of inflation at 6.2%, followed by Westmarch "
        "on 5.7%."
    )
    assert claim_subject(text, "5.7%") == "Westmarch"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a place or body that "showed" a rate or a change of its own is its holder
        ("The Westmarch region showed the highest rate of growth at 6.2%.", "6.2%", "Westmarch"),
        ("Acme reported record sales of $4bn.", "$4bn", "Acme"),
    ],
)
def test_a_body_showing_its_own_rate_is_its_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_body_that_shows_others_figures_is_their_source_not_subject():
    assert subject_of("Acme showed that Zembla exported 5m tonnes.", "5m tonnes") != "Acme"


def test_a_share_of_a_group_in_a_state_is_the_groups():
    text = "Jo Okafor leads Ann Lee by 7 points, with 17 percent of likely voters still undecided."
    assert claim_subject(text, "17 percent") == "likely voters"


def test_an_adverb_after_a_group_is_no_part_of_it():
    assert subject_of("Voters again turned out in 5 primaries.", "5") != "voters again"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # "after", "since" opening a clause: the name is its verb's subject
        ("Lee spoke in May after Acme announced it was cutting 600 jobs.", "600", "Acme"),
        ("Since Okafor has 1.5 million more votes than Lee, she leads.", "1.5 million", "Okafor"),
    ],
)
def test_a_name_after_a_conjunction_is_its_clauses_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_name_after_a_preposition_is_no_clauses_subject():
    assert subject_of("After Acme, Globex cut 600 jobs.", "600") == "Globex"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a figure opening a bracket right after a name is that name's, whatever follows
        ('Hope is higher among Zembla Scouts (34% "strongly agree").', "34%", "Zembla Scouts"),
        ("Voters cast ballots in Ruritania (475 delegates) on Tuesday.", "475", "Ruritania"),
        ("Lee got 60 million votes and lost to Okafor (69 million votes).", "69 million", "Okafor"),
    ],
)
def test_a_figure_opening_a_bracket_after_a_name_is_its(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_bracket_that_names_another_is_not_the_name_before_it():
    text = "Lee praised Acme (12% more than Globex) in May."
    assert subject_of(text, "12%") != "Acme"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a levy is about what it is levied on, up to the end of that noun phrase
        (
            "In 2009, Zembla slapped a 35% duty on cheap Ruritanian tyres.",
            "35%",
            "cheap Ruritanian tyres",
        ),
        (
            "Lee vowed to impose 25 percent tariffs on imported goods made abroad.",
            "25 percent",
            "imported goods",
        ),
        (
            "Acme announced a new 66% tariff on Ruritanian steel being sold below cost.",
            "66%",
            "Ruritanian steel",
        ),
    ],
)
def test_a_levy_is_about_what_it_is_levied_on(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_holding_in_a_name_is_its_holders():
    text = "In her filing, Ann Ng reports investments in Acme Credit Co. worth $900,000."
    assert subject_of(text, "$900,000") == "Ann Ng"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a trade partner after "from" is not whose imports they are
        ("Zembla's economy slowed. Imports from Westmarch fell 4% last year.", "4%", "Zembla"),
        ("Zembla's economy slowed. Shipments from Westmarch rose 9% in May.", "9%", "Zembla"),
        # a holder after "from" is
        ("Zembla's economy slowed. Profits from Acme Mining rose 9% in May.", "9%", "Acme Mining"),
    ],
)
def test_a_trade_partner_is_not_the_importer(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_shares_in_a_name_are_still_its_price():
    assert subject_of("Shares in Acme rose 5% on Monday.", "5%") == "Acme"


def test_an_abstract_noun_opening_a_sentence_is_no_name():
    text = "Optimism is higher among Zembla Scouts, at 34%."
    assert claim_subject(text, "34%") != "Optimism"


@pytest.mark.parametrize(
    ("sentence", "surface", "subject"),
    [
        ("Supporters of Ann Okafor back the levy by 58%-37%.", "58%", "supporters of Ann Okafor"),
        ("Even more, supporters of Conservative Ann Okafor reject it, 66%-29%.", "66%",
         "supporters of Ann Okafor"),
        ("Among members of the Westmarch Guild, 64% backed the strike.", "64%",
         "members of the Westmarch Guild"),
    ],
)  # fmt: skip
def test_people_of_a_name_are_the_group_not_the_name(sentence, surface, subject):
    assert claim_subject(_ABOUT_RIVERS + sentence, surface) == subject


def test_a_body_of_a_name_is_not_a_group_of_people():
    # "of" makes a group of people only: banks, casinos or councils "of" a name read as
    # well as part of the name itself
    text = _ABOUT_RIVERS + "Councils of Dunmore County raised $4m in fees last year."
    assert claim_subject(text, "$4m") != "councils of Dunmore County"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a figure inside a relative clause is its antecedent's
        ("Ms. Lee lost the vote to Jo Okafor of Westmarch, who won, 52.4% to 41.3%.",
         "52.4%", "Jo Okafor"),
        ("As of Friday, Stone had 1,200 delegates, compared with Rivers, who had 850.",
         "850", "Rivers"),
        ("Executives at Beacon Foods, which earned $3 billion last year, say prices will rise.",
         "$3 billion", "Beacon Foods"),
        # a holding's value is its holder's, not the company invested in
        ("Jo Lee holds investments in Acme, which together are worth $2 million.",
         "$2 million", "Jo Lee"),
        ("Jo Lee sold shares of Acme, which were worth $2 million.", "$2 million", "Jo Lee"),
        # a relative clause with a subject of its own is not about the name before it
        ("In the 2012 race between Stone and Rivers, which the incumbent won by 3 points, "
         "turnout fell.", "3", "incumbent"),
        # a "where" clause is about its place, unless it names a subject of its own
        (_ABOUT_RIVERS + "Rivers campaigned in Ohio, where 66 delegates are at stake.", "66",
         "Ohio"),
        (_ABOUT_RIVERS + "She flew on to Nevada, where about 30 delegates are in play.", "30",
         "Nevada"),
        (_ABOUT_RIVERS + "Rivers campaigned in Ohio, where Stone won 52% in 2012.", "52%",
         "Stone"),
        (_ABOUT_RIVERS + "Rivers campaigned in Ohio, where she won 52% in 2012.", "52%",
         "Jo Rivers"),
        ("Acme said it would open a plant in Ohio, where the company employs 3,000 people.",
         "3,000", "Acme"),
    ],
)  # fmt: skip
def test_a_figure_in_a_relative_clause_is_its_antecedents(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        # a matchup a poll finds: the first share the one who would win, as support
        ("Ruiz would beat Kell 48% to 44%, the Beacon poll found.",
         [("48%", "Ruiz", "support"), ("44%", "Kell", "support")]),
        ("Ruiz could beat him 53% to 36%.", [("53%", "Ruiz", "support")]),
        ("Ruiz would easily beat Kell 48% to 44%.",
         [("48%", "Ruiz", "support"), ("44%", "Kell", "support")]),
        # a result told as past stays a share of the vote
        ("Ruiz beat Kell 48% to 44%.",
         [("48%", "Ruiz", "vote share"), ("44%", "Kell", "vote share")]),
    ],
)  # fmt: skip
def test_a_matchup_with_a_modal_gives_each_share_its_candidate(text, shares):
    claims = {c.surface: c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric"}
    for surface, subject, metric in shares:
        assert (claims[surface].subject, claims[surface].metric) == (subject, metric)


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a relative clause or list between dashes is an aside from the figure
        ("Beacon Motors said sales rose at Globex. Globex - in which Beacon Motors owns a "
         "40% stake - earned $2bn last year.", "$2bn", "Globex"),
        # an apposition between dashes may name the subject itself
        ("Lee spoke. Two rivals - Jo Okafor and Ann Stone - have each won 12 delegates.",
         "12", "Jo Okafor and Ann Stone"),
    ],
)  # fmt: skip
def test_dashes_around_a_relative_clause_set_it_aside(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # the one made or wanted to act is who the figure it acts on belongs to
        ("Regulators ordered Acme Bank to pay $5 million in fines.", "$5 million", "Acme Bank"),
        ("Lawyers wanted the mining firms to repay $28bn in profits.", "$28bn",
         "mining firms"),
        ("Ng had urged the ministry to process 15 percent of the files a month.",
         "15 percent", "ministry"),
        # a noun that only looks like such a verb is none
        ("Zembla sent more forces in addition to the 3,500 troops already there.", "3,500",
         "Zembla"),
    ],
)  # fmt: skip
def test_the_one_made_to_act_holds_the_figure(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_a_place_in_an_opening_participle_phrase_is_where_not_whose():
    text = "Acme shares fell. Meeting in Dunmore, ministers of 12 Zemblan provinces agreed."
    assert claim_subject(text, "12") != "Dunmore"
    # an opening prepositional phrase still names whose prices they are
    assert claim_subject("In Dunmore, prices rose 5%.", "5%") == "Dunmore"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a model's number is part of its name
        ("Sales rose. However, Zembla's Playbox 2 was the top seller with 47% of sales.", "47%",
         "Playbox 2"),
        ("Lee spoke. Jo Lee flies his Skyward 757, which burns $10,000 in fuel an hour.",
         "$10,000", "Skyward 757"),
        # not a date's day, nor a figure with its unit
        ("Lee spoke. Acme sold 40 cars on Nov. 9 this year.", "40", "Acme"),
        ("Sales rose. The Acme 34 percent share fell.", "34 percent", "Acme"),
    ],
)  # fmt: skip
def test_a_models_number_is_part_of_its_name(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a place right after a name says where the name is
        ("Lee spoke. Since May, Beacon Hotels in Dunmore, Zembla, was paid $29,715.",
         "$29,715", "Beacon Hotels"),
        # but not after a sentence adverb, nor a common word opening the sentence
        ("Lee spoke. Meanwhile in Zembla, prices rose 5%.", "5%", "Zembla"),
        ("Lee spoke. Banks in Zembla may sell up to 49% of their units.", "49%",
         "banks in Zembla"),
    ],
)  # fmt: skip
def test_a_place_right_after_a_name_locates_the_name(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a plural or verb form capitalised only because it opens a sentence is the
        # common word, written as the article would write it inside a sentence
        ("Lee spoke. Wardens counted 300 nests.", "300", "wardens"),
        # capitalised inside a sentence too, the article uses it as a name
        ("Acme praised Wardens. Wardens counted 300 nests.", "300", "Wardens"),
    ],
)  # fmt: skip
def test_a_word_capitalised_only_where_sentences_open_is_no_name(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_bare_shares_that_go_on_describing_a_group_are_its():
    text = (
        "Jo Lee spoke in Dunmore.\n\n"
        "In the Westmarch Republican primary in March, 74 percent of voters were over 45. "
        "Seventy-eight percent were white, while 16 percent were Latino and 3 percent were "
        "black.\n\n"
        "Lee has 40 percent."
    )
    for surface in ("74 percent", "Seventy-eight percent", "16 percent", "3 percent"):
        assert claim_subject(text, surface) == "voters", surface
    # a new paragraph is about its own subject again
    assert claim_subject(text, "40 percent") == "Jo Lee"


def test_a_name_that_only_labels_a_document_is_no_subject():
    text = (
        "Jo Okafor filed on time. Okafor's new FEB form stated that her revenue increased "
        "from $210 million in 2021 to $340 million in 2022."
    )
    assert claim_subject(text, "$210 million") == "Jo Okafor"
    # a capitalised word before a verb "form" or a filer's own name before "filing" is no code
    assert (
        claim_subject("Lee spoke. Acme and Beacon form a venture worth $2 billion.", "$2 billion")
        != "Lee"
    )
    assert (
        claim_subject("Lee spoke. The Beacon filing showed revenue of $5 million.", "$5 million")
        == "Beacon"
    )


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a title and a surname: the one person the article named in full with it
        ("Ana Okafor spoke first. Lee lost to President Okafor, who got 52% of the vote.",
         "Ana Okafor"),
        ("Tomas Lindqvist sat in Dunmore. Judge Lindqvist was paid $40,000.",
         "Tomas Lindqvist"),
        # two people of that name: the title alone cannot tell which
        ("Ana Okafor spoke. Ben Okafor spoke. President Okafor got 52% of the vote.",
         "President Okafor"),
        # no one named in full: the surname, as an office is no part of a name
        ("President Okafor got 52% of the vote.", "Okafor"),
        ("Mrs Okafor was paid $40,000 for the column.", "Okafor"),
        ("Sen. Ana Okafor got 52% of the vote.", "Ana Okafor"),
        ("The Secretary Okafor campaign got 52% of the vote.", "Okafor campaign"),
        # a rank that is written as part of the name stays
        ("King Zog was paid $40,000 a year.", "King Zog"),
        # two offices with one surname are two people, whom the title tells apart
        ("Secretary Okafor spoke. President Okafor got 52% of the vote.", "President Okafor"),
    ],
)  # fmt: skip
def test_a_titled_surname_is_the_person_named_in_full(text, subject):
    surface = "$40,000" if "$40,000" in text else "52%"
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the main entity, named by title, is the surname or the person named in full
        ("President Okafor toured Dunmore. Okafor met workers there.\n\n"
         "Over 3 million jobs were added in 2015.", "Okafor"),
        ("President Okafor toured Dunmore, where Ana Okafor met workers.\n\n"
         "Over 3 million jobs were added in 2015.", "Ana Okafor"),
    ],
)  # fmt: skip
def test_a_main_entity_named_by_title_is_the_person(text, subject):
    assert claim_subject(text, "3 million") == subject


def test_the_main_person_is_named_alike_before_and_after_the_full_name():
    text = (
        "President Okafor toured Dunmore. Okafor met workers there.\n\n"
        "Over 3 million jobs were added in 2015.\n\n"
        "Later, Ana Okafor spoke in Westmarch.\n\nOver 2 million homes were built in 2016."
    )
    assert [claim_subject(text, s) for s in ("3 million", "2 million")] == ["Ana Okafor"] * 2


def test_a_titled_first_mention_does_not_stand_for_the_full_name():
    text = "President Okafor arrived. Ana Okafor then spoke. Okafor got 52% of the vote."
    assert claim_subject(text, "52%") == "Ana Okafor"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # an indicator's capitals measure their owner; they are no one's name
        ("Zembla's GDP grew 3% in 2021.", "3%", "Zembla"),
        ("Zembla GDP grew 3% in 2021.", "3%", "Zembla"),
        ("Real GDP grew 3% in 2021.", "3%", None),
        ("The CPI rose 0.3% in May.", "0.3%", None),
        ("Zembla's debt reached 90% of GDP.", "90%", "Zembla"),
        # capitals that are a name stay one
        ("Acme Bank grew its lending 3% in 2021.", "3%", "Acme Bank"),
    ],
)
def test_an_indicators_capitals_are_no_subject(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a nation's output or budget, whoever the article's main person is, is the
        # country's the article is about
        ("Chile's president, Ana Okafor, spoke on Friday. Okafor said real GDP grew 2.1% "
         "in the second quarter. Chile's exports rose.", "2.1%"),
        ("Ana Okafor leads Chile. Okafor will cut the federal deficit by $40bn, she said. "
         "Chile's debt is high.", "$40bn"),
    ],
)  # fmt: skip
def test_a_national_measure_is_the_countrys(text, surface):
    assert claim_subject(text, surface) == "Chile"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a statistics office's release is its country's
        ("The Bureau of Labor Statistics said Zembla Corp's U.S. plants grew. Wages rose "
         "4 percent.", "US"),
        ("Figures from the Office for National Statistics showed it. The Bank of England "
         "held rates.", "UK"),
    ],
)  # fmt: skip
def test_a_statistics_office_names_its_country(text, country):
    assert places.main_country(text) == country


def test_the_labour_markets_monthly_measures_are_the_countrys():
    text = (
        "The U.S. Bureau of Labor Statistics reported today. Zembla Corp was named. "
        "Zembla Corp grew. The participation rate held at 61.9 percent in May."
    )
    assert claim_subject(text, "61.9 percent") == "US"


def test_each_figure_of_a_bracketed_list_is_the_group_before_it():
    text = (
        "The jobless rates for nurses (3.4 percent), Westmarch teachers (3.1 percent) and "
        "retired miners (9.8 percent) changed little."
    )
    claims = {c.surface: (c.subject, c.metric) for c in extract_claims(text, "2023-04-07")}
    assert claims == {
        "3.4 percent": ("nurses", "jobless rate"),
        "3.1 percent": ("Westmarch teachers", "jobless rate"),
        "9.8 percent": ("retired miners", "jobless rate"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a single bracket is an aside or a conversion, not a list
        "Acme Mining earmarked 100 trillion won ($96bn) for the year (its third).",
        # a ticker's bracket opens no list
        "Acme (ACME) paid 40% of its staff (900 people) a bonus.",
        # brackets after a clause, or a list opened by no "for" or "in", label nothing
        "We know their average age (63) and their wealth (90 percent are rich).",
        "Sales rose (5%) while costs fell (2%).",
        "Acme paid wages to drivers (40%), cooks (30%) and clerks (30%).",
        # a poll's groups: the shares stay the candidate's
        "Support for Okafor is high among women (52%) and men (45%).",
    ],
)
def test_a_bracket_that_is_no_list_item_labels_nothing(text):
    figures = [c for c in extract_claims(text, "2023-04-07") if c.kind == "numeric"]
    assert figures
    for claim in figures:
        label = subjects.bracket_label(text, claim.surface_start, claim.surface_end)
        assert label is None, claim.surface


def test_a_list_of_names_with_brackets_is_theirs():
    text = "Zembla voted for Okafor (52%) and Lee (40%)."
    assert claim_subject(text, "52%") == "Okafor"
    assert claim_subject(text, "40%") == "Lee"


def test_a_national_measure_of_a_named_group_is_the_groups():
    text = (
        "The U.S. Bureau of Labor Statistics reported today. In the U.S., the "
        "jobless rate for Latinos fell to 5.3 percent in May."
    )
    assert claim_subject(text, "5.3 percent") == "Latinos"


def test_a_countrys_budget_deficit_is_the_countrys():
    text = (
        "Chile's finance minister, Ana Okafor, spoke. Okafor said the federal budget "
        "deficit fell by $1.5 billion. Chile's exports rose."
    )
    assert claim_subject(text, "$1.5 billion") == "Chile"


def test_a_century_says_when_not_whose():
    text = "We built an economy for the 21st Century, with the fastest growth in four decades."
    assert claim_subject(text, "four decades") is None


def test_a_title_that_also_opens_names_resolves_no_surname():
    text = "Ana Mills runs Acme. General Mills reported sales of $5bn."
    assert claim_subject(text, "$5bn") == "General Mills"


def test_a_national_measure_of_another_economy_is_not_the_articles_country():
    context = "The Federal Reserve met. The White House said the US economy is strong. "
    assert claim_subject(context + "Inflation in Japan rose to 2.1% in May.", "2.1%") == "Japan"
    # a country named in passing takes nothing from the article's
    text = context + "Inflation rose to 2.1% in May as oil from Norway got dearer."
    assert claim_subject(text, "2.1%") == "US"


def test_one_web_address_does_not_make_a_contact_line():
    text = (
        "Acme Corp (www.acme.example) said on Monday that Acme Corp had hired Ana Okafor. "
        "Revenue rose 5% in May."
    )
    assert claim_subject(text, "5%") == "Acme Corp"


def test_a_firm_named_once_is_still_the_articles_topic():
    text = "Markets slid on Monday. Acme Corp cut its forecast. Sales fell 5% in May."
    assert claim_subject(text, "5%") == "Acme Corp"


def test_it_before_a_figure_is_the_measure_the_sentence_gave_before():
    # another estimate of the same measure: the measure's subject, not the source's
    text = (
        "While Acme Research lists Okafor's wealth at $6.5 billion, Beacon says it is $4.5 "
        "billion and Globex has it at $4.2 billion."
    )
    claims = [c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric"]
    assert [(c.surface, c.subject, c.metric) for c in claims] == [
        ("$6.5 billion", "Okafor", "wealth"),
        ("$4.5 billion", "Okafor", "wealth"),
        ("$4.2 billion", "Okafor", "wealth"),
    ]
    # a source that acts is still its own subject
    assert claim_subject("Acme said it had cut 400 jobs.", "400") == "Acme"


def test_ages_belong_to_the_person_they_describe():
    # an age after "then" set off after a name
    text = "Gene Lindqvist joined in 1999. Mr. Lindqvist, then 38, said he was ready."
    assert claim_subject(text, "38") == "Gene Lindqvist"
    # a first name alone in apposition after the age
    text = "The victims included Okafor's son, 26-year-old Ayo. She called him a hero."
    assert claim_subject(text, "26-year-old") == "Ayo"
    # someone unnamed, described by where they are from: no one's age the text names
    text = "The image of a 7-year-old Peruvian girl shocked Europe."
    assert claim_subject(text, "7-year-old") is None
    assert (
        claim_subject("Police raided the home of a 31-year-old Leeds man.", "31-year-old") is None
    )
    # but a place with its state after it is no first name
    text = "Jo Rivers spoke. She met a 52-year-old Dunmore, N.H., resident named Ana."
    assert claim_subject(text, "52-year-old") != "Dunmore"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a relative's age is the relative's, by their name in apposition
        ("Ana Lee took her 3-year-old daughter, Chloe, to the fair.", "3-year-old", "Chloe"),
        # or as the possessor's relative: the person the sentence names before "his"
        ("A teacher from Dunmore, Ayo Okafor lost his 25 year-old son in the crash.",
         "25 year", "Ayo Okafor's son"),
        ("Sam Lindqvist, whose 6-year-old nephew was hurt, spoke.", "6-year-old",
         "Sam Lindqvist's nephew"),
        ("Okafor's 12-year-old granddaughter won.", "12-year-old", "Okafor's granddaughter"),
        # a pronoun whose person the sentence does not name: no one the text names here
        ("Jo Rivers spoke. Her 32-year-old daughter has a degree.", "32-year-old", None),
        # no possessor: the person the age describes, as before
        ("The 40-year-old mother of three, Ana Okafor, said it.", "40-year-old", "Ana Okafor"),
    ],
)  # fmt: skip
def test_a_relatives_age_is_the_relatives(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_a_month_before_a_bracketed_figure_labels_no_item():
    text = (
        "Employment in retail continued to trend up in March (+17,000), and in health "
        "care (+51,000)."
    )
    assert claim_subject(text, "17,000") != "March"


def test_names_that_open_on_a_count_or_a_place_stay_names():
    assert claim_subject("Two Sigma manages $60bn for clients.", "$60bn") == "Two Sigma"
    # another estimate of the same figure only if it is of the same kind
    text = "Acme cut 300 jobs, and it is 12 months since the last cut."
    claims = [c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric"]
    assert [c.metric for c in claims][1] != "jobs cut"


def test_a_peoples_plural_counts_in_full_only_for_a_country_the_text_names():
    text = "Canada added jobs. Canada's rate fell. Americans, Americans and Americans crossed."
    assert places.main_country(text) == "Canada"


def test_a_share_that_backs_a_possession_is_not_the_possessors():
    text = (
        "56% of Westmarch voters want action compared with 38% who support the Acme Party's delay."
    )
    assert claim_subject(text, "38%") != "Acme Party"


def test_a_weekday_after_a_name_is_when_not_part_of_the_name():
    text = "Ana Lindqvist spoke. Lindqvist Sunday night recounted that she paid $400 for it."
    assert claim_subject(text, "$400") == "Ana Lindqvist"
    assert claim_subject("Okafor won 12 states on Super Tuesday.", "12") == "Okafor"


def test_a_sector_that_adds_jobs_is_their_subject_not_the_country():
    text = "The US economy grew. US employers hired. Retail and wholesale trade added 40,000 jobs."
    assert claim_subject(text, "40,000") == "retail and wholesale trade"
    text = "The US economy grew. US employers hired. Over the month, health care added 34,000 jobs."
    assert claim_subject(text, "34,000") == "health care"
    # the economy, a pronoun or a name is no sector
    text = "The US economy grew. US employers hired. Our economy has created 10 million jobs."
    assert claim_subject(text, "10 million") == "US"
    assert claim_subject("Lindqvist also lost two jobs on Monday.", "two") != "lindqvist also"


def test_a_name_opening_a_reported_clause_is_its_subject_not_a_source():
    assert claim_subject("Okafor said Acme will cut 500 jobs in Westmarch.", "500") == "Acme"
    assert claim_subject("The agency says Beacon has 1,061 delegates.", "1,061") == "Beacon"
    # after an inverted quote the name is the source, and its figure no one's it names
    assert claim_subject('"Sales rose 5% last year," said Acme.', "5%") != "Acme"


def test_a_name_that_points_out_a_figure_is_its_source_not_its_subject():
    text = "Lee spoke last. Okafor pointed out that Lee, with 329 delegates, needs 52 percent."
    assert claim_subject(text, "329") == "Lee"
    # a name that points out its own figure is still its subject
    assert claim_subject("Acme pointed out that it cut 500 jobs.", "500") == "Acme"


def test_a_rubric_in_capitals_before_a_colon_is_no_subject():
    text = "FACT OF THE DAY: $43 million, the amount the Port Authority approved for Acme."
    assert claim_subject(text, "$43 million") != "FACT OF THE DAY"
    # an acronym or a one-word place in capitals still names
    assert claim_subject("ACME: profits rose 5% in May.", "5%") == "ACME"


# An article about Westmarch Bank, in which another subject's figure comes first.
_ABOUT_THE_BANK = "Westmarch Bank grew. Westmarch Bank hired in Dunmore. "


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # "it" opening a clause goes on telling what the last figure's subject did
        ("Acme Railways bought 40 carriages in 2019. In 2021, it ordered 25 locomotives.",
         "25", "Acme Railways"),
        ("Acme Railways carried 9 million passengers last year. It also cut 300 jobs.",
         "300", "Acme Railways"),
        ("Acme Railways carried 9 million passengers; it also shut 12 depots.", "12",
         "Acme Railways"),
        ('Acme Railways carried 9 million passengers. "It also cut 300 jobs," Lee said.',
         "300", "Acme Railways"),
        ("Acme Railways carried 9 million passengers. It will close 12 depots.", "12",
         "Acme Railways"),
        ("Acme Railways carried 9 million passengers. It has shut 12 depots since May.", "12",
         "Acme Railways"),
    ],
)  # fmt: skip
def test_it_doing_something_is_the_last_figures_subject(text, surface, subject):
    assert claim_subject(_ABOUT_THE_BANK + text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # an "it" that does something stands for no person nor several, an "it" that only
        # is or costs something for nothing the figures said, and a figure of another
        # paragraph carries nothing
        ("Jo Rivers raised $2m in May. In June, it rained for 20 days.", "20 days"),
        ("Under a deal, Zembla and Westmarch will free 300 prisoners. In May, it freed 120 "
         "of them.", "120"),
        ("Acme Railways carried 9 million passengers. It is likely that 20% were tourists.",
         "20%"),
        ("Acme Railways carried 9 million passengers last year.\n\nIt also cut 300 jobs.", "300"),
    ],
)  # fmt: skip
def test_it_stands_only_for_one_thing_of_the_paragraph(text, surface):
    assert claim_subject(_ABOUT_THE_BANK + text, surface) == "Westmarch Bank"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Acme Railways carried 9 million passengers in May. About 20% were tourists.", "20%"),
        ("Profits at Acme Railways rose 5% in May. In June they rose by a further 3%.", "3%"),
    ],
)  # fmt: skip
def test_a_figure_naming_no_one_is_of_what_its_paragraph_gave_figures_for(text, surface):
    assert claim_subject(_ABOUT_THE_BANK + text, surface) == "Acme Railways"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # the sentence names the article's own subject, "his" points to a person, "the
        # bank" names the firm again, the figure before is a lone common noun, or of
        # another paragraph
        ("Acme Railways carried 9 million passengers. Westmarch Bank said 20% were tourists.",
         "20%"),
        ("Acme Railways carried 9 million passengers. His campaign said he raised $7m.", "$7m"),
        ("Acme Railways carried 9 million passengers. The bank also said about 20% were "
         "tourists.", "20%"),
        ("The plan cost 9 million euros. About 20% went on fees.", "20%"),
        ("Acme Railways carried 9 million passengers.\n\nAbout 20% were tourists.", "20%"),
    ],
)  # fmt: skip
def test_a_figure_naming_no_one_stays_the_articles_otherwise(text, surface):
    assert claim_subject(_ABOUT_THE_BANK + text, surface) == "Westmarch Bank"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("Okafor has 12 days left before the Westmarch referendum.", "12 days",
         "Westmarch referendum"),
        ("Three weeks ahead of the Westmarch primary, Okafor leads.", "Three weeks",
         "Westmarch primary"),
        ("Okafor's rally fell just two days before the Zembla Senate vote.", "two days",
         "Zembla Senate vote"),
    ],
)  # fmt: skip
def test_a_span_counting_down_to_a_named_event_is_the_events(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # how long someone did something before an event, and an event with no name
        ("Okafor was jailed for 10 years before the Zembla referendum.", "10 years", "Okafor"),
        ("Lee served as mayor for eight years before the Westmarch election.", "eight years",
         "Lee"),
        ("Okafor trained for four years ahead of the Dunmore Games.", "four years", "Okafor"),
        ("Okafor spoke in Dunmore. Three weeks before the election, Okafor raised $2m.",
         "Three weeks", "Okafor"),
    ],
)  # fmt: skip
def test_a_span_someone_spent_before_an_event_stays_theirs(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_an_it_that_only_costs_something_is_not_the_last_figures():
    text = "The Acme X5 phone goes on sale on Friday. Globex sold 12 million phones last "
    text += "year. It costs $999 and comes in three colours."
    assert claim_subject(text, "$999") == "Acme X5"


def test_a_handle_of_words_run_together_is_the_name_the_article_gives():
    text = "Jo Rivers spoke in Dunmore. <tweet>.@JoRivers raised $15,000 in one day</tweet>"
    assert claim_subject(text, "$15,000") == "Jo Rivers"
    # a handle the article never spells out (a brand's), or a name without "@", stays
    assert claim_subject("<tweet>.@PayPal cut 2,000 jobs on Tuesday</tweet>", "2,000") == ("PayPal")
    assert claim_subject("JoRivers raised $15 in a day.", "$15") != "Jo Rivers"


def test_the_countrys_minimum_wage_is_the_countrys():
    opening = "Jo Okafor spoke. Okafor won. Jobs in the United States grew. "
    opening += "The United States added jobs. "
    text = opening + "The federal minimum wage of $8 has not changed since 2009."
    assert claim_subject(text, "$8") == "US"
    text = opening + "Okafor said the $8 federal minimum wage was too low."
    assert claim_subject(text, "$8") == "US"
    text = opening + "The federal minimum wage has been $8 an hour since 2009."
    assert claim_subject(text, "$8") == "US"
    text = opening + "The federal minimum wage, which is $8, remains unchanged."
    assert claim_subject(text, "$8") == "US"


@pytest.mark.parametrize(
    "sentence",
    [
        # a wage someone wants, and a state's, are not the country's
        "Okafor wants a $12 federal minimum wage and a ban on fracking.",
        "Okafor wants to lift the federal minimum wage to $12.",
        "Okafor's bill would raise the federal minimum wage to $12 by 2030.",
        "Okafor backs the proposed federal minimum wage of $12.",
        "If Okafor wins, the federal minimum wage is $12 by 2027.",
    ],
)
def test_a_minimum_wage_someone_wants_is_theirs(sentence):
    opening = "Jo Okafor spoke. Okafor won. Jobs in the United States grew. "
    opening += "The United States added jobs. "
    assert claim_subject(opening + sentence, "$12") == "Jo Okafor"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a bare share after "yet" or "though" with an opinion of "him" or "her": the
        # person the sentence named before the share, not one it named as an object
        ("Ana Okafor spoke in Dunmore. Lee is far below at 30 percent, and Jo Lindqvist's "
         "rating sits at 50 percent, yet 20 percent say they have never heard of him.",
         "20 percent", "Jo Lindqvist"),
        ("Ana Okafor spoke in Dunmore. Polls were mixed on Jo Lindqvist, and 30 percent "
         "of voters said they had no opinion of him.", "30 percent", "Jo Lindqvist"),
        ("Ana Lee spoke in Dunmore. Lee attacked Jo Okafor on Monday, though 40 percent of "
         "voters said they had a favorable opinion of her.", "40 percent", "Ana Lee"),
    ],
)  # fmt: skip
def test_an_opinion_of_a_pronoun_is_of_the_person_named_before(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a name after a clause-opening "with" that a participle follows does what it says
        ("Beacon bought 60% of Globex, with Acme owning the remaining 40%.", "40%", "Acme"),
        ("Both parties bought shops in May, with Acme adding 12 stores and the grocer Globex "
         "buying 9.", "12", "Acme"),
        ("Both parties bought shops in May, with Acme adding 12 stores and the grocer Globex "
         "buying 9.", "9", "Globex"),
    ],
)  # fmt: skip
def test_the_doer_of_a_with_phrase_is_its_figures_subject(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a with-phrase before a comma leaves the figure after it alone; "with" after a
        # verb or a noun, "compared with" and "with ... during" make no doer
        ("In 2008, with Jo Okafor facing Ana Lee, about 60 percent of voters were over 45.",
         "60 percent", "not Jo Okafor"),
        ("Beacon's sales rose 5%, compared with Acme.", "5%", "Beacon"),
        ("Acme signed a contract with Globex valued at $2bn.", "$2bn", "Acme"),
        ("Zembla clashed with Westmarch during talks on a $9bn loan.", "$9bn", "Zembla"),
    ],
)  # fmt: skip
def test_a_with_phrase_makes_a_doer_only_of_its_own_figure(text, surface, subject):
    if subject.startswith("not "):
        assert claim_subject(text, surface) != subject[4:]
    else:
        assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("A joint venture between Acme and Ohio-based Globex Corp will cost $900m to set "
         "up.", "$900m", "Acme-Globex Corp joint venture"),
        ("Acme grew. The proposed merger of Acme and Globex was worth $9bn.", "$9bn",
         "Acme-Globex merger"),
    ],
)  # fmt: skip
def test_a_deal_joining_two_parties_is_what_its_value_is_of(text, surface, subject):
    assert claim_subject(text, surface) == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a deal after the figure, an owner named before the figure, and a share of
        # people or a count after a deal
        ("Acme's profit rose 5% after a deal between Acme and Globex.", "5%", "Acme"),
        ("After a merger of Acme and Globex, Beacon's shares rose 4%.", "4%", "Beacon"),
        ("After a merger of Acme and Globex, Beacon paid $4m in fees.", "$4m", "Beacon"),
        ("Since the link-up between Acme and Globex, 40% of customers have switched.", "40%",
         "customers"),
    ],
)  # fmt: skip
def test_a_deal_is_not_every_figures_after_it(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_a_common_noun_after_its_is_the_firms():
    opening = "Acme Motors said on Monday that profit fell. "
    assert claim_subject(opening + "Its shops sold 4 million umbrellas.", "4 million") == (
        "Acme Motors"
    )
    # without "its", or with an owner named before "its", the noun phrase stays
    text = opening + "Rival businesses gained market share in three regions."
    assert claim_subject(text, "three") != "Acme Motors"
    text = opening + "The union said its members voted 80% in favour of a strike."
    assert claim_subject(text, "80%") != "Acme Motors"


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a relative clause about a name that runs on to the figure is that name's
        ("Lee has read the memoir of Jo Okafor, who ran the Westmarch port authority for "
         "11 years.", "11 years", "Jo Okafor"),
        ("Acme hired Ana Lindqvist, who sold 300 homes for Beacon last year.", "300",
         "Ana Lindqvist"),
    ],
)  # fmt: skip
def test_a_who_clause_holding_the_figure_is_its_antecedents(text, surface, subject):
    assert claim_subject(text, surface) == subject


def test_a_who_clause_that_opens_another_clause_or_reports_leaves_the_figure_alone():
    text = "Lee leads, while Jo Okafor, who runs a firm that is 60 percent owned by Acme, trails."
    assert claim_subject(text, "60 percent") != "Jo Okafor"
    text = "Lee criticised the plan of Jo Okafor, who said 300 jobs would go."
    assert claim_subject(text, "300") != "Jo Okafor"


def test_a_surname_or_a_place_named_after_a_country_is_no_mention_of_it():
    assert places.main_country("Ana French spoke. Ana French won.") is None
    assert places.main_country("Lake Chad shrank. Lake Chad dried up.") is None


def test_a_country_after_an_opening_word_counts_for_the_articles_country():
    assert (
        places.main_country("In Zembla, sales rose. In France prices rose. In France wages rose.")
        == "France"
    )
    assert places.main_country("The Gambia grew. The Gambia hired.") == "Gambia"
