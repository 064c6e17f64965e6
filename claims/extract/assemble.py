"""The pipeline: text (+ publication date) -> sorted ExtractedClaim list.

sentences -> periods -> numbers -> attribution -> context, per sentence. The
functions it calls are pure; this module only joins their results, carries the
article's time context (periods.ArticleTime) from sentence to sentence, and
guarantees the public contract: offsets into the text as given, sorted output,
never an exception.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from dataclasses import replace
from datetime import date, datetime
from typing import TypeVar

from claims.extract import (
    casualties,
    context,
    fields,
    figures,
    frames,
    leads,
    lexicon,
    metrics,
    numbers,
    periods,
    places,
    requirements,
    respectively,
    subjects,
    units,
)
from claims.extract.attribution import Attribution, attribute_sentences
from claims.extract.names import POSITION_VERBS, is_org_name, is_person_name
from claims.extract.sentences import sentence_spans
from claims.model import ExtractedClaim
from claims.normalise import surname

__all__ = ["extract_claims"]

log = logging.getLogger(__name__)

_ISO_DATE_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
# A clause boundary between a number and a later cue: "... in six months, adding that",
# "... by 40% although the group cautioned on".
_CLAUSE_JOIN_RE = re.compile(
    r"\b(?:although|though|while|whereas|but|and|after|before|when|because)\b", re.IGNORECASE
)
# A field that no longer stands: "two former Whig hopefuls", "17 original candidates",
# or one the sentence places in a past it does not date: "Back then, 17 candidates ...".
_FORMER_FIELD_RE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:former|past|previous|original|onetime|one-time)\b", re.IGNORECASE
)
_BACK_THEN_RE = re.compile(
    r"\b(?:back\s+then|at\s+the\s+time|at\s+one\s+point|originally|once\s+had)\b",
    re.IGNORECASE,
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z-]*(?![\w'’-])")
_CONTENT_AFTER_CUE_RE = re.compile(
    r"\s+(?!(?:on|in|at|last|yesterday|today|this|earlier|late|later|recently)\b)[A-Za-z$£€¥\d]"
)


def parse_published(published: str | date | None) -> date | None:
    """A publication date from a date, datetime or ISO string; None when unusable."""
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if not isinstance(published, str):
        return None
    m = _ISO_DATE_RE.match(published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _attributions(text: str, spans: list[tuple[int, int]]) -> list:
    try:
        found = attribute_sentences(text, spans)
    except Exception:  # noqa: BLE001 - extract_claims never raises; numbers still count
        log.exception("attribution failed; numeric claims are kept without speakers")
        return [None] * len(spans)
    if len(found) != len(spans):
        return [None] * len(spans)
    return found


class _CueIndex:
    """Where one sentence's attribution cue and clause joins are, found once.

    A sentence can hold thousands of numbers; searching the rest of it again for
    each one would make a long attributed sentence quadratic.
    """

    def __init__(self, sentence: str, cue: str) -> None:
        cue_re = re.compile(r"\b" + re.escape(cue) + r"\b", re.IGNORECASE)
        self.cues = [(m.start(), m.end()) for m in cue_re.finditer(sentence)]
        self.cue_starts = [c[0] for c in self.cues]
        self.joins = [(m.start(), m.end()) for m in _CLAUSE_JOIN_RE.finditer(sentence)]
        self.join_starts = [j[0] for j in self.joins]
        self.sentence = sentence
        self._last_mark: dict[int, int] = {}

    def comma_before(self, cue_start: int, floor: int) -> bool:
        """Whether the last non-space character in [floor, cue_start) is a comma."""
        last = self._last_mark.get(cue_start)
        if last is None:  # every number before one cue shares this walk back
            last = cue_start - 1
            while last >= 0 and self.sentence[last].isspace():
                last -= 1
            self._last_mark[cue_start] = last
        return last >= floor and self.sentence[last] == ","

    def next_cue(self, pos: int) -> tuple[int, int] | None:
        """The first cue that starts at or after pos."""
        i = bisect_left(self.cue_starts, pos)
        return self.cues[i] if i < len(self.cues) else None

    def join_between(self, start: int, end: int) -> bool:
        """Whether a clause join ("and", "although", ...) lies wholly in [start, end)."""
        i = bisect_left(self.join_starts, start)
        return i < len(self.joins) and self.joins[i][1] <= end


def _cue_index(sentence: str, attribution) -> _CueIndex | None:
    """The cue index a statement needs, or None when every number is covered anyway."""
    if attribution is None or attribution.kind not in ("statement", "quote"):
        return None
    cue = attribution.cue
    if not cue or cue.lower() == "according to":
        return None
    return _CueIndex(sentence, cue)


# An attribution this uncertain, through a verb that takes a stance ("welcomed",
# "denied"), does not make the sentence's figures the source's (attribution.py:
# a named source scores 0.9 less 0.15 for such a cue).
_POSITION_CONFIDENCE = 0.75


def _position_only(attribution) -> bool:
    """Whether the sentence is attributed only through a position verb, weakly."""
    cue = (attribution.cue or "").split()
    return (
        attribution.kind == "statement"
        and bool(cue)
        and cue[0].lower() in POSITION_VERBS
        and attribution.confidence <= _POSITION_CONFIDENCE
    )


# A cue inside a relative clause: "the levy that she says is unfair".
_RELATIVE_CUE = re.compile(r"\b(?:that|which)\s+(?:he|she|they|it|we|[A-Z][\w'\u2019-]*)\s*$")


def _speaker_covers(sentence: str, q_end: int, attribution, cues: _CueIndex | None) -> bool:
    """Whether a number in an attributed sentence is part of what the source said.

    In "X did A with 5 items, saying that B" or "A rose 40% although the group cautioned
    on B", the source's words are B; the number before the cue, in another clause,
    is the article's own statement.
    """
    if attribution is None:
        return False
    if _position_only(attribution):
        return False
    if cues is None:
        return True
    found = cues.next_cue(q_end)
    if found is None or not _CONTENT_AFTER_CUE_RE.match(sentence, found[1]):
        return True
    cue_start = found[0]
    if _RELATIVE_CUE.search(sentence, max(q_end, cue_start - 40), cue_start):
        return False  # "X ran it for 9 years, attacking the levy that she says is unfair"
    participle_after_comma = attribution.cue.endswith("ing") and cues.comma_before(cue_start, q_end)
    if attribution.kind == "quote":
        # A quotation's own clauses hold "and", "while": only "X did A with 5
        # items, saying ..." leaves the number to the article.
        return not participle_after_comma
    return not (participle_after_comma or cues.join_between(q_end, cue_start))


def _speakers_own_age(sentence: str, q, attribution: Attribution | None) -> bool:
    """Whether the number is the speaker's age in the words that name them ("says Jo
    Rivers, 21, a student from Lima"): what the article tells of the speaker, not what
    the speaker said ("According to Jo Rivers, 40% of loans ..." is)."""
    speaker = attribution.speaker if attribution is not None else None
    if not speaker or q.kind != "age":  # numbers.py reads an age set off after a name
        return False
    m = numbers.NAME_BEFORE_AGE_RE.search(sentence, max(0, q.start - 30), q.start)
    return bool(m and m["name"] == speaker.split()[-1])


_PLACE_PREPOSITIONS = frozenset("in at of for from among".split())


# "since May", "since its creation in 2019": where a running total starts; not a record
# compared with a time ("the most since December", "the lowest since 2008").
_SINCE_BEFORE_RE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# The words before "since" that may make it a record's: "the most since", "the biggest
# gain since".
_WORDS_BEFORE_SINCE_RE = re.compile(r"(?:[\w'’-]+\s+){0,3}$")
_RECORD_WORDS = frozenset({"most", "least", "fewest", "first"})


def _starts_a_running_total(sentence: str, mention: periods.PeriodMention) -> bool:
    """Whether a "since" mention says where a running total starts ("added 2,000 jobs
    since May"), not a record compared with a time ("the most since December")."""
    if sentence.startswith(("since", "Since"), mention.start):
        since = mention.start
    elif m := _SINCE_BEFORE_RE.search(sentence, max(0, mention.start - 40), mention.start):
        since = m.start()
    else:
        return False
    before = _WORDS_BEFORE_SINCE_RE.search(sentence, max(0, since - 40), since)
    words = before.group().lower().split() if before else []
    return not any(w in _RECORD_WORDS or lexicon.is_superlative(w) for w in words)


def _names_another_owner(sentence: str, q, metric: str | None, common: Set[str]) -> bool:
    """Whether the sentence itself names whose the figure is, other than what its metric
    names ("Zembla's oil prices rose 4%", not "Crude fell 3%")."""
    own = subjects.sentence_subject(sentence, q.start, q.end, common)
    return own is not None and not _subject_within_metric(own, metric)


def _subject_within_metric(subject: str | None, metric: str | None) -> bool:
    """Whether the subject is only words of the metric ("Total" in "Total nonfarm payroll
    employment", "Employment" for "employment"): what is measured, not who. A name
    the metric only ends on ("messages sent in Zembla") is still the subject."""
    if subject is None or metric is None:
        return False
    metric_words = metric.lower().split()
    subject_words = subject.lower().split()
    if not all(word in metric_words for word in subject_words):
        return False
    place = metric_words.index(subject_words[0])
    return not (place > 0 and metric_words[place - 1] in _PLACE_PREPOSITIONS)


# Head nouns of organisation names: "the Committee" after "the Federal Open Market
# Committee" is that committee, "the Bank" after "the Bank of Zembla" that bank.
_ORG_HEADS = (
    "Committee", "Board", "Bank", "Ministry", "Department", "Agency", "Office", "Commission",
    "Council", "Authority", "Bureau", "Institute", "Court", "Fund", "Reserve", "Parliament",
    "Administration", "Treasury",
)  # fmt: skip
_FULL_ORG_RE = re.compile(
    r"\b(?:(?!(?:The|A|An|In|On|At|For|By)\s)[A-Z][\w&.'’-]*\s+){1,5}(?P<head>"
    + "|".join(_ORG_HEADS)
    + r")\b(?!\s+of\s+[A-Z])"
    r"|\b(?P<head2>" + "|".join(_ORG_HEADS) + r")\s+of\s+(?:the\s+)?[A-Z][\w&.'’-]*"
    r"(?:\s+[A-Z][\w&.'’-]*){0,3}"
)

# Any head noun at all: a plain alternation of words is scanned for quickly, unlike
# _FULL_ORG_RE, whose leading word boundary is tried at every position.
_ORG_HEAD_RE = re.compile("|".join(_ORG_HEADS))


def _note_org_names(sentence: str, names: dict[str, str]) -> None:
    """Remember the full organisation names a sentence gives, by their head noun."""
    if not _ORG_HEAD_RE.search(sentence):
        return  # every match holds a head noun; most sentences have none to scan for
    for m in _FULL_ORG_RE.finditer(sentence):
        head = m.group("head") or m.group("head2")
        name = m.group()
        if name != head:
            names[head] = name


def _is_place_in(sentence: str, subject: str | None) -> bool:
    """Whether the subject is a place the sentence names: a country or region, or a name
    it writes as one ("In Lagos, inflation rose to 7%")."""
    if not subject or subject not in sentence:
        return False
    return places.is_place(subject) or bool(
        re.search(rf"\b[Ii]n\s+(?:the\s+)?{re.escape(subject)}\b", sentence)
    )


# The wage floor a whole country has now, named with its level: "the national minimum
# wage is £9", "the current federal minimum wage of $8", "the federal minimum wage has been
# $8 since 2009", "the $8 federal minimum wage"; not one someone wants ("raise the federal
# minimum wage to $12", "a $12 federal minimum wage", "the proposed federal minimum wage
# of $12", "if Lee wins, the federal minimum wage will be $12").
_NATIONAL_WAGE = r"(?:federal|federally|national)\s+(?:mandated\s+)?minimum\s+wage"
_NATIONAL_WAGE_OF_RE = re.compile(
    rf"\bthe\s+(?:(?:current|existing|present)\s+)?{_NATIONAL_WAGE},?\s+"
    r"(?:which\s+is\s+|is\s+|was\s+|of\s+|remains\s+(?:at\s+)?|has\s+(?:been|stood\s+at)\s+"
    r"|stands\s+at\s+|stood\s+at\s+)(?:just\s+|only\s+|still\s+)?$",
    re.IGNORECASE,
)
_THE_CURRENT_BEFORE_RE = re.compile(r"\bthe\s+(?:(?:current|existing|present)\s+)?$")
_NATIONAL_WAGE_AFTER_RE = re.compile(rf"\s+{_NATIONAL_WAGE}\b", re.IGNORECASE)
_CONDITION_BEFORE_RE = re.compile(r"\b(?:[Ii]f|[Ww]ould|[Ww]ill|[Ss]hould|[Uu]nless)\b")


def _national_wage(sentence: str, q: numbers.Quantity, metric: str | None) -> bool:
    """Whether the figure is the level of the country's minimum wage as it stands."""
    if metric is None or "minimum wage" not in metric:
        return False  # "minimum wage", "federal minimum wage per hour"
    if _CONDITION_BEFORE_RE.search(sentence, max(0, q.start - 80), q.start):
        return False  # "if Lee wins, the federal minimum wage is $12"
    if _NATIONAL_WAGE_OF_RE.search(sentence, max(0, q.start - 80), q.start):
        return True
    return bool(
        _THE_CURRENT_BEFORE_RE.search(sentence, max(0, q.start - 20), q.start)
        and _NATIONAL_WAGE_AFTER_RE.match(sentence, q.end)
    )


def _labels_figure(sentence: str, subject: str | None, start: int) -> bool:
    """Whether the subject names the figure as a list's label: "followed by Dunmore on
    21.7%", "Zembla at 3%" (a region or place the country list may not know)."""
    if not subject:
        return False
    label = re.escape(subject.split()[-1])
    return (
        re.search(rf"\b{label}\s+(?:on|at|with)\s+$", sentence[max(0, start - 60) : start])
        is not None
    )


_EURO_AREA = r"[Ee]uro[\s-]?(?:zone|area)"
_OWNER = rf"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|{_EURO_AREA}"
# A place a measure is of: "in Peru", "of the eurozone", "Japan's".
_ECONOMY_OWNER_RE = re.compile(
    rf"\b(?:in|of)\s+(?:the\s+)?(?P<owner>{_OWNER})|(?P<owner2>{_OWNER})['’]s\b"
)
# Economies that are no country: "the eurozone's GDP".
_ECONOMIC_AREA_RE = re.compile(rf"\b(?:{_EURO_AREA}|European\s+Union|EU)\b")


def _names_another_economy(sentence: str, country: str) -> bool:
    """Whether the sentence names an economy other than the article's country: "real GDP
    in Peru grew 3%" in an article about Chile is Peru's figure, not Chile's."""
    named = places.countries_named(sentence)
    if country in named:
        return False  # "While the US added 200,000 jobs, China ...": the country's own
    # another economy whose measure it is: "in Peru", "of Japan", "Japan's", "the
    # eurozone's"; not one named in passing ("as oil from Saudi Arabia got pricier")
    owners = " ".join(m["owner"] or m["owner2"] for m in _ECONOMY_OWNER_RE.finditer(sentence))
    return bool(places.countries_named(owners)) or _ECONOMIC_AREA_RE.search(owners) is not None


# A running total from an event the sentence names without a date: "9 million jobs
# since I took office", "since taking office", "since the pandemic began".
_SINCE_AN_EVENT_RE = re.compile(
    r"\bsince\s+(?:(?:I|we|he|she|they|the\s+\w+|[A-Z]\w+)\s+(?:took|came\s+into|entered)"
    r"\s+(?:office|power)|taking\s+office|coming\s+into\s+office"
    # "since the recovery began", "since the crisis hit", "since she was elected"
    r"|(?:the\s+|its\s+|their\s+|he\s+|she\s+|they\s+|it\s+)(?:[a-z]+\s+){0,2}?"
    r"(?:began|started|ended|hit|struck|was\s+elected|were\s+elected|took\s+over))\b"
)


# A sector that adds or loses jobs, named as the clause's subject right before its verb:
# "Retail and wholesale trade added 40,000 jobs", "Over the month, mining added 3,000".
_SECTOR_ADDING_RE = re.compile(
    r"(?:^|[,;:]\s*)(?P<sector>[A-Za-z][a-z-]+(?:\s+(?:and\s+)?[a-z][a-z-]+){0,4})\s+"
    r"(?:added|lost|shed|cut|gained|created)\s+(?:about\s+|nearly\s+|some\s+|just\s+)?$"
)
# Words that name the whole economy or a pronoun, not a sector: those stay the country's.
_NOT_SECTORS = frozenset(
    """the economy employment payrolls payroll nation country we it they he she which that
    who businesses employers firms companies our its their his her my your also still now
    just has have had is are was were will would""".split()
)


def _sector_adding_jobs(sentence: str, start: int) -> str | None:
    m = _SECTOR_ADDING_RE.search(sentence, max(0, start - 60), start)
    if m is None:
        return None
    written = m["sector"].split()
    if written[0][:1].isupper() and len(written) < 2:
        return None  # "Acme added 300 jobs": a name, whose jobs the subject rules give
    words = [w.lower() for w in written]
    if any(w in _NOT_SECTORS or w.endswith("ly") for w in words):
        return None  # "our economy has", "Lindqvist also": no sector named
    return " ".join(words)


def _group_measured(sentence: str, subject: str | None) -> bool:
    """Whether the subject is the group a national measure is taken of: "the
    jobless rate for nurses fell to 2.9 percent", "inflation among renters"."""
    if not subject or subject not in sentence:
        return False
    return re.search(rf"\b(?:for|among)\s+(?:the\s+)?{re.escape(subject)}\b", sentence) is not None


def _full_org_subject(subject: str | None, names: dict[str, str]) -> str | None:
    """'Committee' -> 'Federal Open Market Committee' when the article named it so."""
    if subject is None:
        return None
    return names.get(subject, subject)


# "leading by 2.2 percent", "rose by nearly 3%": a margin or a change, not a share.
_BY_BEFORE_RE = re.compile(r"\bby\s+(?:[a-z]+\s+){0,2}$")


def _polled_share(q, subject: str | None, sentence: str, figure_source: str | None) -> bool:
    """Whether a percentage with no measure named is a person's share in the poll the
    paragraph or the sentence reports ("Smith is second at 20 percent")."""
    return (
        q.kind == "percent"
        and q.unit == "percent"  # points are a lead's or a change's
        and not _BY_BEFORE_RE.search(sentence, max(0, q.start - 30), q.start)
        and subject is not None
        and is_person_name(subject)
        and figures.poll_shaped(sentence)
        and (figure_source is not None or _cites_a_poll(sentence, q.start))
    )


_CLAUSE_REACH = 120  # how far around a figure its clause's words are looked for
# Words of an opinion of someone, whose shares are ratings, not support.
_OPINION_WORDS_RE = re.compile(
    r"\b(?:favou?r\w*|unfavou?r\w*|approv\w*|disapprov\w*|ratings?|views?|viewed|opinions?"
    r"|negative\w*|positive\w*|trust\w*|like\w*|dislike\w*)\b",
    re.IGNORECASE,
)


def _cites_a_poll(sentence: str, start: int) -> bool:
    """Whether the sentence names the poll a person's share before `start` is from
    ("according to a Beacon survey", "a Beacon poll found"), and the share is no
    rating ("is viewed favorably by 50 percent")."""
    source = figures.named_source(sentence)
    if source is None or not source[1]:
        return False
    return not _OPINION_WORDS_RE.search(
        sentence, max(0, start - _CLAUSE_REACH), start + _CLAUSE_REACH
    )


# The metrics a share of a scored pair may have been read as before it is known to be
# one: none, support, or the lead the sentence names ("lead over Jones").
_SUPPORT_OR_LEAD = frozenset({"support", "lead", "advantage", "edge", "margin"})


def _contest_share(q, subject: str | None, metric: str | None, sentence: str) -> str | None:
    """What a percentage measures when it is a person's share in a contest the sentence
    scores as a pair ("Smith leads Jones 46 percent to 39 percent", "her 58%-36%
    advantage over Jones"): support or vote share (leads.pair_share), not the lead the
    sentence may also name; None for any other percentage."""
    if not (
        q.kind == "percent"
        and q.unit == "percent"
        and (metric is None or metric.split()[0].lower() in _SUPPORT_OR_LEAD)
        and subject is not None
        and leads.person_like(subject)
    ):
        return None
    return leads.pair_share(sentence, q.start, q.end)


_POLL_NOUNS = ("poll", "survey", "polls", "surveys")


def _describes_a_poll(metric: str | None, sentence: str) -> bool:
    """Whether a metric is of a poll's method, not of what it found: its sample
    ("registered voters surveyed") or its margin of error. People interviewed or
    questioned are a poll's sample only where the sentence names a poll ("75 witnesses
    interviewed by the committee" are not)."""
    if not metric:
        return False
    words = metric.lower().split()
    if words[-1] in metrics.FIELDWORK_WORDS:
        return words[-1] in ("surveyed", "polled") or periods.names_poll(sentence)
    return words[0] == "margin" and words[-1] == "error"


def _sample_of(metric: str) -> str | None:
    """The people a poll asked, from its sample's metric ("likely voters surveyed")."""
    words = metric.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in metrics.FIELDWORK_WORDS else None


def _poll_named(subject: str | None, speaker: str | None) -> str | None:
    """The poll a method figure is about: the subject when it already names a poll, else
    the poll of the pollster that speaks for the figure ("Acme Research poll")."""
    if subject and subject.lower().endswith(_POLL_NOUNS) and " " in subject.strip():
        return subject  # "the Acme poll", not a bare "poll" its pollster can name
    if speaker is None or not _may_be_pollster(speaker):
        return None
    return speaker if speaker.lower().endswith(_POLL_NOUNS) else f"{speaker} poll"


def _names_the_pollster(subject: str | None, speaker: str | None, sentence: str, text: str) -> bool:
    """Whether the subject found is only the name of the pollster whose poll reports the
    figure: a poll's finding is about the people polled or the candidates, never about
    who ran it (CLAIM-SPEC: a subject is never the source)."""
    if not subject or not speaker or not _may_be_pollster(speaker):
        return False
    if subject == speaker and subject not in sentence:
        # the pollster the article is about, carried to a share its poll found (a firm
        # the article is about reports its own figures, its survey's aside)
        return figures.reports_poll_shares(sentence) and (
            re.search(rf"\b{re.escape(speaker)}\S*\s+(?:poll|survey)", text) is not None
        )
    subject_words = set(subject.lower().split())
    if subject_words < set(re.split(r"[\s/-]+", speaker.lower())):
        return bool(_POLL_WORD_RE.search(sentence))  # "Acme" of "Acme/Beacon"
    # the pollster itself, named before its poll: "a Beacon/Acme poll found 40% ..."
    return (
        re.search(
            rf"\b{re.escape(subject)}(?:[/-][\w.-]+)*\s+(?:(?:{figures.POLL_KIND}\s+)?"
            r"(?:poll|survey)|polled|surveyed)\b",
            sentence,
        )
        is not None
    )  # "a Beacon public poll found"


_POLL_WORD_RE = re.compile(r"\b(?:poll|polls|survey|surveys)\b", re.IGNORECASE)


def _may_be_pollster(name: str) -> bool:
    """A name that can run a poll: not a person, nor a plural of people ("Catholics"
    said so in it, they did not conduct it)."""
    if is_person_name(name):
        return False
    return is_org_name(name) or " " in name or not name.endswith("s")


def _numeric_speaker(source, attribution, figure_source: str | None) -> str | None:
    """The speaker of the attribution that covers the number; in a sentence with no
    attribution, the source whose figures it reports (figures.py)."""
    if source is not None:
        return source.speaker
    return figure_source if attribution is None else None


# "according to" right after a figure's clause, or opening the sentence before it.
_ACCORDING_AFTER_RE = re.compile(r"[^.;:!?“”\"]{0,40}?,\s+according\s+to\s+", re.IGNORECASE)
_ACCORDING_OPENING_RE = re.compile(r"^\W{0,3}According\s+to\s+")


def _inside_quotation(sentence: str, pos: int) -> bool:
    """Whether pos lies inside quotation marks the sentence opens before it."""
    curly = sentence.count("“", 0, pos) > sentence.count("”", 0, pos)
    return curly or sentence.count('"', 0, pos) % 2 == 1


def _quoted_source(sentence: str, start: int, end: int) -> str | None:
    """The source a quotation gives for a figure inside it: "“Acme's count was 699,
    according to the Zembla Party,” the Beacon reported" is the party's figure, not the
    paper's (the frames read no cue inside quotation marks)."""
    if not _inside_quotation(sentence, start):
        return None  # outside quotation marks the frames have read the cue already
    if after := _ACCORDING_AFTER_RE.match(sentence, end):
        return frames.named_according_to(sentence[after.end() :])
    if (opening := _ACCORDING_OPENING_RE.match(sentence)) and opening.end() < start:
        return frames.named_according_to(sentence[opening.end() : start])
    return None


# A reckoning verb right after the figure it made: "less than the $3bn estimated by
# Beacon Weekly", "the 40,000 counted by the Zembla Party". Named agents only: "the 3%
# forecast by economists" gives no one's name.
_RECKONED_BY_RE = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?,?\s+(?:(?:first|later|earlier|originally|previously)\s+)?"
    r"(?:estimated|projected|forecast|predicted|calculated|tallied|counted)\s+by\s+"
)


def _reckoned_by(sentence: str, end: int) -> str | None:
    """The body a reduced passive right after the figure names as its reckoner."""
    if " by " not in sentence:
        return None  # most sentences have no agent: skip the pattern
    m = _RECKONED_BY_RE.match(sentence, end)
    return frames.named_according_to(sentence[m.end() :]) if m else None


def _figure_sources(text: str, spans: list[tuple[int, int]], attributions: list) -> list:
    try:
        return figures.figure_sources(text, spans, attributions)
    except Exception:  # noqa: BLE001 - numbers still count without a figures source
        log.exception("figure sources failed; numeric claims keep attributed speakers only")
        return [None] * len(spans)


def _confidence(q: numbers.Quantity) -> float:
    """A rough prior that the quantity is a claim with the right value and unit."""
    score = 0.85
    if q.kind in ("money", "percent", "measure", "time", "age"):
        score += 0.1
    elif q.unit is None:
        score -= 0.25
    if q.in_words:
        score -= 0.1
    if q.low is not None:
        score -= 0.05
    return round(min(max(score, 0.05), 0.99), 2)


def _numeric_claims(
    text: str,
    start: int,
    end: int,
    published: date | None,
    time: periods.ArticleTime,
    attribution,
    org_names: dict[str, str],
    common_words: Set[str] = frozenset(),
    figure_source: str | None = None,
    article_subjects: subjects.ArticleSubjects | None = None,
) -> list[ExtractedClaim]:
    """Numeric claims of one sentence; `time` carries the article's time context on."""
    sentence = text[start:end]
    if article_subjects is not None:
        article_subjects.enter(start)
    _note_org_names(sentence, org_names)
    pollster = figure_source or getattr(attribution, "speaker", None)
    if article_subjects is not None and pollster and (group := subjects.polled_group(sentence)):
        # "a Beacon poll of likely voters found ...": whom Beacon's findings are shares of
        article_subjects.poll_samples.setdefault(pollster, group)
    mentions = periods.find_periods(sentence, published, time.year, time.steps)
    time.begin_sentence(start, sentence, mentions)
    # "founded 300 years ago": the span of years is a claim as well as a time
    blocked = [(m.start, m.end) for m in mentions if m.kind != "ago"]
    quantities = numbers.find_quantities(sentence, blocked)
    if not quantities:
        # Most sentences hold no figure: only the article's running context moves on.
        _end_sentence(sentence, end, mentions, time, article_subjects)
        return []
    # a poll's shares carried past the paragraph that named it are that poll's
    poll_carried = figure_source is not None and figures.gives_poll_shares(
        sentence, time.about_a_poll
    )
    default_period = time.default_period(sentence, mentions, poll_carried=poll_carried)
    # "from 2009 to 2014": no period of the vocabulary stands for the figures of a span
    spans_years = any(m.kind == "year_span" for m in mentions)
    # "has added 2,000 jobs since May": a running total, of no month's release
    since = any(not m.governs and _starts_a_running_total(sentence, m) for m in mentions)
    since = since or ("since" in sentence and _SINCE_AN_EVENT_RE.search(sentence) is not None)
    standing_period = time.default_period(sentence, mentions, poll_figure=False)
    cues = _cue_index(sentence, attribution)
    claims: list[ExtractedClaim] = []
    metric_of = metrics.sentence_metrics(sentence, quantities, common_words)
    own = periods.baseline_mentions(sentence, [(q.start, q.end) for q in quantities], mentions)
    shared = periods.without(mentions, own.values())
    now = periods.present_of_comparison(own.values(), published)
    for index, q in enumerate(quantities):
        if index not in own and (ago := periods.attached_ago(sentence, q.end, mentions)):
            own[index] = ago  # "a profit of $5m two years ago"
    for index, (q, metric) in enumerate(zip(quantities, metric_of, strict=True)):
        source = (
            attribution
            if _speaker_covers(sentence, q.end, attribution, cues)
            and not _speakers_own_age(sentence, q, attribution)
            else None
        )
        if article_subjects is not None:  # the article's entities resolve "it", "the firm"
            subject = article_subjects.subject(sentence, q.start, q.end)
        else:
            subject = context.find_subject(sentence, q.start, common_words)
        who = subjects.first_person(sentence, q.start) if source and source.speaker else None
        if who and source is not None:
            # "I built 40 towers," he said: the speaker's own figure. "We" is the body
            # the speaker speaks for when the text names one; else it may be a nation, a
            # party or anyone ("we lose 300 a year to ..."), and stays unresolved here.
            subject = source.speaker if who == "I" else source.speaker_org or subject
        subject = _full_org_subject(subject, org_names)
        if subject and (unit := _firms_part(subject, sentence, q, article_subjects)):
            subject = f"{subject} {unit}"  # "profits at its retail arm rose 5%": the arm's
        traded_good = metrics.commodity_priced(metric)
        if traded_good is not None and (
            grade := metrics.named_grade(sentence, q.start, traded_good, common_words)
        ):
            traded_good = grade  # "Brent crude fell 40 cents": the benchmark's price
        elif traded_good is not None and _names_another_owner(sentence, q, metric, common_words):
            traded_good = None  # "Zembla's oil prices": Zembla's
        contest_share = _contest_share(q, subject, metric, sentence)
        if contest_share:
            # "Smith leads Jones 46% to 39%": each one's share, no lead; "leads Jones in
            # market share, 46% to 39%": each one's market share
            if contest_share == "vote share" and time.reports_poll:
                contest_share = "support"  # "Smith would beat Jones 48% to 44%" in a poll
            metric = leads.scored_measure(sentence, q.start, q.end) or contest_share
        elif metric in metrics.GROUP_STATES and (
            group := subjects.population_of(sentence, q.start, q.end)
        ):
            subject = group  # "17% of likely voters still undecided": the voters' share
        elif _subject_within_metric(subject, metric):
            # "the unemployment rate rose to 3.5%": what, not who; the article says whose
            subject = article_subjects.default if article_subjects is not None else None
        if traded_good is not None:
            subject = traded_good  # "the price of gold rose $16", "Crude fell 3%": its price
        elif rate := metrics.currency_quoted(sentence, q.start, q.end, q.unit, metric):
            subject, metric = rate  # "the dollar fell to 103.5 yen": the dollar's rate
        needed = requirements.requirement(sentence, q.start, q.end)
        hurt = (
            casualties.casualties(sentence, q.start, q.end, q.noun)
            if needed is None and q.kind in ("count", "number")
            else None
        )
        field = fields.field_count(sentence, q.start, q.end, q.unit, text)
        if needed is not None:
            # a threshold ("the 270 votes needed to win the presidency") is the goal's
            counted = q.unit if q.kind == "count" else None  # "the 60-vote threshold"
            metric = requirements.with_counted_noun(needed.metric, counted)
            subject = needed.goal or subject
        elif (prize := requirements.stake(sentence, q.end, q.unit)) is not None:
            # "50 delegates at stake in the Zembla primary": the contest's, or the place's
            # the sentence names, not a rival's
            metric = prize.metric
            subject = prize.contest or (subject if subject and places.is_place(subject) else None)
        elif field is not None:
            # "the six remaining hopefuls": the size of a party's field, no one's count
            metric, subject = field.noun, field.party
        elif hurt is not None:
            # "31 people killed in the Lyon bombing": the event's victims
            # in the article's words when they name the same toll ("death toll"), but
            # never the toll of another figure in the sentence ("3 killed and 20 hurt")
            same_toll = casualties.toll_kind(metric) == casualties.toll_kind(hurt.metric)
            # "left nine dead": the toll's word alone names no measure
            bare_word = metric is not None and re.fullmatch(casualties.CASUALTY_WORD, metric)
            metric = metric if same_toll and not bare_word else hurt.metric
            subject = hurt.event
        elif not contest_share and (gap := leads.find_lead(sentence, q.start, q.end, q.unit)):
            # "Smith leads Jones by 40 delegates": the size of a lead, not a count
            if article_subjects is not None:
                gap = gap.named_in_full(article_subjects.full_person)
            metric = gap.metric
            subject = gap.subject or subject
            if subject and gap.rival and surname(subject) == surname(gap.rival):
                subject = None  # "Neither candidate leads Lee by 2": no one's lead over Lee
        if metric is None and _polled_share(q, subject, sentence, figure_source):
            metric = "support"  # "Smith is second at 20 percent" in a poll's paragraph
        speaker = _numeric_speaker(source, attribution, figure_source)
        if outlook := metrics.revised_outlook(sentence, q.start):
            # "The IMF cut its growth forecast for Zembla to 1.2%": the IMF's figure,
            # of Zembla
            speaker = speaker or outlook.forecaster
            subject = outlook.whose or subject
        if source is not None and (quoted := _quoted_source(sentence, q.start, q.end)):
            speaker = quoted
        if reckoner := _reckoned_by(sentence, q.end):
            speaker = reckoner
            if subject == reckoner:
                subject = None  # the source of a figure is not what it measures
        if speaker is None and attribution is None:
            # "police said": a group, never a pollster whose poll is named after it
            speaker = frames.unnamed_source(sentence, q.start, q.end)
        elif _describes_a_poll(metric, sentence):
            subject = _poll_named(subject, speaker) or subject
            if article_subjects is not None and speaker and (sample := _sample_of(metric)):
                # "surveyed 900 voters": the first a pollster names is its poll's sample
                article_subjects.poll_samples.setdefault(speaker, sample)
        elif (
            speaker
            and article_subjects is not None
            and speaker in article_subjects.poll_samples
            and metrics.answers_for_the_asked(sentence, q.end)
        ):
            # "while 13% were unsure": a share of the people the speaker's poll asked,
            # or of the group the clause names first ("Among nurses, 7% were unsure")
            opening = _GROUP_BEFORE_SHARE_RE.search(sentence, 0, q.start)
            subject = opening["group"] if opening else article_subjects.poll_samples[speaker]
        elif _names_the_pollster(subject, speaker, sentence, text):
            # "an Acme/Beacon poll found by 43%-41%": not Acme's figure, but a share of
            # the people its poll asked, when the sentence gives its findings
            samples = article_subjects.poll_samples if article_subjects is not None else {}
            subject = (samples.get(speaker) if speaker else None) or subjects.population_of(
                sentence, q.start, q.end
            )  # "73% of Zemblans": theirs
        labelled = subjects.bracket_label(sentence, q.start, q.end)
        if labelled is not None:
            # "the jobless rates for nurses (2.9 percent), miners (7.1 percent)":
            # each figure is the group its bracket follows, of the measure the list opens on
            label, measure = labelled
            if article_subjects is not None:
                label = article_subjects.full_person(label)  # "Okafor (45)": Ana Okafor
            subject, metric = label, metric or measure
        elif q.unit == "job" and (sector := _sector_adding_jobs(sentence, q.start)):
            subject = sector  # "Retail trade added 40,000 jobs": the sector's
        elif (
            (periods.is_national_measure(metric) or _national_wage(sentence, q, metric))
            and not _is_place_in(sentence, subject)
            and not _labels_figure(sentence, subject, q.start)
            and not _group_measured(sentence, subject)
            and (country := places.main_country(text))
            and not _names_another_economy(sentence, country)
        ):
            # a country's statistic is the country's, not the speaker's or the person
            # the article is about: the country the article names most
            subject = country
        unit = q.unit
        if q.kind == "number" and float(q.value).is_integer():
            unit = units.unit_of_measure(metric)  # "employment rose by 236,000": jobs
        elif unit == "point":
            unit = units.points_unit(sentence)
        period = (
            own[index].period
            if index in own
            else _period_of(
                q,
                shared,
                sentence,
                standing_period
                if _standing(q)
                else time.vote_day(sentence, q.start, q.end, unit, mentions)
                or time.live_count_day(sentence, q.start, unit, mentions)
                or (
                    default_period
                    if _poll_finding(q)
                    or _describes_a_poll(metric, sentence)
                    or _poll_rating(metric)
                    else standing_period
                ),
                None
                if spans_years or (since and q.kind in ("count", "number"))
                else periods.latest_release(metric, published) or _contest_year(needed, published),
            )
            or (None if _is_time_ago(q, mentions) else now)
            or (None if _standing(q) else periods.stated_now(sentence, q.start, published, q.end))
            or periods.wealth_year(metric, sentence, q.start, q.end, published)
            or (
                None
                if _standing(q)
                else time.period_of_measure(metric, unit, sentence, q.start, q.end)
                or time.event_day(sentence, q.start, q.end, mentions)
                or time.market_move(sentence, q.start)
            )
        )
        if (
            field is not None
            and period is None
            and published is not None
            and not _FORMER_FIELD_RE.match(sentence, q.end)
            and not _BACK_THEN_RE.search(sentence)
        ):
            # "the six remaining hopefuls", "the 13 Whig candidates": the field as it
            # stands, by the month of publication, the step a field's size is charted in
            period = published.isoformat()[:7]
        if period and index not in own and _over_a_span(sentence, q):
            # "an average monthly gain of 120,000 over the prior 6 months": of the span,
            # which no one period names, not of the month the sentence opens on
            period = None
        if (
            period
            and not any(m.governs for m in mentions)
            and periods.is_an_aim(sentence, q.start, q.end)
        ):
            # "its 3 percent medium-term objective", "as long as unemployment remains above
            # 7 percent": a goal or a threshold stands; no release or day dates it
            period = None
        if needed is not None and period:
            period = period[:4]  # a threshold is the contest's, not the day it was reached
        elif period and len(period) == 10 and periods.is_monthly_measure(metric):
            # a monthly statistic said on a day ("on Friday, unemployment fell to 5.3%")
            # is of the month whose release was the latest on that day
            period = periods.latest_release(metric, date.fromisoformat(period))
        if _poll_finding(q):
            if period is None and subjects.describes_the_group(sentence, q.start, q.end):
                period = time.share_period  # "... 74% of voters. 78% were white": then
            elif period and subjects.population_of(sentence, q.start, q.end):
                time.share_period = period
        if (
            claims
            and claims[-1].unit == q.unit
            and _RESTATED_RE.search(sentence, max(0, q.start - 40), q.start)
        ):
            # "Acme Research lists his wealth at $6bn, Beacon says it is $4bn": the same
            # measure, by another estimate; "it" is the measure, not the source, and its
            # period the one the sentence gave the first estimate, when it gives none
            subject, metric = claims[-1].subject, metric or claims[-1].metric
            period = period or claims[-1].period
        elif (
            claims
            and claims[-1].subject
            and article_subjects is not None
            # (the cheap test first: the default may need the article's main entity)
            and _change_set_off(sentence, claims[-1].surface_end - start, q)
            and subject == article_subjects.default != claims[-1].subject
        ):
            # "reported $2bn in revenue, about $74m more than a year ago": the change of
            # the figure before, whose subject the clause does not repeat
            subject = claims[-1].subject
        elif claims and (whole := _count_it_is_part_of(sentence, quantities[index - 1], q)):
            # "killed 30 people, including 12 children": the children are some of the
            # people killed, in the same event; "surveying 900 adults, including 700
            # voters": some of the poll's sample
            subject = claims[-1].subject
            metric = _part_metric(whole, claims[-1].metric, q) or metric
        if metric is None and not _standing(q):
            # "The jobless rate climbed. It now stands at 5.2%": the measure "it" stands for
            # (not a duration: "It comes two days after the vote" is the time of an event)
            previous = time.previous_in_paragraph()
            metric = metrics.measure_it_stands_for(sentence, q.start, previous, common_words)
        if q.kind == "percent" and (progress := _count_progress(sentence, q.end)):
            # "with 95% of precincts reporting": how far the count has got, no candidate's
            subject, metric = progress
        subject, metric = _name_out_of_metric(metric, subject, article_subjects)
        time.dated(metric, unit, period)
        if article_subjects is not None:
            article_subjects.figure_read(subject)
        claims.append(
            ExtractedClaim(
                kind="numeric",
                surface=text[start + q.start : start + q.end],
                surface_start=start + q.start,
                surface_end=start + q.end,
                sentence_start=start,
                sentence_end=end,
                value=q.value,
                low=q.low,
                high=q.high,
                unit=unit,
                approx=q.approx,
                subject=subject,
                metric=metric,
                period=period,
                speaker=speaker,
                speaker_org=getattr(source, "speaker_org", None),
                cue=getattr(source, "cue", None),
                via=getattr(source, "via", None),
                hedge=context.find_hedge(sentence, q.start, q.end),
                confidence=_confidence(q),
            )
        )
    _end_sentence(sentence, end, mentions, time, article_subjects)
    claims = _bracket_follows_figure(sentence, start, _net_broken_down(text, claims))
    claims = _rival_share_unnamed(sentence, start, claims)
    return _units_shared(text, _paired_in_order(sentence, start, claims, article_subjects))


# A figure of a stretch of time before now: "a gain of 120,000 over the prior 6 months",
# and that stretch's own length ("the prior 6 months").
_OVER_A_SPAN_RE = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:over|in|during|for)\s+the\s+(?:prior|past|previous|last"
    r"|preceding)\s+(?:[\w-]+\s+)?(?:months|years|weeks|quarters)\b"
)
_SPAN_BEFORE_RE = re.compile(r"\bthe\s+(?:prior|past|previous|last|preceding)\s+$")
# A span the text dates after all: "the last three months of 2015", "to March".
_SPAN_NAMED_RE = re.compile(r"(?:\s+\w+)?\s+(?:of|in|to|through|ending)\s+(?:\d{4}\b|[A-Z])")


def _over_a_span(sentence: str, q: numbers.Quantity) -> bool:
    """Whether the figure is an average or a total over a stretch of time before now, or
    that stretch's length, which no one period names; a change over it ("prices rose 5%
    over the past 12 months") is the latest release's and not meant here."""
    if q.kind == "time" and _SPAN_BEFORE_RE.search(sentence, max(0, q.start - 20), q.start):
        return not _SPAN_NAMED_RE.match(sentence, q.end)
    if not _AVERAGE_OR_TOTAL_BEFORE_RE.search(sentence, max(0, q.start - 40), q.start):
        return False
    span = _OVER_A_SPAN_RE.match(sentence, q.end)
    return span is not None and not _SPAN_NAMED_RE.match(sentence, span.end())


_AVERAGE_OR_TOTAL_BEFORE_RE = re.compile(
    r"\b(?:average|averaged|total|totalled|totaled|cumulative|combined)\b"
)


# Between a count and a part of it: "30 people in Zembla, including 12", "900 adults
# nationwide, among them 700": no clause break between them.
_PART_OF_COUNT_RE = re.compile(
    rf"[^,.;:()\u2013\u2014]{{1,60}},\s+{numbers.PART_OF_WORDS}\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|at\s+least|more\s+than|over)\s+)?"
)


def _count_it_is_part_of(
    sentence: str, before: numbers.Quantity, q: numbers.Quantity
) -> numbers.Quantity | None:
    """The count just before `q` that `q` is a part of ("30 people, including 12
    children", "40 clinics, including six in the capital"), or None. The whole is a
    count of things its noun names."""
    if before.kind != "count" or q.kind != "count" or not before.noun:
        return None
    return before if _PART_OF_COUNT_RE.fullmatch(sentence, before.end, q.start) else None


def _part_metric(
    whole: numbers.Quantity, whole_metric: str | None, part: numbers.Quantity
) -> str | None:
    """The part's measure as the whole's, its counted noun swapped: "people killed" ->
    "children killed", "adults surveyed" -> "registered voters surveyed"; the whole's
    when the part leaves its noun out ("30 seats, including 12 in the north")."""
    noun = whole.noun or ""
    if not part.noun:
        return whole_metric
    if not whole_metric or not whole_metric.lower().startswith(noun.lower() + " "):
        return None
    return part.noun + whole_metric[len(noun) :]


# A part of a firm that its figure is of, named with "its" after the measure: "profits
# at its retail arm rose 5% to £2bn", "a 1% fall in profits in its UK retail division".
# The part has words of its own before its noun ("its business" alone is the firm's),
# and a part with a name of its own ("its Beacon Capital wing") is found as names are.
_UNIT_NOUNS = r"(?:division|unit|arm|wing|business|subsidiary|operations)"
_FIRM_MEASURES = r"(?i:profits?|sales|revenues?|earnings|income|margins?|output|losses|turnover)"
_ITS_UNIT = (
    rf"\b{_FIRM_MEASURES}\s+(?:at|in|from|of)\s+its\s+"
    rf"(?P<unit>(?!own\b)(?:[\w-]+\s+){{1,3}}{_UNIT_NOUNS})\b"
)
_ITS_UNIT_BEFORE_RE = re.compile(rf"{_ITS_UNIT}(?P<between>[^,;:()]{{0,40}})$")
_ITS_UNIT_AFTER_RE = re.compile(
    rf"\s+(?:fall|rise|drop|increase|decline|jump|gain|growth)\s+in\s+{_ITS_UNIT}"
)
# What may stand between the part and its figure: a verb of change or of being, and an
# earlier figure of the same measure ("rose 5% to").
_UNIT_FIGURE_WORDS = frozenset(
    """rose fell grew jumped dropped slipped climbed increased decreased declined gained
    was were is are stood reached totalled totaled came by to at of up down about some
    nearly almost around roughly just more less than""".split()
)
_FIGURE_TOKEN_RE = re.compile(
    r"[$£€]?\d[\d.,]*(?:\s?(?:percent|per\s+cent|million|billion|cents?|pence|bn|m|p)\b|%)?"
    # and a time the change is of: "in the first quarter"
    r"|\b(?:in|the|first|second|third|fourth|quarter|half|year|month|last)\b"
)


def _its_unit(sentence: str, q: numbers.Quantity) -> str | None:
    """The part of a firm ("retail arm") that a figure of the firm is of, when the
    measure is named with "its" part right before the figure or in the change after it."""
    lo = max(0, q.start - 90)
    m = (
        _ITS_UNIT_BEFORE_RE.search(sentence, lo, q.start)
        if context.holds_any(sentence, ("its",), lo, q.start)
        else None
    )
    if m is not None:
        between = _FIGURE_TOKEN_RE.sub(" ", m["between"]).split()
        if not all(w.lower() in _UNIT_FIGURE_WORDS for w in between):
            m = None  # "... from its US business and earned $2bn": another clause's figure
    m = m or _ITS_UNIT_AFTER_RE.match(sentence, q.end)
    if m is None or any(w[:1].isupper() and not w.isupper() for w in m["unit"].split()):
        return None  # "its Beacon Capital wing": a name, found as names are
    return m["unit"]


def _firms_part(subject: str, sentence: str, q: numbers.Quantity, article_subjects) -> str | None:
    """The part of a firm a figure of the subject is of (_its_unit), when the subject is
    a firm: an organisation's name or the article's main entity, never a person or a
    place ("Lee said profits at its retail arm rose" is no part of Lee)."""
    unit = _its_unit(sentence, q)  # first: most figures name no part, and it is cheap
    if unit is None or is_person_name(subject) or places.is_place(subject):
        return None
    main = article_subjects.main if article_subjects is not None else None
    return unit if is_org_name(subject) or subject == main else None


# A change set off after a figure by a comma: "$2bn in revenue, about $74m more than a
# year ago", "$2bn, up 4% on the year".
_SET_OFF_BEFORE_RE = re.compile(
    r"[^,;:.()]{0,60},\s+(?:(?:up|down|about|around|some|nearly|almost|roughly|just|or|by"
    r"|an?)\s+)*$"
)
_CHANGE_AFTER_RE = re.compile(r"\s+(?:more|less|fewer|higher|lower|up|down)\b")
_CHANGE_BEFORE_RE = re.compile(r"\b(?:up|down)\s+(?:by\s+)?$")


def _change_set_off(sentence: str, previous_end: int, q: numbers.Quantity) -> bool:
    """Whether the figure is a change of the figure that ends at `previous_end`, set off
    after it by a comma in the same clause."""
    if not _SET_OFF_BEFORE_RE.fullmatch(sentence, previous_end, q.start):
        return False
    return bool(_CHANGE_AFTER_RE.match(sentence, q.end)) or bool(
        _CHANGE_BEFORE_RE.search(sentence, max(previous_end, q.start - 12), q.start)
    )


# A count's progress after a share: "95% of precincts reporting", "80% of the vote
# counted in the Zembla primary" (not "20% of the vote in a district", a vote share).
_COUNT_PROGRESS_AFTER_RE = re.compile(
    r"\s+of\s+(?:the\s+|all\s+)?(?:(?P<precincts>precincts)|votes?|ballots)\s+"
    r"(?:reporting|counted|tallied|reported)\b"
    r"(?:\s+in\s+(?:the\s+)?(?P<contest>(?:[A-Z][\w'’.-]*\s+){1,4}"
    r"(?:primary|primaries|caucus|caucuses|election|runoff|referendum)))?"
)


def _count_progress(sentence: str, end: int) -> tuple[str | None, str] | None:
    """(the contest, the measure) of a share that tells how far a count has got."""
    m = _COUNT_PROGRESS_AFTER_RE.match(sentence, end)
    if m is None:
        return None
    return m["contest"], "precincts reporting" if m["precincts"] else "votes counted"


# "it" or "that" as the figure's own measure again, right before the figure: "says it is
# $4.5bn", "has it at $4.2bn", "put that at about 40".
_RESTATED_RE = re.compile(
    r"\b(?:(?:it|that)\s+(?:is|was|stands\s+at|stood\s+at)|it['’]s"
    r"|(?:has|had|puts?|putting|pegs?|pegged|places?|placed)\s+(?:it|that)\s+at)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|only|just|some|over|under)\s+)?$",
    re.IGNORECASE,
)
# A group named before a share in its clause: "Among Democrats, 13% were unsure".
_GROUP_BEFORE_SHARE_RE = re.compile(
    r"\b(?:[Aa]mong|[Oo]f|[Ff]or)\s+(?:the\s+|those\s+)?(?P<group>[^,.;:]{1,60}?),\s*(?:\w+\s+){0,2}$"
)
# A measure that ends by naming its own subject: "had a positive view of Okafor".
_OWN_NAME_AFTER_RE = re.compile(
    r"\s+(?:of|about|for|on|with|toward|towards)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*$"
)


def _name_out_of_metric(
    metric: str | None, subject: str | None, article_subjects: subjects.ArticleSubjects | None
) -> tuple[str | None, str | None]:
    """A measure that ends by naming its subject leaves the name to the subject field:
    "28% had a positive view of Okafor" is Okafor's (the person in full, when the
    sentence gave no subject), "had a positive view". A share's group stays ("share of
    Zemblans" says of whom, with nothing else to say)."""
    if not metric or not (m := _OWN_NAME_AFTER_RE.search(metric)):
        return subject, metric
    if subject is None:
        name = m.group().split(None, 1)[1].strip().rstrip(".")
        full = article_subjects.full_person(name) if article_subjects is not None else name
        subject = full if is_person_name(full) else None
    if subject is None or metric.startswith("share of "):
        return subject, metric
    named = m.group().split()[-1].rstrip(".")
    return subject, (metric[: m.start()] if named == subject.split()[-1] else metric)


# What the shares of a contest's scored pair measure (leads.pair_share).
_SHARES_OF_A_SCORE = frozenset({"support", "vote share"})


def _rival_share_unnamed(
    sentence: str, start: int, claims: list[ExtractedClaim]
) -> list[ExtractedClaim]:
    """The second share of a scored pair is the rival's: when it came out with the same
    subject as the first ("Smith leads by 57 percent to 33 percent"), the sentence does
    not name its owner, and it is left without one rather than put in Smith's series."""
    for i in range(1, len(claims)):
        first, second = claims[i - 1], claims[i]
        if first.metric is None or first.metric != second.metric:
            continue
        if not leads.PAIR_JOIN_RE.fullmatch(
            sentence, first.surface_end - start, second.surface_start - start
        ):
            continue
        if first.metric.startswith(metrics.SUPPORT_AMONG):
            # "Democrats favored Lee, 72% to 8%": the 8% is neither Lee's nor the group's
            if second.subject in (first.subject, first.metric[len(metrics.SUPPORT_AMONG) :]):
                claims[i] = replace(second, subject=None)
        elif (
            first.metric in _SHARES_OF_A_SCORE
            and first.subject == second.subject
            and leads.contest_pair(
                sentence, second.surface_start - start, second.surface_end - start
            )
        ):
            claims[i] = replace(second, subject=None)
    return claims


_CAPITAL_RE = re.compile(r"[A-Z]")
# The metrics of a lead or a result's margin (leads.Lead.metric): a pair after one
# scores both rivals.
_LEAD_WORDS = ("lead", "margin")
# A bracket opened right after a figure and its unit words: "+21 points (", "$90bn (".
_BRACKET_AFTER_FIGURE_RE = re.compile(r"\s*(?:[a-z]+\s+){0,2}\(\s*")


# A net in points and the two levels it is the difference of: "+14 points (44 percent
# to 30 percent)", "-9 points (41% positive to 50% negative)".
_NET_OPENS_RE = re.compile(r"\s*points?\s*\(\s*")
_NET_PAIR_RE = re.compile(r"\s*(?P<first>[a-z]+)?\s*to\s+")
_NET_CLOSES_RE = re.compile(r"\s*(?P<second>[a-z]+)?\s*\)")
# The two sides of a rating a poll nets, by the measure the net is of: the first share
# of the bracket is the side the measure names.
_NET_SIDES = {
    "favorability": ("favorable", "unfavorable"),
    "favourability": ("favourable", "unfavourable"),
    "unfavorability": ("unfavorable", "favorable"),
    "unfavourability": ("unfavourable", "favourable"),
    "approval": ("approval", "disapproval"),
    "disapproval": ("disapproval", "approval"),
}
_NET_MEASURE_RE = re.compile(rf"\b(?:{'|'.join(_NET_SIDES)})\b")
# A rating a net may be of; a net of any other measure ("turnout rose 12 points (34% to
# 46%)") is a change between two levels.
_NET_OF_RATING_RE = re.compile(rf"\b(?:ratings?|popularity|net|{'|'.join(_NET_SIDES)})\b")
# A net stated as a level: signed ("-9 points", "+14 points"), called net ("a net
# negative 6 points") or placed "at" ("sits at 12 points"); never a change ("rose 12").
_NET_LEVEL_BEFORE_RE = re.compile(
    r"(?:\bnet\b(?:(?!\b(?:rose|fell|rising|falling|improved|worsened|changed|slipped|climbed"
    r"|dropped|gained|lost|grew|by)\b)[^,;()]){0,20}|\bat\s+|[+\-−–])[+\-−–]?$"
)
_NET_WORD_RE = re.compile(r"\bnet\b")
# A side named by its verb: "(45% approve to 41% disapprove)".
_SIDE_NOUNS = {"approve": "approval", "disapprove": "disapproval"}


def _net_broken_down(text: str, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """A rating's net in points with the two shares it nets in brackets: the net is a net
    rating, the shares its positive and negative sides, named as the bracket names them
    or as an earlier bracket of the sentence did ("Lee is at -9 points (41% positive to
    50% negative), Ng at +14 points (44% to 30%)"), else by the rating the net is of
    ("favorability": favorable and unfavorable). The net must be stated as a level of a
    rating, name no lead ("leads Ng by 9 points (52% to 43%)") and equal the shares'
    difference; a change with its levels ("approval fell 12 points (46% to 34%)") is none."""
    named: tuple[str, str] | None = None
    for i in range(len(claims) - 2):
        net, first, second = claims[i : i + 3]
        pair = _NET_PAIR_RE.fullmatch(text, first.surface_end, second.surface_start)
        closes = _NET_CLOSES_RE.match(text, second.surface_end)
        if not (
            net.unit == "percentage point"
            and first.unit == second.unit == "percent"
            and _NET_OPENS_RE.fullmatch(text, net.surface_end, first.surface_start)
            and pair
            and closes
            and (net.metric is None or _NET_OF_RATING_RE.search(net.metric))
            and _stated_as_a_level(text, net)
            and _nets_to(net.value, first.value, second.value)
        ):
            continue
        found = _NET_MEASURE_RE.search(net.metric or "")
        measure = found.group() if found else None
        if pair["first"] and closes["second"]:
            # named here, and for the nets that follow
            named = (_SIDE_NOUNS.get(pair["first"], pair["first"]),
                     _SIDE_NOUNS.get(closes["second"], closes["second"]))  # fmt: skip
        # in the article's own words where the sentence gives them
        sides = named or _NET_SIDES.get(measure or "", ("positive", "negative"))
        rating = f"net {measure} rating" if measure else "net rating"
        own_net = net.metric is not None and _NET_WORD_RE.search(net.metric)
        claims[i] = replace(net, metric=net.metric if own_net else rating)
        claims[i + 1] = replace(first, metric=f"{sides[0]} rating")
        claims[i + 2] = replace(second, metric=f"{sides[1]} rating")
    return claims


def _stated_as_a_level(text: str, net: ExtractedClaim) -> bool:
    """Whether a figure in points is signed, called net or placed "at" a level."""
    return net.surface[:1] in metrics.SIGNS or bool(
        _NET_LEVEL_BEFORE_RE.search(text, max(0, net.surface_start - 30), net.surface_start)
    )


def _nets_to(net: float | None, first: float | None, second: float | None) -> bool:
    """Whether a net is the difference of two shares, to a point of rounding, and of its
    sign when it has one (a net of 0 has none)."""
    if net is None or first is None or second is None:
        return False
    if net * (first - second) < 0:
        return False  # "-6 points (50% to 44%)": the shares net to +6
    return abs(abs(first - second) - abs(net)) <= 1


_BREAKDOWN_REACH = 200  # from a figure in a bracket back to the bracket's opening
_HEAD_REACH = 40  # from the opening back to the end of the figure it breaks down


def _bracket_follows_figure(
    sentence: str, start: int, claims: list[ExtractedClaim]
) -> list[ExtractedClaim]:
    """Figures in a bracket that opens right after another figure break that one down
    or restate it, so they are its subject's: "Lee's rating stands at +21 points (48
    percent to 27 percent)" is Lee's 48 and 27 percent, whoever else the sentence names.
    After a lead, only the first is the leader's ("leads Ng by 9 points (52 percent to
    43 percent)"); a figure the bracket gives a name of its own keeps it ("(to Ng's 9)")."""
    ends = [c.surface_end - start for c in claims]  # in text order, as the claims are
    for i, claim in enumerate(claims):
        at = claim.surface_start - start
        # a breakdown follows its figure closely: look back a bounded stretch only, so a
        # long run of figures in one bracket stays linear
        opened = sentence.rfind("(", max(0, at - _BREAKDOWN_REACH), at)
        if opened < 0 or sentence.find(")", opened, at) >= 0:
            continue
        if _CAPITAL_RE.search(sentence, opened, at):
            continue
        near = range(bisect_left(ends, opened - _HEAD_REACH), bisect_left(ends, opened + 1))
        head = next(
            (
                claims[k]
                for k in reversed(near)
                if _BRACKET_AFTER_FIGURE_RE.fullmatch(sentence, ends[k], opened + 1)
            ),
            None,
        )
        if head is None or not head.subject or head.subject == claim.subject:
            continue
        first_in_bracket = claims[i - 1] is head
        if first_in_bracket or not (head.metric or "").startswith(_LEAD_WORDS):
            claims[i] = replace(claim, subject=head.subject)
    return claims


def _paired_in_order(
    sentence: str,
    start: int,
    claims: list[ExtractedClaim],
    article_subjects: subjects.ArticleSubjects | None,
) -> list[ExtractedClaim]:
    """The figures of a "... respectively" sentence, each with its name in order: its
    subject, or its speaker when the names are sources (respectively.py)."""
    if not claims:
        return claims
    paired = respectively.pairing(sentence, claims[0].surface_start - start)
    if paired is None:
        return claims
    after = [i for i, c in enumerate(claims) if c.surface_start - start >= paired.end]
    if len(after) != len(paired.names):
        return claims
    for i, name in zip(after, paired.names, strict=True):
        if paired.sources:
            claims[i] = replace(claims[i], speaker=name)
        else:
            full = article_subjects.full_person(name) if article_subjects else name
            claims[i] = replace(claims[i], subject=full)
    return claims


# "23 of its 29 delegates", "1,128 of the 1,590 votes": the part counts what the whole does.
_PART_OF_RE = re.compile(r"\s+of\s+(?:its|the|their|his|her|all|those)?\s*")


def _units_shared(text: str, claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """A bare number with no unit takes the unit of the count it is a part of, or of the
    count whose measure it continues ("758 delegates, compared to Lee's 538")."""
    for i, claim in enumerate(claims):
        assert claim.value is not None  # every numeric claim carries its quantity's value
        if claim.unit is not None or not float(claim.value).is_integer():
            continue
        after = claims[i + 1] if i + 1 < len(claims) else None
        if (
            after
            and after.unit
            and _PART_OF_RE.fullmatch(text, claim.surface_end, after.surface_start)
        ):
            claims[i] = replace(claim, unit=after.unit, metric=claim.metric or after.metric)
            continue
        before = next((c for c in reversed(claims[:i]) if c.metric == claim.metric), None)
        if claim.metric and before is not None and _unit_carries(text, before, claim):
            claims[i] = replace(claim, unit=before.unit)
        elif _signed_in_brackets(text, claim) and _JOBS_RE.search(
            text, claim.sentence_start, claim.sentence_end
        ):
            # "trended up in May (+21,000)", "lost jobs (-8,000)": a release's change
            # in jobs, given in brackets after the industry it is of
            claims[i] = replace(claim, unit="job", metric=claim.metric or "employment")
    return claims


def _signed_in_brackets(text: str, claim: ExtractedClaim) -> bool:
    """Whether a figure is a change written as a signed number in brackets: "(+21,000)",
    "(-8,000)" (the sign in the surface or just before it)."""
    start = claim.surface_start
    if claim.surface[:1] in metrics.SIGNS:
        return text[start - 1 : start] == "("
    return text[start - 2 : start - 1] == "(" and text[start - 1 : start] in metrics.SIGNS


_JOBS_RE = re.compile(r"\b(?:jobs?|employment|payrolls?)\b", re.IGNORECASE)


_TIME_UNITS = frozenset("year month week day hour minute".split())
_SHARE_UNITS = frozenset({"percent", "percentage point", "point"})
# "Cruz at 25 percent and Rubio at 14", "(45 to 42)": a share said again without its unit.
_SHARE_AGAIN_RE = re.compile(r"\b(?:at|to|on)\s+$")


def _unit_carries(text: str, before: ExtractedClaim, claim: ExtractedClaim) -> bool:
    """Whether a count's unit carries to a later bare number of its measure: never a
    time's or money's, and a share's only to another contender's number."""
    unit = before.unit
    if not _counts_things(unit):
        return False
    if unit in _SHARE_UNITS:
        # another contender's share ("... and Ng at 14"), not a level after a change
        # ("rose 5% to 206")
        named = re.search(r"[A-Z]", text[before.surface_end : claim.surface_start])
        again = _SHARE_AGAIN_RE.search(text, max(0, claim.surface_start - 8), claim.surface_start)
        return bool(named and again)
    return before.value != claim.value


def _end_sentence(
    sentence: str,
    end: int,
    mentions: list[periods.PeriodMention],
    time: periods.ArticleTime,
    article_subjects: subjects.ArticleSubjects | None,
) -> None:
    """Carry what the sentence named (its last year, its people) on to the next."""
    time.end_sentence(end, mentions)
    if article_subjects is not None:
        article_subjects.observe(sentence)


def _contest_year(needed: requirements.Requirement | None, published: date | None) -> str | None:
    """A threshold's period when the sentence gives none: the year of the article, whose
    contest it is ("the 3,164 delegates needed to win the nomination" in a report of
    that year's race)."""
    if needed is None or published is None:
        return None
    return str(published.year)


def _standing(q: numbers.Quantity) -> bool:
    """Whether a quantity is an age or a duration: no context of the article dates it."""
    return q.kind in ("age", "time")


def _poll_rating(metric: str | None) -> bool:
    """Whether a metric is a rating a poll reports: "net favourability rating",
    "approval", "favorability"."""
    return metric is not None and _RATING_RE.search(metric) is not None


_RATING_RE = re.compile(r"\b(?:rating|ratings|favou?rability|approval|disapproval)\b")


def _poll_finding(q: numbers.Quantity) -> bool:
    """Whether a quantity is a share or a margin, what a poll reports: a poll's month
    dates it (and its sample, see _describes_a_poll), not a count ("the last 10 polls",
    "four candidates") or an amount."""
    return q.kind in ("percent", "share") or q.unit in ("percent", "percentage point", "point")


def _is_time_ago(q: numbers.Quantity, mentions) -> bool:
    """Whether the quantity is the span of an "N years ago" (the time, not a figure of it)."""
    return any(m.kind == "ago" and m.start <= q.start < m.end for m in mentions)


def _period_of(
    q, mentions, sentence: str, default_period: str | None, known: str | None
) -> str | None:
    """A quantity's period: the mention nearest it, or its sentence's, else the one known
    without a mention (a monthly statistic's latest release, a contest's year); a
    baseline a year back ("up from 4.9% a year earlier") takes the compared figure's
    period a year back."""
    period = periods.nearest_period(q.start, q.end, mentions, sentence, default_period) or known
    return periods.baseline_period(sentence, q.start, q.end, period) or period


def _attributed_claim(text: str, start: int, end: int, attribution) -> ExtractedClaim:
    sentence = text[start:end]
    return ExtractedClaim(
        kind=attribution.kind,
        surface=sentence,
        surface_start=start,
        surface_end=end,
        sentence_start=start,
        sentence_end=end,
        speaker=attribution.speaker,
        speaker_org=attribution.speaker_org,
        cue=attribution.cue,
        via=attribution.via,
        hedge=context.find_hedge(sentence),
        confidence=float(attribution.confidence),
    )


# A capitalised word: "\b[A-Z][a-z]+\b", opening with its capital (the look-behind
# that no word character comes before follows it) so that the scan skips to capitals.
_CAPITALISED_WORD_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+\b")
_OPENING_WORD_RE = re.compile(r"[\s\"'“‘(\[]*([A-Z][a-z]+)\b(?![\w'’-])")


def _common_words(text: str, spans: list[tuple[int, int]]) -> Set[str]:
    """Words the article writes in lower case, and plurals of English nouns it
    capitalises only where a sentence opens: "Gas" or "Fears" opening a sentence is then
    no name. A word the article capitalises anywhere else ("Sen. Rivers", "(Staples)")
    stays a name."""
    openings = {}
    for start, end in spans:
        if m := _OPENING_WORD_RE.match(text, subjects.dateline_end(text, start), end):
            openings[m.start(1)] = m[1]
    # how often the article capitalises each word where no sentence opens
    elsewhere = Counter(_CAPITALISED_WORD_RE.findall(text))
    for at, word in openings.items():
        if _CAPITALISED_WORD_RE.match(text, at):
            elsewhere[word] -= 1
    plurals = {
        word.lower()
        for word in set(openings.values())
        if elsewhere[word] <= 0 and lexicon.is_plural_noun(word)
    }
    return _LowerCaseWords(text, frozenset(plurals))


_T = TypeVar("_T")
# What a word written in lower case is made of, and the marks besides letters and
# digits that join onto a word (as _LOWER_WORD_RE reads the text).
_LOWER_WORD_SHAPE_RE = re.compile(r"[a-z][a-z-]*")
_IN_WORD_MARKS = "_'’-"


class _LowerCaseWords(Set[str]):
    """The words a text writes in lower case, plus `extra`: a set that answers for one
    word at a time, by finding it in the text. An article is asked about a few dozen
    words, far fewer than it writes, and listing them all takes a pattern tried at
    every position of the article. The full list is made only if the set is iterated.
    Set operations give frozensets."""

    def __init__(self, text: str, extra: frozenset[str]) -> None:
        self._text = text
        self._extra = extra
        self._answers: dict[object, bool] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if word in self._extra:
            return True
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = isinstance(word, str) and self._written(word)
        return answer

    def _written(self, word: str) -> bool:
        return _LOWER_WORD_SHAPE_RE.fullmatch(word) is not None and bool(
            context.whole_word_starts(self._text, word, _continues_word)
        )

    @classmethod
    def _from_iterable(cls, items: Iterable[_T]) -> frozenset[_T]:
        return frozenset(items)

    def __bool__(self) -> bool:
        return bool(self._extra) or _LOWER_WORD_RE.search(self._text) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())

    def _words(self) -> frozenset[str]:
        if self._all is None:
            self._all = frozenset(_LOWER_WORD_RE.findall(self._text)) | self._extra
        return self._all


def _continues_word(char: str) -> bool:
    """Whether a character (or "" at either end of the text) continues a word: a letter
    or digit (what the pattern's word class accepts) or one of _IN_WORD_MARKS."""
    return char != "" and (char.isalnum() or char in _IN_WORD_MARKS)


def extract_claims(text: str, published: str | date | None = None) -> list[ExtractedClaim]:
    """Numeric and attributed claims of an article, sorted by (sentence_start, surface_start).

    Pure and total: offsets index `text` exactly as given, and no input str
    makes it raise (a sentence whose analysis fails is logged and skipped).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    pub = parse_published(published)
    spans = sentence_spans(text)
    attributions = _attributions(text, spans)
    sources = _figure_sources(text, spans, attributions)
    claims: list[ExtractedClaim] = []
    time = periods.ArticleTime(text, pub, spans)  # the year named so far, the poll reported
    org_names: dict[str, str] = {}  # "Committee" -> "Federal Open Market Committee"
    common_words = _common_words(text, spans)
    article_subjects = subjects.ArticleSubjects(text, spans, common_words)
    for (start, end), attribution, source in zip(spans, attributions, sources, strict=True):
        try:
            if attribution is not None:
                claims.append(_attributed_claim(text, start, end, attribution))
            numeric = _numeric_claims(
                text,
                start,
                end,
                pub,
                time,
                attribution,
                org_names,
                common_words,
                source,
                article_subjects,
            )
            claims.extend(numeric)
        except Exception:  # noqa: BLE001 - the contract is "never raises"
            log.exception("claim extraction failed in sentence at %d", start)
    claims.sort(key=lambda c: (c.sentence_start, c.surface_start, c.kind != "numeric"))
    return leads.name_rivals(_figures_named_again(claims), text, spans)


# A figure this large is seldom two different things in one article.
_DISTINCTIVE_FIGURE = 100


def _figures_named_again(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """A bare number the article counted before ("1,950 delegates are needed to win";
    later "the magic number of 1,950") takes that count's unit, and its measure when it
    names none."""
    counted: dict[float, ExtractedClaim] = {}
    for i, claim in enumerate(claims):
        if claim.kind != "numeric":
            continue
        assert claim.value is not None  # every numeric claim carries its quantity's value
        if abs(claim.value) < _DISTINCTIVE_FIGURE:
            continue
        if claim.unit is None and claim.low is None and (first := counted.get(claim.value)):
            metric = requirements.with_counted_noun(claim.metric, first.unit) or first.metric
            claims[i] = replace(claim, unit=first.unit, metric=metric)
        elif _counts_something(claim) and claim.value not in counted:
            counted[claim.value] = claim
    return claims


def _counts_something(claim: ExtractedClaim) -> bool:
    return _counts_things(claim.unit) and claim.unit not in _SHARE_UNITS


def _counts_things(unit: str | None) -> bool:
    """Whether a unit counts something: not a time, and not money (a currency code)."""
    if not unit:
        return False
    return unit not in _TIME_UNITS and not (unit.isupper() and len(unit) == 3)
