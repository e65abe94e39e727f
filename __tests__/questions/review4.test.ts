/**
 * @jest-environment node
 *
 * What the fourth blind review (seed, 44 items) flagged outside connectors,
 * held as rules a teacher would notice on every article:
 * - a comprehension stem never quotes, next to the key, words the text says
 *   only once ("Outre la saisie de données" before "le service client ou la
 *   saisie de données"): finding the phrase and copying its neighbour is not
 *   reading;
 * - no wrong main idea or gloss pushed into absurdity ("drove staff away by
 *   calling them burglars", "to hand over their battle plans");
 * - options alike in form: no abbreviation among phrases, no company alone in
 *   lacking "AI" in its name.
 */
import { listArticleSlugs, loadArticleBundle, type ArticleBundle } from "@/app/_server/content-files";
import { allSentences } from "@/questions/article";
import { generateQuestionBank } from "@/questions/generate";
import { normalizeForComparison } from "@/questions/normalize";
import type { Question } from "@/questions/question-types";

const words = (text: string) =>
  normalizeForComparison(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Words of the stem that the text has once, standing within four words of the key in its sentence. */
function anchorsNextToKey(question: Question, sentence: string, text: string): string[] {
  const inText = words(text);
  const said = words(sentence);
  const key = words(question.options.find((o) => o.id === question.answerId)?.text ?? "");
  const at = said.findIndex((_, i) => key.length > 0 && key.every((k, j) => said[i + j] === k));
  if (at < 0) return [];
  const near = new Set([
    ...said.slice(Math.max(0, at - 4), at),
    ...said.slice(at + key.length, at + key.length + 4),
  ]);
  return words(question.prompt).filter(
    (w) => w.length > 3 && near.has(w) && !key.includes(w) && inText.filter((x) => x === w).length === 1,
  );
}

describe.each(listArticleSlugs())("review 4 rules on %s", (slug) => {
  let bundle: ArticleBundle;
  let bank: Question[];
  let sentences: Map<string, string>;
  beforeAll(() => {
    bundle = loadArticleBundle(slug);
    bank = generateQuestionBank(bundle).map((g) => g.question);
    sentences = new Map(allSentences(bundle.article).map((s) => [s.id, s.fr]));
  });

  it("never quotes in a French comprehension stem a once-said word printed next to the key", () => {
    const text = [...sentences.values()].join(" ");
    for (const q of bank.filter((item) => item.kind.startsWith("comprehension") && item.language === "fr")) {
      const sentence = sentences.get(q.evidenceSentenceId) ?? "";
      expect([q.id, anchorsNextToKey(q, sentence, text)]).toEqual([q.id, []]);
    }
  });
  it("keeps options alike in form: the key is never alone in carrying, or lacking, capitals such as AI or CEO", () => {
    // Brex among "OpenAI" and "Scale AI", or "CEO" among phrases: form answers, not the text.
    const capitals = (text: string) => /\p{Lu}{2}/u.test(text);
    for (const q of bank.filter((item) => item.options.length >= 3)) {
      const key = q.options.find((o) => o.id === q.answerId)?.text ?? "";
      const others = q.options.filter((o) => o.id !== q.answerId);
      expect([q.id, others.some((o) => capitals(o.text) === capitals(key))]).toEqual([q.id, true]);
    }
    // A gloss that is an abbreviation meets abbreviations only ("CEO" and "CFO" halve the choice).
    const abbreviation = (text: string) => /^\p{Lu}{2,}$/u.test(text.trim());
    for (const q of bank.filter((item) => item.kind === "vocabulary")) {
      expect([q.id, new Set(q.options.map((o) => abbreviation(o.text))).size]).toEqual([q.id, 1]);
    }
  });
});
