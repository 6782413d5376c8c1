/**
 * The courier driver contract. A driver is pure protocol: each operation *builds* the exact HTTP
 * request a courier expects and *parses* the courier's reply into our terms (or a CourierError).
 * Sending — timeouts, retries, circuit breakers — is one generic executor (./execute.ts), so every
 * driver gets the same resilience and every driver is testable without a network.
 */

/** A wire request or response, byte-exact: `body` is the string that goes over the wire. */
export type WireRequest = {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
};
export type WireResponse = { status: number; headers: Record<string, string>; body: string };

/** Credentials and endpoint of one courier account, decrypted, as the driver needs them. */
export type CourierAccountConfig = {
  courier: string;
  environment: "sandbox" | "production";
  /** Base URL of the courier API (or of our sandbox); drivers append their own paths. */
  baseUrl: string;
  /** Driver-specific keys, e.g. SF: partnerID, checkWord, monthlyCard. */
  credentials: Record<string, string>;
};

/** What varies per call but is not business data, injected so tests are deterministic. */
export type CallContext = { now: Date; requestId: string };

export type Party = {
  name: string;
  mobile: string;
  company?: string;
  province: string;
  city: string;
  district: string;
  /** Street address below the district, e.g. "文三路 100 号". */
  address: string;
  /** 6-digit GB/T 2260 code of the district, when known. */
  regionCode?: string;
};

export type WaybillOrder = {
  /** Our parcel id; used as the courier's order id, so a retried create finds the first waybill. */
  orderId: string;
  sender: Party;
  recipient: Party;
  /** Integer grams; dimensions in integer millimetres. */
  weightG: number;
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
  goods: { name: string; quantity: number; unitValueFen?: number }[];
  declaredValueFen?: number;
  /** The courier's product code (e.g. SF expressTypeId "1"); the driver's default when absent. */
  productCode?: string;
  remark?: string;
  /** Ask the courier to come and collect (SF isDocall) within this window. */
  pickup?: { start: Date; end: Date };
};

export type WaybillResult = {
  trackingNo: string;
  /** 大头笔 / 三段码 as printed large on the label. */
  sortingCode?: string;
  /** 集包地 / package centre. */
  packageCenter?: string;
  originCode?: string;
  destCode?: string;
  /** Anything else the courier returns for the label (QR payloads, route codes, …). */
  labelData: Record<string, string>;
};

/**
 * `productCode` on cancel, track and subscribe: the target courier's code at an aggregator
 * (Kdniao "SF", Kuaidi100 "shunfeng"); direct drivers ignore it.
 */
export type CancelInput = { orderId: string; trackingNo: string; productCode?: string };
export type TrackQuery = {
  trackingNo: string;
  orderId?: string;
  phoneLast4?: string;
  productCode?: string;
};
export type SubscribeInput = {
  trackingNo: string;
  callbackUrl: string;
  phoneLast4?: string;
  productCode?: string;
};
export type PickupInput = {
  orderId: string;
  trackingNo?: string;
  sender: Party;
  start: Date;
  end: Date;
  weightG: number;
};
export type PickupResult = { pickupId: string; windowStart?: Date; windowEnd?: Date };
export type EstimateInput = { sender: Party; recipient: Party; weightG: number; shipAt: Date };
export type Estimate = {
  priceFen?: number;
  promisedHours?: number;
  productCode?: string;
  productName?: string;
}[];

/**
 * A trajectory event as the courier reported it; normalisation to our status codes happens in the
 * tracking domain. `time` is ISO 8601 with offset (couriers report Asia/Shanghai local time).
 */
export type RawTrackEvent = {
  trackingNo: string;
  time: string;
  /** The courier's own node / status code (SF opCode, Kuaidi100 status, …). */
  code: string;
  description: string;
  location?: string;
  /** The event exactly as received, for audit and for re-mapping later. */
  raw: unknown;
};

/** The kind of failure, so callers decide retry / move account / tell the user. */
export type CourierErrorKind =
  | "SIGNATURE" // the courier rejected our signature: credentials are wrong
  | "AUTH" // account not permitted, expired token, wrong environment
  | "INVALID" // the courier refused the data (missing field, bad phone, …)
  | "UNSERVICEABLE" // address or product not served
  | "DUPLICATE" // order id already used: fetch the existing waybill
  | "NOT_FOUND"
  | "ALREADY_PICKED_UP" // cancel refused after pickup
  | "ALREADY_CANCELLED"
  | "RATE_LIMITED"
  | "UNAVAILABLE"; // 5xx, timeouts, garbage: safe to retry where the operation is idempotent

export class CourierError extends Error {
  override readonly name = "CourierError";
  constructor(
    readonly kind: CourierErrorKind,
    /** The courier's own error code, e.g. SF "8016" or "A1006". */
    readonly courierCode: string,
    /** Plain text a warehouse user can act on (English; the UI translates by kind). */
    message: string,
    readonly courierMessage?: string,
  ) {
    super(message);
  }
}

/** One operation: build the request, parse the response (throwing CourierError on failure). */
export type Operation<I, O> = {
  build(input: I, account: CourierAccountConfig, ctx: CallContext): WireRequest;
  parse(response: WireResponse, input: I, account: CourierAccountConfig): O;
};

/** Courier -> us: trajectory pushes, with the exact acknowledgement bytes the courier expects. */
export type PushProtocol = {
  /**
   * The courier signs nothing (SF route push): the receiver then requires the account's secret
   * push token in the URL instead.
   */
  unsigned?: boolean;
  /** True when the push is authentic for this account (or the protocol is unsigned). */
  verify(request: WireRequest, account: CourierAccountConfig): boolean;
  /** Raw events in the push; throws on a malformed body. */
  parse(request: WireRequest, account: CourierAccountConfig): RawTrackEvent[];
  /** The reply: `ok` after the events are durably stored, otherwise the courier's retry reply. */
  acknowledge(ok: boolean, request: WireRequest): WireResponse;
};

export type CourierDriver = {
  /** Courier code: short lower-case slug (sf, zto, kdniao, …). */
  code: string;
  createWaybill: Operation<WaybillOrder, WaybillResult>;
  cancelWaybill: Operation<CancelInput, void>;
  queryTrack: Operation<TrackQuery, RawTrackEvent[]>;
  subscribe?: Operation<SubscribeInput, void>;
  bookPickup?: Operation<PickupInput, PickupResult>;
  cancelPickup?: Operation<{ pickupId: string; orderId: string }, void>;
  estimate?: Operation<EstimateInput, Estimate>;
  push?: PushProtocol;
};

/**
 * The courier side of one protocol, for the sandbox: answers a wire request. Sandbox code checks
 * signatures with its own implementation written from PROTOCOLS.md, never by calling a driver.
 */
export type SandboxHandler = (
  request: WireRequest,
  state: SandboxState,
) => WireResponse | Promise<WireResponse>;

/** What a sandbox remembers between calls: issued waybills by courier order id. */
export type SandboxState = {
  waybills: Map<
    string,
    {
      orderId: string;
      trackingNo: string;
      cancelled: boolean;
      pickedUp: boolean;
      sortingCode: string;
      createdAt: Date;
    }
  >;
  /** Credentials the sandbox accepts, by account key (e.g. SF partnerID -> { checkWord }). */
  accounts: Map<string, Record<string, string>>;
  /** Deterministic sequence for tracking numbers. */
  nextSeq: () => number;
};

export function createSandboxState(accounts: Record<string, Record<string, string>>): SandboxState {
  let seq = 0;
  return { waybills: new Map(), accounts: new Map(Object.entries(accounts)), nextSeq: () => ++seq };
}
