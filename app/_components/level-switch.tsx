import "server-only";
import Link from "next/link";
import type { Locale } from "@/i18n-config";
import type { FamilyLevel } from "@/questions/families";

export interface LevelSwitchProps {
  lng: Locale;
  /** The levels of the text, easiest first; nothing is drawn for a text at one level. */
  levels: FamilyLevel[];
  current: string;
  /** Where each level leads: its reader or its quiz. */
  page: "read" | "quiz";
  /** Names the navigation ("This text at other levels"). */
  label: string;
  /** Shown before the links ("Level"). */
  caption: string;
}

/**
 * The same text at its other levels: plain links, so it costs no JavaScript
 * and each level keeps its own address (the reader and quiz of that level).
 */
export function LevelSwitch({ lng, levels, current, page, label, caption }: LevelSwitchProps) {
  if (levels.length < 2) return null;
  return (
    <nav className="level-switch" aria-label={label}>
      <span className="level-switch__caption" aria-hidden="true">
        {caption}
      </span>
      <ul className="level-switch__list">
        {levels.map((level) => (
          <li key={level.slug}>
            <Link
              prefetch={false}
              className="level-switch__link"
              href={`/${lng}/${page}/${level.slug}`}
              aria-current={level.slug === current ? "page" : undefined}
            >
              {level.level}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
