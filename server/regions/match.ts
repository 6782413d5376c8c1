import { childrenOf, isMunicipality, regionByCode, type Region } from "./data";
import { matchNames, type NameMatch } from "./names";

/**
 * The region-prefix matcher shared by `parseAddress` and `parseAddressParts`: it enumerates the
 * few ways the start of a string can read as [province] [city] [county] (each level optional)
 * and keeps the reading that consumes the most text. Exploring alternatives instead of taking the
 * first match is what separates 吉林省 from 吉林市, 海南省 from 海南藏族自治州, or 济南市中区
 * (济南 + 市中区) from 济南市 + "中区".
 */

export type AddressFailureReason =
  "unknown_region" | "ambiguous_region" | "empty" | "missing_detail";

export type AddressParse =
  | { ok: true; province: Region; city: Region; county: Region | null; detail: string }
  | { ok: false; reason: AddressFailureReason; message: string; suggestions: string[] };

export type AddressFailure = Extract<AddressParse, { ok: false }>;

/** Regions already known (from columns or a first pass) that the text may repeat or refine. */
export interface Scope {
  province: Region | null;
  cities: readonly Region[];
  county: Region | null;
}

export const NO_SCOPE: Scope = { province: null, cities: [], county: null };

export interface Hit {
  province: Region | null;
  cities: readonly Region[];
  counties: readonly Region[];
  /** Span of the last region name read from the text, for messages. */
  from: number;
  end: number;
  /** Level of the deepest region actually written in the text (0 = none). */
  depth: number;
  /** The text ends on a bare name ("中山"), too weak to strip as a repeated prefix ("中山路"). */
  weak: boolean;
}

export type Resolution =
  | { kind: "resolved"; province: Region; city: Region; county: Region | null }
  | { kind: "ambiguous"; regions: readonly Region[] }
  | { kind: "province"; province: Region };

/** Hong Kong, Macau and Taiwan: real places, absent from the mainland division data. */
export const NOT_MAINLAND = /^(香港|澳门|澳門|台湾|臺灣|台灣)/;

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e]/;
const SPACES = /\s+/g;
const ODD_SPACE = /[^\S ]| {2}/;
const COUNTRY = /^(?:中华人民共和国|中国大陆|中国)[ ,]*/;
// "(310012)", "邮编:310012" or a bare 6-digit group after a space, at the very end.
const POSTCODE =
  /\s*(?:\(\s*(?:(?:邮编|邮政编码)\s*:?\s*)?\d{6}\s*\)|(?:邮编|邮政编码)\s*:?\s*\d{6}|(?<=\s)\d{6})$/;

/**
 * Full-width ASCII to half-width (（）, digits, ：), one space per whitespace run, no trailing
 * postcode, no leading country. The detail comes from this string, so it is normalised too.
 */
export function normalize(text: string): string {
  let s = HAS_FULL_WIDTH.test(text)
    ? text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : text;
  if (ODD_SPACE.test(s)) s = s.replace(SPACES, " ");
  s = s.trim();
  // The $-anchored pattern is tried from every index; only run it when the tail can match.
  const last = s.charCodeAt(s.length - 1);
  if ((last >= 48 && last <= 57) || last === 41) s = s.replace(POSTCODE, "");
  if (s.charCodeAt(0) !== 0x4e2d) return s; // 中
  // Drop "中国"/"中国大陆" only before a region, so "中国人民银行…" in a detail stays whole.
  const country = COUNTRY.exec(s)?.[0].length ?? 0;
  const rest = s.slice(country);
  return country > 0 && (matchNames(rest, 0).length > 0 || NOT_MAINLAND.test(rest)) ? rest : s;
}

const SEPARATORS = new Set([32, 44, 0x3001, 47, 124, 45]); // space , 、 / | -

/** Spreadsheet exports put spaces, commas or slashes between the region parts. */
export function skipSep(s: string, pos: number): number {
  let p = pos;
  while (p < s.length && SEPARATORS.has(s.charCodeAt(p))) p++;
  return p;
}

function inProvince(r: Region, province: Region): boolean {
  return r.code.startsWith(province.code.slice(0, 2));
}

interface Ctx {
  s: string;
  scope: Scope;
  hits: Hit[];
}

/** All readings of `s` from `p0` consistent with `scope`. A handful per call: no allocation storms. */
export function search(s: string, p0: number, scope: Scope): Hit[] {
  const ctx: Ctx = { s, scope, hits: [] };
  const at0 = matchNames(s, p0);
  for (const m of at0) {
    for (const e of m.entries) {
      const r = e.region;
      if (r.level === 1 && (!scope.province || r === scope.province)) {
        cityStep(ctx, r, p0, m.end, null);
      }
    }
  }
  cityStep(ctx, scope.province, -1, p0, at0);
  return ctx.hits;
}

function cityStep(
  ctx: Ctx,
  province: Region | null,
  from: number,
  pos: number,
  pre: NameMatch[] | null,
): void {
  const { s, scope } = ctx;
  const p = skipSep(s, pos);
  const anchored = province !== null || scope.cities.length > 0;
  for (const m of pre && p === pos ? pre : matchNames(s, p)) {
    let cities: Region[] | null = null;
    let weak = true;
    for (const e of m.entries) {
      const r = e.region;
      if (r.level !== 2) continue;
      if (province && r.parentCode !== province.code) continue;
      if (scope.cities.length > 0 && !scope.cities.includes(r)) continue;
      (cities ??= []).push(r);
      if (!e.weak) weak = false;
    }
    if (!cities) continue;
    const at = { from: p, pos: m.end, depth: 2, weak };
    // An unanchored bare name ("杭州…") only counts when a county of that city follows it.
    countyStep(ctx, province, cities, at, weak && !anchored);
  }
  const at = { from, pos, depth: from >= 0 ? 1 : 0, weak: false };
  countyStep(ctx, province, scope.cities, at, false);
}

interface Reached {
  from: number;
  pos: number;
  depth: number;
  weak: boolean;
}

function countyStep(
  ctx: Ctx,
  province: Region | null,
  cities: readonly Region[],
  at: Reached,
  needCounty: boolean,
): void {
  const { s, scope, hits } = ctx;
  const p = skipSep(s, at.pos);
  for (const m of matchNames(s, p)) {
    let counties: Region[] | null = null;
    let weak = true;
    for (const e of m.entries) {
      const r = e.region;
      if (r.level !== 3 || (scope.county && r !== scope.county)) continue;
      if (cities.length > 0) {
        if (!cities.some((c) => c.code === r.parentCode)) continue;
      } else if (province) {
        if (!inProvince(r, province)) continue;
      } else if (e.weak) continue; // "城区…" alone names nothing
      (counties ??= []).push(r);
      if (!e.weak) weak = false;
    }
    if (counties) hits.push({ province, cities, counties, from: p, end: m.end, depth: 3, weak });
  }
  if (!needCounty && at.depth > 0) {
    const counties = scope.county ? [scope.county] : [];
    hits.push({
      province,
      cities,
      counties,
      from: at.from,
      end: at.pos,
      depth: at.depth,
      weak: at.weak,
    });
  }
}

export function resolveHit(hit: Hit): Resolution {
  const { counties, cities, province } = hit;
  if (counties.length > 1) return { kind: "ambiguous", regions: counties };
  const county = counties[0];
  if (county) {
    const city = regionByCode(county.parentCode ?? "");
    const prov = city && regionByCode(city.parentCode ?? "");
    if (city && prov) return { kind: "resolved", province: prov, city, county };
  }
  const first = cities[0];
  if (first) {
    const prov = regionByCode(first.parentCode ?? "");
    // 重庆's two city codes are one city to a reader: take 500100 (data order) when unspecified.
    const oneCity =
      cities.every((c) => c.parentCode === first.parentCode) && prov && isMunicipality(prov);
    if (cities.length > 1 && !oneCity) return { kind: "ambiguous", regions: cities };
    if (prov) return { kind: "resolved", province: prov, city: first, county: null };
  }
  if (province && isMunicipality(province)) {
    const city = childrenOf(province.code)[0];
    if (city) return { kind: "resolved", province, city, county: null };
  }
  return province ? { kind: "province", province } : { kind: "ambiguous", regions: [] };
}

/** resolveHit's verdict as a rank (2 unique, 1 ambiguous, 0 province only), without lookups. */
function quality(h: Hit): number {
  if (h.counties.length > 0) return h.counties.length === 1 ? 2 : 1;
  const first = h.cities[0];
  if (first) {
    if (h.cities.length === 1) return 2;
    const prov = regionByCode(first.parentCode ?? "");
    return prov && isMunicipality(prov) && h.cities.every((c) => c.parentCode === first.parentCode)
      ? 2
      : 1;
  }
  return h.province && isMunicipality(h.province) ? 2 : 0;
}

/**
 * The reading consuming the most text; ties prefer a unique answer, then the deeper reading.
 * `minDepth`/`strongEnd` serve the repeated-prefix pass, which must not eat "北京市第八十中学".
 */
export function pickBest(hits: readonly Hit[], minDepth: number, strongEnd = false): Hit | null {
  let best: Hit | null = null;
  let bestQuality = -1;
  for (const h of hits) {
    if (h.depth < minDepth || (strongEnd && h.weak)) continue;
    const q = quality(h);
    if (
      !best ||
      h.end > best.end ||
      (h.end === best.end && (q > bestQuality || (q === bestQuality && h.depth > best.depth)))
    ) {
      best = h;
      bestQuality = q;
    }
  }
  return best;
}
