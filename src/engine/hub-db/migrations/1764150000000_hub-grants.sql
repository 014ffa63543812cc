-- Up Migration
-- Operators' roles. One row per operator and domain; domain '*' with role 'superadmin' is the
-- hub-wide grant. The operator table itself (hub_user) belongs to the auth library.
CREATE TABLE hub_grants (
  user_id text NOT NULL REFERENCES hub_user (id) ON DELETE CASCADE,
  domain text NOT NULL,
  role text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  granted_by text,
  PRIMARY KEY (user_id, domain),
  CONSTRAINT hub_grants_role_fits_domain CHECK (
    (domain = '*' AND role = 'superadmin') OR (domain <> '*' AND role IN ('viewer', 'editor', 'admin'))
  )
);

-- Down Migration
DROP TABLE hub_grants;
