import "server-only";
import type { CefrLevel } from "@/questions/levels";
import type { AssignmentLevel, StoredAssignment } from "../db";

/**
 * The questions of one level of an assignment. An assignment holds its own
 * (the article the teacher chose) and, at every level, those of the article's
 * other levels; before levels were recorded its own level is unknown (null).
 */
export interface AssignmentVersion extends Omit<AssignmentLevel, "level"> {
  level: CefrLevel | null;
}

/** The article the teacher chose, at the level the teacher chose. */
export function ownVersion(assignment: StoredAssignment): AssignmentVersion {
  return {
    level: assignment.level,
    articleSlug: assignment.articleSlug,
    seed: assignment.seed,
    questions: assignment.questions,
  };
}

/** Every level of the assignment, easiest first; one for an assignment of one text at one level. */
export function versionsOf(assignment: StoredAssignment): AssignmentVersion[] {
  // CEFR levels sort as text (A1 < A2 < B1…); an unrecorded level never comes with other levels.
  return [ownVersion(assignment), ...assignment.otherLevels].sort((a, b) =>
    (a.level ?? "").localeCompare(b.level ?? ""),
  );
}

/** The version at `level`, the assignment's own when `level` is absent, or null when not offered. */
export function versionOf(assignment: StoredAssignment, level?: CefrLevel): AssignmentVersion | null {
  if (level === undefined) return ownVersion(assignment);
  return versionsOf(assignment).find((v) => v.level === level) ?? null;
}

/** Whether students choose a level: an assignment at every level of an article that has several. */
export function isAtEveryLevel(assignment: StoredAssignment): boolean {
  return assignment.otherLevels.length > 0;
}
