/**
 * Paragraphs and sentences of a French text. A sentence ends at . ! ? … (and
 * their closing quotes or brackets) when what follows starts a sentence: a
 * capital, an opening quote, a dialogue dash. Abbreviations (M., Mme, p. ex.,
 * c.-à-d.), initials (J. K.), decimal commas and numbers never end one.
 * Every sentence is an exact slice of its paragraph, so the sentences joined
 * with one space give the paragraph back.
 */

export interface SegmentedText {
  /** The first line when it reads as a title (no final stop, and more text follows). */
  title?: string;
  paragraphs: string[][];
}

/** Abbreviations that take a full stop in French and are followed by more of the sentence. */
const ABBREVIATIONS = new Set(
  [
    "M",
    "MM",
    "Mme",
    "Mmes",
    "Mlle",
    "Mlles",
    "Dr",
    "Pr",
    "Me",
    "Mgr",
    "St",
    "Ste",
    "av",
    "apr",
    "bd",
    "boul",
    "cf",
    "chap",
    "env",
    "ex",
    "fig",
    "hab",
    "janv",
    "févr",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "déc",
    "min",
    "n°",
    "no",
    "p",
    "pp",
    "réf",
    "s",
    "tél",
    "vol",
    "éd",
    "art",
    "coll",
    "dir",
    "hist",
    "gén",
    "col",
    "cap",
    "lt",
    "sgt",
    "adj",
    "ca",
    "resp",
    "qqn",
    "qqch",
    "vs",
    "etc",
  ].map((a) => a.toLowerCase()),
);

/** Words that end an abbreviation even before a capital: "etc." is usually the end of a list. */
const ENDS_SENTENCE_BEFORE_CAPITAL = new Set(["etc", "ex", "min", "no", "s", "col", "cap", "art"]);

const CLOSERS = `»"”’')]`;
const OPENERS = `«"“‘'([`;
const DASHES = "—–-";

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** The word right before position `end` (exclusive), with its inner dots: "p. ex" → "ex", "c.-à-d" → "c.-à-d". */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{N}°.-]/u.test(text[start - 1] ?? "")) start--;
  return text.slice(start, end).replace(/^[.-]+/, "");
}

/** Whether a full stop at `dot` belongs to an abbreviation or an initial rather than ending the sentence. */
function isAbbreviationDot(text: string, dot: number, next: string | undefined): boolean {
  const word = wordBefore(text, dot);
  if (word === "") return false;
  const last = word.split(/[.-]/).at(-1) ?? "";
  // "c.-à-d." "J.-C." "p.ex." "U.S.A.": a word with dots inside is an abbreviation.
  if (/[.]/.test(word) && /^(\p{L}{1,4}[.-]{1,2})+\p{L}{1,4}$/u.test(word)) return true;
  // Initials: "J. K. Rowling", "Charles M. Schulz".
  if (last.length === 1 && isUpper(last) && isUpper(next)) return true;
  const key = last.toLowerCase();
  if (!ABBREVIATIONS.has(key)) return false;
  // Case matters for the titles: "M." is Monsieur, "m." a lower-case word ending a sentence is rare.
  if (ENDS_SENTENCE_BEFORE_CAPITAL.has(key) && isUpper(next)) return false;
  return true;
}

/** Whether a sentence can start at `i`: a capital, a digit, an opening quote or a dialogue dash. */
function startsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  if (isUpper(ch) || isDigit(ch)) return true;
  if (DASHES.includes(ch)) return text[i + 1] === " " || isUpper(text[i + 1]);
  if (OPENERS.includes(ch) || ch === "¿" || ch === "¡") {
    let j = i + 1;
    while (text[j] === " " || text[j] === "\u00a0" || text[j] === "\u202f") j++;
    return isUpper(text[j]) || isDigit(text[j]) || text[j] === "." || text[j] === "…";
  }
  return false;
}

/**
 * How deep in quotation marks each character stands (« » and “ ”; a straight
 * " opens and closes in turn). A quotation that is never closed is ignored,
 * so one stray « cannot glue a whole paragraph into one sentence.
 */
export function quoteDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "«" || ch === "“") depth++;
    else if (ch === "»" || ch === "”") depth = Math.max(0, depth - 1);
    else if (ch === '"') {
      straightOpen = !straightOpen;
      depth = Math.max(0, depth + (straightOpen ? 1 : -1));
    }
    depths.push(depth);
  }
  return depth === 0 ? depths : depths.map(() => 0);
}

/**
 * Sentence boundaries of one paragraph: the offsets where each sentence starts.
 * A boundary is a run of terminators (. ! ? … and "..."), its closing quotes
 * and brackets, one space, and the start of a sentence.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  // Several sentences inside one quotation stay one: « Avant, on se croisait. Maintenant, on partage. »
  const depths = quoteDepths(paragraph);
  let start = 0;
  let i = 0;
  while (i < paragraph.length) {
    const ch = paragraph[i] ?? "";
    if (!".!?…".includes(ch)) {
      i++;
      continue;
    }
    let end = i;
    while (end < paragraph.length && ".!?…".includes(paragraph[end] ?? "")) end++;
    const terminators = paragraph.slice(i, end);
    // Closing quotes and brackets stay with the sentence, and so does the
    // (narrow) no-break space French puts before a closing ».
    for (;;) {
      const c = paragraph[end];
      if (c !== undefined && CLOSERS.includes(c)) end++;
      else if ((c === " " || c === "\u00a0" || c === "\u202f") && paragraph[end + 1] === "»") end += 2;
      else break;
    }
    const isSpace = paragraph[end] === " ";
    const next = paragraph[end + 1];
    let boundary = isSpace && startsSentence(paragraph, end + 1) && (depths[end - 1] ?? 0) === 0;
    if (boundary && terminators === "." && isAbbreviationDot(paragraph, i, next)) boundary = false;
    if (boundary) {
      sentences.push(paragraph.slice(start, end));
      start = end + 1;
      i = end + 1;
    } else {
      i = end;
    }
  }
  const rest = paragraph.slice(start);
  if (rest.trim()) sentences.push(rest);
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Whether a line reads as a title: short, with no final stop, and not dialogue. */
function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 30) return false;
  if (/[.…;,]$/.test(line)) return false;
  if (DASHES.includes(line[0] ?? "")) return false;
  return isUpper(line[0]) || isDigit(line[0]) || OPENERS.includes(line[0] ?? "");
}

/**
 * Paragraphs: with blank lines, each block is a paragraph and the line breaks
 * inside it were only wrapping (a dialogue dash still starts a new one);
 * without any, each line is a paragraph. The first line is the title when it
 * reads as one and more text follows.
 */
export function segmentText(text: string): SegmentedText {
  const lines = text.split("\n");
  let blocks: string[];
  if (lines.some((line) => line.trim() === "")) {
    blocks = [];
    let current: string[] = [];
    const flush = () => {
      if (current.length) blocks.push(current.join(" "));
      current = [];
    };
    for (const line of lines) {
      if (line.trim() === "") flush();
      else if (DASHES.includes(line[0] ?? "") && (line[1] === " " || isUpper(line[1])) && current.length) {
        flush();
        current.push(line);
      } else if (blocks.length === 0 && current.length === 0) {
        current.push(line);
        // A title line stands alone even when the text runs on without a blank line after it.
        if (looksLikeTitle(line)) flush();
      } else current.push(line);
    }
    flush();
  } else {
    blocks = lines.filter((line) => line.trim() !== "");
  }

  let title: string | undefined;
  if (blocks.length > 1 && looksLikeTitle(blocks[0] ?? "")) {
    title = blocks.shift();
  }
  const paragraphs = blocks.map(splitSentences).filter((p) => p.length > 0);
  return { ...(title !== undefined ? { title } : {}), paragraphs };
}
