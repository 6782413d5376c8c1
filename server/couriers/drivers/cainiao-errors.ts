/**
 * Cainiao LINK refusals mapped to our CourierError kinds. PROTOCOLS.md §9 documents the digest
 * failure, `{"success":false,"errorCode":"S02","errorMsg":"验签或加密失败:…"}`; the business
 * refusals of TMS_WAYBILL_* and CNTECH_LV_* have no published code table there, so they are
 * recognised by Cainiao's Chinese `errorMsg`, which travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

/** The fixed signature text: support staff search logs for it. */
export const CAINIAO_SIGNATURE_MESSAGE =
  "signature rejected: check the secret key of this Cainiao account";

/**
 * Refusals by Cainiao's message. Order matters: signature and authorisation failures first,
 * because their texts can mention any other word, and "已取消" before "重复".
 */
const BY_MESSAGE: readonly (readonly [RegExp, CourierErrorKind, string])[] = [
  [/验签|签名|digest|加密失败/i, "SIGNATURE", CAINIAO_SIGNATURE_MESSAGE],
  [
    /logistic_provider_id|appCode|无权限|未授权|未订购|未开通|订购关系/i,
    "AUTH",
    "Cainiao refused this account: check the resource code (logistic_provider_id) and app code, and that the courier's e-waybill service is subscribed for it",
  ],
  [
    /余额不足|单号不足|可用单号/,
    "AUTH",
    "the Cainiao e-waybill balance for this courier is used up: recharge it with the courier's branch",
  ],
  [
    /频繁|限流|流控/,
    "RATE_LIMITED",
    "Cainiao is limiting our request rate: wait a moment and try again",
  ],
  [
    /已揽收|已揽件|已收件|已使用/,
    "ALREADY_PICKED_UP",
    "the courier has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
  ],
  [/已取消|已回收|已作废/, "ALREADY_CANCELLED", "this Cainiao waybill is already cancelled"],
  [
    /重复/,
    "DUPLICATE",
    "a Cainiao waybill for this order already exists: use it instead of creating another",
  ],
  [
    /不存在|查无|未找到|无此/,
    "NOT_FOUND",
    "Cainiao has no waybill with this number for this courier",
  ],
  [
    /不支持|超区|不在服务范围|不可达|无法派送/,
    "UNSERVICEABLE",
    "this courier does not serve the address through Cainiao: choose another courier",
  ],
  [
    /系统异常|系统繁忙|服务异常|超时/,
    "UNAVAILABLE",
    "Cainiao had an internal error: try again later",
  ],
];

/** The CourierError for a reply with `success` false. */
export function cainiaoError(errorCode: string, errorMsg?: string): CourierError {
  const code = errorCode || "UNKNOWN";
  if (code === "S02") {
    return new CourierError("SIGNATURE", code, CAINIAO_SIGNATURE_MESSAGE, errorMsg || undefined);
  }
  const text = errorMsg ?? "";
  const match = BY_MESSAGE.find(([pattern]) => pattern.test(text));
  if (match) return new CourierError(match[1], code, match[2], errorMsg || undefined);
  // A refusal we do not recognise is about the data sent; resending it unchanged will not help.
  return new CourierError(
    "INVALID",
    code,
    `Cainiao refused the request (code ${code}): see Cainiao's message`,
    errorMsg || undefined,
  );
}

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function cainiaoMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "Cainiao sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}
