"""The same figure in other words: keys completed from claims of other articles.

Extracted slots miss and disagree. One article writes "it takes 3,412 delegates to
win the nomination" without naming whose; another names the party; a third gives the
figure to the person the article is about. Claim-matching tools line such mentions
up by what surrounds the number, not by slots alone: the same value in the same unit,
said with the same distinctive words (context_terms: the words around the number,
folded, without common words, numbers or the counted noun). When a claim is stored
(or re-keyed), its key is completed from matching claims of other articles, in this
order:

- a one-word subject ("the Committee", "Okafor") takes the only full name ending in
  it among claims of the same measure (complete_short_subjects);
- a claim missing its subject or its metric takes it from a claim with the same value
  (within the tolerance) and unit, the same other part, and MIN_SHARED words in common
  making MIN_OVERLAP of the shorter context; two standing figures that both miss it
  share a key made from the earlier claim's id (MATCHED_PREFIX + id);
- the same statement (the same number, nearly all words shared) takes the other's key,
  unless its sentence names its own subject;
- a specific number of things or money (three significant digits: "3,412 delegates"),
  or a specific bare number ("reach 3,412"), is lined up with every claim of that
  number (line_up_specific_numbers): claims that share a word saying what is counted
  are one figure, directly or through others, and all take the key most of them
  carry, whatever order the articles came in;
- otherwise a subject the sentence does not name gives way to a claim with the same
  number, unit and metric.

A claim with neither subject nor metric never takes a key: a bare number said with a
few common words lines up with too much. Keys taken this way are stored in the key
columns, so the group summaries, searches and merges treat them as any key; re-keying
(after a synonyms edit) takes them again. A person's merges and splits still decide
last.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import sqlite_utils

from claims.extract.casualties import counts_people, toll_kind
from claims.extract.places import is_place
from claims.model import safe_period_bounds
from claims.normalise import fold_words, key_columns, match_words, synonym_table
from claims.query import like_contains

# ---------------------------------------------------------------- tolerance


@dataclass(frozen=True)
class Tolerance:
    """How far two values of one figure may be apart and still agree.

    relative: a fraction of the value, for every unit but percent (0.05 = 5%).
    percent: an absolute margin in percentage points for values in percent,
        where a relative margin would be too strict near zero and too loose
        for large rates (0.5: 3.5% and 3.9% agree, 3.5% and 4.1% do not).
    """

    relative: float = 0.05
    percent: float = 0.5

    def allowed(self, unit_key: str, median: float) -> float:
        """The largest distance from the median (or a reference value) that still agrees."""
        if unit_key == "percent":
            return self.percent
        return self.relative * abs(median)


DEFAULT_TOLERANCE = Tolerance()

# ---------------------------------------------------------------- context

# A key taken from a matching claim that had none either: never a name a person wrote.
MATCHED_PREFIX = "~"
# How many words either side of the number make its context.
CONTEXT_WORDS = 12
MIN_SHARED = 2
MIN_OVERLAP = 0.5
# Candidates read per claim, most recent first: a figure repeated in thousands of
# articles is matched by its latest mentions.
MAX_CANDIDATES = 50

_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_NAME_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")
_OPENING_MARKS = " \t\n\"'“‘(["
# Words too common in news about figures to tell two of them apart.
_COMMON = frozenset(
    """say said says told according would could will also about more than less after before
    year month week day time new last first next percent per cent point million billion
    thousand number total figure some other this that these those which while when where
    there their them they have has had been being were was are its his her our your
    mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december today yesterday
    week""".split()
)
# A claim a person edited keeps the key its fields give: matching never rewrites it.
_UNTOUCHED = "edited = '[]'"


def context_terms(sentence: str, start: int, end: int, unit_key: str = "") -> frozenset[str]:
    """The distinctive words around a number: CONTEXT_WORDS either side, folded, without
    common words, numbers, or the counted noun its unit already says."""
    # A window of characters holds the words either side: a long sentence is never
    # tokenised whole for every number in it.
    window = CONTEXT_WORDS * 16
    before = _WORD_RE.findall(sentence, max(0, start - window), start)[-CONTEXT_WORDS:]
    if start > window and before:
        before = before[1:]  # the window may open inside a word
    after = _WORD_RE.findall(sentence, end, end + window)[:CONTEXT_WORDS]
    unit_words = set(match_words(unit_key.split(":")[-1])) if unit_key else set()
    # Synonyms fold too: "the GOP nomination" and "the Republican nomination" agree.
    words = synonym_table().replace(match_words(" ".join(before + after)))
    return frozenset(w for w in words if len(w) > 2 and w not in _COMMON and w not in unit_words)


def contexts_agree(
    a: frozenset[str],
    b: frozenset[str],
    min_shared: int = MIN_SHARED,
    min_overlap: float = MIN_OVERLAP,
) -> bool:
    """Whether two numbers are said in the same distinctive words (see module docstring)."""
    shared = len(a & b)
    return shared >= min_shared and shared >= min_overlap * min(len(a), len(b))


def distinctive(value: float) -> bool:
    """Whether a number is specific enough to name a figure nearly by itself: three or
    more significant digits (3,412 or 49.6, not 300, 11 million or 4.9)."""
    digits = f"{abs(value):.10g}".replace(".", "").replace("-", "")
    digits = digits.split("e")[0].strip("0")
    return len(digits) >= 3


# ---------------------------------------------------------------- matching

_CLAIM_COLUMNS = (
    "SELECT id, source_id, value, unit_key, subject_key, metric_key, coalesce(period, ''), "
    "sentence, coalesce(subject, ''), "
    "surface_start - sentence_start AS start, surface_end - sentence_start AS end, "
    "coalesce(extracted_period, period, ''), metric, unit"
)
_CLAIM = f"{_CLAIM_COLUMNS} FROM claims"


@dataclass
class _Mention:
    """A stored numeric claim as matching sees it; its context words and whether its
    sentence names its subject are worked out only when a rule asks (most claims are
    settled by their keys alone)."""

    id: int
    source_id: int
    value: float
    unit_key: str
    subject_key: str
    metric_key: str
    period: str
    sentence: str
    subject: str
    start: int
    end: int
    own_period: str  # as the article gave it, before matching chose a figure's period
    metric: str | None
    unit: str | None

    @cached_property
    def own_name(self) -> tuple[str, str, str]:
        """The key (subject, metric, unit) the claim's own fields give, before matching."""
        keys = key_columns(self.subject or None, self.metric, self.unit)
        return keys["subject_key"], keys["metric_key"], keys["unit_key"]

    @cached_property
    def kind_of_unit(self) -> str:
        """The unit, with every count of people as one ("11 million people", "11 million
        undocumented immigrants" count the same people)."""
        if self.unit_key.startswith("count:") and counts_people(self.unit_key):
            return "count:people"
        return self.unit_key

    @property
    def stored_key(self) -> tuple[str, str, str]:
        """The claim's key as stored (subject, metric, unit)."""
        return self.subject_key, self.metric_key, self.unit_key

    @cached_property
    def terms(self) -> frozenset[str]:
        return context_terms(self.sentence, self.start, self.end, self.unit_key)

    @cached_property
    def named_in_sentence(self) -> bool:
        """Whether the sentence writes the claim's subject as extracted (rather than the
        extractor taking it from what the article is about). One of its words will do:
        "the Committee" names the Federal Open Market Committee."""
        words = set(fold_words(self.sentence))
        return any(word in words for word in fold_words(self.subject))

    @property
    def names_itself(self) -> bool:
        """Whether the sentence names the claim's subject by a proper name ("Acme paid",
        "Jo Rivers won"), not a common noun ("the deal", "the Whig nomination")."""
        words = self.subject.split()
        return bool(words) and all(w[:1].isupper() for w in words) and self.named_in_sentence

    @cached_property
    def casualties(self) -> str | None:
        """'killed' or 'wounded' when the claim counts casualties: people, measured as a
        toll ("amendments killed" is none)."""
        return toll_kind(self.metric_key) if counts_people(self.unit_key) else None

    @cached_property
    def figure_words(self) -> frozenset[str]:
        """The context words that say what the number counts: those written in lower
        case. Names around it are the story's cast ("Smith leads by 187 seats";
        "187 seats at stake, Smith ...") and tell two figures apart poorly."""
        names = _NAME_RE.findall(self.sentence)
        return self.terms - set(match_words(" ".join(names)))

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The names the sentence writes, without the word that opens it (a capital
        there says nothing: "Police said", "Officials") or common words."""
        names = _NAME_RE.findall(self.sentence)
        opening = _NAME_RE.match(self.sentence.lstrip(_OPENING_MARKS))
        if opening and names and names[0] == opening.group():
            names = names[1:]
        return frozenset(w for w in match_words(" ".join(names)) if len(w) > 2 and w not in _COMMON)


def _mention(row: tuple) -> _Mention:
    claim_id, source_id, value, unit_key, subject_key, metric, period, sentence = row[:8]
    subject, start, end, own_period, metric_text, unit_text = row[8:]
    return _Mention(
        claim_id,
        source_id,
        value,
        unit_key or "",
        subject_key or "",
        metric or "",
        period,
        sentence or "",
        subject,
        start,
        end,
        own_period,
        metric_text,
        unit_text,
    )


def _specific_count(mention: _Mention) -> bool:
    """A number that names its figure nearly by itself (line_up_specific_numbers): a
    specific number of things or money, or with no unit; a large round count of things
    ("11 million people"), which news repeats of one figure far more often than it
    happens to give two figures that size in the same words; or a casualty count ("49
    people killed"), which names its event."""
    unit = mention.unit_key
    if distinctive(mention.value):
        return _bare(unit) or _counted(unit)
    if mention.casualties is not None:
        return unit.startswith("count:") or _bare(unit)
    return unit.startswith("count:") and abs(mention.value) >= LARGE_COUNT


# A round count at least this large is a figure of its own (see _specific_count); a
# smaller round count ("four Americans", "two states") is said of too many things.
LARGE_COUNT = 10_000


def _lined_up(db: sqlite_utils.Database, mention: _Mention) -> bool:
    """Whether a claim of another article has the same value and the same full key."""
    if not (mention.subject_key and mention.metric_key):
        return False
    found = db.execute(
        "SELECT 1 FROM claims WHERE unit_key = ? "
        "AND value = ? AND subject_key = ? AND metric_key = ? AND source_id != ? LIMIT 1",
        [
            mention.unit_key,
            mention.value,
            mention.subject_key,
            mention.metric_key,
            mention.source_id,
        ],
    ).fetchone()
    return found is not None


def _missing_part(mention: _Mention) -> str | None:
    """'subject' or 'metric' when exactly that one is missing, else None."""
    if bool(mention.subject_key) == bool(mention.metric_key):
        return None
    return "subject" if not mention.subject_key else "metric"


def match_missing_keys(
    db: sqlite_utils.Database,
    claim_ids: Iterable[int],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> int:
    """Complete the keys of these claims from claims of other articles: a short subject
    to the full name it stands for, a missing subject or metric from the same value said
    in the same words; returns how many claims took a key. Runs in the caller's
    transaction."""
    ids = list(claim_ids)
    taken = complete_short_subjects(db, ids)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(  # NOT INDEXED: by id, as _SHORT_NAMES says
            f"{_CLAIM} NOT INDEXED WHERE id IN ({marks}) AND kind = 'numeric' AND vanished = 0 "
            "AND value IS NOT NULL AND (subject_key != '' OR metric_key != '')",
            chunk,
        ).fetchall()
        specific = []
        for row in rows:
            mention = _mention(row)
            if _specific_count(mention):
                specific.append(mention)
                continue  # lined up below, with every claim of its number
            if mention.named_in_sentence and _lined_up(db, mention):
                continue  # its own key, which another article states the value under too
            if _missing_part(mention):
                taken += _match_one(db, mention, tolerance) or _match_figure(db, mention)
            else:
                taken += _match_statement(db, mention) or _match_figure(db, mention)
        taken += line_up_specific_numbers(db, specific)
    return taken


# The same statement in another article: the same number in the same unit, with nearly
# all the words around it shared. Its key there may differ only through what each
# article is about (the subject a sentence leaves to the article), so it takes that key.
STATEMENT_SHARED = 4
STATEMENT_OVERLAP = 0.8


def _same_statement(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= STATEMENT_SHARED and shared >= STATEMENT_OVERLAP * min(len(a), len(b))


def _match_statement(db: sqlite_utils.Database, mention: _Mention) -> int:
    """Give a fully keyed claim the key of the earliest claim of another article that
    states the same number in the same words (see _same_statement); 1 when it did.

    Only a subject the sentence does not name itself can be replaced: one the extractor
    took from what the article is about. A subject the sentence names ("the Committee
    decided", "Smith preferred") is the sentence's own, however alike its wording."""
    candidates = db.execute(
        f"{_CLAIM} WHERE unit_key = ? AND value IN (?, ?) AND source_id != ? AND id < ? "
        "AND subject_key != '' AND metric_key != '' AND kind = 'numeric' AND vanished = 0 "
        "AND (subject_key != ? OR metric_key != ?) ORDER BY id LIMIT ?",
        [
            mention.unit_key,
            mention.value,
            -mention.value,
            mention.source_id,
            mention.id,
            mention.subject_key,
            mention.metric_key,
            MAX_CANDIDATES,
        ],
    ).fetchall()
    if not candidates or mention.named_in_sentence or len(mention.terms) < STATEMENT_SHARED:
        return 0
    if is_place(mention.subject):
        return 0  # the country the article is about: wire copy runs in many countries
    for row in candidates:
        other = _mention(row)
        if _same_statement(mention.terms, other.terms):
            db.execute(
                f"UPDATE claims SET subject_key = ?, metric_key = ? WHERE id = ? AND {_UNTOUCHED}",
                [other.subject_key, other.metric_key, mention.id],
            )
            return 1
    return 0


# ---------------------------------------------------------------- short names

# NOT INDEXED: the claims are looked up by id. Without it SQLite chose the index on kind
# for a list of more than three ids, which reads every numeric claim stored, so that
# each article of a bulk ingest took longer than the one before.
_SHORT_NAMES = (
    "SELECT DISTINCT metric_key, unit_key, subject_key FROM claims NOT INDEXED "
    "WHERE id IN ({marks}) AND kind = 'numeric' AND subject_key != '' AND metric_key != ''"
)


def complete_short_subjects(db: sqlite_utils.Database, claim_ids: list[int]) -> int:
    """A one-word name ("Committee", "Okafor") stands for the full name that ends in
    it ("Federal Open Market Committee", "Ann Okafor") when that is the only such
    name the ledger's claims of the same measure (metric and unit) carry. Runs both ways:
    new short names take the full name, and a new full name completes the short names
    already stored. Returns how many claims changed."""
    changed = 0
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for metric, unit, subject in db.execute(_SHORT_NAMES.format(marks=marks), chunk).fetchall():
            changed += _complete_measure(db, metric, unit, subject)
    return changed


def _stored(db: sqlite_utils.Database, metric: str, unit: str, subject: str) -> bool:
    """Whether some claim has this key (one probe of the key index)."""
    return (
        db.execute(
            "SELECT 1 FROM claims WHERE metric_key = ? AND subject_key = ? AND unit_key = ? "
            "LIMIT 1",
            [metric, subject, unit],
        ).fetchone()
        is not None
    )


def _decided(db: sqlite_utils.Database, unit: str, metric: str, subject: str) -> bool:
    """Whether a person's merge (in force or undone) names this subject in this measure."""
    found = db.execute(
        "SELECT 1 FROM key_merges WHERE unit_key = ? "
        "AND ((from_metric = ? AND from_subject = ?) "
        "OR (into_metric = ? AND into_subject = ?)) LIMIT 1",
        [unit, metric, subject, metric, subject],
    ).fetchone()
    return found is not None


def _complete_measure(db: sqlite_utils.Database, metric: str, unit: str, subject: str) -> int:
    """Complete the short subjects of one measure that `subject` is, or is the head of."""
    if subject.startswith(MATCHED_PREFIX):
        return 0
    head = subject.rsplit(" ", 1)[-1]
    if head != subject and not _stored(db, metric, unit, head):
        return 0  # a full name, and no short one of it stored to complete
    if _decided(db, unit, metric, head):
        return 0  # a person merged this name: their decision stands
    rows = db.execute(
        "SELECT DISTINCT subject_key FROM claims WHERE metric_key = ? AND unit_key = ? "
        "AND subject_key LIKE ? ESCAPE '\\' AND kind = 'numeric'",
        [metric, unit, like_contains(" " + head)],
    ).fetchall()
    names = {name for (name,) in rows if name.endswith(" " + head)}
    if len(names) != 1:
        return 0  # no full name, or two ("Bo Okafor", "Ann Okafor"): leave it
    full = names.pop()
    rows = db.execute(
        f"SELECT id, subject FROM claims WHERE {_UNTOUCHED} AND metric_key = ? AND unit_key = ? "
        "AND subject_key = ? AND kind = 'numeric'",
        [metric, unit, head],
    ).fetchall()
    # Only a name the claim itself writes is short for a longer one ("the Committee",
    # "Okafor"): not a common noun ("the nomination" is not short for whichever
    # "... nomination" was stored first), nor a key matching gave a claim of another name.
    ids = [claim_id for claim_id, written in rows if _writes_name(written, head)]
    db.conn.executemany(
        "UPDATE claims SET subject_key = ? WHERE id = ?", [(full, claim_id) for claim_id in ids]
    )
    return len(ids)


def _writes_name(subject: str | None, head: str) -> bool:
    """Whether a claim's subject as written is a name that folds to `head`."""
    if not subject:
        return False
    return subject != subject.lower() and head in match_words(subject)


def _match_one(db: sqlite_utils.Database, mention: _Mention, tolerance: Tolerance) -> int:
    part = _missing_part(mention)
    if part is None:
        return 0
    have = "metric" if part == "subject" else "subject"
    # Identity needs a close value: rates equal (3.0% and 3.4% are two figures), other
    # values within the relative tolerance.
    allowed = 0.0 if mention.unit_key == "percent" else tolerance.relative * abs(mention.value)
    candidates = db.execute(
        f"{_CLAIM} WHERE unit_key = ? AND value BETWEEN ? AND ? AND source_id != ? "
        f"AND {have}_key = ? AND kind = 'numeric' AND vanished = 0 "
        "ORDER BY id DESC LIMIT ?",
        [
            mention.unit_key,
            mention.value - allowed,
            mention.value + allowed,
            mention.source_id,
            getattr(mention, f"{have}_key"),
            MAX_CANDIDATES,
        ],
    ).fetchall()
    if candidates and len(mention.terms) < MIN_SHARED:
        return 0
    for row in candidates:
        other = _mention(row)
        if not contexts_agree(mention.terms, other.terms):
            continue
        key = getattr(other, f"{part}_key")
        if not key:
            if mention.period or other.period:
                continue  # dated claims group on the key part they have
            key = f"{MATCHED_PREFIX}{min(other.id, mention.id)}"
        for claim_id in {mention.id, other.id}:
            db.execute(
                f"UPDATE claims SET {part}_key = ? "
                f"WHERE id = ? AND {part}_key = '' AND {_UNTOUCHED}",
                [key, claim_id],
            )
        return 1
    return 0


def _match_figure(db: sqlite_utils.Database, mention: _Mention) -> int:
    """A subject the sentence does not name (one the extractor took from what the article
    is about) gives way to the earliest claim of another article with the same number,
    unit and metric and MIN_SHARED words in common; 1 when it did. A country stays: the
    same rate is reported of many ("unemployment of 4.9%")."""
    if not (mention.subject_key and mention.metric_key) or mention.named_in_sentence:
        return 0
    if is_place(mention.subject):
        return 0
    candidates = db.execute(
        f"{_CLAIM} WHERE unit_key = ? AND metric_key = ? AND value IN (?, ?) "
        "AND source_id != ? AND id < ? AND subject_key != '' AND kind = 'numeric' "
        "AND vanished = 0 ORDER BY id LIMIT ?",
        [
            mention.unit_key,
            mention.metric_key,
            mention.value,
            -mention.value,
            mention.source_id,
            mention.id,
            MAX_CANDIDATES,
        ],
    ).fetchall()
    if not candidates or len(mention.terms) < MIN_SHARED:
        return 0
    for row in candidates:
        other = _mention(row)
        if other.subject_key == mention.subject_key:
            return 0  # already the figure's key
        if contexts_agree(mention.terms, other.terms):
            db.execute(
                f"UPDATE claims SET subject_key = ? WHERE id = ? AND {_UNTOUCHED}",
                [other.subject_key, mention.id],
            )
            return 1
    return 0


# ---------------------------------------------------------------- specific numbers

# Claims read per specific number: more than any one figure is repeated in a corpus of
# news, few enough to compare pairwise.
MAX_SAME_NUMBER = 400


def line_up_specific_numbers(db: sqlite_utils.Database, mentions: list[_Mention]) -> int:
    """Give new claims of specific numbers (_specific_count), and the claims of other
    articles they state one figure with, the name and period of that figure; returns
    how many claims changed.

    Such a number ("3,412 delegates", "$275bn", "reach 3,412") names its figure nearly by
    itself, whatever each article's slots say: two claims of it state one figure when
    their units agree (or one is bare) and their words agree (_state_one_figure). The
    claims linked that way, directly, through a key they already share or through
    other claims, are one figure (_Figures keeps apart what cannot be one: two units,
    two periods that contradict each other, two subjects named by name). They take
    the name most of them give and the period most of the dated ones give. Each
    article says a repeated figure in its own words; what one says links it to the
    next, so the figure is found whatever order the articles came in."""
    changed = 0
    by_number: dict[tuple[float, str], list[_Mention]] = {}
    for mention in mentions:
        # A bare number, or a count of people, is read against every unit of its number.
        across = _bare(mention.unit_key) or mention.kind_of_unit == "count:people"
        unit = "" if across else mention.unit_key
        by_number.setdefault((abs(mention.value), unit), []).append(mention)
    for (value, unit), new in by_number.items():
        known = [m for m in _same_number(db, value, unit) if _specific_count(m)]
        for figure in _figures_of(new, known):
            changed += _give_figure_key(db, figure)
    return changed


def _same_number(db: sqlite_utils.Database, value: float, unit: str) -> list[_Mention]:
    """The most recent claims of a number in a unit or bare (the new ones among them);
    without a unit, in any unit. Each sign is read on its own: `value = ?` walks the
    index newest first and stops at the limit, where `IN` would sort every claim of a
    common number."""
    if unit:
        # In its unit: the (unit, value) index finds just those, few enough to sort.
        source, units, params = "claims INDEXED BY idx_claims_unit_value", _IN_UNIT, [unit]
    else:
        source, units, params = "claims", "", []
    found = []
    for signed in {value, -value}:
        found += db.execute(
            # "+kind": the index on the value (and unit), never the one on the kind.
            f"{_CLAIM_COLUMNS} FROM {source} WHERE {units}value = ? AND +kind = 'numeric' "
            "AND +vanished = 0 AND (subject_key != '' OR metric_key != '') "
            "ORDER BY id DESC LIMIT ?",
            [*params, signed, MAX_SAME_NUMBER],
        ).fetchall()
    return [_mention(row) for row in found]


_IN_UNIT = "unit_key IN (?, '', 'number') AND "


def _figures_of(new: list[_Mention], known: list[_Mention]) -> list[list[_Mention]]:
    """The claims in figures: linked by a key they share, or a new claim stating one
    figure with another claim; only figures with a new claim."""
    new_ids = {m.id for m in new}
    by_id = {m.id: m for m in known}
    by_id.update((m.id, m) for m in new)
    figures = _Figures(by_id.values())
    first_of_key: dict[tuple, _Mention] = {}
    for m in by_id.values():
        if m.subject_key and m.metric_key:
            figures.join(m, first_of_key.setdefault((m.subject_key, m.metric_key, m.unit_key), m))
    for m in new:
        for other in by_id.values():
            if other.id != m.id and _state_one_figure(m, other):
                figures.join(m, other)
    return [f for f in figures.groups() if new_ids.intersection(m.id for m in f)]


class UnionFind:
    """Items joined into groups, directly or through others."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def root(self, item: int) -> int:
        parent = self._parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self._parent[self.root(a)] = self.root(b)


class _Figures:
    """Claims joined into figures, directly or through others; a join that would put
    two units or periods that contradict each other in one figure is refused, so a
    chain of loose links never makes one figure of two (_periods_agree)."""

    def __init__(self, mentions: Iterable[_Mention]):
        self._links = UnionFind()
        self._members: dict[int, list[_Mention]] = {}
        # What each figure holds that another must agree with, by the figure's root.
        self._units: dict[int, frozenset[str]] = {}
        self._periods: dict[int, frozenset[str]] = {}
        for m in mentions:
            self._members[m.id] = [m]
            self._units[m.id] = frozenset() if _bare(m.unit_key) else frozenset([m.kind_of_unit])
            self._periods[m.id] = frozenset([m.own_period]) if m.own_period else frozenset()

    def join(self, a: _Mention, b: _Mention) -> None:
        ra, rb = self._links.root(a.id), self._links.root(b.id)
        if ra == rb:
            return
        units = self._units[ra] | self._units[rb]
        periods = self._periods[ra] | self._periods[rb]
        if len(units) > 1 or not _periods_agree(periods):
            return
        self._links.join(ra, rb)
        root = self._links.root(ra)
        other = rb if root == ra else ra
        self._members[root] = self._members[root] + self._members.pop(other)
        self._units[root], self._periods[root] = units, periods

    def groups(self) -> list[list[_Mention]]:
        return list(self._members.values())


def _periods_agree(periods: frozenset[str]) -> bool:
    """Whether one of these periods holds all the others: 2016 with 2016-03 and 2016-05
    (one figure of that year, dated more closely by what else some sentences said);
    not 2016-03 with 2016-06 alone (a monthly figure that came out the same twice)."""
    spans = [_span(p) for p in periods]
    return not spans or any(
        all(outer[0] <= inner[0] and inner[1] <= outer[1] for inner in spans) for outer in spans
    )


@lru_cache(maxsize=4096)
def _span(period: str) -> tuple[str, str]:
    start, end = safe_period_bounds(period)
    return (start or period, end or period)  # a period kept as text agrees only with itself


def _give_figure_key(db: sqlite_utils.Database, figure: list[_Mention]) -> int:
    """Give a figure's claims one key (_figure_key) and one period (_figure_period) when
    they come from two articles."""
    if len({m.source_id for m in figure}) < 2:
        return 0
    subject, metric, unit = _figure_key(figure)
    period = _figure_period(figure)
    start, end = safe_period_bounds(period)
    changed = 0
    for m in figure:
        if (m.subject_key, m.metric_key, m.unit_key, m.period) != (subject, metric, unit, period):
            # SET reads the old row: the period replaced is the one kept, once.
            changed += db.execute(
                "UPDATE claims SET subject_key = ?, metric_key = ?, unit_key = ?, period = ?, "
                "period_start = ?, period_end = ?, "
                "extracted_period = coalesce(extracted_period, period, '') "
                f"WHERE id = ? AND {_UNTOUCHED}",
                [subject, metric, unit, period or None, start, end, m.id],
            ).rowcount
    return changed


def _figure_period(figure: list[_Mention]) -> str:
    """The period the figure's dated claims give most often (the most precise on a tie;
    for a toll, the most precise), '' when none gives one. The figure's periods agree
    (_Figures), so a claim that gives none, or gives the same time more or less
    precisely, is dated with the others: the delegates a nomination needs are dated by
    the contest's year, not by the Tuesday one article said it on."""
    dates = Counter(m.own_period for m in sorted(figure, key=lambda m: m.id) if m.own_period)
    if not dates:
        return ""
    if any(m.casualties is not None for m in figure):
        # A toll is of an event that happened on one day: the day one article gives
        # dates the "2017 bombing" of the others (the periods agree, so it lies inside).
        return max(dates, key=lambda p: (len(p), dates[p]))
    return max(dates, key=lambda p: (dates[p], len(p)))


def _state_one_figure(a: _Mention, b: _Mention) -> bool:
    """Whether two claims of one specific number state one figure: units that agree (or
    one bare number), and agreeing words, two of them when both are of one article.
    Two subjects the sentences name by name ("Acme paid", "Globex paid") are two
    figures, however alike the words."""
    if a.kind_of_unit != b.kind_of_unit and not (_bare(a.unit_key) or _bare(b.unit_key)):
        return False
    if a.subject_key and a.metric_key and a.stored_key == b.stored_key:
        return True
    if a.names_itself and b.names_itself and not _same_name(a.subject_key, b.subject_key):
        return False
    if a.source_id == b.source_id:
        return contexts_agree(a.terms, b.terms, 2, 0.3)
    if _bare(a.unit_key) or _bare(b.unit_key):
        return contexts_agree(a.terms, b.terms, 1, 0.2)  # a bare number says less
    if a.casualties is not None and not distinctive(a.value):
        return _same_toll(a, b)
    if not distinctive(a.value):
        # A large round count: two words in common saying what is counted.
        return contexts_agree(a.figure_words, b.figure_words, 2, 0.0)
    # A specific count of one thing ("3,412 delegates") needs one word in common that
    # says what the count is (figure_words).
    return contexts_agree(a.figure_words, b.figure_words, 1, 0.0)


def _same_toll(a: _Mention, b: _Mention) -> bool:
    """Two tolls of one event: both of the dead (or both of the wounded), and the same
    event or place: named alike, or one's named in the other's sentence (the club in
    one, the city the club is in, which the other names too); without an event, a name
    in common in their sentences. Two events named apart are two tolls, whatever
    else their sentences share ("officials said")."""
    if a.casualties != b.casualties:
        return False
    if a.subject_key and b.subject_key:
        return (
            _same_name(a.subject_key, b.subject_key)
            or _names_event_of(a, b)
            or _names_event_of(b, a)
        )
    return bool(a.name_words & b.name_words)


def _same_name(a: str, b: str) -> bool:
    """Whether two subject keys name one thing, one more fully ("donald trump", "donald
    j trump")."""
    words_a, words_b = set(a.split()), set(b.split())
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def _names_event_of(a: _Mention, b: _Mention) -> bool:
    """Whether a's sentence names b's event or place."""
    return set(match_words(b.subject_key)) <= a.name_words


def _figure_key(figure: list[_Mention]) -> tuple[str, str, str]:
    """The name most of a figure's claims give with both subject and metric (the
    earliest on a tie; a one-word subject made fuller by its claims that write more of
    it), and the unit most of them name. Each claim votes with its own fields
    (_Mention.own_name), not with a key an earlier decision gave it, so the figure's
    name does not depend on the order its articles came in."""
    figure = sorted(figure, key=lambda m: m.id)
    own = [m.own_name for m in figure]
    keyed = [name for name in own if name[0] and name[1]] or own
    # Counter keeps first-seen order, and max() keeps the first of equals: the earliest.
    names = Counter((subject, metric) for subject, metric, _ in keyed)
    subject, metric = max(names, key=names.__getitem__)
    # "the nomination" most often, "the Whig nomination" in some: the figure is the
    # Whig one, so its subject is the commonest fuller name ending in the same word.
    fuller = Counter(name[0] for name in keyed if name[0].endswith(" " + subject))
    if " " not in subject and fuller:
        subject = max(fuller, key=fuller.__getitem__)
    units = Counter(unit for _, _, unit in own if not _bare(unit))
    unit = max(units, key=units.__getitem__) if units else figure[0].unit_key
    return subject, metric, unit


def _bare(unit_key: str) -> bool:
    """No unit, or a bare number: a figure said without its counted noun ("reach 3,412")."""
    return unit_key in ("", "number")


def _counted(unit_key: str) -> bool:
    """Whether a unit family counts things or money, where a specific number ("3,412
    delegates", "$275bn") is rarely two figures; rates and shares repeat."""
    return unit_key.startswith(("count:", "currency:"))
