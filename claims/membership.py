"""Which claims form a group, in SQL: the one definition of group membership.

A live numeric claim belongs to the group of its key (metric, subject, unit family,
period) after a person's merges (key_aliases), unless a person split it off
(claim_splits). claims.groups reads groups with these expressions, and the group
summaries' triggers (group_stats, group_values, group_sources, series_stats) are
built from them.

The triggers in a ledger are frozen text: migration 0009 ran
claims/migrations/0009_group_summaries.sql, which is what summary_statements()
wrote then, and no later edit here changes a ledger. tests/test_migrations.py
fails when summary_statements() and the triggers of a new ledger differ; a new
rule then needs a migration that drops the group triggers, empties the summaries
and runs the new text (as 0009 did), written once with

    python -c "from claims import membership; print(membership.frozen_sql())"

so that readers (which use this module live) and triggers agree again.
"""

from __future__ import annotations

# A group's key in the summaries: the claim's names after merges, its unit family, its period.
GROUP_KEY = "metric_key, subject_key, unit_key, period"

# The period part of a group key. A standing figure (no period) is one figure only with
# claims of about the same size, so its key takes the magnitude rounded to two
# significant digits ("~2.4e+03"): "it takes 3,164 delegates" and "3,164 are needed"
# line up, while the 3,412 and the 187 stated under the same name stand apart.
# Magnitude, because direction is not identity ("cut 35bn", "35bn of savings").
# Computed in SQL only, so every reader agrees on the rounding.
STANDING_PREFIX = "~"


def group_period_sql(row: str) -> str:
    """SQL: the period part of claim `row`'s group key."""
    return (
        f"CASE WHEN coalesce({row}.period, '') = '' "
        f"THEN '{STANDING_PREFIX}' || printf('%.2g', abs({row}.value)) ELSE {row}.period END"
    )


def groupable_sql(row: str) -> str:
    """SQL: claim `row` can be lined up with others (the one rule: the summaries' triggers
    and claims.groups' reads both use it; splits aside).

    A dated claim needs a subject or a metric; a standing figure (no period, grouped
    "as of" its publication) needs both, since a value with only one of them lines up
    with too much.
    """
    return (
        f"{row}.vanished = 0 AND {row}.value IS NOT NULL AND ("
        f"({row}.period IS NOT NULL AND {row}.period != '' "
        f"AND ({row}.subject_key != '' OR {row}.metric_key != '')) "
        f"OR (coalesce({row}.period, '') = '' "
        f"AND {row}.subject_key != '' AND {row}.metric_key != ''))"
    )


def _split_off(row: str) -> str:
    """SQL: the latest decision about claim `row`'s place in its article is a split."""
    return (
        f"(SELECT action FROM claim_splits WHERE source_id = {row}.source_id "
        f"AND surface_start = {row}.surface_start AND surface_end = {row}.surface_end "
        "ORDER BY id DESC LIMIT 1) IS 'split'"
    )


def _live_member(row: str) -> str:
    return f"{groupable_sql(row)} AND NOT {_split_off(row)}"


def merged_name_sql(row: str, part: str) -> str:
    """SQL: claim `row`'s subject or metric key after merges (one alias step, as groups reads)."""
    return (
        f"coalesce((SELECT into_{part} FROM key_aliases WHERE unit_key = {row}.unit_key "
        f"AND from_metric = {row}.metric_key AND from_subject = {row}.subject_key), "
        f"{row}.{part}_key)"
    )


def _member_rows(
    row: str,
    sign: str,
    *,
    where: str,
    source: str = "",
    names: tuple[str, str] | None = None,
) -> str:
    """SQL rows (group key, period_start, source_id, value, d) adding (+) or removing (-)
    claim `row` from its group; `names` overrides the (metric, subject) the group has."""
    metric, subject = names or (merged_name_sql(row, "metric"), merged_name_sql(row, "subject"))
    return (
        f"SELECT {metric} AS metric_key, {subject} AS subject_key, {row}.unit_key AS unit_key, "
        f"{group_period_sql(row)} AS period, {row}.period_start AS period_start, "
        f"{row}.source_id AS source_id, {row}.value AS value, {sign}1 AS d "
        f"{source} WHERE {where}"
    )


def _apply_group_delta(delta: str) -> str:
    """Statements adding the signed rows of `delta` to the group summaries.

    Counts move first; rows that reach zero are then deleted, and the triggers on
    group_sources and group_values keep n_sources, min and max of group_stats exact.
    """
    key = GROUP_KEY
    touched = f"({key}) IN (SELECT {key} FROM ({delta}))"
    return " ".join(
        [
            f"INSERT INTO group_stats ({key}, period_start, n_claims) "
            f"SELECT {key}, max(period_start), sum(d) FROM ({delta}) WHERE 1 GROUP BY {key} "
            f"ON CONFLICT ({key}) DO UPDATE SET n_claims = n_claims + excluded.n_claims;",
            f"INSERT INTO group_values ({key}, value, n) "
            f"SELECT {key}, value, sum(d) FROM ({delta}) WHERE 1 GROUP BY {key}, value "
            f"ON CONFLICT ({key}, value) DO UPDATE SET n = n + excluded.n;",
            f"INSERT INTO group_sources ({key}, source_id, n) "
            f"SELECT {key}, source_id, sum(d) FROM ({delta}) WHERE 1 GROUP BY {key}, source_id "
            f"ON CONFLICT ({key}, source_id) DO UPDATE SET n = n + excluded.n;",
            f"DELETE FROM group_values WHERE n <= 0 AND {touched};",
            f"DELETE FROM group_sources WHERE n <= 0 AND {touched};",
            f"DELETE FROM group_stats WHERE n_claims <= 0 AND {touched};",
        ]
    )


def _group_summary_triggers() -> list[str]:
    """Triggers that keep group_stats, group_values, group_sources and series_stats exact."""
    same_group = " AND ".join(f"{c} = {{row}}.{c}" for c in GROUP_KEY.split(", "))
    same_name = " AND ".join(f"{c} = {{row}}.{c}" for c in GROUP_KEY.split(", ")[:3])
    add_new = _member_rows("new", "+", where=_live_member("new"))
    drop_old = _member_rows("old", "-", where=_live_member("old"))
    watched = (
        "value, period, period_start, vanished, source_id, subject_key, metric_key, unit_key, "
        "surface_start, surface_end"
    )
    triggers = [
        # Claims joining and leaving groups.
        f"CREATE TRIGGER groups_insert AFTER INSERT ON claims WHEN {groupable_sql('new')} "
        f"BEGIN {_apply_group_delta(add_new)} END",
        f"CREATE TRIGGER groups_delete AFTER DELETE ON claims WHEN {groupable_sql('old')} "
        f"BEGIN {_apply_group_delta(drop_old)} END",
        f"CREATE TRIGGER groups_update AFTER UPDATE OF {watched} ON claims "
        f"WHEN ({groupable_sql('old')}) OR ({groupable_sql('new')}) "
        f"BEGIN {_apply_group_delta(f'{drop_old} UNION ALL {add_new}')} END",
        # n_sources counts a group's sources; min and max follow its values.
        "CREATE TRIGGER group_sources_insert AFTER INSERT ON group_sources BEGIN "
        f"UPDATE group_stats SET n_sources = n_sources + 1 WHERE {same_group.format(row='new')};"
        " END",
        "CREATE TRIGGER group_sources_delete AFTER DELETE ON group_sources BEGIN "
        f"UPDATE group_stats SET n_sources = n_sources - 1 WHERE {same_group.format(row='old')};"
        " END",
        "CREATE TRIGGER group_values_insert AFTER INSERT ON group_values BEGIN "
        "UPDATE group_stats SET "
        "min = CASE WHEN min IS NULL OR new.value < min THEN new.value ELSE min END, "
        "max = CASE WHEN max IS NULL OR new.value > max THEN new.value ELSE max END "
        f"WHERE {same_group.format(row='new')}; END",
        "CREATE TRIGGER group_values_delete AFTER DELETE ON group_values BEGIN "
        "UPDATE group_stats SET "
        f"min = (SELECT value FROM group_values WHERE {same_group.format(row='old')} "
        "ORDER BY value LIMIT 1), "
        f"max = (SELECT value FROM group_values WHERE {same_group.format(row='old')} "
        "ORDER BY value DESC LIMIT 1) "
        f"WHERE {same_group.format(row='old')} AND (min = old.value OR max = old.value); END",
        # A name's periods and claims, for the Timeline's picker.
        "CREATE TRIGGER series_stats_insert AFTER INSERT ON group_stats BEGIN "
        "INSERT INTO series_stats (metric_key, subject_key, unit_key, n_periods, n_claims) "
        "VALUES (new.metric_key, new.subject_key, new.unit_key, 1, new.n_claims) "
        "ON CONFLICT (metric_key, subject_key, unit_key) DO UPDATE SET "
        "n_periods = n_periods + 1, n_claims = n_claims + excluded.n_claims; END",
        "CREATE TRIGGER series_stats_update AFTER UPDATE OF n_claims ON group_stats BEGIN "
        "UPDATE series_stats SET n_claims = n_claims + new.n_claims - old.n_claims "
        f"WHERE {same_name.format(row='new')}; END",
        "CREATE TRIGGER series_stats_delete AFTER DELETE ON group_stats BEGIN "
        "UPDATE series_stats SET n_periods = n_periods - 1, n_claims = n_claims - old.n_claims "
        f"WHERE {same_name.format(row='old')}; "
        f"DELETE FROM series_stats WHERE n_periods <= 0 AND {same_name.format(row='old')}; END",
    ]
    return triggers + _decision_triggers()


def _decision_triggers() -> list[str]:
    """Triggers that move claims between groups when a person merges or splits."""

    def at_anchor(sign: str) -> str:
        # The claims at a split's place in its article, leaving (-) or rejoining (+).
        where = (
            "c.source_id = new.source_id AND c.surface_start = new.surface_start "
            f"AND c.surface_end = new.surface_end AND {groupable_sql('c')}"
        )
        return _member_rows("c", sign, where=where, source="FROM claims c")

    def of_name(alias: str, sign: str, side: str) -> str:
        # The claims named by `alias`'s from-name, counted (sign) in its from- or into-group.
        where = (
            f"c.metric_key = {alias}.from_metric AND c.subject_key = {alias}.from_subject "
            f"AND c.unit_key = {alias}.unit_key AND {_live_member('c')}"
        )
        names = (f"{alias}.{side}_metric", f"{alias}.{side}_subject")
        return _member_rows("c", sign, where=where, source="FROM claims c", names=names)

    def merged(alias: str) -> str:
        return f"{of_name(alias, '-', 'from')} UNION ALL {of_name(alias, '+', 'into')}"

    def unmerged(alias: str) -> str:
        return f"{of_name(alias, '-', 'into')} UNION ALL {of_name(alias, '+', 'from')}"

    before = (
        "(SELECT action FROM claim_splits WHERE source_id = new.source_id "
        "AND surface_start = new.surface_start AND surface_end = new.surface_end "
        "AND id < new.id ORDER BY id DESC LIMIT 1)"
    )
    return [
        "CREATE TRIGGER groups_split AFTER INSERT ON claim_splits "
        f"WHEN new.action = 'split' AND {before} IS NOT 'split' "
        f"BEGIN {_apply_group_delta(at_anchor('-'))} END",
        "CREATE TRIGGER groups_unsplit AFTER INSERT ON claim_splits "
        f"WHEN new.action != 'split' AND {before} IS 'split' "
        f"BEGIN {_apply_group_delta(at_anchor('+'))} END",
        "CREATE TRIGGER groups_alias_insert AFTER INSERT ON key_aliases "
        f"BEGIN {_apply_group_delta(merged('new'))} END",
        "CREATE TRIGGER groups_alias_delete AFTER DELETE ON key_aliases "
        f"BEGIN {_apply_group_delta(unmerged('old'))} END",
        "CREATE TRIGGER groups_alias_update AFTER UPDATE ON key_aliases "
        f"BEGIN {_apply_group_delta(unmerged('old'))} "
        f"{_apply_group_delta(merged('new'))} END",
    ]


def summary_statements() -> list[str]:
    """Statements that fill the (empty) group summaries and create their triggers."""
    return _fill_group_summaries() + _group_summary_triggers()


def trigger_names() -> list[str]:
    """The names of the group summaries' triggers, in the order they are created."""
    return [statement.split()[2] for statement in _group_summary_triggers()]


def frozen_sql() -> str:
    """summary_statements() as the text of a migration's .sql file (claims/migrations/)."""
    return "\n\n".join(f"{statement};" for statement in summary_statements()) + "\n"


def _fill_group_summaries() -> list[str]:
    """Statements that fill the (empty) group summaries from the claims."""
    key = GROUP_KEY
    members = _member_rows("c", "+", source="FROM claims c", where=_live_member("c"))
    return [
        f"INSERT INTO group_values SELECT {key}, value, count(*) FROM ({members}) "
        f"GROUP BY {key}, value",
        f"INSERT INTO group_sources SELECT {key}, source_id, count(*) FROM ({members}) "
        f"GROUP BY {key}, source_id",
        f"INSERT INTO group_stats SELECT {key}, max(period_start), count(*), "
        f"count(DISTINCT source_id), min(value), max(value) FROM ({members}) GROUP BY {key}",
        "INSERT INTO series_stats SELECT metric_key, subject_key, unit_key, count(*), "
        "sum(n_claims) FROM group_stats GROUP BY metric_key, subject_key, unit_key",
    ]
