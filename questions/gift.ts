/**
 * Moodle GIFT export of an assignment's questions, so a teacher can reuse them
 * in the school's Moodle. Pure: questions in, text out.
 *
 * Format reference: https://docs.moodle.org/en/GIFT_format
 */
import type { Question, QuestionLanguage } from "./question-types";

export type GiftQuestion = Pick<
  Question,
  "id" | "kind" | "language" | "prompt" | "options" | "answerId" | "explanation"
>;

/**
 * GIFT gives `~ = # { } :` a meaning, so each is escaped with a backslash, and
 * the backslash itself first so that the escapes stay unambiguous. A blank
 * line ends a question in GIFT, so line breaks inside a text become the `\n`
 * escape, which Moodle turns back into a line break.
 */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A comment line: `//` runs to the end of the line, so only line breaks matter. */
function comment(text: string): string {
  return `// ${text.replace(/[\r\n]+/g, " ")}`;
}

export interface GiftOptions {
  /** Shown in a comment at the top of the file. */
  title?: string;
  /**
   * The language of the feedback taken from each explanation. By default each
   * question's own: an English comprehension question gets English feedback
   * even in a French assignment.
   */
  feedbackLanguage?: QuestionLanguage;
}

/**
 * One multiple-choice question per block, options in the order students saw
 * them, the explanation as general feedback (`####`), shown whatever the
 * answer. Questions are named Q1, Q2 … in assignment order.
 */
export function toGift(questions: readonly GiftQuestion[], options: GiftOptions = {}): string {
  const header = [
    comment(`Glose${options.title ? ` — ${options.title}` : ""}`),
    comment(`${questions.length} questions`),
  ];
  const blocks = questions.map((question, index) => {
    const answers = question.options.map(
      (option) => `  ${option.id === question.answerId ? "=" : "~"}${escapeGift(option.text)}`,
    );
    return [
      comment(`${question.kind} · ${question.id}`),
      `::Q${index + 1}::${escapeGift(question.prompt)} {`,
      ...answers,
      `  ####${escapeGift(question.explanation[options.feedbackLanguage ?? question.language])}`,
      "}",
    ].join("\n");
  });
  return `${[header.join("\n"), ...blocks].join("\n\n")}\n`;
}
