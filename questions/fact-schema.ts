/**
 * Zod schemas for the fact base (`<article>/facts.json`) and the shared pool
 * of outsiders (`questions/outsiders.json`). Questions are generated from
 * these, never written by hand: a new article is a new folder of data.
 *
 * A fact is one claim of one sentence. Its slots are the parts a question can
 * ask about, blank out or swap (who, which company, how much…). Each slot has
 * a type; distractors are other values of the same type, from the article
 * first, then from the outsiders.
 */
import { z } from "zod";
import { sentenceIdSchema } from "./schema";

/**
 * Slot types used so far. The type is an open kebab-case name so that a new
 * article can bring a new type with its outsiders and no code change; the
 * content check refuses a type that has too few values to draw distractors
 * from, which also catches typos.
 */
export const CORE_SLOT_TYPES = [
  "person",
  "organisation",
  "product",
  "role",
  "job",
  "group",
  "sector",
  "field",
  "amount",
  "number",
  "share",
  "date",
  "comparison",
  "quality",
  "activity",
] as const;

/** Types whose values are numbers: distractors are rescaled, not drawn. */
export const QUANTITY_TYPES = ["amount", "number", "share"] as const;
export type QuantityType = (typeof QUANTITY_TYPES)[number];

/** Proper nouns keep their capital letter wherever they are inserted. */
export const PROPER_NOUN_TYPES = ["person", "organisation", "product", "place"] as const;

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slotTypeSchema = z.string().regex(kebabCase, "must be a kebab-case type name");
export type SlotType = z.infer<typeof slotTypeSchema>;

export const slotNameSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "must be a camelCase slot name");

export const QUANTITY_FORMATS = ["decimal", "magnitude", "fraction"] as const;

export const quantitySchema = z.strictObject({
  /** The number itself: 14300000000 for "14,3 milliards de dollars", 0.5 for "la moitié". */
  value: z.number().positive(),
  /**
   * decimal: "14,3 milliards", rescaled ×0.1, ×10, ×0.5, ×2;
   * magnitude: "des dizaines de millions", a power of ten, moved by 100× or more;
   * fraction: "la moitié", drawn from other fractions.
   */
  format: z.enum(QUANTITY_FORMATS),
  unit: z.enum(["USD", "EUR", "percent"]).optional(),
});
export type Quantity = z.infer<typeof quantitySchema>;

const valueShape = {
  /** French as it stands in the sentence (case included), so support can be checked. */
  fr: z.string().min(1),
  en: z.string().min(1),
  /**
   * A narrower family inside the type ("social-network" among organisations,
   * "staff" among jobs): when the key has one, distractors must share it, so
   * that options have the same form and none is also right.
   */
  category: z.string().regex(kebabCase, "must be kebab-case").optional(),
  /** French gender and number, where a cloze or a statement needs agreement. */
  gender: z.enum(["m", "f"]).optional(),
  number: z.enum(["sg", "pl"]).optional(),
  quantity: quantitySchema.optional(),
  /**
   * How the value reads as an option when it is not word for word the
   * article's: a paraphrase, so that a comprehension key cannot be found by
   * matching strings. Used for the key and for this value as a distractor.
   */
  paraphrase: z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }).optional(),
};

export const outsiderSchema = z.strictObject(valueShape);
export type Outsider = z.infer<typeof outsiderSchema>;

export const slotValueSchema = z.strictObject({
  type: slotTypeSchema,
  ...valueShape,
  /**
   * Values that must never be offered as wrong answers for this slot because
   * the article makes them right too (fr or en form, compared normalised).
   */
  exclude: z.array(z.string().min(1)).optional(),
  /**
   * A general reader knows this without the article (Meta owns Facebook,
   * Mark Zuckerberg runs Meta): the slot is never asked, blanked or swapped,
   * and never offered as a distractor, because it tests world knowledge.
   */
  worldKnowledge: z.boolean().optional(),
});
export type SlotValue = z.infer<typeof slotValueSchema>;

/** "{slot}" placeholders in a template. */
export function templateSlots(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? "");
}

const bilingualSchema = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });

export const factQuestionSchema = z.strictObject({
  /** The slot whose value is the answer. */
  ask: slotNameSchema,
  /** The question in English and in French; the answer options are the slot's values. */
  en: z.string().min(1),
  fr: z.string().min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
});
export type FactQuestion = z.infer<typeof factQuestionSchema>;

export const factSchema = z
  .strictObject({
    id: z.string().regex(kebabCase, "must be kebab-case"),
    /** The sentence that states the fact: the evidence of every question drawn from it. */
    sentenceId: sentenceIdSchema,
    /** The slot naming who or what the fact is about. */
    subject: slotNameSchema,
    slots: z.record(slotNameSchema, slotValueSchema),
    /**
     * The claim restated as one plain sentence, "{slot}" for each slot. True as
     * written; made false for vrai ou faux by swapping one slot's value.
     */
    statement: bilingualSchema,
    /**
     * May be empty: a draft fact (comprehension questions need a teacher's
     * wording), a fact that only supplies values to other facts' distractors
     * and statements, or one a general reader knows already.
     */
    questions: z.array(factQuestionSchema).default([]),
    /** Slots that may be swapped to make the statement false (a swap the article contradicts). */
    trueFalse: z.array(slotNameSchema).default([]),
    /**
     * Pairs of slots whose values a false statement may exchange ("Meta's
     * offers made staff leave OpenAI" → "OpenAI's offers made staff leave
     * Meta"): who did what to whom, which the text contradicts. Each pair is
     * a point of its own, asked only as a true/false statement.
     */
    exchange: z.array(z.tuple([slotNameSchema, slotNameSchema])).optional(),
    /** Slots that may be blanked out of the original sentence. */
    cloze: z.array(slotNameSchema).default([]),
    /** 1 easy … 3 hard, before each kind adjusts it. */
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    /** Made by the analysis pipeline (`npm run import`) and not yet reviewed by a teacher. */
    draft: z.literal(true).optional(),
    /**
     * In an article with levels: a claim only this level's text makes (a
     * graded rewrite spells out what the original implies). Every other fact
     * is shared by every level of the article, under the same id.
     */
    levelOnly: z.literal(true).optional(),
  })
  .superRefine((fact, ctx) => {
    const names = new Set(Object.keys(fact.slots));
    if (names.size === 0)
      ctx.addIssue({ code: "custom", path: ["slots"], message: "needs at least one slot" });
    const known = (name: string, path: PropertyKey[]) => {
      if (!names.has(name)) ctx.addIssue({ code: "custom", path, message: `no slot named "${name}"` });
    };
    known(fact.subject, ["subject"]);
    fact.questions.forEach((q, i) => known(q.ask, ["questions", i, "ask"]));
    fact.trueFalse.forEach((name, i) => known(name, ["trueFalse", i]));
    fact.cloze.forEach((name, i) => known(name, ["cloze", i]));
    (fact.exchange ?? []).forEach((pair, i) => {
      const [a, b] = pair.map((name) => fact.slots[name]);
      if (a && b && a.type !== b.type)
        ctx.addIssue({
          code: "custom",
          path: ["exchange", i],
          message: `slots "${pair[0]}" and "${pair[1]}" must have one type to trade places`,
        });
      pair.forEach((name, j) => {
        known(name, ["exchange", i, j]);
        for (const language of ["fr", "en"] as const) {
          if (!templateSlots(fact.statement[language]).includes(name))
            ctx.addIssue({
              code: "custom",
              path: ["exchange", i, j],
              message: `slot "${name}" must appear as {${name}} in statement.${language}`,
            });
        }
      });
    });
    for (const language of ["fr", "en"] as const) {
      const used = templateSlots(fact.statement[language]);
      used.forEach((name) => known(name, ["statement", language]));
      fact.trueFalse.forEach((name, i) => {
        if (!used.includes(name)) {
          ctx.addIssue({
            code: "custom",
            path: ["trueFalse", i],
            message: `slot "${name}" must appear as {${name}} in statement.${language}`,
          });
        }
      });
    }
    for (const [name, slot] of Object.entries(fact.slots)) {
      const isQuantity = (QUANTITY_TYPES as readonly string[]).includes(slot.type);
      if (isQuantity && !slot.quantity) {
        ctx.addIssue({
          code: "custom",
          path: ["slots", name, "quantity"],
          message: `required for type "${slot.type}"`,
        });
      }
      if (!isQuantity && slot.quantity) {
        ctx.addIssue({
          code: "custom",
          path: ["slots", name, "quantity"],
          message: `only for ${QUANTITY_TYPES.join(", ")}`,
        });
      }
    }
  });
export type Fact = z.infer<typeof factSchema>;
export type FactInput = z.input<typeof factSchema>;

export const factsSchema = z
  .array(factSchema)
  .min(1)
  .superRefine((facts, ctx) => {
    const seen = new Set<string>();
    facts.forEach((fact, i) => {
      if (seen.has(fact.id))
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `"${fact.id}" is used twice` });
      seen.add(fact.id);
    });
  });
export type Facts = z.infer<typeof factsSchema>;

/** Outsiders by slot type: `{ "organisation": [{ "fr": "Microsoft", "en": "Microsoft" }, …] }`. */
export const outsidersSchema = z
  .record(slotTypeSchema, z.array(outsiderSchema).min(1))
  .superRefine((pool, ctx) => {
    for (const [type, values] of Object.entries(pool)) {
      const isQuantity = (QUANTITY_TYPES as readonly string[]).includes(type);
      values.forEach((value, i) => {
        if (isQuantity && !value.quantity) {
          ctx.addIssue({
            code: "custom",
            path: [type, i, "quantity"],
            message: `required for type "${type}"`,
          });
        }
      });
    }
  });
export type Outsiders = z.infer<typeof outsidersSchema>;
