/**
 * A teacher's article, published in the studio: the quiz page itself,
 * rendered on each request (see `published/read/[slug]/page.tsx`).
 */
export { default, generateMetadata } from "../../../quiz/[slug]/page";

export const dynamic = "force-dynamic";
