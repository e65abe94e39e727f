/**
 * The data layer's contract. Routes and the assignment service see only this
 * interface, never SQL: SQLite (`sqlite.ts`, the default) and PostgreSQL
 * (`postgres.ts`, for several servers on one database) both implement it, and
 * one contract suite (`__tests__/db/store-contract.ts`) holds them to the same
 * behaviour. Every method returns a Promise, although SQLite itself answers
 * synchronously.
 */
import "server-only";
import type { Question, QuestionKind, QuestionLanguage } from "../../../questions/question-types";
import type { CefrLevel } from "../../../questions/schema";
import type { QuizScore } from "../../../questions/scoring";

export type AssignmentMode = "practice" | "test";

/** What a teacher chose when creating the assignment. */
export interface AssignmentSettings {
  title: string;
  /** The kinds the teacher asked for; the questions were drawn from these. */
  kinds: QuestionKind[];
  /** How many questions were asked for; `questions.length` may be smaller. */
  requestedCount: number;
  language: QuestionLanguage;
  mode: AssignmentMode;
  helpsAllowed: boolean;
  /** ISO 8601 in UTC (`toISOString()`), or null for no due date. */
  dueAt: string | null;
  /** 1, or null for unlimited. */
  maxAttempts: number | null;
}

/** One level of an article, with the questions frozen for it. */
export interface AssignmentLevel {
  level: CefrLevel;
  articleSlug: string;
  seed: number;
  /** Frozen at creation, like the assignment's own. */
  questions: Question[];
}

export interface NewAssignment extends AssignmentSettings {
  id: string;
  /** SHA-256 of the teacher key: the key itself is never stored. */
  teacherKeyHash: Buffer;
  /** The article the teacher chose, at the level the teacher chose. */
  articleSlug: string;
  /** That article's level; null for assignments made before levels were recorded. */
  level: CefrLevel | null;
  /**
   * The published version of a studio article the questions were drawn from
   * (its sentences are the evidence); null for an article of the repository.
   */
  articleVersion: number | null;
  seed: number;
  /** Frozen at creation: full questions, answer keys and option order included. */
  questions: Question[];
  /**
   * An assignment "at every level": the article's other levels, each with its
   * own frozen questions (the same facts, in the same order where the levels
   * share them). Empty for an assignment of one text at one level.
   */
  otherLevels: AssignmentLevel[];
  createdAt: string;
}

export type StoredAssignment = NewAssignment;

/** One question's outcome inside a submission, in the assignment's question order. */
export interface StoredAnswer {
  questionId: string;
  optionId: string | null;
  correct: boolean;
  helpUsed: boolean;
  points: number;
  ms: number;
}

/** The totals `scoreAnswers` computes, stored with each submission. */
export type SubmissionTotals = Pick<
  QuizScore,
  "score" | "maxScore" | "percentage" | "correctCount" | "helpsUsed" | "bestStreak" | "totalMs"
>;

export interface NewSubmission extends SubmissionTotals {
  assignmentId: string;
  /** Chosen by the client (a UUID) so that re-sending an attempt is harmless. */
  attemptId: string;
  /** As the student typed it (trimmed, NFC): shown as text, never as markup. */
  name: string;
  /** The name folded for comparison: case, accents and spacing ignored. */
  nameKey: string;
  answers: StoredAnswer[];
  /** The server's clock when the submission arrived (ISO 8601, UTC). */
  submittedAt: string;
  /** The level of the questions answered; null for submissions made before levels were recorded. */
  level: CefrLevel | null;
}

export type StoredSubmission = NewSubmission;

/**
 * Why a submission was or was not stored. The checks run in this order inside
 * one transaction: a known attempt is answered as it was the first time, even
 * after the due date, so an offline client re-sending it is never refused.
 */
export type RecordSubmissionOutcome =
  | { status: "created"; submission: StoredSubmission }
  | { status: "duplicate"; submission: StoredSubmission }
  | { status: "not-found" }
  | { status: "closed" }
  | { status: "too-many-attempts" };

/** A studio draft as created: its owner key's hash and the document the studio edits (JSON text). */
export interface NewDraft {
  id: string;
  /** SHA-256 of the owner key: the key itself is never stored. */
  ownerKeyHash: Buffer;
  /** The slug its article is published under, fixed at creation so every version shares one address. */
  articleSlug: string;
  document: string;
  createdAt: string;
}

export interface StoredDraft extends NewDraft {
  /** 1 at creation, one more with every save: what optimistic concurrency compares. */
  revision: number;
  updatedAt: string;
  /** The latest published version of its article, or null before the first publish. */
  publishedVersion: number | null;
}

/** Why a save was or was not stored: only a save based on the current revision is. */
export type SaveDraftOutcome =
  { status: "saved"; revision: number } | { status: "conflict"; revision: number } | { status: "not-found" };

/** A publish: the draft at `expectedRevision` becomes the next immutable version of its article. */
export interface NewArticleVersion {
  draftId: string;
  expectedRevision: number;
  title: string;
  level: string;
  /** The content folder (`ArticleFiles`) as JSON text, validated before it gets here. */
  files: string;
  publishedAt: string;
}

export type PublishOutcome =
  | { status: "published"; slug: string; version: number }
  | { status: "conflict"; revision: number }
  | { status: "not-found" };

export interface StoredArticleVersion {
  slug: string;
  version: number;
  /** The newest version of the same article. */
  latestVersion: number;
  title: string;
  level: string;
  files: string;
  draftRevision: number;
  publishedAt: string;
}

export interface GloseStore {
  /** False when the id is already taken (the caller draws another). */
  createAssignment(assignment: NewAssignment): Promise<boolean>;
  getAssignment(id: string): Promise<StoredAssignment | null>;
  /** Moves or removes the due date; false when there is no such assignment. */
  updateDueAt(id: string, dueAt: string | null): Promise<boolean>;
  /**
   * Stores a submission unless its attempt is already known, the assignment is
   * closed at `submission.submittedAt`, or the name has used all its attempts;
   * all checked and written atomically.
   */
  recordSubmission(submission: NewSubmission): Promise<RecordSubmissionOutcome>;
  findSubmission(assignmentId: string, attemptId: string): Promise<StoredSubmission | null>;
  countAttempts(assignmentId: string, nameKey: string): Promise<number>;
  /** Oldest first, each with its answers in question order. */
  listSubmissions(assignmentId: string): Promise<StoredSubmission[]>;

  /** False when the id or the article slug is already taken (the caller draws others). */
  createDraft(draft: NewDraft): Promise<boolean>;
  getDraft(id: string): Promise<StoredDraft | null>;
  /**
   * Replaces the document if the draft is still at `expectedRevision`, and
   * moves it to the next revision, in one statement: of two tabs saving from
   * the same revision, one wins and the other hears "conflict".
   */
  saveDraft(
    id: string,
    expectedRevision: number,
    document: string,
    updatedAt: string,
  ): Promise<SaveDraftOutcome>;
  /**
   * Stores the next version of the draft's article, atomically: the draft's
   * revision is checked, the article's version counter moved and the version
   * row written in one transaction, or nothing at all. Versions are never
   * changed afterwards (the database refuses updates).
   */
  publishDraft(publish: NewArticleVersion): Promise<PublishOutcome>;
  /** A published version (the latest when `version` is omitted), or null. */
  getArticleVersion(slug: string, version?: number): Promise<StoredArticleVersion | null>;
  /**
   * The schema version the database records, once this store's migrations
   * have run (see `schema.ts`). Rejects with SchemaTooNewError when a newer
   * Glose wrote the database: the server awaits this at start and refuses to
   * serve then.
   */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
