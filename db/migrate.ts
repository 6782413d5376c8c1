import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DbHandle } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations (or those of `folder`, in tests); idempotent. */
export async function migrate(handle: DbHandle, folder = migrationsFolder): Promise<void> {
  const config = { migrationsFolder: folder };
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as PgliteDatabase<Record<string, unknown>>, config);
  } else {
    await migratePostgres(handle.db as PostgresJsDatabase<Record<string, unknown>>, config);
  }
}
