import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, courierPushInbox } from "@/db/schema";
import type { WireRequest, WireResponse } from "./contract";
import { loadAccountConfig } from "./accounts";
import { driverFor } from "./registry";

export type PushOutcome =
  | { kind: "stored"; inboxId: number; events: number; reply: WireResponse }
  | { kind: "rejected"; status: 400 | 401 | 409; reason: string; reply: WireResponse }
  | { kind: "unknown-account" | "no-push-protocol" };

/**
 * Receives one courier push for an account: verify (the courier's own signature), parse, store
 * durably, and only then give the courier its success acknowledgement. A push that fails
 * verification or parsing gets the courier's failure reply, so a real courier retries it.
 */
export async function receivePush(
  db: Db,
  key: Buffer,
  accountId: string,
  request: WireRequest,
): Promise<PushOutcome> {
  const [row] = await db
    .select({ courier: courierAccounts.courier, enabled: courierAccounts.enabled })
    .from(courierAccounts)
    .where(eq(courierAccounts.id, accountId));
  if (!row) return { kind: "unknown-account" };
  const push = driverFor(row.courier)?.push;
  if (!push) return { kind: "no-push-protocol" };
  const account = await loadAccountConfig(db, key, accountId, () => "");
  if (!account.enabled) {
    return {
      kind: "rejected",
      status: 409,
      reason: "account disabled",
      reply: push.acknowledge(false, request),
    };
  }
  if (!push.verify(request, account)) {
    return {
      kind: "rejected",
      status: 401,
      reason: "signature does not verify",
      reply: push.acknowledge(false, request),
    };
  }
  let events;
  try {
    events = push.parse(request, account);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "malformed push";
    return { kind: "rejected", status: 400, reason, reply: push.acknowledge(false, request) };
  }
  const [stored] = await db
    .insert(courierPushInbox)
    .values({
      accountId,
      contentType: request.headers["content-type"] ?? null,
      body: request.body,
      events,
    })
    .returning({ id: courierPushInbox.id });
  return {
    kind: "stored",
    inboxId: stored!.id,
    events: events.length,
    reply: push.acknowledge(true, request),
  };
}
