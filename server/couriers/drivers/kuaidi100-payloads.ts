/**
 * `param` bodies for the Kuaidi100 (快递100) label API (PROTOCOLS.md §2.3; field names from
 * java-demo `request/labelV2/OrderReq` and php-demo `ele_cancel.php`) and the reading of the
 * label reply (java-demo `response/labelV2/OrderResult`).
 */
import {
  type CourierAccountConfig,
  CourierError,
  type Party,
  type WaybillOrder,
  type WaybillResult,
} from "@/server/couriers/contract";
import { kuaidi100Malformed } from "./kuaidi100-errors";
import { stringField } from "./kuaidi100-wire";

/**
 * Kuaidi100 is an aggregator: every call names the courier that really carries the parcel by its
 * Kuaidi100 code ("shunfeng", "zhongtong", "yuantong", "yunda", "shentong", "jtexpress", "ems",
 * "jd", …). Our contract has that code only on WaybillOrder.productCode, so the other inputs
 * accept it as an optional extra.
 */
export type Kuaidi100Target = { productCode?: string };

/** The courier's Kuaidi100 code: the input's `productCode`, else the `kuaidicom` credential. */
export function kuaidi100Com(input: Kuaidi100Target, account: CourierAccountConfig): string {
  const code = input.productCode?.trim() || account.credentials.kuaidicom?.trim();
  if (!code) {
    throw new CourierError(
      "INVALID",
      "NO_COURIER_CODE",
      "choose the courier for this parcel: Kuaidi100 needs the courier's Kuaidi100 code (e.g. shunfeng, zhongtong) as the product code",
    );
  }
  // Kuaidi100 codes are lower-case (PROTOCOLS.md §2.1 `com`).
  return code.toLowerCase();
}

const PARTNER_KEYS = [
  "partnerId",
  "partnerKey",
  "partnerSecret",
  "partnerName",
  "net",
  "code",
  "checkMan",
] as const;

/**
 * The courier's own e-waybill account as Kuaidi100 forwards it: optional credentials
 * `partnerId`, `partnerKey`, `partnerSecret`, `partnerName`, `net`, `code`, `checkMan`, each
 * overridable per courier as e.g. `partnerId.zhongtong`.
 */
export function kuaidi100PartnerAccount(
  account: CourierAccountConfig,
  com: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PARTNER_KEYS) {
    const value = account.credentials[`${key}.${com}`] || account.credentials[key];
    if (value) out[key] = value;
  }
  return out;
}

function man(p: Party): Record<string, string> {
  return {
    name: p.name,
    mobile: p.mobile,
    // One line from province down, as in the documented example ("广东深圳市南山区金蝶软件园").
    printAddr: `${p.province}${p.city}${p.district}${p.address}`,
    ...(p.company ? { company: p.company } : {}),
  };
}

/**
 * method=order `param`. payType defaults to "SHIPPER" (寄方付) and expType to "标准快递" as in
 * the documented example; credentials `payType`, `expType` and `tempId` override them.
 */
export function kuaidi100OrderParam(
  order: WaybillOrder,
  com: string,
  account: CourierAccountConfig,
): Record<string, unknown> {
  const { credentials } = account;
  const cargo = order.goods.map((g) => g.name).join("，") || "商品";
  return {
    kuaidicom: com,
    orderId: order.orderId,
    ...kuaidi100PartnerAccount(account, com),
    recMan: man(order.recipient),
    sendMan: man(order.sender),
    cargo,
    count: 1,
    weight: order.weightG / 1000,
    payType: credentials.payType || "SHIPPER",
    expType: credentials.expType || "标准快递",
    ...(order.declaredValueFen ? { valinsPay: Math.round(order.declaredValueFen) / 100 } : {}),
    ...(order.remark ? { remark: order.remark } : {}),
    ...(order.pickup
      ? { startGotTime: order.pickup.start.getTime(), endGotTime: order.pickup.end.getTime() }
      : {}),
    ...(credentials.tempId ? { tempId: credentials.tempId } : {}),
    // NON = order only, no print job: labels are printed by us from the returned label data.
    printType: "NON",
  };
}

/**
 * The label reply's `data` as our waybill: bulkpen (大头笔) is the sorting code printed large,
 * pkgName the 集包地. Every non-empty string (taskId, kdComOrderNum, …) goes to labelData; keep
 * kdComOrderNum, a cancel needs it back as `courierOrderId`.
 */
export function kuaidi100WaybillResult(data: unknown): WaybillResult {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw kuaidi100Malformed(`label reply without data: ${JSON.stringify(data)}`);
  }
  const fields = data as Record<string, unknown>;
  const trackingNo = stringField(fields, "kuaidinum");
  if (!trackingNo)
    throw kuaidi100Malformed(`label data without kuaidinum: ${JSON.stringify(data)}`);
  const labelData: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const value = stringField(fields, key);
    if (value !== undefined) labelData[key] = value;
  }
  const sortingCode = stringField(fields, "bulkpen");
  const packageCenter = stringField(fields, "pkgName");
  const originCode = stringField(fields, "orgCode");
  const destCode = stringField(fields, "destCode");
  return {
    trackingNo,
    ...(sortingCode ? { sortingCode } : {}),
    ...(packageCenter ? { packageCenter } : {}),
    ...(originCode ? { originCode } : {}),
    ...(destCode ? { destCode } : {}),
    labelData,
  };
}
