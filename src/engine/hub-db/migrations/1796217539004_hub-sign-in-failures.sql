-- Up Migration
-- Failed password sign-ins, counted per account (the normalised email, whether or not such an
-- account exists) and per client address, in fixed windows. Kept in the hub database so every
-- hub process sees the same counts. A sign-in being checked holds one count until it is
-- answered (so a burst of parallel guesses cannot all slip under the limit); a success gives
-- it back. Rows whose window has ended are deleted by the sign-in path (src/engine/auth/sign-in-limit.ts).
CREATE TABLE hub_sign_in_failures (
  kind text NOT NULL CHECK (kind IN ('account', 'address')),
  subject text NOT NULL,
  failures integer NOT NULL CHECK (failures >= 0),
  window_ends timestamptz NOT NULL,
  -- The lockout of this window has been written to the audit log (once per lockout).
  lockout_recorded boolean NOT NULL DEFAULT false,
  PRIMARY KEY (kind, subject)
);

CREATE INDEX hub_sign_in_failures_window_ends ON hub_sign_in_failures (window_ends);

-- Down Migration
DROP TABLE hub_sign_in_failures;
