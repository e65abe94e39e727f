/**
 * The report `npm run import` prints: what a teacher checks before trusting
 * a draft. Plain text, English, pure.
 */
import { QUESTION_KINDS, type Question } from "../question-types";
import type { TextAnalysis } from "./analyse";
import type { DraftContent } from "./draft";

const REASON_WORDS: Readonly<Record<string, string>> = {
  rare: "rare",
  expression: "expression",
  tricky: "false friend / tricky",
  glossary: "in Glose's glossary",
  cognate: "cognate",
};

export function formatReport(
  analysis: TextAnalysis,
  draft: DraftContent,
  bank: readonly Question[],
  where: string,
  shown = 25,
): string {
  const body = analysis.paragraphs.flatMap((p) => p.sentences);
  const lines: string[] = [];
  lines.push(`Draft written to ${where}`);
  lines.push(
    `  ${analysis.wordCount} words, ${analysis.paragraphs.length} paragraphs, ${body.length} sentences plus the title`,
  );
  for (const warning of analysis.warnings) lines.push(`  warning: ${warning.en}`);

  lines.push("", `Estimated level: ${analysis.level.level}`);
  for (const reason of analysis.level.reasons) lines.push(`  ${reason.level}  ${reason.en}`);

  lines.push("");
  if (!analysis.alignment) {
    lines.push("Translation: none given (each sentence reads “(no translation yet)”)");
  } else {
    const { confident, frenchSentences, englishSentences, pairs } = analysis.alignment;
    lines.push(
      `Translation: ${englishSentences} English sentences aligned to ${frenchSentences} French; ${confident} of ${frenchSentences} one-to-one with confidence`,
    );
    for (const pair of pairs.filter((p) => p.lowConfidence)) {
      lines.push(
        `  check ${pair.sentenceIds.join("+") || "(none)"} [${pair.type}, confidence ${pair.confidence}]: ${pair.english.slice(0, 90)}`,
      );
    }
  }

  const glossed = new Set(draft.vocabulary.map((t) => t.id));
  lines.push(
    "",
    `Suggested terms: ${analysis.suggestions.length} (${draft.vocabulary.length} with a suggested gloss, in vocabulary.json; all in suggestions.json)`,
  );
  for (const s of analysis.suggestions.slice(0, shown)) {
    const gender = s.gender ? ` ${s.gender}` : "";
    const gloss = s.gloss ? ` = ${s.gloss}` : "";
    const reasons = s.reasons.map((r) => REASON_WORDS[r] ?? r).join(", ");
    lines.push(
      `  ${glossed.has(s.id) ? "*" : " "} ${s.surfaces[0]} → ${s.lemma} (${s.pos}${gender}, ${s.level})${gloss}  [${reasons || "common"}]`,
    );
  }
  if (analysis.suggestions.length > shown) lines.push(`  … and ${analysis.suggestions.length - shown} more`);

  lines.push("", `Facts made with no hand-written data: ${draft.facts.length}`, `Questions: ${bank.length}`);
  for (const kind of QUESTION_KINDS) {
    const count = bank.filter((q) => q.kind === kind).length;
    lines.push(`  ${kind.padEnd(17)} ${String(count).padStart(4)}`);
  }
  return lines.join("\n");
}
