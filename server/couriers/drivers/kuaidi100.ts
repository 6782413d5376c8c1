/**
 * Kuaidi100 (快递100) driver (PROTOCOLS.md §2). Kuaidi100 is an aggregator: one account reaches
 * many couriers, and every call names the courier that really carries the parcel by its
 * Kuaidi100 code ("shunfeng", "zhongtong", "yuantong", …). That code comes from `productCode` on
 * the input (WaybillOrder.productCode, and the optional `productCode` this driver accepts on the
 * other inputs), else from the account's `kuaidicom` credential.
 *
 * Credentials: `customer` and `key` (query), `key` and `secret` (label API), `salt` (optional:
 * subscriptions ask Kuaidi100 to sign pushes with it); optionally `kuaidicom`, `payType`,
 * `expType`, `tempId` and the courier's e-waybill account (`partnerId`, `partnerKey`, …).
 *
 * Not offered: estimates (the label API's `price`/`time` methods need the courier code, which
 * EstimateInput lacks, and PROTOCOLS.md does not document their `param`); pickup booking (the
 * merchant-pickup API is a separate product; ask for collection with WaybillOrder.pickup).
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
import { kuaidi100Error } from "./kuaidi100-errors";
import {
  type Kuaidi100Target,
  kuaidi100Com,
  kuaidi100OrderParam,
  kuaidi100PartnerAccount,
  kuaidi100WaybillResult,
} from "./kuaidi100-payloads";
import { kuaidi100Push } from "./kuaidi100-push";
import {
  kuaidi100Credentials,
  kuaidi100Events,
  kuaidi100LabelData,
  kuaidi100LabelRequest,
  kuaidi100PollReply,
  kuaidi100QueryRequest,
  kuaidi100SubscribeRequest,
  stringField,
} from "./kuaidi100-wire";

export type { Kuaidi100Target } from "./kuaidi100-payloads";

/**
 * A cancel may need the courier's own order number: pass the `kdComOrderNum` of the create's
 * labelData as `courierOrderId` whenever it was returned (php-demo `ele_cancel.php`).
 */
export type Kuaidi100CancelInput = CancelInput & Kuaidi100Target & { courierOrderId?: string };

/** label/order method=order (电子面单下单), PROTOCOLS.md §2.3. */
const createWaybill: Operation<WaybillOrder, WaybillResult> = {
  build(order, account, ctx) {
    const com = kuaidi100Com(order, account);
    const param = JSON.stringify(kuaidi100OrderParam(order, com, account));
    return kuaidi100LabelRequest("order", param, account, ctx);
  },
  parse(response) {
    return kuaidi100WaybillResult(kuaidi100LabelData(response, "create"));
  },
};

/** label/order method=cancel (电子面单取消). */
const cancelWaybill: Operation<Kuaidi100CancelInput, void> = {
  build(input, account, ctx) {
    const com = kuaidi100Com(input, account);
    const param = JSON.stringify({
      kuaidicom: com,
      kuaidinum: input.trackingNo,
      ...(input.courierOrderId ? { orderId: input.courierOrderId } : {}),
      ...kuaidi100PartnerAccount(account, com),
      reason: "发货方取消",
    });
    return kuaidi100LabelRequest("cancel", param, account, ctx);
  },
  parse(response) {
    kuaidi100LabelData(response, "cancel");
  },
};

/**
 * poll/query.do real-time query (实时查询, PROTOCOLS.md §2.1), resultv2=4 so every item carries
 * its own status code. Events oldest first. "查询无结果" (no trajectory yet) is an empty list.
 */
const queryTrack: Operation<TrackQuery & Kuaidi100Target, RawTrackEvent[]> = {
  build(query, account) {
    const param = JSON.stringify({
      com: kuaidi100Com(query, account),
      num: query.trackingNo,
      ...(query.phoneLast4 ? { phone: query.phoneLast4 } : {}),
      resultv2: "4",
    });
    return kuaidi100QueryRequest(param, account);
  },
  parse(response, query) {
    const reply = kuaidi100PollReply(response);
    if (!reply.ok) {
      if (reply.returnCode === "500" && reply.message?.includes("查询无结果")) return [];
      throw kuaidi100Error(reply.returnCode, reply.message, "query");
    }
    const trackingNo = stringField(reply.body, "nu") ?? query.trackingNo;
    const state = reply.body.state;
    const stateCode = typeof state === "string" || typeof state === "number" ? String(state) : "";
    return kuaidi100Events(trackingNo, reply.body.data, stateCode || undefined);
  },
};

/**
 * poll (订阅, PROTOCOLS.md §2.2). The account's `salt`, when set, makes Kuaidi100 sign the
 * pushes. 501 ("already subscribed / still polling") means the subscription exists: success.
 */
const subscribe: Operation<SubscribeInput & Kuaidi100Target, void> = {
  build(input, account) {
    const { key } = kuaidi100Credentials(account, ["key"]);
    const salt = account.credentials.salt;
    const param = JSON.stringify({
      company: kuaidi100Com(input, account),
      number: input.trackingNo,
      key,
      parameters: {
        callbackurl: input.callbackUrl,
        ...(salt ? { salt } : {}),
        resultv2: "4",
        ...(input.phoneLast4 ? { phone: input.phoneLast4 } : {}),
      },
    });
    return kuaidi100SubscribeRequest(param, account);
  },
  parse(response) {
    const reply = kuaidi100PollReply(response);
    if (reply.ok || reply.returnCode === "501") return;
    throw kuaidi100Error(reply.returnCode, reply.message, "subscribe");
  },
};

/**
 * The Kuaidi100 driver. Typed with `satisfies` so callers keep the optional `productCode` (and
 * `courierOrderId` on cancel) on the inputs while it still is a CourierDriver.
 */
export const kuaidi100Driver = {
  code: "kuaidi100",
  createWaybill,
  cancelWaybill,
  queryTrack,
  subscribe,
  push: kuaidi100Push,
} satisfies CourierDriver;
