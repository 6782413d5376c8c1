import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { seedShop, testActor } from "@/server/orders/testing";
import { callerAs, testCourierKey } from "@/server/testing/callers";
import { startIssuance } from "./service";
import { createSandboxAccount, packedParcel, startTestSandbox } from "./testing";

const t = withTestDb();
const db = () => t.current.db;

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let warehouseId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(["sf", "zto"]);
  await createSandboxAccount(db(), testCourierKey, sandbox.origin, "sf-main", "sf");
  await createSandboxAccount(db(), testCourierKey, sandbox.origin, "zto-main", "zto");
  const shop = await seedShop(db(), "pickup-shop");
  warehouseId = shop.warehouseId;
  // One labelled parcel waiting at the warehouse: the booking says how many the courier collects.
  const parcel = await packedParcel(db(), shop.shopId);
  await startIssuance(db(), testCourierKey, testActor, {
    parcelIds: [parcel],
    accountId: "sf-main",
  });
});
afterAll(() => sandbox.close());

describe("pickups", () => {
  it("books a pickup in SF's window, cancels it, and explains couriers without booking", async () => {
    const { caller } = await callerAs(db(), "warehouse");
    const windows = await caller.waybills.pickupWindows();
    expect(windows.length).toBeGreaterThan(0);
    const tomorrow = windows.at(-2)!; // tomorrow morning, 09:00–12:00 Asia/Shanghai
    const booked = await caller.waybills.bookPickup({
      accountId: "sf-main",
      warehouseId,
      start: tomorrow.start,
      end: tomorrow.end,
    });
    expect(booked).toMatchObject({
      status: "booked",
      courierPickupId: expect.stringMatching(/^PK/) as string,
    });
    // SF narrows the requested window to the two hours it confirms.
    expect(booked.windowEnd.getTime() - booked.windowStart.getTime()).toBe(2 * 3_600_000);
    expect(booked.parcelCount).toBeGreaterThan(0);

    const list = await caller.waybills.pickups({ warehouseId });
    expect(list[0]).toMatchObject({
      id: booked.id,
      status: "booked",
      accountName: expect.any(String) as string,
    });
    await expect(caller.waybills.cancelPickup({ pickupId: booked.id })).resolves.toMatchObject({
      status: "cancelled",
    });
    await expect(caller.waybills.cancelPickup({ pickupId: booked.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await expect(
      caller.waybills.bookPickup({
        accountId: "zto-main",
        warehouseId,
        start: tomorrow.start,
        end: tomorrow.end,
      }),
    ).rejects.toThrow(/does not take pickup bookings/);

    // 22:00 Shanghai is outside SF's collection hours: refused, and kept as a failed booking.
    const late = new Date(tomorrow.start.getTime() + 13 * 3_600_000);
    await expect(
      caller.waybills.bookPickup({
        accountId: "sf-main",
        warehouseId,
        start: late,
        end: new Date(late.getTime() + 3_600_000),
      }),
    ).rejects.toThrow(/another pickup window/);
    expect((await caller.waybills.pickups({ warehouseId }))[0]).toMatchObject({ status: "failed" });
  });
});
