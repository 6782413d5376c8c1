/**
 * Kdniao (快递鸟) driver (PROTOCOLS.md §3). Kdniao is an aggregator: one account reaches many
 * couriers, and every call names the courier that really carries the parcel by its Kdniao code
 * (ShipperCode "SF", "ZTO", "YTO", …). That code comes from `productCode` on the input
 * (WaybillOrder.productCode, and the optional `productCode` this driver accepts on the other
 * inputs), else from the account's `ShipperCode` credential.
 *
 * Credentials: `EBusinessID`, `ApiKey`; optionally `ShipperCode` and the courier's e-waybill
 * account `CustomerName`, `CustomerPwd`, `SendSite`, `MonthCode` (each also as `<key>.<ShipperCode>`).
 *
 * Not offered: pickup booking (1001 needs the recipient, which PickupInput lacks; ask for
 * collection with WaybillOrder.pickup instead, sent as IsNotice=0) and its cancel (1004, whose
 * payload no source documents); estimates (Kdniao has no documented price/time call).
 */
import {
  type CancelInput,
  type CourierDriver,
  type Operation,
  type RawTrackEvent,
  type SubscribeInput,
  type TrackQuery,
  type WaybillOrder,
  type WaybillResult,
} from "@/server/couriers/contract";
import {
  type KdniaoTarget,
  kdniaoCourierAccount,
  kdniaoShipperCode,
  kdniaoWaybillPayload,
  kdniaoWaybillResult,
} from "./kdniao-payloads";
import { kdniaoPush } from "./kdniao-push";
import {
  KDNIAO_REQUEST_TYPE,
  kdniaoEvents,
  kdniaoReply,
  kdniaoRequest,
  kdniaoRequireSuccess,
  stringField,
} from "./kdniao-wire";

export type { KdniaoTarget } from "./kdniao-payloads";

/** SF (and only SF, per Kdniao) needs the last 4 digits of a phone number to show its traces. */
function phoneCheck(
  shipperCode: string,
  phoneLast4: string | undefined,
): { CustomerName?: string } {
  return shipperCode === "SF" && phoneLast4 ? { CustomerName: phoneLast4 } : {};
}

/**
 * 1007 e-waybill. Kdniao's e-waybill documentation (not PROTOCOLS.md) answers a repeated OrderCode
 * with ResultCode 106 and the first waybill's Order, which is then returned as the result.
 */
const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account) {
    const shipperCode = kdniaoShipperCode(order, account);
    const payload = kdniaoWaybillPayload(order, shipperCode, account);
    return kdniaoRequest(KDNIAO_REQUEST_TYPE.createWaybill, JSON.stringify(payload), account);
  },
  parse(response) {
    const reply = kdniaoReply(response);
    // The retried create of a parcel that did get its waybill: hand back that same waybill.
    const order = reply.body.Order;
    const replayed =
      reply.resultCode === "106" &&
      typeof order === "object" &&
      order !== null &&
      "LogisticCode" in order &&
      typeof order.LogisticCode === "string" &&
      order.LogisticCode !== "";
    if (replayed) return kdniaoWaybillResult(reply.body);
    kdniaoRequireSuccess(reply, "create");
    return kdniaoWaybillResult(reply.body);
  },
};

/** 1147 e-waybill cancel: ShipperCode, OrderCode and the tracking number as ExpNo. */
const cancelWaybill: Operation<CancelInput & KdniaoTarget, void> = {
  build(input, account) {
    const shipperCode = kdniaoShipperCode(input, account);
    const payload = {
      ShipperCode: shipperCode,
      OrderCode: input.orderId,
      ExpNo: input.trackingNo,
      ...kdniaoCourierAccount(account, shipperCode, ["CustomerName", "CustomerPwd"]),
    };
    return kdniaoRequest(KDNIAO_REQUEST_TYPE.cancelWaybill, JSON.stringify(payload), account);
  },
  parse(response) {
    kdniaoRequireSuccess(kdniaoReply(response), "cancel");
  },
};

/**
 * 1002 instant query (即时查询, PROTOCOLS.md §3.4); events oldest first, as Kdniao sends them.
 * A number without any trace yet (State "0") is an empty list, not an error.
 */
const queryTrack: Operation<TrackQuery & KdniaoTarget, RawTrackEvent[]> = {
  build(query, account) {
    const shipperCode = kdniaoShipperCode(query, account);
    const payload = {
      OrderCode: query.orderId ?? "",
      ShipperCode: shipperCode,
      LogisticCode: query.trackingNo,
      ...phoneCheck(shipperCode, query.phoneLast4),
    };
    return kdniaoRequest(KDNIAO_REQUEST_TYPE.queryTrack, JSON.stringify(payload), account);
  },
  parse(response, query) {
    const reply = kdniaoReply(response);
    const state = stringField(reply.body, "State");
    const traces = reply.body.Traces;
    const noTraces =
      traces === undefined || traces === null || (Array.isArray(traces) && !traces.length);
    if (!reply.success && reply.resultCode === undefined && state === "0" && noTraces) return [];
    kdniaoRequireSuccess(reply, "query");
    const trackingNo = stringField(reply.body, "LogisticCode") ?? query.trackingNo;
    return kdniaoEvents(trackingNo, traces, state);
  },
};

/**
 * 1008 subscribe (物流跟踪订阅). Kdniao pushes to the URL configured in the Kdniao console for the
 * whole account: the request has no field for a per-parcel URL, so `callbackUrl` is not sent.
 */
const subscribe: Operation<SubscribeInput & KdniaoTarget, void> = {
  build(input, account) {
    const shipperCode = kdniaoShipperCode(input, account);
    const payload = {
      ShipperCode: shipperCode,
      LogisticCode: input.trackingNo,
      ...phoneCheck(shipperCode, input.phoneLast4),
    };
    return kdniaoRequest(KDNIAO_REQUEST_TYPE.subscribe, JSON.stringify(payload), account);
  },
  parse(response) {
    kdniaoRequireSuccess(kdniaoReply(response), "subscribe");
  },
};

/**
 * The Kdniao driver. Typed with `satisfies` so callers keep the optional `productCode` on the
 * cancel / query / subscribe inputs while it still is a CourierDriver.
 */
export const kdniaoDriver = {
  code: "kdniao",
  createWaybill,
  cancelWaybill,
  queryTrack,
  subscribe,
  push: kdniaoPush,
} satisfies CourierDriver;
