"""The machinery behind attribution.py: frames, names, quotations, resolution.

Everything here works on offsets into the unchanged article text. Quoted
material is masked (letters replaced by "x") before looking for attribution
frames, so that words inside a quotation never act as a cue or a speaker.
"""

from __future__ import annotations

import bisect
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
    "emphasizes emphasises agreed"
).split()
_BROAD_VERBS = (
    "concluded concludes found finds denied denies suggested suggests pledged pledges "
    "promised promises vowed vows urged urges complained blamed blames accused accuses "
    "described describes hailed welcomed questioned believes believed expects expected "
    "thinks hinted predicted"
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
    group institute institution agency ministry bank solutions news association
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
    december jan feb mar apr jun jul aug sep sept oct nov dec
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
_PERSON_NOMINALS = frozenset("spokesman spokeswoman spokesperson".split())

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
_CONNECT = r"(?:of|for|and|de|del|della|da|di|du|van|von|der|den|bin|al|el|le|la|on|&)"
_NAME_SEQ = rf"{_TOKEN}(?:\s+(?:{_CONNECT}\s+(?:the\s+)?)?{_TOKEN})*"
_NAME_SEQ_RE = re.compile(_NAME_SEQ)
_TOKEN_RE = re.compile(_TOKEN)

_VERB_ALT = "|".join(_VERBS)
_CUE_RE = re.compile(rf"\b(?:{_VERB_ALT})\b|\baccording to\b|\bsaying\b", re.IGNORECASE)

# Auxiliaries, adverbs and time phrases between a subject and its verb.
_PRE_VERB_FILLER = re.compile(
    r"(?:\s*,?\s*(?:has|have|had|was|were|is|also|later|earlier|previously|then|again|"
    r"repeatedly|recently|reportedly|once|further|similarly|separately|publicly|"
    r"privately|first|initially|subsequently|often|always|never|frequently|already|"
    r"just|originally|famously|flatly|bluntly|simply|would|will|could|may|might|"
    r"(?:last|this|next)\s+(?:week|month|year|\w+day)|on\s+\w+day|in\s+\w+day|"
    r"in\s+a\s+statement|in\s+an\s+interview|(?:on|in)\s+(?:an?|his|her|its|their)\s+\w+)"
    r")+\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}(?:\([^)]{0,40}\))?\s*[-\u2013\u2014:]+\s*")
_NOMINAL_RE = re.compile(
    r"\b(?P<det>the|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+){0,3}?(?P<noun>[a-z]+)\s*$",
    re.IGNORECASE,
)
_CAP_WORD = re.compile(r"[A-Z]")
_APPOSITIVE_ORG = re.compile(
    rf"\b(?:of|at|for|from|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?P<org>{_NAME_SEQ})"
)
_POSSESSIVE_ORG = re.compile(rf"^\s*(?:an?\s+|the\s+)?(?P<org>{_NAME_SEQ})['\u2019]s?\b")
_LEADING_ORG = re.compile(rf"^\s*(?P<org>{_NAME_SEQ})\s+[a-z]")
_TRAILING_PLACE = re.compile(r"\s+(?:in|at|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$")
_SPACE_RE = re.compile(r"\s+")
_PERSON_SHAPE = re.compile(r"^[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z]+)?$|^[A-Z]\.?$")


@dataclass
class Hit:
    """An attribution found for one sentence (before wrapping in Attribution)."""

    kind: str
    speaker: str | None
    org: str | None
    cue: str | None
    via: str | None
    confidence: float


@dataclass
class _Source:
    """A source as the frame names it, before resolution."""

    text: str  # the name or pronoun or nominal as written
    form: str  # "name" | "pronoun" | "nominal"
    org: str | None = None


# --------------------------------------------------------------------------- quotes


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
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_end = para.span()
        first = text[p_start:p_end].lstrip()
        if not (carry and first[:1] in _QUOTE_CHARS):
            group += 1
        carry = False
        open_at = -1
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in _QUOTE_CHARS:
                continue
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
        if w.lower().strip(".") in _TITLES or w.lower() in _HONORIFICS:
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
    if len(words) == 1 and last.isupper() and len(last) >= 2:
        return True
    return False


def is_org_name(name: str) -> bool:
    """Whether a cleaned name reads as an organisation rather than a person."""
    words = name.replace("'s", "").split()
    if any(w.lower().strip(".,") in _ORG_WORDS for w in words):
        return True
    if len(words) == 1:
        w = words[0]
        return w.isupper() or any(c.isdigit() for c in w) or not _PERSON_SHAPE.match(w)
    return not all(_PERSON_SHAPE.match(w) or w in {"de", "van", "von", "bin", "al"} for w in words)


def _is_media(name: str) -> bool:
    return any(w.lower().strip(".,'\u2019s") in _MEDIA_WORDS for w in name.split())


# --------------------------------------------------------------------------- frames


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
    if is_org_name(head) or not tail:
        return name, None  # "Bank of England" is one name
    return head, _strip_trailing_place(tail)


def _source_from_np(np: str) -> _Source | None:
    """Classify a noun phrase that stands where a source would."""
    np = np.strip(" ,\"'\u201c\u201d")
    if not np:
        return None
    low = np.lower()
    if low in _PRONOUNS:
        return _Source(np, "pronoun")
    names = _NAME_SEQ_RE.findall(np)
    names = [n for n in names if n.split()[0].lower().strip(".") not in _FUNCTION_WORDS or len(n.split()) > 1]
    if names:
        raw = names[-1]
        name, org = _clean_name(raw)
        if not name:
            return None
        name, aff = _split_affiliation(name)
        return _Source(name, "name", org or aff)
    m = _NOMINAL_RE.search(np)
    if m and m.group("noun").lower() in _SOURCE_NOUNS:
        return _Source(np[m.start() :], "nominal")
    return None


_SUBJECT_TAIL = re.compile(
    rf"(?:(?<=\s)|^)(?P<np>(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_NAME_SEQ}"
    rf"(?:\s+[a-z][\w-]*){{0,2}}|(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+){{0,3}}[a-z]+"
    rf"|he|she|it|they|we|I|He|She|It|They|We)\s*$"
)


def _subject_before(left: str) -> _Source | None:
    """The source that is the subject of a verb whose left context is `left`."""
    left = _PRE_VERB_FILLER.sub("", left)
    left = left.rstrip()
    if not left:
        return None
    if left.endswith(","):
        # "X, chief executive of Y, said" or "X, who ..., said": the subject opens
        # the clause; the comma-delimited middle is an appositive.
        body = left[:-1]
        cut = body.rfind(",")
        if cut < 0:
            return None
        appositive = body[cut + 1 :].strip()
        head = body[:cut].rstrip()
        head = _clause_tail(head)
        src = _source_from_tail(head)
        if src is None:
            return None
        if src.form == "name" and src.org is None and not appositive.startswith("who"):
            src.org = _org_from_appositive(appositive)
        return src
    return _source_from_tail(_clause_tail(left))


def _clause_tail(left: str) -> str:
    """The part of `left` after the last clause boundary (quote, semicolon, 'that')."""
    cut = max(
        left.rfind('"'),
        left.rfind("\u201d"),
        left.rfind("\u201c"),
        left.rfind(";"),
        left.rfind(":"),
        left.rfind(" - "),
        left.rfind("\u2014"),
        left.rfind("("),
        left.rfind(")"),
    )
    tail = left[cut + 1 :]
    # A comma before the subject ends an introductory phrase: "In remarks, Kim said".
    comma = tail.rfind(",")
    if comma >= 0:
        tail = tail[comma + 1 :]
    tail = re.split(r"\b(?:that|and|but|while|as|when|after|because|if|so)\s+", tail)[-1]
    return tail.strip()


def _source_from_tail(tail: str) -> _Source | None:
    m = _SUBJECT_TAIL.search(tail)
    if not m:
        return None
    np = m.group("np")
    # Lowercase words after the name ("the NK News website") are dropped by the
    # classifier; lowercase words before it are descriptors ("defector-turned-...").
    return _source_from_np(np)


def _org_from_appositive(appositive: str) -> str | None:
    """ "executive vice-president of RJ Reynolds Tobacco" -> "RJ Reynolds Tobacco"."""
    m = _APPOSITIVE_ORG.search(appositive)
    if m:
        org, _ = _clean_name(m.group("org"))
        return _strip_trailing_place(org) if org else None
    m = _POSSESSIVE_ORG.match(appositive)
    if m:
        return m.group("org")
    m = re.match(rf"^\s*(?P<org>{_NAME_SEQ})", appositive)
    if m:
        words = m.group("org").split()
        # "NUJ General Secretary": the organisation precedes the title words.
        keep = []
        for w in words:
            if w.lower() in _TITLES or w.lower() in {"general", "senior", "deputy"}:
                break
            keep.append(w)
        if keep and len(keep) < len(words):
            return " ".join(keep)
    return None


def _subject_after(right: str) -> tuple[_Source | None, int]:
    """Inverted frame: '..., said Go Myong-hyun of the Asan Institute.'"""
    m = re.match(
        rf"\s+(?P<np>(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_NAME_SEQ}"
        rf"|he|she|it|they|we|I|(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z]+)",
        right,
    )
    if not m:
        return None, 0
    src = _source_from_np(m.group("np"))
    if src is None:
        return None, 0
    rest = right[m.end() :]
    if src.form == "name" and src.org is None:
        ap = re.match(r"\s*,\s*([^,.;]+)", rest)
        if ap and not ap.group(1).lstrip().startswith("who"):
            src.org = _org_from_appositive(ap.group(1))
    return src, m.end()


def _according_to(right: str) -> _Source | None:
    """ "according to a projection by Fitch Solutions" -> Fitch Solutions."""
    chunk = re.split(r"[,;.:]\s", right + " ", maxsplit=1)[0]
    words = chunk.split()
    if not words:
        return None
    chunk = " ".join(words[:12])
    m = re.search(rf"(?:^|\s)(?:by|from|of|at)\s+(?:the\s+)?(?P<n>{_NAME_SEQ})", chunk)
    if m and not re.match(r"^\s*(?:the\s+)?[A-Z]", chunk):
        return _source_from_np(m.group("n"))
    src = _source_from_np(chunk)
    if src is not None and src.form == "name":
        return src
    if src is not None and src.form == "nominal":
        return src
    return None


def _sentence_subject(masked: str) -> _Source | None:
    """The source at the start of a sentence (for '..., saying that ...')."""
    body = _DATELINE.sub("", masked)
    m = re.match(
        rf"\s*(?:[A-Z][a-z]+,\s+)?(?P<np>(?:(?:the|The|a|A)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?"
        rf"{_NAME_SEQ}|He|She|It|They|We)",
        body,
    )
    if not m:
        return None
    return _source_from_np(m.group("np"))


@dataclass
class _Frame:
    source: _Source
    cue: str
    core: bool
    via: str | None = None


def _frames_in(masked: str) -> list[_Frame]:
    """Every attribution frame in one (masked) sentence, in text order."""
    frames: list[_Frame] = []
    for m in _CUE_RE.finditer(masked):
        cue = m.group()
        low = cue.lower()
        left, right = masked[: m.start()], masked[m.end() :]
        if low == "according to":
            src = _according_to(right)
            if src:
                frames.append(_Frame(src, cue, True))
            continue
        if low == "saying":
            if re.search(r",\s*$", left):
                src = _sentence_subject(masked)
                if src:
                    frames.append(_Frame(src, cue, True))
            continue
        if re.search(r"\bthe\s*$", left, re.IGNORECASE):
            continue  # "the said property"
        core = low in _CORE
        stripped = left.rstrip()
        inverted = stripped.endswith((",", '"', "\u201d")) or not stripped
        src = None
        if inverted:
            src, used = _subject_after(right)
            if src is not None:
                right = right[used:]
        if src is None:
            src = _subject_before(left)
        if src is None:
            continue
        via = None
        if low in {"told", "tells"}:
            t = re.match(rf"\s+(?:the\s+)?(?P<n>{_NAME_SEQ})", right)
            if t and _is_media(t.group("n")):
                via = t.group("n")
        frames.append(_Frame(src, cue, core, via))
    return frames


# --------------------------------------------------------------------------- resolution


class _Memory:
    """What the article has named so far, for pronouns and short names."""

    def __init__(self, text: str, masked: str) -> None:
        self.names: list[tuple[int, str]] = []  # (offset, cleaned full name)
        for m in _NAME_SEQ_RE.finditer(masked):
            name, _ = _clean_name(m.group())
            if name and len(name.split()) >= 2:
                name, _ = _split_affiliation(name)
                self.names.append((m.start(), name))
        self.offsets = [o for o, _ in self.names]
        self.speakers: list[str] = []
        self.last_person: str | None = None
        self.last_org: str | None = None

    def full_name(self, short: str, before: int) -> str:
        """ "Kim" -> "Kim Jong Un" when the longer form appeared earlier."""
        short = re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+", "", short)
        if " " in short and not short.startswith(("Mr", "Mrs", "Ms", "Dr")):
            return short
        token = short.split()[-1]
        for spoken in reversed(self.speakers):
            if spoken != short and token in spoken.split():
                return spoken
        hi = bisect.bisect_left(self.offsets, before)
        for _, name in self.names[:hi]:
            if name != short and token in name.split():
                return name
        return short

    def note_sentence(self, masked_sentence: str, offset: int) -> None:
        """Remember the first person and organisation a sentence mentions."""
        for m in _NAME_SEQ_RE.finditer(masked_sentence):
            name, _ = _clean_name(m.group())
            if not name:
                continue
            name, _ = _split_affiliation(name)
            full = self.full_name(name, offset + m.start())
            if is_org_name(full):
                if " " in full or full.isupper():
                    self.last_org = full
                continue
            if " " in full or full in self.speakers:
                self.last_person = full
                return


def _resolve(src: _Source, memory: _Memory, at: int) -> tuple[str | None, float]:
    """The speaker's name for a source, with a confidence; None when unresolvable."""
    if src.form == "name":
        return memory.full_name(src.text, at), 0.9
    if src.form == "pronoun":
        kind = _PRONOUNS[src.text.lower()]
        if kind == "person" and memory.last_person:
            return memory.last_person, 0.75
        if kind == "org" and memory.last_org:
            return memory.last_org, 0.6
        return None, 0.0
    noun = src.text.split()[-1].lower()
    if noun in _ORG_NOMINALS and memory.last_org:
        last = memory.last_org
        if noun in last.lower() or noun in {"company", "firm", "group", "giant", "maker"}:
            return last, 0.6
    if noun in _PERSON_NOMINALS:
        return re.sub(r"^(?:The|A|An)\b", lambda m: m.group().lower(), src.text), 0.6
    return None, 0.0


# --------------------------------------------------------------------------- main


def find_attributions(text: str, sentences: list[tuple[int, int]]) -> list[Hit | None]:
    """The attribution of each sentence, resolving speakers left to right."""
    regions = quote_regions(text)
    masked = mask_quotes(text, regions)
    memory = _Memory(text, masked)
    region_starts = [r[0] for r in regions]
    hits: list[Hit | None] = []
    group_speaker: dict[int, Hit] = {}
    for start, end in sentences:
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        sent_regions = _regions_overlapping(regions, region_starts, start, end)
        has_quote = any(r_end - r_start > 2 for r_start, r_end, _ in sent_regions)
        ms = masked[start:end]
        hit = _attribute_one(ms, start, memory, has_quote)
        if hit is None and sent_regions and _only_quotation(ms):
            # A sentence wholly inside a quotation continues its speaker.
            for _, _, g in sent_regions:
                if g in group_speaker:
                    prev = group_speaker[g]
                    hit = Hit("quote", prev.speaker, None, None, None, 0.7)
                    break
            if hit is None and hits and hits[-1] is not None and hits[-1].kind == "quote":
                prev = hits[-1]
                hit = Hit("quote", prev.speaker, None, None, None, 0.65)
        if hit is not None and hit.kind == "quote":
            for _, _, g in sent_regions:
                group_speaker.setdefault(g, hit)
        if hit is not None and hit.speaker and not is_org_name(hit.speaker):
            memory.last_person = hit.speaker
            if hit.speaker not in memory.speakers:
                memory.speakers.append(hit.speaker)
        else:
            memory.note_sentence(ms, start)
            if hit is not None and hit.speaker:
                memory.last_org = hit.speaker
                if hit.speaker not in memory.speakers:
                    memory.speakers.append(hit.speaker)
        hits.append(hit)
    _backfill_quotes(hits, sentences, regions, region_starts)
    return hits


def _only_quotation(masked_sentence: str) -> bool:
    """Nothing outside quotation marks but punctuation: a continuation sentence."""
    outside = re.sub(r"x+", "", masked_sentence)
    return not re.search(r"[A-Za-z0-9]", outside)


def _regions_overlapping(
    regions: list[tuple[int, int, int]], starts: list[int], start: int, end: int
) -> list[tuple[int, int, int]]:
    i = bisect.bisect_left(starts, start)
    # A region that opened before the sentence may still cover it.
    lo = max(0, i - 1)
    out = []
    for r in regions[lo:]:
        if r[0] >= end:
            break
        if r[1] > start:
            out.append(r)
    # Also regions opened well before but spanning (long multi-sentence quotes).
    j = lo - 1
    while j >= 0 and regions[j][1] > start:
        out.insert(0, regions[j])
        j -= 1
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
        if hit is None or hit.kind != "quote":
            continue
        s, e = sentences[i]
        mine = {g for _, _, g in _regions_overlapping(regions, starts, s, e)}
        j = i - 1
        while j >= 0 and hits[j] is None:
            ps, pe = sentences[j]
            theirs = {g for _, _, g in _regions_overlapping(regions, starts, ps, pe)}
            if not (mine & theirs):
                break
            hits[j] = Hit("quote", hit.speaker, None, None, None, 0.7)
            j -= 1


def _attribute_one(ms: str, start: int, memory: _Memory, has_quote: bool) -> Hit | None:
    frames = _frames_in(ms)
    if not frames:
        return None
    resolved: list[tuple[_Frame, str, float]] = []
    for fr in frames:
        name, conf = _resolve(fr.source, memory, start)
        if name is None:
            continue
        if not fr.core and fr.source.form == "pronoun" and not has_quote:
            continue
        if not fr.core:
            conf -= 0.15
        resolved.append((fr, name, conf))
    if not resolved:
        return None
    # A person's frame wins; an outlet that carried it becomes `via`.
    people = [r for r in resolved if not is_org_name(r[1])]
    primary = people[0] if people else resolved[0]
    fr, name, conf = primary
    via = fr.via
    for other in resolved:
        if other is primary:
            continue
        if people and is_org_name(other[1]) and _is_media_or_reporting(other):
            via = via or other[1]
    kind = "quote" if has_quote else "statement"
    org = fr.source.org if fr.source.form == "name" else None
    if org and org == name:
        org = None
    return Hit(kind, name, org, fr.cue, via, round(max(0.05, min(conf, 1.0)), 2))


def _is_media_or_reporting(entry: tuple[_Frame, str, float]) -> bool:
    fr, name, _ = entry
    return fr.cue.lower() in {"reported", "reports", "according to"} or _is_media(name)
