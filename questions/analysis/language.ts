/**
 * Which language a text is in, from its most frequent short words: every
 * language's first hundred words are mostly its own (de, la, et, les / the,
 * and, of / el, y, los). Enough to tell a teacher "this is English", and a
 * few hundred bytes where a trigram detector would add a hundred kilobytes
 * to the studio's bundle.
 */

export const DETECTABLE_LANGUAGES = ["fr", "en", "es", "it", "de", "pt", "nl"] as const;
export type DetectableLanguage = (typeof DETECTABLE_LANGUAGES)[number];

const FUNCTION_WORDS: Readonly<Record<DetectableLanguage, string>> = {
  fr: "le la les l' un une des du de d' et est en que qui qu' dans pour pas sur au aux ce cette ces il elle ils elles nous vous on ne n' se s' son sa ses leur leurs avec par plus mais ou où comme tout très sont été être avoir a ont je j' c' était aussi bien même",
  en: "the of and to a in is it that for was on are as with his they at be this from have or by not but what all were when we there can an your which their if do will each about how up out them then she many some so these would other into has more her two like him see no could than been who its now my over did down only way just",
  es: "el la los las de y en que un una es por con para no se lo su al del como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso",
  it: "il di che la e un una per non in sono mi ho lo ma ti ci si gli le con da del della come io questo qui hai cosa anche nel alla più se tutto bene era essere perché dei ha",
  de: "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man",
  pt: "o a de que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre",
  nl: "de het een en van ik te dat die in is niet je hij zijn op aan met voor er maar om als dan zo nog bij ook wat wel naar uit kan nu al heb",
};

const WORD_SETS = Object.fromEntries(
  DETECTABLE_LANGUAGES.map((language) => [language, new Set(FUNCTION_WORDS[language].split(" "))]),
) as Record<DetectableLanguage, Set<string>>;

/** English and French names of the languages, for the "not French" message. */
export const LANGUAGE_NAMES: Readonly<Record<DetectableLanguage, { en: string; fr: string }>> = {
  fr: { en: "French", fr: "français" },
  en: { en: "English", fr: "anglais" },
  es: { en: "Spanish", fr: "espagnol" },
  it: { en: "Italian", fr: "italien" },
  de: { en: "German", fr: "allemand" },
  pt: { en: "Portuguese", fr: "portugais" },
  nl: { en: "Dutch", fr: "néerlandais" },
};

export interface LanguageGuess {
  language: DetectableLanguage | undefined;
  /** Share of the text's words that are function words of the guessed language. */
  share: number;
  scores: Record<DetectableLanguage, number>;
}

/** Lower-case words, elisions kept as "l'", "d'". */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/\p{L}+'?/gu) ?? []
  );
}

/**
 * The language whose function words cover most of the text. Below 12 % for
 * every language (lists of names, numbers, a single word) nothing is guessed.
 */
export function detectLanguage(text: string): LanguageGuess {
  const list = words(text);
  const scores = Object.fromEntries(DETECTABLE_LANGUAGES.map((l) => [l, 0])) as Record<
    DetectableLanguage,
    number
  >;
  for (const word of list) {
    for (const language of DETECTABLE_LANGUAGES) if (WORD_SETS[language].has(word)) scores[language]++;
  }
  const total = Math.max(1, list.length);
  let best: DetectableLanguage | undefined;
  for (const language of DETECTABLE_LANGUAGES) {
    if (best === undefined || scores[language] > scores[best]) best = language;
  }
  const share = best ? scores[best] / total : 0;
  return { language: share >= 0.12 ? best : undefined, share, scores };
}
