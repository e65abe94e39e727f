/**
 * The schema's history, shared by both stores. Each step is one change to the
 * data model; its position (from 1) is the schema version a database records
 * once the step has run. The SQL lives beside each store, in a map typed by
 * `SchemaStep` (`sqlite-migrations.ts`, `postgres-migrations.ts`): adding a
 * step here does not compile until both stores say how to take it, so the two
 * can never drift apart.
 *
 * To add tables (say, teachers' articles): append a step name here, write its
 * SQL in both migration maps, add the methods to `GloseStore` and both stores,
 * and their tests to the contract suite (`__tests__/db/store-contract.ts`).
 * Never edit or reorder a step that has shipped: databases in the field have
 * already run it and record only its number.
 */
// Not `server-only`: pure data (no SQL, no I/O) that the two-server Playwright test reads under
// plain Node to check the version a database records; the stores that run it are marked.
export const SCHEMA_STEPS = [
  "assignments-and-submissions",
  // An article's levels (issue 14): the level of an assignment's article, the
  // other levels of an assignment "at every level" with their own frozen
  // questions, and the level each submission was taken at.
  "assignment-levels",
  // The studio (issue 14): teachers' drafts, their published articles as
  // immutable versions, and the version an assignment's questions quote.
  "studio-drafts-and-articles",
] as const;

export type SchemaStep = (typeof SCHEMA_STEPS)[number];

/** The version a database reaches once every step has run. */
export const SCHEMA_VERSION: number = SCHEMA_STEPS.length;

/**
 * A database written by a newer Glose. Running older code against it could
 * misread or damage what the newer code stored, so the server refuses to start.
 */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
    where: string,
  ) {
    super(
      `The database (${where}) is at schema version ${found}, but this version of Glose knows ` +
        `versions up to ${known}: a newer Glose has already upgraded it. Run that newer version, ` +
        `or point Glose at another database.`,
    );
    this.name = "SchemaTooNewError";
  }
}

/** Throws SchemaTooNewError when `found` is beyond what this code knows. */
export function assertKnownSchema(found: number, where: string): void {
  if (found > SCHEMA_VERSION) throw new SchemaTooNewError(found, SCHEMA_VERSION, where);
}

/** The steps a database at version `found` still has to take, in order, each with the version it leads to. */
export function pendingSteps(found: number): { step: SchemaStep; version: number }[] {
  return SCHEMA_STEPS.slice(found).map((step, index) => ({ step, version: found + index + 1 }));
}
