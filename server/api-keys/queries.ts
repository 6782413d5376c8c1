import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { apiKeys, shops, users } from "@/db/schema";
import type { ApiKeyRow } from "./schemas";

/** Keys as Settings lists them, newest first, with shop names resolved. */
export async function listApiKeyRows(db: Db | Tx, ids?: string[]): Promise<ApiKeyRow[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      shopIds: apiKeys.shopIds,
      createdAt: apiKeys.createdAt,
      createdByName: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(ids ? inArray(apiKeys.id, ids) : undefined)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  const shopIds = [...new Set(rows.flatMap((r) => r.shopIds))];
  const names = new Map(
    shopIds.length
      ? (
          await db
            .select({ id: shops.id, name: shops.name })
            .from(shops)
            .where(inArray(shops.id, shopIds))
        ).map((s) => [s.id, s.name])
      : [],
  );
  return rows.map(({ shopIds: ids, ...r }) => ({
    ...r,
    shops: ids.map((id) => ({ id, name: names.get(id) ?? null })),
  }));
}

export async function findApiKeyRow(db: Db | Tx, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await listApiKeyRows(db, [id]);
  return row;
}

export async function existingShopIds(db: Db | Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: shops.id }).from(shops).where(inArray(shops.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Inserts a key; returns false when the id is taken (the demo seed relies on that). */
export async function insertApiKey(tx: Db | Tx, values: typeof apiKeys.$inferInsert) {
  const rows = await tx
    .insert(apiKeys)
    .values(values)
    .onConflictDoNothing({ target: apiKeys.id })
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

export function markRevoked(tx: Db | Tx, id: string, at: Date) {
  return tx.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id));
}

/**
 * Looks a key up by hash and, in the same statement, marks it used and counts the request in its
 * fixed rate window: a window older than `windowMs` restarts at `now` with a count of 1. One
 * UPDATE keeps concurrent requests from losing counts and costs a single round trip per call.
 * A revoked or unknown key updates nothing and returns undefined.
 */
export async function consumeApiKey(db: Db | Tx, keyHash: string, now: Date, windowMs: number) {
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`(${apiKeys.rateWindowStart} is null or ${apiKeys.rateWindowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz)`;
  const [row] = await db
    .update(apiKeys)
    .set({
      lastUsedAt: now,
      rateWindowStart: sql`case when ${expired} then ${nowTs} else ${apiKeys.rateWindowStart} end`,
      rateWindowCount: sql`case when ${expired} then 1 else ${apiKeys.rateWindowCount} + 1 end`,
    })
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .returning({
      id: apiKeys.id,
      name: apiKeys.name,
      shopIds: apiKeys.shopIds,
      rateWindowStart: apiKeys.rateWindowStart,
      rateWindowCount: apiKeys.rateWindowCount,
    });
  return row;
}
