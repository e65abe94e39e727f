import "server-only";
import { buildQuestionBank } from "@/questions/generate";
import type { Question } from "@/questions/question-types";
import { getArticleBundle, type LoadedArticle } from "./content";

const banks = new Map<string, Question[]>();
const BANK_CACHE_LIMIT = 200;

/** The bank is deterministic, so one build per article (and version) per process serves every request. */
function cached(key: string, build: () => Question[]): Question[] {
  let bank = banks.get(key);
  if (!bank) {
    bank = build();
    if (banks.size >= BANK_CACHE_LIMIT) {
      const oldest = banks.keys().next();
      if (!oldest.done) banks.delete(oldest.value);
    }
    banks.set(key, bank);
  }
  return bank;
}

/** A repository article's bank. */
export function getQuestionBank(slug: string): Question[] {
  return cached(slug, () => {
    const bundle = getArticleBundle(slug);
    if (!bundle) throw new Error(`No article "${slug}" under questions/articles.`);
    return buildQuestionBank(bundle);
  });
}

/** The bank of any loaded article: a studio article's per published version. */
export function questionBankOf(article: LoadedArticle): Question[] {
  const slug = article.bundle.article.slug;
  if (article.origin === "repository") return getQuestionBank(slug);
  return cached(`${slug}@${article.version}`, () => buildQuestionBank(article.bundle));
}
