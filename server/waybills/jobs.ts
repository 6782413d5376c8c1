import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { runningQueue } from "@/server/jobs/queue";
import { runIssuance, type RunOptions } from "./issue-run";

export const WAYBILL_QUEUE = "waybills.issue";

type IssueJob = { batchId: number };

/**
 * The durable worker. pg-boss retries a job whose worker died or threw, and a re-run only touches
 * the batch's pending items, so at-least-once delivery never issues a waybill twice. The courier
 * key is resolved lazily: it lives in the runtime, which the worker process may not have built yet.
 */
export async function registerWaybillWorker(
  boss: PgBoss,
  db: Db,
  courierKey: () => Promise<Buffer>,
) {
  await boss.createQueue(WAYBILL_QUEUE, {
    name: WAYBILL_QUEUE,
    retryLimit: 3,
    retryDelay: 5,
    // A 1,000-parcel batch takes seconds; a quarter of an hour means the worker is gone.
    expireInSeconds: 900,
  });
  await boss.work<IssueJob>(WAYBILL_QUEUE, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    const key = await courierKey();
    for (const job of jobs) await runIssuance(db, key, job.data.batchId);
  });
}

/**
 * Queues the batch on the durable queue; without a running queue (tests, a CLI) it runs here and
 * now, so the caller sees the finished batch.
 */
export async function enqueueIssuance(db: Db, key: Buffer, batchId: number, opts?: RunOptions) {
  const boss = runningQueue();
  if (!boss) {
    await runIssuance(db, key, batchId, opts);
    return { queued: false };
  }
  await boss.send(WAYBILL_QUEUE, { batchId } satisfies IssueJob);
  return { queued: true };
}
