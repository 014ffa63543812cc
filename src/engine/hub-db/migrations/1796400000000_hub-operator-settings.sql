-- Up Migration
-- What an operator chose for themselves: the language of the hub and the time zone its times
-- are shown in. A row only once they choose; without one the browser's language and zone apply.
CREATE TABLE hub_operator_settings (
  user_id text PRIMARY KEY REFERENCES hub_user (id) ON DELETE CASCADE,
  locale text CHECK (locale IN ('en', 'ko')),
  time_zone text CHECK (time_zone <> ''),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE hub_operator_settings;
