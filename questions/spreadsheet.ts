/**
 * A spreadsheet runs a cell that starts with one of these as a formula; a
 * learner's or student's text must be shown as text, so it gets a leading
 * apostrophe.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
