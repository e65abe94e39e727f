/**
 * @jest-environment node
 *
 * Which database the environment selects, and the plain refusals when it asks
 * for one Glose cannot open.
 */
import path from "node:path";
import { describeStore, storeConfig } from "@/app/_server/db";

describe("choosing the store from the environment", () => {
  it("is one SQLite file when DATABASE_URL is unset: DATABASE_PATH, or ./data/glose.db", () => {
    expect(storeConfig({})).toEqual({ kind: "sqlite", file: path.resolve("data/glose.db") });
    expect(storeConfig({ DATABASE_PATH: "/srv/glose/glose.db", DATABASE_URL: " " })).toEqual({
      kind: "sqlite",
      file: "/srv/glose/glose.db",
    });
  });

  it("is PostgreSQL for a postgres:// or postgresql:// DATABASE_URL, with an optional pool size", () => {
    expect(storeConfig({ DATABASE_URL: "postgres://glose@db:5432/glose" })).toEqual({
      kind: "postgres",
      url: "postgres://glose@db:5432/glose",
    });
    expect(storeConfig({ DATABASE_URL: "postgresql://glose@db/glose", DATABASE_POOL_SIZE: "20" })).toEqual({
      kind: "postgres",
      url: "postgresql://glose@db/glose",
      poolSize: 20,
    });
  });

  it("refuses another kind of URL, saying what to set instead, without printing the password", () => {
    const refuse = () => storeConfig({ DATABASE_URL: "mysql://root:hunter2@db/glose" });
    expect(refuse).toThrow("DATABASE_URL must be a PostgreSQL URL");
    expect(refuse).toThrow("leave DATABASE_URL unset and set DATABASE_PATH");
    expect(refuse).not.toThrow(/hunter2/);
  });

  it("refuses a pool size that is not a whole number", () => {
    expect(() => storeConfig({ DATABASE_URL: "postgres://db/glose", DATABASE_POOL_SIZE: "ten" })).toThrow(
      'DATABASE_POOL_SIZE must be a whole number of connections, not "ten"',
    );
  });

  it("names the database in logs without its password", () => {
    expect(describeStore({ kind: "postgres", url: "postgres://glose:s3cret@db:5432/glose" })).toBe(
      "PostgreSQL postgres://glose:***@db:5432/glose",
    );
    expect(describeStore({ kind: "sqlite", file: "/srv/glose.db" })).toBe("SQLite /srv/glose.db");
  });
});
