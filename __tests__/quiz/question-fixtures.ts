/**
 * Builds valid questions for the quiz tests without the generator: every
 * question goes through `questionSchema`, so the fixtures cannot drift from
 * the contract.
 */
import { questionSchema, type Question } from "@/questions/question-types";
import type { QuizSettings } from "@/app/quiz/quiz-state";

export function makeQuestion(id: string, overrides: Partial<Omit<Question, "id">> = {}): Question {
  return questionSchema.parse({
    id,
    kind: "comprehension-fr",
    topicId: `fact-${id}`,
    variant: 0,
    language: "fr",
    prompt: `Que dit l'article (${id}) ?`,
    stem: `Que dit l'article (${id}) ?`,
    stemEn: `What does the article say (${id})?`,
    options: [
      { id: "a", text: "Réponse A" },
      { id: "b", text: "Réponse B" },
      { id: "c", text: "Réponse C" },
    ],
    optionsLanguage: "fr",
    answerId: "a",
    support: "les mots qui le disent",
    evidenceSentenceId: "s1",
    explanation: { en: "Because the article says so.", fr: "Parce que l'article le dit." },
    difficulty: 1,
    ...overrides,
  });
}

/** Four questions of three kinds; the key is always "a", a wrong option is "b". */
export function makeQuestions(): Question[] {
  return [
    makeQuestion("q1", { kind: "comprehension-fr" }),
    makeQuestion("q2", { kind: "vocabulary", topicId: "term:t1" }),
    makeQuestion("q3", {
      kind: "comprehension-en",
      language: "en",
      stem: "What?",
      prompt: "What?",
      stemEn: "What?",
    }),
    makeQuestion("q4", { kind: "vocabulary", topicId: "term:t2" }),
  ];
}

export function makeSettings(overrides: Partial<QuizSettings> = {}): QuizSettings {
  return {
    options: {
      seed: 7,
      count: 4,
      kinds: ["comprehension-fr", "comprehension-en", "vocabulary"],
      language: "fr",
    },
    mode: "practice",
    helpsAllowed: true,
    articleSlug: "ai-talent-race",
    ...overrides,
  };
}
