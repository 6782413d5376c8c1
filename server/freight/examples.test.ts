import { describe, expect, it } from "vitest";
import { provinces } from "@/server/regions/data";
import { benchParcels } from "./bench";
import { EXAMPLE_ORIGIN_CODE, exampleRegionSets, exampleTemplates } from "./examples";
import { compileTemplate, sumLines } from "./quote";
import { DEFAULT_REMOTE_PROVINCE_CODES } from "./regions";
import { freightTemplateSchema, parcelSchema, regionSetSchema } from "./schemas";

describe("example templates", () => {
  it("cover the seven seed couriers, all marked as examples", () => {
    expect(exampleTemplates.map((t) => t.courierAccountId)).toEqual([
      "sandbox-sf",
      "sandbox-zto",
      "sandbox-yto",
      "sandbox-yunda",
      "sandbox-jt",
      "sandbox-ems",
      "sandbox-deppon",
    ]);
    for (const t of exampleTemplates) {
      expect(t.isExample).toBe(true);
      expect(t.name).toContain("示例");
    }
    expect(new Set(exampleTemplates.map((t) => t.id)).size).toBe(exampleTemplates.length);
  });

  it("validate against the schemas", () => {
    for (const t of exampleTemplates) expect(freightTemplateSchema.parse(t)).toEqual(t);
    for (const s of exampleRegionSets) expect(regionSetSchema.parse(s)).toEqual(s);
  });

  it("quote every province from the Hangzhou warehouse, remote ones at the remote tier", () => {
    for (const t of exampleTemplates) {
      const quoter = compileTemplate(t, exampleRegionSets);
      for (const p of provinces()) {
        const q = quoter({
          originCode: EXAMPLE_ORIGIN_CODE,
          destinationCode: p.code,
          weightG: 1200,
        });
        expect(q.ok, `${t.id} -> ${p.name}`).toBe(true);
        if (!q.ok) continue;
        const remote = DEFAULT_REMOTE_PROVINCE_CODES.includes(p.code);
        expect(q.zone.destinationLabel === "偏远地区", `${t.id} -> ${p.name}`).toBe(remote);
      }
    }
  });

  it("SF: 浙江省内 is listed before 江浙沪 and wins the tie", () => {
    const sf = compileTemplate(exampleTemplates[0]!, exampleRegionSets);
    const q = sf({ originCode: EXAMPLE_ORIGIN_CODE, destinationCode: "330106", weightG: 800 });
    expect(q).toMatchObject({ ok: true, totalFen: 1200, zone: { destinationLabel: "浙江省内" } });
    const sh = sf({ originCode: EXAMPLE_ORIGIN_CODE, destinationCode: "310101", weightG: 800 });
    expect(sh).toMatchObject({ ok: true, totalFen: 1300, zone: { destinationLabel: "江浙沪" } });
  });

  it("Deppon: minimum top-up, Xinjiang transfer fee and fuel in the documented order", () => {
    const deppon = compileTemplate(exampleTemplates[6]!, exampleRegionSets);
    const local = deppon({
      originCode: EXAMPLE_ORIGIN_CODE,
      destinationCode: "330106",
      weightG: 2000,
    });
    // 1200 first 3 kg -> top-up 300 to the 1500 minimum -> fuel 3 % of 1500 = 45.
    expect(local.ok && local.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ["first_weight", 1200],
      ["minimum_top_up", 300],
      ["fuel", 45],
    ]);
    const far = deppon({
      originCode: EXAMPLE_ORIGIN_CODE,
      destinationCode: "650102",
      weightG: 10_000,
    });
    // 3500 + 7 × 800 = 9100 -> remote fee 2000 -> fuel 3 % of 11100 = 333.
    expect(far.ok && far.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ["first_weight", 3500],
      ["additional_weight", 5600],
      ["remote", 2000],
      ["fuel", 333],
    ]);
  });

  it("every bench parcel is valid and every quote's lines add up to its total", () => {
    const quoters = exampleTemplates.map((t) => compileTemplate(t, exampleRegionSets));
    for (const p of benchParcels(2000)) {
      expect(parcelSchema.safeParse(p).success).toBe(true);
      for (const quoter of quoters) {
        const q = quoter(p);
        expect(q.ok).toBe(true);
        if (q.ok) expect(sumLines(q.lines)).toBe(q.totalFen);
      }
    }
  });
});
