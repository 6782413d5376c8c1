/**
 * What goes on one e-waybill label, as plain data: the label components render a LabelView and
 * nothing else, so the same view prints from the browser, the print-sheet route and the bench.
 * Pure: no database, no clock (the print time is passed in).
 */
import type { LabelTemplate } from "@/db/schema/waybills";
import { courierCatalog, findCourier, type CatalogCourier } from "@/server/couriers/catalog";
import { maskMobile, maskName } from "@/server/orders/rules";

export type { LabelTemplate };

export type LabelParty = { name: string; mobile: string; address: string; company?: string };

/** A small captioned field beside the big codes (SF 进港映射码, ZTO 网点, Yunda 格口, …). */
export type LabelExtra = { caption: string; value: string };

export type LabelView = {
  parcelId: number;
  waybillId: number;
  template: LabelTemplate;
  courier: {
    code: string;
    nameZh: string;
    nameEn: string;
    /**
     * The catalog's drawn mark (components/couriers/courier-logo.tsx). There are no logo image
     * files: labels print the mark in black, like the courier's own thermal labels.
     */
    mark: string;
    color: string;
  };
  /** The aggregator the waybill came through (Kdniao, Kuaidi100, Cainiao), if any. */
  via: string | null;
  trackingNo: string;
  /** 大头笔 / 三段码, printed largest. */
  sortingCode: string | null;
  /** 集包地. */
  packageCenter: string | null;
  /** The courier's product, e.g. SF 标快 / 特快. */
  product: string | null;
  /** SF's route QR payload, or a second barcode where the courier's layout has one. */
  secondary: { kind: "qr" | "code128"; value: string } | null;
  extras: LabelExtra[];
  recipient: LabelParty;
  sender: LabelParty;
  goods: { summary: string; count: number };
  weightG: number | null;
  remark: string | null;
  orderNos: string[];
  /** "2026-11-24 18:03" in Asia/Shanghai. */
  printedAt: string;
  privacy: boolean;
};

export type LabelSource = {
  template: LabelTemplate;
  waybill: {
    id: number;
    /** The courier that carries the parcel (catalog code). */
    courier: string;
    /** The account's courier: the driver (or aggregator) whose reply filled labelData. */
    driver: string;
    trackingNo: string;
    sortingCode: string | null;
    packageCenter: string | null;
    labelData: Record<string, string>;
  };
  parcel: {
    id: number;
    recipientName: string;
    recipientMobile: string;
    recipientMobileExt: string | null;
    regionText: string;
    addressDetail: string;
    weightG: number | null;
    items: { name: string; quantity: number }[];
    remarks: string[];
    orderNos: string[];
  };
  sender: { name: string; mobile: string; regionText: string; address: string; company?: string };
  printedAt: Date;
  privacy: boolean;
};

type CourierLayout = {
  secondary?: (d: Record<string, string>) => LabelView["secondary"];
  product?: (d: Record<string, string>) => string | undefined;
  /** label_data key → caption, in print order; missing or empty values are skipped. */
  extras?: [key: string, caption: string][];
};

/**
 * Per driver: which label_data keys (as each driver or profile returns them in
 * WaybillResult.labelData) print where. Keys already promoted to sortingCode / packageCenter by
 * the driver are not repeated.
 */
const layouts: Record<string, CourierLayout> = {
  // routeLabelData: twoDimensionCode is the QR on every SF label; proCode the product box.
  sf: {
    secondary: (d) => (d.twoDimensionCode ? { kind: "qr", value: d.twoDimensionCode } : null),
    product: (d) => d.proCode,
    extras: [
      ["codingMapping", "进港映射码"],
      ["sourceTransferCode", "始发中转"],
    ],
  },
  zto: { extras: [["siteName", "网点"]] },
  yto: {},
  jt: {},
  // markDestinationName is the 大头笔 when present; routeCode is then the 路由 printed small.
  ems: { extras: [["routeCode", "路由"]] },
  sto: {
    extras: [
      ["newBlockCode", "三段码"],
      ["safeNo", "安全号"],
    ],
  },
  cainiao: {
    extras: [
      ["routeCode", "路由码"],
      ["consolidationCode", "集包编码"],
    ],
  },
  kdniao: {
    extras: [
      ["SortingCode", "分拣码"],
      ["PackageCode", "集包编码"],
    ],
    secondary: (d) => (d.QRCode ? { kind: "qr", value: d.QRCode } : null),
  },
  kuaidi100: {
    extras: [
      ["destSortingCode", "分拣码"],
      ["pkgCode", "集包编码"],
    ],
  },
  yunda: { extras: [["positionNo", "格口"]] },
  deppon: {},
};

/** Where each aggregator's reply names the carrier, in its own codes (catalog aggregatorCodes). */
const carrierKeys: Record<
  string,
  { keys: string[]; scheme: keyof CatalogCourier["aggregatorCodes"] }
> = {
  kdniao: { keys: ["ShipperCode"], scheme: "kdniao" },
  kuaidi100: { keys: ["kuaidicom", "com"], scheme: "kuaidi100" },
  cainiao: { keys: ["cpCode"], scheme: "cainiao" },
};

/**
 * The courier that carries the parcel. Issuance stores the account's courier, which for an
 * aggregator account is the aggregator: the label must still show the carrier's brand, so read
 * it from the reply where the aggregator names it.
 */
export function carrierOf(courier: string, driver: string, labelData: Record<string, string>) {
  const agg = carrierKeys[driver];
  const code = agg?.keys.map((k) => labelData[k]?.trim()).find(Boolean);
  if (agg && code) {
    const hit = courierCatalog.find(
      (c) => c.aggregatorCodes[agg.scheme]?.toLowerCase() === code.toLowerCase(),
    );
    if (hit) return hit;
  }
  return findCourier(courier) ?? findCourier(driver);
}

/** China has had no daylight saving since 1991: a fixed +08:00 offset is exact. */
export function shanghaiMinute(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

const SUMMARY_MAX = 60;

/** "意式拼配豆 500g×2，马克杯×1", cut at a length that fits two label lines. */
export function goodsSummary(items: readonly { name: string; quantity: number }[]) {
  const count = items.reduce((s, i) => s + i.quantity, 0);
  const text = items.map((i) => `${i.name}×${i.quantity}`).join("，");
  const chars = [...text];
  const summary =
    chars.length > SUMMARY_MAX ? `${chars.slice(0, SUMMARY_MAX - 1).join("")}…` : text;
  return { summary, count };
}

/** "上海市 上海市 崇明区" → "上海市崇明区": municipalities repeat as their own city. */
export function regionLine(regionText: string): string {
  return regionText
    .split(/\s+/)
    .filter((part, i, all) => part && part !== all[i - 1])
    .join("");
}

function mobileOf(mobile: string, ext: string | null, privacy: boolean) {
  const shown = privacy ? maskMobile(mobile) : mobile;
  return ext ? `${shown}-${ext}` : shown;
}

export function labelView(src: LabelSource): LabelView {
  const { waybill: w, parcel: p } = src;
  const layout = layouts[w.driver] ?? {};
  const d = w.labelData;
  const carrier = carrierOf(w.courier, w.driver, d);
  const driver = findCourier(w.driver);
  const extras = (layout.extras ?? []).flatMap(([key, caption]) => {
    const value = d[key]?.trim();
    return value && value !== w.sortingCode && value !== w.packageCenter
      ? [{ caption, value }]
      : [];
  });
  const remark = p.remarks
    .map((r) => r.trim())
    .filter(Boolean)
    .join("；");
  return {
    parcelId: p.id,
    waybillId: w.id,
    template: src.template,
    courier: {
      code: carrier?.code ?? w.courier,
      nameZh: carrier?.nameZh ?? w.courier,
      nameEn: carrier?.nameEn ?? w.courier,
      mark: carrier?.mark ?? w.courier.slice(0, 2).toUpperCase(),
      color: carrier?.color ?? "#000000",
    },
    via: driver?.kind === "aggregator" && driver.code !== carrier?.code ? driver.nameZh : null,
    trackingNo: w.trackingNo,
    sortingCode: w.sortingCode || null,
    packageCenter: w.packageCenter || null,
    product: layout.product?.(d) || null,
    secondary: layout.secondary?.(d) ?? null,
    extras,
    recipient: {
      name: src.privacy ? maskName(p.recipientName) : p.recipientName,
      mobile: mobileOf(p.recipientMobile, p.recipientMobileExt, src.privacy),
      // The courier delivers to the address: it is never masked on the label.
      address: `${regionLine(p.regionText)}${p.addressDetail}`,
    },
    sender: {
      name: src.sender.name,
      mobile: src.sender.mobile,
      address: `${regionLine(src.sender.regionText)}${src.sender.address}`,
      ...(src.sender.company ? { company: src.sender.company } : {}),
    },
    goods: goodsSummary(p.items),
    weightG: p.weightG,
    remark: remark || null,
    orderNos: p.orderNos,
    printedAt: shanghaiMinute(src.printedAt),
    privacy: src.privacy,
  };
}
