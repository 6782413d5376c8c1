/**
 * THE rounding rule of freight, stated once:
 *
 *   Money is integer fen. A percentage is integer basis points (1 bp = 0.01 %). A percentage of an
 *   amount is computed exactly in integers, amount × bp / 10000, and the fraction of a fen is
 *   rounded HALF UP (0.5 fen -> 1 fen, 0.4999 fen -> 0 fen). Each surcharge line is rounded once,
 *   where it is computed; the total is the integer sum of the lines, never re-rounded.
 *
 * Weights are not money: a chargeable weight is always rounded UP to the template's step, and
 * additional units are always counted UP (a started unit is a whole unit), as couriers bill.
 *
 * All amounts here are non-negative safe integers; anything else is a programming error and throws.
 */

/** Upper bound for any fen amount the engine accepts (¥100,000,000), so products stay exact. */
export const MAX_FEN = 10_000_000_000;
/** 100 %. Surcharge and insurance rates are capped here. */
export const MAX_BASIS_POINTS = 10_000;

function assertNonNegativeInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${n}`);
  }
}

/**
 * amountFen × basisPoints / 10000, rounded half up to the fen, in exact integer arithmetic
 * (amount ≤ MAX_FEN and bp ≤ MAX_BASIS_POINTS keep the product below 2^53).
 */
export function percentOfFen(amountFen: number, basisPoints: number): number {
  assertNonNegativeInt(amountFen, "amountFen");
  assertNonNegativeInt(basisPoints, "basisPoints");
  const scaled = amountFen * basisPoints + 5_000;
  if (!Number.isSafeInteger(scaled)) throw new RangeError("percentOfFen overflow");
  return (scaled - (scaled % 10_000)) / 10_000;
}

/** ⌈a / b⌉ for a ≥ 0, b > 0, exact. */
export function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return r === 0 ? a / b : (a - r) / b + 1;
}

/** Rounds a weight up to a multiple of `stepG` (0 stays 0). */
export function roundUpTo(weightG: number, stepG: number): number {
  return ceilDiv(weightG, stepG) * stepG;
}

/** 1234 -> "¥12.34". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}¥${(abs - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}

/** 550 -> "5.5%", 1000 -> "10%", 5 -> "0.05%". */
export function formatBasisPoints(bp: number): string {
  const frac = bp % 100;
  const whole = (bp - frac) / 100;
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}%`;
}

/** 500 -> "0.5kg", 1000 -> "1kg", 1250 -> "1.25kg". */
export function formatKg(grams: number): string {
  const frac = grams % 1000;
  const whole = (grams - frac) / 1000;
  if (frac === 0) return `${whole}kg`;
  return `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}kg`;
}
