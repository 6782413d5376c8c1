/**
 * The split dialog's plan: how many of each parcel line go into each new parcel. Mirrors the
 * server's rule (server/orders/rules.ts `validateSplit`): every line's quantities add up to what
 * the parcel holds, and at least two parcels end up with items.
 */

export interface SplitLine {
  orderItemId: number;
  quantity: number;
}

/** plan[part][line] = quantity of that line in that part. */
export type SplitPlan = number[][];

/** Everything stays in the first parcel; the packer moves items into the others. */
export function initialPlan(lines: readonly SplitLine[], parts = 2): SplitPlan {
  return Array.from({ length: Math.max(2, parts) }, (_, p) =>
    lines.map((l) => (p === 0 ? l.quantity : 0)),
  );
}

/** A quick two-way split: the first half of the lines and the rest, or one line halved. */
export function spreadPlan(lines: readonly SplitLine[]): SplitPlan {
  if (lines.length >= 2) {
    const cut = Math.ceil(lines.length / 2);
    return [0, 1].map((p) => lines.map((l, i) => ((i < cut ? 0 : 1) === p ? l.quantity : 0)));
  }
  const q = lines[0]?.quantity ?? 0;
  const first = Math.ceil(q / 2);
  return [lines.map(() => first), lines.map(() => q - first)];
}

export function addPart(plan: SplitPlan): SplitPlan {
  return [...plan, plan[0]?.map(() => 0) ?? []];
}

export function removePart(plan: SplitPlan, part: number): SplitPlan {
  if (plan.length <= 2) return plan;
  const removed = plan[part] ?? [];
  const rest = plan.filter((_, p) => p !== part);
  // What was in the removed parcel goes back to the first one, so nothing silently disappears.
  return rest.map((row, p) => (p === 0 ? row.map((q, i) => q + (removed[i] ?? 0)) : row));
}

export function setQuantity(plan: SplitPlan, part: number, line: number, quantity: number) {
  return plan.map((row, p) => (p === part ? row.map((q, i) => (i === line ? quantity : q)) : row));
}

export interface PlanCheck {
  ok: boolean;
  /** Per line: assigned minus held (0 when it adds up). */
  diff: number[];
  /** Whole, non-negative quantities only. */
  invalidCells: boolean;
  /** Parcels that would get items. */
  filledParts: number;
}

export function checkPlan(lines: readonly SplitLine[], plan: SplitPlan): PlanCheck {
  const invalidCells = plan.some((row) => row.some((q) => !Number.isInteger(q) || q < 0));
  const diff = lines.map((l, i) => plan.reduce((s, row) => s + (row[i] ?? 0), 0) - l.quantity);
  const filledParts = plan.filter((row) => row.some((q) => q > 0)).length;
  return {
    ok: !invalidCells && diff.every((d) => d === 0) && filledParts >= 2,
    diff,
    invalidCells,
    filledParts,
  };
}

/** The `shipping.split` payload: empty lines dropped, empty parcels dropped. */
export function planToParts(lines: readonly SplitLine[], plan: SplitPlan) {
  return plan
    .map((row) =>
      lines
        .map((l, i) => ({ orderItemId: l.orderItemId, quantity: row[i] ?? 0 }))
        .filter((l) => l.quantity > 0),
    )
    .filter((part) => part.length > 0);
}
