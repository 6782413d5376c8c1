import { regionChain } from "@/server/freight/regions";
import type { Parcel, RegionSet } from "@/server/freight/types";
import { chosenReasons, explain } from "./explain";
import { screen, type ParcelContext } from "./filters";
import { accountLabels } from "./labels";
import { laneOf, rank } from "./rank";
import { applyRules, type Eligible } from "./rules";
import type {
  AssignmentResult,
  AssignOptions,
  Candidate,
  ExcludedOption,
  Objective,
  ParcelFacts,
  Reason,
  Rule,
} from "./types";

/**
 * Courier assignment for one parcel: a pure function of its inputs (no clock, no I/O), so the
 * "what would happen" tester, auto-shipping and the batch waybill action all get the same answer.
 *
 *   1. Hard filters (filters.ts): enabled, circuit breaker, not-served regions, weight and size
 *      limits, goods restrictions, the customer's preference, the shop's allowed accounts, then
 *      the freight quote (no zone for the destination = not covered).
 *   2. Rules (rules.ts), in position order: excludes remove, the first pin whose targets survived
 *      restricts the choice to them; a pin whose targets are all gone falls back.
 *   3. The objective (rank.ts): cheapest, fastest or balanced, with deterministic tie-breaks.
 *   4. The explanation (explain.ts), zh-CN and English.
 *
 * Templates are compiled on first use and cached per template object (server/freight/quote.ts):
 * pass the same template and region-set objects across calls to quote at full speed.
 * Throws only for programming errors: duplicate account ids, invalid balanced weights.
 */
export function assign(
  parcel: ParcelFacts,
  candidates: readonly Candidate[],
  rules: readonly Rule[],
  regionSets: readonly RegionSet[],
  objective: Objective,
  opts: AssignOptions = {},
): AssignmentResult {
  const ids = new Set<string>();
  for (const c of candidates) {
    if (ids.has(c.accountId)) throw new Error(`assign: duplicate account id "${c.accountId}"`);
    ids.add(c.accountId);
  }
  const labels = accountLabels(candidates);
  const ctx: ParcelContext = {
    parcel,
    freight: freightParcel(parcel),
    destination: regionChain(parcel.destinationCode),
    regionSets,
  };

  const eligible: Eligible[] = [];
  const excluded: ExcludedOption[] = [];
  const filtered = new Map<string, Reason>();
  for (const c of candidates) {
    const s = screen(c, ctx);
    if (s.ok) {
      eligible.push({ candidate: c, quote: s.quote });
      continue;
    }
    const entry: ExcludedOption = {
      accountId: c.accountId,
      courier: c.courier,
      name: c.name,
      reason: s.reason,
    };
    if (s.retryAt !== undefined) entry.retryAt = s.retryAt;
    excluded.push(entry);
    filtered.set(c.accountId, s.reason);
  }

  const ruled = applyRules(rules, ctx, candidates, eligible, filtered, labels);
  const ranked = rank(
    ruled.pool,
    laneOf(parcel.originCode, parcel.destinationCode),
    objective,
    opts,
  );
  const best = ranked[0];
  const chosen = best
    ? {
        accountId: best.accountId,
        courier: best.courier,
        name: best.name,
        quote: best.quote,
        score: best.score,
        reasons: chosenReasons(objective, ranked, ruled.pinnedBy, labels),
      }
    : null;
  const allExcluded = [...excluded, ...ruled.removed];
  return {
    objective,
    chosen,
    ranked,
    excluded: allExcluded,
    rules: ruled.trace,
    explanation: explain({
      chosen,
      candidateCount: candidates.length,
      excluded: allExcluded,
      trace: ruled.trace,
      rules,
      labels,
    }),
  };
}

function freightParcel(p: ParcelFacts): Parcel {
  const parcel: Parcel = {
    originCode: p.originCode,
    destinationCode: p.destinationCode,
    weightG: p.weightG,
  };
  if (p.dims) {
    parcel.lengthMm = p.dims.lengthMm;
    parcel.widthMm = p.dims.widthMm;
    parcel.heightMm = p.dims.heightMm;
  }
  if (p.declaredValueFen > 0) parcel.declaredValueFen = p.declaredValueFen;
  return parcel;
}
