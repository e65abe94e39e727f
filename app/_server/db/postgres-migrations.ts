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
};
