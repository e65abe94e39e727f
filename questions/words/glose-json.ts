/**
 * Glose's own file of saved words, for moving to another device: every
 * record with its whole review history, and the records this device could
 * not read (kept as they were, so an export never loses them either).
 */
import { parseSavedWord, type SavedWord } from "./word";

export const WORDS_FILE_FORMAT = "glose-words";
export const WORDS_FILE_VERSION = 1;

export interface WordsFile {
  format: typeof WORDS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  words: SavedWord[];
  /** Records kept aside on this device (corrupted, or from another version), exactly as stored. */
  unreadable: unknown[];
}

export function wordsFileJson(
  words: readonly SavedWord[],
  unreadable: readonly unknown[],
  now: number,
): string {
  const file: WordsFile = {
    format: WORDS_FILE_FORMAT,
    version: WORDS_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    words: [...words].sort((a, b) => a.id.localeCompare(b.id)),
    unreadable: [...unreadable],
  };
  // No indentation: 10,000 words with their histories are megabytes already.
  return `${JSON.stringify(file)}\n`;
}

export type ImportError = "notJson" | "notGlose" | "newer";

export type ImportResult =
  { ok: true; words: SavedWord[]; skipped: number } | { ok: false; error: ImportError };

/** A file the learner chose: every readable word, and how many entries could not be read. */
export function parseWordsFile(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, error: "notJson" };
  }
  if (typeof data !== "object" || data === null || !("format" in data) || data.format !== WORDS_FILE_FORMAT)
    return { ok: false, error: "notGlose" };
  const { version, words } = data as { version?: unknown; words?: unknown };
  if (typeof version !== "number" || !Array.isArray(words)) return { ok: false, error: "notGlose" };
  if (version > WORDS_FILE_VERSION) return { ok: false, error: "newer" };
  const parsed = words.map(parseSavedWord);
  const readable = parsed.flatMap((entry) => (entry.ok ? [entry.word] : []));
  return { ok: true, words: readable, skipped: parsed.length - readable.length };
}
