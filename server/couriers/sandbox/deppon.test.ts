import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type CourierAccountConfig,
  CourierError,
  createSandboxState,
  type Operation,
  type SandboxState,
  type WaybillOrder,
  type WireRequest,
} from "@/server/couriers/contract";
import { execute, type Transport } from "@/server/couriers/execute";
import { builtInProfiles, dryRun, profileDriver, profileStatus } from "@/server/couriers/profiles";
import { runRecipe } from "@/server/couriers/signing/recipe";
import vectors from "@/server/couriers/signing/vectors.json";
import { depponPushRequest, depponSandbox, depponSubscriptions, depponTraces } from "./deppon";
import { HOUR, at, demoRecipient, demoSender } from "@/server/couriers/testing/fixtures";

const profile = builtInProfiles.deppon;
const driver = profileDriver(profile);
const credentials = {
  companyCode: "EXPRESSDEMO",
  appKey: "sandbox-deppon-appkey-00000000000",
  sign: "EXPD",
  customerCode: "400123456",
};
const account: CourierAccountConfig = {
  courier: "deppon",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/api/sandbox/deppon",
  credentials,
};
const T0 = Date.parse("2025-05-21T10:10:08+08:00");

const order: WaybillOrder = {
  orderId: "20250521-001",
  sender: demoSender,
  recipient: demoRecipient,
  weightG: 12_500,
  lengthMm: 600,
  widthMm: 400,
  heightMm: 300,
  goods: [{ name: "办公椅", quantity: 1 }],
};

let state: SandboxState;
const sent: WireRequest[] = [];
const transport: Transport = async (request) => {
  sent.push(request);
  return depponSandbox(request, state);
};
const run = <I, O>(op: Operation<I, O>, input: I, ms = T0, acc = account): Promise<O> =>
  execute(op, input, acc, transport, at(ms));

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing a value the test needs");
  return value;
}

async function rejection(promise: Promise<unknown>): Promise<CourierError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

/** Deppon's digest computed here with node:crypto, independently of the signing module. */
const digest = (params: string, appKey: string, timestamp: string) =>
  Buffer.from(
    createHash("md5")
      .update(params + appKey + timestamp, "utf8")
      .digest("hex"),
  ).toString("base64");

beforeEach(() => {
  sent.length = 0;
  const { companyCode, ...rest } = credentials;
  state = createSandboxState({ [companyCode]: rest });
});

describe("the Deppon profile against the Deppon sandbox", () => {
  it("creates an order with a DPK waybill number, destination department and transfer yard", async () => {
    const waybill = await run(driver.createWaybill, order);
    expect(waybill.trackingNo).toMatch(/^DPK\d{13}$/);
    expect(waybill.sortingCode).toBe("郑州高新区营业部");
    expect(waybill.packageCenter).toBe("郑州转运场");
    expect(waybill.destCode).toMatch(/^W\d{6}$/);
    expect(waybill.labelData).toMatchObject({ logisticID: "EXPD20250521-001" });
    expect(waybill.labelData.uniquerRequestNumber).toMatch(/^\d{17}$/);
    expect(state.waybills.get(order.orderId)?.trackingNo).toBe(waybill.trackingNo);
  });

  it("refuses a repeated order id as DUPLICATE and keeps the first waybill", async () => {
    const first = await run(driver.createWaybill, order);
    const error = await rejection(run(driver.createWaybill, order, T0 + 60_000));
    expect(error).toMatchObject({
      kind: "DUPLICATE",
      courierCode: "3002",
      courierMessage: "渠道单号重复",
    });
    expect(state.waybills.get(order.orderId)?.trackingNo).toBe(first.trackingNo);
  });

  it("rejects a wrong appkey as SIGNATURE", async () => {
    const wrong = { ...account, credentials: { ...credentials, appKey: "not-the-key" } };
    const error = await rejection(run(driver.createWaybill, order, T0, wrong));
    expect(error).toMatchObject({
      kind: "SIGNATURE",
      courierCode: "2001",
      courierMessage: "签名验证失败",
    });
  });

  it.each([
    ["an unknown companyCode", { companyCode: "NOBODY" }, "2002"],
    ["another customer code", { customerCode: "999" }, "2004"],
  ])("rejects %s as AUTH", async (_, patch, courierCode) => {
    const wrong = { ...account, credentials: { ...credentials, ...patch } };
    const error = await rejection(run(driver.createWaybill, order, T0, wrong));
    expect(error).toMatchObject({ kind: "AUTH", courierCode });
  });

  it("refuses an unknown product and a missing address as INVALID", async () => {
    const product = await rejection(run(driver.createWaybill, { ...order, productCode: "ROCKET" }));
    expect(product).toMatchObject({ kind: "INVALID", courierMessage: "不支持的运输方式ROCKET" });
    const bad = { ...order, recipient: { ...order.recipient, address: "" } };
    const address = await rejection(run(driver.createWaybill, bad));
    expect(address).toMatchObject({ kind: "INVALID", courierMessage: "receiver.address不能为空" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(driver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(driver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    const error = await rejection(run(driver.cancelWaybill, input, T0 + HOUR));
    expect(error).toMatchObject({ kind: "ALREADY_CANCELLED", courierCode: "3005" });
  });

  it("refuses to cancel after pickup (2 h after create on the request's clock)", async () => {
    const { trackingNo } = await run(driver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    const error = await rejection(run(driver.cancelWaybill, input, T0 + 2 * HOUR));
    expect(error).toMatchObject({
      kind: "ALREADY_PICKED_UP",
      courierMessage: "订单已揽收，不能撤销",
    });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("tracks nothing before pickup and a full Chinese trajectory a day later", async () => {
    const { trackingNo } = await run(driver.createWaybill, order);
    await expect(run(driver.queryTrack, { trackingNo }, T0 + HOUR)).resolves.toEqual([]);
    const events = await run(driver.queryTrack, { trackingNo }, T0 + 30 * HOUR);
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
      time: "2025-05-21T12:10:08+08:00",
      location: "广州市",
      description: "您的快件已被【广州黄埔区营业部】揽收",
    });
    expect(events.at(-1)?.description).toBe(
      "已签收，签收人：本人，感谢使用德邦快递，期待再次为您服务",
    );
    expect(new Set(events.map((e) => profileStatus(profile, e.code)))).toEqual(
      new Set(["PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]),
    );
  });

  it("reports tracking an unknown number as NOT_FOUND", async () => {
    const error = await rejection(run(driver.queryTrack, { trackingNo: "DPK6200000000099" }));
    expect(error).toMatchObject({ kind: "NOT_FOUND", courierCode: "3006" });
  });

  it("subscribes a waybill for pushes", async () => {
    const { trackingNo } = await run(driver.createWaybill, order);
    const input = { trackingNo, callbackUrl: "https://console.example/api/couriers/deppon/push" };
    await expect(run(need(driver.subscribe), input)).resolves.toBeUndefined();
    expect(depponSubscriptions(state).has(trackingNo)).toBe(true);
  });

  it("sends pushes the profile verifies and parses; tampered or foreign ones do not verify", async () => {
    const push = need(driver.push);
    const { trackingNo } = await run(driver.createWaybill, order);
    const traces = depponTraces(state, need(state.waybills.get(order.orderId)), T0 + 30 * HOUR);
    const target = { url: "https://console.example/api/couriers/deppon/push", ...credentials };
    const request = depponPushRequest(target, trackingNo, traces, T0 + 30 * HOUR);
    expect(push.verify(request, account)).toBe(true);
    const events = push.parse(request, account);
    expect(events.map((e) => e.code)).toEqual(traces.map((t) => t.status));
    expect(events[0]).toMatchObject({ trackingNo, description: traces[0]?.description });

    const tampered = { ...request, body: request.body.replace("SIGNED", "ARRIVAL") };
    expect(tampered.body).not.toBe(request.body);
    expect(push.verify(tampered, account)).toBe(false);
    const otherKey = depponPushRequest({ ...target, appKey: "other" }, trackingNo, traces, T0);
    expect(push.verify(otherKey, account)).toBe(false);
    const otherCompany = depponPushRequest(
      { ...target, companyCode: "OTHER" },
      trackingNo,
      traces,
      T0,
    );
    expect(push.verify(otherCompany, account)).toBe(false);
    expect(push.acknowledge(true, request)).toEqual({
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: '{"result":"true","resultCode":"1000","reason":"成功"}',
    });
    expect(JSON.parse(push.acknowledge(false, request).body)).toMatchObject({ result: "false" });
  });

  it("sends exactly the request dryRun shows, with the §8 digest in the form", async () => {
    await run(driver.createWaybill, order);
    const request = need(sent[0]);
    expect(request).toEqual(dryRun(profile, "createWaybill", order, account, at(T0)));
    expect(request.url).toBe(`${account.baseUrl}/standard-order/createOrderNotify.action`);
    const form = new URLSearchParams(request.body);
    expect([...form.keys()]).toEqual(["companyCode", "params", "timestamp", "digest"]);
    const params = need(form.get("params") ?? undefined);
    expect(JSON.parse(params)).toMatchObject({
      logisticID: "EXPD20250521-001",
      custOrderNo: "20250521-001",
      transportType: "PACKAGE",
      packageInfo: { cargoName: "办公椅", totalWeight: 12.5, totalVolume: 0.072 },
      gmtCommit: "2025-05-21 10:10:08",
    });
    expect(form.get("timestamp")).toBe(String(T0));
    expect(form.get("digest")).toBe(digest(params, credentials.appKey, String(T0)));
    expect(form.get("digest")).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("signs every Deppon vector of vectors.json with the profile's recipe", () => {
    const recipe = need(profile.sign?.recipe);
    // No Deppon vector is published (vectors.json has none, and the §8 push example cannot be
    // checked without its appkey); a node:crypto formula check pins Base64-of-the-hex-string.
    const input = {
      params: '{"mailNo":"DPK6234021100151"}',
      appKey: "ak",
      timestamp: "1747800608000",
    };
    const entries = [
      { input, expected: digest(input.params, input.appKey, input.timestamp) },
      ...vectors.vectors.filter((v) => v.id.startsWith("deppon")),
    ];
    for (const { input: fields, expected } of entries) {
      expect(runRecipe(recipe, z.record(z.string(), z.string()).parse(fields))).toBe(expected);
    }
  });
});
