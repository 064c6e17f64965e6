"""Who a source is: pronouns, short names and nominals resolved against the article.

Memory indexes every capitalised name of the article once; resolve_source turns a
frame's source into the speaker's name: "he" -> the person the story is about,
"Ko" -> "Ko Dae Ryun", "the firm" -> the organisation named most often,
"the finance minister" -> the person introduced with that title.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claims.extract.context import matches_from_stems
from claims.extract.frames import RANKED_DESCRIPTION, Source
from claims.extract.names import (
    BUSINESS_NOUNS,
    CALENDAR_NAMES,
    DEMONYM,
    FUNCTION_WORDS,
    ORG_NOMINALS,
    ORG_WORDS,
    PERSON_NOMINALS,
    PERSON_SHAPE,
    PRONOUNS,
    ROLE_WORDS,
    all_titles,
    clean_name,
    drop_leading,
    has_org_word,
    initials,
    is_geo_name,
    is_org_name,
    is_person_name,
    name_sequences,
    split_affiliation,
    split_possessive,
)
from claims.extract.places import demonym_country

__all__ = ["Memory", "resolve_source"]


@dataclass
class _Mention:
    at: int
    name: str
    cls: str  # "person" | "org" | "other"
    possessive: bool = False  # "Smith's camp": the possessor is not the subject


_SENTENCE_END_MARKS = frozenset('.!?:"\u201c')


def _opens_sentence(lead: str) -> bool:
    """Whether what follows `lead` opens a sentence: nothing but space before it, or
    space after . ! ? :, a quotation mark or a line break. Read from the end: an
    end-anchored pattern would be tried at every position of the lead."""
    body = lead.rstrip()
    return not body or body[-1] in _SENTENCE_END_MARKS or "\n" in lead[len(body) :]


_ORG_CONTEXT = re.compile(r"\b(?:at|by|from|with)\s+(?:the\s+)?$")


_LOWER_ROLES = re.compile(r"(?:\b[a-z][a-z-]+\s+){1,3}$")


# "Zembla's central bank": capitalised words, then at most two lower-case ones,
# right before a nominal's phrase; qualifiers longer than the window are not names.
_CAPITALISED_WORD = re.compile(r"[A-Z][\w.&-]*(?:['\u2019]s)?")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_QUALIFIER_WINDOW = 200


def _qualifier_words(before: str) -> list[str]:
    """The words that qualify a phrase which follows `before` on the same line.

    Read backwards word by word: one end-anchored regex search would be retried
    from every position of the window, for every occurrence of the phrase.
    """
    if not before[-1:].isspace() or before[-1:] == "\n":
        return []
    words = before[before.rfind("\n") + 1 :].split()
    end = len(words)
    lower = 0
    while lower < 2 and end - lower > 0 and _LOWER_WORD.fullmatch(words[end - lower - 1]):
        lower += 1
    first = end - lower
    while first > 0 and _CAPITALISED_WORD.fullmatch(words[first - 1]):
        first -= 1
    if first == end - lower:
        return []  # no capitalised word: nothing qualifies the phrase
    return words[first:end]


_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|President|Senator|Sen|Gov|Judge)\b")


@functools.lru_cache(maxsize=8192)
def _mention_of(raw: str) -> tuple[str, str, frozenset[str]] | None:
    """A capitalised sequence as (name, class, title words); class person/org/other."""
    name, _ = clean_name(raw)
    if not name or all_titles(name) or _names_no_one(name):
        return None
    if not name.endswith(("'s", "\u2019s")):
        name, _ = split_possessive(name)
    name = re.sub(r"['\u2019]s$", "", name)
    name, _ = split_affiliation(name)
    dropped = raw[: max(0, raw.find(name))].split() if name in raw else []
    titles = frozenset(w.lower().strip(".") for w in dropped if w.lower().strip(".") in ROLE_WORDS)
    if dropped:
        titles = titles | frozenset(w.lower() for w in dropped)
    titled = len(name.split()) < len(raw.split()) and bool(_TITLED.search(raw))
    if is_person_name(name) or (titled and not is_org_name(name)):
        return name, "person", titles
    if is_org_name(name) and not is_geo_name(name):
        return name, "org", titles
    return name, "other", titles


def _names_no_one(name: str) -> bool:
    """An amount or a time, capitalised or glued to letters: "600m", "April-June"; no
    "it" or "the company" stands for one."""
    return name[0].isdigit() or all(part in CALENDAR_NAMES for part in re.split(r"[-–\s]+", name))


# A kind of business, an organisation or "it": nouns that stand for whichever company
# was last named. "The chain said" is a retailer's and "the miner said" a mining firm's;
# as a figure's subject, "the island chain" is no firm and "the miner earned" a person.
_GENERIC_ORG_NOUNS = BUSINESS_NOUNS | {"it", "organisation", "organization", "chain", "miner"}
# Any case ("ELECTION", "Voters"). The pattern opens with the class of first letters
# (then the look-behinds: a word starts there, and which letter it was) so that the
# scanner skips every other position; a case-blind class would not let it.
_ELECTION_WORDS_RE = re.compile(
    r"[EePpCcNnVv](?<!\w.)(?i:(?<=e)lections?|(?<=p)rimary|(?<=p)rimaries|(?<=c)aucus(?:es)?"
    r"|(?<=c)andidates?|(?<=n)ominee|(?<=n)omination|(?<=v)oters)\b"
)


_HONORIFIC_PREFIX = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")
# Where a name ends as a noun phrase of its own: its possessive, punctuation, or the
# verb it is the subject of.
_NAME_ENDS_RE = re.compile(
    r"(?=['\u2019]s\b|\s*[,.;:!?)]|\s+(?:said|says|added|adds|reported|reports|has|have"
    r"|had|is|was|will|would|expects?|predicts?|forecasts?|estimates?|warned|announced)\b)"
)
# "the" and the space after it (the look-behind after the first letter keeps the scan
# to the letters T and t)
_THE_BEFORE_WORD_RE = re.compile(r"[Tt](?<!\w.)he\s+(?=\S)")
# Honorifics used with a first name, which stay part of how the person is called.
_NAMED_HONORIFICS = frozenset("Sir Dame Lord Lady".split())


def _expansion_rank(short: str, name: str, cls: str) -> int | None:
    """How good `name` is as the full form of `short` (lower is better), or None."""
    words = name.split()
    if name == short or short not in words or cls == "other":
        return None
    if " and " in name and not (cls == "org" and has_org_word(name)):
        return None  # "Smith and Jones" is two people
    if cls == "person":
        return 0 if words[-1] == short else 1 if words[0] == short else None
    if not has_org_word(name):
        return None
    if words[0] == short:
        return 2  # "Acme" -> "Acme Radio"
    # "the Committee" -> "Federal Open Market Committee"
    return 3 if words[-1] == short and short.lower() in ORG_WORDS else None


# Capitalised function words split Title Case headlines ("Rivers And Stone Slam
# Smith", "Jo Lee Says Acme ...") into the names they contain.
_TITLE_CASE_BREAK = re.compile(
    r"\s+(?:And|Or|At|The|A|An|Says|Say|Said|Is|Are|Was|Be|Who|He|She|It|To|On|In|With|Will|"
    r"Just|Of|For|By|From|Has|Have|Had|Why|How|What|Not|Over|After|Before|Than|As)\s+"
)


# A name is a few words; a longer run of capitalised words (a shouted line, a
# list of column headings) names nobody, and every later look-up would pay for it.
_MAX_NAME_CHARS = 150


def _name_pieces(masked: str):
    """(offset, text) of every capitalised name sequence, split at Title Case words."""
    for at, piece in _raw_name_pieces(masked):
        if len(piece) <= _MAX_NAME_CHARS:
            yield at, piece


def _raw_name_pieces(masked: str):
    for m in name_sequences(masked):
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


# The noun a possessive owns: "Smith's lawyer", "Smith's elder sister".
_POSSESSED_NOUN_RE = re.compile(r"['\u2019]s?\s+(?P<first>[a-z]+)\b(?:\s+(?P<second>[a-z]+)\b)?")
# People a person has: "Smith's mother said" is the mother speaking.
_OWNED_PEOPLE = PERSON_NOMINALS | frozenset(
    """lawyer lawyers attorney attorneys wife husband son sons daughter daughters mother
    father brother brothers sister sisters partner children parents friend friends family
    widow widower nephew niece cousin boss""".split()
)


class Memory:
    """What the article has named so far, for pronouns, nominals and short names."""

    def __init__(self, masked: str, skip: Sequence[tuple[int, int]] = ()) -> None:
        self.masked = masked
        self.mentions: list[_Mention] = []
        skip_starts = [a for a, _ in skip]
        surnames: set[str] = set()  # of the people named so far in full
        # Role words a person was introduced with ("finance minister"), for "the
        # finance minister said" later on.
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
            if (
                " " not in raw
                and raw[1:].islower()
                and (at == 0 or _opens_sentence(lead))
                and name not in surnames
            ):
                # a capitalised first word is not a name by itself ("Profits"), unless
                # it is the surname of a person named before ("Williams was ...")
                continue
            if cls == "person" and _ORG_CONTEXT.search(lead):
                cls = "other"  # "profits at Brightwater Foods"
            elif name in surnames:
                cls = "person"  # "Williams" after "Serena Williams"
            end = at + len(raw)
            possessive = raw.endswith(("'s", "\u2019s")) or masked[end : end + 1] in (
                "'",
                "\u2019",
            )
            self.mentions.append(_Mention(at, name, cls, possessive))
            if cls == "person" and " " in name:
                surnames.add(name.rsplit(" ", 1)[1])
            if cls == "person":
                lower_roles = _LOWER_ROLES.search(lead)
                if lower_roles:
                    titles = titles | frozenset(lower_roles.group().lower().split())
                if titles:
                    self.titles.append((at, name, titles))
        self._drop_nationalities()
        self.offsets = [x.at for x in self.mentions]
        # Answers kept per name, and per pair of names: each is asked many times.
        self._with_the: dict[str, bool] = {}
        self._named_first_cache: dict[tuple[str, str], bool] = {}
        # Full names by each of their words and by their initials, so that
        # expanding "Ko" or "ZTA" never scans every mention of the article.
        self.by_word: dict[str, list[_Mention]] = {}
        self.by_initials: dict[str, list[_Mention]] = {}
        for mention in self.mentions:
            words = mention.name.split()
            if len(words) < 2:
                continue
            for word in set(words):
                self.by_word.setdefault(word, []).append(mention)
            # "the UK Harbour Records Bureau" is also "HRB": a word before the name
            # proper (a place, a qualifier) is no part of its acronym
            for k in range(len(words) - 1):
                self.by_initials.setdefault(initials(words[k:]), []).append(mention)
        # Who has spoken so far, in order; the set and the index by word keep the
        # look-ups constant-time in an article with thousands of speakers.
        self.speakers: list[str] = []
        self._speaker_set: set[str] = set()
        self._speakers_by_word: dict[str, list[str]] = {}
        self._qualifiers: dict[tuple[str, int], list[str]] = {}
        self.last_person: str | None = None
        # "The ministry said ... It also pledged ...": "it" is the body just heard.
        self.last_org_speaker: str | None = None
        self.sentences_since_org = 99
        self.previous_speaker: str | None = None  # the speaker of the sentence before
        self.groups: set[str] = set()
        self.last_group_speaker: str | None = None
        self.sentences_since_group = 99

    @functools.cached_property
    def about_an_election(self) -> bool:
        """Whether the story is about an election, where "the campaign" is a candidate's
        (asked rarely, so not scanned for in every article)."""
        return _ELECTION_WORDS_RE.search(self.masked) is not None

    def _possesses_a_person(self, mention: _Mention) -> bool:
        """Whether a possessive mention owns a person: "Smith's lawyer", "Smith's wife"."""
        tail = self.masked[mention.at : mention.at + len(mention.name) + 60]
        m = _POSSESSED_NOUN_RE.search(tail)
        if m is None or m.start() > len(mention.name) + 2:
            return False  # the possessive is a later name's
        return m["first"] in _OWNED_PEOPLE or m["second"] in _OWNED_PEOPLE

    def add_speaker(self, name: str) -> None:
        """Remember a resolved speaker (once)."""
        if name in self._speaker_set:
            return
        self.speakers.append(name)
        self._speaker_set.add(name)
        for word in set(name.split()):
            self._speakers_by_word.setdefault(word, []).append(name)

    def is_speaker(self, name: str) -> bool:
        return name in self._speaker_set

    def qualified_before(self, phrase: str, at: int) -> str | None:
        """The last "Zembla's central bank" before `at` for the phrase "central bank"."""
        window_start = max(0, at - 6000)
        # Find the phrase first, then read the capitalised words just before it: one
        # regex over the whole window would retry every capitalised word it holds.
        phrase_re = re.compile(re.escape(phrase).replace("\\ ", r"[^\S\n]+") + r"\b")
        found = None
        for m in reversed(list(phrase_re.finditer(self.masked, window_start, at))):
            key = (phrase, m.start())  # windows of later calls overlap: read each once
            qualifier = self._qualifiers.get(key)
            if qualifier is None:
                lo = max(0, m.start() - _QUALIFIER_WINDOW)
                qualifier = self._qualifiers[key] = _qualifier_words(self.masked[lo : m.start()])
            if qualifier:
                found = " ".join([*qualifier, m.group()])
                break
        if found is None:
            return None
        words = found.split()
        # "The Zembla transport select committee"
        words = drop_leading(words, FUNCTION_WORDS)
        if len(words) <= len(phrase.split()) or not words[0][0].isupper():
            return None  # "A stalled council scheme" qualifies nothing
        return " ".join(words)

    def person_with_title(self, words: frozenset[str], before: int) -> str | None:
        """ "the finance minister" -> the person last introduced as Finance Minister."""
        for at, name, titles in reversed(self.titles):
            if at < before and words <= titles:
                return self.full_name(name, at)
        return None

    def _before(self, at: int, last: int) -> list[_Mention]:
        """The last `last` mentions that start before `at`."""
        hi = bisect.bisect_left(self.offsets, at)
        return self.mentions[max(0, hi - last) : hi]

    def _drop_nationalities(self) -> None:
        """ "Zemblan Rivers", written once for a Rivers the article names in full: a
        nationality before a surname, not a first name ("German Ruiz", named so more
        than once, keeps his)."""
        counts = Counter(m.name for m in self.mentions)
        for i, mention in enumerate(self.mentions):
            if mention.cls != "person" or counts[mention.name] != 1:
                continue
            words = mention.name.split()
            if len(words) == 2 and demonym_country(words[0]) and PERSON_SHAPE.match(words[1]):
                self.mentions[i] = replace(mention, name=words[1])

    def full_name(self, short: str, before: int) -> str:
        """ "Ko" -> "Ko Dae Ryun", "ZTA" -> "Zembla Trade Association" when named earlier.

        A surname ("Smith" -> "Jo Smith") is preferred over a name that starts
        with the word ("Acme University"); a person's name that starts with it
        comes next ("Ko" -> "Ko Dae Ryun", the first such person named); an
        organisation whose name starts with it last ("Acme" -> "Acme Radio").
        Earlier speakers come before mere mentions.
        """
        short = _HONORIFIC_PREFIX.sub("", short)
        words = short.split()
        if len(words) == 2 and words[0] in _NAMED_HONORIFICS:
            # "Sir Tom" after "Sir Tom Hale": the knight named in full before
            full = next(
                (n for n in self._speakers_by_word.get(words[1], ()) if n.startswith(short + " ")),
                None,
            )
            return full or short
        if " " in short:
            return short
        if short.isupper() and len(short) >= 2:
            for mention in self.by_initials.get(short, ()):
                if mention.at < before:
                    return mention.name
        best: tuple[int, str] | None = None
        # Only a speaker with `short` among its words can expand it (_expansion_rank).
        named = self._speakers_by_word.get(short, ())
        candidates = [(n, "person") for n in named if not is_org_name(n)]
        candidates += [(n, "org") for n in named if is_org_name(n)]
        for name, cls in candidates:
            rank = _expansion_rank(short, name, cls)
            if rank == 2 and self._named_first(short, name):
                continue
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, name)
        if best is None:
            for mention in self.by_word.get(short, ()):
                if mention.at >= before:
                    break
                rank = _expansion_rank(short, mention.name, mention.cls)
                if rank == 2 and self._named_first(short, mention.name):
                    continue
                if rank is not None and (best is None or rank < best[0]):
                    best = (rank, mention.name)
        return best[1] if best else short

    def _written_with_the(self, name: str) -> bool:
        """Whether the article writes the name after "the" ("the Halifax said", "the
        Halifax, meanwhile,"): a body's name, as a person's never is ("the Rivers
        campaign" is the campaign's, so a name followed by a noun does not count)."""
        if name not in self._with_the:
            self._with_the[name] = any(
                self.masked.startswith(name, at)
                and _NAME_ENDS_RE.match(self.masked, at + len(name))
                for at in self._after_the
            )
        return self._with_the[name]

    @functools.cached_property
    def _after_the(self) -> list[int]:
        """Where text follows each "the" of the article and the space after it: the
        places a name written after "the" can start (found once, instead of a scan of
        the whole text for every name asked about)."""
        found = matches_from_stems(_THE_BEFORE_WORD_RE, ("the", "The"), self.masked)
        return [m.end() for m in found]

    def _named_first(self, short: str, longer: str) -> bool:
        """Whether the article used `short` on its own (no capitalised word after it)
        before it named `longer`: then it is a name of its own ("Beacon" reported
        profits, then "Beacon Capital", its arm, did well), not short for `longer`."""
        if (short, longer) not in self._named_first_cache:
            pattern = rf"\b{re.escape(short)}\b(?!['\u2019]?s?\s+[A-Z])"
            alone = re.search(pattern, self.masked)
            full = self.masked.find(longer)
            first = alone is not None and (full < 0 or alone.start() < full)
            self._named_first_cache[(short, longer)] = first
        return self._named_first_cache[(short, longer)]

    def person_before(self, at: int, sentence_start: int) -> str | None:
        """The person a "he"/"she" at `at` most likely means."""
        # "While Jones said Smith was careless, he said ...": the first person in
        # the sentence (its subject) rather than the nearest (often an object).
        for mention in self._before(at, 50):
            if mention.at < sentence_start:
                continue
            full = self.full_name(mention.name, mention.at)
            if mention.cls == "person" or (full != mention.name and is_person_name(full)):
                return full
        return self.last_person

    def org_before(self, at: int, noun: str | None) -> str | None:
        """The organisation "it" / "the firm" / "the ministry" at `at` most likely means.

        A noun that is part of a name ("the ministry" -> "Finance Ministry") picks
        the latest such name; otherwise the organisation the article has named
        most often so far wins (a passing mention of a product or a rival does
        not make "the firm" refer to it), ties going to the more recent.
        """
        score: dict[str, float] = {}
        full_of: dict[str, str] = {}
        # The last few hundred names are context enough, and keep this linear.
        for rank, mention in enumerate(self._before(at, 300)):
            if mention.cls == "person":
                continue
            name = mention.name
            if noun and name.lower() == noun:
                continue  # "The Institute" itself, capitalised at a sentence start
            if name not in full_of:
                full_of[name] = self.full_name(name, mention.at)
            if noun and noun in name.lower().split():
                score[full_of[name]] = 1000.0 + rank
                continue
            usable = mention.cls == "org" or self.is_speaker(name)
            usable = usable or (
                mention.cls == "other"
                and not is_geo_name(name)
                and not DEMONYM.search(name)
                and len(name) > 2
            )
            if usable:
                full = full_of[name]
                score[full] = score.get(full, 0.0) + 1.0 + rank * 1e-6
        for name in score:
            if self.is_speaker(name):
                score[name] += 2.0
        if not score:
            return None
        best = max(score, key=score.__getitem__)
        if score[best] < 1000 and noun and noun not in _GENERIC_ORG_NOUNS:
            return None
        return best

    def note_sentence(self, start: int, end: int, speaker: str | None) -> None:
        """Remember who a sentence is about: its speaker, else its first person."""
        self.sentences_since_org += 1
        self.sentences_since_group += 1
        self.previous_speaker = speaker
        if speaker in self.groups:
            self.last_group_speaker, self.sentences_since_group = speaker, 0
        is_org = speaker is not None and (is_org_name(speaker) or self._written_with_the(speaker))
        if speaker and is_org and speaker.split()[-1] not in PERSON_NOMINALS:
            self.last_org_speaker, self.sentences_since_org = speaker, 0
        if speaker and (not is_org or speaker.split()[-1] in PERSON_NOMINALS):
            self.last_person = speaker
            return
        limit = min(end, start + 60)  # only a person near the start is what it is about
        possessor = None
        for i in range(bisect.bisect_left(self.offsets, start), len(self.mentions)):
            mention = self.mentions[i]  # indexing, not a slice: the rest of the article
            if mention.at >= limit:
                break
            if mention.cls == "person" or self.is_speaker(mention.name):
                full = self.full_name(mention.name, mention.at)
                if is_org_name(full):
                    continue
                if mention.possessive:
                    # "Smith's camp has signalled ...": about the camp, not Smith; and
                    # "Smith's lawyer said", "Smith's mother was": about another person
                    if not self._possesses_a_person(mention):
                        possessor = possessor or full
                    continue
                self.last_person = full
                return
        if self.last_person is None and possessor:
            # "Jo Rivers's hair was greyer then ... he said": with no one named before, the
            # possessor is the only person a later "he" can mean
            self.last_person = possessor


_VAGUE_ADJ = frozenset("former current new then outgoing incoming veteran".split())


def resolve_source(
    src: Source, memory: Memory, at: int, sentence_start: int
) -> tuple[str | None, float]:
    """The speaker's name for a source, with a confidence; None when unresolvable."""
    if src.form == "name":
        return memory.full_name(src.text, at), 0.9
    if src.form == "group":
        memory.groups.add(src.text)
        return src.text, 0.5
    if src.form in ("pronoun", "demonym"):
        kind = PRONOUNS.get(src.text.lower(), "person")
        if kind == "person":
            who = memory.person_before(at, sentence_start)
            return who, (0.75 if src.form == "pronoun" else 0.6)
        if kind == "org":
            if memory.last_org_speaker and memory.sentences_since_org <= 2:
                return memory.last_org_speaker, 0.6
            return memory.org_before(at, "it"), 0.55
        if kind == "plural" and memory.last_group_speaker and memory.sentences_since_group <= 1:
            return memory.last_group_speaker, 0.5  # "They also said": the group just heard
        return None, 0.0
    noun = src.text.split()[-1].lower()
    if noun in ROLE_WORDS and noun not in PERSON_NOMINALS:
        words = frozenset(w.lower() for w in src.text.split()[1:] if w.lower() not in _VAGUE_ADJ)
        who = memory.person_with_title(words, at)
        if who:
            return who, 0.6
        # "the Zembla senator said": most often the person the story is about;
        # "one GOP leader" or "a senator" is someone else.
        if src.text.split()[0].lower() == "the" and memory.last_person:
            return memory.last_person, 0.45
        return None, 0.0
    if noun == "statement" and memory.previous_speaker:
        # 'X responded ... "We grew 5%," the statement said.': X's statement.
        return memory.previous_speaker, 0.55
    if noun in PERSON_NOMINALS:
        return src.text, 0.55
    if noun in ORG_NOMINALS:
        # "Acme said ... The organisation also said" / "Freedonia's largest insurer said":
        # a kind of body right after a body spoke is that body.
        recent = memory.previous_speaker
        if recent and not is_person_name(recent):
            ranked = RANKED_DESCRIPTION.match(src.text.split(None, 1)[-1])
            if ranked or (noun in _GENERIC_ORG_NOUNS and is_org_name(recent)):
                return recent, 0.6
        name = memory.org_before(at, noun)
        if name:
            return name, 0.6
        if noun not in _GENERIC_ORG_NOUNS:
            later_words = src.text.lower().split()[1:]
            named = memory.qualified_before(" ".join(later_words), at)
            if named:
                return named, 0.55  # "the central bank" -> "Zembla's central bank"
            if later_words == ["campaign"] and memory.last_person and memory.about_an_election:
                # "the campaign said" with no campaign named before, in a story about a
                # candidate: that candidate's
                return f"{memory.last_person} campaign", 0.45
            # "the government said" with no government named before: as written.
            return " ".join(["the", *later_words]), 0.4
    return None, 0.0
