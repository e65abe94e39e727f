/**
 * @jest-environment node
 *
 * Sentences and tokens of tricky French: abbreviations, decimal commas,
 * ellipses, guillemets, dialogue, titles, elisions with either apostrophe,
 * hyphens, numbers and units, names, and texts with no final full stop.
 */
import { normalizeText } from "@/questions/analysis/input";
import { segmentText, splitSentences } from "@/questions/analysis/segment";
import { tokenize } from "@/questions/analysis/tokenize";

const SPLITS: readonly [string, string, string[]][] = [
  [
    "M. before a name",
    "M. Dupont est arrivé. Il a salué tout le monde.",
    ["M. Dupont est arrivé.", "Il a salué tout le monde."],
  ],
  [
    "Mme and Mlle",
    "Mme Martin et Mlle Roux sont là. Elles attendent.",
    ["Mme Martin et Mlle Roux sont là.", "Elles attendent."],
  ],
  [
    "MM. for several men",
    "MM. Durand et Leroy ont signé. La réunion est close.",
    ["MM. Durand et Leroy ont signé.", "La réunion est close."],
  ],
  [
    "Dr.",
    "Le Dr. Petit reçoit le mardi. Prenez rendez-vous.",
    ["Le Dr. Petit reçoit le mardi.", "Prenez rendez-vous."],
  ],
  [
    "p. ex. inside a sentence",
    "Certains fruits, p. ex. les pommes, se gardent longtemps. Les fraises, non.",
    ["Certains fruits, p. ex. les pommes, se gardent longtemps.", "Les fraises, non."],
  ],
  [
    "c.-à-d.",
    "Il part demain, c.-à-d. Mardi pour lui. Nous restons.",
    ["Il part demain, c.-à-d. Mardi pour lui.", "Nous restons."],
  ],
  [
    "etc. ending a sentence",
    "On vend des pommes, des poires, etc. Le marché ferme à midi.",
    ["On vend des pommes, des poires, etc.", "Le marché ferme à midi."],
  ],
  [
    "etc. inside a sentence",
    "Des pommes, des poires, etc. sont en vente. Venez tôt.",
    ["Des pommes, des poires, etc. sont en vente.", "Venez tôt."],
  ],
  [
    "cf. and p.",
    "Voir le chapitre 3 (cf. p. 12). La suite vient après.",
    ["Voir le chapitre 3 (cf. p. 12).", "La suite vient après."],
  ],
  [
    "initials",
    "J. K. Rowling a écrit sept livres. Ils se vendent bien.",
    ["J. K. Rowling a écrit sept livres.", "Ils se vendent bien."],
  ],
  [
    "J.-C.",
    "Rome fut fondée vers 753 av. J.-C. selon la légende. Les historiens en doutent.",
    ["Rome fut fondée vers 753 av. J.-C. selon la légende.", "Les historiens en doutent."],
  ],
  ["decimal comma", "Le prix est de 14,3 euros. C'est cher.", ["Le prix est de 14,3 euros.", "C'est cher."]],
  [
    "a number ends a sentence",
    "Le village compte 300 habitants en 2024. Il en comptait 500.",
    ["Le village compte 300 habitants en 2024.", "Il en comptait 500."],
  ],
  ["decimal point", "La note passe de 3.5 à 4. Bravo.", ["La note passe de 3.5 à 4.", "Bravo."]],
  [
    "thousands with spaces",
    "Il y a 1 000 000 d'habitants. Beaucoup travaillent.",
    ["Il y a 1 000 000 d'habitants.", "Beaucoup travaillent."],
  ],
  [
    "ellipsis then lower case",
    "Il hésita… puis il partit. Personne ne le revit.",
    ["Il hésita… puis il partit.", "Personne ne le revit."],
  ],
  ["ellipsis then capital", "Il attendit… Rien ne vint.", ["Il attendit…", "Rien ne vint."]],
  ["three dots", "Et puis... Plus rien. Le silence.", ["Et puis...", "Plus rien.", "Le silence."]],
  [
    "question mark inside guillemets",
    "« Tu viens ? » demanda-t-il. Elle ne répondit pas.",
    ["« Tu viens ? » demanda-t-il.", "Elle ne répondit pas."],
  ],
  [
    "full stop inside guillemets",
    "Il a dit : « Je pars. » Puis il est parti.",
    ["Il a dit : « Je pars. »", "Puis il est parti."],
  ],
  [
    "no-break spaces in guillemets",
    "Elle a crié\u00a0: «\u00a0Attention\u00a0!\u00a0» Tout le monde s'est arrêté.",
    ["Elle a crié\u00a0: «\u00a0Attention\u00a0!\u00a0»", "Tout le monde s'est arrêté."],
  ],
  ["English quotes", 'Il a écrit "merci." Puis il a signé.', ['Il a écrit "merci."', "Puis il a signé."]],
  [
    "exclamation with lower case after",
    "Quelle chance ! dit-elle en riant. Nous étions ravis.",
    ["Quelle chance ! dit-elle en riant.", "Nous étions ravis."],
  ],
  [
    "dialogue dashes",
    "— Tu viens ? — Oui, j'arrive. — Alors dépêche-toi !",
    ["— Tu viens ?", "— Oui, j'arrive.", "— Alors dépêche-toi !"],
  ],
  ["?! together", "Tu as vu ça ?! Incroyable.", ["Tu as vu ça ?!", "Incroyable."]],
  [
    "brackets after a stop",
    "Le musée est fermé (travaux.) Il rouvre lundi.",
    ["Le musée est fermé (travaux.)", "Il rouvre lundi."],
  ],
  [
    "no final full stop",
    "Le marché ouvre à 8 h. Les clients arrivent tôt",
    ["Le marché ouvre à 8 h.", "Les clients arrivent tôt"],
  ],
  [
    "typographic apostrophe",
    "L’école ouvre lundi. Aujourd’hui, elle est fermée.",
    ["L’école ouvre lundi.", "Aujourd’hui, elle est fermée."],
  ],
  [
    "a colon never ends a sentence",
    "Voici la règle : on ne court pas. C'est tout.",
    ["Voici la règle : on ne court pas.", "C'est tout."],
  ],
  [
    "a title ending in a question mark",
    "Faut-il avoir peur ? Non. Pas du tout.",
    ["Faut-il avoir peur ?", "Non.", "Pas du tout."],
  ],
];

describe("splitting sentences", () => {
  it.each(SPLITS)("%s", (_, paragraph, sentences) => {
    expect(splitSentences(paragraph)).toEqual(sentences);
    // The sentences joined with one space give the paragraph back.
    expect(sentences.join(" ")).toBe(paragraph);
  });
});

describe("paragraphs and titles", () => {
  it("takes a first line with no final stop as the title, one paragraph per line", () => {
    const result = segmentText(
      "Le marché de Dinan\nLe samedi, tout le monde y va. On y trouve de tout.\nLe soir, il ferme.",
    );
    expect(result.title).toBe("Le marché de Dinan");
    expect(result.paragraphs).toEqual([
      ["Le samedi, tout le monde y va.", "On y trouve de tout."],
      ["Le soir, il ferme."],
    ]);
  });

  it("joins wrapped lines inside blank-line paragraphs, and keeps a dialogue dash as a new paragraph", () => {
    const text = normalizeText("Un titre\n\nLa première ligne\ncontinue ici.\n— Vraiment ?\n\nFin du texte.");
    expect(segmentText(text)).toEqual({
      title: "Un titre",
      paragraphs: [["La première ligne continue ici."], ["— Vraiment ?"], ["Fin du texte."]],
    });
  });

  it("has no title when the first line ends with a full stop", () => {
    const result = segmentText("Il pleut. Le jardin boit.\nDemain, il fera beau.");
    expect(result.title).toBeUndefined();
    expect(result.paragraphs).toHaveLength(2);
  });

  it("has no title when the text is a single line, even without a final stop", () => {
    expect(segmentText("Une seule phrase sans point final")).toEqual({
      paragraphs: [["Une seule phrase sans point final"]],
    });
  });

  it("normalises line breaks, spaces and invisible characters", () => {
    expect(normalizeText("\ufeffUn  titre\r\n\r\n\r\n\r\nUne\u200b phrase.\u000c Une autre. ")).toBe(
      "Un titre\n\nUne phrase. Une autre.",
    );
  });
});

const texts = (sentence: string) => tokenize(sentence).map((t) => t.text);

describe("tokens", () => {
  it.each([
    ["l' with a straight apostrophe", "l'école", ["l'", "école"]],
    ["l’ with a typographic apostrophe", "l’école", ["l’", "école"]],
    ["d' before a name", "d'OpenAI", ["d'", "OpenAI"]],
    ["qu'", "qu'il vienne", ["qu'", "il", "vienne"]],
    ["jusqu'", "jusqu’à midi", ["jusqu’", "à", "midi"]],
    ["lorsqu'", "lorsqu'elle part", ["lorsqu'", "elle", "part"]],
    ["two elisions in a row", "qu'aujourd'hui", ["qu'", "aujourd'hui"]],
    ["aujourd'hui stays whole", "aujourd’hui", ["aujourd’hui"]],
    ["quelqu'un stays whole", "quelqu'un", ["quelqu'un"]],
    ["hyphenated words stay whole", "peut-être un porte-monnaie", ["peut-être", "un", "porte-monnaie"]],
    ["inversion with -t-", "a-t-il", ["a", "-t-il"]],
    ["inversion", "demanda-t-elle, dit-il", ["demanda", "-t-elle", ",", "dit", "-il"]],
    ["imperative with two pronouns", "donne-le-moi", ["donne", "-le", "-moi"]],
    ["a hyphenated name", "Jean-Pierre arrive", ["Jean-Pierre", "arrive"]],
    ["decimal comma", "14,3 milliards", ["14,3", "milliards"]],
    ["thousands with no-break spaces", "1\u00a0000 euros", ["1\u00a0000", "euros"]],
    ["a percentage", "10 % des élèves", ["10", "%", "des", "élèves"]],
    ["a unit", "3,5 km à pied", ["3,5", "km", "à", "pied"]],
    ["an ordinal", "le 1er mai et le XXIe siècle", ["le", "1er", "mai", "et", "le", "XXIe", "siècle"]],
    ["guillemets and dashes", "« Oui » — non", ["«", "Oui", "»", "—", "non"]],
    ["ellipsis", "Et puis...", ["Et", "puis", "..."]],
    ["a euro sign", "20 €", ["20", "€"]],
    [
      "acronyms and camel case",
      "l'IA de OpenAI et l'iPhone",
      ["l'", "IA", "de", "OpenAI", "et", "l'", "iPhone"],
    ],
  ])("%s", (_, sentence, expected) => {
    expect(texts(sentence)).toEqual(expected);
  });

  it("keeps offsets that slice the sentence back, with values for numbers", () => {
    const sentence = "Il a investi 14,3 milliards, soit 1 000 000 fois plus qu’en 2020.";
    const tokens = tokenize(sentence);
    for (const token of tokens) expect(sentence.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.filter((t) => t.kind === "number").map((t) => t.value)).toEqual([14.3, 1_000_000, 2020]);
    expect(tokens.find((t) => t.text === "qu’")).toMatchObject({ norm: "qu'", elided: true });
  });

  it("treats markup as text: angle brackets are punctuation, words stay words", () => {
    expect(texts("<script>alert(1)</script>")).toEqual([
      "<",
      "script",
      ">",
      "alert",
      "(",
      "1",
      ")",
      "<",
      "/",
      "script",
      ">",
    ]);
  });

  it("keeps a lexicon's known hyphenated forms whole", () => {
    expect(texts("rendez-vous")).toEqual(["rendez", "-vous"]);
    expect(tokenize("rendez-vous", (form) => form === "rendez-vous").map((t) => t.text)).toEqual([
      "rendez-vous",
    ]);
  });
});

describe("quotations", () => {
  it("keeps several sentences inside one quotation as one sentence", () => {
    expect(
      splitSentences("« Avant, on ne se parlait pas. Maintenant, on partage tout. » Selon lui, c'est mieux."),
    ).toEqual(["« Avant, on ne se parlait pas. Maintenant, on partage tout. »", "Selon lui, c'est mieux."]);
  });

  it("ignores a quotation mark that is never closed", () => {
    expect(splitSentences("Il a dit « bonjour. Puis il est parti.")).toEqual([
      "Il a dit « bonjour.",
      "Puis il est parti.",
    ]);
  });
});
