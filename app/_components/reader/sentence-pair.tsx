"use client";

import { useState, type ReactNode } from "react";
import { ListenButton } from "./listen-button";

export interface SentencePairLabels {
  show: string;
  hide: string;
  listen: string;
  stop: string;
}

export interface SentencePairProps {
  id: string;
  /** The French, already marked up with glossed terms on the server. */
  french: ReactNode;
  /** Plain French text, for speech. */
  frenchText: string;
  english: string;
  labels: SentencePairLabels;
}

/**
 * One French sentence and its English twin, side by side from 768 px, stacked
 * on a phone where the English opens on demand.
 */
export function SentencePair({ id, french, frenchText, english, labels }: SentencePairProps) {
  const [revealed, setRevealed] = useState(false);
  const englishId = `${id}-en`;
  return (
    <div className="pair" id={id} data-revealed={revealed ? "true" : undefined}>
      <div className="pair__fr">
        <p lang="fr" className="pair__text">
          {french}
        </p>
        <div className="pair__tools">
          <ListenButton text={frenchText} label={labels.listen} stopLabel={labels.stop} />
          <button
            type="button"
            className="icon-button reveal-button"
            aria-expanded={revealed}
            aria-controls={englishId}
            aria-label={revealed ? labels.hide : labels.show}
            title={revealed ? labels.hide : labels.show}
            onClick={() => setRevealed((open) => !open)}
          >
            <span aria-hidden="true">EN</span>
          </button>
        </div>
      </div>
      <p lang="en" className="pair__en" id={englishId}>
        {english}
      </p>
    </div>
  );
}
