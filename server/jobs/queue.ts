import os from "node:os";
import PgBoss from "pg-boss";
import type { DbHandle } from "@/db/client";
import { recordHeartbeat } from "@/server/health/queries";
import { purgeExpiredIdempotencyKeys } from "@/server/api-v1/idempotency";
import { registerImportWorker } from "@/server/imports/jobs";
import { courierSecretKey } from "@/server/auth/secret";
import { registerAutoShipWorker } from "@/server/waybills/auto-ship";
import { registerWaybillWorker } from "@/server/waybills/jobs";

export const HEARTBEAT_QUEUE = "system.heartbeat";
/** pg-boss cron has minute resolution; health treats a mark older than three minutes as stale. */
export const HEARTBEAT_CRON = "* * * * *";
/** Idempotency keys are honoured for 24 h; an hourly sweep keeps the table small. */
export const IDEMPOTENCY_PURGE_QUEUE = "api.idempotency-purge";

const worker = `${os.hostname()}:${process.pid}`;

type Global = { __expressBoss?: PgBoss };
const g = globalThis as Global;

export function runningQueue(): PgBoss | undefined {
  return g.__expressBoss;
}

/**
 * Starts the durable job queue on the application database: its own pg pool on PostgreSQL, the
 * shared connection on PGlite (which allows one). With `work`, this process also runs workers.
 */
export async function startQueue(
  handle: DbHandle,
  opts: { url?: string; work: boolean },
): Promise<PgBoss> {
  if (g.__expressBoss) return g.__expressBoss;
  const boss = opts.url
    ? new PgBoss({ connectionString: opts.url, max: 4, application_name: "express-jobs" })
    : new PgBoss({
        db: { executeSql: (text: string, values: unknown[]) => handle.raw(text, values) },
        // One embedded connection: poll gently and keep maintenance rare.
        maintenanceIntervalSeconds: 300,
      });
  boss.on("error", (error: Error) => console.error("[jobs]", error.message));
  await boss.start();
  await boss.createQueue(HEARTBEAT_QUEUE, { name: HEARTBEAT_QUEUE, policy: "singleton" });
  if (opts.work) {
    await boss.work(HEARTBEAT_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
      await recordHeartbeat(handle.db, { name: "jobs", by: worker });
    });
    await boss.schedule(HEARTBEAT_QUEUE, HEARTBEAT_CRON);
    await boss.send(HEARTBEAT_QUEUE, {});
    await registerImportWorker(boss, handle.db);
    await registerWaybillWorker(boss, handle.db, () => Promise.resolve(courierSecretKey()));
    await registerAutoShipWorker(boss, handle.db, () => Promise.resolve(courierSecretKey()));
    await boss.createQueue(IDEMPOTENCY_PURGE_QUEUE, {
      name: IDEMPOTENCY_PURGE_QUEUE,
      policy: "singleton",
    });
    await boss.work(IDEMPOTENCY_PURGE_QUEUE, async () => {
      await purgeExpiredIdempotencyKeys(handle.db);
    });
    await boss.schedule(IDEMPOTENCY_PURGE_QUEUE, "17 * * * *");
  }
  g.__expressBoss = boss;
  return boss;
}

export async function stopQueue(): Promise<void> {
  const boss = g.__expressBoss;
  g.__expressBoss = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}
