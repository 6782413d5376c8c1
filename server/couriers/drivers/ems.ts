/**
 * EMS (中国邮政速递物流) driver for the new open platform api.ems.com.cn (PROTOCOLS.md §10). Every
 * operation is one form POST whose business JSON travels SM4-encrypted in `logitcsInterface`
 * (see ./ems-wire.ts); EMS pushes traces back as described in ./ems-push.ts.
 *
 * Credentials: `senderNo` (协议客户号), `authorization` (授权码, differs between test and
 * production), `signKey` (签名钥匙, Base64 of the SM4 key); optionally `ecommerceUserId`.
 *
 * `WaybillOrder.productCode` is EMS's `bizProductNo` (业务产品分类), "10" 电商标快 by default.
 * Not offered: subscribe (EMS pushes to the address configured for the customer on its platform;
 * no subscription call is documented), pickup booking and estimates.
 */
import { z } from "zod";
import type {
  CancelInput,
  CourierDriver,
  Operation,
  Party,
  RawTrackEvent,
  TrackQuery,
  WaybillOrder,
  WaybillResult,
} from "@/server/couriers/contract";
import { emsMalformed } from "./ems-errors";
import { emsPush } from "./ems-push";
import {
  EMS_API,
  emsCredentials,
  emsLocalTime,
  emsOldestFirst,
  emsParse,
  emsRequest,
  emsTraceSchema,
  emsTraceToEvent,
} from "./ems-wire";

/** 电商标快, the product every public EMS client sends. */
const DEFAULT_PRODUCT = "10";

const party = (p: Party) => ({
  name: p.name,
  mobile: p.mobile,
  prov: p.province,
  city: p.city,
  county: p.district,
  address: p.address,
});

/** Fen as EMS's yuan text with two decimals, e.g. 1999 -> "19.99". */
const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** Length, width and height in centimetres with two decimals, when all three are known. */
function dimensions(order: WaybillOrder): Record<string, string> {
  const { lengthMm, widthMm, heightMm } = order;
  if (lengthMm === undefined || widthMm === undefined || heightMm === undefined) return {};
  const cm = (mm: number) => (mm / 10).toFixed(2);
  return { length: cm(lengthMm), width: cm(widthMm), height: cm(heightMm) };
}

// The reply of 020003; public clients read it as one object or as a one-element array.
const createdSchema = z.looseObject({
  waybillNo: z.string().min(1),
  routeCode: z.string().nullish(),
  packageCode: z.string().nullish(),
  packageCodeName: z.string().nullish(),
  markDestinationCode: z.string().nullish(),
  markDestinationName: z.string().nullish(),
});
const createResultSchema = z.union([createdSchema, z.array(createdSchema).min(1)]);

const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account, ctx) {
    const { senderNo, ecommerceUserId } = emsCredentials(account);
    // 020003 takes a list of orders; one parcel is a one-element list.
    const payload = [
      {
        ecommerceUserId: ecommerceUserId ?? senderNo,
        logisticsOrderNo: order.orderId,
        createdTime: emsLocalTime(ctx.now),
        senderNo,
        // 3 = 物品 (goods), 1 would be 文件 (documents).
        contentsAttribute: "3",
        bizProductNo: order.productCode ?? DEFAULT_PRODUCT,
        weight: String(order.weightG),
        ...dimensions(order),
        ...(order.pickup
          ? {
              pickupType: "1",
              pickupPreBeginTime: emsLocalTime(order.pickup.start),
              pickupPreEndTime: emsLocalTime(order.pickup.end),
            }
          : {}),
        sender: party(order.sender),
        receiver: party(order.recipient),
        cargos: order.goods.map((item) => ({
          cargoName: item.name,
          cargoQuantity: item.quantity,
          ...(item.unitValueFen === undefined ? {} : { cargoValue: yuan(item.unitValueFen) }),
        })),
        ...(order.remark ? { remarks: order.remark } : {}),
      },
    ];
    return emsRequest(EMS_API.createOrder, payload, account, ctx);
  },
  parse(response) {
    const body = emsParse(response, createResultSchema);
    const result = Array.isArray(body) ? body[0] : body;
    if (!result) throw emsMalformed("create reply without a waybill");
    const labelData: Record<string, string> = {};
    const fields = {
      routeCode: result.routeCode,
      packageCode: result.packageCode,
      packageCodeName: result.packageCodeName,
      markDestinationCode: result.markDestinationCode,
      markDestinationName: result.markDestinationName,
    };
    for (const [key, value] of Object.entries(fields)) if (value) labelData[key] = value;
    return {
      trackingNo: result.waybillNo,
      // 大头笔 is the destination mark; the package code names the 集包地 (mail centre) [?].
      sortingCode: result.markDestinationName || result.routeCode || undefined,
      packageCenter: result.packageCodeName || undefined,
      destCode: result.markDestinationCode || undefined,
      labelData,
    };
  },
};

/** 020006: the order is named by both our order id and the waybill, as public clients send. */
const cancelWaybill: Operation<CancelInput, void> = {
  build: ({ orderId, trackingNo }, account, ctx) =>
    emsRequest(
      EMS_API.cancelOrder,
      { logisticsOrderNo: orderId, waybillNo: trackingNo, cancelReason: "客户取消" },
      account,
      ctx,
    ),
  parse(response) {
    emsParse(response, z.unknown());
  },
};

// 040001 answers `{responseItems: [...]}`; some clients see the bare list or nothing at all.
const traceListSchema = z.union([
  z.object({ responseItems: z.array(emsTraceSchema).nullish() }),
  z.array(emsTraceSchema),
  z.null(),
  z.literal(""),
]);

/** 040001 trace query; `direction` "0" is what public clients send [?]. */
const queryTrack: Operation<TrackQuery, RawTrackEvent[]> = {
  build: (query, account, ctx) =>
    emsRequest(EMS_API.trackQuery, { waybillNo: query.trackingNo, direction: "0" }, account, ctx),
  parse(response, query) {
    const body = emsParse(response, traceListSchema);
    const traces = Array.isArray(body) ? body : (body && body.responseItems) || [];
    const events = traces.map((trace) => {
      const event = emsTraceToEvent(trace, query.trackingNo);
      if (!event) throw emsMalformed(`trace without a readable time: ${JSON.stringify(trace)}`);
      return event;
    });
    return emsOldestFirst(events.filter((event) => event.trackingNo === query.trackingNo));
  },
};

/** The EMS driver. A repeated order id is answered by the sandbox with the first waybill. */
export const emsDriver = {
  code: "ems",
  createWaybill,
  cancelWaybill,
  queryTrack,
  push: emsPush,
} satisfies CourierDriver;
