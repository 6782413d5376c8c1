import { expect } from "vitest";
import type { AddressParse } from "./address";

/**
 * Shared expectations for the address tests: codes + detail for a success, the reason (and
 * optionally message/suggestions) for a failure. Not a test file itself.
 */

/** What a test expects: codes + detail for a success, reason (+ message/suggestions) for a failure. */
export type Ok = { codes: [string, string, string | null]; detail: string };
export type Err = {
  reason: Extract<AddressParse, { ok: false }>["reason"];
  message?: RegExp;
  suggest?: string[];
};

function summary(r: AddressParse): Ok | Err {
  if (r.ok)
    return { codes: [r.province.code, r.city.code, r.county?.code ?? null], detail: r.detail };
  return { reason: r.reason };
}

export function check(r: AddressParse, expected: Ok | Err): void {
  if ("codes" in expected) {
    expect(summary(r)).toEqual(expected);
    return;
  }
  expect(r.ok ? summary(r) : { reason: r.reason }).toEqual({ reason: expected.reason });
  if (r.ok) return;
  if (expected.message) expect(r.message).toMatch(expected.message);
  if (expected.suggest) expect(r.suggestions).toEqual(expected.suggest);
  expect(r.suggestions.length).toBeLessThanOrEqual(3);
}

export const ok = (codes: Ok["codes"], detail: string): Ok => ({ codes, detail });
export const HZ_XH = ["330000", "330100", "330106"] as Ok["codes"];
export const BJ_CY = ["110000", "110100", "110105"] as Ok["codes"];
