import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CallContext,
  type CourierAccountConfig,
  createSandboxState,
  type WireRequest,
} from "@/server/couriers/contract";
import { sfDriver, sfSearchOrder } from "@/server/couriers/drivers/sf";
import { SF_SIGNATURE_MESSAGE } from "@/server/couriers/drivers/sf-errors";
import {
  account,
  bookPickup,
  estimate,
  order,
  recipient,
  sender,
} from "@/server/couriers/drivers/sf-test-fixtures";
import { execute, type Transport } from "@/server/couriers/execute";
import { sfSandbox } from "./sf";
import { sandboxMsgDigest } from "./sf-sandbox-wire";

const CHECK_WORD = "CHECKWORD01";
// 2025-05-26 09:55:52 Asia/Shanghai.
const T0 = Date.parse("2025-05-26T01:55:52.000Z");

/** A fresh sandbox with the fixture account, an in-process transport and a steerable clock. */
function harness() {
  const state = createSandboxState({ PARTNER01: { checkWord: CHECK_WORD } });
  const transport: Transport = (request) => Promise.resolve(sfSandbox(request, state));
  let calls = 0;
  const at = (hours = 0): CallContext => ({
    now: new Date(T0 + hours * 3_600_000),
    requestId: `req-${++calls}`,
  });
  return { state, transport, at };
}

/** What a Node client using encodeURIComponent instead of Java's URLEncoder would send. */
const uriDigest = (text: string): string =>
  createHash("md5").update(encodeURIComponent(text), "utf8").digest("base64");

const withCredentials = (changes: Record<string, string>): CourierAccountConfig => ({
  ...account,
  credentials: { ...account.credentials, ...changes },
});

describe("sfSandbox signature", () => {
  it("reproduces the PROTOCOLS.md digests with its own Java URLEncoder", () => {
    const doc = '{"language":"zh-CN","orderId":"QIAO-20200618-004"}';
    expect(sandboxMsgDigest(doc, "12312334453453", "fjcg5PGKaNpPSHFAZ4QsCOkV71R3zVci")).toBe(
      "IIKJtuLVzoFTu4kHI8M8vA==",
    );
    const trap = `{"remark":"a b*c~d(e)'f!"}`;
    expect(sandboxMsgDigest(trap, "1700000000000", "TESTCHECKWORD")).toBe(
      "hbtaqzNAxNUAhi2u8SuFJw==",
    );
    expect(uriDigest(`${trap}1700000000000TESTCHECKWORD`)).toBe("8Ev1I4cawCtDHxCozvwpOA==");
  });

  it("rejects a digest computed with encodeURIComponent semantics (space and '()!~)", async () => {
    const { state, at } = harness();
    const tricky = { ...order, remark: "a b*c~d(e)'f!" };
    const request = sfDriver.createWaybill.build(tricky, account, at());
    const form = new URLSearchParams(request.body);
    const signed = `${form.get("msgData")}${form.get("timestamp")}${CHECK_WORD}`;
    expect(uriDigest(signed)).not.toBe(form.get("msgDigest"));
    form.set("msgDigest", uriDigest(signed));
    const forged: WireRequest = { ...request, body: form.toString() };

    const refused = await sfSandbox(forged, state);
    expect(JSON.parse(refused.body)).toMatchObject({ apiResultCode: "A1006" });
    expect(() => sfDriver.createWaybill.parse(refused, tricky, account)).toThrow(
      expect.objectContaining({ kind: "SIGNATURE" }) as Error,
    );
    // The driver's own (Java-semantics) request for the same order goes through.
    const accepted = await sfSandbox(request, state);
    expect(sfDriver.createWaybill.parse(accepted, tricky, account).trackingNo).toMatch(/^SF/);
  });

  it("answers SIGNATURE to a driver configured with the wrong check word", async () => {
    const { transport, at } = harness();
    const wrong = withCredentials({ checkWord: "NOT-THE-CHECK-WORD" });
    await expect(
      execute(sfDriver.createWaybill, order, wrong, transport, at()),
    ).rejects.toMatchObject({
      kind: "SIGNATURE",
      courierCode: "A1006",
      message: SF_SIGNATURE_MESSAGE,
    });
  });

  it("answers AUTH to an unknown partner ID and INVALID to a non-form body", async () => {
    const { state, transport, at } = harness();
    const stranger = withCredentials({ partnerID: "SOMEONE-ELSE" });
    await expect(
      execute(sfDriver.queryTrack, { trackingNo: "SF1" }, stranger, transport, at()),
    ).rejects.toMatchObject({ kind: "AUTH", courierCode: "A1004" });
    const request = sfDriver.queryTrack.build({ trackingNo: "SF1" }, account, at());
    const json = await sfSandbox(
      { ...request, headers: { "content-type": "application/json" } },
      state,
    );
    expect(JSON.parse(json.body)).toMatchObject({ apiResultCode: "A1001", apiResultData: null });
  });
});

describe("sfSandbox orders through execute()", () => {
  it("creates, tracks and cancels a waybill", async () => {
    const { state, transport, at } = harness();
    const created = await execute(sfDriver.createWaybill, order, account, transport, at());
    expect(created).toMatchObject({ originCode: "755", destCode: "710" });
    expect(created.trackingNo).toMatch(/^SF\d{12}$/);
    expect(created.sortingCode).toMatch(/^710W[A-H]-\d{3}$/);
    expect(created.packageCenter).toBe(created.sortingCode?.split("-")[0]);
    expect(created.labelData.twoDimensionCode).toContain(created.trackingNo);
    expect(state.waybills.get(order.orderId)).toMatchObject({
      trackingNo: created.trackingNo,
      sortingCode: created.sortingCode,
      createdAt: new Date(T0),
    });

    const query = { trackingNo: created.trackingNo };
    expect(await execute(sfDriver.queryTrack, query, account, transport, at(1))).toEqual([]);
    const cancel = { orderId: order.orderId, trackingNo: created.trackingNo };
    await execute(sfDriver.cancelWaybill, cancel, account, transport, at(1));
    expect(state.waybills.get(order.orderId)?.cancelled).toBe(true);
    await expect(
      execute(sfDriver.cancelWaybill, cancel, account, transport, at(1)),
    ).rejects.toMatchObject({ kind: "ALREADY_CANCELLED", courierCode: "8037" });
    expect(await execute(sfDriver.queryTrack, query, account, transport, at(30))).toEqual([]);
  });

  it("unfolds a Chinese trajectory oldest first and then refuses to cancel", async () => {
    const { transport, at } = harness();
    const { trackingNo } = await execute(sfDriver.createWaybill, order, account, transport, at());
    const track = (hours: number, phoneLast4?: string) =>
      execute(sfDriver.queryTrack, { trackingNo, phoneLast4 }, account, transport, at(hours));

    expect((await track(6)).map((e) => e.code)).toEqual(["50", "30", "36"]);
    const events = await track(30, "8829");
    expect(events.map((e) => e.code)).toEqual(["50", "30", "36", "31", "30", "31", "44", "80"]);
    expect(events[0]).toMatchObject({
      trackingNo,
      time: "2025-05-26T11:55:52+08:00",
      description: "顺丰速运 已收取快件",
      location: "深圳市",
    });
    expect(events.at(-1)).toMatchObject({ code: "80", location: "襄阳市" });
    const times = events.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.every((e) => e.time.endsWith("+08:00"))).toBe(true);
    expect(await track(30, "0000")).toEqual([]);

    const cancel = { orderId: order.orderId, trackingNo };
    await expect(
      execute(sfDriver.cancelWaybill, cancel, account, transport, at(30)),
    ).rejects.toMatchObject({ kind: "ALREADY_PICKED_UP", courierCode: "8168" });
  });

  it("answers DUPLICATE to a second create, and sfSearchOrder finds the first waybill", async () => {
    const { transport, at } = harness();
    const first = await execute(sfDriver.createWaybill, order, account, transport, at());
    await expect(
      execute(sfDriver.createWaybill, order, account, transport, at()),
    ).rejects.toMatchObject({ kind: "DUPLICATE", courierCode: "8016", courierMessage: "重复下单" });
    const found = await execute(
      sfSearchOrder,
      { orderId: order.orderId },
      account,
      transport,
      at(),
    );
    expect(found).toEqual(first);
    await expect(
      execute(sfSearchOrder, { orderId: "NO-SUCH-ORDER" }, account, transport, at()),
    ).rejects.toMatchObject({ kind: "NOT_FOUND" });
  });

  it("refuses to cancel once the parcel is flagged picked up", async () => {
    const { state, transport, at } = harness();
    const { trackingNo } = await execute(sfDriver.createWaybill, order, account, transport, at());
    const stored = state.waybills.get(order.orderId);
    if (stored) stored.pickedUp = true;
    const cancel = { orderId: order.orderId, trackingNo };
    await expect(
      execute(sfDriver.cancelWaybill, cancel, account, transport, at(0.5)),
    ).rejects.toMatchObject({ kind: "ALREADY_PICKED_UP" });
    const events = await execute(sfDriver.queryTrack, { trackingNo }, account, transport, at(0.5));
    expect(events.map((e) => e.code)).toEqual(["50"]);
  });

  it.each([
    ["prohibited goods", { goods: [{ name: "锂电池", quantity: 1 }] }, "UNSERVICEABLE", "20035"],
    [
      "an out-of-area recipient",
      { recipient: { ...recipient, address: "超区 1 号" } },
      "UNSERVICEABLE",
      "FILTER_3",
    ],
    ["a sender without phone", { sender: { ...sender, mobile: "" } }, "INVALID", "1012"],
    [
      "a pickup at 22:00",
      {
        pickup: { start: new Date("2025-05-26T14:00:00Z"), end: new Date("2025-05-26T15:00:00Z") },
      },
      "INVALID",
      "8096",
    ],
    ["an unknown product", { productCode: "99" }, "INVALID", "8057"],
  ])("refuses an order with %s", async (_, change, kind, courierCode) => {
    const { state, transport, at } = harness();
    await expect(
      execute(sfDriver.createWaybill, { ...order, ...change }, account, transport, at()),
    ).rejects.toMatchObject({ kind, courierCode });
    expect(state.waybills.size).toBe(0);
  });

  it("refuses an account without a monthly card", async () => {
    const { transport, at } = harness();
    const noCard = withCredentials({ monthlyCard: "" });
    await expect(
      execute(sfDriver.createWaybill, order, noCard, transport, at()),
    ).rejects.toMatchObject({ kind: "AUTH", courierCode: "8119" });
  });
});

describe("sfSandbox pickup windows and estimates", () => {
  const pickupAt = (iso: string) => ({
    orderId: order.orderId,
    sender,
    weightG: 1500,
    start: new Date(iso),
    end: new Date(Date.parse(iso) + 3_600_000),
  });

  it("offers a window inside collection hours and refuses one at night", async () => {
    const { transport, at } = harness();
    const window = await execute(
      bookPickup,
      pickupAt("2025-05-26T06:30:00Z"),
      account,
      transport,
      at(),
    );
    expect(window).toEqual({
      pickupId: order.orderId,
      windowStart: new Date("2025-05-26T06:00:00Z"),
      windowEnd: new Date("2025-05-26T08:00:00Z"),
    });
    await expect(
      execute(bookPickup, pickupAt("2025-05-26T14:00:00Z"), account, transport, at()),
    ).rejects.toMatchObject({ kind: "UNSERVICEABLE" });
  });

  it("quotes every product on the lane in fen and hours", async () => {
    const { transport, at } = harness();
    const input = { sender, recipient, weightG: 2500, shipAt: new Date(T0) };
    expect(await execute(estimate, input, account, transport, at())).toEqual([
      { productCode: "2", productName: "顺丰特快", priceFen: 6000, promisedHours: 24 },
      { productCode: "1", productName: "顺丰标快", priceFen: 4900, promisedHours: 48 },
    ]);
  });
});
