import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { heartbeats } from "./schema";
import { openDb, parseBinaryCopy, readBytes } from "./client";
import { migrate } from "./migrate";
import { withTestDb } from "./testing/test-db";

const t = withTestDb();

describe("db module", () => {
  it("runs the same Drizzle queries and raw SQL on the driver under test", async () => {
    const { db, raw, driver } = t.current;
    expect(driver).toBe(process.env.TEST_DB_DRIVER);
    await db.insert(heartbeats).values({ name: "probe", at: new Date(), by: "test" });
    const [row] = await db.select().from(heartbeats).where(eq(heartbeats.name, "probe"));
    expect(row?.by).toBe("test");
    const { rows } = await raw("select $1::int + 1 as n", [41]);
    expect(rows).toEqual([{ n: 42 }]);
  });

  it("runs a multi-statement batch as one unit (what the job queue relies on)", async () => {
    const { raw } = t.current;
    await raw("create table batch_probe (x int); insert into batch_probe values (1), (2);");
    expect((await raw("select count(*)::int as n from batch_probe")).rows).toEqual([{ n: 2 }]);
  });

  it("rolls a failed transaction back completely", async () => {
    const { db } = t.current;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(heartbeats).values({ name: "tx-probe", at: new Date(), by: "test" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.select().from(heartbeats).where(eq(heartbeats.name, "tx-probe"))).toEqual([]);
  });
});

// Embedded mode on disk, whichever project runs it: PGlite needs no server.
describe("readBytes", () => {
  it("returns a bytea column as the bytes stored, row by row, and leaves the connection usable", async () => {
    const { db, raw } = t.current;
    await raw("create table bytes_probe (n int, b bytea)");
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const big = Buffer.alloc(3 << 20, every); // several network packets
    const values = [every, Buffer.alloc(0), big, Buffer.from("订单,数量\r\n", "utf8")];
    for (const [n, b] of values.entries()) {
      await raw("insert into bytes_probe values ($1, decode($2, 'base64'))", [
        n,
        b.toString("base64"),
      ]);
    }
    // Several reads in a row on the same pool: each COPY must hand its connection back.
    for (let round = 0; round < 4; round++) {
      const read = await readBytes(db, "select b from bytes_probe order by n");
      expect(read.map((b) => b.toString("hex"))).toEqual(values.map((b) => b.toString("hex")));
      expect((await raw("select 1 as one")).rows).toEqual([{ one: 1 }]);
    }
    expect(await readBytes(db, "select b from bytes_probe where n < 0")).toEqual([]);
  });

  it("refuses what is not a one-column binary COPY stream", () => {
    expect(() => parseBinaryCopy(Buffer.from("n,b\n1,x\n"))).toThrow("not a binary COPY");
  });
});

describe("embedded database on disk", () => {
  it("keeps data across restarts and refuses a second process", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "express-pglite-"));
    const dataDir = path.join(dir, "pglite");
    try {
      const first = await openDb({ dataDir });
      await migrate(first);
      await first.db.insert(heartbeats).values({ name: "persist", at: new Date(), by: "first" });
      await first.close();

      const second = await openDb({ dataDir });
      await migrate(second);
      const [row] = await second.db.select().from(heartbeats).where(eq(heartbeats.name, "persist"));
      expect(row?.by).toBe("first");
      await second.close();

      // Another live process holding the folder (here: our parent) must be refused, not corrupted.
      await writeFile(`${dataDir}.pid`, String(process.ppid));
      await expect(openDb({ dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
