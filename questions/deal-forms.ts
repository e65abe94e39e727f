/**
 * Deals the items of a review sample into forms (the quizzes a learner could
 * meet): as few forms as `formSize` allows, of even length, none holding two
 * items that answer each other (`conflictBetween`) and as few pairs as can be
 * on one sentence or fact (`sharesGround`). Each item comes with its variants
 * (its languages, or a statement's two sides), of which one is dealt; a
 * statement's side is settled first, as a quiz settles it (`pickVariant`): the
 * side drawn less so far, a coin deciding a tie. Left to the dealing, the true
 * side won whenever it cost less, since a false statement also shows the
 * sentence its swapped value comes from (blind reviews 10–12 met 22 true
 * statements for 12 false).
 *
 * A greedy dealing, the busiest sentences first, then a seeded local search
 * (moves and swaps of the items still in trouble), the usual way to solve a
 * small assignment with constraints. A bank holds a few dozen items: a few
 * thousand steps take milliseconds. Pure and deterministic for a seed.
 */
import { conflicts, sentencesOf, sharesGround } from "./conflicts";
import type { Question } from "./question-types";
import { isTrueStatement } from "./quiz-items";
import { createRandom, type Random } from "./random";

/** What a pair in one form costs: answering each other is never allowed, sharing ground is avoided. */
const HARD = 1000;
const STEPS = 3000;
/** What dealing a statement on the side it did not prefer costs: more than one shared sentence, less than two. */
const SIDE_PENALTY = 1.5;

interface Dealing {
  forms: Question[][];
  hard: number;
  soft: number;
}

export function dealForms(
  groups: readonly (readonly Question[])[],
  formSize: number,
  seed: string,
): Question[][] {
  const items = groups.filter((g) => g.length > 0);
  if (items.length === 0) return [];
  for (let count = Math.ceil(items.length / formSize); ; count++) {
    const dealing = deal(items, count, formSize, createRandom(`${seed}:${count}`));
    if (dealing.hard === 0 || count >= items.length) return dealing.forms;
  }
}

function deal(
  groups: readonly (readonly Question[])[],
  count: number,
  formSize: number,
  random: Random,
): Dealing {
  const n = groups.length;
  const cap = Math.min(formSize, Math.ceil(n / count) + 1);
  const variants = groups.map((g) => [...g]);
  // The side each statement prefers: the one drawn less so far, a coin deciding a tie.
  const tally = { true: 0, false: 0 };
  const preferred = groups.map((g) => {
    if (g[0]?.kind !== "true-false") return undefined;
    const wantTrue = tally.true === tally.false ? random() < 0.5 : tally.true < tally.false;
    tally[wantTrue ? "true" : "false"]++;
    return wantTrue;
  });
  const sidePenalty = (g: number, v: number) => {
    const want = preferred[g];
    const item = variants[g]?.[v];
    return want === undefined || !item || isTrueStatement(item) === want ? 0 : SIDE_PENALTY;
  };
  const costs = new Map<Question, Map<Question, number>>();
  const pairCost = (a: Question, b: Question): number => {
    let row = costs.get(a);
    if (!row) costs.set(a, (row = new Map()));
    let cost = row.get(b);
    if (cost === undefined) {
      cost = conflicts(a, b) ? HARD : sharesGround(a, b) ? 1 : 0;
      row.set(b, cost);
    }
    return cost;
  };

  const form = new Array<number>(n).fill(-1);
  const variant = new Array<number>(n).fill(0);
  const members = Array.from({ length: count }, () => new Set<number>());
  const itemAt = (g: number, v = variant[g] ?? 0) => variants[g]?.[v] as Question;
  /** What item `g`, as variant `v`, costs in form `f` (leaving out `skip`). */
  const costIn = (g: number, v: number, f: number, skip = -1) => {
    let total = 0;
    for (const h of members[f] ?? []) if (h !== g && h !== skip) total += pairCost(itemAt(g, v), itemAt(h));
    return total;
  };
  const bestVariant = (g: number, f: number, skip = -1) => {
    let best = { v: 0, cost: Infinity, biased: Infinity };
    (variants[g] ?? []).forEach((_, v) => {
      const cost = costIn(g, v, f, skip);
      const biased = cost + sidePenalty(g, v);
      if (biased < best.biased || (biased === best.biased && random() < 0.5)) best = { v, cost, biased };
    });
    return { v: best.v, cost: best.cost };
  };
  const put = (g: number, f: number, v: number) => {
    if ((form[g] ?? -1) >= 0) members[form[g] ?? 0]?.delete(g);
    form[g] = f;
    variant[g] = v;
    members[f]?.add(g);
  };

  // Greedy: the items on the busiest sentences first, each where it costs least, the smaller form first.
  const load = new Map<string, number>();
  for (const g of variants)
    for (const id of sentencesOf(g[0] as Question).on) load.set(id, (load.get(id) ?? 0) + 1);
  const weight = (g: number) => Math.max(0, ...sentencesOf(itemAt(g, 0)).on.map((id) => load.get(id) ?? 0));
  const order = [...Array(n).keys()].sort((a, b) => weight(b) - weight(a) || random() - 0.5);
  for (const g of order) {
    let best = { f: 0, v: 0, cost: Infinity, size: Infinity };
    for (let f = 0; f < count; f++) {
      const size = members[f]?.size ?? 0;
      if (size >= cap) continue;
      const { v, cost } = bestVariant(g, f);
      if (cost < best.cost || (cost === best.cost && size < best.size)) best = { f, v, cost, size };
    }
    put(g, best.f, best.v);
  }

  const total = () => {
    let hard = 0;
    let soft = 0;
    for (const set of members) {
      const list = [...set];
      list.forEach((g, i) => {
        for (const h of list.slice(i + 1)) {
          const cost = pairCost(itemAt(g), itemAt(h));
          if (cost >= HARD) hard++;
          else soft += cost;
        }
      });
    }
    return { hard, soft };
  };
  const snapshot = (): Dealing => ({
    forms: members.map((set) => [...set].sort((a, b) => a - b).map((g) => itemAt(g))),
    ...total(),
  });
  const score = (d: Pick<Dealing, "hard" | "soft">) => d.hard * HARD + d.soft;

  let best = snapshot();
  let current = score(best);
  let bestScore = current;
  for (let step = 0; step < STEPS && bestScore > 0; step++) {
    const troubled = [...Array(n).keys()].filter((g) => costIn(g, variant[g] ?? 0, form[g] ?? 0) > 0);
    const g = troubled[Math.floor(random() * troubled.length)];
    if (g === undefined) break;
    const from = form[g] ?? 0;
    const now = costIn(g, variant[g] ?? 0, from);
    let move: { delta: number; apply: () => void } | undefined;
    const consider = (delta: number, apply: () => void) => {
      if (!move || delta < move.delta || (delta === move.delta && random() < 0.5)) move = { delta, apply };
    };
    for (let f = 0; f < count; f++) {
      if (f === from) continue;
      if ((members[f]?.size ?? 0) < cap) {
        const { v, cost } = bestVariant(g, f);
        consider(cost - now, () => put(g, f, v));
      }
      for (const h of members[f] ?? []) {
        const hNow = costIn(h, variant[h] ?? 0, f);
        const gThere = bestVariant(g, f, h);
        const hHere = bestVariant(h, from, g);
        // The pair itself no longer meets once swapped.
        consider(gThere.cost + hHere.cost - now - hNow, () => {
          put(g, f, gThere.v);
          put(h, from, hHere.v);
        });
      }
    }
    // A worse move now and then, to leave a plateau.
    const chosen: { delta: number; apply: () => void } | undefined = move;
    if (chosen && (chosen.delta <= 0 || random() < 0.05)) {
      chosen.apply();
      current += chosen.delta;
      if (current < bestScore) {
        best = snapshot();
        bestScore = score(best);
        current = bestScore;
      }
    }
  }
  return best;
}
