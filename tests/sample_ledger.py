"""A small, deterministic ledger for page and browser tests.

It stores real sample articles (data/samples/articles.jsonl) with claims found
by a deliberately simple pattern, so that the dashboard's tests do not depend
on the extractor's behaviour, plus one article whose title, speaker and text
carry HTML/JS and markdown that must show literally everywhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from claims import config, store
from claims.model import ExtractedClaim

HOSTILE_TEXT = (
    "Officials said <script>alert(1)</script> that 42 percent of <img src=x onerror=alert(2)> "
    "[voters](javascript:alert(3)) agreed, according to **Mallory** "
    "![x](data:text/html,alert(4)).\n"
    "Another paragraph said costs rose 7 percent in 2022."
)
HOSTILE_TITLE = "<b>Bold</b> <script>alert('t')</script> [link](javascript:alert(5)) # title"
HOSTILE_SPEAKER = "<img src=x onerror=alert(6)> *Eve*"

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?:-(\d/\d))? (percent|basis points?)")
_METRICS = ("federal funds rate", "unemployment rate", "discount rate", "inflation", "payroll")


def _sentences(text: str):
    """(start, end) of each sentence: ends at . ! ? before a space, or at a line end."""
    for match in re.finditer(r"[^\n]+?(?:[.!?](?=\s|$)|(?=\n)|$)", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        if match.group().strip():
            yield start, match.end()


def simple_claims(text: str, published: str | None, speaker: str | None) -> list[ExtractedClaim]:
    """Numbers followed by percent / basis points, with a metric named in the sentence."""
    found = []
    for s0, s1 in _sentences(text):
        sentence = text[s0:s1].lower()
        metric = next((m for m in _METRICS if m in sentence), None)
        for m in _NUMBER.finditer(text, s0, s1):
            value = float(m.group(1))
            if m.group(2):
                num, den = m.group(2).split("/")
                value += int(num) / int(den)
            unit = "percent" if m.group(3) == "percent" else "basis point"
            found.append(
                ExtractedClaim(
                    kind="numeric",
                    surface=m.group(),
                    surface_start=m.start(),
                    surface_end=m.end(),
                    sentence_start=s0,
                    sentence_end=s1,
                    value=value,
                    unit=unit,
                    subject="United States" if metric else None,
                    metric=metric,
                    period=published[:4] if published and metric else None,
                    speaker=speaker,
                    confidence=0.8 if metric else 0.4,
                )
            )
    return found


def build(path: str | Path, *, articles: int = 30, hostile: bool = True):
    """Create the ledger at `path` and return the open database."""
    db = store.connect(path)
    lines = (config.SAMPLES_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:articles]:
        item = json.loads(line)
        text = item["text"].strip()
        claims = simple_claims(text, item["published"], item["publisher"].split(" (")[0])
        store.add_source(
            db, text, claims, title=item["title"], publisher=item["publisher"],
            url=item.get("url"), published=item["published"],
        )  # fmt: skip
    if hostile:
        claims = simple_claims(HOSTILE_TEXT, "2023-05-01", HOSTILE_SPEAKER)
        for claim in claims:
            claim.subject, claim.metric, claim.period = "Testland", HOSTILE_TITLE, "2022"
        store.add_source(
            db, HOSTILE_TEXT, claims, title=HOSTILE_TITLE, publisher="<i>Pub</i>",
            url="javascript:alert(7)", published="2023-05-01",
        )  # fmt: skip
    return db
