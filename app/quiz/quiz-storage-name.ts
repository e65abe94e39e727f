/** The localStorage key of a quiz's saved attempt and history; its own module so pages can check for it cheaply. */
export function quizStorageName(persistKey: string): string {
  return `glose-quiz:${persistKey}`;
}
