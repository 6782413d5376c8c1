/**
 * Auto-shipping: for shops with `auto_ship` on, a paid physical parcel is assigned a courier as
 * soon as its order awaits shipment, and gets its waybill as soon as it is packed (re-assigned
 * with the real weight and box unless a person overrode it), so the warehouse only packs and
 * prints. The waybill comes through the normal issuance path (createIssuanceBatch + the
 * "waybills.issue" job), so a parcel never gets two.
 *
 * Triggers enqueue a durable job after their transaction commits (REST API upsert, import
 * commit, packing); a sweep every minute picks up what a lost job or a stopped worker missed.
 * Decisions are pure (auto-ship-rules.ts): failures are retried only after the parcel changes or
 * after a backoff, never in a tight loop. Failures land as failed batch items with their reason,
 * which the shipping queue shows on the parcel.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { orders, shipmentOrders, shipments, shops } from "@/db/schema";
import { assignParcels } from "@/server/assignment/service";
import { runningQueue } from "@/server/jobs/queue";
import type { OrderActor } from "@/server/orders/service";
import {
  decideAutoShip,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  STALE_PENDING_MS,
  type AutoShipFacts,
} from "./auto-ship-rules";
import type { RunOptions } from "./issue-run";
import { startIssuance } from "./service";

export const AUTO_SHIP_QUEUE = "shipping.auto-ship";
export const AUTO_SHIP_SWEEP_QUEUE = "shipping.auto-ship-sweep";
/** pg-boss cron has minute resolution. */
export const AUTO_SHIP_SWEEP_CRON = "* * * * *";
/** Parcels per job and per sweep. */
const JOB_PARCELS = 200;
const SWEEP_LIMIT = 500;

export const autoShipActor: OrderActor = { userId: null, label: "system" };

type AutoShipJob = { parcelIds: number[] };

export type AutoShipOptions = {
  /** Courier credential key: needed to issue when the work runs inline (no queue). */
  key?: Buffer;
  run?: RunOptions;
};

const autoShipShop = sql`exists (select 1 from ${shipmentOrders} so join ${orders} o on o.id = so.order_id join ${shops} sh on sh.id = o.shop_id where so.shipment_id = ${shipments.id} and sh.auto_ship)`;
const activeWaybill = sql`exists (select 1 from waybills w where w.shipment_id = ${shipments.id} and w.status = 'active')`;

/** What auto-ship-rules.ts needs per parcel, in one query whatever their number. */
async function loadFacts(db: Db, where: SQL, limit?: number) {
  const rows = await db
    .select({
      id: shipments.id,
      status: shipments.status,
      held: sql<boolean>`${shipments.heldAt} is not null`,
      hasWaybill: sql<boolean>`(${shipments.trackingNo} is not null or ${activeWaybill})`,
      overridden: sql<boolean>`${shipments.assignmentOverrideReason} is not null`,
      assigned: sql<boolean>`${shipments.assignment} is not null`,
      updatedAt: shipments.updatedAt,
      autoShip: sql<boolean>`${autoShipShop}`,
      lastStatus: sql<"pending" | "issued" | "failed" | null>`li.status`,
      lastAt: sql<string | null>`li.updated_at`,
      failures: sql<number>`coalesce(li.failures, 0)::int`,
    })
    .from(shipments)
    .leftJoin(
      sql`lateral (
        select i.status, i.updated_at,
          (select count(*) from waybill_batch_items f where f.shipment_id = ${shipments.id} and f.status = 'failed') as failures
        from waybill_batch_items i where i.shipment_id = ${shipments.id}
        order by i.updated_at desc, i.batch_id desc limit 1
      ) li`,
      sql`true`,
    )
    .where(where)
    .orderBy(shipments.id)
    .limit(limit ?? 100_000);
  return rows.map((r) => ({
    id: r.id,
    facts: {
      autoShip: r.autoShip,
      status: r.status,
      held: r.held,
      hasWaybill: r.hasWaybill,
      overridden: r.overridden,
      assigned: r.assigned,
      updatedAt: r.updatedAt,
      last:
        r.lastStatus && r.lastAt ? { status: r.lastStatus, updatedAt: new Date(r.lastAt) } : null,
      failures: r.failures,
    } satisfies AutoShipFacts,
  }));
}

/**
 * The job's body: assign the parcels that need it, issue the packed ones in one batch. Safe to
 * run twice: every decision is re-taken from the database, and issuance skips parcels with an
 * active waybill. Without `key` (inline, no queue, no credentials at hand) the packed ones wait
 * for the sweep.
 */
export async function runAutoShip(
  db: Db,
  key: Buffer | null,
  parcelIds: readonly number[],
  opts: RunOptions = {},
) {
  const ids = [...new Set(parcelIds)];
  if (ids.length === 0) return { assigned: [], issued: [], batchId: null };
  const facts = await loadFacts(db, inArray(shipments.id, ids));
  const now = new Date();
  const toAssign: number[] = [];
  const toIssue: number[] = [];
  for (const { id, facts: f } of facts) {
    const action = decideAutoShip(f, now);
    if (action.kind === "assign") toAssign.push(id);
    if (action.kind === "issue") toIssue.push(id);
  }
  if (toAssign.length > 0) await assignParcels(db, autoShipActor, toAssign);
  let batchId: number | null = null;
  if (toIssue.length > 0 && key) {
    ({ batchId } = await startIssuance(
      db,
      key,
      autoShipActor,
      { parcelIds: toIssue },
      { ...opts, auto: true },
    ));
  }
  return { assigned: toAssign, issued: key ? toIssue : [], batchId };
}

/**
 * Parcels the sweep should look at: auto-ship shops' parcels awaiting an assignment, or packed
 * without a waybill and with no issuance in flight (or one stale for half an hour), never tried,
 * changed since the last failure, or past the backoff (the same schedule as retryDelayMs; decideAutoShip has the last word).
 */
export async function sweepCandidates(db: Db) {
  const due = sql`(li.status is null or (li.status = 'pending' and li.updated_at < now() - ${STALE_PENDING_MS}::float8 * interval '1 millisecond') or (li.status = 'failed' and (${shipments.updatedAt} > li.updated_at or li.updated_at <= now() - least(${RETRY_MAX_MS}::float8, ${RETRY_BASE_MS}::float8 * power(2, least(greatest(li.failures, 1) - 1, 20))) * interval '1 millisecond')))`;
  const rows = await loadFacts(
    db,
    and(
      inArray(shipments.status, ["AWAITING_PACK", "PACKED"]),
      sql`${shipments.heldAt} is null`,
      sql`${shipments.trackingNo} is null`,
      autoShipShop,
      sql`((${shipments.status} = 'AWAITING_PACK' and ${shipments.assignment} is null and ${shipments.assignmentOverrideReason} is null)
        or (${shipments.status} = 'PACKED' and not ${activeWaybill} and ${due}))`,
    )!,
    SWEEP_LIMIT,
  );
  const now = new Date();
  return rows.filter((r) => decideAutoShip(r.facts, now).kind !== "skip").map((r) => r.id);
}

export async function sweepAutoShip(db: Db, key: Buffer | null, opts: RunOptions = {}) {
  const ids = await sweepCandidates(db);
  if (ids.length === 0) return { parcels: 0 };
  await runAutoShip(db, key, ids, opts);
  return { parcels: ids.length };
}

/** The parcels of these orders or these parcels whose shop auto-ships: one query. */
async function autoShipParcels(db: Db, ref: { orderIds?: number[]; parcelIds?: number[] }) {
  const byOrder = ref.orderIds?.length
    ? await db
        .selectDistinct({ id: shipmentOrders.shipmentId })
        .from(shipmentOrders)
        .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
        .innerJoin(shops, eq(shops.id, orders.shopId))
        .where(and(inArray(shipmentOrders.orderId, ref.orderIds), eq(shops.autoShip, true)))
    : [];
  const byParcel = ref.parcelIds?.length
    ? await db
        .select({ id: shipments.id })
        .from(shipments)
        .where(and(inArray(shipments.id, ref.parcelIds), autoShipShop))
    : [];
  return [...new Set([...byOrder, ...byParcel].map((r) => r.id))];
}

/**
 * Call after the transaction that made orders paid or packed parcels has committed. Sends the
 * job when a queue runs, else runs it here. Never throws: the orders and parcels are saved, and
 * whatever this misses the sweep picks up.
 */
export async function enqueueAutoShip(
  db: Db,
  ref: { orderIds?: number[]; parcelIds?: number[] },
  opts: AutoShipOptions = {},
) {
  try {
    const ids = await autoShipParcels(db, ref);
    if (ids.length === 0) return { parcels: 0, queued: false };
    const boss = runningQueue();
    if (!boss) {
      await runAutoShip(db, opts.key ?? null, ids, opts.run);
      return { parcels: ids.length, queued: false };
    }
    for (let i = 0; i < ids.length; i += JOB_PARCELS) {
      await boss.send(AUTO_SHIP_QUEUE, {
        parcelIds: ids.slice(i, i + JOB_PARCELS),
      } satisfies AutoShipJob);
    }
    return { parcels: ids.length, queued: true };
  } catch (error) {
    console.error("[auto-ship]", error instanceof Error ? error.message : error);
    return { parcels: 0, queued: false };
  }
}

export async function registerAutoShipWorker(
  boss: PgBoss,
  db: Db,
  courierKey: () => Promise<Buffer>,
) {
  await boss.createQueue(AUTO_SHIP_QUEUE, {
    name: AUTO_SHIP_QUEUE,
    retryLimit: 3,
    retryDelay: 10,
    expireInSeconds: 600,
  });
  await boss.work<AutoShipJob>(AUTO_SHIP_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    const key = await courierKey();
    for (const job of jobs) await runAutoShip(db, key, job.data.parcelIds);
  });
  await boss.createQueue(AUTO_SHIP_SWEEP_QUEUE, {
    name: AUTO_SHIP_SWEEP_QUEUE,
    policy: "singleton",
  });
  await boss.work(AUTO_SHIP_SWEEP_QUEUE, async () => {
    await sweepAutoShip(db, await courierKey());
  });
  await boss.schedule(AUTO_SHIP_SWEEP_QUEUE, AUTO_SHIP_SWEEP_CRON);
}
