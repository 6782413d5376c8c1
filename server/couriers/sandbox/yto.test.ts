import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { ytoDriver } from "@/server/couriers/drivers/yto";
import { execute, type Transport } from "@/server/couriers/execute";
import { ytoSandbox, ytoTraces } from "./yto";
import { HOUR, at } from "@/server/couriers/testing/fixtures";

const credentials = { apiKey: "sandbox-yto-key", customerCode: "K21000119", secret: "sandbox-yto" };
const account: CourierAccountConfig = {
  courier: "yto",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/yto",
  credentials,
};
const T0 = Date.parse("2025-05-26T09:00:00+08:00");

const order: WaybillOrder = {
  orderId: "P-4001",
  sender: {
    name: "王五",
    mobile: "13800000003",
    province: "浙江省",
    city: "杭州市",
    district: "萧山区",
    address: "宁围街道 8 号",
  },
  recipient: {
    name: "赵六",
    mobile: "13900000004",
    province: "北京",
    city: "北京市",
    district: "朝阳区",
    address: "建国路 88 号",
  },
  weightG: 2000,
  goods: [{ name: "图书", quantity: 3 }],
};

let state: SandboxState;
const transport: Transport = async (request) => ytoSandbox(request, state);
const run = <I, O>(op: Operation<I, O>, input: I, ms = T0, acct = account): Promise<O> =>
  execute(op, input, acct, transport, at(ms));
const withCredentials = (patch: Record<string, string>) => ({
  ...account,
  credentials: { ...credentials, ...patch },
});

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
  const { apiKey, ...issued } = credentials;
  state = createSandboxState({ [apiKey]: issued });
});

describe("YTO driver against the YTO sandbox", () => {
  it("creates an e-waybill with a YT number, 三段码 and 集包地", async () => {
    const waybill = await run(ytoDriver.createWaybill, order);
    expect(waybill.trackingNo).toMatch(/^YT\d{13}$/);
    expect(waybill.sortingCode).toMatch(/^\d{3}-\d{3} \d{3}$/);
    expect(waybill.packageCenter).toBe("北京转运中心");
    expect(state.waybills.get("P-4001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it("answers a repeated order id with the first waybill (the sandbox is idempotent)", async () => {
    const first = await run(ytoDriver.createWaybill, order);
    await expect(run(ytoDriver.createWaybill, order, T0 + 60_000)).resolves.toEqual(first);
    expect(state.waybills.size).toBe(1);
  });

  it("rejects a wrong secret as SIGNATURE", async () => {
    const error = await rejection(
      run(ytoDriver.createWaybill, order, T0, withCredentials({ secret: "wrong" })),
    );
    expect(error).toMatchObject({ kind: "SIGNATURE", courierMessage: "签名错误" });
  });

  it("rejects a customer code that is not the API key's as AUTH", async () => {
    const error = await rejection(
      run(ytoDriver.createWaybill, order, T0, withCredentials({ customerCode: "K0" })),
    );
    expect(error.kind).toBe("AUTH");
  });

  it("refuses an order without a sender phone as INVALID", async () => {
    const bad = { ...order, sender: { ...order.sender, mobile: "" } };
    const error = await rejection(run(ytoDriver.createWaybill, bad));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "senderMobile不能为空" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(ytoDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(ytoDriver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    const error = await rejection(run(ytoDriver.cancelWaybill, input, T0 + HOUR));
    expect(error.kind).toBe("ALREADY_CANCELLED");
  });

  it("refuses to cancel after pickup", async () => {
    const { trackingNo } = await run(ytoDriver.createWaybill, order);
    const error = await rejection(
      run(ytoDriver.cancelWaybill, { orderId: order.orderId, trackingNo }, T0 + 3 * HOUR),
    );
    expect(error).toMatchObject({ kind: "ALREADY_PICKED_UP" });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(ytoDriver.createWaybill, order);
    await expect(run(ytoDriver.queryTrack, { trackingNo }, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(ytoDriver.queryTrack, { trackingNo }, T0 + 30 * HOUR);
    expect(events.map((e) => e.code)).toEqual([
      "GOT",
      "DEPARTURE",
      "ARRIVAL",
      "DEPARTURE",
      "ARRIVAL",
      "DEPARTURE",
      "ARRIVAL",
      "SENT_SCAN",
      "SIGNED",
    ]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-26T11:00:00+08:00",
      location: "杭州市",
      description: "【浙江省杭州市萧山区公司】 已收件 取件人: 王师傅 (13800138003)",
    });
    expect(events[6]?.description).toBe("【北京市朝阳区公司】 已收入");
  });

  it("gives the time-lapse the same traces the query shows", async () => {
    const { trackingNo } = await run(ytoDriver.createWaybill, order);
    const waybill = state.waybills.get(order.orderId);
    if (!waybill) throw new Error("waybill not stored");
    const traces = ytoTraces(state, waybill, T0 + 12 * HOUR);
    const events = await run(ytoDriver.queryTrack, { trackingNo }, T0 + 12 * HOUR);
    expect(events.map((e) => e.raw)).toEqual(traces);
  });

  it("answers an unknown adapter method with 404", async () => {
    const request = ytoDriver.queryTrack.build({ trackingNo: "YT1" }, account, at(T0));
    const url = request.url.replace("track_query_adapter", "subscribe_adapter");
    const response = await transport({ ...request, url }, { timeoutMs: 1000 });
    expect(response.status).toBe(404);
  });
});
