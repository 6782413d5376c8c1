import {
  childrenOf,
  isDirectCountyGroup,
  isMunicipality,
  provinceOf,
  provinces,
  regionByCode,
  regionIndex,
  type Region,
} from "./data";
import { matchNames } from "./names";
import { named, similarAt, type Named } from "./similar";
import { NOT_MAINLAND, skipSep, type AddressFailure, type AddressFailureReason } from "./match";

/**
 * Error messages and "did you mean" suggestions. Only failing addresses come here, so this side
 * may afford edit distances over a few hundred names; the happy path never does.
 */

const MAX_SUGGESTIONS = 3;

export function fail(
  reason: AddressFailureReason,
  message: string,
  suggestions: readonly string[] = [],
): AddressFailure {
  return {
    ok: false,
    reason,
    message,
    suggestions: [...new Set(suggestions)].slice(0, MAX_SUGGESTIONS),
  };
}

/** "浙江省 杭州市 西湖区"; municipalities and 省直辖 groups skip the city ("北京市 朝阳区", "湖北省 仙桃市"). */
export function formatRegion(r: Region): string {
  const parts: Region[] = [];
  for (
    let cur: Region | null = r;
    cur;
    cur = cur.parentCode ? regionByCode(cur.parentCode) : null
  ) {
    parts.unshift(cur);
  }
  // A municipality's city repeats its name and a 省直辖 group is no place: neither helps a reader.
  const hidden = (p: Region) =>
    p.level === 2 && (isMunicipality(provinceOf(p)) || (isDirectCountyGroup(p) && p !== r));
  return parts
    .filter((p) => !hidden(p))
    .map((p) => p.name)
    .join(" ");
}

const SUFFIX = /[省市州盟区县旗]/;

/** The region-looking word at `pos` for messages: up to its administrative suffix, else 6 chars. */
export function leadingToken(s: string, pos: number): string {
  const rest = s.slice(pos, pos + 10);
  const m = SUFFIX.exec(rest);
  return m && m.index >= 1 ? rest.slice(0, m.index + 1) : (rest.split(" ")[0] ?? "").slice(0, 6);
}

/** "杭洲市西湖区" suggested as 杭州市: add the county written after the typo when it fits. */
function extend(s: string, region: Region, end: number): string {
  if (region.level === 3) return formatRegion(region);
  const p = skipSep(s, end);
  // Longest first: "杭州市西湖区" must extend through 杭州市, not stop at the bare 杭州.
  for (const m of matchNames(s, p).reverse()) {
    for (const e of m.entries) {
      if (e.region.parentCode !== region.code) continue;
      return region.level === 1 ? extend(s, e.region, m.end) : formatRegion(e.region);
    }
  }
  return formatRegion(region);
}

function levelWord(token: string): string {
  return /[区县旗]$/.test(token) ? "district" : "city";
}

/** Exact names at `pos` that exist but not under `within` (e.g. 南京市 written after 浙江省). */
function elsewhere(
  s: string,
  pos: number,
  within: Region,
  withWeak: boolean,
): { regions: Region[]; end: number } {
  const inside = within.code.slice(0, within.level * 2);
  // Longest name first: "朝阳区" is about the districts, not the bare 朝阳 (朝阳市).
  for (const m of matchNames(s, pos).reverse()) {
    const regions = m.entries
      .filter((e) => withWeak || !e.weak)
      .map((e) => e.region)
      .filter((r) => r.level > 1 && !r.code.startsWith(inside));
    if (regions.length > 0) return { regions, end: m.end };
  }
  return { regions: [], end: pos };
}

/** The province matched but the text after it is no city or district of that province. */
export function unknownCity(s: string, pos: number, province: Region): AddressFailure {
  const p = skipSep(s, pos);
  if (p >= s.length) return fail("unknown_region", `No city after ${province.name}`);
  const other = elsewhere(s, p, province, true);
  if (other.regions.length > 0) {
    const token = s.slice(p, other.end);
    return fail(
      "unknown_region",
      `No ${levelWord(token)} "${token}" in ${province.name}`,
      other.regions.map((r) => extend(s, r, other.end)),
    );
  }
  const candidates = childrenOf(province.code).flatMap((c) =>
    isDirectCountyGroup(c) ? childrenOf(c.code) : [c],
  );
  const similar = similarAt(s, p, candidates, false, true);
  const token = similar[0] ? s.slice(p, similar[0].end) : leadingToken(s, p);
  return fail(
    "unknown_region",
    `No ${levelWord(token)} "${token}" in ${province.name}`,
    similar.map((x) => extend(s, x.region, x.end)),
  );
}

/**
 * The city matched without a county. The text may still start with a district that is wrong for
 * it ("杭州市鼓楼区", a typo "杭州市西虎区"): report that rather than bury it in the detail.
 */
export function unknownCounty(s: string, pos: number, city: Region): AddressFailure | null {
  const province = provinceOf(city);
  const scope = isMunicipality(province) ? province : city;
  const other = elsewhere(s, pos, scope, false);
  if (other.regions.length > 0) {
    const token = s.slice(pos, other.end);
    return fail(
      "unknown_region",
      `No ${levelWord(token)} "${token}" in ${city.name}`,
      other.regions.map((r) => formatRegion(r)),
    );
  }
  const counties = isMunicipality(province)
    ? childrenOf(province.code).flatMap((c) => childrenOf(c.code))
    : childrenOf(city.code);
  if (counties.length === 0) return null;
  const similar = similarAt(s, pos, counties, true);
  if (!similar[0]) return null;
  return fail(
    "unknown_region",
    `No district "${s.slice(pos, similar[0].end)}" in ${city.name}`,
    similar.map((x) => formatRegion(x.region)),
  );
}

export function ambiguous(
  s: string,
  from: number,
  end: number,
  regions: readonly Region[],
): AddressFailure {
  const token = s.slice(Math.max(0, from), end);
  const where = regions.map((r) => formatRegion(r));
  const first = regions[0];
  const oneProvince = first && regions.every((r) => provinceOf(r) === provinceOf(first));
  return fail(
    "ambiguous_region",
    `"${token}" matches ${regions.length} regions (${where.join("; ")}); add the ${oneProvince ? "city" : "province and city"}`,
    where,
  );
}

let upper: readonly Named[] | undefined;

/** Names of provinces and real cities: what a typo at the very start most likely aims at. */
function upperRegions(): readonly Named[] {
  upper ??= named(
    regionIndex().all.filter((r) => r.level === 1 || (r.level === 2 && !isDirectCountyGroup(r))),
  );
  return upper;
}

/** Nothing at the start of the text is a region: explain HK/MO/TW, else look for near names. */
export function unrecognised(s: string): AddressFailure {
  const hk = NOT_MAINLAND.exec(s);
  if (hk) {
    return fail(
      "unknown_region",
      `"${hk[1]}" is not a domestic region: Hong Kong, Macau and Taiwan are not in the mainland division data`,
    );
  }
  // Bare names refused on their own ("杭州文三路") are the likeliest intent.
  const suggestions: string[] = [];
  for (const m of matchNames(s, 0))
    for (const e of m.entries) suggestions.push(extend(s, e.region, m.end));
  for (const x of similarAt(s, 0, upperRegions())) suggestions.push(extend(s, x.region, x.end));
  return fail(
    "unknown_region",
    `No province, city or district recognised in "${leadingToken(s, 0) || s.slice(0, 10)}"`,
    suggestions,
  );
}

/** A province column that names no province. */
export function unknownProvince(text: string): AddressFailure {
  if (NOT_MAINLAND.test(text)) return unrecognised(text);
  return fail(
    "unknown_region",
    `Unknown province "${text}"`,
    similarAt(text, 0, provinces(), false, true).map((x) => formatRegion(x.region)),
  );
}
