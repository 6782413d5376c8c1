import { describe, expect, it } from "vitest";
import { sections } from "@/server/auth/permissions";
import { catalogues } from "./messages";

const en = catalogues.en;
const zh = catalogues["zh-CN"];

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object"
      ? keys(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

describe("message catalogues", () => {
  it("zh-CN and en have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("no message is empty, and every placeholder exists in both languages", () => {
    const flat = (o: Record<string, unknown>) =>
      Object.fromEntries(
        keys(o).map((k) => [
          k,
          k.split(".").reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o),
        ]),
      );
    const e = flat(en);
    const z = flat(zh);
    for (const k of Object.keys(e)) {
      expect(String(e[k]).trim(), k).not.toBe("");
      expect(String(z[k]).trim(), k).not.toBe("");
      const ph = (s: unknown) => (String(s).match(/\{\w+\}/g) ?? []).sort();
      expect(ph(z[k]), k).toEqual(ph(e[k]));
    }
  });

  it("every navigation section has its menu label in both languages", () => {
    for (const cat of [en, zh]) {
      const nav = cat.nav as Record<string, string>;
      for (const { key } of sections) expect(nav[key], `nav.${key}`).toBeTruthy();
    }
  });
});
