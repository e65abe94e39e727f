/**
 * Wrong answers. A distractor has the key's slot type (and category, when the
 * key has one), comes from the article first and from the outsiders after,
 * is rescaled when the key is a number, and never reads the same as the key
 * or as another option once case, accents and spaces are ignored.
 */
import type { Fact, Facts, Outsiders, Quantity } from "../fact-schema";
import type { SentenceId } from "../schema";
import { normalizeForComparison } from "../normalize";
import { isPlausibleScale, rescaledQuantities, sameDigits } from "../quantity";
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
  paraphrase?: { fr: string; en: string };
  source: CandidateSource;
  /** An article value: the sentences that give it (where a learner sees it in its own role). */
  sentenceIds?: readonly SentenceId[];
}

/** How a value reads as an option: its paraphrase when it has one. */
export function optionText(
  value: Pick<Candidate, "fr" | "en" | "paraphrase">,
  language: "fr" | "en",
): string {
  return value.paraphrase?.[language] ?? value[language];
}

export type Pools = ReadonlyMap<string, readonly Candidate[]>;

/** Every slot value of the article and every outsider, by type, article values first. */
export function buildPools(facts: Facts, outsiders: Outsiders): Pools {
  const pools = new Map<string, Candidate[]>();
  const add = (type: string, candidate: Candidate) => {
    const pool = pools.get(type) ?? [];
    const key = normalizeForComparison(candidate.fr);
    const index = pool.findIndex((c) => normalizeForComparison(c.fr) === key);
    const known = index >= 0 ? pool[index] : undefined;
    if (!known) pool.push(candidate);
    else if (candidate.sentenceIds?.length)
      pool[index] = {
        ...known,
        sentenceIds: [...new Set([...(known.sentenceIds ?? []), ...candidate.sentenceIds])],
      };
    pools.set(type, pool);
  };
  for (const fact of facts) {
    for (const slot of Object.values(fact.slots)) {
      // World knowledge is never a distractor either: everyone can rule it out.
      if (slot.worldKnowledge) continue;
      // `exclude` belongs to the slot's own questions, not to the value as a distractor elsewhere.
      add(slot.type, {
        fr: slot.fr,
        en: slot.en,
        type: slot.type,
        category: slot.category,
        gender: slot.gender,
        number: slot.number,
        quantity: slot.quantity,
        paraphrase: slot.paraphrase,
        source: "article",
        sentenceIds: [fact.sentenceId],
      });
    }
  }
  for (const [type, values] of Object.entries(outsiders)) {
    for (const value of values) add(type, { ...value, type, source: "outsider" });
  }
  return pools;
}

/**
 * Which items already offer a value as a wrong answer. Two items that share
 * their wrong answers read as one item twice (a cloze and a question on one
 * sentence offering the same three tasks), so a value other items use is
 * taken last among its equals. Filled as the bank is generated, in its fixed
 * order, so the bank stays deterministic.
 */
export class DistractorUsage {
  private readonly owners = new Map<string, Set<string>>();

  /** How many items other than `owner` offer this value. */
  count(candidate: Pick<Candidate, "fr">, owner: string): number {
    const owners = this.owners.get(normalizeForComparison(candidate.fr));
    if (!owners) return 0;
    return owners.size - (owners.has(owner) ? 1 : 0);
  }

  record(candidates: readonly Pick<Candidate, "fr">[], owner: string): void {
    for (const candidate of candidates) {
      const key = normalizeForComparison(candidate.fr);
      this.owners.set(key, (this.owners.get(key) ?? new Set()).add(owner));
    }
  }
}

export interface CandidateQuery {
  fact: Fact;
  slotName: string;
  pools: Pools;
  /** Require the key's French gender and number: the value goes into a sentence. */
  agreement?: boolean;
  /** Any further condition, such as fitting the words before a blank. */
  fits?: (candidate: Candidate) => boolean;
  /**
   * Only values the article itself gives (or, for numbers, another number):
   * a false statement must be one the text contradicts.
   */
  articleOnly?: boolean;
  /** Values other items already offer go last among their source (see `DistractorUsage`). */
  usage?: { by: DistractorUsage; owner: string };
}

/**
 * Every usable wrong value for a slot, best first: article values, then
 * rescaled numbers, then outsiders, each group in an order seeded by the
 * fact and slot so that different facts do not all lead with the same value.
 */
export function candidatesFor(query: CandidateQuery): Candidate[] {
  const { fact, slotName, pools, agreement = false, fits, articleOnly = false, usage } = query;
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
    if (other.paraphrase) {
      forbid(other.paraphrase.fr);
      forbid(other.paraphrase.en);
    }
  }

  const pool = pools.get(key.type) ?? [];
  // A different number contradicts the text's number: numbers may come from outside the article.
  const outsidersAllowed = !articleOnly || key.quantity !== undefined;
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
  // A stable sort keeps the seeded order among values used equally often.
  const leastUsedFirst = (list: Candidate[]) =>
    usage ? list.sort((a, b) => usage.by.count(a, usage.owner) - usage.by.count(b, usage.owner)) : list;
  const fromArticle = leastUsedFirst(
    shuffle(
      pool.filter((c) => c.source === "article"),
      random,
    ),
  );
  const outsiders = !outsidersAllowed
    ? []
    : leastUsedFirst(
        shuffle(
          pool.filter((c) => c.source === "outsider"),
          random,
        ),
      );
  /*
   * Numbers among options. One misplaced comma (14,3 → 1,43 or 143) is a
   * tempting misreading, but when every wrong number is the key's digits
   * moved about, the key is the one they all point at. So a choice takes one
   * number with the key's digits at most, then the amounts the article and
   * the outsiders give, and half or double of the key only when those run out.
   * A false statement keeps the misreadings first: the text contradicts them.
   */
  const quantity = key.quantity;
  const sharesDigits = (c: Candidate) =>
    quantity?.format === "decimal" &&
    c.quantity !== undefined &&
    sameDigits(c.quantity.value, quantity.value);
  const ordered =
    quantity && !articleOnly
      ? [
          ...fromArticle,
          ...shuffle(rescaled.filter(sharesDigits), random),
          ...outsiders,
          ...rescaled.filter((c) => !sharesDigits(c)),
        ]
      : [...fromArticle, ...rescaled, ...outsiders];
  let digitSharing = 0;

  const out: Candidate[] = [];
  for (const candidate of ordered) {
    if (quantity && !articleOnly && sharesDigits(candidate) && digitSharing >= 1) continue;
    // Fine categories: a key without one takes only values without one, so none is the odd one out.
    if (candidate.category !== key.category) continue;
    if (key.quantity && !plausibleNumber(key.quantity, candidate, articleOnly)) continue;
    if (agreement && key.gender && candidate.gender !== key.gender) continue;
    if (agreement && key.number && candidate.number !== key.number) continue;
    if (fits && !fits(candidate)) continue;
    const texts = [candidate.fr, candidate.en, candidate.paraphrase?.fr, candidate.paraphrase?.en]
      .filter((t): t is string => t !== undefined)
      .map(normalizeForComparison);
    if (texts.some((t) => taken.has(t))) continue;
    for (const t of texts) taken.add(t);
    if (quantity && sharesDigits(candidate)) digitSharing++;
    out.push(candidate);
  }
  return out;
}

/**
 * A wrong number among options keeps to the key's scale (×20), or a learner
 * rules it out by sense. A false statement may also take another amount the
 * article itself gives, at any scale: attaching it to the wrong claim is
 * what the text contradicts ("Meta invested $100 million" where the article
 * puts $100 million on the pay offers).
 */
function plausibleNumber(key: Quantity, candidate: Candidate, articleOnly: boolean): boolean {
  if (!candidate.quantity) return false;
  const sameKind = candidate.quantity.format === key.format && candidate.quantity.unit === key.unit;
  if (articleOnly && candidate.source === "article" && key.format === "decimal" && sameKind) return true;
  return isPlausibleScale(key, candidate.quantity);
}

/** Whether a short option carries a complement ("de la recherche", "of sales", "d’OpenAI"). */
export function hasComplement(text: string): boolean {
  return /(^|\s)(de|du|des|of)\s|(^|\s)d['’]/i.test(text.trim());
}

/** Close in length: a much longer or shorter option gives itself away. */
export function closeInLength(key: string, text: string): boolean {
  const ratio = text.length / Math.max(1, key.length);
  return (ratio >= 0.5 && ratio <= 2) || Math.abs(text.length - key.length) <= 6;
}

/** Candidates of about the key's length first, source order kept inside each group. */
export function orderByForm(
  key: string,
  candidates: readonly Candidate[],
  text: (c: Candidate) => string,
): Candidate[] {
  const close = candidates.filter((c) => closeInLength(key, text(c)));
  const far = candidates.filter((c) => !closeInLength(key, text(c)));
  return [...close, ...far];
}

/**
 * The distractors of a question: two or three, best first (the article's
 * own values lead). One of very different length is left out when two of the
 * key's length exist, since it would be the odd one out: three good options
 * beat four with a weak one. When the key would be the longest option, a
 * longer candidate is swapped in, so that "pick the longest" never pays.
 */
export function chooseDistractors(
  key: string,
  candidates: readonly Candidate[],
  text: (c: Candidate) => string,
  count = 3,
): Candidate[] {
  const close = candidates.filter((c) => closeInLength(key, text(c)));
  const byLength = close.length >= 2 ? close : orderByForm(key, candidates, text);
  // Options built like the key first: a key alone in having a complement stands out.
  const shaped = (c: Candidate) => hasComplement(text(c)) === hasComplement(key);
  const usable = [...byLength.filter(shaped), ...byLength.filter((c) => !shaped(c))];
  const chosen = usable.slice(0, count);
  if (chosen.length < 2) return chosen;

  const length = (c: Candidate) => text(c).length;
  if (chosen.every((c) => length(c) < key.length)) {
    const longer = usable.find((c) => !chosen.includes(c) && length(c) > key.length);
    // The article's own values are the best distractors: an outsider gives way first.
    const replaceable = chosen.filter((c) => c.source !== "article");
    const pool = replaceable.length ? replaceable : chosen;
    if (longer) {
      const shortest = pool.reduce((a, b) => (length(b) < length(a) ? b : a));
      chosen[chosen.indexOf(shortest)] = longer;
    }
  }
  return chosen;
}
