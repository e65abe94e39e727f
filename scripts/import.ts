/**
 * npm run import -- path/to/text.txt [--en path/to/translation.txt] [--slug my-text]
 *                   [--out <articles folder>] [--topic-en … --topic-fr …] [--force]
 *
 * Analyses a French text and writes a draft content folder in the existing
 * format (`questions/articles/<slug>/`, or `<out>/<slug>/`), then prints a
 * report: sentences, alignment, suggested terms, estimated level, questions
 * by kind. `npm run questions` (with `-- --root <out>`) validates it as any
 * article. Exits 1 with a coded message on bad input.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadLexicon } from "../app/_server/analysis/lexicon-files";
import {
  ARTICLES_DIR,
  listArticleSlugs,
  loadArticleBundle,
  loadOutsiders,
  outsidersFileFor,
} from "../app/_server/content-files";
import { analyseText } from "../questions/analysis/analyse";
import { buildDraft } from "../questions/analysis/draft";
import { isAnalysisError } from "../questions/analysis/errors";
import { buildGlossary } from "../questions/analysis/glossary";
import { formatReport } from "../questions/analysis/report";
import { checkBank } from "../questions/bank-checks";
import { buildQuestionBank } from "../questions/generate";

const USAGE =
  "usage: npm run import -- <text.txt> [--en <translation.txt>] [--slug <slug>] [--out <articles folder>] [--topic-en <topic> --topic-fr <sujet>] [--force]";

function slugFrom(file: string): string {
  return (
    path
      .basename(file)
      .replace(/\.[^.]+$/, "")
      .replace(/\.fr$/, "")
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "imported-text"
  );
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      en: { type: "string" },
      slug: { type: "string" },
      out: { type: "string" },
      "topic-en": { type: "string" },
      "topic-fr": { type: "string" },
      force: { type: "boolean", default: false },
    },
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const slug = values.slug ?? slugFrom(file);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    process.stderr.write(`error: the slug "${slug}" must be kebab-case (a-z, 0-9, hyphens)\n`);
    return 1;
  }
  const root = values.out ? path.resolve(values.out) : ARTICLES_DIR;
  const dir = path.join(root, slug);
  if (existsSync(path.join(dir, "article.json")) && !values.force) {
    process.stderr.write(
      `error: ${path.relative(process.cwd(), dir)} already holds an article; add --force to replace it\n`,
    );
    return 1;
  }

  const text = readFileSync(file, "utf8");
  const english = values.en === undefined ? undefined : readFileSync(values.en, "utf8");
  // Glose's glossary: every other article's glossed terms (a re-import never suggests from itself).
  const glossary = buildGlossary(
    listArticleSlugs(ARTICLES_DIR)
      .filter((other) => !(root === ARTICLES_DIR && other === slug))
      .map((other) => ({ slug: other, vocabulary: loadArticleBundle(other).vocabulary })),
  );
  const lexicon = loadLexicon();
  const analysis = analyseText(
    { text, ...(english !== undefined ? { english } : {}) },
    { lexicon, glossary },
  );
  const outsiders = loadOutsiders(outsidersFileFor(root));
  const topic =
    values["topic-en"] && values["topic-fr"] ? { en: values["topic-en"], fr: values["topic-fr"] } : undefined;
  const draft = buildDraft(analysis, { slug, outsiders, lexicon, glossary, ...(topic ? { topic } : {}) });

  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "source.fr.txt"), draft.source);
  writeFileSync(path.join(dir, "article.json"), json(draft.article));
  writeFileSync(path.join(dir, "vocabulary.json"), json(draft.vocabulary));
  writeFileSync(path.join(dir, "facts.json"), json(draft.facts));
  writeFileSync(path.join(dir, "suggestions.json"), json(draft.suggestions));
  // A replaced draft must not keep the wrong options of the one before.
  if (Object.keys(draft.outsiders).length)
    writeFileSync(path.join(dir, "outsiders.json"), json(draft.outsiders));
  else rmSync(path.join(dir, "outsiders.json"), { force: true });

  // Read back as any article is: the same validation `npm run questions` runs.
  const bundle = loadArticleBundle(slug, root);
  const bank = buildQuestionBank(bundle);
  const problems = checkBank(bundle.article, bank);
  process.stdout.write(`${formatReport(analysis, draft, bank, path.relative(process.cwd(), dir) || ".")}\n`);
  if (problems.length) {
    process.stderr.write(`generated questions are invalid\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (isAnalysisError(error)) {
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    process.exitCode = 1;
  } else if (error instanceof Error && "code" in error && error.code === "ENOENT") {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
