/**
 * Kdniao (快递鸟) ResultCode values (PROTOCOLS.md §3.4, from bububa/kdniao `config/const.go`)
 * mapped to our CourierError kinds. Messages are for a warehouse user; Kdniao's own Chinese
 * `Reason` travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

/** Which call failed: cancel replies need their Reason read to tell "collected" from "gone". */
export type KdniaoOperation = "create" | "cancel" | "query" | "subscribe";

type Mapping = readonly [kind: CourierErrorKind, message: string];

const CHECK_DATA =
  "correct the parcel data and try again (the courier's message says what is wrong)";

// A Map rather than an object literal so a code such as "constructor" can never hit a prototype.
const RESULT_CODES = new Map<string, Mapping>([
  ["101", ["INVALID", `Kdniao says a required field is missing: ${CHECK_DATA}`]],
  // §3.4 only says "verification problem"; a DataSign that does not verify is what produces it.
  [
    "102",
    [
      "SIGNATURE",
      "Kdniao rejected the request signature: check the EBusinessID and ApiKey of this Kdniao account",
    ],
  ],
  ["103", ["INVALID", `Kdniao says a field has the wrong format: ${CHECK_DATA}`]],
  [
    "104",
    [
      "AUTH",
      "Kdniao refused this account: check that the EBusinessID is active and allowed to use this service",
    ],
  ],
  ["105", ["INVALID", `Kdniao refused the request: ${CHECK_DATA}`]],
  // Not in PROTOCOLS.md: Kdniao's e-waybill documentation answers a repeated OrderCode with 106.
  ["106", ["DUPLICATE", "this parcel already has a waybill with this courier"]],
  ["401", ["INVALID", "Kdniao could not read the request data; this is an integration fault"]],
  ["402", ["INVALID", "the tracking number is missing"]],
  ["403", ["INVALID", "the tracking number contains characters couriers never use: check it"]],
  ["404", ["INVALID", "the tracking number has the wrong length for this courier: check it"]],
  [
    "405",
    ["RATE_LIMITED", "the daily Kdniao query limit of this account is used up: try again tomorrow"],
  ],
]);

// Cancel refusals carry no dedicated ResultCode in any source we have; the Reason text is the
// only thing that says whether the courier already collected the parcel.
const CANCEL_REASONS: ReadonlyArray<readonly [RegExp, CourierErrorKind, string]> = [
  [
    /揽收|揽件|已取件|已发货/,
    "ALREADY_PICKED_UP",
    "the courier has already collected this parcel, so its waybill can no longer be cancelled",
  ],
  [/已取消|已经取消|已作废/, "ALREADY_CANCELLED", "this waybill is already cancelled"],
  [
    /不存在|未找到|查无/,
    "NOT_FOUND",
    "Kdniao does not know this waybill: check the tracking number",
  ],
];

/** The CourierError for a reply with `Success: false`. */
export function kdniaoError(
  resultCode: string | undefined,
  reason: string | undefined,
  operation: KdniaoOperation,
): CourierError {
  const code = resultCode ?? "UNKNOWN";
  if (operation === "cancel" && reason && code !== "102" && code !== "104") {
    for (const [pattern, kind, message] of CANCEL_REASONS) {
      if (pattern.test(reason)) return new CourierError(kind, code, message, reason);
    }
  }
  const mapped = RESULT_CODES.get(code);
  if (mapped) return new CourierError(mapped[0], code, mapped[1], reason);
  return new CourierError("INVALID", code, `Kdniao refused the request: ${CHECK_DATA}`, reason);
}

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function kdniaoMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "Kdniao sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}
