import { describe, expect, it } from "vitest";
import {
  decideAutoShip,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  retryDelayMs,
  type AutoShipFacts,
} from "./auto-ship-rules";

const now = new Date("2026-11-24T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const min = 60_000;

const packed: AutoShipFacts = {
  autoShip: true,
  status: "PACKED",
  held: false,
  hasWaybill: false,
  overridden: false,
  assigned: true,
  updatedAt: ago(60 * min),
  last: null,
  failures: 0,
};
const awaiting: AutoShipFacts = { ...packed, status: "AWAITING_PACK", assigned: false };
const failed = (updatedMinAgo: number, failures: number): Partial<AutoShipFacts> => ({
  last: { status: "failed", updatedAt: ago(updatedMinAgo * min) },
  failures,
});

describe("decideAutoShip", () => {
  it.each<[string, AutoShipFacts, ReturnType<typeof decideAutoShip>]>([
    ["shop without auto-shipping", { ...packed, autoShip: false }, { kind: "skip", why: "off" }],
    ["paid, awaiting packing, unassigned: assign", awaiting, { kind: "assign" }],
    [
      "awaiting packing, already assigned",
      { ...awaiting, assigned: true },
      { kind: "skip", why: "assigned" },
    ],
    [
      "awaiting packing, overridden by a person",
      { ...awaiting, overridden: true },
      { kind: "skip", why: "overridden" },
    ],
    ["packed, never issued: issue", packed, { kind: "issue" }],
    [
      "packed and overridden still issues (on the override)",
      { ...packed, overridden: true },
      { kind: "issue" },
    ],
    ["has a waybill", { ...packed, hasWaybill: true }, { kind: "skip", why: "has_waybill" }],
    ["held", { ...packed, held: true }, { kind: "skip", why: "held" }],
    ["labelled or later", { ...packed, status: "LABELLED" }, { kind: "skip", why: "status" }],
    ["cancelled", { ...packed, status: "CANCELLED" }, { kind: "skip", why: "status" }],
    [
      "issuance in flight",
      { ...packed, last: { status: "pending", updatedAt: ago(min) } },
      { kind: "skip", why: "in_flight" },
    ],
    [
      "issuance pending for over half an hour lost its job: issue again",
      { ...packed, last: { status: "pending", updatedAt: ago(31 * min) } },
      { kind: "issue" },
    ],
    [
      "its waybill was cancelled by a person",
      { ...packed, last: { status: "issued", updatedAt: ago(min) } },
      { kind: "skip", why: "cancelled_by_person" },
    ],
    [
      "failed a minute ago: back off",
      { ...packed, ...failed(1, 1) },
      { kind: "skip", why: "backoff" },
    ],
    ["failed 11 minutes ago once: retry", { ...packed, ...failed(11, 1) }, { kind: "issue" }],
    [
      "failed 11 minutes ago for the third time: still backing off (40 min)",
      { ...packed, ...failed(11, 3) },
      { kind: "skip", why: "backoff" },
    ],
    [
      "failed a minute ago but the parcel changed since: retry now",
      { ...packed, ...failed(1, 4), updatedAt: ago(10_000) },
      { kind: "issue" },
    ],
  ])("%s", (_name, facts, expected) => {
    expect(decideAutoShip(facts, now)).toEqual(expected);
  });
});

describe("retryDelayMs", () => {
  it("doubles from the base up to the cap", () => {
    expect(retryDelayMs(0)).toBe(0);
    expect(retryDelayMs(1)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(2)).toBe(2 * RETRY_BASE_MS);
    expect(retryDelayMs(3)).toBe(4 * RETRY_BASE_MS);
    expect(retryDelayMs(10)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(1_000)).toBe(RETRY_MAX_MS);
  });
});
