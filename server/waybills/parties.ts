/**
 * Pure mapping from our parcel and warehouse to what a courier needs for an e-waybill: sender and
 * recipient with province / city / district names (couriers want names, we store GB/T 2260 codes),
 * a goods summary, weight and box size, and the courier order id.
 */
import type { Party, WaybillOrder } from "@/server/couriers/contract";
import { isDirectCountyGroup, regionPath } from "@/server/regions/data";

export type IssuingParcel = {
  id: number;
  recipientName: string;
  recipientMobile: string;
  recipientMobileExt: string | null;
  provinceCode: string;
  cityCode: string;
  countyCode: string | null;
  addressDetail: string;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
};

export type IssuingWarehouse = {
  name: string;
  contactName: string;
  contactMobile: string;
  provinceCode: string;
  cityCode: string;
  countyCode: string | null;
  address: string;
};

export type IssuingLine = {
  name: string;
  quantity: number;
  unitPriceFen: number;
  weightG: number | null;
};

/** Couriers cap the goods description; a label has room for a few lines, not a whole order. */
const MAX_GOODS_LINES = 5;
const MAX_GOODS_NAME = 60;
/** What a packed parcel without any known weight is declared at (couriers require a weight). */
const FALLBACK_WEIGHT_G = 500;

/**
 * Province, city and district names of a region code. Municipalities already have a city of the
 * same name (北京市 › 北京市 › 朝阳区). For counties the province administers directly (湖北省 ›
 * 省直辖县级行政区划 › 仙桃市) couriers expect the county as the city, as it is on every address.
 * Cities without counties (东莞市, 中山市) have no district. Unknown codes give empty names, which
 * the courier refuses as an incomplete address: a clear per-parcel error instead of a guess.
 */
export function regionNames(code: string): { province: string; city: string; district: string } {
  const path = regionPath(code);
  if (!path) return { province: "", city: "", district: "" };
  const county = path.county?.name ?? "";
  if (!path.city) return { province: path.province.name, city: path.province.name, district: "" };
  const city = isDirectCountyGroup(path.city) ? county || path.city.name : path.city.name;
  return { province: path.province.name, city, district: county };
}

/**
 * The courier order id of a parcel's waybill. It is our parcel id, so a retried or crashed create
 * finds the first waybill at the courier. After a cancelled waybill the parcel needs a fresh id:
 * couriers never reuse an order id, even a cancelled one ("P12", then "P12R1", "P12R2").
 */
export function courierOrderId(parcelId: number, cancelledBefore: number): string {
  return cancelledBefore === 0 ? `P${parcelId}` : `P${parcelId}R${cancelledBefore}`;
}

export function senderParty(w: IssuingWarehouse): Party {
  return {
    name: w.contactName,
    mobile: w.contactMobile,
    company: w.name,
    ...regionNames(w.countyCode ?? w.cityCode),
    address: w.address,
    regionCode: w.countyCode ?? w.cityCode,
  };
}

export function recipientParty(p: IssuingParcel): Party {
  return {
    name: p.recipientName,
    // Platform privacy numbers carry an extension; couriers print and dial "138…-1234".
    mobile: p.recipientMobileExt
      ? `${p.recipientMobile}-${p.recipientMobileExt}`
      : p.recipientMobile,
    ...regionNames(p.countyCode ?? p.cityCode),
    address: p.addressDetail,
    regionCode: p.countyCode ?? p.cityCode,
  };
}

/** Lines of the same product merged, largest first; the rest summed into one "…等" line. */
export function goodsSummary(lines: readonly IssuingLine[]): WaybillOrder["goods"] {
  const byName = new Map<string, { quantity: number; valueFen: number }>();
  for (const l of lines) {
    const name = l.name.trim().slice(0, MAX_GOODS_NAME) || "商品";
    const g = byName.get(name) ?? { quantity: 0, valueFen: 0 };
    g.quantity += l.quantity;
    g.valueFen += l.unitPriceFen * l.quantity;
    byName.set(name, g);
  }
  const merged = [...byName]
    .map(([name, g]) => ({
      name,
      quantity: g.quantity,
      unitValueFen: g.quantity > 0 ? Math.round(g.valueFen / g.quantity) : 0,
    }))
    .sort((a, b) => b.quantity - a.quantity);
  if (merged.length <= MAX_GOODS_LINES) return merged;
  const kept = merged.slice(0, MAX_GOODS_LINES - 1);
  const rest = merged.slice(MAX_GOODS_LINES - 1);
  const quantity = rest.reduce((s, g) => s + g.quantity, 0);
  const value = rest.reduce((s, g) => s + g.unitValueFen * g.quantity, 0);
  return [
    ...kept,
    {
      name: `${rest[0]!.name}等${rest.length}种`,
      quantity,
      unitValueFen: Math.round(value / quantity),
    },
  ];
}

/** Weighed at packing; else the catalogue weights of the lines; else a declared minimum. */
export function parcelWeightG(p: IssuingParcel, lines: readonly IssuingLine[]): number {
  if (p.weightG && p.weightG > 0) return p.weightG;
  if (lines.length > 0 && lines.every((l) => l.weightG !== null)) {
    const sum = lines.reduce((s, l) => s + (l.weightG ?? 0) * l.quantity, 0);
    if (sum > 0) return sum;
  }
  return FALLBACK_WEIGHT_G;
}

export function toWaybillOrder(
  parcel: IssuingParcel,
  warehouse: IssuingWarehouse,
  lines: readonly IssuingLine[],
  cancelledBefore: number,
): WaybillOrder {
  return {
    orderId: courierOrderId(parcel.id, cancelledBefore),
    sender: senderParty(warehouse),
    recipient: recipientParty(parcel),
    weightG: parcelWeightG(parcel, lines),
    ...(parcel.lengthMm ? { lengthMm: parcel.lengthMm } : {}),
    ...(parcel.widthMm ? { widthMm: parcel.widthMm } : {}),
    ...(parcel.heightMm ? { heightMm: parcel.heightMm } : {}),
    goods: goodsSummary(lines),
  };
}
