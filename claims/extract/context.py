"""What a quantity is about: subject, metric and hedge, by light heuristics on the sentence.

No parser: a handful of compiled patterns over the words around the number
("North Korea's gross domestic product likely shrank by 8.5 per cent" gives
subject "North Korea", metric "gross domestic product", hedge "likely"). They
are cheap, explainable, and right often enough to group claims for a reviewer,
who can always edit the fields.
"""

from __future__ import annotations

import re

# Words that mark a claim as uncertain or forward-looking (CLAIM-SPEC `hedge`).
_HEDGE_RE = re.compile(
    r"\b(likely|unlikely|may|might|could|expected|expects|expect|expecting|estimated"
    r"|estimates|estimate|projected|projects|forecasts?|forecasting|predicted|predicts"
    r"|predict|believed|believes|reportedly|set to|aims?|target|targets|anticipated"
    r"|anticipates|probably|possibly|potentially|proposals?|proposed)\b"
)
HEDGE_WINDOW_BEFORE = 120
HEDGE_WINDOW_AFTER = 40

_VERB = (
    r"(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|grew|grow|grows|shrank|shrunk"
    r"|shrinks|contracted|expanded|expands|increased|increases|decreased|declined|declines"
    r"|dropped|drops|climbed|jumped|slumped|slowed|accelerated|was|were|is|are|stood|stands"
    r"|reached|hit|totalled|totaled|amounted|came|went|edged|surged|soared|plunged|tumbled"
    r"|will|would|could|may|might|remains|remained|has|have|had|be)"
)
_ADVERB = r"(?:likely|also|probably|already|only|just|now|still|sharply|slightly)"
_NP = r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?"

_POSSESSIVE_RE = re.compile(
    rf"((?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*)['’]s\s+({_NP})\s+(?:{_ADVERB}\s+)*{_VERB}\b"
)
_THE_NP_VERB_RE = re.compile(
    rf"\b(?:the|a|an|its|their|his|her|our)\s+({_NP})\s+(?:{_ADVERB}\s+)*{_VERB}\b[^,;]*$",
    re.IGNORECASE,
)
_NP_OF_RE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our)?\s*(?<![\w'’])([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+of\s+"
    r"(?:[a-z]+\s+){0,2}$"
)
_CHANGE_IN_RE = re.compile(
    r"\s+(?:rise|increase|fall|drop|decline|jump|growth|cut|reduction|gain)\s+in\s+"
    r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
)
_ANY_POSSESSIVE_RE = re.compile(r"\b((?:[A-Za-z][\w&.-]*\s+){0,2}[A-Za-z][\w&.-]*)['’]s\s+[a-z]")
_PROPER_CHUNK_RE = re.compile(
    r"\b((?:[A-Z][\w&.'’-]*|of|and|for)(?:\s+(?:[A-Z][\w&.'’-]*|of|and|for))*)"
)
_AUXILIARY_WORDS = frozenset("is are was were has have had will would could may might".split())
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
# A metric phrase starts after the last of these: "without power after winds" -> "winds".
_NP_CUTS = _DETERMINERS | {
    "after", "without", "with", "in", "on", "for", "from", "by", "to", "at", "into", "than",
    "is", "are", "was", "were", "be", "been", "has", "have", "had",
}  # fmt: skip
_NOT_SUBJECTS = frozenset(
    """The A An In On At By For From With Of To And But Or It Its He She They We I This That
    These Those There Mr Mrs Ms Dr Some About Around Nearly Almost Only Just Over Under More
    Less Between Also Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Among After Before
    During Since Although While When If As According Despite However Meanwhile Yet Still Last
    Such Each Every All Both Most Many Several""".split()
)
_BAD_METRIC_WORDS = frozenset(
    {"than", "as", "which", "who", "that", "more", "less", "said", "says", "it", "there"}
)


def find_hedge(sentence: str, start: int | None = None, end: int | None = None) -> str | None:
    """The hedge word nearest before [start, end) in the sentence, or just after it.

    Without a position, the first hedge in the sentence (for quote/statement claims).
    """
    if start is None or end is None:
        m = _HEDGE_RE.search(sentence)
        return m.group(1).lower() if m else None
    before = None
    for m in _HEDGE_RE.finditer(sentence, max(0, start - HEDGE_WINDOW_BEFORE), start):
        before = m
    if before is not None:
        return before.group(1).lower()
    after = _HEDGE_RE.search(sentence, end, end + HEDGE_WINDOW_AFTER)
    return after.group(1).lower() if after else None


_NUMBER_OR_MONTH_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion january february march april may june july august
    september october november december""".split()
)


def _clean_np(text: str) -> str | None:
    words = text.split()
    if any(w.lower() in _NUMBER_OR_MONTH_WORDS or w[:1].isdigit() for w in words):
        return None  # "the three months to September" is a time, not a metric
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in _NP_CUTS:  # "set a growth target" -> "growth target"
            words = words[index + 1 :]
            break
    if not words or any(w.lower() in _BAD_METRIC_WORDS for w in words):
        return None
    return " ".join(words)


_ACTION_VERB = (
    r"(?:[a-z]+ed|sold|cut|lost|won|spent|made|paid|shed|grew|took|hit|set|raised|sent|bought"
    r"|built|employs?|has|have|had|holds?|owns?|gets?|got|sees?|saw)"
)
_APPROX_WORDS = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|about|around|almost|nearly"
    r"|some|over|roughly|only|just|another|a\s+further|an\s+extra)"
)
_VERB_BEFORE_RE = re.compile(rf"\b({_ACTION_VERB})\s+(?:{_APPROX_WORDS}\s+)?$")
_NP_SUBJECT_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    rf"(?:{_ADVERB}\s+)*(?:{_ACTION_VERB}|{_VERB})\b"
)


def find_metric(
    sentence: str, start: int, end: int, counted: str | None, noun: str | None = None
) -> str | None:
    """What is measured: 'unemployment rate of 4.5%', 'GDP shrank by', '43% rise in profits'.

    For a count the metric is the counted noun, with the verb that did the
    counting when one stands right before the number ("jobs added").
    """
    prefix = sentence[max(0, start - 120) : start]
    if noun:
        verb = _VERB_BEFORE_RE.search(prefix)
        if verb and verb.group(1) not in ("has", "have", "had"):
            return f"{noun} {verb.group(1)}"
        return noun
    if m := _NP_OF_RE.search(prefix):
        np = _clean_np(m.group(1))
        if np and len(np) > 2:
            return np
    if m := _CHANGE_IN_RE.match(sentence, end):
        return _clean_np(m.group(1))
    if m := _POSSESSIVE_RE.search(prefix):
        return _clean_np(m.group(2))
    if m := _THE_NP_VERB_RE.search(prefix):
        np = _clean_np(m.group(1))
        if np:
            return np
    return counted


def find_subject(sentence: str, start: int) -> str | None:
    """Who or what the quantity is about: a possessor, else the nearest name before it."""
    prefix = sentence[max(0, start - 160) : start]
    if m := _POSSESSIVE_RE.search(prefix):
        return _strip_article(m.group(1))
    best = None
    for m in _PROPER_CHUNK_RE.finditer(prefix):
        chunk = _trim_chunk(m.group(1))
        if chunk:
            best = chunk
    if best is None:
        for m in _ANY_POSSESSIVE_RE.finditer(prefix):
            best = _clean_np(m.group(1))
    if best is None:
        # "the economy added 236,000 jobs": a common-noun subject of the verb
        for m in _NP_SUBJECT_RE.finditer(prefix):
            words = m.group(1).split()
            if words[-1] in _AUXILIARY_WORDS:  # "the tickets were sold": subject "tickets"
                words = words[:-1]
            best = " ".join(words)
    return best


def _trim_chunk(chunk: str) -> str | None:
    words = chunk.split()
    while words and (words[0] in _NOT_SUBJECTS or words[0] in ("of", "and", "for")):
        words = words[1:]
    while words and words[-1] in ("of", "and", "for"):
        words = words[:-1]
    if not words or not words[0][:1].isupper():
        return None
    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _strip_article(text: str) -> str:
    words = text.split()
    while words and words[0] in _NOT_SUBJECTS:
        words = words[1:]
    return " ".join(words) or text
