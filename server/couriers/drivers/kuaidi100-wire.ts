/**
 * The Kuaidi100 (快递100) wire formats shared by the operations (PROTOCOLS.md §2): three signed or
 * unsigned form requests, the poll-style (`result`/`returnCode`) and label-style (`code`/`data`)
 * replies, trajectory lists and the Asia/Shanghai wall-clock format.
 */
import { z } from "zod";
import {
  type CallContext,
  type CourierAccountConfig,
  CourierError,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { formUrlEncode } from "@/server/couriers/signing/primitives";
import { kuaidi100OrderSign, kuaidi100QuerySign } from "@/server/couriers/signing/schemes";
import { kuaidi100Error, kuaidi100Malformed, type Kuaidi100Operation } from "./kuaidi100-errors";
import { shanghaiTimeToIso } from "./shanghai-time";

export type Kuaidi100Endpoint = "query" | "subscribe" | "label";

/** Paths appended to a non-Kuaidi100 base URL (our sandbox); same as production's. */
const PATHS: Record<Kuaidi100Endpoint, string> = {
  query: "/poll/query.do",
  subscribe: "/poll",
  label: "/label/order",
};

/** Production URLs (PROTOCOLS.md §2.1–2.3; nodejs-demo `config/url.js`). */
const PRODUCTION: Record<Kuaidi100Endpoint, string> = {
  query: "https://poll.kuaidi100.com/poll/query.do",
  subscribe: "https://poll.kuaidi100.com/poll",
  label: "https://api.kuaidi100.com/label/order",
};

/**
 * Where an endpoint lives. Production splits across two hosts (poll.kuaidi100.com for query and
 * subscribe, api.kuaidi100.com for labels), which one base URL cannot express, so any
 * `*.kuaidi100.com` base means "the documented production URLs"; any other base gets the path.
 */
export function kuaidi100Url(account: CourierAccountConfig, endpoint: Kuaidi100Endpoint): string {
  const base = account.baseUrl.replace(/\/+$/, "");
  return /^https?:\/\/([a-z0-9-]+\.)*kuaidi100\.com$/i.test(base)
    ? PRODUCTION[endpoint]
    : `${base}${PATHS[endpoint]}`;
}

/** The credential keys of a Kuaidi100 account (CourierAccountConfig.credentials). */
export type Kuaidi100Credentials = { customer: string; key: string; secret: string; salt: string };

/** The named credentials, refusing to go on when one the call needs is missing. */
export function kuaidi100Credentials<K extends keyof Kuaidi100Credentials>(
  account: CourierAccountConfig,
  needed: readonly K[],
): Pick<Kuaidi100Credentials, K> {
  const out: Partial<Kuaidi100Credentials> = {};
  for (const name of needed) {
    const value = account.credentials[name];
    if (!value) {
      throw new CourierError(
        "AUTH",
        "MISSING_CREDENTIALS",
        `this Kuaidi100 account has no ${name}: complete the account settings`,
      );
    }
    out[name] = value;
  }
  return out as Pick<Kuaidi100Credentials, K>;
}

const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded;charset=utf-8" };

/** Real-time query: form `customer`, `sign`, `param`; `param` is signed as sent (§0 trap 4). */
export function kuaidi100QueryRequest(param: string, account: CourierAccountConfig): WireRequest {
  const { customer, key } = kuaidi100Credentials(account, ["customer", "key"]);
  const sign = kuaidi100QuerySign({ param, key, customer });
  return {
    method: "POST",
    url: kuaidi100Url(account, "query"),
    headers: FORM_HEADERS,
    body: formUrlEncode([
      ["customer", customer],
      ["sign", sign],
      ["param", param],
    ]),
  };
}

/** Subscribe: form `schema=json`, `param`; unsigned, the key travels inside `param` (§2.2). */
export function kuaidi100SubscribeRequest(
  param: string,
  account: CourierAccountConfig,
): WireRequest {
  return {
    method: "POST",
    url: kuaidi100Url(account, "subscribe"),
    headers: FORM_HEADERS,
    body: formUrlEncode([
      ["schema", "json"],
      ["param", param],
    ]),
  };
}

/** Label API: form `key`, `method`, `t` (ms), `sign = UPPER(MD5(param+t+key+secret))`, `param`. */
export function kuaidi100LabelRequest(
  method: "order" | "cancel",
  param: string,
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const { key, secret } = kuaidi100Credentials(account, ["key", "secret"]);
  const t = String(ctx.now.getTime());
  return {
    method: "POST",
    url: kuaidi100Url(account, "label"),
    headers: FORM_HEADERS,
    body: formUrlEncode([
      ["key", key],
      ["method", method],
      ["t", t],
      ["sign", kuaidi100OrderSign({ param, t, key, secret })],
      ["param", param],
    ]),
  };
}

/** Reads JSON without throwing; `undefined` means "not JSON". */
export function readJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const codeSchema = z.union([z.string(), z.number()]).transform(String);
const objectSchema = z.record(z.string(), z.unknown());

function readObject(response: WireResponse): Record<string, unknown> {
  const json = readJson(response.body);
  const body = json ? objectSchema.safeParse(json.value) : undefined;
  if (body?.success) return body.data;
  if (response.status !== 200) {
    throw new CourierError(
      "UNAVAILABLE",
      `HTTP_${response.status}`,
      `Kuaidi100 answered HTTP ${response.status}: check the account's base URL or try again later`,
      response.body.slice(0, 300),
    );
  }
  throw kuaidi100Malformed(response.body);
}

const pollSchema = z.object({
  result: z.boolean().optional(),
  returnCode: codeSchema.optional(),
  message: z.string().nullish(),
});

/** A query/subscribe reply: refused when `result` is false or `returnCode` is not "200". */
export type Kuaidi100PollReply = {
  ok: boolean;
  returnCode: string;
  message: string | undefined;
  body: Record<string, unknown>;
};

export function kuaidi100PollReply(response: WireResponse): Kuaidi100PollReply {
  const body = readObject(response);
  const head = pollSchema.safeParse(body);
  if (!head.success) throw kuaidi100Malformed(response.body);
  const { result, returnCode, message } = head.data;
  const ok = result !== false && (returnCode === undefined || returnCode === "200");
  return { ok, returnCode: returnCode ?? "200", message: message ?? undefined, body };
}

const labelSchema = z.object({
  success: z.boolean().optional(),
  code: codeSchema,
  message: z.string().nullish(),
  data: z.unknown(),
});

/** A label-API reply (`{success, code, message, data}`, java-demo labelV2 `Result`): its data. */
export function kuaidi100LabelData(response: WireResponse, operation: Kuaidi100Operation): unknown {
  const head = labelSchema.safeParse(readObject(response));
  if (!head.success) throw kuaidi100Malformed(response.body);
  const { success, code, message, data } = head.data;
  if (code !== "200" || success === false) {
    throw kuaidi100Error(code, message ?? undefined, operation);
  }
  return data;
}

/** Kuaidi100's Asia/Shanghai "yyyy-MM-dd HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const kuaidi100TimeToIso = shanghaiTimeToIso;

const itemSchema = z.object({
  time: z.string(),
  ftime: z.string().nullish(),
  context: z.string(),
  location: z.string().nullish(),
  areaName: z.string().nullish(),
  // Present with resultv2=4: the item's own state (PROTOCOLS.md §2.1 `state` values and sub-codes).
  statusCode: codeSchema.nullish(),
});

/**
 * `data[]` (newest first by default, PROTOCOLS.md §2.1) to raw events, oldest first like every
 * other driver. An item without a statusCode takes the shipment `state` when it is the newest.
 */
export function kuaidi100Events(
  trackingNo: string,
  data: unknown,
  state: string | undefined,
): RawTrackEvent[] {
  const list = z.array(z.unknown()).safeParse(data ?? []);
  if (!list.success) throw kuaidi100Malformed(`data is not a list: ${JSON.stringify(data)}`);
  const events = list.data.map((raw, index): RawTrackEvent => {
    const item = itemSchema.safeParse(raw);
    const time = item.success ? kuaidi100TimeToIso(item.data.ftime || item.data.time) : undefined;
    if (!item.success || time === undefined) {
      throw kuaidi100Malformed(`unreadable trajectory item: ${JSON.stringify(raw)}`);
    }
    const code = item.data.statusCode ?? (index === 0 ? state : undefined) ?? "";
    const location = item.data.areaName || item.data.location || undefined;
    return {
      trackingNo,
      time,
      code,
      description: item.data.context,
      ...(location ? { location } : {}),
      raw,
    };
  });
  return events.reverse();
}

/** A string field of a reply object, or undefined when absent, empty or not a string. */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}
