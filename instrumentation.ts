/**
 * Runs once when the server starts, before the first request:
 * - stamps each request with the address of the peer that sent it, which
 *   route handlers cannot otherwise see (the rate limiter needs it);
 * - reads the rate limits, so a mistake in their configuration stops the
 *   server now rather than failing requests later;
 * - opens (creates, migrates) the database, so the first student's
 *   submission does not pay for it and a broken database path fails loudly.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerStamp } = await import("./app/_server/client-address");
    installPeerStamp();
    const { rateLimiter } = await import("./app/_server/rate-limit");
    rateLimiter();
    const { getStore } = await import("./app/_server/db");
    getStore();
  }
}
