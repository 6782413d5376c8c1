import { describe, expect, it } from "vitest";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

describe("Asia/Shanghai wall-clock time", () => {
  it.each([
    ["2025-05-26 09:55:52", "2025-05-26T09:55:52+08:00"],
    ["2025-05-26T09:55:52", "2025-05-26T09:55:52+08:00"],
    [" 2024-02-29 23:59:59 ", "2024-02-29T23:59:59+08:00"],
    ["2025-02-30 10:00:00", undefined],
    ["2025-05-26 9:55", undefined],
    ["", undefined],
  ])("%j -> %j", (text, iso) => {
    expect(shanghaiTimeToIso(text)).toBe(iso);
  });

  it("formats an instant as Shanghai wall-clock time across the date line", () => {
    expect(shanghaiLocalTime(new Date("2026-11-24T17:30:00Z"))).toBe("2026-11-25 01:30:00");
  });
});
