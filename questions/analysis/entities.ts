/**
 * Names and numbers in a sentence: what auto-facts are made of. Names are runs
 * of capitalised words that the lexicon does not know as common words
 * ("Mark Zuckerberg", "Scale AI"), sorted into people, places and
 * organisations; numbers keep their scale and unit when `quantity.ts` words
 * them the same way ("14,3 milliards de dollars", "10 %", "la moitié").
 */
import type { Quantity } from "../fact-schema";
import { normalizeForComparison } from "../normalize";
import { formatQuantity } from "../quantity";
import type { Lexicon } from "./lexicon";
import type { Token } from "./tokenize";

export type NameKind = "person" | "organisation" | "place";

export interface NameSpan {
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  /** Exactly as in the sentence. */
  text: string;
  kind: NameKind;
}

export type QuantityType = "amount" | "number" | "share" | "date";

export interface QuantitySpan {
  from: number;
  to: number;
  text: string;
  type: QuantityType;
  en: string;
  quantity?: Quantity;
}

const TITLES = new Set(["M", "Mme", "Mlle", "Dr", "Me", "Pr", "Mgr", "MM", "Mmes"]);
const PLACE_PREPOSITIONS = new Set(["à", "en", "au", "aux"]);
/** "la mairie de Villeurbanne", "un quartier de Lyon": nouns whose "de" introduces a place. */
const PLACE_NOUNS = new Set(
  "ville villes village villages quartier quartiers mairie maire région banlieue centre port département habitants habitant commune communes environs rue rues gare côte capitale".split(
    " ",
  ),
);
/** Contractions the Lefff lists under "à le" and "de le": still common words. */
const FUNCTION_WORDS = new Set(["au", "aux", "du", "des"]);
const DETERMINERS = new Set([
  "le",
  "la",
  "les",
  "l'",
  "un",
  "une",
  "des",
  "du",
  "ce",
  "cette",
  "son",
  "sa",
  "ses",
]);

function isCapitalised(token: Token): boolean {
  if (token.kind !== "word" || token.elided || token.clitic) return false;
  const first = token.text[0] ?? "";
  if (first !== first.toLowerCase()) return true;
  // "iPhone", "eBay": a capital after the first letter.
  return /^\p{Ll}\p{Lu}/u.test(token.text);
}

function isAcronym(token: Token): boolean {
  return /^\p{Lu}{2,}\d*$/u.test(token.text);
}

/** Whether the lexicon knows the word as something other than a proper noun. */
function isCommonWord(form: string, lexicon: Lexicon): boolean {
  return FUNCTION_WORDS.has(form) || lexicon.entries(form).some((e) => e.cat !== "np");
}

function startsSentence(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (!token) break;
    if (token.kind === "word" || token.kind === "number") return false;
    if (!/^[«"“(—–-]$/.test(token.text)) return false;
  }
  return true;
}

/** What the names of a text share across its sentences. */
export interface NameContext {
  /** People already named (normalised): "Zuckerberg" alone is still a person after "Mark Zuckerberg". */
  people: Set<string>;
  /** Acronyms the text uses as common nouns ("l'IA"): never names, even without the article ("en IA"). */
  commonAcronyms: ReadonlySet<string>;
}

/** Acronyms that follow a determiner somewhere in the text: "l'IA", "le PDG". */
export function commonAcronyms(sentences: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentences) {
    tokens.forEach((token, i) => {
      const prev = tokens[i - 1];
      if (prev && DETERMINERS.has(prev.norm.toLowerCase()) && isAcronym(token)) out.add(token.text);
    });
  }
  return out;
}

function nameCandidate(
  tokens: readonly Token[],
  index: number,
  lexicon: Lexicon,
  context: NameContext,
): boolean {
  const token = tokens[index];
  if (!token || !isCapitalised(token)) return false;
  if (isAcronym(token) && context.commonAcronyms.has(token.text)) return false;
  if (isCommonWord(token.norm, lexicon)) return false;
  if (startsSentence(tokens, index)) {
    const lower = token.norm.toLowerCase();
    if (isCommonWord(lower, lexicon)) {
      const next = tokens[index + 1];
      // "Marc Benioff affirme…", "Mark Zuckerberg a nommé…": a given name opening the sentence, a family name after it.
      const givenName = lexicon.isGivenName(lower) || lexicon.entries(token.norm).some((e) => e.cat === "np");
      return givenName && next !== undefined && isCapitalised(next) && !isCommonWord(next.norm, lexicon);
    }
  }
  return true;
}

function kindOf(
  tokens: readonly Token[],
  from: number,
  to: number,
  sentence: string,
  lexicon: Lexicon,
  people: ReadonlySet<string>,
): NameKind {
  const words = tokens.slice(from, to);
  const first = words[0];
  const text = sentence.slice(first?.start ?? 0, words.at(-1)?.end ?? 0);
  if (people.has(normalizeForComparison(text))) return "person";
  const before = tokens[from - 1];
  const beforeTitle = tokens[from - 2];
  if (before?.text === "." && beforeTitle && TITLES.has(beforeTitle.text)) return "person";
  if (before && TITLES.has(before.text)) return "person";
  if (first && words.length >= 2 && lexicon.isGivenName(first.norm)) return "person";
  // "Alexandr Wang": two or three capitalised words, none an acronym, the first no common word ("Les Mains Vertes").
  if (
    first &&
    words.length >= 2 &&
    words.length <= 3 &&
    !words.some(isAcronym) &&
    (!isCommonWord(first.norm.toLowerCase(), lexicon) ||
      lexicon.entries(first.norm).some((e) => e.cat === "np"))
  )
    return "person";
  const placeNoun = tokens[from - 2]?.norm.toLowerCase();
  const afterPlaceNoun =
    before?.norm.toLowerCase() === "de" && placeNoun !== undefined && PLACE_NOUNS.has(placeNoun);
  if (
    words.length === 1 &&
    first &&
    !isAcronym(first) &&
    ((before && PLACE_PREPOSITIONS.has(before.norm.toLowerCase())) || afterPlaceNoun)
  )
    return "place";
  return "organisation";
}

/** Names of one sentence, in order. */
export function findNames(
  sentence: string,
  tokens: readonly Token[],
  lexicon: Lexicon,
  context: NameContext,
): NameSpan[] {
  const { people } = context;
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameCandidate(tokens, i, lexicon, context)) {
      i++;
      continue;
    }
    let to = i + 1;
    while (to < tokens.length && nameCandidate(tokens, to, lexicon, context) && !startsSentence(tokens, to))
      to++;
    const text = sentence.slice(tokens[i]?.start ?? 0, tokens[to - 1]?.end ?? 0);
    const kind = kindOf(tokens, i, to, sentence, lexicon, people);
    if (kind === "person") {
      people.add(normalizeForComparison(text));
      // The family name alone names the same person later on.
      const last = tokens[to - 1];
      if (to - i >= 2 && last) people.add(normalizeForComparison(last.text));
    }
    spans.push({ from: i, to, text, kind });
    i = to;
  }
  return spans;
}

const SCALES: Readonly<Record<string, number>> = {
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};
const CURRENCIES: Readonly<Record<string, "USD" | "EUR">> = {
  dollars: "USD",
  dollar: "USD",
  euros: "EUR",
  euro: "EUR",
};
const MONTHS = new Set(
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
);
const TIME_WORDS = new Set(["h", "heure", "heures", "min", "minute", "minutes", "heures", "s"]);

const FRACTIONS: readonly { fr: RegExp; en: string; value: number }[] = [
  { fr: /^(la|une) moitié$/i, en: "half", value: 0.5 },
  { fr: /^(un|le) tiers$/i, en: "a third", value: 0.3333 },
  { fr: /^(un|le) quart$/i, en: "a quarter", value: 0.25 },
  { fr: /^(les )?deux tiers$/i, en: "two thirds", value: 0.6667 },
  { fr: /^(les )?trois quarts$/i, en: "three quarters", value: 0.75 },
];

function same(a: string, b: string | undefined): boolean {
  return b !== undefined && normalizeForComparison(a) === normalizeForComparison(b);
}

/** A quantity span if `quantity.ts` words the value as the text does (so the fact checks accept it). */
function worded(
  sentence: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  type: QuantityType,
  quantity: Quantity,
): QuantitySpan | undefined {
  const text = sentence.slice(tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0);
  const fr = formatQuantity(quantity, "fr");
  const en = formatQuantity(quantity, "en");
  if (!en || !same(text, fr)) return undefined;
  return { from, to, text, type, en, quantity };
}

/** "des dizaines de millions de dollars" and the like, worded once by `quantity.ts`: longest first. */
const MAGNITUDE_PHRASES: readonly { fr: string; en: string; quantity: Quantity; type: QuantityType }[] =
  (() => {
    const out: { fr: string; en: string; quantity: Quantity; type: QuantityType }[] = [];
    for (let exponent = 11; exponent >= 3; exponent--) {
      for (const unit of ["USD", "EUR", undefined] as const) {
        const quantity: Quantity = { value: 10 ** exponent, format: "magnitude", ...(unit ? { unit } : {}) };
        const fr = formatQuantity(quantity, "fr");
        const en = formatQuantity(quantity, "en");
        if (fr && en) out.push({ fr, en, quantity, type: unit ? "amount" : "number" });
      }
    }
    return out.sort((a, b) => b.fr.length - a.fr.length);
  })();

function magnitudes(sentence: string, tokens: readonly Token[]): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  const lower = sentence.toLowerCase().replace(/’/g, "'");
  if (!lower.includes("des ")) return out;
  for (const phrase of MAGNITUDE_PHRASES) {
    const at = lower.indexOf(phrase.fr);
    if (at < 0) continue;
    const from = tokens.findIndex((t) => t.start === at);
    const to = tokens.findIndex((t) => t.end === at + phrase.fr.length) + 1;
    if (from < 0 || to <= from) continue;
    if (out.some((q) => from < q.to && to > q.from)) continue;
    out.push({
      from,
      to,
      text: sentence.slice(at, at + phrase.fr.length),
      type: phrase.type,
      en: phrase.en,
      quantity: phrase.quantity,
    });
  }
  return out;
}

export function findQuantities(sentence: string, tokens: readonly Token[]): QuantitySpan[] {
  const out: QuantitySpan[] = magnitudes(sentence, tokens);
  const taken = (i: number) => out.some((q) => i >= q.from && i < q.to);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || taken(i)) continue;
    if (token.kind === "word") {
      for (const fraction of FRACTIONS) {
        for (const length of [3, 2]) {
          const text = sentence.slice(token.start, tokens[i + length - 1]?.end ?? -1);
          if (tokens[i + length - 1] && fraction.fr.test(text)) {
            out.push({
              from: i,
              to: i + length,
              text,
              type: "share",
              en: fraction.en,
              quantity: { value: fraction.value, format: "fraction" },
            });
            i += length - 1;
            break;
          }
        }
      }
      continue;
    }
    if (token.kind !== "number" || token.value === undefined) continue;
    const value = token.value;
    const next = tokens[i + 1];
    const nextWord = next?.norm.toLowerCase();
    if (nextWord && (MONTHS.has(nextWord) || TIME_WORDS.has(nextWord))) continue;
    const prev = tokens[i - 1]?.norm.toLowerCase();
    if (prev && MONTHS.has(prev)) continue;
    if (/^\d{4}$/.test(token.text) && value >= 1000 && value <= 2100 && !(nextWord && SCALES[nextWord])) {
      out.push({ from: i, to: i + 1, text: token.text, type: "date", en: token.text });
      continue;
    }
    if (next?.text === "%") {
      const span = worded(sentence, tokens, i, i + 2, "share", { value, format: "decimal", unit: "percent" });
      if (span) out.push(span);
      i++;
      continue;
    }
    const scale = nextWord ? SCALES[nextWord] : undefined;
    if (scale) {
      const of = tokens[i + 2]?.norm.toLowerCase();
      const currency = CURRENCIES[tokens[i + 3]?.norm.toLowerCase() ?? ""];
      const withUnit =
        (of === "de" || of === "d'") && currency
          ? worded(sentence, tokens, i, i + 4, "amount", {
              value: value * scale,
              format: "decimal",
              unit: currency,
            })
          : undefined;
      const span =
        withUnit ?? worded(sentence, tokens, i, i + 2, "number", { value: value * scale, format: "decimal" });
      if (span) {
        out.push(span);
        i = span.to - 1;
      }
      continue;
    }
    const currency = nextWord ? CURRENCIES[nextWord] : undefined;
    if (currency) {
      const span = worded(sentence, tokens, i, i + 2, "amount", { value, format: "decimal", unit: currency });
      if (span) {
        out.push(span);
        i++;
        continue;
      }
    }
    // A count of something ("300 habitants", "3,5 kg"): the number alone, the noun stays in the sentence.
    if (next && (next.kind === "word" || next.kind === "symbol") && value >= 2) {
      const span = worded(sentence, tokens, i, i + 1, "number", { value, format: "decimal" });
      if (span) out.push(span);
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
