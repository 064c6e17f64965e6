"""The machinery behind attribution.py: find each sentence's frame, resolve its source.

find_attributions() runs over the article once, left to right: quotations
(quotes.py), frames in each sentence (frames.py), resolution of the source
against what the article has named so far (coref.py), then carries a
quotation's speaker into the sentences it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.context import search_holding
from claims.extract.coref import (
    Memory,
    resolve_source,
)
from claims.extract.frames import (
    Frame,
    frames_in,
)
from claims.extract.names import (
    CORE,
    ENDS_SENTENCE,
    NAME_SEQ,
    PARTICIPLES,
    is_media,
    is_org_name,
)
from claims.extract.quotes import (
    mask_quotes,
    only_quotation,
    quote_regions,
    regions_overlapping,
)

__all__ = ["find_attributions"]


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


# The last mark of a sentence that is no headline (whitespace after it aside).
_CLOSING_MARKS = frozenset('.!?:"\u201d\u2019)')
_BELIEF_VERBS = frozenset("believes believed thinks expects fears hopes".split())


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
        if 0 <= s < e <= len(text) and not ENDS_SENTENCE.search(masked, max(s, e - 3), e)
    ]
    memory = Memory(masked, headlines)
    region_starts = [r[0] for r in regions]
    hits: list[Hit | None] = []
    group_speaker: dict[int, Hit] = {}
    introduced: Hit | None = None  # a frame sentence ending in a colon
    for start, end in sentences:
        if not 0 <= start < end <= len(text):
            hits.append(None)  # not a sentence of this text
            continue
        sent_regions = regions_overlapping(regions, region_starts, start, end)
        has_quote = any(r_end - r_start > 2 for r_start, r_end, _ in sent_regions)
        ms = masked[start:end]
        hit = _attribute_one(ms, start, memory, has_quote)
        if hit is None and sent_regions and only_quotation(ms):
            hit = _continuation(sent_regions, group_speaker, hits)
            if hit is None and introduced is not None:
                # "X wrote:" and the quotation follows as its own sentence or paragraph.
                hit = Hit("quote", introduced.speaker, None, None, None, 0.65, True)
        introduced = hit if hit is not None and ms.rstrip().endswith(":") else None
        if hit is not None and hit.kind == "quote":
            for _, _, g in sent_regions:
                group_speaker.setdefault(g, hit)
        if hit is not None and hit.speaker:
            memory.add_speaker(hit.speaker)
        memory.note_sentence(start, end, hit.speaker if hit else None)
        hits.append(hit)
    _backfill_quotes(hits, sentences, regions, region_starts)
    return hits


def _continuation(
    sent_regions: list[tuple[int, int, int]],
    group_speaker: dict[int, Hit],
    hits: list[Hit | None],
) -> Hit | None:
    """A sentence wholly inside a quotation continues its speaker."""
    for _, _, g in sent_regions:
        if g in group_speaker:
            return Hit("quote", group_speaker[g].speaker, None, None, None, 0.7, True)
    if hits and hits[-1] is not None:
        # The quotation that follows "X said ..." (quoted or reported) is X's.
        return Hit("quote", hits[-1].speaker, None, None, None, 0.65, True)
    return None


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
        mine = {g for _, _, g in regions_overlapping(regions, starts, s, e)}
        j = i - 1
        # Also replace a speaker guessed from the previous quotation: the frame
        # that closes this quotation names who said all of it.
        while j >= 0 and ((earlier := hits[j]) is None or earlier.inherited):
            ps, pe = sentences[j]
            theirs = {g for _, _, g in regions_overlapping(regions, starts, ps, pe)}
            if not (mine & theirs):
                break
            hits[j] = Hit("quote", hit.speaker, None, None, None, 0.7, True)
            j -= 1


def _attribute_one(ms: str, start: int, memory: Memory, has_quote: bool) -> Hit | None:
    """The attribution of one sentence from its own frames, or None."""
    frames = frames_in(ms)
    if not frames:
        return None
    resolved: list[tuple[Frame, str, float]] = []
    # A sentence that ends in a colon introduces what follows; it is no headline.
    headline = ms.rstrip()[-1:] not in _CLOSING_MARKS
    for fr in frames:
        if not fr.core and (
            headline
            or fr.source.form == "pronoun"
            and fr.cue.lower() in _BELIEF_VERBS
            and not has_quote
        ):
            continue  # "he believed": a belief, not a reported statement
        name, conf = resolve_source(fr.source, memory, start + fr.at, start)
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
    # "According to Acme News, the ministry reported ...": the body that spoke, not
    # the outlet that carried it.
    bodies = [r for r in resolved if not is_media(r[1])]
    fallback = bodies[0] if bodies and len(bodies) < len(resolved) else resolved[0]
    primary = inverted[-1] if inverted else people[0] if people else fallback
    fr, name, conf = primary
    via = fr.via
    for other in resolved:
        if other is primary or other[1] == name:
            continue
        if (
            is_org_name(other[1])
            and _is_media_or_reporting(other)
            and (not is_org_name(name) or (is_media(other[1]) and not is_media(name)))
        ):
            via = via or other[1]
    if via is None and not is_org_name(name):
        # "Speaking to the BBC, X said" / "In an interview with Reuters, X said".
        outlet = search_holding(_OUTLET_PHRASE, _OUTLET_WORDS, ms)
        if outlet and is_media(outlet.group("outlet")):
            via = outlet.group("outlet")
    kind = "quote" if has_quote else "statement"
    org = fr.source.org
    if org and org == name:
        org = None
    return Hit(kind, name, org, fr.cue, via, round(max(0.05, min(conf, 1.0)), 2))


# Every match of _OUTLET_PHRASE contains one of these.
_OUTLET_WORDS = ("peaking", "alking", "riting", "nterview")
_OUTLET_PHRASE = re.compile(
    r"\b(?:(?:[Ss]peaking|[Tt]alking|[Ww]riting)\s+(?:to|in|on)|[Ii]n\s+an?\s+interview\s+"
    r"(?:with|on))\s+(?:the\s+)?(?P<outlet>" + NAME_SEQ + ")"
)


def _frame_rank(frame: Frame) -> int:
    """Lower is preferred: main-clause speech verbs, then participles, then the rest."""
    low = frame.cue.lower()
    rank = 0 if low in CORE else 1 if low in PARTICIPLES or low == "according to" else 2
    return rank + (3 if frame.subordinate else 0)


def _is_media_or_reporting(entry: tuple[Frame, str, float]) -> bool:
    fr, name, _ = entry
    return fr.cue.lower() in {"reported", "reports", "according to"} or is_media(name)
