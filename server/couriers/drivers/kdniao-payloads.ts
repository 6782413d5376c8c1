/**
 * RequestData bodies for the Kdniao (快递鸟) operations (PROTOCOLS.md §3.4) and the reading of
 * the e-waybill reply. Kept apart from the operations so each file stays readable.
 */
import {
  type CourierAccountConfig,
  CourierError,
  type Party,
  type WaybillOrder,
  type WaybillResult,
} from "@/server/couriers/contract";
import { kdniaoMalformed } from "./kdniao-errors";
import { kdniaoLocalTime, stringField } from "./kdniao-wire";

/**
 * Kdniao is an aggregator: every call names the courier that really carries the parcel by its
 * Kdniao code (ShipperCode: "SF", "ZTO", "YTO", "YD", "STO", "JD", "EMS", …). Our contract has
 * that code only on WaybillOrder.productCode, so the other inputs accept it as an optional extra.
 */
export type KdniaoTarget = { productCode?: string };

/**
 * The courier's Kdniao code: the input's `productCode`, else the account's `ShipperCode`
 * credential (for accounts that only ever ship with one courier).
 */
export function kdniaoShipperCode(input: KdniaoTarget, account: CourierAccountConfig): string {
  const code = input.productCode?.trim() || account.credentials.ShipperCode?.trim();
  if (!code) {
    throw new CourierError(
      "INVALID",
      "NO_SHIPPER_CODE",
      "choose the courier for this parcel: Kdniao needs the courier's Kdniao code (e.g. SF, ZTO, YTO) as the product code",
    );
  }
  return code;
}

const COURIER_ACCOUNT_KEYS = ["CustomerName", "CustomerPwd", "SendSite", "MonthCode"] as const;
type CourierAccountKey = (typeof COURIER_ACCOUNT_KEYS)[number];

/**
 * The courier's own e-waybill account (电子面单账号) as Kdniao forwards it: optional credentials
 * `CustomerName`, `CustomerPwd`, `SendSite`, `MonthCode`, each overridable per courier as
 * e.g. `CustomerName.ZTO`, because one Kdniao account usually ships with several couriers.
 */
export function kdniaoCourierAccount(
  account: CourierAccountConfig,
  shipperCode: string,
  keys: readonly CourierAccountKey[] = COURIER_ACCOUNT_KEYS,
): Partial<Record<CourierAccountKey, string>> {
  const out: Partial<Record<CourierAccountKey, string>> = {};
  for (const key of keys) {
    const value = account.credentials[`${key}.${shipperCode}`] || account.credentials[key];
    if (value) out[key] = value;
  }
  return out;
}

function party(p: Party): Record<string, string> {
  return {
    ...(p.company ? { Company: p.company } : {}),
    Name: p.name,
    Mobile: p.mobile,
    ProvinceName: p.province,
    CityName: p.city,
    ExpAreaName: p.district,
    Address: p.address,
  };
}

const fenToYuan = (fen: number): number => Math.round(fen) / 100;

/** 1007 e-waybill RequestData (PROTOCOLS.md §3.4; IsNotice/StartDate/EndDate per kdn_sdk). */
export function kdniaoWaybillPayload(
  order: WaybillOrder,
  shipperCode: string,
  account: CourierAccountConfig,
): Record<string, unknown> {
  const courierAccount = kdniaoCourierAccount(account, shipperCode);
  const { lengthMm, widthMm, heightMm } = order;
  const volumeM3 =
    lengthMm && widthMm && heightMm ? (lengthMm * widthMm * heightMm) / 1e9 : undefined;
  return {
    OrderCode: order.orderId,
    ShipperCode: shipperCode,
    ...courierAccount,
    // 3 = 月结 (monthly account) when the courier account has one, else 1 = 现付 (paid at pickup).
    PayType: courierAccount.MonthCode ? 3 : 1,
    ExpType: 1,
    // 0 asks the courier to come and collect; 1 (Kdniao's default) does not.
    IsNotice: order.pickup ? 0 : 1,
    ...(order.pickup
      ? {
          StartDate: kdniaoLocalTime(order.pickup.start),
          EndDate: kdniaoLocalTime(order.pickup.end),
        }
      : {}),
    Sender: party(order.sender),
    Receiver: party(order.recipient),
    Commodity: order.goods.map((g) => ({
      GoodsName: g.name,
      Goodsquantity: g.quantity,
      ...(g.unitValueFen === undefined ? {} : { GoodsPrice: fenToYuan(g.unitValueFen) }),
    })),
    Weight: order.weightG / 1000,
    Quantity: 1,
    ...(volumeM3 === undefined ? {} : { Volume: volumeM3 }),
    ...(order.remark ? { Remark: order.remark } : {}),
    IsReturnPrintTemplate: 0,
  };
}

/**
 * The 1007 reply's `Order` as our waybill: MarkDestination (大头笔) is the sorting code printed
 * large, PackageName the 集包地. Every other non-empty string the reply carries goes to labelData.
 */
export function kdniaoWaybillResult(body: Record<string, unknown>): WaybillResult {
  const order = body.Order;
  if (typeof order !== "object" || order === null || Array.isArray(order)) {
    throw kdniaoMalformed(`e-waybill reply without Order: ${JSON.stringify(body)}`);
  }
  const fields = order as Record<string, unknown>;
  const trackingNo = stringField(fields, "LogisticCode");
  if (!trackingNo) throw kdniaoMalformed(`Order without LogisticCode: ${JSON.stringify(order)}`);
  const labelData: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const value = stringField(fields, key);
    if (value !== undefined) labelData[key] = value;
  }
  for (const key of ["PrintTemplate", "UniquerRequestNumber"]) {
    const value = stringField(body, key);
    if (value !== undefined) labelData[key] = value;
  }
  const sortingCode = stringField(fields, "MarkDestination");
  const packageCenter = stringField(fields, "PackageName");
  const originCode = stringField(fields, "OriginCode");
  // Kdniao's e-waybill documentation spells this field "DestinatioCode"; both spellings are read.
  const destCode = stringField(fields, "DestinatioCode") ?? stringField(fields, "DestinationCode");
  return {
    trackingNo,
    ...(sortingCode ? { sortingCode } : {}),
    ...(packageCenter ? { packageCenter } : {}),
    ...(originCode ? { originCode } : {}),
    ...(destCode ? { destCode } : {}),
    labelData,
  };
}
