import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import * as q from "./queries";
import type { ApiKeyRow, CreateApiKeyInput, CreatedApiKey } from "./schemas";

export const API_KEY_PREFIX = "ek_live_";
/** The documented demo key (README, OpenAPI examples); seeded only in demo mode. */
export const DEMO_API_KEY = "demo-api-key-0000000000000000";
export const DEMO_API_KEY_ID = "demo";
export const RATE_WINDOW_MS = 60_000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
/** Longer than any key we issue; longer input is refused without touching the database. */
const MAX_KEY_LENGTH = 200;

let configuredLimit: number | undefined;

/**
 * Requests per key per minute. Read from process.env here rather than server/env.ts because
 * this optional knob belongs to the API alone; a bad value falls back to the default (with a
 * warning) instead of failing every API request.
 */
export function apiRateLimitPerMinute(): number {
  if (configuredLimit !== undefined) return configuredLimit;
  const raw = process.env.API_RATE_LIMIT_PER_MINUTE;
  const n = raw ? Number(raw) : DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(n) || n < 1) {
    console.warn(`API_RATE_LIMIT_PER_MINUTE="${raw}" is not a positive integer; using 600`);
    configuredLimit = DEFAULT_RATE_LIMIT_PER_MINUTE;
  } else {
    configuredLimit = n;
  }
  return configuredLimit;
}

/** Keys are 32 random bytes, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("hex");
}

export function keyPrefix(raw: string): string {
  return raw.slice(0, 12);
}

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

function mustFind(row: ApiKeyRow | undefined, id: string): ApiKeyRow {
  if (!row) {
    throw new DomainError("NOT_FOUND", `API key ${id} not found`, {
      messageKey: "apiKeys.errors.notFound",
    });
  }
  return row;
}

/** Creates a key scoped to existing shops; the plaintext is returned here and never again. */
export async function createApiKey(
  db: Db,
  actorId: string | null,
  input: CreateApiKeyInput,
): Promise<CreatedApiKey> {
  const secret = generateApiKey();
  return db.transaction(async (tx) => {
    const known = await q.existingShopIds(tx, input.shopIds);
    const unknown = input.shopIds.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new DomainError("INVALID", `Unknown shop(s): ${unknown.join(", ")}`, {
        messageKey: "apiKeys.errors.unknownShop",
        fields: { shopIds: "apiKeys.errors.unknownShop" },
      });
    }
    const id = randomUUID();
    const prefix = keyPrefix(secret);
    await q.insertApiKey(tx, {
      id,
      name: input.name,
      prefix,
      keyHash: hashApiKey(secret),
      shopIds: input.shopIds,
      createdBy: actorId,
    });
    await writeAudit(tx, {
      actorId,
      action: "apiKey.create",
      entityType: "api_key",
      entityId: id,
      after: { name: input.name, prefix, shopIds: input.shopIds },
    });
    return { apiKey: mustFind(await q.findApiKeyRow(tx, id), id), secret };
  });
}

/** Revokes a key at once (the next request with it gets 401). Revoking twice changes nothing. */
export async function revokeApiKey(db: Db, actorId: string | null, id: string): Promise<ApiKeyRow> {
  return db.transaction(async (tx) => {
    const before = mustFind(await q.findApiKeyRow(tx, id), id);
    if (before.revokedAt) return before;
    const at = new Date();
    await q.markRevoked(tx, id, at);
    await writeAudit(tx, {
      actorId,
      action: "apiKey.revoke",
      entityType: "api_key",
      entityId: id,
      before: { name: before.name, prefix: before.prefix, revokedAt: null },
      after: { name: before.name, prefix: before.prefix, revokedAt: at.toISOString() },
    });
    return mustFind(await q.findApiKeyRow(tx, id), id);
  });
}

export function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return q.listApiKeyRows(db);
}

export type AuthenticatedApiKey = { id: string; name: string; shopIds: string[] };

export type ApiKeyAuth = {
  key: AuthenticatedApiKey;
  /** True when this request is past the key's limit for the current window. */
  limited: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends and the count starts again. */
  resetAt: Date;
};

/**
 * Checks a presented key and counts the request against its per-minute limit, in one UPDATE.
 * Returns null for an unknown or revoked key (callers answer 401 without saying which).
 */
export async function authenticateApiKey(
  db: Db,
  rawKey: string,
  now: Date = new Date(),
  limitPerMinute: number = apiRateLimitPerMinute(),
): Promise<ApiKeyAuth | null> {
  if (!rawKey || rawKey.length > MAX_KEY_LENGTH) return null;
  const row = await q.consumeApiKey(db, hashApiKey(rawKey), now, RATE_WINDOW_MS);
  if (!row) return null;
  const windowStart = row.rateWindowStart ?? now;
  return {
    key: { id: row.id, name: row.name, shopIds: row.shopIds },
    limited: row.rateWindowCount > limitPerMinute,
    limit: limitPerMinute,
    remaining: Math.max(0, limitPerMinute - row.rateWindowCount),
    resetAt: new Date(windowStart.getTime() + RATE_WINDOW_MS),
  };
}

/**
 * Seeds the documented demo key, scoped to `shopId`. Idempotent: an existing demo key is left as
 * it is (including revoked, if someone revoked it on purpose). Returns whether it wrote anything.
 */
export async function ensureDemoApiKey(db: Db, shopId = "demo-shop"): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await q.insertApiKey(tx, {
      id: DEMO_API_KEY_ID,
      name: "Demo key",
      prefix: keyPrefix(DEMO_API_KEY),
      keyHash: hashApiKey(DEMO_API_KEY),
      shopIds: [shopId],
      createdBy: null,
    });
    if (inserted) {
      await writeAudit(tx, {
        actorId: null,
        action: "apiKey.create",
        entityType: "api_key",
        entityId: DEMO_API_KEY_ID,
        after: { name: "Demo key", prefix: keyPrefix(DEMO_API_KEY), shopIds: [shopId] },
      });
    }
    return inserted;
  });
}
