-- Frozen: the SQL migration 0004_fast_pages runs, as it ran when released. Never edit this
-- file; a change to the schema is a new migration.

DROP INDEX idx_claims_status;

DROP INDEX idx_claims_kind;

DROP INDEX idx_claims_speaker;

DROP INDEX idx_claims_subject;

DROP INDEX idx_claims_metric;

DROP INDEX idx_claims_unit;

DROP INDEX idx_claims_published;

CREATE INDEX idx_claims_status ON claims (status, vanished, published);

CREATE INDEX idx_claims_kind ON claims (kind, vanished, published);

CREATE INDEX idx_claims_speaker ON claims (speaker, vanished, published);

CREATE INDEX idx_claims_subject ON claims (subject, vanished, published);

CREATE INDEX idx_claims_metric ON claims (metric, vanished, published);

CREATE INDEX idx_claims_unit ON claims (unit, vanished, published);

CREATE INDEX idx_claims_live ON claims (vanished, published);

CREATE TABLE facet_counts (
            facet TEXT NOT NULL,
            value TEXT NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (facet, value, status)
        ) WITHOUT ROWID;

CREATE TABLE month_counts (
            month TEXT PRIMARY KEY,
            n INTEGER NOT NULL
        ) WITHOUT ROWID;

INSERT INTO facet_counts (facet, value, status, n) SELECT 'speaker', speaker, status, count(*) FROM claims WHERE vanished = 0 AND speaker IS NOT NULL AND speaker != '' GROUP BY speaker, status;

INSERT INTO facet_counts (facet, value, status, n) SELECT 'subject', subject, status, count(*) FROM claims WHERE vanished = 0 AND subject IS NOT NULL AND subject != '' GROUP BY subject, status;

INSERT INTO facet_counts (facet, value, status, n) SELECT 'metric', metric, status, count(*) FROM claims WHERE vanished = 0 AND metric IS NOT NULL AND metric != '' GROUP BY metric, status;

INSERT INTO facet_counts (facet, value, status, n) SELECT 'unit', unit, status, count(*) FROM claims WHERE vanished = 0 AND unit IS NOT NULL AND unit != '' GROUP BY unit, status;

INSERT INTO month_counts (month, n) SELECT substr(published, 1, 7), count(*) FROM claims WHERE vanished = 0 AND published IS NOT NULL GROUP BY 1;

CREATE TRIGGER summaries_insert AFTER INSERT ON claims BEGIN INSERT INTO facet_counts (facet, value, status, n) SELECT 'speaker', new.speaker, new.status, +1 WHERE new.vanished = 0 AND new.speaker IS NOT NULL AND new.speaker != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'subject', new.subject, new.status, +1 WHERE new.vanished = 0 AND new.subject IS NOT NULL AND new.subject != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'metric', new.metric, new.status, +1 WHERE new.vanished = 0 AND new.metric IS NOT NULL AND new.metric != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'unit', new.unit, new.status, +1 WHERE new.vanished = 0 AND new.unit IS NOT NULL AND new.unit != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO month_counts (month, n) SELECT substr(new.published, 1, 7), +1 WHERE new.vanished = 0 AND new.published IS NOT NULL ON CONFLICT (month) DO UPDATE SET n = n + 1; END;

CREATE TRIGGER summaries_delete AFTER DELETE ON claims BEGIN INSERT INTO facet_counts (facet, value, status, n) SELECT 'speaker', old.speaker, old.status, -1 WHERE old.vanished = 0 AND old.speaker IS NOT NULL AND old.speaker != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'subject', old.subject, old.status, -1 WHERE old.vanished = 0 AND old.subject IS NOT NULL AND old.subject != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'metric', old.metric, old.status, -1 WHERE old.vanished = 0 AND old.metric IS NOT NULL AND old.metric != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'unit', old.unit, old.status, -1 WHERE old.vanished = 0 AND old.unit IS NOT NULL AND old.unit != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO month_counts (month, n) SELECT substr(old.published, 1, 7), -1 WHERE old.vanished = 0 AND old.published IS NOT NULL ON CONFLICT (month) DO UPDATE SET n = n - 1; END;

CREATE TRIGGER summaries_update AFTER UPDATE OF speaker, subject, metric, unit, status, vanished, published ON claims BEGIN INSERT INTO facet_counts (facet, value, status, n) SELECT 'speaker', old.speaker, old.status, -1 WHERE old.vanished = 0 AND old.speaker IS NOT NULL AND old.speaker != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'subject', old.subject, old.status, -1 WHERE old.vanished = 0 AND old.subject IS NOT NULL AND old.subject != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'metric', old.metric, old.status, -1 WHERE old.vanished = 0 AND old.metric IS NOT NULL AND old.metric != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'unit', old.unit, old.status, -1 WHERE old.vanished = 0 AND old.unit IS NOT NULL AND old.unit != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n - 1; INSERT INTO month_counts (month, n) SELECT substr(old.published, 1, 7), -1 WHERE old.vanished = 0 AND old.published IS NOT NULL ON CONFLICT (month) DO UPDATE SET n = n - 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'speaker', new.speaker, new.status, +1 WHERE new.vanished = 0 AND new.speaker IS NOT NULL AND new.speaker != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'subject', new.subject, new.status, +1 WHERE new.vanished = 0 AND new.subject IS NOT NULL AND new.subject != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'metric', new.metric, new.status, +1 WHERE new.vanished = 0 AND new.metric IS NOT NULL AND new.metric != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO facet_counts (facet, value, status, n) SELECT 'unit', new.unit, new.status, +1 WHERE new.vanished = 0 AND new.unit IS NOT NULL AND new.unit != '' ON CONFLICT (facet, value, status) DO UPDATE SET n = n + 1; INSERT INTO month_counts (month, n) SELECT substr(new.published, 1, 7), +1 WHERE new.vanished = 0 AND new.published IS NOT NULL ON CONFLICT (month) DO UPDATE SET n = n + 1; END;
