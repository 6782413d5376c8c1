/**
 * Contract tests: every Kuaidi100 driver operation through execute() against the independent
 * Kuaidi100 sandbox, over an in-process transport.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { kuaidi100Driver } from "@/server/couriers/drivers/kuaidi100";
import { execute, type Transport } from "@/server/couriers/execute";
import { createKuaidi100Sandbox, kuaidi100PushRequest, kuaidi100SandboxPush } from "./kuaidi100";
import { HOUR } from "@/server/couriers/testing/fixtures";

const credentials = { customer: "CUST", key: "k100key", secret: "k100secret", salt: "pepper" };
const account: CourierAccountConfig = {
  courier: "kuaidi100",
  environment: "sandbox",
  baseUrl: "http://console.test/api/sandbox/kuaidi100",
  credentials,
};
const start = new Date("2024-05-01T02:00:00Z");
let clock = start;
const handler = createKuaidi100Sandbox({ now: () => clock });
const ctx = { now: start, requestId: "req-1" };

const party = {
  name: "张三",
  mobile: "13800001234",
  province: "浙江省",
  city: "杭州市",
  district: "西湖区",
  address: "文三路 100 号",
};
const order = (orderId: string, productCode = "zhongtong"): WaybillOrder => ({
  orderId,
  sender: party,
  recipient: {
    ...party,
    name: "李四",
    mobile: "13900005678",
    province: "上海市",
    city: "上海市",
    district: "浦东新区",
  },
  weightG: 1200,
  goods: [{ name: "鞋子", quantity: 1 }],
  productCode,
});

let state: SandboxState;
let transport: Transport;
beforeEach(() => {
  clock = start;
  state = createSandboxState({ [credentials.customer]: credentials });
  transport = (request) => Promise.resolve(handler(request, state));
});

async function rejection(promise: Promise<unknown>): Promise<CourierError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof CourierError) return error;
  throw new Error(`expected a CourierError, got ${String(error)}`);
}

const create = (o: WaybillOrder, acc = account) =>
  execute(kuaidi100Driver.createWaybill, o, acc, transport, ctx);
const query = (trackingNo: string, phoneLast4?: string, acc = account) =>
  execute(
    kuaidi100Driver.queryTrack,
    { trackingNo, productCode: "zhongtong", ...(phoneLast4 ? { phoneLast4 } : {}) },
    acc,
    transport,
    ctx,
  );
const cancel = (trackingNo: string, acc = account) =>
  execute(
    kuaidi100Driver.cancelWaybill,
    { orderId: "P-1", trackingNo, productCode: "zhongtong" },
    acc,
    transport,
    ctx,
  );
const subscribe = (trackingNo: string, acc = account) =>
  execute(
    kuaidi100Driver.subscribe,
    { trackingNo, callbackUrl: "https://console.test/push", productCode: "zhongtong" },
    acc,
    transport,
    ctx,
  );

describe("kuaidi100 driver against the kuaidi100 sandbox", () => {
  it("issues a waybill with its 大头笔 and package centre", async () => {
    const waybill = await create(order("P-1"));
    expect(waybill).toMatchObject({
      trackingNo: "ZT0000000001",
      sortingCode: "上海 浦东",
      packageCenter: "上海转运中心",
    });
    expect(waybill.labelData.taskId).toBe("T0000000001");
    expect(state.waybills.get("P-1")).toMatchObject({
      trackingNo: "ZT0000000001",
      pickedUp: false,
    });
  });

  it("a repeated order id gets the first waybill back", async () => {
    const first = await create(order("P-1"));
    expect(await create(order("P-1"))).toEqual(first);
    expect(state.waybills.size).toBe(1);
    expect((await create(order("P-2", "shunfeng"))).trackingNo).toBe("SF0000000002");
  });

  it("shows nothing before pickup, then 揽收 → 在途 → 派件 → 签收, oldest first", async () => {
    const { trackingNo } = await create(order("P-1"));
    expect(await query(trackingNo, "5678")).toEqual([]);
    clock = new Date(start.getTime() + 30 * HOUR);
    const events = await query(trackingNo, "5678");
    expect(events.map((e) => [e.code, e.description])).toEqual([
      ["1", "【杭州】快递员已揽收"],
      ["0", "快件离开【杭州转运中心】，已发往【上海转运中心】"],
      ["0", "快件已到达【上海转运中心】"],
      ["5", "【上海浦东营业点】快递员正在为您派件，电话：95000"],
      ["3", "您的快件已签收，签收人：本人。感谢使用"],
    ]);
    expect(events[0]).toMatchObject({ time: "2024-05-01T12:00:00+08:00", location: "杭州" });
  });

  it("ZTO numbers need the right last 4 phone digits", async () => {
    const { trackingNo } = await create(order("P-1"));
    clock = new Date(start.getTime() + 3 * HOUR);
    expect((await rejection(query(trackingNo))).courierCode).toBe("408");
    expect((await rejection(query(trackingNo, "0000"))).kind).toBe("INVALID");
    expect(await query(trackingNo, "1234")).toHaveLength(1);
  });

  it("cancels before pickup, refuses twice, unknown and after pickup", async () => {
    const first = await create(order("P-1"));
    await expect(cancel(first.trackingNo)).resolves.toBeUndefined();
    expect((await rejection(cancel(first.trackingNo))).kind).toBe("ALREADY_CANCELLED");
    expect((await rejection(cancel("ZT9"))).kind).toBe("NOT_FOUND");
    const second = await create(order("P-2"));
    const issued = state.waybills.get("P-2");
    if (!issued) throw new Error("the sandbox lost the waybill");
    issued.pickedUp = true; // as the courier's collection scan (or the time-lapse) would
    expect((await rejection(cancel(second.trackingNo))).kind).toBe("ALREADY_PICKED_UP");
  });

  it("subscribes, and a repeated subscription (501) is still a success", async () => {
    await expect(subscribe("ZT1")).resolves.toBeUndefined();
    await expect(subscribe("ZT1")).resolves.toBeUndefined();
  });
});

describe("kuaidi100 sandbox authentication", () => {
  it("a wrong key fails the signed query as SIGNATURE and is an unknown account elsewhere", async () => {
    const wrongKey = { ...account, credentials: { ...credentials, key: "wrong" } };
    const signed = await rejection(query("ZT1", "1234", wrongKey));
    expect([signed.kind, signed.courierCode]).toEqual(["SIGNATURE", "503"]);
    expect((await rejection(create(order("P-1"), wrongKey))).kind).toBe("AUTH");
    expect((await rejection(subscribe("ZT1", wrongKey))).kind).toBe("AUTH");
  });

  it("a wrong secret fails the label API as SIGNATURE", async () => {
    const wrongSecret = { ...account, credentials: { ...credentials, secret: "wrong" } };
    const errors = await Promise.all([
      rejection(create(order("P-1"), wrongSecret)),
      rejection(cancel("ZT1", wrongSecret)),
    ]);
    expect(errors.map((e) => e.kind)).toEqual(["SIGNATURE", "SIGNATURE"]);
  });

  it("a double-URL-encoded param is rejected", async () => {
    const doubled: Transport = (request, opts) => {
      const fields = [...new URLSearchParams(request.body)];
      const body = fields
        .map(([k, v]) => `${k}=${encodeURIComponent(k === "param" ? encodeURIComponent(v) : v)}`)
        .join("&");
      return transport({ ...request, body }, opts);
    };
    const error = await rejection(
      execute(kuaidi100Driver.createWaybill, order("P-1"), account, doubled, ctx),
    );
    expect(error.kind).toBe("SIGNATURE");
  });

  it("accepts the query sign of the formula vector kuaidi100-query-sign-formula", async () => {
    const vectorState = createSandboxState({
      TESTCUSTOMER: { customer: "TESTCUSTOMER", key: "testkey" },
    });
    const body = new URLSearchParams({
      customer: "TESTCUSTOMER",
      sign: "A569F8BE0F2D7B1A39F5103287930EEA",
      param: '{"com":"yuantong","num":"YT9383342193097","phone":"17725390266"}',
    }).toString();
    const response = await handler(
      { method: "POST", url: "http://console.test/poll/query.do", headers: {}, body },
      vectorState,
    );
    expect(JSON.parse(response.body)).toEqual({
      result: false,
      returnCode: "500",
      message: "查询无结果，请隔段时间再查",
    });
  });
});

describe("kuaidi100 sandbox pushes", () => {
  it("a push built by the sandbox verifies and parses in the driver; a tampered one does not", async () => {
    const { trackingNo } = await create(order("P-1"));
    await subscribe(trackingNo);
    clock = new Date(start.getTime() + 17 * HOUR);
    const push = kuaidi100SandboxPush(state, "zhongtong", trackingNo, clock);
    if (!push) throw new Error("the sandbox lost the subscription");
    expect(push.url).toBe("https://console.test/push");
    expect(kuaidi100Driver.push.verify(push, account)).toBe(true);
    expect(kuaidi100Driver.push.parse(push, account).map((e) => [e.trackingNo, e.code])).toEqual([
      [trackingNo, "1"],
      [trackingNo, "0"],
      [trackingNo, "0"],
    ]);
    const tampered = {
      ...push,
      body: push.body.replace(encodeURIComponent("杭州"), encodeURIComponent("北京")),
    };
    expect(tampered.body).not.toBe(push.body);
    expect(kuaidi100Driver.push.verify(tampered, account)).toBe(false);
    const foreign = kuaidi100PushRequest(
      { callbackUrl: "https://console.test/push", salt: "other" },
      { status: "polling", lastResult: { com: "zhongtong", nu: trackingNo, state: "0", data: [] } },
    );
    expect(kuaidi100Driver.push.verify(foreign, account)).toBe(false);
  });
});
