"use client";

import { useEffect, useRef, useState } from "react";
import { useReaderPreferences } from "./reader-preferences";
import { useFrenchSpeech } from "./use-french-speech";

export interface ListenButtonProps {
  text: string;
  label: string;
  stopLabel: string;
}

export function ListenButton({ text, label, stopLabel }: ListenButtonProps) {
  const canSpeak = useFrenchSpeech();
  const slow = useReaderPreferences((s) => s.slowSpeech);
  const [speaking, setSpeaking] = useState(false);
  const stopRef = useRef<(() => void) | null>(null);

  useEffect(() => () => stopRef.current?.(), []);

  if (!canSpeak) return null;

  async function toggle() {
    if (speaking) {
      stopRef.current?.();
      setSpeaking(false);
      return;
    }
    const { speakFrench } = await import("./speech");
    setSpeaking(true);
    stopRef.current = speakFrench(text, slow, () => setSpeaking(false));
  }

  return (
    <button
      type="button"
      className="icon-button"
      onClick={toggle}
      aria-pressed={speaking}
      aria-label={speaking ? stopLabel : label}
      title={speaking ? stopLabel : label}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        {speaking ? (
          <rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" />
        ) : (
          <path
            fill="currentColor"
            d="M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"
          />
        )}
      </svg>
    </button>
  );
}
