"""Migrations are frozen: a new ledger and one upgraded step by step from the first
release have one schema, and no old migration changes when a live helper does."""

from __future__ import annotations

import re

import pytest
import sqlite_utils

from claims import membership, schema, store
from claims.schema import CLAIM_KEY_INDEX, NUL_TRACKED_COLUMNS, migrations
from tests.conftest import ARTICLE, numeric_claim
from tests.test_group_summaries import assert_exact

NAMES = [m.name for m in migrations._migrations]


def normalised_schema(db: sqlite_utils.Database) -> list[tuple[str, str, str, str | None]]:
    """sqlite_master with runs of whitespace outside SQL string literals made one space:
    a migration's text may be laid out anew, never changed."""

    def normalise(sql: str | None) -> str | None:
        if sql is None:
            return None
        parts = re.split(r"('(?:[^']|'')*')", sql)
        return "".join(p if i % 2 else re.sub(r"\s+", " ", p) for i, p in enumerate(parts))

    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
    return [(kind, name, table, normalise(sql)) for kind, name, table, sql in rows]


def add_first_release_rows(db: sqlite_utils.Database) -> None:
    """An article and three claims as the first release (0001 only) wrote them."""
    source = {"text": ARTICLE, "content_hash": store.content_hash(ARTICLE), "added": "2021-01-06"}
    source_id = db["sources"].insert(source).last_pk
    claims = [
        numeric_claim(
            ARTICLE, "8.5 per cent", -8.5, unit="percent", period="2020",
            subject="North Korea", metric="economy",
        ),
        numeric_claim(ARTICLE, "5,000", 5000, unit="delegate", subject="congress",
                      metric="delegates"),
        numeric_claim(ARTICLE, "5,000", 5000, unit="delegate"),
    ]  # fmt: skip
    for claim in claims:
        row = store._claim_row(claim, ARTICLE, source_id, None, store.now_utc())
        # Only the columns of the first release's claims table.
        columns = {c.name for c in db["claims"].columns}
        db["claims"].insert({k: v for k, v in row.items() if k in columns})


def test_a_new_ledger_and_one_upgraded_step_by_step_have_one_schema(tmp_path):
    new = store.connect(tmp_path / "new.db")

    old = sqlite_utils.Database(tmp_path / "old.db")
    migrations.apply(old, stop_before=NAMES[1])
    add_first_release_rows(old)
    for later in NAMES[2:]:  # one migration at a time, as releases came
        migrations.apply(old, stop_before=later)
    migrations.apply(old)

    assert [m.name for m in migrations.applied(old)] == NAMES
    assert normalised_schema(old) == normalised_schema(new)
    # The upgrade kept the rows and filled every summary the later migrations added.
    assert old["claims"].count == 3
    assert store.stats(old)["by_kind"] == {"numeric": 3}
    assert_exact(old)
    assert old.execute("SELECT count(*) FROM group_stats").fetchone()[0] == 2


def test_old_migrations_do_not_call_the_live_membership_rule(tmp_path, monkeypatch):
    # Editing the rule must not change what an old migration creates for new ledgers.
    def changed(*args, **kwargs):
        raise AssertionError("a migration built its SQL from the live membership rule")

    for name in ("group_period_sql", "groupable_sql", "merged_name_sql", "summary_statements"):
        monkeypatch.setattr(membership, name, changed)
    reference = store.connect(tmp_path / "reference.db")
    monkeypatch.setattr(schema, "CLAIM_KEY_INDEX", "CREATE INDEX changed ON claims (id)")
    monkeypatch.setattr(schema, "NUL_TRACKED_COLUMNS", ("kind",))

    built = store.connect(tmp_path / "built.db")

    assert normalised_schema(built) == normalised_schema(reference)


def test_a_new_ledger_has_the_group_triggers_the_live_membership_rule_makes(db):
    # Reads (claims.groups) use the rule live and the triggers hold it frozen: when this
    # fails, the rule changed without a migration that rebuilds the triggers
    # (membership.frozen_sql() writes its .sql file; see claims/membership.py).
    stored = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    made = [s for s in membership.summary_statements() if s.startswith("CREATE TRIGGER")]
    assert [stored[name] for name in membership.trigger_names()] == made


def test_the_frozen_nul_triggers_and_key_index_match_the_constants_code_still_uses(db):
    # claims/export/formats/csvfile.py prints NUL_TRACKED_COLUMNS; store.py remakes the key
    # index with CLAIM_KEY_INDEX. A change to either needs a migration.
    gained = db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'claims_nul_gained'"
    ).fetchone()[0]
    watched = re.search(r"AFTER UPDATE OF (.*?) ON claims", gained).group(1)
    assert tuple(watched.split(", ")) == NUL_TRACKED_COLUMNS
    index = db.execute("SELECT sql FROM sqlite_master WHERE name = 'idx_claims_key'").fetchone()
    assert index[0] == CLAIM_KEY_INDEX.replace(" IF NOT EXISTS", "")


def test_a_frozen_script_splits_into_whole_statements():
    script = (
        "-- a note\n\nCREATE TABLE t (a TEXT);\n\n"
        "CREATE TRIGGER t_i AFTER INSERT ON t BEGIN SELECT 1; SELECT 'x;y'; END;\n"
        "CREATE INDEX i\n  ON t (a);\n"
    )
    assert list(schema.sql_statements(script)) == [
        "CREATE TABLE t (a TEXT)",
        "CREATE TRIGGER t_i AFTER INSERT ON t BEGIN SELECT 1; SELECT 'x;y'; END",
        "CREATE INDEX i\n  ON t (a)",
    ]
    with pytest.raises(ValueError, match="unfinished"):
        list(schema.sql_statements("CREATE TABLE t (a TEXT)"))
