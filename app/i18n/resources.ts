/**
 * Every namespace of every language, bundled statically: the server needs no
 * file reads, and client components receive only the namespaces they use.
 */
import "server-only";
import enAssignment from "@/locales/en/assignment.json";
import enCommon from "@/locales/en/common.json";
import enErrors from "@/locales/en/errors.json";
import enHome from "@/locales/en/home.json";
import enQuiz from "@/locales/en/quiz.json";
import enReader from "@/locales/en/reader.json";
import enStudio from "@/locales/en/studio.json";
import enTeach from "@/locales/en/teach.json";
import enWords from "@/locales/en/words.json";
import frAssignment from "@/locales/fr/assignment.json";
import frCommon from "@/locales/fr/common.json";
import frErrors from "@/locales/fr/errors.json";
import frHome from "@/locales/fr/home.json";
import frQuiz from "@/locales/fr/quiz.json";
import frReader from "@/locales/fr/reader.json";
import frStudio from "@/locales/fr/studio.json";
import frTeach from "@/locales/fr/teach.json";
import frWords from "@/locales/fr/words.json";
import type { Locale } from "@/i18n-config";

export { defaultNamespace } from "./settings";

export const resources = {
  en: {
    common: enCommon,
    home: enHome,
    reader: enReader,
    quiz: enQuiz,
    teach: enTeach,
    assignment: enAssignment,
    errors: enErrors,
    studio: enStudio,
    words: enWords,
  },
  fr: {
    common: frCommon,
    home: frHome,
    reader: frReader,
    quiz: frQuiz,
    teach: frTeach,
    assignment: frAssignment,
    errors: frErrors,
    studio: frStudio,
    words: frWords,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)["en"];

/** The resources of some namespaces of one language: what a client provider needs. */
export function pickResources(lng: Locale, namespaces: readonly Namespace[]) {
  return Object.fromEntries(namespaces.map((ns) => [ns, resources[lng][ns]])) as Partial<
    (typeof resources)["en"]
  >;
}
