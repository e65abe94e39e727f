import "server-only";
import { buildQuestionBank } from "@/questions/generate";
import type { Question } from "@/questions/question-types";
import { getArticleBundle } from "./content";

const banks = new Map<string, Question[]>();

/** The bank is deterministic, so one build per article per process serves every request. */
export function getQuestionBank(slug: string): Question[] {
  let bank = banks.get(slug);
  if (!bank) {
    const bundle = getArticleBundle(slug);
    if (!bundle) throw new Error(`No article "${slug}" under questions/articles.`);
    bank = buildQuestionBank(bundle);
    banks.set(slug, bank);
  }
  return bank;
}
