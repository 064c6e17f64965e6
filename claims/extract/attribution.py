"""Who said it: attribute each sentence to a named source (CLAIM-SPEC.md section 2).

`attribute_sentences(text, sentences)` returns, for every sentence span, an
`Attribution` when the article attributes the sentence's content to a source
("X said", "according to X", a quotation with its speaker), else None.

The approach is regular expressions over the sentence with its quoted material
masked out (so a "said" inside a quotation is never taken for the frame), then
a left-to-right pass over the article that resolves pronouns ("he said"),
short names ("Kim said" -> "Kim Jong Un") and nominals ("the firm said" -> the
last organisation named), and carries the speaker of a quotation into the
following sentences while the quotation goes on.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.extract.speakers import find_attributions


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
