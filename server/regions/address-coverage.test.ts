import { describe, expect, it } from "vitest";
import { parseAddress } from "./address";
import { childrenOf, isDirectCountyGroup, provinceOf, regionIndex } from "./data";
import { aliasesOf } from "./names";

/** Every region of the snapshot, in the spellings exports use: catches any prefix collision. */
describe("parseAddress over the whole snapshot", () => {
  it("parses every county written in full, spaced, without city and without province", () => {
    const failures: string[] = [];
    const namesakes = new Map<string, number>();
    for (const k of regionIndex().all) {
      const key = `${provinceOf(k).name}${k.name}`;
      if (k.level === 3) namesakes.set(key, (namesakes.get(key) ?? 0) + 1);
    }
    for (const k of regionIndex().all) {
      if (k.level !== 3) continue;
      const city = regionIndex().byCode.get(k.parentCode ?? "");
      if (!city) throw new Error(`orphan ${k.code}`);
      const p = provinceOf(k).name;
      const c = isDirectCountyGroup(city) ? "" : city.name;
      const forms = [
        `${p}${c}${k.name}人民路1号`,
        `${p} ${c} ${k.name} 人民路1号`,
        `${c}${k.name}人民路1号`,
      ];
      for (const text of forms) {
        const r = parseAddress(text);
        if (!r.ok || r.county?.code !== k.code || r.detail !== "人民路1号") failures.push(text);
      }
      // Without the city, exactly the names repeated within the province are ambiguous.
      const r = parseAddress(`${p}${k.name}人民路1号`);
      const repeated = (namesakes.get(`${p}${k.name}`) ?? 0) > 1;
      const fine = r.ok
        ? r.county?.code === k.code && !repeated
        : r.reason === "ambiguous_region" && repeated;
      if (!fine) failures.push(`${p}${k.name}`);
    }
    expect(failures).toEqual([]);
  });

  it("parses every city under every alias of its province and itself", () => {
    const failures: string[] = [];
    for (const city of regionIndex().all) {
      if (city.level !== 2 || isDirectCountyGroup(city) || childrenOf(city.code).length === 0)
        continue;
      const county = childrenOf(city.code)[0];
      if (!county) continue;
      for (const pa of aliasesOf(provinceOf(city))) {
        for (const ca of aliasesOf(city)) {
          const r = parseAddress(`${pa}${ca}${county.name}中山路1号`);
          if (!r.ok || r.county?.code !== county.code || r.detail !== "中山路1号")
            failures.push(`${pa}${ca}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
