/**
 * What every GloseStore must do, whatever database is behind it. Each store's
 * test file calls `storeContract` with a factory for empty databases; a new
 * method on the interface gets its tests here, so both stores are held to it.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import {
  openStore,
  type GloseStore,
  type NewSubmission,
  type RecordSubmissionOutcome,
  type StoreConfig,
} from "@/app/_server/db";
import { SCHEMA_VERSION, SchemaTooNewError } from "@/app/_server/db/schema";
import { assignment, draft, halfPointAnswers, otherLevel, publication, submission } from "./fixtures";

export interface TestDatabase {
  config: StoreConfig;
  /** Records a schema version directly, as a newer Glose would have. */
  recordSchemaVersion(version: number): Promise<void>;
  /** Makes the database fail every write of a published version (a full disk, a constraint), half-way through a publish. */
  breakVersionWrites(): Promise<void>;
  /** Tries to rewrite a published version behind the store's back (rejects if the database refuses). */
  rewriteVersion(slug: string, version: number): Promise<void>;
}

export interface StoreFactory {
  /** A new, empty database; each call is independent of the others. */
  newDatabase(): Promise<TestDatabase>;
}

const ROOT = path.resolve(__dirname, "../..");
/** Submissions sent at once in the concurrency tests of the due date. */
const BURST = 60;

type Status = RecordSubmissionOutcome["status"];
const statuses = (outcomes: RecordSubmissionOutcome[]) =>
  outcomes.reduce<Partial<Record<Status, number>>>(
    (tally, o) => ({ ...tally, [o.status]: (tally[o.status] ?? 0) + 1 }),
    {},
  );

/**
 * Several processes, each with its own store on `config`, send their jobs at
 * the same moment (all started, then released together).
 */
async function race(
  config: StoreConfig,
  jobsPerProcess: NewSubmission[][],
): Promise<RecordSubmissionOutcome[]> {
  const children = jobsPerProcess.map((jobs) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        path.join(__dirname, "store-racer.ts"),
        JSON.stringify(config),
      ],
      {
        cwd: ROOT,
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => stdout.startsWith("ready\n") && resolve());
      child.on("exit", (code) => reject(new Error(`racer exited ${code} before ready: ${stderr}`)));
    });
    const done = new Promise<RecordSubmissionOutcome[]>((resolve, reject) =>
      child.on("exit", (code) =>
        code === 0
          ? resolve(JSON.parse(stdout.slice("ready\n".length)) as RecordSubmissionOutcome[])
          : reject(new Error(`racer exited ${code}: ${stderr}`)),
      ),
    );
    child.stdin.write(`${JSON.stringify(jobs)}\n`);
    return { child, ready, done };
  });
  try {
    await Promise.all(children.map((c) => c.ready));
    for (const { child } of children) child.stdin.end("go\n");
    return (await Promise.all(children.map((c) => c.done))).flat();
  } finally {
    for (const { child } of children) if (child.exitCode === null) child.kill("SIGKILL");
  }
}

export function storeContract(factory: () => StoreFactory): void {
  const open: GloseStore[] = [];
  let database: TestDatabase;

  /** A store on the current test's database; several may be open at once, like several servers. */
  function connect(): GloseStore {
    const store = openStore(database.config);
    open.push(store);
    return store;
  }

  beforeEach(async () => {
    database = await factory().newDatabase();
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  describe("assignments", () => {
    it("gives an assignment back exactly as it was created", async () => {
      const store = connect();
      const created = assignment({
        dueAt: "2026-06-30T16:00:00.000Z",
        maxAttempts: 1,
        mode: "test",
        helpsAllowed: false,
      });
      expect(await store.createAssignment(created)).toBe(true);
      expect(await store.getAssignment(created.id)).toEqual(created);
      // From a second connection too (another server), not only from a cache.
      expect(await connect().getAssignment(created.id)).toEqual(created);
    });

    it("refuses an id that is already taken and keeps the first assignment", async () => {
      const store = connect();
      const first = assignment();
      await store.createAssignment(first);
      expect(await store.createAssignment({ ...first, title: "Another" })).toBe(false);
      expect((await store.getAssignment(first.id))?.title).toBe(first.title);
    });

    it("gives an assignment at every level back with each level's own questions, easiest level first", async () => {
      const store = connect();
      const created = assignment({ otherLevels: [otherLevel("B1"), otherLevel("A2")] });
      expect(await store.createAssignment(created)).toBe(true);
      const expected = { ...created, otherLevels: [otherLevel("A2"), otherLevel("B1")] };
      expect(await store.getAssignment(created.id)).toEqual(expected);
      expect(await connect().getAssignment(created.id)).toEqual(expected);
      // Read twice by one store: the second time its questions come from the cache, levels included.
      expect(await store.getAssignment(created.id)).toEqual(expected);
    });

    it("keeps the first assignment's levels when its id is taken again", async () => {
      const store = connect();
      const first = assignment({ otherLevels: [otherLevel("A2")] });
      await store.createAssignment(first);
      expect(
        await store.createAssignment({ ...first, otherLevels: [otherLevel("B1"), otherLevel("C1")] }),
      ).toBe(false);
      expect((await connect().getAssignment(first.id))?.otherLevels).toEqual([otherLevel("A2")]);
    });

    it("answers null for an assignment that does not exist", async () => {
      expect(await connect().getAssignment("AAAAAAAAAAA")).toBeNull();
    });

    it("moves and removes the due date, and says when there is no such assignment", async () => {
      const store = connect();
      const created = assignment();
      await store.createAssignment(created);
      expect(await store.updateDueAt(created.id, "2026-07-01T08:00:00.000Z")).toBe(true);
      expect((await store.getAssignment(created.id))?.dueAt).toBe("2026-07-01T08:00:00.000Z");
      expect(await store.updateDueAt(created.id, null)).toBe(true);
      expect((await store.getAssignment(created.id))?.dueAt).toBeNull();
      expect(await store.updateDueAt("AAAAAAAAAAA", null)).toBe(false);
    });
  });

  describe("submissions", () => {
    it("stores a submission with its answers in order, and gives it back unchanged", async () => {
      const store = connect();
      const created = assignment();
      await store.createAssignment(created);
      const sent = submission(created.id, { answers: halfPointAnswers, score: 1.5, percentage: 50 });
      expect(await store.recordSubmission(sent)).toEqual({ status: "created", submission: sent });
      expect(await store.findSubmission(created.id, sent.attemptId)).toEqual(sent);
      expect(await connect().listSubmissions(created.id)).toEqual([sent]);
      expect(await store.countAttempts(created.id, sent.nameKey)).toBe(1);
    });

    it("keeps the level each student took, and none for a submission made before levels", async () => {
      const store = connect();
      const created = assignment({ otherLevels: [otherLevel("A2")] });
      await store.createAssignment(created);
      const atA2 = submission(created.id, { level: "A2", name: "Inès", nameKey: "ines" });
      const unknown = submission(created.id, { level: null, submittedAt: "2026-05-12T10:05:00.000Z" });
      await store.recordSubmission(atA2);
      await store.recordSubmission(unknown);
      expect((await store.findSubmission(created.id, atA2.attemptId))?.level).toBe("A2");
      expect((await connect().listSubmissions(created.id)).map((s) => s.level)).toEqual(["A2", null]);
    });

    it("answers a known attempt with the first submission, even after the due date", async () => {
      const store = connect();
      const created = assignment({ dueAt: "2026-05-12T12:00:00.000Z", maxAttempts: 1 });
      await store.createAssignment(created);
      const first = submission(created.id);
      await store.recordSubmission(first);
      const again = {
        ...first,
        answers: halfPointAnswers,
        score: 2.5,
        submittedAt: "2026-05-13T09:00:00.000Z",
      };
      expect(await store.recordSubmission(again)).toEqual({ status: "duplicate", submission: first });
      expect(await store.listSubmissions(created.id)).toEqual([first]);
    });

    it("refuses a submission to an assignment that does not exist", async () => {
      const store = connect();
      expect(await store.recordSubmission(submission("AAAAAAAAAAA"))).toEqual({ status: "not-found" });
      expect(await store.findSubmission("AAAAAAAAAAA", "x")).toBeNull();
      expect(await store.listSubmissions("AAAAAAAAAAA")).toEqual([]);
    });

    it("closes at the due date: on time is stored, a millisecond later is not", async () => {
      const store = connect();
      const due = "2026-05-12T12:00:00.000Z";
      const created = assignment({ dueAt: due });
      await store.createAssignment(created);
      expect((await store.recordSubmission(submission(created.id, { submittedAt: due }))).status).toBe(
        "created",
      );
      const late = submission(created.id, {
        submittedAt: "2026-05-12T12:00:00.001Z",
        name: "Zoé",
        nameKey: "zoe",
      });
      expect(await store.recordSubmission(late)).toEqual({ status: "closed" });
      expect(await store.countAttempts(created.id, "zoe")).toBe(0);
    });

    it("counts attempts per name: one each when the teacher says one, as many as wanted otherwise", async () => {
      const store = connect();
      const once = assignment({ maxAttempts: 1 });
      const unlimited = assignment({ maxAttempts: null });
      await store.createAssignment(once);
      await store.createAssignment(unlimited);

      expect((await store.recordSubmission(submission(once.id))).status).toBe("created");
      expect(await store.recordSubmission(submission(once.id))).toEqual({ status: "too-many-attempts" });
      expect(
        (await store.recordSubmission(submission(once.id, { name: "Hugo", nameKey: "hugo" }))).status,
      ).toBe("created");
      for (let i = 0; i < 3; i++)
        expect((await store.recordSubmission(submission(unlimited.id))).status).toBe("created");

      expect(await store.countAttempts(once.id, "elodie")).toBe(1);
      expect(await store.countAttempts(once.id, "hugo")).toBe(1);
      expect(await store.countAttempts(unlimited.id, "elodie")).toBe(3);
      expect(await store.countAttempts(unlimited.id, "nobody")).toBe(0);
    });

    it("lists a class oldest first, then in the order the submissions arrived", async () => {
      const store = connect();
      const created = assignment();
      const other = assignment();
      await store.createAssignment(created);
      await store.createAssignment(other);
      const at = (iso: string, name: string) =>
        submission(created.id, { submittedAt: iso, name, nameKey: name.toLowerCase() });
      const late = at("2026-05-12T10:00:02.000Z", "Chloé");
      const tieFirst = at("2026-05-12T10:00:01.000Z", "Bastien");
      const tieSecond = at("2026-05-12T10:00:01.000Z", "Inès");
      const early = at("2026-05-12T09:59:59.999Z", "Ali");
      for (const s of [late, tieFirst, tieSecond, early]) await store.recordSubmission(s);
      await store.recordSubmission(submission(other.id));
      expect((await store.listSubmissions(created.id)).map((s) => s.name)).toEqual([
        "Ali",
        "Bastien",
        "Inès",
        "Chloé",
      ]);
    });
  });

  describe("under concurrency", () => {
    it("stores an attempt once when it arrives many times at once, on several connections", async () => {
      const stores = [connect(), connect(), connect()];
      const created = assignment();
      await stores[0]!.createAssignment(created);
      const sent = submission(created.id);
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          stores[i % stores.length]!.recordSubmission({ ...sent, score: i }),
        ),
      );
      expect(statuses(outcomes)).toEqual({ created: 1, duplicate: 29 });
      const winner = outcomes.find((o) => o.status === "created");
      for (const o of outcomes)
        if (o.status === "duplicate")
          expect(o.submission).toEqual(winner?.status === "created" && winner.submission);
      expect(await stores[0]!.listSubmissions(created.id)).toHaveLength(1);
    });

    it("lets a name use its one attempt once when many attempts arrive at once", async () => {
      const stores = [connect(), connect(), connect()];
      const created = assignment({ maxAttempts: 1 });
      await stores[0]!.createAssignment(created);
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          stores[i % stores.length]!.recordSubmission(submission(created.id)),
        ),
      );
      expect(statuses(outcomes)).toEqual({ created: 1, "too-many-attempts": 29 });
      expect(await stores[0]!.countAttempts(created.id, "elodie")).toBe(1);
    });

    it("once the due date is moved into the past, the class no longer grows", async () => {
      const stores = [connect(), connect(), connect()];
      const created = assignment();
      await stores[0]!.createAssignment(created);
      const now = new Date().toISOString();
      const sends = Array.from({ length: BURST }, (_, i) =>
        stores[i % stores.length]!.recordSubmission(
          submission(created.id, { name: `Élève ${i}`, nameKey: `eleve ${i}`, submittedAt: now }),
        ),
      );
      // The teacher closes the assignment in the middle of the burst.
      await sends[0];
      await stores[1]!.updateDueAt(created.id, new Date(Date.parse(now) - 60_000).toISOString());
      const atClose = (await stores[2]!.listSubmissions(created.id)).length;

      const outcomes = await Promise.all(sends);
      expect(await stores[2]!.listSubmissions(created.id)).toHaveLength(atClose);
      expect(statuses(outcomes)).toEqual(
        atClose === BURST ? { created: BURST } : { created: atClose, closed: BURST - atClose },
      );
    });

    it("holds every rule with several processes writing at the same moment", async () => {
      const store = connect();
      const due = "2026-05-12T12:00:00.000Z";
      const once = assignment({ maxAttempts: 1, dueAt: due });
      const open = assignment({ maxAttempts: null, dueAt: due });
      await store.createAssignment(once);
      await store.createAssignment(open);
      const sharedAttempt = submission(open.id, { name: "Même", nameKey: "meme" });
      const processes = 4;
      const jobs = Array.from({ length: processes }, (_, p) => [
        // The same attempt from every process (and twice from each).
        { ...sharedAttempt, score: p },
        { ...sharedAttempt, score: p + 10 },
        // One student's attempts on a one-attempt assignment, one per job.
        ...Array.from({ length: 5 }, () => submission(once.id, { name: "Jade", nameKey: "jade" })),
        // A class submitting around the due date: on time or a moment late.
        ...Array.from({ length: 10 }, (_, i) =>
          submission(open.id, {
            name: `Élève ${p}-${i}`,
            nameKey: `eleve ${p}-${i}`,
            submittedAt: new Date(Date.parse(due) + (i % 2 === 0 ? -i : i + 1)).toISOString(),
          }),
        ),
      ]);

      const outcomes = await race(database.config, jobs);

      const forShared = outcomes.filter(
        (o) =>
          (o.status === "created" || o.status === "duplicate") &&
          o.submission.attemptId === sharedAttempt.attemptId,
      );
      expect(statuses(forShared)).toEqual({ created: 1, duplicate: 2 * processes - 1 });
      expect(new Set(forShared.map((o) => "submission" in o && o.submission.score)).size).toBe(1);

      const all = await store.listSubmissions(open.id);
      expect(all.filter((s) => s.attemptId === sharedAttempt.attemptId)).toHaveLength(1);
      expect(all.every((s) => Date.parse(s.submittedAt) <= Date.parse(due))).toBe(true);
      expect(all).toHaveLength(1 + processes * 5);
      expect(statuses(outcomes).closed).toBe(processes * 5);

      expect(await store.countAttempts(once.id, "jade")).toBe(1);
      expect(statuses(outcomes)["too-many-attempts"]).toBe(processes * 5 - 1);
    }, 60_000);
  });

  describe("studio drafts and articles", () => {
    it("gives a draft back as created, at revision 1 and unpublished", async () => {
      const store = connect();
      const created = draft();
      expect(await store.createDraft(created)).toBe(true);
      const expected = { ...created, revision: 1, updatedAt: created.createdAt, publishedVersion: null };
      expect(await store.getDraft(created.id)).toEqual(expected);
      expect(await connect().getDraft(created.id)).toEqual(expected);
      expect(await store.getDraft("AAAAAAAAAAA")).toBeNull();
    });

    it("refuses a draft whose id or article slug is taken", async () => {
      const store = connect();
      const first = draft();
      await store.createDraft(first);
      expect(await store.createDraft({ ...draft(), id: first.id })).toBe(false);
      expect(await store.createDraft({ ...draft(), articleSlug: first.articleSlug })).toBe(false);
      expect((await store.getDraft(first.id))?.document).toBe(first.document);
    });

    it("saves from the current revision only, and says which revision won", async () => {
      const store = connect();
      const created = draft();
      await store.createDraft(created);
      expect(await store.saveDraft(created.id, 1, '{"v":2}', "2026-05-02T10:00:00.000Z")).toEqual({
        status: "saved",
        revision: 2,
      });
      expect(await store.saveDraft(created.id, 1, '{"v":"stale"}', "2026-05-02T10:00:01.000Z")).toEqual({
        status: "conflict",
        revision: 2,
      });
      expect(await store.saveDraft("AAAAAAAAAAA", 1, "{}", "2026-05-02T10:00:01.000Z")).toEqual({
        status: "not-found",
      });
      expect(await store.getDraft(created.id)).toMatchObject({
        revision: 2,
        document: '{"v":2}',
        updatedAt: "2026-05-02T10:00:00.000Z",
      });
    });

    it("lets exactly one of several saves from the same revision through, across connections", async () => {
      const created = draft();
      await connect().createDraft(created);
      const stores = Array.from({ length: 6 }, () => connect());
      const outcomes = await Promise.all(
        stores.map((store, i) => store.saveDraft(created.id, 1, `{"tab":${i}}`, "2026-05-02T10:00:00.000Z")),
      );
      expect(outcomes.filter((o) => o.status === "saved")).toEqual([{ status: "saved", revision: 2 }]);
      expect(outcomes.filter((o) => o.status === "conflict")).toHaveLength(5);
      const winner = outcomes.findIndex((o) => o.status === "saved");
      expect((await connect().getDraft(created.id))?.document).toBe(`{"tab":${winner}}`);
    });

    it("publishes numbered versions under the draft's slug, each readable for good", async () => {
      const store = connect();
      const created = draft();
      await store.createDraft(created);
      expect(await store.publishDraft(publication(created.id, 1, "v1"))).toEqual({
        status: "published",
        slug: created.articleSlug,
        version: 1,
      });
      await store.saveDraft(created.id, 1, "{}", "2026-05-02T10:00:00.000Z");
      expect(await store.publishDraft(publication(created.id, 1, "stale"))).toEqual({
        status: "conflict",
        revision: 2,
      });
      expect(await store.publishDraft(publication(created.id, 2, "v2"))).toMatchObject({ version: 2 });
      expect(await store.publishDraft(publication("AAAAAAAAAAA", 1, "x"))).toEqual({ status: "not-found" });

      const latest = await connect().getArticleVersion(created.articleSlug);
      expect(latest).toMatchObject({ version: 2, latestVersion: 2, files: "v2", draftRevision: 2 });
      expect(await store.getArticleVersion(created.articleSlug, 1)).toMatchObject({
        version: 1,
        latestVersion: 2,
        files: "v1",
        title: "À Rochebrune",
        level: "B1",
        publishedAt: "2026-05-03T09:00:00.000Z",
      });
      expect(await store.getArticleVersion(created.articleSlug, 3)).toBeNull();
      expect(await store.getArticleVersion("no-such-article")).toBeNull();
      expect((await store.getDraft(created.id))?.publishedVersion).toBe(2);
    });

    it("numbers simultaneous publishes one after another, with no gap and no repeat", async () => {
      const created = draft();
      await connect().createDraft(created);
      const stores = Array.from({ length: 5 }, () => connect());
      const outcomes = await Promise.all(
        stores.map((store, i) => store.publishDraft(publication(created.id, 1, `tab ${i}`))),
      );
      const versions = outcomes.map((o) => (o.status === "published" ? o.version : 0)).sort();
      expect(versions).toEqual([1, 2, 3, 4, 5]);
      expect((await connect().getArticleVersion(created.articleSlug))?.version).toBe(5);
    });

    it("stores nothing of a publish that fails half-way", async () => {
      const store = connect();
      const created = draft();
      await store.createDraft(created);
      await store.publishDraft(publication(created.id, 1, "v1"));
      await database.breakVersionWrites();
      // Matched by message: a native driver's error may come from another realm than the test's Error.
      const failed = { message: expect.stringMatching(/disk full \(simulated\)/) };
      await expect(store.publishDraft(publication(created.id, 1, "v2"))).rejects.toMatchObject(failed);
      // The version counter moved before the failing write: it moved back with it.
      expect(await connect().getArticleVersion(created.articleSlug)).toMatchObject({
        version: 1,
        files: "v1",
      });
      expect((await store.getDraft(created.id))?.publishedVersion).toBe(1);

      const fresh = draft();
      await store.createDraft(fresh);
      await expect(store.publishDraft(publication(fresh.id, 1, "first"))).rejects.toMatchObject(failed);
      expect(await store.getArticleVersion(fresh.articleSlug)).toBeNull();
      expect((await store.getDraft(fresh.id))?.publishedVersion).toBeNull();
    });

    it("keeps published versions as they were: the database refuses to change them", async () => {
      const store = connect();
      const created = draft();
      await store.createDraft(created);
      await store.publishDraft(publication(created.id, 1, "as published"));
      await expect(database.rewriteVersion(created.articleSlug, 1)).rejects.toMatchObject({
        message: expect.stringMatching(/published article versions are immutable/),
      });
      expect((await store.getArticleVersion(created.articleSlug, 1))?.files).toBe("as published");
    });

    it("keeps the article version an assignment was drawn from", async () => {
      const store = connect();
      const created = assignment({ articleSlug: "a-rochebrune-abcdefgh", articleVersion: 3 });
      await store.createAssignment(created);
      expect(await connect().getAssignment(created.id)).toEqual(created);
    });
  });

  describe("schema", () => {
    it("brings a new database to the current schema version, and keeps data and version on reopening", async () => {
      const store = connect();
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      const created = assignment();
      await store.createAssignment(created);
      await store.close();
      const again = connect();
      expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await again.getAssignment(created.id)).toEqual(created);
    });

    it("refuses a database that a newer Glose has upgraded, saying so, and leaves it untouched", async () => {
      const store = connect();
      const created = assignment();
      await store.createAssignment(created);
      await store.close();
      await database.recordSchemaVersion(SCHEMA_VERSION + 1);

      const attempt = async () => {
        const newer = connect();
        return newer.schemaVersion();
      };
      await expect(attempt()).rejects.toThrow(SchemaTooNewError);
      await expect(attempt()).rejects.toThrow(
        `is at schema version ${SCHEMA_VERSION + 1}, but this version of Glose knows versions up to ${SCHEMA_VERSION}`,
      );

      await database.recordSchemaVersion(SCHEMA_VERSION);
      expect(await connect().getAssignment(created.id)).toEqual(created);
    });
  });
}
