import { performance } from "node:perf_hooks";
import type { Figure } from "@/server/bench/harness";
import { benchParcels } from "@/server/freight/bench";
import { exampleRegionSets } from "@/server/freight/examples";
import type { Parcel } from "@/server/freight/types";
import { assign } from "./assign";
import { exampleCandidates } from "./examples";
import { laneOf } from "./rank";
import type { Candidate, Objective, ParcelFacts, Rule } from "./types";

/**
 * Assignment for 1,000 parcels on the pure function, no courier calls (DESIGN.md section 9:
 * < 1 s). Seven example accounts (one per example template), three rules, lane history on the
 * lanes the parcels use, the three objectives in turn, goods attributes and customer preferences
 * on some parcels. The measured run starts from freshly copied templates and rules, so it pays for
 * compiling them as a batch job loading them from the database would; the JIT is warmed on
 * another 1,000 parcels first.
 */

const OBJECTIVES: readonly Objective[] = ["cheapest", "fastest", "balanced"];
const ATTRIBUTES: readonly string[][] = [[], [], [], ["fragile"], ["battery"], ["liquid"]];

const rules = (): Rule[] => [
  {
    id: "value-sf",
    name: "声明价值超过 ¥2,000 走顺丰",
    enabled: true,
    position: 1,
    condition: { declaredValueOverFen: 200_000 },
    action: { kind: "pin", couriers: ["sf"] },
  },
  {
    id: "jzh-zto",
    name: "江浙沪走中通",
    enabled: true,
    position: 2,
    condition: { destinationIn: { type: "set", id: "jzh" } },
    action: { kind: "pin", accountIds: ["sandbox-zto"] },
  },
  {
    id: "heavy-no-jt",
    name: "20 公斤以上不走极兔",
    enabled: true,
    position: 3,
    condition: { weightOverG: 20_000 },
    action: { kind: "exclude", couriers: ["jt"] },
  },
];

function facts(parcels: readonly Parcel[]): ParcelFacts[] {
  return parcels.map((p, i) => ({
    originCode: p.originCode,
    destinationCode: p.destinationCode,
    weightG: p.weightG,
    dims:
      p.lengthMm === undefined
        ? null
        : { lengthMm: p.lengthMm, widthMm: p.widthMm!, heightMm: p.heightMm! },
    declaredValueFen: p.declaredValueFen ?? 0,
    attributes: ATTRIBUTES[i % ATTRIBUTES.length]!,
    shopId: `shop-${i % 3}`,
    allowedAccountIds: null,
    preference: i % 17 === 0 ? { exclude: ["ems"] } : i % 29 === 0 ? { only: ["sf"] } : {},
  }));
}

/** Fresh candidates (deep-copied templates) with history on every lane the parcels use. */
function freshCandidates(parcels: readonly ParcelFacts[]): Candidate[] {
  const lanes = new Set(parcels.map((p) => laneOf(p.originCode, p.destinationCode) ?? ""));
  return exampleCandidates().map((c, k) => ({
    ...c,
    templates: structuredClone(c.templates),
    laneStats: Object.fromEntries(
      [...lanes].map((lane, j) => [
        lane,
        {
          p50Hours: 24 + ((j * 7 + k * 11) % 60),
          p90Hours: 48 + ((j * 7 + k * 11) % 60),
          samples: (j + k) % 4 === 0 ? 10 : 200,
          exceptionRate: ((j + k * 3) % 10) / 200,
        },
      ]),
    ),
  }));
}

function runBatch(parcels: readonly ParcelFacts[]): { ms: number; chosen: number } {
  const candidates = freshCandidates(parcels);
  const ruleList = rules();
  const regionSets = structuredClone(exampleRegionSets);
  let chosen = 0;
  const start = performance.now();
  parcels.forEach((p, i) => {
    const result = assign(p, candidates, ruleList, regionSets, OBJECTIVES[i % OBJECTIVES.length]!);
    if (result.chosen) chosen++;
  });
  return { ms: performance.now() - start, chosen };
}

export function assignmentBench(): Figure[] {
  const all = facts(benchParcels(2_000));
  runBatch(all.slice(1_000)); // warm-up: JIT and region chains
  const { ms, chosen } = runBatch(all.slice(0, 1_000));
  if (chosen === 0) throw new Error("assignment bench chose no courier");
  return [
    {
      group: "assignment",
      name: "assignment of 1,000 parcels (pure, no courier calls)",
      value: ms,
      unit: "ms",
      budget: { op: "<", value: 1_000 },
      note: `7 accounts, 3 rules, 3 objectives; ${chosen} assigned; ${Math.round(ms * 10) / 10} µs per parcel`,
    },
  ];
}
