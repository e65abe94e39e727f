import { segmentSentence } from "@/questions/article";
import type { Sentence, Vocabulary } from "@/questions/schema";

export interface FrenchTextProps {
  sentence: Sentence;
  vocabulary: Vocabulary;
  glossLabel: (term: string) => string;
}

/**
 * The sentence exactly as written, each glossed term a link to its glossary
 * entry. With JavaScript, GlossController turns the link into a button that
 * opens the gloss in a popover. A link, not a <button>, because only inline
 * text wraps naturally inside a long expression like "se livrent une bataille
 * sans merci"; without JavaScript it still leads to the gloss.
 */
export function FrenchText({ sentence, vocabulary, glossLabel }: FrenchTextProps) {
  return (
    <>
      {segmentSentence(sentence, vocabulary).map((segment, index) =>
        segment.termId ? (
          <a
            key={index}
            href={`#term-${segment.termId}`}
            className="term"
            data-term={segment.termId}
            aria-label={glossLabel(segment.text)}
          >
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
