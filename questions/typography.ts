/**
 * One apostrophe in everything a question shows: the typographic one (’) of
 * the French and English we write. The article types "'"; where an item
 * quotes it (a passage, a term in a stem, a cloze option), only that glyph
 * changes, never a word or a space, so an item never mixes "d'OpenAI" in
 * its passage with "d’OpenAI" in an option.
 */
import { APOSTROPHE } from "./french";

export function typographicApostrophes(text: string): string {
  return text.replace(/'/g, APOSTROPHE);
}

/**
 * French spacing for display: the space inside « » and before : ; ! ? made
 * no-break (U+00A0), so a line never starts with "»" or "?" or ends on "«".
 * Texts are stored as their authors typed them; only what is shown changes,
 * one character for one, so offsets into the sentence still hold.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/« /g, "«\u00a0").replace(/ (?=[»:;!?])/g, "\u00a0");
}
