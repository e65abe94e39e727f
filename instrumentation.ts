/**
 * Runs once when the server starts, before the first request:
 * - stamps each request with the address of the peer that sent it, which
 *   route handlers cannot otherwise see (the rate limiter needs it);
 * - reads the rate limits, so a mistake in their configuration stops the
 *   server now rather than failing requests later;
 * - opens the database and brings its schema up to date, so the first
 *   student's submission does not pay for it, and so that a database Glose
 *   cannot use (a broken path, an unreachable or newer PostgreSQL) stops the
 *   server at start with one plain line, rather than failing every request later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerStamp } = await import("./app/_server/client-address");
    installPeerStamp();
    const { rateLimiter } = await import("./app/_server/rate-limit");
    rateLimiter();
    const { describeStore, getStore, storeConfig } = await import("./app/_server/db");
    let where = "the database";
    try {
      where = describeStore(storeConfig());
      const version = await getStore().schemaVersion();
      console.log(`Glose: ${where}, schema version ${version}.`);
    } catch (error) {
      console.error(
        `Glose cannot start on ${where}: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    }
  }
}
