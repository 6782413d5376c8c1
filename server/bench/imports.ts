import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { ordersToCsvRows, ourTemplateHeaders, csvLine } from "@/server/demo-data/csv";
import { orderStream } from "@/server/demo-data/orders";
import { workerNodeOptions } from "@/server/imports/worker-settings";
import { seedShop } from "@/server/orders/testing";
import type { Figure } from "./harness";

const run = promisify(execFile);

/** A generated order file in our template: `rows` item rows, whole orders only. */
export function generateImportCsv(rows: number): { text: string; rows: number } {
  const lines = [csvLine(ourTemplateHeaders)];
  let count = 0;
  for (const order of orderStream({
    count: rows,
    seed: "bench-import",
    startAt: new Date("2026-11-01T00:00:00Z"),
    endAt: new Date("2026-11-24T00:00:00Z"),
  })) {
    const orderRows = ordersToCsvRows([order]);
    if (count + orderRows.length > rows) break;
    for (const r of orderRows) lines.push(csvLine(r));
    count += orderRows.length;
  }
  return { text: `${lines.join("\r\n")}\r\n`, rows: count };
}

/**
 * Import of a generated 100k-row CSV end to end on PostgreSQL, beside a raw COPY of the very same
 * file into a table of text columns in the same run (the floor any importer pays for the bytes).
 */
export async function importBench(url: string, rows = 100_000): Promise<Figure[]> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `express_bench_imp_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), "express-bench-import-"));
  try {
    const file = generateImportCsv(rows);
    const csvPath = path.join(dir, "orders.csv");
    await writeFile(csvPath, file.text);
    const handle = await openDb({ url: u.toString() });
    await migrate(handle);
    const { shopId } = await seedShop(handle.db, "bench-shop");
    await handle.close();

    const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
    const columns = ourTemplateHeaders.map((_, i) => `c${i} text`).join(", ");
    await sql.unsafe(`CREATE TABLE copy_probe (${columns})`);
    const copyStarted = performance.now();
    const writable = await sql
      .unsafe(`COPY copy_probe FROM STDIN WITH (FORMAT csv, HEADER true)`)
      .writable();
    await pipeline(Readable.from([file.text]), writable);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    await sql.end();

    // The child runs with the import worker's heap cap, as `npm run worker` does.
    const { stdout } = await run(
      "npx",
      ["tsx", "server/bench/import-child.ts", u.toString(), shopId, csvPath],
      {
        maxBuffer: 1 << 20,
        env: { ...process.env, NODE_OPTIONS: workerNodeOptions() },
      },
    );
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      seconds: number;
      previewSeconds: number;
      rows: number;
      validRows: number;
      rejectedRows: number;
      ordersCreated: number;
      maxRssMb: number;
    };
    if (result.rows !== file.rows)
      throw new Error(`import read ${result.rows} of ${file.rows} rows`);
    const note = `${file.rows} rows, ${result.ordersCreated} orders, ${result.rejectedRows} rejected; preview ${result.previewSeconds.toFixed(1)} s of ${result.seconds.toFixed(1)} s`;
    return [
      {
        group: "baseline",
        name: `raw COPY of the same ${file.rows}-row CSV (PostgreSQL)`,
        value: file.rows / copySeconds,
        unit: "rows/s",
      },
      {
        group: "import",
        name: `import ${file.rows}-row CSV end to end (PostgreSQL)`,
        value: file.rows / result.seconds,
        unit: "rows/s",
        budget: { op: ">=", value: 20_000 },
        note,
      },
      {
        group: "import",
        name: "import peak RSS",
        value: result.maxRssMb,
        unit: "MB",
        budget: { op: "<", value: 512 },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
