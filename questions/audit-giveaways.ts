/**
 * Quality figures that the third review asked for (issue 12): what gives an
 * answer away without reading.
 * - draws: quizzes and review samples holding two items that answer each
 *   other (`conflicts.ts`), and how full quizzes still are under that rule;
 * - main ideas: wrong answers that reverse the paragraph's point (a negation,
 *   a stop, a cut that neither the paragraph nor the key has), and written
 *   wrong answers that do not say how they misread it (`trap`);
 * - stems: a comprehension stem that says the answer is the surprising one
 *   ("still", "even though", "encore", "même si");
 * - spread: the least and most loaded sentences, an item counted once
 *   whatever its language or side;
 * - convergence: a vocabulary key built from parts of its distractors
 *   ("half board" among "half price", "full board"), which a test-wise
 *   learner picks as the option sharing most with the others.
 */
import { allSentences } from "./article";
import { conflictBetween, conflictingPairs, sentencesOf } from "./conflicts";
import type { Discourse } from "./discourse-schema";
import { normalizeForComparison } from "./normalize";
import type { Question } from "./question-types";
import { QUESTION_KINDS } from "./question-kinds";
import { buildQuiz, itemKey } from "./quiz";
import { reviewForms } from "./review-sample";
import type { Article } from "./schema";
import type { GeneratedQuestion } from "./generators/types";

/** Families of words that turn a statement round, on normalised text (no accents, no apostrophes). */
const REVERSAL_CUES: Readonly<Record<string, RegExp>> = {
  negation:
    /\b(ne|n)\b(\s+\S+){0,4}\s+(pas|plus|rien|jamais|guere|aucun|aucune)\b|\b(not|never|nothing|no longer|none)\b|\bn t\b/,
  stopping:
    /\b(cess\w*|arret\w*|stopp\w*|gel\w*|renonc\w*|abandonn\w*|quitt\w*|stop\w*|freez\w*|quit\w*|ceas\w*|leaving|leaves)\b/,
  decrease: /\b(baiss\w*|redui\w*|diminu\w*|supprim\w*|cut|cuts|cutting|lower\w*|reduc\w*|shrink\w*)\b/,
  safety: /\b(ne risque\w* rien|a l abri|safe|safely)\b/,
};

/** The reversal cues an option carries that neither its paragraph nor the key carries. */
export function reversalCues(option: string, key: string, passage: string): string[] {
  const [o, k, p] = [
    normalizeForComparison(option),
    normalizeForComparison(key),
    normalizeForComparison(passage),
  ];
  return Object.entries(REVERSAL_CUES)
    .filter(([, cue]) => cue.test(o) && !cue.test(k) && !cue.test(p))
    .map(([name]) => name);
}

/** Words in a stem that tell the answer is the surprising one, or rule out the expected one. */
const STEM_CUE =
  /\b(still|even though|even if|although|despite|no longer|encore|meme si|bien que|malgre|toujours|pourtant|quand meme)\b/;

export function hasStemCue(stem: string): boolean {
  return STEM_CUE.test(normalizeForComparison(stem));
}

/** Words too common to make two options look alike. */
const LINK_WORDS = new Set(
  "the and for with that this its from into than les des une par pour dans sur qui que est sont aux pas plus".split(
    " ",
  ),
);

function contentWords(text: string): Set<string> {
  return new Set(
    normalizeForComparison(text)
      .split(" ")
      .filter((w) => w.length > 2 && !LINK_WORDS.has(w)),
  );
}

/**
 * Whether the key stands where its distractors cross: it shares a word with
 * at least two other options, and every distractor shares with fewer (tenth
 * blind review: "merely shifts" among "merely postpones", "fully shifts").
 */
export function convergesOnKey(options: readonly string[], keyIndex: number): boolean {
  const words = options.map(contentWords);
  const sharing = words.map(
    (own, i) => words.filter((other, j) => j !== i && [...own].some((w) => other.has(w))).length,
  );
  const key = sharing[keyIndex] ?? 0;
  return key >= 2 && sharing.every((n, i) => i === keyIndex || n < key);
}

export interface GiveawayFigures {
  /** Drawn quizzes (10, 20 and "all", both languages) holding two items that answer each other. */
  quizzesWithConflicts: number;
  quizzesTried: number;
  /** Share of 20-question quizzes that still reach 20 under the rule; mean length of "all". */
  fullTwentyRate: number;
  allMean: number;
  /** Review samples of 64 (several seeds): conflicts inside a form, and statements drawn on both sides. */
  sampleFormConflicts: number;
  sampleRepeats: number;
  sampleMeanSize: number;
  /** Distinct items in the bank: a translation and the other side of a statement counted once. */
  bankItems: number;
  /** Target words the bank asks in two kinds (never drawn together): e.g. "cadres: cloze, vocabulary". */
  targetsInTwoKinds: string[];
  /** Share of main-idea items with an option that reverses the paragraph by a cue the paragraph lacks. */
  mainIdeaReversalRate: number;
  /** Share of written wrong main ideas that declare how they misread the paragraph. */
  gistTrapsDeclaredRate: number;
  /** Share of comprehension stems that cue the surprising answer. */
  stemCueRate: number;
  /** Vocabulary items whose key is where its distractors cross (`convergesOnKey`), by id. */
  convergentVocabulary: string[];
  /** Items per sentence, an item counted once whatever its language or side, on every sentence it stands on. */
  sentenceLoad: { min: number; max: number; mean: number; light: string[]; heavy: string[] };
}

function round(n: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

const keyText = (q: Question) => q.options.find((o) => o.id === q.answerId)?.text ?? "";

/** One item per thing a learner meets: a translation or the other side of a statement counted once. */
function distinctItems(bank: readonly Question[]): Question[] {
  const seen = new Set<string>();
  return bank.filter((q) => {
    const key = q.kind === "true-false" ? `${q.topicId}\u0000tf` : itemKey(q);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function auditGiveaways(
  article: Article,
  generated: readonly GeneratedQuestion[],
  discourse: Discourse | undefined,
  quizSeeds: number,
): GiveawayFigures {
  const bank = generated.map((g) => g.question);
  const kinds = [...QUESTION_KINDS].filter((k) => bank.some((q) => q.kind === k));

  let tried = 0;
  let withConflicts = 0;
  let twenty = 0;
  let full = 0;
  const allSizes: number[] = [];
  for (let seed = 1; seed <= quizSeeds; seed++) {
    for (const language of ["en", "fr"] as const) {
      for (const count of [10, 20, "all"] as const) {
        const quiz = buildQuiz(bank, { seed, count, kinds, language });
        tried++;
        if (conflictingPairs(quiz).length > 0) withConflicts++;
        if (count === 20) {
          twenty++;
          if (quiz.length === 20) full++;
        }
        if (count === "all") allSizes.push(quiz.length);
      }
    }
  }

  let formConflicts = 0;
  let repeats = 0;
  const sampleSizes: number[] = [];
  for (const seed of [1, 2, 3, 4, 5]) {
    const forms = reviewForms(generated, 64, seed);
    const drawn = forms.flat();
    sampleSizes.push(drawn.length);
    for (const form of forms) formConflicts += conflictingPairs(form).length;
    repeats += conflictingPairs(drawn).filter(([a, b]) => conflictBetween(a, b) === "true-false-pair").length;
  }

  const byTarget = new Map<string, Set<string>>();
  for (const q of bank) {
    if (!q.target) continue;
    const words = normalizeForComparison(q.target);
    byTarget.set(words, (byTarget.get(words) ?? new Set()).add(q.kind));
  }
  const targets = [...byTarget.keys()];
  const overlaps = (t: string, u: string) => ` ${u} `.includes(` ${t} `) || ` ${t} `.includes(` ${u} `);
  // Each group of overlapping targets once, under its shortest words.
  const targetsInTwoKinds = targets.flatMap((t) => {
    const group = targets.filter((u) => overlaps(t, u));
    if (group.some((u) => u.length < t.length)) return [];
    const kindsOf = new Set(group.flatMap((u) => [...(byTarget.get(u) ?? [])]));
    return kindsOf.size > 1 ? [`${t}: ${[...kindsOf].sort().join(", ")}`] : [];
  });

  const paragraphs = new Map(
    article.paragraphs.map((p) => [
      p.sentences.map((s) => s.fr).join(" "),
      `${p.sentences.map((s) => s.fr).join(" ")} ${p.sentences.map((s) => s.en).join(" ")}`,
    ]),
  );
  const mainIdeas = bank.filter((q) => q.kind === "main-idea");
  const reversing = mainIdeas.filter((q) => {
    const passage = paragraphs.get(q.passage ?? "") ?? q.passage ?? "";
    return q.options.some((o) => o.id !== q.answerId && reversalCues(o.text, keyText(q), passage).length > 0);
  }).length;

  const written = (discourse?.paragraphs ?? []).flatMap((g) => g.distractors ?? []);
  const declared = written.filter((d) => d.trap !== undefined).length;

  const stems = bank.filter((q) => q.kind === "comprehension-en" || q.kind === "comprehension-fr");
  const cued = stems.filter((q) => hasStemCue(q.stem)).length;

  const convergentVocabulary = bank
    .filter((q) => q.kind === "vocabulary")
    .filter((q) =>
      convergesOnKey(
        q.options.map((o) => o.text),
        q.options.findIndex((o) => o.id === q.answerId),
      ),
    )
    .map((q) => q.id);

  const items = distinctItems(bank);
  const sentenceIds = allSentences(article)
    .map((s) => s.id)
    .filter((id) => id !== "title");
  const load = new Map(sentenceIds.map((id) => [id, 0]));
  // An item counts on every sentence it stands on: a main idea on its whole paragraph.
  for (const q of items)
    for (const id of sentencesOf(q).on) if (load.has(id)) load.set(id, (load.get(id) ?? 0) + 1);
  const counts = [...load.values()];
  const mean = counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);

  return {
    quizzesWithConflicts: withConflicts,
    quizzesTried: tried,
    fullTwentyRate: round(full / Math.max(1, twenty)),
    allMean: round(allSizes.reduce((a, b) => a + b, 0) / Math.max(1, allSizes.length), 1),
    sampleFormConflicts: formConflicts,
    sampleRepeats: repeats,
    sampleMeanSize: round(sampleSizes.reduce((a, b) => a + b, 0) / Math.max(1, sampleSizes.length), 1),
    bankItems: items.length,
    targetsInTwoKinds,
    mainIdeaReversalRate: round(reversing / Math.max(1, mainIdeas.length)),
    gistTrapsDeclaredRate: round(declared / Math.max(1, written.length)),
    stemCueRate: round(cued / Math.max(1, stems.length)),
    convergentVocabulary,
    sentenceLoad: {
      min: Math.min(...counts),
      max: Math.max(...counts),
      mean: round(mean, 1),
      light: [...load].filter(([, n]) => n < mean / 2).map(([id]) => id),
      heavy: [...load].filter(([, n]) => n > 1.5 * mean).map(([id]) => id),
    },
  };
}

export function formatGiveaways(g: GiveawayFigures): string[] {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  return [
    `  drawn quizzes holding items that answer each other: ${g.quizzesWithConflicts} of ${g.quizzesTried}; 20-question quizzes full: ${pct(g.fullTwentyRate)}; "all" holds ${g.allMean} on average`,
    `  review samples of 64 (the bank holds ${g.bankItems} distinct items): ${g.sampleMeanSize} items on average; conflicts inside a quiz ${g.sampleFormConflicts}, a statement drawn on both sides ${g.sampleRepeats}`,
    `  target words the bank asks in two kinds (never drawn together): ${g.targetsInTwoKinds.length ? g.targetsInTwoKinds.join("; ") : "none"}`,
    `  main ideas with a wrong answer reversing the paragraph: ${pct(g.mainIdeaReversalRate)}; written wrong main ideas declaring their misreading: ${pct(g.gistTrapsDeclaredRate)}`,
    `  comprehension stems cueing the surprising answer ("still", "even though", "encore"): ${pct(g.stemCueRate)}`,
    `  vocabulary keys where their distractors cross ("half board" among "half price", "full board"): ${g.convergentVocabulary.length ? g.convergentVocabulary.join(", ") : "none"}`,
    `  items per sentence (once per item): min ${g.sentenceLoad.min}, max ${g.sentenceLoad.max}, mean ${g.sentenceLoad.mean}; below half the mean: ${g.sentenceLoad.light.join(", ") || "none"}; above 1.5 × the mean: ${g.sentenceLoad.heavy.join(", ") || "none"}`,
  ];
}
