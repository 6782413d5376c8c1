import { describe, expect, it } from "vitest";
import {
  candidates,
  excludedCodes,
  NANJING_XUANWU,
  parcel,
  rankedIds,
  rule,
  run,
  SHANGHAI_HUANGPU,
} from "./fixtures";
import type { ParcelFacts, Rule, RuleCondition, RuleOutcome } from "./types";

const valueToSf = rule({
  id: "value-sf",
  name: "声明价值超过 ¥2,000 走顺丰",
  position: 1,
  condition: { declaredValueOverFen: 200_000 },
  action: { kind: "pin", couriers: ["sf"] },
});
const jzhToZto = rule({
  id: "jzh-zto",
  name: "江浙沪走中通",
  position: 2,
  condition: { destinationIn: { type: "set", id: "jzh" } },
  action: { kind: "pin", accountIds: ["sandbox-zto"] },
});
const noSf = (position: number): Rule =>
  rule({ id: "no-sf", name: "不用顺丰", position, action: { kind: "exclude", couriers: ["sf"] } });

const outcomes = (r: ReturnType<typeof run>) =>
  Object.fromEntries(r.rules.map((t) => [t.ruleId, t.outcome]));

describe("rule conditions", () => {
  const p = parcel({
    destinationCode: NANJING_XUANWU,
    declaredValueFen: 300_000,
    weightG: 5_000,
    attributes: ["fragile"],
    shopId: "shop-a",
  });
  type Case = [name: string, condition: RuleCondition, expected: boolean];
  const cases: Case[] = [
    ["no conditions match every parcel", {}, true],
    ["declared value over (strictly)", { declaredValueOverFen: 299_999 }, true],
    ["declared value equal is not over", { declaredValueOverFen: 300_000 }, false],
    ["destination in a region set", { destinationIn: { type: "set", id: "jzh" } }, true],
    ["destination not in a region set", { destinationIn: { type: "set", id: "remote" } }, false],
    [
      "destination by inline city code",
      { destinationIn: { type: "codes", codes: ["320100"] } },
      true,
    ],
    ["destination everywhere", { destinationIn: { type: "all" } }, true],
    ["any goods attribute", { attributeAny: ["liquid", "fragile"] }, true],
    ["no such goods attribute", { attributeAny: ["liquid"] }, false],
    ["shop listed", { shopIds: ["shop-a", "shop-b"] }, true],
    ["shop not listed", { shopIds: ["shop-b"] }, false],
    ["weight over (strictly)", { weightOverG: 4_999 }, true],
    ["weight equal is not over", { weightOverG: 5_000 }, false],
    ["all conditions must hold", { declaredValueOverFen: 1, shopIds: ["shop-b"] }, false],
    [
      "several conditions all holding",
      { declaredValueOverFen: 1, shopIds: ["shop-a"], attributeAny: ["fragile"] },
      true,
    ],
  ];
  it.each(cases)("%s", (_name, condition, expected) => {
    const r = run(p, candidates(), [
      rule({ condition, action: { kind: "pin", couriers: ["sf"] } }),
    ]);
    expect(r.rules[0]!.outcome).toBe(expected ? "pinned" : "not_matched");
    expect(r.chosen?.courier).toBe(expected ? "sf" : "jt");
  });
});

describe("rule precedence", () => {
  type Case = {
    name: string;
    parcel?: Partial<ParcelFacts>;
    rules: Rule[];
    chosen: string | null;
    outcomes: Record<string, RuleOutcome>;
  };
  const cases: Case[] = [
    {
      name: "a matching pin restricts the choice",
      parcel: { declaredValueFen: 300_000 },
      rules: [valueToSf],
      chosen: "sf",
      outcomes: { "value-sf": "pinned" },
    },
    {
      name: "a pin that does not match leaves the objective to choose",
      rules: [valueToSf],
      chosen: "jt",
      outcomes: { "value-sf": "not_matched" },
    },
    {
      name: "a disabled rule is ignored",
      parcel: { declaredValueFen: 300_000 },
      rules: [{ ...valueToSf, enabled: false }],
      chosen: "jt",
      outcomes: { "value-sf": "disabled" },
    },
    {
      name: "the first matching pin wins; later rules are not evaluated",
      parcel: { destinationCode: SHANGHAI_HUANGPU, declaredValueFen: 300_000 },
      rules: [valueToSf, jzhToZto],
      chosen: "sf",
      outcomes: { "value-sf": "pinned", "jzh-zto": "not_evaluated" },
    },
    {
      name: "rules run by position, not by list order",
      parcel: { destinationCode: SHANGHAI_HUANGPU, declaredValueFen: 300_000 },
      rules: [valueToSf, { ...jzhToZto, position: 0 }],
      chosen: "zto",
      outcomes: { "jzh-zto": "pinned", "value-sf": "not_evaluated" },
    },
    {
      name: "an exclude above a pin defeats it: the pin falls back",
      parcel: { declaredValueFen: 300_000 },
      rules: [noSf(0), valueToSf],
      chosen: "jt",
      outcomes: { "no-sf": "excluded", "value-sf": "pin_unavailable" },
    },
    {
      name: "an exclude below a winning pin never runs",
      parcel: { declaredValueFen: 300_000 },
      rules: [valueToSf, noSf(5)],
      chosen: "sf",
      outcomes: { "value-sf": "pinned", "no-sf": "not_evaluated" },
    },
    {
      name: "after an unavailable pin, a later pin can still win",
      parcel: { destinationCode: SHANGHAI_HUANGPU, declaredValueFen: 300_000 },
      rules: [noSf(0), valueToSf, jzhToZto],
      chosen: "zto",
      outcomes: { "no-sf": "excluded", "value-sf": "pin_unavailable", "jzh-zto": "pinned" },
    },
    {
      name: "a rule naming an unknown region set is skipped as invalid",
      rules: [
        rule({
          id: "bad",
          condition: { destinationIn: { type: "set", id: "nope" } },
          action: { kind: "pin", couriers: ["sf"] },
        }),
      ],
      chosen: "jt",
      outcomes: { bad: "invalid" },
    },
    {
      name: "exclude rules by goods attribute remove several couriers",
      parcel: { attributes: ["fragile"] },
      rules: [
        rule({
          id: "fragile",
          condition: { attributeAny: ["fragile"] },
          action: { kind: "exclude", couriers: ["jt", "yunda"] },
        }),
      ],
      chosen: "yto",
      outcomes: { fragile: "excluded" },
    },
    {
      name: "excluding every account leaves nothing to choose",
      rules: [
        rule({
          id: "all",
          action: {
            kind: "exclude",
            couriers: ["sf", "zto", "yto", "yunda", "jt", "ems", "deppon"],
          },
        }),
      ],
      chosen: null,
      outcomes: { all: "excluded" },
    },
  ];

  it.each(cases)("$name", (c) => {
    const r = run(parcel(c.parcel), candidates(), c.rules);
    expect(r.chosen?.courier ?? null).toBe(c.chosen);
    expect(outcomes(r)).toEqual(c.outcomes);
  });

  it("keeps the quotes of accounts a pin narrowed away, as not pinned", () => {
    const r = run(parcel({ declaredValueFen: 300_000 }), candidates(), [valueToSf]);
    expect(rankedIds(r)).toEqual(["sandbox-sf"]);
    expect(r.chosen?.reasons.map((x) => x.code)).toEqual(["rule_pinned", "only_option"]);
    const notPinned = r.excluded.filter((e) => e.reason.code === "not_pinned");
    expect(notPinned).toHaveLength(6);
    for (const e of notPinned) expect(e.quote?.totalFen).toBeGreaterThan(0);
  });

  it("a pin on several accounts lets the objective choose among them", () => {
    const pin = rule({ action: { kind: "pin", couriers: ["zto", "yunda", "ems"] } });
    const r = run(parcel(), candidates(), [pin]);
    expect(rankedIds(r)).toEqual(["sandbox-yunda", "sandbox-zto", "sandbox-ems"]);
    expect(r.chosen?.reasons.map((x) => x.code)).toEqual(["rule_pinned", "cheapest"]);
  });

  it("a pin whose account was filtered out says why and falls back", () => {
    const r = run(
      parcel({ declaredValueFen: 300_000 }),
      candidates(undefined, { sf: { breakerOpen: true } }),
      [valueToSf],
    );
    expect(r.chosen?.courier).toBe("jt");
    expect(r.rules[0]).toMatchObject({
      outcome: "pin_unavailable",
      unavailable: [{ target: "sandbox-sf", reason: { code: "circuit_open" } }],
    });
    expect(r.explanation.zh).toContain(
      "规则「声明价值超过 ¥2,000 走顺丰」命中，但指定的顺丰（快递接口连续失败，已熔断暂停派单）不可用，改按其余账号选择",
    );
    expect(r.explanation.en).toContain(
      'rule "声明价值超过 ¥2,000 走顺丰" matched but SF (courier API failing, circuit breaker open) cannot be used; chose among the others',
    );
    // Explained once: the pin segment names the breaker, the excluded list does not repeat it.
    expect(r.explanation.zh).not.toContain("排除顺丰");
  });

  it("a pin naming a courier without an account reports it as not configured", () => {
    const r = run(parcel(), candidates(), [rule({ action: { kind: "pin", couriers: ["jd"] } })]);
    expect(r.rules[0]).toMatchObject({
      outcome: "pin_unavailable",
      unavailable: [{ target: "jd", reason: { code: "not_configured" } }],
    });
    expect(r.chosen?.courier).toBe("jt");
  });

  it("rule-excluded accounts carry the rule's name and their quote", () => {
    const r = run(parcel(), candidates(), [noSf(0)]);
    expect(excludedCodes(r)).toEqual({ sf: "rule_excluded" });
    expect(r.excluded[0]).toMatchObject({
      reason: { zh: "规则「不用顺丰」排除", en: 'excluded by rule "不用顺丰"' },
      quote: { totalFen: 2000 },
    });
  });
});
