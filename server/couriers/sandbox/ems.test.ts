import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { emsDriver } from "@/server/couriers/drivers/ems";
import { execute, type Transport } from "@/server/couriers/execute";
import { emsPushRequest, emsSandbox, emsTraces } from "./ems";
import { HOUR, T0, at, demoRecipient, demoSender } from "@/server/couriers/testing/fixtures";

const SIGN_KEY = Buffer.from("sandbox-sm4-key!").toString("base64");
const credentials = { senderNo: "1100099887766", authorization: "SANDBOX-AUTH", signKey: SIGN_KEY };
const account: CourierAccountConfig = {
  courier: "ems",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/api/sandbox/ems",
  credentials,
};

const order: WaybillOrder = {
  orderId: "P-3001",
  sender: demoSender,
  recipient: demoRecipient,
  weightG: 800,
  goods: [{ name: "茶叶", quantity: 2 }],
};

let state: SandboxState;
const transport: Transport = (request) => Promise.resolve(emsSandbox(request, state));
const run = <I, O>(op: Operation<I, O>, input: I, ms = T0, acc = account): Promise<O> =>
  execute(op, input, acc, transport, at(ms));

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
  state = createSandboxState({
    [credentials.senderNo]: { authorization: credentials.authorization, signKey: SIGN_KEY },
  });
});

describe("EMS driver against the EMS sandbox", () => {
  it("creates an order with a 13-digit EMS number, 大头笔 and 集包地", async () => {
    const waybill = await run(emsDriver.createWaybill, order);
    expect(waybill.trackingNo).toBe("1100000000001");
    expect(waybill.sortingCode).toBe("郑州 高新");
    expect(waybill.packageCenter).toBe("郑州邮区中心局");
    expect(waybill.labelData.routeCode).toMatch(/^\d{3}-\d{2}-\d{2}$/);
    expect(state.waybills.get("P-3001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it("answers a repeated order id with the first waybill", async () => {
    const first = await run(emsDriver.createWaybill, order);
    const again = await run(emsDriver.createWaybill, order, T0 + 60_000);
    expect(again).toEqual(first);
    expect(state.waybills.size).toBe(1);
  });

  it("rejects a wrong sign key as SIGNATURE", async () => {
    const wrong = withCredentials({ signKey: Buffer.from("another-sm4-key!").toString("base64") });
    const error = await rejection(run(emsDriver.createWaybill, order, T0, wrong));
    expect(error.kind).toBe("SIGNATURE");
    expect(error.courierMessage).toMatch(/解密失败|验签失败/);
  });

  it.each([
    ["a wrong authorization code", { authorization: "nope" }, "授权码错误"],
    ["an unknown sender number", { senderNo: "1100000000000" }, "协议客户号不存在"],
  ])("rejects %s as AUTH", async (_, patch, courierMessage) => {
    const error = await rejection(run(emsDriver.createWaybill, order, T0, withCredentials(patch)));
    expect(error).toMatchObject({ kind: "AUTH", courierMessage });
  });

  it("refuses an order without a recipient address as INVALID", async () => {
    const bad = { ...order, recipient: { ...order.recipient, address: "" } };
    const error = await rejection(run(emsDriver.createWaybill, bad));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "receiver.address不能为空" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(emsDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(emsDriver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    const error = await rejection(run(emsDriver.cancelWaybill, input, T0 + HOUR));
    expect(error.kind).toBe("ALREADY_CANCELLED");
  });

  it("refuses to cancel after pickup", async () => {
    const { trackingNo } = await run(emsDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    const error = await rejection(run(emsDriver.cancelWaybill, input, T0 + 2 * HOUR));
    expect(error).toMatchObject({
      kind: "ALREADY_PICKED_UP",
      courierMessage: "邮件已收寄，不能取消订单",
    });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(emsDriver.createWaybill, order);
    await expect(run(emsDriver.queryTrack, { trackingNo }, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(emsDriver.queryTrack, { trackingNo }, T0 + 30 * HOUR);
    expect(events.map((e) => e.code)).toEqual(["203", "305", "306", "305", "702", "748"]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-22T11:00:00+08:00",
      location: "广州市",
      description: "【广州黄埔区揽投部】已收寄，揽投员：陈师傅，电话：18900001111",
    });
    expect(events.at(-1)?.location).toBe("郑州市");
    expect(events.at(-1)?.description).toContain("【郑州高新区揽投部】已签收");
    const times = events.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("sends pushes the driver verifies and parses; a tampered one does not verify", async () => {
    const { trackingNo } = await run(emsDriver.createWaybill, order);
    const waybill = state.waybills.get(order.orderId);
    if (!waybill) throw new Error("no waybill");
    const traces = emsTraces(state, waybill, T0 + 30 * HOUR);
    const target = { url: "https://console.example/api/couriers/ems/push", ...credentials };
    const push = emsDriver.push;
    for (const trace of traces) {
      const request = emsPushRequest(target, trace);
      expect(push.verify(request, account)).toBe(true);
      const [event] = push.parse(request, account);
      expect(event).toMatchObject({ trackingNo, code: trace.opCode, description: trace.opDesc });
      expect(JSON.parse(push.acknowledge(true, request).body)).toMatchObject({ code: "00000" });
    }
    const signed = emsPushRequest(target, traces[0] ?? {});
    const envelope = JSON.parse(signed.body) as { logitcsInterface: string };
    const sealed = envelope.logitcsInterface;
    const flipped = sealed.slice(0, 6) + (sealed[6] === "A" ? "B" : "A") + sealed.slice(7);
    const tampered = { ...signed, body: signed.body.replace(sealed, flipped) };
    expect(tampered.body).not.toBe(signed.body);
    expect(push.verify(tampered, account)).toBe(false);
    const otherKey = Buffer.from("another-sm4-key!").toString("base64");
    const foreign = emsPushRequest({ ...target, signKey: otherKey }, traces[0] ?? {});
    expect(push.verify(foreign, account)).toBe(false);
  });

  it("serves the production path too and refuses an unknown API code", async () => {
    const production = { ...account, environment: "production" as const };
    await expect(run(emsDriver.createWaybill, order, T0, production)).resolves.toMatchObject({
      trackingNo: "1100000000001",
    });
    const request = emsDriver.queryTrack.build({ trackingNo: "1100000000001" }, account, at(T0));
    const renamed = { ...request, body: request.body.replace("apiCode=040001", "apiCode=999999") };
    const response = await transport(renamed, { timeoutMs: 1000 });
    expect(JSON.parse(response.body)).toMatchObject({
      retCode: "S00001",
      retMsg: "接口代码无效",
      retBody: null,
      success: false,
    });
  });
});
