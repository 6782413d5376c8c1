/**
 * J&T Express China error codes mapped to our CourierError kinds. The platform codes come from
 * PROTOCOLS.md §5.1; the business codes (duplicate order, already collected, business-digest
 * failure, …) are not in PROTOCOLS.md and come from the J&T code table reproduced in the public
 * J&T simulator lovemaoli/oomall `jtexpress/…/ReturnError.java` [?]. Messages are for a warehouse
 * user; J&T's own text travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

type Mapping = readonly [kind: CourierErrorKind, message: string];

/** The 145003030 text is fixed: support staff search logs for it. */
export const JT_SIGNATURE_MESSAGE = "signature rejected: check the private key of this J&T account";

const INTEGRATION =
  "J&T says the request is missing a required header or field; this is an integration fault, contact support";
const ADDRESS =
  "J&T says the sender or recipient is incomplete: complete the name, phone and address";
const REGION =
  "J&T does not recognise the province, city or district of an address: correct the address";

// A Map rather than an object literal so a code such as "constructor" can never hit a prototype.
const CODES = new Map<string, Mapping>([
  // --- platform (§5.1) ---
  ["145003051", ["INVALID", INTEGRATION]],
  ["145003052", ["INVALID", INTEGRATION]],
  ["145003053", ["INVALID", INTEGRATION]],
  ["145003050", ["INVALID", "J&T refused the request as illegal parameters: check the shipment"]],
  [
    "145003010",
    ["AUTH", "J&T does not know this API account: check apiAccount in the account settings"],
  ],
  ["145003012", ["AUTH", "this J&T API account may not use this service: ask J&T to enable it"]],
  ["145003030", ["SIGNATURE", JT_SIGNATURE_MESSAGE]],
  // --- business [?] ---
  [
    "145002002",
    [
      "SIGNATURE",
      "J&T rejected the customer code or password of this account: check the customer code and password",
    ],
  ],
  [
    "145002001",
    [
      "DUPLICATE",
      "a J&T order with this order id already exists: use its waybill instead of creating another",
    ],
  ],
  [
    "145003101",
    [
      "DUPLICATE",
      "a J&T order with this order id already exists: use its waybill instead of creating another",
    ],
  ],
  [
    "145003201",
    [
      "ALREADY_PICKED_UP",
      "J&T has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
    ],
  ],
  ["145003202", ["ALREADY_CANCELLED", "this J&T order is already cancelled"]],
  ["145003064", ["NOT_FOUND", "J&T has no order or waybill with this number"]],
  ["145003040", ["UNAVAILABLE", "J&T had an internal error: try again later"]],
  ["145005000", ["UNAVAILABLE", "J&T had a system error: try again later"]],
  ["145003060", ["INVALID", REGION]],
  ["145003061", ["INVALID", REGION]],
  ["145003062", ["INVALID", REGION]],
  ["145003083", ["INVALID", ADDRESS]],
  ["145003084", ["INVALID", ADDRESS]],
  ["145003085", ["INVALID", ADDRESS]],
  ["145003086", ["INVALID", ADDRESS]],
  [
    "145003088",
    ["INVALID", "J&T needs a pickup window for a door pickup: set the pickup start and end"],
  ],
  ["145003092", ["INVALID", "J&T refused the parcel weight: check the weight"]],
  ["145003093", ["INVALID", "J&T needs the goods of the parcel: add at least one goods line"]],
  ["145003082", ["INVALID", "J&T refused the order id: it is empty or too long"]],
  ["145003089", ["INVALID", "J&T needs a reason to cancel; this is an integration fault"]],
  ["145003502", ["INVALID", "too many waybill numbers in one J&T query (at most 30)"]],
]);

/** The CourierError for a reply whose `code` is not "1". */
export function jtError(code: string, courierMessage?: string): CourierError {
  const key = code || "UNKNOWN";
  const mapping = CODES.get(key) ?? [
    // A refusal we do not recognise is about the data sent; resending it will not help.
    "INVALID",
    `J&T refused the request (code ${key}): see J&T's message`,
  ];
  return new CourierError(mapping[0], key, mapping[1], courierMessage || undefined);
}
