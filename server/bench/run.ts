/**
 * `npm run bench`: performance figures against baselines measured in the same run, because this
 * machine's absolute speed drifts. Later work adds its own measures next to these baselines.
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server on 127.0.0.1:5432.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { execSync } from "node:child_process";
import { copyBaseline, loadOrderCreation, loadRoute, startConsole } from "./baselines";
import { importBench } from "./imports";
import { labelBench } from "./labels";
import { waybillBench } from "./waybills";
import { assignmentBench } from "@/server/assignment/bench";
import { freightBench } from "@/server/freight/bench";
import { formatTable, withinBudget, type Figure } from "./harness";

const pgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const figures: Figure[] = [];
const skipped: string[] = [];

figures.push(...freightBench());
figures.push(...assignmentBench());
figures.push(...(await waybillBench(1_000)));
figures.push(...(await labelBench(500)));

try {
  figures.push(...(await copyBaseline(pgUrl, 100_000)));
  figures.push(...(await importBench(pgUrl, 100_000)));
} catch (error) {
  skipped.push(`PostgreSQL figures: ${new URL(pgUrl).host} (${(error as Error).message})`);
}

if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
const consoleServer = await startConsole();
try {
  figures.push(...(await loadRoute(`${consoleServer.url}/api/ping`, "bare route GET /api/ping")));
  figures.push(
    ...(await loadRoute(
      `${consoleServer.url}/api/health`,
      "GET /api/health (1 DB round trip, embedded)",
    )),
  );
  figures.push(...(await loadOrderCreation(consoleServer.url, "demo-api-key-0000000000000000")));
} finally {
  await consoleServer.stop();
}

console.log(
  `\nExpress console bench — ${new Date().toISOString()} — ${process.version}, ${(await import("node:os")).cpus().length} cores\n`,
);
console.log(formatTable(figures));
for (const s of skipped) console.log(`skipped: ${s}`);
const json = { at: new Date().toISOString(), node: process.version, figures, skipped };
console.log(`\n${JSON.stringify(json)}`);
await mkdir(".data", { recursive: true });
await writeFile(".data/bench-results.json", JSON.stringify(json, null, 2));
if (figures.some((f) => withinBudget(f) === false)) process.exitCode = 1;
