/**
 * The bits of French grammar that generated text runs into: elision and
 * contraction where a value meets the word before it ("de OpenAI" must read
 * "d'OpenAI"), capital letters, and whether a value fits a blank at all.
 */

type InitialSound = "vowel" | "consonant" | "h";

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** "h" is kept apart: "l'homme" but "le héros", so an h never stands in for a vowel or a consonant. */
export function initialSound(text: string): InitialSound {
  if (/^h/i.test(text)) return "h";
  return VOWEL.test(text) ? "vowel" : "consonant";
}

/** Words that elide before a vowel, as the last word before a value. */
const ELIDING_BEFORE = /(?:^|[\s(«"])(de|que|le|la|ne|je|se|me|te|ce|jusque|lorsque|puisque)\s+$/i;
/** An elided word right before a value: "d'", "l'", "jusqu'". */
const ELIDED_BEFORE = /(?:^|[\s(«"])(d|l|qu|n|j|s|m|t|c|jusqu|lorsqu|puisqu)['’]$/i;
/** "à"/"de" contract with a following "le"/"les". */
const CONTRACTING_BEFORE = /(?:^|[\s(«"'’])(à|de)\s+$/i;
const DEFINITE_LE = /^(le|les)\s/i;

const CONTRACTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  à: { le: "au", les: "aux" },
  de: { le: "du", les: "des" },
};

function keepCase(model: string, word: string): string {
  return model[0] === model[0]?.toUpperCase() ? capitalize(word) : word;
}

/**
 * Appends a value to French text, eliding or contracting the last word when
 * the value requires it ("de" + "Anthropic" → "d'Anthropic", "à" + "le quart" → "au quart").
 */
export function joinFrench(before: string, value: string): string {
  const contracting = CONTRACTING_BEFORE.exec(before);
  const article = DEFINITE_LE.exec(value);
  if (contracting?.[1] && article?.[1]) {
    const preposition = contracting[1];
    const contracted = CONTRACTIONS[preposition.toLowerCase()]?.[article[1].toLowerCase()];
    if (contracted) {
      const head = before.slice(
        0,
        before.length - contracting[0].length + contracting[0].indexOf(preposition),
      );
      return `${head}${keepCase(preposition, contracted)} ${value.slice(article[0].length)}`;
    }
  }
  const eliding = ELIDING_BEFORE.exec(before);
  if (eliding?.[1] && initialSound(value) === "vowel") {
    const word = eliding[1];
    const head = before.slice(0, before.length - eliding[0].length + eliding[0].indexOf(word));
    return `${head}${word.slice(0, -1)}${APOSTROPHE}${value}`;
  }
  return before + value;
}

/**
 * Whether `candidate` can stand where `key` stands after `before` without
 * breaking elision or contraction: after "d'" only a vowel, after "de " no
 * vowel, after "à " no "le"/"les".
 */
export function fitsAfter(before: string, key: string, candidate: string): boolean {
  const elides = ELIDED_BEFORE.test(before) || ELIDING_BEFORE.test(before);
  if (elides && initialSound(candidate) !== initialSound(key)) return false;
  if (CONTRACTING_BEFORE.test(before) && DEFINITE_LE.test(candidate) && !DEFINITE_LE.test(key)) return false;
  if (PLURAL_DETERMINER_BEFORE.test(before) && SINGULAR_AMOUNT.test(candidate) && !SINGULAR_AMOUNT.test(key))
    return false;
  return true;
}

/** "les", "des", "ces", "aux" before a gap: the value must be plural ("les 100 millions", never "les 1 milliard"). */
const PLURAL_DETERMINER_BEFORE = /(?:^|[\s(«"])(les|des|ces|aux)\s+$/i;
/** An amount of one: "1 milliard", "1,5 million", "un million". */
const SINGULAR_AMOUNT = /^(1([,.]\d+)?|un|une)\s/i;

export function capitalize(text: string): string {
  const first = text[0];
  return first === undefined ? text : first.toUpperCase() + text.slice(1);
}

/**
 * A value as it reads inside a sentence: common nouns that were capitalised
 * only because they opened their sentence ("Les géants technologiques") lose
 * the capital; proper nouns and acronyms ("PDG", "OpenAI") keep it.
 */
export function inSentence(text: string, properNoun: boolean): string {
  if (properNoun) return text;
  const [first, second] = [text[0], text[1]];
  if (first === undefined || first === first.toLowerCase()) return text;
  if (second !== undefined && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}

const NO_BREAK_SPACE = "\u00a0";
/** The typographic apostrophe of the French we write (the article's own text keeps its "'"). */
export const APOSTROPHE = "\u2019";
const NARROW_NO_BREAK_SPACE = "\u202f";

/**
 * French typography in text we write: the typographic apostrophe, a narrow no-break space before ? ! ;, a
 * no-break space before : % » and after «, so that a narrow phone never starts
 * a line with "?" or "»". The same convention as the interface strings in
 * locales/fr. Only turns existing spaces into unbreakable ones.
 */
export function typesetFrench(text: string): string {
  return text
    .replace(/'/g, APOSTROPHE)
    .replace(/ ([?!;])/g, `${NARROW_NO_BREAK_SPACE}$1`)
    .replace(/ ([:%»])/g, `${NO_BREAK_SPACE}$1`)
    .replace(/« /g, `«${NO_BREAK_SPACE}`);
}

/**
 * Tagged template for generated French: typesets the literal parts only, so a
 * value quoted from the article stays exactly as the article writes it.
 */
export function frenchText(literals: TemplateStringsArray, ...values: string[]): string {
  return literals.reduce(
    (out, literal, i) => out + typesetFrench(literal) + (i < values.length ? values[i] : ""),
    "",
  );
}

/** A question's prompt: its stem, then the passage it asks about in guillemets. */
export function promptText(stem: string, passage: string | undefined): string {
  return passage ? frenchText`${stem} « ${passage} »` : stem;
}
