/**
 * The body of the issuance job: every pending item of a batch gets its waybill from the courier
 * (per-account concurrency, breaker, retries where safe) or a recorded failure, and the results are
 * written in small transactions. Kill it at any point and run it again: it picks up the pending
 * items only, and the courier's de-duplication by our order id (or SF's order search after a
 * DUPLICATE) hands back the waybills the killed run had already been given.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  shipmentOrders,
  shipments,
  waybillBatches,
  waybillBatchItems,
  waybills,
} from "@/db/schema";
import type { WaybillResult } from "@/server/couriers/contract";
import type { OrderActor } from "@/server/orders/service";
import {
  courierDeps,
  createWaybill,
  describeFailure,
  openAccount,
  type AccountHandle,
  type CourierDeps,
} from "./courier-calls";
import { syncOrdersInBulk } from "./order-sync";
import { toWaybillOrder } from "./parties";
import * as q from "./queries";

type Outcome =
  | { parcelId: number; kind: "issued"; account: AccountHandle; result: WaybillResult }
  | { parcelId: number; kind: "existing"; waybillId: number }
  | { parcelId: number; kind: "failed"; errorKind: string; error: string };

export type RunOptions = {
  deps?: Partial<CourierDeps>;
  /** At most this many results per write transaction. */
  chunk?: number;
};

export async function runIssuance(db: Db, key: Buffer, batchId: number, opts: RunOptions = {}) {
  const deps = courierDeps(opts.deps);
  const [batch] = await db
    .update(waybillBatches)
    .set({ status: "running" })
    .where(eq(waybillBatches.id, batchId))
    .returning({ createdBy: waybillBatches.createdBy });
  if (!batch) return;
  const actor: OrderActor = { userId: batch.createdBy, label: batch.createdBy ?? "system" };
  const items = await q.pendingItems(db, batchId);
  const parcels = await q.parcelsForIssuing(
    db,
    items.map((i) => i.shipmentId),
  );
  const writer = new ResultWriter(db, batchId, actor, opts.chunk ?? 50);
  const byAccount = new Map<string, q.ParcelForIssuing[]>();
  for (const item of items) {
    const parcel = parcels.get(item.shipmentId);
    if (!parcel) continue; // deleted with its items (merged away): nothing to issue
    const refusal = stateRefusal(parcel);
    if (parcel.active) {
      writer.add({ parcelId: parcel.id, kind: "existing", waybillId: parcel.active.id });
    } else if (refusal) {
      writer.add({ parcelId: parcel.id, kind: "failed", errorKind: "STATE", error: refusal });
    } else if (!item.accountId) {
      // Never written as pending (a retry without an account leaves these failed); defensive.
      writer.add({
        parcelId: parcel.id,
        kind: "failed",
        errorKind: "NO_COURIER",
        error: "no courier account for this parcel",
      });
    } else {
      byAccount.set(item.accountId, [...(byAccount.get(item.accountId) ?? []), parcel]);
    }
  }
  await Promise.all(
    [...byAccount].map(async ([accountId, group]) => {
      let account: AccountHandle;
      try {
        account = await openAccount(db, key, accountId, deps);
      } catch (error) {
        const { kind, message } = describeFailure(error);
        for (const p of group) {
          writer.add({ parcelId: p.id, kind: "failed", errorKind: kind, error: message });
        }
        return;
      }
      // Every parcel starts at once; the account's limiter decides how many are on the wire.
      await Promise.all(
        group.map(async (p) => {
          if (writer.crashed) return;
          const order = toWaybillOrder(p, p.warehouse, p.lines, p.cancelled);
          try {
            const result = await createWaybill(account, order, deps);
            writer.add({ parcelId: p.id, kind: "issued", account, result });
          } catch (error) {
            const { kind, message } = describeFailure(error);
            writer.add({ parcelId: p.id, kind: "failed", errorKind: kind, error: message });
          }
        }),
      );
    }),
  );
  await writer.close();
  // Done unless a retry put items back to pending meanwhile (its own job finishes the batch).
  await db
    .update(waybillBatches)
    .set({ status: "done", finishedAt: new Date() })
    .where(
      and(
        eq(waybillBatches.id, batchId),
        sql`not exists (select 1 from ${waybillBatchItems} i where i.batch_id = ${batchId} and i.status = 'pending')`,
      ),
    );
}

/** Why a parcel cannot get a waybill now, or null. Checked again when the job runs. */
export function stateRefusal(p: {
  status: string;
  heldAt: Date | null;
  holdReason: string | null;
}) {
  if (p.status !== "PACKED") {
    return `the parcel is ${p.status}: only packed parcels get waybills`;
  }
  if (p.heldAt) return `the parcel is on hold${p.holdReason ? `: ${p.holdReason}` : ""}`;
  return null;
}

/**
 * Buffers outcomes and writes them in order, one transaction per `chunk` outcomes or per
 * `FLUSH_MS`, whichever comes first: live progress on a small batch, few transactions on a big
 * one. A failed write (the database went away, the worker is being killed) stops the run: its
 * items stay pending for the next run, which recovers the waybills from the courier.
 */
const FLUSH_MS = 250;

class ResultWriter {
  private buffer: Outcome[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private error: unknown;

  constructor(
    private readonly db: Db,
    private readonly batchId: number,
    private readonly actor: OrderActor,
    private readonly chunk: number,
  ) {}

  get crashed(): boolean {
    return this.error !== undefined;
  }

  add(outcome: Outcome) {
    if (this.crashed) return;
    this.buffer.push(outcome);
    if (this.buffer.length >= this.chunk) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  async close() {
    this.flush();
    await this.chain;
    if (this.crashed) throw this.error;
  }

  private flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const outcomes = this.buffer.splice(0);
    if (outcomes.length === 0) return;
    this.chain = this.chain
      .then(() => {
        if (this.crashed) return;
        return this.db.transaction((tx) => writeOutcomes(tx, this.batchId, this.actor, outcomes));
      })
      .catch((error: unknown) => {
        this.error ??= error;
      });
  }
}

/**
 * One chunk of outcomes in one transaction, in a fixed number of statements (plus one per
 * failure, whose messages differ): lock the parcels, insert the new waybills (ON CONFLICT on the
 * one-active-per-parcel index keeps whichever came first), label the parcels with the stored
 * waybill's number, mark the items, move the orders, recount.
 */
async function writeOutcomes(tx: Tx, batchId: number, actor: OrderActor, outcomes: Outcome[]) {
  const ids = outcomes.map((o) => o.parcelId);
  const locked = await tx
    .select({ id: shipments.id, status: shipments.status })
    .from(shipments)
    .where(inArray(shipments.id, ids))
    .for("update");
  const statusOf = new Map(locked.map((p) => [p.id, p.status]));
  const fresh: Extract<Outcome, { kind: "issued" }>[] = [];
  const failures: Extract<Outcome, { kind: "failed" }>[] = [];
  const ok: number[] = [];
  for (const o of outcomes) {
    if (o.kind === "failed") failures.push(o);
    else if (o.kind === "existing") ok.push(o.parcelId);
    else {
      const status = statusOf.get(o.parcelId);
      if (status === "PACKED" || status === "LABELLED") {
        fresh.push(o);
        ok.push(o.parcelId);
      } else {
        // Cancelled or unpacked while the courier answered: keep the courier's number in the
        // message so nobody is left wondering where that waybill went.
        failures.push({
          parcelId: o.parcelId,
          kind: "failed",
          errorKind: "STATE",
          error: `the parcel became ${status ?? "deleted"} while issuing; cancel waybill ${o.result.trackingNo} at the courier`,
        });
      }
    }
  }
  if (fresh.length > 0) {
    await tx
      .insert(waybills)
      .values(fresh.map((o) => waybillRow(o, actor)))
      .onConflictDoNothing({ target: waybills.shipmentId, where: sql`status = 'active'` });
    const freshIds = fresh.map((o) => o.parcelId);
    await tx
      .update(shipments)
      .set({ status: "LABELLED", trackingNo: sql`${waybills.trackingNo}`, updatedAt: new Date() })
      .from(waybills)
      .where(
        and(
          eq(waybills.shipmentId, shipments.id),
          eq(waybills.status, "active"),
          inArray(shipments.id, freshIds),
          inArray(shipments.status, ["PACKED", "LABELLED"]),
        ),
      );
    const links = await tx
      .selectDistinct({ orderId: shipmentOrders.orderId })
      .from(shipmentOrders)
      .where(inArray(shipmentOrders.shipmentId, freshIds));
    await syncOrdersInBulk(
      tx,
      links.map((l) => l.orderId),
      actor,
      `waybill issued (batch #${batchId})`,
    );
  }
  const inBatch = (parcels: number[]) =>
    and(eq(waybillBatchItems.batchId, batchId), inArray(waybillBatchItems.shipmentId, parcels));
  if (ok.length > 0) {
    await tx
      .update(waybillBatchItems)
      .set({ status: "issued", waybillId: sql`${waybills.id}`, errorKind: null, error: null })
      .from(waybills)
      .where(
        and(
          eq(waybills.shipmentId, waybillBatchItems.shipmentId),
          eq(waybills.status, "active"),
          inBatch(ok),
        ),
      );
  }
  for (const f of failures) {
    await tx
      .update(waybillBatchItems)
      .set({ status: "failed", errorKind: f.errorKind, error: f.error })
      .where(inBatch([f.parcelId]));
  }
  await tx
    .update(waybillBatchItems)
    .set({ attempts: sql`${waybillBatchItems.attempts} + 1`, updatedAt: new Date() })
    .where(inBatch(ids));
  await q.recountBatch(tx, batchId, false);
}

function waybillRow(o: Extract<Outcome, { kind: "issued" }>, actor: OrderActor) {
  return {
    shipmentId: o.parcelId,
    accountId: o.account.id,
    courier: o.account.courier,
    trackingNo: o.result.trackingNo,
    sortingCode: o.result.sortingCode ?? null,
    packageCenter: o.result.packageCenter ?? null,
    originCode: o.result.originCode ?? null,
    destCode: o.result.destCode ?? null,
    labelData: o.result.labelData,
    issuedBy: actor.userId,
  };
}
