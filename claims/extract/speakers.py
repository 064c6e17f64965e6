"""The machinery behind attribution.py: frames, names, quotations, resolution.

Everything here works on offsets into the unchanged article text. Quoted
material is masked (letters replaced by "x") before looking for attribution
frames, so that words inside a quotation never act as a cue or a speaker.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

# --------------------------------------------------------------------------- vocab

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
    "described describes hailed welcomed questioned believes believed expects expected "
    "thinks hinted predicted agreed ruled rules backed backs cited cites highlighted "
    "highlights branded brands credited credits dismissed dismisses criticised criticized "
    "criticises criticizes condemned condemns praised praises rejected rejects demanded "
    "demands recommended recommends proposed proposes fears feared welcomes called calls "
    "acknowledged acknowledges pointed points"
).split()
_VERBS = sorted(set(_CORE_VERBS) | set(_BROAD_VERBS), key=len, reverse=True)
_CORE = frozenset(_CORE_VERBS)

_PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "org",
    "they": "plural",
    "we": "plural",
    "i": "self",
}

# Words that make a capitalised sequence an organisation rather than a person.
_ORG_WORDS = frozenset(
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
    bloomberg kcna yonhap afp ap cnn bbc nbc abc cbs fox msnbc schools school hospital
    society trust forum council watch project campaign movement coalition front
    army navy force forces command exchange markets market index airlines motors
    systems technologies software energy oil petroleum pharmaceuticals media studies
    """.split()
)

# Outlets: when a person spoke and one of these carried it, it is `via`.
_MEDIA_WORDS = frozenset(
    """
    news agency media times post journal radio tv television herald tribune telegraph
    guardian gazette press channel broadcaster broadcasting reuters bloomberg kcna
    yonhap afp ap cnn bbc nbc abc cbs fox msnbc website newspaper paper magazine
    xinhua tass kyodo programme program show daily weekly
    """.split()
)

# Titles and roles that precede a name and are not part of it.
_TITLES = frozenset(
    """
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
# Honorifics kept out of the name but which mark what follows as a person.
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame".split())

# Capitalised words that start sentences or clauses and are never a source.
_FUNCTION_WORDS = frozenset(
    """
    the a an but and or so yet in on at as for of to from with by after before
    however while when where if although though because since meanwhile also still
    this that these those there here it its he she they we i his her their our my
    earlier later last next then now today yesterday tomorrow asked speaking
    according instead indeed moreover furthermore yes no not even only just why what
    how who which monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec one alongside despite
    during following amid among under over within without about through across
    against toward towards behind beyond near unlike like including
    """.split()
)

# Nouns that make "the X" / "a X" a source worth keeping (resolved when possible).
_SOURCE_NOUNS = frozenset(
    """
    company firm group ministry department government bank report study survey court
    spokesman spokeswoman spokesperson agency institute committee council union party
    organisation organization statement website newspaper paper campaign commission
    office authority administration regulator watchdog board insurer lender carrier
    airline retailer broadcaster network manufacturer maker giant operator
    """.split()
)
_ORG_NOMINALS = frozenset(
    """
    company firm group ministry department government bank agency institute committee
    council union party organisation organization website newspaper paper campaign
    commission office authority administration regulator watchdog board insurer lender
    carrier airline retailer broadcaster network manufacturer maker giant operator
    institution
    """.split()
)
_PERSON_NOMINALS = frozenset(
    "spokesman spokeswoman spokesperson adviser advisor aide official representative "
    "strategist source officials aides sources advisers spokespeople executives".split()
)

# --------------------------------------------------------------------------- regexes

_QUOTE_CHARS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
_OPENING = "\u201c\u201e\u00ab"
_CLOSING = "\u201d\u00bb"

# A word of a proper name: "Kim", "Myong-hyun", "O'Brien", "McDonald's", "4Cast",
# "38North", "eBay", "U.S.", "J." (initial).
_TOKEN = (
    r"(?:(?:[A-Z]\.){1,3}(?![a-z])|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof)\."
    r"|[A-Z][\w'\u2019&-]*\w|[A-Z]|\d+[A-Za-z][\w-]*|[a-z]{1,2}[A-Z][\w-]*)"
)
_CONNECT = r"(?:of|for|and|de|del|della|da|di|du|van|von|der|den|bin|al|el|le|la|&)"
_NAME_SEQ = rf"{_TOKEN}(?:\s+(?:{_CONNECT}\s+(?:the\s+)?)?{_TOKEN})*"
_NAME_SEQ_RE = re.compile(_NAME_SEQ)
_TOKEN_RE = re.compile(_TOKEN)

_VERB_ALT = "|".join(_VERBS)
# Participles that report speech for the clause's subject: "..., saying that ...".
_PARTICIPLES = frozenset(
    "saying telling writing adding noting arguing warning declaring explaining insisting "
    "claiming stating predicting announcing tweeting".split()
)
_PARTICIPLE_ALT = "|".join(sorted(_PARTICIPLES))
# Scanning words and looking them up in a set is several times faster than one
# big alternation regex over every sentence.
_CUE_WORDS = frozenset(_VERBS) | _PARTICIPLES | {"according"}
_WORD_RE = re.compile(r"[A-Za-z]+")
_ACCORDING_TO = re.compile(r"according\s+to\b", re.IGNORECASE)
# "was first reported by MSNBC": the agent of a passive reporting verb.
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+|first\s+)*"
    r"(?P<cue>reported|announced|confirmed|disclosed|revealed|estimated|projected|"
    r"forecast|predicted|stated|noted|quoted|cited|published|broadcast|recorded)\s+by\s+",
    re.IGNORECASE,
)

# Auxiliaries, adverbs and time phrases between a subject and its verb.
# Case-sensitive on purpose: "Kelly" or "Paradis" must never lose "ly" or "is".
_PRE_VERB_FILLER = re.compile(
    r"(?:\s*\b(?:has|have|had|was|were|is|also|later|earlier|previously|then|again|"
    r"repeatedly|recently|reportedly|once|further|similarly|separately|publicly|"
    r"privately|first|initially|subsequently|often|always|never|frequently|already|"
    r"just|originally|famously|flatly|bluntly|simply|would|will|could|may|might|[a-z]+ly|"
    r"at\s+the\s+time|at\s+one\s+point|in\s+\d{4}|on\s+(?:Twitter|Facebook|television)|"
    r"(?:last|this|next)\s+(?:week|month|year|[A-Z]\w+day)|on\s+[A-Z]\w+day|in\s+[A-Z]\w+day|"
    r"in\s+a\s+statement|in\s+an\s+interview|this\s+past\s+\w+|earlier\s+this\s+\w+|(?:on|in)\s+(?:an?|his|her|its|their)\s+[a-z]+)"
    r")+\s*$"
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{0,40}\))?"
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
_CAP_WORD = re.compile(r"[A-Z]")
_APPOSITIVE_ORG = re.compile(
    rf"\b(?:of|at|for|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?P<org>{_NAME_SEQ})"
)
_DESCRIBED_ORG = re.compile(rf"{_NAME_SEQ}(?:\s+[a-z][\w-]*){{1,2}}\s+(?P<org>{_NAME_SEQ})")
_POSSESSIVE_ORG = re.compile(rf"^\s*(?:an?\s+|the\s+)?(?P<org>{_NAME_SEQ})['\u2019]s?\b")
_LEADING_ORG = re.compile(rf"^\s*(?P<org>{_NAME_SEQ})\s+[a-z]")
_TRAILING_PLACE = re.compile(r"\s+(?:in|at|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$")
_SPACE_RE = re.compile(r"\s+")
_PERSON_SHAPE = re.compile(r"^[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z]+|-[A-Z])?$|^[A-Z]\.?$")


@dataclass
class Hit:
    """An attribution found for one sentence (before wrapping in Attribution)."""

    kind: str
    speaker: str | None
    org: str | None
    cue: str | None
    via: str | None
    confidence: float
    inherited: bool = False  # carried over from an earlier sentence of the quotation


@dataclass
class _Source:
    """A source as the frame names it, before resolution."""

    text: str  # the name or pronoun or nominal as written
    form: str  # "name" | "pronoun" | "nominal"
    org: str | None = None


# --------------------------------------------------------------------------- quotes


_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")
_PARAGRAPH_LINE = re.compile(r"[^\n]+")


def quote_regions(text: str) -> list[tuple[int, int, int]]:
    """Quoted stretches as (start, end, group): marks included, end exclusive.

    A quotation left open at the end of a paragraph continues when the next
    paragraph opens with a quote mark (the newspaper convention); so does one
    left open when a new opening mark follows (paragraphs run together on one
    line). Such regions share a group number so that one speaker covers them.
    """
    regions: list[tuple[int, int, int]] = []
    group = 0
    carry = False  # the previous paragraph ended inside a quotation
    for para in _PARAGRAPH_LINE.finditer(text):
        p_start, p_end = para.span()
        first = text[p_start:p_end].lstrip()
        if not (carry and first[:1] in _QUOTE_CHARS):
            group += 1
        carry = False
        open_at = -1
        for q in _QUOTE_MARK.finditer(text, p_start, p_end):
            i = q.start()
            opening = _is_opening_mark(text, i, p_start, p_end)
            if open_at < 0:
                if opening:
                    open_at = i
            elif opening:
                # An opening mark inside an open quotation: the old one ran on
                # unclosed, as at a paragraph break; the new one continues it.
                regions.append((open_at, i, group))
                open_at = i
            else:
                regions.append((open_at, i + 1, group))
                open_at = -1
                group += 1
        if open_at >= 0:
            regions.append((open_at, p_end, group))
            carry = True
    return regions


def _is_opening_mark(text: str, i: int, p_start: int, p_end: int) -> bool:
    """Whether the quote mark at i opens a quotation (by its shape or its neighbours)."""
    ch = text[i]
    if ch in _OPENING:
        return True
    if ch in _CLOSING:
        return False
    before_ok = i == p_start or text[i - 1].isspace() or text[i - 1] in "([{\u2014-:"
    after_ok = i + 1 < p_end and not text[i + 1].isspace() and text[i + 1] not in ".,;:!?)"
    return before_ok and after_ok


def mask_quotes(text: str, regions: list[tuple[int, int, int]]) -> str:
    """The text with every letter inside quotation marks replaced by "x"."""
    if not regions:
        return text
    parts: list[str] = []
    last = 0
    for start, end, _ in regions:
        parts.append(text[last : start + 1])
        inner = text[start + 1 : end]
        parts.append(re.sub(r"[^\s\"\u201c\u201d]", "x", inner))
        last = end
    parts.append(text[last:])
    return "".join(parts)


# --------------------------------------------------------------------------- names


def _clean_name(raw: str) -> tuple[str | None, str | None]:
    """Split "US Treasury Secretary John Snow" into ("John Snow", "US Treasury").

    Returns (name, org-from-prefix). Leading function words and titles go.
    """
    words = raw.split()
    while words and words[0].lower().strip(".") in _FUNCTION_WORDS:
        words.pop(0)
    if not words:
        return None, None
    # The last title word splits an organisation prefix from the person's name.
    cut = -1
    for i, w in enumerate(words[:-1]):
        if w.lower().strip(".") in _TITLES or w.lower() in {
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "prof",
        }:
            cut = i
    if cut < 0:
        return " ".join(words), None
    name_words = words[cut + 1 :]
    prefix = words[:cut]
    # Honorifics such as "Sir" stay part of the name ("Sir John Stevens").
    org = " ".join(prefix) if prefix and _looks_like_org_prefix(prefix) else None
    return " ".join(name_words), org


def _looks_like_org_prefix(words: list[str]) -> bool:
    """ "US Treasury", "Metropolitan Police", "NUJ" yes; "North Korean", "Home" no."""
    last = words[-1].strip("'\u2019s")
    if last.lower() in _ORG_WORDS:
        return True
    return len(words) == 1 and last.isupper() and len(last) >= 2


@functools.lru_cache(maxsize=16384)
def is_org_name(name: str) -> bool:
    """Whether a cleaned name reads as an organisation rather than a person."""
    words = name.replace("'s", "").split()
    if any(w.lower().strip(".,") in _ORG_WORDS for w in words):
        return True
    if len(words) == 1:
        w = words[0]
        return (
            w.isupper()
            or any(c.isdigit() for c in w)
            or not (_PERSON_SHAPE.match(w) or _CAMEL_SURNAME.match(w))
        )
    return not is_person_name(" ".join(words))


def _is_place(name: str) -> bool:
    return name.lower() in _GEO_WORDS or name in _GEO_ACRONYMS


def _has_org_word(name: str) -> bool:
    return any(w.lower() in _ORG_WORDS for w in name.split())


def _is_media(name: str) -> bool:
    return any(w.lower().strip(".,'\u2019s") in _MEDIA_WORDS for w in name.split())


_DEMONYM = re.compile(r"(?:an|ian|ean|ese|ish|ic|ch|i)$")
_GEO_WORDS = frozenset(
    """
    north south east west new united kingdom states republic america europe asia africa
    street city county island islands sea river gulf middle york london washington
    beijing seoul tokyo paris berlin moscow brussels korea china japan russia france
    germany britain england scotland wales ireland india iran iraq syria israel canada
    australia italy spain mexico brazil pyongyang wall downing
    """.split()
)
# Compared as written: "UN" is a place or body, "Un" in "Kim Jong Un" a name.
_GEO_ACRONYMS = frozenset("US UK USA EU UN UAE U.S. U.K. U.N. E.U.".split())
_ROLE_WORDS = _TITLES | frozenset(
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
_MEDIA_TAIL = r"(?:\s+(?:programme|program|show|newspaper|website|channel|magazine|radio|blog))?"
_VIA_RE = re.compile(
    rf"\s+(?:the\s+)?(?P<n>(?:{_TOKEN}|\d+)(?:['\u2019]s)?(?:\s+(?:{_TOKEN}|\d+)(?:['\u2019]s)?)*"
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
    r"\s*(?:$|[,.;:!?\"\u201d()\u2013\u2014-]|(?:[a-z]+\s+)?(?:of|at|from|in|on|who|for)\b)"
)
_LEADING_WORDS = re.compile(
    r"^(?:\s*(?:But|And|Yet|So|Also|However|Meanwhile|Still|Now|Then|Instead|Separately|"
    r"Earlier|Later|Indeed|Moreover)\b,?)+\s*"
)
# Lower-case words after a name that keep it a source ("the NK News website").
_SOURCE_TAIL_NOUNS = _SOURCE_NOUNS | frozenset(
    "website newspaper programme jury panel site daily channel station broadcaster".split()
)


_INITIAL_OR_PARTICLE = re.compile(r"^[A-Z]\.$|^(?:de|van|von|bin|al)$")
_CAMEL_SURNAME = re.compile(r"^(?:Mc|Mac|O'|O\u2019)?[A-Z][a-z]+(?:[A-Z][a-z]+)?$")


@functools.lru_cache(maxsize=16384)
def is_person_name(name: str) -> bool:
    """Two to five name-shaped words, none of them an organisation or place word."""
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        low = w.lower().strip(".")
        if low in _ORG_WORDS or low in _GEO_WORDS or w in _GEO_ACRONYMS:
            return False
        if not (_PERSON_SHAPE.match(w) or _INITIAL_OR_PARTICLE.match(w) or _CAMEL_SURNAME.match(w)):
            return False
    return True


def _strip_trailing_place(org: str) -> str:
    """ "World Institute for North Korea Studies in Seoul" -> without " in Seoul"."""
    m = re.search(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$", org)
    return org[: m.start()] if m else org


def _split_affiliation(name: str) -> tuple[str, str | None]:
    """ "Go Myong-hyun of the Asan Institute" -> ("Go Myong-hyun", "Asan Institute")."""
    m = re.search(r"\s+(?:of|at|from)\s+(?:the\s+)?", name)
    if not m:
        return name, None
    head, tail = name[: m.start()], name[m.end() :]
    if not tail or not is_person_name(head) and not re.match(r"^[A-Z][\w'-]+$", head):
        return name, None  # "Bank of England" is one name
    if is_org_name(head):
        return name, None
    return head, _strip_trailing_place(tail)


def _split_possessive(name: str) -> tuple[str, str | None]:
    """ "Pearson's Financial Times" -> ("Financial Times", "Pearson")."""
    m = re.match(r"^(?P<owner>.+?)['\u2019]s\s+(?P<rest>[A-Z].*)$", name)
    if m:
        return m.group("rest"), m.group("owner")
    return name, None


def _all_titles(name: str) -> bool:
    return all(w.lower().strip(".") in _ROLE_WORDS for w in name.split())


def _source_from_np(np: str) -> _Source | None:
    """Classify a noun phrase that stands where a source would."""
    np = np.strip(" ,\"'\u201c\u201d")
    if not np:
        return None
    low = np.lower()
    if low in _PRONOUNS:
        return _Source(np, "pronoun")
    last_name = None
    for m in _NAME_SEQ_RE.finditer(np):
        words = m.group().split()
        if len(words) == 1 and words[0].lower().strip(".") in _FUNCTION_WORDS:
            continue
        last_name = m
    if last_name is not None:
        after = np[last_name.end() :].split()
        if after:
            noun = after[-1].lower()
            if noun in _PERSON_NOMINALS:
                org, _ = _clean_name(last_name.group())
                if noun.endswith("s"):
                    # "Labor Department officials": the named body's people speak.
                    if not org or _DEMONYM.search(org):
                        return None  # "Chinese officials" names no one
                    return _Source(f"{org} {noun}", "name", org)
                # "A Department for Education and Skills spokeswoman"
                det = (np[: last_name.start()].strip() or last_name.group().split()[0]).lower()
                return _Source(
                    f"{det if det in ('a', 'an', 'the') else 'a'} {noun}", "nominal", org
                )
            if noun in _ROLE_WORDS and len(after) <= 2:
                return _Source(np, "nominal")  # "the New Jersey governor"
            if noun not in _SOURCE_TAIL_NOUNS:
                return None  # "Animal welfare groups", "Mr Miliband's family background"
        raw = last_name.group()
        if _THE_ONE_WORD.match(np) and raw.split()[-1].lower() in _ORG_NOMINALS:
            return _Source(np.lower(), "nominal")  # "The Institute also cited" = the institute
        if raw.lower() in _GENERIC_SOURCES:
            return None  # "Officials said": not a named source (CLAIM-SPEC section 2)
        if (
            _THE_ONE_WORD.match(np)
            and _DEMONYM.search(raw)
            and raw.split()[-1].lower() not in _ORG_WORDS | _MEDIA_WORDS
        ):
            return _Source(np, "demonym")  # "The Russian added" = the person last named
        name, org = _clean_name(raw)
        if not name or _all_titles(name):
            return None
        name, owner = _split_possessive(name)
        name, aff = _split_affiliation(name)
        return _Source(name, "name", org or aff or owner)
    m = re.search(
        r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>spokes(?:man|woman|person))"
        rf"(?:\s+(?:for|of|at)\s+(?:the\s+)?(?P<org>{_NAME_SEQ}))?",
        np,
        re.IGNORECASE,
    )
    if m:
        return _Source(
            m.group().split(" for ")[0].split(" of ")[0].split(" at ")[0].lower(),
            "nominal",
            m.group("org"),
        )
    m = _NOMINAL_RE.search(np)
    if m and (m.group("noun").lower() in _SOURCE_NOUNS or m.group("noun").lower() in _ROLE_WORDS):
        return _Source(np[m.start() :], "nominal")
    return None


_SUBJECT_TAIL = re.compile(
    rf"(?:(?<=\s)|^)(?P<np>(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_NAME_SEQ}"
    rf"(?:\s+[a-z][\w-]*){{0,2}}"
    rf"|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,3}}?spokes(?:man|woman|person)\s+(?:for|of|at)\s+"
    rf"(?:the\s+)?{_NAME_SEQ}"
    rf"|(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+){{0,3}}[a-z]+"
    rf"|he|she|it|they|we|I|He|She|It|They|We)\s*$"
)
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in _ROLE_WORDS), key=len, reverse=True))
_ORG_BEFORE_ROLE = re.compile(
    rf"(?P<org>{_NAME_SEQ})\s+(?P<role>(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)\s*$"
)


def _source_from_tail(tail: str) -> _Source | None:
    """The source at the end of `tail`, the text just before a reporting verb."""
    m = _SUBJECT_TAIL.search(tail)
    if not m:
        return None
    src = _source_from_np(m.group("np"))
    if src is not None and src.form == "name" and src.org is None:
        # "Telegraph executive Murdoch MacLennan": the organisation before the role.
        before = tail[: m.start("np")] + m.group("np")[: m.group("np").find(src.text)]
        r = _ORG_BEFORE_ROLE.search(before.rstrip() + " ")
        if r is None:
            r = _ORG_BEFORE_ROLE.search(before.rstrip())
        if r and any(w in _ROLE_WORDS for w in r.group("role").split()):
            org, _ = _clean_name(r.group("org"))
            if org and not _DEMONYM.search(org) and not _is_place(org):
                src.org = org
    return src


def _clause_tail(left: str) -> str:
    """The part of `left` after the last clause boundary (quote, semicolon, 'that')."""
    cut = max(left.rfind(c) for c in ('"', "\u201d", "\u201c", ";", ":", "\u2014", "(", ")"))
    cut = max(cut, left.rfind(" - ") + 2 if " - " in left else -1)
    tail = left[cut + 1 :]
    comma = tail.rfind(",")
    if comma >= 0:
        tail = tail[comma + 1 :]  # "In remarks to open the congress, Kim said"
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
            continue  # "Department for Education and Skills"
        last = m
    if last is not None:
        tail = tail[last.end() :]
    return tail.strip()


def _clause_subject(segment: str) -> _Source | None:
    """The source that opens a clause: "But Chief Constable X has liaised ... and said"."""
    cut = max(segment.rfind(";"), segment.rfind(":"))
    body = _DATELINE.sub("", segment[cut + 1 :].lstrip())
    body = _LEADING_WORDS.sub("", body)
    body = _INTRO_PHRASE.sub("", body)  # "In response to X, Y's aide rattled ..."
    m = re.match(
        rf"\s*(?P<np>(?:(?:the|The|a|A|an|An)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_NAME_SEQ}"
        rf"(?:\s+(?:[a-z][\w-]*\s+)?(?:{_ROLE_ALT})\s+{_NAME_SEQ})?"
        rf"|He|She|It|They|We|he|she|it|they)",
        body,
    )
    if not m:
        return None
    return _source_from_tail(m.group("np"))


def _strip_filler(left: str) -> str:
    """Drop auxiliaries, adverbs and time phrases that end `left` ("has also")."""
    head, window = left[:-80], left[-80:]
    return (head + _PRE_VERB_FILLER.sub("", window)).rstrip()


def _subject_before(left: str) -> _Source | None:
    """The source that is the subject of a verb whose left context is `left`."""
    left = _strip_filler(left)
    if not left:
        return None
    who = re.search(r",?\s*\bwho\s*$", left)
    if who:
        # "Jay-Z, who said he would ...": the relative pronoun's antecedent.
        return _subject_before(left[: who.start()])
    if re.search(r"\b(?:and|but|then)$", left):
        # "X has liaised with groups and said": the clause's own subject.
        return _clause_subject(re.sub(r"\s*\b(?:and|but|then)$", "", left))
    if left.endswith(","):
        return _subject_with_appositive(left[:-1])
    return _source_from_tail(_clause_tail(left))


def _subject_with_appositive(body: str) -> _Source | None:
    """ "X, chief executive of Y, said" and "In a statement, Dr X, IBM vice president, said"."""
    segs = body.split(",")
    fallback: tuple[int, _Source] | None = None
    whole: tuple[int, _Source] | None = None  # leftmost segment that is all noun phrase
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
    name, _ = _clean_name(last)
    if (
        name
        and is_person_name(name)
        and name == last.split(" ", len(last.split()) - len(name.split()))[-1]
    ):
        return _Source(name, "name")  # "The director of public prosecutions, Ken Macdonald,"
    if fallback is not None:
        k, src = fallback
        return _with_appositive_org(src, segs[k + 1 :])
    return None


def _is_whole_np(segment: str) -> bool:
    """ "Trump" or "the Justice Department" yes; "speaking at a rally in Ohio" no."""
    m = _SUBJECT_TAIL.search(segment)
    return m is not None and m.start("np") == 0


def _with_appositive_org(src: _Source, appositive_parts: list[str]) -> _Source:
    appositive = ",".join(appositive_parts).strip()
    if src.form == "name" and src.org is None and not re.match(r"(?:who|which)\b", appositive):
        src.org = _org_from_appositive(appositive)
    return src


def _org_from_appositive(appositive: str) -> str | None:
    """ "executive vice-president of RJ Reynolds Tobacco" -> "RJ Reynolds Tobacco"."""
    m = _APPOSITIVE_ORG.search(appositive)
    if m:
        org, _ = _clean_name(m.group("org"))
        # "of US firm Open Source Labs": a place, a descriptor, then the name.
        nested = _DESCRIBED_ORG.match(appositive, m.start("org"))
        if nested and (org or "").lower() in _GEO_WORDS | {"us", "uk", "eu"}:
            org, _ = _clean_name(nested.group("org"))
        return _strip_trailing_place(org) if org else None
    m = _POSSESSIVE_ORG.match(appositive)
    if m:
        return m.group("org")
    m = re.match(rf"^\s*(?P<org>{_NAME_SEQ})(?P<rest>.*)$", appositive)
    if m:
        words = m.group("org").split()
        keep = []
        for w in words:
            if w.lower() in _ROLE_WORDS or w.lower() in {"general", "senior", "deputy"}:
                break
            keep.append(w)
        if keep and (len(keep) < len(words) or re.match(r"\s+[a-z]", m.group("rest"))):
            return " ".join(keep)
    return None


_LOWER_WORD = re.compile(r"\b[a-z][a-z-]*\b")
_DESCRIPTOR_OK = _ROLE_WORDS | frozenset(
    """
    the a an former senior deputy vice assistant state party campaign top chief longtime
    veteran republican democratic political economic foreign press white house
    he she it they we of at for
    """.split()
)


_INVERTED_NP = re.compile(
    rf"\s+(?P<np>(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_NAME_SEQ}"
    rf"(?:\s+(?:[a-z][\w-]*\s+)?(?:{_ROLE_ALT})\s+{_NAME_SEQ}"
    rf"|\s+(?:{_ROLE_ALT})(?=\s*(?:$|[,.;:!?]))|\s+(?:{{_PN}})(?=\s*(?:$|[,.;:!?])))?"
    rf"|he|she|it|they|we|I|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)".replace(
        "{_PN}", "|".join(sorted(_PERSON_NOMINALS))
    )
)


_CLOSES_CLAUSE = re.compile(r"\s*(?:$|[,.;:!?(])")


def _subject_after(right: str) -> tuple[_Source | None, int]:
    """Inverted frame: '..., said Go Myong-hyun of the Asan Institute.'"""
    m = _INVERTED_NP.match(right)
    if not m or not _INVERTED_END.match(right[m.end() :]):
        return None, 0
    np = m.group("np")
    first_cap = next((i for i, c in enumerate(np) if c.isupper()), len(np))
    descriptors = _LOWER_WORD.findall(np[:first_cap])
    closes = _CLOSES_CLAUSE.match(right, m.end()) is not None
    if descriptors and not (
        closes  # '..., said retired Army Gen. Mick Bednarek, who ...'
        or all(w in _DESCRIPTOR_OK or "-" in w for w in descriptors)
        or any(w in _ROLE_WORDS for w in descriptors)
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


def _according_to(right: str) -> _Source | None:
    """ "according to a projection by Fitch Solutions" -> Fitch Solutions."""
    chunk = re.split(r"[,;.:]\s|[,;.:]$", right + " ", maxsplit=1)[0]
    words = chunk.split()
    if not words:
        return None
    chunk = " ".join(words[:12])
    m = re.search(rf"(?:^|\s)(?:by|from|of|at)\s+(?:the\s+)?(?P<n>{_NAME_SEQ})", chunk)
    if m and not re.match(r"^\s*(?:the\s+)?[A-Z]", chunk):
        return _source_from_np(m.group("n"))
    head = re.match(
        rf"^(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?:{_NAME_SEQ})(?:\s+[a-z][\w-]*)?",
        chunk,
    )
    if head:
        src = _source_from_np(head.group())
        if src is None:
            # "according to FEC filings": the named records are the source.
            text = re.sub(r"^(?:the|a|an)\s+", "", head.group())
            name = _NAME_SEQ_RE.search(text)
            if name and not _DEMONYM.search(name.group()) and name.group() not in _FUNCTION_CAPS:
                return _Source(text, "name")
        return src
    src = _source_from_np(chunk)
    if src is not None and src.form in ("name", "nominal"):
        return src
    return None


_FUNCTION_CAPS = frozenset(w.capitalize() for w in _FUNCTION_WORDS)


@dataclass
class _Frame:
    source: _Source
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
    """A headline such as "Glenn Beck Says Trump Poses A Threat." (most words capitalised)."""
    words = _WORD_RE.findall(sentence)
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _frames_in(masked: str) -> list[_Frame]:
    """Every attribution frame in one (masked) sentence, in text order."""
    frames: list[_Frame] = []
    if " by " in masked:
        for m in _PASSIVE_BY.finditer(masked):
            src = _according_to(masked[m.end() - 1 :])
            if src is not None:
                frames.append(_Frame(src, m.group("cue"), True, m.start("cue")))
    if _CUE_WORDS.isdisjoint(_WORD_RE.findall(masked.lower())):
        return frames  # most sentences report nothing: skip the per-word work
    title_case = not _ENDS_SENTENCE.search(masked[-3:]) or _is_title_case(masked)
    for w in _WORD_RE.finditer(masked):
        word = w.group()
        low = word.lower()
        if low not in _CUE_WORDS:
            continue
        if word[0].isupper() and low != "according" and w.start() > 0 and not title_case:
            continue  # "the United States" is no cue (but "Trump Says ..." in a headline is)
        if low == "according":
            w = _ACCORDING_TO.match(masked, w.start())
            if w is None:
                continue
        frame = _frame_at(masked, w)
        if frame is not None:
            frames.append(frame)
    return frames


_BEFORE_PARTICIPLE = re.compile(r"(?:,|\bby|\s[-\u2013\u2014]|\u2014)\s*$")


_PHRASAL = frozenset("called calls ruled rules pointed points spelled spelt".split())
_PARTICLE = re.compile(r"\s+(?P<p>on|out)\b(?P<of>\s+of\b)?")
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
_OBJECT_RELATIVE = re.compile(
    r"\b(?:what|whatever|everything|anything|something|nothing|all)\s+"
    r"(?:[A-Z][\w.'\u2019-]*\s+){1,3}(?:\w+\s+){0,2}$"
)


def _frame_at(masked: str, m: re.Match[str]) -> _Frame | None:
    """The frame of the cue word at m, when it has a source."""
    cue = m.group()
    low = cue.lower()
    if low.startswith("according"):
        low = "according to"
    left, right = masked[: m.start()], masked[m.end() :]
    if low not in _PARTICIPLES:
        # The subject of a finite verb sits close to it; a bounded window keeps
        # the end-anchored patterns below linear.
        left = _normalise_left(left[-300:])
    if low == "according to":
        src = _according_to(right)
        return _Frame(src, cue, True, m.start()) if src else None
    # End-anchored patterns only ever need the last few words: search a short
    # window, or they would rescan the whole left context at every position.
    near = left[-60:]
    if low in _PARTICIPLES:
        if _BEFORE_PARTICIPLE.search(near):
            # "Kim opened the congress, saying ...": the clause's subject speaks.
            src = _clause_subject(_BEFORE_PARTICIPLE.sub("", left))
            return _Frame(src, cue, True, m.start()) if src else None
        if not _PROGRESSIVE_AUX.search(near):
            return None
        left = _LAST_WORD_RE.sub("", left)  # "Trump is telling": drop the auxiliary
        near = left[-60:]
    elif _THE_BEFORE.search(near) or _PASSIVE_BEFORE.search(near):
        return None  # "the said property", "is expected to"
    if _BY_AFTER.match(right) or (low.startswith("call") and _FOR_AFTER.match(right)):
        return None  # "claims by", "called for"
    particle = _PARTICLE.match(right) if low in _PHRASAL else None
    if low in ("pointed", "points") and not particle:
        return None  # only "pointed out" reports
    if particle:
        if particle.group("of"):
            return None  # "Tindall, ruled out of the match": not a statement
        cue = f"{cue} {particle.group('p')}"  # "called on", "ruled out", "pointed out"
    if _TO_BEFORE.search(near):
        if not _WENT_ON_TO.search(near):
            return None  # "to say": an intention, not a statement ("went on to say" is one)
        left = left[: len(left) - len(near)] + _WENT_ON_TO.sub("", near)
    core = low in _CORE or low in _PARTICIPLES
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
        if _OBJECT_RELATIVE.search(near):
            return None  # "everything Trump says is true": not a statement frame
        src = _subject_before(left)
    if src is None:
        return None
    via = None
    if low in {"told", "tells", "telling"}:
        t = _VIA_RE.match(right)
        if t and _is_media(t.group("n")):
            via = t.group("n")
    subordinate = not inverted and bool(_SUBORDINATE.search(left[-80:]))
    return _Frame(src, cue, core, m.start(), inverted, via, subordinate)


# --------------------------------------------------------------------------- resolution


@dataclass
class _Mention:
    at: int
    name: str
    cls: str  # "person" | "org" | "other"


_SENTENCE_START = re.compile(r"(?:[.!?:\n\"\u201c]\s*|^\s*)$")
_ORG_CONTEXT = re.compile(r"\b(?:at|by|from|with)\s+(?:the\s+)?$")
_LOWER_ROLES = re.compile(r"(?:\b[a-z][a-z-]+\s+){1,3}$")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|President|Senator|Sen|Gov|Judge)\b")


@functools.lru_cache(maxsize=8192)
def _mention_of(raw: str) -> tuple[str, str, frozenset[str]] | None:
    """A capitalised sequence as (name, class, title words); class person/org/other."""
    name, _ = _clean_name(raw)
    if not name or _all_titles(name):
        return None
    if not name.endswith(("'s", "\u2019s")):
        name, _ = _split_possessive(name)
    name = re.sub(r"['\u2019]s$", "", name)
    name, _ = _split_affiliation(name)
    dropped = raw[: max(0, raw.find(name))].split() if name in raw else []
    titles = frozenset(w.lower().strip(".") for w in dropped if w.lower().strip(".") in _ROLE_WORDS)
    if dropped:
        titles = titles | frozenset(w.lower() for w in dropped)
    titled = len(name.split()) < len(raw.split()) and bool(_TITLED.search(raw))
    if is_person_name(name) or (titled and not is_org_name(name)):
        return name, "person", titles
    if is_org_name(name) and not _is_place(name):
        return name, "org", titles
    return name, "other", titles


_GENERIC_ORG_NOUNS = frozenset("company firm group giant maker it".split())


_HONORIFIC_PREFIX = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")


def _expansion_rank(short: str, name: str, cls: str) -> int | None:
    """How good `name` is as the full form of `short` (lower is better), or None."""
    words = name.split()
    if name == short or short not in words or cls == "other":
        return None
    if " and " in name and not (cls == "org" and _has_org_word(name)):
        return None  # "Clinton and Warren" is two people
    if cls == "person":
        return 0 if words[-1] == short else 1 if words[0] == short else None
    return 2 if words[0] == short and _has_org_word(name) else None


# Capitalised function words split Title Case headlines ("Bolton And Gorka Slam
# Clinton", "Glenn Beck Says Trump ...") into the names they contain.
_TITLE_CASE_BREAK = re.compile(
    r"\s+(?:And|Or|At|The|A|An|Says|Say|Said|Is|Are|Was|Be|Who|He|She|It|To|On|In|With|Will|"
    r"Just|Of|For|By|From|Has|Have|Had|Why|How|What|Not|Over|After|Before|Than|As)\s+"
)


def _name_pieces(masked: str):
    """(offset, text) of every capitalised name sequence, split at Title Case words."""
    for m in _NAME_SEQ_RE.finditer(masked):
        raw = m.group()
        if " " not in raw or not _TITLE_CASE_BREAK.search(raw):
            yield m.start(), raw
            continue
        pos = 0
        for b in _TITLE_CASE_BREAK.finditer(raw):
            if b.start() > pos:
                yield m.start() + pos, raw[pos : b.start()]
            pos = b.end()
        if pos < len(raw):
            yield m.start() + pos, raw[pos:]


class _Memory:
    """What the article has named so far, for pronouns, nominals and short names."""

    def __init__(self, masked: str, skip: list[tuple[int, int]] = ()) -> None:
        self.mentions: list[_Mention] = []
        skip_starts = [a for a, _ in skip]
        # Role words a person was introduced with ("home secretary"), for "the
        # home secretary said" later on.
        self.titles: list[tuple[int, str, frozenset[str]]] = []
        for at, raw in _name_pieces(masked):
            info = _mention_of(raw)
            if info is None:
                continue
            name, cls, titles = info
            k = bisect.bisect_right(skip_starts, at) - 1
            if k >= 0 and at < skip[k][1]:
                continue  # headlines in Title Case are full of false names
            lead = masked[max(0, at - 40) : at]
            if " " not in raw and (at == 0 or _SENTENCE_START.search(lead)):
                continue  # a capitalised first word is not a name by itself ("Profits")
            if cls == "person" and _ORG_CONTEXT.search(lead):
                cls = "other"  # "profits at Brightwater Foods"
            self.mentions.append(_Mention(at, name, cls))
            if cls == "person":
                lower_roles = _LOWER_ROLES.search(lead)
                if lower_roles:
                    titles = titles | frozenset(lower_roles.group().lower().split())
                if titles:
                    self.titles.append((at, name, titles))
        self.offsets = [x.at for x in self.mentions]
        self.speakers: list[str] = []
        self.last_person: str | None = None

    def person_with_title(self, words: frozenset[str], before: int) -> str | None:
        """ "the home secretary" -> the person last introduced as Home Secretary."""
        for at, name, titles in reversed(self.titles):
            if at < before and words <= titles:
                return self.full_name(name, at)
        return None

    def _before(self, at: int) -> list[_Mention]:
        return self.mentions[: bisect.bisect_left(self.offsets, at)]

    def full_name(self, short: str, before: int) -> str:
        """ "Kim" -> "Kim Jong Un", "MDA" -> "Mobile Data Association" when named earlier.

        A surname ("Trump" -> "Donald Trump") is preferred over a name that starts
        with the word ("Trump University"); a person's name that starts with it
        comes next ("Kim" -> "Kim Jong Un", the first such person named); an
        organisation whose name starts with it last ("Virgin" -> "Virgin Radio").
        Earlier speakers come before mere mentions.
        """
        short = _HONORIFIC_PREFIX.sub("", short)
        if " " in short:
            return short
        earlier = self._before(before)
        if short.isupper() and len(short) >= 2:
            for mention in earlier:
                initials = "".join(w[0] for w in mention.name.split() if w[0].isupper())
                if initials == short and " " in mention.name:
                    return mention.name
        best: tuple[int, str] | None = None
        candidates = [(n, "person") for n in self.speakers if not is_org_name(n)]
        candidates += [(n, "org") for n in self.speakers if is_org_name(n)]
        for name, cls in candidates:
            rank = _expansion_rank(short, name, cls)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, name)
        if best is None:
            for mention in earlier:
                rank = _expansion_rank(short, mention.name, mention.cls)
                if rank is not None and (best is None or rank < best[0]):
                    best = (rank, mention.name)
        return best[1] if best else short

    def person_before(self, at: int, sentence_start: int) -> str | None:
        """The person a "he"/"she" at `at` most likely means."""
        for mention in reversed(self._before(at)):
            if mention.at < sentence_start:
                break
            if mention.cls == "person":
                return self.full_name(mention.name, mention.at)
        return self.last_person

    def org_before(self, at: int, noun: str | None) -> str | None:
        """The organisation "it" / "the firm" / "the ministry" at `at` most likely means.

        A noun that is part of a name ("the ministry" -> "Finance Ministry") picks
        the latest such name; otherwise the organisation the article has named
        most often so far wins (a passing mention of a product or a rival does
        not make "the firm" refer to it), ties going to the more recent.
        """
        score: dict[str, float] = {}
        for rank, mention in enumerate(self._before(at)):
            if mention.cls == "person":
                continue
            name = mention.name
            if noun and name.lower() == noun:
                continue  # "The Institute" itself, capitalised at a sentence start
            if noun and noun in name.lower().split():
                score[self.full_name(name, mention.at)] = 1000.0 + rank
                continue
            usable = mention.cls == "org" or name in self.speakers
            usable = usable or (
                mention.cls == "other"
                and not _is_place(name)
                and not _DEMONYM.search(name)
                and len(name) > 2
            )
            if usable:
                full = self.full_name(name, mention.at)
                score[full] = score.get(full, 0.0) + 1.0 + rank * 1e-6
        for name in self.speakers:
            if name in score:
                score[name] += 2.0
        if not score:
            return None
        best = max(score, key=score.__getitem__)
        if score[best] < 1000 and noun and noun not in _GENERIC_ORG_NOUNS:
            return None
        return best

    def note_sentence(self, start: int, end: int, speaker: str | None) -> None:
        """Remember who a sentence is about: its speaker, else its first person."""
        if speaker and (not is_org_name(speaker) or speaker.split()[-1] in _PERSON_NOMINALS):
            self.last_person = speaker
            return
        lo = bisect.bisect_left(self.offsets, start)
        for mention in self.mentions[lo:]:
            if mention.at >= min(end, start + 60):
                break  # only a person near the start is what the sentence is about
            if mention.cls == "person" or mention.name in self.speakers:
                full = self.full_name(mention.name, mention.at)
                if not is_org_name(full):
                    self.last_person = full
                    return


_THE_ONE_WORD = re.compile(r"^(?:the|The)\s+[A-Z][a-z]+$")
_VAGUE_ADJ = frozenset("former current new then outgoing incoming veteran".split())


def _resolve(
    src: _Source, memory: _Memory, at: int, sentence_start: int
) -> tuple[str | None, float]:
    """The speaker's name for a source, with a confidence; None when unresolvable."""
    if src.form == "name":
        return memory.full_name(src.text, at), 0.9
    if src.form in ("pronoun", "demonym"):
        kind = _PRONOUNS.get(src.text.lower(), "person")
        if kind == "person":
            who = memory.person_before(at, sentence_start)
            return who, (0.75 if src.form == "pronoun" else 0.6)
        if kind == "org":
            return memory.org_before(at, "it"), 0.55
        return None, 0.0
    noun = src.text.split()[-1].lower()
    if noun in _ROLE_WORDS and noun not in _PERSON_NOMINALS:
        words = frozenset(w.lower() for w in src.text.split()[1:] if w.lower() not in _VAGUE_ADJ)
        who = memory.person_with_title(words, at)
        if who:
            return who, 0.6
        # "the Florida senator said": most often the person the story is about.
        return (memory.last_person, 0.45) if memory.last_person else (None, 0.0)
    if noun in _PERSON_NOMINALS:
        return src.text, 0.55
    if noun in _ORG_NOMINALS:
        name = memory.org_before(at, noun)
        if name:
            return name, 0.6
        if noun == "government":
            return "the government", 0.45
    return None, 0.0


# --------------------------------------------------------------------------- main


_ENDS_SENTENCE = re.compile(r"[.!?\"'\u201d\u2019)]\s*$")


def find_attributions(text: str, sentences: list[tuple[int, int]]) -> list[Hit | None]:
    """The attribution of each sentence, resolving speakers left to right."""
    # Some outlets write quotation marks as two apostrophes (''like this''): read
    # them as one mark followed by a filler, which keeps every offset.
    qtext = text.replace("''", '"\x01') if "''" in text else text
    regions = quote_regions(qtext)
    masked = mask_quotes(qtext, regions).replace("\x01", " ")
    headlines = [
        (s, e)
        for s, e in sentences
        if 0 <= s < e <= len(text) and not _ENDS_SENTENCE.search(masked, max(s, e - 3), e)
    ]
    memory = _Memory(masked, headlines)
    region_starts = [r[0] for r in regions]
    hits: list[Hit | None] = []
    group_speaker: dict[int, Hit] = {}
    introduced: Hit | None = None  # a frame sentence ending in a colon
    for start, end in sentences:
        if not 0 <= start < end <= len(text):
            hits.append(None)  # not a sentence of this text
            continue
        sent_regions = _regions_overlapping(regions, region_starts, start, end)
        has_quote = any(r_end - r_start > 2 for r_start, r_end, _ in sent_regions)
        ms = masked[start:end]
        hit = _attribute_one(ms, start, memory, has_quote)
        if hit is None and sent_regions and _only_quotation(ms):
            hit = _continuation(sent_regions, group_speaker, hits)
            if hit is None and introduced is not None:
                # "X wrote:" and the quotation follows as its own sentence or paragraph.
                hit = Hit("quote", introduced.speaker, None, None, None, 0.65, True)
        introduced = hit if hit is not None and ms.rstrip().endswith(":") else None
        if hit is not None and hit.kind == "quote":
            for _, _, g in sent_regions:
                group_speaker.setdefault(g, hit)
        if hit is not None and hit.speaker and hit.speaker not in memory.speakers:
            memory.speakers.append(hit.speaker)
        memory.note_sentence(start, end, hit.speaker if hit else None)
        hits.append(hit)
    _backfill_quotes(hits, sentences, regions, region_starts)
    return hits


def _continuation(
    sent_regions: list[tuple[int, int, int]], group_speaker: dict[int, Hit], hits: list[Hit | None]
) -> Hit | None:
    """A sentence wholly inside a quotation continues its speaker."""
    for _, _, g in sent_regions:
        if g in group_speaker:
            return Hit("quote", group_speaker[g].speaker, None, None, None, 0.7, True)
    if hits and hits[-1] is not None:
        # The quotation that follows "X said ..." (quoted or reported) is X's.
        return Hit("quote", hits[-1].speaker, None, None, None, 0.65, True)
    return None


def _only_quotation(masked_sentence: str) -> bool:
    """Nothing outside quotation marks but punctuation: a continuation sentence."""
    outside = re.sub(r"x+", "", masked_sentence)
    return not re.search(r"[A-Za-z0-9]", outside)


def _regions_overlapping(
    regions: list[tuple[int, int, int]], starts: list[int], start: int, end: int
) -> list[tuple[int, int, int]]:
    """Quote regions that overlap [start, end)."""
    out = []
    i = bisect.bisect_left(starts, start)
    j = i - 1
    while j >= 0 and regions[j][1] > start:
        out.insert(0, regions[j])
        j -= 1
    for r in regions[i:]:
        if r[0] >= end:
            break
        out.append(r)
    return out


def _backfill_quotes(
    hits: list[Hit | None],
    sentences: list[tuple[int, int]],
    regions: list[tuple[int, int, int]],
    starts: list[int],
) -> None:
    """'"One. Two," he said.': earlier sentences of the quotation get its speaker."""
    for i in range(len(hits) - 1, 0, -1):
        hit = hits[i]
        if hit is None or hit.kind != "quote" or hit.cue is None:
            continue
        s, e = sentences[i]
        mine = {g for _, _, g in _regions_overlapping(regions, starts, s, e)}
        j = i - 1
        # Also replace a speaker guessed from the previous quotation: the frame
        # that closes this quotation names who said all of it.
        while j >= 0 and (hits[j] is None or hits[j].inherited):
            ps, pe = sentences[j]
            theirs = {g for _, _, g in _regions_overlapping(regions, starts, ps, pe)}
            if not (mine & theirs):
                break
            hits[j] = Hit("quote", hit.speaker, None, None, None, 0.7, True)
            j -= 1


def _attribute_one(ms: str, start: int, memory: _Memory, has_quote: bool) -> Hit | None:
    """The attribution of one sentence from its own frames, or None."""
    frames = _frames_in(ms)
    if not frames:
        return None
    resolved: list[tuple[_Frame, str, float]] = []
    headline = not re.search(r"[.!?\"\u201d\u2019)]\s*$", ms)
    for fr in frames:
        if not fr.core and (headline or fr.source.form == "pronoun" and not has_quote):
            continue  # "he believed": a position, not a reported statement
        name, conf = _resolve(fr.source, memory, start + fr.at, start)
        if name is None:
            continue
        if not fr.core:
            conf -= 0.15
        resolved.append((fr, name, conf))
    if not resolved:
        return None
    # An inverted frame closing the sentence ('..., said X.') governs it; else a
    # person's frame wins, and an outlet that carried it becomes `via`.
    inverted = [r for r in resolved if r[0].inverted]
    people = [r for r in resolved if not is_org_name(r[1]) and r[0].source.form != "nominal"]
    if people:
        # "X agreed and said": the plain reporting verb is the cue to keep.
        people.sort(key=lambda r: _frame_rank(r[0]))
    primary = inverted[-1] if inverted else people[0] if people else resolved[0]
    fr, name, conf = primary
    via = fr.via
    for other in resolved:
        if other is primary or other[1] == name:
            continue
        if is_org_name(other[1]) and _is_media_or_reporting(other) and not is_org_name(name):
            via = via or other[1]
    kind = "quote" if has_quote else "statement"
    org = fr.source.org
    if org and org == name:
        org = None
    return Hit(kind, name, org, fr.cue, via, round(max(0.05, min(conf, 1.0)), 2))


def _frame_rank(frame: _Frame) -> int:
    """Lower is preferred: main-clause speech verbs, then participles, then the rest."""
    low = frame.cue.lower()
    rank = 0 if low in _CORE else 1 if low in _PARTICIPLES or low == "according to" else 2
    return rank + (3 if frame.subordinate else 0)


_PLAIN_CUES = frozenset("said says say told tells according to saying wrote writes".split()) | {
    "according to"
}


def _is_media_or_reporting(entry: tuple[_Frame, str, float]) -> bool:
    fr, name, _ = entry
    return fr.cue.lower() in {"reported", "reports", "according to"} or _is_media(name)
