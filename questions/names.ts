/**
 * Proper names in an option or a passage. A learner who cannot read a
 * paragraph can still scan it for names: an option naming a company the
 * paragraph never mentions is ruled out at a glance, and a key that alone
 * names (or alone does not name) what the passage names is picked the same
 * way. The generators use these to keep such options out, the audit to count
 * what is left.
 */
import { indexOfWord } from "./article";
import { PROPER_NOUN_TYPES, type Facts, type Outsiders } from "./fact-schema";

/** Capitalised words that are not names: the topic's acronym and the English pronoun. */
const NOT_NAMES = new Set(["AI", "IA", "I"]);

/**
 * The names the content knows: every person, organisation, product or place
 * a fact or an outsider gives (world knowledge included: "Facebook" is still
 * a name a learner can scan for).
 */
export function knownNames(facts: Facts, outsiders: Outsiders): string[] {
  const proper = new Set<string>(PROPER_NOUN_TYPES);
  const names = new Set<string>();
  for (const fact of facts) {
    for (const slot of Object.values(fact.slots)) {
      if (proper.has(slot.type)) [slot.fr, slot.en].forEach((n) => names.add(n));
    }
  }
  for (const [type, values] of Object.entries(outsiders)) {
    if (proper.has(type)) for (const v of values) [v.fr, v.en].forEach((n) => names.add(n));
  }
  // Longest first, so "Scale AI" is found before a shorter name inside it.
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * The names a text mentions: the known ones wherever they stand, and any
 * other capitalised word that does not open a sentence (a name the content
 * does not list is still a name).
 */
export function namesIn(text: string, known: readonly string[]): string[] {
  const found: string[] = [];
  let rest = text;
  for (const name of known) {
    if (indexOfWord(rest, name) >= 0) {
      found.push(name);
      rest = rest.split(name).join(" ");
    }
  }
  for (const match of rest.matchAll(/(^|[.!?:;…]\s+|\s|[(«“"’'-])(\p{Lu}[\p{L}\p{N}]*)/gu)) {
    const word = match[2] ?? "";
    const opensSentence = match.index === 0 || /[.!?:;…]\s+$/.test(match[1] ?? "");
    // After an elided article ("l’Europe") the capital is the name's own, not the sentence's.
    if (opensSentence || NOT_NAMES.has(word) || word.length < 2) continue;
    found.push(word);
  }
  return [...new Set(found)];
}

/** Whether every name the text mentions also stands in the passage. */
export function namesAllIn(names: readonly string[], passage: string): boolean {
  return names.every((name) => indexOfWord(passage, name) >= 0);
}
