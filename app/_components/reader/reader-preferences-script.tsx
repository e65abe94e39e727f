import { READER_PREFERENCES_KEY } from "./reader-preferences-key";

/**
 * Runs before paint, so the English is shown or hidden as the learner left it
 * without a flash. Without JavaScript the attribute is never set and the CSS
 * shows every translation.
 */
const script = `(function(){var v="false";try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(
  READER_PREFERENCES_KEY,
)})||"null");if(s&&s.state&&s.state.showEnglish===true)v="true"}catch(e){}document.documentElement.dataset.showEn=v})();`;

export function ReaderPreferencesScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
