/** A measured figure, printed in the table and the JSON, compared to a budget when one exists. */
export type Figure = {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** The budget as "<" or ">=" a threshold, from DESIGN.md section 9. */
  budget?: { op: "<" | ">="; value: number };
  note?: string;
};

export function withinBudget(f: Figure): boolean | undefined {
  if (!f.budget) return undefined;
  return f.budget.op === "<" ? f.value < f.budget.value : f.value >= f.budget.value;
}

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const ok = withinBudget(f);
    return [
      f.group,
      f.name,
      `${round(f.value)} ${f.unit}`,
      f.budget ? `${f.budget.op} ${f.budget.value} ${f.unit}` : "baseline",
      ok === undefined ? "" : ok ? "ok" : "OVER",
      f.note ?? "",
    ];
  });
  const header = ["group", "measure", "value", "budget", "", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function round(n: number): number {
  if (Math.abs(n) >= 100) return Math.round(n);
  return Math.round(n * 100) / 100;
}

/** Percentile of an unsorted sample (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
