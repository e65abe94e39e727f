/**
 * A mark in localStorage that this device has saved words, so the home page
 * and the reader can tell without opening IndexedDB or loading its code.
 * Only a hint: the words themselves are in IndexedDB.
 */
export const HAS_WORDS_KEY = "glose:has-words";

export function hasSavedWords(): boolean {
  try {
    return window.localStorage.getItem(HAS_WORDS_KEY) === "1";
  } catch {
    return false;
  }
}

export function markHasSavedWords(): void {
  try {
    window.localStorage.setItem(HAS_WORDS_KEY, "1");
  } catch {
    // Storage off: the home page then shows no counts, and the words page still reads them.
  }
}
