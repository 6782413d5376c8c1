/**
 * ZTO driver for the ZOP open platform, JSON mode (PROTOCOLS.md §4). Every operation is one signed
 * JSON POST to `${baseUrl}/<api name>` (see ./zto-wire.ts); credentials are `appKey` and
 * `appSecret`, plus `accountId` / `accountPassword` when the e-waybill account is not bound to
 * the app in the ZOP console.
 */
import { z } from "zod";
import type {
  CancelInput,
  CourierDriver,
  Operation,
  Party,
  RawTrackEvent,
  SubscribeInput,
  TrackQuery,
  WaybillOrder,
  WaybillResult,
} from "@/server/couriers/contract";
import { ztoPush } from "./zto-push";
import {
  oldestFirst,
  ZTO_API,
  ztoCredentials,
  ztoLocalTime,
  ztoMalformed,
  ztoParse,
  ztoRequest,
  ztoTraceSchema,
  ztoTraceToEvent,
} from "./zto-wire";

function senderInfo(party: Party) {
  return {
    senderName: party.name,
    senderMobile: party.mobile,
    senderProvince: party.province,
    senderCity: party.city,
    senderDistrict: party.district,
    senderAddress: party.address,
  };
}

function receiveInfo(party: Party) {
  return {
    receiverName: party.name,
    receiverMobile: party.mobile,
    receiverProvince: party.province,
    receiverCity: party.city,
    receiverDistrict: party.district,
    receiverAddress: party.address,
  };
}

/** "L,W,H" as in the documented example ("50,50,50"), in whole centimetres. */
function size(order: WaybillOrder): string | undefined {
  const { lengthMm, widthMm, heightMm } = order;
  if (lengthMm === undefined || widthMm === undefined || heightMm === undefined) return undefined;
  return [lengthMm, widthMm, heightMm].map((mm) => Math.ceil(mm / 10)).join(",");
}

const createResultSchema = z.object({
  billCode: z.string().min(1),
  orderCode: z.string().nullish(),
  partnerOrderCode: z.string().nullish(),
  siteCode: z.string().nullish(),
  siteName: z.string().nullish(),
  verifyCode: z.string().nullish(),
  bigMarkInfo: z.object({ bagAddr: z.string().nullish(), mark: z.string().nullish() }).nullish(),
});

const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account, ctx) {
    const { accountId, accountPassword } = ztoCredentials(account);
    const payload = {
      partnerType: "2",
      // 1 全网件: the site already collects from us on a fixed schedule; 2 预约件: ZTO assigns a
      // courier to come for this parcel, which is what a requested pickup means (zto.md FAQ).
      orderType: order.pickup ? "2" : "1",
      partnerOrderCode: order.orderId,
      // Only when the e-waybill account is not bound to the app in the console (E404 otherwise).
      ...(accountId
        ? { accountInfo: { accountId, accountPassword: accountPassword ?? "", type: 1 } }
        : {}),
      senderInfo: senderInfo(order.sender),
      receiveInfo: receiveInfo(order.recipient),
      summaryInfo: {
        quantity: 1,
        size: size(order),
        ...(order.pickup
          ? { startTime: ztoLocalTime(order.pickup.start), endTime: ztoLocalTime(order.pickup.end) }
          : {}),
      },
      // §4.2 lists weight only per item; ZTO weighs the parcel at collection, so none is sent.
      // It also has no product field: ZTO sells one standard express product through this API.
      // unitprice in fen, as in the documented example (50000 for a laptop).
      orderItems: order.goods.map((item) => ({
        name: item.name,
        quantity: item.quantity,
        unitprice: item.unitValueFen,
      })),
      remark: order.remark,
    };
    return ztoRequest(ZTO_API.createOrder, payload, account, ctx);
  },
  parse(response) {
    const result = ztoParse(response, createResultSchema);
    const mark = result.bigMarkInfo?.mark || undefined;
    const bagAddr = result.bigMarkInfo?.bagAddr || undefined;
    const labelData: Record<string, string> = {};
    const fields = {
      orderCode: result.orderCode,
      siteCode: result.siteCode,
      siteName: result.siteName,
      verifyCode: result.verifyCode,
      mark,
      bagAddr,
    };
    for (const [key, value] of Object.entries(fields)) if (value) labelData[key] = value;
    return {
      trackingNo: result.billCode,
      // bigMarkInfo.mark is the 大头笔 and bagAddr the 集包地 of ZTO's label rules (zto.md §三).
      sortingCode: mark,
      packageCenter: bagAddr,
      originCode: result.siteCode || undefined,
      labelData,
    };
  },
};

const cancelWaybill: Operation<CancelInput, void> = {
  // cancelType 1 = 不想寄了 (no longer sending), the neutral reason; billCode identifies the order.
  build: ({ trackingNo }, account, ctx) =>
    ztoRequest(
      ZTO_API.cancelPreOrder,
      { cancelType: "1", orderCode: "", billCode: trackingNo },
      account,
      ctx,
    ),
  parse(response) {
    ztoParse(response, z.unknown());
  },
};

/** Body of the trace query and the subscription: mobilePhone is the last 4 phone digits. */
const traceBody = (trackingNo: string, phoneLast4: string | undefined) => ({
  billCode: trackingNo,
  ...(phoneLast4 ? { mobilePhone: phoneLast4 } : {}),
});

const queryTrack: Operation<TrackQuery, RawTrackEvent[]> = {
  build: (query, account, ctx) =>
    ztoRequest(ZTO_API.trackQuery, traceBody(query.trackingNo, query.phoneLast4), account, ctx),
  parse(response, query) {
    const traces = ztoParse(response, z.array(ztoTraceSchema).nullish()) ?? [];
    const events = traces.map((trace) => {
      const event = ztoTraceToEvent(trace, query.trackingNo);
      if (!event) throw ztoMalformed(`trace without a readable time: ${JSON.stringify(trace)}`);
      return event;
    });
    return oldestFirst(events.filter((event) => event.trackingNo === query.trackingNo));
  },
};

const subscribe: Operation<SubscribeInput, void> = {
  // ZOP pushes to the URL set for the app in its console; the subscription names only the
  // waybill, so `callbackUrl` has no field to go in and that console setting must match it.
  build: (input, account, ctx) =>
    ztoRequest(ZTO_API.trackSubscribe, traceBody(input.trackingNo, input.phoneLast4), account, ctx),
  parse(response) {
    ztoParse(response, z.unknown());
  },
};

/**
 * The ZTO ZOP driver. §4.2 does not say how ZTO answers a repeated partnerOrderCode; a refusal
 * that says so (重复) maps to DUPLICATE, and the sandbox answers with the first waybill.
 */
export const ztoDriver: CourierDriver = {
  code: "zto",
  createWaybill,
  cancelWaybill,
  queryTrack,
  subscribe,
  push: ztoPush,
};
