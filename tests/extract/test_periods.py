"""Periods: explicit and relative time expressions resolved to YYYY[-QN|-MM[-DD]]."""

from __future__ import annotations

import random
from datetime import date

import pytest

from claims.extract import extract_claims, periods
from claims.extract.periods import find_periods, last_year_named, nearest_period

PUB = date(2023, 4, 15)


def periods_of(text: str, published: date | None = PUB, context_year: int | None = None):
    return [(text[m.start : m.end], m.period) for m in find_periods(text, published, context_year)]


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        ("Output fell in 2020.", "2020", "2020"),
        ("Growth slowed in the first quarter of 2021.", "first quarter of 2021", "2021-Q1"),
        ("Growth slowed in Q3 2021.", "Q3 2021", "2021-Q3"),
        ("Growth slowed in 2021 Q3.", "2021 Q3", "2021-Q3"),
        ("Exports rose in March 2023.", "March 2023", "2023-03"),
        ("Exports rose in March of 2022.", "March of 2022", "2022-03"),
        ("The deal closed on January 6, 2021.", "January 6, 2021", "2021-01-06"),
        ("The deal closed on 6 January 2021.", "6 January 2021", "2021-01-06"),
        ("The deal closed on 2021-01-06.", "2021-01-06", "2021-01-06"),
        ("The budget for 2012-13 passed.", "2012-13", "2012"),
        ("Spending in FY2021 rose.", "FY2021", "2021"),
        ("Spending in fiscal 2019 rose.", "fiscal 2019", "2019"),
        ("Sales rose in the last three months of 2004.", "last three months of 2004", "2004-Q4"),
        ("Sales rose in the first half of 2005.", "first half of 2005", "2005"),
        ("Sales rose last year.", "last year", "2022"),
        ("Sales rose this year.", "this year", "2023"),
        ("Sales will rise next year.", "next year", "2024"),
        ("Sales rose last month.", "last month", "2023-03"),
        ("Sales rose this month.", "this month", "2023-04"),
        ("Sales rose last quarter.", "last quarter", "2023-Q1"),
        ("Sales rose in March.", "in March", "2023-03"),
        ("Sales rose in June.", "in June", "2022-06"),
        ("Sales rose in the first quarter.", "first quarter", "2023-Q1"),
        ("Sales rose in the third quarter.", "third quarter", "2022-Q3"),
        ("The plant opened on 1 July.", "1 July", "2022-07-01"),
        ("The plant opened on April 2.", "April 2", "2023-04-02"),
        ("Sales fell in the three months to September.", "three months to September", "2022-Q3"),
        ("Prices rose in the 12 months to March.", "12 months to March", "2023-03"),
        ("Prices rose in the year to March 2021.", "year to March 2021", "2021-03"),
        ("Sales fell in the three months to May.", "three months to May", "2022-05"),
    ],
)
def test_resolved_mentions(text, mention, period):
    assert periods_of(text) == [(mention, period)]


def test_relative_mentions_need_a_publication_date():
    assert periods_of("Sales rose last year.", published=None) == [("last year", None)]


def test_yearless_mention_takes_a_year_written_before_it_in_the_sentence():
    found = periods_of("In 2004 growth hit 3% in the fourth quarter.", published=None)
    assert found == [("2004", "2004"), ("fourth quarter", "2004-Q4")]


def test_yearless_mention_falls_back_to_the_article_context_without_a_date():
    assert periods_of("Growth hit 3% in the fourth quarter.", None, 2004) == [
        ("fourth quarter", "2004-Q4")
    ]


def test_publication_date_wins_over_the_article_context():
    assert periods_of("Growth hit 3% in the fourth quarter.", PUB, 2004) == [
        ("fourth quarter", "2022-Q4")
    ]


def test_possessive_last_years_is_not_a_period():
    assert periods_of("It beat last year's figures.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Builders finished 2000 houses.",
        "It cost $2015 to fix.",
        "Covid-19 spread.",
        "It rose 2020%.",
    ],
)
def test_numbers_that_are_not_years(text):
    assert periods_of(text) == []


def test_nearest_period_prefers_the_closest_mention():
    s = "Sales rose 5% in 2004 but fell 2% in 2005."
    mentions = find_periods(s, None)
    first, second = s.index("5%"), s.index("2%")
    assert nearest_period(first, first + 2, mentions) == "2004"
    assert nearest_period(second, second + 2, mentions) == "2005"


def test_each_item_of_a_list_takes_the_time_written_after_it():
    # published Tuesday 15 June 2021
    assert _periods("Sales were $5m in 2014, $6m in 2015 and $7m in 2016.") == {
        "$5m": "2014", "$6m": "2015", "$7m": "2016",
    }  # fmt: skip
    text = "Lee won 83% in Zembla last month, 74% in Westmarch last week and 71% on Tuesday."
    assert _periods(text) == {"83%": "2021-05", "74%": "2021-06", "71%": "2021-06-15"}
    # a time before the figure still governs one with none of its own after it
    assert _periods("In 2014, sales were $5m at Acme and $6m at Globex.") == {
        "$5m": "2014", "$6m": "2014",
    }  # fmt: skip


def test_nearest_period_ignores_far_mentions():
    s = "In 2016 the party met; " + "x" * 120 + " it spans seven decades."
    start = s.index("seven")
    assert nearest_period(start, start + 13, find_periods(s, None)) is None


def test_last_year_named():
    assert last_year_named(find_periods("From 2001 to 2003 it grew.", None)) == 2003
    assert last_year_named(find_periods("It grew last year.", PUB)) is None


def test_claims_get_periods_from_their_sentence():
    text = "Exports fell 7% in March 2023. The firm cut 900 jobs."
    claims = extract_claims(text, "2023-04-15")
    assert [(c.surface, c.period) for c in claims] == [("7%", "2023-03"), ("900", None)]


def test_article_context_year_carries_to_a_later_quarter():
    text = "Sales rose in 2004. Profits were up 0.8% in the fourth quarter."
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == [("0.8%", "2004-Q4")]


def test_a_year_after_since_is_a_baseline_not_the_period():
    text = "Turnout was 59.7%, the lowest since 1918."
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == [("59.7%", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout was up about 14 percentage points from 2011.",
         [("14 percentage points", None)]),
        ("Ticket sales fell 12% compared with 2019.", [("12%", None)]),
        ("Ticket sales rose 12% in 2020 from 2019.", [("12%", "2020")]),
        # a record's year, in its participle, is the record's alone
        ("It was about 47%, just 6 percentage points shy of the 53% record set in 1998.",
         [("47%", None), ("6 percentage points", None), ("53%", "1998")]),
        # a year the figures come from is theirs
        ("Figures from 2012 show 5% of homes were empty.", [("5%", "2012")]),
    ],
)  # fmt: skip
def test_the_year_a_change_is_measured_from_is_not_its_period(text, expected):
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == expected


def test_a_period_in_another_clause_does_not_govern():
    text = "The vaccine is 95% effective, and deaths fell by 1,300 in March 2023."
    claims = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.period) for c in claims] == [("95%", None), ("1,300", "2023-03")]


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # "today"/"yesterday" as the time of the figure resolve against publication
        ("The council decided today to raise the levy to 4 percent.", "4 percent", "2023-04-15"),
        ("Shares in Glasbury fell 6% yesterday.", "6%", "2023-04-14"),
        ("Today the lender cut its rate to 3.9%.", "3.9%", "2023-04-15"),
        # ... but not as the day of a report, nor inside a name
        ("The agency said today that 40 homes were lost.", "40", None),
        ("Today's report shows 55% support.", "55%", None),
        ("A Freedonia Today study found 48% support.", "48%", None),
        # a period carries into a clause joined by ", and" that has no time of its own
        ("Output rose 2% in March, and the jobless rate held at 4.1%.", "4.1%", "2023-03"),
        ("It cost $3m in 2019, and it is now worth $5m.", "$5m", "2023-04-15"),
        # ... and into a "while" clause telling of the same past event, not one that
        # changes tense
        ("Sales rose 3% in 2021, while costs fell 2%.", "2%", "2021"),
        ("Sales rose 3% in 2021, while costs have fallen 2%.", "2%", None),
        ("Deaths fell 4%, and cases rose in March.", "4%", None),
    ],
)
def test_day_words_and_coordinated_clauses(text, surface, period):
    claim = next(c for c in extract_claims(text, PUB) if c.surface == surface)
    assert claim.period == period


# --- the period a figure takes from its sentence's and article's context ---------


def numeric_periods(text: str, published: date | None = PUB) -> list[tuple[str, str | None]]:
    return [(c.surface, c.period) for c in extract_claims(text, published) if c.kind == "numeric"]


@pytest.mark.parametrize(
    ("text", "mention", "period"),
    [
        # a sentence may open with the expression, capitalised
        ("Last year, output grew.", "Last year", "2022"),
        ("In July, output grew.", "In July", "2022-07"),
        ("This month, output grew.", "This month", "2023-04"),
        # the first months of a year: that year
        (
            "Output grew in the first nine months of the year.",
            "first nine months of the year",
            "2023",
        ),
        ("Output grew in the first five months.", "first five months", "2023"),
        # a weekday: the latest such day on or before publication (a Saturday here)
        ("Shares fell on Tuesday.", "Tuesday", "2023-04-11"),
        ("Shares fell on Saturday.", "Saturday", "2023-04-15"),
        # a week of a month, and a range of days of one month: that month
        ("Polls taken in the second week of March agreed.", "second week of March", "2023-03"),
        ("The survey ran Feb. 2-9 this year.", "Feb. 2-9", "2023-02"),
    ],
)
def test_more_resolved_mentions(text, mention, period):
    assert (mention, period) in periods_of(text)


@pytest.mark.parametrize(
    ("published", "period"),
    [
        (date(2016, 2, 29), "2016-02"),  # a Monday: the weekend before
        (date(2016, 3, 3), "2016-02"),  # a Thursday: still that weekend
        (date(2016, 4, 3), "2016-04"),  # a Sunday: its own weekend
    ],
)
def test_a_weekend_past_is_the_month_it_fell_in(published, period):
    for text in ("Over the weekend, Lee won 40 votes.", "Lee won 40 votes last weekend."):
        mentions = [p for _, p in periods_of(text, published)]
        assert mentions == [period], text
    # a weekend to come is no period of the past
    assert periods_of("Lee will march this weekend.", date(2016, 2, 29)) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # published on a Saturday
        ("The party meets next Wednesday to pick 27 delegates.", "2016-04-13"),
        ("The vote is next Saturday.", "2016-04-16"),
        ("The party met last Saturday.", "2016-04-02"),
        ("The party met on Wednesday.", "2016-04-06"),
    ],
)
def test_next_and_last_weekdays(text, period):
    assert [p for _, p in periods_of(text, published=date(2016, 4, 9))] == [period]


def test_a_future_before_the_last_report_is_not_the_times():
    text = (
        "A poll found 70 percent said they would vote for Okafor, down from 76 percent "
        "who said so in April."
    )
    assert _periods(text)["76 percent"] == "2021-04"


def test_weekday_needs_a_publication_date_and_is_no_possessive():
    assert periods_of("Shares fell on Tuesday.", published=None) == [("Tuesday", None)]
    # a day's release or announcement is about an earlier time or none (an event told
    # of as past dates its figures: test_a_past_event_named_by_its_day)
    assert periods_of("Tuesday's announcement drew 4,000 replies.") == []
    assert periods_of("Friday night's jobs report showed 4,000 more jobs.") == []


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a baseline's period is not the figure's: the governing one further off is
        ("Approval of the mayor has risen 7% since August.", "7%", None),
        (
            "Exports fell in February compared with the same month last year, dropping 2.5%.",
            "2.5%",
            "2023-02",
        ),
        (
            "Turnover rose 4.2% in the first six months of the year, compared with "
            "the same period of 2019.",
            "4.2%",
            "2023",
        ),
        # where a running total starts is no period of the total; a value said at that
        # time is that time's
        ("The panel has held 75 hearings since its creation in May 2019.", "75", None),
        ("Lee has given $400,000 to charities since retiring in 2012.", "$400,000", None),
        ("Takings have slid since peaking in 2006 at $5.2 billion.", "$5.2 billion", "2006"),
        ("Takings slid to $3 billion since peaking in 2006 at $5.2 billion.", "$3 billion", None),
        ("Acme's shares rose to $40, the highest since 2014 at $45.", "$40", None),
        # the day of a report does not date the figure
        ("A report released on Monday said 300 shops closed.", "300", None),
        # a weekday as the figure's time
        ("Shares in Norvale fell 3% on Thursday.", "3%", "2023-04-13"),
        # a range of fieldwork days dates its figures by month
        ("Pollsters interviewed 1,250 adults March 2-6.", "1,250", "2023-03"),
    ],
)
def test_baselines_weekdays_and_day_ranges(text, surface, period):
    assert (surface, period) in numeric_periods(text)


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # an opening adverbial sets the time of the whole sentence, however far, across
        # clauses
        (
            "In June, the company's three plants in the northern region together shipped "
            "more than any year before, and the plant by the coast added 410 workers.",
            "410",
            "2022-06",
        ),
        (
            "From 2008 to 2015, road deaths fell 30%, while cycling injuries rose 12%.",
            "12%",
            "2015",  # a span of years: as it stood at its end
        ),
        ("Last year alone, donors gave $4m; the year before they had given $2m.", "$2m", "2022"),
        # not when the opening phrase is more than a time
        (
            "In the town where the plant opened in 2012, residents, workers from the nearby "
            "farms and their many families and friends from across the whole valley, about "
            "2,000 people, protested.",
            "2,000",
            None,
        ),
        # a list after a colon takes the period of its head clause
        (
            "Sales rose in 2021 at four stores: Alder by 12%; Birch by 9%; Cedar by 4%; "
            "and the smallest, Dunmore, by a mere 1.5% on the last day of trading.",
            "1.5%",
            "2021",
        ),
        # ... unless an item has a period of its own
        ("Sales rose in 2021 at two stores: Alder by 12%; Birch by 9% in 2020.", "9%", "2020"),
    ],
)
def test_sentence_frames_and_list_heads(text, surface, period):
    assert (surface, period) in numeric_periods(text)


def test_a_period_does_not_carry_to_the_next_sentence():
    text = "Revenue rose 8% in 2021.\n\nThe firm employs 340 people."
    assert numeric_periods(text) == [("8%", "2021"), ("340", None)]
    text = "Revenue rose 8% in 2021. The firm employs 340 people."
    assert numeric_periods(text) == [("8%", "2021"), ("340", None)]


POLL_ARTICLE = (
    "Poll shows mayor ahead in Westbrook.\n\n"
    "Mayor Dana Kell leads her challenger by 9 percentage points among likely voters.\n\n"
    "Kell has 51% and Ruiz 42%, while 7% are undecided.\n\n"
    "The firm surveyed 812 likely voters from May 28 through June 3."
)


def test_a_poll_article_dates_its_figures_by_the_fieldwork():
    got = numeric_periods(POLL_ARTICLE, date(2023, 6, 6))
    assert got == [
        ("9 percentage points", "2023-06"),
        ("51%", "2023-06"),
        ("42%", "2023-06"),
        ("7%", "2023-06"),
        ("812", "2023-06"),
    ]


def test_a_poll_article_dates_shares_and_samples_not_counts_or_amounts():
    text = (
        "New Beacon poll: Kell leads Ruiz.\n\n"
        "Kell has 51% and Ruiz 42%. Kell led each of the last 10 polls. "
        "Four candidates remain, and Ruiz has raised $2 million.\n\n"
        "The poll surveyed 812 likely voters."
    )
    got = dict(numeric_periods(text, date(2023, 6, 6)))
    assert got["51%"] == got["42%"] == got["812"] == "2023-06"
    assert got["10"] is None and got["Four"] is None and got["$2 million"] is None


def test_a_poll_without_fieldwork_dates_is_dated_by_publication():
    text = POLL_ARTICLE.rsplit("\n\n", 1)[0]
    assert {p for _, p in numeric_periods(text, date(2023, 6, 6))} == {"2023-06"}
    assert {p for _, p in numeric_periods(text, None)} == {None}


def test_a_poll_named_in_a_paragraph_dates_only_that_paragraph():
    text = (
        "The council met on the budget.\n\n"
        "Residents back the plan by 58% to 31%, a city survey found.\n\n"
        "The plan would cost 12 jobs."
    )
    assert numeric_periods(text, date(2023, 6, 6)) == [
        ("58%", "2023-06"),
        ("31%", "2023-06"),
        ("12", None),
    ]


def test_a_day_in_a_relative_clause_about_a_name_is_not_the_fieldwork():
    text = "Kell, who was nominated on April 25, leads Ruiz 46% to 39% in a new Acme poll."
    assert numeric_periods(text, date(2023, 6, 6)) == [("46%", "2023-06"), ("39%", "2023-06")]
    # a relative clause about the poll itself dates its fieldwork
    text = "A new Acme poll, which was taken on April 25, finds Kell at 46%.\n\nRuiz has 39%."
    assert numeric_periods(text, date(2023, 6, 6)) == [("46%", "2023-04"), ("39%", "2023-04")]


def test_a_day_to_come_named_with_the_poll_is_not_its_fieldwork():
    # a poll is reported after it was taken: a later day is the vote it looks ahead to
    text = (
        "New poll: Kell leads Ruiz.\n\n"
        "Kell has 51% and Ruiz 42% among likely voters.\n\n"
        "The survey comes as both campaign hard before the June 14 runoff."
    )
    assert numeric_periods(text, date(2023, 5, 30)) == [("51%", "2023-05"), ("42%", "2023-05")]
    # a day before publication is the fieldwork's
    text = text.replace("comes as both campaign hard before the June 14 runoff", "ended April 28")
    assert numeric_periods(text, date(2023, 5, 30)) == [("51%", "2023-04"), ("42%", "2023-04")]


MARKET_REPORT = (
    "Zemblan shares slide\n\n"
    "Zemblan shares fell on Friday as traders fretted over rising stockpiles.\n\n"
    "The Westmarch index slipped 24 points, or 0.1 percent, to 18,432.\n\n"
    "The euro rose to $1.12 from $1.11.\n\n"
    "For the week, the index lost 4.3 percent.\n\n"
    "Acme employs 3,000 people."
)


def test_a_market_reports_moves_are_of_the_trading_day_its_opening_names():
    got = dict(numeric_periods(MARKET_REPORT, date(2016, 7, 30)))
    assert got["24"] == got["0.1 percent"] == got["18,432"] == got["$1.12"] == "2016-07-29"
    assert got["$1.11"] is None  # the level it moved from is the day before's
    assert got["4.3 percent"] is None  # a week's move
    assert got["3,000"] is None  # no price moves


def test_a_day_that_opens_no_market_move_dates_no_later_figure():
    text = MARKET_REPORT.replace("Zemblan shares fell on Friday", "Okafor spoke on Friday")
    text = text.replace("Zemblan shares slide", "Okafor speaks")
    assert dict(numeric_periods(text, date(2016, 7, 30)))["24"] is None


def test_a_figure_so_far_or_to_date_stands_on_the_day_of_publication():
    text = "Okafor has spent $45 million to date. Lee has won 100 delegates so far. Lee won 9."
    got = dict(numeric_periods(text, date(2016, 5, 17)))
    assert got["$45 million"] == got["100"] == "2016-05-17"
    assert got["9"] is None


def test_an_earlier_poll_month_is_not_the_fieldwork():
    # a month alone in a poll sentence is an earlier poll's time, not this one's
    text = (
        "New poll: Kell leads.\n\n"
        "Kell's lead of 9 points is unchanged from the survey in February.\n\n"
        "She has 51%."
    )
    assert numeric_periods(text, date(2023, 6, 6))[-1] == ("51%", "2023-06")


def test_a_forecast_year_does_not_become_the_articles_context():
    text = (
        "Output grew 3% in 2019. Analysts expect a fall in 2021. "
        "In the fourth quarter it rose 1.2%."
    )
    assert numeric_periods(text, None)[-1] == ("1.2%", "2019-Q4")


def test_a_baseline_year_does_not_become_the_articles_context():
    text = "Sales hit a level last seen in 1998. In the fourth quarter they rose 1.2%."
    assert numeric_periods(text, None) == [("1.2%", None)]


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a period inside an aside between dashes does not reach out of it
        (
            "Ms Ode - who first won the seat in 2010 - wants the limit set at 17.",
            "17",
            None,
        ),
        # one outside it reaches in
        ("The 2019 vote - the first in 12 years - drew crowds.", "12 years", "2019"),
    ],
)
def test_asides_between_dashes(text, surface, period):
    assert (surface, period) in numeric_periods(text)


def test_a_hedged_sentence_names_no_context_year():
    text = (
        "Analysts said the market may be slowing after strong growth to 2019. "
        "In the fourth quarter it rose 1.2%."
    )
    assert numeric_periods(text, None)[-1] == ("1.2%", None)


def test_polling_stations_name_no_poll():
    text = "Polling stations opened at dawn.\n\nTurnout reached 64%."
    assert numeric_periods(text, date(2023, 6, 6)) == [("64%", None)]


def test_a_day_just_ahead_of_publication_is_this_years():
    # published 2023-04-15: a named day within a month ahead is upcoming, later is past
    assert periods_of("Voters go out on April 30.") == [("April 30", "2023-04-30")]
    assert periods_of("Voters went out on 10 May.") == [("10 May", "2023-05-10")]
    assert periods_of("Voters went out on July 4.") == [("July 4", "2022-07-04")]
    assert periods_of("Sales rose in May.") == [("in May", "2022-05")]  # a month alone


def test_fieldwork_over_two_months_dates_a_poll_by_its_last_month():
    text = (
        "A new poll of 900 adults, taken from March 27-April 2, puts Smith ahead.\n\n"
        "Smith has 44 percent."
    )
    assert numeric_periods(text, date(2023, 4, 5))[-1] == ("44 percent", "2023-04")


def test_voters_heading_to_the_polls_name_no_poll():
    text = (
        "Voters head to the polls on May 2 in the state's primary.\n\n"
        "Candidates have spent $3 million on advertising."
    )
    assert numeric_periods(text, date(2023, 4, 20)) == [("$3 million", None)]


@pytest.mark.parametrize(
    ("text", "forward"),
    [
        ("In May, sales rose 5% in 2009.", False),
        ("Will Smith said sales rose in 2009.", False),
        ("Sales may rise in 2031.", True),
    ],
)
def test_a_month_or_a_name_is_no_modal_verb(text, forward):
    (year,) = [m for m in find_periods(text, PUB) if m.kind == "year"]
    assert year.forward is forward


def test_a_us_date_opening_a_sentence_frames_all_its_figures():
    got = numeric_periods("On March 3, 2016, sales rose 5% and costs fell 2 percent.", PUB)
    assert got == [("5%", "2016-03-03"), ("2 percent", "2016-03-03")]


def test_a_day_range_before_the_month_is_that_month():
    assert periods_of("The survey ran 17-20 March.") == [("17-20 March", "2023-03")]


def test_a_weekday_inside_a_name_is_no_date():
    assert periods_of("Results on Super Tuesday were close.") == []
    assert periods_of("Sales rose on Tuesday.") == [("Tuesday", "2023-04-11")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fares were $9m in June, down from $11m in the same month last year.",
            [("$9m", "2023-06"), ("$11m", "2022-06")],
        ),
        (
            "Inflation eased to 3.1% in the fourth quarter of 2022, from 4.2% a year earlier.",
            [("3.1%", "2022-Q4"), ("4.2%", "2021-Q4")],
        ),
        (
            "Jobless claims hit 210,000 in March, compared with 190,000 a year ago.",
            [("210,000", "2023-03"), ("190,000", "2022-03")],
        ),
        # a monthly statistic dated by its latest release (on 1 July, May's), not by a
        # mention: its baseline is still a year back
        (
            "The unemployment rate was 4.1%, compared with 4.6% a year ago.",
            [("4.1%", "2023-05"), ("4.6%", "2022-05")],
        ),
    ],
)
def test_a_baseline_a_year_back_has_its_own_period(text, expected):
    assert numeric_periods(text, date(2023, 7, 1)) == expected


def test_a_figure_last_year_without_a_comparison_is_no_baseline():
    assert numeric_periods("Fares were $9m last year.", date(2023, 7, 1)) == [("$9m", "2022")]


def test_a_polls_month_does_not_date_an_age_or_a_duration():
    text = (
        "A new poll of 900 voters puts Smith ahead.\n\n"
        "Smith has 44 percent. The 71-year-old has served for two decades."
    )
    got = dict(numeric_periods(text, date(2023, 5, 10)))
    assert got["44 percent"] == "2023-05"
    assert got["71-year-old"] is None and got["two decades"] is None


def test_a_compared_figures_own_period_does_not_date_the_figure_it_is_compared_with():
    text = "Just 28 percent approve of Smith, compared with 33 percent last month."
    assert numeric_periods(text, date(2023, 7, 14)) == [("28 percent", None),
                                                          ("33 percent", "2023-06")]  # fmt: skip


def test_more_than_before_a_number_compares_nothing():
    text = "Fans spent more than £2bn in 2022, almost 6% more than they did in 2021."
    assert numeric_periods(text, date(2023, 2, 1))[0] == ("£2bn", "2022")


def test_a_current_monthly_indicator_is_the_latest_releases():
    assert numeric_periods("The jobless rate fell to 4.2 percent.", date(2023, 11, 3)) == [
        ("4.2 percent", "2023-10")
    ]
    assert numeric_periods("The jobless rate was 4.2 percent in 2021.", date(2023, 11, 3)) == [
        ("4.2 percent", "2021")
    ]
    assert numeric_periods("Smith has 4.2 percent support.", date(2023, 11, 3)) == [
        ("4.2 percent", None)
    ]
    # Before a month's first Friday its last month's figures are not out yet.
    assert numeric_periods("The jobless rate is 4.2 percent.", date(2023, 11, 1)) == [
        ("4.2 percent", "2023-09")
    ]
    assert numeric_periods("With the jobless rate still near 4 percent, rates rose.",
                           date(2023, 11, 20)) == [("4 percent", "2023-10")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("On Friday the minister said the jobless rate had fallen to 4.2 percent.", "2023-10"),
        ("On Wednesday the jobless rate stood at 4.2 percent.", "2023-09"),  # before Friday
    ],
)
def test_a_monthly_indicator_said_on_a_day_is_the_release_out_that_day(text, period):
    # published Monday 6 November 2023; that month's jobs report came out Friday the 3rd
    assert numeric_periods(text, date(2023, 11, 6)) == [("4.2 percent", period)]


def test_a_daily_figure_said_on_a_day_keeps_the_day():
    assert numeric_periods("On Friday the index fell 4.2 percent.", date(2023, 11, 6)) == [
        ("4.2 percent", "2023-11-03")
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a day or month to come, in a clause about the present or the future
        ("Four hopefuls are campaigning before the county's vote Aug. 29.", "2016-08-29"),
        ("The ballot on Aug. 29 will pick 12 delegates.", "2016-08-29"),
        ("The party set a goal of 23 million dollars for its congress in July.", "2016-07"),
        # told in the past, or looking back: the last one past
        ("On Aug. 30, sales rose 5%.", "2015-08-30"),
        ("The jet flew 210 hours last July.", "2015-07"),
        ("Voters went out on July 4, and 40% backed Lee.", "2015-07-04"),
        # "through" a month looks ahead to it
        ("The 40% discount runs through July.", "2016-07"),
    ],
)
def test_a_day_ahead_without_a_year_is_the_coming_one_unless_told_in_the_past(text, period):
    (claim,) = [c for c in extract_claims(text, "2016-05-12") if c.kind == "numeric"]
    assert claim.period == period


def test_a_time_in_the_possessive_is_no_subject():
    (claim,) = [
        c
        for c in extract_claims("Today's jobless rate is close to 5 percent.", "2023-11-20")
        if c.kind == "numeric"
    ]
    assert (claim.subject, claim.metric) == (None, "jobless rate")


def test_a_month_named_of_what_is_to_come_is_the_next_one():
    claims = extract_claims(
        "The party will meet in Lyon in March with 4,000 delegates.", "2016-05-20"
    )
    assert [c.period for c in claims if c.kind == "numeric"] == ["2017-03"]
    claims = extract_claims("The party met in Lyon in March with 4,000 delegates.", "2016-05-20")
    assert [c.period for c in claims if c.kind == "numeric"] == ["2016-03"]


def test_a_time_so_long_ago_is_dated_back_from_publication():
    assert numeric_periods("The plant made a profit of $5m two years ago.", date(2016, 6, 7)) == [
        ("$5m", "2014"),
        ("two years", None),
    ]
    assert numeric_periods("The firm had 12 stores 12 years ago.", date(2016, 6, 7))[0] == (
        "12",
        "2004",
    )


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # "N years ago" dates only the number it follows, not what is said of now
        ("The drug, approved six years ago, is now taken by 2 million patients.", "2 million"),
        ("The firm, which employed 800 staff four years ago, now has 2,300.", "2,300"),
        ("He scored 200 two years ago and 150 last season.", "150"),
        ("Rents are 40% higher than they were five years ago.", "40%"),
        ("The average price is £212,000, up 6% on three years ago.", "6%"),
        ("Compared with five years ago, 30% more students now take Mandarin.", "30%"),
    ],
)
def test_years_ago_dates_only_its_own_number(text, surface):
    # undated, or dated by the "now" its clause says (the publication day)
    assert dict(numeric_periods(text, date(2016, 6, 7)))[surface] in (None, "2016-06-07")
    assert numeric_periods("Fares rose 4% three months ago.", date(2016, 6, 7))[0] == (
        "4%",
        "2016-03",
    )
    # "founded 300 years ago": the years stay a claim of their own
    assert [
        s for s, _ in numeric_periods("The bank was founded 300 years ago.", date(2016, 6, 7))
    ] == ["300 years"]


def test_a_baseline_with_its_own_time_in_a_short_relative_clause():
    got = numeric_periods(
        "The firm will give $75,000, down from the more than $600,000 it gave four years ago.",
        date(2016, 6, 7),
    )
    assert got[:2] == [("$75,000", "2016"), ("$600,000", "2012")]


def test_a_time_compared_with_is_not_the_figures():
    got = numeric_periods(
        "There are 20,000 fewer people in the labor force than seven years ago.",
        date(2016, 6, 7),
    )
    assert got[0] == ("20,000", None)


def test_a_figure_compared_with_years_ago_is_of_now():
    got = numeric_periods("Sales were 300 units, up from 200 two years ago.", date(2016, 6, 7))
    assert got == [("300", "2016"), ("200", "2014"), ("two years", None)]


def test_a_weekday_after_a_place_is_a_date_but_not_in_a_days_name():
    tuesday = date(2016, 2, 11)  # a Thursday
    assert numeric_periods("Jones won 40 delegates in Ohio Tuesday.", tuesday) == [
        ("40", "2016-02-09")
    ]
    assert numeric_periods("Jones won 40 delegates on Super Tuesday.", tuesday) == [("40", None)]


def test_a_past_month_ahead_of_something_stays_in_the_past():
    text = "Ahead of the vote, figures showed retail sales rose 4% in March."
    assert numeric_periods(text, date(2016, 5, 24)) == [("4%", "2016-03")]


def test_going_into_a_day_is_the_nearest_such_day():
    text = "Going into Thursday's vote, Okoro has 1,410 delegates."
    assert numeric_periods(text, date(2016, 5, 24)) == [("1,410", "2016-05-26")]
    text = "Going into Monday's vote, Okoro had 1,410 delegates."
    assert numeric_periods(text, date(2016, 5, 24)) == [("1,410", "2016-05-23")]


def test_the_jobs_report_comes_out_on_the_first_friday_from_the_third():
    text = "The jobless rate is 4.9 percent."
    assert numeric_periods(text, date(2016, 7, 1)) == [("4.9 percent", "2016-05")]
    assert numeric_periods(text, date(2016, 7, 8)) == [("4.9 percent", "2016-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "while" clause telling of the same past event shares its time
        (
            "Jo Rivers won 58% of the vote in Zembla on Tuesday, while Sam Lee took 42%.",
            [("58%", "2016-04-19"), ("42%", "2016-04-19")],
        ),
        # one that looks ahead, or back to another time, does not
        (
            "Jo Rivers won 58% of the vote on Tuesday, while Sam Lee is expected to get 40%.",
            [("58%", "2016-04-19"), ("40%", None)],
        ),
    ],
)
def test_a_parallel_past_clause_shares_the_time(text, expected):
    assert numeric_periods(text, date(2016, 4, 20)) == expected


def test_a_forecast_in_another_clause_does_not_move_a_past_month_ahead():
    text = "Sales rose 5% in March, while profits are expected to fall 2%."
    assert numeric_periods(text, date(2016, 4, 20))[0] == ("5%", "2016-03")
    # a month in a clause about what is to come is the coming one
    text = "The chain will open 30 stores in March."
    assert numeric_periods(text, date(2016, 4, 20)) == [("30", "2017-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state the text says holds now is dated by the publication day
        ("Jo Rivers now has 621 delegates.", [("621", "2016-03-16")]),
        ("Rivers currently leads Lee by roughly 270 delegates.", [("270", "2016-03-16")]),
        (
            "Even so, Lee continues to trail Rivers by more than 90 delegates.",
            [("90", "2016-03-16")],
        ),
        ("The toll remains at 37, officials said.", [("37", "2016-03-16")]),
        # not a noun "remains", a state that is no level, nor an act that goes on
        ("The remains of 40 soldiers were found.", [("40", None)]),
        ("It remains unclear why 40% of the loans failed.", [("40%", None)]),
        ("Lee continues to insist that Acme lost $5 million.", [("$5 million", None)]),
        # "still" opening a contrast says nothing of when
        ("The party still fell short of the 88 seats it wanted.", [("88", None)]),
        # not a wish or a plan about the present, nor an age set off by commas
        ("Homeowners now expect prices to rise by 1%.", [("1%", None)]),
        ("The mayor is currently pushing for a $15 minimum wage.", [("$15", None)]),
    ],
)
def test_a_state_said_to_hold_now_is_of_the_publication_day(text, expected):
    assert numeric_periods(text, date(2016, 3, 16)) == expected


def test_a_figure_entering_a_coming_month_is_as_it_stands_now():
    text = "Entering the final contests in June, Jo Rivers leads Sam Lee by 271 delegates."
    assert numeric_periods(text, date(2016, 5, 24)) == [("271", "2016-05-24")]
    # a month already past that the figure enters is that month's
    text = "Going into the contests in March, Jo Rivers led Sam Lee by 200 delegates."
    assert numeric_periods(text, date(2016, 5, 24)) == [("200", "2016-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday a verb of the future points to is the coming one
        ("Zembla will select 23 delegates Saturday.", [("23", "2016-04-16")]),
        ("The panel is scheduled to hear the 3 requests on Monday.", [("3", "2016-04-18")]),
        # one told in the past, or a future said in another clause, is the last one
        ("Zembla selected 23 delegates Saturday.", [("23", "2016-04-09")]),
        ("Jo Rivers, who died Sunday at 94, will be missed.", [("94", "2016-04-10")]),
        # "so far", "to date": as things stand on the publication day
        ("Rivers so far has won 758 delegates.", [("758", "2016-04-14")]),
    ],
)
def test_weekdays_ahead_and_states_so_far(text, expected):
    assert numeric_periods(text, date(2016, 4, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of months: their quarter when both fall in one, else their year
        ("Sales rose 4% between April and June.", [("4%", "2016-Q2")]),
        ("Sales rose 4% between January and April 2015.", [("4%", "2015")]),
        ("Zembla saw 1.1 million new voters from January to April.", [("1.1 million", "2016")]),
        # a year inside an aside set off by double hyphens dates the aside only
        ("Zembla saw 1.1 million new voters in May -- helped by a law passed in 2012.",
         [("1.1 million", "2016-05")]),
    ],
)  # fmt: skip
def test_a_span_of_months_and_a_double_hyphen_aside(text, expected):
    assert numeric_periods(text, date(2016, 6, 3)) == expected


def _periods(text: str) -> dict[str, str | None]:
    return {c.surface: c.period for c in extract_claims(text, "2021-06-15") if c.kind == "numeric"}


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a later sentence of the paragraph that goes on with the measure, in the past
        ("Revenue rose 5% in 2019 at Acme. Revenues fell 3% at Globex.", "3%", "2019"),
        ("Acme sold 40,000 cars in March. Globex sold 9,000 cars.", "9,000", "2021-03"),
        # not across a paragraph, to another measure or unit, or in another tense
        ("Revenue rose 5% in 2019 at Acme.\n\nRevenue fell 3% at Globex.", "3%", None),
        ("Revenue rose 5% in 2019 at Acme. Profits fell 3% at Globex.", "3%", None),
        ("Revenue rose $5m in 2019 at Acme. Revenue fell 3% at Globex.", "3%", None),
        ("Acme sold 40,000 cars in March. Globex will sell 9,000 cars.", "9,000", None),
        ("Acme sold 40,000 cars in March. Globex has sold 9,000 cars.", "9,000", None),
        # a target year dates no later figure
        ("Acme raised its wage to $15 by 2030. Rivals paid a $15 wage.", "a $15", None),
    ],
)  # fmt: skip
def test_a_paragraph_carries_the_period_of_a_measure_it_goes_on_reporting(text, surface, period):
    found = _periods(text)
    assert found[surface.removeprefix("a ")] == period, found


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        ("The surplus for the year, which ends June 30, is forecast at $54 billion.",
         "$54 billion", None),
        ("Without Lee, who retired in February, the board split 4 to 4.", "4", None),
        # a figure inside the aside keeps the aside's time
        ("The firm, which sold 300 cars in 2015, is up for sale.", "300", "2015"),
        # a clause that ends the sentence may be about the figure
        ("Acme earned $5 million, which was its best result in 2015.", "$5 million", "2015"),
    ],
)  # fmt: skip
def test_a_time_in_a_relative_clause_dates_only_what_is_inside_it(text, surface, period):
    assert _periods(text)[surface] == period


def test_a_year_written_in_a_relative_aside_dates_nothing_after_it():
    text = "Online betting, which became legal in 2013, rose 36 percent in May."
    assert _periods(text)["36 percent"] == "2021-05"
    # a year of the main clause still does
    assert _periods("Sales fell in 2012 and rose 5% in March.")["5%"] == "2012-03"


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a span after the figure: no one period stands for it
        ("Almost 2.1 million posts went between 1979 and 1993.", "2.1 million", None),
        ("The 45 new jets are due between 2029 and 2031.", "45", None),
        # a span that opens the sentence frames its figures as they stood at its end, not
        # by a monthly measure's latest release
        ("Between 2001 and 2007, the jobless rate was 3% lower.", "3%", "2007"),
        ("From 1990 to 2003, deaths from the fever rose 44%.", "44%", "2003"),
        # a count since a month is a running total, not the latest release; a level
        # compared with a time keeps it
        ("Employers have added 2,000 jobs since May.", "2,000", None),
        # a record compared with a time is no running total
        ("Employers added 242,000 jobs, the most since December.", "242,000", "2021-05"),
        ("The jobless rate fell to 4.9%, the lowest since 2008.", "4.9%", "2021-05"),
    ],
)
def test_a_span_of_years_dates_its_figures_only_when_it_frames_the_sentence(text, surface, period):
    assert _periods(text)[surface] == period


def test_a_tracking_polls_readings_each_take_their_own_day():
    """A date right after a figure is that reading's, not the poll's fieldwork."""
    text = (
        "In the Acme poll, Okafor's support has risen, going from 35 percent on April 3 "
        "to 44 percent on April 14."
    )
    assert numeric_periods(text, date(2023, 4, 17)) == [
        ("35 percent", "2023-04-03"),
        ("44 percent", "2023-04-14"),
    ]


def test_a_polls_fieldwork_dates_still_give_its_month():
    text = "The Acme poll surveyed 900 adults from March 28 through April 2. Okafor had 40%."
    assert dict(numeric_periods(text, date(2023, 4, 17)))["40%"] == "2023-04"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a day's reading, named in the possessive, dates its figure
        ("Ng fell back to 27 percent in Monday's poll.", "2023-04-17"),
        # another event of a day is no date of the figure, nor a release about a time
        # before it
        ("Ahead of Tuesday's vote, Lee leads by 5 points.", None),
        ("Acme shares rose 5% after Monday's report.", None),
    ],
)
def test_a_possessive_day_dates_only_its_readings(text, period):
    assert numeric_periods(text, date(2023, 4, 18))[0][1] == period


def test_a_figure_of_an_event_the_article_dates_takes_its_day():
    text = (
        "Voters turned out in record numbers Tuesday in five key primary elections.\n\n"
        "Zembla's election chief announced Wednesday that turnout in the primary "
        "reached 44%."
    )
    assert dict(numeric_periods(text, date(2023, 4, 13)))["44%"] == "2023-04-11"


@pytest.mark.parametrize(
    "second",
    [
        # a figure with a time of its own, or of an event still to come
        "In the 2008 primary, turnout was 29%.",
        "Ahead of the primary, Acme spent $2m.",
        "After the primary, Acme shares fell 3%.",
        # an event of another place, or the word as a modifier of something longer
        "Lee won caucuses in Zembla with 29% of the vote.",
        "Late in the primary calendar, Lee won 29% of the vote.",
    ],
)
def test_a_figure_with_its_own_time_or_another_event_is_not_dated_by_the_event(second):
    text = f"Voters turned out Tuesday in five key primary elections.\n\n{second}"
    claims = dict(numeric_periods(text, date(2023, 4, 13)))
    assert "2023-04-11" not in [p for s, p in claims.items() if s != "five"]


def test_an_event_dated_long_before_publication_dates_no_figure():
    text = "The Tuesday, March 7 primary was close.\n\nTurnout in the primary was 44%."
    assert dict(numeric_periods(text, date(2023, 9, 13)))["44%"] is None


def test_spelled_out_weeks_ago_are_a_time():
    assert periods_of("It was two weeks ago.", date(2016, 5, 18)) == [
        ("two weeks ago", "2016-05-04")
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month opening the sentence before its figure, after a comma
        ("In October, 2,150 claims were lodged in Zembla.", date(2024, 11, 14),
         [("2,150", "2024-10")]),
        ("In October, 2015, sales at Acme rose 4%.", date(2024, 11, 14), [("4%", "2015-10")]),
        # a month with its year in words is one time, here a comparison's
        ("Acme carried 3.1 million passengers in April, 11% more than in April last year.",
         date(2024, 5, 9), [("3.1 million", "2024-04"), ("11%", "2024-04")]),
        ("Acme sold 900 vans in March last year.", date(2024, 5, 9), [("900", "2023-03")]),
        # results are of their period, not of the day a firm reports them
        ("Acme reported a third-quarter net profit of $1.1bn on Thursday.", date(2023, 10, 20),
         [("$1.1bn", "2023-Q3")]),
        # a quarter named by its months
        ("Acme mined 1.2 million tonnes of ore in the April-June quarter.", date(2024, 7, 26),
         [("1.2 million tonnes", "2024-Q2")]),
        # a comparison's own time: "than he was in May"
        ("Okafor's rating is 61 percent, higher than it was in May.", date(2024, 8, 20),
         [("61 percent", None)]),
        ("Acme sold 900 vans, more than it did in 2019.", date(2024, 8, 20), [("900", None)]),
    ],
)  # fmt: skip
def test_month_and_quarter_shapes(text, published, expected):
    got = numeric_periods(text, published)
    assert [g for g in got if g[0] in dict(expected)] == expected


@pytest.mark.parametrize(
    ("text", "published", "surface", "period"),
    [
        # a possessive day's event told of as past dates its figures
        ("The Whig Party won 212 seats in Sunday's election.", date(2024, 6, 11), "212",
         "2024-06-09"),
        ("A record crowd of 61,500 attended Saturday's cup final.", date(2024, 5, 9), "61,500",
         "2024-05-04"),
        # an event still to come dates nothing
        ("Ahead of Tuesday's vote, Okafor leads with 45%.", date(2024, 6, 11), "45%", None),
        ("Okafor will need 40% in Tuesday's primary.", date(2024, 6, 11), "40%", None),
    ],
)  # fmt: skip
def test_a_past_event_named_by_its_day(text, published, surface, period):
    assert dict(numeric_periods(text, published))[surface] == period


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        ("Dunmore's population grew to 1.42 million in 2022, from 1.31 million a decade earlier.",
         "1.31 million", "2012"),
        ("Sales at Acme rose to $5m in 2023, up from $4m two years earlier.", "$4m", "2021"),
    ],
)  # fmt: skip
def test_a_baseline_some_years_back(text, surface, period):
    assert dict(numeric_periods(text, date(2024, 3, 1)))[surface] == period


@pytest.mark.parametrize(
    ("text", "published", "surface", "period"),
    [
        # a change to come takes effect from a time ahead
        ("Zembla's minimum wage will rise by 9% to $13.50 an hour from next month.",
         date(2023, 12, 13), "$13.50", "2024-01"),
        ("Ferry fares will rise by 3.7% from March 1.", date(2025, 2, 27), "3.7%", "2025-03-01"),
        # a time behind after "from" is a baseline's
        ("Sales at Acme rose 5% from March.", date(2025, 6, 27), "5%", None),
    ],
)  # fmt: skip
def test_a_change_to_come_from_a_time_ahead(text, published, surface, period):
    assert dict(numeric_periods(text, published))[surface] == period


@pytest.mark.parametrize(
    ("text", "published", "surface"),
    [
        # an event to come, at night, or expected of a figure, dates nothing
        ("Tickets for Saturday night's final will cost $40.", date(2024, 6, 6), "$40"),
        ("Okafor is projected to take 45% in Tuesday's primary.", date(2024, 6, 8), "45%"),
        # a quarter behind after "from" is a baseline's
        ("Acme's margin rose 3 points from Q1.", date(2024, 11, 1), "3"),
    ],
)
def test_no_period_for_an_event_to_come_or_a_quarter_behind(text, published, surface):
    assert dict(numeric_periods(text, published))[surface] is None


def test_a_vote_day_in_a_poll_sentence_dates_the_results_not_the_fieldwork():
    # PUB is Saturday 15 April 2023: "on Tuesday" is the 11th
    text = (
        "Despite leading the last 10 polls, Kell lost the caucuses on Tuesday to Ruiz, "
        "who won, 48.2% to 45.1%."
    )
    assert dict(numeric_periods(text))["48.2%"] == "2023-04-11"
    # a day that is the poll's own still gives the poll's month
    poll = "A Beacon poll taken on Tuesday shows Ruiz at 48%."
    assert dict(numeric_periods(poll))["48%"] == "2023-04"


def test_a_vote_result_takes_the_day_of_the_one_vote_the_article_dates():
    # PUB is Saturday 15 April 2023: "on Tuesday" is the 11th
    text = (
        "Kell lost the caucuses on Tuesday to Ruiz. A Beacon poll shows Kell at 31%.\n\n"
        "Kell won just 19% among moderates. Stone finished third, with 12.5% of the vote."
    )
    periods = dict(numeric_periods(text))
    assert periods["19%"] == "2023-04-11"
    assert periods["12.5%"] == "2023-04-11"
    assert periods["31%"] == "2023-04"  # a poll's share keeps the poll's month
    # a stake of the vote as it stands, and a result told with its rival
    live = (
        "Kell lost the caucuses on Tuesday to Ruiz.\n\n"
        "With 38 delegates at stake, Ruiz is assured of at least 20. Ruiz beat Kell 51% to 36%."
    )
    periods = dict(numeric_periods(live))
    assert periods["38"] == "2023-04-11"
    assert periods["51%"] == "2023-04-11"


@pytest.mark.parametrize(
    "sentence",
    [
        # what is no share of a vote
        "Ruiz received $2 million from donors.",
        "As a student, Ruiz won 3 chess titles.",
        # another vote than the dated one
        "In the last race, Ruiz won just 19% among moderates.",
        # a result in a place the sentence names may be another place's vote
        "Ruiz beat Kell 51% to 36% in Ohio.",
        # a rival verb whose object is no rival, and a stake of a vote still to come
        "Acme beat expectations as sales grew 5%.",
        "Ohio votes next, with 52 delegates at stake.",
        # what would happen is no result
        "If Kell were a man, she'd get 5% of the vote, Ruiz said.",
        # an earlier vote named just before
        "Crowds were bigger before the 2016 primary. Ruiz carried the state 66% to 30%.",
    ],
)
def test_a_vote_result_of_another_or_no_vote_is_not_dated_by_the_article_vote(sentence):
    text = "Kell lost the caucuses on Tuesday to Ruiz.\n\n" + sentence
    assert all(period is None for _, period in numeric_periods(text))


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a poll's days joined by a word are one mention: its second day is no figure
        ("The poll was conducted April 6 to 10 with 418 voters.", [("418", "2023-04")]),
        ("The survey ran March 3 through 9 among 900 adults.", [("900", "2023-03")]),
        # elsewhere what follows "to" after a day is a figure
        ("Support rose from March 3 to 9 percent.", [("9 percent", "2023-03-03")]),
        ("The death toll rose on April 2 to 15, officials said.", [("15", "2023-04-02")]),
        ("Sales grew from March 3 to 9 million units.", [("9 million", "2023-03-03")]),
    ],
)  # fmt: skip
def test_a_day_range_with_to_or_through(text, figures):
    assert numeric_periods(text) == figures


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In an early-March poll, Kell led Ruiz 56 percent to 32 percent.", "2023-03"),
        ("Workers walked off the job in mid-February, 4,000 of them.", "2023-02"),
        ("A late-January survey gave Kell 56 percent.", "2023-01"),
    ],
)
def test_early_mid_and_late_with_a_hyphen_name_the_month(text, period):
    assert numeric_periods(text)[0][1] == period


def test_an_exit_poll_is_dated_by_the_day_of_the_vote():
    # PUB is Saturday 15 April 2023: "on Tuesday" is the 11th
    text = (
        "Kell won the primary on Tuesday.\n\n"
        "Exit polls found that 24% of voters wanted an outsider. "
        "A Beacon poll released Friday had shown Kell at 40%."
    )
    periods = dict(numeric_periods(text))
    assert periods["24%"] == "2023-04-11"
    assert periods["40%"] != "2023-04-11"  # another poll keeps its own time


def test_bare_shares_describing_a_group_take_its_period():
    text = (
        "In the Westmarch primary in March, 74 percent of voters were over 45. "
        "Seventy-eight percent were white, while 16 percent were Latino.\n\n"
        "Some 40 percent were undecided."
    )
    periods = dict(numeric_periods(text))
    assert periods["Seventy-eight percent"] == periods["16 percent"] == "2023-03"
    assert periods["40 percent"] is None  # a new paragraph carries nothing


def test_a_result_in_a_county_keeps_the_day_of_the_vote():
    text = "Kell lost the caucuses on Tuesday to Ruiz.\n\nRuiz won 62% in Polk County."
    assert dict(numeric_periods(text))["62%"] == "2023-04-11"


def test_a_copula_after_a_share_with_a_noun_before_it_describes_no_group():
    text = (
        "In the Westmarch primary in March, 74 percent of voters were over 45. "
        "Inflation of 5% is a worry, Lee said."
    )
    assert dict(numeric_periods(text))["5%"] is None


def test_a_poll_articles_ratings_take_the_polls_month():
    text = (
        "New Beacon poll: Kell leads Ruiz.\n\n"
        "Kell has 51% and Ruiz 42%. Ruiz's approval rating fell to 38.5."
    )
    assert dict(numeric_periods(text, date(2023, 6, 6)))["38.5"] == "2023-06"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # the future of what a poll or a report found is not the poll's own time
        ("An Acme poll in January shows 68% of voters say taxes will rise.", "2016-01"),
        ("A report in January found 40% of firms will cut jobs.", "2016-01"),
        # the month's own clause tells of what is to come
        ("Acme will open 40 stores in January.", "2017-01"),
        ("In January, Acme will open 40 stores.", "2017-01"),
    ],
)
def test_a_future_after_a_reporting_verb_is_the_findings(text, period):
    assert numeric_periods(text, date(2016, 2, 25))[0][1] == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a fiscal or financial year named relative to now is the year of publication's
        ("Beacon's sales rose 5% in the first half of this fiscal year.", "2022"),
        ("Acme made $3m last fiscal year.", "2021"),
        ("Beacon expects a profit of $2m next financial year.", "2023"),
    ],
)
def test_a_relative_fiscal_year_is_a_year(text, period):
    assert numeric_periods(text, date(2022, 5, 11))[0][1] == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # "the last year" is the twelve months to now, no calendar year
        ("Acme has cut 300 jobs over the last year.", None),
        ("Beacon opened 12 stores in the past year and 4 over the next year.", None),
        # "last year" is the calendar year before publication
        ("Acme cut 300 jobs last year.", "2021"),
        # "the last month" is still the month before
        ("In the last month, Acme cut 300 jobs.", "2022-01"),
    ],
)
def test_the_last_year_is_no_calendar_year(text, period):
    assert numeric_periods(text, date(2022, 2, 10))[0][1] == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a week named relative to now: the month it falls in
        ("Three days running this week, Okafor toured Dunmore.", "2022-03"),
        ("Last week, Zembla sold 4 million barrels of oil.", "2022-02"),
        ("Acme will cut 300 jobs next week.", "2022-03"),
        # the last week of something is that thing's, not last week
        ("Okafor visited 10 counties in the last week of the campaign.", None),
        # a rate per week is no time
        ("Acme pays $400 a week.", None),
    ],
)
def test_a_relative_week_is_its_month(text, period):
    assert numeric_periods(text, date(2022, 3, 3))[0][1] == period


def test_the_last_fiscal_year_is_still_a_year():
    assert numeric_periods("Acme made $3m in the last fiscal year.", date(2022, 7, 28)) == [
        ("$3m", "2021")
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a possessive day before a named event dates the event's results
        ("Okafor won Monday’s Zembla caucus with 52% of the vote.", "2016-02-01"),
        ("Okafor took 52% in Monday night’s Westmarch primary.", "2016-02-01"),
        # a report named after its day is about an earlier time
        ("Friday’s Zembla jobs report showed 200,000 new jobs.", None),
    ],
)
def test_a_possessive_day_before_a_named_event_dates_its_results(text, period):
    assert numeric_periods(text, date(2016, 2, 3))[0][1] == period


def test_a_vote_the_sentence_names_takes_the_day_the_article_dates_it():
    text = (
        "A Beacon poll of Zembla voters found Okafor ahead. Forecasters now face questions "
        "over missing Lee's surge in Monday night's Zembla caucus. Okafor seems to have "
        "won the caucuses with 48.2 percent of the delegate count."
    )
    assert numeric_periods(text, date(2016, 2, 3))[-1] == ("48.2 percent", "2016-02-01")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a vote the sentence names takes the article's day only when it is that vote
        ("In the previous caucus, Okafor won 31% of the vote.", None),
        ("In the last race, Okafor won just 31% of the caucus vote.", None),
        ("A Beacon poll of caucus-goers found Okafor took 40% of the vote.", "2016-02"),
        # a past verb that reports cuts the month's clause; a present one does not
        ("In January, Acme said sales would rise 5%.", "2016-01"),
        ("In January Acme says it will open 40 stores.", "2017-01"),
    ],
)
def test_another_vote_or_a_day_to_come_keeps_the_articles_vote_day(text, period):
    context = "Okafor won Monday's Zembla caucus. "
    assert numeric_periods(context + text, date(2016, 2, 4))[-1][1] == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count's own sentence, and the next one of its paragraph
        (
            "Ruiz narrowly trailed Okafor with 91 percent of precincts reporting. "
            "Okafor had 50.2 percent to Ruiz's 49.1 percent.",
            [
                ("91 percent", "2020-03-03"),
                ("50.2 percent", "2020-03-03"),
                ("49.1 percent", "2020-03-03"),
            ],
        ),
        (
            "With roughly two-thirds of the ballots counted, Lee led with 38% of the vote.",
            [("two-thirds", None), ("38%", "2020-03-03")],
        ),
        # a margin in points, while the count goes on, is a vote's: in percentage points
        (
            "Lee, who trailed Ayo by more than 15 points with 80 percent of precincts "
            "reporting, left early.",
            [("15", "2020-03-03"), ("80 percent", "2020-03-03")],
        ),
        (
            "With 1,200 of 1,300 precincts counted, Lee had 52 percent.",
            [("1,200", None), ("1,300", None), ("52 percent", "2020-03-03")],
        ),
    ],
)
def test_a_result_reported_while_the_count_goes_on_is_of_the_night_of_the_count(text, expected):
    assert numeric_periods(text, date(2020, 3, 3)) == expected


def test_a_live_count_takes_the_day_the_article_dates_its_vote():
    # published the morning after: the count was the night of the primary it dates
    text = (
        "Okafor won the Zembla primary on Tuesday.\n\n"
        "With 97 percent of precincts reporting, Okafor led Ruiz by 12 percentage points."
    )
    assert numeric_periods(text, date(2020, 3, 4))[-1] == ("12 percentage points", "2020-03-03")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a paragraph break ends what the count dates
        (
            "Ruiz trailed Okafor with 91 percent of precincts reporting.\n\n"
            "Okafor had 50.2 percent to Ruiz's 49.1 percent.",
            "50.2 percent",
        ),
        # no count going on: a standing share, and a share with its own year
        ("Okafor had 50.2 percent to Ruiz's 49.1 percent.", "50.2 percent"),
        ("With all precincts reporting, Okafor won 50.2 percent in 2012.", "50.2 percent"),
        # money is no vote's result
        ("With 91 percent of precincts reporting, Okafor had spent $4 million.", "$4 million"),
        # a final result "of the vote in" a place is no count going on
        ("Okafor won the seat with 50.2 percent of the vote in Dunmore.", "50.2 percent"),
        # another vote, a poll, or a share that would be
        ("With 91 percent of precincts reporting, Okafor led. In the last race, Okafor had "
         "50.2 percent.", "50.2 percent"),
        ("In the 2016 primary, with 91 percent of precincts reporting, Okafor led. She had "
         "50.2 percent.", "50.2 percent"),
        ("With 91 percent of precincts reporting, Okafor led. Polls had given her "
         "50.2 percent.", "50.2 percent"),
        ("With 91 percent of precincts reporting, Okafor led, but she would need "
         "50.2 percent to avoid a runoff.", "50.2 percent"),
        # points of a game are no vote's, whatever is "in"
        ("With all of the results in, Okafor scored 31 points.", "31"),
    ],
)  # fmt: skip
def test_a_live_count_dates_only_the_results_it_reports(text, surface):
    assert dict(numeric_periods(text, date(2020, 3, 3)))[surface] != "2020-03-03"


def test_a_possessive_day_of_an_event_to_come_dates_no_result():
    text = "Okafor hopes to win Saturday's primary. Lee came fourth, with 8% of the vote."
    assert numeric_periods(text, date(2016, 2, 4)) == [("8%", None)]


def test_that_year_is_the_year_named_before():
    text = "In 2008, Lee won the state easily. Okafor trails, below Lee's 62 percent that year."
    assert numeric_periods(text) == [("62 percent", "2008")]
    text = "Acme sold 400 vans in 2012 and 500 the same year in Spain."
    assert numeric_periods(text) == [("400", "2012"), ("500", "2012")]
    # never the publication's year, which no one calls "that year"
    assert numeric_periods("That year, sales were $4m.") == [("$4m", None)]
    # a year that says which law is no time the text goes on telling of
    text = (
        "It began in 1975, when Lee used anger over the 1968 Zembla Trade Act. "
        "Okafor ran that year and won five states."
    )
    assert numeric_periods(text) == [("five", "1975")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Inflation continued to run below the Board's 3 percent medium-term objective.",
            "3 percent",
        ),
        (
            "It will weigh its objectives of maximum employment and 2 percent inflation.",
            "2 percent",
        ),
        ("Policy supports a sustained return to 2 percent inflation.", "2 percent"),
        (
            "Rates stay low as long as the unemployment rate remains above 6.5 percent.",
            "6.5 percent",
        ),
        ("The Board will aim to achieve inflation moderately above 2 percent.", "2 percent"),
        ("The aim is that, so that inflation averages 2 percent over time.", "2 percent"),
    ],
)
def test_a_goal_or_a_threshold_stands_undated(text, surface):
    # a monthly measure's goal is no reading of the latest release
    assert dict(numeric_periods(text, date(2016, 3, 16)))[surface] is None


def test_a_reading_beside_a_goal_keeps_its_release():
    text = "The unemployment rate fell to 5.1 percent."
    assert numeric_periods(text, date(2016, 3, 16)) == [("5.1 percent", "2016-02")]
    # a goal with a year of its own keeps it
    text = "The plan sets a target of 1.5 million trainees by 2010."
    assert numeric_periods(text, date(2016, 3, 16)) == [("1.5 million", "2010")]


def test_a_figure_over_a_span_before_now_is_of_no_one_month():
    text = (
        "In March, jobs rose by 140,000, against an average gain of 120,000 over the "
        "prior 6 months."
    )
    assert numeric_periods(text, date(2023, 4, 7)) == [
        ("140,000", "2023-03"),
        ("120,000", None),
        ("6 months", None),
    ]
    # a span the text dates keeps its period
    text = "Okafor raised more than $33m during the last three months of 2015."
    assert numeric_periods(text, date(2016, 1, 4)) == [("$33m", "2015-Q4")]


def test_the_time_of_a_level_measured_from_is_the_baselines():
    text = "Employment in retail is below its February 2020 level by 36,000."
    assert numeric_periods(text, date(2023, 4, 7)) == [("36,000", None)]
    text = "Her rating is down 13 points from her first-quarter average."
    assert numeric_periods(text, date(2016, 4, 20))[0][1] != "2016-Q1"


def test_a_related_action_is_of_the_day_of_the_action_before_it():
    text = (
        "The board decided today to lower its policy rate by 50 basis points to 6 percent. "
        "In a related action, the council approved a cut in the lending rate to 5.75 percent."
    )
    assert numeric_periods(text, date(2001, 1, 3)) == [
        ("50 basis points", "2001-01-03"),
        ("6 percent", "2001-01-03"),
        ("5.75 percent", "2001-01-03"),
    ]
    # with no day before it, a related action stays undated
    text = "In a related action, the council approved a cut in the lending rate to 5.75 percent."
    assert numeric_periods(text, date(2001, 1, 3)) == [("5.75 percent", None)]


def test_what_looks_like_a_time_of_another_figure_and_is_not():
    # a hyphenated word is no "that year"
    assert numeric_periods("Acme paid that year-end bonuses of $4m.") == [("$4m", None)]
    # the level of a time, said with its figure, is that time's
    assert numeric_periods("Prices hit their 2020 low of $20 in April.") == [("$20", "2020-04")]
    # a reading above a target is still a reading of the latest release
    text = "Inflation is 3.1 percent above the target."
    assert numeric_periods(text, date(2021, 6, 10)) == [("3.1 percent", "2021-05")]
    # a change over the past year is the latest release's
    text = "Consumer prices rose 5% over the past 12 months."
    assert numeric_periods(text, date(2021, 6, 10))[0] == ("5%", "2021-05")


def test_a_running_total_from_taking_office_is_of_no_one_month():
    text = "We have created 9 million jobs since I took office."
    assert numeric_periods(text, date(2023, 4, 7)) == [("9 million", None)]


def test_a_running_total_since_an_event_named_without_a_date_is_of_no_one_month():
    text = "Nearly 14 million jobs have been created since the recovery began."
    assert numeric_periods(text, date(2016, 1, 14)) == [("14 million", None)]
    text = "Zembla has added 2 million jobs since she was elected."
    assert numeric_periods(text, date(2016, 1, 14)) == [("2 million", None)]
    # a month's gain is still that month's
    text = "Employers added 292,000 jobs in December, after the recovery began."
    assert numeric_periods(text, date(2016, 1, 14)) == [("292,000", "2015-12")]


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # "the quarter" and "the month" are the last ones the article named
        (
            "Acme's profit rose 9% in the three months to March.\n\n"
            "Sales in the quarter rose 4% to $2bn.",
            "4%",
            "2021-Q1",
        ),
        (
            "Zembla's economy grew 0.6% in the second quarter. "
            "Household spending slowed, adding only 0.1% in the quarter.",
            "0.1%",
            "2021-Q2",
        ),
        # "the quarter" that is no quarter of a year
        (
            "Acme's profit rose 9% in the three months to March. "
            "Zembla's population has grown 12% in the quarter century since independence.",
            "12%",
            None,
        ),
        (
            "Acme's profit rose 9% in the three months to March. "
            "The side has won 9 games in the quarter finals.",
            "9",
            None,
        ),
        ("House prices rose 1% in May. Over the month, loans fell to 80,000.", "80,000", "2021-05"),
        # with none named before, the text does not say which
        ("Sales in the quarter rose 4% to $2bn.", "4%", None),
        # a quarter to a month names its own
        (
            "Acme's profit rose 9% in the three months to March. "
            "Sales in the quarter to June rose 4%.",
            "4%",
            "2021-Q2",
        ),
    ],
)
def test_the_quarter_or_month_is_the_one_named_before(text, surface, period):
    assert _periods(text)[surface] == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a span of months across years is of no one period
        ("The bank raised rates five times between November 2019 and May this year.", None),
        ("The bank raised rates five times between November 2019 and May 2021.", None),
        # one year's months keep that year
        ("The bank raised rates five times between January 2020 and May 2020.", "2020"),
        ("The bank raised rates five times between January and May 2020.", "2020"),
    ],
)
def test_a_span_of_months_across_years_is_undated(text, period):
    assert _periods(text)["five"] == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # voters asked as they leave the polls: the day of the vote
        ("In a survey for Beacon News, Zembla voters were asked a few questions upon leaving "
         "the polls Tuesday. Only 23 percent of them backed Okafor.", "2020-03-03"),
        ("An exit poll taken on March 3 found 44% of voters backed Okafor.", "2020-03-03"),
        # any other poll: the month of its fieldwork
        ("A Beacon poll taken on March 3 found 44% of voters backed Okafor.", "2020-03"),
    ],
)  # fmt: skip
def test_an_exit_poll_is_of_the_day_of_the_vote(text, period):
    assert numeric_periods(text, date(2020, 3, 5))[-1][1] == period


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        # a wealth estimate as it stands is of the year it is made: rich lists are yearly
        ("Okafor puts his net worth at $9 billion.", "$9 billion", "2021"),
        ("Beacon Research lists Ms. Lee's wealth at $6 billion, and Acme says it is "
         "$4 billion.", "$4 billion", "2021"),
        ("The candidate says his fortune exceeds $2 billion.", "$2 billion", "2021"),
        # ... or as an estimate made, in any tense
        ("Beacon Research pegged him at $3 billion.", "$3 billion", "2021"),
        # another estimate of the measure has the period the sentence gave the first
        ("Beacon put Acme's 2019 revenue at $5 million, but Globex puts it at $4 million.",
         "$4 million", "2019"),
        # ... not one told of as past, nor another measure stated as it stands
        ("His fortune was $2 billion when he sold the firm.", "$2 billion", None),
        ("Beacon estimated his fortune at $1 billion when he took office.", "$1 billion", None),
        ("His fortune peaked at $5 billion before the crash.", "$5 billion", None),
        ("Acme's debt exceeds $2 billion.", "$2 billion", None),
    ],
)  # fmt: skip
def test_a_wealth_estimate_is_of_the_year_it_is_made(text, surface, period):
    assert _periods(text)[surface] == period


# An expression of each kind, written in the cases a case-blind pattern reads alike
# ("LAST", "Last", "laſt", "ın"), and words and marks that stand around them.
_PERIOD_PHRASES = [
    "2004-03-31", "March 3, 2004", "3-5 March 2004", "Sept. 9 through 12", "March of 2004",
    "first quarter of 2004", "April-June quarter", "2004 Q3", "Q4", "last three months of 2004",
    "three months to March", "year to March 2004", "12 months to June", "first half of 2004",
    "FY2004", "fiscal year 2004", "2004-05", "between January and March",
    "from June to July this year", "in March", "since June", "early May", "mid-July",
    "end of March", "last year", "this fiscal year", "next month", "last week", "today",
    "yesterday", "over the weekend", "this past weekend", "into Monday", "entering Friday's",
    "Tuesday", "Monday's poll", "Sunday night's election", "first week of May",
    "six years ago", "two weeks ago", "12 days ago", "that year", "the same year",
    "over the quarter", "through the quarter", "in the month", "during the month",
    "in the year", "over the year", "second week of June", "first nine months", "2004",
    "quarter to March", "second half of 2005", "That year", "November 2005", "Dec 2006",
    "October 5", "Dec. 25",
]  # fmt: skip
_FILLERS = ["sales", "rose", "5%", "the", "in", "$3bn", "Acme", "by", "for", "of", "("]
_BETWEEN = [" ", " ", " ", ", ", "-", "–", "\n", ". ", "'s "]


def _written_alike(phrase: str) -> list[str]:
    """The phrase in other cases, with letters a case-blind pattern reads as s and i,
    and with its digits in another script."""
    folded_openings = [fold + phrase[1:] for fold in {"s": "ſ", "i": "ıİ"}.get(phrase[0], "")]
    return [
        phrase,
        phrase.upper(),
        phrase.title(),
        phrase[0].upper() + phrase[1:],
        *folded_openings,
        phrase.replace("s", "ſ"),
        phrase.replace("i", "ı"),
        phrase.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    ]


def _strings_of_period_words(count: int) -> list[str]:
    words = [variant for phrase in _PERIOD_PHRASES for variant in _written_alike(phrase)]
    words += _FILLERS * 10
    rng = random.Random(13)
    return [
        "".join(rng.choice(words) + rng.choice(_BETWEEN) for _ in range(rng.randint(1, 5)))
        for _ in range(count)
    ]


def test_each_start_tries_the_kinds_its_first_character_can_open():
    """The patterns chosen by a start's first character find, at every start, what the
    whole alternation of period expressions finds."""
    whole = periods._PERIOD_RE
    assert len(periods._PERIOD_PARTS) == len(periods._FIRST_CHARACTERS)
    texts = [
        *_strings_of_period_words(3000),
        "Between January and March 2024, Acme sold 12 ships; in Q3 sales rose 4% from a year ago.",
        "Over the past weekend, Zembla's FY2026 deficit (set on 2026-03-31) fell for six months.",
    ]
    for text in texts:
        for start in range(len(text)):
            expected = whole.match(text, start)
            found = periods._period_at(text, start)
            assert (found and (found.span(), found.lastgroup)) == (
                expected and (expected.span(), expected.lastgroup)
            ), (text, start)
