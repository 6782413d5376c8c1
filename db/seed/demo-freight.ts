import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import {
  assignmentRules,
  auditLog,
  courierAccounts,
  freightTemplates,
  regionSets,
} from "../schema";
import { saveRule } from "@/server/assignment/settings";
import { writeAudit } from "@/server/audit/queries";
import { exampleRegionSets, exampleTemplates } from "@/server/freight/examples";
import { upsertRegionSetRow, upsertTemplateRow } from "@/server/freight/queries";
import type { FreightTemplate, RegionSetRef } from "@/server/freight/types";

/**
 * The example freight templates (server/freight/examples.ts) for the sandbox courier accounts
 * that exist, marked `is_example` so the console asks for the merchant's contract rates. Safe to
 * run on every start: only what is missing is written, and an example the merchant deleted (the
 * audit log says so) is not brought back. Returns whether anything was written.
 */
export async function seedDemoFreight(db: Db): Promise<boolean> {
  const wrote = await seedTemplates(db);
  // With the first examples, one example rule, so Settings › 派单规则 shows what rules do.
  if (
    wrote &&
    (await db.select({ id: assignmentRules.id }).from(assignmentRules).limit(1)).length === 0
  ) {
    const sf = await db
      .select({ id: courierAccounts.id })
      .from(courierAccounts)
      .where(eq(courierAccounts.id, "sandbox-sf"));
    if (sf.length > 0) {
      await saveRule(db, null, {
        name: "声明价值超过 ¥2,000 走顺丰（示例）",
        enabled: true,
        condition: { declaredValueOverFen: 200_000 },
        action: { kind: "pin", accountIds: ["sandbox-sf"] },
      });
    }
  }
  return wrote;
}

async function seedTemplates(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = async (entityType: string, ids: string[]) => {
      if (ids.length === 0) return new Set<string>();
      const rows = await tx
        .select({ id: auditLog.entityId })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, entityType),
            eq(auditLog.action, `${entityType}.delete`),
            inArray(auditLog.entityId, ids),
          ),
        );
      return new Set(rows.map((r) => r.id));
    };

    let wrote = false;
    const setIds = exampleRegionSets.map((s) => s.id);
    const existingSets = new Set(
      (
        await tx
          .select({ id: regionSets.id })
          .from(regionSets)
          .where(inArray(regionSets.id, setIds))
      ).map((r) => r.id),
    );
    const deletedSets = await deleted("region_set", setIds);
    for (const set of exampleRegionSets) {
      if (existingSets.has(set.id) || deletedSets.has(set.id)) continue;
      await upsertRegionSetRow(tx, set);
      await writeAudit(tx, {
        actorId: null,
        action: "region_set.create",
        entityType: "region_set",
        entityId: set.id,
        after: { name: set.name, codes: set.codes, seeded: "demo" },
      });
      existingSets.add(set.id);
      wrote = true;
    }

    const accountIds = [...new Set(exampleTemplates.map((t) => t.courierAccountId))];
    const accounts = new Set(
      (
        await tx
          .select({ id: courierAccounts.id })
          .from(courierAccounts)
          .where(inArray(courierAccounts.id, accountIds))
      ).map((r) => r.id),
    );
    const templateIds = exampleTemplates.map((t) => t.id);
    const existingTemplates = new Set(
      (
        await tx
          .select({ id: freightTemplates.id })
          .from(freightTemplates)
          .where(inArray(freightTemplates.id, templateIds))
      ).map((r) => r.id),
    );
    const deletedTemplates = await deleted("freight_template", templateIds);
    const setsExist = (t: FreightTemplate) => {
      const refs: RegionSetRef[] = t.zones.flatMap((z) => [z.origin, z.destination]);
      if (t.remoteSurcharge) refs.push(t.remoteSurcharge.regions);
      return refs.every((r) => r.type !== "set" || existingSets.has(r.id));
    };
    for (const template of exampleTemplates) {
      if (!accounts.has(template.courierAccountId)) continue;
      if (existingTemplates.has(template.id) || deletedTemplates.has(template.id)) continue;
      if (!setsExist(template)) continue;
      await upsertTemplateRow(tx, template, true);
      await writeAudit(tx, {
        actorId: null,
        action: "freight_template.create",
        entityType: "freight_template",
        entityId: template.id,
        after: { ...template, enabled: true, seeded: "demo" },
      });
      wrote = true;
    }
    return wrote;
  });
}
