-- Up Migration
-- Saved views: a list's state (filters, search, sort, columns, page size) kept under a name, per
-- operator, domain and resource; `shared` shows it to every operator who may read that resource.
-- `query` is the list's URL query string as the engine validated it, without any paging
-- position (src/engine/views/saved-views.ts), so applying a view always starts on page one.
CREATE TABLE "hub_saved_views" (
  "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "operator_id" text NOT NULL REFERENCES "hub_user" ("id") ON DELETE CASCADE,
  "domain" text NOT NULL CHECK (char_length("domain") BETWEEN 1 AND 100),
  "resource" text NOT NULL CHECK (char_length("resource") BETWEEN 1 AND 200),
  "name" text NOT NULL CHECK (char_length("name") BETWEEN 1 AND 80),
  "query" text NOT NULL CHECK (char_length("query") <= 2000),
  "shared" boolean NOT NULL DEFAULT false,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT "hub_saved_views_name_unique" UNIQUE ("operator_id", "domain", "resource", "name")
);

-- The menu reads "mine" through the unique index above and "shared" through this one.
CREATE INDEX "hub_saved_views_shared" ON "hub_saved_views" ("domain", "resource") WHERE "shared";

-- The columns an operator last chose for a list, used when its URL names none.
CREATE TABLE "hub_list_preferences" (
  "operator_id" text NOT NULL REFERENCES "hub_user" ("id") ON DELETE CASCADE,
  "domain" text NOT NULL CHECK (char_length("domain") BETWEEN 1 AND 100),
  "resource" text NOT NULL CHECK (char_length("resource") BETWEEN 1 AND 200),
  "columns" text[] NOT NULL CHECK (cardinality("columns") BETWEEN 1 AND 500),
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY ("operator_id", "domain", "resource")
);

-- Down Migration
DROP TABLE "hub_list_preferences";
DROP TABLE "hub_saved_views";
