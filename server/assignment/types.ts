import type { FreightTemplate, QuoteSuccess, RegionSetRef } from "@/server/freight/types";

/**
 * Courier assignment: which courier account ships a parcel, and why. Units follow the freight
 * engine (DESIGN.md section 2): money in integer fen, weight in grams, lengths in millimetres,
 * regions as 6-digit GB/T 2260 codes. The zod schemas in `schemas.ts` validate the input shapes.
 */

/** A text shown to people, in both console languages. */
export type Bilingual = { zh: string; en: string };

/** Why an account was excluded or chosen: a stable code for programs, words for people. */
export type Reason = Bilingual & { code: ReasonCode };

export type ReasonCode =
  // hard filters, in the order they are applied
  | "account_disabled"
  | "circuit_open"
  | "not_served"
  | "invalid_coverage"
  | "over_weight"
  | "over_side"
  | "over_size_sum"
  | "goods_refused"
  | "preference_only"
  | "preference_excluded"
  | "shop_not_allowed"
  // freight quote (coverage by the templates' zones)
  | "no_template"
  | "no_zone"
  | "declared_value_too_high"
  | "invalid_template"
  | "invalid_parcel"
  // rules
  | "rule_excluded"
  | "not_pinned"
  | "not_configured"
  // why the chosen account won
  | "rule_pinned"
  | "only_option"
  | "cheapest"
  | "fastest"
  | "balanced"
  | "tie_break";

export type Objective = "cheapest" | "fastest" | "balanced";

/**
 * Weights of the balanced objective over normalised penalties (see `rank.ts`): any non-negative
 * numbers with a positive sum; they are divided by their sum.
 */
export type BalancedWeights = { cost: number; speed: number; exceptions: number };

/** Per-account physical limits; absent = no limit. */
export type CourierLimits = {
  /** Heaviest actual (scale) weight accepted. */
  maxWeightG?: number;
  /** Longest side accepted. */
  maxSideMm?: number;
  /** Largest length + width + height accepted. */
  maxSumMm?: number;
};

/**
 * What this system observed on one lane (origin province -> destination province) for one
 * account, from its own delivered parcels: transit hours from pickup to delivery and the share
 * of parcels with an exception (lost, damaged, returned, stuck).
 */
export type LaneStats = {
  p50Hours: number;
  p90Hours: number;
  samples: number;
  /** 0..1 */
  exceptionRate: number;
};

/** A courier account that could ship the parcel, with everything assignment needs to judge it. */
export type Candidate = {
  accountId: string;
  /** Courier code from the catalog (server/couriers/catalog.ts), e.g. "zto". */
  courier: string;
  /** The account's own name, used to tell two accounts of the same courier apart. */
  name: string;
  enabled: boolean;
  /** The courier API's circuit breaker is open: issuing a waybill would fail now. */
  breakerOpen: boolean;
  /** ISO timestamp when the open breaker lets the next call through. */
  retryAt?: string | null;
  /** The account's freight templates (products); the cheapest quoting one prices the parcel. */
  templates: FreightTemplate[];
  limits: CourierLimits;
  /** Goods attributes the account will not carry, e.g. ["liquid", "battery"] for air mail. */
  restrictions: { refuses: string[] };
  /** Destinations the account does not serve (beyond the templates' zones). */
  coverage?: { notServed: RegionSetRef } | null;
  /** Keyed by `laneKey(originProvince, destinationProvince)`. */
  laneStats?: Record<string, LaneStats>;
};

export type ParcelDims = { lengthMm: number; widthMm: number; heightMm: number };

/** The parcel as assignment sees it: where, how big, what is inside, and whose wishes apply. */
export type ParcelFacts = {
  originCode: string;
  destinationCode: string;
  /** Actual weight; 0 = not weighed yet (weight limits then pass, quotes use the first weight). */
  weightG: number;
  /** null = not measured (size limits then pass). */
  dims: ParcelDims | null;
  /** Value to insure (0 = not insured); also what value rules compare. */
  declaredValueFen: number;
  /** Goods attributes of the parcel's items, e.g. ["liquid", "fragile"]. */
  attributes: string[];
  shopId: string;
  /** The shop's allowed courier accounts; null = any. */
  allowedAccountIds: string[] | null;
  /** The customer's wish, by courier code: { only: ["sf"] } or { exclude: ["ems"] }. */
  preference: { only?: string[]; exclude?: string[] };
};

/** All given conditions must hold (AND); a rule without conditions matches every parcel. */
export type RuleCondition = {
  /** Declared value strictly above this. */
  declaredValueOverFen?: number;
  destinationIn?: RegionSetRef;
  /** The parcel has at least one of these goods attributes. */
  attributeAny?: string[];
  shopIds?: string[];
  /** Actual weight strictly above this. */
  weightOverG?: number;
};

/** Targets are the union of the listed accounts and every account of the listed couriers. */
export type RuleAction = {
  kind: "pin" | "exclude";
  accountIds?: string[];
  couriers?: string[];
};

/** One row of `assignment_rules`, evaluated in ascending `position` (then id). */
export type Rule = {
  id: string;
  name: string;
  enabled: boolean;
  position: number;
  condition: RuleCondition;
  action: RuleAction;
};

export type AssignOptions = {
  /** Balanced objective weights; default DEFAULT_BALANCED_WEIGHTS. */
  weights?: BalancedWeights;
  /** Delivered parcels a lane needs before its history is trusted; default MIN_HISTORY_SAMPLES. */
  minHistorySamples?: number;
};

/** Where a transit time comes from: this system's history, the courier's promise, or nowhere. */
export type TransitSource = "history" | "promise" | "unknown";

/** An eligible account, priced and timed, in ranked order. */
export type RankedOption = {
  accountId: string;
  courier: string;
  name: string;
  quote: QuoteSuccess;
  /** null when neither history nor the template promises a time. */
  transitHours: number | null;
  source: TransitSource;
  /** Delivered parcels behind a "history" transit time. */
  samples?: number;
  /** On this lane, when the history is trusted. */
  exceptionRate?: number;
  /** 0..1, higher is better, under the objective's weights (4 decimals). */
  score: number;
};

export type ExcludedOption = {
  accountId: string;
  courier: string;
  name: string;
  reason: Reason;
  /** When the breaker lets calls through again (circuit_open only). */
  retryAt?: string | null;
  /** Present when the account passed the filters and was priced before a rule removed it. */
  quote?: QuoteSuccess;
};

export type RuleOutcome =
  | "pinned"
  | "pin_unavailable"
  | "excluded"
  | "not_matched"
  | "not_evaluated"
  | "disabled"
  | "invalid";

export type RuleTrace = {
  ruleId: string;
  name: string;
  kind: RuleAction["kind"];
  outcome: RuleOutcome;
  /** Accounts the rule pinned or removed. */
  accountIds: string[];
  /** pin_unavailable: each targeted account or courier and why it could not be used. */
  unavailable?: { target: string; label: Bilingual; reason: Reason }[];
};

export type ChosenOption = {
  accountId: string;
  courier: string;
  name: string;
  quote: QuoteSuccess;
  score: number;
  reasons: Reason[];
};

/** What assignment stores on the parcel (`shipments.assignment`) and shows to people. */
export type AssignmentResult = {
  objective: Objective;
  chosen: ChosenOption | null;
  ranked: RankedOption[];
  excluded: ExcludedOption[];
  rules: RuleTrace[];
  explanation: Bilingual;
};
