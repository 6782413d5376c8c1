import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, users } from "@/db/schema";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Call inside the transaction that makes the change, so the change and its record land together. */
export async function writeAudit(tx: Db | Tx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export type AuditListParams = {
  entityType?: string;
  entityId?: string;
  /** Keyset cursor: the id of the last row already shown. */
  beforeId?: number;
  limit: number;
};

export async function listAudit(db: Db | Tx, params: AuditListParams) {
  const where: SQL[] = [];
  if (params.entityType) where.push(eq(auditLog.entityType, params.entityType));
  if (params.entityId) where.push(eq(auditLog.entityId, params.entityId));
  if (params.beforeId) where.push(lt(auditLog.id, params.beforeId));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      actorId: auditLog.actorId,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(params.limit + 1);
  const hasMore = rows.length > params.limit;
  const items = hasMore ? rows.slice(0, params.limit) : rows;
  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}
