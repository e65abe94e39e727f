import type { Term, Vocabulary } from "@/questions/schema";

export interface GlossLabels {
  close: string;
  partOfSpeech: (pos: Term["pos"]) => string;
  gender: (gender: NonNullable<Term["gender"]>) => string;
  level: (level: string) => string;
}

export function GlossPopovers({ vocabulary, labels }: { vocabulary: Vocabulary; labels: GlossLabels }) {
  return (
    <>
      {vocabulary.map((term) => (
        <div
          key={term.id}
          id={`gloss-${term.id}`}
          popover="auto"
          role="dialog"
          className="gloss-popover"
          aria-labelledby={`gloss-${term.id}-lemma`}
        >
          <div className="gloss-popover__head">
            <p id={`gloss-${term.id}-lemma`} lang="fr" className="gloss-popover__lemma">
              {term.lemma}
            </p>
            <button
              type="button"
              className="icon-button"
              popoverTarget={`gloss-${term.id}`}
              popoverTargetAction="hide"
              aria-label={labels.close}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                <path
                  fill="currentColor"
                  d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"
                />
              </svg>
            </button>
          </div>
          <p className="gloss-popover__grammar">
            {labels.partOfSpeech(term.pos)}
            {term.gender ? `, ${labels.gender(term.gender)}` : ""}
            <span className="badge badge--small">{labels.level(term.level)}</span>
          </p>
          <p lang="en" className="gloss-popover__gloss">
            {term.gloss}
          </p>
        </div>
      ))}
    </>
  );
}
