/**
 * Tokens of one French sentence, each an exact slice of it with its offsets.
 * Elided words ("l'", "qu'", "jusqu'") are tokens of their own, with either
 * apostrophe; hyphenated words stay whole ("peut-être", "Jean-Pierre") except
 * for the pronouns of an inversion ("demanda-t-il" → "demanda", "-t-il");
 * numbers keep their decimal comma and their thousands spaces ("14,3",
 * "1 000"). Units and names spanning several tokens are found later, on tokens.
 */

export type TokenKind = "word" | "number" | "punct" | "symbol";

export interface Token {
  /** Exactly as in the sentence. */
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** The lexicon's spelling: typographic apostrophe made straight. */
  norm: string;
  /** "l'", "d'", "qu'", "jusqu'": the word lost its vowel before the next one. */
  elided?: boolean;
  /** "-t-il", "-vous": a pronoun joined to the verb before it by a hyphen. */
  clitic?: boolean;
  /** Numbers: their value, French style (comma decimal, space thousands). */
  value?: number;
}

/** Words with an apostrophe inside that are not elisions. */
const WHOLE_WITH_APOSTROPHE =
  /^(aujourd['’]hui|prud['’]hom\p{L}*|presqu['’]îles?|quelqu['’]une?s?|entr['’]\p{L}+|c['’]est-à-dire)$/iu;

/** Elided forms, longest first so that "jusqu'" wins over "qu'". */
const ELIDED = /^(jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])['’]/iu;

/** Pronouns that an inversion hangs on the verb: "dit-il", "a-t-elle", "pouvez-vous", "donne-le-moi". */
const INVERSION = /(-t)?-(je|tu|il|elle|on|nous|vous|ils|elles|ce|moi|toi|lui|leur|le|la|les|y|en)(?=$|-)/giu;

interface Piece {
  text: string;
  start: number;
  kind: TokenKind;
}

/** A number: "1 000 000", "14,3", "3.5", "2024"; thousands groups only of three digits. */
const NUMBER = /^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|^\d+(?:[.,]\d+)?/u;
/** A word: letters and digits joined by hyphens or apostrophes ("peut-être", "aujourd'hui", "B2B"). */
const WORD = /^[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/u;
const ELLIPSIS = /^(\.\.\.|…)/u;
const SYMBOL = /^[%€$£¥°§&@#+=×÷<>\/\\*^~|]/u;

function numberValue(text: string): number {
  const compact = text.replace(/[ \u00a0\u202f]/g, "");
  // "1.000.000" groups thousands with dots; "3.5" is a decimal point.
  const dotted = /^\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, "") : compact;
  return Number(dotted.replace(",", "."));
}

function scan(sentence: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < sentence.length) {
    const rest = sentence.slice(i);
    const ch = rest[0] ?? "";
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const number = /^\d/.test(ch) ? NUMBER.exec(rest) : null;
    if (number) {
      // "1er", "2e", "XXIe": an ordinal reads as one word.
      const ordinal = /^(er|re|ère|e|ème|èmes|es|nd|nde|ndes|nds)(?![\p{L}\p{N}])/u.exec(
        rest.slice(number[0].length),
      );
      const text = number[0] + (ordinal?.[0] ?? "");
      pieces.push({ text, start: i, kind: ordinal ? "word" : "number" });
      i += text.length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      pieces.push({ text: word[0], start: i, kind: "word" });
      i += word[0].length;
      continue;
    }
    const ellipsis = ELLIPSIS.exec(rest);
    const text = ellipsis?.[0] ?? String.fromCodePoint(rest.codePointAt(0) ?? 0);
    pieces.push({ text, start: i, kind: SYMBOL.test(text) ? "symbol" : "punct" });
    i += text.length;
  }
  return pieces;
}

function makeToken(text: string, start: number, kind: TokenKind, extra: Partial<Token> = {}): Token {
  return {
    text,
    start,
    end: start + text.length,
    kind,
    norm: text.replace(/’/g, "'"),
    ...(kind === "number" ? { value: numberValue(text) } : {}),
    ...extra,
  };
}

/** Splits elisions off the front of a word, repeatedly: "qu'aujourd'hui" → "qu'", "aujourd'hui". */
function splitWord(piece: Piece, known: (form: string) => boolean): Token[] {
  const tokens: Token[] = [];
  let text = piece.text;
  let start = piece.start;
  const whole = (t: string) => WHOLE_WITH_APOSTROPHE.test(t) || known(t.replace(/’/g, "'").toLowerCase());
  while (!whole(text)) {
    const elided = ELIDED.exec(text);
    if (!elided || elided[0].length === text.length) break;
    tokens.push(makeToken(elided[0], start, "word", { elided: true }));
    text = text.slice(elided[0].length);
    start += elided[0].length;
  }
  // Inversions: only on a lower-case verb, so that "Jean-Le Pen"-like names stay whole.
  const firstHyphen = text.indexOf("-");
  if (firstHyphen > 0 && text[0] === text[0]?.toLowerCase() && !whole(text)) {
    INVERSION.lastIndex = 0;
    const head = text.slice(0, firstHyphen);
    const tail = text.slice(firstHyphen);
    const clitics = [...tail.matchAll(INVERSION)];
    if (clitics.length > 0 && clitics.map((m) => m[0]).join("") === tail) {
      tokens.push(makeToken(head, start, "word"));
      let at = start + head.length;
      for (const m of clitics) {
        tokens.push(makeToken(m[0], at, "word", { clitic: true }));
        at += m[0].length;
      }
      return tokens;
    }
  }
  tokens.push(makeToken(text, start, "word"));
  return tokens;
}

/**
 * `known` tells whether the lexicon holds a whole form ("rendez-vous",
 * "c'est-à-dire"), which then stays one token; without a lexicon, the rules alone decide.
 */
export function tokenize(sentence: string, known: (form: string) => boolean = () => false): Token[] {
  return scan(sentence).flatMap((piece) =>
    piece.kind === "word" ? splitWord(piece, known) : [makeToken(piece.text, piece.start, piece.kind)],
  );
}
