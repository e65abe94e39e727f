/**
 * npm run questions            validate every article's content and bank, print a summary
 * npm run -s questions -- --json   print the whole bank as a JSON array, and nothing else
 * npm run questions -- --audit     print the bank's quality figures (see questions/audit.ts)
 * npm run questions -- --sample 60 --seed 7 [--out file.md]
 *                                  write a random sample per article, stratified by kind, for a blind review
 * --slug <slug> keeps one article (its family is still checked with the others).
 *
 * --root <dir> points at another articles folder (tests use a broken copy).
 * Exits 1 on broken content, naming the file, the entry and the field.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ARTICLES_DIR, loadAllArticleBundles } from "../app/_server/content-files";
import { checkBank } from "../questions/bank-checks";
import { summarizeBank, type BankSummary } from "../questions/bank-summary";
import { writeFileSync } from "node:fs";
import { auditBank, formatAudit } from "../questions/audit";
import { knownNames } from "../questions/names";
import { buildQuestionBank, generateQuestionBank, toExportedQuestion } from "../questions/generate";
import { reviewForms, sampleMarkdown } from "../questions/review-sample";
import { QUESTION_KINDS, type Question } from "../questions/question-types";
import { ContentError } from "../questions/validate";

/** The header above, for `--help` and for an option it does not know. */
const USAGE = `Usage:
  npm run questions                                  validate every article, print a summary
  npm run -s questions -- --json                     the whole bank as JSON
  npm run questions -- --audit                       the bank's quality figures
  npm run questions -- --sample 60 --seed 7 [--out file.md]
                                                     a random sample per article for a blind review
  --slug <slug>   one article     --root <dir>   another articles folder
`;

function formatSummary(summary: BankSummary, milliseconds: number): string {
  const kinds = QUESTION_KINDS.map((kind) => {
    const { en, fr, total } = summary.byKind[kind];
    return `    ${kind.padEnd(17)} ${String(total).padStart(4)}  (en ${en}, fr ${fr})`;
  });
  const s = (x: { min: number; avg: number; max: number }) => `min ${x.min} · avg ${x.avg} · max ${x.max}`;
  const lines = [
    `${summary.slug}: ${summary.questions} questions, built in ${milliseconds.toFixed(1)} ms`,
    `  questions by kind:`,
    ...kinds,
    `  facts asked:        ${summary.facts.covered}/${summary.facts.total} (of those that ask something)` +
      (summary.facts.uncovered.length ? ` (not used: ${summary.facts.uncovered.join(", ")})` : ""),
    `  terms covered:      ${summary.terms.covered}/${summary.terms.total}`,
    `  questions per fact: ${s(summary.questionsPerFact)}`,
    `  variants per fact, kind and language: ${s(summary.variantsPerFactKind)}`,
    `  sentences covered:  ${summary.sentences.covered}/${summary.sentences.total}` +
      (summary.sentences.uncovered.length ? ` (no question: ${summary.sentences.uncovered.join(", ")})` : ""),
    `  paragraphs covered: ${summary.paragraphs.covered}/${summary.paragraphs.total}`,
  ];
  return lines.join("\n");
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      root: { type: "string" },
      audit: { type: "boolean", default: false },
      sample: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      slug: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const root = values.root ? path.resolve(values.root) : ARTICLES_DIR;
  const all: Question[] = [];
  const reports: string[] = [];
  const audits: string[] = [];
  const samples: string[] = [];
  const sampleSize = values.sample === undefined ? undefined : Number(values.sample);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (sampleSize !== undefined && !(Number.isInteger(sampleSize) && sampleSize > 0)) {
    process.stderr.write(`--sample needs a whole number of items, not "${values.sample}"\n`);
    return 2;
  }
  if (sampleSize !== undefined && !(seed !== undefined && Number.isInteger(seed))) {
    process.stderr.write("--sample needs --seed <whole number>: use a seed never used before\n");
    return 2;
  }
  let failed = false;

  const bundles = loadAllArticleBundles(root).filter((b) => !values.slug || b.article.slug === values.slug);
  if (bundles.length === 0) {
    process.stderr.write(`No article "${values.slug}" in ${root}\n`);
    return 2;
  }
  for (const bundle of bundles) {
    const slug = bundle.article.slug;
    const started = performance.now();
    const bank = buildQuestionBank(bundle);
    const milliseconds = performance.now() - started;
    const problems = checkBank(bundle.article, bank);
    if (problems.length) {
      failed = true;
      process.stderr.write(
        `${slug}: generated questions are invalid\n${problems.map((p) => `  - ${p}`).join("\n")}\n`,
      );
    }
    all.push(...bank);
    if (values.audit) {
      audits.push(
        formatAudit(
          slug,
          auditBank(
            bundle.article,
            bundle.vocabulary,
            generateQuestionBank(bundle),
            200,
            knownNames(bundle.facts, bundle.outsiders),
            bundle.discourse,
            bundle.facts,
          ),
        ),
      );
    }
    if (sampleSize !== undefined && seed !== undefined) {
      const drawn = reviewForms(generateQuestionBank(bundle), sampleSize, seed);
      samples.push(sampleMarkdown(bundle.article, drawn, seed));
    }
    reports.push(
      formatSummary(summarizeBank(bundle.article, bundle.facts, bundle.vocabulary, bank), milliseconds),
    );
  }
  if (failed) return 1;

  if (samples.length) {
    const text = samples.join("\n\n");
    if (values.out) {
      writeFileSync(values.out, text);
      process.stdout.write(`Wrote the sample to ${values.out}\n`);
    } else {
      process.stdout.write(text);
    }
  } else if (values.audit) {
    process.stdout.write(`${audits.join("\n\n")}\n`);
  } else if (values.json) {
    process.stdout.write(`${JSON.stringify(all.map(toExportedQuestion), null, 2)}\n`);
  } else {
    process.stdout.write(`${reports.join("\n\n")}\n\nAll content is valid: ${all.length} questions.\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ContentError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
