/**
 * Speaks French with the browser's own voices. Loaded only when a learner
 * presses "listen", so readers who never do pay nothing for it.
 */
function findFrenchVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const french = voices.filter((voice) => voice.lang.toLowerCase().startsWith("fr"));
  // Prefer France's French, then a local (offline-capable) voice.
  return (
    french.find((v) => v.lang.toLowerCase() === "fr-fr" && v.localService) ??
    french.find((v) => v.lang.toLowerCase() === "fr-fr") ??
    french.find((v) => v.localService) ??
    french[0]
  );
}

const NORMAL_RATE = 1;
/** Slow enough to hear each syllable, not so slow that the prosody breaks. */
const SLOW_RATE = 0.7;

export function speakFrench(text: string, slow: boolean, onEnd: () => void): () => void {
  const synth = window.speechSynthesis;
  synth.cancel(); // One sentence at a time.
  const utterance = new SpeechSynthesisUtterance(text);
  const voice = findFrenchVoice(synth.getVoices());
  if (voice) utterance.voice = voice;
  utterance.lang = voice?.lang ?? "fr-FR";
  utterance.rate = slow ? SLOW_RATE : NORMAL_RATE;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  synth.speak(utterance);
  return () => synth.cancel();
}
