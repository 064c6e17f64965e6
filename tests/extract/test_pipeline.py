"""extract_claims: the public contract and the assembly of numeric and attributed claims."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import assemble, extract_claims
from claims.extract.attribution import Attribution
from claims.model import ExtractedClaim

ARTICLE = (
    "Freedonia's economy likely shrank by 3.5 per cent in 2022, according to Fitch Ratings.\n\n"
    "The congress drew 5,000 delegates. Sales rose 8% in 2021.\n\n"
    '"We expect 2.0 percent growth in 2024," said Jane Doe, an analyst at Acme Bank.'
)


def fake_attribution(sentence_text: str, **fields):
    """An attribute_sentences replacement that attributes the sentences containing a text."""

    def attribute(text, sentences):
        out = []
        for start, end in sentences:
            if sentence_text in text[start:end]:
                values = {"kind": "statement", "speaker": "Acme", "speaker_org": None}
                values |= {"cue": "said", "via": None, "confidence": 0.8} | fields
                out.append(Attribution(start, end, **values))
            else:
                out.append(None)
        return out

    return attribute


def test_empty_and_blank_text_give_no_claims():
    assert extract_claims("") == []
    assert extract_claims("   \n\n  ") == []


def test_returns_extracted_claims_sorted_by_sentence_then_surface():
    claims = extract_claims(ARTICLE, "2023-01-06")
    assert all(isinstance(c, ExtractedClaim) for c in claims)
    keys = [(c.sentence_start, c.surface_start) for c in claims]
    assert keys == sorted(keys)


def test_offsets_index_the_text_as_given():
    for claim in extract_claims(ARTICLE):
        assert ARTICLE[claim.surface_start : claim.surface_end] == claim.surface
        assert claim.sentence_start <= claim.surface_start <= claim.surface_end
        assert claim.surface_end <= claim.sentence_end


def test_numeric_claims_of_the_article():
    numeric = [c for c in extract_claims(ARTICLE, "2023-01-06") if c.kind == "numeric"]
    assert [(c.surface, c.value, c.unit, c.period) for c in numeric] == [
        ("3.5 per cent", -3.5, "percent", "2022"),
        ("5,000", 5000, "delegate", None),
        ("8%", 8, "percent", "2021"),
        ("2.0 percent", 2.0, "percent", "2024"),
    ]


@pytest.mark.parametrize(
    "published",
    ["2023-01-06", "2023-01-06T10:00:00Z", date(2023, 1, 6), datetime(2023, 1, 6, 9), None],
)
def test_publication_date_forms(published):
    claims = extract_claims("Sales rose 4% last year.", published)
    assert [c.period for c in claims if c.kind == "numeric"] == ["2022"] if published else [None]


@pytest.mark.parametrize("published", ["", "yesterday", "2023-13-45", "06/01/2023"])
def test_unusable_publication_dates_are_ignored(published):
    claims = extract_claims("Sales rose 4% last year.", published)
    assert [(c.value, c.period) for c in claims if c.kind == "numeric"] == [(4, None)]


def test_parse_published():
    assert assemble.parse_published("2021-01-06") == date(2021, 1, 6)
    assert assemble.parse_published(datetime(2021, 1, 6, 12)) == date(2021, 1, 6)
    assert assemble.parse_published("soon") is None
    assert assemble.parse_published(20210106) is None


def test_attributed_sentence_becomes_a_claim_and_lends_its_speaker(monkeypatch):
    monkeypatch.setattr(
        assemble,
        "attribute_sentences",
        fake_attribution("5,000", speaker="Jane Doe", speaker_org="Acme Bank", via="KCNA"),
    )
    claims = extract_claims(ARTICLE)
    statement = next(c for c in claims if c.kind == "statement")
    sentence = ARTICLE[statement.sentence_start : statement.sentence_end]
    assert sentence == "The congress drew 5,000 delegates."
    assert (statement.surface, statement.surface_start) == (sentence, statement.sentence_start)
    assert (statement.speaker, statement.speaker_org, statement.cue, statement.via) == (
        "Jane Doe",
        "Acme Bank",
        "said",
        "KCNA",
    )
    assert statement.confidence == 0.8
    numeric = {c.surface: c for c in claims if c.kind == "numeric"}
    assert (numeric["5,000"].speaker, numeric["5,000"].via) == ("Jane Doe", "KCNA")
    assert numeric["8%"].speaker is None


def test_attributed_claim_sorts_before_the_numbers_of_its_sentence(monkeypatch):
    monkeypatch.setattr(assemble, "attribute_sentences", fake_attribution("5,000"))
    kinds = [c.kind for c in extract_claims(ARTICLE) if c.sentence_start == ARTICLE.index("The")]
    assert kinds == ["statement", "numeric"]


def test_quote_claim_gets_the_sentence_hedge(monkeypatch):
    monkeypatch.setattr(
        assemble, "attribute_sentences", fake_attribution("We expect", kind="quote")
    )
    quote = next(c for c in extract_claims(ARTICLE) if c.kind == "quote")
    assert quote.hedge == "expect"


def test_number_in_a_clause_before_the_cue_is_the_articles_own(monkeypatch):
    text = "Acme opened its first plant in five years, saying that demand was strong."
    monkeypatch.setattr(assemble, "attribute_sentences", fake_attribution("Acme", cue="saying"))
    numeric = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.speaker) for c in numeric] == [("five years", None)]


def test_number_before_a_closing_cue_keeps_the_speaker(monkeypatch):
    text = "Growth will be 4.7% in 2024, the ministry said."
    monkeypatch.setattr(assemble, "attribute_sentences", fake_attribution("ministry"))
    numeric = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.speaker) for c in numeric] == [("4.7%", "Acme")]


def test_number_after_the_cue_keeps_the_speaker(monkeypatch):
    text = "There are 30 shops in town while Acme said more than 14 million people shop there."
    monkeypatch.setattr(assemble, "attribute_sentences", fake_attribution("Acme"))
    numeric = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.speaker) for c in numeric] == [("30", None), ("14 million", "Acme")]


def test_a_figure_before_a_coordinated_cue_is_the_articles_own():
    # the cue's content opens with a figure: the clause before "and" is no part of it
    text = "Okafor has freed up $26 million in state funds and announced $5 million more."
    numeric = [c for c in extract_claims(text) if c.kind == "numeric"]
    assert [(c.surface, c.speaker) for c in numeric] == [
        ("$26 million", None),
        ("$5 million", "Okafor"),
    ]


def test_failing_attribution_still_gives_numeric_claims(monkeypatch):
    def broken(text, sentences):
        raise RuntimeError("boom")

    monkeypatch.setattr(assemble, "attribute_sentences", broken)
    claims = extract_claims(ARTICLE)
    assert [c.kind for c in claims] == ["numeric"] * 4


def test_attribution_of_the_wrong_length_is_ignored(monkeypatch):
    monkeypatch.setattr(assemble, "attribute_sentences", lambda text, sentences: [None])
    assert len(extract_claims(ARTICLE)) == 4


def test_confidence_is_a_probability():
    for claim in extract_claims(ARTICLE):
        assert 0.0 <= claim.confidence <= 1.0


def test_unit_claims_are_more_confident_than_bare_numbers():
    bare, unit = [c for c in extract_claims("It scored 24. It cost $24.") if c.kind == "numeric"]
    assert bare.confidence < unit.confidence


def test_real_attribution_module_is_wired_in():
    text = "Inflation will reach 3% in 2024, the Bank of England said."
    claims = extract_claims(text)
    statements = [c for c in claims if c.kind in ("quote", "statement")]
    numeric = [c for c in claims if c.kind == "numeric"]
    assert [c.speaker for c in statements] == ["Bank of England"]
    assert numeric[0].speaker == statements[0].speaker


@pytest.mark.parametrize(
    ("text", "surface", "speaker"),
    [
        # a stance taken on something: the figures are the article's own
        (
            "Harwick Mining welcomed a court ruling that cut its £40m fine.",
            "£40m",
            None,
        ),
        ("Brightwater Foods denied that it had shed 300 jobs.", "300", None),
        # reporting verbs keep their speaker
        ("Brightwater Foods said it had shed 300 jobs.", "300", "Brightwater Foods"),
        (
            "The Freedonia Statistics Office found that 12% of homes were empty.",
            "12%",
            "Freedonia Statistics Office",
        ),
    ],
)
def test_position_verbs_do_not_give_figures_a_speaker(text, surface, speaker):
    claim = next(c for c in extract_claims(text) if c.surface == surface)
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("text", "surface", "speaker"),
    [
        # the age in the words that name the speaker is the article's, not theirs
        ('"Rents are too high," says Jo Rivers, 21, a student from Lima.', "21", None),
        ("Jo Rivers, 58, said rents had risen 9% this year.", "58", None),
        # what they said keeps them
        ("Jo Rivers, 58, said rents had risen 9% this year.", "9%", "Jo Rivers"),
        ("According to Jo Rivers, 40% of loans were bad.", "40%", "Jo Rivers"),
        ("According to Jo Rivers, 40 loans were bad.", "40", "Jo Rivers"),
    ],
)  # fmt: skip
def test_a_speakers_age_is_not_their_claim(text, surface, speaker):
    claim = next(c for c in extract_claims(text) if c.surface == surface)
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        # a relative clause that states the figure of the noun phrase before it
        ("Officials pointed to the jobless rate, which stood at 5.1 percent in March.",
         "5.1 percent", "jobless rate"),
        ("He cited the trade deficit, which had reached $40bn by May.", "$40bn", "trade deficit"),
        ("Rivers can still close the gap in seats, which stood at 12.", "12",
         "gap in seats"),
    ],
)  # fmt: skip
def test_a_relative_clause_states_the_figure_of_the_measure_before_it(sentence, surface, metric):
    claim = next(c for c in extract_claims(sentence, "2023-06-01") if c.surface == surface)
    assert claim.metric == metric


def test_a_relative_clause_after_another_figure_names_no_measure():
    text = "Rivers has won 15.6 million votes, which is 3.7 million more than Stone."
    claim = next(c for c in extract_claims(text, "2023-06-01") if c.surface == "3.7 million")
    assert claim.metric != "million votes"


@pytest.mark.parametrize(
    ("sentence", "surface", "metric"),
    [
        ("Records show the $90,500 that Rivers has raised from bankers.", "$90,500",
         "money raised"),
        ("She repaid the $5m which the firm owed.", "$5m", "debt"),
        ("It is a $20m plan that would make the state richer.", "$20m", "plan"),
    ],
)  # fmt: skip
def test_a_relative_clause_after_an_amount_says_what_the_money_is(sentence, surface, metric):
    claim = next(c for c in extract_claims(sentence, "2023-06-01") if c.surface == surface)
    assert claim.metric == metric


def _keyed(text: str) -> dict[str, tuple]:
    """Each numeric claim's surface -> (subject, metric, unit)."""
    return {
        c.surface: (c.subject, c.metric, c.unit)
        for c in extract_claims(text, "2024-03-16")
        if c.kind == "numeric"
    }


@pytest.mark.parametrize(
    ("sentence", "part", "expected"),
    [
        (
            "Beacon Research conducted its poll May 3-6, surveying 1,200 adults, including "
            "950 likely voters.",
            "950",
            ("Beacon Research poll", "likely voters surveyed", "voter"),
        ),
        (
            "Acme employs 8,000 staff, including 1,300 engineers.",
            "1,300",
            ("Acme", "engineers employed", "engineer"),
        ),
        # the part's noun left out: a count of the whole's noun
        (
            "Westmarch has 40 clinics, including six in the capital.",
            "six",
            ("Westmarch", "clinics", "clinic"),
        ),
        ("Okafor won 31 seats, including 12 in the north.", "12", ("Okafor", "seats won", "seat")),
    ],
)
def test_a_part_of_a_count_is_the_same_subjects_measure(sentence, part, expected):
    assert _keyed(sentence)[part] == expected


def test_a_part_takes_the_nearest_count_and_only_across_a_comma():
    # "including" goes with the count right before it, never one further back
    claims = _keyed("The blast killed 30 people and injured 50, including 12 children.")
    assert claims["12"][1] != "children killed"
    # a new clause after a semicolon counts something of its own
    claims = _keyed("Acme employs 8,000 staff; its total, including 1,300 contractors, is higher.")
    assert claims["1,300"][1] != "contractors employed"
    # a single one is as often a pronoun ("including one from Beacon")
    assert list(_keyed("Three polls, including one from Beacon, show Lee ahead.")) == ["Three"]


def test_a_part_with_a_thousands_comma_counts_the_whole_s_noun():
    assert _keyed("Acme employs 8,000 staff, including 1,300 in Zembla.")["1,300"] == (
        "Acme",
        "staff employed",
        "staff",
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="rose fears co-op gas x ray R 9'’_é.\n", max_size=40), st.data())
def test_lower_case_words_are_answered_as_listing_them_would(text, data):
    """The set of words an article writes in lower case answers for one word by
    finding it, and agrees with the full list: asked of the text's own pieces."""
    listed = frozenset(assemble._LOWER_WORD_RE.findall(text))
    lazy = assemble._LowerCaseWords(text, frozenset())
    pieces = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + 8) + 1)}
    asked = sorted(pieces | set(text.split()) | {"rose", "co-op", "rose's", ""})
    assert [word in lazy for word in asked] == [word in listed for word in asked]
    assert bool(lazy) == bool(listed)
