/**
 * Levels of one article. Articles whose `article.json` names the same
 * `family` are one text written at several CEFR levels (the seed at B2, its
 * graded rewrites at A2 and B1). They share their fact ids: a fact states the
 * same claim at every level, in that level's own words, so a question about
 * it exists at each level and a class taking the article at different levels
 * can be analysed fact by fact. A fact marked `levelOnly` is a claim only
 * some levels spell out. Pure functions; the loaders call `checkFamilies`.
 */
import type { Facts } from "./fact-schema";
import { CEFR_LEVELS, type Article, type CefrLevel } from "./schema";

/** What a family needs to know of each member. */
export interface FamilyMember {
  article: Pick<Article, "slug" | "family" | "level">;
  facts: Facts;
}

export interface FamilyLevel {
  level: CefrLevel;
  slug: string;
}

export interface ArticleFamily {
  /** The `family` the members name, or the slug of an article that names none. */
  id: string;
  /** Easiest first. */
  levels: FamilyLevel[];
}

export function familyId(article: Pick<Article, "slug" | "family">): string {
  return article.family ?? article.slug;
}

export function compareLevels(a: CefrLevel, b: CefrLevel): number {
  return CEFR_LEVELS.indexOf(a) - CEFR_LEVELS.indexOf(b);
}

/** Families in the order their first member comes in `articles`, each with its levels easiest first. */
export function groupFamilies(
  articles: readonly Pick<Article, "slug" | "family" | "level">[],
): ArticleFamily[] {
  const families = new Map<string, FamilyLevel[]>();
  for (const article of articles) {
    const id = familyId(article);
    families.set(id, [...(families.get(id) ?? []), { level: article.level, slug: article.slug }]);
  }
  return [...families].map(([id, levels]) => ({
    id,
    levels: levels.sort((a, b) => compareLevels(a.level, b.level)),
  }));
}

function asksSomething(fact: Facts[number]): boolean {
  return fact.questions.length + fact.trueFalse.length + (fact.exchange ?? []).length + fact.cloze.length > 0;
}

/**
 * What is wrong with the families of these articles, one message per problem,
 * each naming the article (and the fact) concerned:
 * - two members at the same level;
 * - a family named after an article that is not in it;
 * - a shared fact (not `levelOnly`) missing from a member, or asking
 *   something at one level and nothing at another;
 * - an id that is `levelOnly` at one level and shared at another.
 */
export function checkFamilies(members: readonly FamilyMember[]): string[] {
  const problems: string[] = [];
  const bySlug = new Map(members.map((m) => [m.article.slug, m]));
  const groups = new Map<string, FamilyMember[]>();
  for (const member of members) {
    const id = familyId(member.article);
    groups.set(id, [...(groups.get(id) ?? []), member]);
  }

  for (const [id, group] of groups) {
    const named = bySlug.get(id);
    if (named && familyId(named.article) !== id) {
      problems.push(
        `${group[0]?.article.slug}/article.json: field "family": "${id}" is the slug of an article outside this family ` +
          `(its family is "${familyId(named.article)}")`,
      );
    }
    const levels = new Map<CefrLevel, string>();
    for (const { article } of group) {
      const other = levels.get(article.level);
      if (other) {
        problems.push(
          `${article.slug}/article.json: field "level": ${article.level} is already the level of "${other}" in family "${id}"`,
        );
      }
      levels.set(article.level, article.slug);
    }
    if (group.length < 2) continue;

    // Every shared fact of the family, the members that state it and those that ask something about it.
    const shared = new Map<string, { in: string[]; asking: string[] }>();
    for (const { article, facts } of group) {
      for (const fact of facts.filter((f) => !f.levelOnly)) {
        const entry = shared.get(fact.id) ?? { in: [], asking: [] };
        entry.in.push(article.slug);
        if (asksSomething(fact)) entry.asking.push(article.slug);
        shared.set(fact.id, entry);
      }
    }
    for (const [factId, entry] of shared) {
      const holder = entry.in[0];
      for (const { article, facts } of group) {
        if (entry.in.includes(article.slug)) continue;
        problems.push(
          facts.some((f) => f.id === factId)
            ? `${article.slug}/facts.json: fact "${factId}" is levelOnly here but shared in "${holder}": ` +
                `a fact is levelOnly at every level that states it, or at none`
            : `${article.slug}/facts.json: fact "${factId}" is missing: every level of "${id}" states the shared ` +
                `facts ("${holder}" has it; mark it levelOnly where only some levels make that claim)`,
        );
      }
      if (entry.asking.length > 0 && entry.asking.length < entry.in.length) {
        const silent = entry.in.filter((slug) => !entry.asking.includes(slug));
        problems.push(
          `${silent.join(", ")}/facts.json: fact "${factId}" asks nothing there but asks something in ` +
            `"${entry.asking[0]}": a shared fact is asked at every level or at none`,
        );
      }
    }
  }
  return problems;
}
