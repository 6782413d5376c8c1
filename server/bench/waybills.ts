/**
 * Waybill issuance bench: 1,000 packed parcels issued in one batch against the courier sandbox
 * over real HTTP (a standalone sandbox server on a loopback port, in its own process), on embedded
 * PGlite (the default deployment, and the slower of the two databases for many small writes).
 * Half the parcels go to an SF account, half to ZTO, each with the default four calls in flight.
 * Beside it, the same 1,000 creates sent straight to the sandbox without the database: the floor.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { inArray, sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { migrate } from "@/db/migrate";
import { orders, shipments } from "@/db/schema";
import { demoOrderToNew } from "@/db/seed/demo-commerce";
import { execute, fetchTransport } from "@/server/couriers/execute";
import { sfDriver } from "@/server/couriers/drivers/sf";
import { sandboxAccounts } from "@/server/couriers/sandbox/accounts";
import { orderStream } from "@/server/demo-data/orders";
import { insertOrderGraphs } from "@/server/orders/bulk";
import { seedShop } from "@/server/orders/testing";
import { batchStatus, startIssuance } from "@/server/waybills/service";
import { createSandboxAccount } from "@/server/waybills/testing";
import { sampleOrder } from "@/server/couriers/sample";
import type { Figure } from "./harness";

const key = Buffer.alloc(32, 7);

/** `count` paid orders with one parcel each, packed (weighed and boxed) in one statement. */
async function packedParcels(
  db: Awaited<ReturnType<typeof openDb>>["db"],
  shopId: string,
  warehouseId: string,
  count: number,
) {
  const demo = [
    ...orderStream({
      count,
      seed: "bench-waybills",
      startAt: new Date("2026-11-20T00:00:00Z"),
      endAt: new Date("2026-11-24T00:00:00Z"),
    }),
  ]
    .filter((o) => o.items.some((i) => !i.isVirtual))
    .map((o) => demoOrderToNew({ ...o, shopCode: shopId }, new Map([[shopId, warehouseId]])));
  const ids = (await db.transaction((tx) => insertOrderGraphs(tx, demo, "system"))).filter(
    (id): id is number => id !== null,
  );
  await db.update(orders).set({ status: "PACKED" }).where(inArray(orders.id, ids));
  const parcels = await db
    .update(shipments)
    .set({
      status: "PACKED",
      weightG: 1200,
      lengthMm: 300,
      widthMm: 200,
      heightMm: 150,
      packedAt: new Date(),
    })
    .where(sql`${shipments.status} = 'AWAITING_PACK'`)
    .returning({ id: shipments.id });
  return parcels.map((p) => p.id).sort((a, b) => a - b);
}

/** The floor: the same number of creates straight to the sandbox, four in flight, no database. */
async function sandboxOnly(origin: string, count: number): Promise<number> {
  const account = {
    courier: "sf",
    environment: "sandbox" as const,
    baseUrl: `${origin}/sf`,
    credentials: { ...sandboxAccounts.sf },
  };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const n = next++;
        await execute(
          sfDriver.createWaybill,
          { ...sampleOrder(new Date()), orderId: `FLOOR${n}` },
          account,
          fetchTransport,
        );
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** server/bench/waybills-sandbox.ts as a child process; resolves once it listens. */
async function startSandboxProcess(): Promise<{ origin: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/bench/waybills-sandbox.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}`)));
    lines.once("line", (line) => resolve((JSON.parse(line) as { origin: string }).origin));
  });
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function waybillBench(count = 1_000): Promise<Figure[]> {
  const sandbox = await startSandboxProcess();
  const handle = await openDb({ dataDir: null });
  try {
    await migrate(handle);
    const db = handle.db;
    await createSandboxAccount(db, key, sandbox.origin, "bench-sf", "sf");
    await createSandboxAccount(db, key, sandbox.origin, "bench-zto", "zto");
    const { shopId, warehouseId } = await seedShop(db, `bench-${randomUUID().slice(0, 6)}`);
    const parcels = (await packedParcels(db, shopId, warehouseId, count + 50)).slice(0, count);
    if (parcels.length < count) throw new Error(`only ${parcels.length} parcels to issue`);
    const accountByParcel = Object.fromEntries(
      parcels.map((id, i) => [String(id), i % 2 === 0 ? "bench-sf" : "bench-zto"]),
    );

    const started = performance.now();
    const { batchId } = await startIssuance(
      db,
      key,
      { userId: null, label: "system" },
      { parcelIds: parcels, accountByParcel },
    );
    const seconds = (performance.now() - started) / 1000;
    const status = await batchStatus(db, batchId);
    if (status.issued !== count) {
      const sample = status.items.find((i) => i.status === "failed");
      throw new Error(`issued ${status.issued} of ${count}: ${sample?.error ?? "?"}`);
    }
    const floor = await sandboxOnly(sandbox.origin, count);
    return [
      {
        group: "waybills",
        name: `issue ${count.toLocaleString("en")} waybills (PGlite, sandbox over HTTP)`,
        value: seconds,
        unit: "s",
        budget: { op: "<", value: 10 },
        note: "SF + ZTO, 4 in flight per account",
      },
      {
        group: "waybills",
        name: "issuance throughput",
        value: count / seconds,
        unit: "parcels/s",
      },
      {
        group: "waybills",
        name: `baseline: ${count.toLocaleString("en")} sandbox creates, no database`,
        value: floor,
        unit: "s",
        note: "SF only, 4 in flight",
      },
    ];
  } finally {
    await handle.close();
    await sandbox.close();
  }
}
