/**
 * YTO refusals mapped to our CourierError kinds. PROTOCOLS.md §6 documents no YTO error codes, so
 * a refusal is recognised by YTO's Chinese `message`, the one part of it that is stable across
 * YTO's adapters [?]. Messages are for a warehouse user; YTO's text travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

/** The signature text is fixed: support staff search logs for it. */
export const YTO_SIGNATURE_MESSAGE = "signature rejected: check the secret of this YTO account";

/**
 * By YTO's message, first match wins. "签名" comes first because a signature failure can mention
 * anything else; outages and rate limits before the business refusals they may wrap.
 */
const BY_MESSAGE: readonly (readonly [RegExp, CourierErrorKind, string])[] = [
  [/签名|\bsign\b/i, "SIGNATURE", YTO_SIGNATURE_MESSAGE],
  [
    /系统(异常|错误|繁忙)|服务不可用|超时/,
    "UNAVAILABLE",
    "YTO had a system error: try again later",
  ],
  [
    /频繁|限流|超过.*(次数|上限)/,
    "RATE_LIMITED",
    "YTO is limiting our request rate: wait a moment and try again",
  ],
  [
    /权限|未授权|未开通|客户编码|apikey|密钥/i,
    "AUTH",
    "YTO does not accept this API key or customer code for this service: check the account settings",
  ],
  [
    /已揽收|已揽件|已取件|已收件/,
    "ALREADY_PICKED_UP",
    "YTO has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
  ],
  [/已取消|已作废/, "ALREADY_CANCELLED", "this YTO order is already cancelled"],
  [
    /重复|已存在/,
    "DUPLICATE",
    "a YTO order with this order id already exists: use its waybill instead of creating another",
  ],
  [/查询结果为空|不存在|查无|未找到/, "NOT_FOUND", "YTO has no order or waybill with this number"],
  [
    /超区|不在服务范围|不支持|不派送|无法派送/,
    "UNSERVICEABLE",
    "YTO does not serve this address: choose another courier",
  ],
];

/** The CourierError for a `success:false` reply (or an HTTP-level refusal named by `code`). */
export function ytoError(code: string, courierMessage?: string): CourierError {
  const key = code || "UNKNOWN";
  const text = courierMessage ?? "";
  const match = BY_MESSAGE.find(([pattern]) => pattern.test(text));
  if (match) return new CourierError(match[1], key, match[2], courierMessage || undefined);
  // A refusal we do not recognise is about the data sent; resending it unchanged will not help.
  return new CourierError(
    "INVALID",
    key,
    `YTO refused the request (code ${key}): see YTO's message`,
    courierMessage || undefined,
  );
}
