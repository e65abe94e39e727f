/**
 * The first gate: what a teacher pasted becomes clean text or a clear
 * refusal. Line breaks are unified, runs of spaces become one space (the
 * sentences joined must give the source back exactly), and a text that is
 * binary, full of control characters, empty or too long is refused with a
 * code. Markup is kept as the words it is: it is never interpreted.
 */
import { countWords } from "../article";
import { AnalysisError } from "./errors";

/** Longer texts make lessons no class finishes, and analyses no phone should run. */
export const MAX_WORDS = 5_000;
/** Checked before anything else, so a pasted book is refused at once. */
export const MAX_CHARACTERS = MAX_WORDS * 12;

const BINARY = /\u0000/;
const UNREADABLE = /\ufffd/;
/** C0 and C1 controls other than tab, line feed and carriage return. */
const CONTROL = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/;
/** Form feeds and vertical tabs come from PDF copies: they are only spaces. */
const SPACE_LIKE = /[\t\u000b\u000c\u00a0\u2000-\u200a\u2028\u2029\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const MARKUP = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?>|&[a-z]+;|&#\d+;/i;

export interface CleanText {
  text: string;
  wordCount: number;
  /** The input held something that looks like HTML; it stays text. */
  hadMarkup: boolean;
}

function controlProblem(text: string): { line: number; code: string } | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split("\n").length;
  const code = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return { line, code };
}

/**
 * Unified line breaks, single spaces inside lines (narrow no-break spaces
 * kept: French puts them before ; ! ?), no spaces at line ends, at most one
 * blank line between paragraphs, NFC.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(SPACE_LIKE, " ")
    .replace(/ {2,}/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Checks and normalises a French text, or throws an AnalysisError. */
export function cleanInput(raw: string): CleanText {
  if (raw.length > MAX_CHARACTERS) {
    throw new AnalysisError("text-too-long", { words: countWords(raw), limit: MAX_WORDS });
  }
  if (BINARY.test(raw)) throw new AnalysisError("binary-content");
  if (UNREADABLE.test(raw)) throw new AnalysisError("invalid-encoding");
  const control = controlProblem(raw.replace(/\r\n?/g, "\n"));
  if (control) throw new AnalysisError("control-characters", control);
  const text = normalizeText(raw);
  if (text.length === 0) throw new AnalysisError("empty-text");
  const wordCount = countWords(text);
  if (wordCount === 0) throw new AnalysisError("no-sentences");
  if (wordCount > MAX_WORDS) throw new AnalysisError("text-too-long", { words: wordCount, limit: MAX_WORDS });
  return { text, wordCount, hadMarkup: MARKUP.test(text) };
}
