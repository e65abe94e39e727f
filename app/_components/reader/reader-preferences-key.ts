export const READER_PREFERENCES_KEY = "glose:reader";
/** Set once this browser has shown a French voice, so the speech controls are laid out before the first paint next time. */
export const FRENCH_VOICE_KEY = "glose:french-voice";
