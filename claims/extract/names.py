"""Names in news text: the vocabulary and the rules that read a capitalised sequence.

Shared by the frame finder (frames.py) and the resolver (coref.py): what counts
as a title ("Finance Minister"), an organisation ("... Institute"), a place, a
person's name; how "Zembla Finance Secretary Jo Smith" splits into a name and an
organisation; the reporting verbs. Package-internal: `__all__` lists what the
other modules of claims.extract use; none of it is claims.extract's public API.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from claims.extract import lexicon, places

__all__ = [
    "all_titles",
    "ANSWER_VERBS",
    "BUSINESS_NOUNS",
    "CALENDAR_NAMES",
    "clean_name",
    "COPULA",
    "CORE",
    "DEMONYM",
    "drop_leading",
    "ENDS_SENTENCE",
    "EVIDENCE_MODIFIERS",
    "FIRM_OPENING_TITLES",
    "FUNCTION_WORDS",
    "GEO_WORDS",
    "has_org_word",
    "initials",
    "is_geo_name",
    "is_media",
    "is_org_name",
    "is_people_plural",
    "is_person_name",
    "JOINT_NAME",
    "MEDIA_WORDS",
    "MODAL",
    "MONTHS",
    "NAME_SEQ",
    "NAME_SEQ_RE",
    "name_sequences",
    "OFFICES",
    "ORG_NOMINALS",
    "ORG_WORDS",
    "PARTICIPLES",
    "PERSON_NOMINALS",
    "PERSON_SHAPE",
    "POSITION_VERBS",
    "PRONOUNS",
    "ROLE_WORDS",
    "SAYING_VERBS",
    "SHARE_TRAIT",
    "split_affiliation",
    "split_possessive",
    "strip_trailing_place",
    "TITLES",
    "TOKEN",
    "VERBS",
    "VOTE_EVENT",
    "WEEKDAYS",
]

# Reporting verbs that make a sentence's content a statement by their subject.
# Core verbs almost always report speech; broad verbs report a position and are
# only accepted with a named (not pronoun-only) source or a quotation.
_CORE_VERBS = (
    "said says say told tells added adds wrote writes stated states reported reports "
    "estimated estimates projected projects forecast forecasts predicted predicts "
    "announced announces noted notes warned warns admitted admits explained explains "
    "argued argues claimed claims insisted insists acknowledged acknowledges confirmed "
    "confirms revealed reveals stressed stresses declared declares asserted asserts "
    "observed observes remarked replied responded recalled testified tweeted conceded "
    "concedes contended countered cautioned cautions disclosed emphasized emphasised "
    "emphasizes emphasises"
).split()


_BROAD_VERBS = (
    "concluded concludes found finds denied denies suggested suggests pledged pledges "
    "promised promises vowed vows urged urges complained blamed blames accused accuses "
    "described describes hailed welcomed questioned believes believed expects "
    "thinks hinted predicted agreed ruled rules backed backs cited cites highlighted "
    "highlights branded brands credited credits dismissed dismisses criticised criticized "
    "criticises criticizes condemned condemns praised praises rejected rejects demanded "
    "demands recommended recommends proposed proposes fears welcomes called calls "
    "acknowledged acknowledges pointed points voiced continued continues documented "
    "calculates pegged pegs"
).split()


VERBS = sorted(set(_CORE_VERBS) | set(_BROAD_VERBS), key=len, reverse=True)


# Broad verbs that take a stance on something rather than report findings: in "the
# firms welcomed the panel's decision to drop a $45bn claim" or "X denied paying
# $5m", the figures are the article's own, not the source's. ("found", "concluded",
# "suggested" and the like report what the source measured and stay out.)
POSITION_VERBS = frozenset(
    "denied denies pledged pledges promised promises vowed vows urged urges complained "
    "blamed blames accused accuses hailed welcomed welcomes questioned agreed ruled rules "
    "backed backs branded brands credited credits dismissed dismisses criticised criticized "
    "criticises criticizes condemned condemns praised praises rejected rejects demanded "
    "demands called calls".split()
)


CORE = frozenset(_CORE_VERBS)


PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "org",
    "they": "plural",
    "we": "plural",
    "i": "self",
}


# Words that make a capitalised sequence an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    group institute institution agency ministry bank solutions news association treasury
    pentagon cabinet federal reserve fed nations embassy consulate prosecutors
    department police party university corp corporation inc ltd plc llc co council
    committee commission office union alliance times post journal radio tv television
    fund foundation federation court service services board organisation organization
    center centre labs laboratories capital partners securities research network
    company industries holdings bureau authority administration government parliament
    congress senate house assembly club league team network insights analytics
    intelligence economics consultancy website magazine herald tribune telegraph
    guardian gazette press daily weekly channel broadcasting broadcaster reuters
    bloomberg kcna yonhap afp ap cnn bbc nbc abc cbs fox msnbc schools school hospital college
    division
    society trust forum council watch project campaign movement coalition front
    army navy force forces command exchange markets market index airlines motors
    systems technologies software energy oil petroleum pharmaceuticals media studies
    mining minerals metals foods pharma insurance ventures resources
    logistics shipping railways telecom telecoms communications electronics chemicals
    construction properties realty entertainment pictures airways utilities
    """.split()
)  # a company's industry word ends no person's name ("Acme Mining"; not "Steel", "Power")


# Outlets: when a person spoke and one of these carried it, it is `via`.
MEDIA_WORDS = frozenset(
    """
    news agency media times post journal radio tv television herald tribune telegraph
    guardian gazette press channel broadcaster broadcasting reuters bloomberg kcna
    yonhap afp ap cnn bbc nbc abc cbs fox msnbc website newspaper paper magazine
    xinhua tass kyodo programme program show daily weekly
    """.split()
)


# Days, months and holidays: capitalised words that name a time, never a surname or a
# contest.
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS = frozenset(
    """January February March April May June July August September October November
    December""".split()
)
CALENDAR_NAMES = (
    WEEKDAYS
    | MONTHS
    | frozenset("Christmas Easter Thanksgiving Ramadan Hanukkah Diwali Halloween".split())
)


# Titles and roles that precede a name and are not part of it.
TITLES = frozenset(
    """
    gov pres amb atty hon supt insp det adm cmdr maj
    mr mrs ms miss dr prof professor president vice minister secretary chancellor
    premier governor senator sen rep representative congressman congresswoman mayor
    judge justice chairman chairwoman chair chief director commissioner general gen
    col colonel lt captain capt sgt sergeant admiral major leader king queen prince
    princess lord lady pope bishop father rev reverend ambassador spokesman
    spokeswoman spokesperson executive officer ceo cfo coo manager head editor
    analyst economist strategist adviser advisor aide deputy assistant attorney
    sheriff inspector superintendent constable detective officer coach manager
    captain striker midfielder defender goalkeeper star singer actor actress
    candidate nominee hopeful frontrunner speaker whip founder owner boss president-elect
    vice-president chief-executive envoy counsel prosecutor lawyer researcher scientist
    professor official expert chairperson principal
    """.split()
)


# Capitalised words that start sentences or clauses and are never a source.
FUNCTION_WORDS = frozenset(
    """
    the a an but and or so yet in on at as for of to from with by after before
    however while when where if although though because since meanwhile also still
    this that these those there here it its he she they we i his her their our my
    earlier later last next then now today yesterday tomorrow asked speaking
    according instead indeed moreover furthermore yes no not even only just why what
    how who which monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec one alongside despite
    does do did is are was were has have had can could would should will shall must
    during following amid among under over within without about through across
    against toward towards behind beyond near unlike like including wherever whenever
    whatever whoever whichever all each every both other others several many most few
    """.split()
)
# Words that open a mention of figures without naming whose they are, capitalised as a
# sentence opens: "Several polls show", "Subsequent estimates put", "New data show".
EVIDENCE_MODIFIERS = frozenset(
    """Several Subsequent Initial Recent New Latest Other Separate Previous Earlier Later
    Further Additional Preliminary Early Final Official Various Numerous Multiple Many Most
    Some Independent Internal Unofficial Revised Updated Fresh Older""".split()
)


# Verbs by which the people a poll asked say what they think: "57% say", "a third
# believe", "13 percent were unsure".
SAYING_VERBS = (
    r"(?:say|says|said|think|thought|believe|believed|expect|expected|want|wanted|agree"
    r"|agreed|disagree|disagreed|describe|described|oppose|opposed|answered|responded"
    r"|replied|rated|(?:are|were)\s+(?:not\s+sure|unsure|undecided|uncertain))"
)
# The copula, which links a share to what the people it stands for are ("78% were white").
COPULA = r"(?:were|are|was|is)"
# What a share of a group is by age, race, faith or sex, after the copula: "45 or older",
# "over 65", "18 to 29", "white", "Latino", "women" (not "men's shoes", "over 2 points").
SHARE_TRAIT = (
    r"(?:(?:aged\s+|ages\s+)?(?:over|under|older\s+than|younger\s+than)\s+\d+"
    r"|(?:aged\s+|ages\s+)?\d+\s+(?:or|and)\s+(?:older|younger|over|under|up)"
    r"|(?:aged\s+|ages\s+|between\s+)?\d+\s+(?:to|and)\s+\d+"
    r"|white|black|Black|Latino|Latina|Hispanic|Asian(?:\s+American)?|African[\s-]American"
    r"|women|men|female|male|Catholic|Protestant|evangelical|Evangelical|Jewish|Muslim)"
    r"\b(?!['’]|\s+(?:points?|percent|per\s+cent|times)\b)"
)
# A vote held on one day, whose results a figure may be: "the primary", "the caucuses".
VOTE_EVENT = r"(?:primar(?:y|ies)|caucus(?:es)?|referendum|elections?)\b"
# Modal verbs: what would, could or will happen is no result ("Lee would beat Ng 48% to
# 44%", "she'd take 8% of the vote").
MODAL = r"(?:would|could|might|will|can|may)"
# ... or whom they back or name: "45% support Okafor", "55 percent named Britain".
ANSWER_VERBS = (
    rf"(?:{SAYING_VERBS}|prefer|preferred|support|supported|back|backed|name|named|chose"
    r"|choose|picked)"
)


# Nouns for a kind of business, which stand for the company last named: "the firm cut
# 300 jobs", "the carmaker said". Not "bank" (a central bank is another body) nor
# bodies of state ("the ministry"), which are ORG_NOMINALS only.
BUSINESS_NOUNS = frozenset(
    """
    company firm group business lender carrier airline carmaker automaker drugmaker
    chipmaker manufacturer maker retailer insurer operator broadcaster publisher giant
    corporation conglomerate brewer supermarket supplier utility
    """.split()
)


ORG_NOMINALS = BUSINESS_NOUNS | frozenset(
    """
    ministry department government bank agency institute committee council union party
    organisation organization website newspaper paper campaign commission office
    authority administration regulator watchdog board network institution chain
    """.split()
)


PERSON_NOMINALS = frozenset(
    "spokesman spokeswoman spokesperson adviser advisor aide official representative "
    "strategist source officials aides sources advisers spokespeople executives employee "
    "employees staffer staffers supporters fans associates confidants colleagues".split()
)


# A word of a proper name: "Ko", "Dae-ryun", "O'Brien", "McDonald's", "7Zed",
# "21Acme", "eBay", "U.S.", "J." (initial). A digit run is tried once, from its
# first digit and without backtracking, or a long run of digits costs quadratic time.
TOKEN = (
    r"(?:(?:[A-Z]\.){1,3}(?![a-z])|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof)\."
    r"|[A-Z][\w'\u2019&-]*\w|[A-Z]|(?<!\d)\d++[A-Za-z][\w-]*|[a-z]{1,2}[A-Z][\w-]*"
    r"|[\"\u201c][A-Z][\w.'-]{0,12}[\"\u201d](?=[^\S\n]+[A-Z]))"  # Jo "JJ" Smith
)


_CONNECT = r"(?:of|for|and|de|del|della|da|di|du|van|von|der|den|bin|al|el|le|la|&)"


# Words of a name never run across a line break (a headline above a paragraph).
# The lookahead only restates what a token must start with, so the scanner can
# skip most positions without trying every alternative (2-3 times faster).
NAME_SEQ = (
    r"(?=[A-Z\d\"\u201c]|[a-z]{1,2}[A-Z])"
    rf"{TOKEN}(?:[^\S\n]+(?:{_CONNECT}[^\S\n]+(?:the[^\S\n]+)?)?{TOKEN})*"
)
# Names written together with a slash: pollsters that field one poll ("Acme/Beacon").
JOINT_NAME = rf"{NAME_SEQ}(?:/{NAME_SEQ})*"


NAME_SEQ_RE = re.compile(NAME_SEQ)
# Where a name can start: a capital, a quotation mark or the first of a run of digits.
# The pattern opens with the class, which the engine scans for quickly.
_NAME_START_RE = re.compile(r"[A-Z\d\"\u201c](?<!\d\d)")


def name_sequences(text: str) -> Iterator[re.Match[str]]:
    """NAME_SEQ_RE.finditer(text), found faster: the pattern is only tried where a name
    can start, at a capital, a quotation mark or a run of digits, and at the one or two
    lower-case letters before a capital ("eBay"), instead of at every position of the
    article."""
    pos = 0
    while (start := _NAME_START_RE.search(text, pos)) is not None:
        at = start.start()
        m = None
        if at - 1 >= pos and "a" <= text[at - 1] <= "z":
            if at - 2 >= pos and "a" <= text[at - 2] <= "z":
                m = NAME_SEQ_RE.match(text, at - 2)
            m = m or NAME_SEQ_RE.match(text, at - 1)
        m = m or NAME_SEQ_RE.match(text, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


# Participles that report speech for the clause's subject: "..., saying that ...".
PARTICIPLES = frozenset(
    "saying telling writing adding noting arguing warning declaring explaining insisting "
    "stating predicting announcing tweeting".split()
)


PERSON_SHAPE = re.compile(r"^[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z]+|-[A-Z])?$|^[A-Z]\.?$")


def clean_name(raw: str) -> tuple[str | None, str | None]:
    """Split "Zembla Finance Secretary Jo Smith" into ("Jo Smith", "Zembla Finance").

    Returns (name, org-from-prefix). Leading function words and titles go.
    """
    split = raw.split()
    if len(split) >= 3 and split[0] == "One" and all(w[:1].isupper() for w in split[1:]):
        words = split  # "One America News Network": a name that opens on "One"
    else:
        words = drop_leading(split, FUNCTION_WORDS)
    if not words:
        return None, None
    # The last title word splits an organisation prefix from the person's name.
    cut = -1
    for i, w in enumerate(words[:-1]):
        if w.lower().strip(".") in TITLES or w.lower() in {
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "prof",
        }:
            cut = i
    if (
        cut >= 0
        and words[cut + 1] == "of"
        and len(words) > cut + 3
        and is_person_name(" ".join(words[cut + 3 :]))
    ):
        cut += 2  # "Secretary of State Jo Smith": a title with its office, then the name
    elif cut >= 0 and (words[cut + 1][:1].islower() or words[cut - 1 : cut] == ["the"]):
        cut = -1  # a title inside a body's name: "Office of the Chief Harbour Master"
    if cut < 0 or _body_of(words, cut) or _firm_named_by_title(words, cut):
        return " ".join(words), None
    name_words = words[cut + 1 :]
    prefix = words[:cut]
    # Honorifics such as "Sir" stay part of the name ("Sir Jo Smith").
    org = " ".join(prefix) if prefix and _looks_like_org_prefix(prefix) else None
    return " ".join(name_words), org


# Offices one person holds, written after the place or body they hold it in: "the
# Westmarch governor", "the Acme chairman" is that person, not the place or the firm.
OFFICES = frozenset(
    """governor senator mayor president premier minister chancellor congressman
    congresswoman representative lawmaker nominee frontrunner chairman chairwoman
    boss""".split()
)


# Title words that also open the names of firms and places ("General Electric", "King
# Street", "Chief Executive", "Major League"), not only a person's surname.
FIRM_OPENING_TITLES = frozenset(
    """general gen king queen prince princess lord lady chief major leader head father
    executive officer manager editor director captain capt star""".split()
)


def _firm_named_by_title(words: list[str], cut: int) -> bool:
    """Whether "General" opens a firm's name: an adjective or a plural after it
    ("General Electric", "General Mills"), not a surname ("General Petraeus", "General
    Lee")."""
    return (
        cut == 0
        and len(words) == 2
        and words[0].lower() == "general"
        and lexicon.names_a_kind_of_firm(_drop_possessive(words[1]))
    )


def _body_of(words: list[str], cut: int) -> bool:
    """Whether the words are one body's name ("Office of the Chief Harbour Master"): an
    organisation word with "of" or "for" opens it and no person's name follows the last
    title word (as "Bank of Zembla governor Jo Smith" has)."""
    if not (len(words) > 2 and words[0].lower() in ORG_WORDS and words[1] in ("of", "for")):
        return False
    return not is_person_name(" ".join(words[cut + 1 :]))


def drop_leading(words: list[str], drop: frozenset[str]) -> list[str]:
    """The words after the leading ones in `drop` (one slice: popping the front one
    at a time is quadratic on a long run such as "A. A. A. ...")."""
    i = 0
    while i < len(words) and words[i].lower().strip(".") in drop:
        i += 1
    return words[i:]


def _looks_like_org_prefix(words: list[str]) -> bool:
    """ "Zembla Treasury", "Acme Police", "ZTA" yes; "Ruritanian", "Home" no."""
    last = _drop_possessive(words[-1])
    if last.lower() in ORG_WORDS:
        return True
    return len(words) == 1 and last.isupper() and len(last) >= 2


def initials(words: list[str]) -> str:
    """The capitals' initials of a name's words: "Office of Harbour Works" -> "OHW"."""
    return "".join(w[0] for w in words if w[:1].isupper())


@functools.lru_cache(maxsize=16384)
def is_org_name(name: str) -> bool:
    """Whether a cleaned name reads as an organisation rather than a person."""
    words = name.replace("'s", "").split()
    if any(w.lower().strip(".,") in ORG_WORDS for w in words):
        return True
    if len(words) == 1:
        w = words[0]
        return (
            w.isupper()
            or any(map(str.isdigit, w))
            or not (PERSON_SHAPE.match(w) or _CAMEL_SURNAME.match(w))
        )
    return not is_person_name(" ".join(words))


def is_geo_name(name: str) -> bool:
    return name.lower() in GEO_WORDS or name in _GEO_ACRONYMS


def has_org_word(name: str) -> bool:
    return any(w.lower() in ORG_WORDS for w in name.split())


def is_media(name: str) -> bool:
    return any(_drop_possessive(w).lower().strip(".,") in MEDIA_WORDS for w in name.split())


def _drop_possessive(word: str) -> str:
    """ "Reuters'" -> "Reuters", "BBC's" -> "BBC" (never "Reuters" -> "Reuter")."""
    return _POSSESSIVE_SUFFIX.sub("", word)


_POSSESSIVE_SUFFIX = re.compile(r"['\u2019]s?$")


# Nationality and party words: "The Ruritanian added", "the Republican said" refer to
# a person named before; as an organisation prefix they name nobody.
DEMONYM = re.compile(
    r"(?:ian|ean|ese|ish)$|^(?:American|Korean|Mexican|Cuban|African|Dominican|Puerto|"
    r"Afghan|German|Roman|Moroccan|Venezuelan|Chilean|Peruvian|Iraqi|Israeli|Pakistani|"
    r"Saudi|Kuwaiti|Somali|Yemeni|Qatari|Emirati|Thai|French|Dutch|Greek|Swiss|Czech|"
    r"Welsh|Scots|Republican|Democrat|Democratic|Catholic|Muslim|Jewish|Islamic|Arab|"
    r"Asian|European|Latino|Hispanic|Black|White)$"
)


GEO_WORDS = frozenset(
    """
    north south east west new united kingdom states republic america europe asia africa
    street city county island islands sea river gulf middle york london washington
    beijing seoul tokyo paris berlin moscow brussels korea china japan russia france
    germany britain england scotland wales ireland india iran iraq syria israel canada
    australia italy spain mexico brazil pyongyang wall downing malaysia indonesia
    singapore thailand vietnam philippines taiwan hong kong pakistan afghanistan
    bangladesh egypt libya tunisia algeria morocco nigeria kenya ethiopia ghana
    sudan somalia yemen saudi arabia qatar kuwait jordan lebanon turkey greece
    portugal netherlands belgium switzerland austria sweden norway denmark finland
    poland ukraine belarus hungary romania bulgaria serbia croatia argentina chile
    peru colombia venezuela cuba ecuador bolivia zealand zimbabwe
    """.split()
)


# Compared as written: "UN" is a place or body, "Un" in "Ko Dae Un" a name.
_GEO_ACRONYMS = frozenset("US UK USA EU UN UAE U.S. U.K. U.N. E.U.".split())


ROLE_WORDS = TITLES | frozenset(
    """
    official executive leader spokesman spokeswoman analyst economist chief head voter
    resident student supporter activist strategist pollster donor worker owner teacher
    farmer engineer doctor nurse lawyer historian author writer commentator columnist
    host anchor reporter correspondent consultant operative organizer organiser delegate
    member veteran businessman businesswoman entrepreneur investor trader banker
    physician surgeon neurosurgeon pastor rabbi priest imam adviser advisor aide
    congressman senator governor mayor chairman
    """.split()
)


_INITIAL_OR_PARTICLE = re.compile(r"^[A-Z]\.$|^(?:de|van|von|bin|al)$|^(?:Jr|Sr)\.?$|^I{2,3}$|^IV$")


_CAMEL_SURNAME = re.compile(r"^(?:Mc|Mac|O'|O\u2019)?[A-Z][a-z]+(?:[A-Z][a-z]+)?$")


# Places that are also first names: "Georgia Smith", "Jordan Lee" may be people.
_PLACES_GIVEN_AS_NAMES = frozenset(
    """Georgia Virginia Jordan Chad India Israel Paris Victoria Kenya Montana Florence
    Carolina Dakota Sydney Madison Austin Washington Lincoln Chelsea Brooklyn""".split()
)


def is_people_plural(word: str) -> bool:
    """A plural of a people's word: "Americans", "Hispanics", "Republicans", "Canadians"
    (a country's demonym, or one DEMONYM lists by name; a surname that only ends like
    one, "Deans", is none)."""
    if not word.endswith("s"):
        return False
    singular = word[:-1]
    listed = DEMONYM.search(singular) and not _DEMONYM_SUFFIX_RE.search(singular)
    return bool(listed) or singular in _PEOPLES or places.demonym_country(singular) is not None


# Peoples of a continent, a faith or a city, whose words end like surnames ("Deans"), and
# voters by their allegiance ("Independents", as polls capitalise them).
_PEOPLES = frozenset(
    """European Asian African Christian Hawaiian Parisian Londoner Caribbean Scandinavian
    Palestinian Evangelical Protestant Anglican Presbyterian Lutheran Episcopalian
    Independent""".split()
)


_DEMONYM_SUFFIX_RE = re.compile(r"(?:ian|ean|ese|ish)$")


@functools.lru_cache(maxsize=16384)
def is_person_name(name: str) -> bool:
    """Two to five name-shaped words, none of them an organisation or place word."""
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    first = words[0].lower()
    if len(first) > 5 and first.endswith(("ed", "ing")):
        return False  # "Dismissed Jo Smith" is a headline, not a name
    if words[0] not in _PLACES_GIVEN_AS_NAMES and places.is_country_or_us_state(words[0]):
        return False  # "Wisconsin Smith rally" in a headline: a place before a surname
    if is_people_plural(words[-1]):
        return False  # "Asian Americans", "Young Republicans": a group of people
    for w in words:
        if w[0] in '"\u201c':
            continue  # a nickname: Jo "JJ" Smith
        low = w.lower().strip(".")
        if low in ORG_WORDS or low in GEO_WORDS or w in _GEO_ACRONYMS:
            return False
        if not (PERSON_SHAPE.match(w) or _INITIAL_OR_PARTICLE.match(w) or _CAMEL_SURNAME.match(w)):
            return False
    return True


# Compiled once: coreference splits every name of an article with these.
_TRAILING_PLACE_RE = re.compile(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$")
_AFFILIATION_RE = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")
_ONE_WORD_NAME_RE = re.compile(r"^[A-Z][\w'-]+$")
_POSSESSIVE_NAME_RE = re.compile(r"^(?P<owner>.+?)['\u2019]s\s+(?P<rest>[A-Z].*)$")


def strip_trailing_place(org: str) -> str:
    """ "Acme Institute for Zembla Studies in Ruritania" -> without " in Ruritania"."""
    m = _TRAILING_PLACE_RE.search(org)
    return org[: m.start()] if m else org


def split_affiliation(name: str) -> tuple[str, str | None]:
    """ "Ko Dae-ryun of the Acme Institute" -> ("Ko Dae-ryun", "Acme Institute")."""
    m = _AFFILIATION_RE.search(name)
    if not m:
        return name, None
    head, tail = name[: m.start()], name[m.end() :]
    if not tail or not is_person_name(head) and not _ONE_WORD_NAME_RE.match(head):
        return name, None  # "Bank of Zembla" is one name
    if is_org_name(head):
        return name, None
    return head, strip_trailing_place(tail)


def split_possessive(name: str) -> tuple[str, str | None]:
    """ "Acme's Daily Globe" -> ("Daily Globe", "Acme"); "People's Bank", "Women's
    Beacon Fund" stay one name: a group of people before a body names what it is for."""
    m = _POSSESSIVE_NAME_RE.match(name)
    if m and m.group("owner").lower() not in _PEOPLE_OWNERS:
        return m.group("rest"), m.group("owner")
    return name, None


_PEOPLE_OWNERS = frozenset(
    "people women men children workers citizens veterans farmers students".split()
)


def all_titles(name: str) -> bool:
    return all(w.lower().strip(".") in ROLE_WORDS for w in name.split())


ENDS_SENTENCE = re.compile(r"[.!?\"'\u201d\u2019)]\s*$")
