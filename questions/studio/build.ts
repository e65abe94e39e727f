/**
 * A draft becomes an article folder: the content files as text
 * (`article.json`, `vocabulary.json`, `facts.json`, `outsiders.json`,
 * `source.fr.txt`…), then parsed and checked by the very gate repository
 * content goes through (`parseArticleBundle`), then its question bank.
 *
 * The same function serves the studio's live preview (in the browser) and
 * publishing (on the server), so what the teacher sees is what is stored.
 * What is not ready is reported as problems with a code, and left out of the
 * preview rather than blocking it: an unfinished gloss is simply not glossed
 * yet. Publishing needs a draft with no problem of severity "error".
 */
import { articleText, indexOfWord } from "../article";
import { mergeOutsiders, parseArticleBundle, type ArticleBundle, type ArticleFiles } from "../bundle";
import { checkDiscourse } from "../discourse-checks";
import { pruneFactUses } from "../fact-uses";
import type { Fact, Outsider, Outsiders } from "../fact-schema";
import { buildPools, candidatesFor } from "../generators/distractors";
import { checkBank } from "../bank-checks";
import { generateQuestionBank, type GeneratedQuestion } from "../generate";
import { normalizeForComparison } from "../normalize";
import type { Article, Sentence, Term, Vocabulary } from "../schema";
import { ContentError } from "../validate";
import type { DraftSentence, DraftTerm, StudioDraft, TeacherFact } from "./draft";
import {
  isCountedType,
  quantityMatches,
  restateBaseFact,
  toContentFact,
  WRONG_ANSWERS_NEEDED,
} from "./facts";
import { WRONG_GLOSSES_NEEDED } from "./terms";

/** What a sentence shows in place of English when the teacher gave none. */
export const NO_TRANSLATION = "(no translation yet)";

export const PROBLEM_CODES = {
  "title-empty": "error",
  "sentence-empty": "error",
  "sentence-untranslated": "warning",
  "sentence-check": "warning",
  "term-gloss-missing": "error",
  "term-wrong-glosses-missing": "error",
  "term-not-in-text": "error",
  "fact-sentence-missing": "error",
  "fact-answer-not-found": "error",
  "fact-answer-english-missing": "error",
  "fact-question-missing": "error",
  "fact-number-unreadable": "error",
  "fact-wrong-answers-missing": "error",
  "base-fact-outdated": "error",
  "discourse-dropped": "warning",
  "no-facts": "error",
  "no-questions": "error",
  "content-invalid": "error",
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;
export type ProblemSeverity = (typeof PROBLEM_CODES)[ProblemCode];

export interface StudioProblem {
  code: ProblemCode;
  /** What the problem is about, so the studio can show it beside that item. */
  target: { kind: "draft" | "sentence" | "term" | "fact" | "base-fact"; id: string };
  /** For `content-invalid`: the content checks' own sentence (English), naming file, entry and field. */
  detail?: string;
}

export function severityOf(code: ProblemCode): ProblemSeverity {
  return PROBLEM_CODES[code];
}

export interface BuiltArticle {
  /** The content folder, or null when the text itself cannot make an article yet. */
  files: ArticleFiles | null;
  bundle: ArticleBundle | null;
  /** The question bank with how each question was made (for the quality warnings). */
  generated: GeneratedQuestion[];
  problems: StudioProblem[];
  /** Pipeline facts left out because the teacher's edits took their words away. */
  dropped: string[];
  /** True when nothing stands in the way of publishing. */
  publishable: boolean;
}

/** Line breaks typed into a sentence would break source.fr.txt's one-paragraph-per-line layout. */
const oneLine = (text: string) => text.replace(/[ \t\r\n]+/g, " ").trim();

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What draft content files still lack before they can be content: each issue on its item. */
class Problems {
  readonly list: StudioProblem[] = [];
  add(code: ProblemCode, kind: StudioProblem["target"]["kind"], id: string, detail?: string) {
    this.list.push({ code, target: { kind, id }, ...(detail ? { detail } : {}) });
  }
  has(kind: StudioProblem["target"]["kind"], id: string) {
    return this.list.some(
      (p) => p.target.kind === kind && p.target.id === id && severityOf(p.code) === "error",
    );
  }
}

function buildSentences(draft: StudioDraft, problems: Problems): Article | null {
  const sentence = (s: DraftSentence): Sentence => {
    const fr = oneLine(s.fr);
    const en = oneLine(s.en);
    if (!fr) problems.add(s.id === "title" ? "title-empty" : "sentence-empty", "sentence", s.id);
    else if (!en) problems.add("sentence-untranslated", "sentence", s.id);
    if (s.check && fr && en) problems.add("sentence-check", "sentence", s.id);
    return { id: s.id, fr, en: en || NO_TRANSLATION };
  };
  const title = sentence(draft.title);
  const paragraphs = draft.paragraphs.map((p) => ({ id: p.id, sentences: p.sentences.map(sentence) }));
  const source = oneLine(draft.source);
  const licence = oneLine(draft.licence);
  const article: Article = {
    slug: draft.slug,
    ...(draft.family ? { family: draft.family } : {}),
    level: draft.level,
    topic: { en: oneLine(draft.topic.en) || "Text", fr: oneLine(draft.topic.fr) || "Texte" },
    title: { ...title, id: "title" },
    paragraphs,
    ...(source ? { source } : {}),
    ...(licence ? { licence } : {}),
  };
  return problems.list.some((p) => severityOf(p.code) === "error") ? null : article;
}

function buildVocabulary(draft: StudioDraft, sentences: ReadonlyMap<string, string>, problems: Problems) {
  const vocabulary: Vocabulary = [];
  for (const t of draft.terms) {
    const wrongGlosses = t.wrongGlosses.map(oneLine).filter(Boolean);
    const gloss = oneLine(t.gloss);
    // Only where its words still stand, and only the words that still stand.
    const sentenceIds = t.sentenceIds.filter((id) =>
      t.surfaces.some((surface) => indexOfWord(sentences.get(id) ?? "", surface) >= 0),
    );
    const surfaces = t.surfaces.filter((surface) =>
      sentenceIds.some((id) => indexOfWord(sentences.get(id) ?? "", surface) >= 0),
    );
    if (!gloss) problems.add("term-gloss-missing", "term", t.id);
    if (new Set(wrongGlosses.map(normalizeForComparison)).size < WRONG_GLOSSES_NEEDED) {
      problems.add("term-wrong-glosses-missing", "term", t.id);
    }
    if (sentenceIds.length === 0) problems.add("term-not-in-text", "term", t.id);
    if (problems.has("term", t.id)) continue;
    vocabulary.push(contentTerm(t, { gloss, wrongGlosses, sentenceIds, surfaces }));
  }
  return vocabulary;
}

function contentTerm(
  t: DraftTerm,
  fixed: Pick<Term, "gloss" | "wrongGlosses" | "sentenceIds" | "surfaces">,
): Term {
  // Every field the term has (imported ones included), with the fixed ones over them.
  const term: Term = {
    ...t,
    ...fixed,
    lemma: oneLine(t.lemma) || fixed.surfaces[0] || t.id,
  };
  if (t.pos === "noun") term.gender = t.gender ?? "m";
  else delete term.gender;
  if (t.falseFriends?.length)
    term.falseFriends = t.falseFriends.filter((f) => fixed.wrongGlosses.includes(f));
  else delete term.falseFriends;
  return term;
}

/** A teacher fact's own problems, before wrong answers are counted. */
function checkTeacherFact(fact: TeacherFact, sentence: Sentence | undefined, problems: Problems): void {
  if (!sentence) return problems.add("fact-sentence-missing", "fact", fact.id);
  if (!oneLine(fact.answer.fr) || indexOfWord(sentence.fr, oneLine(fact.answer.fr)) < 0) {
    problems.add("fact-answer-not-found", "fact", fact.id);
  }
  if (!oneLine(fact.answer.en)) problems.add("fact-answer-english-missing", "fact", fact.id);
  if (!oneLine(fact.question.en) || !oneLine(fact.question.fr)) {
    problems.add("fact-question-missing", "fact", fact.id);
  }
  if (isCountedType(fact.answer.type) && !quantityMatches(fact.answer)) {
    problems.add("fact-number-unreadable", "fact", fact.id);
  }
}

/** The teacher's wrong answers as the article's own outsiders, by type. */
function teacherOutsiders(facts: readonly TeacherFact[], own: Outsiders): Outsiders {
  const merged: Record<string, Outsider[]> = Object.fromEntries(
    Object.entries(own).map(([type, values]) => [type, [...values]]),
  );
  for (const fact of facts) {
    if (isCountedType(fact.answer.type)) continue;
    for (const wrong of fact.wrongAnswers) {
      const fr = oneLine(wrong.fr);
      const en = oneLine(wrong.en) || fr;
      if (!fr) continue;
      const list = (merged[fact.answer.type] ??= []);
      if (
        !list.some(
          (o) => o.category === undefined && normalizeForComparison(o.fr) === normalizeForComparison(fr),
        )
      )
        list.push({ fr, en });
    }
  }
  return Object.fromEntries(Object.entries(merged).filter(([, values]) => values.length > 0));
}

function buildFacts(
  draft: StudioDraft,
  article: Article,
  sharedOutsiders: Outsiders,
  problems: Problems,
  dropped: string[],
): { facts: Fact[]; own: Outsiders } {
  const sentences = new Map(
    [article.title, ...article.paragraphs.flatMap((p) => p.sentences)].map((s) => [s.id, s]),
  );
  const teacher: Fact[] = [];
  const answered = new Set<string>();
  for (const fact of draft.facts) {
    const sentence = sentences.get(fact.sentenceId);
    checkTeacherFact(fact, sentence, problems);
    if (!sentence || problems.has("fact", fact.id)) continue;
    teacher.push(toContentFact(fact, sentence));
    answered.add(`${fact.sentenceId}/${normalizeForComparison(fact.answer.fr)}`);
  }

  const base: Fact[] = [];
  for (const fact of draft.baseFacts) {
    const sentence = sentences.get(fact.sentenceId);
    const stands =
      sentence && Object.values(fact.slots).every((slot) => indexOfWord(sentence.fr, slot.fr) >= 0);
    // The teacher's own fact on the same words replaces the pipeline's.
    const superseded = Object.values(fact.slots).some((slot) =>
      answered.has(`${fact.sentenceId}/${normalizeForComparison(slot.fr)}`),
    );
    if (fact.draft && (!stands || superseded)) {
      dropped.push(fact.id);
      continue;
    }
    if (!sentence || !stands) {
      problems.add("base-fact-outdated", "base-fact", fact.id);
      continue;
    }
    base.push(restateBaseFact(fact, sentence));
  }

  const own = teacherOutsiders(draft.facts, draft.outsiders);
  const outsiders = mergeOutsiders(sharedOutsiders, own);
  const teacherIds = new Set(teacher.map((f) => f.id));
  // Made facts keep the uses their wrong values allow; hand-written ones are checked as they are.
  const pruned = pruneFactUses(
    [...teacher, ...base],
    outsiders,
    { cloze: 2, trueFalse: 1 },
    (f) => Boolean(f.draft) || teacherIds.has(f.id),
  );
  const kept = new Set(pruned.map((f) => f.id));
  for (const fact of base) if (!kept.has(fact.id)) dropped.push(fact.id);
  const pools = buildPools(pruned, outsiders);
  const facts: Fact[] = [];
  for (const fact of pruned) {
    const isTeacher = teacherIds.has(fact.id);
    const enough =
      !isTeacher || candidatesFor({ fact, slotName: "answer", pools }).length >= WRONG_ANSWERS_NEEDED;
    if (!enough) {
      problems.add("fact-wrong-answers-missing", "fact", fact.id);
      continue;
    }
    // Published content has been reviewed: no fact of it is a draft any more.
    const published: Fact = { ...fact };
    delete published.draft;
    facts.push(published);
  }
  return { facts, own };
}

export function buildArticle(draft: StudioDraft, sharedOutsiders: Outsiders): BuiltArticle {
  const problems = new Problems();
  const dropped: string[] = [];
  const empty = (publishable = false): BuiltArticle => ({
    files: null,
    bundle: null,
    generated: [],
    problems: problems.list,
    dropped,
    publishable,
  });

  const article = buildSentences(draft, problems);
  if (!article) return empty();
  const sentences = new Map(
    [article.title, ...article.paragraphs.flatMap((p) => p.sentences)].map((s) => [s.id, s.fr]),
  );
  const vocabulary = buildVocabulary(draft, sentences, problems);
  const { facts, own } = buildFacts(draft, article, sharedOutsiders, problems, dropped);
  if (facts.length === 0) {
    problems.add("no-facts", "draft", draft.slug);
    return empty();
  }

  let discourse = draft.discourse;
  if (discourse && checkDiscourse(article, discourse).length > 0) {
    problems.add("discourse-dropped", "draft", draft.slug);
    discourse = undefined;
  }
  const files: ArticleFiles = {
    "source.fr.txt": articleText(article),
    "article.json": json(article),
    "vocabulary.json": json(vocabulary),
    "facts.json": json(facts),
    ...(Object.keys(own).length ? { "outsiders.json": json(own) } : {}),
    ...(discourse ? { "discourse.json": json(discourse) } : {}),
  };

  let bundle: ArticleBundle;
  try {
    bundle = parseArticleBundle(files, { sharedOutsiders, slug: draft.slug });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.add("content-invalid", "draft", draft.slug, `${error.file}: ${error.problems[0] ?? ""}`);
    return empty();
  }
  const generated = generateQuestionBank(bundle);
  const bankProblems = checkBank(
    bundle.article,
    generated.map((g) => g.question),
  );
  if (generated.length === 0) problems.add("no-questions", "draft", draft.slug);
  if (bankProblems[0]) problems.add("content-invalid", "draft", draft.slug, bankProblems[0]);
  const publishable = !problems.list.some((p) => severityOf(p.code) === "error");
  return { files, bundle, generated, problems: problems.list, dropped, publishable };
}
