"""Long unbroken input stays fast: extract_claims must be roughly linear in its input.

Each shape once made some step quadratic (a regex retried from every position of
a long run, a slice of the rest of the text taken at every mark, a list scanned
for every speaker). The sizes are small enough to run in well under a second
when the extractor is linear, and large enough that a quadratic path takes many
seconds.
"""

from __future__ import annotations

import itertools
import string
import time

import pytest

from claims.extract import extract_claims

LIMIT_SECONDS = 2.0


def _names(count: int) -> list[str]:
    """`count` distinct made-up two-word names ("Bac Dabe", ...)."""
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    pairs = itertools.product(syllables, repeat=3)
    return [f"{a.title()}{b} {c.title()}ley" for a, b, c in itertools.islice(pairs, count)]


SHAPES = {
    "a run of digits": "7" * 60_000,
    "digits with a letter at the end": "3" * 60_000 + "x",
    "letters without spaces": "q" * 200_000,
    "mixed letters without spaces": (string.ascii_letters * 4_000)[:200_000],
    "straight quote marks": '"' * 100_000,
    "curly quote marks": "\u201c\u201d" * 50_000,
    "apostrophes": "'" * 100_000,
    "nested brackets": "(" * 50_000 + ")" * 50_000,
    "nested brackets around a claim": "(" * 25_000 + " Kim said 5% " + ")" * 25_000,
    "a run of full stops": "." * 60_000,
    # a measure ending in a run of capitals that a name rule could split letter by letter
    "an answer naming a run of capitals": "Some 40% said they voted for ZEMBLA NATIONAL "
    "DEMOCRATIC PARTY CHIEFS today.",
    "a run of question marks before a capital": "?" * 60_000 + " The end.",
    "initials with full stops": "A. " * 15_000,
    # a name of many parts after a described source: splitting it must not backtrack
    "a long appositive name": "Sales rose 5%, according to the trade body, the "
    + " of ".join(["Beacon"] * 4_000)
    + " grew.",
    "one sentence of words without a full stop": " ".join(
        itertools.islice(
            itertools.cycle("the output of the region rose by 5 percent as people said".split()),
            12_000,
        )
    ),
    "capitalised words in a row": " ".join(
        itertools.islice(itertools.cycle(["Alpha", "Beta", "Gamma", "Delta"]), 10_000)
    ),
    "capitalised words then a cue": " ".join(
        itertools.islice(itertools.cycle(["North", "River", "Board", "Office"]), 10_000)
    )
    + " said the rate rose 5%.",
    "a number word repeated": "one " * 15_000,
    "digits joined by commas": "1," * 100_000,
    "digits joined by full stops": "1." * 100_000,
    "short lines without full stops": "a line\n" * 30_000,
    "currency signs": "$" * 100_000,
    "a cue before many far-apart numbers": "Mr Smith said "
    + ("that the board would look again at the figures once more " * 2 + "5, ") * 800,
    "many distinct speakers": " ".join(f"{name} said sales rose 5%." for name in _names(1_000)),
    # each month's clause is read for what is to come once, not once per future word
    "many months before many future words": "A poll "
    + "in January and " * 3_000
    + "shows "
    + "it will rise " * 3_000
    + ".",
    # each event is paired with the days near it, not with every day of the sentence
    "many dated events in one sentence": "Okafor will win " + "Monday's caucus and " * 4_000,
    # each figure in a bracket looks back a bounded stretch for the figure it breaks down
    "many figures in one bracket": "Lee rose 5 points (" + "5% and " * 2_000 + ").",
    # each bracketed figure reads its own item and the list's opening, not the sentence
    "a long list of bracketed figures": "the output of the region " * 4_000
    + "for women (5%) "
    + "and men (5%) " * 2_000,
    "a nominal source after many names": " ".join(
        f"The {name} Bank reported a loss." for name in _names(200)
    )
    + " the central bank said rates rose 1%." * 200,
    # each office that leads a score reads the article for its holder once, not again
    # from the start at every sentence
    "many scores led by an office": "The Westmarch senator leads Stone 48% to 45%. " * 2_000,
    # a sentence's unnamed sources are read once, not for each figure
    "many figures after an unnamed source": "Police said " + "5 people, " * 4_000 + "went.",
    "many figures after unnamed sources": "Police said 5 people came, " * 2_000,
    # a day named without its year is judged by the words near it, not the whole run
    "many yearless days in one sentence": "the most since December 4 jobs, " * 4_000,
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_extraction_stays_fast_on_long_unbroken_input(shape):
    text = SHAPES[shape]
    started = time.process_time()
    claims = extract_claims(text, "2024-01-31")
    elapsed = time.process_time() - started
    assert elapsed < LIMIT_SECONDS, f"{shape}: {elapsed:.2f}s for {len(text):,} characters"
    for claim in claims:
        assert claim.surface == text[claim.surface_start : claim.surface_end]
