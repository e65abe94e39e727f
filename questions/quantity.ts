/**
 * Amounts, numbers and shares: French and English wording, and wrong values
 * on a plausible scale. A learner who misread "14,3 milliards" might think
 * 1,43 or 143 milliards, or half of it; nobody would think 3 dollars, so
 * numeric distractors are rescaled from the key rather than drawn at random.
 */
import type { Quantity } from "./fact-schema";

type Language = "fr" | "en";

interface Scale {
  divisor: number;
  fr: { one: string; many: string };
  en: string;
}

const SCALES: readonly Scale[] = [
  { divisor: 1e9, fr: { one: "milliard", many: "milliards" }, en: "billion" },
  { divisor: 1e6, fr: { one: "million", many: "millions" }, en: "million" },
];

const CURRENCIES = {
  USD: {
    fr: { one: "dollar", many: "dollars", afterScale: "de dollars" },
    en: { one: "dollar", many: "dollars", sign: "$" },
  },
  EUR: {
    fr: { one: "euro", many: "euros", afterScale: "d'euros" },
    en: { one: "euro", many: "euros", sign: "€" },
  },
} as const;

/** "des dizaines de millions" and its English, by power of ten. */
const MAGNITUDES: Readonly<Record<number, { fr: string; en: string }>> = {
  3: { fr: "des milliers", en: "thousands" },
  4: { fr: "des dizaines de milliers", en: "tens of thousands" },
  5: { fr: "des centaines de milliers", en: "hundreds of thousands" },
  6: { fr: "des millions", en: "millions" },
  7: { fr: "des dizaines de millions", en: "tens of millions" },
  8: { fr: "des centaines de millions", en: "hundreds of millions" },
  9: { fr: "des milliards", en: "billions" },
  10: { fr: "des dizaines de milliards", en: "tens of billions" },
  11: { fr: "des centaines de milliards", en: "hundreds of billions" },
};

/** Removes binary noise (14.299999999 → 14.3) before printing or comparing. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 14.3 → "14,3" in French, "14.3" in English; 500000 → "500 000" / "500,000". */
export function formatNumber(n: number, language: Language): string {
  const [integer = "0", decimals] = String(clean(n)).split(".");
  const grouped = groupThousands(integer, language === "fr" ? " " : ",");
  return decimals ? `${grouped}${language === "fr" ? "," : "."}${decimals}` : grouped;
}

function scaleFor(value: number): Scale | undefined {
  return SCALES.find((scale) => value >= scale.divisor);
}

function magnitudeExponent(value: number): number | undefined {
  const exponent = Math.round(Math.log10(value));
  return clean(10 ** exponent) === clean(value) && MAGNITUDES[exponent] ? exponent : undefined;
}

/**
 * The wording of a quantity, or undefined for fractions (whose wording is
 * data: "la moitié", "un tiers") and for magnitudes that are not a power of ten.
 */
export function formatQuantity(quantity: Quantity, language: Language): string | undefined {
  const { value, unit, format } = quantity;
  if (format === "fraction") return undefined;
  if (format === "magnitude") {
    const exponent = magnitudeExponent(value);
    const words = exponent === undefined ? undefined : MAGNITUDES[exponent];
    if (!words) return undefined;
    if (!unit || unit === "percent") return words[language];
    const currency = CURRENCIES[unit];
    return language === "fr" ? `${words.fr} ${currency.fr.afterScale}` : `${words.en} of ${currency.en.many}`;
  }
  if (unit === "percent")
    return language === "fr" ? `${formatNumber(value, "fr")} %` : `${formatNumber(value, "en")}%`;
  const scale = scaleFor(value);
  const mantissa = scale ? clean(value / scale.divisor) : value;
  const number = formatNumber(mantissa, language);
  const plural = mantissa >= 2;
  if (language === "fr") {
    const scaleWord = scale ? ` ${plural ? scale.fr.many : scale.fr.one}` : "";
    if (!unit) return `${number}${scaleWord}`;
    const currency = CURRENCIES[unit].fr;
    return scale
      ? `${number}${scaleWord} ${currency.afterScale}`
      : `${number} ${plural ? currency.many : currency.one}`;
  }
  const scaleWord = scale ? ` ${scale.en}` : "";
  if (!unit) return `${number}${scaleWord}`;
  // English puts the currency sign first: "$14.3 billion", not "14.3 billion dollars".
  return `${CURRENCIES[unit].en.sign}${number}${scaleWord}`;
}

function significantDigits(n: number): number {
  const digits = String(clean(n))
    .replace(/^[0.]+/, "")
    .replace(".", "")
    .replace(/0+$/, "");
  return Math.max(1, digits.length);
}

/**
 * Whether two numbers show the same digits (14,3 and 1,43; 100 and 10): a
 * misplaced comma. Options that all share the key's digits point at the key.
 */
export function sameDigits(a: number, b: number): boolean {
  const digits = (n: number) =>
    String(clean(n))
      .replace(/^[0.]+/, "")
      .replace(".", "")
      .replace(/0+$/, "");
  return digits(a) === digits(b);
}

function decimalPlaces(n: number): number {
  return String(clean(n)).split(".")[1]?.length ?? 0;
}

function roundTo(n: number, step: number): number {
  return clean(Math.round(clean(n / step)) * step);
}

/**
 * Wrong values for a decimal quantity, most tempting first: the same digits
 * one order of magnitude off (a misplaced comma), then half and double.
 */
function rescaledDecimals(quantity: Quantity): number[] {
  const { value } = quantity;
  const scale = scaleFor(value);
  const mantissa = scale ? clean(value / scale.divisor) : value;
  const sig = significantDigits(mantissa);
  const step = 10 ** -decimalPlaces(mantissa) * (scale?.divisor ?? 1);
  const out: number[] = [];
  for (const factor of [0.1, 10]) out.push(Number((value * factor).toPrecision(sig)));
  for (const factor of [0.5, 2]) out.push(roundTo(value * factor, step));
  return out;
}

/** Magnitudes move by 100× or more: "tens of millions" against "millions" would be arguable. */
function rescaledMagnitudes(quantity: Quantity): number[] {
  const exponent = magnitudeExponent(quantity.value);
  if (exponent === undefined) return [];
  return [-2, 2, -3, 3]
    .map((shift) => exponent + shift)
    .filter((e) => MAGNITUDES[e] !== undefined)
    .map((e) => 10 ** e);
}

/** Rescaled wrong quantities, in the key's format and unit, worded in both languages. */
export function rescaledQuantities(quantity: Quantity): { quantity: Quantity; fr: string; en: string }[] {
  const values =
    quantity.format === "decimal"
      ? rescaledDecimals(quantity)
      : quantity.format === "magnitude"
        ? rescaledMagnitudes(quantity)
        : [];
  const out: { quantity: Quantity; fr: string; en: string }[] = [];
  for (const value of values) {
    if (!(value > 0) || clean(value) === clean(quantity.value)) continue;
    const candidate: Quantity = { ...quantity, value };
    const fr = formatQuantity(candidate, "fr");
    const en = formatQuantity(candidate, "en");
    if (fr && en) out.push({ quantity: candidate, fr, en });
  }
  return out;
}

/**
 * A plausible confusion: a precise figure stays within a factor of 20 of the
 * key (a misplaced comma, half, double; a pay offer of 14,3 milliards next to
 * "100 millions" rules itself out), a vague magnitude within three orders.
 */
export function isPlausibleScale(key: Quantity, candidate: Quantity): boolean {
  if (key.format !== candidate.format || key.unit !== candidate.unit) return false;
  if (key.format === "fraction") return candidate.value <= 1;
  const ratio = candidate.value / key.value;
  const limit = key.format === "decimal" ? 20 : 1e3;
  if (ratio < 1 / limit || ratio > limit) return false;
  // See rescaledMagnitudes: neighbouring magnitudes overlap in meaning.
  return key.format !== "magnitude" || ratio <= 1e-2 || ratio >= 1e2;
}
