/**
 * The studio's part of the SQLite store: drafts and published articles (see
 * `GloseStore`). A save is one conditional UPDATE; a publish is one IMMEDIATE
 * transaction, so the write lock is held from the revision check to the
 * version row and no other writer, in this process or another, comes between.
 */
import "server-only";
import type Database from "better-sqlite3";
import { z } from "zod";
import { toArticleVersion, toDraft, type rowSchemas } from "./rows";
import type { GloseStore, NewArticleVersion, NewDraft, PublishOutcome, SaveDraftOutcome } from "./types";

type StudioMethods = Pick<
  GloseStore,
  "createDraft" | "getDraft" | "saveDraft" | "publishDraft" | "getArticleVersion"
>;

const revisionRow = z.object({ revision: z.number().int(), article_slug: z.string() });
const versionRow = z.object({ current_version: z.number().int() });

export function sqliteStudioMethods(
  db: Database.Database,
  rows: ReturnType<typeof rowSchemas>,
): StudioMethods {
  const statements = {
    insertDraft: db.prepare(
      `INSERT INTO drafts (id, owner_key_hash, article_slug, revision, document, created_at, updated_at)
       VALUES (@id, @owner_key_hash, @article_slug, 1, @document, @created_at, @created_at)
       ON CONFLICT DO NOTHING`,
    ),
    getDraft: db.prepare(
      `SELECT d.*, a.current_version AS published_version
       FROM drafts d LEFT JOIN articles a ON a.slug = d.article_slug WHERE d.id = ?`,
    ),
    saveDraft: db.prepare(
      `UPDATE drafts SET document = ?, revision = revision + 1, updated_at = ?
       WHERE id = ? AND revision = ? RETURNING revision`,
    ),
    revisionOf: db.prepare(`SELECT revision, article_slug FROM drafts WHERE id = ?`),
    bumpArticle: db.prepare(
      `INSERT INTO articles (slug, draft_id, current_version, created_at, updated_at)
       VALUES (@slug, @draft_id, 1, @now, @now)
       ON CONFLICT (slug) DO UPDATE SET current_version = current_version + 1, updated_at = excluded.updated_at
       RETURNING current_version`,
    ),
    insertVersion: db.prepare(
      `INSERT INTO article_versions (slug, version, title, level, files, draft_revision, published_at)
       VALUES (@slug, @version, @title, @level, @files, @draft_revision, @published_at)`,
    ),
    getVersion: db.prepare(
      `SELECT v.*, a.current_version AS latest_version
       FROM article_versions v JOIN articles a ON a.slug = v.slug
       WHERE v.slug = @slug AND v.version = coalesce(@version, a.current_version)`,
    ),
  };

  const saveDraft = db.transaction(
    (id: string, expected: number, document: string, updatedAt: string): SaveDraftOutcome => {
      const saved: unknown = statements.saveDraft.get(document, updatedAt, id, expected);
      if (saved !== undefined)
        return { status: "saved", revision: z.object({ revision: z.number() }).parse(saved).revision };
      const current: unknown = statements.revisionOf.get(id);
      if (current === undefined) return { status: "not-found" };
      return { status: "conflict", revision: revisionRow.parse(current).revision };
    },
  );

  const publishDraft = db.transaction((p: NewArticleVersion): PublishOutcome => {
    const raw: unknown = statements.revisionOf.get(p.draftId);
    if (raw === undefined) return { status: "not-found" };
    const draft = revisionRow.parse(raw);
    if (draft.revision !== p.expectedRevision) return { status: "conflict", revision: draft.revision };
    const { current_version: version } = versionRow.parse(
      statements.bumpArticle.get({ slug: draft.article_slug, draft_id: p.draftId, now: p.publishedAt }),
    );
    statements.insertVersion.run({
      slug: draft.article_slug,
      version,
      title: p.title,
      level: p.level,
      files: p.files,
      draft_revision: p.expectedRevision,
      published_at: p.publishedAt,
    });
    return { status: "published", slug: draft.article_slug, version };
  });

  return {
    createDraft: async (d: NewDraft) =>
      statements.insertDraft.run({
        id: d.id,
        owner_key_hash: d.ownerKeyHash,
        article_slug: d.articleSlug,
        document: d.document,
        created_at: d.createdAt,
      }).changes === 1,
    getDraft: async (id) => {
      const raw: unknown = statements.getDraft.get(id);
      return raw === undefined ? null : toDraft(rows.draft.parse(raw));
    },
    saveDraft: async (id, expected, document, updatedAt) =>
      saveDraft.immediate(id, expected, document, updatedAt),
    // A failure anywhere inside (a constraint, a full disk) rolls the whole publish back.
    publishDraft: async (publish) => publishDraft.immediate(publish),
    getArticleVersion: async (slug, version) => {
      const raw: unknown = statements.getVersion.get({ slug, version: version ?? null });
      return raw === undefined ? null : toArticleVersion(rows.articleVersion.parse(raw));
    },
  };
}
