"""What a quantity is about: subject, metric and hedge, by light heuristics on the sentence.

No parser: a handful of compiled patterns over the words around the number
("Zembla's gross domestic product likely fell by 3.2 per cent" gives
subject "Zembla", metric "gross domestic product", hedge "likely"). They
are cheap, explainable, and right often enough to group claims for a reviewer,
who can always edit the fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Set
from functools import lru_cache

__all__ = [
    "APPROX_WORDS",
    "COMMON_LEADS",
    "LOWER_WORD_NEXT_RE",
    "MEASURE_ACRONYMS",
    "MEASURE_HEADS",
    "MEASURE_QUALIFIERS",
    "NOT_SUBJECTS",
    "PROPER_CHUNK_RE",
    "SHARE_APPROXIMATORS",
    "VERB",
    "bare",
    "find_hedge",
    "find_metric",
    "find_subject",
    "fold_case",
    "holds_any",
    "is_pronoun_like",
    "lowered_words",
    "matches_from_stems",
    "may_hold_any",
    "search_holding",
    "share_opens_clause",
    "trim_chunk",
    "whole_word_starts",
]

# A word in lower case next, after spaces: "Acme chief", not "Acme Corp".
LOWER_WORD_NEXT_RE = re.compile(r"\s+[a-z]")

# Words that mark a claim as uncertain or forward-looking (CLAIM-SPEC `hedge`).
_HEDGE_RE = re.compile(
    r"\b(likely|unlikely|may|might|could|expected|expects|expect|expecting|estimated"
    r"|estimates|estimate|projected|projects|forecasts?|forecasting|predicted|predicts"
    r"|predict|believed|believes|reportedly|set to|aims?|target|targets|anticipated"
    r"|anticipates|probably|possibly|potentially|proposals?|proposed)\b"
)
# Every hedge word starts with one of these (the pattern is case-sensitive): where
# none occurs, the pattern need not try every position.
_HEDGE_STEMS = (
    "likely", "unlikely", "may", "might", "could", "expect", "estimat", "project",
    "forecast", "predict", "believ", "reportedly", "set to", "aim", "target", "anticipat",
    "probably", "possibly", "potentially", "propos",
)  # fmt: skip
HEDGE_WINDOW_BEFORE = 120
HEDGE_WINDOW_AFTER = 40

VERB = (
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
    rf"((?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*)['’]s\s+({_NP})\s+(?:{_ADVERB}\s+)*{VERB}\b"
)
_THE_NP_VERB_RE = re.compile(
    rf"\b(?:the|a|an|its|their|his|her|our)\s+({_NP})\s+(?:{_ADVERB}\s+)*{VERB}\b[^,;]*$",
    re.IGNORECASE,
)
# "an unemployment rate of 4.5%", "a profit of about $2m", "a deficit of an estimated
# $3bn": only words that soften the number stand between "of" and it (in "the rate of
# inflation at 26%" the of-phrase is the measure's own).
_NP_OF_RE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our)?\s*(?<![\w'’])([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+of\s+"
    r"(?:(?:an|a|the|estimated|approximately|nearly|about|around|almost|some|over|roughly"
    r"|just|only|up|to|more|less|fewer|than|at|least|under|between|as|much|many)\s+){0,2}$"
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
    r"|boost(?:s|ed|ing)?|trim(?:s|med|ming)?"
    # a level multiplied: "doubled its dividend to 40 cents", "halved the fee to $5"
    # (a bare "double" is as often an adjective: "rose to double digits")
    r"|(?:doubl|tripl|quadrupl|quintupl|halv)(?:es|ed|ing)|halve)"
)
# Words that soften a number without changing what it measures: "about 5%", "more
# than 300", "as many as 40". The patterns that read the words before a number skip them.
APPROX_WORDS = (
    r"(?:(?:more|less|fewer)\s+than|at\s+least|up\s+to|about|around|almost|nearly|some"
    r"|over|roughly|approximately|just|only|close\s+to|as\s+(?:many|much|few|little)\s+as)"
)
_LEVEL_APPROX = rf"(?:{APPROX_WORDS}|between)"
_SET_OBJECT_RE = re.compile(
    rf"\b{_SETTING_VERB}\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?"
    r"(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,6}?)"
    r"(?:\s+(?:this|last|next)\s+(?:year|month|quarter|week))?"  # "cut its debt this year by"
    r"(?:\s+(?:by\s+)?(?=\d)[^,;]{1,40}?|\s+by\s+[^,;]{1,40}?)?\s+(?:(?:to|at|of|by)\s+)?"
    rf"(?:{_LEVEL_APPROX}\s+)?$"
)
# "the unemployment rate at 3.5%", "the participation rate, at 62.6 percent".
# "with the jobless rate at 5%", "today's jobless rate still close to 5%": a measure and
# the level it stands at (a time in the possessive only says when).
_NP_AT_RE = re.compile(
    r"\b(?i:the|its|their|his|her|our|today['’]s|(?:this|last)\s+(?:week|month|year)['’]s)"
    r"\s+(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
    r"\s*,?\s+(?:(?:still|now|already|hovering|holding|steady)\s+)?"
    rf"(?:at|near|close\s+to)\s+(?:{_LEVEL_APPROX}\s+)?$"
)
# A sentence that opens with its measure and the verb that moves it: "Total nonfarm
# payroll employment rose by 236,000", "Employment in retail trade changed little".
_LEAD_NP_VERB_RE = re.compile(
    rf"^\s*(?P<np>[A-Z][a-z-]*(?:\s+[a-z][\w-]*){{0,5}}?)\s+(?:{_ADVERB}\s+)*{VERB}\b[^,;]*$"
)
# Capitalised only because they open a sentence: common words, never a name.
COMMON_LEADS = frozenset(
    """total overall average median annual monthly quarterly weekly daily government employment
    unemployment inflation prices wages earnings pay sales exports imports output production
    spending payrolls payroll household households business consumer core headline real
    nominal net gross private public manufacturing retail job jobs growth demand supply
    investment profits revenue revenues income debt borrowing lending trade housing
    construction services energy food industrial shares stocks oil crude gold turnout deficit
    deficits surplus population gas petrol gasoline diesel fuel electricity silver copper
    platinum palladium aluminium aluminum nickel zinc wheat corn soybeans coffee cocoa sugar
    cotton rent rents fares tuition youth""".split()
)
_PREPOSITIONS = frozenset(
    "in for of on at among across within from by to with over during since through after"
    " before between under".split()
)

_ANY_POSSESSIVE_RE = re.compile(r"\b((?:[A-Za-z][\w&.-]*\s+){0,2}[A-Za-z][\w&.-]*)['’]s\s+[a-z]")
# A run of capitalised words, joined by "of", "and" or "for". The pattern opens with
# the class of characters a run can start with, which the regex engine scans for
# quickly, and only then looks back for the word boundary: twice as fast as "\b(...)".
PROPER_CHUNK_RE = re.compile(
    r"([A-Zaof](?<!\w.)(?:(?<=[A-Z])[\w&.'’-]*|(?<=o)f|(?<=a)nd|(?<=f)or)"
    r"(?:\s+(?:[A-Z][\w&.'’-]*|of|and|for))*)"
)
_AUXILIARY_WORDS = frozenset("is are was were has have had will would could may might".split())
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
# A metric phrase starts after the last of these: "without power after winds" -> "winds".
_NP_CUTS = _DETERMINERS | {
    "after", "without", "with", "in", "on", "for", "from", "by", "to", "at", "into", "than",
    "is", "are", "was", "were", "be", "been", "has", "have", "had",
}  # fmt: skip
NOT_SUBJECTS = (
    frozenset(
        """The A An In On At By For From With Of To And But Or It Its He She They We I This That
    These Those There Mr Mrs Ms Dr Some About Around Nearly Almost Only Just Over Under More
    Less Between Also Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Among After Before
    During Since Although While When If As According Despite However Meanwhile Yet Still Last
    Such Each Every All Both Most Many Several""".split()
    )
    | frozenset(
        # pronouns and possessive determiners, sentence adverbs, deictic time words and
        # prepositions (also -ing ones): capitalised only because they open a sentence
        """My Our Your Their His Her Me Us You Them Him What Which Who Whose Whom Here Even
    Today Yesterday Tomorrow Tonight Now Then Thus Therefore Moreover Furthermore Indeed
    Instead Nevertheless Nonetheless Overall Again Already Later Earlier Recently Currently
    Within Without Beyond Above Below Through Throughout Into Onto Upon Against Toward
    Towards Unlike Like Per Via Beginning Starting Following Including Excluding Given
    Regarding Considering Barring Pending So Not No Nor Whether Because Though Unless
    Until Where Whereas Whilst Why How Once Otherwise Perhaps Maybe Finally Much Few Little
    Any None Other Another Either Neither Wherever Whenever Whatever Whoever Whichever""".split()
    )
    | frozenset(
        # months and weekdays as abbreviated in datelines and poll dates ("conducted Nov. 10")
        """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs
    Fri Sat Sun""".split()
    )
    | frozenset(
        # auxiliaries opening a question ("Is Smith ready?", "Can Acme recover?")
        """Is Are Was Were Do Does Did Has Have Had Can Could Will Would Should Shall
    Must Might""".split()
    )
)
_BAD_METRIC_WORDS = frozenset(
    {"than", "as", "which", "who", "that", "more", "less", "said", "says", "it", "there"}
)


def find_hedge(sentence: str, start: int | None = None, end: int | None = None) -> str | None:
    """The hedge word nearest before [start, end) in the sentence, or just after it.

    Without a position, the first hedge in the sentence (for quote/statement claims).
    """
    if start is None or end is None:
        if not holds_any(sentence, _HEDGE_STEMS):
            return None
        m = _HEDGE_RE.search(sentence)
        return m.group(1).lower() if m else None
    lo, hi = max(0, start - HEDGE_WINDOW_BEFORE), end + HEDGE_WINDOW_AFTER
    if not holds_any(sentence, _HEDGE_STEMS, lo, hi):
        return None  # both windows lie in this stretch
    before = None
    for m in _HEDGE_RE.finditer(sentence, max(0, start - HEDGE_WINDOW_BEFORE), start):
        before = m
    if before is not None:
        return before.group(1).lower()
    after = _HEDGE_RE.search(sentence, end, end + HEDGE_WINDOW_AFTER)
    return after.group(1).lower() if after else None


def holds_any(text: str, stems: tuple[str, ...], start: int = 0, end: int | None = None) -> bool:
    """Whether one of the stems occurs in text[start:end]: a quick test before a pattern
    that needs one of them, which would otherwise be tried at every position."""
    window = text[start:end] if start or end is not None else text
    # A plain loop with "in" on the window: any() over a generator, or find() with the
    # bounds, costs more, and this runs a dozen times for every figure.
    for stem in stems:  # noqa: SIM110
        if stem in window:
            return True
    return False


# Each byte of ASCII text as lowered_words reads it: a letter in lower case, anything
# else a space.
_LOWER_LETTERS_OR_SPACE = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256)
)
_LOWER_LETTERS_RE = re.compile(r"[a-z]+")


def lowered_words(text: str) -> list[str]:
    """The runs of ASCII letters in text.lower(), as re.findall("[a-z]+", text.lower())
    gives them. Every sentence's words are looked up in sets of cue words, and ASCII
    text is read with one translate() instead of a pattern, several times faster."""
    if text.isascii():
        return text.encode().translate(_LOWER_LETTERS_OR_SPACE).decode().split()
    return _LOWER_LETTERS_RE.findall(text.lower())


def matches_from_stems(
    pattern: re.Pattern[str], stems: tuple[str, ...], text: str
) -> list[re.Match[str]]:
    """pattern.finditer(text), for a pattern every match of which starts with one of the
    stems (case-sensitive): the pattern is tried only where find() finds a stem, not at
    every position of a whole article."""
    starts = sorted({at for stem in stems for at in _starts_of(text, stem)})
    found: list[re.Match[str]] = []
    resume = 0  # as finditer, no match starts inside the one before
    for at in starts:
        if at >= resume and (m := pattern.match(text, at)) is not None:
            found.append(m)
            resume = max(m.end(), at + 1)
    return found


def _starts_of(text: str, stem: str) -> Iterator[int]:
    """Every position where the (non-empty) stem occurs, overlapping ones included."""
    at = text.find(stem)
    while at >= 0:
        yield at
        at = text.find(stem, at + 1)


def whole_word_starts(text: str, word: str, continues_word: Callable[[str], bool]) -> list[int]:
    """Where `word` stands in text as a whole word: neither the character before it nor
    the one after continues a word (`continues_word` is asked of "" at either end of
    the text). Found with find(), which is quicker than a pattern tried at every
    position when only a few words are looked for."""
    starts = []
    at = text.find(word) if word else -1
    while at >= 0:  # (a loop of its own: a generator of positions costs more, asked this often)
        end = at + len(word)
        if not continues_word(text[at - 1 : at]) and not continues_word(text[end : end + 1]):
            starts.append(at)
        at = text.find(word, at + 1)
    return starts


# What a case-blind pattern also reads as s, i, i and k (str.lower() keeps "ſ" and
# "ı", makes "İ" an i with a dot above, and "K" a k).
_CASE_BLIND_EXTRAS = str.maketrans({"ſ": "s", "ı": "i", "\u0307": None})


def fold_case(word: str) -> str:
    """A word a case-blind pattern matched, in the lower case its keyword is written in:
    "LAST", "Laſt" and "laſt" are all "last"."""
    return word.lower().translate(_CASE_BLIND_EXTRAS)


def search_holding(
    pattern: re.Pattern[str],
    stems: tuple[str, ...],
    text: str,
    start: int = 0,
    end: int | None = None,
) -> re.Match[str] | None:
    """pattern.search(text, start, end) for a pattern every match of which holds one of
    the stems (case-sensitive): only tried where one occurs in the window."""
    if not holds_any(text, stems, start, end):
        return None
    return pattern.search(text, start, len(text) if end is None else end)


def may_hold_any(text: str, stems: tuple[str, ...], start: int = 0, end: int | None = None) -> bool:
    """holds_any for a pattern that ignores case, with the stems in lower case: False
    only when none of them can occur in text[start:end]. Only ASCII text is tested
    (always True otherwise): there a case-blind pattern matches what lower() gives, but
    it also matches "ſ" for "s" and "ı" or "İ" for "i", which lower() does not give."""
    window = text[start:end]
    return not window.isascii() or holds_any(window.lower(), stems)


_NUMBER_OR_MONTH_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion january february march april may june july august
    september october november december""".split()
)


_TIME_WORDS = frozenset(
    "year years month months week weeks quarter quarters day days decade decades term terms".split()
)


def _clean_np(text: str) -> str | None:
    words = text.split()
    if any(w.lower() in _NUMBER_OR_MONTH_WORDS or w[:1].isdigit() for w in words):
        return None  # "the three months to September" is a time, not a metric
    for index in range(len(words) - 1, -1, -1):
        cut = words[index].lower()
        if cut not in _NP_CUTS:
            continue
        tail = words[index + 1 :]
        if cut in _PREPOSITIONS and tail and all(w[:1].isupper() for w in tail):
            # "the jobless rate for Freedonians": the measure is before the name
            head = [w for w in words[:index] if w.lower() not in _DETERMINERS]
            words = head if head and not head[0][:1].isupper() else []
        elif cut in _AUXILIARY_WORDS or cut in ("be", "been"):
            return None  # "has fallen each": a verb phrase, not a measure
        else:
            words = tail  # "set a growth target" -> "growth target"
        break
    return _measure_words(words)


# Words that never open a measure's name: "and excess reserves", "of wages".
_CONJUNCTIONS = frozenset("and or but nor".split())
# Words no measure's name holds: modals, pronouns, quantifiers.
_NOT_IN_METRIC = frozenset(
    """will would shall should can could may might must be been being i you he she we they
    me him us them it each every either neither first next""".split()
)


def _measure_words(words: list[str]) -> str | None:
    """The words of a metric, or None when they cannot name one.

    A metric never opens with a conjunction or preposition ('and excess reserve
    balances' -> 'excess reserve balances'), holds no verb group or pronoun
    ('minutes will be released', 'gains we'), and is never a name ('Committee').
    """
    while words and (words[0].lower() in _CONJUNCTIONS or words[0].lower() in _PREPOSITIONS):
        words = words[1:]
    if not words or any(w.lower() in _BAD_METRIC_WORDS for w in words):
        return None
    if any(w.lower() in _NOT_IN_METRIC for w in words):
        return None
    if words[-1].lower() in _TIME_WORDS:
        return None  # "over the past year has averaged 4%": a time, not a measure
    if words[-1][:1].isupper():
        return None  # "the Committee", "Reserve Banks": a name, not what is measured
    return " ".join(words)


_ACTION_VERB = (
    r"(?:[a-z]+ed|sold|cut|lost|won|spent|made|paid|shed|grew|took|hit|set|raised|sent|bought"
    r"|built|employs?|has|have|had|holds?|owns?|gets?|got|sees?|saw)"
)
_APPROX_WORDS = rf"(?:{APPROX_WORDS}|another|a\s+further|an\s+extra)"
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
# A plural common noun in lower case opening its clause, bare after a comma or after a
# quantifier or a sentence adverb, with a short place or kind after it: "Some
# clinics have added", "Currently candidates in local votes must be", ", workers
# would get". A sentence adverb is one of a list: a name ending in -ly is none ("Kelly
# supporters").
_SENTENCE_ADVERBS = (
    "Currently|Normally|Usually|Typically|Generally|Traditionally|Historically|"
    "Increasingly|Already|Recently|Meanwhile|Similarly|Likewise|Overall|Altogether|"
    "Nationally|Locally|Now|Today|Still|Also|Only"
)
_PLURAL_SUBJECT_RE = re.compile(
    # an opening quotation mark or bracket may stand before it: "“Some clinics have"
    rf"(?:^[\s\"'“‘(\[]*|[,;:]\s+[\"“‘]?)(?:(?:{_SENTENCE_ADVERBS}|[Ss]ome|[Mm]any|[Mm]ost|[Aa]ll|[Ss]everal"
    r"|[Ff]ew|[Oo]ther|[Tt]hese|[Tt]hose)\s+)?"
    r"(?P<np>(?:[a-z][\w-]*\s+)?[a-z][a-z-]*[^s\W]s)"
    r"(?:\s+(?:in|at|with|from)(?:\s+[\w-]+){1,5}?)?"
    rf"\s+(?:{_ADVERB}\s+)*(?:{_ACTION_VERB}|{VERB}|must|can|should)\b"
)
_NP_SUBJECT_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Hh]is|[Hh]er)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    rf"(?:{_ADVERB}\s+)*(?:{_ACTION_VERB}|{VERB})\b"
)


# Denominators of fractions: "two thirds", "three quarters" count no thirds.
_FRACTION_WORDS = frozenset(
    """half halves third thirds quarter quarters fourth fourths fifth fifths sixth sixths
    seventh sevenths eighth eighths ninth ninths tenth tenths""".split()
)
# Present forms of verbs before a count: "to hold four rallies" is no "rallies hold".
_PRESENT_VERBS = frozenset(
    "has have had hold holds own owns get gets see sees employ employs".split()
)
# "the last three weeks", "over the past 12 months", "the next two years".
_SPAN_BEFORE_RE = re.compile(
    rf"\b(?:last|past|next|previous|prior|coming|following)\s+(?:{_APPROX_WORDS}\s+)?$",
    re.IGNORECASE,
)
# Words that say "a measure" without saying which: "at the rate of 2%", "a total of".
_GENERIC_MEASURES = frozenset("rate level total amount number sum figure".split())
_AT_RATE_RE = re.compile(
    r"\b([a-z][\w-]*)\s+(?:at|by)\s+(?:the|a|an)\s+(?:[a-z]+\s+)?[a-z]+\s+of\s+"
    rf"(?:{_APPROX_WORDS}\s+)?$"
)
_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:at|in|on|to|from|for|with|of|into|by|across|within|among)\s*$", re.IGNORECASE
)


def _ends_in_of_phrase(prefix: str) -> bool:
    """Whether "of" is one of the last three words and whitespace ends the prefix, as in
    every match of _NP_OF_RE; the end-anchored pattern would try every position."""
    return prefix[-1:].isspace() and "of" in prefix.rsplit(None, 3)[-3:]


def _measure_at_rate(prefix: str) -> str | None:
    """The measure before 'at the rate of': 'inflation at the rate of 2%' -> 'inflation'."""
    m = _AT_RATE_RE.search(prefix)
    if not m or m.group(1).endswith(("ing", "ed")):
        return None  # "prices rising at the rate of": a verb, not the measure
    return _measure_words([m.group(1)])


def find_metric(
    sentence: str, start: int, end: int, counted: str | None, noun: str | None = None
) -> str | None:
    """What is measured: 'unemployment rate of 4.5%', 'GDP shrank by', '27% rise in profits'.

    For a count the metric is the counted noun, with the verb that did the
    counting when one stands right before the number ("jobs added").
    """
    prefix = sentence[max(0, start - 120) : start]
    if noun and noun.lower() in _FRACTION_WORDS:
        noun = counted = None  # "fell by two thirds": part of the number, not a measure
    if noun:
        verb = _VERB_BEFORE_RE.search(prefix)
        if verb and verb.group(1) not in _PRESENT_VERBS:
            # "jobs added", "cars sold"; never "rallies hold" ("to hold four rallies")
            return f"{noun} {_COUNTING_VERB_PAST.get(verb.group(1), verb.group(1))}"
        return noun
    if _SPAN_BEFORE_RE.search(prefix):
        return None  # "over the last three weeks": a stretch of time, no measure of it
    if _ends_in_of_phrase(prefix) and (m := _NP_OF_RE.search(prefix)):
        np = _clean_np(m.group(1))
        if np and " and " in np:
            np = np.rsplit(" and ", 1)[1]  # "employment and inflation of 2%": inflation
        if np and np in _GENERIC_MEASURES:
            # "inflation at the rate of 2%": inflation; "a total of $3bn": no name given
            return _measure_at_rate(prefix)
        if np and len(np) > 2:
            return np
    if m := _CHANGE_IN_RE.match(sentence, end):
        return _clean_np(m.group(1))
    if (m := _SET_OBJECT_RE.search(prefix)) and (np := _object_np(m.group("np"))):
        return np
    if m := _POSSESSIVE_RE.search(prefix):
        return _clean_np(m.group(2))
    pos = 0
    while m := _THE_NP_VERB_RE.search(prefix, pos):
        if _AFTER_PREPOSITION_RE.search(prefix, 0, m.start()):
            pos = m.end(1)  # "the cost of gas at the pump is": the pump is not the measure
            continue
        np = _clean_np(m.group(1))
        if np:
            return np
        break
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
    if words[-1].lower() in _TIME_WORDS:
        return None  # "little changed over the month at 351,000": a time, not a measure
    return _measure_words(words)


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


_LEAD_SUBJECT_RE = re.compile(
    # no infinitive or article inside the phrase: "Analysts expect sales to rise" opens
    # on a verb the lists may not know, not on a subject "analysts expect sales to"
    rf"(?P<np>[A-Z][a-z-]*(?:\s+(?!(?:to|the|a|an|that)\b)[a-z][\w-]*){{0,3}}?)\s+"
    rf"(?:{_ADVERB}\s+)*(?:{_ACTION_VERB}|{VERB})\b"
)
# A word's contracted tail: "That’s", "We’ve", "Here’s" are a pronoun and a verb.
_CONTRACTION_RE = re.compile(r"^(?P<base>.+?)['’](?P<tail>s|ve|re|ll|d|m|t)$")
# Words that end a common-noun subject only when the phrase is no subject at all: "a
# session which lasted", "the lowest it has been", "the first set will".
_NOT_SUBJECT_HEADS = _BAD_METRIC_WORDS | {
    "which", "who", "whom", "whose", "what", "he", "she", "we", "they", "i", "you", "its",
    "first", "second", "third", "last", "next", "lowest", "highest", "most", "least",
}  # fmt: skip
# Head nouns of measures: "the unemployment rate remains above 6%" names what is
# measured, not who it is about.
MEASURE_HEADS = frozenset(
    """rate rates ratio range target targets growth price prices cost costs level levels
    index share shares pace total average number amount percentage proportion value
    inflation unemployment employment output sales revenue revenues profit profits income
    spending debt deficit deficits surplus yield yields balance balances payrolls wages
    earnings""".split()
)
# Economic indicators written in capitals ("Zembla's GDP grew 2%", "the CPI rose"):
# measures, never the names of what they measure.
MEASURE_ACRONYMS = frozenset("GDP GNP GNI CPI CPIH HICP PPI PCE PMI VAT GST".split())
# Words written before an indicator as part of its name: "Real GDP", "Core CPI".
MEASURE_QUALIFIERS = frozenset("Real Nominal Core Headline Annual Quarterly Monthly".split())
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:that|which|who|where|when|and|but)\b"
)


def find_subject(
    sentence: str,
    start: int,
    common: Set[str] | None = None,
    proper: bool = True,
) -> str | None:
    """Who or what the quantity is about: a possessor, else the nearest name before it.

    `common` holds words the article writes in lower case; a capitalised word that
    opens the sentence and is one of them ("Gas prices fell", "Economic growth was")
    is a common word, not a name. Without it, only closed-class words are dropped.
    With `proper` False, only a common-noun subject is looked for ("the economy
    added"): claims.extract.subjects has judged the names already.
    """
    offset = max(0, start - 160)
    while 0 < offset < start and sentence[offset - 1].isalnum():
        offset += 1  # the window starts on a whole word: never "ere" from "here’s"
    prefix = sentence[offset:start]
    lead = len(sentence) - len(sentence.lstrip(" \t\n\"'“‘([")) - offset
    if proper and (m := _POSSESSIVE_RE.search(prefix)):
        name = trim_chunk(m.group(1), initial=m.start(1) == lead, common=common)
        if name:
            return name
    best = None
    best_end = 0
    for m in PROPER_CHUNK_RE.finditer(prefix if proper else ""):
        chunk = trim_chunk(m.group(1), initial=m.start(1) == lead, common=common)
        if chunk:
            best, best_end = chunk, m.end(1)
    if best is not None and _CLAUSE_BREAK_RE.search(prefix, best_end):
        # "This is Acme in action: our economy added 200 jobs": the name is in another
        # clause; a common-noun subject in the number's own clause is nearer
        best = _same_clause_subject(prefix) or best
    if best is None and ("'" in prefix or "’" in prefix):  # every possessive has one
        for m in _ANY_POSSESSIVE_RE.finditer(prefix):
            if is_pronoun_like(m.group(1).split()[-1]):
                continue  # "here’s where we stand": a contraction, not a possessive
            best = _common_subject(_clean_np(m.group(1)) or "")
    if best is None:
        best = _same_clause_subject(prefix)
    if best is None:
        best = _plural_subject(prefix)
    if best is None and lead == 0 and common:
        best = _lead_subject(prefix, common)
    return best


def _lead_subject(prefix: str, common: Set[str]) -> str | None:
    """'Leisure and hospitality added 72,000 jobs': a common-noun phrase opening the
    sentence, subject of the verb before the number, lower-cased as the article writes it."""
    m = _LEAD_SUBJECT_RE.match(prefix)
    if not m or m["np"].split()[0] in NOT_SUBJECTS or m["np"].split()[0].lower() not in common:
        return None
    if _CLAUSE_BREAK_RE.search(prefix, m.end("np")) or len(prefix) - m.end("np") > 60:
        return None
    return _common_subject(m["np"][0].lower() + m["np"][1:])


def _same_clause_subject(prefix: str) -> str | None:
    """'the economy added 236,000 jobs': a common-noun subject of the verb, in the same
    clause as the number ('the target range will ..., to return inflation to 2 percent'
    is about inflation, not the range)."""
    best = None
    for m in _NP_SUBJECT_RE.finditer(prefix):
        words = m.group(1).split()
        if words[-1] in _AUXILIARY_WORDS:  # "the tickets were sold": subject "tickets"
            words = words[:-1]
        between = prefix[m.end(1) :]
        if len(between) > 60 or _CLAUSE_BREAK_RE.search(between):
            best = None
            continue
        if _AFTER_PREPOSITION_RE.search(prefix, 0, m.start()):
            continue  # "the number of people in the labor force rose": not the force
        best = _common_subject(" ".join(words))
    return best


def _plural_subject(prefix: str) -> str | None:
    """'Some clinics have added a 9% fee': a plural common noun that opens the
    number's clause and is the subject of its verb (see _PLURAL_SUBJECT_RE)."""
    m = _PLURAL_SUBJECT_RE.search(prefix)
    if m is None:
        return None
    between = prefix[m.end() :]
    if len(between) > 60 or _CLAUSE_BREAK_RE.search(between):
        return None
    if any(word in _NOT_PLURAL_NOUNS for word in m["np"].split()):
        return None  # "Trade, once thriving, has slumped": "has" is no plural
    return _common_subject(m["np"])


# Words ending in "s" that are no plural noun, and words that open no noun phrase.
_NOT_PLURAL_NOUNS = frozenset(
    """has was is does its his hers ours yours theirs us as thus yes less unless plus
    perhaps always sometimes whereas towards afterwards besides but and or nor so yet then
    also still only just""".split()
)


def is_pronoun_like(word: str) -> bool:
    return word.lower() in ("here", "there", "where", "what", "that", "it", "who", "let", "how")


def _common_subject(text: str) -> str | None:
    """A lower-case subject phrase, unless it is no subject ("meeting which", "first")
    or names a measure ("unemployment rate": what is measured, not who)."""
    words = text.split()
    if not words or words[-1].lower() in _NOT_SUBJECT_HEADS or words[-1].endswith("ly"):
        return None
    if words[-1].lower() in MEASURE_HEADS or words[-1].lower() in _TIME_WORDS:
        return None
    if any(w.lower() in _NOT_SUBJECT_HEADS for w in words):
        return None
    return " ".join(words)


_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Words that make a weekday part of a name: "Super Tuesday", "Black Friday".
_DAY_NAMERS = frozenset("Super Black Good Ash Cyber Easter Holy Palm Bloody Fat Maundy".split())


def _a_count(words: list[str]) -> bool:
    """Whether a chunk opens on a count, not a name: the number alone, or before one
    plural ("Five Republicans"); "Two Sigma", "Three Mile Island" are names."""
    if words[0] not in _COUNT_WORDS:
        return False
    words = [w for w in words if w not in ("of", "and", "for")]  # "Five Liberals and"
    return len(words) == 1 or (len(words) == 2 and words[1].endswith("s"))


# Cardinal numbers capitalised as they open a sentence or a headline ("Two days later",
# "TWO DEAD"); "One" is left out, as it opens names ("One Nation").
_COUNT_WORDS = frozenset(
    """Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Fifteen Twenty Thirty Forty
    Fifty Hundred Hundreds Thousand Thousands Million Millions Dozen Dozens TWO THREE FOUR
    FIVE SIX SEVEN EIGHT NINE TEN""".split()
)


def trim_chunk(chunk: str, initial: bool = False, common: Set[str] | None = None) -> str | None:
    words = chunk.split()
    while words:
        first = words[0]
        m = _contraction(first)
        if m and (m["tail"] != "s" or m["base"] in NOT_SUBJECTS):
            words = words[1:]  # "That’s", "We’ve": a pronoun and a verb
            initial = False
            continue
        if first in NOT_SUBJECTS or first in ("of", "and", "for") or _a_count(words):
            words = words[1:]  # "Five Republicans and two Democrats": a count, no name
        elif initial and common and _lone(words) and bare(first).lower() in common:
            words = words[1:]  # "Gas prices", "Leisure and hospitality": common words
        else:
            break
        initial = False
    while words and words[-1] in ("of", "and", "for"):
        words = words[:-1]
    if len(words) > 1 and words[-1] in _WEEKDAYS and words[-2] not in _DAY_NAMERS:
        words = words[:-1]  # "Lindqvist Sunday night recounted": when, not who
    if not words or not words[0][:1].isupper():
        return None
    if len(words) == 1 and words[0].lower() in COMMON_LEADS:
        return None  # "Total nonfarm payroll employment rose": no one is named

    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _lone(words: list[str]) -> bool:
    """Whether the chunk is one capitalised word ("Gas", "Leisure and"), not a name of
    several ("Federal Open Market Committee" keeps "Federal")."""
    return sum(1 for w in words if w[:1].isupper()) == 1


@lru_cache(maxsize=4096)  # asked of every word of every name, which articles repeat
def bare(word: str) -> str:
    """A word without its possessive or contracted tail: "Today’s" -> "Today"."""
    m = _contraction(word)
    return m["base"] if m else word


def _contraction(word: str) -> re.Match[str] | None:
    """The base and contracted tail of a word; most words have no apostrophe, and
    testing for one is far cheaper than the pattern."""
    if "'" not in word and "’" not in word:
        return None
    return _CONTRACTION_RE.match(word)


# Words that may stand before a share that opens its clause: "some 3%", "a little under".
SHARE_APPROXIMATORS = (
    r"(?:(?:about|some|roughly|nearly|almost|just|only|another|fully|full|over|under|more\s+than"
    r"|less\s+than|a\s+little|a)\s+)*"
)
# What may stand between a clause's opening and its share: "while 16%", "and some 3%",
# "(the poll) found that 59%".
_OPENS_CLAUSE_RE = re.compile(
    rf"(?:[,;:(]|\b(?:while|and|but|whereas|with|though|although|yet|that))\s*{SHARE_APPROXIMATORS}$",
    re.IGNORECASE,
)
_APPROXIMATORS_ONLY_RE = re.compile(rf"\s*{SHARE_APPROXIMATORS}", re.IGNORECASE)


def share_opens_clause(sentence: str, start: int) -> bool:
    """Whether the figure at `start` opens its clause, no noun before it: "78% were
    white", "..., while 16% were Latino"; not "Inflation of 5% is", "rates of 7% are"."""
    if _APPROXIMATORS_ONLY_RE.fullmatch(sentence, 0, start):
        return True  # the sentence opens with it
    return _OPENS_CLAUSE_RE.search(sentence, max(0, start - 40), start) is not None
