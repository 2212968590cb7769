-- Several instances on one database (issue 18, scope 2): the login throttle's failed attempts, shared by every
-- instance so that a flood split across them is counted once (server/store/postgres/pg-login-failures.ts). Rows older
-- than the throttle's window are deleted by the next failure recorded for the same key.
CREATE TABLE login_failures (
  key text NOT NULL,
  at_ms bigint NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at_ms);
