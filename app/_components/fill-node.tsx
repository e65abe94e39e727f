import type { ReactNode } from "react";

/** Stands in a translated string where an element goes; a private-use character no copy contains. */
export const SLOT = "\uE000";

/**
 * A translated sentence with one element in it (a `<time>`, a `<code>`):
 * translate with `{ value: SLOT }`, then put the element where SLOT landed,
 * so words and punctuation around it stay in the locale file, in their order.
 */
export function fillNode(translated: string, node: ReactNode): ReactNode {
  const index = translated.indexOf(SLOT);
  if (index < 0) return translated;
  return (
    <>
      {translated.slice(0, index)}
      {node}
      {translated.slice(index + SLOT.length)}
    </>
  );
}
