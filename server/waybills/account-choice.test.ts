import { describe, expect, it } from "vitest";
import { chooseAccount, needsAssignment, type AccountChoiceInput } from "./account-choice";

const base: AccountChoiceInput = {
  assignedAccountId: null,
  overridden: false,
  assignmentConfigured: true,
  shopAccountId: "shop-default",
};

describe("chooseAccount", () => {
  it.each<[string, Partial<AccountChoiceInput>, ReturnType<typeof chooseAccount>]>([
    [
      "per-parcel choice first",
      { parcelAccountId: "p", batchAccountId: "b", assignedAccountId: "a" },
      { kind: "account", accountId: "p", source: "parcel" },
    ],
    [
      "then the batch's account",
      { batchAccountId: "b", assignedAccountId: "a" },
      { kind: "account", accountId: "b", source: "batch" },
    ],
    [
      "then assignment's choice",
      { assignedAccountId: "a" },
      { kind: "account", accountId: "a", source: "assignment" },
    ],
    [
      "a person's override is marked as such",
      { assignedAccountId: "o", overridden: true },
      { kind: "account", accountId: "o", source: "override" },
    ],
    [
      "no courier found: fails with the explanation, never the shop default",
      { noCourierExplanation: "every account was excluded" },
      { kind: "no_courier", reason: "no courier: every account was excluded" },
    ],
    [
      "assignment not configured at all: the shop default",
      { assignmentConfigured: false },
      { kind: "account", accountId: "shop-default", source: "shop_default" },
    ],
    [
      "nothing at all",
      { assignmentConfigured: false, shopAccountId: null },
      { kind: "no_account" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(chooseAccount({ ...base, ...input })).toEqual(expected);
  });
});

describe("needsAssignment", () => {
  const p = {
    assignedAccountId: null,
    overridden: false,
    issuable: true,
    reassign: false,
  };
  it.each<[string, Partial<Parameters<typeof needsAssignment>[0]>, boolean]>([
    ["an unassigned packed parcel", {}, true],
    ["already assigned", { assignedAccountId: "a" }, false],
    [
      "already assigned, auto-shipping re-assigns with the real weight",
      { assignedAccountId: "a", reassign: true },
      true,
    ],
    ["overridden: never", { assignedAccountId: "o", overridden: true, reassign: true }, false],
    ["the dialog named the batch's account", { batchAccountId: "b" }, false],
    ["the dialog named the parcel's account", { parcelAccountId: "p" }, false],
    ["not packed (fails anyway)", { issuable: false }, false],
  ])("%s", (_name, input, expected) => {
    expect(needsAssignment({ ...p, ...input })).toBe(expected);
  });
});
