import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { courierAccounts, shipmentOrders, shipments, shops } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import { resolveDestination, type DestinationInput } from "@/server/freight/service";
import { shopWarehouseOrigins } from "@/server/freight/queries";
import { assign } from "./assign";
import { loadCandidates, loadRegionSets, loadRules, parcelFacts } from "./queries";
import type { AssignmentResult, Objective, ParcelDims } from "./types";

/**
 * Courier assignment over the database: load the candidates, rules and region sets once per
 * batch, run the pure engine per parcel, store the chosen account with the whole result (quote,
 * ranked alternatives, exclusions, explanation) on the shipment so the parcel page and the
 * shipping queue show why without recomputing.
 */

type Conn = Db | Tx;
export type Actor = { userId: string | null };

export type AssignOutcome =
  | {
      parcelId: number;
      ok: true;
      accountId: string | null;
      explanation: AssignmentResult["explanation"];
    }
  | { parcelId: number; ok: false; reason: "not_found" | "has_waybill" };

async function loadConfig(db: Conn) {
  // Loaded once: the engine caches compiled templates per template object, so a batch quotes
  // each template compiled only once.
  const [candidates, rules, regionSets] = await Promise.all([
    loadCandidates(db),
    loadRules(db),
    loadRegionSets(db),
  ]);
  return { candidates, rules, regionSets };
}

/**
 * Assigns each parcel and stores the result. Parcels that already have a waybill are left alone:
 * changing their courier now would not change the label already printed. A new assignment
 * clears an earlier manual override (the person chose against an older result).
 */
export async function assignParcels(
  db: Db,
  actor: Actor,
  parcelIds: readonly number[],
): Promise<AssignOutcome[]> {
  return (await assignIfConfigured(db, actor, parcelIds, { always: true })).outcomes;
}

/**
 * Whether assignment has anything to work with: at least one enabled account with an enabled
 * freight template. Without one every parcel would come out "no courier", which says nothing
 * about the parcel and everything about a console nobody has set up freight in yet.
 */
export function assignmentConfigured(candidates: readonly { templates: readonly unknown[] }[]) {
  return candidates.some((c) => c.templates.length > 0);
}

/**
 * assignParcels for issuance: when assignment is not configured at all (see
 * assignmentConfigured) nothing is assigned or stored and `configured` is false, so issuance
 * can fall back to the shop's default account; with `always` it assigns regardless.
 */
export async function assignIfConfigured(
  db: Db,
  _actor: Actor,
  parcelIds: readonly number[],
  opts: { always?: boolean } = {},
): Promise<{
  configured: boolean;
  outcomes: AssignOutcome[];
  results: Map<number, AssignmentResult>;
}> {
  const config = await loadConfig(db);
  const configured = assignmentConfigured(config.candidates);
  const results = new Map<number, AssignmentResult>();
  if (!configured && !opts.always) return { configured, outcomes: [], results };
  const out: AssignOutcome[] = [];
  for (const parcelId of [...new Set(parcelIds)]) {
    const ctx = await parcelFacts(db, parcelId);
    if (!ctx) {
      out.push({ parcelId, ok: false, reason: "not_found" });
      continue;
    }
    if (ctx.trackingNo) {
      out.push({ parcelId, ok: false, reason: "has_waybill" });
      continue;
    }
    const result = assign(
      ctx.facts,
      config.candidates,
      config.rules,
      config.regionSets,
      ctx.objective,
    );
    const accountId = result.chosen?.accountId ?? null;
    await db
      .update(shipments)
      .set({
        assignedAccountId: accountId,
        assignment: result,
        assignmentOverrideReason: null,
        updatedAt: new Date(),
      })
      .where(eq(shipments.id, parcelId));
    results.set(parcelId, result);
    out.push({ parcelId, ok: true, accountId, explanation: result.explanation });
  }
  return { configured, outcomes: out, results };
}

export type OverrideInput = { parcelId: number; accountId: string; reason: string };

/** A person picks the account instead of assignment: needs a reason, audited with both choices. */
export async function overrideAssignment(db: Db, actor: Actor, input: OverrideInput) {
  const reason = input.reason.trim();
  if (!reason) {
    throw new DomainError("INVALID", "An override needs a reason", {
      messageKey: "assignment.errors.reasonRequired",
      fields: { reason: "assignment.errors.reasonRequired" },
    });
  }
  return db.transaction(async (tx) => {
    const [parcel] = await tx
      .select({
        id: shipments.id,
        assignedAccountId: shipments.assignedAccountId,
        trackingNo: shipments.trackingNo,
      })
      .from(shipments)
      .where(eq(shipments.id, input.parcelId))
      .for("update");
    if (!parcel) {
      throw new DomainError("NOT_FOUND", "No such parcel", {
        messageKey: "assignment.errors.parcelNotFound",
      });
    }
    if (parcel.trackingNo) {
      throw new DomainError("CONFLICT", "The parcel already has a waybill: cancel it first", {
        messageKey: "assignment.errors.hasWaybill",
      });
    }
    const [account] = await tx
      .select({ id: courierAccounts.id, enabled: courierAccounts.enabled })
      .from(courierAccounts)
      .where(eq(courierAccounts.id, input.accountId));
    if (!account?.enabled) {
      throw new DomainError("INVALID", "Pick an enabled courier account", {
        messageKey: "assignment.errors.accountUnavailable",
        fields: { accountId: "assignment.errors.accountUnavailable" },
      });
    }
    await tx
      .update(shipments)
      .set({
        assignedAccountId: account.id,
        assignmentOverrideReason: reason,
        updatedAt: new Date(),
      })
      .where(eq(shipments.id, parcel.id));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "shipment.assignment_override",
      entityType: "shipment",
      entityId: String(parcel.id),
      before: { accountId: parcel.assignedAccountId },
      after: { accountId: account.id, reason },
    });
    return { parcelId: parcel.id, accountId: account.id, reason };
  });
}

/** The assignment of each parcel of an order, for the order page. */
export async function assignmentsForOrder(db: Conn, orderId: number) {
  const rows = await db
    .select({
      parcelId: shipments.id,
      accountId: shipments.assignedAccountId,
      assignment: shipments.assignment,
      overrideReason: shipments.assignmentOverrideReason,
      trackingNo: shipments.trackingNo,
    })
    .from(shipmentOrders)
    .innerJoin(shipments, eq(shipments.id, shipmentOrders.shipmentId))
    .where(eq(shipmentOrders.orderId, orderId))
    .orderBy(asc(shipments.id));
  // Every account, so a parcel assigned to a since-disabled account still shows its name; the
  // override picker offers the enabled ones.
  const accounts = await db
    .select({
      id: courierAccounts.id,
      name: courierAccounts.name,
      courier: courierAccounts.courier,
      enabled: courierAccounts.enabled,
    })
    .from(courierAccounts)
    .orderBy(asc(courierAccounts.courier), asc(courierAccounts.id));
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return {
    accounts: accounts.filter((a) => a.enabled),
    parcels: rows.map((r) => ({
      parcelId: r.parcelId,
      account: r.accountId
        ? (byId.get(r.accountId) ?? {
            id: r.accountId,
            name: r.accountId,
            courier: "",
            enabled: false,
          })
        : null,
      assignment: (r.assignment ?? null) as AssignmentResult | null,
      overrideReason: r.overrideReason,
      trackingNo: r.trackingNo,
    })),
  };
}

/** One parcel's assignment with its account, for the shipping queue's explanation popover. */
export async function assignmentForParcel(db: Conn, parcelId: number) {
  const [row] = await db
    .select({
      parcelId: shipments.id,
      assignment: shipments.assignment,
      overrideReason: shipments.assignmentOverrideReason,
      accountId: shipments.assignedAccountId,
      accountName: courierAccounts.name,
      courier: courierAccounts.courier,
    })
    .from(shipments)
    .leftJoin(courierAccounts, eq(courierAccounts.id, shipments.assignedAccountId))
    .where(eq(shipments.id, parcelId));
  if (!row) {
    throw new DomainError("NOT_FOUND", "No such parcel", {
      messageKey: "assignment.errors.parcelNotFound",
    });
  }
  return {
    parcelId: row.parcelId,
    assignment: (row.assignment ?? null) as AssignmentResult | null,
    overrideReason: row.overrideReason,
    account: row.accountId
      ? { id: row.accountId, name: row.accountName ?? row.accountId, courier: row.courier ?? "" }
      : null,
  };
}

export type SampleParcel = {
  shopId: string;
  destination: DestinationInput;
  weightG: number;
  dims?: ParcelDims | null;
  declaredValueFen: number;
  attributes: string[];
  preference?: { only?: string[]; exclude?: string[] };
  /** Defaults to the shop's objective. */
  objective?: Objective;
};

/**
 * "What would happen" for a sample parcel from the shop's default warehouse, with the rule
 * trace: the same engine and configuration as real parcels, nothing stored.
 */
export async function whatIf(db: Conn, sample: SampleParcel) {
  const [shop] = await db
    .select({
      id: shops.id,
      objective: shops.assignmentObjective,
      allowed: shops.allowedCourierAccountIds,
    })
    .from(shops)
    .where(eq(shops.id, sample.shopId));
  if (!shop) {
    throw new DomainError("NOT_FOUND", "No such shop", {
      messageKey: "assignment.errors.shopNotFound",
      fields: { shopId: "assignment.errors.shopNotFound" },
    });
  }
  const destination = resolveDestination(sample.destination);
  if (!destination.ok) {
    throw new DomainError("INVALID", destination.message, {
      messageKey: "assignment.errors.destination",
      fields: { destination: "assignment.errors.destination" },
    });
  }
  const [origin] = await shopWarehouseOrigins(db, [shop.id]);
  if (!origin) {
    throw new DomainError("INVALID", "The shop has no default warehouse", {
      messageKey: "assignment.errors.noWarehouse",
    });
  }
  const config = await loadConfig(db);
  const objective = sample.objective ?? shop.objective;
  const result = assign(
    {
      originCode: origin.warehouse.code,
      destinationCode: destination.code,
      weightG: sample.weightG,
      dims: sample.dims ?? null,
      declaredValueFen: sample.declaredValueFen,
      attributes: [...new Set(sample.attributes)],
      shopId: shop.id,
      allowedAccountIds: shop.allowed ?? null,
      preference: sample.preference ?? {},
    },
    config.candidates,
    config.rules,
    config.regionSets,
    objective,
  );
  return {
    origin: { code: origin.warehouse.code, label: origin.warehouse.regionText },
    destination: { code: destination.code, label: destination.label },
    result,
  };
}
