import { describe, expect, it } from "vitest";
import { candidates, parcel, rule, run, ZJ_TO_BJ } from "./fixtures";
import type { Candidate, ParcelFacts, Rule } from "./types";

const valueToSf = rule({
  id: "value-sf",
  name: "声明价值超过 ¥2,000 走顺丰",
  condition: { declaredValueOverFen: 200_000 },
  action: { kind: "pin", couriers: ["sf"] },
});

type Case = {
  name: string;
  parcel?: Partial<ParcelFacts>;
  candidates: Candidate[];
  rules?: Rule[];
  objective?: "cheapest" | "fastest" | "balanced";
  zh: string;
  en: string;
};

const cases: Case[] = [
  {
    name: "cheapest, with an exclusion and a pin rule that did not match",
    parcel: { attributes: ["battery"] },
    candidates: candidates(["sf", "zto", "yunda", "ems"]),
    rules: [valueToSf],
    zh: "选择韵达：最便宜（¥4.70，比次优的中通便宜 ¥0.30）；排除 EMS：不承运电池类商品；顺丰：规则「声明价值超过 ¥2,000 走顺丰」未命中",
    en: 'Chose Yunda: cheapest (¥4.70, ¥0.30 less than ZTO); excluded EMS: does not carry batteries; SF: rule "声明价值超过 ¥2,000 走顺丰" did not match',
  },
  {
    name: "fastest from lane history",
    candidates: candidates(["sf", "zto"], {
      zto: {
        laneStats: { [ZJ_TO_BJ]: { p50Hours: 30, p90Hours: 44, samples: 50, exceptionRate: 0.01 } },
      },
    }),
    objective: "fastest",
    zh: "选择中通：最快（50 件已签收包裹的中位时效 30 小时，比次优的顺丰快 18 小时）",
    en: "Chose ZTO: fastest (median 30 h over 50 delivered parcels, 18 h faster than SF)",
  },
  {
    name: "balanced, with the exception rate",
    candidates: candidates(["sf", "zto"], {
      zto: {
        laneStats: {
          [ZJ_TO_BJ]: { p50Hours: 60, p90Hours: 90, samples: 80, exceptionRate: 0.012 },
        },
      },
    }),
    objective: "balanced",
    // zto: 1 − (0 + 0.3·(60−48)/24) = 0.85; sf: 1 − 0.5 = 0.5
    zh: "选择中通：综合最优（得分 0.85，次优的顺丰 0.50；¥5.00，80 件已签收包裹的中位时效 60 小时，异常率 1.2%）",
    en: "Chose ZTO: best balance (score 0.85 vs 0.50 for SF; ¥5.00, median 60 h over 80 delivered parcels, 1.2% exceptions)",
  },
  {
    name: "a pin with a single account",
    parcel: { declaredValueFen: 300_000 },
    candidates: candidates(["sf", "zto"]),
    rules: [valueToSf],
    zh: "选择顺丰：规则「声明价值超过 ¥2,000 走顺丰」指定，运费 ¥35.00",
    en: 'Chose SF: pinned by rule "声明价值超过 ¥2,000 走顺丰", freight ¥35.00',
  },
  {
    name: "the only eligible account",
    candidates: candidates(["zto"]),
    zh: "选择中通：唯一可用的账号（¥5.00）",
    en: "Chose ZTO: the only eligible account (¥5.00)",
  },
  {
    name: "nothing left: exclusions grouped by reason",
    parcel: { attributes: ["battery"], preference: { only: ["ems"] } },
    candidates: candidates(["sf", "zto", "yunda", "ems"], { sf: { enabled: false } }),
    zh: "没有可用的快递账号；排除顺丰：账号已停用；排除中通、韵达：买家指定只用 EMS；排除 EMS：不承运电池类商品",
    en: "No eligible courier account; excluded SF: account disabled; excluded ZTO and Yunda: the customer asked for EMS only; excluded EMS: does not carry batteries",
  },
  {
    name: "no accounts at all",
    candidates: [],
    zh: "没有可用的快递账号：尚未设置快递账号",
    en: "No eligible courier account: no courier accounts are set up",
  },
  {
    name: "a rule with an unknown region set",
    candidates: candidates(["zto"]),
    rules: [
      rule({
        name: "偏远走邮政",
        condition: { destinationIn: { type: "set", id: "gone" } },
        action: { kind: "pin", couriers: ["ems"] },
      }),
    ],
    zh: "选择中通：唯一可用的账号（¥5.00）；规则「偏远走邮政」引用了不存在的地区集合，已跳过",
    en: 'Chose ZTO: the only eligible account (¥5.00); rule "偏远走邮政" refers to an unknown region set and was skipped',
  },
];

describe("explanations", () => {
  it.each(cases)("$name", (c) => {
    const r = run(parcel(c.parcel), c.candidates, c.rules ?? [], c.objective ?? "cheapest");
    expect(r.explanation.zh).toBe(c.zh);
    expect(r.explanation.en).toBe(c.en);
  });

  it("no candidate left -> chosen null, nothing ranked", () => {
    const r = run(parcel({ preference: { only: ["jd"] } }), candidates());
    expect(r.chosen).toBeNull();
    expect(r.ranked).toEqual([]);
    expect(r.excluded).toHaveLength(7);
    expect(r.explanation.zh).toBe(
      "没有可用的快递账号；排除顺丰、中通、圆通、韵达、极兔、EMS、德邦：买家指定只用京东物流",
    );
  });

  it("the result survives a round trip through JSON (it is stored as jsonb)", () => {
    const r = run(parcel({ attributes: ["battery"] }), candidates(), [valueToSf], "balanced");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
