/**
 * Cainiao (菜鸟) driver for the LINK gateway (PROTOCOLS.md §9). Cainiao is an aggregator: every
 * call names the courier that really carries the parcel by its Cainiao cpCode ("YTO", "ZTO",
 * "STO", "YUNDA", …). That code comes from `productCode` on the input (WaybillOrder.productCode,
 * and the optional `productCode` this driver accepts on the other inputs), else from the
 * account's `cpCode` credential, as the Kdniao driver does.
 *
 * Credentials: `logisticProviderId` (the resource code, sent as logistic_provider_id),
 * `secretKey`; `appCode` for tracking and subscriptions; optionally `cpCode`, `templateUrl`
 * (the cloud-print template) and `userId` (the seller's Cainiao user id) for e-waybills.
 *
 * Not offered: the trace push (PROTOCOLS.md documents no Cainiao push format or
 * acknowledgement), pickup booking and estimates.
 */
import { z } from "zod";
import type {
  CancelInput,
  CourierAccountConfig,
  CourierDriver,
  Operation,
  RawTrackEvent,
  SubscribeInput,
  TrackQuery,
  WaybillOrder,
  WaybillResult,
} from "@/server/couriers/contract";
import { cainiaoError, cainiaoMalformed } from "./cainiao-errors";
import { cainiaoWaybillPayload, cainiaoWaybillResult, waybillReplySchema } from "./cainiao-label";
import {
  CAINIAO_MSG,
  cainiaoAppCode,
  cainiaoCpCode,
  cainiaoParse,
  cainiaoRequest,
  type CainiaoTarget,
  cainiaoTraceSchema,
  cainiaoTraceToEvent,
} from "./cainiao-wire";

export type { CainiaoTarget } from "./cainiao-wire";

/**
 * TMS_WAYBILL_GET. Cainiao hands out the same waybill again for the same order and recipient,
 * so a retried create returns the first waybill rather than a DUPLICATE refusal.
 */
const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account) {
    const cpCode = cainiaoCpCode(order, account);
    const payload = cainiaoWaybillPayload(order, cpCode, account);
    return cainiaoRequest(CAINIAO_MSG.waybillGet, payload, account);
  },
  parse: (response) => cainiaoWaybillResult(cainiaoParse(response, waybillReplySchema)),
};

const discardSchema = z.looseObject({
  discardResult: z.union([z.boolean(), z.string()]).nullish(),
});

/** TMS_WAYBILL_DISCARD (回收): the waybill number under the target courier's cpCode. */
const cancelWaybill: Operation<CancelInput & CainiaoTarget, void> = {
  build(input, account) {
    const payload = { cpCode: cainiaoCpCode(input, account), waybillCode: input.trackingNo };
    return cainiaoRequest(CAINIAO_MSG.waybillDiscard, payload, account);
  },
  parse(response) {
    const { discardResult } = cainiaoParse(response, discardSchema);
    if (discardResult === false || discardResult === "false") {
      throw cainiaoError("DISCARD_FAILED", "运单回收失败");
    }
  },
};

/** The `{"arg0":{…}}` payload of the logistics-detail APIs. */
const detailPayload = (
  input: { trackingNo: string } & CainiaoTarget,
  account: CourierAccountConfig,
) => ({
  arg0: {
    appCode: cainiaoAppCode(account),
    cpCode: cainiaoCpCode(input, account),
    mailNo: input.trackingNo,
  },
});

const detailSchema = z.looseObject({
  mailNo: z.string().nullish(),
  logisticsStatus: z.string().nullish(),
  fullTraceDetail: z.array(cainiaoTraceSchema).nullish(),
});

/** CNTECH_LV_LOGISTICS_DETAIL_GET; events sorted oldest first whatever order Cainiao used. */
const queryTrack: Operation<TrackQuery & CainiaoTarget, RawTrackEvent[]> = {
  build: (query, account) =>
    cainiaoRequest(CAINIAO_MSG.detailGet, detailPayload(query, account), account),
  parse(response, query) {
    const reply = cainiaoParse(response, detailSchema);
    if (reply.mailNo && reply.mailNo !== query.trackingNo) {
      throw cainiaoMalformed(`reply for ${reply.mailNo}, asked for ${query.trackingNo}`);
    }
    const events = (reply.fullTraceDetail ?? []).map((trace) => {
      const event = cainiaoTraceToEvent(trace, query.trackingNo);
      if (!event) throw cainiaoMalformed(`trace without a readable time: ${JSON.stringify(trace)}`);
      return event;
    });
    return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  },
};

/**
 * CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE with the same payload as the query [?]. Cainiao pushes to
 * the address configured for the resource; `callbackUrl` has no field in the payload.
 */
const subscribe: Operation<SubscribeInput & CainiaoTarget, void> = {
  build: (input, account) =>
    cainiaoRequest(CAINIAO_MSG.detailSubscribe, detailPayload(input, account), account),
  parse(response) {
    cainiaoParse(response, z.unknown());
  },
};

/**
 * The Cainiao driver. Typed with `satisfies` so callers keep the optional `productCode` on the
 * cancel / query / subscribe inputs while it still is a CourierDriver.
 */
export const cainiaoDriver = {
  code: "cainiao",
  createWaybill,
  cancelWaybill,
  queryTrack,
  subscribe,
} satisfies CourierDriver;
