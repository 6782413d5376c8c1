/**
 * SF route push (RoutePushService, PROTOCOLS.md §1.6), JSON mode: SF POSTs
 * `{"Body":{"WaybillRoute":[…]}}` and retries until the reply is exactly return_code "0000".
 */
import { z } from "zod";
import {
  CourierError,
  type PushProtocol,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { sfTimeToIso } from "./sf-wire";

// Field names are lower-case `mailno`/`orderid` but camelCase `acceptTime`/`opCode` (§1.6).
const routeSchema = z.looseObject({
  mailno: z.string().min(1),
  orderid: z.string().nullish(),
  acceptTime: z.string(),
  acceptAddress: z.string().nullish(),
  remark: z.string().nullish(),
  opCode: z.union([z.string(), z.number()]),
});
const pushSchema = z.object({ Body: z.object({ WaybillRoute: z.array(routeSchema) }) });

const ACK_HEADERS = { "content-type": "application/json;charset=UTF-8" };
/** The exact acknowledgement bytes SF's own controller tests assert (§1.6). */
export const SF_PUSH_ACK_OK = '{"return_code":"0000","return_msg":"成功"}';
export const SF_PUSH_ACK_RETRY = '{"return_code":"1000","return_msg":"处理失败"}';

function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function malformedPush(detail: string): CourierError {
  return new CourierError(
    "INVALID",
    "MALFORMED_PUSH",
    "SF pushed a route update we could not read",
    detail.slice(0, 300),
  );
}

function readBody(request: WireRequest): unknown {
  if (header(request, "content-type")?.includes("application/x-www-form-urlencoded")) {
    // Form mode carries URL-encoded XML; we only speak JSON mode, which is chosen in 丰桥.
    throw new CourierError(
      "INVALID",
      "PUSH_FORM_MODE",
      "SF is pushing route updates as XML forms: switch the push format to JSON in the SF (丰桥) console",
    );
  }
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    throw malformedPush(request.body);
  }
}

/** SF route push, JSON mode. */
export const sfPush: PushProtocol = {
  // SF signs nothing in either push mode (§1.6): the receiver requires the account's secret push
  // token in the URL configured in 丰桥 instead (see server/couriers/push.ts).
  unsigned: true,
  verify: () => true,

  parse(request): RawTrackEvent[] {
    const push = pushSchema.safeParse(readBody(request));
    if (!push.success) throw malformedPush(request.body);
    const events = push.data.Body.WaybillRoute.map((route): RawTrackEvent => {
      const time = sfTimeToIso(route.acceptTime);
      if (time === undefined) throw malformedPush(`bad acceptTime ${route.acceptTime}`);
      return {
        trackingNo: route.mailno,
        time,
        code: String(route.opCode),
        description: route.remark ?? "",
        location: route.acceptAddress || undefined,
        raw: route,
      };
    });
    // A push holds up to 10 routes; keep them oldest first like the route query (stable sort).
    return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  },

  acknowledge(ok): WireResponse {
    return {
      status: 200,
      headers: { ...ACK_HEADERS },
      body: ok ? SF_PUSH_ACK_OK : SF_PUSH_ACK_RETRY,
    };
  },
};
