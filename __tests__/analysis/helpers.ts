/**
 * Shared by the analysis tests: the seed article and the English block a
 * teacher would paste (its sentences' English, the title on the first line,
 * one paragraph per line).
 */
import type { Article } from "@/questions/schema";

export const SEED = "ai-talent-race";

export function englishBlock(article: Article): string {
  return [article.title.en, ...article.paragraphs.map((p) => p.sentences.map((s) => s.en).join(" "))].join(
    "\n",
  );
}
