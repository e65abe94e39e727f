/**
 * What can go wrong when a teacher's text is analysed, as codes with a
 * message in English and in French. The studio shows the message in the
 * user's language and matches on the code, never on the words; the command
 * line prints the English. Plain data: importing this costs a page nothing.
 */

export const ANALYSIS_ERROR_CODES = [
  "empty-text",
  "text-too-long",
  "binary-content",
  "invalid-encoding",
  "control-characters",
  "not-french",
  "no-sentences",
  "translation-empty",
  "translation-too-short",
  "translation-not-english",
  "lexicon-invalid",
] as const;
export type AnalysisErrorCode = (typeof ANALYSIS_ERROR_CODES)[number];

/** Values a message may name: counts, a detected language, a line number. */
export type AnalysisErrorParams = Readonly<Record<string, string | number>>;

type Template = (params: AnalysisErrorParams) => string;

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** "{n} words" in each language, singular or plural. */
function count(n: string | number | undefined, one: string, many: string, language: "en" | "fr"): string {
  const value = Number(n ?? 0);
  const formatted = new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB").format(value);
  return `${formatted}${language === "fr" ? NBSP : " "}${value === 1 || (language === "fr" && value < 2) ? one : many}`;
}

export const ANALYSIS_ERROR_MESSAGES: Readonly<Record<AnalysisErrorCode, { en: Template; fr: Template }>> = {
  "empty-text": {
    en: () => "The text is empty. Paste a French text to analyse.",
    fr: () => "Le texte est vide. Collez un texte en français à analyser.",
  },
  "text-too-long": {
    en: (p) =>
      `The text has ${count(p.words, "word", "words", "en")}; the limit is ${count(p.limit, "word", "words", "en")}. Split it into shorter texts.`,
    fr: (p) =>
      `Le texte compte ${count(p.words, "mot", "mots", "fr")}${NNBSP}; la limite est de ${count(p.limit, "mot", "mots", "fr")}. Découpez-le en textes plus courts.`,
  },
  "binary-content": {
    en: () => "This does not look like text: it holds binary data. Paste the text itself, not a file.",
    fr: () =>
      `Ce contenu n’est pas du texte${NBSP}: il contient des données binaires. Collez le texte lui-même, pas un fichier.`,
  },
  "invalid-encoding": {
    en: () =>
      "Some characters of the text could not be read (shown as �). Save the text as UTF-8 and paste it again.",
    fr: () =>
      "Certains caractères du texte n’ont pas pu être lus (affichés �). Enregistrez le texte en UTF-8 et collez-le de nouveau.",
  },
  "control-characters": {
    en: (p) => `Line ${p.line} holds an invisible control character (${p.code}). Remove it and try again.`,
    fr: (p) =>
      `La ligne ${p.line} contient un caractère de contrôle invisible (${p.code}). Supprimez-le et réessayez.`,
  },
  "not-french": {
    en: (p) =>
      p.language
        ? `This text looks like ${p.language}, not French. Glose analyses French texts.`
        : "This text does not look like French. Glose analyses French texts.",
    fr: (p) =>
      p.languageFr
        ? `Ce texte semble être en ${p.languageFr}, pas en français. Glose analyse des textes en français.`
        : "Ce texte ne semble pas être en français. Glose analyse des textes en français.",
  },
  "no-sentences": {
    en: () => "No sentence was found in the text: it holds no words.",
    fr: () => `Aucune phrase n’a été trouvée dans le texte${NBSP}: il ne contient aucun mot.`,
  },
  "translation-empty": {
    en: () => "The English translation is empty. Paste it, or leave the field out.",
    fr: () => "La traduction anglaise est vide. Collez-la, ou laissez le champ de côté.",
  },
  "translation-too-short": {
    en: (p) =>
      `The translation has ${count(p.english, "sentence", "sentences", "en")} for ${count(p.french, "French sentence", "French sentences", "en")}: it seems to be missing a part. Paste the whole translation.`,
    fr: (p) =>
      `La traduction compte ${count(p.english, "phrase", "phrases", "fr")} pour ${count(p.french, "phrase française", "phrases françaises", "fr")}${NNBSP}: il semble en manquer une partie. Collez la traduction entière.`,
  },
  "translation-not-english": {
    en: () => "The translation does not look like English. Paste the English translation.",
    fr: () => "La traduction ne semble pas être en anglais. Collez la traduction anglaise.",
  },
  "lexicon-invalid": {
    en: () => "The French lexicon could not be read. Reinstall the dependencies (npm ci).",
    fr: () => "Le lexique français n’a pas pu être lu. Réinstallez les dépendances (npm ci).",
  },
};

/** A refusal of the input, never a crash: the caller shows `message(language)`. */
export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    readonly params: AnalysisErrorParams = {},
  ) {
    super(ANALYSIS_ERROR_MESSAGES[code].en(params));
    this.name = "AnalysisError";
  }

  messageIn(language: "en" | "fr"): string {
    return ANALYSIS_ERROR_MESSAGES[this.code][language](this.params);
  }
}

export function isAnalysisError(error: unknown): error is AnalysisError {
  return error instanceof AnalysisError;
}
