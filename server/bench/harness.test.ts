import { describe, expect, it } from "vitest";
import { formatTable, percentile, withinBudget } from "./harness";

describe("bench harness", () => {
  it.each([
    [[5, 1, 3, 2, 4], 50, 3],
    [[5, 1, 3, 2, 4], 100, 5],
    [[5, 1, 3, 2, 4], 1, 1],
    [Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
  ])("percentile(%j, %d) = %d", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it("judges budgets both ways", () => {
    expect(
      withinBudget({ group: "g", name: "n", value: 9, unit: "s", budget: { op: "<", value: 10 } }),
    ).toBe(true);
    expect(
      withinBudget({ group: "g", name: "n", value: 10, unit: "s", budget: { op: "<", value: 10 } }),
    ).toBe(false);
    expect(
      withinBudget({
        group: "g",
        name: "n",
        value: 20_000,
        unit: "rows/s",
        budget: { op: ">=", value: 20_000 },
      }),
    ).toBe(true);
    expect(withinBudget({ group: "g", name: "n", value: 1, unit: "x" })).toBeUndefined();
  });

  it("prints one aligned row per figure", () => {
    const table = formatTable([
      { group: "baseline", name: "COPY", value: 123456.7, unit: "rows/s" },
      { group: "import", name: "100k rows", value: 5, unit: "s", budget: { op: "<", value: 10 } },
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain("123457 rows/s");
    expect(lines[3]).toMatch(/< 10 s\s+ok/);
  });
});
