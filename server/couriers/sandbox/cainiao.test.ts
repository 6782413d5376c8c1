import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { cainiaoDriver } from "@/server/couriers/drivers/cainiao";
import { execute, type Transport } from "@/server/couriers/execute";
import vectors from "@/server/couriers/signing/vectors.json";
import { cainiaoSubscriptions, createCainiaoSandbox } from "./cainiao";
import { HOUR, T0, demoRecipient } from "@/server/couriers/testing/fixtures";

const credentials = {
  logisticProviderId: "express-demo-resource",
  secretKey: "sandbox-cainiao-secret-000000000",
  appCode: "102905",
};
const account: CourierAccountConfig = {
  courier: "cainiao",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/api/sandbox/cainiao",
  credentials,
};

const order: WaybillOrder = {
  orderId: "P-5001",
  sender: {
    name: "杨犁",
    mobile: "15685585514",
    province: "浙江省",
    city: "杭州市",
    district: "余杭区",
    address: "文一西路969号",
  },
  recipient: demoRecipient,
  weightG: 800,
  goods: [{ name: "茶叶", quantity: 2 }],
  productCode: "YTO",
};

// LINK requests carry no timestamp: the sandbox clock stands in for the request's clock.
let clock = T0;
const sandbox = createCainiaoSandbox({ now: () => new Date(clock) });
let state: SandboxState;
const transport: Transport = (request) => Promise.resolve(sandbox(request, state));
const run = <I, O>(op: Operation<I, O>, input: I, ms = T0, acc = account): Promise<O> => {
  clock = ms;
  return execute(op, input, acc, transport, { now: new Date(ms), requestId: `req-${ms}` });
};

async function rejection(promise: Promise<unknown>): Promise<CourierError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

const withCredentials = (patch: Record<string, string>) => ({
  ...account,
  credentials: { ...credentials, ...patch },
});

beforeEach(() => {
  const { logisticProviderId, secretKey, appCode } = credentials;
  state = createSandboxState({ [logisticProviderId]: { secretKey, appCode } });
});

describe("Cainiao driver against the Cainiao sandbox", () => {
  it("gets a YTO waybill with 大头笔, 集包地 and cloud-print data", async () => {
    const waybill = await run(cainiaoDriver.createWaybill, order);
    expect(waybill.trackingNo).toBe("YT0000000000001");
    expect(waybill.sortingCode).toMatch(/^郑州 高新 \d{3}$/);
    expect(waybill.packageCenter).toBe("郑州转运中心");
    expect(JSON.parse(waybill.labelData.printData ?? "")).toMatchObject({
      data: { cpCode: "YTO", waybillCode: "YT0000000000001" },
    });
    expect(state.waybills.get("P-5001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it.each([
    ["STO", /^773\d{10}$/],
    ["ZTO", /^7810\d{10}$/],
    ["YUNDA", /^4312\d{9}$/],
    ["EMS", /^1100\d{9}$/],
    ["JTSD", /^JT\d{13}$/],
  ])("numbers a %s waybill like %s", async (productCode, shape) => {
    const waybill = await run(cainiaoDriver.createWaybill, { ...order, productCode });
    expect(waybill.trackingNo).toMatch(shape);
  });

  it("answers a repeated order with the first waybill, but not under another courier", async () => {
    const first = await run(cainiaoDriver.createWaybill, order);
    const again = await run(cainiaoDriver.createWaybill, order, T0 + 60_000);
    expect(again).toEqual(first);
    expect(state.waybills.size).toBe(1);
    const error = await rejection(
      run(cainiaoDriver.createWaybill, { ...order, productCode: "ZTO" }),
    );
    expect(error.kind).toBe("INVALID");
  });

  it("rejects a wrong secret and a tampered request as SIGNATURE", async () => {
    const error = await rejection(
      run(cainiaoDriver.createWaybill, order, T0, withCredentials({ secretKey: "nope" })),
    );
    expect(error).toMatchObject({ kind: "SIGNATURE", courierCode: "S02" });
    const request = cainiaoDriver.createWaybill.build(order, account, {
      now: new Date(T0),
      requestId: "r",
    });
    const tampered = { ...request, body: request.body.replace("YTO", "ZTO") };
    const response = await transport(tampered, { timeoutMs: 1000 });
    expect(JSON.parse(response.body)).toEqual({
      success: false,
      errorCode: "S02",
      errorMsg: "验签或加密失败:digist sign check not pass",
    });
  });

  it("verifies digests exactly as the vectors.json LINK vectors do", async () => {
    for (const v of vectors.vectors.filter((x) => x.id.startsWith("cainiao-"))) {
      const input = v.input as { logistics_interface: string; secretKey: string };
      state.accounts.set("vector", { secretKey: input.secretKey });
      const form = (digest: string) =>
        new URLSearchParams({
          logistic_provider_id: "vector",
          msg_type: "TMS_WAYBILL_GET",
          logistics_interface: input.logistics_interface,
          data_digest: digest,
        }).toString();
      const post = (body: string) =>
        transport(
          { method: "POST", url: `${account.baseUrl}/gateway/link.do`, headers: {}, body },
          { timeoutMs: 1 },
        );
      // The published digest passes the check; the content then fails only as non-JSON.
      expect(JSON.parse((await post(form(v.expected))).body)).toMatchObject({ errorCode: "S01" });
      expect(JSON.parse((await post(form("AAAAAAAAAAAAAAAAAAAAAA=="))).body)).toMatchObject({
        errorCode: "S02",
      });
    }
  });

  it("rejects an unknown resource code and another appCode as AUTH", async () => {
    const stranger = withCredentials({ logisticProviderId: "nobody" });
    expect(await rejection(run(cainiaoDriver.createWaybill, order, T0, stranger))).toMatchObject({
      kind: "AUTH",
      courierMessage: "logistic_provider_id不存在或无权限",
    });
    const query = { trackingNo: "YT0000000000001", productCode: "YTO" };
    const otherApp = withCredentials({ appCode: "999" });
    expect(await rejection(run(cainiaoDriver.queryTrack, query, T0, otherApp))).toMatchObject({
      kind: "AUTH",
      courierMessage: "appCode无效或未授权",
    });
  });

  it.each([
    [
      "a recipient without an address",
      { recipient: { ...order.recipient, address: "" } },
      "INVALID",
    ],
    ["a courier Cainiao does not serve", { productCode: "XYZ" }, "UNSERVICEABLE"],
  ])("refuses %s", async (_, patch, kind) => {
    const error = await rejection(run(cainiaoDriver.createWaybill, { ...order, ...patch }));
    expect(error.kind).toBe(kind);
  });

  it("discards before pickup, then reports ALREADY_CANCELLED; another courier's number is NOT_FOUND", async () => {
    const { trackingNo } = await run(cainiaoDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo, productCode: "YTO" };
    const wrongCourier = await rejection(
      run(cainiaoDriver.cancelWaybill, { ...input, productCode: "ZTO" }),
    );
    expect(wrongCourier.kind).toBe("NOT_FOUND");
    await expect(run(cainiaoDriver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    expect((await rejection(run(cainiaoDriver.cancelWaybill, input, T0 + HOUR))).kind).toBe(
      "ALREADY_CANCELLED",
    );
  });

  it("refuses to discard after pickup", async () => {
    const { trackingNo } = await run(cainiaoDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo, productCode: "YTO" };
    const error = await rejection(run(cainiaoDriver.cancelWaybill, input, T0 + 2 * HOUR));
    expect(error).toMatchObject({
      kind: "ALREADY_PICKED_UP",
      courierMessage: "该运单已揽收，不能取消",
    });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(cainiaoDriver.createWaybill, order);
    const query = { trackingNo, productCode: "YTO" };
    await expect(run(cainiaoDriver.queryTrack, query, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(cainiaoDriver.queryTrack, query, T0 + 30 * HOUR);
    expect(events.map((e) => e.code)).toEqual([
      "ACCEPT",
      "TRANSPORT",
      "TRANSPORT",
      "TRANSPORT",
      "TRANSPORT",
      "DELIVERING",
      "SIGN",
    ]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-22T11:00:00+08:00",
      location: "杭州市",
      description: "【杭州市】圆通速递【杭州余杭区网点】已揽收",
    });
    expect(events.at(-1)?.location).toBe("郑州市");
    const times = events.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("subscribes a waybill for logistics details", async () => {
    const { trackingNo } = await run(cainiaoDriver.createWaybill, order);
    const input = { trackingNo, productCode: "YTO", callbackUrl: "https://console.example/p" };
    await expect(run(cainiaoDriver.subscribe, input)).resolves.toBeUndefined();
    expect(cainiaoSubscriptions(state).has(`YTO:${trackingNo}`)).toBe(true);
  });
});
