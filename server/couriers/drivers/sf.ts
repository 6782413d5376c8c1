/**
 * SF Express driver for the 丰桥 std/service JSON API (PROTOCOLS.md §1). Every operation is one
 * signed form POST to `${baseUrl}/std/service` (see ./sf-wire.ts); credentials are `partnerID`,
 * `checkWord` and `monthlyCard`.
 */
import { z } from "zod";
import {
  type CancelInput,
  type CourierDriver,
  CourierError,
  type Operation,
  type Party,
  type RawTrackEvent,
  type TrackQuery,
  type WaybillOrder,
  type WaybillResult,
} from "@/server/couriers/contract";
import { sfPush } from "./sf-push";
import { sfBookPickup, sfEstimate } from "./sf-quotes";
import { sfWaybillResult } from "./sf-waybill";
import {
  SF_SERVICE,
  sfCredentials,
  sfLocalTime,
  sfMalformed,
  sfParse,
  sfRequest,
  sfTimeToIso,
} from "./sf-wire";

/** SF contactInfo: contactType 1 = sender, 2 = recipient (PROTOCOLS.md §1.4). */
function sfContact(party: Party, contactType: 1 | 2) {
  return {
    contactType,
    contact: party.name,
    mobile: party.mobile,
    company: party.company,
    province: party.province,
    city: party.city,
    county: party.district,
    address: party.address,
  };
}

/** expressTypeId is numeric on the wire (official demo `"expressTypeId":1`); 1 = 顺丰标快. */
function sfExpressTypeId(productCode: string | undefined): number {
  const code = productCode ?? "1";
  if (!/^\d+$/.test(code)) {
    throw new CourierError(
      "INVALID",
      "PRODUCT_CODE",
      `SF product codes are numbers (1 = 顺丰标快), not "${code}": fix the product of this shipment`,
    );
  }
  return Number(code);
}

const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account, ctx) {
    const { monthlyCard } = sfCredentials(account);
    const payload = {
      language: "zh-CN",
      orderId: order.orderId,
      monthlyCard,
      payMethod: 1, // sender pays, on the monthly card
      expressTypeId: sfExpressTypeId(order.productCode),
      parcelQty: 1,
      totalWeight: order.weightG / 1000, // SF weighs in kg
      isReturnRoutelabel: 1,
      remark: order.remark,
      contactInfoList: [sfContact(order.sender, 1), sfContact(order.recipient, 2)],
      cargoDetails: order.goods.map((item) => ({
        name: item.name,
        count: item.quantity,
        unit: "件",
        amount: item.unitValueFen === undefined ? undefined : item.unitValueFen / 100,
        currency: item.unitValueFen === undefined ? undefined : "CNY",
      })),
      // SF has no separate pickup booking: isDocall=1 on the order sends a courier (§1.4).
      ...(order.pickup ? { isDocall: 1, sendStartTm: sfLocalTime(order.pickup.start) } : {}),
    };
    return sfRequest(SF_SERVICE.createOrder, payload, account, ctx);
  },
  parse: sfWaybillResult,
};

/**
 * EXP_RECE_SEARCH_ORDER_RESP: the waybill of an existing order. Call it after createWaybill threw
 * DUPLICATE (8016) to recover the waybill of an earlier create whose reply was lost.
 */
export const sfSearchOrder: Operation<{ orderId: string }, WaybillResult> = {
  build: ({ orderId }, account, ctx) =>
    sfRequest(
      SF_SERVICE.searchOrder,
      { searchType: "1", orderId, language: "zh-cn" },
      account,
      ctx,
    ),
  parse: sfWaybillResult,
};

const cancelWaybill: Operation<CancelInput, void> = {
  // There is no cancel service for normal orders: cancel is update-order with dealType 2 (§1.4).
  build: ({ orderId }, account, ctx) =>
    sfRequest(SF_SERVICE.updateOrder, { dealType: 2, orderId }, account, ctx),
  parse(response) {
    sfParse(response, z.unknown());
  },
};

const routeSchema = z.looseObject({
  acceptTime: z.string(),
  acceptAddress: z.string().nullish(),
  remark: z.string().nullish(),
  opCode: z.union([z.string(), z.number()]),
});
const routesSchema = z.object({
  routeResps: z
    .array(z.object({ mailNo: z.string(), routes: z.array(routeSchema).nullish() }))
    .nullish(),
});

const queryTrack: Operation<TrackQuery, RawTrackEvent[]> = {
  build: (query, account, ctx) =>
    sfRequest(
      SF_SERVICE.searchRoutes,
      {
        language: "0",
        trackingType: "1", // by waybill number
        trackingNumber: [query.trackingNo],
        methodType: "1",
        // Needed when the waybill was not ordered by this account (§1.4).
        checkPhoneNo: query.phoneLast4,
      },
      account,
      ctx,
    ),
  parse(response, query) {
    const resp = sfParse(response, routesSchema).routeResps?.find(
      (r) => r.mailNo === query.trackingNo,
    );
    const events = (resp?.routes ?? []).map((route): RawTrackEvent => {
      const time = sfTimeToIso(route.acceptTime);
      if (time === undefined) throw sfMalformed(`bad acceptTime ${route.acceptTime}`);
      return {
        trackingNo: query.trackingNo,
        time,
        code: String(route.opCode),
        description: route.remark ?? "",
        location: route.acceptAddress || undefined,
        raw: route,
      };
    });
    // SF already answers oldest first; the stable sort only guards against a reordered reply.
    return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  },
};

/** The SF Express 丰桥 driver. Recover from a DUPLICATE create with `sfSearchOrder`. */
export const sfDriver: CourierDriver = {
  code: "sf",
  createWaybill,
  cancelWaybill,
  queryTrack,
  bookPickup: sfBookPickup,
  estimate: sfEstimate,
  push: sfPush,
};
