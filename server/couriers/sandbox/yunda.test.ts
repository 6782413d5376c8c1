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
import { runRecipe } from "@/server/couriers/signing/recipe";
import { builtInProfiles, dryRun, profileDriver, profileStatus } from "@/server/couriers/profiles";
import vectors from "@/server/couriers/signing/vectors.json";
import { yundaSandbox, yundaSteps } from "./yunda";
import { HOUR, T0, at, demoRecipient, demoSender } from "@/server/couriers/testing/fixtures";

const profile = builtInProfiles.yunda;
const driver = profileDriver(profile);
const credentials = {
  appKey: "express-demo-yunda",
  appSecret: "sandbox-yunda-app-secret-0000000",
  partnerId: "201700101001",
  secret: "sandbox-bm-secret",
};
const account: CourierAccountConfig = {
  courier: "yunda",
  environment: "sandbox",
  baseUrl: "http://sandbox.local/api/sandbox/yunda",
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
const sent: WireRequest[] = [];
const transport: Transport = async (request) => {
  sent.push(request);
  return yundaSandbox(request, state);
};
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

beforeEach(() => {
  sent.length = 0;
  const { appKey, ...rest } = credentials;
  state = createSandboxState({ [appKey]: rest });
});

describe("the Yunda profile against the Yunda sandbox", () => {
  it("creates an e-waybill with a 13-digit 4312 number, 三段码 and 集包地", async () => {
    const waybill = await run(driver.createWaybill, order);
    expect(waybill.trackingNo).toMatch(/^4312\d{9}$/);
    expect(waybill.sortingCode).toMatch(/^\d{3} \d{3}-\d{2}$/);
    expect(waybill.packageCenter).toBe("河南郑州分拨中心");
    expect(waybill.labelData).toMatchObject({ orderSerialNo: "P_2001" });
    expect(state.waybills.get("P-2001")?.trackingNo).toBe(waybill.trackingNo);
  });

  it("answers a repeated order id with the first waybill (the sandbox is idempotent)", async () => {
    const first = await run(driver.createWaybill, order);
    const again = await run(driver.createWaybill, order, T0 + 60_000);
    expect(again).toEqual(first);
    expect(state.waybills.size).toBe(1);
  });

  it("rejects a wrong app secret as SIGNATURE", async () => {
    const wrong = { ...account, credentials: { ...credentials, appSecret: "not-the-secret" } };
    const error = await rejection(run(driver.createWaybill, order, T0, wrong));
    expect(error).toMatchObject({
      kind: "SIGNATURE",
      courierCode: "4001",
      courierMessage: "签名验证失败",
    });
  });

  it.each([
    ["an unknown app-key", { appKey: "nobody" }, "4002"],
    ["a wrong 白马 secret", { secret: "wrong" }, "4004"],
  ])("rejects %s as AUTH", async (_, patch, courierCode) => {
    const wrong = { ...account, credentials: { ...credentials, ...patch } };
    const error = await rejection(run(driver.createWaybill, order, T0, wrong));
    expect(error).toMatchObject({ kind: "AUTH", courierCode });
  });

  it("refuses a missing recipient name as INVALID with Yunda's message", async () => {
    const bad = { ...order, recipient: { ...order.recipient, name: "" } };
    const error = await rejection(run(driver.createWaybill, bad));
    expect(error).toMatchObject({ kind: "INVALID", courierMessage: "receiver.name不能为空" });
  });

  it("cancels before pickup, then reports the second cancel as ALREADY_CANCELLED", async () => {
    const { trackingNo } = await run(driver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    await expect(run(driver.cancelWaybill, input, T0 + HOUR)).resolves.toBeUndefined();
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    const error = await rejection(run(driver.cancelWaybill, input, T0 + HOUR));
    expect(error.kind).toBe("ALREADY_CANCELLED");
  });

  it("refuses to cancel after pickup (2 h after create on the request's clock)", async () => {
    const { trackingNo } = await run(driver.createWaybill, order);
    const input = { orderId: order.orderId, trackingNo };
    const error = await rejection(run(driver.cancelWaybill, input, T0 + 2 * HOUR));
    expect(error).toMatchObject({
      kind: "ALREADY_PICKED_UP",
      courierMessage: "运单已揽收，不能取消",
    });
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(false);
  });

  it("reports cancelling an unknown order as NOT_FOUND", async () => {
    const error = await rejection(
      run(driver.cancelWaybill, { orderId: "nope", trackingNo: "4312000000099" }),
    );
    expect(error.kind).toBe("NOT_FOUND");
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
      "SENT",
      "SIGNED",
    ]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-22T11:00:00+08:00",
      location: "广州市",
      description: "【广东广州黄埔区公司】已揽收",
    });
    expect(events[4]?.description).toBe("快件已到达【河南郑州分拨中心】");
    expect(events.at(-1)?.description).toContain("快件已被 本人 签收");
    expect(events.map((e) => profileStatus(profile, e.code))).toEqual([
      "PICKED_UP",
      ...Array<string>(6).fill("IN_TRANSIT"),
      "OUT_FOR_DELIVERY",
      "DELIVERED",
    ]);
  });

  it("refuses tracking a malformed number as INVALID", async () => {
    const error = await rejection(run(driver.queryTrack, { trackingNo: "JT123" }));
    expect(error).toMatchObject({ kind: "INVALID", courierCode: "4003" });
  });

  it("sends exactly the request dryRun shows, signed as §7 says", async () => {
    await run(driver.createWaybill, order);
    const request = sent[0];
    expect(request).toEqual(dryRun(profile, "createWaybill", order, account, at(T0)));
    const expected = createHash("md5").update(`${request?.body}_${credentials.appSecret}`, "utf8");
    expect(request?.headers).toMatchObject({
      "app-key": credentials.appKey,
      "req-time": String(T0),
      sign: expected.digest("hex"),
    });
  });

  it("reproduces the §7 self-computed sign, and the sandbox accepts it", async () => {
    // PROTOCOLS.md §7: body {"appid":"999999","orderid":"order123"}, secret testsecret.
    const documented = "6584307cfac13e5ad55ec7f104231da0";
    const docProfile = {
      ...profile,
      operations: {
        ...profile.operations,
        cancelWaybill: {
          ...profile.operations.cancelWaybill,
          path: "/openapi-api/v1/order/cancelOrder",
          body: { appid: "{{credentials.appKey}}", orderid: "{{input.orderId}}" },
        },
      },
    };
    const docAccount = {
      ...account,
      credentials: { ...credentials, appKey: "999999", appSecret: "testsecret" },
    };
    const request = dryRun(
      docProfile,
      "cancelWaybill",
      { orderId: "order123", trackingNo: "" },
      docAccount,
      at(T0),
    );
    expect(request.body).toBe('{"appid":"999999","orderid":"order123"}');
    expect(request.headers.sign).toBe(documented);

    // Against the query API the sign passes and only the missing mailno is refused.
    state = createSandboxState({
      "999999": { appSecret: "testsecret", partnerId: "p", secret: "s" },
    });
    const reply = await yundaSandbox(
      { ...request, url: `${account.baseUrl}/openapi/outer/logictis/query` },
      state,
    );
    expect(JSON.parse(reply.body)).toMatchObject({ code: "4003", message: "mailno不能为空" });
  });

  it("signs every Yunda vector of vectors.json with the profile's recipe", () => {
    const recipe = profile.sign?.recipe;
    if (!recipe) throw new Error("the Yunda profile has no signing recipe");
    // No Yunda vector is published (vectors.json has none today); the §7 example pins the formula.
    const entries = [
      {
        input: { body: '{"appid":"999999","orderid":"order123"}', appSecret: "testsecret" },
        expected: "6584307cfac13e5ad55ec7f104231da0",
      },
      ...vectors.vectors.filter((v) => v.id.startsWith("yunda")),
    ];
    for (const { input, expected } of entries) {
      expect(runRecipe(recipe, z.record(z.string(), z.string()).parse(input))).toBe(expected);
    }
  });

  it("exposes the trajectory for the time-lapse, with the station of every scan", async () => {
    await run(driver.createWaybill, order);
    const waybill = state.waybills.get(order.orderId);
    if (!waybill) throw new Error("no waybill");
    const steps = yundaSteps(state, waybill, T0 + 30 * HOUR);
    expect(steps).toHaveLength(9);
    expect(steps[2]).toMatchObject({
      action: "ARRIVAL",
      station: "广东广州分拨中心",
      time: "2025-05-22 14:00:00",
    });
  });
});
