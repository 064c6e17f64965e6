"""Groups of comparable claims: who agrees, who does not, and who said it first.

A group is every live numeric claim with one key (subject, metric, unit, period)
as claims/normalise.py computes it and store.py keeps it in the key columns,
after a person's decisions: a merge maps one name onto another, a split takes one
claim out of its group (decisions.py).

A claim with a period groups when it has a subject or a metric. A standing figure
(no period: "the firm owes $3bn") needs both, since "5.25 percent" with no "what"
lines up with too much; its group's period is its magnitude rounded to two
significant digits ("~3e+09", membership.group_period_sql), so claims of one name and
about one size line up, and it is dated as of its article's publication. A claim
missing one of the two can take the key of the same value said in the same words
elsewhere (claims.matching).

The modules, one reason to change apiece:

- stats.py: a group computed from its claim rows (ClaimGroup, build_group): median,
  agreement, outliers, figures changed since their first appearance, revised
  estimates, bounds, how the group's name is spelled; no database;
- labels.py: how a person reads a key and its period;
- reads.py: keyed reads (a key's group, a name's series, a claim's group, merges
  resolved, splits found), the listings for pickers with their name search, and
  the groups in dispute;
- proposals.py: pairs of names that are probably the same (propose_merges);
- decisions.py: merges, rejections and splits, their undo and logs, the aliases
  the merges make;
- records.py: every group as one record, for export (all_groups).

Callers use the package, which re-exports the public names of its modules:
`from claims import groups; groups.list_groups(db)`.
"""

from claims.groups.decisions import (
    accept_merge,
    active_merges,
    merge_log,
    rebuild_aliases,
    reject_merge,
    split_claim,
    split_log,
    undo_merge,
    undo_split,
)
from claims.groups.labels import is_standing, period_label
from claims.groups.proposals import propose_merges, rejected_pairs
from claims.groups.reads import (
    disputed_groups,
    ensure_keys,
    group_for_key,
    group_of_claim,
    list_groups,
    list_series,
    names_in_group,
    resolve_key,
    series,
    split_claim_ids,
)
from claims.groups.records import all_groups
from claims.groups.stats import ClaimGroup, build_group, is_revised_estimate
from claims.matching import DEFAULT_TOLERANCE, Tolerance
from claims.normalise import ClaimKey

__all__ = [
    "DEFAULT_TOLERANCE",
    "ClaimGroup",
    "ClaimKey",
    "Tolerance",
    "accept_merge",
    "active_merges",
    "all_groups",
    "build_group",
    "disputed_groups",
    "ensure_keys",
    "group_for_key",
    "group_of_claim",
    "is_revised_estimate",
    "is_standing",
    "list_groups",
    "list_series",
    "merge_log",
    "names_in_group",
    "period_label",
    "propose_merges",
    "rebuild_aliases",
    "reject_merge",
    "rejected_pairs",
    "resolve_key",
    "series",
    "split_claim",
    "split_claim_ids",
    "split_log",
    "undo_merge",
    "undo_split",
]
