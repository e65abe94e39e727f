"use client";

import { COMFORT_BAND } from "@/questions/words/coverage";
import { formatPercent } from "@/app/words/format";
import { useArticleCoverage } from "./coverage-library";

/**
 * "You know about N % of its words", and where that stands against the
 * 95–98 % band of comfortable reading (Laufer & Ravenhorst-Kalovski 2010).
 * Nothing on a device with no saved words.
 */
export function ArticleCoverage({ slug }: { slug: string }) {
  const coverage = useArticleCoverage(slug);
  if (!coverage) return null;
  const { value, labels, lng } = coverage;
  const percent = formatPercent(value.ratio, lng);
  return (
    <div className={`coverage coverage--${value.band}`}>
      <p className="coverage__line">
        {labels.line.replace("{percent}", percent)} — {labels.bands[value.band]}
      </p>
      <div className="coverage__meter" role="img" aria-label={labels.meter.replace("{percent}", percent)}>
        <span
          className="coverage__band"
          style={{
            left: `${COMFORT_BAND.minimal * 100}%`,
            width: `${(COMFORT_BAND.comfortable - COMFORT_BAND.minimal) * 100}%`,
          }}
        />
        <span className="coverage__fill" style={{ width: `${Math.round(value.ratio * 1000) / 10}%` }} />
      </div>
    </div>
  );
}
