import {
  ceilDiv,
  formatBasisPoints,
  formatKg,
  formatYuan,
  MAX_FEN,
  percentOfFen,
  roundUpTo,
} from "./money";
import {
  compileRef,
  coverage,
  LEVEL_NAMES,
  refLabel,
  regionChain,
  UnknownRegionSetError,
  type CompiledRef,
  type RegionChain,
} from "./regions";
import { MAX_PIECES, MAX_SIDE_MM, MAX_WEIGHT_G } from "./schemas";
import type {
  FreightTemplate,
  FreightZone,
  Parcel,
  QuoteFailure,
  QuoteFailureReason,
  QuoteLine,
  QuoteResult,
  QuoteZone,
  Quoter,
  RegionSet,
} from "./types";

/**
 * The freight quote: a pure function of (template, region sets, parcel).
 *
 * 1. Zone. The destination picks the most specific zone: a zone listing the county beats one
 *    listing the city, which beats the province, which beats "all" (全国). Among zones equally
 *    specific for the destination, the one whose ORIGIN is more specific wins; remaining ties go to
 *    the zone listed first in `template.zones` (so "省内" listed before "江浙沪" wins for Zhejiang).
 *    A zone whose origin does not cover the parcel's origin never matches.
 * 2. Chargeable weight.
 *    - weight billing: max(actual, volumetric) rounded UP to `rounding.unitG`, and never below the
 *      zone's first weight (不足首重按首重计). Volumetric grams = ⌈L×W×H (mm) / divisor⌉, which is
 *      exactly the cm³/kg convention: L×W×H (cm) / divisor kg = L×W×H (mm) / divisor g.
 *    - volume billing: the volumetric weight alone (dimensions required), rounded the same way.
 *    - piece billing: first price for the first piece, the unit price for each further piece.
 *    Additional units = ⌈(chargeable − first weight) / additional unit⌉.
 * 3. Money, in this order (each step's line rounded once per money.ts, half up to the fen):
 *      base      = first price + additional units × unit price
 *      minimum   = top-up of the base to `minimumChargeFen` (if the base is below it)
 *      remote    = fixed fee, or percent of (base + top-up), when the destination is remote
 *      fuel      = percent of (base + top-up + remote)
 *      insurance = max(minimum, declared value × rate) — on the declared value, never fuelled
 *      total     = sum of the lines
 *    Lines whose amount is 0 are omitted, except the first weight; the volumetric note (0 fen)
 *    appears when the volumetric weight raised the chargeable weight, and always under volume billing.
 *
 * `compileTemplate` does the region work once per template, so a quote is a few map lookups and
 * integer arithmetic; zone matches are memoised per (origin, destination).
 */

type Match = { zoneIndex: number; level: number };

type CompiledZone = {
  zone: FreightZone;
  origin: CompiledRef;
  label: QuoteZone;
};

export class FreightTemplateError extends Error {
  override readonly name = "FreightTemplateError";
}

function fail(reason: QuoteFailureReason, message: string, messageZh: string): QuoteFailure {
  return { ok: false, reason, message, messageZh };
}

function isIntIn(n: unknown, min: number, max: number): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= min && n <= max;
}

/** Structural checks `quote` needs even when the caller skipped the zod schema. */
function parcelProblem(p: Parcel): string | null {
  if (!isIntIn(p.weightG, 0, MAX_WEIGHT_G)) {
    return `weightG must be an integer number of grams between 0 and ${MAX_WEIGHT_G}`;
  }
  const dims = [p.lengthMm, p.widthMm, p.heightMm];
  const given = dims.filter((d) => d !== undefined).length;
  if (given !== 0 && given !== 3) return "give lengthMm, widthMm and heightMm together, or none";
  if (given === 3 && !dims.every((d) => isIntIn(d, 1, MAX_SIDE_MM))) {
    return `dimensions must be integer millimetres between 1 and ${MAX_SIDE_MM}`;
  }
  if (p.pieces !== undefined && !isIntIn(p.pieces, 1, MAX_PIECES)) {
    return `pieces must be an integer between 1 and ${MAX_PIECES}`;
  }
  if (p.declaredValueFen !== undefined && !isIntIn(p.declaredValueFen, 0, MAX_FEN)) {
    return `declaredValueFen must be an integer number of fen between 0 and ${MAX_FEN}`;
  }
  return null;
}

function invalidTemplate(template: FreightTemplate, problem: string): FreightTemplateError {
  return new FreightTemplateError(`freight template "${template.id}": ${problem}`);
}

/** Checks the numbers the arithmetic relies on (the zod schema checks the same and more). */
function checkTemplateNumbers(t: FreightTemplate): void {
  const positive = (n: number, what: string) => {
    if (!isIntIn(n, 1, Number.MAX_SAFE_INTEGER)) throw invalidTemplate(t, `${what} must be > 0`);
  };
  const fen = (n: number, what: string) => {
    if (!isIntIn(n, 0, MAX_FEN)) throw invalidTemplate(t, `${what} must be fen in [0, ${MAX_FEN}]`);
  };
  const bp = (n: number, what: string) => {
    if (!isIntIn(n, 0, 10_000)) throw invalidTemplate(t, `${what} must be basis points 0–10000`);
  };
  positive(t.volumetricDivisor, "volumetricDivisor");
  positive(t.rounding.unitG, "rounding.unitG");
  fen(t.minimumChargeFen, "minimumChargeFen");
  bp(t.fuelSurchargeBasisPoints, "fuelSurchargeBasisPoints");
  if (t.zones.length === 0) throw invalidTemplate(t, "has no zones");
  t.zones.forEach((z, i) => {
    positive(z.firstWeightG, `zones[${i}].firstWeightG`);
    positive(z.additionalUnitG, `zones[${i}].additionalUnitG`);
    fen(z.firstPriceFen, `zones[${i}].firstPriceFen`);
    fen(z.additionalUnitPriceFen, `zones[${i}].additionalUnitPriceFen`);
  });
  const r = t.remoteSurcharge;
  if (r?.kind === "fee") fen(r.feeFen, "remoteSurcharge.feeFen");
  if (r?.kind === "percent") bp(r.basisPoints, "remoteSurcharge.basisPoints");
  if (t.insurance) {
    bp(t.insurance.rateBasisPoints, "insurance.rateBasisPoints");
    fen(t.insurance.minimumFen, "insurance.minimumFen");
    if (t.insurance.maxDeclaredFen !== undefined) {
      fen(t.insurance.maxDeclaredFen, "insurance.maxDeclaredFen");
    }
  }
}

/**
 * Compiles a template against the region sets it references. Throws FreightTemplateError for an
 * unknown region set or code, or numbers the arithmetic cannot use. Treat the template and sets as
 * immutable afterwards: the quoter keeps what it derived from them.
 */
export function compileTemplate(
  template: FreightTemplate,
  regionSets: readonly RegionSet[],
): Quoter {
  checkTemplateNumbers(template);
  const zones: CompiledZone[] = [];
  /** destination code -> indices of zones listing it, in template order. */
  const byDestination = new Map<string, number[]>();
  const destinationAll: number[] = [];
  let remote: CompiledRef | undefined;
  try {
    template.zones.forEach((zone, index) => {
      zones.push({
        zone,
        origin: compileRef(zone.origin, regionSets),
        label: {
          index,
          originLabel: refLabel(zone.origin, regionSets),
          destinationLabel: refLabel(zone.destination, regionSets),
          matchedLevel: "all",
          transitDays: zone.transitDays ?? null,
        },
      });
      const destination = compileRef(zone.destination, regionSets);
      if (destination === null) destinationAll.push(index);
      else {
        for (const code of destination.keys()) {
          const list = byDestination.get(code);
          if (!list) byDestination.set(code, [index]);
          else if (list.at(-1) !== index) list.push(index);
        }
      }
    });
    if (template.remoteSurcharge) remote = compileRef(template.remoteSurcharge.regions, regionSets);
  } catch (error) {
    if (error instanceof UnknownRegionSetError) throw invalidTemplate(template, error.message);
    throw error;
  }

  /** Best zone among `candidates` for this origin: most specific origin, then first listed. */
  const bestByOrigin = (candidates: readonly number[], origin: RegionChain): number => {
    let best = -1;
    let bestLevel = -1;
    for (const i of candidates) {
      const level = coverage(zones[i]!.origin, origin);
      if (level > bestLevel) {
        best = i;
        bestLevel = level;
      }
    }
    return best;
  };

  const selectZone = (origin: RegionChain, destination: RegionChain): Match | null => {
    for (let k = 0; k < destination.codes.length; k++) {
      const candidates = byDestination.get(destination.codes[k]!);
      if (!candidates) continue;
      const best = bestByOrigin(candidates, origin);
      if (best >= 0) return { zoneIndex: best, level: destination.levels[k]! };
    }
    const best = bestByOrigin(destinationAll, origin);
    return best >= 0 ? { zoneIndex: best, level: 0 } : null;
  };

  const memo = new Map<string, Map<string, Match | null>>();
  let memoSize = 0;
  const matchFor = (origin: RegionChain, destination: RegionChain): Match | null => {
    const o = origin.codes[0]!;
    const d = destination.codes[0]!;
    let inner = memo.get(o);
    if (inner) {
      const hit = inner.get(d);
      if (hit !== undefined) return hit;
    } else {
      inner = new Map();
      memo.set(o, inner);
    }
    const match = selectZone(origin, destination);
    if (++memoSize > 200_000) {
      // Bounded: a pathological caller cycling through every pair starts over.
      memo.clear();
      inner = new Map();
      memo.set(o, inner);
      memoSize = 1;
    }
    inner.set(d, match);
    return match;
  };

  /** The remote region the destination falls in (its most specific listed code), or null. */
  const remoteRegion = (destination: RegionChain): { code: string; name: string } | null => {
    if (remote === undefined) return null;
    if (remote === null) {
      const k = destination.codes.length - 1;
      return { code: destination.codes[k]!, name: destination.names[k]! };
    }
    for (let k = 0; k < destination.codes.length; k++) {
      if (remote.has(destination.codes[k]!)) {
        return { code: destination.codes[k]!, name: destination.names[k]! };
      }
    }
    return null;
  };

  const { billing, volumetricDivisor: divisor, rounding, remoteSurcharge, insurance } = template;
  const fuelBp = template.fuelSurchargeBasisPoints;
  const minimumFen = template.minimumChargeFen;

  return (parcel: Parcel): QuoteResult => {
    const problem = parcelProblem(parcel);
    if (problem) return fail("invalid_parcel", problem, `包裹信息无效：${problem}`);
    const origin = regionChain(parcel.originCode);
    if (!origin) {
      return fail(
        "unknown_region",
        `unknown origin region code ${JSON.stringify(parcel.originCode)}`,
        `始发地区划代码无效：${parcel.originCode}`,
      );
    }
    const destination = regionChain(parcel.destinationCode);
    if (!destination) {
      return fail(
        "unknown_region",
        `unknown destination region code ${JSON.stringify(parcel.destinationCode)}`,
        `目的地区划代码无效：${parcel.destinationCode}`,
      );
    }
    const match = matchFor(origin, destination);
    if (!match) {
      return fail(
        "no_zone",
        `template "${template.name}" has no zone from ${origin.names[0]} to ${destination.names[0]}`,
        `运费模板「${template.name}」没有 ${origin.names[0]} 至 ${destination.names[0]} 的计费区域`,
      );
    }
    const compiled = zones[match.zoneIndex]!;
    const zone = compiled.zone;

    const actualG = parcel.weightG;
    const hasDims = parcel.lengthMm !== undefined;
    const volumeMm3 = hasDims ? parcel.lengthMm! * parcel.widthMm! * parcel.heightMm! : 0;
    const volumetricG = hasDims ? ceilDiv(volumeMm3, divisor) : null;
    const lines: QuoteLine[] = [];

    let chargeableG: number;
    let billedBy: "actual" | "volumetric" | "piece";
    let baseFen: number;
    if (billing === "piece") {
      const pieces = parcel.pieces ?? 1;
      billedBy = "piece";
      chargeableG = roundUpTo(actualG, rounding.unitG);
      lines.push({
        kind: "first_weight",
        labelZh: "首件",
        labelEn: "First piece",
        amountFen: zone.firstPriceFen,
        detail: { units: 1, unitPriceFen: zone.firstPriceFen, pieces },
      });
      const more = pieces - 1;
      const moreFen = more * zone.additionalUnitPriceFen;
      if (moreFen > 0) {
        const price = formatYuan(zone.additionalUnitPriceFen);
        lines.push({
          kind: "additional_weight",
          labelZh: `续件 ${more} 件 × ${price}`,
          labelEn: `Additional pieces ${more} × ${price}`,
          amountFen: moreFen,
          detail: { units: more, unitPriceFen: zone.additionalUnitPriceFen, pieces },
        });
      }
      baseFen = zone.firstPriceFen + moreFen;
    } else {
      if (billing === "volume" && volumetricG === null) {
        const message = "this template bills by volume: give lengthMm, widthMm and heightMm";
        return fail("invalid_parcel", message, "该模板按体积计费，请填写包裹长、宽、高（毫米）");
      }
      const floorG = zone.firstWeightG;
      const byActual = Math.max(roundUpTo(actualG, rounding.unitG), floorG);
      if (billing === "volume") {
        chargeableG = Math.max(roundUpTo(volumetricG!, rounding.unitG), floorG);
        billedBy = "volumetric";
      } else if (volumetricG !== null && volumetricG > actualG) {
        chargeableG = Math.max(roundUpTo(volumetricG, rounding.unitG), floorG);
        billedBy = chargeableG > byActual ? "volumetric" : "actual";
      } else {
        chargeableG = byActual;
        billedBy = "actual";
      }
      if (billedBy === "volumetric") {
        const dims: [number, number, number] = [
          parcel.lengthMm!,
          parcel.widthMm!,
          parcel.heightMm!,
        ];
        const size = `${dims[0]}×${dims[1]}×${dims[2]} mm ÷ ${divisor}`;
        const vol = formatKg(volumetricG!);
        const act = formatKg(actualG);
        lines.push({
          kind: "volumetric_note",
          labelZh:
            billing === "volume"
              ? `按体积计费：体积重 ${vol}（${size}）`
              : `按体积重计费：体积重 ${vol} 大于实重 ${act}（${size}）`,
          labelEn:
            billing === "volume"
              ? `Billed by volume: volumetric weight ${vol} (${size})`
              : `Volumetric weight ${vol} exceeds actual ${act} and is charged (${size})`,
          amountFen: 0,
          detail: {
            actualWeightG: actualG,
            volumetricWeightG: volumetricG!,
            chargeableWeightG: chargeableG,
            divisor,
            dimensionsMm: dims,
          },
        });
      }
      const firstKg = formatKg(zone.firstWeightG);
      lines.push({
        kind: "first_weight",
        labelZh: `首重 ${firstKg}`,
        labelEn: `First weight ${firstKg}`,
        amountFen: zone.firstPriceFen,
        detail: { units: 1, unitG: zone.firstWeightG, unitPriceFen: zone.firstPriceFen },
      });
      const units =
        chargeableG > zone.firstWeightG
          ? ceilDiv(chargeableG - zone.firstWeightG, zone.additionalUnitG)
          : 0;
      const unitsFen = units * zone.additionalUnitPriceFen;
      if (unitsFen > 0) {
        const per = `${formatYuan(zone.additionalUnitPriceFen)}/${formatKg(zone.additionalUnitG)}`;
        lines.push({
          kind: "additional_weight",
          labelZh: `续重 ${units} × ${per}`,
          labelEn: `Additional weight ${units} × ${per}`,
          amountFen: unitsFen,
          detail: {
            units,
            unitG: zone.additionalUnitG,
            unitPriceFen: zone.additionalUnitPriceFen,
            chargeableWeightG: chargeableG,
          },
        });
      }
      baseFen = zone.firstPriceFen + unitsFen;
    }
    if (!Number.isSafeInteger(baseFen) || baseFen > MAX_FEN) {
      const message = "freight exceeds the largest amount the engine handles";
      return fail("invalid_parcel", message, "运费超出可计算范围");
    }

    const topUpFen = baseFen < minimumFen ? minimumFen - baseFen : 0;
    if (topUpFen > 0) {
      const min = formatYuan(minimumFen);
      lines.push({
        kind: "minimum_top_up",
        labelZh: `最低收费 ${min} 补足`,
        labelEn: `Top-up to the minimum charge ${min}`,
        amountFen: topUpFen,
        detail: { baseFen, minimumFen },
      });
    }
    const freightFen = baseFen + topUpFen;

    let remoteFen = 0;
    const remoteAt = remoteSurcharge ? remoteRegion(destination) : null;
    if (remoteSurcharge && remoteAt) {
      const where = remoteAt.name;
      if (remoteSurcharge.kind === "fee") {
        remoteFen = remoteSurcharge.feeFen;
        if (remoteFen > 0) {
          lines.push({
            kind: "remote",
            labelZh: `偏远地区附加费（${where}）`,
            labelEn: `Remote-area surcharge (${where})`,
            amountFen: remoteFen,
            detail: { regionCode: remoteAt.code, regionName: where },
          });
        }
      } else {
        const bp = remoteSurcharge.basisPoints;
        remoteFen = percentOfFen(freightFen, bp);
        if (remoteFen > 0) {
          const pct = formatBasisPoints(bp);
          lines.push({
            kind: "remote",
            labelZh: `偏远地区附加费 ${pct}（${where}）`,
            labelEn: `Remote-area surcharge ${pct} (${where})`,
            amountFen: remoteFen,
            detail: {
              baseFen: freightFen,
              basisPoints: bp,
              regionCode: remoteAt.code,
              regionName: where,
            },
          });
        }
      }
    }

    let fuelFen = 0;
    if (fuelBp > 0) {
      const fuelBase = freightFen + remoteFen;
      fuelFen = percentOfFen(fuelBase, fuelBp);
      if (fuelFen > 0) {
        const pct = formatBasisPoints(fuelBp);
        lines.push({
          kind: "fuel",
          labelZh: `燃油附加费 ${pct}`,
          labelEn: `Fuel surcharge ${pct}`,
          amountFen: fuelFen,
          detail: { baseFen: fuelBase, basisPoints: fuelBp },
        });
      }
    }

    let insuranceFen = 0;
    const declared = parcel.declaredValueFen ?? 0;
    if (insurance && declared > 0) {
      if (insurance.maxDeclaredFen !== undefined && declared > insurance.maxDeclaredFen) {
        const max = formatYuan(insurance.maxDeclaredFen);
        return fail(
          "declared_value_too_high",
          `declared value ${formatYuan(declared)} exceeds the insurable maximum ${max}`,
          `声明价值 ${formatYuan(declared)} 超过最高保价 ${max}`,
        );
      }
      const byRate = percentOfFen(declared, insurance.rateBasisPoints);
      insuranceFen = byRate < insurance.minimumFen ? insurance.minimumFen : byRate;
      if (insuranceFen > 0) {
        const pct = formatBasisPoints(insurance.rateBasisPoints);
        const value = formatYuan(declared);
        const min = formatYuan(insurance.minimumFen);
        lines.push({
          kind: "insurance",
          labelZh: `保价费：声明价值 ${value} × ${pct}（最低 ${min}）`,
          labelEn: `Insurance: declared ${value} × ${pct} (minimum ${min})`,
          amountFen: insuranceFen,
          detail: {
            declaredValueFen: declared,
            basisPoints: insurance.rateBasisPoints,
            minimumFen: insurance.minimumFen,
          },
        });
      }
    }

    return {
      ok: true,
      templateId: template.id,
      totalFen: freightFen + remoteFen + fuelFen + insuranceFen,
      chargeableWeightG: chargeableG,
      actualWeightG: actualG,
      volumetricWeightG: volumetricG,
      billedBy,
      remote: remoteAt !== null,
      lines,
      zone: { ...compiled.label, matchedLevel: LEVEL_NAMES[match.level as 0 | 1 | 2 | 3] },
    };
  };
}

const compiledCache = new WeakMap<
  FreightTemplate,
  { sets: readonly RegionSet[]; quoter: Quoter }
>();

/**
 * One-off quote. Compiles the template on first use and reuses the compiled form while the same
 * template and region-set objects are passed (templates are immutable values). A template that
 * cannot be compiled yields `invalid_template` rather than throwing.
 */
export function quote(
  template: FreightTemplate,
  regionSets: readonly RegionSet[],
  parcel: Parcel,
): QuoteResult {
  let entry = compiledCache.get(template);
  if (!entry || entry.sets !== regionSets) {
    try {
      entry = { sets: regionSets, quoter: compileTemplate(template, regionSets) };
    } catch (error) {
      if (!(error instanceof FreightTemplateError)) throw error;
      return fail("invalid_template", error.message, `运费模板配置有误：${error.message}`);
    }
    compiledCache.set(template, entry);
  }
  return entry.quoter(parcel);
}

/** The sum of a quote's lines; equals `totalFen` by construction (tests assert it). */
export function sumLines(lines: readonly QuoteLine[]): number {
  let sum = 0;
  for (const line of lines) sum += line.amountFen;
  return sum;
}
