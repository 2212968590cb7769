-- Many pemda in one deployment (issue 18, scope 3; docs/storage.md, Many pemda). The pemda table, and a pemda_id
-- column on every table whose rows belong to one pemda; every row from before belongs to 'default'. The column has no
-- default once filled: an insert that forgets it fails. Keys that are names (a map's code, a unit's letterhead, the
-- settings document, the listing version) now lead with pemda_id, so two pemda may use the same unit names and codes.
-- Global on purpose: users' usernames and sessions (login is one for the deployment, each account carrying its
-- pemda), login_failures, and bpmn_bodies (content-addressed, reached only through a pemda's revision records).
CREATE TABLE pemda (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kabupaten', 'kota', 'provinsi')),
  province text REFERENCES pemda (id),
  created_at text NOT NULL
);
INSERT INTO pemda (id, name, kind, province, created_at) VALUES ('default', 'Pemda', 'kabupaten', NULL, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));

ALTER TABLE maps ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE maps DROP CONSTRAINT maps_code_key;
ALTER TABLE maps ADD CONSTRAINT maps_pemda_code_key UNIQUE (pemda_id, code);
DROP INDEX maps_unit_key;
CREATE INDEX maps_pemda_unit_key ON maps (pemda_id, unit_key);

-- The listing version: one row per pemda, bumped by every change of one of its maps.
ALTER TABLE map_listing_version ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE map_listing_version DROP CONSTRAINT map_listing_version_pkey;
ALTER TABLE map_listing_version DROP COLUMN only_row;
ALTER TABLE map_listing_version ADD PRIMARY KEY (pemda_id);

CREATE OR REPLACE FUNCTION maps_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_listing_version (pemda_id, version) VALUES (NEW.pemda_id, 1)
    ON CONFLICT (pemda_id) DO UPDATE SET version = map_listing_version.version + 1;
  PERFORM pg_notify('petakerja_maps', NEW.id || ' ' || NEW.change_seq || ' ' || NEW.pemda_id);
  RETURN NULL;
END $$;

ALTER TABLE map_revisions ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE sop_versions ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);

ALTER TABLE letterheads ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE letterheads DROP CONSTRAINT letterheads_pkey;
ALTER TABLE letterheads ADD PRIMARY KEY (pemda_id, unit_key);

ALTER TABLE users ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
CREATE INDEX users_pemda ON users (pemda_id);

ALTER TABLE audit_events ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
CREATE INDEX audit_events_pemda_seq ON audit_events (pemda_id, seq);

ALTER TABLE review_records ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE review_history ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE review_files ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE review_files DROP CONSTRAINT review_files_pkey;
ALTER TABLE review_files ADD PRIMARY KEY (pemda_id, sha256);

ALTER TABLE settings ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
ALTER TABLE settings DROP CONSTRAINT settings_pkey;
ALTER TABLE settings DROP COLUMN only_row;
ALTER TABLE settings ADD PRIMARY KEY (pemda_id);

ALTER TABLE export_jobs ADD COLUMN pemda_id text NOT NULL DEFAULT 'default' REFERENCES pemda (id);
DROP INDEX export_jobs_queue;
CREATE INDEX export_jobs_queue ON export_jobs (pemda_id, state, created_at);

ALTER TABLE maps ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE map_listing_version ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE map_revisions ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE sop_versions ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE letterheads ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE users ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE audit_events ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE review_records ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE review_history ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE review_files ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE settings ALTER COLUMN pemda_id DROP DEFAULT;
ALTER TABLE export_jobs ALTER COLUMN pemda_id DROP DEFAULT;
