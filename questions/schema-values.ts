/**
 * The closed lists of the content schemas as plain data, so that code bundled
 * for the browser (the wire contracts, in zod/mini) can use them without
 * loading classic zod with `schema.ts`.
 */
export { CEFR_LEVELS } from "./levels";

export const PARTS_OF_SPEECH = [
  "noun",
  "verb",
  "adjective",
  "adverb",
  "preposition",
  "conjunction",
  "expression",
] as const;
