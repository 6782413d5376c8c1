import { asc, eq, max } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { assignmentRules, courierAccounts, shops } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import { loadRegionSets, loadRules, ruleOf, type RuleRow } from "./queries";
import type { Objective, Rule, RuleAction, RuleCondition } from "./types";

/**
 * Settings › Assignment: each shop's objective and the ordered rule list. Every change is
 * audited in the transaction that makes it, because rules decide who ships (and what it costs).
 */

type Conn = Db | Tx;

export async function getSettings(db: Conn) {
  const [shopRows, rules, accounts, regionSets] = await Promise.all([
    db
      .select({
        id: shops.id,
        name: shops.name,
        objective: shops.assignmentObjective,
        allowedAccountIds: shops.allowedCourierAccountIds,
      })
      .from(shops)
      .where(eq(shops.active, true))
      .orderBy(asc(shops.name)),
    loadRules(db),
    db
      .select({
        id: courierAccounts.id,
        name: courierAccounts.name,
        courier: courierAccounts.courier,
        enabled: courierAccounts.enabled,
      })
      .from(courierAccounts)
      .orderBy(asc(courierAccounts.courier), asc(courierAccounts.id)),
    loadRegionSets(db),
  ]);
  return { shops: shopRows, rules, accounts, regionSets };
}

export async function saveShopObjective(
  db: Db,
  actorId: string | null,
  shopId: string,
  objective: Objective,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ objective: shops.assignmentObjective })
      .from(shops)
      .where(eq(shops.id, shopId));
    if (!before) throw notFound("assignment.errors.shopNotFound");
    await tx
      .update(shops)
      .set({ assignmentObjective: objective, updatedAt: new Date() })
      .where(eq(shops.id, shopId));
    await writeAudit(tx, {
      actorId,
      action: "shop.assignment_objective",
      entityType: "shop",
      entityId: shopId,
      before,
      after: { objective },
    });
    return { shopId, objective };
  });
}

export type RuleInput = {
  id?: string;
  name: string;
  enabled: boolean;
  condition: RuleCondition;
  action: RuleAction;
};

const notFound = (key: string) =>
  new DomainError("NOT_FOUND", "No such rule or shop", { messageKey: key });

const snapshot = (r: Rule) => ({
  name: r.name,
  enabled: r.enabled,
  position: r.position,
  condition: r.condition,
  action: r.action,
});

async function lockRule(tx: Tx, id: string): Promise<RuleRow> {
  const [row] = await tx
    .select()
    .from(assignmentRules)
    .where(eq(assignmentRules.id, id))
    .for("update");
  if (!row) throw notFound("assignment.errors.ruleNotFound");
  return row;
}

/** Creates (at the end of the list) or updates a rule. */
export async function saveRule(db: Db, actorId: string | null, input: RuleInput): Promise<Rule> {
  return db.transaction(async (tx) => {
    const values = {
      name: input.name.trim(),
      enabled: input.enabled,
      condition: input.condition,
      action: input.action,
      updatedAt: new Date(),
    };
    if (input.id) {
      const before = ruleOf(await lockRule(tx, input.id));
      const [row] = await tx
        .update(assignmentRules)
        .set(values)
        .where(eq(assignmentRules.id, input.id))
        .returning();
      const after = ruleOf(row!);
      await audit(tx, actorId, "update", after.id, snapshot(before), snapshot(after));
      return after;
    }
    const [last] = await tx.select({ p: max(assignmentRules.position) }).from(assignmentRules);
    const [row] = await tx
      .insert(assignmentRules)
      .values({ ...values, position: (last?.p ?? 0) + 1 })
      .returning();
    const created = ruleOf(row!);
    await audit(tx, actorId, "create", created.id, null, snapshot(created));
    return created;
  });
}

export async function setRuleEnabled(db: Db, actorId: string | null, id: string, enabled: boolean) {
  return db.transaction(async (tx) => {
    const before = await lockRule(tx, id);
    await tx
      .update(assignmentRules)
      .set({ enabled, updatedAt: new Date() })
      .where(eq(assignmentRules.id, id));
    await audit(tx, actorId, "update", id, { enabled: before.enabled }, { enabled });
    return { id, enabled };
  });
}

export async function deleteRule(db: Db, actorId: string | null, id: string) {
  return db.transaction(async (tx) => {
    const before = ruleOf(await lockRule(tx, id));
    await tx.delete(assignmentRules).where(eq(assignmentRules.id, id));
    await audit(tx, actorId, "delete", id, snapshot(before), null);
    return { id };
  });
}

/**
 * Moves a rule one place up or down. Positions are renumbered 1..n in the same transaction, so
 * gaps or ties left by older edits never make the order ambiguous.
 */
export async function moveRule(
  db: Db,
  actorId: string | null,
  id: string,
  direction: "up" | "down",
) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(assignmentRules)
      .orderBy(asc(assignmentRules.position), asc(assignmentRules.id))
      .for("update");
    const from = rows.findIndex((r) => r.id === id);
    if (from < 0) throw notFound("assignment.errors.ruleNotFound");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return { id, position: from + 1 };
    const order = [...rows];
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [i, r] of order.entries()) {
      if (r.position !== i + 1) {
        await tx
          .update(assignmentRules)
          .set({ position: i + 1 })
          .where(eq(assignmentRules.id, r.id));
      }
    }
    await audit(tx, actorId, "move", id, { position: from + 1 }, { position: to + 1 });
    return { id, position: to + 1 };
  });
}

function audit(
  tx: Tx,
  actorId: string | null,
  verb: "create" | "update" | "delete" | "move",
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  return writeAudit(tx, {
    actorId,
    action: `assignment_rule.${verb}`,
    entityType: "assignment_rule",
    entityId: id,
    before,
    after,
  });
}
