import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, courierPushInbox } from "@/db/schema";
import type { RawTrackEvent, WireRequest, WireResponse } from "./contract";
import { loadAccountConfig } from "./accounts";
import { resolveCourier } from "./resolve";

type Refusal = "bad_signature" | "bad_token" | "ip_refused" | "malformed" | "disabled";

export type PushOutcome =
  | { kind: "stored"; inboxId: number; events: number; reply: WireResponse }
  | {
      kind: "rejected";
      inboxId: number;
      status: 400 | 401 | 403 | 409;
      reason: Refusal;
      reply: WireResponse;
    }
  | { kind: "unknown-account" | "no-push-protocol" };

const statusOf: Record<Refusal, 400 | 401 | 403 | 409> = {
  bad_signature: 401,
  bad_token: 401,
  ip_refused: 403,
  malformed: 400,
  disabled: 409,
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Receives one courier push for an account. Every push is stored with its outcome (refused ones
 * for inspection); an accepted push is stored *before* the courier gets its success reply, so
 * nothing acknowledged is lost. Refusals get the courier's own failure reply, so a real courier
 * retries. Pushes for tracking numbers we do not know are accepted and kept unattached: matching
 * them to parcels is the tracking domain's work.
 */
export async function receivePush(
  db: Db,
  key: Buffer,
  accountId: string,
  request: WireRequest,
  from: { token?: string | null; clientIp?: string | null } = {},
): Promise<PushOutcome> {
  const [row] = await db
    .select({
      courier: courierAccounts.courier,
      pushToken: courierAccounts.pushToken,
      allow: courierAccounts.pushAllowIps,
    })
    .from(courierAccounts)
    .where(eq(courierAccounts.id, accountId));
  if (!row) return { kind: "unknown-account" };
  const push = (await resolveCourier(db, row.courier))?.driver.push;
  if (!push) return { kind: "no-push-protocol" };
  const account = await loadAccountConfig(db, key, accountId, () => "");

  const store = async (
    outcome: Refusal | "accepted",
    detail: string | null,
    events: RawTrackEvent[] | null,
  ) => {
    const [stored] = await db
      .insert(courierPushInbox)
      .values({
        accountId,
        contentType: request.headers["content-type"] ?? null,
        headers: request.headers,
        body: request.body,
        outcome,
        detail,
        events,
      })
      .returning({ id: courierPushInbox.id });
    return stored!.id;
  };
  const refuse = async (reason: Refusal, detail: string): Promise<PushOutcome> => ({
    kind: "rejected",
    inboxId: await store(reason, detail, null),
    status: statusOf[reason],
    reason,
    reply: push.acknowledge(false, request),
  });

  const allowed =
    row.allow
      ?.split(",")
      .map((ip) => ip.trim())
      .filter(Boolean) ?? [];
  if (allowed.length > 0 && !(from.clientIp && allowed.includes(from.clientIp))) {
    return refuse(
      "ip_refused",
      `push from ${from.clientIp ?? "unknown address"} is not in the allow-list`,
    );
  }
  if (push.unsigned || from.token) {
    if (!from.token || !sameSecret(from.token, row.pushToken)) {
      return refuse("bad_token", "push URL token missing or wrong");
    }
  }
  if (!account.enabled) return refuse("disabled", "account disabled");
  if (!push.verify(request, account)) return refuse("bad_signature", "signature does not verify");
  let events: RawTrackEvent[];
  try {
    events = push.parse(request, account);
  } catch (error) {
    return refuse("malformed", error instanceof Error ? error.message : "malformed push");
  }
  const inboxId = await store("accepted", null, events);
  return { kind: "stored", inboxId, events: events.length, reply: push.acknowledge(true, request) };
}
