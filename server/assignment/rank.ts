import { regionPath } from "@/server/regions/data";
import type { Eligible } from "./rules";
import type { BalancedWeights, Candidate, Objective, RankedOption, TransitSource } from "./types";

/**
 * The objective, applied to the accounts left after filters and rules.
 *
 * Transit time per account: the lane's p50 hours from this system's delivered parcels when the
 * lane (origin province -> destination province) has at least `minHistorySamples` (default 20)
 * deliveries, else the courier's promise (the matched zone's transitDays × 24), else unknown.
 * The exception rate is used only under the same sample threshold.
 *
 * Score, 0..1, higher is better: 1 − the weighted mean of three penalties, each 0 for the best
 * account among those compared:
 *   cost        (fen − min) / max(max − min, ¥1)
 *   speed       (hours − min) / max(max − min, 24 h); unknown transit = 1
 *   exceptions  (rate − min) / max(max − min, 1 percentage point); unknown rate = the mean of
 *               the known ones (neutral: a courier without history is neither rewarded nor
 *               punished), 0 when no account has history
 * The range floors keep trivial differences trivial: ¥8.00 vs ¥8.01 is a 0.01 penalty, not 1.
 * Weights: cheapest = cost only, fastest = speed only, balanced = DEFAULT_BALANCED_WEIGHTS
 * (cost 0.5, speed 0.3, exceptions 0.2) unless given.
 *
 * Order (deterministic, whatever the input order):
 *   cheapest: lower total fen, then faster, then account id
 *   fastest:  fewer hours (unknown last), then lower total fen, then account id
 *   balanced: higher score (at 4 decimals), then lower total fen, then faster, then account id
 * Account ids compare by UTF-16 code units (no locale).
 */

export const DEFAULT_BALANCED_WEIGHTS: Readonly<BalancedWeights> = Object.freeze({
  cost: 0.5,
  speed: 0.3,
  exceptions: 0.2,
});

export const MIN_HISTORY_SAMPLES = 20;
export const COST_RANGE_FLOOR_FEN = 100;
export const SPEED_RANGE_FLOOR_HOURS = 24;
export const EXCEPTION_RANGE_FLOOR = 0.01;

const OBJECTIVE_WEIGHTS: Record<Exclude<Objective, "balanced">, BalancedWeights> = {
  cheapest: { cost: 1, speed: 0, exceptions: 0 },
  fastest: { cost: 0, speed: 1, exceptions: 0 },
};

/** The key of `Candidate.laneStats`: "330000>110000" for 浙江 -> 北京. */
export function laneKey(originProvinceCode: string, destinationProvinceCode: string): string {
  return `${originProvinceCode}>${destinationProvinceCode}`;
}

/** The lane of a parcel from any two region codes, null if either is unknown. */
export function laneOf(originCode: string, destinationCode: string): string | null {
  const origin = regionPath(originCode);
  const destination = regionPath(destinationCode);
  return origin && destination ? laneKey(origin.province.code, destination.province.code) : null;
}

type Timing = Pick<RankedOption, "transitHours" | "source" | "samples" | "exceptionRate">;

export function timing(
  c: Candidate,
  promisedDays: number | null,
  lane: string | null,
  minSamples: number,
): Timing {
  const stats = lane === null ? undefined : c.laneStats?.[lane];
  if (stats && stats.samples >= minSamples) {
    return {
      transitHours: stats.p50Hours,
      source: "history",
      samples: stats.samples,
      exceptionRate: stats.exceptionRate,
    };
  }
  const source: TransitSource = promisedDays === null ? "unknown" : "promise";
  return { transitHours: promisedDays === null ? null : promisedDays * 24, source };
}

function checkWeights(w: BalancedWeights): number {
  const parts = [w.cost, w.speed, w.exceptions];
  const sum = parts.reduce((a, b) => a + b, 0);
  if (!parts.every((p) => Number.isFinite(p) && p >= 0) || !(sum > 0)) {
    throw new RangeError("balanced weights must be non-negative with a positive sum");
  }
  return sum;
}

function range(values: readonly number[]): { min: number; max: number } | null {
  if (values.length === 0) return null;
  return { min: Math.min(...values), max: Math.max(...values) };
}

const penalty = (x: number, r: { min: number; max: number }, floor: number) =>
  (x - r.min) / Math.max(r.max - r.min, floor);

function scoreAll(options: Omit<RankedOption, "score">[], w: BalancedWeights): number[] {
  const sum = checkWeights(w);
  const cost = range(options.map((o) => o.quote.totalFen))!;
  const hours = range(options.flatMap((o) => (o.transitHours === null ? [] : [o.transitHours])));
  const known = options.flatMap((o) => (o.exceptionRate === undefined ? [] : [o.exceptionRate]));
  const neutral = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  const rates = range(known);
  return options.map((o) => {
    const p =
      w.cost * penalty(o.quote.totalFen, cost, COST_RANGE_FLOOR_FEN) +
      w.speed *
        (o.transitHours === null || !hours
          ? 1
          : penalty(o.transitHours, hours, SPEED_RANGE_FLOOR_HOURS)) +
      w.exceptions *
        (rates ? penalty(o.exceptionRate ?? neutral, rates, EXCEPTION_RANGE_FLOOR) : 0);
    return Math.round((1 - p / sum) * 10_000) / 10_000;
  });
}

export type RankKey = "score" | "price" | "hours" | "id";

export const RANK_KEYS: Record<Objective, readonly RankKey[]> = {
  cheapest: ["price", "hours", "id"],
  fastest: ["hours", "price", "id"],
  balanced: ["score", "price", "hours", "id"],
};

export function compareOn(key: RankKey, a: RankedOption, b: RankedOption): number {
  switch (key) {
    case "score":
      return b.score - a.score;
    case "price":
      return a.quote.totalFen - b.quote.totalFen;
    case "hours": {
      if (a.transitHours === b.transitHours) return 0;
      if (a.transitHours === null) return 1;
      if (b.transitHours === null) return -1;
      return a.transitHours - b.transitHours;
    }
    case "id":
      return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
  }
}

/** The first key on which `a` beats (or loses to) `b` under the objective; "id" at worst. */
export function decidingKey(objective: Objective, a: RankedOption, b: RankedOption): RankKey {
  return RANK_KEYS[objective].find((k) => compareOn(k, a, b) !== 0) ?? "id";
}

/** Times, scores and orders the eligible accounts, best first. */
export function rank(
  pool: readonly Eligible[],
  lane: string | null,
  objective: Objective,
  opts: { weights?: BalancedWeights; minHistorySamples?: number } = {},
): RankedOption[] {
  if (pool.length === 0) return [];
  const minSamples = opts.minHistorySamples ?? MIN_HISTORY_SAMPLES;
  const options = pool.map(({ candidate: c, quote }) => ({
    accountId: c.accountId,
    courier: c.courier,
    name: c.name,
    quote,
    ...timing(c, quote.zone.transitDays, lane, minSamples),
  }));
  const weights =
    objective === "balanced"
      ? (opts.weights ?? DEFAULT_BALANCED_WEIGHTS)
      : OBJECTIVE_WEIGHTS[objective];
  const scores = scoreAll(options, weights);
  const ranked: RankedOption[] = options.map((o, i) => ({ ...o, score: scores[i]! }));
  const keys = RANK_KEYS[objective];
  return ranked.sort((a, b) => {
    for (const k of keys) {
      const d = compareOn(k, a, b);
      if (d !== 0) return d;
    }
    return 0;
  });
}
