import { describe, expect, it } from "vitest";
import { exampleTemplates } from "@/server/freight/examples";
import { candidates, excludedCodes, LHASA_CHENGGUAN, parcel, rankedIds, run } from "./fixtures";
import type { Candidate, ParcelFacts, ReasonCode } from "./types";

const zto = exampleTemplates.find((t) => t.courierAccountId === "sandbox-zto")!;

type Case = {
  name: string;
  parcel?: Partial<ParcelFacts>;
  overrides?: Record<string, Partial<Candidate>>;
  /** courier -> expected exclusion code */
  excluded: Record<string, ReasonCode>;
  zh?: string;
  en?: string;
};

const cases: Case[] = [
  {
    name: "disabled account",
    overrides: { sf: { enabled: false } },
    excluded: { sf: "account_disabled" },
    zh: "账号已停用",
    en: "account disabled",
  },
  {
    name: "circuit breaker open",
    overrides: { zto: { breakerOpen: true, retryAt: "2024-06-01T08:00:00.000Z" } },
    excluded: { zto: "circuit_open" },
    zh: "快递接口连续失败，已熔断暂停派单",
  },
  {
    name: "destination in the not-served regions",
    parcel: { destinationCode: LHASA_CHENGGUAN },
    overrides: { yto: { coverage: { notServed: { type: "set", id: "remote" } } } },
    excluded: { yto: "not_served" },
    zh: "不派送西藏自治区",
    en: "does not deliver to 西藏自治区",
  },
  {
    name: "not-served list naming an unknown region set",
    overrides: { yto: { coverage: { notServed: { type: "set", id: "nope" } } } },
    excluded: { yto: "invalid_coverage" },
  },
  {
    name: "no freight zone for the destination",
    overrides: { zto: { templates: [{ ...zto, zones: zto.zones.slice(0, 1) }] } },
    excluded: { zto: "no_zone" },
    zh: "运费模板不覆盖北京市东城区",
    en: "no freight zone covers 北京市东城区",
  },
  {
    name: "no freight template",
    overrides: { zto: { templates: [] } },
    excluded: { zto: "no_template" },
  },
  {
    name: "over the weight limit",
    parcel: { weightG: 1200 },
    overrides: { jt: { limits: { maxWeightG: 1000 } } },
    excluded: { jt: "over_weight" },
    zh: "超过重量上限（1.2kg > 1kg）",
    en: "over the weight limit (1.2kg > 1kg)",
  },
  {
    name: "longest side over the limit",
    parcel: { dims: { lengthMm: 100, widthMm: 700, heightMm: 100 } },
    overrides: { jt: { limits: { maxSideMm: 600 } } },
    excluded: { jt: "over_side" },
    zh: "最长边超限（700 mm > 600 mm）",
  },
  {
    name: "sum of sides over the limit",
    parcel: { dims: { lengthMm: 500, widthMm: 200, heightMm: 200 } },
    overrides: { jt: { limits: { maxSideMm: 600, maxSumMm: 800 } } },
    excluded: { jt: "over_size_sum" },
    en: "length + width + height over the limit (900 mm > 800 mm)",
  },
  {
    name: "goods restriction (EMS refuses batteries)",
    parcel: { attributes: ["fragile", "battery"] },
    excluded: { ems: "goods_refused" },
    zh: "不承运电池类商品",
    en: "does not carry batteries",
  },
  {
    name: "goods restriction with two refused attributes",
    parcel: { attributes: ["battery", "liquid"] },
    excluded: { ems: "goods_refused" },
    zh: "不承运电池、液体类商品",
    en: "does not carry batteries and liquids",
  },
  {
    name: "customer preference: SF only",
    parcel: { preference: { only: ["sf"] } },
    excluded: {
      zto: "preference_only",
      yto: "preference_only",
      yunda: "preference_only",
      jt: "preference_only",
      ems: "preference_only",
      deppon: "preference_only",
    },
    zh: "买家指定只用顺丰",
    en: "the customer asked for SF only",
  },
  {
    name: "customer preference: no EMS",
    parcel: { preference: { exclude: ["ems"] } },
    excluded: { ems: "preference_excluded" },
    zh: "买家要求不用 EMS",
    en: "the customer asked not to use EMS",
  },
  {
    name: "shop's allowed accounts",
    parcel: { allowedAccountIds: ["sandbox-sf", "sandbox-zto", "sandbox-yunda"] },
    excluded: {
      yto: "shop_not_allowed",
      jt: "shop_not_allowed",
      ems: "shop_not_allowed",
      deppon: "shop_not_allowed",
    },
    zh: "该店铺未启用此快递账号",
  },
  {
    name: "declared value above the product's insurable maximum",
    parcel: { declaredValueFen: 2_500_000 },
    excluded: { ems: "declared_value_too_high" },
    zh: "声明价值 ¥25000.00 超过最高保价 ¥20000.00",
  },
  {
    name: "the first failing filter is the reason (disabled before breaker)",
    overrides: { sf: { enabled: false, breakerOpen: true } },
    excluded: { sf: "account_disabled" },
  },
  {
    name: "size limits pass when the parcel is not measured, weight limits when not weighed",
    parcel: { weightG: 0, dims: null },
    overrides: { jt: { limits: { maxWeightG: 1, maxSideMm: 1, maxSumMm: 1 } } },
    excluded: {},
  },
  {
    name: "an empty 'only' list is no preference",
    parcel: { preference: { only: [] } },
    excluded: {},
  },
];

describe("hard filters", () => {
  it.each(cases)("$name", (c) => {
    const result = run(parcel(c.parcel), candidates(undefined, c.overrides));
    expect(excludedCodes(result)).toEqual(c.excluded);
    const excluded = Object.keys(c.excluded);
    for (const o of result.ranked) expect(excluded).not.toContain(o.courier);
    expect(result.ranked.length + result.excluded.length).toBe(7);
    const first = result.excluded[0];
    if (c.zh) expect(first?.reason.zh).toBe(c.zh);
    if (c.en) expect(first?.reason.en).toBe(c.en);
  });

  it("keeps the breaker's retry time on the excluded entry", () => {
    const retryAt = "2024-06-01T08:00:00.000Z";
    const result = run(parcel(), candidates(["zto"], { zto: { breakerOpen: true, retryAt } }));
    expect(result.excluded).toEqual([
      expect.objectContaining({ accountId: "sandbox-zto", retryAt }),
    ]);
  });

  it("prices an account with its cheapest template", () => {
    const cheaper = {
      ...zto,
      id: "zto-promo",
      zones: zto.zones.map((z) => ({ ...z, firstPriceFen: 300 })),
    };
    const result = run(parcel(), candidates(["zto"], { zto: { templates: [zto, cheaper] } }));
    expect(result.chosen?.quote.templateId).toBe("zto-promo");
    expect(result.chosen?.quote.totalFen).toBe(300);
  });

  it("excludes every account for an unknown destination code", () => {
    const result = run(parcel({ destinationCode: "999999" }), candidates());
    expect(result.chosen).toBeNull();
    expect(new Set(result.excluded.map((e) => e.reason.code))).toEqual(new Set(["invalid_parcel"]));
  });

  it("insures at the declared value, which enters the price", () => {
    const result = run(parcel({ declaredValueFen: 100_000 }), candidates(["zto"]));
    expect(result.chosen?.quote.lines.map((l) => l.kind)).toEqual(["first_weight", "insurance"]);
    expect(result.chosen?.quote.totalFen).toBe(500 + 1_000);
    expect(rankedIds(result)).toEqual(["sandbox-zto"]);
    expect(result.chosen?.quote.zone.transitDays).toBe(3);
  });
});
