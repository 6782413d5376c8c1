import { describe, expect, it } from "vitest";
import { Rng } from "./random";
import {
  RegionSampler,
  addressableRegions,
  fullAddress,
  isAddressableCounty,
  regionByCounty,
} from "./regions";

describe("regions", () => {
  it("keeps real districts and drops NBS functional zones", () => {
    expect(isAddressableCounty({ code: "310115", name: "浦东新区" })).toBe(true);
    expect(isAddressableCounty({ code: "120116", name: "滨海新区" })).toBe(true);
    expect(isAddressableCounty({ code: "130706", name: "下花园区" })).toBe(true);
    expect(isAddressableCounty({ code: "330782", name: "义乌市" })).toBe(true);
    expect(isAddressableCounty({ code: "320576", name: "苏州工业园区" })).toBe(false);
    expect(isAddressableCounty({ code: "130372", name: "北戴河新区" })).toBe(false);
    expect(isAddressableCounty({ code: "620171", name: "兰州新区" })).toBe(false);
    expect(isAddressableCounty({ code: "441900003", name: "东城街道" })).toBe(false);
    for (const code of ["320576", "130372", "152571", "460400499"]) {
      expect(regionByCounty(code)).toBeUndefined();
    }
  });

  it("names municipalities' cities after the municipality", () => {
    expect(regionByCounty("110105")).toEqual({
      provinceCode: "110000",
      cityCode: "110100",
      countyCode: "110105",
      provinceName: "北京市",
      cityName: "北京市",
      countyName: "朝阳区",
    });
    // 重庆's second pseudo-city is 县 (5002); it is still 重庆市 in an address.
    expect(regionByCounty("500229")?.cityName).toBe("重庆市");
    const names = new Set(addressableRegions().map((r) => r.cityName));
    for (const pseudo of ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]) {
      expect(names.has(pseudo)).toBe(false);
    }
  });

  it("writes full addresses without repeating a municipality", () => {
    const beijing = regionByCounty("110105");
    const xihu = regionByCounty("330106");
    expect(beijing && fullAddress({ ...beijing, detail: "建国路88号" })).toBe(
      "北京市朝阳区建国路88号",
    );
    expect(xihu && fullAddress({ ...xihu, detail: "文三路100号" }, " ")).toBe(
      "浙江省 杭州市 西湖区 文三路100号",
    );
  });

  it("samples every province from the pool it was built on", () => {
    const sampler = new RegionSampler();
    const rng = new Rng(99);
    const provinces = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const r = sampler.sample(rng);
      expect(regionByCounty(r.countyCode)).toBe(r);
      provinces.add(r.provinceCode);
    }
    expect(provinces.size).toBe(31);
  });
});
