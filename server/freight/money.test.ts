import { describe, expect, it } from "vitest";
import {
  ceilDiv,
  formatBasisPoints,
  formatKg,
  formatYuan,
  MAX_BASIS_POINTS,
  MAX_FEN,
  percentOfFen,
  roundUpTo,
} from "./money";

describe("percentOfFen: amount × bp / 10000, half up to the fen", () => {
  it.each([
    // [amountFen, basisPoints, expected, why]
    [0, 550, 0, "zero amount"],
    [1000, 0, 0, "zero rate"],
    [1000, 550, 55, "exact: 5.5 % of ¥10"],
    [1300, 550, 72, "71.5 fen rounds half up to 72"],
    [4999, 1, 0, "0.4999 fen rounds down"],
    [5000, 1, 1, "exactly 0.5 fen rounds up"],
    [5001, 1, 1, "0.5001 fen rounds up"],
    [14999, 1, 1, "1.4999 fen"],
    [15000, 1, 2, "1.5 fen"],
    [1, 5000, 1, "half of one fen is 0.5 -> 1"],
    [1, 4999, 0, "0.4999 of one fen -> 0"],
    [12345, 10000, 12345, "100 %"],
    [MAX_FEN, MAX_BASIS_POINTS, MAX_FEN, "largest inputs stay exact"],
    [MAX_FEN - 1, 3333, 3_333_000_000, "large odd product, exact integer arithmetic"],
  ])("%i fen × %i bp = %i (%s)", (amount, bp, expected) => {
    expect(percentOfFen(amount, bp)).toBe(expected);
  });

  it("rejects fractions and negatives instead of guessing", () => {
    expect(() => percentOfFen(10.5, 100)).toThrow(RangeError);
    expect(() => percentOfFen(-1, 100)).toThrow(RangeError);
    expect(() => percentOfFen(100, 1.5)).toThrow(RangeError);
  });
});

describe("weight steps round up", () => {
  it.each([
    [0, 500, 0],
    [1, 500, 500],
    [499, 500, 500],
    [500, 500, 500],
    [501, 500, 1000],
    [1000, 1000, 1000],
    [1001, 1000, 2000],
  ])("roundUpTo(%i, %i) = %i", (w, step, expected) => {
    expect(roundUpTo(w, step)).toBe(expected);
  });

  it.each([
    [0, 7, 0],
    [7, 7, 1],
    [8, 7, 2],
    [6_000_001, 6000, 1001],
  ])("ceilDiv(%i, %i) = %i", (a, b, expected) => {
    expect(ceilDiv(a, b)).toBe(expected);
  });
});

describe("formatting for labels", () => {
  it.each([
    [0, "¥0.00"],
    [5, "¥0.05"],
    [1234, "¥12.34"],
    [100000, "¥1000.00"],
    [-250, "-¥2.50"],
  ])("formatYuan(%i) = %s", (fen, text) => expect(formatYuan(fen)).toBe(text));

  it.each([
    [1000, "10%"],
    [550, "5.5%"],
    [5, "0.05%"],
    [50, "0.5%"],
    [1234, "12.34%"],
  ])("formatBasisPoints(%i) = %s", (bp, text) => expect(formatBasisPoints(bp)).toBe(text));

  it.each([
    [500, "0.5kg"],
    [1000, "1kg"],
    [1250, "1.25kg"],
    [2301, "2.301kg"],
  ])("formatKg(%i) = %s", (g, text) => expect(formatKg(g)).toBe(text));
});
