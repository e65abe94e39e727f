"use client";

import { useEffect } from "react";
import { useReaderPreferences } from "./reader-preferences";

export interface ReaderToolbarLabels {
  toolbar: string;
  showAllEnglish: string;
  speed: string;
  speedNormal: string;
  speedSlow: string;
}

export function ReaderToolbar({ labels }: { labels: ReaderToolbarLabels }) {
  const showEnglish = useReaderPreferences((s) => s.showEnglish);
  const slowSpeech = useReaderPreferences((s) => s.slowSpeech);
  const setShowEnglish = useReaderPreferences((s) => s.setShowEnglish);
  const setSlowSpeech = useReaderPreferences((s) => s.setSlowSpeech);

  useEffect(() => {
    // Stored preferences are read after the first render, so server and client HTML agree.
    void useReaderPreferences.persist.rehydrate();
  }, []);

  return (
    <div role="group" aria-label={labels.toolbar} className="reader-toolbar">
      <label className="switch english-switch">
        <input
          type="checkbox"
          role="switch"
          checked={showEnglish}
          onChange={(event) => setShowEnglish(event.target.checked)}
        />
        <span className="switch__track" aria-hidden="true" />
        <span>{labels.showAllEnglish}</span>
      </label>
      {/* Always in the HTML; shown where there is a French voice (html[data-voice]), so it never pops in. */}
      <fieldset className="segmented">
        <legend>{labels.speed}</legend>
        <label>
          <input type="radio" name="speed" checked={!slowSpeech} onChange={() => setSlowSpeech(false)} />
          <span>{labels.speedNormal}</span>
        </label>
        <label>
          <input type="radio" name="speed" checked={slowSpeech} onChange={() => setSlowSpeech(true)} />
          <span>{labels.speedSlow}</span>
        </label>
      </fieldset>
    </div>
  );
}
