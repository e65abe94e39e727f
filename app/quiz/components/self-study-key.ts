/** The persist key of an article's self-study quiz; the home page's history reads the same one. */
export const SELF_STUDY_KEY = (slug: string) => `self-study:${slug}`;
