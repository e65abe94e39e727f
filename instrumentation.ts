/**
 * Runs once when the server starts: open the database and bring its schema
 * up to date then, so the first student's submission does not pay for it, and
 * so that a database Glose cannot use (a broken path, an unreachable or newer
 * PostgreSQL) stops the server at start with one plain line, rather than
 * failing every request later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { describeStore, getStore, storeConfig } = await import("./app/_server/db");
    let where = "the database";
    try {
      where = describeStore(storeConfig());
      const version = await getStore().schemaVersion();
      console.log(`Glose: ${where}, schema version ${version}.`);
    } catch (error) {
      console.error(`Glose cannot start on ${where}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
