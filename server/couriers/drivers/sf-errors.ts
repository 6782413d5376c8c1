/**
 * SF 丰桥 error codes (PROTOCOLS.md §1.3) mapped to our CourierError kinds. Platform codes (A1xxx)
 * come from `apiResultCode`; business codes from `apiResultData.errorCode` once the platform said
 * A1000. Messages are for a warehouse user; SF's own Chinese text travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

type Mapping = readonly [kind: CourierErrorKind, message: string];

/** The A1006 text is fixed: support staff search logs for it. */
export const SF_SIGNATURE_MESSAGE = "signature rejected: check the check word of this account";

const CHECK_MONTHLY_CARD = "check the monthly card number (月结卡号) in the SF account settings";

// A Map rather than an object literal so a code such as "constructor" can never hit a prototype.
const PLATFORM = new Map<string, Mapping>([
  [
    "A1001",
    [
      "INVALID",
      "SF says a required request field is missing or malformed; this is an integration fault, contact support",
    ],
  ],
  [
    "A1002",
    ["AUTH", "SF considers the request expired: check that this server's clock is correct"],
  ],
  [
    "A1003",
    [
      "AUTH",
      "SF refused this server's IP address: add it to the account's IP allow-list in the SF (丰桥) console",
    ],
  ],
  [
    "A1004",
    [
      "AUTH",
      "this SF account may not use this service, or its credentials belong to the other environment (sandbox vs production): check the account settings",
    ],
  ],
  ["A1005", ["RATE_LIMITED", "SF is limiting our request rate: wait a moment and try again"]],
  ["A1006", ["SIGNATURE", SF_SIGNATURE_MESSAGE]],
  // A1007 means SF saw this requestID before. Every call gets a fresh requestID, so resending is
  // safe: a create that did go through then answers 8016 and the existing waybill is fetched.
  ["A1007", ["UNAVAILABLE", "SF saw this request twice: try again"]],
  [
    "A1008",
    ["SIGNATURE", "SF could not decrypt the request: check the check word of this account"],
  ],
  ["A1009", ["UNAVAILABLE", "SF's order service is failing right now: try again later"]],
  [
    "A1010",
    [
      "AUTH",
      "this SF account is still in sandbox-test status: finish going live in the SF (丰桥) console or use the sandbox environment",
    ],
  ],
  ["A1099", ["UNAVAILABLE", "SF had a system error: try again later"]],
]);

const MISSING_PARTY: Mapping = [
  "INVALID",
  "SF says the sender or recipient name, phone or address is missing: complete both addresses",
];
const ORDER_NOT_FOUND: Mapping = ["NOT_FOUND", "SF has no order with this order id"];
const TOO_MANY_PACKAGES: Mapping = ["INVALID", "too many packages in one SF order"];

const BUSINESS = new Map<string, Mapping>([
  // PROTOCOLS.md only says "1010–1016 missing sender/receiver fields", not which code is which.
  ...["1010", "1011", "1012", "1013", "1014", "1015", "1016"].map((code): [string, Mapping] => [
    code,
    MISSING_PARTY,
  ]),
  ["6126", ["AUTH", `SF rejected the monthly card of this account: ${CHECK_MONTHLY_CARD}`]],
  ["8119", ["AUTH", `SF needs a valid monthly card for this account: ${CHECK_MONTHLY_CARD}`]],
  ["8256", ["AUTH", `SF does not allow cash settlement for this account: ${CHECK_MONTHLY_CARD}`]],
  ["6150", ORDER_NOT_FOUND],
  ["8018", ORDER_NOT_FOUND],
  ["8024", ["NOT_FOUND", "SF has no order for this parcel yet"]],
  [
    "8247",
    [
      "NOT_FOUND",
      "SF does not recognise this waybill number in this environment (sandbox and production numbers do not mix)",
    ],
  ],
  ["8003", ["INVALID", "too many tracking numbers in one SF query (at most 10)"]],
  ["8013", ["INVALID", "no tracking number was given to SF"]],
  ["8017", ["INVALID", "this tracking number does not belong to this SF order"]],
  [
    "8016",
    [
      "DUPLICATE",
      "an SF order with this order id already exists: use its waybill instead of creating another",
    ],
  ],
  ["8037", ["ALREADY_CANCELLED", "this SF order is already cancelled"]],
  // PROTOCOLS.md documents no dedicated "picked up, cannot cancel" code; 8168 ("picked up, cannot
  // add sub-waybills") is the only documented picked-up refusal, so it stands for cancel too.
  [
    "8168",
    [
      "ALREADY_PICKED_UP",
      "SF has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
    ],
  ],
  ["8252", ["INVALID", "this SF order is already confirmed and cannot be changed"]],
  ["8067", TOO_MANY_PACKAGES],
  ["8117", TOO_MANY_PACKAGES],
  [
    "8096",
    ["INVALID", "the pickup time is outside SF's collection hours: choose another pickup window"],
  ],
  [
    "8057",
    [
      "INVALID",
      "SF does not accept the product (express type) chosen for this shipment: pick another SF product",
    ],
  ],
  [
    "20035",
    [
      "UNSERVICEABLE",
      "SF will not carry these goods (prohibited or restricted items): check the goods description",
    ],
  ],
  [
    "20036",
    [
      "UNSERVICEABLE",
      "the chosen SF product is not available for this route: pick another product",
    ],
  ],
]);

function toError(mapping: Mapping, code: string, courierMessage: string | undefined): CourierError {
  return new CourierError(mapping[0], code, mapping[1], courierMessage || undefined);
}

/** The CourierError for a platform `apiResultCode` other than A1000. */
export function sfPlatformError(code: string, courierMessage?: string): CourierError {
  const mapping = PLATFORM.get(code);
  // An unknown platform code is a gateway state we cannot act on; resending is the only remedy.
  return toError(
    mapping ?? ["UNAVAILABLE", `SF answered with unknown platform code ${code}: try again later`],
    code,
    courierMessage,
  );
}

/** The CourierError for a business refusal (`apiResultData.success === false`). */
export function sfBusinessError(code: string | undefined, courierMessage?: string): CourierError {
  const key = code || "UNKNOWN";
  const mapping = BUSINESS.get(key);
  // Business refusals are about the data we sent; resending the same data will not help.
  return toError(
    mapping ?? ["INVALID", `SF refused the request (code ${key}): see SF's message`],
    key,
    courierMessage,
  );
}
