import { describe, expect, it } from "vitest";
import { randomMobile, randomName, randomStreetAddress } from "./people";
import { Rng } from "./random";

describe("people", () => {
  it("names are 2–4 Han characters, led by common surnames", () => {
    const rng = new Rng(11);
    const firstChars = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const name = randomName(rng);
      expect(name).toMatch(/^\p{Script=Han}{2,4}$/u);
      firstChars.set(name[0] ?? "", (firstChars.get(name[0] ?? "") ?? 0) + 1);
    }
    // 王/李/张 are each ~7 % of the population, far above e.g. 郝 (~0.16 %).
    for (const s of ["王", "李", "张"]) expect(firstChars.get(s) ?? 0).toBeGreaterThan(200);
    expect(firstChars.size).toBeGreaterThan(60);
  });

  it("mobiles are 11 digits in allocated consumer segments", () => {
    const rng = new Rng(12);
    for (let i = 0; i < 5000; i++) {
      const m = randomMobile(rng);
      expect(m).toMatch(/^1(3\d|5[0-35-9]|7[0135-8]|8\d|9[0-35-9])\d{8}$/);
    }
  });

  it("street addresses have a door number and vary in shape", () => {
    const rng = new Rng(13);
    const shapes = { estate: 0, office: 0, village: 0 };
    for (let i = 0; i < 2000; i++) {
      const a = randomStreetAddress(rng);
      expect(a).toMatch(/\d+号/);
      if (/单元|栋|幢|号楼/.test(a)) shapes.estate++;
      if (/大厦|中心|广场|科技园|写字楼|产业园/.test(a)) shapes.office++;
      if (/村\d+组/.test(a)) shapes.village++;
    }
    expect(shapes.estate).toBeGreaterThan(1000);
    expect(shapes.office).toBeGreaterThan(150);
    expect(shapes.village).toBeGreaterThan(50);
  });
});
