/**
 * Identifier patterns shared by the content schemas (`schema.ts`, classic zod,
 * server side) and the question schemas (`question-types.ts`, zod/mini, also
 * bundled for the browser). No zod here, so importing it costs the client nothing.
 */

/** Sentence ids are stable: questions point at them as their evidence. */
export const SENTENCE_ID_PATTERN = /^(title|s\d+)$/;

/** The message when a sentence id does not match `SENTENCE_ID_PATTERN`. */
export const SENTENCE_ID_MESSAGE = 'must be "title" or "s" followed by a number';
