"""Who said it: attribute each sentence to a named source (CLAIM-SPEC.md section 2).

`attribute_sentences(text, sentences)` returns, for every sentence span, an
`Attribution` when the article attributes the sentence's content to a source
("X said", "according to X", a quotation with its speaker), else None. This
module is the contract; the machinery is speakers.py (the pass over the
article), quotes.py (quotation marks), frames.py (cue and source in one
sentence), coref.py (who a pronoun, short name or nominal is) and names.py
(the vocabulary and name rules they share).

How it works: regular expressions over each sentence with its quoted material
masked out (so a "said" inside a quotation is never taken for the frame), then
a left-to-right pass over the article that resolves pronouns ("he said" -> the
person the story last named as a subject or speaker), short names ("Ko" ->
"Ko Dae Ryun", "Mr Smith" -> "Jo Smith", "ZTA" -> "Zembla Trade Association"),
nominals ("the firm said" -> the organisation named most often so far; "the
finance minister" -> the person introduced with that title), and carries the
speaker of a quotation into the sentences and paragraphs it runs over, in both
directions ('"One. Two," he said.').

Decisions the spec leaves open:

* Unnamed sources are left out: bare generic plurals ("officials said",
  "analysts warned", "critics", "sources", poll respondents) give None, as the
  dev gold does. A named body's people are kept with the body as the org
  ("Transport Ministry officials"; "a Justice Department spokeswoman" ->
  speaker "a spokeswoman", speaker_org "Justice Department"), also as the gold
  does, and so is "the government" when no government was named before.
  Identified groups of actors count as the gold counts them ("the rail
  unions denied", "European leaders blamed", then "They also said").
* Besides speech verbs (said, told, wrote, estimated, ...) the positions an
  organisation or person takes count as statements when the source is named
  or a nominal: warned, denied, urged, pledged, ruled, welcomed, found,
  concluded, "called on", "ruled out"; not in headlines, not "he believed"
  without a quotation.
* One attribution per sentence: when a sentence has several frames, an
  inverted closing frame ('..., said X.') wins, then a person's main-clause
  speech verb; an outlet that carried a person's words becomes `via`
  ("..., state media ZNA reported", "according to Reuters", "told CNN").
* A continuation sentence (wholly inside a quotation) gets the speaker with
  cue, speaker_org and via None, as in the gold.
* confidence: 0.9 a named speaker with a speech verb, 0.75 a resolved
  pronoun, 0.6-0.7 continuations and resolved nominals, 0.4-0.5 groups and
  institutions kept as written ("the rail unions", "the government"),
  0.45 a guess (a role nominal resolved to the story's current person); 0.15
  less when the cue is a position rather than speech ("welcomed", "denied"),
  where the numbers of the sentence are often not the source's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.extract.speakers import find_attributions

__all__ = ["Attribution", "attribute_sentences"]


@dataclass
class Attribution:
    """The source an article gives for one sentence's content."""

    sentence_start: int
    sentence_end: int
    kind: str  # "quote" | "statement"
    speaker: str | None
    speaker_org: str | None
    cue: str | None
    via: str | None
    confidence: float


def attribute_sentences(text: str, sentences: list[tuple[int, int]]) -> list[Attribution | None]:
    """One entry per sentence span (same order): its Attribution or None.

    Pure and total: never raises; on unexpected input it returns None entries.
    """
    try:
        found = find_attributions(text, sentences)
        out: list[Attribution | None] = []
        for (start, end), hit in zip(sentences, found, strict=True):
            if hit is None:
                out.append(None)
                continue
            out.append(
                Attribution(
                    sentence_start=start,
                    sentence_end=end,
                    kind=hit.kind,
                    speaker=hit.speaker,
                    speaker_org=hit.org,
                    cue=hit.cue,
                    via=hit.via,
                    confidence=hit.confidence,
                )
            )
        return out
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        return [None] * len(sentences)
