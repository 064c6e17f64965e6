"""Score claims.extract.extract_claims against the gold files in shared/eval/<split>/.

Usage:
    .venv/bin/python bench/eval_extract.py [SHARED_DIR] [--split dev,dev2] [--misses] [--json]

Each split is reported apart (and a split mixing corpora, by id prefix, per corpus),
then all of them together.

SHARED_DIR defaults to ../shared relative to the repository root. The split folder
holds seed.json (one article with its text and gold) and/or bbc.jsonl (gold per
article id) with corpus.jsonl (the article texts); any *.json article with a
"text" and "claims" and any gold *.jsonl whose texts are in corpus.jsonl is scored.

Matching (see CLAIM-SPEC.md):
- numeric: a prediction matches a gold claim when their surface spans overlap;
  predictions that overlap only gold claims marked "optional" count neither way,
  and optional gold claims are never missed;
- attributed (quote/statement): a prediction matches when the sentences overlap
  by at least half of the shorter one.
Field accuracy is computed over matched pairs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extract import extract_claims  # noqa: E402
from claims.normalise import fold_words  # noqa: E402
from claims.plurals import singular  # noqa: E402

NUMERIC_FIELDS = ("value", "unit", "period", "approx", "speaker", "subject", "metric")
# Names compared leniently (see names_match): the spec asks for the text's own words,
# and "Okafor" for "Ann Okafor" names the same subject.
LENIENT_FIELDS = frozenset({"speaker", "subject", "metric"})
ATTRIBUTED_FIELDS = ("speaker", "kind", "speaker_org", "cue", "via")
ATTRIBUTED_KINDS = ("quote", "statement")


@dataclass
class Article:
    id: str
    text: str
    published: str | None
    claims: list[dict]


@dataclass
class Tally:
    """Counts for one claim family: matches, misses, false alarms, field agreement."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_ok: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def scores(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def accuracy(self, name: str) -> float:
        return self.field_ok.get(name, 0) / self.tp if self.tp else 0.0


def load_articles(split_dir: Path) -> list[Article]:
    """Read every gold article of a split folder."""
    articles: list[Article] = []
    corpus: dict[str, dict] = {}
    corpus_path = split_dir / "corpus.jsonl"
    if corpus_path.exists():
        for line in corpus_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                corpus[row["id"]] = row
    for path in sorted(split_dir.glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        if "text" in row and "claims" in row:
            articles.append(Article(row["id"], row["text"], row.get("published"), row["claims"]))
    for path in sorted(split_dir.glob("*.jsonl")):
        if path.name == "corpus.jsonl":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            gold = json.loads(line)
            source = corpus.get(gold["id"])
            if source is None and "text" in gold:
                source = gold  # a gold line that carries its own text
            if source is None:
                print(f"warning: no text for {gold['id']} in corpus.jsonl", file=sys.stderr)
                continue
            published = gold.get("published") or source.get("published")
            articles.append(Article(gold["id"], source["text"], published, gold["claims"]))
    return articles


def _norm_text(value: object) -> object:
    """Compare names and units ignoring case, spacing and a leading 'the'."""
    if not isinstance(value, str):
        return value
    text = " ".join(value.lower().split())
    return text[4:] if text.startswith("the ") else text


def _name_words(value: str) -> list[str]:
    return [singular(word) for word in fold_words(value)]


# Words that open a noun phrase's postmodifier: the head noun stands before them.
_POSTMODIFIER_WORDS = frozenset(
    "of among in for against over to at on by from with within between than".split()
)


def _head(words: list[str], text: str) -> str:
    """A name's head word: the last word before a postmodifier ("support among likely
    voters" -> support, "margin of error" -> margin), else the last word."""
    raw = text.lower().split()
    for index, word in enumerate(raw):
        if index and word in _POSTMODIFIER_WORDS:
            head = _name_words(" ".join(raw[:index]))
            return head[-1] if head else words[-1]
    return words[-1]


def _acronym_of(short: str, name: str) -> bool:
    """Whether `short` is the acronym of `name`: "FEC" for "Federal Election
    Commission", or the one given in brackets, "Office of Fair Trading (OFT)"."""
    short = short.replace(".", "").strip()
    if not (2 <= len(short) <= 8 and short.isalpha() and short.isupper()):
        return False
    bracketed = re.search(r"\(([^()]*)\)", name)
    if bracketed and bracketed.group(1).replace(".", "").strip() == short:
        return True
    outside = re.sub(r"\([^()]*\)", " ", name).split()
    return len(outside) > 1 and "".join(w[0] for w in outside if w[:1].isupper()) == short


def names_match(gold: object, pred: object) -> bool:
    """Lenient name match: equal once folded (case, articles, possessives, plurals,
    punctuation), or one's words all within the other's where the shorter keeps the
    longer's head word: "Okafor" for "Ann Okafor", "profit" for "pre-tax profit",
    "support" for "support among likely voters", but not "unemployment" for
    "unemployment rate"."""
    if not isinstance(gold, str) or not isinstance(pred, str):
        return gold is None and pred is None
    if _acronym_of(gold, pred) or _acronym_of(pred, gold):
        return True
    a, b = _name_words(gold), _name_words(pred)
    if not a or not b:
        return a == b
    if a == b:
        return True
    (short, _), (long_, long_text) = sorted(((a, gold), (b, pred)), key=lambda p: len(p[0]))
    return set(short) <= set(long_) and _head(long_, long_text) in short


def field_equal(name: str, gold: object, pred: object) -> bool:
    if name in LENIENT_FIELDS:
        return names_match(gold, pred)
    if name == "value":
        if gold is None or pred is None:
            return gold is pred
        return abs(float(gold) - float(pred)) <= 1e-6 * max(1.0, abs(float(gold)))
    return _norm_text(gold) == _norm_text(pred)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{left}[[{text[start:end]}]]{right}".replace("\n", " ")


def score_numeric(article: Article, preds: list, tally: Tally) -> None:
    golds = [c for c in article.claims if c["kind"] == "numeric"]
    matched: set[int] = set()
    for pred in preds:
        hits = [
            (
                i,
                _overlap(
                    pred.surface_start, pred.surface_end, g["surface_start"], g["surface_end"]
                ),
            )
            for i, g in enumerate(golds)
        ]
        hits = [(i, o) for i, o in hits if o > 0]
        free = [(i, o) for i, o in hits if not golds[i].get("optional") and i not in matched]
        if free:
            i = max(free, key=lambda h: h[1])[0]
            matched.add(i)
            tally.tp += 1
            gold = golds[i]
            for name in NUMERIC_FIELDS:
                if field_equal(name, gold.get(name), getattr(pred, name)):
                    tally.field_ok[name] = tally.field_ok.get(name, 0) + 1
                else:
                    tally.misses.append(
                        f"  FIELD {name}: gold={gold.get(name)!r} pred={getattr(pred, name)!r}"
                        f"  {_context(article.text, pred.surface_start, pred.surface_end)}"
                    )
        elif any(golds[i].get("optional") for i, _ in hits):
            continue
        else:
            tally.fp += 1
            tally.misses.append(
                f"  FP value={pred.value} unit={pred.unit}"
                f"  {_context(article.text, pred.surface_start, pred.surface_end)}"
            )
    for i, gold in enumerate(golds):
        if i not in matched and not gold.get("optional"):
            tally.fn += 1
            tally.misses.append(
                f"  FN value={gold['value']} unit={gold['unit']}"
                f"  {_context(article.text, gold['surface_start'], gold['surface_end'])}"
            )


def _sentences_match(g0: int, g1: int, p0: int, p1: int) -> bool:
    shorter = min(g1 - g0, p1 - p0)
    return shorter > 0 and _overlap(g0, g1, p0, p1) * 2 >= shorter


def score_attributed(article: Article, preds: list, tally: Tally) -> None:
    golds = [c for c in article.claims if c["kind"] in ATTRIBUTED_KINDS]
    matched: set[int] = set()
    for pred in preds:
        candidates = [
            i
            for i, g in enumerate(golds)
            if i not in matched
            and _sentences_match(
                g["sentence_start"], g["sentence_end"], pred.sentence_start, pred.sentence_end
            )
        ]
        if not candidates:
            tally.fp += 1
            tally.misses.append(
                f"  FP {pred.kind} speaker={pred.speaker!r}: "
                f"{article.text[pred.sentence_start : pred.sentence_end][:110]!r}"
            )
            continue
        i = candidates[0]
        matched.add(i)
        tally.tp += 1
        gold = golds[i]
        for name in ATTRIBUTED_FIELDS:
            if field_equal(name, gold.get(name), getattr(pred, name)):
                tally.field_ok[name] = tally.field_ok.get(name, 0) + 1
            elif name == "speaker":
                tally.misses.append(
                    f"  FIELD speaker: gold={gold.get('speaker')!r} pred={pred.speaker!r}: "
                    f"{article.text[pred.sentence_start : pred.sentence_end][:110]!r}"
                )
    for i, gold in enumerate(golds):
        if i not in matched:
            tally.fn += 1
            tally.misses.append(
                f"  FN {gold['kind']} speaker={gold.get('speaker')!r}: "
                f"{article.text[gold['sentence_start'] : gold['sentence_end']][:110]!r}"
            )


def evaluate(articles: list[Article], show_misses: bool = False) -> dict:
    numeric, attributed = Tally(), Tally()
    words = 0
    started = time.perf_counter()
    for article in articles:
        preds = extract_claims(article.text, article.published)
        words += len(article.text.split())
        n_before, a_before = len(numeric.misses), len(attributed.misses)
        score_numeric(article, [p for p in preds if p.kind == "numeric"], numeric)
        score_attributed(article, [p for p in preds if p.kind in ATTRIBUTED_KINDS], attributed)
        if show_misses and (len(numeric.misses) > n_before or len(attributed.misses) > a_before):
            print(f"== {article.id}")
            for line in numeric.misses[n_before:]:
                print("  numeric" + line)
            for line in attributed.misses[a_before:]:
                print("  attributed" + line)
    elapsed = time.perf_counter() - started
    result: dict = {"articles": len(articles), "words": words, "seconds": round(elapsed, 3)}
    for name, tally, fields_ in (
        ("numeric", numeric, NUMERIC_FIELDS),
        ("attributed", attributed, ATTRIBUTED_FIELDS),
    ):
        p, r, f = tally.scores()
        result[name] = {
            "tp": tally.tp,
            "fp": tally.fp,
            "fn": tally.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "accuracy": {n: round(tally.accuracy(n), 4) for n in fields_},
        }
    return result


def print_report(result: dict) -> None:
    print(f"articles {result['articles']}, words {result['words']}, {result['seconds']} s")
    for name in ("numeric", "attributed"):
        r = result[name]
        print(
            f"{name:10} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
        accs = "  ".join(f"{k} {v:.3f}" for k, v in r["accuracy"].items())
        print(f"{'':10} accuracy: {accs}")


def _family(article_id: str) -> str:
    """The corpus an article comes from, by its id's prefix ("polnear-...", "bbc-...")."""
    return article_id.split("-", 1)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(REPO.parent / "shared"))
    parser.add_argument(
        "--split", default="dev,dev2", help="folders under shared/eval/, comma-separated"
    )
    parser.add_argument("--misses", action="store_true", help="list misses and mismatches")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    splits = [s for s in args.split.split(",") if s]
    everything: list[Article] = []
    results: dict = {}
    for split in splits:
        split_dir = Path(args.shared) / "eval" / split
        if not split_dir.is_dir():
            print(f"no such folder: {split_dir}", file=sys.stderr)
            return 2
        articles = load_articles(split_dir)
        everything += articles
        results[split] = evaluate(articles, show_misses=args.misses)
        families = sorted({_family(a.id) for a in articles})
        if len(families) > 1:
            for family in families:
                subset = [a for a in articles if _family(a.id) == family]
                results[f"{split}/{family}"] = evaluate(subset)
    if len(splits) > 1:
        results["+".join(splits)] = evaluate(everything)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, result in results.items():
            print(f"== {name}")
            print_report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
