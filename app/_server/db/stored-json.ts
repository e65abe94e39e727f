/**
 * The JSON columns both stores keep (an assignment's kinds and its frozen
 * questions), parsed like any other input: the database may have been edited
 * by hand or written by another version of the code.
 */
import { z } from "zod";
import { questionKindSchema, questionSchema, type Question } from "../../../questions/question-types";

const jsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "stored value is not JSON" });
    return z.NEVER;
  }
});

export const storedKindsSchema = jsonText.pipe(z.array(questionKindSchema));
const storedQuestionsSchema = jsonText.pipe(z.array(questionSchema));

const QUESTION_CACHE_LIMIT = 500;

/**
 * Questions are frozen once written, so their parsed form can be kept: the
 * submission path would otherwise re-validate the same JSON on every request.
 * Safe with several servers on one database for the same reason.
 */
export function questionParser(): (assignmentId: string, json: string) => Question[] {
  const cache = new Map<string, Question[]>();
  return (assignmentId, json) => {
    const cached = cache.get(assignmentId);
    if (cached) return cached;
    const questions = storedQuestionsSchema.parse(json);
    if (cache.size >= QUESTION_CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(assignmentId, questions);
    return questions;
  };
}
