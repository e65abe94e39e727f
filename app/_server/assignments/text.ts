import "server-only";

/**
 * Text hygiene on the way out and for comparison. (On the way in, the wire
 * contract's schemas trim, normalise and refuse invisible characters.)
 */

/**
 * The name as compared for "attempts per student": accents, case and spacing
 * ignored, so "Élodie" and "elodie " are one student. NFKD rather than NFD
 * also folds look-alike forms (full-width letters, ligatures), and invisible
 * format characters are dropped so that none of them makes a second student.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\p{M}\p{Cf}]/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
