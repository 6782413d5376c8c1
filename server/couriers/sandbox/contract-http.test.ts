import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCourier } from "../catalog";
import { CourierError, type CourierAccountConfig, type WaybillOrder } from "../contract";
import { execute, fetchTransport } from "../execute";
import { builtInProfiles, profileDriver } from "../profiles";
import { driverFor, sandboxFor } from "../registry";
import { sandboxAccounts, sandboxRegistry, type SandboxCourier } from "./accounts";
import { startSandboxServer } from "./server";

/**
 * Every built-in driver against its sandbox over real HTTP on a loopback port: the same path the
 * console takes, with the sandbox checking signatures with its own code.
 */
const couriers = Object.keys(sandboxAccounts) as SandboxCourier[];
const signingSecret: Record<SandboxCourier, string> = {
  sf: "checkWord",
  kdniao: "ApiKey",
  kuaidi100: "secret",
  zto: "appSecret",
  jt: "privateKey",
  yto: "secret",
  yunda: "appSecret",
  deppon: "appKey",
  ems: "signKey",
  sto: "secretKey",
  cainiao: "secretKey",
};

let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
beforeAll(async () => {
  sandbox = await startSandboxServer(
    Object.fromEntries(
      couriers.map((c) => [c, { handler: sandboxFor(c)!, accounts: sandboxRegistry(c) }]),
    ),
  );
});
afterAll(() => sandbox.close());

const now = new Date("2026-11-24T02:00:00Z");
const ctx = (n: number) => ({
  now: new Date(now.getTime() + n * 3_600_000),
  requestId: `req-${n}-${Math.random()}`,
});

function account(
  courier: SandboxCourier,
  overrides: Record<string, string> = {},
): CourierAccountConfig {
  return {
    courier,
    environment: "sandbox",
    baseUrl: `${sandbox.origin}/${courier}`,
    credentials: { ...sandboxAccounts[courier], ...overrides },
  };
}

function order(courier: SandboxCourier, orderId: string): WaybillOrder {
  const aggregatorCode = findCourier("zto")?.aggregatorCodes[courier as "kdniao" | "kuaidi100"];
  return {
    orderId,
    sender: {
      name: "王仓管",
      mobile: "13800138000",
      province: "浙江省",
      city: "杭州市",
      district: "余杭区",
      address: "仓前街道文一西路 1500 号",
    },
    recipient: {
      name: "张三",
      mobile: "13912345678",
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      address: "科技园科苑路 15 号",
    },
    weightG: 1200,
    goods: [{ name: "保温杯", quantity: 2 }],
    productCode: aggregatorCode,
  };
}

describe.each(couriers)("%s driver against its sandbox over HTTP", (courier) => {
  const driver =
    driverFor(courier) ?? profileDriver(builtInProfiles[courier as keyof typeof builtInProfiles]);
  const productCode = findCourier("zto")?.aggregatorCodes[courier as "kdniao" | "kuaidi100"];

  it("creates a waybill, queries it, cancels it", async () => {
    const orderId = `P${courier.toUpperCase()}${Date.now()}`;
    const waybill = await execute(
      driver.createWaybill,
      order(courier, orderId),
      account(courier),
      fetchTransport,
      ctx(0),
    );
    expect(waybill.trackingNo).toMatch(/^[A-Z0-9]{8,20}$/);
    const events = await execute(
      driver.queryTrack,
      { trackingNo: waybill.trackingNo, orderId, phoneLast4: "5678", productCode },
      account(courier),
      fetchTransport,
      ctx(0),
    );
    expect(Array.isArray(events)).toBe(true);
    await execute(
      driver.cancelWaybill,
      { orderId, trackingNo: waybill.trackingNo, productCode },
      account(courier),
      fetchTransport,
      ctx(0),
    );
  });

  it("is refused as SIGNATURE when the signing secret is wrong", async () => {
    // EMS keys are Base64 of 16 bytes: a well-formed key of the wrong value, so the courier decides.
    const wrongValue =
      courier === "ems" ? "QUFBQUFBQUFBQUFBQUFBQQ==" : "wrong-secret-0000000000000000000";
    const wrong = account(courier, { [signingSecret[courier]]: wrongValue });
    const error = await execute(
      driver.createWaybill,
      order(courier, `BAD${Date.now()}`),
      wrong,
      fetchTransport,
      ctx(0),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourierError);
    expect((error as CourierError).kind).toBe("SIGNATURE");
  });

  it("refuses to cancel once the parcel is picked up", async () => {
    const orderId = `PU${courier.toUpperCase()}${Date.now()}`;
    const waybill = await execute(
      driver.createWaybill,
      order(courier, orderId),
      account(courier),
      fetchTransport,
      ctx(0),
    );
    // Protocols that carry the caller's clock see three hours pass; the aggregators (whose requests
    // carry no time) get the courier's pickup scan set in the sandbox directly.
    const issued = sandbox.states.get(courier)!.waybills.get(orderId);
    expect(issued?.trackingNo).toBe(waybill.trackingNo);
    issued!.pickedUp = true;
    const error = await execute(
      driver.cancelWaybill,
      { orderId, trackingNo: waybill.trackingNo, productCode },
      account(courier),
      fetchTransport,
      ctx(3),
    ).catch((e: unknown) => e);
    expect((error as CourierError).kind).toBe("ALREADY_PICKED_UP");
  });
});

describe("sandbox faults seen by the executor", () => {
  it("turns a timeout into UNAVAILABLE", async () => {
    const error = await fetchTransport(
      { method: "POST", url: "http://10.255.255.1:9/never", headers: {}, body: "" },
      { timeoutMs: 200 },
    ).catch((e: unknown) => e);
    expect((error as CourierError).kind).toBe("UNAVAILABLE");
  });
});
