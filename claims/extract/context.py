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
    r"|will|would|could|may|might|remains|remained|has|have|had|be|changed|continued|held"
    r"|holds|eased|dipped|slipped|gained|advanced|rebounded|recovered|ticked|trended)"
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
# "raise the target range for the federal funds rate to 5%", "kept its forecast at
# 2%", "cut interest rates by 0.5 points": the object of a verb that sets a level.
_SETTING_VERB = (
    r"(?:raise[sd]?|raising|lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)"
    r"|increas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?"
    r"|set(?:s|ting)?|hold(?:s|ing)?|held|leave|leaves|leaving|left|establish(?:es|ed|ing)?"
    r"|boost(?:s|ed|ing)?|trim(?:s|med|ming)?)"
)
_LEVEL_APPROX = (
    r"(?:(?:more|less|fewer)\s+than|at\s+least|up\s+to|about|around|almost|nearly|some"
    r"|over|roughly|between|just|only)"
)
_SET_OBJECT_RE = re.compile(
    rf"\b{_SETTING_VERB}\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?"
    r"(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,6}?)"
    r"(?:\s+(?:by\s+)?(?=\d)[^,;]{1,40}?|\s+by\s+[^,;]{1,40}?)?\s+(?:(?:to|at|of|by)\s+)?"
    rf"(?:{_LEVEL_APPROX}\s+)?$"
)
# "the unemployment rate at 3.5%", "the participation rate, at 62.6 percent".
_NP_AT_RE = re.compile(
    r"\b(?i:the|its|their|his|her|our)\s+(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})"
    rf"\s*,?\s+at\s+(?:{_LEVEL_APPROX}\s+)?$"
)
# A sentence that opens with its measure and the verb that moves it: "Total nonfarm
# payroll employment rose by 236,000", "Employment in retail trade changed little".
_LEAD_NP_VERB_RE = re.compile(
    rf"^\s*(?P<np>[A-Z][a-z-]*(?:\s+[a-z][\w-]*){{0,5}}?)\s+(?:{_ADVERB}\s+)*{_VERB}\b[^,;]*$"
)
# Capitalised only because they open a sentence: common words, never a name.
COMMON_LEADS = frozenset(
    """total overall average median annual monthly quarterly weekly daily government employment
    unemployment inflation prices wages earnings pay sales exports imports output production
    spending payrolls payroll household households business consumer core headline real
    nominal net gross private public manufacturing retail job jobs growth demand supply
    investment profits revenue revenues income debt borrowing lending trade housing
    construction services energy food industrial""".split()
)
_PREPOSITIONS = frozenset(
    "in for of on at among across within from by to with over during since through after"
    " before between under".split()
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


_TIME_WORDS = frozenset(
    "year years month months week weeks quarter quarters day days decade decades".split()
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
    if words[-1].lower() in _TIME_WORDS:
        return None  # "over the past year has averaged 4%": a time, not a measure
    return " ".join(words)


_ACTION_VERB = (
    r"(?:[a-z]+ed|sold|cut|lost|won|spent|made|paid|shed|grew|took|hit|set|raised|sent|bought"
    r"|built|employs?|has|have|had|holds?|owns?|gets?|got|sees?|saw)"
)
_APPROX_WORDS = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|about|around|almost|nearly"
    r"|some|over|roughly|only|just|another|a\s+further|an\s+extra)"
)
# Present forms of counting verbs, read as the past form that metric names use:
# "the economy adding 236,000 jobs" measures "jobs added", as "added 236,000 jobs" does.
_COUNTING_VERB_PAST = {
    "add": "added", "adds": "added", "adding": "added",
    "create": "created", "creates": "created", "creating": "created",
    "lose": "lost", "loses": "lost", "losing": "lost",
    "shed": "shed", "sheds": "shed", "shedding": "shed",
    "cuts": "cut", "cutting": "cut",
    "gain": "gained", "gains": "gained", "gaining": "gained",
    "sell": "sold", "sells": "sold", "selling": "sold",
}  # fmt: skip
_COUNTING_VERB = "|".join(sorted(_COUNTING_VERB_PAST, key=len, reverse=True))
_VERB_BEFORE_RE = re.compile(rf"\b({_ACTION_VERB}|{_COUNTING_VERB})\s+(?:{_APPROX_WORDS}\s+)?$")
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
            return f"{noun} {_COUNTING_VERB_PAST.get(verb.group(1), verb.group(1))}"
        return noun
    if m := _NP_OF_RE.search(prefix):
        np = _clean_np(m.group(1))
        if np and len(np) > 2:
            return np
    if m := _CHANGE_IN_RE.match(sentence, end):
        return _clean_np(m.group(1))
    if (m := _SET_OBJECT_RE.search(prefix)) and (np := _object_np(m.group("np"))):
        return np
    if m := _POSSESSIVE_RE.search(prefix):
        return _clean_np(m.group(2))
    if m := _THE_NP_VERB_RE.search(prefix):
        np = _clean_np(m.group(1))
        if np:
            return np
    if (m := _NP_AT_RE.search(prefix)) and (np := _object_np(m.group("np"))):
        return np
    at_sentence_start = start <= 120  # the prefix holds the sentence's first word
    if at_sentence_start and (m := _LEAD_NP_VERB_RE.search(prefix)) and (np := _lead_np(m["np"])):
        return np
    return counted


# Words that never sit inside the name of a measure: in "set out 10 months ago",
# "increased just 1.2%" or "cap and make those earning $250,000" the words before the
# number are no measure at all.
_NOT_IN_MEASURE = frozenset(
    """i you he she it we they me him us them my your those these there here if and or but
    because when while as so than just only about around nearly almost some more less out up
    down off next last past ago now still also even not no what which who whom whose make
    makes made get gets got seems seem at least most roughly approximately gradually
    slightly sharply further already again steadily""".split()
)


def _object_np(text: str) -> str | None:
    """A verb's object or a measure's name as written, if it can name a measure."""
    words = text.split()
    if words and words[0] in ("in", "of"):
        words = words[1:]  # "an increase in the discount rate to 2%": the rate
    if words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words or len(words) > 7:
        return None
    if any(
        w.lower() in _NUMBER_OR_MONTH_WORDS
        or w.lower() in _BAD_METRIC_WORDS
        or w.lower() in _NOT_IN_MEASURE
        or w[:1].isdigit()
        for w in words
    ):
        return None
    if any(w in _DETERMINERS and words[i - 1] not in _PREPOSITIONS for i, w in enumerate(words)):
        return None  # "the province froze the tax": a clause, not "the price of the oil"
    if words[-1] in _PREPOSITIONS or words[-1] in _DETERMINERS or words[-1] in _AUXILIARY_WORDS:
        return None
    return " ".join(words)


def _lead_np(text: str) -> str | None:
    """The measure that opens a sentence: 'Total nonfarm payroll employment' as written,
    'Employment in retail trade' -> 'employment' (the head before its qualifier); a
    name in front ('Acme shares') is the subject, not part of the measure."""
    words = text.split()
    for index, word in enumerate(words):
        if word in _PREPOSITIONS:
            words = words[:index]
            break
    if words and words[0].lower() in _NUMBER_OR_MONTH_WORDS:
        return None  # "Three people were killed": a count, not a measure's name
    if words and words[0].lower() in COMMON_LEADS:
        words[0] = words[0].lower()
    elif words:
        words = words[1:]
    return _object_np(" ".join(words)) if words else None


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
    if len(words) == 1 and words[0].lower() in COMMON_LEADS:
        return None  # "Total nonfarm payroll employment rose": no one is named

    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _strip_article(text: str) -> str:
    words = text.split()
    while words and words[0] in _NOT_SUBJECTS:
        words = words[1:]
    return " ".join(words) or text
