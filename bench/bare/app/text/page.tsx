// The bench's control page: the bare page plus the article's title and first
// four paragraphs, as plain HTML with no stylesheet and no script of its own.
// It answers "what does showing real text cost in Lighthouse here?", so that
// the app's performance can be read against a page that shows content, not
// only against one short sentence. Read at build time (the page is static).
import { readFileSync } from "node:fs";
import path from "node:path";

const PARAGRAPHS_SHOWN = 4;

function articleOpening() {
  // `npm run bench` builds this template from bench/.bare/, two levels under the app.
  const source = path.join(
    process.cwd(),
    "..",
    "..",
    "questions",
    "articles",
    "ai-talent-race",
    "source.fr.txt",
  );
  const [title, ...rest] = readFileSync(source, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return { title, paragraphs: rest.slice(0, PARAGRAPHS_SHOWN) };
}

export default function TextPage() {
  const { title, paragraphs } = articleOpening();
  return (
    <main lang="fr">
      <h1>{title}</h1>
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </main>
  );
}
