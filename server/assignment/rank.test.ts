import { describe, expect, it } from "vitest";
import { candidates, parcel, rankedIds, run, ZJ_TO_BJ } from "./fixtures";
import { laneKey, laneOf, MIN_HISTORY_SAMPLES } from "./rank";
import type { Candidate, LaneStats, Objective } from "./types";

const stats = (p50Hours: number, exceptionRate: number, samples = 100): LaneStats => ({
  p50Hours,
  p90Hours: p50Hours * 1.5,
  samples,
  exceptionRate,
});
const lane = (s: LaneStats): Partial<Candidate> => ({ laneStats: { [ZJ_TO_BJ]: s } });

describe("lanes", () => {
  it("key lanes by origin and destination province", () => {
    expect(laneKey("330000", "110000")).toBe(ZJ_TO_BJ);
    expect(laneOf("330110", "110101")).toBe(ZJ_TO_BJ);
    expect(laneOf("330110", "999999")).toBeNull();
  });
});

describe("objectives", () => {
  type Case = {
    name: string;
    objective: Objective;
    couriers?: string[];
    overrides?: Record<string, Partial<Candidate>>;
    ranked: string[];
    top?: { transitHours: number | null; source: string; score?: number };
  };
  const cases: Case[] = [
    {
      name: "cheapest: lowest total fen first",
      objective: "cheapest",
      ranked: ["jt", "yunda", "yto", "zto", "ems", "sf", "deppon"],
      top: { transitHours: 72, source: "promise", score: 1 },
    },
    {
      name: "fastest on promises: SF's 2 days, then the 3-day couriers by price",
      objective: "fastest",
      ranked: ["sf", "jt", "yunda", "yto", "zto", "ems", "deppon"],
      top: { transitHours: 48, source: "promise", score: 1 },
    },
    {
      name: "fastest uses lane history when it has enough samples",
      objective: "fastest",
      couriers: ["sf", "zto"],
      overrides: { zto: lane(stats(30, 0.02)) },
      ranked: ["zto", "sf"],
      top: { transitHours: 30, source: "history" },
    },
    {
      name: "fastest falls back to the promise below the sample threshold",
      objective: "fastest",
      couriers: ["sf", "zto"],
      overrides: { zto: lane(stats(30, 0.02, MIN_HISTORY_SAMPLES - 1)) },
      ranked: ["sf", "zto"],
      top: { transitHours: 48, source: "promise" },
    },
    {
      name: "fastest puts an unknown transit time last",
      objective: "fastest",
      couriers: ["sf", "zto"],
      overrides: {
        sf: {
          templates: candidates(["sf"])[0]!.templates.map((t) => ({
            ...t,
            zones: t.zones.map(({ transitDays: _, ...z }) => z),
          })),
        },
      },
      ranked: ["zto", "sf"],
    },
    {
      name: "balanced on promises: ZTO (cost 0, speed 1) 0.70 beats SF (cost 1, speed 0) 0.50",
      objective: "balanced",
      couriers: ["sf", "zto"],
      ranked: ["zto", "sf"],
      top: { transitHours: 72, source: "promise", score: 0.7 },
    },
    {
      name: "balanced counts exception rates; an equal score goes to the cheaper account",
      objective: "balanced",
      couriers: ["sf", "zto"],
      overrides: { zto: lane(stats(80, 0.06)), sf: lane(stats(30, 0.01)) },
      // zto: 1 − (0.5·0 + 0.3·1 + 0.2·1) = 0.5; sf: 1 − 0.5·1 = 0.5 -> tie, cheaper wins
      ranked: ["zto", "sf"],
      top: { transitHours: 80, source: "history", score: 0.5 },
    },
  ];

  it.each(cases)("$name", (c) => {
    const r = run(parcel(), candidates(c.couriers, c.overrides), [], c.objective);
    expect(r.ranked.map((o) => o.courier)).toEqual(c.ranked);
    expect(r.chosen?.courier).toBe(c.ranked[0]);
    if (c.top) expect(r.ranked[0]).toMatchObject(c.top);
  });

  it("balanced weights can be changed", () => {
    const cands = candidates(["sf", "zto"], {
      zto: lane(stats(80, 0.06)),
      sf: lane(stats(30, 0.01)),
    });
    const weights = { cost: 0.2, speed: 0.4, exceptions: 0.4 };
    const r = run(parcel(), cands, [], "balanced", { weights });
    expect(r.ranked.map((o) => [o.courier, o.score])).toEqual([
      ["sf", 0.8],
      ["zto", 0.2],
    ]);
  });

  it("balanced treats an unknown exception rate as the mean of the known ones", () => {
    const cands = candidates(["yto", "zto", "yunda"], {
      zto: lane(stats(72, 0.01)),
      yunda: lane(stats(72, 0.05)),
    });
    const r = run(parcel(), cands, [], "balanced", {
      weights: { cost: 0, speed: 0, exceptions: 1 },
    });
    expect(r.ranked.map((o) => [o.courier, o.score, o.exceptionRate])).toEqual([
      ["zto", 1, 0.01],
      ["yto", 0.5, undefined],
      ["yunda", 0, 0.05],
    ]);
  });

  it("differences below the range floors weigh little (¥0.10 is a tenth of ¥1)", () => {
    const r = run(parcel(), candidates(["jt", "yunda"]), [], "balanced");
    // cost penalty of yunda (¥4.70 vs ¥4.60): 10 / max(10, 100) = 0.1 -> 1 − 0.5·0.1 = 0.95
    expect(r.ranked.map((o) => o.score)).toEqual([1, 0.95]);
  });

  it("rejects weights that do not sum to a positive number", () => {
    expect(() =>
      run(parcel(), candidates(["jt", "yunda"]), [], "balanced", {
        weights: { cost: 0, speed: 0, exceptions: 0 },
      }),
    ).toThrow(RangeError);
  });
});

describe("tie-breaking", () => {
  const zto = candidates(["zto"])[0]!;
  const twin = (accountId: string, name: string, transitDays?: number): Candidate => ({
    ...zto,
    accountId,
    name,
    templates: zto.templates.map((t) => ({
      ...t,
      id: `${t.id}-${accountId}`,
      zones: t.zones.map((z) => (transitDays === undefined ? z : { ...z, transitDays })),
    })),
  });

  it("cheapest: same price -> the faster one", () => {
    const r = run(parcel(), [twin("zto-a", "杭州网点"), twin("zto-b", "上海网点", 2)]);
    expect(rankedIds(r)).toEqual(["zto-b", "zto-a"]);
    expect(r.chosen?.reasons).toEqual([
      {
        code: "tie_break",
        zh: "与中通（杭州网点）价格相同（¥5.00），更快（48 小时 vs 72 小时）",
        en: "same price (¥5.00) as ZTO (杭州网点), faster (48 h vs 72 h)",
      },
    ]);
  });

  it("fastest: same transit time -> the cheaper one", () => {
    const r = run(parcel(), candidates(["zto", "yto"]), [], "fastest");
    expect(r.chosen?.courier).toBe("yto");
    expect(r.chosen?.reasons[0]).toMatchObject({
      code: "tie_break",
      zh: "与中通时效相同（72 小时），更便宜（¥4.80 vs ¥5.00）",
    });
  });

  it("same price and transit time -> the lower account id, whatever the input order", () => {
    const a = twin("zto-a", "杭州网点");
    const b = twin("zto-b", "上海网点");
    for (const objective of ["cheapest", "fastest", "balanced"] as const) {
      for (const order of [
        [a, b],
        [b, a],
      ]) {
        const r = run(parcel(), order, [], objective);
        expect(rankedIds(r)).toEqual(["zto-a", "zto-b"]);
        expect(r.chosen?.reasons[0]?.zh).toMatch(/按账号编号先后选定$/);
      }
    }
  });

  it("the ranking does not depend on the input order", () => {
    const forward = candidates();
    const backward = [...forward].reverse();
    for (const objective of ["cheapest", "fastest", "balanced"] as const) {
      expect(rankedIds(run(parcel(), backward, [], objective))).toEqual(
        rankedIds(run(parcel(), forward, [], objective)),
      );
    }
  });
});
