/**
 * A teacher's article, published in the studio: the reader page itself,
 * rendered on each request from the database. Learners never see this
 * address: proxy.ts rewrites `/[lng]/read/[slug]` here for any slug the
 * repository does not have.
 */
export { default, generateMetadata } from "../../../read/[slug]/page";

export const dynamic = "force-dynamic";
