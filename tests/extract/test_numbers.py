"""Numeric quantities: numbers, scales, ranges, approximators, signs and what is not a claim.

Every sentence here is invented, modelled on the shapes news articles use.
"""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.extract.numbers import find_quantities, parse_word_number

PUBLISHED = "2023-04-15"


def numeric(text: str, published: str | None = PUBLISHED) -> list:
    return [c for c in extract_claims(text, published) if c.kind == "numeric"]


def only(text: str, published: str | None = PUBLISHED):
    claims = numeric(text, published)
    assert len(claims) == 1, [(c.surface, c.value) for c in claims]
    return claims[0]


# (sentence, surface, value, unit)
VALUES = [
    ("The regional council approved 5,000 new homes.", "5,000", 5000, "home"),
    ("Output grew 8.5% over the period.", "8.5%", 8.5, "percent"),
    ("The chain raised $1.2bn from investors.", "$1.2bn", 1.2e9, "USD"),
    ("The county spent £600m on roads.", "£600m", 6e8, "GBP"),
    ("Its debt passed US$3 trillion.", "US$3 trillion", 3e12, "USD"),
    ("The port handles 3.5m containers.", "3.5m", 3.5e6, "container"),
    ("Officials counted 20 million ballots.", "20 million", 2e7, "ballot"),
    ("The ministry set aside Rs 500 crore for rural roads.", "Rs 500 crore", 5e9, "INR"),
    ("Forty-two delegates walked out.", "Forty-two", 42, "delegate"),
    ("Two hundred workers signed the letter.", "Two hundred", 200, "worker"),
    ("The group invited three mayors.", "three", 3, "mayor"),
    ("A dozen firms bid for the licence.", "A dozen", 12, "firm"),
    (
        "Organisers expect a quarter of a million visitors.",
        "a quarter of a million",
        250000,
        "visitor",
    ),
    ("The insurer paid out €45m last winter.", "€45m", 4.5e7, "EUR"),
    ("The coin sold for ¥9,800 at auction.", "¥9,800", 9800, "JPY"),
    ("The bank bought 105.6 yen for each dollar.", "105.6 yen", 105.6, "JPY"),
    ("The state earmarked 100 trillion won for housing.", "100 trillion won", 1e14, "KRW"),
    ("The bonds raised 2.4bn euros.", "2.4bn euros", 2.4e9, "EUR"),
    ("The fund spent 5 billion yuan on chips.", "5 billion yuan", 5e9, "CNY"),
    ("The scheme cost 40 billion rupees.", "40 billion rupees", 4e10, "INR"),
    ("The index gained 0.3 percentage points.", "0.3 percentage points", 0.3, "percentage point"),
    ("The central bank added 25 basis points.", "25 basis points", 25, "basis point"),
    ("The new line is 1,200 km long.", "1,200 km", 1200, "km"),
    ("Rigs pumped 500,000 barrels on Monday.", "500,000 barrels", 5e5, "barrel"),
    ("The wind farm produces 200 MW at full tilt.", "200 MW", 200, "MW"),
    ("A typical song takes about 7.2MB of storage.", "7.2MB", 7.2, "MB"),
    ("Thieves took 30 tonnes of copper.", "30 tonnes", 30, "tonne"),
    ("The strike lasted four days.", "four days", 4, "day"),
    ("The dynasty has ruled for seven decades.", "seven decades", 7, "decade"),
    ("The final went on for two hours 45 minutes.", "two hours 45 minutes", 165, "minute"),
    ("The epic match took four hours and 21 minutes.", "four hours and 21 minutes", 261, "minute"),
    ("Volunteers gave 16 training days to the club.", "16 training days", 16, "day"),
    ("The station employs 521 journalists.", "521", 521, "journalist"),
    ("About 300 people queued outside.", "300", 300, "person"),
    ("The club lost 11 matches in a row.", "11", -11, "match"),
    ("The firm has filed 25,772 US patents.", "25,772", 25772, "patent"),
    ("Regulators found 14 unforced mistakes.", "14", 14, "mistake"),
    ("The hospital treated 12 children overnight.", "12", 12, "child"),
    ("The agency hired 40 new staff.", "40", 40, "staff"),
    ("The chair and ten other members voted.", "ten", 10, "member"),
    ("The council approved 6 new policies.", "6", 6, "policy"),
    ("She sold 500 of her early paintings.", "500", 500, "painting"),
    ("The trust runs 19 churches.", "19", 19, "church"),
    ("The temperature was -5 degrees Celsius at dawn.", "-5 degrees Celsius", -5, "degC"),
    ("Scientists logged one percent of the reef.", "one percent", 1, "percent"),
    ("The mayor, aged 45, resigned.", "45", 45, "year"),
    ("The 39-year-old joined the board.", "39-year-old", 39, "year"),
    ("He died at the age of 80.", "80", 80, "year"),
    ("The wreck is 300 years old.", "300 years", 300, "year"),
    ("The shares were worth $50k each.", "$50k", 50000, "USD"),
    ("The survey reached .5 percent of homes.", ".5 percent", 0.5, "percent"),
    ("Shares closed at 245p.", "245p", 2.45, "GBP"),
    ("A stamp costs 50 cents.", "50 cents", 0.5, "USD"),
    ("Warming must stay near 1.5C this century.", "1.5C", 1.5, "degC"),
    ("He signed a £5m-a-year deal.", "£5m", 5e6, "GBP"),
    ("Britain's 4.5 million pensioners got a rise.", "4.5 million", 4.5e6, "pensioner"),
    ("The FTSE 100 index added 35 points.", "35", 35, "point"),
    ("John Smith, 45, was arrested.", "45", 45, "year"),
    ("The bank raised rates by 25bps.", "25bps", 25, "basis point"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), VALUES)
def test_value_unit_and_surface(text, surface, value, unit):
    claim = only(text)
    assert claim.surface == surface
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit
    assert text[claim.surface_start : claim.surface_end] == surface


# (sentence, surface, value, low, high, unit)
RANGES = [
    ("Inflation will be between 3% and 5% this year.", "between 3% and 5%", 4, 3, 5, "percent"),
    ("Prices rose 3-5% in the spring.", "3-5%", 4, 3, 5, "percent"),
    ("Some 20 to 30 people were hurt.", "20 to 30", 25, 20, 30, "person"),
    ("The rate stays at 0 to 1/4 percent.", "0 to 1/4 percent", 0.125, 0, 0.25, "percent"),
    (
        "The target range is 5-1/4 to 5-1/2 percent.",
        "5-1/4 to 5-1/2 percent",
        5.375,
        5.25,
        5.5,
        "percent",
    ),
    (
        "The bank set its corridor at 2-1/2 to 3 percent.",
        "2-1/2 to 3 percent",
        2.75,
        2.5,
        3,
        "percent",
    ),  # fmt: skip
    ("The repairs will cost £2-3bn.", "£2-3bn", 2.5e9, 2e9, 3e9, "GBP"),
    (
        "They expect between 2,000 and 4,000 fans.",
        "between 2,000 and 4,000",
        3000,
        2000,
        4000,
        "fan",
    ),
    ("He is one of six or seven candidates.", "six or seven", 6.5, 6, 7, "candidate"),
    ("Among those aged 18 to 24, support was high.", "18 to 24", 21, 18, 24, "year"),
    ("The drug cut deaths by 20-30 people a week.", "20-30", -25, -30, -20, "person"),
]


@pytest.mark.parametrize(("text", "surface", "value", "low", "high", "unit"), RANGES)
def test_ranges(text, surface, value, low, high, unit):
    claim = only(text)
    assert (claim.surface, claim.unit) == (surface, unit)
    assert claim.value == pytest.approx(value)
    assert claim.low == pytest.approx(low)
    assert claim.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("A survey shows a 58%-36% split on the plan.", ["58%", "36%"]),
        ("Voters agree by 53%-39% that it should.", ["53%", "39%"]),
        ("Lee is ahead 44 percent to 37 percent.", ["44 percent", "37 percent"]),
    ],
)
def test_a_falling_pair_of_shares_is_a_score_of_two_figures(text, surfaces):
    assert [text[q.start : q.end] for q in find_quantities(text)] == surfaces


def test_a_nets_bracket_is_two_levels_and_keeps_their_sign():
    """A net in points broken down in brackets ("-20 points (35 percent to 55
    percent)") holds two levels, rising or falling, and a level is not signed by the
    net, as a restated change is ("fell 12 points (3%)")."""
    claims = numeric("Ng is far behind at -20 points (35 percent to 55 percent).")
    assert [(c.surface, c.value) for c in claims] == [
        ("-20", -20),
        ("35 percent", 35),
        ("55 percent", 55),
    ]
    claims = numeric("Acme's shares fell 12 points (3%).")
    assert [c.value for c in claims] == [-12, -3]
    assert only("Lee has a negative 42%-49% approval rating.").value == 45.5
    assert only("Rates ran at 30 percent to 60 percent.").low == 30


def test_a_single_number_has_no_bounds():
    claim = only("The firm employs 900 engineers.")
    assert claim.low is None and claim.high is None


def test_change_from_to_is_two_claims_not_a_range():
    claims = numeric("Applications went up 2,600 to 27,700 this spring.")
    assert [(c.value, c.low) for c in claims] == [(2600, None), (27700, None)]


def test_from_to_is_two_levels():
    claims = numeric("The rate rose from 3% to 5% in the spring.")
    assert [(c.surface, c.value, c.low) for c in claims] == [("3%", 3, None), ("5%", 5, None)]


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Estimates of the toll range from 100 to 250 people.", "100 to 250", 100, 250),
        ("Fares vary from $15 to $26 a ticket.", "$15 to $26", 15, 26),
        ("A refit costs anywhere from $20 million to $40 million.", "$20 million to $40 million",
         20e6, 40e6),
        ("Guesses at the crowd ranged from 4,000 to 9,000.", "4,000 to 9,000", 4000, 9000),
        ("Fees vary widely from $10 to $15.", "$10 to $15", 10, 15),
        # a determiner alone describes no level: "from the X to Y range" is a range
        ("Acme cut its outlook from the $2 to $3 range.", "$2 to $3", 2, 3),
    ],
)  # fmt: skip
def test_from_to_after_a_verb_of_spanning_is_one_range(text, surface, low, high):
    claim = only(text)
    assert (claim.surface, claim.low, claim.high) == (surface, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Okafor would raise the wage from the current $8.50 to $14.",
        "The board lifted its rate from its present 1.5% to 2%.",
        "Turnout climbed from a low of 40% to 55%.",
        "Turnout rose from its 2019 level of 30% to 45%.",
    ],
)
def test_from_a_described_level_to_another_is_two_levels(text):
    assert [c.low for c in numeric(text)] == [None, None]


# (sentence, surface, approx)
APPROX = [
    ("He spent almost 40 years in exile.", "40 years", "almost"),
    ("More than 1,000 people marched.", "1,000", "more than"),
    ("At least 12 miners were trapped.", "12", "at least"),
    ("Fares will rise by up to 10%.", "10%", "up to"),
    ("Some 300 homes flooded.", "300", "some"),
    ("Nearly 5,000 jobs went.", "5,000", "nearly"),
    ("It costs about £20.", "£20", "about"),
    ("The vote drew around 60% of members.", "60%", "around"),
    ("He has run over 50 marathons.", "50", "over"),
    ("The loan is roughly $4m.", "$4m", "roughly"),
    ("Turnout was close to 70%.", "70%", "close to"),
    ("The scheme cost less than £1m.", "£1m", "less than"),
    ("Fewer than 20 seats changed hands.", "20", "fewer than"),
    ("The dollar traded just above $1.29.", "$1.29", "just above"),
    ("The site has 45 rooms.", "45", None),
    ("Warming must stay below 1.5C.", "1.5C", "below"),
    ("The fund will spend upwards of $10m.", "$10m", "upwards of"),
    ("Temperatures hovered near 40C.", "40C", "near"),
    ("The true figure is closer to 15 percent.", "15 percent", "closer to"),
    # over a span: more than it after a verb of lasting, else the stretch of time
    ("He spent over 10 years in exile.", "10 years", "over"),
    ("The hearing lasted a little over two hours.", "two hours", "over"),
    ("It has been over 300 days since the vote.", "300 days", "over"),
    ("He has over 20 years of experience.", "20 years", "over"),
    ("Over five years, the board has cut debt.", "five years", None),
]


@pytest.mark.parametrize(("text", "surface", "approx"), APPROX)
def test_approximators(text, surface, approx):
    claim = only(text)
    assert (claim.surface, claim.approx) == (surface, approx)


# (sentence, signed value)
SIGNS = [
    ("The economy shrank by 8.5 per cent last year.", -8.5),
    ("Exports fell 7% in March.", -7),
    ("Output declined 2.4% on the month.", -2.4),
    ("Shares dropped 12% after the warning.", -12),
    ("The economy contracted 0.6% in the quarter.", -0.6),
    ("The economy contracted by an annualised 0.6% in the quarter.", -0.6),
    ("Sales fell an estimated 5% last year.", -5),
    ("The party lost 30 seats.", -30),
    ("Sales were down 4% on the year.", -4),
    ("The airline cut 900 jobs.", -900),
    ("Profits slumped 40% in the spring.", -40),
    ("The paper is axing 90 jobs.", -90),
    ("It reported a 5% drop in orders.", -5),
    ("Sales rose 8% in the spring.", 8),
    ("Consumer spending was up by 1.2% in the spring.", 1.2),
    ("Growth slowed sharply to 5.6% in the spring.", 5.6),
    ("Unemployment fell to 4.1% in May.", 4.1),
    ("The cuts will fund a £150m investment.", 150e6),
    ("Sales fell 3% but profits rose 5%.", -3),
    ("Shares closed 3p lower.", -0.03),
    ("Output was 5% down on the year.", -5),
    ("The firm reported a decline of 3% in orders.", -3),
    ("Orders showed a rise of 3% in May.", 3),
    ("The fund cut its growth forecast by 0.5 percentage points.", -0.5),
    ("Jobs were cut by 300.", -300),
    ("In one year the bank cut rates seven times.", 7),
    # a verb's object between the verb and the change
    ("The board decided to lower its target for the policy rate by 50 basis points.", -50),
    ("The board will reduce the monthly pace of its purchases by $20 billion.", -20e9),
    ("The board lowered its target for the policy rate 75 basis points.", -75),
    ("The board raised its target for the policy rate 75 basis points.", 75),
    ("The lower 48 states reported fires.", 48),
    ("The lower house passed the bill by 300 votes.", 300),
    ("After the fall of the regime the economy grew by 6%.", 6),
    ("Cheaper oil reduced the price at the pump by about 40 cents.", -0.4),
    # a change by a fraction is the fraction, signed
    ("Inflation has fallen by two thirds since its peak.", -0.6667),
    ("Zembla aims at cutting emissions by a third from 2007 to 2020.", -0.3333),
    ("Profits rose by a quarter in 2021.", 0.25),
]


@pytest.mark.parametrize(("text", "value"), SIGNS)
def test_direction_words_sign_the_value(text, value):
    assert numeric(text)[0].value == pytest.approx(value)


def test_fall_then_level_in_one_clause():
    claims = numeric("Unemployment fell 0.3 percentage points to 4.1% in May.")
    assert [c.value for c in claims] == [-0.3, 4.1]


def test_restated_quantity_takes_the_sign_of_the_first():
    claims = numeric("The fund lost $5bn (£4bn) and is axing 90 jobs - 17% of its staff.")
    assert [(c.surface, c.value) for c in claims] == [
        ("$5bn", -5e9),
        ("£4bn", -4e9),
        ("90", -90),
        ("17%", -17),
    ]


def test_second_clause_keeps_its_own_direction():
    claims = numeric("Sales fell 3% but profits rose 5%.")
    assert [c.value for c in claims] == [-3, 5]


# (sentence, surface, value, unit) for shares of a whole: "N in M" in percent, a
# fraction written in words as the fraction, without a unit (the spec's convention)
SHARES = [
    ("One in five voters backed the plan.", "One in five", 20, "percent"),
    ("Three out of four patients recovered.", "Three out of four", 75, "percent"),
    ("Two-thirds of the members agreed.", "Two-thirds", 0.6667, None),
    ("Half of all adults own a bike.", "Half", 0.5, None),
    ("A quarter of the staff left.", "A quarter", 0.25, None),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), SHARES)
def test_shares_of_a_whole(text, surface, value, unit):
    claim = only(text)
    assert (claim.surface, claim.unit) == (surface, unit)
    assert claim.value == pytest.approx(value)


NOT_CLAIMS = [
    "The pact was signed in 2020.",
    "The summit opened on January 6.",
    "The summit opened on 6 January.",
    "Delegates met at the 2016 party congress.",
    "Music of the 1990s filled the hall.",
    "The vote starts at 3pm.",
    "The count ended at 10:30 on Friday.",
    "Trading closed at 1519 GMT.",
    "She finished 3rd in the race.",
    "The airline grounded its Boeing 737 fleet.",
    "For details call (202) 555-0143 or write to the press office.",
    "The page ran alert(1) when it loaded.",
    "Under Section 5(2) the court may act.",
    "Reporters may phone 202-555-0188 after noon.",
    "The hotline, +44 207 946 0958, opens at nine.",
    "Leaders of the G7 met in Rome.",
    "Covid-19 spread quickly.",
    "Members invoked Article 5 of the treaty.",
    "It aired on Channel 4 last night.",
    "The works closed the M25 overnight.",
    "Several hundred people came.",
    "Dozens of shops shut.",
    "It was one of the few options.",
    "One day the rain stopped.",
    "No one came to the meeting.",
    "The team is world number one.",
    "It was a five-year plan.",
    "They launched an 80-day drive.",
    "The firm sold 10-year bonds.",
    "3. Markets rally on hopes of a deal",
    "4.",
    "Acme will report its 2022 earnings on Friday.",
    "All 2024 campaigns were asked to reply.",
    "She chaired a 12-member panel.",
    "It built a 30-year lead in the market.",
    "Rovers won 3-1 at home.",
    "He won 7-5 6-3 6-4.",
    "Ancelotti beat Tommy Robredo 7-6 (7-2) 6-4.",
    "The court gave a 2-1 decision.",
    "The budget for 2012-13 was approved.",
    "Profits in Q3 were strong.",
    "Fans of Fathers 4 Justice gathered.",
    "Text the word PUB to 85130 now.",
    "The 10th seed went out.",
    "Investors watched the FTSE 100 closely.",
    "The two met in Singapore.",
    # a currency's word that opens a name
    "Top picks: 7 Jo Lee. 8 Rand Okafor. 9 Kim Ng.",
    # a ranking's cut-off names a list, not a count
    "Acme had no titles in the top 20.",
    "The levy would hit the top 4 or 5 percent of landlords.",
    "Westmarch ranks among Zembla's top 10 ports.",
    # a pair the text has named, referred to again
    "The two candidates are level in the Beacon poll.",
    "Trade between the two countries has grown.",
    "Those two main parties held talks.",
    "The report covered decades of policy.",
    "They watched Fahrenheit 9/11 twice.",
    "The iPhone 12 launched quickly.",
    "The meeting started at 10.30 on Monday.",
    # an older year after a preposition of time
    "The office, founded in 1789, has no powers.",
    # a time of day
    "The next round of results will be published at 10 a.m.",
    "Tickets go on sale at 9am, and polls close at 8pm.",
    "Polls close at 8 PM in the east.",
    "The rally begins at 7 o'clock.",
    "Polls are open from 6 to 9 p.m. on Tuesday.",
    "Thousands of fans sang.",
    "He lives at No 10 with his family.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert numeric(text) == []


def test_a_pair_that_a_relative_clause_defines_is_counted():
    assert [q.surface for q in numeric("The two plants that closed employed 300 people.")] == [
        "two",
        "300",
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Going in, the mayor held a 312-vote lead.", "312-vote", 312, "vote"),
        ("He cleared the 1,500-delegate threshold.", "1,500-delegate", 1500, "delegate"),
        ("They count a 4 million-person population.", "4 million-person", 4e6, "person"),
        ("It was a 40-seat majority.", "40-seat", 40, "seat"),
    ],
)
def test_a_hyphenated_count_before_an_amount_is_a_claim(text, surface, value, unit):
    claim = only(text)
    assert (claim.surface, claim.value, claim.unit) == (surface, value, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a falling pair is a score of two figures, whatever they count
        ("Okafor leads Lee, 1,428 to 1,153.", [("1,428", 1428, None), ("1,153", 1153, None)]),
        ("The bill passed 92 to 3.", [("92", 92, None), ("3", 3, None)]),
        # the unit written after the second is the first's too
        ("Okafor beat Lee—35 to 12 percent—in Westmarch.",
         [("35", 35, "percent"), ("12 percent", 12, "percent")]),
        ("Lee led 58-36% among women.", [("58", 58, "percent"), ("36%", 36, "percent")]),
        # a spaced dash is no join of a score
        ("Zembla has 40 - 12% of the seats.", [("40", 40, None), ("12%", 12, "percent")]),
        # a rising pair stays one range; a scale written once applies to both
        ("Analysts expect growth of 3 to 5 percent.", [("3 to 5 percent", 4, "percent")]),
        ("The plan costs £2-3bn.", [("£2-3bn", 2.5e9, "GBP")]),
    ],
)  # fmt: skip
def test_a_falling_pair_is_two_figures(text, expected):
    assert [(c.surface, c.value, c.unit) for c in numeric(text)] == expected


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The blast left nine dead in Dunmore.", "people killed"),
        ("The crash left nine hurt.", "people wounded"),
        # a clause of its own after another count: people, not the count's unit
        ("Lee won 12 seats and nine were killed.", "people killed"),
    ],
)
def test_a_number_word_before_a_casualty_word_counts_people(text, metric):
    claim = next(c for c in numeric(text) if c.surface == "nine")
    assert (claim.value, claim.unit, claim.metric) == (9, "person", metric)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a number in the range of old years after a preposition of change is a count
        ("Membership grew by 1200.", ["1200"]),
        ("Attendance fell to 900 from 1300.", ["900", "1300"]),
        ("The risk is about 1 in 1200.", ["1", "1200"]),
    ],
)
def test_an_older_year_is_only_a_time_after_in_or_since(text, surfaces):
    assert [c.surface for c in numeric(text)] == surfaces


def test_none_of_a_number_hurt_is_no_toll():
    assert numeric("None of the four were injured, police said.") == []


def test_number_words_that_continue_a_list_of_counts_are_counts():
    claims = numeric("Lee has 11 delegates, Ng has 10, Stone has five and Adams has three.")
    assert [(c.surface, c.value, c.unit, c.subject) for c in claims] == [
        ("11", 11, "delegate", "Lee"),
        ("10", 10, "delegate", "Ng"),
        ("five", 5, "delegate", "Stone"),
        ("three", 3, "delegate", "Adams"),
    ]
    assert [c.surface for c in numeric("Lee has 758 delegates to Okafor's five.")] == [
        "758",
        "five",
    ]
    # it counts what the count before it counts
    assert [
        (c.surface, c.unit) for c in numeric("Okafor won 30 seats, while Lee's party won four.")
    ] == [
        ("30", "seat"),
        ("four", "seat"),
    ]
    # a clock time after a count is no count
    assert [c.surface for c in numeric("The rally with 40 delegates starts at five.")] == ["40"]
    # with no count before it, or with words after it, a number word counts nothing
    assert numeric("Stone has five.") == []
    assert [c.surface for c in numeric("Lee won 12 seats and five of them were new.")] == ["12"]


def test_a_part_of_a_whole_counts_what_the_whole_counts():
    claims = numeric("Of the 1,590 votes cast in the county, 1,128 were for Okafor.")
    assert [(c.surface, c.unit, c.metric) for c in claims] == [
        ("1,590", "vote", "votes cast"),
        ("1,128", "vote", "votes"),
    ]
    claims = numeric("Of all 50 states, 30 have set a higher wage.")
    assert [(c.surface, c.unit) for c in claims] == [("50", "state"), ("30", "state")]
    # only the figure right after the whole's clause; not one in a clause of its own
    claims = numeric("Of the 12 members, 7 voted yes; 3 abstained.")
    assert [(c.surface, c.unit) for c in claims] == [("12", "member"), ("7", "member"), ("3", None)]
    # and only after "of the": a count in the sentence's body is no whole
    claims = numeric("Lee won 12 seats in the north, 9 of them new.")
    assert [(c.surface, c.unit) for c in claims][:2] == [("12", "seat"), ("9", None)]


def test_a_number_after_a_label_word_is_no_quantity():
    assert numeric("Read part 1 here, and chapter 2 on page 14.") == []
    assert [c.surface for c in numeric("The book has 14 chapters.")] == ["14"]
    # but a label word before a quantity with its unit labels nothing
    assert [c.surface for c in numeric("The team ended its season 10 days early.")] == ["10 days"]


def test_a_span_spread_over_or_more_than():
    claims = numeric("The plan costs $1bn over five years.")
    assert [(c.surface, c.approx) for c in claims] == [("$1bn", None), ("five years", None)]
    claim = only("The project is over two years late.")
    assert claim.approx == "over"


def test_an_age_after_then_follows_a_name_not_a_day():
    assert [c.unit for c in numeric("Sales rose to 30 on Monday, then 45.")] == [None, None]
    # a name may end in a month's word
    assert [c.unit for c in numeric("Ana Lee May, 60, a doctor, voted.")] == ["year"]
    assert numeric("Section 404 can be applied to such filings.") == []
    assert [c.unit for c in numeric("Democrats, who were 47 when the house sat, won.")] == [None]


def test_a_listicles_count_of_its_own_items_is_no_quantity():
    assert numeric("10 Things to Know for Today.") == []
    assert numeric("3 Important Things To Know About the Vote.") == []
    assert [c.surface for c in numeric("10 people died in the storm.")] == ["10"]


def test_a_years_digits_after_a_month_and_an_amounts_figures_are_no_counts():
    assert numeric("It marks the storming of the fort on July 14, 1789.") == []
    assert numeric("The fees she commanded often ran into six figures.") == []
    assert [c.surface for c in numeric("Police counted two figures in the photo.")] == ["two"]


def test_a_fraction_of_a_unit_is_that_much_of_the_unit():
    claim = only("The bank raised rates by a quarter of a percentage point.")
    assert (claim.surface, claim.value, claim.unit) == (
        "a quarter of a percentage point",
        0.25,
        "percentage point",
    )
    claim = only("Turnout fell by a third of a percent.")
    assert (claim.value, claim.unit) == (-0.3333, "percent")
    # a fraction of a group is still a share
    assert only("Two thirds of voters back Okafor.").unit is None


def test_ages_listed_with_semicolons():
    claims = numeric("Lee has three children: Ana Lee, 38; Ayo, 34; Eric Lee, 32.")
    assert [(c.surface, c.unit) for c in claims] == [
        ("three", "child"),
        ("38", "year"),
        ("34", "year"),
        ("32", "year"),
    ]


def test_a_persons_age_closing_a_sentence_or_at_death():
    for text in (
        "Ayo Lindqvist, who led the movement, died on Monday. She was 88.",
        "Lindqvist died Sunday at 88 in Westmarch.",
        "Lindqvist passed away at 88.",
    ):
        claim = only(text)
        assert (claim.surface, claim.unit, claim.metric) == ("88", "year", "age"), text
    assert only("Ayo Lindqvist died on Monday. She was 88.").subject == "Ayo Lindqvist"
    # a clock time of death, a count and a score are no ages
    assert numeric("Lindqvist died at 10 p.m. on Friday.") == []
    assert only("Turnout in Dunmore was 88.").unit is None
    assert [c.unit for c in numeric("She was 3 for 5 at the plate.")] == [None, None]


def test_an_age_written_with_one_hyphen_is_an_age():
    claim = only("Okafor lost his 25 year-old son in the crash.")
    assert (claim.surface, claim.unit, claim.metric) == ("25 year", "year", "age")
    # a duration with no "old" after it stays a duration
    claim = only("Okafor served a 25 year term.")
    assert claim.metric != "age"


def test_a_comparative_between_a_count_and_its_noun_counts_the_noun():
    claim = only("Okafor has 2.5 million more votes than Lee.")
    assert (claim.unit, claim.metric) == ("vote", "votes")
    claim = only("Lee won three more seats than Okafor.")
    assert (claim.surface, claim.unit) == ("three", "seat")
    claim = only("There are 20,000 fewer people in work than in 2009.")
    assert (claim.value, claim.unit, claim.metric) == (-20000, "person", "people")
    # "more than" after a count compares it, and counts no noun
    assert numeric("Lee won two more than last year.") == []


def test_a_number_closed_by_a_bracket_it_did_not_open_labels_a_list_item():
    claims = numeric("Okafor will win for two reasons: 1) she lives here and 2) Lee quits.")
    assert [c.surface for c in claims] == ["two"]
    assert numeric("(3) Rates fall when demand slows.") == []
    # a bracketed age, a bracketed figure and a signed change are no labels
    assert [c.unit for c in numeric("Lee (45) and Kim (52) spoke.")] == ["year", "year"]
    assert [c.surface for c in numeric("Sales (up 4 percent) rose.")] == ["4 percent"]
    assert [c.value for c in numeric("Payrolls rose (+39,000) in May.")] == [39000]


def test_a_rank_closed_by_a_stop_in_brackets_is_no_age():
    # a ranked list that gives each name's place the week before
    assert numeric("1. Ana Okafor (2.) 2. Sam Lee (1.) 3. Jo Stone (3.)") == []
    # a bracketed age after a name, with no stop, still is one
    assert [c.unit for c in numeric("Ana Okafor (52) won.")] == ["year"]


def test_bucks_are_dollars():
    claim = only("Some nights we only make 20 bucks.")
    assert (claim.surface, claim.value, claim.unit) == ("20 bucks", 20, "USD")


def test_year_followed_by_plural_noun_is_a_count():
    claim = only("Builders finished 2000 houses.")
    assert (claim.value, claim.unit) == (2000, "house")


def test_year_after_preposition_stays_a_year():
    claims = numeric("In 2004 sales rose 3%.")
    assert [c.surface for c in claims] == ["3%"]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("forty-two", 42),
        ("two hundred", 200),
        ("two hundred and fifty", 250),
        ("three million", 3e6),
        ("a", None),
        ("nineteen", 19),
        ("one thousand two hundred", 1200),
    ],
)
def test_parse_word_number(words, value):
    parsed = parse_word_number(words, 0, len(words))
    if value is None:
        assert parsed is None
    else:
        assert parsed == (value, len(words))


def test_parse_word_number_stops_before_an_impossible_word():
    assert parse_word_number("two three", 0, 9) == (2, 3)


def test_find_quantities_offsets_are_relative_to_the_string():
    s = "Pay rose 4% and 12 nurses quit."
    found = find_quantities(s)
    assert [(s[q.start : q.end], q.unit) for q in found] == [("4%", "percent"), ("12", "nurse")]


def test_blocked_spans_are_skipped():
    s = "In 2004, 12 nurses quit."
    assert find_quantities(s, blocked=[(0, 7), (9, 11)]) == []


def test_a_run_of_hundreds_of_digits_is_not_a_quantity():
    assert find_quantities("5" * 400) == []


def test_long_sentences_stay_linear():
    """Thousands of numbers and years in one sentence: every number still gets its year."""
    s = " ".join(f"{2000 + i % 20}: {i % 900 + 10} apples," for i in range(3000))
    claims = numeric(s, None)
    assert len(claims) == 3000
    assert claims[-1].period == str(2000 + 2999 % 20)


def test_scaled_values_carry_no_floating_point_noise():
    assert only("Shares closed at 257.25p.").value == 2.5725
    assert only("The deal was worth $4.35bn.").value == 4_350_000_000


@pytest.mark.parametrize(
    ("text", "units_"),
    [
        ("The bill passed by 320 votes to 206.", ["vote", "vote"]),
        ("Attendance rose from 5,000 people to 7,000.", ["person", "person"]),
        ("The club has 5 stadiums and 3 more.", ["stadium", "stadium"]),
        ("It won 5 awards in 2004 and scored 3.", ["award", None]),
        ("The index rose 5% to 206.", ["percent", None]),
    ],
)
def test_a_bare_number_compared_with_a_count_counts_the_same_thing(text, units_):
    assert [c.unit for c in numeric(text)] == units_


def test_a_telephone_number_beside_a_figure_leaves_the_figure():
    found = numeric("Call (202) 555-0143 about the 236,000 jobs added in March.")
    assert [(c.surface, c.value) for c in found] == [("236,000", 236000.0)]


def test_a_figure_in_brackets_after_a_space_is_still_a_claim():
    found = numeric("Exports rose by a third (33 percent) last year.")
    assert [(c.surface, c.value, c.unit) for c in found][-1] == ("33 percent", 33.0, "percent")


def test_a_number_word_after_a_number_is_a_quantity_of_its_own():
    found = find_quantities("Sales rose from 200 two years ago.")
    assert [(q.value, q.unit) for q in found] == [(200.0, None), (2.0, "year")]
    found = find_quantities("She won four of the six delegates.")
    assert [(q.value, q.unit) for q in found][0] == (4.0, "delegate")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Pensioners form more than half the membership in Westmarch.", "half", 0.5),
        ("Over half the councils now charge a parking levy.", "half", 0.5),
        ("About half of voters back Okafor.", "half", 0.5),
        ("The grant covers less than half of what the clinics spend.", "half", 0.5),
        ("Roughly a third say the levy is unfair.", "a third", 0.3333),
        ("Two-thirds support the plan.", "Two-thirds", 0.6667),
    ],
)
def test_fractions_of_a_whole_without_of_or_a_determiner(text, surface, value):
    [claim] = numeric(text)
    assert (claim.surface, round(claim.value, 4)) == (surface, value)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 4% in the second half of the year.",
        "Half an hour later the polls closed.",
        "Families in the top half of the income scale gained most.",
        "The other half of the grant went to Acme.",
        "One fund backs Okafor, another backs Lee, while a third would back Ng.",
    ],
)
def test_a_half_of_a_time_and_an_ordinal_third_are_no_shares(text):
    assert all(c.surface.lower() not in ("half", "a third") for c in numeric(text))


def test_a_verb_top_before_a_number_is_no_ranking():
    assert [c.surface for c in numeric("Sales could top 5 million this year.")] == ["5 million"]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Acme bought 45 Beacon 300-900 jets.", "45", "jet"),
        ("Zembla ordered 12 Globex A320 jets.", "12", "jet"),
        ("Inspectors are checking about 6,400 T-4 permits.", "6,400", "permit"),
    ],
)
def test_a_count_reads_past_a_makers_model_number_to_its_noun(text, surface, unit):
    [claim] = numeric(text)
    assert (claim.surface, claim.unit) == (surface, unit)


def test_a_capitalised_currency_before_a_day_is_still_money():
    [claim] = numeric("The tickets cost 5 Euros Monday.")
    assert (claim.surface, claim.unit) == ("5 Euros", "EUR")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Tickets cost 5 Euros In May.", "5 Euros", "EUR"),  # a title-case headline
        ("Zembla Pays 40 Million Dollars To Acme", "40 Million Dollars", "USD"),
    ],
)
def test_a_plural_currency_in_title_case_stays_money(text, surface, unit):
    [claim] = numeric(text)
    assert (claim.surface, claim.unit) == (surface, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Acme spent half the year in court.",
        "Half the time, the trains are late.",
        "He spent half his life in Zembla.",
        "The new model sells at half the price.",
    ],
)
def test_a_half_of_a_time_or_a_size_is_no_share(text):
    assert all(c.surface.lower() != "half" for c in numeric(text))


def test_a_count_of_quarters_is_no_fraction():
    [claim] = numeric("Two quarters were weak for Acme.")
    assert (claim.value, claim.unit) == (2, "quarter")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Results: 24 Okafor 18 Lee votes in the ward.", "Okafor 18 Lee votes"),
        ("Acme said 40 May 2024 orders were late.", "order"),
    ],
)
def test_a_second_figure_or_a_date_is_no_model_number(text, absent):
    claims = numeric(text)
    assert all(absent not in (c.unit or "") + (c.metric or "") for c in claims)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [("Two thirds say the levy is unfair.", "Two thirds", 0.6667),
     ("Three quarters support the plan.", "Three quarters", 0.75),
     ("Half the voters rate the levy as fair.", "Half", 0.5)],
)  # fmt: skip
def test_fractions_of_people_without_a_hyphen_are_shares(text, surface, value):
    [claim] = numeric(text)
    assert (claim.surface, round(claim.value, 4), claim.unit) == (surface, value, None)


def test_a_fraction_named_after_someone_is_no_share():
    claims = [
        c
        for c in extract_claims("The fair is held in a quarter named after Okafor.")
        if c.kind == "numeric"
    ]
    assert claims == []


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a capitalised "One" after a capitalised word ends a name: the count follows it
        ("Rivals took control of Westmarch One in three separate deals.", ["three"]),
        ("Lee flew Air Force One in two legs to 12 cities.", ["two", "12"]),
        # a share as ever: opening a sentence, after a clause's opener, or in a headline
        ("One in three voters backed Okafor.", ["One in three"]),
        ("But One in three voters backed Okafor.", ["One in three"]),
        ("Poll Shows One In Three Voters Undecided", ["One In Three"]),
    ],
)
def test_a_number_word_that_ends_a_name_opens_no_share(text, surfaces):
    assert [c.surface for c in numeric(text)] == surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value", "period"),
    [
        # letters a case-blind pattern reads as s and i: the long s, the dotless i
        ("Acme's sales rose to $3 bıllıon laſt year.", "$3 bıllıon", 3e9, "2022"),
        ("Acme's sales rose to $3 BILLION last year.", "$3 BILLION", 3e9, "2022"),
        (
            "Acme spent half a bıllıon dollars on its mills last year.",
            "half a bıllıon dollars",
            5e8,
            "2022",
        ),
    ],
)
def test_scale_and_time_words_a_case_blind_pattern_reads_are_understood(
    text, surface, value, period
):
    claim = only(text)
    assert (claim.surface, claim.value, claim.period) == (surface, value, period)
