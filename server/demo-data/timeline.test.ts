import { describe, expect, it } from "vitest";
import { shanghaiDateTime, shanghaiHour, shanghaiYmd } from "./shanghai";
import { Timeline } from "./timeline";

describe("Timeline", () => {
  const start = Date.parse("2026-11-01T00:00:00+08:00");
  const end = Date.parse("2026-11-08T00:00:00+08:00");
  const timeline = new Timeline(start, end);

  it("maps [0, 1) monotonically into [start, end)", () => {
    let last = -Infinity;
    for (let i = 0; i < 10_000; i++) {
      const t = timeline.at(i / 10_000);
      expect(t).toBeGreaterThanOrEqual(Math.max(last, start));
      expect(t).toBeLessThan(end);
      last = t;
    }
    expect(timeline.at(0)).toBe(start);
    expect(new Timeline(start, start).at(0.5)).toBe(start);
  });

  it("puts evening hours far above the small hours", () => {
    const hours = new Array<number>(24).fill(0);
    for (let i = 0; i < 24_000; i++) {
      const h = shanghaiHour(timeline.at((i + 0.5) / 24_000));
      hours[h] = (hours[h] ?? 0) + 1;
    }
    expect(hours[21] ?? 0).toBeGreaterThan(10 * (hours[4] ?? 0));
  });
});

describe("shanghai time", () => {
  it("formats in UTC+8 across the date line", () => {
    const d = new Date("2026-12-31T16:30:07Z");
    expect(shanghaiDateTime(d)).toBe("2027-01-01 00:30:07");
    expect(shanghaiYmd(d)).toBe("20270101");
    expect(shanghaiHour(d.getTime())).toBe(0);
    expect(shanghaiHour(Date.parse("1969-12-31T23:00:00Z"))).toBe(7);
  });
});
