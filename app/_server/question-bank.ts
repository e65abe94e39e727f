import { buildQuestionBank } from "@/questions/generate";
import type { Question } from "@/questions/question-types";
import { loadArticleBundle } from "./content-files";

const banks = new Map<string, Question[]>();

/** The bank is deterministic, so one build per article per process serves every request. */
export function getQuestionBank(slug: string): Question[] {
  let bank = banks.get(slug);
  if (!bank) {
    bank = buildQuestionBank(loadArticleBundle(slug));
    banks.set(slug, bank);
  }
  return bank;
}
