/**
 * The J&T Express China open-platform wire shared by every J&T operation (PROTOCOLS.md §5.1): a
 * form with the single field `bizContent`, the header digest over it, the business digest the
 * order APIs carry inside it, the `{code,msg,data,requestId}` reply, the trace detail that both
 * the trace query and the push carry, and the Asia/Shanghai wall clock J&T writes.
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
import { jtBusinessDigest, jtHeaderDigest } from "@/server/couriers/signing/schemes";
import { jtError } from "./jt-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The API paths this driver calls, below `${baseUrl}` = `…/webopenplatformapi/api`. */
export const JT_PATH = {
  addOrder: "order/addOrder",
  cancelOrder: "order/cancelOrder",
  trace: "logistics/trace",
  subscribe: "trace/subscribe",
} as const;

export type JtPath = (typeof JT_PATH)[keyof typeof JT_PATH];

/** The credential keys of a J&T account (CourierAccountConfig.credentials). */
export type JtCredentials = {
  apiAccount: string;
  privateKey: string;
  customerCode?: string;
  password?: string;
};

function missing(what: string): CourierError {
  return new CourierError(
    "AUTH",
    "MISSING_CREDENTIALS",
    `this J&T account has no ${what}: complete the account settings`,
  );
}

/** Reads the J&T credentials, refusing to sign anything without an API account and key. */
export function jtCredentials(account: CourierAccountConfig): JtCredentials {
  const { apiAccount, privateKey, customerCode, password } = account.credentials;
  if (!apiAccount || !privateKey) throw missing("API account (apiAccount) or private key");
  return {
    apiAccount,
    privateKey,
    customerCode: customerCode || undefined,
    password: password || undefined,
  };
}

/**
 * The business authentication every order API carries inside bizContent: `customerCode` and
 * `digest = Base64(MD5_raw(customerCode + UPPER(HEX(MD5(password + "jadada236t2"))) + privateKey))`.
 */
export function jtOrderAuth(account: CourierAccountConfig): {
  customerCode: string;
  digest: string;
} {
  const { privateKey, customerCode, password } = jtCredentials(account);
  if (!customerCode || !password) throw missing("customer code (客户编码) or password");
  return { customerCode, digest: jtBusinessDigest({ customerCode, password, privateKey }) };
}

/** `${baseUrl}/${path}`, keeping a query such as the UAT `?uuid=…` after the path. */
function jtUrl(baseUrl: string, path: JtPath): string {
  const at = baseUrl.indexOf("?");
  const base = at < 0 ? baseUrl : baseUrl.slice(0, at);
  const query = at < 0 ? "" : baseUrl.slice(at);
  return `${base.replace(/\/+$/, "")}/${path}${query}`;
}

/**
 * The signed J&T form request. bizContent is serialised once; the header digest is taken over
 * that string and the form encoder gets it raw (PROTOCOLS.md §0 traps 4 and 5).
 */
export function jtRequest(
  path: JtPath,
  payload: unknown,
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const { apiAccount, privateKey } = jtCredentials(account);
  const bizContent = JSON.stringify(payload);
  return {
    method: "POST",
    url: jtUrl(account.baseUrl, path),
    headers: {
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
      apiAccount,
      digest: jtHeaderDigest({ bizContent, privateKey }),
      // Milliseconds (§11): seconds are refused as an illegal timestamp.
      timestamp: String(ctx.now.getTime()),
    },
    body: formUrlEncode([["bizContent", bizContent]]),
  };
}

// `code` is the string "1" on success (§11); some gateways serialise it as a number.
const envelopeSchema = z.object({
  code: z.union([z.string(), z.number()]),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
  requestId: z.string().nullish(),
});

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function jtMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "J&T sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Unwraps the reply and returns `data` validated by `schema`, or throws the mapped error. */
export function jtParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  const body = readJson(response.body);
  const envelope = body.ok ? envelopeSchema.safeParse(body.value) : undefined;
  if (!envelope?.success) {
    if (response.status === 429) {
      throw new CourierError(
        "RATE_LIMITED",
        "HTTP_429",
        "J&T is limiting our request rate: wait a moment and try again",
      );
    }
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `J&T answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw jtMalformed(response.body);
  }
  const { code, msg, data } = envelope.data;
  if (String(code) !== "1") throw jtError(String(code), msg ?? undefined);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw jtMalformed(`unexpected data: ${JSON.stringify(data)}`);
  return parsed.data;
}

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai, the format of every J&T time field. */
export const jtLocalTime = shanghaiLocalTime;

/** J&T's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const jtTimeToIso = shanghaiTimeToIso;

/** One scan of a waybill, as in the push (§5.1); maxbetas reads `description` for `desc`. */
const detailSchema = z.looseObject({
  scanTime: z.string(),
  desc: z.string().nullish(),
  description: z.string().nullish(),
  scanType: z.string().nullish(),
  scanTypeName: z.string().nullish(),
  scanTypeCode: z.union([z.string(), z.number()]).nullish(),
  scanNetworkName: z.string().nullish(),
  scanNetworkCity: z.string().nullish(),
});

/** A waybill with its scans: an item of the trace reply and of the push's bizContent array. */
export const jtTraceSchema = z.looseObject({
  billCode: z.string().min(1),
  txlogisticId: z.string().nullish(),
  details: z.array(detailSchema).nullish(),
});
export type JtTrace = z.infer<typeof jtTraceSchema>;

/**
 * The scans of one waybill as RawTrackEvents, oldest first, or the text of the first scan whose
 * time cannot be read. `code` is the scanType text (快件揽收, 发件扫描, …), the one field §5.1
 * documents for every scan.
 */
export function jtTraceEvents(trace: JtTrace): RawTrackEvent[] | { badTime: string } {
  const events: RawTrackEvent[] = [];
  for (const detail of trace.details ?? []) {
    const time = jtTimeToIso(detail.scanTime);
    if (time === undefined) return { badTime: detail.scanTime };
    events.push({
      trackingNo: trace.billCode,
      time,
      code: detail.scanType || detail.scanTypeName || String(detail.scanTypeCode ?? ""),
      description: detail.desc ?? detail.description ?? "",
      location: detail.scanNetworkCity || detail.scanNetworkName || undefined,
      raw: detail,
    });
  }
  // Stable: scans with equal times keep J&T's order.
  return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
