/**
 * npm run bench:questions: how long it takes to build each article's bank and
 * to draw a 20-question quiz from it. A report, not a test: timings depend on
 * the machine, and a failing timer in CI would only teach people to ignore it.
 */
import { performance } from "node:perf_hooks";
import { listArticleSlugs, loadArticleBundle } from "../app/_server/content-files";
import { buildQuestionBank } from "../questions/generate";
import { QUESTION_KINDS } from "../questions/question-types";
import { buildQuiz } from "../questions/quiz";

const BANK_RUNS = 50;
const QUIZ_RUNS = 1000;
const WARM_UP = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time(runs: number, warmUp: number, run: (i: number) => void): number[] {
  for (let i = 0; i < warmUp; i++) run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
  }
  return times;
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

for (const slug of listArticleSlugs()) {
  const loadTimes = time(5, 1, () => loadArticleBundle(slug));
  const bundle = loadArticleBundle(slug);
  const bankTimes = time(BANK_RUNS, WARM_UP, () => buildQuestionBank(bundle));
  const bank = buildQuestionBank(bundle);
  const quizTimes = time(QUIZ_RUNS, WARM_UP, (i) =>
    buildQuiz(bank, { seed: i, count: 20, kinds: [...QUESTION_KINDS], language: i % 2 ? "en" : "fr" }),
  );
  console.log(`${slug} (${bank.length} questions)`);
  console.log(`  load + validate content: median ${ms(median(loadTimes))}`);
  console.log(
    `  build the bank:          median ${ms(median(bankTimes))} over ${BANK_RUNS} runs (p95 ${ms(percentile(bankTimes, 95))})`,
  );
  console.log(
    `  20-question quiz:        median ${ms(median(quizTimes))} over ${QUIZ_RUNS} runs (p95 ${ms(percentile(quizTimes, 95))})`,
  );
}
