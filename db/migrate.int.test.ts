import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "./client";
import { migrate, migrationsFolder } from "./migrate";
import { withDatabase } from "./testing/global-setup";

/** An empty database (no template): what a first start on a new machine sees. */
async function emptyDb(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (process.env.TEST_DB_DRIVER === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `express_empty_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const handle = await openDb({ url: withDatabase(url, name) });
    return {
      handle,
      drop: async () => {
        await handle.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const handle = await openDb({ dataDir: null });
  return { handle, drop: () => handle.close() };
}

describe("migrations from empty", () => {
  it("apply every committed migration, create the tables, and are idempotent", async () => {
    const { handle, drop } = await emptyDb();
    try {
      await migrate(handle);
      await migrate(handle);
      const { rows } = await handle.raw(
        "select table_name from information_schema.tables where table_schema = 'public' order by 1",
      );
      const tables = rows.map((r) => (r as { table_name: string }).table_name);
      expect(tables).toEqual(
        expect.arrayContaining([
          "users",
          "sessions",
          "accounts",
          "verifications",
          "rate_limits",
          "audit_log",
          "heartbeats",
        ]),
      );
      const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith(".sql"));
      const applied = await handle.raw(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(applied.rows).toEqual([{ n: files.length }]);
    } finally {
      await drop();
    }
  });
});
