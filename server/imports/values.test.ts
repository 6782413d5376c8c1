import { describe, expect, it } from "vitest";
import type { Parsed } from "./values";
import {
  parseFlag,
  parseMobile,
  parsePriceFen,
  parseQuantity,
  parseShanghaiDateTime,
  parseWeightG,
} from "./values";

/** Asserts a parse failure whose reason matches. */
function expectReason<T>(result: Parsed<T>, reason: RegExp) {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toMatch(reason);
}

describe("parseMobile", () => {
  it.each([
    ["13800138000", { mobile: "13800138000" }],
    ["+86 138 0013 8000", { mobile: "13800138000" }],
    ["+86-13800138000", { mobile: "13800138000" }],
    ["0086 13800138000", { mobile: "13800138000" }],
    ["8613800138000", { mobile: "13800138000" }],
    ["(+86)13800138000", { mobile: "13800138000" }],
    ["138-0013-8000", { mobile: "13800138000" }],
    ["１３８００１３８０００", { mobile: "13800138000" }],
    ["19912345678", { mobile: "19912345678" }],
    ["13800138000-", { mobile: "13800138000" }],
    ["13800138000-1234", { mobile: "13800138000", ext: "1234" }],
    ["13800138000转1234", { mobile: "13800138000", ext: "1234" }],
    ["13800138000 转 1234", { mobile: "13800138000", ext: "1234" }],
    ["13800138000,1234", { mobile: "13800138000", ext: "1234" }],
    ["13800138000#1234", { mobile: "13800138000", ext: "1234" }],
    ["13800138000ext.12", { mobile: "13800138000", ext: "12" }],
    ["+86 138-0013-8000-1234", { mobile: "13800138000", ext: "1234" }],
  ])("%j is valid", (raw, value) => {
    expect(parseMobile(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["12800138000", /not a mainland China mobile/],
    ["1380013800", /not a mainland China mobile/],
    ["138001380001", /not a mainland China mobile/],
    ["010-88886666", /not a mainland China mobile/],
    ["13800138000-1234567", /not a mainland China mobile/],
    ["13800138000转", /not a mainland China mobile/],
    ["张三", /not a mainland China mobile/],
    ["138****5678", /masked: the platform export hid the number/],
    ["138xxxx5678", /masked/],
    ["*******8000", /masked/],
  ])("%j is rejected", (raw, reason) => {
    const result = parseMobile(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("parseQuantity", () => {
  it.each([
    ["1", 1],
    ["9999", 9999],
    ["2.0", 2],
    ["1,000", 1000],
    ["０３", 3],
    [" 5 ", 5],
  ])("%j -> %d", (raw, n) => {
    expect(parseQuantity(raw)).toEqual({ ok: true, value: n });
  });

  it.each(["0", "10000", "-1", "1.5", "abc", "1e3", "", "99999999999", "1,00"])(
    "%j is rejected",
    (raw) => {
      expectReason(parseQuantity(raw), /whole number from 1 to 9999/);
    },
  );
});

describe("parsePriceFen", () => {
  it.each([
    ["59.90", 5990],
    ["59.9", 5990],
    ["0.29", 29],
    ["1.15", 115],
    ["0", 0],
    ["0.01", 1],
    ["100", 10000],
    ["1,299.00", 129900],
    ["¥19.99", 1999],
    ["￥19.99", 1999],
    ["19.99元", 1999],
    ["59.900", 5990],
    ["59.", 5900],
    ["99999999.99", 9999999999],
  ])("%j -> %d fen", (raw, fen) => {
    expect(parsePriceFen(raw)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ["59.999", /more than 2 decimal places/],
    ["0.001", /more than 2 decimal places/],
    ["-1", /not an amount in yuan/],
    ["abc", /not an amount in yuan/],
    ["1.2.3", /not an amount in yuan/],
    ["19,99", /not an amount in yuan/],
    ["123456789", /not an amount in yuan/],
  ])("%j is rejected", (raw, reason) => {
    expectReason(parsePriceFen(raw), reason);
  });
});

describe("parseWeightG", () => {
  it.each([
    ["500", 500],
    ["500g", 500],
    ["500 克", 500],
    ["500.0", 500],
    ["1,000", 1000],
    ["1.2kg", 1200],
    ["1.2KG", 1200],
    ["0.5公斤", 500],
    ["2千克", 2000],
    ["0.001kg", 1],
    ["100kg", 100000],
    ["1", 1],
    ["0", 0],
  ])("%j -> %d g", (raw, grams) => {
    expect(parseWeightG(raw)).toEqual({ ok: true, value: grams });
  });

  it.each([
    ["100001", /from 0 to 100000/],
    ["101kg", /from 0 to 100000/],
    ["-5", /from 0 to 100000/],
    ["abc", /from 0 to 100000/],
    ["1.2lb", /from 0 to 100000/],
    ["500.5", /not a whole number of grams/],
    ["0.0005kg", /not a whole number of grams/],
  ])("%j is rejected", (raw, reason) => {
    expectReason(parseWeightG(raw), reason);
  });
});

describe("parseFlag", () => {
  it.each([
    ["是", true],
    ["Y", true],
    ["y", true],
    ["yes", true],
    ["TRUE", true],
    ["1", true],
    ["否", false],
    ["N", false],
    ["no", false],
    ["false", false],
    ["0", false],
    ["", false],
    [" 是 ", true],
  ])("%j -> %s", (raw, value) => {
    expect(parseFlag(raw)).toEqual({ ok: true, value });
  });

  it.each(["maybe", "2", "虚拟"])("%j is rejected", (raw) => {
    expectReason(parseFlag(raw), /must be 是 or 否/);
  });
});

describe("parseShanghaiDateTime", () => {
  it.each([
    ["2024-06-18 20:15:00", "2024-06-18T12:15:00.000Z"],
    ["2024/6/18 20:15", "2024-06-18T12:15:00.000Z"],
    ["2024/06/18 08:05:09", "2024-06-18T00:05:09.000Z"],
    ["2024.06.18 8:05:09", "2024-06-18T00:05:09.000Z"],
    ["2024-06-18T20:15:00", "2024-06-18T12:15:00.000Z"],
    ["2024-06-18 20:15:00.000", "2024-06-18T12:15:00.000Z"],
    ["2024-06-18", "2024-06-17T16:00:00.000Z"],
    ["2024-01-01 03:00:00", "2023-12-31T19:00:00.000Z"],
    ["2024-02-29 23:59:59", "2024-02-29T15:59:59.000Z"],
    ["2000-02-29 12:00:00", "2000-02-29T04:00:00.000Z"],
    ["2024-12-31 23:59:59", "2024-12-31T15:59:59.000Z"],
    ["2024-04-30 08:00:00", "2024-04-30T00:00:00.000Z"],
  ])("%j -> %s", (raw, iso) => {
    const result = parseShanghaiDateTime(raw);
    expect(result.ok && result.value.toISOString()).toBe(iso);
  });

  it.each([
    "2023-02-29 00:00:00",
    "2024-04-31 00:00:00",
    "2024-02-30 00:00:00",
    "2024-13-01 00:00:00",
    "2024-00-10",
    "2024-06-18 24:00:00",
    "2024-06-18 20:61",
    "18/06/2024",
    "1999-12-31 00:00:00",
    "45461.84",
    "yesterday",
    "2024-06-00 00:00:00",
    "2024-06-18 20:15:60",
    "2024-06-18 20:15:5x",
    "2024-06-18 20-15-00",
  ])("%j is rejected", (raw) => {
    expectReason(parseShanghaiDateTime(raw), /Beijing time/);
  });

  it("reads the canonical form exactly as the general form", () => {
    // "YYYY-MM-DD HH:mm:ss" takes a fast path; "/" separators take the regular expression.
    const pad = (n: number) => String(n).padStart(2, "0");
    for (let i = 0; i < 2000; i++) {
      const [y, mo, d, h, mi, sec] = [
        1999 + (i % 103),
        1 + (i % 13),
        i % 32,
        i % 25,
        i % 61,
        i % 60,
      ];
      const date = `${y}-${pad(mo)}-${pad(d)}`;
      const time = `${pad(h)}:${pad(mi)}:${pad(sec)}`;
      const fast = parseShanghaiDateTime(`${date} ${time}`);
      const general = parseShanghaiDateTime(`${date.replaceAll("-", "/")} ${time}`);
      expect(fast.ok).toBe(general.ok);
      if (fast.ok && general.ok) expect(fast.value.getTime()).toBe(general.value.getTime());
    }
  });
});
