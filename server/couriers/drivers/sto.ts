/**
 * STO (申通快递) driver for the STO open platform's LINK gateway (PROTOCOLS.md §9). Every operation
 * is one signed form POST to `${baseUrl}/gateway/link.do` (see ./sto-wire.ts); STO pushes traces
 * back as described in ./sto-push.ts.
 *
 * Credentials: `appKey` (from_appkey), `resourceCode` (from_code), `secretKey`; optionally
 * `orderSource` (订单来源编码, the app key by default) and the e-waybill account the branch issued,
 * `siteCode`, `customerName`, `sitePwd`, `monthCustomerCode`.
 *
 * Orders are 普通订单 (orderType "01"): the branch collects on its own schedule. 调度订单 ("02",
 * a courier dispatched for this parcel) would have to be repeated on cancel, which CancelInput
 * cannot carry, so `WaybillOrder.pickup` is not sent. Not offered: pickup booking, estimates.
 */
import { z } from "zod";
import type {
  CancelInput,
  CourierAccountConfig,
  CourierDriver,
  Operation,
  Party,
  RawTrackEvent,
  SubscribeInput,
  TrackQuery,
  WaybillOrder,
  WaybillResult,
} from "@/server/couriers/contract";
import { stoError, stoMalformed } from "./sto-errors";
import { stoPush } from "./sto-push";
import {
  STO_API,
  stoCredentials,
  stoOldestFirst,
  stoParse,
  stoRequest,
  stoTraceSchema,
  stoTraceToEvent,
} from "./sto-wire";

const party = (p: Party) => ({
  name: p.name,
  mobile: p.mobile,
  province: p.province,
  city: p.city,
  area: p.district,
  address: p.address,
});

/** The branch's e-waybill account, sent only when configured (代单号 orders need none). */
function customer(account: CourierAccountConfig): Record<string, string> | undefined {
  const { siteCode, customerName, sitePwd, monthCustomerCode } = account.credentials;
  if (!siteCode) return undefined;
  return {
    siteCode,
    customerName: customerName ?? "",
    sitePwd: sitePwd ?? "",
    ...(monthCustomerCode ? { monthCustomerCode } : {}),
  };
}

/** cargo: weight in kg and the spaceX/Y/Z sizes in cm, as numbers. */
function cargo(order: WaybillOrder) {
  const { lengthMm, widthMm, heightMm } = order;
  const sized = lengthMm !== undefined && widthMm !== undefined && heightMm !== undefined;
  return {
    goodsType: "小件",
    goodsName: order.goods.map((item) => item.name).join(",") || "物品",
    goodsCount: order.goods.reduce((sum, item) => sum + item.quantity, 0),
    weight: order.weightG / 1000,
    ...(sized ? { spaceX: lengthMm / 10, spaceY: widthMm / 10, spaceZ: heightMm / 10 } : {}),
    ...(order.declaredValueFen === undefined
      ? {}
      : { goodsAmount: (order.declaredValueFen / 100).toFixed(2) }),
  };
}

const createdSchema = z.looseObject({
  orderNo: z.string().nullish(),
  waybillNo: z.string().min(1),
  bigWord: z.string().nullish(),
  packagePlace: z.string().nullish(),
  sourceOrderId: z.string().nullish(),
  safeNo: z.string().nullish(),
  newBlockCode: z.string().nullish(),
});

const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account) {
    const { orderSource } = stoCredentials(account);
    const branchAccount = customer(account);
    const payload = {
      orderNo: order.orderId,
      orderSource,
      // 00 普通面单; 01 普通订单 (see the header comment).
      billType: "00",
      orderType: "01",
      sender: party(order.sender),
      receiver: party(order.recipient),
      cargo: cargo(order),
      ...(branchAccount ? { customer: branchAccount } : {}),
      ...(order.remark ? { remark: order.remark } : {}),
    };
    return stoRequest(STO_API.createOrder, payload, account);
  },
  parse(response) {
    const result = stoParse(response, createdSchema);
    const labelData: Record<string, string> = {};
    const fields = {
      orderNo: result.orderNo,
      bigWord: result.bigWord,
      packagePlace: result.packagePlace,
      safeNo: result.safeNo,
      newBlockCode: result.newBlockCode,
    };
    for (const [key, value] of Object.entries(fields)) if (value) labelData[key] = value;
    return {
      trackingNo: result.waybillNo,
      // bigWord is STO's 大头笔 and packagePlace its 集包地.
      sortingCode: result.bigWord || undefined,
      packageCenter: result.packagePlace || undefined,
      labelData,
    };
  },
};

/** EDI_MODIFY_ORDER_CANCEL by waybill number; orderType repeats the create's "01". */
const cancelWaybill: Operation<CancelInput, void> = {
  build({ trackingNo }, account) {
    const { orderSource } = stoCredentials(account);
    const payload = { billCode: trackingNo, orderSource, orderType: "01" };
    return stoRequest(STO_API.cancelOrder, payload, account);
  },
  parse(response) {
    stoParse(response, z.unknown());
  },
};

// data maps each requested waybill number to its traces; absent or null when there are none.
const traceDataSchema = z.record(z.string(), z.array(stoTraceSchema).nullish()).nullish();

/** STO_TRACE_QUERY_COMMON, asking for ascending order (oldest first). */
const queryTrack: Operation<TrackQuery, RawTrackEvent[]> = {
  build: ({ trackingNo }, account) =>
    stoRequest(STO_API.traceQuery, { order: "asc", waybillNoList: [trackingNo] }, account),
  parse(response, query) {
    const data = stoParse(response, traceDataSchema);
    const traces = data?.[query.trackingNo] ?? [];
    const events = traces.map((trace) => {
      const event = stoTraceToEvent(trace, query.trackingNo);
      if (!event) throw stoMalformed(`trace without a readable time: ${JSON.stringify(trace)}`);
      return event;
    });
    return stoOldestFirst(events.filter((event) => event.trackingNo === query.trackingNo));
  },
};

// One result per subscribed number; `status` false is a refusal for that number.
const subscribedSchema = z
  .array(
    z.looseObject({
      waybillNo: z.string().nullish(),
      status: z.union([z.boolean(), z.string()]).nullish(),
      message: z.string().nullish(),
    }),
  )
  .nullish();

/**
 * STO_TRACE_PLATFORM_SUBSCRIBE. STO pushes to the address configured for the app on its open
 * platform; the subscription names only the waybill, so that setting must match `callbackUrl`.
 */
const subscribe: Operation<SubscribeInput, void> = {
  build: ({ trackingNo }, account) =>
    stoRequest(STO_API.traceSubscribe, { subscribeInfoList: [{ waybillNo: trackingNo }] }, account),
  parse(response) {
    const results = stoParse(response, subscribedSchema) ?? [];
    const refused = results.find((r) => r.status === false || r.status === "false");
    if (refused) throw stoError("SUBSCRIBE_REFUSED", refused.message ?? undefined);
  },
};

/** The STO driver. A repeated order id is answered by the sandbox with the first waybill. */
export const stoDriver = {
  code: "sto",
  createWaybill,
  cancelWaybill,
  queryTrack,
  subscribe,
  push: stoPush,
} satisfies CourierDriver;
