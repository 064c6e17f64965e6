"""Score how the ledger lines up one figure across articles (the compare gold).

    .venv/bin/python bench/eval_compare.py                  # shared folder defaults to ../shared
    .venv/bin/python bench/eval_compare.py --misses         # per figure: no claim, its groups
    .venv/bin/python bench/eval_compare.py --json           # the figures as JSON
    .venv/bin/python bench/eval_compare.py --save-groups run.jsonl   # keep the groups output
    .venv/bin/python bench/eval_compare.py --groups-file run.jsonl   # score a saved run

The 840 PolNeAR articles (shared/eval/attribution/polnear-train.jsonl, read at
run time, never copied into the project) go into a fresh ledger in a temporary
folder through the bulk ingest (one .jsonl, url URL_PREFIX + article id, with
the article's publication date and publisher). Then
`python -m claims groups --db FILE --json --min-sources 1` prints every group,
one JSON object per line: {"group", "subject", "metric", "unit", "period",
"claims": [{"claim_id", "source_url", "source_title", "surface",
"surface_start", "value", "period"}]}. `--groups-file` reads that output saved
earlier instead (no ingest).

The gold (shared/eval/compare/polnear-train.jsonl) names 35 figures, each with
its mentions (article id and offsets). A mention is matched to the claim of its
article whose surface overlaps it (the one with the same number first, then the
widest overlap); failing that, to the nearest claim with the same number
(relative VALUE_TOLERANCE, sign ignored) within WINDOW characters, since the
ingest may clean a text and shift offsets. Measures, over gold mentions only:

* pair recall: of the pairs of mentions of one figure in different articles,
  the share whose claims are in one group;
* pair precision: of the pairs of gold mentions in different articles whose
  claims are in one group, the share that are mentions of one figure;
* series keys: of the pairs of figures in one series, the share whose groups (a
  figure's group: the group most of its mentions fall into) carry the same
  subject, metric and unit (compared without case and extra spaces) and
  different periods, neither null;
* period: of the mentions whose figure has a period, the share whose claim has
  exactly that period.

The scoring functions (score and the ones it calls) are pure: gold figures and
group rows in, measures out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_ARTICLES = SHARED / "eval" / "attribution" / "polnear-train.jsonl"
DEFAULT_GOLD = SHARED / "eval" / "compare" / "polnear-train.jsonl"

URL_PREFIX = "https://polnear.example/"
VALUE_TOLERANCE = 1e-3  # relative: 1,237 and 1237.0 match, 1,237 and 1,238 do not
WINDOW = 30  # characters between a mention and a claim with its number

# ---------------------------------------------------------------- scoring (pure)


@dataclass(frozen=True)
class Claim:
    """A claim of the groups output, placed in its article."""

    claim_id: int | str
    group: str
    article: str
    start: int
    end: int
    surface: str
    value: float | None
    period: str | None


@dataclass(frozen=True)
class Mention:
    """A gold mention: which figure, which article, where, and its number."""

    figure: int  # index into the figures list
    article: str
    start: int
    end: int
    surface: str
    value: float


def gold_mentions(figures: Sequence[dict]) -> list[Mention]:
    return [
        Mention(n, m["id"], m["surface_start"], m["surface_end"], m["surface"], m["value"])
        for n, figure in enumerate(figures)
        for m in figure["mentions"]
    ]


def claims_by_article(groups: Iterable[dict], url_prefix: str = URL_PREFIX) -> dict[str, list]:
    """Every claim of the groups whose source URL is url_prefix + an article id."""
    found: dict[str, list[Claim]] = defaultdict(list)
    for group in groups:
        for c in group["claims"]:
            url = c.get("source_url") or ""
            if not url.startswith(url_prefix):
                continue
            article, start, surface = url[len(url_prefix) :], c["surface_start"], c["surface"]
            found[article].append(
                Claim(
                    c["claim_id"],
                    str(group["group"]),
                    article,
                    start,
                    start + len(surface),
                    surface,
                    c.get("value"),
                    c.get("period"),
                )
            )
    return dict(found)


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    a, b = abs(a), abs(b)
    return abs(a - b) <= VALUE_TOLERANCE * max(a, b)


def gap(mention: Mention, claim: Claim) -> int:
    """Characters between the two spans; 0 when they overlap or touch."""
    return max(0, claim.start - mention.end, mention.start - claim.end)


def overlap(mention: Mention, claim: Claim) -> int:
    return min(mention.end, claim.end) - max(mention.start, claim.start)


def match_mention(mention: Mention, claims: Sequence[Claim]) -> tuple[Claim | None, str]:
    """The mention's claim and how it was found: "overlap", "nearby" or "none"."""
    overlapping = [c for c in claims if overlap(mention, c) > 0]
    if overlapping:
        best = max(
            overlapping, key=lambda c: (same_number(c.value, mention.value), overlap(mention, c))
        )
        return best, "overlap"
    nearby = [
        c for c in claims if same_number(c.value, mention.value) and gap(mention, c) <= WINDOW
    ]
    if nearby:
        return min(nearby, key=lambda c: gap(mention, c)), "nearby"
    return None, "none"


def match_all(mentions: Sequence[Mention], claims: dict[str, list[Claim]]) -> list:
    """(claim or None, how) for each mention, in order."""
    return [match_mention(m, claims.get(m.article, [])) for m in mentions]


def pairs_in_different_articles(mentions: Sequence[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs (i, j) of mentions that lie in different articles."""
    for i, j in combinations(range(len(mentions)), 2):
        if mentions[i].article != mentions[j].article:
            yield i, j


def pair_recall(mentions: Sequence[Mention], claims: Sequence[Claim | None]) -> tuple[int, int]:
    """(pairs of one figure in one group, pairs of one figure), across articles."""
    hits = total = 0
    for i, j in pairs_in_different_articles(mentions):
        if mentions[i].figure != mentions[j].figure:
            continue
        total += 1
        if claims[i] is not None and claims[j] is not None and claims[i].group == claims[j].group:
            hits += 1
    return hits, total


def pair_precision(mentions: Sequence[Mention], claims: Sequence[Claim | None]) -> tuple[int, int]:
    """(pairs in one group that are one figure, pairs in one group), across articles."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        if claim is not None:
            by_group[claim.group].append(i)
    right = total = 0
    for members in by_group.values():
        for i, j in combinations(members, 2):
            if mentions[i].article == mentions[j].article:
                continue
            total += 1
            right += mentions[i].figure == mentions[j].figure
    return right, total


def figure_groups(
    figures: Sequence[dict], mentions: Sequence[Mention], claims: Sequence[Claim | None]
) -> list[str | None]:
    """Each figure's group: the one most of its matched mentions fall into (first on a tie)."""
    counts: list[Counter] = [Counter() for _ in figures]
    for mention, claim in zip(mentions, claims, strict=True):
        if claim is not None:
            counts[mention.figure][claim.group] += 1
    return [c.most_common(1)[0][0] if c else None for c in counts]


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def keys_line_up(a: dict, b: dict) -> bool:
    """Same subject, metric and unit; different periods, neither null."""
    same = all(_folded(a.get(k)) == _folded(b.get(k)) for k in ("subject", "metric", "unit"))
    return same and bool(a.get("period")) and bool(b.get("period")) and a["period"] != b["period"]


def series_keys(
    figures: Sequence[dict], groups_of_figures: Sequence[str | None], groups: dict[str, dict]
) -> tuple[int, int]:
    """(pairs of figures of one series whose groups line up, pairs of figures of one series)."""
    series: dict[str, list[int]] = defaultdict(list)
    for n, figure in enumerate(figures):
        if figure.get("series"):
            series[figure["series"]].append(n)
    held = total = 0
    for members in series.values():
        for i, j in combinations(members, 2):
            total += 1
            gi, gj = groups_of_figures[i], groups_of_figures[j]
            if gi is not None and gj is not None and keys_line_up(groups[gi], groups[gj]):
                held += 1
    return held, total


def period_accuracy(
    figures: Sequence[dict], mentions: Sequence[Mention], claims: Sequence[Claim | None]
) -> tuple[int, int]:
    """(mentions whose claim has the figure's period, mentions of figures with a period)."""
    right = total = 0
    for mention, claim in zip(mentions, claims, strict=True):
        period = figures[mention.figure].get("period")
        if not period:
            continue
        total += 1
        right += claim is not None and claim.period == period
    return right, total


def _share(counts: tuple[int, int]) -> dict:
    """Score (0 when there is nothing to count), hits and total."""
    hits, total = counts
    return {"score": hits / total if total else 0.0, "hits": hits, "total": total}


def score(figures: Sequence[dict], groups: Sequence[dict], url_prefix: str = URL_PREFIX) -> dict:
    """The four measures (score, hits, total each) and how the mentions were matched."""
    mentions = gold_mentions(figures)
    matched = match_all(mentions, claims_by_article(groups, url_prefix))
    claims = [claim for claim, _ in matched]
    by_id = {str(g["group"]): g for g in groups}
    return {
        "pair_recall": _share(pair_recall(mentions, claims)),
        "pair_precision": _share(pair_precision(mentions, claims)),
        "series_keys": _share(
            series_keys(figures, figure_groups(figures, mentions, claims), by_id)
        ),
        "period": _share(period_accuracy(figures, mentions, claims)),
        "mentions": len(mentions),
        "matched_by": dict(Counter(how for _, how in matched)),
    }


# ---------------------------------------------------------------- the ledger


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_feed(articles: Sequence[dict], path: Path) -> None:
    """The articles as a bulk-ingest .jsonl: text, url, published, publisher."""
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            record = {
                "text": a["text"],
                "url": URL_PREFIX + a["id"],
                "published": a["published"],
                "publisher": a["publisher"],
            }
            out.write(json.dumps(record) + "\n")


def ingest_articles(articles: Sequence[dict], db_path: Path) -> dict:
    """A fresh ledger at db_path holding the articles; counts and how the texts were stored."""
    from claims import ingest, store

    feed = db_path.with_name("articles.jsonl")
    write_feed(articles, feed)
    db = store.connect(db_path)
    started = time.perf_counter()
    summary = ingest.ingest_many(db, [feed])
    seconds = time.perf_counter() - started
    stored = {row["url"]: row["text"] for row in db.query("SELECT url, text FROM sources")}
    numeric = db.execute("SELECT count(*) FROM claims WHERE kind = 'numeric'").fetchone()[0]
    db.close()
    return {
        "seconds": seconds,
        "added": summary.added,
        "duplicates": summary.duplicates,
        "failures": len(summary.failures),
        "first_failures": [f"{label}: {reason}" for label, reason in summary.failures[:3]],
        "numeric_claims": numeric,
        "texts": compare_texts(articles, stored),
    }


def compare_texts(articles: Sequence[dict], stored: dict[str, str]) -> dict:
    """How the stored texts differ from the given ones: offsets hold unless "shifted"."""
    counts = Counter()
    for a in articles:
        text = stored.get(URL_PREFIX + a["id"])
        if text is None:
            counts["not stored"] += 1
        elif text == a["text"]:
            counts["as given"] += 1
        elif a["text"].startswith(text):
            counts["trimmed at the end"] += 1
        else:
            counts["shifted"] += 1
    return dict(counts)


def run_groups_command(db_path: Path) -> list[dict]:
    """`python -m claims groups --json --min-sources 1`, parsed; exits on failure."""
    command = [sys.executable, "-m", "claims", "groups", "--db", str(db_path), "--json"]
    done = subprocess.run(
        [*command, "--min-sources", "1"], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"`{' '.join(command[1:])}` failed ({done.returncode}):\n{done.stderr.strip()}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


# ---------------------------------------------------------------- report


def print_figures(result: dict) -> None:
    labels = (
        ("pair recall", "pair_recall", "pairs"),
        ("pair precision", "pair_precision", "pairs"),
        ("series keys", "series_keys", "figure pairs"),
        ("period", "period", "mentions"),
    )
    for label, key, noun in labels:
        r = result[key]
        print(f"{label:<15} {r['score']:.3f} ({r['hits']} of {r['total']} {noun})")
    by = result["matched_by"]
    print(
        f"mentions        {result['mentions']}: {by.get('overlap', 0)} on an overlapping claim, "
        f"{by.get('nearby', 0)} on a nearby claim with the number, "
        f"{by.get('none', 0)} with no claim"
    )


def _context(articles: dict[str, str], mention: Mention, width: int = 50) -> str:
    """The mention in its article, a few words either side, on one line."""
    text = articles.get(mention.article, "")
    before = text[max(0, mention.start - width) : mention.start]
    after = text[mention.end : mention.end + width]
    return " ".join(f"...{before}[{mention.surface}]{after}...".split())


def _describe_group(group: dict) -> str:
    return " | ".join(str(group.get(k)) for k in ("subject", "metric", "unit", "period"))


def print_misses(figures: Sequence[dict], groups: Sequence[dict], texts: dict[str, str]) -> None:
    """Per figure that is not one whole group: mentions without a claim, the groups of
    the others (subject | metric | unit | period), wrong periods; then mixed groups."""
    mentions = gold_mentions(figures)
    matched = [c for c, _ in match_all(mentions, claims_by_article(groups))]
    by_id = {str(g["group"]): g for g in groups}
    figures_in_group: dict[str, Counter] = defaultdict(Counter)
    for mention, claim in zip(mentions, matched, strict=True):
        if claim is not None:
            figures_in_group[claim.group][mention.figure] += 1
    for n, figure in enumerate(figures):
        own = [(m, c) for m, c in zip(mentions, matched, strict=True) if m.figure == n]
        in_groups = Counter(c.group for _, c in own if c is not None)
        missing = [m for m, c in own if c is None]
        wrong_period = [
            c.period
            for _, c in own
            if c is not None and figure["period"] and c.period != figure["period"]
        ]
        if not missing and len(in_groups) == 1 and not wrong_period:
            continue
        gold = _describe_group(figure)
        print(
            f"\n{figure['figure']} ({len(own)} mentions; gold: {gold}; series: {figure['series']})"
        )
        for m in missing:
            print(f"  no claim  {m.article} @{m.start}  {_context(texts, m)}")
        for name, count in in_groups.most_common():
            others = sum(v for k, v in figures_in_group[name].items() if k != n)
            shared = f", +{others} of other figures" if others else ""
            print(f"  group     {count} mention(s){shared}: {_describe_group(by_id[name])}")
        if wrong_period:
            said = sorted(set(map(str, wrong_period)))
            print(f"  period    {len(wrong_period)} claim(s) say {', '.join(said)}")
    mixed = {g: c for g, c in figures_in_group.items() if len(c) > 1}
    if mixed:
        print("\ngroups holding mentions of several figures:")
    for name, counts in mixed.items():
        names = ", ".join(f"{figures[k]['figure']} ({v})" for k, v in counts.most_common())
        print(f"  {_describe_group(by_id[name])}: {names}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--groups-file", type=Path, help="score saved `groups --json` output")
    parser.add_argument("--save-groups", type=Path, help="write the groups output to this file")
    parser.add_argument("--misses", action="store_true", help="per figure, what went wrong")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = read_jsonl(args.gold)
    articles = read_jsonl(args.articles)
    report: dict = {}
    if args.groups_file:
        groups = read_jsonl(args.groups_file)
        report["groups_from"] = str(args.groups_file)
    else:
        with tempfile.TemporaryDirectory() as folder:
            db_path = Path(folder) / "ledger.db"
            report["ingest"] = ingest_articles(articles, db_path)
            started = time.perf_counter()
            groups = run_groups_command(db_path)
            report["groups_seconds"] = time.perf_counter() - started
            report["groups_from"] = "python -m claims groups"
    if args.save_groups:
        with args.save_groups.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in groups)
    report["groups"] = len(groups)
    report["claims"] = sum(len(g["claims"]) for g in groups)
    report.update(score(figures, groups))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    if args.misses:
        print_misses(figures, groups, {a["id"]: a["text"] for a in articles})
    return 0


def print_report(report: dict) -> None:
    if "ingest" in report:
        i = report["ingest"]
        texts = ", ".join(f"{v} {k}" for k, v in sorted(i["texts"].items()))
        print(
            f"ingest          {i['seconds']:.1f} s: {i['added']} sources added, "
            f"{i['duplicates']} duplicate(s), {i['failures']} failure(s), "
            f"{i['numeric_claims']:,} numeric claims"
        )
        print(f"texts           {texts}")
        for failure in i["first_failures"]:
            print(f"refused         {failure}", file=sys.stderr)
        print(f"groups          {report['groups_seconds']:.1f} s ({report['groups_from']})")
    else:
        print(f"groups          from {report['groups_from']}")
    print(f"                {report['groups']:,} groups of {report['claims']:,} claims")
    print_figures(report)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
