import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, waybillBatches, waybillBatchItems } from "@/db/schema";
import { breakers } from "@/server/couriers/resilience";
import { resolveCourier } from "@/server/couriers/resolve";
import { DomainError } from "@/server/errors";
import type { OrderActor } from "@/server/orders/service";
import { assignIfConfigured } from "@/server/assignment/service";
import type { AssignmentResult } from "@/server/assignment/types";
import { chooseAccount, needsAssignment } from "./account-choice";
import { stateRefusal, type RunOptions } from "./issue-run";
import { enqueueIssuance } from "./jobs";
import * as q from "./queries";
import type { IssueInput, RetryInput } from "./schemas";

/** A parcel left out of the batch, with why (no item row can exist without an account). */
export type Rejected = { parcelId: number; code: "NOT_FOUND" | "NO_ACCOUNT"; reason: string };

async function mustHaveAccounts(db: Db, ids: (string | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: courierAccounts.id })
    .from(courierAccounts)
    .where(inArray(courierAccounts.id, wanted));
  const missing = wanted.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    throw new DomainError("INVALID", `Unknown courier account ${missing.join(", ")}`, {
      messageKey: "waybills.errors.unknownAccount",
    });
  }
}

/**
 * Records the batch and its items. Each parcel's account comes from chooseAccount
 * (account-choice.ts): the dialog's per-parcel choice, else the batch's, else courier assignment
 * (run here first for parcels that have none yet, and for every parcel not overridden when
 * `auto` — auto-shipping at packing), else the shop's default only when assignment is not
 * configured at all. A parcel assignment finds no courier for fails with the explanation.
 * Parcels that already have an active waybill are issued with it (never a second one); parcels
 * that are not packed or are held fail at once with the reason.
 */
export async function createIssuanceBatch(
  db: Db,
  actor: OrderActor,
  input: IssueInput,
  opts: {
    /**
     * Auto-shipping: re-assign every parcel a person has not overridden (the packed weight and
     * box may change the best courier), and record "no account" as a failed item rather than
     * leaving it out, so the shipping queue shows it and the sweep backs off.
     */
    auto?: boolean;
  } = {},
) {
  await mustHaveAccounts(db, [input.accountId, ...Object.values(input.accountByParcel ?? {})]);
  const ids = [...new Set(input.parcelIds)];
  const parcels = await q.parcelsForIssuing(db, ids);
  const toAssign = [...parcels.values()]
    .filter(
      (p) =>
        !p.active &&
        needsAssignment({
          parcelAccountId: input.accountByParcel?.[String(p.id)],
          batchAccountId: input.accountId,
          assignedAccountId: p.assignedAccountId,
          overridden: p.assignmentOverrideReason !== null,
          issuable: stateRefusal(p) === null,
          reassign: opts.auto ?? false,
        }),
    )
    .map((p) => p.id);
  const assigned =
    toAssign.length > 0
      ? await assignIfConfigured(db, { userId: actor.userId }, toAssign)
      : { configured: true, outcomes: [], results: new Map<number, AssignmentResult>() };
  for (const o of assigned.outcomes) {
    const p = parcels.get(o.parcelId);
    if (p && o.ok) p.assignedAccountId = o.accountId;
  }
  const rejected: Rejected[] = [];
  const items: (typeof waybillBatchItems.$inferInsert)[] = [];
  for (const id of ids) {
    const p = parcels.get(id);
    if (!p) {
      rejected.push({ parcelId: id, code: "NOT_FOUND", reason: `parcel P${id} not found` });
      continue;
    }
    if (p.active) {
      items.push({
        batchId: 0,
        shipmentId: id,
        accountId: p.active.accountId,
        status: "issued",
        waybillId: p.active.id,
      });
      continue;
    }
    const refusal = stateRefusal(p);
    const choice = chooseAccount({
      parcelAccountId: input.accountByParcel?.[String(id)],
      batchAccountId: input.accountId,
      assignedAccountId: p.assignedAccountId,
      overridden: p.assignmentOverrideReason !== null,
      assignmentConfigured: assigned.configured,
      noCourierExplanation: assigned.results.get(id)?.explanation.en,
      shopAccountId: p.shopAccountId,
    });
    if (refusal) {
      items.push({
        batchId: 0,
        shipmentId: id,
        accountId: choice.kind === "account" ? choice.accountId : null,
        status: "failed",
        errorKind: "STATE",
        error: refusal,
      });
    } else if (choice.kind === "account") {
      items.push({ batchId: 0, shipmentId: id, accountId: choice.accountId, status: "pending" });
    } else if (choice.kind === "no_courier") {
      items.push({
        batchId: 0,
        shipmentId: id,
        accountId: null,
        status: "failed",
        errorKind: "NO_COURIER",
        error: choice.reason,
      });
    } else if (opts.auto) {
      items.push({
        batchId: 0,
        shipmentId: id,
        accountId: null,
        status: "failed",
        errorKind: "NO_ACCOUNT",
        error:
          "no courier account: set up freight templates for assignment, or the shop's default account",
      });
    } else {
      rejected.push({
        parcelId: id,
        code: "NO_ACCOUNT",
        reason: "no courier account: choose one for the batch, or set the shop's default account",
      });
    }
  }
  if (items.length === 0) {
    throw new DomainError(
      "INVALID",
      rejected.map((r) => r.reason).join("; ") || "Nothing to issue",
      {
        messageKey:
          rejected.length > 0 ? "waybills.errors.noAccount" : "waybills.errors.nothingToIssue",
      },
    );
  }
  const batchId = await db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(waybillBatches)
      .values({
        total: items.length,
        issued: items.filter((i) => i.status === "issued").length,
        failed: items.filter((i) => i.status === "failed").length,
        createdBy: actor.userId,
      })
      .returning({ id: waybillBatches.id });
    await tx.insert(waybillBatchItems).values(items.map((i) => ({ ...i, batchId: batch!.id })));
    return batch!.id;
  });
  return { batchId, rejected };
}

/** "Issue waybills": the batch, then the durable job (inline when no queue runs). */
export async function startIssuance(
  db: Db,
  key: Buffer,
  actor: OrderActor,
  input: IssueInput,
  opts?: RunOptions & { auto?: boolean },
) {
  const created = await createIssuanceBatch(db, actor, input, { auto: opts?.auto });
  await enqueueIssuance(db, key, created.batchId, opts);
  return created;
}

/**
 * Failed parcels of a batch back to pending, optionally on another account, and run again.
 * Without an account, parcels no courier was found for are assigned again first (the weight,
 * the templates or the rules may have changed); those still without one stay failed.
 */
export async function retryItems(
  db: Db,
  key: Buffer,
  actor: OrderActor,
  input: RetryInput,
  opts?: RunOptions,
) {
  await mustHaveAccounts(db, [input.accountId]);
  if (!input.accountId) {
    const orphans = await db
      .select({ id: waybillBatchItems.shipmentId })
      .from(waybillBatchItems)
      .where(
        and(
          eq(waybillBatchItems.batchId, input.batchId),
          inArray(waybillBatchItems.shipmentId, input.parcelIds),
          eq(waybillBatchItems.status, "failed"),
          isNull(waybillBatchItems.accountId),
        ),
      );
    if (orphans.length > 0) {
      const { outcomes } = await assignIfConfigured(
        db,
        { userId: actor.userId },
        orphans.map((o) => o.id),
      );
      for (const o of outcomes) {
        if (!o.ok || !o.accountId) continue;
        await db
          .update(waybillBatchItems)
          .set({ accountId: o.accountId })
          .where(
            and(
              eq(waybillBatchItems.batchId, input.batchId),
              eq(waybillBatchItems.shipmentId, o.parcelId),
            ),
          );
      }
    }
  }
  const retried = await db.transaction(async (tx) => {
    const rows = await tx
      .update(waybillBatchItems)
      .set({
        status: "pending",
        errorKind: null,
        error: null,
        updatedAt: new Date(),
        ...(input.accountId ? { accountId: input.accountId } : {}),
      })
      .where(
        and(
          eq(waybillBatchItems.batchId, input.batchId),
          inArray(waybillBatchItems.shipmentId, input.parcelIds),
          eq(waybillBatchItems.status, "failed"),
          // A parcel no courier was found for stays failed unless the retry names an account.
          input.accountId ? undefined : isNotNull(waybillBatchItems.accountId),
        ),
      )
      .returning({ id: waybillBatchItems.shipmentId });
    if (rows.length > 0) {
      await tx
        .update(waybillBatches)
        .set({ status: "queued", finishedAt: null })
        .where(eq(waybillBatches.id, input.batchId));
      await q.recountBatch(tx, input.batchId, false);
    }
    return rows.length;
  });
  if (retried > 0) await enqueueIssuance(db, key, input.batchId, opts);
  return { batchId: input.batchId, retried };
}

export async function batchStatus(db: Db, batchId: number) {
  const found = await q.batchWithItems(db, batchId);
  if (!found) {
    throw new DomainError("NOT_FOUND", `Waybill batch ${batchId} not found`, {
      messageKey: "waybills.errors.batchNotFound",
    });
  }
  const { batch, items } = found;
  return {
    id: batch.id,
    status: batch.status,
    total: batch.total,
    issued: batch.issued,
    failed: batch.failed,
    pending: items.filter((i) => i.status === "pending").length,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
    items,
  };
}

export function breakerStates() {
  return breakers.all();
}

/** Enabled accounts with what the issue dialog shows: label size, concurrency, breaker, pickup. */
export async function accountsForIssuing(db: Db) {
  const rows = await db
    .select({
      id: courierAccounts.id,
      name: courierAccounts.name,
      courier: courierAccounts.courier,
      environment: courierAccounts.environment,
      labelTemplate: courierAccounts.labelTemplate,
      maxConcurrency: courierAccounts.maxConcurrency,
    })
    .from(courierAccounts)
    .where(eq(courierAccounts.enabled, true))
    .orderBy(asc(courierAccounts.courier), asc(courierAccounts.id));
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      supportsPickup: Boolean((await resolveCourier(db, r.courier))?.driver.bookPickup),
      breaker: breakers.stateOf(r.id),
    })),
  );
}
