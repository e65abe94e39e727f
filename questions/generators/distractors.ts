/**
 * Wrong answers. A distractor has the key's slot type (and category, when the
 * key has one), comes from the article first and from the outsiders after,
 * is rescaled when the key is a number, and never reads the same as the key
 * or as another option once case, accents and spaces are ignored.
 */
import type { Fact, Facts, Outsiders, Quantity } from "../fact-schema";
import { normalizeForComparison } from "../normalize";
import { isPlausibleScale, rescaledQuantities } from "../quantity";
import { createRandom, shuffle } from "../random";

export type CandidateSource = "article" | "rescaled" | "outsider";

export interface Candidate {
  fr: string;
  en: string;
  type: string;
  category?: string;
  gender?: "m" | "f";
  number?: "sg" | "pl";
  quantity?: Quantity;
  source: CandidateSource;
}

export type Pools = ReadonlyMap<string, readonly Candidate[]>;

/** Every slot value of the article and every outsider, by type, article values first. */
export function buildPools(facts: Facts, outsiders: Outsiders): Pools {
  const pools = new Map<string, Candidate[]>();
  const add = (type: string, candidate: Candidate) => {
    const pool = pools.get(type) ?? [];
    const key = normalizeForComparison(candidate.fr);
    if (!pool.some((c) => normalizeForComparison(c.fr) === key)) pool.push(candidate);
    pools.set(type, pool);
  };
  for (const fact of facts) {
    for (const slot of Object.values(fact.slots)) {
      // `exclude` belongs to the slot's own questions, not to the value as a distractor elsewhere.
      add(slot.type, {
        fr: slot.fr,
        en: slot.en,
        type: slot.type,
        category: slot.category,
        gender: slot.gender,
        number: slot.number,
        quantity: slot.quantity,
        source: "article",
      });
    }
  }
  for (const [type, values] of Object.entries(outsiders)) {
    for (const value of values) add(type, { ...value, type, source: "outsider" });
  }
  return pools;
}

export interface CandidateQuery {
  fact: Fact;
  slotName: string;
  pools: Pools;
  /** Require the key's French gender and number: the value goes into a sentence. */
  agreement?: boolean;
  /** Any further condition, such as fitting the words before a blank. */
  fits?: (candidate: Candidate) => boolean;
}

/**
 * Every usable wrong value for a slot, best first: article values, then
 * rescaled numbers, then outsiders, each group in an order seeded by the
 * fact and slot so that different facts do not all lead with the same value.
 */
export function candidatesFor(query: CandidateQuery): Candidate[] {
  const { fact, slotName, pools, agreement = false, fits } = query;
  const key = fact.slots[slotName];
  if (!key) return [];
  const taken = new Set<string>();
  const forbid = (text: string) => taken.add(normalizeForComparison(text));
  forbid(key.fr);
  forbid(key.en);
  for (const text of key.exclude ?? []) forbid(text);
  // Another slot of the same fact is part of the claim: offering it would be a trap, not a distractor.
  for (const other of Object.values(fact.slots)) {
    forbid(other.fr);
    forbid(other.en);
  }

  const pool = pools.get(key.type) ?? [];
  const rescaled: Candidate[] = key.quantity
    ? rescaledQuantities(key.quantity).map((r) => ({
        ...r,
        type: key.type,
        category: key.category,
        gender: key.gender,
        number: key.number,
        source: "rescaled" as const,
      }))
    : [];
  const random = createRandom(`${fact.id}/${slotName}`);
  const ordered = [
    ...shuffle(
      pool.filter((c) => c.source === "article"),
      random,
    ),
    ...rescaled,
    ...shuffle(
      pool.filter((c) => c.source === "outsider"),
      random,
    ),
  ];

  const out: Candidate[] = [];
  for (const candidate of ordered) {
    if (key.category && candidate.category !== key.category) continue;
    if (key.quantity && (!candidate.quantity || !isPlausibleScale(key.quantity, candidate.quantity)))
      continue;
    if (agreement && key.gender && candidate.gender !== key.gender) continue;
    if (agreement && key.number && candidate.number !== key.number) continue;
    if (fits && !fits(candidate)) continue;
    const fr = normalizeForComparison(candidate.fr);
    const en = normalizeForComparison(candidate.en);
    if (taken.has(fr) || taken.has(en)) continue;
    taken.add(fr);
    taken.add(en);
    out.push(candidate);
  }
  return out;
}

/** Close in length: a much longer or shorter option gives itself away. */
function closeInLength(key: string, text: string): boolean {
  const ratio = text.length / Math.max(1, key.length);
  return (ratio >= 0.5 && ratio <= 2) || Math.abs(text.length - key.length) <= 6;
}

/** Candidates of about the key's length first, source order kept inside each group. */
export function orderByForm(
  key: string,
  candidates: readonly Candidate[],
  language: "fr" | "en",
): Candidate[] {
  const close = candidates.filter((c) => closeInLength(key, c[language]));
  const far = candidates.filter((c) => !closeInLength(key, c[language]));
  return [...close, ...far];
}

/**
 * The distractors of one variant. Set 0 takes the best candidates; set 1
 * the next ones (wrapping round), so a retry meets other wrong answers. When
 * the key would be the longest option, a longer candidate is swapped in, so
 * that "pick the longest" is not a winning strategy.
 */
export function chooseDistractors(
  key: string,
  candidates: readonly Candidate[],
  language: "fr" | "en",
  setIndex: number,
  count = 3,
): Candidate[] {
  const ordered = orderByForm(key, candidates, language);
  if (ordered.length <= count) return ordered;
  const start = (setIndex * count) % ordered.length;
  const chosen = Array.from({ length: count }, (_, i) => ordered[(start + i) % ordered.length] as Candidate);

  const length = (c: Candidate) => c[language].length;
  if (chosen.every((c) => length(c) <= key.length)) {
    const longer = ordered.find(
      (c) => !chosen.includes(c) && length(c) > key.length && closeInLength(key, c[language]),
    );
    if (longer) {
      const shortest = chosen.reduce((a, b) => (length(b) < length(a) ? b : a));
      chosen[chosen.indexOf(shortest)] = longer;
    }
  }
  return chosen;
}
