import { childrenOf, provinceOf, regionByCode, type Region } from "./data";
import {
  NO_SCOPE,
  normalize,
  pickBest,
  resolveHit,
  search,
  skipSep,
  type AddressFailure,
  type AddressParse,
  type Hit,
  type Scope,
} from "./match";
import { matchNames, regionsNamed } from "./names";
import {
  ambiguous,
  fail,
  formatRegion,
  unknownCity,
  unknownCounty,
  unknownProvince,
  unrecognised,
} from "./suggest";

/**
 * Address parsing for order imports: split "浙江省杭州市西湖区文三路100号" into regions + detail.
 *
 * Cost: names live in a trie (./names), so a parse is a few trie walks from the start of the
 * string (~1–3 µs), independent of the 3,400 region names. The success path never runs fuzzy
 * matching; only failures compute suggestions.
 *
 * county is null when the city has no county level (东莞市…) or the address names none
 * ("北京市xx路"); callers that need a district check `childrenOf(city.code).length`.
 */

export type { AddressFailureReason, AddressParse } from "./match";

/** An export with separate region columns; any column may be blank. */
export interface AddressParts {
  province?: string | null;
  city?: string | null;
  county?: string | null;
  detail: string;
}

export function parseAddress(text: string): AddressParse {
  const s = normalize(text);
  if (!s) return fail("empty", "Address is empty");
  const best = pickBest(search(s, 0, NO_SCOPE), 1);
  return best ? finish(s, best) : unrecognised(s);
}

function finish(s: string, hit: Hit): AddressParse {
  const r = resolveHit(hit);
  if (r.kind === "ambiguous") return ambiguous(s, hit.from, hit.end, r.regions);
  if (r.kind === "province") return unknownCity(s, hit.end, r.province);
  return withDetail(s, hit.end, r.province, r.city, r.county);
}

/**
 * The detail is what follows the regions, minus a repeat of them: Taobao/PDD exports often put
 * the full address after the region columns ("浙江省 杭州市 西湖区 浙江省杭州市西湖区文三路").
 * A repeat is only dropped when it runs through the most specific region, so the school in
 * "北京市朝阳区北京市第八十中学" keeps its name.
 */
function withDetail(
  s: string,
  end: number,
  province: Region,
  city: Region,
  county: Region | null,
): AddressParse {
  let pos = skipSep(s, end);
  let found = county;
  // Most details start with a street, not a region name: skip the search then.
  const scope = { province, cities: [city], county };
  const again =
    matchNames(s, pos).length > 0 ? pickBest(search(s, pos, scope), county ? 3 : 2, true) : null;
  if (again) {
    pos = skipSep(s, again.end);
    found ??= again.counties[0] ?? null;
  }
  if (!found) {
    const problem = unknownCounty(s, pos, city);
    if (problem) return problem;
  }
  const detail = s.slice(pos).trim();
  if (!detail) {
    return fail("missing_detail", `No street address after "${formatRegion(found ?? city)}"`);
  }
  return { ok: true, province, city, county: found, detail };
}

const depthOf = (scope: Scope) =>
  scope.county ? 3 : scope.cities.length > 0 ? 2 : scope.province ? 1 : 0;

/**
 * Separate province/city/county columns plus a detail that may repeat them or hold the whole
 * address. Columns are matched exactly (any alias); the detail may refine a missing county.
 */
export function parseAddressParts(parts: AddressParts): AddressParse {
  const pt = normalize(parts.province ?? "");
  const ct = normalize(parts.city ?? "");
  const kt = normalize(parts.county ?? "");
  let detail = normalize(parts.detail);
  if (!pt && !ct && !kt) return parseAddress(detail);

  const cols = resolveColumns(pt, ct, kt);
  if ("ok" in cols) {
    // Columns that do not line up ("浙江省杭州市" in the province column, a county in the city
    // column) may still read as one free-text address; accept that only if it is as specific
    // as the columns given, so an unknown district column is never silently dropped.
    const joined = parseAddress([pt, ct, kt, detail].join(" "));
    return joined.ok && (!kt || joined.county) ? joined : cols;
  }
  const { scope, town } = cols;
  // 东莞/中山 exports put the town in the county column; it belongs in the detail.
  if (town && !detail.startsWith(town)) detail = `${town}${detail}`;

  // The detail may repeat the columns or add the county they lack; if not, the columns stand.
  const hit = pickBest(search(detail, 0, scope), Math.max(2, depthOf(scope)), true) ?? {
    province: scope.province,
    cities: scope.cities,
    counties: scope.county ? [scope.county] : [],
    from: 0,
    end: 0,
    depth: 0,
    weak: false,
  };
  return finish(detail, hit);
}

type Columns = { scope: Scope; town: string | null };

function named(text: string, level: 1 | 2 | 3): Region[] {
  return regionsNamed(text)
    .map((e) => e.region)
    .filter((r) => r.level === level);
}

/**
 * Resolved region columns by their text. An export names a few thousand distinct districts at
 * most, so a 100k-row file resolves each triple once instead of on every row (this was the
 * costliest step of validating a row). Results are shared, so nobody may mutate them.
 */
const resolvedColumns = new Map<string, Columns | AddressFailure>();
const RESOLVED_COLUMNS_MAX = 20_000;

function resolveColumns(pt: string, ct: string, kt: string): Columns | AddressFailure {
  const key = `${pt}\u0000${ct}\u0000${kt}`;
  let found = resolvedColumns.get(key);
  if (!found) {
    if (resolvedColumns.size >= RESOLVED_COLUMNS_MAX) resolvedColumns.clear();
    found = resolveColumnsUncached(pt, ct, kt);
    resolvedColumns.set(key, found);
  }
  return found;
}

function resolveColumnsUncached(pt: string, ct: string, kt: string): Columns | AddressFailure {
  let province: Region | null = null;
  if (pt) {
    province = named(pt, 1)[0] ?? null;
    if (!province) return unknownProvince(pt);
  }
  const inScope = (r: Region) => !province || provinceOf(r) === province;

  let cities: Region[] = [];
  let county: Region | null = null;
  if (ct) {
    cities = named(ct, 2).filter(inScope);
    if (cities.length === 0) {
      // 省直辖 units (仙桃市) and some exports put a county-level city in the city column.
      const asCounty = named(ct, 3).filter(inScope);
      if (asCounty.length === 1 && asCounty[0]) county = asCounty[0];
      else if (asCounty.length > 1) return ambiguous(ct, 0, ct.length, asCounty);
      else return province ? unknownCity(ct, 0, province) : unrecognised(ct);
    }
  }

  let town: string | null = null;
  if (kt && county) {
    // The city column held the county (湖北/仙桃市): the county column is then a town, or a repeat.
    if (!regionsNamed(kt).some((e) => e.region === county)) town = kt;
  } else if (kt) {
    const onlyCity = cities.length === 1 ? cities[0] : undefined;
    const counties = named(kt, 3).filter((k) =>
      cities.length > 0 ? cities.some((c) => c.code === k.parentCode) : inScope(k),
    );
    if (counties.length > 1) return ambiguous(kt, 0, kt.length, counties);
    county = counties[0] ?? null;
    if (!county) {
      const repeatsCity = regionsNamed(kt).some((e) => cities.includes(e.region));
      if (onlyCity && !repeatsCity && childrenOf(onlyCity.code).length === 0) town = kt;
      else if (!repeatsCity) {
        if (onlyCity) {
          return (
            unknownCounty(kt, 0, onlyCity) ??
            fail("unknown_region", `No district "${kt}" in ${onlyCity.name}`)
          );
        }
        return province ? unknownCity(kt, 0, province) : unrecognised(kt);
      }
    }
  }

  if (county) {
    const parent = regionByCode(county.parentCode ?? "");
    cities = parent ? [parent] : cities;
  }
  const first = cities[0];
  if (!province && first && cities.every((c) => c.parentCode === first.parentCode)) {
    province = provinceOf(first);
  }
  return { scope: { province, cities, county }, town };
}
