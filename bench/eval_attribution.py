"""Score attribute_sentences on the PolNeAR attribution gold (development only).

    .venv/bin/python bench/eval_attribution.py [--gold PATH] [--limit N] [--misses]

The gold (eval/attribution/README.md) annotates every attribution relation in
840 articles. The ledger's target is narrower, so only these relations count:

* a reporting cue: the annotated cue contains one of REPORTING_CUES
  ("said", "told", "according to", "estimated", ...);
* a named source: the annotated source contains a capitalised word that is not
  a pronoun, determiner, quantity or generic group ("Trump", "the Clinton
  campaign"; not "he", "Officials", "Seventy-four percent of voters", "Democrats").

Figures:

* recall: a target relation is found when a sentence the extractor attributes
  overlaps the relation's content span;
* speaker accuracy: of the found relations, how often the speaker of the first
  attributed sentence overlapping the content matches the annotated source.
  Names match when, after lower-casing and dropping punctuation, "'s" and titles
  ("Mr.", "Sen.", "President"), for one of the comma- or dash-separated parts of
  the annotated source (not a "who ..." part), the capitalised words of one are all among
  the capitalised words of the other: "Donald Trump" matches "Trump",
  "Mr. Trump" and "Republican front-runner Donald Trump", but "Ivanka Trump"
  does not match "Donald Trump"; an acronym matches the initials of the other
  name ("DNC"); a predicted source without capitals ("a spokesman") matches
  when its words are among the source's ("A Treasury spokesman"). When the
  annotated source is the outlet that carried a statement ("Trump said ...,
  according to CNN"), the predicted `via` may match instead.
* precision (lenient): of the attributed sentences, how many overlap the content
  of any annotated relation (PolNeAR marks attributions broadly, so this is an
  upper bound); precision (strict) counts only target relations.

Article texts are never printed in full; --misses prints the sentence, the
annotated source and what was predicted, for development.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.extract.attribution import attribute_sentences  # noqa: E402
from claims.extract.sentences import sentence_spans  # noqa: E402

# ../shared relative to the repository root, as bench/eval_extract.py does.
DEFAULT_GOLD = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "eval"
    / "attribution"
    / "polnear-train.jsonl"
)

REPORTING_CUES = frozenset(
    """
    said says say saying told tells telling added adds adding wrote writes writing
    reported reports reporting stated states stating estimated estimates announced
    announces noted notes warned warns explained explains argued argues insisted
    insists confirmed confirms declared declares predicted predicts projected
    forecast acknowledged admitted admits tweeted claimed claims asserted stressed
    """.split()
)
# Capitalised words that do not make a source a name: pronouns and determiners,
# quantities ("Seventy-four percent of voters", "About half"), and generic groups
# ("Democrats", "Officials", "Critics"), which CLAIM-SPEC does not count as named.
_NOT_NAMES = frozenset(
    """
    the a an he she it they we i you his her its their our my this that these those
    one some many most both all several another other each even only just about nearly
    almost more half majorities majority few every percent two three four five six seven
    eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety
    hundred democrats republicans independents critics sources police officials
    opponents supporters voters analysts experts aides people friends residents
    """.split()
)


def is_target(rel: dict) -> bool:
    """A relation the ledger should find: reporting cue and named source."""
    if not rel.get("has_source") or not rel.get("source") or not rel.get("content"):
        return False
    cue = rel["cue"]["text"].lower() if rel.get("cue") else ""
    words = set(re.findall(r"[a-z]+", cue))
    if not (words & REPORTING_CUES or "according to" in cue):
        return False
    return has_name(rel["source"]["text"])


def has_name(source: str) -> bool:
    return any(
        w[0].isupper() and w.lower().split("-")[0].strip(",.") not in _NOT_NAMES
        for w in source.split()
    )


_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sen senator rep gov governor president sir dame judge gen
    the a an of and for former vice presidential candidate secretary
    """.split()
)


def _cap_words(name: str) -> list[str]:
    """Capitalised words of a name, lower-cased, without titles and function words."""
    name = re.sub(r"['\u2019]s?\b", "", name)
    words = [w.lower() for w in re.findall(r"[\w-]+", name) if w[0].isupper()]
    return [w for w in words if w not in _TITLES]


def _source_names(source: str) -> list[str]:
    """The name parts of an annotated source, split at commas and dashes.

    "Purcell, a Republican," -> ["Purcell", "a Republican"]; "Carter's press
    secretary, Peter Cook" -> [..., "Peter Cook"]; relative clauses ("who ...")
    are dropped, since the names in them are not the source.
    """
    parts = [p.strip() for p in re.split(r",|\u2014|\u2013| - |--", source)]
    return [p for p in parts if p and not re.match(r"(?:who|which|whose)\b", p)] or [source]


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words)


def speaker_matches(predicted: str | None, source: str) -> bool:
    """The name-matching rule in the module docstring."""
    if not predicted:
        return False
    return any(_name_matches(predicted, part) for part in _source_names(source))


def _name_matches(predicted: str, source: str) -> bool:
    pred, gold = _cap_words(predicted), _cap_words(source)
    if not pred:
        # "a spokesman" for "A Treasury spokesman": the words are the source's.
        words = set(predicted.lower().split()) - {"a", "an", "the"}
        return words <= set(source.lower().split())
    if not gold:
        return False
    ps, gs = set(pred), set(gold)
    if ps <= gs or gs <= ps:
        return True
    # "the DNC" and "Democratic National Committee" are one source.
    return (len(gold) == 1 and gold[0] == _acronym(pred)) or (
        len(pred) == 1 and pred[0] == _acronym(gold)
    )


def _overlapping(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> list[int]:
    """Indexes of spans overlapping [lo, hi) (spans sorted and disjoint)."""
    i = max(0, bisect.bisect_right(starts, lo) - 1)
    out = []
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] > lo:
            out.append(i)
        i += 1
    return out


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def evaluate(gold: Path, limit: int | None, misses: bool) -> dict:
    targets = found = right = 0
    predicted = lenient_ok = strict_ok = 0
    words = 0
    seconds = 0.0
    with gold.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            article = json.loads(line)
            text = article["text"]
            words += len(text.split())
            t0 = time.process_time()
            spans = sentence_spans(text)
            atts = attribute_sentences(text, spans)
            seconds += time.process_time() - t0
            hit_spans = [(a.sentence_start, a.sentence_end) for a in atts if a is not None]
            hits = [a for a in atts if a is not None]
            hit_starts = [s for s, _ in hit_spans]
            rels = article["attributions"]
            covered_any: set[int] = set()
            covered_target: set[int] = set()
            for rel in rels:
                if not rel.get("content"):
                    continue
                c = rel["content"]
                idx = _overlapping(hit_spans, hit_starts, c["start"], c["end"])
                covered_any.update(idx)
                if not is_target(rel):
                    continue
                covered_target.update(idx)
                targets += 1
                src = rel["source"]["text"]
                if not idx:
                    if misses:
                        sent = _sentence_of(spans, c["start"])
                        cue = rel["cue"]["text"]
                        print(f"MISS  [{src}] ({cue}) | {_short(text[sent[0] : sent[1]])}")
                    continue
                found += 1
                att = hits[idx[0]]
                # "Trump said ..., according to CNN": CNN is the ledger's `via`.
                if speaker_matches(att.speaker, src) or speaker_matches(att.via, src):
                    right += 1
                elif misses:
                    print(
                        f"WRONG [{src}] got [{att.speaker}] ({att.cue}) | "
                        f"{_short(text[att.sentence_start : att.sentence_end])}"
                    )
            predicted += len(hits)
            lenient_ok += len(covered_any)
            strict_ok += len(covered_target)
            if misses:
                for i, a in enumerate(hits):
                    if i not in covered_any:
                        print(
                            f"FP    got [{a.speaker}] ({a.cue}) | "
                            f"{_short(text[a.sentence_start : a.sentence_end])}"
                        )
    return {
        "articles": n + 1 if limit is None else min(limit, n + 1),
        "target_relations": targets,
        "recall": found / targets if targets else 0.0,
        "speaker_accuracy": right / found if found else 0.0,
        "attributed_sentences": predicted,
        "precision_lenient": lenient_ok / predicted if predicted else 0.0,
        "precision_strict": strict_ok / predicted if predicted else 0.0,
        "words_per_second": words / seconds if seconds else 0.0,
        "seconds": seconds,
    }


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= offset < e:
            return s, e
    return offset, offset + 160


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--misses", action="store_true", help="print misses, wrong speakers, FPs")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    r = evaluate(args.gold, args.limit, args.misses)
    print(
        f"articles {r['articles']}  target relations {r['target_relations']}\n"
        f"recall {r['recall']:.3f}  speaker accuracy {r['speaker_accuracy']:.3f}\n"
        f"attributed sentences {r['attributed_sentences']}  "
        f"precision lenient {r['precision_lenient']:.3f}  strict {r['precision_strict']:.3f}\n"
        f"speed {r['words_per_second']:,.0f} words/s (sentences + attribution, CPU time "
        f"{r['seconds']:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
