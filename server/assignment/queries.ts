import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  assignmentRules,
  courierAccounts,
  orderItems,
  orders,
  parcelItems,
  shipmentOrders,
  shipments,
  shops,
  warehouses,
} from "@/db/schema";
import { breakers } from "@/server/couriers/resilience";
import { listStoredTemplates } from "@/server/freight/queries";
import { exampleCandidates } from "./examples";
import { ruleActionSchema, ruleConditionSchema } from "./schemas";
import type { Candidate, CourierLimits, Objective, ParcelFacts, Rule } from "./types";

export { loadRegionSets } from "@/server/freight/queries";

/**
 * Assignment's reads: the candidates (accounts with their templates, limits and breaker state),
 * the rules, and a parcel's facts as the pure engine (assign.ts) wants them.
 */

type Conn = Db | Tx;

/**
 * Per-courier limits and goods restrictions. The database has no columns for them yet, so they
 * come from the engine's example defaults (server/assignment/examples.ts: EMS refuses liquids
 * and batteries, 50 kg express networks, 60 kg Deppon); couriers without an example get the
 * usual express-network limits.
 */
const FALLBACK_LIMITS: CourierLimits = { maxWeightG: 50_000, maxSideMm: 1_500, maxSumMm: 3_000 };
const courierDefaults = new Map(
  exampleCandidates().map((c) => [
    c.courier,
    { limits: c.limits, refuses: c.restrictions.refuses },
  ]),
);

export function defaultsFor(courier: string): { limits: CourierLimits; refuses: string[] } {
  const d = courierDefaults.get(courier);
  return {
    limits: { ...(d?.limits ?? FALLBACK_LIMITS) },
    refuses: [...(d?.refuses ?? [])],
  };
}

/**
 * Enabled accounts with their enabled templates. Breaker state is this process's view (the
 * registry is in memory); a half-open breaker lets a probe through, so it counts as closed.
 * No lane history yet: "fastest" uses the templates' promised transit days.
 */
export async function loadCandidates(db: Conn): Promise<Candidate[]> {
  const [accounts, stored] = await Promise.all([
    db
      .select({
        id: courierAccounts.id,
        courier: courierAccounts.courier,
        name: courierAccounts.name,
      })
      .from(courierAccounts)
      .where(eq(courierAccounts.enabled, true))
      .orderBy(asc(courierAccounts.courier), asc(courierAccounts.id)),
    listStoredTemplates(db, { enabledOnly: true }),
  ]);
  return accounts.map((a) => {
    const breaker = breakers.stateOf(a.id);
    const { limits, refuses } = defaultsFor(a.courier);
    return {
      accountId: a.id,
      courier: a.courier,
      name: a.name,
      enabled: true,
      breakerOpen: breaker.state === "open",
      retryAt: breaker.retryAt?.toISOString() ?? null,
      templates: stored.filter((s) => s.account.id === a.id).map((s) => s.template),
      limits,
      restrictions: { refuses },
    };
  });
}

export type RuleRow = typeof assignmentRules.$inferSelect;

/**
 * A stored rule in the engine's shape. JSON that no longer validates (edited by hand, or an older
 * shape) is kept but disabled, so one bad row cannot stop every parcel from being assigned.
 */
export function ruleOf(row: RuleRow): Rule {
  const condition = ruleConditionSchema.safeParse(row.condition);
  const action = ruleActionSchema.safeParse(row.action);
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled && condition.success && action.success,
    condition: condition.success ? condition.data : {},
    action: action.success ? action.data : { kind: "exclude", accountIds: [] },
  };
}

export async function loadRules(db: Conn): Promise<Rule[]> {
  const rows = await db
    .select()
    .from(assignmentRules)
    .orderBy(asc(assignmentRules.position), asc(assignmentRules.id));
  return rows.map(ruleOf);
}

export type ParcelContextRow = {
  facts: ParcelFacts;
  objective: Objective;
  trackingNo: string | null;
};

/**
 * What assignment knows about a parcel: from its warehouse's county to the recipient's county
 * (or city), the packed weight and size when packing recorded them (else the items' catalogue
 * weights), the items' value and goods attributes, and the wishes of its shop and customers.
 * null for an unknown parcel.
 */
export async function parcelFacts(db: Conn, parcelId: number): Promise<ParcelContextRow | null> {
  const [p] = await db
    .select({
      s: shipments,
      whCounty: warehouses.countyCode,
      whCity: warehouses.cityCode,
    })
    .from(shipments)
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(eq(shipments.id, parcelId));
  if (!p) return null;
  const linked = await db
    .select({
      id: orders.id,
      preference: orders.courierPreference,
      shopId: shops.id,
      objective: shops.assignmentObjective,
      allowed: shops.allowedCourierAccountIds,
    })
    .from(shipmentOrders)
    .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(eq(shipmentOrders.shipmentId, parcelId))
    .orderBy(asc(orders.id));
  const first = linked[0];
  if (!first) return null;

  // What the parcel carries: its own lines after a split, else its orders' physical lines whole.
  const physical = await db
    .select({ item: orderItems, quantity: parcelItems.quantity })
    .from(parcelItems)
    .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
    .where(eq(parcelItems.shipmentId, parcelId));

  const s = p.s;
  const dims =
    s.lengthMm && s.widthMm && s.heightMm
      ? { lengthMm: s.lengthMm, widthMm: s.widthMm, heightMm: s.heightMm }
      : null;
  const only = linked.find((o) => o.preference?.only?.length)?.preference?.only;
  const exclude = [...new Set(linked.flatMap((o) => o.preference?.exclude ?? []))];
  return {
    objective: first.objective,
    trackingNo: s.trackingNo,
    facts: {
      originCode: p.whCounty ?? p.whCity,
      destinationCode: s.countyCode ?? s.cityCode,
      weightG: s.weightG ?? physical.reduce((g, l) => g + (l.item.weightG ?? 0) * l.quantity, 0),
      dims,
      declaredValueFen: physical.reduce((v, l) => v + l.item.unitPriceFen * l.quantity, 0),
      attributes: [...new Set(physical.flatMap((l) => l.item.attributes ?? []))].sort(),
      shopId: first.shopId,
      allowedAccountIds: first.allowed ?? null,
      preference: {
        ...(only ? { only } : {}),
        ...(exclude.length > 0 ? { exclude } : {}),
      },
    },
  };
}
