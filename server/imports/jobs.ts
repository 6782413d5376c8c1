import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { runningQueue } from "@/server/jobs/queue";
import { commitImport, previewImport } from "./service";
import { commitConcurrency } from "./worker-settings";

export const IMPORT_QUEUE = "imports.process";

type ImportJob = { batchId: number; step: "preview" | "commit" };

/** Files up to this size are processed in the request: a few thousand rows take milliseconds. */
export const INLINE_LIMIT = { bytes: 512 * 1024, rows: 3000 };

async function run(db: Db, job: ImportJob) {
  if (job.step === "preview") await previewImport(db, job.batchId);
  else
    await commitImport(db, job.batchId, {
      concurrency: commitConcurrency(Boolean(env.DATABASE_URL)),
    });
}

export async function registerImportWorker(boss: PgBoss, db: Db) {
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 2, retryDelay: 5 });
  await boss.work<ImportJob>(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await run(db, job.data);
  });
}

/**
 * Small files run at once, so a typical export previews without waiting; big ones go to the durable
 * queue (progress is on the batch row) and never hold up the request or the server.
 */
export async function processImport(
  db: Db,
  job: ImportJob,
  size: { bytes?: number; rows?: number },
) {
  const boss = runningQueue();
  const small = (size.bytes ?? 0) <= INLINE_LIMIT.bytes && (size.rows ?? 0) <= INLINE_LIMIT.rows;
  if (!boss || small) {
    await run(db, job);
    return { queued: false };
  }
  await boss.send(IMPORT_QUEUE, job, { singletonKey: `${job.batchId}:${job.step}` });
  return { queued: true };
}
