/**
 * The studio's part of the PostgreSQL store: drafts and published articles
 * (see `GloseStore`). Several servers may serve the same teacher:
 * - a save is one conditional UPDATE, so of two saves from one revision the
 *   database lets exactly one through;
 * - a publish locks the draft's row (FOR UPDATE) for its transaction, so a
 *   save or another publish of the same draft waits for it; the version
 *   counter and the version row are written in that transaction, or nothing.
 */
import "server-only";
import type postgres from "postgres";
import { z } from "zod";
import { toArticleVersion, toDraft, type rowSchemas } from "./rows";
import type { GloseStore, NewArticleVersion, PublishOutcome } from "./types";

type StudioMethods = Pick<
  GloseStore,
  "createDraft" | "getDraft" | "saveDraft" | "publishDraft" | "getArticleVersion"
>;

const revisionRow = z.object({ revision: z.number().int(), article_slug: z.string() });
const versionRow = z.object({ current_version: z.number().int() });

async function publish(tx: postgres.TransactionSql, p: NewArticleVersion): Promise<PublishOutcome> {
  const [raw] = await tx`SELECT revision, article_slug FROM drafts WHERE id = ${p.draftId} FOR UPDATE`;
  if (raw === undefined) return { status: "not-found" };
  const draft = revisionRow.parse(raw);
  if (draft.revision !== p.expectedRevision) return { status: "conflict", revision: draft.revision };
  const [bumped] = await tx`
    INSERT INTO articles (slug, draft_id, current_version, created_at, updated_at)
    VALUES (${draft.article_slug}, ${p.draftId}, 1, ${p.publishedAt}, ${p.publishedAt})
    ON CONFLICT (slug) DO UPDATE
      SET current_version = articles.current_version + 1, updated_at = excluded.updated_at
    RETURNING current_version`;
  const { current_version: version } = versionRow.parse(bumped);
  await tx`
    INSERT INTO article_versions (slug, version, title, level, files, draft_revision, published_at)
    VALUES (${draft.article_slug}, ${version}, ${p.title}, ${p.level}, ${p.files}, ${p.expectedRevision},
      ${p.publishedAt})`;
  return { status: "published", slug: draft.article_slug, version };
}

export function postgresStudioMethods(
  sql: postgres.Sql,
  ready: Promise<unknown>,
  rows: ReturnType<typeof rowSchemas>,
): StudioMethods {
  return {
    async createDraft(d) {
      await ready;
      const result = await sql`
        INSERT INTO drafts (id, owner_key_hash, article_slug, revision, document, created_at, updated_at)
        VALUES (${d.id}, ${d.ownerKeyHash}, ${d.articleSlug}, 1, ${d.document}, ${d.createdAt}, ${d.createdAt})
        ON CONFLICT DO NOTHING`;
      return result.count === 1;
    },
    async getDraft(id) {
      await ready;
      const [row] = await sql`
        SELECT d.*, a.current_version AS published_version
        FROM drafts d LEFT JOIN articles a ON a.slug = d.article_slug WHERE d.id = ${id}`;
      return row === undefined ? null : toDraft(rows.draft.parse(row));
    },
    async saveDraft(id, expected, document, updatedAt) {
      await ready;
      const [saved] = await sql`
        UPDATE drafts SET document = ${document}, revision = revision + 1, updated_at = ${updatedAt}
        WHERE id = ${id} AND revision = ${expected} RETURNING revision`;
      if (saved !== undefined)
        return { status: "saved", revision: revisionRow.shape.revision.parse(saved.revision) };
      const [current] = await sql`SELECT revision, article_slug FROM drafts WHERE id = ${id}`;
      if (current === undefined) return { status: "not-found" };
      return { status: "conflict", revision: revisionRow.parse(current).revision };
    },
    async publishDraft(p) {
      await ready;
      return sql.begin((tx) => publish(tx, p));
    },
    async getArticleVersion(slug, version) {
      await ready;
      const [row] = await sql`
        SELECT v.*, a.current_version AS latest_version
        FROM article_versions v JOIN articles a ON a.slug = v.slug
        WHERE v.slug = ${slug} AND v.version = coalesce(${version ?? null}::integer, a.current_version)`;
      return row === undefined ? null : toArticleVersion(rows.articleVersion.parse(row));
    },
  };
}
