/**
 * ZTO ZOP error codes (PROTOCOLS.md §4.2) mapped to our CourierError kinds. The gateway codes
 * (S2xx) and data-authorisation codes (E4xx) are documented; business refusals (duplicate order,
 * already collected, …) are not, so those are recognised by ZTO's own Chinese message. Messages
 * are for a warehouse user; ZTO's text travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

type Mapping = readonly [kind: CourierErrorKind, message: string];

/** The S211 text is fixed: support staff search logs for it. */
export const ZTO_SIGNATURE_MESSAGE = "signature rejected: check the app secret of this ZTO account";

// A Map rather than an object literal so a code such as "constructor" can never hit a prototype.
const CODES = new Map<string, Mapping>([
  ["S200", ["UNAVAILABLE", "ZTO timed out: try again later"]],
  ["S203", ["UNAVAILABLE", "ZTO's service is unavailable right now: try again later"]],
  ["S206", ["RATE_LIMITED", "ZTO is limiting our request rate: wait a moment and try again"]],
  ["S221", ["RATE_LIMITED", "ZTO is limiting our request rate: wait a moment and try again"]],
  [
    "S207",
    ["INVALID", "ZTO does not know this API; this is an integration fault, contact support"],
  ],
  [
    "S208",
    [
      "INVALID",
      "ZTO says a required field is missing: complete the sender and recipient name, phone and address",
    ],
  ],
  [
    "S210",
    [
      "AUTH",
      "this ZTO app is not subscribed to the service: enable it for the app in the ZTO open platform console",
    ],
  ],
  ["S211", ["SIGNATURE", ZTO_SIGNATURE_MESSAGE]],
  [
    "S212",
    [
      "AUTH",
      "ZTO refused this server's IP address: add it to the app's IP list in the ZTO open platform console",
    ],
  ],
  ["S214", ["AUTH", "ZTO rejected the request time: check that this server's clock is correct"]],
  [
    "E404",
    [
      "AUTH",
      "no ZTO e-waybill account is bound to this app: bind one in the ZTO open platform console",
    ],
  ],
  [
    "E409",
    ["INVALID", "the phone digits do not match the sender or recipient of this ZTO waybill"],
  ],
  [
    "E413",
    [
      "INVALID",
      "ZTO needs the last 4 digits of the sender's or recipient's phone to show this waybill",
    ],
  ],
  ["E416", ["INVALID", "this is not a valid ZTO waybill number: check the number"]],
  [
    "E418",
    ["AUTH", "this ZTO app is not authorised for the branch of this waybill: ask ZTO to grant it"],
  ],
]);

/**
 * Undocumented refusals, by ZTO's message. Order matters: "签名" before everything because a
 * signature failure can mention any other word, and "已取消" before "取消" wordings in general.
 */
const BY_MESSAGE: readonly (readonly [RegExp, CourierErrorKind, string])[] = [
  [/签名/, "SIGNATURE", ZTO_SIGNATURE_MESSAGE],
  [
    /已揽收|已揽件|已取件|已收件/,
    "ALREADY_PICKED_UP",
    "ZTO has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
  ],
  [/已取消|已作废/, "ALREADY_CANCELLED", "this ZTO waybill is already cancelled"],
  [
    /重复/,
    "DUPLICATE",
    "a ZTO order with this order id already exists: use its waybill instead of creating another",
  ],
  [/不存在|查无|未找到|找不到/, "NOT_FOUND", "ZTO has no order or waybill with this number"],
  [
    /超区|不在服务范围|不支持|不派送|无法派送/,
    "UNSERVICEABLE",
    "ZTO does not serve this address: choose another courier",
  ],
];

/** The CourierError for a reply with `status: false`. */
export function ztoError(code: string, courierMessage?: string): CourierError {
  const key = code || "UNKNOWN";
  const mapped = CODES.get(key);
  if (mapped) return new CourierError(mapped[0], key, mapped[1], courierMessage || undefined);
  const text = courierMessage ?? "";
  const match = BY_MESSAGE.find(([pattern]) => pattern.test(text));
  if (match) return new CourierError(match[1], key, match[2], courierMessage || undefined);
  // S202 is ZOP's "backend threw": an outage unless its message named a refusal above.
  if (key === "S202") {
    return new CourierError(
      "UNAVAILABLE",
      key,
      "ZTO had an internal error: try again later",
      courierMessage || undefined,
    );
  }
  // A refusal we do not recognise is about the data sent; resending it unchanged will not help.
  return new CourierError(
    "INVALID",
    key,
    `ZTO refused the request (code ${key}): see ZTO's message`,
    courierMessage || undefined,
  );
}
