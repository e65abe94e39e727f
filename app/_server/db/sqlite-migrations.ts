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

  // The studio: teachers' drafts (edited in place, one revision more per
  // save) and their published articles, each version kept as it was.
  "studio-drafts-and-articles": `
  CREATE TABLE drafts (
    id             TEXT PRIMARY KEY,
    owner_key_hash BLOB NOT NULL,
    article_slug   TEXT NOT NULL UNIQUE,
    revision       INTEGER NOT NULL CHECK (revision >= 1),
    document       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
  ) STRICT;

  CREATE TABLE articles (
    slug            TEXT PRIMARY KEY,
    draft_id        TEXT NOT NULL UNIQUE REFERENCES drafts (id),
    current_version INTEGER NOT NULL CHECK (current_version >= 1),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  ) STRICT;

  CREATE TABLE article_versions (
    slug           TEXT NOT NULL REFERENCES articles (slug),
    version        INTEGER NOT NULL CHECK (version >= 1),
    title          TEXT NOT NULL,
    level          TEXT NOT NULL,
    files          TEXT NOT NULL,
    draft_revision INTEGER NOT NULL,
    published_at   TEXT NOT NULL,
    PRIMARY KEY (slug, version)
  ) STRICT;

  -- A published version is what running assignments quote as evidence: never changed.
  CREATE TRIGGER article_versions_immutable BEFORE UPDATE ON article_versions
  BEGIN SELECT RAISE(ABORT, 'published article versions are immutable'); END;
  CREATE TRIGGER article_versions_kept BEFORE DELETE ON article_versions
  BEGIN SELECT RAISE(ABORT, 'published article versions are immutable'); END;

  ALTER TABLE assignments ADD COLUMN article_version INTEGER CHECK (article_version IS NULL OR article_version >= 1);
  `,
};
