/**
 * J&T Express China (极兔速递) driver for the open platform (PROTOCOLS.md §5). Every operation is
 * one signed form POST of `bizContent` to `${baseUrl}/<path>`, baseUrl ending in
 * `/webopenplatformapi/api` (see ./jt-wire.ts); credentials are `apiAccount`, `privateKey`,
 * `customerCode` and `password`.
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
import { jtPush } from "./jt-push";
import {
  JT_PATH,
  jtCredentials,
  jtLocalTime,
  jtMalformed,
  jtOrderAuth,
  jtParse,
  jtRequest,
  jtTraceEvents,
  jtTraceSchema,
} from "./jt-wire";

function jtParty(party: Party) {
  return {
    name: party.name,
    company: party.company,
    mobile: party.mobile,
    countryCode: "CHN",
    prov: party.province,
    city: party.city,
    area: party.district,
    address: party.address,
  };
}

const addOrderSchema = z.object({
  billCode: z.string().min(1),
  txlogisticId: z.string().nullish(),
  sortingCode: z.string().nullish(),
  lastCenterName: z.string().nullish(),
  sumFreight: z.union([z.string(), z.number()]).nullish(),
  createOrderTime: z.string().nullish(),
});

const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account, ctx) {
    const payload = {
      ...jtOrderAuth(account),
      txlogisticId: order.orderId,
      expressType: order.productCode ?? "EZ", // EZ = 标准快递
      orderType: "2", // 2 = monthly-settled contract customer, which a customerCode makes us
      // 01 = J&T comes to the door in the window; 02 = we drop the parcel at the outlet.
      serviceType: order.pickup ? "01" : "02",
      deliveryType: "03", // delivered to the door, not to a pickup point
      payType: "PP_PM", // sender pays, monthly
      sender: jtParty(order.sender),
      receiver: jtParty(order.recipient),
      ...(order.pickup
        ? {
            sendStartTime: jtLocalTime(order.pickup.start),
            sendEndTime: jtLocalTime(order.pickup.end),
          }
        : {}),
      goodsType: "bm000006", // 其他 (other): our goods lines carry no J&T category
      weight: order.weightG / 1000,
      remark: order.remark,
      items: order.goods.map((item) => ({
        itemName: item.name,
        number: item.quantity,
        priceCurrency: "RMB",
      })),
    };
    return jtRequest(JT_PATH.addOrder, payload, account, ctx);
  },
  parse(response) {
    const data = jtParse(response, addOrderSchema);
    const labelData: Record<string, string> = {};
    const fields = {
      txlogisticId: data.txlogisticId,
      sortingCode: data.sortingCode,
      lastCenterName: data.lastCenterName,
      sumFreight: data.sumFreight == null ? undefined : String(data.sumFreight),
      createOrderTime: data.createOrderTime,
    };
    for (const [key, value] of Object.entries(fields)) if (value) labelData[key] = value;
    return {
      trackingNo: data.billCode,
      // sortingCode is J&T's 三段码; lastCenterName the 集包地 centre printed beside it.
      sortingCode: data.sortingCode || undefined,
      packageCenter: data.lastCenterName || undefined,
      labelData,
    };
  },
};

const cancelWaybill: Operation<CancelInput, void> = {
  // J&T cancels by our order id (txlogisticId); `reason` is required (145003089 otherwise).
  build: ({ orderId }, account, ctx) =>
    jtRequest(
      JT_PATH.cancelOrder,
      { ...jtOrderAuth(account), orderType: "2", txlogisticId: orderId, reason: "商家取消订单" },
      account,
      ctx,
    ),
  parse(response) {
    jtParse(response, z.unknown());
  },
};

const queryTrack: Operation<TrackQuery, RawTrackEvent[]> = {
  build: ({ trackingNo }, account, ctx) =>
    jtRequest(JT_PATH.trace, { billCodes: trackingNo, lang: "zh", timeType: "1" }, account, ctx),
  parse(response, query) {
    const traces = jtParse(response, z.array(jtTraceSchema).nullish()) ?? [];
    const trace = traces.find((t) => t.billCode === query.trackingNo);
    if (!trace) return [];
    const events = jtTraceEvents(trace);
    if ("badTime" in events) throw jtMalformed(`bad scanTime ${events.badTime}`);
    return events;
  },
};

/** Every trace node of the §5.1 table: we want the whole trajectory pushed. */
const ALL_TRACE_NODES = "1&3&4&5&6&7&8&9&10&11&12&13&14";

const subscribe: Operation<SubscribeInput, void> = {
  build(input, account, ctx) {
    const { apiAccount } = jtCredentials(account);
    const payload = {
      id: apiAccount,
      list: [
        { traceNode: ALL_TRACE_NODES, waybillCode: input.trackingNo, backUrl: input.callbackUrl },
      ],
    };
    return jtRequest(JT_PATH.subscribe, payload, account, ctx);
  },
  parse(response) {
    jtParse(response, z.unknown());
  },
};

/**
 * The J&T Express China driver. A repeated create with the same order id is refused as
 * DUPLICATE (145003101); PROTOCOLS.md documents no query that returns the first waybill.
 */
export const jtDriver: CourierDriver = {
  code: "jt",
  createWaybill,
  cancelWaybill,
  queryTrack,
  subscribe,
  push: jtPush,
};
