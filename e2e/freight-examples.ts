/**
 * The demo's example freight templates (server/freight/examples.ts), transcribed for the browser
 * tests: the e2e runner cannot load the region data that module imports. Expected amounts are
 * derived from these with the rules the template editor states (chargeable weight rounded up to
 * the step and never below the first weight; freight → remote fee → fuel on both → insurance,
 * each rounded half up to the fen), never copied from what the screen prints.
 */

export const XINJIANG = "新疆维吾尔自治区乌鲁木齐市天山区解放北路209号";

type Tier = { first: number; firstFen: number; unit: number; unitFen: number };
export type Example = {
  id: string;
  name: string;
  divisor: number;
  stepG: number;
  tiers: Record<"jzh" | "remote", Tier>;
  remoteFeeFen?: number;
  fuelBp?: number;
  insurance: { bp: number; minFen: number };
};
const tierOf = (first: number, firstFen: number, unit: number, unitFen: number): Tier => ({
  first,
  firstFen,
  unit,
  unitFen,
});
/** 通达系: 1 kg first weight, whole-kg steps, ÷ 8000. */
const tongda = (
  courier: string,
  nameZh: string,
  jzh: [number, number],
  remote: [number, number],
  insuranceBp: number,
): Example => ({
  id: `example-${courier}-standard`,
  name: `${nameZh} 标准快递（示例价格，请替换为合同价）`,
  divisor: 8000,
  stepG: 1000,
  tiers: {
    jzh: tierOf(1000, jzh[0], 1000, jzh[1]),
    remote: tierOf(1000, remote[0], 1000, remote[1]),
  },
  insurance: { bp: insuranceBp, minFen: 100 },
});
export const EXAMPLES = {
  sf: {
    id: "example-sf-standard",
    name: "顺丰标快（示例价格，请替换为合同价）",
    divisor: 12000,
    stepG: 500,
    tiers: { jzh: tierOf(1000, 1300, 1000, 200), remote: tierOf(1000, 2500, 1000, 1800) },
    insurance: { bp: 50, minFen: 100 },
  },
  zto: tongda("zto", "中通快递", [350, 100], [1500, 1200], 100),
  yto: tongda("yto", "圆通速递", [340, 100], [1500, 1200], 50),
  yunda: tongda("yunda", "韵达快递", [330, 100], [1400, 1100], 50),
  jt: tongda("jt", "极兔速递", [320, 100], [1400, 1200], 50),
  ems: {
    id: "example-ems-standard",
    name: "EMS 标准快递（示例价格，请替换为合同价）",
    divisor: 6000,
    stepG: 500,
    tiers: { jzh: tierOf(1000, 800, 500, 100), remote: tierOf(1000, 1500, 500, 500) },
    insurance: { bp: 100, minFen: 100 },
  },
  deppon: {
    id: "example-deppon-large",
    name: "德邦大件快递（示例价格，请替换为合同价）",
    divisor: 6000,
    stepG: 1000,
    tiers: { jzh: tierOf(3000, 1200, 1000, 150), remote: tierOf(3000, 3500, 1000, 800) },
    remoteFeeFen: 2000,
    fuelBp: 300,
    insurance: { bp: 30, minFen: 200 },
  },
} satisfies Record<string, Example>;
export type Courier = keyof typeof EXAMPLES;
export const COURIERS = Object.keys(EXAMPLES) as Courier[];

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);
const percent = (fen: number, bp: number) => Math.floor((fen * bp + 5000) / 10000);

/** Weight-billed total per the example's terms, to a destination in its `tier` (no minimum applies). */
export function expectedFen(
  courier: Courier,
  tier: keyof Example["tiers"],
  parcel: { weightG: number; volumeMm3?: number; declaredFen?: number },
) {
  const t: Example = EXAMPLES[courier];
  const z = t.tiers[tier];
  const volumetricG = parcel.volumeMm3 ? ceilDiv(parcel.volumeMm3, t.divisor) : 0;
  const weightG = Math.max(parcel.weightG, volumetricG);
  const chargeableG = Math.max(ceilDiv(weightG, t.stepG) * t.stepG, z.first);
  const units = ceilDiv(chargeableG - z.first, z.unit);
  const freight = z.firstFen + units * z.unitFen;
  const remote = tier === "remote" ? (t.remoteFeeFen ?? 0) : 0;
  const fuel = percent(freight + remote, t.fuelBp ?? 0);
  const declared = parcel.declaredFen ?? 0;
  const insurance =
    declared > 0 ? Math.max(percent(declared, t.insurance.bp), t.insurance.minFen) : 0;
  return {
    total: freight + remote + fuel + insurance,
    freight,
    units,
    chargeableG,
    remote,
    fuel,
    insurance,
  };
}

export const yuan = (fen: number) =>
  new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }).format(fen / 100);
