-- The first schema of the PostgreSQL store (issue 18, scope 1). Records are kept as jsonb in the shape of the zod
-- schemas (server/store/records.ts and friends) and validated on every read; the columns beside them are what the
-- database must index, constrain or lock. A pemda id column comes with scope 3.

-- Maps: one row per map; change_seq is set from a sequence on every insert or update (also one made by hand in SQL),
-- and every change is announced on the channel petakerja_maps as '<id> <change_seq>' (the change feed).
CREATE SEQUENCE map_change_seq;
CREATE TABLE maps (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  -- The unit lower-cased the Indonesian way by the app (map-filter.ts), for one unit's listing.
  unit_key text NOT NULL,
  change_seq bigint NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX maps_unit_key ON maps (unit_key);
-- The listing version: one row, bumped by every change of a map, in the change's own transaction (at its COMMIT).
CREATE TABLE map_listing_version (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version bigint NOT NULL);
INSERT INTO map_listing_version VALUES (true, 0);

CREATE FUNCTION maps_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_seq := nextval('map_change_seq');
  RETURN NEW;
END $$;
CREATE TRIGGER maps_stamp BEFORE INSERT OR UPDATE ON maps FOR EACH ROW EXECUTE FUNCTION maps_stamp();

CREATE FUNCTION maps_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE map_listing_version SET version = version + 1;
  PERFORM pg_notify('petakerja_maps', NEW.id || ' ' || NEW.change_seq);
  RETURN NULL;
END $$;
-- Deferred to COMMIT: the one version row is locked only once a change holds every map row it needs, so a save (one
-- map row) and a subtree move (many) cannot each hold what the other waits for.
CREATE CONSTRAINT TRIGGER maps_announce AFTER INSERT OR UPDATE ON maps DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION maps_announce();

-- Refuses any UPDATE or DELETE of a history table's rows, whoever asks (the app, or SQL by hand).
CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history of % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END $$;

-- BPMN bodies (and an imported map's original file), content-addressed: the key is the sha256 of the bytes,
-- verified by the app on every read.
CREATE TABLE bpmn_bodies (sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'), bytes bytea NOT NULL);

-- Revision records of a map, 1…n; never changed once written.
CREATE TABLE map_revisions (
  map_id text NOT NULL REFERENCES maps (id),
  n integer NOT NULL CHECK (n >= 1),
  record jsonb NOT NULL,
  PRIMARY KEY (map_id, n)
);
CREATE TRIGGER map_revisions_append_only BEFORE UPDATE OR DELETE ON map_revisions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

-- SOP versions per map (every version kept) and letterheads per unit (keyed by the folded unit name).
CREATE TABLE sop_versions (
  map_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  record jsonb NOT NULL,
  PRIMARY KEY (map_id, version)
);
CREATE TRIGGER sop_versions_append_only BEFORE UPDATE OR DELETE ON sop_versions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TABLE letterheads (unit_key text PRIMARY KEY, record jsonb NOT NULL);

-- Accounts and sessions.
CREATE TABLE users (id text PRIMARY KEY, username text NOT NULL UNIQUE, record jsonb NOT NULL);
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL,
  expires_at text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit log: append-only, newest first by seq.
CREATE TABLE audit_events (
  seq bigserial PRIMARY KEY,
  at text NOT NULL,
  event text NOT NULL,
  username text,
  record jsonb NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

-- Review records: what may still change (annotations, signed SOPs gaining scans or a withdrawal) in review_records;
-- the history that only grows (transitions, monitorings, evaluations) as rows of review_history, which the
-- database itself refuses to update or delete.
CREATE TABLE review_records (map_id text PRIMARY KEY, record jsonb NOT NULL);
CREATE INDEX review_records_signatures ON review_records USING gin ((record -> 'signatures') jsonb_path_ops);
CREATE TABLE review_history (
  map_id text NOT NULL REFERENCES review_records (map_id),
  list text NOT NULL CHECK (list IN ('transitions', 'monitorings', 'evaluations')),
  position integer NOT NULL CHECK (position >= 0),
  record jsonb NOT NULL,
  PRIMARY KEY (map_id, list, position)
);
CREATE TRIGGER review_history_append_only BEFORE UPDATE OR DELETE ON review_history FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();
CREATE TABLE review_files (sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'), bytes bytea NOT NULL);

-- The settings an administrator confirms: one document.
CREATE TABLE settings (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), record jsonb NOT NULL);
