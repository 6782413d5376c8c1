import type {
  BillingMode,
  FreightTemplate,
  FreightZone,
  RegionSetRef,
} from "@/server/freight/types";
import { bpToPercent, fenToYuan, gToKg, kgToG, percentToBp, yuanToFen } from "./units";

/**
 * The template editor's state: what the manager typed, as text in yuan / kg / %, converted to the
 * stored integers (fen / g / basis points) only on save. Errors are keyed by the server's field
 * paths ("zones.2.firstPriceFen") so client and server errors land on the same inputs.
 */

export type ZoneDraft = {
  key: number;
  origin: RegionSetRef;
  destination: RegionSetRef;
  firstWeightKg: string;
  firstPriceYuan: string;
  additionalUnitKg: string;
  additionalUnitPriceYuan: string;
  transitDays: string;
};

export type TemplateDraft = {
  name: string;
  courierAccountId: string;
  product: string;
  enabled: boolean;
  isExample: boolean;
  billing: BillingMode;
  divisor: string;
  roundingKg: string;
  firstWeightKg: string;
  zones: ZoneDraft[];
  minimumYuan: string;
  remoteOn: boolean;
  remoteRegions: RegionSetRef;
  remoteKind: "fee" | "percent";
  remoteFeeYuan: string;
  remotePercent: string;
  fuelPercent: string;
  insuranceOn: boolean;
  insuranceRatePercent: string;
  insuranceMinYuan: string;
  insuranceMaxYuan: string;
};

let nextKey = 1;
export const newKey = () => nextKey++;

export function zoneDraftOf(z: FreightZone): ZoneDraft {
  return {
    key: newKey(),
    origin: z.origin,
    destination: z.destination,
    firstWeightKg: gToKg(z.firstWeightG),
    firstPriceYuan: fenToYuan(z.firstPriceFen),
    additionalUnitKg: gToKg(z.additionalUnitG),
    additionalUnitPriceYuan: fenToYuan(z.additionalUnitPriceFen),
    transitDays: z.transitDays === undefined ? "" : String(z.transitDays),
  };
}

export function emptyZone(firstWeightKg: string, unitKg: string, origin?: RegionSetRef): ZoneDraft {
  return {
    key: newKey(),
    origin: origin ?? { type: "all" },
    destination: { type: "all" },
    firstWeightKg,
    firstPriceYuan: "",
    additionalUnitKg: unitKg,
    additionalUnitPriceYuan: "",
    transitDays: "",
  };
}

export function draftOf(t: FreightTemplate, enabled: boolean): TemplateDraft {
  const r = t.remoteSurcharge;
  return {
    name: t.name,
    courierAccountId: t.courierAccountId,
    product: t.product,
    enabled,
    isExample: t.isExample,
    billing: t.billing,
    divisor: String(t.volumetricDivisor),
    roundingKg: gToKg(t.rounding.unitG),
    firstWeightKg: t.rounding.firstWeightG ? gToKg(t.rounding.firstWeightG) : "",
    zones: t.zones.map(zoneDraftOf),
    minimumYuan: t.minimumChargeFen ? fenToYuan(t.minimumChargeFen) : "",
    remoteOn: r !== null,
    remoteRegions: r?.regions ?? { type: "all" },
    remoteKind: r?.kind ?? "fee",
    remoteFeeYuan: r?.kind === "fee" ? fenToYuan(r.feeFen) : "",
    remotePercent: r?.kind === "percent" ? bpToPercent(r.basisPoints) : "",
    fuelPercent: t.fuelSurchargeBasisPoints ? bpToPercent(t.fuelSurchargeBasisPoints) : "",
    insuranceOn: t.insurance !== null,
    insuranceRatePercent: t.insurance ? bpToPercent(t.insurance.rateBasisPoints) : "",
    insuranceMinYuan: t.insurance ? fenToYuan(t.insurance.minimumFen) : "",
    insuranceMaxYuan: t.insurance?.maxDeclaredFen ? fenToYuan(t.insurance.maxDeclaredFen) : "",
  };
}

export function newDraft(courierAccountId: string, divisor: number): TemplateDraft {
  return {
    name: "",
    courierAccountId,
    product: "standard",
    enabled: true,
    isExample: false,
    billing: "weight",
    divisor: String(divisor),
    roundingKg: "1",
    firstWeightKg: "1",
    zones: [emptyZone("1", "1")],
    minimumYuan: "",
    remoteOn: false,
    remoteRegions: { type: "all" },
    remoteKind: "fee",
    remoteFeeYuan: "",
    remotePercent: "",
    fuelPercent: "",
    insuranceOn: false,
    insuranceRatePercent: "",
    insuranceMinYuan: "",
    insuranceMaxYuan: "",
  };
}

type Errors = Record<string, string>;

const REQUIRED = "freight.errors.required";
const AMOUNT = "freight.errors.amount";
const WEIGHT = "freight.errors.weight";
const PERCENT = "freight.errors.percent";
const WHOLE = "freight.errors.wholeNumber";

/** The template to save, or the fields that are not valid numbers (the server checks the rest). */
export function templateOf(
  d: TemplateDraft,
): { ok: true; template: Omit<FreightTemplate, "id"> } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const num = (
    text: string,
    path: string,
    parse: (s: string) => number | null,
    bad: string,
    optional: "zero" | "undefined" | false = false,
  ): number | undefined => {
    if (text.trim() === "") {
      if (optional === "zero") return 0;
      if (optional === "undefined") return undefined;
      errors[path] = REQUIRED;
      return 0;
    }
    const n = parse(text);
    if (n === null) {
      errors[path] = bad;
      return 0;
    }
    return n;
  };
  const int = (s: string) => (/^\d{1,9}$/.test(s.trim()) ? Number(s.trim()) : null);

  if (d.name.trim() === "") errors.name = REQUIRED;
  if (d.courierAccountId === "") errors.courierAccountId = REQUIRED;
  if (d.product.trim() === "") errors.product = REQUIRED;
  const volumetricDivisor = num(d.divisor, "volumetricDivisor", int, WHOLE)!;
  const unitG = num(d.roundingKg, "rounding.unitG", kgToG, WEIGHT)!;
  const firstWeightG = num(d.firstWeightKg, "rounding.firstWeightG", kgToG, WEIGHT, "undefined");
  const zones: FreightZone[] = d.zones.map((z, i) => {
    const p = `zones.${i}`;
    const transitDays = num(z.transitDays, `${p}.transitDays`, int, WHOLE, "undefined");
    return {
      origin: z.origin,
      destination: z.destination,
      firstWeightG: num(z.firstWeightKg, `${p}.firstWeightG`, kgToG, WEIGHT)!,
      firstPriceFen: num(z.firstPriceYuan, `${p}.firstPriceFen`, yuanToFen, AMOUNT)!,
      additionalUnitG: num(z.additionalUnitKg, `${p}.additionalUnitG`, kgToG, WEIGHT)!,
      additionalUnitPriceFen: num(
        z.additionalUnitPriceYuan,
        `${p}.additionalUnitPriceFen`,
        yuanToFen,
        AMOUNT,
      )!,
      ...(transitDays === undefined ? {} : { transitDays }),
    };
  });
  if (zones.length === 0) errors.zones = "freight.errors.noZones";
  const minimumChargeFen = num(d.minimumYuan, "minimumChargeFen", yuanToFen, AMOUNT, "zero")!;
  const fuelSurchargeBasisPoints = num(
    d.fuelPercent,
    "fuelSurchargeBasisPoints",
    percentToBp,
    PERCENT,
    "zero",
  )!;
  let remoteSurcharge: FreightTemplate["remoteSurcharge"] = null;
  if (d.remoteOn) {
    remoteSurcharge =
      d.remoteKind === "fee"
        ? {
            regions: d.remoteRegions,
            kind: "fee",
            feeFen: num(d.remoteFeeYuan, "remoteSurcharge.feeFen", yuanToFen, AMOUNT)!,
          }
        : {
            regions: d.remoteRegions,
            kind: "percent",
            basisPoints: num(d.remotePercent, "remoteSurcharge.basisPoints", percentToBp, PERCENT)!,
          };
  }
  let insurance: FreightTemplate["insurance"] = null;
  if (d.insuranceOn) {
    const maxDeclaredFen = num(
      d.insuranceMaxYuan,
      "insurance.maxDeclaredFen",
      yuanToFen,
      AMOUNT,
      "undefined",
    );
    insurance = {
      rateBasisPoints: num(
        d.insuranceRatePercent,
        "insurance.rateBasisPoints",
        percentToBp,
        PERCENT,
      )!,
      minimumFen: num(d.insuranceMinYuan, "insurance.minimumFen", yuanToFen, AMOUNT, "zero")!,
      ...(maxDeclaredFen ? { maxDeclaredFen } : {}),
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    template: {
      name: d.name.trim(),
      courierAccountId: d.courierAccountId,
      product: d.product.trim(),
      billing: d.billing,
      volumetricDivisor,
      rounding: firstWeightG === undefined ? { unitG } : { unitG, firstWeightG },
      zones,
      minimumChargeFen,
      remoteSurcharge,
      fuelSurchargeBasisPoints,
      insurance,
      isExample: d.isExample,
    },
  };
}

/** The error for a field: its own, or the first one reported inside it (e.g. "…regions.codes.0"). */
export function errorAt(errors: Errors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) return v;
  return undefined;
}
