import { exampleRegionSets, EXAMPLE_ORIGIN_CODE } from "@/server/freight/examples";
import { assign } from "./assign";
import { exampleCandidates } from "./examples";
import type {
  AssignmentResult,
  AssignOptions,
  Candidate,
  Objective,
  ParcelFacts,
  Rule,
} from "./types";

/**
 * Test fixtures: the example sandbox accounts shipping from Hangzhou. For a 1 kg parcel to
 * 北京市东城区 (the 全国 tier) they quote: 极兔 ¥4.60, 韵达 ¥4.70, 圆通 ¥4.80, 中通 ¥5.00,
 * EMS ¥12.00, 顺丰 ¥20.00, 德邦 ¥20.60 (¥20 first 3 kg + 3 % fuel); promised days 3, 3, 3, 3,
 * 4, 2, 4.
 */

export const BEIJING_DONGCHENG = "110101";
export const SHANGHAI_HUANGPU = "310101";
export const NANJING_XUANWU = "320102";
export const LHASA_CHENGGUAN = "540102";
export const ZJ_TO_BJ = "330000>110000";

export function parcel(p: Partial<ParcelFacts> = {}): ParcelFacts {
  return {
    originCode: EXAMPLE_ORIGIN_CODE,
    destinationCode: BEIJING_DONGCHENG,
    weightG: 1000,
    dims: null,
    declaredValueFen: 0,
    attributes: [],
    shopId: "shop-1",
    allowedAccountIds: null,
    preference: {},
    ...p,
  };
}

/** The example candidates, optionally only some couriers, with per-courier overrides. */
export function candidates(
  couriers?: readonly string[],
  overrides: Record<string, Partial<Candidate>> = {},
): Candidate[] {
  return exampleCandidates()
    .filter((c) => !couriers || couriers.includes(c.courier))
    .map((c) => ({ ...c, ...overrides[c.courier] }));
}

export function rule(r: Partial<Rule> & Pick<Rule, "action">): Rule {
  return { id: "r1", name: "规则", enabled: true, position: 1, condition: {}, ...r };
}

export function run(
  p: ParcelFacts,
  cands: readonly Candidate[],
  rules: readonly Rule[] = [],
  objective: Objective = "cheapest",
  opts?: AssignOptions,
): AssignmentResult {
  return assign(p, cands, rules, exampleRegionSets, objective, opts);
}

export const rankedIds = (r: AssignmentResult) => r.ranked.map((o) => o.accountId);

/** The reason code each excluded account got, by courier code. */
export function excludedCodes(r: AssignmentResult): Record<string, string> {
  return Object.fromEntries(r.excluded.map((e) => [e.courier, e.reason.code]));
}
