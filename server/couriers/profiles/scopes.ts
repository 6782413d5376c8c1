/**
 * What profile placeholders can read, per place in the profile, and the values the engine
 * provides for them. Shapes and values live side by side so the schema never accepts a
 * placeholder the engine cannot fill.
 */
import type {
  CallContext,
  CancelInput,
  Party,
  SubscribeInput,
  TrackQuery,
  WaybillOrder,
} from "@/server/couriers/contract";
import type { Scope, Shape, ValueType } from "./template";

const leaf = (type: ValueType): Shape => ({ kind: "leaf", type });
const object = (fields: Record<string, Shape>): Shape => ({ kind: "object", fields });
const S = leaf("string");
const N = leaf("number");
const D = leaf("date");

const PARTY = object({
  name: S,
  mobile: S,
  company: S,
  province: S,
  city: S,
  district: S,
  address: S,
  regionCode: S,
});

const GOODS_ITEM = object({ name: S, quantity: N, unitValueFen: N, unitValueYuan: N });

/** `order.*` on createWaybill: WaybillOrder plus the unit conversions couriers ask for. */
const ORDER = object({
  orderId: S,
  sender: PARTY,
  recipient: PARTY,
  weightG: N,
  weightKg: N,
  lengthMm: N,
  widthMm: N,
  heightMm: N,
  volumeM3: N,
  goods: { kind: "list", item: GOODS_ITEM },
  goodsName: S,
  goodsQuantity: N,
  declaredValueFen: N,
  declaredValueYuan: N,
  productCode: S,
  remark: S,
  pickup: object({ start: D, end: D }),
});

const CTX = object({ now: D, timestampMs: N, timestampS: N, requestId: S });

export const OPERATION_NAMES = [
  "createWaybill",
  "cancelWaybill",
  "queryTrack",
  "subscribe",
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** The input of each operation under its placeholder root (`order` or `input`). */
const OPERATION_INPUT: Record<OperationName, { root: "order" | "input"; shape: Shape }> = {
  createWaybill: { root: "order", shape: ORDER },
  cancelWaybill: { root: "input", shape: object({ orderId: S, trackingNo: S, productCode: S }) },
  queryTrack: {
    root: "input",
    shape: object({ trackingNo: S, orderId: S, phoneLast4: S, productCode: S }),
  },
  subscribe: {
    root: "input",
    shape: object({ trackingNo: S, callbackUrl: S, phoneLast4: S, productCode: S }),
  },
};

function credentialShape(keys: readonly string[]): Shape {
  return object(Object.fromEntries(keys.map((key) => [key, S])));
}

/**
 * The scope of a template. `operation` adds that operation's input; `payload` adds the serialized
 * body (for envelopes, form fields and signing inputs, which are rendered after the body).
 */
export function requestScope(
  credentialKeys: readonly string[],
  opts: { operation?: OperationName; payload?: boolean },
): Scope {
  const scope: Record<string, Shape> = { credentials: credentialShape(credentialKeys), ctx: CTX };
  if (opts.operation) {
    const { root, shape } = OPERATION_INPUT[opts.operation];
    scope[root] = shape;
  }
  if (opts.payload) scope.payload = S;
  return scope;
}

/** The scope of push verification: the push's form fields, headers and raw body. */
export function pushScope(credentialKeys: readonly string[]): Scope {
  return {
    credentials: credentialShape(credentialKeys),
    push: object({
      form: { kind: "wild", type: "string" },
      header: { kind: "wild", type: "string" },
      json: { kind: "wild", type: "string" },
      body: S,
    }),
  };
}

/** Only credentials: what a push's account match compares against. */
export function credentialScope(credentialKeys: readonly string[]): Scope {
  return { credentials: credentialShape(credentialKeys) };
}

export function ctxValues(ctx: CallContext): Record<string, unknown> {
  const ms = ctx.now.getTime();
  return {
    now: ctx.now,
    timestampMs: ms,
    timestampS: Math.floor(ms / 1000),
    requestId: ctx.requestId,
  };
}

const partyValues = (party: Party): Record<string, unknown> => ({ ...party });

/** Whole-number decimal arithmetic for unit conversions: 800 g is 0.8 kg, never 0.8000000001. */
const divide = (value: number, by: number, digits: number): number =>
  Number((value / by).toFixed(digits));

function orderValues(order: WaybillOrder): Record<string, unknown> {
  const { lengthMm: l, widthMm: w, heightMm: h } = order;
  return {
    ...order,
    sender: partyValues(order.sender),
    recipient: partyValues(order.recipient),
    weightKg: divide(order.weightG, 1000, 3),
    volumeM3:
      l !== undefined && w !== undefined && h !== undefined ? divide(l * w * h, 1e9, 6) : undefined,
    goods: order.goods.map((item) => ({
      ...item,
      unitValueYuan:
        item.unitValueFen === undefined ? undefined : divide(item.unitValueFen, 100, 2),
    })),
    goodsName: order.goods.map((item) => item.name).join(",") || undefined,
    goodsQuantity: order.goods.reduce((sum, item) => sum + item.quantity, 0),
    declaredValueYuan:
      order.declaredValueFen === undefined ? undefined : divide(order.declaredValueFen, 100, 2),
    pickup: order.pickup && { ...order.pickup },
  };
}

export type OperationInputs = {
  createWaybill: WaybillOrder;
  cancelWaybill: CancelInput;
  queryTrack: TrackQuery;
  subscribe: SubscribeInput;
};

/** The operation input under its placeholder root, e.g. `{ order: {...} }`. */
export function inputValues<K extends OperationName>(
  operation: K,
  input: OperationInputs[K],
): Record<string, unknown> {
  const { root } = OPERATION_INPUT[operation];
  const value = operation === "createWaybill" ? orderValues(input as WaybillOrder) : { ...input };
  return { [root]: value };
}
