/**
 * Runs once when the server starts: open (create, migrate) the database then,
 * so the first student's submission does not pay for it and a broken
 * database path fails loudly at start-up rather than on a request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getStore } = await import("./app/_server/db");
    getStore();
  }
}
