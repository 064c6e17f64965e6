"""Attribution frames: a reporting cue and the source the sentence gives for it.

Works on one sentence with its quotations masked. Finds "X said", "said X",
"according to X", "X, who ..., said", "..., saying", "was reported by X" and
returns each cue with its source as written (a name, a pronoun or a nominal
such as "the firm"); coref.py decides who that is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claims.extract import context, places
from claims.extract.names import (
    CORE,
    DEMONYM,
    ENDS_SENTENCE,
    EVIDENCE_MODIFIERS,
    FUNCTION_WORDS,
    GEO_WORDS,
    JOINT_NAME,
    MEDIA_WORDS,
    NAME_SEQ,
    ORG_NOMINALS,
    ORG_WORDS,
    PARTICIPLES,
    PERSON_NOMINALS,
    PRONOUNS,
    ROLE_WORDS,
    TOKEN,
    VERBS,
    all_titles,
    clean_name,
    has_org_word,
    is_geo_name,
    is_media,
    is_person_name,
    split_affiliation,
    split_possessive,
    strip_trailing_place,
)

__all__ = [
    "RANKED_DESCRIPTION",
    "Frame",
    "Source",
    "frames_in",
    "named_according_to",
    "unnamed_source",
]

# Nouns that make "the X" / "a X" a source worth keeping (resolved when possible): an
# organisation's ("the carmaker said"), a document's or a spokesperson's.
_SOURCE_NOUNS = ORG_NOMINALS | frozenset(
    "report study survey court spokesman spokeswoman spokesperson statement".split()
)


# Scanning words and looking them up in a set is several times faster than one
# big alternation regex over every sentence.
# "Figures from the ONS showed ...": data verbs report only for a named publisher.
_DATA_VERBS = frozenset("show shows showed indicate indicates indicated".split())
_CUE_WORDS = frozenset(VERBS) | PARTICIPLES | _DATA_VERBS | {"according"}


_WORD_RE = re.compile(r"[A-Za-z]+")


_ACCORDING_TO = re.compile(r"according\s+to\b", re.IGNORECASE)


# "was first reported by MSNBC": the agent of a passive reporting verb.
_PASSIVE_BY = re.compile(
    # "As reported by X, ...": the same agent without an auxiliary.
    r"\b(?:(?:is|are|was|were|been|being)\s+(?:\w+ly\s+|first\s+)*|(?<![\w,] )[Aa]s\s+)"
    r"(?P<cue>reported|announced|confirmed|disclosed|revealed|estimated|projected|"
    r"forecast|predicted|stated|noted|quoted|cited|published|broadcast|recorded)\s+by\s+",
    re.IGNORECASE,
)


# Auxiliaries, adverbs and time phrases between a subject and its verb.
# Case-sensitive on purpose: "Ely" or "Dulis" must never lose "ly" or "is".
_PRE_VERB_FILLER = re.compile(
    r"(?:\s*\b(?:has|have|had|was|were|is|also|later|earlier|previously|then|again|"
    r"repeatedly|recently|reportedly|once|further|similarly|separately|publicly|"
    r"privately|first|initially|subsequently|often|always|never|frequently|already|"
    r"just|originally|famously|flatly|bluntly|simply|would|will|could|may|might|[a-z]+ly|"
    r"himself|herself|itself|themselves|"
    r"at\s+the\s+time|at\s+one\s+point|in\s+\d{4}|on\s+(?:Twitter|Facebook|television)|"
    r"(?:last|this|next)\s+(?:week|month|year|[A-Z]\w+day)|on\s+[A-Z]\w+day|in\s+[A-Z]\w+day|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"in\s+a\s+statement|in\s+an\s+interview|in\s+the\s+past|in\s+recent\s+[a-z]+|"
    r"for\s+(?:days|weeks|months|years|decades)|over\s+the\s+years|this\s+past\s+\w+|earlier\s+this\s+\w+|(?:on|in)\s+(?:an?|his|her|its|their)\s+[a-z]+)"
    r")+\s*$"
)


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{0,40}\))?"
    r"|[A-Z][A-Za-z .,'-]{1,40}\((?:AFP|AP|UPI|Reuters|Bloomberg|CNN|Xinhua)[^)]{0,30}\))"
    r"\s*[-\u2013\u2014:]+\s*"
)


_INTRO_PHRASE = re.compile(
    r"^(?:In|After|At|On|During|Despite|With|While|As|When|Following|Before|Since|Amid|"
    r"Asked|Speaking|Earlier|Later|Last|This|Then|Meanwhile|However)\b[^,]{0,80},\s*"
)


_NOMINAL_RE = re.compile(
    r"\b(?P<det>the|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+){0,3}?(?P<noun>[a-z]+)\s*$",
    re.IGNORECASE,
)


_APPOSITIVE_ORG = re.compile(
    rf"\b(?:of|at|for|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?P<org>{NAME_SEQ})"
)


_DESCRIBED_ORG = re.compile(rf"{NAME_SEQ}(?:\s+[a-z][\w-]*){{1,2}}\s+(?P<org>{NAME_SEQ})")


_POSSESSIVE_ORG = re.compile(rf"^\s*(?:an?\s+|the\s+)?(?P<org>{NAME_SEQ})['\u2019]s?\b")


@dataclass
class Source:
    """A source as the frame names it, before resolution."""

    text: str  # the name or pronoun or nominal as written
    # "name" (Jo Rivers, the Zemblan government), "pronoun" (he, they), "nominal" (a
    # spokesman, the ministry), "group" (the rail unions: named actors, not one body) or
    # "demonym" (the Ruritanian: the person last named)
    form: str
    org: str | None = None


_MEDIA_TAIL = r"(?:\s+(?:programme|program|show|newspaper|website|channel|magazine|radio|blog))?"


_VIA_RE = re.compile(
    rf"\s+(?:the\s+)?(?P<n>(?:{TOKEN}|\d+)(?:['\u2019]s)?(?:\s+(?:{TOKEN}|\d+)(?:['\u2019]s)?)*"
    rf"{_MEDIA_TAIL})"
)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:also|not|still|widely|often|\w+ly))*\s*$",
    re.IGNORECASE,
)


_GENERIC_SOURCES = frozenset(
    """
    officials analysts experts critics sources observers economists investors residents
    witnesses researchers scientists doctors lawyers campaigners protesters activists
    authorities police officers diplomats aides insiders traders people reports studies
    polls surveys data figures statistics republicans democrats voters supporters
    opponents leaders ministers lawmakers legislators members staff workers
    """.split()
)


_CONJ_RE = re.compile(
    r"\b(?:that|and|but|while|as|when|after|because|if|so|although|though|whereas|"
    r"which|where|before|since|until|unless)\s+"
)


_INVERTED_END = re.compile(
    # "... of the New York delegation.", "..., says the Acme building society."
    r"\s*(?:(?:[a-z]+\s+)?[a-z]+(?=\s*(?:[,.;:!?]|$))\s*)?"
    r"(?:$|[,.;:!?\"\u201d()\u2013\u2014-]|(?:[a-z]+\s+)?(?:of|at|from|in|on|who|for)\b)"
)


_LEADING_WORDS = re.compile(
    r"^(?:\s*(?:But|And|Yet|So|Also|However|Meanwhile|Still|Now|Then|Instead|Separately|"
    r"Earlier|Later|Indeed|Moreover)\b,?)+\s*"
)


# Lower-case words after a name that keep it a source ("the ZN News website").
_SOURCE_TAIL_NOUNS = _SOURCE_NOUNS | frozenset(
    "website newspaper programme jury panel site daily channel station broadcaster society".split()
)


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
_SPOKESPERSON_FOR = re.compile(
    r"^(?:(?P<det>the|a|an|The|A|An)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>spokes(?:man|woman|person)|official|aide|adviser|advisor|representative)"
    rf"\s+(?:for|of|at|with|to)\s+(?:the\s+)?(?P<org>{NAME_SEQ})$"
)


_GROUP_NOUNS = (
    "companies|firms|banks|lenders|insurers|carriers|airlines|retailers|manufacturers|"
    "makers|unions|governments|leaders|ministers|countries|nations|parties|regulators"
)
_OPENING_CONJ = re.compile(r"^(?:(?:But|And|Yet|So|However|Meanwhile|Still|Also|Now|Then),?\s+)+")
_NAMED_GROUP = re.compile(
    rf"^(?P<det>[Tt]he\s+)?(?P<mod>(?:[A-Za-z][\w-]*\s+){{1,3}}?)(?:{_GROUP_NOUNS})$"
)


# "the company spokeswoman", "a spokesman for Acme": a source known by the role.
_SPOKESPERSON_RE = re.compile(
    r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>spokes(?:man|woman|person))"
    rf"(?:\s+(?:for|of|at)\s+(?:the\s+)?(?P<org>{NAME_SEQ}))?",
    re.IGNORECASE,
)


def _source_from_np(np: str) -> Source | None:
    """Classify a noun phrase that stands where a source would."""
    np = np.strip(" ,\"'\u201c\u201d")
    if not np:
        return None
    low = np.lower()
    if low in PRONOUNS:
        return Source(np, "pronoun")
    if low == "all":
        return None  # "All told, ...": a sum, no one telling
    if np.endswith(("'s", "\u2019s")):
        return None  # "Mrs. Smith's reported contributions": a possessive, not a source
    first, _, rest = np.partition(" ")
    plural = first.lower()
    if (rest.startswith("of ") and _is_people_noun(plural)) or (
        rest.startswith("for ") and plural in PERSON_NOMINALS
    ):
        np = f"{plural} {rest}"  # "Officials of Acme", as it opens a sentence
    group = _NAMED_GROUP.match(_OPENING_CONJ.sub("", np))
    if group and (group.group("det") or group.group("mod")[:1].isupper()):
        np = _OPENING_CONJ.sub("", np)
        # "the rail unions denied", "Ruritanian leaders blamed": an identified
        # group of actors (bare "officials" or "analysts" stay unnamed).
        text = np if not group.group("det") else "the " + np[group.end("det") :].lstrip()
        return Source(text, "group")
    spokes = _SPOKESPERSON_FOR.match(np)
    if spokes:
        # "A spokesman for Acme Corp": the person speaks for the organisation.
        det = (spokes.group("det") or "a").lower()
        det = "an" if det == "a" and spokes.group("noun")[0] in "aeiou" else det
        return Source(f"{det} {spokes.group('noun').lower()}", "nominal", spokes.group("org"))
    last_name = None
    for seq in _JOINT_NAME_RE.finditer(np):
        words = seq.group().split()
        if len(words) == 1 and words[0].lower().strip(".") in FUNCTION_WORDS:
            continue
        if last_name is None and _OBJECT_OF_A_DOCUMENT_RE.search(np, 0, seq.start()):
            return None  # "an email relating to Westmarch": what a document is about
        last_name = seq
    if last_name is not None:
        people = _PEOPLE_OF_RE.search(np, 0, last_name.start())
        if people and not np[last_name.end() :].strip():
            noun, named = people["noun"], last_name.group()
            if noun in PERSON_NOMINALS:
                # "supporters of Democrat Jo Lee say" speak as "Democrat Jo Lee supporters"
                return _source_from_np(f"{named} {noun}")
            if people["prep"] == "of" and noun in _GENERIC_SOURCES:
                return None  # "voters of Westmarch say": unnamed, as "voters say" is
            if people["prep"] == "of" and noun[:-1] in ROLE_WORDS:
                org, _ = clean_name(named)  # "directors of Acme": Acme's directors
                return Source(f"{org} {noun}", "name", org) if org else None
        after = [w for w in np[last_name.end() :].split() if w not in ("'", "\u2019")]
        if after:
            noun = after[-1].lower()
            if noun in PERSON_NOMINALS:
                org, _ = clean_name(_POSSESSIVE_END.sub("", last_name.group()))
                if noun.endswith("s"):
                    # "Labor Department officials": the named body's people speak.
                    if not org or DEMONYM.search(org):
                        return None  # "Chinese officials" names no one
                    return Source(f"{org} {noun}", "name", org)
                # "A Department for Roads and Harbours spokeswoman"
                if org and DEMONYM.search(org):
                    return None  # "a Chinese official" names no one
                det = (np.split()[0] if np.split() else "a").lower()
                det = det if det in ("a", "an", "the") else "a"
                det = "an" if det == "a" and noun[0] in "aeiou" else det
                return Source(f"{det} {noun}", "nominal", org)
            if noun in ROLE_WORDS and len(after) <= 2:
                return Source(np, "nominal")  # "the New Jersey governor"
            if noun not in _SOURCE_TAIL_NOUNS:
                return None  # "Cycling safety groups", "Mr Smith's family background"
        raw = last_name.group()
        if after and _POSSESSIVE_END.search(raw) and RANKED_DESCRIPTION.match(" ".join(after)):
            # "Freedonia's largest insurer said": a description of a body the article
            # names elsewhere, not the place.
            return Source("the " + " ".join(after), "nominal")
        if _THE_ONE_WORD.match(np) and raw.split()[-1].lower() in ORG_NOMINALS:
            return Source(np.lower(), "nominal")  # "The Institute also warned" = the institute
        if raw.lower() in _GENERIC_SOURCES:
            return None  # "Officials said": not a named source (CLAIM-SPEC section 2)
        if (
            _THE_ONE_WORD.match(np)
            and DEMONYM.search(raw)
            and raw.split()[-1].lower() not in ORG_WORDS | MEDIA_WORDS
        ):
            return Source(np, "demonym")  # "The Ruritanian added" = the person last named
        name, org = clean_name(raw)
        if not name or all_titles(name):
            return None
        name, owner = split_possessive(name)
        name, aff = split_affiliation(name)
        if after and (
            after[-1].lower() in _BODY_NOUNS
            or (DEMONYM.search(name) and after[-1].lower() in _STATE_BODY_NOUNS)
        ):
            # "the Zembla transport select committee", "the ZFA jury": the body
            # is the source; a trailing "website" or "newspaper" is dropped.
            name = " ".join([name, *after])
        return Source(name, "name", org or aff or owner)
    m = _SPOKESPERSON_RE.search(np)
    if m:
        return Source(
            m.group().split(" for ")[0].split(" of ")[0].split(" at ")[0].lower(),
            "nominal",
            m.group("org"),
        )
    m = _NOMINAL_RE.search(np)
    if m and (m.group("noun").lower() in _SOURCE_NOUNS or m.group("noun").lower() in ROLE_WORDS):
        return Source(np[m.start() :], "nominal")
    return None


# A lower-case noun and a preposition before the only name of a source's noun phrase:
# "a newly released email relating to Westmarch" is about Westmarch, by no one named.
_OBJECT_OF_A_DOCUMENT_RE = re.compile(
    r"\b[a-z]+s?\s+(?:relating|related|referring|pertaining)\s+to\s+(?:the\s+)?$"
    r"|\b(?:email|e-mail|memo|letter|document|report|cable|message|study|analysis)s?\s+"
    r"(?:about|on|regarding|concerning|into)\s+(?:the\s+)?$"
)


# People named by their relation to a name: "supporters of Lee", "officials of Acme".
_PEOPLE_OF_RE = re.compile(r"\b(?P<noun>[a-z]+s)\s+(?P<prep>of|for)\s+(?:the\s+)?$")


def _is_people_noun(noun: str) -> bool:
    """People a source may be named by: "officials", "supporters", "voters", "directors"."""
    return noun in PERSON_NOMINALS or noun in _GENERIC_SOURCES or noun[:-1] in ROLE_WORDS


_BODY_NOUNS = frozenset("committee jury panel board council commission campaign".split())
# A country's institutions named by its adjective: "the Zemblan government said", "the
# Zemblan central bank said" (the government, not "Zemblan", is the source).
_STATE_BODY_NOUNS = frozenset(
    "government ministry department bank treasury parliament regulator authority office".split()
)
# "biggest bus operator", "third-largest carrier": a ranked description.
RANKED_DESCRIPTION = re.compile(
    r"(?:[\w]+-)?(?:biggest|largest|leading|top|main|oldest|second|third)\b(?:\s+[a-z][\w-]*){0,2}$"
)


_SUBJECT_TAIL = re.compile(
    rf"(?:(?<=\s)|^)(?P<np>(?:(?:the|a|an)\s+)?(?:[a-z0-9][\w-]*\s+){{0,3}}?{NAME_SEQ}"
    rf"(?:['\u2019](?=\s))?(?:\s+[a-z][\w-]*){{0,3}}"
    rf"|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,3}}?spokes(?:man|woman|person)\s+(?:for|of|at)\s+"
    rf"(?:the\s+)?{NAME_SEQ}"
    rf"|(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+){{0,3}}[a-z]+"
    rf"|he|she|it|they|we|I|He|She|It|They|We)\s*$"
)


_ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))


_ORG_BEFORE_ROLE = re.compile(
    rf"(?P<org>{NAME_SEQ})\s+(?P<role>(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)\s*$"
)


def _source_from_tail(tail: str) -> Source | None:
    """The source at the end of `tail`, the text just before a reporting verb."""
    # A subject is a few words long; the window keeps the end-anchored search cheap.
    tail = tail[-160:]
    m = _SUBJECT_TAIL.search(tail)
    if not m:
        return None
    src = _source_from_np(m.group("np"))
    if src is not None and src.form == "name" and src.org is None:
        # "Globe executive Jo Smith": the organisation before the role.
        before = tail[: m.start("np")] + m.group("np")[: m.group("np").find(src.text)]
        r = _ORG_BEFORE_ROLE.search(before.rstrip() + " ")
        if r is None:
            r = _ORG_BEFORE_ROLE.search(before.rstrip())
        if r and any(w in ROLE_WORDS for w in r.group("role").split()):
            org, _ = clean_name(r.group("org"))
            if org and not DEMONYM.search(org) and not is_geo_name(org):
                src.org = org
    return src


_NICK_TOKEN = re.compile(r"[\"\u201c][A-Z][\w.'-]{0,12}[\"\u201d](?=[^\S\n]+[A-Z])")


def _clause_tail(left: str) -> str:
    """The part of `left` after the last clause boundary (quote, semicolon, 'that')."""
    # A nickname's quote marks (Jo "JJ" Smith) are no boundary.
    marks = _NICK_TOKEN.sub(lambda m: "N" * len(m.group()), left) if '"' in left else left
    cut = max(marks.rfind(c) for c in ('"', "\u201d", "\u201c", ";", ":", "\u2014", "(", ")"))
    cut = max(cut, left.rfind(" - ") + 2 if " - " in left else -1)
    tail = left[cut + 1 :]
    comma = tail.rfind(",")
    if comma >= 0:
        tail = tail[comma + 1 :]  # "In a speech opening the summit, Ko said"
    last = None
    for m in _CONJ_RE.finditer(tail):
        before = tail[: m.start()].split()
        after = tail[m.end() :].split()
        if (
            m.group().strip() == "and"
            and before
            and after
            and before[-1][:1].isupper()
            and after[0][:1].isupper()
        ):
            continue  # "Department for Roads and Harbours"
        last = m
    if last is not None:
        tail = tail[last.end() :]
    return tail.strip()


_CLAUSE_NP = re.compile(
    rf"\s*(?!(?:who|which|that|whose|where|when|as|if)\b)"
    rf"(?P<np>(?:(?:the|The|a|A|an|An)\s+)?(?:[a-z0-9][\w-]*\s+){{0,3}}?{NAME_SEQ}"
    rf"(?:\s+(?:[a-z][\w-]*\s+)?(?:{_ROLE_ALT})\s+{NAME_SEQ})?"
    rf"|He|She|It|They|We|he|she|it|they)"
)


# A lower-case word after the noun phrase: its verb ("tried", "has", "also").
_VERBISH = re.compile(r"\s+[a-z]")


def _clause_subject(segment: str) -> Source | None:
    """The source that opens a clause: "But Chief Constable X has met ... and said"."""
    cut = max(segment.rfind(";"), segment.rfind(":"))
    body = _DATELINE.sub("", segment[cut + 1 :].lstrip())
    body = _LEADING_WORDS.sub("", body)
    # The subject opens the last comma-delimited stretch that reads "NP verb ...":
    # "At an event in Dunmore, Zembla, on Sunday, Mrs. Smith tried ..., saying".
    segments = body.split(",")
    for seg in reversed(segments):
        m = _CLAUSE_NP.match(_LEADING_WORDS.sub("", seg.lstrip()))
        if m and _VERBISH.match(_after_np(seg, m)):
            return _source_from_tail(m.group("np"))
    m = _CLAUSE_NP.match(_INTRO_PHRASE.sub("", body))
    return _source_from_tail(m.group("np")) if m else None


def _after_np(segment: str, m: re.Match[str]) -> str:
    return _LEADING_WORDS.sub("", segment.lstrip())[m.end() :]


def _strip_filler(left: str) -> str:
    """Drop auxiliaries, adverbs and time phrases that end `left` ("has also")."""
    head, window = left[:-80], left[-80:]
    if not _may_end_in_filler(window):
        return left.rstrip()  # what the pattern, found nowhere, would leave
    return (head + _PRE_VERB_FILLER.sub("", window)).rstrip()


# The last word of each phrase of _PRE_VERB_FILLER, where it is a fixed word.
_FILLER_LAST_WORDS = frozenset(
    """
    has have had was were is also later earlier previously then again repeatedly recently
    reportedly once further similarly separately publicly privately first initially
    subsequently often always never frequently already just originally famously flatly
    bluntly simply would will could may might himself herself itself themselves time point
    Twitter Facebook television week month year statement interview past days weeks months
    years decades
    """.split()
)
# The word before a last word that may be any word ("this past weekend", "in an
# interview", "earlier this month").
_FILLER_BEFORE_ANY_WORD = frozenset("past this a an his her its their recent".split())


def _may_end_in_filler(window: str) -> bool:
    """Whether the window can end in a phrase of _PRE_VERB_FILLER, by its last two words.

    The end-anchored pattern is tried at every position of the window before every
    cue; a filler phrase is rare, and its last word tells most windows apart at once.
    """
    text = window.rstrip()
    last = _trailing_word(text)
    if not last:
        return False  # every phrase ends in a word character
    if last in _FILLER_LAST_WORDS or last.endswith(("ly", "day")) or last.isdigit():
        return True  # "reportedly", "on Tuesday", "in 2019"
    before = _trailing_word(text[: len(text) - len(last)].rstrip())
    return before in _FILLER_BEFORE_ANY_WORD


def _trailing_word(text: str) -> str:
    r"""The run of word characters (letters, digits, '_', as regex \w) that ends the text."""
    i = len(text)
    while i and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:]


_THEN_BEFORE = re.compile(r"(?:,|\band)\s+then\s*$")


_WHO_END = re.compile(r",?\s*\bwho\s*$")
_CONJUNCTION_END = re.compile(r"\b(?:and|but|then)$")
_SPACED_CONJUNCTION_END = re.compile(r"\s*\b(?:and|but|then)$")
# "$" also matches before a final newline.
_CONJUNCTION_ENDINGS = ("and", "but", "then", "and\n", "but\n", "then\n")


def _subject_before(left: str) -> Source | None:
    """The source that is the subject of a verb whose left context is `left`."""
    if left.rstrip().endswith("then") and _THEN_BEFORE.search(left[-40:]):
        # "Smith offered him a job, then says ...": the clause's own subject.
        return _clause_subject(_THEN_BEFORE.sub("", left))
    left = _strip_filler(left)
    if not left:
        return None
    # The end-anchored patterns below are tried only when the word they end on is
    # there: searched for in vain, they would try every position of `left`.
    who = _WHO_END.search(left) if left.rstrip().endswith("who") else None
    if who:
        # "Jo Smith, who said he would ...": the relative pronoun's antecedent.
        return _subject_before(left[: who.start()])
    if left.endswith(_CONJUNCTION_ENDINGS) and _CONJUNCTION_END.search(left):
        # "X has met with groups and said": the clause's own subject.
        return _clause_subject(_SPACED_CONJUNCTION_END.sub("", left))
    if left.endswith(","):
        return _subject_with_appositive(left[:-1])
    # (a comma closes the name: no comma, no appositive)
    unclosed = _UNCLOSED_APPOSITIVE.search(left[-200:]) if "," in left[-200:] else None
    if unclosed and is_person_name(clean_name(unclosed.group("name"))[0] or ""):
        # "Ann Lee, the chief economist at Acme Bank said": the appositive's
        # closing comma is missing; the person still speaks for the body.
        name, _ = clean_name(unclosed.group("name"))
        org, _ = clean_name(unclosed.group("org"))
        return Source(name or "", "name", org)
    return _source_from_tail(_clause_tail(left))


# "Ann Lee, the chief economist at Acme Bank" right before its verb.
_UNCLOSED_APPOSITIVE = re.compile(
    rf"(?:^|[.;:]\s+|^\W*)(?P<name>{NAME_SEQ}),\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{1,4}}"
    rf"(?:of|at|for|with)\s+(?:the\s+)?(?P<org>{NAME_SEQ})\s*$"
)


def _subject_with_appositive(body: str) -> Source | None:
    """ "X, chief executive of Y, said" and "In a statement, Dr X, Acme vice president, said"."""
    segs = body.split(",")
    # "..., Gov. Jo Smith (R-ZM), said": the last segment is the whole subject.
    last_seg = segs[-1].strip()
    if last_seg[:1].isupper() and _is_whole_np(last_seg):
        src = _source_from_tail(last_seg)
        if src is not None and src.form == "name" and is_person_name(src.text):
            return src
    # The subject is the first segment that is wholly a person's name ("Jo
    # Smith, the president of the Zembla Union of Bus Drivers, said").
    for k, seg in enumerate(segs[:-1]):
        tail = _clause_tail(seg)
        if tail != seg.strip() or not _is_whole_np(tail):
            continue
        src = _source_from_tail(tail)
        if src is not None and src.form == "name" and is_person_name(src.text):
            return _with_appositive_org(src, segs[k + 1 :])
    fallback: tuple[int, Source] | None = None
    whole: tuple[int, Source] | None = None  # leftmost segment that is all noun phrase
    for k in range(len(segs) - 2, -1, -1):
        tail = _clause_tail(segs[k])
        src = _source_from_tail(tail)
        if src is None:
            continue
        if src.form == "name" and is_person_name(src.text):
            return _with_appositive_org(src, segs[k + 1 :])
        if _is_whole_np(tail):
            whole = (k, src)
        if fallback is None:
            fallback = (k, src)
    fallback = whole or fallback
    last = segs[-1].strip()
    name, _ = clean_name(last)
    if (
        name
        and is_person_name(name)
        and name == last.split(" ", len(last.split()) - len(name.split()))[-1]
    ):
        return Source(name, "name")  # "The director of harbour safety, Jo Smith,"
    if fallback is not None:
        k, src = fallback
        return _with_appositive_org(src, segs[k + 1 :])
    return None


def _is_whole_np(segment: str) -> bool:
    """ "Smith" or "the Transport Department" yes; "speaking at a rally in Zembla" no."""
    segment = segment.strip()
    if len(segment) > 160:
        return False
    m = _SUBJECT_TAIL.search(segment)
    return m is not None and m.start("np") == 0


_DOCUMENT_NOUNS = frozenset("report study survey analysis paper poll review".split())
_AUTHORED_BY = re.compile(rf"\b(?:by|from)\s+(?:the\s+)?(?P<org>{NAME_SEQ})")


def _with_appositive_org(src: Source, appositive_parts: list[str]) -> Source:
    """The source with the organisation its appositive names ("X, chief of Y,")."""
    appositive = ",".join(appositive_parts).strip()
    if src.form == "nominal" and src.text.split()[-1].lower() in _DOCUMENT_NOUNS:
        # "The report, published by the Resolution Foundation, said": its author.
        author = _AUTHORED_BY.search(appositive)
        if author:
            name, _ = clean_name(author.group("org"))
            return Source(name, "name") if name else src
    if src.form == "name" and src.org is None and not re.match(r"(?:who|which)\b", appositive):
        src.org = _org_from_appositive(appositive)
    return src


# An appositive that opens with a name, and what follows it ("Acme chief economist").
_NAME_OPENS_RE = re.compile(rf"^\s*(?P<org>{NAME_SEQ})(?P<rest>.*)$")


def _org_from_appositive(appositive: str) -> str | None:
    """ "executive vice-president of Acme Tobacco" -> "Acme Tobacco"."""
    matches = list(_APPOSITIVE_ORG.finditer(appositive))
    # "senior director for Asian affairs at the National Security Council": the
    # affiliation is the organisation, not the adjective.
    matches = [x for x in matches if not DEMONYM.search(x.group("org").split()[0])] or matches
    m = next(
        (x for x in matches if has_org_word(x.group("org"))),
        matches[0] if matches else None,
    )
    if m:
        org, _ = clean_name(m.group("org"))
        # "of US firm Acme Labs": a place, a descriptor, then the name.
        nested = _DESCRIBED_ORG.match(appositive, m.start("org"))
        if nested and (org or "").lower() in GEO_WORDS | {"us", "uk", "eu"}:
            org, _ = clean_name(nested.group("org"))
        return strip_trailing_place(org) if org else None
    m = _POSSESSIVE_ORG.match(appositive)
    if m and not is_geo_name(m.group("org")):
        return m.group("org")  # "IBM's strategy manager"; not "the UK's biggest"
    m = _NAME_OPENS_RE.match(appositive)
    if m:
        words = m.group("org").split()
        keep = []
        for w in words:
            if w.lower() in ROLE_WORDS or w.lower() in {"general", "senior", "deputy"}:
                break
            keep.append(w)
        if keep and (len(keep) < len(words) or context.LOWER_WORD_NEXT_RE.match(m.group("rest"))):
            return " ".join(keep)
    return None


_LOWER_WORD = re.compile(r"\b[a-z][a-z-]*\b")


_DESCRIPTOR_OK = ROLE_WORDS | frozenset(
    """
    the a an former senior deputy vice assistant state party campaign top chief longtime
    veteran republican democratic political economic foreign press white house
    he she it they we of at for
    """.split()
)


_INVERTED_NP = re.compile(
    rf"\s+(?P<np>(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{NAME_SEQ}"
    rf"(?:\s+(?:[a-z][\w-]*\s+)?(?:{_ROLE_ALT})\s+{NAME_SEQ}"
    rf"|\s+(?:{_ROLE_ALT})(?=\s*(?:$|[,.;:!?]))|\s+(?:{{_PN}})(?=\s*(?:$|[,.;:!?])))?"
    rf"|he|she|it|they|we|I|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)".replace(
        "{_PN}", "|".join(sorted(PERSON_NOMINALS))
    )
)


_NOT_DESCRIPTORS = frozenset(
    "to it he she they we his her its their that this with by from on in into about over after "
    "and or but as".split()
)


_CLOSES_CLAUSE = re.compile(r"\s*(?:$|[,.;:!?(])")


_DESCRIBED_NAME = re.compile(
    rf"\s+(?:the|a|an)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,5}},\s+(?P<name>{NAME_SEQ})"
    r"(?=\s*(?:$|[,.;:!?]))"
)


def _subject_after(right: str) -> tuple[Source | None, int]:
    """Inverted frame: '..., said Ko Dae-ryun of the Acme Institute.'"""
    described = _DESCRIBED_NAME.match(right)
    if described and is_person_name(clean_name(described.group("name"))[0] or ""):
        # '..., said the company's chief executive, Jo Smith.': the name.
        name, _ = clean_name(described.group("name"))
        return Source(name or "", "name"), described.end()
    m = _INVERTED_NP.match(right)
    if not m or not _INVERTED_END.match(right[m.end() :]):
        return None, 0
    np = m.group("np")
    first_cap = next((i for i, c in enumerate(np) if c.isupper()), len(np))
    descriptors = _LOWER_WORD.findall(np[:first_cap])
    closes = _CLOSES_CLAUSE.match(right, m.end()) is not None and not any(
        w in _NOT_DESCRIPTORS for w in descriptors
    )
    if descriptors and not (
        closes  # '..., said retired Army Gen. Mick Bednarek, who ...'
        or all(w in _DESCRIPTOR_OK or "-" in w for w in descriptors)
        or any(w in ROLE_WORDS for w in descriptors)
    ):
        return None, 0  # "wrote an op-ed urging Congress": not an inverted subject
    src = _source_from_np(m.group("np"))
    if src is None:
        return None, 0
    rest = right[m.end() :]
    if src.form == "name" and src.org is None:
        ap = re.match(r"\s*,\s*([^,.;]+)", rest)
        if ap and not re.match(r"(?:who|which)\b", ap.group(1).lstrip()):
            src.org = _org_from_appositive(ap.group(1))
    return src, m.end()


_PHRASE_END = re.compile(r"[,;:](?:\s|$)|\.(?:\s|$)")


_ABBREV_BEFORE_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Gov|Rep|Gen|Jr|Sr|Lt|Col)|\b[A-Z])$")


def _first_phrase(right: str) -> str:
    """Text up to the first comma, colon or full stop that is not an abbreviation's."""
    for m in _PHRASE_END.finditer(right):
        if m.group()[0] == "." and _ABBREV_BEFORE_DOT.search(right, 0, m.start()):
            continue
        return right[: m.start()]
    return right


# A source described in lower-case words (a possessor's name aside), then named in an
# apposition: "the UK toy industry's trade body, the Beacon Toy Association (BTA)".
_DESCRIPTION_ONLY_RE = re.compile(
    r"\s*(?:the|a|an)\s+(?:(?:[\w.-]+\s+){0,3}[\w-]+['\u2019]s?\s+)?(?:[a-z][\w-]*\s+){0,3}"
    r"[a-z][\w-]*\s*$"
)
# The name closes the clause: "..., the Beacon Retail Association (BRA)." (NAME_SEQ
# already spans "of" and "and" inside a name.) Not "According to the court, Ruiz, the
# chief executive, earned ...": there the name opens the clause the source speaks of.
_APPOSITIVE_NAME_RE = re.compile(
    rf",\s+(?:the\s+)?(?P<name>{NAME_SEQ}(?:\s+\([A-Z][\w&.-]*\))?)(?=\s*(?:[.;]|$))"
)
# Lower-case words after a name that make it the owner of the body speaking: "(UK)
# toy industry's trade body", "(Acme)'s research arm".
_OWNED_BODY_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}['\u2019]s(?:\s+[a-z][\w-]*){0,2}\s+"
    r"(?:body|association|arm|unit|office|agency|division|department|group|council)\b"
)
_JOINT_NAME_RE = re.compile(JOINT_NAME)
_AGENT_RE = re.compile(rf"(?:^|\s)(?:by|from|of|at)\s+(?:the\s+)?(?P<n>{NAME_SEQ})")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w&.'\u2019-]*\s$")


# A name with the few words before it that make its noun phrase ("the Acme", "a new Acme
# Research"), but no preposition: in "the exit polls in Westmarch" the place only says
# where.
_HEAD_NAME_RE = re.compile(
    rf"^(?:(?:the|a|an)\s+)?(?:(?!(?:in|on|at|for|across|among|over|about)\b)[a-z][\w-]*\s+){{0,3}}?"
    rf"(?:{JOINT_NAME})(?:\s+[a-z][\w-]*)?"
)
# A record's noun after the name that keeps it ("Acme's polling", "the Acme polling
# average"): the source is the name.
_RECORD_TAIL_RE = re.compile(
    r"(?:['’]s)?\s+(?:polling|poll|polls|survey|data|figures|analysis|average|tally|count"
    r"|estimates?|projections?|tracker)$"
)


def _according_to(right: str) -> Source | None:
    """ "according to a projection by Acme Analytics" -> Acme Analytics; "according to
    the industry's trade body, the Beacon Retail Association" -> the body's name."""
    chunk = _first_phrase(right)
    if _DESCRIPTION_ONLY_RE.match(chunk) and (
        named := _APPOSITIVE_NAME_RE.match(right, len(chunk))
    ):
        return Source(named["name"], "name")
    words = chunk.split()
    if not words:
        return None
    cut = 12
    while cut < min(len(words), 16) and words[cut][:1].isupper():
        cut += 1  # not inside a name: "... released by Harbour Research"
    chunk = " ".join(words[:cut])
    if owner := _OWN_RECORDS_RE.match(chunk):
        # "according to its annual report": the body "it" stands for
        return Source(_PRONOUN_OF_POSSESSIVE[owner["owner"].lower()], "pronoun")
    # "a projection by Acme Analytics"; not the "of" inside "the Division of Port Fees".
    m = next(
        (
            x
            for x in _AGENT_RE.finditer(chunk)
            if not _CAPITALISED_BEFORE.search(chunk, 0, x.start() + 1)
        ),
        None,
    )
    if m and not re.match(r"^\s*(?:the\s+)?[A-Z]", chunk):
        if m.group().split()[0] == "of" and _people_after(chunk, m.end()):
            return None  # "a poll of Zembla voters": whom it asked, not whose it is
        if owned := _OWNED_BODY_AFTER.match(chunk, m.end()):
            # "by the UK toy industry's trade body": the body, not the place
            return Source(m.group("n") + owned.group(), "name")
        return _source_from_np(m.group("n"))
    head = _HEAD_NAME_RE.match(chunk)
    if head:
        phrase = _without_closing_time_word(head.group())
        src = _source_from_np(phrase)
        if src is None:
            return _keeper_of_records(phrase)
        if src.form == "name" and (tail := _RECORD_TAIL_RE.search(src.text)):
            return Source(src.text[: tail.start()], "name")  # "the Acme polling average"
        return src
    src = _source_from_np(chunk)
    if src is not None and src.form == "name" and _where_only(chunk, src.text):
        return None  # "according to the exit polls in Ohio": where, not whose
    if src is not None and src.form in ("name", "nominal"):
        return src
    return None


# Words that open a time or place phrase after a name: "Beacon Weekly last year",
# "the Acme Institute in Dunmore".
_OPENS_TIME_OR_PLACE = frozenset(
    "in on at last next this earlier later yesterday today since during over".split()
)


def _without_closing_time_word(phrase: str) -> str:
    """ "Beacon Weekly last" (of "... last year") -> "Beacon Weekly": the word after a
    name that opens a time or place phrase is no part of it."""
    head, _, last = phrase.rpartition(" ")
    return head if head and last in _OPENS_TIME_OR_PLACE else phrase


def _people_after(chunk: str, at: int) -> bool:
    """Whether a people noun follows a name: "of Zembla voters", "of Acme workers"."""
    following = chunk[at:].split()
    return bool(following) and _is_people_noun(following[0].lower().strip(",.;:"))


def _where_only(chunk: str, name: str) -> bool:
    """Whether the name is a place after a preposition of place in the chunk ("the exit
    polls in Ohio"), not a publication ("a study in the Dunmore Medical Journal")."""
    at = chunk.find(name)
    return (
        at > 0
        and places.is_place(name)
        and _PLACE_PREPOSITION_BEFORE_RE.search(chunk, 0, at) is not None
    )


_PLACE_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|across|throughout|around)\s+(?:the\s+)?$")


# Groups and documents that give figures without a name: "police said", "analysts
# expect", "state gaming regulators reported", "the congressional report said". They
# are no attributed claim's speaker (the spec's are named), but they are where the text
# says a figure comes from.
_UNNAMED_HEADS = (
    r"police|officials|analysts|economists|experts|researchers|scientists|regulators"
    r"|prosecutors|investigators|authorities|organi[sz]ers|forecasters|report|study|audit"
)
_UNNAMED_NP = (
    r"(?P<np>(?:(?!(?:and|or|but|where|when|which|who|whom|that|the|a|an|as|in|of|one|than"
    r"|what|above|below|twice|less|more|some|many|most|several|other|few)\b)"
    rf"[a-z][\w-]*\s+){{0,3}}?(?:{_UNNAMED_HEADS}))"
)
# Determiners a group's noun phrase may open with: "the police", "some economists".
_UNNAMED_DETERMINER = r"(?:(?:the|a|some|many|most|several|other)\s+)?"
_UNNAMED_VERBS = (
    r"said|say|says|estimated|estimate|estimates|reported|reports|found|finds|expect|expects"
    r"|expected|predicted|predict|predicts|forecast|forecasts|calculated|counted"
)
# Before the figure, opening its clause: "Police said six protesters were arrested".
_UNNAMED_BEFORE_RE = re.compile(
    rf"(?:^\W*|[,;]\s+|\b(?:that|and|but)\s+){_UNNAMED_DETERMINER}{_UNNAMED_NP}\s+"
    rf"(?:[a-z]+ly\s+)?(?:{_UNNAMED_VERBS})\b(?!,)",
    re.IGNORECASE,
)
# After the figure's clause: "..., police said."
_UNNAMED_AFTER_RE = re.compile(
    rf",\s+{_UNNAMED_DETERMINER}{_UNNAMED_NP}\s+(?:said|say|says|reported|estimated)\b",
    re.IGNORECASE,
)
# Anywhere in the figure's clause: "according to analysts' forecasts".
_UNNAMED_ACCORDING_RE = re.compile(
    rf"\baccording\s+to\s+{_UNNAMED_DETERMINER}{_UNNAMED_NP}(?![\w-])", re.IGNORECASE
)
# What ends a source's reach between it and a figure: a semicolon, or a new clause
# ("Analysts expected a loss, but Acme earned $4m").
_NEW_CLAUSE_RE = re.compile(r";|,\s+(?:but|while|whereas|although|though|and)\b")


@dataclass(frozen=True)
class _UnnamedSources:
    """One sentence's unnamed sources, read once: where each "according to", each
    source opening a clause (by where its verb ends) and each closing one (by where its
    comma stands) is, and who it is."""

    according_at: tuple[int, ...]
    according: tuple[str, ...]
    before_ends: tuple[int, ...]
    before: tuple[str, ...]
    after_starts: tuple[int, ...]
    after: tuple[str, ...]
    breaks: tuple[int, ...]  # where a new clause starts
    semicolons: tuple[int, ...]

    def broken(self, lo: int, hi: int, mark: str = "clause") -> bool:
        """Whether a new clause (or only a semicolon) starts in [lo, hi)."""
        marks = self.semicolons if mark == ";" else self.breaks
        return bisect_left(marks, lo) < bisect_left(marks, hi)


@lru_cache(maxsize=64)
def _unnamed_sources(sentence: str) -> _UnnamedSources:
    def group(m: re.Match[str]) -> str | None:
        words = m["np"].split()
        opens = not sentence[: m.start("np")].strip(" \"“‘'(")
        if opens and words[0].lower() in _UNNAMED_OPENERS:
            words[0] = words[0].lower()  # "Police said": capitalised as the sentence opens
        return None if any(w[:1].isupper() for w in words) else " ".join(words)

    def found(pattern: re.Pattern[str], where) -> tuple[tuple[int, ...], tuple[str, ...]]:
        pairs = [(where(m), g) for m in pattern.finditer(sentence) if (g := group(m))]
        return tuple(at for at, _ in pairs), tuple(g for _, g in pairs)

    return _UnnamedSources(
        *found(_UNNAMED_ACCORDING_RE, re.Match.start),
        *found(_UNNAMED_BEFORE_RE, re.Match.end),
        *found(_UNNAMED_AFTER_RE, re.Match.start),
        tuple(m.start() for m in _NEW_CLAUSE_RE.finditer(sentence)),
        tuple(m.start() for m in re.finditer(";", sentence)),
    )


# Words a group may open a sentence with, capitalised there only: "Police said".
_UNNAMED_OPENERS = frozenset(
    _UNNAMED_HEADS.replace("organi[sz]ers", "organisers|organizers").split("|")
) | frozenset("state federal local city county senior top independent".split())


def unnamed_source(sentence: str, start: int, end: int) -> str | None:
    """The unnamed group or document the sentence gives as the source of the figure at
    [start, end): "Police said six protesters were arrested" -> police, "... 12
    workstations, the congressional report said" -> congressional report, "according
    to analysts' forecasts" -> analysts. A semicolon or a new clause between them ends
    the source's reach."""
    found = _unnamed_sources(sentence)
    for at, group in zip(found.according_at, found.according, strict=True):
        if not found.broken(min(at, start), max(at, start)):
            return group
    i = bisect_right(found.before_ends, start) - 1
    if i >= 0 and not found.broken(found.before_ends[i], start):
        return found.before[i]
    j = bisect_left(found.after_starts, end)
    if j < len(found.after_starts) and not found.broken(end, found.after_starts[j], ";"):
        return found.after[j]  # "hit 12 servers and 10 laptops, the report said": both
    return None


def named_according_to(right: str) -> str | None:
    """The name an "according to" gives, from the words after it ("the Acme Party. ..."
    -> "Acme Party"), or None when it gives no name (a pronoun, "a spokesman")."""
    src = _according_to(right)
    return src.text if src is not None and src.form == "name" else None


def _keeper_of_records(phrase: str) -> Source | None:
    """ "according to SEC filings", "a yearly Gallup poll", "the Acme/Beacon Poll
    released Sunday": the body whose records, poll or count they are, by its name
    alone. A phrase that is no document of a name ("a person familiar with Lee's
    views") is kept as written, as the text gives it."""
    name = _JOINT_NAME_RE.search(phrase)
    if name is None:
        return None
    before = phrase[: name.start()].split()
    after = phrase[name.end() :].split()
    text = _POLL_WORD_END.sub("", _POSSESSIVE_END.sub("", name.group()))
    if DEMONYM.search(text) or text in _FUNCTION_CAPS:
        return None
    if after and text in EVIDENCE_MODIFIERS:
        return None  # "Subsequent estimates put it at": no one's estimates
    documented = not after or after[0].lower() in _RECORD_NOUNS or text != name.group()
    if documented and not any(w.lower() in _LINKING_WORDS for w in before):
        return Source(text, "name")
    return Source(re.sub(r"^(?:the|a|an)\s+", "", phrase), "name")


# Records of the one a possessive pronoun stands for: "its annual report", "her filing".
_OWN_RECORDS_RE = re.compile(
    r"(?P<owner>its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:report|reports|filing|filings|figures|data|statement|accounts|results|records)$",
    re.IGNORECASE,
)
_PRONOUN_OF_POSSESSIVE = {"its": "it", "their": "they", "his": "he", "her": "she"}
# What a body keeps or publishes, after its name: "SEC filings", "a CNN tally".
_RECORD_NOUNS = frozenset(
    """records filings filing figures data statistics numbers estimates documents poll polls
    polling survey surveys tally count average analysis report reports summary research study
    tracker projection projections""".split()
)
# Words before a name that make it part of a longer phrase ("interview with X").
_LINKING_WORDS = frozenset("with in of by for from at to on about".split())
_FUNCTION_CAPS = frozenset(w.capitalize() for w in FUNCTION_WORDS)
_POLL_WORD_END = re.compile(r"\s+(?:Poll|Polls|Survey|Data|Figures)$")


@dataclass
class Frame:
    source: Source
    cue: str
    core: bool
    at: int
    inverted: bool = False
    via: str | None = None
    subordinate: bool = False  # "After X announced ..., Y wrote": X's is not the main frame


def _normalise_left(left: str) -> str:
    """Dashes around an appositive read as commas; short parentheticals go.

    "Jason Sims - a teacher from Ohio - says" and "Sen. Kay Dunn (D-NY), a
    supporter, told" then take the comma-appositive path.
    """
    if "(" in left:
        left = _PAREN.sub("", left)
    if "-" in left or "\u2014" in left or "\u2013" in left:
        left = _DASH.sub(", ", left)
    return left


_PAREN = re.compile(r"\s*\([^()]{1,40}\)")


_DASH = re.compile(r"\s+(?:\u2014|\u2013|--|-)\s+|\u2014")


def _is_title_case(sentence: str) -> bool:
    """A headline such as "Jo Lee Says Acme Poses A Threat." (most words capitalised)."""
    words = _WORD_RE.findall(sentence)
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _cue_word_matches(masked: str, lowered: list[str]) -> Iterable[re.Match[str]]:
    """The words of `masked` that may be cues, given its words in lower case.

    In ASCII text, whose lower case keeps every letter where it is, the cue words
    found among the words are looked up where they stand; in other text, where
    lower() may change a length or make a letter, every word is returned for the
    caller to test.
    """
    if not masked.isascii():
        return _WORD_RE.finditer(masked)
    lower = masked.lower()
    starts = [
        at
        for cue in _CUE_WORDS.intersection(lowered)
        for at in context.whole_word_starts(lower, cue, str.isalpha)
    ]
    matches = (_WORD_RE.match(masked, at) for at in sorted(starts))
    return [m for m in matches if m is not None]  # (a run of letters starts at each)


def frames_in(masked: str) -> list[Frame]:
    """Every attribution frame in one (masked) sentence, in text order."""
    frames: list[Frame] = []
    if " by " in masked:
        for m in _PASSIVE_BY.finditer(masked):
            src = _according_to(masked[m.end() - 1 :])
            if src is not None:
                frames.append(Frame(src, m.group("cue"), True, m.start("cue")))
    lowered = context.lowered_words(masked)
    if _CUE_WORDS.isdisjoint(lowered):
        return frames  # most sentences report nothing: skip the per-word work
    title_case = None  # whether it reads as a headline: asked only of a capitalised cue
    for w in _cue_word_matches(masked, lowered):
        word = w.group()
        low = word.lower()
        if low not in _CUE_WORDS:
            continue
        if word[0].isupper() and low != "according" and w.start() > 0:
            if title_case is None:
                title_case = not ENDS_SENTENCE.search(masked[-3:]) or _is_title_case(masked)
            if not title_case:
                continue  # "the United States" is no cue (but "Smith Says ..." in a headline is)
        if low == "according":
            according = _ACCORDING_TO.match(masked, w.start())
            if according is None:
                continue
            w = according
        frame = _frame_at(masked, w)
        if frame is not None:
            frames.append(frame)
    return frames


_BEFORE_PARTICIPLE = re.compile(
    # A quotation's closing mark counts: its comma is masked with the quotation.
    r"(?:,[\"\u201d\u2019']?|[\"\u201d]|\bby|\bwhile|\s[-\u2013\u2014]|\u2014)\s*$"
)
# A document the clause's subject put out, right before the participle that gives its
# content: "Acme issued a statement saying", "Lee sent out a press release stating".
_PASSIVE_AUXILIARY_END = re.compile(r"\b(?:is|are|was|were|be|been|being|got|gets)\s*$")
_DOCUMENT_BEFORE_PARTICIPLE = re.compile(
    r"\b(?:issued?|issues|released?|releases|sent|sends|put|puts|posted|posts?|published"
    r"|publishes|wrote|writes|filed|files|circulated|distributed|emailed|tweeted)\s+(?:out\s+)?"
    r"(?:an?|its|his|her|their)\s+(?:[a-z-]+\s+)?(?:statement|release|letter|memo|e-?mail"
    r"|tweet|post|notice|message|video|ad|advertisement|filing|note)"
    r"(?:\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\s+(?:late|early)\s+[a-z]+)?\s*$"
)


# A quotation right after a verb that reports only then ("continued: “...”").
_QUOTATION_FOLLOWS = re.compile(r"\s*[:,]?\s*[\"\u201c]")
_PHRASAL = frozenset("called calls ruled rules pointed points spelled spelt".split())


_PARTICLE = re.compile(r"\s+(?P<p>on|out)\b(?P<of>\s+of\b)?")


# Which particle makes a reporting phrase of which verb ("ruled on Friday" is no cue).
_PARTICLE_OF = {"called": "on", "calls": "on", "ruled": "out", "rules": "out"}


# Present-tense cues that are also common nouns: only a verb when a clause follows.
_HOMOGRAPHS = frozenset(
    "states reports notes claims estimates forecasts projects calls fears demands".split()
)


_QUANTIFIER_BEFORE = re.compile(
    r"\b(?i:most|many|some|all|other|several|few|both|these|those|two|three|four|five)"
    r"\s+(?:[A-Z][\w-]*\s+){0,2}$"
)


_CLAUSE_FOLLOWS = re.compile(
    r"\s*(?:that|the|a|an|he|she|it|they|we|I|his|her|its|their|there|this|these|those|"
    r"[A-Z0-9\"\u201c:]|\d)"
)


_ENDS_CLAUSE = re.compile(r"\s*[.,;!?]")


# ", the Zembla Globe reports." / ", the ZFA fears,": a reporting clause.
_PARENTHETICAL_SUBJECT = re.compile(rf",\s*(?:the\s+)?(?:[a-z][\w-]*\s+)?{NAME_SEQ}\s*$")


_TO_AFTER = re.compile(r"\s+to\b")


_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?)\s+(?:[\w-]+\s+){0,3}$")


_PROGRESSIVE_AUX = re.compile(r"\b(?:is|are|was|were|isn[\u2019']t|wasn[\u2019']t)\s*$")


_LAST_WORD_RE = re.compile(r"\s*\b\S+\s*$")


_THE_BEFORE = re.compile(r"\b[Tt]he\s*$")


_BY_AFTER = re.compile(r"\s*by\b")


_FOR_AFTER = re.compile(r"\s*for\b")


_TO_BEFORE = re.compile(r"\bto\s*$")


_WENT_ON_TO = re.compile(r"\b(?:went|goes|go|going)\s+on\s+to\s*$|\btook\s+to\s+\w+\s+to\s*$")


_NO_INVERSION = frozenset("told tells telling".split())


_SUBORDINATE = re.compile(
    r"\b(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Ss]ince|[Aa]lthough|[Bb]ecause|[Oo]nce|[Uu]ntil|"
    r"[Ii]f|[Uu]nless)\s+[^,;]{0,50}$"
)


_SHARE_OF_PEOPLE = re.compile(
    r"(?:\d\s*%|\bper\s*cent|\bpercent|\bmajority|\bhalf|\bthirds?|\bquarters?)\s+of\s+"
    r"(?:the\s+|all\s+|those\s+)?(?:[A-Za-z][\w-]*\s+){0,3}$"
)


_OBJECT_RELATIVE = re.compile(
    r"\b(?:what|whatever|everything|anything|something|nothing|all)\s+"
    r"(?:[A-Z][\w.'\u2019-]*\s+){1,3}(?:\w+\s+){0,2}$"
)


_DATA_SUBJECT = re.compile(
    r"\b(?i:figures|data|statistics|numbers|report|survey|study|poll|research|analysis|"
    r"estimates)(?:,)?\s+(?:(?:published|released|compiled|issued)\s+)?(?:from|by|of)\s+"
    rf"(?:the\s+)?(?P<org>{NAME_SEQ})(?:\s*\([A-Z]{{2,}}\))?,?\s+(?:also\s+)?$"
)


# "add" reports speech ("she added", "he added that ...") unless it takes an amount
# or "to the" as its object: then something was added, not said.
_ADD_VERBS = frozenset(("add", "adds", "added", "adding"))
_ADDED_OBJECT = re.compile(
    r"\s*(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|another|"
    r"a\s+further|an\s+extra|a\s+net|a\s+record|just|only)\s+)*(?:[$\u00a3\u20ac\u00a5]|\d)"
    r"|\s+to\s+(?:the|its|their|his|her|a|an)\b",
    re.IGNORECASE,
)


# Cheap tests before the two end-anchored patterns, which would otherwise be tried at
# every position of the window before each cue: each match holds one of these words.
def _may_be_object_relative(near: str) -> bool:
    return "what" in near or "thing" in near or "all" in near


def _may_be_share_of(near: str) -> bool:
    return "of" in near and (
        "%" in near
        or "per" in near
        or "majority" in near
        or "half" in near
        or "third" in near
        or "quarter" in near
    )


def _frame_at(masked: str, m: re.Match[str]) -> Frame | None:
    """The frame of the cue word at m, when it has a source."""
    cue = m.group()
    low = cue.lower()
    if low.startswith("according"):
        low = "according to"
    # Bounded contexts keep pathological input (a 100,000-character sentence) linear.
    left, right = (
        masked[max(0, m.start() - 600) : m.start()],
        masked[m.end() : m.end() + 300],
    )
    if low not in PARTICIPLES:
        # The subject of a finite verb sits close to it; a bounded window keeps
        # the end-anchored patterns below linear.
        left = _normalise_left(left[-300:])
    if low == "according to":
        src = _according_to(right)
        return Frame(src, cue, True, m.start()) if src else None
    if low in _DATA_VERBS:
        data = _DATA_SUBJECT.search(left[-160:])
        if data is None or not data.group("org"):
            return None  # "official figures show": no named source
        name, _ = clean_name(data.group("org"))
        return Frame(Source(name, "name"), cue, False, m.start()) if name else None
    # End-anchored patterns only ever need the last few words: search a short
    # window, or they would rescan the whole left context at every position.
    near = left[-60:]
    if low in PARTICIPLES:
        if document := _DOCUMENT_BEFORE_PARTICIPLE.search(left[-80:]):
            # "Ko issued a statement saying ...": who put the document out speaks; not
            # who was sent one ("Ko was sent a letter saying ...")
            before = left[: len(left) - len(document.group())]
            if _PASSIVE_AUXILIARY_END.search(before[-20:]):
                return None
            src = _subject_before(before)
            return Frame(src, cue, True, m.start()) if src else None
        if _BEFORE_PARTICIPLE.search(near):
            # "Ko opened the summit, saying ...": the clause's subject speaks.
            src = _clause_subject(_BEFORE_PARTICIPLE.sub("", left))
            return Frame(src, cue, True, m.start()) if src else None
        if not _PROGRESSIVE_AUX.search(near):
            return None
        left = _LAST_WORD_RE.sub("", left)  # "Smith is telling": drop the auxiliary
        near = left[-60:]
    elif _THE_BEFORE.search(near) or _PASSIVE_BEFORE.search(near):
        return None  # "the said property", "is expected to"
    if _BY_AFTER.match(right) or (low.startswith("call") and _FOR_AFTER.match(right)):
        return None  # "claims by", "called for"
    if low in _ADD_VERBS and _ADDED_OBJECT.match(right):
        return None  # "employers added 517,000 jobs", "added to the pressure": no speech
    particle = _PARTICLE.match(right) if low in _PHRASAL else None
    if particle and _PARTICLE_OF.get(low, "out") != particle.group("p"):
        particle = None
    if low in ("pointed", "points") and not particle:
        return None  # only "pointed out" reports
    if low in ("continued", "continues") and not _QUOTATION_FOLLOWS.match(right):
        return None  # "Okafor continued: ..." reports; "prices continued to rise" does not
    if (
        low in _HOMOGRAPHS
        and not _CLAUSE_FOLLOWS.match(right)
        and not (_ENDS_CLAUSE.match(right) and _PARENTHETICAL_SUBJECT.search(near))
    ):
        return None  # "Republican claims.", "other Western states": nouns, not verbs
    if low in _HOMOGRAPHS and _QUANTIFIER_BEFORE.search(near):
        return None  # "Many Northern states that vote ...": a plural noun after a quantifier
    if low in ("adding", "admitted") and _TO_AFTER.match(right):
        return None  # "is adding to her lead"
    if low in ("called", "calls") and (_INDEFINITE_BEFORE.search(near) or near.endswith("so-")):
        return None  # "a new group called Black Votes Matter": naming, not saying
    if particle:
        if particle.group("of"):
            return None  # "Smith, ruled out of the match": not a statement
        cue = f"{cue} {particle.group('p')}"  # "called on", "ruled out", "pointed out"
    if _TO_BEFORE.search(near):
        if not _WENT_ON_TO.search(near):
            return None  # "to say": an intention, not a statement ("went on to say" is one)
        left = left[: len(left) - len(near)] + _WENT_ON_TO.sub("", near)
    core = low in CORE or low in PARTICIPLES
    stripped = left.rstrip()
    # "said X" can be inverted; "told X" never is (X is the one told).
    inverted = low not in _NO_INVERSION and (
        stripped.endswith((",", '"', "\u201d")) or not stripped
    )
    src = None
    if inverted:
        src, used = _subject_after(right)
        if src is not None:
            right = right[used:]
        else:
            inverted = False
    if src is None:
        if _may_be_object_relative(near) and _OBJECT_RELATIVE.search(near):
            return None  # "everything Smith says is true": not a statement frame
        if _may_be_share_of(near) and _SHARE_OF_PEOPLE.search(near):
            return None  # "40% of Texans say": a poll's respondents, not a source
        src = _subject_before(left)
    if src is None:
        return None
    via = None
    if low in {"told", "tells", "telling"}:
        t = _VIA_RE.match(right)
        if t and is_media(t.group("n")):
            via = t.group("n")
    subordinate = not inverted and bool(_SUBORDINATE.search(left[-80:]))
    return Frame(src, cue, core, m.start(), inverted, via, subordinate)


_THE_ONE_WORD = re.compile(r"^(?:the|The)\s+[A-Z][a-z]+$")
