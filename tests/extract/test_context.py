"""Subject, metric and hedge of numeric claims, and the hedge of attributed ones."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import coref, extract_claims, periods
from claims.extract.context import (
    find_hedge,
    find_metric,
    find_subject,
    matches_from_stems,
    may_hold_any,
)
from claims.extract.subjects import polled_group


def first_numeric(text: str):
    return next(c for c in extract_claims(text, "2023-04-15") if c.kind == "numeric")


@pytest.mark.parametrize(
    ("text", "subject", "metric"),
    [
        (
            "Freedonia's gross domestic product likely shrank by 3.5 per cent in 2022.",
            "Freedonia",
            "gross domestic product",
        ),
        ("The unemployment rate rose to 3.5 percent.", None, "unemployment rate"),
        ("The economy added 236,000 jobs in March.", "economy", "jobs added"),
        ("Acme sold more than 2.4 million cars in 2022.", "Acme", "cars sold"),
        (
            "The agency's unemployment rate of 4.5% surprised traders.",
            "agency",
            "unemployment rate",
        ),
        ("Profits at Globex jumped after a 43% rise in net profits.", "Globex", "net profits"),
        ("The board set a growth target of 5% for the year.", "board", "growth target"),
        ("The club paid a bonus of £44,000 to its manager.", "club", "bonus"),
        ("Homes lost power after winds of up to 90mph hit.", "homes", "winds"),
        ("Among voters, support was 72%.", None, "support"),
    ],
)
def test_subject_and_metric(text, subject, metric):
    claim = first_numeric(text)
    assert (claim.subject, claim.metric) == (subject, metric)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Output likely shrank by 2% in 2022.", "likely"),
        ("Sales may reach 3,000 units.", "may"),
        ("Prices could rise 4% this year.", "could"),
        ("Growth is expected to reach 2.5% this year.", "expected"),
        ("Losses are estimated at £40m.", "estimated"),
        ("The deficit is projected to hit 6%.", "projected"),
        ("Analysts forecast 3% growth.", "forecast"),
        ("The toll is believed to exceed 200 people.", "believed"),
        ("The total is set to exceed 25bn.", "set to"),
        ("Sales rose 3% in 2022.", None),
    ],
)
def test_hedge_of_numeric_claims(text, hedge):
    assert first_numeric(text).hedge == hedge


def test_hedge_after_the_number_within_a_short_window():
    s = "Growth of 5% is expected."
    start = s.index("5%")
    assert find_hedge(s, start, start + 2) == "expected"


def test_hedge_far_after_the_number_is_ignored():
    s = "Growth of 5% was recorded, and after a long and winding debate a rebound is expected."
    start = s.index("5%")
    assert find_hedge(s, start, start + 2) is None


def test_sentence_hedge_without_a_position():
    assert find_hedge("Officials said the talks may resume.") == "may"
    assert find_hedge("Officials said the talks resumed.") is None


def test_capital_may_is_a_month_not_a_hedge():
    assert find_hedge("Sales rose 4% in May.") is None


def test_find_subject_uses_the_nearest_name():
    s = "Japanese carmaker Nissan, in which Renault owns a 44% stake, gained."
    assert find_subject(s, s.index("44%")) == "Renault"


def test_subject_window_never_starts_inside_a_word():
    head = "Valdoria’s rivals "
    filler = "kept " * ((163 - len(head)) // 5)
    s = head + filler + " " * (163 - len(head) - len(filler)) + "4 points."
    assert s.index("4 points") - 160 == 3  # the window would start at "doria’s"
    assert find_subject(s, s.index("4 points")) is None


def test_find_metric_falls_back_to_the_counted_unit():
    s = "There were 30 of them."
    assert find_metric(s, s.index("30"), s.index("30") + 2, "handset") == "handset"


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # the object of a verb that sets a level, with or without "by"
        (
            "The council voted to raise its levy on empty homes by 2 points to 7 percent.",
            "7 percent",
            "levy on empty homes",
        ),
        (
            "The bank decided to lower the target range for its deposit rate 25 basis points "
            "to 3 percent.",
            "25 basis points",
            "target range for its deposit rate",
        ),
        ("The lender kept its standard variable rate at 6.5%.", "6.5%", "standard variable rate"),
        ("The regulator set the price cap at £1,800 a year.", "£1,800", "price cap per year"),
        ("The board approved an increase in the levy to 4%.", "4%", "levy"),
        # a measure that opens the sentence, before the verb that moves it
        ("Total retail employment rose by 12,000 in May.", "12,000", "total retail employment"),
        ("Employment in mining changed little (-3,000).", "-3,000", "employment"),
        ("Inflation over the past year has averaged 4%.", "4%", "inflation"),
        ("Turnout in the county primary was a record 61%.", "61%", "turnout"),
        ("Over ten years, surpluses would add up to $2 trillion.", "$2 trillion", "surpluses"),
        # a share said to be held in the polls is support
        ("Ng would have to reach 15 percent in the polls to debate.", "15 percent", "support"),
        ("Ng and Lee tied at 5% in the poll.", "5%", "support"),
        ("Ng had the backing of 33% of Whig voters.", "33%", "support"),
        ("Lee slipped 5 percent in the polls.", "5 percent", None),  # a change, no level
        # a measure opening the sentence, of a name, past a concessive aside
        ("Approval of Okafor has risen 8 points since October.", "8", "approval"),
        (
            "Approval of Okafor, though still a net negative 4 points (41% to 45%), has "
            "climbed 5 points since March.",
            "5",
            "approval",
        ),
        ("Sales, though weak in May, rose 5% in June.", "5%", "sales"),
        ("Okafor rose to 29 points, while Lee was at 18 percent, down two points.", "two", None),
        # a measure with an of-phrase of its own before "at" (not the words that soften
        # a number after "of")
        ("Zembla had the highest rate of inflation at 6.2%.", "6.2%", "rate of inflation"),
        ("Acme reported a profit of about $2m.", "$2m", "profit"),
        ("The names of all 49 were read aloud.", "49", None),
        # a share of a group in a state is that state's
        (
            "Okafor leads Lee, with 17 percent of likely voters still undecided.",
            "17 percent",
            "undecided",
        ),
        ("About 12% of Zembla adults remain uninsured.", "12%", "uninsured"),
        ("About 30% of voters are Whigs.", "30%", "share of voters"),
        # what an amount after "worth" values: the noun before it, or a person's net worth
        ("Ng holds a stake worth $5bn in Acme.", "$5bn", "stake"),
        ("Ng reports investments in Acme Credit Co. worth $2m.", "$2m", "investments"),
        ("Ng claims he's worth $3 billion.", "$3 billion", "net worth"),
        (
            "Nobody thinks an individual worth $3 billion will be in anyone's debt.",
            "$3 billion",
            "net worth",
        ),
        ("The deal, worth $5bn, closed in May.", "$5bn", "value"),
        # a level set off after a comma is of the clause's subject
        ("Inflation was higher in May, at 3.1%.", "3.1%", "inflation"),
        ("Profits will be lower this year, at about $5bn.", "$5bn", "profits"),
        ("When Lee asked, at least 2,000 said they would.", "2,000", None),
        # a participle set off by a comma tells of what the clause before it names
        (
            "The Acme delegation is large, numbering about 450 this year.",
            "450",
            "delegation",
        ),
        (
            "Three bakeries gave gifts to the Dunmore fund, totaling $8,200.",
            "$8,200",
            "gifts",
        ),
        # a figure in brackets right after a measure, not after a label in a list
        (
            "Grocers live on the slim operating margins (about 6 percent) of the trade.",
            "6 percent",
            "slim operating margins",
        ),
        ("Acme's gross margin (12%) was the highest in Zembla.", "12%", "gross margin"),
        ("Voters named the economy (33 percent) as their top issue.", "33 percent", None),
        # the new level after a change in a measure, past where it changed
        ("Zembla reported a rise in unemployment to 5.2%.", "5.2%", "unemployment rate"),
        (
            "Beacon reported a 3% drop in sales at its export unit to $640m.",
            "$640m",
            "sales",
        ),
        # the level a share moved to, in a poll named by its day or its pollster
        ("Ng fell back to 27 percent in Thursday's poll.", "27 percent", "support"),
        ("Ng rose to 21% in Acme's polls.", "21%", "support"),
        # an outlook between the measure and its verb
        ("The deficit is projected to be $380 billion.", "$380 billion", "deficit"),
        ("Exports are expected to rise 5% next year.", "5%", "exports"),
        ("Output is set to grow 5% this year.", "5%", "output"),
        # a second noun joined by "and" is counted too, a verb of a second clause is not
        ("The firm has 200 staff and consultants in Lima.", "200", "staff and consultants"),
        ("Zembla has 90,000 residents and sends just 12 delegates.", "90,000", "residents"),
        # a percentage of unemployment is its rate, as statistics offices name it
        ("Unemployment slipped to 5.3 percent in May.", "5.3 percent", "unemployment rate"),
        ("Unemployment levels are stuck at about 11%.", "11%", "unemployment rate"),
        ("Unemployment benefits rose 4%.", "4%", "unemployment benefits"),
        # a verb joined by "and" shares the measure the sentence opened with
        (
            "The jobless rate was 6.1% when Lee took office in 2011 and peaked at 9% in 2013.",
            "9%",
            "jobless rate",
        ),
        # not when the sentence opens with other words than its measure
        ("In energy trading, Brent crude rallied and was up 46 cents.", "46 cents", None),
        # a relative clause between the measure and its verb
        (
            "The surplus for the year, which ends in June, is forecast to be $9bn.",
            "$9bn",
            "surplus",
        ),
        ("Glasbury shares fell 4% on Monday.", "4%", "share price"),
        # "the X at N", with or without a comma
        ("Prices held up, with the jobless rate at 4.1%.", "4.1%", "jobless rate"),
        ("The vacancy rate, at 2.5 percent, was steady.", "2.5 percent", "vacancy rate"),
        # a counting verb in the present: the metric uses its past form
        ("The region is adding 40,000 homes a year.", "40,000", "homes added per year"),
        # words before the number that name no measure
        ("Donors have raised at least $24 million.", "$24 million", "money raised"),
        ("The utility owes $900m to its lenders.", "$900m", "debt"),
        ("The campaign collected $3m in May.", "$3m", "money collected"),
        ("The mayor set out 10 proposals.", "10", "proposals"),
        ("Three people were hurt and more than 20 were treated.", "20", None),
        # a valuation of a named firm is its value
        ("The deal values Globex at $3.2bn.", "$3.2bn", "value"),
        ("Analysts value Globex Corp at about $3bn.", "$3bn", "value"),
        # a rival's figure after the words that describe the rival takes the first's
        ("Okafor's 61% of the vote compared with dentist Bo Pike's 30%.", "30%", "share of vote"),
        ("Okafor won 61% of the vote to former mayor Bo Pike's 30%.", "30%", "share of vote"),
    ],
)
def test_metric_of_level_and_change_sentences(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a capitalised common word opening the sentence names no one
        ("Total farm output rose by 3% in 2022.", "3%", None),
        ("Overall, spending grew 2% in 2022.", "2%", None),
        # an organisation named in full before keeps that name when cut short
        (
            "The Westland Monetary Policy Committee met on Tuesday. "
            "The Committee decided to hold the policy rate at 4.5 percent.",
            "4.5 percent",
            "Westland Monetary Policy Committee",
        ),
        (
            "The Bank of Freedonia met on Tuesday. The Bank kept its rate at 3%.",
            "3%",
            "Bank of Freedonia",
        ),
    ],
)
def test_subject_of_measures_and_organisations(text, surface, subject):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.subject == subject


# --- quality rules for subject and metric (1.2.0) -------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a pronoun, determiner or sentence adverb that opens the sentence names no one
        ("Our exports grew by 6% in 2022.", "6%", None),
        ("Even so, rents climbed 9% over the winter.", "9%", None),
        ("Yesterday the ferry carried 812 passengers.", "812", "ferry"),
        ("Starting with this issue, the magazine costs £4.", "£4", None),
        ("That’s the highest figure in 30 years.", "30 years", None),
        ("We’ve hired 45 nurses since spring.", "45", None),
        ("Within the district, rents rose 12% last year.", "12%", None),
        # a possessive determiner before a common noun: the noun is the subject
        ("Our factory produced 9,000 bicycles in 2022.", "9,000", "factory"),
        # a name that follows the opening adverb is still found
        ("Today Ruritania exported 40,000 tonnes of grain.", "40,000 tonnes", "Ruritania"),
    ],
)
def test_opening_function_words_are_not_subjects(text, surface, subject):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a capitalised word the article also writes in lower case is a common word
        ("Timber prices rose 8% in May. Buyers of timber were unhappy.", "8%", None),
        (
            "Forestry and fishing added 3,000 jobs in May. Jobs in forestry rose.",
            "3,000",
            "forestry and fishing",
        ),
        # ... but a word the article only ever capitalises stays a name
        ("Zembla shipped 500 tractors in 2022.", "500", "Zembla"),
        # a capitalised group name in a rate stays the subject, the rate the metric
        (
            "Among age groups, the jobless rate for Pensioners fell to 2.1 percent in May.",
            "2.1 percent",
            "Pensioners",
        ),
    ],
)
def test_capitalised_common_words_use_the_articles_own_casing(text, surface, subject):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # a common-noun subject must be in the number's own clause
        (
            "The index will be reviewed, in order to bring costs down to 3 percent.",
            "3 percent",
            None,
        ),
        ("Much of the hiring happened in clinics, where staffing rose by 900.", "900", None),
        # a relative pronoun, an ordinal or an adverb is no subject
        ("The storm, a system which lasted six days, passed.", "six days", None),
        ("The first batch of 400 tickets will go on sale soon.", "400", None),
        # a measure noun is what is measured, not who: it is never the subject
        ("They said the vacancy rate remains above 4 percent.", "4 percent", None),
        # a noun inside a prepositional phrase is not the verb's subject
        ("The share of people in the workforce rose by 3,000.", "3,000", None),
        # "here's" is a contraction, not a possessive
        ("Here’s the news: the fastest growth in 20 years.", "20 years", None),
    ],
)
def test_common_noun_subjects_are_checked(text, surface, subject):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # never opens with a conjunction or preposition
        (
            "Lenders pay interest on current and savings deposits of 1.5 percent.",
            "1.5 percent",
            "savings deposits",
        ),
        # "X and Y of N": the measure is Y
        (
            "The plan sets goals of full employment and inflation of 2 percent.",
            "2 percent",
            "inflation",
        ),
        # never a name: the organisation that acts is no measure
        (
            "The Council is determined to bring the deficit to its 3 percent ceiling.",
            "3 percent",
            None,
        ),
        (
            "The Treasury will spend at least £5 billion.",
            "£5 billion",
            "spending",
        ),
        # a rate for a named group: the rate is the metric
        (
            "Among age groups, the jobless rate for Pensioners fell to 2.1 percent in May.",
            "2.1 percent",
            "jobless rate",
        ),
        # never a verb fragment or a verb group
        ("Output has dropped each of the last nine months.", "nine months", None),
        ("The next 12 will be published on Friday.", "12", None),
        # never a pronoun
        ("They kept all of the savings we have built over the last 8 years.", "8 years", None),
        # never a fraction's denominator
        ("Since then, the backlog has shrunk by two thirds.", "two thirds", "backlog"),
        ("Since then, it has shrunk by two thirds.", "two thirds", None),
        # never a bare generic word: the measure before "at the rate of" is named
        ("The treaty caps emissions at the rate of 2 percent.", "2 percent", "emissions"),
        ("Prices kept rising at the rate of 2 percent.", "2 percent", None),
        ("The fund will buy a total of $3 billion of bonds.", "$3 billion", "bonds"),
        # never a time: "the medium term", "over the month"
        (
            "They expect that over the long term it would grow at its 2 percent trend.",
            "2 percent",
            "trend",
        ),
        ("They were little changed over the week at 4,200.", "4,200", None),
        ("Rents have risen in each of the past 14 months.", "14 months", None),
        # the measure before its qualifier, not the object of the qualifier's preposition
        ("The cost of milk at the shop is up by 40 cents.", "40 cents", "cost of milk"),
        # a present-tense verb is not appended to a counted noun
        ("The rebels agreed to hold five rounds of talks.", "five", "rounds"),
        # a bound in words between the measure and its figure
        ("Landlords risk a penalty of as much as $6,500.", "$6,500", "penalty"),
        ("Acme paid a levy of as little as 2%.", "2%", "levy"),
        # a level multiplied names its measure as a level set does
        ("Acme doubled its dividend to 40 cents.", "40 cents", "dividend"),
        ("Zembla halved its tariff on steel to 5%.", "5%", "tariff on steel"),
        (
            "Ng climbed steadily, to double digits by June and then almost 24% by August.",
            "24%",
            None,
        ),
        # a measure given as a share of an aggregate is the measure, the aggregate its scale
        ("Zembla's budget deficit widened to 5.2% of GDP last year.", "5.2%", "budget deficit"),
        ("Acme expects margins to be lower, at 4% of sales as opposed to 5%.", "4%", "margins"),
        ("Acme expects margins to be lower, at 4% of sales as opposed to 5%.", "5%", "margins"),
        (
            "Zembla's budget deficit widened to 5.2% of gross domestic product in 2024 from 4.6%.",
            "4.6%",
            "budget deficit",
        ),
        # a percentage that says how much the figure before it changed
        ("Acme Motors sold 84,500 vehicles, 6% fewer than a year earlier.", "6%", "vehicles sold"),
        ("Zembla will spend $41.2bn on health, an increase of 7%.", "7%", "spending"),
        ("In May, 2,150 claims were lodged, a 19% increase on April.", "19%", "claims lodged"),
        # a share of the figure before is no change of it
        ("Acme has 5,000 workers, 40% of them in Asia.", "40%", None),
        # a measure opening a quotation, at a sentence's start or after a colon
        ('"Profits fell 4% in May," she said.', "4%", "profits"),
        ('Acme said: "Profits fell 4% in May."', "4%", "profits"),
        # a size's adjective names its dimension; a scale named before its reading
        ("The new bridge would be 240 metres long.", "240 metres", "length"),
        ("The wall might be 40 to 50 feet high.", "40 to 50 feet", "height"),
        ("A magnitude 6.1 earthquake struck Zembla on Sunday.", "6.1", "magnitude"),
        ("Acme makes 40 long rifles.", "40", "long rifles"),
        # a possessor in lower case is the subject's to name, not part of the measure
        ("The city's unemployment rate is 4.6 percent.", "4.6 percent", "unemployment rate"),
        # a commodity's price named as such is not priced again
        ("The price of petrol fell to $1.62 in May.", "$1.62", "price of petrol"),
        # a share of a market is the market share, not a share price
        ("Acme's share of the car market slipped to 17.6% in May.", "17.6%", "market share"),
        ("Acme shares fell 4% in May.", "4%", "share price"),
        # a measure of an earlier clause is not the aggregate share's
        (
            "Acme's costs rose 5% in May, and wages now take 60% of revenue.",
            "60%",
            "share of revenue",
        ),
        # a new clause after the comma is no change of the figure before it
        ("Acme sold 84,500 vehicles in May, while Beacon said 6% more were returned.", "6%", None),
        # a share of a group is still a share
        ("About 40% of sales came from Asia.", "40%", "share of sales"),
        # every softening word is skipped alike on the way to the verb
        ("Troops killed approximately 1,500 rebels in May.", "1,500", "rebels killed"),
        # never the word of a gap to another figure
        ("Sales ended the year 5 percent shy of the target.", "5 percent", None),
        ("Acme made 30 short films last year.", "30", "short films made"),
        ("The appeal is still $2 million short.", "$2 million", "appeal"),
        ("Turnout came in 3 points short of the record.", "3", "turnout"),
    ],
)
def test_metric_quality_rules(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # the subject of the verb that moves the figure, also for the new level after "to"
        ("Net sales at the unit climbed 7% to $3.2bn.", "7%", "net sales"),
        ("Net sales at the unit climbed 7% to $3.2bn.", "$3.2bn", "net sales"),
        ("Growth slowed in the third quarter to 2%.", "2%", "growth"),
        ("Ministers now expect house prices to rise by 3% next year.", "3%", "house prices"),
        ("Gross output (GO) rose by 0.4%.", "0.4%", "gross output"),
        ("The campaign's number of volunteers went from 310 to 290.", "310", "volunteers"),
        ("The campaign's number of volunteers went from 310 to 290.", "290", "volunteers"),
        # shares that rise or fall: what moves is the share price
        ("Acme shares fell 3% to 410p.", "3%", "share price"),
        ("Acme shares fell 3% to 410p.", "410p", "share price"),
        ("The ruling sent Globex shares up 6%.", "6%", "share price"),
        ("Globex's stock slid 4 percent to $52.10.", "$52.10", "share price"),
        # a session's close or open states the level, or the move with a direction word
        ("Acme's shares closed at $12.40 on Friday.", "$12.40", "share price"),
        ("Acme's stock closed down 2.5 percent at $18.", "2.5 percent", "share price"),
        ("Acme's stock closed down 2.5 percent at $18.", "$18", "share price"),
        ("The price of copper opened up $40 on Monday.", "$40", "price of copper"),
        ("The depot closed 30 branches.", "30", "branches closed"),
        # a conjunction after the figure names nothing
        ("The loan runs out in less than 25 years if payments hit the cap.", "25 years", None),
        # a people's adjective inside the group a share is of
        (
            "Nearly 12% of eligible Ruritanian voters stayed home.",
            "12%",
            "share of eligible Ruritanian voters",
        ),
        (
            "Nearly 12% of eligible Republican voters stayed home.",
            "12%",
            "share of eligible Republican voters",
        ),
        # a bare number a person turns is an age; a length with a direction a distance
        ("Okafor turns 70 on Tuesday.", "70", "age"),
        ("Dunmore, about 80 miles south, has a port.", "80 miles", "distance"),
        ("The rally was held 300 km away.", "300 km", "distance"),
        # a verb that sets its object's level, to the new one or by the change
        (
            "The deal would slash Acme's corporate tax rate to 17 percent.",
            "17 percent",
            "corporate tax rate",
        ),
        ("Acme raised its dividend by 5%.", "5%", "dividend"),
        ("Zembla will reduce steel output by 9,000 tons.", "9,000 tons", "steel output"),
        # money held, as filings give it
        ("Rivers has $1.2 million in the bank.", "$1.2 million", "cash in the bank"),
        ("Acme ended the year with $40m on hand.", "$40m", "cash on hand"),
        ("Acme put $2m in the bank's new fund.", "$2m", None),  # the bank's, not held
        # a verb that only says a whole holds the count names nothing done to it
        ("Her work abroad included three concert tours.", "three", "concert tours"),
        ("The seized shipment contained 300 rifles.", "300", "rifles"),
        ("Lee ended the set mixing 12 double faults with 9 aces.", "12", "double faults"),
        # valuing a person at an amount is estimating their net worth
        ("Beacon Research pegged him at $3 billion.", "$3 billion", "net worth"),
        ("Acme Research puts her at about $900 million.", "$900 million", "net worth"),
        ("The losses were not disclosed, but analysts put them at $3 billion.", "$3 billion",
         None),  # things are valued too
        # ... with the object's own relative clause before the "to" or "by"
        ("Acme raised the yearly fee it charges members to $150.", "$150", "fee"),
        ("The bank cut the rate that lenders pay on deposits by 0.25%.", "0.25%", "rate"),
        ("Okafor doubled her stake in the firm she founded to 30%.", "30%", "stake"),
        ("Okafor tripled the monthly rent her campaign pays for its offices at Beacon Tower to "
         "$90,000.", "$90,000", "rent"),
        # ... but not when the verb's object is no noun phrase before the clause
        ("Acme raised prices as it charges members to $150.", "$150", None),
        # ... nor a clause of its own after a noun ("fears that ... could swell to")
        ("The report raised fears that the deficit could swell to $40 billion.", "$40 billion",
         "deficit"),
        # a sign written before the number is the number's, not a word between verb and it
        ("Lindqvist's favorability sits at +32 points.", "32", "favorability"),
        ("The rally pushed annual inflation to 5%.", "5%", "annual inflation"),
        # what the words right after the number name
        ("The chain reported a 12% rise in operating profit to £40m.", "12%", "operating profit"),
        ("The chain reported a 12% rise in operating profit to £40m.", "£40m", "operating profit"),
        ("Voters backed a $12 minimum wage last year.", "$12", "minimum wage"),
        ("Some cafes added a 10 percent surcharge to bills.", "10 percent", "surcharge"),
        ("The bank expects 4% growth in 2024.", "4%", "growth"),
        # a session's move written after the figure ("closed 3p lower") is the price's
        ("Shares in Acme closed 3p lower at 245p.", "3p", "share price"),
        ("Shares in Acme closed 3p lower at 245p.", "245p", "share price"),
        ("Globex shares closed 2% higher at $14.20.", "2%", "share price"),
        ("Globex shares closed 2% higher at $14.20.", "$14.20", "share price"),
        ("Acme's shares ended 3% lower on Friday.", "3%", "share price"),
        ("Acme shares fell 3p to 245p.", "3p", "share price"),
        ("Globex shares hit $55, before falling back to $50.", "$50", "share price"),
        # an index's close is no share price
        ("The Beacon 100 index closed 1.2% higher.", "1.2%", "index"),
        # a measure kept as it was: its name, not where it is kept
        ("The Bank of Zembla kept interest rates on hold at 4.75%.", "4.75%", "interest rates"),
        # growth is a measure of its own, after "of" as before the number
        ("The bank expects growth of 4% in 2024.", "4%", "growth"),
        ("Lindqvist forecast economic growth of 2.5% for Zembla.", "2.5%", "economic growth"),
        ("Beacon saw a contraction of 0.4% in the spring.", "0.4%", "contraction"),
        # a rise of a figure is a change of the measure named before, not a measure
        ("An increase of 6% is planned.", "6%", None),
        ("The unit booked $4bn in sales last year.", "$4bn", "sales"),
        ("The group carries $3bn of debt.", "$3bn", "debt"),
        ("About 30% of the workforce is on leave.", "30%", "share of workforce"),
        ("Nearly half the delegates will be chosen by May.", "half", "share of delegates"),
        ("Just £3m was spent on marketing of courses.", "£3m", "spending on marketing of courses"),
        ("About £3m went on marketing.", "£3m", "spending on marketing"),
        ("Some £14m went on developing the software.", "£14m", "spending"),
        ("£2m went on to fund roads.", "£2m", None),
        ("In May alone, $49,000 went to the firm that owns the jet.", "$49,000", "payment"),
        ("The award of about $4m went to Lee.", "$4m", "award"),
        ("The $300,000 went on sale in May.", "$300,000", None),
        ("About $4m went to waste.", "$4m", None),
        ("The $5m went on salaries and rent.", "$5m", "spending on salaries and rent"),
        ("The total of about $9m went to Acme in May.", "$9m", "payment"),
        ("Rents average $40 per square foot in the area.", "$40", "rents per square foot"),
        ("The office has a rent of $40 per square foot.", "$40", "rent per square foot"),
        ("The yuan traded at 7.1 to the dollar.", "7.1", "exchange rate against the dollar"),
        # what a verb of money makes of the amount
        ("She earned up to £90,000 from speeches.", "£90,000", "earnings"),
        ("The contractor was paid $2m last year.", "$2m", "payment"),
        ("The group was valued at $9bn in May.", "$9bn", "value"),
        ("The club paid $2m for the site.", "$2m", "payment"),
        ("The firm expects to save $2bn over three years.", "$2bn", "savings"),
        ("The ministry reallocated $81m from the roads fund.", "$81m", "funds reallocated"),
        ("It has earmarked 100 trillion won for 2025.", "100 trillion won", "funds earmarked"),
        ("The ministry will earmark $81m for roads.", "$81m", "funds earmarked"),
        # what a job pays is no payment made
        ("The job pays $90,000 a year.", "$90,000", None),
        # a list continues the metric of its first figure
        ("Prices rose 4% in Kent, 3% in Fife and 2% in Powys.", "3%", "prices"),
        ("Prices rose 4% in Kent, 3% in Fife and 2% in Powys.", "2%", "prices"),
        ("Prices rose 4% in Kent while the council hired 30 wardens.", "30", "wardens hired"),
        # a share of another figure: a share of what that figure measures
        ("Some 40% of the £2bn spent on roads went north.", "40%", "share of spending on roads"),
        # the older rules' phrase without a dangling qualifier
        ("The bank may raise rates from their current 4.75%.", "4.75%", "rates"),
        # a level set anew: the new figure keeps the old one's measure
        ("The minimum fare of $5 would be cut to $4.", "$4", "minimum fare"),
        # a share of a name, of a noun with an -ing modifier
        ("Globex bought the 40% of Initech it did not own.", "40%", "share of Initech"),
        ("Banks may sell up to 30% of their lending arms.", "30%", "share of lending arms"),
        # how long something lasted
        ("They won in a match lasting three hours.", "three hours", "match duration"),
        ("He retired in the last three years.", "three years", None),
        # how long someone spent somewhere, said before the span
        (
            "Rivers served in the assembly for about eight years.",
            "eight years",
            "time in the assembly",
        ),
        (
            "Lee went without a press conference for 70 days.",
            "70 days",
            "time without a press conference",
        ),
        ("Lee worked on building Acme for another ten years.", "ten years", None),
        ("It has stayed that way for 20 years.", "20 years", None),
        # a change given between two dates, then its new level
        ("Sales rose by 9% between May and June, up 300 to 3,600.", "3,600", "sales"),
        # a verb that shares the subject of the clause before
        ("Analysts said rents were too high and could fall by 8%.", "8%", "rents"),
        ("Food inflation is still strong, up 6% on the year.", "6%", "food inflation"),
        ("Prices rose 9% in 2023, but by only 2% in the second half.", "2%", "prices"),
        ("The overall trade deficit rose to $12bn.", "$12bn", "trade deficit"),
        # an age
        ("The 52-year-old joined the board in May.", "52-year-old", "age"),
        ("Members must be aged over 19.", "19", "age"),
        ("Lindqvist, who was 71 when she took office, spoke.", "71", "age"),
        ("He was 12 at the time of the fire.", "12", "age"),
        ("The index was 12 when trading opened.", "12", "index"),
        # an adverb, a comparative or a verb after the figure measures nothing
        ("With the primary three weeks away, Okafor leads.", "three weeks", None),
        ("The two were born five months apart.", "five months", None),
        ("He arrived 15 minutes late to the call.", "15 minutes", None),
        ("I will make the fence 2 feet shorter.", "2 feet", None),
        ("Some 40 percent chose Okafor in the poll.", "40 percent", None),
        ("Just 41% identify with the Acme Party.", "41%", None),
        ("Only 30 percent of members chose Okafor.", "30 percent", "share of members"),
        # ...but a noun can, and after a determiner the word is the figure's noun
        ("Okafor won 12 seats in the vote.", "12", "seats won"),
        ("Voters showed a 20% divide on the issue.", "20%", "divide"),
        # an estimate that puts a name's measure at the figure
        ("Beacon puts Okafor's wealth at $4.5 billion.", "$4.5 billion", "wealth"),
        ("Acme Research lists Mr. Lee's fortune at $6bn.", "$6bn", "fortune"),
        # a compound adjective and a name as modifiers inside the noun phrase
        (
            "The bank will buy $750bn of agency mortgage-backed securities.",
            "$750bn",
            "agency mortgage-backed securities",
        ),
        (
            "The bank will buy $300bn of longer-term Zembla bonds.",
            "$300bn",
            "longer-term Zembla bonds",
        ),
        ("About 12% of self-identified Liberals stayed home.", "12%", None),
        # a span after an amount is no item of the amount's list
        ("Acme expects to save $2bn over the first three years.", "three years", None),
        # a common noun capitalised only where a sentence opens is no name
        ("Gas prices are down $1.50 a gallon since June.", "$1.50", "gas prices"),
        ("Silver rose 15 cents, to $20.07 an ounce.", "15 cents", "silver price"),
        # a verb of a level read back to its measure, past "other than" inside it
        (
            "Overall inflation and inflation for items other than food and energy are "
            "running below 2 percent.",
            "2 percent",
            "inflation",
        ),
        ("Inflation is expected to remain somewhat below 2 percent.", "2 percent", "inflation"),
        # a level said to be little changed, of the measure before it
        (
            "The participation rate was little changed at 62.6 percent.",
            "62.6 percent",
            "participation rate",
        ),
        (
            "The number of persons marginally attached to the labor force was little "
            "changed at 1.3 million.",
            "1.3 million",
            "persons",
        ),
        # past an appositive that holds a relative clause
        (
            "The number of idle miners, a group of the workers who said that no jobs were "
            "open to them, was little changed at 351,000.",
            "351,000",
            "idle miners",
        ),
        # ... but not a name that is the clause's subject, nor a list price
        ("The 25% tariff Zembla imposes hurt exports.", "25%", "tariff"),
        ("Acme listed its shares at $17 on Friday.", "$17", "share price"),
        ("A new survey shows a 62%-32% divide on the issue.", "62%", "divide"),
        ("Exports rather than imports rose 8%.", "8%", "imports"),
        # an amount's worth of something measures that thing
        ("Bankers arranged $2 trillion worth of deals last year.", "$2 trillion", "deals"),
        # a share that backs someone is support
        ("In the poll, 30% back Okafor.", "30%", "support"),
        # after a share, an adjective or participle names the share's answer
        ("Of the rest, 15% were enthusiastic and 24% satisfied.", "24%", "satisfied"),
        ("In the poll 30% were opposed and 10% undecided.", "10%", "undecided"),
        ("Prices rose 0.3%, against 0.2% expected by analysts.", "0.2%", "prices"),
        ("Asked about it, 21 percent said \u201cnot likely\u201d.", "21 percent", None),
        # a verb that leads on to the figure's own verb is no part of the measure
        ("Zembla's coal use appears to have fallen 3%.", "3%", "coal use"),
        ("Acme's sales tend to rise 4% in winter.", "4%", "sales"),
        # an approximator in words is no measure
        ("The fund plans to spend upwards of $10m on ads.", "$10m", "spending"),
        # an indicator's capitals after a rate
        ("Okafor proposed a 10 percent VAT on luxury goods.", "10 percent", "VAT"),
        # a generic head says which amount when a noun qualifies it, not an adjective
        ("Lee's final delegate count was 702.5, the party said.", "702.5",
         "final delegate count"),
        ("The vote total in Dunmore was 5,120.", "5,120", "vote total"),
        ("The annual total was 5,120.", "5,120", None),
        # a goal's word says what kind of amount, not of which measure
        ("Acme's goal total was 5,120.", "5,120", None),
    ],
)  # fmt: skip
def test_metric_of_the_words_around_the_number(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # a pronoun opening the sentence stands for the measure the one before moved
        ("Zembla's jobless rate climbed again in May. It now stands at 6.1%.", "6.1%",
         "jobless rate"),
        ("Acme's sales slumped over the winter. They fell 9% in February.", "9%", "sales"),
        ("The trade deficit widened. It reached $3bn in March.", "$3bn", "trade deficit"),
        # ... not across a paragraph, nor for a duration, the time of an event
        ("The trade deficit widened.\n\nIt reached $3bn in March.", "$3bn", None),
        ("The jobless rate rose. It comes two weeks after the vote.", "two weeks", None),
        # ... nor for a verb of acting: "it" is then the firm
        ("Acme's profit fell last year. It is seeking $2 billion from investors.", "$2 billion",
         None),
    ],
)  # fmt: skip
def test_a_pronoun_stands_for_the_measure_of_the_sentence_before(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # poll language: a candidate's share is support, a result's share the vote share
        ("Jones has 44%, while Smith has 41%.", "44%", "support"),
        ("Jones has 44%, while Smith has 41%.", "41%", "support"),
        ("Smith trails in third with 12 percent.", "12 percent", "support"),
        ("In the poll, 40% of voters support the measure.", "40%", "support"),
        ("She won with backing from 70% of older voters.", "70%", "support"),
        ("Lee received 52 percent of ballots cast.", "52 percent", "share of ballots cast"),
        ("Lee received 52 percent.", "52 percent", "vote share"),
        ("Altogether, Ann and Bo had 17 grandchildren.", "17", "grandchildren"),
        ("The mayor is 52 percent favorable.", "52 percent", "favorable rating"),
        # a gap in points is a lead over, or a margin behind, the other candidate
        ("Lee leads Kim by 6 points.", "6", "lead over Kim"),
        ("Lee finished 2 points behind Kim in the count.", "2", "margin behind Kim"),
        ("Lee trails Kim by 3 percentage points.", "3 percentage points", "margin behind Kim"),
        ("The margin of error is 4 percentage points.", "4 percentage points", "margin of error"),
        # the share a group gave the candidate it backed
        (
            "Democrats favored Lee, 72 percent to 8 percent.",
            "72 percent",
            "support among Democrats",
        ),
        ("Democrats favored Lee, 72 percent to 8 percent.", "8 percent", "support among Democrats"),
        ("Okafor backed Lee, 72 percent to 8 percent.", "72 percent", None),  # a person
        ("Okafor was preferred 51 percent versus 38 percent.", "51 percent", None),
        # a court's sentence, where it is served
        (
            "Okafor was sentenced to more than four years in federal prison.",
            "four years",
            "prison sentence",
        ),
        ("Lee was sentenced to 18 months on Friday.", "18 months", "sentence"),
        ("Lee was sentenced to two years' probation.", "two years", "probation"),
        ("Lee served two years in prison.", "two years", None),
        # an age after "at age", a worth "in excess of" a sum
        ("Rivers, who died Sunday at age 94, was mourned.", "94", "age"),
        ("She says her net worth is in excess of $10 billion.", "$10 billion", "net worth"),
        ("It serves the estimated 55 million viewers.", "55 million", "viewers"),
        # what the people a share stands for answered, in the text's words
        ("Only 7 percent said they are undecided.", "7 percent", "undecided"),
        ("Some 22% said they might change their mind.", "22%", "might change their mind"),
        ("A third of renters agreed with the mayor.", "A third", "agreed with the mayor"),
        ("In all, 13% of the voters asked were unsure.", "13%", "unsure"),
        (
            "The largest share \u2013 55 percent \u2013 named the port.",
            "55 percent",
            "named the port",
        ),
        ("Of those, 30% who backed Lee said they could switch.", "30%", "could switch"),
        (
            "Almost 60% say the levy should be scrapped, while 30% disagree.",
            "60%",
            "say the levy should be scrapped",
        ),
        # a long answer up to its first phrase, never a quotation or a pointer back
        (
            "Some 58% said they were much less likely to vote for the party in November "
            "because of the levy.",
            "58%",
            "much less likely to vote for the party",
        ),
        ('Some 31% said they were "very worried" about rents.', "31%", None),
        ("In May, 61% said the same.", "61%", None),
        # a past participle after a share is no one's answer: the figure is the GDP
        # growth economists expected
        ("GDP grew 0.4%, compared with 0.3% expected by economists.", "0.3%", "GDP"),
        ("Nurses will get the 3% agreed in March.", "3%", None),
        # an answer that backs a candidate is support
        ("Some 8% said they would vote for Okafor.", "8%", "support"),
        # "as opposed to" is no answer
        ("Margins fell to 4% of sales as opposed to 5%.", "4%", "margins"),
    ],
)
def test_metric_in_poll_language(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface.startswith(surface))
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # a second noun counted with the first, never a second count
        ("The firm has 120 staff and contractors.", "staff and contractors"),
        ("The dealer sold five cars and two vans.", "cars sold"),
        # a counted noun with "of": the noun, not the preposition
        ("The firm says 300 of its older patents will lapse.", "older patents"),
        # points and times are units, not measures
        ("They pay five times more than before.", None),
        # an -ing verb before the count names it in its past participle
        ("The pollster is surveying 900 adults this week.", "adults surveyed"),
        ("The club has been leasing three pitches.", "pitches leased"),
        ("The plant currently employs 450 workers.", "workers employed"),
        # irregular and -y verbs take their own participle
        ("The flood is driving 3,000 families from their homes.", "families driven"),
        ("The ferry is carrying 210 passengers tonight.", "passengers carried"),
        ("The crisis is throwing 40,000 people out of work.", "people thrown"),
        ("The plan, including 40 flats, is new.", "flats"),
        # a passive or a participle after the noun says what was done to the things
        ("On Friday, eleven miners were rescued from the shaft.", "miners rescued"),
        ("About 90 flats have been demolished.", "flats demolished"),
        ("Of the 4,210 ballots cast in the ward, half were void.", "ballots cast"),
        # not a forecast word, not the verb of the noun the count sits in, and a past
        # verb with no determiner before the count is the things' own act
        ("Some 400 jobs are expected to go.", "jobs"),
        ("The convoy of 30 trucks was stopped at the border.", "trucks"),
        # a poll's sample is the people it surveyed
        ("The poll of 700 nurses was taken in June.", "nurses surveyed"),
        ("A survey of about 2,000 firms found growth.", "firms surveyed"),
        ("Among the 640 voters polled, the margin is 4 points.", "voters polled"),
        ("Of the 75 witnesses interviewed, 59 were new.", "witnesses interviewed"),
        ("Some 300 residents questioned the plan.", "residents"),
        ("Nine climbers reached the summit.", "climbers"),
        # a count per unit of time, a count behind "an estimated", a count "out of"
        ("The line will carry 9 million passengers a year.", "passengers per year"),
        ("An estimated 3,000 people attended.", "people"),
        ("She expected 3,000 fans to come.", "fans expected"),
        ("In all, 16 out of the 20 titles were sequels.", "titles"),
    ],
)
def test_metric_of_counts(text, metric):
    assert first_numeric(text).metric == metric


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        ("Smith puts his net worth at $4 billion.", "$4 billion", "net worth"),
        ("Officials estimated the death toll at 31 on Friday.", "31", "death toll"),
        ("The bank pegs growth at 1.5 percent this year.", "1.5 percent", "growth"),
        ("Analysts valued the firm at $900 million.", "$900 million", "value"),
    ],
)
def test_an_estimate_names_its_measure_before_at(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2023-04-15") if c.surface == surface]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "second", "metric"),
    [
        ("Only 41 percent of adults approved of the mayor, compared with 47 percent in May.",
         "47 percent", "share of adults"),
        ("Rents rose to $900 a month in Leeds, versus $750 in Hull.", "$750", None),
    ],
)  # fmt: skip
def test_a_figure_compared_with_another_of_its_kind_shares_its_measure(text, second, metric):
    claims = [c for c in extract_claims(text, "2019-06-20") if c.kind == "numeric"]
    first, other = claims[0], next(c for c in claims if c.surface == second)
    assert other.metric == (metric or first.metric)


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        ("Jo Rivers makes up to £90,000 a year from speeches.", "£90,000", "earnings per year"),
        ("The lecture tour netted her £50,000.", "£50,000", "earnings"),
    ],
)
def test_what_a_person_makes_is_earnings(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        ("Globex gave $40,000 to the party's convention.", "$40,000", "contribution"),
        ("Guests at the dinner contributed $1,500 each.", "$1,500", "contribution"),
        ("Most came from donors giving $100 or less.", "$100", "contribution"),
        # a lost amount is a fall in the value, not a metric named "loss"
        ("Acme lost $2bn on the deal.", "$2bn", None),
    ],
)
def test_money_given_is_a_contribution(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        # a baseline after "down/up from" measures what its figure measures
        ("Globex gave $40,000, down sharply from the $90,000 it gave before.", "$90,000",
         "contribution"),
        ("Revenue rose to $5m in 2015, up from $4m a year earlier.", "$4m", "revenue"),
        # "a year earlier" dates a baseline; it is no rate's denominator
        ("Ticket sales rose to £9m, up from £7m a year earlier.", "£7m", "sales"),
        ("The flat costs £900 a month.", "£900", "cost per month"),
    ],
)  # fmt: skip
def test_a_baseline_takes_its_figures_metric(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("sentence", "surface", "subject", "metric"),
    [
        ("Rivers so far has won 758 delegates, compared to Lee’s 538 and Ng’s 145.", "538", "Lee",
         "delegates won"),
        ("Rivers so far has won 758 delegates, compared to Lee’s 538 and Ng’s 145.", "145", "Ng",
         "delegates won"),
        ("Rivers has 61 delegates. Lee has 11 delegates and Ng has 10.", "10", "Ng", "delegates"),
    ],
)  # fmt: skip
def test_a_rivals_bare_number_counts_what_the_first_figure_counts(
    sentence, surface, subject, metric
):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert (claim.subject, claim.metric) == (subject, metric)


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        # what moves in a commodity's or a share's figure is its price
        ("Brent crude fell 3% to $38.50 a barrel.", "3%", "crude price"),
        ("Brent crude fell 3% to $38.50 a barrel.", "$38.50", "crude price per barrel"),
        ("Gold rose 2% to $1,250 an ounce.", "$1,250", "gold price"),
        ("Shares in Globex dropped 5.2% on Monday.", "5.2%", "share price"),
        # an economy's change in percent is its growth
        ("Zembla's economy grew 0.3% in the fourth quarter.", "0.3%", "economic growth"),
        ("The economy shrank by 1.4% last year.", "1.4%", "economic growth"),
        ("The economy is worth $2 trillion.", "$2 trillion", "value"),
        (
            "Zembla's economy contracted by an annualised 0.5% in the quarter.",
            "0.5%",
            "economic growth",
        ),
        # what changes hands for an amount: its price
        ("The firm has sold its main unit for $9.4bn.", "$9.4bn", "price"),
        ("Initech agreed to buy Globex for about $160bn.", "$160bn", "price"),
        ("He paid for the meal with $50.", "$50", None),
        # a rank among figures is not part of the measure
        ("Zembla had the lowest unemployment rate at 4.1%.", "4.1%", "unemployment rate"),
        (
            "Ruritania, with the highest average house price at £262,000, led.",
            "£262,000",
            "average house price",
        ),
        # a name between an amount and its noun is a modifier: the noun is the measure
        ("The fight is over a $2 billion Zemblan relief bill.", "$2 billion", "relief bill"),
        ("The ad is part of a $1 million Ohio buy.", "$1 million", "buy"),
    ],
)
def test_what_moves_in_a_market_or_an_economy(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        # a level someone means to reach is a target, not the measure's value
        ("The board seeks to achieve inflation at the rate of 2 percent over the long run.",
         "2 percent", "inflation target"),
        ("The board is committed to returning inflation to its 2 percent objective.",
         "2 percent", "inflation target"),
        ("The bank aims to keep inflation at 2% over the medium term.", "2%", "inflation target"),
        ("Inflation rose to 8.6% in May.", "8.6%", "inflation"),
        ("Voters want to keep the party in power after two terms.", "two", "terms"),
    ],
)  # fmt: skip
def test_a_level_aimed_at_is_a_target(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2022-06-15") if c.surface == surface]
    assert claim.metric == metric
    assert claim.period is None or metric == "inflation"  # a target is no monthly release


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # a pronoun's past result is a share of the vote
        ("Okafor lost. He won just 31 percent among retirees.", "vote share"),
        ("They took 12% in the runoff.", "vote share"),
        # a pronoun's share of something other than a vote
        ("They won a 5% pay rise.", None),
        ("He took 3% off the price.", None),
        # a present "receives" in a poll's report is no result
        ("In the Beacon poll, she receives 8 percent in Westmarch.", None),
    ],
)
def test_a_pronouns_share_after_a_vote_verb(sentence, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.kind == "numeric"]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        # a share of a group by its trait: age, race, sex
        ("In March, 74 percent of voters were 45 or older.", "74 percent", "share 45 or older"),
        ("Seventy-eight percent were white, while 16 percent were Latino.", "16 percent",
         "share Latino"),
        ("Some 55% of the crowd were women.", "55%", "share women"),
        # a verb that says nothing of the count leaves the counted noun alone
        ("Okafor got nearly 4.2 million votes.", "4.2 million", "votes"),
        ("Okafor will need at least 3 million votes to win.", "3 million", "votes needed"),
        # a verb that reports the count counts the noun alone; one that acts on it stays
        ("Police reported at least 14 injuries at the depot.", "14", "injuries"),
        ("At least 14 injuries were reported at the depot.", "14", "injuries"),
        ("The memo indicated 23 guards would be needed.", "23", "guards"),
        ("Dunmore Motors sold 4,100 vans in May.", "4,100", "vans sold"),
        ("Six protesters were arrested at the depot.", "Six", "protesters arrested"),
        # a promise or an act of listing is no report of a count
        ("Acme announced 300 new jobs.", "300", "new jobs announced"),
        ("Westmarch Bank listed 40 million shares.", "40 million", "shares listed"),
        # a trait that is no share's stays out
        ("Some 55% of the crowd were happy.", "55%", "share of crowd"),
        ("Mortgage rates of 7% are over 2 points higher than in May.", "7%", "rates"),
        ("About 30% of the sales were men's shoes.", "30%", "share of sales"),
        ("Some 20% were 18 to 29.", "20%", "share 18 to 29"),
    ],
)  # fmt: skip
def test_a_shares_trait_and_light_verbs(sentence, surface, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.surface == surface]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # a candidate up or ahead by a margin in a poll's finding
        ("Polls show Okafor up by 10 points in Westmarch.", "lead"),
        ("A new poll has Lee ahead by 4 points.", "lead"),
        # a price up by points is no lead
        ("The Zembla index was up by 50 points.", "index"),
    ],
)
def test_up_by_a_margin_in_a_poll_is_a_lead(sentence, metric):
    (claim,) = [c for c in extract_claims(sentence, "2016-05-24") if c.kind == "numeric"]
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "metric", "value"),
    [
        # an indicator written in capitals is the measure
        ("Zembla's GDP grew 3% in 2021.", "3%", "GDP", 3.0),
        ("Real GDP shrank by 1.2% last year.", "1.2%", "real GDP", -1.2),
        ("Core CPI rose 0.2% in May.", "0.2%", "core CPI", 0.2),
        ("Zembla reported a 2% fall in its GDP.", "2%", "GDP", -2.0),
        # "with X at N": the level X stands at, the second joined by "and"
        ("Zembla's economy held up, with joblessness at 4.2% and inflation at 1.8%.", "4.2%",
         "jobless rate", 4.2),
        ("Zembla's economy held up, with joblessness at 4.2% and inflation at 1.8%.", "1.8%",
         "inflation", 1.8),
        ("Acme ended with the jobless rate at about 5%.", "5%", "jobless rate", 5.0),
        ("Okafor finished with Lee at 40%.", "40%", None, 40.0),
        # a time between a verb and its "by" changes neither the measure nor the fall
        ("Zembla plans to cut its deficit next year by over $40 billion.", "$40 billion",
         "deficit", -4e10),
        ("Acme cut its debt last year by $2bn.", "$2bn", "debt", -2e9),
    ],
)  # fmt: skip
def test_metric_of_economic_indicators_and_levels(text, surface, metric, value):
    claim = next(c for c in extract_claims(text, "2022-07-28") if c.surface == surface)
    assert (claim.metric, claim.value) == (metric, value)


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # a clause right after the counted noun says which things are counted
        ("Some 40,000 people living in poverty were helped.", "40,000",
         "people living in poverty"),
        ("Officials sold the four mills that closed last year.", "four", "mills that closed"),
        ("There are 30 compatible handsets available from major makers.", "30",
         "compatible handsets available"),
        ("The plan met its goal of 9,000 adults in Zembla gaining basic skills by May.",
         "9,000", "adults gaining basic skills"),
        ("The 4,000 closures stemming from fraud were noted.", "4,000",
         "closures stemming from fraud"),
        # a phrase that goes on past the verb's own is no clean end
        ("That's 4,000 jobs giving families a living wage in Zembla.", "4,000", "jobs"),
        ("Acme offered jobs to 300 people living nearby.", "300", "people living nearby"),
        # not reported words, another figure, a verb of change, or a count's own verb
        ("Police logged 300 calls saying shots were heard.", "300", "calls logged"),
        ("It needs 40 firms representing 60 percent of sales.", "40", "firms"),
        # the clause ends where the sentence's own verb begins, or at a phrase of place
        ("About 40,000 people living in poverty received help.", "40,000",
         "people living in poverty"),
        ("About 70 mills that closed paid no redundancy money.", "70", "mills that closed"),
        ("Some 200 schools needing repairs get funds this year.", "200",
         "schools needing repairs"),
        ("About 40,000 people living in poverty in Zembla were helped.", "40,000",
         "people living in poverty"),
        # a comparison has no clean end to the clause
        ("There are 200 patients waiting more than a year for surgery.", "200", "patients"),
        ("Some 300 jobs rising each year were noted.", "300", "jobs"),
        ("Nearly 5,000 nurses marched in January.", "5,000", "nurses"),
        ("Acme hired 300 staff working in Leeds.", "300", "staff hired"),
    ],
)  # fmt: skip
def test_a_clause_after_the_counted_noun_says_which_are_counted(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2022-07-28") if c.surface == surface)
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # a participle with a time after the counted noun says what was done to them
        ("Westmarch closed the year with 8,000 homes built in the first half.", "8,000",
         "homes built"),
        ("Zembla has 40,000 jobs created since May.", "40,000", "jobs created"),
        ("Zembla had some 2,000 homes sold so far this year.", "2,000", "homes sold"),
        # or with a country or region after it
        ("The year could see 40bn parcels sent in France.", "40bn", "parcels sent"),
        ("Acme saw 40 staff hired in Beacon Hall.", "40", "staff"),  # no place, no verb
        ("The year saw 300 closures.", "300", "closures"),
        # a measure of stuff after a verb that did something to it
        ("Acme rented 9,000 feet of office space in May.", "9,000 feet", "office space rented"),
        ("Zembla imported 2 million barrels of oil in May.", "2 million barrels",
         "oil imported"),
        ("Zembla has 2 million barrels of oil in store.", "2 million barrels", "oil"),
        # with no time after it, or a count opening its clause, a past verb is the
        # figure's own act
        ("Five questioners ranged from students to nurses.", "Five", "questioners"),
        ("Nearly 5,000 nurses marched in January.", "5,000", "nurses"),
    ],
)  # fmt: skip
def test_a_participle_with_a_time_names_what_was_done_to_the_counted(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2022-07-28") if c.surface == surface)
    assert claim.metric == metric


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun and its verb are never a measure
        "Joblessness is the lowest it’s been in more than 40 years: 4.1%.",
        "But that's down 13 points from her first-quarter average.",
    ],
)
def test_a_pronouns_contraction_is_no_metric(text):
    metrics = {c.metric for c in extract_claims(text, "2022-08-05") if c.kind == "numeric"}
    assert not any(m and ("’s" in m or "'s" in m) for m in metrics)


@pytest.mark.parametrize(
    ("text", "surface", "metric"),
    [
        # where a figure stands against others is no measure
        ("Turnout hit a record 72% in Dunmore.", "72%", "turnout"),
        ("Inflation is close to the lowest it has been in 30 years.", "30 years",
         "inflation"),
        # a verb of motion is no measure
        ("Monthly hiring gains have come down from over 9,000 a month.", "9,000", None),
        # the share of a group is a proportion of it, not a share price
        ("The share of retired miners in Zembla rose to 40%.", "40%",
         "share of retired miners"),
        ("Acme's share fell 3%.", "3%", "share price"),
    ],
)  # fmt: skip
def test_standing_words_and_verbs_are_no_metric(text, surface, metric):
    claim = next(c for c in extract_claims(text, "2023-02-14") if c.surface == surface)
    assert claim.metric == metric


def test_todays_data_name_no_publisher():
    text = "Today’s data confirm that Zembla's exports have risen for nine months."
    assert [c.speaker for c in extract_claims(text, "2023-02-14")] == [None]


@pytest.mark.parametrize(
    ("text", "surface", "metric", "approx"),
    [
        # "N of the past M things": the things, not the span's word
        ("Okafor has won four of the past five contests.", "four", "contests won", None),
        ("The index called the winner in three of the past four elections.", "three",
         "elections", None),
        # "north of" is an approximator, no measure
        ("Acme's sales are north of $5m.", "$5m", "sales", "north of"),
        # a round figure's "mark" says nothing of what is measured
        ("Cases in Dunmore passed the 900 mark.", "900", None, None),
    ],
)  # fmt: skip
def test_spans_approximators_and_marks_are_no_metric(text, surface, metric, approx):
    claim = next(c for c in extract_claims(text, "2016-08-01") if c.surface == surface)
    assert (claim.metric, claim.approx) == (metric, approx)


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric", "speaker"),
    [
        # a candidate backed by, polled, or standing at a share in a poll the sentence cites
        ("Jo Okafor spoke. Okafor was backed by 44 percent of likely voters.", "44 percent",
         "Jo Okafor", "support", None),
        ("Jo Okafor spoke. Okafor polled just 12 percent in the Zembla caucus.", "12 percent",
         "Jo Okafor", "support", None),
        ("Jo Okafor spoke. Okafor is at 9 percent nationally, according to a Beacon survey.",
         "9 percent", "Jo Okafor", "support", "Beacon"),
        # a pollster still polls people; a rating is no support
        ("Beacon Research polled 1,000 voters last week.", "1,000", "Beacon Research poll",
         "voters polled", "Beacon Research"),
        ("Jo Okafor spoke. Okafor is viewed favorably by 50 percent, according to a Beacon "
         "poll.", "50 percent", "Jo Okafor", None, "Beacon"),
    ],
)  # fmt: skip
def test_a_candidates_share_in_a_poll_is_support(text, surface, subject, metric, speaker):
    claim = next(c for c in extract_claims(text, "2023-04-15") if c.surface == surface)
    assert (claim.subject, claim.metric, claim.speaker) == (subject, metric, speaker)


@pytest.mark.parametrize(
    ("text", "surface", "subject", "metric", "speaker"),
    [
        # a forecaster moving its outlook to a new level: what is forecast, of whom, by whom
        ("The IMF raised its 2024 growth forecast for Zembla to 2.9%.", "2.9%", "Zembla",
         "growth forecast", "IMF"),
        ("Beacon Bank has lowered its forecast for Zembla's inflation to 3.5%.", "3.5%",
         "Zembla", "inflation forecast", "Beacon Bank"),
        ("Acme cut its profit estimates to $2bn.", "$2bn", "Acme", "profit estimate", "Acme"),
    ],
)  # fmt: skip
def test_a_revised_forecast_is_the_forecasters_figure(text, surface, subject, metric, speaker):
    claim = next(c for c in extract_claims(text, "2024-03-05") if c.surface == surface)
    assert (claim.subject, claim.metric, claim.speaker) == (subject, metric, speaker)


def test_a_forecast_that_is_no_revision_keeps_its_reading():
    # "forecast" as a verb: what it forecasts is the measure, the forecaster its subject
    text = "Beacon Bank forecast growth of 2% in 2025."
    claim = next(c for c in extract_claims(text, "2024-03-05") if c.surface == "2%")
    assert (claim.subject, claim.metric) == ("Beacon Bank", "growth")


# ---------------------------------------------------------------- quick tests before patterns


def test_a_case_blind_quick_test_rules_out_only_text_without_its_words():
    assert may_hold_any("Sales have RISEN SINCE 2019.", ("since",))
    assert not may_hold_any("Sales have risen 40% in 2019.", ("since",))
    assert not may_hold_any("Lee said Acme earned $5m", ("said",), 9, 24)  # outside the window
    assert may_hold_any("Lee said Acme earned $5m", ("said",), 0, 9)


def test_text_a_case_blind_pattern_reads_differently_from_lower_is_never_ruled_out():
    # "ſ" is an "s" to a case-blind pattern, but lower() keeps it
    assert may_hold_any("Exports rose 12%, Lee ſaid.", ("said",))
    assert polled_group("A ſurvey of likely Zemblan voters found 40% back Okafor.") == (
        "likely Zemblan voters"
    )


_STEM_TEXT = st.lists(
    st.sampled_from(
        ["the", "The", "poll", "Polls", "survey", "Survey", "surveyed", "at", "to", "ab", "c"]
        + [" ", "  ", "\n", ".", "'", "ſ", "x"]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_STEM_TEXT)
def test_matches_from_stems_are_the_matches_of_a_full_scan(text):
    """A pattern tried only where its stems stand finds what finditer finds, also where
    a match runs over the next stem."""
    for pattern, stems in (
        (periods._POLL_RE, periods._POLL_STEMS),
        (coref._THE_BEFORE_WORD_RE, ("the", "The")),
        (re.compile(r"ab(?: ?ab)*c?"), ("ab",)),
    ):
        found = [m.span() for m in matches_from_stems(pattern, stems, text)]
        assert found == [m.span() for m in pattern.finditer(text)]
