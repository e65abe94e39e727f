import { sortedGlossary } from "@/questions/article";
import type { Vocabulary } from "@/questions/schema";
import type { GlossLabels } from "./gloss-popovers";

export interface GlossaryProps {
  vocabulary: Vocabulary;
  heading: string;
  intro: string;
  labels: GlossLabels;
}

export function Glossary({ vocabulary, heading, intro, labels }: GlossaryProps) {
  return (
    <section className="glossary" aria-labelledby="glossary-heading" id="glossary">
      <h2 id="glossary-heading" className="section-title">
        {heading}
      </h2>
      <p className="glossary__intro">{intro}</p>
      <dl className="glossary__list">
        {sortedGlossary(vocabulary).map((term) => (
          <div key={term.id} className="glossary__entry" id={`term-${term.id}`}>
            <dt lang="fr">{term.lemma}</dt>
            <dd>
              <span className="glossary__grammar">
                {labels.partOfSpeech(term.pos)}
                {term.gender ? `, ${labels.gender(term.gender)}` : ""} · {term.level}
              </span>
              <span lang="en" className="glossary__gloss">
                {term.gloss}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
