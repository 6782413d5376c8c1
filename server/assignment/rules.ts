import type { QuoteSuccess } from "@/server/freight/types";
import { regionIn, resolveRef, type ParcelContext } from "./filters";
import { courierLabel, reason } from "./labels";
import type {
  Bilingual,
  Candidate,
  ExcludedOption,
  Reason,
  Rule,
  RuleAction,
  RuleCondition,
  RuleTrace,
} from "./types";

/**
 * Ordered rules, applied to the accounts that passed the hard filters.
 *
 * - Enabled rules run in ascending `position` (ties: id). Disabled rules are skipped.
 * - A rule matches when every condition it gives holds (no conditions: always).
 * - exclude: removes its targets from the remaining accounts. Evaluation continues.
 * - pin: if any of its targets is still available, the choice is restricted to those targets and
 *   rule evaluation STOPS (first winning pin wins; later rules, excludes included, are reported
 *   "not_evaluated"). If none of its targets is available — filtered out (breaker open, no zone,
 *   refuses the goods…), removed by an earlier exclude rule, or not configured — the pin cannot
 *   be honoured: the trace says which target failed and why, and evaluation continues with the
 *   next rule, so a later pin or the objective decides (fall back, never fail the parcel).
 * - A rule naming an unknown region set never matches and is reported "invalid".
 * Hence order matters: an exclude above a pin can defeat it, an exclude below a winning pin
 * never runs.
 */

export type Eligible = { candidate: Candidate; quote: QuoteSuccess };

export type RulesOutcome = {
  /** The accounts the objective chooses among, in input order. */
  pool: Eligible[];
  /** Accounts removed by rules (with their quotes), in rule order. */
  removed: ExcludedOption[];
  trace: RuleTrace[];
  pinnedBy: Rule | null;
};

export function orderRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function matchesCondition(cond: RuleCondition, ctx: ParcelContext): boolean | "invalid" {
  const { parcel } = ctx;
  let region: boolean | "invalid" = true;
  if (cond.destinationIn) {
    const ref = resolveRef(cond.destinationIn, ctx.regionSets);
    if (ref === "invalid") region = "invalid";
    else region = ctx.destination !== null && regionIn(ref, ctx.destination) !== null;
  }
  if (region === "invalid") return "invalid";
  return (
    region &&
    (cond.declaredValueOverFen === undefined ||
      parcel.declaredValueFen > cond.declaredValueOverFen) &&
    (cond.weightOverG === undefined || parcel.weightG > cond.weightOverG) &&
    (cond.shopIds === undefined || cond.shopIds.includes(parcel.shopId)) &&
    (cond.attributeAny === undefined ||
      cond.attributeAny.some((a) => parcel.attributes.includes(a)))
  );
}

export function isTarget(action: RuleAction, c: Candidate): boolean {
  return (
    (action.accountIds?.includes(c.accountId) ?? false) ||
    (action.couriers?.includes(c.courier) ?? false)
  );
}

/** Labels of a rule's targets, for "顺丰：规则「…」未命中". */
export function targetLabels(
  action: RuleAction,
  labels: ReadonlyMap<string, Bilingual>,
): Bilingual[] {
  const out: Bilingual[] = [];
  const seen = new Set<string>();
  const add = (l: Bilingual) => {
    if (!seen.has(l.zh)) {
      seen.add(l.zh);
      out.push(l);
    }
  };
  for (const id of action.accountIds ?? []) add(labels.get(id) ?? { zh: id, en: id });
  for (const code of action.couriers ?? []) add(courierLabel(code));
  return out;
}

const notConfiguredAccount = reason(
  "not_configured",
  "没有这个快递账号",
  "no such courier account",
);
const notConfiguredCourier = reason(
  "not_configured",
  "没有该快递的账号",
  "no account of this courier",
);

export function applyRules(
  rules: readonly Rule[],
  ctx: ParcelContext,
  candidates: readonly Candidate[],
  eligible: readonly Eligible[],
  /** Why each filtered-out account failed, by account id. */
  filtered: ReadonlyMap<string, Reason>,
  labels: ReadonlyMap<string, Bilingual>,
): RulesOutcome {
  let pool = [...eligible];
  const removed: ExcludedOption[] = [];
  const removedReason = new Map<string, Reason>();
  const trace: RuleTrace[] = [];
  let pinnedBy: Rule | null = null;

  const remove = (e: Eligible, why: Reason) => {
    const { accountId, courier, name } = e.candidate;
    removed.push({ accountId, courier, name, reason: why, quote: e.quote });
    removedReason.set(accountId, why);
  };

  for (const rule of orderRules(rules)) {
    const base = { ruleId: rule.id, name: rule.name, kind: rule.action.kind, accountIds: [] };
    if (!rule.enabled) {
      trace.push({ ...base, outcome: "disabled" });
      continue;
    }
    if (pinnedBy) {
      trace.push({ ...base, outcome: "not_evaluated" });
      continue;
    }
    const matched = matchesCondition(rule.condition, ctx);
    if (matched !== true) {
      trace.push({ ...base, outcome: matched === "invalid" ? "invalid" : "not_matched" });
      continue;
    }
    const hit = pool.filter((e) => isTarget(rule.action, e.candidate));
    const ids = hit.map((e) => e.candidate.accountId);
    if (rule.action.kind === "exclude") {
      const why = reason(
        "rule_excluded",
        `规则「${rule.name}」排除`,
        `excluded by rule "${rule.name}"`,
      );
      for (const e of hit) remove(e, why);
      pool = pool.filter((e) => !ids.includes(e.candidate.accountId));
      trace.push({ ...base, outcome: "excluded", accountIds: ids });
    } else if (hit.length > 0) {
      const why = reason(
        "not_pinned",
        `规则「${rule.name}」指定了其他快递`,
        `rule "${rule.name}" pins another courier`,
      );
      for (const e of pool) if (!ids.includes(e.candidate.accountId)) remove(e, why);
      pool = hit;
      pinnedBy = rule;
      trace.push({ ...base, outcome: "pinned", accountIds: ids });
    } else {
      trace.push({
        ...base,
        outcome: "pin_unavailable",
        unavailable: unavailableTargets(rule.action, candidates, filtered, removedReason, labels),
      });
    }
  }
  return { pool, removed, trace, pinnedBy };
}

function unavailableTargets(
  action: RuleAction,
  candidates: readonly Candidate[],
  filtered: ReadonlyMap<string, Reason>,
  removedReason: ReadonlyMap<string, Reason>,
  labels: ReadonlyMap<string, Bilingual>,
): NonNullable<RuleTrace["unavailable"]> {
  const out: NonNullable<RuleTrace["unavailable"]> = [];
  for (const c of candidates) {
    if (!isTarget(action, c)) continue;
    const why = filtered.get(c.accountId) ?? removedReason.get(c.accountId);
    if (why) out.push({ target: c.accountId, label: labels.get(c.accountId)!, reason: why });
  }
  for (const id of action.accountIds ?? []) {
    if (!candidates.some((c) => c.accountId === id)) {
      out.push({ target: id, label: { zh: id, en: id }, reason: notConfiguredAccount });
    }
  }
  for (const code of action.couriers ?? []) {
    if (!candidates.some((c) => c.courier === code)) {
      out.push({ target: code, label: courierLabel(code), reason: notConfiguredCourier });
    }
  }
  return out;
}
