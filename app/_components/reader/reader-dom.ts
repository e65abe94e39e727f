/**
 * The names the server-rendered reader markup (app/_server/reader-html.ts) and
 * ReaderController agree on.
 */
export const GLOSS_POPOVER_ID = "gloss-popover";
/** The bar offering to save the selected words (app/_server/reader-words-html.ts). */
export const WORDS_SELECTION_ID = "words-selection";
/** The dialog where a learner writes their own meaning for a selection. */
export const WORDS_DIALOG_ID = "words-dialog";
/** Where saving is announced. */
export const WORDS_STATUS_ID = "words-status";
