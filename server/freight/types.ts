/**
 * Freight templates and quotes. Units follow DESIGN.md section 2: money is integer fen, weight is
 * integer grams, lengths are integer millimetres, regions are 6-digit GB/T 2260 codes. Percentages
 * are integer basis points (1 bp = 0.01 %, 10000 bp = 100 %) so no float ever touches money.
 * The zod schemas in `schemas.ts` validate exactly these shapes.
 */

/**
 * Which regions a zone (or the remote surcharge) covers.
 * - `all`: every region (全国), the least specific match.
 * - `set`: a named region set defined once and reused (江浙沪, 偏远地区…), by id.
 * - `codes`: inline codes, e.g. one province per row of an imported rate card.
 * A province or city code covers all of its descendants.
 */
export type RegionSetRef =
  { type: "all" } | { type: "set"; id: string } | { type: "codes"; codes: string[] };

/** A reusable list of regions, e.g. { id: "jzh", name: "江浙沪", codes: ["310000", "320000", "330000"] }. */
export type RegionSet = {
  id: string;
  name: string;
  codes: string[];
};

export type BillingMode = "weight" | "volume" | "piece";

/**
 * One row of a template: parcels from `origin` to `destination` cost `firstPriceFen` for the
 * first `firstWeightG`, plus `additionalUnitPriceFen` for each started `additionalUnitG` above it.
 * With piece billing the first price covers the first piece and the unit price each further
 * piece; the gram fields are then unused.
 */
export type FreightZone = {
  origin: RegionSetRef;
  destination: RegionSetRef;
  firstWeightG: number;
  firstPriceFen: number;
  additionalUnitG: number;
  additionalUnitPriceFen: number;
  /** The courier's promised transit time on this lane, in days. */
  transitDays?: number;
};

export type WeightRounding = {
  /** The chargeable weight is rounded UP to a multiple of this step (e.g. 500 g, 1000 g). */
  unitG: number;
  /**
   * The template's default first weight: used for new zones in the editor and for imported rate
   * cards without a 首重(kg) column. Each zone carries its own `firstWeightG` for pricing.
   */
  firstWeightG?: number;
};

/** Fixed fee or a percentage of the freight (after the minimum top-up), for destinations in `regions`. */
export type RemoteSurcharge =
  | { regions: RegionSetRef; kind: "fee"; feeFen: number }
  | { regions: RegionSetRef; kind: "percent"; basisPoints: number };

export type InsuranceTerms = {
  /** Fee = declared value × rate, rounded per money.ts, never below `minimumFen`. */
  rateBasisPoints: number;
  minimumFen: number;
  /** Declared values above this are refused (the courier will not insure them). */
  maxDeclaredFen?: number;
};

export type FreightTemplate = {
  id: string;
  name: string;
  courierAccountId: string;
  /** Courier product, e.g. "standard" (标快), "express" (特快), "economy". */
  product: string;
  billing: BillingMode;
  /** volumetric kg = L×W×H (cm) / divisor, i.e. volumetric g = L×W×H (mm) / divisor exactly. */
  volumetricDivisor: number;
  rounding: WeightRounding;
  zones: FreightZone[];
  /** The freight (first + additional) is topped up to this amount; 0 = no minimum. */
  minimumChargeFen: number;
  /** null: no remote-area surcharge on this template. */
  remoteSurcharge: RemoteSurcharge | null;
  /** Percentage of freight + remote surcharge; 0 = none. */
  fuelSurchargeBasisPoints: number;
  /** null: the product offers no declared-value insurance; declared values are then ignored. */
  insurance: InsuranceTerms | null;
  /** Shipped with the demo as an illustration; to be replaced with the merchant's contract rates. */
  isExample: boolean;
};

export type Parcel = {
  originCode: string;
  destinationCode: string;
  /** Actual (scale) weight of the whole parcel. 0 = not weighed yet: quoted at the first weight. */
  weightG: number;
  /** Outer dimensions of the whole parcel; give all three or none. */
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
  /** Number of pieces, for piece billing only (default 1). */
  pieces?: number;
  /** Declared value for insurance; 0 or absent = not insured. */
  declaredValueFen?: number;
};

export type QuoteLineKind =
  | "first_weight"
  | "additional_weight"
  | "volumetric_note"
  | "minimum_top_up"
  | "remote"
  | "fuel"
  | "insurance";

export type QuoteLineDetail = {
  /** Units charged (1 for the first weight, n for additional units, pieces…). */
  units?: number;
  unitPriceFen?: number;
  /** Grams per unit (first weight or additional unit). */
  unitG?: number;
  pieces?: number;
  actualWeightG?: number;
  volumetricWeightG?: number;
  chargeableWeightG?: number;
  divisor?: number;
  dimensionsMm?: [number, number, number];
  /** The amount a percentage applies to. */
  baseFen?: number;
  basisPoints?: number;
  minimumFen?: number;
  declaredValueFen?: number;
  regionCode?: string;
  regionName?: string;
};

export type QuoteLine = {
  kind: QuoteLineKind;
  labelZh: string;
  labelEn: string;
  amountFen: number;
  detail: QuoteLineDetail;
};

/** How specific the matched zone's destination is for this parcel. */
export type MatchLevel = "county" | "city" | "province" | "all";

export type QuoteZone = {
  /** Position of the zone in `template.zones`. */
  index: number;
  originLabel: string;
  destinationLabel: string;
  matchedLevel: MatchLevel;
  transitDays: number | null;
};

export type QuoteSuccess = {
  ok: true;
  templateId: string;
  totalFen: number;
  /** The weight the freight is computed on (after rounding and the first-weight floor). */
  chargeableWeightG: number;
  actualWeightG: number;
  /** null when no dimensions were given. */
  volumetricWeightG: number | null;
  billedBy: "actual" | "volumetric" | "piece";
  /** The destination is in the template's remote-surcharge regions (false when it has none). */
  remote: boolean;
  lines: QuoteLine[];
  zone: QuoteZone;
};

export type QuoteFailureReason =
  "invalid_parcel" | "unknown_region" | "no_zone" | "declared_value_too_high" | "invalid_template";

export type QuoteFailure = {
  ok: false;
  reason: QuoteFailureReason;
  message: string;
  messageZh: string;
};

export type QuoteResult = QuoteSuccess | QuoteFailure;

/** A template compiled against its region sets: one call per parcel. */
export type Quoter = (parcel: Parcel) => QuoteResult;
