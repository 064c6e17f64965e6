"""ClaimReview: a JSON array of schema.org ClaimReview objects, one per claim whose
status is a verdict.

author is the reviewing organisation (claims.config: --org, $CLAIMS_ORG, or
data/settings.toml); url, which Google requires, is the fact-check page from
the review_url template ($CLAIMS_REVIEW_URL, "{id}" for the claim id), else the
evidence link given with the verdict, else left out (and counted in the
manifest as claimreview_without_url).
"""

from __future__ import annotations

import json
from typing import BinaryIO

from claims import config
from claims.export.columns import SOURCE_PROVENANCE
from claims.export.formats.jsonfile import text_stream
from claims.export.job import Job
from claims.export.reading import PROVENANCE_VALUES, claim_batches
from claims.model import VERDICT_STATUSES, ClaimsError

# The rating each verdict status publishes: alternateName is what Google
# shows; the number puts verdicts on one scale (1 false ... 5 true).
VERDICT_RATINGS: dict[str, tuple[str, int | None]] = {
    "verified": ("True", 5),
    "disputed": ("Disputed", 3),
    "misleading": ("Misleading", 2),
    "false": ("False", 1),
    "unverifiable": ("Unverifiable", None),  # no place on a true-false scale
}
BEST_RATING, WORST_RATING = 5, 1

_CLAIMREVIEW_SELECT = (
    ("id", "claims.id"),
    ("sentence", "claims.sentence"),
    ("speaker", "claims.speaker"),
    ("speaker_org", "claims.speaker_org"),
    ("status", "claims.status"),
    ("updated", "claims.updated"),
    # The latest status change is the verdict being published.
    (
        "verdict_at",
        "(SELECT r.at FROM reviews AS r WHERE r.claim_id = claims.id "
        "AND r.field = 'status' ORDER BY r.id DESC LIMIT 1)",
    ),
    (
        "evidence_url",
        "(SELECT r.evidence_url FROM reviews AS r WHERE r.claim_id = claims.id "
        "AND r.field = 'status' ORDER BY r.id DESC LIMIT 1)",
    ),
)


def claim_review(row: dict, org: str, org_url: str | None, review_url: str | None) -> dict:
    """One schema.org ClaimReview for a claim with a verdict status.

    url is the published fact check: the review_url template with the claim
    id when one is configured, else the evidence link given with the verdict.
    """
    label, score = VERDICT_RATINGS[row["status"]]
    rating: dict = {"@type": "Rating", "alternateName": label, "name": label}
    if score is not None:
        rating.update(ratingValue=score, bestRating=BEST_RATING, worstRating=WORST_RATING)
    author: dict = {"@type": "Organization", "name": org}
    if org_url:
        author["url"] = org_url
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url.format(id=row["id"]) if review_url else row["evidence_url"],
        "claimReviewed": row["sentence"],
        "itemReviewed": _reviewed_claim(row),
        "author": author,
        "datePublished": (row["verdict_at"] or row["updated"])[:10],
        "reviewRating": rating,
    }
    return {key: value for key, value in review.items() if value is not None}


def _reviewed_claim(row: dict) -> dict:
    claim: dict = {"@type": "Claim"}
    if row["speaker"]:
        claim["author"] = {"@type": "Person", "name": row["speaker"]}
        if row["speaker_org"]:
            claim["author"]["affiliation"] = {"@type": "Organization", "name": row["speaker_org"]}
    elif row["speaker_org"] or row["source_publisher"]:
        # Nobody is quoted: the claim is the organisation's or the outlet's own.
        name = row["speaker_org"] or row["source_publisher"]
        claim["author"] = {"@type": "Organization", "name": name}
    if row["source_published"]:
        claim["datePublished"] = row["source_published"]
    if row["source_url"]:
        appearance: dict = {"@type": "CreativeWork", "url": row["source_url"]}
        for key, column in (("headline", "source_title"), ("datePublished", "source_published")):
            if row[column]:
                appearance[key] = row[column]
        if row["source_publisher"]:
            appearance["publisher"] = {"@type": "Organization", "name": row["source_publisher"]}
        claim["appearance"] = appearance
    return claim


def write_claimreview(job: Job, out: BinaryIO) -> None:
    if not job.org:
        raise ClaimsError(
            "ClaimReview needs the reviewing organisation's name: give --org NAME, "
            f"set ${config.ORG_ENV_VAR}, or add name under [organisation] "
            f"in {config.SETTINGS_FILE}."
        )
    verdicts = f"claims.status IN ({', '.join('?' * len(VERDICT_STATUSES))})"
    select = [expr for _, expr in _CLAIMREVIEW_SELECT]
    names = [name for name, _ in _CLAIMREVIEW_SELECT + SOURCE_PROVENANCE]
    without_url = 0
    with text_stream(out) as text:
        text.write("[")
        separator = "\n"
        for batch in claim_batches(job, select, PROVENANCE_VALUES, verdicts, VERDICT_STATUSES):
            for row in batch.rows:
                values = (*row[2:], *batch.sources[row[0]])
                fields = dict(zip(names, values, strict=True))
                review = claim_review(fields, job.org, job.org_url, job.review_url)
                without_url += "url" not in review
                text.write(separator)
                text.write(json.dumps(review, ensure_ascii=False, indent=2))
                separator = ",\n"
        text.write("\n]\n")
    if without_url:
        job.notes["claimreview_without_url"] = without_url
