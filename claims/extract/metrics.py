"""What a quantity measures: the `metric` of a numeric claim (CLAIM-SPEC `metric`).

A metric is the noun phrase that governs the number, in the article's own words.
The rules below read the words on either side of the number, from the most to the
least telling, and stop at the first that names a measure:

- a person's age ("aged 45", "the 34-year-old") and how long something lasted ("a
  game lasting two hours": game duration);
- after the number: "a 12% rise in exports" (exports), "a $9 minimum wage" (minimum
  wage), "$4bn in revenue" (revenue), "$3bn of debt" (debt), "30% of the workforce"
  (share of workforce), "6% growth" (growth), "$5m was spent on ads" (spending on
  ads), "52 percent favorable" (favorable rating), "7.1 to the dollar" (exchange rate
  against the dollar);
- before it: "an inflation rate of 3%" (inflation rate), the subject of the verb that
  moves or states the figure, past its qualifiers ("profits at the bank rose 5%":
  profits; "Acme shares fell 3%": share price), the object of a verb that pushes it
  ("pushed yearly output to 3%"), a gap in points ("leads Ng by 6 points": lead over
  Ng), poll language ("Smith has 44%": support; "Lee received 52%": vote share), a
  verb of money ("earned £9,000": earnings; "was paid $2m": payment; "valued at":
  value), and last what the older rules in `context.find_metric` read;
- the counted noun of a count, with a second noun counted with it ("staff and
  contractors") and the verb that did the counting ("cars sold", "adults surveyed");
- a rate's denominator after the number: "$40 per square foot" (rent per square foot);
- for a figure with none of these, in the same sentence, the metric of the figure it
  continues: "sales rose 4% to $2bn, and 6% to $3bn in Asia", "Smith 40%, Jones 35%",
  "net income of $6bn, a 7% increase".

No parser: word lists of closed classes (determiners, prepositions, auxiliaries) and
of the verbs that move a figure. Each rule returns None rather than a wrong phrase.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

from claims.extract import context, leads, places, units
from claims.extract.lexicon import (
    can_name_a_measure,
    is_describing_word,
    is_noun_not_adjective,
    is_only_a_verb,
    past_participle,
)
from claims.extract.names import (
    CALENDAR_NAMES,
    COPULA,
    DEMONYM,
    SAYING_VERBS,
    SHARE_TRAIT,
    TITLES,
)

__all__ = [
    "FIELDWORK_WORDS",
    "GROUP_STATES",
    "SIGNS",
    "SUPPORT_AMONG",
    "answers_for_the_asked",
    "commodity_priced",
    "currency_quoted",
    "measure_it_stands_for",
    "named_grade",
    "revised_outlook",
    "sentence_metrics",
]

# --- word classes -------------------------------------------------------------------

_DETERMINERS = frozenset("the a an its their his her our my your this that these those".split())
_PREPOSITIONS = frozenset(
    """in for of on at among across within from by to with over during since through after
    before between under into than against per via behind ahead above below beyond versus
    vs""".split()
)
_CONJUNCTIONS = frozenset(
    "and or but nor while whereas although though as if unless because whether once".split()
)
_PRONOUNS = frozenset(
    """i you he she it we they me him us them who whom whose which what that there here where
    when why how""".split()
)
_AUXILIARIES = frozenset(
    """is are was were be been being am has have had having will would shall should can could
    may might must do does did to not also still now just only already currently""".split()
)
_QUANTIFIERS = frozenset(
    """some all each every many much more most less least few fewer several any no other
    another such both either neither own same further extra additional""".split()
)
_APPROXIMATORS = frozenset(
    """about around almost nearly roughly approximately some over under more less than fewer
    at least up to just only close estimated an a another further extra plus minus or
    annualised annualized seasonally adjusted as much many little few""".split()
)  # "plus or minus 3 points": a margin's spread; "as much as", "as few as"
# Time words that follow a number without being what it measures: "5% last year".
_TIME_WORDS = frozenset(
    """year years month months week weeks day days decade decades quarter quarters hour hours
    minute minutes today yesterday tomorrow tonight overnight annually ago earlier later
    since last next this previous time times period term""".split()
)
# Verbs (and direction words) that move or state a figure: "X rose 5%", "X up 5%",
# "X stood at 5%". The metric is their subject.
_IRREGULAR_PAST = frozenset(
    """rose risen fell fallen grew grown shrank shrunk slid lost stood went came ran hit was
    were is are be been""".split()
)
_CHANGE_VERBS = frozenset(
    """rose rise rises risen rising fell fall falls fallen falling grew grow grows growing
    grown shrank shrink shrinks shrunk shrinking contracted contract contracts contracting
    expanded expand expands expanding increased increase increases increasing decreased
    decrease decreases decreasing declined decline declines declining dropped drop drops
    dropping climbed climb climbs climbing jumped jump jumps jumping slumped slump slumps
    slid slide slides sliding slipped slip slips slipping dipped dip dips dipping edged
    edging surged surge surges surging soared soar soars soaring plunged plunge plunges
    plunging tumbled tumble tumbles tumbling gained gain gains gaining lost lose loses
    losing rebounded rebound rebounds recovered advanced advance advances eased ease eases
    easing slowed slow slows slowing accelerated widened widen narrowed narrow
    totalled totaled total totals totalling totaling numbered numbering amounted amount
    amounts reached reach
    reaches reaching hit hits topped top tops exceeded exceed exceeds stood stand stands
    standing remained remain remains remaining sits sit sat was were is are be been stay
    stayed stays peaked peaking averaged average averages doubled tripled halved trading traded went
    go goes going came come comes ran run runs running stabilize stabilise stabilized
    stabilised hover hovers hovered hovering changed unchanged""".split()
)
# Words of an outlook between a measure and its verb: "the deficit is projected to be"
# ("likely", like every -ly word, is passed over anyway).
_OUTLOOK_WORDS = frozenset(
    "projected expected forecast predicted estimated set due poised going".split()
)
# The forms of those verbs that are never nouns: "total", "average", "rise" can be.
_VERB_FORMS = frozenset(
    w for w in _CHANGE_VERBS if w.endswith(("ed", "ing")) or w in _IRREGULAR_PAST
)
# Direction words that stand for a verb: "with revenue up 3%", "shares were down 2p".
_DIRECTION_WORDS = frozenset("up down off higher lower".split())
# Words that may follow the verb before the number: "rose by", "fell to", "stood at",
# "went up by", "was down a seasonally adjusted".
_VERB_TAIL = frozenset(
    """by to at from up down off a an just nearly almost about around some roughly over
    more less than only marginally slightly sharply steadily seasonally adjusted another
    further close under below above annualised annualized estimated record somewhat well
    near""".split()
)
# Words that read as -ed or -ing forms but name things inside a noun phrase.
_PARTICIPLE_NOUNS = frozenset(
    """spending funding housing building lending borrowing financing training savings
    earnings holdings polling pricing shipping manufacturing marketing advertising gaming
    gambling clothing rating ratings ranking rankings meeting meetings listing listings
    offering offerings opening openings landing landings staffing operating remaining
    registered adjusted listed skilled unskilled unemployed employed detached limited
    united retired disabled insured armed licensed qualified undecided proposed
    planned""".split()
)
# Verbs that are never part of a measure's name (also in their common forms).
_OTHER_VERBS = frozenset(
    """said says say saying told tells tell show shows showed shown showing mean means meant
    expect expects expected think thinks thought believe believes believed see sees saw
    seen want wants wanted make makes made get gets got take takes took give gives gave
    put puts set sets keep keeps kept help helps helped need needs needed report reports
    reported announced announce announces found find finds forecast forecasts predicted
    predicts predict estimate estimates suggest suggests suggested reveal reveals revealed
    warned warn warns added adds add spent spend spends sold sell sells lost won made built
    bought held kept left sent brought taken given cut put shed paid pay pays paying owns
    own employs employ remains remain stays seem seems become becomes come comes came go
    goes went gone""".split()
)
# Nouns that name a change of a measure, not the measure: "a 4% rise in sales".
_CHANGE_NOUNS = frozenset(
    """rise rises increase increases fall falls drop drops decline declines jump jumps gain
    gains growth cut cuts reduction reductions surge slump climb boost hike hikes dip
    slide leap fall-off rebound improvement expansion contraction""".split()
)
# Change nouns that are measures in their own right: "6% growth", "a 2% contraction".
_GROWTH_NOUNS = frozenset("growth expansion contraction".split())
# Nouns that say "an amount" without saying of what: "the number of staff" is staff.
_GENERIC_HEADS = frozenset("number total amount sum level figure count tally range average".split())
# Adverbs and particles that end the words after a number: "18% so far this year".
_ADVERBS = frozenset(
    """so far too very well even yet again ago apiece respectively alone instead out prior
    then there here""".split()
)
# Words that say where a figure stands against others, never what it measures: "at a
# 50 year low", "close to the lowest" (CLAIM-SPEC: no direction word is a metric).
_STANDING_WORDS = frozenset("low high lows highs lowest highest close record peak".split())
# Denominators of a rate: "$90 a share", "$30 per square foot", "2m passengers a year";
# not a time of a baseline ("$4m a year earlier", "5% a month ago").
_RATE_DENOMINATOR_RE = re.compile(
    r"\s*(?:a|an|per|each)\s+(share|month|year|week|day|hour|night|head|person|capita"
    r"|square\s+(?:foot|feet|metre|meter|mile)|barrel|tonne|ton|unit|seat|vote)\b"
    r"(?!\s+(?:earlier|ago|before|later|previously|prior)\b)",
    re.IGNORECASE,
)
# A conversion in brackets right after a figure: "€2bn ($2.6bn; £1.8bn)".
_CONVERSION_RE = re.compile(r"\s*\([^()]{0,40}\d[^()]{0,40}\)")
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty hundred thousand million billion trillion half halves third thirds quarter
    quarters fifth fifths dozen""".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*(?:%|[A-Za-z]+)?|[^\sA-Za-z\d]")
# What ends a clause when reading back from a verb to its subject.
_CLAUSE_STOPS = frozenset(',;:()[]\u2013\u2014"“”')
_CLAUSE_WORDS = frozenset(
    """that which who where when while whereas although though because and but or if as
    after before since than so said says according""".split()
)
_POLL_VERBS = frozenset(
    """has have had with at earn earned earns earning gets get got getting garnered garners
    polled polls polling draws drew""".split()
)
# Of those, the ones that need the candidate's name right before them: "Smith has 40%",
# "Smith at 40%" (while "Smith came third with 9%" names her further back).
_POLL_VERBS_NEXT_TO_NAME = frozenset("has have had at".split())
_SUPPORT_VERBS = frozenset(
    "support supports supported back backs backed favor favors favour favours prefer".split()
)
_SHARES = frozenset("shares share stock stocks".split())
_ECONOMY = frozenset("economy economies".split())
# Traded goods whose moves and levels are prices: "oil rose to $50 a barrel".
_COMMODITIES = frozenset(
    """oil crude gold silver copper platinum palladium aluminium aluminum nickel zinc
    petrol gasoline diesel wheat corn soybeans coffee cocoa sugar cotton""".split()
)


@functools.lru_cache(maxsize=4096)  # asked of the same few words dozens of times a figure
def _lower(word: str) -> str:
    return word.lower().replace("’", "'")


def _is_verbish(word: str) -> bool:
    w = _lower(word)
    if w in _PARTICIPLE_NOUNS:
        return False
    if _compound_adjective(w):
        return False  # "mortgage-backed", "state-owned"
    return (
        w in _VERB_FORMS
        or w in _OTHER_VERBS
        or w in _AUXILIARIES
        or w.endswith("ed")
        or (w.endswith("ing") and len(w) > 5)
    )


def _compound_adjective(word: str) -> bool:
    """A hyphenated word ending in -ed describes a noun: "mortgage-backed", "state-owned"."""
    return "-" in word.strip("-") and word.endswith("ed")


def _is_function(word: str) -> bool:
    w = _lower(word)
    return (
        w in _DETERMINERS
        or w in _PREPOSITIONS
        or w in _CONJUNCTIONS
        or w in _PRONOUNS
        or w in _QUANTIFIERS
        or w in _AUXILIARIES
    )


def _nounish(word: str) -> bool:
    """Whether a lower-case word can sit inside a measure's name."""
    w = _lower(word)
    if not w[:1].isalpha() or _is_function(w) or _is_verbish(w):
        return False
    if "'" in w and _is_function(w.split("'")[0]):
        return False  # "it's", "there's", "they've": a pronoun and its verb
    if any(part in _NUMBER_WORDS for part in w.split("-")):
        return False  # "two whole wings", "three-quarters of"
    if w.endswith("ly") and w not in ("supply", "family", "rally", "assembly", "monopoly", "tally"):
        return False
    return (
        w not in _TIME_WORDS
        and w not in _DIRECTION_WORDS
        and w not in _ADVERBS
        and w not in _STANDING_WORDS
    )


def _is_indicator(word: str) -> bool:
    """An indicator's capitals, a measure's name: "GDP", "CPI"."""
    return word in context.MEASURE_ACRONYMS


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _clean_metric(words: list[str]) -> str | None:
    """A measure's words as written, or None when they cannot name one."""
    while words and (_is_function(words[0]) or words[0].lower() in _QUANTIFIERS | {"overall"}):
        words = words[1:]  # "the overall trade deficit" is the trade deficit
    if len(words) > 1 and words[0].endswith(("'s", "’s")) and words[0][:1].islower():
        words = words[1:]  # "the firm's net debt": the owner is the subject's to name
    if not words or len(words) > 6:
        return None
    if words[-1].lower() in _TIME_WORDS or not (
        words[-1][:1].islower() or _is_indicator(words[-1])
    ):
        return None
    if _says_no_which(words):
        return None  # "the annual total": which total it does not say
    if _compound_adjective(words[-1]):
        return None  # "self-identified" with its noun cut off: a modifier, no measure
    return " ".join(words)


def _says_no_which(words: list[str]) -> bool:
    """Whether the words end in a generic head that no noun before it qualifies: "the
    final tally", "the annual total", "the target range"; not "delegate count", "vote
    total"."""
    if words[-1].lower() not in _GENERIC_HEADS:
        return False
    qualifier = words[-2] if len(words) > 1 else ""
    # a goal's word says what kind of range, not of which measure ("the target range")
    return not (
        qualifier[:1].islower()
        and qualifier.lower() not in _GOAL_WORDS
        and is_noun_not_adjective(qualifier)
    )


# --- after the number ---------------------------------------------------------------


def _skip_conversion(sentence: str, pos: int) -> int:
    m = _CONVERSION_RE.match(sentence, pos)
    return m.end() if m else pos


def _words_after(sentence: str, pos: int, limit: int = 10) -> list[re.Match[str]]:
    """The words right after pos, up to the first token that is no word."""
    out = []
    for m in _TOKEN_RE.finditer(sentence, pos, min(len(sentence), pos + 120)):
        if not m.group()[:1].isalpha():
            break
        out.append(m)
        if len(out) >= limit:
            break
    return out


def _ing_modifier(word: str, following: list[str]) -> bool:
    """An -ing word that modifies the noun after it: 'banking units', 'operating margin'."""
    w = _lower(word)
    if not w.endswith("ing") or w in _CHANGE_VERBS or w in _OTHER_VERBS:
        return False
    return bool(following) and following[0][:1].islower() and _nounish(following[0])


def _np_from(words: list[str], *, after_determiner: bool = False) -> list[str]:
    """The noun phrase that opens `words`: lower-case nounish words, stopping at the
    first function word, verb or name ("net profits to 2bn" -> "net profits"). After a
    determiner, the first word is a noun whatever else it can be ("a 20% divide")."""
    out: list[str] = []
    for k, word in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ""
        if out and DEMONYM.search(word) and _PEOPLE_NOUN_RE.fullmatch(following):
            out.append(word)  # "eligible Democratic voters", "small German firms"
            continue
        if not word[:1].islower() and not _is_indicator(word):
            if (
                out
                and "-" in out[-1]
                and following[:1].islower()
                and _nounish(following)
                and not word.endswith(("'s", "’s"))
                and not DEMONYM.search(word)
            ):
                # "longer-term Zembla bonds": a name between a compound modifier
                # and its noun; not "the stake Acme holds"
                out.append(word)
                continue
            break
        if not _nounish(word) and not _ing_modifier(word, words[k + 1 : k + 2]):
            break
        if is_only_a_verb(_lower(word)) and (out or not after_determiner):
            break  # "voters chose Lee": the noun's verb
        if out and _lower(word) in _SUPPORT_VERBS:
            break  # "voters support the plan": a verb after the noun
        out.append(word)
        if word.endswith(("'s", "’s")) and len(out) > 1:
            break
    return out


_SPAN_WORDS = frozenset("past last next first top".split())
# A plural noun after a people's adjective: "Democratic voters", "German firms".
_PEOPLE_NOUN_RE = re.compile(r"[a-z][a-z-]*[^s\W]s")


def _object_after(words: list[str]) -> list[str]:
    """The noun phrase after a preposition, past its determiner, a possessor and names
    ("of their sales staff", "of Acme's patent portfolio", "of Ohio voters")."""
    k = 0
    while k < len(words) and k < 4:
        w = words[k]
        function_or_name = _lower(w) in _DETERMINERS | _QUANTIFIERS or (
            w[:1].isupper() and not _is_indicator(w)
        )
        # "of the past seven contests": a span's word and its number before the noun (not
        # "30% of top earners", "first graders")
        span_word = _lower(w) in _NUMBER_WORDS or w[:1].isdigit()
        if _lower(w) in _SPAN_WORDS:
            # (the words read may stop at the number itself: "of the first" 11 ...)
            following = _lower(words[k + 1]) if k + 1 < len(words) else "0"
            span_word = following in _NUMBER_WORDS or following[:1].isdigit()
        if function_or_name or span_word or (w.endswith(("'s", "’s")) and k + 1 < len(words)):
            k += 1
        else:
            break
    return _np_from(words[k:])


def _after_number(sentence: str, start: int, end: int, kind: str) -> tuple[str | None, bool]:
    """The metric the words after the number name, and whether they name a change
    without saying of what ("a 7% increase on the year before")."""
    pos = _skip_conversion(sentence, end)
    rate = _RATE_DENOMINATOR_RE.match(sentence, pos)
    if rate:
        pos = rate.end()
    found = _words_after(sentence, pos)
    words = [m.group() for m in found]
    if words and _lower(words[0]) in _NOT_MEASURES:
        words = words[1:]  # "8 points ahead": the unit, not a measure
    if words and kind == "measure" and (dimension := _DIMENSIONS.get(_lower(words[0]))):
        return dimension, False  # "240km long": its length
    if words and kind == "measure" and _lower(words[0]) in _DIRECTION_OF_DISTANCE:
        return "distance", False  # "80 miles south of the border": how far away
    if not words or _lower(words[0]) in _GAP_WORDS:
        return None, False  # "5 points shy of the record", "$2m short": a gap, no measure
    first = _lower(words[0])
    if first == "mark":
        return None, True  # "passed the 900 mark": a round figure, not what it measures
    if first == "worth" and len(words) > 2 and _lower(words[1]) == "of":
        words = words[2:]  # "$2 trillion worth of deals": the deals
        first = _lower(words[0])
    if first in _RATING_WORDS and kind == "percent":
        return f"{first} rating", False  # "40 percent favorable"
    if fx := _exchange_rate(words):
        return fx, False
    if (
        first in ("spent", "spend")
        or words[:2] == ["was", "spent"]
        or words[:3] == ["will", "be", "spent"]
    ):
        return _spending(words), False
    went = [_lower(w) for w in words[:3]]
    if (
        kind == "money"
        and went[:1] in (["went"], ["goes"])
        and len(went) == 3
        and went[2] not in _NOT_PAID_FOR
        and [_lower(w) for w in words[2:4]] not in (["the", "polls"], ["the", "courts"])
        and not _AMOUNT_OF_RE.search(sentence, max(0, start - 40), start)
    ):
        # the amount as what went somewhere, not a noun's ("the award of $4m went to")
        if went[1] == "on":
            return _spending(["spent", *words[1:]]), False  # "£14m went on software"
        if went[1] == "to":
            return "payment", False  # "$40,000 went to his firm": paid to it
    if first in _CHANGE_NOUNS:
        if len(words) > 2 and _lower(words[1]) in ("in", "of"):
            np = _object_after(words[2:])
            if np:
                return _clean_metric(np), False
        if first in _GROWTH_NOUNS:
            return first, False  # "expects 6% growth": growth is what is measured
        return None, True
    if first == "the" and kind == "share" and len(words) > 1:
        words, first = ["of", *words], "of"  # "half the electorate": a share of it
    if first == "of" and kind in ("percent", "share", "number", "money", "measure"):
        np = _object_after(words[1:])
        lone_name = len(words) > 1 and words[1][:1].isupper()
        lone_name = lone_name and not (len(words) > 2 and _lower(words[2]).endswith("ly"))
        lone_name = lone_name and not (len(words) > 2 and _nounish(words[2]))
        if not np and kind in ("percent", "share") and lone_name:
            return f"share of {words[1]}", False  # "50% of Acme", "a third of Americans"
        if not np:
            return None, False
        rest = words[words.index(np[-1], 1) + 1 :]
        if rest and _lower(rest[0]) in _SUPPORT_VERBS:
            return "support", False  # "40% of voters back the plan"
        if _says_no_which(np):
            return None, False
        metric = _clean_metric(np)
        if metric and kind in ("percent", "share"):
            return f"share of {metric}", False
        return metric, False
    in_noun = first == "in" and len(words) > 1 and words[1][:1].islower()
    if in_noun and kind == "money" and _lower(words[1]) not in _DETERMINERS:
        return _clean_metric(_np_from(words[1:])), False  # "$2bn in revenue"
    if rate:
        return None, False
    if kind in ("percent", "share") and first in _SUPPORT_VERBS:
        return "support", False  # "30% back Lee"
    if kind in ("percent", "share") and _answer_participle(words):
        return words[0], False  # "15% enthusiastic and 24% satisfied", "10% undecided"
    if _named_modifier(sentence, end, words):
        words = words[1:]  # "a $1bn Zika funding bill": the bill, for Zika
    after_determiner = _DETERMINER_RIGHT_BEFORE_RE.search(sentence, max(0, start - 16), start)
    np = _np_from(words, after_determiner=after_determiner is not None)
    if (
        np
        and len(np) < len(words)
        and _lower(words[len(np)]) in ("in", "of")
        and (np[-1].lower() in _CHANGE_NOUNS)
    ):
        return None, True
    if (
        len(np) == 1
        and not after_determiner
        and not can_name_a_measure(_lower(np[0]), of_a_share=kind in ("percent", "share"))
    ):
        # "three weeks away", "40 percent chose Lee"; but after a determiner the word
        # is the figure's noun, whatever else it can be ("a 62-32 divide")
        return None, False
    return _clean_metric(np), False


def _answer_participle(words: list[str]) -> bool:
    """Whether a share is followed by the participle that it answered, alone ("24%
    satisfied", "30% opposed and 12% unsure"), not by an agent ("0.3% expected by
    economists")."""
    if not words or not words[0][:1].islower() or not _is_verbish(words[0]):
        return False
    if len(words) > 1 and _lower(words[1]) not in ("and", "or", "but"):
        return False
    return _lower(words[0]) not in _REPORTING_PARTICIPLES and is_describing_word(_lower(words[0]))


# Participles that report or compare a figure, never a share's answer: "21% said",
# "up 12% compared".
_REPORTING_PARTICIPLES = frozenset(
    "said told reported estimated expected forecast projected compared named described".split()
)


# A determiner right before a figure (or before the first figure of its pair, "a 62%-"),
# which makes the word after the figure its noun; _DETERMINER_BEFORE_RE below allows a
# name between them.
_DETERMINER_RIGHT_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+(?:[\d.,]+%?[-–])?$", re.I
)
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that)\s+(?:\S+\s+){0,2}\S+$", re.I
)


def _named_modifier(sentence: str, end: int, words: list[str]) -> bool:
    """Whether a name stands between a figure and its noun as a modifier: "a $1bn Zika
    funding bill", "the $4bn Acme contract" (a determiner before the figure makes the
    whole one noun phrase)."""
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return False
    if _is_indicator(words[0]):
        return False  # "a 10% VAT on fuel": the indicator is the noun
    return bool(_DETERMINER_BEFORE_RE.search(sentence, max(0, end - 40), end))


_RATING_WORDS = frozenset("positive negative favorable unfavorable favourable unfavourable".split())
# Currencies by name, as units.CURRENCY_WORDS knows them ("dollar", "Swiss franc"), and
# the names a quote is made against ("to the krona"), whose bare word after a number is
# too often something else to be a unit ("40 real reasons").
_CURRENCY_NAMES = frozenset(name.split()[-1] for name in units.CURRENCY_WORDS) | frozenset(
    "franc krona krone real".split()
)
# Names that are common words too ("the real level"): no quote's subject on their own.
_AMBIGUOUS_CURRENCY_NAMES = frozenset({"real"})


def _exchange_rate(words: list[str]) -> str | None:
    """'$1.17 to the euro', '8.3 against the dollar': the rate against that currency."""
    if (
        len(words) >= 3
        and _lower(words[0]) in ("to", "against", "per")
        and (_lower(words[1]) == "the" and _lower(words[2]) in _CURRENCY_NAMES)
    ):
        return f"exchange rate against the {_lower(words[2])}"
    return None


# A currency's name as a market report makes it the subject of a quote: "the dollar",
# "the Swiss franc", "sterling" (a name after a number, "40 euros", is a unit).
_CURRENCY_NAME = "|".join(
    sorted(
        {re.escape(n) for n in units.CURRENCY_WORDS}
        | (_CURRENCY_NAMES - _AMBIGUOUS_CURRENCY_NAMES),
        key=len,
        reverse=True,
    )
)
_QUOTED_CURRENCY_RE = re.compile(
    rf"\b(?:(?:the|The)\s+(?P<name>(?i:{_CURRENCY_NAME}))|(?P<sterling>[Ss]terling))\b"
    r"(?!-|\s+(?:zone|area|bloc|bond|notes?)\b)"
)
# The words a quote may run through between the currency and its rate: verbs of
# standing and moving, their adverbs, earlier quotes and their times ("the rand was up
# at $0.07 to the dollar, and buying 9.1 yen", "fell to 103 yen from 105 yen"); nothing
# that names another thing.
_QUOTE_WORDS = frozenset(
    """was is were stood stands ended closed finished opened traded trading trades rose rise
    rising fell fall falling climbed climbing slipped slipping dropped dropping gained
    gaining lost losing edged edging slid sliding jumped jumping eased easing firmed
    weakened strengthened hit hitting reached reaching touched touching bought buying buys
    buy fetched fetching fetches worth valued up down slightly sharply steady steadily
    higher lower firmer weaker stronger at to against the a its new fresh record low high
    level levels of and above below just around about near nearly almost over under some
    later early late then still again also from on in end compared with cents cent pence
    penny points morning afternoon evening start year week day month quarter session now
    ago earlier""".split()
)
_SCALED_RE = re.compile(r"\d\s?(?:m|bn|tn|k|million|billion|trillion|thousand)\b", re.I)
_COUNTER_BEFORE_RE = re.compile(r"\b(?:to|against|per|versus)\s+$")
# A figure in a quote, its currency code written before it too ("US$0.67", "A$1").
_QUOTE_NUMBER_RE = re.compile(rf"(?:{units.CURRENCY_PREFIX_RE.pattern})?\d[\d.,]*")
# A price of a thing, not of a currency: "$4 a pint", "$9 per share"; not "a year ago".
_PRICE_OF_A_THING_RE = re.compile(
    r"\s+(?:a|an|per|each)\s+(?!(?:day|week|month|year|quarter|session|hour|decade)s?\b)[a-z]"
)


def _plain_names(names: dict[str, str]) -> dict[str, str]:
    """Each currency code's first name, its plain one ("dollar", not "buck"), with the
    capitals of a name of more than one word ("Swiss franc", "US dollar")."""
    plain: dict[str, str] = {}
    for name, code in names.items():
        *qualifiers, noun = name.split()
        words = [w.upper() if len(w) == 2 else w.title() for w in qualifiers]
        plain.setdefault(code, " ".join([*words, noun]))
    return plain


# The counter-currency a quote's unit names: "105.6 yen" is the rate against the yen.
_COUNTER_CURRENCY = _plain_names(units.CURRENCY_WORDS)


def _singular_currency(word: str) -> str:
    """'euros' -> 'euro'; the name of a currency as a quote's words may give it."""
    return word[:-1] if word.endswith("s") and word[:-1] in _CURRENCY_NAMES else word


def currency_quoted(
    sentence: str, start: int, end: int, unit: str | None, metric: str | None
) -> tuple[str, str] | None:
    """The currency a market quote is of, and what it is measured against: "the dollar
    fell to 103.5 yen" (dollar; exchange rate against the yen), "the euro rose to
    $1.36", "a peg that holds the rupee near 44 to the dollar". None for money of a
    currency ("the dollar's fall cost Acme $40m", "the euro zone's $2bn fund"): the quote
    must follow the currency through words of a market report alone, and carry no scale."""
    against = (
        metric[len("exchange rate against the ") :]
        if metric and metric.startswith("exchange rate against the ")
        else _COUNTER_CURRENCY.get(unit or "")
    )
    if against is None or _SCALED_RE.search(sentence, start, end):
        return None  # no counter-currency, or "$2bn": an amount of money, not a rate
    if _PRICE_OF_A_THING_RE.match(sentence, end):
        return None  # "at $4 a pint": a price in the currency
    found = None
    for m in _QUOTED_CURRENCY_RE.finditer(sentence, max(0, start - 160), start):
        if not _COUNTER_BEFORE_RE.search(sentence, max(0, m.start() - 10), m.start()):
            found = m  # "$0.07 to the dollar": an earlier quote's counter-currency
    if found is None:
        return None
    written = (found["name"] or found["sterling"]).lower()
    code = units.CURRENCY_WORDS.get(written)
    # as the text names it ("sterling", "the buck"), with the capitals of a longer name
    name = _COUNTER_CURRENCY[code] if code and " " in written else written
    between = _QUOTE_NUMBER_RE.sub(" ", sentence[found.end() : start])
    words = re.findall(r"[A-Za-z]+", between)
    same = code is not None and _COUNTER_CURRENCY.get(code, "").lower() == against.lower()
    if (
        same
        or written == against.lower()
        or not all(
            w.lower() in _QUOTE_WORDS
            or _singular_currency(w.lower()) in _CURRENCY_NAMES
            or w in CALENDAR_NAMES
            for w in words
        )
    ):
        return None
    return name, f"exchange rate against the {against}"


def _spending(words: list[str]) -> str:
    """'£4m was spent on training' -> 'spending on training'."""
    k = words.index("spent") + 1 if "spent" in words else 1
    if k < len(words) and _lower(words[k]) == "on":
        np = _object_after(words[k + 1 :])
        if np:
            rest = words[words.index(np[-1], k + 1) + 1 :]
            np += _coordinated(rest)
            rest = words[words.index(np[-1], k + 1) + 1 :]
            if len(rest) > 1 and rest[0] == "of" and (inner := _np_from(rest[1:])):
                np += ["of"] + inner  # "spent on repair of roads"
            return "spending on " + " ".join(np)
    return "spending"


# --- before the number --------------------------------------------------------------


_WINDOW = 160


def _tokens_before(sentence: str, start: int) -> list[str]:
    offset = max(0, start - _WINDOW)
    while 0 < offset < start and sentence[offset - 1].isalnum():
        offset += 1  # whole words only
    tokens = _TOKEN_RE.findall(sentence, offset, start)
    last = [_lower(t) for t in tokens[-3:]]  # no phrase tested below is longer
    for spread in _PLUS_OR_MINUS:
        if last[-len(spread) :] == spread:
            return tokens[: -len(spread)]  # "was +/-3 points": the verb governs the number
    if last == ["in", "excess", "of"]:
        return tokens[:-3]  # "is in excess of $10bn": an approximator, as "more than" is
    if last[-2:] in (
        ["north", "of"],
        ["south", "of"],
        ["upwards", "of"],
        ["upward", "of"],
    ):
        return tokens[:-2]  # "north of $5m", "upwards of $5m": more than $5m
    if tokens and tokens[-1] in SIGNS and start > 0 and sentence[start - 1] in SIGNS:
        return tokens[:-1]  # "sits at +32 points": the sign is the number's
    return tokens


SIGNS = frozenset("+-−–")  # a number's sign, written before it


# A margin's spread before its number, in words or signs: "plus or minus 3", "+/-3".
_PLUS_OR_MINUS = (["plus", "or", "minus"], ["+", "/", "-"], ["+", "/", "–"], ["±"])


# Words that join a participle to the clause before it: "hit $9,100, before easing to $8,950".
_PARTICIPLE_LINKS = frozenset("before after while then".split())


def _subject_of_change(tokens: list[str], at_start: bool, common) -> str | None:
    """'Net sales at the unit rose 4% to' -> 'net sales': the subject of the verb that
    moves or states the figure, read back from the number over the verb's tail words."""
    i = _verb_index(tokens)
    if i is None:
        return None
    verb = _lower(tokens[i])
    i -= 1
    finite = i >= 0 and _lower(tokens[i]) in _AUXILIARIES
    while i >= 0 and (
        _lower(tokens[i]) in _AUXILIARIES
        or _lower(tokens[i]) in _VERB_FORMS  # "has been trading", "went up"
        or _lower(tokens[i]) in _OUTLOOK_WORDS  # "is projected to be", "is set to rise"
        or (_lower(tokens[i + 1]) == "to" and is_only_a_verb(_lower(tokens[i])))  # "seems to"
        or _lower(tokens[i]).endswith("ly")
        or _lower(tokens[i]) in ("little", "much", "somewhat")  # "was little changed at"
        or _states_session_level(tokens, i)  # "closed down 2%": the verb of "down"
    ):
        i -= 1
    if i >= 0 and _lower(tokens[i]) == "and" and (shared := _first_measure(tokens[:i], common)):
        # "the rate was 7.8% when Lee took office and peaked at 10%": a verb joined by
        # "and" with no subject of its own shares the measure the sentence began with
        return shared
    if i >= 0 and tokens[i] == ")":  # "Gross domestic product (GDP) rose"
        while i >= 0 and tokens[i] != "(":
            i -= 1
        i -= 1
    j = i
    while j >= 0 and not _ends_clause(tokens, j):
        j -= 1
    clause = tokens[j + 1 : i + 1]
    if not clause and (aside := _aside_start(tokens, i)) is not None:
        # "The deficit for the year, which ends in September, is projected to be": the
        # measure before the relative clause
        j = aside - 1
        while j >= 0 and not _ends_clause(tokens, j):
            j -= 1
        clause = tokens[j + 1 : aside]
    if verb.endswith("ing") and not finite:
        # "a building totalling 8,000 sq ft": the participle tells of the noun before it;
        # set off by a comma, of what the clause before it names ("The Acme delegation is
        # large, numbering about 450"; "gave gifts to the fund, totaling $8,200")
        if (
            not clause
            and j >= 1
            and _lower(tokens[j]) in _PARTICIPLE_LINKS
            and tokens[j - 1] == ","
        ):
            j -= 1  # "hit $9,100, before easing back": the clause before the comma's
        if not clause and j >= 0 and tokens[j] == ",":
            k = j - 1
            while k >= 0 and not _ends_clause(tokens, k):
                k -= 1
            return _clause_subject(tokens[k + 1 : j], at_start and _opens(tokens, k), common)
        return _last_run(clause)
    found = _head_phrase(clause, at_start and _opens(tokens, j), common)
    if found is None and j >= 0 and not any(_nounish(w) for w in clause):
        # "prices were high and could fall by 5%", "inflation is strong, up 4%": the verb
        # shares the subject of the clause before
        k = j - 1
        while k >= 0 and not _ends_clause(tokens, k):
            k -= 1
        found = _clause_subject(tokens[k + 1 : j], at_start and _opens(tokens, k), common)
    return found


_OPENING_MARKS = frozenset("\"“‘'([")


def _opens(tokens: list[str], j: int) -> bool:
    """Whether the clause after tokens[j] opens the sentence or a quotation: nothing but
    the marks that open a quotation or a bracket before it ('"Sales fell 4%," she said'),
    or those after a colon ('Acme said: "Sales fell 4%"'), where capitals start again."""
    while j >= 0 and tokens[j] in _OPENING_MARKS:
        j -= 1
    return j < 0 or tokens[j] == ":"


def _first_measure(tokens: list[str], common) -> str | None:
    """The measure that the sentence's first verb of state or change is said of, when
    the sentence opens with it: "The jobless rate was ..." -> "jobless rate"."""
    for v, token in enumerate(tokens):
        if _lower(token) in _CHANGE_VERBS and not _lower(token).endswith("ing"):
            if any(_ends_clause(tokens, k) for k in range(v)):
                return None
            return _head_phrase(tokens[:v], True, common) if v else None
    return None


# A clause that opens on a pronoun for a measure, up to its figure: "It now stands at",
# "They're at", "They fell".
_PRONOUN_OPENING_RE = re.compile(
    r"\W*(?:It|They)(?:['’](?:s|re))?\s+(?P<words>(?:[a-z]+\s+){0,4})$"
)
# What may stand between that pronoun and the figure: adverbs, auxiliaries, verbs of
# standing or moving and approximators, not a verb of acting ("It is seeking $2bn": the
# firm seeks it), nor one of the change verbs that tell of going ("It comes two days").
_NOT_STANDING = frozenset("go goes going went came come comes ran run runs running".split())


def measure_it_stands_for(sentence: str, start: int, previous: str, common) -> str | None:
    """The measure a pronoun opening the sentence stands for, for a figure of its clause:
    the one the sentence before opened with, when it told of that measure moving or
    standing ("Zembla's jobless rate climbed in May. It now stands at 5.2%": the jobless
    rate). None when the clause holds more than verbs and adverbs before the figure."""
    opening = _PRONOUN_OPENING_RE.match(sentence, 0, start) if previous else None
    if opening is None:
        return None
    for word in opening["words"].split():
        if not (
            word in _AUXILIARIES
            or word in _APPROXIMATORS  # also "at", "to", "up"
            or (word in _CHANGE_VERBS and word not in _NOT_STANDING)
            or word.endswith("ly")
            or word in ("down", "by")
        ):
            return None
    return _first_measure(_TOKEN_RE.findall(previous, 0, 200), common)


def _aside_start(tokens: list[str], comma: int) -> int | None:
    """Where the ", which ... ," aside that closes at tokens[comma] opens (its first
    comma), or None when no relative clause closes there. A concessive aside (", while
    still a net negative 4 points (41% to 45%),") may hold brackets of its own."""
    if comma < 0 or tokens[comma] != ",":
        return None
    k = comma - 1
    while k >= 0 and not _ends_clause(tokens, k):
        k -= 1
    if k >= 1 and _lower(tokens[k]) in _RELATIVES and tokens[k - 1] == ",":
        return k - 1
    # an appositive that holds a relative clause: ", a subset of the workers who
    # believed that no jobs were open to them,"
    j = comma - 1
    while j >= 0 and comma - j < _APPOSITIVE_REACH and tokens[j] != ",":
        j -= 1
    between = tokens[j + 1 : comma]
    appositive = bool(between) and _lower(between[0]) in ("a", "an", "the")
    if j >= 0 and tokens[j] == "," and appositive and any(_lower(t) in _RELATIVES for t in between):
        return j
    return _concessive_aside_start(tokens, comma)


_APPOSITIVE_REACH = 30


def _concessive_aside_start(tokens: list[str], comma: int) -> int | None:
    """Where a ", while ... ," aside closing at tokens[comma] opens, brackets inside it
    passed over, when a verb follows it: the measure before it is that verb's."""
    after = _lower(tokens[comma + 1]) if comma + 1 < len(tokens) else ""
    if after not in _AUXILIARIES and after not in _CHANGE_VERBS:
        return None  # ", while Lee was at 18%, down two points": no verb waits for a subject
    depth = 0
    for k in range(comma - 1, 0, -1):
        if tokens[k] == ")":
            depth += 1
        elif tokens[k] == "(":
            depth -= 1
        elif depth == 0 and tokens[k] in _CLAUSE_STOPS:
            opener = _lower(tokens[k + 1])
            return k if tokens[k] == "," and opener in _CONCESSIVES else None
    return None


_RELATIVES = frozenset("which who that".split())
_CONCESSIVES = frozenset("while whilst though although albeit despite".split())


def _clause_subject(clause: list[str], at_start: bool, common) -> str | None:
    """The noun words before a clause's first verb: 'house prices were high' -> 'house
    prices'."""
    for k, word in enumerate(clause):
        if _lower(word) in _AUXILIARIES or _lower(word) in _VERB_FORMS:
            return _head_phrase(clause[:k], at_start, common) if k else None
    return None


def _last_run(clause: list[str]) -> str | None:
    k = len(clause)
    while k > 0 and _nounish(clause[k - 1]) and clause[k - 1][:1].islower():
        k -= 1
    return _named_measure(clause[k:], []) if k < len(clause) else None


def _verb_index(tokens: list[str]) -> int | None:
    """Where the verb (or direction word) that governs the number stands, if any:
    'rose by about', 'was up slightly at', 'shares up', 'stood at'."""
    i = len(tokens) - 1
    while i >= 0:
        word = _lower(tokens[i])
        before = _lower(tokens[i - 1]) if i > 0 else ""
        if word == "up" and before in _ADD_VERBS:
            return i - 1  # "surpluses would add up to $2 trillion"
        if word in _DIRECTION_WORDS and before[:1].isdigit() and i >= 2:
            verb = _lower(tokens[i - 2])
            if verb in _SESSION_VERBS or verb in _CHANGE_VERBS:
                return i - 2  # "closed 2% higher at $14": the verb the first figure follows
        if word in _DIRECTION_WORDS and before and before not in _VERB_FORMS | _AUXILIARIES:
            return i  # "with revenue up 3%": the direction word stands for the verb
        back_to = word == "back" and i + 1 < len(tokens) and _lower(tokens[i + 1]) == "to"
        if word in _VERB_TAIL or back_to or (word.endswith("ly") and word not in _CHANGE_VERBS):
            i -= 1  # "rose by", "eased back to"
            continue
        if _is_time_phrase_word(tokens[i]):
            i -= 1  # "slowed in the fourth quarter to 5%": a when between verb and number
            continue
        break
    if i < 0:
        return None
    word = _lower(tokens[i])
    if word in _CHANGE_VERBS or word in _DIRECTION_WORDS or _states_session_level(tokens, i):
        return i
    return None


# A trading session's verbs, which state the level a price reached when "at" or a
# direction word follows them: "shares closed at $12.40", "the index ended down 2%".
_SESSION_VERBS = frozenset(
    "closed close closes closing opened opens ended ends finished finishes".split()
)
_SESSION_MOVE_AFTER_RE = re.compile(r"\s+(?P<direction>higher|lower)\b")


def _states_session_level(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a session's verb of a traded thing's level: "shares closed
    at", "the index ended down"; not "polls closed at 8"."""
    return (
        _lower(tokens[i]) in _SESSION_VERBS
        and i + 1 < len(tokens)
        and (_lower(tokens[i + 1]) == "at" or _lower(tokens[i + 1]) in _DIRECTION_WORDS)
        and (
            (i > 0 and _lower(tokens[i - 1]) in _TRADED)
            # "shares of Acme closed at", "shares in Acme closed"
            or (
                i > 2 and _lower(tokens[i - 2]) in ("of", "in") and _lower(tokens[i - 3]) in _TRADED
            )
        )
    )


# What a session's close or open gives the level of: shares, an index, a price.
_TRADED = (
    _SHARES
    | _COMMODITIES
    | _CURRENCY_NAMES
    | frozenset("index average price prices futures yield yields bond bonds".split())
)


_ADD_VERBS = frozenset("add adds added adding".split())


_ORDINALS = frozenset(
    "first second third fourth last past whole half same this that in on over during".split()
)
_MONTHS = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)


def _is_time_phrase_word(token: str) -> bool:
    """A word of a time phrase: 'in the fourth quarter', 'in 2004', 'over the year'."""
    word = _lower(token)
    return (
        token[:1].isdigit()
        or token in _MONTHS
        or word in _ORDINALS
        or word == "the"
        or (word in _TIME_WORDS and word not in ("time", "times", "since", "ago"))
    )


def _ends_clause(tokens: list[str], j: int) -> bool:
    word = tokens[j]
    if word in _CLAUSE_STOPS:
        return True
    if _lower(word) not in _CLAUSE_WORDS:
        return False
    if _lower(word) == "than" and j > 0 and _lower(tokens[j - 1]) == "other":
        return False  # "inflation for items other than food": inside the noun phrase
    if _lower(word) in ("and", "or"):
        # "prices were high and could fall": a new clause; "local and regional polls",
        # "England and Wales": one noun phrase
        after = _lower(tokens[j + 1]) if j + 1 < len(tokens) else ""
        return after in _AUXILIARIES or after in _PRONOUNS or after in _DETERMINERS
    # "among that group": after a preposition, "that" is a determiner, not a clause
    return not (
        _lower(word) in ("that", "which") and j > 0 and _lower(tokens[j - 1]) in _PREPOSITIONS
    )


def _head_phrase(clause: list[str], at_start: bool, common) -> str | None:
    """The measure a subject clause names: 'China's exports' -> 'exports', 'Profits at
    the bank' -> 'profits', 'the number of paid staff' -> 'paid staff', 'we expect
    house prices' -> 'house prices': the first run of noun words after which only a
    qualifier (a preposition and its object) comes."""
    words = list(clause)
    if (
        at_start
        and words
        and words[0][:1].isupper()
        and (_is_common(words[0], common) or words[0].lower() in _MEASURE_HEADS)
        and (not words[0].endswith(("'s", "’s")))
    ):
        words[0] = words[0].lower()  # "Approval of Okafor has risen": a measure, no name
    elif (
        at_start
        and len(words) > 1
        and _is_indicator(words[1])
        and words[0] in context.MEASURE_QUALIFIERS
    ):
        words[0] = words[0].lower()  # "Real GDP grew": the indicator's qualifier
    k = 0
    while k < len(words):
        run = _np_from(words[k:])
        if not run:
            k += 1
            continue
        rest = words[k + len(run) :]
        if not rest or (
            _lower(rest[0]) in _PREPOSITIONS | _QUALIFIER_WORDS
            and not any(_acts_as_verb(rest, n) for n in range(len(rest)))
        ):
            return _named_measure(run, rest)
        k += len(run)
    return None


def _acts_as_verb(words: list[str], n: int) -> bool:
    """Whether words[n] is a verb of the clause, not an adverb or an -ing word that
    modifies the noun after it ("the margin of sampling error")."""
    word = words[n]
    if _lower(word) in _ADVERBIAL_AUXILIARIES or _ing_modifier(word, words[n + 1 :]):
        return False
    if _lower(word).endswith("ed") and n and _lower(words[n - 1]).endswith("ly"):
        return False  # "persons marginally attached to": a participle describing the noun
    return _is_verbish(word)


_ADVERBIAL_AUXILIARIES = frozenset("to not also still now just only already currently".split())
# Words that open a qualifier after a measure: "sales outside Europe".
_QUALIFIER_WORDS = frozenset("outside inside including excluding beyond near".split())


def _is_common(word: str, common) -> bool:
    """Whether a capitalised word opening a sentence is a common word ("Profits rose"):
    the article writes it in lower case elsewhere, or it opens measures' names."""
    return _lower(word) in common or _lower(word) in context.COMMON_LEADS


def _named_measure(run: list[str], rest: list[str]) -> str | None:
    """A run of noun words with what the qualifier after it adds: 'the number of X'
    is X, 'rate of inflation' keeps its 'of' phrase."""
    if rest and _lower(rest[0]) == "of" and len(rest) > 1:
        inner = _object_after(rest[1:])
        if inner and run == ["share"] and inner[-1].lower() == "market":
            return "market share"  # "Acme's share of the car market", not its share price
        if run == ["share"]:
            # "the share of Americans in work": a proportion of them, not a share price
            whole = inner or [w for w in rest[1:3] if w[:1].isupper()][:1]
            return f"share of {' '.join(whole)}" if whole else None
        if inner and run[-1].lower() in _GENERIC_HEADS:
            after = rest[1 + rest[1:].index(inner[-1]) + 1 :] if inner[-1] in rest[1:] else []
            return _clean_metric(inner + _coordinated(after))
        if inner and rest[1][:1].islower() and _lower(rest[1]) not in _DETERMINERS:
            return _clean_metric(run + ["of"] + inner)  # "cost of living"
    if _says_no_which(run):
        return None
    return _clean_metric(run)


def _coordinated(words: list[str]) -> list[str]:
    """'and consultants' after a noun phrase: the second noun of the pair."""
    if len(words) > 1 and _lower(words[0]) in ("and", "or"):
        more = _np_from(words[1:])
        after = words[1 + len(more) : 2 + len(more)]
        if more and not (after and _VERB_OBJECT_START_RE.match(after[0])):
            return [words[0]] + more
    return []


# What follows a verb, not a noun: "residents and sends just 31 delegates" ("sends" is
# the verb of a second clause), a number, a determiner or an adverb of degree ("a"
# is left out: "20 magazines and supplements a year").
_VERB_OBJECT_START_RE = re.compile(
    r"\d|(?:the|its|their|his|her|just|only|about|nearly|almost|more|some)$",
    re.IGNORECASE,
)


# Verbs that move what their object measures: "pushed yearly output to 3%".
_CAUSATIVE_VERBS = frozenset(
    """pushed push pushes pushing sent send sends sending drove drive drives driving took
    take takes taking brought bring brings bringing lifted lift lifts lifting""".split()
)
# Verbs that set their object's level, "to" the new one or "by" the change: "would
# slash Acme's tax rate to 17%", "raised its dividend by 5%".
_SETTING_VERBS = frozenset(
    """cut cuts cutting slash slashes slashed slashing raise raises raised raising lower
    lowers lowered lowering reduce reduces reduced reducing increase increases increased
    increasing boost boosts boosted boosting hike hikes hiked hiking trim trims trimmed
    trimming""".split()
)


def _causative_object(tokens: list[str]) -> str | None:
    """'pushed yearly output to 3%', 'sent Acme shares up 4%', 'would cut Acme's tax
    rate to 17%': the object moved."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS | {"to", "by", "up", "down"}:
        i -= 1
    k = i
    while (
        k >= 0
        and (_nounish(tokens[k]) or tokens[k][:1].isupper())
        and _lower(tokens[k]) not in _CAUSATIVE_VERBS | _SETTING_VERBS  # "slash" is a noun too
        and i - k < 6
    ):
        k -= 1
    if k < 0 or k == i:
        return None
    verb = _lower(tokens[k])
    to_or_by = i + 1 < len(tokens) and _lower(tokens[i + 1]) in ("to", "by")
    if verb not in _CAUSATIVE_VERBS and not (verb in _SETTING_VERBS and to_or_by):
        return None
    object_words = [w for w in tokens[k + 1 : i + 1] if w[:1].islower()]
    metric = _clean_metric(_np_from(object_words))
    return _share_price(metric) if metric else None


# Verbs that multiply their object: "doubled its dividend to 40 cents".
_MULTIPLYING_VERBS = frozenset(
    """double doubles doubled doubling triple triples tripled tripling quadrupled quintupled
    halve halves halved halving""".split()
)
# Words that open a relative clause after a noun: "the fee it charges", "the rent his
# campaign pays", "the rate that banks pay".
_RELATIVE_OPENERS = frozenset("it he she they we its his her their that which who".split())
_OBJECT_REACH = 20  # tokens back from the figure's "to" to the verb
_RELATIVE_CLAUSE_REACH = 10  # words of the relative clause: "his campaign pays for its offices"
_OBJECT_PREPOSITIONS = frozenset("in of on at for".split())  # "his stake in the firm"


def _object_before_relative(tokens: list[str]) -> str | None:
    """'raised the monthly fee it charges members to $120', 'cut the rate that banks pay
    by 0.5%': the object of a setting verb whose relative clause stands between the
    object and the "to" or "by" of the figure. The clause holds no comma or other
    figure, which would make the figure another clause's."""
    if len(tokens) < 4 or _lower(tokens[-1]) not in ("to", "by"):
        return None
    for k in range(len(tokens) - 2, max(-1, len(tokens) - 2 - _OBJECT_REACH), -1):
        word = _lower(tokens[k])
        if not word[:1].isalpha():
            return None  # a comma, a bracket or a figure: another clause
        if word in _SETTING_VERBS or word in _MULTIPLYING_VERBS:
            break
    else:
        return None
    j = k + 1
    if j < len(tokens) and _lower(tokens[j]) in _DETERMINERS - {"that"}:
        j += 1  # "the fee", "its dividend": the object opens after its determiner
    opener = next(
        (n for n in range(j + 1, len(tokens) - 1) if _lower(tokens[n]) in _RELATIVE_OPENERS),
        None,
    )
    if opener is None:
        return None
    clause = [_lower(t) for t in tokens[opener + 1 : -1]]
    if len(clause) > _RELATIVE_CLAUSE_REACH or any(
        w in _AUXILIARIES or w in _CHANGE_VERBS or w in _SETTING_VERBS for w in clause
    ):
        return None  # "raised fears that the deficit could swell to": a clause of its own
    words = tokens[j:opener]
    while words and _lower(words[0]).endswith("ly"):
        words = words[1:]  # "the monthly fee": the fee; how often it falls due is no measure
    np = _np_from(words)
    if not np or (len(np) < len(words) and _lower(words[len(np)]) not in _OBJECT_PREPOSITIONS):
        return None  # "raised prices as it ...": no object before the clause
    return _clean_metric(np)  # "his stake in the firm he founded": the stake


# Verbs of money before an amount, and the noun that names what the amount is:
# "he earned £80,000" (earnings), "the firm was paid $2m" (payment), "the campaign
# raised $9m" (money raised), "it owes $2bn" (debt).
_MONEY_VERB_NOUNS = {
    "earn": "earnings", "earns": "earnings", "earned": "earnings", "earning": "earnings",
    "spend": "spending", "spends": "spending", "spent": "spending", "spending": "spending",
    "cost": "cost", "costs": "cost", "costing": "cost",
    "valued": "value", "worth": "value",
    "raise": "money raised", "raises": "money raised", "raised": "money raised",
    "raising": "money raised", "collect": "money collected", "collects": "money collected",
    "collected": "money collected", "donate": "donations", "donates": "donations",
    "donated": "donations", "invest": "investment", "invests": "investment",
    "invested": "investment", "investing": "investment", "borrow": "borrowing",
    "borrows": "borrowing", "borrowed": "borrowing", "lend": "lending", "lends": "lending",
    "lent": "lending", "owe": "debt", "owes": "debt", "owed": "debt", "owing": "debt",
    "pledge": "pledge", "pledges": "pledge", "pledged": "pledge",
    "give": "contribution", "gives": "contribution", "gave": "contribution",
    "giving": "contribution", "contribute": "contribution", "contributes": "contribution",
    "contributed": "contribution", "contributing": "contribution",
    # "she makes up to £90,000 a year", "the tour netted him £50,000": what is earned
    "make": "earnings", "makes": "earnings", "made": "earnings", "making": "earnings",
    "net": "earnings", "nets": "earnings", "netted": "earnings",
    "save": "savings", "saves": "savings", "saved": "savings", "saving": "savings",
    # "is paying $75 a spot"; not "the job pays $90,000", a wage
    "paying": "payment",
    # "reallocated $81m", "will earmark $5m": the funds so moved
    **{
        form: f"funds {past}"
        for stem, past in (
            ("allocate", "allocated"), ("reallocate", "reallocated"),
            ("redirect", "redirected"), ("earmark", "earmarked"),
        )
        for form in (stem, stem + "s", past, stem.removesuffix("e") + "ing")
    },
}  # fmt: skip


# A relative clause after an amount whose verb says what the money is: "the $90,500
# that Lee has raised from ...", "the $5m which the firm owes".
_MONEY_RELATIVE_RE = re.compile(r"\s+(?:that|which)\s+(?P<clause>(?:[\w.'’-]+\s*){1,5})")


def _money_verb_after(sentence: str, end: int) -> str | None:
    """What an amount is by the verb of a relative clause after it ("raised": money
    raised is fundraising), else None."""
    m = _MONEY_RELATIVE_RE.match(sentence, end)
    if m is None:
        return None
    return next(
        (
            _MONEY_VERB_NOUNS[w]
            for w in re.findall(r"[a-z]+", m["clause"])
            if w in _MONEY_VERB_NOUNS
        ),
        None,
    )


# Verbs that value a person at an amount: "Beacon pegged him at $3bn" is his net worth.
_VALUING_VERBS = frozenset(
    """peg pegs pegged put puts place places placed value values valued estimate estimates
    estimated""".split()
)


def _money_verb_noun(tokens: list[str]) -> str | None:
    """'earned up to £65,000' -> 'earnings', 'was paid $2m' -> 'payment', 'pegged him at
    $3bn' -> 'net worth'."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS | {"to", "up", "between"}:
        i -= 1
    if (
        i >= 1
        and i + 1 < len(tokens)
        and _lower(tokens[i + 1]) == "at"  # "at" is an approximator's too ("at least")
        and _lower(tokens[i]) in ("him", "her")  # not "them": losses and banks are valued too
        and _lower(tokens[i - 1]) in _VALUING_VERBS
    ):
        return "net worth"
    if i > 0 and _lower(tokens[i]) in ("him", "her", "them", "it", "us", "me"):
        i -= 1  # "netted him £50,000": the verb before its object
    if i < 0:
        return None
    verb = _lower(tokens[i])
    if verb == "paid":
        return "payment"  # "was paid $2m", "Acme paid $5m to Lee"
    if verb == "worth":
        return _worth_of(tokens[:i])
    return _MONEY_VERB_NOUNS.get(verb)


def _worth_of(tokens: list[str]) -> str:
    """What an amount after "worth" values: the noun before it ("a mortgage worth $5m":
    the mortgage; "investments in Acme Co. worth $1m": the investments, past the name
    they are in), a person's net worth ("he's worth $10bn"), else the value."""
    k = len(tokens) - 1
    while k > 0 and (tokens[k][:1].isupper() or tokens[k] == "."):
        k -= 1  # "in Acme Credit Co.": the name a holding is in
    if k < len(tokens) - 1 and k > 0 and _lower(tokens[k]) in ("in", "of"):
        k -= 1
    if k < 0:
        return "value"
    word = _lower(tokens[k])
    if (
        _PERSON_WORTH_RE.fullmatch(word)
        or word in _WORTH_OF_PEOPLE
        or (k > 0 and word in _AUXILIARIES and _lower(tokens[k - 1]) in _PERSONS)
    ):
        return "net worth"  # "he's worth", "an individual worth", "a net worth of"
    return _last_run(tokens[: k + 1]) or "value"


# A person said to be worth an amount: "he's", "she's", "I'm" (the net worth).
_PERSON_WORTH_RE = re.compile(r"(?:he|she|i|you|we|they)['’](?:s|m|re)")
_PERSONS = frozenset("he she i you we they".split())
# Nouns whose worth is a net worth: people, and "net" itself ("a net worth of $2m").
_WORTH_OF_PEOPLE = frozenset(
    "net individual individuals person people man woman men women billionaire billionaires"
    " millionaire millionaires family families".split()
)


_BACKED = frozenset("backed supported favored favoured preferred chosen".split())


def _backing_from(tokens: list[str]) -> bool:
    """'backing from 70% of women', 'support from 40% of voters', 'the support of 31
    percent of voters', 'is backed by 44 percent of likely voters'."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS:
        i -= 1
    if i < 1:
        return False
    preposition, noun = _lower(tokens[i]), _lower(tokens[i - 1])
    if preposition == "by":
        return noun in _BACKED
    if preposition == "from":
        return noun in ("backing", "support", "votes", "vote")
    return preposition == "of" and noun in ("backing", "support")  # not "a vote of 90%"


def _poll_support(tokens: list[str], after_is_vote: bool = False) -> str | None:
    """'Smith has 44%', 'Jones with 40%', 'Lee earned 31%': support in a poll; 'Lee
    received 51%', 'Ng won 48%': the share of the vote. A pronoun's share is a vote
    share only where what follows is a vote's (`after_is_vote`: "of the vote", "among
    moderates", "in Ohio"), not "they won a 5% pay rise"."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS:
        i -= 1
    if i < 1:
        return None
    verb = _lower(tokens[i])
    if verb not in _POLL_VERBS and verb not in _VOTE_VERBS:
        return None
    reach = 2 if verb in _POLL_VERBS_NEXT_TO_NAME else 6
    for k in range(i - 1, max(-1, i - reach), -1):
        if tokens[k] in _CLAUSE_STOPS or _lower(tokens[k]) in _CLAUSE_WORDS:
            return None
        name = _strip_possessive(tokens[k])
        if name[:1].isupper() and _lower(name) not in _NOT_NAMES:
            return "vote share" if verb in _VOTE_VERBS else "support"
        if verb in _PAST_VOTE_VERBS and _lower(name) in _PERSON_SUBJECTS and after_is_vote:
            return "vote share"  # "She won just 31%": a result; "she receives 8%" a poll's
    return None


_VOTE_VERBS = frozenset("received receives won wins took takes captured".split())
_PAST_VOTE_VERBS = frozenset("received won took captured".split())
# What follows a share of a vote: "of the vote", "among moderates", "in the runoff", the
# clause's end.
_AFTER_A_VOTE_SHARE_RE = re.compile(r"\s*(?:[,.;]|$|of\s+the\s+\w*\s*vote|among\b|in\s)")
_PERSON_SUBJECTS = frozenset("he she they".split())
_NOT_NAMES = _DETERMINERS | _PRONOUNS | _PREPOSITIONS | _CONJUNCTIONS | {"but", "yet", "so"}


_LASTING_VERBS = frozenset("lasting lasted lasts last took takes taking".split())


def _duration(tokens: list[str]) -> str | None:
    """'a game lasting three hours' -> 'game duration'; 'it lasted two days' ->
    'duration'."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS:
        i -= 1
    if i < 0 or _lower(tokens[i]) not in _LASTING_VERBS:
        return None
    if (
        _lower(tokens[i]) in ("last", "took", "takes", "taking")
        and i > 0
        and (_lower(tokens[i - 1]) not in _AUXILIARIES | {"which", "that"})
    ):
        return None  # "the last two days", "took three wickets": no duration
    before = tokens[i - 1] if i > 0 else ""
    if before[:1].islower() and _nounish(before):
        return f"{before} duration"
    return "duration"


# The group right before the verb by which it backed a candidate ("Democrats favored").
_BACKER_RE = re.compile(r"(?P<group>\b[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+$")
# The metric of the share a group gave a candidate: "support among Democrats".
SUPPORT_AMONG = "support among "


def _support_among(sentence: str, start: int, common: Set[str]) -> str | None:
    """'support among Democrats' for the share a group gave the candidate it backed
    ("Democrats favored Lee, 72 percent", "enlisted personnel favored Okafor 58 percent"):
    a finding told in the past tense, as polls report them."""
    window = max(0, start - 100)
    m = leads.BACKED_BEFORE_RE.search(sentence, window, start)
    if m is None or m["verb"].endswith("s"):
        return None
    backer = _BACKER_RE.search(sentence, window, m.start())
    if backer is None:
        return None
    words = backer["group"].split()
    if not (words[-1].endswith("s") or words[-1].lower() in ("personnel", "electorate", "public")):
        return None  # "Okafor backed Lee, 72%": a person backs, a group gives shares
    group = " ".join(w.lower() if w.lower() in common else w for w in words)
    return SUPPORT_AMONG + group


def _sentenced(tokens: list[str]) -> bool:
    """Whether the time is a court's sentence: 'sentenced to (more than) four years'."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS and _lower(tokens[i]) != "to":
        i -= 1
    return i >= 1 and _lower(tokens[i]) == "to" and _lower(tokens[i - 1]) == "sentenced"


_PROBATION_RE = re.compile(r"['’]?\s+(?:of\s+)?probation\b", re.IGNORECASE)
# Where a sentence is served: "in federal prison", "behind bars", "in jail".
_IN_PRISON_RE = re.compile(
    r"\s+(?:in\s+(?:a\s+)?(?:[a-z]+\s+)?(?:prison|jail|custody)|behind\s+bars)\b", re.IGNORECASE
)


def _age(tokens: list[str], kind: str) -> str | None:
    """'aged 45', 'the 34-year-old', 'Smith, 61,': a person's age."""
    if kind == "age":
        return "age"
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS:
        i -= 1
    if i >= 0 and _lower(tokens[i]) == "aged":
        return "age"
    if i >= 1 and _lower(tokens[i]) == "age" and _lower(tokens[i - 1]) in ("at", "of"):
        return "age"  # "died Sunday at age 94", "a man of age 30"
    if i >= 0 and kind == "number" and _lower(tokens[i]) in ("turns", "turned", "turning"):
        return "age"  # "Lee turns 70 on Tuesday": a bare number a person turns
    return None


# --- one quantity -------------------------------------------------------------------

# Counted nouns that name no measure: "0.7 points behind", "five times more".
_NOT_MEASURES = frozenset("point points time times".split())
# A size's adjective after its measure names the dimension: "240km long", "3m deep".
_DIMENSIONS = {
    "long": "length", "wide": "width", "broad": "width", "high": "height", "tall": "height",
    "deep": "depth", "thick": "thickness",
}  # fmt: skip
# Words after a length that say which way or how far off it lies: "80 miles south",
# "20km north-east of", "300 km away", "12 miles offshore": a distance.
_DIRECTION_OF_DISTANCE = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west northwards southwards eastwards westwards offshore inland
    away""".split()
)
# Scales named before their reading: "a magnitude 6.1 earthquake", "a category 4 storm".
_SCALE_BEFORE = frozenset({"magnitude", "category"})
# Words of a gap to another figure after the number: "5 points shy of", "clear of".
_GAP_WORDS = frozenset("shy short clear adrift".split())


def _kind(q) -> str:
    """The quantity's kind, with 'points' for a gap in points ('8 points', '3 percentage
    points'), which poll language names differently from a share."""
    if q.unit == "percentage point" or (q.noun and q.noun.split()[-1].lower() in _NOT_MEASURES):
        return "points" if "point" in (q.unit or q.noun or "") else q.kind
    return q.kind


# -ing forms whose past participle is not the -ed form, and words that end in -ing
# without being verbs before a count ("during", "including 40 staff").
# Verbs whose participle the counting rule spells otherwise: "getting 40 votes" is
# "votes got" for _light_verb_dropped, "employs 500 people" is "people employed"; and
# -ing forms that also name things, which are verbs right before a count ("building 300
# homes": homes built).
_COUNTING_PARTICIPLES = {
    "getting": "got", "employ": "employed", "employs": "employed",
    "building": "built", "spending": "spent", "meeting": "met",
}  # fmt: skip
_NOT_COUNTING_ING = frozenset(
    """during including excluding according following regarding concerning morning evening
    nothing something anything everything having being totaling totalling numbering
    involving mixing containing featuring comprising""".split()
)


_SURVEY_NOUNS = frozenset("poll polls survey surveys sample census".split())


# Verbs that say nothing of what was counted: "got 66 million votes" counts votes, as
# "the year saw 300 closures" counts closures; a need is what is needed ("needs 1,100
# delegates": delegates needed).
_LIGHT_VERBS = {"got": "", "gets": "", "get": "", "has": "", "have": "", "had": "",
                "saw": "", "sees": "", "see": "",
                "need": "needed", "needs": "needed"}  # fmt: skip


# Verbs that report a count rather than do something to what it counts: "police reported
# 20 victims" counts victims, as does "20 victims were reported". Not "announced" ("Acme
# announced 300 jobs": jobs promised, not jobs there), nor "listed" or "cited", which
# also act ("listed 4 million shares", "cited 40 drivers").
_REPORTING_VERBS = frozenset("reported indicated suggested estimated showed revealed".split())
# Verbs that only say a whole holds the count: "his work included two one-man shows", "the
# haul contained 300 rifles" count shows and rifles, nothing done to them.
_CONTAINING_VERBS = frozenset("included includes contained contains featured features".split())
_NOT_ACTIONS = _REPORTING_VERBS | _CONTAINING_VERBS


def _light_verb_dropped(metric: str | None, noun: str) -> str | None:
    """'votes got' -> 'votes', 'delegates need' -> 'delegates needed', 'victims reported'
    -> 'victims'."""
    if not metric or not metric.startswith(noun + " "):
        return metric
    rest = metric[len(noun) + 1 :]
    if rest in _NOT_ACTIONS:
        return noun
    if rest not in _LIGHT_VERBS:
        return metric
    return f"{noun} {_LIGHT_VERBS[rest]}".strip()


def _counting_participle(tokens: list[str]) -> str | None:
    """The past participle of an -ing verb right before a count ('surveying 900 adults',
    'leasing two wings', 'needing three attempts'), which names the count with its noun
    as the older rules do for past verbs ('cars sold')."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS:
        i -= 1
    if i < 0:
        return None
    word = _lower(tokens[i])
    if word == "of" and i > 0 and _lower(tokens[i - 1]) in _SURVEY_NOUNS:
        return "surveyed"  # "a poll of 900 adults": the adults it surveyed
    if word in _COUNTING_PARTICIPLES:
        return _COUNTING_PARTICIPLES[word]
    if not word.endswith("ing") or len(word) <= 5 or word in _NOT_COUNTING_ING:
        return None
    if word in _CHANGE_VERBS or word in _PARTICIPLE_NOUNS:
        return None
    return past_participle(word)


_IRREGULAR_PAST_PARTICIPLES = frozenset(
    """cut cast set put hit shed held kept sent spent built paid won lost sold bought made
    found seen run led met told given taken shot stolen chosen drawn""".split()
)
_PARTICIPLE = rf"(?:[a-z]{{3,}}ed|{'|'.join(sorted(_IRREGULAR_PAST_PARTICIPLES))})"
# What happened to the counted things, after their noun: a passive ("six protesters
# were arrested", "eight donors are listed as"), or a participle with its place or time
# ("the 1,590 votes cast in the county", "jobs created since May").
# Verbs of a poll's fieldwork: "900 adults surveyed", "likely voters interviewed".
FIELDWORK_WORDS = frozenset("surveyed polled interviewed questioned sampled contacted".split())
_PARTICIPLE_AFTER_RE = re.compile(
    r"\s+(?:(?:have|has|had|will|would|could|may|might)\s+)?(?:been|be|were|was|are|is)\s+"
    rf"(?:[a-z]+ly\s+)?(?P<passive>{_PARTICIPLE})\b"
    rf"|\s+(?P<reduced>{_PARTICIPLE})\s+(?:in|at|since|during|on|across|from|over|between"
    r"|so|this|last|each|every)\b"
    # a poll's sample, wherever its clause goes on: "among the 578 voters surveyed, ..."
    rf"|\s+(?P<fieldwork>{'|'.join(sorted(FIELDWORK_WORDS))})\b"
    # not the people's own act on an object: "300 residents questioned the plan"
    r"(?!\s+(?:the|a|an|his|her|their|its|this|that|whether|how|why|what|if|[A-Z])\b)"
)


# A participle with a time after it says what was done to the things counted, with no
# determiner before the number, when the count is the object of a verb or a preposition
# ("the year closed with 1 million homes sold in the first half", "Zembla has 2,000 jobs
# created since May"); not a count that opens its clause ("5,000 nurses marched in May").
_REDUCED_WITH_TIME_RE = re.compile(
    r"\s+(?:since|each|every|during|this|last|so\s+far"
    r"|in\s+(?:the\s+)?(?:first|second|third|fourth|last|past|previous|latest|\d{4}\b))\b"
    # or a month, a country or a region: "sold in May", "sent in New Zealand"
    r"|\s+(?:in|across|throughout)\s+(?:the\s+)?(?P<place>[A-Z]\w*(?:\s+[A-Z]\w*)?)"
)
_COUNT_AFTER_LINK_RE = re.compile(
    rf"\b(?P<link>with|and|of|has|have|had|saw|sees|see|including|plus)\s+"
    rf"(?:{context.APPROX_WORDS}\s+){{0,2}}$",
    re.IGNORECASE,
)
_WITH_RE = re.compile(r"\bwith\b", re.IGNORECASE)


def _reduced_with_time(sentence: str, start: int, after: int) -> bool:
    """Whether the participle ending at `after` is a reduced passive with a time after it,
    for the count at `start` that a verb or preposition takes."""
    time = _REDUCED_WITH_TIME_RE.match(sentence, after)
    if time is None:
        return False
    named = time["place"]
    if named and not (named.split()[0] in CALENDAR_NAMES or places.is_place(named)):
        return False  # "in March", "in Spain" or "in New Zealand", not "in Acme's plant"
    link = _COUNT_AFTER_LINK_RE.search(sentence, max(0, start - 40), start)
    if link is None:
        return False
    # "and" joins the count to a "with" phrase ("with prices up and 9,000 homes sold in
    # May"), not a clause of its own ("Acme cut pay and 5,000 nurses marched in May")
    return link["link"].lower() != "and" or bool(
        _WITH_RE.search(sentence, max(0, link.start() - 80), link.start())
    )


# "a survey of 900 adults": a noun whose "of" phrase the count sits in.
_HEAD_OF_RE = re.compile(r"\b[a-z]{3,}\s+of\s+$")
# "the award of about $4m": an amount a noun before it has.
_AMOUNT_OF_RE = re.compile(
    rf"\b(?!(?:total|sum|amount|figure)\s)[a-z]{{3,}}\s+of\s+(?:{context.APPROX_WORDS}\s+)?$"
)
# What money "went on" or "went to" that is no spending or payment: "went on sale", "went
# on as planned", "went on to win", "went on for years", "went to waste", "went to court".
_NOT_PAID_FOR = frozenset("sale as for with to waste court".split())
_OF_AFTER_RE = re.compile(r"\s+of\s+")
_NOUN_WORDS_RE = re.compile(r"\s*(?:[\w-]+\s+){0,3}")
# "the 1,590 votes cast": a determiner makes the words after the number a noun phrase.
_NOUN_PHRASE_OPENER_RE = re.compile(r"\b(?:the|these|those|its|their|his|her|of)\s+$", re.I)


def _participle_after(sentence: str, start: int, end: int, noun: str) -> str | None:
    """The participle saying what was done to the things counted: "arrested" for "six
    protesters were arrested"; not a forecast word ("300 jobs are expected")."""
    last = noun.split()[-1]
    at = sentence.find(last, end, end + 60)
    if at < 0 or not _NOUN_WORDS_RE.fullmatch(sentence, end, at):
        return None  # the noun is not the one written after this number
    m = _PARTICIPLE_AFTER_RE.match(sentence, at + len(last))
    if m is None:
        return None
    if (
        m["reduced"]
        and not _NOUN_PHRASE_OPENER_RE.search(sentence, max(0, start - 12), start)
        and not _reduced_with_time(sentence, start, m.end("reduced"))
    ):
        return None  # "five questioners ranged from": a past verb, not a participle
    if m["passive"] and _HEAD_OF_RE.search(sentence, max(0, start - 30), start):
        return None  # "a survey of 900 adults was taken": the survey was, not the adults
    word = m["passive"] or m["reduced"] or m["fieldwork"]
    if word in _FORECAST_WORDS or word in _CHANGE_VERBS or word in ("based", "aged", "needed"):
        return None
    return word


# What sets the counted things apart, right after their noun (past a named place): a
# present participle ("40,000 people living in poverty"), a relative clause of their
# own act ("four casinos that closed last year") or an adjective that follows its noun
# ("30 handsets available"). The clause is the count's, as "cars sold" is.
_DEFINING_AFTER_RE = re.compile(
    r"(?:\s+(?:in|across|from)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)?"
    r"\s+(?:(?P<ing>[a-z]{3,}ing)"
    rf"|(?P<rel>that|who)\s+(?P<past>{_PARTICIPLE})"
    r"|(?P<adjective>available|eligible|affected|missing|outstanding))\b"
)
# Where the clause's words end: a word that opens another phrase of time or clause
# ("living in poverty by 2030", "that closed last year").
_DEFINING_STOPS = frozenset(
    """by this last next each every since until before after during when while where which
    who that and or but than as because if including""".split()
)
_TAIL_BREAKS = _PREPOSITIONS | {"about", "back", "worth"}
_COMPARATIVES = frozenset("more less fewer than".split())
_QUOTE_MARKS = frozenset("'\"‘’“”")
_DEFINING_REACH = 4  # words after the participle or verb: a short noun phrase
# Verbs that open reported words, not a trait of the things counted ("300 calls saying").
_SAYING_FORMS = frozenset(
    """saying telling asking showing claiming warning arguing suggesting reporting
    stating""".split()
)
_FIGURE_NEXT_RE = re.compile(r"\s+(?:[$£€]|\d)")


def _defining_tail(sentence: str, pos: int, opens_clause: bool) -> list[str] | None:
    """The words of a defining clause after its verb, up to where the clause plainly ends:
    a word of time or clause or an auxiliary ("living in poverty | by 2030", "that
    closed | last year", "living in poverty | were helped"), the sentence's own verb
    ("living in poverty | received help"), a phrase of place or time ("in poverty | in
    Zembla"), or the sentence's punctuation when the count is a verb's object. None
    when the words may run on: a count that opens its clause needs its verb after the
    clause, a verb's own phrase may go on ("providing families | with dignity"), and so
    may a comparison ("patients waiting more than a year") or a quotation."""
    found = _words_after(sentence, pos, _DEFINING_REACH + 1)
    words = [w.group() for w in found]
    tail: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _COMPARATIVES:
            return None  # "waiting more than a year"
        if lower in _DEFINING_STOPS or lower in _AUXILIARIES or word in CALENDAR_NAMES:
            return tail
        if word.islower() and is_only_a_verb(lower):
            return tail  # "living abroad | voted by post": the sentence's own verb
        content = any(_lower(t) not in _TAIL_BREAKS for t in tail)
        if content and lower in _TAIL_BREAKS:
            # "living in poverty | in Zembla": a phrase of place or time ends the clause;
            # "providing families | with dignity": the verb's own phrase goes on
            following = words[i + 1] if i + 1 < len(words) else ""
            placed = following[:1].isupper() or following.lower() in _TIME_WORDS
            return tail if placed else None
        if content and word[0].isupper() and tail[-1].islower():
            return None  # "running in states | Lee won": a clause of its own runs on
        if len(tail) == _DEFINING_REACH:
            return None  # a long run of words with no end in sight
        tail.append(word)
    after = sentence[found[-1].end() : found[-1].end() + 4].lstrip()[:1] if found else ""
    if opens_clause or after in _QUOTE_MARKS:
        return None  # no verb left for the clause the count opens; a quotation goes on
    return tail  # the sentence or its punctuation ends the clause of an object


def _defining_clause_after(sentence: str, start: int, end: int, noun: str) -> str | None:
    """The counted noun with the clause right after it that says which things are
    counted: "adults gaining basic qualifications", "casinos that closed", "handsets
    available". None for a verb of change or of reporting ("300 jobs rising"), or a
    gerund that names a thing ("400 homes housing ...")."""
    last = noun.split()[-1]
    at = sentence.find(last, end, end + 60)
    if at < 0 or not _NOUN_WORDS_RE.fullmatch(sentence, end, at):
        return None
    m = _DEFINING_AFTER_RE.match(sentence, at + len(last))
    if m is None:
        return None
    if m["adjective"]:
        return f"{noun} {m['adjective']}"
    verb = m["ing"] or m["past"]
    if verb in _NOT_COUNTING_ING or verb in _PARTICIPLE_NOUNS:
        return None
    if verb in _SAYING_FORMS or _FIGURE_NEXT_RE.match(sentence, m.end()):
        return None  # "calls saying ...", "countries representing 55%": another figure's
    if m["ing"] and past_participle(verb) is None:
        return None  # "300 evening classes": no verb
    tail = _defining_tail(sentence, m.end(), context.share_opens_clause(sentence, start))
    if tail is None:
        return None
    while tail and (
        _lower(tail[-1]) in _PREPOSITIONS
        or _lower(tail[-1]) in _DETERMINERS
        or (len(tail) > 1 and is_describing_word(_lower(tail[-1])))
    ):
        tail.pop()  # "living in", "earning the", "buying new": end on a noun
    if verb in _CHANGE_VERBS and not tail:
        return None  # "300 jobs rising": the count moving; "gaining basic skills" is a trait
    opener = f"{noun} {m['rel']}" if m["rel"] else noun
    return " ".join([opener, verb, *tail])


def _without_hedge(metric: str | None) -> str | None:
    """'adults estimated' -> 'adults': 'an estimated' before a count is no counting verb."""
    if metric and len(metric.split()) > 1 and metric.split()[-1] in _FORECAST_WORDS:
        return metric.rsplit(" ", 1)[0]
    return metric


def _count_rate(sentence: str, end: int, noun: str, metric: str | None) -> str | None:
    """'45 million passengers a year' -> 'passengers per year'."""
    last = noun.split()[-1]
    at = sentence.find(last, end, end + 80)
    if metric is None or at < 0:
        return metric
    return _with_rate(sentence, at + len(last), metric)


def _coordinated_after(sentence: str, end: int, noun: str) -> list[str]:
    """'200 staff and consultants': the second noun counted with the first (never a
    second count: 'five cars and two vans')."""
    at = sentence.find(noun.split()[-1], end, end + 80)
    if at < 0:
        return []
    words = [m.group() for m in _words_after(sentence, at + len(noun.split()[-1]), 5)]
    return _coordinated(words)


def _counted_noun(noun: str | None) -> str | None:
    """The counted noun as a metric: 'of its design patents' -> 'design patents'."""
    if not noun:
        return None
    words = noun.split()
    if len(words) > 1 and _lower(words[0]) == "out" and _lower(words[1]) == "of":
        words = words[1:]  # "7 out of 12 albums"
    if words and _lower(words[0]) == "of":
        words = _object_after(words[1:]) if len(words) > 1 else []
    if not words or " ".join(words).lower() in _NOT_MEASURES:
        return None
    return " ".join(words)


def find_metric(
    sentence: str,
    start: int,
    end: int,
    counted: str | None,
    noun: str | None = None,
    kind: str = "",
    common: Set[str] = frozenset(),
) -> str | None:
    """What the quantity at [start, end) of the sentence measures, or None.

    `noun` is the counted noun as written ("journalist jobs"), `counted` the count's
    unit, used when the noun is not known; `kind` the quantity's kind (numbers.py);
    `common` the words the article writes in lower case ("Profits rose" opens with a
    common word, "Acme rose" with a name)."""
    return _metric_and_change(sentence, start, end, noun or counted, kind, common)[0]


def _metric_and_change(
    sentence: str, start: int, end: int, noun: str | None, kind: str, common: Set[str]
) -> tuple[str | None, bool]:
    """The metric, and whether the number names only a change of another figure's
    measure ("a 7% increase on the year before")."""
    noun = _counted_noun(noun)
    if noun:
        noun += " ".join([""] + _coordinated_after(sentence, end, noun))
        before = _tokens_before(sentence, start)
        if participle := _counting_participle(before):
            metric: str | None = f"{noun} {participle}"  # "surveying 900 adults": adults surveyed
        elif participle := _participle_after(sentence, start, end, noun):
            # "six protesters were arrested": protesters arrested; "were reported": counted
            metric = noun if participle in _NOT_ACTIONS else f"{noun} {participle}"
        else:
            metric = _light_verb_dropped(
                context.find_metric(sentence, start, end, noun, noun), noun
            )
            if _lower((before[-2:-1] or [""])[0]) in ("an", "a", "the"):
                metric = _without_hedge(metric)  # "an estimated 5,000 people", "the estimated"
            if metric in (None, noun) and (
                defined := _defining_clause_after(sentence, start, end, noun)
            ):
                metric = defined  # "40,000 people living in poverty", "casinos that closed"
        return _count_rate(sentence, end, noun, metric), False
    tokens = _tokens_before(sentence, start)
    if (
        tokens
        and _lower(tokens[-1]) in _SESSION_VERBS
        and (moved := _SESSION_MOVE_AFTER_RE.match(sentence, end))
    ):
        # "Acme shares closed 3p lower": the direction after the figure is its verb's, as
        # in "closed down 3p"
        tokens = [*tokens, moved["direction"]]
    if kind in ("percent", "share") and (state := _STATE_OF_SHARE_RE.match(sentence, end)):
        return state["state"].lower(), False  # "17% of voters still undecided"
    if (
        kind in ("percent", "share")
        and (trait := _TRAIT_OF_SHARE_RE.match(sentence, end))
        and context.share_opens_clause(sentence, start)
    ):
        return f"share {' '.join(trait['trait'].split())}", False  # "78% were white"
    if kind in ("percent", "share") and (answer := _answer_of_share(sentence, end)):
        return answer, False  # "22% said they might change their mind"

    if age := _age(tokens, kind):
        return age, False
    if tokens and _lower(tokens[-1]) in _SCALE_BEFORE:
        return _lower(tokens[-1]), False  # "a magnitude 6.1 earthquake": its magnitude
    if kind == "time" and (duration := _duration(tokens)):
        return duration, False
    if kind == "time" and _sentenced(tokens):
        # "was sentenced to more than four years in federal prison"
        if _PROBATION_RE.match(sentence, end):
            return "probation", False  # "sentenced to two years' probation"
        return ("prison sentence" if _IN_PRISON_RE.match(sentence, end) else "sentence"), False
    if kind == "percent" and _backing_from(tokens):
        return "support", False
    if kind == "percent" and (among := _support_among(sentence, start, common)):
        return among, False  # "Democrats favored Lee, 72 percent to 8 percent"
    if revised := revised_outlook(sentence, start):
        return revised.metric, False  # "cut its growth forecast for Zembla to 1.2%"
    if put := _put_at(sentence, start):
        return put, False
    metric, change_only = _after_number(sentence, start, end, kind)
    if (
        kind == "measure"
        and metric
        and _OF_AFTER_RE.match(sentence, end)
        and _lower(metric.split()[-1]) not in _PREPOSITIONS | {"near", "nearby"}
    ):
        # "rented 9,000 feet of office space": what was done to the stuff measured, as
        # "sold 300 cars" names cars sold; not a loss the sign already tells ("lost 3,000
        # hectares of forest")
        done = _light_verb_dropped(
            context.find_metric(sentence, start, end, metric, metric), metric
        )
        if done and done.split()[-1] not in _CHANGE_VERBS:
            metric = done
    if (
        _of_an_aggregate(metric)
        and (measure := _before_number(sentence, start, end, tokens, common, kind))
        and _in_own_clause(sentence, measure, start)
    ):
        # "the deficit widened to 5.2% of GDP": the deficit, measured against output
        return measure, False
    if metric is None and (named := _named_before_bracket(sentence, start)):
        return named, False
    if (
        metric is None
        and kind == "percent"
        and leads.TIED_AT_RE.search(sentence, max(0, start - _WINDOW), start)
    ):
        return "support", False  # "Smith was tied with Jones at 37 percent"
    if metric is None and not change_only:
        metric = _before_number(sentence, start, end, tokens, common, kind)
    if metric is None:
        return None, change_only
    return _with_rate(sentence, end, metric), False


# What a measure is given as a share of ("5.2% of GDP", "4% of sales"): an aggregate
# that scales it, not a group the share is part of.
_AGGREGATES = frozenset(
    """gdp product output sales revenue revenues income turnover budget spending
    earnings""".split()
)


_OF_AGGREGATE_RE = re.compile(
    rf"\bof\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(sorted(_AGGREGATES))})\b", re.IGNORECASE
)


# Where a new clause opens before a figure (", at 4% of sales" goes on with the last).
_CLAUSE_OPENS_RE = re.compile(r",\s+(?!at\b)|[;:]|\b(?:and|while|whereas|as|but|though)\b")


def _in_own_clause(sentence: str, measure: str, start: int) -> bool:
    """Whether the measure is named in the figure's own clause, not an earlier one."""
    opened = max((m.end() for m in _CLAUSE_OPENS_RE.finditer(sentence, 0, start)), default=0)
    return measure.lower() in sentence[opened:start].lower()


def _of_an_aggregate(metric: str | None) -> bool:
    """Whether a metric read after the number is only a share of an aggregate."""
    if metric is None or not metric.startswith("share of "):
        return False
    return metric.split()[-1].lower() in _AGGREGATES


# The heads of measures: a word opening a sentence with one ("Approval of Okafor has
# risen") is no name, and a figure in brackets after one gives it.
_MEASURE_HEADS = context.MEASURE_HEADS | frozenset(
    "age margin margins support turnout approval rating ratings wage pay salary majority".split()
)
# The states a share of a group may be in: its measure, and the group its subject.
GROUP_STATES = frozenset("undecided unsure uncommitted unemployed uninsured".split())
# A share of a group in a state: "17% of likely voters (are) still undecided", "a
# third of the electorate remains undecided", "12% of adults remain uninsured".
_STATE_OF_SHARE_RE = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|those\s+)?(?:[\w-]+\s+){0,3}?(?:(?:are|were|is|was|remain|remains"
    rf"|remained|still|now)\s+)+(?P<state>{'|'.join(sorted(GROUP_STATES))})\b",
    re.IGNORECASE,
)
# What a share of a group is, by age, race or sex: "74% of voters were 45 or older",
# "78% were white", "16 percent were Latino" (share 45 or older, share white, ...).
_TRAIT_OF_SHARE_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+|all\s+|those\s+)?(?:[\w-]+\s+){0,3}?)?\s*"
    rf"{COPULA}\s+(?P<trait>{SHARE_TRAIT})"
)
# What the people a share stands for answered, in the text's words: "13% were unsure",
# "22% of voters said they might change their mind", "a third agreed with the mayor".
# Verbs of backing ("45% support Okafor") leave the share to the candidate (support).
_ANSWER_RE = re.compile(
    # the group: "of likely voters", or after a ratio the noun itself ("eight in 10
    # Democratic voters")
    r"(?P<group>\s+of(?:\s+(?!who\b|as\b|what\b)[\w'’-]+){1,5}?"
    r"|(?<=\bin\s10)(?:\s+(?:[A-Z][\w-]*|[a-z-]+(?:ic|an|al|ed|ly|ing|ive))){0,2}\s+[a-z]+s"
    r"(?:\s+overall)?)?(?:\s*[–—-]\s*|\s+)"
    # "30% who backed Lee said they could switch": the answer after the relative clause
    r"(?:who\s+(?:(?:[\w'’.-]+\s+){1,5}?(?=(?:say|says|said)\b))?)?"
    rf"(?P<answer>(?:{SAYING_VERBS}|name|named)\b"
    r"[^,;:.?!—–()\"“”‘’]*)"
)
# Where an answer ends: another clause or a comparison.
_ANSWER_END_RE = re.compile(
    r"\s+(?:while|whereas|but|compared|versus|vs|than|according|and\s+(?:that\b|\d+))(?!\w).*", re.S
)
# "said they are", "think that it is": the speech verb and its subject, which leave
# what was said.
_SAID_THEY_RE = re.compile(
    r"^(?:say|says|said|think|thought|believe|believed)\s+(?:that\s+)?"
    r"(?:they|it|he|she|we)\s+(?:(?:are|were|is|was)\s+)?"
)
_COPULA_RE = re.compile(r"^(?:are|were)\s+")


def answers_for_the_asked(sentence: str, end: int) -> bool:
    """Whether the share ending at `end` is of the people a poll asked, named by their
    answer alone ("13% were unsure"), with no group of its own ("13% of nurses")."""
    m = _ANSWER_RE.match(sentence, end)
    return m is not None and m["group"] is None and _answer_of_share(sentence, end) is not None


def _answer_of_share(sentence: str, end: int) -> str | None:
    """What a share of people answered, written right after it (see _ANSWER_RE); None
    when the answer is a quotation ('said they were "very worried"'), which no short
    phrase of the text's own stands for."""
    m = _ANSWER_RE.match(sentence, end)
    if m is None or sentence[m.end() : m.end() + 1] in _QUOTE_MARKS:
        return None
    answer = _ANSWER_END_RE.sub("", m["answer"]).strip()
    if later := _SAID_LATER_RE.search(answer):
        answer = answer[later.start() + 1 :]  # "of those who named one said they could"
    if _PARTICIPLE_ANSWER_RE.match(answer):
        return None  # "compared with 0.3% expected by economists": no one's answer
    if _ANAPHORIC_ANSWER_RE.match(answer):
        return None  # "61% said the same": what, the sentence before says
    said = _SAID_THEY_RE.sub("", answer)
    if _VOTE_FOR_RE.match(said):
        return "support"  # "8% said they would vote for Okafor": her support
    words = (_COPULA_RE.sub("", said) if said else answer).split()
    # an answer up to its first adjunct: "much less likely to vote for the party in
    # November because of ..." -> "much less likely to vote for the party"
    cut = next((i for i, w in enumerate(words) if i > 1 and w.lower() in _ADJUNCT_OPENERS), None)
    words = words[: min(cut or len(words), _LONGEST_ANSWER)]
    while words and (words[-1].lower() in _PHRASE_BREAKS or _abbreviated_title(words[-1])):
        words.pop()  # "... to the", or "Sen" cut off at its full stop
    if not words or all(w.lower() in _EMPTY_ANSWER_WORDS for w in words):
        return None  # "59% said it was not", "21% said" what a quotation gives
    if _INCOMPLETE_END_RE.search(words[-1]):
        return None  # "60% say he's" what a quotation gives
    return " ".join(words)


# A past participle after a share, not a verb of people answering: "0.3% expected by
# economists", "the 3% agreed in March", "4% said to be linked", "versus 0.8% expected".
_PARTICIPLE_ANSWER_RE = re.compile(
    r"^(?:expected|agreed|described|said|named|thought|believed|wanted|opposed|rated"
    r"|answered)(?:\s+(?:by|in|on|at|for|under|as|after|to\s+be)\b|\s*$)"
)
# An answer that points back to another: "said the same", "said so", "said otherwise".
_ANAPHORIC_ANSWER_RE = re.compile(
    r"^(?:say|says|said|think|thought|believe|believed|agreed|agree)\s+(?:the\s+same|so|otherwise"
    r"|that|this|yes|no)\b"
)
# An answer that backs a candidate: "would vote for Okafor", "will definitely back Lee".
_VOTE_FOR_RE = re.compile(
    r"^(?:would|will|plan\s+to|intend\s+to)\s+(?:\w+ly\s+)?(?:vote\s+for|back|support)\s+"
    r"(?:(?:former|Sen\.|Gov\.|Secretary|President|Mr\.|Mrs\.|Ms\.)\s+)*[A-Z]"
)
# A speech verb after a relative clause about the people: their answer follows it.
_SAID_LATER_RE = re.compile(r"\s(?:say|says|said)\s+(?:that\s+)?(?:they|it)\b")


def _abbreviated_title(word: str) -> bool:
    """'Sen', 'Gov', 'Dr': a title whose full stop ended the text read."""
    return len(word) <= 4 and word[:1].isupper() and word.lower() in TITLES


_QUOTE_MARKS = frozenset("\"“”'‘’")
_LONGEST_ANSWER = 10
# Words that open an adjunct (when, where, why) rather than the answer's own object.
_ADJUNCT_OPENERS = frozenset("in on at because if since as while when after before".split())
# Words at which a long answer is cut: prepositions, conjunctions, articles.
_PHRASE_BREAKS = frozenset(
    "in on at for to of about with by from because if since as the a an and or that this "
    "his her their its".split()
)
# Words that say nothing of an answer on their own ("said it was not", "does not").
_EMPTY_ANSWER_WORDS = frozenset(
    """say says said think thought believe believed are were is was be not no do does did
    have has had so it that this yes""".split()
)
# Where an answer breaks off before what was said: a verb of saying or being.
_INCOMPLETE_END_RE = re.compile(
    r"^(?:say|says|said|think|thought|believe|believed|are|were|is|was|be|been|going)$"
    r"|['’](?:s|re|m)$",
    re.IGNORECASE,
)


# A figure in brackets right after the measure it gives: "the slim operating margins
# (about 6 percent)", "Acme's gross margin (12%)".
_NOUN_BEFORE_BRACKET_RE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|a|an)|['’]s)\s+(?P<np>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
    rf"\s+\(\s*(?:{context.APPROX_WORDS}\s+)?$"
)


def _named_before_bracket(sentence: str, start: int) -> str | None:
    """The measure a bracketed figure gives, named right before its bracket."""
    m = _NOUN_BEFORE_BRACKET_RE.search(sentence, max(0, start - 80), start)
    if m is None:
        return None
    words = m["np"].split()
    if _lower(words[-1]) not in _MEASURE_HEADS:
        return None  # a label in a list: "the economy (33 percent)", "the nomination (1,237)"
    if _PART_OF_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start()):
        return None  # "half of her support (44 percent)": the bracket gives the part
    return _clean_metric(words)


_PART_OF_BEFORE_RE = re.compile(r"\bof\s+(?:[A-Z][\w.-]*\s*)?$")


# A change's measure named after "in" before the new level: "a rise in unemployment to
# 5.2%", "a sharp fall in the birth rate to 1.4".
_CHANGE_IN_TO_RE = re.compile(
    r"\b(?:rise|fall|increase|decrease|drop|decline|jump|cut|gain|growth|reduction|slump"
    r"|surge)\s+in\s+(?:the\s+|its\s+|their\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
    rf"\s+to\s+(?:{context.APPROX_WORDS}\s+)?$"
)


# "puts his net worth at $10bn", "estimated the death toll at 49", "pegs growth at 2%":
# an estimate names what it measures between its verb and "at".
_PUT_AT_RE = re.compile(
    r"\b(?P<verb>put|puts|putting|estimated?|estimates|estimating|pegged|pegs|pegging"
    r"|placed|places|placing|value|valued|values|valuing|lists|listed|listing)\s+"
    # whose measure: "the", "his", or a name's possessive ("Okafor's wealth")
    r"(?:(?:the|its|his|her|their|our|a)\s+|(?P<owner>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+)?"
    # what is measured, or a name whose worth a valuation puts ("values Globex at $3bn")
    r"(?:(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})|(?P<named>(?:[A-Z][\w.&-]*\s+){0,3}"
    r"[A-Z][\w.&-]*))\s+at\s+(?:\w+\s+){0,2}$"
)


# An outlook a forecaster moves to a new level: "cut its growth forecast for Zembla to
# 1.2%", "raised its 2025 inflation estimate to 3%", "lowered its forecast for Zembla's
# growth to 1.5%". The words before the noun or the lower-case ones of its "for" phrase
# say what is forecast; a name in the "for" phrase says whose.
_REVISED_OUTLOOK_RE = re.compile(
    r"(?:(?P<forecaster>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+(?:has\s+|have\s+|also\s+)?)?"
    r"\b(?:cut|cuts|raised|raises|lowered|lowers|lifted|lifts|revised|revises|trimmed|trims"
    r"|upgraded|upgrades|downgraded|downgrades|slashed|slashes|nudged|nudges)\s+"
    r"(?:(?:up|down|upward|downward)\s+)?(?:its|their|the|his|her)\s+"
    r"(?P<words>(?:[\w-]+\s+){0,3}?)(?P<noun>forecasts?|estimates?|projections?|outlook)\s+"
    r"(?:for\s+(?P<for>[^,;:.]{1,60}?)\s+)?to\s+(?:(?:about|around|just|only|roughly)\s+)?$"
)
_OUTLOOK_NOUNS = ("forecast", "estimate", "projection", "outlook")  # one of which it needs
_FOR_WHOM_RE = re.compile(r"(?P<name>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:['’]s)?")


@dataclass(frozen=True)
class RevisedOutlook:
    """What a revised forecast measures ("growth forecast"), whose it is (a name its
    "for" phrase gives, if any) and who revised it (the name before the verb, if any)."""

    metric: str
    whose: str | None
    forecaster: str | None


# Cached: the metric step asks it of every figure, and assemble asks again for whose
# outlook it is and who revised it.
@functools.lru_cache(maxsize=256)
def revised_outlook(sentence: str, start: int) -> RevisedOutlook | None:
    """The outlook a forecaster moved to the figure at `start`, if it did."""
    if not context.holds_any(sentence, _OUTLOOK_NOUNS, max(0, start - 120), start):
        return None
    m = _REVISED_OUTLOOK_RE.search(sentence, max(0, start - 120), start)
    if m is None:
        return None
    words = [w for w in m["words"].split() if not w.isdigit()]  # "its 2025 growth forecast"
    whose = None
    if m["for"]:
        named = _FOR_WHOM_RE.match(m["for"])
        whose = named["name"] if named else None
        rest = m["for"][named.end() :].split() if named else m["for"].split()
        words = words or [w for w in rest if w[:1].islower() and _lower(w) not in _DETERMINERS]
    noun = _lower(m["noun"])
    noun = noun[:-1] if noun.endswith("s") else noun  # "its estimates": the estimate
    forecaster = m["forecaster"]
    if forecaster and forecaster.split()[0] in ("The", "A", "An"):
        forecaster = " ".join(forecaster.split()[1:]) or None  # "The IMF"
    return RevisedOutlook(" ".join([*words, noun]), whose, forecaster)


def _put_at(sentence: str, start: int) -> str | None:
    """The measure an estimate puts at the number, in the article's words."""
    m = _PUT_AT_RE.search(sentence, max(0, start - 80), start)
    if m is None:
        return None
    if m["verb"].startswith("valu"):
        return "value"  # "valued the firm at $5bn", "values Globex at $3bn": its value
    if m["np"] is None:
        return None  # "put Acme at the top": no measure named
    if m["verb"].startswith("list") and m["owner"] is None:
        return None  # "listed its shares at $17", "lists the burger at $15": a price
    words = m["np"].split()
    if any(_lower(w) in _PREPOSITIONS or _lower(w) in _DETERMINERS for w in words):
        return None  # "put it in writing at 5%": no measure named
    return _clean_metric(words)


def _legacy(sentence: str, start: int, end: int) -> str | None:
    """The older rules' metric, unless it holds a name, a number word or a verb."""
    metric = context.find_metric(sentence, start, end, None)
    if metric and metric.lower().endswith(" on hold"):
        metric = metric[: -len(" on hold")]  # "kept rates on hold at 4.75%": rates
    if not metric:
        return None
    words = metric.split()
    for k in range(1, len(words) - 1):
        dangling = len(words) - (k + 2) <= 1  # "from their current": no noun after
        if _lower(words[k]) in _PREPOSITIONS and _lower(words[k + 1]) in _DETERMINERS and dangling:
            metric = " ".join(words[:k])  # "fees from their current": the fees
            break
    if _says_no_which(metric.split()):
        return None  # "an average of 14 points": which average it does not say
    for word in metric.split():
        if word[:1].isupper() and not word.isupper():
            return None  # "the Acme campaign had been spending": a name, not a measure
        if _lower(word) in _VERB_FORMS or _lower(word) in _OTHER_VERBS:
            return None
        if any(p in _NUMBER_WORDS for p in word.split("-")):
            return None
    return metric


# Measures whose names hold an "of": "margin of error", "cost of living".
_OF_PHRASE_HEADS = frozenset("margin cost rate standard".split())


def _measure_of(tokens: list[str]) -> tuple[str | None, bool]:
    """'an unemployment rate of 4.5%', 'had net income of $2bn': the noun words before
    'of', and whether they name a change ('an increase of 6%') rather than a measure."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS | {"between", "to", "up"}:
        i -= 1
    if i < 1 or _lower(tokens[i]) != "of":
        return None, False
    k = i
    while k > 0 and tokens[k - 1][:1].islower() and _nounish(tokens[k - 1]):
        if tokens[k - 1].endswith(("'s", "’s")):
            break  # "the agency's jobless rate of": the possessor is the subject
        k -= 1
    if k >= 2 and _lower(tokens[k - 1]) == "of" and _lower(tokens[k - 2]) in _OF_PHRASE_HEADS:
        k -= 2  # "a margin of error of 3 points": the measure's name holds an "of"
    elif (
        k >= 3
        and tokens[k - 1][:1].islower()
        and _lower(tokens[k - 1]) not in _DETERMINERS
        and _lower(tokens[k - 2]) == "of"
        and _lower(tokens[k - 3]) in _OF_PHRASE_HEADS
    ):
        k -= 3  # "a margin of sampling error of 3 points": with a word before its noun
    run = tokens[k:i]
    if not run or run == ["rate"]:
        return None, False  # "at the rate of 2%": the older rules name whose rate
    if run[-1].lower() in _CHANGE_NOUNS - _GROWTH_NOUNS:
        return None, True  # "an increase of 6%": a change of the figure before it
    if _says_no_which(run):
        return None, False
    return _clean_metric(run), False


_SALE_VERBS = frozenset(
    """sold sell sells selling bought buy buys buying acquired acquire acquires acquiring
    purchased purchase purchases""".split()
)


def _sold_for(tokens: list[str]) -> bool:
    """'sold its main unit for $9bn', 'agreed to buy Globex for $4bn': the amount is
    the price of what changes hands."""
    i = len(tokens) - 1
    while i >= 0 and _lower(tokens[i]) in _APPROXIMATORS:
        i -= 1
    if i < 1 or _lower(tokens[i]) != "for":
        return False
    for k in range(i - 1, max(-1, i - 8), -1):
        if tokens[k] in _CLAUSE_STOPS:
            return False
        if _lower(tokens[k]) in _SALE_VERBS:
            return True
    return False


# A relative clause that states the figure of the noun phrase before it: "the jobless
# rate, which stood at 5.1%", "the trade gap, which had reached $40bn".
_RELATIVE_FIGURE_RE = re.compile(
    r"(?<![\w'’-])(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,5}[a-z][\w'’-]*),\s+(?:which|that)\s+"
    r"(?:(?:has|had|now|then|already)\s+)?"
    r"(?:stood|stands|was|is|reached|hit|totalled|totaled|amounted|came)\s+(?:at\s+|to\s+)?"
    rf"(?:{context.APPROX_WORDS}\s+)?$"
)


def _antecedent_measure(sentence: str, start: int) -> str | None:
    """The measure a relative clause ending at the number states (see
    _RELATIVE_FIGURE_RE): the noun phrase after its last determiner, in lower case."""
    if not context.holds_any(sentence, ("which", "that"), max(0, start - 120), start):
        return None  # the clause the pattern needs
    m = _RELATIVE_FIGURE_RE.search(sentence, max(0, start - 120), start)
    if m is None:
        return None
    words = m["np"].split()
    cut = max((k + 1 for k, w in enumerate(words) if _lower(w) in _DETERMINERS), default=0)
    if cut == 0:
        return None  # "Lee has won 15.6 million votes, which is 3.7 million more"
    phrase = words[cut:]
    if any(_lower(w) in _VERB_FORMS or _lower(w) in _OTHER_VERBS for w in phrase):
        return None  # "Acme said its revenue, which ...": a clause, not a noun phrase
    return _clean_metric(phrase)


_SOFTENERS = _APPROXIMATORS | {"between"}


def _level_set_off(tokens: list[str], common) -> str | None:
    """The measure whose level a figure after ", at" gives: the subject of the clause
    before the comma ("Inflation was higher in May, at 3.1%": inflation)."""
    i = len(tokens) - 1
    while i > 0 and _lower(tokens[i]) != "at" and _lower(tokens[i]) in _SOFTENERS:
        i -= 1
    if i < 1 or _lower(tokens[i]) != "at" or tokens[i - 1] != ",":
        return None
    if i + 1 < len(tokens) and _lower(tokens[i + 1]) in ("least", "most"):
        return None  # ", at least 21,000 said": a bound, not a level
    j = i - 2
    while j >= 0 and not _ends_clause(tokens, j):
        j -= 1
    measure = _clause_subject(tokens[j + 1 : i - 1], _opens(tokens, j), common)
    # "next year's earnings would be lower": the earnings, not the year's
    return measure.split("'s ", 1)[-1].split("’s ", 1)[-1] if measure else None


def _level_with(tokens: list[str]) -> str | None:
    """The measure a figure after "with X at" gives the level of: "the market is strong,
    with joblessness at 4.2% and inflation at 1.8%" (the second joined by "and")."""
    i = len(tokens) - 1
    while i > 0 and _lower(tokens[i]) != "at" and _lower(tokens[i]) in _SOFTENERS:
        i -= 1
    if i < 2 or _lower(tokens[i]) != "at":
        return None
    j = i - 1
    while j >= 0 and i - j <= 4 and (_nounish(tokens[j]) or _is_indicator(tokens[j])):
        j -= 1
    if j < 0 or j == i - 1:
        return None
    opener = _lower(tokens[j])
    if opener in _DETERMINERS and j > 0:
        j -= 1  # "with the jobless rate at 5%"
        opener = _lower(tokens[j])
    joined = opener == "and" and "with" in (_lower(t) for t in tokens[:j])
    if opener != "with" and not joined:
        return None
    return _clean_metric(tokens[j + 1 : i])


# Money held, as a campaign's or a firm's filings give it: "has $1.3m in the bank", "$9m
# cash on hand".
_CASH_HELD_RE = re.compile(
    r"\s+(?:(?P<bank>in\s+the\s+bank)|(?:in\s+)?(?:cash\s+)?on\s+hand)\b(?!['’])", re.IGNORECASE
)


def _before_number(sentence, start, end, tokens, common, kind) -> str | None:
    if kind == "points" and (gap := leads.find_lead(sentence, start, end, "point")):
        return gap.metric  # "leads Smith by 8 points", "8 points behind Smith"
    if kind == "money" and (held := _CASH_HELD_RE.match(sentence, end)):
        return "cash in the bank" if held["bank"] else "cash on hand"
    if measure := _antecedent_measure(sentence, start):
        return measure  # "the jobless rate, which stood at 5%"
    if measure := _level_set_off(tokens, common):
        return measure  # "Inflation was higher in May, at 3.1%"
    if measure := _level_with(tokens):
        return measure  # "with joblessness at 4.2%"
    changed = _CHANGE_IN_TO_RE.search(sentence, max(0, start - 80), start)
    if changed and (measure := _clean_metric(changed["np"].split())):
        return measure  # "a rise in unemployment to 5.2%": unemployment's new level
    metric, change = _measure_of(tokens)
    if metric or change:
        return metric
    if kind == "money" and _sold_for(tokens):
        return "price"
    metric = _subject_of_change(tokens, start <= _WINDOW, common) or _causative_object(tokens)
    if metric and kind == "percent" and metric.lower() in _ECONOMY:
        return "economic growth"  # "the economy grew 0.3%": the rate of its growth
    if metric:
        return _share_price(metric)
    legacy_of = _NP_OF_BEFORE_RE.search(sentence, max(0, start - 80), start)
    if legacy_of:
        metric = _legacy(sentence, start, end)
        if metric and metric.split()[-1].lower() not in _CHANGE_NOUNS:
            return metric
        if metric:
            return None  # "an increase of 6%": a change of the figure before it
    if kind == "percent" and (
        support := _poll_support(tokens, _AFTER_A_VOTE_SHARE_RE.match(sentence, end) is not None)
    ):
        return support
    if kind == "percent" and _IN_THE_POLLS_RE.match(sentence, end) and not _moves(tokens):
        return "support"  # "would have to reach 15 percent in the polls"; not "slipped 5%"
    if kind == "money" and (noun := _money_verb_noun(tokens) or _money_verb_after(sentence, end)):
        return noun
    metric = _legacy(sentence, start, end)
    if metric and metric.split()[-1].lower() in _CHANGE_NOUNS:
        return None
    if metric:
        return _share_price(metric)
    return _object_before_relative(tokens)  # the last resort: its clause may be another's


_MOVE_VERB_RE = re.compile(
    r"(?:ros|ris|fell|fall|slip|drop|gain|los|climb|jump|slid|dip|surg|soar|plung|tumbl"
    r"|edg|increas|decreas|declin|gr[eo]w|shr[iau]nk)"
)


def _moves(tokens: list[str]) -> bool:
    """Whether the number is what a verb of rising or falling moved by ("slipped 5%"),
    not the level it moved to or from ("slipped back to 39%")."""
    if tokens and _lower(tokens[-1]) in ("to", "from"):
        return False
    i = _verb_index(tokens)
    return i is not None and _MOVE_VERB_RE.match(_lower(tokens[i])) is not None


_IN_THE_POLLS_RE = re.compile(
    r"\s+in\s+(?:the\s+|a\s+|[A-Z][\w.&-]*['’]s\s+)?(?:[a-z]+\s+){0,2}polls?\b"
)
_NP_OF_BEFORE_RE = re.compile(r"\b[a-z][\w-]*\s+of\s+(?:[a-z]+\s+){0,2}$")


def _share_price(metric: str) -> str:
    """'Acme shares rose 4%': what moved is the share price; 'crude fell 3% to $38':
    a commodity's figure is its price."""
    if metric.lower() in _SHARES:
        return "share price"
    if metric.split()[-1].lower() in _COMMODITIES and "price" not in metric.lower():
        return f"{metric} price"  # not "the price of petrol" again
    return metric


# Grade words a price metric may open with.
_PRICE_GRADES = frozenset("light sweet heavy sour".split())
_COMMODITY_PRICE_RE = re.compile(
    rf"(?:(?:price|prices)\s+of\s+(?P<a>{'|'.join(sorted(_COMMODITIES))})"
    rf"|(?:(?:{'|'.join(sorted(_PRICE_GRADES))})\s+)?"  # "light crude price": the crude's
    rf"(?P<b>(?:(?:crude|brent|spot|heating|natural|wholesale|benchmark)\s+)?"
    rf"(?:{'|'.join(sorted(_COMMODITIES))}))\s+(?:price|prices))"
    r"(?:\s+per\s+[a-z]+)?"
)


def commodity_priced(metric: str | None) -> str | None:
    """The traded good a price metric names: "price of gold" -> "gold", "oil price" ->
    "oil"; the market is the subject, as "West Texas Intermediate" is in the spec."""
    m = _COMMODITY_PRICE_RE.fullmatch(metric.lower()) if metric else None
    return (m["a"] or m["b"]) if m else None


def named_grade(sentence: str, start: int, good: str, common: Set[str] = frozenset()) -> str | None:
    """The traded good as the sentence names its grade or benchmark, capitalised right
    before it, when a figure's price is of it: "Brent crude", "US light crude", "West
    Texas Intermediate crude". None when the good stands alone ("Oil prices rose",
    "Global oil prices rose", "But oil prices fell") or the sentence names it again
    nearer the figure ("Zembla oil producers cut output as oil prices fell 5%")."""
    matches = list(_grade_re(good).finditer(sentence, max(0, start - 120), start))
    if not matches:
        return None
    found = matches[-1]  # the last one before the figure
    between = sentence[found.end() : start]
    if len(between) > 40 or _CLAUSE_MARK_RE.search(between) or re.search(rf"\b{good}\b", between):
        return None
    words = found["grade"].split()
    while words and (
        words[0].lower() in common
        or words[0].lower() in _GRADE_OPENERS
        or words[0] in CALENDAR_NAMES
        or words[0] in context.NOT_SUBJECTS
    ):
        words = words[1:]  # "In March gold", "World gold", "The Brent crude": no name
    if words and words[0].lower() in _GRADE_ADJECTIVES:
        words[0] = words[0].lower()  # "Light crude rose" opens a sentence
    return " ".join([*words, good]) if words else None


# Words of a grade written before the good: "US light crude", "heating oil".
_GRADE_ADJECTIVES = _PRICE_GRADES | {"heating", "spot"}
_GRADE_ADJECTIVE = "|".join(sorted(_GRADE_ADJECTIVES))
# Capitalised words that open a good's mention without naming a grade.
_GRADE_OPENERS = frozenset(
    """the a an but and or so yet in on at for by as while with global world international
    overall average""".split()
)
_CLAUSE_MARK_RE = re.compile(r"[;:()\u2013\u2014]")


@functools.lru_cache(maxsize=32)
def _grade_re(good: str) -> re.Pattern[str]:
    """Capitalised words, and a grade's adjective, right before the good."""
    return re.compile(
        rf"\b(?P<grade>(?:[A-Z][\w-]*\s+){{1,3}}(?:(?:{_GRADE_ADJECTIVE})\s+)?){re.escape(good)}\b"
    )


def _with_rate(sentence: str, end: int, metric: str) -> str:
    """'rent of $30 per square foot' -> 'rent per square foot'."""
    m = _RATE_DENOMINATOR_RE.match(sentence, _skip_conversion(sentence, end))
    if not m or " per " in metric:
        return metric
    denominator = " ".join(m.group(1).lower().split()).replace("feet", "foot")
    return f"{metric} per {denominator}"


# --- ranks -------------------------------------------------------------------------

# Words that rank a figure among others, not part of what it measures: "the lowest
# unemployment rate" is an unemployment rate.
_RANKING_WORDS = frozenset(
    """highest lowest biggest largest smallest fastest slowest sharpest steepest strongest
    weakest best worst greatest""".split()
)


def _without_ranking(metric: str | None) -> str | None:
    if not metric:
        return metric
    words = metric.split()
    if words[0].lower() not in _RANKING_WORDS:
        return metric
    while words and words[0].lower() in _RANKING_WORDS:
        words = words[1:]
    if len(words) <= 1 and (not words or words[0].lower() in _CHANGE_NOUNS | {"rate", "level"}):
        return None  # "the highest rate", "the biggest rise": of what, it does not say here
    return " ".join(words)


# --- goals ---------------------------------------------------------------------------

# A level someone means to reach names a target, not the measure's value: "seeks to
# achieve inflation at the rate of 2 percent", "aims to keep inflation at 2%", "its 2
# percent objective".
_AIM_BEFORE_RE = re.compile(
    r"\b(?:seeks?|seeking|aims?|aiming|intends?|wants?|committed|pledged|vowed|promised)\s+to\s+"
    r"(?:achieve|keep|bring|return|returning|hold|reach|get|maintain|restore|push)\b"
    r"[^.;:()]{0,80}$"
)
_GOAL_NOUN_AFTER_RE = re.compile(
    r"\s*(?:%|per\s*cent|percent)?\s*(?P<noun>objective|goal|target|aim)\b", re.I
)
_GOAL_WORDS = frozenset("objective goal target aim".split())
# The level aimed at, right before the figure: "at 2%", "to 2%", "at the rate of 2%".
_LEVEL_BEFORE_RE = re.compile(
    r"\b(?:at|to|of|below|under|above|near|around)\s+(?:the\s+rate\s+of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|just\s+)?[$£€]?$"
)


def goal_metric(sentence: str, start: int, end: int, metric: str | None) -> str | None:
    """A measure's target when the figure is a level someone means to reach: "inflation"
    -> "inflation target"; the measure is named before the figure ("returning inflation
    to its 2 percent objective")."""
    after = _GOAL_NOUN_AFTER_RE.match(sentence, end)
    aimed = _LEVEL_BEFORE_RE.search(sentence, max(0, start - 40), start) and _AIM_BEFORE_RE.search(
        sentence, max(0, start - 160), start
    )
    if not (after or aimed):
        return metric
    if metric and metric.split()[-1].lower() in _GOAL_WORDS:
        metric = None  # "objective" alone: the measure it is an objective for, if named
    measure = metric or _measure_named_before(sentence[max(0, start - 160) : start])
    if not measure:
        return metric
    return measure if measure.endswith(" target") else f"{measure} target"


_MEASURE_BEFORE_RE = re.compile(
    r"\b(?P<m>inflation|unemployment(?:\s+rate)?|growth|deficit|debt)\b(?!.*\b(?:inflation"
    r"|unemployment|growth|deficit|debt)\b)",
    re.I,
)


def _measure_named_before(text: str) -> str | None:
    """The last measure a clause names before a goal's figure."""
    m = _MEASURE_BEFORE_RE.search(text)
    return m["m"].lower() if m else None


# --- a sentence's quantities --------------------------------------------------------

# Text between two figures of one list or one change: "4% to $2bn", "£3 in Kent;
# £2 in Fife", "Smith 40%, Jones 35%", "9p, or 1.6%, at 570p", "on May 4, and".
_CONNECTOR_WORDS = frozenset(
    """and or to from at in on by of while whereas compared with versus vs against the a an
    respectively up down about nearly almost around some over just more less than per cent
    percent points point for its their his her then before after but only just yet also
    still followed between""".split()
)


def _connects(between: str, metric: str) -> bool:
    """Whether only names, dates, list words and the words of the first figure's metric
    and change lie between two figures: "sales rose 4% to", "£3 in Kent; £2 in"."""
    if len(between) > 90:
        return False
    between = _SCOPE_BEFORE_LEVEL_RE.sub(" ", between)  # "in its retail arm to": a where
    between = _OF_AGGREGATE_RE.sub(" ", between)  # "to 5.2% of GDP from 4.6%": its scale
    between = _RIVALS_TITLE_RE.sub(" ", between)  # "to former mayor Bo Pike's"
    own = set(metric.lower().split())
    for word in _WORD_RE.findall(between):
        w = _lower(word)
        if word[:1].isupper() or w in own or w in _CONNECTOR_WORDS:
            continue  # a name or a month: "Smith 40%, Jones 35%"
        if w in _CHANGE_NOUNS or w in _CHANGE_VERBS or w in _TIME_WORDS or w in _TIME_QUALIFIERS:
            continue
        if w in _AUXILIARIES or w in _FORECAST_WORDS or w in _SETTING_PARTICIPLES:
            continue  # "$5bn in 2023, and is expected to rise to $6bn", "would be cut to"
        return False
    return True


# The words that describe a rival before the name whose figure comes next: "61% of the
# vote to dentist Bo Pike's 30%".
_RIVALS_TITLE_RE = re.compile(
    r"\s(?:[a-z][\w-]*\s+){1,3}(?=(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*['’]s\s*$)"
)


# Where a measure moved, between its change and its new level: "a 2% fall in profits in
# its retail arm to £1bn", "sales rose 4% at the two Zembla plants to 900".
_SCOPE_BEFORE_LEVEL_RE = re.compile(
    r"\s(?:in|at|across)\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}[a-z][\w-]*(?=\s+to\s*$)"
)


# A figure of the same kind set against the one before it: the same measure.
# What a figure's baseline follows: "compared with 33%", "down sharply from the $600m".
_COMPARED_BEFORE_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|as\s+against|as\s+opposed\s+to"
    r"|(?:up|down)\s+(?:[a-z]+ly\s+)?from(?:\s+the)?)\s+"
    # a rival's figure, named in the possessive: "compared to Lee's 538"
    r"(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)?"
    rf"(?:{context.APPROX_WORDS}\s+)?$"
)
_SETTING_PARTICIPLES = frozenset("reduced raised lowered cut lifted extended set".split())
_FORECAST_WORDS = frozenset("expected forecast projected set likely predicted estimated".split())
_TIME_QUALIFIERS = frozenset("first same whole full so far previous earlier prior".split())


_OUT_OF_RE = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+)?(?:top\s+|first\s+|last\s+)?")
_PAIR_RE = re.compile(r"\s*(?:and|or|to|-|–)\s*")


# A percentage that states how much the figure before it changed: "84,500 vehicles, 6%
# fewer than", "$41bn, an increase of 7%", "2,150 applications, a 19% increase on".
_CHANGE_AFTER_RE = re.compile(
    r"\s+(?:more|fewer|less|higher|lower|up|down|above|below)\b"
    rf"|\s+(?:{'|'.join(sorted(_CHANGE_NOUNS))})\s+(?:on|from|over|since|than|compared)\b"
)
_CHANGE_OF_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(_CHANGE_NOUNS))})\s+of\s+(?:{context.APPROX_WORDS}\s+)?$"
)
# What may stand between the figure and its change: its own words up to a comma.
_TO_ITS_CHANGE_RE = re.compile(
    r"[^,;.]{0,60},\s+(?:(?:an?|the)\s+)?"
    rf"(?:(?:{'|'.join(sorted(_CHANGE_NOUNS))})\s+of\s+)?(?:{context.APPROX_WORDS}\s+)?$"
)


def _changes_the_figure_before(sentence: str, before, q) -> bool:
    """Whether the percentage q says how much the figure just before it changed."""
    if q.kind != "percent" or not _TO_ITS_CHANGE_RE.fullmatch(sentence, before.end, q.start):
        return False
    return bool(
        _CHANGE_AFTER_RE.match(sentence, q.end)
        or _CHANGE_OF_BEFORE_RE.search(sentence, max(0, q.start - 40), q.start)
    )


# How many figures back a figure naming no measure looks for the one it continues: a
# list's few items, not a whole run of figures (which would make a long sentence slow).
_CONTINUES_REACH = 12


# Words of a unit, which name no measure on their own.
_UNIT_WORDS = frozenset(
    {"percent", "per cent", "pct", "percentage point", "percentage points", "point", "points"}
)


def sentence_metrics(sentence: str, quantities: Sequence, common: Set[str] = frozenset()):
    """The metric of every quantity of one sentence, in order.

    A figure that names no measure of its own takes the metric of the figure it
    continues: the next item of a list, the new level after a change, or the figure
    it is compared with ("28% ..., compared with 33% last month").
    """
    metrics: list[str | None] = []
    changes: list[bool] = []
    for q in quantities:
        metric, change = _metric_and_change(sentence, q.start, q.end, q.noun, _kind(q), common)
        if metric is not None and metric.lower() in _UNIT_WORDS:
            metric = None  # a unit read back from an earlier figure of the sentence
        metrics.append(metric)
        changes.append(change)
    for i, q in enumerate(quantities):
        if metrics[i] is not None or _counted_noun(q.noun):
            continue
        if i and metrics[i - 1] and _changes_the_figure_before(sentence, quantities[i - 1], q):
            metrics[i] = metrics[i - 1]  # "sold 84,500 vehicles, 6% fewer than a year earlier"
            continue
        for j in range(i - 1, max(-1, i - 1 - _CONTINUES_REACH), -1):
            before = metrics[j]
            if before is None or (_counted_noun(quantities[j].noun) and _kind(q) != "number"):
                continue  # a bare number may stand for a count named before ("to Lee's 538")
            if q.kind == "time" and quantities[j].kind != "time":
                break  # "$300bn of bonds over the next six months": a span, not the bonds
            if quantities[j].kind == "time" and q.kind != "time":
                continue  # "from $660,000 four years ago to $75,000": past the span
            between = sentence[quantities[j].end : q.start]
            same_kind = _kind(q) in (_kind(quantities[j]), "number")  # "to Lee's 538"
            compared = same_kind and _COMPARED_BEFORE_RE.search(between)
            if changes[i] or compared or _connects(between, before):
                metrics[i] = before
            break
    for i, q in enumerate(quantities):
        metrics[i] = goal_metric(sentence, q.start, q.end, _without_ranking(metrics[i]))
    for i in range(len(quantities) - 2, -1, -1):
        q, nxt = quantities[i], quantities[i + 1]
        after = metrics[i + 1]
        if metrics[i] is not None or not after:
            continue
        if _OUT_OF_RE.fullmatch(sentence, q.end, nxt.start):
            # "7 out of the top 12 albums"; "a third of the $9m spent": a share of it
            share = q.kind in ("percent", "share") and not after.startswith("share")
            metrics[i] = f"share of {after}" if share else after
        elif not _counted_noun(nxt.noun) and _PAIR_RE.fullmatch(sentence, q.end, nxt.start):
            metrics[i] = metrics[i + 1]  # "5 and 10 points", "38%-51% approval"
    for i, q in enumerate(quantities):
        if metrics[i] is None and q.kind == "time":
            metrics[i] = _time_in(sentence, q.start)
        elif q.unit == "percent" and (named := metrics[i]) and named.lower() in _RATE_OF:
            metrics[i] = _RATE_OF[named.lower()]
    return metrics


# A share of the labour force named by the state it measures: "unemployment fell to 5%"
# is the unemployment rate, as the statistics offices name it.
_RATE_OF = {
    "unemployment": "unemployment rate",
    "unemployment level": "unemployment rate",
    "unemployment levels": "unemployment rate",
    "joblessness": "jobless rate",
}


# A span of time spent somewhere or in some state, said just before it: "served in the
# Lima assembly for 20 years", "went without a press briefing for 90 days".
_TIME_IN_RE = re.compile(
    r"(?<![\w-])(?P<pp>(?:in|at|on|with|without|inside|outside|behind|away\s+from)\s+"
    r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+for\s+"
    rf"(?:(?:{context.APPROX_WORDS}|another|the\s+(?:past|last|first|next|previous))\s+)*$"
)


def _names_a_time(word: str) -> bool:
    """A month, a weekday, a year or the word "time" itself ("on time")."""
    return word in CALENDAR_NAMES or word[:1].isdigit() or _lower(word) in ("time", "times")


def _time_in(sentence: str, start: int) -> str | None:
    """The metric of a span of time the sentence spends somewhere ("in the assembly for 20
    years": "time in the assembly"), else None: a bare "time" would make every span of one
    subject one measure, and every two of them a dispute."""
    found = _TIME_IN_RE.search(sentence, max(0, start - 60), start)
    if found is None:
        return None
    words = found["pp"].split()
    if any(_lower(word) in _PRONOUNS or _lower(word) in _AUXILIARIES for word in words[1:]):
        return None  # "in which it stood for ...": a clause, no place
    if words[-1].endswith("ing") or words[1].endswith("ing"):
        return None  # "focused on building the firm for ten years": an activity
    if words[0] == "with" or any(_names_a_time(word) for word in words[1:]):
        return None  # "a deal with Zembla", "a lease in March", "on time": no place or state
    return "time " + found["pp"]
