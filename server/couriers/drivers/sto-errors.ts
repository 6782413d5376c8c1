/**
 * STO LINK refusals mapped to our CourierError kinds. STO runs the Cainiao LINK gateway
 * (PROTOCOLS.md §9), whose digest failure is `errorCode` "S02" ("验签或加密失败"); STO's business
 * refusals have no published code table there, so they are recognised by STO's Chinese
 * `errorMsg`, which travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

/** The fixed signature text: support staff search logs for it. */
export const STO_SIGNATURE_MESSAGE = "signature rejected: check the secret key of this STO account";

/**
 * Refusals by STO's message. Order matters: signature and app authorisation failures first, because
 * their texts can mention any other word; pickup and cancellation states before the e-waybill
 * account, whose words ("网点") also appear in them.
 */
const BY_MESSAGE: readonly (readonly [RegExp, CourierErrorKind, string])[] = [
  [/验签|签名|digest|加密失败/i, "SIGNATURE", STO_SIGNATURE_MESSAGE],
  [
    /appkey|资源code|无权限|未授权|未订阅|from_code/i,
    "AUTH",
    "STO refused this app: check the app key and resource code, and that the API is subscribed for the app on the STO open platform",
  ],
  [
    /频繁|限流|流量/,
    "RATE_LIMITED",
    "STO is limiting our request rate: wait a moment and try again",
  ],
  [
    /已揽收|已揽件|已收件|已取件/,
    "ALREADY_PICKED_UP",
    "STO has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
  ],
  [/已取消|已作废|已撤销/, "ALREADY_CANCELLED", "this STO order is already cancelled"],
  [
    /网点编[号码]|网点密码|客户编码|客户密码|sitePwd|siteCode|customerName/i,
    "AUTH",
    "STO refused the e-waybill account: check the site code, customer name and site password with your STO branch",
  ],
  [
    /重复/,
    "DUPLICATE",
    "an STO order with this order id already exists: use its waybill instead of creating another",
  ],
  [/不存在|查无|未找到|无此/, "NOT_FOUND", "STO has no order or waybill with this number"],
  [
    /超区|不在服务范围|不支持|不派送|无法派送|停发/,
    "UNSERVICEABLE",
    "STO does not serve this address: choose another courier",
  ],
  [/系统异常|系统繁忙|服务异常|超时/, "UNAVAILABLE", "STO had an internal error: try again later"],
];

/** The CourierError for a reply with `success` false. */
export function stoError(errorCode: string, errorMsg?: string): CourierError {
  const code = errorCode || "UNKNOWN";
  if (code === "S02") {
    return new CourierError("SIGNATURE", code, STO_SIGNATURE_MESSAGE, errorMsg || undefined);
  }
  const text = errorMsg ?? "";
  const match = BY_MESSAGE.find(([pattern]) => pattern.test(text));
  if (match) return new CourierError(match[1], code, match[2], errorMsg || undefined);
  // A refusal we do not recognise is about the data sent; resending it unchanged will not help.
  return new CourierError(
    "INVALID",
    code,
    `STO refused the request (code ${code}): see STO's message`,
    errorMsg || undefined,
  );
}

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function stoMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "STO sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}
