/**
 * Courier calls for waybills, each through the account's concurrency limit and circuit breaker,
 * retried only where repeating the call cannot do anything twice.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { courierAccounts } from "@/db/schema";
import { eq } from "drizzle-orm";
import { loadAccountConfig } from "@/server/couriers/accounts";
import {
  CourierError,
  type CourierAccountConfig,
  type CourierDriver,
  type Operation,
  type WaybillOrder,
  type WaybillResult,
} from "@/server/couriers/contract";
import { sfSearchOrder } from "@/server/couriers/drivers/sf";
import { execute, fetchTransport, type Transport } from "@/server/couriers/execute";
import { defaultBaseUrl } from "@/server/couriers/registry";
import { resolveCourier } from "@/server/couriers/resolve";
import {
  breakers,
  limiters,
  realClock,
  withRetry,
  type Clock,
  type RetryOptions,
} from "@/server/couriers/resilience";
import { selfOrigin } from "@/server/env";

export type CourierDeps = {
  transport: Transport;
  /** Where sandbox accounts without a base URL reach the console's own courier sandbox. */
  origin: string;
  timeoutMs: number;
  retry: Pick<RetryOptions, "attempts" | "baseMs" | "maxMs">;
  clock: Clock;
  random: () => number;
};

export function courierDeps(overrides: Partial<CourierDeps> = {}): CourierDeps {
  return {
    transport: fetchTransport,
    origin: selfOrigin,
    timeoutMs: 10_000,
    retry: { attempts: 3, baseMs: 250, maxMs: 4_000 },
    clock: realClock,
    random: Math.random,
    ...overrides,
  };
}

export type AccountHandle = {
  id: string;
  courier: string;
  config: CourierAccountConfig;
  driver: CourierDriver;
  maxConcurrency: number;
};

/**
 * A usable account or the CourierError that says why not (kind AUTH: the parcel can move to
 * another account). Credentials are decrypted once per batch, not per parcel.
 */
export async function openAccount(
  db: Db,
  key: Buffer,
  accountId: string,
  deps: CourierDeps,
): Promise<AccountHandle> {
  const [row] = await db
    .select({ maxConcurrency: courierAccounts.maxConcurrency })
    .from(courierAccounts)
    .where(eq(courierAccounts.id, accountId));
  if (!row) throw new CourierError("AUTH", "NO_ACCOUNT", `courier account ${accountId} not found`);
  const config = await loadAccountConfig(db, key, accountId, defaultBaseUrl(deps.origin));
  if (!config.enabled) {
    throw new CourierError(
      "AUTH",
      "ACCOUNT_DISABLED",
      `courier account ${accountId} is disabled: enable it in Settings › Couriers or choose another account`,
    );
  }
  const driver = (await resolveCourier(db, config.courier))?.driver;
  if (!driver) {
    throw new CourierError("AUTH", "NO_DRIVER", `the console has no driver for ${config.courier}`);
  }
  return {
    id: accountId,
    courier: config.courier,
    config,
    driver,
    maxConcurrency: row.maxConcurrency,
  };
}

/** One operation on an account: limiter slot, then breaker, then the wire; retried if idempotent. */
export function callCourier<I, O>(
  account: AccountHandle,
  op: Operation<I, O>,
  input: I,
  deps: CourierDeps,
  idempotent: boolean,
): Promise<O> {
  return withRetry(
    () =>
      limiters.run(account.id, account.maxConcurrency, () =>
        breakers
          .for(account.id)
          .call(() =>
            execute(
              op,
              input,
              account.config,
              deps.transport,
              { now: new Date(deps.clock.now()), requestId: randomUUID() },
              deps.timeoutMs,
            ),
          ),
      ),
    { ...deps.retry, idempotent, clock: deps.clock, random: deps.random },
  );
}

/**
 * Couriers whose create answers a repeated order id with the first waybill (per PROTOCOLS.md and
 * their sandboxes): retrying a create after a timeout is then harmless.
 */
const DEDUPLICATING_CREATE = new Set([
  "cainiao",
  "ems",
  "sto",
  "yto",
  "zto",
  "yunda",
  "kdniao",
  "kuaidi100",
]);

/** Couriers that refuse a repeated order id (DUPLICATE) but can look the first waybill up. */
const RECOVER_AFTER_DUPLICATE: Record<string, Operation<{ orderId: string }, WaybillResult>> = {
  sf: sfSearchOrder,
};

/** Whether a create may be retried after a timeout without risking a second waybill. */
export function createIsRetrySafe(courier: string): boolean {
  return DEDUPLICATING_CREATE.has(courier) || courier in RECOVER_AFTER_DUPLICATE;
}

/**
 * Creates the waybill of one parcel, or finds the one an earlier (crashed, timed-out) attempt
 * created. J&T and Deppon refuse a repeated order id and document no way back to the waybill: that
 * failure says so, and the warehouse looks it up in the courier's portal.
 */
export async function createWaybill(
  account: AccountHandle,
  order: WaybillOrder,
  deps: CourierDeps,
): Promise<WaybillResult> {
  const retrySafe = createIsRetrySafe(account.courier);
  try {
    return await callCourier(account, account.driver.createWaybill, order, deps, retrySafe);
  } catch (error) {
    if (!(error instanceof CourierError) || error.kind !== "DUPLICATE") throw error;
    const recover = RECOVER_AFTER_DUPLICATE[account.courier];
    if (recover) return callCourier(account, recover, { orderId: order.orderId }, deps, true);
    throw new CourierError(
      "DUPLICATE",
      error.courierCode,
      `the courier already has a waybill for order ${order.orderId} but offers no way to fetch it: ` +
        "look it up in the courier's portal, or cancel it there and retry",
      error.courierMessage,
    );
  }
}

/** The text stored for a failed item: our explanation, then the courier's own words. */
export function describeFailure(error: unknown): { kind: string; message: string } {
  if (error instanceof CourierError) {
    const own = error.courierMessage ? ` (${error.courierCode}: ${error.courierMessage})` : "";
    return { kind: error.kind, message: `${error.message}${own}`.slice(0, 1000) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "INTERNAL", message: message.slice(0, 1000) };
}
