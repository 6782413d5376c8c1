import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { stoDriver } from "@/server/couriers/drivers/sto";
import { execute, type Transport } from "@/server/couriers/execute";
import { createStoSandbox, stoPushRequest, stoSubscriptions, stoTraces } from "./sto";
import { HOUR, T0, demoRecipient, demoSender } from "@/server/couriers/testing/fixtures";

const credentials = {
  appKey: "CAKDemoAppKey",
  resourceCode: "CAKDemoCode",
  secretKey: "sandbox-sto-secret-0000000000000",
  siteCode: "666666",
  customerName: "666666000001",
  sitePwd: "abc123",
};
const account: CourierAccountConfig = {
  courier: "sto",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/api/sandbox/sto",
  credentials,
};

const order: WaybillOrder = {
  orderId: "P-4001",
  sender: demoSender,
  recipient: demoRecipient,
  weightG: 800,
  goods: [{ name: "茶叶", quantity: 2 }],
};

// LINK requests carry no timestamp: the sandbox clock stands in for the request's clock.
let clock = T0;
const sandbox = createStoSandbox({ now: () => new Date(clock) });
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
  const { appKey, ...issued } = credentials;
  state = createSandboxState({ [appKey]: issued });
});

describe("STO driver against the STO sandbox", () => {
  it("creates an order with a 773 number, 大头笔 and 集包地", async () => {
    const waybill = await run(stoDriver.createWaybill, order);
    expect(waybill.trackingNo).toBe("7730000000001");
    expect(waybill.trackingNo).toMatch(/^77\d{11}$/);
    expect(waybill.sortingCode).toMatch(/^\d{3}-\d{3}-\d{3}$/);
    expect(waybill.packageCenter).toBe("郑州转运中心");
    expect(waybill.labelData.safeNo).toMatch(/^950\d{11}$/);
    expect(state.waybills.get("P-4001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it("answers a repeated order id with the first waybill", async () => {
    const first = await run(stoDriver.createWaybill, order);
    const again = await run(stoDriver.createWaybill, order, T0 + 60_000);
    expect(again).toEqual(first);
    expect(state.waybills.size).toBe(1);
  });

  it("rejects a wrong secret key as SIGNATURE with the LINK S02 reply", async () => {
    const error = await rejection(
      run(stoDriver.createWaybill, order, T0, withCredentials({ secretKey: "not-the-secret" })),
    );
    expect(error).toMatchObject({
      kind: "SIGNATURE",
      courierCode: "S02",
      courierMessage: "验签或加密失败:digist sign check not pass",
    });
  });

  it.each([
    ["an unknown app key", { appKey: "nobody" }, "from_appkey无权限访问"],
    ["another resource code", { resourceCode: "other" }, "from_code与appkey不匹配"],
    ["a wrong branch password", { sitePwd: "wrong" }, "网点密码错误"],
  ])("rejects %s as AUTH", async (_, patch, courierMessage) => {
    const error = await rejection(run(stoDriver.createWaybill, order, T0, withCredentials(patch)));
    expect(error).toMatchObject({ kind: "AUTH", courierMessage });
  });

  it("refuses an order without a recipient address as INVALID", async () => {
    const bad = { ...order, recipient: { ...order.recipient, address: "" } };
    const error = await rejection(run(stoDriver.createWaybill, bad));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "receiver.address不能为空" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(stoDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(stoDriver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    expect((await rejection(run(stoDriver.cancelWaybill, input, T0 + HOUR))).kind).toBe(
      "ALREADY_CANCELLED",
    );
  });

  it("refuses to cancel after pickup", async () => {
    const { trackingNo } = await run(stoDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    const error = await rejection(run(stoDriver.cancelWaybill, input, T0 + 2 * HOUR));
    expect(error).toMatchObject({
      kind: "ALREADY_PICKED_UP",
      courierMessage: "该订单已揽收，不允许取消",
    });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(stoDriver.createWaybill, order);
    await expect(run(stoDriver.queryTrack, { trackingNo }, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(stoDriver.queryTrack, { trackingNo }, T0 + 30 * HOUR);
    expect(events.map((e) => e.code)).toEqual([
      "收件",
      "发件",
      "到件",
      "发件",
      "到件",
      "发件",
      "到件",
      "派件",
      "签收",
    ]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-22T11:00:00+08:00",
      location: "广州市",
      description: "【广州黄埔区公司】的收件员【陈明】已收件",
    });
    expect(events.at(-1)?.location).toBe("郑州市");
    const times = events.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("subscribes a waybill and refuses a malformed number", async () => {
    const { trackingNo } = await run(stoDriver.createWaybill, order);
    const input = { trackingNo, callbackUrl: "https://console.example/api/couriers/sto/push" };
    await expect(run(stoDriver.subscribe, input)).resolves.toBeUndefined();
    expect(stoSubscriptions(state).has(trackingNo)).toBe(true);
    const error = await rejection(run(stoDriver.subscribe, { ...input, trackingNo: "JT1" }));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "运单号不符合申通单号规则" });
  });

  it("sends pushes the driver verifies and parses; a tampered one does not verify", async () => {
    const { trackingNo } = await run(stoDriver.createWaybill, order);
    const waybill = state.waybills.get(order.orderId);
    if (!waybill) throw new Error("no waybill");
    const traces = stoTraces(state, waybill, T0 + 30 * HOUR);
    const target = { url: "https://console.example/api/couriers/sto/push", ...credentials };
    for (const trace of traces) {
      const request = stoPushRequest(target, trace, order.orderId);
      expect(stoDriver.push.verify(request, account)).toBe(true);
      const [event] = stoDriver.push.parse(request, account);
      expect(event).toMatchObject({ trackingNo, code: trace.scanType, description: trace.memo });
    }
    const signed = stoPushRequest(target, traces.at(-1) ?? {});
    const tampered = {
      ...signed,
      body: signed.body.replace("%E7%AD%BE%E6%94%B6", "%E6%B4%BE%E4%BB%B6"),
    };
    expect(tampered.body).not.toBe(signed.body);
    expect(stoDriver.push.verify(tampered, account)).toBe(false);
    const foreign = stoPushRequest({ ...target, secretKey: "other" }, traces[0] ?? {});
    expect(stoDriver.push.verify(foreign, account)).toBe(false);
  });

  it("refuses a request sent to the wrong to_code", async () => {
    const request = stoDriver.queryTrack.build({ trackingNo: "7730000000001" }, account, {
      now: new Date(T0),
      requestId: "r",
    });
    const wrong = {
      ...request,
      body: request.body.replace("to_code=sto_trace_query", "to_code=x"),
    };
    const response = await transport(wrong, { timeoutMs: 1000 });
    expect(JSON.parse(response.body)).toEqual({
      success: false,
      errorCode: "S01",
      errorMsg: "to_code须为sto_trace_query",
      data: null,
    });
  });
});
