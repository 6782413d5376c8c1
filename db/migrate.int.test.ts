import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "./client";
import { migrate, migrationsFolder } from "./migrate";
import { seedShop } from "@/server/orders/testing";
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

/** A copy of the migrations folder that stops after the migration tagged `lastTag`. */
async function migrationsUpTo(
  lastTag: string,
): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "express-migrations-"));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  await writeFile(journalFile, JSON.stringify(journal));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

describe("migration 0010 (import files into parts)", () => {
  it("moves files stored as base64 into 1 MiB parts, byte for byte", async () => {
    const { handle, drop } = await emptyDb();
    const before = await migrationsUpTo("0009_import_file_parts");
    try {
      await migrate(handle, before.folder);
      const { shopId } = await seedShop(handle.db);
      // One small file and one of 2.5 MiB, as the console stored them before 0009.
      const big = Buffer.alloc(2.5 * (1 << 20));
      for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
      const small = Buffer.from("订单号,收件人\r\nA1,张三\r\n");
      for (const [name, bytes] of [
        ["small.csv", small],
        ["big.csv", big],
      ] as const) {
        await handle.raw(
          `insert into import_batches (shop_id, file_name, file_sha256, file_base64, status)
           values ($1, $2, 'x', $3, 'uploaded')`,
          [shopId, name, bytes.toString("base64")],
        );
      }
      await migrate(handle);
      const { rows } = await handle.raw(
        `select b.file_name, p.part, length(p.bytes)::int as size, encode(p.bytes, 'base64') as b64
         from import_file_parts p join import_batches b on b.id = p.batch_id
         order by b.file_name, p.part`,
      );
      const parts = rows as { file_name: string; part: number; size: number; b64: string }[];
      expect(parts.map((p) => [p.file_name, p.part, p.size])).toEqual([
        ["big.csv", 0, 1 << 20],
        ["big.csv", 1, 1 << 20],
        ["big.csv", 2, big.length - 2 * (1 << 20)],
        ["small.csv", 0, small.length],
      ]);
      const whole = (file: string) =>
        Buffer.concat(
          parts.filter((p) => p.file_name === file).map((p) => Buffer.from(p.b64, "base64")),
        );
      expect(whole("big.csv").equals(big)).toBe(true);
      expect(whole("small.csv").equals(small)).toBe(true);
      const { rows: columns } = await handle.raw(
        `select column_name from information_schema.columns
         where table_name = 'import_batches' and column_name = 'file_base64'`,
      );
      expect(columns).toEqual([]);
    } finally {
      await before.remove();
      await drop();
    }
  });
});
