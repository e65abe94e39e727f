import type { CefrLevel } from "@/questions/levels";

export interface LibraryFilterProps {
  levels: CefrLevel[];
  legend: string;
  all: string;
  /** Names the level chips for screen readers ("Level B1"). */
  levelName: (level: CefrLevel) => string;
}

/**
 * Radio buttons that filter the library by level with CSS alone (`:has()`,
 * see library.css): it works before any script has loaded, costs no
 * JavaScript and moves nothing on the first paint. Not a form to submit.
 */
export function LibraryFilter({ levels, legend, all, levelName }: LibraryFilterProps) {
  return (
    <fieldset className="library-filter">
      <legend className="library-filter__legend">{legend}</legend>
      <div className="library-filter__chips">
        <label className="library-chip">
          <input type="radio" name="library-level" value="all" defaultChecked />
          <span>{all}</span>
        </label>
        {levels.map((level) => (
          <label key={level} className="library-chip">
            <input type="radio" name="library-level" value={level} aria-label={levelName(level)} />
            <span aria-hidden="true">{level}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
