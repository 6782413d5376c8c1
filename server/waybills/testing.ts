/**
 * Test and bench fixtures for waybills: the courier sandbox on a loopback port (with a switchable
 * 5xx fault per courier), sandbox accounts pointing at it, and packed parcels ready for labels.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, shipments } from "@/db/schema";
import { createAccount } from "@/server/couriers/accounts";
import type { SandboxHandler, WireResponse } from "@/server/couriers/contract";
import { sandboxFor } from "@/server/couriers/registry";
import {
  sandboxAccounts,
  sandboxRegistry,
  type SandboxCourier,
} from "@/server/couriers/sandbox/accounts";
import { startSandboxServer } from "@/server/couriers/sandbox/server";
import type { OrderInput } from "@/server/orders/schemas";
import { createTestOrder, testActor } from "@/server/orders/testing";
import { getOrder } from "@/server/orders/service";
import { packParcel } from "@/server/shipping/service";

const serverError: WireResponse = {
  status: 503,
  headers: { "content-type": "text/plain" },
  body: "Sandbox fault: server error",
};

/**
 * The sandbox for `couriers`, plus `<courier>down` routes that always answer 503 (a courier that
 * is down) and a `down` switch per courier for faults mid-test. `hits` counts calls per route.
 */
export async function startTestSandbox(couriers: SandboxCourier[]) {
  const down = new Set<string>();
  const hits = new Map<string, number>();
  const entries: Record<
    string,
    { handler: SandboxHandler; accounts: Record<string, Record<string, string>> }
  > = {};
  for (const c of couriers) {
    const handler = sandboxFor(c)!;
    const accounts = sandboxRegistry(c);
    const count = (route: string) => hits.set(route, (hits.get(route) ?? 0) + 1);
    entries[c] = {
      accounts,
      handler: (req, state) => {
        count(c);
        return down.has(c) ? serverError : handler(req, state);
      },
    };
    entries[`${c}down`] = {
      accounts,
      handler: () => {
        count(`${c}down`);
        return serverError;
      },
    };
  }
  const server = await startSandboxServer(entries);
  return { ...server, down, hits };
}

/** A sandbox account of `courier` at `route` of the test sandbox (default: the courier itself). */
export async function createSandboxAccount(
  db: Db,
  key: Buffer,
  origin: string,
  id: string,
  courier: SandboxCourier,
  opts: { route?: string; enabled?: boolean; maxConcurrency?: number } = {},
) {
  await createAccount(db, key, null, {
    id,
    courier,
    name: `${courier} ${id}`,
    environment: "sandbox",
    baseUrl: `${origin}/${opts.route ?? courier}`,
    credentials: { ...sandboxAccounts[courier] },
  });
  if (opts.enabled === false || opts.maxConcurrency) {
    await db
      .update(courierAccounts)
      .set({
        ...(opts.enabled === false ? { enabled: false } : {}),
        ...(opts.maxConcurrency ? { maxConcurrency: opts.maxConcurrency } : {}),
      })
      .where(eq(courierAccounts.id, id));
  }
}

/** An order packed at the pack station (every item scanned), returning its parcel id. */
export async function packedParcel(db: Db, shopId: string, overrides: Partial<OrderInput> = {}) {
  const order = await getOrder(db, await createTestOrder(db, shopId, overrides));
  const parcel = order.parcels[0]!;
  const scans: Record<string, number> = {};
  for (const item of order.items) {
    const code = item.barcode ?? item.sku;
    scans[code] = (scans[code] ?? 0) + item.quantity;
  }
  await packParcel(db, testActor, {
    id: parcel.id,
    weightG: 1200,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 150,
    scans,
  });
  return parcel.id;
}

/** A parcel still awaiting packing. */
export async function unpackedParcel(db: Db, shopId: string) {
  const orderId = await createTestOrder(db, shopId);
  return (await getOrder(db, orderId)).parcels[0]!.id;
}

export async function parcelRow(db: Db, id: number) {
  const [row] = await db.select().from(shipments).where(eq(shipments.id, id));
  return row!;
}
