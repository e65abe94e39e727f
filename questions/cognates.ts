/**
 * Transparent cognates: French words an English reader understands on sight
 * (adapter → adapt, définir → define). Asking what they mean tests nothing,
 * unless a false friend stands among the options. The check is orthographic:
 * a small edit distance between the lemma and one sense of the gloss, after
 * dropping accents, "se", "to" and the usual French endings. A term's
 * `cognate` field overrides it where spelling misleads.
 */
import { normalizeForComparison } from "./normalize";
import type { Term } from "./schema";

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + cost);
      previous = kept;
    }
  }
  return row[b.length] ?? 0;
}

/** The stem a French and an English word would share: "recruter" → "recrut", "particulièrement" → "particulier". */
function stemOf(word: string): string {
  return normalizeForComparison(word)
    .replace(/^(se |s |to )/, "")
    .replace(/(ement|ment|ly|er|ir|re|ed|e|s)$/, "");
}

export function looksAlike(french: string, english: string): boolean {
  const a = stemOf(french);
  const b = stemOf(english);
  if (a.length < 4 || b.length < 4) return a === b && a.length > 0;
  return levenshtein(a, b) / Math.max(a.length, b.length) <= 0.3;
}

export function isTransparentCognate(term: Pick<Term, "lemma" | "gloss" | "cognate">): boolean {
  if (term.cognate !== undefined) return term.cognate;
  const senses = term.gloss.split(/,\s*/).map((s) => s.replace(/\(.*?\)/g, "").trim());
  return senses.some((sense) => looksAlike(term.lemma, sense));
}
