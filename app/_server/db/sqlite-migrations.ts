/**
 * SQLite's SQL for each step of the schema (see `schema.ts`). `PRAGMA
 * user_version` records how many steps a database has run.
 */
import "server-only";
import type { SchemaStep } from "./schema";

export const SQLITE_MIGRATIONS: Readonly<Record<SchemaStep, string>> = {
  "assignments-and-submissions": `
  CREATE TABLE assignments (
    id               TEXT PRIMARY KEY,
    teacher_key_hash BLOB NOT NULL,
    title            TEXT NOT NULL,
    article_slug     TEXT NOT NULL,
    kinds            TEXT NOT NULL,
    requested_count  INTEGER NOT NULL,
    language         TEXT NOT NULL CHECK (language IN ('en', 'fr')),
    mode             TEXT NOT NULL CHECK (mode IN ('practice', 'test')),
    helps_allowed    INTEGER NOT NULL CHECK (helps_allowed IN (0, 1)),
    due_at           TEXT,
    max_attempts     INTEGER CHECK (max_attempts IS NULL OR max_attempts >= 1),
    seed             INTEGER NOT NULL,
    questions        TEXT NOT NULL,
    created_at       TEXT NOT NULL
  ) STRICT;

  CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY,
    assignment_id  TEXT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    attempt_id     TEXT NOT NULL,
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,
    score          REAL NOT NULL,
    max_score      REAL NOT NULL,
    percentage     REAL NOT NULL,
    correct_count  INTEGER NOT NULL,
    helps_used     INTEGER NOT NULL,
    best_streak    INTEGER NOT NULL,
    total_ms       INTEGER NOT NULL,
    submitted_at   TEXT NOT NULL,
    UNIQUE (assignment_id, attempt_id)
  ) STRICT;
  CREATE INDEX submissions_by_name ON submissions (assignment_id, name_key);

  CREATE TABLE submission_answers (
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    question_id   TEXT NOT NULL,
    option_id     TEXT,
    correct       INTEGER NOT NULL CHECK (correct IN (0, 1)),
    help_used     INTEGER NOT NULL CHECK (help_used IN (0, 1)),
    points        REAL NOT NULL,
    ms            INTEGER NOT NULL,
    PRIMARY KEY (submission_id, position)
  ) STRICT;
  `,
  "assignment-levels": `
  ALTER TABLE assignments ADD COLUMN level TEXT CHECK (level IS NULL OR level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'));

  CREATE TABLE assignment_levels (
    assignment_id TEXT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    level         TEXT NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    article_slug  TEXT NOT NULL,
    seed          INTEGER NOT NULL,
    questions     TEXT NOT NULL,
    PRIMARY KEY (assignment_id, level)
  ) STRICT;

  ALTER TABLE submissions ADD COLUMN level TEXT CHECK (level IS NULL OR level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'));
  `,
};
