/**
 * EMS refusals mapped to our CourierError kinds. PROTOCOLS.md §10 documents only the success code
 * (`retCode` "00000", also used by public EMS clients); EMS publishes no error-code table there, so
 * refusals are recognised by EMS's own Chinese `retMsg`, which travels in `courierMessage`.
 */
import { CourierError, type CourierErrorKind } from "@/server/couriers/contract";

/** The fixed signature text: support staff search logs for it. */
export const EMS_SIGNATURE_MESSAGE =
  "EMS could not decrypt our request: check the sign key (签名钥匙) of this EMS account";

/**
 * Refusals by EMS's message. Order matters: decryption and authorisation failures first, because
 * their texts can mention any other word, and "已取消" before generic "取消" wordings.
 */
const BY_MESSAGE: readonly (readonly [RegExp, CourierErrorKind, string])[] = [
  [/解密|签名|验签|密钥|加密/, "SIGNATURE", EMS_SIGNATURE_MESSAGE],
  [
    /授权码|客户号|客户代码|协议客户|无权限|未授权|未开通/,
    "AUTH",
    "EMS refused this account: check the sender number (协议客户号) and authorization code, and that the API is enabled for it on the EMS platform",
  ],
  [
    /频繁|限流|次数超/,
    "RATE_LIMITED",
    "EMS is limiting our request rate: wait a moment and try again",
  ],
  [
    /已揽收|已收寄|已揽件/,
    "ALREADY_PICKED_UP",
    "EMS has already collected this parcel, so the waybill can no longer be cancelled: arrange a return instead",
  ],
  [/已取消|已撤单|已作废/, "ALREADY_CANCELLED", "this EMS order is already cancelled"],
  [
    /重复/,
    "DUPLICATE",
    "an EMS order with this order id already exists: use its waybill instead of creating another",
  ],
  [/不存在|查无|未找到|无此/, "NOT_FOUND", "EMS has no order or waybill with this number"],
  [
    /超范围|不在.{0,6}范围|不支持|无法揽收|不揽收/,
    "UNSERVICEABLE",
    "EMS does not serve this address with this product: choose another product or courier",
  ],
  [/系统异常|系统繁忙|服务异常|超时/, "UNAVAILABLE", "EMS had an internal error: try again later"],
];

/** The CourierError for a reply whose `retCode` is not "00000". */
export function emsError(retCode: string, retMsg?: string): CourierError {
  const code = retCode || "UNKNOWN";
  const text = retMsg ?? "";
  const match = BY_MESSAGE.find(([pattern]) => pattern.test(text));
  if (match) return new CourierError(match[1], code, match[2], retMsg || undefined);
  // A refusal we do not recognise is about the data sent; resending it unchanged will not help.
  return new CourierError(
    "INVALID",
    code,
    `EMS refused the request (code ${code}): see EMS's message`,
    retMsg || undefined,
  );
}

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function emsMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "EMS sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}
