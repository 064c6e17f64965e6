-- Frozen: the SQL migration 0007_search_in_publication_order runs, as it ran when released. Never edit this
-- file; a change to the schema is a new migration.

DROP TRIGGER claims_fts_insert;

DROP TRIGGER claims_fts_update;

DROP TRIGGER claims_fts_delete;

DROP TRIGGER sources_title_fts;

DROP TABLE claims_fts;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
            sentence, subject, metric, speaker, source_title, claim_id UNINDEXED,
            tokenize = 'porter unicode61'
        );

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN INSERT INTO claims_fts (rowid, sentence, subject, metric, speaker, source_title, claim_id) VALUES ((CAST(julianday(coalesce(new.published, '0001-01-01')) AS INTEGER) * 4294967296 + new.id), new.sentence, new.subject, new.metric, new.speaker, (SELECT title FROM sources WHERE id = new.source_id), new.id); END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence, subject, metric, speaker, published ON claims BEGIN DELETE FROM claims_fts WHERE rowid = (CAST(julianday(coalesce(old.published, '0001-01-01')) AS INTEGER) * 4294967296 + old.id); INSERT INTO claims_fts (rowid, sentence, subject, metric, speaker, source_title, claim_id) VALUES ((CAST(julianday(coalesce(new.published, '0001-01-01')) AS INTEGER) * 4294967296 + new.id), new.sentence, new.subject, new.metric, new.speaker, (SELECT title FROM sources WHERE id = new.source_id), new.id); END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN DELETE FROM claims_fts WHERE rowid = (CAST(julianday(coalesce(old.published, '0001-01-01')) AS INTEGER) * 4294967296 + old.id); END;

CREATE TRIGGER sources_title_fts AFTER UPDATE OF title ON sources BEGIN UPDATE claims_fts SET source_title = new.title WHERE rowid IN (SELECT (CAST(julianday(coalesce(claims.published, '0001-01-01')) AS INTEGER) * 4294967296 + claims.id) FROM claims WHERE source_id = new.id); END;

INSERT INTO claims_fts (rowid, sentence, subject, metric, speaker, source_title, claim_id) SELECT (CAST(julianday(coalesce(claims.published, '0001-01-01')) AS INTEGER) * 4294967296 + claims.id), claims.sentence, claims.subject, claims.metric, claims.speaker, sources.title, claims.id FROM claims JOIN sources ON sources.id = claims.source_id;

DROP INDEX idx_claims_period;

CREATE INDEX idx_claims_period ON claims (period_start, period_end, vanished);
