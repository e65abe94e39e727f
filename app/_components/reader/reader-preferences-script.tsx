import { FRENCH_VOICE_KEY, READER_PREFERENCES_KEY } from "./reader-preferences-key";

/**
 * Runs before paint, so the English is shown or hidden as the learner left it
 * without a flash. Without JavaScript the attribute is never set and the CSS
 * shows every translation.
 *
 * It also lays out the speech controls at once where this browser had a
 * French voice before: browsers list their voices only some time after load,
 * and controls appearing then would push the text down (layout shift).
 */
const script = `(function(){var d=document.documentElement,v="false";try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(
  READER_PREFERENCES_KEY,
)})||"null");if(s&&s.state&&s.state.showEnglish===true)v="true";if(localStorage.getItem(${JSON.stringify(
  FRENCH_VOICE_KEY,
)})==="1")d.dataset.voice="fr"}catch(e){}d.dataset.showEn=v})();`;

export function ReaderPreferencesScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
