import "server-only";
import { libraryEntries, type LibraryEntry } from "@/questions/library";
import { getAllArticleBundles, getArticleFamilies } from "./content";

/** The repository's texts for the library, each once with its levels. */
export function getLibraryEntries(): LibraryEntry[] {
  // The family rules are checked once, with the families themselves.
  getArticleFamilies();
  return libraryEntries(getAllArticleBundles());
}
