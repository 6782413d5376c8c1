import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { jtDriver } from "@/server/couriers/drivers/jt";
import { execute, type Transport } from "@/server/couriers/execute";
import { jtPushRequest, jtSandbox, jtSubscriptions, jtTraces } from "./jt";
import { HOUR, at } from "@/server/couriers/testing/fixtures";

const credentials = {
  apiAccount: "178337126125932605",
  privateKey: "sandbox-jt-private-key-0000",
  customerCode: "J0086474299",
  password: "sandbox-pass",
};
const account: CourierAccountConfig = {
  courier: "jt",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/jt/webopenplatformapi/api?uuid=sandbox",
  credentials,
};
const T0 = Date.parse("2025-05-26T09:00:00+08:00");

const order: WaybillOrder = {
  orderId: "P-3001",
  sender: {
    name: "张三",
    mobile: "13800000001",
    province: "上海",
    city: "上海市",
    district: "青浦区",
    address: "华新镇华志路 100 号",
  },
  recipient: {
    name: "李四",
    mobile: "13900000002",
    province: "河南省",
    city: "郑州市",
    district: "中原区",
    address: "建设西路 1 号",
  },
  weightG: 1250,
  goods: [{ name: "衬衫", quantity: 2 }],
};

let state: SandboxState;
const transport: Transport = async (request) => jtSandbox(request, state);
const run = <I, O>(op: Operation<I, O>, input: I, ms = T0, acct = account): Promise<O> =>
  execute(op, input, acct, transport, at(ms));
const withCredentials = (patch: Record<string, string>) => ({
  ...account,
  credentials: { ...credentials, ...patch },
});

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing value the test needs");
  return value;
}
const push = need(jtDriver.push);

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
  const { apiAccount, ...issued } = credentials;
  state = createSandboxState({ [apiAccount]: issued });
});

describe("J&T driver against the J&T sandbox", () => {
  it("creates an e-waybill with a JT number, 三段码 and 集包地", async () => {
    const waybill = await run(jtDriver.createWaybill, order);
    expect(waybill.trackingNo).toMatch(/^JT\d{13}$/);
    expect(waybill.sortingCode).toMatch(/^\d{3} [A-Z]\d{2}-\d{2}$/);
    expect(waybill.packageCenter).toBe("郑州转运中心");
    expect(waybill.labelData).toMatchObject({ sumFreight: "10.00", txlogisticId: "P-3001" });
    expect(state.waybills.get("P-3001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it("refuses a repeated order id as DUPLICATE and keeps the first waybill", async () => {
    const first = await run(jtDriver.createWaybill, order);
    const error = await rejection(run(jtDriver.createWaybill, order, T0 + 60_000));
    expect(error).toMatchObject({ kind: "DUPLICATE", courierCode: "145003101" });
    expect(state.waybills.get("P-3001")?.trackingNo).toBe(first.trackingNo);
    expect(state.waybills.size).toBe(1);
  });

  it.each([
    ["a wrong private key", { privateKey: "wrong" }, "145003030"],
    ["a wrong password (business digest)", { password: "wrong" }, "145002002"],
    ["another customer code", { customerCode: "J0000000000" }, "145002002"],
  ])("rejects %s as SIGNATURE", async (_, patch, courierCode) => {
    const error = await rejection(run(jtDriver.createWaybill, order, T0, withCredentials(patch)));
    expect(error).toMatchObject({ kind: "SIGNATURE", courierCode });
  });

  it("rejects an unknown API account as AUTH", async () => {
    const error = await rejection(
      run(jtDriver.queryTrack, { trackingNo: "JT1" }, T0, withCredentials({ apiAccount: "1" })),
    );
    expect(error).toMatchObject({ kind: "AUTH", courierCode: "145003010" });
  });

  it("refuses an incomplete recipient as INVALID", async () => {
    const bad = { ...order, recipient: { ...order.recipient, mobile: "" } };
    const error = await rejection(run(jtDriver.createWaybill, bad));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "收件人信息不全" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(jtDriver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(jtDriver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    const error = await rejection(run(jtDriver.cancelWaybill, input, T0 + HOUR));
    expect(error).toMatchObject({ kind: "ALREADY_CANCELLED", courierCode: "145003202" });
  });

  it("refuses to cancel after pickup, and an unknown order as NOT_FOUND", async () => {
    const { trackingNo } = await run(jtDriver.createWaybill, order);
    const late = await rejection(
      run(jtDriver.cancelWaybill, { orderId: order.orderId, trackingNo }, T0 + 3 * HOUR),
    );
    expect(late).toMatchObject({ kind: "ALREADY_PICKED_UP", courierCode: "145003201" });
    const unknown = await rejection(
      run(jtDriver.cancelWaybill, { orderId: "nope", trackingNo: "JT0" }),
    );
    expect(unknown.kind).toBe("NOT_FOUND");
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(jtDriver.createWaybill, order);
    await expect(run(jtDriver.queryTrack, { trackingNo }, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(jtDriver.queryTrack, { trackingNo }, T0 + 30 * HOUR);
    expect(events.map((e) => e.code)).toEqual([
      "快件揽收",
      "发件扫描",
      "到件扫描",
      "发件扫描",
      "到件扫描",
      "发件扫描",
      "到件扫描",
      "出仓扫描",
      "快件签收",
    ]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-26T11:00:00+08:00",
      location: "上海市",
      description: "快件已由【上海青浦区网点】揽收，揽收员：王伟（13800138001）",
    });
    expect(events.at(-1)?.location).toBe("郑州市");
  });

  it("subscribes a waybill with its callback URL", async () => {
    const { trackingNo } = await run(jtDriver.createWaybill, order);
    const callbackUrl = "https://console.example/api/couriers/jt/push/acc_1";
    await expect(
      run(need(jtDriver.subscribe), { trackingNo, callbackUrl }),
    ).resolves.toBeUndefined();
    expect(jtSubscriptions(state).get(trackingNo)).toBe(callbackUrl);
  });

  it("sends a push the driver verifies and parses; a tampered one does not verify", async () => {
    const { trackingNo } = await run(jtDriver.createWaybill, order);
    const waybill = need(state.waybills.get(order.orderId));
    const trace = jtTraces(state, waybill, T0 + 30 * HOUR);
    const target = { url: "https://console.example/api/couriers/jt/push/acc_1", ...credentials };
    const request = jtPushRequest(target, [trace], new Date(T0 + 30 * HOUR));
    expect(push.verify(request, account)).toBe(true);
    const events = push.parse(request, account);
    expect(events).toHaveLength(9);
    expect(events.every((e) => e.trackingNo === trackingNo)).toBe(true);
    const tampered = {
      ...request,
      body: request.body.replace("%E6%9C%AC%E4%BA%BA", "%E4%BB%96%E4%BA%BA"),
    };
    expect(tampered.body).not.toBe(request.body);
    expect(push.verify(tampered, account)).toBe(false);
    const foreign = jtPushRequest({ ...target, privateKey: "other" }, [trace], new Date(T0));
    expect(push.verify(foreign, account)).toBe(false);
  });

  it("refuses a timestamp in seconds", async () => {
    const request = jtDriver.queryTrack.build({ trackingNo: "JT1" }, account, at(T0));
    const response = await transport(
      { ...request, headers: { ...request.headers, timestamp: String(T0 / 1000) } },
      { timeoutMs: 1000 },
    );
    expect(JSON.parse(response.body)).toMatchObject({ code: "145003050", data: null });
  });
});
