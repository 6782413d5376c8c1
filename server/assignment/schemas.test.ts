import { describe, expect, it } from "vitest";
import { exampleCandidates } from "./examples";
import { parcel } from "./fixtures";
import { candidateSchema, parcelFactsSchema, ruleSchema } from "./schemas";

describe("assignment schemas", () => {
  it("accept the example candidates and a parcel", () => {
    for (const c of exampleCandidates()) expect(candidateSchema.parse(c)).toEqual(c);
    expect(parcelFactsSchema.parse(parcel())).toEqual(parcel());
  });

  const base = { id: "r", name: "江浙沪走中通", enabled: true, position: 0 };
  it.each([
    ["a pin by courier", { kind: "pin", couriers: ["zto"] }, true],
    ["an exclude by account", { kind: "exclude", accountIds: ["sandbox-ems"] }, true],
    ["an action without targets", { kind: "pin" }, false],
    ["an action with empty targets", { kind: "pin", couriers: [], accountIds: [] }, false],
    ["an unknown action", { kind: "prefer", couriers: ["zto"] }, false],
  ])("rules: %s", (_name, action, ok) => {
    const result = ruleSchema.safeParse({
      ...base,
      condition: { destinationIn: { type: "set", id: "jzh" } },
      action,
    });
    expect(result.success).toBe(ok);
  });

  it("reject unknown region codes and negative values in conditions", () => {
    const bad = [
      { destinationIn: { type: "codes", codes: ["999999"] } },
      { declaredValueOverFen: -1 },
      { attributeAny: [] },
    ];
    for (const condition of bad) {
      const action = { kind: "pin", couriers: ["sf"] };
      expect(ruleSchema.safeParse({ ...base, condition, action }).success).toBe(false);
    }
  });
});
