import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDb, type DbHandle } from "../client";
import { withDatabase } from "./global-setup";

export type TestDb = DbHandle & { name: string };

/** A private, migrated database for one test file, on the driver of the running project. */
export async function createTestDb(): Promise<TestDb> {
  const template = inject("testDbTemplate");
  if (process.env.TEST_DB_DRIVER === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `${template.replace("_tpl_", "_t_")}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const handle = await openDb({ url: withDatabase(url, name) });
    return {
      ...handle,
      name,
      close: async () => {
        await handle.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const image = new Blob([await readFile(template)]);
  const handle = await openDb({ dataDir: null, image });
  return { ...handle, name: "pglite-memory" };
}

/** Registers a fresh database for the current test file; read `.current` inside tests. */
export function withTestDb() {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });
  return {
    get current(): TestDb {
      if (!db) throw new Error("test database not ready: use it inside a test or hook");
      return db;
    },
  };
}
