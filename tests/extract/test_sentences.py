"""Sentence and paragraph splitting. Every text here is invented for the test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract.sentences import paragraph_spans, sentence_spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rain fell. The match was off.", ["Rain fell.", "The match was off."]),
        # Headline line followed by a single newline.
        (
            "Port strike ends after four days\nDOVER - Workers voted to return. Ships sailed.",
            [
                "Port strike ends after four days",
                "DOVER - Workers voted to return.",
                "Ships sailed.",
            ],
        ),
        # Headline separated by a blank line.
        ("Mills to close\n\nThe firm said so.", ["Mills to close", "The firm said so."]),
        # A wrapped line continues the sentence.
        (
            "The council voted to close the\nlibrary on Friday.",
            ["The council voted to close the\nlibrary on Friday."],
        ),
        ("He moved to the U.S. Senate in 2010.", ["He moved to the U.S. Senate in 2010."]),
        (
            "She lives in the U.S. The firm does not.",
            ["She lives in the U.S.", "The firm does not."],
        ),
        (
            "Mr. Okafor and Dr. Lind met on Jan. 5 at noon.",
            ["Mr. Okafor and Dr. Lind met on Jan. 5 at noon."],
        ),
        (
            "John F. Kennedy Airport closed. Flights resumed.",
            ["John F. Kennedy Airport closed.", "Flights resumed."],
        ),
        (
            "Growth was 2.5 per cent. It was 3.1 before.",
            ["Growth was 2.5 per cent.", "It was 3.1 before."],
        ),
        ('"We won." The coach smiled.', ['"We won."', "The coach smiled."]),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ("\u201cIt is over.\u201d He left.", ["\u201cIt is over.\u201d", "He left."]),
        ('"Is it over?" she asked.', ['"Is it over?" she asked.']),
        ("Shares in Dunmore Inc. rose 4%.", ["Shares in Dunmore Inc. rose 4%."]),
        ("The answer was no. Then the vote came.", ["The answer was no.", "Then the vote came."]),
        ("He lives at No. 10 now.", ["He lives at No. 10 now."]),
        ("Wait... What happened? Nobody knew!", ["Wait...", "What happened?", "Nobody knew!"]),
        ("Items:\n- bread\n- milk", ["Items:", "- bread", "- milk"]),
    ],
)
def test_sentence_shapes(text, expected):
    assert split(text) == expected


def test_paragraphs_are_separated_by_blank_lines():
    text = "  First para.\nStill first.\n\n\nSecond para.  \n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "First para.\nStill first.",
        "Second para.",
    ]


def test_empty_and_blank_text():
    assert sentence_spans("") == []
    assert sentence_spans(" \n\n \t") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .!?\"\u201c\u201d'\n\t5:-Mr.U.S"))))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = sentence_spans(text)
    last_end = 0
    for s, e in spans:
        assert last_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last_end = e
    # Nothing but whitespace is left out.
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_text_never_raises(text):
    for s, e in sentence_spans(text):
        assert 0 <= s < e <= len(text)
