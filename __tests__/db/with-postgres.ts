/**
 * PostgreSQL suites start their own server (scripts/local-postgres.ts). Where
 * the binaries are missing, the suite is replaced by one test that says so:
 * it passes with a warning on a developer's machine and fails in CI, which
 * must run every PostgreSQL test (.ci/run installs the package and sets CI).
 */
import {
  findPostgresBin,
  POSTGRES_MISSING,
  runningInCI,
  startLocalPostgres,
  type LocalPostgres,
} from "@/scripts/local-postgres";

export function describeWithPostgres(title: string, body: (server: () => LocalPostgres) => void): void {
  if (findPostgresBin() === null) {
    describe(title, () => {
      it("needs PostgreSQL, which is not installed here", () => {
        if (runningInCI()) throw new Error(`${POSTGRES_MISSING} CI must run the PostgreSQL tests.`);
        console.warn(`${title}: not run. ${POSTGRES_MISSING}`);
      });
    });
    return;
  }
  describe(title, () => {
    let server: LocalPostgres | undefined;
    beforeAll(async () => {
      server = await startLocalPostgres();
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });
    body(() => {
      if (!server) throw new Error("PostgreSQL did not start (see the error in beforeAll).");
      return server;
    });
  });
}
