/**
 * Kuaidi100 (快递100) return codes (PROTOCOLS.md §2.1, §2.2) mapped to our CourierError kinds.
 * The query, subscribe and label APIs share one number space as far as the sources show; the
 * codes marked [?] in PROTOCOLS.md (501–503, 601) are mapped by their usual meaning. Messages are
 * for a warehouse user; Kuaidi100's own Chinese text travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

/** Which call failed: cancel replies need their message read to tell "collected" from "gone". */
export type Kuaidi100Operation = "query" | "subscribe" | "create" | "cancel";

type Mapping = readonly [kind: CourierErrorKind, message: string];

const CHECK_ACCOUNT = "check the customer ID, key and secret of this Kuaidi100 account";

// A Map rather than an object literal so a code such as "constructor" can never hit a prototype.
const RETURN_CODES = new Map<string, Mapping>([
  [
    "400",
    [
      "INVALID",
      "Kuaidi100 refused the request (missing data, unknown courier code, wrong customer ID or no balance left): check the parcel and the account settings",
    ],
  ],
  [
    "408",
    [
      "INVALID",
      "the phone digits do not match this parcel: give the last 4 digits of the sender's or recipient's mobile",
    ],
  ],
  ["500", ["UNAVAILABLE", "Kuaidi100 had a server error: try again later"]],
  ["501", ["UNAVAILABLE", "Kuaidi100 is still working on this number: try again later"]],
  ["502", ["UNAVAILABLE", "Kuaidi100 had a server error: try again later"]],
  ["503", ["SIGNATURE", `Kuaidi100 rejected the request signature: ${CHECK_ACCOUNT}`]],
  ["600", ["AUTH", "Kuaidi100 does not recognise this account's key: check it in the settings"]],
  ["601", ["AUTH", "this Kuaidi100 key has expired: renew it in the Kuaidi100 console"]],
  ["700", ["INVALID", "Kuaidi100 refused the subscription data: check the tracking number"]],
  ["701", ["UNSERVICEABLE", "the courier refused this request through Kuaidi100"]],
  [
    "702",
    [
      "INVALID",
      "Kuaidi100 cannot identify the courier: check the courier code (e.g. shunfeng, zhongtong)",
    ],
  ],
]);

// No source gives cancel refusals a code of their own; only the message says what happened.
const CANCEL_MESSAGES: ReadonlyArray<readonly [RegExp, CourierErrorKind, string]> = [
  [
    /揽收|揽件|已取件|已发货/,
    "ALREADY_PICKED_UP",
    "the courier has already collected this parcel, so its waybill can no longer be cancelled",
  ],
  [/已取消|已经取消|已作废/, "ALREADY_CANCELLED", "this waybill is already cancelled"],
  [
    /不存在|未找到|查无/,
    "NOT_FOUND",
    "Kuaidi100 does not know this waybill: check the tracking number",
  ],
];

/** The CourierError for a refused call. */
export function kuaidi100Error(
  returnCode: string,
  message: string | undefined,
  operation: Kuaidi100Operation,
): CourierError {
  const mapped = RETURN_CODES.get(returnCode);
  const businessRefusal = !mapped || mapped[0] === "INVALID";
  if (operation === "cancel" && message && businessRefusal) {
    for (const [pattern, kind, text] of CANCEL_MESSAGES) {
      if (pattern.test(message)) return new CourierError(kind, returnCode, text, message);
    }
  }
  if (mapped) return new CourierError(mapped[0], returnCode, mapped[1], message);
  return new CourierError(
    "INVALID",
    returnCode,
    "Kuaidi100 refused the request: correct the parcel data and try again (the courier's message says what is wrong)",
    message,
  );
}

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function kuaidi100Malformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "Kuaidi100 sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}
