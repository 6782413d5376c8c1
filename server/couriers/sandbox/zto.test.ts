import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { ztoDriver } from "@/server/couriers/drivers/zto";
import { execute, type Transport } from "@/server/couriers/execute";
import { ztoPushRequest, ztoSandbox, ztoSubscriptions, ztoTraces } from "./zto";
import { HOUR, T0, at, demoRecipient, demoSender } from "@/server/couriers/testing/fixtures";

const credentials = { appKey: "sandbox-app", appSecret: "sandbox-secret-0123456789" };
const account: CourierAccountConfig = {
  courier: "zto",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/zto",
  credentials,
};

const order: WaybillOrder = {
  orderId: "P-2001",
  sender: demoSender,
  recipient: demoRecipient,
  weightG: 800,
  goods: [{ name: "茶叶", quantity: 2 }],
};

let state: SandboxState;
const transport: Transport = async (request) => ztoSandbox(request, state);
const run = <I, O>(op: Operation<I, O>, input: I, ms = T0): Promise<O> =>
  execute(op, input, account, transport, at(ms));

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("ztoDriver lacks an operation the test needs");
  return value;
}
const push = need(ztoDriver.push);

async function rejection(promise: Promise<unknown>): Promise<CourierError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

beforeEach(() => {
  state = createSandboxState({ [credentials.appKey]: { appSecret: credentials.appSecret } });
});

describe("ZTO driver against the ZTO sandbox", () => {
  it("creates an e-waybill with a ZTO number, 大头笔 and 集包地", async () => {
    const waybill = await run(ztoDriver.createWaybill, order);
    expect(waybill.trackingNo).toMatch(/^7\d{13}$/);
    expect(waybill.sortingCode).toMatch(/^\d{3}- [A-Z]\d{2} \d{2}$/);
    expect(waybill.packageCenter).toBe("郑州中心");
    expect(waybill.labelData.orderCode).toMatch(/^250522\d{12}$/);
    expect(state.waybills.get("P-2001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it("answers a repeated order id with the first waybill (the sandbox is idempotent)", async () => {
    const first = await run(ztoDriver.createWaybill, order);
    const again = await run(ztoDriver.createWaybill, order, T0 + 60_000);
    expect(again).toEqual(first);
    expect(state.waybills.size).toBe(1);
  });

  it("rejects a wrong app secret as SIGNATURE", async () => {
    const wrong = { ...account, credentials: { ...credentials, appSecret: "not-the-secret" } };
    const error = await rejection(
      execute(ztoDriver.createWaybill, order, wrong, transport, at(T0)),
    );
    expect(error).toMatchObject({
      kind: "SIGNATURE",
      courierCode: "S211",
      courierMessage: "签名错误",
    });
  });

  it("rejects an unknown app key as AUTH", async () => {
    const stranger = { ...account, credentials: { ...credentials, appKey: "nobody" } };
    const error = await rejection(
      execute(ztoDriver.createWaybill, order, stranger, transport, at(T0)),
    );
    expect(error).toMatchObject({ kind: "AUTH", courierCode: "S210" });
  });

  it("refuses an order without a recipient address as INVALID", async () => {
    const bad = { ...order, recipient: { ...order.recipient, address: "" } };
    const error = await rejection(run(ztoDriver.createWaybill, bad));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "receiverAddress不能为空" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(ztoDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(ztoDriver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    const error = await rejection(run(ztoDriver.cancelWaybill, input, T0 + HOUR));
    expect(error.kind).toBe("ALREADY_CANCELLED");
  });

  it("refuses to cancel after pickup", async () => {
    const { trackingNo } = await run(ztoDriver.createWaybill, order);
    const error = await rejection(
      run(ztoDriver.cancelWaybill, { orderId: order.orderId, trackingNo }, T0 + 3 * HOUR),
    );
    expect(error).toMatchObject({
      kind: "ALREADY_PICKED_UP",
      courierMessage: "订单已揽收，不能取消",
    });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(ztoDriver.createWaybill, order);
    await expect(run(ztoDriver.queryTrack, { trackingNo }, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(
      ztoDriver.queryTrack,
      { trackingNo, phoneLast4: "0000" },
      T0 + 30 * HOUR,
    );
    expect(events.map((e) => e.code)).toEqual([
      "GOT",
      "DEPARTURE",
      "ARRIVAL",
      "DEPARTURE",
      "ARRIVAL",
      "DEPARTURE",
      "ARRIVAL",
      "DISPATCH",
      "SIGNED",
    ]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-22T11:00:00+08:00",
      location: "广州市",
      description: "【广州市】【广州黄埔区】的业务员张三(15712345741)已揽收",
    });
    expect(events.at(-1)?.description).toContain("签收网点：【郑州高新区】");
    const times = events.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    ["a phone that matches neither party", { phoneLast4: "9999" }, "E409"],
    ["a number that is not a ZTO number", { trackingNo: "JT123" }, "E416"],
  ])("refuses tracking with %s", async (_, patch, courierCode) => {
    const { trackingNo } = await run(ztoDriver.createWaybill, order);
    const error = await rejection(run(ztoDriver.queryTrack, { trackingNo, ...patch }));
    expect(error).toMatchObject({ kind: "INVALID", courierCode });
  });

  it("subscribes a waybill for pushes", async () => {
    const { trackingNo } = await run(ztoDriver.createWaybill, order);
    const input = { trackingNo, callbackUrl: "https://console.example/api/couriers/zto/push" };
    await expect(run(need(ztoDriver.subscribe), input)).resolves.toBeUndefined();
    expect(ztoSubscriptions(state).has(trackingNo)).toBe(true);
  });

  it("sends pushes the driver verifies and parses; a tampered one does not verify", async () => {
    const { trackingNo } = await run(ztoDriver.createWaybill, order);
    const waybill = need(state.waybills.get(order.orderId));
    const traces = ztoTraces(state, waybill, T0 + 30 * HOUR);
    const target = { url: "https://console.example/api/couriers/zto/push", ...credentials };
    for (const trace of traces) {
      const request = ztoPushRequest(target, trace);
      expect(push.verify(request, account)).toBe(true);
      const [event] = push.parse(request, account);
      expect(event).toMatchObject({ trackingNo, code: trace.action, description: trace.desc });
    }
    const signed = ztoPushRequest(target, need(traces.at(-1)));
    const tampered = { ...signed, body: signed.body.replace("SIGNED", "ARRIVAL") };
    expect(tampered.body).not.toBe(signed.body);
    expect(push.verify(tampered, account)).toBe(false);
    const otherSecret = ztoPushRequest({ ...target, appSecret: "other" }, need(traces[0]));
    expect(push.verify(otherSecret, account)).toBe(false);
  });

  it("answers an unknown API with S207", async () => {
    const request = ztoDriver.queryTrack.build({ trackingNo: "73100000000001" }, account, at(T0));
    const response = await transport(
      { ...request, url: `${account.baseUrl}/zto.open.nope` },
      {
        timeoutMs: 1000,
      },
    );
    expect(JSON.parse(response.body)).toEqual({
      result: null,
      message: "API不存在",
      status: false,
      statusCode: "S207",
    });
  });
});
