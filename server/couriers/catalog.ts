/**
 * The courier catalog: every courier the console knows, with the codes each aggregator uses for
 * it. A courier with a direct driver is reached through its own API; any other is reached through
 * an aggregator account (Kdniao, Kuaidi100, Cainiao) under the aggregator's code for it.
 * Aggregator codes follow the aggregators' published company-code lists (Kdniao 快递公司编码,
 * Kuaidi100 `com` codes); Cainiao codes are its `cpCode`s. `driver` is set only where the console
 * speaks the courier's own API: a hand-written driver or a built-in profile.
 */
export type LabelSize = "76x130" | "100x150" | "100x180";

export type CatalogCourier = {
  code: string;
  kind: "courier" | "aggregator";
  nameZh: string;
  nameEn: string;
  /** Brand colour for the logo mark; labels print in black. */
  color: string;
  /** Short mark printed on labels and shown as the logo (2–3 characters). */
  mark: string;
  /** The built-in driver that speaks this courier's own API, when there is one. */
  driver?: string;
  aggregatorCodes: { kdniao?: string; kuaidi100?: string; cainiao?: string };
  defaultLabelSize: LabelSize;
  /** cm³ per kg for volumetric weight (L×W×H / divisor). */
  volumetricDivisor: number;
};

const c = (x: CatalogCourier) => x;

export const courierCatalog: readonly CatalogCourier[] = [
  c({
    code: "sf",
    kind: "courier",
    nameZh: "顺丰速运",
    nameEn: "SF Express",
    color: "#1f1f1f",
    mark: "顺丰",
    driver: "sf",
    aggregatorCodes: { kdniao: "SF", kuaidi100: "shunfeng", cainiao: "SF" },
    defaultLabelSize: "100x150",
    volumetricDivisor: 12000,
  }),
  c({
    code: "zto",
    kind: "courier",
    nameZh: "中通快递",
    nameEn: "ZTO Express",
    color: "#1e4fa3",
    mark: "中通",
    driver: "zto",
    aggregatorCodes: { kdniao: "ZTO", kuaidi100: "zhongtong", cainiao: "ZTO" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "yto",
    kind: "courier",
    nameZh: "圆通速递",
    nameEn: "YTO Express",
    driver: "yto",
    color: "#5b2c83",
    mark: "圆通",
    aggregatorCodes: { kdniao: "YTO", kuaidi100: "yuantong", cainiao: "YTO" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "yunda",
    kind: "courier",
    nameZh: "韵达快递",
    nameEn: "Yunda Express",
    driver: "yunda",
    color: "#f2b600",
    mark: "韵达",
    aggregatorCodes: { kdniao: "YD", kuaidi100: "yunda", cainiao: "YUNDA" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "sto",
    kind: "courier",
    nameZh: "申通快递",
    nameEn: "STO Express",
    driver: "sto",
    color: "#f28c00",
    mark: "申通",
    aggregatorCodes: { kdniao: "STO", kuaidi100: "shentong", cainiao: "STO" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "jt",
    kind: "courier",
    nameZh: "极兔速递",
    nameEn: "J&T Express",
    color: "#d71920",
    mark: "极兔",
    driver: "jt",
    aggregatorCodes: { kdniao: "JTSD", kuaidi100: "jtexpress", cainiao: "JTSD" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "ems",
    kind: "courier",
    nameZh: "EMS",
    nameEn: "EMS",
    driver: "ems",
    color: "#006b3f",
    mark: "EMS",
    aggregatorCodes: { kdniao: "EMS", kuaidi100: "ems", cainiao: "EMS" },
    defaultLabelSize: "100x150",
    volumetricDivisor: 6000,
  }),
  c({
    code: "deppon",
    kind: "courier",
    nameZh: "德邦快递",
    nameEn: "Deppon Express",
    driver: "deppon",
    color: "#1a56a6",
    mark: "德邦",
    aggregatorCodes: { kdniao: "DBL", kuaidi100: "debangkuaidi", cainiao: "DBKD" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "jd",
    kind: "courier",
    nameZh: "京东物流",
    nameEn: "JD Logistics",
    color: "#e1251b",
    mark: "京东",
    aggregatorCodes: { kdniao: "JD", kuaidi100: "jd", cainiao: "JD" },
    defaultLabelSize: "100x150",
    volumetricDivisor: 8000,
  }),
  c({
    code: "chinapost",
    kind: "courier",
    nameZh: "邮政快递包裹",
    nameEn: "China Post parcels",
    color: "#00804a",
    mark: "邮政",
    aggregatorCodes: { kdniao: "YZPY", kuaidi100: "youzhengguonei", cainiao: "POSTB" },
    defaultLabelSize: "100x150",
    volumetricDivisor: 6000,
  }),
  c({
    code: "best",
    kind: "courier",
    nameZh: "百世快递",
    nameEn: "Best Express",
    color: "#c8102e",
    mark: "百世",
    aggregatorCodes: { kdniao: "HTKY", kuaidi100: "huitongkuaidi", cainiao: "HTKY" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "zjs",
    kind: "courier",
    nameZh: "宅急送",
    nameEn: "ZJS Express",
    color: "#e60012",
    mark: "宅急",
    aggregatorCodes: { kdniao: "ZJS", kuaidi100: "zhaijisong", cainiao: "ZJS" },
    defaultLabelSize: "100x150",
    volumetricDivisor: 6000,
  }),
  c({
    code: "uc",
    kind: "courier",
    nameZh: "优速快递",
    nameEn: "UC Express",
    color: "#f39800",
    mark: "优速",
    aggregatorCodes: { kdniao: "UC", kuaidi100: "youshuwuliu", cainiao: "UC" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "fengwang",
    kind: "courier",
    nameZh: "丰网速运",
    nameEn: "Fengwang Express",
    color: "#222222",
    mark: "丰网",
    aggregatorCodes: { kdniao: "FWX", kuaidi100: "fengwang", cainiao: "FWX" },
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "kye",
    kind: "courier",
    nameZh: "跨越速运",
    nameEn: "Kuayue Express",
    color: "#7a1f8b",
    mark: "跨越",
    aggregatorCodes: { kdniao: "KYSY", kuaidi100: "kuayue", cainiao: "KYE" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "ane",
    kind: "courier",
    nameZh: "安能物流",
    nameEn: "ANE Logistics",
    color: "#00a0e9",
    mark: "安能",
    aggregatorCodes: { kdniao: "ANE", kuaidi100: "annengwuliu", cainiao: "ANE56" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "yimidida",
    kind: "courier",
    nameZh: "壹米滴答",
    nameEn: "Yimidida",
    color: "#ff6a00",
    mark: "壹米",
    aggregatorCodes: { kdniao: "YMDD", kuaidi100: "yimidida", cainiao: "YMDD" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "ztoky",
    kind: "courier",
    nameZh: "中通快运",
    nameEn: "ZTO Freight",
    color: "#1e4fa3",
    mark: "中快",
    aggregatorCodes: { kdniao: "ZTOKY", kuaidi100: "zhongtongkuaiyun", cainiao: "ZTOKY" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "sxjd",
    kind: "courier",
    nameZh: "顺心捷达",
    nameEn: "Shunxin Jieda",
    color: "#333333",
    mark: "顺心",
    aggregatorCodes: { kdniao: "SX", kuaidi100: "shunxinjieda", cainiao: "SXJD" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "suning",
    kind: "courier",
    nameZh: "苏宁物流",
    nameEn: "Suning Logistics",
    color: "#ffaa00",
    mark: "苏宁",
    aggregatorCodes: { kdniao: "SNWL", kuaidi100: "suning", cainiao: "SNWL" },
    defaultLabelSize: "100x150",
    volumetricDivisor: 6000,
  }),
  c({
    code: "rrs",
    kind: "courier",
    nameZh: "日日顺物流",
    nameEn: "RRS Logistics",
    color: "#005bac",
    mark: "日日",
    aggregatorCodes: { kdniao: "RRS", kuaidi100: "rrs", cainiao: "RRS" },
    defaultLabelSize: "100x180",
    volumetricDivisor: 6000,
  }),
  c({
    code: "kdniao",
    kind: "aggregator",
    nameZh: "快递鸟",
    nameEn: "Kdniao",
    color: "#1aa260",
    mark: "鸟",
    driver: "kdniao",
    aggregatorCodes: {},
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "kuaidi100",
    kind: "aggregator",
    nameZh: "快递100",
    nameEn: "Kuaidi100",
    color: "#2d8cf0",
    mark: "100",
    driver: "kuaidi100",
    aggregatorCodes: {},
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
  c({
    code: "cainiao",
    kind: "aggregator",
    nameZh: "菜鸟",
    nameEn: "Cainiao",
    driver: "cainiao",
    color: "#ff6600",
    mark: "菜鸟",
    aggregatorCodes: {},
    defaultLabelSize: "76x130",
    volumetricDivisor: 8000,
  }),
];

const byCode = new Map(courierCatalog.map((x) => [x.code, x]));

export function findCourier(code: string): CatalogCourier | undefined {
  return byCode.get(code);
}

/** How to reach a courier: its own driver, else the aggregators that list it. */
export function routesTo(code: string): {
  direct?: string;
  via: { aggregator: string; code: string }[];
} {
  const courier = byCode.get(code);
  if (!courier) return { via: [] };
  const via = Object.entries(courier.aggregatorCodes).flatMap(([aggregator, aggCode]) =>
    aggCode ? [{ aggregator, code: aggCode }] : [],
  );
  return { direct: courier.kind === "courier" ? courier.driver : undefined, via };
}
