import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { apiProblem } from "./problems";

/** How long a key remembers its response (Stripe's convention, which merchants already know). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * An in-flight claim older than this belongs to a request whose process died before it could
 * store or release it; it may be taken over instead of answering 409 for a whole day.
 */
export const IN_FLIGHT_STALE_MS = 5 * 60 * 1000;

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** Printable ASCII without spaces, at most 255 characters (UUIDs, ULIDs, order numbers…). */
export function isValidIdempotencyKey(key: string): boolean {
  return keyPattern.test(key);
}

/** JSON with object keys sorted, so key order and whitespace do not make a "different" payload. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Fingerprint of a request: the same key may not be reused for another endpoint or body. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; body: unknown }
  | { kind: "mismatch" }
  | { kind: "in-flight" };

/**
 * Claims (apiKeyId, key) for this request. The INSERT ... ON CONFLICT is the lock: of two
 * concurrent requests exactly one inserts. The conflict branch only takes over a row that has
 * expired or was abandoned in flight; otherwise it changes nothing and we report what is there.
 */
export async function claimIdempotencyKey(
  db: Db,
  apiKeyId: string,
  key: string,
  hash: string,
  now: Date,
): Promise<Claim> {
  const t = idempotencyKeys;
  for (let attempt = 0; attempt < 2; attempt++) {
    const claimed = await db
      .insert(t)
      .values({ apiKeyId, key, requestHash: hash, createdAt: now })
      .onConflictDoUpdate({
        target: [t.apiKeyId, t.key],
        set: { requestHash: hash, responseStatus: null, responseBody: null, createdAt: now },
        setWhere: or(
          lt(t.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
          and(
            isNull(t.responseStatus),
            lt(t.createdAt, new Date(now.getTime() - IN_FLIGHT_STALE_MS)),
          ),
        ),
      })
      .returning({ key: t.key });
    if (claimed.length) return { kind: "claimed" };
    const [row] = await db
      .select()
      .from(t)
      .where(and(eq(t.apiKeyId, apiKeyId), eq(t.key, key)));
    // Released between our INSERT and SELECT (the first request failed): try to claim again.
    if (!row) continue;
    if (row.requestHash !== hash) return { kind: "mismatch" };
    if (row.responseStatus == null) return { kind: "in-flight" };
    return { kind: "replay", status: row.responseStatus, body: row.responseBody };
  }
  return { kind: "in-flight" };
}

export async function completeIdempotencyKey(
  db: Db,
  apiKeyId: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
}

/** Drops a claim whose request failed on our side, so the client's retry runs again. */
export async function releaseIdempotencyKey(db: Db, apiKeyId: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
}

/** Deletes keys past their 24 h; for a periodic job. Returns how many went. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

function replayResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": status >= 400 ? "application/problem+json" : "application/json",
      "cache-control": "no-store",
      "idempotent-replayed": "true",
    },
  });
}

/**
 * Runs `run` at most once per (API key, Idempotency-Key): a repeat replays the stored answer.
 * Answers below 500 are stored (a 422 stays a 422 on retry, as with Stripe); a 5xx releases the
 * claim, because the failure was ours and the client should be able to try again.
 */
export async function withIdempotency(
  db: Db,
  claim: { apiKeyId: string; key: string; hash: string; now: Date },
  run: () => Promise<Response>,
): Promise<Response> {
  const state = await claimIdempotencyKey(db, claim.apiKeyId, claim.key, claim.hash, claim.now);
  switch (state.kind) {
    case "replay":
      return replayResponse(state.status, state.body);
    case "mismatch":
      return apiProblem(
        422,
        "This Idempotency-Key was already used with a different request; use a new key for a new request",
      );
    case "in-flight":
      return apiProblem(
        409,
        "A request with this Idempotency-Key is still being processed; retry shortly",
      );
    case "claimed":
      break;
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey(db, claim.apiKeyId, claim.key);
    throw error;
  }
  if (response.status >= 500) {
    await releaseIdempotencyKey(db, claim.apiKeyId, claim.key);
  } else {
    const body: unknown = await response.clone().json();
    await completeIdempotencyKey(db, claim.apiKeyId, claim.key, response.status, body);
  }
  return response;
}
