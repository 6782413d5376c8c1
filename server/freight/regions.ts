import { regionByCode, type RegionLevel } from "@/server/regions/data";
import type { MatchLevel, RegionSet, RegionSetRef } from "./types";

/**
 * Region lookups for freight: resolving a RegionSetRef to codes, and a per-code cache of the
 * region's ancestors so matching a parcel is a few map lookups.
 */

/** 新疆, 西藏, 青海, 内蒙古, 甘肃, 宁夏, 海南: the default remote-area list (editable per template). */
export const DEFAULT_REMOTE_PROVINCE_CODES: readonly string[] = Object.freeze([
  "650000",
  "540000",
  "630000",
  "150000",
  "620000",
  "640000",
  "460000",
]);

export const DEFAULT_REMOTE_SET: RegionSet = {
  id: "remote",
  name: "偏远地区",
  codes: [...DEFAULT_REMOTE_PROVINCE_CODES],
};

/** A region and its ancestors, most specific first: [county, city, province] for a county. */
export type RegionChain = {
  codes: readonly string[];
  levels: readonly RegionLevel[];
  names: readonly string[];
};

const chains = new Map<string, RegionChain | null>();

/** The ancestor chain of a GB/T 2260 code, null for an unknown code. Cached (regions never change). */
export function regionChain(code: string): RegionChain | null {
  const cached = chains.get(code);
  if (cached !== undefined) return cached;
  let chain: RegionChain | null = null;
  const region = typeof code === "string" ? regionByCode(code) : null;
  if (region) {
    const codes: string[] = [];
    const levels: RegionLevel[] = [];
    const names: string[] = [];
    for (let r = regionByCode(code); r; r = r.parentCode ? regionByCode(r.parentCode) : null) {
      codes.push(r.code);
      levels.push(r.level);
      names.push(r.name);
    }
    chain = Object.freeze({ codes, levels, names });
  }
  if (chains.size > 10_000) chains.clear();
  chains.set(code, chain);
  return chain;
}

export const LEVEL_NAMES: Record<0 | RegionLevel, MatchLevel> = {
  0: "all",
  1: "province",
  2: "city",
  3: "county",
};

/**
 * A RegionSetRef compiled for matching: `null` covers everything, otherwise code -> level of that
 * code (a code covers its descendants).
 */
export type CompiledRef = ReadonlyMap<string, RegionLevel> | null;

export class UnknownRegionSetError extends Error {
  override readonly name = "UnknownRegionSetError";
}

/** The codes a reference names, or null for "all". Throws for an unknown set id or region code. */
export function refCodes(ref: RegionSetRef, sets: readonly RegionSet[]): readonly string[] | null {
  if (ref.type === "all") return null;
  let codes: readonly string[];
  if (ref.type === "codes") codes = ref.codes;
  else {
    const set = sets.find((s) => s.id === ref.id);
    if (!set) throw new UnknownRegionSetError(`unknown region set "${ref.id}"`);
    codes = set.codes;
  }
  for (const code of codes) {
    if (!regionByCode(code)) throw new UnknownRegionSetError(`unknown region code "${code}"`);
  }
  return codes;
}

export function compileRef(ref: RegionSetRef, sets: readonly RegionSet[]): CompiledRef {
  const codes = refCodes(ref, sets);
  if (codes === null) return null;
  const map = new Map<string, RegionLevel>();
  for (const code of codes) map.set(code, regionByCode(code)!.level);
  return map;
}

/**
 * How deeply `ref` covers the region: -1 not at all, 0 via "all", else the level (1 province,
 * 2 city, 3 county) of the most specific listed code that contains the region.
 */
export function coverage(ref: CompiledRef, chain: RegionChain): number {
  if (ref === null) return 0;
  const codes = chain.codes;
  for (let i = 0; i < codes.length; i++) {
    const level = ref.get(codes[i]!);
    if (level !== undefined) return level;
  }
  return -1;
}

/** "江浙沪", "全国", "浙江省、江苏省" or "新疆维吾尔自治区等 5 个地区". */
export function refLabel(ref: RegionSetRef, sets: readonly RegionSet[]): string {
  if (ref.type === "all") return "全国";
  if (ref.type === "set") return sets.find((s) => s.id === ref.id)?.name ?? ref.id;
  const names = ref.codes.map((c) => regionByCode(c)?.name ?? c);
  return names.length <= 3 ? names.join("、") : `${names[0]}等 ${names.length} 个地区`;
}
