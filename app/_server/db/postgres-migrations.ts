/**
 * PostgreSQL's SQL for each step of the schema (see `schema.ts`). The table
 * `glose_schema` records one row per step taken, so its highest version is
 * the database's schema version.
 *
 * The same data model as SQLite's, in PostgreSQL's own types: timestamps as
 * `timestamptz` (read back as the same ISO strings), flags as `boolean`, the
 * frozen questions as `jsonb`.
 */
import "server-only";
import type { SchemaStep } from "./schema";

export const POSTGRES_MIGRATIONS: Readonly<Record<SchemaStep, string>> = {
  "assignments-and-submissions": `
  CREATE TABLE assignments (
    id               text PRIMARY KEY,
    teacher_key_hash bytea NOT NULL,
    title            text NOT NULL,
    article_slug     text NOT NULL,
    kinds            jsonb NOT NULL,
    requested_count  integer NOT NULL,
    language         text NOT NULL CHECK (language IN ('en', 'fr')),
    mode             text NOT NULL CHECK (mode IN ('practice', 'test')),
    helps_allowed    boolean NOT NULL,
    due_at           timestamptz,
    max_attempts     integer CHECK (max_attempts IS NULL OR max_attempts >= 1),
    seed             integer NOT NULL,
    questions        jsonb NOT NULL,
    created_at       timestamptz NOT NULL
  );

  CREATE TABLE submissions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assignment_id  text NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    attempt_id     text NOT NULL,
    name           text NOT NULL,
    name_key       text NOT NULL,
    score          double precision NOT NULL,
    max_score      double precision NOT NULL,
    percentage     double precision NOT NULL,
    correct_count  integer NOT NULL,
    helps_used     integer NOT NULL,
    best_streak    integer NOT NULL,
    total_ms       integer NOT NULL,
    submitted_at   timestamptz NOT NULL,
    UNIQUE (assignment_id, attempt_id)
  );
  CREATE INDEX submissions_by_name ON submissions (assignment_id, name_key);

  CREATE TABLE submission_answers (
    submission_id bigint NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    question_id   text NOT NULL,
    option_id     text,
    correct       boolean NOT NULL,
    help_used     boolean NOT NULL,
    points        double precision NOT NULL,
    ms            integer NOT NULL,
    PRIMARY KEY (submission_id, position)
  );
  `,
  "assignment-levels": `
  ALTER TABLE assignments ADD COLUMN level text CHECK (level IS NULL OR level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'));

  CREATE TABLE assignment_levels (
    assignment_id text NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    level         text NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    article_slug  text NOT NULL,
    seed          integer NOT NULL,
    questions     jsonb NOT NULL,
    PRIMARY KEY (assignment_id, level)
  );

  ALTER TABLE submissions ADD COLUMN level text CHECK (level IS NULL OR level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'));
  `,

  // The studio: teachers' drafts (edited in place, one revision more per
  // save) and their published articles, each version kept as it was.
  // Documents are text, not jsonb: stored and given back byte for byte.
  "studio-drafts-and-articles": `
  CREATE TABLE drafts (
    id             text PRIMARY KEY,
    owner_key_hash bytea NOT NULL,
    article_slug   text NOT NULL UNIQUE,
    revision       integer NOT NULL CHECK (revision >= 1),
    document       text NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
  );

  CREATE TABLE articles (
    slug            text PRIMARY KEY,
    draft_id        text NOT NULL UNIQUE REFERENCES drafts (id),
    current_version integer NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
  );

  CREATE TABLE article_versions (
    slug           text NOT NULL REFERENCES articles (slug),
    version        integer NOT NULL CHECK (version >= 1),
    title          text NOT NULL,
    level          text NOT NULL,
    files          text NOT NULL,
    draft_revision integer NOT NULL,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (slug, version)
  );

  -- A published version is what running assignments quote as evidence: never changed.
  CREATE FUNCTION glose_refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'published article versions are immutable';
  END $$;
  CREATE TRIGGER article_versions_immutable BEFORE UPDATE OR DELETE ON article_versions
    FOR EACH ROW EXECUTE FUNCTION glose_refuse_version_change();

  ALTER TABLE assignments ADD COLUMN article_version integer CHECK (article_version IS NULL OR article_version >= 1);
  `,
};
