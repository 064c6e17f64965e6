"""The database schema: every table, index and trigger, as sqlite-utils Migrations.

Opening a database applies the migrations it lacks (claims.store.migrate), so an
older ledger upgrades itself; each migration runs once, in one transaction.
Migrations are append-only: a released one is never edited, a change is a new one.

Each migration's SQL is frozen text: written out in the migration, or, when long
(triggers generated once by code), in claims/migrations/NNNN_name.sql, which the
migration runs. No migration builds its SQL by calling a helper that other code
still uses, since editing the helper would change what the migration creates for
new ledgers only, and new and upgraded ledgers would drift apart
(tests/test_migrations.py builds both and compares them). Python in a migration
only moves data (re-keying claims with the key rules of the day).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from importlib import resources

import sqlite_utils

migrations = sqlite_utils.Migrations("claims")


def frozen_sql(name: str) -> str:
    """The text of claims/migrations/`name`.sql (inside the installed package too)."""
    return resources.files("claims").joinpath("migrations", f"{name}.sql").read_text("utf-8")


def sql_statements(script: str) -> Iterator[str]:
    """The statements of a .sql script, each without its final semicolon.

    SQLite's own test of a complete statement decides where one ends, so a trigger's
    body (statements ending in ";" up to END) stays whole; lines of "--" comments
    between statements are skipped.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip().removesuffix(";")
            pending = ""
    if pending.strip():
        raise ValueError(f"unfinished SQL statement: {pending[:80]!r}")


def run_frozen_sql(db: sqlite_utils.Database, name: str) -> None:
    """Execute claims/migrations/`name`.sql statement by statement, inside the caller's
    transaction (sqlite3's executescript would commit first)."""
    for statement in sql_statements(frozen_sql(name)):
        db.execute(statement)


@migrations(name="0001_initial")
def _initial_schema(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO meta (key, value) VALUES ('revision', 0);

        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            url TEXT,
            title TEXT,
            publisher TEXT,
            author TEXT,
            published TEXT,
            retrieved TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            language TEXT,
            added TEXT NOT NULL
        );
        CREATE INDEX idx_sources_published ON sources (published);
        CREATE INDEX idx_sources_publisher ON sources (publisher);

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('numeric', 'quote', 'statement')),
            sentence TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            surface TEXT NOT NULL,
            surface_start INTEGER NOT NULL,
            surface_end INTEGER NOT NULL,
            value REAL,
            low REAL,
            high REAL,
            unit TEXT,
            approx TEXT,
            subject TEXT,
            metric TEXT,
            period TEXT,
            period_start TEXT,
            period_end TEXT,
            speaker TEXT,
            speaker_org TEXT,
            cue TEXT,
            via TEXT,
            hedge TEXT,
            confidence REAL NOT NULL DEFAULT 0.5,
            published TEXT,
            extractor_version TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (status IN ('unreviewed',
                'in_review', 'verified', 'disputed', 'misleading', 'false', 'unverifiable')),
            version INTEGER NOT NULL DEFAULT 1,
            edited TEXT NOT NULL DEFAULT '[]',
            vanished INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX idx_claims_source ON claims (source_id, surface_start);
        CREATE INDEX idx_claims_status ON claims (status);
        CREATE INDEX idx_claims_kind ON claims (kind);
        CREATE INDEX idx_claims_speaker ON claims (speaker);
        CREATE INDEX idx_claims_subject ON claims (subject);
        CREATE INDEX idx_claims_metric ON claims (metric);
        CREATE INDEX idx_claims_unit ON claims (unit);
        CREATE INDEX idx_claims_period ON claims (period_start);
        CREATE INDEX idx_claims_published ON claims (published);
        CREATE INDEX idx_claims_confidence ON claims (confidence);

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims (id),
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            note TEXT,
            evidence_url TEXT
        );
        CREATE INDEX idx_reviews_claim ON reviews (claim_id, id);
        CREATE INDEX idx_reviews_at ON reviews (at);

        -- Reviews are the audit trail: nobody rewrites history.
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
        BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;

        -- Full-text search over what a researcher types into the search box.
        CREATE VIRTUAL TABLE claims_fts USING fts5 (
            sentence, subject, metric, speaker, source_title,
            tokenize = 'porter unicode61'
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts (rowid, sentence, subject, metric, speaker, source_title)
            VALUES (new.id, new.sentence, new.subject, new.metric, new.speaker,
                    (SELECT title FROM sources WHERE id = new.source_id));
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence, subject, metric, speaker
        ON claims BEGIN
            DELETE FROM claims_fts WHERE rowid = old.id;
            INSERT INTO claims_fts (rowid, sentence, subject, metric, speaker, source_title)
            VALUES (new.id, new.sentence, new.subject, new.metric, new.speaker,
                    (SELECT title FROM sources WHERE id = new.source_id));
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            DELETE FROM claims_fts WHERE rowid = old.id;
        END;
        CREATE TRIGGER sources_title_fts AFTER UPDATE OF title ON sources BEGIN
            UPDATE claims_fts SET source_title = new.title
            WHERE rowid IN (SELECT id FROM claims WHERE source_id = new.id);
        END;
        CREATE TRIGGER sources_published_claims AFTER UPDATE OF published ON sources BEGIN
            UPDATE claims SET published = new.published WHERE source_id = new.id;
        END;
        """
    )
    # The revision counter lets caches (the dashboard's) see that the data
    # changed, also when another process wrote.
    for table in ("sources", "claims", "reviews"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_{event.lower()}_revision AFTER {event} ON {table} "
                "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END"
            )


@migrations(name="0002_claim_counts")
def _claim_counts(db: sqlite_utils.Database) -> None:
    # Counting a million claims by status on every Overview visit is slow;
    # this summary, kept exact by triggers, answers in microseconds.
    db.executescript(
        """
        CREATE TABLE claim_counts (
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            vanished INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (kind, status, vanished)
        );
        INSERT INTO claim_counts (kind, status, vanished, n)
            SELECT kind, status, vanished, count(*) FROM claims GROUP BY kind, status, vanished;

        CREATE TRIGGER claim_counts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claim_counts (kind, status, vanished, n)
            VALUES (new.kind, new.status, new.vanished, 1)
            ON CONFLICT (kind, status, vanished) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER claim_counts_delete AFTER DELETE ON claims BEGIN
            UPDATE claim_counts SET n = n - 1
            WHERE kind = old.kind AND status = old.status AND vanished = old.vanished;
        END;
        CREATE TRIGGER claim_counts_update AFTER UPDATE OF kind, status, vanished ON claims
        BEGIN
            UPDATE claim_counts SET n = n - 1
            WHERE kind = old.kind AND status = old.status AND vanished = old.vanished;
            INSERT INTO claim_counts (kind, status, vanished, n)
            VALUES (new.kind, new.status, new.vanished, 1)
            ON CONFLICT (kind, status, vanished) DO UPDATE SET n = n + 1;
        END;
        """
    )


@migrations(name="0003_claim_keys")
def _claim_keys(db: sqlite_utils.Database) -> None:
    # Charts and comparisons line claims up by a normalised key (claims/normalise.py).
    # It is stored, so that grouping a million claims is one indexed query rather than
    # a million Python calls per page view. Every migration runs in one transaction
    # (sqlite-utils' executescript, used by 0001 and 0002, runs a script statement by
    # statement inside it rather than committing first).
    statements = [
        "ALTER TABLE claims ADD COLUMN subject_key TEXT",
        "ALTER TABLE claims ADD COLUMN metric_key TEXT",
        "ALTER TABLE claims ADD COLUMN unit_key TEXT",
        "CREATE INDEX IF NOT EXISTS idx_claims_key "
        "ON claims (metric_key, subject_key, unit_key, period_start)",
        # A person's decisions about keys: an append-only log. A merge maps the name
        # (subject_key, metric_key) to another within one unit family, for every
        # period, so it also applies to claims that re-extraction adds later.
        """CREATE TABLE key_merges (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('merge', 'unmerge', 'reject')),
            unit_key TEXT NOT NULL,
            from_subject TEXT NOT NULL,
            from_metric TEXT NOT NULL,
            into_subject TEXT NOT NULL,
            into_metric TEXT NOT NULL,
            period TEXT,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT
        )""",
        "CREATE INDEX idx_key_merges_from ON key_merges (unit_key, from_metric, from_subject, id)",
        # The merges in force, chains followed to their end: derived from key_merges
        # (claims.groups rebuilds it after every decision), read by every grouping query.
        """CREATE TABLE key_aliases (
            unit_key TEXT NOT NULL,
            from_subject TEXT NOT NULL,
            from_metric TEXT NOT NULL,
            into_subject TEXT NOT NULL,
            into_metric TEXT NOT NULL,
            PRIMARY KEY (unit_key, from_metric, from_subject)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_key_aliases_into ON key_aliases (unit_key, into_metric, into_subject)",
        # A claim split off its group is anchored by its place in the article as well as
        # its id (no foreign key), so the decision holds for a re-extracted copy of it.
        """CREATE TABLE claim_splits (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('split', 'unsplit')),
            claim_id INTEGER NOT NULL,
            source_id INTEGER NOT NULL,
            surface_start INTEGER NOT NULL,
            surface_end INTEGER NOT NULL,
            surface TEXT,
            subject_key TEXT,
            metric_key TEXT,
            unit_key TEXT,
            period TEXT,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT
        )""",
        "CREATE INDEX idx_claim_splits_anchor "
        "ON claim_splits (source_id, surface_start, surface_end, id)",
        # The splits in force: the latest decision per place in an article is a split.
        """CREATE VIEW active_claim_splits AS
            SELECT * FROM claim_splits WHERE action = 'split' AND id IN (
                SELECT max(id) FROM claim_splits
                GROUP BY source_id, surface_start, surface_end)""",
    ]
    # Any writer that changes what a key is made of without re-keying (a bulk loader,
    # re-extraction, an import) leaves the key NULL here; claims.groups.ensure_keys
    # recomputes NULL keys before grouping, through the index on metric_key.
    statements.append(
        "CREATE TRIGGER claims_key_stale AFTER UPDATE OF subject, metric, unit ON claims "
        "WHEN new.subject_key IS old.subject_key AND new.metric_key IS old.metric_key "
        "AND new.unit_key IS old.unit_key "
        "BEGIN UPDATE claims SET subject_key = NULL, metric_key = NULL, unit_key = NULL "
        "WHERE id = new.id; END"
    )
    for table in ("key_merges", "claim_splits"):
        statements += [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
            # A decision changes what the dashboard shows: let its caches see it.
            f"CREATE TRIGGER {table}_insert_revision AFTER INSERT ON {table} "
            "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END",
        ]
    for statement in statements:
        db.execute(statement)
    from claims.store import recompute_claim_keys  # the store imports this module

    recompute_claim_keys(db, match=False)


@migrations(name="0004_fast_pages")
def _fast_pages(db: sqlite_utils.Database) -> None:
    # At a million claims the pages must answer in milliseconds:
    # - each filter column's index also holds `vanished` and `published`, so a
    #   filtered, newest-first page is read straight off one index, no sort, and a
    #   filtered count never touches the table;
    # - facet and month summaries, kept exact by triggers, answer the Overview's
    #   "most cited" and "per month" and the facet pickers without a scan.
    run_frozen_sql(db, "0004_fast_pages")


@migrations(name="0005_group_summaries")
def _group_summaries(db: sqlite_utils.Database) -> None:
    # The Compare, Timeline and Overview pages rank groups of comparable claims
    # (claims.groups) by how many sources state them; grouping a million claims on
    # every visit takes seconds. These summaries, kept exact by triggers, answer
    # from an index. A claim's group is its key after merges (key_aliases) unless a
    # person split it off (claim_splits), so the triggers follow those tables too.
    # - group_stats: per group, claims, sources, lowest and highest value;
    # - group_sources, group_values: claims per source and per value of a group, so
    #   that n_sources, min and max stay exact when claims leave it;
    # - series_stats: per name (subject, metric, unit), periods and claims.
    # A new ledger's triggers are 0009's (its membership rule), which 0009 gives an
    # older one.
    statements = [
        """CREATE TABLE group_stats (
            metric_key TEXT NOT NULL, subject_key TEXT NOT NULL, unit_key TEXT NOT NULL,
            period TEXT NOT NULL, period_start TEXT, n_claims INTEGER NOT NULL,
            n_sources INTEGER NOT NULL DEFAULT 0, min REAL, max REAL,
            PRIMARY KEY (metric_key, subject_key, unit_key, period)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_group_stats_rank ON group_stats "
        "(n_sources DESC, n_claims DESC, period_start DESC, metric_key, subject_key)",
        "CREATE INDEX idx_group_stats_unit ON group_stats (unit_key, period)",
        """CREATE TABLE group_values (
            metric_key TEXT NOT NULL, subject_key TEXT NOT NULL, unit_key TEXT NOT NULL,
            period TEXT NOT NULL, value REAL NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (metric_key, subject_key, unit_key, period, value)
        ) WITHOUT ROWID""",
        """CREATE TABLE group_sources (
            metric_key TEXT NOT NULL, subject_key TEXT NOT NULL, unit_key TEXT NOT NULL,
            period TEXT NOT NULL, source_id INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (metric_key, subject_key, unit_key, period, source_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE series_stats (
            metric_key TEXT NOT NULL, subject_key TEXT NOT NULL, unit_key TEXT NOT NULL,
            n_periods INTEGER NOT NULL, n_claims INTEGER NOT NULL,
            PRIMARY KEY (metric_key, subject_key, unit_key)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_series_stats_rank ON series_stats (n_claims DESC, n_periods DESC)",
    ]
    for statement in statements:
        db.execute(statement)
    run_frozen_sql(db, "0009_group_summaries")


@migrations(name="0006_group_names")
def _group_names(db: sqlite_utils.Database) -> None:
    # Searching the Compare and Timeline pickers by name must not scan every group:
    # group_names lists each subject key and metric key with how many groups it has
    # (a few thousand rows), so a search finds its keys there and then reads their
    # groups by index. Triggers on group_stats keep it exact.
    statements = [
        """CREATE TABLE group_names (
            part TEXT NOT NULL CHECK (part IN ('subject', 'metric')),
            key TEXT NOT NULL,
            n_groups INTEGER NOT NULL,
            PRIMARY KEY (part, key)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_group_stats_subject ON group_stats (subject_key, metric_key, unit_key)",
        "CREATE INDEX idx_series_stats_subject ON series_stats (subject_key, metric_key)",
    ]
    for part in ("subject", "metric"):
        statements.append(
            f"INSERT INTO group_names SELECT '{part}', {part}_key, count(*) FROM group_stats "
            f"GROUP BY {part}_key"
        )
        statements += [
            f"CREATE TRIGGER group_names_{part}_insert AFTER INSERT ON group_stats BEGIN "
            f"INSERT INTO group_names (part, key, n_groups) VALUES ('{part}', new.{part}_key, 1) "
            "ON CONFLICT (part, key) DO UPDATE SET n_groups = n_groups + 1; END",
            f"CREATE TRIGGER group_names_{part}_delete AFTER DELETE ON group_stats BEGIN "
            f"UPDATE group_names SET n_groups = n_groups - 1 "
            f"WHERE part = '{part}' AND key = old.{part}_key; "
            f"DELETE FROM group_names WHERE part = '{part}' AND key = old.{part}_key "
            "AND n_groups <= 0; END",
        ]
    for statement in statements:
        db.execute(statement)


@migrations(name="0007_search_in_publication_order")
def _search_in_publication_order(db: sqlite_utils.Database) -> None:
    # The full-text index's rowid orders its rows newest-published first: the day of
    # publication in the high bits, the claim id in the low 32. A search sorted by
    # publication date is then read straight off the index, however common the word,
    # instead of sorting every match (a million, for a common word). A period filter
    # is a range on both ends; with the end and `vanished` in the index, counting the
    # claims of a period never reads the table.
    run_frozen_sql(db, "0007_search_in_publication_order")


# The claim text columns in which the meta count 'claims_with_nul' looks for a
# NUL character (see 0008): every text column a CSV export prints through SQL.
NUL_TRACKED_COLUMNS = (
    "kind",
    "sentence",
    "surface",
    "unit",
    "approx",
    "subject",
    "metric",
    "period",
    "period_start",
    "period_end",
    "speaker",
    "speaker_org",
    "cue",
    "via",
    "hedge",
    "published",
    "extractor_version",
    "status",
    "edited",
    "created",
    "updated",
)


@migrations(name="0008_claims_with_nul")
def _claims_with_nul(db: sqlite_utils.Database) -> None:
    # A NUL character in a claim's text is rare (a stray byte in an imported file),
    # but SQLite's printf, which writes a CSV export's cells, stops at one. Looking
    # for one in every text of every row costs an export a tenth of its time; this
    # count, kept exact by triggers, says whether there is anything to look for.
    # Its triggers watch the columns of NUL_TRACKED_COLUMNS as they were then
    # (tests/test_migrations.py checks that they still are).
    run_frozen_sql(db, "0008_claims_with_nul")


@migrations(name="0009_standing_figures")
def _standing_figures(db: sqlite_utils.Database) -> None:
    # A figure without a period ("the company owes $3bn") lines up across articles too,
    # dated as of its article's publication: group keys take its magnitude for a period
    # (membership.group_period_sql), and a claim missing a subject or a metric can take
    # the key of the same value said in the same words elsewhere (claims.matching),
    # found through (unit_key, value).
    # The group triggers are made again with the new membership rule and the
    # summaries refilled: claims/migrations/0009_group_summaries.sql, what
    # claims.membership wrote then.
    # The keys are made again by today's rules (places, demonyms) while the triggers
    # are off, so that a large ledger is re-keyed in one pass, not claim by claim.
    for name in (
        "groups_insert",
        "groups_delete",
        "groups_update",
        "group_sources_insert",
        "group_sources_delete",
        "group_values_insert",
        "group_values_delete",
        "series_stats_insert",
        "series_stats_update",
        "series_stats_delete",
        "groups_split",
        "groups_unsplit",
        "groups_alias_insert",
        "groups_alias_delete",
        "groups_alias_update",
    ):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("group_values", "group_sources", "group_stats", "series_stats"):
        db.execute(f"DELETE FROM {table}")
    _rekey_without_triggers(db)
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_unit_value ON claims (unit_key, value)")
    run_frozen_sql(db, "0009_group_summaries")


def _rekey_without_triggers(db: sqlite_utils.Database) -> None:
    from claims.normalise import key_columns

    last_id = 0
    while rows := db.execute(
        "SELECT id, subject, metric, unit FROM claims WHERE id > ? ORDER BY id LIMIT 20000",
        [last_id],
    ).fetchall():
        updates = []
        for claim_id, subject, metric, unit in rows:
            keys = key_columns(subject, metric, unit)
            updates.append((keys["subject_key"], keys["metric_key"], keys["unit_key"], claim_id))
        db.conn.executemany(
            "UPDATE claims SET subject_key = ?, metric_key = ?, unit_key = ? WHERE id = ?",
            updates,
        )
        last_id = rows[-1][0]


@migrations(name="0010_source_reviews")
def _source_reviews(db: sqlite_utils.Database) -> None:
    # A person corrects an article's title, publisher, author, URL or date on the Sources
    # page; like a claim's edits, each change is a row of an append-only log.
    statements = [
        """CREATE TABLE source_reviews (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            note TEXT
        )""",
        "CREATE INDEX idx_source_reviews_source ON source_reviews (source_id, id)",
        "CREATE TRIGGER source_reviews_no_update BEFORE UPDATE ON source_reviews "
        "BEGIN SELECT RAISE(ABORT, 'source_reviews is append-only'); END",
        # A source's log goes with the source (its claims' reviews keep it from being
        # deleted anyway); nothing else may delete a row.
        "CREATE TRIGGER source_reviews_no_delete BEFORE DELETE ON source_reviews "
        "WHEN (SELECT count(*) FROM sources WHERE id = old.source_id) > 0 "
        "BEGIN SELECT RAISE(ABORT, 'source_reviews is append-only'); END",
        "CREATE TRIGGER source_reviews_insert_revision AFTER INSERT ON source_reviews "
        "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END",
    ]
    for statement in statements:
        db.execute(statement)


@migrations(name="0011_claims_by_value")
def _claims_by_value(db: sqlite_utils.Database) -> None:
    # A specific number ("3,412 delegates", "reach 3,412") is lined up with every claim of
    # that number whatever its unit (claims.matching.line_up_specific_numbers).
    db.execute("CREATE INDEX IF NOT EXISTS idx_claims_value ON claims (value)")


@migrations(name="0012_extracted_period")
def _extracted_period(db: sqlite_utils.Database) -> None:
    # Matching gives the claims of one figure one period (claims.matching); the period
    # the extractor gave is kept here, '' for none, the first time it is replaced, so
    # that the next decision about the figure counts what the articles said, not what
    # an earlier decision wrote. NULL: the period is still the extractor's or a person's.
    db.execute("ALTER TABLE claims ADD COLUMN extracted_period TEXT")


@migrations(name="0013_leads_from_the_leaders_side")
def _leads_from_the_leaders_side(db: sqlite_utils.Database) -> None:
    # A gap between two rivals is keyed from the leader's side, the rival by surname
    # (normalise.as_lead): "Jones trails Smith by 6" and "Smith leads Jones by 6" are
    # one figure. Only those claims' keys change; the group triggers follow them.
    from claims.normalise import key_columns

    rows = db.execute(
        "SELECT id, subject, metric, unit FROM claims "
        "WHERE lower(metric) LIKE 'lead over %' OR lower(metric) LIKE 'margin behind %'"
    ).fetchall()
    updates = []
    for claim_id, subject, metric, unit in rows:
        keys = key_columns(subject, metric, unit)
        updates.append((keys["subject_key"], keys["metric_key"], claim_id))
    db.conn.executemany("UPDATE claims SET subject_key = ?, metric_key = ? WHERE id = ?", updates)


@migrations(name="0014_reference_series")
def _reference_series(db: sqlite_utils.Database) -> None:
    # Official series to check claims against (claims.reference): each import is a
    # vintage, kept when a revised file comes in, since a report may quote the first
    # estimate. Frozen SQL: a later change to these tables is a new migration. The
    # tables are made only if missing, so a half-applied upgrade can run it again.
    statements = [
        """CREATE TABLE IF NOT EXISTS reference_series (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            publisher TEXT,
            url TEXT,
            unit TEXT NOT NULL,
            frequency TEXT NOT NULL CHECK (frequency IN ('day', 'month', 'quarter', 'year')),
            means TEXT NOT NULL,
            transform TEXT,
            derived_from INTEGER REFERENCES reference_series (id),
            created TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS reference_imports (
            id INTEGER PRIMARY KEY,
            series_id INTEGER NOT NULL REFERENCES reference_series (id) ON DELETE CASCADE,
            vintage INTEGER NOT NULL,
            at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            observations INTEGER NOT NULL,
            UNIQUE (series_id, vintage)
        )""",
        """CREATE TABLE IF NOT EXISTS reference_observations (
            series_id INTEGER NOT NULL REFERENCES reference_series (id) ON DELETE CASCADE,
            vintage INTEGER NOT NULL,
            period TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (series_id, vintage, period)
        ) WITHOUT ROWID""",
    ]
    for statement in statements:
        db.execute(statement)


@migrations(name="0015_reference_links")
def _reference_links(db: sqlite_utils.Database) -> None:
    # A person's decisions linking a reference series to a figure's key, so that the
    # key's claims can be checked against it (claims.reference_links). Proposals are
    # computed, never stored; a pair gets a row here at its first decision, and its
    # state is the log replayed (an undo takes back the decision before it). The log
    # is append-only, like the merge log. Frozen SQL, made only if missing.
    statements = [
        """CREATE TABLE IF NOT EXISTS reference_links (
            id TEXT PRIMARY KEY,
            series_id INTEGER NOT NULL REFERENCES reference_series (id),
            subject_key TEXT NOT NULL,
            metric_key TEXT NOT NULL,
            unit_key TEXT NOT NULL,
            state TEXT CHECK (state IN ('accepted', 'rejected')),
            UNIQUE (series_id, subject_key, metric_key, unit_key)
        )""",
        "CREATE INDEX IF NOT EXISTS idx_reference_links_key "
        "ON reference_links (metric_key, subject_key, unit_key)",
        """CREATE TABLE IF NOT EXISTS reference_link_log (
            id INTEGER PRIMARY KEY,
            link_id TEXT NOT NULL REFERENCES reference_links (id),
            action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'undo')),
            score REAL,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS idx_reference_link_log_link "
        "ON reference_link_log (link_id, id)",
        "CREATE TRIGGER IF NOT EXISTS reference_link_log_no_update "
        "BEFORE UPDATE ON reference_link_log "
        "BEGIN SELECT RAISE(ABORT, 'reference_link_log is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS reference_link_log_no_delete "
        "BEFORE DELETE ON reference_link_log "
        "BEGIN SELECT RAISE(ABORT, 'reference_link_log is append-only'); END",
        # A decision changes what the dashboard shows: let its caches see it.
        "CREATE TRIGGER IF NOT EXISTS reference_link_log_insert_revision "
        "AFTER INSERT ON reference_link_log "
        "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END",
    ]
    for statement in statements:
        db.execute(statement)


# The key index as 0003 made it; re-keying many claims drops it and makes it again
# with this (claims.store), so a test checks that the two still agree.
CLAIM_KEY_INDEX = (
    "CREATE INDEX IF NOT EXISTS idx_claims_key "
    "ON claims (metric_key, subject_key, unit_key, period_start)"
)


@migrations(name="0016_assignments_and_comments")
def _assignments_and_comments(db: sqlite_utils.Database) -> None:
    # Teamwork on claims (claims.team): who a claim is assigned to, the log of every
    # assignment change (who gave whom the claim, when), and a comment thread per
    # claim. The log and the comments are append-only, like the review log; only the
    # current assignment (one row per assigned claim) is rewritten. Frozen SQL, made
    # only if missing.
    statements = [
        """CREATE TABLE IF NOT EXISTS claim_assignments (
            claim_id INTEGER PRIMARY KEY REFERENCES claims (id),
            assignee TEXT NOT NULL,
            assigned_by TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS idx_claim_assignments_assignee "
        "ON claim_assignments (assignee, claim_id)",
        """CREATE TABLE IF NOT EXISTS assignment_log (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims (id),
            at TEXT NOT NULL,
            assigned_by TEXT NOT NULL,
            old_assignee TEXT,
            new_assignee TEXT,
            note TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS idx_assignment_log_claim ON assignment_log (claim_id, id)",
        """CREATE TABLE IF NOT EXISTS comments (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims (id),
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS idx_comments_claim ON comments (claim_id, id)",
    ]
    for table, what in (("assignment_log", "assignment_log"), ("comments", "comments")):
        statements += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{what} is append-only'); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{what} is append-only'); END",
            # What the pages show changed: let the dashboard's caches see it.
            f"CREATE TRIGGER IF NOT EXISTS {table}_insert_revision AFTER INSERT ON {table} "
            "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END",
        ]
    for statement in statements:
        db.execute(statement)


@migrations(name="0017_reference_import_scale")
def _reference_import_scale(db: sqlite_utils.Database) -> None:
    # The factor each import's values were multiplied by to reach the unit's base
    # (a table "in millions" is stored in full, as claims are: "$1.2bn" is 1.2e9), so a
    # reader of the log can tell a stored value from the value as published. Imports
    # made before it were stored as read: 1. Added only if missing, so a half-applied
    # upgrade can run it again.
    columns = {row[1] for row in db.execute("PRAGMA table_info(reference_imports)").fetchall()}
    if "scale" not in columns:
        db.execute("ALTER TABLE reference_imports ADD COLUMN scale REAL NOT NULL DEFAULT 1")
