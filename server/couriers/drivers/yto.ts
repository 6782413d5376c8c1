/**
 * YTO (圆通速递) driver for the new open platform (PROTOCOLS.md §6). Every operation is one signed
 * JSON POST to `${baseUrl}/open/{method}/v1/{apiKey}/{customerCode}` (see ./yto-wire.ts);
 * credentials are `apiKey`, `customerCode` and `secret`.
 *
 * §6 names `subscribe_adapter` but documents neither its param nor a push format, so this driver
 * offers no subscription or push: YTO trajectories come from the trace query (or an aggregator).
 * The param and reply field names below are recalled from YTO's adapter pages [?].
 */
import { z } from "zod";
import {
  type CancelInput,
  type CourierDriver,
  CourierError,
  type Operation,
  type RawTrackEvent,
  type TrackQuery,
  type WaybillOrder,
  type WaybillResult,
} from "@/server/couriers/contract";
import {
  YTO_METHOD,
  ytoLocalTime,
  ytoMalformed,
  ytoParse,
  ytoRequest,
  ytoTimeToIso,
} from "./yto-wire";

const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account, ctx) {
    const { sender, recipient } = order;
    const payload = {
      logisticsNo: order.orderId,
      senderName: sender.name,
      senderProvinceName: sender.province,
      senderCityName: sender.city,
      senderCountyName: sender.district,
      senderAddress: sender.address,
      senderMobile: sender.mobile,
      recipientName: recipient.name,
      recipientProvinceName: recipient.province,
      recipientCityName: recipient.city,
      recipientCountyName: recipient.district,
      recipientAddress: recipient.address,
      recipientMobile: recipient.mobile,
      remark: order.remark,
      weight: order.weightG / 1000,
      goods: order.goods.map((item) => ({ name: item.name, quantity: item.quantity })),
      ...(order.productCode ? { productCode: order.productCode } : {}),
      ...(order.pickup
        ? { startTime: ytoLocalTime(order.pickup.start), endTime: ytoLocalTime(order.pickup.end) }
        : {}),
    };
    return ytoRequest(YTO_METHOD.create, payload, account, ctx);
  },
  parse(response) {
    const data = ytoParse(
      response,
      z.looseObject({
        mailNo: z.string().min(1),
        shortAddress: z.string().nullish(),
        packageCenterName: z.string().nullish(),
      }),
    );
    const labelData: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      if (key === "mailNo") continue;
      if (typeof value === "string" && value !== "") labelData[key] = value;
      else if (typeof value === "number") labelData[key] = String(value);
    }
    return {
      trackingNo: data.mailNo,
      // shortAddress is YTO's 三段码; packageCenterName the 集包地 (as on the old e-waybill API).
      sortingCode: data.shortAddress || undefined,
      packageCenter: data.packageCenterName || undefined,
      labelData,
    };
  },
};

const cancelWaybill: Operation<CancelInput, void> = {
  build: ({ orderId }, account, ctx) =>
    ytoRequest(
      YTO_METHOD.cancel,
      { logisticsNo: orderId, cancelDesc: "商家取消订单" },
      account,
      ctx,
    ),
  parse(response) {
    ytoParse(response, z.unknown());
  },
};

const traceSchema = z.looseObject({
  waybill_No: z.string().nullish(),
  upload_Time: z.string(),
  infoContent: z.string().nullish(),
  processInfo: z.string().nullish(),
  city: z.string().nullish(),
  district: z.string().nullish(),
});

const queryTrack: Operation<TrackQuery, RawTrackEvent[]> = {
  // The param key is upper-case NUMBER, as in §6's example.
  build: ({ trackingNo }, account, ctx) =>
    ytoRequest(YTO_METHOD.track, { NUMBER: trackingNo }, account, ctx),
  parse(response, query) {
    let traces: z.infer<typeof traceSchema>[];
    try {
      traces = ytoParse(response, z.array(traceSchema));
    } catch (error) {
      // YTO answers "no result" (查询结果为空) for a waybill without scans yet: no events.
      if (error instanceof CourierError && error.kind === "NOT_FOUND") return [];
      throw error;
    }
    const events = traces.map((trace): RawTrackEvent => {
      const time = ytoTimeToIso(trace.upload_Time);
      if (time === undefined) throw ytoMalformed(`bad upload_Time ${trace.upload_Time}`);
      return {
        trackingNo: trace.waybill_No || query.trackingNo,
        time,
        code: trace.infoContent ?? "",
        description: trace.processInfo ?? "",
        location: trace.city || undefined,
        raw: trace,
      };
    });
    // Stable: events with equal times keep YTO's order.
    return events
      .filter((event) => event.trackingNo === query.trackingNo)
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  },
};

/** The YTO driver: waybills, cancellation and trace query; no documented subscription or push. */
export const ytoDriver: CourierDriver = {
  code: "yto",
  createWaybill,
  cancelWaybill,
  queryTrack,
};
