import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDb } from "../client";
import { migrate } from "../migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of a dump of a freshly migrated database. Postgres: template database name. */
    testDbTemplate: string;
  }
}

/**
 * Migrates one template database per run; each test file then starts from a copy of it
 * (`CREATE DATABASE ... TEMPLATE` on PostgreSQL, a data-folder dump on PGlite).
 */
export default async function setup(project: TestProject) {
  const driver = project.config.env?.TEST_DB_DRIVER;
  const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
  if (driver === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is required for the postgres project");
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const template = `express_tpl_${suffix}`;
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const handle = await openDb({ url: withDatabase(url, template) });
    await migrate(handle);
    await handle.close();
    project.provide("testDbTemplate", template);
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        SELECT datname FROM pg_database WHERE datname LIKE ${`express_%_${suffix}%`}`;
      for (const { datname } of leftovers) {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
      await admin.end();
    };
  }
  const handle = await openDb({ dataDir: null });
  await migrate(handle);
  const dump = await handle.dumpImage!();
  await handle.close();
  const file = path.join(os.tmpdir(), `express_tpl_${suffix}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDbTemplate", file);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
