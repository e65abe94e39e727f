/**
 * The names the server-rendered reader markup (app/_server/reader-html.ts) and
 * ReaderController agree on.
 */
export const GLOSS_POPOVER_ID = "gloss-popover";
