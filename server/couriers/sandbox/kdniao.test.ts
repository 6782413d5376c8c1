/**
 * Contract tests: every Kdniao driver operation through execute() against the independent
 * Kdniao sandbox, over an in-process transport.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type SandboxState,
  type WaybillOrder,
} from "@/server/couriers/contract";
import { kdniaoDriver } from "@/server/couriers/drivers/kdniao";
import { execute, type Transport } from "@/server/couriers/execute";
import { createKdniaoSandbox, kdniaoPushRequest, kdniaoSandboxShipment } from "./kdniao";
import { HOUR } from "@/server/couriers/testing/fixtures";

const credentials = { EBusinessID: "1237100", ApiKey: "sandbox-api-key" };
const account: CourierAccountConfig = {
  courier: "kdniao",
  environment: "sandbox",
  baseUrl: "http://console.test/api/sandbox/kdniao",
  credentials,
};
const start = new Date("2024-05-01T02:00:00Z");
let clock = start;
const handler = createKdniaoSandbox({ now: () => clock });
const ctx = { now: start, requestId: "req-1" };

const party = {
  name: "张三",
  mobile: "13800001234",
  province: "浙江省",
  city: "杭州市",
  district: "西湖区",
  address: "文三路 100 号",
};
const order = (orderId: string, productCode = "ZTO"): WaybillOrder => ({
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
  state = createSandboxState({ [credentials.EBusinessID]: credentials });
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
  execute(kdniaoDriver.createWaybill, o, acc, transport, ctx);
const query = (trackingNo: string, productCode = "ZTO", phoneLast4?: string) =>
  execute(
    kdniaoDriver.queryTrack,
    { trackingNo, productCode, ...(phoneLast4 ? { phoneLast4 } : {}) },
    account,
    transport,
    ctx,
  );
const cancel = (orderId: string, trackingNo: string) =>
  execute(
    kdniaoDriver.cancelWaybill,
    { orderId, trackingNo, productCode: "ZTO" },
    account,
    transport,
    ctx,
  );

describe("kdniao driver against the kdniao sandbox", () => {
  it("issues a waybill with its sorting code and package centre", async () => {
    const waybill = await create(order("P-1"));
    expect(waybill).toMatchObject({
      trackingNo: "ZTO0000000001",
      sortingCode: "上海 浦东",
      packageCenter: "上海转运中心",
    });
    expect(waybill.labelData.UniquerRequestNumber).toBe("UR0000000001");
    expect(state.waybills.get("P-1")).toMatchObject({
      trackingNo: "ZTO0000000001",
      pickedUp: false,
      cancelled: false,
    });
  });

  it("a repeated order id gets the first waybill back", async () => {
    const first = await create(order("P-1"));
    const again = await create(order("P-1"));
    expect(again).toMatchObject({ trackingNo: first.trackingNo, sortingCode: first.sortingCode });
    expect(state.waybills.size).toBe(1);
    expect((await create(order("P-2"))).trackingNo).toBe("ZTO0000000002");
  });

  it("refuses an order without a recipient mobile", async () => {
    const bad = order("P-1");
    const error = await rejection(create({ ...bad, recipient: { ...bad.recipient, mobile: "" } }));
    expect([error.kind, error.courierCode]).toEqual(["INVALID", "101"]);
  });

  it("shows no trace before pickup, then 揽收 → 运输中 → 派件 → 签收", async () => {
    const { trackingNo } = await create(order("P-1"));
    expect(await query(trackingNo)).toEqual([]);
    clock = new Date(start.getTime() + 30 * HOUR);
    const events = await query(trackingNo);
    expect(events.map((e) => e.description)).toEqual([
      "【杭州】快递员已揽收，感谢您的使用",
      "快件已从【杭州转运中心】发出，下一站【上海转运中心】",
      "快件已到达【上海转运中心】",
      "【上海浦东营业部】快递员正在派件，电话：95000",
      "快件已签收，签收人：本人，感谢使用",
    ]);
    expect(events[0]?.time).toBe("2024-05-01T12:00:00+08:00");
    expect(events.map((e) => e.code)).toEqual(["", "", "", "", "3"]);
  });

  it("SF numbers need the right last 4 phone digits", async () => {
    const { trackingNo } = await create(order("P-1", "SF"));
    clock = new Date(start.getTime() + 3 * HOUR);
    expect((await rejection(query(trackingNo, "SF"))).courierCode).toBe("101");
    expect((await rejection(query(trackingNo, "SF", "0000"))).kind).toBe("INVALID");
    expect(await query(trackingNo, "SF", "5678")).toHaveLength(1);
  });

  it("cancels before pickup, refuses twice and after pickup", async () => {
    const first = await create(order("P-1"));
    await expect(cancel("P-1", first.trackingNo)).resolves.toBeUndefined();
    expect((await rejection(cancel("P-1", first.trackingNo))).kind).toBe("ALREADY_CANCELLED");
    expect((await rejection(cancel("P-9", "ZTO9"))).kind).toBe("NOT_FOUND");
    const second = await create(order("P-2"));
    clock = new Date(start.getTime() + 2 * HOUR);
    expect((await rejection(cancel("P-2", second.trackingNo))).kind).toBe("ALREADY_PICKED_UP");
    expect(state.waybills.get("P-2")?.pickedUp).toBe(true);
  });

  it("accepts a subscription", async () => {
    const input = {
      trackingNo: "ZTO0000000001",
      callbackUrl: "https://c.test/push",
      productCode: "ZTO",
    };
    await expect(
      execute(kdniaoDriver.subscribe, input, account, transport, ctx),
    ).resolves.toBeUndefined();
  });
});

describe("kdniao sandbox authentication", () => {
  it("a wrong ApiKey is a SIGNATURE error on every operation", async () => {
    const wrong = { ...account, credentials: { ...credentials, ApiKey: "wrong" } };
    const target = {
      trackingNo: "T1",
      orderId: "P-1",
      callbackUrl: "https://c.test",
      productCode: "ZTO",
    };
    const errors = await Promise.all([
      rejection(create(order("P-1"), wrong)),
      rejection(execute(kdniaoDriver.cancelWaybill, target, wrong, transport, ctx)),
      rejection(execute(kdniaoDriver.queryTrack, target, wrong, transport, ctx)),
      rejection(execute(kdniaoDriver.subscribe, target, wrong, transport, ctx)),
    ]);
    expect(errors.map((e) => [e.kind, e.courierCode])).toEqual(Array(4).fill(["SIGNATURE", "102"]));
  });

  it("an unknown EBusinessID is AUTH", async () => {
    const stranger = { ...account, credentials: { EBusinessID: "999", ApiKey: "k" } };
    expect((await rejection(create(order("P-1"), stranger))).kind).toBe("AUTH");
  });

  it.each(["DataSign", "RequestData"])("a double-URL-encoded %s is rejected", async (field) => {
    const doubled: Transport = (request, opts) => {
      const fields = new URLSearchParams(request.body);
      const body = [...fields]
        .map(([k, v]) => `${k}=${encodeURIComponent(k === field ? encodeURIComponent(v) : v)}`)
        .join("&");
      return transport({ ...request, body }, opts);
    };
    const error = await rejection(
      execute(kdniaoDriver.createWaybill, order("P-1"), account, doubled, ctx),
    );
    expect(error.kind).toBe("SIGNATURE");
  });

  it("accepts the official demo's wire body with its single-quoted RequestData", async () => {
    const demo = createSandboxState({
      "1237100": { ApiKey: "56da2cf8-c8a2-44b2-b6fa-476cd7d1ba17" },
    });
    const body =
      "RequestType=1002&EBusinessID=1237100&RequestData=%7b%27OrderCode%27%3a%27%27%2c%27ShipperCode%27%3a%27SF%27%2c%27LogisticCode%27%3a%27118954907573%27%7d&DataSign=OWFhM2I5N2ViM2U2MGRkMjc4YzU2NmVlZWI3ZDk0MmE%3d&DataType=2";
    const url = "http://console.test/Ebusiness/EbusinessOrderHandle.aspx";
    const response = await handler({ method: "POST", url, headers: {}, body }, demo);
    expect(JSON.parse(response.body)).toMatchObject({
      LogisticCode: "118954907573",
      State: "0",
      Reason: "暂无轨迹信息",
    });
  });

  it("a request type sent to another endpoint is refused", async () => {
    const misrouted: Transport = (request, opts) =>
      transport({ ...request, url: request.url.replace("/api/EOrderService", "/api/dist") }, opts);
    const error = await rejection(
      execute(kdniaoDriver.createWaybill, order("P-1"), account, misrouted, ctx),
    );
    expect([error.kind, error.courierCode]).toEqual(["INVALID", "105"]);
  });
});

describe("kdniao sandbox pushes", () => {
  it("a push built by the sandbox verifies and parses in the driver; a tampered one does not", async () => {
    const { trackingNo } = await create(order("P-1"));
    clock = new Date(start.getTime() + 17 * HOUR);
    const shipment = kdniaoSandboxShipment(state, trackingNo, clock);
    if (!shipment) throw new Error("the sandbox lost the waybill");
    const push = kdniaoPushRequest(
      { url: "https://console.test/push", ...credentials },
      [shipment],
      clock,
    );
    expect(kdniaoDriver.push.verify(push, account)).toBe(true);
    const events = kdniaoDriver.push.parse(push, account);
    expect(events.map((e) => [e.trackingNo, e.code, e.location])).toEqual([
      [trackingNo, "1", "杭州"],
      [trackingNo, "2", "杭州"],
      [trackingNo, "201", "上海"],
    ]);
    const tampered = {
      ...push,
      body: push.body.replace(
        encodeURIComponent("上海转运中心"),
        encodeURIComponent("北京转运中心"),
      ),
    };
    expect(tampered.body).not.toBe(push.body);
    expect(kdniaoDriver.push.verify(tampered, account)).toBe(false);
    const foreign = kdniaoPushRequest(
      { url: "https://console.test/push", EBusinessID: "1237100", ApiKey: "x" },
      [shipment],
      clock,
    );
    expect(kdniaoDriver.push.verify(foreign, account)).toBe(false);
  });
});
