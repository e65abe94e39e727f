import "server-only";
import { stringify } from "csv-stringify/sync";
import { toGift } from "@/questions/gift";
import type { Question } from "@/questions/question-types";
import { getStore } from "../db";
import { assignmentForTeacher } from "./service";
import { spreadsheetText } from "@/questions/spreadsheet";
import { versionsOf } from "./versions";

/** A teacher's downloads: the class's answers for a spreadsheet, the questions for Moodle. */

const CSV_COLUMNS = [
  "assignment_id",
  "student",
  "attempt_id",
  "submitted_at",
  "question_id",
  "question",
  "chosen_option",
  "correct_option",
  "correct",
  "help_used",
  "ms",
  "score",
  "max_score",
  // Added with levels (issue 14): last, so that spreadsheets reading columns by position keep working.
  "level",
] as const;

/**
 * One row per student per question. RFC 4180 (CRLF, quotes doubled) with a
 * UTF-8 byte-order mark: without it, Excel reads "Élodie" as "Ã‰lodie".
 */
export async function getResultsCsv(
  id: string,
  key: string | null,
  store = getStore(),
): Promise<{ filename: string; csv: string }> {
  const assignment = await assignmentForTeacher(id, key, store);
  const submissions = await store.listSubmissions(assignment.id);
  // Every level's questions: each student answered those of their own level.
  const questions = new Map(
    versionsOf(assignment).flatMap((v) => v.questions.map((q) => [q.id, q] as const)),
  );
  const optionText = (question: Question | undefined, optionId: string | null) =>
    optionId === null ? "" : (question?.options.find((o) => o.id === optionId)?.text ?? optionId);

  const rows = submissions.flatMap((s) =>
    s.answers.map((answer) => {
      const question = questions.get(answer.questionId);
      return [
        assignment.id,
        spreadsheetText(s.name),
        s.attemptId,
        s.submittedAt,
        answer.questionId,
        question?.prompt ?? "",
        optionText(question, answer.optionId),
        optionText(question, question?.answerId ?? null),
        answer.correct ? 1 : 0,
        answer.helpUsed ? 1 : 0,
        answer.ms,
        s.score,
        s.maxScore,
        s.level ?? "",
      ];
    }),
  );
  const csv = stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: "windows",
  });
  return { filename: `glose-${assignment.id}-results.csv`, csv };
}

export async function getGiftExport(
  id: string,
  key: string | null,
  store = getStore(),
): Promise<{ filename: string; gift: string }> {
  const assignment = await assignmentForTeacher(id, key, store);
  const versions = versionsOf(assignment);
  // At every level, one block of questions per level, each titled with its level.
  const gift = versions
    .map((v) =>
      toGift(v.questions, {
        title: versions.length > 1 && v.level ? `${assignment.title} (${v.level})` : assignment.title,
      }),
    )
    .join("\n");
  return { filename: `glose-${assignment.id}.gift.txt`, gift };
}
