import { DEFAULT_REMOTE_SET } from "./regions";
import type { FreightTemplate, FreightZone, RegionSet, RegionSetRef } from "./types";

/**
 * EXAMPLE freight templates for the seed couriers, shipping from a Hangzhou (浙江) warehouse.
 *
 * These are illustrations for the demo, NOT anyone's real prices: plausible e-commerce contract
 * levels in the usual four tiers (江浙沪 / 华东 / 全国 / 偏远), marked `isExample: true` and named
 * "示例" so the console can show that they must be replaced by the merchant's contract rates
 * (edit them in Settings or import the courier's rate card). Courier account ids match the demo
 * seed's sandbox accounts (`sandbox-<courier>`), volumetric divisors the courier catalog.
 */

export const exampleRegionSets: RegionSet[] = [
  { id: "zhejiang", name: "浙江省内", codes: ["330000"] },
  { id: "jzh", name: "江浙沪", codes: ["310000", "320000", "330000"] },
  // 华东 without 江浙沪, so the two tiers never overlap: 安徽, 福建, 江西, 山东.
  { id: "huadong", name: "华东", codes: ["340000", "350000", "360000", "370000"] },
  { ...DEFAULT_REMOTE_SET, codes: [...DEFAULT_REMOTE_SET.codes] },
];

/** The demo warehouse: 浙江省杭州市余杭区. */
export const EXAMPLE_ORIGIN_CODE = "330110";

const FROM_ZHEJIANG: RegionSetRef = { type: "set", id: "zhejiang" };

type Tier = [
  destination: RegionSetRef,
  firstWeightG: number,
  firstPriceFen: number,
  additionalUnitG: number,
  additionalUnitPriceFen: number,
  transitDays: number,
];

const set = (id: string): RegionSetRef => ({ type: "set", id });
const ALL: RegionSetRef = { type: "all" };

/**
 * The tiers from the Zhejiang warehouse, then the same nationwide and remote prices from anywhere
 * (the demo also ships from Beijing and Guangzhou). A zone with a more specific origin wins, so
 * prices from Zhejiang are the tiers above.
 */
function zones(tiers: Tier[]): FreightZone[] {
  const fromAnywhere = tiers
    .filter(
      ([destination]) =>
        destination.type === "all" || (destination.type === "set" && destination.id === "remote"),
    )
    .map((tier) => ({ tier, origin: ALL }));
  return [...tiers.map((tier) => ({ tier, origin: FROM_ZHEJIANG })), ...fromAnywhere].map(
    ({
      tier: [
        destination,
        firstWeightG,
        firstPriceFen,
        additionalUnitG,
        additionalUnitPriceFen,
        transitDays,
      ],
      origin,
    }) => ({
      origin,
      destination,
      firstWeightG,
      firstPriceFen,
      additionalUnitG,
      additionalUnitPriceFen,
      transitDays,
    }),
  );
}

/** 通达系 (ZTO / YTO / Yunda / J&T) e-commerce shape: 1 kg first weight, whole-kg steps. */
function tongda(
  courier: string,
  nameZh: string,
  prices: {
    jzh: [number, number];
    huadong: [number, number];
    all: [number, number];
    remote: [number, number];
  },
  insuranceBasisPoints: number,
): FreightTemplate {
  return {
    id: `example-${courier}-standard`,
    name: `${nameZh} 标准快递（示例价格，请替换为合同价）`,
    courierAccountId: `sandbox-${courier}`,
    product: "standard",
    billing: "weight",
    volumetricDivisor: 8000,
    rounding: { unitG: 1000, firstWeightG: 1000 },
    zones: zones([
      [set("jzh"), 1000, prices.jzh[0], 1000, prices.jzh[1], 1],
      [set("huadong"), 1000, prices.huadong[0], 1000, prices.huadong[1], 2],
      [set("remote"), 1000, prices.remote[0], 1000, prices.remote[1], 5],
      [ALL, 1000, prices.all[0], 1000, prices.all[1], 3],
    ]),
    minimumChargeFen: 0,
    remoteSurcharge: null,
    fuelSurchargeBasisPoints: 0,
    insurance: {
      rateBasisPoints: insuranceBasisPoints,
      minimumFen: 100,
      maxDeclaredFen: 3_000_000,
    },
    isExample: true,
  };
}

export const exampleTemplates: FreightTemplate[] = [
  {
    id: "example-sf-standard",
    name: "顺丰标快（示例价格，请替换为合同价）",
    courierAccountId: "sandbox-sf",
    product: "standard",
    billing: "weight",
    volumetricDivisor: 12000,
    rounding: { unitG: 500, firstWeightG: 1000 },
    zones: zones([
      // Listed before 江浙沪: equally specific for Zhejiang, so the earlier row wins.
      [set("zhejiang"), 1000, 1200, 1000, 200, 1],
      [set("jzh"), 1000, 1300, 1000, 200, 1],
      [set("huadong"), 1000, 1400, 1000, 500, 2],
      [set("remote"), 1000, 2500, 1000, 1800, 4],
      [ALL, 1000, 2000, 1000, 1000, 2],
    ]),
    minimumChargeFen: 0,
    remoteSurcharge: null,
    fuelSurchargeBasisPoints: 0,
    insurance: { rateBasisPoints: 50, minimumFen: 100, maxDeclaredFen: 5_000_000 },
    isExample: true,
  },
  tongda(
    "zto",
    "中通快递",
    { jzh: [350, 100], huadong: [400, 200], all: [500, 400], remote: [1500, 1200] },
    100,
  ),
  tongda(
    "yto",
    "圆通速递",
    { jzh: [340, 100], huadong: [390, 200], all: [480, 400], remote: [1500, 1200] },
    50,
  ),
  tongda(
    "yunda",
    "韵达快递",
    { jzh: [330, 100], huadong: [380, 200], all: [470, 400], remote: [1400, 1100] },
    50,
  ),
  tongda(
    "jt",
    "极兔速递",
    { jzh: [320, 100], huadong: [370, 200], all: [460, 350], remote: [1400, 1200] },
    50,
  ),
  {
    id: "example-ems-standard",
    name: "EMS 标准快递（示例价格，请替换为合同价）",
    courierAccountId: "sandbox-ems",
    product: "standard",
    billing: "weight",
    volumetricDivisor: 6000,
    rounding: { unitG: 500, firstWeightG: 1000 },
    zones: zones([
      [set("jzh"), 1000, 800, 500, 100, 2],
      [set("huadong"), 1000, 1000, 500, 200, 3],
      [set("remote"), 1000, 1500, 500, 500, 6],
      [ALL, 1000, 1200, 500, 300, 4],
    ]),
    minimumChargeFen: 0,
    remoteSurcharge: null,
    fuelSurchargeBasisPoints: 0,
    insurance: { rateBasisPoints: 100, minimumFen: 100, maxDeclaredFen: 2_000_000 },
    isExample: true,
  },
  {
    id: "example-deppon-large",
    name: "德邦大件快递（示例价格，请替换为合同价）",
    courierAccountId: "sandbox-deppon",
    product: "large_parcel",
    billing: "weight",
    volumetricDivisor: 6000,
    rounding: { unitG: 1000, firstWeightG: 3000 },
    zones: zones([
      [set("jzh"), 3000, 1200, 1000, 150, 2],
      [set("huadong"), 3000, 1500, 1000, 250, 3],
      [set("remote"), 3000, 3500, 1000, 800, 6],
      [ALL, 3000, 2000, 1000, 400, 4],
    ]),
    minimumChargeFen: 1500,
    // 新疆 / 西藏 transfer fee on top of the remote tier (example).
    remoteSurcharge: {
      regions: { type: "codes", codes: ["650000", "540000"] },
      kind: "fee",
      feeFen: 2000,
    },
    fuelSurchargeBasisPoints: 300,
    insurance: { rateBasisPoints: 30, minimumFen: 200, maxDeclaredFen: 10_000_000 },
    isExample: true,
  },
];
