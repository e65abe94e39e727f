/**
 * Fills "{slot}" templates. Values are inserted with French elision and
 * without the capital they may carry from the start of their own sentence.
 */
import { PROPER_NOUN_TYPES, type Fact, type SlotValue } from "../fact-schema";
import { capitalize, inSentence, joinFrench, typesetFrench } from "../french";

export interface ValueText {
  fr: string;
  en: string;
  type: string;
}

export function isProperNoun(type: string): boolean {
  return (PROPER_NOUN_TYPES as readonly string[]).includes(type);
}

/** The template's own words (not the values): typeset when French. */
function ownText(text: string, language: "fr" | "en"): string {
  return language === "fr" ? typesetFrench(text) : text;
}

export function renderTemplate(
  template: string,
  values: Readonly<Record<string, ValueText | undefined>>,
  language: "fr" | "en",
): string {
  let out = "";
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    out += ownText(template.slice(last, match.index), language);
    const name = match[1] ?? "";
    const value = values[name];
    // The fact schema guarantees every placeholder names a slot.
    if (!value) throw new Error(`template refers to unknown slot "${name}"`);
    // A value restated in our sentence takes our typography, unlike a quotation of the article.
    const raw = inSentence(value[language], isProperNoun(value.type));
    const text = language === "fr" ? typesetFrench(raw) : raw;
    out = language === "fr" ? joinFrench(out, text) : out + text;
    last = match.index + match[0].length;
  }
  return capitalize(out + ownText(template.slice(last), language));
}

/** The fact's statement with some slots replaced: the vrai-ou-faux passage. */
export function renderStatement(
  fact: Fact,
  language: "fr" | "en",
  replace: Readonly<Record<string, ValueText>> = {},
): string {
  const values: Record<string, ValueText> = { ...fact.slots, ...replace };
  return renderTemplate(fact.statement[language], values, language);
}

export function slotText(slot: SlotValue): ValueText {
  return { fr: slot.fr, en: slot.en, type: slot.type };
}
