import { describe, expect, it } from "vitest";
import { DEFAULT_REMOTE_SET } from "./regions";
import { parseDays, parseRateCard, parseWeight, parseYuan } from "./rate-card";
import { quote } from "./quote";
import type { FreightTemplate, RegionSet, RegionSetRef } from "./types";

const sets: RegionSet[] = [
  { id: "jzh", name: "江浙沪", codes: ["310000", "320000", "330000"] },
  DEFAULT_REMOTE_SET,
];
const origin: RegionSetRef = { type: "codes", codes: ["330100"] };

describe("cell parsers", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["12.500", 1250],
    ["0.29", 29],
    ["¥3.5", 350],
    ["￥3.5", 350],
    ["3.5元", 350],
    ["１２．５", 1250],
    ["1,234.00", 123400],
    ["0", 0],
  ])("parseYuan(%j) = %i fen", (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: fen });
  });

  it.each(["", "abc", "-1", "3.555", "1.2.3", "12 元 5"])("parseYuan(%j) fails", (text) => {
    expect(parseYuan(text).ok).toBe(false);
  });

  it.each([
    ["1", 1000],
    ["0.5", 500],
    ["3kg", 3000],
    ["3公斤", 3000],
    ["500g", 500],
    ["500克", 500],
    ["1.250", 1250],
  ])("parseWeight(%j) = %i g", (text, grams) => {
    expect(parseWeight(text)).toEqual({ ok: true, value: grams });
  });

  it.each(["0", "-1", "1.0001", "heavy", "0.5g"])("parseWeight(%j) fails", (text) => {
    expect(parseWeight(text).ok).toBe(false);
  });

  it.each([
    ["2", 2],
    ["2天", 2],
    ["2-3", 3],
    ["2～3天", 3],
    ["3至5日", 5],
  ])("parseDays(%j) = %i", (text, days) => {
    expect(parseDays(text)).toEqual({ ok: true, value: days });
  });

  it.each(["次日", "3-2", "abc"])("parseDays(%j) fails", (text) => {
    expect(parseDays(text).ok).toBe(false);
  });
});

describe("parseRateCard: a ZTO-style 首重/续重 table", () => {
  const card = [
    ["中通快递 杭州发件 价格表（示例）", "", "", ""],
    ["", "", "", ""],
    ["目的地", "首重(元)", "续重(元/kg)", "时效(天)"],
    ["江浙沪", "3.5", "1", "1"],
    ["安徽、江西", "4", "2", "2"],
    ["新疆", "15", "12", "5-7"],
    ["内蒙古", "15", "12", "4"],
    ["广西", "5", "4", ""],
    ["吉林", "6", "4.5", "3"],
    ["其他", "5.00", "4", "3"],
    ["", "", "", ""],
  ];
  const result = parseRateCard(card, { origin, regionSets: sets });

  it("finds the header under the title rows and reads every row", () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.headerRow).toBe(3);
    expect(result.columns).toEqual({
      destination: 0,
      firstPrice: 1,
      additionalPrice: 2,
      transitDays: 3,
    });
    expect(result.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it("resolves region-set names, provinces, short names and 其他", () => {
    expect(result.zones.map((z) => z.destination)).toEqual([
      { type: "set", id: "jzh" },
      { type: "codes", codes: ["340000", "360000"] },
      { type: "codes", codes: ["650000"] },
      { type: "codes", codes: ["150000"] },
      { type: "codes", codes: ["450000"] },
      { type: "codes", codes: ["220000"] }, // 吉林: the province, not 吉林市
      { type: "all" },
    ]);
  });

  it("turns prices into fen, defaults to 1 kg first weight and step, keeps the worst transit day", () => {
    expect(result.zones[2]).toEqual({
      origin,
      destination: { type: "codes", codes: ["650000"] },
      firstWeightG: 1000,
      firstPriceFen: 1500,
      additionalUnitG: 1000,
      additionalUnitPriceFen: 1200,
      transitDays: 7,
    });
    expect(result.zones[4]).not.toHaveProperty("transitDays");
    expect(result.zones[5]?.additionalUnitPriceFen).toBe(450);
  });

  it("produces zones the quote engine uses directly", () => {
    const t: FreightTemplate = {
      id: "zto-imported",
      name: "中通 导入",
      courierAccountId: "sandbox-zto",
      product: "standard",
      billing: "weight",
      volumetricDivisor: 8000,
      rounding: { unitG: 1000 },
      zones: result.zones,
      minimumChargeFen: 0,
      remoteSurcharge: null,
      fuelSurchargeBasisPoints: 0,
      insurance: null,
      isExample: false,
    };
    const p = { originCode: "330110", weightG: 2500 };
    // 2.5 kg -> 3 kg: first kg + 2 additional kg.
    expect(quote(t, sets, { ...p, destinationCode: "650102" })).toMatchObject({
      totalFen: 1500 + 2 * 1200,
    });
    expect(quote(t, sets, { ...p, destinationCode: "330106" })).toMatchObject({
      totalFen: 350 + 2 * 100,
    });
    expect(quote(t, sets, { ...p, destinationCode: "110101" })).toMatchObject({
      totalFen: 500 + 2 * 400,
      zone: { matchedLevel: "all" },
    });
  });
});

describe("parseRateCard: header variants", () => {
  it("reads first weight and step from columns, full-width brackets, Chinese units", () => {
    const r = parseRateCard(
      [
        ["省份", "首重（元）", "续重价格", "首重(kg)", "续重单位（kg）"],
        ["北京", "12", "2", "0.5", "0.5"],
        ["上海市", "10", "1.5", "", ""],
      ],
      { origin, firstWeightG: 3000, additionalUnitG: 1000 },
    );
    expect(r.errors).toEqual([]);
    expect(r.zones.map((z) => [z.destination, z.firstWeightG, z.additionalUnitG])).toEqual([
      [{ type: "codes", codes: ["110000"] }, 500, 500],
      [{ type: "codes", codes: ["310000"] }, 3000, 1000], // empty cells: the options' defaults
    ]);
  });

  it("reads the first weight and the step from the price headers", () => {
    const r = parseRateCard(
      [
        ["到达省份", "首重1kg(元)", "续重(元/0.5kg)"],
        ["杭州市", "8", "1"],
      ],
      { origin },
    );
    expect(r.errors).toEqual([]);
    expect(r.zones[0]).toMatchObject({
      destination: { type: "codes", codes: ["330100"] },
      firstWeightG: 1000,
      additionalUnitG: 500,
      firstPriceFen: 800,
      additionalUnitPriceFen: 100,
    });
  });

  it("reports missing columns on row 1", () => {
    const r = parseRateCard(
      [
        ["目的地", "价格"],
        ["浙江", "5"],
      ],
      { origin },
    );
    expect(r.ok).toBe(false);
    expect(r.zones).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 1, field: "firstPrice", code: "missing_columns" }),
    ]);
    expect(r.errors[0]?.message).toContain("首重(元)");
  });

  it("reports a card with a header and no rows", () => {
    const r = parseRateCard([["目的地", "首重", "续重"]], { origin });
    expect(r.errors).toEqual([expect.objectContaining({ row: 1, code: "no_rows" })]);
  });
});

describe("parseRateCard: row-level errors, like the order import", () => {
  const card = [
    ["目的地", "首重(元)", "续重(元/kg)", "首重(kg)", "时效(天)"],
    ["江浙沪", "3.5", "1", "", "1"], // 2 ok
    ["火星", "5", "4", "", ""], // 3 unknown destination
    ["安徽", "abc", "2", "", ""], // 4 bad first price
    ["江西", "4", "3.555", "", ""], // 5 bad additional price (sub-fen)
    ["福建", "", "2", "", ""], // 6 missing first price
    ["浙江", "4", "2", "", ""], // 7 duplicate: already in 江浙沪 (row 2)
    ["新疆", "15", "12", "", ""], // 8 ok
    ["新疆维吾尔自治区", "16", "12", "", ""], // 9 duplicate of row 8
    ["朝阳区", "5", "4", "", ""], // 10 ambiguous: 北京 and 长春 both have one
    ["山东", "-4", "2", "0", "次日"], // 11 three errors on one row
    ["", "5", "4", "", ""], // 12 missing destination
    ["西藏", "18", "15", "", "5"], // 13 ok
  ];
  const r = parseRateCard(card, { origin, regionSets: sets });

  it("keeps the valid rows", () => {
    expect(r.ok).toBe(false);
    expect(r.rows.map((x) => [x.row, x.destinationText])).toEqual([
      [2, "江浙沪"],
      [8, "新疆"],
      [13, "西藏"],
    ]);
  });

  it("reports each bad row with its row number, field and code", () => {
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, "destination", "unknown_destination"],
      [4, "firstPrice", "bad_price"],
      [5, "additionalPrice", "bad_price"],
      [6, "firstPrice", "missing_field"],
      [7, "destination", "duplicate_destination"],
      [9, "destination", "duplicate_destination"],
      [10, "destination", "ambiguous_destination"],
      [11, "firstPrice", "bad_price"],
      [11, "firstWeight", "bad_weight"],
      [11, "transitDays", "bad_days"],
      [12, "destination", "missing_field"],
    ]);
  });

  it("explains the errors in words a manager can act on", () => {
    const byRow = (row: number) => r.errors.find((e) => e.row === row)?.message;
    expect(byRow(3)).toContain("火星");
    expect(byRow(5)).toContain("more than 2 decimals");
    expect(byRow(7)).toBe("already priced on an earlier row: 浙江省 (row 2)");
    expect(byRow(9)).toBe("already priced on an earlier row: 新疆维吾尔自治区 (row 8)");
    expect(byRow(10)).toMatch(/朝阳区 \(110105\).*朝阳区 \(220104\)/);
  });

  it("flags a second 全国/其他 row as a duplicate", () => {
    const again = parseRateCard(
      [
        ["目的地", "首重", "续重"],
        ["其他", "5", "4"],
        ["全国", "6", "4"],
      ],
      { origin },
    );
    expect(again.errors).toEqual([
      expect.objectContaining({ row: 3, code: "duplicate_destination" }),
    ]);
  });
});
