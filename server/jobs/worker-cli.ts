/**
 * `npm run worker`: job workers in their own process, for scale-out on PostgreSQL. Run the web
 * process with JOBS_IN_PROCESS=0 then. The embedded database belongs to one process, so embedded
 * mode always runs its workers inside the console.
 *
 * The worker runs big imports, so it runs with a V8 heap cap (WORKER_MAX_OLD_SPACE_MB in
 * server/imports/worker-settings.ts) that keeps a 100k-row import under 512 MB RSS. V8 flags only
 * take effect at start-up: without the cap in NODE_OPTIONS, this script starts itself again with
 * it (a NODE_OPTIONS that already sets --max-old-space-size is respected as is), and with the
 * worker's other V8 flags on its command line (WORKER_V8_FLAGS).
 */
import { spawn } from "node:child_process";
import { workerExecArgv, workerNodeOptions } from "@/server/imports/worker-settings";

async function main() {
  const { getDbHandle } = await import("@/db/client");
  const { env } = await import("@/server/env");
  const { startQueue, stopQueue } = await import("./queue");
  if (!env.DATABASE_URL) {
    console.error(
      "npm run worker needs DATABASE_URL: the embedded database runs its workers inside the console.",
    );
    process.exit(2);
  }
  const handle = await getDbHandle();
  await startQueue(handle, { url: env.DATABASE_URL, work: true });
  console.log(`[worker] ${process.pid} working`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stopQueue()
        .then(() => handle.close())
        .then(() => process.exit(0));
    });
  }
}

const nodeOptions = workerNodeOptions();
const execArgv = workerExecArgv();
if (
  nodeOptions === (process.env.NODE_OPTIONS ?? "") &&
  execArgv.length === process.execArgv.length
) {
  await main();
} else {
  const child = spawn(process.execPath, [...execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
