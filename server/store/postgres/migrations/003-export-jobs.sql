-- Batch SOP export jobs shared by every instance on the database (issue 18, scope 2; server/sop/batch/
-- shared-export-jobs.ts). A job is queued by the instance that was asked, taken by exactly one instance's runner
-- (SELECT … FOR UPDATE SKIP LOCKED), which holds it by a lease it renews while it prints; a job whose lease ran out
-- (its instance died) is taken again. `takes` counts the takes. Its events and its finished file stay in the row, so
-- any instance streams the progress and serves the download; finished rows are deleted after their time to live.
CREATE TABLE export_jobs (
  id text PRIMARY KEY,
  owner_id text NOT NULL,
  actor jsonb NOT NULL,
  unit text NOT NULL,
  format text NOT NULL,
  include_drafts boolean NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'error')),
  events jsonb NOT NULL DEFAULT '[]',
  takes integer NOT NULL DEFAULT 0,
  taken_by text,
  lease_until timestamptz,
  file_name text,
  file bytea,
  -- Cancelled or dropped by its starter: unknown to the routes from then on, kept until its time to live is over so
  -- that the streams following it read its last event.
  dropped boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX export_jobs_queue ON export_jobs (state, created_at);
CREATE INDEX export_jobs_owner ON export_jobs (owner_id, state);
